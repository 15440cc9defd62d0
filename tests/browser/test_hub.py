"""The class route, end to end: a real JupyterHub on loopback started with the lecturer's configuration
(docs/class/jupyterhub_config.py) and its proxy from npm; a student follows the nbgitpuller link in Chromium,
logs in with the class password, and gets ``00_start_here`` in their own JupyterLab with a connected kernel in
which the collection imports and every cell runs."""
import json
import os
import shutil
import subprocess
import urllib.request

import pytest

from . import ROOT, chromium
from .hub import FIRST_NOTEBOOK, REPO_NAME, hub_missing_reason, hub_server, log_in

pytestmark = pytest.mark.browser

STUDENT = "student01"
NOTEBOOK_PATH = f"{REPO_NAME}/{FIRST_NOTEBOOK}"

_KERNEL_CONNECTED_ON = """(path) => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const k = w && w.context && w.context.path === path && w.sessionContext && w.sessionContext.session
        && w.sessionContext.session.kernel;
    return !!k && k.connectionStatus === 'connected'; }"""

# Run code in the notebook's own kernel and return what it printed (stdout), or the error it raised.
_EXECUTE_JS = """async (code) => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const future = kernel.requestExecute({code, store_history: false});
  let out = '';
  future.onIOPub = (msg) => {
    if (msg.header.msg_type === 'stream') out += msg.content.text;
    if (msg.header.msg_type === 'error') out += 'ERROR ' + msg.content.ename + ': ' + msg.content.evalue;
  };
  await future.done;
  return out;
}"""

_IMPORT_CHECK = ("import os, sys, mbc_atlas\n"
                 "print('sources', len(mbc_atlas.sources()))\n"
                 "print('cwd', os.getcwd())\n"
                 "print('python', sys.executable)\n")


@pytest.fixture(scope="module")
def hub(need_chromium, tmp_path_factory):
    reason = hub_missing_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"the hub test must run in CI, but {reason}")
        pytest.skip(reason)
    tmp = tmp_path_factory.mktemp("hub")
    with hub_server(tmp) as running:
        yield running


@pytest.fixture(scope="module")
def student_lab(hub, tmp_path_factory, artifacts):
    """Chromium, in a browser profile of its own, after the student has followed the nbgitpuller link."""
    # Let the test reach Lab's application object (window.jupyterapp), as the other Lab tests do: the student's
    # own Jupyter settings, in the home folder the hub gives them (the hub's configuration is left as it is).
    home_config = hub.homes / STUDENT / ".jupyter"
    home_config.mkdir(parents=True)
    (home_config / "jupyter_server_config.json").write_text(json.dumps({"LabApp": {"expose_app_in_browser": True}}))
    with chromium(tmp_path_factory.mktemp("hub-chromium"), width=1280, height=1600) as ctx:
        page = ctx.new_page()
        page.set_default_timeout(30_000)
        page.goto(hub.link(), timeout=60_000)
        # The hub asks who the student is before it starts their server, then sends them on to the link.
        log_in(page, hub, STUDENT)
        # spawn -> nbgitpuller clones the collection -> Lab opens the notebook; all on a busy 2-core machine
        page.wait_for_url(f"**/user/{STUDENT}/lab/tree/{NOTEBOOK_PATH}", timeout=240_000)
        page.wait_for_function(_KERNEL_CONNECTED_ON, arg=NOTEBOOK_PATH, timeout=120_000)
        yield page
        page.screenshot(path=str(artifacts / "hub_00_start_here_page.png"))


def test_the_link_opens_00_start_here_in_the_students_own_lab(hub, student_lab):
    page = student_lab
    assert page.url.startswith(f"{hub.base}/user/{STUDENT}/lab/tree/{NOTEBOOK_PATH}")
    title = page.evaluate("() => window.jupyterapp.shell.currentWidget.title.label")
    assert title == "00_start_here.ipynb"
    # nbgitpuller cloned the collection into the student's home folder, which the hub's configuration names
    copy = hub.homes / STUDENT / REPO_NAME
    assert (copy / FIRST_NOTEBOOK).is_file() and (copy / ".git").is_dir()
    assert (copy / "data" / "sources.csv").is_file()


