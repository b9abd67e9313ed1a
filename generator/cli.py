"""`build-site`: build the site, check it without building, show how one article was understood,
or write the translation memory skeleton of an article for a translator.

Exit codes: 0 success; 1 content errors (or warnings with --strict); 2 the site could not
be built at all (bad config, broken template, bad usage).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, Sequence

from . import __version__
from .analyze.knowledge import Knowledge, analyze, load_knowledge
from .build.article_job import load_article
from .build.lock import build_lock
from .build.run import BuildError, build, load_articles, render_all
from .config import CONFIG_NAME, ConfigError, SiteConfig, load_config
from .diagnostics import ContentError, Level, Report
from .model import Article, Segment
from .read.parse import ParseResult, parse
from .read.sources import ARTICLE_SUFFIXES, read_source
from .render.environment import TemplateFailure
from .site.library import Listing, assemble
from .translate.editing import write_skeleton
from .translate.memory import MemoryFileError, load_memory, memory_path

COMMANDS = ("build", "check", "inspect", "new", "serve")


def _build_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--root", type=Path, default=Path("."), help="the site folder holding site.toml")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    parser.add_argument("--quiet", "-q", action="store_true", help="print only problems")
    parser.add_argument("--translate", action="store_true",
                        help="first machine-translate what the translation memory lacks (needs a model)")
    parser.add_argument("--no-search", action="store_true",
                        help="keep the last search index instead of indexing again (the slowest step)")
    return parser


def _parser() -> argparse.ArgumentParser:
    # Without a command, build-site builds: its help shows the build's options too.
    build_help = _build_options(argparse.ArgumentParser(prog="build-site [build]", add_help=False))
    options = build_help.format_help().split("options:\n", 1)[-1]
    parser = argparse.ArgumentParser(prog="build-site", description="Build the Nashra bilingual news digest.",
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="without a command, build-site builds; the build's options:\n" + options)
    parser.add_argument("--version", action="version", version=f"build-site (Nashra) {__version__}")
    commands = parser.add_subparsers(dest="command")
    _build_options(commands.add_parser("build", help="build the site into site/ (the default command)"))
    check = commands.add_parser("check", help="validate content, data files and translation memory; write nothing")
    check.add_argument("--root", type=Path, default=Path("."), help="the site folder holding site.toml")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    check.add_argument("--quiet", "-q", action="store_true", help="print only problems")
    serve = commands.add_parser("serve", help="preview the site, rebuilding and reloading on every change")
    serve.add_argument("--root", type=Path, default=Path("."), help="the site folder holding site.toml")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--search", action="store_true", help="also rebuild the search index on every change")
    inspect = commands.add_parser("inspect", help="print how one article file is parsed")
    inspect.add_argument("path", type=Path)
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    new = commands.add_parser("new", help="write the translation memory skeleton of articles, for a translator")
    new.add_argument("articles", type=Path, nargs="+", metavar="ARTICLE",
                     help="an article file under content/articles (relative to here or to --root)")
    new.add_argument("--root", type=Path, default=Path("."), help="the site folder holding site.toml")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version")):
        args.insert(0, "build")
    options = _parser().parse_args(args)
    if options.command == "inspect":
        return _inspect(options.path, options.json)
    if options.command == "new":
        return _new(options.root, options.articles)
    if options.command == "check":
        return _check(options.root, strict=options.strict, quiet=options.quiet)
    if options.command == "serve":
        from .serve import serve

        return serve(options.root, options.host, options.port, options.search)
    return _build(options.root, strict=options.strict, quiet=options.quiet, translate=options.translate,
                  search=False if options.no_search else None)


def _build(root: Path, *, strict: bool, quiet: bool, translate: bool = False, search: bool | None = None) -> int:
    """`search`: None follows `[search] enabled` in site.toml; False keeps the last index."""
    # No site.toml: nothing to lock, and nothing created; the build says what is wrong.
    with build_lock(root) if (root / CONFIG_NAME).is_file() else contextlib.nullcontext():
        return _build_locked(root, strict=strict, quiet=quiet, translate=translate, search=search)


def _build_locked(root: Path, *, strict: bool, quiet: bool, translate: bool, search: bool | None) -> int:
    report = Report()
    if translate:
        config = _config(root)
        if config is None:
            return 2
        from .translate.mt.fill import run_translation

        report.root = config.root
        run_translation(config, report)
    try:
        result = build(root, report, strict=strict, search=search)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        print("build failed; site/ left unchanged", file=sys.stderr)
        return 2
    failed = report.failed(strict)
    if not quiet or failed:
        where = result.config.output_dir
        if result.up_to_date:
            state = f"{where} is up to date"
        elif result.published:
            state = f"wrote {_plural(result.files_written, 'file')} to {where}"
        else:
            state = f"{where} left unchanged"
        counts = ", ".join(_plural(n, word) for n, word in (
            (result.articles, "article"), (report.errors, "error"), (report.warnings, "warning")))
        drafts = f" ({_plural(result.drafts, 'draft')} not published)" if result.drafts else ""
        print(f"{counts}{drafts}; {state}", file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


def _check(root: Path, *, strict: bool, quiet: bool) -> int:
    """What a build reports about the content, data files, translation memory and templates,
    for CI and pre-commit: the same loading and rendering as a build, but nothing written (no
    site/, no staging folder, no cache)."""
    config = _config(root)
    if config is None:
        return 2
    report = Report(root=config.root)
    knowledge = load_knowledge(config.content_dir, report)
    articles = load_articles(config, report, knowledge)
    library = assemble([Listing.of(article) for article in articles], report, knowledge.topics)
    try:
        render_all(config, library, articles, knowledge.topics)
    except TemplateFailure as exc:
        print(exc, file=sys.stderr)
        print("check failed: the templates cannot render this site", file=sys.stderr)
        return 2
    read = {memory_path(config.translations_dir, article.slug) for article in articles}
    for path in sorted(config.translations_dir.glob("*.toml")):
        if path not in read:  # each article's memory was read with it; these belong to no article
            try:
                load_memory(path, path.stem)
            except MemoryFileError as exc:
                report.error(path, exc.line, f"translation memory unreadable, left as is: {exc}")
    failed = report.failed(strict)
    if not quiet or failed:
        counts = ", ".join(_plural(n, word) for n, word in (
            (len(library.articles), "article"), (report.errors, "error"), (report.warnings, "warning")))
        print(f"{counts}; checked, nothing written", file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


def _new(root: Path, articles: list[Path]) -> int:
    """Give each article's memory an empty entry per segment it lacks, keeping every entry."""
    config = _config(root)
    if config is None:
        return 2
    report = Report(root=config.root)
    with build_lock(root):  # a build may be reading or writing the same memory files
        for given in articles:
            _skeleton(given if given.is_absolute() or given.exists() else root / given, given, config, report)
    return 1 if report.errors else 0


