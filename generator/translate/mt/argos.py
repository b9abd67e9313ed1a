"""Argos Translate packages, run directly on CTranslate2 and SentencePiece.

argostranslate itself is not imported: it pulls torch (through stanza), reads its settings once
at import, and downloads a sentence splitter on first use. The build splits sentences itself, so
it only needs what a package holds: `metadata.json`, `sentencepiece.model` and `model/`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from .ctranslate import BatchCallback, CTranslate2Translator
from .engine import ModelNotFound, ModelOptions

METADATA_FILE = "metadata.json"
ARCHIVE_SUFFIX = ".argosmodel"


def default_search_dirs() -> list[Path]:
    """Where argostranslate installs packages: $ARGOS_PACKAGES_DIR, then the XDG data home."""
    dirs = []
    if packages_dir := os.environ.get("ARGOS_PACKAGES_DIR"):
        dirs.append(Path(packages_dir))
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    dirs.append(Path(data_home) / "argos-translate" / "packages")
    return dirs


def default_cache_dir() -> Path:
    cache_home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache_home) / "nashra" / "argos-packages"


def find_package(
    from_code: str = "ar",
    to_code: str = "en",
    search_dirs: Sequence[Path] | None = None,
    *,
    cache_dir: Path | None = None,
) -> Path:
    """The folder of an installed package for the pair, searching `search_dirs` first.

    Each place searched may be a package folder, a folder of package folders (as argostranslate
    installs them), or a `.argosmodel` file, which is extracted once into `cache_dir`.
    Raises ModelNotFound when no place holds one.
    """
    places = [Path(place) for place in search_dirs or ()] + default_search_dirs()
    for place in places:
        if package := _package_in(place, from_code, to_code, cache_dir or default_cache_dir()):
            return package
    raise ModelNotFound(from_code, to_code, places)


def _package_in(place: Path, from_code: str, to_code: str, cache_dir: Path) -> Path | None:
    if place.is_file() and place.suffix == ARCHIVE_SUFFIX:
        candidates = [extract_archive(place, cache_dir)]
    elif (place / METADATA_FILE).is_file():
        candidates = [place]
    elif place.is_dir():
        candidates = sorted(child for child in place.iterdir() if (child / METADATA_FILE).is_file())
    else:
        return None
    metadata = {path: read_metadata(path) for path in candidates}
    matching = [path for path in candidates if _translates(metadata[path], from_code, to_code)]
    if not matching:
        return None
    return max(matching, key=lambda path: _version_key(metadata[path].get("package_version")))


def read_metadata(package_dir: Path) -> dict[str, Any]:
    path = package_dir / METADATA_FILE
    try:
        metadata = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"{path}: unreadable package metadata: {error}") from error
    if not isinstance(metadata, dict):
        raise ValueError(f"{path}: package metadata is not a JSON object")
    return metadata


def _translates(metadata: dict[str, Any], from_code: str, to_code: str) -> bool:
    return (
        metadata.get("type", "translate") == "translate"
        and metadata.get("from_code") == from_code
        and metadata.get("to_code") == to_code
    )


def _version_key(version: object) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", str(version or "")))


def engine_id(metadata: dict[str, Any]) -> str:
    """Names the model as `argospm` does, with its version: argos:translate-ar_en@1.9."""
    kind = metadata.get("type", "translate")
    return (
        f"argos:{kind}-{metadata.get('from_code')}_{metadata.get('to_code')}"
        f"@{metadata.get('package_version', '')}"
    )


def extract_archive(archive: Path, cache_dir: Path) -> Path:
    """Extracts a `.argosmodel` zip once, into a folder named by its sha256; returns the package."""
    target = cache_dir / _sha256(archive)
    if not target.is_dir():
        cache_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".extract-", dir=cache_dir))
        try:
            _unzip_package(archive, staging)
            # Rename is atomic: a concurrent build sees the whole package or none of it.
            staging.rename(target)
        except OSError:
            if not target.is_dir():  # else another process extracted it first
                raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    (package,) = [child for child in target.iterdir() if child.is_dir()]
    return package


def _unzip_package(archive: Path, into: Path) -> None:
    try:
        with zipfile.ZipFile(archive) as zip_file:
            _check_archive_layout(archive, zip_file.namelist())
            zip_file.extractall(into)
    except zipfile.BadZipFile as error:
        raise ValueError(f"{archive}: not an Argos package (not a zip file)") from error


def _check_archive_layout(archive: Path, names: list[str]) -> None:
    top_folders = {name.split("/", 1)[0] for name in names}
    unsafe = any(name.startswith("/") or ".." in PurePosixPath(name).parts for name in names)
    if unsafe or len(top_folders) != 1:
        raise ValueError(f"{archive}: not an Argos package (expected one top-level folder)")
    (top,) = top_folders
    if f"{top}/{METADATA_FILE}" not in names:
        raise ValueError(f"{archive}: not an Argos package (no {top}/{METADATA_FILE})")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ArgosTranslator(CTranslate2Translator):
    """Translates with one Argos package: its `model/`, its one `sentencepiece.model` for
    both sides, and the `target_prefix` its metadata may name (forced, then dropped)."""

    def __init__(
        self,
        package_dir: Path,
        options: ModelOptions = ModelOptions(),
        *,
        on_batch: BatchCallback | None = None,
    ) -> None:
        metadata = read_metadata(package_dir)
        self.package_dir = package_dir
        prefix = metadata.get("target_prefix") or None
        spm = package_dir / "sentencepiece.model"
        super().__init__(package_dir / "model", spm, spm, options, engine_id=engine_id(metadata),
                         target_prefix=(prefix,) if prefix else (), on_batch=on_batch)
