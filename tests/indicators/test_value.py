"""value: the reporting period's value, signed for balances."""

from __future__ import annotations


def test_value_by_partner(tiny_session):
    t = tiny_session.table(reporter="RUS", year=2020, by=["partner"], indicators=["value"])
    assert dict(zip(t["partner"], t["value_usd"], strict=True)) == {
        "KAZ": 1000.0, "CHN": 450.0, "IND": 200.0, "USA": 200.0,
    }  # fmt: skip


def test_partner_present_in_base_year_only_shows_zero(tiny_session):
    t = tiny_session.table(reporter="RUS", year=2020, compare=2019, by=["partner"])
    assert t.set_index("partner").loc["DEU", "value_usd"] == 0.0


def test_balance_is_exports_minus_imports_and_may_be_negative(tiny_session):
    t = tiny_session.table(reporter="RUS", flow="balance", year=2020, by=["partner"])
    assert t.set_index("partner").loc["CHN", "value_usd"] == 450.0 - 600.0
    whole = tiny_session.table(reporter="RUS", flow="balance", year=2020)
    assert whole["value_usd"].item() == 1850.0 - 600.0
