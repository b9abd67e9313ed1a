"""How well the reader and the speaker finder do on real pages no one here wrote (issue 14).

    .venv/bin/python bench/wire.py CORPUS [--content content] [--failures] [--json]

CORPUS is a folder of pages as an editor pastes them, kept outside the repository (the
pages' text is their publishers'):

    CORPUS/pages/<outlet>-<nn>.txt      one page's text, as copied from the browser
    CORPUS/annotations/*.toml           optional: hand annotations, one table per page file:
                                        title, dateline_place, dateline_agency, date, furniture,
                                        speakers, truncated, address, query

Without annotations/, the pages are scored against bench/wire-corpus.toml: the same
annotations sealed, with every line of page text (headline, furniture) kept only as a digest
and the facts (address, the query that found the page, dateline, date, speakers) in clear.
`--seal` writes that file from CORPUS/annotations, so the measure outlives the folder: the
pages can be gathered again from the stored `pages` corpus with the recorded queries.
`--sealed bench/wire-heldout.toml` names the held-out set instead: pages gathered after the
reader was tuned on the first, whose first-look figures are in docs/wire-shapes.md.

Every page is read, parsed and analysed as `build-site` does it, with the site's knowledge
from --content (people.toml, topics.toml). Scores, per outlet and in all:
  headline   the title is the annotated headline (pages that have one)
  dateline   place and agency as annotated, or none where the page has none
  date       the article's date is the one the text states (pages that state one)
  furniture  annotated furniture lines still in the article (lower is better)
  story      lines of the story lost (neither title, dateline, heading nor paragraph)
  speakers   named speakers found (precision, recall): a person found matches an annotated
             name when they share their last word or one name's words hold the other's
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.analyze.knowledge import analyze, load_knowledge  # noqa: E402
from generator.diagnostics import ContentError, Report  # noqa: E402
from generator.read.parse import parse  # noqa: E402
from generator.read.sources import read_source  # noqa: E402
from generator.text.arabic import match_key  # noqa: E402

# Captures of the stored corpus begin with a marker of their own (` date 2025-12-05 `) glued
# to the first line; a page pasted from the browser never has it, so it is taken off.
CAPTURE_MARK = re.compile(r"^\s*date \d{4}-\d{2}(?:-\d{2})?\s*")


SEALED = Path(__file__).with_name("wire-corpus.toml")
# Pages gathered after the reader was tuned, measured once before any change made for them.
HELD_OUT = Path(__file__).with_name("wire-heldout.toml")
FACTS = ("outlet", "address", "query", "dateline_place", "dateline_agency", "date", "truncated", "speakers")


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", CAPTURE_MARK.sub("", text)).split())


def digest(line: str) -> str:
    """A line of page text as the sealed annotations keep it: enough to recognise, not to read."""
    return hashlib.sha256(normal(line).encode("utf-8")).hexdigest()[:16]


def seal(expected: dict) -> dict:
    """An annotation with its lines of page text (headline, furniture) replaced by digests."""
    sealed = {key: expected[key] for key in FACTS if key in expected}
    sealed["title"] = digest(expected["title"]) if expected.get("title") else ""
    sealed["furniture"] = sorted({digest(line) for line in expected.get("furniture", [])})
    return sealed


def toml_text(annotations: dict[str, dict]) -> str:
    # JSON strings are TOML basic strings; the values are strings, booleans and lists of strings.
    def value(v) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, list):
            return "[" + ", ".join(value(item) for item in v) + "]"
        return json.dumps(v, ensure_ascii=False)
    out = ["# bench/wire.py's annotations of real pages, sealed: page text only as digests (see --seal).\n"]
    for name, table in sorted(annotations.items()):
        out.append(f"[{json.dumps(name)}]")
        out += [f"{key} = {value(table[key])}" for key in sorted(table)]
        out.append("")
    return "\n".join(out)


@dataclass
class Tally:
    """Counts for one outlet (or all of them)."""

    pages: int = 0
    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    found_speakers: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, score: str, good: int, total: int) -> None:
        self.counts[score][0] += good
        self.counts[score][1] += total

    def merge(self, other: Tally) -> None:
        self.pages += other.pages
        self.found_speakers += other.found_speakers
        for score, (good, total) in other.counts.items():
            self.add(score, good, total)


def _blocks(article) -> list[str]:
    blocks = [article.title.ar] + [s.heading.ar for s in article.sections if s.heading]
    blocks += [p.text for s in article.sections for p in s.paragraphs]
    return [normal(b) for b in blocks]


def _in_article(line: str, blocks: list[str], dateline: str) -> bool:
    """Whether a line of the page shows in the article: as a block, or as a paragraph that
    lost an inline dateline, or (a long line) inside a block."""
    if line in blocks or (dateline and line == dateline):
        return True
    if any(block and line.endswith(block) and len(block) > len(line) / 2 for block in blocks):
        return True
    return len(line.split()) >= 6 and any(line in block for block in blocks)


def _same_person(found: str, annotated: str) -> bool:
    a, b = match_key(found).split(), match_key(annotated).split()
    if not a or not b:
        return False
    return a[-1] == b[-1] or set(a) <= set(b) or set(b) <= set(a)


def _speaker_counts(article, expected: list[str]) -> tuple[list[str], list[str]]:
    """The names found that match no expected speaker, and the expected ones not found."""
    found = [p.name_ar for p in article.people]
    missing = list(expected)
    wrong = []
    for name in found:
        match = next((e for e in missing if _same_person(name, e)), None)
        if match is None:
            wrong.append(name)
        else:
            missing.remove(match)
    return wrong, missing


def score_page(page: Path, expected: dict, knowledge, tally: Tally, scratch: Path) -> None:
    """Score one page against its sealed annotation (headline and furniture as digests)."""
    tally.pages += 1
    report = Report(stream=None)
    name = page.name
    path = scratch / name
    text = CAPTURE_MARK.sub("", page.read_text(encoding="utf-8")).rstrip()
    furniture = set(expected.get("furniture", []))
    if expected.get("truncated") and digest(text.rsplit("\n", 1)[-1]) not in furniture:
        text += " …"  # the stored excerpt stops mid-sentence, which no pasted page does
    path.write_text(text + "\n", encoding="utf-8")
    try:
        source = read_source(path, report)
        parsed = parse(source, report)
        article = analyze(parsed.article, source.meta, knowledge, report)
    except ContentError as exc:
        article = None
        tally.failures.append(f"{name}: not built: {exc} (line {exc.line})")
    lines = [normal(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    title = expected.get("title", "")
    place, agency = normal(expected.get("dateline_place", "")), normal(expected.get("dateline_agency", ""))
    speakers = list(expected.get("speakers", []))

    if title:
        good = article is not None and digest(article.title.ar) == title
        tally.add("headline", good, 1)
        if not good and article is not None:
            tally.failures.append(f"{name}: title {normal(article.title.ar)[:70]!r} is not the headline")
    found_dateline = article.dateline if article is not None else None
    got = (match_key(found_dateline.place), match_key(found_dateline.agency)) if found_dateline else None
    want = (match_key(place), match_key(agency)) if place else None
    tally.add("dateline", got == want, 1)
    if got != want:
        tally.failures.append(f"{name}: dateline {got}, expected {want}")
    # A page that states no date must get none: a date from its story is a wrong date.
    want_date = expected.get("date") or None
    got_date = article.date.isoformat() if article is not None and article.date else None
    tally.add("date", got_date == want_date, 1)
    if got_date != want_date:
        tally.failures.append(f"{name}: date {got_date}, expected {want_date}")

    blocks = _blocks(article) if article is not None else []
    shown_dateline = normal(found_dateline.segment.ar) if found_dateline else ""
    furniture_lines = sorted({line for line in lines if digest(line) in furniture})
    if len(furniture_lines) < len(furniture):
        print(f"{name}: {len(furniture) - len(furniture_lines)} annotated furniture lines are not on the page",
              file=sys.stderr)
    # Furniture is kept when it is the title, or shows in the body (a copy of the headline too);
    # a shortened copy of the headline is not kept for being inside the title.
    kept = [line for line in furniture_lines
            if (digest(line) != title and line == blocks[0]) or _in_article(line, blocks[1:], "")]
    tally.add("furniture", len(kept), len(furniture_lines))
    tally.failures += [f"{name}: furniture kept: {line[:80]!r}" for line in kept]
    story = [line for line in lines if digest(line) not in furniture and digest(line) != title]
    lost = [line for line in story if not _in_article(line, blocks, shown_dateline)]
    tally.add("story", len(lost), len(story))
    tally.failures += [f"{name}: story line lost: {line[:80]!r}" for line in lost]

    wrong_names, missed_names = _speaker_counts(article, speakers) if article is not None else ([], speakers)
    right = len(speakers) - len(missed_names)
    tally.add("speakers", right, len(speakers))
    tally.found_speakers += right + len(wrong_names)
    tally.failures += [f"{name}: speaker wrongly found: {n!r}" for n in wrong_names]
    tally.failures += [f"{name}: speaker missed: {n!r}" for n in missed_names]


def _ratio(good: int, total: int) -> str:
    return f"{good}/{total} ({good / total:.0%})" if total else "-"


def row(label: str, tally: Tally) -> dict[str, str]:
    c = tally.counts
    right, annotated = c["speakers"]
    precision = right / tally.found_speakers if tally.found_speakers else 1.0
    recall = right / annotated if annotated else 1.0
    return {
        "outlet": label, "pages": str(tally.pages),
        "headline": _ratio(*c["headline"]), "dateline": _ratio(*c["dateline"]), "date": _ratio(*c["date"]),
        "furniture kept": _ratio(*c["furniture"]), "story lost": _ratio(*c["story"]),
        "speakers P": f"{precision:.2f}", "speakers R": f"{recall:.2f}",
        "speakers": f"{right}/{annotated} ({tally.found_speakers} found)",
    }


def load_annotations(corpus: Path, sealed: Path = SEALED) -> dict[str, dict]:
    """The corpus's own annotations, sealed; without them, the sealed ones in bench/."""
    folder = corpus / "annotations"
    if not folder.is_dir():
        return tomllib.loads(sealed.read_text(encoding="utf-8"))
    annotations: dict[str, dict] = {}
    for path in sorted(folder.glob("*.toml")):
        annotations.update(tomllib.loads(path.read_text(encoding="utf-8")))
    return {name: seal(expected) for name, expected in annotations.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--content", type=Path, default=Path(__file__).resolve().parent.parent / "content")
    parser.add_argument("--failures", action="store_true", help="list every miss, page by page")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sealed", type=Path, default=SEALED,
                        help=f"the sealed annotations (default {SEALED.relative_to(SEALED.parent.parent)}; "
                             f"the held-out pages: {HELD_OUT.relative_to(HELD_OUT.parent.parent)})")
    parser.add_argument("--seal", action="store_true", help="write CORPUS/annotations, sealed, to --sealed")
    options = parser.parse_args(argv)
    if options.seal:
        options.sealed.write_text(toml_text(load_annotations(options.corpus)), encoding="utf-8")
        return 0

    knowledge = load_knowledge(options.content, Report(stream=None))
    annotations = load_annotations(options.corpus, options.sealed)
    by_outlet: dict[str, Tally] = defaultdict(Tally)
    with tempfile.TemporaryDirectory() as scratch:
        for name, expected in sorted(annotations.items()):
            path = options.corpus / "pages" / name
            if not path.is_file():
                print(f"{name}: annotated but not in pages/", file=sys.stderr)
                continue
            score_page(path, expected, knowledge, by_outlet[expected.get("outlet", "?")], Path(scratch))
    total = Tally()
    for tally in by_outlet.values():
        total.merge(tally)
    rows = [row(outlet, tally) for outlet, tally in sorted(by_outlet.items())] + [row("all", total)]
    if options.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        columns = list(rows[0])
        print("| " + " | ".join(columns) + " |")
        print("|" + "|".join(" --- " for _ in columns) + "|")
        for r in rows:
            print("| " + " | ".join(r[c] for c in columns) + " |")
    if options.failures:
        for tally in by_outlet.values():
            for failure in tally.failures:
                print(failure)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
