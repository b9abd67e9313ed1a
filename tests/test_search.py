"""The search index: Pagefind indexes the article pages of each language, filters are named
in the page's language, a site still builds without Pagefind, and a failing Pagefind is an
error. (Searching itself is checked in a browser: tests/browser/test_search.py.)"""

import datetime as dt
import json
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.build import run as build_module
from generator.config import load_config
from generator.diagnostics import Report
from generator.model import Person, Topic, TopicAssignment
from generator.output import search as search_module
from generator.read.parse import parse
from generator.read.sources import read_source
from generator.render.environment import make_environment, render
from generator.site import library as library_module
from generator.site.library import Listing, assemble
from tests.support.site_pages import every_page
from tests.support.sites import REPO, SAMPLE

SLUG = "sana-2016-02-13-lavrov-us-russia-cooperation"


def sample_site(site):
    site.article(SAMPLE.name, SAMPLE.read_bytes())
    shutil.copy(REPO / "content" / "translations" / f"{SLUG}.toml", site.root / "content" / "translations")
    return site


def test_each_language_has_an_index_of_its_articles_only(site, capsys):
    assert sample_site(site).build(capsys, "--strict")[0] == 0
    entry = json.loads((site.output / "pagefind" / "2016-02" / "pagefind-entry.json").read_text(encoding="utf-8"))
    # One article in each language: homes, parallel views, index and search pages are left out.
    assert {lang: index["page_count"] for lang, index in entry["languages"].items()} == {"ar": 1, "en": 1}


def test_article_text_is_marked_for_the_index_and_its_links_and_notices_are_not(site, capsys):
    assert sample_site(site).build(capsys, "--strict")[0] == 0
    page = site.page(f"en/articles/{SLUG}/")
    assert '<article class="article" data-pagefind-body>' in page
    assert '<a class="parallel-link" data-pagefind-ignore' in page


def test_agency_and_year_are_filters_named_in_the_pages_language(site, capsys):
    assert sample_site(site).build(capsys, "--strict")[0] == 0
    arabic, english = (site.page(f"{lang}/articles/{SLUG}/") for lang in ("ar", "en"))
    assert 'data-pagefind-filter="الوكالة:سانا"' in arabic and 'data-pagefind-filter="السنة:2016"' in arabic
    assert 'data-pagefind-filter="agency:SANA"' in english and 'data-pagefind-filter="year:2016"' in english


def test_speakers_and_topics_are_filters_named_in_the_pages_language(site, tmp_path):
    path = tmp_path / "truce.txt"
    path.write_text("+++\ndate = 2016-02-12\n+++\nعنوان\n\nدمشق-سانا أكد لافروف أن الهدنة ممكنة.\n", encoding="utf-8")
    article = parse(read_source(path, Report(stream=None)), Report(stream=None)).article
    lavrov = Person("sergey-lavrov", "سيرغي لافروف", "Sergey Lavrov", "", "")
    article = replace(article, people=(lavrov,), topics=(TopicAssignment("ceasefire", 3.0, ()),))
    library = assemble([Listing.of(article)], Report(stream=None), {"ceasefire": Topic("ceasefire", "وقف إطلاق النار", "Ceasefire")})
    config = load_config(site.root)
    pages = {p.route.url: render(make_environment(config), p).decode() for p in every_page(config, library, [article])}
    arabic, english = pages["ar/articles/truce/"], pages["en/articles/truce/"]
    assert 'data-pagefind-filter="المتحدث">سيرغي لافروف</a>' in arabic
    assert 'data-pagefind-filter="الموضوع">وقف إطلاق النار</a>' in arabic
    assert 'data-pagefind-filter="speaker">Sergey Lavrov</a>' in english
    assert 'data-pagefind-filter="topic">Ceasefire</a>' in english


