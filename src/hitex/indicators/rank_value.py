"""Rank by value: 1 for the largest row; ties share the lowest rank ("min", as in 1, 1, 3)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from hitex.indicators.context import Context


def rank_value(t: ir.Table, c: Context) -> ir.Value:
    """Rank of each row by value, largest first, within the table (each year of a series)."""
    return (ibis.rank().over(c.window(ibis.desc(t.value_usd))) + 1).cast("int64")
