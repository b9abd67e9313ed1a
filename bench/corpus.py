"""Synthetic Arabic news-wire articles: the same stories for Nashra, Pelican and Hugo.

    .venv/bin/python bench/corpus.py OUT_DIR --articles N [--seed 0] [--formats nashra,pelican,hugo]

writes

    OUT_DIR/nashra/   site.toml, templates/ and content/*.toml (copies of the project's),
                      content/articles/<slug>.txt: wire copy as pasted from SANA's site,
                      content/translations/<slug>.toml for about half of the articles
    OUT_DIR/pelican/  content/ar/<slug>.md and content/en/<slug>.md (Markdown, one pair of
                      translations per story: same Slug, Lang ar/en; the story's topics
                      as Tags, its speakers as Authors)
    OUT_DIR/hugo/     content/ar/posts/<slug>.md and content/en/posts/<slug>.md (one
                      translationKey per story; taxonomies `topics` and `speakers`)

Each story has a headline, a dateline line (`دمشق-سانا`), 6-15 paragraphs in 2-4 sections
(the lead, then sections opened by a sub-headline: a short line without final punctuation),
speakers named with their roles, verbs of saying, quotations in “ ”, numbers, and the site's
"follow us" block at the end, which Nashra drops. The same seed gives the same files.

Pelican and Hugo get what Nashra publishes: every article file is parsed and analysed by
Nashra, and the Markdown carries its title, dateline, sub-headlines and paragraphs, and the
ids of the topics and speakers Nashra finds in it (with the site's content/topics.toml and
content/people.toml), in both languages' files, so that all three make pages for the same
topics and speakers. Their English side is what Nashra's English page shows: for a
translated story the memory's English, placeholder sentences like "Segment s1-p2-1 of
article <slug> in English."; otherwise the Arabic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from generator.analyze.knowledge import Knowledge, analyze, load_knowledge
from generator.diagnostics import Report
from generator.model import Article, Provenance, Segment
from generator.read.parse import parse
from generator.read.sources import read_source
from generator.translate.memory import memory_from_segments, memory_path, save_memory

REPO_ROOT = Path(__file__).resolve().parent.parent

FORMATS = ("nashra", "pelican", "hugo")
FIRST_DAY = dt.date(2014, 1, 1)
DAYS = 10 * 365  # dates spread over ten years
TRANSLATED_SHARE = 0.5

SITE_TOML = """\
base_url = "https://example.org/nashra-bench/"
[title]
ar = "نشرة"
en = "Nashra"
[description]
ar = "أخبار من وكالات الأنباء العربية بالعربية والإنكليزية"
en = "Arabic news-wire stories in Arabic and English"
"""

# --- word lists --------------------------------------------------------------------------------

PLACES = ("دمشق", "موسكو", "بيروت", "عواصم", "القاهرة", "طهران", "بكين", "نيويورك", "جنيف",
          "حلب", "حمص", "اللاذقية", "بغداد", "عمان")
AGENCY = "سانا"


@dataclass(frozen=True)
class Speaker:
    role: str
    name: str
    surname: str
    feminine: bool = False


SPEAKERS = (
    Speaker("وزير الخارجية الروسي", "سيرغي لافروف", "لافروف"),
    Speaker("نائب وزير الخارجية الروسي", "غينادي غاتيلوف", "غاتيلوف"),
    Speaker("وزير الخارجية الصيني", "وانغ يي", "وانغ"),
    Speaker("الرئيس الروسي", "فلاديمير بوتين", "بوتين"),
    Speaker("رئيس الوزراء الروسي", "ديمتري مدفيديف", "مدفيديف"),
    Speaker("وزير الخارجية الإيطالي", "باولو جنتيلوني", "جنتيلوني"),
    Speaker("المتحدثة باسم وزارة الخارجية الروسية", "ماريا زاخاروفا", "زاخاروفا", feminine=True),
    Speaker("المبعوث الخاص للأمين العام للأمم المتحدة إلى سورية", "ستافان دي ميستورا", "دي ميستورا"),
    Speaker("المتحدثة باسم المبعوث الأممي", "خولة مطر", "مطر", feminine=True),
    Speaker("رئيس مجلس اللاجئين النرويجي", "يان إيغلاند", "إيغلاند"),
    Speaker("المتحدث الرسمي باسم الكرملين", "ديمتري بيسكوف", "بيسكوف"),
    Speaker("وزير الدفاع الروسي", "سيرغي شويغو", "شويغو"),
    Speaker("وزير الخارجية والمغتربين", "وليد المعلم", "المعلم"),
    Speaker("نائب وزير الخارجية والمغتربين", "فيصل المقداد", "المقداد"),
    Speaker("المستشارة السياسية والإعلامية في رئاسة الجمهورية", "بثينة شعبان", "شعبان", feminine=True),
)

# (masculine, feminine, what introduces the reported clause)
OPENING_VERBS = (("أكد", "أكدت", "أن"), ("أعلن", "أعلنت", "أن"), ("أوضح", "أوضحت", "أن"),
                 ("أشار", "أشارت", "إلى أن"), ("اعتبر", "اعتبرت", "أن"), ("شدد", "شددت", "على أن"),
                 ("رأى", "رأت", "أن"))
FOLLOWING_VERBS = (("وأضاف", "وأضافت", "أن"), ("وتابع", "وتابعت", "أن"), ("ولفت", "ولفتت", "إلى أن"),
                   ("وبين", "وبينت", "أن"), ("ونوه", "ونوهت", "إلى أن"))
QUOTING_VERBS = (("وقال", "وقالت"), ("وأضاف", "وأضافت"), ("وتابع", "وتابعت"))
OPENERS = ("من جهته", "بدوره", "إلى ذلك", "من جهة أخرى", "وفي سياق متصل", "كما")
# (masculine, feminine): where it was said
OCCASIONS = (("في تصريح للصحفيين اليوم",) * 2,
             ("خلال مؤتمر صحفي عقده في {city}", "خلال مؤتمر صحفي عقدته في {city}"),
             ("في بيان صدر عنه اليوم", "في بيان صدر عنها اليوم"),
             ("على هامش مؤتمر ميونيخ للأمن",) * 2,
             ("في مقابلة مع وكالة سبوتنيك",) * 2,
             ("خلال لقائه نظيره في {city}", "خلال لقائها نظيرها في {city}"),
             ("في كلمة ألقاها أمام مجلس الأمن الدولي", "في كلمة ألقتها أمام مجلس الأمن الدولي"))
CITIES = ("موسكو", "دمشق", "جنيف", "فيينا", "نيويورك", "بكين", "طهران", "أستانا", "سوتشي", "ميونيخ")

# (subject, feminine)
SUBJECTS = (("المجموعة الدولية لدعم سورية", True), ("الحكومة السورية", True), ("مجلس الأمن الدولي", False),
            ("المجتمع الدولي", False), ("الجيش العربي السوري", False), ("الأمم المتحدة", True),
            ("الاتفاق الأخير", False), ("المحادثات السورية السورية", True), ("الجانب الروسي", False),
            ("الدول الضامنة لعملية أستانا", True))
# (masculine, feminine): what the subject does, followed by a goal
PREDICATES = (("يسعى إلى", "تسعى إلى"), ("يعمل على", "تعمل على"), ("يتحمل مسؤولية", "تتحمل مسؤولية"),
              ("قادر على", "قادرة على"), ("يدعم", "تدعم"), ("ماض في", "ماضية في"))
GOALS = ("تحقيق تقدم نحو حل سياسي للأزمة في سورية", "إيصال المساعدات الإنسانية إلى كل المناطق",
         "وقف العمليات القتالية خلال أسبوع", "تشكيل جبهة موحدة لمحاربة الإرهاب",
         "تنفيذ قرار مجلس الأمن الدولي رقم {resolution}", "استئناف الحوار دون أي شروط مسبقة",
         "إعادة إعمار ما دمره الإرهاب", "عودة المهجرين إلى منازلهم وقراهم",
         "تعزيز التعاون الاقتصادي بين البلدين", "مكافحة تنظيم “داعش” الإرهابي",
         "احترام سيادة الدول ووحدة أراضيها", "رفع الإجراءات الاقتصادية القسرية المفروضة على الشعب السوري")
RESOLUTIONS = (2254, 2118, 2165, 2401, 2139)
QUOTES = ("سنواصل نضالنا بجانب الحكومة السورية ونأمل بأن يسمح الاتفاق بإحراز تقدم حقيقي",
          "إن الحديث يدور عن موعد تقريبي لكن الأمر يرتبط بنتائج الاجتماع المقبل",
          "من المهم الآن تطبيق ما تم الاتفاق عليه عمليا",
          "لا يمكن حل الأزمة عسكريا. ولا بد من حوار يقرر فيه السوريون مستقبلهم بأنفسهم",
          "نحن بحاجة للسماح بدخول المساعدات بشكل دائم وكامل",
          "إن الإرهاب لا يهدد سورية وحدها بل يهدد المنطقة والعالم بأسره",
          "قد يحدث هذا الاتفاق انفراجا إذا التزمت به كل الأطراف",
          "لن نقبل بأي تدخل في الشؤون الداخلية لسورية")
FIGURES = ("وأشار التقرير إلى أن عدد العائدين إلى منازلهم بلغ {count} شخصا خلال {period}.",
           "وتبلغ قيمة المشاريع المقررة نحو {amount} مليون دولار بحسب الأرقام الرسمية.",
           "ويشارك في الاجتماع ممثلون عن {small} دولة إلى جانب مندوبين عن الأمم المتحدة.",
           "وارتفعت نسبة تنفيذ الخطة إلى {percent} بالمئة مقارنة بالعام الماضي.",
           "وتم إدخال {small} قافلة مساعدات تضم {count} سلة غذائية إلى المناطق المتضررة.")
PERIODS = ("الأسبوع الماضي", "الشهر الماضي", "الأشهر الثلاثة الأخيرة", "العام الجاري")
HEADING_SHAPES = ("{surname}: {goal} أولوية في المرحلة المقبلة", "{surname} يدعو إلى {goal}",
                  "اجتماع في {city} لبحث {goal}", "{role}: لا بديل عن {goal}")
BOILERPLATE = (
    "تابعونا عبر تطبيق تيلغرام على الهواتف الذكية عبر الرابط :",
    "https://telegram.me/SyrianArabNewsAgency",
)
MORE_BOILERPLATE = (
    "تابعونا عبر تطبيق واتس أب :",
    "عبر إرسال كلمة اشتراك على الرقم / 0940777186/ بعد تخزينه باسم سانا أو (SANA).",
    "تابعوا صفحتنا على موقع (VK) للتواصل الاجتماعي على الرابط:",
    "http://vk.com/syrianarabnewsagency",
)


# --- stories -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Section:
    heading: str | None  # None for the lead
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    slug: str
    date: dt.date
    headline: str
    dateline: str
    sections: tuple[Section, ...]
    translated: bool  # gets a translation memory
    ticker: bool  # the page's news-ticker label above the headline
    more_boilerplate: bool  # WhatsApp and VK blocks after the Telegram one

    @property
    def last_paragraph(self) -> str:
        return self.sections[-1].paragraphs[-1]

    def wire_text(self) -> str:
        """The article as pasted from the agency's page, front matter first."""
        front = tomli_w.dumps({"slug": self.slug, "date": self.date})
        lines = ["الشريط الإخباري"] if self.ticker else []
        lines += [self.headline, self.dateline]
        for section in self.sections:
            if section.heading:
                lines.append(section.heading)
            lines += section.paragraphs
        lines += BOILERPLATE
        if self.more_boilerplate:
            lines += MORE_BOILERPLATE
        return f"+++\n{front}+++\n" + "\n\n".join(lines) + "\n"


