"""The boilerplate rules of `generator/read/boilerplate.py`, one test per rule.

Each rule is given the lines it is meant to catch, in the shapes Arabic news pages print
them, and near misses: story text that shares a cue word with the furniture and must stay.
The sentences are written for these tests. Where a rule does not do what its docstring
says, the case is a strict xfail, so the test reports it the day the rule is fixed.
"""

import pytest

from generator.read.boilerplate import (
    classify,
    is_advertisement,
    is_byline,
    is_call_to_action,
    is_credit,
    is_link_only,
    is_navigation,
    is_prompt,
    is_read_more,
    is_self_description,
    is_sign_off,
    is_wordless,
    opens_link_list,
    speaks_of_site,
)


def catch(text: str, what: str):
    """A line of furniture the rule must catch."""
    return pytest.param(text, True, id=f"catches {what}")


def keep(text: str, what: str):
    """Story text the rule must leave alone."""
    return pytest.param(text, False, id=f"keeps {what}")


def gap(text: str, expected: bool, what: str, reason: str):
    """A case where the rule does not do what its docstring says (strict: a fix shows)."""
    return pytest.param(text, expected, id=f"{'catches' if expected else 'keeps'} {what}",
                        marks=pytest.mark.xfail(strict=True, reason=reason))


@pytest.mark.parametrize("text, caught", [
    catch("إعلان", "the Arabic ad label"),
    catch("Advertisement", "the English ad label"),
    catch("مساحة إعلانية", "an ad space label"),
    catch("- إعلان -", "the label between dashes"),
    catch("Sponsored", "a sponsored slot"),
    keep("إعلان الحكومة عن خطة جديدة لتطوير النقل العام", "a headline about an announcement"),
    keep("أعلنت الوزارة موعد امتحانات الشهادة الثانوية.", "the verb a3lana (announced)"),
])
def test_advertisement_is_only_the_label_of_an_ad_slot(text, caught):
    assert is_advertisement(text) == caught


@pytest.mark.parametrize("text, caught", [
    catch("كتب: محمد علي", "kataba and a colon"),
    catch("كتبت- منال المصري:", "katabat, a dash and a trailing colon"),
    catch("بقلم: Reuters", "biqalam with a Latin name"),
    catch("كتب وليد عبد السلام", "kataba and a three-word name"),
    catch("إعداد: سارة خالد", "i3dad (prepared by)"),
    catch("ترجمة/ أحمد حسن", "tarjama (translated by) and a slash"),
    keep("كتب الوزير في تغريدة على حسابه أن المفاوضات ستستأنف الأسبوع المقبل.", "a sentence opening with kataba"),
    keep("كتبت الصحيفة: إن الحكومة تدرس رفع أسعار الوقود.", "a newspaper quoted with katabat"),
    keep("كتب محمد علي وأحمد حسن وسارة خالد ومنى يوسف", "more names than a byline holds"),
    keep("كتب الوزير في تغريدة:", "kataba introducing a quoted post"),
])
def test_byline_is_a_cue_then_a_name(text, caught):
    assert is_byline(text) == caught


@pytest.mark.parametrize("text, caught", [
    catch("https://t.me/example_news", "a Telegram link"),
    catch("www.example-news.com", "a bare web address"),
    catch("@example_news", "a handle"),
    catch("0955218430", "a phone number"),
    catch("desk@example-news.org", "an e-mail address"),
    catch("فيسبوك: https://www.facebook.com/example.news", "a channel's name and its link"),
    keep("نشرت الوزارة نص القرار على موقعها www.example.gov.sy صباح اليوم.", "a sentence citing an address"),
    keep("بلغت قيمة الصادرات 1500000 دولار خلال العام الماضي", "a sentence with a long number"),
])
def test_link_only_is_an_address_or_number_and_at_most_two_words(text, caught):
    assert is_link_only(text) == caught


