"""The interface's words in templates: `_()`, `ngettext()` and `{% trans %}`, in the page's
language, with Jinja's newstyle meaning (the translation is markup, its variables are text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_config
from generator.render.environment import make_environment
from generator.render.messages import page_lang
from tests.support.sites import Site


@pytest.fixture
def render_in(tmp_path: Path):
    env = make_environment(load_config(Site(tmp_path / "digest").root))

    def render(source: str, lang: str, **context: object) -> str:
        token = page_lang.set(lang)
        try:
            return env.from_string(source).render(context)
        finally:
            page_lang.reset(token)

    return render


def test_words_come_in_the_language_of_the_page(render_in):
    assert render_in('{{ _("Skip to content") }}', "ar") == "انتقل إلى المحتوى"
    assert render_in('{{ _("Skip to content") }}', "en") == "Skip to content"
    assert render_in('{{ gettext("Skip to content") }}', "ar") == "انتقل إلى المحتوى"


def test_a_translation_keeps_its_markup_and_escapes_its_variables(render_in):
    source = ('{% trans title=site_title, feed=feed %}{{ title }}: a news digest in Arabic and English. '
              '<a href="{{ feed }}">Atom feed</a>{% endtrans %}')
    page = render_in(source, "en", site_title="News <& views>", feed="feed.xml?a=1&b=2")
    assert page == ('News &lt;&amp; views&gt;: a news digest in Arabic and English. '
                    '<a href="feed.xml?a=1&amp;b=2">Atom feed</a>')


def test_a_message_is_always_a_format_string(render_in):
    assert render_in('{{ _("100%% of %(what)s", what="<it>") }}', "en") == "100% of &lt;it&gt;"


def test_counts_take_the_plural_form_of_the_page_language(render_in):
    source = '{{ ngettext("%(num)s statement", "%(num)s statements", n) }}'
    assert render_in(source, "en", n=1) == "1 statement"
    assert render_in(source, "en", n=3) == "3 statements"
    assert render_in(source, "ar", n=2) == "تصريحان"
    shown = render_in('{{ ngettext("%(num)s statement", "%(num)s statements", n, num="٣") }}', "ar", n=3)
    assert shown == "٣ تصريحات"


def test_inside_a_block_that_sets_a_variable_too(render_in):
    source = '{% block b %}{% set x = "<x>" %}{{ _("Search") }} {{ _("%(x)s", x=x) }}{% endblock %}'
    assert render_in(source, "ar") == "بحث &lt;x&gt;"
