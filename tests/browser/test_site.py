"""The offline HTML site (``make site``): built from every notebook, opened in Chromium with every
non-loopback request aborted; figures, tables and widgets must render from local files alone."""
import functools
import http.server
import sys
import threading

import pytest

from . import free_port
from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import build_site  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(need_chromium, tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    pages = build_site.build(out)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", [p.stem for p in pages]
    server.shutdown()
    server.server_close()


def open_offline(browser_context, url):
    page = browser_context.new_page()
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(url, wait_until="load", timeout=60_000)
    return page, failed


def test_index_lists_every_notebook_in_reading_order(site, browser_context):
    base, names = site
    assert names[:2] == ["00_start_here", "01_the_big_picture"] and "06_explorer" in names
    page, failed = open_offline(browser_context, base + "/index.html")
    hrefs = page.eval_on_selector_all("ol a", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs == [f"{n}.html" for n in names]
    assert "not medical advice" in page.inner_text("body") and failed == []
    page.close()


def test_every_page_renders_offline(site, browser_context, artifacts):
    base, names = site
    for name in names:
        page, failed = open_offline(browser_context, f"{base}/{name}.html")
        page.wait_for_function("() => document.readyState === 'complete'")
        body = page.inner_text("body")
        assert "not medical advice" in body, name
        broken = page.eval_on_selector_all("img", "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).length")
        assert broken == 0, name
        no_alt = page.eval_on_selector_all(".jp-RenderedImage img", "els => els.filter(e => !e.alt.trim()).length")
        assert no_alt == 0, name                                           # every figure keeps its text alternative
        assert 'href="01_the_big_picture.ipynb"' not in page.content(), name   # links point at the HTML twins
        assert failed == [], (name, failed)
        page.close()


def test_figures_and_tables_render(site, browser_context):
    base, names = site
    page, failed = open_offline(browser_context, f"{base}/01_the_big_picture.html")
    assert page.locator(".jp-RenderedImage img").count() >= 1
    assert page.locator(".jp-RenderedHTMLCommon table").count() >= 1
    assert failed == []
    page.close()


def test_explorer_widgets_render_from_saved_state(site, browser_context, artifacts):
    base, _ = site
    page, failed = open_offline(browser_context, f"{base}/06_explorer.html")
    page.wait_for_selector(".widget-toggle-buttons", timeout=30_000)   # drawn by the local widgets manager
    assert page.locator(".widget-checkbox").count() >= 6
    assert "sources associate" in page.inner_text("body")
    page.locator(".jp-Notebook, body").first.screenshot(path=str(artifacts / "site_06_explorer.png"))
    assert failed == []
    page.close()


def test_print_hides_prompts_and_opens_the_answers(site, browser_context):
    base, _ = site
    page, _ = open_offline(browser_context, f"{base}/01_the_big_picture.html")
    assert page.locator("details[open]").count() == 0 < page.locator("details").count()
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.eval_on_selector(".jp-InputPrompt", "e => getComputedStyle(e).display") == "none"
    assert page.locator("details:not([open])").count() == 0
    page.close()
