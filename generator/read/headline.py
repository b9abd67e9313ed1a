"""Where the story starts and which line above it is the headline.

The lead is the first line that reads like a sentence, opens with a dateline naming an agency,
or stands under a dateline. The headline is chosen among the lines above it by evidence,
never by outlet: it is printed again on the page (not merely on the next line, which is a
photo's alt text and caption), or else it is the longer of the first two lines that read
like a headline (a few words, Arabic, not a date, a dateline, a byline or a menu) near the
top. A page pasted from the dateline down, or a one-paragraph item, has none."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..text.arabic import arabic_share, match_key, word_count
from . import boilerplate
from .dateline import agency_english, match_inline, match_own_line
from .dates import find_dates
from .lines import BULLET, FULL_STOP_INSIDE, MAX_DATE_LINE_WORDS, SENTENCE_END, STATEMENT_END, Block

MIN_HEADLINE_WORDS = 4  # fewer: a category, a photo's subject, `البنك المركزي المصري`
MAX_HEADLINE_WORDS = 40
MIN_HEADLINE_ARABIC = 0.75  # share of letters: `Sada Elbalad english` is a menu, not a headline


@lru_cache(maxsize=1024)  # asked of a line by the lead, the tags, the headline's copies and the header
def opens_story(block: Block) -> bool:
    """The lead, or a paragraph: opening with a dateline, ending like a statement (a headline
    may ask or exclaim), longer than a headline (Youm7's run to 30 words without a full stop),
    or holding a whole sentence (`... الأولى. 04.03.2026, سبوتنيك عربي`)."""
    words = word_count(block.text)
    unnumbered = boilerplate.ENUMERATOR.sub("", block.text)  # `1. تخطي إلى المحتوى` has no full stop
    return not block.heading and match_own_line(block.text) is None and (  # `مسقط ـ العُمانية:`
        words > MAX_HEADLINE_WORDS or FULL_STOP_INSIDE.search(unnumbered) is not None
        or words >= 3 and STATEMENT_END.search(block.text) is not None  # `المتوسط:` is a label
        or words > 12 and SENTENCE_END.search(block.text) is not None
        # last, as the dearest test: `الكويت - 29 - 7 (كونا) -- استذكر`, cut by a line break
        or _opens_with_agency(block.text))


def after_dateline(blocks: list[Block], i: int) -> bool:
    """Whether blocks[i] follows a dateline on its own line: the lead, whatever its shape
    (a first line cut by a line break, `أكد الوزير ... بهدف`, is no headline)."""
    return i > 0 and not blocks[i].heading and match_own_line(blocks[i - 1].text) is not None


def _opens_with_agency(text: str) -> bool:
    """A dateline naming an agency we know; not `سياسي / أمير دولة قطر: ...`, a category and
    a headline's speaker."""
    found = match_inline(text)
    return found is not None and agency_english(found.agency) != ""


def is_deck(text: str) -> bool:
    """A deck under the headline, kept as the story's first paragraph: headline-length, with
    a headline's punctuation (`السفير السعودي: تطوير للشراكة ...`, `... قياسية... و30 فعالية`),
    unlike a photo's subject or a category."""
    return word_count(text) >= MIN_HEADLINE_WORDS and ("..." in text or ".." in text or ": " in text) \
        and match_own_line(text) is None


def choose_headline(above: list[Block], blocks: list[Block], arabic: Callable[[], bool]) -> Block | None:
    """The line above the lead printed again on the page (alone, or with a caption glued to
    it), else the longer of the first two that read like a headline (a kicker above it is
    shorter; a photo's caption or alt text further down may be longer); a shorter one without
    digits (not `22 الاعلامي`, a view count and a category) only when no longer one reads like one.
    On an Arabic page (`arabic()`, asked only of a line in another script) a headline is Arabic."""
    readable = [block for block in above if reads_like_headline(block.text)
                and (arabic_share(block.text) >= MIN_HEADLINE_ARABIC or not arabic())]
    full = [block for block in readable if word_count(block.text) >= MIN_HEADLINE_WORDS]
    if not full:
        return next((block for block in readable if not any(char.isdigit() for char in block.text)), None)
    printed = [match_key(block.text) + " " for block in blocks]
    # Printed again, but not on the next line: that is a photo's alt text and its caption.
    paired = {first.line for first, second, second_printed in zip(blocks, blocks[1:], printed[1:])
              if second.line == first.line + 1 and second_printed.startswith(match_key(first.text) + " ")}
    again = [block for block in full if block.line not in paired
             and sum(text.startswith(match_key(block.text) + " ") for text in printed) > 1]
    if again:  # the first of its copies: whole above one cut short, bare above one with a caption glued
        first_copy = match_key(again[0].text) + " "
        copies = [again[0]] + [block for block in full if match_key(block.text).startswith(first_copy)]
        # not the browser's title bar, the headline with the section and the site (`... | أخبار | DW`)
        return min(copies, key=lambda block: (" | " in block.text, block.line))
    first, *second = full[:2]
    if second and is_deck(second[0].text) and not is_deck(first.text) \
            and word_count(first.text) >= MIN_HEADLINE_WORDS + 2:
        return first  # the deck under it is longer: `صنعاء: مرجعيات إيرانية تدعم الحوثيين.. وعلى طهران ...`
    return max(full[:2], key=lambda block: word_count(block.text))


def reads_like_headline(text: str) -> bool:
    words = word_count(text)
    return (words <= MAX_HEADLINE_WORDS and not text.endswith(":") and not BULLET.match(text)
            and match_own_line(text) is None and not boilerplate.is_navigation(text)
            and not (words <= MAX_DATE_LINE_WORDS and find_dates(text)))


def headline_again(story: list[Block], headline: Block | None) -> list[Block]:
    """The headline printed again with a photo's caption glued to it (`النقل: ... بالعتبة`), or
    cut short."""
    if headline is None:
        return []
    start = match_key(headline.text) + " "
    return [block for block in story if not opens_story(block) and (
        match_key(block.text).startswith(start) or start.startswith(match_key(block.text) + " "))]
