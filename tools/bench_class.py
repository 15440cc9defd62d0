"""A class's load: the ``class`` section of tools/bench.py (``make bench``). A measurement, never a timed test.

- ``open``: page open to a usable explorer through Voila as ``make explorer`` serves a room (preheated kernels,
  docs/class/voila.py), against a bare-Voila floor notebook (one widget; imports pandas, matplotlib and
  ipywidgets) measured in the same run; and the kernels left after visits: closed tabs (the browser asks Voila
  to shut the kernel down) and tabs that vanish without a word (a lid shut), which the idle culler must remove.
- ``voila_class``: STUDENTS students arrive over ARRIVAL_S seconds (seeded), each in a light Playwright context
  of one Chromium, open the explorer, then make TOGGLES clicks with a think time between; then they all vanish,
  and the kernel count must return to the pool size within the culling settings.
- ``hub_class``: the same number of students on the JupyterHub of docs/class/jupyterhub_config.py: each logs
  in through the nbgitpuller link, gets their own server, a copy of the collection and 00_start_here open with
  a connected kernel, and runs the notebook's first cell (``import mbc_atlas``).

Everything runs on loopback; every loop is bounded in count and in time; every server and browser is stopped.
The browser shares the machine's cores with the servers it measures, so on a small machine the figures are
pessimistic: real students bring their own computers.
"""
from __future__ import annotations

import asyncio
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = 20261130
STUDENTS = 30
TOGGLES = 10
ARRIVAL_S = 30.0            # the class arrives over half a minute
THINK_S = (1.0, 3.0)        # a student's pause between two clicks
OPEN_VISITS = 7             # single visits timed for the explorer and for the floor
LEFT_VISITS = 5             # visits whose tabs vanish without a word, for the culling check
USABLE_TIMEOUT_S = 180      # a page not usable by then counts as a failure
CLICK_TIMEOUT_S = 30
POOL_READY_TIMEOUT_S = 600
# Culling for the benchmark: short, so that the run ends; make explorer uses 600 s and 60 s (docs/class/voila.py).
BENCH_CULL_IDLE_S = 30
BENCH_CULL_INTERVAL_S = 10
RETURN_TIMEOUT_S = 300

FLOOR_CELLS = ("import pandas, matplotlib.pyplot, ipywidgets\n"
               "ipywidgets.ToggleButtons(options=['one', 'two', 'three'], description='floor')",)
EXPLORER_USABLE = ".mbc-explorer .mbc-summary-widget"
FLOOR_USABLE = ".widget-toggle-buttons button"
# Timed in the page itself, from the start of navigation to the first moment the explorer (or the floor's widget)
# is in the page and visible: Playwright's own polling adds up to half a second of its own otherwise.
USABLE_CLOCK_JS = """(() => {
  const selectors = %s;
  const seen = () => selectors.some(s => { const e = document.querySelector(s); return e && e.offsetParent !== null; });
  const obs = new MutationObserver(() => {
    if (window.__mbcUsableMs === undefined && seen()) { window.__mbcUsableMs = performance.now(); obs.disconnect(); }
  });
  obs.observe(document, {subtree: true, childList: true, attributes: true});
})();""" % json.dumps([EXPLORER_USABLE, FLOOR_USABLE])  # noqa: UP031 -- %s, as JavaScript is full of braces


def _pct(samples, q):
    """Nearest-rank percentile."""
    s = sorted(samples)
    return s[max(0, int(round(q * len(s))) - 1)]


def seconds_summary(samples) -> dict:
    if not samples:
        return {"n": 0}
    return {"n": len(samples), "median_s": round(statistics.median(samples), 3),
            "p50_s": round(_pct(samples, 0.50), 3), "p95_s": round(_pct(samples, 0.95), 3),
            "max_s": round(max(samples), 3)}


def ms_summary(samples) -> dict:
    if not samples:
        return {"n": 0}
    return {"n": len(samples), "median_ms": round(statistics.median(samples), 1),
            "p95_ms": round(_pct(samples, 0.95), 1), "max_ms": round(max(samples), 1)}


# -- the server's kernels ---------------------------------------------------------------------------------------

def kernels(proc) -> list:
    """The kernel processes a server (Voila, or a student's Jupyter server) has started."""
    import psutil

    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    out = []
    for c in children:
        try:
            if "ipykernel_launcher" in " ".join(c.cmdline()):
                out.append(c)
        except psutil.Error:
            pass
    return out


def memory_mib(procs) -> dict:
    """Resident (RSS) and unique (USS: what stopping the process would give back) memory, MiB."""
    import psutil

    rss, uss = [], []
    for p in procs:
        try:
            info = p.memory_full_info()
        except psutil.Error:
            continue
        rss.append(info.rss / 2**20)
        uss.append(info.uss / 2**20)
    return {"count": len(rss), "rss_total_mib": round(sum(rss), 1), "uss_total_mib": round(sum(uss), 1),
            "rss_median_mib": round(statistics.median(rss), 1) if rss else 0,
            "uss_median_mib": round(statistics.median(uss), 1) if uss else 0}


def _busy(procs, window=0.5) -> bool:
    import psutil

    def cpu():
        total = 0.0
        for p in procs:
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except psutil.Error:
                pass
        return total

    before = cpu()
    time.sleep(window)
    return cpu() - before > 0.1 * window     # more than a tenth of one core, all of them together


