"""Serving the bundled site as GitHub Pages does, and reading it in headless Chromium:
what the browser tests share (their fixtures are in tests/browser/conftest.py)."""

from __future__ import annotations

import base64
import contextlib
import functools
import os
import shutil
import threading
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import tomli_w

from generator.cli import main
from tests.support.sites import REPO

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "tests" / "artifacts" / "screenshots"
SUB_PATH = "/nashra/"  # a GitHub Pages project site: https://<user>.github.io/nashra/
SLUG = "sana-2016-02-13-lavrov-us-russia-cooperation"
# An article besides the sample, with no English yet: its English pages show the Arabic.
UNTRANSLATED_SLUG = "2016-02-14-aleppo-water"
UNTRANSLATED = {f"{UNTRANSLATED_SLUG}.txt": """محطة جديدة لضخ المياه في حلب

حلب-سانا افتتحت محافظة حلب اليوم محطة جديدة لضخ مياه الشرب في الأحياء الشرقية. وتخدم المحطة نحو مئة ألف نسمة.

وقال مدير المؤسسة العامة لمياه الشرب إن العمل جار لتأهيل محطات أخرى.

خطط للصيف

وأوضح المدير أن المؤسسة ستزيد ساعات الضخ خلال أشهر الصيف.
"""}
WIDE, NARROW = (1280, 900), (400, 800)
# Flags that keep Chromium off the network: the only server it may reach is ours.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync")

# Every kind of page, by name (also the screenshot's file name): its URL under the site, and
# for the search pages a word of the sample to search for.
PAGES = {
    "root": ("", None),
    "home-ar": ("ar/", None),
    "home-en": ("en/", None),
    "article-ar": (f"ar/articles/{SLUG}/", None),
    "article-en": (f"en/articles/{SLUG}/", None),
    "parallel-ar": (f"ar/articles/{SLUG}/parallel/", None),
    "parallel-en": (f"en/articles/{SLUG}/parallel/", None),
    "untranslated-en": (f"en/articles/{UNTRANSLATED_SLUG}/", None),
    "untranslated-parallel-en": (f"en/articles/{UNTRANSLATED_SLUG}/parallel/", None),
    "search-ar": ("ar/search/", "لافروف"),
    "search-en": ("en/search/", "Lavrov"),
    "speakers-ar": ("ar/speakers/", None),
    "topics-en": ("en/topics/", None),
    "not-found": ("ar/articles/no-such-story/", None),  # GitHub Pages answers with 404.html
}


def require(available: bool, what: str) -> None:
    """Skip a test whose tool is missing, but fail it in CI, which must have every tool."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing; CI installs it with .ci/install-system-deps and make test")
    pytest.skip(f"{what} is missing (see .ci/install-system-deps)")


@dataclass(frozen=True)
class PublishedSite:
    output: Path  # the built site/ folder
    base_url: str  # where it is served: http://127.0.0.1:<port>/nashra/

    def url(self, path: str) -> str:
        return self.base_url + path


class _GitHubPagesHandler(SimpleHTTPRequestHandler):
    """Static files, with the site's 404.html as the body of every 404, as GitHub Pages does."""

    not_found_page: Path

    def send_error(self, code, message=None, explain=None):
        if code != HTTPStatus.NOT_FOUND or not self.not_found_page.is_file():
            return super().send_error(code, message, explain)
        body = self.not_found_page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep the test output readable
        pass


@contextlib.contextmanager
def publish(root: Path, articles: dict[str, str]) -> Iterator[PublishedSite]:
    """The repository's site, and `articles` (file name -> text) besides its own, built with
    base_url under SUB_PATH and served on 127.0.0.1."""
    document_root = root / "www"
    output = document_root / SUB_PATH.strip("/")
    handler = type("Handler", (_GitHubPagesHandler,), {"not_found_page": output / "404.html"})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(document_root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"

    try:
        settings = tomllib.loads((REPO / "site.toml").read_text(encoding="utf-8"))
        paths = settings.setdefault("paths", {})
        for name, default in (("content", "content"), ("templates", "templates")):
            shutil.copytree(REPO / paths.get(name, default), root / paths.get(name, default))
        for name, text in articles.items():
            (root / paths.get("content", "content") / "articles" / name).write_text(text, encoding="utf-8")
        settings["base_url"] = base_url
        paths["output"] = output.relative_to(root).as_posix()
        (root / "site.toml").write_text(tomli_w.dumps(settings), encoding="utf-8")
        assert main(["build", "--root", str(root), "--strict", "--quiet"]) == 0
        yield PublishedSite(output, base_url)
    finally:
        server.shutdown()
        server.server_close()


class Browser:
    """Headless Chromium through Selenium, with what the tests ask of a page."""

    def __init__(self, driver) -> None:
        self.driver = driver

    def open(self, url: str, size: tuple[int, int] = WIDE, color_scheme: str = "light") -> None:
        self.console_messages()  # forget what earlier pages logged
        self.driver.set_window_size(*size)
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                    {"features": [{"name": "prefers-color-scheme", "value": color_scheme}]})
        self.driver.get(url)

    def search(self, words: str) -> list[str]:
        """Type into Pagefind's search box; the result links, once they are shown."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        box = WebDriverWait(self.driver, 10).until(
            lambda d: d.find_element(By.CSS_SELECTOR, ".pagefind-ui__search-input"))
        box.clear()
        box.send_keys(words)
        # Done: the list of results is shown (not "Searching for ..."), its message names these
        # words (not the previous search's), and no result is still loading.
        WebDriverWait(self.driver, 10).until(lambda d: d.execute_script(
            "const message = document.querySelector('.pagefind-ui__message');"
            "return !!message && message.textContent.includes(arguments[0])"
            " && !!document.querySelector('.pagefind-ui__results')"
            " && !document.querySelector('.pagefind-ui__result.pagefind-ui__loading');", words))
        return [link.get_attribute("href") for link in
                self.driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]

    def follow(self, selector: str) -> str:
        """Click the link that `selector` finds; the address it leads to, once loaded."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        link = self.driver.find_element(By.CSS_SELECTOR, selector)
        target = link.get_attribute("href")
        link.click()
        WebDriverWait(self.driver, 10).until(
            lambda d: d.current_url == target and d.execute_script("return document.readyState") == "complete")
        return target

    def run(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def console_messages(self) -> list[dict]:
        """What the page logged since the last call: errors, warnings, failed requests."""
        return self.driver.get_log("browser")

    def axe_violations(self) -> list[dict]:
        """axe-core's accessibility violations on the current page."""
        self.run(AXE.read_text(encoding="utf-8"))
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations));")

    def screenshot(self, name: str) -> Path:
        """The whole page as tests/artifacts/screenshots/<name>.png: the viewport is stretched
        to the page's height (Chromium's captureBeyondViewport shifts right-to-left pages)."""
        width, height = self.run("return [window.innerWidth, document.documentElement.scrollHeight];")
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        try:
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {})
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        path.write_bytes(base64.b64decode(shot["data"]))
        return path
