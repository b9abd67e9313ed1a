"""Runs the stages in order: gather everything, then write (MkDocs' build, Zola's Site).

    discover -> per article (cached, or in worker processes): read, parse, translate,
    render its pages -> assemble the library -> site-wide pages -> staging -> publish

Incremental: an article whose file and translation memory are unchanged (and the
site-wide inputs too) is neither parsed nor rendered; a site-wide page whose inputs are
unchanged is not rendered; a page whose bytes are unchanged is not rewritten (the staging
folder starts as hard links to the current site). When nothing changed, nothing is done.

Content problems are reported and the article skipped; problems that make the whole site
unbuildable (config, templates) raise `BuildError` and leave `site/` untouched.
"""

from __future__ import annotations

import gc
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from .. import __version__
from ..analyze.knowledge import Knowledge, load_knowledge
from ..config import ConfigError, SiteConfig, load_config
from ..diagnostics import Report
from ..files import identity
from ..model import Article
from ..output.search import index_source, update_index
from ..output.write import OutputError, StagingWriter
from ..read.sources import discover
from ..render.pages import ASSETS_DIR, OutputPage, TemplateFailure, asset_files, render, site_pages
from ..site.library import Library, Listing, assemble, fingerprint, search_bundles
from .article_job import (
    ArticleOutcome,
    ArticleRenderer,
    load_article,
    render_site_page,
    run_in_worker,
    signatures,
    start_site_worker,
    start_worker,
)
from .cache import CACHE_DIR, ArticleEntry, ArticleStore, BuildCache, CacheIndex, digest

PARALLEL_THRESHOLD = 64  # below this many articles to process, worker start-up costs more than it saves
SITE_PARALLEL_THRESHOLD = 200  # the same for site-wide pages to render


class BuildError(Exception):
    """The site cannot be built at all; `site/` was not touched."""


@dataclass(frozen=True)
class BuildResult:
    config: SiteConfig
    library: Library | None  # None when nothing had changed and nothing was loaded
    articles: int
    files_written: int
    published: bool
    up_to_date: bool = False  # nothing had changed since the last build


def _site_key(config: SiteConfig) -> str:
    """What reading and analysing every article depends on: Nashra, the config, the data files."""
    parts = [__version__.encode(), repr(replace(config, search=True)).encode()]  # indexing changes no page
    for path in sorted(config.content_dir.glob("*.toml")):  # people, topics: data files
        parts += [path.name.encode(), path.read_bytes()]
    return digest(*parts)


def _templates_keys(config: SiteConfig) -> tuple[str, str]:
    """What rendering every page depends on besides its data, the templates; and, apart, the
    assets, which are copied as they are and which no page embeds."""
    parts: dict[bool, list[bytes]] = {True: [], False: []}
    for path in sorted(config.templates_dir.rglob("*")):
        relative = path.relative_to(config.templates_dir)
        if path.is_file():
            parts[relative.parts[0] == ASSETS_DIR] += [relative.as_posix().encode(), path.read_bytes()]
    return digest(*parts[False]), digest(*parts[True])


def load_articles(config: SiteConfig, report: Report) -> list[Article]:
    """Every usable article, read, parsed, translated and analysed, without rendering anything."""
    knowledge = load_knowledge(config.content_dir, report)
    found = (load_article(path, config, report, knowledge) for path in discover(config.articles_dir, report))
    return [article for article in found if article]


def _process(tasks: list[tuple[Path, ArticleEntry | None]], renderer: ArticleRenderer,
             jobs: int) -> Iterator[ArticleOutcome]:
    """Load and render articles (or, given an unchanged article's entry, render it again from
    the cache), in worker processes when there are enough of them; the outcomes come in the
    order of `tasks`, one at a time, so their pages need not all be held in memory at once."""
    if jobs > 1 and len(tasks) >= PARALLEL_THRESHOLD:
        with ProcessPoolExecutor(jobs, initializer=start_worker,
                                 initargs=(renderer.config, renderer.knowledge, renderer.store)) as pool:
            yield from pool.map(run_in_worker, tasks, chunksize=16)
        return
    yield from (renderer.outcome(path, unchanged) for path, unchanged in tasks)


