"""A real JupyterHub on loopback, started with the lecturer's own configuration (docs/class/jupyterhub_config.py),
for the hub's browser test and the class benchmark (``tools/bench.py class``).

What it sets up, all in a temporary folder: the hub's state, one home folder per student, and a git repository
of the collection that nbgitpuller clones through a ``file://`` URL. The proxy (configurable-http-proxy) comes
from npm through tools/class/package-lock.json. Every wait is bounded. Stopping the hub stops every process it
started: the proxy, the idle culler and the students' servers run in sessions of their own, so they are
recorded and stopped by their ids.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from . import BIN, ROOT, _jupyter_env, _wait_http, free_port

CONFIG = ROOT / "docs" / "class" / "jupyterhub_config.py"
CLASS_TOOLS = ROOT / "tools" / "class"
PROXY = CLASS_TOOLS / "node_modules" / ".bin" / "configurable-http-proxy"
NPM_TIMEOUT = 600        # seconds for ``npm ci`` (a few seconds with a warm cache)
HUB_STOP_TIMEOUT = 60    # seconds for the hub to stop its services, the students' servers and the proxy
REPO_NAME = "mbc_atlas"
FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"
# What the collection's repository holds that a student's copy needs (the rest is tooling).
PUBLISHED = ("README.md", "LICENSE", "LICENSE-CONTENT.md", "pyproject.toml", "environment.yml", "postBuild",
             "data", "lib", "notebooks")


def hub_missing_reason() -> str | None:
    """Why the hub cannot be started here, or None. Installs the proxy from the lockfile when npm is there."""
    for module in ("jupyterhub", "nbgitpuller"):
        try:
            __import__(module)
        except ImportError:
            return f"the {module} Python package is not installed (pip install -e '.[lab,test]', as make does)"
    if shutil.which("git") is None:
        return "git is not installed (nbgitpuller runs it; apt-get install git)"
    if not PROXY.is_file():
        npm = shutil.which("npm")
        if npm is None:
            return ("npm is not installed, so configurable-http-proxy (the hub's proxy, from npm) cannot be "
                    "installed; install Node.js, then make class-deps")
        try:
            subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=CLASS_TOOLS,
                           check=True, timeout=NPM_TIMEOUT, capture_output=True, text=True)
        except subprocess.CalledProcessError as err:
            return f"'npm ci' in {CLASS_TOOLS} failed: {(err.stderr or '').strip()[-400:]}"
        except subprocess.TimeoutExpired:
            return f"'npm ci' in {CLASS_TOOLS} did not finish within {NPM_TIMEOUT} s"
    return None


def publish_collection(tmp: Path) -> str:
    """The collection as a lecturer would publish it: a git repository (branch ``main``) made from this working
    tree's files, then cloned bare to ``tmp/repos/mbc_atlas``. Returns the ``file://`` URL nbgitpuller clones."""
    src = tmp / "published"
    src.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.egg-info")
    for name in PUBLISHED:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=ignore)
        elif path.is_file():
            shutil.copy2(path, src / name)
    git = ["git", "-c", "user.name=mbc_atlas test", "-c", "user.email=test@127.0.0.1", "-c", "init.defaultBranch=main"]
    for args in (["init", "--quiet"], ["add", "--all"], ["commit", "--quiet", "-m", "The collection"]):
        subprocess.run(git + args, cwd=src, check=True, timeout=120, capture_output=True)
    bare = tmp / "repos" / REPO_NAME
    subprocess.run(["git", "clone", "--quiet", "--bare", str(src), str(bare)], check=True, timeout=120,
                   capture_output=True)
    return bare.as_uri()


def nbgitpuller_link(base: str, repo_url: str, notebook: str = FIRST_NOTEBOOK, branch: str = "main") -> str:
    """The link a lecturer hands out (README.md, 'Routes to a class'), for a hub at ``base``."""
    query = urlencode({"repo": repo_url, "branch": branch, "urlpath": f"lab/tree/{REPO_NAME}/{notebook}"},
                      quote_via=quote, safe="")
    return f"{base}/hub/user-redirect/git-pull?{query}"


