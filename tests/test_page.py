"""`read_page`: which lines of a pasted page are the story, which is its headline, and which
are furniture that shows only against the whole page.

Pages are built as `parse` builds wire copy: one block per non-empty line, numbered by its
line in the file, so a blank line between two lines is a gap in the numbers (`""` below).
The sentences are written for these tests.
"""

import pytest

from generator.read.headline import is_deck, opens_story
from generator.read.lines import Block
from generator.read.page import read_page

HEADLINE = "وزير الزراعة يفتتح سوقا جديدا للخضار في ريف المحافظة"
LEAD = "افتتح وزير الزراعة اليوم الأحد سوقا جديدا للخضار والفواكه في ريف المحافظة بكلفة بلغت مليوني دولار."
SECOND = "وقال الوزير في كلمة خلال الافتتاح إن السوق سيوفر فرص عمل لمئات الشباب من أبناء المنطقة."
THIRD = "وأضاف أن الوزارة تعمل على إنشاء أسواق مماثلة في ثلاث محافظات أخرى خلال العام المقبل."
# Other stories' headlines, as a ticker or a "most read" box prints them.
OTHER_HEADLINES = [
    "ارتفاع أسعار الذهب في الأسواق المحلية اليوم",
    "الجيش يعلن السيطرة على بلدة جديدة في الريف",
    "المنتخب الوطني يفوز على ضيفه في تصفيات كأس العالم",
    "انخفاض درجات الحرارة في معظم المناطق غدا",
]


def blocks(*lines: str) -> list[Block]:
    """One block per line, numbered from 1; an empty string is a blank line."""
    return [Block(number, text) for number, text in enumerate(lines, 1) if text]


def read(*lines: str):
    return read_page(blocks(*lines), wire=True)


def body(page) -> list[str]:
    return [block.text for block in page.body]


def dropped(page) -> list[tuple[int, str]]:
    return [(line, rule) for line, rule, _ in page.dropped]


# --- repeated line --------------------------------------------------------------------------

def test_a_short_caption_printed_twice_is_dropped_in_both_copies():
    page = read(HEADLINE, "", LEAD, "", "سوق الخضار الجديد", "سوق الخضار الجديد", SECOND, "", THIRD)
    assert dropped(page) == [(5, "repeated line"), (6, "repeated line")]
    assert body(page) == [LEAD, SECOND, THIRD]


def test_a_longer_line_printed_twice_apart_is_dropped_in_its_later_copy_only():
    caption = "الوزير يتجول في أرجاء السوق الجديد"
    page = read(HEADLINE, "", LEAD, "", caption, "", SECOND, "", caption)
    assert dropped(page) == [(9, "repeated line")]
    assert body(page) == [LEAD, caption, SECOND]


@pytest.mark.parametrize("alt, caption, rules", [
    pytest.param("الوزير يتجول في أرجاء السوق الجديد", "الوزير يتجول في أرجاء السوق الجديد",
                 [(5, "photo caption"), (6, "repeated line")], id="the same words"),
    pytest.param("الوزير سامي العلي،", "الوزير سامي العلي، وزير الزراعة",
                 [(5, "photo caption"), (6, "photo caption")], id="the caption longer"),
])
def test_a_short_line_printed_again_on_the_next_line_is_a_photos_alt_text_and_caption(alt, caption, rules):
    page = read(HEADLINE, "", LEAD, "", alt, caption, SECOND)
    assert dropped(page) == rules
    assert body(page) == [LEAD, SECOND]


def test_a_paragraph_printed_again_with_a_credit_on_the_next_line_is_a_caption_however_long():
    page = read(HEADLINE, "", LEAD, "", SECOND, SECOND + " © مراقبون", "", THIRD)
    assert dropped(page) == [(5, "photo caption"), (6, "credit")]
    assert body(page) == [LEAD, THIRD]


