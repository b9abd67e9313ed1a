"""Dates that news copy states, so an article without a front-matter date still gets one.

Pasted wire copy writes a date in many ways:
    الثلاثاء 16 أبريل 2024        15 آذار/مارس 2016 م         3 كانون الأول (ديسمبر) 2026
    15 جوان 2016 (Algeria)        15.03.2016   15-3-2016    2026-12-03 14:25   2026/12/03
    [05/ سبتمبر/2024] (Saba)
    الرياض 14 جمادى الأولى 1437 هـ الموافق 23 فبراير 2016 م واس
Only a full day, month and year make a date: a year is never guessed, so `15 مارس` alone
is none. Numbers are read day first, as Arabic copy writes them (03/04/2016 is 3 April,
03/15/2016 no date). Hijri dates are converted with hijridate (Umm al-Qura, the calendar
of SPA and the Saudi press). Digits may be ASCII, Arabic-Indic or Persian: int() reads all
three, and each stays one character, so spans index the text as given.
Every quantifier in the patterns is bounded, so each place in a line costs a bounded amount
of work and a hostile line (200 KB of `1.1.1...`) is scanned in linear time.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from hijridate import Hijri

from ..text.arabic import match_key

# Month by month: the Egyptian and Gulf name, the Levantine and Iraqi ones, the Algerian and
# Tunisian ones, then the Moroccan ones. Spellings that differ only by hamza, ى/ي or ة/ه
# need no entry of their own (see _name).
_GREGORIAN_MONTHS = (
    ("يناير", "كانون الثاني", "كانون ثاني", "جانفي"),
    ("فبراير", "شباط", "فيفري"),
    ("مارس", "آذار"),
    ("أبريل", "نيسان", "أفريل"),
    ("مايو", "أيار", "ماي"),
    ("يونيو", "يونية", "حزيران", "جوان"),
    ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    ("أغسطس", "آب", "أوت", "غشت"),
    ("سبتمبر", "أيلول", "شتنبر"),
    ("أكتوبر", "تشرين الأول", "تشرين أول"),
    ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"),
    ("ديسمبر", "كانون الأول", "كانون أول", "دجنبر"),
)
_HIJRI_MONTHS = (
    ("محرم", "المحرم"), ("صفر",), ("ربيع الأول",), ("ربيع الآخر", "ربيع الثاني"),
    ("جمادى الأولى", "جمادى الأول"), ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"),
    ("رجب",), ("شعبان",), ("رمضان",), ("شوال",), ("ذو القعدة", "ذي القعدة"), ("ذو الحجة", "ذي الحجة"),
)
_WEEKDAYS = ("الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")

# Letters that spelling varies on, as match_key folds them, and the marks it removes
# (diacritics, tatweel, the small alef): a name matched here always has a key below.
# The alefs and the marks are each one range less the characters inside it that they are not:
# as three ranges, each of their ~2,500 copies in the month names costs re a 64K-entry table
# to compile (0.15 s in every process that reads).
_FOLDS = {char: pattern for group, pattern in (("اأإآ", "(?![ؤئ])[آ-ا]"), ("يى", "[يى]"), ("ةه", "[ةه]"))
          for char in group}
_MARKS = "(?:(?![\u0641-\u064a\u0653-\u066f])[\u0640-\u0670]){0,4}"  # tatweel, U+064B-0652, U+0670
_DIGITS = "0-9٠-٩۰-۹"  # ASCII, Arabic-Indic, Persian
_D = f"[{_DIGITS}]"
_SP = r"(?:[^\S\n]|[\u061c\u200e\u200f])"  # a space or a direction mark: no date spans lines
_NOT_LETTER = r"(?![^\W\d_])"


def _name(name: str) -> str:
    return "".join(r"[^\S\n]{1,2}" if char == " " else f"{_FOLDS.get(char, f'[{char}]')}{_MARKS}"
                   for char in name)


def _names(table: Iterable[Iterable[str]]) -> str:
    every = sorted((name for names in table for name in names), key=len, reverse=True)
    return "(?:" + "|".join(_name(name) for name in every) + ")" + _NOT_LETTER


def _keys(table: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    return {match_key(name): month for month, names in enumerate(table, 1) for name in names}


_GREGORIAN_KEYS = _keys(_GREGORIAN_MONTHS)
_HIJRI_KEYS = _keys(_HIJRI_MONTHS)
_MONTH = _names(_GREGORIAN_MONTHS)
MONTH_PATTERN = _MONTH  # a Gregorian month's name in any of its spellings, for datelines

# `[الثلاثاء،] 16 أبريل[،] 2024 [م.]`, `15 آذار/مارس 2016`, `15 مارس آذار 2016`,
# `3 كانون الأول (ديسمبر) 2026`, `14 جمادى الأولى 1437 هـ`; the era must fit the calendar.
# The weekday is part of the span but not checked against the date: copy gets it wrong more
# often than the day's number.
_NAMED = (
    rf"(?:(?<![^\W\d_]){_names([_WEEKDAYS])}{_SP}{{0,2}}[،,]?{_SP}{{1,3}})?"
    rf"(?<!{_D})(?P<day>{_D}{{1,2}}){_SP}{{0,3}}(?:/{_SP}{{0,2}})?"
    rf"(?:(?P<gmon>{_MONTH})(?:{_SP}{{0,2}}(?:/|(?P<paren>\())?{_SP}{{0,2}}"
    rf"(?P<gmon2>{_MONTH})(?(paren){_SP}{{0,2}}\)))?|(?P<hmon>{_names(_HIJRI_MONTHS)}))"
    rf"{_SP}{{0,2}}[،,/]?{_SP}{{0,3}}(?P<year>{_D}{{4}})(?!{_D})"
    rf"(?:{_SP}{{0,2}}(?(hmon)ه(?:ـ{{1,3}}|جرية?)?|م(?:يلادية?)?){_NOT_LETTER}\.?)?"
)
# 15.03.2016, 15/03/2016, 15-3-2016 (one separator throughout); not part of 1.15.03.2016.
_DAY_FIRST = (rf"(?<![{_DIGITS}./\-])(?P<nday>{_D}{{1,2}})(?P<sep>[./\-])(?P<nmon>{_D}{{1,2}})"
              rf"(?P=sep)(?P<nyear>{_D}{{4}})(?![./\-]?{_D})")
# 2026-12-03 and 2026/12/03.
_ISO = (rf"(?<![{_DIGITS}./\-])(?P<iyear>{_D}{{4}})(?P<isep>[/\-])(?P<imon>{_D}{{1,2}})"
        rf"(?P=isep)(?P<iday>{_D}{{1,2}})(?![./\-]?{_D})")


@lru_cache(maxsize=1)
def _date_pattern() -> re.Pattern[str]:
    """Compiled on first use: it takes 0.03 s, which a build with nothing to
    read (a no-op rebuild) need not pay."""
    return re.compile(f"{_NAMED}|{_DAY_FIRST}|{_ISO}")


# The time after a numeric date (2026-12-03 14:25, 2026-12-03T14:25:07) belongs to its span.
_TIME = re.compile(rf"(?:T|{_SP}{{1,2}})(?P<hour>{_D}{{1,2}}):(?P<minute>{_D}{{2}})"
                   rf"(?::(?P<second>{_D}{{2}}))?(?![{_DIGITS}:])")

_EARLIEST = datetime.date(1900, 1, 1)
DATE_LINE_WORDS = 12  # `نشر في: الأحد 15 مارس 2016 - 10:30 ص | آخر تحديث: ...`
DATELINE_REACH = 40  # characters: `الرياض 14 جمادى الأولى 1437 هـ الموافق`, `دبي في 4 يناير 2016 /وام/`
_LETTER = re.compile(r"[^\W\d_]")
_ANY_DIGIT = re.compile(_D)
_TODAY = re.compile(r"(?:اليوم|الموافق|أمس|امس)[^\S\n]{1,3}(?:\S+[^\S\n]{1,3})?$")


@dataclass(frozen=True)
class DateMatch:
    date: datetime.date  # Gregorian, whatever the calendar written
    start: int
    end: int
    calendar: str  # "gregorian" or "hijri": the calendar of the text
    text: str  # text[start:end], as written


def find_dates(text: str) -> tuple[DateMatch, ...]:
    """Every date a line states, in order. A Hijri date followed by `الموافق <date>` gives
    both dates; the caller prefers the Gregorian one."""
    if not _ANY_DIGIT.search(text):  # every date has one; most lines have none
        return ()
    dates = []
    for found in _date_pattern().finditer(text):
        if found["day"]:
            date, calendar = _named(found)
            end = found.end()
        else:
            calendar = "gregorian"
            date = _numeric(*(found.group("nyear", "nmon", "nday") if found["nday"]
                              else found.group("iyear", "imon", "iday")))
            end = _time_end(text, found.end())
        if date is not None:
            dates.append(DateMatch(date, found.start(), end, calendar, text[found.start():end]))
    return tuple(dates)


def story_date(lines: Iterable[str]) -> DateMatch | None:
    """The date of a story from its first lines (header, dateline, first paragraph): the
    first Gregorian date, else the first Hijri one. A date after tomorrow (copy is filed
    across time zones) or before 1900 is one the story refers to, not the day it was filed;
    so is one deep in a sentence (`ذات 1 ديسمبر 1961`) unless the copy says it is today's."""
    latest = datetime.date.today() + datetime.timedelta(days=1)
    hijri = None
    for line in lines:
        for found in find_dates(line):
            if not _EARLIEST <= found.date <= latest or not _filing_place(line, found):
                continue
            if found.calendar == "gregorian":
                return found
            hijri = hijri or found
    return hijri


