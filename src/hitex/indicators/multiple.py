"""Multiple: value as a multiple of the base ("threefold" = 3.0, which is +200%)."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context, null_unless


def multiple(t: ir.Table, c: Context) -> ir.Value:
    """``value / base``; null on a zero, negative or missing base."""
    return null_unless(t.base_value_usd > 0, t.value_usd / t.base_value_usd)
