"""Jinja filters that present text: direction isolation, dates and digits.

Mixed-direction text is where bilingual pages break: a Latin name or a number inside an
Arabic sentence can drag neighbouring punctuation to the wrong side, and an Arabic name in
an English sentence reorders the words around it. Each such run is wrapped in `<bdi>` so
the browser lays it out on its own (Unicode Bidirectional Algorithm, isolates).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from babel.dates import format_date
from markupsafe import Markup, escape

from ..model import Article, Person
from ..read.dateline import is_levantine

_ARABIC_RUN = re.compile(
    r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+"
    r"(?:[\s\u00A0]+[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)*"
)
# A Latin word, an abbreviation or a number, with what joins their parts (Meteor-M,
# www.x.org, 12:05, 3.5%); never a trailing full stop, which belongs to the Arabic sentence.
_LTR_TOKEN = (
    r"(?:(?:[A-Za-z]\.){2,}"
    r"|[A-Za-z\u00C0-\u024F][\w'’&@+\-]*(?:[./:][\w'’&@+\-]+)*"
    r"|\d+(?:[.,:/]\d+)*%?)"
)
_LTR_RUN = re.compile(rf"{_LTR_TOKEN}(?:[ \u00A0]+{_LTR_TOKEN})*")
# What every such token starts with: one class, looked for before the pattern, whose
# alternation tried at every letter of an Arabic sentence was most of isolate()'s time.
_LTR_START = re.compile(r"[A-Za-z\u00C0-\u024F\d]")
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def escaped(value: object) -> str:
    """markupsafe's `escape(value)` as the plain text it is written into a page as: the same
    characters (`&<>'"`) escaped the same way, and what has `__html__` (Markup) taken as it is."""
    if type(value) is not str:
        if hasattr(value, "__html__"):
            return value.__html__()
        value = str(value)
    if "&" in value or "<" in value or ">" in value or "'" in value or '"' in value:
        return (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
                .replace("'", "&#39;").replace('"', "&#34;"))
    return value


@lru_cache(maxsize=4096, typed=True)  # lists repeat titles; typed: a Markup is escaped, an equal str not
def isolate(text: str, lang: str) -> Markup:
    """Escape `text` and wrap runs of the other direction's script in `<bdi>`."""
    return Markup(isolate_html(text, lang))


def isolate_html(text: str, lang: str) -> str:
    """`isolate` as the plain text of the HTML, for markup made as strings (markup.py)."""
    if lang == "ar":
        pattern, opening = _LTR_RUN, '<bdi dir="ltr">'
        start = _LTR_START.search(text)
        first = start and pattern.search(text, start.start())  # no run starts before its first character
    else:
        pattern, opening = _ARABIC_RUN, '<bdi lang="ar" dir="rtl">'
        first = pattern.search(text)
    if first is None:
        return escaped(text)  # most sentences: nothing to isolate
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text, first.start()):  # the text before the first run is scanned once
        pieces += (escaped(text[last:match.start()]), opening, escaped(match.group()), "</bdi>")
        last = match.end()
    pieces.append(escaped(text[last:]))
    return "".join(pieces)


def localise_digits(text: str, lang: str, arabic_digits: bool) -> str:
    return text.translate(_ARABIC_INDIC) if lang == "ar" and arabic_digits else text


def article_date(article: Article, lang: str, arabic_digits: bool = False) -> str:
    """`13 شباط 2016` for Levantine sources (SANA), `13 فبراير 2016` for others, in Arabic."""
    return format_day(article.date, lang, arabic_digits, levantine=bool(article.dateline and is_levantine(article.dateline.agency)))


@lru_cache(maxsize=4096)  # a digest has few distinct dates and lists them many times
def format_day(date: dt.date | None, lang: str, arabic_digits: bool = False, *, levantine: bool = True) -> str:
    if date is None:
        return ""
    if lang != "ar":
        return format_date(date, "long", locale="en")
    return localise_digits(format_date(date, "long", locale="ar_SY" if levantine else "ar_EG"), lang, arabic_digits)


def person_name(person: Person, lang: str) -> str:
    """The name readers of `lang` see: the English name when known, else the Arabic."""
    return person.name_en if lang == "en" and person.name_en else person.name_ar


def person_html(person: Person, lang: str) -> Markup:
    """`person_name` on a page in `lang`, the Arabic isolated as such in English text."""
    if lang == "en" and not person.name_en:
        return Markup('<bdi lang="ar" dir="rtl">') + escape(person.name_ar) + Markup("</bdi>")
    return isolate(person_name(person, lang), lang)


# Pagefind's filters, named in each language's index (its filter panel shows the names as
# written); a new filter is one line here, then `search_filter("name", lang)` in a template.
SEARCH_FILTERS = {
    "agency": {"ar": "الوكالة", "en": "agency"},
    "year": {"ar": "السنة", "en": "year"},
    "speaker": {"ar": "المتحدث", "en": "speaker"},
    "topic": {"ar": "الموضوع", "en": "topic"},
}


def search_filter(name: str, lang: str, value: object = "") -> Markup:
    """The attribute that files a page under a search filter: with the element's text as the
    value (`search_filter("speaker", lang)`), or one given inline (`search_filter("year", lang, 2016)`)."""
    label = SEARCH_FILTERS[name][lang]
    return Markup(f'data-pagefind-filter="{escaped(f"{label}:{value}" if value else label)}"')  # not Markup's %: 3x slower
