"""The build cache: what the last build made from which inputs.

    .nashra-cache/index.pickle           one small file: keys, page hashes, diagnostics
    .nashra-cache/articles/<key>.pickle  each article as parsed, translated and analysed

An article's key hashes its file, its translation memory and the site-wide inputs (config,
templates, data files, Nashra's version); a file whose size, mtime and inode did not change
is not even read again (as make and git do). The cache is only ever a shortcut: deleting it
costs one full build, and a cache that cannot be read is reported and ignored, never trusted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, Report
from .model import Article

FORMAT = 1
CACHE_DIR = ".nashra-cache"

StatSignature = tuple[int, int, int]  # size, mtime_ns, inode


def stat_signature(path: Path) -> StatSignature | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def digest(*parts: bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.hexdigest()


@dataclass
class ArticleEntry:
    """What one article file produced the last time it was built."""

    key: str
    signatures: tuple[StatSignature | None, StatSignature | None]  # article file, memory file
    diagnostics: tuple[Diagnostic, ...]
    slug: str | None  # None when the article could not be used
    pages: dict[str, str] = field(default_factory=dict)  # output path -> sha256 of its bytes


@dataclass
class CacheIndex:
    site_key: str = ""
    output_identity: tuple[int, int] | None = None  # (inode, mtime_ns) of the site/ we wrote
    articles: dict[str, ArticleEntry] = field(default_factory=dict)  # source path -> entry
    site_pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # path -> (inputs digest, sha)


class BuildCache:
    def __init__(self, folder: Path, index: CacheIndex) -> None:
        self.folder = folder
        self.index = index

    @classmethod
    def load(cls, folder: Path, site_key: str, report: Report) -> BuildCache:
        path = folder / "index.pickle"
        if not path.exists():
            return cls(folder, CacheIndex(site_key))
        try:
            with path.open("rb") as handle:
                version, index = pickle.load(handle)
            if version != FORMAT or not isinstance(index, CacheIndex):
                raise ValueError(f"format {version!r}")
        except Exception as exc:  # noqa: BLE001 - any unreadable cache is ignored, whatever broke
            report.warning(path, 1, f"build cache unreadable ({type(exc).__name__}); ignored, doing a full build")
            return cls(folder, CacheIndex(site_key))
        if index.site_key != site_key:  # templates, config, data or Nashra changed
            return cls(folder, CacheIndex(site_key))
        return cls(folder, index)

    def article(self, key: str) -> Article | None:
        try:
            with (self.folder / "articles" / f"{key}.pickle").open("rb") as handle:
                article = pickle.load(handle)
            return article if isinstance(article, Article) else None
        except Exception:  # noqa: BLE001 - a missing or broken entry just means: parse again
            return None

    def store_article(self, key: str, article: Article) -> None:
        _atomic_write(self.folder / "articles" / f"{key}.pickle", pickle.dumps(article, pickle.HIGHEST_PROTOCOL))

    def save(self, index: CacheIndex) -> None:
        _atomic_write(self.folder / "index.pickle", pickle.dumps((FORMAT, index), pickle.HIGHEST_PROTOCOL))
        live = {entry.key for entry in index.articles.values()}
        for stale in (self.folder / "articles").glob("*.pickle"):
            if stale.stem not in live:
                stale.unlink(missing_ok=True)


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def output_identity(output_dir: Path) -> tuple[int, int] | None:
    """Which site/ folder this is: another one (deleted, replaced) is not the one we cached."""
    try:
        st = output_dir.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns)
