"""The translation memory: one reviewable TOML file per article, kept in git.

    content/translations/<slug>.toml

    format = 1
    article = "<slug>"

    [segments.s1-p2-1]
    source = "وقال لافروف ..."
    source_hash = "3f2a9c0d41b7e655"
    target = "Lavrov said ..."
    status = "human"              # human | reviewed | machine
    engine = ""                   # e.g. "argos:translate-ar_en@1.9" for machine entries
    date = 2026-11-30

Entries are written in reading order, so a diff of the file reads like a diff of the
article. An entry belongs to a segment by id *and* source hash: when the Arabic changes the
entry is stale (reported, never silently reused); when a paragraph is inserted and ids shift,
the text is still found by its hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Iterable

import tomli_w

from ..diagnostics import Report
from ..files import PARTIAL, write_atomically
from ..model import Article, Provenance, Section, Segment
from ..read.sources import remove_hidden
from ..text.tomltext import TomlLines, TomlProblem, parse_toml

FORMAT = 1
# What an entry can say of itself; `missing` is what a segment without one has.
STORED = (Provenance.HUMAN, Provenance.REVIEWED, Provenance.MACHINE)
_HEADER = (
    "# Nashra translation memory: the English of one article, segment by segment.\n"
    "# To translate, fill in `target` (empty = not translated yet) and leave `status = \"human\"`.\n"
    "# status: `human` = written by a translator; `reviewed` = a machine translation an editor\n"
    "# checked; `machine` = written by `build-site --translate`, which fills empty targets and\n"
    "# redoes stale `machine` entries, but never overwrites `human` or `reviewed` ones.\n"
)


class MemoryFileError(Exception):
    """A memory file that cannot be read; `line` points into it."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


def source_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Entry:
    source: str
    target: str
    provenance: Provenance
    engine: str = ""
    date: dt.date | None = None
    hash: str = field(init=False, repr=False, compare=False)  # of `source`, computed once

    def __post_init__(self) -> None:
        object.__setattr__(self, "hash", source_hash(self.source))


@dataclass(frozen=True)
class Memory:
    article: str
    entries: dict[str, Entry]  # segment id -> entry, in reading order


def realigned(memory: Memory, segments: Iterable[Segment]) -> Memory:
    """The memory keyed by the article's segment ids as they are now, in reading order.

    An entry stays under its id while its Arabic is that segment's, and follows its Arabic
    to the segment that has it now (a paragraph inserted above shifted the ids); so an
    entry under a segment's id translates that segment (its Arabic is `source`) or is stale
    (the Arabic changed since). An entry whose Arabic no segment has, and whose id another
    entry took, is kept under `unplaced-<hash>`: a file is never rewritten with less in it."""
    segments = list(segments)
    entries = memory.entries
    placed = {seg.id: entries[seg.id] for seg in segments if seg.id in entries and entries[seg.id].source == seg.ar}
    free: dict[str, list[str]] = {}  # source hash -> ids of the entries not in place, in file order
    for key, entry in entries.items():
        if placed.get(key) is not entry:
            free.setdefault(entry.hash, []).append(key)
    used = set(placed)
    for seg in segments:
        if seg.id not in placed and (keys := free.get(source_hash(seg.ar))):
            key = keys.pop(0)
            placed[seg.id] = entries[key]
            used.add(key)
    left = {key: entry for key, entry in entries.items() if key not in used}
    ordered: dict[str, Entry] = {}
    for seg in segments:
        if seg.id in placed:
            ordered[seg.id] = placed[seg.id]
        elif seg.id in left:
            ordered[seg.id] = left.pop(seg.id)  # stale: for this segment's older Arabic
    for key, entry in left.items():  # for segments gone, or whose id another entry took
        ordered[key if key not in ordered else f"unplaced-{entry.hash}"] = entry
    return replace(memory, entries=ordered)


def memory_path(translations_dir: Path, slug: str) -> Path:
    return translations_dir / f"{slug}.toml"


def load_memory(path: Path, slug: str, report: Report | None = None) -> Memory:
    """Read a memory file; a missing file is an empty memory, a broken one an error.
    With a `report`, invisible and control characters are removed, as from articles."""
    if not path.exists():
        return Memory(slug, {})
    return memory_from_bytes(path.read_bytes(), path, slug, report)


def memory_from_bytes(data: bytes, path: Path, slug: str, report: Report | None = None) -> Memory:
    """A memory file's bytes, read (`path` names it in problems)."""
    try:
        text = data.decode("utf-8")
        if report is not None:
            text = remove_hidden(text, path, report)
        raw = parse_toml(text)
    except UnicodeDecodeError as exc:
        raise MemoryFileError(f"not UTF-8: {exc.reason}") from exc
    except TomlProblem as exc:
        raise MemoryFileError(str(exc), exc.line) from exc
    lines = _Lines(text)
    if "format" not in raw:
        raise MemoryFileError(f"missing `format = {FORMAT}` (the memory file format's version) at the top of the file", 1)
    if raw["format"] != FORMAT:
        raise MemoryFileError(f"unknown format {raw.get('format')!r} (expected {FORMAT})", lines.found.key("format"))
    entries: dict[str, Entry] = {}
    for segment_id, fields in raw.get("segments", {}).items():
        if not isinstance(fields, dict):
            raise MemoryFileError(f"segment {segment_id!r} must be a table", lines.segment(segment_id))
        entries[segment_id] = _entry(segment_id, fields, lines, path, report)
    return Memory(raw.get("article", slug), entries)


