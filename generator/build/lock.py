"""One build of a site at a time: `build-site build`, `--translate` and each rebuild of
`build-site serve` hold an exclusive lock on `.nashra-cache/build.lock` while they write, so
two at once never mix their writes to `site/`, the cache or the translation memory; the
second waits, and says so. The lock is the kernel's (flock): a killed build releases it."""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .cache import CACHE_DIR

LOCK_NAME = "build.lock"


class LockBusy(Exception):
    """Another build held the lock for longer than the caller would wait."""


@contextlib.contextmanager
def build_lock(root: Path, say: TextIO | None = sys.stderr, wait: float | None = None) -> Iterator[None]:
    """Hold the site's build lock; with `wait`, give up after that many seconds (LockBusy)."""
    folder = root / CACHE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_NAME, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            if wait is not None:
                _wait_for(handle, wait, holder)
            else:
                if say is not None:
                    print(f"waiting for another build of this site to finish (pid {holder})", file=say, flush=True)
                fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _wait_for(handle: TextIO, seconds: float, holder: str) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise LockBusy(f"another build of this site is running (pid {holder})") from None
            time.sleep(0.05)
