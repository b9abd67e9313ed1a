"""Structure, dates, boilerplate and speakers on wire copy in the shapes of real pages.

Each `<name>.txt` in tests/fixtures/wire/ is an article as pasted from an outlet's page
(SANA, WAM, SPA, KUNA, QNA, Petra, ONA, MENA, Youm7, Hespress, Anadolu, Reuters, ...),
reproducing the page's shape line for line with this project's own sentences; beside it,
`<name>.toml` gives its structure as written by hand. The reader's rules are general: no
rule names an outlet. Speakers are found with an empty gazetteer, as for a new user's site.
"""

import tomllib
import unicodedata
from pathlib import Path

import pytest

from generator.analyze.gazetteer import Gazetteer
from generator.analyze.knowledge import Knowledge, analyze
from generator.diagnostics import Report
from generator.read.parse import parse
from generator.read.sources import read_source

WIRE = Path(__file__).parent / "fixtures" / "wire"
EXPECTED = {path.with_suffix(".txt").name: tomllib.loads(path.read_text(encoding="utf-8"))
            for path in sorted(WIRE.glob("*.toml"))}


def cases(check: str, names=None) -> list:
    """The fixtures for one check; a known gap (`[gaps]` in the sidecar) is a strict xfail,
    so the day the reader handles it the test says so."""
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=EXPECTED[name]["gaps"][check]))
            if check in EXPECTED[name].get("gaps", {}) else name
            for name in sorted(EXPECTED if names is None else names)]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def parsed(name: str):
    report = Report(stream=None)
    return parse(read_source(WIRE / name, report), report).article


def all_text(article) -> list[str]:
    return [segment.ar for segment in article.segments()]


def test_every_fixture_has_its_expected_structure():
    assert sorted(EXPECTED) == sorted(path.name for path in WIRE.glob("*.txt"))


@pytest.mark.parametrize("name", cases("title"))
def test_title(name):
    assert parsed(name).title.ar == nfc(EXPECTED[name]["title"])


@pytest.mark.parametrize("name", cases("dateline"))
def test_dateline(name):
    article, expected = parsed(name), EXPECTED[name]
    if expected["dateline_place"] or expected["dateline_agency"]:
        assert (article.dateline.place, article.dateline.agency) == (
            nfc(expected["dateline_place"]), nfc(expected["dateline_agency"]))
    else:
        assert article.dateline is None


@pytest.mark.parametrize("name", cases("date"))
def test_date(name):
    article, expected = parsed(name), EXPECTED[name]
    assert (article.date.isoformat() if article.date else "") == expected["date"]


@pytest.mark.parametrize("name", cases("sections"))
def test_sections_and_paragraphs(name):
    article, expected = parsed(name), EXPECTED[name]
    assert [s.heading.ar for s in article.sections if s.heading] == [nfc(h) for h in expected["headings"]]
    assert article.sections[0].heading is None
    assert sum(len(s.paragraphs) for s in article.sections) == expected["paragraphs"]
    first = article.sections[0].paragraphs[0].text
    assert first.startswith(nfc(expected["first_paragraph_starts"]))


@pytest.mark.parametrize("name", cases("boilerplate"))
def test_no_boilerplate_in_output(name):
    text = "\n".join(all_text(parsed(name)))
    leaked = [line for line in EXPECTED[name]["boilerplate"] if nfc(line) in text]
    assert leaked == []


@pytest.mark.parametrize("name", cases("speakers", [n for n, e in EXPECTED.items() if "speakers" in e]))
def test_speakers_found_without_a_gazetteer(name):
    report = Report(stream=None)
    source = read_source(WIRE / name, report)
    article = analyze(parse(source, report).article, source.meta, Knowledge(Gazetteer(), {}), report)
    assert sorted(nfc(p.name_ar) for p in article.people) == sorted(nfc(n) for n in EXPECTED[name]["speakers"])


def _parsed_text(tmp_path, text: str):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    report = Report(stream=None)
    return parse(read_source(path, report), report).article, report


def test_the_date_the_copy_states_is_the_articles_date(tmp_path):
    article, report = _parsed_text(tmp_path, "الأرصاد تتوقع أمطارا رعدية\n"
                                   "جدة 14 جمادى الأولى 1437 هـ الموافق 23 فبراير 2016 م واس\n"
                                   "توقعت الرئاسة العامة للأرصاد هطول أمطار رعدية على عدة مناطق.\n")
    assert article.date.isoformat() == "2016-02-23"
    assert not [d for d in report.diagnostics if "no date" in d.message]


