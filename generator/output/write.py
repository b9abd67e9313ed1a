"""The only module that writes the output folder.

A build writes into a fresh staging folder beside `site/`; only when every page is written
is the staging folder swapped with `site/` in one atomic step (Linux `renameat2` with
RENAME_EXCHANGE), so a reader, a web server or a crash never sees a half-written site.
Where the exchange is not available two renames are used, and a backup left by a crash
between them is put back at the start of the next build.

A rebuild starts from the previous site, so that unchanged files are kept, not rewritten.
The exchange leaves the replaced site beside the new one: it is kept as the *spare*
(`.site-spare`), and the next build turns it into its staging folder by applying the few
changes the last build made (hard links to the live files), instead of linking every file
of the site again (`cp -rl`, the fallback when there is no usable spare).
"""

from __future__ import annotations

import filecmp
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..files import FolderIdentity, identity
from .folders import (
    beside,
    clean_leftovers,
    exchange,
    files_under,
    link_tree,
    prune,
    remove_later,
    staging_prefix,
    unlink_and_prune,
)


class OutputError(Exception):
    """A page that must not be written: a duplicate, or a path outside the output."""


@dataclass(frozen=True)
class Published:
    """What a build left in the output folder, for the next build to start from."""

    files: frozenset[str]  # every file of the published site, relative
    changed: frozenset[str]  # files written or removed: what the spare does not have yet
    spare: FolderIdentity | None  # identity of the spare (the site before), if one was kept
    stamp: str = ""  # what the site's STAMP file says: a digest of everything the build made


# In the site, a digest of all its pages: a copy of the site put back where it was (a CI
# cache restored) is known by it, when the folder's identity is another one's.
STAMP = ".nashra-build"


def restored(output_dir: Path, published: Published) -> bool:
    """Whether `output_dir`, though another folder than the one `published` describes, is a
    copy of it put back in its place (a CI cache restored): its stamp, and exactly its files."""
    try:
        stamp = (output_dir / STAMP).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return bool(published.stamp) and stamp == published.stamp and files_under(output_dir) == published.files


