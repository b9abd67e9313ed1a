"""The people gazetteer (content/people.toml): who the digest knows, by every Arabic name.

One table per person, keyed by the ASCII id that becomes their page's URL:

    [sergey-lavrov]
    name_en = "Sergey Lavrov"
    names_ar = ["سيرغي لافروف", "سيرجي لافروف"]   # full names; the first is displayed
    surname_ar = ["لافروف"]                          # forms used alone for later mentions
    role_ar = "وزير الخارجية الروسي"
    role_en = "Russian Foreign Minister"

Names are compared through `arabic.match_key`, so hamza, alef, yeh and teh marbuta variants
need not be listed. A bad entry is reported at its table's line and skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Report
from ..model import Person
from ..read.sources import SLUG_PATTERN
from ..text.arabic import match_key
from ..text.tomltext import TomlLines, read_toml

NameForm = tuple[tuple[str, ...], str, bool]  # (matching keys of the words, person id, is a full name)


@dataclass(frozen=True)
class Gazetteer:
    """Known people, and the forms of their names indexed by their first word, longest first.

    A surname alone (`لافروف`) is a mention only once the full name was seen in the article,
    or as the subject of a verb of saying: the rule people.toml gives for surnames that are
    also ordinary words (مطر، المعلم), applied to all of them so the file needs no flag.
    """

    people: dict[str, Person] = field(default_factory=dict)
    names: dict[str, tuple[NameForm, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, entries: list[tuple[Person, tuple[str, ...]]]) -> Gazetteer:
        """From (person, surnames) pairs; `name_ar` and the other aliases are full names."""
        names: dict[str, list[NameForm]] = {}
        for person, surnames in entries:
            for form in (person.name_ar, *person.aliases):
                words = tuple(match_key(form).split())
                if words:
                    names.setdefault(words[0], []).append((words, person.id, form not in surnames))
        index = {first: tuple(sorted(forms, key=lambda f: -len(f[0]))) for first, forms in names.items()}
        return cls({person.id: person for person, _ in entries}, index)


_KEYS = {"name_en": str, "names_ar": list, "surname_ar": list, "role_ar": str, "role_en": str}


def load_gazetteer(path: Path, report: Report) -> Gazetteer:
    """A missing file is an empty gazetteer; bad TOML or a bad entry is reported, not raised."""
    data, text = read_toml(path, report)
    lines = TomlLines(text)
    entries = []
    for person_id, entry in data.items():
        problem = _problem(person_id, entry)
        if problem:
            report.error(path, lines.table(person_id), f"[{person_id}]: {problem}; entry skipped")
            continue
        names, surnames = tuple(entry["names_ar"]), tuple(entry.get("surname_ar", ()))
        entries.append((Person(person_id, names[0], entry["name_en"], entry.get("role_ar", ""),
                               entry.get("role_en", ""), aliases=names[1:] + surnames), surnames))
    return Gazetteer.of(entries)


def entry_problem(entry_id: str, entry: object, keys: Iterable[str]) -> str:
    """What every data-file entry must be: a table with a URL-safe id and known keys."""
    if not SLUG_PATTERN.fullmatch(entry_id):
        return "the id must be lowercase ASCII letters, digits and dashes (it is the page's URL)"
    if not isinstance(entry, dict):
        return "must be a table"
    unknown = sorted(set(entry) - set(keys))
    if unknown:
        return f"unknown key {unknown[0]!r} (known: {', '.join(keys)})"
    return ""


def _problem(person_id: str, entry: object) -> str:
    if problem := entry_problem(person_id, entry, _KEYS):
        return problem
    for key, kind in _KEYS.items():
        if key in entry and not isinstance(entry[key], kind):
            return f"{key} must be a {'list of strings' if kind is list else 'string'}"
    if not entry.get("name_en") or not entry.get("names_ar"):
        return "name_en and names_ar (at least one Arabic form) are required"
    if not all(isinstance(n, str) and n.strip() for n in entry["names_ar"] + entry.get("surname_ar", [])):
        return "names_ar and surname_ar must hold non-empty strings"
    return ""


