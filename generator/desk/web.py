"""The translation desk's part of the preview server: the `/desk/` page, the JSON the editor's
page reads and writes, and the script that makes the parallel view editable.

Only for the author's own browser: the desk answers only when the preview listens on a
loopback address and the request names it (`Host: 127.0.0.1:8000`, which a page of another
site that rebinds its name to 127.0.0.1 cannot send), and a write carries a token made for
this session, which only pages the preview served hold: a page of another site can neither
read it nor send it (a custom header from another origin needs a CORS permission the desk
never gives).
"""

from __future__ import annotations

import hmac
import json
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import jinja2

from ..build.changes import last_built
from ..config import ConfigError, SiteConfig, load_config
from ..render.urls import Route
from ..site.library import Listing
from .edits import DeskRefusal, read_article, save_segment

HERE = Path(__file__).parent
LOOPBACK = ("127.0.0.1", "localhost", "::1")
TOKEN_HEADER = "HTTP_X_NASHRA_DESK"  # X-Nashra-Desk, as WSGI names it
PARALLEL = re.compile(r"^/(ar|en)/articles/([^/]+)/parallel/$")
ARTICLE_API = re.compile(r"^/_desk/articles/([^/]+)(?:/([a-z0-9-]+))?$")
MAX_BODY = 1 << 20
Respond = tuple[str, list[tuple[str, str]], bytes]


def desk_available(host: str) -> bool:
    return host in LOOPBACK


@dataclass(frozen=True)
class DeskArticleRow:
    """One article on the `/desk/` page: what needs an editor in it."""

    listing: Listing
    untranslated: int
    machine: int
    stale: int
    href: str


@dataclass
class Desk:
    root: Path  # the site's folder: its site.toml is read again for each request, as each rebuild does
    host: str
    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    def _config(self) -> SiteConfig:
        try:
            return load_config(self.root)
        except ConfigError as exc:
            raise DeskRefusal(503, f"site.toml cannot be read; mend it first: {exc}") from exc

    @property
    def origin(self) -> str:
        return f"http://{self._netloc(self.host)}"

    def _netloc(self, host: str) -> str:
        return f"[{host}]:{self.port}" if ":" in host else f"{host}:{self.port}"

    def _trusted_host(self, environ: dict) -> bool:
        names = {self._netloc(name) for name in LOOPBACK}
        return environ.get("HTTP_HOST", "") in names

    def handles(self, path: str) -> bool:
        return path == "/desk/" or path.startswith("/_desk/")

    def page_extras(self, environ: dict, path: str) -> bytes:
        """What a served page gains before `</body>`: on a parallel view, the desk's editor."""
        match = PARALLEL.match(path)
        if not match or not self._trusted_host(environ):
            return b""
        # JSON in a script element: entities are not decoded there, but `</script>` would end it
        settings = json.dumps({"token": self.token, "slug": match[2], "api": "/_desk/", "desk": "/desk/"})
        settings = settings.replace("<", "\\u003c")
        return (f'<script type="application/json" id="nashra-desk">{settings}</script>'
                '<link rel="stylesheet" href="/_desk/desk.css"><script src="/_desk/desk.js" defer></script>'
                ).encode()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        status, headers, body = self._respond(environ)
        start_response(status, headers + [("Content-Length", str(len(body))), ("Cache-Control", "no-store"),
                                          ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
                                          ("Content-Security-Policy", "frame-ancestors 'none'")])
        return [body]

    def _respond(self, environ: dict) -> Respond:
        path, method = environ.get("PATH_INFO", "/"), environ.get("REQUEST_METHOD", "GET")
        if not self._trusted_host(environ):
            return _text("403 Forbidden", f"the translation desk answers only at {self.origin}/desk/")
        if path == "/desk/" and method == "GET":
            try:
                return "200 OK", [("Content-Type", "text/html; charset=utf-8")], self._desk_page(self._config())
            except DeskRefusal as exc:
                return _text(f"{exc.status} {REASONS[exc.status]}", str(exc))
        if path in ("/_desk/desk.js", "/_desk/desk.css") and method == "GET":
            kind = "text/javascript" if path.endswith(".js") else "text/css"
            return "200 OK", [("Content-Type", f"{kind}; charset=utf-8")], (HERE / path.rsplit("/", 1)[1]).read_bytes()
        match = ARTICLE_API.match(path)
        if not match:
            return _text("404 Not Found", "no such desk address")
        refusal = self._refusal(environ)
        if refusal:
            return _json(403, {"error": refusal})
        try:
            return self._article_call(environ, method, match[1], match[2])
        except DeskRefusal as exc:
            return _json(exc.status, {"error": str(exc)})

    def _refusal(self, environ: dict) -> str:
        origin = environ.get("HTTP_ORIGIN")
        if origin is not None and origin not in {f"http://{self._netloc(name)}" for name in LOOPBACK}:
            return "refused: a request from another site"
        if not hmac.compare_digest(environ.get(TOKEN_HEADER, ""), self.token):
            return "refused: this page was not opened from this preview (restarted since? reload the page)"
        return ""

    def _article_call(self, environ: dict, method: str, slug: str, segment_id: str | None) -> Respond:
        config = self._config()
        source = next((path for path, listing in last_built(config).items() if listing.slug == slug), None)
        if source is None:
            raise DeskRefusal(404, f"no article {slug!r} in the last build")
        if method == "GET" and segment_id is None:
            return _json(200, read_article(config, source, slug).as_json())
        if method != "POST" or segment_id is None:
            raise DeskRefusal(405, "read an article with GET, save a segment with POST")
        if not environ.get("CONTENT_TYPE", "").startswith("application/json"):
            raise DeskRefusal(415, "a save is JSON: {\"target\": ..., \"version\": ...}")
        try:
            length = min(int(environ.get("CONTENT_LENGTH") or 0), MAX_BODY)
            request = json.loads(environ["wsgi.input"].read(length))
            target, version = request["target"], request["version"]
        except (ValueError, KeyError, TypeError) as exc:
            raise DeskRefusal(400, f"a save is JSON: {{\"target\": ..., \"version\": ...}} ({exc})") from exc
        if not isinstance(target, str) or not isinstance(version, str):
            raise DeskRefusal(400, "`target` and `version` must be strings")
        return _json(200, save_segment(config, source, slug, segment_id, target, version).as_json())

    def _desk_page(self, config: SiteConfig) -> bytes:
        built = last_built(config)
        rows = []
        for listing in sorted(built.values(), key=_newest_first):
            status = listing.status
            if status.missing or status.machine:
                rows.append(DeskArticleRow(listing, status.missing - status.stale, status.machine, status.stale,
                                           "/" + Route("en", "parallel", listing.slug).url))
        environment = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True)
        return environment.get_template("desk.html").render(rows=rows, site=config, built=bool(built)).encode()


def _newest_first(listing: Listing) -> tuple:
    return (listing.date is None, -(listing.date.toordinal() if listing.date else 0), listing.slug)


def _text(status: str, message: str) -> Respond:
    return status, [("Content-Type", "text/plain; charset=utf-8")], (message + "\n").encode()


REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
           409: "Conflict", 415: "Unsupported Media Type", 422: "Unprocessable Content", 503: "Service Unavailable",
           507: "Insufficient Storage"}


def _json(code: int, data: dict) -> Respond:
    return f"{code} {REASONS[code]}", [("Content-Type", "application/json")], json.dumps(data, ensure_ascii=False).encode()

