"""All articles together: ordering, lookups, and what they say about each other.

This is the stage where one article can conflict with another (two files claiming one
slug), so collisions are found here, before anything is planned or written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .diagnostics import Report
from .model import Article, Person, Provenance, Statement, Topic


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
    counts = article.provenance_counts
    return TranslationStatus(
        human=counts[Provenance.HUMAN] + counts[Provenance.REVIEWED],
        machine=counts[Provenance.MACHINE],
        missing=counts[Provenance.MISSING],
    )


@dataclass(frozen=True)
class Quote:
    """A statement together with the article it stands in."""

    article: Article
    statement: Statement


@dataclass(frozen=True)
class SpeakerEntry:
    person: Person
    quotes: tuple[Quote, ...]  # newest article first, then reading order

    @property
    def article_count(self) -> int:
        return len({q.article.slug for q in self.quotes})


@dataclass(frozen=True)
class TopicEntry:
    topic: Topic
    articles: tuple[Article, ...]  # newest first


@dataclass(frozen=True)
class Library:
    articles: tuple[Article, ...]  # newest first; undated last; ties by slug
    speakers: tuple[SpeakerEntry, ...] = ()  # most statements first
    topics: tuple[TopicEntry, ...] = ()  # most articles first


def _newest_first(article: Article) -> tuple[int, str]:
    return (-(article.date or dt.date.min).toordinal(), article.slug)


def _fullest(a: Person, b: Person) -> Person:
    """Of two records of one person, the one that tells readers more."""
    return max((a, b), key=lambda p: (bool(p.name_en), bool(p.role_en), bool(p.role_ar), len(p.aliases)))


def _speakers(articles: tuple[Article, ...]) -> tuple[SpeakerEntry, ...]:
    people: dict[str, Person] = {}
    quotes: dict[str, list[Quote]] = {}
    for article in articles:  # already newest first
        for person in article.people:
            people[person.id] = _fullest(people[person.id], person) if person.id in people else person
        for statement in article.statements:
            if statement.person_id:
                quotes.setdefault(statement.person_id, []).append(Quote(article, statement))
    entries = [SpeakerEntry(people[pid], tuple(found)) for pid, found in quotes.items() if pid in people]
    return tuple(sorted(entries, key=lambda e: (-len(e.quotes), e.person.name_en or e.person.name_ar)))


def _topics(articles: tuple[Article, ...], lexicon: dict[str, Topic]) -> tuple[TopicEntry, ...]:
    tagged: dict[str, list[Article]] = {}
    for article in articles:
        for topic_id in article.topic_ids:
            if topic_id in lexicon:
                tagged.setdefault(topic_id, []).append(article)
    entries = [TopicEntry(lexicon[tid], tuple(found)) for tid, found in tagged.items()]
    return tuple(sorted(entries, key=lambda e: (-len(e.articles), e.topic.id)))


def assemble(articles: list[Article], report: Report, lexicon: dict[str, Topic] | None = None) -> Library:
    """Order articles, drop the later of two with the same slug (reported as an error), and
    index who said what and which articles share a topic."""
    kept: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: str(a.source)):
        first = kept.get(article.slug)
        if first is not None:
            report.error(article.source, article.title.line,
                         f"slug {article.slug!r} is already used by {report.shown(first.source)}; article skipped "
                         "(set a different `slug` in the front matter)")
            continue
        kept[article.slug] = article
    ordered = tuple(sorted(kept.values(), key=_newest_first))
    return Library(ordered, _speakers(ordered), _topics(ordered, lexicon or {}))
