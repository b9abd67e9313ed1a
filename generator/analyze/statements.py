"""Who said what: statements and their speakers in Arabic news prose.

A statement is one finite verb of saying (قال، أكدت، وأضاف ...) outside quotation marks,
with its subject and what it reports. The subject is read where wire copy puts it:
- after the verb: a name, an office and a name in either order (`وزير الخارجية الروسي سيرغي
  لافروف`, `مولود جاويش أوغلو، وزير الخارجية التركي،`), a surname, an office referring to
  someone already named (`الوزير الروسي`, `المبعوث الأممي`, `معاليه`), two people at once
  (`الوزيران`), an anonymous source (`مصدر مسؤول`) or an institution (`وزارة الدفاع`);
- before the verb in `أما X فقال`, `وكان X (قد) قال` and `نقلت وكالة ... عن X قوله`;
- nowhere (`وأضاف أن ...`, `من جهته، قال ...`): the previous subject speaks on, when the verb
  opens a clause (`أن الرئيس أكد` inside reported speech is no new statement) and agrees with
  the speaker's gender as their office shows it (`وأشارت التقارير` does not continue Lavrov).
Quotation marks hide verbs: speech inside speech is the outer speaker's. Headlines state
`الاسم: ...` or `الاسم يدعو ...`. Someone the gazetteer does not know is recognised by an
office next to the name; when a subject is there but cannot be identified, nothing is
attributed, rather than the words going to the previous speaker.
"""

from __future__ import annotations

import bisect
from operator import attrgetter
from typing import NamedTuple

from ..model import Article, Paragraph, Person, Segment, Statement, StatementKind
from ..read.lines import BULLET
from ..text.tokens import Token, Tokens, tokenize
from .discourse import ANONYMOUS, PERSON, UNIDENTIFIED, Discourse, Subject
from .gazetteer import Gazetteer
from .words import (
    ABOUT,
    ALREADY,
    AS_FOR,
    BY_SAYING,
    CLAUSE_OPENERS,
    COMPLEMENTIZERS,
    FRONTED_PHRASES,
    HEADLINE_VERBS,
    IN_IT,
    OBJECT_PRONOUNS,
    QUOTE_MARKS,
    REPORTING_WORDS,
    SAID_FORMS,
    WAS,
    according_to,
    long_quote_end,
    quote_end,
    quoted,
    reports_after,
    verb_kind,
)

LOOKBACK = 15  # tokens searched back for `كان` / `أما`, forward for `عن`
_START = attrgetter("start")  # a token's offset, for binary searches over tokens


class _Said(NamedTuple):  # not a frozen dataclass: made for every statement, and a tuple is cheaper
    subject: Subject
    segment_id: str
    paragraph_id: str
    kind: StatementKind
    quote: str
    order: tuple[int, int]  # (segment in reading order, token)