def _skeleton(path: Path, given: Path, config: SiteConfig, report: Report) -> None:
    if not path.is_file():
        report.error(given, 1, "no such article file (looked for it from the current folder and from --root)")
        return
    if path.suffix.lower() not in ARTICLE_SUFFIXES or not path.resolve().is_relative_to(config.articles_dir.resolve()):
        report.error(given, 1, f"not an article: articles are {' or '.join(ARTICLE_SUFFIXES)} files under "
                               f"{report.shown(config.articles_dir)}/")
        return
    read = Report(stream=None, root=config.root)
    article = load_article(path, config, read)
    if article is None:
        report.replay(d for d in read.diagnostics if d.level is Level.ERROR)
        return
    try:
        memory_file, made, written = write_skeleton(config.translations_dir, article.slug, article.segments())
    except MemoryFileError as exc:
        report.error(memory_path(config.translations_dir, article.slug), exc.line,
                     f"translation memory unreadable, left as is: {exc}")
        return
    for segment in made.stale:
        report.warning(memory_file, 1, f"segment {segment.id} (article line {segment.line}): the Arabic changed "
                                       "since it was translated; kept as it was: put the new Arabic in `source`, "
                                       "correct `target`, and run `build-site new` again")
    print(f"{report.shown(memory_file)}: {_plural(made.untranslated, 'segment')} to translate "
          f"({made.translated} already translated){'' if written else '; unchanged'}")


def _config(root: Path) -> SiteConfig | None:
    """The site's config; None once its problems are printed (the caller exits with 2)."""
    try:
        return load_config(root)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return None


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _site_root(path: Path) -> Path:
    """The site an article belongs to: the nearest folder above it holding site.toml."""
    for folder in path.resolve().parents:
        if (folder / "site.toml").is_file():
            return folder
    return Path.cwd()


