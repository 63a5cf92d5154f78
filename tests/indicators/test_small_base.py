"""small_base: growth that rests on a base below the threshold."""

from __future__ import annotations


def test_threshold_is_settable(tiny_session):
    t = tiny_session.table(
        reporter="RUS", year=2020, compare=2019, by=["partner"], indicators=["small_base"],
        small_base_usd=300,
    ).set_index("partner")["small_base"]  # fmt: skip
    assert t.to_dict() == {"KAZ": True, "CHN": True, "IND": True, "USA": True, "DEU": False}


def test_default_threshold_is_a_million(tiny_session):
    t = tiny_session.table(reporter="RUS", year=2020, compare=2019, indicators=["small_base"])
    assert bool(t["small_base"].item())
