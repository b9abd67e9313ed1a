"""The preview server: serves the last good build, shows build problems on the page,
rebuilds on change (told of it by the system, not by polling), listens on localhost only,
and never serves a file outside site/."""

import asyncio
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from generator.serve import DEFAULT_HOST, PreviewState, _quiet_watcher, preview_app, rebuild

PREVIEW_URL = "http://127.0.0.1:8000/"
SITE_URL = "https://example.org/digest/"  # tests/conftest.py's site.toml
ARTICLE = "+++\ndate = 2016-02-13\n+++\nعنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n"


def get(app, path):
    response = {}

    def start_response(status, headers):
        response.update(status=status, headers=dict(headers))

    body = b"".join(app({"PATH_INFO": path}, start_response))
    return response["status"], response["headers"], body


@pytest.fixture
def preview(site):
    site.article("a.txt", ARTICLE)
    state = PreviewState()
    assert rebuild(site.root, state)
    return site, state, preview_app(site.output, state, PREVIEW_URL)


@pytest.mark.parametrize("path", ["/../site.toml", "/ar/../../site.toml", "/%2e%2e/site.toml", "/..%2fsite.toml"])
def test_paths_outside_the_site_are_refused(preview, path):
    status, _, body = get(preview[2], path)
    assert status == "403 Forbidden"
    assert b"ARTICLE" not in body and b"base_url" not in body


def test_folders_serve_their_index_and_missing_pages_the_404(preview):
    app = preview[2]
    assert get(app, "/ar/articles/a/")[0] == "200 OK"
    assert get(app, "/ar/articles/a")[0] == "301 Moved Permanently"
    status, headers, body = get(app, "/nowhere/")
    assert status == "404 Not Found" and "الصفحة غير موجودة".encode() in body
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_the_preview_serves_the_site_to_deploy_with_absolute_links_to_itself(preview, capsys):
    site, state, app = preview
    assert f'<link rel="canonical" href="{SITE_URL}ar/articles/a/">' in site.page("ar/articles/a/")
    page = get(app, "/ar/articles/a/")[2].decode()
    assert f'<link rel="canonical" href="{PREVIEW_URL}ar/articles/a/">' in page and SITE_URL not in page
    feed = get(app, "/ar/feed.xml")[2].decode()
    assert f"<id>{PREVIEW_URL}ar/articles/a/</id>" in feed and SITE_URL not in feed
    not_found = get(app, "/no/such/page/")[2].decode()
    assert f'href="{PREVIEW_URL}ar/"' in not_found
    # What the preview built is the site to deploy: a build after it only makes the search
    # index, which the preview leaves as it was.
    pages = {p: p.stat().st_ino for p in site.output.rglob("*") if p.is_file() and "pagefind" not in p.parts
             and p.name != ".nashra-build"}
    assert site.build(capsys)[0] == 0
    assert {p: p.stat().st_ino for p in site.output.rglob("*") if p.is_file() and "pagefind" not in p.parts
             and p.name != ".nashra-build"} == pages
    assert (site.output / "pagefind" / "2016-02" / "pagefind-entry.json").is_file()


def test_a_failed_build_keeps_the_last_good_site_and_shows_why(preview):
    site, state, app = preview
    before = get(app, "/ar/articles/a/")[2]
    site.article("b.txt", "+++\ndate = = 1\n+++\nعنوان\n")
    rebuild(site.root, state)
    status, _, body = get(app, "/ar/articles/a/")
    assert status == "200 OK"
    assert b'id="nashra-build-errors"' in body
    assert b"content/articles/b.txt:2: error: front matter is not valid TOML" in body
    (site.root / "content" / "articles" / "b.txt").unlink()
    rebuild(site.root, state)
    assert get(app, "/ar/articles/a/")[2] == before  # problem fixed: overlay gone


def test_an_article_broken_while_previewed_keeps_its_last_good_page_with_the_problem_on_top(preview, capsys):
    site, state, app = preview
    good = site.page("ar/articles/a/")
    site.article("a.txt", ARTICLE.replace("date = 2016-02-13", "date = = 1"))
    assert rebuild(site.root, state)
    status, _, body = get(app, "/ar/articles/a/")
    assert status == "200 OK"
    assert "قال الوزير" in body.decode() and b"a.txt:2: error: front matter is not valid TOML" in body
    assert "عنوان الخبر" in site.page("ar/")  # still listed where it was
    code, _, err = site.build(capsys)  # a build publishes what can be read: the article goes
    assert code == 1 and "a.txt:2: error" in err
    assert not (site.output / "ar" / "articles" / "a").exists()
    site.article("a.txt", ARTICLE)
    rebuild(site.root, state)
    assert site.page("ar/articles/a/") == good


