"""Round 20k: ranks and counts said in words: "came last", «на последнем месте», "our best
customer", «крупнейший наш покупатель», «ведущий поставщик», «третью строчку», "leads",
«лидирует», a podium («серебро у», «бронза у»), «на третьем Германия», «США четвёртые»,
«осталась третьей», "rank third", "edged out", counts of "all six supplying countries".

Sentences written for these tests, on the corpus data (Moscow's example, Portugal's constructed
series). The ranks each claim needs are checked first on the raw files with pandas
(``tests/report/claims/_shared.py``), never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import PORTUGAL, find, moscow

MOSCOW = "In 2020 Moscow's exports of technology grew. "
MOSCOW_RU = "В 2020 году экспорт Москвы вырос. "


@pytest.fixture(scope="module")
def moscow_ranks() -> list[str]:
    """Moscow's export partners of 2020, largest first."""
    m = moscow()
    m = m[(m["flow"] == "export") & (m["year"] == 2020)].groupby("partner")["value_usd"].sum()
    ranked = list(m.sort_values(ascending=False).index)
    assert ranked[:6] == ["CHN", "JPN", "DEU", "USA", "BLR", "IND"]
    assert ranked[-2:] == ["BGD", "MNG"]
    assert len(ranked) == 22
    assert m["KAZ"] > m["EGY"]
    return ranked


@pytest.fixture(scope="module")
def portugal_partners() -> pd.DataFrame:
    p = pd.read_csv(PORTUGAL)
    p = p[p["year"] == 2021].groupby(["flow", "partner"])["value_usd"].sum().unstack(0)
    assert p["import"].idxmax() == "CHN"
    assert p["import"].count() == 6
    assert p["export"].count() == 14
    return p


# -- the last place ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        (MOSCOW + "Mongolia came last.", "came last", "supported"),
        (MOSCOW + "Belarus finished last.", "finished last", "contradicted"),
        (MOSCOW + "Mongolia, in last place, bought under $1 million.", "in last place",
         "supported"),
        (MOSCOW_RU + "На последнем месте Монголия.", "последнем месте", "supported"),
        (MOSCOW_RU + "На последнем месте оказался Вьетнам.", "последнем месте", "contradicted"),
    ],
)  # fmt: skip
def test_the_last_place_said_in_words_is_a_rank(corpus, moscow_ranks, text, words, verdict):
    r = find(claims.check(corpus, text), words)
    assert (r.claim.kind, r.verdict) == ("rank", verdict), r.reason


def test_last_by_growth_is_no_rank_by_value(corpus, moscow_ranks):
    results = claims.check(corpus, MOSCOW + "Japan came last in growth.")
    assert not [r for r in results if r.claim.kind == "rank" and r.verdict == "contradicted"]


# -- the leader in other words -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        (MOSCOW + "Our best customer was China.", "best customer", "supported"),
        (MOSCOW + "Our best customer was Germany.", "best customer", "contradicted"),
        (MOSCOW + "Japan remained our second-best market.", "second-best market", "supported"),
        (MOSCOW + "China leads, with Japan close behind.", "leads", "supported"),
        (MOSCOW + "Belarus led Moscow's buyers.", "led", "contradicted"),
        (MOSCOW_RU + "Лидирует Китай.", "Лидирует", "supported"),
        (MOSCOW_RU + "Лидирует Белоруссия.", "Лидирует", "contradicted"),
        (MOSCOW_RU + "Китай, крупнейший наш покупатель, прибавил.", "крупнейший наш", "supported"),
        (MOSCOW_RU + "Япония, крупнейший наш покупатель, прибавила.", "крупнейший наш",
         "contradicted"),
        ("В 2021 году импорт Португалии вырос. Ведущий поставщик — Китай.", "Ведущий поставщик",
         "supported"),
    ],
)  # fmt: skip
def test_the_leader_said_in_other_words(corpus, moscow_ranks, portugal_partners, text, words,
                                        verdict):  # fmt: skip
    r = find(claims.check(corpus, text), words)
    assert (r.claim.kind, r.verdict) == ("rank", verdict), r.reason


def test_led_the_growth_is_no_rank(corpus, moscow_ranks):
    results = claims.check(corpus, MOSCOW + "Belarus led the growth of exports.")
    assert not [r for r in results if r.claim.kind == "rank"]


