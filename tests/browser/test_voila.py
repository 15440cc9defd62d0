"""The explorer as Voila serves it for projection (`make explorer`): no code, the note visible, and clicks
change the answer as ``mbc.answer`` says."""
import pytest

import mbc_atlas as mbc

from . import checkbox, expected_grid, expected_summary_phrases, grid_counts, summary_text, toggle, wait_for_summary

pytestmark = pytest.mark.browser


def label(characteristic):
    return mbc.characteristics().set_index("characteristic").loc[characteristic, "label"]


def test_voila_shows_no_code_and_keeps_the_note(voila_page):
    page = voila_page
    text = page.locator("body").inner_text()
    assert "import mbc_atlas" not in text and "mbc.explorer(" not in text
    assert page.locator(".mbc-explorer .mbc-note").is_visible()
    assert "Choose one or more characteristics" in summary_text(page)


def test_voila_clicks_change_the_answer(voila_page, artifacts):
    page = voila_page
    chosen = []
    for group, cid in (("her2", "her2_positive"),):
        toggle(page, group, label(cid)).click()
        chosen.append(cid)
        wait_for_summary(page, expected_summary_phrases(chosen))
    checkbox(page, "brain").click()
    chosen.append("brain")
    wait_for_summary(page, expected_summary_phrases(chosen))
    assert grid_counts(page) == expected_grid(chosen)
    # open the quotes of the first associated category: its quotes and sources appear
    first = mbc.answer(chosen).associated[0]
    section = page.locator(f".mbc-explorer .mbc-category[data-category='{first.category}']")
    section.locator("summary").click()
    quote = first.claims[0]["quote"].split("\n")[0]
    assert quote in section.inner_text()
    page.locator(".mbc-explorer").scroll_into_view_if_needed()
    page.locator(".mbc-explorer").screenshot(path=str(artifacts / "voila_06_explorer_app.png"))
    page.screenshot(path=str(artifacts / "voila_06_explorer_page.png"))
    toggle(page, "her2", label("her2_negative")).click()
    wait_for_summary(page, expected_summary_phrases(["her2_negative", "brain"]))
    assert "HER2-negative: the sources say nothing about this" in summary_text(page)
