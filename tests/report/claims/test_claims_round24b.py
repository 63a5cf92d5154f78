"""Round 24b: periods and counts.

"Over the decade" (and "over that decade", «за это десятилетие») with no year of its own is the
decade the text named just before ("from $700 million in 2003 to $1,120 million in 2013"), even
across a paragraph break; with no such decade before it, its years are not certain (never
flagged on the article's year). A change "above December 2019" («выше декабря 2019-го») is of
that month against the same month of the year before, not of the whole year. A change on an
earlier part of the same year in Russian («на 8,8% больше первого», «выше второго квартала»)
is not computed, as in English. A count of years ("in fourteen of the twenty years"), a count of
no partner ("No partner reduced its purchases") and the bound of a count ("the number of
chapters above $3 million rose from 19 to 22") are no growth of the whole nor an amount: never
flagged as one.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import RED, chile_mn, find, moscow, portugal_mn


def _check(session, text: str, words: str, reporter: str):
    return find(claims.check(session, text, reporter=reporter), words)


def _december(year: int) -> float:
    m = moscow()
    m = m[(m["flow"] == "export") & (m["year"] == year) & (m["month"] == 12)]
    return float(m["value_usd"].sum()) / 1e6


def test_the_figures_the_tests_rest_on():
    exports, imports = portugal_mn("export"), portugal_mn("import")
    assert (round(exports[2003]), round(exports[2013])) == (700, 1120)
    assert round(100 * (exports[2013] / exports[2003] - 1)) == 60
    assert round(100 * (imports[2013] / imports[2003] - 1)) == 29
    # Against 2021 and 2011 (the article's year and ten before) neither is near.
    assert abs(100 * (exports[2021] / exports[2011] - 1) - 60) > 100
    assert abs(100 * (imports[2021] / imports[2011] - 1) - 29) > 10
    assert round(_december(2020)) == 217
    assert round(100 * (_december(2020) / _december(2019) - 1)) == 34
    assert round(chile_mn("export")[2004]) == 263


# -- "over the decade": the decade the text named before --------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Portugal's technology exports went from $700 million in 2003 to $1,120 million in "
         "2013. Find the change.\n\nAnswer: exports grew 60% over the decade.\n\nPortugal sold "
         "$4.5 billion in 2021.", "60%"),
        ("Portugal's technology exports went from $700 million in 2003 to $1,120 million in "
         "2013.\n\nSo exports grew 60% over the decade. Likewise, imports over that decade "
         "grew 29%.\n\nPortugal sold $4.5 billion in 2021.", "29%"),
        ("Экспорт Португалии вырос с 700 млн долларов в 2003 году до 1120 млн в 2013 году. "
         "Найдите прирост.\n\nОтвет: импорт за это десятилетие вырос на 29%.\n\nВ 2021 году "
         "экспорт достиг 4,5 млрд долларов.", "29%"),
    ],
)  # fmt: skip
def test_the_decade_is_the_one_named_before(corpus, text, words):
    r = _check(corpus, text, words, "PRT")
    assert r.verdict == "supported", r.reason
    assert (r.claim.period.year, r.claim.period.compare) == (2013, 2003)


def test_a_wrong_rate_over_the_decade_named_before_is_flagged_on_that_decade(corpus):
    # Exports 2003-2013 grew 60%, not 90%.
    r = _check(corpus, "Portugal's technology exports went from $700 million in 2003 to $1,120 "
               "million in 2013.\n\nSo exports grew 90% over the decade.\n\nPortugal sold $4.5 "
               "billion in 2021.", "90%", "PRT")  # fmt: skip
    assert r.verdict in RED, r.reason
    assert (r.claim.period.year, r.claim.period.compare) == (2013, 2003)


@pytest.mark.parametrize(
    "text",
    [
        "Portugal sold $4.5 billion of technology in 2021.\n\nExports grew 60% over the decade.",
        "Португалия продала технологий на 4,5 млрд долларов в 2021 году.\n\n"
        "Экспорт за это десятилетие вырос на 60%.",
    ],
)  # fmt: skip
def test_a_decade_named_nowhere_before_is_not_flagged(corpus, text):
    r = _check(corpus, text, "60%", "PRT")
    assert r.verdict not in RED, r.reason


# -- a change against the same month of another year ------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moscow exported $2.4 billion in 2020. December brought $217 million, 34% above "
         "December 2019.", "34%"),
        ("Экспорт Москвы в 2020 году составил 2,4 млрд долларов. 217 млн — экспорт декабря, "
         "на 34% выше декабря 2019-го.", "34%"),
        ("Экспорт Москвы в 2020 году составил 2,4 млрд долларов, прирост — 554,7 млн. Декабрь — "
         "217,3 млн; к декабрю 2019-го прибавка 34%.", "34%"),
    ],
)  # fmt: skip
def test_a_change_on_the_same_month_of_another_year(corpus, text, words):
    r = _check(corpus, text, words, "RU-MOW")
    assert r.verdict == "supported", r.reason
    assert r.claim.period.months == (12, 12)


def test_a_wrong_change_on_the_same_month_is_flagged(corpus):
    r = _check(corpus, "Moscow exported $2.4 billion in 2020. December brought $217 million, 60% "
               "above December 2019.", "60%", "RU-MOW")  # fmt: skip
    assert r.verdict == "contradicted", r.reason
    assert r.claim.period.months == (12, 12)


# -- a change on an earlier part of the same year, in Russian ---------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Экспорт Москвы в 2020 году составил 2,4 млрд долларов. Первое полугодие дало 1151,1 "
        "млн, второе — 1 252,7 млн, то есть на 8,8% больше первого.",
        "Экспорт Москвы в 2020 году составил 2,4 млрд долларов. В четвёртом квартале экспорт "
        "был на 8,8% выше третьего.",
    ],
)  # fmt: skip
def test_a_russian_change_on_an_earlier_part_of_the_year_is_not_computed(corpus, text):
    r = _check(corpus, text, "8,8%", "RU-MOW")
    assert r.verdict == "unverifiable", r.reason


# -- counts read as something else -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Portugal exported $4.5 billion in 2021. Exports grew faster than 5% in fourteen of "
         "the twenty years.", "5%"),
        ("Portugal exported $4.5 billion in 2021. In 14 of the 20 years exports grew by more "
         "than 5%.", "5%"),
        ("Португалия экспортировала на 4,5 млрд долларов в 2021 году. Экспорт рос быстрее чем "
         "на 5% в четырнадцати годах из двадцати.", "5%"),
        ("Португалия экспортировала на 4,5 млрд долларов в 2021 году. В 14 из 20 лет экспорт "
         "прибавлял больше 5%.", "5%"),
    ],
)  # fmt: skip
def test_a_rate_said_of_a_count_of_years_is_no_growth_of_one_year(corpus, text, words):
    r = _check(corpus, text, words, "PRT")
    assert r.verdict not in RED, r.reason
    assert r.verdict != "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moscow had twenty-two partners in 2020. Twelve bought above $50 million. No partner "
         "reduced its purchases.", "reduced"),
        ("Moscow had twenty-two partners in 2020. Twelve bought above $50 million. None of the "
         "buyers cut its purchases.", "cut"),
    ],
)  # fmt: skip
def test_no_partner_falling_is_no_fall_of_the_whole(corpus, text, words):
    # Not read as a claim at all, or read as none that is flagged.
    results = claims.check(corpus, text, reporter="RU-MOW")
    hits = [r for r in results if words in r.claim.span]
    assert all(r.verdict not in RED for r in hits), [(r.claim.span, r.reason) for r in hits]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Торговля Чили с Аргентиной в 2004 году.\nЧисло товарных групп чилийского экспорта, "
         "превысивших 3 млн долл., выросло с 19 до 22.", "3 млн"),
        ("Chile's trade with Argentina in 2004.\nThe number of export chapters worth $3 million "
         "or more rose from 19 to 22.", "$3 million"),
    ],
)  # fmt: skip
def test_the_bound_of_a_count_is_no_amount(corpus, text, words):
    r = _check(corpus, text, words, "CHL")
    assert r.verdict not in RED, r.reason
