"""Who an article has named so far: the gazetteer's people by any form of their name (a
surname alone once the full name was seen), the speakers it does not know (newcomers), the
offices each was given, and the honorific titles they were named with."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import Person
from ..text.romanize import name_slug
from ..text.tokens import Tokens, tokenize
from .gazetteer import Gazetteer
from .phrases import Phrases
from .words import (
    GENERIC_OFFICES,
    HONORIFIC_TITLES,
    OFFICE_HEADS,
    TITLES,
    UN_ADJECTIVE,
    UN_OFFICE_WORDS,
    ends_subject,
    governs,
    is_office_head,
    name_like,
    office_words,
    verb_kind,
)


def _may_introduce(key: str) -> bool:
    """An office's head (`وزير`, `ووالي`) or an honorific title (`سمو`), where someone the
    gazetteer does not know may be introduced."""
    return is_office_head(key) or key[:1] == "و" and is_office_head(key[1:]) or key in HONORIFIC_TITLES.values()


# The words `_may_introduce` accepts (the heads with and without و and what `bare` takes off),
# as a set: the scan for mentions asks it of nearly every token, and most introduce no one.
INTRODUCING_WORDS = frozenset(key for key in set(HONORIFIC_TITLES.values()) | {
    conj + prefix + head for conj in ("", "و") for prefix in ("", "وال", "بال", "لل", "ال") for head in OFFICE_HEADS}
    if _may_introduce(key))


@lru_cache(maxsize=1024)  # the gazetteer's offices, compared again with every office read
def _known_office(role_ar: str) -> tuple[str, ...]:
    return office_words(tokenize(role_ar))


@dataclass
class _Newcomer:
    """A speaker the gazetteer does not know, as this article names them."""

    name: str
    keys: tuple[str, ...]
    role: str


class Register(Phrases):
    """The people named in one article, in reading order, and what was said of them."""

    def __init__(self, gazetteer: Gazetteer, paragraphs: list[tuple[Tokens, list[int]]]) -> None:
        """`paragraphs`: each one's tokens, and the indices of the words in it that may report."""
        self.gaz = gazetteer
        self.spoken_alone = self._spoken_alone(paragraphs)
        self.mentions: list[str] = []  # person refs in reading order
        self.fully_named: set[str] = set()
        self.roles: dict[str, list[tuple[str, ...]]] = {}  # offices as comparable words
        self.offices_as_written: dict[str, str] = {}  # the first, for a newcomer's gender
        self.newcomers: dict[str, _Newcomer] = {}
        self.newcomer_keys: set[str] = set()  # first and last words of newcomers' names, ever
        self.introduced: set[str] = set()  # newcomers named where they did not speak
        self.honours: dict[str, set[str]] = {}  # honorific titles people were named with (`سمو`)
        self.text = ""

    def _name_at(self, tokens: Tokens, i: int, surnames: bool = True) -> tuple[str, int] | None:
        """A known name starting at tokens[i]: (person ref, index after it)."""
        if i >= len(tokens) or not tokens[i].is_word:
            return None
        key = tokens[i].key
        if key not in self.gaz.names and key not in self.newcomer_keys:
            return None  # most words: not the start of a name
        forms = list(self.gaz.names.get(key, ()))
        for ref, person in self.newcomers.items():
            forms += [(person.keys, ref, True)] if person.keys[0] == key else []
            forms += [(person.keys[-1:], ref, False)] if person.keys[-1] == key else []
        for words, ref, full in forms:
            end = i + len(words)
            if tuple(t.key for t in tokens[i:end]) == words and (full or surnames or ref in self.fully_named):
                return ref, end
        return None

    def names_someone(self, tokens: Tokens, start: int, stop: int) -> bool:
        """Whether tokens[start:stop] hold a person's name, not only an office."""
        return any(self._name_at(tokens, i) for i in range(start, stop))

    def _mention(self, ref: str, full: bool) -> None:
        self.mentions.append(ref)
        if full:
            self.fully_named.add(ref)

    def note_mentions(self, tokens: Tokens, start: int, stop: int) -> int:
        """Remember the people named in tokens[start:stop]; returns stop."""
        names, newcomers = self.gaz.names, self.newcomer_keys  # the set grows as newcomers are found
        after = start  # after the last mention
        for i, token in enumerate(tokens[start:stop], start):
            key = token.key
            if i < after or not (key in names or key in newcomers or key in INTRODUCING_WORDS):
                continue
            found = (self._name_at(tokens, i, surnames=False) or self._introduced_at(tokens, i, stop)
                     or self._honoured_at(tokens, i, stop))
            if found:
                self._mention(found[0], full=found[1] - i > 1)
                after = found[1]
        return max(start, stop)

    def _honoured_at(self, tokens: Tokens, k: int, stop: int) -> tuple[str, int] | None:
        """`استذكر سمو الشيخ حمدان بن محمد ...`: someone named with an honorific title, whom
        `سموه` will stand for when they speak later."""
        if tokens[k].key not in HONORIFIC_TITLES.values():
            return None
        j = k + 1
        while j < stop and tokens[j].key in TITLES:
            j += 1
        named = self._name_at(tokens, j)
        end = named[1] if named else self._name_end(tokens, j, stop)
        if end == j:
            return None
        ref = named[0] if named else self._newcomer(tokens, j, end, "")
        self.honours.setdefault(ref, set()).add(tokens[k].key)
        return ref, end

    def _introduced_at(self, tokens: Tokens, k: int, stop: int) -> tuple[str, int] | None:
        """Someone the gazetteer does not know, introduced by office and name where they do not
        speak (`... وزير الاتصال، زهير بوعمامة، على ...`), so that `وقال الوزير` or `وأكد
        بوعمامة` later is theirs."""
        if not tokens[k].is_word:
            return None
        key = tokens[k].key
        if key[:1] == "و" and not is_office_head(key) and is_office_head(key[1:]):  # `ووالي إسطنبول علي ...`
            tokens = tokens[:k] + (tokens[k]._replace(text=tokens[k].text[1:], key=key[1:], start=tokens[k].start + 1),) \
                + tokens[k + 1:]
        elif not is_office_head(key):
            return None
        office_end = self._office_end(tokens, k, stop)
        j = office_end + 1 if office_end < stop and tokens[office_end].text == "،" else office_end
        if j + 1 < stop and name_like(tokens[j]) and tokens[j + 1].key in TITLES:
            j = office_end = j + 1  # the office's own proper name: `في جامعة الملك خالد الدكتورة هند`
        while j < stop and (self._title_at(tokens, j) or self._title_like_office(tokens, j, stop)):
            j += 1
        if self._name_at(tokens, j):
            return None  # someone known: found by name as the reading goes on
        end = self._name_end(tokens, j, stop)
        if end == j or not self._name_stands(tokens, j, end, stop):
            return None
        ref = self._newcomer(tokens, j, end, self.span(tokens, k, office_end))
        self._add_role(ref, tokens, k, office_end)
        self.introduced.add(ref)
        return ref, end

    def _newcomer(self, tokens: Tokens, start: int, end: int, role: str) -> str:
        keys = tuple(t.key for t in tokens[start:end])
        ref = "?" + keys[-1]
        known = self.newcomers.get(ref)
        if known is None or len(keys) > len(known.keys):
            self.newcomers[ref] = _Newcomer(self.span(tokens, start, end), keys, role or (known.role if known else ""))
            self.newcomer_keys.update((keys[0], keys[-1]))
        return ref

    def _roles_of(self, ref: str) -> list[tuple[str, ...]]:
        person = self.gaz.people.get(ref)
        known = [_known_office(person.role_ar)] if person and person.role_ar else []
        return self.roles.get(ref, []) + known

    def _resolve_office(self, words: tuple[str, ...], earliest: bool) -> str | None:
        """The person an office refers to: among those named so far whose known offices hold
        all its words, one whose office starts with the same head (`الوزير الروسي` is Lavrov,
        not his deputy), then the most recent (in a headline, the first named)."""
        head, modifiers = words[0], words[1:]

        def fits(role: tuple[str, ...]) -> bool:
            return (head in role or head in GENERIC_OFFICES) and all(
                m in role or (m == UN_ADJECTIVE and UN_OFFICE_WORDS & set(role)) for m in modifiers)

        ranked = []
        for rank, ref in enumerate(dict.fromkeys(self.mentions if earliest else reversed(self.mentions))):
            fitting = [role for role in self._roles_of(ref) if fits(role)]
            if fitting:
                ranked.append((0 if any(role[0] == head for role in fitting) else 1, rank, ref))
        return min(ranked)[2] if ranked else None

    def _two_people(self, head: str) -> tuple[str, ...]:
        """`الوزيران`: the last two people named who hold that office."""
        found: list[str] = []
        for ref in reversed(self.mentions):
            if ref not in found and any(head in role for role in self._roles_of(ref)):
                found.append(ref)
        return tuple(reversed(found[:2])) if len(found) >= 2 else ()

    def _add_role(self, ref: str, tokens: Tokens, start: int, end: int) -> None:
        words = office_words(tokens[start:end])
        if words:
            self.roles.setdefault(ref, []).append(words)
            self.offices_as_written.setdefault(ref, self.span(tokens, start, end))

    def _feminine(self, ref: str) -> bool | None:
        """From the office as written: `المتحدثة` ends in teh marbuta, `نظيره` in a pronoun."""
        person = self.gaz.people.get(ref)
        words = (person.role_ar if person and person.role_ar else self.offices_as_written.get(ref, "")).split()
        return words[0].endswith("ة") if words else None

    def person_ids(self) -> dict[str, str]:
        """Gazetteer ids, and romanized slugs of newcomers' names (`raed-abu-al-saud`, unique in the site's
        namespace of ids as far as this article can tell)."""
        ids = {ref: ref for ref in self.gaz.people}
        taken = set(ids)
        for ref, person in self.newcomers.items():
            base = name_slug(person.name) or "person"
            slug, n = base, 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            ids[ref] = slug
            taken.add(slug)
        return ids

    def person(self, ref: str, person_id: str) -> Person:
        """The gazetteer's record, or one made from the article: Arabic name as written (its
        fullest form), no English name (pages mark the Arabic as untranslated), the office."""
        if ref in self.gaz.people:
            return self.gaz.people[ref]
        newcomer = self.newcomers[ref]
        return Person(person_id, newcomer.name, "", role_ar=newcomer.role)

    @staticmethod
    def _spoken_alone(paragraphs: list[tuple[Tokens, list[int]]]) -> set[str]:
        """Words that stand alone as the subject of a verb of saying (`وقال سيمينوف إن`, `وأشاد
        توري بدور`): they show where a name ends when an object follows it (`... أندريه
        سيمينوف استعداد بلاده`)."""
        return {tokens[i + 1].key for tokens, reporting in paragraphs for i in reporting
                if i + 1 < len(tokens) and verb_kind(tokens[i].key) and name_like(tokens[i + 1])
                and not tokens[i + 1].definite
                and (ends_subject(tokens, i + 2, len(tokens)) or governs(tokens[i], tokens[i + 2]))}