class StagingWriter:
    """Writes files under a staging folder; refuses collisions and escaping paths.

    Given what the last build `published`, the staging folder starts as that site, made of
    hard links (from the spare, or one `cp -rl`), so files that did not change are kept,
    not rewritten; `write` replaces a linked file by a new one instead of writing through
    the link into the live site, and `publish` drops every file that this build did not
    write or keep.
    """

    def __init__(self, output_dir: Path, previous: Published | None = None) -> None:
        self.output_dir = output_dir
        output_dir.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(output_dir)
        self.written: dict[str, int] = {}  # relative path -> size
        self.kept: set[str] = set()
        self.folders: set[str] = set()  # made, or found, by this build's writes
        self.tool_folders: set[str] = set()  # handed to another program, not yet claimed
        self.aside: dict[str, str] = {}  # a tool folder -> what the previous build left in it
        self._aside_room: tempfile.TemporaryDirectory | None = None  # holds them, see scratch()
        self.previous_files: frozenset[str] = frozenset()
        self.published: Published | None = None
        self.staging = Path(tempfile.mkdtemp(prefix=staging_prefix(output_dir), dir=output_dir.parent))
        self.spare = output_dir.with_name(beside(output_dir, "spare"))
        if previous is None or not output_dir.is_dir():
            remove_later(self.spare, output_dir)
        elif previous.spare and previous.spare == identity(self.spare) and (
                missing := _from_spare(self.spare, self.staging, output_dir, previous.changed)) is not None:
            self.previous_files = previous.files - missing
        else:
            remove_later(self.spare, output_dir)
            if link_tree(output_dir, self.staging):
                self.previous_files = files_under(self.staging)
        self.snapshot = bool(self.previous_files)

    def write(self, relative_path: str, data: bytes) -> None:
        target = self._target(relative_path)
        if self.snapshot:
            try:
                os.unlink(target)  # a hard link to the live site: never write through it
            except FileNotFoundError:
                pass
        folder = os.path.dirname(target)
        if folder not in self.folders:  # a cold build makes a folder for nearly every page
            _make_folder(folder)
            self.folders.add(folder)
        _write_file(target, data)
        self.written[relative_path] = len(data)

    def has(self, relative_path: str) -> bool:
        """Whether the previous build's file is there to keep."""
        return relative_path in self.previous_files  # exactly what the staging folder started with

    def keep(self, relative_path: str) -> bool:
        """Keep the previous build's file unchanged; False when there is none to keep."""
        self._target(relative_path)
        if not self.has(relative_path):
            return False
        self.kept.add(relative_path)
        return True

    def write_or_keep(self, relative_path: str, data: bytes, previous_digest: str | None = None) -> str:
        """Write a file, or keep the previous build's when its bytes are the same: as the
        sha256 that build recorded says or, without one, as the file itself shows. Returns
        the sha256 of `data`."""
        data_digest = hashlib.sha256(data).hexdigest()
        if previous_digest is None and self.has(relative_path):
            with open(os.path.join(self.staging, relative_path), "rb") as previous:
                same = previous.read() == data
        else:
            same = data_digest == previous_digest
        if not (same and self.keep(relative_path)):
            self.write(relative_path, data)
        return data_digest

    def _target(self, relative_path: str) -> str:
        parts = relative_path.split("/")
        if relative_path.startswith("/") or ".." in parts or not relative_path.strip("/"):
            raise OutputError(f"refusing to write outside the output folder: {relative_path!r}")
        if relative_path in self.written or relative_path in self.kept:
            raise OutputError(f"two pages want the same file: {relative_path!r}")
        return os.path.join(self.staging, relative_path)

    def tool_folder(self, relative_folder: str) -> Path:
        """An empty folder of the staging area for another program to write into (Pagefind's
        bundle), its files then counted with `claim`; one not claimed is removed at publish.
        What the previous build left there is moved aside, never written through (those are
        hard links to the live site), for `claim` to keep the files that came out the same."""
        folder = relative_folder.strip("/")
        target = self._target(folder)
        if any(path.startswith(f"{folder}/") for path in self.written.keys() | self.kept):
            raise OutputError(f"a folder for a program holds pages already written: {folder!r}")
        if os.path.isdir(target):
            self._aside_room = self._aside_room or self.scratch()
            self.aside[folder] = os.path.join(self._aside_room.name, str(len(self.aside)))
            os.rename(target, self.aside[folder])
        os.makedirs(target)
        self.tool_folders.add(folder)
        return Path(target)

    def claim(self, relative_folder: str) -> None:
        """Count what a program wrote into its `tool_folder` as this build's files: written,
        or kept where the previous build's file there has the same bytes. (Written elsewhere
        and copied in, Pagefind's 10,000 files at 5,000 articles took the build 0.8-2 s.)"""
        folder = relative_folder.strip("/")
        aside = self.aside.get(folder)
        for relative_path in sorted(files_under(self.staging / folder)):
            path = f"{folder}/{relative_path}"
            target, before = self._target(path), aside and os.path.join(aside, relative_path)
            if before and os.path.isfile(before) and filecmp.cmp(before, target, shallow=False):
                os.replace(before, target)  # the previous build's file, as `keep` keeps one
                self.kept.add(path)
            else:
                self.written[path] = os.path.getsize(target)
        self.tool_folders.discard(folder)

    def scratch(self) -> tempfile.TemporaryDirectory:
        """A folder beside the staging folder: on its file system, so that it can hold hard
        links to staged files, and removed, like the staging folder, if the build is killed."""
        return tempfile.TemporaryDirectory(prefix=staging_prefix(self.output_dir), dir=self.output_dir.parent)

    def publish(self, stamp: str = "") -> None:
        """Swap the staging folder in as the output folder, atomically where possible; with a
        `stamp` (a digest of what the build made) written into it as STAMP."""
        for folder in self.tool_folders:  # what a program that failed left
            shutil.rmtree(self.staging / folder)
            prune(self.staging, os.path.dirname(folder))
        self._clear_aside()
        stamped = self._stamp(stamp)
        claimed = frozenset(self.written.keys() | self.kept | stamped)
        dropped = self.previous_files - claimed
        for relative_path in dropped:
            unlink_and_prune(self.staging, relative_path)
        os.chmod(self.staging, 0o755)  # mkdtemp made it 0700; a web server must read it
        changed = frozenset(self.written) | dropped | stamped
        if not self.output_dir.exists():
            os.rename(self.staging, self.output_dir)
        elif exchange(self.staging, self.output_dir):
            if self.snapshot:  # the replaced site differs from the new one by `changed` only
                os.rename(self.staging, self.spare)
                self.published = Published(claimed, changed, identity(self.spare), stamp)
                return
            remove_later(self.staging, self.output_dir)  # an older site, that this build did not start from
        else:
            backup = self.output_dir.with_name(beside(self.output_dir, "previous"))
            os.rename(self.output_dir, backup)
            os.rename(self.staging, self.output_dir)
            shutil.rmtree(backup)
        # A full build makes its spare from the new site, so that the first edit after it is
        # as quick as the following ones.
        self.published = Published(claimed, frozenset() if link_tree(self.output_dir, self.spare) else changed,
                                   identity(self.spare), stamp)

    def _stamp(self, stamp: str) -> set[str]:
        """Write the STAMP file (unless the previous one says the same); it is the build's
        bookkeeping, not a page: not counted among the files written."""
        if not stamp:
            return set()
        target = os.path.join(self.staging, STAMP)
        data = (stamp + "\n").encode("ascii")
        if self.has(STAMP):
            with open(target, "rb") as previous:
                if previous.read() == data:
                    return {STAMP}
            os.unlink(target)  # a hard link to the live site: never write through it
        _write_file(target, data)
        return {STAMP}

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self._clear_aside()

    def _clear_aside(self) -> None:
        if self._aside_room:
            self._aside_room.cleanup()  # unlinks: the files are hard links to the live site
            self._aside_room = None


def _from_spare(spare: Path, staging: Path, output_dir: Path, changed: frozenset[str]) -> frozenset[str] | None:
    """Make the spare (the site before the last build) the staging folder, brought up to
    the live site by linking in what the last build changed. Returns the changed files that
    are not in the live site (removed by that build, or by hand since), or None on failure."""
    missing = set()
    try:
        os.rmdir(staging)
        os.rename(spare, staging)  # the staging name: a build killed from here on leaves a leftover
        for relative_path in changed:
            live = os.path.join(output_dir, relative_path)
            if os.path.isfile(live):
                target = os.path.join(staging, relative_path)
                try:
                    os.unlink(target)
                except FileNotFoundError:
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                os.link(live, target)
            else:
                missing.add(relative_path)
                unlink_and_prune(staging, relative_path)
        return frozenset(missing)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(mode=0o700)
        return None


# A cold build makes twenty thousand files in ten thousand folders: what the kernel is
# asked for each is kept to what it needs.
def _make_folder(folder: str) -> None:
    """Its parent mostly exists already (the parent a makedirs() looks at first)."""
    try:
        os.mkdir(folder)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)


def _write_file(path: str, data: bytes) -> None:
    """With os.write: a file object also asks for the file's status, whether it is a
    terminal and where it stands, three more calls into the kernel per page."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
