"""Verdicts of frames read from new phrasings, against the example files (figures by pandas)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo

MOSCOW = Path(__file__).parents[3] / "examples" / "moscow-2020" / "flows.csv"
#: Moscow's partners in Asia (M49), by hand.
ASIA = {"CHN", "JPN", "IND", "KOR", "KAZ", "TUR", "ARE", "SGP", "MYS", "IDN", "UZB", "VNM",
        "THA", "BGD", "MNG"}  # fmt: skip


def test_a_groups_share_of_the_total(checked_warehouse):
    flows = pd.read_csv(MOSCOW)
    year = flows[flows["year"] == 2020]
    share = 100 * year[year["partner"].isin(ASIA)]["value_usd"].sum() / year["value_usd"].sum()
    (r,) = claims.check(checked_warehouse, "Asian markets took almost two-thirds of Moscow's "
                        "exports in 2020.", reporter="RU-MOW")  # fmt: skip
    assert r.verdict == "supported", r.reason
    assert r.computed == pytest.approx(share)


def _chile_balance() -> float:
    frame = pd.concat(pd.read_csv(f) for f in demo.files())
    year = frame[frame["year"] == 2004]
    return float(year[year["flow"] == "export"]["value_usd"].sum()
                 - year[year["flow"] == "import"]["value_usd"].sum())  # fmt: skip


@pytest.mark.parametrize(
    ("words", "verdict"),
    [
        ("ran a deficit of $1.77 billion", "supported"),
        ("had a trade balance of $1.77 billion", "unverifiable"),  # the side is not said
        ("had a trade balance of $1.5 billion", "contradicted"),  # wrong either way
        ("had a surplus of $1.77 billion", "contradicted"),
    ],
)
def test_the_balance_side_said_or_not(checked_warehouse, words, verdict):
    assert _chile_balance() == pytest.approx(-1.772e9, rel=1e-3)
    text = f"In 2004 Chile {words} with Argentina."
    (r,) = claims.check(checked_warehouse, text, reporter="CHL")
    assert r.verdict == verdict, r.reason


def test_a_rank_within_a_group_of_one_loaded_partner_abstains(checked_warehouse):
    text = "Egypt, the largest African buyer of Moscow's goods in 2020, took $56.3 million."
    rank, amount = claims.check(checked_warehouse, text, reporter="RU-MOW")
    assert rank.verdict == "unverifiable", rank.reason
    assert "Africa" in rank.reason
    assert amount.verdict == "supported"
