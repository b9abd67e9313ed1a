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
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator

from ..analyze.knowledge import Knowledge, load_knowledge
from ..config import ConfigError, SiteConfig, load_config
from ..diagnostics import Report
from ..files import digest, identity
from ..model import Article
from ..output.search import index_source, update_index
from ..output.write import OutputError, StagingWriter
from ..read.sources import discover
from ..render.article_pages import article_pages
from ..render.environment import OutputPage, TemplateFailure, asset_files, make_environment, render
from ..render.site_pages import site_pages
from ..site.library import Library, Listing, assemble, fingerprint, search_bundles, with_shared_people
from .article_job import (
    ArticleOutcome,
    ArticleProcessor,
    collecting_seldom,
    load_article,
    render_site_page,
    run_in_worker,
    start_site_worker,
    start_worker,
)
from .cache import CACHE_DIR, ArticleEntry, ArticleStore, BuildCache, CacheIndex
from .changes import Changes, cached_listings, site_key, what_changed

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
    drafts: int = 0  # articles marked as drafts, and so not published


def load_articles(config: SiteConfig, report: Report, knowledge: Knowledge | None = None) -> list[Article]:
    """Every usable article, read, parsed, translated and analysed, without rendering anything."""
    knowledge = knowledge or load_knowledge(config.content_dir, report)
    found = (load_article(path, config, report, knowledge) for path in discover(config.articles_dir, report))
    return [article for article in found if article]


def render_all(config: SiteConfig, library: Library, articles: list[Article], topics: dict) -> None:
    """Render every page of the site in memory, writing nothing: what `check` asks of the
    templates. TemplateFailure names the template and line that failed."""
    env = make_environment(config)
    by_slug = {article.slug: article for article in articles}
    for listing in library.articles:
        for page in article_pages(config, topics, by_slug[listing.slug]):
            render(env, page)
    for page in site_pages(config, library, by_slug.__getitem__):
        render(env, page)


def _process(tasks: list[tuple[Path, ArticleEntry | None]], processor: ArticleProcessor,
             jobs: int) -> Iterator[ArticleOutcome]:
    """Load and render articles (or, given an unchanged article's entry, render it again from
    the cache), in worker processes when there are enough of them; the outcomes come in the
    order of `tasks`, one at a time, so their pages need not all be held in memory at once."""
    if jobs > 1 and len(tasks) >= PARALLEL_THRESHOLD:
        started = (processor.config, processor.knowledge, processor.store, os.getpid())
        with ProcessPoolExecutor(jobs, initializer=start_worker, initargs=started) as pool:
            yield from pool.map(run_in_worker, tasks, chunksize=16)
        return
    yield from (processor.process(path, unchanged) for path, unchanged in tasks)


