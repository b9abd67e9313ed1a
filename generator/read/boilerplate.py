"""Recognising the text a news site wraps around an article.

Copy pasted from an agency page carries the site's furniture: a ticker or breadcrumb line
above the headline, "follow us on Telegram" blocks with links and phone numbers, share and
comment prompts, "read also" links, credits, `يتبع` and end marks. The rules below describe
*kinds* of lines (a call to action aimed at a channel, a line that is only a link or a
number, a line with no word in it), not the wording of one agency, so they carry over to
wire copy we have never seen. Each rule is a small predicate; `classify` names the first
that matches, which `build-site inspect` shows to the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text.arabic import match_key


def _keys(*phrases: str) -> tuple[str, ...]:
    """Phrases are written as Arabic is spelled; compared through their matching keys."""
    return tuple(match_key(phrase) for phrase in phrases)


@dataclass(frozen=True)
class _Phrases:
    """Phrases to find in a line's key: one-word phrases by a set lookup, others as text."""

    words: frozenset[str]
    multiword: tuple[str, ...]  # padded with spaces, to match whole words only
    first_words: frozenset[str]  # of the multiword phrases: a line with none of them holds none


def _phrases(*phrases: str) -> _Phrases:
    keys = _keys(*phrases)
    multiword = [k for k in keys if " " in k]
    return _Phrases(frozenset(k for k in keys if " " not in k), tuple(f" {k} " for k in multiword),
                    frozenset(k.split()[0] for k in multiword))


def _openings(*phrases: str) -> tuple[str, ...]:
    """Cues a line opens with, as keys followed by a space, to match whole words only."""
    return tuple(f"{key} " for key in _keys(*phrases))


# Each pattern starts only where a run of its characters starts and never backtracks into
# it, so a hostile line (`a-a-a-...`, `a@a@a@...`) costs linear, not polynomial, time.
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<![\w-])[\w-]++\.(?:com|net|org|me|ru|sy|tv|info|news)(?:/\S*)?", re.I)
_EMAIL = re.compile(r"(?<![^\s@])[^\s@]++@[^\s@]+\.\w+")
_HANDLE = re.compile(r"@\w+")
_PHONE_DIGITS = r"\d[\d\s/().-]{6,}\d"
_PHONE = re.compile(r"\+?" + _PHONE_DIGITS)
# Whether a line holds a phone number: found from its first digit, which re skips to fast
# (a pattern opening with the optional `+` is tried at every character).
_HAS_PHONE = re.compile(_PHONE_DIGITS)
# What every address holds, found much faster than an address: most lines have none. Each
# branch opens with `.` or `:`, so re skips to those characters.
_URL_HINT = re.compile(r"\.(?:com|net|org|me|ru|sy|tv|info|news)|\.(?<=www\.)|://", re.I)

