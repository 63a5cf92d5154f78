"""Round 19b: an open lower bound far below its level, comparisons with another subject said
as a percentage or before the multiple, balances said as "bought more than we sold" or «сводится
в плюс», years and figures said in Russian words (a spoken transcript).

Sentences written for these tests, on the corpus data (Moscow's example, Portugal's constructed
series). The figures each claim needs are checked first on the raw files with pandas
(``tests/report/claims/_shared.py``), never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex.report.claims.parse import ru_words_number
from hitex.report.claims.resolve import ordinal_years
from tests.report.claims._shared import (
    PORTUGAL,
    RED,
    chile_mn,
    find,
    moscow,
    portugal_by_flow_mn,
)


@pytest.fixture(scope="module")
def portugal():
    """Portugal's trade in 2021 by flow and partner, in millions."""
    p = pd.read_csv(PORTUGAL)
    p = p[p["year"] == 2021].groupby(["flow", "partner"])["value_usd"].sum().unstack(0) / 1e6
    assert p["export"].sum() == pytest.approx(4500, abs=1)
    assert (p.loc["FRA", "export"], p.loc["ESP", "export"]) == pytest.approx(
        (450, 329.85), abs=0.01
    )
    balance = p["export"] - p["import"]
    assert (balance["NLD"], balance["CHN"]) == pytest.approx((675.4, -1634.6), abs=0.05)
    assert portugal_by_flow_mn().loc[2021, "deficit"] == pytest.approx(86, abs=0.5)
    return p


# -- an open lower bound far below the level -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        # $4.5 billion is "over $1 billion", but the words likely mean something else.
        ("In 2021 Portugal's exports exceeded $1 billion.", "$1 billion", "unverifiable"),
        ("В 2021 году экспорт Португалии составил свыше 1,5 млрд долларов.", "1,5 млрд",
         "unverifiable"),
        # Near the bound: what the words say.
        ("In 2021 Portugal's exports exceeded $4 billion.", "$4 billion", "supported"),
        ("В 2021 году экспорт Португалии составил более 3 млрд долларов.", "3 млрд", "supported"),
        # Said of each of several: each may be far above it.
        ("In 2021 Portugal sold more than $300 million each to France and Spain.", "$300 million",
         "supported"),
    ],
)  # fmt: skip
def test_a_level_far_above_its_open_bound_is_not_supported(corpus, portugal, text, words, verdict):
    r = find(claims.check(corpus, text), words)
    assert r.verdict == verdict, r.reason


# -- comparisons with another subject --------------------------------------------------------
@pytest.fixture(scope="module")
def moscow_2020():
    m = moscow()
    m = m[(m["flow"] == "export") & (m["year"] == 2020)].groupby("partner")["value_usd"].sum()
    assert m["CHN"] / m["JPN"] == pytest.approx(1.10, abs=0.005)
    return m / 1e6


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        # China against Japan (x1.10), not China's growth over 2019 (22%).
        ("In 2020 Moscow's exports to China were about 10% more than Japan buys.", "10%",
         "supported"),
        ("В 2020 году Москва продала Китаю примерно на 10% больше, чем Япония.", "10%",
         "supported"),
        # France against Spain (450 / 329.85 = x1.36), not France's growth.
        ("В 2021 году Португалия продала Франции товаров на 450 млн долларов, что в 1,4 раза "
         "больше закупок Испании.", "1,4 раза", "supported"),
    ],
)  # fmt: skip
def test_more_than_another_partner_is_checked_against_it(
    corpus, moscow_2020, portugal, text, words, verdict
):
    r = find(claims.check(corpus, text), words)
    assert r.claim.kind == "multiple", r
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Germany against China, said with no "than": never growth over 2020.
        ("В 2021 году больше всего Португалия ввезла из Китая, 1 834 млн долларов; Германия "
         "поставила вдвое меньше.", "вдвое"),
        # Imports against exports, the comparison said before its multiple.
        ("В 2021 году Португалия ввозила из Китая больше, чем вывозила туда, почти в пять раз.",
         "пять раз"),
    ],
)  # fmt: skip
def test_a_multiple_of_another_subject_is_not_growth(corpus, portugal, text, words):
    r = find(claims.check(corpus, text), words)
    assert r.verdict not in RED, r.reason
    assert "against 2020" not in r.reason, r.reason


