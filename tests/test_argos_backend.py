"""The Argos backend on a tiny real package built offline; no test may reach the network."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ctranslate2 = pytest.importorskip("ctranslate2")
pytest.importorskip("sentencepiece")

from generator.translate.mt.argos import ArgosTranslator, find_package  # noqa: E402
from generator.translate.mt.engine import (  # noqa: E402
    ModelNotFound,
    ModelOptions,
    Translator,
)
from tests.support.argos_models import build_tiny_package, news_sentences  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent


class NetworkAccessed(AssertionError):
    pass


def refuse_network(monkeypatch: pytest.MonkeyPatch, attempts: list[object]) -> None:
    """Makes every outgoing connection fail, and records it in case a caller swallows the error."""

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise NetworkAccessed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    attempts: list[object] = []
    refuse_network(monkeypatch, attempts)
    yield
    assert attempts == [], "a test tried to reach the network"


@pytest.fixture(autouse=True)
def isolated_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Packages installed on this machine must not be found, nor the cache written to."""
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)


@pytest.fixture(scope="session")
def tiny_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny package's `.argosmodel`; its folder is `tiny_archive.with_suffix("")`."""
    attempts: list[object] = []
    with pytest.MonkeyPatch.context() as monkeypatch:
        refuse_network(monkeypatch, attempts)
        archive = build_tiny_package(tmp_path_factory.mktemp("argos"))
    assert attempts == []
    return archive


@pytest.fixture(scope="session")
def tiny_package(tiny_archive: Path) -> Path:
    return tiny_archive.with_suffix("")


@pytest.fixture(scope="session")
def translator(tiny_package: Path) -> ArgosTranslator:
    return ArgosTranslator(tiny_package, ModelOptions(intra_threads=1))


class CountingModel:
    """Wraps ctranslate2.Translator to record every translate_batch call."""

    real_class = ctranslate2.Translator

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.model = self.real_class(*args, **kwargs)
        self.calls: list[tuple[list[list[str]], dict[str, object]]] = []

    def translate_batch(self, batch: list[list[str]], **kwargs: object) -> object:
        self.calls.append((batch, kwargs))
        return self.model.translate_batch(batch, **kwargs)


def counting_translator(
    monkeypatch: pytest.MonkeyPatch, package: Path, options: ModelOptions
) -> tuple[ArgosTranslator, list[tuple[list[list[str]], dict[str, object]]]]:
    models: list[CountingModel] = []

    def make_model(*args: object, **kwargs: object) -> CountingModel:
        models.append(CountingModel(*args, **kwargs))
        return models[-1]

    monkeypatch.setattr(ctranslate2, "Translator", make_model)
    translator = ArgosTranslator(package, options)
    (model,) = models
    return translator, model.calls


def copy_package(package: Path, into: Path) -> Path:
    return Path(shutil.copytree(package, into / package.name))


# Finding the package


def test_found_through_argos_packages_dir(
    tiny_package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = copy_package(tiny_package, tmp_path / "argos-packages")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(installed.parent))

    assert find_package() == installed


def test_found_in_the_xdg_data_home(tiny_package: Path) -> None:
    data_home = Path(os.environ["XDG_DATA_HOME"])
    installed = copy_package(tiny_package, data_home / "argos-translate" / "packages")

    assert find_package() == installed


def test_explicit_dirs_come_first(
    tiny_package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    explicit = copy_package(tiny_package, tmp_path / "explicit")
    from_env = copy_package(tiny_package, tmp_path / "env")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(from_env.parent))

    assert find_package(search_dirs=[explicit.parent]) == explicit
    assert find_package(search_dirs=[explicit]) == explicit  # a package folder itself


def test_newest_version_wins(tiny_package: Path, tmp_path: Path) -> None:
    old = copy_package(tiny_package, tmp_path / "a")
    new = Path(shutil.copytree(tiny_package, tmp_path / "a" / "newer"))
    metadata = json.loads((new / "metadata.json").read_text(encoding="utf-8"))
    (new / "metadata.json").write_text(json.dumps({**metadata, "package_version": "0.10"}))

    assert find_package(search_dirs=[old.parent]) == new


def test_found_from_an_argosmodel_file(tiny_archive: Path) -> None:
    package = find_package(search_dirs=[tiny_archive])

    assert package.is_relative_to(Path(os.environ["XDG_CACHE_HOME"]) / "nashra")
    assert json.loads((package / "metadata.json").read_text(encoding="utf-8"))["to_code"] == "en"
    assert (package / "model" / "model.bin").is_file()
    # Extracted once: a second search reuses the same folder.
    marker = package / "already-extracted"
    marker.touch()
    assert find_package(search_dirs=[tiny_archive]) == package
    assert marker.exists()


def test_zip_with_files_at_its_root_is_rejected(tiny_package: Path, tmp_path: Path) -> None:
    archive = tmp_path / "flat.argosmodel"
    with zipfile.ZipFile(archive, "w") as zip_file:
        for path in tiny_package.rglob("*"):
            zip_file.write(path, path.relative_to(tiny_package).as_posix())

    with pytest.raises(ValueError, match="one top-level folder"):
        find_package(search_dirs=[archive])


def test_model_not_found_says_how_to_install_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound) as raised:
        find_package(search_dirs=[tmp_path / "nowhere"])

    message = str(raised.value)
    assert "\n" not in message
    assert "Arabic->English" in message
    assert "argospm install translate-ar_en" in message
    assert str(tmp_path / "nowhere") in message
    assert os.environ["XDG_DATA_HOME"] in message


