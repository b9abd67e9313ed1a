"""Checks that a built page is well-formed and that no input text was taken for markup.

Input reaches pages only as text. `html_problems` finds what breaks that on any page:
- ill-formed HTML: an element not closed in order, a character HTML forbids, a raw `<` or
  `&` in text (the escaped forms are the only way input may show them);
- an attribute that runs code: an `on...=` handler, a `javascript:` or `data:` link.
Tests add the decisive check on the pages of a hostile article: its text is found whole in
the page's text (`page_text`), which it cannot be if any of it was taken for markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RAW_TEXT_ELEMENTS = {"script", "style"}
# Characters HTML forbids in a document: controls but ASCII white space, and noncharacters.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_CODE_URL = re.compile(r"\s*(?:javascript|vbscript|data):", re.I)


@dataclass
class _Page(HTMLParser):
    problems: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    open_elements: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=False)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on") or (name in ("href", "src", "action") and _CODE_URL.match(value or "")):
                self.problems.append(f"<{tag} {name}={value!r}> runs code")
        if tag not in VOID_ELEMENTS:
            self.open_elements.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.open_elements.pop()

    def handle_endtag(self, tag):
        if not self.open_elements or self.open_elements[-1] != tag:
            self.problems.append(f"</{tag}> closes {('<' + self.open_elements[-1] + '>') if self.open_elements else 'nothing'}")
        else:
            self.open_elements.pop()

    def handle_data(self, data):
        if self.open_elements and self.open_elements[-1] in RAW_TEXT_ELEMENTS:
            return  # a script's JSON is not text; json_ld escapes `<` in it
        if "<" in data or "&" in data:
            self.problems.append(f"unescaped markup character in text: {data[:60]!r}")
        self.text.append(data)

    def handle_entityref(self, name):
        self.text.append(f"&{name};")

    def handle_charref(self, name):
        self.text.append(f"&#{name};")


def html_problems(html: str) -> list[str]:
    """What makes `html` ill-formed or shows input taken for markup; [] for a good page."""
    page = _Page()
    page.feed(html)
    page.close()
    problems = list(page.problems)
    if not html.lower().startswith("<!doctype html>"):
        problems.append("no <!doctype html>")
    if page.open_elements:
        problems.append(f"never closed: {page.open_elements}")
    if found := _FORBIDDEN.search(html):
        problems.append(f"character HTML forbids: U+{ord(found.group()):04X}")
    return problems


def page_text(html: str) -> str:
    """The text a reader sees (and the title), character references decoded."""
    page = _Page()
    page.feed(html)
    page.close()
    return unescape("".join(page.text))
