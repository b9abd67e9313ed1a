"""The bundled site as a reader gets it: built from the repository's own content, templates and
site.toml under a project sub-path, served over HTTP on 127.0.0.1, read by headless Chromium.

The tools come from the machine (Debian's chromium and chromium-driver, a Java runtime) and
from tests/browser/node_modules (axe-core): `.ci/install-system-deps` and `make test` install
them. Without a tool the tests that need it are skipped, except in CI (CI=true), where a
missing tool fails them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.browser import (
    CHROMEDRIVER,
    CHROMIUM,
    CHROMIUM_FLAGS,
    UNTRANSLATED,
    Browser,
    PublishedSite,
    publish,
    require,
)


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Iterator[PublishedSite]:
    """The repository's site as GitHub Pages would serve it under a project path, with an
    article not yet translated besides the sample."""
    with publish(tmp_path_factory.mktemp("published"), UNTRANSLATED) as site:
        yield site


@pytest.fixture(scope="session")
def browser(tmp_path_factory) -> Browser:
    require(CHROMIUM.is_file() and CHROMEDRIVER.is_file(), f"Chromium ({CHROMIUM}, {CHROMEDRIVER})")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        require(False, "Selenium (pip install -e '.[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)  # with both paths given, Selenium Manager never runs
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield Browser(driver)
    driver.quit()
