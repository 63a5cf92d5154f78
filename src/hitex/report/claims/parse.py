"""Find the numeric claims of a text (English or Russian): what each states, and its words.

Rule-based and deterministic. A text is cut into paragraphs and sentences; each sentence is
read by an ordered list of patterns (:data:`PATTERNS`): ranks, extremes, multiples, simple
fractions, percentages, money, counts of product lines, and bare amounts whose unit an earlier
amount set ("a total of 511.71" after "$563.31 million"). Numbers that none of them reads
(besides dates and years) are kept as claims that are not understood, so that nothing is
dropped silently. Subjects and periods are filled in by :mod:`~hitex.report.claims.resolve`.
"""

from __future__ import annotations

import csv
import functools
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources

from hitex.report import wording
from hitex.report.claims import frames, lexicon, numwords, versus
from hitex.report.claims.model import NOT_UNDERSTOOD, Claim, Quantity

__all__ = ["FALL", "GROWTH", "Found", "Sentence", "parse", "sentences"]


@dataclass(frozen=True)
class Sentence:
    """A sentence: where it is in the text and which paragraph holds it."""

    start: int
    end: int
    paragraph: int
    text: str
    #: The sentence before it in its paragraph ("" for the first): what a bare comparison of
    #: its first clause may be set against («Китай, 40% ввоза. Германия поставляет вдвое меньше»).
    before: str = field(default="", compare=False, repr=False)

    @property
    def lang(self) -> str:
        """``ru`` when the sentence is written in Cyrillic, else ``en``."""
        return "ru" if re.search("[а-яё]", self.text, re.IGNORECASE) else "en"


@dataclass
class Found:
    """A claim as read, with the parts of its sentence :mod:`resolve` reads subjects from.

    ``segment`` is the stretch of the sentence that belongs to the claim (from the end of the
    claim before it); ``whole`` the words after a share that name its total ("of Moscow's
    total Asian exports").
    """

    claim: Claim
    sentence: Sentence
    segment: tuple[int, int]
    whole: tuple[int, int] | None = None
    hints: dict[str, str] = field(default_factory=dict)
    #: Where the next claim of the sentence starts (in the sentence), if any.
    next: int | None = None


# -- sentences ---------------------------------------------------------------------------------
#: The end of a sentence, after its closing quote and footnote marks ("2002.[2] Chile's").
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"»”)]?(?P<note>(?:\[\d{1,3}\])*)\s+(?=[\"«“(]?[A-ZА-ЯЁ0-9])")
_ABBREVIATIONS = re.compile(
    # «(гр. 48)», «(гл. 90)», «поз. 8471»: a chapter or heading said by the short form of its noun.
    r"(?:\b[A-Z]\.){1,3}$|\b(?:Mr|Mrs|Dr|St|vs|approx|etc|[Cc]h|[Nn]o|[Vv]ol|pp|г|гг|гр|гл|поз|т\.е|т\.к)\.$"
)
#: Russian units shortened with a dot ("2,4 млрд долл.") end a sentence before a capital, except
#: before the words that go on naming the unit ("долл. США"). "в 2020 г. Москва" goes on.
_RU_UNITS = re.compile(r"\b(?:тыс|млн|млрд|трлн|долл|руб)\.$")
_UNIT_GOES_ON = re.compile(r"\s*(?:США|РФ)\b")


def sentences(text: str) -> list[Sentence]:
    r"""The sentences of ``text``; each line (or blank-line block) starts a paragraph.

    Examples
    --------
    >>> [s.text for s in sentences("Exports grew by 5% to $1.2 billion. Imports fell.\nNext")]
    ['Exports grew by 5% to $1.2 billion.', 'Imports fell.', 'Next']
    >>> [s.paragraph for s in sentences("One. Two.\n\nThree.")]
    [0, 0, 1]
    >>> [s.text for s in sentences("Рост до 4,5 млрд долл. Импорт — 2 млн долл. США.")]
    ['Рост до 4,5 млрд долл.', 'Импорт — 2 млн долл. США.']
    >>> [s.text for s in sentences("It was $919 million in 2002.[2] Exports grew.")]
    ['It was $919 million in 2002.[2]', 'Exports grew.']
    """
    out: list[Sentence] = []
    paragraph = -1
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        paragraph += 1
        before = ""
        start = line.start()
        # A footnote mark stays with the sentence it closes.
        cuts = [m.end("note") if m["note"] else m.start()
                for m in _BOUNDARY.finditer(line.group())
                if not _ABBREVIATIONS.search(line.group()[: m.start()])
                and not (_RU_UNITS.search(line.group()[: m.start()])
                         and _UNIT_GOES_ON.match(line.group(), m.start()))]  # fmt: skip
        for a, b in zip([0, *cuts], [*cuts, len(line.group())], strict=True):
            piece = line.group()[a:b]
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if body:
                s = start + a + lead
                out.append(Sentence(s, s + len(body), paragraph, body, before))
                before = body
    return out


# -- numbers and their intervals ---------------------------------------------------------------
NUMBER = r"\d{1,3}(?:[ \u00a0,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_QUALIFIERS = {
    # "Fourteen partners exceed $30 million each", «превышают», «превосходят»: present forms too.
    # Not the "over" of "turned over $2bn" (a verb of trade both ways).
    "more": r"more than|(?<!turn )(?<!turns )(?<!turned )(?<!turning )over|above|exceeding|"
    r"exceeded|exceeds|exceed|topped|surpassed|surpasses|"
    r"surpass|in excess of|more then|"
    r"более чем|свыше чем|больше чем|более|свыше|больше|превысил\w*|превыша\w*|превысят|"
    r"превосход\w*|превзош\w*|"
    r"перевали\w* за|перешагну\w*(?:\s+(?:отметку|рубеж|порог|планку)(?:\s+в)?)?|passed|crossed|"
    # «оборот оказался выше 2,2 млрд» (not «выше на 30%», higher by 30%).
    r"выше(?!\s+на\s)",
    "atmost": r"не превысил\w*|не превышает|did not exceed|no more than|not more than|не более|"
    r"не больше|at most",
    "atleast": r"at least|no less than|не менее чем|не меньше чем|не менее|не меньше|"
    # «прибавили минимум 20%», «как минимум на 20%»: at least.
    r"как минимум|минимум|по меньшей мере|at a minimum",
    "less": r"less than|under|below|fewer than|менее|меньше|ниже(?!\s+на\s)",
    # Not Russian "до": after a verb of growth it means "to" ("вырос на 63% до 140 млн").
    "upto": r"up to",
    # "a little short of 24%": just below it. «минус под 300 млн» (just under 300, about 300):
    # «под» before a figure is "nearly".
    "nearly": r"nearly|almost|just under|just shy of|a shade under|getting on for|"
    r"(?:a little|just|slightly|a bit) short of|(?:a little|slightly|a bit) (?:under|below)|"
    r"почти|чуть менее|без малого|под(?=\s+\d|$)",
    "about": r"about|around|approximately|roughly|some|close to|nearly at|barely|scarcely|hardly|"
    r"около|примерно|едва|"
    r"порядка|приблизительно|близко к|почти на уровне",
}
#: A qualifier is a word of its own: not the "over" of "cover" ("exports cover 98% of imports").
QUALIFIER = (
    r"(?<!\w)(?P<q>" + "|".join(f"(?:{p})" for p in _QUALIFIERS.values()) + r")\s+(?:по\s+|на\s+)?"
)
#: Relative half-width of "about" on a round figure, and how far below its figure "nearly" may be.
ABOUT, NEARLY = 0.05, 0.10
#: How wide "about" (around, roughly, some, около, примерно, порядка) is, by the significant
#: digits the figure is written with: (fewest digits, share of the figure, units of its last
#: digit), the first row that holds. A round figure ("about $2bn", "about 110", "около 37%") is
#: a journalist's rounding and keeps 5%; a figure written to three digits or more ("about 113
#: million", "около 12,7%") is the figure rounded, and allows 1% and half its last digit.
ABOUT_WIDTHS = ((3, 0.01, 0.5), (1, ABOUT, 0.5))


def significant_digits(value: float, step: float) -> int:
    """How many significant digits ``value`` is written with, its last digit ``step``; 0 unknown.

    Trailing zeros are not significant ("110 million" has two); a step that is no power of ten
    (a figure said in words) gives 0.

    Examples
    --------
    >>> significant_digits(113e6, 1e6), significant_digits(110e6, 1e6), significant_digits(2e9, 1e9)
    (3, 2, 1)
    >>> significant_digits(12.7, 0.1), significant_digits(1.13e9, 1e7), significant_digits(20, 0.5)
    (3, 3, 0)
    """
    if step <= 0 or value == 0 or abs(math.log10(step) - round(math.log10(step))) > 1e-9:
        return 0
    digits = round(abs(value) / step)
    while digits and digits % 10 == 0:
        digits //= 10
    return len(str(digits)) if digits else 0


def about_width(value: float, step: float) -> float:
    """The half-width "about" gives ``value`` written with the last digit ``step`` (ABOUT_WIDTHS).

    Examples
    --------
    >>> about_width(113e6, 1e6) / 1e6  # "about 113 million": 111.4 to 114.6
    1.63
    >>> round(about_width(110e6, 1e6) / 1e6, 2)  # "about 110 million": 104 to 116
    6.0
    >>> about_width(2e9, 1e9) / 1e9  # "about $2bn": 1.4 to 2.6 billion
    0.6
    >>> round(about_width(12.7, 0.1), 3)  # "около 12,7%": 12.52% to 12.88%
    0.177
    """
    digits = significant_digits(value, step)
    for fewest, share, units in ABOUT_WIDTHS:
        if digits >= fewest:
            return abs(value) * share + units * step
    return abs(value) * ABOUT + step / 2


def qualifier_kind(text: str | None) -> str:
    """Which qualifier ``text`` is (``more``, ``less``, ``about``, ...), or ``""``.

    Examples
    --------
    >>> qualifier_kind("more than"), qualifier_kind("около"), qualifier_kind(None)
    ('more', 'about', '')
    """
    if not text:
        return ""
    for kind, pattern in _QUALIFIERS.items():
        if re.fullmatch(f"(?:{pattern})", text.strip(), re.IGNORECASE):
            return kind
    return ""


def decimals(number: str, *, lang: str = "en") -> int:
    """Decimal places written in ``number`` (a decimal comma in Russian or before 1-2 digits).

    Examples
    --------
    >>> decimals("563.31"), decimals("27,7"), decimals("1,215"), decimals("1 215,34", lang="ru")
    (2, 1, 0, 2)
    """
    text = number.strip()
    comma_decimal = lang == "ru" or re.search(r",\d{1,2}$", text) is not None
    mark = "," if comma_decimal and "." not in text else "."
    return len(text.rsplit(mark, 1)[1]) if mark in text else 0


def quantity(  # noqa: PLR0911 - one return per qualifier
    value: float, unit: str, step: float, qualifier: str = ""
) -> Quantity:
    """The interval ``value`` allows: its rounding (``step`` is its last digit) and qualifier.

    Examples
    --------
    >>> q = quantity(1.2e9, "usd", 1e8)
    >>> (q.lo, q.hi)
    (1150000000.0, 1250000000.0)
    >>> quantity(100 / 3, "pct", 0, "more than").allows(33.34)
    True
    """
    half = step / 2
    kind = qualifier_kind(qualifier) if qualifier else ""
    words = qualifier.strip().lower() if qualifier else ""
    if kind == "more":
        return Quantity(value, unit, value, math.inf, lo_open=True, qualifier=words)
    if kind == "atleast":
        return Quantity(value, unit, value, math.inf, qualifier=words)
    if kind == "atmost":
        return Quantity(value, unit, -math.inf, value + half, qualifier=words)
    if kind == "less":
        return Quantity(value, unit, -math.inf, value, hi_open=True, qualifier=words)
    if kind == "upto":
        return Quantity(value, unit, -math.inf, value + half, qualifier=words)
    if kind == "nearly":
        return Quantity(value, unit, value - abs(value) * NEARLY - half, value + half,
                        qualifier=words)  # fmt: skip
    if kind == "about":
        width = about_width(value, step)
        return Quantity(value, unit, value - width, value + width, qualifier=words)
    return Quantity(value, unit, value - half, value + half)


def negate(q: Quantity) -> Quantity:
    """A fall: "fell by more than 10%" allows -10% and below.

    Examples
    --------
    >>> q = negate(quantity(10.0, "pct", 1.0, "more than"))
    >>> q.allows(-12.0), q.allows(-8.0)
    (True, False)
    """
    return Quantity(-q.value, q.unit, -q.hi, -q.lo, lo_open=q.hi_open, hi_open=q.lo_open,
                    qualifier=q.qualifier)  # fmt: skip


# -- what the words say ------------------------------------------------------------------------
#: Words of growth and of fall (of a rate, and of an amount said to have moved "to" a level).
GROWTH = (r"grew|grow|grown|growth|increas\w*|rose|rise|rising|risen|up\b|jump\w*|climb\w*|"
           r"\bgain\w*|expand\w*|surg\w*|soar\w*|widen\w*|higher|more\b|leap\w*|rocket\w*|"
           # "Exports rebounded 20%", "recovered by a fifth", «отскочил на 20%».
           r"rebound\w*|recover(?:ed|s|ing)?\b|bounced back|отскочил\w*|"
           # "China raised its purchases by 22.4%".
           r"\b(?:raised|boosted|upped)\b|"
           # "a 30% advance on 2019", "a 26.2% improvement", "41% stronger" (not "advanced
           # technology").
           r"advanc(?:e|es|ed|ing)\b(?![- ](?:technolog|econom|countr|manufactur|material|"
           r"goods|products|industr|electronic|machin))|improv\w*|stronger\b|"
           r"вырос\w*|выросл\w*|"
           r"рост\w*|увелич\w*|прирост\w*|подня\w*|больше|повыс\w*|расширил\w*|add(?:ed|ing)\b|"
           r"прибав\w*|\bрос(?:ли|ла|ло)?\b|возрос\w*|подрос\w*|подскочил\w*|рыв(?:ок|ка|ком)\b|"
           # «нарастив закупки на 26%» (not «нарастающим итогом», a running total).
           r"нараст(?!ающ)\w*")  # fmt: skip
FALL = (
    # "shortfall", "windfall": nouns, not a fall ("the shortfall reached 2.4 times the deficit").
    r"fell|(?<!short)(?<!wind)fall\w*|declin\w*|decreas\w*|dropp?\w*|down\b|shrank|shrunk|contract\w*|\blower(?:ed|ing|s)?\b|\bcut\b|"
    r"plung\w*|plummet\w*|slump\w*|tumbl\w*|sank|sunk|halved|slid|slipp?\w*|dipp?\w*|narrow\w*|"
    r"weaker\b|"
    r"collaps\w*|crash(?:ed|es)\b|"
    r"\blost\b|\blos(?:e|es|ing)\b|\bshed(?:s|ding)?\b|"
    # "Preserved fruit faded by about seven tenths", "exports ebbed 5%".
    r"\bfad(?:e|es|ed|ing)\b|\bebb(?:s|ed|ing)?\b|"
    r"сузил\w*|"
    r"less\b|снизил\w*|снижени\w*|сократил\w*|сокращени\w*|(?<!\w)упал\w*|уменьш\w*|меньше|"
    r"обвалил\w*|рухнул\w*|просел\w*|опустил\w*"
)
_SHARE = (r"accounted for|account for|accounts for|share|made up|make up|makes up|represent\w*|"
          # "machinery's slice narrowed from 51% to 46.4%", "their weight in bilateral trade".
          r"\bslices?\b|\bportions?\b|\bproportions?\b|\bweight in\b|"
          # "The weight of HS 73 dropped from 8.8% to 2.5%": its part of the flow.
          r"\b(?:the|its|their)\s+weight\s+of\b|"
          r"\bда(?:ют|[её]т|ли|ла)\b|"
          r"taking|took|takes|supplied|supplies|provided|provides|absorbed|absorbs|"
          # "Medicines fill a fifth": the part of the flow the goods fill.
          r"\bfill(?:s|ed)?\b|"
          r"\bcarr(?:y|ies|ied)\b|"
          r"equal to|equivalent to|equall?ing|"
          r"дол[яеию]\w*|приходи\w*|пришл\w*|удельн\w* вес\w*|"
          # A coverage ratio named by its noun: «покрытие импорта экспортом», "import coverage".
          r"покрыти\w*|\bcoverage\b|"
          # «Экспорт покрывал импорт на 98,1%»: the coverage ratio said by its verb.
          r"(?<!\w)покры(?:ва|л)\w*")  # fmt: skip
_MONEY_CONTEXT = (r"total of|worth|amount\w* to|totall?ed|valued at|value of|\bvs\.?|\bversus|"
                  r"(?:follows?|followed|comes?|came|stands?|stood)\s+at|"
                  r"сумм\w*|составил\w*|"
                  r"в размере|объ[её]м\w*")  # fmt: skip
_CHANGE_BEFORE = re.compile(
    r"(?:\bby|\bна|increase of|rise of|growth of|gain of|expense of|за сч[её]т|прирост\w*|"
    # "the absolute increase, about $555m": the change the noun names, after a comma.
    r"\bthe\s+(?:absolute\s+|net\s+|overall\s+)?(?:increase|rise|gain|growth)\s*,|"
    r"\badded|\bbrought|\bcontributed|вклад в прирост|обеспечил\w*)"
    # "Прирост — 554,7 млн": the figure after a dash or colon is the change the noun names.
    r"(?:\s*[—–:])?\s*(?:" + QUALIFIER + r")?\$?\s*$", re.IGNORECASE)  # fmt: skip
#: "отгрузили продукции на 217,2 млн долларов": goods shipped worth an amount, no change.
_WORTH_OF = re.compile(
    r"(?:отгруз\w*|отгруж\w*|постав(?:ил|ля)\w*|продал\w*|продан\w*|(?<!\w)(?:за)?купил\w*|"
    # «нефтепродуктов закуплено на 298 млн»: the passive says the worth too.
    r"(?<!\w)(?:за)?куплен\w*|приобрет[её]н\w*|"
    r"приобр[её]л\w*|экспортировал\w*|ввез\w*|вывез\w*)\s+(?:[^\W\d]+\s+){0,2}на\s*(?:"
    + QUALIFIER.replace("?P<q>", "?:") + r")?\$?\s*$"
    # «отгружено продукции на 191,9 млн долл., ...; в четвёртом квартале — на 651,7 млн»: a
    # clause with no verb goes on with the verb of worth before it.
    r"|(?:отгруз\w*|отгруж\w*|постав(?:ил|ля)\w*|продал\w*|продан\w*|закупил\w*|"
    r"экспортировал\w*|ввез\w*|вывез\w*)\s+(?:[^\W\d]+\s+){0,2}на\s+\d[^;]*;"
    r"[^;.\d]{0,40}[—–]\s*на\s*$"
    # «Белоруссия закупила на треть больше, всего на 160 млн»: the total the verb is worth.
    r"|(?:отгруз\w*|постав(?:ил|ля)\w*|продал\w*|закупил\w*|ввез\w*|вывез\w*)[^.;:]{0,40}?"
    r",\s*(?:всего|в сумме|в общей сложности|итого)\s+на\s*$"
    # «остаётся в минусе на 43 млн», «торговля сводится в плюс на 675 млн»: a balance by its
    # size.
    r"|(?<!\w)в\s+(?:минусе?|плюсе?)\s+на\s*$", re.IGNORECASE)  # fmt: skip
#: «в минусе на», «в плюсе на», «сводится в плюс на»: the side of a balance said by its size.
_IN_THE_RED = re.compile(r"(?<!\w)в\s+(?P<side>минусе?|плюсе?)\s+на\s*$", re.IGNORECASE)
#: "$54.26 million increase": a change named after its figure.
_CHANGE_AFTER = re.compile(
    r"\s+(?:increase|rise|gain|growth|jump|drop|fall|decline|decrease|more than|less than|"
    # "That is $554.7 million more.": a difference said at the end of its clause.
    r"(?:more|less)(?=\s*(?:[.,;:)]|$))|"
    # "555 million above the 2019 level", "$40m lower than in 2019": a difference from a year.
    r"(?:above|below|higher\s+than|lower\s+than|up\s+on|down\s+on)\s+(?:in\s+)?(?:the\s+|its\s+)?"
    r"(?:(?:19|20)\d\d|previous\s+year|prior\s+year|year\s+before|a\s+year\s+(?:earlier|before|ago)|"
    r"last\s+year)|"
    r"больше|меньше)\b", re.IGNORECASE)  # fmt: skip
#: A change named by a noun: "of the $150,000 increase, new exporters brought $700,000".
_NAMED_CHANGE = re.compile(r"\b(?:increase|rise|growth|gain)\b", re.IGNORECASE)
#: "Of the $54.26 million increase, finished goods brought ...": the sentence splits a change.
_OF_CHANGE = re.compile(r"^(?:Of the|Из)\b[^.]*?(?:increase|rise|growth|gain|прирост)", re.I)
#: "Most of all", «больше всего»: the largest of a list, not a change.
_MOST_OF_ALL = re.compile(r"(?<!\w)(?:больше|меньше)\s+всего(?!\w)|\bmost of all\b", re.IGNORECASE)
#: A threshold of a rule, not a claim: "growth on a base of $1 million or more".
_THRESHOLD = re.compile(
    r"(?:\bbases? (?:of|under|below|above|over)|\bбаз\w* (?:от|менее|свыше|не менее)|"
    r"\bthreshold of|\bпорог\w*)\s*(?:" + QUALIFIER + r")?\$?\s*$", re.IGNORECASE)  # fmt: skip
#: A threshold a question asks about: «Сколько групп превышали 10 млн долл.?», "How many
#: chapters topped $10 million?" (the figure is asked, not stated).
_ASKED_OVER = re.compile(r"(?:превыша\w*|превысил\w*|превзош\w*|свыше|более|больше|exceed\w*|"
                         r"topp?\w*|more than|over|above)\s*\$?\s*$", re.IGNORECASE)  # fmt: skip
_TRADE = re.compile(
    r"export|import|suppl|deliver|sales|sold|bought|purchas|trade|shipment|\bship(?:ped|ping)\b|"
    r"\bbuy(?:s|ing)?\b|\bsell(?:s|ing)?\b|goods|products|"
    r"contract|transaction|industr|экспорт|импорт|поставк|постав|продаж|торгов|товар|продукци|"
    r"закуп|контракт|сделк|отрасл|took|buyer|customer|market|deficit|surplus|turnover|balance|дефицит|"
    r"профицит|сальдо|оборот|покуп|выручк|рын|\bgap\b|shortfall|отгруз|вывез|ввез|вывоз|ввоз|"
    r"outbound|inbound|\bpartner countr|\bpartners\b|партн[её]р|destinations|поставщик|"
    # «22 страны-получателя», "recipient countries": those the goods went to.
    r"получател|\brecipient|"
    # "Nine headings passed the 100-million mark": a count of goods over a bound of money.
    r"\b(?:chapters|headings|product lines|tariff lines)\b(?=\s+(?:\w+\s+){0,2}?(?:passed|topped|"
    r"exceeded|crossed|(?:got|went) past|cleared|above|over)\s+(?:the\s+)?(?:US\$|\$|\d|\w+[- ]"
    r"(?:million|billion)))|"
    r"two-way|commerce|"
    # "Chile's consignments to its neighbour", "goods received": consigned and received goods.
    r"consign|"
    r"\bsen(?:t|ds?) (?:abroad|overseas)|"
    # "twenty-two nations order from the city": buyers' orders.
    r"\border(?:s|ed)?\s+from\b|"
    # «Москва продала за рубеж техники», «купили у нас машин», «приобрели товаров»: verbs of
    # selling and buying, as "sold" and "bought" are.
    r"\bпрода(?:л|ть|[её]т|[её]шь|[её]те|ют|в)|\b(?:за|на)?куп(?:и|л|я)|\bприобр[её]|"
    r"\bза\s+(?:рубеж|границ)|"
    # "October-December 2020 brought $652m": money a period brought in.
    r"\b(?:brought|earned|fetched)(?:\s+in)?(?=\s+(?:US\$|\$|USD))",
    re.IGNORECASE)  # fmt: skip

_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
                 "twenty": 20, "thirty": 30,
                 "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
                 "восемь": 8, "девять": 9, "десять": 10, "полтора": 1.5, "полторы": 1.5,
                 "одиннадцать": 11, "двенадцать": 12, "пятнадцать": 15, "двадцать": 20}  # fmt: skip
#: "one and a half times", "seven and a quarter times", "в два с половиной раза".
_AND_A_PART = {"half": 0.5, "quarter": 0.25, "three quarters": 0.75, "половиной": 0.5,
               "четвертью": 0.25}  # fmt: skip


def _english_tens() -> dict[str, int]:
    """English tens and their compounds, "twenty" to "ninety-nine".

    >>> _english_tens()["thirty-seven"], len(_english_tens())
    (37, 80)
    """
    out: dict[str, int] = {}
    for t, ten in enumerate(("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                             "ninety")):  # fmt: skip
        out[ten] = 10 * (t + 2)
        for u, unit in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight",
                                  "nine")):  # fmt: skip
            out[f"{ten}-{unit}"] = 10 * (t + 2) + u + 1
    return out


# "thirty-seven times", "forty times".
_WORD_NUMBERS.update(_english_tens())
_NUMBER_WORDS = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
#: Counts said in words (partners: "fourteen countries", "четырнадцать стран").
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
                "nineteen": 19, "twenty": 20, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
                "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
                "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "двадцать": 20,
                # «импорт поступал от семи поставщиков»: the genitive after a preposition.
                "пяти": 5, "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10,
                "двенадцати": 12, "пятнадцати": 15, "двадцати": 20}  # fmt: skip
# "thirty-nine chapters", "up from twenty-nine".
_COUNT_WORDS.update(_english_tens())
# Every count from two to ninety-nine in words, Russian in every case («двадцати двум»).
_COUNT_WORDS.update(numwords.COUNTS)
_COUNT_WORDS_RE = "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))


#: Whole numbers in English words up to ninety-nine ("thirty", "forty-five").
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen")  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_PERCENT_WORDS = (rf"(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS[:9])})\b)?"
                  rf"|(?:{'|'.join(sorted(_UNITS, key=len, reverse=True))})")  # fmt: skip


#: Russian whole numbers in words up to 999 («двести двадцать семь», «сорок один»).
_RU_HUNDRED_WORDS = {"сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
                "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900}  # fmt: skip
_RU_TEN_WORDS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
            "семьдесят": 70, "восемьдесят": 80, "девяносто": 90}  # fmt: skip
_RU_UNIT_WORDS = {"один": 1, "одна": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4,
             "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
             "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
             "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
             "девятнадцать": 19}  # fmt: skip


def _alt(words: dict[str, int]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?!\w)"


_HUNDREDS_RU, _TENS_RU, _UNITS_RU = (_alt(_RU_HUNDRED_WORDS), _alt(_RU_TEN_WORDS),
                                     _alt(_RU_UNIT_WORDS))  # fmt: skip
_RU_INT = (rf"(?:{_HUNDREDS_RU}(?:\s+{_TENS_RU})?(?:\s+{_UNITS_RU})?"
           rf"|{_TENS_RU}(?:\s+{_UNITS_RU})?|{_UNITS_RU})")  # fmt: skip
