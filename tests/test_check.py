"""`build-site check`: for CI and pre-commit, report what a build would about the content,
the data files and the translation memory, exit non-zero on errors, and write nothing."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from generator.cli import main
from tests.support.sites import REPO, SAMPLE


def files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def check(capsys, root: Path, *args: str) -> tuple[int, list[str], list[str]]:
    """Run `build-site check`; -> (exit code, stdout lines, stderr lines), asserting it wrote nothing."""
    before = files(root)
    capsys.readouterr()
    code = main(["check", "--root", str(root), *args])
    captured = capsys.readouterr()
    assert files(root) == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".") or p.name == "site") == []
    return code, captured.out.splitlines(), captured.err.splitlines()


def test_a_good_site_passes_and_nothing_is_written(site, capsys):
    shutil.copy(SAMPLE, site.root / "content" / "articles")
    shutil.copy(REPO / "content" / "translations" / f"{SAMPLE.stem}.toml", site.root / "content" / "translations")
    assert check(capsys, site.root) == (0, ["1 article, 0 errors, 0 warnings; checked, nothing written"], [])
    assert check(capsys, site.root, "--quiet") == (0, [], [])


def test_check_reports_exactly_what_a_build_reports(fixture_site, capsys):
    site = fixture_site("broken")
    code, out, err = check(capsys, site.root)
    assert (code, out) == (1, [])
    assert err[-1] == "3 articles, 7 errors, 1 warning; checked, nothing written"
    _, _, build_err = site.build(capsys)
    assert err[:-1] == build_err.splitlines()[:-1]


def test_warnings_fail_only_with_strict(site, capsys):
    site.article("a.txt", "عنوان\n\nنص الخبر.\n")
    code, out, _ = check(capsys, site.root)
    assert (code, out) == (0, ["1 article, 0 errors, 1 warning; checked, nothing written"])
    assert check(capsys, site.root, "--strict")[0] == 1


def test_a_broken_translation_memory_is_reported_even_without_its_article(site, capsys):
    site.article("2016-01-01-a.txt", "عنوان\n\nنص الخبر.\n")
    (site.root / "content" / "translations" / "2016-01-01-a.toml").write_text("format = 2\n", encoding="utf-8")
    (site.root / "content" / "translations" / "removed-article.toml").write_text("format = \n", encoding="utf-8")
    code, _, err = check(capsys, site.root)
    assert code == 1
    assert err[:-1] == [
        "content/translations/2016-01-01-a.toml:1: error: translation memory unreadable, left as is: "
        "unknown format 2 (expected 1)",
        "content/translations/removed-article.toml:1: error: translation memory unreadable, left as is: "
        "not valid TOML: Invalid value (at line 1, column 10)",
    ]


def test_broken_data_files_are_reported(site, capsys):
    site.article("2016-01-01-a.txt", "عنوان\n\nنص الخبر.\n")
    (site.root / "content" / "people.toml").write_text('[sergey-lavrov]\nname_en = "Sergey Lavrov"\n', encoding="utf-8")
    (site.root / "content" / "topics.toml").write_text("[ceasefire\n", encoding="utf-8")
    code, _, err = check(capsys, site.root)
    assert code == 1
    assert [line.split(": error: ")[0] for line in err[:-1]] == ["content/people.toml:1", "content/topics.toml:1"]


def test_a_broken_config_exits_2(site, capsys):
    (site.root / "site.toml").write_text('base_url = "nope"\n', encoding="utf-8")
    code, _, err = check(capsys, site.root)
    assert code == 2
    assert err[0] == f"{site.root}/site.toml:1: error: base_url: must be an absolute http(s) URL, got 'nope'"


def test_a_broken_template_fails_the_check_at_its_line(site, capsys):
    shutil.copy(SAMPLE, site.root / "content" / "articles")
    template = site.root / "templates" / "article.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{{", "{{ no_such_name.", 1), encoding="utf-8")
    code, out, err = check(capsys, site.root)
    assert (code, out) == (2, [])
    assert err[0].startswith(f"{template}:") and ": template error: " in err[0]
    assert err[-1] == "check failed: the templates cannot render this site"
