"""Incremental and deterministic builds: unchanged input is neither parsed nor rendered,
unchanged bytes are not rewritten, a broken cache is never trusted, and the output does not
depend on the cache, on parallelism or on the build's time."""

import hashlib
import multiprocessing
import pickle
import shutil
from pathlib import Path

import pytest

from generator.build import article_job as pipeline
from generator.build import run as build_module
from generator.diagnostics import Report
from generator.model import Provenance
from generator.output.write import STAMP
from generator.render import lists as lists_module

ARTICLE = "+++\ndate = 2016-02-{day:02}\n+++\nعنوان الخبر رقم {n}\n\nدمشق-سانا قال الوزير إن الاجتماع رقم {n} كان مثمرا.\n"


def tree(site) -> dict[str, str]:
    """Every file but the search index (Pagefind rebuilds it whenever a page changed, and
    orders its filters differently from run to run: tests/test_search.py covers it) and the
    stamp, a digest of all the others (tests/test_ci_cache.py covers it)."""
    return {p.relative_to(site.output).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.output.rglob("*"))
            if p.is_file() and p.relative_to(site.output).parts[0] not in ("pagefind", STAMP)}


def inodes(site) -> dict[str, int]:
    return {p.relative_to(site.output).as_posix(): p.stat().st_ino for p in site.output.rglob("*")
            if p.is_file() and p.name != STAMP}


