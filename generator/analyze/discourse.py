"""Reading who speaks: the subject of a verb of saying, against what the article said so far.

A `Discourse` follows one article in reading order. It remembers who has been named (the
gazetteer's people, by any form of their name; a surname alone once the full name was seen),
the offices each person was given, the speakers the gazetteer does not know, and the last
subject. `subject_at` reads a subject from the tokens at hand:
- a known name, with an office before or after it (`وزير الخارجية الروسي سيرغي لافروف`,
  `مولود جاويش أوغلو، وزير الخارجية التركي،`), and a second one joined by و (`ونظيره ...`);
- an office and a name the gazetteer does not know (`مدير المعرض المهندس نزار الحلبي`), or
  that name and its office or description after it (`محمد أبو زيد وهو من سكان ...`);
- an office alone, which refers to someone already named who holds it (`الوزير الروسي`,
  `المبعوث الأممي`), `معاليه`, or two of them (`الوزيران`); else it is a source without a name;
- an anonymous source (`مصدر مسؤول`, `وأضاف المصدر`) or an institution (`وزارة الدفاع`).
An office is parsed by its shape: a head noun, genitives closing on a definite noun,
adjectives, `باسم`/`في`/`إلى`/`لدى` phrases, coordinated offices and `(اليونيسف)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Person
from ..text.names import is_given_name
from ..text.romanize import name_slug
from ..text.tokens import Tokens, bare, tokenize
from .gazetteer import Gazetteer
from .words import (
    ABOUT,
    ANONYMOUS_REFERENCES,
    ANONYMOUS_SOURCES,
    ANONYMOUS_UNLESS_NAMED,
    COMPLEMENTIZERS,
    DESCRIBED_AS,
    EVENT_NOUNS,
    FEMININE_VERBS,
    FOR,
    GENERIC_OFFICES,
    HONORIFIC_PRONOUNS,
    HONORIFIC_TITLES,
    INSTITUTIONS,
    NAME_COMPOUND_TAILS,
    NAME_CONNECTORS,
    NAME_OPENERS,
    OFFICE_PREPOSITIONS,
    RELATIVES,
    REPRESENTATIVES,
    SUBJECT_ENDS,
    TIME_WORDS,
    TITLE_SURNAMES,
    TITLES,
    UN_ADJECTIVE,
    UN_OFFICE_WORDS,
    chain_noun,
    ends_subject,
    fold,
    governs,
    is_adjective,
    is_anonymous_adjective,
    is_office_head,
    name_like,
    office_words,
    said_next,
    short_quote_end,
    verb_kind,
)

# What a subject is; only people and anonymous sources make statements. UNIDENTIFIED: someone
# is there (`وقالت ميركل`) but cannot be told, so the previous speaker does not go on.
PERSON, ANONYMOUS, INSTITUTION, UNIDENTIFIED = "person", "anonymous", "institution", "unidentified"
MAX_NAMED_PLACE_WORDS = 4
MAX_NAME_WORDS = 5  # besides the connectors بن, آل, أبو ...


@dataclass(frozen=True)
class Subject:
    kind: str
    refs: tuple[str, ...] = ()  # gazetteer ids, or "?" + surname key for people found here
    label: str = ""  # an anonymous source, as written


@dataclass
class _Newcomer:
    """A speaker the gazetteer does not know, as this article names them."""

    name: str
    keys: tuple[str, ...]
    role: str


class Discourse:
    """Who has been named and who has spoken so far in one article."""

    def __init__(self, gazetteer: Gazetteer, paragraphs: list[Tokens]) -> None:
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
        self.last: Subject | None = None
        self.text = ""  # the paragraph or headline being read; tokens' offsets point into it

    @staticmethod
    def _spoken_alone(paragraphs: list[Tokens]) -> set[str]:
        """Words that stand alone as the subject of a verb of saying (`وقال سيمينوف إن`, `وأشاد
        توري بدور`): they show where a name ends when an object follows it (`... أندريه
        سيمينوف استعداد بلاده`)."""
        return {tokens[i + 1].key for tokens in paragraphs for i in range(len(tokens) - 1)
                if verb_kind(tokens[i].key) and name_like(tokens[i + 1]) and not tokens[i + 1].definite
                and (ends_subject(tokens, i + 2, len(tokens)) or governs(tokens[i], tokens[i + 2]))}

    # -- names

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
        i = start
        while i < stop:
            found = (self._name_at(tokens, i, surnames=False) or self._introduced_at(tokens, i, stop)
                     or self._honoured_at(tokens, i, stop))
            if found:
                self._mention(found[0], full=found[1] - i > 1)
            i = found[1] if found else i + 1
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

    def _name_end(self, tokens: Tokens, i: int, stop: int) -> int:
        """End of a personal name not in the gazetteer starting at i, or i: 2-5 words, the
        article only after a connector (`عبد الرحمن`) or on the last (`نزار الحلبي`), cut
        after a word that is also seen alone as a speaker."""
        j = counted = i
        while j < stop and counted - i < MAX_NAME_WORDS and tokens[j].is_word \
                and (name_like(tokens[j]) or self._surname_title(tokens, i, j, stop)):
            counted += tokens[j].key not in NAME_CONNECTORS  # `لطيفة بنت محمد بن راشد آل مكتوم`
            j += 1
            if tokens[j - 1].definite:
                if j - 1 == i:
                    return i
                if tokens[j - 2].key not in NAME_CONNECTORS and tokens[j - 1].key not in NAME_COMPOUND_TAILS:
                    j += self._second_family_name(tokens, j, stop)
                    break
        words = [t.key for t in tokens[i:j]]
        spoken = next((n for n, word in enumerate(words) if n and word in self.spoken_alone), None)
        if spoken is not None:
            j, words = i + spoken + 1, words[:spoken + 1]
        if len(words) < 2 or (words[0] in NAME_CONNECTORS and words[0] not in NAME_OPENERS) \
                or words[-1] in NAME_CONNECTORS:
            return i
        return j

    @staticmethod
    def _title_at(tokens: Tokens, k: int) -> bool:
        """A title, or the full stop of an abbreviated one (`د.`, `م.`)."""
        return tokens[k].key in TITLES or (k > 0 and tokens[k].text == "." and tokens[k - 1].key in TITLES)

    @staticmethod
    def _second_family_name(tokens: Tokens, j: int, stop: int) -> bool:
        """`عيسى بن سعد الجفالي النعيمي وزير العدل`: a Gulf name may end in two family names,
        both definite; the second counts only where the name visibly ends after it (an
        office, a comma, `أن`, `عن` of `عبر ... عن`), so that `أحمد الحسن الجديد` and `نادر
        العلي الهجوم على` are no three-word names."""
        if j + 1 >= stop or not (tokens[j].definite and name_like(tokens[j])):
            return False
        after = tokens[j + 1]
        return not after.is_word and after.text in "،," or after.is_word and (
            is_office_head(after.key) or after.key in COMPLEMENTIZERS or after.key == ABOUT)

    @staticmethod
    def _surname_title(tokens: Tokens, i: int, j: int, stop: int) -> bool:
        """`منى فتحى السيد، موظفة`: after two words of a name, a title with nothing name-like
        after it is the surname, not the title of a second name."""
        return (j - i >= 2 and tokens[j].key in TITLE_SURNAMES
                and (j + 1 >= stop or not tokens[j + 1].is_word or not name_like(tokens[j + 1])))

    def _name_stands(self, tokens: Tokens, start: int, end: int, stop: int) -> bool:
        """A name after an office must end where the subject ends (`... نزار الحلبي لمراسل`),
        with a word seen alone as a speaker, or open with a given name (`رئيس الحكومة نادر
        العلي الهجوم`): `وزير الخارجية دعم المملكة` names nobody."""
        return ends_subject(tokens, end, stop) or tokens[end - 1].key in self.spoken_alone \
            or is_given_name(tokens[start].text)

    def _newcomer(self, tokens: Tokens, start: int, end: int, role: str) -> str:
        keys = tuple(t.key for t in tokens[start:end])
        ref = "?" + keys[-1]
        known = self.newcomers.get(ref)
        if known is None or len(keys) > len(known.keys):
            self.newcomers[ref] = _Newcomer(self.span(tokens, start, end), keys, role or (known.role if known else ""))
            self.newcomer_keys.update((keys[0], keys[-1]))
        return ref

    # -- offices

    def _office_end(self, tokens: Tokens, k: int, stop: int) -> int:
        """Index after the office whose head is tokens[k]: genitives, adjectives, `باسم ...`,
        `في ...`, `إلى ...`, coordinated offices and a bracketed acronym `(اليونيسف)`."""
        construct = not tokens[k].definite  # `مدير الهلال الأحمر`, but not `الوزير الدول`
        i = self._genitive_end(tokens, k + 1, stop) if construct else k + 1
        if construct and i == k + 1:  # `مدير عام شركة ميناء مصراتة البحري، “خليفة ...”`
            i = self._named_place_end(tokens, k + 1, stop) or i
        if construct and i == k + 1 and k + 2 < stop and chain_noun(tokens[k + 1]) and not tokens[k + 1].definite \
                and (tokens[k + 2].key in OFFICE_PREPOSITIONS or is_given_name(tokens[k + 2].text)):
            i = k + 2  # a country before a post (`سفير إيران لدى موسكو`) or a name (`محافظ اربد رضوان`)
        if construct and i == k + 1:
            i = self._bare_genitive_end(tokens, k + 1, stop) or i
        while i < stop:
            token, key = tokens[i], tokens[i].key
            if not token.is_word:
                close = short_quote_end(tokens, i, stop)
                if close is None:
                    break
                i = close
            elif self._name_at(tokens, i) or key in TITLES or key in TIME_WORDS or key in RELATIVES:
                break
            elif is_adjective(token) or key.startswith(("وال", "لل")) or (construct and token.definite
                                                                          and key not in SUBJECT_ENDS):
                i += 1
            elif is_office_head(key) or (key[:1] == "و" and is_office_head(key[1:])):
                i = self._genitive_end(tokens, i + 1, stop)  # `وزير الخارجية` after `نائب رئيس مجلس الوزراء`
            elif (key in OFFICE_PREPOSITIONS or (key == FOR and bare(tokens[k].key) in REPRESENTATIVES)) \
                    and i + 1 < stop and tokens[i + 1].is_word \
                    and not tokens[i + 1].key.startswith(EVENT_NOUNS):
                phrase_end = self._prepositional_end(tokens, i, stop)
                if phrase_end is None:
                    break
                i, construct = phrase_end, True  # its noun takes genitives too: `باسم البيت الأبيض`
            elif key[:1] in "لوب" and not token.definite and self._genitive_end(tokens, i + 1, stop) > i + 1:
                i = self._genitive_end(tokens, i + 1, stop)  # `لحقوق الإنسان`, `ومؤسسات المجتمع`, `بوزارة الزراعة`
            elif key[:1] in "لب" and not token.definite and self._named_place_end(tokens, i, stop):
                i = self._named_place_end(tokens, i, stop)  # `لولاية وهران،`, `بولاية سنار الأستاذ`
            else:
                break
        return i

    def _prepositional_end(self, tokens: Tokens, i: int, stop: int) -> int | None:
        """`باسم الوزارة`, `في حكومة تصريف الأعمال`, `في جامعة إينونو،`, `في دمشق`."""
        after, chain = tokens[i + 1], self._genitive_end(tokens, i + 1, stop)
        if after.definite and after.key not in SUBJECT_ENDS:
            return i + 2
        if chain > i + 1:
            return chain
        return self._named_place_end(tokens, i + 1, stop) or (i + 2 if chain_noun(after) else None)

    @staticmethod
    def _named_place_end(tokens: Tokens, i: int, stop: int) -> int | None:
        """`جامعة إينونو،`, `(ل)ولاية وهران،`, `عام شركة ميناء مصراتة البحري،`: indefinite nouns
        and the adjectives after them, closed by a comma or a title, where the name begins."""
        run = i
        while run < stop and run - i < MAX_NAMED_PLACE_WORDS and chain_noun(tokens[run]) and not tokens[run].definite \
                and not (run > i and is_given_name(tokens[run].text)):  # `في لبنان وداد حلواني،`: her name
            run += 1
        nouns = run
        while run < stop and run - nouns < 2 and is_adjective(tokens[run]) and tokens[run].definite:
            run += 1
        return run if i + 1 < nouns and run < stop and (tokens[run].text == "،" or tokens[run].key in TITLES) else None

    @staticmethod
    def _bare_genitive_end(tokens: Tokens, i: int, stop: int) -> int | None:
        """`أما والي إسطنبول فأشار`, `وقال وزير خارجية إيران إن`: indefinite nouns (a proper
        noun last) where the subject ends, with no definite word to close the chain."""
        j = i
        while j < stop and j - i < 3 and chain_noun(tokens[j]) and not tokens[j].definite:
            j += 1
        return j if j > i and ends_subject(tokens, j, stop) else None

    def _genitive_end(self, tokens: Tokens, i: int, stop: int) -> int:
        """After a noun in construct, up to 3 indefinite nouns and the definite one that
        closes the chain (`مجلس اللاجئين`, `تصريف الأعمال`); i when there is none."""
        j = i
        while j < stop and j - i < 3 and chain_noun(tokens[j]) and not tokens[j].definite \
                and not self._name_at(tokens, j) and not (j > i and is_given_name(tokens[j].text)):
            j += 1  # a given name starts the name after the office: `محافظ اربد رضوان العتوم`
        if j < stop and tokens[j].is_word and tokens[j].definite and tokens[j].key not in SUBJECT_ENDS | TITLES:
            return j + 1
        return i

    def _roles_of(self, ref: str) -> list[tuple[str, ...]]:
        person = self.gaz.people.get(ref)
        known = [office_words(tokenize(person.role_ar))] if person and person.role_ar else []
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

    # -- subjects

    def subject_at(self, tokens: Tokens, k: int, stop: int | None = None,
                   earliest: bool = False) -> tuple[Subject | None, int]:
        """The subject starting at tokens[k] (before `stop`) and the index after it."""
        stop = len(tokens) if stop is None else stop
        first = k
        while k < stop and (self._title_at(tokens, k) or short_quote_end(tokens, k, stop)):
            k += 1  # a title (`الدكتور المقداد`, `د.`) or the mark opening a quoted name (`عن “وانغ”`)
        titled = any(t.key in TITLES for t in tokens[first:k])
        if k >= stop or not tokens[k].is_word:
            return None, k
        key = tokens[k].key
        if key in HONORIFIC_PRONOUNS:  # `وأوضح معاليه`
            return self._honorific(key), k + 1
        if bare(key).endswith("ان") and is_office_head(bare(key)[:-2]):  # `وأكد الوزيران`
            pair = self._two_people(fold(bare(key)[:-2]))
            return (Subject(PERSON, pair), k + 1) if pair else (Subject(UNIDENTIFIED), k + 1)
        if key in ANONYMOUS_SOURCES or (key in ANONYMOUS_UNLESS_NAMED and not self._office_follows(tokens, k, stop)):
            end = k + 1
            while end < stop and is_anonymous_adjective(tokens[end]):
                end += 1
            return Subject(ANONYMOUS, label=self.span(tokens, k, end)), end
        if key in ANONYMOUS_REFERENCES:  # `وأضاف المصدر`
            label = self.last.label if self.last and self.last.kind == ANONYMOUS else tokens[k].text
            return Subject(ANONYMOUS, label=label), k + 1
        named = self._name_at(tokens, k)
        if named:
            ref, end = named
            self._mention(ref, full=end - k > 1)
            subject, end = Subject(PERSON, (ref,)), self._apposition(tokens, ref, end, stop)
        elif bare(key) in INSTITUTIONS:
            return Subject(INSTITUTION), k + 1
        elif is_office_head(key):
            subject, end = self._office_first(tokens, k, stop, earliest)
        else:
            subject, end = self._name_first(tokens, k, stop)
            if subject is None and titled:
                subject, end = self._titled_name(tokens, k, stop)
            elif subject is None and is_given_name(tokens[k].text):
                subject, end = self._bare_name(tokens, k, stop)
        honour = next((t.key for t in tokens[first:k] if t.key in HONORIFIC_TITLES.values()), None)
        if honour and subject is not None and subject.kind == PERSON:
            self.honours.setdefault(subject.refs[0], set()).add(honour)  # `وقال معالي الدكتور ...`
        return self._and_another(tokens, subject, end, stop)

    def _honorific(self, pronoun: str) -> Subject | None:
        """Whom `معاليه`, `سموه` stand for: the last speaker, unless someone else was named with
        that title (`سمو الشيخ ...`); else the last person named who is not a guest (`سموه`
        after `استقبل سمو الأمير ... المهندس مطلق الشراري` is the host)."""
        title = HONORIFIC_TITLES[pronoun]
        titled = [ref for ref in reversed(self.mentions) if title in self.honours.get(ref, ())]
        last = self.last.refs if self.last and self.last.kind == PERSON else ()
        if last and (not titled or set(last) & set(titled)):
            return Subject(PERSON, last)
        hosts = titled or [ref for ref in reversed(self.mentions) if ref not in self.introduced]
        return Subject(PERSON, tuple(hosts[:1])) if hosts else None

    def _titled_name(self, tokens: Tokens, k: int, stop: int) -> tuple[Subject | None, int]:
        """`أوضحت الدكتورة فلورين الوسمي من الحضور أن`: a title names a person, so the name
        needs no office (and a title is none), only to end where the subject does."""
        end = self._name_end(tokens, k, stop)
        if end == k or not (ends_subject(tokens, end, stop) or tokens[end].text == "،"):
            return None, k
        ref = self._newcomer(tokens, k, end, "")
        self._mention(ref, full=True)
        return Subject(PERSON, (ref,)), end

    def _bare_name(self, tokens: Tokens, k: int, stop: int) -> tuple[Subject | None, int]:
        """`وأكد عقيلة صالح أن`, `وقالت آلاء حاج محمود، إن`: a name with neither title nor office
        counts when it opens with a given name and what was said starts right after it, so that
        `وأكد حسن سير العمل في الميناء` stays a sentence about work going well."""
        end = self._name_end(tokens, k, stop)
        if end == k or not said_next(tokens, end, stop):
            return None, k
        ref = self._newcomer(tokens, k, end, "")
        self._mention(ref, full=True)
        return Subject(PERSON, (ref,)), end

    def _and_another(self, tokens: Tokens, subject: Subject | None, end: int,
                     stop: int) -> tuple[Subject | None, int]:
        """`وزير الخارجية وليد المعلم ونظيره الروسي سيرغي لافروف`: one verb, two speakers."""
        if subject is None or subject.kind != PERSON or end >= stop or tokens[end].key[:1] != "و":
            return subject, end
        conjunct = tokens[end]
        without_and = conjunct._replace(text=conjunct.text[1:], key=conjunct.key[1:], start=conjunct.start + 1)
        second, second_end = self.subject_at(tokens[:end] + (without_and,) + tokens[end + 1:], end, stop)
        if second is None or second.kind != PERSON:
            return subject, end
        return Subject(PERSON, subject.refs + second.refs), second_end

    def _office_first(self, tokens: Tokens, k: int, stop: int, earliest: bool) -> tuple[Subject, int]:
        """`وزير الخارجية الروسي سيرغي لافروف`, `مدير المعرض المهندس نزار الحلبي`, `الوزير الروسي`."""
        office_end = self._office_end(tokens, k, stop)
        j = office_end + 1 if office_end < stop and tokens[office_end].text == "،" else office_end
        if j + 1 < stop and name_like(tokens[j]) and tokens[j + 1].key in TITLES:
            j = office_end = j + 1  # the office's own proper name: `في جامعة الملك خالد الدكتورة هند`
        while j < stop and (self._title_at(tokens, j) or self._title_like_office(tokens, j, stop)
                            or short_quote_end(tokens, j, stop)):
            j += 1  # and the mark opening a quoted name: `مدير الشركة، “خليفة الزروق”،`
        named = self._name_at(tokens, j)
        if named:
            ref, end = named
        else:
            end = self._name_end(tokens, j, stop)
            if end > j and not tokens[k].definite and j == office_end == k + 1 and end - j >= 3:
                j, office_end = j + 1, office_end + 1  # `والي ملاطية أحمد طوران`: the place is the office's
            if end == j or not self._name_stands(tokens, j, end, stop):
                return self._office_alone(tokens, k, office_end, earliest), office_end
            ref = self._newcomer(tokens, j, end, self.span(tokens, k, office_end))
        self._add_role(ref, tokens, k, office_end)
        self._mention(ref, full=end - j > 1)
        return Subject(PERSON, (ref,)), end + (1 if end < stop and tokens[end].text == "،" else 0)

    def _title_like_office(self, tokens: Tokens, j: int, stop: int) -> bool:
        """An office worn as a title before a name: `رئيس مجلس النواب، المستشار عقيلة صالح`,
        `... لجامعة الدول العربية السفير حسام زكي`."""
        return (tokens[j].definite and is_office_head(tokens[j].key) and j + 1 < stop
                and name_like(tokens[j + 1]) and not tokens[j + 1].definite and self._name_end(tokens, j + 1, stop) > j + 1)

    def _office_alone(self, tokens: Tokens, k: int, end: int, earliest: bool) -> Subject:
        """An office without a name: someone named before, the anonymous source just quoted
        (`مدير الهلال` ... `وأوضح المدير`), or a source without a name."""
        words = office_words(tokens[k:end])
        ref = self._resolve_office(words, earliest) if words else None
        if ref:
            self._mention(ref, full=True)
            return Subject(PERSON, (ref,))
        if end < len(tokens) and name_like(tokens[end]) and not tokens[end].definite:
            return Subject(UNIDENTIFIED)  # a name follows that could not be told from the words after it
        last = self.last
        if tokens[k].definite and last and last.kind == ANONYMOUS \
                and set(words) <= set(office_words(tokenize(last.label))):
            return last
        return Subject(ANONYMOUS, label=self.span(tokens, k, end))

    def _name_first(self, tokens: Tokens, k: int, stop: int) -> tuple[Subject | None, int]:
        """`أبو شريف الحوراني المتحدث باسم ...`, `محمد أبو زيد وهو من سكان ...`: a name that
        is not in the gazetteer counts only with the office or description after it."""
        end = self._name_end(tokens, k, stop)
        after = end + 1 if end < stop and tokens[end].text == "،" else end
        if end == k or after >= stop:
            return None, k
        if is_office_head(tokens[after].key):
            role_start, role_end = after, self._office_end(tokens, after, stop)
        elif tokens[after].key in DESCRIBED_AS:
            role_start = role_end = after + 1
            while role_end < stop and tokens[role_end].is_word and not tokens[role_end].key.startswith(EVENT_NOUNS) \
                    and (tokens[role_end].key not in SUBJECT_ENDS or role_end == role_start):
                role_end += 1  # `من سكان بلدة الحراك`, up to `في اتصال هاتفي`
        else:
            return None, k
        ref = self._newcomer(tokens, k, end, self.span(tokens, role_start, role_end))
        self._add_role(ref, tokens, role_start, role_end)
        self._mention(ref, full=True)
        return Subject(PERSON, (ref,)), role_end

    def _apposition(self, tokens: Tokens, ref: str, end: int, stop: int) -> int:
        """`مولود جاويش أوغلو، وزير الخارجية التركي،`: the office after a name, remembered."""
        start = end + 1 if end < stop and tokens[end].text == "،" else end
        if start < stop and is_office_head(tokens[start].key):
            office_end = self._office_end(tokens, start, stop)
            self._add_role(ref, tokens, start, office_end)
            return office_end
        return end

    def _office_follows(self, tokens: Tokens, k: int, stop: int) -> bool:
        """`قائد قوات ...` is an office; `قائد في فصيل`, `مسؤول كبير` are anonymous sources."""
        if k + 1 < stop and is_anonymous_adjective(tokens[k + 1]):
            return False
        return self._genitive_end(tokens, k + 1, stop) > k + 1 or self._name_at(tokens, k + 1) is not None

    def someone_there(self, tokens: Tokens, j: int) -> bool:
        """After a verb, a subject that could not be identified: a title, an office, or words
        standing like a name (`وقال الأستاذ في جامعة ...`, `ودعا دوغان إلى ...`)."""
        if j >= len(tokens) or not tokens[j].is_word:
            return False
        token = tokens[j]
        return token.key in TITLES or is_office_head(token.key) or (
            name_like(token) and not token.definite and ends_subject(tokens, j + 1, len(tokens)))

    def span(self, tokens: Tokens, start: int, end: int) -> str:
        return self.text[tokens[start].start:tokens[end - 1].end] if end > start else ""

    # -- the previous speaker, and the people found

    def agrees(self, verb: str, subject: Subject) -> bool:
        """Whether a verb with no subject can continue this speaker: `وأشارت التقارير` after
        Lavrov is not his. Gender is read from the office (`المتحدثة`, `مفوضة`) when known."""
        if subject.kind != PERSON or len(subject.refs) != 1:
            return True
        feminine = self._feminine(subject.refs[0])
        return feminine is None or feminine == (verb in FEMININE_VERBS)

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

