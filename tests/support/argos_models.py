"""Real Argos Translate packages with random weights, built offline for tests and benchmarks.

The packages hold everything a real one does (metadata.json, a SentencePiece model, a
CTranslate2 Transformer) so every real step runs: find, unzip, load, encode, batch-translate,
decode. Their output is gibberish. Nothing here touches the network. The SentencePiece and
Transformer builders are shared with ct2_models.py (conversions shaped like OPUS-MT's and NLLB's).
"""

from __future__ import annotations

import io
import json
import random
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece

ARABIC_SUBJECTS = [
    "وزير الخارجية", "رئيس الوزراء", "المتحدث باسم الحكومة", "محافظ حلب", "وزير الاقتصاد",
    "مدير المرصد", "قائد الشرطة", "رئيس البرلمان", "مصدر مسؤول", "الأمين العام للأمم المتحدة",
    "المبعوث الخاص", "وزيرة الصحة", "نقابة المعلمين", "غرفة التجارة", "الهلال الأحمر",
]
ARABIC_VERBS = ["قال", "أعلن", "أكد", "صرح", "أوضح", "أشار", "نفى", "حذر", "كشف", "طالب"]
ARABIC_TIMES = [
    "يوم الاثنين", "يوم الثلاثاء", "صباح الأربعاء", "مساء الخميس", "يوم الجمعة",
    "أمس السبت", "اليوم الأحد", "خلال الأسبوع الماضي", "في وقت سابق",
]
ARABIC_PLACES = ["دمشق", "حلب", "حمص", "اللاذقية", "بيروت", "عمّان", "القاهرة", "جنيف", "درعا"]
ARABIC_CLAUSES = [
    "الحكومة ستعمل على تحسين الخدمات العامة في المدن الكبرى",
    "أسعار الخبز والوقود ارتفعت بنسبة عشرين في المئة منذ بداية العام",
    "المفاوضات بين الطرفين ستستأنف الشهر المقبل برعاية دولية",
    "عدد العائدين إلى منازلهم تجاوز ثلاثة آلاف عائلة",
    "الكهرباء ستعود إلى الأحياء الشرقية خلال أيام",
    "المساعدات الإنسانية وصلت إلى المناطق المتضررة من الزلزال",
    "المدارس ستفتح أبوابها أمام الطلاب بعد انتهاء أعمال الترميم",
    "الاجتماع المقبل سيناقش ملف المعتقلين والمفقودين",
    "البنك المركزي قرر تثبيت سعر صرف الليرة",
    "الأمطار الغزيرة تسببت في أضرار كبيرة بالمحاصيل الزراعية",
    "الوفد سيزور عدة محافظات للاطلاع على أوضاع السكان",
    "التحقيق في الحادث ما زال جاريا ولم تعرف أسبابه بعد",
]
ENGLISH_WORDS = (
    "the minister said on monday that government will improve public services in major cities "
    "prices of bread and fuel rose by twenty percent since start of year negotiations between "
    "two sides resume next month under international sponsorship number returning families "
    "exceeded three thousand electricity return eastern neighbourhoods within days humanitarian "
    "aid reached areas affected earthquake schools open doors students after restoration works "
    "meeting discuss detainees missing central bank decided keep exchange rate pound heavy rain "
    "caused damage crops delegation visit several provinces investigation accident ongoing"
).split()

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةءأإى"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def news_sentences(count: int, *, seed: int = 0) -> list[str]:
    """Arabic sentences shaped like wire copy (attribution, time, place, reported clause)."""
    rng = random.Random(seed)
    return [
        f"{rng.choice(ARABIC_VERBS)} {rng.choice(ARABIC_SUBJECTS)} {rng.choice(ARABIC_TIMES)} "
        f"في {rng.choice(ARABIC_PLACES)} إن {rng.choice(ARABIC_CLAUSES)}"
        + (f" وإن {rng.choice(ARABIC_CLAUSES)}" if rng.random() < 0.4 else "")
        + "."
        for _ in range(count)
    ]


def english_sentences(count: int, *, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choices(ENGLISH_WORDS, k=rng.randint(6, 20))) + "." for _ in range(count)]


