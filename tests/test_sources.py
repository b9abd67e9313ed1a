"""Reading article files: encodings, line endings, Unicode normalisation, front matter."""

import codecs
import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from generator.diagnostics import ContentError, Report
from generator.read.sources import decode, read_source

ARTICLE = "عنوان الخبر\r\n\r\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\r\n"
EXPECTED = "عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n"


def decoded(data: bytes):
    report = Report(stream=None)
    text, encoding = decode(data, Path("a.txt"), report)
    return text, encoding, [str(d) for d in report.diagnostics]


@pytest.mark.parametrize("data, encoding", [
    (ARTICLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16"),
])
def test_unicode_encodings_decode_silently_with_normalised_line_endings(data, encoding):
    assert decoded(data) == (EXPECTED, encoding, [])


def test_windows_1256_is_decoded_with_a_warning_naming_the_line():
    text, encoding, warnings = decoded(ARTICLE.encode("cp1256"))
    assert (text, encoding) == (EXPECTED, "windows-1256")
    assert warnings == ["a.txt:1: warning: not valid UTF-8; decoded as Windows-1256 (legacy Arabic). "
                        "Save the file as UTF-8 to silence this"]


def test_old_mac_line_endings_become_newlines():
    assert decoded("سطر\rسطر".encode())[0] == "سطر\nسطر"


def test_text_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "آمال")  # alef + combining madda
    assert decomposed != "آمال"
    assert decoded(decomposed.encode())[0] == "آمال"


def test_bytes_that_are_neither_utf8_nor_arabic_are_an_error_with_a_line():
    data = "سطر أول\n".encode() + bytes(range(0x80, 0xA0)) * 3
    with pytest.raises(ContentError) as error:
        decoded(data)
    assert error.value.line == 2
    assert "cannot decode" in str(error.value)


def test_nul_bytes_are_binary_not_text():
    with pytest.raises(ContentError, match="binary"):
        decoded(b"\x89PNG\r\n\x1a\n\x00\x00\x00")


def test_broken_utf16_is_an_error():
    with pytest.raises(ContentError, match="UTF-16"):
        decoded(codecs.BOM_UTF16_LE + b"\x00\xd8")  # lone surrogate


def read(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    report = Report(stream=None)
    return read_source(path, report), [str(d).replace(str(tmp_path) + "/", "") for d in report.diagnostics]


def test_front_matter_is_typed(tmp_path):
    source, problems = read(tmp_path, '+++\nslug = "talks"\ndate = 2016-02-13\ntopics = ["ceasefire"]\n'
                                      'title = "عنوان"\nsource = "https://example.org/a"\n+++\nنص\n')
    assert problems == []
    assert source.meta.slug == "talks"
    assert source.meta.date == dt.date(2016, 2, 13)
    assert source.meta.topics == ("ceasefire",)
    assert source.meta.title == "عنوان"
    assert (source.body, source.body_line) == ("نص\n", 8)


def test_unknown_front_matter_key_is_a_warning_on_its_line(tmp_path):
    _, problems = read(tmp_path, '+++\ndate = 2016-02-13\nauthr = "x"\n+++\nنص\n')
    assert problems == ["article.txt:3: warning: unknown front matter key 'authr' (known: slug, date, source, title, topics, speakers, draft, aliases)"]


@pytest.mark.parametrize("front_matter, line", [
    ('date = 2016-02-13\ntitle = = "x"\n', 3),
    ('date = 2016-02-13\ntitle = "no end\n', 3),
])
def test_broken_front_matter_is_an_error_on_its_line(tmp_path, front_matter, line):
    with pytest.raises(ContentError) as error:
        read(tmp_path, f"+++\n{front_matter}+++\nنص\n")
    assert error.value.line == line
    assert "not valid TOML" in str(error.value)


@pytest.mark.parametrize("slug", ["../../etc", "Has Space", "عربي", "a/b", ""])
def test_a_slug_that_is_not_plain_ascii_is_refused(tmp_path, slug):
    with pytest.raises(ContentError, match="slug must be lowercase ASCII"):
        read(tmp_path, f'+++\nslug = "{slug}"\n+++\nنص\n')


def test_unclosed_front_matter_is_an_error(tmp_path):
    with pytest.raises(ContentError, match="never closed"):
        read(tmp_path, '+++\ndate = 2016-02-13\nنص\n')
