"""The bundled sample built into a site: paired, linked, right direction, nothing missing."""

import re
import shutil
from html.parser import HTMLParser

import pytest

from tests.support.linkcheck import broken_links
from tests.support.sites import REPO, SAMPLE

SLUG = "sana-2016-02-13-lavrov-us-russia-cooperation"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample and its human translation, built once with the project's templates."""
    from tests.support.sites import Site

    site = Site(tmp_path_factory.mktemp("sample") / "digest")
    shutil.copy(SAMPLE, site.root / "content" / "articles")
    shutil.copy(REPO / "content" / "translations" / f"{SLUG}.toml", site.root / "content" / "translations")
    for data in ("people.toml", "topics.toml", "places.toml"):
        shutil.copy(REPO / "content" / data, site.root / "content")
    from generator.cli import main
    assert main(["build", "--root", str(site.root), "--strict", "--quiet"]) == 0
    return site


class Tags(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def first(self, tag, **match):
        return next(a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in match.items()))

    def all(self, tag):
        return [a for t, a in self.tags if t == tag]


SPEAKERS = ["sergey-lavrov", "gennady-gatilov", "wang-yi", "khawla-matar", "jan-egeland", "paolo-gentiloni",
            "dmitry-medvedev"]
TOPICS = ["ceasefire", "counterterrorism-coalition", "foreign-intervention", "humanitarian-aid"]


def test_expected_pages_exist(built):
    names = sorted(p.relative_to(built.output).as_posix() for p in built.output.rglob("*") if p.is_file())
    per_language = [f"articles/{SLUG}/index.html", f"articles/{SLUG}/parallel/index.html", "feed.xml",
                    "index.html", "search/index.html", "speakers/index.html", "topics/index.html"]
    per_language += [f"speakers/{person}/{page}" for person in SPEAKERS for page in ("index.html", "feed.xml")]
    per_language += [f"topics/{topic}/{page}" for topic in TOPICS for page in ("index.html", "feed.xml")]
    expected = ["404.html", "assets/favicon.svg", "assets/fonts/OFL.txt", "assets/fonts/noto-naskh-arabic-arabic-400-normal.woff2",
                "assets/fonts/noto-naskh-arabic-arabic-700-normal.woff2", "assets/parallel.js", "assets/search.js", "assets/style.css",
                "index.html", "robots.txt", "sitemap.xml", "sitemaps/2016.xml", "sitemaps/pages.xml",
                ".nashra-build"]  # a digest of the other files: a copy of site/ put back (a CI cache) is known by it
    expected += [f"{lang}/{name}" for lang in ("ar", "en") for name in per_language]
    assert [name for name in names if not name.startswith("pagefind/")] == sorted(expected)
    assert {"pagefind/2016-02/pagefind-ui.js", "pagefind/2016-02/pagefind-ui.css"} <= set(names)


def test_each_speaker_and_topic_has_a_feed_of_its_articles_linked_from_its_page(built):
    import xml.etree.ElementTree as ElementTree

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.fromstring(built.page("en/speakers/sergey-lavrov/feed.xml"))
    assert feed.find(f"{atom}title").text == "Test digest: Sergey Lavrov"
    assert feed.find(f"{atom}link[@rel='alternate']").get("href") == "https://example.org/digest/en/speakers/sergey-lavrov/"
    entries = feed.findall(f"{atom}entry")
    assert [e.find(f"{atom}id").text for e in entries] == [f"https://example.org/digest/en/articles/{SLUG}/"]
    assert entries[0].find(f"{atom}content") is None  # the text is on the site's feed
    page = built.page("ar/topics/" + TOPICS[0] + "/")
    assert '<link rel="alternate" type="application/atom+xml" href="feed.xml"' in page
    assert all("feed.xml" not in url for url in built.sitemap())


