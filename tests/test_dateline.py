"""Datelines in the shapes agencies write them, on their own line or opening the lead."""

import pytest

from generator.read.dateline import match_inline, match_own_line

OWN_LINE = [
    ("حمص-سانا", "حمص", "سانا"),
    ("أنقرة/ الأناضول", "أنقرة", "الأناضول"),
    ("إسطنبول/ أحمد يلماز/ الأناضول", "إسطنبول", "الأناضول"),
    ("بيروت (رويترز) -", "بيروت", "رويترز"),
    ("الرياض 14 جمادى الأولى 1437 هـ الموافق 23 فبراير 2016 م واس", "الرياض", "واس"),
    ("مسقط ـ العُمانية:", "مسقط", "العُمانية"),  # a tatweel standing for the dash
    ("واس - الرياض:", "الرياض", "واس"),  # the agency first
    ("الدوحة - قنا", "الدوحة", "قنا"),
    ("أسوان _ هبة الله منصور", "أسوان", ""),  # a governorate and its reporter, no agency
    ("بغداد - واع - آمنة السلامي", "بغداد", "واع"),  # place, agency, reporter
    ("شفق نيوز- بغداد", "بغداد", "شفق نيوز"),  # the outlet first, named as one
    ("كفر الشيخ - إسلام عمار:", "كفر الشيخ", ""),  # the place and its reporter, named
]
INLINE = [
    ("موسكو-سانا أكد الوزير", "موسكو", "سانا", "أكد الوزير"),
    ("بيروت (رويترز) - قال مسؤول", "بيروت", "رويترز", "قال مسؤول"),
    ("دبي في 4 يناير /وام/ أكد المدير", "دبي", "وام", "أكد المدير"),
    ("جوهانسبرغ في 22 نوفمبر/ وام / التقى الوفد", "جوهانسبرغ", "وام", "التقى الوفد"),
    ("الكويت - 29 - 7 (كونا) -- استذكر المجلس", "الكويت", "كونا", "استذكر المجلس"),
    ("عمان 3 كانون الأول (بترا)- قال الوزير", "عمان", "بترا", "قال الوزير"),
    ("القاهرة - مباشر: قررت البورصة", "القاهرة", "مباشر", "قررت البورصة"),
    ("الدوحة - قنا- توجه الرئيس", "الدوحة", "قنا", "توجه الرئيس"),
    ("رام الله 11-11-2020 وفا- تلقى الرئيس", "رام الله", "وفا", "تلقى الرئيس"),
    ("أبوظبي في الأول من ديسمبر/ وام/ قال المستشار", "أبوظبي", "وام", "قال المستشار"),  # an ordinal day
    ("دبي في الحادي والعشرين من مارس /وام/ أعلنت", "دبي", "وام", "أعلنت"),
    ("لندن- “القدس العربي”: كشف موقع", "لندن", "القدس العربي", "كشف موقع"),  # the outlet in quotes
    ("كولومبو (سريلانكا) – سبوتنيك. قال الوزير", "كولومبو (سريلانكا)", "سبوتنيك", "قال الوزير"),
    ("موسكو — سبوتنيك. وبحسب المتحدث", "موسكو", "سبوتنيك", "وبحسب المتحدث"),  # a full stop after the agency
    ("بكين 24 فبراير 2016 / ذكرت متحدثة", "بكين", "", "ذكرت متحدثة"),  # a place, its date, a slash
]


@pytest.mark.parametrize("line, place, agency", OWN_LINE)
def test_a_dateline_on_its_own_line(line, place, agency):
    found = match_own_line(line)
    assert (found.place, found.agency, found.rest) == (place, agency, "")


@pytest.mark.parametrize("paragraph, place, agency, rest", INLINE)
def test_a_dateline_opening_the_lead(paragraph, place, agency, rest):
    found = match_inline(paragraph)
    assert (found.place, found.agency, found.rest) == (place, agency, rest)


@pytest.mark.parametrize("line", [
    "عنوان الخبر رقم 2 (محدث)",  # a number and a bracket make no dated dateline
    "الرئيس يستقبل وفدا من رجال الأعمال (صور)",
    "قال الوزير إن الاجتماع كان مثمرا.",
    "تحديث _ 12 مارس 2020 _ 10:30",  # underscores around digits: a time stamp, no reporter
])
def test_a_headline_is_no_dateline(line):
    assert match_own_line(line) is None


@pytest.mark.parametrize("paragraph", [
    "وقال الوزير إن الأمر - كما قال: صعب",  # a dash and a colon deep in a sentence
    "قال الوزير في 4 يناير إن الاتفاق صعب",
    "أكد الوزير-الذي وصل أمس-أن الاتفاق صعب",
])
def test_a_sentence_is_no_dateline(paragraph):
    assert match_inline(paragraph) is None
