"""The speaker and topic pages: an index of each, and a page (with archives) and a feed per
person and per topic."""

from __future__ import annotations

from ..config import SiteConfig
from ..site.library import Library, SpeakerEntry, TopicEntry
from .context import lists_all, page_context
from .environment import OutputPage
from .feeds import item_feeds
from .filters import person_name
from .lists import ItemList, article_lines, as_listing, quote_lines
from .messages import message
from .urls import LANGUAGES, Route


def index_pages(config: SiteConfig, library: Library) -> list[OutputPage]:
    """Speaker and topic pages: an index of each, and pages per person and per topic."""
    labels = {"speakers": "Speakers", "topics": "Topics"}
    pages = []
    for lang in LANGUAGES:
        speakers, topics = _listed(config, library, lang)
        counts = {"speakers": repr([(e.person, len(e.quotes), e.article_count) for e in speakers]),
                  "topics": repr([(e.topic, len(e.articles)) for e in topics])}
        for kind, entries in (("speakers", speakers), ("topics", topics)):
            context = page_context(config, Route(lang, kind), message(config.templates_dir, lang, labels[kind]))
            context["entries"] = entries
            pages.append(OutputPage(Route(lang, kind), f"{kind}.html", context, counts[kind]))
    for speaker in library.speakers:
        person = speaker.person
        quotes = ItemList("speaker", person.id, "speaker_archive", {lang: person_name(person, lang) for lang in LANGUAGES},
                           "speaker.html", "quotes", {"entry": speaker}, repr(person))
        pages += quotes.pages(config, speaker.quotes, lambda quote: quote[0], quote_lines)
        articles = tuple({listing.slug: listing for listing, _ in speaker.quotes}.values())  # newest first
        pages += item_feeds(config, "speaker", person.id, quotes.titles, articles)
    for topic in library.topics:
        articles = ItemList("topic", topic.topic.id, "topic_archive", {"ar": topic.topic.label_ar, "en": topic.topic.label_en},
                             "topic.html", "articles", {"entry": topic}, repr(topic.topic))
        pages += articles.pages(config, topic.articles, as_listing, article_lines)
        pages += item_feeds(config, "topic", topic.topic.id, articles.titles, topic.articles)
    return pages


def _listed(config: SiteConfig, library: Library, lang: str) -> tuple[tuple[SpeakerEntry, ...], tuple[TopicEntry, ...]]:
    """The speakers and topics `lang`'s indexes show, counted by the articles its lists show:
    in English, by default, only the articles whose English is complete (a speaker or topic
    with none of those is left out, as its page would list nothing)."""
    if lists_all(config, lang):
        return library.speakers, library.topics
    speakers = [SpeakerEntry(e.person, tuple(q for q in e.quotes if q[0].status.complete)) for e in library.speakers]
    topics = [TopicEntry(e.topic, tuple(a for a in e.articles if a.status.complete)) for e in library.topics]
    return (tuple(sorted((e for e in speakers if e.quotes), key=lambda e: -len(e.quotes))),
            tuple(sorted((e for e in topics if e.articles), key=lambda e: -len(e.articles))))
