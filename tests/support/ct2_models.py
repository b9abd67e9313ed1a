"""Tiny CTranslate2 conversions shaped like `ct2-transformers-converter`'s of OPUS-MT
(`Helsinki-NLP/opus-mt-ar-en`) and NLLB-200 (`facebook/nllb-200-distilled-600M`), with random
weights, built offline in about a second each.

Each folder holds the files a real conversion made with `--copy_files` holds, and its
vocabulary follows the real one's conventions, so the translators run every real step:

- OPUS-MT: `source.spm` (Arabic) and `target.spm` (English), two SentencePiece models; one
  vocabulary of both sides' pieces (Marian's vocab.json: `</s>` 0, `<unk>` 1; the `<pad>` that
  Transformers appends is dropped by the converter); the decoder starts from a zero embedding.
- NLLB: one BPE `sentencepiece.bpe.model`; the vocabulary of fairseq's dictionary (`<s>`,
  `<pad>`, `</s>`, `<unk>`, the pieces), then the language tokens and `<mask>`; the decoder
  starts from `</s>`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .argos_models import (
    TINY,
    english_sentences,
    news_sentences,
    save_random_transformer,
    sentencepiece_pieces,
    train_sentencepiece,
)

# Some of NLLB-200's 202 language tokens (FLORES-200 codes), the two that matter among them.
NLLB_LANGUAGES = ["acm_Arab", "apc_Arab", "arb_Arab", "ary_Arab", "arz_Arab", "eng_Latn", "fra_Latn"]
SENTENCEPIECE_CONTROLS = 3  # <unk>, <s>, </s>: the first pieces of every SentencePiece model here


def build_tiny_opus_mt(dest_dir: Path, *, seed: int = 0) -> Path:
    """The folder of an OPUS-MT-shaped conversion, `dest_dir/opus-mt-ar-en-tiny`."""
    folder = _fresh(dest_dir / "opus-mt-ar-en-tiny")
    source = train_sentencepiece(news_sentences(300, seed=seed), TINY.vocab_size)
    target = train_sentencepiece(english_sentences(300, seed=seed), TINY.vocab_size // 2)
    (folder / "source.spm").write_bytes(source)
    (folder / "target.spm").write_bytes(target)
    pieces = sentencepiece_pieces(source)[SENTENCEPIECE_CONTROLS:] + sentencepiece_pieces(target)[SENTENCEPIECE_CONTROLS:]
    vocabulary = ["</s>", "<unk>", *dict.fromkeys(pieces)]
    # MarianMTLoader.set_config: eos, unk, and </s> as the (unused) decoder start token.
    save_random_transformer(folder, TINY, vocabulary, seed=seed, start_from_zero_embedding=True,
                            config={"decoder_start_token": "</s>"})
    return folder


def build_tiny_nllb(dest_dir: Path, *, seed: int = 0) -> Path:
    """The folder of an NLLB-shaped conversion, `dest_dir/nllb-200-tiny`."""
    folder = _fresh(dest_dir / "nllb-200-tiny")
    text = news_sentences(300, seed=seed) + english_sentences(300, seed=seed)
    sp_model = train_sentencepiece(text, TINY.vocab_size, model_type="bpe")
    (folder / "sentencepiece.bpe.model").write_bytes(sp_model)
    pieces = sentencepiece_pieces(sp_model)[SENTENCEPIECE_CONTROLS:]
    vocabulary = ["<s>", "<pad>", "</s>", "<unk>", *pieces, *NLLB_LANGUAGES, "<mask>"]
    # BartLoader.set_config: the decoder starts from config.decoder_start_token_id, </s>.
    save_random_transformer(folder, TINY, vocabulary, seed=seed, config={"decoder_start_token": "</s>"})
    return folder


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder
