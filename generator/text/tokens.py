"""Arabic text as a list of tokens that know both their display text and their matching key.

Speaker and topic analysis compare words through `arabic.match_key` but must point back at
the text as written (a quote, a name, a keyword shown as evidence). `tokenize` keeps each
word's offsets in the original string; a word's key and article are computed once for all
the paragraphs it occurs in, because pyarabic's diacritic stripping is slow and news copy
repeats its vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .arabic import match_key

# A word is a run of word characters with the Arabic marks and tatweel that belong to it;
# every other visible character (، : “ » . - ...) is a token of its own.
_TOKEN = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+|\S")

# Prefixes a word may carry: conjunction (و ف), preposition (ب ل ك), article (ال), and لل
# (ل + ال, whose alef is dropped). Longest first, so the barest stem comes last.
_CLITIC_PREFIXES = sorted(
    {conj + prep + art for conj in ("", "و", "ف") for prep in ("", "ب", "ل", "ك") for art in ("", "ال")}
    | {conj + "لل" for conj in ("", "و", "ف")},
    key=len, reverse=True,
)[:-1]  # the empty prefix


_MARK = "[\u0610-\u061A\u064B-\u065F\u0670\u0640]*"
# The article as written, before at least two letters: plain alef, so `ألكسندر` (hamza) is
# a name and not `ال` + noun; with و ف ب ك before it, or as لل after ل.
_ARTICLE = re.compile(rf"(?:[وفبك]{_MARK})?ا{_MARK}ل{_MARK}\w{_MARK}\w|(?:[وف]{_MARK})?ل{_MARK}ل{_MARK}\w{_MARK}\w")


class Token(NamedTuple):  # not a frozen dataclass: one is made for every word, and a tuple is cheaper
    text: str  # as written
    key: str  # match_key of a word; the character itself for punctuation
    start: int  # offsets in the tokenized string
    end: int
    is_word: bool
    definite: bool = False  # carries the article (الوزير، للأمم، والمغتربين)


Tokens = tuple[Token, ...]


# Speakers and topics read the same paragraphs, one article at a time: a few articles' worth,
# since evicting tokens made long ago (cold in the CPU's caches) cost more than keeping them saved.
@lru_cache(maxsize=128)
def tokenize(text: str) -> Tokens:
    tokens = []
    odd_keys = False
    for m in _TOKEN.finditer(text):
        token_text = m.group()
        start, end = m.span()
        word = _word(token_text)
        # tuple.__new__: a NamedTuple's own __new__ is a Python function, a third of the time here
        if word:
            odd_keys = odd_keys or word[2]
            tokens.append(tuple.__new__(Token, (token_text, word[0], start, end, True, word[1])))
        else:
            tokens.append(tuple.__new__(Token, (token_text, token_text, start, end, False, False)))
    return _keyed_as_a_paragraph(tokens) if odd_keys else tuple(tokens)


@lru_cache(maxsize=65536)  # a vocabulary: the same words recur across paragraphs and articles
def _word(token_text: str) -> tuple[str, bool, bool] | None:
    """A word's matching key, whether it carries the article, and whether its key is empty
    or more than one word; None for punctuation."""
    if len(token_text) == 1 and not token_text.isalnum():
        return None
    key = match_key(token_text)
    return key, _ARTICLE.match(token_text) is not None, not key or " " in key


def _keyed_as_a_paragraph(tokens: list[Token]) -> Tokens:
    """Keys where a word's key is empty (a word made only of marks) or several words (a
    ligature NFKC spells out), as they always were: the words' keys in one `match_key` of the paragraph, one per word, or,
    where their number differs, each word's key with its spaces removed."""
    words = [t.text for t in tokens if t.is_word]
    keys = match_key(" ".join(words)).split(" ")
    if len(keys) != len(words):
        keys = [match_key(w).replace(" ", "") for w in words]
    next_key = iter(keys).__next__
    return tuple(t._replace(key=next_key()) if t.is_word else t for t in tokens)


@lru_cache(maxsize=65536)  # a vocabulary: the same words recur across articles
def clitic_variants(key: str) -> tuple[str, ...]:
    """The word as written first (وقف، لبنان start with a clitic-like letter), then the
    word without each clitic prefix it may carry (والإرهاب -> الإرهاب, إرهاب)."""
    return (key,) + tuple(key[len(p):] for p in _CLITIC_PREFIXES if key.startswith(p) and len(key) - len(p) >= 2)


@lru_cache(maxsize=65536)  # asked of the same words over and over (offices, keywords)
def bare(key: str) -> str:
    """The noun without article or attached preposition: `الوزير` -> `وزير`, `للأمم` -> `امم`.
    Used where both sides of a comparison are reduced the same way (roles, keywords)."""
    for prefix in ("وال", "بال", "لل", "ال"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            return key[len(prefix):]
    return key
