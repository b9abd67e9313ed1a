"""The shapes of names and offices in Arabic news prose, read token by token.

A name the gazetteer does not know is 2-5 words, the article only after a connector (`عبد
الرحمن`) or on the last word (`نزار الحلبي`). An office is a head noun with its genitives
closing on a definite noun, adjectives, `باسم`/`في`/`إلى`/`لدى` phrases, coordinated
offices and a bracketed acronym (`(اليونيسف)`). What is known by name (`_name_at`) is the
register's business; these shapes only ask it.
"""

from __future__ import annotations

from ..text.names import is_given_name
from ..text.tokens import Tokens, bare
from .words import (
    ABOUT,
    COMPLEMENTIZERS,
    EVENT_NOUNS,
    FOR,
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
    chain_noun,
    ends_subject,
    is_adjective,
    is_office_head,
    name_like,
    short_quote_end,
)

MAX_NAMED_PLACE_WORDS = 4
MAX_NAME_WORDS = 5  # besides the connectors بن, آل, أبو ...
_CLOSE_NO_CHAIN = SUBJECT_ENDS | TITLES  # definite words that do not close a construct chain


class Phrases:
    """Where a name or an office that starts at a token ends."""

    text: str  # the paragraph or headline being read; tokens' offsets point into it
    spoken_alone: set[str]  # words seen alone as the subject of a verb of saying

    def _name_at(self, tokens: Tokens, i: int, surnames: bool = True) -> tuple[str, int] | None:
        raise NotImplementedError  # the register knows the names

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
        if j < stop and tokens[j].is_word and tokens[j].definite and tokens[j].key not in _CLOSE_NO_CHAIN:
            return j + 1
        return i

    def _title_like_office(self, tokens: Tokens, j: int, stop: int) -> bool:
        """An office worn as a title before a name: `رئيس مجلس النواب، المستشار عقيلة صالح`,
        `... لجامعة الدول العربية السفير حسام زكي`."""
        return (tokens[j].definite and is_office_head(tokens[j].key) and j + 1 < stop
                and name_like(tokens[j + 1]) and not tokens[j + 1].definite and self._name_end(tokens, j + 1, stop) > j + 1)

    def span(self, tokens: Tokens, start: int, end: int) -> str:
        return self.text[tokens[start].start:tokens[end - 1].end] if end > start else ""