@pytest.mark.parametrize("text, caught", [
    catch("تابعونا على تلغرام: https://t.me/example_news", "SANA's follow-us on Telegram with its URL"),
    catch("تابعونا عبر تطبيق واتس أب :", "follow us on WhatsApp"),
    catch("للاشتراك أرسل كلمة (اشتراك) إلى الرقم 0955218430 بعد حفظه باسم الوكالة.", "subscribe by text message"),
    catch("انضموا إلى قناتنا على تيليغرام", "join our channel"),
    catch("تابع آخر أخبار الموقع على Google News", "follow the latest news on Google News"),
    catch("اضغط هنا للمزيد", "a short click-here line"),
    keep("وتابع الوزير أن الحكومة ستطلق تطبيقا جديدا على الهواتف لخدمة المواطنين.", "wa-taba3a as an attribution verb"),
    keep("تابع الوزير حديثه قائلا إن العمل مستمر.", "a short line opening with the attribution verb taba3a"),
    keep("وأثار القرار ردود فعل واسعة على مواقع التواصل الاجتماعي، حيث تابعوا عبر تلغرام وفيسبوك تفاصيل "
         "الجلسة التي استمرت حتى ساعات الفجر وشهدت نقاشا حادا بين النواب حول بنود الموازنة العامة للدولة.",
         "a long paragraph mentioning Telegram"),
    keep("ودعا المحافظ المواطنين إلى الاشتراك في حملة التشجير التي تنظمها البلدية في الأحياء الشرقية من "
         "المدينة خلال الأسبوع المقبل بمشاركة المدارس والجمعيات الأهلية والمتطوعين من مختلف الأعمار.",
         "a long paragraph with al-ishtirak"),
    keep("اشترك في الاجتماع ممثلون عن عشر وزارات وعدد من المنظمات الدولية العاملة في البلاد",
         "ishtaraka (took part) in a line longer than a call, with no channel or link"),
    keep("ردود فعل غاضبة على قرار رفع الأسعار", "a headline about reactions (rudud fi3l)"),
    keep("حمل المتظاهرون لافتات تطالب بالإصلاح", "the verb hamala (carried)"),
])
def test_call_to_action_is_aimed_at_a_channel_and_never_a_long_paragraph(text, caught):
    assert is_call_to_action(text) == caught


@pytest.mark.parametrize("text, caught", [
    catch("شارك الخبر", "share the story"),
    catch("أضف تعليقاً", "add a comment"),
    catch("المصدر: وكالات", "the source line"),
    catch("طباعة", "print"),
    catch("أرسل لصديق", "send to a friend"),
    catch("تخطي إلى المحتوى", "a skip link"),
    catch("العودة إلى الأعلى", "back to top"),
    catch("تقرأ الآن", "now reading"),
    keep("شارك آلاف المواطنين في المسيرة التي جابت شوارع العاصمة صباح اليوم احتفالا بالعيد الوطني.",
         "a long sentence opening with sharaka"),
    keep("وشارك في الاجتماع ممثلون عن الوزارات المعنية", "wa-sharaka, another word than the cue"),
    keep("المصدر الذي تحدث إلى الصحفيين طلب عدم الكشف عن اسمه لأنه غير مخول بالحديث.",
         "a long sentence opening with al-masdar"),
])
def test_prompt_is_short_and_opens_with_a_share_or_comment_cue(text, caught):
    assert is_prompt(text) == caught


@pytest.mark.parametrize("text, caught", [
    catch("اقرأ أيضاً: ارتفاع أسعار الذهب في الأسواق المحلية", "read also and a headline"),
    catch("اقرأ أيضا:", "read also alone"),
    catch("مواضيع ذات صلة", "related topics"),
    catch("الأكثر قراءة", "most read"),
    catch("انظر ايضاً", "see also"),
    catch("شاهد أيضاً: لحظة وصول الوفد إلى المطار", "watch also"),
    keep("وقال إن المواطن يقرأ أيضاً الصحف المحلية كل صباح", "the verb yaqra2 in a sentence"),
    keep("وأكد الوزير أن المشاريع ذات الصلة بالطاقة ستنجز هذا العام.", "dhat al-sila inside a sentence"),
    keep("المزيد من الأمطار الغزيرة تضرب السواحل الشمالية", "a headline opening with al-mazid min"),
])
def test_read_more_opens_with_a_cue_to_another_story(text, caught):
    assert is_read_more(text) == caught


@pytest.mark.parametrize("text, caught", [
    catch("// انتهى //", "SPA's end mark"),
    catch("يتبع", "to be continued"),
    catch("20:14ت م", "a time and t m"),
    catch("ر ع/ م ح", "editors' initials"),
    catch("***", "a separator"),
    keep("انتهى الاجتماع دون التوصل إلى اتفاق", "a sentence opening with intaha"),
    keep("تتمة المفاوضات الأسبوع المقبل في جنيف", "a line opening with tatimma"),
    keep("تم توقيع الاتفاق", "a three-word sentence"),
])
def test_wordless_has_no_word_besides_end_marks(text, caught):
    assert is_wordless(text) == caught


@pytest.mark.parametrize("text, caught", [
    catch("--(بترا) ر ع/ م ح", "Petra's sign-off: the agency in brackets and the editors' initials"),
    catch("(بترا) م ع", "the sign-off without dashes"),
    catch("–(وفا) م.ج", "initials with a full stop"),
    keep("(بترا) قال الوزير إن الاجتماع كان مثمرا", "a paragraph opening with the agency's name"),
    keep("(صور) افتتاح المعرض", "a headline announcing photos"),
])
def test_sign_off_is_the_agency_in_brackets_then_initials(text, caught):
    assert is_sign_off(text) == caught