def build(root: Path, report: Report, *, strict: bool = False, jobs: int | None = None,
          search: bool | None = None) -> BuildResult:
    """Build the site at `root`; `search` overrides the configured `[search] enabled`."""
    try:
        config = load_config(root)
    except ConfigError as exc:
        raise BuildError(str(exc)) from exc
    if search is not None:
        config = replace(config, search=search)
    report.root = config.root
    jobs = jobs or os.cpu_count() or 1
    knowledge = load_knowledge(config.content_dir, report)
    cache = BuildCache.load(config.root / CACHE_DIR, _site_key(config), report)
    previous = cache.index if cache.index.output_identity == identity(config.output_dir) else CacheIndex()

    templates_key, assets_key = _templates_keys(config)
    restyled = previous.templates_key != templates_key  # every page must be rendered again

    paths = sorted(discover(config.articles_dir, report), key=str)  # the order library.assemble keeps
    reused: dict[Path, ArticleEntry] = {}
    for path in paths:
        entry = previous.articles.get(str(path))
        if entry and entry.signatures == signatures(config, path, entry.slug):
            reused[path] = entry
    # A build that did not index (--no-search, the preview) may have left the index behind the pages.
    search_current = not config.search or previous.searched == index_source(config, previous.articles.values())
    if (len(reused) == len(paths) == len(previous.articles) and previous.site_pages and config.output_dir.is_dir()
            and search_current and not restyled and previous.assets_key == assets_key):
        for path in paths:
            report.replay(reused[path].diagnostics)
        return BuildResult(config, None, sum(e.slug is not None for e in reused.values()), 0, False, up_to_date=True)

    cached_listings = cache.listings() if reused else {}
    listings: dict[Path, Listing] = {}
    loaded: dict[Path, Article] = {}  # unchanged articles whose listing was not cached
    for path, entry in list(reused.items()):
        if entry.slug is None:
            continue
        listing = cached_listings.get(entry.key)
        if listing is None and (article := cache.articles.load(entry.key)) is not None:
            loaded[path], listing = article, Listing.of(article)
        if listing is None:
            del reused[path]  # its cached copy is gone: process it again
            continue
        listings[path] = listing

    index = CacheIndex(cache.index.site_key, templates_key=templates_key, assets_key=assets_key)
    writer = StagingWriter(config.output_dir, previous.output if previous.site_pages else None)
    articles = _Articles(cache.articles, config, knowledge)
    # Unchanged articles are not read again, but with new templates their pages are rendered
    # again, from the cache, in the worker processes like the others.
    rerendered = {path for path, entry in reused.items() if entry.slug} if restyled else set()
    try:
        renderer = ArticleRenderer(config, knowledge, cache.articles)
        processed = _process([(p, reused.get(p)) for p in paths if p not in reused or p in rerendered],
                             renderer, jobs)
        published: set[str] = set()
        for path in paths:  # in file order, whatever order the work was done in
            entry = reused.get(path)
            outcome = next(processed) if entry is None or path in rerendered else None  # written, then let go
            made = entry or outcome
            report.replay(made.diagnostics)
            pages: dict[str, str] = {}
            if outcome and outcome.listing:
                listings[path] = outcome.listing
            if made.slug:
                articles.known(made.slug, path, made.key, loaded.get(path))
                if made.slug not in published:  # a second article with one slug: assemble reports it
                    published.add(made.slug)
                    pages = _write_article(writer, renderer, entry, outcome, articles)
            index.articles[str(path)] = ArticleEntry(made.key, made.signatures, made.diagnostics, made.slug, pages)
        # Ends the worker processes now, not when the build returns: idle, they held 110 MB
        # through the site-wide pages and the search index, the build's peak.
        processed.close()
        library = assemble([listings[p] for p in paths if p in listings], report, knowledge.topics)
        index.site_pages = _write_site_pages(writer, renderer, library, previous, articles, restyled, jobs)
        for route, path in asset_files(config):
            writer.write_or_keep(route.output_path, path.read_bytes())
        entries = {entry.slug: entry for entry in index.articles.values() if entry.slug}
        bundles = search_bundles(library)
        sources = {name: index_source(config, (entries[slug] for slug in slugs)) for name, slugs in bundles.items()}
        made = update_index(writer, config, report, bundles, sources, dict(previous.search_bundles))
        index.search_bundles = tuple(made.items())
        index.searched = index_source(config, index.articles.values()) if made == sources else ""
    except TemplateFailure as exc:
        writer.discard()
        raise BuildError(str(exc)) from exc
    except (OutputError, OSError) as exc:
        writer.discard()
        raise BuildError(str(exc)) from exc
    except BaseException:
        writer.discard()
        raise

    publish = not (strict and report.failed(strict))  # --strict keeps the last good site
    if publish:
        writer.publish()
        index.output_identity = identity(config.output_dir)
        index.output = writer.published
        cache.save(index, {index.articles[str(path)].key: listing for path, listing in listings.items()})
    else:
        writer.discard()
    return BuildResult(config, library, len(library.articles), len(writer.written), publish)


