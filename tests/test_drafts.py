"""Drafts: an article with `draft = true` is shown by `build-site serve` and published by no build."""

from generator.serve import PreviewState, rebuild

DRAFT = "+++\ndate = 2016-02-14\ndraft = true\n+++\nعنوان المسودة\n\nدمشق-سانا قال الوزير إن العمل مستمر.\n"
PUBLISHED = "+++\ndate = 2016-02-13\n+++\nعنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n"


def test_a_draft_is_not_published_and_the_build_says_so(site, capsys):
    site.article("a.txt", PUBLISHED)
    site.article("b.txt", DRAFT)
    code, out, err = site.build(capsys, "--strict")
    assert (code, err) == (0, "")
    assert out.startswith("1 article, 0 errors, 0 warnings (1 draft not published); wrote ")
    assert not (site.output / "ar" / "articles" / "b").exists()
    assert "عنوان المسودة" not in site.page("ar/") and "/articles/b/" not in " ".join(site.sitemap())


def test_the_preview_shows_drafts_and_the_next_build_takes_them_down(site, capsys):
    site.article("a.txt", PUBLISHED)
    site.article("b.txt", DRAFT)
    rebuild(site.root, PreviewState())
    assert "عنوان المسودة" in site.page("ar/articles/b/") and "عنوان المسودة" in site.page("ar/")
    code, out, _ = site.build(capsys)
    assert code == 0 and "is up to date" not in out
    assert not (site.output / "ar" / "articles" / "b").exists() and "عنوان المسودة" not in site.page("ar/")


def test_draft_must_be_true_or_false(site, capsys):
    site.article("b.txt", DRAFT.replace("draft = true", 'draft = "yes"'))
    code, _, err = site.build(capsys)
    assert code == 1
    assert "b.txt:3: error: front matter: draft: must be true or false, got 'yes'" in err


def test_a_draft_is_still_checked(site, capsys):
    from generator.cli import main

    site.article("b.txt", DRAFT.replace("+++\nعنوان", "authr = 1\n+++\nعنوان"))
    capsys.readouterr()
    assert main(["check", "--root", str(site.root), "--strict"]) == 1
    assert "unknown front matter key 'authr'" in capsys.readouterr().err  # a draft's problems are the editor's too
