"""Common Arabic given names, with the Latin spelling news agencies use for them.

Two readers need them: `romanize` (a readable slug for a speaker the gazetteer does not
know) and `analyze.discourse` (a bare name after a verb of saying, `وأكد عقيلة صالح أن`, is a person
only when it opens with a given name; `وأكد حسن سير العمل` is not). Keys are matching keys
(`arabic.match_key`), so `آلاء`/`الاء` and `عقيلة`/`عقيله` meet.
"""

from __future__ import annotations

from .arabic import match_key

_MALE = """
محمد:Mohammed احمد:Ahmed محمود:Mahmoud مصطفي:Mustafa علي:Ali عمر:Omar عثمان:Othman حسن:Hassan
حسين:Hussein حسام:Hossam خالد:Khaled سعيد:Saeed سعد:Saad فيصل:Faisal سلمان:Salman بشار:Bashar
رائد:Raed يوسف:Youssef ابراهيم:Ibrahim اسماعيل:Ismail عيسي:Issa موسي:Moussa سامح:Sameh
زايد:Zayed ثامر:Thamer سعود:Saud صالح:Saleh اسامه:Osama سمير:Samir طارق:Tarek كريم:Karim
رشيد:Rachid فؤاد:Fouad جاسم:Jassim حمد:Hamad راشد:Rashid ناصر:Nasser عواد:Awwad مطلق:Mutlaq
رامي:Rami رامز:Ramez سالم:Salem زهير:Zuhair كمال:Kamal جمال:Gamal اشرف:Ashraf وليد:Walid
يحيي:Yahya زكريا:Zakaria نبيل:Nabil عادل:Adel ماجد:Majed مروان:Marwan هشام:Hisham هاني:Hani
عماد:Imad اياد:Iyad ايمن:Ayman شريف:Sharif علاء:Alaa ضياء:Diaa بهاء:Bahaa عقيله:Aguila
عبدالله:Abdullah سليمان:Suleiman داود:Dawood يعقوب:Yaqoub هارون:Haroun ادريس:Idris نوح:Nouh
ياسر:Yasser ياسين:Yassin وائل:Wael باسل:Basel باسم:Bassem حازم:Hazem حاتم:Hatem حامد:Hamed
حمدي:Hamdi حمزه:Hamza حميد:Hamid مجدي:Magdy منير:Mounir نادر:Nader نزار:Nizar نضال:Nidal
نعيم:Naim هيثم:Haitham وسيم:Wassim وحيد:Waheed توفيق:Tawfiq تامر:Tamer ثابت:Thabet جلال:Galal
جميل:Jamil جواد:Jawad جورج:George حبيب:Habib حافظ:Hafez حكيم:Hakim خليل:Khalil خليفه:Khalifa
رضا:Reda رياض:Riyad زياد:Ziad زيد:Zaid سامي:Sami سلطان:Sultan سليم:Salim سهيل:Suhail
شادي:Shadi شاكر:Shaker شوقي:Shawky صابر:Saber صبري:Sabri صلاح:Salah طلال:Talal
طه:Taha عاصم:Asem عاطف:Atef عامر:Amer عباس:Abbas عدنان:Adnan عزت:Ezzat عصام:Essam عفيف:Afif
عمار:Ammar عمرو:Amr عوض:Awad عيد:Eid غازي:Ghazi غسان:Ghassan فادي:Fadi فارس:Fares فاروق:Farouk
فايز:Fayez فتحي:Fathi فهد:Fahd فواز:Fawaz قاسم:Qasem كامل:Kamel لؤي:Louay ماهر:Maher
مازن:Mazen مالك:Malek مبارك:Mubarak مجد:Majd محسن:Mohsen مختار:Mokhtar مراد:Mourad مسعود:Masoud
معاذ:Moaz مفيد:Mufid منصور:Mansour مهدي:Mahdi مؤمن:Moamen نايف:Nayef نبيه:Nabih
نجيب:Najib نصر:Nasr نصير:Naseer نعمان:Noman هادي:Hadi همام:Hammam وجدي:Wagdy
وسام:Wissam يزيد:Yazid يونس:Younes ايهاب:Ehab انور:Anwar امين:Amin امجد:Amjad
اكرم:Akram اسعد:Asaad بكر:Bakr بلال:Bilal بدر:Badr بسام:Bassam
تركي:Turki تميم:Tamim جابر:Jaber جعفر:Jaafar حسان:Hassan حمدان:Hamdan خلف:Khalaf دريد:Duraid
رفعت:Refaat رمضان:Ramadan رؤوف:Raouf زكي:Zaki سيف:Saif شاهر:Shaher شهاب:Shihab صادق:Sadek
صفوت:Safwat طاهر:Taher ظافر:Zafer عارف:Aref عبود:Abboud عزيز:Aziz عمران:Imran غالب:Ghaleb
فراس:Firas فريد:Farid قيس:Qais لطفي:Lotfi محيي:Mohie مشعل:Mishal
منذر:Munther مهند:Mohannad ميشال:Michel ميشيل:Michel نواف:Nawaf هزاع:Hazza
نائل:Nael عدي:Odai قصي:Qusai انس:Anas براء:Baraa حيدر:Haidar كاظم:Kadhim جبران:Gebran
الياس:Elias ايلي:Elie جوزاف:Joseph جوزيف:Joseph بطرس:Boutros نجاح:Najah
رضوان:Radwan رعد:Raad اسلام:Islam طحنون:Tahnoun ذياب:Theyab بندر:Bandar متعب:Miteb فلاح:Falah
ناصيف:Nassif سركيس:Sarkis نقولا:Nicolas شربل:Charbel انطوان:Antoine اميل:Emile
"""
# First names of foreign figures as the Arabic press spells them: `وقال جان إيف لودريان`.
_FOREIGN = """
جان:Jean فلاديمير:Vladimir سيرغي:Sergei سيرجي:Sergei ديمتري:Dmitry دونالد:Donald باراك:Barack
جون:John ايمانويل:Emmanuel انطونيو:Antonio انجيلا:Angela بوريس:Boris ريشي:Rishi
هرمان:Herman اليكس:Alex مايك:Mike ديفيد:David ريتشارد:Richard مارك:Mark بيتر:Peter
اولاف:Olaf رجب:Recep مولود:Mevlut هاكان:Hakan نارندرا:Narendra كير:Keir
"""
_FEMALE = """
ايناس:Enas فاطمه:Fatima مريم:Maryam نور:Nour هاله:Hala منال:Manal مني:Mona سميره:Samira
سمر:Samar زينب:Zeinab عائشه:Aisha خديجه:Khadija ليلي:Layla هند:Hind امينه:Amina عبير:Abeer
الاء:Alaa وفاء:Wafaa رجاء:Rajaa اسماء:Asmaa امل:Amal ايمان:Iman بسمه:Basma
جميله:Jamila حنان:Hanan دعاء:Doaa ديما:Dima رانيا:Rania ربي:Ruba رحاب:Rehab رشا:Rasha رغده:Raghda
رنا:Rana ريم:Reem ريما:Rima سارا:Sara ساره:Sara سحر:Sahar سعاد:Souad سلمي:Salma سهام:Siham
سوزان:Suzan شيرين:Shirin صفاء:Safaa عزه:Azza غاده:Ghada فاتن:Faten فرح:Farah لبني:Lubna لمياء:Lamia
لينا:Lina مها:Maha مي:May ميس:Mais ميساء:Maysaa نادين:Nadine ناديه:Nadia نجلاء:Naglaa
نجوي:Nagwa نسرين:Nesrine نهي:Noha نهاد:Nihad نوال:Nawal هبه:Heba هدي:Hoda هيا:Haya هيفاء:Haifa
وداد:Widad ياسمين:Yasmine يسرا:Yousra اماني:Amani الهام:Elham انتصار:Intisar حياه:Hayat
نوره:Noura شيخه:Sheikha لولوه:Lulwa دانه:Dana رقيه:Ruqaya سكينه:Sakina بتول:Batoul
حوراء:Hawraa كوثر:Kawthar نرجس:Narjis لمي:Lama كارلا:Carla
"""


def _table(text: str) -> dict[str, str]:
    return {match_key(arabic): latin for arabic, latin in (pair.split(":") for pair in text.split())}


MALE_NAMES = _table(_MALE) | _table(_FOREIGN)
FEMALE_NAMES = _table(_FEMALE)
GIVEN_NAMES = {**MALE_NAMES, **FEMALE_NAMES}


def is_given_name(word: str) -> bool:
    """`محمد`, `آلاء`, `عبدالله`, `عبد` (of `عبد الرحمن`), `أبو` (of `أبو بكر`)."""
    key = match_key(word)
    return key in GIVEN_NAMES or key in ("عبد", "ابو") or (key.startswith("عبد") and len(key) > 4)
