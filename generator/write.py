"""The only module that writes the output folder.

A build writes into a fresh staging folder beside `site/`; only when every page is written
is the staging folder swapped with `site/` in one atomic step (Linux `renameat2` with
RENAME_EXCHANGE), so a reader, a web server or a crash never sees a half-written site.
Where the exchange is not available two renames are used, and a backup left by a crash
between them is put back at the start of the next build.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import tempfile
from pathlib import Path, PurePosixPath

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class OutputError(Exception):
    """A page that must not be written: a duplicate, or a path outside the output."""


class StagingWriter:
    """Writes files under a staging folder; refuses collisions and escaping paths.

    With `from_previous`, the staging folder starts as a snapshot of the current site made
    of hard links (one `cp -al`), so files that did not change are kept, not rewritten;
    `write` replaces a linked file by a new one instead of writing through the link into
    the live site, and `publish` drops every file that this build did not write or keep.
    """

    def __init__(self, output_dir: Path, *, from_previous: bool = False) -> None:
        self.output_dir = output_dir
        output_dir.parent.mkdir(parents=True, exist_ok=True)
        _clean_leftovers(output_dir)
        self.staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(output_dir), dir=output_dir.parent))
        self.written: dict[str, int] = {}  # relative path -> size
        self.kept: set[str] = set()
        self.snapshot = from_previous and output_dir.is_dir() and _link_tree(output_dir, self.staging)

    def write(self, relative_path: str, data: bytes) -> None:
        target = self._target(relative_path)
        if self.snapshot:
            target.unlink(missing_ok=True)  # a hard link to the live site: never write through it
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
        try:
            target.write_bytes(data)
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        self.written[relative_path] = len(data)

    def keep(self, relative_path: str) -> bool:
        """Keep the previous build's file unchanged; False when there is none to keep."""
        target = self._target(relative_path)
        if not (self.snapshot and target.is_file()):
            return False
        self.kept.add(relative_path)
        return True

    def copy(self, relative_path: str, source: Path) -> None:
        self.write(relative_path, source.read_bytes())

    def _target(self, relative_path: str) -> Path:
        pure = PurePosixPath(relative_path)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts:
            raise OutputError(f"refusing to write outside the output folder: {relative_path!r}")
        if relative_path in self.written or relative_path in self.kept:
            raise OutputError(f"two pages want the same file: {relative_path!r}")
        return self.staging.joinpath(*pure.parts)

    def publish(self) -> None:
        """Swap the staging folder in as the output folder, atomically where possible."""
        if self.snapshot:
            self._drop_unclaimed()
        os.chmod(self.staging, 0o755)  # mkdtemp made it 0700; a web server must read it
        if not self.output_dir.exists():
            os.rename(self.staging, self.output_dir)
        elif _exchange(self.staging, self.output_dir):
            _remove_later(self.staging)  # now holds the previous site
        else:
            backup = self.output_dir.with_name(_backup_name(self.output_dir))
            os.rename(self.output_dir, backup)
            os.rename(self.staging, self.output_dir)
            shutil.rmtree(backup)

    def _drop_unclaimed(self) -> None:
        """Remove what the snapshot brought along but this build no longer produces."""
        claimed = self.written.keys() | self.kept
        for folder, subfolders, files in os.walk(self.staging, topdown=False):
            relative = Path(folder).relative_to(self.staging).as_posix()
            prefix = "" if relative == "." else relative + "/"
            for name in files:
                if prefix + name not in claimed:
                    os.unlink(os.path.join(folder, name))
            if prefix and not os.listdir(folder):
                os.rmdir(folder)

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def _staging_prefix(output_dir: Path) -> str:
    return f".{output_dir.name}-staging-{os.getpid()}-"


def _backup_name(output_dir: Path) -> str:
    return f".{output_dir.name}-previous"


def _exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _link_tree(source: Path, target: Path) -> bool:
    """Fill `target` with hard links to every file of `source`; False if that failed."""
    try:
        subprocess.run(["cp", "-al", f"{source}/.", str(target)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return True
    except (OSError, subprocess.CalledProcessError):
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        return False


def _remove_later(folder: Path) -> None:
    """Delete a replaced site in the background: the new one is already in place, and
    deleting thousands of files should not hold up the build; the next build removes
    whatever is left (see _clean_leftovers)."""
    doomed = folder.with_name(folder.name.replace("-staging-", "-old-", 1))
    os.rename(folder, doomed)
    subprocess.Popen(["rm", "-rf", str(doomed)], start_new_session=True,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _clean_leftovers(output_dir: Path) -> None:
    """Remove staging folders of killed builds; restore a backup a crash left behind."""
    backup = output_dir.with_name(_backup_name(output_dir))
    if backup.exists():
        if output_dir.exists():
            shutil.rmtree(backup)
        else:
            os.rename(backup, output_dir)
    for kind in ("staging", "old"):
        for leftover in output_dir.parent.glob(f".{output_dir.name}-{kind}-*"):
            pid = leftover.name.removeprefix(f".{output_dir.name}-{kind}-").split("-")[0]
            if pid.isdigit() and not _pid_alive(int(pid)):
                shutil.rmtree(leftover, ignore_errors=True)