@dataclass
class Hub:
    base: str           # http://127.0.0.1:PORT, the address students open
    homes: Path         # one home folder per student
    password: str       # the class password
    repo_url: str       # file:// URL of the published collection
    log: Path
    proc: subprocess.Popen
    state: Path | None = None   # the hub's state folder (its working folder: hub/ for make hub)
    env: dict | None = None     # the environment it was started with (its ports, the class password, ...)

    def link(self, notebook: str = FIRST_NOTEBOOK) -> str:
        return nbgitpuller_link(self.base, self.repo_url, notebook)

    def descendants(self):
        """Every live process the hub started (the proxy, the culler, students' servers and their kernels)."""
        import psutil

        try:
            return psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []


def _restore_sigint():
    # A hub started from a background job inherits SIGINT ignored, and so would its idle-culler service, which
    # JupyterHub stops with SIGINT first: shutting down would then wait for the culler's interrupt timeout.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stop_hub(hub: Hub, seen: dict) -> None:
    """SIGTERM the hub (it stops its services, the students' servers and the proxy), bounded; then stop by id
    anything it started that is still there."""
    import psutil

    for p in hub.descendants():
        seen[p.pid] = p
    if hub.proc.poll() is None:
        hub.proc.send_signal(signal.SIGTERM)
        try:
            hub.proc.wait(HUB_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            hub.proc.kill()
            hub.proc.wait(15)
    left = [p for p in seen.values() if p.is_running()]
    for p in left:
        try:
            p.terminate()
        except psutil.NoSuchProcess:
            pass
    _gone, alive = psutil.wait_procs(left, timeout=10)
    for p in alive:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(alive, timeout=10)


# For the class benchmark only: the lecturer's configuration, plus a service whose token may create students and
# start and reach their servers (the hub's REST API), as an administrator's script would.
_BENCH_CONFIG = """c = get_config()  # noqa: F821
load_subconfig({config!r})  # noqa: F821
c.JupyterHub.services.append({{"name": "class-bench", "api_token": {token!r}}})
c.JupyterHub.load_roles.append({{"name": "class-bench", "services": ["class-bench"],
                                "scopes": ["admin:users", "admin:servers", "access:servers", "read:users"]}})
"""


@contextmanager
def hub_server(tmp: Path, idle_minutes: float = 60, extra_env: dict | None = None, api_token: str | None = None,
               extra_config: str = ""):
    """A JupyterHub on free loopback ports, started with docs/class/jupyterhub_config.py, as ``make hub`` starts
    it; yields a :class:`Hub` and always stops it and everything it started. With ``api_token``, a service
    holding that token may also drive the hub's REST API (the class benchmark); ``extra_config`` (Python lines
    run after the lecturer's configuration) is for the benchmark too."""
    repo_url = publish_collection(tmp)
    state = tmp / "hub"
    state.mkdir()
    config = CONFIG
    if api_token:
        config = state / "bench_config.py"
        config.write_text(_BENCH_CONFIG.format(config=str(CONFIG), token=api_token) + extra_config)
    homes = tmp / "homes"
    password = "class-" + os.urandom(6).hex()
    port = free_port()
    env = _jupyter_env(tmp)
    env.update({"MBC_HUB_IP": "127.0.0.1", "MBC_HUB_PORT": str(port), "MBC_HUB_API_PORT": str(free_port()),
                "MBC_HUB_PROXY_API_PORT": str(free_port()), "MBC_HUB_HOMES": str(homes),
                "MBC_HUB_PASSWORD": password, "MBC_HUB_IDLE_MINUTES": str(idle_minutes),
                "PATH": os.pathsep.join([str(BIN), env.get("PATH", os.defpath)])})
    env.pop("MBC_HUB_PROXY", None)
    env.update(extra_env or {})
    log = state / "jupyterhub.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=state, env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_restore_sigint)
    hub = Hub(f"http://127.0.0.1:{port}", homes, password, repo_url, log, proc, state, env)
    seen: dict = {}
    try:
        _wait_http(hub.base + "/hub/login", proc, log)
        yield hub
    finally:
        _stop_hub(hub, seen)


def log_in(page, hub: Hub, student: str, timeout_ms: int = 60_000) -> None:
    """Fill in the hub's login form (the page must be showing it) as ``student`` with the class password."""
    page.wait_for_selector("#username_input", timeout=timeout_ms)
    page.fill("#username_input", student)
    page.fill("#password_input", hub.password)
    page.click("#login_submit")
