"""growth: % change; null (never infinite) on a zero or missing base."""

from __future__ import annotations

import math

import pytest


@pytest.fixture(scope="module")
def rus(tiny_session):
    t = tiny_session.table(reporter="RUS", year=2020, compare=2019, by=["partner"])
    return t.set_index("partner")["growth_pct"]


def test_growth_by_hand(rus):
    assert rus["CHN"] == pytest.approx(200.0)
    assert rus["USA"] == pytest.approx(100.0)
    assert rus["IND"] == 0.0
    assert rus["DEU"] == -100.0


def test_growth_on_missing_base_is_null(rus):
    assert math.isnan(rus["KAZ"])


def test_total_growth(tiny_session):
    t = tiny_session.table(reporter="RUS", year=2020, compare=2019)
    assert t["growth_pct"].item() == pytest.approx((1850 - 850) / 850 * 100)


def test_growth_of_a_balance_turning_negative(tiny_session):
    t = tiny_session.table(reporter="RUS", flow="balance", year=2020, compare=2019, by=["partner"])
    assert t.set_index("partner").loc["CHN", "growth_pct"] == pytest.approx((-150 - 50) / 50 * 100)


def test_ytd_growth_with_months_missing(tiny_session):
    t = tiny_session.table(reporter="KAZ", year=2020, compare=2019, by=["partner"], months=(1, 8))
    g = t.set_index("partner")["growth_pct"]
    assert g["CHN"] == pytest.approx((96 - 80) / 80 * 100)
    assert math.isnan(g["RUS"])  # nothing in January-August 2019
