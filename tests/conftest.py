"""Shared fixtures: throwaway sites built from the project's own templates."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so CI is repeatable; run with
# HYPOTHESIS_PROFILE=explore to search new ones (and add what fails as a test).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

from generator.cli import main

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = REPO / "content" / "articles" / "sana-2016-02-13-lavrov-us-russia-cooperation.txt"

BASE_URL = "https://example.org/digest/"
SITE_TOML = f"""\
base_url = "{BASE_URL}"
[title]
ar = "نشرة الاختبار"
en = "Test digest"
"""


class Site:
    """A site folder under tmp_path with the project's templates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "content" / "articles").mkdir(parents=True, exist_ok=True)
        (root / "content" / "translations").mkdir(parents=True, exist_ok=True)
        if not (root / "templates").exists():
            shutil.copytree(REPO / "templates", root / "templates")
        if not (root / "site.toml").exists():
            (root / "site.toml").write_text(SITE_TOML, encoding="utf-8")

    @property
    def output(self) -> Path:
        return self.root / "site"

    def article(self, name: str, content: str | bytes) -> Path:
        path = self.root / "content" / "articles" / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    def build(self, capsys, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["build", "--root", str(self.root), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    def page(self, url: str) -> str:
        path = self.output / url
        return (path / "index.html" if url.endswith("/") or url == "" else path).read_text(encoding="utf-8")

    def sitemap(self) -> list[str]:
        """Every address the sitemaps list, found through the sitemap index."""
        sitemaps = re.findall(r"<loc>([^<]*)</loc>", self.page("sitemap.xml"))
        assert all(url.startswith(BASE_URL) and url.endswith(".xml") for url in sitemaps), sitemaps
        return [url for sitemap in sitemaps
                for url in re.findall(r"<loc>([^<]*)</loc>", self.page(sitemap.removeprefix(BASE_URL)))]


@pytest.fixture(autouse=True, scope="session")
def private_homes(tmp_path_factory):
    """Tests never read or write the user's config and cache folders (the build cache's
    signing key, extracted Argos packages)."""
    homes = tmp_path_factory.mktemp("homes")
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CONFIG_HOME", str(homes / "config"))
    patch.setenv("XDG_CACHE_HOME", str(homes / "cache"))
    yield
    patch.undo()


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return Site(tmp_path / "digest")


@pytest.fixture
def fixture_site(tmp_path: Path):
    """Copy tests/fixtures/sites/<name> to tmp and give it the project's templates."""

    def make(name: str) -> Site:
        root = tmp_path / name
        shutil.copytree(FIXTURES / "sites" / name, root)
        return Site(root)

    return make
