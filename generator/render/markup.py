"""The HTML of an article's text: segments and paragraphs, in either language.

This markup is the bulk of every article page and of the parallel view, so it is made in
Python, once per article and language, rather than by Jinja macros on every page (which
took most of a build's time): the sections of the article page, and the rows of the
parallel view, the same in both languages' views. Templates own everything around them.

- Arabic: `<span id="s0-p1-1" class="seg">` with Latin runs and numbers isolated.
- English: the translation, marked `lang="en-x-mtfrom-ar"` when a machine made it
  (the BCP 47 private-use tag for machine translation from Arabic).
- English with no translation yet: on the English page, the Arabic original isolated in
  `<bdi lang="ar">` (a whole paragraph without English becomes an RTL paragraph), never an
  empty gap; the page says once, at the top, how much is untranslated. Such Arabic is left
  out of the English search index (`data-pagefind-ignore`): the Arabic index has it, with
  Arabic stemming. In the parallel view, whose other column shows that Arabic already, the
  English of such a segment is an empty placeholder, so no Arabic is shown twice.
"""

from __future__ import annotations

from markupsafe import Markup

from ..model import Article, Paragraph, Provenance, Section, Segment
from .filters import escaped, isolate_html


class ArticleMarkup:
    """The HTML of one article's segments and paragraphs, made as plain strings and marked
    safe once per block (a Markup per segment cost as much as the text itself)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        # A sentence's text in each language: the article page and the parallel view show it alike.
        self._texts: dict[tuple[str, str], str] = {}
        self._sections: dict[str, Markup] = {}
        self._rows: Markup | None = None  # the same in both languages' parallel views

    def _text(self, seg: Segment, lang: str) -> str:
        key = (seg.id, lang)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = isolate_html(seg.en, "en") if lang == "en" and seg.en else isolate_html(seg.ar, "ar")
        return text

    def segment(self, seg: Segment, lang: str, tag: str = "span", id_prefix: str = "") -> Markup:
        """`id_prefix` ("ar-", "en-") marks the parallel view's columns."""
        return Markup(self._segment(seg, lang, tag, id_prefix))

    def sections(self, lang: str) -> Markup:
        """The article's text as its page shows it: the lead a plain block (the HTML outline
        wants only headed sections), each other section with its heading."""
        if lang not in self._sections:
            self._sections[lang] = Markup("\n".join(self._section(section, lang) for section in self.article.sections))
        return self._sections[lang]

    def _section(self, section: Section, lang: str) -> str:
        element = "section" if section.heading else "div"
        heading = [self._segment(section.heading, lang, "h2", "")] if section.heading else []
        parts = heading + [self._paragraph(p, lang, "") for p in section.paragraphs]
        return f'<{element} id="{escaped(section.id)}">\n' + "\n".join(parts) + f"\n</{element}>"

    def parallel_rows(self) -> Markup:
        """The parallel view's rows after the title's (the dateline's, each heading's and
        paragraph's), Arabic beside English: the same in both languages' views, so made once."""
        if self._rows is None:
            self._rows = Markup("\n".join(self._parallel_rows()))
        return self._rows

    def _parallel_rows(self) -> list[str]:
        def row(kind: str, row_id: str, arabic: str, english: str) -> str:
            return (f'<div class="parallel-row {kind}-row" id="{escaped(row_id)}">\n'
                    f'<div class="col" lang="ar" dir="rtl">{arabic}</div>\n'
                    f'<div class="col" lang="en" dir="ltr">{english}</div>\n</div>')

        made = []
        if self.article.dateline:  # a segment like any other, to be read and translated beside its Arabic
            dateline = self.article.dateline.segment
            made.append(row("dateline", "dateline", self._segment(dateline, "ar", "p", "ar-"),
                            self._segment(dateline, "en", "p", "en-")))
        for section in self.article.sections:
            if section.heading:
                made.append(row("heading", section.id, self._segment(section.heading, "ar", "h2", "ar-"),
                                self._segment(section.heading, "en", "p", "en-")))
            made += [row("paragraph", p.id, self._paragraph(p, "ar", "ar-"), self._paragraph(p, "en", "en-"))
                     for p in section.paragraphs]
        return made

    def _segment(self, seg: Segment, lang: str, tag: str, id_prefix: str) -> str:
        anchor = escaped(id_prefix + seg.id)
        if lang == "ar":
            return f'<{tag} id="{anchor}" class="seg">{self._text(seg, "ar")}</{tag}>'
        if seg.en:
            machine = ' lang="en-x-mtfrom-ar"' if seg.provenance is Provenance.MACHINE else ""
            return f'<{tag} id="{anchor}" class="seg {seg.provenance.value}"{machine}>{self._text(seg, "en")}</{tag}>'
        if id_prefix:  # the parallel view: its Arabic column has this text already
            return f'<{tag} id="{anchor}" class="seg missing" data-pagefind-ignore></{tag}>'
        if tag != "span":  # a headline or heading all in Arabic: a right-to-left block
            return (f'<{tag} id="{anchor}" class="seg untranslated" lang="ar" dir="rtl" data-pagefind-ignore>'
                    f'{self._text(seg, "ar")}</{tag}>')
        return (f'<{tag} id="{anchor}" class="seg untranslated" data-pagefind-ignore>'
                f'<bdi lang="ar" dir="rtl">{self._text(seg, "ar")}</bdi></{tag}>')

    def _paragraph(self, paragraph: Paragraph, lang: str, id_prefix: str) -> str:
        anchor = escaped(id_prefix + paragraph.id)
        if lang == "en" and not id_prefix and not any(s.en for s in paragraph.sentences):
            spans = " ".join(f'<span id="{escaped(s.id)}" class="seg">{self._text(s, "ar")}</span>'
                             for s in paragraph.sentences)
            return f'<p id="{anchor}" class="untranslated" lang="ar" dir="rtl" data-pagefind-ignore>{spans}</p>'
        sentences = " ".join(self._segment(s, lang, "span", id_prefix) for s in paragraph.sentences)
        return f'<p id="{anchor}">{sentences}</p>'
