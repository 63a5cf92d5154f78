"""Round 22b: Russian claims the checker misread by their abbreviations, years and sellers.

«г.», «млн», «долл.» are abbreviations, never goods, and «экспорт 2016 г.» dates its trade as
«экспорт 2016 года» does; a figure of money that looks like a year («на 2035 млн долл.») is
no year a later sentence goes on with; "over the same decade" is the span of the change said
just before; a level of a clause after one that names a year only as its base goes on with the
article's year; the reporter named as the subject of a verb of selling ("Portugal sold Japan")
says its exports for certain.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex.report.claims import frames
from tests.report.claims._shared import PORTUGAL, RED, chile_mn, find


def _portugal(flow: str, year: int, product: str = "", partner: str | None = None) -> float:
    p = pd.read_csv(PORTUGAL, dtype={"product": str})
    p = p[(p["flow"] == flow) & (p["year"] == year) & p["product"].str.startswith(product)]
    p = p if partner is None else p[p["partner"] == partner]
    return float(p["value_usd"].sum()) / 1e6


# -- abbreviations are no goods, and «2016 г.» dates the trade noun before it -----------------
@pytest.mark.parametrize("word", ["г", "гг", "млн", "долл", "тыс", "ед", "млрд"])
def test_an_abbreviation_after_a_flow_word_is_no_goods(word):
    assert frames.unknown_product(f"Экспорт 2019 {word}. превысил прежний уровень", []) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Экспорт 2019 г. оказался почти втрое больше, чем в 2009 г.", "втрое"),
        ("Ввоз 2017 г. превысил показатель 2007 г. в 1,7 раза.", "в 1,7 раза"),
        ("Импорт 2012 г. оказался на 25% больше, чем в 2011 г.", "на 25%"),
        ("Ввоз 2017 года превысил показатель 2007 года в 1,7 раза.", "в 1,7 раза"),
    ],
)
def test_a_year_said_by_its_abbreviation_dates_the_trade(corpus, text, words):
    assert round(_portugal("export", 2019) / _portugal("export", 2009), 2) == 2.95
    assert round(_portugal("import", 2017) / _portugal("import", 2007), 2) == 1.66
    assert round(_portugal("import", 2012) / _portugal("import", 2011), 2) == 1.25
    r = find(claims.check(corpus, "В 2021 г. экспорт составил 4,5 млрд долл. " + text,
                          reporter="PRT"), words)  # fmt: skip
    assert r.claim.understood, r.reason
    assert r.verdict == "supported", r.reason


# -- "over the same decade": the span of the change said just before ------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        (
            "В 2021 г. экспорт составил 4,5 млрд долл. Экспорт 2015 г. был в полтора раза больше, "
            "чем в 2005 г., тогда как импорт за то же десятилетие прибавил 31,5%.",
            "31,5%",
            "supported",
        ),
        (
            "В 2021 г. экспорт составил 4,5 млрд долл. С 2005 по 2015 год экспорт вырос в полтора "
            "раза, а импорт за тот же период — на 60%.",
            "60%",
            "contradicted",
        ),
        (
            "Exports reached $4.5 billion in 2021. Exports in 2015 were 1.5 times their 2005 level, "
            "while imports grew by 31.5% over the same decade.",
            "31.5%",
            "supported",
        ),
    ],
)
def test_the_same_period_is_that_of_the_change_before(corpus, text, words, verdict):
    assert round(_portugal("export", 2015) / _portugal("export", 2005), 2) == 1.54
    assert round(100 * (_portugal("import", 2015) / _portugal("import", 2005) - 1), 1) == 31.5
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert (r.claim.period.year, r.claim.period.compare) == (2015, 2005), r.reason
    assert r.verdict == verdict, r.reason


# -- a figure of money is no year -------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "В 2004 году Чили закупила в Аргентине товаров на 2035 млн долл., в 2,2 раза больше, "
        "чем в 2002-м. Собственный экспорт Чили в Аргентину составил 263 млн долл.",
        "In 2004 Chile bought goods worth $2035 million from Argentina. Chilean exports to "
        "Argentina came to $263 million.",
    ],
)
def test_a_sum_of_millions_is_no_year_a_sentence_goes_on_with(corpus, text):
    assert round(chile_mn("import")[2004]) == 2035
    assert round(chile_mn("export")[2004]) == 263
    r = find(claims.check(corpus, text, reporter="CHL"), "263")
    assert r.claim.period.year == 2004, r.reason
    assert r.verdict == "supported", r.reason


# -- a year named only as another clause's base dates no level --------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "В 2021 году экспорт составил 4,5 млрд долл. Ввоз микросхем вырос до 2,3 млрд долл., "
            "что в 3,7 раза выше уровня 2011 года; сальдо по микросхемам — профицит 43 млн долл.",
            "43 млн",
        ),
        (
            "Exports came to $4.5 billion in 2021. Chip imports reached $2.3 billion, 3.7 times the "
            "2011 figure; the chip balance showed a surplus of $43 million.",
            "$43 million",
        ),
    ],
)
def test_a_level_after_a_clause_naming_only_its_base_is_of_the_articles_year(corpus, text, words):
    chips = _portugal("export", 2021, "8542") - _portugal("import", 2021, "8542")
    assert round(chips) == -43
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.claim.period.year == 2021, r.reason
    assert r.verdict == "contradicted", r.reason


def test_a_level_after_a_clause_dated_to_another_year_keeps_that_year(corpus):
    chips = _portugal("import", 2011, "8542") - _portugal("export", 2011, "8542")
    assert round(chips) == 95
    text = ("Exports came to $4.5 billion in 2021. Chip imports were $620 million in 2011; the "
            "chip balance showed a deficit of $95 million.")  # fmt: skip
    r = find(claims.check(corpus, text, reporter="PRT"), "$95 million")
    assert r.claim.period.year == 2011, r.reason
    assert r.verdict == "supported", r.reason


# -- the reporter as the subject of a verb of selling says its exports ------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "В 2021 году Португалия продала Японии технологической продукции на 321 млн долл.",
            "321 млн",
        ),
        ("В 2021 году Португалия также продала Корее техники на 367 млн долл.", "367 млн"),
        ("In 2021 Portugal sold Korea technology goods worth $367 million.", "$367 million"),
    ],
)
def test_the_reporter_selling_is_its_exports_for_certain(corpus, text, words):
    assert round(_portugal("import", 2021, partner="JPN")) == 321
    assert round(_portugal("import", 2021, partner="KOR")) == 367
    assert _portugal("export", 2021, partner="KOR") < 200
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.claim.subject.flow == "export", r.reason
    assert r.verdict == "contradicted", r.reason


@pytest.mark.parametrize(
    "text",
    [
        "В 2021 году Япония продала Португалии технологической продукции на 321 млн долл.",
        "В 2021 году Португалии Япония продала технологической продукции на 321 млн долл.",
        "В 2021 году мы продали Японии технологической продукции на 321 млн долл.",
    ],
)
def test_a_sale_to_the_reporter_or_by_a_speaker_is_never_flagged(corpus, text):
    r = find(claims.check(corpus, text, reporter="PRT"), "321 млн")
    assert r.verdict not in RED, r.reason


# -- a numbered section's title heads the dashed list under it --------------------------------
_RU_LIST = ("Обзор за 2004 год. Экспорт Чили составил 263 млн долл.\n\n2. Что мы ввозим.\n"
            "— Топливо: 917 млн долл.\n— Растительные масла: 151,3 млн долл.\n"
            "— Природный газ: 650 млн долл.")  # fmt: skip
_EN_LIST = ("Review of 2004. Chile's exports came to $263 million.\n\n3. What we import.\n"
            "- Fuels: $917 million.\n- Vegetable oils: $151.3 million.\n"
            "- Natural gas: $650 million.")  # fmt: skip


@pytest.mark.parametrize(("text", "right", "wrong"), [(_RU_LIST, "151,3", "650 млн"),
                                                      (_EN_LIST, "151.3", "$650 million")])  # fmt: skip
def test_a_numbered_title_names_the_flow_of_its_dashed_items(corpus, text, right, wrong):
    assert round(chile_mn("import", "15")[2004], 1) == 151.3
    assert chile_mn("export", "15")[2004] < 1
    assert round(chile_mn("import", "2711")[2004]) == 613
    results = claims.check(corpus, text, reporter="CHL")
    r = find(results, right)
    assert (r.claim.subject.flow, r.claim.how("flow")) == ("import", "carried"), r.reason
    assert r.verdict == "supported", r.reason
    r = find(results, wrong)
    assert r.verdict == "contradicted", r.reason


def test_a_numbered_title_without_a_flow_word_names_none(corpus):
    text = "Обзор за 2004 год.\n\n2. Главное.\n— Растительные масла: 151,3 млн долл."
    r = find(claims.check(corpus, text, reporter="CHL"), "151,3")
    assert r.claim.how("flow") not in ("read", "carried"), r.reason


# -- «на треть к 2002 году»: the base of a rate said as a fraction ----------------------------
@pytest.mark.parametrize(("share", "verdict"), [("на треть", "supported"),
                                                ("на четверть", "unverifiable")])  # fmt: skip
def test_a_fraction_against_a_year_is_a_base(corpus, share, verdict):
    oils = chile_mn("import", "15")
    assert round(oils[2004] / oils[2002], 2) == 1.33  # a third, not a quarter
    text = (f"В 2004 году импорт растительных масел вырос до 151 млн долл., прибавка {share} к "
            "2002 году.")  # fmt: skip
    r = find(claims.check(corpus, text, reporter="CHL"), share)
    assert (r.claim.period.year, r.claim.period.compare) == (2004, 2002), r.reason
    assert r.verdict == verdict, r.reason  # a chapter's word is one reading: never accused


# -- goods after the adjectives of a flow noun ------------------------------------------------
def test_unknown_goods_after_an_adjective_are_never_read_as_all_goods(corpus):
    text = "В 2004 году импорт кожаных перчаток вырос до 151 млн долл., на четверть к 2002 году."
    for r in claims.check(corpus, text, reporter="CHL"):
        assert r.verdict not in RED, r.reason


def test_a_past_year_said_with_its_adjective_is_no_goods(corpus):
    text = "Экспорт прошлого, 2021 года составил 4,5 млрд долларов."
    assert round(_portugal("export", 2021)) == 4500
    r = find(claims.check(corpus, text, reporter="PRT"), "4,5 млрд")
    assert r.verdict == "supported", r.reason


# -- «больше в 7,3 раза»: a comparative before a multiple is no "more than" -------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        (
            "Экспорт 2021 года — 4,5 млрд долларов; против 2001-го это больше в 7,3 раза.",
            "7,3 раза",
            "supported",
        ),
        (
            "Экспорт 2021 года — 4,5 млрд долларов, выше уровня 2001 года в 7,3 раза.",
            "7,3 раза",
            "supported",
        ),
        (
            "Экспорт 2021 года — 4,5 млрд долларов; против 2001-го это больше в 9 раз.",
            "9 раз",
            "contradicted",
        ),
    ],
)
def test_a_comparative_before_a_multiple_is_no_open_bound(corpus, text, words, verdict):
    assert round(_portugal("export", 2021) / _portugal("export", 2001), 2) == 7.26
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.claim.quantity is not None, r.reason
    assert r.claim.quantity.qualifier == "", r.reason
    assert r.verdict == verdict, r.reason


# -- «минус 22,9 млн», «плюс 8,5 млн», «минус у Чили»: the side of a balance said as a sign ----
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        (
            "В 2004 году экспорт составил 263 млн долл. По пластмассам у Чили минус 56,4 млн.",
            "56,4",
            "supported",
        ),
        (
            "В 2004 году экспорт составил 263 млн долл. По пластмассам минус 40,1 млн.",
            "40,1",
            "contradicted",
        ),
        (
            "В 2004 году экспорт составил 263 млн долл. По шинам и каучуку плюс 8,5 млн.",
            "8,5",
            "supported",
        ),
        (
            "В 2004 году экспорт составил 263 млн долл. Минус у Чили в торговле с Аргентиной — "
            "1,77 млрд.",
            "1,77",
            "supported",
        ),
    ],
)
def test_a_sign_before_money_is_the_side_of_a_balance(corpus, text, words, verdict):
    plastics = chile_mn("export", "39")[2004] - chile_mn("import", "39")[2004]
    assert round(plastics, 1) == -56.4
    assert round(chile_mn("export", "40")[2004] - chile_mn("import", "40")[2004], 1) == 8.5
    assert round(chile_mn("export")[2004] - chile_mn("import")[2004]) == -1772
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.claim.subject.flow == "balance", r.reason
    assert r.verdict == verdict, r.reason


def test_a_sign_before_a_rate_is_no_balance(corpus):
    text = "В 2004 году экспорт машин изменился на минус 5% к 2002 году."
    for r in claims.check(corpus, text, reporter="CHL"):
        assert r.claim.subject.flow != "balance", r.reason


# -- «нежели» is «чем»: a multiple of another subject, not of an earlier year -----------------
@pytest.mark.parametrize(
    "text",
    [
        "В 2021 году Китай продаёт Португалии в 9 раз больше, нежели покупает у неё.",
        "В 2021 году Япония продала Португалии почти в 1,8 раза больше, нежели купила у неё.",
        "In 2021 Japan sold Portugal almost 1.8 times more than it bought from it.",
    ],
)
def test_more_than_another_side_is_no_change_over_years(corpus, text):
    assert round(_portugal("import", 2021, partner="JPN") / _portugal("export", 2021,
                                                                     partner="JPN"), 2) == 1.78  # fmt: skip
    r = next(r for r in claims.check(corpus, text, reporter="PRT") if r.claim.kind == "multiple")
    assert r.verdict not in RED, r.reason
    assert "another subject" in r.reason or r.verdict == "supported", r.reason


def test_more_than_a_year_said_with_nezheli_is_a_change(corpus):
    text = "В 2021 году экспорт был в 1,3 раза больше, нежели в 2020 году."
    r = find(claims.check(corpus, text, reporter="PRT"), "1,3 раза")
    assert (r.claim.period.year, r.claim.period.compare) == (2021, 2020), r.reason
    assert r.verdict == "supported", r.reason
