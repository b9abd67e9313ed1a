"""TOML text -> data, with the line of the problem when it is not valid TOML.

Front matter, site.toml, the data files and the translation memories are all TOML; each
caller turns a `TomlProblem` into its own kind of error, with the line it points at.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any


class TomlProblem(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def parse_toml(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except RecursionError as exc:  # tomllib recurses into nested arrays and tables
        raise TomlProblem("not valid TOML: nested too deeply", 1) from exc
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) if found else text.count("\n") + 1  # "at end of document"
        raise TomlProblem(f"not valid TOML: {exc}", line) from exc
