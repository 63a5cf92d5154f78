"""Continuing change: the change of the enterprises with records in both periods."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context


def continuing_change(t: ir.Table, c: Context) -> ir.Value:
    """The change of the enterprises with records in both periods."""
    return t.continuing_change.cast("float64")
