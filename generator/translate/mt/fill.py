"""`build-site --translate`: fill the translation memory with machine translations.

Translation is the slowest step by far and needs a model that most machines (GitHub
Actions among them) do not have, so it is separate from building: it only adds entries to
`content/translations/*.toml`, which are committed, and every build reads them.

- Only segments with no usable entry are translated: missing ones, and stale `machine`
  ones whose Arabic changed. A stale `human` or `reviewed` entry is never overwritten; it
  is reported for the editor instead.
- The work goes in chunks of whole articles; after each chunk its articles' memory files
  are written atomically, so an interrupted run loses at most the chunk in flight and a
  rerun carries on where it stopped.
- Known names are protected (see protect.py).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, TextIO

from ...build.article_job import load_article
from ...config import SiteConfig
from ...diagnostics import Report
from ...model import Provenance, Segment
from ...read.sources import discover
from ..memory import Entry, Memory, MemoryFileError, load_memory, memory_path, realigned, save_memory
from .engine import EngineUnavailable, Translator
from .protect import Glossary, glossary_from_content, protect, restore

CHUNK_SENTENCES = 256  # segments per chunk: the most an interruption can lose


@dataclass(frozen=True)
class Work:
    """The segments of one article that need a machine translation."""

    slug: str
    path: Path  # its memory file
    memory: Memory
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class FillResult:
    translated: int
    articles: int
    lost_names: int


def pending_work(config: SiteConfig, report: Report) -> list[Work]:
    """What needs translating, article by article; stale human work is only reported."""
    work = []
    for path in discover(config.articles_dir, Report(stream=None)):  # the build reports problems
        article = load_article(path, config, Report(stream=None))
        if article is None:
            continue
        memory_file = memory_path(config.translations_dir, article.slug)
        try:
            # Keyed by the segments' ids as they are now: a machine entry for a segment must not
            # replace the entry of another whose id it took (a paragraph inserted above).
            memory = realigned(load_memory(memory_file, article.slug, report), article.segments())
        except MemoryFileError as exc:
            report.error(memory_file, exc.line, f"translation memory unreadable, left as is: {exc}; not translating this article")
            continue
        todo = [s for s in article.segments() if _needs_machine(s, memory, memory_file, report)]
        if todo:
            work.append(Work(article.slug, memory_file, memory, tuple(todo)))
    return work


def _needs_machine(segment: Segment, memory: Memory, path: Path, report: Report) -> bool:
    if segment.en:
        return False
    entry = memory.entries.get(segment.id)
    if entry and entry.provenance in (Provenance.HUMAN, Provenance.REVIEWED) and entry.source != segment.ar:
        report.warning(path, 1, f"segment {segment.id}: the Arabic changed since this {entry.provenance.value} "
                                "translation; review it (the machine will not overwrite it)")
        return False
    return True


def _chunks(work: list[Work]) -> Iterable[list[Work]]:
    chunk: list[Work] = []
    size = 0
    for item in work:
        chunk.append(item)
        size += len(item.segments)
        if size >= CHUNK_SENTENCES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def fill(work: list[Work], translator: Translator, glossary: Glossary, report: Report,
         progress: Callable[[int, int], None] = lambda done, total: None, today: dt.date | None = None) -> FillResult:
    """Translate `work`, saving each chunk's memory files as soon as the chunk is done."""
    total = sum(len(w.segments) for w in work)
    done = lost_names = 0
    today = today or dt.date.today()
    for chunk in _chunks(work):
        segments = [s for item in chunk for s in item.segments]
        protected = [protect(s.ar, glossary) for s in segments]
        outputs = translator.translate([p.text for p in protected])
        results = iter(zip(segments, protected, outputs, strict=True))
        for item in chunk:
            entries = dict(item.memory.entries)
            for _ in item.segments:
                segment, guarded, output = next(results)
                restored = restore(output, guarded)
                for name in restored.lost:
                    lost_names += 1
                    report.warning(item.path, 1, f"segment {segment.id}: the name {name!r} was lost in "
                                                 "machine translation; review this sentence")
                entries[segment.id] = Entry(segment.ar, restored.text.strip(), Provenance.MACHINE, translator.engine_id, today)
            save_memory(item.path, replace(item.memory, entries=_in_reading_order(entries)))
        done += len(segments)
        progress(done, total)
    return FillResult(done, len(work), lost_names)


def _in_reading_order(entries: dict[str, Entry]) -> dict[str, Entry]:
    """New entries join the file where their segment stands, so the file reads like the article."""
    return dict(sorted(entries.items(), key=lambda kv: _position(kv[0])))


def _position(segment_id: str) -> tuple:
    if segment_id == "title":
        return (0,)
    if segment_id == "dateline":
        return (1,)
    parts = segment_id.replace("s", "", 1).split("-")
    numbers = [int(p.lstrip("p")) if p.lstrip("p").isdigit() else -1 for p in parts]  # "h" (heading) first
    return (2, *numbers)


class Progress:
    """A progress bar on a terminal; plain log lines (every 10%) anywhere else."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.started = time.monotonic()
        self.logged = -1

    def __call__(self, done: int, total: int) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = done / elapsed
        eta = (total - done) / rate if rate else 0
        line = f"translated {done}/{total} segments, {rate:.1f} segments/s, ETA {int(eta) // 60}:{int(eta) % 60:02d}"
        if self.tty:
            width = 30
            filled = width * done // max(total, 1)
            print(f"\r[{'#' * filled}{'.' * (width - filled)}] {line}", end="" if done < total else "\n",
                  file=self.stream, flush=True)
        elif done == total or 10 * done // max(total, 1) > self.logged:
            self.logged = 10 * done // max(total, 1)
            print(line, file=self.stream, flush=True)


def run_translation(config: SiteConfig, report: Report, stream: TextIO | None = None) -> FillResult | None:
    """Translate what the memory lacks; None when the engine cannot run (the build goes on)."""
    stream = stream or sys.stderr
    from .ctranslate import open_translator  # CTranslate2 is loaded only when translating

    work = pending_work(config, report)
    if not work:
        print("translation memory is complete: nothing to translate", file=stream)
        return FillResult(0, 0, 0)
    try:
        translator = open_translator(config.translate)
    except EngineUnavailable as error:
        report.warning(None, 0, f"{error}; building from the translation memory only")
        return None
    glossary = glossary_from_content(config.content_dir, report)
    print(f"translating {sum(len(w.segments) for w in work)} segments of {len(work)} articles "
          f"with {translator.engine_id} on {translator.device}", file=stream)
    return fill(work, translator, glossary, report, Progress(stream))
