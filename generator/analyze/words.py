"""The words of reported speech in Arabic news prose, and tests on single tokens.

Tables are written as Arabic is spelled and compared through `arabic.match_key`, so hamza,
alef and teh marbuta variants meet (`مؤكدا` and `مءكدا` are one entry). `statements.py` reads
sentences with them; nothing here looks further than a token or two.
"""

from __future__ import annotations

from functools import lru_cache

from ..text.arabic import match_key
from ..text.tokens import Token, Tokens, bare


def _keys(text: str) -> frozenset[str]:
    return frozenset(match_key(text).split())


def _bare_keys(text: str) -> frozenset[str]:
    return frozenset(bare(key) for key in _keys(text))


# Finite verbs of saying, past (every person and number news copy uses) and `يقول`.
SAYING_VERBS = _keys("""
    قال قالت قالا قالوا أكد أكدت أكدا أكدوا أعلن أعلنت أعلنا أعلنوا أوضح أوضحت أوضحا أوضحوا
    أشار أشارت أشارا أشاروا اعتبر اعتبرت اعتبرا اعتبروا أعرب أعربت أعربا أعربوا شدد شددت شددا
    شددوا دعا دعت دعوا حث حثت حثا حثوا حذر حذرت حذرا حذروا أضاف أضافت أضافا أضافوا تابع تابعت
    نوه نوهت لفت لفتت صرح صرحت ذكر ذكرت نفى نفت نفيا نفوا غرد غردت اتهم اتهمت اتهما اتهموا
    أفاد أفادت هدد هددت هددا يقول تقول يقولون كشف كشفت بينت أشاد أشادت طالبت ناشد ناشدت رحب رحبت
    أدان أدانت وصف وصفت علق علقت جدد جددت نبه نبهت ثمن ثمنت ختم ختمت اختتم اختتمت عبرت يرى ترى
    استنكر استنكرت سأل سألت تساءل تساءلت كتب كتبت فسر فسرت يفسر تفسر""")
# Verbs that are also nouns (`طالب`, a student): verbs only after و/ف (`وطالب الوزير`).
CONJOINED_VERBS = _keys("طالب")
FEMININE_VERBS = _keys("""
    قالت أكدت أعلنت أوضحت أشارت اعتبرت أعربت شددت دعت حثت حذرت أضافت تابعت نوهت لفتت صرحت ذكرت
    نفت غردت اتهمت أفادت هددت تقول ردت كشفت بينت أشادت طالبت ناشدت رحبت أدانت وصفت علقت جددت
    نبهت ثمنت ختمت اختتمت عبرت ترى استنكرت سألت تساءلت كتبت فسرت تفسر""")
REPLY_VERBS = _keys("رد ردت")  # a statement only with بالقول: `رد عليه الحريري بالقول إن`
BY_SAYING = match_key("بالقول")
CLARIFY_VERBS = _keys("بين")  # also a preposition: a verb only before what was said
CLARIFY_REACH = 8
# Verbs that report only with their object: `أدلى الوزير بتصريح`, `أدلى ... بما يلي:` (not
# `أدلى الناخبون بأصواتهم`); `عبر الوزير عن ارتياحه` (not `عبر الحدود`, the preposition).
DECLARE_VERBS = {key: _keys("بتصريح بتصريحات بالتصريح بالتصريحات بحديث بما ببيان") for key in _keys("أدلى أدلت")}
DECLARE_VERBS |= {key: _keys("عن") for key in _keys("عبر")}
DECLARE_REACH = 24  # the subject and its offices come between: `أدلى سعادة الدكتور ... وزير العدل ... بما`
RELAY_VERBS = _keys("نقلت نقل")  # `نقلت وكالة تاس عن غاتيلوف قوله`: Gatilov's statement
# `وبحسب حديث الصالح للوكالة، فإن`, `وفقا لتصريحات الوزير`: what follows is the speaker's.
ACCORDING_TO = _keys("بحسب وبحسب حسب وحسب وفق ووفق وفقا ووفقا")
STATEMENT_NOUNS = _keys("حديث تصريح تصريحات قول كلام رواية")
HEADLINE_VERBS = _keys("""
    يقول تقول يؤكد تؤكد يعلن تعلن يوضح توضح يشير تشير يعتبر تعتبر يشدد تشدد يدعو تدعو يحث تحث
    يحذر تحذر يضيف تضيف ينفي تنفي يتهم تتهم يهدد تهدد يصرح تصرح يعرب تعرب""")
