"""Every page that is not an article's own: the root and 404 pages, homes and their archives,
feeds, speaker and topic pages, search pages, sitemaps and robots.txt."""

from __future__ import annotations

from typing import Any, Callable

from ..config import SiteConfig
from ..model import Article
from ..site.library import Library, Listing, search_bundles
from .context import article_view, page_context
from .environment import OutputPage
from .feeds import feed_updated, newest_listed
from .indexes import index_pages
from .lists import ItemList, article_lines, as_listing
from .messages import message
from .sitemaps import sitemaps
from .urls import LANGUAGES, Route

ArticleSource = Callable[[str], Article]  # slug -> the whole article (the feeds show all its text)


def site_pages(config: SiteConfig, library: Library, article_source: ArticleSource) -> list[OutputPage]:
    """Every page that is not an article's own: homes, archives, feeds, indexes, sitemap.
    Each carries its `inputs`, so a build can tell whether it needs rendering again, and
    makes its context only when it does."""
    home = ItemList("home", "", "archive", {lang: config.title(lang) for lang in LANGUAGES}, "home.html", "articles",
                     {}, "")
    pages: list[OutputPage] = [
        OutputPage(Route(None, "root"), "root.html", page_context(config, Route(None, "root"), config.title_ar), ()),
        OutputPage(Route(None, "not_found"), "404.html",
                   page_context(config, Route(None, "not_found"), config.title_ar), ()),
        *home.pages(config, library.articles, as_listing, article_lines),
    ]
    for lang in LANGUAGES:
        newest = newest_listed(config, library.articles, lang)
        updated = feed_updated(newest)

        def feed(route: Route = Route(lang, "feed"), lang: str = lang, newest: list[Listing] = newest,
                 updated: str = updated) -> dict[str, Any]:
            made = page_context(config, route, config.title(lang))
            made.update(articles=[article_view(article_source(a.slug)) for a in newest], updated=updated)
            return made

        feed_inputs = (updated, tuple((a.fingerprint, a.text_fingerprint) for a in newest))
        pages.append(OutputPage(Route(lang, "feed"), "feed.xml", feed, feed_inputs))
    pages += index_pages(config, library)
    bundles = list(search_bundles(library))  # newest first: the one whose Pagefind UI the page loads
    for lang in LANGUAGES:
        search = page_context(config, Route(lang, "search"), message(config.templates_dir, lang, "Search", "page title"))
        search["bundles"] = bundles
        pages.append(OutputPage(Route(lang, "search"), "search.html", search, tuple(bundles)))
    pages += redirect_pages(config, library)
    index_routes = [p.route for p in pages if p.route.lang == "ar" and p.route.kind not in ("search", "redirect")
                    and not p.route.kind.endswith("feed")]
    pages += sitemaps(config, library, index_routes)
    pages.append(OutputPage(Route(None, "robots"), "robots.txt", page_context(config, Route(None, "robots"), ""), ()))
    return pages


def redirect_pages(config: SiteConfig, library: Library) -> list[OutputPage]:
    """At each former slug's address, in both languages, a page that sends readers and
    search engines on to the article (`aliases` in its front matter)."""
    pages = []
    for alias, slug in library.redirects:
        for lang in LANGUAGES:
            route = Route(lang, "redirect", alias)
            context = page_context(config, route, config.title(lang))
            context.update(target=context["absolute"]("article", slug), target_link=context["link"]("article", slug))
            pages.append(OutputPage(route, "redirect.html", context, (alias, slug)))
    return pages
