"""base_value: the base year's value, 0 for a partner absent then."""

from __future__ import annotations


def test_base_values(tiny_session):
    t = tiny_session.table(reporter="RUS", year=2020, compare=2019, by=["partner"])
    got = dict(zip(t["partner"], t["base_value_usd"], strict=True))
    assert got == {"KAZ": 0.0, "CHN": 150.0, "IND": 200.0, "USA": 100.0, "DEU": 400.0}


def test_base_of_a_ytd_table_is_the_same_months(tiny_session):
    t = tiny_session.table(reporter="KAZ", year=2020, compare=2019, by=["partner"], months=(1, 8))
    got = dict(zip(t["partner"], t["base_value_usd"], strict=True))
    assert got == {"CHN": 80.0, "RUS": 0.0}  # RUS: only September-December 2019
