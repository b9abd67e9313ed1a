"""A fixture site that is meant to fail: each bad article is reported as path:line, the good
ones still build, and --strict keeps the previous site."""

from pathlib import Path

EXPECTED = [
    "content/articles/binary.txt:3: error: binary data (NUL bytes) in a text article",
    "content/articles/broken-front-matter.txt:3: error: front matter is not valid TOML: Invalid value (at line 2, column 9)",
    "content/articles/empty.txt:1: error: the article is empty",
    "content/articles/escaping-slug.txt:2: error: front matter: slug must be lowercase ASCII letters, digits and dashes, got '../../etc'",
    "content/articles/legacy.txt:4: warning: not valid UTF-8; decoded as Windows-1256 (legacy Arabic). Save the file as UTF-8 to silence this",
    "content/articles/only-boilerplate.txt:1: error: no article text: all 3 lines are site boilerplate",
    "content/articles/whitespace.txt:1: error: the article is empty",
    "content/articles/dup-b.txt:5: error: slug 'same' is already used by content/articles/dup-a.txt; article skipped (set a different `slug` in the front matter)",
]


def test_every_bad_article_is_reported_and_the_good_ones_build(fixture_site, capsys):
    site = fixture_site("broken")
    code, out, err = site.build(capsys)
    assert code == 1
    assert err.splitlines()[:-1] == EXPECTED
    # A first build writes them all (the stamp is the build's bookkeeping, not counted).
    files = sum(path.is_file() and path.name != ".nashra-build" for path in site.output.rglob("*"))
    assert err.splitlines()[-1] == f"3 articles, 7 errors, 1 warning; wrote {files} files to {site.output}"
    assert sorted(p.name for p in (site.output / "ar" / "articles").iterdir()) == ["good", "legacy", "same"]
    assert "الخبر الأول" in site.page("ar/articles/same/")
    assert "خبر بترميز قديم" in site.page("ar/articles/legacy/")


def test_strict_fails_without_touching_the_previous_site(fixture_site, capsys):
    site = fixture_site("broken")
    site.output.mkdir()
    (site.output / "index.html").write_text("previous build")
    code, _, err = site.build(capsys, "--strict")
    assert code == 1
    assert err.splitlines()[-1] == f"3 articles, 7 errors, 1 warning; {site.output} left unchanged"
    assert [p.name for p in site.output.iterdir()] == ["index.html"]
    assert (site.output / "index.html").read_text() == "previous build"
    assert not list(Path(site.root).glob(".site-staging-*"))


def test_warnings_alone_pass_unless_strict(site, capsys):
    site.article("a.txt", "عنوان\n\nنص الخبر.\n")  # no date: a warning
    assert site.build(capsys)[0] == 0
    code, _, err = site.build(capsys, "--strict")
    assert code == 1 and "warning: no date" in err


def test_a_broken_config_lists_every_problem_and_builds_nothing(site, capsys):
    (site.root / "site.toml").write_text('base_url = "nope"\ncolour = "red"\n[title]\nar = "x"\n', encoding="utf-8")
    code, _, err = site.build(capsys)
    assert code == 2
    assert err.splitlines() == [
        f"{site.root}/site.toml:1: error: base_url: must be an absolute http(s) URL, got 'nope'",
        f"{site.root}/site.toml:1: error: missing required key 'title.en'",
        f"{site.root}/site.toml:2: error: unknown key 'colour'",
        "build failed; site/ left unchanged",
    ]
    assert not site.output.exists()


def test_a_broken_template_names_file_and_line_and_keeps_the_site(site, capsys):
    site.article("2016-01-01-a.txt", "عنوان\n\nنص الخبر.\n")
    assert site.build(capsys)[0] == 0
    before = site.page("ar/articles/2016-01-01-a/")
    (site.root / "templates" / "article.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ article.no_such_field.x }}\n{% endblock %}\n')
    code, _, err = site.build(capsys)
    assert code == 2
    assert f"{site.root / 'templates' / 'article.html'}:3: template error:" in err
    assert site.page("ar/articles/2016-01-01-a/") == before
