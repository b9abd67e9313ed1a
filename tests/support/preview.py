"""`build-site serve` in a child process, on a copy of the repository's site: what the
browser tests of the preview and of the translation desk share."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.support.browser import SLUG
from tests.support.sites import REPO

RELOAD_SECONDS = 30  # a rebuild of one article takes well under a second; CI machines are slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_served(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + RELOAD_SECONDS
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            assert server.poll() is None, "build-site serve exited"
            assert time.monotonic() < deadline, "build-site serve never answered"
            time.sleep(0.2)


@contextlib.contextmanager
def serving(root: Path, prepare: Callable[[Path], None] = lambda root: None) -> Iterator[tuple[Path, str]]:
    """`build-site serve` on a copy of the repository's site in `root`, changed first by
    `prepare`; yields (root, base URL)."""
    for name in ("content", "templates"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "site.toml", root / "site.toml")
    prepare(root)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--root", str(root),
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base_url = f"http://127.0.0.1:{port}/"
        _wait_until_served(base_url + f"ar/articles/{SLUG}/", server)
        yield root, base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


def reloaded_showing(browser, predicate: str, *args) -> None:
    """Wait until the page was reloaded by the preview (a mark set on it is gone) and then
    `predicate` (JavaScript) holds."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser.driver, RELOAD_SECONDS, poll_frequency=0.05).until(
        lambda d: d.execute_script(f"return !window.nashraTestMark && ({predicate});", *args))
    browser.run("window.nashraTestMark = true;")
