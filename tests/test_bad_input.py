"""Hostile and broken input: every bad article is reported as `path:line: level: message`,
the others still build, nothing is written outside site/, and no input text reaches a page
unescaped.

The corpus is tests/fixtures/bad/; expected.toml there lists every case with its exact
diagnostics and the slug it is published under, if any. Cases too big to commit (a 10 MB
file, a 1 MB line) are generated here, and so are symlinks, tested on their own.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import pickle
import shutil
import tomllib
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.build import cache as cache_module
from generator.cli import main
from generator.read.sources import HIDDEN_CHARACTERS
from tests.support.html_safety import html_problems, page_text
from tests.support.sites import FIXTURES, SAMPLE, SITE_TOML, Site

CORPUS = FIXTURES / "bad"
EXPECTED = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))


def generate(articles: Path) -> None:
    """The cases that are generated rather than committed (`generated = true` in expected.toml)."""
    sample = SAMPLE.read_text(encoding="utf-8")
    (articles / "ten-megabytes.txt").write_text(sample * (10_000_000 // len(sample.encode()) + 1), encoding="utf-8")
    paragraphs = " ".join(line for line in sample.splitlines() if len(line) > 100)
    line = (paragraphs + " ") * (1_000_000 // len(paragraphs.encode()) + 1)
    (articles / "one-megabyte-line.txt").write_text(
        f"+++\ndate = 2016-03-17\n+++\nعنوان خبر فقد فواصل أسطره\n\n{line}\n", encoding="utf-8")
    (articles / "deeply-nested-front-matter.txt").write_text(
        "+++\nx = " + "[" * 5000 + "]" * 5000 + "\n+++\nعنوان\n\nنص الخبر.\n", encoding="utf-8")


def tree(folder: Path, skip: tuple[Path, ...]) -> dict[str, str]:
    """Every file and symlink under `folder` but those under `skip`, with a hash of its content."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if any(path == s or s in path.parents for s in skip) or path.is_dir() and not path.is_symlink():
            continue
        content = str(path.readlink()).encode() if path.is_symlink() else path.read_bytes()
        found[path.relative_to(folder).as_posix()] = hashlib.sha256(content).hexdigest()
    return found


@dataclass(frozen=True)
class CorpusBuild:
    site: Site
    code: int
    stderr: list[str]
    untouched: bool  # nothing changed outside the site's output and build cache


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> CorpusBuild:
    """The corpus and the generated cases, built once."""
    top = tmp_path_factory.mktemp("bad")
    site = Site(top / "digest")
    (site.root / "site.toml").write_text(SITE_TOML + "[search]\nenabled = false\n", encoding="utf-8")
    articles = site.root / "content" / "articles"
    for path in CORPUS.iterdir():
        if path.name != "expected.toml":
            shutil.copy(path, articles)
    generate(articles)

    skip = (site.output, site.root / ".site-spare", site.root / ".nashra-cache")  # the build's own
    before = tree(top, skip)
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        code = main(["build", "--root", str(site.root), "--quiet"])
    return CorpusBuild(site, code, stderr.getvalue().splitlines(), before == tree(top, skip))


def test_the_corpus_and_its_expectations_match():
    committed = {p.name for p in CORPUS.iterdir()} - {"expected.toml"}
    generated = {name for name, case in EXPECTED.items() if case.get("generated")}
    assert set(EXPECTED) == committed | generated


def test_every_bad_article_is_reported_as_path_line_level_message(built):
    expected = [f"content/articles/{name}:{d}" for name, case in EXPECTED.items() for d in case["diagnostics"]]
    assert built.code == 1
    assert sorted(built.stderr[:-1]) == sorted(expected)


def test_the_articles_that_can_be_used_are_published(built):
    slugs = sorted(case["slug"] for case in EXPECTED.values() if "slug" in case)
    for lang in ("ar", "en"):
        assert sorted(p.name for p in (built.site.output / lang / "articles").iterdir()) == slugs
    assert built.stderr[-1].startswith(f"{len(slugs)} articles, ")
    assert "قال الوزير إن الاجتماع كان مثمرا." in page_text(built.site.page("ar/articles/good/"))


def test_nothing_is_written_outside_the_site_folder(built):
    assert built.untouched


def test_every_page_is_well_formed_and_runs_no_input(built):
    for path in built.site.output.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert html_problems(html) == [], path
        assert not HIDDEN_CHARACTERS.search(html), path
    for path in built.site.output.rglob("*.xml"):
        ElementTree.parse(path)  # raises on anything that is not well-formed XML


@pytest.mark.parametrize("name", [name for name, case in EXPECTED.items() if "shown" in case])
def test_hostile_text_is_shown_as_written_on_both_pages(built, name):
    case = EXPECTED[name]
    for lang in ("ar", "en"):
        html = built.site.page(f"{lang}/articles/{case['slug']}/")
        text = page_text(html)
        for shown in case["shown"]:
            assert shown in text, (lang, shown)
        assert "<script>alert" not in html and "onerror=" not in html


