"""Problems found in the input, reported as `path:line: level: message` and counted.

Stages never print or raise for bad content: they add a `Diagnostic` to the `Report` and go
on, so one bad article does not stop the others (MkDocs' CountHandler, without logging's
global state). The CLI decides the exit code at the end; `--strict` counts warnings as errors.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Iterable, TextIO


class Level(str, Enum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Diagnostic:
    path: Path | None
    line: int
    level: Level
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: " if self.path else ""
        return f"{where}{self.level.value}: {self.message}"


class ContentError(Exception):
    """Raised by a stage when one input cannot be used at all; caught per input."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Report:
    """Collects diagnostics for one build; echoes them as they come when `stream` is set."""

    stream: TextIO | None = field(default_factory=lambda: sys.stderr)
    root: Path | None = None  # paths are shown relative to this when possible
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, path: Path | None, line: int, level: Level, message: str) -> None:
        diagnostic = Diagnostic(self.shown(path), line, level, message)
        self.diagnostics.append(diagnostic)
        if self.stream is not None:
            print(diagnostic, file=self.stream)

    def replay(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Report again what was found earlier (in a worker process, or a cached build)."""
        for diagnostic in diagnostics:
            self.diagnostics.append(diagnostic)
            if self.stream is not None:
                print(diagnostic, file=self.stream)

    def warning(self, path: Path | None, line: int, message: str) -> None:
        self.add(path, line, Level.WARNING, message)

    def error(self, path: Path | None, line: int, message: str) -> None:
        self.add(path, line, Level.ERROR, message)

    @property
    def errors(self) -> int:
        return sum(d.level is Level.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.level is Level.WARNING for d in self.diagnostics)

    def failed(self, strict: bool) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)

    def shown(self, path: Path | None) -> Path | None:
        """A path as diagnostics print it: relative to the site when inside it."""
        if path is None or self.root is None:
            return path
        try:  # abspath, not resolve(): a symlink is shown by its own name, and a loop is no crash
            return Path(os.path.abspath(path)).relative_to(self.root.resolve())
        except ValueError:
            return path