class _Writer:
    """Sentences in wire style from one seeded random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def _fill(self, template: str) -> str:
        rng = self.rng
        return template.format(
            city=rng.choice(CITIES), resolution=rng.choice(RESOLUTIONS), period=rng.choice(PERIODS),
            count=rng.randrange(120, 250_000), amount=rng.randrange(5, 900), small=rng.randrange(3, 40),
            percent=f"{rng.randrange(1, 95)}.{rng.randrange(1, 10)}",
        )

    def clause(self) -> str:
        subject, feminine = self.rng.choice(SUBJECTS)
        predicate = self.rng.choice(PREDICATES)[feminine]
        return f"{subject} {predicate} {self._fill(self.rng.choice(GOALS))}"

    def opening(self, speaker: Speaker, *, continues: bool, lead: bool) -> str:
        """A paragraph's first sentence: a new speaker with role and full name (after an opener
        like من جهته, except in the story's first paragraph), or the one who speaks on."""
        verb = self.rng.choice(OPENING_VERBS)
        said = f"{self._fill(self.rng.choice(OCCASIONS)[speaker.feminine])} {verb[2]} {self.clause()}."
        if continues:
            return f"و{verb[speaker.feminine]} {speaker.surname} {said}"
        opener = "" if lead else self.rng.choice(OPENERS) + " "
        return f"{opener}{verb[speaker.feminine]} {speaker.role} {speaker.name} {said}"

    def follow_up(self, speaker: Speaker, kind: str) -> str:
        if kind == "quote":
            said = self.rng.choice(QUOTING_VERBS)[speaker.feminine]
            return f"{said} {speaker.surname} “{self.rng.choice(QUOTES)}”."
        if kind == "reported":
            verb = self.rng.choice(FOLLOWING_VERBS)
            return f"{verb[speaker.feminine]} {verb[2]} {self.clause()}."
        return self._fill(self.rng.choice(FIGURES))

    def paragraph(self, speaker: Speaker, *, continues: bool, lead: bool = False) -> str:
        """1-3 sentences; each kind of follow-up at most once."""
        kinds = self.rng.sample(("quote", "reported", "figure"), self.rng.randrange(0, 3))
        opening = self.opening(speaker, continues=continues, lead=lead)
        return " ".join([opening, *(self.follow_up(speaker, kind) for kind in kinds)])

    def heading(self, speaker: Speaker) -> str:
        goal = self.rng.choice(GOALS).replace(" رقم {resolution}", "")
        return self.rng.choice(HEADING_SHAPES).format(
            surname=speaker.surname, role=speaker.role, city=self.rng.choice(CITIES), goal=goal)

    def sections(self) -> tuple[Section, ...]:
        section_count = self.rng.randrange(2, 5)  # the lead and 1-3 sections under sub-headlines
        paragraph_count = self.rng.randrange(max(6, section_count), 16)
        cuts = sorted(self.rng.sample(range(1, paragraph_count), section_count - 1))
        sizes = [end - start for start, end in zip([0, *cuts], [*cuts, paragraph_count])]
        sections = []
        for number, size in enumerate(sizes):
            speaker = self.rng.choice(SPEAKERS)
            paragraphs = [self.paragraph(speaker, continues=False, lead=number == 0)]
            for _ in range(size - 1):
                continues = self.rng.random() < 0.5
                speaker = speaker if continues else self.rng.choice(SPEAKERS)
                paragraphs.append(self.paragraph(speaker, continues=continues))
            heading = self.heading(self.rng.choice(SPEAKERS)) if number else None
            while heading and heading in (section.heading for section in sections):
                heading = self.heading(self.rng.choice(SPEAKERS))  # a heading printed twice is page furniture
            sections.append(Section(heading, tuple(paragraphs)))
        return tuple(sections)


