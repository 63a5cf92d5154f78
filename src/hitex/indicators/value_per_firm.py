"""Value per firm: the row's value over the enterprises with records in it."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context, null_unless


def value_per_firm(t: ir.Table, c: Context) -> ir.Value:
    """The row's value per enterprise (null where no enterprise has records)."""
    return null_unless(t.firms > 0, t.value_usd / t.firms.cast("float64"))
