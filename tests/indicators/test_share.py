"""share: part of the selection's total; shares add up to 100."""

from __future__ import annotations

import pytest


def test_shares(tiny_session):
    t = tiny_session.table(reporter="RUS", year=2020, by=["partner"]).set_index("partner")
    assert t.loc["KAZ", "share_pct"] == pytest.approx(1000 / 1850 * 100)
    assert t["share_pct"].sum() == pytest.approx(100.0)


def test_shares_within_each_year_of_a_series(tiny_session):
    s = tiny_session.series(reporter="RUS", years=[2019, 2020], by=["partner"])
    assert s.groupby("year")["share_pct"].sum().tolist() == pytest.approx([100.0, 100.0])
