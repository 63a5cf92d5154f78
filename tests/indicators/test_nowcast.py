"""nowcast: base full year x (ytd / base ytd), stated as an estimate."""

from __future__ import annotations

import math

import pytest

from hitex.errors import InputError


def test_nowcast_by_hand(tiny_session):
    t = tiny_session.table(
        reporter="KAZ", year=2020, compare=2019, by=["partner"], months=(1, 8),
        indicators=["value", "nowcast"],
    ).set_index("partner")  # fmt: skip
    assert t.loc["CHN", "value_usd"] == 96.0
    assert t.loc["CHN", "nowcast_usd"] == pytest.approx(120 * 96 / 80)
    assert math.isnan(t.loc["RUS", "nowcast_usd"])  # no January-August base
    assert t.loc["CHN", "nowcast_method"].startswith("estimate: 2019 full year")


def test_nowcast_needs_months(tiny_session):
    with pytest.raises(InputError, match="--months"):
        tiny_session.table(reporter="KAZ", year=2020, compare=2019, indicators=["nowcast"])