@pytest.fixture
def counted(monkeypatch):
    """The article files the build opens, by whatever path it reads them: each read of an
    article's text goes through `Path.open` (sources.read_source), in this process (the
    tests' sites are below the worker-process threshold)."""
    calls = []
    original = Path.open

    def open_(self, mode="r", *args, **kwargs):
        if self.parent.parent.name == "content" and self.parent.name == "articles" and "r" in mode:
            calls.append(self.name)
        return original(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    return calls


@pytest.fixture
def three(site, capsys):
    site.list_untranslated()  # the English feed and home show these untranslated articles too
    for n in range(1, 4):
        site.article(f"a{n}.txt", ARTICLE.format(day=n, n=n))
    assert site.build(capsys)[0] == 0
    return site


def test_a_second_build_with_nothing_changed_does_nothing(three, capsys, counted):
    before = inodes(three)
    code, out, _ = three.build(capsys)
    assert (code, counted) == (0, [])
    assert out.strip().endswith("site is up to date")
    assert inodes(three) == before


def test_one_changed_article_is_the_only_one_parsed_and_rewritten(three, capsys, counted):
    before_inodes, before = inodes(three), tree(three)
    three.article("a2.txt", ARTICLE.format(day=2, n=2).replace("كان مثمرا", "كان صعبا"))
    code, out, _ = three.build(capsys)
    assert (code, counted) == (0, ["a2.txt"])
    after, after_inodes = tree(three), inodes(three)
    changed = sorted(p for p in after if after[p] != before[p])
    assert changed == ["ar/articles/a2/index.html", "ar/articles/a2/parallel/index.html", "ar/feed.xml",
                       "en/articles/a2/index.html", "en/articles/a2/parallel/index.html", "en/feed.xml"]
    untouched = [p for p in after if after[p] == before[p]]
    assert all(after_inodes[p] == before_inodes[p] for p in untouched)  # kept, not rewritten
    index_files = sum(p.startswith("pagefind/") and before_inodes.get(p) != ino for p, ino in after_inodes.items())
    assert f"wrote {6 + index_files} files" in out


def test_an_edit_of_text_renders_again_only_the_site_pages_that_show_text(three, capsys, monkeypatch):
    """Homes and indexes show titles, dates and statements; only the feeds show all the text."""
    rendered = []
    render = build_module.render
    monkeypatch.setattr(build_module, "render", lambda env, page: rendered.append(page.route.output_path)
                        or render(env, page))
    three.article("a2.txt", ARTICLE.format(day=2, n=2).replace("كان مثمرا", "كان صعبا"))
    assert three.build(capsys)[0] == 0
    assert sorted(rendered) == ["ar/feed.xml", "en/feed.xml"]


def test_a_removed_article_disappears_and_a_new_one_appears(three, capsys):
    (three.root / "content" / "articles" / "a1.txt").unlink()
    three.article("a4.txt", ARTICLE.format(day=4, n=4))
    assert three.build(capsys)[0] == 0
    articles = sorted(p.name for p in (three.output / "ar" / "articles").iterdir())
    assert articles == ["a2", "a3", "a4"]
    assert 'href="articles/a1/"' not in three.page("ar/")


def test_a_changed_translation_memory_rerenders_its_article(three, capsys, counted):
    import datetime as dt

    from generator.build.article_job import load_article
    from generator.config import load_config
    from generator.translate.memory import memory_from_segments, memory_path, save_memory

    config = load_config(three.root)
    article = load_article(three.root / "content" / "articles" / "a3.txt", config, Report(stream=None))
    save_memory(memory_path(config.translations_dir, "a3"), memory_from_segments(
        "a3", [(article.title, "News item number 3", Provenance.HUMAN, "")], dt.date(2026, 1, 1)))
    counted.clear()
    assert three.build(capsys)[0] == 0
    assert counted == ["a3.txt"]
    assert "News item number 3" in three.page("en/articles/a3/")
    assert "News item number 3" in three.page("en/")


def test_a_template_change_renders_every_page_again_but_reads_no_article_again(three, capsys, counted):
    base = three.root / "templates" / "base.html"
    base.write_text(base.read_text().replace("<main id=\"content\">", "<main id=\"content\" class=\"x\">"))
    assert three.build(capsys)[0] == 0
    assert counted == []  # rendered from the cache
    pages = [(three.output / p).read_text() for p in tree(three) if p.endswith(".html")]
    assert pages and all('<main id="content" class="x">' in page for page in pages)
    assert tree(three) == clean_build_of(three, capsys)


def test_a_template_change_keeps_the_pages_it_does_not_change(three, capsys):
    before = inodes(three)
    feed = three.root / "templates" / "feed.xml"
    feed.write_text(feed.read_text().replace("<feed ", "<feed xml:base=\"x\" ", 1))
    assert three.build(capsys)[0] == 0
    changed = sorted(p for p, ino in inodes(three).items() if before.get(p) != ino and not p.startswith("pagefind/"))
    assert changed == ["ar/feed.xml", "en/feed.xml"]


def test_a_changed_asset_is_copied_and_nothing_else_is_rendered(three, capsys, counted, monkeypatch):
    rendered = []
    render = build_module.render
    monkeypatch.setattr(build_module, "render", lambda env, page: rendered.append(page.route.output_path)
                        or render(env, page))
    monkeypatch.setattr(pipeline, "render", lambda env, page: rendered.append(page.route.output_path)
                        or render(env, page))
    style = three.root / "templates" / "assets" / "style.css"
    style.write_text(style.read_text() + "\n.x { color: red; }\n")
    code, out, _ = three.build(capsys)
    assert (code, counted, rendered) == (0, [], [])
    assert (three.output / "assets" / "style.css").read_text().endswith(".x { color: red; }\n")
    assert "wrote 1 file to" in out


def clean_build_of(site, capsys) -> dict[str, str]:
    """The tree a build of the same site without its cache and output gives."""
    shutil.rmtree(site.output)
    shutil.rmtree(site.root / ".nashra-cache")
    assert site.build(capsys)[0] == 0
    return tree(site)


def test_warnings_are_reported_again_when_nothing_changed(site, capsys):
    site.article("undated.txt", "عنوان\n\nنص الخبر.\n")
    first = site.build(capsys)[2]
    code, _, second = site.build(capsys, "--strict")
    assert "warning: no date" in first and "warning: no date" in second
    assert code == 1


def test_a_corrupt_cache_is_reported_ignored_and_rebuilt(three, capsys):
    expected = tree(three)
    index = three.root / ".nashra-cache" / "index.pickle"
    index.write_bytes(b"not a pickle")
    code, _, err = three.build(capsys)
    assert code == 0
    assert ".nashra-cache/index.pickle:1: warning: build cache unreadable (UntrustedCache: not signed on this " \
           "machine); kept as index.pickle.corrupt and ignored, doing a full build" in err
    assert (index.parent / "index.pickle.corrupt").read_bytes() == b"not a pickle"
    assert tree(three) == expected
    assert index.exists()  # a good one, written by the full build


def test_a_deleted_site_is_built_again_in_full(three, capsys):
    import shutil
    expected = tree(three)
    shutil.rmtree(three.output)
    assert three.build(capsys)[0] == 0
    assert tree(three) == expected


def test_a_cache_from_another_machine_is_never_unpickled(three, capsys, monkeypatch):
    """A cache can arrive with a checkout (a force-added file in a pull request): unpickling it
    would run its code. Files are signed with a key of this user on this machine."""
    index = three.root / ".nashra-cache" / "index.pickle"
    planted = pickle.dumps((1, "would run code on load"))
    index.write_bytes(b"\0" * 32 + planted)
    signed_here = pickle.loads

    def loads(data, *args, **kwargs):
        if data == planted:
            pytest.fail("an unsigned cache was unpickled")
        return signed_here(data, *args, **kwargs)  # the full build reads back what it signed itself

    monkeypatch.setattr(pickle, "loads", loads)
    code, _, err = three.build(capsys)
    assert code == 0 and "UntrustedCache: not signed on this machine" in err


def test_builds_are_byte_identical_cached_or_not_serial_or_parallel(site, capsys, monkeypatch, tmp_path):
    for n in range(1, 9):
        site.article(f"a{n}.txt", ARTICLE.format(day=n, n=n))
    monkeypatch.setattr(build_module, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(build_module, "SITE_PARALLEL_THRESHOLD", 2)  # site-wide pages in workers too
    monkeypatch.setattr(lists_module, "LIST_SIZE", 3)  # with archives by year
    build_module.build(site.root, Report(stream=None), jobs=2)
    parallel = tree(site)
    assert "ar/archive/2016/index.html" in parallel
    import shutil
    shutil.rmtree(site.output)
    shutil.rmtree(site.root / ".nashra-cache")
    build_module.build(site.root, Report(stream=None), jobs=1)
    assert tree(site) == parallel


def test_workers_not_forked_plan_the_site_wide_pages_themselves(site, capsys, monkeypatch):
    """A forked worker takes the main process's plan of the site-wide pages; one started
    otherwise (spawn: the default on macOS and Windows) plans them again, to the same pages."""
    for n in range(1, 9):
        site.article(f"a{n}.txt", ARTICLE.format(day=n, n=n))
    monkeypatch.setattr(build_module, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(build_module, "SITE_PARALLEL_THRESHOLD", 2)  # (a spawned worker would not see LIST_SIZE patched)
    build_module.build(site.root, Report(stream=None), jobs=2)
    forked = tree(site)
    shutil.rmtree(site.output)
    shutil.rmtree(site.root / ".nashra-cache")
    spawning = multiprocessing.get_context("spawn")
    monkeypatch.setattr(build_module.multiprocessing, "get_context", lambda method=None: spawning)
    build_module.build(site.root, Report(stream=None), jobs=2)
    assert tree(site) == forked


def test_the_article_workers_have_ended_before_the_site_wide_pages(site, capsys, monkeypatch):
    """Idle workers held memory through the site-wide pages and the search index, the
    build's peak (110 of 494 MiB at 5,000 articles)."""
    for n in range(1, 5):
        site.article(f"a{n}.txt", ARTICLE.format(day=n, n=n))
    monkeypatch.setattr(build_module, "PARALLEL_THRESHOLD", 2)
    workers = {}  # step -> worker processes alive at its last call

    def counted(step):
        original = getattr(build_module, step)

        def count(*args, **kwargs):
            workers[step] = len(multiprocessing.active_children())
            return original(*args, **kwargs)

        monkeypatch.setattr(build_module, step, count)

    counted("_write_article")
    counted("_write_site_pages")
    assert build_module.build(site.root, Report(stream=None), jobs=2).published
    assert workers == {"_write_article": 2, "_write_site_pages": 0}


def test_a_build_collects_garbage_seldom_and_leaves_the_collector_as_it_found_it(site, capsys, monkeypatch):
    """The preview builds again and again in one process: its own threshold must come back."""
    import gc
    site.article("a1.txt", ARTICLE.format(day=1, n=1))
    during = []
    original = build_module.assemble
    monkeypatch.setattr(build_module, "assemble", lambda *a, **k: during.append(gc.get_threshold()) or original(*a, **k))
    before = gc.get_threshold()
    assert build_module.build(site.root, Report(stream=None)).published
    assert during == [(pipeline.GC_THRESHOLD, *before[1:])] and gc.get_threshold() == before


def test_source_date_epoch_sets_the_feed_time_and_nothing_else(site, capsys, monkeypatch):
    site.article("a1.txt", ARTICLE.format(day=1, n=1))
    site.build(capsys)
    assert "<updated>2016-02-01T00:00:00Z</updated>" in site.page("ar/feed.xml")
    plain = tree(site)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    import shutil
    shutil.rmtree(site.root / ".nashra-cache")
    site.build(capsys)
    assert "<updated>2023-11-14T22:13:20Z</updated>" in site.page("ar/feed.xml")
    assert {p for p, h in tree(site).items() if plain[p] != h} == {"ar/feed.xml", "en/feed.xml"}


@pytest.mark.parametrize("edited", ["article", "memory"])
def test_a_file_saved_while_the_build_reads_it_is_read_again_by_the_next_build(three, capsys, monkeypatch, edited):
    """An editor saving during a build (serve rebuilds on every save): what the build read
    is the old text, so the next build must not take the file for unchanged."""
    article = three.root / "content" / "articles" / "a2.txt"
    memory = three.root / "content" / "translations" / "a2.toml"
    memory.write_text('format = 1\narticle = "a2"\n', encoding="utf-8")
    assert three.build(capsys)[0] == 0
    original = pipeline.load_article

    def load_then_save(path, config, report, knowledge=None):
        loaded = original(path, config, report, knowledge)
        if path == article:  # saved just after being read, in the same clock tick
            (article if edited == "article" else memory).write_text(
                ARTICLE.format(day=2, n=22) if edited == "article"
                else 'format = 1\narticle = "a2"\n\n[segments.title]\nsource = "عنوان الخبر رقم 12"\n'
                     'target = "Story 2"\nstatus = "human"\n',
                encoding="utf-8")
        return loaded

    article.write_text(ARTICLE.format(day=2, n=12), encoding="utf-8")
    monkeypatch.setattr(pipeline, "load_article", load_then_save)
    assert three.build(capsys)[0] == 0
    monkeypatch.setattr(pipeline, "load_article", original)
    assert three.build(capsys)[0] == 0
    page = three.page("en/articles/a2/")
    assert ("رقم 22" in page) if edited == "article" else ("Story 2" in page)
