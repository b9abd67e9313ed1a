"""Social cards (`[social] cards = true`): a 1200 x 630 PNG per article and language, named in
the article page's og:image, the headline shaped (HarfBuzz through Pillow's raqm layout) and
set from the side its language starts."""

import io

from PIL import Image, ImageChops, features

from generator.render.cards import MARGIN, WIDTH, card_png
from tests.support.sites import REPO, SITE_TOML

ARTICLE = "+++\nslug = \"lavrov\"\ndate = 2016-02-13\n+++\nلافروف: اتفاق أمريكي روسي للتعاون العسكري\n\n" \
          "دمشق-سانا قال الوزير إن الاجتماع كان مثمرا.\n"


def ink(png: bytes) -> tuple[int, int, int, int]:
    """The box of what is drawn on the card, below its top band."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    body = image.crop((0, 40, image.width, image.height))
    return ImageChops.difference(body, Image.new("RGB", body.size, body.getpixel((0, 0)))).getbbox()


def test_pillow_shapes_arabic():
    assert features.check("raqm")  # without it, Arabic letters would be drawn apart and left to right


def test_each_article_gets_a_card_per_language_named_in_its_page(site, capsys):
    (site.root / "site.toml").write_text(SITE_TOML + "[social]\ncards = true\n", encoding="utf-8")
    site.article("a.txt", ARTICLE)
    assert site.build(capsys, "--strict")[0] == 0
    for lang in ("ar", "en"):
        card = (site.output / lang / "articles" / "lavrov" / "card.png").read_bytes()
        assert Image.open(io.BytesIO(card)).size == (1200, 630)
        page = site.page(f"{lang}/articles/lavrov/")
        assert f'<meta property="og:image" content="https://example.org/digest/{lang}/articles/lavrov/card.png">' in page
        assert '<meta name="twitter:card" content="summary_large_image">' in page


def test_without_the_setting_there_are_no_cards(site, capsys):
    site.article("a.txt", ARTICLE)
    assert site.build(capsys)[0] == 0
    assert not list(site.output.rglob("card.png")) and "og:image" not in site.page("ar/articles/lavrov/")


def test_an_arabic_headline_is_set_from_the_right_and_an_english_one_from_the_left():
    templates = REPO / "templates"
    arabic = ink(card_png(templates, "ar", "اتفاق قصير", "نشرة", ""))
    english = ink(card_png(templates, "en", "A short deal", "Digest", ""))
    assert abs(arabic[2] - (WIDTH - MARGIN)) < 6 and arabic[0] > WIDTH / 2
    assert abs(english[0] - MARGIN) < 6 and english[2] < WIDTH / 2


def test_the_same_article_gives_the_same_card():
    templates = REPO / "templates"
    assert card_png(templates, "ar", "اتفاق قصير", "نشرة", "13 شباط 2016") == \
        card_png(templates, "ar", "اتفاق قصير", "نشرة", "13 شباط 2016")
