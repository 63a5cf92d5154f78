"""Fill in what each claim is about: reporter, flow, partners, products, year, base, months.

Subjects come from the claim's own stretch of its sentence (partners by name, demonym or
region; products through the lexicon). A claim that names none takes the subject of the claim
before it in the same sentence, else in the same paragraph ("The total amount of contracts
was $140.32 million" after a sentence on India); "such products" takes the products last
named in the paragraph. Periods: the article's year unless the sentence names another, the
year before as the base unless it says "compared with 2019" or "since 2018", and months for
"the first eight months" or "January–August".
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from hitex.errors import InputError
from hitex.reference import countries
from hitex.report.claims import frames, versus
from hitex.report.claims.lexicon import Lexicon, Mention, demonym_at
from hitex.report.claims.model import CERTAIN, NOT_UNDERSTOOD, Claim, Period, Quantity, Subject
from hitex.report.claims.parse import (
    AMONG_GOODS,
    SHARE_ON,
    Found,
    Sentence,
    part_after,
    sentences,
    trade_words,
)

__all__ = ["Context", "months", "resolve"]


@dataclass(frozen=True)
class Context:
    """What the whole text is about: the reporter, the article's year and base year."""

    reporter: str
    year: int
    compare: int | None = None
    #: False when the text names no year and ``year`` is the latest the warehouse holds.
    named: bool = True


_MONTH_NAMES = (
    ("jan", "январ"),
    ("feb", "феврал"),
    ("mar", "март"),
    ("apr", "апрел"),
    ("may", "ма[йя]"),
    ("jun", "июн"),
    ("jul", "июл"),
    ("aug", "август"),
    ("sep", "сентябр"),
    ("oct", "октябр"),
    ("nov", "ноябр"),
    ("dec", "декабр"),
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "две": 2,
           "nine": 9, "ten": 10, "eleven": 11, "два": 2, "двух": 2, "три": 3, "трех": 3,
           "трёх": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
           "девять": 9, "десять": 10, "одиннадцать": 11}  # fmt: skip
_COUNT = "|".join([*_COUNTS, r"\d{1,2}"])
#: A count of years as a text says it ("two", «два», "3").
COUNT = _COUNT


def years_back(m: re.Match[str]) -> int:
    """The count of years a match of :data:`COUNT` in group ``n`` or ``n2`` says."""
    n = (m["n"] or m["n2"]).lower()
    return int(n) if n.isdigit() else _COUNTS[n]


def _month(word: str) -> int:
    return next(i + 1 for i, (en, ru) in enumerate(_MONTH_NAMES)
                if re.match(en, word, re.I) or re.match(ru, word, re.I))  # fmt: skip


_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|январ|феврал|март|апрел|" \
              r"ма[йя]|" \
              r"июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"  # fmt: skip


def months(text: str) -> tuple[int, int] | None:
    """The months a sentence limits its figures to (year to date), or ``None``.

    All twelve ("за январь–декабрь") are the whole year: ``None``.

    Examples
    --------
    >>> months("for the first eight months of the year"), months("за январь–август 2020 г.")
    ((1, 8), (1, 8))
    >>> months("in the first half"), months("in 2020"), months("за январь–декабрь 2021 года")
    ((1, 6), None, None)
    """
    found = _months(text)
    return None if found == (1, 12) else found


#: A month's name in full (or its usual short form), never a word that begins like one.
_MONTH_NAME = (r"(?:january|february|march|april|may|june|july|august|september|october|"
               r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?(?!\w)|"
               r"(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)"
               r"(?:ь|я|е|й|ю|ем)(?!\w)")  # fmt: skip
#: A month's name after «после» (the genitive): «после августа», «после мая».
_GENITIVE_MONTH = (r"(?:(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)я|марта|мая|"
                   r"августа)(?!\w)")  # fmt: skip
#: Parts of a year said in words: "the second half", "в четвёртом квартале", «в 4 квартале».
#: «в 4 квартале», «3-м квартале»: a quarter by its number, after the number.
_QUARTER_N = r"(?:-?[мй]|-ом)?\s+квартал\w*"
_PARTS = (
    (r"first[- ]half|\bH1\b|первое полугодие|первом полугодии|первого полугодия", (1, 6)),
    (r"second[- ]half|\bH2\b|второе полугодие|втором полугодии|второго полугодия", (7, 12)),
    (rf"first[- ]quarter|\bQ1\b|перв\w+ квартал\w*|\bI квартал\w*|\b1{_QUARTER_N}", (1, 3)),
    (rf"second[- ]quarter|\bQ2\b|втор\w+ квартал\w*|\bII квартал\w*|\b2{_QUARTER_N}", (4, 6)),
    (rf"third[- ]quarter|\bQ3\b|трет\w+ квартал\w*|\bIII квартал\w*|\b3{_QUARTER_N}", (7, 9)),
    (
        rf"(?:fourth|final|last)[- ]quarter|\bQ4\b|четв[её]рт\w+ квартал\w*|\bIV квартал\w*|"
        rf"\b4{_QUARTER_N}",
        (10, 12),
    ),
)


#: Months named one by one: "November and December", "October, November and December", «в
#: ноябре и декабре», «Ноябрь и декабрь».
_MONTH_LIST = re.compile(
    rf"\b(?P<first>{_MONTH_NAME})(?P<rest>(?:\s*,\s*(?:in\s+|в\s+)?(?:{_MONTH_NAME}))*"
    rf"\s*,?\s+(?:and|и|&)\s+(?:in\s+|в\s+)?(?:{_MONTH_NAME}))",
    re.IGNORECASE,
)


def listed_months(text: str) -> tuple[int, int] | None:
    """The months ``text`` names one by one, when they follow each other, else None.

    >>> listed_months("Ноябрь и декабрь дали по 217 млн"), listed_months("May and July")
    ((11, 12), None)
    >>> listed_months("In October, November and December exports were $217m each")
    (10, 12)
    """
    m = _MONTH_LIST.search(text)
    if m is None:
        return None
    said = [_month(m["first"])] + [
        _month(w) for w in re.findall(_MONTH_NAME, m["rest"], re.IGNORECASE)
    ]
    if said != list(range(said[0], said[0] + len(said))):
        return None
    return said[0], said[-1]


def _months(text: str) -> tuple[int, int] | None:  # noqa: PLR0911, PLR0912 - one return per wording
    m = re.search(f"(?:first|первые|первых)\\s+({_COUNT})\\s+(?:months|месяц\\w*)", text, re.I)
    if m:
        n = m[1].lower()
        return 1, int(n) if n.isdigit() else _COUNTS[n]
    m = re.search(f"(?:last|final|последние|последних)\\s+({_COUNT})\\s+(?:months|месяц\\w*)",
                  text, re.I)  # fmt: skip
    if m:
        # "the last four months of the year": September to December.
        n = m[1].lower()
        return 13 - (int(n) if n.isdigit() else _COUNTS[n]), 12
    m = re.search(f"\\b({_MONTH_WORD})\\s*[-–—]\\s*({_MONTH_WORD})", text, re.I)
    if m:
        return _month(m[1]), _month(m[2])
    m = re.search(f"\\b({_MONTH_NAME})\\s+(?:to|through|until|по)\\s+({_MONTH_NAME})", text, re.I)
    if m:
        # "from July to December", "с июля по декабрь".
        return _month(m[1]), _month(m[2])
    m = re.search(f"\\b(?:every|each)\\s+month\\s+(?:through|until|till|up\\s+to|to)\\s+"
                  f"({_MONTH_NAME})", text, re.I)  # fmt: skip
    if m:
        # "January, February and every month through August": from the year's start.
        return 1, _month(m[1])
    listed = listed_months(text)
    if listed is not None:
        # "November and December brought in $434.5 million", «Ноябрь и декабрь дали по 217
        # млн»: the months named one by one.
        return listed
    m = re.search(
        f"(?:\\bafter\\s+({_MONTH_NAME})|(?<!\\w)после\\s+({_GENITIVE_MONTH}))", text, re.I
    )
    if m and _month(m[1] or m[2]) < 12:
        # "every month after August", «каждый месяц после августа»: to the end of the year.
        return _month(m[1] or m[2]) + 1, 12
    m = re.search(f"(?<!\\w)[Сс]\\s+({_GENITIVE_MONTH})(?!\\s+(?:\\w+\\s+)?(?:по|до)\\s)", text)
    if m and _month(m[1]) > 1:
        # «с сентября он поднялся до 217,25 млн в месяц»: from that month to the end of the year.
        return _month(m[1]), 12
    m = re.search(f"\\bfrom ({_MONTH_NAME}) on(?:wards?)?\\b", text, re.I)
    if m:
        # "From September on": to the end of the year.
        return _month(m[1]), 12
    m = re.search(f"\\bfrom ({_MONTH_NAME})(?=\\s*(?:[,;.)]|$))", text, re.I)
    if m:
        # "about $217m a month from September.": to the end of the year, when nothing follows.
        return _month(m[1]), 12
    for words, span in _PARTS:
        if re.search(words, text, re.I):
            return span
    if re.search(f"({_COUNT}) (?:months|месяц\\w*)", text, re.I):
        m = re.search(f"({_COUNT}) (?:months|месяц\\w*)", text, re.I)
        assert m is not None
        n = m[1].lower()
        return 1, int(n) if n.isdigit() else _COUNTS[n]
    return None


_COMPARE = re.compile(
    r"(?:compared (?:with|to)|in comparison with|than(?: in)?|from|since|against|over|on|"
    # «а против 2005 г. — в 5,6 раза», "vs 2005": a year set against.
    r"(?<!\w)против|\bvs\.?|\bversus|"
    r"above(?: the)?|(?<=раза\s)к|(?<=раз\s)к|(?<=%\s)к|по отношению к|"
    # «плюс 555 млн к 2019-му», «прирост к 2019 году — 30%»: after money or a change's noun.
    r"(?<=млн\s)к|(?<=млрд\s)к|(?<=миллионов\s)к|(?<=миллиона\s)к|(?<=миллиарда\s)к|"
    r"(?<=долларов\s)к|(?<=прирост\s)к|(?<=прибавка\s)к|(?<=рост\s)к|(?<=снижение\s)к|"
    r"(?<=падение\s)к|"
    # «прибавка на треть к 2002 году»: a fraction is a rate as "%" is.
    r"(?<=треть\s)к|(?<=четверть\s)к|(?<=половину\s)к|"
    r"(?:the )?same (?:period|months?) (?:of|in)|(?:к|с) (?:тем же|аналогичным) (?:месяцам|"
    r"периодом)|по сравнению с|относительно|чем в|с|"
    r"аналогичн\w+ период\w*|"
    # «что втрое превышает показатель 2002 года», «превосходит уровень 2019 г. на 30%»: the year
    # of the level exceeded is the base, not the year of the figure.
    r"(?:превыша|превыси|превосход|превзош|опережа)\w*\s+(?:показател\w*|уровень|уровня|"
    r"итог\w*)(?:\s+за)?|"
    # «выше уровня 2001 года в 7,3 раза», «в 3,7 раза больше показателя 2011 г.».
    r"(?<!\w)(?:выше|ниже|больше|меньше)\s+(?:показател\w*|уровн\w*|итог\w*)|"
    # «От уровня 2001 г. экспорт ушёл вверх в 7,3 раза».
    r"(?<!\w)[Оо]т\s+(?:уровня|показателя|итога)|"
    # "over seven times what it took in 2001", "thrice what that chapter earned in 2002": the
    # level of the base year, said by a clause of its own.
    r"\bwhat (?:it|they|(?:that|the|these|those) [^\W\d]+) (?:took|earned|were|was|made|"
    r"fetched|brought in|sold|bought|stood at) in|"
    # "about 2.5 times its value in 2002", "close to five times what it was in 2002".
    r"(?<=times )(?:its|their|the) (?:value|level|figure|total) (?:in|of)|"
    r"\bwhat (?:it|they) (?:was|were) in)\s+(?P<y>(?:19|20)\d\d)|"
    r"(?P<y2>(?:19|20)\d\d)['’]s\b",
    re.IGNORECASE)  # fmt: skip
_RECORDS_SINCE = re.compile(
    r"(?:наибольш|наименьш|максимал|минимал|максимум|минимум|рекордн|высш|низш|крупнейш|"
    r"впервые|lowest|highest|largest|smallest|narrowest|widest|biggest|deepest|strongest|"
    r"weakest|first time|record)\w*(?:\s+[^\W\d]+){0,2}\s*$",
    re.IGNORECASE,
)
_SPAN_YEARS = re.compile(
    r"(?:over|in|during) the (?:last|past|same) (?P<n>two|three|four|five|six|seven|eight|nine|"
    r"ten|\d+) years|"
    r"за (?:последние |эти )?(?P<n2>два|три|четыре|пять|шесть|семь|восемь|девять|десять|\d+) "
    # «за три последних года»: the adjective after the count.
    r"(?:последних )?(?:года|лет)|"
    # "four times their value ten years earlier", «десятью годами ранее»: the base so many
    # years before.
    r"(?<!\w)(?P<n3>two|three|four|five|six|seven|eight|nine|ten|\d+) years (?:earlier|before)|"
    # «против двух годов назад», «два года назад», "on two years ago": the base so many years
    # before the figure's year.
    r"(?<!\w)(?P<n5>two|three|four|five|six|seven|eight|nine|ten|два|двух|три|тр[её]х|четыре|"
    r"пять|\d+) (?:years ago|(?:года|годов|лет) (?:тому )?назад)(?!\w)|"
    # "have more than tripled in three years", "doubled within five years": a span ending with
    # the claim's year (not "in three years' time", "in 2 years to 2021" is the same).
    r"(?:\bin|\bover|\bwithin) (?P<n4>two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) "
    r"years\b(?!['’]|\s+(?:ago|earlier|before|later|time)\b)|"
    # "almost sevenfold over two decades", "quadrupled over the last decade": ten years each.
    r"(?:over|in|during) (?:the (?:last|past|same) |the |this )?(?:(?P<d>two|three) decades|"
    r"(?:a |one )?decade)\b(?!\s+ago)|"
    r"за (?:последние |это |эти )?(?:(?P<d2>два|три) десятилетия|десятилетие)",
    re.IGNORECASE)  # fmt: skip
#: A rate said of a count of years: "in fourteen of the twenty years", «в 14 из 20 лет», «в
#: четырнадцати годах из двадцати».
_OF_YEARS = re.compile(
    r"\bin (?:\w+|\d{1,2}) (?:out )?of (?:the |those |these |its )?(?:\w+ |\d{1,2} )?years\b|"
    r"(?<!\w)в (?:\w+|\d{1,2}) (?:годах|годы|году) из (?:\w+|\d{1,2})(?!\w)|"
    r"(?<!\w)в (?:\w+|\d{1,2}) из (?:\w+|\d{1,2}) (?:лет|годов|последних лет)(?!\w)",
    re.IGNORECASE,
)
#: No one of a field did so: "No partner", "none of the buyers", «ни один партнёр».
_NO_ONE = re.compile(
    r"\b(?:no (?:single )?(?:partner|buyer|market|country|customer|supplier|chapter|heading)s?|"
    r"none of (?:the|its|our|them|these|those)\b(?:\s+\w+)?|not (?:a single|one) \w+)\s*$|"
    r"(?<!\w)ни (?:один|одна|одно|одного) (?:из \w+ )?\w*\s*(?:не\s*)?$|(?<!\w)никто\s*(?:не\s*)?$",
    re.IGNORECASE,
)
#: Every one of the goods (or partners) as the subject of a rate: «все позиции группы 90»,
#: «каждая товарная группа», "every heading", "all the items", «в каждую европейскую страну»,
#: "every European market" (not «всех товаров», the total; not "every one of the 21 markets",
#: a count read on its own).
_EVERY_ITEM = re.compile(
    r"(?<!\w)(?:все|всех|каждая|каждый|каждое|каждую|every|each|all(?:\s+the)?)\s+"
    r"(?:[^\W\d]+\s+)?"
    r"(?:позици\w*|статьи|статей|товарн\w+\s+групп\w*|headings?|items?|lines?|"
    r"product\s+lines?|chapters?|categories|"
    r"(?<=(?:ждую|ждая|ждый|ждое|very|each)\s)(?:[^\W\d]+\s+)?"
    r"(?:стран\w*|рын\w*|партн[её]р\w*|market|country|partner|buyer|destination))"
    r"(?!\w)(?![^,;:]*\b(?:together|combined)\b)",
    re.IGNORECASE,
)
#: A count whose words open its sentence and a bound before the figure: «Число товарных групп
#: ..., превысивших», "The number of chapters above".
_COUNT_BOUND = re.compile(
    r"^\W*(?:the )?(?:number|count) of\b.*\b(?:above|over|passed|passing|exceeding|topping|"
    r"beyond|worth|valued at|of more than|that (?:passed|topped|exceeded))\s*$|"
    r"^\W*(?:\d+\.\s*)?(?:число|количество)\b.*(?:превысивш\w+|свыше|более|больше|дороже)"
    r"(?:\s+чем)?(?:\s+на)?\s*$",
    re.IGNORECASE,
)
#: The words after a change that compare it with an earlier part of the same year: "on
#: April-June", "over the summer quarter", "on the previous quarter", "quarter on quarter" (a
#: year after them dates the base: "on April-June 2019" is the year before).
_SEQUENTIAL = re.compile(
    r"\s*(?:(?:on|above|against|versus|vs\.?|than(?: in)?|compared (?:with|to)|relative to)\s+"
    r"(?:the\s+|its\s+)?(?:(?:previous|preceding|prior|summer|winter|spring|autumn|first|"
    r"second|third)\s+(?:quarter|half|month|three months)|quarter before|month before|"
    f"{_MONTH_WORD}\\s*[-–—]\\s*{_MONTH_WORD}|Q[1-4]|H[12])"
    r"|over\s+(?:the\s+)?(?:previous|preceding|prior|summer|winter|spring|autumn)\s+"
    r"(?:quarter|half|month|three months)"
    r"|(?:quarter|month)[- ](?:on|over)[- ](?:quarter|month)|sequentially"
    # «на 8,8% больше первого», «выше третьего квартала», «к предыдущему месяцу»: the twin.
    r"|(?:больше|выше|меньше|ниже|против|по сравнению с|чем (?:в|во|за)?)\s*(?:уровня\s+)?"
    r"(?:(?:первого|второго|третьего|I|II|III)(?:\s+(?:квартала|полугодия|месяца))?"
    r"|(?:предыдущего|прошлого|предшествующего)\s+(?:квартала|полугодия|месяца)"
    r"|(?:первом|втором|третьем)\s+(?:квартале|полугодии))"
    r"|к\s+(?:предыдущему|прошлому|первому|второму|третьему)\s+(?:кварталу|полугодию|месяцу))"
    r"(?!\w)(?!\s*(?:of\s+|in\s+)?(?:19|20)\d\d)",
    re.IGNORECASE)  # fmt: skip
#: Where a clause ends ("...$1.77 billion, more than twice ..."), not before "than" / "чем".
#: A coverage ratio: "exports cover 98% of imports", "exports paid for 98% of imports",
#: "sales abroad matched 98% of purchases", «экспорт покрывал 13% импорта». The verb, an export
#: word before it and an import word after.
_COVER_VERB = re.compile(r"\b(?:cover(?:s|ed)?|paid for|pays? for|financ(?:e|es|ed)|"
                         # "sales abroad were equal to 98% of the inbound bill"
                         r"equal(?:led|ed|s)?|equal to|equivalent to|"
                         r"match(?:es|ed)?|покрыва\w*|покрыл\w*)(?!\w)", re.IGNORECASE)  # fmt: skip
_COVER_EXPORT = re.compile(r"\b(?:exports?|sales|shipments|outbound|sells|sold|экспорт\w*|"
                           r"продаж\w*|прода[её]т|продал\w*)(?!\w)", re.IGNORECASE)  # fmt: skip
#: The whole of a share said as what the reporter buys: "an eighth of what it buys there", "of
#: its purchases", «восьмая часть того, что она покупает».
_OF_BOUGHT = re.compile(
    r"\s*(?:of\s+(?:what\s+(?:it|we|they|(?-i:[A-Z])\w+)\s+(?:buys|bought|purchases|purchased|"
    r"imports|imported|spends|spent)|(?:its|our|their|the)\s+(?:imports|purchases|import bill))"
    r"|(?:от\s+)?(?:того|всего)?,?\s*что\s+(?:она|оно|они|мы|\w+)\s+(?:покупа|закупа|ввоз|"
    r"импортиру)\w*|(?:от\s+)?(?:е[её]|их|наш\w*)\s+(?:закуп\w*|покуп\w*|импорт\w*|ввоз\w*))"
    r"(?!\w)", re.IGNORECASE)  # fmt: skip
_COVER_IMPORT = re.compile(r"\b(?:imports?|inbound|purchases|импорт\w*|закуп\w*)(?!\w)",
                           re.IGNORECASE)  # fmt: skip


#: A coverage ratio named by its noun: «покрытие импорта экспортом», «коэффициент покрытия
#: импорта экспортом», "import coverage by exports", "export coverage of imports".
_COVER_NOUN = re.compile(
    r"(?<!\w)(?:покрыти\w*\s+импорт\w*(?:\s+экспорт\w*)?|"
    r"(?:exports?['’]?\s+)?coverage\s+of\s+imports|import\s+coverage)(?!\w)",
    re.IGNORECASE)  # fmt: skip


def _covers(sentence: str, at: int, end: int | None = None) -> bool:
    """Whether the share at ``at`` is a coverage ratio (exports as a share of imports).

    "What Chile sells its neighbour is worth about an eighth of what it buys there": a share
    ending at ``end`` whose whole is what the reporter buys, of a figure said as exports.

    >>> _covers("Покрытие импорта экспортом упало с 20,8% до 12,9%", 36)
    True
    >>> _covers("Import coverage by exports was 12.9% in 2004", 31)
    True
    """
    if end is not None and _OF_BOUGHT.match(sentence, end):
        clause = re.split(r"[;.]\s", sentence[:at])[-1]
        if _COVER_EXPORT.search(clause) and not _COVER_IMPORT.search(clause):
            return True
    nouns = list(_COVER_NOUN.finditer(sentence[:at]))
    if nouns and not re.search(r"[;.]\s", sentence[nouns[-1].end() : at]):
        return True
    verbs = list(_COVER_VERB.finditer(sentence[:at]))
    if not verbs:
        return False
    verb = verbs[-1]
    if ";" in sentence[verb.end() : at]:
        return False  # the verb of another clause
    return bool(_COVER_EXPORT.search(sentence[: verb.start()])
                and _COVER_IMPORT.search(sentence[verb.end() :]))  # fmt: skip


#: Where a clause ends: not at the comma of a year glossed ("in one year, 2019, the steepest").
_CLAUSE = re.compile(r"(?:(?<!year)(?<!год)|(?!,\s*(?:19|20)\d\d\b))[,;](?!\s*(?:than|чем)\b)|"
                     r"\s(?:and|while|but|whereas|и|а|но)\s")  # fmt: skip
_AGAINST = re.compile(r"(?:\bagainst|\bfrom|\bvs\.?|\bversus|\bcompared (?:with|to)|"
                      r"\bпо сравнению с|\bпротив|\bс)\s*$", re.IGNORECASE)  # fmt: skip
#: "against $2.04 billion of imports": a figure of another flow set against, not a base.
_OTHER_FLOW = re.compile(r"\s*(?:(?:of|in|worth of)\s+)?(?:[^\W\d]+\s+)?(?:exports?|imports?|"
                         r"экспорт\w*|импорт\w*|ввоз\w*|вывоз\w*|(?:going|went|flowing) out|"
                         r"(?:coming|came|flowing) in)\b", re.IGNORECASE)  # fmt: skip
#: A base level and its year: "from $190 million in 2020", "против 200 млн долларов в 2019 году".
_BASE_LEVEL = re.compile(
    r"(?:(?:\bagainst|\bfrom|\bvs\.?|\bversus|\bcompared (?:with|to)|\bпо сравнению с|\bпротив|"
    r"\bс)\s+|\(\s*)(?:US\$|\$|USD\s?)?\d[\d.,\s\u00a0]*(?:%\s*)?(?:[^\W\d]+\.?\s*){0,3}?"
    r"(?:\(|,)?\s*(?:in|of|for|в|за)\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)  # fmt: skip
#: Years before the year of the clause, said after a figure: "against 85% a decade before",
#: "$1.4 billion three years earlier", «десятью годами ранее».
#: A partner named right after a figure, set against the one before: "Japan took USD 173.5
#: million, against USD 96.2 million for China" (the same year, China's figure).
_FOR_PARTNER = re.compile(r"\s+for\s+(?:the\s+)?(?=(?-i:[A-Z]))")
_YEARS_EARLIER = re.compile(
    r"\s*(?:(?P<decade>a|one) decade|(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+) "
    r"years) (?:before|earlier|previously)\b|\s*десятью годами (?:ранее|раньше)",
    re.IGNORECASE)  # fmt: skip
#: "the $1.85bn booked a year before": a participle of the figure may stand between.
_YEAR_EARLIER = re.compile(r"\s*(?:of\s+|in\s+|for\s+|(?:booked|recorded|registered|posted|"
                           r"reported|seen|logged)\s+)?(?:годом ранее|a year earlier|"
                           r"the year before|a year before|a year ago|"
                           r"в прошлом году|the previous year|годом раньше)",
                           re.IGNORECASE)  # fmt: skip
#: A clause opening with the year before, no year of its own up to the figure: «Годом ранее
#: голландцы купили на 872 млн», "A year earlier, exports were $1.85bn".
_OPENS_YEAR_EARLIER = re.compile(
    r"(?:^|[.;:]\s+|,\s+(?:а|и|but|and|while)\s+)[\s«\"(]*(?:a year earlier|a year before|"
    r"the year before|a year ago|the previous year|годом ранее|годом раньше|год назад|"
    r"в предыдущем году|в прошлом году)(?!\w)(?:(?!(?:19|20)\d\d)[^.;:])*$",
    re.IGNORECASE)  # fmt: skip
#: A sum of money and the year right after it, set between commas: "purchases, US$919 million in
#: 2002, had risen", «закупки, 919 млн в 2002 г., выросли».
_SUM_THEN_YEAR = re.compile(
    r",\s*(?:US\$|\$|USD\s?)?\d[\d.,\s]*(?:million|billion|bn|mn|m|млн|млрд)\.?"
    r"(?:\s+(?:долл\w*\.?|dollars|USD|US\$))?\s+(?:in|в)\s+(?P<y>(?:19|20)\d\d)(?:\s*г\.)?\s*,"
)
#: The year right after a figure ("$61.7 million in 2002", "$4.5 billion by 2021", «до 4 500 млн
#: в 2021-м»); not one that opens the next clause («до 2,6 млрд долл., в 2020-м — еще на треть»).
#: A year in brackets right after its figure: «−728,2 млн (2002)», "$728 million (2002)".
_BRACKET_YEAR = re.compile(r"\s*\(\s*(?P<y>(?:19|20)\d\d)(?:\s*г(?:\.|од\w*)?)?\s*\)")
#: A year that heads its figure before a dash or colon, in a list: «2002 — 191,1 млн долл.;
#: 2004 — 263,0 млн», "2002: $191.1 million".
_HEAD_YEAR = re.compile(r"(?:^|(?<=[\s:;(]))(?P<y>(?:19|20)\d\d)(?:\s*г(?:\.|од\w*)?)?\s*[—–:]\s*"
                        r"(?:[+−-]\s*)?(?:US\$|\$)?$")  # fmt: skip
#: Words before a year that make it no heading: «по сравнению с 2019 г.: 2,4 млрд».
_NOT_HEADING = frozenset(("с", "со", "в", "во", "к", "по", "до", "от", "за", "на", "из", "против",
                         "чем", "между", "после", "since", "from", "in", "to", "of", "on", "by",
                         "over", "with", "than", "versus", "vs", "against"))  # fmt: skip
_AFTER_YEAR = re.compile(r"\s*(?:\(|,)?\s*"
                         # "above $5bn for the first time in 2019", «впервые в 2019 году».
                         r"(?:(?:for the first time|впервые)\s+)?"
                         r"(?:in|of|for|by|в|за)\s+(?P<y>(?:19|20)\d\d)\b"
                         r"(?!(?:-м)?\s*(?:г\.|год[ау]?)?\s*[—–])", re.I)  # fmt: skip
#: The years a figure's level fell in, said after it: «(470 млн долл.) пришёлся на 2003 и 2012
#: гг.», "($470m) came in 2003 and 2012", "was reached in 2003".
_CAME_IN_YEARS = re.compile(
    r"[\s.,)—–]*(?:[^\W\d]+\s+){0,2}?(?:пришл(?:ся|ась|ось|ись)|пришёлся|приходится|приходился|"
    # «— был зафиксирован в двух годах ряда: 2003 и 2012».
    r"(?:был[аио]?\s+)?(?:зафиксирован|отмечен|достигнут|зарегистрирован)\w*|"
    r"came|fell|was\s+(?:reached|recorded|set|seen)|were\s+(?:reached|recorded))\s+(?:in|на|в)\s+"
    r"(?:(?:[^\W\d]+\s+){1,3}?(?:ряда|лет)?\s*:\s*)?"
    r"(?P<y>(?:19|20)\d\d)(?:(?:\s*(?:и|and|,)\s*)(?P<y2>(?:19|20)\d\d))?",
    re.IGNORECASE)  # fmt: skip
#: Where a clause opens, for a year said as its subject: the sentence's head, after a colon, a
#: semicolon, a comma or a dash, or after "and", "but", "that", "while", "so", "yet", "whereas".
_CLAUSE_OPEN = (
    r"(?:^|(?<=[:;,—–]\s)|(?<=^and\s)|(?<=\sand\s)|(?<=^but\s)|(?<=\sbut\s)|"
    r"(?<=\sthat\s)|(?<=\swhile\s)|(?<=^so\s)|(?<=\sso\s)|(?<=^yet\s)|(?<=\syet\s)|"
    r"(?<=\swhereas\s))"
)
#: A year the figure is of: "in 2012", "за 2012 год", and the year as a subject ("Худшим стал
#: 2012 год", "the decisive year was 2019", «в кризисном 2008-м»; not the end of a span, "по 2016
#: год"; "a 2020 shortfall").
_YEAR = re.compile(r"(?:(?:\bin|\bfor|\bof|\bby|\bв|\bза)\s+|(?<!по\s)(?=(?:19|20)\d\d\s+год\b)|"
                   # «Уже к 2011 году экспорт перевалил за миллиард»: the year a level was reached.
                   r"\bк\s+(?=(?:19|20)\d\d(?:\s*году\b|\s*г\.|-му\b))|"
                   # «Зато 2019 г. принёс рывок на 85,7%»: the year opening its sentence.
                   r"(?:^|(?<=^Зато )|(?<=^Но )|(?<=^А )|(?<=^И ))(?=(?:19|20)\d\d\s*г\.\s+[а-яё])|"
                   r"(?<=year was )|(?<=year is )|"
                   # "and ended 2021 at $4.5bn", "closed the year 2021 at": the year finished.
                   r"(?:(?<=\bended\s)|(?<=\bclosed\s)|(?<=\bfinished\s)|(?<=\bends\s)|"
                   r"(?<=\bcloses\s)|(?<=\bfinishes\s))(?=(?:19|20)\d\d\s+(?:at|on|with)\b)|"
                   # "the acceleration came late: 2019 alone brought an 86% jump", «2019 год
                   # принёс рывок»: a year that opens its clause as the subject of its verb.
                   r"(?:^|(?<=[:;,—–]\s)|(?<=\sа\s)|(?<=\sи\s)|(?<=\sно\s)|(?<=потом\s)|"
                   r"(?<=\sthen\s)|(?<=\sand\s)|(?<=\sbut\s))(?=(?:19|20)\d\d(?:\s+(?:alone|itself|год|г\.)|-й)?\s+"
                   r"(?:brought|saw|delivered|produced|recorded|принёс|принес|дал|принесл\w*)\s)|"
                   # «Ваш год — 2019-й: тогда продажи подскочили»: a year in the nominative
                   # names the year said of, never a base («2019-го», «2019-м»).
                   r"(?=(?:19|20)\d\d-й(?!\w))|"
                   # "argued that 2014 exports were 57% higher than in 2004", "And 2017 was 56%
                   # above 2007": a year opening its clause as the subject, or as the date of
                   # the trade noun that is the subject (not "than 2014 exports": a base).
                   rf"{_CLAUSE_OPEN}(?=(?:19|20)\d\d\s+(?:(?:was|were|is|ended|closed|finished|"
                   r"stood|came in)\b|(?:[a-z]+\s+)?(?:exports?|imports?|sales|purchases|"
                   r"deficit|surplus|shortfall|gap|trade|turnover|shipments)\s+"
                   r"(?:were|was|are|is|had|have|stood|came|rose|grew|fell|reached|hit|ran|"
                   r"topped|exceeded)\b))|"
                   # "Over the decade to 2016, exports advanced 50.6%": the span's last year.
                   r"\b(?:decades?|years|quarters|months)\s+(?:up\s+)?to\s+(?=(?:19|20)\d\d\b)|"
                   # «экспорт 2016 года был в полтора раза выше»: a year in the genitive after
                   # the noun of the trade it dates.
                   r"(?:экспорт|импорт|ввоз|вывоз|оборот|дефицит|профицит|сальдо|показател|"
                   r"поставк|закупк|продаж)[а-яё]{0,3}\s+(?=(?:19|20)\d\d\s*(?:года\b|г\.))|"
                   # «в кризисном 2008-м», «в кризисном 2009 г.», «в кризисном 2009 году».
                   r"\bв\s+[а-яё]+(?:ом|ем)\s+(?=(?:19|20)\d\d(?:-м\b|\s*(?:г\.|году\b)))|"
                   # «в кризисный 2009 г.»: an adjective between «в» and the year.
                   r"\bв\s+[а-яё]+(?:ый|ий|ой)\s+(?=(?:19|20)\d\d\s*(?:г\.|год\w*))|"
                   # "A 2020 shortfall of $190 million": a year before the noun it dates.
                   r"(?<=\ba )(?=(?:19|20)\d\d\s+[a-z])|"
                   # "argued that 2014 exports were 57% higher than in 2004": a year before the
                   # noun of the trade it dates.
                   r"(?<![\w$.,])(?=(?:19|20)\d\d\s+(?:exports|imports|sales|purchases|deficit|"
                   r"surplus|turnover|trade)\s+(?:were|was|stood|came|rose|grew|fell|had|"
                   r"reached|totall?ed)\b)|"
                   # "The 2008 deficit, $430m, was the highest since 2003": the same at the
                   # head of a sentence.
                   r"(?<=^the )(?=(?:19|20)\d\d\s+[a-z])|"
                   # "The report says the 2019 deficit of $270 million was the smallest since
                   # 2011": a year between "the" and the trade noun it dates (not a base: "than
                   # the 2019 deficit").
                   r"(?<!than the )(?<!from the )(?<!over the )(?<!against the )(?<!with the )"
                   r"(?<!to the )(?<!on the )(?<=\bthe )(?=(?:19|20)\d\d\s+(?:deficit|surplus|"
                   r"shortfall|gap|balance|exports|imports|turnover)\b)|"
                   # "The turning point was 2019, when foreign sales soared 85.7%": the year
                   # that opens a "when" clause dates it.
                   r"(?=(?:19|20)\d\d(?:-[йм]|\s*(?:г\.|год\w*))?,\s*(?:when|когда)\b)|"
                   # «в кризисный 2009 г. экспорт упал на 8,3%»: an adjective before the year.
                   r"\bв\s+[а-яё]+(?:ый|ий|ой)\s+(?=(?:19|20)\d\d\s*(?:г\.|год\b))|"
                   # "within a single year (2019)", "in one year, 2019,", «за один год (2019)»:
                   # the year that glosses the words of a year is the figure's.
                   r"\b(?:year|год|года|году)\s*(?:\(\s*|,\s+|—\s*|–\s*)"
                   r"(?=(?:19|20)\d\d(?:-[йм])?\s*(?:\)|,|\.|;|$)))"
                   r"(?P<y>(?:19|20)\d\d)", re.IGNORECASE)  # fmt: skip
#: «экспорт 2016 года», «товарооборот 2021 года»: a year in the genitive after its trade.
_NOUN_YEAR = re.compile(r"(?:экспорт|импорт|ввоз|вывоз|оборот|дефицит|профицит|сальдо|поставк|"
                        r"закупк|продаж)[а-яё]{0,3}\s+"
                        r"(?P<y>(?:19|20)\d\d)\s*(?:года\b|г\.)", re.IGNORECASE)  # fmt: skip
_LAST_YEAR = re.compile(r"last year|the past year|прошл\w+ год\w*|минувш\w+ год\w*", re.I)
#: The last year of the span a text tells ("In its final year the figure stood at $4.5 billion",
#: «в последний год»): the article's year, said for certain, not the year of the sentence before.
_FINAL_YEAR = re.compile(r"\b(?:its|the|that|this|their|our) (?:final|last|closing|latest) year\b|"
                         r"(?<!\w)в (?:последн|заключительн|завершающ|итогов)\w* год\w*",
                         re.IGNORECASE)  # fmt: skip
_MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October|November|"
              "December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|"
              "Nov\\.?|Dec\\.?")  # fmt: skip