@collecting_seldom
def build(root: Path, report: Report, *, strict: bool = False, jobs: int | None = None,
          search: bool | None = None, drafts: bool = False, keep_last_good: bool = False) -> BuildResult:
    """Build the site at `root`; `search` overrides the configured `[search] enabled`;
    `drafts` publishes the articles marked `draft = true` too, and `keep_last_good` keeps the
    last good pages of an article that can no longer be read (the preview does both).

    Nothing reaches `site/` until every page is made: the pages go to a staging folder,
    published in one step, or discarded when anything fails (or, with `strict`, warns)."""
    config = _configure(root, report, search)
    jobs = jobs or os.cpu_count() or 1
    knowledge = load_knowledge(config.content_dir, report)
    cache = BuildCache.load(config.root / CACHE_DIR, site_key(config), report)
    changes = what_changed(config, cache, report, drafts)
    if changes.up_to_date:
        for path in changes.paths:
            report.replay(changes.reused[path].diagnostics)
        entries = changes.reused.values()
        return BuildResult(config, None, sum(e.slug is not None and (drafts or not e.draft) for e in entries), 0,
                           False, up_to_date=True, drafts=0 if drafts else sum(e.draft for e in entries))
    listings, loaded = cached_listings(cache, changes)
    index = CacheIndex(cache.index.site_key, templates_key=changes.templates_key, assets_key=changes.assets_key,
                       drafts=drafts)
    writer = StagingWriter(config.output_dir, changes.previous.output if changes.previous.site_pages else None)
    processor = ArticleProcessor(config, knowledge, cache.articles)
    articles = _Articles(cache.articles, config, knowledge)
    try:
        publishing = _Publishing(drafts, _last_good(cache, changes) if keep_last_good else _nothing_kept)
        listings |= _write_articles(changes, processor, writer, articles, loaded, index, report, jobs, publishing)
        shown = [listings[p] for p in changes.paths if p in listings and (drafts or not index.articles[str(p)].draft)]
        library = assemble(shown, report, knowledge.topics)
        index.site_pages = _write_site_pages(writer, processor, library, changes.previous, articles, changes.restyled, jobs)
        for route, path in asset_files(config):
            writer.write_or_keep(route.output_path, path.read_bytes())
        _index_search(config, writer, library, changes.previous, index, report)
    except (TemplateFailure, OutputError, OSError) as exc:
        writer.discard()
        raise BuildError(str(exc)) from exc
    except BaseException:
        writer.discard()
        raise
    if strict and report.failed(strict):  # --strict keeps the last good site
        writer.discard()
        return BuildResult(config, library, len(library.articles), len(writer.written), False)
    # The listings are pickled (a quarter of a second at 5,000 articles) while the writer
    # waits for the new site's spare of hard links, which a full build makes in a `cp -rl`.
    with ThreadPoolExecutor(1) as saving:
        saved = saving.submit(cache.save_listings, with_shared_people({index.articles[str(path)].key: listing
                                                                       for path, listing in listings.items()}))
        writer.publish(_stamp(index))
    index.output_identity, index.output = identity(config.output_dir), writer.published
    try:
        saved.result()
        cache.save(index)
    except OSError as exc:  # the site is published; without its cache the next build reads everything again
        report.warning(config.root / CACHE_DIR, 1, f"build cache not saved ({exc.strerror or exc}); "
                                                   "the next build will read every article again")
    return BuildResult(config, library, len(library.articles), len(writer.written), True,
                       drafts=sum(e.draft for e in index.articles.values()) if not drafts else 0)


def _stamp(index: CacheIndex) -> str:
    """A digest of everything a build made (each page's bytes, the assets, the search
    bundles' sources): the same for the same site, whichever build made it."""
    pages = sorted((path, sha) for entry in index.articles.values() for path, sha in entry.pages.items())
    site_pages = sorted((path, sha) for path, (_, sha) in index.site_pages.items())
    return digest(repr((pages, site_pages, index.assets_key, sorted(index.search_bundles))).encode())[:32]


def _configure(root: Path, report: Report, search: bool | None) -> SiteConfig:
    try:
        config = load_config(root)
    except ConfigError as exc:
        raise BuildError(str(exc)) from exc
    report.root = config.root
    return config if search is None else replace(config, search=search)


LastGood = Callable[[Path], "tuple[ArticleEntry, Listing] | None"]


@dataclass(frozen=True)
class _Publishing:
    drafts: bool  # publish drafts too
    last_good: LastGood  # an unreadable article's last good entry and listing, to keep


def _nothing_kept(path: Path) -> None:
    return None


def _last_good(cache: BuildCache, changes: Changes) -> LastGood:
    """For the preview: an article that was published and now cannot be read keeps its last
    good pages, while its problem shows on top of them."""
    def find(path: Path) -> tuple[ArticleEntry, Listing] | None:
        old = changes.previous.articles.get(str(path))
        if old is None or not old.slug or not old.pages:
            return None
        listing = cache.listings().get(old.key)
        return (old, listing) if listing else None

    return find


def _write_articles(changes: Changes, processor: ArticleProcessor, writer: StagingWriter, articles: _Articles,
                    loaded: dict[Path, Article], index: CacheIndex, report: Report,
                    jobs: int, publishing: _Publishing) -> dict[Path, Listing]:
    """Each changed article read, translated, analysed and rendered (unchanged ones only
    rendered again when the templates changed), its pages written as they come, in file
    order; returns the listings of the articles processed."""
    rerendered = {path for path, entry in changes.reused.items() if entry.slug} if changes.restyled else set()
    processed = _process([(p, changes.reused.get(p)) for p in changes.paths if p not in changes.reused or p in rerendered],
                         processor, jobs)
    listings: dict[Path, Listing] = {}
    published: set[str] = set()
    for path in changes.paths:
        entry = changes.reused.get(path)
        outcome = next(processed) if entry is None or path in rerendered else None  # written, then let go
        made = entry or outcome
        if outcome and outcome.slug is None and (kept := publishing.last_good(path)):
            made, listings[path] = replace(kept[0], diagnostics=outcome.diagnostics), kept[1]
            entry, outcome = made, None  # its last good pages are kept as they were
        report.replay(made.diagnostics)
        pages: dict[str, str] = {}
        if outcome and outcome.listing:
            listings[path] = outcome.listing
        if made.slug and (publishing.drafts or not made.draft):
            articles.known(made.slug, path, made.key, loaded.get(path))
            if made.slug not in published:  # a second article with one slug: assemble reports it
                published.add(made.slug)
                pages = _write_article(writer, processor, entry, outcome, articles)
        index.articles[str(path)] = ArticleEntry(made.key, made.signatures, made.diagnostics, made.slug, pages,
                                                 made.draft, made.contents)
    # Ends the worker processes now, not when the build returns: idle, they would hold their
    # memory through the site-wide pages and the search index, the build's peak.
    processed.close()
    return listings


