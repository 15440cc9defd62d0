"""The explorer as ``make explorer`` serves a room (docs/class/voila.py): preheated kernels, and a closed tab gives
its kernel back at once instead of keeping it (about 110 MB) until the server stops."""
import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from . import ROOM_ARGS, ROOM_CONFIG, ROOM_NOTEBOOK, ROOT, toggle, voila_server, wait_for_answer
from .test_voila import label

pytestmark = pytest.mark.browser


def test_make_explorer_serves_with_the_room_settings():
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    out = subprocess.run(["make", "-n", "-C", str(ROOT), "explorer"], capture_output=True, text=True, timeout=60)
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


@pytest.fixture(scope="module")
def room(need_chromium, tmp_path_factory):
    with voila_server(tmp_path_factory.mktemp("room"), ROOM_NOTEBOOK, args=(*ROOM_ARGS, "--pool_size=1")) as base:
        yield base


def test_a_preheated_page_works_and_its_closed_tab_gives_the_kernel_back(room, browser_context):
    page = browser_context.new_page()
    page.goto(room + "/", timeout=90_000)
    page.wait_for_selector(".mbc-explorer .mbc-summary-widget", timeout=120_000)
    config = json.loads(page.locator("#jupyter-config-data").text_content())
    kernel_id = config["kernelId"]
    assert page.locator(".mbc-explorer .mbc-note").is_visible()       # the explorer carries the note itself
    assert "import mbc_atlas" not in page.locator("body").inner_text()
    assert _kernel_exists(room, kernel_id)
    # the kernel came from the pool, ran the notebook before the page asked, and answers clicks
    toggle(page, "her2", label("her2_positive")).click()
    wait_for_answer(page, ["her2_positive"])
    # closing the tab as a browser does (beforeunload) shuts the kernel down: bounded wait
    page.close(run_before_unload=True)
    deadline = time.monotonic() + 30
    while _kernel_exists(room, kernel_id) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _kernel_exists(room, kernel_id), "the closed tab's kernel is still running"