_MONTHS_RU = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
#: The date of a text in its head: "Saturday 6 February 2021", "February 6, 2021", "6 февраля 2021".
_DATELINE = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTHS_EN})\s+(?P<y>(?:19|20)\d\d)\b|"
    rf"\b(?:{_MONTHS_EN})\s+\d{{1,2}},\s+(?P<y2>(?:19|20)\d\d)\b|"
    rf"\b\d{{1,2}}\s+(?:{_MONTHS_RU})\s+(?P<y3>(?:19|20)\d\d)\b",
    re.IGNORECASE)  # fmt: skip
_IMPORT = re.compile(r"\bimports?\b|\bimported\b|\bимпорт(?!ер|ир)|\bввоз|\bbought from|"
                     r"\bpurchased from", re.I)  # fmt: skip
_EXPORT = re.compile(r"\bexport|\bэкспорт", re.I)
_UNNAMED = re.compile(
    r"\b(?:the|these|those|all) (?:two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:countries|markets|partners|buyers)|\bthe (?:countries|markets) together|"
    r"\b(?:эти|все) (?:\w+ )?стран\w*|\bвместе взят\w*|"
    # "together with Germany these three took more than half", «эти три»: a pronoun for the
    # partners just named.
    r"\b(?P<these>these|those|эти) (?:two|three|four|five|две|три|четыре|пять)\b"
    r"(?! (?:years|months|quarters|products|goods|items|chapters|headings|лет|года|месяц\w*|"
    r"товар\w*|позици\w*|групп\w*))|"
    # "Exports to five countries exceeded $300 million", «поставки в пять стран»: partners
    # counted, not named.
    r"\bto (?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?:countries|markets)\b|"
    r"\bв (?:две|три|четыре|пять|шесть|семь|восемь|девять|десять|\d{1,2}) стран\w*",
    re.IGNORECASE)  # fmt: skip
#: "Japan overtook China as the top buyer", «Япония опередила Китай»: the first partner ranks.
_OVERTOOK = re.compile(
    # "Korea actually overtook France", «Корея уже опередила Францию»: an adverb may come between.
    r"\s*(?:has |had )?(?:[a-z]+ly |even |finally |now |уже |даже |наконец )?"
    r"(?:overt[ao]\w*|surpass\w*|displac\w*|replac\w*|outstripp\w*|"
    r"опередил\w*|обогнал\w*|обош[её]л\w*|обошла|потеснил\w*|сменил\w*|вытеснил\w*)\s*",
    re.IGNORECASE)  # fmt: skip
#: "HEAD, INSERTED WORDS, rest": a sentence whose subject has words set in commas after it.
_APPOSITION = re.compile(r"^([^,;]{3,80}),([^,;]{3,80}),\s*")
_SUCH = re.compile(r"\b(?:such|these|those|the same) (?:products|goods|items|supplies)|"
                   r"\b(?:таки\w+|эт\w+|данн\w+) (?:товар\w*|продукци\w*)", re.I)  # fmt: skip


def period(
    text: str, kind: str, c: Context, since: int | None = None, at: tuple[int, int] | None = None
) -> Period:
    """The period of a claim in a sentence ``text`` of an article about ``c.year``.

    Examples
    --------
    >>> period("In 2020, exports grew 63% compared with 2018", "growth", Context("RUS", 2020))
    Period(year=2020, compare=2018, months=None)
    >>> period("for the first eight months of last year", "growth", Context("RUS", 2020, 2019))
    Period(year=2020, compare=2019, months=(1, 8))
    """
    return dated(text, kind, c, since, at)[0]


#: A multiple dated to one year ("in 2021", "last year", "year on year", «за год»): against the
#: year before by convention. Without such words a multiple is as often of several years.
#: A change up to a year ("by 2008", «к 2008-му», «к 2008 году»), from a start not said.
_BY_YEAR = re.compile(r"(?<!\w)(?:[Кк]|[Bb]y)\s+(?:19|20)\d\d(?:-?м[уи]?|\s*год[уа]?|\s*г\.)?(?!\w)"
                      r"(?!\s*(?:год\w*\s+)?(?:по|до|–|—|-)\s*(?:19|20)\d\d)")  # fmt: skip
_ONE_YEAR = re.compile(
    r"\b(?:in|during|for) (?:19|20)\d\d\b|\b(?:last|this|the past|the previous) year\b|"
    r"year[- ]on[- ]year|\by/y\b|a year (?:earlier|before|ago)|the year before|annual|"
    r"(?<!\w)(?:в|за) (?:19|20)\d\d(?:\s*г\w*|-м)?|прошл\w+ год\w*|минувш\w+ год\w*|"
    r"(?<!\w)за (?:этот |прошлый )?год(?!\w)|годом (?:ранее|раньше)|к прошлому году|"
    r"в годовом выражении|(?:19|20)\d\d(?:\s+год\w*|-м)",
    re.IGNORECASE)  # fmt: skip
#: An average yearly rate ("47.6% a year", «в среднем на 12% в год», "annual average"): of a
#: span of years its words do not give.
_PER_YEAR = re.compile(
    r"\b(?:a|per) year\b(?!\s+(?:earlier|before|ago|later|on|after|previously)\b)|"
    r"\bannually\b|\bon average\b|\baverage(?:d)?\b|(?<!\w)в год(?!\w)|"
    r"ежегодно|в среднем|среднегодов\w*",
    re.IGNORECASE)  # fmt: skip


def dated(  # noqa: PLR0912, PLR0915 - one branch per way a text dates a figure
    text: str, kind: str, c: Context, since: int | None = None, at: tuple[int, int] | None = None
) -> tuple[Period, str]:
    """The period of a claim (as :func:`period`) and how its base was filled (:data:`HOW`).

    The base of a growth rate, a change or a multiple is ``read`` when its clause names it
    (a year, a span), ``carried`` when it is the article's base or the year before by the
    convention that a rate dated to one year is on the year before; ``default`` when a
    multiple dated to no year is read against the year before (multiples are as often of
    several years: the years the text names are other readings of its base).

    Examples
    --------
    >>> dated("Exports grew 3.2 times.", "multiple", Context("PRT", 2021))
    (Period(year=2021, compare=2020, months=None), 'default')
    >>> dated("Exports doubled last year.", "multiple", Context("PRT", 2021))[1]
    'carried'
    """
    local, offset = text, 0
    if at is not None:
        # The claim's own clause first: "up 30% on 2020 and three times 2018's $1.4 billion";
        # the years of the other clauses are then not this claim's.
        clause = _CLAUSE.split(text[at[0] :])[0]
        if _COMPARE.search(clause):
            local, offset = clause, at[0]
            text = text[: at[0]] + clause
    # «дефицит стал наибольшим с 2003 года», "the lowest since 2001": the year of a record, not
    # the base of a change said in the same sentence.
    bases = [m for m in _COMPARE.finditer(local)
             if not _RECORDS_SINCE.search(local[max(0, m.start() - 40) : m.start()])]  # fmt: skip
    base = bases[0] if bases else None
    if base is not None and at is not None and local is text:
        # A base named in a later clause ("..., что в 3,2 раза больше, чем в 2018 году") is that
        # clause's, not this claim's.
        cut = _CLAUSE.search(text[at[1] :])
        if cut is not None and base.start() > at[1] + cut.start():
            base = None
    if base is not None and at is not None and local is text:
        # "30% above 2020, and over three times the 2018 figure": a base of a clause before is
        # not this claim's when its own clause names a year.
        starts = [m.end() for m in _CLAUSE.finditer(text, 0, at[0])]
        if (starts and base.end() <= starts[-1]
                and re.search(r"\b(?:19|20)\d\d\b", _CLAUSE.split(text[at[0] :])[0])):  # fmt: skip
            base = None
    base_year = None if base is None else int(base["y"] or base["y2"])
    base_at = None if base is None else offset + base.start("y" if base["y"] else "y2")
    year = c.year
    mine = text
    if at is not None:
        # Years of this claim's clause and before it; a later clause dates its own figures.
        after = _CLAUSE.search(text, at[1])
        mine = text if after is None else text[: after.start()]
    # "narrowed to $86 million from $190 million in 2020": 2020 is the base level's year.
    # "against $3,461.5 million in 2020 (+30.0%)": a base level right before a rate in brackets.
    levels = [
        m
        for m in _BASE_LEVEL.finditer(text)
        if at is None
        or m.start() >= at[1]
        or (m.end() <= at[0] and re.fullmatch(r"\s*\(?[+−-]?\s*", text[m.end() : at[0]]))
    ]
    if base_year is None and levels and kind in ("growth", "multiple", "change"):
        base_year, base_at = int(levels[0]["y"]), levels[0].start("y")
    theirs = {m.start("y") for m in levels}
    if at is not None:
        aside = _aside(text, at[0])
        theirs |= {m.start("y") for m in _YEAR.finditer(text, aside[0], aside[1])}
        # «Природный газ (в 2002 г. его не было вовсе) потянул на 613 млн»: a remark in brackets
        # dates itself, not the figure.
        theirs |= {m.start("y") for a, b in _remarks(text[: at[0]])
                   for m in _YEAR.finditer(text, a, b)}  # fmt: skip
        # «263,0 млн долл. (+37,6% к 2002 г.), импорт — 2035,4 млн»: a bracket closed before the
        # figure with a figure of its own dates that figure.
        theirs |= {m.start("y") for r in re.finditer(r"\(([^()]*)\)", text[: at[0]])
                   if re.search(r"\d", _YEARS_OUT.sub("", r[1]))
                   for m in _YEAR.finditer(text, r.start(1), r.end(1))}  # fmt: skip
        # "Gas came to $613m, a line that was empty in 2002, and fuels made up 45%": a relative
        # clause closed before the figure dates itself, not the figure.
        closed = [r for r in _RELATIVE.finditer(text, 0, at[0]) if r.end() < at[0]]
        theirs |= {y.start("y") for r in closed for y in _YEAR.finditer(text, r.start(), r.end())}
    # «за 2002–2004 годы»: the first year of a span is no year of a level said after it.
    theirs |= {m.start("a") for m in _FROM_TO.finditer(mine)}
    if at is not None and kind == "amount":
        # "purchases, US$919 million in 2002, had risen ..., while sales climbed 38 percent, to
        # US$263 million": a year right after another sum of money, set off by commas, dates
        # that sum.
        theirs |= {m.start("y") for m in _SUM_THEN_YEAR.finditer(text, 0, at[0])}
    named = [int(m["y"]) for m in _YEAR.finditer(mine)
             if (base_at is None or m.start("y") != base_at) and m.start("y") not in theirs
             and not (kind in ("growth", "multiple", "change") and at is not None
                      and m.start() >= at[1] and m.group().lower().startswith("of"))]  # fmt: skip
    if named and at is not None and kind in ("growth", "multiple", "change"):
        # «В 2021 году ...: экспорт 2016 года был в полтора раза выше, чем в 2006-м»: the year
        # the trade's own noun takes in the figure's clause.
        cuts = [m.end() for m in _CLAUSE.finditer(text, 0, at[0])]
        noun = _NOUN_YEAR.search(text, cuts[-1] if cuts else 0, at[0])
        if noun is not None and int(noun["y"]) != base_year:
            named = [int(noun["y"])]
    span_end = _FROM_TO.search(mine if at is None else mine[: at[0]])
    if not named and span_end is not None and kind in ("amount", "share", "count", "rank"):
        # "Between 2018 and 2019 exports leapt by 86% and hit $2.6 billion": a level said after
        # a span of years is of its last year.
        year = int(span_end["b"])
    if named:
        # "from $163.9 million in 2002 to $917.2 million in 2004, while imports fell 5%": the
        # claim is of the later year unless a year follows its own figure.
        year = named[0] if kind in ("amount", "share", "count") else max(named)
        if at is not None and kind in ("amount", "share", "count"):
            # "in 2019, when exports jumped 86% to $2.6 billion, followed by a rise of a third
            # in 2020 to $3.46 billion": the year of the figure's own clause.
            cuts = [m.end() for m in _CLAUSE.finditer(text, 0, at[0])]
            own = [int(m["y"]) for m in _YEAR.finditer(text, cuts[-1] if cuts else 0, at[0])
                   if m.start("y") not in theirs and m.start("y") != base_at]  # fmt: skip
            # «В 2019 году экспорт вырос на 85,7%, до 2,6 млрд долл., в 2020-м — еще на треть,
            # до 3,46 млрд долл.»: else the year named nearest before it.
            prior = [int(m["y"]) for m in _YEAR.finditer(text, 0, at[0])
                     if m.start("y") not in theirs and m.start("y") != base_at]  # fmt: skip
            year = own[-1] if own else prior[-1] if prior else year
    if at is not None and kind in ("amount", "share", "count", "rank"):
        # "$61.7 million in 2002 to $119 million in 2004": the year right after the figure.
        after = _AFTER_YEAR.match(text, at[1])
        if after is not None and "(" in text[at[1] : after.start("y")]:
            close = text.find(")", after.end())
            if re.search(r"\d", text[after.end() : close if close >= 0 else len(text)]):
                # «2035,4 млн долл. (в 2002-м было 919,3 млн)»: a remark with a figure of its
                # own dates that figure, not the one before it.
                after = None
        # "2018's $1.4 billion", "the 2020 level of USD 3,461.5 million".
        owner = re.search(r"\b((?:19|20)\d\d)(?:['’]s|\s+(?:level|figure|value|total|tally|amount)"
                          r"\s+of)\s*$", text[: at[0]])  # fmt: skip
        # "The 2016 deficit, $150 million", "The 2021 export total is $4,500.0 million": a year
        # set before the noun of the figure it dates.
        owner = owner or re.search(
            r"(?:\b[Tt]he ((?:19|20)\d\d)|\b((?:19|20)\d\d)['’]s) (?:[a-z-]+ )?(?:deficit|surplus|"
            r"balance|gap|shortfall|exports?|imports?|sales|purchases|turnover|total|figure|level)"
            r"\s*(?:,|:|is|was|stood at|came to|of)?\s*$", text[: at[0]])  # fmt: skip
        # «Дефицит 2020 года, 190 млн», «экспорт 2019 г. — 2,6 млрд», "(2002: 728 million)",
        # "2004 — $917 million": a year said right before the figure it dates.
        owner = owner or re.search(
            r"(?:(?<!\w)(?:дефицит|профицит|сальдо|экспорт|импорт|ввоз|вывоз|товарооборот|оборот)"
            r"\w*\s+((?:19|20)\d\d)(?:-го)?\s*(?:г\.|года)?\s*(?:,|:|—|–|-)\s*"
            r"|(?:^|[(;:,]\s*)((?:19|20)\d\d)(?:\s*г\.)?\s*(?::|—|–)\s*"
            # «превысив показатель 2019 года (1849,1 млн долларов)»: the level in brackets.
            r"|(?:показател|уровн|уровен|итог)\w*\s+((?:19|20)\d\d)(?:\s*г\.|\s+года)?\s*\(\s*"
            # «увеличился на 30,0% против 2019 года (1 849 110,0 тыс. долларов)», "up 30% on
            # 2019 ($1.85bn)": the base year's level in brackets.
            r"|(?:(?<!\w)против|по\s+сравнению\s+с|\bagainst|\bon|\bover|\bfrom|\bvs\.?)\s+"
            r"((?:19|20)\d\d)(?:\s*г\.|\s+годом|\s+года|-м)?\s*\(\s*)$",
            text[: at[0]], re.IGNORECASE)  # fmt: skip
        bracket = _BRACKET_YEAR.match(text, at[1])
        head = _HEAD_YEAR.search(text, 0, at[0])
        word = None if head is None else re.search(r"(\w+)\W*$", text[: head.start("y")])
        if word is not None and word[1].lower() in _NOT_HEADING:
            head = None
        came = _CAME_IN_YEARS.match(text, at[1])
        if after is not None:
            year = int(after["y"])
        elif came is not None and not came["y2"]:
            # "(its peak, $470m) came in 2003": the year said after it.
            year = int(came["y"])
        elif bracket is not None:
            year = int(bracket["y"])
        elif head is not None:
            year = int(head["y"])
        elif _YEAR_EARLIER.match(text, at[1]) or _OPENS_YEAR_EARLIER.search(text[: at[0]]):
            # "$1.85bn a year earlier"; «Годом ранее голландцы купили на 872 млн», "A year
            # earlier the Dutch bought $872m": the year before the one the text goes on with.
            year = year - 1
        elif (back := _YEARS_EARLIER.match(text, at[1])) is not None:
            n = back["n"]
            year = year - (int(n) if n and n.isdigit() else _COUNTS[n.lower()] if n else 10)
        elif (
            kind == "count"
            and re.search(r"(?:(?<!\w)с|\bfrom)\s+$", text[: at[0]])
            and (re.match(r"\s+(?:до|to)\s+\w", text[at[1] :]))
        ):
            # «число стран выросло с 21 до 22»: the count the change started from, of the base.
            year = base_year or (c.compare if year == c.year and c.compare else year - 1)
        elif owner is not None:
            # "2018's $1.4 billion"
            year = int(next(y for y in owner.groups() if y))
        elif (_AGAINST.search(text[: at[0]]) and kind in ("amount", "share")
              and not _OTHER_FLOW.match(text, at[1]) and not frames.other_way(text, at[1])
              and not _means_with(text, at) and not _FOR_PARTNER.match(text, at[1])):  # fmt: skip
            # "to $2.4 billion from $1.85 billion" (against 2019), "up from $3.46 billion": the
            # base's level, of the base year the text names, else of the year before.
            span = _SPAN_YEARS.search(text, 0, at[0])
            if base_year is None and span is not None:
                # "Over the last ten years imports went from $1.24bn to $4.59bn": the level of
                # the span's first year.
                year = year - _span_length(span)
            else:
                year = base_year or (c.compare if year == c.year and c.compare else year - 1)
    compare: int | None = None
    based = "read"
    if kind in ("growth", "multiple", "change", "rank"):
        span = _SPAN_YEARS.search(text)
        if span is not None and at is not None:
            # "over seven times the 2001 figure, and more than quadrupled over the last decade":
            # a span said after the claim's clause is that clause's.
            turn = _CLAUSE.search(text, at[1])
            span = span if turn is None or span.start() < turn.start() else None
        if base_year is not None:
            compare = base_year
        elif span is not None:
            compare = year - _span_length(span)
            start = _level_year(text, at, c.year - _span_length(span))
            if start is not None and year != c.year:
                # "Shipments stood at $1.4 billion in 2018, so they have more than tripled in
                # three years": the year of a level said before is the span's first when the
                # span ends in the article's year.
                year, compare = c.year, start
        elif at is not None:
            # "three times the $1.4 billion of 2018": an earlier year named after the figure.
            clause = _CLAUSE.split(text[at[1] :])[0]
            earlier = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", clause)]
            earlier = [y for y in earlier if y < year]
            compare = earlier[0] if earlier else None
        if compare is None:
            compare = c.compare if year == c.year and c.compare else None
            based = "carried"
        if compare is None or compare >= year:
            compare = year - 1
            based = "carried" if kind != "multiple" or _ONE_YEAR.search(text) else "default"
            if _BY_YEAR.search(text if at is None else text[: at[0]]):
                # «К 2008-му её продажи подросли на 55%», "by 2008 sales had doubled": a change
                # up to that year from a start the text told before, not certainly the year
                # before (the years its claims are of are the other readings).
                based = "default"
        span_of = _FROM_TO.search(text if at is None else text[: at[1] + 80])
        if span_of is not None and kind != "rank":
            # "С 2012 по 2018 год экспорт прибавил менее трети", "between 2012 and 2018": the
            # change over the years the sentence spans.
            year, compare = int(span_of["b"]), int(span_of["a"])
            based = "read"
    return Period(year, compare, _clause_months(text, at)), based


#: Multiples of another subject in the same period: as said, and an order that turned
#: ("overtook"; "for the first time").
_VERSUS_METRICS = ("versus", "versus_growth", "overtook", "overtook_first")


def _aside(text: str, start: int) -> tuple[int, int]:
    """The words set between commas after a sentence's head, when a figure at ``start`` follows.

    "Heading 7326, Chile's second-largest export heading in 2002, collapsed by 98 percent to
    USD 0.3 million": the year of the inserted words dates them, not the figure after them.
    ``(0, 0)`` when there are none, or they hold a figure of their own.

    >>> _aside("Heading 7326, the second-largest in 2002, fell to $0.3 million.", 48)
    (13, 40)
    """
    head = _APPOSITION.match(text)
    if head is None or start < head.end() or re.search(r"\d", _YEARS_OUT.sub("", head[2])):
        return 0, 0
    if re.match(r"\s*(?:and|but|while|whereas|и|а|но)\s", head[2], re.IGNORECASE):
        # «В 2011-м выручка перевалила за миллиард, а в 2019-м случился скачок, почти на 86%,
        # и ...»: a clause of its own, not words inserted; its year dates what follows.
        return 0, 0
    if re.match(r"\s*(?:что|that)(?!\w)", head[2], re.IGNORECASE):
        # «Интересно, что в 2019 г. и экспорт, и импорт подскочили: вывоз на 86%»: the head
        # introduces what is said, whose year dates the figures.
        return 0, 0
    if re.match(r"\s*(?:а|и|но|and|but|while|whereas)\s", head[2], re.IGNORECASE):
        # «В 2011-м выручка перевалила за миллиард, а в 2019-м случился скачок, и вместе ...»: a
        # clause of its own (opened by a conjunction), whose year dates what follows.
        return 0, 0
    if _ONLY_A_YEAR.fullmatch(head[2]):
        # "Exports fell only once, in 2009, by 8%": a year alone between commas dates what
        # follows.
        return 0, 0
    return head.start(2), head.end(2)


def _remarks(text: str) -> list[tuple[int, int]]:
    """Where ``text`` makes remarks of their own in brackets that name a year.

    A remark says more than a date: "(в 2002 г. его не было вовсе)", "(none was sold in 2002)";
    not "(in 2019)" nor "(2019: $5m)", which date or give a figure.

    >>> _remarks("Gas (there was none in 2002 at all) came to $613m; oil (in 2019) to $5m.")
    [(5, 34)]
    """
    out = []
    for m in re.finditer(r"\(([^()]*)\)", text):
        inner = _YEARS_OUT.sub("", m[1])
        if inner == m[1] or re.search(r"\d", inner):
            continue
        words = re.findall(r"[^\W\d]+", inner)
        said = [w for w in words if w.lower() not in ("in", "during", "в", "за", "г", "году", "м")]
        if len(said) >= 3:
            out.append((m.start(1), m.end(1)))
    return out


_ONLY_A_YEAR = re.compile(r"\s*(?:in|during|в|за)\s+(?:19|20)\d\d(?:-м)?(?:\s*(?:г\.|году))?\s*",
                          re.IGNORECASE)  # fmt: skip


_YEARS_OUT = re.compile(r"\b(?:19|20)\d\d\b")


def per_year(text: str, at: tuple[int, int]) -> bool:
    """Whether the rate at ``at`` is an average a year ("47.6% a year", «в среднем ... в год»).

    >>> per_year("В среднем экспорт прибавлял около 47,6% в год.", (32, 37))
    True
    >>> per_year("Exports grew 30% in 2021, a year of records.", (13, 16))
    False
    >>> per_year("Korea bought 60% more than a year earlier.", (13, 16))
    False
    >>> per_year("Both grew 60% apiece: Singapore now buys $24m a year.", (10, 13))
    False
    """
    before = _CLAUSE.split(text[: at[0]])[-1].split(":")[-1]
    after = _CLAUSE.split(text[at[1] :])[0].split(":")[0]
    return _PER_YEAR.search(before + text[at[0] : at[1]] + after) is not None


#: «с X до Y», «выросла с X»: «с» of a base level; else «с» is "with" («у Японии с 511,7 млн»).
_FROM_TO_LEVEL = re.compile(r"[^,;.]{0,40}?(?<!\w)до(?!\w)", re.IGNORECASE)
_MOVED_FROM = re.compile(r"(?:рос|величил|кратил|низил|упал|подня|пусти|меньшил|бавил|прыгн|"
                         r"подскоч|сжал|расширил)\w*\s+(?:\S+\s+){0,3}с\s*$",
                         re.IGNORECASE)  # fmt: skip


def _means_with(text: str, at: tuple[int, int]) -> bool:
    """Whether the «с» right before the figure at ``at`` means "with", not "from".

    >>> _means_with("Второе место у Японии с 511,7 млн.", (24, 33))
    True
    >>> _means_with("Экспорт вырос с 1,8 до 2,4 млрд.", (16, 19))
    False
    """
    word = re.search(r"(?<!\w)с\s*$", text[: at[0]], re.IGNORECASE)
    if word is None:
        return False
    clause = _CLAUSE.split(text[: at[0]])[-1]
    return not (_FROM_TO_LEVEL.match(text, at[1]) or _MOVED_FROM.search(clause))


#: A clause that states a level: a sum of money in it.
#: A clause stating a level: "sales were $1.4 billion in 2018", «в 2018-м было всего 1,4 млрд»
#: (a comma between digits is a decimal comma, not a clause's end).
_NOT_CUT = r"(?:[^,;:]|,(?=\d))*"
_LEVEL_CLAUSE = re.compile(
    rf"{_NOT_CUT}(?:\$|\bUSD\b)\s?\d{_NOT_CUT}|{_NOT_CUT}\d\s*(?:bn|billion|million|mn|m|млрд|"
    rf"млн|миллиард\w*|миллион\w*)(?!\w){_NOT_CUT}",
    re.IGNORECASE,
)
#: Where a clause ends: a comma, semicolon or colon that is no decimal comma.
_CUT = re.compile(r"[;:]|,(?!\d)")


def _level_year(text: str, at: tuple[int, int] | None, year: int) -> int | None:
    """``year`` when a clause before the claim's states a level of that year, else None.

    >>> _level_year("Sales were $1.4 billion in 2018, so they tripled in three years.", (37, 44),
    ...             2018)
    2018
    >>> _level_year("In 2018, sales tripled in three years.", (15, 22), 2018) is None
    True
    """
    if at is None:
        return None
    for m in re.finditer(rf"\b{year}\b", text[: at[0]]):
        cuts = [c.start() for c in _CUT.finditer(text, 0, m.start())]
        lo = cuts[-1] + 1 if cuts else 0
        end = _CUT.search(text, m.end(), at[0])
        hi = -1 if end is None else end.start()
        if hi >= 0 and _LEVEL_CLAUSE.fullmatch(text, lo, hi):
            return year
    return None


def _span_length(span: re.Match[str]) -> int:
    """The years a span of :data:`_SPAN_YEARS` covers ("two decades" is 20)."""
    n = span["n"] or span["n2"] or span["n3"] or span["n4"] or span["n5"]
    if n is not None:
        return int(n) if n.isdigit() else _COUNTS[n.lower()]
    decades = (span["d"] or span["d2"] or "one").lower()
    return 10 * (1 if decades == "one" else _COUNTS[decades])


#: A span of years: "с 2012 по 2018 год", "from 2012 to 2018", "between 2012 and 2018".
_FROM_TO = re.compile(r"(?:\bс|\bfrom|\bbetween|\bмежду|"
                      # «за 2002–2004 годы», "over 2002-2004": a span set by a dash.
                      r"(?:\bза|\bв|\bin|\bover|\bduring)(?=\s+(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d))"
                      r"\s+(?P<a>(?:19|20)\d\d)\s*(?:год\w*\s+)?"
                      r"(?:\bпо|\bto|\band|\bи|\bthrough|\buntil|[-–—])\s*(?P<b>(?:19|20)\d\d)\b",
                      re.IGNORECASE)  # fmt: skip


#: One month named in a claim's clause: "in December", "в декабре", "за март" (not a date).
_ONE_MONTH = re.compile(rf"(?:\bin|\bduring|\bв|\bза)\s+({_MONTH_NAME})(?!\s*\d{{1,2}}\b)",
                        re.IGNORECASE)  # fmt: skip


#: One month opening a claim's clause as its subject: "December brought $217.2 million",
#: «Декабрь — 217,2 млн», "November alone added $217m".
_MONTH_FIRST = re.compile(
    # "January's exports", "December alone rang up $217m": the month, whatever the verb.
    rf"^[\s,;(]*(?:and\s+|but\s+|while\s+|а\s+|и\s+)?({_MONTH_NAME})(?=\s*[—–:-]|['’]s\s|"
    r"\s+alone\b|\s+(?:itself\s+)?(?:brought|saw|added|accounted|delivered|gave|contributed|was|came|"
    r"дал|дала|принес|принёс|добавил|составил|обеспечил)\b)",
    re.IGNORECASE)  # fmt: skip
#: A change's base said as a month of a year after the figure: "above December 2019", «выше
#: декабря 2019-го», «к декабрю 2019 года».
_MONTH_BASE = re.compile(
    rf"(?:\babove|\bbelow|\bover|\bon|\bagainst|\bversus|\bthan(?:\s+in)?|\bвыше|\bниже|"
    rf"\bбольше|\bменьше|\bпротив|\bк|\bчем(?:\s+в)?|по сравнению с)\s+(?:the\s+)?"
    rf"({_MONTH_NAME})\s+(?:(?:of\s+)?(?:19|20)\d\d(?!\d)|"
    # "27.7% up on the January before", "above the December a year earlier", «чем в ноябре
    # прошлого года»: the same month of the year before.
    r"(?:before|a\s+year\s+(?:before|earlier)|of\s+(?:the\s+)?(?:previous|prior|last)\s+year|"
    r"(?:прошлого|предыдущего)\s+года)\b)",
    re.IGNORECASE,
)
#: A clause that is only a month, opening the sentence: «В декабре, например, получилось 217 млн»,
#: "In December, for instance, exports were $217m".
_LONE_MONTH = re.compile(rf"\s*(?:in|during|в|за)\s+({_MONTH_NAME})[\s,]*", re.IGNORECASE)
#: An aside between commas: «например», "for instance".
_ASIDE = re.compile(r"\s*(?:например|к примеру|скажем|в частности|for (?:example|instance)|say)"
                    r"\s*,\s*", re.IGNORECASE)  # fmt: skip
#: A year named in a clause: "in 2019", «в 2019 г.».
_OWN_YEAR = re.compile(r"(?:\bin|\bв|\bза)\s+(?:19|20)\d\d\b", re.IGNORECASE)
#: A month that heads its clause before a dash: «а декабрь — 217,3 млн», "December: $217 million".
_HEAD_MONTH = re.compile(rf"\s*(?:(?:а|и|но|and|but)\s+)?({_MONTH_NAME})\s*[—–:]", re.IGNORECASE)


#: A count of months that says not which ("in four months", «за четыре месяца»).
_N_MONTHS = re.compile(
    rf"(?<!first )(?<!last )(?<!первые )(?<!последние )\b({_COUNT})\s+(?:months|месяц\w*)",
    re.IGNORECASE,
)


def _named_months(text: str, at: int, clause: str) -> tuple[int, int] | None:
    """The months named before ``at`` when ``clause`` counts as many months and names none.

    >>> t = "September to December: 869 million in four months"
    >>> _named_months(t, 23, t[23:]), _named_months(t, 0, t)
    ((9, 12), None)
    """
    said = _N_MONTHS.search(clause)
    span = _months(text[:at]) if said is not None else None
    if said is None or span is None:
        return None
    n = said[1].lower()
    # "September to December, fuller stockings: 869 million in four months": the months named
    # before, not the first four of the year.
    return span if span[1] - span[0] + 1 == (int(n) if n.isdigit() else _COUNTS.get(n, 0)) else None


