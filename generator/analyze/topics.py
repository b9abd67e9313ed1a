"""Topics: which subjects of the lexicon (content/topics.toml) an article is about.

Keywords are matched on `arabic.match_key` forms, word by word, with Arabic clitics handled
on the text side: a text word matches a keyword word when the keyword word is the text word
as written (`وقف`, `لبنان`, `بترول` begin with a letter that is also a clitic) or the text
word with a clitic prefix removed (`والإرهاب`, `للاجئين`, `بالمساعدات`); a keyword word that
carries the article matches with or without it (`الإنسانية` in `مساعدات إنسانية` style
phrases is written indefinite; `وقف إطلاق النار` also meets `وقف إطلاق نار`). Where keywords
overlap, the longest wins (`هجوم كيميائي` is not also a `هجوم`). No stemming: plurals are
listed in the lexicon.

The rule: a topic is assigned by evidence, weighted by where it stands. Each keyword found
counts TITLE_WEIGHT in the title, LEAD_WEIGHT in a sub-headline or the lead paragraph (the
first, which states what a wire story is about) and 1 in any other paragraph. A topic needs
a score of at least THRESHOLD, so one passing word in the body is not enough while a title
word, a lead word, or a keyword repeated (or two of the topic's keywords) are; and at least
MIN_SHARE of the best topic's score, so a word every story repeats (الإرهاب in Syrian copy)
does not tag an article that is about something else. At most MAX_TOPICS are kept, highest
score first. Front matter has the last word: `topics = ["id"]` adds a topic (listed first,
its evidence starting with "front matter"), `"-id"` removes one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..diagnostics import Report
from ..model import Article, Topic, TopicAssignment
from ..text.arabic import match_key
from ..text.tokens import Tokens, bare, clitic_variants, tokenize
from ..text.tomltext import TomlLines, read_toml
from .gazetteer import entry_problem

TITLE_WEIGHT = 3
LEAD_WEIGHT = 2  # a sub-headline or the first paragraph
THRESHOLD = 2
MIN_SHARE = 0.2
MAX_TOPICS = 4

_KEYS = {"label_ar": str, "label_en": str, "keywords_ar": list}


def load_topics(path: Path, report: Report) -> dict[str, Topic]:
    """content/topics.toml; a missing file is an empty lexicon, a bad entry is skipped."""
    data, text = read_toml(path, report)
    lines = TomlLines(text)
    topics: dict[str, Topic] = {}
    for topic_id, entry in data.items():
        problem = _problem(topic_id, entry)
        if problem:
            report.error(path, lines.table(topic_id), f"[{topic_id}]: {problem}; topic skipped")
            continue
        topics[topic_id] = Topic(topic_id, entry["label_ar"], entry["label_en"], tuple(entry["keywords_ar"]))
    return topics


def _problem(topic_id: str, entry: object) -> str:
    if problem := entry_problem(topic_id, entry, _KEYS):
        return problem
    if not all(isinstance(entry.get(key), kind) and entry[key] for key, kind in _KEYS.items()):
        return "label_ar, label_en (strings) and keywords_ar (a list) are required"
    if not all(isinstance(k, str) and match_key(k) for k in entry["keywords_ar"]):
        return "keywords_ar must hold Arabic words or phrases"
    return ""


@dataclass(frozen=True)
class _Keyword:
    topic_id: str
    words: tuple[str, ...]  # matching keys as the lexicon writes them
    # What a text word may be, for each word: as written, or without the article.
    forms: tuple[frozenset[str], ...]

    @classmethod
    def of(cls, topic_id: str, phrase: str) -> _Keyword:
        words = tuple(match_key(phrase).split())
        return cls(topic_id, words, tuple(frozenset((word, bare(word))) for word in words))


class _Lexicon(dict[str, tuple[_Keyword, ...]]):
    """The keywords that may start at a word, by the word's key, longest first: found by
    their first word, as written and without the article, and memoised (a dict read at
    every word of the text), since a digest's vocabulary is small next to its number of words."""

    def __init__(self, topics: tuple[Topic, ...]) -> None:
        super().__init__()
        self.by_first_word: dict[str, list[_Keyword]] = {}
        for topic in topics:
            for phrase in topic.keywords:
                keyword = _Keyword.of(topic.id, phrase)
                for first in dict.fromkeys((keyword.words[0], bare(keyword.words[0]))):
                    self.by_first_word.setdefault(first, []).append(keyword)

    def __missing__(self, key: str) -> tuple[_Keyword, ...]:
        keywords = {k: None for variant in clitic_variants(key) for k in self.by_first_word.get(variant, ())}
        found = self[key] = tuple(sorted(keywords, key=lambda k: -len(k.words)))
        return found


