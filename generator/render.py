"""Planning pages and rendering them through Jinja.

`plan` decides every page of the site (its route, template and context) before anything
is rendered, so collisions and broken links are found before a byte is written; `render`
turns a planned page into bytes. The templates see plain data and a `link()` helper bound
to the page being rendered; they never build a URL themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date

from .config import SiteConfig
from .dateline import agency_english
from .library import Library, translation_status
from .model import Article, Segment
from .urls import DIRECTION, LANGUAGES, Route, absolute, relative

ASSETS_DIR = "assets"  # inside the templates folder; copied to site/assets/


@dataclass(frozen=True)
class OutputPage:
    route: Route
    template: str
    context: dict[str, Any] = field(hash=False, compare=False)


def make_environment(config: SiteConfig) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(config.templates_dir),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,  # a typo in a template fails the build, not the page
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = format_article_date
    env.globals["direction"] = DIRECTION
    return env


def format_article_date(date: dt.date | None, lang: str) -> str:
    """Arabic dates use the Levantine month names (شباط) of the Syrian wire copy we carry."""
    if date is None:
        return ""
    return format_date(date, "long", locale="ar_SY" if lang == "ar" else "en")


def segment_text(segment: Segment, lang: str) -> str:
    return segment.ar if lang == "ar" else segment.en


def _alternates(config: SiteConfig, route: Route) -> list[dict[str, str]]:
    if route.lang is None:
        return []
    links = [{"hreflang": lang, "href": absolute(config.base_url, route.twin(lang))} for lang in LANGUAGES]
    links.append({"hreflang": "x-default", "href": absolute(config.base_url, route.twin("ar"))})
    return links


def _page_context(config: SiteConfig, route: Route, title: str) -> dict[str, Any]:
    lang = route.lang or "ar"
    other = "en" if lang == "ar" else "ar"

    def link(kind: str, slug: str = "", lang: str | None = lang, fragment: str = "") -> str:
        target = Route(lang, kind, slug)
        if route.kind == "not_found":  # served at any depth by GitHub Pages: links must be absolute
            return absolute(config.base_url, target, fragment)
        return relative(route, target, fragment)

    return {
        "site": config,
        "lang": lang,
        "dir": DIRECTION[lang],
        "other_lang": other,
        "title": title,
        "route": route,
        "link": link,
        "canonical": absolute(config.base_url, route),
        "alternates": _alternates(config, route),
        "twin": link(route.kind, route.slug, other) if route.lang else "",
        "text": lambda segment: segment_text(segment, lang),
    }


def _article_view(article: Article) -> dict[str, Any]:
    dateline = article.dateline
    return {
        "article": article,
        "status": translation_status(article),
        "agency_en": agency_english(dateline.agency) if dateline else "",
    }


def plan(library: Library, config: SiteConfig) -> list[OutputPage]:
    pages: list[OutputPage] = [
        OutputPage(Route(None, "root"), "root.html", _page_context(config, Route(None, "root"), config.title_ar)),
        OutputPage(Route(None, "not_found"), "404.html",
                   _page_context(config, Route(None, "not_found"), config.title_ar)),
    ]
    for lang in LANGUAGES:
        home = Route(lang, "home")
        context = _page_context(config, home, config.title(lang))
        context["articles"] = [_article_view(a) for a in library.articles]
        pages.append(OutputPage(home, "home.html", context))
        for article in library.articles:
            route = Route(lang, "article", article.slug)
            title = article.title.ar if lang == "ar" else (article.title.en or article.title.ar)
            context = _page_context(config, route, title)
            context.update(_article_view(article))
            pages.append(OutputPage(route, "article.html", context))
    return pages


def render(env: jinja2.Environment, page: OutputPage) -> bytes:
    return env.get_template(page.template).render(page.context).encode("utf-8")


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

