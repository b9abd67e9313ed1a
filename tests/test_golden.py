"""Golden output: the fixture site in tests/fixtures/sites/golden must build to exactly the
files in tests/golden/golden-site/. After an intended change to templates or rendering,
regenerate with `make golden` and review the result with `git diff tests/golden`."""

import difflib
import os
import shutil
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden" / "golden-site"
SEARCH_BUNDLE = "pagefind"  # Pagefind's own output, not kept here: tests/test_search.py checks it
FONTS = "assets/fonts/"  # copied byte for byte from templates/assets/fonts/: not kept twice
STAMP = ".nashra-build"  # a digest of all the other files: it changes with any of them


def files(root: Path) -> dict[str, bytes]:
    paths = (p for p in sorted(root.rglob("*")) if p.is_file())
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in paths
            if p.relative_to(root).parts[0] not in (SEARCH_BUNDLE, STAMP)
            and not p.relative_to(root).as_posix().startswith(FONTS)}


def test_golden_site(fixture_site, capsys):
    site = fixture_site("golden")
    code, _, err = site.build(capsys, "--strict")
    assert (code, err) == (0, "")
    built = files(site.output)
    if os.environ.get("NASHRA_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(site.output, GOLDEN)
        shutil.rmtree(GOLDEN / SEARCH_BUNDLE)
        shutil.rmtree(GOLDEN / FONTS, ignore_errors=True)
        (GOLDEN / STAMP).unlink(missing_ok=True)
        pytest.skip("regenerated tests/golden/golden-site: review it with git diff, then run the test again")
    expected = files(GOLDEN)
    problems = [f"missing file: {name}" for name in sorted(expected.keys() - built.keys())]
    problems += [f"unexpected file: {name}" for name in sorted(built.keys() - expected.keys())]
    for name in sorted(expected.keys() & built.keys()):
        if expected[name] != built[name]:
            problems.extend(difflib.unified_diff(
                expected[name].decode().splitlines(), built[name].decode().splitlines(),
                f"golden/{name}", f"built/{name}", lineterm="", n=2))
    assert not problems, "output differs from golden (run `make golden` if intended):\n" + "\n".join(problems)
