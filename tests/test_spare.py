"""The spare: a publishing build keeps the site it replaced as `.site-spare`, and the next
build turns it into its staging folder by linking in what the last build changed, instead
of linking every file of the site again (`cp -rl`). Whichever way a build starts, what it
publishes is exactly what a clean build of the same content publishes: a spare that is not
the one the cache recorded, a lost listing cache and a failed build change nothing of that.

LIST_SIZE is patched down to 2, so that the sites have archive pages by year too.
"""

import os
import shutil

import pytest

import generator.output.write as write_module
import generator.render.lists as lists_module
from generator.build import article_job as pipeline
from generator.site.library import Listing
from tests.support.sites import Site

from .test_incremental import inodes, tree

ARTICLE = "+++\n{date}\n+++\nعنوان الخبر رقم {n}{edit}\n\nدمشق-سانا قال الوزير إن الاجتماع رقم {n} كان مثمرا.\n"
DATES = {"a1": "2014-05-01", "a2": "2015-03-01", "a3": "2015-09-01", "a4": "2016-02-01"}


@pytest.fixture(autouse=True)
def short_lists(monkeypatch):
    monkeypatch.setattr(lists_module, "LIST_SIZE", 2)


@pytest.fixture
def parsed(monkeypatch):
    """The article files parsed (rather than taken from the cache)."""
    names = []
    original = pipeline.load_article

    def load_article(path, *args, **kwargs):
        names.append(path.name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "load_article", load_article)
    return names


@pytest.fixture
def listed(monkeypatch):
    """The articles whose listing is made (rather than read from the cache), by slug."""
    slugs = []
    original = Listing.of.__func__

    def of(cls, article):
        slugs.append(article.slug)
        return original(cls, article)

    monkeypatch.setattr(Listing, "of", classmethod(of))
    return slugs


@pytest.fixture
def relinked(monkeypatch):
    """The folders a build filled with `cp -rl` of the site: the fallback when there is no
    usable spare (a first build also links its new site into the spare; not counted)."""
    targets = []
    original = write_module.link_tree

    def link_tree(source, target):
        if target.name.startswith(".site-staging-"):
            targets.append(target.name)
        return original(source, target)

    monkeypatch.setattr(write_module, "link_tree", link_tree)
    return targets


def write(site, slug: str, date: str | None = "", edit: str = "") -> None:
    date = DATES.get(slug, "2016-06-01") if date == "" else date
    site.article(f"{slug}.txt", ARTICLE.format(date=f"date = {date}" if date else "", n=slug[1:], edit=edit))


def delete(site, slug: str) -> None:
    (site.root / "content" / "articles" / f"{slug}.txt").unlink()


def build(site, capsys, *args: str) -> None:
    code, _, err = site.build(capsys, *args)
    assert code == 0, err


@pytest.fixture
def spared(site, capsys):
    """A site built twice, with a change in between: the second build replaced a site."""
    site.list_untranslated()  # English archives list these untranslated articles too
    for slug in DATES:
        write(site, slug)
    build(site, capsys)
    write(site, "a2", edit=" (محدث)")
    build(site, capsys)
    return site


@pytest.fixture
def clean_tree(tmp_path, capsys):
    """The tree a clean build of the site's content gives: in a copy of the site folder
    without the build's own folders (its output, the spare, the cache)."""
    def clean(site) -> dict[str, str]:
        copy = tmp_path / "clean"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(site.root, copy, ignore=lambda folder, names: [
            n for n in names if folder == str(site.root) and (n in ("site", ".nashra-cache") or n.startswith(".site-"))])
        fresh = Site(copy)
        build(fresh, capsys)
        return tree(fresh)

    return clean


def spare_of(site):
    return site.root / ".site-spare"


def another_change(site) -> None:
    """Edit one article, delete another, add a third."""
    write(site, "a1", edit=" (مصحح)")
    delete(site, "a3")
    write(site, "a5", date="2017-01-01")


