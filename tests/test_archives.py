"""Long lists go on in archives by year: a home, a speaker's page and a topic's page show
their newest LIST_SIZE items, and when there are more, every year (and "undated") gets a
page of its own, linked from a year navigation on the main page and on each year's page.

LIST_SIZE is patched down to 2, so that six articles make long lists.
"""

import posixpath
import re
import shutil

import pytest

import generator.render.lists as lists_module
from tests.support.sites import REPO, SITE_TOML, Site

from .test_incremental import inodes, tree

LAVROV = "sergey-lavrov"
CEASEFIRE = "ceasefire"
ARTICLE = ("+++\n{date}\n+++\n{title}\n\n"
           "دمشق-سانا قال وزير الخارجية الروسي سيرغي لافروف إن وقف إطلاق النار رقم {n} صامد.\n")

# Newest first, as every list shows them; a6 has no date, so it is listed last.
DATES = {"a5": "2017-05-05", "a4": "2016-02-01", "a3": "2016-01-01", "a2": "2015-06-01", "a1": "2015-03-01",
         "a6": None}
BY_YEAR = {"2017": ["a5"], "2016": ["a4", "a3"], "2015": ["a2", "a1"], "undated": ["a6"]}
YEARS = list(BY_YEAR)  # in the order the navigation lists them
LISTS = {"home": ("", "archive/"),  # a list's main page, and the folder holding its year pages
         "speaker": (f"speakers/{LAVROV}/", f"speakers/{LAVROV}/"),
         "topic": (f"topics/{CEASEFIRE}/", f"topics/{CEASEFIRE}/")}


@pytest.fixture(autouse=True)
def short_lists(monkeypatch):
    monkeypatch.setattr(lists_module, "LIST_SIZE", 2)


def write_article(site, slug: str, date: str | None, title: str | None = None) -> None:
    n = slug[1:]
    site.article(f"{slug}.txt", ARTICLE.format(date=f"date = {date}" if date else "", n=n,
                                               title=title or f"عنوان الخبر رقم {n}"))


def prepare(site, dates: dict[str, str | None], display: str = "") -> None:
    """Articles in which Lavrov speaks about the ceasefire, with the project's people and topics.
    They have no English, and English lists show them all the same (`untranslated = "notice"`),
    as these tests are about lists; `display` adds keys to `[display]`."""
    for name in ("people.toml", "topics.toml"):
        shutil.copy(REPO / "content" / name, site.root / "content" / name)
    (site.root / "site.toml").write_text(SITE_TOML + '[display]\nuntranslated = "notice"\n' + display,
                                         encoding="utf-8")
    for slug, date in dates.items():
        write_article(site, slug, date)


@pytest.fixture
def long_site(site, capsys):
    prepare(site, DATES)
    code, _, err = site.build(capsys)
    assert code == 0, err
    return site


def nav(html: str) -> list[tuple[str, str | None, str | None]] | None:
    """The year navigation as (label, link or None for the current page, count or None)."""
    found = re.search(r'<nav class="archives".*?</nav>', html, re.DOTALL)
    if not found:
        return None
    items = []
    for item in re.findall(r"<li>(.*?)</li>", found.group(0), re.DOTALL):
        link = re.match(r'<a href="([^"]*)">([^<]*)</a>', item)
        current = re.match(r'<span aria-current="page">([^<]*)</span>', item)
        assert link or current, item
        count = re.search(r'<span class="counts">\(([^)]*)\)</span>', item)
        items.append((link.group(2) if link else current.group(1), link.group(1) if link else None,
                      count.group(1) if count else None))
    return items


def listed(html: str) -> list[str]:
    """The articles a list page shows (a speaker's page: the articles of its quotes), in order."""
    found = re.search(r'<ol class="(?:article|statement)-list">.*?</ol>', html, re.DOTALL)
    return re.findall(r'href="(?:\.\./)*articles/([a-z0-9-]+)/', found.group(0)) if found else []


