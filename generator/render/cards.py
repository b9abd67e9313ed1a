"""Social cards: the picture a link to an article shows when shared (`og:image`), one per
article and language, 1200 x 630 PNG: the headline, shaped and ordered as the language is
written (Pillow's raqm layout: HarfBuzz shaping, FriBiDi ordering), on the site's colours,
with the site's name and the date. The face is `templates/cards/naskh-bold.woff2`, Noto
Naskh Arabic's Arabic and Latin subsets merged (`make fonts`), so digits and quotes inside
an Arabic headline are drawn too."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630  # what Open Graph and X recommend for a large card
MARGIN = 80
CARD_FONT = Path("cards") / "naskh-bold.woff2"  # inside the templates folder
_BACKGROUND, _TEXT, _ACCENT, _MUTED = (250, 248, 242), (28, 28, 30), (15, 92, 110), (95, 95, 100)
_HEADLINE_SIZES = (64, 56, 48, 42)  # the largest that fits in MAX_LINES
MAX_LINES = 4


@lru_cache(maxsize=16)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


def _lines(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, direction: str) -> list[str]:
    """The headline broken between words into lines that fit the card."""
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=font, direction=direction) <= WIDTH - 2 * MARGIN:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def card_png(templates_dir: Path, lang: str, headline: str, site_title: str, date_text: str) -> bytes:
    """The card as PNG bytes; the same inputs give the same bytes."""
    font_path = templates_dir / CARD_FONT
    direction = "rtl" if lang == "ar" else "ltr"
    image = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 14), fill=_ACCENT)
    for size in _HEADLINE_SIZES:
        font = _font(font_path, size)
        lines = _lines(draw, headline, font, direction)
        if len(lines) <= MAX_LINES:
            break
    lines = lines[:MAX_LINES]
    x, anchor = (WIDTH - MARGIN, "ra") if lang == "ar" else (MARGIN, "la")
    y = MARGIN + 20
    for line in lines:
        draw.text((x, y), line, font=font, fill=_TEXT, anchor=anchor, direction=direction, language=lang)
        y += int(size * 1.6)
    small = _font(font_path, 30)
    footer = f"{site_title} · {date_text}" if date_text else site_title
    draw.text((x, HEIGHT - MARGIN), footer, font=small, fill=_MUTED, anchor=anchor[0] + "s",
              direction=direction, language=lang)
    out = io.BytesIO()
    image.save(out, "PNG")  # not optimize=True: it costs far more time than it saves bytes (bench/cards.py)
    return out.getvalue()
