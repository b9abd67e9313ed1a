"""Planning pages and rendering them through Jinja.

`plan` decides every page of the site (its route, template and context) before anything
is rendered, so collisions are found before a byte is written; `render` turns a planned
page into bytes. Templates see plain data and a `link()` helper bound to the page being
rendered; they never build a URL themselves.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import jinja2
from markupsafe import Markup

from ..config import SiteConfig
from ..model import Article, Person, Segment, Topic
from ..read.dateline import agency_english
from ..site.library import Library, Listing, Quote, QuoteRecord, fingerprint, search_bundles, translation_status
from .filters import article_date, isolate, localise_digits
from .markup import UNTRANSLATED_NOTE, ArticleMarkup
from .urls import DIRECTION, LANGUAGES, Route, absolute, relative

ASSETS_DIR = "assets"  # inside the templates folder; copied to site/assets/
LOCALES = {"ar": "ar_AR", "en": "en_US"}  # Open Graph locale names


@dataclass(frozen=True)
class OutputPage:
    route: Route
    template: str
    # A site-wide page's context can be a function that makes it, called only when the page
    # is rendered: most site-wide pages of a rebuild are not.
    context: dict[str, Any] | Callable[[], dict[str, Any]] = field(hash=False, compare=False)
    inputs: Any = None  # for site-wide pages: what the page shows, to detect change


def make_environment(config: SiteConfig) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(config.templates_dir),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,  # a typo in a template fails the build, not the page
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one environment per build: no stat of the template on every page
    )
    env.filters["isolate"] = isolate
    env.filters["article_date"] = lambda article, lang: article_date(article, lang, config.arabic_digits)
    env.filters["digits"] = lambda value, lang: localise_digits(str(value), lang, config.arabic_digits)
    env.filters["json_ld"] = json_ld
    env.globals["direction"] = DIRECTION
    env.globals["untranslated_note"] = UNTRANSLATED_NOTE
    env.filters["person_name"] = person_name
    return env


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON for a <script> element: `<`, `>` and `&` escaped so text can never close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def segment_text(segment: Segment, lang: str) -> str:
    """What a segment reads in `lang`; the Arabic where no English exists yet."""
    return segment.ar if lang == "ar" else (segment.en or segment.ar)


def _alternates(config: SiteConfig, route: Route) -> list[dict[str, str]]:
    if route.lang is None:
        return []
    links = [{"hreflang": lang, "href": absolute(config.base_url, route.twin(lang))} for lang in LANGUAGES]
    links.append({"hreflang": "x-default", "href": absolute(config.base_url, route.twin("ar"))})
    return links


def _link_maker(config: SiteConfig, route: Route, default_lang: str | None) -> Callable[..., str]:
    def link(kind: str, slug: str = "", lang: str | None = default_lang, fragment: str = "") -> str:
        target = Route(lang, kind, slug)
        if route.kind == "not_found":  # served at any depth by GitHub Pages: links must be absolute
            return absolute(config.base_url, target, fragment)
        return relative(route, target, fragment)

    return link


def _page_context(config: SiteConfig, route: Route, title: str, description: str = "") -> dict[str, Any]:
    lang = route.lang or "ar"
    other = "en" if lang == "ar" else "ar"
    link = _link_maker(config, route, lang)
    return {
        "site": config,
        "lang": lang,
        "dir": DIRECTION[lang],
        "other_lang": other,
        "title": title,
        "description": description or (config.description_ar if lang == "ar" else config.description_en),
        "route": route,
        "link": link,
        "canonical": absolute(config.base_url, route),
        "alternates": _alternates(config, route),
        "og_locale": LOCALES[lang],
        "og_locale_alternate": LOCALES[other] if route.lang else "",
        "twin": link(route.kind, route.slug, other) if route.lang else "",
        "text": lambda segment: segment_text(segment, lang),
        "absolute": lambda kind, slug="", lang=lang: absolute(config.base_url, Route(lang, kind, slug)),
    }


def _article_view(article: Article | Listing) -> dict[str, Any]:
    """What a page that shows an article, whole or as a listing, needs besides the article."""
    dateline = article.dateline
    status = article.status if isinstance(article, Listing) else translation_status(article)
    return {"article": article, "status": status, "agency_en": agency_english(dateline.agency) if dateline else ""}


def _summary(article: Article, lang: str) -> str:
    """The first sentence of the text: the description search engines and feeds show."""
    first = next((p.sentences[0] for section in article.sections for p in section.paragraphs), article.title)
    return segment_text(first, lang)


def _news_article(config: SiteConfig, article: Article, lang: str) -> dict[str, Any]:
    """schema.org NewsArticle; the English page declares itself a translation of the Arabic."""
    url = absolute(config.base_url, Route(lang, "article", article.slug))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": segment_text(article.title, lang),
        "inLanguage": lang,
        "url": url,
        "mainEntityOfPage": url,
        "description": _summary(article, lang),
        "publisher": {"@type": "Organization", "name": config.title(lang), "url": config.base_url},
    }
    if article.date:
        data["datePublished"] = article.date.isoformat()
    if article.source_url:
        data["isBasedOn"] = article.source_url
    if lang == "en":
        data["translationOfWork"] = {"@id": absolute(config.base_url, Route("ar", "article", article.slug))}
    return data


def _feed_updated(library: Library) -> str:
    """When the feed last changed: the newest article's date, so two builds of the same
    content are byte-identical; SOURCE_DATE_EPOCH (reproducible-builds.org) overrides it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    newest = max((a.date for a in library.articles if a.date), default=None)
    return f"{newest.isoformat() if newest else '1970-01-01'}T00:00:00Z"


