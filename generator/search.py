"""Full-text search: a Pagefind index of the staged pages, staged in turn as `pagefind/`.

Pagefind reads each page's `<html lang>` and builds one index per language, with Snowball
stemming for Arabic as for English (`إرهاب` finds `الإرهاب`); a search page loads only the
index of its own language. Only elements marked `data-pagefind-body` (the article text) are
indexed, so the homes, the parallel view and the search pages never show up as results.
Filters come from `data-pagefind-filter` attributes (`templates/_search.html`). Result URLs
are root-relative (`/ar/articles/x/`); the search page prefixes them with the site root it
finds from its own address, so one build searches correctly under any base path.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .cache import ArticleEntry, digest
from .config import SiteConfig
from .diagnostics import Report
from .write import StagingWriter

BUNDLE_DIR = "pagefind"  # templates/search.html loads pagefind/pagefind-ui.js and .css
ARTICLE_PAGES = "{ar,en}/articles/*/index.html"
_TIMEOUT_SECONDS = 300


def index_source(config: SiteConfig, articles: Iterable[ArticleEntry]) -> str:
    """What an index is made from: every article's pages (their digests) and Pagefind's
    settings in the site's folder. While it stays the same, the index does not need making."""
    parts = [f"{path} {page}".encode() for entry in articles for path, page in sorted(entry.pages.items())]
    settings = [config.root / f"pagefind.{suffix}" for suffix in ("yml", "yaml", "toml", "json")]
    return digest(*sorted(parts), *(path.read_bytes() for path in settings if path.is_file()))


def build_index(writer: StagingWriter, config: SiteConfig, report: Report) -> bool:
    """Index the staged pages and stage Pagefind's bundle; without Pagefind, warn and skip.
    True when the bundle was staged.

    Pagefind writes into a folder of its own, and the bundle goes through the writer like
    any page: the staging folder may hold hard links into the live site, which must never
    be written through, and files the writer was not given are dropped at publish.
    """
    executable = _pagefind_executable()
    if executable is None:
        report.warning(None, 1, "search index not built: Pagefind is not installed "
                                "(pip install 'pagefind[bin]'); the search pages will find nothing")
        return False
    with tempfile.TemporaryDirectory(prefix="nashra-pagefind-") as bundle:
        # Only article pages hold indexed text: reading the others is wasted time.
        command = [str(executable), "--site", str(writer.staging), "--output-path", bundle,
                   "--glob", ARTICLE_PAGES]
        try:
            # From the site's folder: a pagefind.yml there applies, wherever the build started.
            done = subprocess.run(command, cwd=config.root, capture_output=True, text=True,
                                  timeout=_TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            report.error(None, 1, f"search index not built: {exc}")
            return False
        if done.returncode != 0:
            output = (done.stdout + done.stderr).strip().splitlines()
            report.error(None, 1, f"search index not built: Pagefind exited with {done.returncode}: "
                                  + " | ".join(output[-5:]))
            return False
        for path in sorted(Path(bundle).rglob("*")):
            if path.is_file():
                writer.write_or_keep(f"{BUNDLE_DIR}/{path.relative_to(bundle).as_posix()}", path.read_bytes())
    return True


def keep_previous_index(writer: StagingWriter) -> None:
    """A build without indexing (the preview's) keeps the last index rather than none."""
    previous = writer.staging / BUNDLE_DIR
    if previous.is_dir():
        for path in sorted(previous.rglob("*")):
            if path.is_file():
                writer.keep(path.relative_to(writer.staging).as_posix())


def _pagefind_executable() -> Path | None:
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    return get_executable()