PARTICIPLES = _keys("""
    قائلا قائلة مشيرا مشيرة مؤكدا مؤكدة مشددا مشددة معربا معربة مضيفا مضيفة لافتا لافتة داعيا
    داعية محذرا محذرة مبينا مبينة موضحا موضحة مذكرا مذكرة معتبرا معتبرة منوها منوهة مطالبا
    مطالبة منتقدا منتقدة مستنكرا مستنكرة متسائلا متسائلة مختتما مختتمة""")
COMPLEMENTIZERS = _keys("أن إن أنه إنه أنها إنها أنهم إنهم أنهما بأن بأنه بأنها بأنهم")
SAID_FORMS = _keys("قوله قولها قولهم")
OBJECT_PRONOUNS = _keys("عليه عليها فيه فيها به بها")  # `حذر فيه اقتصاديون`
IN_IT = _keys("فيه فيها")  # `بكلمة لحلواني قالت فيها`: in the speech of the one named before
ABOUT = match_key("عن")
WAS = _keys("كان كانت وكان وكانت")  # `وكان X قد قال`
AS_FOR = _keys("أما وأما")  # `أما X فقالت`
ALREADY = match_key("قد")
CLAUSE_OPENERS = _keys("كما ثم جهته جهتها جانبه جانبها بدوره بدورها")
FRONTED_PHRASES = _keys("من في")  # between a fronted subject and its verb: `... من قناة المنار عبرت`

# Where a subject ends.
PREPOSITIONS = _keys("في إلى على عن من مع لدى خلال عقب بعد قبل أمام حول عبر منذ ضد بين عند")
TIME_WORDS = _keys("يوم اليوم أمس غدا الليلة صباح مساء الأسبوع الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت")
RELATIVES = _keys("الذي التي والذي والتي وهو وهي ومقره ومقرها قد")
DESCRIBED_AS = _keys("وهو وهي")  # `محمد أبو زيد وهو من سكان بلدة الحراك`
ADDRESSEES = _keys("للصحفيين للصحافيين لمراسل لوكالة لرويترز لسانا للأناضول لقناة لصحيفة لوسائل لموقع لنا له لها")
FUNCTION_WORDS = _keys("""
    ما لا لم لن هذا هذه ذلك تلك كل بعض أي غير كما ثم أو و أيضا كذلك مجددا مرارا لاحقا سابقا مؤخرا
    حاليا ردا تعليقا""")
# Counts and spans of time: never a name (`بمرور خمسين عاماً على صدورها`).
NUMBER_WORDS = _keys("""
    اثنين اثنتين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثماني ثمانية تسع تسعة عشر عشرة
    عشرين ثلاثين أربعين خمسين ستين سبعين ثمانين تسعين مئة مائة مئات ألف آلاف مليون مليار
    عام عاما أعوام سنة سنوات يوما أيام شهر شهرا أشهر أسبوعا أسابيع ساعة ساعات دقيقة دقائق""")
SUBJECT_ENDS = PREPOSITIONS | TIME_WORDS | RELATIVES | ADDRESSEES | PARTICIPLES | COMPLEMENTIZERS | SAID_FORMS
EVENT_NOUNS = tuple(match_key("""
    تصريح بيان كلم مؤتمر حديث مقابل إحاط اتصال لقاء رسال تغريد وقت ختام افتتاح مستهل حوار ندو جلس اجتماع
    رد إطار سياق تعليق""").split())  # word beginnings: `في تصريح` says where it was said, not an office

