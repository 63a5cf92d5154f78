"""Absolute change: value minus base value, US$."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context


def change(t: ir.Table, c: Context) -> ir.Value:
    """Value minus base value (a partner absent in one year counts 0 there)."""
    return t.value_usd - t.base_value_usd
