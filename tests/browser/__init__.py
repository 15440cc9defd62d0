"""Helpers shared by the browser tests and ``tools/bench.py``: start JupyterLab or Voila on a free loopback
port, drive Debian's Chromium through Playwright with every non-loopback request aborted, and stop
everything afterwards. Nothing here reaches the network."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
NOTEBOOK = ROOT / "notebooks" / "06_explorer.ipynb"
ARTIFACTS = ROOT / "artifacts"
if str(ROOT / "tools") not in sys.path:
    sys.path.insert(0, str(ROOT / "tools"))
from chromium_path import ENV_VAR, chromium_path  # noqa: E402  (tools/chromium_path.py: the one place that says)

CHROMIUM = chromium_path()      # $MBC_CHROMIUM, else chromium on PATH, else Debian's
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
START_TIMEOUT = 90      # seconds for a server to answer
STOP_TIMEOUT = 15       # seconds for a server to exit after SIGTERM


def chromium_missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).is_file():
        return (f"{CHROMIUM} not found (apt-get install chromium, or name another: "
                f"make test {ENV_VAR}=/path/to/chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install -e '.[lab,test]', as make does)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _jupyter_env(tmp: Path) -> dict:
    """An environment that keeps the servers' runtime files, config and IPython profile in ``tmp``."""
    env = dict(os.environ)
    for var, sub in (("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_CONFIG_DIR", "config"),
                     ("JUPYTER_DATA_DIR", "data"), ("IPYTHONDIR", "ipython")):
        (tmp / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(tmp / sub)
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env.pop("MBC_ATLAS_DATA", None)
    return env


def _wait_http(url: str, proc: subprocess.Popen, log: Path, timeout: float = START_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}; log:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout}s; log:\n{log.read_text()[-3000:]}")


