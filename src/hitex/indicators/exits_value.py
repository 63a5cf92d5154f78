"""Exits' value: what the enterprises gone from the row traded in the base period."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context


def exits_value(t: ir.Table, c: Context) -> ir.Value:
    """The base-period value of the enterprises that have no records in the row now."""
    return t.exits_value.cast("float64")
