"""Models run on CTranslate2 with SentencePiece: what every engine shares, and the two engines
that run a conversion made by `ct2-transformers-converter` (OPUS-MT's Marian, NLLB-200).

`CTranslate2Translator` owns the model, the device, and the batching (sentences sorted by
length, batches of `batch_size`, progress after each call); the engines differ only in their
SentencePiece files, the special tokens around a sentence's pieces, and the forced target
prefix (argos.py adds Argos packages). The native libraries load only when a model is opened.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .engine import EngineUnavailable, ModelOptions, NotAConversion, how_to_convert

if TYPE_CHECKING:
    from ...config import TranslateConfig

BatchCallback = Callable[[int, int], None]
"""Called after each translate_batch call with (sentences done, sentences to translate)."""

# Never part of a translation: CTranslate2 leaves </s> out of hypotheses, but a copied
# unknown (replace_unknowns) can be any source token, these included. (<unk> is kept: it
# decodes to " ⁇ ", which shows a reviewer that a word was lost.)
SPECIAL_TOKENS = frozenset({"<s>", "</s>", "<pad>"})
MODEL_FILES = ("model.bin", "config.json")


def _runtime() -> tuple[Any, Any]:
    try:
        import ctranslate2
        import sentencepiece
    except ImportError as error:
        raise ImportError(
            "machine translation needs ctranslate2 and sentencepiece: pip install 'nashra[mt]'"
        ) from error
    return ctranslate2, sentencepiece


def resolve_device(device: str) -> str:
    """`auto` is CUDA when CTranslate2 sees a GPU, else the CPU; `cuda` without one is refused."""
    if device == "cpu":
        return device
    ctranslate2, _ = _runtime()
    if ctranslate2.get_cuda_device_count() > 0:
        return "cuda"
    if device == "cuda":
        raise EngineUnavailable('[translate] device = "cuda", but CTranslate2 finds no CUDA device; '
                                'use "auto" or "cpu"')
    return "cpu"


class CTranslate2Translator:
    """One CTranslate2 model, loaded once, at construction; see the module's docstring."""

    def __init__(
        self,
        model_dir: Path,
        source_spm: Path,
        target_spm: Path,
        options: ModelOptions,
        *,
        engine_id: str,
        source_affixes: tuple[Sequence[str], Sequence[str]] = ((), ()),
        target_prefix: Sequence[str] = (),
        on_batch: BatchCallback | None = None,
    ) -> None:
        ctranslate2, sentencepiece = _runtime()
        self.options = options
        self.engine_id = engine_id
        self.device = resolve_device(options.device)
        self._on_batch = on_batch
        self._before, self._after = (list(affix) for affix in source_affixes)
        self._target_prefix = list(target_prefix)
        self._special = SPECIAL_TOKENS | set(self._before) | set(self._target_prefix)
        self._source = sentencepiece.SentencePieceProcessor(model_file=str(source_spm))
        self._target = (self._source if target_spm == source_spm
                        else sentencepiece.SentencePieceProcessor(model_file=str(target_spm)))
        self._model = ctranslate2.Translator(
            str(model_dir),
            device=self.device,
            compute_type=options.compute_type,
            inter_threads=options.inter_threads,
            intra_threads=options.intra_threads,
        )

    def source_tokens(self, sentence: str) -> list[str]:
        """What the model reads for one sentence; [] when it has nothing to translate."""
        pieces = self._source.encode(sentence.strip(), out_type=str)
        return [*self._before, *pieces, *self._after] if pieces else []

    def translate(
        self, sentences: Sequence[str], *, on_batch: BatchCallback | None = None
    ) -> list[str]:
        """One translation per sentence, in input order; blank sentences give "" unread."""
        report = on_batch or self._on_batch
        translations = [""] * len(sentences)
        pending: list[tuple[int, list[str]]] = []  # (position in the input, source tokens)
        for index, sentence in enumerate(sentences):
            if tokens := self.source_tokens(sentence):
                pending.append((index, tokens))
        # Sentences of similar length share a batch, so little of each batch is padding.
        pending.sort(key=lambda item: len(item[1]))
        # Each call carries one batch per worker: CTranslate2 splits it by max_batch_size and
        # translates the parts in parallel when inter_threads > 1.
        per_call = self.options.batch_size * self.options.inter_threads
        done = 0
        for call in _chunks(pending, per_call):
            outputs = self._translate_batch([tokens for _, tokens in call])
            for (index, _), output in zip(call, outputs, strict=True):
                translations[index] = self._target.decode([t for t in output if t not in self._special])
            done += len(call)
            if report:
                report(done, len(pending))
        return translations

    def _translate_batch(self, sources: list[list[str]]) -> list[list[str]]:
        prefix = [self._target_prefix] * len(sources) if self._target_prefix else None
        results = self._model.translate_batch(
            sources,
            target_prefix=prefix,
            beam_size=self.options.beam_size,
            max_decoding_length=self.options.max_decoding_length,
            max_batch_size=self.options.batch_size,
            batch_type="examples",
            # Copy unknown words (names, numbers) from the source, as argostranslate does.
            replace_unknowns=True,
            length_penalty=0.2,
        )
        # The forced prefix comes back at the head of each hypothesis.
        return [result.hypotheses[0][len(self._target_prefix):] for result in results]


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# Conversions by ct2-transformers-converter. For Transformers models CTranslate2 adds no special
# token to the source: the caller adds what the Hugging Face tokenizer would ("Special tokens in
# translation", https://opennmt.net/CTranslate2/guides/transformers.html).


