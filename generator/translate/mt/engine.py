"""What the build needs from a machine translation engine, whatever the engine is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

LANGUAGE_NAMES = {"ar": "Arabic", "en": "English"}

ENGINES = ("argos", "opus-mt", "nllb")  # `[translate] engine`
DEVICES = ("auto", "cpu", "cuda")  # `[translate] device`; auto: CUDA when CTranslate2 sees a GPU
# How to make the model folder of each engine that runs a CTranslate2 conversion (needs
# `pip install transformers torch` and the network, once); the folder then goes in `[translate] model`.
CONVERSIONS = {
    "opus-mt": "ct2-transformers-converter --model Helsinki-NLP/opus-mt-ar-en "
               "--output_dir models/opus-mt-ar-en --copy_files source.spm target.spm",
    "nllb": "ct2-transformers-converter --model facebook/nllb-200-distilled-600M "
            "--output_dir models/nllb-200-distilled-600M --copy_files sentencepiece.bpe.model",
}


@dataclass(frozen=True)
class ModelOptions:
    """How the model runs, whatever the engine; its defaults are `[translate]`'s (config.py reads them here)."""

    beam_size: int = 2
    max_decoding_length: int = 256  # a confused model can otherwise repeat itself for long
    batch_size: int = 32  # sentences per batch
    inter_threads: int = 1  # batches translated in parallel
    intra_threads: int = 0  # 0: CTranslate2's default
    compute_type: str = "auto"
    device: str = "auto"  # one of DEVICES


@runtime_checkable
class Translator(Protocol):
    """Translates sentences; `engine_id` names the model so caches can key on it."""

    engine_id: str

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """One translation per sentence, in input order; "" for a blank sentence."""
        ...


class EngineUnavailable(Exception):
    """The configured engine cannot run here: no model, a folder that is not one, no such device.

    Its message is one line, so that it reads well as a diagnostic and in CI logs."""


class ModelNotFound(EngineUnavailable):
    """No installed Argos package matches the language pair."""

    def __init__(self, from_code: str, to_code: str, searched: Sequence[Path]) -> None:
        self.from_code = from_code
        self.to_code = to_code
        self.searched = tuple(searched)
        pair = f"{_name(from_code)}->{_name(to_code)}"
        folders = ", ".join(str(path) for path in self.searched) or "none"
        super().__init__(
            f"no {pair} translation model is installed; install one with `make model`, or "
            f"`pip install 'nashra[translate]'` then `argospm update` and "
            f"`argospm install translate-{from_code}_{to_code}`, "
            f"or set ARGOS_PACKAGES_DIR (searched: {folders})"
        )


class NotAConversion(EngineUnavailable):
    """`[translate] model` is not a CTranslate2 conversion that the engine can run."""

    def __init__(self, engine: str, folder: Path, problem: str) -> None:
        self.engine = engine
        self.folder = folder
        super().__init__(f"{folder} is not a CTranslate2 conversion for engine {engine!r} ({problem}); "
                         f"{how_to_convert(engine)}")


def how_to_convert(engine: str) -> str:
    return (f"make one with `pip install transformers torch` and `{CONVERSIONS[engine]}`, "
            "then set [translate] model to its folder")


def _name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
