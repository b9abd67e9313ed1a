"""`build-site --translate`: what gets machine-translated, what never is, names that
survive, and a run that is interrupted and resumed. The engine here is a stand-in that
marks its output; tests/test_argos_backend.py runs the real backend on a real model."""

import datetime as dt

import pytest

from generator.config import load_config
from generator.diagnostics import Report
from generator.model import Provenance
from generator.translate.memory import load_memory, memory_path
from generator.translate.mt import fill as fill_module
from generator.translate.mt.fill import fill, pending_work
from generator.translate.mt.protect import Glossary, glossary_from_content, protect, restore

ARTICLE = ("+++\ndate = 2016-02-13\n+++\nلافروف يصل إلى ميونيخ\n\nموسكو-سانا قال وزير الخارجية الروسي سيرغي لافروف "
           "إن الحوار مستمر. وأضاف لافروف أن الاجتماع مهم.\n")
PEOPLE = ('[sergey-lavrov]\nname_en = "Sergey Lavrov"\nnames_ar = ["سيرغي لافروف"]\nsurname_ar = ["لافروف"]\n'
          'role_ar = "وزير الخارجية الروسي"\nrole_en = "Russian Foreign Minister"\n')
PLACES = '[places]\n"ميونيخ" = "Munich"\n"موسكو" = "Moscow"\n'


class MarkingTranslator:
    """Keeps placeholders and numbers, replaces Arabic words by "w": enough to check plumbing."""

    engine_id = "test:marking@1"

    def __init__(self, fail_on_call: int | None = None):
        self.calls = 0
        self.fail_on_call = fail_on_call

    def translate(self, sentences):
        self.calls += 1
        if self.fail_on_call == self.calls:
            raise KeyboardInterrupt
        return ["EN " + " ".join(w if w.isascii() else "w" for w in s.split()) for s in sentences]


@pytest.fixture
def site_with_article(site):
    site.article("2016-02-13-lavrov.txt", ARTICLE)
    (site.root / "content" / "people.toml").write_text(PEOPLE, encoding="utf-8")
    (site.root / "content" / "places.toml").write_text(PLACES, encoding="utf-8")
    return site


def translate(site, translator, report=None):
    config = load_config(site.root)
    report = report or Report(stream=None)
    work = pending_work(config, report)
    return fill(work, translator, glossary_from_content(config.content_dir, report), report,
                today=dt.date(2026, 11, 30)), config


def test_names_are_protected_and_restored_in_english():
    glossary = Glossary.of([("سيرغي لافروف", "Sergey Lavrov"), ("لافروف", "Lavrov"), ("ميونيخ", "Munich")])
    guarded = protect("قال سيرغي لافروف في ميونيخ إن ولافروف (ميونيخ).", glossary)
    assert guarded.text == "قال X1X في X2X إن و X3X (X4X)."
    assert guarded.english == ("Sergey Lavrov", "Munich", "Lavrov", "Munich")
    assert restore("Said X1X in X2X that and X3X (X4X).", guarded).text == "Said Sergey Lavrov in Munich that and Lavrov (Munich)."
    assert restore("Said X1X.", guarded).lost == ("Munich", "Lavrov", "Munich")


def test_surnames_take_their_english_by_position_in_the_full_name(site_with_article):
    glossary = glossary_from_content(site_with_article.root / "content", Report(stream=None))
    assert protect("لافروف", glossary).english == ("Lavrov",)


def test_missing_segments_are_machine_translated_with_engine_and_date(site_with_article):
    result, config = translate(site_with_article, MarkingTranslator())
    assert (result.translated, result.articles, result.lost_names) == (4, 1, 0)
    memory = load_memory(memory_path(config.translations_dir, "2016-02-13-lavrov"), "2016-02-13-lavrov")
    assert list(memory.entries) == ["title", "dateline", "s0-p1-1", "s0-p1-2"]
    entry = memory.entries["s0-p1-1"]
    assert entry.target == "EN w w w w Sergey Lavrov w w w"
    assert (entry.provenance, entry.engine, entry.date) == (Provenance.MACHINE, "test:marking@1", dt.date(2026, 11, 30))
    assert memory.entries["title"].target == "EN Lavrov w w Munich"


def test_human_work_is_never_overwritten_and_a_stale_one_is_flagged(site_with_article, capsys):
    site = site_with_article
    translate(site, MarkingTranslator())
    path = site.root / "content" / "translations" / "2016-02-13-lavrov.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('target = "EN w w w w Sergey Lavrov w w w"\nstatus = "machine"',
                        'target = "Russian Foreign Minister Sergey Lavrov said the dialogue goes on."\nstatus = "human"')
    path.write_text(text, encoding="utf-8")
    site.article("2016-02-13-lavrov.txt", ARTICLE.replace("إن الحوار مستمر", "إن الحوار متواصل").replace(
        "أن الاجتماع مهم", "أن الاجتماع مفيد"))
    report = Report(stream=None)
    result, config = translate(site, MarkingTranslator(), report)
    assert result.translated == 1  # the stale machine sentence only
    assert [str(d) for d in report.diagnostics] == [
        f"{path}:1: warning: segment s0-p1-1: the Arabic changed since this human translation; "
        "review it (the machine will not overwrite it)"]
    memory = load_memory(path, "2016-02-13-lavrov")
    assert memory.entries["s0-p1-1"].target == "Russian Foreign Minister Sergey Lavrov said the dialogue goes on."
    assert memory.entries["s0-p1-2"].source.endswith("الاجتماع مفيد.")


