"""Speaker and topic pages, rendered from articles whose statements and topics are given,
so the pages are specified independently of how statements are found."""

from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import load_config
from generator.diagnostics import Report
from generator.model import Person, Provenance, Statement, StatementKind, Topic, TopicAssignment
from generator.read.parse import parse
from generator.read.sources import read_source
from generator.render.environment import make_environment, render
from generator.site.library import Listing, assemble
from tests.support.site_pages import every_page
from tests.support.sites import REPO

LAVROV = Person("sergey-lavrov", "سيرغي لافروف", "Sergey Lavrov", "وزير الخارجية الروسي", "Russian Foreign Minister")
UNKNOWN = Person("ahmad-khatib", "أحمد الخطيب", "", "مدير المرفأ", "")
CEASEFIRE = Topic("ceasefire", "وقف إطلاق النار", "Ceasefire")


def article(tmp_path: Path, name: str, day: int, text: str):
    path = tmp_path / name
    path.write_text(f"+++\ndate = 2016-02-{day:02}\n+++\n{text}", encoding="utf-8")
    report = Report(stream=None)
    return parse(read_source(path, report), report).article


@pytest.fixture
def pages(site, tmp_path):
    older = article(tmp_path, "older.txt", 10, "عنوان قديم\n\nقال لافروف إن الحوار مستمر.\n")
    newer = article(tmp_path, "newer.txt", 12, "عنوان جديد\n\nدمشق-سانا أكد لافروف أن الهدنة ممكنة.\n\nوقال الخطيب إن المرفأ يعمل.\n")
    newer = replace(newer, sections=(replace(newer.sections[0], paragraphs=(
        replace(newer.sections[0].paragraphs[0], sentences=(replace(
            newer.sections[0].paragraphs[0].sentences[0], en="Lavrov stressed that a truce is possible.",
            provenance=Provenance.HUMAN),)),
        newer.sections[0].paragraphs[1])),))
    older = replace(older, people=(LAVROV,), statements=(
        Statement("sergey-lavrov", "s0-p1-1", "s0-p1", StatementKind.REPORTED, "الحوار مستمر"),))
    newer = replace(newer, people=(LAVROV, UNKNOWN), topics=(TopicAssignment("ceasefire", 3.0, ("body: الهدنة",)),),
                    statements=(Statement("sergey-lavrov", "s0-p1-1", "s0-p1", StatementKind.REPORTED, "الهدنة ممكنة"),
                                Statement("ahmad-khatib", "s0-p2-1", "s0-p2", StatementKind.REPORTED, "المرفأ يعمل"),
                                Statement("", "s0-p2-1", "s0-p2", StatementKind.REPORTED, "", "مصدر مسؤول")))
    site.list_untranslated()  # `older` has no English: the English speaker page quotes it all the same
    config = load_config(site.root)
    library = assemble([Listing.of(older), Listing.of(newer)], Report(stream=None), {"ceasefire": CEASEFIRE})
    env = make_environment(config)
    return {p.route.url: render(env, p).decode() for p in every_page(config, library, [older, newer])}


def test_speakers_are_ordered_by_statements_with_role_and_counts(pages):
    html = pages["en/speakers/"]
    assert html.index("Sergey Lavrov") < html.index("أحمد الخطيب")
    assert "Russian Foreign Minister" in html and "2 statements in 2 articles" in html
    assert '<bdi lang="ar" dir="rtl">أحمد الخطيب</bdi>' in html  # no English name known: marked Arabic
    assert "تصريحان في مقالين" in pages["ar/speakers/"]  # Arabic's dual, by its plural rules


@pytest.mark.parametrize("statements, articles, shown", [
    (1, 1, "تصريح واحد في مقال واحد"),
    (3, 1, "3 تصريحات في مقال واحد"),
    (11, 2, "11 تصريحاً في مقالين"),
    (100, 12, "100 تصريح في 12 مقالاً"),
    (103, 103, "103 تصريحات في 103 مقالات"),
])
def test_counts_follow_arabic_plural_rules(tmp_path, statements, articles, shown):
    from generator.render.messages import catalogue

    arabic = catalogue(REPO / "templates", "ar")
    said = arabic.ngettext("%(num)s statement", "%(num)s statements", statements) % {"num": statements}
    where = arabic.ngettext(" in %(num)s article", " in %(num)s articles", articles) % {"num": articles}
    assert said + where == shown


def test_a_speaker_page_quotes_newest_first_and_links_the_paragraph(pages):
    html = pages["en/speakers/sergey-lavrov/"]
    assert html.index("Lavrov stressed that a truce is possible.") < html.index("قال لافروف إن الحوار مستمر.")
    assert 'href="../../articles/newer/#s0-p1"' in html
    assert 'href="../../articles/older/#s0-p1"' in html
    assert '<blockquote lang="ar" dir="rtl">' in html  # the untranslated statement shows its Arabic


def test_anonymous_sources_get_no_page(pages):
    assert not [url for url in pages if url.startswith("en/speakers/") and url.count("/") > 3]
    assert sorted(u for u in pages if u.startswith("ar/speakers/")) == [
        "ar/speakers/", "ar/speakers/ahmad-khatib/", "ar/speakers/ahmad-khatib/feed.xml",
        "ar/speakers/sergey-lavrov/", "ar/speakers/sergey-lavrov/feed.xml"]


def test_topic_pages_pair_in_both_languages_and_articles_link_to_them(pages):
    assert "Ceasefire" in pages["en/topics/"] and "وقف إطلاق النار" in pages["ar/topics/"]
    topic = pages["en/topics/ceasefire/"]
    assert 'hreflang="ar" href="https://example.org/digest/ar/topics/ceasefire/"' in topic
    assert 'href="../../articles/newer/"' in topic and "older" not in topic
    article_page = pages["en/articles/newer/"]
    assert 'href="../../topics/ceasefire/" data-pagefind-filter="topic">Ceasefire</a>' in article_page
    assert 'href="../../speakers/sergey-lavrov/" data-pagefind-filter="speaker">Sergey Lavrov</a>' in article_page
