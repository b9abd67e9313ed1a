"""Boilerplate removal and structure on wire copy from other agencies than the sample's.

Each file in tests/fixtures/wire/ is an article as pasted from an agency's page; its
expected structure, written by hand, is in expected.toml. The rules are general, so these
articles (Anadolu, Reuters, SPA, RT, UN News, SANA) were never used to write them.
"""

import tomllib
import unicodedata
from pathlib import Path

import pytest

from generator.diagnostics import Report
from generator.parse import parse
from generator.sources import read_source

WIRE = Path(__file__).parent / "fixtures" / "wire"
EXPECTED = tomllib.loads((WIRE / "expected.toml").read_text(encoding="utf-8"))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def parsed(name: str):
    report = Report(stream=None)
    return parse(read_source(WIRE / name, report), report).article


def all_text(article) -> list[str]:
    return [segment.ar for segment in article.segments()]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title(name):
    assert parsed(name).title.ar == nfc(EXPECTED[name]["title"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dateline(name):
    article, expected = parsed(name), EXPECTED[name]
    if expected["dateline_place"]:
        assert (article.dateline.place, article.dateline.agency) == (
            nfc(expected["dateline_place"]), nfc(expected["dateline_agency"]))
    else:
        assert article.dateline is None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sections_and_paragraphs(name):
    article, expected = parsed(name), EXPECTED[name]
    assert [s.heading.ar for s in article.sections if s.heading] == [nfc(h) for h in expected["headings"]]
    assert article.sections[0].heading is None
    assert sum(len(s.paragraphs) for s in article.sections) == expected["paragraphs"]
    first = article.sections[0].paragraphs[0].text
    assert first.startswith(nfc(expected["first_paragraph_starts"]))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_boilerplate_in_output(name):
    text = "\n".join(all_text(parsed(name)))
    leaked = [line for line in EXPECTED[name]["boilerplate"] if nfc(line) in text]
    assert leaked == []


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


def test_a_hijri_date_alone_is_converted(tmp_path):
    article, _ = _parsed_text(tmp_path, "الأرصاد تتوقع أمطارا رعدية\n"
                              "جدة 14 جمادى الأولى 1437 هـ واس\n"
                              "توقعت الرئاسة العامة للأرصاد هطول أمطار رعدية على عدة مناطق.\n")
    assert article.date.isoformat() == "2016-02-23"


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
