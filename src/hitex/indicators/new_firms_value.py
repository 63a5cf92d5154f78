"""New firms' value: what the row's new enterprises traded in the reporting period."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context


def new_firms_value(t: ir.Table, c: Context) -> ir.Value:
    """The reporting-period value of the row's new enterprises."""
    return t.new_firms_value.cast("float64")