FEED_SIZE = 50  # newest articles in each Atom feed


def article_pages(config: SiteConfig, topics: dict[str, Topic], article: Article) -> list[OutputPage]:
    """An article's own pages in both languages: they depend on nothing but the article,
    the topic labels and the templates, which is what lets a build reuse them."""
    markup = ArticleMarkup(article)  # shared by the article page and the parallel view
    pages = []
    for lang in LANGUAGES:
        for kind, template in (("article", "article.html"), ("parallel", "parallel.html")):
            route = Route(lang, kind, article.slug)
            context = _page_context(config, route, segment_text(article.title, lang), _summary(article, lang))
            context.update(_article_view(article))
            context["people"] = {p.id: p for p in article.people}
            context["markup"] = markup
            context["news_article"] = _news_article(config, article, lang)
            context["topics"] = [topics[t] for t in article.topic_ids if t in topics]
            pages.append(OutputPage(route, template, context))
    return pages


def person_name(person: Person, lang: str) -> str:
    """The name readers of `lang` see: the English name when known, else the Arabic."""
    return person.name_en if lang == "en" and person.name_en else person.name_ar


# A home, speaker or topic page shows its newest LIST_SIZE items; a longer list goes on in
# archives by year, which stay the same as new articles arrive (pages numbered from the
# newest would all shift), so a rebuild renders again only the years that changed.
LIST_SIZE = 50

ArticleSource = Callable[[str], Article]  # slug -> the whole article (the feeds show all its text)


@dataclass(frozen=True)
class Archive:
    year: str  # "2016", or "undated"
    label: str  # as readers of the page's language see it
    count: int
    route: Route


def _year_label(year: str, lang: str, config: SiteConfig) -> str:
    if year == "undated":
        return "بلا تاريخ" if lang == "ar" else "Undated"
    return localise_digits(year, lang, config.arabic_digits)


@dataclass(frozen=True)
class _ItemList:
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
              show: Callable[[Sequence[Any]], Any]) -> list[OutputPage]:
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
        pages = []
        for lang in LANGUAGES:
            main = Route(lang, self.main_kind, self.owner)
            archives = [Archive(year, _year_label(year, lang, config), count,
                                Route(lang, self.archive_kind, f"{self.owner}/{year}".lstrip("/")))
                        for year, count in counts]
            pages.append(self._page(config, main, main, None, archives, shown[""], show, inputs[""]))
            pages += [self._page(config, archive.route, main, archive, archives, shown[archive.year], show,
                                 inputs[archive.year]) for archive in archives]
        return pages

    def _page(self, config: SiteConfig, route: Route, main: Route, archive: Archive | None, archives: list[Archive],
              found: Sequence[Any], show: Callable[[Sequence[Any]], Any], inputs: str) -> OutputPage:
        lang = route.lang or "ar"
        title = f"{self.titles[lang]}: {archive.label}" if archive else self.titles[lang]

        def context() -> dict[str, Any]:  # made only when the page is rendered
            made = _page_context(config, route, title)
            made.update(self.fixed, archives=archives, main=main, year=archive.year if archive else "",
                        year_label=archive.label if archive else "")
            made[self.name] = show(found)
            return made

        return OutputPage(route, self.template, context, inputs)