#: «два и четыре десятых», «один и двадцать пять сотых»: a decimal said in words; «четыре с
#: половиной», «полтора»: a half (or a quarter) more.
#: «четырех с половиной млрд»: the genitive of a unit before «с половиной» (only there: alone,
#: «двух», «пяти» are as often no figure).
_RU_UNIT_OBLIQUE = {"двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5,
                    "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10}  # fmt: skip
RU_NUMBER_WORDS = (rf"(?<!\w)(?:{_RU_INT}(?:\s+и\s+{_RU_INT}\s+(?:десят|сот)ы[хй]"
                   r"|\s+с\s+(?:половиной|четвертью))?|полтора|полторы"
                   rf"|{_alt(_RU_UNIT_OBLIQUE)}\s+с\s+(?:половиной|четвертью))")  # fmt: skip
_RU_AND_A_PART = {"половиной": 0.5, "четвертью": 0.25}


def ru_words_number(words: str) -> str:
    """The figure Russian words say, as digits (a decimal with a point).

    >>> ru_words_number("двести двадцать семь"), ru_words_number("два и четыре десятых")
    ('227', '2.4')
    >>> ru_words_number("один и двадцать пять сотых"), ru_words_number("четыре с половиной")
    ('1.25', '4.5')
    >>> ru_words_number("полтора"), ru_words_number("четырех с половиной")
    ('1.5', '4.5')
    """
    said = " ".join(words.lower().split())
    if said in ("полтора", "полторы"):
        return "1.5"
    head, _, more = said.partition(" с ")
    if more in _RU_AND_A_PART:
        return f"{int(ru_words_number(head)) + _RU_AND_A_PART[more]:g}"
    whole, _, part = said.partition(" и ")

    def value(text: str) -> int:
        table = {**_RU_HUNDRED_WORDS, **_RU_TEN_WORDS, **_RU_UNIT_WORDS, **_RU_UNIT_OBLIQUE}
        return sum(table.get(w, 0) for w in text.split())

    if not part:
        return str(value(whole))
    digits = 1 if "десят" in part else 2
    return f"{value(whole)}.{value(part.rsplit(maxsplit=1)[0]):0{digits}d}"


class _InWords:
    """A match of a figure in words (group ``words``), read as its digits (``num``)."""

    def __init__(self, m: re.Match[str], num: str, **groups: str | None) -> None:
        self.m = m
        self.groups = {"num": num, "q": m["q"], **groups}

    def __getitem__(self, key: str) -> str | None:
        return self.groups[key]

    def start(self) -> int:
        return self.m.start()

    def end(self) -> int:
        return self.m.end()


def _in_words_ru(m: re.Match[str]) -> _InWords:
    """A Russian figure in words, with its scale («два и четыре десятых миллиарда»).

    «с половиной», «с четвертью»: the figure is said to its half (quarter), its last step.
    """
    part = re.search(r"с\s+(половиной|четвертью)\s*$", m["words"], re.IGNORECASE)
    step = None if part is None else str(_RU_AND_A_PART[part[1].lower()])
    return _InWords(m, ru_words_number(m["words"]), scale=m.groupdict().get("scale"), step=step)


def _step(m: re.Match[str], digits: float) -> float:
    """The last step of a figure: its last digit's, or the part a figure in words is said to."""
    said = m.groups.get("step") if isinstance(m, _InWords) else None
    return float(said) if said else digits


def _billions_and_millions(m: re.Match[str]) -> _InWords:
    """«миллиард семьсот семьдесят два миллиона»: the billions and millions as millions.

    >>> said = re.match(r"(?P<q>)(?P<bn>два )?миллиарда (?P<words>сто) (?P<scale>миллионов)",
    ...                 "два миллиарда сто миллионов")
    >>> _billions_and_millions(said)["num"]
    '2100'
    """
    billions = int(ru_words_number(m["bn"])) if m["bn"] else 1
    return _InWords(m, str(billions * 1000 + int(ru_words_number(m["words"]))),
                    scale=m["scale"])  # fmt: skip


def _digits_billions(m: re.Match[str]) -> _InWords:
    r"""«2 млрд 404 млн»: the billions and millions in digits as millions.

    >>> said = re.match(r"(?P<q>)(?P<bn>\d+) млрд (?P<mn>\d+) (?P<scale>млн)", "2 млрд 404 млн")
    >>> _digits_billions(said)["num"]
    '2404'
    """
    return _InWords(m, str(int(m["bn"]) * 1000 + int(m["mn"])), scale=m["scale"])


def _in_words(m: re.Match[str]) -> _InWords:
    """An English percentage in words ("thirty percent")."""
    return _InWords(m, str(words_number(m["words"])))


def words_number(words: str) -> int:
    """The whole number said in English words.

    >>> words_number("thirty"), words_number("Forty-five"), words_number("twelve")
    (30, 45, 12)
    """
    parts = re.split(r"[\s-]+", words.lower().strip())
    tens = 10 * (_TENS.index(parts[0]) + 2) if parts[0] in _TENS else 0
    units = [_UNITS.index(p) + 1 for p in parts if p in _UNITS]
    return tens + sum(units)


def count_in(words: str) -> int | None:
    """The count a rank's words give ("last of fourteen": 14), or None.

    >>> count_in("last of fourteen"), count_in("last among the 6 suppliers"), count_in("last")
    (14, 6, None)
    """
    m = re.search(rf"(?<!\w)({_COUNT_WORDS_RE}|\d{{1,3}})(?!\w)", words, re.IGNORECASE)
    if m is None:
        return None
    word = m[1].lower()
    return int(word) if word.isdigit() else int(_COUNT_WORDS[word])


_VERB_MULTIPLES = {"twice": 2, "doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4, "удвоил": 2,
                   "утроил": 3,
                   "учетверил": 4, "вдвое": 2, "втрое": 3, "вчетверо": 4, "впятеро": 5,
                   "вшестеро": 6, "всемеро": 7, "ввосьмеро": 8, "вдевятеро": 9,
                   "вдесятеро": 10}  # fmt: skip
_FRACTIONS = {"a third": 1 / 3, "one third": 1 / 3, "a quarter": 1 / 4, "one quarter": 1 / 4,
              "half": 1 / 2, "one half": 1 / 2, "two thirds": 2 / 3, "two-thirds": 2 / 3,
              "three quarters": 3 / 4, "three-quarters": 3 / 4, "a fifth": 1 / 5,
              "one fifth": 1 / 5, "пятую": 1 / 5, "a tenth": 1 / 10, "one tenth": 1 / 10,
              "десятую": 1 / 10, "треть": 1 / 3, "трети": 1 / 3, "четверть": 1 / 4,
              "четверти": 1 / 4, "половин": 1 / 2, "наполовину": 1 / 2, "две трети": 2 / 3,
              "пятую часть": 1 / 5, "пятая часть": 1 / 5, "десятая часть": 1 / 10,
              "two fifths": 2 / 5, "two-fifths": 2 / 5,
              "three fifths": 3 / 5, "three-fifths": 3 / 5, "две пятых": 2 / 5,
              "три пятых": 3 / 5, "an eighth": 1 / 8, "one eighth": 1 / 8, "one-eighth": 1 / 8,
              "a sixth": 1 / 6, "one sixth": 1 / 6, "one-sixth": 1 / 6, "three tenths": 3 / 10,
              "three-tenths": 3 / 10, "seven tenths": 7 / 10, "seven-tenths": 7 / 10,
              "four fifths": 4 / 5, "four-fifths": 4 / 5,
              # «около двух третей», «трёх четвертей»: the genitive after a preposition.
              "двух третей": 2 / 3, "три четверти": 3 / 4, "трёх четвертей": 3 / 4,
              "трех четвертей": 3 / 4, "двух пятых": 2 / 5, "трёх пятых": 3 / 5,
              "трех пятых": 3 / 5,
              # "a seventh", «девятую часть», «больше пятой части»: the rarer parts, and the
              # genitive of a part after a comparative or a preposition.
              "a seventh": 1 / 7, "one seventh": 1 / 7, "one-seventh": 1 / 7, "a ninth": 1 / 9,
              "one ninth": 1 / 9, "one-ninth": 1 / 9, "шестую часть": 1 / 6,
              "шестая часть": 1 / 6, "шестой части": 1 / 6, "седьмую часть": 1 / 7,
              "седьмая часть": 1 / 7, "седьмой части": 1 / 7, "восьмую часть": 1 / 8,
              "восьмая часть": 1 / 8, "восьмой части": 1 / 8, "девятую часть": 1 / 9,
              "девятая часть": 1 / 9, "девятой части": 1 / 9, "пятой части": 1 / 5,
              "десятой части": 1 / 10, "another third": 1 / 3, "another quarter": 1 / 4,
              "another fifth": 1 / 5, "another tenth": 1 / 10}  # fmt: skip
#: How far (in percentage points) a simple fraction said in words may be from its value
#: (kept for reference; the word tolerance table, data/tolerance.csv, decides).
FRACTION_PP = 2.5


@functools.cache
def _tolerance() -> dict[tuple[str, float], tuple[float, float]]:
    path = resources.files("hitex.report.claims").joinpath("data", "tolerance.csv")
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {
        (r["kind"], round(float(r["value"]), 3)): (float(r["lo"]), float(r["hi"])) for r in rows
    }


def word_range(kind: str, value: float) -> tuple[float, float]:
    """The values a figure said in words covers, as journalists use the word.

    ``multiple`` (x2 "doubled", x3 "threefold") and ``fraction`` (1/3 "a third") come from
    ``data/tolerance.csv``; other words cover -7%..+13% (multiples) or -10%..+12% (fractions)
    of their value.

    Examples
    --------
    >>> word_range("multiple", 3), word_range("fraction", 1 / 3)
    ((2.8, 3.4), (0.3, 0.37))
    >>> word_range("multiple", 15)
    (13.95, 16.95)
    """
    found = _tolerance().get((kind, round(value, 3))) or _tolerance().get((kind, round(value, 4)))
    if found:
        return found
    lo, hi = (0.93, 1.13) if kind == "multiple" else (0.9, 1.12)
    return round(value * lo, 6), round(value * hi, 6)


def word_quantity(kind: str, value: float, unit: str, qualifier: str = "") -> Quantity:
    """A figure said in words: its table range, or its qualifier ("more than doubled").

    "exactly" narrows it to 1%.

    Examples
    --------
    >>> q = word_quantity("multiple", 3.0, "x")
    >>> q.allows(3.19), q.allows(3.5)
    (True, False)
    >>> word_quantity("multiple", 2.0, "x", "more than").allows(2.5)
    True
    >>> word_quantity("fraction", 20.0, "pct", "about").allows(22.0)  # as "a fifth" does
    True
    """
    scale = 100.0 if unit == "pct" else 1.0
    if qualifier_kind(qualifier) == "about":
        # "about a fifth" allows all that "a fifth" does, and the qualifier's own width.
        q = quantity(value, unit, 0.01 * value if unit == "x" else 0.5, qualifier)
        lo, hi = word_range(kind, value / scale)
        return Quantity(value, unit, min(q.lo, lo * scale), max(q.hi, hi * scale),
                        qualifier=q.qualifier)  # fmt: skip
    if qualifier and qualifier_kind(qualifier):
        return quantity(value, unit, 0.01 * value if unit == "x" else 0.5, qualifier)
    if qualifier.strip().lower() in ("exactly", "ровно", "точно"):
        return Quantity(value, unit, value * 0.995, value * 1.005, qualifier="exactly")
    lo, hi = word_range(kind, value / scale)
    return Quantity(value, unit, lo * scale, hi * scale)


def invert(q: Quantity) -> Quantity:
    """A multiple of a fall: "fell 12.8 times" is x1/12.8 of the base.

    Examples
    --------
    >>> q = invert(quantity(2.0, "x", 0.0, "more than"))
    >>> q.allows(0.44), q.allows(0.6)
    (True, False)
    """
    lo = 1 / q.hi if q.hi > 0 and not math.isinf(q.hi) else 0.0
    hi = 1 / q.lo if q.lo > 0 else math.inf
    return Quantity(1 / q.value if q.value else math.inf, "x", lo, hi, lo_open=q.hi_open,
                    hi_open=q.lo_open, qualifier=q.qualifier)  # fmt: skip


_SCALE_WORDS = (
    r"billion|bln|bn|million|mln|mn|thousand|млрд|млн|тыс|миллиард\w*|миллион\w*|тысяч\w*"
)
_FACTORS = {"billion": 1e9, "bn": 1e9, "bln": 1e9, "млрд": 1e9, "million": 1e6, "mln": 1e6,
            "mn": 1e6, "млн": 1e6, "thousand": 1e3, "тыс": 1e3, "m": 1e6, "k": 1e3}  # fmt: skip


def _scale_name(word: str) -> str:
    """A scale word as the figures write it: «миллиарда» is «млрд», «миллионами» «млн»."""
    w = word.lower().rstrip(".")
    return next((short for long, short in _RU_SCALES if w.startswith(long)), w)


_RU_SCALES = (("миллиард", "млрд"), ("миллион", "млн"), ("тысяч", "тыс"))
# «2403,8 млн американских долларов»: the adjective names the currency, not a partner.
_DOLLARS = r"(?:U\.?S\.?\s+)?dollars?|USD|US\$|(?:американск\w+\s+)?долл\w*\.?(?:\s*США)?|\$"


def _fraction_value(text: str) -> float:
    lowered = text.lower()
    return next(v for k, v in _FRACTIONS.items() if lowered.startswith(k))


def _part(words: str | None) -> float:
    """What "and a half" ("с четвертью") adds to a multiple in words.

    >>> _part(" and a quarter"), _part(" с половиной"), _part(None)
    (0.25, 0.5, 0.0)
    """
    if not words:
        return 0.0
    words = words.replace("-", " ")  # "five-and-a-half-fold"
    tail = re.sub(r"^\s*(?:and\s+a\s+|and\s+|с\s+)", "", words.lower()).strip()
    return _AND_A_PART.get(re.sub(r"\s+", " ", tail), 0.0)


def _multiple_word(text: str) -> float:
    lowered = text.lower()
    if lowered in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[lowered])
    if lowered == "one":
        return 1.0
    return float(lowered.replace(",", "."))


Reader = Callable[[re.Match[str], Sentence, str], "tuple[str, Quantity | None, str | None]"]


@dataclass(frozen=True)
class Pattern:
    """A regex and what a match of it claims: ``read(match, sentence, before)``."""

    name: str
    regex: re.Pattern[str]
    read: Reader


_ORDINALS = (("first", "перв"), ("second", "втор"), ("third", "трет"), ("fourth", "четв"),
             ("fifth", "пят"), ("sixth", "шест"), ("seventh", "седьм"), ("eighth", "восьм"),
             ("ninth", "девят"), ("tenth", "десят"), ("eleventh", "одиннадцат"),
             ("twelfth", "двенадцат"), ("thirteenth", "тринадцат"), ("fourteenth", "четырнадцат"),
             ("fifteenth", "пятнадцат"), ("sixteenth", "шестнадцат"),
             ("seventeenth", "семнадцат"), ("eighteenth", "восемнадцат"),
             ("nineteenth", "девятнадцат"), ("twentieth", "двадцат"))  # fmt: skip
#: Tens before an ordinal of one to nine: "twenty-second", «двадцать второй» (22nd, not 2nd).
_TENS_ORDINAL = (("twenty", "двадцать"), ("thirty", "тридцать"), ("forty", "сорок"),
                 ("fifty", "пятьдесят"), ("sixty", "шестьдесят"), ("seventy", "семьдесят"),
                 ("eighty", "восемьдесят"), ("ninety", "девяносто"))  # fmt: skip
_COMPOUND_ORDINAL = (
    r"(?:"
    + "|".join(en for en, _ in _TENS_ORDINAL)
    + r")[- ](?:"
    + "|".join(en for en, _ in _ORDINALS[:9])
    + r")\b"
    + r"|(?:"
    + "|".join(ru for _, ru in _TENS_ORDINAL)
    + r")\s+(?:"
    + "|".join(ru for _, ru in _ORDINALS[:9])
    + r")\w*"
)
#: Ordinals in figures: "12th", "11-е", "с 10-го на 12-е место".
_DIGIT_ORDINAL = r"\d{1,2}(?:st|nd|rd|th|-(?:[ея]|го|й|м|ое|ой|ом|ого|ая|ую))(?!\w)"
# Not a cardinal of the same stem: «пяти крупнейших рынков» (of the five largest), «десять».
_ORDINAL = (
    _COMPOUND_ORDINAL
    + "|"
    + "|".join(
        f"{en}|{ru}(?!(?:и|ь|ью)\\b)\\w*" for en, ru in sorted(_ORDINALS, key=lambda o: -len(o[0]))
    )
)
_ORDINAL += "|" + _DIGIT_ORDINAL
#: Longer stems first: "пятнадцат" before "пят".
_PLACE = re.compile(
    rf"(?P<c>\b(?:{_COMPOUND_ORDINAL}))|"
    + "|".join(f"(?P<o{i}>\\b(?:{en}|{ru}))" for i, (en, ru) in
             sorted(enumerate(_ORDINALS), key=lambda x: -len(x[1][1])))
    + r"|\b(?P<d>\d{1,2})(?=st|nd|rd|th|-)", re.IGNORECASE)  # fmt: skip


#: Every place a rank's words name, in order ("from fourth to first": 4, then 1).
PLACES = _PLACE


def place_of(m: re.Match[str]) -> int:
    """The place one match of :data:`PLACES` names.

    >>> [place_of(m) for m in PLACES.finditer("climbed from fourth to 1st")]
    [4, 1]
    >>> [place_of(m) for m in PLACES.finditer("the twenty-second buyer, «тридцать первое место»")]
    [22, 31]
    """
    if m["d"]:
        return int(m["d"])
    if m["c"]:
        tens, unit = re.split(r"[- ]|\s+", m["c"].lower(), maxsplit=1)
        ten = next(i for i, pair in enumerate(_TENS_ORDINAL) if tens in pair)
        one = next(i for i, (en, ru) in enumerate(_ORDINALS[:9]) if unit.startswith((en, ru)))
        return 10 * (ten + 2) + one + 1
    return int(next(k for k, v in m.groupdict().items() if v and k != "c")[1:]) + 1


def _place(words: str) -> int:
    """The place a rank's words name: the last ordinal ("slipped from tenth to twelfth": 12).

    Examples
    --------
    >>> _place("slipped from tenth to twelfth"), _place("с 10-го на 12-е место"), _place("top")
    (12, 12, 1)
    >>> _place("на пятнадцатое место"), _place("ranked fourth")
    (15, 4)
    """
    found = list(_PLACE.finditer(words))
    return place_of(found[-1]) if found else 1


#: Words after a rank that make it a rank of goods ("the third-largest import item").
_GOODS_RANK = re.compile(
    r"\s+(?:(?:\w+\s+){0,2}(?:items?|products?|goods|commodit\w+|categor\w+|lines?|"
    r"chapters?|headings?)\b|"
    r"(?:export|import)s?\b(?!\s+(?:market|partner|destination|buyer|supplier))|"
    r"(?:\w+\s+)?(?:товар\w*|статьей|статья|позици\w*|продукт\w*)\b)", re.IGNORECASE)  # fmt: skip


#: Words that say which goods a rank ranks: HS chapters (Russian «товарные группы»), headings
#: («товарные позиции») or six-digit lines ("subheadings", «субпозиции»).
_GOODS_LEVEL = (
    # "Tariff lines" are six-digit goods; "the largest line" alone is an item of any level.
    ("product", re.compile(r"subheading|\bhs6|\b(?:tariff|hs|hs6)\s+lines?\b|субпозици", re.I)),
    ("heading", re.compile(r"heading|позици", re.I)),
    ("chapter", re.compile(r"chapter|\bgroups?\b|глав[аеыу]\b|групп", re.I)),
)
#: A level of goods ranked, said after a rank ("... among import chapters", «среди групп»).
_LEVEL_AFTER = re.compile(
    r"\s*,?\s*(?:(?:among|of)\s+(?:all\s+|the\s+|its\s+)?(?:(?:two|three|four|five|\d{1,2})\s+)?"
    r"(?:(?:export|import)s?\s+)?|"
    r"(?:среди|из)\s+(?:всех\s+)?(?:(?:экспортн|импортн|товарн)\w*\s+)?|"
    r"(?<=among (?:export|import) )|(?<=among (?:export|import)s )|(?<=among )|(?<=среди ))"
    r"(?P<level>chapters?|headings?|subheadings?|groups?|групп\w*|позиций|глав)\b",
    re.I,
)


#: Words that rank something among goods of a level, anywhere in a sentence ("came ninth among
#: all headings", «оказалась девятой среди всех товарных позиций»): what is ranked is goods.
AMONG_GOODS = re.compile(
    r"(?:among|of)\s+(?:all\s+|the\s+|its\s+)?(?:(?:export|import)s?\s+)?"
    r"(?:chapters|headings|subheadings|product\s+lines|items)\b"
    r"|(?:среди|из)\s+(?:всех\s+)?(?:(?:экспортн|импортн|товарн)\w*\s+)?"
    r"(?:групп|позиций|глав\b|статей)",
    re.IGNORECASE,
)


def _goods_level(words: str) -> str:
    """The level of goods a rank's words name: ``goods:chapter`` (``heading``, ``product``).

    ``goods`` when they name none ("the largest item").

    Examples
    --------
    >>> _goods_level("second place among import chapters"), _goods_level("первая товарная позиция")
    ('goods:chapter', 'goods:heading')
    >>> _goods_level("the single largest item")
    'goods'
    """
    for level, said in _GOODS_LEVEL:
        if said.search(words):
            return f"goods:{level}"
    return "goods"


#: The words of a rank among partners.
_PARTNER_WORDS = re.compile(r"market|buyer|partner|destination|importer|customer|supplier|рын|"
                            r"покупател|партн|импорт[её]р|направлени", re.IGNORECASE)  # fmt: skip


def _rank(  # noqa: PLR0911 - one return per way a place is said
    m: re.Match[str], s: Sentence, before: str
) -> tuple[str, Quantity | None, str | None]:
    words = m.group().lower()
    if m.groupdict().get("ahead") and not re.search(r"(?-i:[А-ЯЁ])[а-яё]*\s+$", before):
        return "", None, None  # «Самый сложный год впереди»: ahead in time, no rank
    metric = "growth" if re.search(r"growth|growing|rate|fastest|темп|рост", words) else "value"
    goods = re.search(
        r"\b(?:items?|products?|goods|commodit|categor|chapter|heading|lines?\b)|позици|"
        r"групп|стать",
        words,
    )
    after = _LEVEL_AFTER.match(s.text, m.end())
    # "the third-largest heading": the level said right after the place.
    noun = _GOODS_RANK.match(s.text, m.end())
    partner_words = _PARTNER_WORDS.search(words)
    if (goods or after or noun) and not partner_words:
        # A rank among goods: of chapters, headings or lines where the words say which.
        level = _goods_level(words + " " + (after["level"] if after else "")
                             + " " + (noun.group() if noun else ""))  # fmt: skip
        metric = level + (":growth" if metric == "growth" else "")
    elif not partner_words:
        # "..., while vehicles came fourth" after "among import chapters": the level said
        # earlier in the sentence goes on.
        carried = list(_LEVEL_AFTER.finditer(before))
        if carried:
            metric = _goods_level(carried[-1]["level"]) + (":growth" if metric == "growth" else "")
    if m.groupdict().get("next"):
        # The place after the rank said before it (``_read`` reads which, or drops it).
        return "rank", Quantity(2, "rank", 2, 2), "next"
    if m.groupdict().get("last"):
        # The last of all partners: its place is their number, which verify counts.
        return "rank", Quantity(0, "rank", 0, 0), "last"
    close = m.groupdict().get("close") or m.groupdict().get("close_en")
    if close:
        n = {"тройк": 3, "четвёрк": 4, "четверк": 4, "пятерк": 5, "пятёрк": 5, "десятк": 10}.get(
            close.lower()) or _WORD_NUMBERS.get(close.lower()) or int(close)  # fmt: skip
        return "rank", Quantity(n, "rank", n, n), metric
    top = (m.groupdict().get("top") or m.groupdict().get("top_ru") or m.groupdict().get("top_ru3")
           or m.groupdict().get("top_ru2") or m.groupdict().get("top_en"))  # fmt: skip
    if top:
        # "among the top five", "в пятерку крупнейших": a rank of at most five, not first.
        n = {"тройк": 3, "пятерк": 5, "пятёрк": 5, "десятк": 10}.get(top.lower()) or (
            _WORD_NUMBERS.get(top.lower()) or int(top)
        )
        return "rank", Quantity(n, "rank", 1, n), metric
    podium = m.groupdict().get("podium")
    if podium:
        place = {"с": 2, "б": 3}[podium[0].lower()]
        return "rank", Quantity(place, "rank", place, place), metric
    place = 2 if "runner" in words else _place(words)
    return "rank", Quantity(place, "rank", place, place), metric


_SPANS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    # "the lowest in nineteen years".
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
}
_SPAN_WORDS = "|".join(sorted(_SPANS, key=len, reverse=True))
_SPANS_RU = {"два": 2, "три": 3, "пять": 5, "десять": 10, "пятнадцать": 15, "двадцать": 20,
             "тридцать": 30}  # fmt: skip
_SPAN_WORDS_RU = "|".join(sorted(_SPANS_RU, key=len, reverse=True))
#: A record of a change ("the largest annual increase ever") is not a record of the value.
_NOT_A_CHANGE = r"(?!(?:increase|rise|growth|gain|jump|fall|drop|decline|change)s?\b)"


def _extreme(m: re.Match[str], s: Sentence, before: str) -> tuple[str, Quantity | None, str | None]:
    words = m.group().lower()
    # «таким малым дефицит не был с 2001 г.»: «мал» at the start of a word (not «максимальный»).
    said = re.search(r"low|small|weak|minim|narrow|slim|thin|низк|наименьш|минимал|минимум|узк|"
                     r"(?<![а-яё])мал", words)  # fmt: skip
    low = said is not None
    if re.match(r"впервые", words, re.I):
        after = s.text[m.end() : m.end() + 60]
        low = (
            re.search(r"ниже|меньше|снизил|сократил|опустил|упал", before[-40:] + after) is not None
        )
    if m["rise"] or m["fall"]:
        # A record of the changes from year to year ("the largest annual increase in the
        # series", «единственное за период снижение»): of every year the data hold (0).
        return "extreme", Quantity(0, "year", 0, 0), "largest_rise" if m["rise"] else "only_fall"
    if m["ever"]:
        # The record of the whole series: the year is the first the warehouse holds (0).
        return "extreme", Quantity(0, "year", 0, 0), "lowest" if low else "highest"
    if m["span"] or m["span2"]:
        # "in two decades", «за двадцать лет»: the record of the last N years, a year counted
        # back from its own (-N; resolve gives the year).
        said_n = (m["span"] or m["span2"]).lower()
        n = int(said_n) if said_n.isdigit() else {**_SPANS, **_SPANS_RU}[said_n]
        n *= 10 if (m["unit"] or "").lower().startswith("decade") else 1
        return "extreme", Quantity(-n, "year", -n, -n), "lowest" if low else "highest"
    year = int(m["year"] or m["year2"] or m["year3"] or m["year4"] or m["year5"])
    return "extreme", Quantity(year, "year", year, year), "lowest" if low else "highest"


def _multiple(
    m: re.Match[str], s: Sentence, before: str
) -> tuple[str, Quantity | None, str | None]:
    words = m.group().lower()
    q, down = _comparative(m.groupdict().get("q"))  # «больше вдвое»: twice as much
    if m.groupdict().get("orders"):
        n = _multiple_word(m["orders"])
        # An order of magnitude is its own rounding: x1000 stands for 10^2.5 .. 10^3.5.
        return "multiple", Quantity(10**n, "x", 10 ** (n - 0.5), 10 ** (n + 0.5),
                                    hi_open=True, qualifier=(q or "").lower()), None  # fmt: skip
    if m.groupdict().get("times"):
        text = m["times"]
        value = _multiple_word(text) + _part(m["half"])  # "two and a half times"
        if text[0].isdigit() and not m["half"]:
            out = quantity(value, "x", 10.0 ** -decimals(text, lang=s.lang), q or "")
        else:
            out = word_quantity("multiple", value, "x", q or "")
        against = _versus(s, m.end(), m.start())
        return (
            "multiple",
            invert(out) if _falls(before) or down or _less(s, m.end(), against) else out,
            against,
        )
    if "halved" in words:
        # "halved": a fall by half as journalists use it (45-56%, data/tolerance.csv).
        lo, hi = word_range("fraction", 0.5)
        return "multiple", Quantity(0.5, "x", 1 - hi, 1 - lo, qualifier=(q or "").lower()), None
    n = next(v for k, v in _VERB_MULTIPLES.items() if k in words)
    # "tripled": x2.8-3.4, as journalists use the word (data/tolerance.csv).
    out = word_quantity("multiple", float(n), "x", q or "")
    against = _versus(s, m.end(), m.start())
    # The qualifier is a bound, not a fall: "less than twice what it sold" is under x2.
    own = m.group()[m.end("q") - m.start() :] if m.groupdict().get("q") else m.group()
    fell = _falls(before + own) or down or _less(s, m.end(), against)
    return "multiple", invert(out) if fell else out, against


def _per_dollar(
    m: re.Match[str], s: Sentence, before: str
) -> tuple[str, Quantity | None, str | None]:
    """So many dollars of one flow for each dollar of the other: a multiple of the other flow."""
    text = (m["per"] or m["per2"]).replace(",", ".")
    value = float(text) if text[0].isdigit() else float(_WORD_NUMBERS[text.lower()])
    q = m["q"] or ""
    if text[0].isdigit():
        return "multiple", quantity(value, "x", 10.0 ** -decimals(text), q), "versus"
    return "multiple", word_quantity("multiple", value, "x", q), "versus"


def _count_against(
    m: re.Match[str], s: Sentence, before: str
) -> tuple[str, Quantity | None, str | None]:
    """A count of another year set against the one before it (resolve copies that one's frame)."""
    word = (m["n"] or m["n2"] or m["n_ru"] or m["n_ru2"] or m["n_ru3"] or m["n3"]
            or m["n5"]).lower()  # fmt: skip
    ru = m["n_ru"] or m["n_ru2"] or m["n_ru3"]
    n = _COUNT_WORDS.get(word) or _WORD_NUMBERS.get(frames.lemma(word) if ru else word)
    if ru and not word.isdigit():
        # «против двадцати девяти»: the words' nominatives say the number.
        said = int(ru_words_number(" ".join(frames.lemma(w) for w in word.split())))
        n = said or n
    if word.isdigit():
        n = int(word)
    if not n or n != int(n):
        return "", None, None
    return "count", Quantity(n, "count", n, n), "against"


def _net_change(m: re.Match[str]) -> tuple[str, Quantity | None, str | None]:
    """A net gain (loss) of a count said before: the change from the year before."""
    word = m["net"].lower()
    n = int(word) if word.isdigit() else 1 if word == "one" else _COUNT_WORDS.get(word)
    if not n:
        return "", None, None
    gain = m["way"].lower() in ("gain", "increase", "rise")
    return "count", Quantity(n, "count", n, n), "net_gain" if gain else "net_loss"


def _direction_of(words: str) -> str:
    """``rise`` or ``fall``: the direction the last word of a change in ``words`` says."""
    found = [(m.start(), way) for way, said in frames.grammar()["streak"].items()
             for m in re.finditer("|".join(said), words, re.IGNORECASE)]  # fmt: skip
    return max(found)[1] if found else ""


#: The span of a run said apart from its words: "since 2001", «с 2001 г.», "in twenty years",
#: «за двадцать лет».
_RUN_SINCE = re.compile(r"\b(?:since|с)\s+(?P<y>(?:19|20)\d\d)\b|\b(?:in|over|for|за)\s+"
                        r"(?:the\s+(?:last|past)\s+)?(?P<n>\w+)\s+(?:years|лет)\b",
                        re.IGNORECASE)  # fmt: skip
_RUN_N = {**_WORD_NUMBERS, "двадцать": 20, "десять": 10, "пятнадцать": 15, "пять": 5}


def _streak(m: re.Match[str], s: Sentence, before: str) -> tuple[str, Quantity | None, str | None]:
    """A run of years: its direction, and from when (a year, -N years back, or 0: all held)."""
    clause = re.split(r"[;:]|,\s+(?:but|while|а|но)\s", before)[-1]
    way = _direction_of(clause[-40:] + m.group())
    if not way:
        return "", None, None
    if m["ord"] or m["ord2"]:
        n = _place(m["ord"] or m["ord2"])
        return "extreme", Quantity(n, "count", n, n), f"run_{way}"
    if m["from"]:
        lo, hi = int(m["from"]), int(m["to"])
        return "extreme", Quantity(lo, "year", lo, hi), f"every_{way}"
    if m["since"] or m["since_ru"]:
        y = int(m["since"] or m["since_ru"])
        return "extreme", Quantity(y, "year", y, y), f"every_{way}"
    said = list(_RUN_SINCE.finditer(clause + " " + s.text[m.end() : m.end() + 30]))
    first = 0
    if said and said[-1]["y"]:
        first = int(said[-1]["y"])
    elif said and (said[-1]["n"].isdigit() or said[-1]["n"].lower() in _RUN_N):
        years = said[-1]["n"]
        first = -(int(years) if years.isdigit() else int(_RUN_N[years.lower()]))
    elif said:
        return "", None, None
    kind = "never" if m["never"] else "every"
    return "extreme", Quantity(first, "year", first, first), f"{kind}_{way}"


