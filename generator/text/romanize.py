"""Arabic personal names in Latin letters, for the slugs and labels of speaker pages.

A speaker the gazetteer does not know still needs a readable address: python-slugify's
transliteration drops the vowels Arabic does not write (`رائد أبو السعود` -> `ryd-bw-ls-wd`).
Names are romanized as the press does (`Raed Abu al-Saud`): the common given names, family
names and particles from a table, since their vowels cannot be read from the letters; any
other word by letter, with long vowels from و/ي/ا and a short `a` where Arabic writes none
between consonants. It is never a scholarly transliteration, only one a reader can say.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pyarabic import araby
from slugify import slugify

from .arabic import match_key
from .names import GIVEN_NAMES

MAX_SLUG_CHARS = 60

# Surnames and foreign names well known in the news, besides the given names of `names`.
_WELL_KNOWN = {
    "شكري": "Shoukry", "فلاديمير": "Vladimir", "بوتين": "Putin", "سيرغي": "Sergey",
    "لافروف": "Lavrov", "غوتيريش": "Guterres", "اردوغان": "Erdogan", "المقداد": "al-Mekdad",
    "ثاني": "Thani", "السعود": "al-Saud", "هيكل": "Heikal", "الصفدي": "al-Safadi",
    "مدبولي": "Madbouly", "السيسي": "al-Sisi", "هنيه": "Haniyeh", "ميركل": "Merkel",
    "انغيلا": "Angela", "ترامب": "Trump", "دونالد": "Donald", "بايدن": "Biden", "جو": "Joe",
    "ماكرون": "Macron", "شيخ": "Sheikh",
}
_NAMES = {match_key(name): latin for name, latin in _WELL_KNOWN.items()} | GIVEN_NAMES
_PARTICLES = {"بن": "bin", "بنت": "bint", "ابن": "ibn", "ابو": "Abu", "ابي": "Abi", "ال": "Al", "ام": "Umm"}
_LETTERS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "", "ئ": "e", "ؤ": "o",
    "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g",
}
_VOWEL_LETTERS = set("اوىيةع")
_NOT_LETTER = re.compile(r"[^\w\s]|_|\d")


def romanize_name(name: str) -> str:
    """`رائد أبو السعود` -> `Raed Abu al-Saud`; Latin words stay as written."""
    words = _NOT_LETTER.sub(" ", araby.strip_tatweel(araby.strip_tashkeel(name))).split()
    out: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word == "عبد" and index + 1 < len(words):  # `عبد العزيز` -> Abdulaziz
            index += 1
            word = "عبد" + words[index]
        out.append(_word(word, first=not out))
        index += 1
    return " ".join(part for part in out if part)


def name_slug(name: str) -> str:
    """A lowercase ASCII slug of the romanized name, cut at a word: `raed-abu-al-saud`."""
    return slugify(romanize_name(name), max_length=MAX_SLUG_CHARS, word_boundary=True)


@lru_cache(maxsize=4096)
def _word(word: str, first: bool) -> str:
    if not word or word.isascii():
        return word
    key = match_key(word)
    if key in _PARTICLES:
        return _PARTICLES[key]
    if key in _NAMES:
        return _capital(_NAMES[key], first)
    if word.startswith("عبد") and len(word) > 3:  # `عبدالله`, `عبدالغفار`
        rest = word[3:]
        rest = rest[2:] if rest.startswith("ال") and len(rest) > 3 else rest
        return "Abdul" + (_NAMES.get(match_key(rest)) or _letters(rest)).lower().removeprefix("al-")
    if word.startswith("ال") and len(word) > 3:  # the article as written (`إلياس` has none)
        rest = _NAMES.get(key[2:]) or _letters(word[2:])
        return ("Al-" if first else "al-") + rest[:1].upper() + rest[1:]
    return _letters(word).capitalize()


def _capital(text: str, first: bool) -> str:
    return text[:1].upper() + text[1:] if first else text


def _letters(word: str) -> str:
    """Letter by letter, with a short `a` where two consonants would otherwise meet at the
    start of a word or three in a row: `زهران` -> zahran, `شريقي` -> shariqi."""
    sounds: list[tuple[str, bool]] = []  # (latin, is a vowel)
    for n, char in enumerate(word):
        before = word[n - 1] if n else ""
        after = word[n + 1] if n + 1 < len(word) else ""
        if char in "اأآ":
            sounds.append(("a", True))
        elif char == "إ":
            sounds.append(("i", True))
        elif char in "ىة":
            sounds.append(("a", True))
        elif char == "ع":
            sounds.append(("a", True) if not before or before not in _VOWEL_LETTERS else ("", True))
        elif char in "وي":
            consonant = not before or before in "اىو" or (after in _VOWEL_LETTERS and after != "")
            if consonant and n + 1 < len(word):
                sounds.append(("w" if char == "و" else "y", False))
            else:
                sounds.append(("ou" if char == "و" else "i", True))
        elif char in _LETTERS:
            sounds.append((_LETTERS[char], False))
    return _with_vowels(sounds)


def _with_vowels(sounds: list[tuple[str, bool]]) -> str:
    out: list[str] = []
    run = 0  # consonants in a row so far
    for n, (latin, vowel) in enumerate(sounds):
        if not latin:
            continue
        if vowel:
            run = 0
        else:
            if run and (len(out) == 1 or run >= 2):
                out.append("a")
                run = 0
            run += 1
        out.append(latin)
    return "".join(out) or ""
