"""Merge Fontsource's Arabic and Latin subsets of Noto Naskh Arabic (bold) into the one face
the social cards are drawn with, so a headline's digits and quotes have glyphs too.

    python tools/merge_card_font.py FILES_DIR OUT.woff2      (needs fonttools and brotli)
"""

import sys
import tempfile
from pathlib import Path

from fontTools.merge import Merger
from fontTools.ttLib import TTFont


def main(files: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        parts = []
        for subset in ("arabic", "latin"):
            font = TTFont(files / f"noto-naskh-arabic-{subset}-700-normal.woff2")
            font.flavor = None
            part = Path(scratch) / f"{subset}.ttf"
            font.save(part)
            parts.append(str(part))
        merged = Merger().merge(parts)
        merged.flavor = "woff2"
        merged.save(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
