"""The author's preview (`build-site serve`) in a real browser: every edit saved in the
editor shows up in the open page without the author touching it, however quickly the saves
follow each other; a broken article puts its `path:line` on top of the page, and mending it
takes the message away."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.support.browser import SLUG
from tests.support.sites import REPO

RELOAD_SECONDS = 30  # a rebuild of one article takes well under a second; CI machines are slow
ERRORS = "#nashra-build-errors"
BROKEN = "+++\ndate = 2016-02-30\n+++\nعنوان\n\nدمشق-سانا نص الخبر.\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_served(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + RELOAD_SECONDS
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            assert server.poll() is None, "build-site serve exited"
            assert time.monotonic() < deadline, "build-site serve never answered"
            time.sleep(0.2)


@pytest.fixture
def preview(tmp_path):
    """`build-site serve` on a copy of the repository's site; yields (root, base URL)."""
    for name in ("content", "templates"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "site.toml", tmp_path / "site.toml")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--root", str(tmp_path),
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base_url = f"http://127.0.0.1:{port}/"
        _wait_until_served(base_url + f"ar/articles/{SLUG}/", server)
        yield tmp_path, base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


def _reloaded_showing(browser, predicate: str, *args) -> None:
    """Wait until the page was reloaded by the preview (a mark set on it is gone) and then
    `predicate` (JavaScript) holds."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser.driver, RELOAD_SECONDS, poll_frequency=0.2).until(
        lambda d: d.execute_script(f"return !window.nashraTestMark && ({predicate});", *args))
    browser.run("window.nashraTestMark = true;")


def test_each_saved_edit_reloads_the_open_page_even_in_quick_succession(browser, preview):
    root, base_url = preview
    browser.open(base_url + f"ar/articles/{SLUG}/")
    title = browser.run("return document.querySelector('h1').textContent.trim();")
    assert title.startswith("لافروف:")
    browser.run("window.nashraTestMark = true;")

    article = root / "content" / "articles" / f"{SLUG}.txt"
    text = article.read_text(encoding="utf-8")
    # livereload alone ignored a change within 3 s of its last reload: the second edit was
    # built but never shown.
    for heading in ("لافروف يعلن:", "لافروف يؤكد:"):
        article.write_text(text.replace("لافروف:", heading, 1), encoding="utf-8")
        _reloaded_showing(browser, "document.querySelector('h1').textContent.trim().startsWith(arguments[0])",
                          heading)
    assert browser.driver.current_url == base_url + f"ar/articles/{SLUG}/"


def test_a_broken_article_shows_where_on_the_page_until_it_is_mended(browser, preview):
    root, base_url = preview
    browser.open(base_url + f"en/articles/{SLUG}/")
    assert browser.run(f"return document.querySelector('{ERRORS}');") is None
    browser.run("window.nashraTestMark = true;")

    broken = root / "content" / "articles" / "broken.txt"
    broken.write_text(BROKEN, encoding="utf-8")
    _reloaded_showing(browser, f"!!document.querySelector('{ERRORS}')")
    message = browser.run(f"return document.querySelector('{ERRORS}').textContent;")
    assert "content/articles/broken.txt:2:" in message, message
    # The last good build is still what the page shows under the message.
    assert browser.run("return document.querySelector('h1').textContent;").startswith("Lavrov")

    broken.write_text(BROKEN.replace("2016-02-30", "2016-02-29"), encoding="utf-8")
    _reloaded_showing(browser, f"!document.querySelector('{ERRORS}')")