def _clause_months(text: str, at: tuple[int, int] | None) -> tuple[int, int] | None:  # noqa: PLR0911, PLR0912
    """The months of the claim's own clause when it names some, else of the sentence.

    "From July to December exports were 32% above 2019, against 27.7% in January-June": each
    rate has the months of its clause.
    """
    if at is not None:
        starts = [m.end() for m in _CLAUSE.finditer(text[: at[0]])]
        end = _CLAUSE.search(text, at[1])
        own = text[(starts[-1] if starts else 0) : (end.start() if end else len(text))]
        for m in _MONTH_LIST.finditer(text, 0, at[0]):
            # "November and December brought in $434.5 million": months named one by one, the
            # last in the claim's clause ("and" parts clauses elsewhere).
            if starts and m.start() < starts[-1] < m.end() and listed_months(m[0]) is not None:
                return listed_months(m[0])
        named = _named_months(text, starts[-1] if starts else 0, own)
        if named is not None:
            return named
        if _months(own) is not None:
            return months(own)
        based = _MONTH_BASE.search(own)
        if based is not None:
            # "34% above December 2019", «на 34% выше декабря 2019-го», «к декабрю 2019-го
            # прибавка 34%»: a change on the same month of another year is of that month.
            return _month(based[1]), _month(based[1])
        one = _ONE_MONTH.search(own) or _MONTH_FIRST.match(own) or _HEAD_MONTH.match(own)
        if one is not None:
            # "а в декабре предприятия отгрузили продукции на 217,2 млн": that month alone (of
            # the claim's own clause only: a month elsewhere may date the statement).
            return _month(one[1]), _month(one[1])
        lead = _MONTH_FIRST.match(text)
        if (lead is not None and len(starts) == 1 and re.fullmatch(r",?\s*(?:to|до)\s+", text[
                starts[0] : at[0]]) and _months(text[: at[0]]) is None):  # fmt: skip
            # "September's sum rose a notch, to $217.3m": the level the month's verb reached.
            return _month(lead[1]), _month(lead[1])
        if starts and not re.search(r"[^\W\d]", text[starts[-1] : at[0]]):
            # «в декабре экспорт достиг 217 млн долл., на 34% выше уровня 2019 г.»: a figure
            # that opens its clause with no words of its own is of the month of the clause
            # before.
            near = text[starts[-2] if starts[1:] else 0 : starts[-1]]
            lone = _ONE_MONTH.search(near)
            if lone is not None and _months(near) is None:
                return _month(lone[1]), _month(lone[1])
        if starts and _AGAINST.search(text[: at[0]]):
            # "December alone rang up $217.25m, up from $161.80m a year before": a level set
            # against is of the month of the clause before.
            before = text[starts[-2] if starts[1:] else 0 : starts[-1]]
            # "Moscow's exports: October alone rang up ...": the month after a colon too.
            month = (_MONTH_FIRST.match(before) or _MONTH_FIRST.match(before.split(":")[-1])
                     or _ONE_MONTH.search(before))  # fmt: skip
            if month is not None and _months(before) is None:
                return _month(month[1]), _month(month[1])
        # "В третьем квартале рост ускорился до 35%, а за девять месяцев экспорт достиг 1 752,1
        # млн долл., прибавив 28,5%": the months of the nearest clause before it that names some.
        for a in reversed(starts):
            cut = _CLAUSE.search(text, a)
            clause = text[a : cut.start() if cut is not None else len(text)]
            if a < at[0] and _months(clause) is not None:
                return _named_months(text, a, clause) or months(clause)
            head = _HEAD_MONTH.match(clause)
            if a < at[0] and head is not None:
                # «а декабрь — 217,3 млн, на 34% больше, чем годом раньше»: the month that heads
                # the clause before.
                return _month(head[1]), _month(head[1])
        first = text[: starts[0]] if starts else ""
        if _months(first) is not None:
            return months(first)
        alone = _LONE_MONTH.fullmatch(first)
        if alone is not None and _ASIDE.fullmatch(
            text[starts[0] : starts[1]] if starts[1:] else ""
        ):
            # «В декабре, например, получилось 217 млн»: the month of the sentence's opening
            # clause, set off by an aside, dates what follows it (not "In December, officials
            # said ...": the date of the saying).
            return _month(alone[1]), _month(alone[1])
        if _OWN_YEAR.search(own) and _months(text[: at[0]]) is None:
            # «экспорт составил 1849,1 млн долл. в 2019 г. ..., а в III квартале увеличился на
            # 30%»: a figure whose clause names its year is that year's, not of the months a
            # later clause names.
            return None
    return months(text)


def resolve(  # noqa: PLR0912, PLR0915 - one step per part of the frame
    found: Sequence[Found], lexicon: Lexicon, c: Context, text: str | None = None
) -> list[Claim]:
    """Claims with subject, whole and period filled in, in the order of ``found``.

    ``text`` (the whole text) lets "such products" find products named in a sentence that
    holds no claim.
    """
    own = _own(c.reporter)
    out: list[Claim] = []
    named = _named_products(lexicon, text)
    # The partner a letter is written to, if it is one: "you" in its sentences.
    addressee = _addressee(lexicon, text or "", own)
    # Words inside a claim ("U.S. dollars") name no partner.
    taken: dict[int, list[tuple[int, int]]] = {}
    for f in found:
        a, b = f.claim.start - f.sentence.start, f.claim.end - f.sentence.start
        taken.setdefault(f.sentence.start, []).append((a, b))
    unread: Found | None = None
    for f in found:
        if unread is not None and unread.sentence == f.sentence and f.claim.understood:
            # A figure before it that was not understood ("с 86,1 ...") leaves its words (the
            # partner it names) to this claim.
            f = dataclasses.replace(f, segment=(unread.segment[0], f.segment[1]))  # noqa: PLW2901
        unread = f if not f.claim.understood else None
        s = f.sentence
        if f.claim.metric == "against":
            out.append(_against(f, out, c))
            continue
        if f.claim.metric in ("net_gain", "net_loss"):
            out.append(_net_change(f, out))
            continue
        spans = taken.get(s.start, [])
        partners = [m for m in lexicon.find_partners(s.text) if m.value not in own
                    and not any(a <= m.start < b for a, b in spans)]  # fmt: skip
        products = _narrowing(lexicon, s.text)
        previous = _previous(out, f)
        here = s.start + f.segment[0]
        last = [v for pos, par, v in named if par == s.paragraph and pos < here]
        # Goods named after the claim before (in a sentence with no figure of its own).
        fresh = [v for pos, par, v in named if par == s.paragraph and pos < here
                 and (previous is None or pos >= previous.end)]  # fmt: skip
        mine = [m for m in lexicon.find_partners(s.text) if m.value in own]
        # «В отчёте указано: «сальдо торговли с Японией положительное». Фактически дефицит —
        # 141 млн»: a partner the sentence before names, with no figure of its own.
        aside = tuple(dict.fromkeys(
            m.value for m in lexicon.find_partners(s.before)
            if m.kind == "country" and m.value != c.reporter
        )) if (s.before and (previous is None or previous.sentence != s.before)
               and _STATES.search(s.before)) else ()  # fmt: skip
        subject, how = _subject(f, partners, products, c, last[-1] if last else None, previous,
                                (text or "")[: f.claim.start],
                                fresh[-1] if fresh else None, mine, aside)  # fmt: skip
        if (addressee is not None and not partners and not subject.partner_group
                and _YOU.search(s.text, 0, f.claim.end - s.start)):  # fmt: skip
            # «Моя дорогая Голландия! ... Ты продаёшь мне 458,6 млн»: in a letter to a partner,
            # "you" is that partner.
            subject = dataclasses.replace(subject, partners=(addressee,))
            how["partners"] = "read"
        they = _THEY_BUY.search(s.text, 0, f.claim.start - s.start)
        if (they is not None and not partners and not subject.partners
                and not subject.partner_group and subject.flow == "export"):  # fmt: skip
            # «— Нидерланды. В 2021 году они купили у нас на 1,13 млрд»: "they" buy, the
            # partner the sentence before names alone (a reading of the paragraph); else the
            # buyer is not known, never all the reporter's trade.
            buyers = [m.value for m in lexicon.find_partners(s.before) if m.value not in own]
            if len(set(buyers)) == 1:
                subject = dataclasses.replace(subject, partners=(buyers[0],))
                how["partners"] = "paragraph"
            else:
                how["partners"] = "default"
        if subject.flow == "export" and _open_flow(s.text, f, previous, how, partners, mine):
            # "Look at what Argentina sold Chile. Deliveries climbed to $2,035 million": goods
            # sent with no sender in their sentence go the way the paragraph before sends them.
            framed = _frame_flow(lexicon, own, c, _paragraph_before(text, s))
            if framed == "import":
                subject = dataclasses.replace(subject, flow="import")
                how["flow"] = "carried"
        verse = _verse_goods(text, s, named) if not subject.products else None
        if verse is not None:
            # «Древесины мы соседу / Вывезли вдесятеро больше»: a line of verse goes on from the
            # lines before it, which may name its goods: those named last, read but not
            # certainly; none named (or none the lexicon knows, «Масла, жиры у соседа»): not
            # certainly the whole trade. Never flagged.
            subject = dataclasses.replace(subject, products=verse)
            how["products"] = "paragraph" if verse else "default"
        if (subject.flow == "import" and not subject.partners and not subject.partner_group
                and speaker_sells(s.text, f.claim.end - s.start, mine)):  # fmt: skip
            # "Our country shipped $2,035 million to Chile": the speaker's sales, which partner
            # it is not certain (read as all the reporter's imports, never flagged).
            how["partners"] = "default"
        if not partners and any(_WITH_IT.search(s.text, 0, m.start) for m in mine):
            # «наш товарооборот с Чили вырос на 40%» in Chile's text: trade with the reporter, no
            # partner named, is the speaker's (another side's), its partner uncertain (never
            # flagged); "Argentina ran a deficit with Chile" names its side.
            how["partners"] = "default"
        # The words before the figure, and after it to the clause's end.
        stop = re.search(r"[,;:(]", s.text[f.claim.end - s.start :])
        words = s.text[: f.claim.end - s.start + (stop.start() if stop else len(s.text))]
        noun = frames.demonstrative(words) if not subject.products else None
        if noun is not None and not frames.resets_subject(s.text):
            # "Japan took $173m of those instruments, well ahead of China at $96m": goods the
            # sentence refers back to; those of the last sentence before that names them with
            # that noun (not certainly), else the goods are not known (never the whole trade).
            subject = dataclasses.replace(subject, products=_referred(named, text, here, noun))
            how["products"] = "paragraph" if subject.products else "default"
        back = _THE_N.search(s.text[: f.claim.start - s.start])
        between = [m for m in partners if back is not None
                   and back.end() <= m.start < f.claim.start - s.start]  # fmt: skip
        if back is not None and not between and f.claim.kind in (
                "share", "amount", "growth", "multiple"):  # fmt: skip
            # "China is the top buyer. Japan is second, so the two Asian customers between them
            # account for nearly 45%": the partners named last before the count, not the group
            # an adjective names; a guess (never flagged) when fewer are named.
            said = back[1] or ""
            how_many = (2 if back[2] or back[3] else int(said) if said.isdigit()
                        else _COUNTS[said.lower()])  # fmt: skip
            last_n = _referents(lexicon, text, s, back.start(), own, how_many, last=True)
            if last_n:
                subject = dataclasses.replace(subject, partners=last_n, partner_group=None)
            how["partners"] = "paragraph"
        one = [m for m in partners if m.end <= f.claim.start - s.start]
        if len(subject.partners) > 1 and one and _ITS.search(s.text[: f.claim.start - s.start]):
            # «Япония вторая, Германия третья, у неё ровно 250 млн»: a singular pronoun stands
            # for the partner named last, not for the list.
            subject = dataclasses.replace(subject, partners=(one[-1].value,))
        if len(subject.partners) > 1 and one and _OWNS.fullmatch(
                s.text, one[-1].end, f.claim.start - s.start):  # fmt: skip
            # "Kazakhstan is no longer first: India's 63% rise tops the list": the partner whose
            # figure it is, right before it, not the partners named earlier in the sentence.
            subject = dataclasses.replace(subject, partners=(one[-1].value,), partner_group=None)
        if frames.other_way(s.text, f.claim.end - s.start) and subject.flow in _REVERSED:
            # "China supplied $1.83 billion of its imports against $200 million that went the
            # other way": the other flow of the same partner.
            subject = dataclasses.replace(subject, flow=_REVERSED[subject.flow])
            how["flow"] = "read"
        elif (previous is not None and subject.flow == previous.subject.flow in _REVERSED
              and frames.other_way_in((text or "")[previous.end : f.claim.start])):  # fmt: skip
            # "Trucks brought $2bn into Chile. The ones going back the other way? Only $263m":
            # the other flow of the claim before.
            subject = dataclasses.replace(subject, flow=_REVERSED[subject.flow])
            how["flow"] = "read"
        told = _pronoun_flow(text, s, f.claim.start - s.start, f.claim.end - s.start,
                             previous.end - s.start if previous is not None
                             and previous.sentence == s.text else 0, out)  # fmt: skip
        if told is not None and told[0] != subject.flow and f.claim.kind != "rank":
            # "The trade gap tells the same story. In 2016 it fell to $150 million, and exports
            # covered 89.5% of imports": "it" is the gap, not the exports said after it.
            subject = dataclasses.replace(subject, flow=told[0])
            how["flow"] = "paragraph"
        this_was = (
            next((o for o in reversed(out) if o.paragraph == f.claim.paragraph and o.understood
                  and o.sentence != s.text and o.kind in ("amount", "growth", "multiple")), None)
            if f.claim.kind == "share" and _THIS_IS.match(s.text)
            and not _in([*partners, *products], 0, f.claim.start - s.start)
            and not (subject.partners or subject.partner_group or subject.products)
            else None
        )  # fmt: skip
        if this_was is not None and (this_was.subject.partners or this_was.subject.products):
            # «...экспортировала микросхем на 2,25 млрд. Это половина всего экспорта»: "this" is
            # the trade of the figure before (a reading of the paragraph, never certain).
            p = this_was.subject
            subject = Subject(subject.reporter, p.flow, p.partners, p.partner_group, p.products)
            how |= {"partners": "paragraph", "products": "paragraph"}
        whole = None
        if f.claim.kind in {"share", "rank"}:
            # A rank's own words may name its field ("the largest African buyer").
            field = partners if f.claim.kind == "share" else [
                m for m in lexicon.find_partners(s.text) if m.value not in own]  # fmt: skip
            whole = _whole(f, field, products, c)
            if (f.claim.kind == "share" and f.whole is not None and whole.flow == "import"
                    and subject.flow == "export"
                    and _partner_supplies(s.text, _in(field, *f.whole), f.whole[1])):  # fmt: skip
                # "Fuels made 45% of all Argentine supplies": the part is of the imports too.
                subject = dataclasses.replace(subject, flow="import")
                how["flow"] = "read"
            if (f.claim.kind == "share" and whole.flow == "export" and subject.flow == "import"
                    and _reporter_buys(s.text, f.claim.end - s.start, c, partners)):  # fmt: skip
                # "45% of Chilean purchases": the whole is the reporter's buying too.
                whole = dataclasses.replace(whole, flow="import")
            if (f.claim.kind == "share" and f.whole is not None and whole.flow == "import"
                    and _bought_from_reporter(s.text, f.whole[1], c, mine)):  # fmt: skip
                # "9% of what Argentina bought from Chile": bought from the reporter, its
                # exports; the part is of them too.
                whole = dataclasses.replace(whole, flow="export")
                if subject.flow == "import":
                    subject = dataclasses.replace(subject, flow="export")
                    how["flow"] = "read"
            if f.claim.kind == "share" and not frames.flows(s.text) and whole.flow != subject.flow:
                # "Korea and Japan together give about 15%" after a sentence on imports: a
                # sentence with no flow word takes the whole's flow from the part's.
                whole = dataclasses.replace(whole, flow=subject.flow)
            # (the whole's end only for the claim's own whole, not one carried from before)
            own_end = f.whole[1] if f.whole and f.whole[0] >= f.claim.end - s.start else -1
            verb_at = next((x for x in (f.claim.end - s.start, own_end)
                            if x >= 0 and part_after(s.text, x)), None)  # fmt: skip
            if (f.claim.kind == "share" and f.whole is not None and verb_at is not None
                    and (verb_at == f.claim.end - s.start or how.get("partners") != "read"
                         or not (subject.partners or subject.partner_group))):  # fmt: skip
                # "A quarter of our exports goes to the Netherlands", "a fifth of what we import
                # is German, and 15% is American": the partner named after the verb (after the
                # whole, or after the figure when the whole is carried) is the part's.
                subject = _part_after(s.text, verb_at, partners, subject, how)
            if f.claim.kind == "share" and not subject.partner_group and not subject.partners:
                subject = Subject(subject.reporter, subject.flow, whole.partners,
                                  whole.partner_group, subject.products)  # fmt: skip
            of = list(_SHARE_OF_GOODS.finditer(s.text, 0, f.claim.start - s.start))
            inside = [m for m in products if of and of[-1].start() <= m.start < of[-1].end()]
            if (f.claim.kind == "share" and f.whole is None and inside
                    and set(_products(inside)) == set(subject.products)):  # fmt: skip
                # "its share of Moscow's electronics exports at 18%": the goods are the
                # whole's; the part is of them too, and when it names no partner (a firm's
                # share) the data do not hold it.
                whole = dataclasses.replace(whole, products=subject.products)
                if not subject.partners and not subject.partner_group:
                    how["products"] = "default"
            if (f.claim.kind == "share" and subject.flow == "turnover"
                    and whole.flow in ("export", "import")):  # fmt: skip
                # "Chilean exports ...; their weight in bilateral trade fell from 17.2%": a
                # turnover holds both flows, it is never a part of one; the flow is the part.
                subject, whole = (dataclasses.replace(subject, flow=whole.flow),
                                  dataclasses.replace(subject, flow="turnover"))  # fmt: skip
        if f.claim.kind == "multiple" and f.claim.metric in _VERSUS_METRICS:
            # "imports are eleven times exports", "three times as much as the United States":
            # the subject set against the other flow or another partner (its ``whole``).
            both = versus.sides(s.text, f.claim.start - s.start, f.claim.end - s.start,
                                subject, lexicon, own)  # fmt: skip
            if both is not None:
                subject, whole = both
                if versus.reverse_flow(s.text, f.claim.start - s.start):
                    # Which flow the text told first ("the return flow") is the claim's flow
                    # as carried, not certainly: a figure against it is no error to flag.
                    how["flow"] = "default"
        counter_at = versus.reverse_subject(s.text, f.claim.start - s.start)
        counter_of = None
        if counter_at is not None and not _in([*partners, *products], counter_at,
                                              f.claim.start - s.start):  # fmt: skip
            counter_of = next((o for o in reversed(out) if o.paragraph == f.claim.paragraph
                               and o.understood and o.kind in ("amount", "growth")
                               and o.end <= s.start + counter_at), None)  # fmt: skip
        if (f.claim.kind in ("amount", "growth") and counter_of is not None
                and counter_of.subject.flow in _REVERSED):  # fmt: skip
            # «Экспорт пластмасс составил 17,2 млн ... Встречные поставки выросли на 7%», "the
            # return flow rose 7%": the same trade the last figure names, the other way.
            p = counter_of.subject
            subject = Subject(p.reporter, _REVERSED[p.flow], p.partners, p.partner_group,
                              p.products)  # fmt: skip
            how |= {"flow": "read", "partners": _carry(counter_of.how("partners")),
                    "products": _carry(counter_of.how("products"))}  # fmt: skip
        since = (
            int(f.claim.quantity.value) if f.claim.kind == "extreme" and f.claim.quantity else None
        )
        at = (f.claim.start - s.start, f.claim.end - s.start)
        side = ""
        if f.claim.metric == "side_turned" and subject.flow != "balance":
            # «с Китаем вышла в плюс»: a sign word with no figure after it names the balance.
            subject = dataclasses.replace(subject, flow="balance")
            how["flow"] = "read"
        if f.hints.get("gap"):
            subject = Subject(subject.reporter, "balance", subject.partners,
                              subject.partner_group, subject.products)  # fmt: skip
            side = f.hints["gap"]
        elif subject.flow == "balance" and _MORE_THAN_SPENT.match(s.text, at[1]):
            # "earned $675 million more from the Netherlands than it spent there": a surplus.
            side = "surplus"
        elif subject.flow == "balance":
            read = frames.flow_at(s.text, at[1])
            side = read[1] if read else ""
            said = next((x for x in reversed(out) if x.paragraph == f.claim.paragraph
                         and x.understood and x.subject.flow == "balance" and x.side),
                        None)  # fmt: skip
            if read is None and said is not None:
                # "The deficit was just $86 million. In 2008 it had reached $430 million": a
                # sentence with no balance word goes on about the side said before, not certainly.
                side = said.side
                how["side"] = "paragraph"
            turn = _TURN.search(s.text, at[1])
            own_side = frames.side_in(s.text[lo_clause(s.text, at[0]) : at[0]])
            if own_side:
                # «Нетто-позиция осталась отрицательной, но минус ужался до 86 млн»: a side word
                # in the figure's own clause.
                side = own_side
            elif (
                not frames.flows(s.text[lo_clause(s.text, at[0]) : at[1]])
                and turn is not None
                and not frames.flows(s.text[at[1] : turn.start()])
            ):
                side = ""  # the side of a balance word past the clause's turn is not this one's
            if told is not None and told[0] == "balance" and how.get("flow") == "paragraph":
                side = told[1]  # the side of the balance the pronoun stands for
                how["side"] = "paragraph"
            if f.claim.metric in ("side", "side_turned"):
                # "a surplus with the Netherlands and a deficit with China": its own word.
                side = frames.side_in(f.claim.span) or side
                how["side"] = "read"
            if not side and f.claim.kind == "amount" and f.claim.metric is None and (
                frames.size_last(s.text[: at[0]])
                or (told is not None and told[0] == "balance"
                    and frames.size_last(_paragraph_before(text, s)))
            ):  # fmt: skip
                # «Разрыв между ввозом и вывозом ... В 2016 г. он составил 150 млн»: the
                # balance's size, whichever side it is on.
                f = dataclasses.replace(f, claim=f.claim.with_(metric="size"))  # noqa: PLW2901
            if side and partners_side(s.text, at[0], partners, mine):
                # "leaving Argentina a surplus with Chile of $1.77 billion": the partner's
                # surplus is the reporter's deficit.
                side = _OTHER_SIDE[side]
        aggregation, count = "sum", None
        # The sentence before in the paragraph: what "Five of them" counts.
        said_before = (text or "")[: s.start].rsplit("\n", 1)[-1][-200:]
        counted = (
            frames.counted_before(s.text, at[0], said_before)
            if f.claim.kind == "amount"
            and (
                frames.each_after(s.text, at[1], at[0])
                or frames.each_in(_after_colon(s.text, at[0]))
            )
            else None
        )
        if (counted is None and f.claim.kind == "amount" and subject.flow != "turnover"
                and _over_threshold(f.claim, s.text, at, said_before)):  # fmt: skip
            # "Four import chapters exceeded USD 100 million", "Seven markets took over $250
            # million": a count of partners or goods above a threshold, not their sum (not
            # «оборот двух стран перевалил за 3 млрд»: the two countries' trade with each other).
            counted = frames.counted_before(s.text, at[0], said_before)
            counted = counted if counted is not None and counted[0] is not None else None
        bound = f.claim.quantity
        open_ = bound is not None and (math.isinf(bound.hi) or math.isinf(bound.lo))
        if counted is None and f.claim.kind == "amount" and subject.flow != "turnover" and open_:
            # «Экспортных глав свыше 1 млн — 39»: the count said after the threshold.
            counted = frames.counted_after(s.text, at[1])
        if counted is not None and counted[1] != "partner" and len(subject.partners) < 2:
            # "Five chapters each exceeded $15 million": the figure is said of every chapter
            # (heading, product) counted, never of their sum.
            aggregation, count = "each", counted[0]
            f = dataclasses.replace(f, claim=f.claim.with_(metric=counted[1]))  # noqa: PLW2901
            if subject.products and how.get("products") == "paragraph":
                # "Seven chapters got past the ten-million-dollar bar" after a paragraph on
                # vehicles: every chapter is counted, not the goods the paragraph spoke of.
                subject = dataclasses.replace(subject, products=())
            if not subject.products:
                how["products"] = "read"  # every chapter of the trade, by its own words
        elif (f.claim.kind == "amount" and len(subject.partners) > 1
              and frames.each_after(s.text, at[1], at[0])):  # fmt: skip
            # "Turkey and Sweden, the two smallest of the 14 markets, bought $150 million each":
            # the partners named, not a count among all.
            aggregation, count = "each", len(subject.partners)
        elif f.claim.kind == "amount" and (
            frames.each_after(s.text, at[1], at[0])
            or (
                counted is not None
                and counted[0] is not None
                and len(subject.partners) < 2
                # "every one of the 21 markets ..., and a 22nd, Mongolia, bought $350,000":
                # a partner of its own read in the figure's clause is not one counted.
                and not (subject.partners and how.get("partners", "read") == "read")
            )
        ):
            # "Five markets ... $250 million each", "each of the ten largest markets bought more
            # than $200 million": counted among all partners.
            aggregation, count = "each", frames.count_before(s.text, at[0], said_before)
            if count is None and counted is not None and counted[1] == "partner":
                count = counted[0]  # «Рынков, куда продано больше 100 млн, — семь»
            # "Five markets ... each": counted among all partners (or the group named).
            subject = Subject(subject.reporter, subject.flow, (), subject.partner_group,
                              subject.products)  # fmt: skip
            if count is not None and how.get("partners") == "paragraph":
                how["partners"] = "read"  # counted among all, not the partner named before
        elif (
            len(subject.partners) > 1
            and frames.each_in(_semicolon_clause(s.text, at))
            and not (_TOGETHER.search(_semicolon_clause(s.text, at)))
        ):
            # "Kazakhstan, Turkey and the UAE each exceeded $45 million", "не менее чем на
            # 20% каждая": the figure is said of every partner named, never of their sum.
            aggregation, count = "each", len(subject.partners)
        years_before = set(re.findall(_A_YEAR, s.text[: at[0]]))
        came = _CAME_IN_YEARS.match(s.text, at[1])
        if came is not None and f.claim.kind in ("amount", "change") and came["y2"]:
            # «пик дефицита (470 млн долл.) пришёлся на 2003 и 2012 гг.»: the level of each of
            # the years said after it, as if said with "each".
            aggregation, count, years_before = "each", None, {came["y"], came["y2"]}
        if (aggregation == "each" and count is None and len(subject.partners) < 2
                and len(years_before) > 1):  # fmt: skip
            # "The deficit peaked in 2003 and 2012, at $470 million each": of each year named,
            # not of partners; not checked year by year.
            each_year = " and ".join(sorted(years_before))
            f = dataclasses.replace(f, claim=f.claim.with_(  # noqa: PLW2901
                understood=False, note=f"unverifiable: a figure said of each of the years "
                f"{each_year}: not checked year by year"))  # fmt: skip
        clause_start = s.text.rfind(";", 0, at[0]) + 1
        if (
            aggregation == "sum"
            and f.claim.kind == "amount"
            and _EACH_OF.search(s.text[clause_start : at[0]])
        ):
            # «каждая из пяти крупнейших закупила свыше 50 млн»: of each of a count not read,
            # never the sum.
            f = dataclasses.replace(f, claim=f.claim.with_(  # noqa: PLW2901
                understood=False, note="unverifiable: a figure said of each of the partners or "
                "goods counted, whose count is not read"))  # fmt: skip
        if f.claim.kind in {"growth", "change", "multiple"} and _OF_YEARS.search(
                s.text, *_clause_bounds(s.text, at)):  # fmt: skip
            # "Exports grew faster than 5% in fourteen of the twenty years", «в 14 из 20 лет
            # экспорт прибавлял больше 5%»: a count of years, not a change of one.
            f = dataclasses.replace(f, claim=f.claim.with_(  # noqa: PLW2901
                understood=False, note="unverifiable: a rate said of a count of years (in so "
                "many of the years) is not checked year by year"))  # fmt: skip
        if f.claim.kind in {"growth", "change"} and _NO_ONE.search(
                s.text[_clause_bounds(s.text, at)[0] : at[0]]):  # fmt: skip
            # "No partner reduced its purchases", «ни один партнёр не сократил закупок»: a count
            # of partners (none) whose change went one way, not a change of the whole.
            f = dataclasses.replace(f, claim=f.claim.with_(  # noqa: PLW2901
                understood=False, note="unverifiable: a count of partners or goods whose change "
                "went one way (none) is not checked"))  # fmt: skip
        if f.claim.kind in {"growth", "change", "multiple"} and _EVERY_ITEM.search(
                s.text[_clause_bounds(s.text, at)[0] : at[0]]):  # fmt: skip
            # «Все позиции группы 90 выросли не меньше чем на 25%», "every heading of chapter 90
            # rose at least 25%": a rate said of each of the goods, not of their total.
            f = dataclasses.replace(f, claim=f.claim.with_(  # noqa: PLW2901
                understood=False, note="unverifiable: a rate said of every one of the goods or "
                "partners (each heading, line or market) is not checked one by one"))  # fmt: skip
        counted_partners = (
            frames.partners_counted(s.text[_clause_bounds(s.text, at)[0] : at[0]])
            if f.claim.kind in {"growth", "multiple"} and aggregation == "sum"
            and f.claim.metric not in _VERSUS_METRICS and len(subject.partners) < 2
            and f.claim.quantity is not None
            and (f.claim.quantity.lo_open or f.claim.quantity.hi_open
                 or math.isinf(f.claim.quantity.hi) or math.isinf(f.claim.quantity.lo))
            else None
        )  # fmt: skip
        if counted_partners is not None:
            # "Twelve countries raised their purchases more than 1.5 times", «у двенадцати
            # стран покупки выросли больше чем в полтора раза»: a count of the partners whose
            # own change passes the bound, never the change of the total.
            aggregation, count = "each", counted_partners
            subject = Subject(subject.reporter, subject.flow, (), subject.partner_group,
                              subject.products)  # fmt: skip
            if how.get("partners") == "paragraph":
                how["partners"] = "read"
        if f.claim.kind == "amount" and _COUNT_BOUND.search(s.text[: at[0]]):
            # «Число товарных групп экспорта, превысивших 3 млн долл., выросло с 19 до 22», "the
            # number of chapters above $3 million rose": the bound of a count, no amount.
            f = dataclasses.replace(f, claim=f.claim.with_(  # noqa: PLW2901
                understood=False, note="unverifiable: the bound of a count (the number of "
                "partners or goods above it), not an amount: the count is not read"))  # fmt: skip
        if f.claim.kind in {"growth", "change"} and _SEQUENTIAL.match(s.text, at[1]):
            # "8.5% over the summer quarter, which itself had added only 4.4% on April-June": a
            # change on an earlier part of the same year, not on the year before.
            f = dataclasses.replace(f, claim=f.claim.with_(  # noqa: PLW2901
                understood=False, note="unverifiable: a change on an earlier part of the same "
                "year (the quarter or month before) is not computed; hitex compares the same "
                "months of two years"))  # fmt: skip
        if f.claim.kind == "rank" and len(subject.partners) > 1:
            # "The top five (China, Japan, ...)": the rank is said of each partner listed.
            aggregation, count = "each", len(subject.partners)
            q = f.claim.quantity
            if q is not None and q.lo == q.hi == 1 and _PLURAL_TOP.search(f.claim.span):
                # "the largest markets are China and Japan": each among the first two.
                top = float(len(subject.partners))
                f = dataclasses.replace(f, claim=f.claim.with_(  # noqa: PLW2901
                    quantity=Quantity(top, "rank", 1.0, top)))  # fmt: skip
        if f.claim.kind == "share" and _covers(s.text, at[0], at[1]):
            # "exports cover 98% of imports": exports as a share of imports (coverage).
            subject = Subject(subject.reporter, "export", subject.partners,
                              subject.partner_group, subject.products)  # fmt: skip
            whole = dataclasses.replace(subject, flow="import")
            how["flow"] = "read"
        if f.claim.kind == "count":
            aggregation, count = "sum", None  # a count is of the whole field, never of each
            # «6 стран-поставщиков»: the noun's second half after a hyphen counts too.
            hyphen = re.match(r"-\w+", s.text[at[1] :])
            words = f.claim.span + (hyphen.group() if hyphen is not None else "")
            if _SUPPLIERS.search(words):
                # "6 import origins", «поставщиков всего шесть»: partners the reporter buys from.
                subject = dataclasses.replace(subject, flow="import")
                how["flow"] = "read"
            elif _BUYERS.search(words):
                # "Total destinations: 22", «всего покупателей 14»: partners the reporter sells to.
                subject = dataclasses.replace(subject, flow="export")
                how["flow"] = "read"
        each_month = _MONTHLY.search(_CLAUSE.split(s.text[: at[0]])[-1]) or _EACH_MONTH.match(
            s.text, at[1])  # fmt: skip
        said = s.text[max(s.text.rfind(";", 0, at[0]), s.text.rfind(":", 0, at[0])) + 1 : at[0]]
        monthly = _MONTHLY.search(said)
        if not each_month and monthly is not None and not re.search(r"\d", said[monthly.end() :]):
            # «ежемесячный экспорт был одинаков, 191,86 млн»: past a comma, with no figure between.
            each_month = monthly
        # «Ноябрь и декабрь дали по 217 млн», "November and December, $217 million apiece":
        # «по» before the figure, or "each" after it, of the months named one by one.
        listed = listed_months(said) is not None
        each_said = _EACH_AFTER.match(s.text, at[1]) or (
            re.search(r"(?<!\w)по\s*$", s.text[: at[0]]) if listed else None
        )
        of_months = (not each_month and len(subject.partners) < 2 and each_said is not None
                     and (_MONTHS_WORD.search(said) is not None or listed))  # fmt: skip
        if of_months:
            # "The first eight months, flat at $191.9m each", "those same months sold $150.2m
            # apiece": each of the months its words name, not each partner.
            each_month = each_said
            if frames.counted_before(s.text, at[0]) is None:
                aggregation, count = "sum", None
        if f.claim.kind == "amount" and (_PER_MONTH.match(s.text, at[1]) or each_month):
            # "about $217 million a month": the monthly average of the period; «каждый месяц
            # ... около 192 млн»: each month of it.
            metric = "each_month" if each_month else "per_month"
            f = dataclasses.replace(f, claim=f.claim.with_(metric=metric))  # noqa: PLW2901
            if aggregation == "each" and frames.counted_before(s.text, at[0]) is None and len(
                    subject.partners) < 2:  # fmt: skip
                # «Ежемесячно с сентября по декабрь мы отгружали по 217,3 млн»: «по» of each
                # month, not of each partner (none is counted).
                aggregation, count = "sum", None
        per, based = dated(s.text, f.claim.kind, c, since, at)
        claim = f.claim.with_(subject=subject, whole=whole, side=side, aggregation=aggregation,
                              count=count, period=per)  # fmt: skip
        # "came to $4,586 million in 2021, an increase of 35%, leaving a deficit of $86 million;
        # this deficit has widened every year since 2018": a year after a semicolon that
        # follows the claim is another statement's.
        semi = s.text.find(";", at[1])
        how["year"] = _how_dated(s.text if semi < 0 else s.text[:semi], claim.period, since,
                                 f.claim.kind, at)  # fmt: skip
        if of_months and claim.period.months is None:
            # "In 2019 those same months sold $150.2m apiece": the months of the figure before,
            # when its words say so; else which months is not certain (never flagged).
            prev = _previous(out, f)
            if _SAME_MONTHS.search(said) and prev is not None and prev.period.months:
                claim = claim.with_(
                    period=dataclasses.replace(claim.period, months=prev.period.months)
                )
            else:
                how["year"] = "paragraph"
        if (how["year"] == "default" and f.claim.kind not in ("growth", "multiple", "change")
                and claim.period.year == c.year and not _own_years(s.text, at)
                and set(_years_of(s.text)) <= _other_bases(s.text, at)
                and (text is None or _year_before(text, s, out) in (None, c.year))):  # fmt: skip
            # "Chip imports hit $2.3 billion, 3.7 times the 2011 figure; the chip balance is a
            # surplus of $43 million", «в 3,7 раза больше показателя 2011 г.; ... профицит 43
            # млн»: a year another clause sets as the base of its comparison dates no level;
            # the level goes on with the article's year, as the paragraph before it does.
            how["year"] = "carried"
        named_after = _RECORD_YEAR.match(s.text, at[1])
        if claim.metric in ("largest_rise", "only_fall") and named_after:
            # "the only fall in the series is 2009", "the largest annual rise was 2020's": the
            # year the record names.
            claim = claim.with_(period=dataclasses.replace(per, year=int(named_after[1])))
            how["year"] = "read"
        if f.claim.kind in ("growth", "multiple", "change"):
            how["base"] = based
            by = _BY_YEAR.search(s.text, 0, at[1] + _clause_end(s.text, at[1]))
            if (by is not None and based != "read" and text is not None
                    and int(by["y"]) == claim.period.year):  # fmt: skip
                # «К 2008-му продажи подросли на 55%», "By 2010 exports had doubled": a change
                # reached by a year is on the year the story told of before, not on the year
                # before it; which one, not certainly.
                first = _year_told_before(text, s, claim.period.year)
                if first is not None:
                    claim = claim.with_(period=dataclasses.replace(claim.period, compare=first))
                how["year"] = "paragraph" if first is not None else "default"
                how["base"] = how["year"]
            if _UNREAD_BASE.match(s.text, at[1]) or _OLD_BASE.search(f.claim.span):
                # "some 69% above the year of its birth": a base said in words not read.
                how["year"] = "default"
            old_level = next((x for x in reversed(out) if x.paragraph == f.claim.paragraph
                              and x.understood and x.kind == "amount"
                              and x.subject.flow == claim.subject.flow
                              and x.period.year < claim.period.year), None)  # fmt: skip
            said_old = _OLD_BASE.search(f.claim.span + _CLAUSE.split(s.text[at[1] :])[0])
            if said_old and old_level is not None:
                # "In 2001 sales came to $620 million. In 2021 they hit $4.5 billion, well past
                # seven times the old number": against the year of the level said before, not
                # certainly (never flagged on it).
                claim = claim.with_(period=dataclasses.replace(
                    claim.period, compare=old_level.period.year))  # fmt: skip
                how["year"] = "paragraph"
            pair = _two_levels(out, claim, s.text, at, f.claim.start - at[0])
            restates = _RESTATING.search(s.text[: at[0]]) is not None
            if pair is not None and based != "read" and (restates or claim.kind == "multiple"):
                # «в 2001 году — 620 млн, в 2021-м — 4500 млн, то есть в 7,3 раза больше»:
                # the later of the two levels its sentence just said against the earlier;
                # certain when the words say it restates them ("that is", «то есть»), a likely
                # reading of a multiple otherwise (never flagged on it).
                claim = claim.with_(period=Period(pair[1], pair[0], claim.period.months))
                how["year"] = "read" if restates else "paragraph"
                how["base"] = how["year"]
        if (levels := level_span(s.text, at, f.claim.kind)) is not None:
            # "went from $1.4 billion in 2018 to $4.5 billion in 2021, a factor of 3.2", «вырос
            # с 1,4 млрд в 2018 году до 4,5 млрд в 2021 году — в 3,2 раза»: each level of its
            # year, the change of the later against the earlier, for certain.
            claim = claim.with_(period=Period(*levels, claim.period.months))
            how["year"] = "read"
            if levels[1] is not None:
                how["base"] = "read"
        if f.claim.kind in ("growth", "multiple") and per_year(s.text, at):
            # "в среднем экспорт прибавлял около 47,6% в год": an average over years not read.
            claim = claim.with_(metric="per_year")
        earlier = _previous(out, f)
        later = _LATER.search(s.text[: at[0]])
        before_sentence = next(
            (x for x in reversed(out) if x.sentence != s.text and x.understood), None
        )
        same_before = _same_period_before(s.text, at, out, claim.kind)
        if same_before is not None:
            # «экспорт 2016 г. превысил уровень 2006-го в полтора раза, тогда как импорт за то
            # же десятилетие прибавил 32%», "while imports grew 32% over the same decade": the
            # span of the change said just before in the same sentence.
            was = same_before.period
            claim = claim.with_(period=Period(was.year, was.compare, claim.period.months))
            how["year"] = "carried"
        elif (
            later is not None
            and before_sentence is not None
            and (before_sentence.paragraph == f.claim.paragraph)
        ):
            earlier = before_sentence
            # "In 2018 it sold $1.4 billion. Three years later exports had more than tripled":
            # the year so many after the claim before, against that year.
            n = later["n"] or later["n2"] or later["n3"]
            gap = int(n) if n.isdigit() else _COUNTS[n.lower()]
            then = earlier.period.year
            grows = claim.kind in ("growth", "multiple", "change", "rank")
            claim = claim.with_(period=Period(then + gap, then if grows else None,
                                              claim.period.months))  # fmt: skip
            how["year"] = "carried"
        elif (_THAT_YEAR_AFTER.match(s.text, at[1])
              and (years := _years_not_dates(s.text[: at[0]]))):  # fmt: skip
            # "target above one billion by 2010, was missed: sales stood at US$990 million that
            # year": the year its sentence names last before it.
            per = claim.period
            year = int(years[-1].group())
            compare = None if per.compare is None else per.compare + year - per.year
            claim = claim.with_(period=Period(year, compare, per.months))
            how["year"] = "read"
        elif (earlier is not None and _THAT_YEAR.search(s.text[: at[0]])
                and not re.search(r"\b(?:19|20)\d\d\b", s.text[: at[0]])):  # fmt: skip
            # "That year the gap shrank to $190 million": the year of the sentence before.
            per = claim.period
            shift = earlier.period.year - per.year
            compare = None if per.compare is None else per.compare + shift
            claim = claim.with_(period=Period(earlier.period.year, compare, per.months))
            how["year"] = "carried"
        elif (text is not None and _THEN.match(s.text)
              and not re.search(r"\b(?:19|20)\d\d\b", s.text[: at[0]])
              # "Then exports grew 86% within a single year (2019)": its own clause dates it.
              and not (how["year"] == "read" and claim.period.year in _own_years(s.text, at))
              and (named_year := _year_named_before(text, s)) is not None):  # fmt: skip
            # "А как было в 2003 году?" — "Тогда импорт подскочил на 38%": the year the
            # sentence before names, not certainly.
            per = claim.period
            grows = per.compare is not None and per.compare == per.year - 1
            asked = Period(named_year, named_year - 1 if grows else per.compare, per.months)
            if asked != per:
                claim = claim.with_(period=asked)
                how["year"] = "paragraph"
        elif (claim.kind in ("growth", "multiple", "change") and text is not None
              and _SINCE_THEN.search(s.text[: at[0]])
              and not re.search(r"\b(?:19|20)\d\d\b", s.text[: at[0]])):  # fmt: skip
            # "The decisive year was 2019 ... Since then, purchases have risen by three fifths";
            # «Импорт за тот же период вырос в 2,6 раза»: against the year of the sentence
            # before (the same span as the claim before), not certainly.
            per = claim.period
            same = _SAME_PERIOD.search(s.text[: at[0]])
            prior = before_sentence if same and before_sentence is not None else None
            moved = None
            if prior is not None and prior.period.compare is not None:
                moved = Period(prior.period.year, prior.period.compare, per.months)
            elif not same:
                base = _year_before(text, s, out)
                if base is not None and base < per.year:
                    moved = Period(per.year, base, per.months)
            if moved is not None and moved != per:
                # Only a period the reference changes is uncertain; one it agrees with stays.
                claim = claim.with_(period=moved)
                how["year"] = "paragraph"
        elif (how["year"] == "carried" and text is not None and not _SPAN_YEARS.search(s.text)
              and not _FINAL_YEAR.search(s.text[: at[0]])
              and not _LAST_YEAR.search(s.text[: at[0]])
              # "The deficit now stands at $86 million", «Сегодня дефицит — 86 млн», "This
              # year they reached $4.5 billion": the text's own year, said for certain.
              and not said_now(s.text, at)):  # fmt: skip
            # "Скачок 2019 года. Импорт вырос на 64%": a sentence that names no year may go on
            # with the year of the sentence before it in the paragraph. That year is read, but
            # not certainly: the figure may be supported by it, never flagged.
            before_year = _year_before(text, s, out)
            span_before = _span_before(text, s)
            grows = claim.kind in ("growth", "multiple", "change")
            spanned = None if span_before is None else Period(
                span_before[1], span_before[0] if grows else claim.period.compare,
                claim.period.months)  # fmt: skip
            if spanned is not None and spanned != claim.period:
                # "С 2011 по 2016 год экспорт увеличился на 22%. Импорт рос медленнее — на 15%":
                # the span of the sentence before goes on, not certainly.
                claim = claim.with_(period=spanned)
                how["year"] = "paragraph"
            elif (
                before_year is not None
                and before_year - max(0, c.year - claim.period.year) != claim.period.year
            ):
                per = claim.period
                # "...narrowed to $86 million from $190 million": a level dated before the
                # carried year stays as far before the year of the sentence before.
                before_year -= max(0, c.year - per.year)
                compare = per.compare
                if compare is not None and (compare == per.year - 1 or compare >= before_year):
                    compare = before_year - 1
                claim = claim.with_(period=Period(before_year, compare, per.months))
                how["year"] = "paragraph"
            elif (before_year is not None and claim.period.year < c.year
                  and len(_years_named_before(text, s)) > 1):  # fmt: skip
                # «...в 2018 году 1,4 млрд, в 2021 году 4,5 млрд. Ввоз за эти годы увеличился
                # с 1,75»: a level before the carried year, after a sentence naming several
                # years, may be of any of them.
                how["year"] = "paragraph"
        elif (text is not None and claim.kind in _GOES_ON and claim.period.year == c.year
              and how["year"] in ("read", "default") and _only_bases(s.text)
              and not _NOW.search(s.text[: at[0]])):  # fmt: skip
            # "In 2010 exports were under a billion." — "Yes, 990 million, roughly 60% above
            # 2001": a sentence that names no year but a base goes on with the year of the
            # sentence before (or of the turn it answers), not certainly.
            before_year = _year_before(text, s, out)
            per = claim.period
            if (before_year is not None and before_year != per.year
                    and (per.compare is None or before_year > per.compare)):  # fmt: skip
                compare = per.compare
                if compare is not None and based != "read":
                    compare = before_year - 1
                claim = claim.with_(period=Period(before_year, compare, per.months))
                how["year"] = "paragraph"
        if (claim.kind in ("growth", "multiple", "change")
                and (these := _THESE_YEARS.search(s.text, 0, at[1] + _clause_end(s.text, at[1])))
                and not re.search(r"\b(?:19|20)\d\d\b", s.text[: at[0]])):  # fmt: skip
            # «Закупки за эти годы увеличились в 6,6 раза»: the span of a sentence before, which
            # was not read: never flagged on the year before. "Imports rose 72% over those
            # nine years": so many years back from the year of the sentence before, not
            # certainly.
            how["year"] = "paragraph"
            n = (these["n"] or these["n2"] or "").lower()
            gone = int(n) if n.isdigit() else _COUNTS.get(n)
            when = None if text is None else _year_before(text, s, out)
            if gone and when is not None:
                claim = claim.with_(period=Period(when, when - gone, claim.period.months))
        if _behind_only(s.text, partners, claim.subject.partners):
            # "It ranked fifth, behind the United States; its purchases, $160 million": the
            # partner named is the one set against; "it" is one of an earlier sentence.
            how["partners"] = "default"
        if "base" in how and claim.period.compare != per.compare:
            how["base"] = "carried"  # set by the sentence before: its year slot says how surely
        if _RESPECTIVELY.search(s.text) and len(_in(partners, 0, len(s.text))) > 1:
            # "Exports to Japan and Korea came to 180 and 160.2 million respectively": which
            # figure is whose is not read.
            how["partners"] = "default"
        if (claim.metric or "").startswith(("every_", "never_", "run_")) and how.get(
                "year") not in CERTAIN:  # fmt: skip
            # "Exports have risen every year since 2010", «ни разу не снижался»: a run of years
            # up to the article's year, not to a year another sentence names.
            claim = claim.with_(period=dataclasses.replace(claim.period, year=c.year))
            how["year"] = "carried"
        back = (_THE_DECADE.search(s.text, *_clause_bounds(s.text, at))
                if claim.kind in ("growth", "multiple", "change") and text is not None
                and not _own_years(s.text, at) else None)  # fmt: skip
        if back is not None and text is not None:
            # "went from $700 million in 2003 to $1,120 million in 2013. [...] exports grew 60%
            # over the decade", «импорт за это десятилетие вырос на 29%»: the decade the text
            # named just before; with none named, its years are not certain.
            ten = _decade_before(text, s)
            if ten is not None:
                claim = claim.with_(period=Period(ten[1], ten[0], claim.period.months))
                how["year"] = how["base"] = "carried"
            else:
                how["year"] = how["base"] = "default"
        if f.hints.get("pattern") == "listed" or f.hints.get("unit") == "guess":
            # «Китай 563»: the unit of the figures before; «продала на 2,4 миллиарда» with no
            # currency named: dollars. Both a guess.
            how["unit"] = "default"
        before_it = _previous(out, f)
        if (claim.kind == "multiple" and _RESTATES.match(f.claim.span) and before_it is not None
                and before_it.kind == "multiple" and before_it.sentence == s.text):  # fmt: skip
            # "fuels grew sevenfold; the multiple is about 5.6": the multiple just said, again.
            claim = claim.with_(subject=before_it.subject, whole=before_it.whole,
                                period=before_it.period, metric=before_it.metric)  # fmt: skip
            how = dict(before_it.reading)
        claim = claim.with_(reading=tuple(sorted(how.items())))
        lo = f.segment[0]
        everyone = [*lexicon.find_partners(s.text), *lexicon.find_products(s.text)]
        known = [(m.start - lo, m.end - lo) for m in everyone]
        odd = frames.unknown_product(s.text[lo : at[1]], known)
        if odd is None and f.claim.kind == "amount":
            # "Japan bought $173.5 million of Moscow's instruments": goods named after the figure.
            odd = frames.goods_after(s.text, at[1], [(m.start, m.end) for m in everyone])
        before = out[-1] if out and out[-1].sentence == s.text else None
        if (claim.understood and before is not None and _no_goods(before.note)
                and not _in(products, lo, at[1]) and not _in(partners, lo, at[1])):  # fmt: skip
            claim = claim.with_(understood=False, note=before.note)
        elif (claim.understood and before is not None and not _in(products, lo, at[1])
              and (_no_goods(before.note)
                   or (before.how("products") == "default" and not before.subject.products
                       and before.understood))):  # fmt: skip
            # "Japan bought $173.5 million of Moscow's instruments, India tripled its purchases":
            # the goods of the clause before may go on; a figure the whole trade does not give
            # is not an error.
            guess = {**dict(claim.reading), "products": "default"}
            claim = claim.with_(reading=tuple(sorted(guess.items())))
        # "On your wine question: the distributor told us its sales were $12m": one firm's
        # figure is none the data hold, whatever goods its clause names.
        spent = odd is not None and odd == frames.not_goods(s.text[lo : at[1]])
        firm = frames.firm_in(text or s.text, s.text[lo : at[1]])
        if firm is not None and not lexicon.find_partners(firm):
            # "Semicondutores do Atlântico itself had sold $180 million": a firm the text named
            # by its noun ("the components maker Semicondutores do Atlântico") sells on its own
            # (not "Chile, a copper producer": a country the lexicon knows is no firm).
            odd, spent = firm, True
        if claim.understood and odd and spent:
            # Services, software, prices, one firm's sales: no lexicon entry would make them goods.
            claim = claim.with_(understood=False,
                                note=f"unverifiable: '{odd}' is not goods: services, prices and "
                                "one firm's sales are not in the goods trade data")  # fmt: skip
        elif claim.understood and odd and not _in(products, lo, at[1]):
            claim = claim.with_(understood=False,
                                note=f"unverifiable: the lexicon does not know the goods "
                                f"'{odd}' (add them with --lexicon)")  # fmt: skip
        if (claim.understood and not claim.subject.products and not _in(products, lo, at[1])
                and claim.how("products") in CERTAIN and AMONG_GOODS.search(s.text)):  # fmt: skip
            # «Аппаратура звукозаписи оказалась девятой среди всех товарных позиций, 107,3
            # млн»: the sentence ranks goods the lexicon did not read; its figures are of those
            # goods, not of all trade (read as all trade, never flagged).
            guess = {**dict(claim.reading), "products": "default"}
            claim = claim.with_(reading=tuple(sorted(guess.items())))
        said_years = {int(y) for y in _YEARS_OUT.findall(s.text)} - {claim.period.year}
        if (claim.understood and claim.kind in ("growth", "multiple")
                and _SERIES_START.search(s.text) and not said_years):  # fmt: skip
            # "7.3 times the level of its first year": against the start of the series.
            claim = claim.with_(reading=tuple(sorted({**dict(claim.reading),
                                                      "start": "default"}.items())))  # fmt: skip
        if claim.understood and claim.kind == "share":
            held = _share_of_partner(s.text, at[0], lexicon.find_partners(s.text), own)
            if held is None and _share_of_country(s.text, at[0], c.reporter):
                held = "the country"
            if held is not None:
                claim = claim.with_(understood=False, note=(
                    f"unverifiable: a share of {held}'s own trade (the reporter's part of it); "
                    "the data hold only the reporter's trade"))  # fmt: skip
        claim = _unnamed(claim, lexicon, text, f, partners, own)
        claim = _some_one(claim, s.text, at, partners)
        claim = _after_multiple(claim, s.text, at)
        # A figure in a sentence with no trade word goes on about the trade of the claim before
        # it in the paragraph ("From July to December they came to $1.25 billion").
        carried = (claim.kind in ("growth", "multiple", "amount", "change", "share")
                   and _previous(out, f) is not None)  # fmt: skip
        if (claim.understood and claim.metric in ("only_fall", "largest_rise")
                and not (trade_words(s.text) or partners or products)
                and _previous(out, f) is not None):  # fmt: skip
            # "Exports jumped 86% in 2019. The only fall in twenty years came in 2009": the
            # record of the trade of the claim before, read but not certainly (never flagged).
            carried = True
            claim = claim.with_(reading=tuple(sorted(
                {**dict(claim.reading), "flow": "paragraph"}.items())))  # fmt: skip
        if claim.understood and not (trade_words(s.text) or partners or products
                                     or f.hints.get("figure") or carried
                                     or (text is not None and _asked(text, s))):  # fmt: skip
            if text is not None and (_continues(text, s) or _replies(text, s)):
                # "Fourth-quarter exports were misreported. They came to $651.7 million": the
                # trade of the sentence before, read but not certainly (never flagged).
                guess = {**dict(claim.reading), "flow": "paragraph"}
                if guess.get("year") == "carried":
                    guess["year"] = "paragraph"
                claim = claim.with_(reading=tuple(sorted(guess.items())))
            elif _part_of_year(claim, s, out):
                # "Moscow's exports reached $2.4 billion in 2020. ... Act One, January to
                # March, is quiet: roughly $576 million": the text's trade in those months,
                # read but not certainly (never flagged).
                guess = {**dict(claim.reading), "flow": "paragraph"}
                claim = claim.with_(reading=tuple(sorted(guess.items())))
            elif text is not None and claim.kind != "share" and _text_trade(text, s):
                # "Moscow's exports in 2020. [...] The final total is $2,403.8 million, up 30%
                # on 2019": a figure whose sentence names no trade goes on about the trade the
                # headline, lead or paragraph before it speak of, read but not certainly (a
                # figure that fits is supported, one that does not is never flagged). Not a
                # share: its whole is what its words name ("Up to 90% of negotiations").
                guess = {**dict(claim.reading), "flow": "paragraph"}
                if guess.get("year") == "carried":
                    guess["year"] = "paragraph"
                said = _text_flow(text, s) if claim.how("flow") not in CERTAIN else None
                if said is not None and said != claim.subject.flow:
                    # "Portugal's imports in 2021. The total came to $4.6 billion": the flow
                    # the nearest sentence naming one speaks of.
                    claim = claim.with_(subject=dataclasses.replace(claim.subject, flow=said))
                claim = claim.with_(reading=tuple(sorted(guess.items())))
            else:
                claim = claim.with_(understood=False, note=NOT_UNDERSTOOD)
        out.append(claim)
    # Last, once every claim's goods are read: the claims before take no mark from these.
    ranked = [_ranked_among(c, lexicon) for c in _respectively(out)]
    out = [_goods_named_before(c) for c in _field_goes_on(out, ranked)]
    return out if c.named else [_year_unnamed(x) for x in out]


