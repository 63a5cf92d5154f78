"""New firms: enterprises with records in the row now and none in the base period."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context


def new_firms(t: ir.Table, c: Context) -> ir.Value:
    """Enterprises with records in the row now and none in the base period."""
    return t.new_firms.cast("int64")
