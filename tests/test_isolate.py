"""Direction isolation (`filters.isolate`): runs of the other script are wrapped in <bdi>,
text is escaped exactly once, and the memo never mixes up text with markup."""

from markupsafe import Markup

from generator.render.filters import isolate


def test_numbers_and_latin_in_arabic_and_arabic_in_english_are_isolated():
    assert isolate("دخلت 40 شاحنة إلى حلب", "ar") == 'دخلت <bdi dir="ltr">40</bdi> شاحنة إلى حلب'
    assert isolate("Talks in جنيف resumed", "en") == 'Talks in <bdi lang="ar" dir="rtl">جنيف</bdi> resumed'


def test_text_is_escaped_and_markup_is_not_escaped_again_whichever_came_first():
    assert isolate("<i>x</i> & y", "en") == "&lt;i&gt;x&lt;/i&gt; &amp; y"
    assert isolate(Markup("<i>x</i> & y"), "en") == "<i>x</i> & y"
    assert isolate("<i>x</i> & y", "en") == "&lt;i&gt;x&lt;/i&gt; &amp; y"