_CHANNELS = _phrases(
    "تيلغرام", "تلغرام", "تليغرام", "تيليغرام", "تلجرام", "telegram", "واتس اب", "واتساب", "whatsapp",
    "فيسبوك", "فيس بوك", "facebook", "تويتر", "twitter", "اكس", "يوتيوب", "youtube", "انستغرام",
    "انستجرام", "instagram", "تيك توك", "tiktok", "vk", "فكونتاكتي", "تطبيق", "قناه", "قناتنا",
    "صفحه", "صفحتنا", "حسابنا", "موقعنا", "الرابط", "رابط", "النشره البريديه", "النشره الاخباريه",
    "الرقم", "بريدك", "اشعارات", "منصات التواصل", "التواصل الاجتماعي", "google news", "جوجل نيوز",
    "اثير", "الموجات", "موجات",  # a radio's frequencies: `عبر أثير إذاعة لبنان على الموجات 98.5`
)
# Calls to action. Bare `تابع` is left out: `وتابع الوزير` is an attribution verb.
_CALLS = _phrases(
    "تابعوا", "تابعونا", "تابعنا", "اشترك", "اشتركوا", "اشتراك", "للاشتراك", "انضم", "انضموا",
    "حملوا", "ادخل", "اضغط", "اضغطوا", "انقر", "زوروا", "لمتابعه", "للمتابعه",
    "للمزيد", "تواصلوا", "للتواصل", "راسلونا", "تابع اخر اخبار", "تابع اخبار",
)
# Without their vowels these are also verbs of the news (حمل carried, فعل in ردود فعل, نزل went
# down): a call to action only with a channel or a link.
_CHANNEL_CALLS = _phrases("حمل", "نزل", "فعل")
_PROMPTS = _openings(  # short share/comment prompts, matched at the start of a short line
    "شارك", "شاركوا", "شاركونا", "شارك برايك", "علق", "اضف تعليق", "اضف تعليقا", "اترك تعليقا",
    "التعليقات", "تعليقات", "المزيد من الاخبار", "طباعه", "ارسل لصديق", "نشر في", "المصدر",
    # the page's own controls: skip links, back to top, "now reading"
    "تخطي الى", "تخط الى", "انتقل الى المحتوى", "الانتقال الى المحتوى", "العوده الى الاعلى",
    "الذهاب الى الاعلى", "زر الذهاب الى الاعلى", "الى الاعلى", "تقرا الان", "skip to",
    "مشاهده الفيديو", "شاهد الفيديو", "تم نشره", "تاريخ النشر", "نشر بتاريخ", "اخر تحديث", "محدث",
)
_READ_MORE = _openings(  # links to other stories, whatever follows the cue on the line
    "اقرا ايضا", "اقرا المزيد", "اقرا كذلك", "مواضيع ذات صله", "ذات صله", "اخبار ذات صله",
    "الاكثر قراءه", "الاكثر مشاهده", "الاكثر تداولا", "اخترنا لك", "شاهد ايضا", "اخبار متعلقه",
    "موضوعات متعلقه", "قد يهمك", "قد يعجبك", "المزيد من الاخبار", "اخبار اخرى", "تابع ايضا",
    "ترشيحات", "فيديو قد يعجبك", "اخترنا لكم", "انظر ايضا",
)
# Words with which a site speaks of itself; in the page footer such a line is furniture too.
# Not `الموقع` alone: it is also a place (`تحديد الموقع الجغرافي`).
_SITE_WORDS = _phrases(
    "وكاله", "الوكاله", "لوكاله", "الموقع الالكتروني", "موقعنا", "للمشتركين", "المشتركين", "للاشتراك", "اشتراك",
    "معاييرنا", "مبادئ", "حقوق", "سياسه الخصوصيه", "شروط الاستخدام", "اعلن معنا", "اتصل بنا",
)
MAX_CALL_WORDS = 25
MAX_CREDIT_WORDS = 8  # `جميع الحقوق محفوظة لموقع ... 2024`, not a story about copyright law
MAX_BYLINE_NAME_WORDS = 4
# As written, not as keys: `على` the preposition and `علي` the name share one.
_NOT_IN_NAMES = frozenset(("في", "على", "عن", "من", "إلى", "الى", "مع", "عبر"))
_BYLINE = re.compile(r"^(?:كتب|كتبت|كتبه|بقلم|[إا]عداد|[أا]عدته|[أا]عده|متابعة|ترجمة)\s*[:\-–_/]?\s*"
                     r"(?P<name>[^:.،؟!\d]*?)\s*:?$")
_AD_LABELS = set(_keys("اعلان", "اعلانات", "مساحه اعلانيه", "advertisement", "ads", "sponsored", "anzeige"))
_END_MARKS = set(_keys("يتبع", "انتهى", "تتمة", "تابع", "ت م", "ت غ", "المزيد"))
_DIGIT = re.compile(r"\d")
# Seven letters of the Arabic alphabet, which match_key folds into one another but never drops:
# a word longer than any end mark's.
_LONG_ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]{7}")
_MASTHEAD = _phrases("وكاله", "انباء", "الانباء", "اخبار", "شبكه", "صحيفه", "جريده", "قناه", "نشره", "موقع")
_NAVIGATION = _phrases(
    "الشريط الاخباري", "شريط الاخبار", "اخر الاخبار", "عاجل", "الرئيسيه", "اخبار", "سياسه",
    "اقتصاد", "محليات", "عربي ودولي", "دولي", "رياضه", "ثقافه", "منوعات", "الصفحه الرئيسيه",
)
_SIGN_OFF = re.compile(r"^[-–—]*\s*\(\s*[^\W\d_]{2,12}\s*\)\s*(?:[^\W\d_]{1,2}(?:[\s/.]+|$)){1,6}$")
_BREADCRUMB = re.compile(r"\s[»›>|/]\s")
_CREDIT = re.compile(r"^\(.*\b(?:اعداد|تحرير|ترجمه|تغطيه|شارك في التغطيه)\b.*\)$")
# `1. تخطي إلى المحتوى`: a menu numbered like a list; its items are read without the number.
ENUMERATOR = re.compile(r"^\s*[0-9٠-٩]{1,2}[.)-]\s+")
# The masthead's staff box: `رئيس التحرير: جابر سالم الحرمي`, `رئيس مجلس الإدارة : د. ...`.
_STAFF_POSTS = frozenset(_keys("رئيس التحرير", "نائب رئيس التحرير", "مدير التحرير", "سكرتير التحرير", "رئيس مجلس الإدارة",
                     "المدير العام", "الإشراف العام", "المشرف العام", "رئيس التحرير التنفيذي"))
