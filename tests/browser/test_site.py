"""The offline HTML site (``make site``): built from every notebook, opened in Chromium with every
non-loopback request aborted; figures, tables and widgets must render from local files alone."""
import functools
import http.server
import sys
import threading

import pytest

from ..conftest import ROOT
from . import free_port

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


def test_pages_carry_only_what_they_use(site, browser_context):
    """One linked copy of each stylesheet and of the page script; figures as files; no widget state or widget
    manager for widgets the site replaced; nothing fetched twice or never used."""
    base, names = site
    for name in names:
        page, failed = open_offline(browser_context, f"{base}/{name}.html")
        fetched = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name.split('/').pop())")
        html = page.content()
        assert "<style" not in html.split("</head>")[0], name               # the lab styles are linked, not inlined
        assert "widget-state+json" not in html and "embed-amd.js" not in fetched and "require.js" not in fetched, name
        assert "data:image/png" not in html, name
        scripts = page.eval_on_selector_all("script[src]", "els => els.map(e => e.getAttribute('src'))")
        assert len(scripts) == len(set(scripts)), (name, scripts)
        has_offline = page.locator(".mbc-offline-explorer, .mbc-offline-quiz, .mbc-offline-score").count() > 0
        assert ("_static/offline.js" in scripts) == has_offline, name
        assert {"lab.css", "site.css", "mbc.css"} <= set(fetched) and failed == [], (name, fetched)
        page.close()


def test_figures_and_tables_render(site, browser_context):
    base, names = site
    page, failed = open_offline(browser_context, f"{base}/01_the_big_picture.html")
    assert page.locator(".jp-RenderedImage img").count() >= 1
    assert page.locator(".jp-RenderedHTMLCommon table").count() >= 1
    assert failed == []
    page.close()


def test_the_explorer_is_drawn_without_a_kernel(site, browser_context, artifacts):
    import mbc_atlas as mbc

    base, _ = site
    page, failed = open_offline(browser_context, f"{base}/06_explorer.html")
    root = page.locator(".mbc-offline-explorer")
    ch = mbc.characteristics()
    assert root.locator("input[type=radio]").count() == (ch["choose"] == "one").sum() + ch.query("choose == 'one'")["group"].nunique()
    assert root.locator("input[type=checkbox]").count() == (ch["choose"] == "any").sum()
    assert "Nothing is chosen yet" in root.inner_text()
    assert "sources associate" in page.inner_text("body")     # the guided scenarios
    page.locator(".jp-Notebook, body").first.screenshot(path=str(artifacts / "site_06_explorer.png"))
    assert failed == []
    page.close()


def test_print_hides_prompts_and_opens_the_answers(site, browser_context):
    base, _ = site
    page, _ = open_offline(browser_context, f"{base}/01_the_big_picture.html")
    assert page.locator("details[open]").count() == 0 < page.locator("details").count()
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator(".jp-InputPrompt").count() == 0          # no prompts at all on the site
    assert page.locator("details:not([open])").count() == 0
    page.close()


# ------------------------------------------------------------------------------- no kernel, no code

def test_pages_show_no_code(site, browser_context):
    base, names = site
    for name in names:
        page, _ = open_offline(browser_context, f"{base}/{name}.html")
        assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0, name
        text = page.inner_text("body")
        assert "import mbc_atlas" not in text and "mbc.lesson" not in text and "In [" not in text, name
        # nor instructions that only hold in a notebook (a kernel to start, Lab's menus)
        for notebook_only in ("Run All Cells", "run the cell", "running kernel", "make lab", "Expand All Code"):
            assert notebook_only not in text, (name, notebook_only)
        page.close()