# Offices: a head noun with its genitives, adjectives and `في`/`إلى`/`باسم`/`لدى` phrases.
OFFICE_HEADS = _bare_keys("""
    وزير وزيرة نائب نائبة رئيس رئيسة متحدث متحدثة ناطق ناطقة مدير مديرة سفير سفيرة مستشار
    مستشارة أمين مبعوث مبعوثة حاكم مفوض مفوضة وكيل ولي عاهل ملك أمير زعيم قائد عضو ممثل ممثلة
    مندوب مندوبة منسق منسقة محافظ والي معاون مساعد قنصل عمدة نقيب مفتي أستاذ باحث نظيره نظيرها
    مسؤول مسؤولة دبلوماسي دبلوماسية
    إعلامي إعلامية كاتب كاتبة صحفي صحفية صحافي صحافية ناشط ناشطة محلل محللة خبير خبيرة طبيب طبيبة
    محام محامي محامية فنان فنانة مخرج مخرجة لاعب لاعبة مدرب مدربة مطرب مطربة شاعر شاعرة روائي
    روائية مذيع مذيعة مراسل مراسلة أستاذة باحثة عميد عميدة مؤسس أكاديمي أكاديمية مفكر ناقد ناقدة
    مؤرخ مشرف مشرفة صاحب صاحبة مالك تاجر مزارع صياد طالب طالبة معلم معلمة مدرس مدرسة ممرض ممرضة
    قاض قاضي قاضية مفتش مفتشة موظف موظفة مواطن مواطنة رجل سيدة مهندسة مهندس مزارعة تاجرة صيادة
    مالكة عامل عاملة مؤرخة مفكرة مخترع مخترعة قائم""")  # `القائم بأعمال`
GENERIC_OFFICES = frozenset({"مسءول", "دبلوماسي", "نظير"})  # folded: they fit any office
OFFICE_PREPOSITIONS = _keys("في إلى باسم لدى بأعمال")  # `والقائم بأعمال وزير الدولة`
REPRESENTATIVES = _bare_keys("نائب نائبة عضو عضوة ممثل ممثلة")  # `النائب عن محافظة البصرة`
FOR = match_key("عن")
KNOWN_ADJECTIVES = _keys("""
    العام العامة الخاص الخاصة السامي السامية المتحدة المكلف المكلفة الدائم الأول المساعد كبير
    رفيع بارز مطلع مطلعة مسؤول مسؤولة مقرب مقربة عيان""")
UN_ADJECTIVE = "اممي"  # folded `الأممي`, `الأممية`: fits an office of the United Nations
UN_OFFICE_WORDS = frozenset({"امم", "امين"})
TITLES = _keys("""
    السيد السيدة الدكتور الدكتورة د المهندس المهندسة اللواء العميد العقيد الفريق البروفيسور معالي
    فخامة سمو صاحب السمو الملكي الشيخ الشيخة سعادة الحاجة الأستاذ الأستاذة الركن م المشير""")  # `الفريق الركن م. الشيخ`  # not `الحاج`: a surname too (سمر الحاج)
HONORIFIC_PRONOUNS = _keys("معاليه سموه فخامته سيادته سعادته")
# The title a pronoun stands for: `وأكد سموه` is the one introduced as `سمو الشيخ ...`.
HONORIFIC_TITLES = {match_key(pronoun): match_key(title) for pronoun, title in (
    ("معاليه", "معالي"), ("سموه", "سمو"), ("فخامته", "فخامة"), ("سيادته", "سيادة"), ("سعادته", "سعادة"))}
NAME_CONNECTORS = _keys("بن بنت ابن أبو أم عبد آل")
NAME_OPENERS = _keys("أبو أم عبد آل")  # connectors a name may begin with
NAME_COMPOUND_TAILS = _keys("الدين الإسلام")  # definite, yet inside a name: `طارق جمال الدين الشناوى`
TITLE_SURNAMES = _keys("السيد الشيخ")  # titles that close a name as its surname: `منى فتحى السيد،`

