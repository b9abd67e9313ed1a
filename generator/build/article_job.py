"""One article, from its file to its rendered pages.

Everything here depends on one article file, its translation memory and the site-wide
inputs, and nothing on other articles, so it runs in worker processes on a cold build and
is skipped altogether for an article whose inputs did not change.
"""

from __future__ import annotations

import functools
import gc
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, ParamSpec, TypeVar

import jinja2

from ..analyze.knowledge import Knowledge, analyze
from ..config import SiteConfig
from ..diagnostics import ContentError, Diagnostic, Report
from ..files import digest
from ..model import Article
from ..read.parse import parse
from ..read.sources import read_source
from ..render.article_pages import article_cards, article_pages
from ..render.environment import OutputPage, make_environment, render
from ..render.site_pages import site_pages
from ..site.library import Library, Listing
from ..translate.memory import MemoryFileError, apply_memory, memory_from_bytes, memory_path
from .cache import ArticleEntry, ArticleStore, StatSignature, stat_signature
from .orphans import die_with_parent

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class ArticleOutcome:
    """What processing one article file gives the build: not the article itself, which the
    process that parsed it has stored in the build cache under `key`."""

    path: Path
    diagnostics: tuple[Diagnostic, ...]
    slug: str | None  # None when the file could not be used
    signatures: tuple  # of the inputs it was made from (see signatures())
    key: str
    listing: Listing | None  # what site-wide pages show of it
    pages: dict[str, bytes]  # output path -> rendered page
    draft: bool = False
    contents: tuple[str, str] | tuple[()] = ()  # of its inputs (see contents()); () when unsettled


def signatures(config: SiteConfig, path: Path, slug: str | None) -> tuple:
    """What tells whether an article's inputs changed: its file's and its memory's stat."""
    memory = stat_signature(memory_path(config.translations_dir, slug)) if slug else None
    return (stat_signature(path), memory)


def contents(config: SiteConfig, path: Path, slug: str | None, article: Article | None = None) -> tuple[str, str]:
    """The digests of an article's file and of its memory ("" for none), those of the bytes
    the build read when it gives the `article` they made: what tells, when the stats differ,
    whether the bytes did too, as in a fresh clone of the site's repository."""
    if article is not None:
        return (article.source_digest, article.memory_digest)
    return (_file_digest(path), _file_digest(memory_path(config.translations_dir, slug)) if slug else "")


def _file_digest(path: Path) -> str:
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return ""


# The signatures of an article saved while the build read it (as an editor may, with `serve`
# rebuilding on every save): they match no file, so the next build reads it again.
UNSETTLED = ("saved while being read",)
# File times come from the kernel's coarse clock, which may lag the one time_ns() reads.
_CLOCK_SLACK_NS = 20_000_000


def _saved_since(signature: StatSignature | None, started: int) -> bool:
    """Whether a file (the translation memory, whose name is known only once the article is
    parsed, so it cannot be looked at before it is read) may have been saved after `started`."""
    return signature is not None and signature[1] >= started - _CLOCK_SLACK_NS


def load_article(path: Path, config: SiteConfig, report: Report, knowledge: Knowledge | None = None) -> Article | None:
    """Read, parse, translate (from the memory) and, given what the site knows, analyse one
    article (speakers, topics); problems go to `report`."""
    try:
        source = read_source(path, report)
        parsed = parse(source, report)
    except ContentError as exc:
        report.error(path, exc.line, str(exc))
        return None
    article = _translated(parsed.article, config, report)
    return analyze(article, source.meta, knowledge, report) if knowledge else article


def _translated(article: Article, config: SiteConfig, report: Report) -> Article:
    path = memory_path(config.translations_dir, article.slug)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return article
    article = replace(article, memory_digest=digest(data))
    try:
        memory = memory_from_bytes(data, path, article.slug, report)
    except MemoryFileError as exc:
        report.error(path, exc.line, f"translation memory unreadable, left as is: {exc}")
        return article
    applied = apply_memory(article, memory)
    for segment in applied.stale:
        report.warning(path, 1, f"segment {segment.id} (article line {segment.line}): the Arabic changed "
                                "since it was translated; the old translation is not used")
    return applied.article


