"""Atom feeds: the site's, with every article's whole text, and one per speaker and per topic,
whose entries name and link the articles (their text is on the site's feed and pages)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from itertools import islice
from typing import Any

from ..config import SiteConfig
from ..site.library import Listing, fingerprint
from .context import article_view, listed, page_context
from .environment import OutputPage
from .urls import LANGUAGES, Route

FEED_SIZE = 50  # newest articles in each Atom feed


def feed_updated(listings: Sequence[Listing]) -> str:
    """When a feed last changed: its newest article's date, so two builds of the same
    content are byte-identical; SOURCE_DATE_EPOCH (reproducible-builds.org) overrides it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    newest = max((a.date for a in listings if a.date), default=None)
    return f"{newest.isoformat() if newest else '1970-01-01'}T00:00:00Z"


def newest_listed(config: SiteConfig, listings: Sequence[Listing], lang: str) -> list[Listing]:
    """The newest FEED_SIZE of `listings` that `lang`'s lists show."""
    return list(islice((a for a in listings if listed(config, a.status, lang)), FEED_SIZE))


def item_feeds(config: SiteConfig, kind: str, owner: str, titles: dict[str, str],
               listings: Sequence[Listing]) -> list[OutputPage]:
    """The feed of a speaker (`kind` "speaker") or a topic, in both languages: the newest
    FEED_SIZE articles it has, rendered again only when one of them changes."""
    pages = []
    for lang in LANGUAGES:
        newest = newest_listed(config, listings, lang)
        updated = feed_updated(newest)
        inputs = fingerprint((updated, tuple(titles.items()), tuple(a.fingerprint for a in newest)))
        route = Route(lang, f"{kind}_feed", owner)

        def context(route: Route = route, lang: str = lang, newest: list[Listing] = newest,
                    updated: str = updated) -> dict[str, Any]:
            made = page_context(config, route, f"{config.title(lang)}: {titles[lang]}")
            made.update(articles=[article_view(listing) for listing in newest], updated=updated,
                        feed_title=made["title"], alternate=made["absolute"](kind, owner))
            return made

        pages.append(OutputPage(route, "feed.xml", context, inputs))
    return pages