def generate(count: int, seed: int = 0) -> list[Story]:
    """`count` stories, the same ones for the same seed."""
    rng = random.Random(seed)
    writer = _Writer(rng)
    stories = []
    for number in range(count):
        date = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        speaker = rng.choice(SPEAKERS)
        headline = f"{speaker.surname}: {writer.clause()}"
        stories.append(Story(
            slug=f"sana-{date.isoformat()}-{number:05d}",
            date=date,
            headline=headline,
            dateline=f"{rng.choice(PLACES)}-{AGENCY}",
            sections=writer.sections(),
            translated=rng.random() < TRANSLATED_SHARE,
            ticker=rng.random() < 0.5,
            more_boilerplate=rng.random() < 0.5,
        ))
    return stories


# --- writing the sites ------------------------------------------------------------------------

def placeholder(segment: Segment, slug: str) -> str:
    return f"Segment {segment.id} of article {slug} in English."


def english(segment: Segment, story: Story) -> str:
    """What Nashra's English page shows for a segment: the memory's English, else the Arabic."""
    return placeholder(segment, story.slug) if story.translated else segment.ar


def _parsed(path: Path, story: Story, knowledge: Knowledge) -> Article:
    """Nashra's reading of one article file, with the speakers and topics its analysis finds
    (as in generator.build.article_job.load_article), checked against the story it was written from."""
    report = Report(stream=None)
    source = read_source(path, report)
    article = analyze(parse(source, report).article, source.meta, knowledge, report)
    problems = [str(d) for d in report.diagnostics]
    paragraphs = [tuple(" ".join(s.ar for s in p.sentences) for p in section.paragraphs)
                  for section in article.sections]
    if problems or paragraphs != [section.paragraphs for section in story.sections]:
        raise ValueError(f"{path}: Nashra does not read the story as written: {problems or paragraphs}")
    return article


