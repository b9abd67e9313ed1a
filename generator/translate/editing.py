"""Changes to a translation memory that an editor asks for: the skeleton a translator fills
in a text editor (`build-site new`), and one segment's English set (the translation desk).
Both work on the memory as it stands for the article now (`realigned`), so an entry whose
segment moved is never taken for another's."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from ..diagnostics import Report
from ..model import Provenance, Segment
from .memory import Entry, Memory, dump_memory, load_memory, memory_path, realigned, save_memory


@dataclass(frozen=True)
class Skeleton:
    """An article's memory with an empty entry for each segment it had nothing for."""

    memory: Memory
    added: tuple[str, ...]  # ids of the entries added (or refreshed: empty, and stale), in reading order
    translated: int  # segments that have their English
    untranslated: int  # segments still to translate: empty, stale or just added
    stale: tuple[Segment, ...]  # segments whose translated entry is for older Arabic: kept, to report


def skeleton(memory: Memory, segments: Iterable[Segment]) -> Skeleton:
    """Add `target = ""` human entries for the segments that have none, in reading order.
    Every entry already there is kept as it is, stale ones too (a translation is never
    lost); only an empty entry whose Arabic changed is made again, as there is nothing in
    it to lose."""
    segments = list(segments)
    entries = dict(realigned(memory, segments).entries)
    added: list[str] = []
    stale: list[Segment] = []
    translated = 0
    for segment in segments:
        entry = entries.get(segment.id)
        if entry is not None and entry.source == segment.ar:
            translated += bool(entry.target.strip())
        elif entry is not None and entry.target.strip():
            stale.append(segment)
        else:  # nothing for this Arabic, or an empty entry for an older one
            entries[segment.id] = Entry(segment.ar, "", Provenance.HUMAN)
            added.append(segment.id)
    return Skeleton(replace(memory, entries=_in_order(entries, segments)), tuple(added), translated,
                    len(segments) - translated, tuple(stale))


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


def with_entry(memory: Memory, segments: Iterable[Segment], segment_id: str, entry: Entry) -> Memory:
    """The memory, realigned to `segments`, with `entry` as the English of `segment_id`."""
    segments = list(segments)
    entries = dict(realigned(memory, segments).entries)
    entries[segment_id] = entry
    return replace(memory, entries=_in_order(entries, segments))


def _in_order(entries: dict[str, Entry], segments: list[Segment]) -> dict[str, Entry]:
    """Reading order, so a diff of the file reads like a diff of the article; entries for no
    segment of it last."""
    ids = [segment.id for segment in segments if segment.id in entries]
    return {key: entries[key] for key in ids + [key for key in entries if key not in set(ids)]}
