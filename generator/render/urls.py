"""The one place that knows where pages live.

Every page has a site-relative URL (`ar/articles/<slug>/`) and an output file
(`ar/articles/<slug>/index.html`). Links inside the site are written relative to the page
that holds them, so the same `site/` works at a domain root, under a GitHub Pages project
path (`https://user.github.io/repo/`) and opened from disk; absolute URLs (canonical,
hreflang, feeds, sitemap) are joined to the configured `base_url`.
Arabic never appears in a URL: slugs are ASCII by construction (see parse._slug).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

LANGUAGES = ("ar", "en")
SEARCH_BUNDLES = "pagefind/"  # the folder of the search indexes, one bundle per part of the archive
DIRECTION = {"ar": "rtl", "en": "ltr"}


@dataclass(frozen=True)
class Route:
    """A page's address: language, kind and, for per-item pages, the item's slug."""

    lang: str | None  # None for pages that belong to no language (root, sitemap, assets)
    kind: str
    slug: str = ""

    @property
    def url(self) -> str:
        """Site-relative URL: "" for the root, "ar/articles/x/" for an article."""
        return url_for(self.lang, self.kind, self.slug)

    @property
    def output_path(self) -> str:
        url = self.url
        return url + "index.html" if url == "" or url.endswith("/") else url

    def twin(self, lang: str) -> Route:
        """The same page in another language."""
        return Route(lang, self.kind, self.slug)


def url_for(lang: str | None, kind: str, slug: str = "") -> str:
    """`Route(lang, kind, slug).url` without making the route: a page asks for dozens."""
    return _URLS[kind](lang, slug)


def _in_lang(suffix: str) -> Callable[[str | None, str], str]:
    # The suffix split once around its slug: str.format with a keyword, on every link, cost 4x more.
    head, slot, tail = suffix.partition("{slug}")
    if not slot:
        return lambda lang, slug: f"{lang}/{suffix}"
    return lambda lang, slug: f"{lang}/{head}{slug}{tail}"


_URLS = {
    "root": lambda lang, slug: "",
    "home": _in_lang(""),
    "article": _in_lang("articles/{slug}/"),
    "parallel": _in_lang("articles/{slug}/parallel/"),
    "card": _in_lang("articles/{slug}/card.png"),  # the article's social card
    "redirect": _in_lang("articles/{slug}/"),  # slug: a former slug of an article
    "archive": _in_lang("archive/{slug}/"),  # slug: a year
    "topics": _in_lang("topics/"),
    "topic": _in_lang("topics/{slug}/"),
    "topic_archive": _in_lang("topics/{slug}/"),  # slug: topic id/year
    "topic_feed": _in_lang("topics/{slug}/feed.xml"),
    "speakers": _in_lang("speakers/"),
    "speaker": _in_lang("speakers/{slug}/"),
    "speaker_archive": _in_lang("speakers/{slug}/"),  # slug: person id/year
    "speaker_feed": _in_lang("speakers/{slug}/feed.xml"),
    "search": _in_lang("search/"),
    "search_bundle": lambda lang, slug: f"{SEARCH_BUNDLES}{slug}/",  # slug: its part, "2016-05", "2016-2017"
    "feed": _in_lang("feed.xml"),
    "sitemap": lambda lang, slug: "sitemap.xml",  # the sitemap index
    "sitemap_part": lambda lang, slug: f"sitemaps/{slug}.xml",  # slug: "pages", or a year
    "robots": lambda lang, slug: "robots.txt",
    "not_found": lambda lang, slug: "404.html",
    "asset": lambda lang, slug: f"assets/{slug}",
}


def links_from(page: Route) -> Callable[[str, str], str]:
    """Links from one page to others (given by their `url`) that work under any base path: up
    to the deepest folder both share, then down (`../../topics/x/`). The page's folders are
    split once: a page makes dozens of links."""
    here = page.output_path.split("/")[:-1]  # the folders holding the page
    depth = len(here)

    def link(url: str, fragment: str = "") -> str:
        there = url.split("/")
        shared = 0
        while shared < depth and shared < len(there) - 1 and here[shared] == there[shared]:
            shared += 1
        path = "../" * (depth - shared) + "/".join(there[shared:])
        return with_fragment(path or "./", fragment)

    return link


def with_fragment(href: str, fragment: str) -> str:
    """A link to a place in the page `href` leads to (`#fragment`), or to the page itself."""
    return f"{href}#{fragment}" if fragment else href


def absolute(base_url: str, route: Route, fragment: str = "") -> str:
    return base_url + route.url + (f"#{fragment}" if fragment else "")
