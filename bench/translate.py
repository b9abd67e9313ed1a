"""Sentences per second: ArgosTranslator's batches against argostranslate's sentence-at-a-time path.

    python bench/translate.py [--sentences 300] [--base-sentences 120] [--quick] [--write]

Builds, offline, a tiny package and one shaped like the real ar->en model (Transformer-base,
int8, 32k vocabulary; random weights, outputs about as long as the inputs), then times on the
same Arabic news-like sentences:

  (a) ArgosTranslator with its defaults (batches of 32 sentences, beam 2);
  (a4) the same with beam 4, to tell what batching gains from what the smaller beam gains;
  (a1) the same as (a) with intra_threads=1, to tell what CTranslate2's thread default costs;
  (b) "the argostranslate way", emulated on the same CTranslate2 model: one translate_batch call
      per sentence, batch_type="tokens", max_batch_size=32, beam_size=4, no max_decoding_length,
      replace_unknowns, length_penalty 0.2, argostranslate's thread defaults;
  (c) argostranslate.translate.translate itself, when argostranslate is importable.

Loading a model is not timed. The tiny model's figures are the median of 3 rounds (each round
runs every method once, so that other load on the machine hits them alike); the
base-shaped model runs once, on the first --base-sentences sentences, since (b) manages only
about one sentence a second there. --quick skips the base-shaped model; --write saves the
table as bench/results-translate.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import ctranslate2  # noqa: E402
import sentencepiece  # noqa: E402

from generator.translate.mt.argos import ArgosTranslator, read_metadata  # noqa: E402
from generator.translate.mt.engine import ModelOptions  # noqa: E402
from tests.support.argos_models import (  # noqa: E402
    build_base_shaped_package,
    build_tiny_package,
    news_sentences,
)

RESULTS_FILE = REPO_ROOT / "bench" / "results-translate.md"
ARGOS_WAY = "(b) argostranslate way, emulated"

Translate = Callable[[Sequence[str]], list[str]]


@dataclass(frozen=True)
class Measurement:
    model: str
    method: str
    sentences: int
    seconds: float  # median over the runs
    runs: int
    output_tokens: float  # mean per sentence, re-encoded with the package's SentencePiece model

    @property
    def per_second(self) -> float:
        return self.sentences / self.seconds


def load_tokenizer(package: Path) -> sentencepiece.SentencePieceProcessor:
    return sentencepiece.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))


def argos_way(package: Path) -> Translate:
    """What argostranslate 1.11 does for each sentence, with its default settings."""
    tokenizer = load_tokenizer(package)
    model = ctranslate2.Translator(
        str(package / "model"), device="cpu", inter_threads=1, intra_threads=0, compute_type="auto"
    )
    prefix = read_metadata(package).get("target_prefix")

    def translate(sentences: Sequence[str]) -> list[str]:
        translations = []
        for sentence in sentences:
            (result,) = model.translate_batch(
                [tokenizer.encode(sentence, out_type=str)],
                target_prefix=[[prefix]] if prefix else None,
                replace_unknowns=True,
                max_batch_size=32,
                batch_type="tokens",
                beam_size=4,
                num_hypotheses=1,
                length_penalty=0.2,
                return_scores=True,
            )
            tokens = result.hypotheses[0][1:] if prefix else result.hypotheses[0]
            translations.append(tokenizer.decode(tokens))
        return translations

    return translate


def interleaved_runs(
    methods: dict[str, Translate], sentences: list[str], runs: int
) -> dict[str, tuple[list[float], list[str]]]:
    """Times every method once per round, so that other load on the machine hits them alike."""
    timings: dict[str, list[float]] = {method: [] for method in methods}
    outputs: dict[str, list[str]] = {}
    for _ in range(runs):
        for method, translate in methods.items():
            start = time.perf_counter()
            outputs[method] = translate(sentences)
            timings[method].append(time.perf_counter() - start)
    return {method: (timings[method], outputs[method]) for method in methods}


def record(
    model: str, method: str, package: Path, timings: list[float], outputs: list[str]
) -> Measurement:
    tokenizer = load_tokenizer(package)
    output_tokens = statistics.mean(len(tokenizer.encode(text)) for text in outputs)
    measurement = Measurement(
        model, method, len(outputs), statistics.median(timings), len(timings), output_tokens
    )
    print(f"  {method}: {measurement.per_second:.1f} sentences/s", flush=True)
    return measurement


# argostranslate reads its settings at import, so it runs in a child process pointed at a
# folder of its own, with outgoing connections refused.
ARGOSTRANSLATE_RUN = """
import json, socket, sys, time
def refuse(*args, **kwargs):
    raise OSError("network access refused by the benchmark")
socket.socket.connect = socket.socket.connect_ex = socket.create_connection = refuse
import argostranslate.package, argostranslate.translate
archive, sentences_file, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
argostranslate.package.install_from_path(archive)
sentences = json.load(open(sentences_file, encoding="utf-8"))
timings = []
for _ in range(runs):
    start = time.perf_counter()
    outputs = [argostranslate.translate.translate(s, "ar", "en") for s in sentences]
    timings.append(time.perf_counter() - start)
