"""Which lines of a pasted page are the story.

`boilerplate.classify` names lines that are furniture wherever they stand, and `lines.page_rule`
those a line shows by itself on a web page. Other furniture shows only against the whole page,
as pasted from a browser:
- a line printed more than once: a photo caption under and over the photo, the headline
  again in a "share" box, a menu's credits twice. Later copies are furniture, and short
  ones (a caption of two words) are furniture in every copy ("repeated line"); a line
  printed again on the next line, whole or with more words, is a photo's alt text and
  caption, both furniture ("photo caption");
- a run of headline-length lines with no blank line between them, before the story: a
  ticker, a menu, a "most read" box ("link list"); headlines after a read-more cue;
- lines before the headline (`headline.py` chooses it): the site's name, a category, a menu
  ("page header");
- short lines after the story's last sentence, or two or more headlines: tags, related
  headlines ("page footer");
- the page's last lines, two or more, cut off with an ellipsis: other stories ("teaser");
- a post embedded from a social network: its signature line and its text ("embedded post")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..text.arabic import arabic_share, match_key, word_count
from ..text.names import is_given_name
from . import boilerplate
from .dateline import match_inline, match_own_line
from .headline import (
    MIN_HEADLINE_WORDS,
    after_dateline,
    choose_headline,
    headline_again,
    opens_story,
    reads_like_headline,
)
from .lines import (
    BULLET,
    MAX_CAPTION_WORDS,
    MAX_CREDIT_WORDS,
    SENTENCE_END,
    STATEMENT_END,
    TIME,
    Block,
    page_rule,
)

SHORT_REPEAT_WORDS = 4  # a repeated line this short is furniture in every copy
LIST_RUN = 4  # adjacent headline-like lines that make a list; a header has headline, deck, caption
MAX_TAG_LINE_WORDS = 8
_TEASER_END = re.compile(r"[^.\s](?:\.\.\.|…)$")  # cut mid-sentence: `... نحو...`, not `... (...)`
MIN_TEASERS = 2  # one cut line may be the story's own end, lost in the copy
_POST_SIGNATURE = re.compile(r"^[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s*[^()\n]{0,30}\d{4}\s*$")


@dataclass(frozen=True)
class Page:
    headline: Block | None  # None: the page starts at its dateline or lead
    body: list[Block]  # what follows the headline, furniture removed
    dropped: list[tuple[int, str, str]]  # (line, rule, text)


def read_page(blocks: list[Block], *, wire: bool) -> Page:
    """Split a page's blocks into headline, story and furniture. Markdown marks its title
    (the first block), so only wire copy has its headline chosen."""
    rules = _line_rules(blocks, wire)
    kept = [block for block, rule in zip(blocks, rules) if rule is None]
    if not wire or not kept:
        return Page(kept[0] if kept else None, kept[1:], _dropped(blocks, rules))
    by_line = {block.line: index for index, block in enumerate(blocks)}
    lead = next((i for i, block in enumerate(kept) if opens_story(block) or after_dateline(kept, i)), len(kept))
    for block in _link_lists(blocks, kept[:lead]):
        rules[by_line[block.line]] = "link list"
    for block in _alt_texts(kept[lead + 1:]):
        rules[by_line[block.line]] = "photo caption"
    above = [block for block in kept[:lead] if rules[by_line[block.line]] is None]
    headline = choose_headline(above, blocks, _arabic_page(kept))
    for block in above[:above.index(headline)] if headline else ():
        rules[by_line[block.line]] = "page header"
    story = [block for block in kept if rules[by_line[block.line]] is None and block is not headline]
    for block in headline_again(story, headline):
        rules[by_line[block.line]] = "repeated line"
    story = [block for block in story if rules[by_line[block.line]] is None]
    for block in _photo_pairs(blocks, story):
        rules[by_line[block.line]] = "photo caption"
    story = [block for block in story if rules[by_line[block.line]] is None]
    for block in _tags(story):
        rules[by_line[block.line]] = "page footer"
    body = [block for block in story if rules[by_line[block.line]] is None]
    return Page(headline, body, _dropped(blocks, rules))


def _arabic_page(blocks: list[Block]) -> Callable[[], bool]:
    """Whether most of the blocks' letters are Arabic: a pass over all their text, made once
    and only when a rule asks (of a short line in another script)."""
    return cache(lambda: arabic_share(" ".join(block.text for block in blocks)) >= 0.5)


def _dropped(blocks: list[Block], rules: list[str | None]) -> list[tuple[int, str, str]]:
    return [(block.line, rule, block.text) for block, rule in zip(blocks, rules) if rule is not None]


def _line_rules(blocks: list[Block], wire: bool) -> list[str | None]:
    """Each line's furniture rule (None: story text), from the line and the lines around it."""
    copies = Counter(match_key(block.text) for block in blocks) if wire else Counter()
    arabic = _arabic_page(blocks)
    seen: set[str] = set()
    rules: list[str | None] = []
    in_link_list = seen_title = False
    previous_line = 0
    for block in blocks:
        key = match_key(block.text)
        in_link_list = in_link_list and block.line == previous_line + 1  # a blank line ends the list
        previous_line = block.line
        rule = boilerplate.classify(block.text, before_title=not seen_title)
        if rule is None and wire:
            rule = page_rule(block.text, arabic, after_title=seen_title)
        if rule is None and copies[key] > 1 and (key in seen or len(key.split()) < SHORT_REPEAT_WORDS):
            rule = "repeated line"
        if rule is None and in_link_list and not SENTENCE_END.search(block.text):
            rule = "related link"  # headlines listed under `اقرأ أيضاً:`
        in_link_list = (rule is not None and boilerplate.opens_link_list(block.text)) or (
            in_link_list and rule == "related link")
        seen_title = seen_title or rule is None
        seen.add(key)
        rules.append(rule)
    for index in _embedded_posts(blocks):
        rules[index] = "embedded post"
    for index in _teasers(blocks, rules):
        rules[index] = "teaser"
    for index in _video_titles(blocks, rules):
        rules[index] = "video title"
    for index in _closing_links(blocks, rules):
        rules[index] = "related link"
    for index in range(_footer_start(blocks, rules), len(blocks)):
        rules[index] = rules[index] or "site footer"
    return rules


