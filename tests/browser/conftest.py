"""Fixtures for the real-browser tests: Chromium (Debian's, through Playwright), JupyterLab and Voila, each
started on a free loopback port and always stopped, with bounded waits."""
import os

import pytest

from . import ARTIFACTS, chromium, chromium_missing_reason, lab_server, voila_server

LAB_NOTEBOOK = "06_explorer.ipynb"


@pytest.fixture(scope="session")
def need_chromium():
    reason = chromium_missing_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"the browser tests must run in CI, but {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_context(need_chromium, tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium"), width=1280, height=2400) as ctx:
        yield ctx


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def lab(need_chromium, tmp_path_factory):
    with lab_server(tmp_path_factory.mktemp("lab")) as (base, token):
        yield base, token


@pytest.fixture(scope="module")
def voila(need_chromium, tmp_path_factory):
    with voila_server(tmp_path_factory.mktemp("voila")) as base:
        yield base


@pytest.fixture(scope="module")
def lab_page(lab, browser_context):
    """The explorer notebook open in JupyterLab, outputs cleared and every cell run again by the kernel."""
    base, token = lab
    page = browser_context.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{base}/lab/tree/{LAB_NOTEBOOK}?token={token}", timeout=60_000)
    page.wait_for_function(
        """() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
            const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
            return !!k && k.connectionStatus === 'connected'; }""", timeout=90_000)
    # Clear the saved outputs so that what we then see can only come from this kernel; don't await run-all.
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.wait_for_function("() => document.querySelectorAll('.mbc-explorer').length === 0", timeout=15_000)
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    page.wait_for_function(
        """() => { const w = window.jupyterapp.shell.currentWidget;
            const cells = w.content.widgets.filter(c => c.model.type === 'code');
            return cells.every(c => c.model.executionCount !== null)
                && w.sessionContext.session.kernel.status === 'idle'
                && document.querySelector('.mbc-explorer .mbc-summary-widget') !== null; }""", timeout=120_000)
    yield page
    page.close()


@pytest.fixture(scope="module")
def voila_page(voila, browser_context):
    page = browser_context.new_page()
    page.set_default_timeout(30_000)
    page.goto(voila + "/", timeout=90_000)
    page.wait_for_selector(".mbc-explorer .mbc-summary-widget", timeout=120_000)
    yield page
    page.close()
