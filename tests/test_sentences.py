"""The Arabic sentence splitter: sentences end at . ! ? ؟ … but not at commas, inside quotes,
at the `..` wire copy uses as a colon, after a one-letter abbreviation, or inside numbers."""

import pytest

from generator.text.arabic import match_key, split_sentences


def sentences(text):
    return [s for _, s in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("قال الوزير إن الاجتماع مثمر. وأضاف أن الحوار سيستمر.",
     ["قال الوزير إن الاجتماع مثمر.", "وأضاف أن الحوار سيستمر."]),
    ("هل انتهت الأزمة؟ لا أحد يعرف! ربما…", ["هل انتهت الأزمة؟", "لا أحد يعرف!", "ربما…"]),
    ("وصل الوفد، واجتمع بالوزير، ثم غادر.", ["وصل الوفد، واجتمع بالوزير، ثم غادر."]),
    ("وقال “سنواصل. ونأمل بالتقدم”. وانتهى اللقاء.", ["وقال “سنواصل. ونأمل بالتقدم”.", "وانتهى اللقاء."]),
    ("وقال «لن نتراجع. أبدا» ثم غادر.", ["وقال «لن نتراجع. أبدا» ثم غادر."]),
    ("قوله لوسائل الإعلام اليوم.. أن الاجتماع توصل الى التفاهم.", ["قوله لوسائل الإعلام اليوم.. أن الاجتماع توصل الى التفاهم."]),
    ("بلغت النسبة 3.5 بالمئة. وارتفعت لاحقا.", ["بلغت النسبة 3.5 بالمئة.", "وارتفعت لاحقا."]),
    ("التقى د. أحمد بالوفد. ثم عاد.", ["التقى د. أحمد بالوفد.", "ثم عاد."]),
    ("قال مسؤول في U.N. إن الوضع صعب.", ["قال مسؤول في U.N. إن الوضع صعب."]),
    ("انتهى الاجتماع.” ثم بدأ آخر.", ["انتهى الاجتماع.”", "ثم بدأ آخر."]),
])
def test_split(text, expected):
    assert sentences(text) == expected


def test_an_unbalanced_quote_does_not_swallow_the_paragraph():
    assert sentences("وقال “سنواصل العمل. وانتهى اللقاء.") == ["وقال “سنواصل العمل.", "وانتهى اللقاء."]


def test_offsets_point_into_the_paragraph():
    text = "جملة أولى.  جملة ثانية."
    assert [text[offset:offset + len(s)] for offset, s in split_sentences(text)] == sentences(text)


def test_match_key_folds_spelling_variants_but_keeps_words():
    assert match_key("ميونيخ") == match_key("ميونيخ")
    assert match_key("أمريكي") == match_key("امريكي")
    assert match_key("إيطاليا") == match_key("ايطاليا")
    assert match_key("مسؤولية") == match_key("مسءوليه")
    assert match_key("مُوسْكُو") == "موسكو"
    assert match_key("انتهى") == match_key("انتهي")


def test_a_paragraph_keeps_its_text_as_written_and_where_each_sentence_starts(tmp_path):
    from generator.diagnostics import Report
    from generator.read.parse import parse
    from generator.read.sources import read_source

    path = tmp_path / "a.txt"
    path.write_text("عنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع مثمر. وأضاف أن الحوار سيستمر.\n", encoding="utf-8")
    report = Report(stream=None)
    paragraph = parse(read_source(path, report), report).article.sections[0].paragraphs[0]
    assert paragraph.text == "قال الوزير إن الاجتماع مثمر. وأضاف أن الحوار سيستمر."
    assert [paragraph.text[start:start + len(s.ar)] for start, s in zip(paragraph.starts, paragraph.sentences)] == [
        s.ar for s in paragraph.sentences]
