"""multiple: value / base ("threefold" = 3.0)."""

from __future__ import annotations

import math


def test_multiples(tiny_session):
    t = tiny_session.table(
        reporter="RUS", year=2020, compare=2019, by=["partner"], indicators=["multiple"]
    ).set_index("partner")["multiple"]
    assert t["CHN"] == 3.0
    assert t["USA"] == 2.0
    assert t["DEU"] == 0.0
    assert math.isnan(t["KAZ"])