def _offline_answer(page, ids):
    """Choose ``ids`` in the offline explorer as a learner would (click), and read back its tiers and categories."""
    import mbc_atlas as mbc

    root = page.locator(".mbc-offline-explorer")
    root.locator("button[type=reset]").click()
    page.wait_for_function("() => document.querySelector('.mbc-off-answer').dataset.selection === ''")
    for c in ids:
        root.locator(f"input[value='{c}']").check()
    want = " ".join(mbc.validate_selection(ids))
    page.wait_for_function("(s) => document.querySelector('.mbc-off-answer').dataset.selection === s", arg=want)
    return page.evaluate("""() => {
        const out = document.querySelector('.mbc-off-answer');
        const cats = {};
        const named = {};
        out.querySelectorAll('.mbc-category').forEach(s => {
            cats[s.dataset.category] = parseInt(s.dataset.texts, 10);
            const n = s.querySelector('[data-speaks]');
            if (parseInt(s.dataset.texts, 10) > 0) named[s.dataset.category] = n ? n.textContent : '';
        });
        const tiers = Array.from(out.querySelectorAll('.mbc-statement')).map(s => [s.dataset.tier, s.dataset.category]);
        const notes = Array.from(out.querySelectorAll('[data-note]')).map(n => n.dataset.note);
        const grid = Array.from(out.querySelectorAll('.mbc-grid tbody tr')).map(
            tr => Array.from(tr.querySelectorAll('td')).map(td => parseInt(td.textContent, 10)));
        const drugs = out.innerText;
        return {cats, tiers, grid, drugs, named, notes, html: out.innerHTML};
    }""")


def test_the_offline_explorer_matches_mbc_answer(site, browser_context, artifacts):
    """Two hundred random selections, clicked in the page with no kernel: the same tiers, categories, counts,
    grid and drugs set aside as mbc.answer gives, the same words as Python renders, and each editors' note once."""
    import random

    import mbc_atlas as mbc
    from mbc_atlas.render.answer import render, view
    from mbc_atlas.render.html import visible_text

    base, _ = site
    page, failed = open_offline(browser_context, f"{base}/06_explorer.html")
    ch = mbc.characteristics()
    one = [list(p["characteristic"]) for _, p in ch[ch["choose"] == "one"].groupby("group", sort=False)]
    many = list(ch.loc[ch["choose"] == "any", "characteristic"])
    rng = random.Random(20261130)
    selections = [["hr_negative", "postmenopausal"], ["her2_negative"], ["premenopausal"]]
    while len(selections) < 200:
        pick = [rng.choice([None, *g]) for g in one] + [c for c in many if rng.random() < 0.2]
        selections.append([c for c in pick if c])
    for ids in selections:
        shown = _offline_answer(page, ids)
        a = mbc.answer(ids)
        assert shown["cats"] == {c.category: len(c.sources) for c in a.categories}, ids
        assert [tuple(t) for t in shown["tiers"]] == [(t, c.category) for c in a.categories for t in
                                                      ("fits",) for p in c.fits] + [
            (t, p.statement.category) for t in ("would_fit", "does_not_fit") for p in a.placed(t)], ids
        assert shown["grid"] == a.grid.to_numpy().tolist() + [[len(c.sources) for c in a.categories]], ids
        v = view()
        assert visible_text(shown["html"]).split() == visible_text(str(render(ids).html())).split(), ids
        assert len(shown["notes"]) == len(set(shown["notes"])), ids
        for d in a.drugs:
            assert (f"{d.generic} (" in shown["drugs"].split("Drugs the texts do not describe for", 1)[-1]
                    or not d.restricted), ids
        assert shown["named"] == {c.category: visible_text(str(v.speaks(c))).strip()
                                  for c in a.associated}, ids
    _offline_answer(page, ["hr_negative", "postmenopausal"])
    page.locator(".mbc-offline-explorer").screenshot(path=str(artifacts / "site_offline_explorer.png"))
    assert failed == []
    page.close()


def test_the_offline_self_check_gives_the_python_feedback(site, browser_context):
    """Every question and case, answered right and then wrong in the page: the feedback is quiz.feedback_html's."""
    from mbc_atlas.analysis import quiz

    _gives_the_python_feedback(site, browser_context, "08_self_check", quiz.items()).close()


def test_the_unfolding_case_grades_each_step_as_python_does(site, browser_context):
    """Each graded step of the unfolding case (notebook 11), answered right, wrong and with only what is optional on
    top of the key: the page's feedback is feedback_html's, word for word, the score counts the steps, and each
    step is numbered as its heading."""
    from mbc_atlas.analysis import unfolding

    items = unfolding.items()
    page = _gives_the_python_feedback(site, browser_context, "11_unfolding_case", items,
                                      extra=lambda it: [sorted(it.key | it.optional), []])
    legends = page.locator(".mbc-offline-quiz legend").all_inner_texts()
    assert [w.split(".")[0] for w in legends] == [f"Step {unfolding.step(it.id).number}" for it in items]
    # the latest answer to each step (an empty check is not one) took the key and every optional category: all right
    assert page.locator(".mbc-off-score-text").first.inner_text() == f"{len(items)} of {len(items)} right " \
                                                                    f"({len(items)} of {len(items)} answered)."
    page.close()


