"""An article's own pages: the article and its parallel view, in both languages."""

from __future__ import annotations

from typing import Any

from ..config import SiteConfig
from ..model import Article, Topic
from .context import LOCALES, article_view, page_context, segment_text, summary
from .environment import OutputPage
from .filters import article_date
from .markup import ArticleMarkup
from .urls import LANGUAGES, Route, absolute


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
        "description": summary(article, lang),
        "publisher": {"@type": "Organization", "name": config.title(lang), "url": config.base_url},
    }
    if article.date:
        data["datePublished"] = article.date.isoformat()
    if article.source_url:
        data["isBasedOn"] = article.source_url
    if lang == "en":
        data["translationOfWork"] = {"@id": absolute(config.base_url, Route("ar", "article", article.slug))}
    return data


def _not_yet_english(lang: str, label: str) -> dict[str, Any]:
    """An article whose English is not complete claims no English twin: its English pages are
    `noindex` and name no alternates (nor does its Arabic page), and an English page holding no
    English at all declares the Arabic it shows, and no NewsArticle."""
    if lang == "ar":
        return {"alternates": [], "og_locale_alternate": ""}
    untranslated = label == "untranslated"
    return {"alternates": [], "noindex": True, "news_article": None,
            "og_locale": LOCALES["ar"] if untranslated else LOCALES["en"], "og_locale_alternate": ""}


def article_pages(config: SiteConfig, topics: dict[str, Topic], article: Article) -> list[OutputPage]:
    """An article's own pages in both languages: they depend on nothing but the article,
    the topic labels and the templates, which is what lets a build reuse them."""
    # What all four pages show alike, made once; the markup is shared by the article page
    # and the parallel views.
    shown = article_view(article) | {"people": {p.id: p for p in article.people}, "markup": ArticleMarkup(article),
                                     "topics": [topics[t] for t in article.topic_ids if t in topics]}
    status = shown["status"]
    pages = []
    for lang in LANGUAGES:
        in_lang = {"news_article": _news_article(config, article, lang),
                   "og_image": absolute(config.base_url, Route(lang, "card", article.slug)) if config.social_cards else ""}
        if not status.complete:
            in_lang.update(_not_yet_english(lang, status.label))
        title, description = segment_text(article.title, lang), summary(article, lang)
        for kind, template in (("article", "article.html"), ("parallel", "parallel.html")):
            route = Route(lang, kind, article.slug)
            context = page_context(config, route, title, description) | shown | in_lang
            pages.append(OutputPage(route, template, context))
    return pages


def article_cards(config: SiteConfig, article: Article) -> dict[str, bytes]:
    """The article's social card in each language (`[social] cards = true`), by output path."""
    from .cards import card_png  # Pillow loads only for sites that make cards

    return {Route(lang, "card", article.slug).output_path:
            card_png(config.templates_dir, lang, segment_text(article.title, lang), config.title(lang),
                     article_date(article, lang, config.arabic_digits) if article.date else "")
            for lang in LANGUAGES}
