"""The translation desk (`build-site serve`, /desk/): what it shows of an article's English,
how a correction is saved into the memory, and what it refuses.

A save writes the memory file atomically as `reviewed` (a machine's English corrected or
approved) or `human` (written from scratch); a save made on a page loaded before the file
last changed is refused and changes nothing; only this machine's browser, on a page the
preview served, may write.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import threading
import time

import pytest

from generator.build.article_job import load_article
from generator.config import load_config
from generator.desk.web import Desk, desk_available
from generator.diagnostics import Report
from generator.model import Provenance
from generator.translate.memory import Entry, Memory, load_memory, memory_path, save_memory

SLUG = "2016-01-01-x"
ARTICLE = """عنوان الخبر

دمشق-سانا قال الوزير إن الاجتماع كان مثمرا. وأضاف أن العمل مستمر.

وأكد المدير أن المدارس ستفتح أبوابها.
"""
PORT = 8000
HOST = f"127.0.0.1:{PORT}"
ENGINE = "argos:translate-ar_en@1.9"


@pytest.fixture
def desk_site(site, capsys):
    """An article whose English is of every kind: human, machine, stale, missing."""
    path = site.article(f"{SLUG}.txt", ARTICLE)
    config = load_config(site.root)
    article = load_article(path, config, Report(stream=None))
    by_id = {s.id: s for s in article.segments()}
    day = dt.date(2026, 1, 1)
    save_memory(memory_path(config.translations_dir, SLUG), Memory(SLUG, {
        "title": Entry(by_id["title"].ar, "The headline", Provenance.HUMAN, "", day),
        "s0-p1-1": Entry(by_id["s0-p1-1"].ar, "The minister said meeting fruitful.", Provenance.MACHINE, ENGINE, day),
        "s0-p2-1": Entry("وأكد المدير أن المدارس ستغلق.", "The director said schools will close.",
                         Provenance.MACHINE, ENGINE, day),  # for an older Arabic: stale
    }))
    assert site.build(capsys)[0] == 0  # the desk finds articles through the last build
    return site


def call(desk: Desk, method: str, path: str, body: dict | None = None, **headers: str) -> tuple[int, dict | str]:
    data = json.dumps(body).encode() if body is not None else b""
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "HTTP_HOST": HOST, "wsgi.input": io.BytesIO(data),
               "CONTENT_LENGTH": str(len(data)), "CONTENT_TYPE": "application/json",
               "HTTP_X_NASHRA_DESK": desk.token}
    environ.update({key: value for key, value in headers.items()})
    answer: list[str] = []
    out = b"".join(desk(environ, lambda status, headers: answer.append(status)))
    code = int(answer[0].split()[0])
    is_json = out.startswith(b"{")
    return code, json.loads(out) if is_json else out.decode()


@pytest.fixture
def desk(desk_site):
    return Desk(desk_site.root, "127.0.0.1", PORT)


def shown(desk: Desk) -> dict:
    code, article = call(desk, "GET", f"/_desk/articles/{SLUG}")
    assert code == 200, article
    return article


def states(article: dict) -> dict[str, tuple[str, str]]:
    return {s["id"]: (s["state"], s["target"]) for s in article["segments"]}


def save(desk: Desk, segment_id: str, text: str, version: str | None = None) -> tuple[int, dict]:
    version = version if version is not None else shown(desk)["version"]
    return call(desk, "POST", f"/_desk/articles/{SLUG}/{segment_id}", {"target": text, "version": version})


def memory_of(site) -> Memory:
    return load_memory(memory_path(site.root / "content" / "translations", SLUG), SLUG)


def test_the_desk_shows_each_segment_with_its_source_and_provenance(desk):
    assert states(shown(desk)) == {
        "title": ("human", "The headline"),
        "dateline": ("missing", ""),
        "s0-p1-1": ("machine", "The minister said meeting fruitful."),
        "s0-p1-2": ("missing", ""),
        "s0-p2-1": ("stale", "The director said schools will close."),  # the older Arabic's English, to start from
    }
    first = shown(desk)["segments"][2]
    assert first["source"] == "قال الوزير إن الاجتماع كان مثمرا." and first["engine"] == ENGINE


def test_correcting_a_machine_translation_makes_it_reviewed_and_keeps_the_engine(desk, desk_site):
    code, article = save(desk, "s0-p1-1", "The minister said the meeting was fruitful.")
    assert code == 200 and states(article)["s0-p1-1"] == ("reviewed", "The minister said the meeting was fruitful.")
    entry = memory_of(desk_site).entries["s0-p1-1"]
    assert (entry.provenance, entry.engine, entry.date) == (Provenance.REVIEWED, ENGINE, dt.date.today())


def test_saving_a_machine_translation_unchanged_approves_it(desk, desk_site):
    assert save(desk, "s0-p1-1", "The minister said meeting fruitful.")[0] == 200
    assert memory_of(desk_site).entries["s0-p1-1"].provenance is Provenance.REVIEWED


def test_english_written_from_scratch_is_human_and_takes_its_place_in_reading_order(desk, desk_site):
    code, article = save(desk, "s0-p1-2", "  He added that\nwork goes on.  ")
    assert code == 200 and states(article)["s0-p1-2"] == ("human", "He added that work goes on.")
    assert list(memory_of(desk_site).entries) == ["title", "s0-p1-1", "s0-p1-2", "s0-p2-1"]
    assert save(desk, "dateline", "Damascus, SANA")[0] == 200
    assert list(memory_of(desk_site).entries) == ["title", "dateline", "s0-p1-1", "s0-p1-2", "s0-p2-1"]


def test_a_stale_machine_translation_corrected_for_the_new_arabic_is_reviewed(desk, desk_site):
    code, article = save(desk, "s0-p2-1", "The director stressed that schools will open.")
    assert states(article)["s0-p2-1"] == ("reviewed", "The director stressed that schools will open.")
    assert memory_of(desk_site).entries["s0-p2-1"].source == "وأكد المدير أن المدارس ستفتح أبوابها."


def test_the_site_shows_the_correction_after_a_build(desk, desk_site, capsys):
    save(desk, "s0-p1-1", "The minister said the meeting was fruitful.")
    assert desk_site.build(capsys)[0] == 0
    page = desk_site.page(f"en/articles/{SLUG}/parallel/")
    assert '<span id="en-s0-p1-1" class="seg reviewed">The minister said the meeting was fruitful.</span>' in page


def test_a_save_from_a_page_loaded_before_the_file_changed_is_refused_and_changes_nothing(desk, desk_site):
    loaded = shown(desk)["version"]
    assert save(desk, "title", "The headline, corrected elsewhere")[0] == 200  # another tab, say
    before = memory_path(desk_site.root / "content" / "translations", SLUG).read_bytes()
    code, answer = save(desk, "s0-p1-2", "He added that work goes on.", version=loaded)
    assert code == 409 and answer["error"].startswith("not saved: the translation memory of this article changed")
    assert memory_path(desk_site.root / "content" / "translations", SLUG).read_bytes() == before


def test_saves_racing_from_many_tabs_land_one_at_a_time_and_none_is_lost(desk, desk_site, monkeypatch):
    """Eight tabs save eight segments at once, each retrying on refusal as an editor would
    after reloading: every save lands, none overwrites another. (Each write is slowed, so
    that without the lock two saves would overlap every time.)"""
    from generator.desk import edits

    def slow_save(path, memory):
        time.sleep(0.02)
        save_memory(path, memory)

    monkeypatch.setattr(edits, "save_memory", slow_save)
    ids = ["dateline", "s0-p1-1", "s0-p1-2", "s0-p2-1"] * 2

    def tab(n: int, segment_id: str) -> None:
        while True:
            code, _ = save(desk, segment_id, f"English {n} of {segment_id}")
            if code == 200:
                return
            assert code == 409

    threads = [threading.Thread(target=tab, args=(n, i)) for n, i in enumerate(ids)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    entries = memory_of(desk_site).entries
    assert {i: entries[i].target.rsplit(" of ", 1)[1] for i in set(ids)} == {i: i for i in set(ids)}
    assert entries["title"].target == "The headline"  # untouched by any tab
    assert all(entries[i].target in {f"English {n} of {i}" for n, j in enumerate(ids) if j == i} for i in set(ids))


@pytest.mark.parametrize("headers, why", [
    ({"HTTP_X_NASHRA_DESK": "guessed"}, "refused: this page was not opened from this preview"),
    ({"HTTP_X_NASHRA_DESK": ""}, "refused: this page was not opened from this preview"),
    ({"HTTP_ORIGIN": "https://attacker.example"}, "refused: a request from another site"),
])
def test_a_save_without_the_sessions_token_or_from_another_site_is_refused(desk, desk_site, headers, why):
    before = memory_path(desk_site.root / "content" / "translations", SLUG).read_bytes()
    code, answer = call(desk, "POST", f"/_desk/articles/{SLUG}/title",
                        {"target": "pwned", "version": shown(desk)["version"]}, **headers)
    assert code == 403 and answer["error"].startswith(why)
    assert memory_path(desk_site.root / "content" / "translations", SLUG).read_bytes() == before


def test_a_name_rebound_to_this_machine_gets_nothing_from_the_desk(desk):
    """A page of evil.example whose name now resolves to 127.0.0.1 sends `Host: evil.example`."""
    for path in ("/desk/", f"/_desk/articles/{SLUG}"):
        code, answer = call(desk, "GET", path, HTTP_HOST=f"evil.example:{PORT}")
        assert code == 403 and "answers only at http://127.0.0.1:8000/desk/" in answer
    assert desk.page_extras({"HTTP_HOST": f"evil.example:{PORT}"}, f"/en/articles/{SLUG}/parallel/") == b""
    assert desk.token.encode() in desk.page_extras({"HTTP_HOST": HOST}, f"/en/articles/{SLUG}/parallel/")


def test_the_desk_is_only_for_this_machine():
    assert desk_available("127.0.0.1") and desk_available("localhost")
    assert not desk_available("0.0.0.0") and not desk_available("192.168.1.5")


@pytest.mark.parametrize("segment_id, text, code, why", [
    ("title", "   ", 400, "the English is empty"),
    ("s9-p9-9", "Text", 404, "no segment 's9-p9-9' in this article"),
])
def test_what_cannot_be_saved_says_why(desk, segment_id, text, code, why):
    answer = save(desk, segment_id, text)
    assert answer[0] == code and answer[1]["error"].startswith(why)


def test_an_unknown_article_or_a_save_that_is_not_json_is_refused(desk):
    assert call(desk, "GET", "/_desk/articles/no-such-story")[0] == 404
    code, answer = call(desk, "POST", f"/_desk/articles/{SLUG}/title", {"target": "x"}, CONTENT_TYPE="text/plain")
    assert code == 415


def test_the_desk_page_lists_what_needs_an_editor_article_by_article(desk, desk_site, capsys):
    code, page = call(desk, "GET", "/desk/")
    assert code == 200
    row = page.split(f'<tr data-slug="{SLUG}">', 1)[1].split("</tr>", 1)[0]
    assert f'<a href="/en/articles/{SLUG}/parallel/">' in row
    counts = [cell.split("</td>")[0] for cell in row.split('<td class="desk-count">')[1:]]
    assert counts == ["2", "1", "1"]  # untranslated, machine, stale
    assert "1 article: 2 untranslated, 1 machine-translated, 1 stale segments." in page
    for segment_id, text in (("dateline", "Damascus, SANA"), ("s0-p1-1", "The minister spoke."),
                             ("s0-p1-2", "He added more."), ("s0-p2-1", "The director spoke.")):
        assert save(desk, segment_id, text)[0] == 200
    assert desk_site.build(capsys)[0] == 0
    assert "Every segment of every article has a human or reviewed translation." in call(desk, "GET", "/desk/")[1]


SAVING_LOOP = """
import sys
from pathlib import Path
from generator.config import load_config
from generator.desk.edits import read_article, save_segment
config = load_config(Path(sys.argv[1]))
path = config.articles_dir / "{slug}.txt"
for n in range(100000):
    segment = ("s0-p1-1", "s0-p1-2")[n % 2]
    save_segment(config, path, "{slug}", segment, f"Save {{n}} of {{segment}}", read_article(config, path, "{slug}").version)
