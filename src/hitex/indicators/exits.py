"""Exits: enterprises with records in the row in the base period and none now."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context


def exits(t: ir.Table, c: Context) -> ir.Value:
    """Enterprises with records in the row in the base period and none now."""
    return t.exits.cast("int64")