def test_the_headline_printed_again_later_is_dropped_and_the_first_copy_is_the_headline():
    page = read(HEADLINE, "", LEAD, "", SECOND, "", HEADLINE, "", THIRD)
    assert page.headline == Block(1, HEADLINE)
    assert dropped(page) == [(7, "repeated line")]
    assert body(page) == [LEAD, SECOND, THIRD]


def test_the_headline_printed_again_with_a_caption_glued_to_it_is_dropped():
    page = read(HEADLINE, "", HEADLINE + " الوزير خلال الافتتاح", "", LEAD, "", SECOND)
    assert page.headline == Block(1, HEADLINE)
    assert dropped(page) == [(3, "repeated line")]
    assert body(page) == [LEAD, SECOND]


def test_a_paragraph_opening_with_the_headlines_words_is_story():
    paragraph = HEADLINE + " بكلفة بلغت مليوني دولار."
    page = read(HEADLINE, "", paragraph, "", SECOND)
    assert dropped(page) == []
    assert body(page) == [paragraph, SECOND]


# --- link list ------------------------------------------------------------------------------

def test_four_adjacent_headline_like_lines_above_the_lead_are_a_link_list():
    page = read(*OTHER_HEADLINES, "", HEADLINE, "", LEAD, "", SECOND)
    assert dropped(page) == [(1, "link list"), (2, "link list"), (3, "link list"), (4, "link list")]
    assert page.headline == Block(6, HEADLINE)
    assert body(page) == [LEAD, SECOND]


def test_a_line_dropped_inside_the_run_does_not_break_the_link_list():
    page = read(*OTHER_HEADLINES[:2], "إعلان", *OTHER_HEADLINES[2:], "", HEADLINE, "", LEAD)
    assert dropped(page) == [(1, "link list"), (2, "link list"), (3, "advertisement"),
                             (4, "link list"), (5, "link list")]
    assert page.headline == Block(7, HEADLINE)


def test_three_adjacent_headline_like_lines_are_no_link_list():
    page = read(*OTHER_HEADLINES[:3], "", HEADLINE, "", LEAD)
    assert "link list" not in {rule for _, rule in dropped(page)}


def test_headline_like_lines_separated_by_blank_lines_are_no_link_list():
    page = read(OTHER_HEADLINES[0], "", OTHER_HEADLINES[1], "", OTHER_HEADLINES[2], "", OTHER_HEADLINES[3],
                "", HEADLINE, "", LEAD)
    assert "link list" not in {rule for _, rule in dropped(page)}


def test_adjacent_headline_like_lines_after_the_lead_are_no_link_list():
    page = read(HEADLINE, "", LEAD, *OTHER_HEADLINES, SECOND)
    assert "link list" not in {rule for _, rule in dropped(page)}


# --- related links under a read-more cue ----------------------------------------------------

def test_headlines_listed_under_read_also_are_related_links_until_a_sentence():
    page = read(HEADLINE, "", LEAD, "", "اقرأ أيضاً:", *OTHER_HEADLINES[:2], "", SECOND)
    assert dropped(page) == [(5, "read more"), (6, "related link"), (7, "related link")]
    assert body(page) == [LEAD, SECOND]


def test_headlines_after_a_closing_cue_are_related_links_across_blank_lines():
    page = read(HEADLINE, "", LEAD, "", SECOND, "", "ترشيحات..", "", OTHER_HEADLINES[0], "", OTHER_HEADLINES[1])
    assert dropped(page) == [(7, "read more"), (9, "related link"), (11, "related link")]
    assert body(page) == [LEAD, SECOND]


def test_another_storys_headline_and_opening_after_a_closing_cue_are_related_links():
    teaser = "حمص-سانا افتتح وزير الزراعة اليوم سوقا للزهور في المدينة …"
    page = read(HEADLINE, "", LEAD, "", SECOND, "", "انظر ايضاً", "", OTHER_HEADLINES[0], "", teaser)
    assert dropped(page) == [(7, "read more"), (9, "related link"), (11, "related link")]
    assert body(page) == [LEAD, SECOND]