def write_nashra(stories: list[Story], site: Path, project: Path = REPO_ROOT) -> list[Article]:
    """The Nashra site, with the templates and data files of `project`; returns every
    article as Nashra parses and analyses it."""
    articles_dir = site / "content" / "articles"
    articles_dir.mkdir(parents=True)
    translations_dir = site / "content" / "translations"
    (site / "site.toml").write_text(SITE_TOML, encoding="utf-8")
    shutil.copytree(project / "templates", site / "templates")
    for data_file in (project / "content").glob("*.toml"):  # people and topics: site-wide inputs
        shutil.copy(data_file, site / "content" / data_file.name)
    report = Report(stream=None)
    knowledge = load_knowledge(site / "content", report)
    if report.diagnostics:
        raise ValueError(f"{project / 'content'}: {[str(d) for d in report.diagnostics]}")
    articles = []
    for story in stories:
        path = articles_dir / f"{story.slug}.txt"
        path.write_text(story.wire_text(), encoding="utf-8")
        article = _parsed(path, story, knowledge)
        if story.translated:
            pairs = [(segment, placeholder(segment, story.slug), Provenance.HUMAN, "") for segment in article.segments()]
            save_memory(memory_path(translations_dir, story.slug), memory_from_segments(story.slug, pairs, story.date))
        articles.append(article)
    return articles


