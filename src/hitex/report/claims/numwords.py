"""Whole numbers said in words, English and Russian: one reader of cardinals for both.

English: "two" to "ninety-nine" (with a hyphen or a space), hundreds and thousands ("six
hundred and twenty", "eighteen hundred and thirty-four", "two thousand and five"). Russian: the
same numbers in every case («двадцать две», «двадцати двух», «одиннадцати», «четырьмя»), the
forms made by the declension of the numerals (regular: «пять» -> «пяти», «пятью»; «сорок» ->
«сорока»; «пятьдесят» -> «пятидесяти»).

:data:`COUNTS` maps the words of every count from 2 to 99 to its value (a count of one is
said by a noun alone and "one" is too often no number): the table the count patterns read.
:func:`cardinal` reads any cardinal said in words.
"""

from __future__ import annotations

import itertools
import re

_EN_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
             "eighteen", "nineteen")  # fmt: skip
_EN_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

#: Russian numerals 1-19 and the tens: their forms in the six cases (nominative, genitive,
#: dative, accusative, instrumental, prepositional), the variants of a case separated by "/".
_RU_FORMS: dict[int, tuple[str, ...]] = {
    1: ("один/одна/одно", "одного/одной", "одному/одной", "один/одну/одно/одного",
        "одним/одной/одною", "одном/одной"),
    2: ("два/две", "двух", "двум", "два/две/двух", "двумя", "двух"),
    3: ("три", "трёх/трех", "трём/трем", "три/трёх/трех", "тремя", "трёх/трех"),
    4: ("четыре", "четырёх/четырех", "четырём/четырем", "четыре/четырёх/четырех", "четырьмя",
        "четырёх/четырех"),
    40: ("сорок", "сорока", "сорока", "сорок", "сорока", "сорока"),
    90: ("девяносто", "девяноста", "девяноста", "девяносто", "девяноста", "девяноста"),
}  # fmt: skip
#: Numerals declined as «пять» (-ь: -и, -ью): 5-20 and 30.
_RU_SOFT = {5: "пять", 6: "шесть", 7: "семь", 8: "восемь", 9: "девять", 10: "десять",
            11: "одиннадцать", 12: "двенадцать", 13: "тринадцать", 14: "четырнадцать",
            15: "пятнадцать", 16: "шестнадцать", 17: "семнадцать", 18: "восемнадцать",
            19: "девятнадцать", 20: "двадцать", 30: "тридцать"}  # fmt: skip
#: «пятьдесят» to «восемьдесят»: both halves declined («пятидесяти», «пятьюдесятью»).
_RU_COMPOUND_TENS = {
    50: ("пять", "пяти", "пятью"),
    60: ("шесть", "шести", "шестью"),
    70: ("семь", "семи", "семью"),
    80: ("восемь", "восьми", "восемью"),
}


def _ru_forms() -> dict[int, tuple[str, ...]]:
    forms = dict(_RU_FORMS)
    for n, word in _RU_SOFT.items():
        stem = word[:-1]
        oblique = "восьми" if n == 8 else stem + "и"
        instr = "восемью/восьмью" if n == 8 else stem + "ью"
        forms[n] = (word, oblique, oblique, word, instr, oblique)
    for n, (nom, obl, instr) in _RU_COMPOUND_TENS.items():
        forms[n] = (f"{nom}десят", f"{obl}десяти", f"{obl}десяти", f"{nom}десят",
                    f"{instr}десятью", f"{obl}десяти")  # fmt: skip
    return forms


def _ru_counts() -> dict[str, int]:
    """Every form of every Russian count from 1 to 99, case by case («двадцати двух»: 22)."""
    forms = _ru_forms()
    out: dict[str, int] = {}
    for n, cases in forms.items():
        for said in cases:
            for word in said.split("/"):
                out.setdefault(word, n)
    for ten in (20, 30, 40, 50, 60, 70, 80, 90):
        for unit in range(1, 10):
            for c in range(6):
                for a, b in itertools.product(forms[ten][c].split("/"),
                                              forms[unit][c].split("/")):  # fmt: skip
                    out.setdefault(f"{a} {b}", ten + unit)
    return out


def _en_counts() -> dict[str, int]:
    out = {w: i + 1 for i, w in enumerate(_EN_UNITS)}
    for t, ten in enumerate(_EN_TENS):
        out[ten] = 10 * (t + 2)
        for u, unit in enumerate(_EN_UNITS[:9]):
            for sep in ("-", " "):
                out[f"{ten}{sep}{unit}"] = 10 * (t + 2) + u + 1
    return out


_EN = _en_counts()
_RU = _ru_counts()
#: The words of every count from 2 to 99, English and Russian, in every case.
COUNTS: dict[str, int] = {w: n for w, n in {**_EN, **_RU}.items() if n > 1}
#: Counts in words as a regex alternation, the longest first ("twenty-two" before "twenty").
COUNTS_RE = "|".join(sorted(map(re.escape, COUNTS), key=len, reverse=True))
_SCALES = {"hundred": 100, "thousand": 1000}


def cardinal(words: str) -> int | None:
    """The whole number ``words`` say (English or Russian, any case), or ``None``.

    >>> cardinal("twenty-two"), cardinal("Six hundred and twenty"), cardinal("one hundred")
    (22, 620, 100)
    >>> cardinal("eighteen hundred and thirty-four"), cardinal("two thousand and five")
    (1834, 2005)
    >>> cardinal("двадцати двух"), cardinal("одиннадцати"), cardinal("четырьмя")
    (22, 11, 4)
    >>> cardinal("сорока"), cardinal("шестидесяти семи"), cardinal("many") is None
    (40, 67, True)
    """
    said = " ".join(words.lower().replace("ё", "е").split())
    said = said.replace("ё", "е")
    ru = {w.replace("ё", "е"): n for w, n in _RU.items()}
    if said in _EN or said in ru:
        return _EN.get(said) or ru[said]
    total, part = 0, 0
    for word in re.split(r"[\s-]+", said):
        if word in ("and", "a") and (total or part or word == "a"):
            part = part or (1 if word == "a" else 0)
            continue
        if word in _SCALES:
            part = max(part, 1) * _SCALES[word]
            if word == "thousand":
                total, part = total + part, 0
            continue
        if word in _EN:
            part += _EN[word]
        elif word in ru:
            part += ru[word]
        else:
            return None
    return total + part or None
