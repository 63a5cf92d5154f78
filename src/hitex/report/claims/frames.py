"""What a claim is about beyond its figure: flow, side of the balance, aggregation, count.

The words are data (``data/grammar.yaml``): English words are regular expressions, Russian
words are lemmas found with pymorphy3, so that "импорта", "импортом" and "импортные" all name
imports and a new phrasing is a line of the grammar, not new code.

>>> flow_at("Imports climbed to $4.59 billion, leaving a deficit of $86 million", 33)
('import', '')
>>> flow_at("Imports climbed to $4.59 billion, leaving a deficit of $86 million", 66)
('balance', 'deficit')
>>> flow_at("Импорт из Китая составил 1,83 млрд долларов", 40)
('import', '')
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import itertools
import re
from collections.abc import Iterator
from importlib import resources
from typing import Any

import yaml

from hitex.report.claims import numwords

__all__ = [
    "count_before",
    "counted_after",
    "counted_before",
    "demonstrative",
    "each_after",
    "each_in",
    "flow_at",
    "flow_spans",
    "flow_words_of",
    "lemmas",
    "own_said",
    "own_subject",
    "own_word_at",
    "partners_counted",
    "pronoun_at",
    "rank_field",
    "resets_subject",
    "unknown_product",
]

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")


@functools.cache
def grammar() -> dict[str, Any]:
    """The grammar file, read once."""
    path = resources.files("hitex.report.claims").joinpath("data", "grammar.yaml")
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")))


@functools.cache
def _morph() -> Any:
    import pymorphy3  # noqa: PLC0415 - loads its dictionaries (about a second) when first needed

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=20000)
def lemma(word: str) -> str:
    """The normal form of a Russian word (``импорта`` -> ``импорт``)."""
    return str(_morph().parse(word.lower())[0].normal_form).replace("ё", "е")


@functools.lru_cache(maxsize=20000)
def adjective(word: str) -> bool:
    """Whether a Russian word reads first as an adjective or participle (``машинного``)."""
    return str(_morph().parse(word.lower())[0].tag.POS) in ("ADJF", "PRTF")


@functools.lru_cache(maxsize=20000)
def verb(word: str) -> bool:
    """Whether a Russian word reads first as a verb (``приходится``, ``дают``)."""
    return str(_morph().parse(word.lower())[0].tag.POS) in ("VERB", "INFN", "GRND")


def lemmas(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lemma) of each Russian word of ``text``."""
    return [(m.start(), m.end(), lemma(m.group())) for m in _WORD.finditer(text)]


def _ru(words: list[str]) -> set[str]:
    return {w.replace("ё", "е") for w in words}


def _en(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + ")", re.IGNORECASE)


def _mentions(text: str, entry: dict[str, list[str]]) -> list[tuple[int, int]]:
    """Where ``text`` says one of ``entry``'s words (English regexes, Russian lemmas)."""
    out = [(m.start(), m.end()) for m in _en(entry.get("en") or []).finditer(text)]
    if re.search("[а-яё]", text, re.IGNORECASE) and entry.get("ru"):
        words = _ru(entry["ru"])
        out += [(a, b) for a, b, w in lemmas(text) if w in words]
    return sorted(out)


_PARTNER_BEFORE = re.compile(
    r"(?:[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ][\w-]+)*|[а-яё]+(?:ск|цк)\w+\s+\w+|"
    r"(?:Indian|Chinese|Japanese|\w+ian|\w+ese)\s+\w+|"
    # "Kazakhstan's electrical purchases": a partner's goods between it and the word.
    r"[A-Z][\w-]+['’]s(?:\s+[a-z][\w-]+){1,2})"
    # "Japan cut its purchases", «Франция сократила закупки»: a verb of change between.
    r"(?:\s+(?:had|has|have))?"
    r"(?:\s+(?:cut|increased|reduced|raised|boosted|slashed|doubled|tripled|trebled|quadrupled|"
    r"halved|увеличил\w*|нарастил\w*|удвоил\w*|утроил\w*|"
    r"сократил\w*|уменьшил\w*|снизил\w*)(?:\s+(?:its|their|свои|свой))?)?\s*$"
)


#: Partners counted or picked out just before a verb of buying: «каждая из 12 крупнейших
#: закупила», «пять из них купили» (they buy).
_COUNTED_BEFORE = re.compile(
    r"(?<!\w)[а-яё]+\s+из\s+(?:них|\d{1,3}(?:\s+[а-яё]+)?|[а-яё]+(?:\s+[а-яё]+)?)\s*$",
    re.IGNORECASE,
)


#: A name, a few words and then a pronoun of the third person right before a verb of buying:
#: «Япония вторая, она купила на 511,7 млн», "Japan came second; it bought $512m": the named
#: one buys.
_NAMED_THEN_PRONOUN = re.compile(r"[A-ZА-ЯЁ][\w-]+[^.!?;]{0,40}?,\s*(?:она|он|они|оно|it|they)\s+$")


_ADJ = "(?:ый|ий|ой|ое|ее|ая|яя|ые|ие|ым|им|ей|ого|его|ому|ему|ую|юю|ыми|ими|ых|их|ом|ем)"

#: The text's own words for the flows (pattern, flow), read by :func:`flow_words_of`.
_OWN: contextvars.ContextVar[tuple[tuple[str, str], ...]] = contextvars.ContextVar(
    "own_flow_words", default=()
)


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(w.replace("{adj}", _ADJ) for w in words) + ")"


