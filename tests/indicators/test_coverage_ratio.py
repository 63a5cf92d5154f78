"""coverage (module hitex.indicators.coverage): exports / imports, for balances."""

from __future__ import annotations

import math

import pytest

from hitex.errors import InputError


def test_coverage_ratio(tiny_session):
    t = tiny_session.table(
        reporter="RUS", flow="balance", year=2020, by=["partner"],
        indicators=["exports", "imports", "coverage"],
    ).set_index("partner")  # fmt: skip
    assert t.loc["CHN", "coverage_ratio"] == 0.75
    assert t.loc["CHN", "exports_usd"] == 450.0
    assert math.isnan(t.loc["KAZ", "coverage_ratio"])  # no imports


def test_coverage_needs_balance(tiny_session):
    with pytest.raises(InputError, match="balance"):
        tiny_session.table(reporter="RUS", year=2020, indicators=["coverage"])
