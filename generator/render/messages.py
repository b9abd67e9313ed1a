"""The words of the site's own interface in each language: message ids in English, their
Arabic in `templates/locale/ar.po` (a gettext catalogue, edited with any PO editor), plural
forms by the CLDR rules Babel knows (Arabic has six: `تصريح واحد`, `تصريحان`, `٣ تصريحات`,
`١١ تصريحاً`, ...). Templates say `_("Skip to content")` and `ngettext(...)`, in the language
of the page being rendered; code that makes a page's title asks `message()`."""

from __future__ import annotations

import gettext
import io
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from markupsafe import Markup

LOCALE_DIR = "locale"  # inside the templates folder: <lang>.po
_ENGLISH = gettext.NullTranslations()  # the message ids' own language
page_lang: ContextVar[str] = ContextVar("page_lang", default="en")  # set while a page renders


def catalogue(templates_dir: Path, lang: str) -> gettext.NullTranslations:
    """The language's catalogue; one without a .po shows the English (so a theme without
    one still builds)."""
    path = templates_dir / LOCALE_DIR / f"{lang}.po"
    try:
        stamp = path.stat().st_mtime_ns  # an edit during `serve` is read again
    except OSError:
        return _ENGLISH
    return _compiled(path, lang, stamp)


@lru_cache(maxsize=8)
def _compiled(path: Path, lang: str, stamp: int) -> gettext.NullTranslations:
    with path.open("rb") as handle:
        messages = read_po(handle, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return Translations(compiled)


def message(templates_dir: Path, lang: str, text: str, context: str = "") -> str:
    found = catalogue(templates_dir, lang)
    return found.pgettext(context, text) if context else found.gettext(text)


def callables(templates_dir: Path):
    """gettext and ngettext for Jinja's newstyle i18n, in the language of the page being
    rendered: the translation marked safe, then `%`-formatted with its variables escaped, as
    Jinja's own newstyle wrappers do in an autoescaped template (every template that shows
    the interface's words is HTML or XML). They are plain functions: Jinja's wrappers reach
    each message through the template's context, and in a block that sets a variable through
    a context derived for it, which cost a tenth of an article page's rendering.

    Each language's catalogue is looked up once per environment (a build makes its own, so an
    edit of a .po during `serve` is seen by the next rebuild), not once per message: a
    build asks for tens of thousands."""
    found: dict[str, gettext.NullTranslations] = {}

    def current() -> gettext.NullTranslations:
        lang = page_lang.get()
        if lang not in found:
            found[lang] = catalogue(templates_dir, lang)
        return found[lang]

    without_variables: dict[tuple[str, str], Markup] = {}  # the same few words on every page

    def gettext_(text: str, /, **variables: object) -> Markup:
        if variables:
            return Markup(current().gettext(text)) % variables
        key = (page_lang.get(), text)
        if key not in without_variables:
            without_variables[key] = Markup(current().gettext(text)) % variables
        return without_variables[key]

    def ngettext_(singular: str, plural: str, num: int, /, **variables: object) -> Markup:
        variables.setdefault("num", num)
        return Markup(current().ngettext(singular, plural, num)) % variables

    return gettext_, ngettext_
