"""cagr: compound annual growth over the span."""

from __future__ import annotations

import math

import pytest


def test_cagr_over_three_years(tiny_session):
    t = tiny_session.table(
        reporter="RUS", year=2020, compare=2017, by=["partner"], classification="HS17",
        indicators=["cagr"],
    ).set_index("partner")["cagr_pct"]  # fmt: skip
    assert t["CHN"] == pytest.approx(((450 / 500) ** (1 / 3) - 1) * 100)
    assert math.isnan(t["KAZ"])


def test_cagr_over_one_year_is_growth(tiny_session):
    t = tiny_session.table(
        reporter="RUS", year=2020, compare=2019, indicators=["growth", "cagr"]
    ).iloc[0]
    assert t["cagr_pct"] == pytest.approx(t["growth_pct"])


def test_cagr_in_a_series_runs_from_the_first_year(tiny_session):
    s = tiny_session.series(reporter="CHN", years=range(2001, 2008), indicators=["cagr"])
    s = s.set_index("year")["cagr_pct"]
    assert math.isnan(s[2001])
    assert s[2007] == pytest.approx(((55 / 50) ** (1 / 6) - 1) * 100)
