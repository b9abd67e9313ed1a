"""Finding article files and reading them: bytes -> text -> (front matter, body).

Wire copy arrives in whatever encoding the editor's tools produced. We accept UTF-8 (with
or without BOM), UTF-16 (a BOM-less one with a warning) and Windows-1256, the legacy Arabic
code page, and say so when we had to guess; a file over MAX_ARTICLE_BYTES is refused unread.
Line endings and Unicode normalisation (NFC) are fixed here so no later stage has to care,
and characters that could reorder or hide text on the page are removed (see
`HIDDEN_CHARACTERS`); the text is otherwise kept exactly as written.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import unicodedata
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit

from ..diagnostics import ContentError, Report
from ..files import digest
from ..model import FrontMatter, SourceFile
from ..text.tomltext import TomlLines, TomlProblem, parse_toml

ARTICLE_SUFFIXES = (".txt", ".md")
FRONT_MATTER_FENCE = "+++"
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A long wire story is some 20 KB; a file a hundred times that is not one article, and
# refusing it keeps the build's time and the page's size bounded.
MAX_ARTICLE_BYTES = 2_000_000

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_BINARY_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")  # found in no text file
# Removed from every article, with a warning:
# - bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): each opens a
#   scope that a careless paste never closes, reordering the text after it ("Trojan Source");
# - invisible characters with no use in Arabic text (zero width space, word joiner,
#   invisible operators, a BOM inside the text, tag characters): they make different texts
#   look the same;
# - control characters (C0 but tab and newline, DEL, C1) and noncharacters: HTML forbids them.
# Kept: ZWNJ and ZWJ (U+200C/D), part of the spelling of Arabic-script languages, and the
# marks LRM, RLM and ALM (U+200E/F, U+061C), which open no scope.
_HIDDEN_BMP = ("\x00-\x08\x0b-\x1f\x7f-\x9f\u180e\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069"
               "\ufdd0-\ufdef\ufeff\ufffe\uffff")  # a character class's inside
_HIDDEN_ASTRAL = "\U000e0000-\U000e007f" + "".join(
    chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(1, 17))
HIDDEN_CHARACTERS = re.compile(f"[{_HIDDEN_BMP}{_HIDDEN_ASTRAL}]")
# Its astral characters make a scan of every character ten times slower: a text is first
# searched for the others and for any astral character at all, which most texts have none of.
_MAYBE_HIDDEN = re.compile(f"[{_HIDDEN_BMP}\U00010000-\U0010ffff]")


def discover(articles_dir: Path, report: Report) -> list[Path]:
    """Article files under `articles_dir`, in the order of their paths as strings.

    A symlink that leads outside the content folder is refused: the build must never read
    (and publish) a file the editor did not put in `content/`; one that leads nowhere (a
    missing file, a loop) is reported, not silently passed over.
    """
    if not articles_dir.is_dir():
        report.warning(articles_dir, 1, "no articles folder; the site will be empty")
        return []
    root = articles_dir.resolve()
    found = []
    # Directory entries, not Paths: they know their kind without a stat, and strings sort
    # fast (a no-op build of 5,000 articles spent 60 ms here).
    for entry in sorted(_entries_under(str(articles_dir)), key=lambda entry: entry.path):
        if os.path.splitext(entry.name)[1].lower() not in ARTICLE_SUFFIXES or entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError for a symlink loop
                report.error(path, 1, "symlink leads nowhere (a missing file or a loop); skipped")
                continue
            if not target.is_relative_to(root):
                report.error(path, 1, "symlink points outside the articles folder; skipped")
                continue
        if entry.is_file():
            found.append(path)
    return found


def _entries_under(folder: str) -> Iterator[os.DirEntry[str]]:
    """Every entry under `folder` but its folders, not descending into linked folders (only
    a file itself can be a link, checked as one)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from _entries_under(entry.path)
            else:
                yield entry


def decode(data: bytes, path: Path, report: Report) -> tuple[str, str]:
    """Bytes -> (normalised text, encoding name)."""
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data[len(codecs.BOM_UTF8):], "utf-8"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    elif b"\x00" in data:
        text, encoding = _bomless_utf16(data, path, report)
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            text, encoding = _legacy_arabic(data, exc), "windows-1256"
            report.warning(path, _line_at(data, exc.start),
                           "not valid UTF-8; decoded as Windows-1256 (legacy Arabic). "
                           "Save the file as UTF-8 to silence this")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = remove_hidden(text, path, report)
    return unicodedata.normalize("NFC", text), encoding


