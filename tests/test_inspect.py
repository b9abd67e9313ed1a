"""`build-site inspect PATH --json`: the parsed structure of one article, for editors and
tests: title, dateline, sections, dropped boilerplate, speakers and topics with evidence."""

import json

from generator.cli import main
from tests.support.sites import SAMPLE


def inspect(capsys, path):
    capsys.readouterr()
    code = main(["inspect", str(path), "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_the_sample_as_editors_see_it(capsys):
    code, data = inspect(capsys, SAMPLE)
    article = data["article"]
    assert (code, data["diagnostics"]) == (0, [])
    assert article["title"] == {"id": "title", "line": 6,
                                "text": "لافروف: اتفاق أمريكي روسي للتعاون العسكري في سياق الحرب ضد الإرهاب"}
    assert (article["dateline"]["place"], article["dateline"]["agency"]) == ("عواصم", "سانا")
    assert [s["heading"]["text"] if s["heading"] else None for s in article["sections"]][:2] == [
        None, "لافروف يدعو لتعاون عسكري ناجح بين موسكو وواشنطن لحل الأزمة في سورية"]
    assert len(article["sections"]) == 5  # the lead and four sub-headlines (tests/test_sample.py)
    assert article["sections"][1]["paragraphs"][0]["sentences"][0]["id"] == "s1-p1-1"
    assert [(d["line"], d["rule"]) for d in article["dropped"]] == [
        (4, "navigation"), (68, "call to action"), (70, "link"), (72, "call to action"),
        (74, "call to action"), (76, "call to action"), (78, "link")]
    speakers = {s["name_en"]: s for s in article["speakers"]}
    assert list(speakers) == ["Sergey Lavrov", "Gennady Gatilov", "Wang Yi", "Khawla Matar", "Jan Egeland",
                              "Paolo Gentiloni", "Dmitry Medvedev"]
    assert speakers["Sergey Lavrov"]["role"] == "وزير الخارجية الروسي"
    first = speakers["Gennady Gatilov"]["statements"][0]
    assert (first["segment"], first["paragraph"], first["kind"]) == ("s1-p5-1", "s1-p5", "reported")
    topics = {t["id"]: t for t in article["topics"]}
    assert "ceasefire" in topics and topics["ceasefire"]["label_en"] == "Ceasefire"
    assert topics["ceasefire"]["evidence"][0] == "s1-p2: وقف العمليات القتالية"


def test_an_unreadable_article_is_a_diagnostic_and_exit_1(capsys, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    code, data = inspect(capsys, path)
    assert code == 1 and data["article"] is None
    assert data["diagnostics"] == [{"path": str(path), "line": 1, "level": "error", "message": "the article is empty"}]


def test_the_plain_outline_shows_speakers_and_every_dropped_line_with_its_rule(capsys):
    capsys.readouterr()
    assert main(["inspect", str(SAMPLE)]) == 0
    outline = capsys.readouterr().out
    assert "title    لافروف: اتفاق أمريكي روسي للتعاون العسكري في سياق الحرب ضد الإرهاب" in outline
    assert "dateline عواصم / سانا" in outline
    assert "\nspeakers\n" in outline and "(sergey-lavrov)" in outline
    assert "\ntopics   " in outline
    dropped = outline.split("\ndropped\n")[1].splitlines()
    assert [line.split(":")[0] for line in dropped] == [
        "  line 4", "  line 68", "  line 70", "  line 72", "  line 74", "  line 76", "  line 78"]
    assert dropped[0].startswith("  line 4: navigation: ")
