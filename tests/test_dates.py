"""Dates in pasted news copy: Arabic month names of every region, numeric and ISO dates,
Hijri dates converted (Umm al-Qura) and the `الموافق` pair; never a guessed year, a score,
a time, a version or a telephone number."""

import datetime

import pytest

from generator.read.dates import DateMatch, find_dates, story_date

D = datetime.date


def dates(text):
    return [found.date for found in find_dates(text)]


@pytest.mark.parametrize("text, expected", [
    ("الثلاثاء 16 أبريل 2024", D(2024, 4, 16)),
    ("16 ابريل 2024", D(2024, 4, 16)),
    ("16 إبريل 2024", D(2024, 4, 16)),
    ("الثلاثاء، 16 أبريل، 2024 م.", D(2024, 4, 16)),
    ("الإثنين 15 فبراير 2016", D(2016, 2, 15)),
    ("23 فبراير 2016م", D(2016, 2, 23)),
    ("23 فبراير 2016 ميلادي", D(2016, 2, 23)),
    ("05 مايو 2016", D(2016, 5, 5)),
    ("9 ماي 2016", D(2016, 5, 9)),
    ("1 يونية 2016", D(2016, 6, 1)),
    ("1 يوليه 2016", D(2016, 7, 1)),
    ("1 اغسطس 2016", D(2016, 8, 1)),
    ("1 اكتوبر 2016", D(2016, 10, 1)),
    ("15 مـارس 2016", D(2016, 3, 15)),  # tatweel
    ("15 آذار/مارس 2016", D(2016, 3, 15)),
    ("15 آذار / مارس، 2016م", D(2016, 3, 15)),
    ("15 مارس آذار 2016", D(2016, 3, 15)),
    ("3 كانون الأول (ديسمبر) 2026", D(2026, 12, 3)),
    ("05/ سبتمبر/2024", D(2024, 9, 5)),  # slashes between day, month and year (Saba)
    ("1 كانون الثاني 2017", D(2017, 1, 1)),
    ("10 تشرين أول 2016", D(2016, 10, 10)),
    ("4 شباط 2016", D(2016, 2, 4)),
    ("4 نيسان 2016", D(2016, 4, 4)),
    ("4 أيار 2016", D(2016, 5, 4)),
    ("4 حزيران 2016", D(2016, 6, 4)),
    ("4 تموز 2016", D(2016, 7, 4)),
    ("15 آب 2016", D(2016, 8, 15)),
    ("4 أيلول 2016", D(2016, 9, 4)),
    ("7 جانفي 2016", D(2016, 1, 7)),
    ("3 فيفري 2016", D(2016, 2, 3)),
    ("20 أفريل 2016", D(2016, 4, 20)),
    ("15 جوان 2016", D(2016, 6, 15)),
    ("5 جويلية 2016", D(2016, 7, 5)),
    ("1 أوت 2016", D(2016, 8, 1)),
    ("12 شتنبر 2016", D(2016, 9, 12)),  # Moroccan
    ("15.03.2016", D(2016, 3, 15)),
    ("15/03/2016", D(2016, 3, 15)),
    ("15-3-2016", D(2016, 3, 15)),
    ("03/04/2016", D(2016, 4, 3)),  # day first
    ("2026-12-03", D(2026, 12, 3)),
    ("2026/12/03", D(2026, 12, 3)),
    ("2026-12-03 14:25", D(2026, 12, 3)),
    ("14 جمادى الأولى 1437 هـ", D(2016, 2, 23)),
    ("14 جمادى الاولى 1437هـ", D(2016, 2, 23)),
    ("1 رمضان 1437 ه", D(2016, 6, 6)),
    ("1 محرّم 1438 هجرية", D(2016, 10, 2)),
    ("1 ربيع الآخر 1437", D(2016, 1, 11)),
    ("1 ربيع الثاني 1437", D(2016, 1, 11)),
    ("1 ذو القعدة 1437 هـ", D(2016, 8, 4)),
    ("10 ذي الحجة 1437 هـ", D(2016, 9, 11)),
    ("١٦ أبريل ٢٠٢٤", D(2024, 4, 16)),
    ("١٥/٠٣/٢٠١٦", D(2016, 3, 15)),
    ("۱۵.۰۳.۲۰۱۶", D(2016, 3, 15)),
    ("١٤ جمادى الأولى ١٤٣٧ هـ", D(2016, 2, 23)),
])
def test_a_date_written_alone_is_found_whole(text, expected):
    assert find_dates(text) == (DateMatch(expected, 0, len(text), find_dates(text)[0].calendar, text),)


@pytest.mark.parametrize("text", [
    "32.13.2016", "31.04.2016", "2016-02-30", "30 فبراير 2016",  # impossible dates
    "30 جمادى الأولى 1437 هـ",  # a 29-day month in Umm al-Qura
    "3 رمضان 2016",  # a Gregorian year with a Hijri month: outside hijridate's years
    "في عام 2016", "2016",  # a year alone
    "وصل يوم 15 مارس", "15 آذار/مارس",  # a day and month with no year: never guessed
    "فاز الفريق 3-1", "النتيجة 2-1 في 2016",  # scores
    "الساعة 14:25", "في تمام 14:25:07",
    "الإصدار 5.1", "الإصدار 1.2.2016.4", "الإصدار 10.15.03.2016",
    "هاتف 0933-123-456", "هاتف +963 11 2233445", "هاتف 05-06-7788", "0096311-22-2016",
    "03/15/2016",  # month first
    "15/03/16",  # a two-digit year
    "15.03-2016",  # two separators
    "15 شباط/مارس 2016",  # the two names disagree
    "15\nمارس 2016",  # a date does not span lines
])
def test_not_a_date(text):
    assert find_dates(text) == ()


