"""The explorer notebook in a real JupyterLab, driven by clicks and keys in Chromium: the answer the learner
sees follows ``mbc.answer``."""
import pytest

import mbc_atlas as mbc

from . import checkbox, expected_grid, expected_summary_phrases, grid_counts, summary_text, toggle, wait_for_summary

pytestmark = pytest.mark.browser


def label(characteristic):
    return mbc.characteristics().set_index("characteristic").loc[characteristic, "label"]


def reset(page):
    page.locator(".mbc-explorer .mbc-reset").click()
    page.wait_for_function("() => document.querySelector('.mbc-explorer .mbc-summary-widget')"
                           ".innerText.includes('Nothing is chosen yet')")


def test_clicks_change_the_answer_as_mbc_answer_says(lab_page, artifacts):
    page = lab_page
    reset(page)
    assert "Choose one or more characteristics" in summary_text(page)
    chosen = []
    for group, cid in (("receptor", "hr_positive"), ("menopause", "postmenopausal")):
        toggle(page, group, label(cid)).click()
        chosen.append(cid)
        wait_for_summary(page, expected_summary_phrases(chosen))
        assert grid_counts(page) == expected_grid(chosen)
    for cid in ("bone", "progressed_on_hormonal"):
        checkbox(page, cid).click()
        chosen.append(cid)
        wait_for_summary(page, expected_summary_phrases(chosen))
        assert grid_counts(page) == expected_grid(chosen)
    # the disagreement between the drug maker's page and Breastcancer.org is shown with both quotes
    d = next(d for d in mbc.answer(chosen).disagreements if d["disagreement_id"] == "after_hormonal_stops")
    answer = page.locator(".mbc-explorer .mbc-answer-widget")
    assert d["quote_b"] in answer.inner_text()
    page.locator(".mbc-explorer").scroll_into_view_if_needed()
    page.locator(".jp-Notebook").screenshot(path=str(artifacts / "lab_06_explorer_notebook.png"))
    page.locator(".mbc-explorer").screenshot(path=str(artifacts / "lab_06_explorer_app.png"))
    # one value per group: choosing premenopausal replaces postmenopausal, and marks the aromatase inhibitors
    toggle(page, "menopause", label("premenopausal")).click()
    chosen[chosen.index("postmenopausal")] = "premenopausal"
    wait_for_summary(page, expected_summary_phrases(chosen))
    assert "Restricted by a text for Premenopausal" in answer.inner_text()
    reset(page)
    assert grid_counts(page) == []


def test_keyboard_alone_operates_the_explorer(lab_page):
    page = lab_page
    reset(page)
    box = checkbox(page, "brain")
    box.focus()
    page.keyboard.press("Space")
    wait_for_summary(page, expected_summary_phrases(["brain"]))
    button = toggle(page, "her2", label("her2_positive"))
    button.focus()
    page.keyboard.press("Enter")
    wait_for_summary(page, expected_summary_phrases(["her2_positive", "brain"]))
    assert grid_counts(page) == expected_grid(["her2_positive", "brain"])
    page.locator(".mbc-explorer .mbc-reset").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.mbc-explorer .mbc-summary-widget')"
                           ".innerText.includes('Nothing is chosen yet')")


def test_every_control_has_a_visible_label_and_a_definition(lab_page):
    page = lab_page
    definitions = page.locator(".mbc-explorer details.mbc-definitions")
    definitions.locator("summary").click()
    shown = definitions.inner_text()
    for row in mbc.characteristics().itertuples():
        if row.choose == "one":
            assert toggle(page, row.group, row.label).get_attribute("title") == row.definition
        else:
            box = checkbox(page, row.characteristic)
            assert page.locator(f".mbc-explorer .mbc-ctl-{row.characteristic}").inner_text().strip() == row.label
            # the native checkbox is labelled by its words (the <label> wraps it)
            assert page.get_by_role("checkbox", name=row.label, exact=True).count() >= 1
            assert box.is_enabled()
        assert f"{row.label}: {row.definition}" in shown
