"""Search (Pagefind, built with the site): each language searches its own articles, Arabic
words are found in their other forms, filters are offered, older years' indexes are searched
with the newest, and all of it works with the site under a project sub-path."""

import pytest

from tests.support.browser import SLUG, publish

# A story of another year than the sample's: its own search bundle (pagefind/2014/), while
# the sample's month is the newest (pagefind/2016-02/).
STATION = "hims-power-station"
OLDER_STORY = f"""+++
date = 2014-03-10
slug = "{STATION}"
+++
افتتاح محطة كهرباء جديدة في حمص

حمص-سانا افتتحت وزارة الكهرباء اليوم محطة جديدة لتوليد الطاقة في ريف حمص.
"""


@pytest.fixture(scope="module")
def published_archive(tmp_path_factory):
    """The repository's site with a story of 2014 besides the sample of 2016."""
    with publish(tmp_path_factory.mktemp("archive"), {f"{STATION}.txt": OLDER_STORY}) as site:
        yield site

FILTERS = """
return [...document.querySelectorAll(".pagefind-ui__filter-block")].map(block => [
  block.querySelector(".pagefind-ui__filter-name").textContent.trim(),
  [...block.querySelectorAll(".pagefind-ui__filter-checkbox")].map(box => box.value)]);
"""


@pytest.mark.parametrize("lang, word", [("ar", "لافروف"), ("en", "Lavrov")])
def test_search_finds_the_article_in_the_pages_language(browser, published_site, lang, word):
    browser.open(published_site.url(f"{lang}/search/"))
    article = published_site.url(f"{lang}/articles/{SLUG}/")
    assert browser.search(word) == [article]
    assert browser.follow(".pagefind-ui__result-link") == article


@pytest.mark.parametrize("lang, word", [("ar", "Lavrov"), ("en", "لافروف")])
def test_search_does_not_mix_the_languages(browser, published_site, lang, word):
    browser.open(published_site.url(f"{lang}/search/"))
    assert browser.search(word) == []


def test_arabic_search_finds_words_in_their_other_forms(browser, published_site):
    # The article only has الإرهاب ("the terrorism") and الحكومة ("the government"): Pagefind's
    # Arabic stemmer, not its prefix matching, finds them from the bare words and the plural.
    browser.open(published_site.url("ar/search/"))
    for stem in ("إرهاب", "حكومة", "الحكومات"):
        assert browser.search(stem) == [published_site.url(f"ar/articles/{SLUG}/")], stem


@pytest.mark.parametrize("lang, word, agency, year", [("ar", "لافروف", "الوكالة", "السنة"), ("en", "Lavrov", "Agency", "Year")])
def test_filter_panel_offers_agency_and_year_named_in_the_pages_language(
        browser, published_site, lang, word, agency, year):
    browser.open(published_site.url(f"{lang}/search/"))
    browser.search(word)
    filters = dict(browser.run(FILTERS))
    assert filters[agency] == ["سانا" if lang == "ar" else "SANA"]
    assert filters[year] == ["2016"]


def test_older_years_are_searched_with_the_newest_and_ranked_together(browser, published_archive):
    assert sorted(p.name for p in (published_archive.output / "pagefind").iterdir()) == ["2014", "2016-02"]
    browser.open(published_archive.url("ar/search/"))
    station, sample = (published_archive.url(f"ar/articles/{slug}/") for slug in (STATION, SLUG))
    assert browser.search("محطة") == [station]  # only in the 2014 bundle
    assert browser.search("لافروف") == [sample]  # only in the 2016-02 bundle
    assert sorted(browser.search("اليوم")) == sorted([station, sample])  # in both
    assert browser.follow(".pagefind-ui__result-link") in (station, sample)
    assert not [m for m in browser.console_messages() if m["level"] == "SEVERE"]
