"""rank_growth: 1 = fastest growing; rows without growth have no rank."""

from __future__ import annotations

import pandas as pd


def test_growth_ranks(tiny_session):
    t = tiny_session.table(
        reporter="RUS", year=2020, compare=2019, by=["partner"], indicators=["rank"]
    ).set_index("partner")["rank_growth"]
    assert t[["CHN", "USA", "IND", "DEU"]].tolist() == [1, 2, 3, 4]
    assert pd.isna(t["KAZ"])
