"""contribution: percentage points of the total's growth; they add up to it."""

from __future__ import annotations

import pytest


def test_contributions(tiny_session):
    t = tiny_session.table(
        reporter="RUS", year=2020, compare=2019, by=["partner"],
        indicators=["growth", "contribution"],
    ).set_index("partner")  # fmt: skip
    assert t.loc["CHN", "contribution_pp"] == pytest.approx(300 / 850 * 100)
    assert t.loc["DEU", "contribution_pp"] == pytest.approx(-400 / 850 * 100)
    total = tiny_session.table(reporter="RUS", year=2020, compare=2019)["growth_pct"].item()
    assert t["contribution_pp"].sum() == pytest.approx(total)