def _index_search(config: SiteConfig, writer: StagingWriter, library: Library, previous: CacheIndex,
                  index: CacheIndex, report: Report) -> None:
    """Index the staged pages for search, bundle by bundle, skipping the bundles whose
    articles did not change."""
    entries = {entry.slug: entry for entry in index.articles.values() if entry.slug}
    bundles = search_bundles(library)
    sources = {name: index_source(config, (entries[slug].pages for slug in slugs)) for name, slugs in bundles.items()}
    made = update_index(writer, config, report, bundles, sources, dict(previous.search_bundles))
    index.search_bundles = tuple(made.items())
    index.searched = index_source(config, (e.pages for e in index.articles.values())) if made == sources else ""


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


def _write_article(writer: StagingWriter, processor: ArticleProcessor, entry: ArticleEntry | None,
                   outcome: ArticleOutcome | None, articles: _Articles) -> dict[str, str]:
    """Keep an unchanged article's pages; write the others unless their bytes are the same."""
    if entry and outcome is None and entry.pages and all(writer.has(p) for p in entry.pages):
        for path in entry.pages:
            writer.keep(path)
        return entry.pages
    rendered = outcome.pages if outcome else processor.pages(articles(entry.slug))
    old = entry.pages if entry else {}
    return {path: writer.write_or_keep(path, data, old.get(path)) for path, data in rendered.items()}


def _write_site_pages(writer: StagingWriter, processor: ArticleProcessor, library: Library, previous: CacheIndex,
                      articles: _Articles, restyled: bool, jobs: int) -> dict[str, tuple[str, str]]:
    """Render a site-wide page only when what it shows or the templates changed; write it
    only when its bytes did."""
    pages = site_pages(processor.config, library, articles)
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
    for index, data in _render_site_pages(pages, list(todo), processor, library, jobs):
        path = pages[index].route.output_path
        before = previous.site_pages.get(path)
        recorded[path] = (todo[index], writer.write_or_keep(path, data, before[1] if before else None))
    return recorded


def _render_site_pages(pages: list[OutputPage], indices: list[int], processor: ArticleProcessor, library: Library,
                       jobs: int) -> Iterator[tuple[int, bytes]]:
    """The pages at `indices`, rendered; in worker processes when there are enough of them
    (a cold build's speaker and topic archives), all but the feeds, which need whole articles
    that only this process can load, and which it renders meanwhile."""
    if jobs < 2 or len(indices) < SITE_PARALLEL_THRESHOLD:
        yield from ((index, render(processor.env, pages[index])) for index in indices)
        return
    feeds = [index for index in indices if pages[index].route.kind == "feed"]
    pooled = [index for index in indices if pages[index].route.kind != "feed"]
    # Forked workers share the library's memory with this process until something writes to
    # it; frozen objects are left alone by the collector, which would otherwise touch (and so
    # copy) every page of them (the `gc.freeze` documentation's advice for forking).
    gc.freeze()
    try:
        # A forked worker is handed the plan as it stands in memory; any other kind would be
        # sent it pickled, and its pages' contexts hold functions, so it plans them itself.
        context = multiprocessing.get_context()
        planned = pages if context.get_start_method() == "fork" else None
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=start_site_worker,
                                 initargs=(processor.config, library, os.getpid(), planned)) as pool:
            results = pool.map(render_site_page, pooled, chunksize=8)
            yield from ((index, render(processor.env, pages[index])) for index in feeds)
            yield from zip(pooled, results)
    finally:
        gc.unfreeze()  # `serve` builds again and again in one process: let this build's garbage go
