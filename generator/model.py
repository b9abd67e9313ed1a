"""The data model shared by all pipeline stages: frozen dataclasses, explicit fields.

An article is a tree of sections > paragraphs > sentences. Every translatable piece of text
(title, dateline, heading, sentence) is a `Segment` whose `id` is derived from its position
and becomes the HTML anchor in both languages, so the Arabic page, the English page and any
link into them point at the same place.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from pathlib import Path


class Provenance(str, Enum):
    """Where the English text of a segment comes from."""

    HUMAN = "human"
    REVIEWED = "reviewed"
    MACHINE = "machine"
    MISSING = "missing"
    STALE = "stale"  # no English: the memory's entry translates an older Arabic


@dataclass(frozen=True)
class Segment:
    """The unit of translation and alignment.

    `ar` is the text as written in the source (NFC, otherwise untouched); `en` is filled in by
    the translation stage, with `provenance` saying where it came from.
    """

    id: str
    ar: str
    line: int
    en: str = ""
    provenance: Provenance = Provenance.MISSING


@dataclass(frozen=True)
class Paragraph:
    id: str
    sentences: tuple[Segment, ...]
    line: int
    text: str  # the Arabic as written, all its sentences
    starts: tuple[int, ...]  # where each sentence starts in `text`, as the sentence splitter found it


@dataclass(frozen=True)
class Section:
    """A run of paragraphs. The lead section (index 0) has no heading."""

    id: str
    heading: Segment | None
    paragraphs: tuple[Paragraph, ...]
    line: int


@dataclass(frozen=True)
class Dateline:
    """`عواصم-سانا`: where the story was filed and by which agency."""

    place: str
    agency: str
    segment: Segment


@dataclass(frozen=True)
class Person:
    """Someone who speaks in the digest; `id` is an ASCII slug (also their page's URL)."""

    id: str
    name_ar: str
    name_en: str  # "" when the gazetteer does not know them: pages then show the Arabic
    role_ar: str = ""
    role_en: str = ""
    aliases: tuple[str, ...] = ()


class StatementKind(str, Enum):
    DIRECT = "direct"  # a quotation in “ ” « » " "
    REPORTED = "reported"  # reported speech: قال إن ...
    HEADLINE = "headline"  # a headline or sub-headline `الاسم: ...`


@dataclass(frozen=True)
class Statement:
    """One attribution: who said it, where it stands, and what was said (Arabic, as written)."""

    person_id: str  # "" for an anonymous source
    segment_id: str  # the sentence (or heading) holding the statement
    paragraph_id: str  # the anchor pages link to ("" for a heading)
    kind: StatementKind
    quote: str
    source_label: str = ""  # for anonymous sources: `مصدر مسؤول`


@dataclass(frozen=True)
class Topic:
    """An entry of the topic lexicon (content/topics.toml)."""

    id: str
    label_ar: str
    label_en: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicAssignment:
    """A topic given to an article, with the evidence (or the editor's word) for it."""

    topic_id: str
    score: float
    evidence: tuple[str, ...]  # e.g. "title: وقف العمليات القتالية", "front matter"


@dataclass(frozen=True)
class Article:
    slug: str
    source: Path
    date: dt.date | None
    title: Segment
    dateline: Dateline | None
    sections: tuple[Section, ...]
    source_url: str = ""
    topics: tuple[TopicAssignment, ...] = ()
    statements: tuple[Statement, ...] = ()
    people: tuple[Person, ...] = ()  # everyone who speaks in this article
    draft: bool = False
    aliases: tuple[str, ...] = ()
    source_digest: str = ""  # of the file's bytes, as read (SourceFile.digest)
    memory_digest: str = ""  # of its translation memory's bytes, as read ("" when it has none)

    @property
    def topic_ids(self) -> tuple[str, ...]:
        return tuple(t.topic_id for t in self.topics)

    @property
    def lead(self) -> Section:
        return self.sections[0]

    def segment(self, segment_id: str) -> Segment:
        return self._segments_by_id[segment_id]

    def segments(self) -> tuple[Segment, ...]:
        """Every translatable segment, in reading order."""
        return self._segments

    # Computed once per (immutable) article: index pages ask for them thousands of times.
    @cached_property
    def _segments_by_id(self) -> dict[str, Segment]:
        return {segment.id: segment for segment in self._segments}

    @cached_property
    def provenance_counts(self) -> Counter[Provenance]:
        return Counter(segment.provenance for segment in self._segments)

    @cached_property
    def _segments(self) -> tuple[Segment, ...]:
        found: list[Segment] = [self.title]
        if self.dateline:
            found.append(self.dateline.segment)
        for section in self.sections:
            if section.heading:
                found.append(section.heading)
            for paragraph in section.paragraphs:
                found.extend(paragraph.sentences)
        return tuple(found)


@dataclass(frozen=True)
class FrontMatter:
    """The optional TOML header of an article, between `+++` lines."""

    slug: str = ""
    date: dt.date | None = None
    source: str = ""
    title: str = ""
    topics: tuple[str, ...] = ()  # "ceasefire" adds a topic, "-ceasefire" removes one
    speakers: dict[str, str] = field(default_factory=dict, hash=False)  # paragraph id -> person id ("" = none)
    draft: bool = False  # shown by `build-site serve`, published by no build
    aliases: tuple[str, ...] = ()  # former slugs: their addresses redirect to the article


@dataclass(frozen=True)
class SourceFile:
    """An article file as read from disk, before parsing."""

    path: Path
    meta: FrontMatter
    body: str
    body_line: int  # source line number of the first body line (after front matter)
    encoding: str
    digest: str = ""  # of the file's bytes: the build's cache tells a fresh clone's copy by it

    @property
    def kind(self) -> str:
        return "markdown" if self.path.suffix.lower() == ".md" else "wire"