@lru_cache(maxsize=4)
def _lexicon(topics: tuple[Topic, ...]) -> _Lexicon:
    return _Lexicon(topics)


def _fits(keyword: _Keyword, tokens: Tokens, start: int) -> bool:
    """The keyword's words are the words from `start` on, each with or without clitics; the
    first needs no check, since the keyword was found by it."""
    end = start + len(keyword.words)
    if end > len(tokens):
        return False
    for j in range(start + 1, end):  # a loop, not all() over slices: most keywords fail at their second word
        token = tokens[j]
        if not token.is_word or keyword.forms[j - start].isdisjoint(clitic_variants(token.key)):
            return False
    return True


def _matches(tokens: Tokens, lexicon: _Lexicon) -> list[tuple[str, str]]:
    """(topic id, the words as written) for each keyword found; where keywords overlap, the
    longest match wins and the words it covers are not matched again."""
    found: list[tuple[str, str]] = []
    resume = 0  # after the words of the last match
    for i in [i for i, token in enumerate(tokens) if token.is_word and lexicon[token.key]]:  # few words start a keyword
        if i < resume:
            continue
        longest = 0
        hits: dict[str, str] = {}
        for keyword in lexicon[tokens[i].key]:
            n = len(keyword.words)
            if n < longest:
                break  # longest first: no longer match is left
            if _fits(keyword, tokens, i):
                longest = n
                hits.setdefault(keyword.topic_id, " ".join(t.text for t in tokens[i:i + n]))
        found.extend(hits.items())
        resume = i + longest
    return found


def assign_topics(article: Article, topics: dict[str, Topic], front_matter: tuple[str, ...],
                  report: Report) -> tuple[TopicAssignment, ...]:
    """The article's topics by the rule above, best first, with the evidence for each."""
    lexicon = _lexicon(tuple(topics.values()))
    scores: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    for where, weight, segment_text in _units(article):
        by_topic: dict[str, list[str]] = {}
        for topic_id, written in _matches(tokenize(segment_text), lexicon):
            by_topic.setdefault(topic_id, []).append(written)
        for topic_id, words in by_topic.items():
            scores[topic_id] = scores.get(topic_id, 0) + weight * len(words)
            evidence.setdefault(topic_id, []).append(f"{where}: {'، '.join(dict.fromkeys(words))}")
    best = max(scores.values(), default=0)
    ranked = sorted((t for t, score in scores.items() if score >= THRESHOLD and score >= MIN_SHARE * best),
                    key=lambda t: (-scores[t], t))[:MAX_TOPICS]

    added = [t for t in front_matter if not t.startswith("-")]
    removed = {t[1:] for t in front_matter if t.startswith("-")}
    for topic_id in added + sorted(removed):
        if topic_id not in topics:
            report.warning(article.source, 1, f"front matter topic {topic_id!r} is not in content/topics.toml")
    chosen = [t for t in dict.fromkeys(added + ranked) if t in topics and t not in removed]
    return tuple(
        TopicAssignment(t, float(scores.get(t, 0)), ("front matter",) * (t in added) + tuple(evidence.get(t, [])))
        for t in chosen)


def _units(article: Article) -> list[tuple[str, int, str]]:
    """(where, weight, text): the title, each sub-headline and each paragraph; not the
    dateline, whose place name says where the story was filed, not what it is about."""
    units: list[tuple[str, int, str]] = [("title", TITLE_WEIGHT, article.title.ar)]
    first = True
    for section in article.sections:
        if section.heading:
            units.append((section.heading.id, LEAD_WEIGHT, section.heading.ar))
        for paragraph in section.paragraphs:
            units.append((paragraph.id, LEAD_WEIGHT if first else 1, paragraph.text))
            first = False
    return units
