"""`site.toml` -> a frozen `SiteConfig`.

Every problem is collected and reported at once (MkDocs' `validate`, Zola's
`deny_unknown_fields`): a typo in a key is an error, never silently ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from .text.tomltext import TomlLines, TomlProblem, parse_toml
from .translate.mt.engine import CONVERSIONS, DEVICES, ENGINES, ModelOptions, how_to_convert

CONFIG_NAME = "site.toml"


_MT = ModelOptions()  # the defaults of machine translation, in one place


@dataclass(frozen=True)
class TranslateConfig:
    """`[translate]`: the machine translation engine, its model and how to run it."""

    engine: str = "argos"  # one of ENGINES
    # argos: a package folder or .argosmodel, else ARGOS_PACKAGES_DIR, XDG; opus-mt, nllb: the
    # folder of a CTranslate2 conversion (required)
    model: Path | None = None
    beam_size: int = _MT.beam_size
    batch_size: int = _MT.batch_size
    max_decoding_length: int = _MT.max_decoding_length
    threads: int = _MT.intra_threads  # CTranslate2 threads per batch; 0 lets it decide
    device: str = _MT.device  # one of DEVICES

    def model_options(self) -> ModelOptions:
        return ModelOptions(beam_size=self.beam_size, batch_size=self.batch_size, device=self.device,
                            max_decoding_length=self.max_decoding_length, intra_threads=self.threads)


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    base_url: str  # always ends with "/"
    title_ar: str
    title_en: str
    description_ar: str
    description_en: str
    content_dir: Path
    templates_dir: Path
    output_dir: Path
    arabic_digits: bool = False  # show ٠١٢٣ rather than 0123 in dates and counts on Arabic pages
    # `[display] untranslated = "notice"`: English lists and feeds show articles not yet wholly
    # translated, with their state; by default ("hide") they wait until the English is complete.
    list_untranslated: bool = False
    translate: TranslateConfig = TranslateConfig()
    search: bool = True  # build the Pagefind index (the slowest part of a build after translation)
    social_cards: bool = False  # a PNG card per article and language, for og:image (costs CPU per article)

    @property
    def articles_dir(self) -> Path:
        return self.content_dir / "articles"

    @property
    def translations_dir(self) -> Path:
        return self.content_dir / "translations"

    @property
    def base_path(self) -> str:
        """`/repo/` for a GitHub Pages project site, `/` for a user site."""
        return urlsplit(self.base_url).path or "/"

    def title(self, lang: str) -> str:
        return self.title_ar if lang == "ar" else self.title_en


class ConfigError(Exception):
    """All the problems of one config file, each as `path:line: message`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    return value.strip()


def _base_url(value: Any) -> str:
    url = _text(value)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"must be an absolute http(s) URL, got {url!r}")
    if parts.query or parts.fragment:
        raise ValueError("must not have a query or fragment")
    return url if url.endswith("/") else url + "/"


def _fail(problem: str, value: Any) -> Any:
    raise ValueError(f"{problem}, got {value!r}")


def _one_of(*choices: str) -> Callable[[Any], str]:
    listed = ", ".join(f'"{choice}"' for choice in choices[:-1]) + f' or "{choices[-1]}"'

    def validate(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"must be {listed}, got {value!r}")
        return value

    return validate


def _count(low: int, high: int) -> Callable[[Any], int]:
    def validate(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"must be a whole number from {low} to {high}, got {value!r}")
        return value

    return validate


def _relative_dir(value: Any) -> str:
    path = _text(value)
    if Path(path).is_absolute() or ".." in Path(path).parts:
        raise ValueError(f"must be a folder inside the site, got {path!r}")
    return path