def test_the_calendar_written_is_kept():
    assert [found.calendar for found in find_dates("23 فبراير 2016، 14 جمادى الأولى 1437 هـ، 2016-02-23")] \
        == ["gregorian", "hijri", "gregorian"]


def test_spans_index_the_line():
    line = "دمشق-سانا: أعلنت الوزارة يوم الثلاثاء 16 أبريل 2024 عن خطة تبدأ في 1.5.2024 وتنتهي 2024-12-31."
    found = find_dates(line)
    assert [m.text for m in found] == ["الثلاثاء 16 أبريل 2024", "1.5.2024", "2024-12-31"]
    assert all(line[m.start:m.end] == m.text for m in found)
    assert found[0].start == line.index("الثلاثاء")


def test_the_time_of_a_numeric_date_is_in_its_span():
    assert [m.text for m in find_dates("نشر في 2026-12-03 14:25 ثم 2026-12-03T14:25:07.")] \
        == ["2026-12-03 14:25", "2026-12-03T14:25:07"]
    assert find_dates("2026-12-03 25:61")[0].text == "2026-12-03"  # no time: the date stays


def test_a_weekday_inside_a_word_is_not_part_of_the_date():
    assert find_dates("بالثلاثاء 16 أبريل 2024")[0].text == "16 أبريل 2024"


def test_hijri_followed_by_its_gregorian_gives_both():
    line = "الرياض 14 جمادى الأولى 1437 هـ الموافق 23 فبراير 2016 م واس"
    hijri, gregorian = find_dates(line)
    assert (hijri.calendar, hijri.date, hijri.text) == ("hijri", D(2016, 2, 23), "14 جمادى الأولى 1437 هـ")
    assert (gregorian.calendar, gregorian.date, gregorian.text) == ("gregorian", D(2016, 2, 23), "23 فبراير 2016 م")
    assert line[hijri.start:hijri.end] == hijri.text and line[gregorian.start:gregorian.end] == gregorian.text


def test_several_dates_in_order():
    assert dates("من 1 آذار 2016 إلى 15.04.2016 ثم ١ رمضان ١٤٣٧") == [D(2016, 3, 1), D(2016, 4, 15), D(2016, 6, 6)]


@pytest.mark.parametrize("pattern", ["1.", "12.3", "1-1", "1 مارس ", "الثلاثاء 1 "])
def test_a_hostile_line_is_scanned_in_linear_time(pattern):
    """Every quantifier is bounded, so 200 KB of a repeated fragment takes a fraction of a
    second; a backtracking pattern would not finish."""
    assert find_dates(pattern * (200_000 // len(pattern))) == ()


def test_story_date_prefers_the_gregorian_date():
    lines = ["الرياض 14 جمادى الأولى 1437 هـ الموافق 24 فبراير 2016 م واس", "نص الخبر"]
    assert story_date(lines).date == D(2016, 2, 24)


def test_story_date_takes_a_later_gregorian_over_an_earlier_hijri():
    lines = iter(["1 رمضان 1437 هـ", "مكة المكرمة 7 يونيو 2016 (واس)"])
    assert (story_date(lines).calendar, story_date(lines := ["1 رمضان 1437 هـ"]).date) == ("gregorian", D(2016, 6, 6))


def test_story_date_falls_back_to_the_hijri_date():
    found = story_date(["مكة المكرمة", "مكة المكرمة 1 رمضان 1437 هـ (واس) - أعلنت"])
    assert (found.calendar, found.date, found.text) == ("hijri", D(2016, 6, 6), "1 رمضان 1437 هـ")


def test_story_date_ignores_the_far_future_and_before_1900():
    lines = ["تنتهي الخطة في 1 يناير 2099", "منذ 15 مارس 1870", "دمشق 15 آذار 2016 سانا"]
    assert story_date(lines).date == D(2016, 3, 15)


def test_story_date_allows_tomorrow_but_not_the_day_after():
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    later = tomorrow + datetime.timedelta(days=1)
    assert story_date([later.isoformat(), tomorrow.isoformat()]).date == tomorrow
    assert story_date([later.isoformat()]) is None


def test_story_date_without_a_date():
    assert story_date(["بيروت (رويترز) - قال مسؤول يوم 15 مارس", "النتيجة 3-1"]) is None


LONG = "وأكد الوزير في كلمته أمام المؤتمر الذي عقد في العاصمة بحضور عدد كبير من المسؤولين والخبراء"


def test_a_date_deep_in_a_sentence_is_one_the_story_refers_to():
    assert story_date([f"{LONG} أن الوكالة تأسست ذات 1 ديسمبر 1961 في الجزائر."]) is None


def test_a_date_deep_in_a_sentence_counts_when_the_copy_says_it_is_today():
    assert story_date([f"{LONG} اليوم الأحد 15 مارس 2016."]).date == D(2016, 3, 15)
    assert story_date([f"{LONG} الاثنين 14 مارس 2016."]).date == D(2016, 3, 14)


def test_a_numeric_stamp_glued_to_a_paragraph_is_its_date():
    assert story_date([f"{LONG} الأولى. 04.03.2026, سبوتنيك عربي"]).date == D(2026, 3, 4)


def test_a_date_at_the_head_of_a_paragraph_is_its_dateline_date():
    assert story_date([f"دبي في 4 يناير 2016 /وام/ {LONG}"]).date == D(2016, 1, 4)
    assert story_date(["نشر في: الأحد 15 مارس 2016 - 10:30 ص"]).date == D(2016, 3, 15)