def test_a_sentence_after_the_cue_leaves_the_lines_after_it_story():
    page = read(HEADLINE, "", LEAD, "", "اقرأ أيضاً:", "", "سوق جديد في الريف", "", SECOND)
    assert dropped(page) == [(5, "read more")]
    assert body(page) == [LEAD, "سوق جديد في الريف", SECOND]


def test_the_title_after_a_video_players_running_time_is_another_storys():
    video = "مسائية: كيف تدير الوزارة أسواق الخضار في الأرياف؟"
    page = read(HEADLINE, "", LEAD, "", "مشاهدة الفيديو 24:49", "", video, "", SECOND)
    assert dropped(page) == [(5, "prompt"), (7, "video title")]
    assert body(page) == [LEAD, SECOND]


def test_a_most_read_box_above_the_headline_leaves_the_headline():
    page = read("الأكثر قراءة", *OTHER_HEADLINES, "", HEADLINE, "", LEAD, "", SECOND)
    assert page.headline == Block(7, HEADLINE)


# --- page header ----------------------------------------------------------------------------

def test_the_site_name_and_a_category_above_the_headline_are_the_page_header():
    page = read("نبض الأردن الإخباري", "الثقافة والفنون", HEADLINE, LEAD, SECOND)
    assert page.headline == Block(3, HEADLINE)
    assert dropped(page) == [(1, "page header"), (2, "page header")]
    assert body(page) == [LEAD, SECOND]


def test_a_breadcrumb_above_the_headline_is_navigation():
    page = read("الرئيسية » اقتصاد » عربي ودولي", "", HEADLINE, "", LEAD)
    assert page.headline == Block(3, HEADLINE)
    assert dropped(page) == [(1, "navigation")]


def test_a_numbered_skip_menu_above_the_headline_is_no_lead():
    page = read("1. تخطي إلى المحتوى", "2. تخطي إلى القائمة الرئيسية", "", HEADLINE, "", LEAD, "", SECOND)
    assert page.headline == Block(4, HEADLINE)
    assert dropped(page) == [(1, "prompt"), (2, "prompt")]
    assert body(page) == [LEAD, SECOND]


def test_a_date_line_and_a_byline_around_the_headline():
    page = read("الأحد، 15 مارس 2020 11:20 ص", HEADLINE, "كتب محمود عبد الراضي", "", LEAD, "", SECOND)
    assert page.headline == Block(2, HEADLINE)
    assert dropped(page) == [(1, "date line"), (3, "byline")]
    assert body(page) == [LEAD, SECOND]


def test_a_greeting_with_the_days_date_is_no_date_line():
    greeting = "صباح الخير، إليكم أبرز مستجدات الثلاثاء 30 آذار 2021"
    page = read(HEADLINE, "", LEAD, "", greeting, "", SECOND)
    assert dropped(page) == []


def test_a_dateline_with_its_date_is_no_date_line():
    page = read(HEADLINE, "", "الرياض 14 مايو 2024 واس", LEAD, "", SECOND)
    assert dropped(page) == []


# --- page footer and site footer ------------------------------------------------------------

def test_short_lines_after_the_last_sentence_are_the_page_footer():
    page = read(HEADLINE, "", LEAD, "", SECOND, "", "الزراعة", "أسواق الخضار", "ريف المحافظة")
    assert dropped(page) == [(7, "page footer"), (8, "page footer"), (9, "page footer")]
    assert body(page) == [LEAD, SECOND]


def test_two_headlines_after_the_last_sentence_are_the_page_footer_however_long():
    page = read(HEADLINE, "", LEAD, "", SECOND, "", 'وزير الاقتصاد: الانتهاكات المتكررة لقواعد التجارة تدفع الأسواق نحو "فوضى"',
                "", OTHER_HEADLINES[0])
    assert dropped(page) == [(7, "page footer"), (9, "page footer")]
    assert body(page) == [LEAD, SECOND]


