"""All articles together: ordering, lookups, and what they say about each other.

This is the stage where one article can conflict with another (two files claiming one
slug), so collisions are found here, before anything is planned or written.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from .diagnostics import Report
from .model import Article, Provenance


@dataclass(frozen=True)
class TranslationStatus:
    """How much of an article has English, and from where."""

    human: int
    machine: int
    missing: int

    @property
    def total(self) -> int:
        return self.human + self.machine + self.missing

    @property
    def label(self) -> str:
        if self.missing == self.total:
            return "untranslated"
        if self.missing:
            return "partial"
        return "machine" if self.machine else "human"


def translation_status(article: Article) -> TranslationStatus:
    counts = Counter(segment.provenance for segment in article.segments())
    return TranslationStatus(
        human=counts[Provenance.HUMAN] + counts[Provenance.REVIEWED],
        machine=counts[Provenance.MACHINE],
        missing=counts[Provenance.MISSING],
    )


@dataclass(frozen=True)
class Library:
    articles: tuple[Article, ...]  # newest first; undated last; ties by slug

    def by_slug(self, slug: str) -> Article:
        return next(a for a in self.articles if a.slug == slug)


def _newest_first(article: Article) -> tuple[int, str]:
    return (-(article.date or dt.date.min).toordinal(), article.slug)


def assemble(articles: list[Article], report: Report) -> Library:
    """Order articles and drop the later of two with the same slug (reported as an error)."""
    kept: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: str(a.source)):
        first = kept.get(article.slug)
        if first is not None:
            report.error(article.source, article.title.line,
                         f"slug {article.slug!r} is already used by {report.shown(first.source)}; article skipped "
                         "(set a different `slug` in the front matter)")
            continue
        kept[article.slug] = article
    return Library(tuple(sorted(kept.values(), key=_newest_first)))