def year_page(kind: str, lang: str, year: str) -> str:
    return f"{lang}/{LISTS[kind][1]}{year}/"


def main_page(kind: str, lang: str) -> str:
    return f"{lang}/{LISTS[kind][0]}"


def resolve(page_url: str, href: str) -> str:
    """Where a relative link on a page leads, as a site URL."""
    return posixpath.normpath(posixpath.join(page_url, href)).removeprefix(".") + "/"


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html).group(1)


# --- the home --------------------------------------------------------------------------------

def test_a_long_home_lists_the_newest_and_links_every_year_with_its_count(long_site):
    assert listed(long_site.page("ar/")) == ["a5", "a4"]
    assert nav(long_site.page("ar/")) == [
        ("الأحدث", None, None),
        ("2017", "archive/2017/", "1"), ("2016", "archive/2016/", "2"), ("2015", "archive/2015/", "2"),
        ("بلا تاريخ", "archive/undated/", "1"),
    ]
    assert listed(long_site.page("en/")) == ["a5", "a4"]
    assert nav(long_site.page("en/")) == [
        ("Newest", None, None),
        ("2017", "archive/2017/", "1"), ("2016", "archive/2016/", "2"), ("2015", "archive/2015/", "2"),
        ("Undated", "archive/undated/", "1"),
    ]


def test_each_year_page_lists_exactly_that_years_articles_newest_first(long_site):
    for lang in ("ar", "en"):
        for year, slugs in BY_YEAR.items():
            assert listed(long_site.page(f"{lang}/archive/{year}/")) == slugs, (lang, year)


def test_a_year_page_marks_its_year_as_current_and_links_back_to_the_newest(long_site):
    assert nav(long_site.page("ar/archive/2015/")) == [
        ("الأحدث", "../../", None),  # year pages show no counts
        ("2017", "../2017/", None), ("2016", "../2016/", None), ("2015", None, None),
        ("بلا تاريخ", "../undated/", None),
    ]
    page = long_site.page("en/archive/2016/")
    assert nav(page) == [("Newest", "../../", None), ("2017", "../2017/", None), ("2016", None, None),
                         ("2015", "../2015/", None), ("Undated", "../undated/", None)]
    assert '<h1>News: 2016</h1>' in page and title(page) == "Test digest: 2016"
    assert '<h1>أخبار 2015</h1>' in long_site.page("ar/archive/2015/")


def test_every_link_of_a_year_navigation_leads_to_a_built_page(long_site):
    for lang in ("ar", "en"):
        for url in [main_page("home", lang)] + [year_page("home", lang, y) for y in YEARS]:
            for _, href, _ in nav(long_site.page(url)):
                if href is not None:
                    assert (long_site.output / resolve(url, href) / "index.html").is_file(), (url, href)


def test_undated_articles_go_to_an_undated_archive(long_site):
    ar, en = long_site.page("ar/archive/undated/"), long_site.page("en/archive/undated/")
    assert listed(ar) == listed(en) == ["a6"]
    assert "<h1>أخبار بلا تاريخ</h1>" in ar and title(ar) == "نشرة الاختبار: بلا تاريخ"
    assert "<h1>News: Undated</h1>" in en and title(en) == "Test digest: Undated"
    assert ("بلا تاريخ", None, None) in nav(ar) and ("Undated", None, None) in nav(en)
    assert not any("a6" in listed(long_site.page(f"ar/archive/{y}/")) for y in YEARS if y != "undated")


def test_arabic_indic_digits_show_in_year_labels_and_counts_on_arabic_pages_only(site, capsys):
    prepare(site, DATES, 'digits = "arabic-indic"\n')
    assert site.build(capsys)[0] == 0
    assert nav(site.page("ar/")) == [
        ("الأحدث", None, None),
        ("٢٠١٧", "archive/2017/", "١"), ("٢٠١٦", "archive/2016/", "٢"), ("٢٠١٥", "archive/2015/", "٢"),
        ("بلا تاريخ", "archive/undated/", "١"),
    ]
    assert "<h1>أخبار ٢٠١٥</h1>" in site.page("ar/archive/2015/")
    assert ("2015", "archive/2015/", "2") in nav(site.page("en/"))
    assert "<h1>News: 2015</h1>" in site.page("en/archive/2015/")


