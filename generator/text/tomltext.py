"""TOML text -> data, with the line of the problem when it is not valid TOML.

Front matter, site.toml, the data files and the translation memories are all TOML; each
caller turns a `TomlProblem` into its own kind of error, with the line it points at.
"""

from __future__ import annotations

from typing import Any

import tomli  # tomllib's upstream, compiled: 3x faster on the translation memories


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