MAX_STAFF_WORDS = 7
# The site's notices to its readers: cookies, what its pages carry.
_NOTICES = _phrases("ملفات تعريف الارتباط", "الكوكيز", "cookies", "يستخدم هذا الموقع", "هذا الموقع يستخدم",
                    "الاخبار المنشوره على", "لم يتم العثور على نتائج")
MAX_NOTICE_WORDS = 60
_COPYRIGHT = _phrases("جميع الحقوق محفوظة", "حقوق النشر", "حقوق الطبع", "all rights reserved")


@lru_cache(maxsize=1024)  # the rules count a line's words, or look them up, a dozen times
def _words(key: str) -> tuple[str, ...]:
    return tuple(key.split())


def _contains(key: str, phrases: _Phrases) -> bool:
    words = _words(key)
    if not phrases.words.isdisjoint(words):
        return True
    if phrases.first_words.isdisjoint(words):
        return False  # most lines: no need to look for the phrases in the text
    padded = f" {key} "
    return any(phrase in padded for phrase in phrases.multiword)


def _starts_with(key: str, openings: tuple[str, ...]) -> bool:
    return f"{key} ".startswith(openings)


def _without_links(text: str) -> str:
    for pattern in (_URL, _EMAIL, _HANDLE, _PHONE):
        text = pattern.sub(" ", text)
    return text


def _has_link(text: str) -> bool:
    return (_URL_HINT.search(text) is not None and _URL.search(text) is not None
            or "@" in text and (_EMAIL.search(text) or _HANDLE.search(text)) is not None  # each holds an @
            or _HAS_PHONE.search(text) is not None)


def is_link_only(text: str) -> bool:
    """Nothing but addresses, handles, numbers and at most two words: `https://t.me/x`."""
    return _has_link(text) and len(match_key(_without_links(text)).split()) <= 2


def is_call_to_action(text: str) -> bool:
    """`تابعونا عبر تطبيق واتس أب`, `عبر إرسال كلمة اشتراك على الرقم 0940...`; never a long
    paragraph (`ردود فعل ... في مواقع التواصل الاجتماعي`)."""
    key = match_key(text)
    words = len(_words(key))
    if words > MAX_CALL_WORDS:
        return False
    channel_call, call = _contains(key, _CHANNEL_CALLS), _contains(key, _CALLS)
    if not (channel_call or call):
        return False  # most lines: no need to look for a channel or a link
    channel = _contains(key, _CHANNELS) or _has_link(text)
    return channel_call and channel or call and (channel or words <= 8)


def is_prompt(text: str) -> bool:
    """`شارك الخبر`, `أضف تعليقاً`, `المصدر: وكالات`: short and opening with a cue."""
    key = match_key(text)
    return len(_words(key)) <= 7 and _starts_with(key, _PROMPTS)


def is_read_more(text: str) -> bool:
    """`اقرأ أيضاً: <another story's headline>`."""
    return _starts_with(match_key(text), _READ_MORE)


def speaks_of_site(text: str) -> bool:
    """`يعرض الموقع الإلكتروني لوكالة ...`, `معاييرنا: ...`: the site talking about itself."""
    return _contains(match_key(text), _SITE_WORDS)


def is_byline(text: str) -> bool:
    """`كتب وليد عبد السلام`, `كتبت- منال المصري:`, `بقلم: Reuters`: a cue, then a name."""
    found = _BYLINE.match(text.strip())
    if found is None or not 1 <= len(found["name"].split()) <= MAX_BYLINE_NAME_WORDS:
        return False
    return _NOT_IN_NAMES.isdisjoint(found["name"].split())  # `كتب الوزير في تغريدة:`


