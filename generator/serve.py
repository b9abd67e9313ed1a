"""`build-site serve`: a live-reloading preview for authors.

A thin loop around `build()` (MkDocs' livereload server): watch the content, templates,
data files and config; rebuild on change; tell the browser to reload. A failed build leaves
the last good `site/` in place (the builder guarantees it) and its messages are shown on
top of every page until the next good build, as Zola does.

The preview builds exactly what `build-site build` does, configured `base_url` included,
and points absolute links at itself as it serves them: so `site/` is always the site to
deploy, and going from the preview to a build, or back, renders nothing again.
"""

from __future__ import annotations

import errno
import html
import logging
import mimetypes
import os
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, TextIO
from urllib.parse import unquote

from .build.lock import build_lock
from .build.run import BuildError, build
from .config import CONFIG_NAME, ConfigError, load_config
from .desk.web import Desk, desk_available
from .diagnostics import Level, Report

DEFAULT_HOST = "127.0.0.1"  # a preview is for the author only: never the network by default


@dataclass
class PreviewState:
    """What the last build said; read by the web app, written by the rebuild loop."""

    problems: list[str] = field(default_factory=list)
    site_url: str = ""  # the base_url the served site was built for
    said: set[str] = field(default_factory=set)  # the problems the last rebuild printed, or found
    lock: threading.Lock = field(default_factory=threading.Lock)

    def set(self, problems: list[str]) -> bool:
        """Record the problems; True when they differ from the ones shown until now."""
        with self.lock:
            changed, self.problems = problems != self.problems, problems
        return changed

    def get(self) -> list[str]:
        with self.lock:
            return list(self.problems)


def rebuild(root: Path, state: PreviewState, search: bool = False, log: TextIO | None = None) -> bool:
    """Build once; record problems for the overlay, and say in `log` what was rebuilt and
    any problem not said before (`rebuilt 3 files in 0.21 s`). True when what the preview
    shows changed (a new site/, or other problems), so open pages must reload.

    The search index is left as it was unless `search` is asked for: indexing is the
    slowest part of a build, and an author previewing an article seldom searches."""
    report = Report(stream=None)
    started = time.perf_counter()
    try:
        with build_lock(root, log):
            result = build(root, report, search=None if search else False, drafts=True, keep_last_good=True)
    except BuildError as exc:
        lines = str(exc).splitlines()
        _say_new(log, state, lines + ["build failed; the previous build is still being served"])
        return state.set(lines + ["The previous build is still being served."])
    _say_new(log, state, [str(d) for d in report.diagnostics])
    if log is not None and result.files_written:  # an editor's save may be seen twice: the second is a no-op
        took = time.perf_counter() - started
        print(f"rebuilt {result.files_written} file{'s' if result.files_written != 1 else ''} in {took:.2f} s",
              file=log, flush=True)
    if result.published or result.up_to_date:
        state.site_url = result.config.base_url
    shown_problems_changed = state.set([str(d) for d in report.diagnostics if d.level is Level.ERROR])
    return result.published or shown_problems_changed


def _say_new(log: TextIO | None, state: PreviewState, lines: list[str]) -> None:
    """Print the problems this rebuild found that the last one did not: an author sees a new
    problem once, not every warning of the site again on every save."""
    if log is not None:
        for line in lines:
            if line not in state.said:
                print(line, file=log, flush=True)
    state.said = set(lines)


def _overlay(problems: list[str]) -> bytes:
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
    return (
        '<div id="nashra-build-errors" role="alert" dir="ltr" lang="en" style="position:fixed;'
        "inset-inline:0;inset-block-start:0;z-index:1000;max-block-size:50vh;overflow:auto;"
        'background:#fff4f4;color:#6b0000;border-block-end:3px solid #b00000;padding:1rem;font:14px monospace">'
        f"<strong>Build problems</strong><ul>{items}</ul></div>"
    ).encode("utf-8")


def preview_app(site_dir: Path, state: PreviewState, preview_url: str, desk: Desk | None = None) -> Callable:
    """A WSGI app serving `site_dir` at `preview_url`, and the translation `desk` if given;
    refuses any path outside them."""
    root = site_dir.resolve()

    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = unquote(environ.get("PATH_INFO", "/"))
        if desk is not None and desk.handles(path):
            return desk(environ, start_response)
        target = (root / path.lstrip("/")).resolve()
        if not target.is_relative_to(root) or "\x00" in path:
            start_response("403 Forbidden", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"Forbidden: outside the site\n"]
        if target.is_dir():
            if not path.endswith("/"):
                start_response("301 Moved Permanently", [("Location", path + "/")])
                return [b""]
            target = target / "index.html"
        status = "200 OK"
        if not target.is_file():
            status, target = "404 Not Found", root / "404.html"
            if not target.is_file():
                start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
                return [b"Not found (the site has not been built yet?)\n"]
        body = target.read_bytes()
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        problems = state.get()
        if content_type == "text/html" and problems:
            body = body.replace(b"<body>", b"<body>" + _overlay(problems), 1)
        if content_type == "text/html" and desk is not None and status == "200 OK":
            body = body.replace(b"</body>", desk.page_extras(environ, path) + b"</body>", 1)
        if content_type.startswith("text/") or content_type in ("application/javascript", "application/xml"):
            content_type += "; charset=utf-8"
            # Absolute links (canonical, feeds, the 404 page's) lead to the preview, not the web.
            body = body.replace(state.site_url.encode(), preview_url.encode()) if state.site_url else body
        # No other site may frame the preview: its pages carry the desk's token, and a framed
        # desk could be clicked through from there.
        start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body))),
                                ("Cache-Control", "no-store"), ("X-Frame-Options", "DENY"),
                                ("Content-Security-Policy", "frame-ancestors 'none'")])
        return [body]

    return app


