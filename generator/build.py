"""Runs the stages in order: gather everything, then write (MkDocs' build, Zola's Site).

    read -> parse -> translate (memory) -> assemble -> plan -> render into staging -> publish

Content problems are reported and the article is skipped; problems that make the whole
site unbuildable (config, templates) raise `BuildError` and leave `site/` untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from .config import ConfigError, SiteConfig, load_config
from .diagnostics import ContentError, Report
from .library import Library, assemble
from .model import Article
from .parse import parse
from .render import asset_files, make_environment, plan, render
from .sources import read_all
from .translate.memory import MemoryFileError, apply_memory, load_memory, memory_path
from .write import OutputError, StagingWriter


class BuildError(Exception):
    """The site cannot be built at all; `site/` was not touched."""


@dataclass(frozen=True)
class BuildResult:
    config: SiteConfig
    library: Library
    files_written: int
    published: bool


def load_articles(config: SiteConfig, report: Report) -> list[Article]:
    """Read, parse and translate (from the memory) every article; bad ones are reported."""
    articles = []
    for source in read_all(config.articles_dir, report):
        try:
            parsed = parse(source, report)
        except ContentError as exc:
            report.error(source.path, exc.line, str(exc))
            continue
        articles.append(_translated(parsed.article, config, report))
    return articles


def _translated(article: Article, config: SiteConfig, report: Report) -> Article:
    path = memory_path(config.translations_dir, article.slug)
    try:
        memory = load_memory(path, article.slug)
    except MemoryFileError as exc:
        report.error(path, exc.line, f"translation memory unreadable, left as is: {exc}")
        return article
    applied = apply_memory(article, memory)
    for segment in applied.stale:
        report.warning(path, 1, f"segment {segment.id} (article line {segment.line}): the Arabic changed "
                                "since it was translated; the old translation is not used")
    return applied.article


def build(root: Path, report: Report, *, strict: bool = False, base_url: str | None = None) -> BuildResult:
    """Build the site at `root`; `base_url` overrides the configured one (the preview's)."""
    try:
        config = load_config(root)
    except ConfigError as exc:
        raise BuildError(str(exc)) from exc
    if base_url:
        config = replace(config, base_url=base_url)
    report.root = config.root
    library = assemble(load_articles(config, report), report)
    pages = plan(library, config)

    writer = StagingWriter(config.output_dir)
    try:
        env = make_environment(config)
        for page in pages:
            writer.write(page.route.output_path, render(env, page))
        for route, path in asset_files(config):
            writer.copy(route.output_path, path)
    except jinja2.TemplateError as exc:
        writer.discard()
        raise BuildError(_describe_template_error(exc, config.templates_dir)) from exc
    except (OutputError, OSError) as exc:
        writer.discard()
        raise BuildError(str(exc)) from exc
    except BaseException:
        writer.discard()
        raise

    publish = not (strict and report.failed(strict))  # --strict keeps the last good site
    if publish:
        writer.publish()
    else:
        writer.discard()
    return BuildResult(config, library, len(writer.written), publish)


def _describe_template_error(exc: jinja2.TemplateError, templates_dir: Path) -> str:
    """`templates/article.html:12: message`, also for errors raised while rendering."""
    filename, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    traceback = exc.__traceback__
    while traceback is not None:  # Jinja maps template frames to template file and line
        code = traceback.tb_frame.f_code
        if code.co_filename.startswith(str(templates_dir)):
            filename, line = code.co_filename, traceback.tb_lineno
        traceback = traceback.tb_next
    message = getattr(exc, "message", None) or str(exc)
    return f"{filename}:{line}: template error: {message}" if filename else f"template error: {message}"