def cpu_seconds(procs) -> float:
    import psutil

    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
        except psutil.Error:
            pass
    return total


def server_cpu(proc) -> float:
    """Processor seconds used so far by a server and every process under it (kernels included, live ones)."""
    import psutil

    try:
        root = psutil.Process(proc.pid)
        return cpu_seconds([root, *root.children(recursive=True)])
    except psutil.NoSuchProcess:
        return 0.0


def browser_cpu() -> float:
    """Processor seconds used so far by the Chromium processes this benchmark started."""
    import os

    import psutil

    mine = psutil.Process(os.getpid()).children(recursive=True)
    return cpu_seconds([p for p in mine if "chrom" in p.name().lower()])


def wait_pool_ready(proc, size: int | None, timeout: float = POOL_READY_TIMEOUT_S) -> float:
    """Wait (bounded) until the server holds ``size`` kernels (any number when None) and neither they nor the
    server are working: the pool is full and every pooled kernel has run the notebook. Returns the seconds waited."""
    start = time.monotonic()
    quiet = 0
    while time.monotonic() - start < timeout:
        ks = kernels(proc)
        if (size is None or len(ks) == size) and not _busy(ks + [_process(proc)]):
            quiet += 1
            if quiet >= 3:
                return time.monotonic() - start
        else:
            quiet = 0
            time.sleep(0.5)
    raise TimeoutError(f"the kernel pool did not settle at {size} kernels within {timeout:.0f} s "
                       f"(it holds {len(kernels(proc))})")


def _process(proc):
    import psutil

    return psutil.Process(proc.pid)


def wait_kernel_count(proc, size: int, timeout: float) -> float | None:
    """Seconds until the server holds ``size`` kernels (polled each second), or None after ``timeout``."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if len(kernels(proc)) == size:
            return round(time.monotonic() - start, 1)
        time.sleep(1.0)
    return None


def room_args(pool: int, cull_idle: int = BENCH_CULL_IDLE_S, cull_interval: int = BENCH_CULL_INTERVAL_S):
    """``make explorer``'s options (docs/class/voila.py), with the pool and the culling for this run."""
    from tests.browser import ROOM_ARGS

    return (*ROOM_ARGS, f"--pool_size={pool}", f"--MappingKernelManager.cull_idle_timeout={cull_idle}",
            f"--MappingKernelManager.cull_interval={cull_interval}")


def floor_notebook(folder: Path) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in FLOOR_CELLS]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / "floor.ipynb"
    nbformat.write(nb, path)
    return path


# -- single visits: the explorer for the room against the floor ---------------------------------------------

def _visit(ctx, base: str, usable: str) -> float:
    """Open the page once; seconds from navigation start to usable, timed in the page. The tab is then closed as a
    browser closes it (beforeunload, which asks Voila to shut the kernel down)."""
    page = ctx.new_page()
    page.add_init_script(USABLE_CLOCK_JS)
    page.goto(base + "/", timeout=USABLE_TIMEOUT_S * 1000)
    page.wait_for_selector(usable, state="visible", timeout=USABLE_TIMEOUT_S * 1000)
    page.wait_for_function("() => window.__mbcUsableMs !== undefined", timeout=10_000)
    seconds = page.evaluate("() => window.__mbcUsableMs") / 1000
    page.close(run_before_unload=True)
    return seconds


