"""Rank by growth: 1 for the fastest growing row; ties share the lowest rank ("min")."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from hitex.indicators.context import Context, null_unless
from hitex.indicators.growth import growth


def rank_growth(t: ir.Table, c: Context) -> ir.Value:
    """Rank by growth %, fastest first; rows without a growth rate get no rank."""
    g = growth(t, c)
    # Rows without growth sort after every other row on every engine, whatever its null order.
    r = ibis.rank().over(c.window(g.isnull(), ibis.desc(g))) + 1
    return null_unless(g.notnull(), r, to="int64")