def _stop(proc: subprocess.Popen):
    """Stop a server we started (and the kernels it started, which share its process group)."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(STOP_TIMEOUT)
    # kernels left behind in the group after the server exited
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


@contextmanager
def _serve(cmd, cwd: Path, tmp: Path, log: Path, base: str, ready_path: str, procs: list | None = None,
           env: dict | None = None):
    """Run a server command, yield its base URL once ``ready_path`` answers, and always stop it."""
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env={**_jupyter_env(tmp), **(env or {})}, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    if procs is not None:
        procs.append(proc)
    try:
        _wait_http(base + ready_path, proc, log)
        yield base
    finally:
        _stop(proc)


@contextmanager
def lab_server(tmp: Path):
    """JupyterLab on a free loopback port serving a private copy of the explorer notebook.

    Yields (base_url, token). Lab is told not to fetch news or check for updates, and to render every
    cell (windowing off) so the explorer at the bottom of the notebook is in the page.
    """
    root = tmp / "notebooks"
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(NOTEBOOK, root / NOTEBOOK.name)
    settings = tmp / "app-settings"
    settings.mkdir(exist_ok=True)
    (settings / "overrides.json").write_text(json.dumps({
        "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    }))
    port, token = free_port(), "mbc-test-" + os.urandom(8).hex()
    log = tmp / "lab.log"
    cmd = [str(BIN / "jupyter"), "lab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True",
           f"--LabApp.app_settings_dir={settings}", f"--LabApp.user_settings_dir={tmp / 'user-settings'}",
           f"--LabApp.workspaces_dir={tmp / 'workspaces'}"]
    with _serve(cmd, root, tmp, log, f"http://127.0.0.1:{port}", f"/api/status?token={token}") as base:
        yield base, token


@contextmanager
def voila_server(tmp: Path, notebook: Path = NOTEBOOK, args=(), procs: list | None = None, env: dict | None = None):
    """Voila serving the explorer notebook on a free loopback port; yields its base URL.

    ``args`` are extra command-line options (e.g. ``ROOM_ARGS``, as ``make explorer`` serves a class);
    ``procs``, when given, receives the server's Popen (to count and weigh its kernels); ``env`` adds
    environment variables (its log is ``tmp/voila.log``)."""
    port = free_port()
    log = tmp / "voila.log"
    cmd = [str(BIN / "voila"), str(notebook), "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}",
           "--Voila.port_retries=0", *args]
    with _serve(cmd, ROOT, tmp, log, f"http://127.0.0.1:{port}", "/voila/static/voila.js", procs, env) as base:
        yield base


# How ``make explorer`` serves the explorer to a room: preheated kernels and idle culling (docs/class/voila.py).
ROOM_CONFIG = ROOT / "docs" / "class"
ROOM_NOTEBOOK = ROOM_CONFIG / "explorer.ipynb"     # the explorer alone: what make explorer serves
ROOM_ARGS = (f"--Voila.config_file_paths={ROOM_CONFIG}",)


def _only_loopback(route):
    host = urlparse(route.request.url).hostname or ""
    if route.request.url.startswith(("data:", "blob:")) or host in LOOPBACK:
        route.continue_()
    else:
        route.abort()


_PLAYWRIGHT = None


def _playwright():
    """One Playwright for the whole session: the sync API runs one at a time, and several fixtures (the shared
    browser, the hub's student, a handout) each want a Chromium of their own."""
    global _PLAYWRIGHT
    if _PLAYWRIGHT is None:
        import atexit

        from playwright.sync_api import sync_playwright

        _PLAYWRIGHT = sync_playwright().start()
        atexit.register(_PLAYWRIGHT.stop)
    return _PLAYWRIGHT


@contextmanager
def chromium(tmp: Path, width: int = 1280, height: int = 1600):
    """A Chromium context with a fresh profile in ``tmp``; every non-loopback request is aborted."""
    ctx = _playwright().chromium.launch_persistent_context(
        str(tmp / "chromium-profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
        viewport={"width": width, "height": height}, device_scale_factor=1)
    try:
        ctx.route("**/*", _only_loopback)
        yield ctx
    finally:
        ctx.close()


# -- driving the explorer in a page -------------------------------------------------------------------

def toggle(page, group: str, characteristic_label: str):
    """The button of a one-choice group, found by the group's class and the button's words."""
    return page.locator(f".mbc-explorer .mbc-group-{group}").get_by_role(
        "button", name=characteristic_label, exact=True)


def checkbox(page, characteristic: str):
    return page.locator(f".mbc-explorer .mbc-ctl-{characteristic} input[type=checkbox]")


def summary_text(page) -> str:
    return page.locator(".mbc-explorer .mbc-summary-widget").inner_text()


def grid_counts(page) -> list:
    """The numbers in the evidence grid's cells, row by row (the last row is 'at least one')."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('.mbc-explorer .mbc-grid tbody tr'))
        .map(tr => Array.from(tr.querySelectorAll('td')).map(td => parseInt(td.textContent, 10)))""")


def expected_summary_phrases(ids) -> list:
    """What the summary must say for a selection, derived from ``mbc.answer`` (not from the renderer):
    each chosen characteristic's label, each associated category with its count of texts, each silent one."""
    import mbc_atlas as mbc

    a = mbc.answer(ids)
    labels = mbc.characteristics().set_index("characteristic")["label"]
    out = [labels[c] for c in a.selection]
    out += [f"{c.label} \u2014 {len(c.sources)} text" for c in a.associated]
    out += [labels[c] + ": the sources say nothing about this" for c in a.silent]
    return out


def expected_grid(ids) -> list:
    import mbc_atlas as mbc

    a = mbc.answer(ids)
    return a.grid.to_numpy().tolist() + [[len(c.sources) for c in a.categories]]


def expected_categories(ids) -> dict:
    import mbc_atlas as mbc

    return {c.category: len(c.sources) for c in mbc.answer(ids).categories}


_CONSISTENT_JS = """([selection, phrases, grid, cats]) => {
  const root = document.querySelector('.mbc-explorer');
  if (!root) return false;
  const parts = ['.mbc-summary', '.mbc-grid-box', '.mbc-answer'].map(s => root.querySelector(s));
  if (!parts.every(p => p && p.dataset.selection === selection)) return false;
  const summary = root.querySelector('.mbc-summary-widget').innerText;
  if (!phrases.every(p => summary.includes(p))) return false;
  const shown = Array.from(root.querySelectorAll('.mbc-grid tbody tr'))
    .map(tr => Array.from(tr.querySelectorAll('td')).map(td => parseInt(td.textContent, 10)));
  if (JSON.stringify(shown) !== JSON.stringify(grid)) return false;
  const sections = {};
  root.querySelectorAll('.mbc-answer-widget .mbc-category').forEach(
    s => { sections[s.dataset.category] = parseInt(s.dataset.texts, 10); });
  return Object.keys(cats).every(c => sections[c] === cats[c]) && Object.keys(sections).length === Object.keys(cats).length;
}"""


def wait_for_answer(page, ids, timeout_ms: int = 15000):
    """Wait (bounded) until the summary, the grid and the answer all show what ``mbc.answer(ids)`` says."""
    if not list(ids):
        page.wait_for_function("() => document.querySelector('.mbc-explorer .mbc-summary-widget')"
                               ".innerText.includes('Nothing is chosen yet') && "
                               "!document.querySelector('.mbc-explorer .mbc-grid')", timeout=timeout_ms)
        return
    import mbc_atlas as mbc

    selection = " ".join(mbc.validate_selection(ids))
    page.wait_for_function(_CONSISTENT_JS, arg=[selection, expected_summary_phrases(ids), expected_grid(ids),
                                                expected_categories(ids)], timeout=timeout_ms)


def shown_tiers(page) -> list:
    """(tier, category) of every statement the live explorer shows, in page order."""
    return page.evaluate("""() => Array.from(document.querySelectorAll(
        '.mbc-explorer .mbc-answer-widget .mbc-statement')).map(s => [s.dataset.tier, s.dataset.category])""")


def check_receptor_negative_after_menopause(page, toggle_of, artifacts, name: str):
    """The statements issue's own example, clicked as a learner would: chemotherapy is associated; hormonal
    therapy appears only under 'does not fit', with its quote and the reason."""
    import mbc_atlas as mbc

    labels = mbc.characteristics().set_index("characteristic")["label"]
    toggle_of("receptor", labels["hr_negative"]).click()
    toggle_of("menopause", labels["postmenopausal"]).click()
    wait_for_answer(page, ["hr_negative", "postmenopausal"])
    a = mbc.answer(["hr_negative", "postmenopausal"])
    assert [c.category for c in a.associated] == ["chemotherapy"]
    summary = summary_text(page)
    assert "Chemotherapy \u2014 1 text, about hormone-receptor-negative only." in summary
    assert "hormonal therapy (" not in summary
    tiers = shown_tiers(page)
    assert sorted(map(tuple, tiers)) == sorted((t, p.statement.category) for t in ("fits", "would_fit", "does_not_fit")
                                               for p in a.placed(t))
    assert ["does_not_fit", "hormonal"] in tiers and ["fits", "hormonal"] not in tiers
    section = page.locator(".mbc-explorer .mbc-tier[data-tier='does_not_fit']")
    text = section.inner_text()
    assert "it is about hormone-receptor-positive, and you chose hormone-receptor-negative" in text
    assert "all aromatase inhibitors only work in postmenopausal women" in text
    section.scroll_into_view_if_needed()
    page.locator(".mbc-explorer").screenshot(path=str(artifacts / f"{name}_receptor_negative_postmenopausal.png"))


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_JS = ROOT / "tools" / "site" / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page, include: str | None = None) -> list:
    """Run axe-core (from npm, loaded from tools/site/node_modules) on the page with the WCAG 2.0/2.1/2.2 A and
    AA rules; return each violation as (rule id, impact, number of elements, first target)."""
    if not AXE_JS.is_file():                 # installed from the committed lockfile, as make site does
        sys.path.insert(0, str(ROOT / "tools"))
        import build_site

        build_site.install_js()
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("""async ([include, tags]) => {
        const r = await axe.run(include ? document.querySelector(include) : document,
                                {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
        return r.violations.map(v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')]);
    }""", [include, AXE_TAGS])
    return result
