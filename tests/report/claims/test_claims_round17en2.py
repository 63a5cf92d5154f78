"""English readings found on the held-out part heldout15 (development material since).

Sentences written for these tests. Expected figures come from pandas on the raw files
(tests/report/claims/_shared.py): examples/moscow-2020/flows.csv (Moscow's exports of HS
chapters 84, 85 and 90, 2019-2020, by month) and bench/check_corpus/data/portugal-tech.csv.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import PORTUGAL, RED, find, moscow, portugal_mn

MOSCOW_HEAD = "Moscow's technology exports, 2020.\n\n"
PORTUGAL_HEAD = "Portugal's technology trade, 2001-2021.\n\n"


def _moscow() -> pd.DataFrame:
    m = moscow()
    m["chapter"] = m["product"].str.zfill(6).str[:2]
    return m[m["flow"] == "export"]


def _portugal(flow: str, partner: str, year: int = 2021) -> float:
    p = pd.read_csv(PORTUGAL)
    p = p[(p["flow"] == flow) & (p["partner"] == partner) & (p["year"] == year)]
    return float(p["value_usd"].sum()) / 1e6


# -- a rise told by "raised its purchases by" -----------------------------------------------------
def test_raised_its_purchases_by_a_percentage_is_a_growth_not_a_share(corpus):
    m = _moscow()
    china = m[m["partner"] == "CHN"].groupby("year")["value_usd"].sum()
    assert 100 * (china[2020] / china[2019] - 1) == pytest.approx(22.40, abs=0.01)
    share = 100 * china[2020] / m[m["year"] == 2020]["value_usd"].sum()
    assert share == pytest.approx(23.43, abs=0.01)
    text = MOSCOW_HEAD + (
        "China, which absorbs 23.4% of everything Moscow ships and raised its purchases by "
        "22.4%, is the natural next market."
    )
    r = find(claims.check(corpus, text), "22.4%")
    assert (r.claim.kind, r.verdict) == ("growth", "supported"), r.reason
    wrong = find(claims.check(corpus, text.replace("by 22.4%", "by 29.4%")), "29.4%")
    assert wrong.verdict == "contradicted", wrong.reason


# -- a fall dated by an aside, then sized --------------------------------------------------------
def test_a_fall_sized_after_its_date_by_a_little_over_a_percentage_is_a_fall(corpus):
    exports = portugal_mn("export")
    assert 100 * (exports[2009] / exports[2008] - 1) == pytest.approx(-8.33, abs=0.01)
    text = PORTUGAL_HEAD + (
        "Her notes say that exports had slipped only once, in 2009, and then by a little over 8%."
    )
    r = find(claims.check(corpus, text), "8%")
    assert r.verdict == "supported", r.reason
    wrong = find(claims.check(corpus, text.replace("over 8%", "over 12%")), "12%")
    assert wrong.verdict == "contradicted", wrong.reason


# -- monthly averages said before the figure -----------------------------------------------------
@pytest.mark.parametrize(
    ("words", "first", "last"),
    [("every single month", 1, 8), ("each of the first eight months", 1, 8)],
)
def test_a_figure_said_of_every_single_month_or_each_of_the_months_is_a_monthly_average(
    corpus, words, first, last
):
    m = _moscow()
    m20 = m[m["year"] == 2020].groupby("month")["value_usd"].sum() / 1e6
    early = m20.loc[first:last].mean()
    late = m20.loc[9:12].mean()
    assert (round(early, 2), round(late, 2)) == (191.86, 217.25)
    text = MOSCOW_HEAD + (
        f"Sales were steady: from January through August, {words} brought in about $192m, and "
        "each of the last four months roughly $217m."
    )
    got = claims.check(corpus, text)
    for figure in ("$192m", "$217m"):
        r = find(got, figure)
        assert r.verdict == "supported", (figure, r.reason)
        # Said of each month, not of their total: checked month by month where the words
        # say "every" (each_month, round 17ru2), as their average otherwise (per_month).
        assert r.claim.metric in ("each_month", "per_month"), figure


# -- a growth rate after "took $40m" -------------------------------------------------------------
def test_a_percentage_before_a_noun_of_change_is_a_growth_even_after_took(corpus):
    m = _moscow()
    uae = m[m["partner"] == "ARE"].groupby("year")["value_usd"].sum() / 1e6
    assert (round(uae[2019], 2), round(uae[2020], 2)) == (25.0, 40.0)
    text = MOSCOW_HEAD + "The Emirates, which took $40m after a 60% jump, are a market to watch."
    r = find(claims.check(corpus, text), "60%")
    assert (r.claim.kind, r.verdict) == ("growth", "supported"), r.reason


# -- partners of a balance and of a relative clause ----------------------------------------------
def test_a_balance_with_a_partner_and_a_relative_clause_on_another_keep_their_own_partner(corpus):
    nld = _portugal("export", "NLD") - _portugal("import", "NLD")
    assert nld == pytest.approx(675.4, abs=0.1)
    deu_share = 100 * _portugal("import", "DEU") / portugal_mn("import")[2021]
    assert deu_share == pytest.approx(20.0, abs=0.01)
    text = PORTUGAL_HEAD + (
        "The book explains the $675 million surplus with the Netherlands and also a smaller "
        "surplus with Germany, which nonetheless supplied a fifth of imports."
    )
    got = claims.check(corpus, text)
    balance = find(got, "$675 million")
    assert balance.verdict == "supported", balance.reason
    assert balance.claim.subject.partners == ("NLD",)
    share = find(got, "a fifth")
    assert share.verdict == "supported", share.reason
    assert share.claim.subject.partners == ("DEU",)


# -- a share of a group of goods -----------------------------------------------------------------
def test_a_share_of_a_group_of_goods_is_of_those_goods_and_a_firms_is_never_flagged(corpus):
    m = _moscow()
    m85 = m[(m["year"] == 2020) & (m["chapter"] == "85")]
    japan = 100 * m85[m85["partner"] == "JPN"]["value_usd"].sum() / m85["value_usd"].sum()
    assert japan == pytest.approx(21.11, abs=0.01)
    head = MOSCOW_HEAD + "Moscow's electrical and electronic goods (HS 85) earned $774m in 2020. "
    got = claims.check(corpus, head + "Japan's share of Moscow's electronics exports was 21%.")
    assert find(got, "21%").verdict == "supported", find(got, "21%").reason
    text = head + "We estimate its share of Moscow's electronics exports at 18%."
    r = find(claims.check(corpus, text), "18%")
    assert r.verdict not in RED, r.reason


# -- a rank in apposition whose clause names the goods -------------------------------------------
def test_a_buyer_ranked_in_apposition_is_ranked_among_buyers_of_the_goods_it_took(corpus):
    m = _moscow()
    m90 = m[(m["year"] == 2020) & (m["chapter"] == "90")].groupby("partner")["value_usd"].sum()
    assert m90.idxmax() == "JPN"
    everything = m[m["year"] == 2020].groupby("partner")["value_usd"].sum()
    assert everything.rank(ascending=False)["JPN"] == 2
    text = MOSCOW_HEAD + "Japan, the biggest single buyer, took $173m of Moscow's instruments."
    r = find(claims.check(corpus, text), "biggest single buyer")
    assert r.verdict not in RED, r.reason
    glossed = MOSCOW_HEAD + (
        "Japan, the biggest single buyer, took $173m of Moscow's optical instruments (HS 90)."
    )
    r = find(claims.check(corpus, glossed), "biggest single buyer")
    assert r.verdict == "supported", r.reason