ANONYMOUS_SOURCES = _keys("""
    مصدر مصادر مسؤولون مسؤولين اقتصادي اقتصاديون اقتصاديين محلل محللون خبير خبراء شاهد شهود
    مراقب مراقبون ناشط ناشطون سكان دبلوماسيون دبلوماسيين منتقدون معارضون مسعفون""")
ANONYMOUS_UNLESS_NAMED = _keys("مسؤول مسؤولة قائد دبلوماسي متحدث متحدثة")  # `مسؤول كبير`, `قائد في فصيل`
ANONYMOUS_REFERENCES = _keys("المصدر المصادر")  # `وأضاف المصدر`
# Subjects that are not people: institutions, states and capitals, media, documents.
INSTITUTIONS = _bare_keys("""
    صحيفة جريدة مجلة قناة تلفزيون إذاعة موقع وسائل تقرير تقارير دراسة إحصاءات الجانبان الطرفان
    البلدان الأمم حماس وزارة مركز جيش صندوق مديرية أمانة لجنة مجلس إدارة منظمة هيئة حكومة رئاسة وكالة الخارجية
    الكرملين بيان مكتب مفوضية بنك مصرف سفارة قيادة تحالف جامعة اتحاد مرصد شرطة قوات مؤسسة
    شركة مجموعة ائتلاف حزب حركة تنظيم جماعة برنامج محكمة برلمان سلطات الولايات نظام اليونيسف
    يونيسف أونروا أوبك الناتو روسيا تركيا إيران الصين فرنسا بريطانيا ألمانيا أمريكا واشنطن موسكو
    أنقرة دمشق طهران باريس لندن بكين الرياض إسرائيل سوريا سورية مصر الأردن لبنان السعودية قطر
    الإمارات العراق اليمن""")

QUOTE_MARKS = {"“": "”", "«": "»", "„": "“", '"': '"', "(": ")"}
SHORT_QUOTE = 3  # words: “داعش”, “وانغ”, "آفاد", (اليونيسف) are names, not statements


@lru_cache(maxsize=65536)  # asked of every word of every paragraph
def verb_kind(key: str) -> str | None:
    """"say", "reply" or "relay" for a verb of saying, with or without و/ف."""
    for form in (key, key[1:] if key[:1] in "وف" else ""):
        if form in SAYING_VERBS or form != key and form in CONJOINED_VERBS:
            return "say"
        if form in REPLY_VERBS:
            return "reply"
        if form in RELAY_VERBS:
            return "relay"
    return None


def may_report(key: str) -> bool:
    """Whether a word may open a statement: a verb of saying, a verb that reports with what
    follows it (`بين`, `أدلى`, `عبر`) or an attribution (`بحسب`); no other word need be read on."""
    form = key[1:] if key[:1] in "وف" else key
    return verb_kind(key) is not None or form in CLARIFY_VERBS or form in DECLARE_VERBS or key in ACCORDING_TO


# The words `may_report` accepts (those verbs with or without و/ف, and the attributions), as a
# set: every token of every paragraph is looked up, and a set answers faster than a call.
REPORTING_WORDS = frozenset(key for key in ACCORDING_TO | {
    prefix + verb for prefix in ("", "و", "ف")
    for verb in SAYING_VERBS | CONJOINED_VERBS | REPLY_VERBS | RELAY_VERBS | CLARIFY_VERBS | set(DECLARE_VERBS)}
    if may_report(key))


