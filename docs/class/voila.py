"""Voila for the room: how ``make explorer VOILA=1`` serves the explorer to a class, a kernel per page (plain
``make explorer`` serves the kernel-free explorer instead: tools/serve_explorer.py).

``make explorer VOILA=1`` runs ``voila docs/class/explorer.ipynb --Voila.config_file_paths=docs/class``, which
reads this file. Options given on the command line win over it, e.g. ``make explorer VOILA=1 POOL=4``.
explorer.ipynb is the explorer alone (a heading and ``mbc.explorer()``): its page is about 27 KB, where
06_explorer's guided scenarios made it about 240 KB, and a student's browser has less to read before the explorer
shows. ``make explorer VOILA=1 NOTEBOOK=notebooks/06_explorer.ipynb`` serves the whole lesson instead, with the
same settings.

* Preheated kernels. Voila keeps a pool of kernels that have already run the notebook, so a page opens as soon as
  its kernel is taken from the pool. A new kernel is started to refill the pool, 5 seconds later.
  The pool size is MBC_VOILA_POOL, 2 by default. ``make explorer VOILA=1 POOL=N`` sets it. Each kernel holds about
  100 MB. For a class, set the pool to the number of students and start the explorer a few minutes early:
  then nobody waits for a kernel. 30 kernels took 17 s to fill on 2 cores (bench/README.md, "A class").
* A data edit while the explorer runs. Before a pooled kernel is handed to a page, the data folder is looked at
  again (the names, sizes and times of its files, as ``mbc.load`` does). If it changed since that kernel ran the
  notebook, the pool is started again, so every page handed out after an edit shows the edited data, and every
  student in the room sees the same answers. Broken data shows the check's list of problems on the page
  (``mbc.explorer()`` shows it), and what it says is what ``make check`` says.
* Kernels that go away. Closing or leaving the page asks Voila to shut its kernel down (the browser's
  "beforeunload"). A page left before it had connected to its kernel (a student pressing F5 again and again)
  never asks: a kernel that no page has connected to is shut down once it has been quiet for
  MBC_VOILA_CONNECT_GRACE seconds (40) since it was handed out, so it is given back within a minute. When a page
  that did connect goes without asking (a laptop lid shut, the Wi-Fi lost, a crashed tab), the idle culler shuts
  its kernel down after MBC_VOILA_CULL_IDLE seconds (600, ten minutes) with no page connected and no activity.
  Both are checked every MBC_VOILA_CULL_INTERVAL seconds (15). A page that is still open keeps its kernel however
  long the student looks at it. The pool's own kernels are never culled, and a kernel just taken from the pool
  gets the full idle time again (RoomKernelManager, below).
* A page whose kernel has gone (it died and was restarted, or was shut down) says so at its top in plain words,
  and its controls are switched off: it would otherwise keep the old answer beside changed ticks. The page's
  template (``jupyter/nbconvert/templates/mbc-room``, Voila's own "lab" template plus ``room.js``) watches the
  page's connection to its kernel.
"""
import asyncio
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from mbc_atlas.load import _fingerprint, data_folder

c = get_config()  # noqa: F821 -- Voila provides get_config() when it loads this file

c.VoilaConfiguration.preheat_kernel = True
c.VoilaConfiguration.default_pool_size = int(os.environ.get("MBC_VOILA_POOL") or 2)
# Refill the pool 5 s after a page takes a kernel, not 1 s: starting a kernel and running the notebook takes the
# processor for a few seconds, and it would otherwise do so while the page it just served is still drawing.
c.VoilaKernelManager.fill_delay = 5

c.MappingKernelManager.cull_idle_timeout = int(os.environ.get("MBC_VOILA_CULL_IDLE") or 600)
c.MappingKernelManager.cull_interval = int(os.environ.get("MBC_VOILA_CULL_INTERVAL") or 15)
c.MappingKernelManager.cull_connected = False   # never take a kernel from a page that is still open
CONNECT_GRACE = timedelta(seconds=float(os.environ.get("MBC_VOILA_CONNECT_GRACE") or 40))

# Voila 0.5 asks for the kernel's shutdown when a page is closed, but it never sets the cookie that the request's
# cross-site check wants, so every such request is refused ("403 POST /voila/api/shutdown/...: '_xsrf' argument
# missing", voila-dashboards/voila#1458) and every visit left its kernel running (about 110 MB) until the server
# stopped. This Voila has no login, so the check protects nothing here: turning it off lets closed pages give their
# kernels back at once. The requests it lets through can only shut down a kernel named by its random id.
c.Voila.tornado_settings = {"disable_check_xsrf": True}

# The page's template: Voila's "lab" template with the watch on the kernel (room.js). Voila finds templates only
# in Jupyter's data folders, so this folder is put first among them; it holds nbconvert templates only, so Voila's
# own data folder (its themes) is still the one it finds.
os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent / "jupyter"),
                                                          os.environ.get("JUPYTER_PATH")]))
c.VoilaConfiguration.template = "mbc-room"
# What a cell that fails shows instead of its traceback (Voila's own words name command-line options).
c.VoilaExecutor.cell_error_instruction = "The page stopped here. Please tell your lecturer."

