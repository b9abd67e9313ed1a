"""Layout as a reader sees it: Arabic runs right to left, the parallel view keeps each Arabic
sentence group level with its English one, and the language switch leads to the twin page."""

import pytest

from tests.support.browser import NARROW, SLUG, UNTRANSLATED_SLUG, WIDE

# The left and right edges of the article's content box and of its title's first line.
EDGES = """
const main = document.querySelector("main"), style = getComputedStyle(main);
const box = main.getBoundingClientRect();
const title = document.createRange();
title.selectNodeContents(document.querySelector("h1"));
const line = title.getClientRects()[0];
return {direction: getComputedStyle(document.querySelector("h1")).direction,
        contentLeft: box.left + parseFloat(style.paddingLeft), contentRight: box.right - parseFloat(style.paddingRight),
        titleLeft: line.left, titleRight: line.right};
"""

# For each row of the parallel view: the boxes of its Arabic and English cells' first blocks.
ROWS = """
return [...document.querySelectorAll(".parallel-row")].map(row => {
  const [ar, en] = ["ar", "en"].map(lang => row.querySelector(`.col[lang=${lang}]`).firstElementChild.getBoundingClientRect());
  return {id: row.id, ar: {top: ar.top, bottom: ar.bottom, left: ar.left}, en: {top: en.top, right: en.right}};
});
"""


def test_arabic_article_is_laid_out_right_to_left(browser, published_site):
    browser.open(published_site.url(f"ar/articles/{SLUG}/"))
    edges = browser.run(EDGES)
    assert edges["direction"] == "rtl"
    assert abs(edges["titleRight"] - edges["contentRight"]) < 2


def test_english_article_is_laid_out_left_to_right(browser, published_site):
    browser.open(published_site.url(f"en/articles/{SLUG}/"))
    edges = browser.run(EDGES)
    assert edges["direction"] == "ltr"
    assert abs(edges["titleLeft"] - edges["contentLeft"]) < 2


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_parallel_view_sets_each_arabic_row_level_with_its_english_on_a_wide_screen(browser, published_site, lang):
    browser.open(published_site.url(f"{lang}/articles/{SLUG}/parallel/"), WIDE)
    rows = browser.run(ROWS)
    assert len(rows) > 20
    for row in rows:
        assert abs(row["ar"]["top"] - row["en"]["top"]) < 1, row
        # Arabic on the right and English on the left, whichever language the page is in.
        assert row["ar"]["left"] > row["en"]["right"], row


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_parallel_views_masthead_is_as_wide_as_its_text(browser, published_site, lang):
    browser.open(published_site.url(f"{lang}/articles/{SLUG}/parallel/"), WIDE)
    widths = browser.run("return ['.masthead', 'main', '.site-footer'].map("
                         "s => document.querySelector(s).getBoundingClientRect().width)")
    assert max(widths) - min(widths) < 1, widths


def test_english_inside_an_arabic_page_keeps_its_own_face_and_leading(browser, published_site):
    browser.open(published_site.url(f"ar/articles/{SLUG}/parallel/"), WIDE)
    styles = browser.run("return ['ar', 'en'].map(lang => {"
                         "const s = getComputedStyle(document.querySelector(`.parallel-row .col[lang=${lang}] p`));"
                         "return [s.fontFamily, parseFloat(s.lineHeight) / parseFloat(s.fontSize)]; })")
    (ar_face, ar_leading), (en_face, en_leading) = styles
    assert ar_face != en_face
    assert abs(ar_leading - 1.9) < 0.05 and abs(en_leading - 1.6) < 0.05, styles


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_parallel_view_stacks_the_languages_on_a_narrow_screen(browser, published_site, lang):
    browser.open(published_site.url(f"{lang}/articles/{SLUG}/parallel/"), NARROW)
    for row in browser.run(ROWS):
        assert row["en"]["top"] >= row["ar"]["bottom"], row


def test_language_switch_leads_to_the_same_article_in_the_other_language(browser, published_site):
    browser.open(published_site.url(f"ar/articles/{SLUG}/"))
    for lang in ("en", "ar"):
        assert browser.follow(".language-switch") == published_site.url(f"{lang}/articles/{SLUG}/")
        assert browser.run("return document.documentElement.lang") == lang


def test_arabic_is_set_in_the_shipped_naskh_whatever_the_machine_has(browser, published_site):
    browser.open(published_site.url(f"ar/articles/{SLUG}/"))
    loaded = browser.run("return document.fonts.ready.then(() => [...document.fonts]"
                         ".filter(f => f.family.replace(/\"/g, '') === 'Nashra Naskh' && f.status === 'loaded')"
                         ".map(f => f.weight))")
    assert "400" in loaded
    assert browser.run("return getComputedStyle(document.querySelector('h1')).fontFamily").startswith('"Nashra Naskh"')


def test_an_untranslated_english_page_shows_one_notice_and_its_arabic_right_to_left(browser, published_site):
    browser.open(published_site.url(f"en/articles/{UNTRANSLATED_SLUG}/"))
    shown = browser.run("""
        const notices = [...document.querySelectorAll('.notice')].filter(n => n.offsetParent);
        const paragraphs = [...document.querySelectorAll('article p.untranslated')];
        return {notices: notices.map(n => n.textContent.trim()),
                directions: paragraphs.map(p => getComputedStyle(p).direction),
                robots: document.querySelector('meta[name=robots]')?.content};""")
    assert len(shown["notices"]) == 1 and shown["notices"][0].startswith("This article has not been translated")
    assert shown["directions"] == ["rtl"] * 3 and shown["robots"] == "noindex"


def test_the_parallel_view_of_an_untranslated_article_shows_its_arabic_once(browser, published_site):
    browser.open(published_site.url(f"en/articles/{UNTRANSLATED_SLUG}/parallel/"))
    text = browser.run("return document.querySelector('main').innerText;")
    assert text.count("وتخدم المحطة نحو مئة ألف نسمة.") == 1
    assert browser.run("return getComputedStyle(document.getElementById('en-s0-p1-1'), '::before').content;") == '"—"'
