"""Worker processes end when the build that started them dies.

A build killed with SIGKILL cannot tell its workers; left alone they would block, writing
results to a pipe nobody reads. On Linux the kernel sends each worker SIGKILL when its
parent dies (prctl PR_SET_PDEATHSIG); elsewhere a watchdog thread notices the parent is gone
(the worker is handed to another parent) and ends the worker.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """Called first in each worker process, with the pid of the build that started it."""
    if not (sys.platform.startswith("linux") and _pdeathsig()):
        threading.Thread(target=_watch, args=(parent,), daemon=True, name="orphan-watch").start()
    if os.getppid() != parent:  # the build died before the signal was asked for
        os._exit(1)


def _pdeathsig() -> bool:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
