"""product_lines: distinct HS6 codes per partner."""

from __future__ import annotations


def test_lines_per_partner(tiny_session):
    t = tiny_session.table(
        reporter="RUS", year=2020, compare=2019, by=["partner"], indicators=["product_lines"]
    )
    got = dict(zip(t["partner"], t["product_lines"], strict=True))
    assert got == {"KAZ": 1, "CHN": 3, "IND": 1, "USA": 1, "DEU": 0}