@pytest.mark.parametrize("text, caught", [
    catch("(إعداد محمد علي للنشرة العربية - تحرير سامي حسن)", "a Reuters-style credit in brackets"),
    catch("(تغطية صحفية أحمد علي - إعداد سارة خالد)", "a coverage credit"),
    catch("جميع الحقوق محفوظة © 2024", "all rights reserved with ©"),
    catch("حقوق النشر محفوظة لوكالة الأنباء", "a copyright line without ©"),
    catch("All rights reserved", "the English copyright line"),
    keep("وقال المحرر إن إعداد التقرير استغرق شهرين كاملين من العمل الميداني.", "i3dad inside a sentence"),
    keep("(صور)", "a media announcement in brackets"),
    keep("(محمد علي)", "a name in brackets"),
    keep("ناقش البرلمان مشروع قانون لحماية حقوق النشر والملكية الفكرية.", "a story about copyright law"),
])
def test_credit_is_a_bracketed_credit_or_a_copyright_line(text, caught):
    assert is_credit(text) == caught


@pytest.mark.parametrize("text, caught", [
    catch("وكالة أنباء الشرق الأوسط (أ ش أ) هي وكالة أنباء مصرية رسمية، تأسست عام 1956", "MENA's blurb"),
    catch("صحيفة النهار هي صحيفة يومية تصدر في بيروت", "a newspaper's blurb"),
    catch("قناة الأفق هي قناة فضائية إخبارية", "a channel's blurb"),
    catch("وكالة الأنباء الوطنية هي مؤسسة إعلامية رسمية", "an outlet calling itself an institution"),
    keep("وكالة الطاقة الدولية قالت إن الطلب على النفط سيتراجع", "an agency quoted"),
    keep("وأفادت صحيفة الوطن بأن الحكومة هي التي قررت رفع الأسعار", "a paper quoted, with hiya"),
    keep("وكالة الطاقة الدولية رأت أن الأزمة هي الأسوأ منذ عقود", "an agency's view, with hiya"),
])
def test_self_description_is_the_outlet_introducing_itself(text, caught):
    assert is_self_description(text) == caught


@pytest.mark.parametrize("text, caught", [
    catch("الرئيسية » أخبار » سياسة", "a breadcrumb"),
    catch("الرئيسية / محليات", "a breadcrumb with a slash"),
    catch("شريط الأخبار", "the ticker's label"),
    catch("عاجل", "breaking"),
    catch("رياضة", "a category"),
    catch("أخبار الأمم المتحدة", "a site's name"),
    catch("الثورة نت|", "a label cut from a title bar"),
    keep("عاجل: الرئيس يصدر مرسوما بتشكيل الحكومة الجديدة", "a breaking headline"),
    keep("ارتفاع أسعار الذهب / الدولار يتراجع أمام اليورو في الأسواق", "a headline with a slash"),
    keep("وزير الاقتصاد يبحث مع نظيره التركي تطوير التجارة", "a headline"),
    keep("السلطات تغلق قناة تلفزيونية", "a four-word headline naming a channel"),
])
def test_navigation_is_a_masthead_ticker_or_breadcrumb(text, caught):
    assert is_navigation(text) == caught


@pytest.mark.parametrize("text, caught", [
    catch("يعرض الموقع الإلكتروني لوكالة الأنباء أحدث الأخبار على مدار الساعة", "the site describing itself"),
    catch("معاييرنا: الدقة والحياد والاستقلالية", "our standards"),
    catch("سياسة الخصوصية", "privacy policy"),
    catch("اتصل بنا", "contact us"),
    catch("أعلن معنا", "advertise with us"),
    keep("وأكد الوزير أن الحكومة ماضية في الإصلاح.", "a sentence"),
    keep("ارتفعت أسعار الذهب في الأسواق المحلية اليوم", "a headline"),
    keep("وقالت الحكومة إن الاتفاق يحمي مصالح البلدين.", "a statement with no site word"),
])
def test_speaks_of_site_names_the_site_or_its_pages(text, caught):
    assert speaks_of_site(text) == caught


def test_speaks_of_site_is_a_word_test_meant_for_the_footer_only():
    """A story line quoting the agency matches too: that is why the page applies the rule only
    in its footer (see test_page), never to the story."""
    assert speaks_of_site("وقال مدير السوق لوكالة الأنباء الرسمية إن الأسعار ستكون في متناول الجميع.")
    assert classify("وقال مدير السوق لوكالة الأنباء الرسمية إن الأسعار ستكون في متناول الجميع.") is None


