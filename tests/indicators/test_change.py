"""change: value minus base, US$."""

from __future__ import annotations


def test_changes(tiny_session):
    t = tiny_session.table(
        reporter="RUS", year=2020, compare=2019, by=["partner"], indicators=["change"]
    )
    got = dict(zip(t["partner"], t["change_usd"], strict=True))
    assert got == {"KAZ": 1000.0, "CHN": 300.0, "IND": 0.0, "USA": 100.0, "DEU": -400.0}
