"""Round 19c: "about" as wide as its figure's precision, counts set against another year,
counts over a threshold, «к 2011 году» as the year of a level.

Sentences written for these tests, on the corpus data (Moscow's example, the Chile sample,
Portugal's constructed series). The figures each claim needs are checked first on the raw files
with pandas (``tests/report/claims/_shared.py``), never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo
from hitex.report.claims.parse import ABOUT_WIDTHS, about_width, quantity
from tests.report.claims._shared import PORTUGAL, find, moscow, portugal_by_flow_mn


@pytest.fixture(scope="module")
def india():
    m = moscow(partner="IND")
    total = m[(m["flow"] == "export") & (m["year"] == 2020)]["value_usd"].sum() / 1e6
    assert total == pytest.approx(140.32, abs=0.01)
    return total


#: (stated figure, its last digit, a true value "about" allows, one it does not).
ABOUT_CASES = [
    (113e6, 1e6, 112.0e6, 109.3e6),  # three digits: the figure rounded, and 1%
    (110e6, 1e6, 105.0e6, 103.0e6),  # a round figure: 5%
    (2e9, 1e9, 1.5e9, 1.3e9),  # "about $2bn": 5% and half its last digit
    (12.7, 0.1, 12.6, 12.4),  # «около 12,7%»
    (2.43, 0.01, 2.41, 2.36),  # "about 2.43 times"
]


@pytest.mark.parametrize(("value", "step", "inside", "outside"), ABOUT_CASES)
def test_about_is_as_wide_as_the_figures_precision(value, step, inside, outside):
    q = quantity(value, "usd", step, "about")
    assert q.allows(inside), (q.lo, q.hi)
    assert not q.allows(outside), (q.lo, q.hi)
    assert about_width(value, step) <= abs(value) * ABOUT_WIDTHS[-1][1] + step / 2


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("In 2020 Moscow's exports to India came to about 143 million dollars.", "143", "contradicted"),
        ("In 2020 Moscow's exports to India came to about 141 million dollars.", "141", "supported"),
        ("In 2020 Moscow's exports to India came to roughly 140 million dollars.", "140",
         "supported"),
        ("В 2020 году экспорт Москвы в Индию составил около 143 млн долларов.", "143",
         "contradicted"),
        ("В 2020 году экспорт Москвы в Индию составил примерно 140 млн долларов.", "140",
         "supported"),
    ],
)  # fmt: skip
def test_about_a_precise_figure_is_its_rounding(corpus, india, text, words, verdict):
    r = find(claims.check(corpus, text), words)
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Лишь к 2011 году португальский экспорт превысил миллиард.", "supported"),
        ("Уже к 2010 г. португальский экспорт превысил миллиард.", "contradicted"),
    ],
)
def test_by_a_year_dates_the_level_reached(corpus, text, verdict):
    t = portugal_by_flow_mn()
    assert t.loc[2010, "export"] < 1000 < t.loc[2011, "export"]
    head = "Португалия двадцать лет наращивала продажи технологий. "
    r = find(
        claims.check(corpus, head + text + " В 2021-м он достиг 4,5 млрд долларов."), "миллиард"
    )
    assert r.verdict == verdict, r.reason


@pytest.fixture(scope="module")
def buyers():
    m = moscow()
    exports = m[m["flow"] == "export"]
    n = exports.groupby("year")["partner"].nunique()
    assert (n[2019], n[2020]) == (21, 22)
    return n


LEAD = "Moscow's exports came to $2.4 billion in 2020. "
LEAD_RU = "Экспорт Москвы в 2020 году составил 2,4 млрд долларов. "


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        (LEAD_RU + "Количество стран-покупателей выросло с 21 до 22.", "21", "supported"),
        (LEAD_RU + "Количество стран-покупателей выросло с 21 до 22.", "22", "supported"),
        (LEAD_RU + "Число стран-покупателей достигло 22.", "22", "supported"),
        (LEAD_RU + "Число рынков сбыта выросло до 24.", "24", "contradicted"),
        (LEAD + "The number of buyer countries went up from 21 to 22.", "21", "supported"),
        (LEAD + "The number of destination markets rose to 25.", "25", "contradicted"),
        (LEAD + "In 2020 Moscow's exports went to 22 countries, against 21 in 2019.",
         "against 21", "supported"),
        (LEAD + "In 2020 Moscow's exports went to 22 countries, against 19 in 2019.",
         "against 19", "contradicted"),
        (LEAD_RU + "Их покупали 22 страны против 21 в 2019 году.", "против 21", "supported"),
    ],
)  # fmt: skip
def test_counts_of_buyers_said_otherwise(corpus, buyers, text, words, verdict):
    r = find(claims.check(corpus, text), words)
    assert r.claim.kind == "count", r
    assert r.verdict == verdict, r.reason


@pytest.fixture(scope="module")
def above():
    """How many of Portugal's export markets (2021) and Moscow's (2020) bought over a level."""
    p = pd.read_csv(PORTUGAL)
    p = p[(p["flow"] == "export") & (p["year"] == 2021)].groupby("partner")["value_usd"].sum()
    m = moscow()
    m = m[(m["flow"] == "export") & (m["year"] == 2020)].groupby("partner")["value_usd"].sum()
    assert ((p > 300e6).sum(), (m > 100e6).sum(), (m > 50e6).sum()) == (4, 6, 12)
    return p, m


PT_RU = "Экспорт Португалии в 2021 году составил 4,5 млрд долларов. "


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (PT_RU + "Четыре страны закупают больше чем на 300 миллионов каждая.", "supported"),
        (PT_RU + "Пять стран закупают больше чем на 300 миллионов каждая.", "contradicted"),
        (LEAD_RU + "Её продукцию покупали 22 страны, и каждая из шести крупнейших закупила свыше "
         "100 млн долл.", "supported"),
        (LEAD_RU + "Её продукцию покупали 22 страны, и каждая из семи крупнейших закупила свыше "
         "100 млн долл.", "contradicted"),
        (LEAD_RU + "Число стран-покупателей выросло до 22, и каждая из 12 крупнейших закупила "
         "свыше 50 млн долл.", "supported"),
    ],
)  # fmt: skip
def test_partners_counted_over_a_level(corpus, above, text, verdict):
    r = find(claims.check(corpus, text), "0 м", understood=True)
    assert r.claim.aggregation == "each", r
    assert r.verdict == verdict, r.reason


def test_each_of_a_count_not_read_is_never_the_sum(corpus):
    text = LEAD_RU + "Каждая из многих крупнейших стран закупила свыше 2 млрд долл."
    r = find(claims.check(corpus, text), "свыше 2")
    assert r.verdict == "unverifiable", r.reason


CL = "Chile's exports reached $263 million in 2004. "


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        # Chapters of Chile's exports over $10 million: 7 in 2004, 8 in 2002 (HS 20, 27, 39,
        # 48, 49, 73, 84, 99): a count below the data's may mean "at least": not flagged.
        (CL + "In 2004 seven of Chile's export chapters earned over $10 million each, compared "
         "with just eight in 2002.", "eight in 2002", "supported"),
        (CL + "In 2004 eight of our export chapters made over $10 million each.", "over $10",
         "contradicted"),
        (CL + "In 2004 seven of Chile's export chapters earned over $10 million each, up from "
         "nine in 2002.", "nine in 2002", "contradicted"),
        ("Portugal's technology exports reached $4.5 billion in 2021. Fourteen countries appear "
         "in the export statistics.", "Fourteen countries", "supported"),
        ("Portugal's technology exports reached $4.5 billion in 2021. Twelve countries appear "
         "in the export statistics.", "Twelve countries", "contradicted"),
        # Argentina is all the warehouse holds of Chile's partners: a count cannot be checked.
        ("Chile's exports reached $263 million in 2004. Four countries bought more than $10 "
         "million each.", "more than $10", "unverifiable"),
        ("Экспорт Чили в 2004 году составил 263 млн долларов. Три страны закупили больше чем на "
         "5 млн долларов каждая.", "5 млн", "unverifiable"),
    ],
)  # fmt: skip
def test_counts_over_a_level_of_another_year_and_partly_held(corpus, text, words, verdict):
    c = pd.concat(pd.read_csv(f, dtype={"product": str}) for f in demo.files())
    assert set(c["partner"]) == {"ARG"}
    x = c[c["flow"] == "export"].assign(ch=lambda d: d["product"].str.zfill(6).str[:2])
    chapters = x.groupby(["year", "ch"])["value_usd"].sum()
    assert ((chapters[2004] > 10e6).sum(), (chapters[2002] > 10e6).sum()) == (7, 8)
    r = find(claims.check(corpus, text), words)
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("figure", "verdict"), [("$620 million", "supported"), ("$700 million", "contradicted")]
)
def test_followed_by_names_the_figures_partner(corpus, figure, verdict):
    p = pd.read_csv(PORTUGAL)
    p = p[(p["flow"] == "export") & (p["year"] == 2021) & (p["partner"] == "DEU")]
    assert p["value_usd"].sum() / 1e6 == pytest.approx(620.1, abs=0.05)
    text = (f"Portugal's exports grew 30% in 2021. Among the buyers the Netherlands comes first, "
            f"followed by Germany at {figure} and France.")  # fmt: skip
    r = find(claims.check(corpus, text), "million")
    assert r.claim.subject.partners == ("DEU",), r
    assert r.verdict == verdict, r.reason
