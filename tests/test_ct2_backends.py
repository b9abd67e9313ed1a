"""The OPUS-MT and NLLB engines on tiny conversions shaped like the real ones (built offline in
tests/support/ct2_models.py), `device`, `[translate] engine` and `--translate` with them."""

from __future__ import annotations

import re
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

ctranslate2 = pytest.importorskip("ctranslate2")
pytest.importorskip("sentencepiece")

from generator.config import ConfigError, TranslateConfig, load_config  # noqa: E402
from generator.model import Provenance  # noqa: E402
from generator.translate.memory import load_memory, memory_path  # noqa: E402
from generator.translate.mt import ctranslate  # noqa: E402
from generator.translate.mt.ctranslate import (  # noqa: E402
    MarianTranslator,
    NllbTranslator,
    open_translator,
    resolve_device,
)
from generator.translate.mt.engine import (  # noqa: E402
    CONVERSIONS,
    EngineUnavailable,
    ModelOptions,
    NotAConversion,
    Translator,
)
from tests.support.argos_models import build_tiny_package, news_sentences  # noqa: E402
from tests.support.ct2_models import build_tiny_nllb, build_tiny_opus_mt  # noqa: E402

OPTIONS = ModelOptions(intra_threads=1, max_decoding_length=40)
ENGINES = {"opus-mt": (MarianTranslator, build_tiny_opus_mt), "nllb": (NllbTranslator, build_tiny_nllb)}


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield
    assert attempts == [], "a test tried to reach the network"


@pytest.fixture(scope="session")
def conversions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    models = tmp_path_factory.mktemp("conversions")
    return {engine: build(models) for engine, (_, build) in ENGINES.items()}


@pytest.fixture(params=sorted(ENGINES))
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


class Recorded:
    """ctranslate2.Translator, recording how it was made and every translate_batch call."""

    real_class = ctranslate2.Translator
    made: list[Recorded] = []

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.model = self.real_class(*args, **kwargs)
        self.kwargs = kwargs
        self.calls: list[tuple[list[list[str]], dict]] = []
        self.made.append(self)

    def translate_batch(self, batch: list[list[str]], **kwargs: object) -> object:
        self.calls.append((batch, kwargs))
        return self.model.translate_batch(batch, **kwargs)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[Recorded]:
    monkeypatch.setattr(ctranslate2, "Translator", Recorded)
    monkeypatch.setattr(Recorded, "made", [])
    return Recorded.made


# Translating


def test_each_engine_translates_in_order_with_blanks_left_blank(engine: str, conversions: dict[str, Path]) -> None:
    translator = ENGINES[engine][0](conversions[engine], OPTIONS)
    sentences = news_sentences(6, seed=3)
    with_blanks = [sentences[0], "", *sentences[1:4], "  ", *sentences[4:]]

    translations = translator.translate(with_blanks)

    assert isinstance(translator, Translator)
    assert len(translations) == len(with_blanks)
    assert translations[1] == "" and translations[5] == ""
    produced = [translations[0], *translations[2:5], *translations[6:]]
    assert all(produced) and len(set(produced)) == len(produced)
    assert translator.translate(with_blanks[::-1]) == translations[::-1]


def test_engine_ids_name_the_model_and_change_with_it(engine: str, conversions: dict[str, Path],
                                                      tmp_path: Path) -> None:
    folder = conversions[engine]
    engine_id = ENGINES[engine][0](folder, OPTIONS).engine_id
    other = ENGINES[engine][1](tmp_path, seed=1)  # same name, other vocabulary and weights

    assert re.fullmatch(rf"{engine}:{folder.name}@[0-9a-f]{{12}}", engine_id)
    assert ENGINES[engine][0](other, OPTIONS).engine_id != engine_id


def test_opus_mt_reads_pieces_then_end_of_sentence(conversions: dict[str, Path], recorded: list[Recorded]) -> None:
    translator = MarianTranslator(conversions["opus-mt"], OPTIONS)
    sentence = news_sentences(1, seed=5)[0]

    translator.translate([sentence])

    ((batch, kwargs),) = recorded[0].calls
    pieces = translator._source.encode(sentence, out_type=str)
    assert batch == [[*pieces, "</s>"]]
    assert kwargs["target_prefix"] is None


def test_nllb_reads_its_language_tokens_and_drops_the_forced_one(conversions: dict[str, Path],
                                                                 recorded: list[Recorded]) -> None:
    translator = NllbTranslator(conversions["nllb"], OPTIONS)
    sentences = news_sentences(3, seed=2)

    translations = translator.translate(sentences)

    ((batch, kwargs),) = recorded[0].calls
    assert all(tokens[0] == "arb_Arab" and tokens[-1] == "</s>" and len(tokens) > 2 for tokens in batch)
    assert kwargs["target_prefix"] == [["eng_Latn"]] * 3
    raw = Recorded.real_class(str(conversions["nllb"])).translate_batch(batch, **kwargs)
    assert all(result.hypotheses[0][0] == "eng_Latn" for result in raw)
    assert all(translations) and not any("eng_Latn" in t or "arb_Arab" in t for t in translations)


