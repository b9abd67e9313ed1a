"""Names survive translation: known names and terms are fixed before the model sees them.

A news translation that turns `لافروف` into "Lavrov" in one sentence and "Lafrov" or
"the lover" in the next is worse than none. Every known Arabic name or term (people of the
gazetteer, topic labels, places, agencies) is replaced in the source by a placeholder the
model copies through (`X1X`, `X2X`: Latin, short, with no meaning to translate), and after
translation each placeholder is replaced by the term's English form. A placeholder the
model dropped is reported, so an editor can look at that sentence.

Matching is on `arabic.match_key` forms, word by word, so spelling variants (hamza, alef,
teh marbuta) and the clitics و ف ب ل that Arabic glues to a name are handled; the clitic
stays in place as a word of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...diagnostics import Report
from ...read.dateline import AGENCIES
from ...text.arabic import match_key
from ...text.tomltext import read_toml

_PLACEHOLDER = re.compile(r"X(\d+)X")
_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")
_WORD = re.compile(r"\S+")
_OPENERS = "(«“\"'["
_CLOSERS = "،,.:;؛!?؟”»\"')]"


@dataclass(frozen=True)
class Glossary:
    """Arabic term (as matching-key words) -> English form; longest terms win."""

    terms: dict[tuple[str, ...], str]

    @classmethod
    def of(cls, pairs: list[tuple[str, str]]) -> Glossary:
        terms: dict[tuple[str, ...], str] = {}
        for arabic, english in pairs:
            key = tuple(match_key(arabic).split())
            if key and english:
                terms.setdefault(key, english)
        return cls(terms)

    @property
    def longest(self) -> int:
        return max((len(k) for k in self.terms), default=0)


@dataclass(frozen=True)
class Protected:
    text: str  # the source with placeholders
    english: tuple[str, ...]  # English form of placeholder i+1


def protect(text: str, glossary: Glossary) -> Protected:
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    keys = [match_key(w) for _, _, w in words]
    pieces: list[str] = []
    english: list[str] = []
    position, i = 0, 0
    while i < len(words):
        found = _term_at(keys, i, glossary)
        if found is None:
            i += 1
            continue
        length, clitic, term = found
        first = words[i][2]
        start = words[i][0] + len(first) - len(first.lstrip(_OPENERS)) + len(clitic)
        pieces.append(text[position:start])
        if clitic:
            pieces.append(" ")  # و+لافروف -> و X1X: the clitic stays, as a word
        english.append(term)
        pieces.append(f"X{len(english)}X")
        position = _term_end(words[i + length - 1][2], words[i + length - 1][1])
        i += length
    pieces.append(text[position:])
    return Protected("".join(pieces), tuple(english))


def _term_at(keys: list[str], i: int, glossary: Glossary) -> tuple[int, str, str] | None:
    """(words, clitic, English) of the longest known term starting at word i."""
    for length in range(min(glossary.longest, len(keys) - i), 0, -1):
        span = keys[i:i + length]
        if not span or not span[0]:
            continue
        for clitic in ("",) + _CLITICS:
            if clitic and not span[0].startswith(clitic):
                continue
            candidate = (span[0][len(clitic):],) + tuple(span[1:])
            english = glossary.terms.get(candidate)
            if english:
                return length, clitic, english
    return None


def _term_end(word: str, end: int) -> int:
    """Keep punctuation glued to the last word of a term (`لافروف،` -> `X1X،`)."""
    trailing = len(word) - len(word.rstrip(_CLOSERS))
    return end - trailing


@dataclass(frozen=True)
class Restored:
    text: str
    lost: tuple[str, ...]  # English forms whose placeholder the model dropped


def restore(translation: str, protected: Protected) -> Restored:
    seen: set[int] = set()

    def put_back(match: re.Match) -> str:
        index = int(match.group(1)) - 1
        if 0 <= index < len(protected.english):
            seen.add(index)
            return protected.english[index]
        return match.group()

    text = _PLACEHOLDER.sub(put_back, translation)
    lost = tuple(term for i, term in enumerate(protected.english) if i not in seen)
    return Restored(text, lost)


def glossary_from_content(content_dir: Path, report: Report) -> Glossary:
    """Every name and term the site knows in both languages: people (full names and
    surnames), topic labels, places (content/places.toml) and news agencies."""
    pairs: list[tuple[str, str]] = []
    for person in read_toml(content_dir / "people.toml", report)[0].values():
        if not isinstance(person, dict):
            continue  # the build reports malformed entries
        name_en = str(person.get("name_en", ""))
        names_ar = [str(n) for n in person.get("names_ar", [])]
        pairs += [(name, name_en) for name in names_ar]
        pairs += [(surname, _surname_en(str(surname), names_ar, name_en)) for surname in person.get("surname_ar", [])]
    for topic in read_toml(content_dir / "topics.toml", report)[0].values():
        if isinstance(topic, dict):
            pairs.append((str(topic.get("label_ar", "")), str(topic.get("label_en", ""))))
    for arabic, english in read_toml(content_dir / "places.toml", report)[0].get("places", {}).items():
        pairs.append((arabic, str(english)))
    pairs += list(AGENCIES.items())
    return Glossary.of(pairs)


def _surname_en(surname: str, names_ar: list[str], name_en: str) -> str:
    """The English of a surname, by its position in the full name: لافروف in سيرغي لافروف
    is the 2nd word, so "Lavrov" from "Sergey Lavrov"; وانغ in وانغ يي, the 1st: "Wang"."""
    english = name_en.split()
    surname_words = match_key(surname).split()
    for name in names_ar:
        words = match_key(name).split()
        if len(words) == len(english):
            for start in range(len(words) - len(surname_words) + 1):
                if words[start:start + len(surname_words)] == surname_words:
                    return " ".join(english[start:start + len(surname_words)])
    return english[-1] if english else ""