class _Reader:
    """One pass over an article in reading order: statements, and who makes them."""

    def __init__(self, article: Article, gazetteer: Gazetteer) -> None:
        self.order = {segment.id: n for n, segment in enumerate(article.segments())}
        self.paragraphs = [(p, tokenize(p.text)) for section in article.sections for p in section.paragraphs]
        # Few words may report: found once, for the register's speakers and for the statements.
        self.reporting = [[i for i, token in enumerate(tokens) if token.key in REPORTING_WORDS]
                          for _, tokens in self.paragraphs]
        self.who = Discourse(gazetteer, [(tokens, reporting) for (_, tokens), reporting
                                         in zip(self.paragraphs, self.reporting)])
        self.said: list[_Said] = []

    def read_paragraph(self, paragraph: Paragraph, tokens: Tokens, reporting: list[int]) -> None:
        """`reporting`: the indices of the words that may report, in order."""
        self.who.text = paragraph.text
        inside = quoted(tokens) if reporting else []
        found: list[tuple[int, int, Subject]] = []  # (verb, where what was said starts, subject)
        noted = 0
        for i in reporting:
            if inside[i] or i < noted:
                continue
            verb = verb_kind(tokens[i].key) or ("say" if reports_after(tokens, i) else None) \
                or ("according" if according_to(tokens, i) else None)
            if verb is None:
                continue
            noted = self.who.note_mentions(tokens, noted, i)
            subject, content = self._subject_of(tokens, i, verb)
            noted = max(noted, content)
            if subject is not None:
                self.who.last = subject
                if subject.kind in (PERSON, ANONYMOUS):
                    found.append((i, content, subject))
        self.who.note_mentions(tokens, noted, len(tokens))
        self._record(paragraph, tokens, found)

    def _subject_of(self, tokens: Tokens, i: int, verb: str) -> tuple[Subject | None, int]:
        key = tokens[i].key
        if verb == "relay":  # `نقلت وكالة ... عن X قوله`
            source = next((j for j in range(i + 1, min(i + LOOKBACK, len(tokens))) if tokens[j].key == ABOUT), None)
            if source is None:
                return None, i + 1
            subject, end = self.who.subject_at(tokens, source + 1)
            while end < len(tokens) and (tokens[end].key in SAID_FORMS or tokens[end].text in "”»\""):
                end += 1  # the mark closing a quoted name, and قوله
            return subject, end
        if verb == "according":  # the speaker is the genitive of the statement noun
            return self.who.subject_at(tokens, i + 2)
        if verb == "reply" and BY_SAYING not in {t.key for t in tokens[i + 1:i + 6]}:
            return None, i + 1
        prefixed = key[:1] in "وف" and verb_kind(key[1:]) is not None
        if key[:1] == "ف" and prefixed:
            before = _look_back(tokens, i, AS_FOR)  # `أما X فقالت`
        else:
            before = None if prefixed else _look_back(tokens, i, WAS)  # `وكان X قد قال`
        if before is not None:
            stop = i - 1 if tokens[i - 1].key == ALREADY else i
            subject, end = self.who.subject_at(tokens, before + 1, stop)
            between = tokens[end:stop]
            if subject is not None and (end == stop or subject.kind != PERSON and len(between) <= 8
                                        and all(t.is_word for t in between)):
                return subject, i + 1  # `وكانت إدارة الرئيس الأمريكي دونالد ترامب قد هددت`
        if not prefixed:
            fronted = self._fronted_subject(tokens, i)
            if fronted is not None:
                return fronted, i + 1
        j = i + 1
        while j < len(tokens) and tokens[j].key in OBJECT_PRONOUNS:
            j += 1
        subject, end = self.who.subject_at(tokens, j)
        if subject is not None:
            return subject, end
        if j > i + 1 and tokens[i + 1].key in IN_IT:
            named = self._named_before(tokens, i)
            if named is not None:
                return named, j
        if self.who.someone_there(tokens, j):
            return Subject(UNIDENTIFIED), i + 1
        opens_clause = prefixed or i == 0 or not tokens[i - 1].is_word or tokens[i - 1].key in CLAUSE_OPENERS
        last = self.who.last
        goes_on = opens_clause and last is not None and self.who.agrees(key[1:] if prefixed else key, last)
        return (last if goes_on else None), i + 1

    def _named_before(self, tokens: Tokens, i: int) -> Subject | None:
        """The speaker of `قال فيها`: the person nearest before the verb in its sentence, whose
        speech or claim `فيها` is (`بكلمة لحلواني قالت فيها`, `خطاب الرئيس أوباما الذي قال
        فيه`, `على لسان ... ايلي فايزل، العضو في ...، قال فيها`)."""
        for k in range(i - 1, max(-1, i - 2 * LOOKBACK), -1):
            token = tokens[k]
            if token.text in ".؛؟!":
                return None
            if not token.is_word:
                continue
            for candidate in (token, _without_of(token)):
                if candidate is None:
                    continue
                read = tokens[:k] + (candidate,) + tokens[k + 1:]
                subject, end = self.who.subject_at(read, k, i)
                if subject is not None and subject.kind == PERSON:  # an office alone (`الرئيس`) names no one here
                    return subject if self.who.names_someone(read, k, end) else None
        return None

    def _fronted_subject(self, tokens: Tokens, i: int) -> Subject | None:
        """A person named before the verb, opening the clause: `مدير الثقافة في اللاذقية أحمد
        شريقي أشار ...`, `بدورها، الإعلامية زينب عواضة من قناة المنار عبرت ...`. Only a
        person with a name: an office alone there is the object of an earlier verb."""
        start = _clause_start(tokens, i)
        if start is None or start == i:
            return None
        subject, end = self.who.subject_at(tokens, start, i)
        if subject is None or subject.kind != PERSON or not self.who.names_someone(tokens, start, end):
            return None
        between = tokens[end + 1:i] if end < i and tokens[end].text == "،" else tokens[end:i]
        if between and between[-1].text == "،":  # the rest of an apposition: `، رئيسة تعاونية ...، قالت`
            between = between[:-1]
        if not between or ((between[0].key in FRONTED_PHRASES or tokens[i - 1].text == "،")
                           and len(between) <= LOOKBACK // 2 and all(t.is_word for t in between)):
            return subject
        return None

    def _record(self, paragraph: Paragraph, tokens: Tokens, found: list[tuple[int, int, Subject]]) -> None:
        if not found:
            return
        starts = paragraph.starts
        for n, (verb, content, subject) in enumerate(found):
            sentence = bisect.bisect_right(starts, tokens[verb].start) - 1
            sentence_end = starts[sentence + 1] if sentence + 1 < len(starts) else len(self.who.text)
            end = bisect.bisect_left(tokens, sentence_end, lo=verb, key=_START)  # no list of every token's start
            if n + 1 < len(found) and found[n + 1][0] < end:
                end = found[n + 1][0]  # the next statement in the sentence
            kind, quote = self._what_was_said(tokens, content, end)
            segment = paragraph.sentences[sentence].id
            self.said.append(_Said(subject, segment, paragraph.id, kind, quote, (self.order[segment], verb)))

    def _what_was_said(self, tokens: Tokens, start: int, end: int) -> tuple[StatementKind, str]:
        """The first quotation, or what follows `أن`/`إن`, `:` or SANA's `..`; else the rest."""
        i = start
        while i < end:
            token = tokens[i]
            if token.text in QUOTE_MARKS:  # a quotation, of any length where the words said begin
                opening = i == start or tokens[i - 1].text in ":." or tokens[i - 1].key in COMPLEMENTIZERS
                close = quote_end(tokens, i, end) if opening else long_quote_end(tokens, i, end)
                if close is not None:
                    return StatementKind.DIRECT, self.who.text[token.end:tokens[close - 1].start].strip()
            if token.key in COMPLEMENTIZERS and quote_end(tokens, i + 1, end) is None:
                return StatementKind.REPORTED, self._clause(tokens, i + 1, end)
            if token.text == ":" or (token.text == "." and i + 1 < end and tokens[i + 1].text == "."):
                after = i + 1 if token.text == ":" else i + 2
                if after < end and tokens[after].key not in COMPLEMENTIZERS and quote_end(tokens, after, end) is None:
                    return StatementKind.DIRECT, self._clause(tokens, after, end)
                i = after
                continue
            i += 1
        return StatementKind.REPORTED, self._clause(tokens, start, end)

    def _clause(self, tokens: Tokens, start: int, end: int) -> str:
        return self.who.span(tokens, start, end).strip(" ،,.:؛")

    def read_headline(self, segment: Segment, paragraph_id: str = "") -> None:
        """`لافروف: ...`, `وزير الخارجية الصيني: ...`, `باشليه تحث ...`: read after the body, so
        an office in a headline refers to the first person in the article who holds it. A
        highlight (`- علي العلياني: التحدي كان كبيراً`) is read the same way, in its paragraph."""
        self.who.text = segment.ar
        tokens = tokenize(self.who.text)
        first = 1 if tokens and not tokens[0].is_word else 0  # the highlight's bullet
        stop = next((i for i, t in enumerate(tokens[:8]) if t.text == ":"), None)
        if stop is None:
            stop = next((i for i, t in enumerate(tokens[:6]) if i > first and t.key in HEADLINE_VERBS), None)
        if not stop or stop <= first:
            return
        subject, end = self.who.subject_at(tokens, first, stop, earliest=True)
        if subject is None or subject.kind != PERSON or end != stop:
            return  # anonymous (`مصادر: ...`) and institutional headlines are nobody's statement
        said_from = stop + 1 if tokens[stop].text == ":" else stop
        self.said.append(_Said(subject, segment.id, paragraph_id, StatementKind.HEADLINE,
                               self._clause(tokens, said_from, len(tokens)), (self.order[segment.id], 0)))

    def highlights(self) -> list[tuple[Segment, str]]:
        """Bulleted paragraphs in which no statement was read: (first sentence, paragraph id)."""
        read = {said.segment_id for said in self.said}
        return [(paragraph.sentences[0], paragraph.id) for paragraph, _ in self.paragraphs
                if BULLET.match(paragraph.text) and paragraph.sentences[0].id not in read]

    # -- results

    def statements_and_people(self) -> tuple[tuple[Statement, ...], tuple[Person, ...]]:
        ids = self.who.person_ids()
        statements: list[Statement] = []
        people: dict[str, Person] = {}
        for said in sorted(self.said, key=lambda s: s.order):
            if said.subject.kind == ANONYMOUS:
                statements.append(Statement("", said.segment_id, said.paragraph_id, said.kind, said.quote,
                                            said.subject.label))
            for ref in said.subject.refs:
                statements.append(Statement(ids[ref], said.segment_id, said.paragraph_id, said.kind, said.quote))
                people.setdefault(ref, self.who.person(ref, ids[ref]))
        return tuple(statements), tuple(people.values())


def find_statements(article: Article, gazetteer: Gazetteer) -> tuple[tuple[Statement, ...], tuple[Person, ...]]:
    """Every statement in the article in reading order, and the people who make them."""
    reader = _Reader(article, gazetteer)
    for (paragraph, tokens), reporting in zip(reader.paragraphs, reader.reporting):
        reader.read_paragraph(paragraph, tokens, reporting)
    for sentence, paragraph_id in reader.highlights():
        reader.read_headline(sentence, paragraph_id)
    for segment in [article.title] + [s.heading for s in article.sections if s.heading]:
        reader.read_headline(segment)
    return reader.statements_and_people()


def _without_of(token: Token) -> Token | None:
    """`لحلواني` read as `حلواني`: the genitive `ل` before a name."""
    if token.key[:1] != "ل" or len(token.key) < 4:
        return None
    return token._replace(text=token.text[1:], key=token.key[1:], start=token.start + 1)


def _look_back(tokens: Tokens, i: int, words: frozenset[str]) -> int | None:
    """Index of one of `words` before tokens[i] in the same clause, or None."""
    for j in range(i - 1, max(-1, i - LOOKBACK), -1):
        if tokens[j].key in words:
            return j
        if tokens[j].text in ".؛:؟!" or tokens[j].text in QUOTE_MARKS:
            return None
    return None


def _clause_start(tokens: Tokens, i: int) -> int | None:
    """Where the clause holding tokens[i] starts: the paragraph's start, after a full stop,
    or after `بدوره،`/`من جهته،`; None when a verb of saying comes first (its object)."""
    for j in range(i - 1, max(-1, i - LOOKBACK), -1):
        token = tokens[j]
        if token.text in ".؛؟!" or token.key in CLAUSE_OPENERS:
            return j + 2 if j + 1 < i and tokens[j + 1].text == "،" else j + 1
        if token.is_word and verb_kind(token.key):
            return None
    return 0 if i < LOOKBACK else None