def test_an_agency_sign_off_after_the_last_sentence_is_dropped_as_one():
    page = read(HEADLINE, "", LEAD, "", SECOND, "", "--(بترا) ر ع/ م ح", "20:14ت م")
    assert dropped(page) == [(7, "sign-off"), (8, "end mark")]
    assert body(page) == [LEAD, SECOND]


def test_a_sub_headline_between_paragraphs_is_no_page_footer():
    subheading = "مذكرة تفاهم للتعاون في مجال النقل البحري"
    page = read(HEADLINE, "", LEAD, "", subheading, "", SECOND, "", THIRD)
    assert dropped(page) == []
    assert body(page) == [LEAD, subheading, SECOND, THIRD]


def test_the_site_speaking_of_itself_after_the_end_mark_is_the_site_footer():
    about = "يعرض الموقع الإلكتروني للوكالة أحدث الأخبار المحلية والدولية على مدار الساعة."
    page = read(HEADLINE, "", LEAD, "", SECOND, "", "يتبع", "", about)
    assert dropped(page) == [(7, "end mark"), (9, "site footer")]
    assert body(page) == [LEAD, SECOND]


@pytest.mark.parametrize("after", [
    [],
    ["", "تابعونا على فيسبوك :", "https://www.facebook.com/example.news"],
], ids=["last on the page", "before the follow-us block"])
def test_a_story_paragraph_quoting_the_agency_is_no_site_footer(after):
    quote = "وقال مدير السوق لوكالة الأنباء الرسمية إن الأسعار ستكون في متناول الجميع."
    page = read(HEADLINE, "", LEAD, "", SECOND, "", quote, *after)
    assert body(page) == [LEAD, SECOND, quote]


# --- site UI --------------------------------------------------------------------------------

def test_short_latin_lines_in_an_arabic_page_are_site_ui():
    page = read("TT", "Exit mobile version", HEADLINE, "", LEAD, "", SECOND, "", "video")
    assert dropped(page) == [(1, "site UI"), (2, "site UI"), (9, "site UI")]
    assert page.headline == Block(3, HEADLINE)
    assert body(page) == [LEAD, SECOND]


def test_a_long_latin_quote_and_a_latin_name_in_arabic_text_are_story():
    quote = "We will not give up on our farmers this year"
    named = "وأكد أن الشركة السورية للنقل البحري (SYRIAMAR) ستنقل المعدات."
    page = read(HEADLINE, "", LEAD, "", quote, "", named, "", SECOND)
    assert dropped(page) == []
    assert body(page) == [LEAD, quote, named, SECOND]


# --- photo caption --------------------------------------------------------------------------

@pytest.mark.parametrize("line, rule", [
    pytest.param("الوزير خلال افتتاح السوق (رويترز)", "photo caption", id="an agency in brackets"),
    pytest.param("سوق الخضار في المحافظة - أرشيفية", "photo caption", id="a dash and archive"),
    pytest.param("جانب من السوق الجديد (صورة أرشيفية)", "photo caption", id="an archive photo in brackets"),
    pytest.param("الوزير خلال افتتاح السوق صورة من: Ali Haider/dpa", "photo caption", id="a credit after its cue"),
    pytest.param("وزير الزراعة في السوق الجديد 2 يونيو 2016. - صورة أرشيف", "photo caption",
                 id="an archive photo after a dash"),
    pytest.param("جانب من السوق الجديد الصورة: أ ف ب", "photo caption", id="the photo: and an agency"),
    pytest.param("وزير الزراعة يتجول بين بسطات الخضار في السوق الجديد الذي افتتحه صباح اليوم في ريف "
                 "المحافظة برفقة محافظها وعدد من أعضاء مجلس المحافظة والمزارعين تصوير : سامر فهمي",
                 "photo caption", id="long, with its photographer"),
    pytest.param("بائع خضار يرتب بضاعته في السوق الجديد صباح اليوم لأن الموسم بدأ مبكرا هذا العام "
                 "في ريف المحافظة كلها _ \"أ ب\"", "photo caption", id="long, an agency after an underscore"),
    pytest.param("سامي العلي - سبوتنيك عربي", "photo caption", id="an alt text with the site's name"),
    pytest.param("الأحد 30-10-2016 22:27 | كتب: سامر فهمي |", "date line", id="a date, a time and a byline"),
    pytest.param("تم نشره في السبت 28 آذار / مارس 2015. 03:00 مساءً", "date line",
                 id="published on, with a full stop"),
    pytest.param("Kemal Yilmaz, Can Demir | 07.04.2024 - محدث : 08.04.2024", "date line",
                 id="reporters and an update"),
])
def test_a_caption_or_a_date_line_below_the_headline_is_dropped_by_its_rule(line, rule):
    page = read(HEADLINE, "", LEAD, "", line, "", SECOND)
    assert dropped(page) == [(5, rule)]
    assert body(page) == [LEAD, SECOND]