def test_more_than_a_year_stays_growth(corpus):
    r = find(claims.check(corpus, "In 2020 Moscow's exports were $2.4 billion, 30% more than "
                                  "the $1.85 billion of 2019."), "30%")  # fmt: skip
    assert (r.claim.kind, r.verdict) == ("growth", "supported"), r.reason


# -- balances ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("In 2021 Portugal bought $86 million more than it sold.", "$86", "supported"),
        ("In 2021 Portugal bought $86 million more of everything than it exported.", "$86",
         "supported"),
        ("In 2021 Portugal sold $86 million more than it bought.", "$86", "contradicted"),
        ("В 2021 году Португалия закупила на 86 млн долларов больше, чем продала.", "86",
         "supported"),
        ("В 2021 году торговля Португалии с Нидерландами сводится в плюс на 675,4 млн долл., а с "
         "Китаем — в минус на 1 634,6 млн.", "675,4", "supported"),
        ("В 2021 году торговля Португалии с Нидерландами сводится в плюс на 675,4 млн долл., а с "
         "Китаем — в минус на 1 634,6 млн.", "1 634,6", "supported"),
        ("В 2021 году торговля Португалии с Китаем уходит в плюс на 1 634,6 млн долл.",
         "1 634,6", "not supported"),
    ],
)  # fmt: skip
def test_balances_said_as_more_bought_than_sold(corpus, portugal, text, words, verdict):
    r = find(claims.check(corpus, text), words)
    assert r.claim.subject.flow == "balance", r
    if verdict == "not supported":
        # A surplus said of a deficit: flagged, or unverifiable when its flow is not said.
        assert r.verdict != "supported", r.reason
    else:
        assert r.verdict == verdict, r.reason


# -- years and figures in Russian words ------------------------------------------------------
def test_ordinal_year_words_are_years_of_the_century_held():
    assert ordinal_years("продали в двадцатом году больше, чем в девятнадцатом", [2019, 2020]) == [
        2020,
        2019,
    ]
    assert ordinal_years("за двадцать первый год", [2020, 2021]) == [2021]
    assert ordinal_years("в третьем квартале", [2003, 2020]) == []


@pytest.mark.parametrize(
    ("words", "digits"),
    [("двести двадцать семь", "227"), ("сорок один", "41"), ("два и четыре десятых", "2.4"),
     ("семь", "7"), ("девятьсот девяносто девять", "999")],
)  # fmt: skip
def test_russian_number_words(words, digits):
    assert ru_words_number(words) == digits


@pytest.fixture(scope="module")
def india_instruments():
    m = moscow("90", partner="IND")
    v = m[m["flow"] == "export"].groupby("year")["value_usd"].sum() / 1e6
    assert (v[2019], v[2020]) == pytest.approx((6.21, 18.30), abs=0.01)
    return v


SPOKEN = ("Значит, так. Москва в двадцатом году продала за рубеж товаров на два и четыре десятых "
          "миллиарда долларов, это на тридцать процентов больше, чем в девятнадцатом. Индия по "
          "приборам взяла восемнадцать миллионов, а годом раньше — шесть миллионов.")  # fmt: skip


@pytest.mark.parametrize(
    ("words", "verdict"),
    [("два и четыре десятых", "supported"), ("тридцать процентов", "supported"),
     ("восемнадцать миллионов", "supported")],
)  # fmt: skip
def test_a_spoken_text_with_years_and_figures_in_words(corpus, india_instruments, words, verdict):
    results = claims.check(corpus, SPOKEN)
    r = find(results, words)
    assert r.claim.period.year == 2020, r.claim
    assert r.verdict == verdict, r.reason


