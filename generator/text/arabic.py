"""Arabic text helpers: sentence splitting and matching keys.

Display text is never changed here; `match_key` produces a separate normalised form used
only to compare words (names, keywords, boilerplate cues).
"""

from __future__ import annotations

import functools
import re
import unicodedata
import warnings

with warnings.catch_warnings():  # pyarabic 0.6.15 has invalid escapes in its regexes
    warnings.simplefilter("ignore", SyntaxWarning)
    from pyarabic import araby

_TERMINATORS = ".!?؟…"
_OPENING_QUOTES = {"“": "”", "«": "»", "„": "“"}
_CLOSERS = "”»\"')]’"
_SENTENCE_MARK = re.compile("[" + re.escape(_TERMINATORS + "".join(_OPENING_QUOTES) + "".join(_OPENING_QUOTES.values())
                                             + '"') + "]")
_WORD = re.compile(r"\w+", re.UNICODE)
# Invisible formatting kept in the display text (ZWNJ, ZWJ, direction marks, soft hyphen):
# it must not split or change a word that is compared.
_FORMAT_CHARACTERS = re.compile("[\u00ad\u061c\u200c-\u200f]")
_ARABIC_SCRIPT_LETTERS = ("\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
                          "\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc")  # a character class's inside
_ARABIC_SCRIPT_LETTER = re.compile(f"[{_ARABIC_SCRIPT_LETTERS}]")
# Counting letters by deleting the rest: findall would make a string of every letter.
_NON_LETTERS = re.compile(r"[\W\d_]+")
_ARABIC_SCRIPT_RUN = re.compile(f"[{_ARABIC_SCRIPT_LETTERS}]+")
# The few characters of those ranges that are not letters (the superscript alef, marks, ornate
# parentheses, the rial sign); the ranges are all in the BMP.
_ARABIC_SCRIPT_NON_LETTER = re.compile("[" + re.escape("".join(
    char for char in _ARABIC_SCRIPT_LETTER.findall("".join(map(chr, range(0x10000)))) if _NON_LETTERS.match(char))) + "]")
