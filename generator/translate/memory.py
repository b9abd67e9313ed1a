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
from ..files import write_atomically
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

    @cached_property
    def _by_hash(self) -> dict[str, Entry]:
        """The first translated entry for each source text: where a segment whose id moved
        (a paragraph inserted above it) finds its translation."""
        found: dict[str, Entry] = {}
        for entry in self.entries.values():
            if entry.target:
                found.setdefault(entry.hash, entry)
        return found

    def lookup(self, segment: Segment) -> tuple[Entry | None, bool]:
        """-> (entry for this exact source text or None, whether a stale entry exists)."""
        entry = self.entries.get(segment.id)
        if entry and entry.source == segment.ar:
            return entry, False
        moved = self._by_hash.get(source_hash(segment.ar))
        return moved, entry is not None and moved is None


def memory_path(translations_dir: Path, slug: str) -> Path:
    return translations_dir / f"{slug}.toml"


def load_memory(path: Path, slug: str, report: Report | None = None) -> Memory:
    """Read a memory file; a missing file is an empty memory, a broken one an error.
    With a `report`, invisible and control characters are removed, as from articles."""
    if not path.exists():
        return Memory(slug, {})
    try:
        text = path.read_text(encoding="utf-8")
        if report is not None:
            text = remove_hidden(text, path, report)
        raw = parse_toml(text)
    except UnicodeDecodeError as exc:
        raise MemoryFileError(f"not UTF-8: {exc.reason}") from exc
    except TomlProblem as exc:
        raise MemoryFileError(str(exc), exc.line) from exc
    lines = TomlLines(text)
    if "format" not in raw:
        raise MemoryFileError(f"missing `format = {FORMAT}` (the memory file format's version) at the top of the file", 1)
    if raw["format"] != FORMAT:
        raise MemoryFileError(f"unknown format {raw.get('format')!r} (expected {FORMAT})", lines.key("format"))
    entries: dict[str, Entry] = {}
    for segment_id, fields in raw.get("segments", {}).items():
        line = lines.table(f"segments.{segment_id}")
        if not isinstance(fields, dict):
            raise MemoryFileError(f"segment {segment_id!r} must be a table", line)
        entries[segment_id] = _entry(segment_id, fields, line, path, report)
    return Memory(raw.get("article", slug), entries)


def _entry(segment_id: str, fields: dict, line: int, path: Path, report: Report | None) -> Entry:
    unknown = fields.keys() - {"source", "source_hash", "target", "status", "engine", "date"}
    if unknown:
        raise MemoryFileError(f"segment {segment_id!r}: unknown keys {sorted(unknown)}", line)
    if not isinstance(fields.get("source"), str) or not isinstance(fields.get("target"), str):
        raise MemoryFileError(f"segment {segment_id!r}: `source` and `target` must be strings", line)
    status = fields.get("status")
    if status not in {p.value for p in STORED}:
        raise MemoryFileError(f"segment {segment_id!r}: status must be one of "
                              f"{', '.join(p.value for p in STORED)}, got {status!r}", line)
    date = fields.get("date")
    if date is not None and not isinstance(date, dt.date):
        raise MemoryFileError(f"segment {segment_id!r}: date must be a TOML date", line)
    entry = Entry(fields["source"], fields["target"], Provenance(status), str(fields.get("engine", "")), date)
    written = fields.get("source_hash")
    if report is not None and written is not None and written != entry.hash:
        report.warning(path, line, f"segment {segment_id!r}: `source_hash` is not that of `source` (was the "
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


def save_memory(path: Path, memory: Memory) -> None:
    """Replace the memory file atomically. Its writers (`--translate`, `build-site new`, the
    desk) hold the build lock, so a temporary file of it found now was left by a writer
    killed mid-save: it goes, rather than lie about in content/ for git to see."""
    for leftover in path.parent.glob(f".{path.name}.*"):
        leftover.unlink(missing_ok=True)
    write_atomically(path, dump_memory(memory).encode("utf-8"))


@dataclass(frozen=True)
class Applied:
    article: Article
    stale: tuple[Segment, ...]  # segments whose memory entry no longer matches the Arabic


def apply_memory(article: Article, memory: Memory) -> Applied:
    """Fill every segment's English from the memory; what is not there stays `missing`."""
    stale: list[Segment] = []

    def fill(segment: Segment) -> Segment:
        entry, is_stale = memory.lookup(segment)
        if is_stale:
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


# `build-site new`: the skeleton a translator fills in a text editor.


@dataclass(frozen=True)
class Skeleton:
    """An article's memory with an empty entry for each segment it had nothing for."""

    memory: Memory
    added: tuple[str, ...]  # ids of the entries added (or refreshed: empty, and stale), in reading order
    translated: int  # segments that have their English
    untranslated: int  # segments still to translate: empty, stale or just added
    stale: tuple[Segment, ...]  # segments whose translated entry is for older Arabic: kept, to report


def skeleton(memory: Memory, segments: Iterable[Segment]) -> Skeleton:
    """Add `target = ""` human entries for the segments (in reading order) that have none,
    each after the entry of the segment before it. Every entry already there is kept as it
    is, stale ones too (a translation is never lost); only an empty entry whose Arabic
    changed is made again, as there is nothing in it to lose."""
    entries = dict(memory.entries)
    order = list(entries)
    added: list[str] = []
    stale: list[Segment] = []
    translated = untranslated = 0
    previous: str | None = None  # the last segment so far with an entry in the file
    for segment in segments:
        entry, is_stale = memory.lookup(segment)
        if entry is not None and entry.target.strip():
            translated += 1
        else:
            untranslated += 1
        old = memory.entries.get(segment.id)
        if is_stale and old is not None and old.target.strip():
            stale.append(segment)
        elif entry is None:  # nothing for this Arabic: none by its id, or an empty stale one
            if old is None:
                order.insert(order.index(previous) + 1 if previous else 0, segment.id)
            entries[segment.id] = Entry(segment.ar, "", Provenance.HUMAN)
            added.append(segment.id)
        if segment.id in entries:
            previous = segment.id
    return Skeleton(replace(memory, entries={i: entries[i] for i in order}), tuple(added), translated,
                    untranslated, tuple(stale))


def write_skeleton(translations_dir: Path, slug: str, segments: tuple[Segment, ...]) -> tuple[Path, Skeleton, bool]:
    """The skeleton of one article's memory file, saved (atomically) if that changes the file.
    -> (its path, the skeleton, whether it was written); MemoryFileError when it is unreadable."""
    path = memory_path(translations_dir, slug)
    made = skeleton(load_memory(path, slug, Report(stream=None)), segments)
    text = dump_memory(made.memory)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return path, made, False
    save_memory(path, made.memory)
    return path, made, True


def with_entry(memory: Memory, order: Iterable[str], segment_id: str, entry: Entry) -> Memory:
    """The memory with `entry` for `segment_id`: where its entry was, or else after the entry
    of the nearest segment before it in `order` (the article's segment ids, in reading
    order), so the file still reads like the article."""
    entries = dict(memory.entries)
    if segment_id not in entries:
        previous = None
        for other in order:
            if other == segment_id:
                break
            if other in entries:
                previous = other
        ids = list(entries)
        ids.insert(ids.index(previous) + 1 if previous else 0, segment_id)
        entries = {key: entries[key] if key in entries else entry for key in ids}
    entries[segment_id] = entry
    return replace(memory, entries=entries)