@dataclass(frozen=True)
class ModelShape:
    layers: tuple[int, int]  # encoder, decoder
    heads: int
    d_model: int
    ffn: int
    vocab_size: int  # asked of SentencePiece, which may give fewer on a small text
    # Added to the end-of-sentence logit, which rises with the output's length (see
    # _decoder_positions): the lower, the longer the outputs.
    eos_bias: float
    # Scales the decoder's attention to the source: with plain random weights every
    # input gets nearly the same output.
    source_attention_gain: float
    quantization: str | None


TINY = ModelShape(layers=(2, 2), heads=4, d_model=64, ffn=128, vocab_size=400, eos_bias=-5.0,
                  source_attention_gain=4.0, quantization=None)
# Transformer-base, the shape of the real Argos ar->en model. Outputs run to about 40 tokens,
# as long as the news sentences' inputs.
BASE = ModelShape(layers=(6, 6), heads=8, d_model=512, ffn=2048, vocab_size=32000, eos_bias=-6.0,
                  source_attention_gain=4.0, quantization="int8")


# The decoder's clock (see _decoder_positions) and how strongly </s> reads it.
CLOCK_DIMENSION = 0
CLOCK_RATE = 0.5
CLOCK_TO_EOS = 8.0
MAX_POSITIONS = 1024


def build_tiny_package(dest_dir: Path, *, seed: int = 0) -> Path:
    """Builds a ~1 MB ar->en package in about a second; returns its `.argosmodel` zip.

    The package folder sits beside the zip, at `zip_path.with_suffix("")`.
    """
    text = news_sentences(300, seed=seed) + english_sentences(300, seed=seed)
    return _build_package(dest_dir, "translate-ar_en-tiny", TINY, text, seed=seed)


def build_base_shaped_package(dest_dir: Path, *, seed: int = 0) -> Path:
    """Builds a package shaped like the real ar->en model (~90 MB, some seconds); returns its zip.

    Random pseudo-words pad the SentencePiece training text so that a 32k vocabulary exists.
    """
    rng = random.Random(seed)
    pseudo_words = [_pseudo_word(ARABIC_LETTERS, rng) for _ in range(30_000)]
    pseudo_words += [_pseudo_word(LATIN_LETTERS, rng) for _ in range(30_000)]
    text = news_sentences(5_000, seed=seed) + english_sentences(5_000, seed=seed)
    text += [" ".join(rng.choices(pseudo_words, k=12)) for _ in range(40_000)]
    return _build_package(dest_dir, "translate-ar_en-base-shaped", BASE, text, seed=seed)


def _pseudo_word(letters: str, rng: random.Random) -> str:
    return "".join(rng.choices(letters, k=rng.randint(3, 9)))


def _build_package(
    dest_dir: Path, name: str, shape: ModelShape, text: list[str], *, seed: int
) -> Path:
    folder = dest_dir / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    sp_model = train_sentencepiece(text, shape.vocab_size)
    (folder / "sentencepiece.model").write_bytes(sp_model)
    save_random_transformer(folder / "model", shape, sentencepiece_pieces(sp_model), seed=seed)
    metadata = {
        "package_version": "0.0.1",
        "argos_version": "1.9.0",
        "from_code": "ar",
        "from_name": "Arabic",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
    }
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (folder / "README.md").write_text("Random weights, for tests only.\n", encoding="utf-8")
    return _zip_folder(folder)


def train_sentencepiece(lines: list[str], vocab_size: int, model_type: str = "unigram") -> bytes:
    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        model_type=model_type,
        vocab_size=vocab_size,
        character_coverage=1.0,
        num_threads=1,  # one thread: the same text always gives the same model
        input_sentence_size=0,
        shuffle_input_sentence=False,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    return model.getvalue()


def sentencepiece_pieces(sp_model: bytes) -> list[str]:
    """SentencePiece's own vocabulary (an Argos package's shared one): <unk>, <s>, </s>, then the pieces."""
    processor = sentencepiece.SentencePieceProcessor(model_proto=sp_model)
    return [processor.id_to_piece(piece_id) for piece_id in range(processor.get_piece_size())]