def test_figures_in_words_of_other_units_are_no_money(corpus):
    text = ("В две тысячи двадцатом году Москва продала за рубеж товаров на два и четыре десятых "
            "миллиарда долларов, а население её — двенадцать миллионов человек.")  # fmt: skip
    results = claims.check(corpus, text)
    assert [r.claim.span for r in results if r.claim.understood] == [
        "два и четыре десятых миллиарда долларов"
    ], [(r.claim.span, r.verdict) for r in results]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # Turnover: 5.47 billion in 2019, every year before below 5 billion.
        ("Товарооборот Португалии рос двадцать лет: рубеж в пять миллиардов долларов он впервые "
         "перешёл в 2019 году.", "supported"),
        ("Товарооборот Португалии рос двадцать лет: рубеж в пять миллиардов долларов он впервые "
         "перешёл в 2021 году.", "not supported"),
    ],
)  # fmt: skip
def test_a_milestone_in_words_passed_for_the_first_time(corpus, text, verdict):
    p = pd.read_csv(PORTUGAL)
    turnover = p.groupby("year")["value_usd"].sum() / 1e9
    assert turnover[2019] > 5 > turnover[turnover.index < 2019].max()
    r = find(claims.check(corpus, text), "пять миллиардов")
    assert r.claim.quantity is not None, r.claim
    assert r.claim.quantity.lo_open, r.claim
    if verdict == "supported":
        assert r.verdict == "supported", r.reason
        assert "every earlier year" in r.reason, r.reason
    else:
        assert r.verdict != "supported", r.reason


def test_more_than_before_another_growth_is_no_comparison(corpus):
    text = ("In 2020 Moscow's exports to Japan more than doubled and those to India grew about "
            "threefold.")  # fmt: skip
    r = find(claims.check(corpus, text), "threefold")
    assert "another subject" not in r.reason, r.reason


def test_a_level_reached_up_to_a_mark_is_that_level(corpus):
    text = "Экспорт Португалии в 2021 году вырос до отметки 4,5 миллиарда долларов."
    r = find(claims.check(corpus, text), "4,5")
    assert r.claim.quantity is not None, r.claim
    assert not r.claim.quantity.lo_open, r.claim
    assert r.verdict == "supported", r.reason


def test_sold_abroad_is_no_milestone(corpus):
    text = "В 2021 году Португалия продала за рубеж 4,5 млрд долларов."
    r = find(claims.check(corpus, text), "4,5")
    assert r.claim.quantity is not None, r.claim
    assert not r.claim.quantity.lo_open, r.claim


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("С 2002 по 2004 год чилийские поставки в Аргентину выросли на 37,6%. Напитков продано "
         "на 1,5 млн, на 19% больше, чем в начале периода.", "на 19%"),
        ("Chile's exports to Argentina rose 37.6% from 2002 to 2004. Beverages came to $1.5 "
         "million, 19% more than at the start of the period.", "19%"),
    ],
)  # fmt: skip
def test_more_than_at_the_start_of_the_period_stays_growth(corpus, text, words):
    drinks = chile_mn("export", "22")
    assert drinks[2004] / drinks[2002] - 1 == pytest.approx(0.19, abs=0.005)
    r = find(claims.check(corpus, text), words)
    assert (r.claim.kind, r.claim.period.compare, r.verdict) == ("growth", 2002, "supported"), (
        r.reason
    )


def test_a_level_above_a_mark_for_the_first_time_in_a_year_named_after_it(corpus):
    p = pd.read_csv(PORTUGAL).groupby("year")["value_usd"].sum() / 1e9
    assert p[2019] > 5 > p.loc[:2018].max()
    text = ("Portugal's exports rose 30% in 2021, and its two-way trade was above $5bn for the "
            "first time in 2019.")  # fmt: skip
    r = find(claims.check(corpus, text), "$5bn")
    assert (r.claim.period.year, r.verdict) == (2019, "supported"), r.reason