def remove_hidden(text: str, path: Path, report: Report) -> str:
    """Text without the characters of HIDDEN_CHARACTERS, with one warning naming them."""
    found = HIDDEN_CHARACTERS.findall(text) if _MAYBE_HIDDEN.search(text) else []
    if not found:
        return text
    kinds = list(dict.fromkeys(found))
    named = ", ".join(map(_describe, kinds[:3])) + (", ..." if len(kinds) > 3 else "")
    line = text.count("\n", 0, HIDDEN_CHARACTERS.search(text).start()) + 1
    report.warning(path, line, f"removed {len(found)} invisible or control character{'s' if len(found) > 1 else ''} "
                               f"({named}): they can reorder or hide text")
    # Controls that separate words (vertical tab from Word's line break, form feed) become spaces.
    return HIDDEN_CHARACTERS.sub(lambda match: " " if match.group().isspace() else "", text)


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def _bomless_utf16(data: bytes, path: Path, report: Report) -> tuple[str, str]:
    """UTF-16 saved without a BOM has NUL bytes on one side of each byte pair only (the high
    byte of every ASCII character) and decodes to text; anything else with NULs is binary."""
    even, odd = data[0::2], data[1::2]
    encoding = "utf-16-le" if b"\x00" not in even else "utf-16-be" if b"\x00" not in odd else None
    try:
        text = data.decode(encoding) if encoding and len(data) % 2 == 0 else None
    except UnicodeDecodeError:
        text = None
    if text is None or _BINARY_CONTROL.search(text):
        raise ContentError("binary data (NUL bytes) in a text article", _line_at(data, data.index(b"\x00")))
    report.warning(path, 1, f"UTF-16 without a byte order mark; decoded as {encoding.upper()}. "
                            "Save the file as UTF-8 to silence this")
    return text, encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ContentError(f"invalid {encoding.upper()} at byte {exc.start}", _line_at(data, exc.start)) from exc


def _legacy_arabic(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    # cp1256 maps almost every byte, so only trust it when the result reads as Arabic.
    letters = [c for c in text if c.isalpha()]
    if not letters or len(_ARABIC_LETTER.findall(text)) < 0.5 * len(letters):
        raise ContentError(
            f"cannot decode: not UTF-8, UTF-16 or Windows-1256 (invalid UTF-8 at byte {utf8_error.start})",
            _line_at(data, utf8_error.start),
        )
    return text


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def split_front_matter(text: str) -> tuple[str, str, int]:
    """-> (TOML text, body, line number of the body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return "", text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() == FRONT_MATTER_FENCE:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    raise ContentError(f"front matter opened with '{FRONT_MATTER_FENCE}' is never closed", 1)


def _slug(value: Any) -> str:
    if not isinstance(value, str) or not SLUG_PATTERN.fullmatch(value):
        raise ValueError(f"slug must be lowercase ASCII letters, digits and dashes, got {value!r}")
    return value


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"date must be a date like 2016-02-13, got {value!r}")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be a string, got {value!r}")
    return unicodedata.normalize("NFC", value.strip())


def _url(value: Any) -> str:
    """Only web addresses: the value becomes a link, and `javascript:` must never be one."""
    text = _text(value)
    parts = urlsplit(text)
    if text and (parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in text)):
        raise ValueError(f"source must be an http(s) URL, got {value!r}")
    return text


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, got {value!r}")
    return value


def _topics(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(
        isinstance(t, str) and SLUG_PATTERN.fullmatch(t.removeprefix("-")) for t in value
    ):
        raise ValueError(f"topics must be a list of topic ids (\"-id\" removes one), got {value!r}")
    return tuple(value)


def _aliases(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(a, str) and SLUG_PATTERN.fullmatch(a) for a in value):
        raise ValueError(f"aliases must be a list of former slugs, got {value!r}")
    return tuple(value)


def _speakers(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and (v == "" or SLUG_PATTERN.fullmatch(v)) for k, v in value.items()
    ):
        raise ValueError(f"speakers must map paragraph ids to person ids (\"\" for none), got {value!r}")
    return dict(value)


_FIELDS: dict[str, Callable[[Any], Any]] = {
    "slug": _slug,
    "date": _date,
    "source": _url,
    "title": _text,
    "topics": _topics,
    "speakers": _speakers,
    "draft": _flag,
    "aliases": _aliases,
}


def parse_front_matter(toml_text: str, path: Path, report: Report) -> FrontMatter:
    if not toml_text.strip():
        return FrontMatter()
    try:
        raw = parse_toml(toml_text)
    except TomlProblem as exc:
        raise ContentError(f"front matter is {exc}", 1 + exc.line) from exc
    values: dict[str, Any] = {}
    lines = TomlLines(toml_text, first=2)  # under the opening fence
    for key, value in raw.items():
        line = lines.key(key)
        if key not in _FIELDS:
            report.warning(path, line, f"unknown front matter key {key!r} (known: {', '.join(_FIELDS)})")
            continue
        try:
            values[key] = _FIELDS[key](value)
        except ValueError as exc:
            raise ContentError(f"front matter: {key}: {exc}" if key == "draft" else f"front matter: {exc}", line) from exc
    return FrontMatter(**values)


def read_source(path: Path, report: Report) -> SourceFile:
    """Read one article file; raise `ContentError` when it cannot be used at all."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(MAX_ARTICLE_BYTES + 1)  # never more, whatever the size says
    except OSError as exc:
        raise ContentError(f"cannot read: {exc.strerror}") from exc
    if len(data) > MAX_ARTICLE_BYTES:
        raise ContentError(f"file is {max(size, len(data)) / 1e6:.1f} MB; an article may be at most "
                           f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB")
    text, encoding = decode(data, path, report)
    toml_text, body, body_line = split_front_matter(text)
    meta = parse_front_matter(toml_text, path, report)
    return SourceFile(path=path, meta=meta, body=body, body_line=body_line, encoding=encoding, digest=digest(data))
