"""`build-site new ARTICLE`: the translation memory skeleton a translator fills in a text
editor. It has one empty entry per segment of the article as the build reads it, in reading
order; it never loses or changes an entry that is already there; it is a memory like any
other (it loads, the build takes it, empty targets are "not translated yet")."""

import subprocess
import sys
import time
import tomllib

import pytest

from generator.build.article_job import load_article
from generator.build.lock import build_lock
from generator.cli import main
from generator.config import load_config
from generator.diagnostics import Report
from generator.model import Provenance
from generator.translate.memory import MemoryFileError, load_memory, source_hash
from generator.translate.mt.fill import pending_work
from tests.support.sites import SITE_TOML

# The slug comes from the front matter, not the file name: the memory is named as the build names it.
ARTICLE = """\
+++
date = 2016-02-13
slug = "geneva-talks"
+++
محادثات جديدة في جنيف حول الأزمة

جنيف-سانا قال المبعوث الدولي إن المحادثات ستبدأ الأسبوع المقبل. وأضاف أن الوفود وصلت.

وأكد المبعوث أن الهدف هو وقف إطلاق النار.

مواقف الأطراف

ورحبت الحكومة بالمبادرة. ودعت المعارضة إلى ضمانات.
"""
FILE = "content/articles/2016-02-13-talks.txt"
MEMORY = "content/translations/geneva-talks.toml"
IDS = ["title", "dateline", "s0-p1-1", "s0-p1-2", "s0-p2-1", "s1-h", "s1-p1-1", "s1-p1-2"]
SOURCES = {"title": "محادثات جديدة في جنيف حول الأزمة", "dateline": "جنيف-سانا",
           "s0-p2-1": "وأكد المبعوث أن الهدف هو وقف إطلاق النار.", "s1-h": "مواقف الأطراف",
           "s1-p1-2": "ودعت المعارضة إلى ضمانات."}
# Written by hand, as the README shows: a human translation, and one whose Arabic has since changed.
HAND_WRITTEN = """\
format = 1
article = "geneva-talks"

[segments.s0-p2-1]
source = "وأكد المبعوث أن الهدف هو وقف إطلاق النار."
target = "The envoy stressed that the aim is a ceasefire."
status = "human"
date = 2026-11-30

[segments.s1-p1-1]
source = "ورحبت الحكومة بالمبادرة القطرية."
target = "The government welcomed the Qatari initiative."
status = "reviewed"
engine = "argos:translate-ar_en@1.9"
"""


@pytest.fixture
def talks(site):
    (site.root / "site.toml").write_text(SITE_TOML + "[search]\nenabled = false\n", encoding="utf-8")
    site.article("2016-02-13-talks.txt", ARTICLE)
    return site


def new(capsys, site, *articles):
    capsys.readouterr()
    code = main(["new", "--root", str(site.root), *articles])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def stored(site):
    return tomllib.loads((site.root / MEMORY).read_text(encoding="utf-8"))


def memory(site):
    return load_memory(site.root / MEMORY, "geneva-talks")


def test_the_skeleton_has_every_segment_in_reading_order_with_an_empty_target(talks, capsys):
    code, out, err = new(capsys, talks, FILE)  # relative to --root (the tests run elsewhere)
    assert (code, out, err) == (0, [f"{MEMORY}: 8 segments to translate (0 already translated)"], [])
    data = stored(talks)
    assert (data["format"], data["article"]) == (1, "geneva-talks")
    assert list(data["segments"]) == IDS
    for segment_id, entry in data["segments"].items():
        assert entry == {"source": entry["source"], "source_hash": source_hash(entry["source"]),
                         "target": "", "status": "human", "engine": ""}, segment_id
    assert {i: data["segments"][i]["source"] for i in SOURCES} == SOURCES


def test_the_header_tells_the_translator_what_to_fill_and_what_the_statuses_mean(talks, capsys):
    new(capsys, talks, FILE)
    header = (talks.root / MEMORY).read_text(encoding="utf-8").split("\nformat = 1\n")[0]
    assert "fill in `target`" in header and 'leave `status = "human"`' in header
    assert "`reviewed` = a machine translation an editor\n# checked" in header
    assert "`machine` = written by `build-site --translate`" in header


def test_entries_already_there_are_kept_and_only_missing_segments_are_added(talks, capsys):
    (talks.root / MEMORY).write_text(HAND_WRITTEN, encoding="utf-8")
    before = memory(talks).entries
    code, out, err = new(capsys, talks, FILE)
    assert (code, out) == (0, [f"{MEMORY}: 7 segments to translate (1 already translated)"])
    assert err == [f"{MEMORY}:1: warning: segment s1-p1-1 (article line 13): the Arabic changed since it was "
                   "translated; kept as it was: put the new Arabic in `source`, correct `target`, and run "
                   "`build-site new` again"]
    after = memory(talks).entries
    assert list(after) == IDS
    assert after["s0-p2-1"] == before["s0-p2-1"]  # source, target, status, engine and date
    assert after["s1-p1-1"] == before["s1-p1-1"]  # stale: kept for the translator, not replaced
    assert after["s1-p1-1"].target == "The government welcomed the Qatari initiative."
    assert [i for i, e in after.items() if e.target == ""] == [i for i in IDS if i not in ("s0-p2-1", "s1-p1-1")]


