"""Reading who speaks: the subject of a verb of saying, against what the article said so far.

A `Discourse` follows one article in reading order: a `Register` of who has been named (and
with which offices), reading names and offices by their shapes (`Phrases`), and the last
subject. `subject_at` reads a subject from the tokens at hand:
- a known name, with an office before or after it (`وزير الخارجية الروسي سيرغي لافروف`,
  `مولود جاويش أوغلو، وزير الخارجية التركي،`), and a second one joined by و (`ونظيره ...`);
- an office and a name the gazetteer does not know (`مدير المعرض المهندس نزار الحلبي`), or
  that name and its office or description after it (`محمد أبو زيد وهو من سكان ...`);
- an office alone, which refers to someone already named who holds it (`الوزير الروسي`,
  `المبعوث الأممي`), `معاليه`, or two of them (`الوزيران`); else it is a source without a name;
- an anonymous source (`مصدر مسؤول`, `وأضاف المصدر`) or an institution (`وزارة الدفاع`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.names import is_given_name
from ..text.tokens import Tokens, bare, tokenize
from .gazetteer import Gazetteer
from .register import Register
from .words import (
    ANONYMOUS_REFERENCES,
    ANONYMOUS_SOURCES,
    ANONYMOUS_UNLESS_NAMED,
    DESCRIBED_AS,
    EVENT_NOUNS,
    FEMININE_VERBS,
    HONORIFIC_PRONOUNS,
    HONORIFIC_TITLES,
    INSTITUTIONS,
    SUBJECT_ENDS,
    TITLES,
    ends_subject,
    fold,
    is_anonymous_adjective,
    is_office_head,
    name_like,
    office_words,
    said_next,
    short_quote_end,
)

# What a subject is; only people and anonymous sources make statements. UNIDENTIFIED: someone
# is there (`وقالت ميركل`) but cannot be told, so the previous speaker does not go on.
PERSON, ANONYMOUS, INSTITUTION, UNIDENTIFIED = "person", "anonymous", "institution", "unidentified"


@dataclass(frozen=True)
class Subject:
    kind: str
    refs: tuple[str, ...] = ()  # gazetteer ids, or "?" + surname key for people found here
    label: str = ""  # an anonymous source, as written


class Discourse(Register):
    """Who has been named and who has spoken so far in one article."""

    def __init__(self, gazetteer: Gazetteer, paragraphs: list[tuple[Tokens, list[int]]]) -> None:
        super().__init__(gazetteer, paragraphs)
        self.last: Subject | None = None

    def subject_at(self, tokens: Tokens, k: int, stop: int | None = None,
                   earliest: bool = False) -> tuple[Subject | None, int]:
        """The subject starting at tokens[k] (before `stop`) and the index after it."""
        stop = len(tokens) if stop is None else stop
        first = k
        while k < stop and (self._title_at(tokens, k) or short_quote_end(tokens, k, stop)):
            k += 1  # a title (`الدكتور المقداد`, `د.`) or the mark opening a quoted name (`عن “وانغ”`)
        titles = tokens[first:k]  # mostly none: then neither test below need look
        titled = bool(titles) and any(t.key in TITLES for t in titles)
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
        honour = next((t.key for t in titles if t.key in HONORIFIC_TITLES.values()), None) if titles else None
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

    # -- the previous speaker, and the people found

    def agrees(self, verb: str, subject: Subject) -> bool:
        """Whether a verb with no subject can continue this speaker: `وأشارت التقارير` after
        Lavrov is not his. Gender is read from the office (`المتحدثة`, `مفوضة`) when known."""
        if subject.kind != PERSON or len(subject.refs) != 1:
            return True
        feminine = self._feminine(subject.refs[0])
        return feminine is None or feminine == (verb in FEMININE_VERBS)
