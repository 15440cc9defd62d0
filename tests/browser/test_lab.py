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
    assert "Not for premenopausal, as the texts put it" in text
    for generic in mbc.drugs().query("drug_class == 'aromatase inhibitor'")["generic"]:
        assert f"{generic} (" in text.split("Not for premenopausal, as the texts put it")[1]
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