"""


@pytest.mark.slow
def test_a_save_killed_at_any_moment_leaves_the_old_memory_or_the_new_one(desk_site):
    """SIGKILL of a process saving one segment after another, at 12 moments: the memory file
    always reads, holds every entry, and each saved English whole; what a killed save left
    behind goes with the next save."""
    import random
    import sys

    from tests.support.kill import KillPoint, run_killed

    memory_file = memory_path(desk_site.root / "content" / "translations", SLUG)
    command = [sys.executable, "-c", SAVING_LOOP.format(slug=SLUG), str(desk_site.root)]
    started = memory_file.stat().st_mtime_ns
    chance = random.Random(0)
    killed = left_behind = 0
    for attempt in range(12):
        point = KillPoint(f"kill {attempt}", chance.uniform(0, 0.3),
                          ready=lambda pid: memory_file.stat().st_mtime_ns != started)
        killed += run_killed(command, point, timeout=60).killed
        entries = load_memory(memory_file, SLUG).entries
        assert list(entries) == ["title", "s0-p1-1", "s0-p1-2", "s0-p2-1"]
        for segment_id in ("s0-p1-1", "s0-p1-2"):
            target = entries[segment_id].target
            assert target.startswith("Save ") and target.endswith(f" of {segment_id}")
        left_behind += len(list(memory_file.parent.glob(f".{memory_file.name}.*")))
        started = memory_file.stat().st_mtime_ns
    assert killed == 12
    print(f"killed 12 saves; {left_behind} left a temporary file behind")
    assert save(Desk(desk_site.root, "127.0.0.1", PORT), "title", "The headline")[0] == 200
    assert [p.name for p in memory_file.parent.iterdir()] == [memory_file.name]


def test_after_a_paragraph_is_inserted_above_a_save_keeps_every_other_translation(site, capsys):
    """The ids shift (s0-p1 becomes s0-p2): each translation is still its own segment's,
    the new paragraph is untranslated (not stale), and a save replaces nothing but its own."""
    path = site.article(f"{SLUG}.txt", ARTICLE)
    config = load_config(site.root)
    article = load_article(path, config, Report(stream=None))
    english = {s.id: f"English of {s.id}" for s in article.segments()}
    save_memory(memory_path(config.translations_dir, SLUG), Memory(SLUG, {
        s.id: Entry(s.ar, english[s.id], Provenance.HUMAN) for s in article.segments()}))
    site.article(f"{SLUG}.txt", ARTICLE.replace("\n\nدمشق-سانا ", "\n\nدمشق-سانا وصل الوفد إلى المدينة.\n\n", 1))
    assert site.build(capsys)[0] == 0
    desk = Desk(site.root, "127.0.0.1", PORT)
    assert states(shown(desk)) == {
        "title": ("human", english["title"]), "dateline": ("human", english["dateline"]),
        "s0-p1-1": ("missing", ""),  # the paragraph inserted
        "s0-p2-1": ("human", english["s0-p1-1"]), "s0-p2-2": ("human", english["s0-p1-2"]),
        "s0-p3-1": ("human", english["s0-p2-1"])}
    assert save(desk, "s0-p2-1", "The minister said the meeting was fruitful.")[0] == 200
    assert save(desk, "s0-p1-1", "The delegation arrived in the city.")[0] == 200
    entries = memory_of(site).entries
    assert {key: entry.target for key, entry in entries.items()} == {
        "title": english["title"], "dateline": english["dateline"],
        "s0-p1-1": "The delegation arrived in the city.", "s0-p2-1": "The minister said the meeting was fruitful.",
        "s0-p2-2": english["s0-p1-2"], "s0-p3-1": english["s0-p2-1"]}
    assert entries["s0-p1-1"].provenance is Provenance.HUMAN  # written from scratch, though an entry had that id