def is_advertisement(text: str) -> bool:
    """The label of an ad slot: `إعلان`, `Advertisement`."""
    return match_key(text).strip(" :-") in _AD_LABELS


def is_wordless(text: str) -> bool:
    """`يتبع`, `//انتهى//`, `20:14ت م`: no word of two letters or more besides end marks."""
    if _LONG_ARABIC_WORD.search(text):
        return False  # a word longer than any end mark, whatever its key: no need to make one
    key = match_key(_DIGIT.sub(" ", text))
    if key in _END_MARKS:
        return True
    return all(len(word) < 2 or word in _END_MARKS for word in key.split())


def is_sign_off(text: str) -> bool:
    """`--(بترا) ر ع/ م ح`: the agency in brackets, then the editors' initials."""
    return _SIGN_OFF.match(text.strip()) is not None


def is_credit(text: str) -> bool:
    """`(إعداد محمد علي للنشرة العربية - تحرير ...)`, copyright lines."""
    key = match_key(text)
    stripped = text.strip()
    if stripped.startswith("(") and stripped.endswith(")") and _CREDIT.match("(" + key + ")"):
        return True
    return "©" in text or (len(_words(key)) <= MAX_CREDIT_WORDS and _contains(key, _COPYRIGHT))


_OUTLET = "(?:" + "|".join(_keys("وكالة", "صحيفة", "جريدة", "موقع", "قناة", "شبكة", "مجلة", "إذاعة")) + ")"
_SELF_DESCRIPTION = re.compile(rf"^{_OUTLET}(?: \S+){{0,8}} (?:هي|هو) (?:{_OUTLET}|{match_key('مؤسسة')})\b")


def is_staff_credit(text: str) -> bool:
    """`رئيس التحرير: جابر سالم الحرمي`: a post in the masthead's staff box and its holder."""
    post, colon, holder = text.partition(":")
    return bool(colon) and 1 <= len(holder.split()) <= MAX_STAFF_WORDS and match_key(post) in _STAFF_POSTS


def is_site_notice(text: str) -> bool:
    """`هذا الموقع يستخدم ملفات تعريف الارتباط ...`, `الأخبار المنشورة على الصفحة الرسمية لوكالة
    ... هي اختصار ...`: the site speaking to its readers, not the story."""
    key = match_key(text)
    return len(_words(key)) <= MAX_NOTICE_WORDS and _contains(key, _NOTICES)


def is_self_description(text: str) -> bool:
    """`وكالة أنباء ... (أ ش أ) هي وكالة أنباء مصرية رسمية، تأسست عام 1956`: the outlet
    introducing itself under every story."""
    return _SELF_DESCRIPTION.match(match_key(text)) is not None


def is_navigation(text: str) -> bool:
    """Masthead, ticker and breadcrumb lines found above a headline."""
    key = match_key(text)
    parts = [p for p in _BREADCRUMB.split(f" {text} ") if p.strip()]
    if len(parts) >= 2 and all(len(p.split()) <= 3 for p in parts):
        return True
    if len(_words(key)) <= 3 and (_contains(key, _NAVIGATION) or text.rstrip().endswith("|")):
        return True  # a section, or a label cut from a title bar (`الثورة نت|`)
    return len(_words(key)) <= 3 and _contains(key, _MASTHEAD)  # the site's name: أخبار الأمم المتحدة


_BODY_RULES = (
    ("advertisement", is_advertisement),
    ("byline", is_byline),
    ("link", is_link_only),
    ("call to action", is_call_to_action),
    ("credit", is_credit),  # before `prompt`: `(شارك في التغطية ...)` is a credit, not `شارك`
    ("prompt", is_prompt),
    ("read more", is_read_more),
    ("end mark", is_wordless),
    ("sign-off", is_sign_off),
    ("self-description", is_self_description),
    ("staff credit", is_staff_credit),
    ("site notice", is_site_notice),
)


def classify(text: str, *, before_title: bool = False) -> str | None:
    """The name of the boilerplate rule `text` matches, or None for article text."""
    text = ENUMERATOR.sub("", text)
    if before_title and is_navigation(text):
        return "navigation"
    for name, rule in _BODY_RULES:
        if rule(text):
            return name
    return None


def opens_link_list(text: str) -> bool:
    """A `اقرأ أيضاً:` line with nothing after the cue: related headlines follow it."""
    return is_read_more(text) and len(_words(match_key(text))) <= 3
