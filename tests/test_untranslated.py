"""An article whose English is not complete never looks like a broken English page.

Its English page says so once, shows the Arabic once, is `noindex` and claims no English
twin; it waits outside English lists, feeds and sitemaps until translated (or is listed with
its state, `[display] untranslated = "notice"`); its parallel view shows no Arabic twice.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.build.article_job import load_article
from generator.config import ConfigError, load_config
from generator.diagnostics import Report
from generator.model import Provenance
from generator.translate.memory import memory_from_segments, memory_path, save_memory
from tests.support.sites import BASE_URL, SITE_TOML

SLUG = "2016-01-01-x"
ARTICLE = """عنوان الخبر

دمشق-سانا قال الوزير إن الاجتماع كان مثمرا. وأضاف أن العمل مستمر.

وأكد المدير أن المدارس ستفتح أبوابها.
"""
ENGLISH = {"title": "The headline", "dateline": "Damascus, SANA", "s0-p1-1": "The minister said the meeting was fruitful.",
           "s0-p1-2": "He added that work goes on.", "s0-p2-1": "The director stressed that schools will open."}
ARABIC_SENTENCES = ("قال الوزير إن الاجتماع كان مثمرا.", "وأضاف أن العمل مستمر.", "وأكد المدير أن المدارس ستفتح أبوابها.")


def translate(site, ids) -> None:
    """A human translation of the segments `ids`, in the memory."""
    config = load_config(site.root)
    article = load_article(site.root / "content" / "articles" / f"{SLUG}.txt", config, Report(stream=None))
    assert sorted(s.id for s in article.segments()) == sorted(ENGLISH)
    pairs = [(s, ENGLISH[s.id], Provenance.HUMAN, "") for s in article.segments() if s.id in ids]
    save_memory(memory_path(config.translations_dir, SLUG), memory_from_segments(SLUG, pairs, dt.date(2026, 1, 1)))


@pytest.fixture
def untranslated(site, capsys):
    site.article(f"{SLUG}.txt", ARTICLE)
    assert site.build(capsys, "--strict")[0] == 0
    return site


def body(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_an_untranslated_english_page_says_so_once_and_shows_the_arabic_once(untranslated):
    page = untranslated.page(f"en/articles/{SLUG}/")
    assert page.count('class="notice untranslated-notice"') == 1
    assert "This article has not been translated into English yet: what follows is the Arabic original." in page
    assert "Not yet translated" not in page  # no badge per paragraph any more
    for sentence in ARABIC_SENTENCES:
        assert body(page).count(sentence) == 1
    assert '<p id="s0-p2" class="untranslated" lang="ar" dir="rtl" data-pagefind-ignore>' in page
    assert '<h1 id="title" class="seg untranslated" lang="ar" dir="rtl" data-pagefind-ignore>عنوان الخبر</h1>' in page


def test_an_untranslated_english_page_is_noindex_and_claims_no_english(untranslated):
    english = untranslated.page(f"en/articles/{SLUG}/")
    arabic = untranslated.page(f"ar/articles/{SLUG}/")
    assert '<meta name="robots" content="noindex">' in english
    assert "hreflang=\"en\" href=" not in english and 'rel="alternate" hreflang' not in english
    assert 'rel="alternate" hreflang' not in arabic  # nor does the Arabic page name an English twin
    assert "application/ld+json" not in english  # no NewsArticle `inLanguage: en`
    assert '<meta property="og:locale" content="ar_AR">' in english and "og:locale:alternate" not in english
    assert '<meta name="robots"' not in arabic and "application/ld+json" in arabic
    assert 'class="language-switch" href="../../../en/articles/' in arabic  # readers may still go there


def test_untranslated_articles_wait_outside_english_lists_feeds_and_sitemaps(untranslated):
    site = untranslated
    assert f"articles/{SLUG}/" in site.page("ar/") and f"articles/{SLUG}/" not in site.page("en/")
    assert "No articles in English yet: each is listed here once it is translated." in site.page("en/")
    assert f"ar/articles/{SLUG}/" in site.page("ar/feed.xml") and "<entry>" not in site.page("en/feed.xml")
    assert f"{BASE_URL}ar/articles/{SLUG}/" in site.sitemap()
    assert f"{BASE_URL}en/articles/{SLUG}/" not in site.sitemap()
    assert 'hreflang="en"' not in site.page("sitemaps/2016.xml")


def test_notice_lists_untranslated_articles_in_english_with_their_state(site, capsys):
    (site.root / "site.toml").write_text(SITE_TOML + '[display]\nuntranslated = "notice"\n', encoding="utf-8")
    site.article(f"{SLUG}.txt", ARTICLE)
    assert site.build(capsys, "--strict")[0] == 0
    home = site.page("en/")
    assert f"articles/{SLUG}/" in home and "Not yet translated" in home
    assert f"en/articles/{SLUG}/" in site.page("en/feed.xml")
    # Listed, but still no page in English for search engines.
    assert '<meta name="robots" content="noindex">' in site.page(f"en/articles/{SLUG}/")
    assert f"{BASE_URL}en/articles/{SLUG}/" not in site.sitemap()


def test_a_partly_translated_page_says_how_much_is_missing_once(untranslated, capsys):
    translate(untranslated, {"title", "dateline", "s0-p1-1"})
    assert untranslated.build(capsys, "--strict")[0] == 0
    page = untranslated.page(f"en/articles/{SLUG}/")
    assert page.count('class="notice untranslated-notice"') == 1
    assert "2 of 5 passages of this article have not been translated into English yet" in page
    assert "The minister said the meeting was fruitful." in page
    assert '<meta name="robots" content="noindex">' in page
    assert f"articles/{SLUG}/" not in untranslated.page("en/")


def test_a_wholly_translated_article_is_an_english_page_like_any_other(untranslated, capsys):
    translate(untranslated, set(ENGLISH))
    assert untranslated.build(capsys, "--strict")[0] == 0
    page = untranslated.page(f"en/articles/{SLUG}/")
    assert "untranslated-notice" not in page and '<meta name="robots"' not in page
    assert f'<link rel="alternate" hreflang="en" href="{BASE_URL}en/articles/{SLUG}/">' in page
    assert '"inLanguage":"en"' in page.replace(" ", "") and '<meta property="og:locale" content="en_US">' in page
    assert "The headline" in untranslated.page("en/") and "The headline" in untranslated.page("en/feed.xml")
    assert f"{BASE_URL}en/articles/{SLUG}/" in untranslated.sitemap()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_parallel_view_never_shows_the_arabic_twice(untranslated, capsys, lang):
    translate(untranslated, {"title", "s0-p1-1"})
    assert untranslated.build(capsys, "--strict")[0] == 0
    page = body(untranslated.page(f"{lang}/articles/{SLUG}/parallel/"))
    for sentence in ARABIC_SENTENCES:
        assert page.count(sentence) == 1
    # The English column keeps a place, an empty segment, for each one not yet written.
    assert '<span id="en-s0-p2-1" class="seg missing" data-pagefind-ignore></span>' in page
    assert '<span id="en-s0-p1-1" class="seg human">The minister said the meeting was fruitful.</span>' in page
    notice = re.search(r'<p class="notice untranslated-notice">([^<]*)</p>', page)
    assert notice and ("3 of 5 passages have no English yet" in notice[1] if lang == "en"
                       else "3 من 5 من المقاطع بلا ترجمة إنكليزية بعد" in notice[1])


def test_a_misspelt_untranslated_setting_is_an_error_at_its_line(site):
    (site.root / "site.toml").write_text(SITE_TOML + '[display]\nuntranslated = "show"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as failure:
        load_config(site.root)
    assert 'site.toml:6: error: display.untranslated: must be "hide" or "notice", got \'show\'' in str(failure.value)


def test_english_indexes_count_only_what_english_lists_show(fixture_site, capsys):
    """The golden site: de Mistura speaks only in the untranslated Geneva story, so the English
    speaker index leaves him out (his page would list nothing); the Aleppo story, complete,
    keeps its topic in the English topic index."""
    site = fixture_site("golden")
    assert site.build(capsys, "--strict")[0] == 0
    assert "staffan-de-mistura/" in site.page("ar/speakers/")
    assert "staffan-de-mistura/" not in site.page("en/speakers/")
    assert 'href="humanitarian-aid/"' in site.page("en/topics/")