def test_a_translation_whose_id_moved_is_found_by_its_arabic_and_not_added_again(talks, capsys):
    """Filed under another id (ids shift when paragraphs are inserted or taken out), a
    translation goes back under the id of the segment whose Arabic it translates."""
    (talks.root / MEMORY).write_text(HAND_WRITTEN.replace("s0-p2-1", "s0-p3-1"), encoding="utf-8")
    code, out, _ = new(capsys, talks, FILE)
    assert (code, out) == (0, [f"{MEMORY}: 7 segments to translate (1 already translated)"])
    entries = memory(talks).entries
    assert entries["s0-p2-1"].target.startswith("The envoy")
    assert "s0-p3-1" not in entries  # no segment has that id now
    assert sum(e.target.startswith("The envoy") for e in entries.values()) == 1


def test_running_it_twice_changes_nothing_the_second_time(talks, capsys):
    new(capsys, talks, FILE)
    path = talks.root / MEMORY
    text, written = path.read_bytes(), path.stat().st_mtime_ns
    code, out, err = new(capsys, talks, FILE)
    assert (code, out, err) == (0, [f"{MEMORY}: 8 segments to translate (0 already translated); unchanged"], [])
    assert (path.read_bytes(), path.stat().st_mtime_ns) == (text, written)


def test_the_skeleton_is_a_memory_the_strict_build_takes_with_every_segment_untranslated(talks, capsys):
    new(capsys, talks, FILE)
    report = Report(stream=None)
    entries = load_memory(talks.root / MEMORY, "geneva-talks", report).entries
    assert report.diagnostics == []
    assert list(entries) == IDS and {(e.target, e.provenance) for e in entries.values()} == {("", Provenance.HUMAN)}
    code, _, err = talks.build(capsys, "--strict")
    assert (code, err) == (0, "")
    page = talks.page("en/articles/geneva-talks/")  # the Arabic original, marked as such, and no English
    assert all(text in page for text in SOURCES.values() if text != "جنيف-سانا")
    assert "untranslated" in page and 'class="seg human"' not in page


def test_an_empty_target_is_not_translated_yet_whatever_its_status(talks, capsys):
    new(capsys, talks, FILE)
    path = talks.root / MEMORY
    header, body = path.read_text(encoding="utf-8").split("\nformat = 1\n")
    body = body.replace('status = "human"', 'status = "reviewed"', 1).replace('target = ""', 'target = "  "', 1)
    path.write_text(f"{header}\nformat = 1\n{body}", encoding="utf-8")
    config = load_config(talks.root)
    article = load_article(talks.root / FILE, config, Report(stream=None))
    assert memory(talks).entries["title"].provenance is Provenance.REVIEWED
    assert [(s.en, s.provenance) for s in article.segments()] == [("", Provenance.MISSING)] * len(IDS)
    report = Report(stream=None)  # and `--translate` takes them as work, with nothing to warn about
    assert [len(w.segments) for w in pending_work(config, report)] == [len(IDS)] and report.diagnostics == []


def test_a_memory_file_without_format_says_what_is_missing(talks, capsys):
    path = talks.root / MEMORY
    path.write_text(HAND_WRITTEN.replace("format = 1\n", ""), encoding="utf-8")
    with pytest.raises(MemoryFileError) as missing:
        load_memory(path, "geneva-talks")
    assert (str(missing.value), missing.value.line) == (
        "missing `format = 1` (the memory file format's version) at the top of the file", 1)
    code, out, err = new(capsys, talks, FILE)  # and it is left as it is
    assert (code, out) == (1, [])
    assert err == [f"{MEMORY}:1: error: translation memory unreadable, left as is: missing `format = 1` "
                   "(the memory file format's version) at the top of the file"]
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN.replace("format = 1\n", "")


def test_a_wrong_format_number_says_which_it_found_at_its_line(talks):
    path = talks.root / MEMORY
    path.write_text("# a comment\n" + HAND_WRITTEN.replace("format = 1", "format = 2"), encoding="utf-8")
    with pytest.raises(MemoryFileError) as wrong:
        load_memory(path, "geneva-talks")
    assert (str(wrong.value), wrong.value.line) == ("unknown format 2 (expected 1)", 2)


def test_bad_article_paths_are_errors_and_the_other_articles_are_still_done(talks, capsys, monkeypatch):
    monkeypatch.chdir(talks.root.parent)
    talks.article("empty.txt", "")
    (talks.root / "notes.txt").write_text("ليس خبرا.\n", encoding="utf-8")
    code, out, err = new(capsys, talks, "nope.txt", "notes.txt", "content/articles/empty.txt",
                         f"{talks.root.name}/{FILE}")  # the last one relative to the current folder
    assert code == 1
    assert err == [
        "nope.txt:1: error: no such article file (looked for it from the current folder and from --root)",
        "notes.txt:1: error: not an article: articles are .txt or .md files under content/articles/",
        "content/articles/empty.txt:1: error: the article is empty",
    ]
    assert out == [f"{MEMORY}: 8 segments to translate (0 already translated)"]
    assert sorted(p.name for p in (talks.root / "content" / "translations").iterdir()) == ["geneva-talks.toml"]


def test_it_waits_for_a_build_of_the_site_to_finish(talks):
    with build_lock(talks.root, None):  # a build holding the site
        waiting = subprocess.Popen([sys.executable, "-m", "generator.cli", "new", "--root", str(talks.root), FILE],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)
        assert waiting.poll() is None
        assert not (talks.root / MEMORY).exists()
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0
    assert err.startswith("waiting for another build of this site to finish (pid ")
    assert out == f"{MEMORY}: 8 segments to translate (0 already translated)\n"