print(json.dumps({"timings": timings, "outputs": outputs}))
"""


def measure_argostranslate(
    model: str, archive: Path, sentences: list[str], runs: int, workdir: Path
) -> Measurement | str:
    """Times argostranslate itself, or says why it could not run."""
    if importlib.util.find_spec("argostranslate") is None:
        return "argostranslate is not installed"
    home = workdir / f"argostranslate-{model}"
    sentences_file = home / "sentences.json"
    home.mkdir()
    sentences_file.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(home / "packages"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
           "XDG_CONFIG_HOME": str(home / "config")}
    child = subprocess.run(
        [sys.executable, "-c", ARGOSTRANSLATE_RUN, str(archive), str(sentences_file), str(runs)],
        env=env, capture_output=True, text=True,
    )
    if child.returncode != 0:
        last_line = (child.stderr.strip().splitlines() or ["no error output"])[-1]
        return f"argostranslate failed: {last_line}"
    result = json.loads(child.stdout.strip().splitlines()[-1])
    return record(
        model, "(c) argostranslate.translate", archive.with_suffix(""), result["timings"],
        result["outputs"],
    )


def bench_model(
    model: str, archive: Path, sentences: list[str], runs: int, workdir: Path
) -> tuple[list[Measurement], list[str]]:
    package = archive.with_suffix("")
    print(f"{model} ({len(sentences)} sentences, {runs} run(s) each):", flush=True)
    methods = {
        "(a) ArgosTranslator, batches of 32, beam 2": ArgosTranslator(package).translate,
        "(a4) ArgosTranslator, batches of 32, beam 4":
            ArgosTranslator(package, ModelOptions(beam_size=4)).translate,
        "(a1) ArgosTranslator, batches of 32, beam 2, 1 thread":
            ArgosTranslator(package, ModelOptions(intra_threads=1)).translate,
        ARGOS_WAY: argos_way(package),
    }
    measurements = [
        record(model, method, package, timings, outputs)
        for method, (timings, outputs) in interleaved_runs(methods, sentences, runs).items()
    ]
    real = measure_argostranslate(model, archive, sentences, runs, workdir)
    if isinstance(real, Measurement):
        return measurements + [real], []
    print(f"  (c) skipped: {real}")
    return measurements, [f"(c) argostranslate.translate on the {model} model: not run ({real})."]


def table(measurements: list[Measurement]) -> str:
    rows = [
        "| model | method | sentences | runs | sentences/s | vs (b) | output tokens/sentence |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    baseline = {m.model: m.per_second for m in measurements if m.method == ARGOS_WAY}
    for m in measurements:
        rows.append(
            f"| {m.model} | {m.method} | {m.sentences} | {m.runs} | {m.per_second:.1f} "
            f"| {m.per_second / baseline[m.model]:.2f}x | {m.output_tokens:.1f} |"
        )
    return "\n".join(rows)


def machine() -> str:
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"ctranslate2 {ctranslate2.__version__}, sentencepiece {sentencepiece.__version__}; "
        f"load average {load}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--base-sentences", type=int, default=120,
                        help="how many of them the base-shaped model translates")
    parser.add_argument("--quick", action="store_true", help="tiny model only")
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS_FILE.name}")
    args = parser.parse_args(argv)

    sentences = news_sentences(args.sentences, seed=1)
    machine_before = machine()
    measurements: list[Measurement] = []
    notes: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="nashra-bench-") as tmp:
        workdir = Path(tmp)
        models = [("tiny", build_tiny_package, sentences, 3)]
        if not args.quick:
            base_sentences = sentences[: args.base_sentences]
            models.append(("base-shaped", build_base_shaped_package, base_sentences, 1))
        for model, build, model_sentences, runs in models:
            build_start = time.perf_counter()
            archive = build(workdir / model)
            print(f"built {model} package in {time.perf_counter() - build_start:.1f} s", flush=True)
            model_measurements, model_notes = bench_model(
                model, archive, model_sentences, runs, workdir
            )
            measurements += model_measurements
            notes += model_notes
    elapsed = time.perf_counter() - started

    command = f"python bench/translate.py --sentences {args.sentences}"
    command += " --quick" if args.quick else f" --base-sentences {args.base_sentences}"
    report = "\n".join([
        "# Translation throughput",
        "",
        f"`{command}`, {time.strftime('%Y-%m-%d')}, {elapsed:.0f} s in all.",
        "",
        f"Machine before: {machine_before}.  ",
        f"Machine after: {machine()}.",
        "",
        table(measurements),
        "",
        *[f"- {note}" for note in notes],
        "- Random weights: the speed is the real one for the shape, the output is gibberish.",
        "- Output tokens show that the methods decode about as much text each.",
        "- Other work on the machine slows every row; compare rows of one run, not across runs.",
        "",
    ])
    print()
    print(report)
    if args.write:
        RESULTS_FILE.write_text(report, encoding="utf-8")
        print(f"wrote {RESULTS_FILE.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