def conversion_id(engine: str, folder: Path) -> str:
    """`opus-mt:opus-mt-ar-en@3f2a9c0d41b7`: the folder's name and a digest of its config,
    vocabulary and model size (hashing model.bin itself would read gigabytes)."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*vocabulary*")) + [folder / "config.json"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(str((folder / "model.bin").stat().st_size).encode())
    return f"{engine}:{folder.name}@{digest.hexdigest()[:12]}"


def _checked(engine: str, folder: Path, tokenizers: Sequence[str]) -> Path:
    if not folder.is_dir():
        raise NotAConversion(engine, folder, "no such folder")
    if missing := [name for name in (*MODEL_FILES, *tokenizers) if not (folder / name).is_file()]:
        raise NotAConversion(engine, folder, "no " + ", ".join(missing))
    if not any(folder.glob("*vocabulary*")):
        raise NotAConversion(engine, folder, "no vocabulary")
    return folder


class MarianTranslator(CTranslate2Translator):
    """OPUS-MT (`Helsinki-NLP/opus-mt-ar-en`): the source in source.spm's pieces, then </s>
    (the guide's MarianMT example: ['▁Hello', '▁world', '!', '</s>']); the output in target.spm's."""

    engine = "opus-mt"

    def __init__(self, folder: Path, options: ModelOptions = ModelOptions(), *,
                 on_batch: BatchCallback | None = None) -> None:
        folder = _checked(self.engine, folder, ("source.spm", "target.spm"))
        super().__init__(folder, folder / "source.spm", folder / "target.spm", options,
                         engine_id=conversion_id(self.engine, folder), source_affixes=((), ("</s>",)),
                         on_batch=on_batch)


class NllbTranslator(CTranslate2Translator):
    """NLLB-200 (`facebook/nllb-200-distilled-600M`): the source is its language token, the
    pieces, then </s> (the NLLB paper's order, and Transformers' NllbTokenizer since April 2023:
    `[eng_Latn, ..., </s>]`); the target language is forced as the target prefix and dropped
    from the output (the guide's NLLB example: `target_prefix=[[tgt_lang]]`, `hypotheses[0][1:]`)."""

    engine = "nllb"
    source_language = "arb_Arab"  # Modern Standard Arabic, in FLORES-200's codes
    target_language = "eng_Latn"

    def __init__(self, folder: Path, options: ModelOptions = ModelOptions(), *,
                 on_batch: BatchCallback | None = None) -> None:
        folder = _checked(self.engine, folder, ("sentencepiece.bpe.model",))
        spm = folder / "sentencepiece.bpe.model"
        super().__init__(folder, spm, spm, options, engine_id=conversion_id(self.engine, folder),
                         source_affixes=((self.source_language,), ("</s>",)),
                         target_prefix=(self.target_language,), on_batch=on_batch)


def open_translator(config: TranslateConfig, *, on_batch: BatchCallback | None = None) -> CTranslate2Translator:
    """The engine `[translate]` names, with its model; raises EngineUnavailable (ModelNotFound,
    NotAConversion) when it cannot run, in one line saying what to do."""
    options = config.model_options()
    if config.engine == "argos":
        from .argos import ArgosTranslator, find_package

        package = find_package("ar", "en", [config.model] if config.model else None)
        return ArgosTranslator(package, options, on_batch=on_batch)
    if config.model is None:  # config.py requires it; a TranslateConfig made in code may lack it
        raise EngineUnavailable(f"engine {config.engine!r} needs [translate] model; {how_to_convert(config.engine)}")
    engine = {"opus-mt": MarianTranslator, "nllb": NllbTranslator}[config.engine]
    return engine(config.model, options, on_batch=on_batch)