def own_flow_words(text: str) -> tuple[tuple[str, str], ...]:
    """The words ``text`` defines for the flows, as (pattern, flow).

    >>> own_flow_words("Yarn: two colours, export blue and import red.")
    (('blue', 'export'), ('red', 'import'))
    >>> own_flow_words("Условные цвета: синим — экспорт, красным — импорт.")[0][1]
    'export'
    >>> own_flow_words("Portugal's exports in the red wine trade")
    ()
    """
    g = grammar()["own_words"]
    carrier = _alt(g["carriers"])
    stop = r"(?=\s*(?:[,;.:)]|$|(?:and|или|и|а)(?!\w)))"
    found: dict[str, set[str]] = {}
    for word in g["words"]:
        colour = word.replace("{adj}", _ADJ)
        for flow, says in g["flows"].items():
            said = _alt(says)
            # "export blue", "exports in blue", «экспорт — синим», «экспорт синим цветом».
            first = (
                rf"(?<![\w-]){said}\s*(?:[:=—–-]\s*|\s(?:in|as|is)\s+|\s)"
                rf"(?:{carrier}\s+)?{colour}(?![\w-])(?:\s+{carrier})?{stop}"
            )
            # "blue = exports", "blue for exports", «синим — экспорт», «синий цвет — импорт».
            then = (
                rf"(?<![\w-]){colour}(?:\s+{carrier})?\s*(?:[:=—–-]|\s(?:is|are|for|means|"
                rf"shows?|stands? for|marks?|обозначает|означает|показывает)\s)\s*"
                rf"(?:the\s+)?{said}{stop}"
            )
            if re.search(first, text, re.IGNORECASE | re.MULTILINE) or re.search(
                then, text, re.IGNORECASE | re.MULTILINE
            ):
                found.setdefault(colour, set()).add(flow)
    # A word defined for both flows names neither.
    return tuple((w, next(iter(f))) for w, f in found.items() if len(f) == 1)


@contextlib.contextmanager
def flow_words_of(text: str) -> Iterator[None]:
    """Read the flows by the words ``text`` defines for them while checking it."""
    token = _OWN.set(own_flow_words(text))
    try:
        yield
    finally:
        _OWN.reset(token)


def own_word_at(text: str, at: int) -> bool:
    """Whether ``text`` says one of the text's own words for a flow at ``at`` ("blue")."""
    return any(re.match(rf"{word}(?![\w-])", text[at:], re.IGNORECASE) for word, _ in _OWN.get())


def own_said(text: str) -> bool:
    """Whether ``text`` says one of the text's own words for a flow ("blue recovers")."""
    return bool(_own_flows(text))


def _own_flows(text: str) -> list[tuple[int, str, str]]:
    """(position, flow, "") of each of the text's own words for a flow that ``text`` says.

    "blue recovers by an eighth": exports where the text defined blue as exports; "both colours
    together": the turnover; "the red margin" the balance; not "in the red" (a deficit).
    """
    own = _OWN.get()
    if not own:
        return []
    g = grammar()["own_words"]
    found: list[tuple[int, str, str]] = []
    if len({f for _, f in own}) == 2:
        found += [(m.start(), "turnover", "") for m in re.finditer(
            rf"(?<![\w-]){_alt(g['both'])}(?![\w-])", text, re.IGNORECASE)]  # fmt: skip
    other = _alt(g["not_flow"])
    for word, flow in own:
        for m in re.finditer(rf"(?<![\w-]){word}(?![\w-])", text, re.IGNORECASE):
            if re.match(rf"\s+{other}(?![\w-])", text[m.end() :], re.IGNORECASE):
                # "the red margin", «красный разрыв»: the gap between the two, the balance, on
                # the side where that flow is the larger (imports: a deficit).
                found.append((m.start(), "balance", "deficit" if flow == "import" else "surplus"))
                continue
            if re.search(r"(?<![\w-])in\s+the\s+$", text[: m.start()], re.IGNORECASE):
                continue
            found.append((m.start(), flow, ""))
    return found