#: A time the comparison is with, not another subject: "than at the start of the period", «чем в
#: начале периода».
_TIME_WORDS = r"start\b|beginning|outset|period|начал[еоа]\w*|период\w*"
#: A count of years back: "two years ago", «три года тому назад», «двух годов назад».
YEARS_AGO = (r"(?:two|three|four|five|six|seven|eight|nine|ten|два|двух|три|тр[её]х|четыре|"
             r"пять|\d{1,2})\s+(?:years?|года|годов|лет)\s+(?:ago|earlier|before|"
             r"(?:тому\s+)?назад|ранее|раньше)(?!\w)")  # fmt: skip
#: A month or a part of a year: "than in November 2019", «чем в апреле — июне 2019 года», «чем во
#: втором квартале»: the same subject in the same months of another year.
_MONTH_THEN = (r"(?:january|february|march|april|june|july|august|september|october|november|"
               r"december)\b|may(?=\s+(?:19|20)\d\d)|(?:январ|феврал|март|апрел|ма[йея]|июн|июл|"
               r"август|сентябр|октябр|ноябр|декабр)\w*|(?:the\s+)?(?:first|second|third|fourth|"
               r"same)\s+(?:quarter|half|months?)\b|(?:за\s+)?(?:те\s+же|аналогичн\w+)\s+месяц\w*|"
    r"(?:перв|втор|трет|четв[её]рт)\w*\s+"
               r"(?:квартал|полугоди)\w*")  # fmt: skip
#: What follows "than" when the comparison is with an earlier time ("than in 2019", «чем в прошлом
#: году», "than at the start of the period"), not with another subject.
_THEN = (r"(?:19|20)\d\d|years?\b|level|previous|prior|before|last|earlier|" + _TIME_WORDS
         + r"|год\w*|прошл\w*|предыдущ\w*|ранее|до\b|" + YEARS_AGO + "|" + _MONTH_THEN)  # fmt: skip
#: A year said by its ordinal word: «чем в девятнадцатом (году)».
YEAR_WORD = r"(?:[а-яё]+\s+)?[а-яё]*(?:надцат|десят|двадцат|тридцат)(?:ом|ым|ого|ый)(?!\w)"
#: "twice as much as Germany", "втрое больше, чем Германия": a multiple of another subject,
#: not of another year ("twice as much as in 2019", "as much as the year before").
_VERSUS = re.compile(
    # "four times as many plastics from Argentina as we sell them": the goods may come between.
    r"\s*(?:as (?:much|many|large|big|high|little|small)(?: [^,;.\d]{1,50}?)? as|"
    r"(?:more|higher|larger|less|lower|"
    r"smaller|больше|выше|меньше|ниже)"
    # "48% more goods from Germany than it sold there", «на 48% больше товаров в Германии, чем»:
    # words may come between (not an adverb: "12% more slowly than imports" is a pace).
    r"(?:\s(?![a-z]+ly\b)(?:(?!(?:than|чем|нежели)\b)[^,;.\d]){1,40}?)?"
    r",? (?:than|чем|нежели))"
    r"\s+(?!(?:in\s+|of\s+|at\s+|во?\s+)?(?:the\s+|a\s+)?(?:" + _THEN + "|" + YEAR_WORD + ")"
    # "than it did", "than they were": the same subject at another time.
    r"|(?:it|they|we|he|she|this|that|there)\s+(?:did|does|do|was|were|is|are|had|has|have)\b)",
    re.IGNORECASE,
)


#: A multiple of the other flow: "imports are almost eight times exports", «импорт почти в
#: восемь раз превышает экспорт», «превышает экспорт в Китай более чем в девять раз».
_FLOW_WORD = r"(?:exports?|imports?|экспорт\w*|импорт\w*|ввоз\w*|вывоз\w*)\b"
_EXCEEDS = (
    r"(?:exceed\w*|outstrip\w*|outweigh\w*|outpac\w*|outsell\w*|outscor\w*|outearn\w*|"
    r"превыша\w*|превыси\w*|превзош\w*|превосход\w*|опережа\w*|опереди\w*|обгоня\w*)"
)
#: «втрое с лишним превысил американский», «в 1,5 раза больше экспорта»: the other flow, or
#: another partner's trade said by its adjective or its name.
_RATIO_AFTER = re.compile(
    rf"\s*(?:с\s+(?:лишним|небольшим)\s+)?(?:{_EXCEEDS}|больше|меньше|выше|ниже)\s+"
    rf"(?:(?:the|its|their|value of|)\s*)*"
    rf"(?:{_FLOW_WORD}|[а-яё]+(?:ск|цк)(?:ий|ой|ая|ое|ие|ого|ую|их)\b"
    # «в 2,25 раза превышают поставки в Германию», "exceed shipments to Germany": the same
    # flow's trade with another partner, said by a noun of trade.
    # «больше поставок в Германию»: the genitive plural takes an «о» («поставок», «закупок»).
    rf"|(?:постав|закуп)о?к\w*|продаж\w*|(?:shipments|sales|purchases|deliveries)\b"
    # «в 3,1 раза опережает США»: another partner by its name.
    rf"|(?-i:[A-ZА-ЯЁ])\w+)",
    re.IGNORECASE,
)
#: A comparison with no base of its own: «экспорт ... составил 199,8 млн, а импорт оттуда был
#: больше в девять раз», "exports reached $199.8 million, and imports were nine times larger" is
#: a multiple of the flow of the clause before, not of a year.
_COMPARED = re.compile(r"(?<!\w)(?:больше|меньше|выше|ниже|larger|bigger|higher|greater|smaller|"
                       r"lower)(?!\w)", re.IGNORECASE)  # fmt: skip
#: "eight times exports" (not "tripled exports": a verb of growth and its object).
_TIMES_FLOW = re.compile(
    # "nine times Portugal's sales to China": a possessive before the noun of trade.
    rf"\s*(?:(?:the|its|their|value of|(?-i:[A-Z])[\w.-]*['’]s|)\s*)*(?:{_FLOW_WORD}|"
    # "three times the shipments to Germany": the same flow's trade with another partner.
    r"(?:shipments|sales|purchases|deliveries)\b)",
    re.IGNORECASE,
)
#: "nine times what Portugal sold to it", "eight times what we sell": the other flow.
_TIMES_WHAT = re.compile(r"\s*(?:the amount |the value |as much as |)"
                         # "eight times the value it bought": the noun of value, then its clause.
                         r"(?:what|that which|"
                         r"(?<=the value )(?:that\s+|which\s+)?(?=it\s|they\s|we\s))\s*"
                         r"(?:[\w'’]+\s+){0,3}?(?:sold|sells|sell|bought|buys|buy|exported|exports|"
                         r"imported|imports|spent|spends|paid|pays|shipped|ships|"
                         # "4.6 times what Chilean paper earns", "four times what Italy took".
                         r"earned|earns|earn|fetched|fetches|cost|costs|brought|brings|took|takes|"
                         # "Spain bought 1.7 times what Poland did": the verb said once.
                         r"did|does|do)\b",
                         re.IGNORECASE)  # fmt: skip
#: "three times the United States' $180m", "four times Japan's figure": another partner's
#: amount (a possessive name, then a figure or a noun of one).
_TIMES_PARTNER = re.compile(r"\s*(?:the\s+)?(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){0,2}"
                            r"['’]s?\s+(?:US\$|\$|USD|€|figure\b|total\b|tally\b|level\b|"
                            r"amount\b|sum\b)", re.IGNORECASE)  # fmt: skip
#: "ran to some 7.7 times that", "five times this figure": a multiple of the figure just named
#: (another subject or flow, never an earlier year of its own).
#: "nine times the value of Portuguese goods it takes": goods then a clause of the other side.
_TIMES_VALUE_OF = re.compile(
    r"\s*the\s+(?:value|amount|worth)\s+of\s+(?:[\w'’-]+\s+){1,4}?(?:it|they|we|(?-i:[A-Z])\w+)"
    r"\s+(?:takes|took|take|buys|bought|buy|sells|sold|sell|imports|imported|exports|exported|"
    r"ships|shipped|sends|sent|receives|received|gets|got)\b", re.IGNORECASE)  # fmt: skip
_TIMES_THAT = re.compile(r"\s*(?:that|this|it|the (?:figure|amount|sum|total))(?:\s+(?:figure|"
                         r"amount|sum))?\s*(?:[.;,)]|$)", re.IGNORECASE)  # fmt: skip
#: «в 7,7 раза больше этого», «вдвое больше этой суммы»: the Russian twin.
_THAN_THAT_RU = re.compile(r"\s*(?:больше|меньше|выше|ниже)\s+(?:этого|этой\s+суммы|этой\s+цифры|"
                           r"этого\s+показателя)(?!\w)", re.IGNORECASE)  # fmt: skip
#: "double the German total": another partner's.
_DOUBLE_THE = re.compile(r"(?<=double)\s+the\s+(?-i:[A-Z])[a-z]+\s", re.IGNORECASE)
_RATIO_BEFORE = re.compile(
    rf"{_EXCEEDS}\s+(?:the\s+|its\s+|their\s+|(?:её|ее|его|их|свои|свой|наш\w*)\s+)?"
    # «покупки Чили у Аргентины превысили её продажи почти в восемь раз»: the other flow by
    # a noun of trade too.
    rf"(?:{_FLOW_WORD}|продаж\w*|покуп\w*|закуп\w*|sales\b|purchases\b)[^,;.]{{0,40}}$",
    re.IGNORECASE,
)
#: "China's purchases exceeded Japan's by roughly a tenth", «закупки Китая превысили японские на
#: десятую часть»: a rise over another partner (its possessive name or adjective), not over the
#: year before ("exceeding the 2019 level by 30%" is ``_ABOVE_YEAR``).
_EXCEEDS_BY = re.compile(
    rf"{_EXCEEDS}\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){{0,2}}['’]s?"
    rf"|[а-яё]+(?:ск|цк)(?:ий|ой|ая|ое|ие|ого|ую|их)|(?-i:[А-ЯЁ])[а-яё]+)"
    rf"(?:\s+(?:by|на))?\s+(?:[^\W\d]+\s+){{0,2}}$",
    re.IGNORECASE,
)
#: «в 3,1 раза опережает США», «обгоняет Японию втрое», "outpaces the US 3.1 times": a verb
#: of leading another subject; the multiple is of that subject, never of an earlier year.
_LEADS = (
    r"(?:опережа\w*|опереди\w*|обгоня\w*|обогна\w*|обходи\w*|обош[её]\w*|"
    r"outpac\w*|outsell\w*|outsold|outstrip\w*|outrun\w*|outran|outscor\w*|outearn\w*)"
)
#: What a leading verb's object is when it leads an earlier year, not another subject
#: («опережает прошлогодний уровень»).
_NOT_A_SUBJECT = (r"(?!(?:уровень|показатель|прошл\w*|предыдущ\w*|(?:19|20)\d\d|its own|"
                  r"the (?:previous|prior|year|level)|last year))")  # fmt: skip
_LEADS_AFTER = re.compile(
    rf"\s*(?:с\s+(?:лишним|небольшим)\s+)?{_LEADS}\s+{_NOT_A_SUBJECT}", re.IGNORECASE
)
_LEADS_BEFORE = re.compile(rf"{_LEADS}\s+{_NOT_A_SUBJECT}[^,;.]{{0,40}}$", re.IGNORECASE)


#: «покупаем больше, чем продаём, почти в восемь раз», "we buy more than we sell, about eight
#: times over": the comparison said before its multiple.
_VERSUS_BEFORE = re.compile(
    r"(?<!\w)(?:больше|меньше|выше|ниже|more|less|higher|lower),?\s+(?:than|чем|нежели)\s+"
    r"(?!(?:in\s+|of\s+|в\s+)?(?:the\s+|a\s+)?(?:" + _THEN + ")"
    # "more than tripled, while X nearly quadrupled": a qualifier of a multiple, no subject.
    r"|\w+(?:ed|fold)\b|вдвое|втрое|вчетверо|впятеро|в\s+\d)"
    # The comparison closed by a comma: "more than quadrupled and furniture grew about
    # seventeenfold" is a qualifier of another figure.
    r"[^,;.\d]{1,40}?,\s*(?:[^\W\d]+\s+){0,2}$",
    re.IGNORECASE,
)


#: A Russian comparative set against a partner in the genitive, with no «чем»: «на 10% больше
#: Японии», «на 5% меньше Германии».
_COMPARATIVE_RU = re.compile(r"\s*(?:больше|меньше|выше|ниже)\s+", re.IGNORECASE)


#: «на 48% больше экспорта туда», «на 10% выше поставок в Японию»: a Russian comparative set
#: against a flow in the genitive, with no «чем» (not a verb of leading: "rose 40% outpacing").
_THAN_FLOW_RU = re.compile(rf"\s*(?:больше|меньше|выше|ниже)\s+(?:{_FLOW_WORD}|"
                           r"(?:постав|закуп)о?к\w*|продаж\w*)", re.IGNORECASE)  # fmt: skip


def _than_partner(s: Sentence, end: int) -> bool:
    """Whether a comparative right after ``end`` is set against a partner named next."""
    m = _COMPARATIVE_RU.match(s.text, end)
    return m is not None and any(c.start == 0 for c in lexicon.countries_in(s.text[m.end() :]))


def _another_partner(s: Sentence, turn: int, start: int) -> bool:
    """Whether the clause from ``turn`` names a partner the sentence before it does not.

    «Китай, 1 834 млн; Германия приносит вдвое меньше»: the multiple is of the partner before.
    """
    return _other_partners(s.text[turn:start], s.text[:turn])


def _other_partners(here: str, there: str) -> bool:
    """Whether ``here`` names partners and ``there`` names others, none of them the same."""
    mine = {m.value for m in lexicon.countries_in(here)}
    theirs = {m.value for m in lexicon.countries_in(there)}
    return bool(mine and theirs and not mine & theirs)


#: A comparative set against a noun of level of a year: «вшестеро выше исторической нормы 2002
#: года», «втрое больше среднего уровня прошлого года», "six times higher than the historic
#: level of 2002": an earlier time of the claim's own subject, never another subject (an adjective
#: before the noun is no partner's).
_LEVEL_OF_YEAR = re.compile(
    r"\s*(?:(?:больше|выше|меньше|ниже),?\s+(?:чем\s+)?(?:[а-яё]+\s+){0,2}?"
    r"(?:уров(?:ень|ня|нем)|норм\w*|отметк\w*|показател\w*|значени\w*|рубеж\w*)\s+"
    r"(?:(?:19|20)\d\d|прошл\w*|предыдущ\w*|позапрошл\w*)"
    r"|(?:(?:more|higher|larger|greater|bigger|less|lower|smaller)\s+than|above|below)\s+"
    r"(?:the\s+|its\s+)?(?:[a-z]+\s+){0,2}?(?:level|norm|mark|figure|value)s?\s+(?:of|in|for)\s+"
    r"(?:(?:19|20)\d\d|the\s+(?:previous|prior)\s+year|last\s+year))",
    re.IGNORECASE,
)
#: A comparison with the year before, said in the clause before a gapped one: «Вьетнам взял
#: вдвое больше прошлогоднего, Таиланд — втрое больше», "Vietnam took twice as much as a year
#: earlier, Thailand three times as much".
_THAN_LAST_YEAR = re.compile(
    r"(?:больше|выше|меньше|ниже|than|as)\s+(?:чем\s+)?(?:в\s+)?(?:прошлогодн\w*|прошл\w+\s+год\w*|"
    r"предыдущ\w+\s+год\w*|годом\s+ранее|a\s+year\s+(?:earlier|before|ago)|last\s+year(?:['’]s)?|"
    r"the\s+(?:previous|prior)\s+year(?:['’]s)?|the\s+year\s+before)(?!\w)",
    re.IGNORECASE,
)
#: A gapped clause: a name, a dash, the multiple and a bare comparative with no other side.
_GAPPED = re.compile(r"[,;]\s*(?:(?:в|во|на|к|to|in)\s+)?(?-i:[A-ZА-ЯЁ])[\w.-]*"
                     r"(?:\s+(?-i:[A-ZА-ЯЁ])[\w.-]*)?\s*[—–]?\s*$")  # fmt: skip
#: What follows the gapped clause's multiple: a bare comparative, or nothing, to its end.
_BARE_COMPARATIVE = re.compile(
    r"\s*(?:больше|выше|меньше|ниже|as\s+much|more|higher)?\s*(?:[.;]|$)", re.IGNORECASE
)


def _goes_on_with_last_year(s: Sentence, end: int, start: int) -> bool:
    """Whether a gapped clause goes on with the clause before's comparison with the year before.

    «Вьетнам получил вдвое больше прошлогоднего, Таиланд — втрое больше»: Thailand's multiple
    is over its own year before, not over Vietnam.
    """
    gap = _GAPPED.search(s.text, 0, start)
    if gap is None or not _BARE_COMPARATIVE.match(s.text, end):
        return False
    clause = re.split(r"[,;]", s.text[: gap.start() + 1])[-2:][0]
    return _THAN_LAST_YEAR.search(clause) is not None


#: A multiple of a pace, right after it: "grew three times faster than", "twice as fast as",
#: «выросла втрое сильнее», «в два раза быстрее».
_FASTER_AFTER = re.compile(
    r"\s+(?:(?:faster|quicker|more\s+(?:quickly|rapidly|steeply|strongly))\s+than|"
    r"as\s+(?:fast|quickly|rapidly|steeply)\s+as|"
    r"(?:сильнее|быстрее|стремительнее|интенсивнее)(?!\w))",
    re.IGNORECASE,
)
#: A pace set against another subject before the multiple: «Индия выросла сильнее Китая почти
#: втрое», «росла быстрее, чем Китай, в два раза».
_FASTER_BEFORE = re.compile(
    r"(?<!\w)(?:сильнее|быстрее|стремительнее|интенсивнее)\s*,?\s*(?:чем\s+)?"
    r"(?:[^\W\d]+\s*,?\s+){1,3}$",
    re.IGNORECASE,
)


def _pace(s: Sentence, end: int, start: int) -> bool:
    """Whether a multiple sets one subject's growth rate against another's.

    "Exports to India grew three times faster than to China", «Индия выросла сильнее Китая
    почти втрое»: a word of pace after the multiple or before it, and a word of growth in the
    clause (a ratio of two rates of growth, not of two values).
    """
    if not (_FASTER_AFTER.match(s.text, end)
            or _FASTER_BEFORE.search(s.text[max(0, start - 60) : start])):  # fmt: skip
        return False
    clause = re.split(r"[;.!?]", s.text[:start])[-1] + s.text[start : end + 60]
    return re.search(rf"(?:{GROWTH})|выр[оа]с|рос(?:л|т)|прибав|увелич", clause, re.I) is not None


def _versus(s: Sentence, end: int, start: int) -> str | None:  # noqa: PLR0911, PLR0912 - per wording
    """``versus`` for a multiple of another subject or of the other flow, not of a year.

    ``versus_growth`` for a multiple of another subject's growth rate (:func:`_pace`).
    """
    if _LEVEL_OF_YEAR.match(s.text, end) or _goes_on_with_last_year(s, end, start):
        return None
    if _pace(s, end, start):
        return "versus_growth"
    if _VERSUS.match(s.text, end) or _RATIO_AFTER.match(s.text, end):
        return "versus"
    if _VERSUS_BEFORE.search(s.text[max(0, start - 70) : start]):
        return "versus"
    if versus.reverse_flow(s.text, start):
        # «обратный поток почти в восемь раз меньше»: the two flows against each other.
        return "versus"
    if _LEADS_AFTER.match(s.text, end) or _LEADS_BEFORE.search(s.text[max(0, start - 60) : start]):
        return "versus"
    if re.search(r"(?:times|twice|thrice)$", s.text[:end], re.IGNORECASE) and (
            _TIMES_FLOW.match(s.text, end) or _TIMES_WHAT.match(s.text, end)
            or _TIMES_PARTNER.match(s.text, end) or _TIMES_THAT.match(s.text, end)
            or _TIMES_VALUE_OF.match(s.text, end)):  # fmt: skip
        return "versus"
    if _THAN_THAT_RU.match(s.text, end):
        return "versus"
    if _DOUBLE_THE.match(s.text, end) or _RATIO_BEFORE.search(s.text[max(0, start - 80) : start]):
        return "versus"
    turns = [x.end() for x in re.finditer(r"[,;]\s*(?:а|но|while|but)?\s", s.text[:start])]
    if turns and _COMPARED.search(s.text, turns[-1], end + 12):
        rest = s.text[turns[-1] : end + 40]
        mine = re.findall(f"(?i){_FLOW_WORD}", rest)
        theirs = re.findall(f"(?i){_FLOW_WORD}", s.text[: turns[-1]])
        dated = re.search(r"(?:19|20)\d\d|год|чем|than", rest, re.IGNORECASE)
        if mine and theirs and mine[0][:3].lower() != theirs[-1][:3].lower() and not dated:
            return "versus"
        # «импорт превысил 2 млрд, а продали мы почти в восемь раз меньше», "..., while what it
        # sold was eight times smaller": the turn's verb says the other flow, as a noun would.
        said = [f for _, f, _ in frames.flows(rest) if f in ("export", "import")]
        told = [f for _, f, _ in frames.flows(s.text[: turns[-1]]) if f in ("export", "import")]
        if said and told and said[0] != told[-1] and not dated:
            return "versus"
        if not dated and _another_partner(s, turns[-1], end + 12):
            return "versus"
    if not turns and _set_against_the_sentence_before(s, start):
        return "versus"
    return None


#: A multiple with a bare comparative closing its clause, no comparand after it: «вдвое меньше,»
#: «в 1,5 раза больше.»
_BARE_MULTIPLE_RU = re.compile(r"[^,;.]{0,40}?(?<!\w)(?:больше|меньше)\s*"
                               r"(?:[;.]|,(?!\s*(?:чем|нежели)\b)|$)", re.IGNORECASE)  # fmt: skip


def _set_against_the_sentence_before(s: Sentence, start: int) -> bool:
    """Whether a bare comparison of the first clause is of the partner of the sentence before.

    «Главный поставщик — Китай, 40% ввоза. Германия поставляет вдвое меньше»: Germany against
    China, not Germany's own year before. Only where the clause names a partner, the sentence
    before names others (a comparison with a year says so after the multiple: «вдвое меньше,
    чем годом ранее» has its comparand; «в 2021 году» before it is the period).
    """
    bare = _BARE_MULTIPLE_RU.match(s.text, start)
    if not s.before or bare is None:
        return False
    if re.search(r"(?:19|20)\d\d|\bгод|\bчем\b|прошл|предыдущ|ранее",
                 s.text[start : bare.end()], re.IGNORECASE):  # fmt: skip
        return False
    return _other_partners(s.text[:start], s.before)


def _one_in(m: re.Match[str]) -> tuple[str, Quantity | None, str | None]:
    """A share said as one dollar in so many: "one dollar in four" is a quarter."""
    den, top = (
        (m["den"] or m["den2"] or m["den3"]).lower(),
        (m.groupdict().get("top") or m.groupdict().get("top2") or "one").lower(),
    )
    n = int(den) if den.isdigit() else _COUNT_WORDS.get(den) or _EVERY_NTH[den.replace("ё", "е")]
    k = int(top) if top.isdigit() else _COUNT_WORDS.get(top, 1)
    return (
        "share",
        word_quantity("fraction", 100 * k / n, "pct", m.groupdict().get("q") or ""),
        None,
    )


#: «каждый пятый доллар»: the ordinal of "one in so many".
_EVERY_NTH = {"второй": 2, "третий": 3, "четвертый": 4, "пятый": 5, "шестой": 6, "седьмой": 7,
              "восьмой": 8, "девятый": 9, "десятый": 10}  # fmt: skip


#: A verb of taking or giving a part right before the part, in its own clause: «Германия взяла
#: десятую часть», «Франции отдаёт десятую часть», «получил больше пятой части» (a part of the
#: flow the partner takes; "took" and "carries" are share words of their own, ``_SHARE``).
_TAKES_PART = re.compile(
    r"(?<!\w)(?:взял\w*|взят\w*|забрал\w*|забира\w*|получил\w*|получа\w*|получ[иа]т\w*|"
    r"отда[её]т|отдают|отдал\w*|приходи\w*)\s+(?:[^\W\d]+\s+){0,2}$",
    re.IGNORECASE,
)


def _fraction(
    m: re.Match[str], s: Sentence, before: str
) -> tuple[str, Quantity | None, str | None]:
    money = _HALF_MONEY.match(s.text, m.end())
    of = m.groupdict().get("of")
    if money is not None and (m["frac"].lower() == "half" or (of and re.match(r" of", of))
                              or money[2]):  # fmt: skip
        # "over half a billion dollars", "bought exactly a quarter of a billion": an amount.
        scale = 1e9 if (money[1] or money[2]).lower() in ("billion", "миллиарда") else 1e6
        part = _fraction_value(m["frac"])
        words = m.groupdict().get("q") or m.groupdict().get("q0") or ""
        return "amount", quantity(part * scale, "usd", 0.2 * part * scale, words), None
    value = _fraction_value(m["frac"]) * 100
    if re.match(r"\s*as\s+(?:much|many|large|big)\b", s.text[m.end() :], re.I) and _VERSUS.match(
        s.text, m.end()
    ):
        # "Germany takes less than half as much as the Netherlands": a multiple of another
        # subject (x0.5), not a share.
        said = m.groupdict().get("q") or m.groupdict().get("q0") or ""
        q = word_quantity("fraction", value, "pct", said)
        return "multiple", Quantity(q.value / 100, "x", q.lo / 100, q.hi / 100, lo_open=q.lo_open,
                                    hi_open=q.hi_open, qualifier=q.qualifier), "versus"  # fmt: skip
    lost = _VERB_RIGHT_BEFORE.search(before) is not None  # "lost almost two-thirds of its value"
    share = (
        (m.groupdict().get("of") and not lost)
        or _share_cue(before)
        # "Половина экспорта", "почти две трети поставок": a share of the flow named after it.
        or re.match(
            r"\s*(?:всего |всех |общего )?(?:стоимости )?"
            # «четверть нашего экспорта», «пятая часть их закупок»: an owner before the noun.
            r"(?:(?:наш|сво|ваш|мо|тво)(?:его|ей|их)\s+|(?:его|её|ее|их)\s+)?"
            # «четверть московских продаж», «четверть всего португальского вывоза».
            r"(?:[^\W\d]+(?:ского|ских|цкого|цких) )?(?:экспорт|импорт|поставок|закуп|"
            r"товарооборот|продаж|ввоз|вывоз)"
            # «восьмую часть того, что она покупает»: a part of what someone does.
            r"|\s*(?:того|всего),?\s+что\s",
            s.text[m.end() :],
            re.IGNORECASE,
        )
    )
    share = share or SHARE_ON.match(s.text, m.end()) or _TAKES_PART.search(before)
    kind = "share" if share and not m.groupdict().get("by") else "growth"
    clause = re.split(r"[,;]", before)[-1]
    # "а экспорт — более чем на треть": "на" (by) inside the qualifier says a change too.
    by = re.search(r"(?:\bby|\bна)\s+$", s.text[m.start() : m.start("frac")], re.IGNORECASE)
    # «аппаратура — плюс треть», «минус четверть»: a change told by its sign.
    signed = re.search(r"(?<!\w)(?:плюс|минус|plus|minus)\s+$", before, re.IGNORECASE)
    moved = (m.groupdict().get("by") or by or signed
             or re.search(f"(?:{GROWTH})|(?:{FALL})", clause, re.I)
             or re.match(r"\s*(?:more|less|higher|lower|above|below|up|down|better|worse|"
                         r"stronger|weaker|больше|меньше|выше|ниже)\b",
                         s.text[m.end() :], re.IGNORECASE))  # fmt: skip
    if kind == "growth" and not moved:
        # "Argentina's share of all imports, put at around a fifth": no word of a change.
        kind = ""
    if not kind and not moved and (_SHARES_LISTED.search(before) or _DASHED.search(before)):
        # «Китай обеспечил 40% импорта, Германия — треть»: the list of shares goes on;
        # «Лекарства — пятая часть»: a part said of the goods, with nothing moved.
        kind = "share"
    words = m.groupdict().get("q") or m.groupdict().get("q0") or ""
    crossed = _CROSSED.search(s.text, 0, m.start("frac"))
    if crossed is not None and _SHARE_NOUN.search(clause) and not m.groupdict().get("by"):
        # "its share fell below half", «его доля упала ниже половины»: the share is now under
        # the fraction, not a fall by it.
        below = crossed[1].lower() in ("ниже", "меньше", "below", "under")
        words = words or ("below" if below else "above")
        return "share", word_quantity("fraction", value, "pct", words), None
    q = word_quantity("fraction", value, "pct", words)
    if _EXCEEDS_BY.search(before):
        # "China's purchases exceeded Japan's by roughly a tenth": a multiple of Japan's.
        return "multiple", _as_multiple(q), "versus"
    # "a third lower than a year before", «на треть меньше, чем годом ранее»: a fall by it.
    lower = _LOWER_AFTER.match(s.text, m.end()) is not None
    if signed is not None and kind == "growth":
        return kind, negate(q) if signed.group().strip().lower() in ("минус", "minus") else q, None
    return kind, negate(q) if kind == "growth" and (_falls(before) or lower) else q, None


#: A comparative of less right after a change's figure: "20% lower", "a third less", «на треть
#: меньше»: the change is a fall.
_LOWER_AFTER = re.compile(r"\s*(?:less|lower|below|down|weaker|worse|smaller|меньше|ниже|хуже)"
                          r"(?!\w)",
                          re.IGNORECASE)  # fmt: skip


#: The noun of a share in a clause: "its share fell below half", «его доля упала ниже половины».
_SHARE_NOUN = re.compile(r"(?<!\w)(?:share|доля|доли|удельный вес|weight of)(?!\w)", re.IGNORECASE)
#: A level crossed, right before a fraction: "below", "under", «ниже», «выше».
_CROSSED = re.compile(r"(?<!\w)(ниже|выше|меньше|больше|below|under|above|over)\s+$", re.IGNORECASE)


