"""Aliases: when an article's slug changes, its former addresses send readers on to it."""

ARTICLE = ("+++\nslug = \"lavrov-munich\"\ndate = 2016-02-13\naliases = [\"old-lavrov\"]\n+++\n"
           "عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n")


def test_a_former_slug_redirects_in_both_languages_and_is_kept_out_of_the_sitemap(site, capsys):
    site.article("a.txt", ARTICLE)
    assert site.build(capsys, "--strict")[0] == 0
    for lang in ("ar", "en"):
        page = site.page(f"{lang}/articles/old-lavrov/")
        assert '<meta http-equiv="refresh" content="0; url=../lavrov-munich/">' in page
        assert f'<link rel="canonical" href="https://example.org/digest/{lang}/articles/lavrov-munich/">' in page
        assert '<meta name="robots" content="noindex">' in page
    assert not [url for url in site.sitemap() if "old-lavrov" in url]


def test_an_alias_that_is_another_articles_slug_makes_no_redirect_and_says_why(site, capsys):
    site.article("a.txt", ARTICLE.replace('"old-lavrov"', '"other"'))
    site.article("b.txt", "+++\nslug = \"other\"\ndate = 2016-02-12\n+++\nعنوان آخر\n\nدمشق-سانا قال الوزير إن العمل مستمر.\n")
    code, _, err = site.build(capsys)
    assert code == 0
    assert "a.txt:1: warning: alias 'other' is the slug of an article; no redirect made for it" in err
    assert "عنوان آخر" in site.page("ar/articles/other/")


def test_aliases_must_be_slugs(site, capsys):
    site.article("a.txt", ARTICLE.replace('["old-lavrov"]', '["Old Lavrov"]'))
    code, _, err = site.build(capsys)
    assert code == 1 and "aliases must be a list of former slugs" in err
