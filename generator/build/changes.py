"""What changed since the last build, before anything is read: which article files, the
templates, the assets, and whether the site/ folder is still the one the cache describes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..config import SiteConfig
from ..diagnostics import Report
from ..files import digest, identity
from ..model import Article
from ..output.search import index_source
from ..output.write import restored
from ..read.sources import discover
from ..render.environment import ASSETS_DIR
from ..site.library import Listing
from .article_job import contents, signatures
from .cache import CACHE_DIR, ArticleEntry, BuildCache, CacheIndex


@lru_cache(maxsize=1)
def _code() -> bytes:
    """Nashra's own code: a build cache made by other code (a CI cache restored after an
    upgrade, with the same version number) is not this one's, as its pages may differ."""
    package = Path(__file__).resolve().parent.parent
    return digest(*(part for path in sorted(package.rglob("*")) if path.is_file() and path.suffix != ".pyc"
                    for part in (path.relative_to(package).as_posix().encode(), path.read_bytes()))).encode()


def site_key(config: SiteConfig) -> str:
    """What reading and analysing every article depends on: Nashra, the config, the data files."""
    parts = [__version__.encode(), _code(), repr(replace(config, search=True)).encode()]  # indexing changes no page
    for path in sorted(config.content_dir.glob("*.toml")):  # people, topics: data files
        parts += [path.name.encode(), path.read_bytes()]
    return digest(*parts)


def templates_keys(config: SiteConfig) -> tuple[str, str]:
    """What rendering every page depends on besides its data, the templates; and, apart, the
    assets, which are copied as they are and which no page embeds."""
    parts: dict[bool, list[bytes]] = {True: [], False: []}
    for path in sorted(config.templates_dir.rglob("*")):
        relative = path.relative_to(config.templates_dir)
        if path.is_file():
            parts[relative.parts[0] == ASSETS_DIR] += [relative.as_posix().encode(), path.read_bytes()]
    return digest(*parts[False]), digest(*parts[True])


def _same_output(index: CacheIndex, output_dir: Path) -> bool:
    """Whether `output_dir` is the site the last build published: the very folder, or a copy
    of it put back in its place (a CI cache restored: another inode)."""
    if index.output_identity is not None and index.output_identity == identity(output_dir):
        return True
    return index.output is not None and restored(output_dir, index.output)


def _same_sizes(before: tuple, now: tuple) -> bool:
    """Whether the article and memory files are as long as they were: else their bytes
    changed, and are not read to be compared."""
    return all((a and a[0]) == (b and b[0]) for a, b in zip(before, now, strict=True))


@dataclass(frozen=True)
class Changes:
    """What changed since the last build, before anything is read."""

    previous: CacheIndex  # the last build's index, or an empty one when site/ is not the one it made
    paths: list[Path]  # every article file, in the order library.assemble keeps
    reused: dict[Path, ArticleEntry]  # articles whose files did not change
    templates_key: str
    assets_key: str
    restyled: bool  # the templates changed: every page must be rendered again
    up_to_date: bool  # nothing changed at all


def what_changed(config: SiteConfig, cache: BuildCache, report: Report, drafts: bool = False) -> Changes:
    previous = cache.index if _same_output(cache.index, config.output_dir) else CacheIndex()
    templates_key, assets_key = templates_keys(config)
    restyled = previous.templates_key != templates_key
    paths = discover(config.articles_dir, report)
    reused: dict[Path, ArticleEntry] = {}
    for path in paths:
        entry = previous.articles.get(str(path))
        if entry is None:
            continue
        now = signatures(config, path, entry.slug)
        if entry.signatures == now:
            reused[path] = entry
        elif entry.contents and _same_sizes(entry.signatures, now) and entry.contents == contents(config, path, entry.slug):
            reused[path] = replace(entry, signatures=now)  # the same bytes in another file: a fresh clone
    # A build that did not index (--no-search, the preview) may have left the index behind the pages.
    search_current = not config.search or previous.searched == index_source(config, (e.pages for e in previous.articles.values()))
    up_to_date = (len(reused) == len(paths) == len(previous.articles) and bool(previous.site_pages)
                  and config.output_dir.is_dir() and search_current and not restyled
                  and previous.assets_key == assets_key
                  and (previous.drafts == drafts or not any(e.draft for e in previous.articles.values())))
    return Changes(previous, paths, reused, templates_key, assets_key, restyled, up_to_date)


def cached_listings(cache: BuildCache, changes: Changes) -> tuple[dict[Path, Listing], dict[Path, Article]]:
    """The unchanged articles' listings, from the cache; an article whose listing is gone is
    loaded whole from the cache instead, and one that is gone too is processed again (it
    leaves `changes.reused`)."""
    cached = cache.listings() if changes.reused else {}
    listings: dict[Path, Listing] = {}
    loaded: dict[Path, Article] = {}
    for path, entry in list(changes.reused.items()):
        if entry.slug is None:
            continue
        listing = cached.get(entry.key)
        if listing is None and (article := cache.articles.load(entry.key)) is not None:
            loaded[path], listing = article, Listing.of(article)
        if listing is None:
            del changes.reused[path]
            continue
        listings[path] = listing
    return listings, loaded


def last_built(config: SiteConfig) -> dict[Path, Listing]:
    """The listing of each article the last build published, by file, read from the build
    cache without building: what the preview's translation desk lists."""
    cache = BuildCache.load(config.root / CACHE_DIR, site_key(config), Report(stream=None))
    listings = cache.listings()
    return {Path(path): listings[entry.key] for path, entry in cache.index.articles.items()
            if entry.slug and entry.key in listings}
