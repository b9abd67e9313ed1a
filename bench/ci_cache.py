"""Incremental deploys, as the Pages workflow runs them: two CI jobs, each from a fresh clone
of the site's repository at the same path, the second with `.nashra-cache/` and `site/`
restored from the first (as actions/cache does: a tar), after a commit that adds one article.
Both build with search on. Reported against the first job's cold build, in the same run.

    .venv/bin/python bench/ci_cache.py [--articles 5000] [--keep DIR]
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_SITE = Path(sys.executable).parent / "build-site"
CACHED = (".nashra-cache", "site")  # the workflow's cache paths


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), "-c", "user.name=bench", "-c", "user.email=bench@example.org", *args],
                   check=True, capture_output=True)


def measured(command: list[str], env: dict[str, str]) -> dict:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "measure.py"), "--", *command],
                         check=True, capture_output=True, text=True, env=env).stdout
    result = json.loads(out.strip().splitlines()[-1])
    if result["returncode"] != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result['stderr']}")
    return {"wall_s": result["seconds"], "cpu_s": result["cpu_seconds"], "peak_pss_mib": result["peak_tree_pss_kib"] / 1024}


def ci_job(repository: Path, work: Path, cache: Path) -> dict:
    """A fresh clone at `work`, the cache restored if any, `build-site --strict`, the cache saved."""
    started = time.perf_counter()
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", str(repository), str(work)], check=True)
    cloned = time.perf_counter()
    if cache.exists():
        with tarfile.open(cache) as archive:
            archive.extractall(work, filter="tar")
    restored = time.perf_counter()
    # As the workflow does: the cache's signing key travels in the cache.
    env = {**os.environ, "XDG_CONFIG_HOME": str(work / ".nashra-cache" / "config")}
    build = measured([str(BUILD_SITE), "--root", str(work), "--strict", "--quiet"], env)
    built = time.perf_counter()
    with tarfile.open(cache, "w") as archive:
        for name in CACHED:
            archive.add(work / name, arcname=name)
    return {"clone": cloned - started, "restore": restored - cloned, "build": build, "save": time.perf_counter() - built,
            "cache_bytes": cache.stat().st_size}


def add_article(repository: Path) -> None:
    """A new story: the newest one again, under a new slug, dated a day later."""
    articles = repository / "content" / "articles"
    newest = max(articles.glob("*.txt"))
    text = newest.read_text(encoding="utf-8")
    date = re.search(r"^date = (\d{4}-\d{2}-\d{2})$", text, re.M)[1]
    day = f"{date[:8]}{min(int(date[8:]) + 1, 28):02d}"
    text = re.sub(r'^slug = ".*"$', 'slug = "bench-added-story"', text, count=1, flags=re.M)
    (articles / "bench-added-story.txt").write_text(text.replace(f"date = {date}", f"date = {day}", 1), encoding="utf-8")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "one more story")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="nashra-ci-cache-"))
    try:
        repository = folder / "repository"
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(folder / "corpus"),
                        "--articles", str(options.articles), "--formats", "nashra"], check=True, capture_output=True)
        shutil.move(folder / "corpus" / "nashra", repository)
        git(repository, "init", "-q")
        git(repository, "add", ".")
        git(repository, "commit", "-q", "-m", "the digest")
        work, cache = folder / "work", folder / "cache.tar"
        cache.unlink(missing_ok=True)
        cold = ci_job(repository, work, cache)
        add_article(repository)
        warm = ci_job(repository, work, cache)
    finally:
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"{options.articles} articles, search on; two CI jobs from fresh clones at the same path")
    print(f"{'':34} {'cold (no cache)':>16} {'+1 article (cache)':>19}")
    for label, key in (("build wall s", "wall_s"), ("build CPU s", "cpu_s"), ("peak PSS MiB", "peak_pss_mib")):
        print(f"{label:34} {cold['build'][key]:16.2f} {warm['build'][key]:19.2f}")
    for label, key in (("clone s", "clone"), ("restore the cache (tar) s", "restore"), ("save the cache (tar) s", "save")):
        print(f"{label:34} {cold[key]:16.2f} {warm[key]:19.2f}")
    print(f"{'cache size MB':34} {cold['cache_bytes'] / 1e6:16.1f} {warm['cache_bytes'] / 1e6:19.1f}")
    print(f"the +1 article build took {warm['build']['wall_s'] / cold['build']['wall_s']:.2f}x the cold build's time")


if __name__ == "__main__":
    main()