def test_other_language_pairs_are_not_taken(tiny_package: Path) -> None:
    with pytest.raises(ModelNotFound, match="translate-ar_fr"):
        find_package("ar", "fr", search_dirs=[tiny_package])


# Translating


def test_translator_follows_the_protocol(translator: ArgosTranslator) -> None:
    assert isinstance(translator, Translator)
    assert translator.engine_id == "argos:translate-ar_en@0.0.1"


def test_one_output_per_input_in_order(translator: ArgosTranslator) -> None:
    sentences = news_sentences(6, seed=3)
    with_blanks = [sentences[0], "", *sentences[1:4], "   ", *sentences[4:]]

    translations = translator.translate(with_blanks)

    assert len(translations) == len(with_blanks)
    assert translations[1] == "" and translations[5] == ""
    produced = [translations[0], *translations[2:5], *translations[6:]]
    assert all(produced) and len(set(produced)) == len(produced)
    assert translator.translate(with_blanks[::-1]) == translations[::-1]


def test_output_is_deterministic(translator: ArgosTranslator, tiny_package: Path) -> None:
    sentences = news_sentences(40, seed=11)

    first = translator.translate(sentences)

    assert translator.translate(sentences) == first
    reloaded = ArgosTranslator(tiny_package, ModelOptions(intra_threads=1))
    assert reloaded.translate(sentences) == first


def test_sentences_go_in_batches_of_batch_size(
    tiny_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    translator, calls = counting_translator(monkeypatch, tiny_package, ModelOptions(batch_size=2))
    progress: list[tuple[int, int]] = []

    translations = translator.translate(
        news_sentences(5, seed=7), on_batch=lambda done, total: progress.append((done, total))
    )

    assert len(translations) == 5
    assert [len(batch) for batch, _ in calls] == [2, 2, 1]
    assert all(kwargs["batch_type"] == "examples" for _, kwargs in calls)
    assert all(kwargs["max_batch_size"] == 2 for _, kwargs in calls)
    lengths = [len(tokens) for batch, _ in calls for tokens in batch]
    assert lengths == sorted(lengths)  # similar lengths share a batch
    assert progress == [(2, 5), (4, 5), (5, 5)]


def test_each_call_carries_one_batch_per_worker(
    tiny_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = ModelOptions(batch_size=2, inter_threads=2)
    translator, calls = counting_translator(monkeypatch, tiny_package, options)

    assert len(translator.translate(news_sentences(5, seed=7))) == 5
    assert [len(sources) for sources, _ in calls] == [4, 1]
    assert all(kwargs["max_batch_size"] == 2 for _, kwargs in calls)


def test_blank_input_never_reaches_the_model(
    tiny_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    translator, calls = counting_translator(monkeypatch, tiny_package, ModelOptions())

    assert translator.translate([]) == []
    assert translator.translate(["", " ", "\n\t"]) == ["", "", ""]
    assert calls == []


def test_target_prefix_from_metadata_is_forced_and_dropped(
    tiny_package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = copy_package(tiny_package, tmp_path)
    vocabulary = json.loads((package / "model" / "shared_vocabulary.json").read_text("utf-8"))
    prefix = vocabulary[10]
    metadata = json.loads((package / "metadata.json").read_text(encoding="utf-8"))
    (package / "metadata.json").write_text(json.dumps({**metadata, "target_prefix": prefix}))
    translator, calls = counting_translator(monkeypatch, package, ModelOptions())
    sentences = news_sentences(3, seed=2)

    translations = translator.translate(sentences)

    ((batch, kwargs),) = calls
    assert kwargs["target_prefix"] == [[prefix]] * 3
    raw = CountingModel.real_class(str(package / "model")).translate_batch(batch, **kwargs)
    assert all(result.hypotheses[0][0] == prefix for result in raw)
    assert len(translations) == 3 and all(translations)


def test_importing_the_backend_loads_no_heavy_module() -> None:
    code = (
        "import sys, generator.translate; "
        "print(sorted(m for m in ('argostranslate', 'torch', 'ctranslate2') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# argostranslate itself, when it is installed: its settings are read at import, so it runs in a
# child process whose environment points it at the test's folders.

NETWORK_GUARD = """
import socket
def refuse(*args, **kwargs):
    raise AssertionError("network access attempted")
socket.socket.connect = socket.socket.connect_ex = socket.create_connection = refuse
"""


def test_argostranslate_installs_the_archive(tiny_archive: Path, tmp_path: Path) -> None:
    if importlib.util.find_spec("argostranslate") is None:
        pytest.skip("argostranslate is not installed")
    packages_dir = tmp_path / "argos-packages"
    code = NETWORK_GUARD + (
        "import sys\n"
        "import argostranslate.package as package\n"
        "package.install_from_path(sys.argv[1])\n"
        "for installed in package.get_installed_packages():\n"
        "    print(installed.package_path.name, installed.from_code, installed.to_code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tiny_archive)],
        env={**os.environ, "ARGOS_PACKAGES_DIR": str(packages_dir)},
        capture_output=True,
        text=True,
    )
    if "ModuleNotFoundError" in result.stderr:  # installed with --no-deps: no stanza, no torch
        pytest.skip(result.stderr.strip().splitlines()[-1])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [tiny_archive.stem, "ar", "en"]
    assert find_package(search_dirs=[packages_dir]) == packages_dir / tiny_archive.stem