class _Articles:
    """Whole articles by slug, on demand: the few that a rebuild needs besides the ones it
    processed (the feeds' newest, an article whose pages went missing) come from the cache,
    or are read again when the cache lost them."""

    def __init__(self, store: ArticleStore, config: SiteConfig, knowledge: Knowledge) -> None:
        self.store, self.config, self.knowledge = store, config, knowledge
        self.loaded: dict[str, Article] = {}
        self.where: dict[str, tuple[Path, str]] = {}  # slug -> (source path, cache key)

    def known(self, slug: str, path: Path, key: str, article: Article | None) -> None:
        self.where.setdefault(slug, (path, key))
        if article:
            self.loaded.setdefault(slug, article)

    def __call__(self, slug: str) -> Article:
        if slug not in self.loaded:
            path, key = self.where[slug]
            found = self.store.load(key) or load_article(path, self.config, Report(stream=None), self.knowledge)
            if found is None:
                raise BuildError(f"{path}: could no longer be read during the build")
            self.loaded[slug] = found
        return self.loaded[slug]


def _write_article(writer: StagingWriter, renderer: ArticleRenderer, entry: ArticleEntry | None,
                   outcome: ArticleOutcome | None, articles: _Articles) -> dict[str, str]:
    """Keep an unchanged article's pages; write the others unless their bytes are the same."""
    if entry and outcome is None and entry.pages and all(writer.has(p) for p in entry.pages):
        for path in entry.pages:
            writer.keep(path)
        return entry.pages
    rendered = outcome.pages if outcome else renderer.pages(articles(entry.slug))
    old = entry.pages if entry else {}
    return {path: writer.write_or_keep(path, data, old.get(path)) for path, data in rendered.items()}


def _write_site_pages(writer: StagingWriter, renderer: ArticleRenderer, library: Library, previous: CacheIndex,
                      articles: _Articles, restyled: bool, jobs: int) -> dict[str, tuple[str, str]]:
    """Render a site-wide page only when what it shows or the templates changed; write it
    only when its bytes did."""
    pages = site_pages(renderer.config, library, articles)
    recorded: dict[str, tuple[str, str]] = {}
    todo: dict[int, str] = {}  # index of a page to render -> its inputs
    for index, page in enumerate(pages):
        path = page.route.output_path
        inputs = fingerprint(page.inputs)
        before = previous.site_pages.get(path)
        if before and before[0] == inputs and not restyled and writer.keep(path):
            recorded[path] = before
        else:
            todo[index] = inputs
    for index, data in _render_site_pages(pages, list(todo), renderer, library, jobs):
        path = pages[index].route.output_path
        before = previous.site_pages.get(path)
        recorded[path] = (todo[index], writer.write_or_keep(path, data, before[1] if before else None))
    return recorded


def _render_site_pages(pages: list[OutputPage], indices: list[int], renderer: ArticleRenderer, library: Library,
                       jobs: int) -> Iterator[tuple[int, bytes]]:
    """The pages at `indices`, rendered; in worker processes when there are enough of them
    (a cold build's speaker and topic archives), all but the feeds, which need whole articles
    that only this process can load, and which it renders meanwhile."""
    if jobs < 2 or len(indices) < SITE_PARALLEL_THRESHOLD:
        yield from ((index, render(renderer.env, pages[index])) for index in indices)
        return
    feeds = [index for index in indices if pages[index].route.kind == "feed"]
    pooled = [index for index in indices if pages[index].route.kind != "feed"]
    # Forked workers share the library's memory with this process until something writes to
    # it; frozen objects are left alone by the collector, which would otherwise touch (and so
    # copy) every page of them (the `gc.freeze` documentation's advice for forking).
    gc.freeze()
    try:
        with ProcessPoolExecutor(jobs, initializer=start_site_worker, initargs=(renderer.config, library)) as pool:
            results = pool.map(render_site_page, pooled, chunksize=8)
            yield from ((index, render(renderer.env, pages[index])) for index in feeds)
            yield from zip(pooled, results)
    finally:
        gc.unfreeze()  # `serve` builds again and again in one process: let this build's garbage go