class _Lines:
    """Where a memory's tables stand, found only when a problem is reported: a build reads
    every memory, and finding the lines cost more than parsing the TOML."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def found(self) -> TomlLines:
        return TomlLines(self.text)

    def segment(self, segment_id: str) -> int:
        return self.found.table(f"segments.{segment_id}")


_ENTRY_KEYS = frozenset({"source", "source_hash", "target", "status", "engine", "date"})
_STORED_NAMES = frozenset(p.value for p in STORED)


def _entry(segment_id: str, fields: dict, lines: _Lines, path: Path, report: Report | None) -> Entry:
    unknown = fields.keys() - _ENTRY_KEYS
    if unknown:
        raise MemoryFileError(f"segment {segment_id!r}: unknown keys {sorted(unknown)}", lines.segment(segment_id))
    if not isinstance(fields.get("source"), str) or not isinstance(fields.get("target"), str):
        raise MemoryFileError(f"segment {segment_id!r}: `source` and `target` must be strings",
                              lines.segment(segment_id))
    status = fields.get("status")
    if status not in _STORED_NAMES:
        raise MemoryFileError(f"segment {segment_id!r}: status must be one of "
                              f"{', '.join(p.value for p in STORED)}, got {status!r}", lines.segment(segment_id))
    date = fields.get("date")
    if date is not None and not isinstance(date, dt.date):
        raise MemoryFileError(f"segment {segment_id!r}: date must be a TOML date", lines.segment(segment_id))
    entry = Entry(fields["source"], fields["target"], Provenance(status), str(fields.get("engine", "")), date)
    written = fields.get("source_hash")
    if report is not None and written is not None and written != entry.hash:
        report.warning(path, lines.segment(segment_id), f"segment {segment_id!r}: `source_hash` is not that of `source` (was the "
                                   "Arabic edited by hand?); the source text is used, and the hash rewritten "
                                   "on the next save")
    return entry


def dump_memory(memory: Memory) -> str:
    segments = {}
    for segment_id, entry in memory.entries.items():
        fields = {"source": entry.source, "source_hash": entry.hash, "target": entry.target,
                  "status": entry.provenance.value, "engine": entry.engine}
        if entry.date:
            fields["date"] = entry.date
        segments[segment_id] = fields
    body = tomli_w.dumps({"format": FORMAT, "article": memory.article, "segments": segments},
                         multiline_strings=False)
    return _HEADER + "\n" + body


def save_memory(path: Path, memory: Memory) -> bytes:
    """Replace the memory file atomically; returns the bytes written. Its writers
    (`--translate`, `build-site new`, the desk) hold the build lock, so a temporary file of
    it found now was left by a writer killed mid-save: it goes, rather than lie about in
    content/ for git to see. (Only ours: an editor's swap file is left alone.)"""
    for leftover in path.parent.glob(f".{path.name}.*{PARTIAL}"):
        leftover.unlink(missing_ok=True)
    data = dump_memory(memory).encode("utf-8")
    write_atomically(path, data)
    return data


@dataclass(frozen=True)
class Applied:
    article: Article
    stale: tuple[Segment, ...]  # segments whose memory entry no longer matches the Arabic


def apply_memory(article: Article, memory: Memory) -> Applied:
    """Fill every segment's English from the memory; what is not there stays `missing`."""
    stale: list[Segment] = []
    entries = realigned(memory, article.segments()).entries

    def fill(segment: Segment) -> Segment:
        entry = entries.get(segment.id)
        if entry is not None and entry.source != segment.ar:
            stale.append(segment)
            return replace(segment, provenance=Provenance.STALE)
        if entry is None or not entry.target.strip():
            return segment
        return replace(segment, en=entry.target, provenance=entry.provenance)

    def fill_section(section: Section) -> Section:
        return replace(
            section,
            heading=fill(section.heading) if section.heading else None,
            paragraphs=tuple(replace(p, sentences=tuple(map(fill, p.sentences))) for p in section.paragraphs),
        )

    dateline = article.dateline
    translated = replace(
        article,
        title=fill(article.title),
        dateline=replace(dateline, segment=fill(dateline.segment)) if dateline else None,
        sections=tuple(map(fill_section, article.sections)),
    )
    return Applied(translated, tuple(stale))


def memory_from_segments(slug: str, pairs: Iterable[tuple[Segment, str, Provenance, str]], date: dt.date) -> Memory:
    """Build a memory from (segment, target, provenance, engine) tuples, in reading order."""
    return Memory(slug, {seg.id: Entry(seg.ar, target, provenance, engine, date)
                         for seg, target, provenance, engine in pairs})