TextOf = Callable[[Segment], str]  # what a page shows for a segment, in one language


def _markdown_body(article: Article, text: TextOf) -> str:
    """Dateline, sub-headlines (`##`) and paragraphs, in one language."""
    blocks = [text(article.dateline.segment)] if article.dateline else []
    for section in article.sections:
        if section.heading:
            blocks.append(f"## {text(section.heading)}")
        blocks += [" ".join(text(s) for s in paragraph.sentences) for paragraph in section.paragraphs]
    return "\n\n".join(blocks) + "\n"


def _texts(story: Story) -> dict[str, TextOf]:
    return {"ar": lambda segment: segment.ar, "en": lambda segment: english(segment, story)}


def _topics_and_speakers(article: Article) -> dict[str, list[str]]:
    """The ids of the article's topics and speakers: Nashra makes a page for each."""
    return {"topics": list(article.topic_ids), "speakers": [person.id for person in article.people]}


# Pelican's natural fields for them: several Tags, and several Authors, per article.
PELICAN_FIELDS = {"topics": "Tags", "speakers": "Authors"}


def write_pelican(stories: list[Story], articles: list[Article], site: Path) -> None:
    for story, article in zip(stories, articles):
        terms = "".join(f"{PELICAN_FIELDS[kind]}: {', '.join(ids)}\n"
                        for kind, ids in _topics_and_speakers(article).items() if ids)
        for lang, text in _texts(story).items():
            path = site / "content" / lang / f"{story.slug}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            header = (f"Title: {text(article.title)}\nDate: {story.date.isoformat()}\n"
                      f"Slug: {story.slug}\nLang: {lang}\n{terms}\n")
            path.write_text(header + _markdown_body(article, text), encoding="utf-8")


def write_hugo(stories: list[Story], articles: list[Article], site: Path) -> None:
    for story, article in zip(stories, articles):
        for lang, text in _texts(story).items():
            path = site / "content" / lang / "posts" / f"{story.slug}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            front = tomli_w.dumps({"title": text(article.title), "date": story.date, "slug": story.slug,
                                   "translationKey": story.slug, **_topics_and_speakers(article)})
            path.write_text(f"+++\n{front}+++\n\n{_markdown_body(article, text)}", encoding="utf-8")


@dataclass(frozen=True)
class Corpus:
    root: Path
    stories: list[Story]

    def site(self, name: str) -> Path:
        return self.root / name


def write_corpus(out_dir: Path, count: int, seed: int = 0, formats: tuple[str, ...] = FORMATS,
                 project: Path = REPO_ROOT) -> Corpus:
    """Write the stories in every format asked for; Nashra's site is always written, since the
    other formats are made from Nashra's reading of it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stories = generate(count, seed)
    articles = write_nashra(stories, out_dir / "nashra", project)
    if "pelican" in formats:
        write_pelican(stories, articles, out_dir / "pelican")
    if "hugo" in formats:
        write_hugo(stories, articles, out_dir / "hugo")
    return Corpus(out_dir, stories)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated: " + ", ".join(FORMATS))
    args = parser.parse_args(argv)
    formats = tuple(args.formats.split(","))
    unknown = set(formats) - set(FORMATS)
    if unknown:
        parser.error(f"unknown formats: {', '.join(sorted(unknown))}")
    if args.out_dir.exists() and any(args.out_dir.iterdir()):
        parser.error(f"{args.out_dir} is not empty")
    corpus = write_corpus(args.out_dir, args.articles, args.seed, formats)
    translated = sum(story.translated for story in corpus.stories)
    print(f"{len(corpus.stories)} articles ({translated} with a translation memory) in {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
