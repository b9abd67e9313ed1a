"""Datelines: where a story was filed and by which agency.

Agencies write them in a few shapes, on their own line or opening the first paragraph:
    عواصم-سانا                  موسكو-سانا أكد ...          (SANA)
    أنقرة/ الأناضول              إسطنبول/ أحمد يلماز/ الأناضول  (Anadolu, with the reporter)
    بيروت (رويترز) - قال ...     باريس (أ ف ب) -              (Reuters, AFP)
    الرياض 14 جمادى الأولى 1437 هـ الموافق 23 فبراير 2016 م واس   (SPA)
    أسوان _ هبة الله منصور       (an Egyptian paper: the place and its reporter, no agency)
A dateline on its own line may name any agency; at the start of a paragraph, where it runs
into the text, the agency must be one we know or glued to the place (`موسكو-سانا`), so
that an ordinary sentence opening with a dash is never cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..text.arabic import match_key, word_count
from ..text.names import is_given_name
from .dates import MONTH_PATTERN

# Arabic spelling -> English name; the English side also names the agency on English pages.
AGENCIES: dict[str, str] = {
    "سانا": "SANA", "واس": "SPA", "الأناضول": "Anadolu", "رويترز": "Reuters",
    "أ ف ب": "AFP", "أ.ف.ب": "AFP", "فرانس برس": "AFP", "د ب أ": "dpa", "أ ب": "AP",
    "أسوشيتد برس": "AP", "قنا": "QNA", "وام": "WAM", "كونا": "KUNA", "بترا": "Petra",
    "وفا": "WAFA", "تاس": "TASS", "سبوتنيك": "Sputnik", "شينخوا": "Xinhua", "إرنا": "IRNA",
    "روسيا اليوم": "RT", "RT": "RT", "واع": "INA", "أ ش أ": "MENA", "سبأ": "Saba", "بنا": "BNA",
    "العمانية": "ONA", "الأنباء الأردنية": "Petra", "يونا": "UNA", "الوكالة الوطنية": "NNA",
}
_AGENCY_KEYS = {match_key(name): name for name in AGENCIES}
_KNOWN = "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True))

_SEP = r"/\-–—"  # characters that separate place, reporter and agency
_PLACE_WORDS = rf"[^\W\d_][^\s{_SEP}():،,.]*(?: (?!في\s)[^\W\d_][^\s{_SEP}():،,.]*){{0,2}}"  # `دبي في 4 يناير`
_PLACE = rf"(?P<place>{_PLACE_WORDS})"

# A date between place and agency: `دبي في 4 يناير /وام/`, `الكويت - 29 - 7 (كونا) --`,
# `أبوظبي في الأول من ديسمبر/ وام/` (the day as an ordinal),
# `عمان 3 كانون الأول (بترا)-`; the agency in brackets or between slashes.
_D = "[0-9٠-٩]"
# The month's name is written once, after either kind of day: it is most of the pattern to compile.
_DAY = (rf"(?:{_D}{{1,2}}\s*[{_SEP}.]\s*{_D}{{1,2}}(?:\s*[{_SEP}.]\s*{_D}{{2,4}})?"  # `29 - 7`, `11-11-2020`
        rf"|(?:{_D}{{1,2}}\s*|ال[^\W\d_]+(?:\s+(?:عشر|و[^\W\d_]+))?\s+من\s+)"  # `4 يناير`, `الأول من ديسمبر`
        rf"{MONTH_PATTERN}(?:\s+{_D}{{4}})?)")  # `3 كانون الأول 2016`
_DATED = (rf"^{_PLACE}\s*(?:[{_SEP}]\s*)?(?:في\s+)?(?:{_DAY})\s*"
          rf"(?:\(\s*(?P<agency>[^()]{{1,30}}?)\s*\)|/\s*(?P<slashed>[^/()]{{1,20}}?)\s*/)\s*[{_SEP}:]*\s*")
# The agency first: `واس - الرياض:`.
_AGENCY_FIRST = rf"^(?P<agency>{_KNOWN})\s*[{_SEP}]\s*{_PLACE}\s*[{_SEP}:]?\s*"

_OUTLET_WORDS = frozenset(match_key("نيوز أخبار الأخبار وكالة قناة تلفزيون news tv").split())

class _Patterns(NamedTuple):
    own_line: list[re.Pattern[str]]  # on its own line: each matches the whole line
    place_reporter: re.Pattern[str]
    inline: list[re.Pattern[str]]  # opening a paragraph
    dated_place: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """Compiled on first use: 0.04 s, which a build with nothing to read
    (a no-op rebuild) need not pay."""
    dated = re.compile(_DATED)  # compiled once for both uses: it holds the month names
    return _Patterns(
        own_line=[
            dated,
            re.compile(_AGENCY_FIRST),
            re.compile(rf"^{_PLACE}\s*\(\s*(?P<agency>[^()]{{1,30}}?)\s*\)\s*[{_SEP}]?\s*"),
            re.compile(rf"^{_PLACE}\s*[{_SEP}]\s*(?:[^{_SEP}]{{1,40}}?\s*[{_SEP}]\s*)?"
                       rf"(?P<agency>[^\W\d_][^{_SEP}():]{{0,29}}?)\s*[{_SEP}:]?\s*"),
            re.compile(rf"^{_PLACE}\s+(?=.*\d).{{0,80}}?\s(?P<agency>{_KNOWN})\s*[{_SEP}:]?\s*"),
        ],
        # A governorate and its reporter, no agency (Egyptian papers): `أسوان _ هبة الله منصور`.
        place_reporter=re.compile(rf"^{_PLACE}\s+_+\s+[^\W\d_]+(?:\s+[^\W\d_]+){{0,3}}\s*$"),
        # Opening a paragraph: a known agency, one glued to the place by a dash (موسكو-سانا), or
        # any source between a dash and a colon (`القاهرة - مباشر:`, `لندن- “القدس العربي”:`).
        inline=[
            dated,
            re.compile(rf"^{_PLACE}\s+(?:{_DAY})\s+(?P<agency>{_KNOWN})\s*[{_SEP}:]+\s*"),  # `رام الله 11-11-2020 وفا-`
            re.compile(_AGENCY_FIRST + r"(?<=[\s:])"),
            # The country in brackets after the city: `كولومبو (سريلانكا) – سبوتنيك. قال`.
            re.compile(rf"^(?P<place>{_PLACE_WORDS}\s*\([^()]{{1,20}}\))\s*[{_SEP}]\s*(?P<agency>{_KNOWN})\s*[.:{_SEP}]\s+"),
            re.compile(rf"^{_PLACE}\s*\(\s*(?P<agency>[^()]{{1,30}}?)\s*\)\s*[{_SEP}:]\s*"),
            re.compile(rf"^{_PLACE}\s*[{_SEP}]\s*(?P<agency>{_KNOWN})\s*[.{_SEP}:]?\s+"),  # `موسكو — سبوتنيك. وبحسب`
            re.compile(r"^(?P<place>[^\W\d_]\w*)[\-–—](?P<agency>[^\W\d_]\w*)\s*:?\s+(?=\S)"),
            re.compile(rf"^{_PLACE}\s*[{_SEP}]\s*[“«\"]?(?P<agency>[^\W\d_][^{_SEP}():،,.“”«»\"]{{0,25}}?)[”»\"]?\s*:\s+(?=\S)"),
        ],
        # A place and its date, then a slash, no agency (Xinhua's Arabic copy): `بكين 24 فبراير 2016 / ذكرت`.
        dated_place=re.compile(rf"^{_PLACE}\s+(?:في\s+)?(?:{_DAY})\s*/\s+(?=\S)"),
    )


# A tatweel standing alone is a dash (`مسقط ـ العُمانية:`): one character for another, so
# offsets into the paragraph hold.
_TATWEEL_DASH = re.compile(r"(?<=\s)ـ+(?=\s)")


@dataclass(frozen=True)
class DatelineMatch:
    place: str
    agency: str
    rest: str  # the paragraph text after an inline dateline ("" on its own line)


def _agency_words_ok(agency: str) -> bool:
    return 1 <= len(agency.split()) <= 4


def _agency(found: re.Match[str]) -> str:
    return (found.groupdict().get("slashed") or found["agency"] or "").strip()


def _dashes(text: str) -> str:
    if "ـ" not in text:  # most lines have no tatweel: no need to scan them with a pattern
        return text
    return _TATWEEL_DASH.sub(lambda run: "-" * len(run.group()), text)


# The page readers ask about the same line from several rules (a caption? a headline? the
# lead?): each line is matched once. A page has at most a few hundred lines.
@lru_cache(maxsize=1024)
def match_own_line(line: str) -> DatelineMatch | None:
    text = _dashes(line.strip())
    if word_count(line) > 16 or text.endswith((".", "؟", "!")):
        return None
    for pattern in _patterns().own_line:
        found = pattern.fullmatch(text)  # the line is stripped: as `$` would, with no newline to end it
        if found and _agency_words_ok(_agency(found)):
            return _known_agency(text) or _reporter_is_no_agency(
                _outlet_last(DatelineMatch(found["place"].strip(), _agency(found), "")))
    found = _patterns().place_reporter.match(text)
    return DatelineMatch(found["place"].strip(), "", "") if found else None


def _reporter_is_no_agency(found: DatelineMatch) -> DatelineMatch:
    """`كفر الشيخ - إسلام عمار:`: after the place, a person's name (it opens with a given
    name) is the reporter, and the copy names no agency."""
    first = found.agency.split()[:1]
    if first and is_given_name(first[0]) and match_key(found.agency) not in _AGENCY_KEYS:
        return DatelineMatch(found.place, "", found.rest)
    return found


def _known_agency(line: str) -> DatelineMatch | None:
    """`بغداد - واع - آمنة السلامي`: place, agency, reporter; the agency is the part we know."""
    parts = [part.strip() for part in re.split(rf"\s*[{_SEP}]\s*", line) if part.strip()]
    known = [part for part in parts[1:] if match_key(part) in _AGENCY_KEYS]
    return DatelineMatch(parts[0], known[0], "") if len(parts) >= 3 and known else None


def _outlet_last(found: DatelineMatch) -> DatelineMatch:
    """`شفق نيوز- بغداد`: a name that says it is an outlet is the agency, the other the place."""
    if _OUTLET_WORDS.isdisjoint(match_key(found.place).split()) or not _OUTLET_WORDS.isdisjoint(
            match_key(found.agency).split()):
        return found
    return DatelineMatch(found.agency, found.place, found.rest)


@lru_cache(maxsize=1024)
def match_inline(paragraph: str) -> DatelineMatch | None:
    text = _dashes(paragraph)
    for pattern in _patterns().inline:
        found = pattern.match(text)
        if found and _agency_words_ok(_agency(found)):
            rest = paragraph[found.end():].strip()
            if rest:
                return DatelineMatch(found["place"].strip(), _agency(found), rest)
    found = _patterns().dated_place.match(text)
    return DatelineMatch(found["place"].strip(), "", paragraph[found.end():].strip()) if found else None


# Agencies of Syria, Lebanon, Jordan and Palestine, whose readers name months شباط, آذار ...
_LEVANTINE = {"SANA", "NNA", "Petra", "WAFA"}


@lru_cache(maxsize=256)  # asked for every date a list shows; a digest has few agencies
def is_levantine(agency: str) -> bool:
    return agency_english(agency) in _LEVANTINE


def agency_english(agency: str) -> str:
    """The English name of an agency, or "" when we do not know it."""
    name = _AGENCY_KEYS.get(match_key(agency))
    return AGENCIES[name] if name else ""
