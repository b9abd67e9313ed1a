"""The data model shared by all pipeline stages: frozen dataclasses, explicit fields.

An article is a tree of sections > paragraphs > sentences. Every translatable piece of text
(title, dateline, heading, sentence) is a `Segment` whose `id` is derived from its position
and becomes the HTML anchor in both languages, so the Arabic page, the English page and any
link into them point at the same place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Provenance(str, Enum):
    """Where the English text of a segment comes from."""

    HUMAN = "human"
    REVIEWED = "reviewed"
    MACHINE = "machine"
    MISSING = "missing"


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

    @property
    def text(self) -> str:
        return " ".join(s.ar for s in self.sentences)


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
class Article:
    slug: str
    source: Path
    date: dt.date | None
    title: Segment
    dateline: Dateline | None
    sections: tuple[Section, ...]
    source_url: str = ""
    topics: tuple[str, ...] = ()

    @property
    def lead(self) -> Section:
        return self.sections[0]

    def segments(self) -> tuple[Segment, ...]:
        """Every translatable segment, in reading order."""
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
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceFile:
    """An article file as read from disk, before parsing."""

    path: Path
    meta: FrontMatter
    body: str
    body_line: int  # source line number of the first body line (after front matter)
    encoding: str

    @property
    def kind(self) -> str:
        return "markdown" if self.path.suffix.lower() == ".md" else "wire"
