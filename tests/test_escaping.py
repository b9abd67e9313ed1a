"""What a template writes for `{{ value }}`: exactly what Jinja's autoescaping writes, through
Nashra's own compiled escaping (render/environment.py)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from generator.config import load_config
from generator.render.environment import escaped, make_environment
from tests.support.sites import Site


@given(st.text(alphabet=st.sampled_from("&<>'\"ab ن\u200f;#") | st.characters()))
def test_text_is_escaped_as_markupsafe_escapes_it(text):
    assert escaped(text) == str(escape(text))


class Html:
    def __html__(self) -> str:
        return "<b>already markup</b>"


@pytest.mark.parametrize("value", [2016, 3.5, None, True, Markup("<i>x</i> &amp;"), Html(), "a < b & 'c'"])
def test_any_value_is_written_as_markupsafe_writes_it(value):
    assert escaped(value) == str(escape(value))


@pytest.fixture
def env(tmp_path: Path) -> jinja2.Environment:
    return make_environment(load_config(Site(tmp_path / "digest").root))


def test_a_template_escapes_text_and_keeps_markup(env):
    page = env.from_string("<p title='{{ text }}'>{{ text }} {{ safe }} {{ number }}</p>").render(
        text='"Q" & <A>', safe=Markup("<bdi>x</bdi>"), number=7)
    assert page == "<p title='&#34;Q&#34; &amp; &lt;A&gt;'>&#34;Q&#34; &amp; &lt;A&gt; <bdi>x</bdi> 7</p>"


def test_what_a_macro_or_a_set_block_makes_is_not_escaped_twice(env):
    source = ('{% macro quoted(x) %}«{{ x }}»{% endmacro %}{% set block %}<em>{{ text }}</em>{% endset %}'
              '{{ quoted(text) }} {{ block }}')
    assert env.from_string(source).render(text="<&>") == "«&lt;&amp;&gt;» <em>&lt;&amp;&gt;</em>"


def test_autoescape_blocks_switch_escaping_as_in_jinja(env):
    source = "{% autoescape false %}{{ x }}{% endautoescape %}|{{ x }}"
    assert env.from_string(source).render(x="<&>") == "<&>|&lt;&amp;&gt;"


def test_an_undefined_value_still_fails_the_page(env):
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_templates_compile_to_nashras_escaping(env):
    """A Jinja release that renamed the compiler's hook would leave pages right but slower:
    this says so."""
    code = env.compile("{{ x }}", raw=True)
    assert "environment.escaped(x" in code.replace("(undefined(name='x') if l_0_x is missing else l_0_x)", "x")
