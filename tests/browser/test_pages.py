"""Every kind of page, loaded in Chromium: nothing logged to the console, no serious
accessibility problem (axe-core), and a screenshot kept in tests/artifacts/screenshots/."""

import pytest

from tests.support.browser import AXE, PAGES, require


def open_page(browser, published_site, name, color_scheme="light"):
    path, words = PAGES[name]
    browser.open(published_site.url(path), color_scheme=color_scheme)
    if words:
        assert browser.search(words), f"no result for {words!r}"


@pytest.mark.parametrize("name", PAGES)
def test_page_logs_no_errors_to_the_console(browser, published_site, name):
    open_page(browser, published_site, name)
    browser.screenshot(name)
    messages = browser.console_messages()
    if name == "not-found":  # the 404 status of the page itself is what GitHub Pages sends
        messages = [m for m in messages if "status of 404" not in m["message"]]
    assert [m["message"] for m in messages if m["level"] in ("SEVERE", "WARNING")] == []


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violations(browser, published_site, name, color_scheme):
    require(AXE.is_file(), "axe-core (npm ci in tests/browser)")
    open_page(browser, published_site, name, color_scheme)
    serious = [f"{v['impact']}: {v['id']}: {v['help']}: {[n['target'] for n in v['nodes']]}"
               for v in browser.axe_violations() if v["impact"] in ("serious", "critical")]
    assert serious == []
