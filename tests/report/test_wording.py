"""Wording rules, as a table of cases, and properties of reading back what was written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hitex.errors import InputError
from hitex.report import wording as w

CHANGE = {
    0.333: ("grew by a third", "вырос на треть"),
    0.25: ("grew by a quarter", "вырос на четверть"),
    0.5: ("grew by half", "вырос наполовину"),
    -0.152: ("fell by 15%", "снизился на 15%"),
    0.6305: ("grew by 63%", "вырос на 63%"),
    0.277: ("grew by 28%", "вырос на 28%"),
    0.045: ("grew by 4.5%", "вырос на 4,5%"),
    -0.0951: ("fell by 9.5%", "снизился на 9,5%"),
    1.0: ("doubled", "удвоился"),
    1.98: ("nearly tripled", "почти утроился"),
    2.0: ("tripled", "утроился"),
    1.15: ("more than doubled", "более чем удвоился"),
    4.34: ("grew 5.3-fold", "вырос в 5,3 раза"),
    999.0: ("grew by three orders of magnitude", "вырос на три порядка"),
    0.0: ("was unchanged", "не изменился"),
}


@pytest.mark.parametrize(("growth", "expected"), CHANGE.items())
def test_change(growth, expected):
    assert w.change(growth) == expected[0]
    assert w.change(growth, lang="ru") == expected[1]


MONEY = {
    563_310_000: ("$563.31 million", "563,31 млн долл."),
    1_200_000_000: ("$1.2 billion", "1,2 млрд долл."),
    1_532_551_000: ("$1.53 billion", "1,53 млрд долл."),
    140_320_000: ("$140.32 million", "140,32 млн долл."),
    350_000: ("$350 thousand", "350 тыс. долл."),
    999_999: ("$1 million", "1 млн долл."),
    12: ("$12", "12 долл."),
    -54_260_000: ("-$54.26 million", "-54,26 млн долл."),
    2_403_843_000_000: ("$2,403.84 billion", "2 403,84 млрд долл."),
}


@pytest.mark.parametrize(("usd", "expected"), MONEY.items())
def test_money(usd, expected):
    assert w.money(usd) == expected[0]
    assert w.money(usd, lang="ru") == expected[1]


RU_PLURALS = {1: "1 страна", 2: "2 страны", 5: "5 стран", 11: "11 стран", 21: "21 страна",
              22: "22 страны", 25: "25 стран", 111: "111 стран", 1.5: "1,5 страны",
              2.5: "2,5 страны"}  # fmt: skip


@pytest.mark.parametrize(("n", "expected"), RU_PLURALS.items())
def test_russian_plural_forms(n, expected):
    assert (
        w.count(n, ("country", "countries"), ("страна", "страны", "стран"), lang="ru") == expected
    )


@pytest.mark.parametrize(
    ("pp", "expected"),
    [(1, "1 процентный пункт"), (2, "2 процентных пункта"), (5, "5 процентных пунктов"),
     (21, "21 процентный пункт"), (0.5, "0,5 процентного пункта")],
)  # fmt: skip
def test_russian_points(pp, expected):
    assert w.points(pp, lang="ru") == expected


def test_unknown_language_is_one_sentence():
    with pytest.raises(InputError, match="'de' is not one of: en, ru"):
        w.money(1.0, lang="de")


@given(st.floats(min_value=1_000, max_value=1e13, allow_nan=False))
def test_money_reads_back_within_its_rounding(usd):
    for lang in ("en", "ru"):
        back = w.parse_money(w.money(usd, lang=lang), lang=lang)
        scale = 1e9 if usd >= 0.995e9 else 1e6 if usd >= 0.995e6 else 1e3
        assert abs(back - usd) <= 0.005 * scale + 1e-6


@given(st.floats(min_value=-99.0, max_value=89.0, allow_nan=False))
def test_percent_reads_back_within_its_rounding(pct):
    for lang in ("en", "ru"):
        back = w.parse_percent(w.percent(pct, lang=lang), lang=lang)
        assert abs(back - pct) <= (0.5 if abs(pct) >= 9.95 else 0.05) + 1e-9


@given(st.floats(min_value=-0.99, max_value=0.89, allow_nan=False))
def test_growth_words_keep_the_direction(g):
    text = w.change(g)
    if abs(g) >= 0.0005:
        assert text.startswith("grew" if g > 0 else "fell")