# An editor's save is several events (write, close, a rename over the old file): the preview
# looks once they have stopped for this long, so one save is one rebuild, not two.
SETTLE_SECONDS = 0.15


def _quiet_watcher():
    """livereload's watcher, with two changes.

    It never reloads open pages itself; the task of a watched path that changed does, after
    a build that changed what they show. livereload's own reload ignores a change within 3 s
    of the last reload, so a second save in quick succession was built but never shown.

    It looks for changes when the system reports an edit under a watched path (inotify,
    FSEvents or kqueue, through watchdog), where livereload polls every file's mtime, all the
    time, at a cost that grows with the site. Where the system cannot watch (too many folders
    for inotify, say) it says so and livereload polls after all.
    """
    from livereload.watcher import Watcher  # imported here: only the preview needs tornado
    from tornado.ioloop import IOLoop

    class QuietWatcher(Watcher):
        def examine(self):
            change = super().examine()
            # Except the reload livereload asks for once as it starts, for pages left open by
            # a preview that was stopped and started again.
            return change if change[0] == "__livereload__" else (None, None)

        def start(self, examine_changes) -> bool:
            loop = IOLoop.current()
            timer: list[object] = []  # the look scheduled after the latest edit, if any

            def examine_once() -> None:  # on the IOLoop; one look for a burst of edits
                timer.clear()
                examine_changes()

            def settle() -> None:  # on the IOLoop: look once the edits have stopped for a moment
                if timer:
                    loop.remove_timeout(timer.pop())
                timer.append(loop.call_later(SETTLE_SECONDS, examine_once))

            def edited() -> None:  # on watchdog's thread
                loop.add_callback(settle)

            try:
                _observe(tuple(self._tasks), edited)
            except OSError as exc:
                print(f"warning: the system cannot watch the site for edits ({exc}); "
                      "looking at every file each 0.8 s instead", file=sys.stderr)
                return False
            loop.add_callback(examine_once)  # a first look, as livereload's polling would
            return True

    return QuietWatcher()


def _observe(watched: tuple[str, ...], edited: Callable[[], None]) -> None:
    """Call `edited` when a file under one of the `watched` paths is saved, added or deleted
    (the build opening files to read them is no edit); OSError when the system cannot watch."""
    from watchdog import events
    from watchdog.observers import Observer

    edits = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileMovedEvent, events.FileDeletedEvent,
             events.DirCreatedEvent, events.DirMovedEvent, events.DirDeletedEvent]

    def concerns(path: str) -> bool:
        return any(path == w or path.startswith(w + os.sep) for w in watched)

    class Edits(events.FileSystemEventHandler):
        def on_any_event(self, event: events.FileSystemEvent) -> None:
            if concerns(event.src_path) or concerns(event.dest_path):
                edited()

    observer = Observer()
    observer.daemon = True
    for path in watched:
        folder = os.path.isdir(path)  # a file (site.toml) is watched through its folder
        observer.schedule(Edits(), path if folder else os.path.dirname(path) or ".", recursive=folder,
                          event_filter=edits)
    observer.start()


def serve(root: Path, host: str = DEFAULT_HOST, port: int = 8000, search: bool = False) -> int:
    from livereload import Server  # imported here: only the preview needs tornado
    from livereload.handlers import LiveReloadHandler

    try:
        config = load_config(root)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    problem = _port_problem(host, port)
    if problem:
        print(f"build-site serve: cannot listen on {host}:{port}: {problem}", file=sys.stderr)
        return 2
    preview_url = f"http://{host}:{port}/"
    state = PreviewState(site_url=config.base_url)
    rebuild(root, state, search, sys.stderr)

    def on_change() -> None:
        if rebuild(root, state, search, sys.stderr):
            LiveReloadHandler.reload_waiters()

    class QuietServer(Server):
        def _setup_logging(self) -> None:  # livereload logs every reload ("Reload 0 waiters")
            super()._setup_logging()
            logging.getLogger("livereload").setLevel(logging.WARNING)
            # and tornado each refused desk request: the desk's page already says why
            logging.getLogger("tornado.access").setLevel(logging.ERROR)

    desk = Desk(config.root, host, port) if desk_available(host) else None
    server = QuietServer(app=preview_app(config.output_dir, state, preview_url, desk), watcher=_quiet_watcher())
    for path in (config.content_dir, config.templates_dir, config.root / CONFIG_NAME):
        server.watch(str(path), on_change)
    print(f"Serving {config.output_dir} on {preview_url} (Ctrl-C to stop)")
    if desk:
        print(f"Translation desk: {preview_url}desk/ (edit the English on any parallel view)")
    else:
        print(f"The translation desk is off: it answers only on this machine (--host 127.0.0.1), not on {host}")
    server.serve(host=host, port=port, debug=False, restart_delay=0)
    return 0


def _port_problem(host: str, port: int) -> str:
    """Why the preview could not listen on host:port ("" when it can), asked before the
    first build: a port in use is said in one line, not after "Serving on ..." as a traceback."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as tornado binds
            probe.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return f"the port is in use (another preview?); try --port {port + 1}"
        return exc.strerror or str(exc)
    return ""