def reports_after(tokens: Tokens, i: int) -> bool:
    """`بين` is a preposition (`بين البلدين`) unless what was said follows within a few words
    (`وبين الوزير أن ...`, `... من قناة الجديد بين “أن ...`); `أدلى` reports only with a
    statement as its object, after its subject (`أدلى سعادة الوزير ... بما يلي:`), and `عبر`,
    also a preposition, only where it opens a clause (`وعبر الوزير عن`, not `نقل عبر الوزير`)."""
    form = tokens[i].key[1:] if tokens[i].key[:1] in "وف" else tokens[i].key
    if form in CLARIFY_VERBS:
        for token in tokens[i + 1:i + 1 + CLARIFY_REACH]:
            if token.key in COMPLEMENTIZERS or token.text in QUOTE_MARKS:
                return True
            if token.text in ".؛:؟!،":
                return False
    elif form in DECLARE_VERBS and not (form in PREPOSITIONS and form == tokens[i].key and i
                                        and tokens[i - 1].is_word):
        for j in range(i + 1, min(i + 1 + DECLARE_REACH, len(tokens))):
            if tokens[j].key in DECLARE_VERBS[form]:
                return True
            if tokens[j].text in ".؛:؟!" and tokens[j - 1].key not in TITLES:  # `م.` is a title
                return False
    return False


def according_to(tokens: Tokens, i: int) -> bool:
    """`بحسب حديث X`, `وفقا لتصريحات X`: an attribution with X's words, not `بحسب بيان`."""
    if tokens[i].key not in ACCORDING_TO or i + 2 >= len(tokens) or not tokens[i + 1].is_word:
        return False
    noun = tokens[i + 1].key
    return noun in STATEMENT_NOUNS or noun[:1] == "ل" and noun[1:] in STATEMENT_NOUNS


# Verbs of saying whose object opens with a preposition: `وأشاد توري بدور الوكالة`.
GOVERNED_PREPOSITIONS = {key: "ب" for key in _keys("أشاد أشادت رحب رحبت نوه نوهت")}


def governs(verb: Token, after: Token) -> bool:
    """Whether `after` opens the object of `verb` with the preposition the verb governs."""
    form = verb.key[1:] if verb.key[:1] in "وف" else verb.key
    preposition = GOVERNED_PREPOSITIONS.get(form)
    return preposition is not None and after.is_word and after.key.startswith(preposition) and len(after.key) > 3


@lru_cache(maxsize=65536)  # asked of nearly every word, by the register's scan for offices
def is_office_head(key: str) -> bool:
    return bare(key) in OFFICE_HEADS


_NOT_NAMES = FUNCTION_WORDS | TITLES | ANONYMOUS_SOURCES | HONORIFIC_PRONOUNS | SAYING_VERBS | NUMBER_WORDS
_NOT_IN_CHAINS = SUBJECT_ENDS | FUNCTION_WORDS | TITLES | SAYING_VERBS


def name_like(token: Token) -> bool:
    """A word that may be part of a personal name: no office, institution or function word.
    `علي` the name and `على` the preposition share a key; the spelling tells them apart."""
    key = token.key
    if key in SUBJECT_ENDS and not (key == "علي" and token.text.endswith("ي")):
        return False
    return _name_shaped(key)


@lru_cache(maxsize=65536)
def _name_shaped(key: str) -> bool:
    if key[:1] == "و" and is_office_head(key[1:]):  # `... مصطفى شنطوب ووالي إسطنبول`: a second person
        return False
    return (len(key) >= 2 and not any(c.isdigit() for c in key) and not is_office_head(key)
            and bare(key) not in INSTITUTIONS and key not in _NOT_NAMES)


def chain_noun(token: Token) -> bool:
    """A noun that may stand in a construct chain (`مجلس`, `حكومة`, `تصريف`, `دمشق`)."""
    return token.is_word and _chain_shaped(token.key)


@lru_cache(maxsize=65536)
def _chain_shaped(key: str) -> bool:
    return len(key) >= 2 and not any(c.isdigit() for c in key) and key not in _NOT_IN_CHAINS


def is_adjective(token: Token) -> bool:
    """A definite adjective continuing an office: `الروسي`, `التنفيذية`, `العام`, `المكلف`."""
    return token.key in KNOWN_ADJECTIVES or (token.definite and fold(bare(token.key)).endswith("ي"))


