"""Killing a command at a chosen moment, to test that nothing is lost when it dies.

`run_killed` starts a command in a process group of its own and, at the moment a `KillPoint`
names, sends SIGKILL to the whole group: the command and its workers die at once, with no
chance to clean up, as on a crash or `kill -9`. A kill point is "`after` seconds once
`ready(pid)` holds"; `ready` is polled every millisecond with the command's process id, so
it can watch the file system for a moment in that process's work (its staging folder
appearing, a file being replaced).
`tree_digest` fingerprints a folder, to compare it before and after.

The build's tests use it (tests/test_kill.py); a test of an interrupted translation run can
use it the same way, with kill points that watch the translation memory.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence


def _always(pid: int) -> bool:
    return True


@dataclass(frozen=True)
class KillPoint:
    """When to kill: `after` seconds once `ready(pid)` first returns True (from the start by default)."""

    name: str
    after: float = 0.0
    ready: Callable[[int], bool] = _always

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class KilledRun:
    killed: bool  # False when the command had already finished
    at: float  # seconds after the start


def run_killed(argv: Sequence[str], point: KillPoint, *, timeout: float = 60.0) -> KilledRun:
    """Run `argv` and SIGKILL its process group at `point`; wait until every process is gone."""
    process = subprocess.Popen(argv, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    ready_since = None
    try:
        while process.poll() is None:
            now = time.monotonic()
            if now - start > timeout:
                raise TimeoutError(f"{' '.join(argv)} still running after {timeout} s")
            if ready_since is None and point.ready(process.pid):
                ready_since = now
            if ready_since is not None and now - ready_since >= point.after:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return KilledRun(True, now - start)
            time.sleep(0.001)
        return KilledRun(False, time.monotonic() - start)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        _wait_for_group_to_die(process.pid)


def _wait_for_group_to_die(group: int, limit: float = 5.0) -> None:
    """Processes die a moment after SIGKILL; a test must not race one still writing."""
    deadline = time.monotonic() + limit
    while _group_alive(group) and time.monotonic() < deadline:
        time.sleep(0.005)


def _group_alive(group: int) -> bool:
    """Whether a process of `group` still runs; a zombie (dead, not yet reaped by whoever
    inherited it) does not, though `kill(0)` still finds it."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        return True
    for stat in proc.glob("[0-9]*/stat"):
        try:
            state, _, process_group = stat.read_text().rsplit(")", 1)[1].split()[:3]
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
        if int(process_group) == group and state != "Z":
            return True
    return False


def tree_digest(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under `folder` ({} when it does not exist)."""
    if not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}
