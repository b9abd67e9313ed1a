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
