"""Who said what, and about what: the analysis stage between parsing and the library.

`load_knowledge` reads what the site knows (content/people.toml, content/topics.toml) once
per build; `analyze` fills an article's statements, speakers and topics from its text, then
applies the editor's corrections from its front matter:

    speakers = { "s0-p3" = "sergey-lavrov", "s1-p2" = "" }   # paragraph -> who speaks there
    topics = ["ceasefire", "-terrorism"]                     # add one, remove one

A paragraph listed in `speakers` gets exactly that speaker (its statements are reassigned,
or one statement of the whole paragraph is added when none was found), or none with "".
`title` and heading ids (`s1-h`) correct headline statements the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..diagnostics import Report
from ..model import Article, FrontMatter, Person, Statement, StatementKind, Topic
from .gazetteer import Gazetteer, load_gazetteer
from .statements import find_statements
from .topics import assign_topics, load_topics


@dataclass(frozen=True)
class Knowledge:
    people: Gazetteer
    topics: dict[str, Topic]


def load_knowledge(content_dir: Path, report: Report) -> Knowledge:
    """A missing file is empty knowledge; bad TOML or entries are reported as path:line."""
    return Knowledge(load_gazetteer(content_dir / "people.toml", report),
                     load_topics(content_dir / "topics.toml", report))


def analyze(article: Article, meta: FrontMatter, knowledge: Knowledge, report: Report) -> Article:
    statements, people = find_statements(article, knowledge.people)
    if meta.speakers:
        statements, people = _correct_speakers(article, statements, people, meta.speakers, knowledge.people, report)
    topics = assign_topics(article, knowledge.topics, meta.topics, report)
    return replace(article, statements=statements, people=people, topics=topics)


def _correct_speakers(article: Article, statements: tuple[Statement, ...], people: tuple[Person, ...],
                      corrections: dict[str, str], gazetteer: Gazetteer,
                      report: Report) -> tuple[tuple[Statement, ...], tuple[Person, ...]]:
    known = {**gazetteer.people, **{person.id: person for person in people}}
    anchors = _anchors(article)
    result = list(statements)
    for anchor, person_id in corrections.items():
        if anchor not in anchors:
            report.warning(article.source, 1, f"front matter speakers: {anchor!r} is not a paragraph, heading or "
                                              "title id of this article (see `build-site inspect`); ignored")
            continue
        if person_id and person_id not in known:
            report.warning(article.source, 1, f"front matter speakers: {person_id!r} for {anchor} is not in "
                                              "content/people.toml nor a speaker of this article; ignored")
            continue
        here = [s for s in result if (s.paragraph_id or s.segment_id) == anchor]
        result = [s for s in result if (s.paragraph_id or s.segment_id) != anchor]
        if person_id:
            corrected = [replace(s, person_id=person_id, source_label="") for s in here] or [anchors[anchor]]
            result += [replace(s, person_id=person_id) for s in dict.fromkeys(corrected)]
    order = {segment.id: n for n, segment in enumerate(article.segments())}
    result.sort(key=lambda s: order[s.segment_id])  # stable: reading order within a segment is kept
    speakers = dict.fromkeys(s.person_id for s in result if s.person_id)
    return tuple(result), tuple(known[person_id] for person_id in speakers)


def _anchors(article: Article) -> dict[str, Statement]:
    """Each id an editor may correct, with the statement to add when nothing was found there."""
    anchors = {article.title.id: Statement("", article.title.id, "", StatementKind.HEADLINE, article.title.ar)}
    for section in article.sections:
        if section.heading:
            anchors[section.heading.id] = Statement("", section.heading.id, "", StatementKind.HEADLINE,
                                                    section.heading.ar)
        for paragraph in section.paragraphs:
            anchors[paragraph.id] = Statement("", paragraph.sentences[0].id, paragraph.id, StatementKind.REPORTED,
                                              paragraph.text)
    return anchors