@pytest.mark.parametrize("text, date", [
    pytest.param("الأرصاد تتوقع أمطارا رعدية\nجدة 14 جمادى الأولى 1437 هـ واس\n"
                 "توقعت الرئاسة العامة للأرصاد هطول أمطار رعدية على عدة مناطق.\n", "2016-02-23",
                 id="a Hijri date alone is converted"),
    pytest.param("الجمعة 26 أبريل 2024\nمواقيت الصلاة\n\nالأرصاد تتوقع أمطارا رعدية على المرتفعات\n\n"
                 "7 يوليو 2011 12:01\nتوقعت الرئاسة العامة للأرصاد هطول أمطار رعدية على عدة مناطق.\n",
                 "2011-07-07", id="the date under the headline wins over the site's clock above it"),
    pytest.param("الأحد، 15 مارس 2020 11:20 ص\nالأرصاد تتوقع أمطارا رعدية على المرتفعات\n\n"
                 "توقعت الرئاسة العامة للأرصاد هطول أمطار رعدية على عدة مناطق.\n", "2020-03-15",
                 id="a date above the headline is the date when none is under it"),
])
def test_where_the_copy_states_its_date(tmp_path, text, date):
    article, _ = _parsed_text(tmp_path, text)
    assert article.date.isoformat() == date


def test_a_deck_ending_like_a_sentence_leaves_the_dateline_under_it(tmp_path):
    article, _ = _parsed_text(tmp_path, "رئيس البرلمان يهنئ الوكالة بذكرى تأسيسها\n\n"
                              "بالذكرى الـ 104 لتأسيسها..\n\nLefkoşa\n\nليفكوشا/الأناضول\n\n"
                              "قدم رئيس البرلمان تهانيه للوكالة بالذكرى السنوية لتأسيسها.\n")
    assert (article.dateline.place, article.dateline.agency) == ("ليفكوشا", "الأناضول")
    assert article.sections[0].paragraphs[0].text == "بالذكرى الـ 104 لتأسيسها.."


@pytest.mark.parametrize("text, place, agency, lead", [
    pytest.param("وزير الزراعة يفتتح سوقا جديدا للخضار\n\n"
                 "افتتح وزير الزراعة سوقا جديدا للخضار، وأكد أنه سيوفر فرص عمل.\n\n"
                 "حمص (سوريا) – سبوتنيك. قال الوزير في مؤتمر صحفي إن السوق يخدم الريف كله.\n",
                 "حمص (سوريا)", "سبوتنيك", "افتتح وزير الزراعة", id="inline, under a summary"),
    pytest.param("وزير الزراعة يفتتح سوقا جديدا للخضار\n\n"
                 "افتتح وزير الزراعة سوقا جديدا للخضار، وأكد أنه سيوفر فرص عمل.\n\n"
                 "السومرية نيوز/ بغداد\n"
                 "افتتح وزير الزراعة سوقا جديدا للخضار، وأكد أنه سيوفر فرص عمل لمئات الشباب.\n",
                 "بغداد", "السومرية نيوز", "افتتح وزير الزراعة", id="on its own line, under the lead printed first"),
])
def test_a_dateline_under_a_one_paragraph_summary_is_the_storys(tmp_path, text, place, agency, lead):
    article, _ = _parsed_text(tmp_path, text)
    assert (article.dateline.place, article.dateline.agency) == (place, agency)
    assert article.sections[0].paragraphs[0].text.startswith(lead)
    assert all(p.text != article.dateline.segment.ar for s in article.sections for p in s.paragraphs)


def test_a_place_opening_the_second_paragraph_without_an_agency_is_no_dateline(tmp_path):
    article, _ = _parsed_text(tmp_path, "وزير الزراعة يفتتح سوقا جديدا للخضار\n\n"
                              "افتتح وزير الزراعة سوقا جديدا للخضار، وأكد أنه سيوفر فرص عمل.\n\n"
                              "حمص - قال الوزير في مؤتمر صحفي إن السوق يخدم الريف كله.\n")
    assert article.dateline is None


def test_a_category_before_a_headline_with_its_speaker_is_no_dateline(tmp_path):
    article, _ = _parsed_text(tmp_path, "سياسي / أمير البلاد: بلادنا خرجت من الأزمة أكثر قوة وحضورا\n\n"
                              "الدوحة 29 ربيع الآخر 1447 هـ الموافق 21 أكتوبر 2025 م واس\n"
                              "أكد أمير البلاد أن بلاده خرجت من الأزمة أكثر قوة.\n")
    assert article.title.ar == "سياسي / أمير البلاد: بلادنا خرجت من الأزمة أكثر قوة وحضورا"
    assert (article.dateline.place, article.dateline.agency) == ("الدوحة", "واس")


def test_front_matter_date_wins_over_the_copy(tmp_path):
    article, _ = _parsed_text(tmp_path, "+++\ndate = 2016-02-24\n+++\nالأرصاد تتوقع أمطارا رعدية\n"
                              "الثلاثاء 23 فبراير 2016\n"
                              "توقعت الرئاسة العامة للأرصاد هطول أمطار رعدية على عدة مناطق.\n")
    assert article.date.isoformat() == "2016-02-24"


def test_no_date_in_the_copy_is_still_warned_about(tmp_path):
    article, report = _parsed_text(tmp_path, "الأرصاد تتوقع أمطارا رعدية\n"
                                   "توقعت الرئاسة العامة للأرصاد هطول أمطار رعدية يوم 23 فبراير.\n")
    assert article.date is None
    assert [d for d in report.diagnostics if "no date" in d.message]
