"""Full-text search: Pagefind indexes of the staged pages, staged in turn in `pagefind/`,
one bundle per part of the archive (the newest month, the rest of its year, groups of older
years: `library.search_bundles`), each made again only when its articles' pages changed.

Pagefind reads each page's `<html lang>` and builds one index per language, with Snowball
stemming for Arabic as for English (`إرهاب` finds `الإرهاب`); a search page loads only the
index of its own language. Only elements marked `data-pagefind-body` (the article text) are
indexed, so the homes, the parallel view and the search pages never show up as results.
Filters come from `data-pagefind-filter` attributes (`search_filter` in `render/filters.py`). Result URLs
are root-relative (`/ar/articles/x/`); the search page prefixes them with the site root it
finds from its own address, so one build searches correctly under any base path.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..config import SiteConfig
from ..diagnostics import Report
from ..files import digest
from ..render.urls import LANGUAGES, SEARCH_BUNDLES, Route
from .write import StagingWriter

ARTICLE_PAGES = "{ar,en}/articles/*/index.html"
# Pagefind runs at once: each uses one core, and holds what it indexes in memory (a bundle
# of at most library.SEARCH_BUNDLE_SIZE articles).
PAGEFIND_RUNS = 2
_TIMEOUT_SECONDS = 300


def index_source(config: SiteConfig, pages: Iterable[dict[str, str]]) -> str:
    """What an index is made from: its articles' pages (output path -> digest, per article)
    and Pagefind's settings in the site's folder. While it stays the same, the index does not
    need making."""
    parts = [f"{path} {page}".encode() for article in pages for path, page in sorted(article.items())]
    settings = [config.root / f"pagefind.{suffix}" for suffix in ("yml", "yaml", "toml", "json")]
    return digest(*sorted(parts), *(path.read_bytes() for path in settings if path.is_file()))


def update_index(writer: StagingWriter, config: SiteConfig, report: Report, bundles: dict[str, list[str]],
                 sources: dict[str, str], made: dict[str, str]) -> dict[str, str]:
    """Stage a Pagefind bundle of each group of articles (`bundles`: name -> slugs; see
    library.search_bundles): made again where its `sources` differ from what the last one
    was `made` from, kept where they do not or where this build does not index. Returns
    what each staged bundle was made from.

    Pagefind writes each bundle straight into the staging area, into a folder the writer
    empties first (it may hold hard links into the live site, which must never be written
    through) and then counts as written; the folder of a run that failed is not published.
    """
    if not config.search:  # the preview's builds: the last bundles stay as they were
        _keep(writer, SEARCH_BUNDLES)
        return made
    staged = {name: made[name] for name in bundles
              if made.get(name) == sources[name] and _keep(writer, Route(None, "search_bundle", name).url)}
    # The largest first: the runs that end last are then short ones, and neither core waits
    # long for the other (newest first, 5,000 articles ended on a year's run alone, 1.6 s).
    todo = sorted((name for name in bundles if name not in staged), key=lambda name: -len(bundles[name]))
    if not todo:
        return staged
    executable = _pagefind_executable()
    if executable is None:
        report.warning(None, 1, "search index not built: Pagefind is not installed "
                                "(pip install 'pagefind[bin]'); the search pages will find nothing")
        return staged
    # Folders handed out and claimed here, in order: the writer is not shared with the threads.
    folders = {name: Route(None, "search_bundle", name).url for name in todo}
    outputs = {name: writer.tool_folder(folders[name]) for name in todo}
    with ThreadPoolExecutor(PAGEFIND_RUNS) as pool:
        runs = {name: pool.submit(_run_pagefind, writer, config, executable, bundles[name], outputs[name])
                for name in todo}
        try:
            for name, run in runs.items():
                problem = run.result()
                if problem:
                    report.error(None, 1, f"search index {name} not built: {problem}")
                    continue
                writer.claim(folders[name])
                staged[name] = sources[name]
        finally:
            pool.shutdown(cancel_futures=True)  # a build interrupted (Ctrl-C) starts no more Pagefind runs
    return staged


def _run_pagefind(writer: StagingWriter, config: SiteConfig, executable: Path, slugs: list[str],
                  bundle: Path) -> str:
    """Index the article pages of `slugs` into the folder `bundle` (in a thread of its own:
    Pagefind's process does the work); what went wrong, or ""."""
    with writer.scratch() as scratch:
        # Pagefind reads a site: one of hard links to this bundle's article pages only (a
        # glob naming a thousand pages is slower to match than the pages are to link).
        for slug in slugs:
            for lang in LANGUAGES:
                page = Route(lang, "article", slug).output_path
                os.makedirs(os.path.join(scratch, os.path.dirname(page)))
                os.link(writer.staging / page, os.path.join(scratch, page))
        command = [str(executable), "--site", scratch, "--output-path", str(bundle), "--glob", ARTICLE_PAGES]
        try:
            # From the site's folder: a pagefind.yml there applies, wherever the build started.
            done = subprocess.run(command, cwd=config.root, capture_output=True, text=True,
                                  timeout=_TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return str(exc)
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip().splitlines()
        return f"Pagefind exited with {done.returncode}: " + " | ".join(output[-5:])
    return ""


def _keep(writer: StagingWriter, folder: str) -> bool:
    """Keep the last build's files in `folder`; False when there are none."""
    kept = False
    for parent, _, names in os.walk(writer.staging / folder):  # a few folders of thousands of files
        inside = Path(parent).relative_to(writer.staging).as_posix()
        for name in names:
            kept = writer.keep(f"{inside}/{name}") or kept
    return kept


def _pagefind_executable() -> Path | None:
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    return get_executable()
