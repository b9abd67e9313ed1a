"""Build times of Nashra, Pelican and Hugo on the same synthetic articles (issue 6).

    .venv/bin/python bench/build.py [--sizes 100,1000,5000] [--repeat 3|3,3,1] [--quick] [--write]
                                    [--generators nashra,pelican,hugo] [--seed 0]

For each size, bench/corpus.py writes the stories once, for all three generators, into a
temporary folder. Each round then times, for one generator after the other (so that other
load on the machine hits them alike):

  cold      no output folder and no cache
  no-op     the same build again, nothing changed
  changed   one paragraph of the newest story edited in its Arabic file, built again
  added     the second newest story deleted, built without it (not timed), then pasted back
            in and built again: an editor adding a story

Every build runs in a fresh bench/measure.py process: wall time, CPU time (user + system,
of every process of the build: less disturbed by other load than wall time, though not
immune to it), max RSS of its largest process and the peak PSS of its whole process tree.
The table shows medians over the rounds; ratios compare builds of the same run only.

Nashra is measured on a copy of generator/, templates/ and content/*.toml taken when the
run starts, so that edits made meanwhile do not change what is measured halfway.
Pelican and its i18n_subsites plugin are installed into bench/.venv-pelican when the plugin
is missing there; Hugo is Debian's package, installed with apt-get when missing and running
as root. A generator that cannot be had is reported as unavailable. --quick means --sizes
100 --repeat 1; --write puts the results into bench/README.md between its result markers.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

from corpus import Corpus, Story, write_corpus  # noqa: E402

import generator as nashra_package  # noqa: E402  (the copy of run_on_snapshot, once it ran)

MEASURE = BENCH_DIR / "measure.py"
SNAPSHOT_VARIABLE = "NASHRA_BENCH_SNAPSHOT"
PELICAN_VENV = BENCH_DIR / ".venv-pelican"
PELICAN_PACKAGES = ("pelican", "markdown", "pelican-i18n-subsites")  # the plugin builds the English site
PELICAN_PLUGIN = "lib/python*/site-packages/pelican/plugins/i18n_subsites"
README = BENCH_DIR / "README.md"
RESULTS_START, RESULTS_END = "<!-- build-results:start -->", "<!-- build-results:end -->"
KINDS = ("cold", "no-op", "changed", "added")
CLEANUP_WAIT_SECONDS = 120

# Targets of issue 18, at the largest size measured: reported, never asserted.
TARGET_PELICAN_RATIO = 3.0  # Pelican's cold build takes at least 3x Nashra's (search off)
TARGET_PELICAN_SEARCH_RATIO = 2.0  # Pelican + Pagefind's at least 2x Nashra's with search
TARGET_HUGO_RATIO = 0.5  # Nashra within 2x of Hugo: Hugo's takes at least half Nashra's time
TARGET_NOOP_SECONDS = 0.5
TARGET_CHANGED_SECONDS = 2.0  # an earlier issue's, kept in view
TARGET_PEAK_MB = 500
MB_PER_MIB = 1024 * 1024 / 1e6


# --- the generators ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Generator:
    name: str
    version: str
    site: Path
    output: Path
    command: list[str]
    caches: tuple[Path, ...]  # removed, with the output, before a cold build
    story_files: Callable[[Story], tuple[Path, ...]]  # the Arabic text first, then any others

    def clean(self) -> None:
        for path in (self.output, *self.caches):
            shutil.rmtree(path, ignore_errors=True)

    def html_pages(self) -> int:
        return sum(1 for _ in self.output.rglob("*.html"))


def nashra(corpus: Corpus) -> Generator:
    snapshot = Path(os.environ[SNAPSHOT_VARIABLE])
    imported = Path(nashra_package.__file__ or "")
    if not imported.is_relative_to(snapshot):
        raise RuntimeError(f"Nashra is imported from {imported}, not from the copy in {snapshot}")
    site = corpus.site("nashra")
    if not SEARCH:  # like Pelican and Hugo, which are not asked to build a search index
        with (site / "site.toml").open("a", encoding="utf-8") as config:
            config.write("[search]\nenabled = false\n")
    measured = (snapshot / "measured.txt").read_text(encoding="utf-8")
    return Generator(
        "Nashra", f"{nashra_package.__version__} {measured}", site, site / "site",
        # -P: no current folder on sys.path, where a checkout's generator/ would win over the copy
        [sys.executable, "-P", "-m", "generator.cli", "build", "--root", str(site), "--quiet"],
        (site / ".nashra-cache", site / ".site-spare"),
        lambda story: (site / "content" / "articles" / f"{story.slug}.txt",
                       site / "content" / "translations" / f"{story.slug}.toml"),
    )


def run_on_snapshot() -> Path:
    """Others may change generator/ or templates/ during a long run, and one run must measure
    one Nashra: copy them (and content/*.toml) once, and run this script again with the copy
    first on PYTHONPATH. Returns the copy, in the second run."""
    if SNAPSHOT_VARIABLE in os.environ:
        return Path(os.environ[SNAPSHOT_VARIABLE])
    snapshot = Path(tempfile.mkdtemp(prefix="nashra-bench-code-"))
    shutil.copytree(REPO_ROOT / "generator", snapshot / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    # Byte-compiled, as pip compiles an installed package (Pelican's among them) and as a
    # user's Python caches on the first run: where PYTHONDONTWRITEBYTECODE is set (this
    # workplace sets it), every build would otherwise compile Nashra's modules again.
    compileall.compile_dir(snapshot / "generator", quiet=1)
    shutil.copytree(REPO_ROOT / "templates", snapshot / "templates")
    (snapshot / "content").mkdir()
    for data_file in (REPO_ROOT / "content").glob("*.toml"):
        shutil.copy(data_file, snapshot / "content")
    (snapshot / "measured.txt").write_text(_nashra_tree_state(), encoding="utf-8")
    python_path = os.pathsep.join(filter(None, [str(snapshot), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, SNAPSHOT_VARIABLE: str(snapshot), "PYTHONPATH": python_path}
    os.execve(sys.executable, [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]], env)


def _nashra_tree_state() -> str:
    """Which Nashra is measured: the commit, and whether generator/ had local changes."""
    def git(*args: str) -> str:  # read-only: --no-optional-locks keeps `status` from touching the index
        done = subprocess.run(["git", "--no-optional-locks", *args], cwd=REPO_ROOT, capture_output=True,
                              text=True, check=False)
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return ""
    changed = git("status", "--porcelain", "--", "generator", "templates")
    return f"({commit}{', with uncommitted changes to generator/ or templates/' if changed else ''})"


def pelican(corpus: Corpus) -> Generator | str:
    command = PELICAN_VENV / "bin" / "pelican"
    if not any(PELICAN_VENV.glob(PELICAN_PLUGIN)):  # also in a venv made before the plugin was needed
        try:
            subprocess.run([sys.executable, "-m", "venv", str(PELICAN_VENV)], check=True)
            subprocess.run([str(PELICAN_VENV / "bin" / "pip"), "install", "--quiet", *PELICAN_PACKAGES], check=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            return f"could not be installed into {PELICAN_VENV}: {exc}"
    site = corpus.site("pelican")
    shutil.copytree(BENCH_DIR / "pelican", site, dirs_exist_ok=True)
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True, check=False).stdout.strip()
    build = [str(command), "--quiet", "--settings", str(site / "pelicanconf.py")]
    name = "Pelican"
    if SEARCH:  # like for like with Nashra's search: Pagefind over the same article pages, after each build
        from pagefind.service import get_executable

        index = [str(get_executable()), "--site", str(site / "output"), "--glob", "{ar,en}/articles/*/index.html"]
        build = ["sh", "-c", f"{shlex.join(build)} && {shlex.join(index)} >/dev/null"]
        name, version = "Pelican + Pagefind", f"{version}; Pagefind {_pagefind_version(index[0])}"
    return Generator(
        name, version, site, site / "output", build, (site / "cache",),
        lambda story: tuple(site / "content" / lang / f"{story.slug}.md" for lang in ("ar", "en")),
    )


def _pagefind_version(executable: str) -> str:
    found = subprocess.run([executable, "--version"], capture_output=True, text=True, check=False).stdout.split()
    return found[-1] if found else "?"


def hugo(corpus: Corpus) -> Generator | str:
    command = shutil.which("hugo") or _install_hugo()
    if not command:
        return "not installed (apt-get install hugo failed or needs root)"
    site = corpus.site("hugo")
    shutil.copytree(BENCH_DIR / "hugo", site, dirs_exist_ok=True)
    version = subprocess.run([command, "version"], capture_output=True, text=True, check=False).stdout.split()[1]
    return Generator(
        "Hugo", version, site, site / "public",
        [command, "--quiet", "--source", str(site), "--cacheDir", str(site / ".hugo-cache")],
        (site / ".hugo-cache", site / "resources"),
        lambda story: tuple(site / "content" / lang / "posts" / f"{story.slug}.md" for lang in ("ar", "en")),
    )


def _install_hugo() -> str | None:
    """Debian's hugo; the package lists are refreshed only when the first attempt fails."""
    if os.geteuid() != 0:
        return None
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for steps in ([["apt-get", "install", "-y", "hugo"]],
                  [["apt-get", "update"], ["apt-get", "install", "-y", "hugo"]]):
        if all(subprocess.run(step, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              check=False).returncode == 0 for step in steps):
            return shutil.which("hugo")
    return None


SETUP = {"nashra": nashra, "pelican": pelican, "hugo": hugo}
SEARCH = True  # --no-search: Nashra builds no search index


# --- measuring --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    max_rss_kib: int
    peak_tree_pss_kib: int


def measure(generator: Generator) -> Run:
    wait_for_deferred_cleanup(generator)
    os.sync()  # write back the previous build's files now, not during this one
    done = subprocess.run([sys.executable, str(MEASURE), "--", *generator.command], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{MEASURE.name} failed:\n{done.stderr}")
    result = json.loads(done.stdout)
    if result["returncode"] != 0:
        raise RuntimeError(f"{generator.name} failed with exit code {result['returncode']}:\n{result['stderr']}")
    return Run(result["seconds"], result["cpu_seconds"], result["max_rss_kib"], result["peak_tree_pss_kib"])


def wait_for_deferred_cleanup(generator: Generator) -> None:
    """Nashra removes a spare it cannot use in the background (`.site-old-*`): let that
    finish, so that it does not slow the next build down."""
    deadline = time.monotonic() + CLEANUP_WAIT_SECONDS
    while any(generator.site.glob(f".{generator.output.name}-old-*")) and time.monotonic() < deadline:
        time.sleep(0.05)


class Edit:
    """The newest story's last paragraph, edited again in every round: round n replaces the
    text round n - 1 left (round 0's is the paragraph as generated)."""

    def __init__(self, stories: list[Story]) -> None:
        self.story = max(stories, key=lambda story: (story.date, story.slug))

    def text(self, round_number: int) -> str:
        paragraph = self.story.last_paragraph
        if round_number == 0:
            return paragraph
        # Words added before the final full stop: the sentences and their ids stay the same.
        return f"{paragraph[:-1]} وفق ما أفادت به المصادر في التحديث رقم {round_number}."

    def apply(self, generator: Generator, round_number: int) -> None:
        path = generator.story_files(self.story)[0]
        content = path.read_text(encoding="utf-8")
        before = self.text(round_number - 1)
        if before not in content:
            raise RuntimeError(f"{path}: the paragraph to edit is not there")
        path.write_text(content.replace(before, self.text(round_number), 1), encoding="utf-8")


class Addition:
    """The second newest story (the newest is the edited one), taken out and pasted back in:
    like a new story, it shows on the homes and in the feeds."""

    def __init__(self, stories: list[Story]) -> None:
        self.story = sorted(stories, key=lambda story: (story.date, story.slug))[-2]

    def remove(self, generator: Generator) -> dict[Path, bytes]:
        files = {path: path.read_bytes() for path in generator.story_files(self.story) if path.exists()}
        for path in files:
            path.unlink()
        return files

    @staticmethod
    def paste(files: dict[Path, bytes]) -> None:
        for path, data in files.items():  # written anew, as an editor's new file would be
            path.write_bytes(data)


@dataclass
class Measurements:
    size: int
    generator: Generator
    html_pages: int = 0
    runs: dict[str, list[Run]] = field(default_factory=lambda: {kind: [] for kind in KINDS})

    def median(self, kind: str, what: str = "seconds") -> float:
        return statistics.median(getattr(run, what) for run in self.runs[kind])

    def spread(self, kind: str) -> tuple[float, float]:
        seconds = [run.seconds for run in self.runs[kind]]
        return min(seconds), max(seconds)

    def peak_mib(self, what: str) -> float:
        return max(getattr(run, what) for runs in self.runs.values() for run in runs) / 1024


def bench_size(size: int, seed: int, repeat: int, names: tuple[str, ...], workdir: Path, snapshot: Path,
               unavailable: dict[str, str]) -> list[Measurements]:
    started = time.perf_counter()
    corpus = write_corpus(workdir / f"corpus-{size}", size, seed,
                          tuple(n for n in names if n != "nashra" and n not in unavailable), project=snapshot)
    print(f"\n{size} articles: corpus written in {time.perf_counter() - started:.0f} s", flush=True)
    generators = []
    for name in names:
        if name in unavailable:
            continue
        made = SETUP[name](corpus)
        if isinstance(made, str):
            unavailable[name] = made
            print(f"  {name}: {made}", flush=True)
        else:
            generators.append(made)
    results = [Measurements(size, generator) for generator in generators]
    edit, addition = Edit(corpus.stories), Addition(corpus.stories)
    for round_number in range(1, repeat + 1):
        for result in results:
            generator = result.generator
            generator.clean()
            result.runs["cold"].append(measure(generator))
            result.html_pages = generator.html_pages()
            result.runs["no-op"].append(measure(generator))
            edit.apply(generator, round_number)
            result.runs["changed"].append(measure(generator))
            removed = addition.remove(generator)
            measure(generator)  # the site without the story, to add it to
            addition.paste(removed)
            result.runs["added"].append(measure(generator))
            print(f"  round {round_number}/{repeat} {generator.name}: " + ", ".join(
                f"{kind} {result.runs[kind][-1].seconds:.2f} s" for kind in KINDS), flush=True)
    for generator in generators:
        wait_for_deferred_cleanup(generator)
    shutil.rmtree(corpus.root)
    return results


# --- reporting --------------------------------------------------------------------------------

def _seconds(result: Measurements, kind: str) -> str:
    low, high = result.spread(kind)
    median = f"{result.median(kind):.2f}"
    return median if len(result.runs[kind]) == 1 else f"{median} ({low:.2f}-{high:.2f})"


def results_table(all_results: list[list[Measurements]]) -> str:
    lines = [
        ("| articles | generator | HTML pages | cold s | pages/s | cold vs Nashra | cold CPU s "
         "| no-op s | no-op CPU s | changed s | changed CPU s | added s | added CPU s | max RSS MiB "
         "| peak PSS MiB | runs |"),
        "|" + " ---: |" + " --- |" + " ---: |" * 14,
    ]
    for results in all_results:
        reference = next((r for r in results if r.generator.name == "Nashra"), None)
        for result in results:
            cold = result.median("cold")
            ratio = f"{cold / reference.median('cold'):.2f}x" if reference else "-"
            cells = [str(result.size), result.generator.name, str(result.html_pages), _seconds(result, "cold"),
                     f"{result.html_pages / cold:.0f}", ratio]
            for kind in KINDS:
                if kind != "cold":
                    cells.append(_seconds(result, kind))
                cells.append(f"{result.median(kind, 'cpu_seconds'):.1f}")
            cells += [f"{result.peak_mib('max_rss_kib'):.0f}", f"{result.peak_mib('peak_tree_pss_kib'):.0f}",
                      str(len(result.runs["cold"]))]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(results: list[Measurements]) -> list[str]:
    """Issue 6's targets, judged on the largest size measured."""
    by_name = {result.generator.name: result for result in results}
    nashra_result = by_name.get("Nashra")
    if nashra_result is None:
        return []
    size = nashra_result.size

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    cold = nashra_result.median("cold")
    lines = [f"Targets of issue 18 at {size} articles (reported, not asserted):", ""]
    for name, target in (("Pelican", TARGET_PELICAN_RATIO), ("Pelican + Pagefind", TARGET_PELICAN_SEARCH_RATIO),
                         ("Hugo", TARGET_HUGO_RATIO)):
        if name not in by_name and name.startswith("Pelican") and (name == "Pelican") == SEARCH:
            continue  # search on: Pelican runs with Pagefind; search off: without
        if name in by_name:
            ratio = by_name[name].median("cold") / cold
            cpu_ratio = by_name[name].median("cold", "cpu_seconds") / nashra_result.median("cold", "cpu_seconds")
            lines.append(f"- cold build, {name} / Nashra >= {target:g}: {ratio:.2f} ({verdict(ratio >= target)}); "
                         f"in CPU time {cpu_ratio:.2f}")
        else:
            lines.append(f"- cold build, {name} / Nashra >= {target:g}: {name} not measured")
    noop, changed, added = (nashra_result.median(kind) for kind in ("no-op", "changed", "added"))
    peak_mb = nashra_result.peak_mib("peak_tree_pss_kib") * MB_PER_MIB
    largest_mb = nashra_result.peak_mib("max_rss_kib") * MB_PER_MIB
    lines += [
        f"- no-op rebuild < {TARGET_NOOP_SECONDS:g} s: {noop:.2f} s ({verdict(noop < TARGET_NOOP_SECONDS)})",
        (f"- one article changed < {TARGET_CHANGED_SECONDS:g} s: {changed:.2f} s "
         f"({verdict(changed < TARGET_CHANGED_SECONDS)}); one article added: {added:.2f} s "
         f"({verdict(added < TARGET_CHANGED_SECONDS)})"),
        (f"- peak memory < {TARGET_PEAK_MB} MB: {peak_mb:.0f} MB summed over the build's processes "
         f"({verdict(peak_mb < TARGET_PEAK_MB)}); largest single process {largest_mb:.0f} MB"),
    ]
    if size < 5000:
        lines.append(f"- (the targets are stated for 5000 articles; this run's largest size is {size})")
    return lines


def machine() -> str:
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; load average {load}"


def report(all_results: list[list[Measurements]], unavailable: dict[str, str],
           machine_before: str, elapsed: float) -> str:
    generators = {r.generator.name: r.generator.version for results in all_results for r in results}
    lines = [
        "### Results",
        "",
        (f"`{' '.join(['.venv/bin/python', 'bench/build.py', *sys.argv[1:]])}`, {dt.date.today().isoformat()}, "
         f"{elapsed / 60:.0f} min in all."),
        "",
        f"Machine before: {machine_before}.  ",
        f"Machine after: {machine()}.  ",
        "Versions: " + "; ".join(f"{name} {version}" for name, version in generators.items()) + ".",
        "",
        results_table(all_results),
        "",
        *targets(all_results[-1]),
        "",
    ]
    lines += [f"- {name}: not measured, {why}." for name, why in unavailable.items()]
    lines += [
        ("- Seconds are medians over the rounds, with the fastest and slowest run in brackets; "
         "CPU s is user + system time of all the build's processes."),
        "- *cold vs Nashra*: the generator's cold build time over Nashra's, in the same run (above 1: Nashra is faster).",
        "- *changed*: the newest story's last paragraph edited in its Arabic file.",
        ("- *added*: the second newest story's files deleted and the site built without them "
         "(not timed), then the files written back and the site built again."),
        ("- Nashra runs with its default of one worker process per CPU, and "
         + ("indexes for search with Pagefind the parts of the index whose articles changed, and Pelican "
            "is followed by one Pagefind run over its article pages (Hugo builds no index)." if SEARCH else
            "without its Pagefind search index (`--no-search`), like Pelican and Hugo here.")),
        ("- Memory: *max RSS* is the build's largest single process; *peak PSS* is summed over all its "
         "processes (workers, Pagefind), sampled every 10 ms in the first second, then every 250 ms."),
        "- Other work on the machine slows every row; compare rows of one run, not across runs.",
    ]
    return "\n".join(lines) + "\n"


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    start, end = readme.find(RESULTS_START), readme.find(RESULTS_END)
    if start < 0 or end < start:
        raise SystemExit(f"{README} has no {RESULTS_START} ... {RESULTS_END} markers to write between")
    README.write_text(readme[:start + len(RESULTS_START)] + "\n" + text + readme[end:], encoding="utf-8")
    print(f"\nwritten to {README}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="comma-separated article counts (default 100,1000,5000)")
    parser.add_argument("--repeat", help="rounds per size, or one count per size: 3,3,1 (default 3)")
    parser.add_argument("--quick", action="store_true", help="--sizes 100 --repeat 1, unless given")
    parser.add_argument("--generators", default=",".join(SETUP), help="comma-separated subset")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--write", action="store_true", help="write the results into bench/README.md")
    parser.add_argument("--no-search", action="store_true",
                        help="Nashra without its search index, as Pelican and Hugo are asked to build none")
    args = parser.parse_args()
    global SEARCH
    SEARCH = not args.no_search
    sizes = [int(s) for s in (args.sizes or ("100" if args.quick else "100,1000,5000")).split(",")]
    repeats = [int(r) for r in (args.repeat or ("1" if args.quick else "3")).split(",")]
    if len(repeats) == 1:
        repeats *= len(sizes)
    if len(repeats) != len(sizes):
        parser.error("--repeat: one count, or one per size")
    names = tuple(args.generators.split(","))
    if "nashra" not in names or set(names) - set(SETUP):
        parser.error(f"--generators: a subset of {','.join(SETUP)} that includes nashra")

    snapshot = run_on_snapshot()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # still remove the temporary folders
    started, machine_before = time.perf_counter(), machine()
    unavailable: dict[str, str] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="nashra-bench-") as workdir:
            all_results = [bench_size(size, args.seed, repeat, names, Path(workdir), snapshot, unavailable)
                           for size, repeat in zip(sizes, repeats)]
    finally:
        shutil.rmtree(snapshot)
    text = report(all_results, unavailable, machine_before, time.perf_counter() - started)
    print("\n" + text)
    if args.write:
        write_readme(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
