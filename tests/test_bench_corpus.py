"""The benchmark compares like with like: Pelican and Hugo are given, for every story, the
topics and speakers for which Nashra's own build makes pages (bench/corpus.py)."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from generator.build.run import build
from generator.diagnostics import Report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from corpus import write_corpus  # noqa: E402

STORIES = 12


def _pelican_terms(path: Path) -> dict[str, set[str]]:
    """`Tags:` and `Authors:` of a Pelican Markdown file's header, as sets of ids."""
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    fields = dict(line.split(": ", 1) for line in header.splitlines())
    return {name: set(fields[name].split(", ")) if name in fields else set() for name in ("Tags", "Authors")}


def _hugo_terms(path: Path) -> dict[str, set[str]]:
    front = tomllib.loads(path.read_text(encoding="utf-8").split("+++")[1])
    return {name: set(front.get(name, ())) for name in ("topics", "speakers")}


def _linked(page: str, kind: str) -> set[str]:
    """The ids of the topic or speaker pages an article page's index footer links to."""
    footer = page.split('<footer class="article-index"', 1)[1].split("</footer>", 1)[0]
    return set(re.findall(rf"{kind}/([a-z0-9-]+)/", footer))


def _pages(site: Path, kind: str) -> set[str]:
    return {folder.name for folder in (site / "ar" / kind).iterdir() if folder.is_dir()}


def test_pelican_and_hugo_get_the_topics_and_speakers_nashra_makes_pages_for(tmp_path):
    corpus = write_corpus(tmp_path, STORIES)
    nashra = corpus.site("nashra")
    assert build(nashra, Report(stream=None), jobs=1, search=False).published

    topics, speakers = set(), set()
    for story in corpus.stories:
        for lang in ("ar", "en"):
            pelican = _pelican_terms(corpus.site("pelican") / "content" / lang / f"{story.slug}.md")
            hugo = _hugo_terms(corpus.site("hugo") / "content" / lang / "posts" / f"{story.slug}.md")
            assert pelican == {"Tags": hugo["topics"], "Authors": hugo["speakers"]}, story.slug
        topics |= hugo["topics"]
        speakers |= hugo["speakers"]
        # Each story's own page links exactly the same topics and speakers.
        page = (nashra / "site" / "ar" / "articles" / story.slug / "index.html").read_text(encoding="utf-8")
        assert _linked(page, "topics") == hugo["topics"], story.slug
        assert _linked(page, "speakers") == hugo["speakers"], story.slug

    assert topics and speakers, "the corpus names topics and speakers"
    assert topics == _pages(nashra / "site", "topics")
    assert speakers == _pages(nashra / "site", "speakers")


def test_the_same_seed_writes_the_same_corpus(tmp_path):
    first, second = write_corpus(tmp_path / "a", 3), write_corpus(tmp_path / "b", 3)
    files = sorted(p.relative_to(first.root) for p in first.root.rglob("*.md"))
    assert files == sorted(p.relative_to(second.root) for p in second.root.rglob("*.md"))
    assert all((first.root / f).read_bytes() == (second.root / f).read_bytes() for f in files)