@pytest.mark.parametrize("line", [
    pytest.param("الوزير يتفقد السوق الجديد (فيديو)", id="a video announced"),
    pytest.param("وقال مسؤول إن السوق سيفتح أبوابه غدا (رويترز).", id="a sentence ending like one"),
])
def test_a_media_announcement_or_a_sentence_with_a_credit_is_no_caption(line):
    page = read(HEADLINE, "", LEAD, "", line, "", SECOND)
    assert dropped(page) == []
    assert body(page) == [LEAD, line, SECOND]


def test_a_line_above_the_lead_ending_with_a_photo_agencys_credit_is_a_caption():
    page = read("القصف استمر على المدينة حتى مع زيارة الوفد (الأوروبية)", "", LEAD, "", SECOND)
    assert page.headline is None
    assert dropped(page) == [(1, "photo caption")]


def test_a_line_shaped_like_a_caption_above_the_lead_is_the_headline():
    updated = "الحكومة ترفع أسعار الوقود بنسبة عشرة بالمئة (محدث)"
    page = read(updated, "", LEAD, "", SECOND)
    assert page.headline == Block(1, updated)
    assert dropped(page) == []


def test_a_headline_announcing_photos_stays_the_headline():
    page = read(HEADLINE + " (صور)", "", LEAD, "", SECOND)
    assert page.headline == Block(1, HEADLINE + " (صور)")
    assert dropped(page) == []


# --- teaser ---------------------------------------------------------------------------------

def test_two_or_more_last_lines_cut_with_an_ellipsis_are_teasers():
    page = read(HEADLINE, "", LEAD, "", SECOND, "",
                "تستقبل موانئ البحر الأحمر سفنا محملة بالقمح نحو...", "",
                "أعلنت وزارة الصحة عن حملة تلقيح جديدة تشمل…")
    assert dropped(page) == [(7, "teaser"), (9, "teaser")]
    assert body(page) == [LEAD, SECOND]


def test_a_single_last_line_cut_with_an_ellipsis_stays_story():
    end = "وأشار الوزير إلى أن العمل جار على توسيع السوق نحو..."
    page = read(HEADLINE, "", LEAD, "", SECOND, "", end)
    assert dropped(page) == []
    assert body(page) == [LEAD, SECOND, end]


def test_an_omission_mark_is_no_cut():
    lines = ["وقال الوزير إن السوق سيفتح أبوابه (...) خلال أيام", "وأضاف أن العمل مستمر (...)"]
    page = read(HEADLINE, "", LEAD, "", SECOND, "", lines[0], "", lines[1])
    assert dropped(page) == []
    assert body(page) == [LEAD, SECOND, *lines]


# --- embedded post --------------------------------------------------------------------------