def test_an_interrupted_run_keeps_finished_chunks_and_resumes(site_with_article, monkeypatch):
    site = site_with_article
    for n in range(2, 5):
        site.article(f"2016-02-1{n}-more-{n}.txt", ARTICLE.replace("ميونيخ", f"جنيف {n}"))
    monkeypatch.setattr(fill_module, "CHUNK_SENTENCES", 4)  # one article (4 segments) per chunk
    with pytest.raises(KeyboardInterrupt):
        translate(site, MarkingTranslator(fail_on_call=3))
    saved = sorted(p.name for p in (site.root / "content" / "translations").glob("*.toml"))
    assert len(saved) == 2  # two chunks finished before the interruption
    second = MarkingTranslator()
    result, _ = translate(site, second)
    assert (result.translated, result.articles, second.calls) == (8, 2, 2)  # only what was left


def test_a_corrupt_memory_is_reported_and_left_alone(site_with_article):
    path = site_with_article.root / "content" / "translations" / "2016-02-13-lavrov.toml"
    path.write_text("format = 1\n[segments.title\n", encoding="utf-8")
    report = Report(stream=None)
    result, _ = translate(site_with_article, MarkingTranslator(), report)
    assert result.translated == 0
    assert str(report.diagnostics[0]).startswith(f"{path}:2: error: translation memory unreadable")
    assert path.read_text(encoding="utf-8") == "format = 1\n[segments.title\n"


def test_without_a_model_one_line_says_how_to_install_one_and_the_build_goes_on(site_with_article, capsys,
                                                                                 monkeypatch, tmp_path):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "none"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "none"))
    code, out, err = site_with_article.build(capsys, "--translate")
    assert code == 0
    [line] = [l for l in err.splitlines() if "argospm" in l]
    assert line.startswith("warning: no Arabic->English translation model is installed; "
                           "install one with `make model`, or `pip install 'nashra[translate]'` then `argospm update` "
                           "and `argospm install translate-ar_en`")
    assert line.endswith("building from the translation memory only")
    assert (site_with_article.output / "en" / "articles" / "2016-02-13-lavrov" / "index.html").exists()


def test_machine_translated_pages_are_labelled(site_with_article, capsys):
    translate(site_with_article, MarkingTranslator())
    assert site_with_article.build(capsys)[0] == 0
    page = site_with_article.page("en/articles/2016-02-13-lavrov/")
    assert 'class="seg machine" lang="en-x-mtfrom-ar"' in page
    assert "translated from Arabic by machine" in page
    assert "Machine translation" in site_with_article.page("en/")


def test_the_real_path_on_a_tiny_real_model_offline(site_with_article, capsys, tmp_path, monkeypatch):
    """Locate, load, protect names, batch-translate, restore, write the memory, render:
    with a real (tiny, random-weight) Argos package built here, and no network."""
    pytest.importorskip("ctranslate2")
    import socket

    from tests.support.argos_models import build_tiny_package

    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    archive = build_tiny_package(tmp_path / "model")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    site = site_with_article
    with (site.root / "site.toml").open("a", encoding="utf-8") as config:
        config.write(f'[translate]\nmodel = "{archive}"\nbatch_size = 2\nmax_decoding_length = 24\n')
    code, out, err = site.build(capsys, "--translate")
    assert code == 0, err
    assert "translating 4 segments of 1 articles with argos:translate-ar_en@" in err
    memory = load_memory(memory_path(site.root / "content" / "translations", "2016-02-13-lavrov"), "2016-02-13-lavrov")
    assert {e.provenance for e in memory.entries.values()} == {Provenance.MACHINE}
    assert all(e.engine.startswith("argos:translate-ar_en@") for e in memory.entries.values())
    # gibberish from random weights, but names come from the glossary whatever the model does
    title = memory.entries["title"].target
    assert "Lavrov" in title or "Lavrov" in err  # restored, or reported as lost for review
    page = site.page("en/articles/2016-02-13-lavrov/")
    assert 'lang="en-x-mtfrom-ar"' in page
    code, _, err = site.build(capsys, "--translate")
    assert "nothing to translate" in err  # a second run finds the memory complete


def test_progress_is_a_bar_on_a_terminal_and_log_lines_elsewhere():
    import io

    from generator.translate.mt.fill import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    log, terminal = io.StringIO(), Terminal()
    for stream in (log, terminal):
        progress = Progress(stream)
        for done in range(0, 101, 5):
            progress(done, 100)
    lines = log.getvalue().splitlines()
    assert len(lines) == 11  # every tenth, and the end
    assert lines[-1].startswith("translated 100/100 segments, ") and " segments/s, ETA " in lines[-1]
    assert terminal.getvalue().count("\r[") == 21 and terminal.getvalue().endswith("\n")
    assert "[##############################] translated 100/100" in terminal.getvalue()


def test_progress_reports_to_stderr_by_default(capsys):
    from generator.translate.mt.fill import Progress

    progress = Progress()
    progress(1, 1)
    assert capsys.readouterr().err.startswith("translated 1/1 segments, ")