# -- places said in other words ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        (MOSCOW_RU + "Германия занимает третью строчку среди покупателей.", "третью строчку",
         "supported"),
        (MOSCOW_RU + "Индия занимает третью строку среди покупателей.", "третью строку",
         "contradicted"),
        # A podium: silver second, bronze third.
        (MOSCOW_RU + "Первое место у Китая. Серебро у Японии, бронза у Германии.", "бронза",
         "supported"),
        (MOSCOW_RU + "Первое место у Китая. Серебро у Японии, бронза у Индии.", "бронза",
         "contradicted"),
        # «на третьем Германия»: the partner right after the place.
        (MOSCOW_RU + "На втором месте Япония, на третьем Германия.", "третьем", "supported"),
        (MOSCOW_RU + "На втором месте Япония, на третьем Индия.", "третьем", "contradicted"),
        (MOSCOW_RU + "Китай на первом месте, Япония — на втором.", "втором", "supported"),
        # Plurals and «осталась»: «США четвёртые», «Германия осталась третьей».
        (MOSCOW_RU + "Китай 563, Германия 250. США четвёртые со 180.", "четвёртые",
         "supported"),
        (MOSCOW_RU + "Германия осталась третьей.", "третьей", "supported"),
        (MOSCOW_RU + "Индия оказалась второй.", "второй", "contradicted"),
        # "rank" of a plural subject.
        (MOSCOW + "The United States still rank fourth among buyers.", "rank fourth",
         "supported"),
    ],
)  # fmt: skip
def test_places_said_in_other_words(corpus, moscow_ranks, text, words, verdict):
    r = find(claims.check(corpus, text), words)
    assert (r.claim.kind, r.verdict) == ("rank", verdict), r.reason


def test_a_podium_without_a_flow_word_of_its_own_abstains(corpus, moscow_ranks):
    # Germany is third, not second: the podium alone does not say it is of exports.
    text = MOSCOW_RU + "Первое место у Китая. Серебро у Германии."
    r = find(claims.check(corpus, text), "Серебро")
    assert r.claim.kind == "rank"
    assert r.verdict != "supported", r.reason


def test_the_fastest_growth_of_the_chapters_is_a_rank_by_growth(corpus):
    text = MOSCOW + "Instruments (HS 90) rose 69%, the fastest growth of the three chapters."
    r = find(claims.check(corpus, text), "fastest growth")
    assert r.claim.kind == "rank"
    assert r.claim.metric.endswith("growth"), r.claim.metric
    assert r.verdict != "contradicted", r.reason


# -- "edged out": ahead of the other -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (MOSCOW + "Kazakhstan, at $72m, edged out Egypt.", "supported"),
        (MOSCOW + "Egypt edged out Kazakhstan.", "contradicted"),
    ],
)
def test_edged_out_is_ahead_of_the_other(corpus, moscow_ranks, text, verdict):
    r = find(claims.check(corpus, text), "edged out")
    assert r.verdict == verdict, r.reason


# -- counts of all partners ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("In 2021 Portugal bought technology from all six supplying countries.", "all six",
         "supported"),
        ("In 2021 Portugal bought technology from all five supplier countries.", "all five",
         "contradicted"),
        ("In 2021 Portugal sold technology to all fourteen export markets.", "all fourteen",
         "supported"),
        ("In 2021 Portugal sold technology to all twelve export markets.", "all twelve",
         "contradicted"),
    ],
)  # fmt: skip
def test_all_n_partners_with_a_flow_word(corpus, portugal_partners, text, words, verdict):
    r = find(claims.check(corpus, text), words)
    assert (r.claim.kind, r.verdict) == ("count", verdict), r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("In 2021 Portugal traded technology. There are six suppliers and fourteen markets.",
         "six suppliers", "supported"),
        # "markets" are those it sells to, not the suppliers' flow carried on.
        ("In 2021 Portugal traded technology. There are six suppliers and fourteen markets.",
         "fourteen markets", "supported"),
        ("In 2021 Portugal traded technology. There were six suppliers and twelve markets.",
         "twelve markets", "contradicted"),
    ],
)  # fmt: skip
def test_there_are_n_suppliers_and_m_markets(corpus, portugal_partners, text, words, verdict):
    r = find(claims.check(corpus, text), words)
    assert (r.claim.kind, r.verdict) == ("count", verdict), r.reason
    assert r.claim.subject.flow == ("import" if "suppliers" in words else "export")


def test_led_exports_higher_is_a_cause_no_rank(corpus, moscow_ranks):
    results = claims.check(corpus, MOSCOW + "Demand from Belarus led Moscow's exports higher.")
    assert not [r for r in results if r.claim.kind == "rank"]
