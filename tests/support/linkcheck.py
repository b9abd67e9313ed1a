"""A small internal link checker for a built site: every relative href/src must name a file
that exists, and every #fragment an element id in that file."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit


@dataclass
class PageLinks(HTMLParser):
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name) is not None:
                self.links.append(attributes[name])


def _parse(path: Path) -> PageLinks:
    page = PageLinks()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _resolve(site: Path, page: Path, link: str) -> Path:
    target = (page.parent / unquote(urlsplit(link).path)).resolve()
    if link.split("#")[0].endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(site: Path, base_url: str = "") -> list[str]:
    """Problems as 'page: link'; absolute links under base_url are checked too."""
    site = site.resolve()
    pages = {path: _parse(path) for path in site.rglob("*.html")}
    problems = []
    for path, parsed in pages.items():
        for link in parsed.links:
            if base_url and link.startswith(base_url):
                local = "/" + link[len(base_url):]
                target_link = str(PurePosixPath(local))
                target = (site / target_link.lstrip("/")).resolve()
                if link.split("#")[0].endswith("/"):
                    target = target / "index.html"
            elif urlsplit(link).scheme or link.startswith("//"):
                continue
            else:
                target = _resolve(site, path, link)
            fragment = urlsplit(link).fragment
            where = f"{path.relative_to(site)}: {link}"
            if not target.is_relative_to(site) or not target.exists():
                problems.append(f"{where} (no such file)")
            elif fragment:
                ids = pages[target].ids if target in pages else _parse(target).ids
                if fragment not in ids:
                    problems.append(f"{where} (no element with id {fragment!r})")
    return sorted(problems)