def open_section(visits: int = OPEN_VISITS, left_visits: int = LEFT_VISITS, pool: int = 2) -> dict:
    from tests.browser import ROOM_NOTEBOOK, chromium, chromium_missing_reason, voila_server

    reason = chromium_missing_reason()
    if reason:
        return {"skipped": reason}
    out = {}
    floor, room, preheated = [], [], []
    with tempfile.TemporaryDirectory(prefix="mbc-bench-open-") as tmp:
        tmp = Path(tmp)
        floor_nb = floor_notebook(tmp)
        for sub in ("floor", "room", "preheated"):
            (tmp / sub).mkdir()
        floor_procs, procs, pre_procs = [], [], []
        with chromium(tmp / "browser") as ctx, \
                voila_server(tmp / "floor", floor_nb, procs=floor_procs) as floor_base, \
                voila_server(tmp / "room", ROOM_NOTEBOOK, args=room_args(pool), procs=procs) as base, \
                voila_server(tmp / "preheated", floor_nb, args=room_args(pool), procs=pre_procs) as pre_base:

            def settle():
                wait_pool_ready(floor_procs[0], None)   # bare Voila keeps every visit's kernel: wait for quiet
                wait_pool_ready(procs[0], pool)
                wait_pool_ready(pre_procs[0], pool)

            # taken in turns, so that all three see the same machine (others' work on it comes and goes)
            for _ in range(visits):
                settle()
                floor.append(_visit(ctx, floor_base, FLOOR_USABLE))
                settle()
                room.append(_visit(ctx, base, EXPLORER_USABLE))
                settle()
                preheated.append(_visit(ctx, pre_base, FLOOR_USABLE))
            # every tab was closed: how long until only the pool is left (None: kernels were left behind)
            after_close = wait_kernel_count(procs[0], pool, 60)
            wait_pool_ready(procs[0], pool)
            # tabs that vanish without a word: the idle culler must take their kernels away
            pages = []
            for _ in range(left_visits):
                page = ctx.new_page()
                page.goto(base + "/", timeout=USABLE_TIMEOUT_S * 1000)
                page.wait_for_selector(EXPLORER_USABLE, timeout=USABLE_TIMEOUT_S * 1000)
                pages.append(page)
                wait_pool_ready(procs[0], pool + len(pages))
            peak = len(kernels(procs[0]))
            for page in pages:
                page.close(run_before_unload=False)
            back = wait_kernel_count(procs[0], pool, RETURN_TIMEOUT_S)
    f, r, p = seconds_summary(floor), seconds_summary(room), seconds_summary(preheated)
    out["floor_open"] = f | {"what": "bare Voila (no pool), a notebook with one widget importing pandas, "
                                     "matplotlib and ipywidgets: navigation start to the widget shown, "
                                     "timed in the page; visits taken in turns with the explorer's"}
    out["explorer_open"] = r | {"ratio_to_floor": round(r["median_s"] / f["median_s"], 2),
                                "what": f"make explorer (preheated pool of {pool}): navigation start to the "
                                        "explorer shown, timed in the page; each visit from a full pool", "goal_ratio": 0.5}
    out["preheated_floor_open"] = p | {
        "ratio_to_floor": round(p["median_s"] / f["median_s"], 2),
        "what": f"the floor notebook served as make explorer serves the room (preheated pool of {pool}): what any "
                "preheated Voila page costs in the browser (Voila's own scripts), whatever the notebook"}
    out["kernels_after_closed_tabs"] = {"pool_size": pool, "visits": visits, "returned_to_pool_after_s": after_close,
                                        "what": "tabs closed as a browser closes them (its beforeunload asks Voila "
                                                "to shut the kernel down): seconds until only the pool is left"}
    out["kernels_after_vanished_tabs"] = {
        "pool_size": pool, "visits": left_visits, "peak_kernels": peak, "returned_to_pool_after_s": back,
        "cull_idle_timeout_s": BENCH_CULL_IDLE_S, "cull_interval_s": BENCH_CULL_INTERVAL_S,
        "within_culling": back is not None and back <= BENCH_CULL_IDLE_S + 2 * BENCH_CULL_INTERVAL_S,
        "what": "tabs closed without beforeunload (a lid shut, Wi-Fi lost): seconds until the idle culler has "
                "brought the kernel count back to the pool size"}
    return out


# -- a class: many students at once ---------------------------------------------------------------------------
#
# Most students are simulated at the level of the wire, as a browser's widget manager talks to Voila: the page is
# fetched over HTTP (which hands the student a kernel), then one websocket to that kernel asks for the widgets'
# state (the moment the explorer could be drawn) and sends each click as the widget's new value, until the
# answer comes back with the new selection. A few students are real pages in Chromium (light contexts of one
# browser), timed in the page, so that what a student sees is measured under the same load. Thirty real pages
# would measure this machine's browser more than the server: on 2 cores it used three times the server's
# processor time in a trial.

WIRE_TIMEOUT_S = 60
CONTROL_PROTOCOL = "1.0.0"   # ipywidgets 8's control comm (all widgets' state in one message)
WIDGET_PROTOCOL = "2.1.0"    # ipywidgets 8's widget messages


