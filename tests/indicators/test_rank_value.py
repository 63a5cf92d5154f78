"""rank_value: 1 = largest; ties share the lowest rank ("min": 1, 2, 3, 3, 5)."""

from __future__ import annotations


def test_ties_share_the_min_rank(tiny_session):
    t = tiny_session.table(
        reporter="RUS", year=2020, compare=2019, by=["partner"], indicators=["rank_value"]
    )
    got = dict(zip(t["partner"], t["rank_value"], strict=True))
    assert got == {"KAZ": 1, "CHN": 2, "IND": 3, "USA": 3, "DEU": 5}


def test_rank_within_each_year_of_a_series(tiny_session):
    s = tiny_session.series(reporter="RUS", years=[2019, 2020], by=["partner"], indicators=["rank"])
    first = s[s["year"] == 2019].set_index("partner")["rank_value"]
    assert first["DEU"] == 1
