"""Product lines: how many distinct HS6 products each row trades (e.g. per partner)."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context


def product_lines(t: ir.Table, c: Context) -> ir.Value:
    """Distinct HS6 codes with a positive value in the reporting period."""
    return t.product_lines.cast("int64")
