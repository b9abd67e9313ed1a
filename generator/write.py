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
import tempfile
from pathlib import Path, PurePosixPath

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class OutputError(Exception):
    """A page that must not be written: a duplicate, or a path outside the output."""


class StagingWriter:
    """Writes files under a staging folder; refuses collisions and escaping paths."""

    def __init__(self, output_dir: Path) -> None:
        self.output_dir = output_dir
        output_dir.parent.mkdir(parents=True, exist_ok=True)
        _clean_leftovers(output_dir)
        self.staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(output_dir), dir=output_dir.parent))
        self.written: dict[str, int] = {}  # relative path -> size

    def write(self, relative_path: str, data: bytes) -> None:
        target = self._target(relative_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written[relative_path] = len(data)

    def copy(self, relative_path: str, source: Path) -> None:
        self.write(relative_path, source.read_bytes())

    def _target(self, relative_path: str) -> Path:
        pure = PurePosixPath(relative_path)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts:
            raise OutputError(f"refusing to write outside the output folder: {relative_path!r}")
        if relative_path in self.written:
            raise OutputError(f"two pages want the same file: {relative_path!r}")
        return self.staging.joinpath(*pure.parts)

    def publish(self) -> None:
        """Swap the staging folder in as the output folder, atomically where possible."""
        for directory in sorted({p.parent for p in self.staging.rglob("*")}):
            os.chmod(directory, 0o755)  # mkdtemp made the root 0700; a web server must read it
        if not self.output_dir.exists():
            os.rename(self.staging, self.output_dir)
        elif _exchange(self.staging, self.output_dir):
            shutil.rmtree(self.staging)  # now holds the previous site
        else:
            backup = self.output_dir.with_name(_backup_name(self.output_dir))
            os.rename(self.output_dir, backup)
            os.rename(self.staging, self.output_dir)
            shutil.rmtree(backup)

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
    for leftover in output_dir.parent.glob(f".{output_dir.name}-staging-*"):
        pid = leftover.name.removeprefix(f".{output_dir.name}-staging-").split("-")[0]
        if pid.isdigit() and not _pid_alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)
