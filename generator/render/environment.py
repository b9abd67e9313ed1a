"""The Jinja environment, and pages as bytes.

A page is planned as an `OutputPage` (its route, template and context) before anything is
rendered, so collisions are found before a byte is written; `render` turns it into bytes.
Templates see plain data and a `link()` helper bound to the page being rendered; they never
build a URL themselves."""

from __future__ import annotations

import json
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import jinja2
import jinja2.compiler
import jinja2.runtime
from markupsafe import Markup

from ..config import SiteConfig
from .filters import article_date, escaped, isolate, localise_digits, person_html, search_filter
from .messages import callables, page_lang
from .urls import DIRECTION, Route

ASSETS_DIR = "assets"  # inside the templates folder; copied to site/assets/


@dataclass(frozen=True)
class OutputPage:
    route: Route
    template: str
    # A site-wide page's context can be a function that makes it, called only when the page
    # is rendered: most site-wide pages of a rebuild are not.
    context: dict[str, Any] | Callable[[], dict[str, Any]] = field(hash=False, compare=False)
    inputs: Any = None  # for site-wide pages: what the page shows, to detect change


_PLAIN_CALLABLES = (types.FunctionType, types.MethodType, types.BuiltinFunctionType)


class _Context(jinja2.runtime.Context):
    """Calls a plain function (`link()`, a method) at once. Jinja's `Context.call` looks
    three times for a `pass_context` mark on whatever a template calls, a tenth of a page's
    rendering; what carries the mark (gettext, macros, callable objects) still goes its way."""

    def call(__self, __obj, *args, **kwargs):  # noqa: N805 - Jinja's names, which its compiled templates pass
        if type(__obj) not in _PLAIN_CALLABLES or hasattr(__obj, "jinja_pass_arg"):
            return super().call(__obj, *args, **kwargs)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:  # as Jinja's own call does
            return __self.environment.undefined("value was undefined because a callable raised a"
                                                " StopIteration exception")


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Compiles each `{{ value }}` of an autoescaped template to `environment.escaped(value)`
    instead of markupsafe's `escape(value)`, which makes a Markup of every value through
    two Python calls, only for it to be joined into the page: a third of the time of the
    site-wide pages, whose lists write tens of thousands of values. Where the template
    switches autoescaping on and off (`{% autoescape %}`), Jinja's own code stays."""

    def _output_child_pre(self, node, frame, finalize):  # noqa: ANN001 - Jinja's compiler hook
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            self.write("environment.escaped(")
            if finalize.src is not None:
                self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)

    @jinja2.compiler.optimizeconst
    def visit_Getattr(self, node, frame):  # noqa: ANN001 - Jinja's compiler hook
        """`value.name` as Python's `getattr(value, "name", missing)`, and Jinja's getattr (an
        item, or undefined) only when that finds nothing: Jinja's is a Python call on every
        dot, which the lists of the site-wide pages take a few hundred thousand times."""
        if self.environment.is_async:
            return super().visit_Getattr(node, frame)
        value, found = self.temporary_identifier(), self.temporary_identifier()
        self.write(f"({found} if ({found} := getattr(({value} := ")
        self.visit(node.node, frame)
        self.write(f"), {node.attr!r}, missing)) is not missing else environment.getattr({value}, {node.attr!r}))")


class _Environment(jinja2.Environment):
    code_generator_class = _CodeGenerator
    context_class = _Context
    escaped = staticmethod(escaped)

    def make_globals(self, d: dict[str, Any] | None) -> dict[str, Any]:
        """A template's globals as one dict, not Jinja's ChainMap over the environment's: each
        page copies them into its context and each import compares their keys, a walk of the
        chain every time (a tenth of an article page's rendering). The environment's globals
        are all set before a template loads (`make_environment`), so the copy misses nothing."""
        return {**self.globals, **(d or {})}


def make_environment(config: SiteConfig) -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(config.templates_dir),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,  # a typo in a template fails the build, not the page
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one environment per build: no stat of the template on every page
        cache_size=-1,  # a plain dict of the few templates, not an LRU (a lock, Python calls) on every page and extends
        extensions=["jinja2.ext.i18n"],
    )
    gettext, ngettext = callables(config.templates_dir)
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # the `{% trans %}` tag's newstyle form
    env.globals.update(gettext=gettext, ngettext=ngettext, _=gettext)  # without Jinja's context-bound wrappers
    env.filters["isolate"] = isolate
    env.filters["article_date"] = lambda article, lang: article_date(article, lang, config.arabic_digits)
    env.filters["digits"] = lambda value, lang: localise_digits(str(value), lang, config.arabic_digits)
    env.filters["json_ld"] = json_ld
    env.globals["direction"] = DIRECTION
    env.filters["person_html"] = person_html
    env.globals["search_filter"] = search_filter
    return env


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON for a <script> element: `<`, `>` and `&` escaped so text can never close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


class TemplateFailure(Exception):
    """A template could not be loaded or rendered; the message names file and line."""


def render(env: jinja2.Environment, page: OutputPage) -> bytes:
    context = page.context() if callable(page.context) else page.context
    token = page_lang.set(page.route.lang or "ar")  # the interface's words in the page's language
    try:
        return env.get_template(page.template).render(context).encode("utf-8")
    except jinja2.TemplateError as exc:
        raise TemplateFailure(_describe_template_error(exc, env)) from None
    finally:
        page_lang.reset(token)


def _describe_template_error(exc: jinja2.TemplateError, env: jinja2.Environment) -> str:
    """`templates/article.html:12: template error: message`, also for errors while rendering."""
    templates_dir = str(env.loader.searchpath[0]) if isinstance(env.loader, jinja2.FileSystemLoader) else ""
    filename, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    traceback = exc.__traceback__
    while traceback is not None:  # Jinja maps template frames to template file and line
        code = traceback.tb_frame.f_code
        if templates_dir and code.co_filename.startswith(templates_dir):
            filename, line = code.co_filename, traceback.tb_lineno
        traceback = traceback.tb_next
    message = getattr(exc, "message", None) or str(exc)
    return f"{filename}:{line}: template error: {message}" if filename else f"template error: {message}"


def asset_files(config: SiteConfig) -> list[tuple[Route, Path]]:
    """Static files shipped with the templates (CSS, scripts), copied verbatim."""
    folder = config.templates_dir / ASSETS_DIR
    if not folder.is_dir():
        return []
    return [
        (Route(None, "asset", path.relative_to(folder).as_posix()), path)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]