def test_without_pagefind_the_site_builds_with_one_warning_and_no_index(site, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pagefind.service", None)  # makes the import fail
    code, _, err = sample_site(site).build(capsys)
    assert code == 0
    assert err.splitlines() == [("warning: search index not built: Pagefind is not installed "
                                 "(pip install 'pagefind[bin]'); the search pages will find nothing")]
    assert (site.output / "ar" / "search" / "index.html").is_file()
    assert not (site.output / "pagefind").exists()


def test_a_failing_pagefind_fails_the_build_with_its_exit_status(site, capsys, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", shutil.which("false"))
    code, _, err = sample_site(site).build(capsys, "--strict")
    assert code == 1
    assert "error: search index 2016-02 not built: Pagefind exited with 1" in err


def test_what_a_failing_pagefind_wrote_is_not_published(site, capsys, monkeypatch, tmp_path):
    """Pagefind writes into the staging area itself: a run that fails halfway leaves files there."""
    halfway = tmp_path / "pagefind-halfway"
    halfway.write_text('#!/bin/sh\nwhile [ "$1" != --output-path ]; do shift; done\n'
                       'echo "{}" > "$2/pagefind-entry.json"\nexit 3\n')
    halfway.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(halfway))
    code, _, err = sample_site(site).build(capsys)
    assert code == 1 and "error: search index 2016-02 not built: Pagefind exited with 3" in err
    assert (site.output / "ar" / "articles").is_dir()  # the rest of the site is published
    assert not (site.output / "pagefind").exists()


def test_an_unchanged_index_is_kept_and_a_changed_one_replaced(site, capsys):
    sample_site(site).build(capsys)
    bundle = site.output / "pagefind" / "2016-02"
    before = {p.relative_to(bundle): p.stat().st_ino for p in bundle.rglob("*") if p.is_file()}
    site.article("2016-02-14-x.txt", "عنوان آخر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n")
    assert site.build(capsys)[0] == 0
    after = {p.relative_to(bundle): p.stat().st_ino for p in bundle.rglob("*") if p.is_file()}
    assert before[Path("pagefind-ui.js")] == after[Path("pagefind-ui.js")]  # kept: a hard link, not rewritten
    assert json.loads((bundle / "pagefind-entry.json").read_text())["languages"]["ar"]["page_count"] == 2
    stale = [name for name in before if name not in after]
    assert stale and not any((bundle / name).exists() for name in stale)  # the old index files are gone


def test_a_build_without_indexing_keeps_the_last_index(site, capsys):
    sample_site(site)
    assert site.build(capsys)[0] == 0
    index = sorted(p.relative_to(site.output) for p in (site.output / "pagefind").rglob("*") if p.is_file())
    site.article("2016-02-14-more.txt", "عنوان آخر\n\nدمشق-سانا نص آخر.\n")
    assert site.build(capsys, "--no-search")[0] == 0  # as the preview does, unless asked to index
    assert (site.output / "ar" / "articles" / "2016-02-14-more" / "index.html").exists()
    assert sorted(p.relative_to(site.output) for p in (site.output / "pagefind").rglob("*") if p.is_file()) == index


def test_a_build_after_builds_without_indexing_brings_the_index_up_to_date(site, capsys):
    sample_site(site)
    assert site.build(capsys)[0] == 0
    site.article("2016-02-14-more.txt", "عنوان آخر\n\nدمشق-سانا نص آخر.\n")
    assert site.build(capsys, "--no-search")[0] == 0  # as the preview does
    assert site.build(capsys, "--no-search")[1].strip().endswith("is up to date")
    entry = site.output / "pagefind" / "2016-02" / "pagefind-entry.json"
    assert json.loads(entry.read_text())["languages"]["ar"]["page_count"] == 1  # behind the pages
    # Every page is as it was, but the index is not: it is made again, and only then is the site up to date.
    code, out, _ = site.build(capsys)
    assert code == 0 and not out.strip().endswith("is up to date")
    assert json.loads(entry.read_text())["languages"]["ar"]["page_count"] == 2
    assert site.build(capsys)[1].strip().endswith("is up to date")


def pagefind_runs(monkeypatch) -> list[str]:
    """The bundles Pagefind is run for, as the builds go (two at a time: compare as sets)."""
    runs = []
    run_pagefind = search_module._run_pagefind
    monkeypatch.setattr(search_module, "_run_pagefind", lambda writer, config, executable, slugs, bundle:
                        runs.append(bundle.name) or run_pagefind(writer, config, executable, slugs, bundle))
    return runs


def test_pagefind_runs_only_when_an_article_page_or_its_settings_changed(site, capsys, monkeypatch):
    runs = pagefind_runs(monkeypatch)
    sample_site(site)
    assert site.build(capsys)[0] == 0 and len(runs) == 1
    style = site.root / "templates" / "assets" / "style.css"
    style.write_text(style.read_text(encoding="utf-8") + "\n/* darker */\n", encoding="utf-8")
    assert site.build(capsys)[0] == 0 and len(runs) == 1  # a new stylesheet, the same article pages
    (site.root / "pagefind.yml").write_text("exclude_selectors: [\"nav\"]\n", encoding="utf-8")
    assert site.build(capsys)[0] == 0 and len(runs) == 2
    site.article("2016-02-14-x.txt", "عنوان آخر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n")
    assert site.build(capsys)[0] == 0 and len(runs) == 3


# Seven stories over four years: with SEARCH_BUNDLE_SIZE 3, bundles of 3, 1, 1 and 2 articles.
ARCHIVE_DATES = {"a": "2013-05-01", "b": "2014-05-01", "c": "2014-06-01", "d": "2015-05-01", "e": "2016-02-01",
                 "f": "2016-05-01", "g": "2016-05-20"}


def archive_site(site) -> None:
    for slug, date in ARCHIVE_DATES.items():
        site.article(f"{slug}.txt", f"+++\ndate = {date}\n+++\nعنوان الخبر {slug}\n\nدمشق-سانا نص الخبر {slug}.\n")


def test_each_part_of_the_archive_has_its_bundle_and_an_edit_remakes_its_own_only(site, capsys, monkeypatch):
    monkeypatch.setattr(library_module, "SEARCH_BUNDLE_SIZE", 3)  # older years: 3 articles to a bundle at most
    runs = pagefind_runs(monkeypatch)
    dates = dict(ARCHIVE_DATES)
    archive_site(site)
    assert site.build(capsys, "--strict")[0] == 0
    bundles = site.output / "pagefind"
    # The newest story's month, the rest of its year, then older years from the oldest, as
    # many as 3 articles hold.
    names = ["2013-2014", "2015", "2016", "2016-05"]
    assert sorted(runs) == names
    assert sorted(p.name for p in bundles.iterdir()) == names
    counts = {p.parent.name: json.loads(p.read_text())["languages"]["en"]["page_count"]
              for p in bundles.glob("*/pagefind-entry.json")}
    assert counts == {"2013-2014": 3, "2015": 1, "2016": 1, "2016-05": 2}
    page = site.page("en/search/")  # the newest bundle's UI, the others merged into it
    assert '<script src="../../pagefind/2016-05/pagefind-ui.js"></script>' in page
    assert 'data-merge="../../pagefind/2016/ ../../pagefind/2015/ ../../pagefind/2013-2014/"' in page

    def inodes():
        return {p.relative_to(bundles).as_posix(): p.stat().st_ino for p in bundles.rglob("*") if p.is_file()}

    def remade_by(slug: str, text: str) -> set[str]:
        before = inodes()
        site.article(f"{slug}.txt", f"+++\ndate = {dates[slug]}\n+++\nعنوان الخبر {slug}\n\nدمشق-سانا {text}.\n")
        ran = len(runs)
        assert site.build(capsys, "--strict")[0] == 0
        after = inodes()
        assert {p.split("/")[0] for p in after if before.get(p) != after[p]} == set(runs[ran:])
        return set(runs[ran:])

    assert remade_by("b", "نص آخر للخبر b") == {"2013-2014"}
    assert remade_by("g", "نص آخر للخبر g") == {"2016-05"}  # an editor's usual case: a quick one
    dates["h"] = "2016-06-02"  # the month turns: May's stories join the rest of the year
    assert remade_by("h", "نص الخبر h") == {"2016-06", "2016"}
    assert sorted(p.name for p in bundles.iterdir()) == ["2013-2014", "2015", "2016", "2016-06"]


def test_the_largest_bundles_are_indexed_first_so_that_no_run_is_left_alone_long(site, capsys, monkeypatch):
    monkeypatch.setattr(library_module, "SEARCH_BUNDLE_SIZE", 3)
    monkeypatch.setattr(search_module, "PAGEFIND_RUNS", 1)  # one at a time: the runs in the order taken
    runs = pagefind_runs(monkeypatch)
    archive_site(site)
    assert site.build(capsys, "--strict")[0] == 0
    assert runs == ["2013-2014", "2016-05", "2016", "2015"]  # 3, 2, 1 and 1 articles (newest first among equals)


def test_a_year_too_large_for_one_bundle_is_split_by_months(monkeypatch):
    """Pagefind holds a whole bundle in memory, and two run at once: no bundle may hold
    more than SEARCH_BUNDLE_SIZE articles because one year has many."""
    monkeypatch.setattr(library_module, "SEARCH_BUNDLE_SIZE", 3)

    def listing(slug, date):  # search_bundles reads only these
        day = dt.date.fromisoformat(date) if date else None
        return SimpleNamespace(slug=slug, date=day, year=str(day.year) if day else "undated")

    dates = {"g": "2016-05-20", "f": "2016-05-01", "e": "2016-02-01", "d5": "2015-11-01", "d4": "2015-09-01",
             "d3": "2015-06-01", "d2": "2015-02-01", "d1": "2015-01-01", "c": "2014-06-01", "b": "2014-05-01",
             "a": "2013-05-01", "u": None}
    library = library_module.Library(tuple(listing(slug, date) for slug, date in dates.items()))
    assert library_module.search_bundles(library) == {
        "2016-05": ["f", "g"],
        "2016": ["e"],
        "2015-09-2015-11": ["d4", "d5"],  # 2015 has five: its months, grouped by three at most
        "2015-01-2015-06": ["d1", "d2", "d3"],
        "2014": ["b", "c"],
        "undated-2013": ["u", "a"],
    }


def test_an_interrupted_build_starts_no_more_pagefind_runs_and_publishes_nothing(site, capsys, monkeypatch):
    monkeypatch.setattr(library_module, "SEARCH_BUNDLE_SIZE", 1)
    for year in range(2010, 2016):  # six bundles: the newest month, five years
        site.article(f"a{year}.txt", f"+++\ndate = {year}-05-01\n+++\nعنوان {year}\n\nدمشق-سانا نص الخبر.\n")
    started = []

    def interrupted(writer, config, executable, slugs, bundle):
        started.append(bundle.name)
        if len(started) == 1:
            raise KeyboardInterrupt  # Ctrl-C, as the first run ends
        time.sleep(0.5)  # the others take a while
        return ""

    monkeypatch.setattr(search_module, "_run_pagefind", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_module.build(site.root, Report(stream=None))
    assert len(started) <= search_module.PAGEFIND_RUNS + 1  # those running, and one taken meanwhile
    assert not site.output.exists()


def test_search_can_be_switched_off_in_site_toml(site, capsys):
    sample_site(site)
    with (site.root / "site.toml").open("a", encoding="utf-8") as config:
        config.write("[search]\nenabled = false\n")
    assert site.build(capsys)[0] == 0
    assert not (site.output / "pagefind").exists()
