"""The explorer notebook in a real JupyterLab, driven by clicks and keys in Chromium: the answer the learner
sees (summary, evidence grid and each category) follows ``mbc.answer``."""
import pytest

import mbc_atlas as mbc

from . import check_receptor_negative_after_menopause, checkbox, grid_counts, summary_text, toggle, wait_for_answer

pytestmark = pytest.mark.browser


def label(characteristic):
    return mbc.characteristics().set_index("characteristic").loc[characteristic, "label"]


def reset(page):
    page.locator(".mbc-explorer .mbc-reset").click()
    wait_for_answer(page, [])


def test_clicks_change_the_answer_as_mbc_answer_says(lab_page, artifacts):
    page = lab_page
    reset(page)
    assert "Choose one or more characteristics" in summary_text(page)
    chosen = []
    for group, cid in (("receptor", "hr_positive"), ("menopause", "postmenopausal")):
        toggle(page, group, label(cid)).click()
        chosen.append(cid)
        wait_for_answer(page, chosen)
    for cid in ("bone", "progressed_on_hormonal"):
        checkbox(page, cid).click()
        chosen.append(cid)
        wait_for_answer(page, chosen)
    # the disagreement between the drug maker's page and Breastcancer.org is shown with both quotes
    d = next(d for d in mbc.answer(chosen).disagreements if d.disagreement_id == "after_hormonal_stops")
    answer = page.locator(".mbc-explorer .mbc-answer-widget")
    assert d.quote_b in answer.inner_text()
    page.locator(".mbc-explorer").scroll_into_view_if_needed()
    page.locator(".jp-Notebook").screenshot(path=str(artifacts / "lab_06_explorer_notebook.png"))
    page.locator(".mbc-explorer").screenshot(path=str(artifacts / "lab_06_explorer_app.png"))
    # one value per group: choosing premenopausal replaces postmenopausal, and marks the aromatase inhibitors
    toggle(page, "menopause", label("premenopausal")).click()
    chosen[chosen.index("postmenopausal")] = "premenopausal"
    wait_for_answer(page, chosen)
    text = answer.inner_text()
    assert "Drugs the texts do not describe for premenopausal" in text
    for generic in mbc.drugs().query("drug_class == 'aromatase inhibitor'")["generic"]:
        assert f"{generic} (" in text.split("Drugs the texts do not describe for premenopausal")[1]
    reset(page)
    assert grid_counts(page) == []


def test_the_three_tiers_for_receptor_negative_after_menopause(lab_page, artifacts):
    reset(lab_page)
    check_receptor_negative_after_menopause(lab_page, lambda g, lab: toggle(lab_page, g, lab), artifacts, "lab")
    reset(lab_page)


def test_keyboard_alone_operates_the_explorer(lab_page):
    page = lab_page
    reset(page)
    checkbox(page, "brain").focus()
    page.keyboard.press("Space")
    wait_for_answer(page, ["brain"])
    toggle(page, "her2", label("her2_positive")).focus()
    page.keyboard.press("Enter")
    wait_for_answer(page, ["her2_positive", "brain"])
    page.locator(".mbc-explorer .mbc-reset").focus()
    page.keyboard.press("Enter")
    wait_for_answer(page, [])


def test_every_control_has_a_visible_label_and_a_definition(lab_page):
    page = lab_page
    definitions = page.locator(".mbc-explorer details.mbc-definitions")
    definitions.locator("summary").click()
    shown = definitions.inner_text()
    for row in mbc.characteristics().itertuples():
        if row.choose == "one":
            assert toggle(page, row.group, row.label).get_attribute("title") == row.definition
        else:
            assert page.locator(f".mbc-explorer .mbc-ctl-{row.characteristic}").inner_text().strip() == row.label
            # the native checkbox is named by its words (the <label> wraps it)
            assert page.get_by_role("checkbox", name=row.label, exact=True).count() >= 1
            assert checkbox(page, row.characteristic).is_enabled()
        assert f"{row.label}: {row.definition}" in shown


_CONTRAST_JS = """(selectors) => {
  const parse = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, under) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat([1]); };
  const background = el => {            // the colour under an element: every layer up to an opaque one
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  const lum = c => { const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
  let worst = {ratio: 99}, checked = 0;
  for (const sel of selectors) {
    for (const el of document.querySelectorAll(sel + ', ' + sel + ' *')) {
      const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
      if (!own || !el.getClientRects().length) continue;
      const bg = background(el), fg = over(parse(getComputedStyle(el).color), bg);
      const r = ratio(fg, bg); checked++;
      if (r < worst.ratio) worst = {ratio: r, text: el.textContent.trim().slice(0, 60), fg: fg.join(), bg: bg.join()};
    }
  }
  const pane = background(document.querySelector(selectors[0]));
  return {worst, checked, paneLuminance: lum(pane)};
}"""


def test_the_explorer_follows_the_dark_theme_and_keeps_contrast(lab_page, artifacts):
    """Issue 10: the answer panes take Lab's theme (no white boxes beside dark controls), and every text in
    them keeps 4.5:1 on what is actually under it, as the browser computes it."""
    page = lab_page
    reset(page)
    chosen = ["hr_positive", "postmenopausal", "bone", "progressed_on_hormonal"]
    toggle(page, "receptor", label("hr_positive")).click()
    toggle(page, "menopause", label("postmenopausal")).click()
    checkbox(page, "bone").click()
    checkbox(page, "progressed_on_hormonal").click()
    wait_for_answer(page, chosen)
    page.locator(".mbc-explorer .mbc-category[data-category='hormonal'] summary").click()   # open some quotes
    panes = [".mbc-explorer .mbc-summary", ".mbc-explorer .mbc-grid-box", ".mbc-explorer .mbc-answer",
             ".mbc-explorer .mbc-note"]
    light = page.evaluate(_CONTRAST_JS, panes)
    try:
        page.evaluate("() => window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Dark'})")
        page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'", timeout=30_000)
        page.wait_for_function("""() => { const c = getComputedStyle(document.querySelector('.mbc-explorer .mbc-answer'))
            .backgroundColor.match(/\\d+/g).map(Number); return c[0] + c[1] + c[2] < 150; }""", timeout=30_000)
        page.locator(".mbc-explorer").scroll_into_view_if_needed()
        page.locator(".mbc-explorer").screenshot(path=str(artifacts / "lab_06_explorer_dark.png"))
        dark = page.evaluate(_CONTRAST_JS, panes)
    finally:
        page.evaluate("() => window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Light'})")
        page.wait_for_function("() => document.body.dataset.jpThemeLight === 'true'", timeout=30_000)
    assert light["checked"] > 50 and dark["checked"] == light["checked"]
    assert light["paneLuminance"] > 0.8 and dark["paneLuminance"] < 0.05      # the panes follow the theme
    assert light["worst"]["ratio"] >= 4.5, light["worst"]
    assert dark["worst"]["ratio"] >= 4.5, dark["worst"]
