"""CAGR: compound annual growth rate over the span from the base year, %."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from hitex.indicators.context import Context, null_unless


def cagr(t: ir.Table, c: Context) -> ir.Value:
    """``((value / base) ** (1 / years) - 1) * 100`` over the span from the base year.

    In a table the span is ``year - compare`` and the base the comparison year; in a series
    it runs from the first year of the series (``first_value_usd``) to each row's year. Null
    on a zero or negative base, a negative value, or a span of 0.
    """
    if c.series:
        base, span = t.first_value_usd, (t.year - ibis.literal(c.first_year)).cast("float64")
    else:
        assert c.year is not None
        assert c.compare is not None
        years = c.year - c.compare
        base, span = t.base_value_usd, ibis.literal(float(years))
        # A Python float, not ``1.0 / literal``: Spark reads ``1.0 / 3.0`` as decimals.
        exponent: ir.Value = ibis.literal(1.0 / years if years > 0 else 1.0)
    ok = (base > 0) & (t.value_usd >= 0) & (span > 0)
    if c.series:
        exponent = 1.0 / ibis.ifelse(span > 0, span, 1.0)
    return null_unless(ok, ((t.value_usd / base) ** exponent - 1.0) * 100.0)