class Wire:
    """One student's websocket to their kernel, speaking the Jupyter protocol in JSON."""

    def __init__(self, conn, session: str):
        self.conn, self.session = conn, session

    @classmethod
    async def connect(cls, base: str, kernel_id: str) -> Wire:
        return await cls.connect_url(base.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels")

    @classmethod
    async def connect_url(cls, url: str, headers: dict | None = None) -> Wire:
        import uuid

        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        session = uuid.uuid4().hex
        request = HTTPRequest(f"{url}?session_id={session}", headers=headers or {})
        conn = await asyncio.wait_for(websocket_connect(request, max_message_size=64 * 2**20), WIRE_TIMEOUT_S)
        return cls(conn, session)

    async def send(self, msg_type: str, content: dict, metadata: dict | None = None) -> str:
        import uuid
        from datetime import datetime, timezone

        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "username": "student", "session": self.session, "msg_type": msg_type,
                  "version": "5.3", "date": datetime.now(timezone.utc).isoformat()}
        await self.conn.write_message(json.dumps({"header": header, "parent_header": {}, "metadata": metadata or {},
                                                  "content": content, "channel": "shell", "buffers": []}))
        return msg_id

    async def until(self, accept, timeout: float = WIRE_TIMEOUT_S):
        """Read messages until ``accept(msg)`` is true; returns that message."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no such message in time")
            raw = await asyncio.wait_for(self.conn.read_message(), left)
            if raw is None:
                raise ConnectionError("the kernel's websocket closed")
            if isinstance(raw, bytes):
                continue
            msg = json.loads(raw)
            if accept(msg):
                return msg

    def close(self):
        self.conn.close()


def _comm_data(msg, comm_id=None):
    if msg.get("msg_type", msg.get("header", {}).get("msg_type")) != "comm_msg":
        return None
    content = msg.get("content", {})
    if comm_id is not None and content.get("comm_id") != comm_id:
        return None
    return content.get("data", {})


async def _wire_student(base, i, arrive_at, t0, walk, results, wires):
    """A student simulated on the wire: open the page, get the widgets, click TOGGLES times."""
    import uuid

    from tornado.httpclient import AsyncHTTPClient

    rng = random.Random(SEED + i)
    await asyncio.sleep(max(0.0, t0 + arrive_at - time.monotonic()))
    try:
        t = time.perf_counter()
        page = await AsyncHTTPClient().fetch(base + "/", request_timeout=USABLE_TIMEOUT_S,
                                             connect_timeout=USABLE_TIMEOUT_S)
        kernel_id = re.search(r'"kernelId": "([0-9a-f-]+)"', page.body.decode()).group(1)
        wire = await Wire.connect(base, kernel_id)
        wires.append(wire)
        await wire.send("kernel_info_request", {})
        await wire.until(lambda m: m.get("msg_type") == "kernel_info_reply")
        control = uuid.uuid4().hex
        await wire.send("comm_open", {"comm_id": control, "target_name": "jupyter.widget.control", "data": {}},
                        {"version": CONTROL_PROTOCOL})
        await wire.send("comm_msg", {"comm_id": control, "data": {"method": "request_states"}})
        reply = await wire.until(lambda m: (_comm_data(m, control) or {}).get("method") == "update_states")
        results["usable_s"].append(time.perf_counter() - t)
    except Exception as err:  # noqa: BLE001 -- a student who never got the explorer is a failure, counted
        results["failures"].append(f"student {i} (wire): explorer not usable ({type(err).__name__}: {err})")
        return
    models = {}
    for model_id, m in reply["content"]["data"]["states"].items():
        for cls in m["state"].get("_dom_classes", []):
            models[cls] = (model_id, m["state"])
    answer_id = models["mbc-answer-widget"][0]
    for kind, key, value, selection in walk:
        await asyncio.sleep(rng.uniform(*THINK_S))
        if kind == "toggle":
            model_id, state = models[f"mbc-group-{key}"]
            new = {"index": list(state["_options_labels"]).index(value)}
        else:
            model_id, _state = models[f"mbc-ctl-{key}"]
            new = {"value": bool(value)}
        marker = f'data-selection="{selection}"'
        try:
            t = time.perf_counter()
            await wire.send("comm_msg", {"comm_id": model_id, "data": {"method": "update", "state": new,
                                                                      "buffer_paths": []}},
                            {"version": WIDGET_PROTOCOL})
            await wire.until(lambda m, marker=marker: marker in str(((_comm_data(m, answer_id) or {})
                                                                     .get("state") or {}).get("value", "")),
                             CLICK_TIMEOUT_S)
            results["click_ms"].append((time.perf_counter() - t) * 1000)
        except Exception as err:  # noqa: BLE001
            results["failures"].append(f"student {i} (wire): click {key} gave no answer ({type(err).__name__})")


async def _browser_student(browser, base, i, arrive_at, t0, walk, results, holds):
    """A student in a real page of Chromium: arrive, open the explorer, click TOGGLES times."""
    from bench import _CLICK_JS

    rng = random.Random(SEED + i)
    await asyncio.sleep(max(0.0, t0 + arrive_at - time.monotonic()))
    ctx = await browser.new_context(viewport={"width": 1280, "height": 900})
    holds.append(ctx)
    await ctx.route("**/*", _only_loopback)
    await ctx.add_init_script(USABLE_CLOCK_JS)
    page = await ctx.new_page()
    try:
        await page.goto(base + "/", timeout=USABLE_TIMEOUT_S * 1000)
        await page.wait_for_selector(EXPLORER_USABLE, state="visible", timeout=USABLE_TIMEOUT_S * 1000)
        await page.wait_for_function("() => window.__mbcUsableMs !== undefined", timeout=10_000)
        results["page_usable_s"].append(await page.evaluate("() => window.__mbcUsableMs") / 1000)
    except Exception as err:  # noqa: BLE001
        results["failures"].append(f"student {i} (Chromium): explorer not usable ({type(err).__name__})")
        return
    for kind, key, value, selection in walk:
        await asyncio.sleep(rng.uniform(*THINK_S))
        try:
            ms = await asyncio.wait_for(page.evaluate(_CLICK_JS, [kind, key, value, selection]), CLICK_TIMEOUT_S)
            results["page_click_ms"].append(ms)
        except Exception as err:  # noqa: BLE001
            results["failures"].append(f"student {i} (Chromium): click {key} gave no answer ({type(err).__name__})")


async def _only_loopback(route):
    from urllib.parse import urlparse

    from tests.browser import LOOPBACK

    url = route.request.url
    if url.startswith(("data:", "blob:")) or (urlparse(url).hostname or "") in LOOPBACK:
        await route.continue_()
    else:
        await route.abort()


async def _leave(wires, holds, browser) -> None:
    """The class leaves without a word (no beforeunload, sockets dropped): the worst case for the server."""
    for wire in wires:
        wire.close()
    for ctx in holds:
        await ctx.close()
    await browser.close()


def _arrivals(n: int, seed: int) -> list:
    rng = random.Random(seed)
    return sorted(rng.uniform(0, ARRIVAL_S) for _ in range(n))


def _walks(n_students: int, toggles: int) -> list:
    """Each student's clicks: a seeded random walk, with the selection the page must then show (from a twin)."""
    from bench import random_walk
    from mbc_atlas.render.answer import view
    from mbc_atlas.widgets import explorer as ex

    r = view()
    one = {g for g, _l, c, _i in r.groups if c == "one"}
    walks = []
    for i in range(n_students):
        app = ex.explorer()
        walk = []
        for key, value in random_walk(toggles, SEED + i):
            app.controls[key].value = value
            selection = " ".join(app.selection)
            if key in one:
                label = ex.NOT_SET_LABEL if value == ex.NOT_SET else r.char_label[value]
                walk.append(("toggle", key, label, selection))
            else:
                walk.append(("checkbox", key, value, selection))
        walks.append(walk)
    return walks


