"""How light the offline site is, and how the kernel-free class explorer holds a class (``make bench`` sections
``site`` and ``room``).

- ``site``: the site's bytes in all, each page gzipped, and each page's load in Chromium from a file (navigation
  start to the load event, median of five) against the index page's.
- ``site`` also times the explorer's click to the next frame in Chromium on a page built from a copy of the data
  with ten times the statements (``click_x10``), against today's data (``click_x1``).
- ``room``: ``make explorer`` (tools/serve_explorer.py) against the bare-Voila floor of tools/bench_class.py, both
  timed in the page from navigation start to usable; then 300 simulated students fetching the page and its files
  on loopback (the clicks are answered in the browser, so ten clicks each are timed in Chromium on a sample of
  pages), with the server's memory before and after.
"""
from __future__ import annotations

import concurrent.futures
import gzip
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

import build_site
from bench_class import FLOOR_USABLE, _visit, floor_notebook, ms_summary, seconds_summary

ROOT = Path(__file__).resolve().parents[1]
LOADS = 5
VISITS = 7
STUDENTS = 300
CLICKS = 10
SAMPLE_PAGES = 5
USABLE = ".mbc-offline-explorer form"
CLOCK_JS = """(() => { const obs = new MutationObserver(() => { const e = document.querySelector(%r);
  if (window.__mbcUsableMs === undefined && e && e.offsetParent !== null) {
    window.__mbcUsableMs = performance.now(); obs.disconnect(); } });
  obs.observe(document, {subtree: true, childList: true, attributes: true}); })();""" % USABLE  # noqa: UP031 -- JavaScript braces


def _load_ms(ctx, url: str) -> float:
    page = ctx.new_page()
    page.goto(url, wait_until="load")
    ms = page.evaluate("() => { const t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd; }")
    page.close()
    return ms


def site_section() -> dict:
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        pages = build_site.build(out)
        total = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
        gz = {p.stem: len(gzip.compress(p.read_bytes())) for p in pages}
        clicks = click_pages(Path(tmp))
        with sync_playwright() as pw:              # pages from files: the loopback-only context would refuse them
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ctx = browser.new_context()
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            loads = {p.stem: statistics.median(_load_ms(ctx, p.as_uri()) for _ in range(LOADS))
                     for p in [out / "index.html", *pages]}
            click_ms = {k: ms_summary([ms for _ in range(SAMPLE_PAGES) for ms in _clicks(ctx, p.as_uri())])
                        for k, p in clicks.items()}
            browser.close()
    index = loads.pop("index")
    return {"total_mb": round(total / 1e6, 2), "largest_page_gzip_kb": round(max(gz.values()) / 1000, 1),
            "largest_page": max(gz, key=gz.get), "index_load_ms": round(index, 1),
            "page_load_ratio_to_index": {k: round(v / index, 2) for k, v in loads.items()},
            "worst_load_ratio": round(max(loads.values()) / index, 2), **click_ms}


def click_pages(folder: Path) -> dict[str, Path]:
    """The explorer alone (as make explorer serves it) from today's data and from ten times the statements."""
    import os
    from unittest import mock

    import serve_explorer
    from bench_scale import scaled_copy

    pages = {}
    for k in (1, 10):
        out = folder / f"x{k}"
        build_site.copy_static(out, widgets=False)
        with mock.patch.dict(os.environ, MBC_ATLAS_DATA=str(scaled_copy(folder / f"data{k}", k))):
            (out / "index.html").write_text(serve_explorer.explorer_page(), encoding="utf-8")
        pages[f"click_x{k}"] = out / "index.html"
    return pages


def _fetch_all(base: str, files: list[str]) -> bool:
    try:
        for f in files:
            with urllib.request.urlopen(base + f, timeout=30) as r:
                r.read()
        return True
    except OSError:
        return False


def _clicks(ctx, url: str) -> list[float]:
    """Ten clicks on the explorer's checkboxes, each timed in the page from the click to the next frame."""
    page = ctx.new_page()
    page.goto(url, wait_until="load")
    n = page.locator(".mbc-offline-explorer input[type=checkbox]").count()
    samples = [page.evaluate("""(k) => new Promise(done => { const t = performance.now();
        document.querySelectorAll('.mbc-offline-explorer input[type=checkbox]')[k].click();
        requestAnimationFrame(() => done(performance.now() - t)); })""", k % n) for k in range(CLICKS)]
    page.close()
    return samples


def room_section() -> dict:
    from tests.browser import _serve, chromium, free_port, voila_server

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "floor").mkdir()
        port, procs = free_port(), []
        cmd = [sys.executable, str(ROOT / "tools" / "serve_explorer.py"), "--port", str(port)]
        with chromium(tmp / "chromium") as ctx, \
                voila_server(tmp / "floor", floor_notebook(tmp)) as floor_base, \
                _serve(cmd, ROOT / "tools", tmp, tmp / "room.log", f"http://127.0.0.1:{port}", "/", procs=procs) as base:
            floor = [_visit(ctx, floor_base, FLOOR_USABLE) for _ in range(VISITS)]
            room = []
            for _ in range(VISITS):
                page = ctx.new_page()
                page.add_init_script(CLOCK_JS)
                page.goto(base + "/", wait_until="load")
                page.wait_for_function("() => window.__mbcUsableMs !== undefined", timeout=30_000)
                room.append(page.evaluate("() => window.__mbcUsableMs") / 1000)
                page.close()
            server = psutil.Process(procs[0].pid)
            before = server.memory_info().rss
            files = ["/", "/_static/lab.css", "/_static/site.css", "/_static/mbc.css", "/_static/offline.js"]
            t = time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(32) as pool:
                ok = list(pool.map(lambda _: _fetch_all(base, files), range(STUDENTS)))
            seconds = time.perf_counter() - t
            after = server.memory_info().rss
            clicks = [ms for _ in range(SAMPLE_PAGES) for ms in _clicks(ctx, base + "/")]
    f, r = seconds_summary(floor), seconds_summary(room)
    return {"floor_open": f, "explorer_open": r | {"p95_ratio_to_floor": round(r["p95_s"] / f["p95_s"], 3)},
            "class": {"students": STUDENTS, "failures": ok.count(False), "seconds": round(seconds, 1),
                      "server_rss_mib_before": round(before / 2**20, 1), "server_rss_mib_after": round(after / 2**20, 1)},
            "click_to_frame": ms_summary(clicks)}