def test_the_kernel_is_connected_and_the_collection_imports(hub, student_lab):
    page = student_lab
    status = page.evaluate("""() => { const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
        return [k.connectionStatus, k.name]; }""")
    assert status == ["connected", "python3"]
    out = page.evaluate(_EXECUTE_JS, _IMPORT_CHECK)
    assert "ERROR" not in out, out
    lines = dict(line.split(" ", 1) for line in out.strip().splitlines())
    assert lines["sources"] == "5"
    # the kernel runs in the student's copy of the notebooks, in the student's own home folder
    assert lines["cwd"] == str(hub.homes / STUDENT / REPO_NAME / "notebooks")


def test_every_cell_of_00_start_here_runs_in_the_students_kernel(student_lab, artifacts):
    page = student_lab
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    page.wait_for_function(
        """() => { const w = window.jupyterapp.shell.currentWidget;
            const cells = w.content.widgets.filter(c => c.model.type === 'code');
            return cells.every(c => c.model.executionCount !== null)
                && w.sessionContext.session.kernel.status === 'idle'; }""", timeout=120_000)
    errors = page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets
        .filter(c => c.model.type === 'code')
        .flatMap(c => Array.from({length: c.model.outputs.length}, (_, i) => c.model.outputs.get(i).toJSON()))
        .filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue)""")
    assert errors == []
    # the lesson is on screen: the educational-use note the notebook shows
    assert "not medical advice" in page.locator(".jp-Notebook").inner_text().lower()
    page.locator(".jp-Notebook").screenshot(path=str(artifacts / "hub_00_start_here_notebook.png"))


def test_make_test_installs_the_proxy_from_the_committed_lockfile():
    lock = json.loads((ROOT / "tools" / "class" / "package-lock.json").read_text())
    assert "node_modules/configurable-http-proxy" in lock["packages"]
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    out = subprocess.run(["make", "-n", "-C", str(ROOT), "test"], capture_output=True, text=True, timeout=60)
    assert "tools/class/node_modules/.bin/configurable-http-proxy" in out.stdout   # npm ci, from the lockfile


def test_a_second_make_hub_says_the_first_runs_and_leaves_it_alone(hub):
    """A second ``make hub`` from the same folder (hub/) once stopped the running hub's proxy, then died with a
    traceback. Now the running hub's lock (its process id) stops it first, with one sentence."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    if subprocess.run(["make", "-q", "-C", str(ROOT), "setup"], capture_output=True, timeout=60).returncode != 0:
        pytest.skip("the .venv is not up to date (make setup): make hub would build it first")
    assert (hub.state / "jupyterhub.lock").read_text().split() == [str(hub.proc.pid)]
    proxies = [p for p in hub.descendants() if "configurable-http-proxy" in " ".join(p.cmdline())]
    assert len(proxies) == 1
    # the same folder, ports and password as the running hub: what typing make hub twice does
    out = subprocess.run(["make", "-s", "-C", str(ROOT), "hub", f"HUB_DIR={hub.state}"], env=hub.env,
                         capture_output=True, text=True, timeout=180)
    said = out.stdout + out.stderr
    assert out.returncode != 0, said
    assert f"A hub is already running from {hub.state} (process {hub.proc.pid})" in said, said
    assert "Traceback" not in said and "proxy" not in said.lower(), said
    assert hub.proc.poll() is None and proxies[0].is_running()
    with urllib.request.urlopen(hub.base + "/hub/login", timeout=30) as r:
        assert r.status == 200
    assert (hub.state / "jupyterhub.lock").read_text().split() == [str(hub.proc.pid)]
