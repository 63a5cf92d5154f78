"""Share: each row's part of the selection's total, %."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context, null_unless


def share(t: ir.Table, c: Context) -> ir.Value:
    """``value / total * 100`` (total of the table, or of each year in a series)."""
    total = c.total(t.value_usd)
    return null_unless(total != 0, t.value_usd / total * 100.0)
