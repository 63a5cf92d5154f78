"""Small base: the growth rate rests on a base below a threshold, so it is noise, not news."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context


def small_base(t: ir.Table, c: Context) -> ir.Value:
    """True where the base value is below ``c.small_base_usd`` (default US$1M)."""
    return t.base_value_usd < c.small_base_usd
