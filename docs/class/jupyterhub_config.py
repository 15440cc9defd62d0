"""JupyterHub for a class using mbc_atlas: one small machine, a class password, and each student's own folder.

Start it from the repository with ``make hub``. That is the same as running
``.venv/bin/jupyterhub -f docs/class/jupyterhub_config.py`` in a folder for the hub's state (its database and
cookie secret). Students then log in and open the nbgitpuller link in README.md. The hub's own browser test
(tests/browser/test_hub.py) starts the hub with this same file.

Read this first, IT: this file is set up for a trial and for a test, not for a hub on the internet.

* It listens on 127.0.0.1 only. To serve a room, set MBC_HUB_IP=0.0.0.0 and put HTTPS in front: a reverse
  proxy such as nginx or Caddy with a certificate, or ``c.JupyterHub.ssl_cert`` and ``ssl_key``.
* Students log in with any name and one class password (MBC_HUB_PASSWORD, at least 8 characters). With no
  password set, any name and any password get in; that is allowed on 127.0.0.1 only, for trials and tests.
  For real accounts, replace the ``authenticator_class`` lines below with your institution's login.
  Examples: ``oauthenticator`` (GitHub, Google, Microsoft Entra, generic OAuth2/OIDC such as Moodle or
  Keycloak), ``ltiauthenticator`` (launch from the learning-management system), ``ldapauthenticator``,
  or ``"pam"`` (the machine's own Unix accounts, with ``LocalProcessSpawner``).
* SimpleLocalProcessSpawner runs every student's server as the user that started the hub, with no
  isolation between students: one student could read another's folder. On a shared machine, use real Unix
  accounts (PAM plus ``LocalProcessSpawner``) or containers (``dockerspawner``). Past one machine, use
  JupyterHub on Kubernetes (Zero to JupyterHub); the nbgitpuller link stays the same.

What a student's server needs (the "image"): the packages of environment.yml, plus ``nbgitpuller`` and
``jupyterhub`` (for ``jupyterhub-singleuser``). It also needs the mbc_atlas package, installed from a
checkout of this repository with ``python -m pip install --no-deps -e /path/to/checkout``. The package
reads ``data/`` beside its ``lib/`` folder, so install it editable from a checkout, not from a wheel.
Install ``git`` too, which nbgitpuller runs. ``make setup`` builds all of this in ``.venv``. Every student's
server runs that environment's ``jupyterhub-singleuser``, so ``import mbc_atlas`` works in each kernel.

Settings, all read from the environment:

================================  ===========================================================  ==============
variable                          what it sets                                                 default
================================  ===========================================================  ==============
MBC_HUB_IP                        the address students connect to                              127.0.0.1
MBC_HUB_PORT                      the port students connect to (the proxy's public port)       8000
MBC_HUB_API_PORT                  the hub's own port, behind the proxy                         8081
MBC_HUB_PROXY_API_PORT            the proxy's control port                                     8001
MBC_HUB_HOMES                     folder that holds one home folder per student                ./homes
MBC_HUB_PASSWORD                  the class password (empty: any password, loopback only)      (none)
MBC_HUB_IDLE_MINUTES              stop a student's server after this many idle minutes         60
MBC_HUB_PROXY                     the configurable-http-proxy program                          see below
================================  ===========================================================  ==============

The proxy comes from npm. ``make hub`` (and ``make test``) install it into tools/class/node_modules from
the committed lockfile (``npm ci``), so no global install is needed. MBC_HUB_PROXY points at another copy.
"""
import atexit
import importlib.util
import os
import random
import shutil
import socket
import sys
from pathlib import Path

from jupyterhub.spawner import SimpleLocalProcessSpawner

c = get_config()  # noqa: F821 -- JupyterHub provides get_config() when it loads this file

REPO = Path(__file__).resolve().parents[2]
ENV_BIN = Path(sys.executable).parent          # the environment the hub runs in (.venv/bin with make hub)
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _setting(name: str, default: str) -> str:
    return os.environ.get(name) or default


# -- one hub per state folder -------------------------------------------------------------------------------
# A second hub started from the same folder (a second ``make hub``) would stop the first one's proxy (its process
# id is kept in this folder), then die on the ports the first one holds. While a hub runs, jupyterhub.lock here
# holds its process id, and a second one stops before it touches anything.
LOCK = Path("jupyterhub.lock").resolve()     # the hub's state folder: its working folder (hub/ for make hub)


