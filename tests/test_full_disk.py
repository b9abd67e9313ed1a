"""A full disk during a build or a translation-memory save: the old site and the old memory
stay as they were, and the error says what happened. The site lives on a small tmpfs,
mounted for the test (root only; elsewhere the test is skipped)."""

import errno
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from generator.model import Provenance, Segment
from generator.translate.memory import load_memory, memory_from_segments, save_memory
from tests.support.sites import SITE_TOML, Site

ARTICLE = "+++\ndate = 2016-02-13\n+++\nعنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n"


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> None:
    """Leave the disk with no room, whatever it holds."""
    handle = open(disk / "filler", "wb", buffering=0)
    try:
        while True:
            handle.write(b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        handle.close()


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_build_on_a_full_disk_fails_saying_so_and_keeps_the_old_site(small_disk):
    site = Site(small_disk / "digest")
    (site.root / "site.toml").write_text(SITE_TOML + "[search]\nenabled = false\n", encoding="utf-8")
    site.article("a.txt", ARTICLE)
    build = [sys.executable, "-m", "generator.cli", "build", "--root", str(site.root), "--quiet"]
    assert subprocess.run(build, capture_output=True).returncode == 0
    before = files(site.output)
    site.article("a.txt", ARTICLE.replace("مثمرا", "مفيدا"))
    fill(small_disk)
    done = subprocess.run(build, capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert "No space left on device" in done.stderr and "site/ left unchanged" in done.stderr
    assert "Traceback" not in done.stderr
    assert files(site.output) == before
    (small_disk / "filler").unlink()
    assert subprocess.run(build, capture_output=True).returncode == 0  # room again: the build completes
    assert "مفيدا" in site.page("ar/articles/a/")


def test_a_memory_saved_on_a_full_disk_stays_as_it_was(small_disk):
    path = small_disk / "translations" / "a.toml"
    title = Segment("title", "عنوان الخبر", 1)
    save_memory(path, memory_from_segments("a", [(title, "The headline", Provenance.HUMAN, "")], None))
    before = path.read_bytes()
    fill(small_disk)
    longer = memory_from_segments("a", [(title, "A much longer headline " * 400, Provenance.HUMAN, "")], None)
    with pytest.raises(OSError) as raised:
        save_memory(path, longer)
    assert raised.value.errno == errno.ENOSPC
    assert path.read_bytes() == before and load_memory(path, "a").entries["title"].target == "The headline"
    assert [p.name for p in path.parent.iterdir()] == ["a.toml"]  # no half-written temporary file left


def test_a_cache_that_cannot_be_saved_leaves_the_new_site_published_and_says_so(site, capsys, monkeypatch):
    from generator.build import cache as cache_module

    def no_room(self, *args):
        raise OSError(errno.ENOSPC, "No space left on device")

    site.article("a.txt", ARTICLE)
    monkeypatch.setattr(cache_module.BuildCache, "save", no_room)
    code, _, err = site.build(capsys)
    assert code == 0 and "قال الوزير" in site.page("ar/articles/a/")
    assert ".nashra-cache:1: warning: build cache not saved (No space left on device); the next build will " \
           "read every article again" in err
