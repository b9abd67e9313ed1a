"""The bundled sample built into a site: paired, linked, right direction, nothing missing."""

import re
import shutil
from html.parser import HTMLParser

import pytest

from tests.conftest import REPO, SAMPLE
from tests.support.linkcheck import broken_links

SLUG = "sana-2016-02-13-lavrov-us-russia-cooperation"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample and its human translation, built once with the project's templates."""
    from tests.conftest import Site

    site = Site(tmp_path_factory.mktemp("sample") / "digest")
    shutil.copy(SAMPLE, site.root / "content" / "articles")
    shutil.copy(REPO / "content" / "translations" / f"{SLUG}.toml", site.root / "content" / "translations")
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


def test_expected_pages_exist(built):
    names = sorted(p.relative_to(built.output).as_posix() for p in built.output.rglob("*") if p.is_file())
    assert [name for name in names if not name.startswith("pagefind/")] == [
        "404.html", f"ar/articles/{SLUG}/index.html", f"ar/articles/{SLUG}/parallel/index.html",
        "ar/feed.xml", "ar/index.html", "ar/search/index.html", "ar/speakers/index.html", "ar/topics/index.html",
        "assets/favicon.svg", "assets/parallel.js", "assets/search.js", "assets/style.css",
        f"en/articles/{SLUG}/index.html", f"en/articles/{SLUG}/parallel/index.html",
        "en/feed.xml", "en/index.html", "en/search/index.html", "en/speakers/index.html", "en/topics/index.html",
        "index.html", "robots.txt", "sitemap.xml",
    ]
    assert {"pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css"} <= set(names)


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


def test_untranslated_segments_show_the_arabic_marked_never_a_gap(site, capsys):
    site.article("2016-01-01-x.txt", "عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n")
    assert site.build(capsys)[0] == 0
    page = site.page("en/articles/2016-01-01-x/")
    assert '<div class="untranslated-block">' in page
    assert 'Not yet translated' in page
    assert '<p id="s0-p1" lang="ar" dir="rtl">' in page
    assert "قال الوزير إن الاجتماع كان مثمرا." in page
    assert '<bdi lang="ar" dir="rtl">عنوان الخبر</bdi>' in page