def test_an_embedded_post_and_its_signature_line_are_dropped():
    post = "Proud to open the new vegetable market today with our farmers"
    signature = "— Ministry of Agriculture (@example_agri) March 15, 2020"
    page = read(HEADLINE, "", LEAD, "", post, signature, "", SECOND)
    assert dropped(page) == [(5, "embedded post"), (6, "embedded post")]
    assert body(page) == [LEAD, SECOND]


# --- the headline ---------------------------------------------------------------------------

def test_a_line_printed_again_is_the_headline_over_a_longer_one():
    short = "الوزير يفتتح سوق الخضار الجديد"
    page = read(short, HEADLINE, "", LEAD, "", SECOND, "", short)
    assert page.headline == Block(1, short)
    assert body(page) == [HEADLINE, LEAD, SECOND]  # the longer line stays, as a deck
    assert dropped(page) == [(8, "repeated line")]


def test_the_headline_printed_whole_above_a_copy_cut_short_is_the_whole():
    cut = " ".join(HEADLINE.split()[:-2])
    page = read(HEADLINE, "", "أخبار العالم", "", cut, "", LEAD, "", SECOND)
    assert page.headline == Block(1, HEADLINE)
    assert (5, "repeated line") in dropped(page)


def test_a_photos_alt_text_and_caption_printed_twice_are_no_headline():
    caption = "سامي العلي وزير الدولة للزراعة"
    page = read(HEADLINE, "", caption, caption, "", LEAD, "", SECOND)
    assert page.headline == Block(1, HEADLINE)
    assert body(page) == [LEAD, SECOND]


def test_the_browsers_title_bar_above_the_headline_is_not_the_headline():
    page = read(HEADLINE + " | أخبار | الموقع | 19.07.2019", "", HEADLINE, "", LEAD, "", SECOND)
    assert page.headline == Block(3, HEADLINE)
    assert dropped(page) == [(1, "page header")]


def test_a_headline_over_a_longer_deck_stays_the_headline():
    deck = "صنعاء: مصادر تؤكد وصول الدعم إلى المحافظة.. والوزارة تعد بالمزيد من الأسواق في الريف"
    page = read(HEADLINE, "", deck, "", LEAD, "", SECOND)
    assert page.headline == Block(1, HEADLINE)
    assert body(page) == [deck, LEAD, SECOND]


def test_else_the_longest_headline_like_line_is_the_headline():
    page = read("الوزير يفتتح السوق الجديد", "", HEADLINE, "", LEAD, "", SECOND)
    assert page.headline == Block(3, HEADLINE)
    assert dropped(page) == [(1, "page header")]


def test_a_short_headline_stands_when_no_line_of_four_words_reads_like_one():
    page = read("انفجار في الميناء", "", LEAD, "", SECOND)
    assert page.headline == Block(1, "انفجار في الميناء")


def test_a_short_line_with_digits_is_no_headline():
    page = read("22 الاعلامي", "", LEAD, "", SECOND)  # a view count and a category
    assert page.headline is None


def test_a_date_line_longer_than_the_headline_is_never_the_headline():
    short = "الوزير يفتتح السوق الجديد اليوم"
    page = read("آخر تحديث: الأحد 15 مارس 2020 - 11:20 صباحا", "", short, "", LEAD, "", SECOND)
    assert page.headline == Block(3, short)
    assert dropped(page) == [(1, "date line")]


@pytest.mark.parametrize("dateline", [
    pytest.param("موسكو-سانا", id="SANA"),
    pytest.param("الرياض 14 جمادى الأولى 1437 هـ الموافق 23 فبراير 2016 م واس", id="SPA, with two dates"),
    pytest.param("مسقط ـ العُمانية:", id="ONA, with a tatweel for the dash"),
])
def test_a_dateline_is_never_the_headline(dateline):
    page = read(dateline, "", LEAD, "", SECOND)
    assert page.headline is None
    assert body(page) == [dateline, LEAD, SECOND]