def is_anonymous_adjective(token: Token) -> bool:
    """`مصدر مسؤول`, `مصادر أمنية تركية`, `مسؤولون أمريكيون`, `مسؤول كبير`, `شهود عيان`."""
    return token.is_word and (token.key in KNOWN_ADJECTIVES or (
        not token.definite and fold(token.key).endswith(("ي", "يون", "يين")) and len(token.key) > 3))


def fold(word: str) -> str:
    """The masculine form, for comparing offices: `روسية`/`روسي`, `متحدثة`/`متحدث`."""
    return word[:-1] if word.endswith("ه") and len(word) > 3 else word


def office_words(tokens: Tokens) -> tuple[str, ...]:
    """An office as comparable words: `المتحدثة باسم الوزارة` -> (متحدث, وزار)."""
    return tuple(fold(bare(t.key)) for t in tokens
                 if t.is_word and t.key not in OFFICE_PREPOSITIONS and t.key not in TITLES)


def ends_subject(tokens: Tokens, i: int, stop: int) -> bool:
    return i >= stop or not tokens[i].is_word or tokens[i].key in SUBJECT_ENDS


_SAID_NEXT = COMPLEMENTIZERS | PARTICIPLES | ADDRESSEES | SAID_FORMS | TIME_WORDS
_WHERE_SAID = _keys("في خلال عقب أمام")


def said_next(tokens: Tokens, i: int, stop: int) -> bool:
    """What was said, or where and to whom, starts at tokens[i]: a comma, colon or quote, `أن`,
    a participle, an addressee (`لسانا`), or `في`/`خلال` before an event (`في تصريح`)."""
    if i >= stop or not tokens[i].is_word:
        return i >= stop or tokens[i].text in "،,:«“\"'"
    key = tokens[i].key
    if key in _SAID_NEXT:
        return True
    return key in _WHERE_SAID and i + 1 < stop and tokens[i + 1].key.startswith(EVENT_NOUNS)


def quote_spans(tokens: Tokens) -> dict[int, int]:
    """Opening token index -> closing token index, for balanced quotation marks."""
    spans: dict[int, int] = {}
    stack: list[tuple[int, str]] = []
    for i, token in enumerate(tokens):
        if token.is_word:
            continue
        if stack and token.text == stack[-1][1]:
            spans[stack.pop()[0]] = i
        elif token.text in QUOTE_MARKS:
            stack.append((i, QUOTE_MARKS[token.text]))
    return {} if stack else spans


def quoted(tokens: Tokens) -> list[bool]:
    """Which tokens stand inside quotation marks (a verb there is someone's words)."""
    inside = [False] * len(tokens)
    for start, end in quote_spans(tokens).items():
        if tokens[start].text != "(":
            inside[start:end + 1] = [True] * (end + 1 - start)
    return inside


def short_quote_end(tokens: Tokens, i: int, stop: int) -> int | None:
    """Index after a quoted or bracketed name of a few words (`“وانغ”`, `(اليونيسف)`)."""
    if i >= stop or tokens[i].text not in QUOTE_MARKS:
        return None
    closer = QUOTE_MARKS[tokens[i].text]
    close = next((j for j in range(i + 1, min(stop, i + 2 * SHORT_QUOTE + 2)) if tokens[j].text == closer), None)
    return close + 1 if close is not None and sum(t.is_word for t in tokens[i + 1:close]) <= SHORT_QUOTE else None


def quote_end(tokens: Tokens, i: int, stop: int) -> int | None:
    """Index after the quotation opening at tokens[i] (not a bracket), or None."""
    if i >= stop or tokens[i].text not in QUOTE_MARKS or tokens[i].text == "(":
        return None
    closer = QUOTE_MARKS[tokens[i].text]
    close = next((j for j in range(i + 1, len(tokens)) if tokens[j].text == closer), None)
    return close + 1 if close is not None else None


def long_quote_end(tokens: Tokens, i: int, stop: int) -> int | None:
    """Index after a quotation that is someone's words (more than a quoted name)."""
    return None if short_quote_end(tokens, i, stop) else quote_end(tokens, i, stop)