def flow_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` says a flow word of the grammar (any flow), as (start, end)."""
    return sorted(ab for entry in grammar()["flows"].values() for ab in _mentions(text, entry))


#: Where the goods a word of buying names come from: a partner («у Аргентины», "from
#: Argentina") or the speaker or the reporter by its noun ("from us", «у нас», «у столицы»).
_BOUGHT_FROM = re.compile(r"\s*(?:\w+\s+){0,2}(?:(?P<us>from\s+(?:(?-i:us|me)|the\s+(?:city|"
                          r"capital|country|region))|у\s+(?:нас|меня|города|столицы|страны|"
                          r"региона))(?!\w)|(?:from|из|у)(?!\w)|в\s+(?=(?-i:[А-ЯЁ])))",
                          re.IGNORECASE)  # fmt: skip


def flows(text: str) -> list[tuple[int, str, str]]:
    """(position, flow, side) of every word of ``text`` that names a flow."""
    g = grammar()
    found: list[tuple[int, str, str]] = []
    # "разрыв с импортом", "the gap with imports": the flow word names the balance's side.
    ends = [b for a, b in _mentions(text, g["flows"]["balance"])]
    for flow, entry in g["flows"].items():
        for a, b in _mentions(text, entry):
            if flow != "balance" and any(re.fullmatch(r"\s+(?:с|со|with)\s+", text[e:a], re.I)
                                         for e in ends if e <= a):  # fmt: skip
                continue
            side = ""
            if flow == "balance":
                sides = [s for s, e in g["sides"].items() if _mentions(text[a:b], e)]
                # "the balance with Germany was negative": the side said just after the word.
                near = re.split(r"[,;.]|\b(?:and|but|while|и|а|но)\b", text[b : b + 30])[0]
                sides = sides or [s for s, e in g["sides"].items() if _mentions(near, e)]
                side = sides[0] if sides else ""
            if (
                flow == "export"
                and re.match(r"\s+из\b", text[b:], re.IGNORECASE)
                and re.match(r"постав|ввоз", text[a:b], re.IGNORECASE)
            ):
                # "поставки из Китая"; not "exports from Moscow" (the reporter's).
                flow_ = "import"
            else:
                flow_ = flow
            found.append((a, flow_, side))
    found += _own_flows(text)
    bought: list[str] = []
    b_last = 0
    for a, b in _mentions(text, g["purchases"]):
        # Purchases from a partner are imports («купила у Аргентины»); from the speaker («её
        # закупки у нас», "their purchases from us") the reporter's exports; otherwise partners
        # are buying (exports).
        source = _BOUGHT_FROM.match(text, b, b + 60)
        if source is not None:
            found.append((a, "export" if source["us"] else "import", ""))
            continue
        near = text[max(0, a - 40) : a]
        if re.search(r"\bimporters?\b|\bимпортер\w*|\bимпортёр\w*", near, re.IGNORECASE):
            # "importers in Moscow, whose purchases": what the reporter's importers buy.
            found.append((a, "import", ""))
            continue
        nouns = _en(g["partner_nouns"]["en"]).search(near) or any(
            w in _ru(g["partner_nouns"]["ru"]) for _, _, w in lemmas(near)
        )
        # "Germany, third, bought": an aside between the partner and the verb.
        # "Uzbekistan, a modest friend, raised its orders": an aside before the verb too.
        bare = re.sub(
            r"\s*,\s*[^,;.]{1,30},\s*(?=(?:[^\W\d]+\s+){0,2}$)", " ", text[max(0, a - 70) : a]
        )
        named_then_it = _NAMED_THEN_PRONOUN.search(text[max(0, a - 60) : a]) is not None
        partner_first = (_PARTNER_BEFORE.search(bare) is not None or bool(nouns)
                         or _COUNTED_BEFORE.search(near) is not None or named_then_it)  # fmt: skip
        if not partner_first and _BOUGHT_PASSIVE.fullmatch(text[a:b]):
            # «нефтепродуктов закуплено на 298 млн»: bought, no buyer named: the reporter's.
            found.append((a, "import", ""))
            continue
        partner_named = re.search(r"(?<!^)(?<![.!?]\s)\b[A-ZА-ЯЁ][a-zа-яё]{2,}", text) is not None
        # «Японские компании приобрели московских товаров на 511,7 млн, нарастив закупки на
        # 26%»: purchases said again after a partner's buying are the same partner's.
        again = bool(bought) and bought[-1] == "export" and not re.search(r"[.;]", text[b_last:a])
        # «продукцию покупали 22 страны»: the countries counted buy, the reporter's exports.
        again = again or bool(re.match(r"[а-яё]*\s+(?:\d+|[а-яё]+)\s+(?:стран|государств|"
                                       r"партн[её]р)", text[b:], re.IGNORECASE))  # fmt: skip
        bought.append("export" if (partner_first and a > 0) or partner_named or again
                      else "import")  # fmt: skip
        b_last = b
        found.append((a, bought[-1], ""))
    found = _summed(text, sorted(found))
    # "an negative balance" / "отрицательное сальдо": the side word comes first.
    out = []
    for a, flow, said in sorted(found):
        side = said
        if flow == "balance" and not side:
            near = text[max(0, a - 25) : a + 100]
            sides = [s for s, e in g["sides"].items() if _mentions(near, e)]
            side = sides[0] if sides else ""
        out.append((a, flow, side))
    return _dedupe(out)


def _summed(text: str, found: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """``found`` with the second of two flows said together read as their sum (turnover).

    "Purchases and sales together topped $5bn", «вместе покупки и продажи превысили 5 млрд»:
    the two flow words joined by "and" (or «и», "plus"), a word of the grammar's ``together``
    right before the first or right after the second.
    """
    together = _en(grammar()["together"])
    out = list(found)
    for i, ((a1, f1, _), (a2, f2, _)) in enumerate(itertools.pairwise(found)):
        if {f1, f2} != {"export", "import"}:
            continue
        if not re.fullmatch(r"[^\W\d]+\s+(?:and|plus|и|плюс)\s+", text[a1:a2], re.IGNORECASE):
            continue
        before = re.search(r"(?:" + together.pattern + r")\s*,?\s*$", text[:a1], re.IGNORECASE)
        after = together.match(re.sub(r"^[^\W\d]+\s*,?\s*", "", text[a2:]))
        if before is not None or after is not None:
            out[i + 1] = (a2, "turnover", "")
    return out


def purchase_words() -> str:
    """The English words of buying (grammar ``purchases``), one regular expression."""
    return "(?:" + "|".join(grammar()["purchases"]["en"]) + ")"


def side_in(text: str) -> str:
    """The side of the balance a word of ``text`` names («минус», "deficit"), if only one."""
    said = {side for side, entry in grammar()["sides"].items() if _mentions(text, entry)}
    return said.pop() if len(said) == 1 else ""


def size_last(text: str) -> bool:
    """Whether the last balance word of ``text`` names the balance's size, not its side.

    >>> size_last("Разрыв между ввозом и вывозом то расширялся, то сужался.")
    True
    >>> size_last("Разрыв сменился дефицитом"), size_last("The gap was $1bn")
    (False, False)
    """
    g = grammar()
    balance = [a for a, flow, _ in flows(text) if flow == "balance"]
    sized = _mentions(text, g["sizes"])
    return bool(balance and sized) and sized[-1][0] >= balance[-1] and not side_in(text)


def _dedupe(found: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    for item in found:
        if out and out[-1][0] == item[0]:
            # The more specific reading of one word wins (balance over export, import over export).
            if item[1] in ("balance", "turnover", "import"):
                out[-1] = item
            continue
        out.append(item)
    return out


def other_way(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is said of the other flow (grammar ``other_way``).

    >>> t = "China supplied $1.83 billion against $200 million that went the other way."
    >>> other_way(t, t.index(" that")), other_way(t, t.index(" against"))
    (True, False)
    """
    return _en(grammar()["other_way"]["en"]).match(text[end:].lstrip(" ,")) is not None


def other_way_in(text: str) -> bool:
    """Whether ``text`` (the words between two figures) says the next goes the other way.

    >>> other_way_in(". And the lorries going back the other way? Only ")
    True
    """
    return _en(grammar()["other_way"]["en"]).search(text) is not None


def pronoun_first(text: str) -> bool:
    """Whether ``text`` says a pronoun (grammar ``pronouns``) before any flow word.

    >>> pronoun_first("In 2016 it fell to $150 million, and exports covered 89.5% of imports.")
    True
    >>> pronoun_first("Exports rose; it was a record."), pronoun_first("В 2007 г. он опускался.")
    (False, True)
    """
    said = _mentions(text, grammar()["pronouns"])
    named = flows(text)
    return bool(said) and (not named or said[0][0] < named[0][0])


def pronoun_at(text: str) -> int | None:
    """Where ``text`` says its first pronoun (grammar ``pronouns``), if any.

    >>> pronoun_at("Paper came to $33.3 million, and it tripled.")
    33
    """
    said = _mentions(text, grammar()["pronouns"])
    return said[0][0] if said else None


def flow_at(text: str, end: int, start: int = 0) -> tuple[str, str] | None:
    """The flow (and balance side) a claim ending at ``end`` is about.

    The nearest flow word before its end (from ``start``), else the first after it; ``None``
    when the sentence names none.
    """
    found = flows(text)
    # "$4.6 billion of imports", "2 млрд долларов импорта": a flow named right after the figure.
    # Not past a stop: «минимум с 2001 г.; покрытие импорта» names no flow of the record.
    right_after = [(a, flow, side) for a, flow, side in found if end <= a <= end + 14
                   and not re.search(r"[;,:()—–]|\.\s", text[end:a])]  # fmt: skip
    # «При экспорте 33,3 млн и импорте 67,9 млн»: a flow word after «и» names the next figure.
    if right_after and re.match(r"\s*(?:of|in|worth of|(?!(?:и|а|но|или)\s)(?=[А-Яа-яЁё])|"
                                r"(?=(?:going|went|coming|came|flowing)\s))\s*\w*",
                                text[end : end + 14]):  # fmt: skip
        return right_after[0][1:]
    if right_after and right_after[0][1] == "balance" and re.fullmatch(
            r"\s*(?:trade\s+)?", text[end : right_after[0][0]]):  # fmt: skip
        # "we run a $418 million deficit": the balance word right after the figure.
        return right_after[0][1:]
    # «с США дефицит 417,9 млн (экспорт 270, импорт 687,9), с Кореей — минус 206,7 млн»: a flow
    # word inside brackets closed before the figure is the flow of the aside, not of the figure.
    asides = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text) if m.end() <= end]
    before = [(flow, side) for a, flow, side in found if start <= a < end
              and not any(i < a < j for i, j in asides)]  # fmt: skip
    if before:
        return before[-1]
    # "$687.9 million, 15% of all imports", «687,9 млн, 15% всего ввоза»: a flow word after
    # another figure is that figure's (the share's whole), not this one's.
    after = [
        (flow, side)
        for a, flow, side in found
        if a >= end and not re.search(r"\d\s*(?:%|per\s*cent|процент)", text[end:a], re.IGNORECASE)
    ]
    return after[0] if after else None


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
                "nineteen": 19, "twenty": 20, "два": 2, "две": 2, "три": 3, "четыре": 4,
                "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
                "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
                "пятнадцать": 15, "двадцать": 20}  # fmt: skip
# Tens and their compounds, up to ninety-nine: "thirty-nine", "twenty five", «тридцать девять».
_TENS_EN = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TENS_RU = ("двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
            "восемьдесят", "девяносто")  # fmt: skip
_UNITS_EN = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_UNITS_RU = ("один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять")
for _i, (_en_ten, _ru_ten) in enumerate(zip(_TENS_EN, _TENS_RU, strict=True)):
    _COUNT_WORDS[_en_ten] = _COUNT_WORDS[_ru_ten] = 10 * (_i + 2)
    for _j, (_en_unit, _ru_unit) in enumerate(zip(_UNITS_EN, _UNITS_RU, strict=True)):
        for _sep in ("-", " "):
            _COUNT_WORDS[f"{_en_ten}{_sep}{_en_unit}"] = 10 * (_i + 2) + _j + 1
        _COUNT_WORDS[f"{_ru_ten} {_ru_unit}"] = 10 * (_i + 2) + _j + 1
# Every count from two to ninety-nine in words, Russian in every case («двадцати двух»).
_COUNT_WORDS.update(numwords.COUNTS)


def each_after(text: str, end: int, start: int) -> bool:
    """Whether the amount ``text[start:end]`` is said of each of several partners."""
    g = grammar()["each"]
    tail = text[end : end + 25]
    ru = re.match(r"\s*кажд\w+(?!\s+" + _TIMES + ")", tail, re.IGNORECASE)
    if _en(g["en"]).match(tail.lstrip()) or ru:
        return True
    by = re.search(r"(?<!\w)по\s+((?:\S+\s+){0,3})$", text[max(0, start - 30) : start])
    # «по 250 млн», «по более чем 250 млн»: «по» of each; not «по этой позиции невелик: 43 млн»
    # (of which goods), whose words between are a noun and a colon.
    return (
        by is not None
        and not re.search(r"[:;—–]", by[1])
        and not any(
            "NOUN" in _morph().parse(by[1][a:b].lower())[0].tag for a, b, _ in lemmas(by[1])
        )
    )


def collective(text: str) -> tuple[int, int] | None:
    """(where, how many) of a noun that counts the partners just named, after a demonstrative.

    Its words are the grammar's ``collectives`` (lemmas): «это пятёрка», «эту тройку».

    >>> collective("Нидерланды, Германия, Франция — это тройка, у неё 45%")
    (36, 3)
    """
    counts = {k.replace("ё", "е"): v for k, v in grammar()["collectives"]["ru"].items()}
    words = lemmas(text)
    for (_, _, this), (a, _, noun) in itertools.pairwise(words):
        if this in ("это", "этот") and noun in counts:
            return a, counts[noun]
    return None


def each_in(text: str) -> bool:
    """Whether the sentence says its figures of each partner ("each", "apiece", "каждая")."""
    g = grammar()["each"]
    if _en(g["en"]).search(text):
        return True
    return any(lem in _ru(g["ru"]) for _, _, lem in lemmas(re.sub(_EVERY_TIME, "", text)))


#: Times "каждый" says nothing of partners with: "каждый месяц", "ежегодно".
_TIMES = r"(?:месяц|год|квартал|недел|ден|дн)\w*"
_EVERY_TIME = re.compile(r"кажд\w+\s+" + _TIMES, re.IGNORECASE)


def count_before(text: str, start: int, before: str = "") -> int | None:
    """How many partners an "each" claim counts ("Five markets", "пять стран"), or ``None``."""
    found = counted_before(text, start, before)
    return found[0] if found and found[1] == "partner" else None


#: A count that names what it counts by a pronoun: "Five of them", "three of these".
_OF_THEM = re.compile(r"\s+of\s+(?:them|these|those)\b", re.IGNORECASE)


def counted_before(text: str, start: int, before: str = "") -> tuple[int | None, str] | None:
    """What an "each" claim counts: (how many, ``partner`` or a level of goods), or ``None``.

    The level of goods is ``chapter``, ``heading`` or ``product`` (HS 2, 4 or 6 digits), from
    the grammar's ``goods_nouns`` ("Five chapters each", "три товарные группы"). The nearest
    count before the figure wins; a count in words with no noun ("and fourteen sold more than
    $5 million apiece") counts what the count before it in the sentence counted. The count is
    ``None`` when goods are named without a number ("several chapters each").

    >>> counted_before("Five markets took more than $250 million each", 28)
    (5, 'partner')
    >>> counted_before("Three HS chapters each topped $20 million", 31)
    (3, 'chapter')
    >>> counted_before("Two chapters topped $9 million each, and eleven sold $1 million each", 52)
    (11, 'chapter')
    >>> counted_before("In 2021 five markets took more than $250 million each", 36)
    (5, 'partner')

    A count "of them" counts what the sentence ``before`` counted ("Sweden comes last of the
    fourteen buyers. Five of them took over $300 million each").

    >>> counted_before("Five of them took over $300 million each", 23, "last of the 14 buyers.")
    (5, 'partner')
    """
    g = grammar()
    nouns = {"partner": g["partner_nouns"], **g["goods_nouns"]}
    # «каждая из шести крупнейших»: a Russian count in any case is its nominative.
    head = _RU_COUNT.sub(lambda w: _nominative(w.group()), text[:start])
    # "seven of our export chapters", "five of Chile's markets": the count of the noun after.
    head = _OF_OWNER.sub(" ", head)
    words = "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
    counts: list[tuple[int, str | None]] = []
    them = False  # whether a count is "N of them" (or opens the sentence with no noun)
    # A year is no count ("In 2021 five markets took ..."): the count after it is.
    # "Twelve bought above $50 million and six above $100 million": a count in words right
    # before the figure has no noun after it.
    for m in re.finditer(rf"(?<![\w$.,])({words}|(?!(?:19|20)\d\d\b)\d+)(?:\s+(\w+))?"
                         rf"(?:\s+(\w+))?(?:\s+(\w+))?(?!\w)",
                         head, re.IGNORECASE):  # fmt: skip
        n = int(m[1]) if m[1].isdigit() else _COUNT_WORDS[m[1].lower()]
        seq = [w for w in (m[2], m[3], m[4]) if w]
        level = None
        # Two words before one ("product groups" before "product").
        for noun in [" ".join(p) for p in itertools.pairwise(seq)] + seq:
            level = next((lv for lv, says in nouns.items() if _names(noun, says)), None)
            if level is not None:
                break
        if level is None and _EACH_OF.search(head, 0, m.start()) and _partners_said(head):
            # «число стран выросло до 22, и каждая из 12 крупнейших закупила свыше 50 млн»:
            # the noun left out is the partners the sentence counts.
            level = "partner"
        if level is not None or not m[1].isdigit():
            counts.append((n, level))
            # "Five of them", and a count opening its sentence with no noun ("Twenty-two
            # partners in 2020. Twelve bought above $50 million"): what the sentence before
            # counted; a count after it with no noun counts the same ("and six above").
            them = them or (level is None and (_OF_THEM.match(head, m.end(1)) is not None
                                               or not head[: m.start()].strip()))  # fmt: skip
    if counts:
        n, level = counts[-1]
        if level is None:
            level = next((lv for _, lv in reversed(counts) if lv is not None), None)
        if level is None and them and before:
            # "Five of them": what the sentence before counted, if it counted anything.
            found = counted_before(before, len(before))
            level = found[1] if found is not None and found[0] is not None else None
        if level is not None:
            return n, level
    for level, says in g["goods_nouns"].items():
        if _en(says["en"]).search(head) or any(w in _ru(says["ru"]) for _, _, w in lemmas(head)):
            return None, level
    return None


#: The owner between a count and its noun: "seven of our (Chile's) export chapters".
_OF_OWNER = re.compile(r"(?<=\w)\s+of\s+(?:our|its|their|[A-Z][\w-]*['’]s)\s+")
#: Russian counts in words, in any case («шести», «трёх», «двенадцати»).
_RU_COUNT = re.compile(
    r"(?<!\w)(?:одн|дв|тр|четыр|пят|шест|сем|восьм|восем|девят|десят|одиннадцат|"
    r"двенадцат|тринадцат|четырнадцат|пятнадцат|двадцат|тридцат|сорок|пятидесят|"
    r"шестидесят|семидесят|восьмидесят|девяност)[а-яё]*",
    re.IGNORECASE,
)


#: A count token: a number or a count word (English, or Russian in any case).
_COUNT_TOKEN = re.compile(
    r"(?<![\w$.,])(?:\d+|"
    + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
    + r"|"
    + _RU_COUNT.pattern[len("(?<!\\w)") :]
    + r")(?!\w)",
    re.IGNORECASE,
)
#: Words before a count that make its partners where the trade goes or comes from ("exports to
#: five markets", «поставки в пять стран»), not the ones who act.
_COUNT_PLACE = re.compile(
    r"(?<!\w)(?:to|from|with|among|across|into|in|for|by|of|between|в|во|из|с|со|по|между|на|"
    r"для|к|ко|среди|через)\s+(?:the\s+|its\s+|our\s+|their\s+)?$",
    re.IGNORECASE,
)


def partners_counted(clause: str) -> int | None:
    """How many partners a clause's own count names as those that act, or ``None``.

    "Twelve countries raised their purchases", «у двенадцати стран покупки выросли»: a count
    of partners that is the clause's subject (or owner); "exports to five markets" is not.

    >>> partners_counted("Twelve countries raised their purchases ")
    12
    >>> partners_counted("У двенадцати стран покупки выросли ")
    12
    >>> partners_counted("Exports to 22 countries rose ") is None
    True
    """
    found = counted_before(clause, len(clause))
    if found is None or found[1] != "partner" or found[0] is None:
        return None
    tokens = [m for m in _COUNT_TOKEN.finditer(clause)
              if not re.fullmatch(r"(?:19|20)\d\d", m.group())]  # fmt: skip
    if not tokens or _COUNT_PLACE.search(clause, 0, tokens[-1].start()):
        return None
    return found[0]


def bare_count(text: str) -> bool:
    """Whether ``text`` is a count alone, its noun left to the sentence before ("Twelve ").

    >>> bare_count("Twelve "), bare_count(" 12 "), bare_count("Twelve partners "), bare_count("")
    (True, True, False, False)
    """
    word = text.strip().lower()
    return word in _COUNT_WORDS or (word.isdigit() and not re.fullmatch(r"(?:19|20)\d\d", word))


def _nominative(word: str) -> str:
    """A Russian count word as :data:`_COUNT_WORDS` holds it, else the word as it is."""
    base = lemma(word)
    return base if base in _COUNT_WORDS or base == "один" else word  # «тридцать одна»


#: "each of the" before a count whose noun is left out: «каждая из 12 крупнейших».
_EACH_OF = re.compile(r"(?:(?<!\w)кажд\w+\s+из|\beach\s+of(?:\s+the)?)\s+$", re.IGNORECASE)


def counted_after(text: str, end: int) -> tuple[int, str] | None:
    """A count said after a dash that follows a threshold: (how many, what it counts), or None.

    «Экспортных глав свыше 1 млн — 39», «Рынков, куда продано больше чем на сто миллионов, —
    семь», "Markets over $100 million: seven". What it counts is the noun of the words before
    the figure (a level of goods, else partners).

    >>> t = "Экспортных глав свыше 1 млн — 39, было 29"
    >>> counted_after(t, t.index(" —"))
    (39, 'chapter')
    """
    m = re.match(r"\s*,?\s*(?:[—–:]|-\s)\s*(?P<n>\d{1,3}|[^\W\d]+(?:[\s-](?!штук)[^\W\d]+)?)"
                 r"(?:\s+штук\w*)?(?=\s*(?:[,.;)]|$))", text[end:])  # fmt: skip
    if m is None:
        return None
    word = m["n"].lower()
    if word.isdigit():
        n: int | None = int(word)
    else:
        n = _COUNT_WORDS.get(word) or _COUNT_WORDS.get(" ".join(lemma(w) for w in word.split()))
    if not n:
        return None
    head = re.split(r"[;!?]|\.\s+(?=[A-ZА-ЯЁ])", text[:end])[-1]
    g = grammar()
    for level, says in g["goods_nouns"].items():
        if _en(says["en"]).search(head) or any(w in _ru(says["ru"]) for _, _, w in lemmas(head)):
            return n, level
    return (n, "partner") if _partners_said(head) else None


def _partners_said(text: str) -> bool:
    """Whether ``text`` names partners by a noun ("countries", «стран-покупателей»)."""
    says = grammar()["partner_nouns"]
    words = _ru(says["ru"])
    return _en(says["en"]).search(text) is not None or any(
        words & set(w.split("-")) for _, _, w in lemmas(text)
    )


def _names(noun: str, says: dict[str, list[str]]) -> bool:
    """Whether ``noun`` (one word, or two English ones) is one of the grammar's words."""
    return bool(_en(says["en"]).fullmatch(noun)) or (
        " " not in noun and lemma(noun) in _ru(says["ru"])
    )


def resets_subject(text: str) -> bool:
    """Whether the words say the whole trade ("total exports", "всего экспорт")."""
    return _en(grammar()["totals"]["en"]).search(text) is not None


def own_subject(text: str) -> str | None:
    """The first word of a clause's own subject, after a semicolon (", and") and before its verb.

    ``text`` runs from the claim before to the claim's figure. Words of the grammar's
    ``general`` list and flow words are no subject; the caller knows no goods or partner there.

    >>> own_subject("; monitors and TV sets rose 41%"), own_subject(", and tyres fell 5%")
    ('monitors', 'tyres')
    >>> own_subject("; exports rose 41%") is None, own_subject(", up 26%") is None
    (True, True)
    >>> own_subject(", while two-way trade came to $9.2 billion") is None
    True
    """
    g = grammar()
    verbs = "|".join(g["clause_verbs"]["en"])
    # "; monitors rose 41%", ", and coated fabrics dropped 58%", ", while tyres fell".
    m = re.search(r"(?:;|,\s+(?:and|while|whereas|but))\s*((?:[A-Za-z][\w'’-]*\s+){1,4}?)(?:"
                  + verbs + r")\b", text, re.I)  # fmt: skip
    if m is None:
        return None
    skip = {w.lower() for w in g["general"]["en"]}
    flows = _en([w for entry in g["flows"].values() for w in entry["en"]])
    # "while two-way trade came to": a flow's words of several words name no subject either.
    said = flows.sub(" ", m[1].lower() + " ")
    words = [w for w in re.findall(r"[a-z][\w'’-]*", said)
             if w not in skip and not flows.match(w)]  # fmt: skip
    return words[0] if words else None


def demonstrative(text: str) -> str | None:
    """The noun a demonstrative names goods by ("of those instruments"), or ``None``.

    Nouns of the grammar's ``general``, ``partner_nouns`` and ``goods_nouns`` lists name no
    particular goods ("these markets", "such products" are read elsewhere).

    >>> demonstrative("Japan took $173m of those instruments, ahead of China at $96m")
    'instruments'
    >>> demonstrative("these markets took $96m"), demonstrative("those two took $96m")
    (None, None)
    """
    g = grammar()
    m = re.search(r"\b(?:these|those|such|the same)\s+([a-z][a-z-]+)\b", text, re.I)
    if m is None:
        return None
    noun = m[1].lower()
    named = [w for entry in g["goods_nouns"].values() for w in entry["en"]]
    if (noun in {w.lower() for w in g["general"]["en"]} or _names(noun, g["partner_nouns"])
            or _en(named).fullmatch(noun) or noun in _NUMBER_WORDS):  # fmt: skip
        return None
    return noun


_NUMBER_WORDS = {"six", "seven", "eight", "nine", "ten", "twelve", "years", "months", "days",
                 "figures", "numbers", "data", "rates", "levels", "prices"}  # fmt: skip


#: «закуплено», «куплены», «приобретено»: a purchase said in the passive, its buyer unnamed.
_BOUGHT_PASSIVE = re.compile(r"(?:за)?куплен\w*|приобрет[её]н\w*", re.IGNORECASE)
_FLOW_NOUNS_RU = {"экспорт", "импорт", "поставка", "ввоз", "вывоз", "закупка", "продажа"}
_EN_BEFORE = re.compile(
    r"(?<![\w'’-])([a-z][a-z-]+)\s+(?:exports|imports|sales|shipments|purchases)\b"
)
#: "exports of machinery", "exports of IT services" (a short word before the noun: the noun).
_EN_AFTER = re.compile(r"\b(?:exports|imports|sales|shipments|purchases) of "
                       r"(?:[a-z][a-z-]{0,2}\s+)?([a-z][a-z-]+)(?![\w$])")  # fmt: skip


_OF_GOODS = re.compile(r"\s+(?:worth\s+)?of\s+(?:(?:the\s+)?[A-Z][\w.-]*['’]s\s+|its\s+|their\s+|"
                       r"the\s+city['’]s\s+)?([a-z][a-z-]+)\b")  # fmt: skip


def goods_after(text: str, end: int, known: list[tuple[int, int]]) -> str | None:
    """A word naming goods right after a figure ("$173.5 million of Moscow's instruments").

    ``known`` are the spans of partners and lexicon products; words of the grammar's
    ``general`` list, flow words and known spans name no unknown goods.

    >>> goods_after("Japan bought $173.5 million of Moscow's instruments", 27, [])
    'instruments'
    >>> goods_after("Japan bought $173.5 million of goods", 27, []) is None
    True
    """
    m = _OF_GOODS.match(text, end)
    if m is None:
        return None
    word = m[1]
    general = {w.lower() for w in grammar()["general"]["en"]}
    if word in general or flows(word) or any(a <= m.start(1) < b for a, b in known):
        return None
    return word


def not_goods(text: str) -> str | None:
    """Words of ``text`` that name no goods the data hold (services, prices, one firm).

    >>> not_goods("the distributor told us its sales were flat"), not_goods("Exports rose")
    ('the distributor', None)
    """
    m = _en(grammar()["not_goods"]["en"]).search(text)
    return None if m is None else m.group()


#: A firm the text names: "the components maker Semicondutores do Atlântico", "Acme Ltd, a
#: chipmaker", «компания «Ромашка»», «завод «Салют»».
_FIRM_NAMED = re.compile(
    r"\b(?:maker|manufacturer|producer|company|firm|exporter|importer|distributor|plant|factory|"
    r"chipmaker|carmaker|winery|mill|group|corporation|start-?up)\s+"
    r"(?P<en>(?-i:[A-Z])[\w'’&-]+(?:\s+(?:(?-i:[A-Z])[\w'’&-]+|do|da|de|del|dos|das|of|and|&))*"
    r"(?<![\s,]))"
    r"|(?P<en2>(?-i:[A-Z])[\w'’&-]+(?:\s+(?-i:[A-Z])[\w'’&-]+)*),\s+(?:a|an|the)\s+(?:[\w-]+\s+)?"
    r"(?:maker|manufacturer|producer|company|firm|distributor|chipmaker|carmaker|winery)\b"
    r"|(?<![\w-])(?:компани|завод|фирм|предприяти|концерн|холдинг|производител|групп)\w*\s+"
    r"[«\"](?P<ru>[^»\"]{2,60})[»\"]",
    re.IGNORECASE,
)


@functools.cache
def firms(text: str) -> tuple[str, ...]:
    """The names of the firms ``text`` introduces by a firm's noun.

    >>> firms("the fictitious components maker Semicondutores do Atlântico, opened")
    ('Semicondutores do Atlântico',)
    >>> firms("Выручка компании «Ромашка» выросла")
    ('Ромашка',)
    """
    found = (m["en"] or m["en2"] or m["ru"] for m in _FIRM_NAMED.finditer(text))
    # "The Target, a Moscow-based manufacturer": "the Target's export revenue" names it too.
    return tuple(dict.fromkeys(re.sub(r"^[Tt]he\s+", "", name.strip()) for name in found if name))


def firm_in(text: str, clause: str) -> str | None:
    """The first firm ``text`` introduces that ``clause`` names, if any.

    >>> firm_in("the maker Semicondutores do Atlântico. ...", "Semicondutores do Atlântico sold")
    'Semicondutores do Atlântico'
    """
    return next((name for name in firms(text) if name in clause), None)


def _goods_adjective(word: str, morph: Any) -> bool:
    """Whether ``word`` may be a lower-case adjective in the genitive («растительных»)."""
    if word[:1].isupper():
        return False
    return any("ADJF" in p.tag and "gent" in p.tag for p in morph.parse(word.lower()))


def rank_field(clause: str) -> tuple[int, int] | None:
    """Where ``clause`` names the goods of a rank's field of partners (grammar ``rank_field``).

    >>> c = "Germany comes third among instrument buyers"
    >>> a, b = rank_field(c); c[a:b]
    'instrument'
    >>> rank_field("Germany comes third among buyers") is None
    True
    """
    for pattern in grammar()["rank_field"]:
        m = re.search(pattern, clause, re.IGNORECASE)
        if m is not None:
            return m.start("goods"), m.start("goods") + len(m["goods"].rstrip())
    return None


#: Words of a rank or size before the partners' noun ("the top five", "the biggest", "new").
_RANK_WORD = re.compile(r"top|leading|main|major|key|principal|chief|big|large|small|single|"
                        r"other|new|one|\w+est|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
                        r"twelfth|\w+ieth|крупнейш\w*|главн\w*|основн\w*|ведущ\w*",
                        re.IGNORECASE)  # fmt: skip


def field_unknown(words: str) -> str | None:
    """A word of a rank's field (:func:`rank_field`) that names goods, where no lexicon word is.

    Names (capitalised), general words, flow words and Russian adjectives name no goods:
    "the city's instruments" -> ``instruments``; "Moscow's exports", «московской продукции»
    -> None.

    >>> field_unknown("the city's instruments"), field_unknown("all its")
    ('instruments', None)
    >>> field_unknown("the top five") is None
    True
    """
    general = grammar()["general"]
    en_general = {w.lower() for w in general["en"]}
    ru_general = _ru(general["ru"])
    flows = _en([w for flow in grammar()["flows"].values() for w in flow.get("en", [])])
    flows_ru = _FLOW_NOUNS_RU | _ru(
        [w for f in grammar()["flows"].values() for w in f.get("ru", [])]
    )
    morph = _morph()
    for m in re.finditer(r"[\w’'-]+", words):
        word = re.sub(r"['’]s?$", "", m.group())
        if (not word or word[0].isupper() or word[0].isdigit() or flows.fullmatch(word)
                or word.lower() in _COUNT_WORDS or _RANK_WORD.fullmatch(word)):  # fmt: skip
            continue  # "among the top five buyers": a rank's words, no goods
        if re.search("[а-яё]", word):
            parse = morph.parse(word.lower())[0]
            if (str(parse.tag.POS) == "NOUN" and "gent" in parse.tag
                    and lemma(word) not in ru_general and lemma(word) not in flows_ru):  # fmt: skip
                return word
        elif word.lower() not in en_general:
            return word
    return None


def unknown_product(text: str, known: list[tuple[int, int]]) -> str | None:
    """A word of ``text`` that names goods next to a flow word, outside ``known`` spans.

    ``known`` are the spans of partners and lexicon products found in ``text``. Examples:
    "экспорт пластмасс" -> ``пластмасс``; "plastics exports" -> ``plastics``.

    >>> unknown_product("Экспорт пластмасс вырос на 69%", [])
    'пластмасс'
    >>> unknown_product("Экспорт продукции вырос на 69%", []) is None
    True
    >>> unknown_product("Plastics exports rose 69%", []), unknown_product("Total exports rose", [])
    ('Plastics', None)
    >>> unknown_product("Exports of IT services grew 18%", [])
    'services'
    >>> unknown_product("Exports of the city grew 18%", []) is None
    True
    >>> unknown_product("and Argentine tourists spent some 400 million", [])
    'tourists'
    >>> unknown_product("экспорт 2016 г. превысил", []) is None
    True
    >>> unknown_product("импорт растительных масел вырос", [])
    'масел'
    >>> unknown_product("экспорт прошлого, 2021 года: 4,5 млрд", []) is None
    True
    """
    general = grammar()["general"]
    en_general = {w.lower() for w in general["en"]}
    spenders = not_goods(text)
    if spenders is not None:
        return spenders
    ru_general = _ru(general["ru"])

    def free(a: int) -> bool:
        return not any(s <= a < e for s, e in known)

    for m in [*_EN_BEFORE.finditer(text.lower()), *_EN_AFTER.finditer(text.lower())]:
        word = m[1]
        head = word.split("-")[0]  # "january-june exports": months, not goods
        if (word not in en_general and head not in en_general and free(m.start(1))
                and not word.endswith("ian")):  # fmt: skip
            return text[m.start(1) : m.end(1)]
    if not re.search("[а-яё]", text, re.IGNORECASE):
        return None
    words = lemmas(text)
    morph = _morph()
    for i, (_, _, w) in enumerate(words[:-1]):
        if w not in _FLOW_NOUNS_RU:
            continue
        j = i + 1
        while j + 1 < len(words) and _goods_adjective(text[words[j][0] : words[j][1]], morph):
            # «импорт растительных масел»: the noun after the adjectives of the goods.
            j += 1
        a, b, lem = words[j]
        if lem in ru_general or not free(a) or text[a].isupper():
            continue
        tags = morph.parse(text[a:b].lower())[0].tag
        if "Abbr" in tags:
            continue  # «экспорт 2016 г.», «экспорт 5 млн долл.»: a unit or a year, never goods
        if "NOUN" in tags and "gent" in tags and "Geox" not in tags and "Name" not in tags:
            return text[a:b]
    return None