def test_under_the_lead_a_dateline_shaped_line_naming_a_person_is_an_alt_text():
    page = read(HEADLINE, "", LEAD, "", "سامي العلي - سبوتنيك", "", SECOND)
    assert dropped(page) == [(5, "photo caption")]
    assert body(page) == [LEAD, SECOND]


def test_the_line_under_a_dateline_opening_the_page_is_the_lead_not_a_headline():
    cut = "افتتح وزير الزراعة اليوم الأحد سوقا جديدا للخضار والفواكه في ريف المحافظة بكلفة"
    page = read("حمص-سانا", cut, "بلغت مليوني دولار.", SECOND)
    assert page.headline is None
    assert body(page) == ["حمص-سانا", cut, "بلغت مليوني دولار.", SECOND]


def test_a_dateline_under_the_headline_stays_in_the_body():
    page = read(HEADLINE, "", "موسكو-سانا", "", LEAD, "", SECOND)
    assert page.headline == Block(1, HEADLINE)
    assert body(page) == ["موسكو-سانا", LEAD, SECOND]


def test_a_page_starting_at_its_lead_has_no_headline():
    page = read(LEAD, "", SECOND, "", THIRD)
    assert page.headline is None
    assert body(page) == [LEAD, SECOND, THIRD]
    assert dropped(page) == []


def test_a_markdown_page_has_its_first_block_as_title_chosen_by_no_rule():
    page = read_page([Block(1, LEAD), Block(3, HEADLINE), Block(5, SECOND)], wire=False)
    assert page.headline == Block(1, LEAD)
    assert body(page) == [HEADLINE, SECOND]


# --- opens_story ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, opens", [
    pytest.param(LEAD, True, id="a lead ending with a full stop"),
    pytest.param("وقال الوزير في بيان:", True, id="three words ending with a colon"),
    pytest.param(" ".join(["السوق"] * 41), True, id="longer than a headline, with no full stop"),
    pytest.param("أعلن الوزير عن خطة جديدة للنقل. 04.03.2026, سبوتنيك عربي", True,
                 id="a whole sentence, then a date and the outlet"),
    pytest.param("وتساءل الوزير في كلمته أمام المجلس عن أسباب تأخر تنفيذ المشروع حتى الآن؟", True,
                 id="a question longer than twelve words"),
    pytest.param(HEADLINE, False, id="a headline"),
    pytest.param("هل تنجح الحكومة في خفض الأسعار؟", False, id="a headline asking"),
    pytest.param("المتوسط:", False, id="a one-word label"),
    pytest.param("مسقط ـ العُمانية:", False, id="a dateline ending with a colon"),
    pytest.param("السعر 3.5 دولار للكيلو في السوق", False, id="a decimal is no full stop"),
])
def test_opens_story_ends_like_a_statement_runs_long_or_holds_a_sentence(text, opens):
    assert opens_story(Block(1, text)) == opens


def test_a_marked_heading_never_opens_the_story():
    assert not opens_story(Block(1, LEAD, heading=True))


# --- is_deck --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, deck", [
    pytest.param("السفير السعودي: تطوير للشراكة بين البلدين في مجالات الطاقة", True, id="a speaker and a colon"),
    pytest.param("الدوحة تستضيف معرض الكتاب بأرقام قياسية... و30 فعالية", True, id="an ellipsis"),
    pytest.param("الحكومة تقرر.. رفع أسعار الوقود بداية الشهر", True, id="two dots"),
    pytest.param("سوق الخضار الجديد", False, id="a photo's subject"),
    pytest.param("الثقافة والفنون", False, id="a category"),
    pytest.param(HEADLINE, False, id="a headline without a headline's punctuation"),
    pytest.param("الوزير: لا تراجع", False, id="fewer than four words"),
])
def test_a_deck_is_headline_length_with_a_headlines_punctuation(text, deck):
    assert is_deck(text) == deck