def test_the_batching_is_the_shared_one(engine: str, conversions: dict[str, Path], recorded: list[Recorded]) -> None:
    translator = ENGINES[engine][0](conversions[engine], ModelOptions(batch_size=2, max_decoding_length=40))
    progress: list[tuple[int, int]] = []

    translator.translate(news_sentences(5, seed=7), on_batch=lambda done, total: progress.append((done, total)))

    calls = recorded[0].calls
    assert [len(batch) for batch, _ in calls] == [2, 2, 1]
    lengths = [len(tokens) for batch, _ in calls for tokens in batch]
    assert lengths == sorted(lengths)
    assert progress == [(2, 5), (4, 5), (5, 5)]


# Devices


def test_auto_is_the_cpu_without_a_gpu_and_cuda_with_one(monkeypatch: pytest.MonkeyPatch) -> None:
    if ctranslate2.get_cuda_device_count():
        pytest.skip("this machine has a CUDA device")
    assert resolve_device("auto") == "cpu"
    assert resolve_device("cpu") == "cpu"
    with pytest.raises(EngineUnavailable, match='device = "cuda", but CTranslate2 finds no CUDA device'):
        resolve_device("cuda")
    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 1)
    assert resolve_device("auto") == "cuda"
    assert resolve_device("cpu") == "cpu"


def test_every_engine_loads_its_model_on_the_resolved_device(conversions: dict[str, Path], tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.translate.mt.argos import ArgosTranslator

    package = build_tiny_package(tmp_path).with_suffix("")
    devices: list[str] = []
    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 1)  # a GPU, seen but never used
    monkeypatch.setattr(ctranslate2, "Translator", lambda path, **kwargs: devices.append(kwargs["device"]))
    for device in ("auto", "cpu"):
        options = ModelOptions(device=device)
        engines = [ArgosTranslator(package, options), MarianTranslator(conversions["opus-mt"], options),
                   NllbTranslator(conversions["nllb"], options)]
        assert {engine.device for engine in engines} == {"cuda" if device == "auto" else "cpu"}
    assert devices == ["cuda"] * 3 + ["cpu"] * 3


# Opening the engine `[translate]` names


def test_open_translator_follows_the_engine(conversions: dict[str, Path], tmp_path: Path) -> None:
    package = build_tiny_package(tmp_path).with_suffix("")
    opened = {engine: open_translator(TranslateConfig(engine=engine, model=model))
              for engine, model in [("argos", package), *conversions.items()]}

    assert {engine: type(translator).__name__ for engine, translator in opened.items()} == {
        "argos": "ArgosTranslator", "opus-mt": "MarianTranslator", "nllb": "NllbTranslator"}
    assert opened["argos"].engine_id == "argos:translate-ar_en@0.0.1"


@pytest.mark.parametrize("layout", ["missing", "empty", "other engine's"])
def test_a_folder_that_is_not_a_conversion_says_how_to_make_one(engine: str, conversions: dict[str, Path],
                                                                tmp_path: Path, layout: str) -> None:
    folder = {"missing": tmp_path / "nowhere", "empty": tmp_path,
              "other engine's": conversions["nllb" if engine == "opus-mt" else "opus-mt"]}[layout]

    with pytest.raises(NotAConversion) as raised:
        open_translator(TranslateConfig(engine=engine, model=folder))

    message = str(raised.value)
    assert "\n" not in message and str(folder) in message and f"engine {engine!r}" in message
    assert f"`pip install transformers torch` and `{CONVERSIONS[engine]}`" in message


def test_a_conversion_engine_made_in_code_without_a_model_says_what_to_do(engine: str) -> None:
    with pytest.raises(EngineUnavailable, match=f"engine '{engine}' needs \\[translate\\] model; make one with"):
        open_translator(TranslateConfig(engine=engine))


def test_a_conversion_needs_its_tokenizers(engine: str, conversions: dict[str, Path], tmp_path: Path) -> None:
    folder = Path(shutil.copytree(conversions[engine], tmp_path / "copy"))
    for spm in folder.glob("*.spm"):
        spm.unlink()
    (folder / "sentencepiece.bpe.model").unlink(missing_ok=True)

    with pytest.raises(NotAConversion, match=r"\(no (source\.spm, target\.spm|sentencepiece\.bpe\.model)\)"):
        ENGINES[engine][0](folder, OPTIONS)


def test_the_conversion_commands_name_the_files_the_engines_read() -> None:
    assert CONVERSIONS["opus-mt"].startswith("ct2-transformers-converter --model Helsinki-NLP/opus-mt-ar-en ")
    assert CONVERSIONS["opus-mt"].endswith("--copy_files source.spm target.spm")
    assert CONVERSIONS["nllb"].startswith("ct2-transformers-converter --model facebook/nllb-200-distilled-600M ")
    assert CONVERSIONS["nllb"].endswith("--copy_files sentencepiece.bpe.model")


# site.toml

