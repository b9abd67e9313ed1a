"""The sitemap index and its sitemaps."""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from ..config import SiteConfig
from ..site.library import Library, Listing
from .context import page_context
from .environment import OutputPage
from .urls import Route, absolute


def sitemaps(config: SiteConfig, library: Library, index_routes: Sequence[Route]) -> list[OutputPage]:
    """The sitemap index (`sitemap.xml`) and the sitemaps it names: one of the homes and index
    pages, and one of the articles of each year, which, like the archives, stays as it is
    when news of another year arrives. A sitemap may hold at most 50,000 addresses."""

    def sitemap(name: str, pages: list[tuple[Route, dt.date | None, bool]]) -> OutputPage:
        """`pages`: (the Arabic page, its date, whether its English twin is a page in English)."""
        route = Route(None, "sitemap_part", name)
        entries = [(absolute(config.base_url, page), absolute(config.base_url, page.twin("en")) if english else "",
                    date.isoformat() if date else None) for page, date, english in pages]
        context = page_context(config, route, config.title_ar)
        context["entries"] = entries
        return OutputPage(route, "sitemap-part.xml", context, tuple(entries))

    years: dict[str, list[Listing]] = {}
    for listing in library.articles:
        years.setdefault(listing.year, []).append(listing)
    sitemaps = [sitemap("pages", [(route, None, True) for route in index_routes])]
    newest: list[dt.date | None] = [None]
    for year, listings in sorted(years.items()):
        # An English page not yet wholly translated is `noindex`: no sitemap names it.
        sitemaps.append(sitemap(year, [(Route("ar", "article", a.slug), a.date, a.status.complete) for a in listings]))
        newest.append(max((a.date for a in listings if a.date), default=None))
    index = [(absolute(config.base_url, part.route), date.isoformat() if date else None)
             for part, date in zip(sitemaps, newest)]
    context = page_context(config, Route(None, "sitemap"), config.title_ar)
    context["sitemaps"] = index
    return sitemaps + [OutputPage(Route(None, "sitemap"), "sitemap.xml", context, tuple(index))]
