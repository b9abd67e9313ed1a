"""Run one build and print its wall time, CPU time and peak memory as one line of JSON.

    python bench/measure.py [--cwd DIR] -- COMMAND [ARGUMENTS...]

bench/build.py starts this wrapper afresh for every build, so that what RUSAGE_CHILDREN
reports is that build's alone. Its max RSS is the largest single process of the build
(Linux keeps the maximum over descendants, not their sum), so the process tree is also
sampled (every 10 ms in the first second, then every SAMPLE_SECONDS) for the peak of its
summed PSS: proportional set size, which counts the pages that forked workers share with
their parent once in all.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import tempfile
import threading
import time

SAMPLE_SECONDS = 0.25  # each sample reads /proc for every process and thread: keep its cost small
FIRST_SECOND_SAMPLE_SECONDS = 0.01  # so that builds shorter than a sample interval are seen too
STDERR_TAIL_CHARS = 2000


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending.extend(int(child) for child in children.read().split())
        except OSError:
            pass  # it ended meanwhile
    return found


def pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def sample_tree(pid: int, stop: threading.Event, peak: list[int]) -> None:
    start = time.perf_counter()
    while not stop.is_set():
        peak[0] = max(peak[0], sum(pss_kib(p) for p in descendants(pid)))
        stop.wait(FIRST_SECOND_SAMPLE_SECONDS if time.perf_counter() - start < 1 else SAMPLE_SECONDS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cwd", default=None)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    with tempfile.TemporaryFile() as stderr:  # a file, not a pipe: a chatty build never blocks on it
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=args.cwd, stdout=subprocess.DEVNULL, stderr=stderr)
        peak, stop = [0], threading.Event()
        sampler = threading.Thread(target=sample_tree, args=(process.pid, stop, peak))
        sampler.start()
        returncode = process.wait()
        seconds = time.perf_counter() - start
        stop.set()
        sampler.join()
        stderr.seek(0)
        stderr_tail = stderr.read().decode("utf-8", "replace")[-STDERR_TAIL_CHARS:]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "returncode": returncode,
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "max_rss_kib": usage.ru_maxrss,  # Linux reports KiB
        "peak_tree_pss_kib": peak[0],
        "stderr": stderr_tail,
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