@pytest.mark.parametrize("text, caught", [
    catch("اقرأ أيضاً:", "read also with a colon"),
    catch("اقرأ أيضا", "read also"),
    catch("الأكثر قراءة", "most read"),
    catch("انظر ايضاً", "see also"),
    catch("مواضيع ذات صلة", "related topics"),
    keep("اقرأ أيضاً: ارتفاع أسعار الذهب في الأسواق المحلية", "read also with its headline on the line"),
    keep("شارك الخبر", "a prompt that is no read-more cue"),
    keep("وقال إن المواطن يقرأ أيضاً الصحف المحلية كل صباح", "a sentence"),
])
def test_link_list_opens_with_a_read_more_cue_and_nothing_after_it(text, caught):
    assert opens_link_list(text) == caught


@pytest.mark.parametrize("text, name", [
    pytest.param("Advertisement", "advertisement", id="advertisement"),
    pytest.param("كتبت- منال المصري:", "byline", id="byline"),
    pytest.param("https://t.me/example_news", "link", id="link"),
    pytest.param("تابعونا على تلغرام: https://t.me/example_news", "call to action", id="call to action"),
    pytest.param("المصدر: وكالات", "prompt", id="prompt"),
    pytest.param("1. تخطي إلى المحتوى", "prompt", id="a numbered menu item is read without its number"),
    pytest.param("اقرأ أيضاً: ارتفاع أسعار الذهب في الأسواق المحلية", "read more", id="read more"),
    pytest.param("// انتهى //", "end mark", id="end mark"),
    pytest.param("جميع الحقوق محفوظة © 2024", "credit", id="credit"),
    pytest.param("صحيفة النهار هي صحيفة يومية تصدر في بيروت", "self-description", id="self-description"),
    pytest.param("(شارك في التغطية محمد علي)", "credit", id="a coverage credit is a credit, not a share prompt"),
    pytest.param("رئيس التحرير: سامي العلي", "staff credit", id="the editor in the staff box"),
    pytest.param("رئيس مجلس الإدارة : د. خالد بن حمد", "staff credit", id="the chairman in the staff box"),
    pytest.param("وقال رئيس التحرير: إن الصحيفة ستصدر يوميا.", None, id="the editor quoted in the story"),
    pytest.param("هذا الموقع يستخدم ملفات تعريف الارتباط لتحسين تجربتك", "site notice", id="a cookie notice"),
    pytest.param("لم يتم العثور على نتائج البحث", "site notice", id="the search box finding nothing"),
    pytest.param("الأخبار المنشورة على الصفحة الرسمية للوكالة هي اختصار لما يقدم للمشتركين", "site notice",
                 id="what the site's pages carry"),
    pytest.param("مشاهدة الفيديو 24:49", "prompt", id="a video's play prompt"),
    pytest.param("ترشيحات..", "read more", id="recommendations"),
    pytest.param("فيديو قد يعجبك:", "read more", id="a video you may like"),
    pytest.param("تابعوا أخبارنا عبر أثير الإذاعة على الموجات 98.5 و98.1", "call to action", id="a radio's frequencies"),
    pytest.param("وحدد الفريق الموقع الجغرافي للمقطع المصور بدقة.", None, id="al-mawqi3, the location"),
    pytest.param("الرئيسية » أخبار » سياسة", None, id="a breadcrumb is navigation only above the headline"),
    pytest.param("وتابع الوزير أن الحكومة ستطلق تطبيقا جديدا على الهواتف لخدمة المواطنين.", None,
                 id="story: an attribution verb"),
    pytest.param("أعلنت الوزارة موعد امتحانات الشهادة الثانوية.", None, id="story: an announcement"),
    pytest.param("كتب الوزير في تغريدة على حسابه أن المفاوضات ستستأنف الأسبوع المقبل.", None,
                 id="story: a minister's post"),
])
def test_classify_names_the_first_rule_that_matches(text, name):
    assert classify(text) == name


@pytest.mark.parametrize("text", [
    pytest.param("الرئيسية » أخبار » سياسة", id="a breadcrumb"),
    pytest.param("شريط الأخبار", id="the ticker's label"),
    pytest.param("عاجل", id="breaking"),
    pytest.param("أخبار الأمم المتحدة", id="a site's name"),
])
def test_classify_names_navigation_only_before_the_title(text):
    assert (classify(text, before_title=True), classify(text)) == ("navigation", None)


def test_navigation_before_the_title_still_leaves_a_headline_alone():
    assert classify("وزير الاقتصاد يبحث مع نظيره التركي تطوير التجارة", before_title=True) is None