# dotted key -> (default, validator); a default of None means the key is required.
_SCHEMA: dict[str, tuple[Any, Callable[[Any], Any]]] = {
    "base_url": (None, _base_url),
    "title.ar": (None, _text),
    "title.en": (None, _text),
    "description.ar": ("", lambda v: v if v == "" else _text(v)),
    "description.en": ("", lambda v: v if v == "" else _text(v)),
    "paths.content": ("content", _relative_dir),
    "paths.templates": ("templates", _relative_dir),
    "paths.output": ("site", _relative_dir),
    "display.digits": ("western", _one_of("western", "arabic-indic")),
    "display.untranslated": ("hide", _one_of("hide", "notice")),
    "search.enabled": (True, lambda v: v if isinstance(v, bool) else _fail("must be true or false", v)),
    "social.cards": (False, lambda v: v if isinstance(v, bool) else _fail("must be true or false", v)),
    "translate.engine": ("argos", _one_of(*ENGINES)),
    "translate.model": ("", lambda v: v if v == "" else _text(v)),
    "translate.beam_size": (_MT.beam_size, _count(1, 16)),
    "translate.batch_size": (_MT.batch_size, _count(1, 1024)),
    "translate.max_decoding_length": (_MT.max_decoding_length, _count(16, 4096)),
    "translate.threads": (_MT.intra_threads, _count(0, 256)),
    "translate.device": (_MT.device, _one_of(*DEVICES)),
}
_TABLES = {key.split(".")[0] for key in _SCHEMA if "." in key}


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and dotted in _TABLES:
            flat.update(_flatten(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


def load_config(root: Path, name: str = CONFIG_NAME) -> SiteConfig:
    """Read and validate `root/site.toml`; raise `ConfigError` listing every problem."""
    path = root / name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError([f"{path}:1: error: cannot read: {exc.strerror}"]) from exc
    try:
        raw = parse_toml(text)
    except TomlProblem as exc:
        raise ConfigError([f"{path}:{exc.line}: error: {exc}"]) from exc

    values: dict[str, Any] = {}
    problems: list[str] = []
    flat = _flatten(raw)
    lines = TomlLines(text)
    for key in flat.keys() - _SCHEMA.keys():
        problems.append(f"{path}:{lines.key(key)}: error: unknown key {key!r}")
    for key, (default, validate) in _SCHEMA.items():
        if key not in flat:
            if default is None:
                problems.append(f"{path}:1: error: missing required key {key!r}")
            values[key] = default
            continue
        try:
            values[key] = validate(flat[key])
        except ValueError as exc:
            problems.append(f"{path}:{lines.key(key)}: error: {key}: {exc}")
    if (engine := values.get("translate.engine")) in CONVERSIONS and values.get("translate.model") == "":
        line = lines.keys.get("translate.model") or lines.key("translate.engine")
        problems.append(f"{path}:{line}: error: translate.model: engine "
                        f'"{engine}" needs the folder of a CTranslate2 conversion; {how_to_convert(engine)}')
    if problems:
        raise ConfigError(sorted(problems, key=_line_sort_key))
    return _site_config(root.resolve(), values)


def _site_config(root: Path, values: dict[str, Any]) -> SiteConfig:
    """The validated values, by dotted key, as the config the stages read."""
    return SiteConfig(
        root=root,
        base_url=values["base_url"],
        title_ar=values["title.ar"],
        title_en=values["title.en"],
        description_ar=values["description.ar"],
        description_en=values["description.en"],
        content_dir=root / values["paths.content"],
        templates_dir=root / values["paths.templates"],
        output_dir=root / values["paths.output"],
        arabic_digits=values["display.digits"] == "arabic-indic",
        list_untranslated=values["display.untranslated"] == "notice",
        search=values["search.enabled"],
        social_cards=values["social.cards"],
        translate=TranslateConfig(
            engine=values["translate.engine"],
            model=root / values["translate.model"] if values["translate.model"] else None,
            beam_size=values["translate.beam_size"],
            batch_size=values["translate.batch_size"],
            max_decoding_length=values["translate.max_decoding_length"],
            threads=values["translate.threads"],
            device=values["translate.device"],
        ),
    )


def _line_sort_key(problem: str) -> tuple[int, str]:
    match = re.search(r":(\d+): ", problem)
    return (int(match.group(1)) if match else 0, problem)
