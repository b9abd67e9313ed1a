"""Finding article files and reading them: bytes -> text -> (front matter, body).

Wire copy arrives in whatever encoding the editor's tools produced. We accept UTF-8 (with
or without BOM), UTF-16 with a BOM and Windows-1256, the legacy Arabic code page, and say
so when we had to guess. Line endings and Unicode normalisation (NFC) are fixed here so no
later stage has to care; the text is otherwise kept exactly as written.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any, Callable, Iterator

from .diagnostics import ContentError, Report
from .model import FrontMatter, SourceFile

ARTICLE_SUFFIXES = (".txt", ".md")
FRONT_MATTER_FENCE = "+++"
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


def discover(articles_dir: Path, report: Report) -> list[Path]:
    """Article files under `articles_dir`, in a stable order.

    A symlink that leads outside the content folder is refused: the build must never read
    (and publish) a file the editor did not put in `content/`.
    """
    if not articles_dir.is_dir():
        report.warning(articles_dir, 1, "no articles folder; the site will be empty")
        return []
    root = articles_dir.resolve()
    found = []
    for path in sorted(articles_dir.rglob("*")):
        if path.suffix.lower() not in ARTICLE_SUFFIXES or path.name.startswith("."):
            continue
        if not path.resolve().is_relative_to(root):
            report.error(path, 1, "symlink points outside the articles folder; skipped")
            continue
        if path.is_file():
            found.append(path)
    return found


def decode(data: bytes, path: Path, report: Report) -> tuple[str, str]:
    """Bytes -> (normalised text, encoding name)."""
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data[len(codecs.BOM_UTF8):], "utf-8"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    else:
        if b"\x00" in data:
            raise ContentError("binary data (NUL bytes) in a text article", _line_at(data, data.index(b"\x00")))
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            text, encoding = _legacy_arabic(data, exc), "windows-1256"
            report.warning(path, _line_at(data, exc.start),
                           "not valid UTF-8; decoded as Windows-1256 (legacy Arabic). "
                           "Save the file as UTF-8 to silence this")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), encoding


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


def _topics(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(
        isinstance(t, str) and SLUG_PATTERN.fullmatch(t.removeprefix("-")) for t in value
    ):
        raise ValueError(f"topics must be a list of topic ids (\"-id\" removes one), got {value!r}")
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
    "source": _text,
    "title": _text,
    "topics": _topics,
    "speakers": _speakers,
}


def parse_front_matter(toml_text: str, path: Path, report: Report) -> FrontMatter:
    if not toml_text.strip():
        return FrontMatter()
    try:
        raw = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) if found else toml_text.count("\n") + 1  # "at end of document"
        raise ContentError(f"front matter is not valid TOML: {exc}", 1 + line) from exc
    values: dict[str, Any] = {}
    for key, value in raw.items():
        line = _key_line(toml_text, key)
        if key not in _FIELDS:
            report.warning(path, line, f"unknown front matter key {key!r} (known: {', '.join(_FIELDS)})")
            continue
        try:
            values[key] = _FIELDS[key](value)
        except ValueError as exc:
            raise ContentError(f"front matter: {exc}", line) from exc
    return FrontMatter(**values)


def _key_line(toml_text: str, key: str) -> int:
    for number, line in enumerate(toml_text.split("\n"), 2):  # +1 for the opening fence
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return 1


def read_source(path: Path, report: Report) -> SourceFile:
    """Read one article file; raise `ContentError` when it cannot be used at all."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read file: {exc.strerror}") from exc
    text, encoding = decode(data, path, report)
    toml_text, body, body_line = split_front_matter(text)
    meta = parse_front_matter(toml_text, path, report)
    return SourceFile(path=path, meta=meta, body=body, body_line=body_line, encoding=encoding)


def read_all(articles_dir: Path, report: Report) -> Iterator[SourceFile]:
    """Every readable article; unreadable ones are reported and skipped."""
    for path in discover(articles_dir, report):
        try:
            yield read_source(path, report)
        except ContentError as exc:
            report.error(path, exc.line, str(exc))