class ArticleProcessor:
    """Makes an article file's outcome (read, translate, analyse, render); one per process,
    so the templates load once."""

    def __init__(self, config: SiteConfig, knowledge: Knowledge, store: ArticleStore) -> None:
        self.config = config
        self.knowledge = knowledge
        self.store = store
        self.env = make_environment(config)

    def pages(self, article: Article) -> dict[str, bytes]:
        pages = {page.route.output_path: render(self.env, page)
                 for page in article_pages(self.config, self.knowledge.topics, article)}
        if self.config.social_cards:
            pages.update(article_cards(self.config, article))
        return pages

    def process(self, path: Path, unchanged: ArticleEntry | None = None) -> ArticleOutcome:
        """Read, analyse and render the article at `path`; given the `unchanged` entry of an
        article whose inputs did not change (only the templates did), render it from the cache."""
        if unchanged is not None and (article := self.store.load(unchanged.key)) is not None:
            return ArticleOutcome(path, unchanged.diagnostics, unchanged.slug, unchanged.signatures, unchanged.key,
                                  None, self.pages(article), unchanged.draft, unchanged.contents)
        report = Report(stream=None, root=self.config.root)
        started, before = time.time_ns(), stat_signature(path)
        article = load_article(path, self.config, report, self.knowledge)
        slug = article.slug if article else None
        found = signatures(self.config, path, slug)
        read = contents(self.config, path, slug, article)
        if found[0] != before or _saved_since(found[1], started):
            found, read = UNSETTLED, ()  # saved while being read: what was read may not be what is there
        key = self.store.key(path, found)
        if article is None:
            return ArticleOutcome(path, tuple(report.diagnostics), None, found, key, None, {}, contents=read)
        self.store.save(key, article)
        return ArticleOutcome(path, tuple(report.diagnostics), slug, found, key, Listing.of(article),
                              self.pages(article), article.draft, read)


_worker: ArticleProcessor | None = None

# A build makes many short-lived objects and few cycles among them, so the collector's
# default (a pass every 700 new objects) spends about a twentieth of a worker's time finding
# next to nothing; once in 50,000 still bounds what cycles hold (mypy raises it so, for the
# same reason).
GC_THRESHOLD = 50_000


def collecting_seldom(build: Callable[P, R]) -> Callable[P, R]:
    """`build`, with the collector's first threshold at GC_THRESHOLD while it runs (in the
    main process: a cold build of 5,000 articles made 647 passes, 7 with it)."""
    @functools.wraps(build)
    def seldom(*args: P.args, **kwargs: P.kwargs) -> R:
        before = gc.get_threshold()
        gc.set_threshold(max(before[0], GC_THRESHOLD), *before[1:])
        try:
            return build(*args, **kwargs)
        finally:
            gc.set_threshold(*before)
    return seldom


def _start_worker_process(parent: int) -> None:
    die_with_parent(parent)
    # What the worker inherited from the build belongs to the build: frozen, it is never
    # looked through, nor copied page by page by the collector touching it (see gc.freeze).
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD)


def start_worker(config: SiteConfig, knowledge: Knowledge, store: ArticleStore, parent: int) -> None:
    global _worker
    _start_worker_process(parent)
    _worker = ArticleProcessor(config, knowledge, store)


def run_in_worker(task: tuple[Path, ArticleEntry | None]) -> ArticleOutcome:
    assert _worker is not None, "start_worker() runs first in each worker process"
    return _worker.process(*task)


_site_worker: tuple[jinja2.Environment, list[OutputPage]] | None = None


def _no_whole_articles(slug: str) -> Article:
    raise RuntimeError("the feeds, which need whole articles, are rendered by the main process")


def start_site_worker(config: SiteConfig, library: Library, parent: int, planned: list[OutputPage] | None) -> None:
    """Take the main process's plan of the site-wide pages, `planned`, when the worker was
    forked from it (a third of a second saved in each worker at 5,000 articles), or plan them
    again as it did (the same library gives the same list, in the same order), so that pages
    can be asked for by index."""
    global _site_worker
    _start_worker_process(parent)
    if planned is None:
        planned = site_pages(config, library, _no_whole_articles)
    _site_worker = (make_environment(config), planned)


def render_site_page(index: int) -> bytes:
    assert _site_worker is not None, "start_site_worker() runs first in each worker process"
    env, pages = _site_worker
    return render(env, pages[index])
