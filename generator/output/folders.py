"""The folders the writer keeps beside the output folder, and what it does to whole trees.

Beside `site/`: `.site-staging-<pid>-*` (a build's staging folder, and its scratch folders),
`.site-old-<pid>-*` (a tree being deleted in the background), `.site-spare` and
`.site-previous` (see write.py). What a killed build leaves is removed by the next one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def unlink_and_prune(root: Path, relative_path: str) -> None:
    """Remove a file and the folders it leaves empty."""
    try:
        os.unlink(os.path.join(root, relative_path))
    except FileNotFoundError:
        return
    prune(root, os.path.dirname(relative_path))


def prune(root: Path, folder: str) -> None:
    """Remove `folder` (relative to `root`) and the folders above it while they are empty."""
    while folder:
        try:
            os.rmdir(os.path.join(root, folder))
        except OSError:  # not empty
            return
        folder = os.path.dirname(folder)


def files_under(root: Path) -> frozenset[str]:
    """Every file under `root`, relative (`ar/articles/x/index.html`); one prefix per folder,
    as a site holds tens of thousands of files (os.path.relpath for each took a second)."""
    top = os.fspath(root)
    found: list[str] = []
    for folder, _, names in os.walk(top):
        prefix = folder[len(top) + 1:].replace(os.sep, "/")
        found.extend(f"{prefix}/{name}" if prefix else name for name in names)
    return frozenset(found)


def beside(output_dir: Path, kind: str) -> str:
    """The name of a folder kept beside the output folder: `.site-spare`, `.site-previous`,
    or the prefix of one a build owns, `.site-staging-<pid>-`, `.site-old-<pid>-`."""
    return f".{output_dir.name}-{kind}"


def staging_prefix(output_dir: Path) -> str:
    return beside(output_dir, f"staging-{os.getpid()}-")


def exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    renameat2 = libc_name and getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None)
    return bool(renameat2) and renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def link_tree(source: Path, target: Path) -> bool:
    """Make `target` (an empty folder, or none) a tree of hard links to every file of
    `source`; False, and `target` empty, if that failed."""
    try:
        # -r, not -a: preserving folders' owners, modes, times and extended attributes took a
        # third of the time, and nothing reads them (files are links: their own inodes).
        subprocess.run(["cp", "-rl", f"{source}/.", str(target)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return True
    except (OSError, subprocess.CalledProcessError):
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        return False


def remove_later(folder: Path, output_dir: Path) -> None:
    """Delete a site tree nobody needs (a spare that cannot be used, a replaced site that
    cannot become one) in the background: deleting thousands of files should not hold up
    the build; a later build removes whatever is left (see clean_leftovers)."""
    if not folder.exists():
        return
    doomed = Path(tempfile.mkdtemp(prefix=beside(output_dir, f"old-{os.getpid()}-"), dir=output_dir.parent))
    os.rename(folder, doomed / "tree")
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


def clean_leftovers(output_dir: Path) -> None:
    """Remove staging folders of killed builds; restore a backup a crash left behind."""
    backup = output_dir.with_name(beside(output_dir, "previous"))
    if backup.exists():
        if output_dir.exists():
            shutil.rmtree(backup)
        else:
            os.rename(backup, output_dir)
    for kind in ("staging", "old"):
        for leftover in output_dir.parent.glob(beside(output_dir, f"{kind}-*")):
            pid = leftover.name.removeprefix(beside(output_dir, f"{kind}-")).split("-")[0]
            if pid.isdigit() and not _pid_alive(int(pid)):
                shutil.rmtree(leftover, ignore_errors=True)
