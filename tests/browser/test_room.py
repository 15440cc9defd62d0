"""The explorer as ``make explorer VOILA=1`` serves a room (docs/class/voila.py): preheated kernels, and a closed
tab gives its kernel back at once instead of keeping it (about 110 MB) until the server stops. What a class does to
it: a data edit while it runs, broken data, pages left before they connected (F5 again and again), and kernels
that go away under an open page."""
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

import mbc_atlas as mbc

from . import ROOM_ARGS, ROOM_CONFIG, ROOM_NOTEBOOK, ROOT, toggle, voila_server, wait_for_answer
from .test_voila import label

pytestmark = pytest.mark.browser


def test_make_explorer_serves_with_the_room_settings():
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    out = subprocess.run(["make", "-n", "-C", str(ROOT), "explorer", "VOILA=1"], capture_output=True, text=True,
                         timeout=60)
    command = " ".join(out.stdout.replace("\\\n", " ").split())
    assert f"voila {ROOM_NOTEBOOK.relative_to(ROOT)} " in command
    assert "--Voila.ip=127.0.0.1" in command
    assert "--Voila.config_file_paths=docs/class" in command and "--pool_size=2" in command
    assert (ROOM_CONFIG / "voila.py").is_file()


def test_the_room_notebook_is_the_explorer_alone():
    """make explorer serves docs/class/explorer.ipynb: one heading and the explorer, nothing else for a page to
    carry (06_explorer's guided scenarios made its page about 240 KB instead of about 27 KB)."""
    import nbformat

    nb = nbformat.read(ROOM_NOTEBOOK, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert len(code) == 1 and code[0].rstrip().endswith("mbc.explorer()")
    assert [c.cell_type for c in nb.cells] == ["markdown", "code"] and nb.cells[0].source.startswith("# ")
    assert not any(c.get("outputs") for c in nb.cells)


def _kernel_exists(base, kernel_id) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/api/kernels/{kernel_id}", timeout=10) as r:
            return r.status == 200
    except urllib.error.HTTPError as err:
        if err.code == 404:
            return False
        raise


@dataclass
class Room:
    base: str
    log: Path           # the server's log
    proc: object        # the server's Popen
    data: Path = ROOT / "data"


# Short clocks, so that a test sees in seconds what a room sees in a minute (the defaults: 40 s and 15 s).
CONNECT_GRACE, CULL_INTERVAL = 10, 2
QUICK = {"MBC_VOILA_CONNECT_GRACE": str(CONNECT_GRACE), "MBC_VOILA_CULL_INTERVAL": str(CULL_INTERVAL)}


@pytest.fixture(scope="module")
def room(need_chromium, tmp_path_factory):
    tmp, procs = tmp_path_factory.mktemp("room"), []
    with voila_server(tmp, ROOM_NOTEBOOK, args=(*ROOM_ARGS, "--pool_size=1"), procs=procs, env=QUICK) as base:
        yield Room(base, tmp / "voila.log", procs[0])


@pytest.fixture(scope="module")
def data_room(need_chromium, tmp_path_factory):
    """The room serving a copy of data/ that the tests edit while it runs, as a lecturer would."""
    tmp, procs = tmp_path_factory.mktemp("data-room"), []
    data = tmp / "data"
    shutil.copytree(ROOT / "data", data)
    with voila_server(tmp, ROOM_NOTEBOOK, args=(*ROOM_ARGS, "--pool_size=1"), procs=procs,
                      env={"MBC_ATLAS_DATA": str(data)}) as base:
        yield Room(base, tmp / "voila.log", procs[0], data)


def test_a_preheated_page_works_and_its_closed_tab_gives_the_kernel_back(room, browser_context):
    base = room.base
    page = browser_context.new_page()
    page.goto(base + "/", timeout=90_000)
    page.wait_for_selector(".mbc-explorer .mbc-summary-widget", timeout=120_000)
    config = json.loads(page.locator("#jupyter-config-data").text_content())
    kernel_id = config["kernelId"]
    assert page.locator(".mbc-explorer .mbc-note").is_visible()       # the explorer carries the note itself
    assert "import mbc_atlas" not in page.locator("body").inner_text()
    assert _kernel_exists(base, kernel_id)
    # the kernel came from the pool, ran the notebook before the page asked, and answers clicks
    toggle(page, "her2", label("her2_positive")).click()
    wait_for_answer(page, ["her2_positive"])
    # closing the tab as a browser does (beforeunload) shuts the kernel down: bounded wait
    page.close(run_before_unload=True)
    deadline = time.monotonic() + 30
    while _kernel_exists(base, kernel_id) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _kernel_exists(base, kernel_id), "the closed tab's kernel is still running"


def _wait(condition, timeout: float, what: str, every: float = 0.5):
    """Wait until ``condition()`` is true, at most ``timeout`` seconds; fail saying ``what`` did not happen."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"within {timeout} s, {what}")
        time.sleep(every)


def _ready_in_pool(room: Room) -> set:
    """Kernels that have run the notebook and wait in the pool (the server's log says which ran, and which went)."""
    log = room.log.read_text()
    ran = set(re.findall(r"Kernel (\S+) has run \S+: ready for a page", log))
    taken = set(re.findall(r"Using pre-heated kernel: (\S+) for", log))
    return {k for k in ran - taken if _kernel_exists(room.base, k)}


def _open(browser_context, room: Room, selector: str):
    page = browser_context.new_page()
    page.goto(room.base + "/", timeout=90_000)
    page.wait_for_selector(selector, timeout=120_000)
    return page


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_page_handed_out_after_a_data_edit_shows_the_edit(data_room, browser_context):
    """Every page handed out after an edit shows the edited data, also from a kernel preheated before it."""
    _wait(lambda: _ready_in_pool(data_room), 120, "no pooled kernel ran the notebook")
    _edit(data_room.data / "characteristics.csv", ",HER2-positive,", ",HER2-positive (edited),")
    page = _open(browser_context, data_room, ".mbc-explorer .mbc-summary-widget")
    try:
        assert toggle(page, "her2", "HER2-positive (edited)").is_visible()
        assert toggle(page, "her2", "HER2-positive").count() == 0
    finally:
        page.close()
    assert ",HER2-positive," in (ROOT / "data" / "characteristics.csv").read_text(encoding="utf-8")


def test_broken_data_shows_the_checks_list_on_the_page(data_room, browser_context):
    """Data broken while the room runs: the next page lists what the check finds, not Voila's bare cell error."""
    _wait(lambda: _ready_in_pool(data_room), 120, "no pooled kernel ran the notebook")
    _edit(data_room.data / "statements.csv", "\nbco-01,breastcancer_org,hormonal,",
          "\nbco-01,breastcancer_org,homeopathy,")
    problems = mbc.check(data_room.data)
    assert problems and all(p.file == "statements.csv" for p in problems)
    page = _open(browser_context, data_room, "[data-problems]")
    try:
        shown = page.locator("[data-problems]").inner_text()
        assert "The explorer cannot open" in shown and "Please tell your lecturer" in shown
        assert all(str(p) in shown for p in problems), shown
        assert page.locator(".mbc-explorer").count() == 0
    finally:
        page.close()
    assert "\nbco-01,breastcancer_org,hormonal," in (ROOT / "data" / "statements.csv").read_text(encoding="utf-8")


def _leave_before_connecting(base: str) -> str:
    """Ask for the page and leave before it has loaded, as a student pressing F5 does; return the kernel it got."""
    url = urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    try:
        conn.request("GET", "/")
        response, got = conn.getresponse(), b""
        while b'"kernelId"' not in got and len(got) < 2_000_000:
            chunk = response.read1(65536)
            if not chunk:
                break
            got += chunk
    finally:
        conn.close()
    found = re.search(rb'"kernelId": ?"([0-9a-f-]+)"', got)
    assert found, "the page named no kernel"
    return found.group(1).decode()


def test_kernels_whose_pages_never_connected_are_given_back(room, browser_context):
    """F5 again and again: each page left before it connected gives its kernel back within the grace (a minute
    in a room), not after the idle culler's ten minutes; a page that did connect keeps its kernel."""
    _wait(lambda: _ready_in_pool(room), 120, "no pooled kernel ran the notebook")
    left = [_leave_before_connecting(room.base) for _ in range(3)]     # the pooled kernel, then fresh ones
    page = _open(browser_context, room, ".mbc-explorer .mbc-summary-widget")
    try:
        kept = json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]
        _wait(lambda: not any(_kernel_exists(room.base, k) for k in left), 90,
              "kernels whose pages never connected are still running")
        assert _kernel_exists(room.base, kept)
        toggle(page, "her2", label("her2_positive")).click()
        wait_for_answer(page, ["her2_positive"])
    finally:
        page.close(run_before_unload=True)


def _kernel_pid(room: Room, kernel_id: str) -> int:
    import psutil

    for p in psutil.Process(room.proc.pid).children(recursive=True):
        try:
            if any(f"kernel-{kernel_id}.json" in a for a in p.cmdline()):
                return p.pid
        except psutil.NoSuchProcess:
            continue
    raise AssertionError(f"no process for kernel {kernel_id}")


def _kill(room: Room, kernel_id: str) -> None:
    os.kill(_kernel_pid(room, kernel_id), signal.SIGKILL)


def _shut_down(room: Room, kernel_id: str) -> None:
    request = urllib.request.Request(f"{room.base}/voila/api/shutdown/{kernel_id}", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=30) as r:
        assert r.status == 204


_ENABLED_CONTROLS = """() => Array.from(document.querySelectorAll('.mbc-explorer button, .mbc-explorer input'))
    .filter(el => !el.disabled).length"""


@pytest.mark.parametrize("end", [_kill, _shut_down], ids=["died", "shut-down"])
def test_a_page_whose_kernel_has_gone_says_so_and_switches_its_controls_off(room, browser_context, end):
    page = _open(browser_context, room, ".mbc-explorer .mbc-summary-widget")
    try:
        kernel_id = json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]
        assert page.evaluate(_ENABLED_CONTROLS) > 10 and page.locator(".mbc-kernel-gone").count() == 0
        end(room, kernel_id)
        note = page.locator(".mbc-kernel-gone[role=alert]")
        note.wait_for(state="visible", timeout=30_000)
        words = note.inner_text()
        assert "This page has stopped working." in words and "Reload the page (press F5)" in words
        page.wait_for_function(f"() => ({_ENABLED_CONTROLS})() === 0", timeout=10_000)
        assert toggle(page, "her2", label("her2_positive")).is_disabled()
    finally:
        page.close()
