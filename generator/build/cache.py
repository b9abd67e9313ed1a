"""The build cache: what the last build made from which inputs.

    .nashra-cache/index.pickle           keys, page hashes, diagnostics: all a no-op build reads
    .nashra-cache/listings/<0-f>.pickle  each article's listing (what site-wide pages show of
                                         it), in 16 files by key: a rebuild rewrites only
                                         the files whose articles changed
    .nashra-cache/articles/<key>.pickle  each article as parsed, translated and analysed

An article's key hashes its file, its translation memory and what reading any article
depends on (config, data files, Nashra's version), not the templates: after a template
change the cached articles are rendered again, not read again. A file whose size, mtime and
inode did not change is not even read again (as make and git do). The cache is only ever a
shortcut: deleting it costs one full build, and a cache that cannot be read is reported,
kept aside for inspection (`index.pickle.corrupt`) and ignored, never trusted.

Unpickling runs code, and a cache folder can arrive with a checkout (a force-added file in
a pull request): every file is signed with HMAC-SHA256 under a key that never leaves this
machine's user (`$XDG_CONFIG_HOME/nashra/cache-key`), and a file whose signature does not
verify is not unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, Report
from ..files import FolderIdentity, digest, write_atomically
from ..model import Article

if TYPE_CHECKING:  # names for annotations only: the cache stores them, and never looks inside
    from ..output.write import Published
    from ..site.library import Listing

FORMAT = 7
# Read before anything is unpickled: a cache an older Nashra wrote (its classes perhaps in
# modules that moved since) is simply not this one's, and costs a full build, not a warning.
_HEADER = b"nashra-cache %d\n" % FORMAT
CACHE_DIR = ".nashra-cache"

StatSignature = tuple[int, int, int]  # size, mtime_ns, inode


def stat_signature(path: Path | str) -> StatSignature | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


@dataclass
class ArticleEntry:
    """What one article file produced the last time it was built."""

    key: str
    signatures: tuple  # (article file, memory file) stats, or article_job.UNSETTLED
    diagnostics: tuple[Diagnostic, ...]
    slug: str | None  # None when the article could not be used
    pages: dict[str, str] = field(default_factory=dict)  # output path -> sha256 of its bytes
    draft: bool = False
    contents: tuple = ()  # digests of the article file and its memory (article_job.contents)


@dataclass
class CacheIndex:
    site_key: str = ""  # what every article's reading depends on (see changes.site_key)
    templates_key: str = ""  # the templates the pages were rendered with
    assets_key: str = ""  # the assets (templates/assets/) copied into site/assets/
    output_identity: FolderIdentity | None = None  # of the site/ we wrote
    drafts: bool = False  # whether that site shows drafts (as the preview's does)
    output: Published | None = None  # what is in that site/
    articles: dict[str, ArticleEntry] = field(default_factory=dict)  # source path -> entry
    site_pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # path -> (inputs digest, sha)
    searched: str = ""  # output.search.index_source() of all articles, when every search bundle is up to date
    search_bundles: tuple[tuple[str, str], ...] = ()  # (bundle, index_source() it was made from)


class UntrustedCache(Exception):
    """A cache file that was not written by this user on this machine, or was altered."""


def _signing_key() -> bytes:
    # Asked for once per cached article: os.path, since Path.home() took 17 µs a call.
    home = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    return _signing_key_at(os.path.join(home, "nashra", "cache-key"))


@lru_cache(maxsize=4)  # read once per process, not once per cached article
def _signing_key_at(where: str) -> bytes:
    path = Path(where)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key


def _sign(data: bytes) -> bytes:
    return hmac.new(_signing_key(), data, hashlib.sha256).digest() + data


def _verified(signed: bytes) -> bytes:
    signature, data = signed[:32], signed[32:]
    if not hmac.compare_digest(signature, hmac.new(_signing_key(), data, hashlib.sha256).digest()):
        raise UntrustedCache("not signed on this machine")
    return data


LISTING_SHARDS = "0123456789abcdef"  # the first digit of an article's key


@dataclass(frozen=True)
class ArticleStore:
    """The cached articles, one signed pickle per key; small enough to hand to the worker
    processes, which store what they parse themselves instead of sending it back."""

    folder: Path
    site_key: str

    def key(self, path: Path, signatures: tuple) -> str:
        return digest(self.site_key.encode(), str(path).encode(), repr(signatures).encode())

    def load(self, key: str) -> Article | None:
        return _load(self.folder / f"{key}.pickle", Article)

    def save(self, key: str, article: Article) -> None:
        # Written in place, not through a temporary file and a rename: a key names the inputs
        # its article was made from, and the pickle is signed, so one a crash cut short fails
        # its signature and is made again.
        path, data = self.folder / f"{key}.pickle", _sign(pickle.dumps(article, pickle.HIGHEST_PROTOCOL))
        try:
            path.write_bytes(data)
        except FileNotFoundError:
            self.folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def _load(path: Path, kind: type) -> Any:
    try:
        loaded = pickle.loads(_verified(path.read_bytes()))
        return loaded if isinstance(loaded, kind) else None
    except Exception:  # noqa: BLE001 - a missing, broken or untrusted entry just means: parse again
        return None


class BuildCache:
    def __init__(self, folder: Path, index: CacheIndex) -> None:
        self.folder = folder
        self.index = index
        self.articles = ArticleStore(folder / "articles", index.site_key)
        self._listing_shards: dict[str, frozenset[str]] = {}  # shard -> keys, as read from disk
        self._listings: dict[str, Listing] | None = None

    @classmethod
    def load(cls, folder: Path, site_key: str, report: Report) -> BuildCache:
        path = folder / "index.pickle"
        if not path.exists():
            return cls(folder, CacheIndex(site_key))
        try:
            data = _verified(path.read_bytes())
            if not data.startswith(_HEADER):
                return cls(folder, CacheIndex(site_key))  # another version's cache
            index = pickle.loads(data[len(_HEADER):])
            if not isinstance(index, CacheIndex):
                raise ValueError(f"not an index: {type(index).__name__}")
        except Exception as exc:  # noqa: BLE001 - any unreadable cache is ignored, whatever broke
            os.replace(path, path.with_name(path.name + ".corrupt"))  # kept, never silently replaced
            report.warning(path, 1, f"build cache unreadable ({type(exc).__name__}: {exc}); kept as "
                                    f"{path.name}.corrupt and ignored, doing a full build")
            return cls(folder, CacheIndex(site_key))
        if index.site_key != site_key:  # templates, config, data or Nashra changed
            return cls(folder, CacheIndex(site_key))
        return cls(folder, index)

    def listings(self) -> dict[str, Listing]:
        """Article key -> listing, as the last build saved them (read once per build). A key
        covers the article's inputs and the site's, so a listing under it is the one its
        article would give."""
        if self._listings is None:
            self._listings = {}
            for shard in LISTING_SHARDS:
                part = _load(self.folder / "listings" / f"{shard}.pickle", dict) or {}
                self._listing_shards[shard] = frozenset(part)
                self._listings.update(part)
        return self._listings

    def save_listings(self, listings: dict[str, Listing]) -> None:
        """The listings by article key; before the index, and safely before the site is
        published: a listing under a key is the one its article gives, whichever build saved it."""
        shards: dict[str, dict[str, Listing]] = {shard: {} for shard in LISTING_SHARDS}
        for key, listing in listings.items():
            shards[key[0]][key] = listing
        for shard, part in shards.items():
            if frozenset(part) == self._listing_shards.get(shard):
                continue  # the same keys, so the same listings: already on disk
            write_atomically(self.folder / "listings" / f"{shard}.pickle",
                             _sign(pickle.dumps(part, pickle.HIGHEST_PROTOCOL)))

    def save(self, index: CacheIndex) -> None:
        """The index of what the published site was made from; the article pickles it does
        not name are removed."""
        write_atomically(self.folder / "index.pickle", _sign(_HEADER + pickle.dumps(index, pickle.HIGHEST_PROTOCOL)))
        live = {entry.key for entry in index.articles.values()}
        for stale in (self.folder / "articles").glob("*.pickle"):
            if stale.stem not in live:
                stale.unlink(missing_ok=True)