def test_the_speaker_index_lists_exactly_the_samples_speakers_with_roles(built):
    html = built.page("en/speakers/")
    names = ["Sergey Lavrov", "Wang Yi", "Gennady Gatilov", "Paolo Gentiloni", "Dmitry Medvedev",
             "Jan Egeland", "Khawla Matar"]  # most statements first
    assert [html.index(name) for name in names] == sorted(html.index(name) for name in names)
    for absent in ("Putin", "Jubeir", "Yun Byung-se"):
        assert absent not in html
    assert "Russian Foreign Minister" in html and "11 statements in 1 article" in html
    assert "وزير الخارجية الروسي" in built.page("ar/speakers/")


def test_a_speaker_page_quotes_in_english_and_links_the_paragraph(built):
    html = built.page("en/speakers/gennady-gatilov/")
    assert "the cessation of hostilities in Syria could take effect within a week" in html
    assert f'href="../../articles/{SLUG}/#s1-p5"' in html
    assert 'id="s1-p5"' in built.page(f"en/articles/{SLUG}/")


@pytest.mark.parametrize("lang, direction", [("ar", "rtl"), ("en", "ltr")])
def test_html_lang_and_dir(built, lang, direction):
    for url in (f"{lang}/", f"{lang}/articles/{SLUG}/"):
        assert Tags(built.page(url)).first("html") == {"lang": lang, "dir": direction}


def test_pages_are_paired_by_reciprocal_hreflang_and_a_language_switch(built):
    base = "https://example.org/digest/"
    for lang, other in (("ar", "en"), ("en", "ar")):
        tags = Tags(built.page(f"{lang}/articles/{SLUG}/"))
        alternates = {a["hreflang"]: a["href"] for a in tags.all("link") if a.get("rel") == "alternate" and "hreflang" in a}
        assert alternates == {
            "ar": f"{base}ar/articles/{SLUG}/", "en": f"{base}en/articles/{SLUG}/", "x-default": f"{base}ar/articles/{SLUG}/"}
        switch = tags.first("a", **{"class": "language-switch"})
        assert switch["href"] == f"../../../{other}/articles/{SLUG}/"
        assert switch["hreflang"] == other


def test_both_languages_share_every_segment_id(built):
    ids = {lang: [attrs["id"] for _, attrs in Tags(built.page(f"{lang}/articles/{SLUG}/")).tags if "id" in attrs]
           for lang in ("ar", "en")}
    assert ids["ar"] == ids["en"]
    assert {"title", "dateline", "s0", "s0-p1", "s0-p1-1", "s4-h", "s4-p3-1"} <= set(ids["ar"])


def test_english_page_is_the_human_translation_without_a_machine_label(built):
    page = built.page(f"en/articles/{SLUG}/")
    assert "<h1 id=\"title\" class=\"seg human\">Lavrov: US-Russian agreement on military cooperation" in page
    assert "untranslated" not in page
    assert "en-x-mtfrom-ar" not in page and "machine" not in page


def test_no_boilerplate_reaches_any_page(built):
    for path in built.output.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for line in ("الشريط الإخباري", "telegram.me", "0940777186", "vk.com", "تابعونا"):
            assert line not in html, (path, line)


def test_urls_are_ascii_and_no_link_is_broken(built):
    for path in built.output.rglob("*"):
        assert path.relative_to(built.output).as_posix().isascii()
    assert broken_links(built.output, "https://example.org/digest/") == []


def test_homes_list_the_article_and_the_root_offers_both_languages(built):
    assert f'href="articles/{SLUG}/"' in built.page("ar/")
    assert "13 شباط 2016" in built.page("ar/")
    assert "Human translation" in built.page("en/")
    root = Tags(built.page(""))
    assert [a["href"] for a in root.all("a") if a.get("hreflang")] == ["ar/", "en/"]


def test_css_uses_logical_properties_only():
    css = re.sub(r"/\*.*?\*/", "", (REPO / "templates" / "assets" / "style.css").read_text(), flags=re.S)
    assert not re.search(r"\b(left|right)\b", css)
    assert not re.search(r"(margin|padding|border)-(top|bottom)\b", css)