def _closing_links(blocks: list[Block], rules: list[str | None]) -> list[int]:
    """The lines after the page's last bare `ترشيحات..` cue, blank lines between them, when
    each reads like a headline or opens another story with its dateline (`السويداء-سانا
    تفقد ...`): other stories, not this one's end."""
    cue = max((i for i, block in enumerate(blocks) if rules[i] and boilerplate.opens_link_list(block.text)),
              default=len(blocks))
    after = [i for i in range(cue + 1, len(blocks)) if rules[i] is None]
    if all(reads_like_headline(blocks[i].text) and not SENTENCE_END.search(blocks[i].text)
           or match_inline(blocks[i].text) for i in after):
        return after
    return []


def _video_titles(blocks: list[Block], rules: list[str | None]) -> list[int]:
    """The headline-like line after a video player's prompt and running time (`مشاهدة الفيديو
    24:49`): the title of another story's video."""
    found: list[int] = []
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if rules[index] == "prompt" and TIME.search(block.text) and rules[index + 1] is None \
                and reads_like_headline(following.text) and not STATEMENT_END.search(following.text):
            found.append(index + 1)
    return found


def _alt_texts(story: list[Block]) -> list[Block]:
    """Under the lead, a photo's alt text with the site's name (`سيرغي لافروف - سبوتنيك عربي`):
    dateline-shaped, but the place is a person, opening with a given name."""
    found = []
    for block in story:
        dateline = match_own_line(block.text)
        if dateline and dateline.agency and is_given_name(match_key(dateline.place.split()[0])):
            found.append(block)
    return found