def _views(listings: Sequence[Listing]) -> list[dict[str, Any]]:
    return [_article_view(listing) for listing in listings]


def _quotes(shown: Sequence[tuple[Listing, QuoteRecord]]) -> list[Quote]:
    return [Quote.of(listing, record) for listing, record in shown]


def _as_listing(listing: Listing) -> Listing:
    return listing


def _index_pages(config: SiteConfig, library: Library) -> list[OutputPage]:
    """Speaker and topic pages: an index of each, and pages per person and per topic."""
    labels = {"speakers": ("المتحدثون", "Speakers"), "topics": ("المواضيع", "Topics")}
    counts = {"speakers": repr([(e.person, len(e.quotes), e.article_count) for e in library.speakers]),
              "topics": repr([(e.topic, len(e.articles)) for e in library.topics])}
    pages = []
    for kind, entries in (("speakers", library.speakers), ("topics", library.topics)):
        for lang in LANGUAGES:
            context = _page_context(config, Route(lang, kind), labels[kind][lang == "en"])
            context["entries"] = entries
            pages.append(OutputPage(Route(lang, kind), f"{kind}.html", context, counts[kind]))
    for speaker in library.speakers:
        person = speaker.person
        quotes = _ItemList("speaker", person.id, "speaker_archive", {lang: person_name(person, lang) for lang in LANGUAGES},
                           "speaker.html", "quotes", {"entry": speaker}, repr(person))
        pages += quotes.pages(config, speaker.quotes, lambda quote: quote[0], _quotes)
    for topic in library.topics:
        articles = _ItemList("topic", topic.topic.id, "topic_archive", {"ar": topic.topic.label_ar, "en": topic.topic.label_en},
                             "topic.html", "articles", {"entry": topic}, repr(topic.topic))
        pages += articles.pages(config, topic.articles, _as_listing, _views)
    return pages


def _sitemaps(config: SiteConfig, library: Library, index_routes: Sequence[Route]) -> list[OutputPage]:
    """The sitemap index (`sitemap.xml`) and the sitemaps it names: one of the homes and index
    pages, and one of the articles of each year, which, like the archives, stays as it is
    when news of another year arrives. A sitemap may hold at most 50,000 addresses."""

    def sitemap(name: str, pages: list[tuple[Route, dt.date | None]]) -> OutputPage:
        route = Route(None, "sitemap_part", name)
        entries = [(absolute(config.base_url, page), absolute(config.base_url, page.twin("en")),
                    date.isoformat() if date else None) for page, date in pages]
        context = _page_context(config, route, config.title_ar)
        context["entries"] = entries
        return OutputPage(route, "sitemap-part.xml", context, tuple(entries))

    years: dict[str, list[Listing]] = {}
    for listing in library.articles:
        years.setdefault(listing.year, []).append(listing)
    sitemaps = [sitemap("pages", [(route, None) for route in index_routes])]
    newest: list[dt.date | None] = [None]
    for year, listings in sorted(years.items()):
        sitemaps.append(sitemap(year, [(Route("ar", "article", a.slug), a.date) for a in listings]))
        newest.append(max((a.date for a in listings if a.date), default=None))
    index = [(absolute(config.base_url, part.route), date.isoformat() if date else None)
             for part, date in zip(sitemaps, newest)]
    context = _page_context(config, Route(None, "sitemap"), config.title_ar)
    context["sitemaps"] = index
    return sitemaps + [OutputPage(Route(None, "sitemap"), "sitemap.xml", context, tuple(index))]


