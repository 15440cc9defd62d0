"""Accessibility, checked by axe-core (from npm) with the WCAG 2.0/2.1/2.2 A and AA rules: the explorer served
by Voila, and the explorer in JupyterLab after a learner has used it. (The offline site's pages are checked in
test_site.py.)"""
import pytest

import mbc_atlas as mbc

from . import axe_violations, checkbox, toggle, wait_for_answer

pytestmark = pytest.mark.browser


def _use(page):
    labels = mbc.characteristics().set_index("characteristic")["label"]
    page.locator(".mbc-explorer .mbc-reset").click()
    wait_for_answer(page, [])
    toggle(page, "receptor", labels["hr_negative"]).click()
    toggle(page, "menopause", labels["postmenopausal"]).click()
    checkbox(page, "bone").click()
    wait_for_answer(page, ["hr_negative", "postmenopausal", "bone"])
    page.locator(".mbc-explorer .mbc-category summary").first.click()


def test_the_voila_explorer_passes_axe_after_use(voila_page):
    _use(voila_page)
    assert axe_violations(voila_page) == []


def test_the_lab_explorer_passes_axe_after_use(lab_page):
    _use(lab_page)
    assert axe_violations(lab_page, include=".mbc-explorer") == []
