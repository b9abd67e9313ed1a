"""TOML text -> data, with the line of the problem when it is not valid TOML.

Front matter, site.toml, the data files and the translation memories are all TOML; each
caller turns a `TomlProblem` into its own kind of error, with the line it points at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tomli  # tomllib's upstream, compiled: the translation memories are read on every build

from ..diagnostics import Report


class TomlProblem(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def parse_toml(text: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except RecursionError as exc:  # the parser recurses into nested arrays and tables
        raise TomlProblem("not valid TOML: nested too deeply", 1) from exc
    except tomli.TOMLDecodeError as exc:
        raise TomlProblem(f"not valid TOML: {exc}", exc.lineno) from exc


_TABLE = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""\s*((?:[A-Za-z0-9_-]+|"[^"]*")(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"))*)\s*=""")


def _name(dotted: str) -> str:
    return ".".join(part.strip().strip('"') for part in dotted.split("."))


class TomlLines:
    """Where each table and key of a TOML text stands, for messages (the parser keeps no
    positions): found in one pass, keys by their full dotted name (`translate.beam_size`,
    `segments.s1-p2-1`), the first occurrence of each. `first` is the number of the text's
    first line in its file (a front matter starts under its fence)."""

    def __init__(self, text: str, first: int = 1) -> None:
        self.tables: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        table = ""
        for number, line in enumerate(text.split("\n"), first):
            if (found := _TABLE.match(line)) and not line.lstrip().startswith("[["):
                table = _name(found.group(1))
                self.tables.setdefault(table, number)
            elif found := _KEY.match(line):
                key = _name(found.group(1))
                self.keys.setdefault(f"{table}.{key}" if table else key, number)
        self.first = first

    def table(self, name: str) -> int:
        return self.tables.get(name, self.first)

    def key(self, dotted: str) -> int:
        """The key's line, else its table's, else the text's first."""
        table = dotted.rpartition(".")[0]
        return self.keys.get(dotted) or self.tables.get(dotted) or self.tables.get(table) or self.first


def read_toml(path: Path, report: Report) -> tuple[dict, str]:
    """A TOML file's data and text: ({}, "") when it is missing or reported as broken."""
    try:
        text = path.read_text(encoding="utf-8")
        return parse_toml(text), text
    except FileNotFoundError:
        return {}, ""
    except (OSError, UnicodeDecodeError) as exc:
        report.error(path, 1, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
    except TomlProblem as exc:
        report.error(path, exc.line, str(exc))
    return {}, ""
