"""What every page's template sees: the site, the page's language and direction, its links
(relative, but absolute on the 404 page), its alternates in the other language, and what a
page showing an article needs besides the article."""

from __future__ import annotations

from typing import Any, Callable

from ..config import SiteConfig
from ..model import Article, Segment
from ..read.dateline import agency_english
from ..site.library import Listing, TranslationStatus, translation_status
from .urls import DIRECTION, LANGUAGES, Route, absolute, links_from, url_for

LOCALES = {"ar": "ar_AR", "en": "en_US"}  # Open Graph locale names


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
    if route.kind == "not_found":  # served at any depth by GitHub Pages: links must be absolute
        def link(kind: str, slug: str = "", lang: str | None = default_lang, fragment: str = "") -> str:
            return absolute(config.base_url, Route(lang, kind, slug), fragment)
        return link
    relative_to_page = links_from(route)

    def link(kind: str, slug: str = "", lang: str | None = default_lang, fragment: str = "") -> str:
        return relative_to_page(url_for(lang, kind, slug), fragment)

    return link


def page_context(config: SiteConfig, route: Route, title: str, description: str = "") -> dict[str, Any]:
    lang = route.lang or "ar"
    other = "en" if lang == "ar" else "ar"
    link = _link_maker(config, route, lang)
    return {
        "site": config,
        "site_title": config.title(lang),
        "lang": lang,
        "dir": DIRECTION[lang],
        "other_lang": other,
        "title": title,
        "description": description or (config.description_ar if lang == "ar" else config.description_en),
        "route": route,
        "link": link,
        "canonical": absolute(config.base_url, route),
        "alternates": _alternates(config, route),
        "noindex": False,
        "og_locale": LOCALES[lang],
        "og_locale_alternate": LOCALES[other] if route.lang else "",
        "twin": link(route.kind, route.slug, other) if route.lang else "",
        "text": lambda segment: segment_text(segment, lang),
        "absolute": lambda kind, slug="", lang=lang: absolute(config.base_url, Route(lang, kind, slug)),
    }


def article_view(article: Article | Listing) -> dict[str, Any]:
    """What a page that shows an article, whole or as a listing, needs besides the article."""
    dateline = article.dateline
    status = article.status if isinstance(article, Listing) else translation_status(article)
    return {"article": article, "status": status, "agency_en": agency_english(dateline.agency) if dateline else ""}


def lists_all(config: SiteConfig, lang: str) -> bool:
    """Whether `lang`'s homes, indexes and feeds list every article: the Arabic ones do, and
    the English ones with `[display] untranslated = "notice"`, each with its state."""
    return lang == "ar" or config.list_untranslated


def listed(config: SiteConfig, status: TranslationStatus, lang: str) -> bool:
    """Whether an article is listed in `lang`: in English, by default, once its English is complete."""
    return lists_all(config, lang) or status.complete


def summary(article: Article, lang: str) -> str:
    """The first sentence of the text: the description search engines and feeds show."""
    first = next((p.sentences[0] for section in article.sections for p in section.paragraphs), article.title)
    return segment_text(first, lang)
