"""What the translation desk reads and writes: an article's segments as an editor sees them,
and one corrected segment saved into the article's translation memory.

A save never loses a change made elsewhere. The editor's page names the version of the
memory file it was shown (a digest of its bytes); a save whose file has changed since
(another tab, a text editor, `--translate`) is refused, with the editor's text kept on the
page. The save holds the site's build lock, as `--translate` and `build-site new` do, so no
other writer of the file runs between the check and the write, and the file is replaced
atomically, so a killed save leaves the old file or the new one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from ..build.article_job import load_article
from ..build.lock import LockBusy, build_lock
from ..config import SiteConfig
from ..diagnostics import Level, Report
from ..files import digest
from ..model import Article, Provenance
from ..translate.editing import with_entry
from ..translate.memory import Entry, Memory, MemoryFileError, memory_from_bytes, memory_path, realigned, save_memory

ABSENT = "absent"  # the version of a memory file that does not exist yet
# A save waits this long for a build of the site (`--translate` in another terminal, say):
# the preview's server answers nothing else meanwhile, so it then says so and gives up.
LOCK_WAIT_SECONDS = 2.0


class DeskRefusal(Exception):
    """A request the desk turns down; `status` is its HTTP status, the message says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class DeskSegment:
    id: str
    source: str  # the Arabic
    target: str  # the English the pages show; for a stale segment, the English of its older Arabic
    state: str  # human | reviewed | machine | missing | stale
    engine: str  # the machine that made it, for machine and reviewed English


@dataclass(frozen=True)
class DeskArticle:
    slug: str
    memory_file: Path
    version: str  # of the memory file the segments were read with
    segments: tuple[DeskSegment, ...]

    def as_json(self) -> dict:
        return {"slug": self.slug, "version": self.version,
                "segments": [vars(segment) for segment in self.segments]}


def _memory_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _version(data: bytes | None) -> str:
    return digest(data)[:16] if data is not None else ABSENT


def read_article(config: SiteConfig, path: Path, slug: str) -> DeskArticle:
    """The article at `path` (whose slug the last build found) with the English its memory
    holds, read from the very bytes its version names."""
    article = _load(config, path)
    memory_file = memory_path(config.translations_dir, slug)
    data = _memory_bytes(memory_file)
    return _shown(article, memory_file, data, _memory(memory_file, slug, data))


def _memory(memory_file: Path, slug: str, data: bytes | None) -> Memory:
    try:
        return memory_from_bytes(data, memory_file, slug) if data is not None else Memory(slug, {})
    except MemoryFileError as exc:
        raise DeskRefusal(409, f"{memory_file}:{exc.line}: the translation memory cannot be read ({exc}); "
                               "mend it, then reload") from exc


def _shown(article: Article, memory_file: Path, data: bytes | None, memory: Memory) -> DeskArticle:
    """Each segment's English and its state, as the build's apply_memory() sees them."""
    entries = realigned(memory, article.segments()).entries
    segments = []
    for segment in article.segments():
        entry = entries.get(segment.id)
        if entry is None or (entry.source == segment.ar and not entry.target.strip()):
            state = Provenance.MISSING.value
        else:
            state = entry.provenance.value if entry.source == segment.ar else Provenance.STALE.value
        segments.append(DeskSegment(segment.id, segment.ar, entry.target if entry else "", state,
                                    entry.engine if entry else ""))
    return DeskArticle(article.slug, memory_file, _version(data), tuple(segments))


def _load(config: SiteConfig, path: Path) -> Article:
    report = Report(stream=None)
    article = load_article(path, config, report)
    if article is None:
        errors = [str(d) for d in report.diagnostics if d.level is Level.ERROR]
        raise DeskRefusal(422, "; ".join(errors) or f"{path}: cannot be read")
    return article


def save_segment(config: SiteConfig, path: Path, slug: str, segment_id: str, text: str, version: str,
                 today: dt.date | None = None) -> DeskArticle:
    """Write `text` as the English of one segment, if the memory file is still at `version`.

    The entry becomes `reviewed` when it corrects (or approves, unchanged) a machine's English,
    and `human` when it is written from scratch or corrects a translator's."""
    text = " ".join(text.split())
    if not text:
        raise DeskRefusal(400, "the English is empty; to take a translation out, edit the memory file")
    try:
        with build_lock(config.root, None, wait=LOCK_WAIT_SECONDS):
            return _save(config, path, slug, segment_id, text, version, today or dt.date.today())
    except LockBusy as exc:
        raise DeskRefusal(503, f"not saved: {exc}; your text is kept here: save again when it is done") from exc
    except OSError as exc:
        raise DeskRefusal(507, f"not saved: {exc.strerror or exc}; your text is kept here") from exc


def _save(config: SiteConfig, path: Path, slug: str, segment_id: str, text: str, version: str,
          today: dt.date) -> DeskArticle:
    article = _load(config, path)
    memory_file = memory_path(config.translations_dir, slug)
    data = _memory_bytes(memory_file)
    if _version(data) != version:
        raise DeskRefusal(409, "not saved: the translation memory of this article changed since the page "
                               "was loaded (another tab, an editor, --translate); your text is kept here; "
                               "reload to see the change, then save again")
    memory = _memory(memory_file, slug, data)
    shown = _shown(article, memory_file, data, memory)
    segment = next((s for s in shown.segments if s.id == segment_id), None)
    if segment is None:
        raise DeskRefusal(404, f"no segment {segment_id!r} in this article (was it edited?); reload the page")
    machine_made = segment.state in ("machine", "reviewed") or (segment.state == "stale" and bool(segment.engine))
    provenance = Provenance.REVIEWED if machine_made else Provenance.HUMAN
    entry = Entry(segment.source, text, provenance, segment.engine if machine_made else "", today)
    written = save_memory(memory_file, with_entry(memory, article.segments(), segment_id, entry))
    saved = replace(segment, target=text, state=provenance.value, engine=entry.engine)
    return replace(shown, version=_version(written),
                   segments=tuple(saved if s.id == segment_id else s for s in shown.segments))