def _browser_seats(n: int, in_browser: int) -> set:
    """Which students are real pages: spread over the arrival order (early, middle, late)."""
    if in_browser <= 0:
        return set()
    return {round((k + 0.5) * n / in_browser) for k in range(in_browser)} & set(range(n))


async def _voila_class(base, proc, n, toggles, pool, in_browser) -> dict:
    from playwright.async_api import async_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    walks = _walks(n, toggles)
    results = {"usable_s": [], "click_ms": [], "page_usable_s": [], "page_click_ms": [], "failures": []}
    arrivals = _arrivals(n, SEED)
    seats = _browser_seats(n, in_browser)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        holds, wires = [], []
        try:
            cpu0 = (server_cpu(proc), browser_cpu())
            t0 = time.monotonic()
            tasks = [asyncio.create_task(
                _browser_student(browser, base, i, arrivals[i], t0, walks[i], results, holds) if i in seats
                else _wire_student(base, i, arrivals[i], t0, walks[i], results, wires)) for i in range(n)]
            budget = ARRIVAL_S + USABLE_TIMEOUT_S + toggles * (THINK_S[1] + CLICK_TIMEOUT_S)
            _done, pending = await asyncio.wait(tasks, timeout=budget)
            for task in pending:
                task.cancel()
                results["failures"].append("a student was still busy when the run's time was up")
            class_s = time.monotonic() - t0
            cpu = {"server_cpu_s": round(server_cpu(proc) - cpu0[0], 1),
                   "browser_cpu_s": round(browser_cpu() - cpu0[1], 1)}
            # everyone has clicked: weigh the kernels while every student is still connected
            ks = kernels(proc)
            peak = {"kernels": len(ks), "kernel_memory": memory_mib(ks), "server_memory": memory_mib([_process(proc)])}
        finally:
            await _leave(wires, holds, browser)
    back = wait_kernel_count(proc, pool, RETURN_TIMEOUT_S)
    wire_n = n - len(seats)
    return {"students": n, "on_the_wire": wire_n, "in_chromium": len(seats), "toggles_each": toggles,
            "arrival_window_s": ARRIVAL_S, "pool_size": pool,
            "usable": seconds_summary(results["usable_s"]) | {
                "what": f"{wire_n} students on the wire: page requested to the widgets' state received"},
            "click_to_answer": ms_summary(results["click_ms"]) | {
                "what": "on the wire: new value sent to the answer received with the new selection"},
            "page_usable": seconds_summary(results["page_usable_s"]) | {
                "what": f"{len(seats)} students in Chromium: navigation start to the explorer shown"},
            "page_click_to_answer": ms_summary(results["page_click_ms"]) | {
                "what": "in Chromium: click to the answer showing the new selection, redrawn"},
            "failures": len(results["failures"]), "failure_examples": results["failures"][:5],
            "kernels_with_class_present": peak["kernels"], "kernel_memory_mib": peak["kernel_memory"],
            "voila_server_memory_mib": peak["server_memory"], "class_duration_s": round(class_s, 1), **cpu,
            "returned_to_pool_after_s": back, "cull_idle_timeout_s": BENCH_CULL_IDLE_S,
            "cull_interval_s": BENCH_CULL_INTERVAL_S,
            "within_culling": back is not None and back <= BENCH_CULL_IDLE_S + 2 * BENCH_CULL_INTERVAL_S}


def voila_class_section(n: int = STUDENTS, toggles: int = TOGGLES, pool: int = STUDENTS, in_browser: int = 3) -> dict:
    """``n`` students on ``make explorer`` with a pool of ``pool`` kernels filled before they arrive."""
    from tests.browser import ROOM_NOTEBOOK, chromium_missing_reason, voila_server

    reason = chromium_missing_reason()
    if reason:
        return {"skipped": reason}
    with tempfile.TemporaryDirectory(prefix="mbc-bench-class-") as tmp:
        tmp = Path(tmp)
        procs = []
        with voila_server(tmp, ROOM_NOTEBOOK, args=room_args(pool), procs=procs) as base:
            fill = wait_pool_ready(procs[0], pool)
            pool_memory = memory_mib(kernels(procs[0]))
            out = asyncio.run(_voila_class(base, procs[0], n, toggles, pool, in_browser))
    return out | {"pool_fill_s": round(fill, 1), "pool_memory_mib": pool_memory}


# -- a class on the hub: each student with a server of their own -----------------------------------------------
#
# The students on the wire go through the hub's REST API, as the hub's own pages do on a click: their server is
# started, nbgitpuller copies the collection into their home folder (its /git-pull/api, which the link's page
# calls), a notebook session opens 00_start_here with a kernel, and every code cell of the notebook is run
# through the kernel's websocket, as Run All does. A few students are real: Chromium follows the nbgitpuller link,
# logs in, and waits for Lab to show 00_start_here with a connected kernel, as the hub's browser test does.

