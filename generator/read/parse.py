"""Wire text or Markdown -> `Article`.

Both formats are first turned into numbered blocks (one per paragraph or heading line), so
boilerplate removal, the title, the dateline and sectioning work the same way for both;
only the way a sub-headline is recognised differs (Markdown says so with `##`, wire copy
shows it as a short line with no closing punctuation).

Every rule here runs in time linear in the text, so a hostile file costs no more than a long
one; what looks wrong but can still be shown (HTML or template syntax, a line that lost its
line breaks, a text that is not Arabic) is built, escaped like any text, and warned about.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from slugify import slugify

from ..diagnostics import ContentError, Report
from ..model import Article, Dateline, Paragraph, Section, Segment, SourceFile
from ..text.arabic import arabic_share, looks_persian, split_sentences, word_count, words
from .dateline import agency_english, match_inline, match_own_line
from .dates import story_date
from .headline import after_dateline, is_deck, opens_story
from .lines import SENTENCE_END, Block
from .page import read_page
from .sources import SLUG_PATTERN

MAX_HEADING_WORDS = 20
DATE_LINES = 8  # menus, site name, headline, date line, byline, dateline, lead
TITLE_FROM_LEAD_CHARS = 120  # a headline's length, when the lead's first sentence stands as one
MAX_LINE_CHARS = 10_000  # a long wire paragraph has 2,000
LANGUAGE_SAMPLE_CHARS = 20_000  # enough text to tell the language, whatever the file's size
_DATE_IN_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ATX_HEADING = re.compile(r"(#{1,6})\s+(.*)")
_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")
_TEMPLATE = re.compile(r"\{\{.{0,40}?\}\}|\{%.{0,40}?%\}|\{\{|\{%")  # bounded: linear time


@dataclass(frozen=True)
class ParseResult:
    article: Article
    dropped: tuple[tuple[int, str, str], ...]  # (line, rule, text) of boilerplate removed


def parse(source: SourceFile, report: Report) -> ParseResult:
    """Parse one source file; raise `ContentError` when there is no article in it."""
    blocks = _markdown_blocks(source) if source.kind == "markdown" else _wire_blocks(source)
    if not blocks:
        raise ContentError("the article is empty", source.body_line)
    page = read_page(blocks, wire=source.kind == "wire")
    dropped = page.dropped
    if page.headline is None and not page.body:
        raise ContentError(f"no article text: all {len(dropped)} lines are site boilerplate", dropped[0][0])
    _warn_about_text([b for b in [page.headline, *page.body] if b], report, source)

    headline = page.headline or _NO_HEADLINE
    dateline, rest, header = _header(page.body)
    dropped.extend(header)
    if not rest:
        raise ContentError("article has a headline but no paragraphs", headline.line)
    sections = _sections(rest, infer_headings=source.kind == "wire", report=report, source=source)
    if not any(section.paragraphs for section in sections):
        raise ContentError("article has a headline and sub-headlines but no paragraphs", headline.line)
    if headline is _NO_HEADLINE:
        lead = sections[0].paragraphs[0]
        headline = Block(lead.line, source.meta.title or _clip(lead.sentences[0].ar, TITLE_FROM_LEAD_CHARS))
        if not source.meta.title:
            report.warning(source.path, lead.line,
                           "no headline: the article opens with its dateline or lead, so its first sentence "
                           "stands as the title (put the headline on the first line or set `title` in the "
                           "front matter)")
    title = Segment("title", source.meta.title or headline.text, headline.line)
    article = Article(
        slug=_slug(source, title.ar),
        source=source.path,
        source_digest=source.digest,
        date=_date(source, report, page.headline),
        title=title,
        dateline=dateline,
        sections=sections,
        source_url=source.meta.source,
        draft=source.meta.draft,
        aliases=source.meta.aliases,
    )
    return ParseResult(article, tuple(sorted(dropped)))


# --- blocks -------------------------------------------------------------------------------

def _wire_blocks(source: SourceFile) -> list[Block]:
    """Wire copy: every non-empty line is a paragraph, headline or sub-headline."""
    return [
        Block(source.body_line + index, " ".join(line.split()))
        for index, line in enumerate(source.body.split("\n"))
        if line.strip()
    ]


def _markdown_blocks(source: SourceFile) -> list[Block]:
    """Markdown: ATX headings, and paragraphs of consecutive lines (inline markup removed)."""
    blocks: list[Block] = []
    pending: list[str] = []
    start = 0

    def flush() -> None:
        if pending:
            blocks.append(Block(start, _markdown_text(" ".join(pending))))
            pending.clear()

    for index, line in enumerate(source.body.split("\n")):
        number = source.body_line + index
        heading = _ATX_HEADING.match(line)
        if heading:
            flush()
            # `#` is the title (first block); `##` and below start sections.
            blocks.append(Block(number, _markdown_text(_without_closing_hashes(heading.group(2))),
                                heading=len(heading.group(1)) > 1))
        elif not line.strip() or re.fullmatch(r"\s*(?:[-*_]\s*){3,}", line):
            flush()
        else:
            if not pending:
                start = number
            pending.append(re.sub(r"^\s*(?:[-*+>]|\d+[.)])\s+", "", line).strip())
    flush()
    return [b for b in blocks if b.text]


def _without_closing_hashes(text: str) -> str:
    """`## Title ##` -> `Title`; `# C#` keeps its `#`, which no space separates."""
    text = text.strip()
    opened = text.rstrip("#")
    return opened.rstrip() if opened != text and (not opened or opened[-1].isspace()) else text


# CommonMark, with HTML treated as text. Python-Markdown, used before, took minutes on a
# paragraph of nested `[`; markdown-it-py is fast, but grows faster than the text on such
# input, so a paragraph too long to be one (MAX_LINE_CHARS, already warned about) is shown as
# written instead.
_MARKDOWN = MarkdownIt("commonmark", {"html": False})
_MARKDOWN.validateLink = lambda url: True  # only a link's text is kept, never its URL
_TEXT_TOKENS = {"text", "code_inline", "image"}  # an image stands for its alt text


def _markdown_text(text: str) -> str:
    """Inline Markdown (emphasis, links, code, escapes) -> plain text."""
    if len(text) > MAX_LINE_CHARS:
        return " ".join(text.split())
    parts = []
    for token in _MARKDOWN.parseInline(text)[0].children or ():
        if token.type in _TEXT_TOKENS:
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


# --- what looks wrong but is shown ----------------------------------------------------------

def _warn_about_text(blocks: list[Block], report: Report, source: SourceFile) -> None:
    """Warn once per kind about text that will be shown as written but was hardly meant so."""
    for block in blocks:
        if len(block.text) > MAX_LINE_CHARS:
            report.warning(source.path, block.line, f"line of {len(block.text):,} characters: "
                                                    "were the line breaks lost when it was pasted?")
            break
    for pattern, what in ((_HTML, "HTML"), (_TEMPLATE, "template syntax")):
        found = next(((b.line, m.group()) for b in blocks if (m := pattern.search(b.text))), None)
        if found:
            report.warning(source.path, found[0], f"{what} in the text ({_clip(found[1])!r}): "
                                                  "it is shown as written, never interpreted")
    sample = " ".join(b.text for b in blocks)[:LANGUAGE_SAMPLE_CHARS]
    share = arabic_share(sample)
    if share < 0.5:
        report.warning(source.path, blocks[0].line, f"only {share:.0%} of the letters are Arabic script: "
                                                    "Nashra expects Arabic wire copy")
    elif looks_persian(sample):
        report.warning(source.path, blocks[0].line, "the text looks like Persian (or another language "
                                                    "written in Arabic script), not Arabic: Nashra expects Arabic")


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --- boilerplate, title, dateline -------------------------------------------------------------

_NO_HEADLINE = Block(0, "")
MAX_DECK_WORDS = 20  # a short item, or a page pasted from its dateline down


def _header(blocks: list[Block]) -> tuple[Dateline | None, list[Block], list[tuple[int, str, str]]]:
    """Between the headline and the first paragraph: the dateline and page furniture.

    Pages put dates, categories and photo credits there (`15 آذار/مارس 2016`,
    `الثقافة والتعليم`, `© UNICEF/...`). The lead never has a sub-headline, so every short
    line before the first sentence is furniture unless it is the dateline.
    """
    # A deck may end like a sentence (`بالذكرى الـ 104 لتأسيسها..`): the lead is after it.
    first = next((i for i, b in enumerate(blocks)
                  if b.heading or opens_story(b) and not _short_deck(b) or after_dateline(blocks, i)), None)
    if first is None or blocks[first].heading:
        first = 0
    dateline: Dateline | None = None
    dropped: list[tuple[int, str, str]] = []
    decks = []
    for block in blocks[:first]:
        own = match_own_line(block.text)
        if own and dateline is None:
            dateline = Dateline(own.place, own.agency, Segment("dateline", block.text, block.line))
        elif is_deck(block.text):
            decks.append(block)
        else:
            dropped.append((block.line, "page header", block.text))
    rest = decks + blocks[first:]
    if dateline is None:
        dateline, rest = _dateline_in_story(rest)
    return dateline, rest, dropped


def _dateline_in_story(story: list[Block]) -> tuple[Dateline | None, list[Block]]:
    """The dateline opening the lead; or, under a one-paragraph summary printed above the
    story, the one opening the next paragraph with a known agency (`كولومبو (سريلانكا) –
    سبوتنيك. قال ...`) or standing on its own line (`السومرية نيوز/ بغداد`)."""
    for index, block in enumerate(story[:2]):
        if block.heading:
            break
        own = match_own_line(block.text) if index else None
        if own:
            return Dateline(own.place, own.agency, Segment("dateline", block.text, block.line)), \
                story[:index] + story[index + 1:]
        inline = match_inline(block.text)
        if inline and (index == 0 or agency_english(inline.agency)):
            shown = block.text[: len(block.text) - len(inline.rest)].strip()
            dateline = Dateline(inline.place, inline.agency, Segment("dateline", shown, block.line))
            return dateline, story[:index] + [Block(block.line, inline.rest)] + story[index + 1:]
    return None, story


def _short_deck(block: Block) -> bool:
    return is_deck(block.text) and word_count(block.text) <= MAX_DECK_WORDS


# --- sections, paragraphs, sentences --------------------------------------------------------

def _is_wire_heading(block: Block, is_last: bool) -> bool:
    """A sub-headline in wire copy: a short line that does not end like a sentence."""
    return (
        not is_last
        and word_count(block.text) <= MAX_HEADING_WORDS
        and not SENTENCE_END.search(block.text)
    )


def _sections(blocks: list[Block], *, infer_headings: bool, report: Report, source: SourceFile) -> tuple[Section, ...]:
    groups: list[tuple[Block | None, list[Block]]] = [(None, [])]
    for index, block in enumerate(blocks):
        is_heading = block.heading or (
            infer_headings and index > 0 and _is_wire_heading(block, index == len(blocks) - 1)
        )
        if is_heading:
            groups.append((block, []))
        else:
            groups[-1][1].append(block)

    sections = []
    for number, (heading, members) in enumerate(groups):
        if number == 0 and not members:
            continue  # Markdown article that opens straight with a `##`
        section_id = f"s{len(sections)}"
        if heading and not members:
            report.warning(source.path, heading.line, "sub-headline has no paragraphs under it")
        paragraphs = tuple(_paragraph(f"{section_id}-p{i}", b) for i, b in enumerate(members, 1))
        heading_segment = Segment(f"{section_id}-h", heading.text, heading.line) if heading else None
        line = heading.line if heading else members[0].line
        sections.append(Section(section_id, heading_segment, paragraphs, line))
    return tuple(sections)


def _paragraph(paragraph_id: str, block: Block) -> Paragraph:
    found = split_sentences(block.text)
    sentences = tuple(Segment(f"{paragraph_id}-{i}", text, block.line) for i, (_, text) in enumerate(found, 1))
    return Paragraph(paragraph_id, sentences, block.line, block.text, tuple(start for start, _ in found))


# --- slug and date ----------------------------------------------------------------------------

def _slug(source: SourceFile, title: str) -> str:
    """Front matter, else the file name, else a transliteration of the title: always ASCII."""
    if source.meta.slug:
        return source.meta.slug
    stem = source.path.stem.lower()
    if SLUG_PATTERN.fullmatch(stem):
        return stem
    for candidate in (stem, title):
        slug = slugify(candidate, max_length=80, word_boundary=True)
        if slug and words(slug):
            return slug
    raise ContentError("cannot make an ASCII slug; set `slug` in the front matter")


def _opening_lines(body: str, body_line: int, headline: Block | None) -> list[str]:
    """The lines where pages state a story's date: under the headline (a date line, the
    dateline `الرياض 14 جمادى الأولى 1437 هـ الموافق 23 فبراير 2016 م واس`, the lead), then
    above it, where a site's clock prints today's date over every page it serves."""
    lines = body.split("\n")
    split = headline.line - body_line if headline else 0
    below, above = lines[split:], lines[:split]
    return [line for line in below if line.strip()][:DATE_LINES] + [line for line in above if line.strip()]


def _date(source: SourceFile, report: Report, headline: Block | None) -> dt.date | None:
    """Front matter, else the file name, else the date the copy states at its start."""
    if source.meta.date:
        return source.meta.date
    found = _DATE_IN_NAME.search(source.path.name)
    if found:
        try:
            return dt.date(*map(int, found.groups()))
        except ValueError:
            pass
    stated = story_date(_opening_lines(source.body, source.body_line, headline))
    if stated:
        return stated.date
    report.warning(source.path, 1, "no date: set `date = YYYY-MM-DD` in the front matter "
                                   "(or start the file name with it); listed last")
    return None
