"""The explorer as Voila serves it for projection (`make explorer`): no code, the note visible, and clicks
change the answer as ``mbc.answer`` says."""
import pytest

import mbc_atlas as mbc

from . import check_receptor_negative_after_menopause, checkbox, summary_text, toggle, wait_for_answer

pytestmark = pytest.mark.browser


def label(characteristic):
    return mbc.characteristics().set_index("characteristic").loc[characteristic, "label"]


def test_voila_shows_no_code_and_keeps_the_note(voila_page, artifacts):
    page = voila_page
    page.screenshot(path=str(artifacts / "voila_06_explorer_top.png"))
    text = page.locator("body").inner_text()
    assert "import mbc_atlas" not in text and "mbc.explorer(" not in text
    assert page.locator(".mbc-explorer .mbc-note").is_visible()
    assert "Choose one or more characteristics" in summary_text(page)
    # the guided scenarios are there too, as plain HTML
    assert page.locator(".mbc-scenario").count() == 4


def test_voila_clicks_change_the_answer(voila_page, artifacts):
    page = voila_page
    toggle(page, "her2", label("her2_positive")).click()
    wait_for_answer(page, ["her2_positive"])
    checkbox(page, "brain").click()
    chosen = ["her2_positive", "brain"]
    wait_for_answer(page, chosen)
    # open the quotes of the first associated category: its quotes and sources appear
    first = mbc.answer(chosen).associated[0]
    section = page.locator(f".mbc-explorer .mbc-category[data-category='{first.category}']")
    section.locator("summary").click()
    quote = first.fits[0].statement.quote.split("\n")[0]
    assert quote in section.inner_text()
    page.locator(".mbc-explorer").scroll_into_view_if_needed()
    page.locator(".mbc-explorer").screenshot(path=str(artifacts / "voila_06_explorer_app.png"))
    page.screenshot(path=str(artifacts / "voila_06_explorer_page.png"))
    toggle(page, "her2", label("her2_negative")).click()
    wait_for_answer(page, ["her2_negative", "brain"])
    assert "HER2-negative: the sources say nothing about this" in summary_text(page)


def test_voila_shows_the_three_tiers(voila_page, artifacts):
    voila_page.locator(".mbc-explorer .mbc-reset").click()
    wait_for_answer(voila_page, [])
    check_receptor_negative_after_menopause(voila_page, lambda g, lab: toggle(voila_page, g, lab), artifacts, "voila")
