"""Nothing lost: a build killed at any moment (SIGKILL, no chance to clean up) leaves the
previous site/ complete, byte for byte, and the translation memory as it was; the next build
removes what the killed one left behind and completes.

The site has enough articles that a build takes a second or two, so the kill points fall
in every phase: start-up, parsing and rendering (in worker processes), writing the staging
folder, and the moment after the swap, before the build cache is saved. Each killed build
changes every article, so whatever it had written would show."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.translate.memory import load_memory
from tests.support.kill import KillPoint, run_killed, tree_digest
from tests.support.sites import REPO, SAMPLE, SITE_TOML, Site

pytestmark = pytest.mark.slow

ARTICLES = 80  # over build.PARALLEL_THRESHOLD (64): articles are parsed in worker processes
SAMPLE_SLUG = SAMPLE.stem
VERSION_PARAGRAPH = re.compile(r"\n+وهذه هي النسخة \w+ من الخبر\.\n\Z")


def build_command(root: Path) -> list[str]:
    return [sys.executable, "-m", "generator.cli", "build", "--root", str(root), "--quiet"]


def make_site(root: Path, articles: int) -> Site:
    """The sample and its translation memory, and `articles` variants of it with their own slugs."""
    site = Site(root)
    (root / "site.toml").write_text(SITE_TOML + "[search]\nenabled = false\n", encoding="utf-8")  # Pagefind is slow
    shutil.copy(SAMPLE, root / "content" / "articles")
    shutil.copy(REPO / "content" / "translations" / f"{SAMPLE_SLUG}.toml", root / "content" / "translations")
    sample = SAMPLE.read_text(encoding="utf-8")
    for n in range(articles - 1):
        site.article(f"story-{n:03d}.txt", sample.replace(
            "date = 2016-02-13", f"date = 2016-{1 + n % 12:02d}-{1 + n % 28:02d}\nslug = \"story-{n:03d}\""))
    return site


def set_version(site: Site, version: str) -> None:
    """End every article with a paragraph naming `version`, so that every page changes."""
    for path in sorted((site.root / "content" / "articles").iterdir()):
        text = VERSION_PARAGRAPH.sub("\n", path.read_text(encoding="utf-8"))
        path.write_text(f"{text}\nوهذه هي النسخة {version} من الخبر.\n", encoding="utf-8")


def complete_build(site: Site) -> float:
    """Build to the end; -> how long it took."""
    start = time.monotonic()
    result = subprocess.run(build_command(site.root), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return time.monotonic() - start


def memory_files(site: Site) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in (site.root / "content" / "translations").glob("*.toml")}


def staging_of(pid: int, root: Path) -> bool:
    return any(root.glob(f".site-staging-{pid}-*"))


def pages_written(pid: int, root: Path) -> int:
    """Pages the build `pid` has written so far. An incremental build starts its staging
    folder as hard links to the current site (two links per file); what it writes has one."""
    written = 0
    for staging in root.glob(f".site-staging-{pid}-*"):
        for folder, _, files in os.walk(staging):
            for name in files:
                try:
                    written += os.lstat(os.path.join(folder, name)).st_nlink == 1
                except FileNotFoundError:
                    pass  # replaced while we looked
    return written


def inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


@dataclass
class Versions:
    """A site and the complete output of both of its versions, and how long a build takes."""

    site: Site
    trees: dict[str, dict[str, str]]
    seconds: float


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> Versions:
    site = make_site(tmp_path_factory.mktemp("kill") / "digest", ARTICLES)
    trees = {}
    seconds = 0.0
    for version in ("A", "B"):  # B is built on A like the builds that will be killed
        set_version(site, version)
        seconds = complete_build(site)
        trees[version] = tree_digest(site.output)
    assert trees["A"] != trees["B"]
    return Versions(site, trees, seconds)


MOMENTS = [
    "starting up",
    "parsing and rendering articles",
    "the staging folder appears",
    "a third of the pages are written into staging",
    "site/ was just swapped",
]


def kill_point(moment: str, root: Path, seconds: float) -> KillPoint:
    site_before = inode(root / "site")
    return {
        "starting up": KillPoint(moment, after=0.10 * seconds),
        "parsing and rendering articles": KillPoint(moment, after=0.45 * seconds),
        "the staging folder appears": KillPoint(moment, ready=lambda pid: staging_of(pid, root)),
        "a third of the pages are written into staging":
            KillPoint(moment, ready=lambda pid: pages_written(pid, root) >= ARTICLES * 4 // 3),
        "site/ was just swapped": KillPoint(moment, ready=lambda pid: inode(root / "site") != site_before),
    }[moment]


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_killed_build_leaves_a_complete_site_and_the_memory_untouched(versions, moment):
    site = versions.site
    before, site_inode = tree_digest(site.output), inode(site.output)
    memory = memory_files(site)
    target = "A" if before == versions.trees["B"] else "B"
    set_version(site, target)

    run = run_killed(build_command(site.root), kill_point(moment, site.root, versions.seconds))

    swapped = inode(site.output) != site_inode
    if moment == "site/ was just swapped":
        assert swapped
    else:
        assert run.killed, f"the build ended before the kill point ({run.at:.2f} s)"
    # Whole builds only: the previous one, or the new one if the kill came after the swap.
    assert tree_digest(site.output) == (versions.trees[target] if swapped else before), f"killed at {run.at:.2f} s"
    assert memory_files(site) == memory
    for path in memory:
        load_memory(path, path.stem)


def test_the_build_after_killed_ones_cleans_up_and_completes(versions):
    site = versions.site
    version = "A" if tree_digest(site.output) == versions.trees["B"] else "B"
    set_version(site, version)
    complete_build(site)
    assert tree_digest(site.output) == versions.trees[version]
    deadline = time.monotonic() + 10  # an unusable spare is deleted in the background
    while (leftovers := sorted(p.name for p in site.root.glob(".site-*"))) != [".site-spare"] \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leftovers == [".site-spare"]  # the replaced site, kept for the next build to start from
    assert tree_digest(site.root / ".site-spare") in versions.trees.values()


def test_a_first_build_killed_leaves_no_site_and_the_next_one_completes(tmp_path):
    site = make_site(tmp_path / "digest", 20)
    run = run_killed(build_command(site.root), KillPoint("staging", ready=lambda pid: staging_of(pid, site.root)))
    assert run.killed
    assert not site.output.exists()
    complete_build(site)
    assert (site.output / "ar" / "articles" / "story-000" / "index.html").is_file()


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(child) for child in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped (the container's init may never reap it)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_the_workers_of_a_killed_build_end_with_it(tmp_path):
    site = make_site(tmp_path / "digest", ARTICLES)
    build = subprocess.Popen(build_command(site.root), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and build.poll() is None and time.monotonic() < deadline:
        workers |= _children(build.pid)
        time.sleep(0.005)
    assert len(workers) >= 2, "the build ended before its workers were seen"
    os.kill(build.pid, 9)
    build.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)]
