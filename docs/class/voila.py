"""Voila for the room: how ``make explorer`` serves the explorer to a class.

``make explorer`` runs ``voila docs/class/explorer.ipynb --Voila.config_file_paths=docs/class``, which reads this
file. Options given on the command line win over it, e.g. ``make explorer POOL=4``. explorer.ipynb is the explorer
alone (a heading and ``mbc.explorer()``): its page is about 27 KB, where 06_explorer's guided scenarios made it
about 240 KB, and a student's browser has less to read before the explorer shows. ``make explorer
NOTEBOOK=notebooks/06_explorer.ipynb`` serves the whole lesson instead, with the same settings.

* Preheated kernels. Voila keeps a pool of kernels that have already run the notebook, so a page opens as soon as
  its kernel is taken from the pool. A new kernel is started to refill the pool, 5 seconds later.
  The pool size is MBC_VOILA_POOL, 2 by default. ``make explorer POOL=N`` sets it. Each kernel holds about
  100 MB. For a class, set the pool to the number of students and start the explorer a few minutes early:
  then nobody waits for a kernel. 30 kernels took 17 s to fill on 2 cores (bench/README.md, "A class").
* Kernels that go away. Closing or leaving the page asks Voila to shut its kernel down (the browser's
  "beforeunload"). When that never arrives (a laptop lid shut, the Wi-Fi lost, a crashed tab), the idle culler
  below shuts down a kernel that has had no page connected and no activity for MBC_VOILA_CULL_IDLE seconds
  (600, ten minutes, by default). It checks every MBC_VOILA_CULL_INTERVAL seconds (60). A page that is still
  open keeps its kernel however long the student looks at it. The pool's own kernels are never culled, and a
  kernel just taken from the pool gets the full idle time again (RoomKernelManager, below).
"""
import os
from datetime import datetime, timezone

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

c = get_config()  # noqa: F821 -- Voila provides get_config() when it loads this file

c.VoilaConfiguration.preheat_kernel = True
c.VoilaConfiguration.default_pool_size = int(os.environ.get("MBC_VOILA_POOL") or 2)
# Refill the pool 5 s after a page takes a kernel, not 1 s: starting a kernel and running the notebook takes the
# processor for a few seconds, and it would otherwise do so while the page it just served is still drawing.
c.VoilaKernelManager.fill_delay = 5

c.MappingKernelManager.cull_idle_timeout = int(os.environ.get("MBC_VOILA_CULL_IDLE") or 600)
c.MappingKernelManager.cull_interval = int(os.environ.get("MBC_VOILA_CULL_INTERVAL") or 60)
c.MappingKernelManager.cull_connected = False   # never take a kernel from a page that is still open

# Voila 0.5 asks for the kernel's shutdown when a page is closed, but it never sets the cookie that the request's
# cross-site check wants, so every such request is refused ("403 POST /voila/api/shutdown/...: '_xsrf' argument
# missing", voila-dashboards/voila#1458) and every visit left its kernel running (about 110 MB) until the server
# stopped. This Voila has no login, so the check protects nothing here: turning it off lets closed pages give their
# kernels back at once. The requests it lets through can only shut down a kernel named by its random id.
c.Voila.tornado_settings = {"disable_check_xsrf": True}


class RoomKernelManager(AsyncMappingKernelManager):
    """Voila's kernel manager, with the idle clock restarted when a kernel leaves the pool.

    A pooled kernel last worked when it ran the notebook, perhaps long before a student's page takes it. Until the
    page has connected, that kernel would look idle for all that time, unconnected. The culler's next pass would
    shut it down under the student (a page that never becomes usable), the more often the busier the machine.
    Voila asks this class about a kernel only once it has left the pool, so the first time it does, the kernel's
    idle time starts again from then.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._out_of_pool: set = set()

    async def cull_kernel_if_idle(self, kernel_id):
        self._out_of_pool &= set(self._kernels)
        if kernel_id not in self._out_of_pool:
            self._out_of_pool.add(kernel_id)
            self._kernels[kernel_id].last_activity = datetime.now(timezone.utc)
            return None
        return await super().cull_kernel_if_idle(kernel_id)


c.VoilaConfiguration.multi_kernel_manager_class = RoomKernelManager
