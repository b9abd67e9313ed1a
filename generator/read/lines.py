"""One line of a pasted page, as the page readers see it: a `Block`, the shapes every reader
shares (how a sentence or a statement ends), and the furniture a line shows by itself once
the page's language is known: the site's UI in another script, date lines, and photo
captions with their credit."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..text.arabic import arabic_share, match_key, word_count
from .dateline import AGENCIES, match_own_line
from .dates import find_dates

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
# From the credit's dash, with the space behind it: re skips to a dash, not to every space.
_CREDITED_BY = rf"[-–_](?<=\s[-–_])\s*[\"«“]?(?:{_CREDITS})(?:\s+عربي)?[\"»”]?\s*$"
_CAPTION = re.compile(r"(?:\((?!\s*(?:صور|بالصور|فيديو|بالفيديو|شاهد|فيديوجراف|انفوجراف)\s*\))[^()]{1,25}\)"
                      r"|[-–]\s*(?:صورة\s+)?[أا]رشيف(?:ية)?)\s*$|" + _CREDITED_BY + "|" + _PHOTOGRAPHER)
# Two patterns, not one of two branches: each then opens with characters re skips to.
_CREDIT_LINE, _PHOTOGRAPHER_LINE = re.compile(_CREDITED_BY), re.compile(_PHOTOGRAPHER)
_PHOTO_CREDIT = re.compile(rf"\(\s*(?:{_CREDITS})\s*\)\s*$")
SENTENCE_END = re.compile(r"[.!?؟…:،,؛][”»\"')\]’]*$")
STATEMENT_END = re.compile(r"[.…:،,؛][”»\"')\]’]*$")  # a headline may end in ؟ or !
# One full stop, not `..` or a decimal; looked for from the stop, which re skips to fast (a
# pattern opening with the character before it is tried at nearly every character).
FULL_STOP_INSIDE = re.compile(r"\.(?<=[^.\s]\.)\s+\S")
BULLET = re.compile(r"^[-–•*▪●]\s")  # a highlight of the story, never another story's link


@dataclass(frozen=True)
class Block:
    line: int
    text: str
    heading: bool = False  # explicitly marked (Markdown); wire headings are inferred


def page_rule(text: str, arabic: Callable[[], bool], after_title: bool) -> str | None:
    """Furniture of a pasted web page: its UI in another script (`Exit mobile version`,
    `video`, `TT`) when `arabic()` says the page is Arabic, date lines, and photo captions
    with their credit."""
    words = word_count(text)
    if words <= MAX_UI_WORDS and arabic_share(text) < 0.5 and arabic():
        return "site UI"
    if is_date_line(text):
        return "date line"
    short = words <= MAX_CAPTION_WORDS or (  # the credit is looked for only where it decides
        words <= MAX_CREDITED_CAPTION_WORDS
        and (_CREDIT_LINE.search(text) or _PHOTOGRAPHER_LINE.search(text)) is not None)
    if short and not SENTENCE_END.search(text) and match_own_line(text) is None \
            and (_CAPTION.search(text) if after_title else _PHOTO_CREDIT.search(text)):
        return "photo caption"
    return None


TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_DATE_CUES = frozenset(match_key("نشر نشره نشرت تحديث محدث تاريخ التاريخ المصدر كتب كتبت بقلم").split())


def is_date_line(text: str) -> bool:
    """`الأحد 30-10-2016 22:27 | كتب: بسام رمضان |`, `تم نشره في السبت 28 آذار / مارس 2015.
    03:00 مـساءً`, `Reporter, Reporter | 07.04.2024 - محدث : 08.04.2024`: a date with its time,
    byline or cue, and a few words more; never a dateline (`الرياض 14 مايو 2024 واس`)."""
    if word_count(text) > MAX_DATE_LINE_WORDS + 4:  # before looking for dates: a paragraph is long
        return False
    dates = find_dates(text)
    if not dates or match_own_line(text) is not None:
        return False
    rest = text
    for found in reversed(dates):
        rest = rest[:found.start] + " " + rest[found.end:]
    words = [w for w in TIME.sub(" ", rest).split() if any(c.isalpha() for c in w)]
    stamped = TIME.search(text) or "|" in text or not _DATE_CUES.isdisjoint(match_key(rest).split())
    return len(words) <= (MAX_DATE_LINE_REST if stamped else MAX_UNSTAMPED_REST)
