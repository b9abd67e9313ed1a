"""What the build needs from a machine translation engine, whatever the engine is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

LANGUAGE_NAMES = {"ar": "Arabic", "en": "English"}


@dataclass(frozen=True)
class ArgosOptions:
    """How the model runs; its defaults are `[translate]`'s (config.py reads them here)."""

    beam_size: int = 2
    max_decoding_length: int = 256  # a confused model can otherwise repeat itself for long
    batch_size: int = 32  # sentences per batch
    inter_threads: int = 1  # batches translated in parallel
    intra_threads: int = 0  # 0: CTranslate2's default
    compute_type: str = "auto"


@runtime_checkable
class Translator(Protocol):
    """Translates sentences; `engine_id` names the model so caches can key on it."""

    engine_id: str

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """One translation per sentence, in input order; "" for a blank sentence."""
        ...


class ModelNotFound(Exception):
    """No installed translation package matches the language pair."""

    def __init__(self, from_code: str, to_code: str, searched: Sequence[Path]) -> None:
        self.from_code = from_code
        self.to_code = to_code
        self.searched = tuple(searched)
        pair = f"{_name(from_code)}->{_name(to_code)}"
        folders = ", ".join(str(path) for path in self.searched) or "none"
        # One line, so that it reads well as a diagnostic and in CI logs.
        super().__init__(
            f"no {pair} translation model is installed; "
            f"install one with `argospm install translate-{from_code}_{to_code}` "
            f"or set ARGOS_PACKAGES_DIR (searched: {folders})"
        )


def _name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
