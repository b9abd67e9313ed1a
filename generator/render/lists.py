"""Long lists (a home's articles, a speaker's quotes, a topic's articles): a main page of
the newest items, and archives by year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, NamedTuple, Sequence

from markupsafe import Markup

from ..config import SiteConfig
from ..site.library import Listing, QuoteRecord, TranslationStatus, fingerprint
from .context import lists_all, page_context
from .environment import OutputPage
from .filters import article_date, isolate, localise_digits
from .messages import message
from .urls import LANGUAGES, Route, with_fragment

Link = Callable[..., str]  # a page's link(): link("article", slug, fragment=...)
_Plan = tuple[dict[str, list[Any]], dict[str, Sequence[Any]], dict[str, str]]

# A home, speaker or topic page shows its newest LIST_SIZE items; a longer list goes on in
# archives by year, which stay the same as new articles arrive (pages numbered from the
# newest would all shift), so a rebuild renders again only the years that changed.
LIST_SIZE = 50


@dataclass(frozen=True)
class Archive:
    year: str  # "2016", or "undated"
    label: str  # as readers of the page's language see it
    count: int
    route: Route


def _year_label(year: str, lang: str, config: SiteConfig) -> str:
    if year == "undated":
        return message(config.templates_dir, lang, "Undated")
    return localise_digits(year, lang, config.arabic_digits)


@dataclass(frozen=True)
class ItemList:
    """A long list (a home's articles, a speaker's quotes, a topic's articles) as a main page
    of the newest items and, when they do not all fit, an archive page per year; in both
    languages, which show the same items (so what they show is worked out once)."""

    main_kind: str
    owner: str  # the speaker's or topic's id; "" for a home
    archive_kind: str
    titles: dict[str, str]  # by language
    template: str
    name: str  # what the template calls the items
    fixed: dict[str, Any]  # the rest of the template's context
    fixed_inputs: str  # what else the pages show, as text, to detect change

    def pages(self, config: SiteConfig, items: Sequence[Any], listing_of: Callable[[Any], Listing],
              show: Callable[[SiteConfig, Sequence[Any], str, Link], Any]) -> list[OutputPage]:
        pages = []
        plans: dict[int, _Plan] = {}  # by how many items a language lists: English often lists them all
        for lang in LANGUAGES:
            listed_items = items if lists_all(config, lang) else [
                item for item in items if listing_of(item).status.complete]
            if len(listed_items) not in plans:
                plans[len(listed_items)] = self._plan(listed_items, listing_of)
            years, shown, inputs = plans[len(listed_items)]
            main = Route(lang, self.main_kind, self.owner)
            archives = [Archive(year, _year_label(year, lang, config), len(found),
                                Route(lang, self.archive_kind, f"{self.owner}/{year}".lstrip("/")))
                        for year, found in years.items()]
            pages.append(self._page(config, main, main, None, archives, shown[""], show, inputs[""]))
            pages += [self._page(config, archive.route, main, archive, archives, shown[archive.year], show,
                                 inputs[archive.year]) for archive in archives]
        return pages

    def _plan(self, items: Sequence[Any], listing_of: Callable[[Any], Listing]) -> _Plan:
        """The items by year (when they do not fit on one page), what each page shows, and a
        fingerprint of each page's inputs."""
        years: dict[str, list[Any]] = {}
        if len(items) > LIST_SIZE:
            for item in items:
                years.setdefault(listing_of(item).year, []).append(item)
        counts = tuple((year, len(found)) for year, found in years.items())
        shown = {"": items[:LIST_SIZE], **years}
        # Counts show on the main page only, so adding an article does not touch every year's page.
        inputs = {year: fingerprint((self.fixed_inputs, year, counts if year == "" else tuple(years),
                                     tuple(listing_of(item).fingerprint for item in found)))
                  for year, found in shown.items()}
        return years, shown, inputs

    def _page(self, config: SiteConfig, route: Route, main: Route, archive: Archive | None, archives: list[Archive],
              found: Sequence[Any], show: Callable[[SiteConfig, Sequence[Any], str, Link], Any], inputs: str) -> OutputPage:
        lang = route.lang or "ar"
        title = f"{self.titles[lang]}: {archive.label}" if archive else self.titles[lang]

        def context() -> dict[str, Any]:  # made only when the page is rendered
            made = page_context(config, route, title)
            made.update(self.fixed, archives=archives, main=main, year=archive.year if archive else "",
                        year_label=archive.label if archive else "")
            made[self.name] = show(config, found, lang, made["link"])
            return made

        return OutputPage(route, self.template, context, inputs)


class ArticleLine(NamedTuple):
    """An article as a list (a home's, a topic's) in one language shows it, text and dates
    ready to write. A NamedTuple, as the lists of a build show tens of thousands."""

    href: str
    title: Markup | str  # isolated; on an English page, the Arabic as it is when there is no English
    title_in_arabic: bool  # an English page's, for want of an English title
    date: str  # ISO; "" when undated
    date_label: str
    status: TranslationStatus


def article_lines(config: SiteConfig, listings: Sequence[Listing], lang: str, link: Link) -> list[ArticleLine]:
    lines = []
    for listing in listings:
        title = listing.title
        in_arabic = lang == "en" and not title.en
        shown = title.ar if in_arabic else isolate(title.en if lang == "en" else title.ar, lang)
        lines.append(ArticleLine(link("article", listing.slug), shown, in_arabic, *_date_texts(config, listing, lang),
                                 listing.status))
    return lines


class QuoteLine(NamedTuple):
    """A statement as a speaker page in one language shows it, with the article it stands in:
    text and link ready to write, so the page's loop makes no call. A NamedTuple, as a
    build makes one per statement and page (tens of thousands), several times faster than a
    frozen dataclass."""

    words: Markup  # what it reads in the page's language (the Arabic where no English exists), isolated
    has_english: bool
    provenance: str
    href: str  # to the paragraph in the article, or the segment
    title: Markup  # the article's, isolated
    date: str  # ISO; "" when undated
    date_label: str


def quote_lines(config: SiteConfig, shown: Sequence[tuple[Listing, QuoteRecord]], lang: str,
                link: Link) -> list[QuoteLine]:
    lines = []
    # The article's link, title and dates: a speaker is quoted a few times an article.
    articles: dict[str, tuple[str, tuple[Markup, str, str]]] = {}
    for listing, (_, paragraph_id, segment_id, ar, en, provenance) in shown:
        words = isolate(en, "en") if lang == "en" and en else isolate(ar, "ar")
        article = articles.get(listing.slug)
        if article is None:
            title = listing.title.en if lang == "en" and listing.title.en else listing.title.ar
            article = articles[listing.slug] = (link("article", listing.slug),
                                                (isolate(title, lang), *_date_texts(config, listing, lang)))
        href, shown_article = article
        lines.append(QuoteLine(words, bool(en), provenance, with_fragment(href, paragraph_id or segment_id),
                               *shown_article))
    return lines


def _date_texts(config: SiteConfig, listing: Listing, lang: str) -> tuple[str, str]:
    """The article's date in ISO and as readers of `lang` see it; both "" when undated."""
    if listing.date is None:
        return "", ""
    return listing.date.isoformat(), article_date(listing, lang, config.arabic_digits)


def as_listing(listing: Listing) -> Listing:
    return listing
