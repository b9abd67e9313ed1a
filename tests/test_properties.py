"""Properties that hold for any input (Hypothesis): reading and parsing never crash and take
bounded time, every problem is reported on a line of the file, and every page built from any
article is well-formed HTML that shows the article's text as text.

Generated articles mix Arabic wire copy with what breaks parsers and pages: markup, template
syntax, quotes, bidi controls, invisible and control characters, Markdown, front matter
fences, and arbitrary Unicode.
"""

from __future__ import annotations

import tempfile
import time
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.diagnostics import ContentError, Report
from generator.read.parse import parse
from generator.read.sources import HIDDEN_CHARACTERS, MAX_ARTICLE_BYTES, decode, read_source
from tests.support.html_safety import html_problems, page_text
from tests.support.sites import SITE_TOML, Site

PARSE_EXAMPLES = 400
# Not a speed requirement (benchmarks measure speed): a hang detector. Parsing takes
# milliseconds; a rule that backtracks takes minutes on these inputs, far past this bound.
HANG = timedelta(seconds=20)
DECODE_EXAMPLES = 400
BUILD_EXAMPLES = 40

WIRE = ["قال", "الوزير", "إن", "الاجتماع", "كان", "مثمرا.", "دمشق-سانا", "بيروت (رويترز) -", "وأضاف:", "د.",
        "3.5", "تابعونا على تلغرام", "اقرأ أيضاً:", "يتبع", "//انتهى//", "«", "»", "“", "”", "؟", "،", "..", "…"]
HOSTILE = ["<script>alert(1)</script>", "</p></div>", "<!--", "]]>", "&amp;", "&", "<", ">", '"', "'",
           "{{ 7*7 }}", "{% raw %}", "{#", "\u202e", "\u2066", "\u2069", "\u200b", "\u200f", "\u200c", "\ufeff",
           "\x0b", "\x85", "\ufdd0", "+++", "# ", "## ", "**", "_", "`", "[x](javascript:alert(1))",
           "![a](b)", "\\", "https://t.me/x", "a@b.sy", "0940777186", "\r", "\t", "\u2028", "\U0001f600"]
tokens = st.one_of(st.sampled_from(WIRE), st.sampled_from(HOSTILE), st.text(max_size=10))
lines = st.lists(tokens, min_size=1, max_size=12).map(" ".join)
front_matter = st.sampled_from(["", "", "", "+++\n+++\n", "+++\ndate = 2016-02-13\n+++\n",
                                '+++\ntitle = "<b>x</b> {{ 7*7 }}"\n+++\n', '+++\nsource = "https://x.org/"\n+++\n',
                                '+++\nslug = "unclosed"\n'])
articles = st.builds(lambda head, title, body: f"{head}{title}\n\n" + "\n".join(body),
                     front_matter, lines, st.lists(lines, min_size=1, max_size=10))
suffixes = st.sampled_from([".txt", ".md"])
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256"])


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


@settings(max_examples=DECODE_EXAMPLES, deadline=HANG, database=None)
@given(data=st.one_of(st.binary(max_size=3000),
                      st.builds(lambda text, encoding: text.encode(encoding, errors="replace"), articles, encodings)))
def test_any_bytes_are_decoded_to_clean_text_or_reported_on_a_line(data):
    report = Report(stream=None)
    try:
        text, _ = decode(data, Path("a.txt"), report)
    except ContentError as error:
        assert 1 <= error.line <= data.count(b"\n") + 1
        return
    assert not HIDDEN_CHARACTERS.search(text), "invisible and control characters are removed"
    assert unicodedata.is_normalized("NFC", text)
    assert "\r" not in text
    for diagnostic in report.diagnostics:
        assert 1 <= diagnostic.line <= text.count("\n") + 1


@settings(max_examples=PARSE_EXAMPLES, deadline=HANG, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=articles, suffix=suffixes)
def test_any_article_is_parsed_or_reported_never_a_crash(folder, text, suffix):
    path = folder / f"2016-01-01-article{suffix}"
    path.write_bytes(text.encode("utf-8"))
    report = Report(stream=None)
    last_line = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    try:
        article = parse(read_source(path, report), report).article
    except ContentError as error:
        article = None
        assert 1 <= error.line <= last_line
    event("parsed" if article else "reported")
    assert all(1 <= d.line <= last_line for d in report.diagnostics), report.diagnostics
    if article is None:
        return
    segments = article.segments()
    assert len({s.id for s in segments}) == len(segments)
    assert all(s.ar.strip() and "\n" not in s.ar and 1 <= s.line <= last_line for s in segments)


@settings(max_examples=BUILD_EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles, suffix=suffixes)
def test_any_article_builds_to_well_formed_pages_that_show_its_text(folder, text, suffix):
    site = Site(Path(tempfile.mkdtemp(dir=folder)) / "site")  # a fresh site: no cache, no site/ before
    (site.root / "site.toml").write_text(SITE_TOML + "[search]\nenabled = false\n", encoding="utf-8")
    path = site.article(f"2016-01-01-article{suffix}", text)
    code = main(["build", "--root", str(site.root), "--quiet"])

    for page in site.output.rglob("*.html"):
        assert html_problems(page.read_text(encoding="utf-8")) == [], page
    report = Report(stream=None)
    try:
        article = parse(read_source(path, report), report).article
    except ContentError:
        assert code == 1  # reported, and the rest of the site (here: none) still published
        return
    assert code == (1 if report.errors else 0), report.diagnostics
    for lang in ("ar", "en"):  # English pages show the Arabic of what is not translated yet
        shown = " ".join(page_text(site.page(f"{lang}/articles/{article.slug}/")).split())
        for segment in article.segments():
            if lang == "en" and segment.id == "dateline":  # shown as its place and the agency in English
                assert " ".join(article.dateline.place.split()) in shown
                continue
            assert " ".join(segment.ar.split()) in shown, lang


HOSTILE_LINES = ["a-", "a@", "ب@ب-", "[", "[a](", "![", "(", "`", "``a", "*", "**a", "_a", "&", "&amp;", "<b>",
                 "{{", "«", '"', ".", "a.", "1(", "1 ", "موسكو-", " | ", "#", "- ", "\\", "\u202e"]


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_parsing_takes_linear_time_on_hostile_lines(folder, suffix):
    """A line made of one pattern repeated is where backtracking regexes (and Python-Markdown)
    go quadratic or worse: 20 KB of `a-` took 4 s, so 100 KB would take minutes. 100 KB of
    any, as a paragraph and as a heading, parses in well under a second; HANG catches a
    rule that does not."""
    path = folder / f"hostile{suffix}"
    slow = {}
    for pattern in HOSTILE_LINES:
        line = pattern * (100_000 // len(pattern.encode()))
        path.write_text(f"# عنوان\n\n{line}\n\n# {line}\n", encoding="utf-8")
        start = time.perf_counter()
        report = Report(stream=None)
        try:
            parse(read_source(path, report), report)
        except ContentError:
            pass
        if (seconds := time.perf_counter() - start) > HANG.total_seconds():
            slow[pattern] = seconds
    assert slow == {}


def test_a_file_over_the_size_limit_is_refused_with_its_size(folder):
    path = folder / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(10 * MAX_ARTICLE_BYTES)  # sparse: 20 MB that take no disk
    with pytest.raises(ContentError, match=r"^file is 20.0 MB; an article may be at most 2 MB$"):
        read_source(path, Report(stream=None))
