"""tech_balance: high-tech goods plus technology services, each part shown."""

from __future__ import annotations


def test_goods_and_services_side_by_side(tiny_session):
    t = tiny_session.tech_balance("RUS", [2017]).iloc[0]
    assert (t["goods_exports_usd"], t["goods_imports_usd"], t["goods_balance_usd"]) == (
        500.0, 200.0, 300.0,
    )  # fmt: skip
    # SH and SJ1 are technology services; SA (999) is not.
    assert (t["services_exports_usd"], t["services_imports_usd"]) == (100.0, 120.0)
    assert t["services_balance_usd"] == -20.0
    assert t["total_balance_usd"] == 280.0
    assert t["classifications"] == "EBOPS2010,HS17"
