"""All articles together: ordering, lookups, and what they say about each other.

This is the stage where one article can conflict with another (two files claiming one
slug), so collisions are found here, before anything is planned or written.

The library holds each article's `Listing`, not the article: what the site-wide pages show
of it (title, date, statements). A listing is a few hundred bytes, so the build cache keeps
one for every article and a rebuild assembles the library without loading thousands of
articles; only the feeds need whole articles, and only their newest few.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import pickle
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from ..diagnostics import Report
from ..model import Article, Dateline, Person, Provenance, Segment, Statement, Topic


@dataclass(frozen=True)
class TranslationStatus:
    """How much of an article has English, and from where."""

    human: int
    machine: int
    missing: int  # no English, stale ones included
    stale: int = 0  # no English, but an entry for an older Arabic of the segment

    @property
    def total(self) -> int:
        return self.human + self.machine + self.missing

    @property
    def complete(self) -> bool:
        """Every segment has English: the English page is a page in English, to list and index."""
        return self.missing == 0

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
        missing=counts[Provenance.MISSING] + counts[Provenance.STALE],
        stale=counts[Provenance.STALE],
    )


# A statement as a listing keeps it: (speaker id, paragraph id, segment id, Arabic, English,
# provenance). Plain tuples, because a rebuild loads one per statement of the whole digest
# (tens of thousands) and unpickles tuples an order of magnitude faster than dataclasses.
QuoteRecord = tuple[str, str, str, str, str, str]


@dataclass(frozen=True)
class Listing:
    """What the site-wide pages show of one article. `fingerprint` changes whenever any of
    it does, and `text_fingerprint` whenever any of the article's text does (the feeds show
    it all), so a build can tell which site-wide pages to render again without comparing
    their contents."""

    slug: str
    source: Path
    date: dt.date | None
    year: str  # the archive it is filed under: "2016", or "undated"
    title: Segment
    dateline: Dateline | None
    status: TranslationStatus
    topic_ids: tuple[str, ...]
    people: tuple[Person, ...]
    quotes: tuple[QuoteRecord, ...]  # statements with a speaker, in reading order
    text_fingerprint: str
    fingerprint: str
    aliases: tuple[str, ...] = ()  # former slugs, redirected here

    @classmethod
    def of(cls, article: Article) -> Listing:
        quotes = tuple(_record(s, article.segment(s.segment_id)) for s in article.statements if s.person_id)
        year = str(article.date.year) if article.date else "undated"
        shown = (article.slug, article.source, article.date, year, article.title, article.dateline,
                 translation_status(article), article.topic_ids, article.people, quotes)
        text_fingerprint = fingerprint(tuple((s.id, s.ar, s.en, s.provenance.value) for s in article.segments()))
        return cls(*shown, text_fingerprint, fingerprint(shown), aliases=article.aliases)


def with_shared_people(listings: dict[str, Listing]) -> dict[str, Listing]:
    """The listings with one copy of each person, however many articles quote them: what
    the cache pickles, and what a later build holds in memory, once per person."""
    people: dict[Person, Person] = {}
    return {key: replace(listing, people=tuple(people.setdefault(p, p) for p in listing.people))
            for key, listing in listings.items()}


def _record(statement: Statement, segment: Segment) -> QuoteRecord:
    return (statement.person_id, statement.paragraph_id, segment.id, segment.ar, segment.en, segment.provenance.value)


def fingerprint(value: object) -> str:
    """A digest of plain data (tuples, strings, dataclasses, whose pickles hold every field):
    equal when what it describes is equal, to tell whether a page needs rendering again.
    Pickled rather than repr()'d, which costs twice as much on Arabic text; in the pickler's
    fast mode, which keeps no memo, so the bytes depend on the values, never on which of them
    are one object."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return hashlib.sha256(out.getbuffer()).hexdigest()


@dataclass(frozen=True)
class SpeakerEntry:
    person: Person
    quotes: tuple[tuple[Listing, QuoteRecord], ...]  # newest article first, then reading order

    @cached_property  # asked twice by each language's speaker index, of hundreds of quotes
    def article_count(self) -> int:
        return len({listing.slug for listing, _ in self.quotes})


@dataclass(frozen=True)
class TopicEntry:
    topic: Topic
    articles: tuple[Listing, ...]  # newest first


@dataclass(frozen=True)
class Library:
    articles: tuple[Listing, ...]  # newest first; undated last; ties by slug
    speakers: tuple[SpeakerEntry, ...] = ()  # most statements first
    topics: tuple[TopicEntry, ...] = ()  # most articles first
    redirects: tuple[tuple[str, str], ...] = ()  # (former slug, the article's slug)


# Articles a search bundle holds at most (but for a month that has more): Pagefind holds all
# it indexes in memory, and two run at once (search.PAGEFIND_RUNS), so the bundle's size
# bounds a full build's peak memory (bench/README.md, "Figures behind design choices").
SEARCH_BUNDLE_SIZE = 600