def _gives_the_python_feedback(site, browser_context, name, items, extra=lambda it: []):
    """Answer every item on a page right, then wrong (then any ``extra`` choices), and compare the feedback's visible
    text with Python's; the score's count after each item. Returns the page (closed by the caller when wanted)."""
    from mbc_atlas.render.feedback import feedback_html
    from mbc_atlas.render.html import visible_text

    base, _ = site
    page, failed = open_offline(browser_context, f"{base}/{name}.html")
    assert page.locator(".mbc-offline-quiz").count() == len(items)
    for n, it in enumerate(items, start=1):
        box = page.locator(f".mbc-offline-quiz[data-item='{it.id}']")
        wrong = sorted(v for _, v in it.options if v not in it.key and v not in it.optional)[:1]
        for chosen in (sorted(it.key), sorted(it.key)[1:] + wrong, *extra(it)):
            box.locator("input").evaluate_all("els => els.forEach(e => { e.checked = false; })")
            for v in chosen:
                box.locator(f"input[value='{v}']").check()
            box.locator(".mbc-off-check").click()
            shown = visible_text(box.locator(".mbc-off-feedback").inner_html())
            assert shown == visible_text(feedback_html(it, set(chosen))), (it.id, chosen)
        assert page.locator(".mbc-off-score-text").first.inner_text().endswith(f"({n} of {len(items)} answered).")
    assert failed == []
    return page


def test_every_page_passes_axe(site, browser_context):
    """axe-core's WCAG 2.0/2.1/2.2 A and AA rules find nothing on any page, the interactive ones after use."""
    from . import axe_violations

    base, names = site
    for name in names:
        page, _ = open_offline(browser_context, f"{base}/{name}.html")
        if name == "06_explorer":
            _offline_answer(page, ["hr_negative", "postmenopausal", "bone"])
        if name == "08_self_check":
            page.locator(".mbc-offline-quiz .mbc-off-check").first.click()
        assert axe_violations(page) == [], name
        page.close()


def test_make_handout_prints_two_pages_a_lesson(browser_context, tmp_path):
    """One PDF per lesson, printed by Chromium with the handout's print style, of at most two pages: the title and
    the note, the key points, the table or figure tagged for it, and the questions with room for the answer."""
    import re

    import build_handouts

    pdfs = build_handouts.build(tmp_path, context=browser_context)
    assert [p.stem for p in pdfs] == build_handouts.LESSONS
    for pdf in pdfs:
        data = pdf.read_bytes()
        pages = len(re.findall(rb"/Type\s*/Page\b", data))
        assert data.startswith(b"%PDF") and 1 <= pages <= 2, (pdf.stem, pages)


def test_with_javascript_off_the_pages_say_so_and_show_the_answers(site, browser_context):
    """A learning-management system may strip scripts: the explorer says it cannot answer, and each question
    keeps its answer, folded, with the Python feedback's words."""
    from mbc_atlas.analysis import quiz
    from mbc_atlas.render.feedback import key_words

    base, _ = site
    context = browser_context.browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base}/06_explorer.html", wait_until="load", timeout=60_000)
        assert "This explorer needs JavaScript to answer" in page.locator("body").inner_text()
        page.goto(f"{base}/08_self_check.html", wait_until="load", timeout=60_000)
        item = quiz.case_item("case_her2_after_trastuzumab")
        box = page.locator(f".mbc-offline-quiz[data-item='{item.id}']")
        assert "Checking needs JavaScript" in box.inner_text()
        box.locator("noscript summary, summary:has-text('Show the answer')").first.click()
        assert f"The answer is: {key_words(item)}." in box.inner_text()
        assert "do not speak to grew despite trastuzumab" in box.inner_text()
    finally:
        context.close()
