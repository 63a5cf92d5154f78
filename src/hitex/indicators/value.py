"""Value: the (signed) value of the reporting period, US$."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context


def value(t: ir.Table, c: Context) -> ir.Value:
    """The value of each row in the reporting period (exports minus imports for balances)."""
    return t.value_usd
