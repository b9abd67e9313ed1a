"""One build of a site at a time: a second `build-site` (or a rebuild of `serve`) waits for the
first, says so, and then builds; two at once leave a complete site."""

import subprocess
import sys
import time

from generator.build.lock import build_lock
from tests.support.sites import SITE_TOML

ARTICLE = "+++\ndate = 2016-02-13\n+++\nعنوان الخبر\n\nدمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n"


def build(root):
    return subprocess.Popen([sys.executable, "-m", "generator.cli", "build", "--root", str(root), "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_build_waits_for_the_first_and_says_so(site):
    (site.root / "site.toml").write_text(SITE_TOML + "[search]\nenabled = false\n", encoding="utf-8")
    site.article("a.txt", ARTICLE)
    with build_lock(site.root, None):  # a build holding the site
        second = build(site.root)
        time.sleep(1.5)
        assert second.poll() is None  # still waiting
        assert not site.output.exists()
    _, err = second.communicate(timeout=60)
    assert second.returncode == 0
    assert err.startswith("waiting for another build of this site to finish (pid ")
    assert "قال الوزير" in site.page("ar/articles/a/")


def test_two_builds_at_once_leave_one_complete_site(site):
    (site.root / "site.toml").write_text(SITE_TOML + "[search]\nenabled = false\n", encoding="utf-8")
    for n in range(20):
        site.article(f"a{n}.txt", ARTICLE.replace("2016-02-13", f"2016-02-{n + 1:02d}"))
    first, second = build(site.root), build(site.root)
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    assert len(list((site.output / "ar" / "articles").iterdir())) == 20
    assert not list(site.root.glob(".site-staging-*"))
