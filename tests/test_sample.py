"""The bundled SANA sample, the article every new user sees first, parsed exactly."""

from generator.diagnostics import Report
from generator.read.parse import parse
from generator.read.sources import read_source
from tests.support.sites import SAMPLE

TITLE = "لافروف: اتفاق أمريكي روسي للتعاون العسكري في سياق الحرب ضد الإرهاب"
HEADINGS = [
    "لافروف يدعو لتعاون عسكري ناجح بين موسكو وواشنطن لحل الأزمة في سورية",
    "وزير الخارجية الصيني: اجتماع ميونخ حقق نتائج صعبة ويتعين على الجميع بذل جهود لتنفيذ الاتفاق الأخير",
    "أعضاء المجموعة الدولية لدعم سورية يجتمعون في جنيف لمناقشة ملف إيصال المساعدات الإنسانية",
    "وزير الخارجية الإيطالي: إرسال قوات برية الى سورية لا يحل الأزمة ولن نتخذ قرارا من هذا النوع",
]
BOILERPLATE = [
    "الشريط الإخباري",
    "تابعوا آخر الأخبار",
    "telegram.me",
    "تابعونا عبر تطبيق واتس أب",
    "0940777186",
    "تابعوا صفحتنا",
    "vk.com",
]


def parsed():
    report = Report(stream=None)
    result = parse(read_source(SAMPLE, report), report)
    return result, report


def test_title_and_dateline():
    article = parsed()[0].article
    assert article.title.ar == TITLE
    assert article.title.line == 6  # after 3 lines of front matter and the ticker line
    assert (article.dateline.place, article.dateline.agency) == ("عواصم", "سانا")
    assert article.dateline.segment.ar == "عواصم-سانا"


def test_five_sections_lead_then_the_four_subheadlines():
    article = parsed()[0].article
    assert len(article.sections) == 5
    assert article.sections[0].heading is None
    assert [s.heading.ar for s in article.sections[1:]] == HEADINGS
    assert [len(s.paragraphs) for s in article.sections] == [4, 7, 7, 4, 3]


def test_lead_paragraph_and_line_numbers():
    lead = parsed()[0].article.lead
    assert lead.paragraphs[0].text.startswith("أعلن وزير الخارجية الروسي سيرغي لافروف")
    assert [p.line for p in lead.paragraphs] == [10, 12, 14, 16]
    assert lead.paragraphs[0].sentences[0].id == "s0-p1-1"


def test_no_boilerplate_anywhere_and_every_dropped_line_reported():
    result, report = parsed()
    text = "\n".join(segment.ar for segment in result.article.segments())
    assert [b for b in BOILERPLATE if b in text] == []
    assert [line for line, _, _ in result.dropped] == [4, 68, 70, 72, 74, 76, 78]
    assert report.diagnostics == []


def test_date_and_slug_from_front_matter_and_file_name():
    article = parsed()[0].article
    assert article.date.isoformat() == "2016-02-13"
    assert article.slug == "sana-2016-02-13-lavrov-us-russia-cooperation"