HUB_READY_TIMEOUT_S = 300


def _code_cells(notebook: Path) -> list:
    import nbformat

    return [c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"]


async def _api(client, hub, method, path, token, body=None, ok=(200, 201, 202, 204)):
    from tornado.httpclient import HTTPClientError

    headers = {"Authorization": f"token {token}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    try:
        r = await client.fetch(hub.base + path, method=method, headers=headers,
                               body=None if body is None else json.dumps(body),
                               allow_nonstandard_methods=True, request_timeout=HUB_READY_TIMEOUT_S)
    except HTTPClientError as err:
        if err.code in ok:
            return None
        raise
    return json.loads(r.body) if r.body else None


async def _hub_wire_student(hub, token, name, arrive_at, t0, cells, results, wires):
    from urllib.parse import quote, urlencode

    from tornado.httpclient import AsyncHTTPClient, HTTPRequest

    from tests.browser.hub import FIRST_NOTEBOOK, REPO_NAME

    client = AsyncHTTPClient(max_clients=64)
    await asyncio.sleep(max(0.0, t0 + arrive_at - time.monotonic()))
    step = "create"
    try:
        t = time.perf_counter()
        await _api(client, hub, "POST", f"/hub/api/users/{name}", token, {}, ok=(201, 409))
        step = "spawn"
        await _api(client, hub, "POST", f"/hub/api/users/{name}/server", token, {})
        deadline = time.monotonic() + HUB_READY_TIMEOUT_S
        while True:
            user = await _api(client, hub, "GET", f"/hub/api/users/{name}", token)
            if (user.get("servers") or {}).get("", {}).get("ready"):
                break
            if time.monotonic() > deadline:
                raise TimeoutError("server not ready")
            await asyncio.sleep(0.5)
        results["spawn_s"].append(time.perf_counter() - t)
        step = "git-pull"
        query = urlencode({"repo": hub.repo_url, "branch": "main"}, quote_via=quote, safe="")
        pulled = []
        await client.fetch(HTTPRequest(f"{hub.base}/user/{name}/git-pull/api?{query}",
                                       headers={"Authorization": f"token {token}"},
                                       streaming_callback=lambda chunk: pulled.append(chunk.decode()),
                                       request_timeout=HUB_READY_TIMEOUT_S))
        if '"phase": "finished"' not in "".join(pulled):
            raise RuntimeError("nbgitpuller did not finish: " + "".join(pulled)[-300:])
        step = "session"
        session = await _api(client, hub, "POST", f"/user/{name}/api/sessions", token,
                             {"path": f"{REPO_NAME}/{FIRST_NOTEBOOK}", "type": "notebook", "name": "",
                              "kernel": {"name": "python3"}})
        step = "kernel"
        wire = await Wire.connect_url(
            f"{hub.base.replace('http://', 'ws://')}/user/{name}/api/kernels/{session['kernel']['id']}/channels",
            {"Authorization": f"token {token}"})
        wires.append(wire)
        step = "first cell"
        await _execute(wire, cells[0])
        results["ready_s"].append(time.perf_counter() - t)
        step = "run all"
        start = time.perf_counter()
        for source in cells[1:]:
            await _execute(wire, source)
        results["run_all_s"].append(time.perf_counter() - start)
    except Exception as err:  # noqa: BLE001 -- counted as a failure, with the step it stopped at
        results["failures"].append(f"{name} (wire): {step} failed ({type(err).__name__}: {str(err)[:120]})")


async def _execute(wire, source: str):
    msg_id = await wire.send("execute_request", {"code": source, "silent": False, "store_history": True,
                                                 "user_expressions": {}, "allow_stdin": False,
                                                 "stop_on_error": True})
    reply = await wire.until(lambda m: m.get("msg_type") == "execute_reply"
                             and m.get("parent_header", {}).get("msg_id") == msg_id, HUB_READY_TIMEOUT_S)
    if reply["content"].get("status") != "ok":
        raise RuntimeError(f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}")


async def _hub_browser_student(browser, hub, name, arrive_at, t0, results, holds):
    from tests.browser.hub import FIRST_NOTEBOOK, REPO_NAME

    await asyncio.sleep(max(0.0, t0 + arrive_at - time.monotonic()))
    ctx = await browser.new_context(viewport={"width": 1280, "height": 900})
    holds.append(ctx)
    await ctx.route("**/*", _only_loopback)
    page = await ctx.new_page()
    path = f"{REPO_NAME}/{FIRST_NOTEBOOK}"
    try:
        t = time.perf_counter()
        await page.goto(hub.link(), timeout=USABLE_TIMEOUT_S * 1000)
        await page.wait_for_selector("#username_input", timeout=USABLE_TIMEOUT_S * 1000)
        await page.fill("#username_input", name)
        await page.fill("#password_input", hub.password)
        await page.click("#login_submit")
        await page.wait_for_url(f"**/user/{name}/lab/tree/{path}", timeout=HUB_READY_TIMEOUT_S * 1000)
        await page.wait_for_function(
            """(path) => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
                const k = w && w.context && w.context.path === path && w.sessionContext.session
                    && w.sessionContext.session.kernel;
                return !!k && k.connectionStatus === 'connected'; }""", arg=path, timeout=HUB_READY_TIMEOUT_S * 1000)
        results["page_ready_s"].append(time.perf_counter() - t)
    except Exception as err:  # noqa: BLE001
        results["failures"].append(f"{name} (Chromium): Lab not ready ({type(err).__name__})")


def _students(hub) -> tuple[list, list]:
    """The students' servers and their kernels running under the hub (processes, not the hub's word)."""
    import psutil

    servers, kernels_ = [], []
    for p in hub.descendants():
        try:
            line = " ".join(p.cmdline())
        except psutil.Error:
            continue
        if "jupyterhub-singleuser" in line:
            servers.append(p)
        elif "ipykernel_launcher" in line:
            kernels_.append(p)
    return servers, kernels_


def _hub_memory(hub) -> dict:
    """Each student's server and its kernels, and the whole hub (hub, proxy, culler and every student)."""
    import psutil

    students, kernels_ = _students(hub)
    try:
        everything = [psutil.Process(hub.proc.pid), *hub.descendants()]
    except psutil.NoSuchProcess:
        everything = []
    return {"student_servers": memory_mib(students), "kernels": memory_mib(kernels_), "all": memory_mib(everything)}


async def _hub_class(hub, token, n, in_browser) -> dict:
    from playwright.async_api import async_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS, ROOT as REPO

    cells = _code_cells(REPO / "notebooks" / "00_start_here.ipynb")
    results = {"spawn_s": [], "ready_s": [], "run_all_s": [], "page_ready_s": [], "failures": []}
    arrivals = _arrivals(n, SEED)
    seats = _browser_seats(n, in_browser)
    names = [f"student{i:02d}" for i in range(n)]
    for i in seats:   # the real students' Lab exposes its application object to the page, as in the hub's test
        home = hub.homes / names[i] / ".jupyter"
        home.mkdir(parents=True, exist_ok=True)
        (home / "jupyter_server_config.json").write_text(json.dumps({"LabApp": {"expose_app_in_browser": True}}))
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        holds, wires = [], []
        try:
            cpu0 = (server_cpu(hub.proc), browser_cpu())
            t0 = time.monotonic()
            tasks = [asyncio.create_task(
                _hub_browser_student(browser, hub, names[i], arrivals[i], t0, results, holds) if i in seats
                else _hub_wire_student(hub, token, names[i], arrivals[i], t0, cells, results, wires))
                for i in range(n)]
            _done, pending = await asyncio.wait(tasks, timeout=ARRIVAL_S + 3 * HUB_READY_TIMEOUT_S)
            for task in pending:
                task.cancel()
                results["failures"].append("a student was still waiting when the run's time was up")
            class_s = time.monotonic() - t0
            cpu = {"server_cpu_s": round(server_cpu(hub.proc) - cpu0[0], 1),
                   "browser_cpu_s": round(browser_cpu() - cpu0[1], 1)}
            memory = _hub_memory(hub)
        finally:
            await _leave(wires, holds, browser)
    wire_n = n - len(seats)
    return {"students": n, "on_the_wire": wire_n, "in_chromium": len(seats), "arrival_window_s": ARRIVAL_S,
            "server_ready": seconds_summary(results["spawn_s"]) | {
                "what": f"{wire_n} students on the wire: server start asked to the hub saying it is ready"},
            "ready": seconds_summary(results["ready_s"]) | {
                "what": "on the wire: server start asked to 00_start_here's first cell (import mbc_atlas) run "
                        "in the student's kernel, after nbgitpuller copied the collection"},
            "run_all": seconds_summary(results["run_all_s"]) | {
                "what": "on the wire: the rest of 00_start_here's code cells, run one after another"},
            "page_ready": seconds_summary(results["page_ready_s"]) | {
                "what": f"{len(seats)} students in Chromium: link opened (login form filled) to 00_start_here "
                        "open in Lab with its kernel connected"},
            "failures": len(results["failures"]), "failure_examples": results["failures"][:5],
            "memory_mib": memory, "class_duration_s": round(class_s, 1), **cpu}


def hub_class_section(n: int = STUDENTS, in_browser: int = 2) -> dict:
    """``n`` students on the hub of docs/class/jupyterhub_config.py, each with a server of their own."""
    import os

    from tests.browser import chromium_missing_reason
    from tests.browser.hub import hub_missing_reason, hub_server

    reason = chromium_missing_reason() or hub_missing_reason()
    if reason:
        return {"skipped": reason}
    token = "bench-" + os.urandom(16).hex()
    with tempfile.TemporaryDirectory(prefix="mbc-bench-hub-") as tmp:
        with hub_server(Path(tmp), api_token=token) as hub:
            out = asyncio.run(_hub_class(hub, token, n, in_browser))
    return out


# -- the hub's idle culler: students who leave give their servers back ------------------------------------------
#
# A separate, smaller hub, with the culling of docs/class/jupyterhub_config.py made short through its own setting
# (MBC_HUB_IDLE_MINUTES=0.5: 30 s idle; the config then checks every max(10, idle/4) s, 10 s), as the Voila part
# makes Voila's short. Thirty seconds of idleness would cull servers in the middle of the 30-student class above,
# where starting the servers alone takes longer, so that class keeps the configuration's hour. Students on the wire
# get a server, the collection and 00_start_here run, then leave without a word (sockets dropped, nothing shut
# down). The hub hears of a server's activity every 5 minutes by default (the proxy's and the server's reports);
# the bench makes that 10 s so that "idle" starts when the students leave, not at the last 5-minute report.

HUB_CULL_STUDENTS = 5
BENCH_HUB_IDLE_MINUTES = 0.5
BENCH_HUB_IDLE_S = int(BENCH_HUB_IDLE_MINUTES * 60)
BENCH_HUB_CULL_EVERY_S = max(10, min(300, BENCH_HUB_IDLE_S // 4))   # the config's own rule
BENCH_HUB_ACTIVITY_S = 10
_HUB_ACTIVITY_CONFIG = f"""
c.JupyterHub.last_activity_interval = {BENCH_HUB_ACTIVITY_S}
c.Spawner.environment["JUPYTERHUB_ACTIVITY_INTERVAL"] = "{BENCH_HUB_ACTIVITY_S}"
"""


def _hub_running(hub) -> dict:
    """Students' servers and kernels still running under the hub."""
    servers, kernels_ = _students(hub)
    return {"servers": len(servers), "kernels": len(kernels_)}


async def _hub_culling(hub, token, n) -> dict:
    from tornado.httpclient import AsyncHTTPClient

    cells = _code_cells(ROOT / "notebooks" / "00_start_here.ipynb")
    results = {"spawn_s": [], "ready_s": [], "run_all_s": [], "failures": []}
    names = [f"leaver{i:02d}" for i in range(n)]
    wires: list = []
    t0 = time.monotonic()
    tasks = [asyncio.create_task(_hub_wire_student(hub, token, name, 2.0 * i, t0, cells, results, wires))
             for i, name in enumerate(names)]
    _done, pending = await asyncio.wait(tasks, timeout=2.0 * n + 3 * HUB_READY_TIMEOUT_S)
    for task in pending:
        task.cancel()
        results["failures"].append("a student was still busy when the run's time was up")
    present = _hub_running(hub)
    # the students leave without a word: their kernels' websockets dropped, nothing shut down
    for wire in wires:
        wire.close()
    left = time.monotonic()
    client = AsyncHTTPClient()
    stopped_after: dict = {}
    running = set(names)
    while running and time.monotonic() - left < RETURN_TIMEOUT_S:
        await asyncio.sleep(1.0)
        for name in sorted(running):
            user = await _api(client, hub, "GET", f"/hub/api/users/{name}", token, ok=(200, 404))
            if not (user or {}).get("servers"):
                stopped_after[name] = round(time.monotonic() - left, 1)
        running -= set(stopped_after)
    back = round(time.monotonic() - left, 1) if not running else None
    processes = _hub_running(hub)
    limit = BENCH_HUB_IDLE_S + 2 * BENCH_HUB_CULL_EVERY_S
    return {"students": n, "failures": len(results["failures"]), "failure_examples": results["failures"][:5],
            "servers_with_students_present": present["servers"], "kernels_with_students_present": present["kernels"],
            "servers_stopped_after": seconds_summary(list(stopped_after.values())) | {
                "what": "seconds from the students leaving (sockets dropped) to each server stopped by the idle culler"},
            "all_stopped_after_s": back,
            "processes_left": processes,
            "idle_timeout_s": BENCH_HUB_IDLE_S, "cull_every_s": BENCH_HUB_CULL_EVERY_S,
            "activity_reported_every_s": BENCH_HUB_ACTIVITY_S,
            "within_culling": back is not None and back <= limit and processes["servers"] == 0,
            "what": f"{n} students on the hub (MBC_HUB_IDLE_MINUTES={BENCH_HUB_IDLE_MINUTES}) open 00_start_here "
                    "and run it, then leave without a word: seconds until the hub has no server running; goal: "
                    f"within idle time + two culling intervals ({limit} s)"}


def hub_culling_section(n: int = HUB_CULL_STUDENTS) -> dict:
    """Students who leave the hub: how long until the idle culler has stopped their servers."""
    import os

    from tests.browser.hub import hub_missing_reason, hub_server

    reason = hub_missing_reason()
    if reason:
        return {"skipped": reason}
    token = "bench-" + os.urandom(16).hex()
    with tempfile.TemporaryDirectory(prefix="mbc-bench-cull-") as tmp:
        with hub_server(Path(tmp), idle_minutes=BENCH_HUB_IDLE_MINUTES, api_token=token,
                        extra_config=_HUB_ACTIVITY_CONFIG) as hub:
            return asyncio.run(_hub_culling(hub, token, n))


# The parts of the class section; MBC_BENCH_CLASS=open,hub_culling (comma-separated) runs only those, and
# tools/bench.py keeps the other parts' last results.
PARTS = ("open", "voila_class", "hub_class", "hub_culling")


def class_section() -> dict:
    """The ``class`` section of ``make bench``: every part, or those named in MBC_BENCH_CLASS."""
    import os

    wanted = [p.strip() for p in os.environ.get("MBC_BENCH_CLASS", "").split(",") if p.strip()] or list(PARTS)
    unknown = sorted(set(wanted) - set(PARTS))
    if unknown:
        raise SystemExit(f"MBC_BENCH_CLASS: unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    out = {}
    if "open" in wanted:
        out.update(open_section())
    if "voila_class" in wanted:
        out["voila_class"] = voila_class_section()
    if "hub_class" in wanted:
        out["hub_class"] = hub_class_section()
    if "hub_culling" in wanted:
        out["hub_culling"] = hub_culling_section()
    return out
