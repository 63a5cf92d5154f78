"""hhi: sum of squared % shares, 0..10,000."""

from __future__ import annotations

import pytest


def test_hhi_of_partners(tiny_session):
    t = tiny_session.table(reporter="RUS", year=2020, by=["partner"], indicators=["hhi"])
    shares = [1000 / 1850, 450 / 1850, 200 / 1850, 200 / 1850]
    assert t["hhi"].unique().tolist() == pytest.approx([sum((100 * s) ** 2 for s in shares)])


def test_one_partner_is_10000(tiny_session):
    t = tiny_session.table(reporter="CHN", year=2003, by=["partner"], indicators=["hhi"])
    assert t["hhi"].item() == pytest.approx(10_000.0)
