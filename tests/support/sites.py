"""Throwaway sites built from the project's own templates, and the paths tests share."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.cli import main

REPO = Path(__file__).resolve().parent.parent.parent
FIXTURES = REPO / "tests" / "fixtures"
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

    def list_untranslated(self) -> None:
        """English lists and feeds show articles that have no English too, with their state
        (`[display] untranslated = "notice"`): for tests of lists, whose articles are untranslated."""
        with (self.root / "site.toml").open("a", encoding="utf-8") as config:
            config.write('[display]\nuntranslated = "notice"\n')

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
