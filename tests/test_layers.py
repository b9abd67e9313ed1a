"""The package map of docs/architecture.md holds: a stage's folder imports only from the
folders of stages before it (and the top-level modules every stage shares)."""

import re
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
STAGES = ["text", "read", "translate", "analyze", "site", "render", "output", "build", "desk"]
# `--translate` reads articles the way the build does, before any build runs.
ALLOWED = {("translate/mt/fill.py", "build")}
IMPORT = re.compile(r"^\s*from (\.+)([\w.]*) import", re.M)


def imported_stages(path: Path) -> set[str]:
    parts = path.relative_to(GENERATOR).parts
    found = set()
    for match in IMPORT.finditer(path.read_text(encoding="utf-8")):
        dots, name = len(match.group(1)), match.group(2)
        base = list(parts[:-1])[: len(parts) - dots]
        target = (base + name.split("."))[0] if base or name else ""
        if target in STAGES:
            found.add(target)
    return found


def test_no_stage_imports_a_later_one():
    later = []
    for path in sorted(GENERATOR.rglob("*.py")):
        relative = path.relative_to(GENERATOR)
        if len(relative.parts) < 2:
            continue  # the top-level modules: model, diagnostics, config, files, cli, serve
        stage = relative.parts[0]
        for target in imported_stages(path):
            if STAGES.index(target) > STAGES.index(stage) and (relative.as_posix(), target) not in ALLOWED:
                later.append(f"{relative} imports {target}/")
    assert later == []


def test_no_module_is_longer_than_one_sitting():
    long = {path.relative_to(GENERATOR).as_posix(): n for path in GENERATOR.rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 340}
    assert long == {}