def test_a_broken_config_keeps_serving_the_previous_build(preview):
    site, state, app = preview
    (site.root / "site.toml").write_text("nonsense = 1\n")
    assert rebuild(site.root, state)  # open pages reload, to show the problem
    body = get(app, "/ar/")[2]
    assert b"unknown key" in body and b"The previous build is still being served." in body


def test_the_preview_listens_on_localhost_by_default():
    assert DEFAULT_HOST == "127.0.0.1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, timeout=10.0):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_rebuilds_and_reloads_on_change(site):
    site.article("a.txt", ARTICLE)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--root", str(site.root), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = fetch(f"http://127.0.0.1:{port}/ar/articles/a/")
        assert "قال الوزير" in page and "livereload.js" in page
        site.article("a.txt", ARTICLE.replace("قال الوزير", "أكد الوزير"))
        deadline = time.monotonic() + 15
        while "أكد الوزير" not in fetch(f"http://127.0.0.1:{port}/ar/articles/a/"):
            assert time.monotonic() < deadline, "the edit never reached the preview"
            time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_an_edit_is_noticed_when_the_system_reports_it(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    article = content / "articles" / "a.txt"
    article.write_text("1")

    async def edit_and_wait() -> None:
        edited = asyncio.Event()
        watcher = _quiet_watcher()
        watcher.watch(str(content), edited.set)
        # Nothing polls here: only the system's report of the edit can run the task.
        assert watcher.start(watcher.examine)
        await asyncio.sleep(0.3)  # the first look, which finds nothing changed
        assert not edited.is_set()
        article.write_text("22")
        await asyncio.wait_for(edited.wait(), timeout=10)

    asyncio.run(edit_and_wait())


def test_a_save_made_of_several_writes_is_looked_at_once(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    article = content / "articles" / "a.txt"
    article.write_text("1")
    looks = []

    async def save_in_bursts() -> None:
        watcher = _quiet_watcher()
        watcher.watch(str(content), lambda: None)
        assert watcher.start(lambda: looks.append(time.monotonic()))
        await asyncio.sleep(0.5)  # the first look, as the preview starts
        looks.clear()
        for text in ("2", "22", "222"):  # an editor writing, then writing again, then renaming
            article.write_text(text)
            await asyncio.sleep(0.03)
        (content / "articles" / "a.txt.tmp").write_text("2222")
        (content / "articles" / "a.txt.tmp").replace(article)
        await asyncio.sleep(1.0)

    asyncio.run(save_in_bursts())
    assert len(looks) == 1


def test_where_the_system_cannot_watch_the_preview_polls_and_says_so(tmp_path, monkeypatch, capsys):
    from watchdog.observers import Observer

    def refuse(*args, **kwargs):
        raise OSError(28, "inotify watch limit reached")

    async def start() -> bool:
        watcher = _quiet_watcher()
        watcher.watch(str(tmp_path), lambda: None)
        return watcher.start(watcher.examine)

    monkeypatch.setattr(Observer, "schedule", refuse)
    assert asyncio.run(start()) is False  # livereload polls when start() says False
    assert "inotify watch limit reached" in capsys.readouterr().err


def test_each_rebuild_says_one_line_and_only_the_problems_not_said_before(site):
    import io
    import re

    site.article("a.txt", ARTICLE)
    site.article("b.txt", "عنوان آخر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مفيدا.\n")  # no date: a warning
    state, log = PreviewState(), io.StringIO()
    rebuild(site.root, state, log=log)
    first = log.getvalue().splitlines()
    assert len(first) == 2 and "no date" in first[0] and re.fullmatch(r"rebuilt \d+ files in \d+\.\d\d s", first[1])
    site.article("a.txt", ARTICLE.replace("قال الوزير", "أكد الوزير"))
    rebuild(site.root, state, log=log)
    assert re.fullmatch(r"rebuilt \d+ files in \d+\.\d\d s", log.getvalue().splitlines()[2])  # the warning not again
    assert len(log.getvalue().splitlines()) == 3
    (site.root / "templates" / "article.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ article.no_such_field.x }}\n{% endblock %}\n', encoding="utf-8")
    site.article("a.txt", ARTICLE)
    rebuild(site.root, state, log=log)
    last = log.getvalue().splitlines()[3:]
    assert "template error" in last[0] and last[-1] == "build failed; the previous build is still being served"


def test_a_rebuild_that_changes_nothing_says_nothing(site):
    import io

    site.article("a.txt", ARTICLE)
    state, log = PreviewState(), io.StringIO()
    rebuild(site.root, state, log=log)
    said = log.getvalue()
    rebuild(site.root, state, log=log)  # the same save seen a second time
    assert log.getvalue() == said
