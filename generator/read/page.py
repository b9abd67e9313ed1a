"""Which lines of a pasted page are the story, and which one is its headline.

`boilerplate.classify` names lines that are furniture wherever they stand. Other furniture
shows only against the whole page, as pasted from a browser:
- a line printed more than once: a photo caption under and over the photo, the headline
  again in a "share" box, a menu's credits twice. Later copies are furniture, and short
  ones (a caption of two words) are furniture in every copy ("repeated line"); a short
  line printed again on the next line, whole or with more words, is a photo's alt text and
  caption, both furniture ("photo caption");
- a run of headline-length lines with no blank line between them, before the story: a
  ticker, a menu, a "most read" box ("link list");
- lines before the headline: the site's name, a category, a menu ("page header");
- short lines after the story's last sentence: tags, a related headline ("page footer");
- the page's last lines, two or more, cut off with an ellipsis: other stories ("teaser");
- a post embedded from a social network: its signature line and its text ("embedded post").
The headline is chosen among the lines above the lead by evidence, never by outlet: it is
printed again on the page, or else it is the longer of the first two lines that read like a headline (a few
words, Arabic, not a date, a dateline, a byline or a menu) near the top. A page pasted from the dateline
down, or a one-paragraph item, has none.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..text.arabic import arabic_share, match_key
from ..text.names import is_given_name
from . import boilerplate
from .dateline import AGENCIES, agency_english, match_inline, match_own_line
from .dates import find_dates

MIN_HEADLINE_WORDS = 4  # fewer: a category, a photo's subject, `البنك المركزي المصري`
MAX_HEADLINE_WORDS = 40
MIN_HEADLINE_ARABIC = 0.75  # share of letters: `Sada Elbalad english` is a menu, not a headline
SHORT_REPEAT_WORDS = 4  # a repeated line this short is furniture in every copy
LIST_RUN = 4  # adjacent headline-like lines that make a list; a header has headline, deck, caption
MAX_TAG_LINE_WORDS = 8
MAX_DATE_LINE_WORDS = 10
MAX_DATE_LINE_REST = 6  # words besides the date: `تم نشره في`, `آخر تحديث`, a byline
MAX_UNSTAMPED_REST = 2  # without a time, a `|` or a cue: `الأحد، 15 مارس 2020`, not `صباح الخير، إليكم ...`
MAX_UI_WORDS = 6
MAX_CAPTION_WORDS = 20
MAX_CREDIT_WORDS = 4  # `© مراقبون`, `(تصوير: محمد علي)` after a caption printed twice
MAX_CREDITED_CAPTION_WORDS = 40  # credited by name (`تصوير : محمود طه`, `_ "أ ب"`), a caption runs long
_CREDITS = "|".join(re.escape(name) for name in sorted(
    list(AGENCIES) + ["الأوروبية", "الفرنسية", "غيتي", "غيتي إيميجز", "الأناضول", "ناشطون", "مواقع التواصل",
                      "شترستوك", "وكالات", "أرشيف", "أرشيفية", "صورة أرشيفية", "AFP", "EPA", "Getty", "Reuters", "AP"],
    key=len, reverse=True))
# A caption ends with its credit: `(وام)`, `(ناشطون)`, `- أرشيفية`, `(صورة أرشيفية)`,
# `_ "أ ب"`, `- سبوتنيك عربي` (an alt text with the site's name), `صورة من: DW`,
# `الصورة: أ ف ب`; a headline's `(صور)` or `(فيديو)` announces media and is no credit.
# Above the headline only a photo agency's credit marks a caption: `(الأوروبية)`, not a
# headline's `(محدث)`.
_PHOTOGRAPHER = r"(?:صورة|الصورة|تصوير|Photo|Bild)(?:\s+من)?\s*:\s*\S+(?:\s+\S+){0,3}\s*$"
_CREDITED_BY = rf"\s[-–_]\s*[\"«“]?(?:{_CREDITS})(?:\s+عربي)?[\"»”]?\s*$"
_CAPTION = re.compile(r"(?:\((?!\s*(?:صور|بالصور|فيديو|بالفيديو|شاهد|فيديوجراف|انفوجراف)\s*\))[^()]{1,25}\)"
                      r"|[-–]\s*(?:صورة\s+)?[أا]رشيف(?:ية)?)\s*$|" + _CREDITED_BY + "|" + _PHOTOGRAPHER)
_CREDITED = re.compile(_CREDITED_BY + "|" + _PHOTOGRAPHER)
_PHOTO_CREDIT = re.compile(rf"\(\s*(?:{_CREDITS})\s*\)\s*$")
SENTENCE_END = re.compile(r"[.!?؟…:،,؛][”»\"')\]’]*$")
_FULL_STOP_INSIDE = re.compile(r"[^.\s]\.\s+\S")  # one full stop, not `..` or a decimal
_TEASER_END = re.compile(r"[^.\s](?:\.\.\.|…)$")  # cut mid-sentence: `... نحو...`, not `... (...)`
MIN_TEASERS = 2  # one cut line may be the story's own end, lost in the copy
_POST_SIGNATURE = re.compile(r"^[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s*[^()\n]{0,30}\d{4}\s*$")
BULLET = re.compile(r"^[-–•*▪●]\s")  # a highlight of the story, never another story's link
STATEMENT_END = re.compile(r"[.…:،,؛][”»\"')\]’]*$")  # a headline may end in ؟ or !


@dataclass(frozen=True)
class Block:
    line: int
    text: str
    heading: bool = False  # explicitly marked (Markdown); wire headings are inferred


@dataclass(frozen=True)
class Page:
    headline: Block | None  # None: the page starts at its dateline or lead
    body: list[Block]  # what follows the headline, furniture removed
    dropped: list[tuple[int, str, str]]  # (line, rule, text)


def read_page(blocks: list[Block], *, wire: bool) -> Page:
    """Split a page's blocks into headline, story and furniture. Markdown marks its title
    (the first block), so only wire copy has its headline chosen."""
    rules = _line_rules(blocks, wire)
    kept = [block for block, rule in zip(blocks, rules) if rule is None]
    if not wire or not kept:
        return Page(kept[0] if kept else None, kept[1:], _dropped(blocks, rules))
    by_line = {block.line: index for index, block in enumerate(blocks)}
    lead = next((i for i, block in enumerate(kept) if opens_story(block) or after_dateline(kept, i)), len(kept))
    for block in _link_lists(blocks, kept[:lead]):
        rules[by_line[block.line]] = "link list"
    for block in _alt_texts(kept[lead + 1:]):
        rules[by_line[block.line]] = "photo caption"
    above = [block for block in kept[:lead] if rules[by_line[block.line]] is None]
    arabic = arabic_share(" ".join(block.text for block in kept)) >= 0.5
    headline = _choose_headline(above, blocks, arabic)
    for block in above[:above.index(headline)] if headline else ():
        rules[by_line[block.line]] = "page header"
    story = [block for block in kept if rules[by_line[block.line]] is None and block is not headline]
    for block in _headline_again(story, headline):
        rules[by_line[block.line]] = "repeated line"
    story = [block for block in story if rules[by_line[block.line]] is None]
    for block in _photo_pairs(blocks, story):
        rules[by_line[block.line]] = "photo caption"
    story = [block for block in story if rules[by_line[block.line]] is None]
    for block in _tags(story):
        rules[by_line[block.line]] = "page footer"
    body = [block for block in story if rules[by_line[block.line]] is None]
    return Page(headline, body, _dropped(blocks, rules))


def opens_story(block: Block) -> bool:
    """The lead, or a paragraph: opening with a dateline, ending like a statement (a headline
    may ask or exclaim), longer than a headline (Youm7's run to 30 words without a full stop),
    or holding a whole sentence (`... الأولى. 04.03.2026, سبوتنيك عربي`)."""
    words = len(block.text.split())
    unnumbered = boilerplate.ENUMERATOR.sub("", block.text)  # `1. تخطي إلى المحتوى` has no full stop
    return not block.heading and match_own_line(block.text) is None and (  # `مسقط ـ العُمانية:`
        _opens_with_agency(block.text)  # `الكويت - 29 - 7 (كونا) -- استذكر`, cut by a line break
        or words > MAX_HEADLINE_WORDS or _FULL_STOP_INSIDE.search(unnumbered) is not None
        or words >= 3 and STATEMENT_END.search(block.text) is not None  # `المتوسط:` is a label
        or words > 12 and SENTENCE_END.search(block.text) is not None)


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
    return len(text.split()) >= MIN_HEADLINE_WORDS and ("..." in text or ".." in text or ": " in text) \
        and match_own_line(text) is None


def _dropped(blocks: list[Block], rules: list[str | None]) -> list[tuple[int, str, str]]:
    return [(block.line, rule, block.text) for block, rule in zip(blocks, rules) if rule is not None]


def _line_rules(blocks: list[Block], wire: bool) -> list[str | None]:
    """Each line's furniture rule (None: story text), from the line and the lines around it."""
    copies = Counter(_same(block.text) for block in blocks) if wire else Counter()
    # In an Arabic article a short line mostly in Latin letters is the site's UI or a menu.
    arabic = arabic_share(" ".join(block.text for block in blocks)) >= 0.5
    seen: set[str] = set()
    rules: list[str | None] = []
    in_link_list = seen_title = False
    previous_line = 0
    for block in blocks:
        key = _same(block.text)
        in_link_list = in_link_list and block.line == previous_line + 1  # a blank line ends the list
        previous_line = block.line
        rule = boilerplate.classify(block.text, before_title=not seen_title)
        if rule is None and wire:
            rule = _page_rule(block.text, arabic, after_title=seen_title)
        if rule is None and copies[key] > 1 and (key in seen or len(key.split()) < SHORT_REPEAT_WORDS):
            rule = "repeated line"
        if rule is None and in_link_list and not SENTENCE_END.search(block.text):
            rule = "related link"  # headlines listed under `اقرأ أيضاً:`
        in_link_list = (rule is not None and boilerplate.opens_link_list(block.text)) or (
            in_link_list and rule == "related link")
        seen_title = seen_title or rule is None
        seen.add(key)
        rules.append(rule)
    for index in _embedded_posts(blocks):
        rules[index] = "embedded post"
    for index in _teasers(blocks, rules):
        rules[index] = "teaser"
    for index in _video_titles(blocks, rules):
        rules[index] = "video title"
    for index in _closing_links(blocks, rules):
        rules[index] = "related link"
    for index in range(_footer_start(blocks, rules), len(blocks)):
        rules[index] = rules[index] or "site footer"
    return rules


def _closing_links(blocks: list[Block], rules: list[str | None]) -> list[int]:
    """The lines after the page's last bare `ترشيحات..` cue, blank lines between them, when
    each reads like a headline or opens another story with its dateline (`السويداء-سانا
    تفقد ...`): other stories, not this one's end."""
    cue = max((i for i, block in enumerate(blocks) if rules[i] and boilerplate.opens_link_list(block.text)),
              default=len(blocks))
    after = [i for i in range(cue + 1, len(blocks)) if rules[i] is None]
    if all(_reads_like_headline(blocks[i].text) and not SENTENCE_END.search(blocks[i].text)
           or match_inline(blocks[i].text) for i in after):
        return after
    return []


def _video_titles(blocks: list[Block], rules: list[str | None]) -> list[int]:
    """The headline-like line after a video player's prompt and running time (`مشاهدة الفيديو
    24:49`): the title of another story's video."""
    found: list[int] = []
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if rules[index] == "prompt" and _TIME.search(block.text) and rules[index + 1] is None \
                and _reads_like_headline(following.text) and not STATEMENT_END.search(following.text):
            found.append(index + 1)
    return found


def _alt_texts(story: list[Block]) -> list[Block]:
    """Under the lead, a photo's alt text with the site's name (`سيرغي لافروف - سبوتنيك عربي`):
    dateline-shaped, but the place is a person, opening with a given name."""
    found = []
    for block in story:
        dateline = match_own_line(block.text)
        if dateline and dateline.agency and is_given_name(match_key(dateline.place.split()[0])):
            found.append(block)
    return found


def _embedded_posts(blocks: list[Block]) -> list[int]:
    """A post embedded from a social network: its signature (`— Name (@handle) August 28,
    2025`) and the post's text on the line just above it."""
    found: list[int] = []
    for index, block in enumerate(blocks):
        if _POST_SIGNATURE.match(block.text):
            found.append(index)
            if index and blocks[index - 1].line == block.line - 1:
                found.append(index - 1)
    return found


def _teasers(blocks: list[Block], rules: list[str | None]) -> list[int]:
    """The page's last lines when MIN_TEASERS or more of them are cut off with an ellipsis
    (`تستقبل موانئ البحر الأحمر ... نحو...`): other stories' openings, not this one's end."""
    found: list[int] = []
    for index in range(len(blocks) - 1, -1, -1):
        if rules[index] is None and not _TEASER_END.search(blocks[index].text):
            break
        if rules[index] is None:
            found.append(index)
    return found if len(found) >= MIN_TEASERS else []


def _page_rule(text: str, arabic: bool, after_title: bool) -> str | None:
    """Furniture of a pasted web page: its UI in another script (`Exit mobile version`,
    `video`, `TT`), date lines, and photo captions with their credit."""
    words = len(text.split())
    if arabic and words <= MAX_UI_WORDS and arabic_share(text) < 0.5:
        return "site UI"
    if is_date_line(text):
        return "date line"
    longest = MAX_CREDITED_CAPTION_WORDS if _CREDITED.search(text) else MAX_CAPTION_WORDS
    if words <= longest and not SENTENCE_END.search(text) and match_own_line(text) is None \
            and (_CAPTION.search(text) if after_title else _PHOTO_CREDIT.search(text)):
        return "photo caption"
    return None


_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_DATE_CUES = frozenset(match_key("نشر نشره نشرت تحديث محدث تاريخ التاريخ المصدر كتب كتبت بقلم").split())


def is_date_line(text: str) -> bool:
    """`الأحد 30-10-2016 22:27 | كتب: بسام رمضان |`, `تم نشره في السبت 28 آذار / مارس 2015.
    03:00 مـساءً`, `Reporter, Reporter | 07.04.2024 - محدث : 08.04.2024`: a date with its time,
    byline or cue, and a few words more; never a dateline (`الرياض 14 مايو 2024 واس`)."""
    dates = find_dates(text)
    if not dates or len(text.split()) > MAX_DATE_LINE_WORDS + 4 or match_own_line(text) is not None:
        return False
    rest = text
    for found in reversed(dates):
        rest = rest[:found.start] + " " + rest[found.end:]
    words = [w for w in _TIME.sub(" ", rest).split() if any(c.isalpha() for c in w)]
    stamped = _TIME.search(text) or "|" in text or not _DATE_CUES.isdisjoint(match_key(rest).split())
    return len(words) <= (MAX_DATE_LINE_REST if stamped else MAX_UNSTAMPED_REST)


def _same(text: str) -> str:
    return " ".join(match_key(text).split())


def _footer_start(blocks: list[Block], rules: list[str | None]) -> int:
    """Where the page footer begins: the earliest boilerplate line after which every line is
    boilerplate or the site speaking of itself (`يعرض موقع الوكالة ...`, `معاييرنا: ...`)."""
    start = len(blocks)
    for index in range(len(blocks) - 1, -1, -1):
        if rules[index] is not None:
            start = index
        elif not boilerplate.speaks_of_site(blocks[index].text):
            break
    return start


def _link_lists(blocks: list[Block], above: list[Block]) -> list[Block]:
    """Lines above the lead that stand in a run of adjacent lines (no blank line between,
    whatever was dropped in it) of which LIST_RUN or more read like headlines."""
    candidates = {block.line for block in above}
    runs: list[list[Block]] = []
    for block in blocks:
        if runs and block.line == runs[-1][-1].line + 1:
            runs[-1].append(block)
        else:
            runs.append([block])
    listed = []
    for run in runs:
        items = [b for b in run if b.line in candidates and _reads_like_headline(b.text)
                 and len(b.text.split()) >= MIN_HEADLINE_WORDS]
        if len(items) >= LIST_RUN:
            listed += [b for b in run if b.line in candidates and not BULLET.match(b.text)]
    return listed


def _choose_headline(above: list[Block], blocks: list[Block], arabic: bool) -> Block | None:
    """The line above the lead printed again on the page (alone, or with a caption glued to
    it), else the longer of the first two that read like a headline (a kicker above it is
    shorter; a photo's caption or alt text further down may be longer); a shorter one without
    digits (not `22 الاعلامي`, a view count and a category) only when no longer one reads like one."""
    readable = [block for block in above if _reads_like_headline(block.text)
                and (not arabic or arabic_share(block.text) >= MIN_HEADLINE_ARABIC)]
    full = [block for block in readable if len(block.text.split()) >= MIN_HEADLINE_WORDS]
    if not full:
        return next((block for block in readable if not any(char.isdigit() for char in block.text)), None)
    printed = [_same(block.text) + " " for block in blocks]
    # Printed again, but not on the next line: that is a photo's alt text and its caption.
    paired = {first.line for first, second in zip(blocks, blocks[1:])
              if second.line == first.line + 1 and printed[blocks.index(second)].startswith(_same(first.text) + " ")}
    again = [block for block in full if block.line not in paired
             and sum(text.startswith(_same(block.text) + " ") for text in printed) > 1]
    if again:  # the first of its copies: whole above one cut short, bare above one with a caption glued
        copies = [again[0]] + [block for block in full if _same(block.text).startswith(_same(again[0].text) + " ")]
        # not the browser's title bar, the headline with the section and the site (`... | أخبار | DW`)
        return min(copies, key=lambda block: (" | " in block.text, block.line))
    first, *second = full[:2]
    if second and is_deck(second[0].text) and not is_deck(first.text) \
            and len(first.text.split()) >= MIN_HEADLINE_WORDS + 2:
        return first  # the deck under it is longer: `صنعاء: مرجعيات إيرانية تدعم الحوثيين.. وعلى طهران ...`
    return max(full[:2], key=lambda block: len(block.text.split()))


def _reads_like_headline(text: str) -> bool:
    words = len(text.split())
    return (words <= MAX_HEADLINE_WORDS and not text.endswith(":") and not BULLET.match(text)
            and match_own_line(text) is None and not boilerplate.is_navigation(text)
            and not (words <= MAX_DATE_LINE_WORDS and find_dates(text)))


def _headline_again(story: list[Block], headline: Block | None) -> list[Block]:
    """The headline printed again with a photo's caption glued to it (`النقل: ... بالعتبة`), or
    cut short."""
    if headline is None:
        return []
    start = _same(headline.text) + " "
    return [block for block in story if not opens_story(block) and (
        _same(block.text).startswith(start) or start.startswith(_same(block.text) + " "))]


def _photo_pairs(blocks: list[Block], story: list[Block]) -> list[Block]:
    """A photo's alt text and its caption, printed on adjacent lines, the second the same
    words or more (`السفير سامح شكرى،` over `السفير سامح شكرى، وزير خارجية مصر`), or, however
    long, the same words and a credit: neither is the story, which never says a thing twice
    in a row."""
    kept = {block.line for block in story}
    found: list[Block] = []
    for first, second in zip(blocks, blocks[1:]):
        words = len(second.text.split())
        short = words <= MAX_CAPTION_WORDS or words - len(first.text.split()) <= MAX_CREDIT_WORDS
        if first.line in kept and second.line == first.line + 1 and short \
                and (_same(second.text) + " ").startswith(_same(first.text) + " "):
            found += [first] + ([second] if second.line in kept else [])
    return found


def _tags(story: list[Block]) -> list[Block]:
    """Short lines after the last one that ends like a sentence, or two or more that read
    like headlines: a story does not end on a sub-headline, so they are tags (`الفيوم
    التموين الخبز`) or related headlines."""
    last = max((i for i, block in enumerate(story) if opens_story(block)), default=None)
    if last is None:
        return []
    after = [block for block in story[last + 1:] if not SENTENCE_END.search(block.text)]
    if len(after) >= 2 and all(_reads_like_headline(block.text) for block in after):
        return after  # related headlines, however long: `الخارجية ...: الانتهاكات ... نحو "غابة"`
    return [block for block in after if len(block.text.split()) <= MAX_TAG_LINE_WORDS]
