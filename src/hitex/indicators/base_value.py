"""Base value: the value of the base year (the same months), US$."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context


def base_value(t: ir.Table, c: Context) -> ir.Value:
    """The value of each row in the base year (the year before, in a series)."""
    return t.base_value_usd