def site_pages(config: SiteConfig, library: Library, article_source: ArticleSource) -> list[OutputPage]:
    """Every page that is not an article's own: homes, archives, feeds, indexes, sitemap.
    Each carries its `inputs`, so a build can tell whether it needs rendering again, and
    makes its context only when it does."""
    newest = library.articles[:FEED_SIZE]
    updated = _feed_updated(library)
    home = _ItemList("home", "", "archive", {lang: config.title(lang) for lang in LANGUAGES}, "home.html", "articles",
                     {}, "")
    pages: list[OutputPage] = [
        OutputPage(Route(None, "root"), "root.html", _page_context(config, Route(None, "root"), config.title_ar), ()),
        OutputPage(Route(None, "not_found"), "404.html",
                   _page_context(config, Route(None, "not_found"), config.title_ar), ()),
        *home.pages(config, library.articles, _as_listing, _views),
    ]
    feed_inputs = (updated, tuple((a.fingerprint, a.text_fingerprint) for a in newest))
    for lang in LANGUAGES:
        def feed(route: Route = Route(lang, "feed"), lang: str = lang) -> dict[str, Any]:
            made = _page_context(config, route, config.title(lang))
            made.update(articles=[_article_view(article_source(a.slug)) for a in newest], updated=updated)
            return made

        pages.append(OutputPage(Route(lang, "feed"), "feed.xml", feed, feed_inputs))
    pages += _index_pages(config, library)
    bundles = list(search_bundles(library))  # newest first: the one whose Pagefind UI the page loads
    for lang in LANGUAGES:
        search = _page_context(config, Route(lang, "search"), "البحث" if lang == "ar" else "Search")
        search["bundles"] = bundles
        pages.append(OutputPage(Route(lang, "search"), "search.html", search, tuple(bundles)))
    index_routes = [p.route for p in pages if p.route.lang == "ar" and p.route.kind not in ("feed", "search")]
    pages += _sitemaps(config, library, index_routes)
    pages.append(OutputPage(Route(None, "robots"), "robots.txt", _page_context(config, Route(None, "robots"), ""), ()))
    return pages


def plan(config: SiteConfig, library: Library, articles: Sequence[Article]) -> list[OutputPage]:
    """Every page of the site, from the library and its articles."""
    by_slug = {article.slug: article for article in articles}
    topics = {entry.topic.id: entry.topic for entry in library.topics}
    pages = [page for listing in library.articles for page in article_pages(config, topics, by_slug[listing.slug])]
    return pages + site_pages(config, library, by_slug.__getitem__)


class TemplateFailure(Exception):
    """A template could not be loaded or rendered; the message names file and line."""


def render(env: jinja2.Environment, page: OutputPage) -> bytes:
    context = page.context() if callable(page.context) else page.context
    try:
        return env.get_template(page.template).render(context).encode("utf-8")
    except jinja2.TemplateError as exc:
        raise TemplateFailure(_describe_template_error(exc, env)) from None


def _describe_template_error(exc: jinja2.TemplateError, env: jinja2.Environment) -> str:
    """`templates/article.html:12: template error: message`, also for errors while rendering."""
    templates_dir = str(env.loader.searchpath[0]) if isinstance(env.loader, jinja2.FileSystemLoader) else ""
    filename, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    traceback = exc.__traceback__
    while traceback is not None:  # Jinja maps template frames to template file and line
        code = traceback.tb_frame.f_code
        if templates_dir and code.co_filename.startswith(templates_dir):
            filename, line = code.co_filename, traceback.tb_lineno
        traceback = traceback.tb_next
    message = getattr(exc, "message", None) or str(exc)
    return f"{filename}:{line}: template error: {message}" if filename else f"template error: {message}"


def asset_files(config: SiteConfig) -> list[tuple[Route, Path]]:
    """Static files shipped with the templates (CSS, scripts), copied verbatim."""
    folder = config.templates_dir / ASSETS_DIR
    if not folder.is_dir():
        return []
    return [
        (Route(None, "asset", path.relative_to(folder).as_posix()), path)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]