def _running_hub() -> int | None:
    """The process id of the hub that holds the lock, if that process still runs (and, where /proc tells,
    is a hub)."""
    try:
        pid = int(LOCK.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    if pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass                                  # it runs, as another user
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.is_file() and b"jupyterhub" not in cmdline.read_bytes():
        return None                           # the id went to another program after the hub stopped
    return pid


def _unlock() -> None:
    if LOCK.is_file() and LOCK.read_text().split()[:1] == [str(os.getpid())]:
        LOCK.unlink()


def _lock() -> None:
    for _attempt in range(2):
        try:
            fd = os.open(LOCK, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            pid = _running_hub()
            if pid is not None:
                sys.exit(f"A hub is already running from {LOCK.parent} (process {pid}), so this one stops and "
                         f"leaves it alone: stop that one first (Ctrl+C where it runs, or kill {pid}) to start "
                         "it again.")
            LOCK.unlink(missing_ok=True)      # left by a hub that did not stop cleanly
            continue
        with os.fdopen(fd, "w") as f:
            f.write(f"{os.getpid()}\n")
        atexit.register(_unlock)
        return
    sys.exit(f"Could not take {LOCK}: another hub is starting from {LOCK.parent} at this moment.")


_lock()

ip = _setting("MBC_HUB_IP", "127.0.0.1")
port = int(_setting("MBC_HUB_PORT", "8000"))
api_port = int(_setting("MBC_HUB_API_PORT", "8081"))
proxy_api_port = int(_setting("MBC_HUB_PROXY_API_PORT", "8001"))
homes = Path(_setting("MBC_HUB_HOMES", "homes")).resolve()
password = os.environ.get("MBC_HUB_PASSWORD", "")
idle_seconds = int(float(_setting("MBC_HUB_IDLE_MINUTES", "60")) * 60)

# -- where students connect; the hub and the proxy's control port stay on loopback ---------------------------
c.JupyterHub.ip = ip
c.JupyterHub.port = port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = api_port
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{proxy_api_port}"
local_proxy = REPO / "tools" / "class" / "node_modules" / ".bin" / "configurable-http-proxy"
c.ConfigurableHTTPProxy.command = [os.environ.get("MBC_HUB_PROXY")
                                   or (str(local_proxy) if local_proxy.is_file() else "configurable-http-proxy")]

# -- who may log in ----------------------------------------------------------------------------------------
# REPLACE THIS BLOCK for real accounts (see the top of the file), e.g.
#   c.JupyterHub.authenticator_class = "oauthenticator.generic.GenericOAuthenticator"  (plus its settings)
#   c.Authenticator.allowed_users = {"student01", "student02"}     or allowed_groups, per authenticator
#   c.Authenticator.admin_users = {"lecturer"}
c.Authenticator.allow_all = True
if password:
    c.JupyterHub.authenticator_class = "shared-password"     # any user name, one class password
    c.SharedPasswordAuthenticator.user_password = password
elif ip in LOOPBACK:
    c.JupyterHub.authenticator_class = "dummy"               # any name, any password: trials and tests only
else:
    sys.exit(f"MBC_HUB_IP is {ip}, not loopback: set MBC_HUB_PASSWORD (a class password of 8 characters or "
             "more) or configure a real authenticator in docs/class/jupyterhub_config.py.")

# -- each student's server: this environment's Jupyter, a home folder per student ---------------------------
# Testing-grade isolation only (see the top of the file).
SERVER_PORTS = range(20000, 30000)   # below the range Linux hands out for "any free port" (32768-60999)


def _free_server_port() -> int:
    for port in random.sample(SERVER_PORTS, 200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port for a student's server in {SERVER_PORTS}")


class ClassSpawner(SimpleLocalProcessSpawner):
    """SimpleLocalProcessSpawner, with each student's server on a port of its own range.

    The stock spawner asks the system for any free port, and the server binds it a few seconds later. Kernels take
    their ports from that same pool of ports. With thirty students arriving on a busy machine, a kernel took a
    server's port in between: the hub then waited for a server that could never answer. Ports from a range
    the system never hands out close that gap.
    """

    async def start(self):
        if self.port == 0:
            self.port = _free_server_port()
        return await super().start()


c.JupyterHub.spawner_class = ClassSpawner
c.SimpleLocalProcessSpawner.home_dir_template = str(homes / "{username}")
c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = [str(ENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.args = [
    # A kernel whose notebook tab was closed is shut down after 20 idle minutes (open notebooks are kept).
    "--MappingKernelManager.cull_idle_timeout=1200",
    "--MappingKernelManager.cull_interval=120",
    "--MappingKernelManager.cull_connected=False",
]
if hasattr(os, "getuid") and os.getuid() == 0:
    # Jupyter refuses to run as root unless told. A container often runs as root; real Unix accounts don't.
    c.Spawner.args.append("--allow-root")
# The students' servers find the environment's programs (git for nbgitpuller, the Python kernel).
c.Spawner.environment = {"PATH": os.pathsep.join([str(ENV_BIN), os.environ.get("PATH", os.defpath)])}
if not shutil.which("git"):
    print("jupyterhub_config: git is not installed; nbgitpuller links will fail until it is.", file=sys.stderr)
# A small machine starting thirty servers at once is slow to answer; wait longer than the defaults.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 120

# -- stop idle servers so that the room's memory comes back -------------------------------------------------
# A student's server that has seen no activity (no open notebook, no request) for MBC_HUB_IDLE_MINUTES is
# stopped; the student's files stay, and the next visit starts a new server.
if importlib.util.find_spec("jupyterhub_idle_culler") is not None:
    c.JupyterHub.services = [{
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={idle_seconds}",
                    f"--cull-every={max(10, min(300, idle_seconds // 4))}"],
    }]
    c.JupyterHub.load_roles = [{
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }]
else:
    print("jupyterhub_config: jupyterhub-idle-culler is not installed; idle servers will not be stopped "
          "(pip install jupyterhub-idle-culler).", file=sys.stderr)

# Stopping the hub stops every student's server too.
c.JupyterHub.cleanup_servers = True