#: A base said as the start of a series: "the level of its first year", "at the outset",
#: «стартовый уровень», «уровень первого года».
_SERIES_START = re.compile(
    r"\b(?:first|starting|initial|opening|debut)\s+(?:year|level|season)(?:'s)?\b"
    r"|\b(?:at|from)\s+(?:the\s+)?(?:outset|start|launch)\b|\bwhen\s+(?:it|the\s+series)\s+"
    r"(?:began|started)\b|(?<!\w)стартов\w*\s+(?:уров[ен]|год)\w*|(?<!\w)начальн\w*\s+уров[ен]\w*"
    r"|(?<!\w)(?:уровень|уровня|уровнем)\s+первого\s+года",
    re.IGNORECASE,
)


def _year_unnamed(c: Claim) -> Claim:
    """``c`` of a text that names no year: its year, the latest held, marked ``unnamed``."""
    if not c.understood or c.how("year") not in CERTAIN:
        return c
    return c.with_(reading=tuple(sorted({**dict(c.reading), "year": "unnamed"}.items())))


#: "Portugal's share of EU technology exports": the reporter's part of a partner's trade.
_OWN_SHARE_EN = re.compile(r"['’]s?\s+(?:\w+\s+)?share\s+(?:of|in)\s+(?:the\s+)?(?:total\s+)?",
                           re.IGNORECASE)  # fmt: skip
#: «доля Португалии в технологическом экспорте ЕС»: the share's noun right before the reporter,
#: «в» right after it.
_SHARE_BEFORE_RU = re.compile(r"(?<!\w)дол[яеиюё]\w*\s+$", re.IGNORECASE)


#: The whole of a region's share said as its country's trade: «доля города в общероссийском
#: экспорте», "Moscow's share of Russia's exports", «в экспорте страны».
_NATIONAL = re.compile(
    r"(?<!\w)(?:общероссийск|всероссийск|общенациональн|российск|росси[ияю]|страны\b|national|"
    r"nationwide|all-russian|russia['’]s|the\s+country['’]s)\w*", re.IGNORECASE)  # fmt: skip
_SHARE_WORD = re.compile(r"(?<!\w)(?:дол[яиеюй]\w*|удельн\w*\s+вес\w*|share|part)(?!\w)",
                         re.IGNORECASE)  # fmt: skip


def _share_of_country(text: str, at: int, reporter: str) -> bool:
    """Whether the share at ``at`` is a region's part of its country's trade.

    >>> _share_of_country("Доля города в общероссийском экспорте составляет 12%", 45, "RU-MOW")
    True
    >>> _share_of_country("Доля Китая в экспорте города составляет 23%", 36, "RU-MOW")
    False
    """
    if "-" not in reporter:
        return False
    clause = re.split(r"[;:]|\.\s", text[:at])[-1]
    share = _SHARE_WORD.search(clause)
    return share is not None and _NATIONAL.search(clause, share.end()) is not None


def _share_of_partner(text: str, at: int, mentions: Sequence[Mention], own: set[str]) -> str | None:
    """The partner whose trade a share at ``at`` is of, when the reporter is its part.

    "Portugal's share of EU technology exports", «доля Португалии в экспорте ЕС»: the
    reporter's part of the EU's trade, which no reporter's own flows give.

    >>> from hitex.report.claims.lexicon import Mention
    >>> t = "Portugal's share of EU technology exports is under 1%"
    >>> _share_of_partner(t, 50, [Mention(0, 8, "country", "PRT"),
    ...                           Mention(20, 22, "group", "EU")], {"PRT"})
    'EU'
    >>> t = "Germany's share of Portugal's exports is 14%"
    >>> _share_of_partner(t, 41, [Mention(0, 7, "country", "DEU"),
    ...                           Mention(19, 27, "country", "PRT")], {"PRT"}) is None
    True
    """
    clause_start = max((m.end() for m in re.finditer(r"[;:]|\.\s", text[:at])), default=0)
    mine = [m for m in mentions if m.value in own and clause_start <= m.start < at]
    others = [m for m in mentions if m.value not in own and m.start < at]
    for m in mine:
        en = _OWN_SHARE_EN.match(text, m.end)
        if en is not None:
            after = [o for o in others if o.start == en.end()]
            if after:
                return after[0].value
        if _SHARE_BEFORE_RU.search(text, clause_start, m.start) and re.match(
            r"\s+в\s", text[m.end :]
        ):
            after = [o for o in others if o.start > m.end]
            if after:
                return after[0].value
    return None


def _field_goes_on(before: list[Claim], after: list[Claim]) -> list[Claim]:
    """The goods of a rank's field (:func:`_ranked_among`) carried to the figures after it.

    "Japan leads the buyers of the city's instruments, at $173 million": the amount carried
    the rank's goods (all goods) before its field was read; it takes the field's goods, or,
    where the lexicon does not know them (``field``), is left uncertain (``default``).
    """
    out = list(after)
    for i, (old, new) in enumerate(zip(before, after, strict=True)):
        if new is old or new.kind != "rank":
            continue
        goods = new.how("products")
        for j in range(i + 1, len(out)):
            c = out[j]
            if (c.sentence != new.sentence or c.how("products") != "carried"
                    or c.subject.products != old.subject.products
                    or c.subject.partners != old.subject.partners):  # fmt: skip
                break
            if goods == "field":
                how = {**dict(c.reading), "products": "default"}
                out[j] = c.with_(reading=tuple(sorted(how.items())))
            elif new.subject.products != old.subject.products:
                out[j] = c.with_(subject=dataclasses.replace(
                    c.subject, products=new.subject.products))  # fmt: skip
    return out


#: A partner set against the subject, not the subject: "behind the United States", «после
#: Китая», «уступая Германии».
_SET_AGAINST = re.compile(
    r"(?:\bbehind|\bahead of|\bafter|\btrailing|\bfollowing|\bпосле|\bпозади|\bвпереди|"
    r"\bвслед за|\bуступ\w+|\bопереж\w+)\s+(?:the\s+)?$", re.IGNORECASE)  # fmt: skip
#: "Germany ranks third. Its purchases went up by a quarter": a sentence opened by a possessive
#: goes on about the partner of the claim before (a reading of the paragraph), not anew.
_POSSESSIVE = re.compile(r"(?:Its|Their)\s")
#: A sentence whose subject is a pronoun: it goes on about a subject said before.
_PRONOUN_SUBJECT = re.compile(r"^(?:It|Its|They|Their|Он|Она|Оно|Они|Его|Её|Ее|Их)\b")


#: "each of the", «каждая из» before a figure: it is said of every one counted.
#: Not "in each of them" (the goods just named), nor «каждый из первых восьми месяцев» (a time).
_EACH_OF = re.compile(
    r"(?:(?<!\w)кажд\w+\s+из|(?<!in )\beach\s+of)\s+(?!them\b|these\b|those\b|"
    r"(?:\w+\s+){0,3}(?:months?|years?|quarters?|weeks?)\b)"
    r"(?!(?:\w+\s+){0,2}(?:месяц|год|лет|квартал)\w*)\w",
    re.IGNORECASE,
)


def _against(f: Found, out: list[Claim], c: Context) -> Claim:
    """A count of another year set against the count before it in the sentence.

    "Four import chapters exceeded USD 100 million in 2004, against three in 2002": the frame
    of the count before, with this count and year. A count with no year ("up from
    twenty-nine") is of the base year the article or its claim sets, read but not certainly;
    "against five the year before": the year before the count's.
    """
    # «свыше 1 млн — 39, было 29»: the count said before, past a bare figure not understood.
    prev = next((o for o in reversed(out) if o.understood or o.sentence != f.claim.sentence),
                out[-1] if out else None)  # fmt: skip
    assert f.claim.quantity is not None
    said = re.search(r"(?:19|20)\d\d", f.claim.span)
    year, how_year = (int(said.group()) if said else None), "read"
    if year is None and prev is not None and prev.period.year:
        if re.search(r"year (?:before|earlier|ago)|previous year|годом ра|предыдущем году|"
                     r"год назад", f.claim.span, re.IGNORECASE):  # fmt: skip
            year = prev.period.year - 1
        else:
            year = prev.period.compare or c.compare or prev.period.year - 1
            how_year = "default"
    same = prev is not None and prev.sentence == f.claim.sentence and prev.understood
    if same and prev is not None and prev.kind == "count" and prev.metric == "partners" and year:
        # "went to 22 countries, against 21 in 2019": the partners counted in that year.
        reading = tuple(sorted({**dict(prev.reading), "year": how_year}.items()))
        period = dataclasses.replace(prev.period, year=year)
        return prev.with_(span=f.claim.span, start=f.claim.start, end=f.claim.end,
                          quantity=f.claim.quantity, reading=reading, period=period)  # fmt: skip
    if (prev is None or prev.sentence != f.claim.sentence or prev.aggregation != "each"
            or prev.count is None or not prev.understood or year is None):  # fmt: skip
        return f.claim.with_(understood=False, note="a count of another year set against one "
                             "not read: not checked")  # fmt: skip
    reading = tuple(sorted({**dict(prev.reading), "year": how_year}.items()))
    return prev.with_(span=f.claim.span, start=f.claim.start, end=f.claim.end,
                      count=int(f.claim.quantity.value), reading=reading,
                      period=dataclasses.replace(prev.period, year=year))  # fmt: skip


def _net_change(f: Found, out: list[Claim]) -> Claim:
    """The count of the year before a count said just before, from its net gain (loss).

    "Buyers were found in 22 countries, a net gain of one": 21 countries the year before, in
    the frame of the count before.
    """
    prev = out[-1] if out else None
    q = f.claim.quantity
    assert q is not None
    if (prev is None or prev.sentence != f.claim.sentence or prev.kind != "count"
            or not prev.understood or prev.quantity is None or prev.count is not None):  # fmt: skip
        return f.claim.with_(understood=False, note="a change of a count not read: not checked")
    step = -q.value if f.claim.metric == "net_gain" else q.value
    p = prev.quantity
    then = dataclasses.replace(p, value=p.value + step, lo=p.lo + step, hi=p.hi + step)
    year = prev.period.compare or prev.period.year - 1
    reading = tuple(sorted({**dict(prev.reading), "year": "carried"}.items()))
    return prev.with_(span=f.claim.span, start=f.claim.start, end=f.claim.end, quantity=then,
                      reading=reading, period=Period(year, None, prev.period.months))  # fmt: skip


def _behind_only(text: str, mentions: list[Mention], partners: tuple[str, ...]) -> bool:
    """Whether a sentence opened by a pronoun names the claim's partners only as set against.

    >>> from hitex.report.claims.lexicon import Mention
    >>> t = "It ranked fifth, behind the United States."
    >>> _behind_only(t, [Mention(28, 41, "country", "USA")], ("USA",))
    True
    """
    if not partners or not _PRONOUN_SUBJECT.match(text):
        return False
    theirs = [m for m in mentions if m.value in partners]
    return bool(theirs) and all(_SET_AGAINST.search(text[: m.start]) for m in theirs)


#: A year: four digits from 1900 to 2099, not the whole part of a figure («2035,4 млн долл.») nor
#: a figure of money that looks like one («на 2035 млн долл.», "$2010 million").
_A_YEAR = (
    r"(?<![$€£])\b((?:19|20)\d\d)\b(?![.,]\d)"
    r"(?!\s*(?:млн|млрд|тыс|трлн|million|billion|thousand|mn|bn|m)(?!\w))"
)


