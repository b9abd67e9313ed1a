"""Incremental deploys: a CI job starts from a fresh clone, where every file is new to the
file system, and from `.nashra-cache/` and `site/` put back by a cache (as the Pages
workflow does with actions/cache). The build must know the articles by their bytes and the
site by its stamp, and do only what the new commit asks; what it cannot vouch for it builds
again."""

from __future__ import annotations

import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from generator.cli import main
from generator.output.write import STAMP
from tests.support.sites import SITE_TOML

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
ARTICLE = "+++\ndate = 2016-02-{day:02d}\n+++\nعنوان الخبر رقم {n}\n\nدمشق-سانا قال الوزير إن الاجتماع رقم {n} كان مثمرا.\n"
CACHED = (".nashra-cache", "site")  # what the workflow's cache holds


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), "-c", "user.name=CI", "-c", "user.email=ci@example.org", *args],
                   check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path, site):
    """The site's repository, with three articles (and the project's templates)."""
    shutil.copytree(site.root / "templates", tmp_path / "repo" / "templates")
    repo = tmp_path / "repo"
    (repo / "site.toml").write_text(SITE_TOML, encoding="utf-8")
    (repo / "content" / "articles").mkdir(parents=True)
    for n in range(1, 4):
        (repo / "content" / "articles" / f"a{n}.txt").write_text(ARTICLE.format(day=n, n=n), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "three articles")
    return repo


def ci_run(repository: Path, work: Path, cache: Path, capsys) -> tuple[int, str]:
    """One CI job: a fresh clone at `work`, the cache restored if there is one, a build, the
    cache saved; -> (exit code, what the build said)."""
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", str(repository), str(work)], check=True)
    if cache.exists():
        with tarfile.open(cache) as archive:
            archive.extractall(work, filter="tar")
    capsys.readouterr()
    code = main(["build", "--root", str(work), "--strict", "--no-search"])
    said = capsys.readouterr().out
    with tarfile.open(cache, "w") as archive:
        for name in CACHED:
            archive.add(work / name, arcname=name)
    return code, said


def pages(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != STAMP}


@pytest.fixture
def parsed(monkeypatch):
    """The article files the build parses (reading one's bytes to compare them is no parse)."""
    from generator.build import article_job

    calls: list[str] = []
    original = article_job.parse

    def parse(source, report):
        calls.append(source.path.name)
        return original(source, report)

    monkeypatch.setattr(article_job, "parse", parse)
    return calls


def test_a_new_commit_builds_only_what_it_changes_from_the_restored_cache(repository, tmp_path, capsys, parsed):
    work, cache = tmp_path / "work", tmp_path / "cache.tar"
    code, said = ci_run(repository, work, cache, capsys)
    assert code == 0 and "3 articles" in said
    first = pages(work / "site")

    (repository / "content" / "articles" / "a4.txt").write_text(ARTICLE.format(day=4, n=4), encoding="utf-8")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "a fourth article")
    parsed.clear()
    code, said = ci_run(repository, work, cache, capsys)
    assert parsed == ["a4.txt"]  # the others are known by their bytes
    assert code == 0 and "4 articles" in said
    second = pages(work / "site")
    kept = [name for name in first if name in second and first[name] == second[name]]
    written = int(said.split("wrote ", 1)[1].split(" file", 1)[0])
    # The new article's four pages, and the site-wide pages that list it: not the others.
    assert written == len([name for name in second if first.get(name) != second[name]])
    assert "en/articles/a1/index.html" in kept and "ar/articles/a3/parallel/index.html" in kept
    assert written < len(second) / 2

    subprocess.run(["git", "clone", "-q", str(repository), str(tmp_path / "clean")], check=True)
    assert main(["build", "--root", str(tmp_path / "clean"), "--quiet", "--no-search"]) == 0
    assert second == pages(tmp_path / "clean" / "site")  # the same site as a cold build makes


def test_a_restored_site_that_is_not_the_cached_one_is_built_again_whole(repository, tmp_path, capsys):
    work, cache = tmp_path / "work", tmp_path / "cache.tar"
    ci_run(repository, work, cache, capsys)
    with tarfile.open(cache) as archive:  # a cache whose site lost a page on the way
        archive.extractall(tmp_path / "unpacked", filter="tar")
    (tmp_path / "unpacked" / "site" / "en" / "articles" / "a2" / "index.html").unlink()
    with tarfile.open(cache, "w") as archive:
        for name in CACHED:
            archive.add(tmp_path / "unpacked" / name, arcname=name)
    code, said = ci_run(repository, work, cache, capsys)
    assert code == 0
    assert (work / "site" / "en" / "articles" / "a2" / "index.html").is_file()
    assert int(said.split("wrote ", 1)[1].split(" file", 1)[0]) == len(pages(work / "site"))  # every file


def test_a_cache_made_by_other_nashra_code_is_not_used(repository, tmp_path, capsys, parsed, monkeypatch):
    """Restored after an upgrade (the version number may be the same), the cache describes
    pages another Nashra made: every article is read and rendered again."""
    from generator.build import changes

    work, cache = tmp_path / "work", tmp_path / "cache.tar"
    ci_run(repository, work, cache, capsys)
    monkeypatch.setattr(changes, "_code", lambda: b"the code of another Nashra")
    parsed.clear()
    assert ci_run(repository, work, cache, capsys)[0] == 0
    assert sorted(parsed) == ["a1.txt", "a2.txt", "a3.txt"]
