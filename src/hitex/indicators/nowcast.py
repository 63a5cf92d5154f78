"""Nowcast: a full-year estimate from the year to date.

Method (stated with every figure): the base year's full-year value scaled by the year-to-date
ratio, ``base full year x (ytd / base ytd)``. It is an estimate: it assumes the rest of the
year moves as the months so far did against the same months of the base year.
"""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context, null_unless


def nowcast(t: ir.Table, c: Context) -> ir.Value:
    """``base_full_usd * value_usd / base_value_usd``; null where the base ytd is not positive."""
    ok = t.base_value_usd > 0
    return null_unless(ok, t.base_full_usd * t.value_usd / t.base_value_usd)


def method(c: Context) -> str:
    """The method, in words, for the ``nowcast_method`` column."""
    assert c.q.months is not None
    lo, hi = c.q.months
    return (
        f"estimate: {c.compare} full year x ({c.year} months {lo}-{hi} / "
        f"{c.compare} months {lo}-{hi})"
    )
