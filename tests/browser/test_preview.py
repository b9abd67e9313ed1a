"""The author's preview (`build-site serve`) in a real browser: every edit saved in the
editor shows up in the open page without the author touching it, however quickly the saves
follow each other; a broken article puts its `path:line` on top of the page, and mending it
takes the message away."""

from __future__ import annotations

import pytest

from tests.support.browser import SLUG
from tests.support.preview import reloaded_showing, serving

ERRORS = "#nashra-build-errors"
BROKEN = "+++\ndate = 2016-02-30\n+++\nعنوان\n\nدمشق-سانا نص الخبر.\n"


@pytest.fixture
def preview(tmp_path):
    with serving(tmp_path) as served:
        yield served


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
        reloaded_showing(browser, "document.querySelector('h1').textContent.trim().startsWith(arguments[0])",
                          heading)
    assert browser.driver.current_url == base_url + f"ar/articles/{SLUG}/"


def test_a_broken_article_shows_where_on_the_page_until_it_is_mended(browser, preview):
    root, base_url = preview
    browser.open(base_url + f"en/articles/{SLUG}/")
    assert browser.run(f"return document.querySelector('{ERRORS}');") is None
    browser.run("window.nashraTestMark = true;")

    broken = root / "content" / "articles" / "broken.txt"
    broken.write_text(BROKEN, encoding="utf-8")
    reloaded_showing(browser, f"!!document.querySelector('{ERRORS}')")
    message = browser.run(f"return document.querySelector('{ERRORS}').textContent;")
    assert "content/articles/broken.txt:2:" in message, message
    # The last good build is still what the page shows under the message.
    assert browser.run("return document.querySelector('h1').textContent;").startswith("Lavrov")

    broken.write_text(BROKEN.replace("2016-02-30", "2016-02-29"), encoding="utf-8")
    reloaded_showing(browser, f"!document.querySelector('{ERRORS}')")
