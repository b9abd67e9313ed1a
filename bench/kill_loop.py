"""Nothing lost, however a run dies: SIGKILL `build-site build` and `build-site build
--translate` at random moments, again and again, and check after each kill that `site/` is a
complete build (the one before, or the new one if the kill came after the swap) and that every
translation memory file is whole (the one before, or a complete newer one).

    .venv/bin/python bench/kill_loop.py [--kills 20] [--articles 80] [--seed 0]

The translation runs use a tiny Argos model built here (tests/support/argos_models.py), so
nothing is downloaded. Prints the counts; exits 1 if anything was lost.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.kill import KillPoint, run_killed, tree_digest  # noqa: E402
from tests.support.sites import SAMPLE, SITE_TOML, Site  # noqa: E402


def make_site(root: Path, articles: int, model: Path | None) -> Site:
    site = Site(root)
    extra = f'[translate]\nmodel = "{model}"\nbatch_size = 8\nmax_decoding_length = 24\n' if model else ""
    (root / "site.toml").write_text(SITE_TOML + "[search]\nenabled = false\n" + extra, encoding="utf-8")
    sample = SAMPLE.read_text(encoding="utf-8")
    for n in range(articles):
        site.article(f"story-{n:03d}.txt", sample.replace(
            "date = 2016-02-13", f"date = 2016-{1 + n % 12:02d}-{1 + n % 28:02d}\nslug = \"story-{n:03d}\""))
    return site


def set_version(site: Site, version: int) -> None:
    for path in sorted((site.root / "content" / "articles").iterdir()):
        lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
        if lines[-1].startswith("وهذه هي النسخة"):
            lines = lines[:-2]
        path.write_text("\n".join(lines) + f"\n\nوهذه هي النسخة {version} من الخبر.\n", encoding="utf-8")


def command(site: Site, translate: bool) -> list[str]:
    return [sys.executable, "-m", "generator.cli", "build", "--root", str(site.root), "--quiet"] + (
        ["--translate"] if translate else [])


def memories_whole(site: Site) -> bool:
    for path in (site.root / "content" / "translations").glob("*.toml"):
        try:
            tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            return False
    return not list((site.root / "content" / "translations").glob(".*"))  # no temporary file left


def loop(site: Site, kills: int, translate: bool, rng: random.Random) -> dict[str, int]:
    counts = {"killed before the swap": 0, "killed after the swap": 0, "finished first": 0, "lost": 0}
    version = 0
    set_version(site, version)
    subprocess.run(command(site, False), check=True, capture_output=True)
    version += 1  # how long a whole run of this command takes, once every article changed
    set_version(site, version)
    started = time.monotonic()
    subprocess.run(command(site, translate), check=True, capture_output=True)
    seconds = time.monotonic() - started
    for _ in range(kills):
        version += 1
        set_version(site, version)
        if translate:  # what the model wrote for the last version is stale now: translate again
            shutil.rmtree(site.root / "content" / "translations")
            (site.root / "content" / "translations").mkdir()
        before = tree_digest(site.output)
        run = run_killed(command(site, translate), KillPoint("random", after=rng.uniform(0, 1.1 * seconds)))
        after = tree_digest(site.output)
        if not run.killed:
            counts["finished first"] += 1
        elif after == before:
            counts["killed before the swap"] += 1
        else:
            counts["killed after the swap"] += 1
        # The site is the one before, or a whole new one (checked against a clean build below).
        new_ok = after == before or _is_complete_build(site, after)
        if not (new_ok and memories_whole(site)):
            counts["lost"] += 1
    done = subprocess.run(command(site, translate), capture_output=True, text=True)
    if done.returncode != 0:
        counts["lost"] += 1
        print(done.stderr, file=sys.stderr)
    return counts


def _is_complete_build(site: Site, digest: dict[str, str]) -> bool:
    """Whether `digest` is what a complete build of the current content makes: build it in a
    copy, from scratch."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "copy"
        shutil.copytree(site.root, copy, ignore=shutil.ignore_patterns("site", ".site-*", ".nashra-cache"))
        subprocess.run([sys.executable, "-m", "generator.cli", "build", "--root", str(copy), "--quiet"],
                       capture_output=True)
        return tree_digest(copy / "site") == digest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    lost = 0
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["XDG_CACHE_HOME"] = str(Path(scratch) / "cache")
        os.environ["XDG_CONFIG_HOME"] = str(Path(scratch) / "config")
        from tests.support.argos_models import build_tiny_package

        model = build_tiny_package(Path(scratch) / "model")
        for translate in (False, True):
            site = make_site(Path(scratch) / f"site-{translate}", options.articles, model if translate else None)
            counts = loop(site, options.kills, translate, rng)
            lost += counts["lost"]
            name = "build --translate" if translate else "build"
            print(f"{name}: {options.kills} kills: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
    return 1 if lost else 0


if __name__ == "__main__":
    raise SystemExit(main())