def _inspect(path: Path, as_json: bool) -> int:
    report = Report(stream=None)
    knowledge = load_knowledge(_site_root(path) / "content", report)
    try:
        source = read_source(path, report)
        result = parse(source, report)
        result = replace(result, article=analyze(result.article, source.meta, knowledge, report))
    except ContentError as exc:
        report.error(path, exc.line, str(exc))
        result = None
    except OSError as exc:
        report.error(path, 1, str(exc))
        result = None
    data = {
        "article": inspect_data(result, knowledge) if result else None,
        "diagnostics": [
            {"path": str(d.path), "line": d.line, "level": d.level.value, "message": d.message}
            for d in report.diagnostics
        ],
    }
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for diagnostic in report.diagnostics:
            print(diagnostic, file=sys.stderr)
        if result:
            _print_outline(data["article"])
    return 1 if report.errors else 0


def _segment(segment: Segment) -> dict[str, Any]:
    return {"id": segment.id, "line": segment.line, "text": segment.ar}


def _speakers(article: Article) -> list[dict[str, Any]]:
    statements: dict[str, list[dict[str, str]]] = {}
    for statement in article.statements:
        statements.setdefault(statement.person_id, []).append(
            {"segment": statement.segment_id, "paragraph": statement.paragraph_id,
             "kind": statement.kind.value, "quote": statement.quote, "source": statement.source_label})
    people = [{"id": p.id, "name": p.name_ar, "name_en": p.name_en, "role": p.role_ar, "role_en": p.role_en,
               "statements": statements.get(p.id, [])} for p in article.people]
    if "" in statements:
        people.append({"id": "", "name": "", "name_en": "", "role": "", "role_en": "", "anonymous": True,
                       "statements": statements[""]})
    return people


def inspect_data(result: ParseResult, knowledge: Knowledge | None = None) -> dict[str, Any]:
    """The parsed structure of one article, for editors and tests."""
    article = result.article
    dateline = article.dateline
    labels = knowledge.topics if knowledge else {}
    return {
        "slug": article.slug,
        "date": article.date.isoformat() if article.date else None,
        "source_url": article.source_url,
        "title": _segment(article.title),
        "dateline": {"place": dateline.place, "agency": dateline.agency, **_segment(dateline.segment)}
        if dateline else None,
        "sections": [
            {
                "id": section.id,
                "line": section.line,
                "heading": _segment(section.heading) if section.heading else None,
                "paragraphs": [
                    {"id": p.id, "line": p.line, "sentences": [_segment(s) for s in p.sentences]}
                    for p in section.paragraphs
                ],
            }
            for section in article.sections
        ],
        "speakers": _speakers(article),
        "topics": [{"id": t.topic_id, "label": labels[t.topic_id].label_ar if t.topic_id in labels else "",
                    "label_en": labels[t.topic_id].label_en if t.topic_id in labels else "",
                    "score": t.score, "evidence": list(t.evidence)} for t in article.topics],
        "dropped": [{"line": line, "rule": rule, "text": text} for line, rule, text in result.dropped],
    }


def _print_outline(data: dict[str, Any]) -> None:
    """The plain outline: what `--json` holds, one line per item, dropped lines with their rule."""
    print(f"title    {data['title']['text']}")
    if data["dateline"]:
        print(f"dateline {data['dateline']['place']} / {data['dateline']['agency']}")
    print(f"slug     {data['slug']}   date {data['date'] or '-'}")
    for section in data["sections"]:
        print(f"\n[{section['id']}] {section['heading']['text'] if section['heading'] else '(lead)'}")
        for paragraph in section["paragraphs"]:
            print(f"  {paragraph['id']} (line {paragraph['line']}): {len(paragraph['sentences'])} sentence(s)")
    if data["speakers"]:
        print("\nspeakers")
        for person in data["speakers"]:
            who = f"{person['name']} ({person['id']})" if person["id"] else "anonymous sources"
            role = f", {person['role']}" if person["role"] else ""
            print(f"  {who}{role}: {len(person['statements'])} statement(s)")
    if data["topics"]:
        print("\ntopics   " + ", ".join(f"{t['id']} ({t['score']:g})" for t in data["topics"]))
    if data["dropped"]:
        print("\ndropped")
        for line in data["dropped"]:
            print(f"  line {line['line']}: {line['rule']}: {line['text'][:80]}")


if __name__ == "__main__":
    raise SystemExit(main())