# --- speakers and topics ---------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["speaker", "topic"])
def test_speaker_and_topic_pages_go_on_in_year_archives_like_the_home(long_site, kind):
    for lang, newest, undated in (("ar", "الأحدث", "بلا تاريخ"), ("en", "Newest", "Undated")):
        main = long_site.page(main_page(kind, lang))
        assert listed(main) == ["a5", "a4"]
        assert nav(main) == [(newest, None, None)] + [
            ("Undated" if y == "undated" and lang == "en" else undated if y == "undated" else y, f"{y}/",
             str(len(BY_YEAR[y]))) for y in YEARS]
        for year, slugs in BY_YEAR.items():
            page = long_site.page(year_page(kind, lang, year))
            assert listed(page) == slugs, (kind, lang, year)
            shown = nav(page)
            assert shown[0] == (newest, "../", None)
            assert [href for _, href, _ in shown[1:]] == [None if y == year else f"../{y}/" for y in YEARS]


def test_a_speakers_year_page_is_titled_with_the_speaker_and_the_year(long_site):
    assert title(long_site.page(f"en/speakers/{LAVROV}/2015/")) == "Sergey Lavrov: 2015"
    assert title(long_site.page(f"ar/speakers/{LAVROV}/2015/")) == "سيرغي لافروف: 2015"
    assert title(long_site.page(f"en/topics/{CEASEFIRE}/undated/")) == "Ceasefire: Undated"
    assert title(long_site.page(f"ar/topics/{CEASEFIRE}/undated/")) == "وقف إطلاق النار: بلا تاريخ"


# --- pairing and the sitemap -----------------------------------------------------------------

def test_archive_pages_are_paired_across_languages_and_listed_in_the_sitemap(long_site):
    base = "https://example.org/digest/"
    sitemap = set(long_site.sitemap())
    archives = [year_page(kind, "ar", year) for kind in LISTS for year in YEARS]
    for ar_url in archives:
        en_url = "en/" + ar_url.removeprefix("ar/")
        for url, twin in ((ar_url, en_url), (en_url, ar_url)):
            page = long_site.page(url)
            assert f'<link rel="canonical" href="{base}{url}">' in page
            assert f'<link rel="alternate" hreflang="{twin[:2]}" href="{base}{twin}">' in page
            switch = re.search(r'<a class="language-switch" href="([^"]*)"', page).group(1)
            assert resolve(url, switch) == twin, url
            assert base + url in sitemap, url
    built = {p.parent.relative_to(long_site.output).as_posix() + "/" for p in long_site.output.rglob("index.html")}
    years = {url for url in built if re.search(r"/(\d{4}|undated)/$", url)}
    assert years == set(archives) | {"en/" + url.removeprefix("ar/") for url in archives}  # and no others


def test_a_list_no_longer_than_list_size_has_no_archives(site, capsys):
    prepare(site, {"a5": "2017-05-05", "a1": "2015-03-01"})  # two articles, two years: LIST_SIZE exactly
    assert site.build(capsys)[0] == 0
    for kind in LISTS:
        for lang in ("ar", "en"):
            page = site.page(main_page(kind, lang))
            assert listed(page) == ["a5", "a1"]
            assert nav(page) is None and "archives-heading" not in page
    assert not (site.output / "ar" / "archive").exists() and not (site.output / "en" / "archive").exists()
    for lang in ("ar", "en"):
        for folder in (f"speakers/{LAVROV}", f"topics/{CEASEFIRE}"):
            assert sorted(p.name for p in (site.output / lang / folder).iterdir()) == ["feed.xml", "index.html"]  # no year folders
    locations = site.sitemap()
    assert locations and not [url for url in locations if re.search(r"/(archive|\d{4}|undated)/$", url)]