def _years_not_dates(text: str) -> list[re.Match[str]]:
    """The years ``text`` names, except those of a date ("3 March 2021": when it was written).

    >>> [m[1] for m in _years_not_dates("Moscow, 3 March 2021. Up 30% on 2019.")]
    ['2019']
    >>> [m[1] for m in _years_not_dates("в 2004 году импорт составил 2035,4 млн долл.")]
    ['2004']
    >>> [m[1] for m in _years_not_dates("в 2004 году ввезли на 2035 млн долл., $2010 million")]
    ['2004']
    """
    dates = [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
    return [m for m in re.finditer(_A_YEAR, text)
            if not any(a <= m.start(1) < b for a, b in dates)]  # fmt: skip


_REVERSED = {"export": "import", "import": "export"}
_OF_FLOW = re.compile(r"\s*(?:of|in|worth of)\s", re.IGNORECASE)


def _pronoun_flow(
    text: str | None,
    s: Sentence,
    at: int,
    end: int | None = None,
    since: int = 0,
    resolved: Sequence[Claim] = (),
) -> tuple[str, str] | None:
    """The flow (and side) a pronoun before the claim at ``at`` of ``s`` stands for, if any.

    Only when ``s`` says the pronoun before any flow word and none before the claim: the flow
    first named by the last sentence of the paragraph before it that is not itself told by a
    pronoun; of a sentence whose claims were read (``resolved``), the flow of its first claim
    ("Look at what Argentina sold Chile. Deliveries came to $2bn. Fuel explains most of it":
    the deliveries are imports). Not a pronoun after the claim, nor one after a claim of its
    own sentence (ending at ``since``): "Paper reached $33.3 million, and it tripled" is the
    paper's trade.

    >>> t = "The trade gap tells the same story. In 2016 it fell to $150 million, and exports rose."
    >>> _pronoun_flow(t, sentences(t)[1], 19)
    ('balance', 'deficit')
    >>> _pronoun_flow(t, sentences(t)[0], 0) is None
    True
    >>> t = "Here is the gap. Paper came to $33.3 million, and it tripled."
    >>> _pronoun_flow(t, sentences(t)[1], 14) is None, _pronoun_flow(t, sentences(t)[1], 35, 42, 28)
    (True, None)
    """
    if text is None or not frames.pronoun_first(s.text):
        return None
    said = frames.pronoun_at(s.text)
    if said is None or said >= at or 0 < since <= said:
        return None
    if any(a < at or (end is not None and a <= end + 14 and _OF_FLOW.match(s.text, end))
           for a, _, _ in frames.flows(s.text)):  # fmt: skip
        return None  # a flow word of its own: before it, or right after ("$86 million of imports")
    before = [x for x in sentences(text) if x.paragraph == s.paragraph and x.start < s.start]
    for x in reversed(before):
        named = frames.flows(x.text)
        if not named:
            continue
        if frames.pronoun_first(x.text):
            continue  # told by a pronoun itself: the trade it stands for is named further back
        # Of a claim with a figure: a bare rise or fall («Разрыв между вывозом и ввозом ... рос»)
        # stands for no trade of its own (the gap, named first, does).
        read = next((c for c in resolved if c.sentence == x.text and c.understood
                     and c.paragraph == s.paragraph and c.how("flow") in CERTAIN
                     and not _bare_direction(c)), None)  # fmt: skip
        if read is not None:
            return read.subject.flow, read.side
        return named[0][1], named[0][2]
    return None


def _bare_direction(c: Claim) -> bool:
    """Whether ``c`` says a direction alone, with no figure ("rose", «сократился»).

    ``parse._direction`` reads it as growth above or below 0%, one bound infinite.
    """
    q = c.quantity
    return q is None or (q.value == 0 and math.isinf(q.hi - q.lo))


#: Nouns and verbs of sending that name no sender: "deliveries", "supplies", "shipments".
_UNDIRECTED = re.compile(r"deliver(?:y|ies|ed)\b|suppl(?:y|ies|ied)\b|shipments?\b|shipped\b",
                         re.IGNORECASE)  # fmt: skip


def _open_flow(
    text: str,
    f: Found,
    previous: Claim | None,
    how: dict[str, str],
    partners: list[Mention],
    own: Sequence[Mention],
) -> bool:
    """Whether the claim's sentence (``text``) leaves the way its goods go to its paragraph.

    Its flow word sends goods with no sender or receiver named in the sentence before the
    figure's end ("Deliveries climbed to $2,035 million"), or it says no flow word and is the
    first claim of its paragraph ("Fuel came to $917 million").
    """
    end = f.claim.end - f.sentence.start
    said = frames.flows(text)
    before = [a for a, _, _ in said if a < end]
    at = before[-1] if before else next((a for a, _, _ in said if a >= end), None)
    if at is None:
        return previous is None and how.get("flow") in ("default", "carried")
    if not _UNDIRECTED.match(text, at):
        return False
    return not any(m.start < max(end, at) for m in (*partners, *own))


def _frame_flow(lexicon: Lexicon, own: set[str], c: Context, before: str) -> str | None:
    """The way the last flow word of ``before`` (the paragraph before a claim) sends goods.

    "Look at what Argentina sold Chile": the partner sells, the reporter imports; "Chile's
    sales to Argentina": exports. ``None`` when it names no exports or imports.
    """
    found = frames.flows(before)
    if not found or found[-1][1] not in ("export", "import"):
        return None
    a, flow, _ = found[-1]
    mentions = lexicon.find_partners(before)
    partners = [m for m in mentions if m.value not in own]
    mine = [m for m in mentions if m.value in own]
    end = len(before)
    if flow == "export" and (
        _partner_sells(before, partners, a, mine)
        or sold_to_reporter(before, end, a, mine)
        or _reporter_buys(before, end, c, partners)
        or _partners_exports(before, end, partners, mine)
        or _own_buyers(before, end, c)
    ):
        return "import"
    return flow


def _paragraph_before(text: str | None, s: Sentence) -> str:
    """The words of ``s``'s paragraph before it."""
    before = [x.text for x in sentences(text or "") if x.paragraph == s.paragraph
              and x.start < s.start]  # fmt: skip
    return " ".join(before)


def _years_named_before(text: str, s: Sentence) -> set[int]:
    """The years the nearest sentence before ``s`` in its paragraph that names years names.

    >>> t = "Exports were $1.4 bn in 2018 and $4.5 bn in 2021. Imports rose from $1.75 bn."
    >>> sorted(_years_named_before(t, sentences(t)[1]))
    [2018, 2021]
    """
    before = [x for x in sentences(text) if x.paragraph == s.paragraph and x.start < s.start]
    for x in reversed(before):
        years = {int(m[1]) for m in _years_not_dates(x.text)}
        if years:
            return years
    return set()


def _year_before(text: str, s: Sentence, out: Sequence[Claim]) -> int | None:
    """The year the sentence before ``s`` in its paragraph is about, if it names one.

    The latest of the years its claims were read with and the years it names that are no base
    ("since 2018", "compared with 2019"). None when no sentence before it in the paragraph
    names a year.

    Examples
    --------
    >>> t = "Скачок 2019 года. Импорт вырос на 64%."
    >>> _year_before(t, sentences(t)[1], [])
    2019
    """
    before = [
        *_replied(text, s),
        *(x for x in sentences(text) if x.paragraph == s.paragraph and x.start < s.start),
    ]
    for x in reversed(before):
        years = _years_not_dates(x.text)
        mine = [c.period.year for c in out if c.sentence == x.text and c.understood]
        if not years and mine and (_FINAL_YEAR.search(x.text) or _LAST_YEAR.search(x.text)):
            # "In its final year exports stood at $4.5 billion. The shortfall shrank to $86
            # million": the sentence before is of the article's year, though it names none.
            return max(mine)
        if not years:
            continue
        bases = {m.start("y") if m["y"] else m.start("y2") for m in _COMPARE.finditer(x.text)}
        remarks = _remarks(x.text)
        own = [int(m[1]) for m in years if m.start(1) not in bases
               and not _BASE_SAID.search(x.text[max(0, m.start(1) - 40) : m.start(1)])
               and not any(a <= m.start(1) < b for a, b in remarks)]  # fmt: skip
        return max([*mine, *own]) if mine or own else None
    return None


#: The kinds whose year a sentence naming only a base takes from the sentence before.
_GOES_ON = ("amount", "share", "growth", "multiple", "change")
#: Words that date a figure to the time of writing: "now", "today", «сейчас».
#: Words that date a figure to the time of the text: "now", "today('s)", "currently", "this
#: year", «сейчас», «сегодня», «ныне», «в этом году», «в текущем году», «на сегодня».
_PRESENT = re.compile(
    r"\b(?:now|today|currently|nowadays|at present|these days|this year)\b|"
    r"(?<!\w)(?:сейчас|ныне|сегодня|нынче|в этом году|в нынешнем году|в текущем году|"
    r"в настоящее время|на сегодня\w*)(?!\w)",
    re.IGNORECASE,
)


def said_now(sentence: str, at: tuple[int, int]) -> bool:
    """Whether the words up to the end of the clause of ``at`` date it to the text's time.

    Not when the sentence names a year of its own, nor "by now"/"until now" (a span's end).

    >>> said_now("Зато дефицит сейчас — 86 млн, минимальный с 2001 года.", (22, 28))
    True
    >>> said_now("Exports have grown 86% since 2018 up to now.", (19, 22))
    False
    """
    _, hi = _clause_bounds(sentence, at)
    head = sentence[:hi]
    m = _PRESENT.search(head)
    if m is None or re.search(r"\b(?:by|until|till|up to|до|по)\s+$", head[: m.start()], re.I):
        return False
    # "the smallest since 2001", «минимальный с 2001 года»: a year a record or a change reaches
    # back to is no year of its own.
    since = {int(y) for y in re.findall(r"(?:\bsince|(?<!\w)с)\s+((?:19|20)\d\d)\b", sentence,
                                        re.IGNORECASE)}  # fmt: skip
    return not set(_years_of(sentence)) - since


_NOW = re.compile(r"\b(?:now|today|currently|these days|is|are|has|have)\b|(?<!\w)(?:сейчас|"
                  r"теперь|ныне|сегодня|нынче)(?!\w)", re.IGNORECASE)  # fmt: skip


def _only_bases(sentence: str) -> bool:
    """Whether every year ``sentence`` names is the base of a change ("60% above 2001").

    Not a base a run reaches back to ("since 2001": up to the time of writing), nor a span.

    >>> _only_bases("Yes, 990 million, roughly 60% above 2001."), _only_bases("Up 60% since 2001.")
    (True, False)
    >>> _only_bases("In 2010 it was 60% above 2001."), _only_bases("It rose 5%.")
    (False, False)
    """
    years = _years_not_dates(sentence)
    bases = [
        m
        for m in _COMPARE.finditer(sentence)
        if not _RECORDS_SINCE.search(sentence[max(0, m.start() - 40) : m.start()])
    ]
    at = {m.start("y") if m["y"] else m.start("y2") for m in bases}
    if not years or any(re.match(r"since|с\b", m.group(), re.IGNORECASE) for m in bases):
        return False
    return _FROM_TO.search(sentence) is None and all(m.start(1) in at for m in years)


#: "by 2010", «к 2008-му», «к 2008 году»: the year a change was reached by.
_BY_YEAR = re.compile(r"(?:\bby|(?<!\w)к)\s+(?P<y>(?:19|20)\d\d)(?:-му|\s*году|\s*г\.)?(?!\w)",
                      re.IGNORECASE)  # fmt: skip


def _clause_end(text: str, at: int) -> int:
    """How far after ``at`` the clause of a figure there goes on (to the next turn)."""
    turn = _TURN.search(text, at)
    return (len(text) if turn is None else turn.start()) - at


def _year_told_before(text: str, s: Sentence, year: int) -> int | None:
    r"""The latest year before ``year`` that the nearest sentence before ``s`` naming one names.

    >>> t = "In 2001 sales were $620m.\n\nYears passed. By 2008 they had grown 55%."
    >>> _year_told_before(t, sentences(t)[2], 2008)
    2001
    """
    for x in reversed([x for x in sentences(text) if x.start < s.start]):
        years = [int(m[1]) for m in _years_not_dates(x.text) if int(m[1]) < year]
        if years:
            return max(years)
    return None


def _replied(text: str, s: Sentence) -> list[Sentence]:
    r"""The last sentence of the speaker's turn before ``s``'s, when ``s`` is in a dialogue.

    "MR LIMA: In 2012 imports were under $2 billion.\nMINISTER: Yes, $1.9 billion, 40% above
    2005": a reply goes on from the words it answers, across the turn.

    >>> t = "ANNA: In 2012 sales fell.\n\nIGOR: Yes, 40% above 2005."
    >>> [x.text for x in _replied(t, sentences(t)[1])]
    ['ANNA: In 2012 sales fell.']
    >>> _replied("In 2012 sales fell.\n\nYes, 40% above 2005.", sentences(
    ...     "In 2012 sales fell.\n\nYes, 40% above 2005.")[1])
    []
    """
    every = sentences(text)
    mine = [x for x in every if x.paragraph == s.paragraph]
    turn = [x for x in every if x.paragraph == s.paragraph - 1]
    if not mine or not turn or _SPEAKER.match(mine[0].text) is None:
        return []
    return turn[-1:] if _SPEAKER.match(turn[0].text) else []


#: A year set against ("превышал январь 2019-го", "exceeded January 2019", «против 2019 г.»): a
#: base, not the year the sentence is about.
_BASE_SAID = re.compile(
    r"(?:превыша\w*|превыси\w*|превзош\w*|exceed\w*|против|чем|than|against)\s+"
    r"(?:[^\W\d]+\s+){0,2}$",
    re.IGNORECASE,
)


#: "China, Korea and Japan together supply 55%", «вместе обеспечивают 55% импорта»: the sum of
#: the partners named, whatever "each" another clause of the sentence says.
_TOGETHER = re.compile(r"\b(?:together|combined|between them|jointly|in total)\b|(?<!\w)(?:вместе|"
                       r"в сумме|суммарно|совокупно|в совокупности|в общей сложности)(?!\w)",
                       re.IGNORECASE)  # fmt: skip


def _semicolon_clause(text: str, at: tuple[int, int]) -> str:
    """The part of ``text`` between the semicolons around the figure ``text[at[0]:at[1]]``.

    «...и каждый из пяти превышает 250 млн; что Китай, Корея и Япония вместе обеспечивают 55%
    импорта»: the "each" of the clause before says nothing of the 55%.
    """
    end = text.find(";", at[1])
    return text[text.rfind(";", 0, at[0]) + 1 : end if end >= 0 else len(text)]


def _after_colon(text: str, at: int) -> str:
    """The words before ``at`` from the last colon: what a colon opens is a statement of its own.

    "По каждой из трёх позиций страна ввозит больше: по микросхемам дефицит составил 43 млн"
    says no "each" of the deficit.
    """
    return text[text.rfind(":", 0, at) + 1 : at]


def _span_before(text: str, s: Sentence) -> tuple[int, int] | None:
    """The span of years of the sentence before ``s`` in its paragraph ("с 2011 по 2016 год").

    None when the nearest sentence before it that names a year names no span.

    Examples
    --------
    >>> t = "С 2011 по 2016 год экспорт вырос на 22%. Импорт рос медленнее — на 15%."
    >>> _span_before(t, sentences(t)[1])
    (2011, 2016)
    """
    before = [x for x in sentences(text) if x.paragraph == s.paragraph and x.start < s.start]
    for x in reversed(before):
        if _FINAL_YEAR.search(x.text) or _LAST_YEAR.search(x.text):
            return None  # "In its final year ...": the span before it has ended
        if re.search(r"\b(?:19|20)\d\d\b", x.text):
            span = _FROM_TO.search(x.text)
            return None if span is None else (int(span["a"]), int(span["b"]))
    return None


#: A pronoun that goes on about a subject said before ("They came to", «он прибавил»).
_PRONOUN = re.compile(r"(?<!\w)(?:they|it|its|their|them|он|она|оно|они|его|её|ее|их)(?!\w)",
                      re.IGNORECASE)  # fmt: skip


def _continues(text: str, s: Sentence) -> bool:
    """Whether ``s`` goes on, by a pronoun, about the trade the sentence before it names.

    >>> t = "Fourth-quarter exports were misreported. They came to $651.7 million."
    >>> _continues(t, sentences(t)[1]), _continues("Rain fell. It came to 5 mm.", sentences(
    ...     "Rain fell. It came to 5 mm.")[1])
    (True, False)
    """
    if _PRONOUN.search(s.text) is None:
        return False
    before = [x for x in sentences(text) if x.paragraph == s.paragraph and x.start < s.start]
    return bool(before) and trade_words(before[-1].text)


def _text_trade(text: str, s: Sentence) -> bool:
    r"""Whether the text before ``s`` (its headline, lead or paragraphs) speaks of trade.

    >>> t = "Moscow's exports in 2020.\n\nThe total is $2,403.8 million."
    >>> _text_trade(t, sentences(t)[1]), _text_trade("Rain fell. It came to 5 mm.", sentences(
    ...     "Rain fell. It came to 5 mm.")[1])
    (True, False)
    """
    return any(trade_words(x.text) for x in sentences(text) if x.start < s.start)


def _text_flow(text: str, s: Sentence) -> str | None:
    r"""The one flow (exports or imports) the nearest sentence before ``s`` naming flows names.

    >>> t = "Exports rose. Portugal's imports in 2021.\n\nThe total came to $4.6 billion."
    >>> _text_flow(t, sentences(t)[2])
    'import'
    >>> t = "Exports and imports in 2021.\n\nThe total came to $4.6 billion."
    >>> _text_flow(t, sentences(t)[1]) is None
    True
    """
    for x in reversed([x for x in sentences(text) if x.start < s.start]):
        said = {flow for _, flow, _ in frames.flows(x.text)}
        if said:
            return said.pop() if len(said) == 1 and said <= {"export", "import"} else None
    return None


#: A speaker's label opening a paragraph of a dialogue: «ИГОРЬ: », "ANNA: ", and a chat's
#: timestamped line «[09:16] Денис Ли: ».
_SPEAKER = re.compile(r"^(?:[A-ZА-ЯЁ][A-ZА-ЯЁ.\- ]{1,30}|\[\d{1,2}:\d\d\]\s*[^:\n]{1,40}):\s")
#: How many lines back a chat's reply may go on about the trade said: a question («а по
#: странам?») and answers come between.
_CHAT_BACK = 4


def _replies(text: str, s: Sentence) -> bool:
    r"""Whether ``s`` is in a speaker's reply that goes on about the trade said just before.

    >>> t = "АННА: Экспорт вырос до 2,4 млрд долл.\n\nИГОРЬ: То есть прибавка почти 555 млн."
    >>> _replies(t, sentences(t)[1])
    True
    """
    paragraph = [x for x in sentences(text) if x.paragraph == s.paragraph]
    if not paragraph or _SPEAKER.match(paragraph[0].text) is None:
        return False
    # A chat's lines go on about the trade of the lines just before (a question between).
    back = _CHAT_BACK if paragraph[0].text.startswith("[") else 1
    before = [x for x in sentences(text) if s.paragraph - back <= x.paragraph < s.paragraph]
    return bool(before) and any(trade_words(x.text) for x in before)


#: A speaker's label in any case ("External examiner: ", "Candidate: ").
_LABEL = re.compile(r"[A-ZА-ЯЁ][\w .'’()-]{0,30}:\s")


def _asked_flow(before: str) -> str | None:
    r"""The one flow a question names in the line before a reply that holds the figure.

    >>> _asked_flow("Examiner: Imports?\n\nCandidate: In 2021, ")
    'import'
    >>> _asked_flow("Examiner: Exports or imports?\n\nCandidate: In 2021, ") is None
    True
    """
    lines = [x.strip() for x in before.split("\n") if x.strip()]
    if len(lines) < 2 or not _LABEL.match(lines[-1]) or not lines[-2].endswith("?"):
        return None
    if not _LABEL.match(lines[-2]) or frames.flows(lines[-1]):
        return None
    said = {flow for _, flow, _ in frames.flows(lines[-2])}
    return said.pop() if len(said) == 1 and said <= {"export", "import", "turnover"} else None


#: An item of a list: a line opening with a dash, a bullet or a number ("- ", "• ", "2) ").
_ITEM = re.compile(r"\s*(?:[-–—•*]|\d{1,2}[.)])\s")
#: An item of goods and its figure after a dash, with no bullet: «газ — 612,6;».
_DASH_ITEM = re.compile(r"\s*[^\W\d][^\d—–:\n]{0,50}?\s[—–]\s")
_NUMBERED = re.compile(r"\s*\d{1,2}[.)]\s+")


def _heading_flow(before: str) -> str | None:
    r"""The one flow the short heading opening the paragraph of ``before`` names, if so.

    "Highlights of the outbound pages. Paper and paperboard head the list": a first sentence
    of at most six words, no figure, one flow word (exports or imports), and no other flow
    said in the paragraph before the claim.

    >>> _heading_flow("Imports fell.\n\nHighlights of the outbound pages. Paper trebled to ")
    'export'
    >>> _heading_flow("Ввоз.\nТопливо подорожало, до ")
    'import'
    >>> _heading_flow("On the export side the year was quiet. Fuel came to ") is None
    True
    """
    para = re.split(r"\n\s*\n", before)[-1]
    head = re.match(r"\s*([^.!?:\n]{3,80})(?:[.!?:]|\s*\n)", para)
    if head is None or re.search(r"\d", head[1]) or len(head[1].split()) > 6:
        return None
    said = {flow for _, flow, _ in frames.flows(head[1])}
    if len(said) != 1 or not said <= {"export", "import"}:
        return None
    rest = {flow for _, flow, _ in frames.flows(para[head.end() :])}
    return said.pop() if rest <= said else None


def _listed_flow(before: str) -> str | None:
    r"""The one flow the heading of the list whose item holds the figure names.

    «По импорту:» over items «- машины (84) — 51,2 млн»: each item goes on with imports, not
    with the flow of the list before it.

    >>> _listed_flow("По экспорту:\n\n- бумага — 33 млн;\n- машины (84) — ")
    'export'
    >>> _listed_flow("Imports fell.\n\n- paper: ") is None
    True
    >>> _listed_flow("2. Что мы ввозим.\n— бумага — 33 млн;\n— машины (84) — ")
    'import'
    """
    lines = [x for x in before.split("\n") if x.strip()]
    if len(lines) >= 2 and _DASH_ITEM.match(lines[-1]):
        # «газ — 612,6;» under «крупнейшие позиции импорта 2004 года, млн долл.:»: items of
        # goods and their figures after a dash, under a heading that names the flow and unit.
        i = len(lines) - 2
        while i >= 0 and _DASH_ITEM.match(lines[i]) and lines[i].rstrip().endswith(";"):
            i -= 1
        head = lines[i].strip() if i >= 0 else ""
        if head.endswith(":") and len(head) <= 120:
            said = {flow for _, flow, _ in frames.flows(head.rsplit(":", 2)[-2])}
            return said.pop() if len(said) == 1 and said <= {"export", "import"} else None
    if len(lines) < 2 or not _ITEM.match(lines[-1]):
        return None
    numbered = _NUMBERED.match(lines[-1]) is not None
    i = len(lines) - 2
    while i >= 0 and _ITEM.match(lines[i]) and (_NUMBERED.match(lines[i]) is not None) == numbered:
        i -= 1
    head = lines[i].strip() if i >= 0 else ""
    title = _NUMBERED.match(head) if not numbered else None
    if title is not None and len(head) <= 60 and not re.search(r"\d", head[title.end() :]):
        # «3. Что мы ввозим.» over items «— Зерновые: 152,5 млн»: a numbered section's title
        # is the heading of the dashed list under it.
        head = head[title.end() :].rstrip(".") + ":"
    if not head.endswith(":") or len(head) > 40:
        return None
    said = {flow for _, flow, _ in frames.flows(head)}
    return said.pop() if len(said) == 1 and said <= {"export", "import"} else None


def _asked(text: str, s: Sentence) -> bool:
    """Whether the paragraph before ``s``'s is a question on trade, which ``s`` answers.

    An interview's answer ("We closed the year at $2.4 billion") goes on about the trade its
    question names ("How did the city's exporters end 2020?").
    """
    before = [x.text for x in sentences(text) if x.paragraph == s.paragraph - 1]
    if bool(before) and before[-1].endswith("?") and any(trade_words(x) for x in before):
        return True
    # «Насколько вырос экспорт за двадцать лет? Ответ: в 2001 году — 620 млн долларов»: the
    # question right before it in its own paragraph.
    mine = [x.text for x in sentences(text) if x.paragraph == s.paragraph and x.start < s.start]
    return bool(mine) and mine[-1].endswith("?") and bool(trade_words(mine[-1]))


#: "Three years later", "три года спустя", "через три года".
#: The year a record of the changes names right after it ("the only fall in the series is 2009").
_RECORD_YEAR = re.compile(
    r"\s*(?:,\s*)?(?:is|was|came in|came|occurred in|in|—|–|-|:|(?:в|во)(?!\w)|"
    r"пришё?е?л(?:ся|ось|ась) на|пришлось на)\s*(?:in\s+)?"
    r"((?:19|20)\d\d)\b(?:['’]s)?"
)

_LATER = re.compile(r"\b(?P<n>two|three|four|five|\d) years later\b|(?:спустя|через) "
                    r"(?P<n2>два|три|четыре|пять|\d) (?:года|лет)|(?<!\w)(?P<n3>два|три|четыре|"
                    r"пять|\d) (?:года|лет) спустя", re.IGNORECASE)  # fmt: skip
#: A sentence that opens with "then": its year is the one the sentence before names.
#: "Then imports jumped 38%": at that time; not "Then comes food": next in a list.
_THEN = re.compile(r"(?:[^.!?]{0,40}\.\s+)?(?:Тогда|At that time|That year|"
                   r"Then(?!,?\s+(?:comes?|came|follows?|followed)\b))\b")  # fmt: skip


def _year_named_before(text: str, s: Sentence) -> int | None:
    r"""The one year the nearest sentence before ``s`` that names years names, if only one.

    >>> t = "А как было в 2003 году?\n\nТогда импорт подскочил на 38%."
    >>> _year_named_before(t, sentences(t)[1])
    2003
    """
    for x in reversed([x for x in sentences(text) if x.start < s.start]):
        years = {m[1] for m in _years_not_dates(x.text)}
        if years:
            return int(years.pop()) if len(years) == 1 else None
    return None


#: A base said by reference: "since then", «с тех пор»; or the span of the claim before ("over
#: the same period", «за тот же период»).
_SAME_PERIOD = re.compile(
    r"\b(?:over|in|during|across) (?:the same|that same|this same) (?:period|decade|span|stretch|"
    r"years|time)\b|"
    r"за (?:тот же|этот же|этот|то же|это же|тот самый|то самое|те же|эти же) (?:самый |самое )?"
    r"(?:период|десятилетие|срок|время|промежуток|отрезок|годы)(?!\w)",
    re.IGNORECASE,
)


def _same_period_before(
    sentence: str, at: tuple[int, int], out: Sequence[Claim], kind: str
) -> Claim | None:
    """The change said before ``at`` in ``sentence`` whose span "the same period" at ``at`` is.

    Only a change read with a certain year and base, and only when the claim's own clause says
    "over the same period" («за то же десятилетие») and names no year of its own.
    """
    if kind not in ("growth", "multiple", "change"):
        return None
    lo, hi = _clause_bounds(sentence, at)
    if not _SAME_PERIOD.search(sentence, lo, hi) or _own_years(sentence, at):
        return None
    prior = next((x for x in reversed(out) if x.sentence == sentence and x.understood), None)
    if (prior is None or prior.kind not in ("growth", "multiple", "change")
            or prior.period.compare is None or prior.how("year") not in CERTAIN
            or prior.how("base") not in CERTAIN):  # fmt: skip
        return None
    return prior


#: "over the decade", "over that decade", «за это десятилетие»: a decade named before (not
#: "the last decade", "the past decade": the ten years to the article's year).
_THE_DECADE = re.compile(
    r"\b(?:over|in|during|across) (?:the|that|this) decade\b(?!\s+(?:ago|to|up to|before|"
    r"since)\b)|за (?:это|то) десятилетие",
    re.IGNORECASE,
)


def _decade_before(text: str, s: Sentence) -> tuple[int, int] | None:
    r"""The decade the nearest sentence before ``s`` naming years spans, or ``None``.

    "From $700 million in 2003 to $1,120 million in 2013": (2003, 2013).

    >>> t = "Sales went from $700m in 2003 to $1,120m in 2013. Why?\n\nUp over the decade."
    >>> _decade_before(t, sentences(t)[2])
    (2003, 2013)
    >>> t = "Sales were $4.5bn in 2021.\n\nThey grew 60% over the decade."
    >>> _decade_before(t, sentences(t)[1]) is None
    True
    """
    for x in reversed([x for x in sentences(text) if x.start < s.start][-3:]):
        years = sorted(set(_years_of(x.text)))
        if years:
            return (years[0], years[-1]) if years[-1] - years[0] == 10 else None
    return None


#: «за эти годы», "over these years": the span of a sentence before, not read.
_THESE_YEARS = re.compile(r"за (?:эти|те же|эти же) (?:(?P<n2>\w+) )?(?:годы|года|лет)(?!\w)|"
                          r"\b(?:over|in|during) (?:these|those|the same) (?:(?P<n>\w+) )?years\b",
                          re.IGNORECASE)  # fmt: skip
_SINCE_THEN = re.compile(r"\bsince then\b|с тех пор|" + _SAME_PERIOD.pattern, re.IGNORECASE)
#: A list of partners in brackets or after a colon or dash, right after a rank's words.
_LISTED = re.compile(r"(?:\s+\w+){0,2}?\s*(?:\([^()]{3,200}\)|[:—–]\s*[^.;:]{3,200})")
#: The verb between a place and the partner after it that holds it.
_HOLDS_PLACE = re.compile(r"\s*(?:[—–]\s*)?(?:занима\w*|занял\w*|принадлежит|досталось|у|went to|"
                          r"belongs to|is held by|was held by)\s+", re.IGNORECASE)  # fmt: skip
#: A share of several goods named before: "their joint share", «их совокупная доля».
_THEIR_JOINT = re.compile(
    r"\btheir\s+(?:joint|combined|total|aggregate)\s+share\b|"
    r"(?<!\w)их\s+(?:совокупн|общ|суммарн)\w*\s+дол",
    re.IGNORECASE,
)
#: A place said with «на» before the words that hold it: «на втором месте», «на третьем».
_AT_PLACE = re.compile(r"(?<!\w)[Нн]а\s+\w+(?:ом|ем|ьем)(?:\s+месте)?$")
#: The goods' own words before the code that glosses them («машины (8471)»).
_GLOSSED_WORDS = r"(?:[^\W\d][\w-]*\s+){0,3}\(?"
#: What may stand between such a place and the goods that hold it: a dash, and their words.
_PLACE_GAP = re.compile(r"\s*(?:[—–]\s*)?" + _GLOSSED_WORDS)
#: A place and its flow before a dash, then what holds it: «Крупнейшая позиция импорта — газ
#: (2711), вторая — нефтепродукты (2710)».
_PLACE_DASH = re.compile(r"(?:\s+(?:импорта|экспорта|ввоза|вывоза))?\s*[—–]\s*" + _GLOSSED_WORDS)
#: Partners counted as sellers to the reporter.
_SUPPLIERS = re.compile(r"\b(?:suppliers?|import origins|origins)\b|поставщик", re.IGNORECASE)
_MARKETS = re.compile(r"\b(?:markets?|buyers?|destinations?|customers?)\b|"
                      r"(?<!\w)рын(?:ок|ка|ку|ком|ке)|покупател", re.IGNORECASE)  # fmt: skip
_MARKET_NEXT = re.compile(r"\s+(?:export\s+)?(?:markets?|buyers?|destinations?|customers?)\b",
                          re.IGNORECASE)  # fmt: skip
#: "the third-largest supplier", «третий поставщик»: the noun right after a place.
_SUPPLIER_NEXT = re.compile(r"\s+(?:import\s+)?(?:suppliers?|sources?|поставщик\w*)(?!\w)",
                            re.IGNORECASE)  # fmt: skip
_BUYERS = re.compile(
    # "fourteen markets": sold to (not "import markets", "supplier markets").
    r"\b(?:destinations|buyers)\b|(?<!import )(?<!supply )(?<!supplier )(?<!sourcing )"
    r"\b(?:export\s+)?markets\b|покупател|получател",
    re.IGNORECASE,
)
#: What separates the partners of a list, and a list from the words that sum it up.
_LIST_GAP = re.compile(r"\s*(?:,|and|и|—|–)?\s*(?:and|и)?\s*", re.IGNORECASE)
#: "That year", "в том же году": the year of the claim before.
#: "$217 million each month", «217 млн ежемесячно»: said of each month after the figure.
_EACH_MONTH = re.compile(r"\s*(?:(?:in\s+)?(?:each|every) month\b|ежемесячно\b|каждый месяц\b)",
                         re.IGNORECASE)  # fmt: skip


#: The months of the figure before: "those same months", «те же месяцы».
_SAME_MONTHS = re.compile(r"\b(?:those|these|the) same months\b|(?<!\w)(?:те|эти) же месяц",
                          re.IGNORECASE)  # fmt: skip
#: "each" or "apiece" right after a figure («по 191,9 млн каждый»).
_EACH_AFTER = re.compile(r"\s*(?:each|apiece|каждый)\b", re.IGNORECASE)
#: Months named as the things counted: "the first eight months", "those same months",
#: «первые восемь месяцев».
_MONTHS_WORD = re.compile(r"\bmonths\b|(?<!\w)месяц(?:ев|а|ы)(?!\w)", re.IGNORECASE)

_THAT_YEAR_AFTER = re.compile(r"\s+(?:in\s+)?(?:that|the same) year\b", re.IGNORECASE)
#: «Дефицит того года, 190 млн»: the genitive too.
_THAT_YEAR = re.compile(r"\b(?:that|the same) year\b|в (?:том же|тот же|этом же|тот) год|"
                        r"(?<!\w)(?:того|этого)(?:\s+же)?\s+года(?!\w)", re.IGNORECASE)  # fmt: skip
#: "$675 million more from the Netherlands than it spent there": exports beyond imports.
_MORE_THAN_SPENT = re.compile(r"\s+more\b[^,;.]{0,60}?\bthan\b[^,;.]{0,15}?\b(?:spent|bought|paid|"
                              r"imported|purchased)\b", re.IGNORECASE)  # fmt: skip


#: A singular pronoun right before a figure: «у неё ровно 250 млн», «на него — 40%».
_ITS = re.compile(r"(?<!\w)(?:у|на|с|для)\s+(?:неё|нее|него|ней|нем|нём)\s+(?:[^\W\d]+\s+){0,2}$",
                  re.IGNORECASE)  # fmt: skip


#: A possessive right before a figure: "India's 63% rise", "Japan's exports of $512m".
_OWNS = re.compile(r"['’]s\s+(?:[^\W\d]+\s+){0,2}(?:[$€£]\s?)?")


def lo_clause(text: str, start: int) -> int:
    """Where the clause of a claim starting at ``start`` begins (after the last turn before)."""
    cuts = [m.end() for m in _TURN.finditer(text, 0, start)]
    return cuts[-1] if cuts else 0


#: Where a sentence turns to another subject: "..., but", "; ", ", while", ", а".
_TURN = re.compile(r";|,\s*(?:but|while|whereas|and|а|но|и|тогда как)\b|"
                   # «а Франция сократила закупки, Япония же с 511,7 млн обошла Китай»: a
                   # clause whose topic is set against the one before by «же».
                   r",\s*(?=[^\W\d]+\s+же\b)|"
                   r"\s(?:but|while|whereas|но)\s", re.IGNORECASE)  # fmt: skip
#: A sentence that states something (a verb), not a heading that sets the topic ("Chile's
#: exports to Argentina in 2004."): its partner may be the subject of the sentence after it.
_STATES = re.compile(
    r"\b(?:is|are|was|were|has|have|had|said|says|states?|stated|claims?|claimed|reports?|"
    r"reported|shows?|showed|notes?|noted|remains?|remained)\b|(?<!\w)(?:указан\w*|сказано|"
    r"говорится|утверждает\w*|заявля\w*|заявил\w*|отмечает\w*|является|являются|был[аио]?|"
    r"стал[аио]?|остаётся|остается|остаются)(?!\w)", re.IGNORECASE)  # fmt: skip
#: A figure said per month: "$217 million a month", "по 18 млн долларов в месяц".
_PER_MONTH = re.compile(r"\s*(?:(?:in\s+)?(?:a|per|each|every) month\b|monthly\b|в месяц\b|"
                        r"ежемесячно\b|в среднем в месяц\b)", re.IGNORECASE)  # fmt: skip


#: "every month brought in about $217 million", "every single month", "each of the last four
#: months roughly $217m", «в каждом из последних четырёх месяцев»: said per month before the
#: figure.
_MONTHLY = re.compile(r"\b(?:every|each)\s+(?:single\s+)?month\b|"
                      r"\b(?:each|every one) of (?:the|those|these)\s+(?:[\w-]+\s+){0,3}months\b|"
                      r"ежемесячн\w*|каждый месяц|(?:в\s+)?каждом из\s+(?:\w+\s+){0,3}месяц\w*",
                      re.IGNORECASE)  # fmt: skip


_RESPECTIVELY = re.compile(
    r"\brespectively\b|\bсоответственно\b|"
    # «у Кореи и Японии — 366,9 и 321,0 млн»: two figures joined by "and" after two partners.
    r"(?:\b(?:and|и)\s+(?-i:[A-ZА-ЯЁ])\w+\s*[—–:]\s*|(?-i:[A-ZА-ЯЁ])\w+\s+(?:and|и)\s+(?-i:[A-ZА-ЯЁ])\w+"
    r"\s+\w+\s+)(?:US\$|\$)?\d[\d\s]*(?:[.,]\d+)?\s+(?:и|and)\s+(?:US\$|\$)?\d",
    re.IGNORECASE)  # fmt: skip
#: Two figures set side by side in brackets, of two subjects named before: «Индия выросла
#: сильнее Китая (63% против 22%)», "India outgrew China (63% vs 22%)" (no year in them: "22% a
#: year earlier" is of another year).
_PAIRED = re.compile(
    r"\((?![^()]*(?:(?:19|20)\d\d|год|year|earlier|before|ранее|прежде))[^()]*?\d[^()]*?\s+"
    r"(?:против|vs\.?|versus|against)\s+[^()]*?\d[^()]*\)",
    re.IGNORECASE,
)


def _respectively(claims: list[Claim]) -> list[Claim]:
    """Figures said "respectively" of as many partners: the i-th figure is the i-th partner's.

    "Japan and Korea took $180 million and $160.2 million respectively"; two figures set side
    by side in brackets after two partners («Индия выросла сильнее Китая (63% против 22%)»).
    """
    out = list(claims)
    groups: dict[tuple[str, str, tuple[str, ...]], list[int]] = {}
    for i, c in enumerate(claims):
        if (c.understood and len(c.subject.partners) > 1
                and (_RESPECTIVELY.search(c.sentence) or _PAIRED.search(c.sentence))):  # fmt: skip
            groups.setdefault((c.sentence, c.kind, c.subject.partners), []).append(i)
    for (_, _, partners), idx in groups.items():
        if len(idx) != len(partners):
            continue
        for i, p in zip(idx, partners, strict=True):
            c = claims[i]
            how = {**dict(c.reading), "partners": "read"}
            out[i] = c.with_(subject=dataclasses.replace(c.subject, partners=(p,)),
                             aggregation="sum", count=None,
                             reading=tuple(sorted(how.items())))  # fmt: skip
    return out


def _unnamed(
    claim: Claim,
    lexicon: Lexicon,
    text: str | None,
    f: Found,
    partners: list[Mention],
    own: set[str],
) -> Claim:
    """A claim on "the three countries": of the three the paragraph named, or unverifiable.

    The paragraph must have named exactly that many countries before it.
    """
    s = f.sentence
    end = f.claim.end - s.start
    unnamed = _UNNAMED.search(s.text[f.segment[0] : end])
    these = (unnamed.start(), _count_in(unnamed.group())) if unnamed and unnamed["these"] else None
    # «Нидерланды, Германия, Франция, Испания, Штаты — это пятёрка, у неё 62% экспорта»: a noun
    # that counts the partners just named (the grammar's ``collectives``).
    these = these or frames.collective(s.text[f.segment[0] : end])
    if claim.understood and these is not None and claim.kind not in ("count", "rank"):
        # "China ..., Japan ...; together with Germany these three took more than half": the
        # partners named up to the pronoun, when they are as many as it counts.
        them = _referents(lexicon, text, s, f.segment[0] + these[0], own, these[1])
        mine = {m.value for m in _in(partners, f.segment[0], end) if m.kind == "country"}
        if them and mine <= set(them):
            p = claim.subject
            return claim.with_(subject=Subject(p.reporter, p.flow, them, None, p.products))
        return claim.with_(
            understood=False, note="unverifiable: the text does not name the partners it sums"
        )
    if (not claim.understood or _in(partners, f.segment[0], end) or unnamed is None
            or claim.kind == "count"):  # fmt: skip
        # "exports to 14 countries": the count of partners is the claim, not its subject.
        return claim
    them = _referents(lexicon, text, s, f.segment[0], own, _count_in(unnamed.group()))
    if them:
        p = claim.subject
        claim = claim.with_(subject=Subject(p.reporter, p.flow, them, None, p.products))
        if frames.each_in(s.text):
            # "Those five markets each bought more than $250 million": every one, not the sum.
            claim = claim.with_(aggregation="each", count=len(them))
        return claim
    why = "unverifiable: the text does not name the partners it sums"
    return claim.with_(understood=False, note=why)


#: A partner or a month the sentence speaks of without naming it, as its subject: a
#: crossword's clue, a riddle ("A country whose purchases rose 60%", «Страна, чьи закупки
#: выросли с 40 до 56,3 млн», «Азиатская страна, купившая ...», "one of the buyers", «один из
#: покупателей», «Месяц, с которого продажи поднялись ...», "one month"). Russian has no
#: article: «Страна» is unknown only before a clause that describes it (whose, which, a
#: participle), at the start of the sentence or of a numbered clue.
_SOME_ONE = re.compile(
    r"^\W*(?:\d{1,3}\s*[.)]\s*)?(?:"
    # English: an article or "one" before the noun.
    r"(?:(?:an?|one|another|some)\s+(?:[A-Za-z]+(?:an|ish|ese)\s+)?"
    r"(?P<partner_en>country|nation|market|buyer|customer|partner|supplier|destination)"
    r"|(?P<month_en>(?:one|a) month|(?:one|a) quarter(?!\s+of\b))"
    r"|one\s+of\s+(?:the|its|our|their)\s+(?:[\w'’]+\s+)?(?P<partners_en>countries|markets|"
    r"buyers|customers|partners|suppliers|destinations))\b"
    # Russian: «одна из стран», «один из покупателей».
    r"|(?:[Оо]дн[аи]|[Оо]дин)\s+из\s+(?:\w+\s+)?(?P<partners_ru>стран|покупател\w*|рынк\w*|"
    r"партн[её]р\w*|поставщик\w*)"
    # «Страна, чьи закупки», «Азиатская страна, купившая»: a noun a clause describes.
    r"|(?:[^\W\d_]+(?:ая|ий|ой)\s+)?(?:(?:одна|некая|какая-то|другая)\s+)?"
    r"(?P<partner_ru>[Сс]трана|[Рр]ынок|[Пп]окупатель|[Пп]артн[её]р|[Пп]оставщик)"
    r"(?=\s*,\s*(?:чь|котор|куда|откуда|где|[^\W\d_]+(?:вш|ющ|ящ|ущ|ащ)[^\W\d_]*))"
    r"|(?P<month_ru>[Мм]есяц|[Кк]вартал|[Пп]олугодие)"
    r"(?=\s*,\s*(?:(?:с|в|на|за|после)\s+)?(?:котор|когда|чь))"
    r")(?!\w)",
    re.IGNORECASE,
)


#: The unnamed partner's own buying (the reporter's exports) or selling (its imports): said by
#: its possessive and a noun of trade anywhere before the figure, or by its own verb right after
#: it ("A country that bought", «Страна, купившая»), not the reporter's verb («Страна, которой
#: Москва продала»).
_ITS_PURCHASES = re.compile(
    r"\b(?:whose|its|their)\s+(?:purchases|imports|buying|orders)\b|"
    r"^\s*,?\s*(?:(?:that|which|who)\s+)?(?:bought|buys|purchased|ordered)\b|"
    r"(?<!\w)(?:чь[иея]|е[её]|его)\s+(?:закупки|импорт|покупки)(?!\w)|"
    r"^\s*,\s*(?:купивш|закупивш|покупающ|закупающ)", re.IGNORECASE)  # fmt: skip
_ITS_SALES = re.compile(
    r"\b(?:whose|its|their)\s+(?:sales|exports|shipments|deliveries)\b|"
    r"^\s*,?\s*(?:(?:that|which|who)\s+)?(?:sold|sells|supplied|shipped)\b|"
    r"(?<!\w)(?:чь[иея]|е[её]|его)\s+(?:продажи|экспорт|поставки)(?!\w)|"
    r"^\s*,\s*(?:продавш|поставивш|продающ|поставляющ)", re.IGNORECASE)  # fmt: skip


#: A multiple said before a change in the same clause: «вдвое больше, чем раньше, — на 119 млн»,
#: "nearly twice as much as before - by $119 million".
_MULTIPLE_BEFORE = re.compile(
    r"(?<!\w)(?:вдвое|втрое|вчетверо|впятеро|в\s+\d+(?:,\d+)?\s+раза?|в\s+(?:два|три|четыре|пять)"
    r"(?:\s+с\s+половиной)?\s+раза?|twice|double|\d+(?:\.\d+)?\s+times|(?:two|three|four|five)"
    r"\s+times)(?!\w)[^;.]*$", re.IGNORECASE)  # fmt: skip


def _after_multiple(claim: Claim, sentence: str, at: tuple[int, int]) -> Claim:
    """A change said after a multiple of its clause: whether it is the level is not certain.

    «А машин завезли почти вдвое больше, чем раньше, — на 119 млн»: «завезли на 119 млн» is
    the level the multiple reached as much as an increase by it; never flagged as the change.
    """
    if not claim.understood or claim.kind != "change":
        return claim
    turns = re.finditer(r"[;:.]|,\s+(?:а|но|while|but)\s", sentence[: at[0]])
    start = max((m.end() for m in turns), default=0)
    # The change set off by a dash or comma with no verb of its own («— на 119 млн»), not "up
    # by $917 million" (a rise said as such).
    if (_MULTIPLE_BEFORE.search(sentence[start : at[0]]) is None
            or not re.search(r"[—–,]\s*$", sentence[: at[0]])
            or not sentence[at[0] : at[1]].lower().startswith("на")):  # fmt: skip
        return claim
    how = {**dict(claim.reading), "kind": "default"}
    return claim.with_(reading=tuple(sorted(how.items())))


def _some_one(claim: Claim, sentence: str, at: tuple[int, int], partners: list[Mention]) -> Claim:
    """``claim`` of a partner (month) its sentence does not name: its partners ``unnamed``.

    Verify then looks for the partners whose figures fit it, never checks it against the
    reporter's whole trade. A partner named after the unnamed one (and before the claim), a
    count or a rank of partners keep their reading.
    """
    m = _SOME_ONE.search(sentence[: at[0]])
    if m is None or not claim.understood or claim.kind == "count":
        return claim
    slot = "months" if (m["month_en"] or m["month_ru"]) else "partners"
    if slot == "partners" and any(m.end() <= p.start < at[1] for p in partners):
        return claim
    subject = claim.subject
    how = {**dict(claim.reading), slot: "unnamed"}
    if slot == "partners":
        subject = dataclasses.replace(subject, partners=())
        between = sentence[m.end() : at[0]]
        noun = m[0].split()[-1]
        if _ITS_PURCHASES.search(between) or re.match(r"(?i)buyer|customer|покупател", noun):
            # "A country whose purchases rose 60%", "one of the buyers": what the partner buys
            # is what the reporter sells.
            subject, how["flow"] = dataclasses.replace(subject, flow="export"), "read"
        elif _ITS_SALES.search(between) or re.match(r"(?i)supplier|поставщик", noun):
            subject, how["flow"] = dataclasses.replace(subject, flow="import"), "read"
    return claim.with_(subject=subject, reading=tuple(sorted(how.items())))


def _count_in(words: str) -> int | None:
    """How many "the three countries" counts."""
    m = re.search(r"\b(" + "|".join(_COUNTS) + r")\b", words, re.IGNORECASE)
    return None if m is None else _COUNTS[m[1].lower()]


def _referents(
    lexicon: Lexicon,
    text: str | None,
    s: Sentence,
    upto: int,
    own: set[str],
    n: int | None,
    *,
    last: bool = False,
) -> tuple[str, ...]:
    """The ``n`` countries a count refers back to, of those the paragraph names before ``upto``.

    By default exactly: "the three countries" (:data:`_UNNAMED`) are the paragraph's countries
    if it named exactly three, else none (the claim is then not read). ``last=True`` takes the
    ``n`` named last when it named more: "China is the top buyer. Japan is second, so the two
    Asian customers between them" (:data:`_THE_N`) are the two named just before, a guess its
    caller marks as one (the partners read from the paragraph).
    """
    if n is None or text is None:
        return ()
    before = [x.text for x in sentences(text) if x.paragraph == s.paragraph and x.start < s.start]
    named: list[str] = []
    for piece in [*before, s.text[:upto]]:
        named += [p.value for p in lexicon.find_partners(piece)
                  if p.kind == "country" and p.value not in own]  # fmt: skip
    if last:
        latest = list(dict.fromkeys(reversed(named)))[:n]
        return tuple(reversed(latest)) if len(latest) == n else ()
    distinct = tuple(dict.fromkeys(named))
    return distinct if len(distinct) == n else ()


def _verse_goods(
    text: str | None, s: Sentence, named: list[tuple[int, int, tuple[str, ...]]]
) -> tuple[str, ...] | None:
    r"""The goods named last in the lines of verse before ``s``; None where ``s`` is no verse.

    ``s`` is a line of verse when it opens a line that is not the first of its block (lines
    with no blank line between), of three lines or more, whose lines mostly end with no stop.

    >>> t = "Trade.\n\nThe timber we sold\nWent up six times,\nA song!"
    >>> _verse_goods(t, sentences(t)[2], [(t.index("timber"), 1, ("wood",))])
    ('wood',)
    >>> t = "Trade.\n\nThe timber we sold.\nWent up six times.\nA song!"
    >>> _verse_goods(t, sentences(t)[2], [(t.index("timber"), 1, ("wood",))]) is None
    True
    """
    if text is None or s.start == 0 or text[s.start - 1] != "\n":
        return None
    block = [(m.start(), m.group().rstrip()) for m in re.finditer(r"[^\n]+", text)]
    here = next((i for i, (at, _) in enumerate(block) if at == s.start), None)
    if here is None or here == 0:
        return None
    # The lines of the block of ``s``: up to the first blank line either side.
    lo = here
    while (
        lo > 0
        and block[lo - 1][0] + len(block[lo - 1][1]) + 1 == block[lo][0]
        and block[lo - 1][1].strip()
    ):
        lo -= 1
    hi = here
    while (
        hi + 1 < len(block)
        and block[hi][0] + len(block[hi][1]) + 1 == block[hi + 1][0]
        and block[hi + 1][1].strip()
    ):
        hi += 1
    lines = [line for _, line in block[lo : hi + 1]]
    if here == lo or len(lines) < 3:
        return None
    open_ = [not re.search(r"[.!?…][\"»”)]?$", line) for line in lines[:-1]]
    if 2 * sum(open_) < len(open_) or not open_[here - lo - 1]:
        return None
    said = [products for pos, _, products in named if block[lo][0] <= pos < s.start]
    return said[-1] if said else ()


def _named_products(lexicon: Lexicon, text: str | None) -> list[tuple[int, int, tuple[str, ...]]]:
    """(position, paragraph, products) of every sentence of ``text`` that names products."""
    if text is None:
        return []
    out = []
    for s in sentences(text):
        found = _narrowing(lexicon, s.text)
        if found:
            out.append((s.start + found[0].start, s.paragraph, _products(found)))
    return out


def _referred(
    named: list[tuple[int, int, tuple[str, ...]]], text: str | None, here: int, noun: str
) -> tuple[str, ...]:
    """The goods of the last sentence before ``here`` that names goods and says ``noun``."""
    stem = re.escape(noun.rstrip("s"))
    for pos, _, products in reversed(named):
        if pos >= here or text is None:
            continue
        a = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
        b = min(x for x in (text.find(". ", pos), text.find("\n", pos), len(text)) if x >= 0)
        if re.search(rf"\b{stem}", text[a:b], re.IGNORECASE):
            return products
    return ()


#: Goods a sentence refers back to without naming them: "the biggest buyer of these
#: instruments", "the chapter's exports", «покупатель этих приборов». Broad words ("these
#: goods", «этой продукции») may mean the whole trade and are left out.
_GOODS_BACK = re.compile(
    r"\b(?:(?:these|those|such|this|that|the same)\s+(?:[\w-]+\s+)?(?:instruments|machines|"
    r"devices|apparatus|appliances|components|chapter|heading|subheading|segment)|"
    r"the\s+(?:chapter|heading|subheading|segment))\b|"
    r"(?<!\w)(?:эт|т|так|данн)(?:их|ой|ого|ей|ие|а|у)\s+(?:\w+\s+)?(?:прибор\w*|инструмент\w*|"
    r"машин\w*|устройств\w*|оборудовани\w*|аппарат\w*|издели\w*|комплектующ\w*|детал\w*|"
    r"позици\w*|глав[аыеуюо]й?\b|сегмент\w*)",
    re.IGNORECASE,
)


def goods_back(c: Claim) -> str | None:
    """The words by which ``c``'s sentence, up to the end of its clause, refers back to goods.

    "Germany was the third buyer of these instruments": ``these instruments``; None where it
    does not (:data:`_GOODS_BACK`).
    """
    at = c.sentence.find(c.span)
    end = at + len(c.span) if at >= 0 else len(c.sentence)
    stop = re.compile(r"[,;:.()]|\s[—–-]\s").search(c.sentence, end)
    back = _GOODS_BACK.search(c.sentence[: stop.start() if stop else len(c.sentence)])
    return None if back is None else back.group()


def rank_field(c: Claim) -> str | None:
    """The words of ``c``'s clause naming the goods of its rank's field of partners, if any.

    "Germany comes third among instrument buyers": ``instrument``; "Japan leads the buyers of
    the city's instruments": ``the city's instruments`` (grammar ``rank_field``).
    """
    at = c.sentence.find(c.span)
    if c.kind != "rank" or at < 0:
        return None
    lo = max(c.sentence.rfind(x, 0, at) for x in ",;:(") + 1
    stop = re.compile(r"[,;:()]|\.(?!\d)|\s[—–-]\s").search(c.sentence, at + len(c.span))
    clause = c.sentence[lo : stop.start() if stop else len(c.sentence)]
    where = frames.rank_field(clause)
    return None if where is None else clause[where[0] : where[1]].strip()


def _ranked_among(c: Claim, lexicon: Lexicon) -> Claim:  # noqa: PLR0911 - one per field
    """``c``, a partner's rank, ranked among the partners of the goods its field names.

    "Germany comes third among machinery buyers": among the buyers of HS 84, not of all goods;
    where the lexicon does not know the goods ("among instrument buyers"), its goods are marked
    ``field`` and verify leaves the rank unverifiable (never checked against all goods).
    """
    if not c.understood or c.kind != "rank" or (c.metric or "").startswith("goods"):
        return c
    words = rank_field(c)
    if words is None:
        return c
    others = [m for m in lexicon.find_partners(words) if m.value != c.subject.reporter]
    if others and not lexicon.find_products(words):
        return c  # "among European buyers": a group of partners, no goods
    named = tuple(dict.fromkeys(m.value for m in _narrowing(lexicon, words)))
    if named:
        if c.subject.products:
            return c
        how = {**dict(c.reading), "products": "read"}
        return c.with_(subject=dataclasses.replace(c.subject, products=named),
                       reading=tuple(sorted(how.items())))  # fmt: skip
    if c.subject.products or frames.field_unknown(words) is None:
        return c
    return c.with_(reading=tuple(sorted({**dict(c.reading), "products": "field"}.items())))


def _goods_named_before(c: Claim) -> Claim:
    """``c`` with its goods marked ``back`` when its clause refers back to goods it did not read.

    "Japan is the biggest buyer of these instruments at $173m": read on all goods, the figure
    would be right or wrong by chance; verify leaves it unverifiable.
    """
    if c.subject.products or goods_back(c) is None:
        return c
    return c.with_(reading=tuple(sorted({**dict(c.reading), "products": "back"}.items())))


def _narrowing(lexicon: Lexicon, text: str) -> list[Mention]:
    """Products named in ``text`` that narrow the trade ("high-tech", an ``all`` word, does not).

    Goods set against the subject at the end of their clause ("earned $774m, second only to
    machinery, 28.7% more than in 2019") are not the subject's.
    """
    return [
        m
        for m in lexicon.find_products(text)
        if not lexicon.product(m.value).all
        and not (_SECOND_TO.search(text, 0, m.start) and re.match(r"\s*[,;.]", text[m.end :]))
    ]


#: Goods ranked above the subject: "second only to machinery", "behind machinery".
_SECOND_TO = re.compile(r"(?:\b(?:second|third|next) only to|\bbehind)\s+(?:the\s+)?$",
                        re.IGNORECASE)  # fmt: skip


#: The words before the reporter's name as a partner: "trade with Chile", «оборот с Чили».
_WITH_IT = re.compile(r"(?:\bwith|(?<!\w)(?:с|со))\s+(?:the\s+)?$", re.IGNORECASE)


def _own(reporter: str) -> set[str]:
    """The reporter and, for a subdivision (RU-MOW), its country: never a partner."""
    own = {reporter}
    if "-" in reporter:
        iso2 = reporter.split("-", maxsplit=1)[0]
        frame = countries.countries_frame()
        own.update(frame.loc[frame["iso2"] == iso2, "iso3"])
    return own


#: Words that make a change restate the levels said just before it: "that is", «то есть».
_RESTATING = re.compile(
    r"(?:\b(?:that\s+is|i\.\s?e\.|which\s+(?:is|means|makes)|meaning)|(?<!\w)(?:то\s+есть|т\.\s?е\.|"
    r"а\s+значит|что\s+(?:означает|составляет|соответствует)))[\s,:—-]*(?:(?:an?|a\s+rise\s+of|"
    r"growth\s+of|рост|прирост|увеличение)\s+)?(?:(?:almost|nearly|about|some|over|more\s+than|"
    r"почти|около|примерно|более\s+чем|больше\s+чем)\s+)?$",
    re.IGNORECASE,
)


_AMOUNT = (
    r"(?:US\$|\$|USD\s*|€)?\s*\d[\d\s.,]*?\d?\s*(?:billion|million|bn|mn|m|млрд|млн)\.?"
    r"(?:\s*(?:(?:US\s)?dollars|USD|долл\w*\.?|долларов))?"
)
#: A change told by its two levels, each with its year: "from $1.4 billion in 2018 to $4.5
#: billion (three years on,) in 2021", «с 1,4 млрд долларов в 2018 году до 4,5 млрд в 2021-м».
_LEVEL_SPAN = re.compile(
    rf"\bfrom\s+(?P<x>{_AMOUNT})\s*(?:in\s+|\(\s*)(?P<a>(?:19|20)\d\d)\)?\s*,?\s*"
    rf"to\s+(?P<z>{_AMOUNT})[^.;:()]{{0,30}}?\b(?:in|by)\s+(?P<b>(?:19|20)\d\d)\b|"
    rf"(?<!\w)с\s+(?P<x2>{_AMOUNT})\s*в\s+(?P<a2>(?:19|20)\d\d)(?:\s*(?:году|г\.)|-м)?\s*,?\s*"
    rf"до\s+(?P<z2>{_AMOUNT})[^.;:()]{{0,30}}?(?<!\w)(?:в|к)\s+(?P<b2>(?:19|20)\d\d)"
    r"(?:\s*(?:году|г\.)|-м)?",
    re.IGNORECASE,
)
#: Words between a change told by its levels and a figure that is not of that change.
_OTHER_CLAUSE = re.compile(r"\b(?:while|whereas|and|but|imports?|exports?|deficit|surplus)\b|"
                           r"(?<!\w)(?:а|и|но|тогда как|импорт\w*|экспорт\w*|ввоз\w*|вывоз\w*|"
                           r"дефицит\w*|профицит\w*)(?!\w)", re.IGNORECASE)  # fmt: skip


def level_span(sentence: str, at: tuple[int, int], kind: str) -> tuple[int, int | None] | None:
    """The period of a claim of a change told by two dated levels, or None.

    A level (an amount) at either end is of its own year; a growth, multiple or change said
    right before "from" or right after the later level is of the later year against the
    earlier one.

    >>> t = "Exports went from $1.4 billion in 2018 to $4.5 billion in 2021, a factor of 3.2."
    >>> level_span(t, (70, 73), "multiple"), level_span(t, (18, 30), "amount")
    ((2021, 2018), (2018, None))
    >>> level_span("Экспорт вырос в 3,2 раза: с 1,4 млрд в 2018 году до 4,5 млрд в 2021 году.",
    ...            (14, 24), "multiple")
    (2021, 2018)
    """
    for m in _LEVEL_SPAN.finditer(sentence):
        x, z = ("x", "z") if m["x"] else ("x2", "z2")
        a, b = int(m["a"] or m["a2"]), int(m["b"] or m["b2"])
        if b <= a:
            continue
        if kind == "amount":
            if m.start(x) <= at[0] < m.end(x):
                return a, None
            if m.start(z) <= at[0] < m.end(z):
                return b, None
            continue
        if kind not in ("growth", "multiple", "change"):
            continue
        between = (sentence[m.end() : at[0]] if at[0] >= m.end()
                   else sentence[at[1] : m.start()] if at[1] <= m.start() else None)  # fmt: skip
        own = between + _CLAUSE.split(sentence[at[1] :])[0] if between is not None else ""
        if (between is not None and len(between) <= 40 and not _OTHER_CLAUSE.search(between)
                and not re.search(r"\b(?:19|20)\d\d\b", own)):  # fmt: skip
            return b, a
    return None


def _two_levels(
    out: list[Claim], claim: Claim, sentence: str, at: tuple[int, int], lo: int
) -> tuple[int, int] | None:
    """The years of two levels of ``claim``'s subject its sentence says before it, if so.

    "Exports were $620 million in 2001 and $4.5 billion in 2021, over seven times as much":
    every claim of the sentence before the change is a level of the same subject, in a year
    its own clause reads, two years in all; the change's own clause names no year.
    """
    before = [x for x in out if x.sentence == sentence and x.paragraph == claim.paragraph
              and lo <= x.start < lo + at[0]]  # fmt: skip
    if len(before) != 2 or any(
        not x.understood or x.kind != "amount" or x.subject != claim.subject
        or x.how("year") != "read" or x.period.compare is not None
        for x in before
    ):  # fmt: skip
        return None
    years = sorted({x.period.year for x in before})
    clause = _CLAUSE.split(sentence[at[1] :])[0]
    if len(years) != 2 or _SPAN_YEARS.search(sentence[before[-1].end - lo : at[0]] + clause):
        return None
    # "$4.5 billion in 2021, 7.3 times as much": a year after the last level is its own.
    after = re.findall(r"\b(?:19|20)\d\d\b", sentence[before[-1].end - lo : at[1]] + clause)
    if {int(y) for y in after} - {before[-1].period.year}:
        return None
    return years[0], years[1]


def _part_of_year(claim: Claim, s: Sentence, out: list[Claim]) -> bool:
    """Whether ``claim`` is the text's trade in a part of a year its sentence names.

    A sentence with no trade word: "January to March", «в третьем квартале». Only an amount in
    money, only when the sentence names the months itself (not the whole year, "your twelve
    months") and the text has said its trade before, in the claim's flow.
    """
    months = _months(s.text)
    if (claim.kind != "amount" or claim.quantity is None or claim.quantity.unit != "usd"
            or months is None or months == (1, 12) or claim.period.months != months):  # fmt: skip
        return False
    return any(o.understood and o.subject.flow == claim.subject.flow
               and o.subject.reporter == claim.subject.reporter and trade_words(o.sentence)
               for o in out)  # fmt: skip


def _previous(out: list[Claim], f: Found) -> Claim | None:
    for claim in reversed(out):
        if claim.paragraph != f.claim.paragraph:
            return None
        if claim.understood:
            return claim
    return None


def _no_goods(note: str) -> bool:
    """Whether a claim's note says its goods are none the data can check."""
    return "lexicon does not know" in note or "is not goods: services" in note


def _part_after(
    text: str, at: int, partners: list[Mention], subject: Subject, how: dict[str, str]
) -> Subject:
    """``subject`` with the partners named after the verb that ends a share's whole at ``at``.

    "A quarter of our exports goes to the Netherlands": the Netherlands are the part's.
    """
    stop = re.search(r"[,;:.—–]", text[at:])
    hi = at + (stop.start() if stop else len(text) - at)
    named = _in(partners, at, hi)
    groups = [m.value for m in named if m.kind == "group"]
    codes = tuple(dict.fromkeys(m.value for m in named if m.kind == "country"))
    if not codes and not groups:
        return subject
    how["partners"] = "read"
    return Subject(subject.reporter, subject.flow, codes, None if codes else groups[0],
                   subject.products)  # fmt: skip


def _in(mentions: list[Mention], lo: int, hi: int) -> list[Mention]:
    return [m for m in mentions if lo <= m.start < hi]


def _topic_dropped(text: str, goods: list[Mention], at: int) -> list[Mention]:
    """``goods`` without those a colon before the figure at ``at`` makes a mere topic.

    "On machinery: imports of vehicles (chapter 87) nearly doubled", «вести учёт машин: ввоз
    автомобилей (87-я группа) вырос почти вдвое», "Grain and sunflower oil sit side by side:
    maize by itself came to $132.6 million": the goods of the figure's own clause (an HS code
    it gives, or words) are its goods; those before the colon (or semicolon) name what that
    part of the text is about.
    """
    cuts = [m.end() for m in _TOPIC_CUT.finditer(text, 0, max(at, 0))]
    if not cuts:
        return goods
    after = [m for m in goods if m.start >= cuts[-1]]
    return after if after and len(after) < len(goods) else goods


#: Where a topic ends before the clause of a figure: a colon or a semicolon (not "09:00").
_TOPIC_CUT = re.compile(r"[:;](?!\d)")


#: Words that make a count's figure their sum: "together", «в сумме».
_SUMMED = re.compile(r"\b(?:together|combined|in total|jointly|between them|altogether)\b|"
                     r"(?<!\w)(?:вместе|в сумме|суммарно|в совокупности|в целом)(?!\w)",
                     re.IGNORECASE)  # fmt: skip
#: A count right before a threshold: "Four import chapters exceeded", «пять рынков превысили»
#: (the count, at most three words, its noun, at most three words, the figure).
_COUNT_THEN_FIGURE = re.compile(
    r"(?<![\w$.,])(?:\w+|\d{1,3})\s+(?:[^\W\d]+\s+){1,3}(?:[^\W\d]+\s+){0,3}$", re.IGNORECASE
)


def _over_threshold(c: Claim, text: str, at: tuple[int, int], before: str = "") -> bool:
    """Whether an amount is a threshold that a count of partners or goods just named passed.

    "Four import chapters exceeded USD 100 million", "six customers stayed under $10 million":
    the figure says "more than" ("less than") and the clause opens with the count; not
    "together", «в сумме».
    """
    q = c.quantity
    # "Six small customers stayed below $10m": a bound from above counts as well.
    if q is None or not (math.isinf(q.hi) or math.isinf(q.lo)) or _SUMMED.search(text):
        return False
    start = max([m.end() for m in _CLAUSE.finditer(text, 0, at[0])], default=0)
    clause = text[start : at[0]]
    # "Twenty-two partners in 2020. Twelve bought above $50 million": the noun counted
    # before (``before``, the sentence before it).
    found = frames.counted_before(clause, len(clause), before)
    # "... and six above $100 million": a count alone, the verb and noun of the one before.
    bare = frames.bare_count(re.sub(r"^\s*(?:and|but|while|и|а)\s+", "", clause))
    return (found is not None and found[0] is not None
            and (bare or bool(_COUNT_THEN_FIGURE.search(clause))))  # fmt: skip


#: A count of partners that refers back to those named last before it: "the two Asian
#: customers" (a guess; the counts of :data:`_UNNAMED` take exactly as many as the paragraph
#: names). Both are read by :func:`_referents`. An adjective between is a name's ("Asian"):
#: not "the two biggest customers".
_THE_N = re.compile(
    r"\b(?:the\s+(two|three|four|five|[2-5])|(both))\s+(?:[A-Z][a-z]+\s+)?"
    r"(?:customers|buyers|clients|partners|markets|destinations|suppliers|countries|nations|"
    r"economies|giants|heavyweights|neighbou?rs)\b"
    # "China ... with Japan second. Between them the pair took 45%": the two named last.
    r"|\b[Tt]he\s+(pair|duo)\b(?!\s+of\b)"
)
#: Goods said right after an amount: "$107.8 million of chapter 85 goods", "$50m worth of
#: machinery" (up to the clause's end; not "of 2019", "of the total", "of exports").
#: A share's whole named with its goods before the figure: "its share of Moscow's electronics
#: exports at 18%", "the borrower's slice of Moscow's instrument exports".
_SHARE_OF_GOODS = re.compile(r"\b(?:share|slice|portion|part)\s+of\s+(?:[\w'’-]+\s+){1,4}?"
                             r"(?:exports|imports|sales|purchases)\b", re.IGNORECASE)  # fmt: skip
#: A rank in apposition followed by its partner's amount: "Japan, the biggest single buyer, took
#: $173m" (the goods after the amount are the rank's field).
#: A rank's field named as all the trade right after its words: "customer for Moscow technology".
_WHOLE_FIELD = re.compile(r"\s+(?:for|of|among)\s+(?:[\w'’-]+\s+){0,2}?(?:technology|tech|"
                          r"high-tech|goods|products|exports|trade)\b", re.IGNORECASE)  # fmt: skip
_RANK_THEN_AMOUNT = re.compile(
    r",\s*(?:[a-z]+\s+){0,2}(?:took|bought|imported|purchased|absorbed|received|spent)\s+"
    r"(?:(?:about|some|roughly|around|nearly|almost|over|more than)\s+)?"
    r"(?:US\$|\$|USD\s?)[\d.,]+\s*(?:bn|m|mn|million|billion)?", re.IGNORECASE)  # fmt: skip
#: The balance's own partner right after its figure: "$675 million surplus with the Netherlands".
_BALANCE_WITH = re.compile(
    r"\s*(?:trade\s+)?(?:surplus|deficit|shortfall|gap)\s+with\s+(?:the\s+)?", re.IGNORECASE
)
#: A relative clause on a partner: "Germany, which supplied a fifth of imports".
_WHICH = re.compile(r",\s*(?:which|that|who)\b", re.IGNORECASE)
_OF_GOODS = re.compile(
    r"\s+(?:worth\s+)?of\s+(?!(?:the\s+)?(?:total|all|whole|year|(?:19|20)\d\d)\b)"
    r"(?!(?:its|their|the)?\s*(?:exports?|imports?|sales|purchases|trade)\b)"
    r"(?!(?:which|them|these|those|it|this|that)\b)[^,;:.()]{2,60}?"
    r"(?=\s+(?:to|from|in|into|for|with|by|at|than|against|on|over|last|this|that|which|"
    r"while|whereas)\b|\s*[,;:.()]|\s*$)",
    re.IGNORECASE,
)


def _subject(  # noqa: PLR0911, PLR0912, PLR0915 - one branch per way a subject is said
    f: Found,
    partners: list[Mention],
    products: list[Mention],
    c: Context,
    last_products: tuple[str, ...] | None,
    previous: Claim | None,
    text_before: str = "",
    fresh_products: tuple[str, ...] | None = None,
    own: Sequence[Mention] = (),
    named_before: tuple[str, ...] = (),
) -> tuple[Subject, dict[str, str]]:
    """The claim's subject, and how its slots were filled (``flow``, ``partners``, ``products``).

    ``named_before``: the partners the sentence before, in the paragraph, names with no figure.

    See :data:`~hitex.report.claims.model.HOW`.
    """
    s = f.sentence
    lo, hi = f.segment
    claim_end = f.claim.end - s.start
    read = frames.flow_at(s.text, claim_end)
    same = previous is not None and previous.sentence == s.text
    how = {"flow": _flow_how(f, read, previous, text_before)}
    flow = read[0] if read else (previous.subject.flow if previous is not None else "export")
    asked = _asked_flow(text_before) if read is None else None
    if asked is not None and (previous is None or previous.paragraph != f.claim.paragraph):
        # "EXAMINER: Imports? / CANDIDATE: In 2021, USD 4,586 million.": the reply's figure is
        # of the flow the question names (a reading of the dialogue).
        flow, how["flow"] = asked, "paragraph"
    came = _from_partner(s.text[lo:claim_end], partners, own) if read is None else False
    if came and not same:
        # "Preserved fruit from Argentina fell by 60%": goods from a partner, no flow word, are
        # the reporter's imports.
        flow, how["flow"] = "import", "read"
    a = f.claim.start - s.start
    if (f.claim.kind == "amount" and same and previous is not None and previous.kind == "share"
            and previous.understood and re.search(r"\d\s?%\s*\(\s*$", s.text[:a])):  # fmt: skip
        # "communication apparatus 30% (US$1.35bn)": the amount in brackets after a share is
        # the level of the share's own part.
        p = previous.subject
        return Subject(p.reporter, p.flow, p.partners, p.partner_group, p.products), {
            "flow": "carried", "partners": _carry(previous.how("partners")),
            "products": _carry(previous.how("products"))}  # fmt: skip
    headed = _listed_flow(text_before) if read is None else None
    if headed is not None:
        # «По импорту:» over a list: its items are of the flow the heading names.
        flow, how["flow"] = headed, "carried"
    top = (_heading_flow(text_before) if read is None and headed is None
           and (previous is None or previous.paragraph != f.claim.paragraph) else None)  # fmt: skip
    if top is not None:
        # "Highlights of the outbound pages. Paper and paperboard ... trebled", «Вывоз. Бумага
        # выросла втрое»: a paragraph's short heading names the flow of its claims.
        flow, how["flow"] = top, "carried"
    # "Argentina sold us goods worth $2.04 billion and bought $263 million from us": not past
    # the flow word nearest before the figure.
    said = [a for a, *_ in frames.flows(s.text) if a < claim_end]
    since = said[-1] if said else 0
    sold = flow == "export" and _partner_sells(s.text[:claim_end], partners, since, own)
    if sold:
        # "Argentina supplied $2.04 billion of goods to Chile": the partner's sales are the
        # reporter's imports.
        flow = "import"
    if flow == "export" and read is not None and not sold and sold_to_reporter(
            s.text, claim_end, since, own):  # fmt: skip
        # "We shipped goods worth $2,035 million over the mountains to Chile": sent to the
        # reporter, its imports.
        flow = "import"
    if flow == "export" and read is not None and _reporter_buys(s.text, claim_end, c, partners):
        # "Portugal sold $620m and bought $690m", "Chile's purchases ... stood at $2,035
        # million": the reporter buys, its imports.
        flow = "import"
    if (
        flow == "export"
        and read is not None
        and _partners_exports(s.text, claim_end, partners, own)
    ):
        # «55% всего аргентинского экспорта соседу», "Argentina's exports to Chile": a
        # partner's exports (to the reporter) are the reporter's imports.
        flow = "import"
    if flow == "export" and read is not None and _sold_to_reporter(s.text, claim_end, c, own):
        # "China ..., with $1.83bn of sales to Portugal": sold to the reporter, its imports.
        flow = "import"
    if flow == "export" and read is not None and _own_buyers(s.text, claim_end, c):
        # "Pipeline gas cost Chilean buyers $613 million": the reporter's own buyers import.
        flow = "import"
    if (flow == "import" and read is not None
            and _buys_reporters_goods(s.text[:claim_end], c, partners)):  # fmt: skip
        # «Германия увеличила импорт московской продукции на четверть»: the partner's imports
        # of the reporter's goods are the reporter's exports.
        flow = "export"
    if flow == "import" and read is not None and _people_buy(s.text, claim_end, c):
        # «голландцы купили на 872 млн»: a partner's people buy, the reporter's exports.
        flow = "export"
    if flow == "import" and read is not None and _bought_from_reporter(s.text, claim_end, c, own):
        # «Аргентина купила у Чили товаров на 263 млн», "Argentina bought $263m of goods from
        # Chile": bought from the reporter, its exports.
        flow = "export"
    if flow == "import" and read is not None and _from_reporter(s.text, claim_end, c, own):
        # «Из Чили везли в Аргентину бумагу», "supplies from Chile" in Chile's own text: what
        # comes from the reporter is its exports.
        flow = "export"
    if flow == "import" and read is not None and _partner_purchases(s.text, claim_end, c,
                                                                    partners, own):  # fmt: skip
        # «Великобритания: её закупки выросли на 10%», "Britain, whose purchases rose 10%": the
        # partner's own buying is the reporter's exports.
        flow = "export"
    if (how["flow"] == "carried" and read is not None and same and previous is not None
            and previous.understood and previous.subject.flow in ("export", "import")
            and previous.subject.flow != flow and flow in ("export", "import")
            and not any(previous.end - s.start <= a < claim_end
                        for a, *_ in frames.flows(s.text))
            # "Japan buys $180m and sells Portugal $321m": a selling verb of its own clause.
            and not (sold and any(previous.end - s.start <= v.start() < claim_end
                                  for v in _SELLS.finditer(s.text)))):  # fmt: skip
        # "Korea was the twelfth market, Sweden the thirteenth and Poland worth about $190
        # million": a gapped list goes on with the flow of the claim before it, not with a flow
        # word of an earlier clause.
        flow = previous.subject.flow
    if f.claim.kind == "rank":
        # The partner ranked: the one named nearest before the rank's words, else the first after.
        a = f.claim.start - s.start
        before = [m for m in partners if m.start < a]
        after = [m for m in partners if m.start >= claim_end]
        ranked = before[-1:] or after[:1]
        if after and f.hints.get("place") == "next":
            # "The Netherlands leads, followed by Germany": the place after is the one named after.
            ranked = after[:1]
        if after and (_HOLDS_PLACE.fullmatch(s.text, claim_end, after[0].start) or (
                re.match(r"[Зз]амыка", f.claim.span)
                and re.fullmatch(r"\s*", s.text[claim_end : after[0].start]))):  # fmt: skip
            # «второе место занимает Германия», "second place went to Japan", «замыкает тройку
            # Франция»: the partner named right after the place holds it.
            ranked = after[:1]
        if (
            after
            and re.search(r"(?:ым|ьим)$", f.claim.span)
            and re.fullmatch(r"\s*[—–]\s*", s.text[claim_end : after[0].start])
        ):
            # «Вторым рынком стала Германия, третьим — Франция»: the ordinal in the instrumental
            # goes on with the verb before it; its partner is the one after the dash.
            ranked = after[:1]
        if (
            after
            and re.search(r"(?:ом|ем)$", f.claim.span)
            and re.search(r"(?<!\w)[Нн]а\s+$", s.text[:a])
            and re.fullmatch(r"\s*", s.text[claim_end : after[0].start])
        ):
            # «на втором месте Япония, на третьем Германия»: the partner right after the place.
            ranked = after[:1]
        if len(before) > 1 and _OVERTOOK.fullmatch(s.text, before[-2].end, before[-1].start):
            # "Japan overtook China as the top buyer": the rank is the overtaker's.
            ranked = before[-2:-1]
        q = f.claim.quantity
        listed = _LISTED.match(s.text, claim_end)
        if q is not None and q.hi > q.lo and listed is not None:
            # "Пятёрка крупнейших покупателей (Китай, Япония, Германия, США, Белоруссия)": the
            # top five are the partners listed after it, each of them ranked 1-5.
            inside = [m for m in after if m.end <= listed.end()]
            ranked = inside or ranked
        elif q is not None and q.hi > q.lo and len(before) >= q.hi:
            # "The Netherlands, Germany and France, the three largest destinations": the
            # partners listed right before it, as many as it counts.
            listed_before = before[-int(q.hi) :]
            gaps = [s.text[x.end : y.start] for x, y in itertools.pairwise(listed_before)]
            if all(_LIST_GAP.fullmatch(g) for g in gaps) and _LIST_GAP.fullmatch(
                    s.text[listed_before[-1].end : a]):  # fmt: skip
                ranked = listed_before
        if q is not None and q.lo == q.hi == 1 and _PLURAL_TOP.search(f.claim.span):
            # «Крупнейшими рынками сбыта остаются КНР и Япония», "China and Japan are the
            # largest markets": each of the partners listed after (or right before) is among
            # the first as many as are listed.
            first = next((m for m in after if not re.search(r"[.;:]", s.text[claim_end : m.start])),
                         None)  # fmt: skip
            if first is not None and first.start - claim_end <= 40:
                ranked = _list_from(s.text, after, first)
            elif len(before) > 1 and re.fullmatch(
                r"\s*(?:are|were|remain|remained|—|–)?\s*"
                r"(?:the\s+)?",
                s.text[before[-1].end : a],
            ):
                ranked = _last_list(s.text, before)
        codes = tuple(dict.fromkeys(m.value for m in ranked if m.kind == "country"))
        if _SUPPLIERS.search(f.claim.span) or _SUPPLIER_NEXT.match(s.text, claim_end):
            # «являются четвёртым поставщиком», "the second-largest supplier": among the
            # partners the reporter buys from.
            flow, how["flow"] = "import", "read"
        elif (read is None and _MARKETS.search(f.claim.span)) or _MARKET_NEXT.match(
                s.text, claim_end):  # fmt: skip
            # «второй по величине рынок», "the largest buyer": among the partners it sells to;
            # "Korea was the twelfth market": the noun right after the place says so.
            flow, how["flow"] = "export", "read"
        # "cereals (chapter 10) came second with $152.5m, whereas fats (chapter 15) ...": the
        # goods of the rank's own words, when they name some, not all of the sentence's.
        # Not past a semicolon: "American buyers come third; U.S. purchases of machinery
        # quadrupled" ranks all goods.
        semi = s.text.find(";", claim_end)
        semi = semi if semi >= 0 else len(s.text)
        in_clause = [m for m in products if s.text.rfind(";", 0, a) < m.start < semi]
        goods = _topic_dropped(s.text, _in(products, lo, hi) or in_clause, a)
        if _WHOLE_FIELD.match(s.text, claim_end) and not _in(products, lo, hi):
            # "the single biggest customer for Moscow technology, took $173m of those
            # instruments": the field the rank's own words name is all goods.
            goods = []
        nearest = [m for m in products if m.start < a][-1:]
        holds = _HOLDS_PLACE.match(s.text, claim_end)
        stop = re.compile(r"[,;:]|\.(?!\d)").search(s.text, holds.end()) if holds else None
        held = _in(products, holds.end(), stop.start() if stop else len(s.text)) if holds else []
        first = next((m for m in products if m.start >= claim_end), None)
        if not held and first is not None and not _in(partners, claim_end, first.start) and (
            (_AT_PLACE.search(s.text, 0, claim_end)
             and _PLACE_GAP.fullmatch(s.text, claim_end, first.start))
            or _PLACE_DASH.fullmatch(s.text, claim_end, first.start)
        ):  # fmt: skip
            # «на втором месте вычислительные машины (8471), на третьем — счётные машины
            # (8470)»: the goods right after the place hold it.
            held = [m for m in products if m.start == first.start]
        if held:
            # «второе место — у машин и оборудования»: the goods right after the place hold it.
            goods = held
        elif not _in(products, lo, hi) and nearest and (q is None or q.hi == q.lo):
            # "Pharmaceutical goods (heading 3006) nearly quadrupled, second among headings,
            # and inorganic chemicals grew": the goods named nearest before the place.
            goods = [m for m in products if m.value == nearest[0].value]
        took = _RANK_THEN_AMOUNT.match(s.text, claim_end)
        of_goods = _OF_GOODS.match(s.text, took.end()) if took is not None else None
        if of_goods is not None and not _in(products, lo, hi):
            # "Japan, the biggest single buyer, took $173m of Moscow's instruments": the rank
            # is among the buyers of the goods its clause names; goods the lexicon does not
            # read there leave the field uncertain (never all goods for certain).
            named_after = _in(products, claim_end, of_goods.end())
            if named_after:
                goods = named_after
            else:
                general = {w.lower() for w in frames.grammar()["general"]["en"]}
                words = re.findall(r"[^\W\d_][\w-]*", of_goods.group())
                if any(w.lower() not in general for w in words):
                    how["products"] = "default"
        return Subject(c.reporter, flow, codes, None, _products(goods)), how
    if f.claim.metric == "side" and f.hints.get("pattern") == "side_of":
        # Its side word names the balance ("in the red", «в плюсе»): the flow is read.
        return _side_of_subject(c, s, f, partners, products), {**how, "flow": "read"}
    if f.claim.metric == "side":
        # "a surplus with Korea", «с Японией у страны профицит»: the partner right after the
        # words, or right before them in the inverted Russian order.
        a = f.claim.start - s.start
        right = [m for m in partners if claim_end <= m.start <= claim_end + 6]
        left = [m for m in partners if m.end <= a and (
            a - m.end <= 16 or _SIDE_GAP.fullmatch(s.text, m.end, a))]  # fmt: skip
        ranked = right[:1] or left[-1:]
        codes = tuple(m.value for m in ranked if m.kind == "country")
        groups = [m.value for m in ranked if m.kind != "country"]
        # «о профиците Чили в торговле бумагой»: the goods right after «в торговле».
        traded = [m for m in products if claim_end <= m.start <= claim_end + 4]
        traded_in = _products(traded[:1]) if re.search(r"торговле$", f.claim.span) else ()
        return Subject(c.reporter, "balance", codes, groups[0] if groups else None, traded_in), how
    mine_p = _in(partners, lo, hi)
    mine_g = _topic_dropped(s.text, _in(products, lo, hi), f.claim.start - s.start)
    mine_g = _after_also(s.text, mine_g, lo, f.claim.start - s.start)
    joint = _THEIR_JOINT.search(s.text, lo, claim_end) if f.claim.kind == "share" else None
    named = list({m.value: m for m in products if m.end <= lo}.values())
    if not mine_g and joint is not None and len(named) > 1:
        # "Cereals grew by 39.6 percent and chapter 15 by 33.1 percent, so their joint share
        # dropped from 24 to 15 percent": the goods named before, together.
        mine_g = named
    cut = [m.end() for m in _TURN.finditer(s.text, lo, f.claim.start - s.start)]
    if cut and len(mine_p) > 1 and _in(partners, cut[-1], hi):
        # "... from the Netherlands than it spent there, but the balance with Germany was
        # negative at $297 million": the partners of the claim's own clause.
        mine_p = _in(partners, cut[-1], hi)
    with_p = _BALANCE_WITH.match(s.text, claim_end) if flow == "balance" else None
    named_with = [m for m in partners if with_p is not None and m.start == with_p.end()]
    if named_with:
        # "the $675 million surplus with the Netherlands and also a smaller surplus with
        # Germany": the partner right after the balance's words is its own.
        mine_p = named_with[:1]
    which = [w for w in _WHICH.finditer(s.text, lo, f.claim.start - s.start)
             if any(m.end == w.start() for m in partners)]  # fmt: skip
    if len(mine_p) > 1 and which and not _in(partners, which[-1].end(), claim_end):
        # "a smaller surplus with Germany, which nonetheless supplied a fifth of imports": the
        # relative clause's figure is of the partner it hangs on.
        mine_p = [m for m in partners if m.end == which[-1].start()][:1]
    head = _APPOSITION.match(s.text)
    if (head is not None and head.end() <= f.claim.start - s.start
            and not frames.flows(s.text[head.end() : f.claim.start - s.start])
            and _in(products, 0, head.end(1)) and not _in(products, head.end(1), hi)):  # fmt: skip
        # "Vegetable oils, Chile's third-largest import from Argentina, rose 33%": the
        # sentence's head is the subject; the inserted words add partners.
        mine_g = _in(products, 0, head.end(1))
        mine_p = _in(partners, 0, head.end())
    start = f.claim.start - s.start
    run = _last_list(s.text, [m for m in partners if m.end <= start and m.kind == "country"])
    if (not mine_g and len(run) > 1 and all(m in run for m in mine_p)
            and _TOGETHER.search(s.text[max(lo, run[-1].end) : claim_end])):  # fmt: skip
        # "The Netherlands, Germany and France, the three largest destinations, together
        # absorbed just under half": the partners listed, summed; «КНР и Япония, совокупно
        # обеспечивающие 44,7% экспорта»: a relative clause on the last of them, too.
        mine_p = run
    if not mine_p and not mine_g and frames.resets_subject(s.text[lo:hi]):
        return Subject(c.reporter, flow), how
    for_p = _FOR_PARTNER.match(s.text, claim_end) if f.claim.kind == "amount" else None
    named_for = [m for m in partners if for_p is not None and m.start == for_p.end()]
    if named_for and same and previous is not None:
        # "Japan took USD 173.5 million, against USD 96.2 million for China": the partner right
        # after the figure is its own; the rest of the subject is the clause before's.
        p = previous.subject
        how["products"] = _carry(previous.how("products"))
        codes = tuple(m.value for m in named_for[:1] if m.kind == "country")
        group = None if codes else named_for[0].value
        return Subject(p.reporter, flow, codes, group, p.products), how
    if not mine_p and not mine_g and same and previous is not None:
        # Clauses of one sentence share their subject ("Exports to China reached $563 million,
        # up 22.4%"); the flow is the claim's own ("..., while imports fell 5%").
        p = previous.subject
        how |= {"partners": _carry(previous.how("partners")),
                "products": _carry(previous.how("products"))}  # fmt: skip
        if frames.own_subject(s.text[lo:hi]):
            # "Computers brought $257m; monitors and TV sets rose 41%": a clause with a
            # subject of its own the lexicon does not know; the goods before are a guess.
            how["products"] = "default"
        return Subject(p.reporter, flow, p.partners, p.partner_group, p.products), how
    on = SHARE_ON.match(s.text, claim_end) if f.claim.kind == "share" else None
    if on is not None:
        # «40% ввоза приходится на Китай», «пятая часть — на Германию»: the part is named after
        # (the words before it are the share before's).
        stop = re.search(r"[,;.]", s.text[on.end() :])
        rest = on.end() + stop.start() if stop is not None else len(s.text)
        after_p, after_g = _in(partners, on.end(), rest), _in(products, on.end(), rest)
        if after_p or after_g:
            mine_p, mine_g = after_p, after_g
    if not mine_p and not mine_g and f.claim.kind not in ("share",):
        # "Exports of $5 million went to India": the words after the figure.
        nxt = f.whole[1] if f.whole else hi
        rest = (f.next if f.next is not None else len(s.text)) if f.claim.kind != "share" else nxt
        turn = _TURN.search(s.text, hi, rest)
        rest = turn.start() if turn is not None else rest  # not past the clause's turn
        comma = s.text.find(",", hi, rest) if f.next is not None else -1
        # "Instruments rose by 69%, electrical goods by 40%": past a comma, the goods are the
        # next figure's (a gapped clause), not this one's.
        rest = comma if comma >= 0 else rest
        mine_p, mine_g = _in(partners, hi, rest), _in(products, hi, rest)
    of_goods = _OF_GOODS.match(s.text, claim_end) if f.claim.kind == "amount" else None
    if not mine_g and of_goods is not None:
        # "Germany bought USD 107.8 million of chapter 85 goods": the goods right after the
        # figure are its own, even when its partner is named before it; goods the lexicon
        # does not read there are never dropped for all goods (the reading is a guess).
        mine_g = _in(products, claim_end, of_goods.end())
        general = {w.lower() for w in frames.grammar()["general"]["en"]}
        words = re.findall(r"[^\W\d_][\w-]*", of_goods.group())
        if not mine_g and any(w.lower() not in general for w in words):
            how["products"] = "default"
    segment_text = s.text[lo:hi]
    if not mine_g and _SUCH.search(segment_text) and last_products is not None:
        mine_g = [Mention(0, 0, "product", p) for p in last_products]
        how["products"] = "carried"
    the_balance = (previous is not None and previous.paragraph == f.claim.paragraph
                   and _THE_BALANCE.search(segment_text))  # fmt: skip
    if (not mine_p and not mine_g and previous is not None and previous.subject.partners
            and (_BILATERAL.search(segment_text) or the_balance)):  # fmt: skip
        # "...sales there rose only 38 percent. The bilateral deficit tripled": the trade with
        # the partner named before; so is "the shortfall" of the same paragraph.
        how |= _whole_trade_how(partners, products, previous)
        how["partners"] = _carry(previous.how("partners"))
        return Subject(c.reporter, flow, previous.subject.partners), how
    goes_on = (_POSSESSIVE.match(s.text) and previous is not None
               and previous.paragraph == f.claim.paragraph
               and (previous.subject.partners or previous.subject.partner_group))  # fmt: skip
    if (
        not mine_p
        and not mine_g
        and read is not None
        and not _SUCH.search(segment_text)
        and not goes_on
    ):
        # A sentence that names its flow and no partner starts anew: "Imports rose 26%". A
        # guess when the sentence names a partner or goods elsewhere, or the claim before
        # (an earlier sentence of the paragraph) was narrower.
        how |= _whole_trade_how(partners, products, previous)
        if len(named_before) == 1 and how["partners"] == "read" and not _ALL_TRADE.search(s.text):
            # The partner the sentence before spoke of goes on ("Chile's trade with Argentina is
            # lopsided. Imports exceeded exports by ..."); the whole trade stays a reading verify
            # tries before it flags anything.
            how["partners"] = "carried"
            return Subject(c.reporter, flow, named_before), how
        if fresh_products and not products and (previous is None or previous.sentence != s.text):
            # «говорится о профиците в торговле бумагой. При экспорте 33,3 млн ...»: goods named
            # after the claim before, in a sentence with no figure, are likely the goods meant.
            how["products"] = "paragraph"
            return Subject(c.reporter, flow, (), None, fresh_products), how
        if flow == "turnover" and not products and _ALL_TRADE.search(s.text, 0, claim_end):
            # "Cereals rose 40%. Two-way trade exceeded US$2.3 billion": words of the whole
            # trade in both directions name all goods, whatever the sentence before was about.
            how["products"] = "read"
        return Subject(c.reporter, flow), how
    if not mine_p and not mine_g and previous is not None:
        p = previous.subject
        how |= {"partners": "paragraph", "products": "paragraph"}
        # The whole trade, read certainly before, goes on while nothing narrower is named
        # ("Exports grew 30% to $2.4 billion. Goods went to 25 countries.").
        if not (p.partners or p.partner_group or partners) and previous.how("partners") in CERTAIN:
            how["partners"] = "carried"
        if not (p.products or products) and previous.how("products") in CERTAIN:
            how["products"] = "carried"
        return Subject(p.reporter, flow if read else p.flow, p.partners, p.partner_group,
                       p.products), how  # fmt: skip
    if not mine_p and not mine_g:
        how |= _whole_trade_how(partners, products, previous)
    groups = [m.value for m in mine_p if m.kind == "group"]
    codes = tuple(dict.fromkeys(m.value for m in mine_p if m.kind == "country"))
    group = groups[0] if groups and not codes else None
    if not mine_p and mine_g and same and previous is not None:
        # "Of the increase in exports to India, finished goods brought $54 million": the
        # partners of the sentence's earlier clause, the products of this one.
        codes, group = previous.subject.partners, previous.subject.partner_group
        how["partners"] = _carry(previous.how("partners"))
    return Subject(c.reporter, flow, codes, group, _products(mine_g)), how


#: Words of the whole trade in both directions (all goods unless goods are named).
_ALL_TRADE = re.compile(r"\b(?:two-way|total|bilateral|overall) (?:[a-z-]+ )?trade\b",
                        re.IGNORECASE)  # fmt: skip
_BILATERAL = re.compile(r"\bbilateral\b", re.IGNORECASE)
#: The balance said with a definite article: the one of the sentences before in the paragraph
#: ("Sales into Argentina grew 38% ... The shortfall widened by 160%").
_THE_BALANCE = re.compile(r"\bthe\s+(?:trade\s+)?(?:shortfall|deficit|surplus|gap|imbalance)\b",
                          re.IGNORECASE)  # fmt: skip


_AND = re.compile(r"\s*(?:,|,?\s*and|,?\s*и)\s+(?:the\s+)?", re.IGNORECASE)


#: A superlative of several partners with no count: "the largest markets", «крупнейшими
#: рынками», «основные покупатели».
_PLURAL_TOP = re.compile(r"\b(?:markets|buyers|customers|destinations|partners|suppliers)\b|"
                         r"(?<!\w)(?:рынк(?:ами|и)|покупател(?:ями|и)|партн[её]р(?:ами|ы)|"
                         r"поставщик(?:ами|и)|импорт[её]р(?:ами|ы))(?!\w)",
                         re.IGNORECASE)  # fmt: skip


#: Where a list of goods goes on with more: «, а также», ", and also", "as well as".
_ALSO = re.compile(r",\s*(?:а\s+также|а|и\s+также|and\s+also)\s|\s+as\s+well\s+as\s",
                   re.IGNORECASE)  # fmt: skip


def _after_also(text: str, goods: list[Mention], lo: int, start: int) -> list[Mention]:
    """The goods after the last «а также» of a list when the figure follows them after a dash.

    «внесли турбины (8411), а также вычислительные машины (8471) — 257,0 млн»: the figure
    after the dash is of the goods right before it, not of the whole list.
    """
    if len(goods) < 2 or not re.search(r"[—–]\s*$", text[:start]):
        return goods
    cuts = [m.end() for m in _ALSO.finditer(text, lo, start)]
    tail = [m for m in goods if cuts and m.start >= cuts[-1]]
    return tail or goods


def _list_from(text: str, mentions: list[Mention], first: Mention) -> list[Mention]:
    """The run of ``mentions`` that ``text`` lists from ``first`` on ("КНР и Япония")."""
    run = [first]
    for b in mentions:
        if b.start > run[-1].start and _AND.fullmatch(text, run[-1].end, b.start):
            run.append(b)
    return run


def _last_list(text: str, mentions: list[Mention]) -> list[Mention]:
    """The last run of ``mentions`` that ``text`` lists ("the Netherlands, Germany and France").

    >>> m = [Mention(4, 15, "country", "NLD"), Mention(17, 24, "country", "DEU"),
    ...      Mention(29, 35, "country", "FRA")]
    >>> [x.value for x in _last_list("The Netherlands, Germany and France", m)]
    ['NLD', 'DEU', 'FRA']
    """
    run = mentions[-1:]
    for a, b in zip(reversed(mentions[:-1]), reversed(mentions[1:]), strict=True):
        if not _AND.fullmatch(text, a.end, b.start):
            break
        run.insert(0, a)
    return run


def _carry(how: str) -> str:
    """A slot taken from the clause before in the same sentence: as certain as it was there."""
    return "carried" if how == "read" else how


def _flow_how(
    f: Found, read: tuple[str, str] | None, previous: Claim | None, before: str = ""
) -> str:
    """How the flow was filled: a flow word of the claim's clause, of its sentence, or none.

    With none in its sentence nor a claim before it in its paragraph, exports are carried when
    the text ``before`` the claim names exports and no other flow (a list of goods after a
    paragraph on exports); otherwise they are a default.
    """
    if read is None:
        if previous is None:
            said = {flow for _, flow, _ in frames.flows(before)}
            return "carried" if said == {"export"} else "default"
        # The flow the paragraph is about carries to a sentence that names none ("Furniture
        # multiplied seventeenfold"), as certainly as it was read before.
        return _carry(previous.how("flow"))
    lo, hi = f.segment
    end = f.next if f.next is not None else len(f.sentence.text)
    words = [a for a, _, _ in frames.flows(f.sentence.text)]
    return "read" if any(lo <= a < max(hi, end) for a in words) else "carried"


def _whole_trade_how(
    partners: list[Mention], products: list[Mention], previous: Claim | None
) -> dict[str, str]:
    """How "the whole trade" was read for a claim that names no partner and no goods.

    Read when nothing narrower is in sight; a guess when its sentence names partners or goods
    elsewhere (``default``) or the claim before it, in an earlier sentence of the paragraph,
    was about narrower trade (``paragraph``).
    """
    how = {}
    for slot, named, before in (
        (
            "partners",
            partners,
            previous is not None
            and bool(previous.subject.partners or previous.subject.partner_group),
        ),
        ("products", products, previous is not None and bool(previous.subject.products)),
    ):
        how[slot] = "default" if named else ("paragraph" if before else "read")
    return how


def _buys_reporters_goods(text: str, c: Context, partners: list[Mention]) -> bool:
    """Whether the last import word of ``text`` is a partner's, of the reporter's goods.

    A partner is named before the word, and the reporter's adjective in the genitive right
    after it («Германия увеличила импорт московской продукции»), not the importer («импорт
    комплектующих московскими предприятиями» is the reporter's own).
    """
    said = [a for a, flow, _ in frames.flows(text) if flow == "import"]
    if not said or not any(m.kind == "country" and m.end <= said[-1] for m in partners):
        return False
    # «импорт московской продукции», «закупки всей московской продукции».
    words = [said[-1] + m.end() for m in re.finditer(r"\w+\s+", text[said[-1] :])][:2]
    return any(demonym_at(text, at) == c.reporter and re.match(r"\w*(?:ой|их|ого)\b", text[at:])
               for at in words)  # fmt: skip


def _from_partner(text: str, partners: list[Mention], own: Sequence[Mention]) -> bool:
    """Whether ``text`` (a clause with no flow word) names goods coming "from" a partner.

    Not demand or orders from a partner ("orders from Germany rose"): those buy.
    """
    return any(re.search(r"(?<!demand )(?<!orders )(?<!order )(?<!interest )(?<!requests )"
                         r"(?<!enquiries )(?<!inquiries )\bfrom\s+(?:the\s+)?$", text[: m.start],
                         re.IGNORECASE)
               and m.kind == "country" and m.value not in {o.value for o in own}
               for m in partners)  # fmt: skip


#: Buyers of the reporter's own: "Chilean buyers", "our consumers", "local importers" (the
#: demonym is checked to be the reporter's; "our buyers" may be abroad).
_OWN_BUYERS = re.compile(r"(?:(?P<whose>[A-Z][\w-]+)|local|domestic|home)\s+(?:\w+\s+)?"
                         r"(?:buyers|customers|consumers|importers|purchasers)\b"
                         r"|\bour\s+(?:\w+\s+)?(?:consumers|importers)\b")  # fmt: skip


def _own_buyers(text: str, end: int, c: Context) -> bool:
    """Whether the buyers a figure ending at ``end`` is paid by are the reporter's own.

    The flow word nearest before the figure is their noun, after the reporter's demonym or
    "our" ("Fuel cost Chilean buyers $613 million", "cost our consumers $2bn"): the reporter
    imports.
    """
    said = [a for a, flow, _ in frames.flows(text) if a < end]
    if not said:
        return False
    m = next((m for m in _OWN_BUYERS.finditer(text, 0, end) if m.start() <= said[-1] < m.end()),
             None)  # fmt: skip
    if m is None:
        return False
    return m["whose"] is None or demonym_at(text, m.start("whose")) == c.reporter


#: Nouns of selling a partner's name or demonym before them makes the partner's sales:
#: "Argentine exports", "Argentina's shipments", «аргентинские поставки».
#: «аргентинских поставок», "Argentine supplies": the partner's sales, the reporter's imports.
_PARTNERS_FLOW = re.compile(r"(?:exports?|shipments?|deliveries|supplies|sales)\b|экспорт|"
                            r"постав(?:к|ок)|отгруз(?:к|ок)|продаж", re.IGNORECASE)  # fmt: skip


def _partners_exports(
    text: str, end: int, partners: list[Mention], own: Sequence[Mention] = ()
) -> bool:
    """Whether the export word a figure ending at ``end`` is read with is a partner's.

    The word is the nearest before the figure, else the first after it (as
    :func:`~hitex.report.claims.frames.flow_at` reads it); the partner's name or demonym stands
    right before it: "Argentine exports", "Argentina's exports", «аргентинского экспорта»; not
    after the reporter's name (``own``): "Moscow's Chinese exports" go to China.
    """
    said = frames.flows(text)
    before = [a for a, _, _ in said if a < end]
    at = before[-1] if before else next((a for a, _, _ in said if a >= end), None)
    if at is None or not _PARTNERS_FLOW.match(text, at):
        return False
    for m in partners:
        if (
            m.kind != "country"
            or m.end > at
            or not re.fullmatch(r"(?:['’]s)?\s+", text[m.end : at])
        ):
            continue
        if (
            re.match(r"(?:supplies|sales)\b", text[at:], re.IGNORECASE)
            and not re.match(r"['’]s", text[m.end : at])
            and demonym_at(text, m.start) is None
        ):
            # "China sales" may be the reporter's sales to China; "Argentine supplies",
            # "Argentina's sales" are the partner's.
            continue
        # "Moscow's Chinese exports", "Moscow's total Asian exports": the reporter's, to them.
        if not any(re.fullmatch(r"(?:['’]s)?(?:\s+[\w-]+){0,2}\s+", text[o.end : m.start])
                   for o in own if o.end <= m.start):  # fmt: skip
            return True
    return False


#: A buyer other than the reporter named without its name: a pronoun, a partner's noun, a firm.
_OTHER_BUYER = re.compile(r"\b(?:its|their|his|her|it|they|them|which|who|whose|markets?|countries|"
                          r"partners?|buyers?|customers?|destinations?|firms?|compan(?:y|ies)|"
                          r"nations?|economies|states)\b"
                          r"|\bfrom\b", re.IGNORECASE)  # fmt: skip


def _origin(text: str, a: int, at: int) -> bool:
    """Whether the partner at ``at`` is named after the word of buying at ``a`` as the origin.

    "Chile's purchases of Argentine cocoa", «Чили закупила аргентинских жиров»: the partner
    sells; the buyer is still the one named before. Not «закупки Аргентины» (a partner's
    purchases: its name, not its adjective).
    """
    gap = text[a:at]
    if re.fullmatch(r"[^\W\d]+\s+of\s+(?:the\s+)?", gap, re.IGNORECASE):
        return True
    return bool(re.fullmatch(r"[а-яё]+\s+", gap, re.IGNORECASE) and text[at : at + 1].islower())


#: A possessive right before a word of buying: "its purchases", "whose purchases", «её закупки».
_POSSESSIVE_BUYING = re.compile(r"(?<!\w)(?:its|their|whose|её|ее|его|их|чьи|чьих)\s+$",
                                re.IGNORECASE)  # fmt: skip


def _partner_purchases(
    text: str, end: int, c: Context, partners: list[Mention], own: Sequence[Mention]
) -> bool:
    """Whether the word of buying last before ``end``, read as imports, is a partner's own.

    "Britain, whose purchases rose 10%", «Великобритания: её закупки выросли на 10%»: a
    possessive right before the word, and the country named last before it a partner (not the
    reporter); not purchases "from" anyone (the reporter's imports).
    """
    said = [x for x in frames.flows(text) if x[0] < end]
    if not said or said[-1][1] != "import":
        return False
    a = said[-1][0]
    if not _POSSESSIVE_BUYING.search(text[:a]) or not _purchase_word_at(text, a):
        return False
    if re.search(r"(?<!\w)(?:from|из|у)\s", text[a:end], re.IGNORECASE):
        return False
    named = sorted([*(m for m in partners if m.start < a), *(m for m in own if m.start < a)],
                   key=lambda m: m.start)  # fmt: skip
    return bool(named) and named[-1] in partners and named[-1].value not in _own(c.reporter)


def _purchase_word_at(text: str, a: int, *, english: bool = True) -> bool:
    """Whether the word at ``a`` is a word of buying (grammar ``purchases``).

    Russian by its lemma («закупки», «купили»); English by the grammar's expressions unless
    ``english`` is False.
    """
    word = re.match(r"\w+", text[a:])
    if word is None:
        return False
    ru = {w.replace("ё", "е") for w in frames.grammar()["purchases"]["ru"]}
    return frames.lemma(word[0]) in ru or (
        english and re.match(frames.purchase_words(), text[a:], re.IGNORECASE) is not None
    )


def _import_word_before(text: str, end: int) -> int | None:
    """Where the flow word last before ``end`` is, if it says imports; else None."""
    said = [x for x in frames.flows(text) if x[0] < end]
    return said[-1][0] if said and said[-1][1] == "import" else None


def _people_buy(text: str, end: int, c: Context) -> bool:
    """Whether the word of buying last before ``end`` has a partner's people as its subject.

    «Годом ранее голландцы купили на 872 млн»: the partner buys, the reporter's exports.
    """
    a = _import_word_before(text, end)
    if a is None or not _purchase_word_at(text, a, english=False):
        return False
    people = re.search(r"([^\W\d]+)\s+(?:(?:и|тоже|также|же|ещё|еще)\s+)?$", text[:a])
    if people is None or people[1][:1].isupper():
        return False
    who = demonym_at(text, people.start(1))
    return who is not None and who != c.reporter


def _sold_to_reporter(text: str, end: int, c: Context, own: Sequence[Mention]) -> bool:
    """Whether the export word last before ``end`` says goods sold to the reporter.

    "China remains dominant, with $1.83bn of sales to Portugal" in Portugal's text: a partner's
    sales to the reporter are its imports ("to" right after the word, then the reporter).
    """
    words = frames.flows(text)
    said = [x for x in words if x[0] < end]
    # "$1.83bn of sales to Portugal": the flow word right after the figure is its own.
    after = [x for x in words if x[0] >= end and re.fullmatch(r"\s*of\s+", text[end : x[0]])]
    said = after[:1] or said[-1:]
    if not said or said[0][1] != "export":
        return False
    a = said[0][0]
    word = re.match(r"\w+", text[a:])
    if word is None:
        return False
    stop = re.search(r"[;:!?,—–-]|\.(?!\d)", text[a + word.end() :])
    hi = a + word.end() + (stop.start() if stop is not None else len(text))
    to = re.match(r"\s+(?:\w+\s+){0,2}?to\s+", text[a + word.end() : hi], re.IGNORECASE)
    if to is None:
        return False
    at = a + word.end() + to.end()
    return any(o.start == at for o in own) or _names_reporter(text, at, c.reporter)


def _bought_from_reporter(text: str, end: int, c: Context, own: Sequence[Mention]) -> bool:
    """Whether the word of buying last before ``end``, read as imports, buys from the reporter.

    "from" or «у» after the word, in its clause, and right after it the reporter's name
    (``own``) or its people («закупила у чилийцев»): a partner buys, the reporter exports.
    """
    a = _import_word_before(text, end)
    if a is None or not _purchase_word_at(text, a):
        return False
    stop = re.search(r"[;:!?]|\.(?!\d)", text[a:])
    hi = a + stop.start() if stop is not None else len(text)
    for m in re.finditer(r"(?<!\w)(?:from|у)\s+", text[a:hi], re.IGNORECASE):
        at = a + m.end()
        if (any(o.start == at for o in own) or demonym_at(text, at) == c.reporter
                or _names_reporter(text, at, c.reporter)):  # fmt: skip
            return True
    return False


def _from_reporter(text: str, end: int, c: Context, own: Sequence[Mention]) -> bool:
    """Whether the flow word last before ``end``, read as imports, says goods leave the reporter.

    «из» or "from" after the word in its clause (`grammar.yaml`'s words of goods coming from a
    place: «везли из Аргентины», «пришло из Аргентины», "supplies from"), or just before it
    («из Чили в Аргентину пришло»), followed by the reporter's name or its own mention: the
    goods leave the reporter, its exports.
    """
    a = _import_word_before(text, end)
    if a is None:
        return False
    stop = re.search(r"[;:!?]|\.(?!\d)", text[a:])
    hi = min(a + stop.start() if stop is not None else len(text), end)
    places = [a + m.end() for m in re.finditer(r"(?<!\w)(?:из|from)\s+", text[a:hi], re.I)
              if not re.search(r"[,;]", text[a : a + m.start()])][:1]  # fmt: skip
    # «из Чили в Аргентину пришло»: the place may come first, in the words just before.
    lo = max(0, a - 60)
    places += [lo + m.end() for m in re.finditer(r"(?<!\w)(?:из|from)\s+", text[lo:a], re.I)
               if not re.search(r"[,;:.!?]", text[lo + m.end() : a])][-1:]  # fmt: skip
    return any(any(o.start == at for o in own) or _names_reporter(text, at, c.reporter)
               for at in places)  # fmt: skip


#: A salutation opening a letter: «Моя дорогая Голландия!», "Dear Netherlands," (its own line).
_SALUTATION = re.compile(
    r"^\s*(?:(?:мо[яйёи]|my)\s+)?(?:дорог\w+|мил\w+|любим\w+|уважаем\w+|dear(?:est)?|beloved)"
    r"\s+(?P<who>[^\n!,.]{2,40})[!,.]?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
#: The reader addressed: "you", «ты», «тебе», «вы» (a pronoun of the second person).
_YOU = re.compile(r"(?<!\w)(?:ты|тебе|тебя|тобой|вы|вам|вас|you|your)(?!\w)", re.IGNORECASE)


def _addressee(lexicon: Lexicon, text: str, own: set[str]) -> str | None:
    """The partner a letter is written to, from its salutation in its first lines; else None.

    The reporter addressed ("Dear Chile", a reading to the reporter) is no partner: None.
    """
    m = _SALUTATION.search("\n".join(text.splitlines()[:8]))
    if m is None:
        return None
    found = [p.value for p in lexicon.find_partners(m["who"])]
    return found[0] if len(found) == 1 and found[0] not in own else None


def _names_reporter(text: str, at: int, reporter: str) -> bool:
    """Whether ``text`` names ``reporter`` at ``at`` («у Москвы», "from Moscow"), in any case.

    >>> _names_reporter("купили у Москвы", 9, "RU-MOW"), _names_reporter("у Китая", 2, "RU-MOW")
    (True, False)
    """
    return any(stem and re.match(rf"{re.escape(stem)}\w*(?!\w)", text[at:])
               for stem in name_stems(reporter))  # fmt: skip


def name_stems(code: str) -> list[str]:
    """The English name of ``code`` and the Russian one without its case ending («Москв»).

    >>> name_stems("RU-MOW")
    ['Moscow', 'Москв']
    """
    names = (countries.name(code, lang="en"), countries.name(code, lang="ru"))
    return [names[0], names[1][:-1] if len(names[1]) > 4 else names[1]]


def _reporter_buys(text: str, end: int, c: Context, partners: list[Mention]) -> bool:
    """Whether the buying word last before ``end``, read as a partner's, is the reporter's.

    A word of buying (grammar ``purchases``) with no partner named before the figure, and no
    other buyer (a pronoun, "buyers", "from"): the reporter's own, or its name's ("Portugal
    sold $620m and bought $690m", "Chile's purchases ... stood at", "Purchases grew 25.6%").
    """
    found = frames.flows(text)
    said = [x for x in found if x[0] < end]
    if not said:
        # "Fuel came to $917 million, 45% of Chilean purchases": the word read after the figure,
        # the reporter's own by its demonym right before it.
        after = next((x for x in found if x[0] >= end), None)
        if after is None or after[1] != "export" or not re.match(
                frames.purchase_words(), text[after[0] :], re.IGNORECASE):  # fmt: skip
            return False
        whose = re.search(r"[A-Z][\w-]+\s+(?:[a-z][\w-]+\s+)?$", text[: after[0]])
        # "45% of what Chile bought": the reporter by its name, as by its people.
        return whose is not None and (
            demonym_at(text, whose.start()) == c.reporter
            or _names_reporter(text, whose.start(), c.reporter)
        )
    if said[-1][1] != "export":
        return False
    a = said[-1][0]
    before = [m for m in partners if m.start < end]
    origins = [m for m in before if m.value not in _own(c.reporter) and _origin(text, a, m.start)]
    word = re.match(r"\w+", text[a:])
    # «Чили закупила аргентинских жиров»: a Russian word of buying only with the origin named.
    # «Кукурузы Чили купила на 132,6 млн»: or with the reporter named right before the word.
    named = re.search(r"(?<!\w)[А-ЯЁ][\w-]*\s+$", text[:a])
    russian = (bool(origins) or (named is not None and _names_reporter(
        text, named.start(), c.reporter))) and word is not None and frames.lemma(word[0]) in {
        w.replace("ё", "е") for w in frames.grammar()["purchases"]["ru"]}  # fmt: skip
    if not re.match(frames.purchase_words(), text[a:], re.IGNORECASE) and not russian:
        return False
    if any(m.value not in _own(c.reporter) and m not in origins for m in before):
        return False
    clause = re.split(r"[,;:]", text[:a])[-1]
    # "Twenty-two partners in 2020. Twelve bought above $50 million": the partners counted
    # (named before) buy, not the reporter.
    counted = frames.bare_count(re.split(r"\band\b|[.!?]", clause)[-1])
    return not counted and _OTHER_BUYER.search(clause + text[a:end]) is None


#: Verbs and nouns of selling whose doer is named before them.
_SELLS = re.compile(r"\b(?:suppl(?:ied|ies|iers?)|shipped|ships|sold|sells|sent|sends|"
                    r"exported|exporters?|"
                    r"deliver(?:ed|s)|provid(?:es|ed|ing)|поставил\w*|поставля\w*|поставщик\w*|"
                    r"продал\w*|прода[её]т|продают|продава\w*|отгрузил\w*|отгружа\w*|"
                    r"отправил\w*|отправля\w*|"
                    r"экспортировал\w*|экспортер\w*|экспортёр\w*)\b", re.IGNORECASE)  # fmt: skip


#: A relative clause between commas: ", a line that was empty in 2002,", «, которого в 2002
#: году не было,».
_RELATIVE = re.compile(r",\s*(?:(?:a|an|the)\s+[^\W\d]+\s+)?(?:that|which|who|whose|котор\w+)"
                       r"\b[^,;:()]*(?=[,;:])", re.IGNORECASE)  # fmt: skip
#: A sentence that opens by pointing at the figure before: «Это половина ...», "That is a
#: fifth of ...", "This was about a quarter of ...".
_THIS_IS = re.compile(r"\s*[«\"]?(?:это|то\s+есть|this|that)(?:\s+(?:is|was|makes|made|"
                      r"represents|represented|amounts\s+to|amounted\s+to|составляет|составило|"
                      r"составила|составил))?\s", re.IGNORECASE)  # fmt: skip
#: A pronoun of the third person buying: «они купили у нас», "they bought".
_THEY_BUY = re.compile(r"(?<!\w)(?:они|она|он|they|it|she)\s+(?:[^\W\d]+\s+){0,2}?"
                       r"(?:купил|закупил|приобр[её]л|bought|purchased)\w*",
                       re.IGNORECASE)  # fmt: skip
_OTHER_SIDE = {"deficit": "surplus", "surplus": "deficit"}
#: Words between a partner and a side said after it: «с Нидерландами у Португалии сложилось
#: положительное сальдо».
_SIDE_GAP = re.compile(r"(?:\s*,\s*(?:наоборот|напротив|кстати|впрочем)\s*,)?"
                       r"\s+(?:у\s+[^\W\d]+\s+)?(?:(?:сложил\w*|складыва\w*|был\w*|остал\w*|"
                       r"остаёт\w*|остает\w*|образовал\w*)\s+)?(?:[—–]\s*)?")  # fmt: skip
#: The word right before a partner that makes the balance one with it: "with China", «с Китаем».
_WITH_PARTNER = re.compile(r"(?:\b[Ww]ith|(?<!\w)[Сс]о?)\s+(?:the\s+)?$")


def _side_of_subject(
    c: Context, s: Sentence, f: Found, partners: list[Mention], products: list[Mention]
) -> Subject:
    """The balance a side told without a figure is of (``parse._side_of``).

    The partner after "with"/«с» in its clause, the goods its clause names ("in plastics",
    «по пластмассам»).
    """
    a, b = f.claim.start - s.start, f.claim.end - s.start
    lo = lo_clause(s.text, a)
    stop = re.compile(r"[,;.!?:]").search(s.text, b)
    hi = stop.start() if stop else len(s.text)
    named = [m for m in partners if lo <= m.start < hi and m.kind == "country"
             and _WITH_PARTNER.search(s.text[max(lo, m.start - 12) : m.start])]  # fmt: skip
    goods = [m for m in products if lo <= m.start < hi]
    return Subject(c.reporter, "balance", tuple(m.value for m in named[:1]), None,
                   _products(goods))  # fmt: skip


#: A side word whose owner is named right before it ("Argentina's surplus") or right after it
#: («профицит Аргентины»).
_SIDE_WORD = re.compile(r"\b(?:surplus|deficit)\b|(?<!\w)(?:профицит|дефицит)\w*", re.IGNORECASE)
_OWNER_BEFORE = re.compile(r"(?:['’]s)?\s+(?:(?:ran|runs|run|had|has|have|posted|posts|recorded|"
                           r"records|enjoyed|enjoys|kept|keeps)\s+)?(?:(?:a|an|the|its|their)\s+)?"
                           r"(?:[\w-]+\s+)?", re.IGNORECASE)  # fmt: skip
_WITH = re.compile(r"\s+(?:with|against|over|vis-[àa]-vis)\s+(?:the\s+)?|"
                   r"\s+(?:в\s+торговле\s+)?(?:с|со)\s+", re.IGNORECASE)  # fmt: skip


def partners_side(
    text: str, start: int, partners: Sequence[Mention], own: Sequence[Mention]
) -> bool:
    """Whether the side word last before ``start`` is a partner's with the reporter.

    The partner named right before it and the reporter after "with" ("leaving Argentina a
    surplus with Chile"), or the partner right after it and the reporter after «с»
    («профицит Аргентины в торговле с Чили»): the partner's side is the reporter's other side.

    >>> chl, arg = Mention(33, 38, "country", "CHL"), Mention(8, 17, "country", "ARG")
    >>> partners_side("leaving Argentina a surplus with Chile of $1.8bn", 42, [arg], [chl])
    True
    >>> partners_side("leaving Argentina a surplus with Chile of $1.8bn", 42, [], [chl])
    False
    """
    words = list(_SIDE_WORD.finditer(text, 0, start))
    if not words:
        return False
    w = words[-1]
    if not any(o.start >= w.end() and (_WITH.fullmatch(text, w.end(), o.start) or any(
            p.start >= w.end() and re.fullmatch(r"\s+", text[w.end() : p.start])
            and _WITH.fullmatch(text, p.end, o.start) for p in partners))
            for o in own):  # fmt: skip
        return False
    before = any(p.kind == "country" and p.end <= w.start()
                 and _OWNER_BEFORE.fullmatch(text, p.end, w.start()) for p in partners)  # fmt: skip
    after = any(p.kind == "country" and p.start >= w.end()
                and re.fullmatch(r"\s+", text[w.end() : p.start]) for p in partners)  # fmt: skip
    return before or after


#: Where a clause ends after a selling verb: a semicolon, a colon, a stop or a comma (not one
#: inside a figure), a dash set off by spaces.
_CLAUSE_END = re.compile(r"[;:]|[.,](?!\d)|\s[—–]\s")
#: Words right before the reporter's name that make it where goods were sent.
_TOWARD = re.compile(r"(?:\b(?:to|into)|(?<!\w)(?:в|во))\s+$", re.IGNORECASE)


def sold_to_reporter(text: str, end: int, since: int = 0, own: Sequence[Mention] = ()) -> bool:
    """Whether the last selling verb before ``end`` (from ``since``) sends goods to the reporter.

    The reporter's name (``own``) after "to"/"into"/«в» in the verb's clause, before or after
    the figure: "shipped goods worth $2,035 million over the mountains to Chile".

    >>> m = [Mention(60, 65, "country", "CHL")]
    >>> sold_to_reporter("We shipped goods worth $2,035 million over the mountains to Chile", 37,
    ...                  0, m)
    True
    >>> sold_to_reporter("Chile shipped goods worth $263 million to Peru", 38, 0, [Mention(0, 5,
    ...                  "country", "CHL")])
    False
    """
    verbs = list(_SELLS.finditer(text, since, end))
    if not verbs:
        return False
    v = verbs[-1]
    stop = _CLAUSE_END.search(text, end)
    hi = stop.start() if stop else len(text)
    return any(v.end() <= o.start < hi and _TOWARD.search(text, 0, o.start)
               and _whither(text, o.start) for o in own)  # fmt: skip


def _whither(text: str, start: int) -> bool:
    """Whether the name at ``start`` after «в» can be where goods go (its accusative).

    «поставили в Москву» sends goods there; «предприятия в Москве» are where they are.
    English "to"/"into" always sends.

    >>> _whither("отгрузили в Москву", 12), _whither("предприятия в Москве", 14)
    (True, False)
    >>> _whither("shipped to Chile", 11), _whither("продали в Чили", 10)
    (True, True)
    """
    if not re.search(r"(?<!\w)(?:в|во)\s+$", text[:start], re.IGNORECASE):
        return True
    word = re.match(r"\w+", text[start:])
    if word is None:
        return True
    return any("accs" in p.tag for p in frames._morph().parse(word.group().lower()))


#: A first-person seller: the speaker's own country, whose name the text may not say.
_FIRST_PERSON = re.compile(r"\b(?:we|our (?:country|nation|exporters|firms|producers))\b|"
                      r"(?<!\w)(?:мы|наша страна|наши экспортёры|наши экспортеры)(?!\w)",
                      re.IGNORECASE)  # fmt: skip


def speaker_sells(text: str, end: int, own: Sequence[Mention] = ()) -> bool:
    """Whether a first-person seller ("our country", «мы») sends goods to the reporter.

    "Our country shipped $2,035 million to Chile": the speaker is a partner the text may
    never name; which one is not certain.
    """
    verbs = list(_SELLS.finditer(text, 0, end))
    if not verbs or not sold_to_reporter(text, end, verbs[-1].start(), own):
        return False
    lo = max((m.end() for m in _CLAUSE_END.finditer(text, 0, verbs[-1].start())), default=0)
    return _FIRST_PERSON.search(text, lo, verbs[-1].start()) is not None


def _partner_sells(
    text: str, partners: list[Mention], since: int = 0, own: Sequence[Mention] = ()
) -> bool:
    """Whether the last selling word of ``text`` from ``since`` has its partner as its doer.

    Or the reporter (``own``, its names in the text) as the one it sells to, right after it:
    "sells Portugal $321m", «отгрузили в Чили»: the selling is the reporter's buying.
    """
    verbs = [v for v in _SELLS.finditer(text) if v.start() >= since]
    if not verbs:
        return False
    v = verbs[-1]
    after = sorted(
        (m for m in (*partners, *own) if v.end() <= m.start and m.end <= len(text)),
        key=lambda m: m.start,
    )
    if (
        after
        and after[0] in own
        and re.fullmatch(r"\s+(?:to\s+|в\s+|во\s+)?", text[v.end() : after[0].start], re.IGNORECASE)
    ):
        return True
    before = [m for m in partners if m.end <= v.start()]
    if not before:
        return False
    gap = text[before[-1].end : v.start()]
    if re.search(r"(?<!\w)(?:мы|я|we|I)(?!\w)", gap):
        return False  # «Франции мы продали на 450 млн»: the speaker sells to the partner
    # "Argentina supplied", "Argentine suppliers shipped", "Аргентина поставила".
    return re.fullmatch(r"(?:['’]s)?\s*(?:[a-zа-яё-]+\s+){0,2}", gap) is not None


def _products(mentions: list[Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.value for m in mentions))


def _whole(f: Found, partners: list[Mention], products: list[Mention], c: Context) -> Subject:
    """The total a share is of ("of Moscow's total Asian exports"); a rank's field."""
    s = f.sentence
    if f.whole is not None:
        lo, hi = f.whole
    elif f.claim.kind == "rank":
        # Its own clause: "Europe looks flatter: Germany, the third-largest buyer" ranks Germany
        # among all buyers, not in Europe.
        a, b = f.claim.start - s.start, f.claim.end - s.start
        lo = max((m.end() for m in re.finditer(r"[:;]", s.text[:a])), default=0)
        hi = next((b + m.start() for m in re.finditer(r"[:;]", s.text[b:])), len(s.text))
    else:
        lo, hi = f.claim.end - s.start, f.claim.end - s.start
    p = _in(partners, lo, hi)
    groups = [m.value for m in p if m.kind == "group"]
    codes = tuple(dict.fromkeys(m.value for m in p if m.kind == "country"))
    if f.claim.kind == "rank":
        codes = ()
    g = _products(_in(products, lo, hi)) if f.claim.kind == "share" else ()
    read = frames.flow_at(s.text, f.claim.end - s.start)
    flow = read[0] if read and read[0] in ("export", "import") else _flow(s.text)
    if (f.whole is None and flow == "export"
            and _partner_sells(s.text[: f.claim.end - s.start], partners)):  # fmt: skip
        # "China alone supplied 40%": of the reporter's imports, as the part is.
        flow = "import"
    if f.whole is not None and flow == "export" and _partner_supplies(s.text, p, hi):
        flow = "import"
    if flow == "export" and _partners_exports(s.text, f.claim.end - s.start, partners):
        # "45% of all Argentine supplies", «45% всех аргентинских поставок»: of the partner's
        # sales to the reporter, its imports.
        flow = "import"
    return Subject(c.reporter, flow, codes, groups[0] if groups else None, g)


#: Nouns of selling right after a partner in a share's whole: "all Argentine supplies",
#: «всех аргентинских поставок» (English words; Russian lemmas).
_SUPPLIES_EN = re.compile(r"(?:['’]s)?\s+(?:supplies|shipments|deliveries|exports|sales)\b", re.I)
_SUPPLIES_RU = frozenset({"поставка", "экспорт", "продажа", "вывоз", "отгрузка"})


def _partner_supplies(text: str, partners: list[Mention], hi: int) -> bool:
    """Whether a partner of a share's whole is the seller of its trade.

    "45% of all Argentine supplies" is of the reporter's imports from Argentina, not of its
    exports to it.

    >>> from hitex.report.claims.lexicon import Mention
    >>> t = "Fuels made 45% of all Argentine supplies."
    >>> _partner_supplies(t, [Mention(22, 31, "country", "ARG")], len(t))
    True
    """
    for m in partners:
        if m.kind != "country" or m.end > hi:
            continue
        if _SUPPLIES_EN.match(text, m.end):
            return True
        nxt = re.match(r"\s+([а-яё]+)", text[m.end : hi], re.IGNORECASE)
        if nxt is not None and frames.lemma(nxt[1]) in _SUPPLIES_RU:
            return True
    return False


#: A base said after a rate in words that name no year: "above the year of its birth".
_UNREAD_BASE = re.compile(
    r"\s*(?:above|below|over|on|against|than|compared (?:with|to)|from)\s+(?:the|its|their|that)\s+"
    r"(?:year|level|figure|value|total)\s+(?:of|when|in which)\b(?![^,;.]*\b(?:19|20)\d\d)",
    re.IGNORECASE)  # fmt: skip
#: Words that say a multiple again: "the multiple is about 5.6".
_RESTATES = re.compile(r"the (?:multiple|factor) (?:is|was)\b", re.IGNORECASE)
#: "multiplies the old total by more than seven": the base is a level said before, whose
#: year is not read.
_OLD_BASE = re.compile(r"\bthe (?:old|earlier|former|original|previous|starting) "
                       r"(?:total|figure|level|value|sum|amount|number)\b|"
                       # "Today's figure is over four times as large", «вчетверо больше
                       # прежнего»: as the level said before, its year not said again.
                       r"\btimes as (?:large|much|big|high|great)\b(?!\s+as\b)|"
                       r"(?<!\w)(?:больше|выше)\s+(?:прежнего|тогдашнего|былого)(?!\w)|"
                       r"(?<!\w)(?:прежн|тогдашн|был)\w+\s+(?:уровн|показател|итог|сумм)\w*",
                       re.IGNORECASE)  # fmt: skip
_RECORD_SINCE = re.compile(r"\b(?:[a-z]{2,}est|low|high|record|first time|not seen)\b[^,;.]{0,40}?"
                           r"\bsince\s+((?:19|20)\d\d)\b", re.IGNORECASE)  # fmt: skip


#: A year set as the base of a comparison: "3.7 times the 2011 figure", «больше показателя
#: 2011 г.», «выше уровня 2019 года», "than in 2011", «против 2005 г.».
_BASE_OF = re.compile(
    r"(?:(?:показател|уровн|уровен|итог)[а-яё]*|\bthe|\bits|\btheir)\s+(?P<y>(?:19|20)\d\d)"
    r"(?:\s+(?:figure|level|value|total|года|г\.)|-го)|"
    r"(?P<y2>(?:19|20)\d\d)['’]s\s+(?:figure|level|value|total)\b",
    re.IGNORECASE,
)


def _other_bases(sentence: str, at: tuple[int, int]) -> set[int]:
    """The years clauses before the one at ``at`` set as bases of a comparison.

    Not those of a clause after it ("$160 thousand, less than half the 2002 figure"): the
    comparison of the figure itself, whose own year it leaves to the reader.
    """
    lo, _ = _clause_bounds(sentence, at)
    found = [*_BASE_OF.finditer(sentence), *_COMPARE.finditer(sentence)]
    return {int(m["y"] or m["y2"]) for m in found if m.end() <= lo}


def _own_years(sentence: str, at: tuple[int, int]) -> set[int]:
    """The years named in the clause of ``sentence`` at ``at``."""
    lo, hi = _clause_bounds(sentence, at)
    return set(_years_of(sentence[lo:hi]))


def _years_of(text: str) -> list[int]:
    """The years ``text`` names: not a figure of money that looks like one, nor a date's.

    >>> _years_of("ввезли на 2035 млн долларов в 2004 году (Сантьяго, 5 мая 2005)")
    [2004]
    """
    return [int(m[1]) for m in _years_not_dates(text)]


def _clause_bounds(sentence: str, at: tuple[int, int]) -> tuple[int, int]:
    starts = [m.end() for m in _CLAUSE.finditer(sentence, 0, at[0])]
    end = _CLAUSE.search(sentence, at[1])
    return (starts[-1] if starts else 0), (len(sentence) if end is None else end.start())


def _how_dated(
    sentence: str,
    per: Period,
    since: int | None,
    kind: str = "",
    at: tuple[int, int] | None = None,
) -> str:
    """How a claim's year was filled: ``read``, ``carried`` or ``default``.

    Read from its sentence, carried from the article's year when the sentence names none, or
    ``default`` when the sentence names years the reading did not use ("exports fell 8% and
    imports 12% in 2009" read as the article's year).

    >>> _how_dated("Exports fell 8% in 2009.", Period(2021, 2020), None)
    'default'
    >>> _how_dated("Exports grew 30% in 2021.", Period(2021, 2020), None)
    'read'
    >>> _how_dated("Exports grew 30%.", Period(2021, 2020), None)
    'carried'
    >>> _how_dated("In 2018 it was $1.4 bn; in 2021 $4.5 bn, 3.2 times more.", Period(2021, 2020),
    ...            None, "multiple")
    'default'
    >>> _how_dated("The gap was $86 m in 2021, against $470 m in 2013; exports covered 98%.",
    ...            Period(2013), None, "share", (67, 70))
    'default'
    """
    # "the narrowest gap recorded since 2001", "a low not seen since 2001": the year a record
    # reaches back to dates no figure of the sentence.
    records = {int(y) for y in _RECORD_SINCE.findall(sentence)} - {since}
    named = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", sentence)} - records
    if not named - {since}:
        # "the highest since 2003" alone: the year a record reaches back to dates no figure.
        return "carried"
    if since is not None and per.year not in named and per.compare not in named:
        # "The 2008 deficit ... was the highest since 2003" read as another year's record.
        return "default"
    if at is not None and len(named) > 1:
        # Clauses set apart by a semicolon: a claim in one that names no year takes it from
        # another, which names several ("86 млн в 2021 году против 470 млн в 2013 году; экспорт
        # покрыл 98%"): which one is a guess.
        lo = sentence.rfind(";", 0, at[0]) + 1
        hi = sentence.find(";", at[1])
        clause = sentence[lo : hi if hi >= 0 else len(sentence)]
        if (lo > 0 or hi >= 0) and not re.search(r"\b(?:19|20)\d\d\b", clause):
            return "default"
    if (kind in ("growth", "multiple", "change") and per.compare not in named
            and any(y < per.year and y != since for y in named)):  # fmt: skip
        # "В 2018 году экспорт составлял 1,4 млрд, в 2021-м — 4,5 млрд, рост в 3,2 раза": the
        # base may be the earlier year the sentence names, not the year before.
        return "default"
    return "read" if named & {per.year, per.compare, since} else "default"


def _flow(text: str) -> str:
    return "import" if _IMPORT.search(text) and not _EXPORT.search(text) else "export"


#: Ordinal words of a year of a century (lemmas): «в двадцатом году» is 2020 to a text on the
#: warehouse's years.
_YEAR_ORDINALS = {
    "первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "пятый": 5, "шестой": 6,
    "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10, "одиннадцатый": 11,
    "двенадцатый": 12, "тринадцатый": 13, "четырнадцатый": 14, "пятнадцатый": 15,
    "шестнадцатый": 16, "семнадцатый": 17, "восемнадцатый": 18, "девятнадцатый": 19,
    "двадцатый": 20, "тридцатый": 30, "сороковой": 40, "пятидесятый": 50, "шестидесятый": 60,
    "семидесятый": 70, "восьмидесятый": 80, "девяностый": 90,
}  # fmt: skip
_YEAR_TENS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
              "семьдесят": 70, "восемьдесят": 80, "девяносто": 90}  # fmt: skip
#: «в двадцатом году», «за двадцать первый год», «в девятнадцатом» (a year from ten on when
#: «году» is not said: «в третьем» is more likely a quarter).
_ORDINAL_YEAR = re.compile(
    r"(?<!\w)(?:в|во|за|с|по|к|до)\s+(?:(?:две|двух)\s+тысяч\w*\s+)?(?:(?P<tens>двадцать|тридцать|сорок|пятьдесят|шестьдесят|"
    r"семьдесят|восемьдесят|девяносто)\s+)?(?P<ord>[а-яё]+)"
    r"(?P<year>\s+год\w*)?(?!\s+(?:век|квартал|месяц|мест|раз|позици|класс|этаж|номер))",
    re.IGNORECASE,
)


def ordinal_years(text: str, held: Sequence[int]) -> list[int]:
    """The years ``text`` says by ordinal words («в двадцатом году»), of the century ``held``.

    A year said by its last two digits' ordinal is the held year ending in them, else none.

    Examples
    --------
    >>> ordinal_years("Москва в двадцатом году продала больше, чем в девятнадцатом", [2019, 2020])
    [2020, 2019]
    >>> ordinal_years("в две тысячи двадцатом году", [2019, 2020])
    [2020]
    >>> ordinal_years("за двадцать первый год", [2020, 2021])
    [2021]
    >>> ordinal_years("в третьем квартале, в третьем", [2003, 2020])
    []
    """
    out = []
    for m in _ORDINAL_YEAR.finditer(text):
        n = _YEAR_ORDINALS.get(frames.lemma(m["ord"]))
        if n is None:
            continue
        if m["tens"]:
            if n >= 10:
                continue
            n += _YEAR_TENS[m["tens"].lower()]
        elif n < 10 and not m["year"]:
            continue
        years = [y for y in held if y % 100 == n]
        if len(years) == 1:
            out.append(years[0])
    return out


#: A New Year greeting that names the coming year: "Happy New Year 2021", "a happy 2021",
#: "best wishes for 2021", "ring in 2021", «С Новым, 2021 годом», «с наступающим 2021 годом»,
#: «поздравляем с 2021 годом». The text is about the year before it.
NEW_YEAR = re.compile(
    r"\bhappy\s+(?:new\s+year,?\s+)?(?P<y>(?:19|20)\d\d)\b|"
    r"\b(?:wishes|all\s+the\s+best|greetings|toast)\s+for\s+(?:the\s+new\s+year,?\s+)?"
    r"(?P<y2>(?:19|20)\d\d)\b|"
    r"\b(?:ring|ringing|see|seeing|welcome|welcoming)\s+in\s+(?:the\s+new\s+year,?\s+)?"
    r"(?P<y3>(?:19|20)\d\d)\b|"
    r"(?<!\w)с\s+(?:(?:новым|наступающим)(?:\s+годом)?,?\s+)?(?P<y4>(?:19|20)\d\d)(?:-?м)?\s+годом",
    re.IGNORECASE,
)


def greeted_years(text: str) -> tuple[str, set[int]]:
    """``text`` without its New Year greetings, and the years they greet.

    >>> greeted_years("С Новым, 2021 годом! Экспорт за год вырос на 30%.")[1]
    {2021}
    >>> greeted_years("Happy New Year 2021! Exports grew 30% in 2020.")
    (' ! Exports grew 30% in 2020.', {2021})
    >>> greeted_years("Exports grew 30% in 2021.")[1]
    set()
    """
    years = {int(next(y for y in m.groups() if y)) for m in NEW_YEAR.finditer(text)}
    return NEW_YEAR.sub(" ", text), years


def unsay_greeted(text: str) -> str:
    """``text`` with the year of each New Year greeting blanked, of the same length.

    The year greeted is no year of the text's figures: a sentence after it does not go on
    with it.

    >>> unsay_greeted("Happy New Year 2021! Exports grew 30%.")
    'Happy New Year     ! Exports grew 30%.'
    """

    def blank(m: re.Match[str]) -> str:
        name = next(k for k, v in m.groupdict().items() if v)
        a, b = m.span(name)
        return m[0][: a - m.start()] + " " * (b - a) + m[0][b - m.start() :]

    return NEW_YEAR.sub(blank, text)


def names_a_year(text: str) -> bool:
    """Whether ``text`` names any year, held or not, in figures (a date's too).

    >>> names_a_year("Москва, 29 декабря. Экспорт вырос на 30%."), names_a_year("in 2015")
    (False, True)
    """
    return re.search(_A_YEAR, text) is not None


def article_year(text: str, candidates: Sequence[int], held: Sequence[int] = ()) -> int:
    """The year a text is about: the latest of those ``candidates`` (held years it names).

    Years the text names only as bases ("compared with 2019", "since 2001") are not its
    year: when it names no other, the year is the latest year ``held`` (after its bases).

    Examples
    --------
    >>> article_year("In 2020 ... than in 2019 ... in 2020", [2019, 2020])
    2020
    >>> article_year("Экспорт увеличился на 26% в сравнении с 2019 годом", [2019], [2019, 2020])
    2020
    >>> article_year("It fell in 2019 and rose 9% last year", [2019], [2019, 2020])
    2020
    >>> article_year("Saturday 6 February 2021. Up 30% last year, $5m above the 2019 total",
    ...              [2019], [2019, 2020])
    2020
    >>> article_year("Рост в 2,2 раза к 2002 году, а в 2002 году не ввозили", [2002], [2002, 2004])
    2004
    """
    named = collections.Counter(int(y) for y in re.findall(_A_YEAR, text))
    usable = [y for y in named if y in set(candidates)]
    dateline = _DATELINE.search(text[:300])
    if dateline is not None and _LAST_YEAR.search(text):
        # "Saturday 6 February 2021 ... last year": the year before the text's date, whatever
        # earlier year it names ("above the 2019 total" is a base).
        last = int(dateline["y"] or dateline["y2"] or dateline["y3"]) - 1
        if last in held:
            return last
    spans = [(b.start(), b.end()) for b in _COMPARE.finditer(text)]
    bases = {int(m["y"] or m["y2"]) for m in _COMPARE.finditer(text)}
    own = [m for m in re.finditer(_A_YEAR, text)
           if not any(a <= m.start() < b for a, b in spans)]  # fmt: skip
    if usable and bases and (not own or set(usable) <= bases):
        # "рост в 2,2 раза к 2002 году ... которых в 2002 году мы не ввозили": every year it
        # names that the warehouse holds is a base; its own year is the one after them.
        later = [y for y in held if y > max(bases)]
        if later:
            return max(later)
    if not usable:
        raise InputError("The text names no year the warehouse holds for the reporter; "
                         "give --year.")  # fmt: skip
    after = max(usable) + 1
    if _LAST_YEAR.search(text) and after in held and max(named) < after:
        # "from $620 million in 2001 to $4.5 billion last year, ... a third in 2020": the year
        # after the latest it names, when no later date says the text was written earlier.
        return after
    # The latest year the text discusses: earlier years are its bases ("compared with 2002").
    return max(usable)