@pytest.mark.parametrize("name, target, message", [
    ("outside.txt", "../../../outside/secret.txt", "symlink points outside the articles folder; skipped"),
    ("dangling.txt", "no-such-article.txt", "symlink leads nowhere (a missing file or a loop); skipped"),
    ("loop.txt", "loop.txt", "symlink leads nowhere (a missing file or a loop); skipped"),
])
def test_a_symlink_that_leads_elsewhere_is_reported_and_skipped(site, capsys, name, target, message):
    outside = site.root.parent / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("عنوان\n\nنص لا يجوز نشره.\n", encoding="utf-8")
    site.article("2016-01-01-good.txt", "عنوان خبر سليم\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n")
    (site.root / "content" / "articles" / name).symlink_to(target)
    code, _, err = site.build(capsys, "--quiet")
    assert (code, err.splitlines()[:-1]) == (1, [f"content/articles/{name}:1: error: {message}"])
    assert [p.name for p in (site.output / "ar" / "articles").iterdir()] == ["2016-01-01-good"]
    assert not any("لا يجوز نشره" in p.read_text(encoding="utf-8") for p in site.output.rglob("*.html"))


def test_a_corrupt_translation_memory_is_reported_and_kept(site, capsys):
    site.article("2016-01-01-a.txt", "عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n")
    memory = site.root / "content" / "translations" / "2016-01-01-a.toml"
    memory.write_bytes(b'format = 1\n[segments.title]\nsource = "\xd8\xb9\n')
    code, _, err = site.build(capsys)
    assert code == 1
    assert err.splitlines()[0].startswith(
        "content/translations/2016-01-01-a.toml:3: error: translation memory unreadable, left as is: not valid TOML")
    assert memory.read_bytes() == b'format = 1\n[segments.title]\nsource = "\xd8\xb9\n'
    assert "قال الوزير إن الاجتماع كان مثمرا." in page_text(site.page("en/articles/2016-01-01-a/"))


def test_a_source_hash_that_is_not_the_sources_is_reported_and_the_source_used(site, capsys):
    site.article("2016-01-01-a.txt", "عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n")
    memory = site.root / "content" / "translations" / "2016-01-01-a.toml"
    memory.parent.mkdir(parents=True, exist_ok=True)
    memory.write_text('format = 1\n\n[segments.title]\nsource = "عنوان الخبر"\nsource_hash = "0000000000000000"\n'
                      'target = "The news headline"\nstatus = "human"\n', encoding="utf-8")
    code, _, err = site.build(capsys)
    assert code == 0
    assert err.splitlines() == [
        "content/translations/2016-01-01-a.toml:3: warning: segment 'title': `source_hash` is not that of `source` "
        "(was the Arabic edited by hand?); the source text is used, and the hash rewritten on the next save"]
    assert "The news headline" in page_text(site.page("en/articles/2016-01-01-a/"))


def test_a_corrupt_build_cache_is_reported_and_not_trusted(site, capsys):
    site.article("2016-01-01-a.txt", "عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n")
    assert site.build(capsys)[0] == 0
    index = site.root / ".nashra-cache" / "index.pickle"
    index.write_bytes(b"not a pickle")
    site.article("2016-01-01-a.txt", "عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مفيدا.\n")
    code, _, err = site.build(capsys)
    assert code == 0
    assert err.splitlines()[0] == (
        ".nashra-cache/index.pickle:1: warning: build cache unreadable (UntrustedCache: not signed on this machine); "
        "kept as index.pickle.corrupt and ignored, doing a full build")
    assert "كان مفيدا." in page_text(site.page("ar/articles/2016-01-01-a/"))


def test_a_cache_another_nashra_version_wrote_costs_a_full_build_and_no_warning(site, capsys):
    site.article("2016-01-01-a.txt", "عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n")
    assert site.build(capsys)[0] == 0
    index = site.root / ".nashra-cache" / "index.pickle"
    index.write_bytes(cache_module._sign(pickle.dumps((2, "an index whose classes have moved"))))
    site.article("2016-01-01-a.txt", "عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مفيدا.\n")
    code, _, err = site.build(capsys, "--strict")
    assert (code, err) == (0, "")
    assert "كان مفيدا." in page_text(site.page("ar/articles/2016-01-01-a/"))


def test_a_corrupt_build_cache_is_kept_for_inspection(site, capsys):
    site.article("2016-01-01-a.txt", "عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n")
    cache = site.root / ".nashra-cache"
    cache.mkdir()
    (cache / "index.pickle").write_bytes(b"not a pickle")
    site.build(capsys)
    assert any(p.read_bytes() == b"not a pickle" for p in cache.rglob("*") if p.is_file())


def test_bidi_controls_in_a_translation_never_reach_the_page(site, capsys):
    site.article("2016-01-01-a.txt", "عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n")
    memory = site.root / "content" / "translations" / "2016-01-01-a.toml"
    memory.write_text('format = 1\n[segments.title]\nsource = "عنوان الخبر"\n'
                      'target = "News \u202eheadline"\nstatus = "human"\n', encoding="utf-8")
    code, _, err = site.build(capsys)
    assert code == 0
    assert err.startswith("content/translations/2016-01-01-a.toml:4: warning: removed 1 invisible or control character")
    page = site.page("en/articles/2016-01-01-a/")
    assert "\u202e" not in page and "News headline" in page


def test_sub_headlines_without_any_paragraph_are_an_error_not_a_crash(site, capsys):
    """Found by Hypothesis: a Markdown article of a title and an empty section."""
    site.article("2016-01-01-a.md", "# قال\n\n##  قال\n")
    site.article("2016-01-01-b.txt", "عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n")
    code, _, err = site.build(capsys)
    assert code == 1
    assert "content/articles/2016-01-01-a.md:1: error: article has a headline and sub-headlines but no paragraphs" in err
    assert (site.output / "ar" / "articles" / "2016-01-01-b" / "index.html").exists()