#: A share of a flow said before a fraction with a dash, in a list: «Китай обеспечил 40% импорта
#: (1834,4 млн долл.), Германия — треть».
_SHARES_LISTED = re.compile(
    r"(?:\d\s?%|половин\w*|треть|четверть|пятую\s+часть)\s+(?:всего\s+|всех\s+)?"
    r"(?:экспорт|импорт|ввоз|вывоз|поставок|закупок)\w*"
    r"[^;]*,\s*[^\W\d]+(?:\s+[^\W\d]+)?\s+[—–]\s+(?:(?:около|почти|более|менее|примерно)\s+)?$",
    re.IGNORECASE)  # fmt: skip
#: A fraction said right after a dash (a qualifier between): «Лекарства — пятая часть».
_DASHED = re.compile(r"[—–]\s*(?:(?:около|почти|более|менее|примерно|ровно|почти что|целая)\s+)?$",
                     re.IGNORECASE)  # fmt: skip
#: Words after a share that name its part: «40% ввоза приходится на Китай», «пятая часть — на
#: Германию».
SHARE_ON = re.compile(r"\s*(?:[^\W\d]+\s+){0,3}?(?:приход\w*|пришл\w*)\s+на\s+|\s*[—–]\s*на\s+",
                      re.IGNORECASE)  # fmt: skip
#: "half a billion dollars": the words after "half" that make it an amount.
_HALF_MONEY = re.compile(r"\s+a\s+(billion|million)(?:\s+(?:dollars|USD)\b|(?=\s*(?:[.,;:)]|$)))"
                         # «на четверть миллиарда», «треть миллиона долларов».
                         r"|\s+(миллиарда|миллиона)(?!\w)",
                         re.IGNORECASE)  # fmt: skip
#: A verb of growth or fall right before a fraction: "lost almost two-thirds of its value" is
#: a fall, not a share ("rose to two thirds of exports" is a share).
_VERB_RIGHT_BEFORE = re.compile(f"(?:{GROWTH}|{FALL})\\s+(?:by\\s+|на\\s+)?$", re.IGNORECASE)


def _share_cue(before: str) -> re.Match[str] | None:
    """A word of share in the figure's clause, with no verb of growth or fall after it.

    "Not every sector shared the gain: iron and steel fell 61%" is a fall.
    """
    # A decimal comma is no break: «доля экспорта в обороте упала с 17,2% до 11,4%»; nor is a
    # comma in brackets: «удельный вес группы 84 (машины, оборудование) составил 46,4%».
    before = re.sub(r"\([^()]*\)", lambda b: "(" + " " * (len(b[0]) - 2) + ")", before)
    cue = re.search(f"(?:{_SHARE})((?:[^,;]|(?<=\\d),(?=\\d))*)$", before, re.IGNORECASE)
    if cue is None:
        return None
    # The verb of the figure's own statement ("Удельный вес Азии увеличился: 62,1% ... против
    # 63,8%" names shares after the colon).
    moved = re.search(f"(?:{GROWTH})|(?:{FALL})", cue[1].rsplit(":", 1)[-1], re.IGNORECASE)
    if moved and not re.search(r"(?:\bto|\bдо|\bfrom|\bс|\bсо)\s+$", before, re.IGNORECASE):
        return None  # "its share rose from 16.4% to 25%" is still a share
    return cue


#: A clause that only dates or sizes the verb before it: "Exports fell only once, in 2009, by
#: 8%" (the fall is of the 8%), «упал — в 2009 году — на 8%», "slipped only once, in 2009,
#: and then by a little over 8%".
_ASIDE = re.compile(
    r"\s*(?:and\s+(?:then\s+)?|then\s+)?(?:(?:only\s+|just\s+)?(?:once|twice)|(?:in|during)\s+(?:19|20)\d\d|"
    r"(?:лишь\s+|только\s+)?(?:однажды|раз)|в\s+(?:19|20)\d\d(?:-м)?(?:\s*(?:г\.|году))?|"
    r"(?:by|на))?\s*(?:(?:a little|a bit|slightly|just|well)\s+)?"
    r"(?:(?:" + "|".join(_QUALIFIERS.values()) + r")\s*)?", re.IGNORECASE)  # fmt: skip


#: "of", «от», «из» or a noun of a flow right after a percentage: a share of that flow.
_OF_FLOW = re.compile(r"\s*(?:(?:of|от|из)\b|(?:всего |всех |общего )?(?:стоимости )?(?:экспорт|"
                      r"импорт|поставок|закупок|товарооборот|ввоз|вывоз|объ[её]ма))")  # fmt: skip


def _falls(before: str) -> bool:
    # Only the claim's own clause: "Wine exports fell by half, while paper exports tripled";
    # a clause with no verb goes on with the verb before it ("экспорт фруктов снизился на 18%,
    # а готовых продуктов — на 70%").
    clauses = re.split(r"[,;]\s*(?:while|whereas|but|а|но|и)?\s*|\s(?:while|whereas|but)\s",
                       before)  # fmt: skip
    verbs: list[re.Match[str]] = []
    for clause in reversed(clauses):
        verbs = list(re.finditer(f"(?:{GROWTH})|(?:{FALL})", clause, re.IGNORECASE))
        # «снижение экспорта — в 2009 году, на 8%»: a bare «на» goes on too.
        if verbs or not (re.search(r"[—–]\s*(?:на|by)?\s*$|^\s*на\s*$", clauses[-1])
                         or _ASIDE.fullmatch(clause)):  # fmt: skip
            break
    return bool(verbs) and re.fullmatch(f"(?:{FALL})", verbs[-1].group(), re.IGNORECASE) is not None


#: A move between two percentages, "from [under] 18 percent (of purchases) to 45 percent": the
#: words before the first and after it, and those before the second.
_PCT = r"\d[\d.,]*\s?(?:%|per ?cent\b|percent\b)"
_LEVEL_FROM = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_LEVEL_TO_AFTER = re.compile(r"(?:\s+of\s+[^\d,;.]{1,40}?)?(?:\s+in\s+(?:19|20)\d\d)?\s+to\s+"
                             r"(?:[a-z]+\s+){0,2}" + _PCT, re.IGNORECASE)  # fmt: skip
_LEVEL_FROM_TO = re.compile(r"\bfrom\s+(?:[a-z]+\s+){0,2}" + _PCT + r"(?:\s+of\s+[^\d,;.]{1,40}?)?"
                            r"(?:\s+in\s+(?:19|20)\d\d)?\s+to\s*$", re.IGNORECASE)  # fmt: skip
#: Nouns of a rate: a move "from 18% to 45%" of these is of rates, not of parts.
_RATE_NOUN = re.compile(
    r"\b(?:growth|rates?|increase|pace|gains?|rise|decline)\b|"
    r"(?<!\w)(?:темп\w*|прирост\w*|рост[аеу]?)(?!\w)",
    re.IGNORECASE,
)
#: «темп роста (составил) 130,0%», «темп роста — 130%»: the level as a percentage of the
#: base's, not the rise.
_RATE_OF_GROWTH = re.compile(r"(?<!\w)темп\w*\s+роста\s+(?:[^\W\d]+\s+|[—–:-]\s*){0,2}$",
                             re.IGNORECASE)  # fmt: skip


#: «134,3% к IV кварталу 2019 г.», «130% к уровню 2019 года»: a level as a percentage of the
#: period's after it (Russian statistics' index), not a rise by it («рост на 30% к 2019 году»).
_INDEX_TO = re.compile(
    r"\s*к\s+(?:уровню\s+|показателю\s+|соответствующему\s+)?(?:[^\W\d]+\s+){0,3}?"
    r"(?:(?:19|20)\d\d|прошло\w*\s+год\w*|предыдущ\w*|аналогичн\w*)", re.IGNORECASE)  # fmt: skip


#: Where a clause of its own starts: "...; the second half", ", while imports".
#: ", or about 6.5% of the entire import bill": the same figure said again as a share.
#: «917,2 млн долл., то есть 45% всех закупок»: the same.
_TURN_WORDS = re.compile(r";|,\s*(?:while|whereas|but|or|то есть|т\.\s?е\.)(?!\w)|"
                         r"\s(?:while|whereas)\s", re.IGNORECASE)  # fmt: skip


#: A clause of its own joined by "and" after a comma: ", and exports covered", «, а экспорт».
_AND_CLAUSE = re.compile(r",\s*(?:and|и|а)\s", re.IGNORECASE)


#: A percentage of a whole said as such: "30% of everything bought", "of all sales".
_OF_ALL = re.compile(r"\s*of (?:everything|all\b|the (?:whole|total)\b|total\b)", re.IGNORECASE)


def _percent(  # noqa: PLR0911 - one return per kind of percentage
    m: re.Match[str], s: Sentence, before: str
) -> tuple[str, Quantity | None, str | None]:
    value = wording.parse_percent(m["num"] + "%", lang="en" if "." in m["num"] else s.lang)
    step = _step(m, 10.0 ** -decimals(m["num"], lang=s.lang))
    after = s.text[m.end() :][:60]
    # "covered only 13% or so of purchases": a qualifier after the figure.
    loose = re.match(r"\s*,?\s*or (?:so|thereabouts)\b", after)
    if loose:
        after = after[loose.end() :]
    q = m["q"] or ("about" if loose else "")
    # "took $40m after a 60% jump": a noun of change after the figure makes it a change.
    compared = re.match(r"\s*(?:more|less|higher|lower|above|below|jump|rise|increase|gain|"
                        r"growth|surge|leap|fall|drop|decline)\b", after)  # fmt: skip
    # The sign touches its figure: "to Vietnam - 114%" is a dash. A sign is never a share's:
    # «кукуруза дала 132,6 млн (+21%)».
    sign = re.search(r"(?:^|[\s(\[])([+\-−]|плюс\s|plus\s|минус\s|minus\s)$", before, re.I)
    if sign is not None and not m["q"]:
        # "(+60%)", "−5%": a change told by its sign.
        q = quantity(value, "pct", step)
        rises = sign[1] == "+" or sign[1].strip().lower() in ("плюс", "plus")
        return "growth", q if rises else negate(q), None
    moved = _LEVEL_FROM.search(before) and _LEVEL_TO_AFTER.match(after)
    if (
        (_share_cue(before) and not compared)
        # "Chapter 27 rose from under 18 percent of purchases to 45 percent": two levels of a
        # part of the flow, not rates of growth ("growth rose from 18% to 45%").
        or ((moved or _LEVEL_FROM_TO.search(before)) and not _RATE_NOUN.search(before))
        or (
            (_OF_FLOW.match(after) or flow_noun_after(after))
            # Only the figure's own clause: "up 43% year on year; the second half brought 52% of
            # annual sales" is a share.
            # "widened to $1.77bn, about three times 2002's, and exports covered 13% of
            # purchases": a clause joined by ", and" has its own verb.
            and not re.search(GROWTH, _AND_CLAUSE.split(_TURN_WORDS.split(before)[-1])[-1], re.I)
        )
        or _OF_ALL.match(after)
        # "a 23.4% slice": a part's noun right after the figure.
        or re.match(r"\s+(?:slice|portion|chunk|share)\b", after, re.IGNORECASE)
        # «Второе место среди поставщиков за Германией (20%)»: the share of the one ranked;
        # «половину экспорта, ..., телефоны — 40%»: a list of shares goes on.
        or re.search(r"(?:мест\w*|позици\w*)\s[^()]*\($", before, re.IGNORECASE)
        or (_SHARES_LISTED.search(before) and not re.search(GROWTH, before, re.IGNORECASE))
    ):
        # "Most of the increase is due to gas, roughly 30% of everything bought": of a whole.
        return "share", quantity(value, "pct", step, q), None
    if re.search(r"\bwith\s*$", before) and not re.match(
        r"\s*(?:growth|increase|rise|gain|fall|drop|decline|more|less|up|down)\b", after, re.I
    ):
        # "Germany came in second with 13.8%": its share.
        return "share", quantity(value, "pct", step, q), None
    clause = re.split(r"[,;(]", before)[-1]
    if _RATE_OF_GROWTH.search(before) or (
        _INDEX_TO.match(after)
        # «плюс 30% к 2020 году», «на 30% к 2019»: a sign or «на» makes it the change.
        and not re.search(r"(?:(?<!\w)(?:на|by|плюс|минус|plus|minus)|[+\-−])\s*$", before, re.I)
        # «прибавив 30% к 2019-му»: a verb of change makes it the change.
        and not re.search(f"(?:{GROWTH})|(?:{FALL})", clause, re.I)
    ):
        # «темп роста 130,0%»: Russian statistics give the level as a percentage of the
        # base's (a rise of 30%); «темп прироста» is the rise itself.
        return "growth", quantity(value - 100, "pct", step, q), None
    # «превысив показатель 2019 г. на 30%», "exceeding the 2019 level by 30%": a rise over the
    # year named.
    if _EXCEEDS_BY.search(before):
        # "China's purchases exceeded Japan's by 10%": a multiple of Japan's, not a rise.
        return "multiple", _as_multiple(quantity(value, "pct", step, q)), "versus"
    above = _ABOVE_YEAR.search(before) or _ABOVE_YEAR_AFTER.match(after)
    grows = above or re.search(f"(?:{GROWTH})|(?:{FALL})", before, re.IGNORECASE) or re.match(
        # "a 32.2% year-on-year increase": a word of the comparison may come between.
        r"\s*(?:(?:year-on-year|year-over-year|y/y|yoy|annual|yearly|on-year)\s+)?"
        r"(?:more|higher|up|less|lower|growth|increase|rise|gain|jump|surge|leap|decline|drop|"
        r"fall|advance|improvement|stronger|weaker|better|worse|above|below|больше|меньше|рост|"
        # «на 30% лучше, чем годом раньше», «на 8% хуже».
        r"выше|ниже|лучше|хуже)",
        after, re.IGNORECASE)  # fmt: skip
    if grows:
        out = quantity(value, "pct", step, q)
        falls = not above and (_falls(before) or re.match(
            r"\s*(?:less|lower|decline|drop|fall|below|weaker|worse|меньше|ниже|хуже)", after)
        )  # fmt: skip
        than = re.split(r"[,;]|\.(?!\d)", s.text[m.end() : m.end() + 60])[0]
        against = (_VERSUS.match(s.text, m.end()) or _than_partner(s, m.end())
                   or _THAN_FLOW_RU.match(s.text, m.end()))  # fmt: skip
        if not above and against and not _DATED.search(than):
            # "10% more than Japan buys", «на 20% больше, чем Германия»: a multiple of another
            # subject, not a rise over an earlier year. "22% less than Korea": the sides turn
            # (versus.sides, as for "three times less"), so the multiple is Korea's of this one.
            return "multiple", _as_multiple_less(out) if falls else _as_multiple(out), "versus"
        return "growth", negate(out) if falls else out, None
    return "", quantity(value, "pct", step, q), None


#: A milestone crossed: «рубеж в три миллиарда», «отметку в 3 млрд»: the level is above its figure
#: («выросли до отметки 4,5 миллиарда» is the level reached).
_MILESTONE = re.compile(
    # «продала за рубеж 2,4 млрд»: abroad, no milestone.
    r"(?<!\w)(?<!до\s)(?:(?<!за\s)рубеж\w*(?:\s+в)?|отметк\w*\s+в|планк\w*\s+в|барьер\w*\s+в)\s+$",
    re.IGNORECASE,
)
#: A year or a word of time after "than": "30% more than the $1.85 billion of 2019" is growth.
_DATED = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b(?:year|earlier|before|ago)\b|(?<!\w)(?:год\w*|"
                    r"прошл\w*|ранее|" + _TIME_WORDS + r")(?!\w)|" + YEAR_WORD,
                    re.IGNORECASE)  # fmt: skip


def _as_multiple(q: Quantity) -> Quantity:
    """A percentage more (less) as the multiple it makes: 10% more is x1.10."""
    return Quantity(1 + q.value / 100, "x", 1 + q.lo / 100, 1 + q.hi / 100, lo_open=q.lo_open,
                    hi_open=q.hi_open, qualifier=q.qualifier)  # fmt: skip


def _as_multiple_less(q: Quantity) -> Quantity:
    """A percentage less as the multiple the other side is of this one: 20% less is x1.25.

    >>> round(_as_multiple_less(quantity(20, "pct", 1)).value, 2)
    1.25
    """

    def turn(pct: float) -> float:
        return math.inf if pct >= 100 else 1 / (1 - pct / 100)

    return Quantity(turn(q.value), "x", turn(q.lo), turn(q.hi), lo_open=q.lo_open,
                    hi_open=q.hi_open, qualifier=q.qualifier)  # fmt: skip


#: Going above an earlier year's figure by a percentage: «превысив показатель 2019 г. на 30%»,
#: «превысил прошлогодний уровень на 12%», "exceeded the 2019 figure by 30%".
_ABOVE_YEAR = re.compile(
    rf"{_EXCEEDS}\s+(?:the\s+)?(?:(?:показател\w*|уровень|уровня|итог\w*|level|figure|total)\s+)?"
    r"(?:(?:of\s+|за\s+)?(?:19|20)\d\d(?:\s*г\.|\s+год\w*|-го|'s)?|прошлогодн\w*|"
    r"предыдущ\w+\s+год\w*|прошлого\s+года|(?:the\s+)?(?:previous|prior|last)\s+year'?s?)"
    r"(?:\s+(?:показател\w*|уровень|уровня|итог\w*|level|figure|total))?"
    # «превысив показатель 2019 года (1849,1 млн долларов) на 30%»: its figure in brackets.
    r"(?:\s*\([^()]{1,40}\))?\s+(?:на|by)\s+$",
    re.IGNORECASE,
)
#: The same with the figure first: «на 30% превысив уровень предыдущего года».
_ABOVE_YEAR_AFTER = re.compile(
    rf"\s*{_EXCEEDS}\s+(?:(?:показател\w*|уровень|уровня|итог\w*)\s+)?"
    r"(?:(?:за\s+)?(?:19|20)\d\d(?:\s*г\.|\s*год\w*|-го)?|прошлогодн\w*|предыдущ\w+\s+год\w*|"
    r"прошлого\s+года)(?!\w)",
    re.IGNORECASE,
)


#: A figure that opens its clause before a verb of exceeding is the bound of what follows the
#: verb («Сто миллионов долларов превысили закупки шести стран»), not a level of its own.
_OPENS_CLAUSE = re.compile(r"(?:^|[.;:!?]\s*|[—–]\s*)[\s«\"(]*$")
_EXCEEDED_BY = re.compile(
    r"\s*(?:превысил[аио]?|превзошл[аио]?|перекрыл[аио]?|перевалил[аио]?|was\s+exceeded|"
    r"were\s+exceeded)(?![\w])",
    re.IGNORECASE,
)


#: A sign right before a figure («плюс почти 555 миллионов») and a year it is set against
#: after it («к 2019-му», «к прошлому году»).
_SIGNED_BEFORE = re.compile(r"(?<!\w)(?:плюс|минус)(?:\s+(?:почти|около|примерно|порядка|более|"
                            r"свыше|менее|без малого|ещё|еще))?\s*$", re.IGNORECASE)  # fmt: skip
_TO_YEAR = re.compile(r"\.?\s*(?:долл\w*\.?\s*)?(?:к|ко|против)\s+(?:(?:19|20)\d\d|прошлому|"
                      r"предыдущему|позапрошлому)(?!\d)", re.IGNORECASE)  # fmt: skip


def _money(m: re.Match[str], s: Sentence, before: str) -> tuple[str, Quantity | None, str | None]:
    lang = "en" if "." in m["num"] and "," not in m["num"] else s.lang
    scale = _scale_name(m["scale"] or "")
    scale = {"bln": "bn", "mln": "mn"}.get(scale, scale)  # wire-service spellings
    value = wording.parse_money(f"{m['num']} {scale}".strip(), lang=lang)
    step = _FACTORS.get(scale, 1.0) * _step(m, 10.0 ** -decimals(m["num"], lang=lang))
    q = quantity(value, "usd", step, m["q"] or "")
    if not m["q"] and _MILESTONE.search(before):
        # «рубеж в три миллиарда он перешёл», "crossed the $3 billion mark": above it.
        q = quantity(value, "usd", step, "свыше")
    if (
        _THRESHOLD.search(before + (m["q"] or ""))
        or (s.text.rstrip().endswith("?") and _ASKED_OVER.search(before + (m["q"] or "")))
        or (_OPENS_CLAUSE.search(before) and _EXCEEDED_BY.match(s.text, m.end()))
    ):
        return "", q, None
    after = _CHANGE_AFTER.match(s.text, m.end())
    if _GAP_AFTER.match(s.text, m.end()):
        # "bought $86 million more than it sold": the balance, not a change over a year.
        return "amount", q, scale or None
    # «плюс почти 555 миллионов к 2019-му»: a change on the year said, told by its sign.
    signed = _SIGNED_BEFORE.search(before + (m["q"] or ""))
    if signed is not None and not _TO_YEAR.match(s.text, m.end()):
        signed = None
    if after is not None or signed is not None:
        said = after.group() if after is not None else signed.group()  # type: ignore[union-attr]
        falls = re.search(f"(?:{FALL})|less|below|lower|down|минус", said, re.I) is not None
        return "change", negate(q) if falls else q, scale or None
    if _WORTH_OF.search(before + (m["q"] or "")):
        return "amount", q, scale or None
    sized = _sized_change(before)
    if sized:
        # «прибавка к 2019-му составила 555 млн»: the change its noun names, not a level.
        return "change", negate(q) if sized == "fall" else q, scale or None
    # The words up to the number, with the qualifier and its space: "an increase of some $1.1bn",
    # «увеличился примерно на 72 млн».
    head = s.text[m.start() : m.end()]
    at = head.find(m["num"]) if m["num"] else -1
    lead = s.text[: m.start() + at] if at >= 0 else before + (m["q"] or "")
    # "brought US$34.8m": the currency before the number is no word of the cue.
    cue = _CHANGE_BEFORE.search(re.sub(r"(?:US\s?\$|USD\s|\$)\s*$", "", lead))
    if (
        cue is not None
        and cue.group().lower().startswith("brought")
        and not _NAMED_CHANGE.search(before)
    ):
        # "Computers brought US$257m, up 26%": what the goods earned; "brought" tells a part
        # of a change only where the sentence names the change ("of the increase, ...").
        cue = None
    # The verb of the figure's own clause: «Больше всего в сторону Чили идёт топлива: почти на
    # 920 млн» is what was shipped ("most of all" is no rise).
    clause = _MOST_OF_ALL.sub("", re.split(r"[:;]", before)[-1])
    verb = re.search(f"(?:{GROWTH})|(?:{FALL})", clause, re.IGNORECASE)
    noun = cue is not None and not re.match(r"(?:by|на)\b", cue.group(), re.IGNORECASE)
    kind = "change" if (cue and (noun or verb)) or _OF_CHANGE.match(s.text) else "amount"
    return kind, negate(q) if kind == "change" and _falls(before) else q, scale or None


def _sized_change(before: str) -> str:
    """``rise`` or ``fall``: the figure's clause names a change and sizes it, else ``""``.

    A noun of change, then a verb right before the figure (data/grammar.yaml,
    ``sized_change``).

    >>> _sized_change("Экспорт вырос, прибавка к 2019-му составила ")
    'rise'
    >>> _sized_change("the decline on 2019 amounted to $"), _sized_change("Экспорт составил ")
    ('fall', '')
    >>> _sized_change("экспорт после роста цен составил ")
    ''
    """
    g = frames.grammar()["sized_change"]
    clause = re.split(r"[,;:—–()]", re.sub(r"(?:US\s?\$|USD\s|\$)\s*$", "", before))[-1]
    if re.search(r"[а-яё]", clause, re.IGNORECASE):
        words = frames.lemmas(clause)
        if not words or words[-1][2] not in g["verbs"]["ru"]:
            return ""
        heads = [w for _, _, w in words[:-1]]
    else:
        verb = re.search(r"\b(?:" + "|".join(g["verbs"]["en"]) + r")\s*$", clause, re.IGNORECASE)
        if verb is None:
            return ""
        heads = [w.lower() for w in re.findall(r"[a-z]+", clause[: verb.start()], re.IGNORECASE)]
    flows = _flow_lemmas() | {"export", "exports", "import", "imports", "sales", "trade"}
    for word in heads:
        if word in flows:
            # «экспорт после роста составил»: the flow is the subject, the level its figure.
            return ""
        for way in ("rise", "fall"):
            if word in g[way]["ru"] or any(re.fullmatch(w, word) for w in g[way]["en"]):
                return way
    return ""


def _count(m: re.Match[str], s: Sentence, before: str) -> tuple[str, Quantity | None, str | None]:
    n = float(m["num"].replace(" ", "").replace(",", ""))
    six = re.match(r"\s*\(?\s*(?:6|шест\w*)[\s-]*(?:знак|значн|digit)", s.text[m.end() :], re.I)
    if re.search(r"позици|\bheadings\b", m.group(), re.IGNORECASE) and six is None:
        # «45 товарных позиций», "45 headings": HS headings, not product lines (unless the
        # words after say six digits: «144 товарные позиции (6 знаков ТН ВЭД)»).
        return "count", quantity(n, "count", 1.0, m["q"] or ""), "heading"
    return "count", quantity(n, "count", 1.0, m["q"] or ""), "product_lines"


