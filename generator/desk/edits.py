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
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from ..build.article_job import load_article
from ..build.lock import build_lock
from ..config import SiteConfig
from ..diagnostics import Level, Report
from ..model import Article, Provenance
from ..translate.memory import Entry, MemoryFileError, load_memory, memory_path, save_memory, with_entry

ABSENT = "absent"  # the version of a memory file that does not exist yet


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


def memory_version(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except FileNotFoundError:
        return ABSENT


def read_article(config: SiteConfig, path: Path, slug: str) -> DeskArticle:
    """The article at `path` (whose slug the last build found) with the English its memory
    holds, and the version of that memory."""
    memory_file = memory_path(config.translations_dir, slug)
    for _ in range(3):  # the memory may be saved while it is read: then read it again
        version = memory_version(memory_file)
        article = _load(config, path)
        try:
            memory = load_memory(memory_file, article.slug)  # for the older English of stale segments
        except MemoryFileError as exc:
            raise DeskRefusal(409, f"{memory_file}:{exc.line}: the translation memory cannot be read ({exc}); "
                                   "mend it, then reload") from exc
        if memory_version(memory_file) == version:
            break
    else:
        raise DeskRefusal(409, "the translation memory keeps changing; try again in a moment")
    segments = []
    for segment in article.segments():
        old = memory.entries.get(segment.id)
        entry = memory.lookup(segment)[0] if segment.en else old
        target = segment.en or (old.target if old and segment.provenance is Provenance.STALE else "")
        segments.append(DeskSegment(segment.id, segment.ar, target, segment.provenance.value,
                                    entry.engine if entry else ""))
    return DeskArticle(article.slug, memory_file, version, tuple(segments))


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
    with build_lock(config.root, None):
        shown = read_article(config, path, slug)
        if shown.version != version:
            raise DeskRefusal(409, "not saved: the translation memory of this article changed since the page "
                                   "was loaded (another tab, an editor, --translate); your text is kept here; "
                                   "reload to see the change, then save again")
        segment = next((s for s in shown.segments if s.id == segment_id), None)
        if segment is None:
            raise DeskRefusal(404, f"no segment {segment_id!r} in this article (was it edited?); reload the page")
        memory = load_memory(shown.memory_file, shown.slug)  # read_article read it: it is readable
        machine_made = segment.state in ("machine", "reviewed") or (segment.state == "stale" and segment.engine)
        provenance = Provenance.REVIEWED if machine_made else Provenance.HUMAN
        entry = Entry(segment.source, text, provenance, segment.engine if machine_made else "", today or dt.date.today())
        save_memory(shown.memory_file, with_entry(memory, (s.id for s in shown.segments), segment_id, entry))
        saved = replace(segment, target=text, state=provenance.value, engine=entry.engine)
        return replace(shown, version=memory_version(shown.memory_file),
                       segments=tuple(saved if s.id == segment_id else s for s in shown.segments))