# --- the spare -------------------------------------------------------------------------------

def test_a_publishing_build_keeps_the_site_it_replaced_beside_the_new_one(spared):
    spare = spare_of(spared)
    assert spare.is_dir() and spare.parent == spared.output.parent
    assert spare.stat().st_ino != spared.output.stat().st_ino
    assert "عنوان الخبر رقم 2 (محدث)" in spared.page("ar/articles/a2/")
    assert "(محدث)" not in (spare / "ar" / "articles" / "a2" / "index.html").read_text(encoding="utf-8")


def test_a_build_from_the_spare_publishes_what_a_clean_build_does(spared, capsys, relinked, clean_tree):
    before = inodes(spared)
    another_change(spared)
    build(spared, capsys)
    assert relinked == []  # it started from the spare, not from cp -rl of the site
    assert tree(spared) == clean_tree(spared)
    assert inodes(spared)["ar/articles/a4/index.html"] == before["ar/articles/a4/index.html"]  # kept


def test_builds_from_the_spare_one_after_another_stay_right(spared, capsys, relinked, clean_tree):
    another_change(spared)
    build(spared, capsys)
    write(spared, "a4", edit=" (ثالث)")
    delete(spared, "a2")
    build(spared, capsys)
    write(spared, "a3", date="2014-01-01")  # back, in another year
    build(spared, capsys)
    assert relinked == []
    assert tree(spared) == clean_tree(spared)


def test_a_deleted_articles_pages_are_gone_and_stay_gone(spared, capsys, relinked):
    assert (spare_of(spared) / "ar" / "articles" / "a3").is_dir()  # the spare still has them
    delete(spared, "a3")
    build(spared, capsys)
    write(spared, "a4", edit=" (محدث)")
    build(spared, capsys)  # from a spare that had a3 when the build before started
    assert relinked == []
    for lang in ("ar", "en"):
        assert not (spared.output / lang / "articles" / "a3").exists()
        assert "articles/a3/" not in spared.page(f"{lang}/archive/2015/")
    assert spared.sitemap() and not [url for url in spared.sitemap() if "articles/a3/" in url]


def tamper_add(spare):
    (spare / "stray.html").write_text("not built by Nashra")


def tamper_replace(spare):
    """Another folder in its place: the same files, and one more, under another inode."""
    other = spare.with_name("other")
    shutil.copytree(spare, other)
    (other / "ar" / "stray.html").write_text("not built by Nashra")
    shutil.rmtree(spare)
    os.rename(other, spare)


def tamper_delete(spare):
    shutil.rmtree(spare)


@pytest.mark.parametrize("tamper", [tamper_add, tamper_replace, tamper_delete], ids=["added-to", "replaced", "deleted"])
def test_a_spare_that_is_not_the_one_recorded_is_not_used(spared, capsys, relinked, clean_tree, tamper):
    tamper(spare_of(spared))
    another_change(spared)
    build(spared, capsys)
    assert len(relinked) == 1  # fell back to cp -rl of the site
    assert tree(spared) == clean_tree(spared)
    assert not any(p.name == "stray.html" for p in spared.output.rglob("*"))
    write(spared, "a4", edit=" (محدث)")
    build(spared, capsys)  # and the spare that build left is a good one again
    assert len(relinked) == 1
    assert tree(spared) == clean_tree(spared)


# --- the listings cache ----------------------------------------------------------------------

def listing_files(site) -> list:
    cache = site.root / ".nashra-cache"
    found = [p for p in cache.rglob("*") if p.is_file() and "listings" in p.relative_to(cache).as_posix()]
    assert found, "no listings in the build cache"
    return found


def corrupt_listings(site):
    for path in listing_files(site):
        path.write_bytes(b"not a pickle")


def delete_listings(site):
    for path in listing_files(site):
        path.unlink()


def delete_listings_and_articles(site):
    delete_listings(site)
    shutil.rmtree(site.root / ".nashra-cache" / "articles")