_I = re.IGNORECASE
_N = f"(?P<num>{NUMBER})"
_RISE_WORDS = (
    r"rose|risen|grew|grown|increased|вырос|выросл[аио]|рос|росл[аио]|"
    r"увеличил(?:ся|ась|ось|ись)|увеличивал(?:ся|ась|ось|ись)|возрос(?:л[аио])?"
)
_FALL_WORDS = (
    r"fell|fallen|declined|decreased|shrank|shrunk|contracted|"
    r"сократил(?:ся|ась|ось|ись)|сокращал(?:ся|ась|ось|ись)|снизил(?:ся|ась|ось|ись)|"
    r"снижал(?:ся|ась|ось|ись)|уменьшил(?:ся|ась|ось|ись)|упал[аио]?|падал[аио]?"
)
#: A change told by a verb with its trade object or a noun before the trade ("cut its orders",
#: «сократила закупки», "the drop in"): the grammar's ``direction``.
_FALL_OBJECT = "|".join(frames.grammar()["direction"]["fall"])
_OBJECT_WAYS = "|".join([*frames.grammar()["direction"]["rise"], _FALL_OBJECT])
_ORDER = frames.grammar()["order"]
_ORDER_FIRST = "|".join(_ORDER["first"])
_ORDER_ALL = "|".join(_ORDER["more"] + _ORDER["less"] + _ORDER["overtake"])
#: The other side of an order that is an earlier time, not another subject ("more than the
#: year before", «больше, чем в 2019 году»): growth, not an order.
_NOT_A_YEAR = (
    # «больше, чем три года тому назад», "than two years ago": a count of years back; «чем в
    # ноябре 2019 года»: the same months of another year.
    r"(?!,?\s*(?:in\s+|of\s+|во?\s+|у\s+)?(?:the\s+|a\s+)?(?:(?:19|20)\d\d|years?\b|"
    r"level|previous|prior|before|last|earlier|expected|forecast|planned|год\w*|прошл\w*|"
    r"предыдущ\w*|ранее|до\b|ожида\w*|прогноз\w*|план\w*|" + YEARS_AGO + "|" + _MONTH_THEN + r"))"
)
#: An earlier time a level is set against: "2002", "last year", "a year earlier", «2002-м»,
#: «прошлогоднего», «годом ранее», «два года до того» (not a figure nor another subject).
_EARLIER = (
    r"(?:19|20)\d\d(?:-(?:м|го|му))?(?:\s+(?:году|года|г\.))?(?![\d%])|last\s+year\b|"
    r"(?:the\s+)?(?:previous|prior|preceding)\s+year\b|the\s+year\s+before\b|"
    r"(?:a|one|two|three)\s+years?\s+(?:earlier|before|ago)\b|"
    r"прошл\w*\s+год\w*|предыдущ\w*\s+год\w*|прошлогодн\w*|прежн(?:его|ему|ем)(?!\w)|"
    r"годом\s+(?:ранее|раньше)|год\s+назад|(?:два|три|\w+)\s+года\s+(?:до\s+того|назад|ранее|"
    r"раньше)"
)
_Q = f"(?:{QUALIFIER})?"
PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "rank",
        re.compile(
            # The last place: "Sweden last of fourteen", "our smallest market", «замыкает
            # список»; the last of the first N: «замыкает тройку», "rounds out the top five".
            # "Japan the smallest of the six": the last of them (not "Peru and Chile, the
            # smallest of 12 markets": two of them).
            r"(?P<last>\b(?:last|the\s+smallest(?=\s+(?:of|among)\s+the\s))\s+(?:of|among)\s+"
            r"(?:the\s+|all\s+|its\s+)?(?:(?:\w+teen|ten|"
            r"twenty|\w+ty[- ]\w+|six|seven|eight|nine|\d{1,3})\b\s*)?(?:\w+\s+)?(?:markets|buyers|"
            r"destinations|partners|customers|suppliers|countries)?(?<=\w)(?<!\bthe)(?<!\ball)"
            r"(?<!\bits)|"
            r"\b(?:the|our|its|their)\s+smallest\s+(?:\w+\s+)?(?:market|buyer|destination|"
            r"partner|customer|supplier)s?\b|(?<!\w)[Зз]амыка\w+\s+список\b|"
            # "came last", "in last place", «на последнем месте»: the last of all partners.
            r"(?:\b(?:came|comes|finished|finishes|ranked|ranks|placed)\s+last\b(?!\s+(?:year|"
            r"month|quarter|time|week|half)\b)|\bin\s+last\s+place\b|"
            r"(?<!\w)(?:на\s+)?последн(?:ем|ее)\s+(?:мест|строчк|строк)\w*)"
            # Not the last by growth ("came last in growth", «последнее место по темпам»).
            r"(?!\s+(?:(?:in|by|for)\s+(?:the\s+)?(?:growth|rate|pace|terms)|по\s+(?:темп|рост)))"
            r")"
            r"|(?<!\w)[Зз]амыка\w+\s+(?P<close>тройк|четв[её]рк|пят[её]рк|десятк)\w*"
            r"|\brounds?\s+out\s+the\s+top\s+(?P<close_en>three|four|five|ten|\d{1,2})\b"
            r"|\b(?:among\s+)?(?:the\s+)?top[- ](?P<top>three|four|five|ten|3|4|5|10)\b(?:\s+\w+)?"
            # «Топ-3 поставщиков: Китай, Германия, США», «в топ-5 покупателей»: a rank list.
            r"|(?<!\w)(?:(?:в|во)\s+)?[Тт]оп[- ]?(?P<top_ru3>3|4|5|10)(?!\w)(?:\s+\w+)?"
            # "the three largest destinations": each of them among the first three.
            r"|\b(?:among\s+)?the\s+(?P<top_en>two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"(?:largest|biggest|leading|main)\s+(?:\w+\s+)?(?:markets|buyers|destinations|"
            r"customers|partners|suppliers)\b"
            # «вошёл в первую десятку рынков»: among the first ten.
            r"|\b(?:в|во)\s+(?:перв\w+\s+)?(?P<top_ru>тройк|пят[её]рк|десятк)\w*"
            r"(?:\s+(?:крупнейш|ведущ|главн)\w*)?"
            r"(?:\s+\w+)?"
            r"|(?<!\w)(?P<top_ru2>[Тт]ройк|[Пп]ят[её]рк|[Дд]есятк)\w*\s+(?:крупнейш|ведущ|главн)\w*"
            r"(?:\s+\w+)?"
            r"|\b(?:" + _ORDINAL + r")\w*\s+(?:(?:по величине|крупнейш\w*)\s+)?(?:покупател|"
            r"рын|партн[её]р|поставщик|импорт[её]р)\w*"
            # "Optical instruments grew fastest of all": first by growth.
            r"|\b(?:grew|rose|expanded|increased|climbed)\s+(?:the\s+)?fastest(?:\s+of\s+all\b|"
            r"(?=\s*[,;.]))"
            r"|\b(?:the |a )?(?:leader|leading|largest|biggest|best|top|main|principal|chief|"
            r"fastest[- ]growing|"
            r"second[- ]largest|third[- ]largest)\b(?:(?: \w+){0,3}? (?:in|by|of) (?:the )?"
            r"(?:volume|value|growth rate|rate of growth|growth|terms of \w+)"
            r"|(?: \w+)? (?:market|buyer|partner|destination|importer|customer|supplier|item|"
            r"product|category|commodity|chapter|heading|group|line)s?\b)"
            r"|лидер\w*(?: \w+){0,2}? по (?:объ[её]м\w*|темп\w*(?: рост\w*)?|рост\w*)"
            # «первые по темпу среди всех получателей», «вторая по темпам роста»: by growth.
            r"|(?<!\w)(?:" + _ORDINAL + r")\s+по\s+(?:темп\w*|рост\w*|прирост\w*)(?:\s+рост\w*)?"
            r"|крупнейш\w+ (?:наш\w*\s+)?(?:рын\w+|покупател\w+|партн[её]р\w*|импорт[её]р\w*|"
            r"направлени\w*|поставщик\w*)"
            # "главным партнёром", «Главный рынок сбыта»: one partner (not "основные рынки").
            r"|(?<!\w)(?:главн|основн|ведущ)\w*\s+(?:[^\W\d]+\s+)?(?:рын(?:ок|ка|ку|ком|ке)|"
            r"покупател(?:ь|я|ю|ем|е)|партн[её]р(?:а|у|ом|е)?|поставщик(?:а|у|ом|е)?)(?!\w)"
            # Goods: «крупнейшая товарная позиция», «главной статье экспорта», «первая позиция».
            r"|(?<!\w)(?:крупнейш|главн)\w*\s+(?:товарн\w+\s+)?(?:позици|групп|стать)\w*"
            r"|\b(?:" + _ORDINAL + r")\s+(?:товарн\w+\s+)?(?:позици|стать)\w*"
            r"|\b(?:" + _ORDINAL + r")(?:[- ](?:largest|biggest|best))?\s+(?:\w+\s+)?"
            r"(?:chapter|heading)s?\b"
            r"|\b(?:" + _ORDINAL + r")(?:[- ](?:largest|biggest|best))?\s+(?:market|buyer|"
            r"destination|customer|partner|supplier)s?\b"
            r"|\b(?:" + _ORDINAL + r")\s+(?:among|of)\s+(?:all\s+|the\s+|its\s+)?(?:\w+\s+)?"
            r"(?:markets|buyers|destinations|customers|partners|suppliers)\b"
            r"|\b(?:" + _ORDINAL + r")\s+overall\b"
            # A move in the ranking: "slipped from tenth to twelfth", "dropped to eighth".
            r"|\b(?:slipp|dropp|fell|fall|rose|ris|climb|mov|jump|sank|slid|advanc|return)\w*"
            # "climbed from fifteenth place to fifth".
            # "jumped two places, to seventh".
            r"(?:\s+(?:back|down|up))?(?:\s+(?:one|two|three|four|five|\d)\s+(?:places?|spots?|"
            r"positions?),?)?\s+(?:from\s+(?:the\s+)?(?:" + _ORDINAL + r")"
            r"(?:\s+place)?\s+)?to\s+"
            r"(?:the\s+)?(?:" + _ORDINAL + r")\b(?:[- ](?:largest|biggest|place)\b)?"
            r"(?:\s+place\b)?"
            r"|\b(?:ranked|ranks|rank|came|comes|come|placed|stood|was|is|remained|sits|finished|stayed|"
            r"stays|remains|remain)\s+"
            # "ranked only fourth".
            r"(?:(?:only|just|merely|a\s+mere)\s+)?(?:the\s+)?(?:"
            + _ORDINAL
            # Not a time: "it was the first time", "the third year running".
            + r")\b(?!\s+(?:time|year|quarter|month|half)s?\b)(?:[- ](?:largest|biggest|best)\b)?"
            r"(?:\s+(?:among|by|in)\s+\w+)?"
            r"|\b(?:" + _ORDINAL + r")[- ](?:largest|biggest|best|place)\b"
            # "Japan holds second" (not "held second place": the place's own words).
            r"|\b(?:holds|held|takes|took|occupies|occupied)\s+(?:the\s+)?(?:"
            + _ORDINAL
            + r")\b(?!\s+(?:time|year|quarter|month|half|place|spot|position)s?\b)"
            # "Machinery is runner-up": second.
            r"|\b(?:is|was|came|finished|the)\s+runner[- ]up\b"
            # "second only to machinery": second, the one named after it first.
            r"|\bsecond\s+only\s+to\b"
            # A podium: «Серебро у Японии, бронза у Германии» (second, third; not «золото»: goods).
            r"|(?<!\w)(?P<podium>[Сс]еребро|[Бб]ронза)(?=\s+у\s+[А-ЯЁ])"
            # "the fastest growth of the three chapters": first by growth.
            r"|\bthe\s+(?:fastest|strongest|quickest)\s+(?:growth|rise|increase)(?=\s+(?:of|among)"
            r"\s+(?:all|the|its)\b)"
            # "The Netherlands leads", "Paper led Chilean shipments" (not "led to", "was led by",
            # "led the growth": a rank of growth the verb does not say).
            r"|(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bbe )(?<!\bbeen )\b(?:leads|led)\b"
            r"(?!\s+(?:to|by|the\s+(?:way|growth|rise|increase|decline|fall|drop))\b)"
            # Not a cause: "demand from China led exports higher".
            r"(?!(?:\s+[\w'’]+){1,3}?\s+(?:higher|lower|up|down|upwards?|downwards?)\b)"
            # "Turbojets lead, at $349m", "Turbojets lead the list": a plural subject's present
            # (not "lead" the metal: only before a pause or "the list").
            r"|(?<=s )lead\b(?=\s*[,.;:—–]|\s*$|\s+the\s+(?:list|table|ranking|field|pack)\b)"
            # "tops the list", "headed the table", "moved to the top of the list", "at the top
            # of the ranking": first.
            r"|\b(?:tops|topped|top|heads|headed|head)\s+the\s+(?:list|table|ranking|league|"
            r"chart)s?\b"
            r"|\b(?:moved|moves|rose|rises|climbed|climbs|went|goes|jumped|shot)\s+(?:up\s+)?to\s+"
            r"the\s+top\b(?:\s+of\s+the\s+(?:list|table|ranking))?"
            r"|\bat\s+the\s+top\s+of\s+the\s+(?:list|table|ranking)\b"
            # «Нидерланды впереди», «впереди всех», «возглавляет список»: first.
            r"|(?<=[а-яё]\s)(?P<ahead>впереди)(?:\s+всех)?(?=\s*[,.;:—–]|\s*$)"
            r"|(?<!\w)[Вв]озглав(?:ляет|ляют|ил[аио]?|или)(?:\s+(?:список|рейтинг|перечень))?(?!\w)"
            # «Лидирует бумага», «лидируют по темпам роста».
            r"|(?<!\w)[Лл]идир(?:ует|уют|овал[аио]?|овали)(?!\w)(?:\s+по\s+(?:темп\w*"
            r"(?:\s+рост\w*)?|рост\w*|объ[её]м\w*))?"
            # «поднялась с девятого места на седьмое», «опустилась с седьмого на девятое».
            r"|(?<!\w)со?\s+(?:" + _ORDINAL + r")\w*\s+(?:(?:мест|строчк|строк|позици)\w*\s+)?"
            r"на\s+(?:" + _ORDINAL + r")\w*(?:\s+(?:мест|строчк|строк|позици)\w*)?"
            r"|\b(?:на\s+)?(?:" + _ORDINAL + r")\s+(?:мест|строчк|строк)\w*"
            # «третью строчку» (not «треть», a fraction: the noun after it says so).
            r"|(?<!\w)третью\s+(?:строчк|строк)\w*"
            r"|\b(?:" + _ORDINAL + r")\s+по\s+(?:величине|объ[её]му|значимости)"
            # «в рейтинге покупателей лишь девятый».
            r"|(?<!\w)(?:в|во)\s+(?:рейтинге|списке|перечне)\s+(?:[^\W\d]+\s+){0,2}?"
            r"(?:лишь\s+|только\s+|всего\s+)?(?:" + _ORDINAL + r")\w*"
            # "became the largest heading, followed by refined oils", «Лидирует бумага. Следом
            # идут машины»: the next place after a rank said before (no figure of its own).
            r"|(?P<next>(?<=,\s)followed\s+(?:closely\s+)?by(?=\s+(?:the\s+)?[^\W\d])"
            r"|(?<!\w)[Сс]ледом\s+(?:ид[уё]т|следу\w+|стоя?т|располага\w+)"
            r"|(?<!\w)[Зз]а\s+(?:ним|ней|ними)\s+следу\w+)"
            r"(?![^,;]*?(?:\$|\d\s*(?:%|млн|млрд|тыс|million|billion|bn|mn)(?!\w)))",
            _I,
        ),
        _rank,
    ),
    Pattern(
        "rank",
        # An ordinal alone in a list of ranks: "Germany ranked second, France third",
        # "Второе место — у Японии, третье — у Германии", a sentence «Вторая — компьютеры».
        re.compile(
            r"(?<![\w-])(?P<listed>(?:"
            + "|".join(en for en, _ in _ORDINALS)
            + r")|"
            # «третьим — Франция»: «третий» declines on a soft stem (третьим, третьего, третью).
            + "|".join(
                # «четвёртые», «на третьем»: plurals and the locative too.
                f"{ru}{'[её]рт' if ru == 'четв' else ''}(?:[ыо]й|ий|ая|ое|ье|ья|ая|ым|ую|ей|ого|ом|"
                "ьим|ьего|ьей|ью|ьему|ые|ыми|ьи|ьими|ьем)"
                for _, ru in _ORDINALS
            )
            + r")(?![\w-])",
            _I,
        ),
        lambda m, s, b: _listed_rank(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "per_dollar",
        re.compile(
            # "For every dollar Chile sold across the border, it bought almost eight": a multiple
            # of the other flow said per dollar (versus reads which flow from the clause).
            r"\bfor (?:every|each) (?:dollar|\$1|US\$1)\b[^,;.]{0,60},\s+(?P<word>(?:[^\W\d]+\s+)"
            r"{1,4}?)" + _Q + r"(?P<per>" + _NUMBER_WORDS + r"|\d+(?:\.\d+)?)\b(?=\s*[.;]|\s*$)"
            # "import $7.7 for each dollar it exported".
            # "spends $7.74 on Argentine products for each dollar it earns there": up to five
            # words between.
            r"|(?:US)?\$(?P<per2>\d+(?:\.\d+)?)(?=(?:\s+[^\W\d]+){0,5}?\s+for\s+(?:every|each)\s+"
            r"(?:dollar|\$1)\b)",
            _I,
        ),
        _per_dollar,
    ),
    Pattern(
        "per_dollar",
        re.compile(
            # "Argentina sends me nearly eight dollars for every dollar I send it", «почти восемь
            # долларов на каждый доллар»: the number of dollars said first.
            r"(?<![\w$.,])" + _Q + r"(?P<per>" + _NUMBER_WORDS + r"|\d+(?:[.,]\d+)?)\s+"
            # "nearly eight dollars of Argentine goods for every dollar": up to four words between.
            r"(?:dollars?|долл\w*)(?=(?:\s+[^\W\d]+){0,4}?\s+"
            r"(?:for\s+(?:every|each)\s+(?:dollar|\$1)\b|на\s+каждый\s+доллар(?!\w)))",
            _I,
        ),
        _per_dollar,
    ),
    Pattern(
        "count_against",
        re.compile(
            # "Four import chapters exceeded USD 100 million in 2004, against three in 2002",
            # «семь, против восьми в 2002-м»: the same count of another year.
            # "up from five in 2019", "compared with only five in 2002", «против лишь трёх».
            r"\b(?:against|versus|vs\.?|compared (?:with|to)|(?:up |down )?from)\s+"
            r"(?:only\s+|just\s+|a mere\s+)?(?P<n>"
            + _COUNT_WORDS_RE
            + r"|\d{1,3})\s+(?:in|for)\s+(?P<y>(?:19|20)\d\d)\b(?![.,]?\d)"
            # "twenty-five chapters passed $10 million, against nineteen", "up from twenty-nine",
            # "against five the year before": a count in words of the base year or the year
            # before, at the end of its clause.
            r"|\b(?:against|versus|compared (?:with|to)|(?:up|down) from)\s+"
            r"(?:only\s+|just\s+|a mere\s+)?(?P<n2>" + _COUNT_WORDS_RE + r")"
            r"(?:\s+(?P<ago>the (?:year|month) before|a year (?:earlier|before|ago)|"
            r"the previous year|in the previous year))?(?=\s*(?:[.;)]|$))"
            r"|(?<!\w)против\s+(?:лишь\s+|только\s+|всего\s+)?(?P<n_ru>(?:[а-яё]+\s+)?[а-яё]+|\d{1,3})\s+в\s+"
            r"(?P<y_ru>(?:19|20)\d\d)"
            r"(?:-м\b|\s*г(?:оду|\.)?)?(?![.,]?\d)"
            # «годом ранее таких было девять», «было 29»: the count of the year before (or
            # of the base), after the count it is set against.
            r"|(?<!\w)(?:годом\s+(?:ранее|раньше),?\s+|в\s+(?P<y_ru3>(?:19|20)\d\d)\s*"
            r"(?:-м\b|г(?:оду|\.)?)?,?\s+)?(?:таких\s+|их\s+)?было\s+"
            r"(?P<n_ru3>(?:[а-яё]+\s+)?[а-яё]+|\d{1,3})(?=\s*(?:[.;)]|$))"
            # "nine headings topped $100 million, where a year earlier there had been only
            # five": the count of the year before, after the count it is set against.
            r"|\b(?:a year (?:earlier|before)|the (?:year|month) before|the previous year),?\s+"
            r"there\s+(?:had\s+been|were|was)\s+(?:only\s+|just\s+|a mere\s+)?(?P<n5>"
            + _COUNT_WORDS_RE
            + r"|\d{1,3})(?=\s*(?:[.;)]|$))"
            # "Twenty-two countries were buyers (twenty-one in 2019)", «22 страны (21 в 2019
            # году)»: the count of another year in brackets after a count.
            r"|(?<=\()\s*(?P<n3>" + _COUNT_WORDS_RE + r"|\d{1,3})\s+(?:in|в)\s+"
            r"(?P<y3>(?:19|20)\d\d)(?:-м|\s*г(?:оду|\.)?)?\s*(?=\))"
            # «против девятнадцати», «против пяти годом ранее».
            # «стало 22 вместо 21», «двадцать две вместо двадцати одной»: «вместо» as «против».
            r"|(?<!\w)(?:против|вместо)\s+(?:лишь\s+|только\s+|всего\s+)?"
            r"(?P<n_ru2>(?:[а-яё]+\s+)?[а-яё]+|\d{1,3}(?![.,]?\d|\s*(?:%|процент|млн|млрд|тыс)))"
            r"(?:\s+(?:годом\s+(?:ранее|раньше)|в\s+предыдущем\s+году|год\s+назад))?"
            r"(?=\s*(?:[.;)]|$))",
            _I,
        ),
        _count_against,
    ),
    Pattern(
        "count_against",
        # "Buyers were found in 22 countries, a net gain of one": the count of the year before
        # is the one before it less the gain (resolve copies that one's frame).
        re.compile(
            r"\ba net (?P<way>gain|loss|increase|decrease|rise|fall|drop) of (?P<net>"
            + _COUNT_WORDS_RE
            + r"|one|\d{1,3})\b(?![.,]?\d|\s*(?:%|per\b|percent|million|billion|bn\b|m\b))",
            _I,
        ),
        lambda m, s, b: _net_change(m),
    ),
    Pattern(
        "count_years",
        # How many years a flow went one way: "imports fell in eleven years", "exports went down
        # only once", «импорт сокращался в одиннадцати годах», «экспорт падал лишь один раз».
        re.compile(
            r"(?<!\w)(?P<way>" + _RISE_WORDS + "|" + _FALL_WORDS + r"|dropped|went (?:down|up)|"
            r"climbed|rosen?|падал[аио]?|рос(?:л[аио])?|снижал\w*|сокращал\w*|увеличивал\w*)"
            r"\s+(?:(?:only|just|лишь|только|всего)\s+)?"
            r"(?:(?:in\s+)?(?P<word>" + numwords.COUNTS_RE + r"|\d{1,2})\s+years\b"
            r"|в\s+(?P<word_ru>" + numwords.COUNTS_RE + r"|\d{1,2})\s+год(?:ах|у)(?![а-яё])"
            r"|(?P<word_ru2>" + numwords.COUNTS_RE + r"|\d{1,2}|один)\s+раз(?:а)?(?![а-яё])"
            # "grew twice as fast as": a multiple of a pace, not a count of years.
            r"|(?P<once>once|twice|однажды|дважды)\b(?!\s+as\s+(?:fast|quickly|rapidly|steeply|"
            r"much|many|large|big|high)\b)(?!\s+(?:faster|quicker)\b))"
            # "fell three times" counts years; "grew 37 times" is a multiple, not a count.
            r"|(?<!\w)(?P<way2>" + _FALL_WORDS + r"|dropped|went down)\s+"
            r"(?:(?:only|just)\s+)?(?P<word2>" + numwords.COUNTS_RE + r"|\d{1,2})\s+times\b",
            _I,
        ),
        lambda m, s, b: _count_years(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "streak",
        re.compile(
            # "have risen every year since 2010", "declined in each year from 2013 to 2016".
            r"\b[a-z]+\s+(?:in\s+)?(?:every|each)\s+(?:single\s+)?year\s+(?:since\s+"
            r"(?P<since>(?:19|20)\d\d)|from\s+(?P<from>(?:19|20)\d\d)\s+(?:to|through|until|till)"
            r"\s+(?P<to>(?:19|20)\d\d))\b"
            r"|(?<!\w)[а-яё]+\s+(?:каждый год|ежегодно)\s+(?:начиная\s+)?с\s+"
            r"(?P<since_ru>(?:19|20)\d\d)(?:\s*г(?:ода|\.)?)?"
            # "never fell", «ни разу не снижался».
            r"|\b(?P<never>never\s+(?:once\s+)?[a-z]+|ни\s+разу\s+не\s+[а-яё]+)"
            # "the eighth consecutive annual increase", "for the fourth straight year",
            # «восьмой год подряд».
            r"|\b(?:the|its|an?)\s+(?P<ord>" + _ORDINAL + r")\s+(?:consecutive|straight|"
            r"successive)\s+(?:annual\s+|yearly\s+|year-on-year\s+)?(?:year|increase|rise|gain|"
            r"fall|decline|drop|decrease)\b"
            r"|(?<!\w)(?P<ord2>" + _ORDINAL + r")\s+год\s+подряд",
            _I,
        ),
        _streak,
    ),
    Pattern(
        "extreme",
        re.compile(
            # "the slimmest gap recorded since 2001", "the deepest shortfall since 2008".
            r"\b(?:the )?(?:record[- ])?(?:lowest|highest|smallest|largest|weakest|strongest|"
            r"narrowest|widest|slimmest|thinnest|deepest|minimum|maximum)\b(?: \w+){0,3}? since "
            r"(?P<year>(?:19|20)\d\d)"
            r"|(?:минимальн\w*|максимальн\w*|минимум\w*|максимум\w*|самы\w+ низк\w*|"
            r"самы\w+ высок\w*|наименьш\w*|наибольш\w*|впервые)(?: \w+){0,4}? с "
            r"(?P<year2>(?:19|20)\d\d)"
            # "a low not seen since 2001", «такого низкого значения не фиксировали с 2001 года».
            r"|\b(?:low|high|peak|trough|minimum|maximum)s? (?:not|never) (?:seen|recorded|reached|"
            r"matched) since (?P<year3>(?:19|20)\d\d)"
            r"|\bтак\w* (?:низк|высок|мал|больш)\w* (?:\w+ )?не (?:\w+ )?(?:фиксир|был|наблюд|"
            r"видел|отмеча|регистрир)\w* (?:\w+ )?с (?P<year4>(?:19|20)\d\d)"
            # "the deficit had not been so slim since 2001".
            r"|\b(?:had|has|have|was|were) not been (?:so|as|this) [a-z]+ since "
            r"(?P<year5>(?:19|20)\d\d)"
            # «минимальный за двадцать лет»: the record of the last N years.
            r"|(?:минимальн|максимальн|наименьш|наибольш|самы\w* (?:низк|высок))\w* за "
            r"(?:последние )?(?P<span2>\d{1,2}|" + _SPAN_WORDS_RU + r") (?:лет|года)(?!\w)"
            # The record of the whole series: "the highest value ever recorded", "a new high".
            r"|\b(?P<ever>(?:the )?(?:lowest|highest|smallest|largest|biggest|weakest|strongest|"
            r"narrowest|widest)\b(?: " + _NOT_A_CHANGE + r"[a-z]+){0,3}? (?:ever|on record|"
            r"in (?:the|its) history)\b"
            r"|(?:a |an )?(?:new|all-time|record|historic) (?:high|low|peak|maximum|minimum)\b"
            r"|\b(?:a|new) record\b(?![- ](?:of|keep|book|show|number))"
            r"|(?:историческ\w* (?:максимум|минимум)\w*|(?:максимум|минимум)\w* за всю историю"
            # «максимум за весь период», «наименьшую величину за весь ряд», «минимальным с
            # начала ряда»: the record of every year the data hold.
            r"|(?:максимум|минимум|максимальн|минимальн|наибольш|наименьш|высочайш)\w*"
            r"(?: \w+){0,2}? (?:за весь (?:период|ряд)|за всю историю наблюдений|"
            r"с начала (?:ряда|наблюдений))"
            r"|рекордн\w+|обнов\w+ (?:исторический )?рекорд))"
            # Records of the changes: "the largest annual increase in the series", "the biggest
            # jump it ever saw", "the only fall in the series", «единственное за период
            # снижение», «самый большой прирост за весь период».
            r"|\b(?P<rise>(?:the )?(?:largest|biggest|sharpest|steepest|strongest) "
            r"(?:annual |yearly |year-on-year |one-year )?(?:increase|rise|gain|jump|growth)"
            r"(?: \w+){0,3}? (?:ever|"
            r"in the series|on record|since records began|in (?:the|its) history)\b"
            r"|(?:самы\w+ (?:больш|крупн|высок|сильн)\w*|крупнейш\w*|наибольш\w*|рекордн\w*) "
            r"(?:годово\w* )?(?:прирост|рост|увеличени)\w*(?: \w+){0,2}? (?:за весь (?:период|ряд)|"
            r"за всю историю(?: наблюдений)?|с начала (?:ряда|наблюдений)))"
            r"|\b(?P<fall>(?:the )?only (?:annual |yearly )?(?:fall|decline|drop|decrease)\b"
            r"(?: (?:in|of) the series| on record)?"
            # "exports slipped only once", "Only in 2009 did exports decline", «снижался один
            # раз», «Единственный спад за двадцать лет».
            r"|\b(?:fell|slipped|declined|dropped|decreased|shrank|contracted|went down) "
            r"(?:only|just) once\b"
            r"|\bonly in (?:19|20)\d\d did (?:[\w'’]+ ){0,3}?(?:fall|decline|drop|decrease|"
            r"shrink|slip|contract)\b"
            r"|(?:снижал|сокращал|уменьшал|пада)\w*(?: лишь| только| всего)? (?:один раз|однажды)"
            r"|единственн\w* (?:за (?:весь )?(?:период|ряд) |за \w+ (?:лет|года) )?(?:годово\w* )?"
            r"(?:снижени|падени|сокращени|спад)\w*(?: (?:экспорта|импорта|вывоза|ввоза|поставок|"
            r"продаж|закупок)(?= за \w+ (?:лет|года)))?(?: за \w+ (?:лет|года))?)"
            # "its narrowest in two decades": the record of the last N years.
            r"|\b(?:the )?(?:lowest|highest|smallest|largest|biggest|weakest|strongest|narrowest|"
            r"widest)\b(?: "
            + _NOT_A_CHANGE
            + r"[a-z]+){0,3}? in (?:(?:the )?(?:last|past) )?(?P<span>"
            + _SPAN_WORDS
            + r"|\d{1,2}) (?P<unit>decades?|years)\b",
            _I,
        ),
        _extreme,
    ),
    Pattern(
        "multiple",
        re.compile(
            _Q + r"(?:\b(?:doubled|tripled|trebled|quadrupled|twice|halved|удвоил\w*|утроил\w*|"
            # "tripling since 2002", "nearly double their 2002 value".
            r"doubling|tripling|trebling|quadrupling|"
            r"(?:double|triple|treble|quadruple)(?=\s+(?:(?:their|its)\s+(?:(?:19|20)\d\d\s+)?|"
            # "triple the 2002 level": the level of an earlier year.
            r"the\s+(?:19|20)\d\d\s+)(?:value|level|figure|total)\b)|"
            # "over double the German total": another partner's (read as a multiple of it).
            r"double(?=\s+the\s+(?-i:[A-Z])[a-z]+\s+(?:total|figure|level|value|purchases)\b)|"
            r"учетверил\w*|вдвое|втрое|вчетверо|впятеро|вшестеро|всемеро|ввосьмеро|вдевятеро|"
            r"вдесятеро)"
            r"|\b(?:by|на) (?P<orders>two|three|four|\d|два|три|четыре) (?:orders? of magnitude|"
            r"порядк\w*)"
            r"|\b(?P<times>" + _NUMBER_WORDS + r"|one|\d+(?:[.,]\d+)?)"
            # "a five-and-a-half-fold jump"
            r"(?P<half>[\s-]+and[\s-]+(?:a[\s-]+half|a[\s-]+quarter|three[\s-]+quarters))?"
            # "up 2.2x": a multiple in figures with an x.
            r"(?:[- ]?(?:fold|times)\b|(?<=\d)x\b)"
            # "a multiple of roughly 2.4", "a factor of 3".
            r"|\ba (?:multiple|factor) (?:of\s+|(?=(?:closer|nearer) to\b))"
            r"(?P<q_of>about|roughly|around|some|almost|nearly|more than|over|just over|"
            r"just under|close to|closer to|nearer to)?\s*(?P<times_of>\d+(?:\.\d+)?)"
            r"(?![.,]?\d|\s*(?:%|per\b|bn\b|billion|million|mn\b|m\b))"
            # "the multiple is about 5.6": the multiple of the claim before, said again.
            r"|\bthe (?:multiple|factor) (?:is|was|comes to|came to|works out at|stands at)\s+"
            r"(?P<q_is>about|roughly|around|some|almost|nearly|more than|over|just over|"
            r"just under|close to|only)?\s*(?P<times_is>\d+(?:\.\d+)?)"
            r"(?![.,]?\d|\s*(?:%|per\b|bn\b|billion|million|mn\b|m\b))"
            # "multiplies the old total by more than seven".
            r"|\bmultipl(?:y|ies|ied)\s+(?:[\w'’]+\s+){0,4}?by\s+(?P<q_by>about|roughly|around|"
            r"some|almost|nearly|more than|over|just over|just under|close to)?\s*"
            r"(?P<times_by>" + _NUMBER_WORDS + r"|\d+(?:\.\d+)?)\b"
            r"(?![.,]?\d|\s*(?:%|per\b|bn\b|billion|million|mn\b|m\b|percent))"
            r"|\bв (?P<times_ru>\d+(?:,\d+)?|" + _NUMBER_WORDS + r")"
            r"(?P<half_ru>\s+с\s+(?:половиной|четвертью))?"
            # «в четыре с лишним раза»: above four, below five.
            r"(?P<over_ru>\s+с\s+(?:лишним|небольшим|гаком))?"
            r" раз\w*)",
            _I,
        ),
        lambda m, s, b: _multiple_ru(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        # "buys one dollar in four", "one dollar out of every five": a share of the flow.
        "fraction",
        re.compile(
            # "Two dollars in every five", "one in every four dollars", «каждый пятый доллар».
            _Q + r"(?:\b(?P<top>one|a|1|two|three|four|2|3|4) (?:dollar|euro|rouble|ruble)s? "
            r"(?:in|out of|of) (?:every )?"
            r"(?P<den>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b(?!\s*(?:%|per))|"
            # "three of every ten dollars Chile spent".
            r"\b(?P<top2>one|1|two|three|four|five|six|seven|eight|nine|[2-9]) (?:in|out of|of) "
            r"(?:every )?(?P<den2>two|three|four|five|six|seven|eight|"
            r"nine|ten|\d{1,2}) (?:dollar|euro|rouble|ruble)s?\b|(?<!\w)кажд\w+\s+"
            r"(?P<den3>второй|третий|четв[её]ртый|пятый|шестой|седьмой|восьмой|девятый|десятый)"
            r"\s+(?:доллар|рубль|евро)\w*)",
            _I,
        ),
        lambda m, s, b: _one_in(m),
    ),
    Pattern(
        "fraction",
        re.compile(
            "(?:" + QUALIFIER.replace("?P<q>", "?P<q0>") + r")?"
            r"(?P<by>\b(?:by|на) )?" + _Q + r"(?P<frac>\b(?:a third|one third|a quarter|"
            # "added another third in 2020": a further third.
            r"another (?:third|quarter|fifth|tenth)|"
            r"one quarter|two[- ]thirds|three[- ]quarters|two[- ]fifths|three[- ]fifths|две пятых|"
            r"три пятых|двух третей|три четверти|тр[её]х четвертей|двух пятых|тр[её]х пятых|"
            r"a fifth|one fifth|one half|half|треть|"
            # (not «четырех с половиной»: the half of a figure in words)
            r"трети|четверть|четверти|(?<!\sс\s)половин\w*|наполовину|две трети|пятую часть|"
            r"пятую|a tenth|"
            r"пятая часть|десятая часть|"
            r"one tenth|десятую часть|десятую|an eighth|one[- ]eighth|a sixth|one[- ]sixth|"
            r"three[- ]tenths|seven[- ]tenths|four[- ]fifths|"
            r"(?:a|one)[- ](?:seventh|ninth)|(?:шест|седьм|восьм|девят)(?:ую|ая|ой) част[ьи]|"
            r"(?:пят|десят)ой части))\b"
            # Not "four and a half billion dollars", «четыре с половиной миллиарда» (an amount in
            # words).
            # «четверть миллиарда» is one (read by _HALF_MONEY).
            r"(?!(?<!четверть)(?<!треть)(?<!половина)(?<!половину)"
            r"[\s-]+(?:billion|million|миллиард\w*|миллион\w*)(?!\w))"
            r"(?P<of> (?:of|от|из)\b)?",
            _I,
        ),
        _fraction,
    ),
    Pattern(
        "percent", re.compile(_Q + _N + r"\s?(?:%|per ?cent\b|percent\b|процент\w*)", _I), _percent
    ),
    Pattern(
        # "an increase of thirty per cent", "forty-five percent": a percentage in words.
        "percent",
        re.compile(_Q + r"\b(?P<words>" + _PERCENT_WORDS + r")\s+(?:per ?cent|percent)\b", _I),
        lambda m, s, b: _percent(_in_words(m), s, b),  # type: ignore[arg-type]
    ),
    Pattern(
        # «плюс тридцать процентов», «на шестьдесят три процента»: a percentage in words.
        "percent",
        re.compile(_Q + r"(?P<words>" + RU_NUMBER_WORDS + r")\s+процент\w*", _I),
        lambda m, s, b: _percent(_in_words_ru(m), s, b),  # type: ignore[arg-type]
    ),
    Pattern(
        "money",
        # A bound said as a mark: "passed the 100-million mark", "got past the ten-million-dollar
        # bar", "crossed the $1 billion threshold" (the figure in digits or words).
        re.compile(
            r"(?P<q>)(?<![\w.,])(?:US\$|\$)?\s?(?P<mark>\d+(?:[.,]\d+)?|"
            r"(?:(?:one|a|two|three|four|five)[\s-])?hundred|"
            + numwords.COUNTS_RE
            + r"|ten|one|a)[\s-](?P<scale>million|billion)(?:[\s-]dollars?)?"
            r"(?=\s+(?:mark|bar|barrier|threshold|line|milestone|level)\b)",
            _I,
        ),
        lambda m, s, b: _mark(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        # «миллиард семьсот семьдесят два миллиона», «два миллиарда сто миллионов долларов»:
        # billions and millions in words, one figure (in millions).
        "money",
        re.compile(
            _Q + r"(?P<bn>(?<!\w)" + _RU_INT + r"\s+)?(?<!\w)миллиард\w*,?\s+"
            r"(?P<words>" + _RU_INT + r")\s+(?P<scale>миллион\w*)(?!\w)"
            r"(?:\s+(?:долл\w*\.?|dollars?)(?:\s+США)?)?",
            _I,
        ),
        lambda m, s, b: _money(_billions_and_millions(m), s, b),  # type: ignore[arg-type]
    ),
    Pattern(
        # «на 2 млрд 404 млн долларов», «2 миллиарда 404 миллиона»: billions and millions in
        # digits, one figure (in millions).
        "money",
        re.compile(
            _Q + r"(?<![\d.,])(?P<bn>\d{1,3})\s?(?:млрд\.?|миллиард\w*)\s+(?P<mn>\d{1,3})\s?"
            r"(?P<scale>млн\.?|миллион\w*)(?!\w)(?:\s+(?:долл\w*\.?|dollars?)(?:\s+США)?)?",
            _I,
        ),
        lambda m, s, b: _money(_digits_billions(m), s, b),  # type: ignore[arg-type]
    ),
    Pattern(
        # «на два и четыре десятых миллиарда долларов», «двести двадцать семь миллионов»: money
        # in words (a spoken text), not of another unit.
        "money",
        re.compile(
            _Q + r"(?P<words>" + RU_NUMBER_WORDS + r")\s+"
            # «четырех с половиной млрд долл.»: the scale abbreviated too.
            r"(?P<scale>миллиард\w*(?!\w)|миллион\w*(?!\w)|млрд\.?(?!\w)|млн\.?(?!\w)|"
            # «в две тысячи двадцатом году»: a year, no money; «ввоз — две тысячи тридцать
            # пять»: a number, its unit unsaid (thousands are money only with the currency).
            r"тысяч(?:а|и|у|ей|ами|ах)?(?!\w)(?=\s+(?:долл|dollar)))"
            r"(?:\s+(?:долл\w*\.?|dollars?)(?:\s+США)?)?"
            r"(?!\s+(?:тонн|штук|человек|рубл|евро|юан|иен|фунт|жител|единиц|литр|баррел|кубометр|"
            r"квадрат|километр|км|кв\.|т\b))",
            _I,
        ),
        lambda m, s, b: _money(_in_words_ru(m), s, b),  # type: ignore[arg-type]
    ),
    Pattern(
        "money",
        re.compile(
            _Q + r"(?:(?:US\$|USD|\$)\s?" + _N + r"(?:\s?(?P<scale>" + _SCALE_WORDS + r"|m|k)\b)?"
            r"|" + _N.replace("num", "num2") + r"\s?(?P<scale2>" + _SCALE_WORDS + r")\b\.?\s?"
            r"(?:" + _DOLLARS + r")"
            r"|" + _N.replace("num", "num3") + r"\s?(?:доллар\w*|долл\.|dollars?\b)"
            # "four and a half billion dollars": a number in words.
            r"|\b(?P<num5>"
            + _NUMBER_WORDS
            + r"|one)(?P<half5>[\s-]+and[\s-]+a[\s-]+(?:half|quarter))?"
            r"\s+(?P<scale5>billion|million)\s+(?:" + _DOLLARS + r")"
            # «впервые превысил миллиард долларов»: one of the scale.
            r"|(?<![\d,.]\s)(?<![\w,.])(?P<scale6>миллиард|миллион)\s+(?:" + _DOLLARS + r")"
            # "first crossed a billion dollars", «впервые перевалил за миллиард»: one of the scale.
            r"|(?<!half )(?<!quarter )\ba\s+(?P<scale7>billion|million)\s+(?:" + _DOLLARS + r")"
            r"|(?:(?<=за )|(?<=превысил )|(?<=превысила )|(?<=превысило )|(?<=превысили )|"
            r"(?<=преодолел )|(?<=преодолела )|(?<=перешагнул )|(?<=перешагнула ))"
            r"(?P<scale8>миллиард)(?!\w)(?!\s+(?:руб|евро|юан|иен|фунт))"
            r"|"
            + _N.replace("num", "num4")
            + r"\s?(?P<scale4>млрд|млн|миллиард\w*|миллион\w*|billion|million|bln|bn|mln|mn)\b"
            r"\.?(?=\s*(?:(?:больше|меньше|more|less|higher|lower|above|below|до|против|в|во|за|по|с|со|от|к|ко|"
            r"и|а|to|against|versus|vs|in|and|from|a year|годом|ранее|earlier|"
            # «дефицит в 430 млн стал наибольшим»: a verb of the figure's subject.
            r"стал[аио]?|был[аио]?|оказал\w*|остал\w*|became|was|were|"
            # «больше чем на 200 миллионов каждая»: the figure of every one counted.
            r"кажд\w+|each|apiece|"
            # "Chile bought 2,035 million worth from Argentina".
            r"worth)(?!\w)|"
            # "up 30% on the 1,849.1 million of 2019": the level of a year.
            r"of\s+(?:(?:19|20)\d\d|the\s+(?:year|previous))\b|"
            r"[,.;:()—–»”\"]|$)))",
            _I,
        ),
        lambda m, s, b: _money_any(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "count",
        re.compile(
            _Q + r"(?<![\w.,])" + _N + r"\s(?:(?:different|distinct|individual|separate|"
            r"six-digit|HS6|HS-6|разн\w+|различн\w+|отдельн\w+)\s)*(?:product lines|products|"
            r"product codes|HS6 codes|codes|tariff lines|headings|товарн\w+ позици\w+|позици\w+|"
            r"наименовани\w+ продукции|товар\w*)\b",
            _I,
        ),
        _count,
    ),
    Pattern(
        "count",
        re.compile(
            _Q + r"(?<![\w.,])" + _N + r"\s(?:(?:destination|partner|trading|foreign|buyer|"
            r"export|import|supplier|"
            r"different|distinct|разн\w+|различн\w+)\s)*(?:countries|markets|destinations|partners|"
            r"buyers|customers|origins|suppliers|стран\w*|рын\w+|государств\w*|покупател\w*|"
            r"поставщик\w*)\b",
            _I,
        ),
        lambda m, s, b: _count_partners(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "count",
        re.compile(
            r"(?<![\w-])(?P<pre>all(?: of the| the)?|to|across|from|in|reach\w*|все|во?|из|от|"
            # "There are six suppliers and fourteen markets".
            r"there\s+(?:are|were)|(?:(?<=suppliers )|(?<=markets )|(?<=buyers ))and)\s+"
            r"(?:only\s+|just\s+|лишь\s+|только\s+)?(?P<word>" + _COUNT_WORDS_RE + r")\s"
            r"(?:(?:destination|partner|trading|export|import|supplier|supplying|"
            r"foreign|buyer|different|distinct|разн\w+|различн\w+)\s)*(?:countries|markets|"
            r"destinations|partners|buyers|customers|suppliers|стран\w*|рын\w+|государств\w*|"
            r"покупател\w*|поставщик\w*)\b",
            _I,
        ),
        lambda m, s, b: _count_in_words(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "count",
        # A sentence that opens with how many partners bought: "Twenty-two countries bought
        # Moscow technology last year" (not "Five markets bought over $100m each": some of them);
        # also a clause after a colon or an opening phrase: "The cast is large: twenty-two
        # nations order from the city", "On the export side, fourteen markets buy from Portugal".
        re.compile(
            r"(?:^|(?<=[:;,] ))(?P<word>" + _PERCENT_WORDS + r")\s+(?:countries|nations|markets|"
            r"partners|buyers|customers|destinations)\s+(?:bought|buy|purchased|imported|took|"
            r"received|order(?:ed)?\s+from|"
            # "Fourteen countries appear in the export statistics".
            r"appear(?:ed)?\s+in|(?:are|were)\s+(?:listed|named)\s+in)\b",
            _I,
        ),
        lambda m, s, b: _count_opening(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "count",
        # The count after its noun: "Total destinations: 22", «Поставщиков всего шесть», «всего
        # покупателей 14» (not a share or an amount: "buyers 22%").
        re.compile(
            r"(?<![\w-])(?:total\s+|всего\s+)?(?:destinations|buyers|export markets|suppliers|"
            r"import origins|покупател(?:ей|и)|поставщик(?:ов|и)|стран-(?:покупател|получател|"
            r"поставщик)\w*)"
            # «Поставщиков у Португалии шесть»: whose they are between the noun and its count.
            r"(?:\s+у\s+(?-i:[А-ЯЁ])[а-яё-]+)?"
            r"(?:\s+(?:numbered|totall?ed|всего|было|насчитывалось)"
            # «Покупателей в 2020 году стало 22», «Стран-покупателей оказалось двадцать две»: a
            # verb of counting after the noun, a few words (not a figure) between.
            r"|(?:\s+(?!\d+\s*(?:млн|млрд|тыс|%|million|billion))[^\s,.;:]+){0,5}?\s+"
            r"(?:стало|оказалось|набралось|насчитывалось|насчитывается|numbered|totall?ed))?"
            r"\s*[:—–]?\s*"
            r"(?P<num>\d{1,3}|" + _COUNT_WORDS_RE + r")(?!\w|[.,]\d|\s*(?:%|per\s*cent|процент|"
            r"млн|млрд|тыс|million|billion|bn|mn|m\b|\$|долл))",
            _I,
        ),
        lambda m, s, b: _count_after_noun(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "count",
        # A count of partners in words anywhere, as its digits are read ("22 countries"): "Moscow
        # exported to twenty-two countries", «продавала товары двадцати двум странам», «в
        # двадцать две страны» (not the first of a list: "the two largest markets").
        re.compile(
            r"(?<![\w-])(?<!\bthe )(?<!\btop )(?P<word>" + numwords.COUNTS_RE + r")\s+"
            r"(?:(?:destination|partner|trading|export|import|supplier|supplying|foreign|buyer|"
            r"different|distinct|[а-яё]+(?:ых|их|ым|им|ыми|ими|ые|ие))\s+)?"
            r"(?:countries|nations|markets|destinations|partners|buyers|customers|suppliers|"
            r"стран(?:а|ы|е|у|ой|ам|ами|ах)?(?![а-яё])|рын(?:ка|ку|ков|кам|ках|ками|ки|ок)"
            r"(?![а-яё])|государств\w*|покупател\w*|поставщик\w*|партн[её]р\w*)",
            _I,
        ),
        lambda m, s, b: _count_words_any(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "count_of",
        # "the number of buyer countries rose from 21 to 22", «число стран-покупателей выросло
        # до 22»: a count the noun "number" names before it (only then read; else a bare number).
        re.compile(
            r"(?<![\w.,])(?P<num>\d{1,3}|" + _COUNT_WORDS_RE + r")(?!\w|[.,]\d|\s*(?:%|per\s*cent|"
            r"процент|млн|млрд|тыс|million|billion|bn|mn|m\b|\$|долл|раз|times|-fold))",
            _I,
        ),
        lambda m, s, b: _count_of(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "quarters",
        # Growth in every quarter of a year: "Every quarter of 2020 beat its 2019 counterpart".
        re.compile("|".join(frames.grammar()["every_quarter"]), _I),
        lambda m, s, b: ("growth", Quantity(0.0, "pct", 0.0, math.inf, lo_open=True), "quarters"),
    ),
    Pattern(
        "direction",
        # A rise or fall told without a figure: "exports had fallen", «ввоз сократился».
        re.compile(
            r"(?<!\w)(?P<way>" + _OBJECT_WAYS + "|" + _RISE_WORDS + "|" + _FALL_WORDS + r")(?!\w)",
            _I,
        ),
        lambda m, s, b: _direction(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "order",
        # Order between two subjects told without a figure: "Japan supplies more than Korea
        # does", «это больше, чем у Италии», "Italy overtook France", «впервые обошла Китай».
        re.compile(
            r"(?<!\w)(?:(?P<first>"
            + _ORDER_FIRST
            + r")\s+)?(?P<order>"
            + _ORDER_ALL
            + r")"
            + _NOT_A_YEAR,
            _I,
        ),
        lambda m, s, b: _order(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "side",
        # The side of a balance told without a figure: "a surplus with Korea", «с Японией у
        # страны профицит», «профицит в торговле с Японией».
        re.compile(
            r"(?P<side>\b(?:a|its|the|our|their)\s+"
            # "a smaller surplus with Germany": an adjective of its size, not of another time.
            r"(?:(?!former\b|previous\b|past\b|earlier\b|old\b|once\b|no\b)[a-z]+(?:er|est|ll|ge|g)\s+)?"
            r"(?:trade\s+|bilateral\s+)?(?:surplus|deficit|"
            r"shortfall)\s+(?:with|in\s+(?:its\s+)?trade\s+with|vis-[àa]-vis)"
            r"(?=\s+(?:the\s+)?(?-i:[A-Z]))"
            r"|(?<!\w)(?:профицит|дефицит)\w*\s+(?:в\s+торговле\s+)?(?:с|со)(?=\s+(?-i:[А-ЯЁ]))"
            # «о профиците Чили в торговле бумагой»: the goods after, the reporter before them.
            r"|(?<!\w)(?:профицит|дефицит)\w*\s+(?:(?-i:[А-ЯЁ])[\w-]+\s+)?в\s+торговле"
            r"(?=\s+(?!с\b|со\b)(?-i:[а-яё]))"
            r"|(?<!\w)(?:профицит|дефицит)(?!\w)"
            # «с Южной Кореей сложилось положительное сальдо».
            r"|(?<!\w)(?:положительн|отрицательн)(?:ое|ым)\s+сальдо(?!\w))"
            r"|(?P<turned>" + "|".join(frames.grammar()["side_turned"]) + ")",
            _I,
        ),
        lambda m, s, b: _side(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "than_before",
        # A rise or fall against an earlier time told without a figure: "more plastics than in
        # 2002", "down on last year", "edged down", «больше, чем в 2002-м», «больше
        # прошлогоднего», «меньше, чем годом ранее».
        re.compile(
            r"(?<!\w)(?:(?P<way>more|less|fewer|higher|lower|больше|меньше|выше|ниже)"
            r"(?P<what>(?:\s+(?!than\b)[a-z]+){0,3}?)(?:,?\s+(?:than|чем)\s+(?:(?:it|they|we)\s+"
            r"(?:did|was|were|had)\s+)?(?:in\s+|a\s+|the\s+|в\s+|за\s+)?|\s+)"
            r"(?P<when>" + _EARLIER + r")"
            r"|(?P<way2>up|down)\s+on\s+(?:the\s+)?(?P<when2>" + _EARLIER + r")"
            r"|(?:edged|edging|edges|inched|inching|ticked|ticking|nudged|crept|creeping)\s+"
            r"(?P<way3>up|down|higher|lower|upwards?|downwards?)\b)",
            _I,
        ),
        lambda m, s, b: _than_before(m, s, b),  # noqa: PLW0108 - defined below
    ),
    Pattern(
        "side_of",
        # The side of a balance of goods, or said as a state, told without a figure: "ran a
        # surplus in pharmaceuticals", "Rubber gave Chile a surplus", "was in the red with
        # China", «по пластмассам у Чили профицит», «с Китаем была в плюсе».
        re.compile(
            r"(?P<side>\b(?:a|an|its|their)\s+(?:trade\s+)?(?:surplus|deficit)\b(?!\s+with\b)"
            r"|\bin\s+the\s+(?:red|black)\b"
            r"|(?<!\w)(?:профицит|дефицит)(?!\w)"
            r"|(?<!\w)в\s+(?:плюсе|минусе)(?!\w))",
            _I,
        ),
        lambda m, s, b: _side_of(m, s, b),  # noqa: PLW0108 - defined below
    ),
)


def _side(m: re.Match[str], s: Sentence, before: str) -> tuple[str, Quantity | None, str | None]:
    """A deficit or surplus with a partner told without its size: a balance of any size.

    Not where a figure follows in the clause ("a surplus with Korea of $12 million": the
    figure's own claim) or a negation is before it ("no surplus with Korea").
    """
    rest = re.split(r"[,;.!?]", s.text[m.end() :], maxsplit=1)[0]
    before = _TURN_ASIDE.sub(" ", before)
    clause = re.split(r"[,;:]", before)[-1]
    if m["turned"]:
        # «В 2021 году сальдо стало положительным»: this side in its year, the other before.
        if re.search(r"\d", rest) or _NEGATED.search(before):
            return "", None, None
        return "amount", Quantity(0.0, "usd", 0.0, math.inf, lo_open=True), "side_turned"
    if re.search(r"\d", rest) or re.search(
        r"\b(?:no|not|never|without)\s+(?:\w+\s+)?$|"
        r"(?<!\w)(?:не|нет|без)\s+(?:\w+\s+)?$",
        before,
        _I,
    ):
        return "", None, None
    if _SIDE_MOVED.search(clause + " " + rest):
        # "turned a deficit with Korea into a surplus", "used to run a surplus": a side of
        # another time than the clause's.
        return "", None, None
    if re.fullmatch(
        r"(?:профицит|дефицит|\w+\s+сальдо)", m.group(), _I
    ) and not _WITH_BEFORE.search(before):
        # «С Японией у страны профицит»: the partner named before it, or no claim.
        return "", None, None
    return "amount", Quantity(0.0, "usd", 0.0, math.inf, lo_open=True), "side"


#: Words before a comparative that size it or deny it: "69% more", «на 69% больше», "twice",
#: «вдвое», "no more", «не больше» (the figure's own claim, or none).
_THAN_TAKEN = re.compile(
    r"(?:\d[\d.,]*\s*(?:%|\w+)?|times|twice|thrice|fold|half|third|quarter|раза?|вдвое|втрое|"
    r"вчетверо|впятеро|вшестеро|всемеро|вдесятеро|половин\w*|трет\w*|much|far|slightly|little|"
    r"no|not|never|any|не|нет|ничуть|ничем|чуть|немного|намного|гораздо|значительно|куда)\s*$",
    re.IGNORECASE)  # fmt: skip
#: Verbs of trade the trade words may miss: «продала», «купили», "sold", "bought".
_TRADE_VERB = re.compile(r"(?<!\w)(?:прода|купи|закупи|вывез|ввез|отгрузи|постави)\w*", _I)


def _than_before(
    m: re.Match[str], s: Sentence, before: str
) -> tuple[str, Quantity | None, str | None]:
    """A rise or fall against an earlier time told without a figure: growth above or below zero.

    Not where a figure, a multiple or a word of size is before the comparative ("69% more
    than in 2002", «вдвое больше прежнего»: their own claims) or a figure is in the clause
    after it, nor where the clause speaks of no trade, prices or a share.
    """
    clause = _CLAUSE_CUT.split(before)[-1]
    rest = _CLAUSE_CUT.split(s.text[m.end() :])[0]
    # A year before the comparative sizes nothing: «в 2020 году больше прошлогоднего».
    unyeared = re.sub(r"\b(?:19|20)\d\d\b(?:-(?:м|го|му))?(?:\s*(?:году|года|г\.))?", "year",
                      before[-40:])  # fmt: skip
    if _THAN_TAKEN.search(unyeared) or _NEGATED.search(before):
        return "", None, None
    if re.search(r"\d", re.sub(r"(?:\bin|(?<!\w)в)\s+(?:19|20)\d\d\b(?:\s*(?:году|г\.))?", " ",
                                rest, flags=re.IGNORECASE)):  # fmt: skip
        return "", None, None
    if _NOT_A_DIRECTION.search(clause + " " + rest):
        return "", None, None
    if not (_TRADE.search(s.text) or _TRADE_VERB.search(s.text) or frames.flows(s.text)
            or lexicon.countries_in(s.text)):  # fmt: skip
        return "", None, None
    way = (m["way"] or m["way2"] or m["way3"]).lower()
    if way in ("less", "fewer", "lower", "down", "downward", "downwards", "меньше", "ниже"):
        return "growth", Quantity(0.0, "pct", -math.inf, 0.0, hi_open=True), None
    return "growth", Quantity(0.0, "pct", 0.0, math.inf, lo_open=True), None


#: Words of a clause that make a side no claim of the data: a negation, a wish or a condition.
_SIDE_UNSAID = re.compile(
    r"\b(?:no|not|never|n't|without|would|could|should|might|may|if|hope\w*|want\w*|aim\w*|"
    r"goal|target|plan\w*|expect\w*|every|each|always)\b|(?<!\w)(?:не|нет|без|ни|бы|если|"
    r"хоч\w*|хотел\w*|план\w*|цел[ьи]|ожида\w*|кажд\w*|всегда)(?!\w)",
    re.IGNORECASE)  # fmt: skip
#: Whose goods a side is of: «по пластмассам» before it; "in plastics", "on rubber" after it.
_GOODS_OF_SIDE_RU = re.compile(r"(?<!\w)[Пп]о\s+[а-яё]")
_GOODS_OF_SIDE_EN = re.compile(
    r"\s+(?:in|on|for)\s+(?!(?:19|20)\d\d\b|the\s+red|the\s+black)"
    r"(?:the\s+)?[a-z]"
)
#: A partner before or after a side said as a state: "with China", «с Китаем».
_PARTNER_OF_SIDE = re.compile(r"\b[Ww]ith\s+(?:the\s+)?[A-Z]|(?<!\w)[Сс]о?\s+[А-ЯЁ]")
#: A verb that gives or runs a side, whose subject may be the goods ("Rubber gave Chile a
#: surplus", "the pharmaceuticals room as running a surplus").
_RUNS_SIDE = re.compile(
    r"\b(?:ran|runs?|running|gave|gives?|giving|brought|brings?|posts?|posted|shows?|showed|"
    r"shown|yield\w*|produc\w*|generat\w*|earn\w*|left|leaves?)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE)  # fmt: skip


def _side_of(m: re.Match[str], s: Sentence, before: str) -> tuple[str, Quantity | None, str | None]:
    """The side of a balance of goods or with a partner, told without a figure (``side``).

    Read only where the clause names whose balance it is: goods after «по» or "in"/"on", goods
    that run it ("Rubber gave Chile a surplus"), or a partner after "with"/«с»; never where a
    figure is in the clause (its own claim), or a negation, wish or condition is.
    """
    # («по каучуку и резине у Чили профицит»: an "and" of goods does not end the clause.)
    before = _TURN_ASIDE.sub(" ", before)
    clause = re.split(r"[,;:.!?—–]|\s(?:but|while|whereas|а|но)\s", before)[-1]
    rest = re.split(r"[,;.!?:]", s.text[m.end() :], maxsplit=1)[0]
    dated = re.sub(r"(?:\bin|(?<!\w)в)\s+(?:19|20)\d\d\b(?:\s*(?:году|г\.))?", " ", rest,
                   flags=re.IGNORECASE)  # fmt: skip
    if re.search(r"\d", dated) or re.search(r"^\s*(?:на|of|by|at)\b", rest, _I):
        return "", None, None
    if _SIDE_UNSAID.search(clause + " " + rest) or _SIDE_MOVED.search(clause + " " + rest):
        return "", None, None
    if _PARTNER_OF_SIDE.search(clause) or _PARTNER_OF_SIDE.match(rest.lstrip()):
        return "amount", Quantity(0.0, "usd", 0.0, math.inf, lo_open=True), "side"
    russian = re.search(r"[а-яё]", m.group(), _I) is not None
    if russian and _GOODS_OF_SIDE_RU.search(clause):
        return "amount", Quantity(0.0, "usd", 0.0, math.inf, lo_open=True), "side"
    if not russian and (_GOODS_OF_SIDE_EN.match(rest) or _RUNS_SIDE.search(clause)):
        return "amount", Quantity(0.0, "usd", 0.0, math.inf, lo_open=True), "side"
    return "", None, None


#: A negation right before words of a claim: "did not turn", «не стало».
_NEGATED = re.compile(r"(?:\b(?:no|not|never|n't)|(?<!\w)(?:не|нет|ни))\s+(?:\w+\s+)?$", _I)
#: Words that put a side of the balance in another time, or make it the one it left.
_SIDE_MOVED = re.compile(
    r"\b(?:turn\w*|swung|swing\w*|switch\w*|convert\w*|flipp\w*|into|used\s+to|once|formerly|"
    r"previously|had\s+been|до\s+этого)\b|(?<!\w)(?:раньше|прежде|когда-то|сменил\w*|"
    r"перешл?\w*|превратил\w*)(?!\w)", re.IGNORECASE)  # fmt: skip
#: A word set off by commas that turns or comments, not a clause of its own: «С Японией,
#: наоборот, у нас профицит», "with Japan, by contrast, a surplus".
_TURN_ASIDE = re.compile(r"\s*,\s*(?:наоборот|напротив|кстати|впрочем|however|by contrast|"
                         r"conversely|in turn)\s*,\s*(?=\S|$)", re.IGNORECASE)  # fmt: skip
#: «С Японией у страны —»: a partner before a side word that names none after it.
_WITH_BEFORE = re.compile(
    r"(?<!\w)(?:[Сс]|[Сс]о)\s+[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+)?\s+(?:у\s+[^\W\d]+\s+)?"
    # «с Южной Кореей сложилось положительное сальдо»: a verb of being between.
    r"(?:(?:сложил\w*|складыва\w*|был\w*|остал\w*|остаёт\w*|остает\w*|образовал\w*)\s+)?"
    r"(?:[—–]\s*)?$"
)


#: After a count in words, a threshold or "each" makes it a count of some partners ("five
#: markets each took more than $250 million"), read with its figure (frames), not a count of all.
_SOME_OF_THEM = re.compile(
    r"\b(?:each|apiece|every|over|above|more than|less than|under|below|topped|exceeded|"
    r"beyond|exceeding|passed|crossed|surpass\w*|"
    # "Four markets past three hundred" (a bound in words), not "in the past year".
    r"past(?!\s+(?:[\w-]+\s+){0,2}?(?:years?|decades?|months?|weeks?|seasons?)\b)|"
    r"кажд\w*|более|свыше|больше|менее|меньше|превы\w*|выше|ниже|дороже|дешевле)\b|[$%]|\d",
    re.IGNORECASE,
)


#: The words between a rank and an ordinal that goes on with its list: ", France ", "; ",
#: ", а ", ", третье — ".
_LIST_GAP = re.compile(
    r"(?:[^.;:!?]|\.(?=\d))*?[,;]\s*(?:and\s+|и\s+|а\s+)?(?:[A-ZА-ЯЁ][\w'’-]*\s+){0,3}"
    # «на втором месте Япония, на третьем Германия», «США — на третьем».
    r"(?:[—–]\s*)?(?:на\s+)?$"  # «Италия — седьмой покупатель, Бельгия — восьмой»
)
#: A partner's name right before an ordinal that ends its clause: «Япония вторая, Германия
#: третья», «Бельгия — восьмой.» (not «Экспорт второй год подряд»).
_NAMED_PLACE = re.compile(r"(?:^|[,;.:]\s*|\s(?:и|а)\s+)[A-ZА-ЯЁ][\w-]+\s*(?:[—–]\s*)?$")
_PLACE_ENDS = re.compile(r"\s*(?:[,.;]|$|\s(?:и|а)\s)")


def _listed_rank(
    m: re.Match[str], s: Sentence, before: str
) -> tuple[str, Quantity | None, str | None]:
    """An ordinal that goes on with a list of ranks, or opens a sentence before a dash."""
    place = _place(m.group().lower())
    q = Quantity(place, "rank", place, place)
    dash = re.match(r"\s*[—–]", s.text[m.end() :]) is not None
    if not before.strip(' «"(') and dash:
        after = _LEVEL_AFTER.match(s.text, m.end())
        if after:
            return "rank", q, _goods_level(after["level"])
        return "rank", q, "goods" if _GOODS_RANK.match(s.text, m.end()) else "value"
    ranks = list(PATTERNS[0].regex.finditer(before))
    if ranks and _LIST_GAP.fullmatch(before[ranks[-1].end() :]):
        last = ranks[-1]
        _, _, metric = _rank(last, s, before[: last.start()])
        return "rank", q, metric
    # (A Russian «первый» that ends its clause is no adverb: «Китай по-прежнему первый».)
    ru_end = bool(re.search(r"[а-яё]", m.group(), re.IGNORECASE)) and bool(
        _PLACE_ENDS.match(s.text, m.end()))  # fmt: skip
    adverb = place == 1 and not re.search(r"[,:—–]\s*(?:the\s+)?$", before) and not ru_end
    # "China supplies 40% and Germany a fifth": a fraction ("Japan a close second" is not).
    fraction = place > 2 and re.search(r"\ba\s+$", before, re.IGNORECASE) is not None
    if (_after_partner(before) and not _NOT_A_PLACE.match(s.text, m.end()) and not adverb
            and not fraction):  # fmt: skip
        # ("Sales to Japan first exceeded $500m": "first" right after a name is an adverb.)
        # "Japan a close second, Germany third", «Япония вторая», «Бельгия — восьмой».
        return "rank", q, "value"
    if (re.search(r"[а-яё]", m.group(), re.IGNORECASE) and _NAMED_PLACE.search(before)
            and _PLACE_ENDS.match(s.text, m.end())):  # fmt: skip
        return "rank", q, "value"
    return "", None, None


#: Words between a partner's name and the ordinal that ranks it ("Japan a close second",
#: "France, the third", «Бельгия — восьмой»).
_PARTNER_GAP = re.compile(
    r"(?:\s*[,:—–]\s*|\s+)(?:(?:is|was|came|comes|ranks?|ranked|stood|now|then|in|at|"
    r"the|a|close|distant|clear|place|стала?|стал[аи]?|был[аи]?|идёт|идет|—|"
    # «Китай остался вторым», «Германия оказалась третьей», «США по-прежнему четвёртые».
    r"остал(?:ся|ась|ось|ись)|оста[её]тся|оста[её]тся|оказал(?:ся|ась|ись)|по-прежнему|"
    r"лишь|только|всего|снова|вновь)\s+){0,3}$",
    re.IGNORECASE)  # fmt: skip
#: What makes an ordinal after a name no rank ("Germany, second time", "Japan second quarter").
_NOT_A_PLACE = re.compile(
    r"[\s-]+(?:time|year|quarter|half|month|week|round|wave|part|share|раз|год|квартал|полугоди|"
    r"месяц|част|дол[июе])",
    re.IGNORECASE)  # fmt: skip


def _after_partner(before: str) -> bool:
    """Whether ``before`` ends with a country's name and the words of a rank's gap.

    >>> _after_partner("China bought the most; Japan a close "), _after_partner("Япония ")
    (True, True)
    >>> _after_partner("In the "), _after_partner("The city's ")
    (False, False)
    """
    gap = _PARTNER_GAP.search(before)
    if gap is None:
        return False
    head = before[: gap.start()]
    pattern, _ = lexicon._names_re()
    if pattern is None:
        return False
    found = [m for m in pattern.finditer(head[-60:]) if m.end() == len(head[-60:])]
    return bool(found)


#: What makes a verb of change no claim of direction alone: a figure or a word of size after it
#: in its clause ("fell 61%", "сократился на 18%", "rose by half", "tripled").
_SIZED = re.compile(
    r"\d|\b(?:by|на|в|to|до|from|с|со)\b|half|third|quarter|fifth|doubl|tripl|quadrupl|fold|"
    r"times|вдвое|втрое|вчетверо|впятеро|вшестеро|всемеро|вдесятеро|раз\b|половин|трет|четверт|пят|"
    # A comparison of two flows is not a direction alone: "imports grew more slowly".
    r"faster|slower|slowly|quickly|than|быстрее|медленнее|чем", re.IGNORECASE)  # fmt: skip
#: Words after which a change is no claim: a negation, a share or a balance (their own
#: readings), a condition, services.
_NOT_A_DIRECTION = re.compile(
    r"\b(?:not|never|n't|не|ни|если|if|share|доля|доли|долю|удельн\w*|deficit|surplus|balance|gap|"
    r"дефицит|профицит|сальдо|разрыв|prices?|цен\w*|number|count|число|количество|"
    # Services are no goods: the data cannot tell their direction.
    r"services?|услуг\w*)\b",
    re.IGNORECASE)  # fmt: skip
#: A change said by a noun ("the drop in", «рост», «снижение»), not a verb.
_NOUN_WAY = re.compile(r"(?:the|a)\s|рост|увеличени|спад|падени|снижени|сокращени", _I)
#: A code in brackets after goods: "car imports (HS 8703)", «(гр. 84)», «(гл. 90)».
_HS_ASIDE = re.compile(r"\(\s*(?:HS|ТН ВЭД|гр\.|гл\.|группа|heading|chapter)?\s*\d{2,6}\s*\)", _I)
_CLAUSE_CUT = re.compile(r"[,;:.!?—–]|\s(?:while|whereas|but|and)\s|\s[аи]\s|\sно\s")


def _direction(
    m: re.Match[str], s: Sentence, before: str
) -> tuple[str, Quantity | None, str | None]:
    """A rise or fall of a flow told without a figure: growth above or below zero.

    "Chilean sales across the Andes fell over the period", «Ввоз из Германии сократился»; not
    "fell 61%" (the figure's own claim), "did not fall", a share or a balance that moved.
    """
    clause_before = _CLAUSE_CUT.split(before)[-1]
    rest = _CLAUSE_CUT.split(s.text[m.end() :])[0]
    words = clause_before + " " + rest
    # "grew four and a half times": the size may follow past an "and"; a code in brackets
    # ("car imports (HS 8703)") or a year ("fell in 2009") sizes no change.
    # A noun's size may follow a dash or a colon: «рост экспорта — 3,2-кратный».
    cut = r"[,;.!?]" if _NOUN_WAY.match(m["way"]) else r"[,;:.!?—–]"
    sized = re.split(cut, _HS_ASIDE.sub(" ", s.text[m.end() :]))[0]
    sized = re.sub(
        r"(?:\bin|(?<!\w)в)\s+(?:19|20)\d\d\b(?:\s*(?:году|г\.))?",
        " ",
        sized,
        flags=re.IGNORECASE,
    )
    if (
        _SIZED.search(sized)
        or re.search(rf"\b(?:{_NUMBER_WORDS})\b", sized, re.IGNORECASE)
        or _NOT_A_DIRECTION.search(words)
        or not (_TRADE.search(clause_before) or _says(_OBJECT_WAYS, m, s))
    ):
        return "", None, None
    if _says(f"{_FALL_WORDS}|{_FALL_OBJECT}", m, s):
        return "growth", Quantity(0.0, "pct", -math.inf, 0.0, hi_open=True), None
    return "growth", Quantity(0.0, "pct", 0.0, math.inf, lo_open=True), None


#: Words right before an order that make it another claim's: a multiple ("three times more
#: than", «в 3 раза больше, чем»), a figure ("$5m more than"), a negation ("no more than").
_ORDER_TAKEN = re.compile(
    # A whole word («Аргентине меньше, чем ...» is no «не меньше»).
    r"(?<!\w)(?:\d[\d.,]*\s*(?:%|\w+)?|times|twice|thrice|fold|раза?|вдвое|втрое|вчетверо|впятеро|"
    r"much|far|little|no|not|never|не|нет|ничуть|no\s+\w+|ничем)\s*$",
    _I,
)


def _order(m: re.Match[str], s: Sentence, before: str) -> tuple[str, Quantity | None, str | None]:
    """One subject ahead of another in one period, told without a figure: a multiple of it.

    "more than Korea": above one (``versus``); "less than": below one; "overtook France":
    above one in its year, not above it the year before (``overtook``); «впервые обошла»: not
    above it in any earlier year held (``overtook_first``). Not after a multiple or a figure
    ("three times more than", their own claims) or a negation.
    """
    if _ORDER_TAKEN.search(before[-30:]) or _NEGATED.search(before):
        return "", None, None
    said = m["order"]
    if re.fullmatch("|".join(_ORDER["overtake"]), said, _I):
        metric = "overtook_first" if m["first"] else "overtook"
        return "multiple", Quantity(1.0, "x", 1.0, math.inf, lo_open=True), metric
    if m["first"]:
        return "", None, None  # «впервые больше, чем»: an order over years read no further
    # The words' own look ahead ("less than(?= we )") is read in the text, not in the words alone.
    less = re.compile("|".join(_ORDER["less"]), _I).match(s.text, m.start("order"))
    if less is not None and less.end() == m.end("order"):
        return "multiple", Quantity(1.0, "x", 0.0, 1.0, hi_open=True), "versus"
    return "multiple", Quantity(1.0, "x", 1.0, math.inf, lo_open=True), "versus"


def _says(words: str, m: re.Match[str], s: Sentence) -> bool:
    """Whether ``words`` (alternatives, some with a look ahead) say all of ``m``'s way."""
    said = re.compile(f"(?:{words})", _I).match(s.text, m.start("way"))
    return said is not None and said.end() == m.end("way")


def _count_in_words(
    m: re.Match[str], s: Sentence, b: str
) -> tuple[str, Quantity | None, str | None]:
    """How many partners, in words, after "all" or a preposition.

    "to all fourteen destination countries", "sell to fourteen countries"; not "Two markets
    grew" (some of them) nor "to five markets that each took more than $250 million" (those
    above a threshold).
    """
    rest = re.split(r"[.;:!?]", s.text[m.end() :], maxsplit=1)[0]
    every = re.match(r"all|все", m["pre"], re.IGNORECASE) is not None
    if _EACH_OF_COUNT.search(s.text[: m.start("word")]):
        return "", None, None  # «каждая из трёх стран», "one of five markets": those named
    # "exported to twenty-two countries in 2020": a year is no figure of those counted.
    if not every and _SOME_OF_THEM.search(re.sub(r"\b(?:19|20)\d\d\b", "", rest)):
        return "", None, None
    n = float(_COUNT_WORDS[m["word"].lower()])
    return "count", Quantity(n, "count", n, n), "partners"


def _count_opening(
    m: re.Match[str], s: Sentence, b: str
) -> tuple[str, Quantity | None, str | None]:
    """How many partners bought, said in words at the start of the sentence or of a clause.

    After a comma only when the words before name nothing ("On the export side, fourteen
    markets buy from Portugal"; not "Besides China, three countries bought machinery").
    """
    rest = re.split(r"[,.;:!?]", s.text[m.end() :], maxsplit=1)[0]
    before = s.text[: m.start()]
    if before.rstrip().endswith(",") and re.search(
        r"\s[A-ZА-ЯЁ]|\d", re.sub(r"\b(?:19|20)\d\d\b", "", before)
    ):
        return "", None, None
    if _SOME_OF_THEM.search(re.sub(r"\b(?:19|20)\d\d\b", "", rest)):
        return "", None, None
    n = float(words_number(m["word"]))
    return "count", Quantity(n, "count", n, n), "partners"


#: The verb before a mark ("passed the ... mark") and the side of it the figure is on.
_PAST_MARK = re.compile(
    r"\b(?:passed|crossed|topped|cleared|surpassed|exceeded|broke(?:\s+through)?|"
    r"(?:got|went|moved|climbed|rose)\s+(?:past|beyond|over|above|through)|past|beyond|"
    r"above|over)\s+the\s+$",
    re.IGNORECASE,
)
_SHORT_OF_MARK = re.compile(r"\b(?:below|under|short\s+of|missed|fell\s+short\s+of)\s+the\s+$",
                            re.IGNORECASE)  # fmt: skip


def _mark(m: re.Match[str], s: Sentence, b: str) -> tuple[str, Quantity | None, str | None]:
    """A bound said as a mark passed (or missed): more (less) than its figure, else no claim."""
    word = m["mark"].lower()
    said = {"ten": 10, "one": 1, "a": 1}.get(word) or numwords.cardinal(word)
    n = word if word[0].isdigit() else str(said) if said else ""
    q = "more than" if _PAST_MARK.search(b) else "less than" if _SHORT_OF_MARK.search(b) else ""
    if not q or not n:
        return "", None, None
    return _money(_InWords(m, n, scale=m["scale"], q=q), s, b)  # type: ignore[arg-type]


#: A count that is of some named partners, not of all: «каждая из трёх стран», "one of five".
_EACH_OF_COUNT = re.compile(
    r"(?:\b(?:each|one|any|none|either|neither)\s+of\s+(?:the\s+|these\s+|those\s+)?"
    r"|(?<!\w)(?:кажд\w+|одн\w+|любо\w+|ни\s+одн\w+)\s+из\s+(?:эт\w+\s+)?)$",
    re.IGNORECASE,
)


def _count_words_any(
    m: re.Match[str], s: Sentence, b: str
) -> tuple[str, Quantity | None, str | None]:
    """How many partners, in words wherever they stand (:func:`numwords.cardinal`).

    Not a count of those over a bound or of each ("Seven countries bought over $100 million",
    «у двенадцати стран закупки превысили 50 млн»), nor of those whose trade went one way ("Two
    markets grew", «три страны сократили закупки»): some of the partners, not all.
    """
    ahead = s.text[: m.start("word")]
    if _EACH_OF_COUNT.search(ahead) or _some_of_all(s, m.start("word"), m.end()):
        return "", None, None
    if _EXCEEDED.search(re.split(r"[.;:!?]", ahead)[-1]):
        # «Сто миллионов долларов превысили закупки шести стран»: some of them, over a bound.
        return "", None, None
    clause = re.split(r"[.;:!?]|,\s+(?:but|while|а|но)\b", s.text[m.end() :], maxsplit=1)[0]
    clause = re.sub(r"\b(?:19|20)\d\d\b", "", clause)
    if _SOME_OF_THEM.search(clause) or _ONE_WAY.search(clause):
        return "", None, None
    n = numwords.cardinal(m["word"])
    if n is None or n < 2:
        return "", None, None
    return "count", Quantity(float(n), "count", n, n), "partners"


#: "the next two customers", «следующие три рынка», "the other five": some of them.
_NEXT_ONES = re.compile(r"(?<!\w)(?:next|other|следующ\w+|други\w+|остальн\w+)\s+$", re.IGNORECASE)
#: A verb of exceeding before a count in its clause: the count is of those over a bound.
_EXCEEDED = re.compile(
    r"(?<!\w)(?:превы\w+|перекры\w+|exceed\w*|topped|surpass\w*)(?!\w)", re.IGNORECASE
)
#: A count followed by the names it counts: ", China, Germany and the United States".
_NAME = r"(?:the\s+)?(?-i:[A-ZА-ЯЁ])[\w'’-]*(?:\s+(?-i:[A-ZА-ЯЁ])[\w'’-]*)*"
_NAMES_THEM = re.compile(
    r"\s*[,(:—–]\s*(?:" + _NAME + r"\s*,\s*)*" + _NAME + r",?\s+(?:and|и)\s+" + _NAME,
    re.IGNORECASE,
)


def _some_of_all(s: Sentence, start: int, end: int) -> bool:
    """Whether the count at ``start:end`` is of some partners, named or after others.

    "the next two customers", "three suppliers, China, Germany and the United States": not how
    many partners there are.
    """
    return bool(_NEXT_ONES.search(s.text, 0, start) or _NAMES_THEM.match(s.text, end))


#: A change said of the partners a count names: some of them went one way.
_ONE_WAY = re.compile(
    r"(?<!\w)(?:" + _RISE_WORDS + "|" + _FALL_WORDS + r"|rais\w+|cut|reduc\w+|increas\w+|"
    r"lower\w*|boost\w*|dropp\w+|grow\w*|нарастил\w*|сократил\w*|снизил\w*|"
    r"увеличил\w*|уменьшил\w*|рост\w*|прирост\w*|спад\w*|паден\w*)(?!\w)",
    re.IGNORECASE,
)


def _count_years(m: re.Match[str], s: Sentence, b: str) -> tuple[str, Quantity | None, str | None]:
    """How many years a flow went one way (``years_rise``, ``years_fall``): "fell in 11 years"."""
    word = (m["word"] or m["word2"] or m["word_ru"] or m["word_ru2"] or m["once"] or "").lower()
    n = {"once": 1, "однажды": 1, "один": 1, "twice": 2, "дважды": 2}.get(word)
    n = n if n is not None else int(word) if word.isdigit() else numwords.cardinal(word)
    if n is None or (n == 1 and re.search(r"\b(?:19|20)\d\d\b", s.text)):
        # "fell only once, in 2009": the only fall, of the year named (the record reads it).
        return "", None, None
    way = (m["way"] or m["way2"]).lower()
    up = re.match(_RISE_WORDS + r"|went up|climbed|rosen?|рос|увеличивал", way) is not None
    return "count", Quantity(float(n), "count", n, n), "years_rise" if up else "years_fall"


def _count_after_noun(
    m: re.Match[str], s: Sentence, b: str
) -> tuple[str, Quantity | None, str | None]:
    """How many partners, said after the noun that counts them ("Destinations numbered 24")."""
    word = m["num"].lower()
    n = float(_COUNT_WORDS[word]) if word in _COUNT_WORDS else float(word)
    return "count", Quantity(n, "count", n, n), "partners"


#: The words before a count of partners that "the number" names: «число стран-покупателей
#: увеличилось с 21 до 22», "the number of destination markets rose to 22", "the count of
#: buyers reached 22" (not a count of goods or years).
_NUMBER_OF = re.compile(
    r"(?:(?<!\w)(?:число|количество)\s+(?:стран|рынков|государств|покупателей|поставщиков)"
    r"[\w-]*|\bthe (?:number|count|tally) of (?:(?:destination|export|buyer|partner|"
    r"supplier|foreign)\s+)?(?:countries|markets|destinations|buyers|partners|suppliers))"
    r"(?P<rest>[^.;:!?]{0,50}?)(?:(?<!\w)(?:с|до|составил[оа]?|достиг\w*)|\bfrom|\bto|"
    r"\breached|\bwas|\bstood at|\bcame to|—|–)\s+$",
    re.IGNORECASE,
)


def _count_of(m: re.Match[str], s: Sentence, b: str) -> tuple[str, Quantity | None, str | None]:
    """How many partners, said after "the number of countries" (:data:`_NUMBER_OF`)."""
    said = _NUMBER_OF.search(b[-100:])
    if said is None or (
        re.search(r"\d", said["rest"] or "")
        and not re.search(r"(?:(?<!\w)с|\bfrom)\s+\w+\s+(?:до|to)\s+$", b)
    ):
        return "", None, None
    word = m["num"].lower()
    n = float(_COUNT_WORDS[word]) if word in _COUNT_WORDS else float(word)
    return "count", Quantity(n, "count", n, n), "partners"


def _count_partners(
    m: re.Match[str], s: Sentence, b: str
) -> tuple[str, Quantity | None, str | None]:
    """How many partners the trade went to or came from: "22 countries", "22 страны"."""
    if _some_of_all(s, m.start(), m.end()):
        return "", None, None
    kind, q, _ = _count(m, s, b)
    return kind, q, "partners"


def _multiple_ru(m: re.Match[str], s: Sentence, b: str) -> tuple[str, Quantity | None, str | None]:
    if m.groupdict().get("times_of") or m.groupdict().get("times_is"):
        figure = m["times_of"] or m["times_is"]
        words = m["q_of"] or m["q_is"] or m["q"] or ""
        # "a factor closer to 2.2": about it; "the multiple is only 5.6": exactly it.
        words = {"closer to": "about", "nearer to": "about", "only": ""}.get(words.lower(), words)
        out = quantity(float(figure), "x", 10.0 ** -decimals(figure), words)
        return "multiple", out, _versus(s, m.end(), m.start())
    if m.groupdict().get("times_by"):
        text, words = m["times_by"], m["q_by"] or m["q"] or ""
        if text[0].isdigit():
            out = quantity(float(text), "x", 10.0 ** -decimals(text), words)
        else:
            out = word_quantity("multiple", _multiple_word(text), "x", words)
        return "multiple", out, _versus(s, m.end(), m.start())
    if m.groupdict().get("times_ru"):
        text = m["times_ru"]
        q, down = _comparative(m["q"])
        value = _multiple_word(text) + _part(m["half_ru"])  # "в два с половиной раза"
        if m["over_ru"] and not q:
            # Above the figure, below the next whole (or the next step of its last digit).
            step = 1.0 if value == int(value) else 10.0 ** -decimals(text, lang="ru")
            step = step if text[0].isdigit() or value == int(value) else 0.5
            out = Quantity(value, "x", value, value + step, lo_open=True, hi_open=True)
        elif text[0].isdigit() and not m["half_ru"]:
            out = quantity(value, "x", 10.0 ** -decimals(text, lang="ru"), q)
        else:
            out = word_quantity("multiple", value, "x", q)
        against = _versus(s, m.end(), m.start())
        fell = _falls(b) or down or _less(s, m.end(), against)
        return "multiple", invert(out) if fell else out, against
    return _multiple(m, s, b)


#: A bare Russian comparative before a multiple: «больше в 7,3 раза» is "7.3 times as much",
#: not "more than 7.3 times" (that is «более чем в 7,3 раза»).
_COMPARATIVE = re.compile(r"(?P<up>больше|выше)|(?P<down>меньше|ниже)", re.IGNORECASE)


def _comparative(q: str | None) -> tuple[str, bool]:
    """The qualifier of a multiple (none for a bare comparative) and whether it says "less".

    >>> _comparative("больше"), _comparative("меньше"), _comparative("более чем")
    (('', False), ('', True), ('более чем', False))
    """
    said = _COMPARATIVE.fullmatch((q or "").strip())
    if said is None:
        return q or "", False
    return "", said["down"] is not None


#: "three times smaller", «вдвое меньше»: the multiple said downwards, a fraction of the base.
_LESS_AFTER = re.compile(r",?\s*(?:меньше|ниже|less|smaller|lower|fewer)(?!\w)", re.IGNORECASE)


def _less(s: Sentence, end: int, against: str | None) -> bool:
    """Whether a multiple of a year is said downwards right after its figure.

    «Вдвое меньше, чем в 2002 г.»: under half. A multiple of another subject turns its sides
    instead (``versus.turned``).
    """
    return against is None and _LESS_AFTER.match(s.text, end) is not None


class _Both:
    """A match whose number sits in one of two groups (``num``/``num2``)."""

    def __init__(self, m: re.Match[str]) -> None:
        self.m = m
        # "four and a half billion dollars" reads as "4.5 billion dollars".
        words = m["num5"] and f"{_multiple_word(m['num5']) + _part(m['half5']):g}"
        self.groups = {
            "num": m["num"] or m["num2"] or m["num3"] or m["num4"] or words
            or ((m["scale6"] or m["scale7"] or m["scale8"]) and "1"),
            "scale": m["scale"] or m["scale2"] or m["scale4"] or m["scale5"] or m["scale6"]
            or m["scale7"] or m["scale8"],
            "q": m["q"],
        }  # fmt: skip

    def __getitem__(self, key: str) -> str | None:
        return self.groups[key]

    def start(self) -> int:
        return self.m.start()

    def end(self) -> int:
        return self.m.end()


def _money_any(m: re.Match[str], s: Sentence, b: str) -> tuple[str, Quantity | None, str | None]:
    if m["num4"] and not re.search(_DOLLARS, s.text, re.IGNORECASE):
        # "15 млн" is money only in a sentence that speaks of dollars.
        return "", None, None
    return _money(_Both(m), s, b)  # type: ignore[arg-type]


# -- reading a sentence ------------------------------------------------------------------------
_MONTHS = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|январ\w*|феврал\w*|"
           r"март\w*|апрел\w*|ма[йя]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|"
           r"декабр\w*")  # fmt: skip
#: "4.4 Customers. Only six countries ...", "2.3 Destinations": a section's number with no dot,
#: before its title, at the start of its line: no figure, nor a count of customers.
_SECTION_NO = re.compile(r"^[ \t]*\d{1,2}(?:\.\d{1,3}){1,3}(?=[ \t]+(?!(?i:million|billion|"
                         r"thousand|trillion)\b)[A-ZА-ЯЁ][a-zа-яё]+\b)")  # fmt: skip
_SKIP = re.compile(
    r"https?://\S+|www\.\S+|\b\d{1,2}\s+(?:"
    + _MONTHS
    + r")(?=\s|,|$)|(?:"
    + _MONTHS
    + r")\s+\d{1,2}\b"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}|"
    r"\d{4}-\d\d-\d\d|\d{1,2}:\d\d|\b(?:19|20)\d\d(?:-(?:19|20)?\d\d)?\b|\bHS ?\d+|"
    r"\b\d{1,2}-(?:[ея]|го|й|м|ое|ой|ом|ого|ая|ую)(?!\w)|"
    # «в 4 квартале»: a quarter's number, no figure.
    r"\b[1-4](?:-?[мй]|-ом)?(?=\s+квартал)|"
    r"(?<![\w-])(?:chapter|heading|subheading|ch\.|глав[аеыу]|групп[аеыу]|гр\.|гл\.|поз\.|"
    r"позици[яиюей]+|субпозици[яиюей]+|ТН ВЭД)\s+\d{2,6}\b|\b\d{4,6}\b"
    r"(?=[ /,]+\d{4,6}\b)|(?<=HS )\d+|\b\d+(?:st|nd|rd|th)\b"
    r"|(?<=[^\W\d]\s\()(?!(?:19|20)\d\d\))\d{4}(?:\d{2})?(?=\))"
    # «сталь (73)»: a chapter's two bare digits in brackets after a word, no figure.
    r"|(?<=[^\W\d]\s\()\d{2}(?=\))|"
    # «продукции товарных групп 84, 85 и 90», "chapters 84, 85 and 90": a list of codes.
    r"(?<![\w-])(?:chapters|headings|групп|глав|позиций)\s+\d{2,6}(?:(?:,\s*|\s+(?:и|and)\s+)"
    r"\d{2,6}\b)+|"
    # "1. It is lopsided.", «1.2. Наибольший вклад»: a numbered point's or section's number at
    # the start of its line, no figure.
    r"(?m:^[ \t]*\d{1,2}(?:\.\d{1,3}){0,3}[.)](?=[ \t]+[A-ZА-ЯЁ«\"“]|[ \t]*$))|"
    r"(?m:" + _SECTION_NO.pattern + r")|"
    # Telephone numbers («8 800 555-01-01», "+44 20 7946 0958", "(495) 123-45-67") and radio
    # frequencies ("99,1 FM"): no figures.
    r"\+\d[\d\s().-]{6,}\d|(?:\(\d{2,5}\)\s?)?(?<![\d.,])\d{1,4}(?:[\s-]\d{2,4}){0,2}-\d\d-\d\d(?!\d)|"
    r"\b\d{2,3}(?:[.,]\d)?\s?(?:FM|МГц|MHz|кГц|kHz)\b|"
    # A document's codes and numbers: "Case LSEM-922-031", "(Exhibit 2)", «Таблица 3», "Annex
    # 1.2"; a question's number in a list ("Questions: 1. What ... ? 2. How ...").
    r"\b[A-ZА-ЯЁ]{2,}(?:-\d+)+\b|"
    # «АКТ № 7/2022», «раздела 3», «пункт 2.4»; days of a span «с 4 по 12 апреля», "from 4 to
    # 12 April": no figures.
    r"№\s*\d+(?:[/-]\d+)*|(?<![\w-])(?:раздел|пункт|подпункт)\w*\s+\d+(?:\.\d+)*\b|"
    r"(?<!\w)(?:с|from)\s+\d{1,2}\s+(?:по|to|till|until)\s+\d{1,2}(?=\s+(?:январ|феврал|март|"
    r"апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    r"Sep|Oct|Nov|Dec))|"
    r"(?<![\w-])(?:Exhibits?|Figures?|Fig\.|Tables?|Charts?|Annex(?:es)?|Appendix|Box|Section|Slides?|"
    r"Рис\.|Рисун\w+|Таблиц\w+|Табл\.|Приложени\w+|Раздел\w*|Схем\w+|Диаграмм\w+|График\w*|Слайд\w*|Карточк\w*|Cards?)"
    r"\s+\d+(?:\.\d+)*\b|"
    r"(?:(?<=:\s)|(?<=[?!]\s))\d{1,2}[.)](?=\s+[A-ZА-ЯЁ]|\s*$)|" + lexicon.BARE_CODE
)
_BARE = re.compile(f"(?<![\\w.,])(?P<num>{NUMBER})(?![\\w%])")


def parse(text: str) -> list[Found]:
    """Every numeric claim of ``text``, in order (with those it could not read).

    Examples
    --------
    >>> [(f.claim.kind, f.claim.span) for f in parse("Exports grew by 63% to $140.32 million.")]
    [('growth', 'grew by 63%'), ('amount', '$140.32 million')]
    >>> [f.claim.quantity.value for f in parse("Экспорт вырос на 27,7 % до 1,2 млрд долл.")]
    [27.7, 1200000000.0]
    """
    found: list[Found] = []
    scale: str | None = None
    last: dict[int, str] = {}
    #: The last rank said in each paragraph: its place and what it ranks.
    ranked: dict[int, tuple[int, str | None]] = {}
    guessing = False
    #: The unit a heading over a list names («позиции импорта, млн долл.:»), while it holds.
    headed: str | None = None
    for s in sentences(text):
        mine = list(_read(s, scale, last, ranked, guessing=guessing, headed=headed))
        for f, after in zip(mine, [*mine[1:], None], strict=False):
            if after is not None:
                f.next = after.claim.start - s.start
            found.append(f)
            if f.claim.kind in ("amount", "change") and f.hints.get("scale"):
                scale = f.hints["scale"]
            guessing = guessing or f.hints.get("unit") == "guess"
        header = _UNIT_HEADER.search(s.text)
        if header is not None:
            # «крупнейшие позиции импорта 2004 года, млн долл.:» over a list: its bare figures
            # are in that unit.
            scale = headed = _scale_name(header["scale"])
        elif any(f.hints.get("pattern") == "money" for f in mine):
            headed = None  # a figure with its own unit: the list is over
    return found


#: A line that names the unit of the list after it: «позиции импорта, млн долл.:», "(US$ million):".
_UNIT_SAID = (r"[,(]\s*(?:(?:US\$|USD|\$)\s*)?(?P<scale>" + _SCALE_WORDS + r")\.?\s*(?:"
              + _DOLLARS + r")\)?\s*")  # fmt: skip
_UNIT_HEADER = re.compile(_UNIT_SAID + r":?\s*$", re.IGNORECASE)


#: A unit named before a colon that opens a list in its sentence: «..., млн долл.: газ — 612,6».
_UNIT_COLON = re.compile(_UNIT_SAID + ":", re.IGNORECASE)


#: The words between two shares of one list: ", на Германию — ", ", telephone sets (HS 851762) ".
#: Words in brackets count as one: ", and the three largest buyers (the Dutch, German and French
#: markets) close to half".
_SAME_KIND = re.compile(r"\)?[,;]?\s*(?:и|а|and|while)?\s*(?:на|for)?\s*"
                        r"(?:\([^()]{1,80}\)|[\w\s.'()-]){0,60}[—–-]?\s*")  # fmt: skip
#: A figure set against the one before it: "98% of imports, against 79% in 2006", "13% in
#: 2004, down from 21% in 2002", «62,1% годом ранее против 63,8%» (the same kind of figure, of
#: another year).
_SET_AGAINST = re.compile(
    r"[,;]?\s*(?:[^\W\d]+\s+){0,2}(?:against|versus|vs\.?|compared (?:with|to)|(?:up|down) from|"
    r"против|"
    r"по сравнению с)\s*(?:" + QUALIFIER + r")?$", re.IGNORECASE)  # fmt: skip
#: One flow exceeding the other "by" a figure: the balance.
_GAP = re.compile(
    r"(?:exceed\w*|surpass\w*|outstrip\w*|outpac\w*|превыси\w*|превыша\w*|превзо\w*)\s+"
    r"(?:the\s+)?(?:(?:value|level)\s+of\s+)?(?P<flow>exports?|imports?|экспорт\w*|импорт\w*)"
    r"\s+(?:by|на)\s*(?:" + QUALIFIER + r")?$", re.IGNORECASE)  # fmt: skip
#: "bought $43 million more of them than we sold", «продали на 40 млн больше, чем купили»: the
#: balance, its side from the flow said after "than".
_GAP_AFTER = re.compile(
    r"(?:\s+(?:долл\w*\.?|dollars?|USD)\s*(?:США)?)?"
    r"\s+(?:more|больше)(?:\s+[^\W\d]+){0,3}?,?\s+(?:than|чем)\s+(?:[^\W\d]+\s+){0,2}?"
    r"(?:(?P<sold>sold|sell|sells|exported|exports?|shipped|продал\w*|прода[её]\w*|вывез\w*|"
    r"вывоз\w*|экспортир\w*)|bought|buy|buys|imported|imports?|purchased|купил\w*|покупа\w*|"
    r"закупа\w*|ввез\w*|ввоз\w*|импортир\w*|spent|spends|spend|paid|pays|потратил\w*|"
    r"тратит\w*)\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(
    r"\b(?:the|this|that) (?:figure|indicator|rate)|этот показатель|показател", re.IGNORECASE
)


#: Parts of a year, which are no fractions: "the second half", "second-half sales".
_PART_OF_YEAR = re.compile(r"\b(?:first|second|1st|2nd)[- ]half\b", re.IGNORECASE)


#: Goods named by their HS chapter or heading («Приборы, глава 90, дошли до 514 млн»).
_GOODS = re.compile(r"(?<!\w)(?:глав[аеуы]|гл\.|chapter|HS|ТН\s+ВЭД|позици[яиюй])\s*\d{2,6}\b",
                    re.IGNORECASE)  # fmt: skip


#: Words of a unit other than dollars: a bare "900 млн" beside them is no amount in dollars.
#: Whole words: "за рубеж", "картонной тары", "европейские страны" name no unit.
_OTHER_UNIT = re.compile(
    r"(?<!\w)(?:руб(?:л\w*|\.|\b)|евро\b|фунт\w*|юан\w*|иен[аыу]?\b|тонн\w*|т\.(?!\s*е\.)|людей|"
    r"человек\w*|жител\w*|населени\w*|штук\w*)|€|£|¥|\beuros?\b|\byuan\b|\bpounds?\b|"
    r"\b(?:rubles?|roubles?)\b|\btonn?e?s\b|\bpeople\b|\bresidents\b|\bpopulation\b|\bunits\b",
    re.IGNORECASE,
)


#: A list of ranked partners that goes on with the next: "X leads, followed by Y at $620 mn".
_FOLLOWED_BY = re.compile(r",\s*(?:followed|trailed|chased)\s+by\s+|,\s*(?:за\s+ним\w*|следом)\s+",
                          re.IGNORECASE)  # fmt: skip
#: Patterns whose words, when their reader finds no claim in them, hold no number to report.
#: A record denied right before its words: "not the narrowest ever", «не рекордный».
_DENIED = re.compile(r"(?:\bnot|\bnever|(?<!\w)не)\s+$", re.IGNORECASE)
_WORDS_ONLY = ("streak", "count_against", "per_dollar", "count_of", "count_years")


#: Groups of a match whose kind is read as nothing: a count in words that counts some partners,
#: «впереди» said of time.
_COUNTS_NO_FIGURE = ("word", "listed", "way", "way2", "way3", "side", "order", "turned", "ahead")


def _read(  # noqa: PLR0912, PLR0915 - one branch per way a figure takes its kind
    s: Sentence,
    scale: str | None,
    last: dict[int, str],
    ranked: dict[int, tuple[int, str | None]],
    *,
    guessing: bool = False,
    headed: str | None = None,
) -> Iterator[Found]:
    taken: list[tuple[int, int, str, Quantity | None, str | None, str]] = []
    parts = [(x.start(), x.end()) for x in _PART_OF_YEAR.finditer(s.text)]
    section = _SECTION_NO.match(s.text)
    #: Where a bare "млн" is read as dollars by guess (no currency read before it).
    guessed: set[int] = set()
    for p in PATTERNS:
        for m in p.regex.finditer(s.text):
            if any(a < m.end() and m.start() < b for a, b, *_ in taken):
                continue
            if any(a < m.end() and m.start() < b for a, b in parts):
                continue
            if section is not None and m.start() < section.end():
                continue  # "4.4 Customers": a section's number
            if p.name == "extreme" and _DENIED.search(s.text, 0, m.start()):
                continue  # "the narrowest since that first year, not the narrowest ever"
            kind, q, extra = p.read(m, s, s.text[: m.start()])
            if not kind and any(m.groupdict().get(g) for g in _COUNTS_NO_FIGURE):
                continue  # a count in words that counts some partners: no figure to read
            if not kind and p.name in _WORDS_ONLY:
                continue  # "never exceeded": words of a kind read, with no figure of it
            bare = (p.name == "money" and m.groupdict().get("num4")
                    and not _OTHER_UNIT.search(s.text))  # fmt: skip
            if not kind and bare and scale:
                # "Аппаратура связи дала 1,35 млрд, лекарства — 900 млн": a bare "млн" after
                # the text has read amounts in dollars goes on in dollars.
                kind, q, extra = _money(_Both(m), s, s.text[: m.start()])  # type: ignore[arg-type]
            elif not kind and bare and (guessing or trade_words(s.text) or _GOODS.search(s.text)):
                # «Москва продала за рубеж техники на 2,4 миллиарда» in a text that names no
                # currency yet: trade in dollars, the warehouse's unit, but only a guess (a
                # right figure is supported, a wrong one never flagged); it sets no scale, and
                # the bare figures after it are guesses too («Германия третья, 250 млн»).
                kind, q, extra = _money(_Both(m), s, s.text[: m.start()])  # type: ignore[arg-type]
                guessed.add(m.start())
            end = m.start("of") if m.groupdict().get("of") else m.end()
            taken.append((m.start(), end, kind, q, extra, p.name))
    for m in _BARE.finditer(s.text):
        if any(a <= m.start() < b for a, b, *_ in taken) or _skipped(s.text, m):
            continue
        earlier = [(a, extra) for a, _, kind, _, extra, _ in taken
                   if kind in ("amount", "change") and extra and a < m.start()]  # fmt: skip
        local = _UNIT_COLON.search(s.text, 0, m.start())
        taken.append(_bare(m, s, max(earlier)[1] if earlier else scale,
                           _scale_name(local["scale"]) if local else headed))  # fmt: skip
    taken.sort()
    previous = 0
    kinds: list[str] = []
    #: The words of the whole of the last share of the sentence said with one.
    told: tuple[int, int] | None = None
    rates: list[Quantity | None] = []
    for a, b, read, q, extra, name in taken:
        kind = read
        follows = kind == "rank" and extra == "next"
        if follows:
            # "followed by X": the place after the last rank said, of the same field; none said,
            # no rank ("the rise was followed by a fall").
            said = ranked.get(s.paragraph)
            if said is None or said[0] < 1 or said[1] in (None, "last", "next"):
                continue
            q, extra = Quantity(said[0] + 1, "rank", said[0] + 1, said[0] + 1), said[1]  # noqa: PLW2901
        elif kind == "rank" and extra in ("value", "growth") and name == "rank":
            # "became the largest heading, ...; maize ranked third": a place that names no
            # field goes on among the goods the rank before it in the paragraph ranked.
            said = ranked.get(s.paragraph)
            if (said is not None and said[1] and said[1].startswith("goods")
                    and said[1].endswith(":growth") == (extra == "growth")
                    and not _PARTNER_WORDS.search(s.text[a:b])):  # fmt: skip
                extra = said[1]  # noqa: PLW2901
        if not kind and q is not None and q.unit == "pct" and _FIGURE.search(s.text[:a]):
            # "the figure was close to 30%": the figure of the claim before it.
            kind = last.get(s.paragraph, "")
        if (
            q is not None
            and q.unit == "pct"
            and kinds
            and kinds[-1] == "share"
            and previous < a
            and _SET_AGAINST.fullmatch(s.text[previous:a])
        ):
            # "covered 13% of imports in 2004, down from 21% in 2002": the share of another
            # year, not a growth rate ("down" is the share's move).
            kind = "share"
            if q.value < 0:  # "46% of the total, down from 51%": 51%, not -51%
                q = negate(q)  # noqa: PLW2901
        if (
            not kind
            and q is not None
            and q.unit == "pct"
            and kinds
            and kinds[-1] == "growth"
            and previous < a
            and re.search(r"(?:\bagainst|\bversus|\bvs\.?|\bпротив)\s*$", s.text[previous:a])
        ):
            # "32% above the same period of 2019, against 27.7% in January-June": the rate of
            # another period, in the same direction as the rate before it.
            kind = "growth"
            before = rates[-1] if rates else None
            q = negate(q) if before is not None and before.value < 0 else q  # noqa: PLW2901
        if (
            not kind
            and q is not None
            and q.unit == "pct"
            and [k for k in kinds if k != "rank"][-1:] == ["share"]
            and previous <= a
            and _SAME_KIND.fullmatch(s.text[previous:a])
        ):
            # "На Нидерланды пришлось 25,2% экспорта, на Германию — 13,8%": the same kind.
            kind = "share"
        kinds.append(kind)
        rates.append(q)
        start, span = _with_verb(s.text, a, b, kind)
        claim = Claim(
            kind=kind or "amount", span=span, sentence=s.text, start=s.start + start,
            end=s.start + b, quantity=q, paragraph=s.paragraph, understood=bool(kind),
            note="" if kind else NOT_UNDERSTOOD,
            metric=extra if kind in ("rank", "extreme", "count", "multiple")
            or name in ("side", "side_of", "quarters")
            else None,
        )  # fmt: skip
        whole = own = _whole(s.text, b) if kind == "share" else None
        if kind == "share" and whole is None:
            # "the share of chapter 27 in Chile's imports from Argentina rose from 18 percent":
            # the whole named before the figure, in its clause.
            whole = own = _whole_before(s.text, a)
        if (kind == "share" and whole is None and told is not None and previous <= a
                and kinds[-2:-1] == ["share"] and re.match(r"[,;]", s.text[previous:a])
                and _SAME_KIND.fullmatch(s.text[previous:a])
                and not lexicon.countries_in(s.text[told[0] : told[1]])):  # fmt: skip
            # «турбины составили 31% машиностроительного экспорта, компьютеры — 23%»: a list
            # of shares goes on with the whole said first (not with a partner it names).
            whole = told
        told = whole if kind == "share" and whole is not None else told
        hints = {"pattern": name}
        if a in guessed:
            hints["unit"] = "guess"
        elif kind in ("amount", "change") and extra and name not in ("side", "side_of"):
            hints["scale"] = extra
        if _FIGURE.search(s.text[:a]):
            hints["figure"] = "yes"
        gap = _GAP.search(s.text[:a])
        red = _IN_THE_RED.search(s.text[:a])
        gap_after = _GAP_AFTER.match(s.text, b)
        if kind == "amount" and gap_after is not None:
            # More bought than sold is a deficit; more sold than bought, a surplus.
            hints["gap"] = "deficit" if gap_after["sold"] else "surplus"
        elif kind == "amount" and red is not None:
            hints["gap"] = "deficit" if red["side"].lower().startswith("минус") else "surplus"
        elif kind == "amount" and gap is not None:
            # "imports exceeded exports by $86 million": the balance, its side from the flow
            # exceeded.
            hints["gap"] = "deficit" if gap["flow"].lower().startswith(("exp", "эк")) else "surplus"
        # "The Netherlands leads, followed by Germany at $620 mn": the figure is of the partner
        # after "followed by", not of the one that leads.
        after = [m.end() for m in _FOLLOWED_BY.finditer(s.text, previous, a)]
        segment = (after[-1] if after else previous, b)
        if follows:
            # "followed by refined oils": what is ranked is named after the words.
            hints["place"] = "next"
            stop = re.compile(r"[;:]|,\s|\.(?!\d)").search(s.text, b)
            segment = (b, stop.start() if stop else len(s.text))
        yield Found(claim, s, segment, whole, hints)
        if kind in ("growth", "share"):
            last[s.paragraph] = kind
        if kind == "rank" and q is not None and q.lo == q.hi:
            ranked[s.paragraph] = (int(q.value), extra)
        previous = own[1] if own else b
        if own and part_after(s.text, own[1]) and not SHARE_ON.match(s.text, b):
            # "A fifth of what we import is German, and 15% is American": the words after the
            # whole's verb are the share's part, not the next figure's.
            stop = re.compile(r"[,;:.—–]").search(s.text, own[1])
            previous = stop.start() if stop else len(s.text)


def _skipped(text: str, m: re.Match[str]) -> bool:
    return any(a <= m.start() < b for a, b in ((x.start(), x.end()) for x in _SKIP.finditer(text)))


#: A unit in brackets right after a bare figure: "2,403.8 (USD mn)", «1151,1 (млн долл.)».
_UNIT_AFTER = re.compile(
    r"\s*\(\s*(?:USD|US\$|\$)\s*(?P<scale>mn|m|millions?|bn|billions?)\s*\)|"
    r"\s*\(\s*(?P<scale2>млн|млрд)\.?\s*(?:долл\w*\.?|USD|\$)\s*\)", re.IGNORECASE)  # fmt: skip
#: The second figure of a range of percentages: "to 15 percent", «до 13%».
_RANGE_PCT = re.compile(
    r"\s*(?:до|to)\s*(?:(?:under|over|about|almost|nearly|почти|около)\s+)?"
    "(?:" + NUMBER + r")\s?(?:%|per ?cent\b|percent\b|процент)",
    re.IGNORECASE,
)
#: "(from 86.1) to $140.3 million", "(с 86,1) до 140,3 млн долларов".
_RANGE_TO = re.compile(
    r"\s*(?:до|to)\s*(?:US\$|\$|USD\s?)?(?:" + NUMBER + r")\s?(?P<scale>" + _SCALE_WORDS
    + r")\b\.?\s*(?:" + _DOLLARS + r")", re.IGNORECASE)  # fmt: skip


#: The second of two figures joined by "and", with its unit: " и 321,0 млн", " and 321.0 million".
_PAIR_AND = re.compile(
    r"\s+(?:и|and)\s+(?P<usd0>US\$|\$|USD\s?)?(?:" + NUMBER + r")\s?(?P<scale>" + _SCALE_WORDS
    + r")\b\.?(?P<usd>\s*(?:" + _DOLLARS + r"))?",
    re.IGNORECASE)  # fmt: skip


def _in_scale(num: str, scale: str, lang: str) -> Quantity:
    """A bare number in dollars of ``scale`` («млн», "bn"), to its last digit."""
    value = wording.parse_money(f"{num} {scale}", lang=lang)
    step = _FACTORS.get(scale, 1.0) * 10.0 ** -decimals(num, lang=lang)
    return quantity(value, "usd", step)


def _bare(  # noqa: PLR0911 - one return per way a bare figure takes its unit
    m: re.Match[str], s: Sentence, scale: str | None, headed: str | None = None
) -> tuple[int, int, str, Quantity | None, str | None, str]:
    """A number with no unit: money when an amount set the unit and the words say so.

    ``headed``: the unit a heading over the list names; its items' figures are in it, said.
    """
    before = s.text[max(0, m.start() - 30) : m.start()]
    lang = "en" if "." in m["num"] else s.lang
    unit = _UNIT_AFTER.match(s.text, m.end())
    if unit is not None:
        # "a 2020 total of 2,403.8 (USD mn)": the unit in brackets after the figure; the bare
        # figures after it go on in it ("vs 1,849.1 for 2019").
        said = _scale_name(unit["scale"] or unit["scale2"])
        said = {"mn": "million", "m": "million", "bn": "billion"}.get(said.lower(), said)
        return m.start(), m.end(), "amount", _in_scale(m["num"], said, lang), said, "bare"
    upto = _RANGE_TO.match(s.text, m.end())
    ranged = upto is not None and re.search(r"(?:\bfrom|\bс)\s*$", before, re.IGNORECASE)
    if upto is not None and ranged:
        # "с 86,1 до 140,3 млн долларов": the first figure takes the second's unit.
        scale = _scale_name(upto["scale"])
    if re.search(r"(?:\bfrom|\bс)\s*$", before, re.IGNORECASE) and _RANGE_PCT.match(
        s.text, m.end()
    ):
        # "their joint share dropped from 24 to 15 percent", «снизился с 21 до 13%»: the first
        # figure takes the second's unit, a level as it is (a rate where the words name one).
        step = 10.0 ** -decimals(m["num"], lang=lang)
        q = quantity(wording.parse_percent(m["num"] + "%", lang=lang), "pct", step)
        clause = re.split(r"[;:]|\.(?!\d)", s.text[: m.start()])[-1]
        return (
            m.start(),
            m.end(),
            "growth" if _RATE_NOUN.search(clause) else "share",
            q,
            None,
            "bare",
        )
    pair = _PAIR_AND.match(s.text, m.end())
    if pair is not None and (scale or pair["usd0"] or pair["usd"]):
        # «у Кореи и Японии — 366,9 и 321,0 млн», "366.9 and 321.0 million": the first of two
        # figures joined by "and" takes the unit of the second (after amounts in dollars).
        scale = _scale_name(pair["scale"])
        return m.start(), m.end(), "amount", _in_scale(m["num"], scale, lang), scale, "bare"
    if scale and (ranged or re.search(f"(?:{_MONEY_CONTEXT})\\W*$", before, re.IGNORECASE)):
        return m.start(), m.end(), "amount", _in_scale(m["num"], scale, lang), scale, "bare"
    rate = _GAPPED_RATE.search(s.text[: m.start()])
    if rate is not None and re.match(r"\s*(?:[.,;)]|$)", s.text[m.end() :]):
        # "India's purchases rose by 63 per cent, Korea's by 60": the verb and its unit go on.
        step = 10.0 ** -decimals(m["num"], lang=lang)
        q = quantity(wording.parse_percent(m["num"] + "%", lang=lang), "pct", step)
        falls = re.fullmatch(f"(?:{FALL})", rate["verb"], re.IGNORECASE) is not None
        return m.start(), m.end(), "growth", negate(q) if falls else q, None, "bare"
    if headed and _LISTED_DASH.search(s.text[: m.start()]) and _LIST_END.match(s.text, m.end()):
        # «млн долл.:» over «газ — 612,6;»: the heading says the unit.
        return m.start(), m.end(), "amount", _in_scale(m["num"], headed, lang), headed, "headed"
    if (
        scale
        and (_LISTED.search(before) or _LISTED_DASH.search(s.text[: m.start()]))
        and (_LIST_END.match(s.text, m.end()))
    ):
        # «Китай 563, Япония 512, Германия 250», «85-я 774»: a name and its figure in a list,
        # after amounts in dollars; its unit is a guess (resolve never flags it).
        return m.start(), m.end(), "amount", _in_scale(m["num"], scale, lang), scale, "listed"
    return m.start(), m.end(), "", None, None, "bare"


#: A rate of growth and, after a comma, another subject's rate with the verb and the unit left
#: out: "India's purchases rose by 63 per cent, Korea's by 60" («в Индию — на 63%, в Корею на 60»).
_GAPPED_RATE = re.compile(
    rf"(?P<verb>{GROWTH}|{FALL})\s+(?:by|на)\s+(?:{NUMBER})\s?"
    r"(?:%|per ?cent\b|percent\b|процент\w*)"
    r"\s*,\s*(?:and\s+|и\s+|а\s+)?(?:[\w'’-]+\s+){1,3}(?:by|на)\s+$",
    re.IGNORECASE,
)


#: A name heading a bare figure in a list: a capitalised word («Китай 563», «Южная Корея 366»)
#: or a chapter's ordinal («85-я 774»), at the start of its clause.
_LISTED = re.compile(r"(?:^|[,;:—–]\s*|\]\s*)(?:[A-ZА-ЯЁ][a-zа-яё-]+(?:\s+[A-ZА-ЯЁ][a-zа-яё-]+)?|"
                     r"\d{2}-[яй])\s+$")  # fmt: skip
#: Goods heading a bare figure after a dash, at the start of a list's item: «газ — 612,6;»,
#: «нефтепродукты — 22,5; некрашеная бумага — 14,5».
_LISTED_DASH = re.compile(r"(?:^|[;:]\s*)[^\W\d](?:[^\d;:—–.]|(?<=\s)\d{2,6}\b){0,50}?\s[—–]\s*$")
#: The end of a figure of such a list: a comma, a full stop or the end of the line.
_LIST_END = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:[,;]|\.(?!\d)|$)", re.MULTILINE)


_VERB_BEFORE = re.compile(
    f"(?:(?:{GROWTH}|{FALL}|grown on)\\s+(?:by\\s+|on\\s+|на\\s+)?|\\bby\\s+|на\\s+)$", _I
)


def _with_verb(text: str, a: int, b: str | int, kind: str) -> tuple[int, str]:
    """The claim's own words: its figure, and the verb of growth right before it."""
    end = int(b)
    if kind in ("growth", "multiple", "change"):
        m = _VERB_BEFORE.search(text[max(0, a - 30) : a])
        if m is not None:
            a -= len(m.group())
    return a, text[a:end]


def _whole(text: str, end: int) -> tuple[int, int] | None:
    """The words naming a share's total: from the share to the next comma or claim."""
    # "two dollars in every five spent on imports": the whole is what was spent on.
    m = re.match(r"\s*(?:(?:of|от|из|spent\s+on|paid\s+for|earned\s+(?:on|from))\b|"
                 r"(?=(?:всего |всех |общего |совокупного )?(?:экспорт|"
                 r"импорт|поставок|закуп|товарооборот|продаж))|(?=(?:всего |всех |общего )?"
                 r"(?P<noun>[^\W\d]+)))"
                 r"(?:(?!\s(?:and|while|but|whereas|и|а|но|против|against|versus|compared)\s)"
                 r"[^,;:—–.])*",
                 text[end:], re.IGNORECASE)  # fmt: skip
    if m is not None and m["noun"] and not flow_noun_after(text[end:]):
        return None
    if m is not None and m["noun"]:
        # «40% ввоза приходится на Китай»: the whole ends before a verb.
        verb = next((w for w in re.finditer(r"[а-яё]+", m.group(), re.IGNORECASE)
                     if frames.verb(w.group())), None)  # fmt: skip
        return (end, end + (verb.start() if verb else m.end()))
    if m is not None:
        # "A quarter of our exports goes to the Netherlands", «треть нашего экспорта уходит в
        # Китай», "a fifth of what we import is German": the whole ends before the verb that
        # says where the part goes or whose it is (not a relative clause's: "of what goes to").
        verb = _WHOLE_ENDS.search(m.group())
        if verb is not None:
            return (end, end + verb.start())
    return None if m is None else (end, end + m.end())


#: A share's whole said before its figure: "the share of chapter 27 in Chile's imports from
#: Argentina", "its weight in total purchases".
_SHARE_IN = re.compile(
    r"\b(?:share|weight|portion)\s+(?:of\s+[^,;:.()]{1,60}?\s+)?in\s+"
    r"(?P<w>(?:[\w'’-]+\s+){0,3}?(?:exports|imports|sales|purchases|trade|turnover)\b"
    r"(?:\s+(?:from|to|with)\s+(?:the\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?)?)",
    re.IGNORECASE,
)


def _whole_before(text: str, a: int) -> tuple[int, int] | None:
    """A share's whole named before its figure at ``a``, in the figure's clause.

    >>> t = "The share of fuels in Chile's imports from Argentina rose to 45 percent."
    >>> lo, hi = _whole_before(t, t.index("45"))
    >>> t[lo:hi]
    "Chile's imports from Argentina"
    """
    found = [m for m in _SHARE_IN.finditer(text, 0, a) if not re.search(r"[;:]", text[m.end() : a])]
    return (found[-1].start("w"), found[-1].end("w")) if found else None


def part_after(text: str, hi: int) -> bool:
    """Whether a share's whole ending at ``hi`` is followed by the verb that says its part.

    >>> t = "A quarter of our exports goes to the Netherlands."
    >>> part_after(t, t.index(" goes"))
    True
    """
    while hi > 0 and text[hi - 1].isspace():
        hi -= 1  # «нашего экспорта уходит»: the Russian whole ends at the verb's first letter
    return _WHOLE_ENDS.match(text, hi) is not None


#: The verb after a share's whole that says the part: "goes to", "is German", «уходит в».
_WHOLE_ENDS = re.compile(
    r"(?<!\bwhat)(?<!\bthat)(?<!\bwhich)(?<!\bwho)(?<!\bчто)(?<!\bкоторый)(?<!\bкоторая)"
    r"(?<!\bкоторое)(?<!\bкоторые)(?<=[\w%])\s+(?:goes|go|went|is|are|was|were|comes|come|came|"
    r"heads|head|headed|lands|land|landed|ends up|ended up|flows|flowed|travels|travelled|"
    r"уходит|уходят|ушл[аио]|ушёл|приходится|приходятся|приходил(?:ся|ась|ось|ись)|"
    r"пришл[аио]с[ья]|пришёлся|идёт|идет|идут|шл[аио]|"
    r"шёл|направляется|направлялась|достаётся|достается|досталась|досталось)(?!\w)",
    re.IGNORECASE,
)


def flow_noun_after(text: str) -> bool:
    """Whether ``text`` starts with a noun of a flow, in any case, after adjectives.

    «Треть вывоза машин», «31% машиностроительного экспорта» (lemmas, data/grammar.yaml
    ``flows``).

    >>> flow_noun_after(" машиностроительного вывоза"), flow_noun_after(" вывоза машин")
    (True, True)
    >>> flow_noun_after(" машин"), flow_noun_after(" сам по себе")
    (False, False)
    """
    words = re.match(r"\s*(?:(?:всего|всех|общего|совокупного)\s+)?((?:[а-яё-]+\s+){0,2}[а-яё]+)",
                     text, re.IGNORECASE)  # fmt: skip
    if words is None:
        return False
    for word in words[1].split():
        if frames.lemma(word) in _flow_lemmas():
            return True
        # «23,4% стоимостного объёма экспорта»: the noun of a size goes on to its flow.
        if not frames.adjective(word) and frames.lemma(word) not in ("объём", "объем", "стоимость"):
            return False
    return False


@functools.cache
def _flow_lemmas() -> frozenset[str]:
    """The lemmas of the Russian words that name a flow (data/grammar.yaml, ``flows``)."""
    g = frames.grammar()
    return frozenset(
        w.replace("ё", "е")
        for entry in [*g["flows"].values(), g["purchases"]]
        for w in entry.get("ru") or []
    )


def trade_words(text: str) -> bool:
    """Whether ``text`` speaks of trade at all (exports, supplies, goods, ...).

    Examples
    --------
    >>> trade_words("Up to 90% of negotiations were held online"), trade_words("поставки выросли")
    (False, True)
    """
    # "blue recovers by an eighth" where the text defined "export blue": its own word.
    return _TRADE.search(text) is not None or frames.own_said(text)