# Letters of Persian spelling that Arabic does not use: peh, tcheh, jeh, gaf, keheh, Farsi yeh.
_PERSIAN_LETTERS = frozenset("پچژگکی")
_ARABIC_ARTICLE = re.compile(r"(?:[وفبك]?ال|[وف]?لل)\w")  # ال with the particles written onto it


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Split a paragraph into sentences; returns (offset, sentence) pairs.

    pyarabic's `sentence_tokenize` also splits at commas, which cuts Arabic news prose (long
    sentences chained with و and ،) into fragments no translator can use. Here a sentence
    ends at `. ! ? ؟ …` followed by white space, except:
    - inside a quotation (“…” «…» "…"), so a quoted statement stays whole;
    - at a run of two or more dots (`..`), which Arabic wire copy uses as a colon;
    - after a one-letter abbreviation (`د.` for Dr, `U.S.`) or between digits (3.5).
    When quotes are unbalanced (a typo in the copy) they are ignored rather than letting
    one stray mark swallow the rest of the paragraph.
    """
    boundaries = _boundaries(text, track_quotes=True)
    if boundaries is None:
        boundaries = _boundaries(text, track_quotes=False) or []
    sentences: list[tuple[int, str]] = []
    start = 0
    for end in boundaries + [len(text)]:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            sentences.append((start + len(chunk) - len(chunk.lstrip()), stripped))
        start = end
    return sentences


def _boundaries(text: str, *, track_quotes: bool) -> list[int] | None:
    """Offsets where a new sentence starts; None when quotes do not balance."""
    found: list[int] = []
    expected_closers: list[str] = []
    n = len(text)
    resume = 0  # past the marks and closers of the last sentence end
    for mark in _SENTENCE_MARK.finditer(text):  # the only characters that matter here
        i = mark.start()
        if i < resume:
            continue
        char = text[i]
        if track_quotes:
            if expected_closers and char == expected_closers[-1]:
                expected_closers.pop()
            elif char in _OPENING_QUOTES:
                expected_closers.append(_OPENING_QUOTES[char])
            elif char == '"':
                expected_closers.append('"')
        if char in _TERMINATORS and not expected_closers:
            run_end = i
            while run_end + 1 < n and text[run_end + 1] in _TERMINATORS:
                run_end += 1
            dots = text[i:run_end + 1]
            end = run_end + 1
            while end < n and text[end] in _CLOSERS:
                end += 1
            if _ends_sentence(text, i, dots, end):
                found.append(end)
            resume = end
    if track_quotes and expected_closers:
        return None
    return found


def _ends_sentence(text: str, at: int, marks: str, after: int) -> bool:
    if after >= len(text) or not text[after].isspace():
        return False  # end of paragraph (handled by caller), or 3.5, U.S.A
    if set(marks) == {"."} and len(marks) >= 2:
        return False  # ".." introduces a quote or pauses in wire copy
    if marks == ".":
        word = _WORD.findall(text[max(0, at - 20):at])
        if word and len(word[-1]) == 1 and not word[-1].isdigit():
            return False  # one-letter abbreviation: د. or U.
    return True


@functools.lru_cache(maxsize=8192)  # rules ask for the key of one line many times over
def match_key(text: str) -> str:
    """A normalised form for comparing Arabic words; never shown to readers.

    Removes diacritics and tatweel and folds the letters that spelling varies on
    (أ/إ/آ -> ا, ى -> ي, ة -> ه, ؤ/ئ -> ء), so `ميونيخ`/`ميونيخ` or `أمريكي`/`امريكي` meet.
    """
    text = _FORMAT_CHARACTERS.sub("", unicodedata.normalize("NFKC", text))
    # pyarabic's own patterns; its strip_tashkeel() scans every letter first, on every word.
    text = araby.TASHKEEL_PATTERN.sub("", araby.strip_tatweel(text)).replace(araby.MINI_ALEF, "")
    text = text.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "ء").replace("ئ", "ء")
    # pyarabic's normalize_alef() is a pattern that replaces every plain alef by itself too;
    # with ى and the small alef gone already, it comes to these four.
    text = text.replace("آ", "ا").replace("أ", "ا").replace("إ", "ا").replace("ٱ", "ا")
    return " ".join(_WORD.findall(text.lower()))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@functools.lru_cache(maxsize=4096)  # the page rules ask a line's length in words a few times each
def word_count(text: str) -> int:
    """Words as white space separates them (`words` finds runs of letters and digits)."""
    return len(text.split())


def arabic_share(text: str) -> float:
    """Share of letters that are Arabic script (0.0 when there are no letters)."""
    # Letters are counted in what remains without the Arabic script, short in Arabic copy:
    # telling every character's category is the slow part. Without spaces its runs are few.
    text = text.replace(" ", "")
    other = _ARABIC_SCRIPT_RUN.sub("", text)
    arabic = len(text) - len(other)
    letters = arabic - len(_ARABIC_SCRIPT_NON_LETTER.findall(text)) + len(_NON_LETTERS.sub("", other))
    return arabic / letters if letters else 0.0


def looks_persian(text: str) -> bool:
    """Arabic script but not Arabic: Persian letters (ی ک گ پ ...) in many words and the
    article ال in few. Arabic typed on a Persian keyboard has the letters but keeps ال;
    Urdu and other languages written in the script are caught too."""
    if not any(letter in text for letter in _PERSIAN_LETTERS):  # six fast scans, not a set lookup per character
        return False  # Arabic text: no need to look at every word
    arabic_words = [w for w in _WORD.findall(text) if _ARABIC_SCRIPT_LETTER.match(w)]
    if len(arabic_words) < 5:
        return False
    persian = sum(not _PERSIAN_LETTERS.isdisjoint(w) for w in arabic_words)
    with_article = sum(bool(_ARABIC_ARTICLE.match(w)) for w in arabic_words)
    return persian >= 0.1 * len(arabic_words) and with_article < 0.1 * len(arabic_words)