def _filing_place(line: str, found: DateMatch) -> bool:
    """Where copy states the day it was filed: a short date line, the dateline at the head of
    a paragraph, after `اليوم`/`الموافق`, with its weekday, or as a numeric stamp, which
    prose does not use for the past (`... الأولى. 04.03.2026, سبوتنيك عربي`)."""
    before = line[:found.start]
    return (len(line.split()) <= DATE_LINE_WORDS or len(before) <= DATELINE_REACH
            or _TODAY.search(before) is not None or found.text[:1].isalpha()  # a weekday opens the span
            or _LETTER.search(found.text) is None)


def _named(found: re.Match[str]) -> tuple[datetime.date | None, str]:
    if found["hmon"]:
        month = _HIJRI_KEYS[match_key(found["hmon"])]
        try:
            gregorian = Hijri(int(found["year"]), month, int(found["day"])).to_gregorian()
        except (ValueError, OverflowError):  # past the month's last day; a year outside 1343-1500
            return None, "hijri"
        return datetime.date.fromordinal(gregorian.toordinal()), "hijri"
    months = {_GREGORIAN_KEYS[match_key(name)] for name in found.group("gmon", "gmon2") if name}
    if len(months) > 1:
        return None, "gregorian"  # `15 شباط/مارس 2016`: the two names disagree
    return _gregorian(found["year"], months.pop(), found["day"]), "gregorian"


def _gregorian(year: str, month: str | int, day: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:  # 32.13.2016, 30 فبراير 2016
        return None


def _numeric(year: str, month: str, day: str) -> datetime.date | None:
    """Without a month name a number group is a date only in a year near ours: 05-06-7788
    and 1.2.1234 are a telephone number and a version."""
    return _gregorian(year, month, day) if 1900 <= int(year) <= 2099 else None


def _time_end(text: str, end: int) -> int:
    found = _TIME.match(text, end)
    if found is None:
        return end
    limits = zip((found["hour"], found["minute"], found["second"]), (24, 60, 60))
    return found.end() if all(int(value) < limit for value, limit in limits if value) else end