def _embedded_posts(blocks: list[Block]) -> list[int]:
    """A post embedded from a social network: its signature (`— Name (@handle) August 28,
    2025`) and the post's text on the line just above it."""
    found: list[int] = []
    for index, block in enumerate(blocks):
        if _POST_SIGNATURE.match(block.text):
            found.append(index)
            if index and blocks[index - 1].line == block.line - 1:
                found.append(index - 1)
    return found


def _teasers(blocks: list[Block], rules: list[str | None]) -> list[int]:
    """The page's last lines when MIN_TEASERS or more of them are cut off with an ellipsis
    (`تستقبل موانئ البحر الأحمر ... نحو...`): other stories' openings, not this one's end."""
    found: list[int] = []
    for index in range(len(blocks) - 1, -1, -1):
        if rules[index] is None and not _TEASER_END.search(blocks[index].text):
            break
        if rules[index] is None:
            found.append(index)
    return found if len(found) >= MIN_TEASERS else []


def _footer_start(blocks: list[Block], rules: list[str | None]) -> int:
    """Where the page footer begins: the earliest boilerplate line after which every line is
    boilerplate or the site speaking of itself (`يعرض موقع الوكالة ...`, `معاييرنا: ...`)."""
    start = len(blocks)
    for index in range(len(blocks) - 1, -1, -1):
        if rules[index] is not None:
            start = index
        elif not boilerplate.speaks_of_site(blocks[index].text):
            break
    return start


def _link_lists(blocks: list[Block], above: list[Block]) -> list[Block]:
    """Lines above the lead that stand in a run of adjacent lines (no blank line between,
    whatever was dropped in it) of which LIST_RUN or more read like headlines."""
    candidates = {block.line for block in above}
    runs: list[list[Block]] = []
    for block in blocks:
        if runs and block.line == runs[-1][-1].line + 1:
            runs[-1].append(block)
        else:
            runs.append([block])
    listed = []
    for run in runs:
        items = [b for b in run if b.line in candidates and reads_like_headline(b.text)
                 and word_count(b.text) >= MIN_HEADLINE_WORDS]
        if len(items) >= LIST_RUN:
            listed += [b for b in run if b.line in candidates and not BULLET.match(b.text)]
    return listed


def _photo_pairs(blocks: list[Block], story: list[Block]) -> list[Block]:
    """A photo's alt text and its caption, printed on adjacent lines, the second the same
    words or more (`السفير سامح شكرى،` over `السفير سامح شكرى، وزير خارجية مصر`), or, however
    long, the same words and a credit: neither is the story, which never says a thing twice
    in a row."""
    kept = {block.line for block in story}
    found: list[Block] = []
    for first, second in zip(blocks, blocks[1:]):
        if first.line not in kept or second.line != first.line + 1:
            continue
        words = word_count(second.text)
        short = words <= MAX_CAPTION_WORDS or words - word_count(first.text) <= MAX_CREDIT_WORDS
        if short and (match_key(second.text) + " ").startswith(match_key(first.text) + " "):
            found += [first] + ([second] if second.line in kept else [])
    return found


def _tags(story: list[Block]) -> list[Block]:
    """Short lines after the last one that ends like a sentence, or two or more that read
    like headlines: a story does not end on a sub-headline, so they are tags (`الفيوم
    التموين الخبز`) or related headlines."""
    last = max((i for i, block in enumerate(story) if opens_story(block)), default=None)
    if last is None:
        return []
    after = [block for block in story[last + 1:] if not SENTENCE_END.search(block.text)]
    if len(after) >= 2 and all(reads_like_headline(block.text) for block in after):
        return after  # related headlines, however long: `الخارجية ...: الانتهاكات ... نحو "غابة"`
    return [block for block in after if word_count(block.text) <= MAX_TAG_LINE_WORDS]
