"""Round 21s: true claims said with goods and flow words the checker did not know.

Goods words with their real HS codes (chips 8542, phones and network gear 8517, medicine 30,
refrigerators 8418, cartons 4819, trucks 8704, lasers 9013), never read on all
goods; the sum of both flows said in other words ("two-way business", «покупки и продажи
вместе»); the partner's supplies as the reporter's imports; a partner's possessive before its
goods and purchases; «покупки», «привозить», «отправить» and "sent abroad" as flow words.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import PORTUGAL, RED, chile_mn, find, moscow


def _portugal(flow: str, product: str = "", year: int = 2021) -> float:
    p = pd.read_csv(PORTUGAL, dtype={"product": str})
    p = p[(p["flow"] == flow) & (p["year"] == year) & p["product"].str.startswith(product)]
    return float(p["value_usd"].sum()) / 1e6


def _moscow_ratio(heading: str, partner: str | None = None) -> float:
    by_year = moscow(heading, partner).groupby("year")["value_usd"].sum()
    return float(by_year[2020] / by_year[2019])


# -- the sum of both flows said in other words ------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Two-way business in technology goods came to roughly $9.1 billion in 2021.",
        "In 2021 trade in both directions topped $9 billion.",
        "Two-way commerce reached about $9.09bn in 2021.",
        "В 2021 году продажи и покупки вместе превысили 9 млрд долларов.",
        "В 2021 году экспорт и импорт в сумме составили около 9,1 млрд долларов.",
    ],
)
def test_both_flows_said_together_are_turnover(corpus, text):
    assert round(_portugal("export") + _portugal("import")) == 9086
    r = next(r for r in claims.check(corpus, text, reporter="PRT") if r.claim.understood)
    assert r.claim.subject.flow == "turnover", r.reason
    assert r.verdict == "supported", r.reason


def test_a_wrong_sum_of_both_flows_is_not_supported(corpus):
    r = find(claims.check(corpus, "Two-way business came to $7.4 billion in 2021.",
                          reporter="PRT"), "$7.4 billion")  # fmt: skip
    assert r.verdict != "supported", r.reason


# -- goods words with their HS codes -----------------------------------------------------------
def test_chips_are_heading_8542_and_never_all_goods(corpus):
    chips = _portugal("export", "8542") - _portugal("import", "8542")
    assert round(chips) == -43
    assert round(_portugal("export") - _portugal("import")) == -86
    ok = find(claims.check(corpus, "In 2021 the chip trade ran a deficit of about $43 million.",
                           reporter="PRT"), "$43 million")  # fmt: skip
    assert ok.claim.subject.products == ("integrated circuits",), ok.claim
    assert ok.verdict == "supported", ok.reason
    # The whole balance's deficit is no figure of the chips: never supported on all goods.
    wrong = find(claims.check(corpus, "In 2021 the chip trade ran a deficit of about $86 million.",
                              reporter="PRT"), "$86 million")  # fmt: skip
    assert wrong.claim.subject.products == ("integrated circuits",), wrong.claim
    assert wrong.verdict != "supported", wrong.reason


@pytest.mark.parametrize(
    ("text", "words", "product", "value"),
    [
        ("Chip sales abroad earned about $2.25 billion in 2021.", "$2.25 billion",
         "integrated circuits", ("export", "8542")),
        ("Phone exports came to $1.35 billion in 2021.", "$1.35 billion",
         "telecommunications equipment", ("export", "8517")),
        ("В 2021 году экспорт смартфонов и сетевого оборудования составил 1,35 млрд долларов.",
         "1,35 млрд", "telecommunications equipment", ("export", "8517")),
        ("В 2021 году Португалия продала чипов на 2,25 млрд долларов.", "2,25 млрд",
         "integrated circuits", ("export", "8542")),
    ],
)  # fmt: skip
def test_portuguese_goods_words(corpus, text, words, product, value):
    assert _portugal(*value) in (2250.0, 1350.0)
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.claim.subject.products == (product,), r.claim
    assert r.verdict == "supported", r.reason


def test_medicine_is_pharmaceuticals(corpus):
    ratio = _portugal("import", "3004") / _portugal("import", "3004", 2001)
    assert round(ratio, 1) == 6.6
    text = "Portugal's medicine imports in 2021 were about 6.6 times their 2001 level."
    r = find(claims.check(corpus, text, reporter="PRT"), "6.6 times")
    assert r.claim.subject.products == ("pharmaceuticals",), r.claim
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words", "product"),
    [
        ("In 2004 Chilean refrigerator sales to Argentina were about 29 times their 2002 value.",
         "29 times", "refrigerators"),
        ("Экспорт холодильников из Чили в Аргентину вырос с 2002 по 2004 год в 29 раз.",
         "29 раз", "refrigerators"),
        ("Chile's exports of cartons to Argentina rose 31% between 2002 and 2004.", "31%",
         "cartons and boxes"),
        ("В 2004 году Чили ввезла из Аргентины грузовиков на 22,4 млн долларов.", "22,4 млн",
         "trucks"),
    ],
)  # fmt: skip
def test_chilean_goods_words(corpus, text, words, product):
    fridges, cartons = chile_mn("export", "8418"), chile_mn("export", "4819")
    assert round(fridges[2004] / fridges[2002]) == 29
    assert round(100 * (cartons[2004] / cartons[2002] - 1)) == 31
    assert round(chile_mn("import", "8704")[2004], 1) == 22.4
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.claim.subject.products == (product,), r.claim
    assert r.verdict == "supported", r.reason


def test_wood_chips_are_no_integrated_circuits(corpus):
    r = find(claims.check(corpus, "In 2004 Chile's wood chips exports were worth $0.2 million.",
                          reporter="CHL"), "$0.2 million")  # fmt: skip
    assert r.claim.subject.products == ("wood chips",), r.claim


@pytest.mark.parametrize(
    ("text", "words", "product", "heading"),
    [
        ("Moscow's exports in 2020. Lasers grew almost 2.46-fold on 2019.", "2.46-fold",
         "liquid crystal devices and lasers", "9013"),
        ("Экспорт Москвы в 2020 году. Лазеры прибавили почти в 2,46 раза к 2019 году.",
         "2,46 раза", "liquid crystal devices and lasers", "9013"),
        ("Экспорт Москвы в 2020 году. Навигационные приборы выросли в 2,4 раза к 2019 году.",
         "2,4 раза", "navigational instruments", "9014"),
    ],
)  # fmt: skip
def test_moscow_instrument_words(corpus, text, words, product, heading):
    assert round(_moscow_ratio(heading), 2) in (2.46, 2.39)
    r = find(claims.check(corpus, text, reporter="RU-MOW"), words)
    assert r.claim.subject.products == (product,), r.claim
    assert r.verdict == "supported", r.reason


# -- flows -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "In 2004 fuels made up about 45% of all Argentine supplies to Chile.",
        "В 2004 году на топливо пришлось около 45% всех аргентинских поставок в Чили.",
    ],
)
def test_a_partners_supplies_are_the_reporters_imports(corpus, text):
    assert round(100 * chile_mn("import", "27")[2004] / chile_mn("import")[2004]) == 45
    r = find(claims.check(corpus, text, reporter="CHL"), "45%")
    assert (r.claim.subject.flow, r.claim.whole.flow) == ("import", "import"), r.claim
    assert r.verdict == "supported", r.reason


def test_a_partners_possessive_before_goods_and_purchases_buys_the_reporters(corpus):
    assert round(100 * (_moscow_ratio("84", "IND") - 1)) == 63
    text = "Moscow's exports in 2020. India's machinery purchases grew 63% on 2019."
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "63%")
    assert r.claim.subject.flow == "export", r.claim
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words", "reporter", "flow"),
    [
        # The reporter's purchases, «покупки» as «закупки».
        ("В 2021 году покупки выросли на 25,6%.", "25,6%", "PRT", "import"),
        # What a partner brings in is imported.
        ("В 2021 году Германия привозила товаров на 917 млн долларов.", "917 млн", "PRT",
         "import"),
        # What the reporter's people send out is exported.
        ("В 2004 году Аргентина поставила в Чили товаров на 2,04 млрд долларов, а чилийцы "
         "отправили соседям товаров на 263 млн.", "263 млн", "CHL", "export"),
        ("In 2020 Moscow sent abroad technology worth $2.4 billion.", "$2.4 billion", "RU-MOW",
         "export"),
    ],
)  # fmt: skip
def test_flow_verbs_and_nouns(corpus, text, words, reporter, flow):
    assert round(_portugal("import") / _portugal("import", year=2020) * 100 - 100, 1) == 25.6
    r = find(claims.check(corpus, text, reporter=reporter), words)
    assert r.claim.subject.flow == flow, r.claim
    assert r.verdict == "supported", r.reason
    assert "no flow word" not in r.reason, r.reason


def test_a_partner_that_sells_and_buys_is_no_flow_against_the_other(corpus):
    paper = chile_mn("import", "48")[2004] / chile_mn("export", "48")[2004]
    assert round(paper, 1) == 2.0
    text = "В 2004 году бумаги Аргентина продавала Чили вдвое больше, чем покупала."
    r = find(claims.check(corpus, text, reporter="CHL"), "вдвое")
    assert r.verdict not in RED, r.reason


def test_a_clause_opened_by_a_conjunction_is_no_aside(corpus):
    text = ("В 2011 году экспорт впервые превысил миллиард, а в 2019-м случился рывок, и вместе "
            "экспорт и импорт впервые превысили пять миллиардов.")  # fmt: skip
    r = find(claims.check(corpus, text, reporter="PRT"), "пять миллиардов")
    assert (r.claim.subject.flow, r.claim.period.year) == ("turnover", 2019), r.claim
    assert r.verdict not in RED, r.reason


def test_a_verb_of_exceeding_is_no_goods(corpus):
    assert round(_portugal("import") - _portugal("export")) == 86
    text = "In 2021 imports still outran exports, and the deficit came to $86 million."
    r = find(claims.check(corpus, text, reporter="PRT"), "$86 million")
    assert "outran" not in r.reason, r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # The two countries' trade with each other, not a count of partners above a bound.
        ("В 2004 году общий оборот двух стран перевалил за 2 млрд долларов.", "supported"),
        ("В 2004 году общий оборот двух стран перевалил за 3 млрд долларов.", "contradicted"),
        # «выше» before a figure is a bound, as «свыше».
        ("В 2004 году товарооборот Чили с Аргентиной оказался выше 2,2 млрд долларов.",
         "supported"),
    ],
)  # fmt: skip
def test_the_turnover_of_the_two_countries_is_their_sum(corpus, text, verdict):
    assert round(chile_mn("export")[2004] + chile_mn("import")[2004]) == 2298
    r = next(r for r in claims.check(corpus, text, reporter="CHL") if r.claim.understood)
    assert r.claim.subject.flow == "turnover", r.claim
    assert r.verdict == verdict, r.reason