MINIMAL = 'base_url = "https://x.org/"\n[title]\nar = "نشرة"\nen = "D"\n'


def config_errors(tmp_path: Path, translate: str) -> list[str]:
    (tmp_path / "site.toml").write_text(MINIMAL + translate, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path)
    return error.value.problems


def test_engine_and_device_are_read_and_default_to_argos_and_auto(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text(MINIMAL, encoding="utf-8")
    assert (load_config(tmp_path).translate.engine, load_config(tmp_path).translate.device) == ("argos", "auto")
    (tmp_path / "site.toml").write_text(MINIMAL + '[translate]\nengine = "nllb"\nmodel = "models/nllb"\n'
                                        'device = "cuda"\n', encoding="utf-8")
    translate = load_config(tmp_path).translate
    assert (translate.engine, translate.model, translate.device) == ("nllb", tmp_path.resolve() / "models/nllb", "cuda")
    assert translate.model_options().device == "cuda"


def test_bad_engine_and_device_are_reported_at_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    assert config_errors(tmp_path, '[translate]\nengine = "google"\ndevice = "gpu"\n') == [
        f'{path}:6: error: translate.engine: must be "argos", "opus-mt" or "nllb", got \'google\'',
        f'{path}:7: error: translate.device: must be "auto", "cpu" or "cuda", got \'gpu\'',
    ]


@pytest.mark.parametrize("model_line", ["", 'model = ""\n'])
def test_a_conversion_engine_without_a_model_says_how_to_convert_one(engine: str, tmp_path: Path,
                                                                     model_line: str) -> None:
    [problem] = config_errors(tmp_path, f'[translate]\nbeam_size = 2\nengine = "{engine}"\n{model_line}')
    line = 8 if model_line else 7
    assert problem == (f'{tmp_path / "site.toml"}:{line}: error: translate.model: engine "{engine}" needs the '
                       f"folder of a CTranslate2 conversion; make one with `pip install transformers torch` "
                       f"and `{CONVERSIONS[engine]}`, then set [translate] model to its folder")


# build-site --translate

ARTICLE = ("+++\ndate = 2016-02-13\n+++\nلافروف يصل إلى ميونيخ\n\nموسكو-سانا قال وزير الخارجية الروسي "
           "إن الحوار مستمر. وأضاف أن الاجتماع مهم.\n")


def test_build_translate_with_opus_mt_records_the_model_in_the_memory(site, capsys,
                                                                      conversions: dict[str, Path]) -> None:
    site.article("2016-02-13-lavrov.txt", ARTICLE)
    with (site.root / "site.toml").open("a", encoding="utf-8") as config:
        config.write(f'[translate]\nengine = "opus-mt"\nmodel = "{conversions["opus-mt"]}"\n'
                     'batch_size = 2\nmax_decoding_length = 24\n')

    code, out, err = site.build(capsys, "--translate")

    assert code == 0, err
    engine_id = MarianTranslator(conversions["opus-mt"], OPTIONS).engine_id
    assert f"translating 4 segments of 1 articles with {engine_id} on cpu" in err
    memory = load_memory(memory_path(site.root / "content" / "translations", "2016-02-13-lavrov"), "2016-02-13-lavrov")
    assert len(memory.entries) == 4
    assert {(e.provenance, e.engine) for e in memory.entries.values()} == {(Provenance.MACHINE, engine_id)}
    assert all(e.target for e in memory.entries.values())
    assert 'lang="en-x-mtfrom-ar"' in site.page("en/articles/2016-02-13-lavrov/")


def test_build_translate_with_a_folder_that_is_not_a_conversion_warns_and_builds(site, capsys, tmp_path) -> None:
    site.article("2016-02-13-lavrov.txt", ARTICLE)
    with (site.root / "site.toml").open("a", encoding="utf-8") as config:
        config.write(f'[translate]\nengine = "nllb"\nmodel = "{tmp_path / "nothing"}"\n')

    code, out, err = site.build(capsys, "--translate")

    assert code == 0
    [line] = [line for line in err.splitlines() if "ct2-transformers-converter" in line]
    assert line.startswith(f"warning: {tmp_path / 'nothing'} is not a CTranslate2 conversion for engine 'nllb' "
                           "(no such folder); make one with `pip install transformers torch` and "
                           "`ct2-transformers-converter --model facebook/nllb-200-distilled-600M")
    assert line.endswith("building from the translation memory only")
    assert (site.output / "en" / "articles" / "2016-02-13-lavrov" / "index.html").exists()


def test_the_shared_base_owns_what_the_engines_share() -> None:
    """Argos, OPUS-MT and NLLB differ in tokenizing and prefixes, never in batching or devices."""
    from generator.translate.mt.argos import ArgosTranslator

    for engine in (ArgosTranslator, MarianTranslator, NllbTranslator):
        assert issubclass(engine, ctranslate.CTranslate2Translator)
        assert set(vars(engine)) <= {"__module__", "__qualname__", "__doc__", "__init__", "engine",
                                     "source_language", "target_language", "__firstlineno__", "__static_attributes__"}
