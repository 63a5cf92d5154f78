"""Contribution to growth: each row's change as percentage points of the total's growth."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context, null_unless


def contribution(t: ir.Table, c: Context) -> ir.Value:
    """``(value - base) / total base * 100``, in percentage points.

    The contributions of all rows add up to the growth % of the total.
    """
    total_base = c.total(t.base_value_usd)
    return null_unless(total_base > 0, (t.value_usd - t.base_value_usd) / total_base * 100.0)
