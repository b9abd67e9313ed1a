"""How big a built site is, per article and per kind of page, and how many articles of that
size fit in GitHub Pages' published-site limit (1 GB).

    .venv/bin/python bench/site_size.py SITE_ROOT     # a folder holding site.toml, built

Make one with `bench/corpus.py` and `build-site` (see bench/README.md).
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config import load_config  # noqa: E402
from generator.output.write import STAMP  # noqa: E402

PAGES_LIMIT = 10**9  # "Published GitHub Pages sites may be no larger than 1 GB"


def kind(relative: Path) -> str:
    parts = relative.parts
    if parts[0] in ("ar", "en") and len(parts) > 1:
        if parts[1] == "articles":
            return f"{parts[0]}/articles/*/parallel" if "parallel" in parts else f"{parts[0]}/articles"
        return f"{parts[0]}/{parts[1]}" if len(parts) > 2 else f"{parts[0]}/ (home, feed)"
    return parts[0] if len(parts) > 1 else "(root files)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path)
    config = load_config(parser.parse_args().root)
    articles = sum(1 for _ in config.articles_dir.rglob("*") if _.suffix in (".txt", ".md"))
    sizes: Counter[str] = Counter()
    files: Counter[str] = Counter()
    for path in config.output_dir.rglob("*"):
        if path.is_file() and path.name != STAMP:
            group = kind(path.relative_to(config.output_dir))
            sizes[group] += path.stat().st_size
            files[group] += 1
    total = sum(sizes.values())
    print(f"{articles} articles; site/ {total / 1e6:.1f} MB in {sum(files.values())} files: "
          f"{total / articles / 1e3:.1f} KB per article")
    print(f"GitHub Pages' 1 GB holds about {PAGES_LIMIT * articles // total} articles of this size")
    for group, size in sizes.most_common():
        print(f"  {group:28} {size / 1e6:8.1f} MB {100 * size / total:5.1f}% {files[group]:7} files")


if __name__ == "__main__":
    main()
