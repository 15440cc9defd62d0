"""``make explorer``: the kernel-free explorer served on loopback (tools/serve_explorer.py). No kernel is started;
a data edit shows on the next reload for every student; broken data is listed on the page, not a traceback."""
import sys

import psutil
import pytest

from ..conftest import ROOT
from ..test_broken_data import set_cell
from . import _serve, free_port

pytestmark = pytest.mark.browser


@pytest.fixture
def room(need_chromium, data_copy, tmp_path):
    port = free_port()
    procs = []
    cmd = [sys.executable, str(ROOT / "tools" / "serve_explorer.py"), "--port", str(port)]
    with _serve(cmd, ROOT / "tools", tmp_path, tmp_path / "room.log", f"http://127.0.0.1:{port}", "/",
                procs=procs, env={"MBC_ATLAS_DATA": str(data_copy)}) as base:
        yield base, data_copy, procs[0]


def _answer(browser_context, base, *values):
    page = browser_context.new_page()
    page.goto(base + "/", wait_until="load")
    for v in values:
        page.check(f"input[value={v}]")
    text = page.inner_text("body")
    page.close()
    return text


def test_it_answers_in_the_browser_and_starts_no_kernel(room, browser_context):
    base, _, proc = room
    text = _answer(browser_context, base, "hr_positive", "liver")
    assert "not medical advice" in text and "The sources associate with your choices" in text
    assert "Hormonal therapy" in text and "All lessons" not in text
    assert psutil.Process(proc.pid).children(recursive=True) == []        # no kernel, nor anything else


def test_a_data_edit_shows_on_the_next_reload(room, browser_context):
    base, data, _ = room
    assert "Chemotherapy, as edited" not in _answer(browser_context, base, "liver")
    set_cell(data, "categories", 3, "label", "Chemotherapy, as edited")
    assert "Chemotherapy, as edited" in _answer(browser_context, base, "liver")


def test_broken_data_is_listed_on_the_page_and_mending_it_brings_the_explorer_back(room, browser_context):
    base, data, _ = room
    set_cell(data, "categories", 3, "scope", "everywhere")
    page = browser_context.new_page()
    page.goto(base + "/", wait_until="load")
    text = page.inner_text("body")
    assert "The explorer cannot open: the collection\u2019s data has 1 problem" in text
    assert "categories.csv, row 3, column 'scope'" in text
    set_cell(data, "categories", 3, "scope", "systemic")
    page.reload(wait_until="load")
    assert "cannot open" not in page.inner_text("body") and page.locator("form[aria-label=Characteristics]").count() == 1
    page.close()