@pytest.mark.parametrize(("damage", "reparsed"), [
    (corrupt_listings, ["a1.txt", "a5.txt"]),  # the changed ones; the others come from the cached articles
    (delete_listings, ["a1.txt", "a5.txt"]),
    (delete_listings_and_articles, ["a1.txt", "a2.txt", "a4.txt", "a5.txt"]),  # nothing left: parsed again
], ids=["corrupt", "deleted", "deleted-with-articles"])
def test_lost_listings_are_made_again_and_the_site_is_right(spared, capsys, parsed, listed, clean_tree, damage,
                                                           reparsed):
    damage(spared)
    another_change(spared)
    build(spared, capsys)
    assert sorted(parsed) == reparsed
    assert sorted(listed) == ["a1", "a2", "a4", "a5"]
    assert tree(spared) == clean_tree(spared)
    parsed.clear()
    listed.clear()
    write(spared, "a4", edit=" (محدث)")
    build(spared, capsys)
    assert (parsed, listed) == (["a4.txt"], ["a4"])  # the others' listings were saved again
    assert tree(spared) == clean_tree(spared)


# --- a failed build --------------------------------------------------------------------------

def test_a_build_failing_under_strict_leaves_the_site_and_the_next_build_is_right(spared, capsys, clean_tree):
    before, before_inodes = tree(spared), inodes(spared)
    write(spared, "a1", edit=" (مصحح)")
    write(spared, "a6", date=None)  # no date: a warning, which --strict fails on
    code, _, err = spared.build(capsys, "--strict")
    assert code == 1 and "a6.txt:1: warning: no date" in err
    assert tree(spared) == before and inodes(spared) == before_inodes
    assert not list(spared.root.glob(".site-staging-*"))
    write(spared, "a6", date="2016-07-01")  # fixed
    build(spared, capsys, "--strict")
    assert tree(spared) == clean_tree(spared)
    assert "عنوان الخبر رقم 1 (مصحح)" in spared.page("ar/articles/a1/")


# --- known bugs ------------------------------------------------------------------------------

def forget_the_cache(site):
    shutil.rmtree(site.root / ".nashra-cache")


def corrupt_the_cache(site):
    (site.root / ".nashra-cache" / "index.pickle").write_bytes(b"not a pickle")


def change_the_site_folder(site):
    (site.output / ".nojekyll").write_text("")  # not the site/ the cache recorded


def change_a_template(site):
    base = site.root / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace('<main id="content">', '<main id="content" class="x">'),
                    encoding="utf-8")


@pytest.mark.parametrize("full_build", [forget_the_cache, corrupt_the_cache, change_the_site_folder, change_a_template],
                         ids=["cache-deleted", "cache-corrupt", "site-changed", "template-changed"])
def test_after_a_full_build_over_an_old_site_nothing_of_the_old_site_comes_back(spared, capsys, clean_tree, full_build):
    full_build(spared)
    delete(spared, "a3")
    build(spared, capsys)  # a full build, which does not start from the old site
    assert not (spared.output / "ar" / "articles" / "a3").exists()
    write(spared, "a4", edit=" (محدث)")
    build(spared, capsys)
    assert not (spared.output / "ar" / "articles" / "a3").exists()
    assert tree(spared) == clean_tree(spared)


def test_pages_removed_from_the_site_by_hand_are_written_again(spared, capsys, clean_tree):
    (spared.output / "en" / "articles" / "a1" / "index.html").unlink()  # the last build kept it
    (spared.output / "en" / "articles" / "a2" / "index.html").unlink()  # the last build wrote it
    write(spared, "a4", edit=" (محدث)")
    build(spared, capsys)
    assert (spared.output / "en" / "articles" / "a1" / "index.html").is_file()
    assert (spared.output / "en" / "articles" / "a2" / "index.html").is_file()
    assert tree(spared) == clean_tree(spared)
