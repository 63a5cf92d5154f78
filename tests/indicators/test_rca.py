"""rca: (x_ik / x_i) / (x_wk / x_w) over every reporter in the warehouse."""

from __future__ import annotations

import pytest

from hitex.errors import InputError


def test_rca_by_hand(tiny_session):
    t = tiny_session.table(reporter="RUS", year=2018, by=["product"], indicators=["rca"])
    got = dict(zip(t["product"], t["rca"], strict=True))
    assert got == pytest.approx({"854231": 1.5, "300490": 0.5})


def test_rca_needs_products(tiny_session):
    with pytest.raises(InputError, match="RCA"):
        tiny_session.table(reporter="RUS", year=2018, by=["partner"], indicators=["rca"])