def save_random_transformer(
    model_dir: Path,
    shape: ModelShape,
    vocabulary: list[str],
    *,
    seed: int,
    config: dict[str, object] | None = None,
    start_from_zero_embedding: bool = False,
) -> None:
    """A CTranslate2 Transformer with seeded random weights over one shared vocabulary, saved
    as converters save one (model.bin, config.json, shared_vocabulary.json). `config` sets
    config.json's entries (decoder_start_token, ...); Marian's decoder starts from a zero embedding."""
    rng = np.random.default_rng(seed)
    spec = _random_transformer(shape, len(vocabulary), vocabulary.index("</s>"), rng)
    spec.decoder.start_from_zero_embedding = start_from_zero_embedding
    for key, value in (config or {}).items():
        setattr(spec.config, key, value)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=shape.quantization)
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))


def _random_transformer(
    shape: ModelShape, vocab_size: int, eos_id: int, rng: np.random.Generator
) -> ctranslate2.specs.TransformerSpec:
    spec = ctranslate2.specs.TransformerSpec.from_config(shape.layers, shape.heads)
    d = shape.d_model

    def weight(rows: int, columns: int) -> np.ndarray:
        return rng.standard_normal((rows, columns), dtype=np.float32) / np.sqrt(columns)

    def linear(layer, rows: int, columns: int, gain: float = 1.0) -> None:
        layer.weight = weight(rows, columns) * gain
        layer.bias = np.zeros(rows, dtype=np.float32)

    def norm(layer) -> None:
        layer.gamma = np.ones(d, dtype=np.float32)
        layer.beta = np.zeros(d, dtype=np.float32)

    def feed_forward(ffn) -> None:
        norm(ffn.layer_norm)
        linear(ffn.linear_0, shape.ffn, d)
        linear(ffn.linear_1, d, shape.ffn)

    spec.encoder.embeddings[0].weight = weight(vocab_size, d)
    for layer in spec.encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d, d)  # fused query, key, value
        linear(layer.self_attention.linear[1], d, d)
        feed_forward(layer.ffn)
    norm(spec.encoder.layer_norm)

    spec.decoder.embeddings.weight = weight(vocab_size, d)
    for layer in spec.decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d, d)
        linear(layer.self_attention.linear[1], d, d)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], d, d, shape.source_attention_gain)  # query
        linear(layer.attention.linear[1], 2 * d, d)  # fused key, value over the encoder output
        linear(layer.attention.linear[2], d, d, shape.source_attention_gain)
        feed_forward(layer.ffn)
    norm(spec.decoder.layer_norm)
    spec.decoder.position_encodings.encodings = _decoder_positions(d)
    spec.decoder.projection.weight = weight(vocab_size, d)
    # </s> reads only the clock, so every output ends after a bounded number of tokens.
    spec.decoder.projection.weight[eos_id] = 0
    spec.decoder.projection.weight[eos_id, CLOCK_DIMENSION] = CLOCK_TO_EOS
    spec.decoder.projection.bias = np.zeros(vocab_size, dtype=np.float32)
    spec.decoder.projection.bias[eos_id] = shape.eos_bias
    return spec


def _decoder_positions(d_model: int) -> np.ndarray:
    """Sinusoidal position encodings, but one dimension is a clock that grows with the position.

    Random weights otherwise almost never choose </s>, and some outputs run to the length limit.
    """
    positions = np.arange(MAX_POSITIONS, dtype=np.float32)[:, None]
    frequencies = np.exp(np.arange(0, d_model, 2, dtype=np.float32) * -(np.log(10000.0) / d_model))
    encodings = np.empty((MAX_POSITIONS, d_model), dtype=np.float32)
    encodings[:, 0::2] = np.sin(positions * frequencies)
    encodings[:, 1::2] = np.cos(positions * frequencies)
    encodings[:, CLOCK_DIMENSION] = CLOCK_RATE * positions[:, 0]
    return encodings


def _zip_folder(folder: Path) -> Path:
    """Zips the package under one top-level folder, as argostranslate requires."""
    archive = folder.with_suffix(".argosmodel")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zip_file:
        for path in sorted(folder.rglob("*")):
            zip_file.write(path, path.relative_to(folder.parent).as_posix())
    return archive