def test_a_list_that_becomes_short_loses_its_archives(long_site, capsys):
    for slug in ("a1", "a2", "a3", "a4"):
        (long_site.root / "content" / "articles" / f"{slug}.txt").unlink()
    assert long_site.build(capsys)[0] == 0
    assert listed(long_site.page("ar/")) == ["a5", "a6"] and nav(long_site.page("ar/")) is None
    assert nav(long_site.page(f"en/speakers/{LAVROV}/")) is None
    assert not (long_site.output / "ar" / "archive").exists()
    assert not (long_site.output / "en" / "topics" / CEASEFIRE / "2015").exists()
    locations = long_site.sitemap()
    assert locations and not [url for url in locations if re.search(r"/(archive|\d{4}|undated)/$", url)]


# --- incremental builds ----------------------------------------------------------------------

def list_pages() -> list[str]:
    """Every main and year page of the three lists, in both languages."""
    return [f"{url}index.html" for kind in LISTS for lang in ("ar", "en")
            for url in [main_page(kind, lang)] + [year_page(kind, lang, year) for year in YEARS]]


def clean_build(site, capsys) -> dict[str, str]:
    """The tree a clean build of the same content gives (in a copy of the site folder)."""
    copy = site.root.with_name("clean")
    shutil.copytree(site.root / "content", copy / "content")
    shutil.copy(site.root / "site.toml", copy / "site.toml")
    fresh = Site(copy)
    assert fresh.build(capsys)[0] == 0
    return tree(fresh)


def test_editing_an_article_rerenders_only_its_years_archive_pages(long_site, capsys):
    before = inodes(long_site)
    write_article(long_site, "a1", DATES["a1"], title="عنوان معدل للخبر الأول")
    assert long_site.build(capsys)[0] == 0
    after = inodes(long_site)
    rewritten = {p for p in list_pages() if after[p] != before[p]}
    assert rewritten == {f"{year_page(kind, lang, '2015')}index.html" for kind in LISTS for lang in ("ar", "en")}
    assert "عنوان معدل للخبر الأول" in long_site.page("ar/archive/2015/")
    assert "عنوان معدل للخبر الأول" in long_site.page(f"en/speakers/{LAVROV}/2015/")
    assert tree(long_site) == clean_build(long_site, capsys)


def test_adding_an_article_rerenders_its_year_and_the_main_pages_but_no_other_year(long_site, capsys):
    before = inodes(long_site)
    write_article(long_site, "a7", "2016-03-01")  # the second newest: on the main pages too
    assert long_site.build(capsys)[0] == 0
    after = inodes(long_site)
    rewritten = {p for p in list_pages() if after[p] != before[p]}
    assert rewritten == {f"{url}index.html" for kind in LISTS for lang in ("ar", "en")
                         for url in (main_page(kind, lang), year_page(kind, lang, "2016"))}
    assert listed(long_site.page("ar/")) == ["a5", "a7"]
    assert ("2016", "archive/2016/", "3") in nav(long_site.page("ar/"))
    assert listed(long_site.page("en/topics/ceasefire/2016/")) == ["a7", "a4", "a3"]
    # Of the sitemaps, only its year's, and the index, which dates that year by its newest article.
    sitemaps = {p for p in after if p.startswith("sitemap")}
    assert {p for p in sitemaps if after[p] != before.get(p)} == {"sitemap.xml", "sitemaps/2016.xml"}
    assert "<loc>https://example.org/digest/sitemaps/2016.xml</loc>\n    <lastmod>2016-03-01</lastmod>" in (
        long_site.page("sitemap.xml"))
    assert {p for p in sitemaps if p.startswith("sitemaps/")} == {"sitemaps/pages.xml"} | {
        f"sitemaps/{year}.xml" for year in YEARS}
    assert tree(long_site) == clean_build(long_site, capsys)  # the years not rendered are still right