def search_bundles(library: Library) -> dict[str, list[str]]:
    """The slugs each search index holds, by the index's name, newest first: the newest
    story's month ("2016-05"), the rest of its year ("2016"), then older years (the undated
    first) grouped from the oldest, as many as SEARCH_BUNDLE_SIZE articles hold ("2013-2014").
    A year that holds more is split into groups of its months ("2015-01-2015-06").

    Pagefind cannot update an index: split so, a new story or an edit of a recent one makes
    again only the newest month's bundle, a few dozen articles,
    and the rest of the year once a month, when the month turns; no Pagefind run holds more
    than SEARCH_BUNDLE_SIZE articles (or a month's), and a search page loads a few indexes'
    metadata, not one per year. Old years do not change, so neither do their bundles."""
    newest = library.articles[0].date if library.articles else None
    month = f"{newest:%Y-%m}" if newest else ""
    recent: list[str] = []
    years: dict[str, list[Listing]] = {}
    for listing in reversed(library.articles):  # oldest first; the undated come last, so first here
        if listing.date is not None and f"{listing.date:%Y-%m}" == month:
            recent.append(listing.slug)
        else:
            years.setdefault(listing.year, []).append(listing)
    parts: dict[str, list[str]] = {}  # years, or groups of a large year's months; oldest first
    alone: set[str] = set()  # parts that join no other: the rest of the newest year, a large year's
    for year, listings in years.items():
        if len(listings) > SEARCH_BUNDLE_SIZE and year != "undated":
            months: dict[str, list[str]] = {}
            for listing in listings:
                months.setdefault(f"{listing.date:%Y-%m}", []).append(listing.slug)
            groups = _grouped(months)
            parts.update(groups)
            alone.update(groups)
        else:
            parts[year] = [listing.slug for listing in listings]
            if newest and year == str(newest.year):
                alone.add(year)
    bundles = _grouped(parts, alone)
    if recent:
        bundles[month] = recent
    return dict(reversed(bundles.items()))


def _grouped(parts: dict[str, list[str]], alone: Collection[str] = ()) -> dict[str, list[str]]:
    """Consecutive parts joined as long as they hold SEARCH_BUNDLE_SIZE articles at most,
    named by their first and last ("2013-2014"); a part in `alone` joins no other."""
    groups: list[list[str]] = []
    for part, slugs in parts.items():
        if (groups and part not in alone and groups[-1][-1] not in alone
                and sum(len(parts[p]) for p in groups[-1]) + len(slugs) <= SEARCH_BUNDLE_SIZE):
            groups[-1].append(part)
        else:
            groups.append([part])
    return {(group[0] if len(group) == 1 else f"{group[0]}-{group[-1]}"): [slug for p in group for slug in parts[p]]
            for group in groups}


def _newest_first(listing: Listing) -> tuple[int, str]:
    return (-(listing.date or dt.date.min).toordinal(), listing.slug)


def _fullest(a: Person, b: Person) -> Person:
    """Of two records of one person, the one that tells readers more."""
    if a == b:
        return a
    return max((a, b), key=lambda p: (bool(p.name_en), bool(p.role_en), bool(p.role_ar), len(p.aliases)))


def _speakers(listings: tuple[Listing, ...]) -> tuple[SpeakerEntry, ...]:
    people: dict[str, Person] = {}
    quotes: dict[str, list[tuple[Listing, QuoteRecord]]] = {}
    for listing in listings:  # already newest first
        for person in listing.people:
            people[person.id] = _fullest(people[person.id], person) if person.id in people else person
        for record in listing.quotes:
            quotes.setdefault(record[0], []).append((listing, record))
    entries = [SpeakerEntry(people[pid], tuple(found)) for pid, found in quotes.items() if pid in people]
    return tuple(sorted(entries, key=lambda e: (-len(e.quotes), e.person.name_en or e.person.name_ar)))


def _topics(listings: tuple[Listing, ...], lexicon: dict[str, Topic]) -> tuple[TopicEntry, ...]:
    tagged: dict[str, list[Listing]] = {}
    for listing in listings:
        for topic_id in listing.topic_ids:
            if topic_id in lexicon:
                tagged.setdefault(topic_id, []).append(listing)
    entries = [TopicEntry(lexicon[tid], tuple(found)) for tid, found in tagged.items()]
    return tuple(sorted(entries, key=lambda e: (-len(e.articles), e.topic.id)))


def assemble(listings: list[Listing], report: Report, lexicon: dict[str, Topic] | None = None) -> Library:
    """Order articles, drop the later of two with the same slug (reported as an error), and
    index who said what and which articles share a topic."""
    kept: dict[str, Listing] = {}
    for listing in sorted(listings, key=lambda a: str(a.source)):
        first = kept.get(listing.slug)
        if first is not None:
            report.error(listing.source, listing.title.line,
                         f"slug {listing.slug!r} is already used by {report.shown(first.source)}; article skipped "
                         "(set a different `slug` in the front matter)")
            continue
        kept[listing.slug] = listing
    ordered = tuple(sorted(kept.values(), key=_newest_first))
    return Library(ordered, _speakers(ordered), _topics(ordered, lexicon or {}), _redirects(ordered, report))


def _redirects(listings: tuple[Listing, ...], report: Report) -> tuple[tuple[str, str], ...]:
    """Each former slug an article lists, unless an article has it now or another lists it
    first (the newest article keeps it): a warning, and that alias makes no page."""
    slugs = {listing.slug for listing in listings}
    claimed: dict[str, str] = {}
    for listing in listings:
        for alias in listing.aliases:
            problem = ("is the slug of an article" if alias in slugs else
                       f"already redirects to {claimed[alias]!r}" if alias in claimed else "")
            if problem:
                report.warning(listing.source, 1, f"alias {alias!r} {problem}; no redirect made for it")
            else:
                claimed[alias] = listing.slug
    return tuple(sorted(claimed.items()))
