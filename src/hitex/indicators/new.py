"""New: a partner or product present now and absent in the base year."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context


def new(t: ir.Table, c: Context) -> ir.Value:
    """True where the row has trade now and none in the base year (the year before)."""
    return (t.value_usd != 0) & (t.base_value_usd == 0)