RESTARTS = 5   # times the pool is started again for one page, should the data keep changing meanwhile


def data_stamp() -> tuple:
    """What the explorer's kernels read, as ``mbc.load`` tells that it changed: the data folder's files."""
    return _fingerprint(data_folder())


def _now() -> datetime:
    return datetime.now(timezone.utc)


class RoomKernelManager(AsyncMappingKernelManager):
    """Voila's kernel manager for a room: pooled kernels that saw older data are not handed out, a kernel no page
    ever connected to is given back, and the idle clock restarts when a kernel leaves the pool.

    Voila builds its pooled kernel manager as a subclass of this class (``voila_kernel_manager_factory``). Its
    methods come first, so the hand-out check is put around the subclass's own methods when it is made
    (``__init_subclass__``). Voila asks ``cull_kernel_if_idle`` here only about kernels that have left the pool.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._stamps: dict = {}       # kernel id -> the data's stamp just before the kernel started
        self._given: dict = {}        # kernel id -> when a page took it (or, outside the pool, when it started)
        self._connected: set = set()  # kernel ids a page has connected to at least once

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        hand_out, initialize = cls.__dict__.get("get_rendered_notebook"), cls.__dict__.get("_initialize")
        if hand_out is None or initialize is None:
            return

        async def get_rendered_notebook(self, notebook_name, *args, **kw):
            await self._fresh_first(notebook_name)
            task, cache, kernel_id = await hand_out(self, notebook_name, *args, **kw)
            self._given[kernel_id] = _now()
            if kernel_id in self._kernels:       # a pooled kernel last worked when it ran the notebook
                self._kernels[kernel_id].last_activity = _now()
            return task, cache, kernel_id

        async def _initialize(self, notebook_path, kernel_id=None, **kw):
            content = await initialize(self, notebook_path, kernel_id, **kw)
            content["task"].add_done_callback(
                lambda _t: self.log.info("Kernel %s has run %s: ready for a page", content["kernel_id"],
                                         notebook_path))
            return content

        cls.get_rendered_notebook = get_rendered_notebook
        cls._initialize = _initialize

    async def start_kernel(self, **kwargs):
        stamp = data_stamp()
        kernel_id = await super().start_kernel(**kwargs)
        self._stamps[kernel_id] = stamp
        self._given[kernel_id] = _now()
        return kernel_id

    def notify_connect(self, kernel_id):
        self._connected.add(kernel_id)
        super().notify_connect(kernel_id)

    async def _fresh_first(self, notebook_name: str) -> None:
        """Make the next kernel of the pool one that ran the notebook on the data as it is now: while the first
        saw older data, shut down every ready kernel that did and fill the pool again."""
        restarts = 0
        for _ in range(4 * RESTARTS + 4 * len(self._pools.get(notebook_name) or ())):
            pool = self._pools.get(notebook_name)
            if not pool:                 # other pages took them all meanwhile: Voila's hand-out needs one
                self.fill_if_needed(delay=0, notebook_name=notebook_name)
                return
            first = pool[0]
            try:
                content = await first
            except Exception:            # Voila's hand-out reports a kernel that failed to start
                return
            if not pool or pool[0] is not first:   # another page took it meanwhile
                continue
            now = data_stamp()
            if self._stamps.get(content["kernel_id"]) == now or restarts == RESTARTS:
                return
            stale = [t for t in pool if self._ran_before(t, now)]
            self.log.info("The data changed after %d pooled kernel(s) ran %s: filling the pool again",
                          len(stale), notebook_name)
            for t in stale:
                pool.remove(t)
                asyncio.ensure_future(self.shutdown_kernel(t.result()["kernel_id"]))
            self.fill_if_needed(delay=0, notebook_name=notebook_name)
            restarts += 1

    def _ran_before(self, task: asyncio.Future, stamp: tuple) -> bool:
        """Whether a pool's task is a started kernel that ran the notebook on data other than ``stamp``."""
        if not task.done() or task.cancelled() or task.exception() is not None:
            return False
        return self._stamps.get(task.result()["kernel_id"]) != stamp

    async def cull_kernels(self):
        running = set(self._kernels)
        for table in (self._stamps, self._given):
            for gone in set(table) - running:
                del table[gone]
        self._connected &= running
        return await super().cull_kernels()

    async def cull_kernel_if_idle(self, kernel_id):
        kernel = self._kernels.get(kernel_id)
        if kernel is None:
            return None
        last = getattr(kernel, "last_activity", None)
        if last and kernel_id not in self._connected and getattr(kernel, "execution_state", None) != "busy":
            quiet_since = max(last, self._given.get(kernel_id, last))
            if _now() - quiet_since > CONNECT_GRACE:
                self.log.warning("Shutting down kernel %s: no page connected to it in the %d s after it was "
                                 "handed out (the page was left before it loaded)", kernel_id,
                                 CONNECT_GRACE.total_seconds())
                await self.shutdown_kernel(kernel_id)
                return None
        return await super().cull_kernel_if_idle(kernel_id)


c.VoilaConfiguration.multi_kernel_manager_class = RoomKernelManager
