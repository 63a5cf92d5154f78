"""Measures: the sums the aggregation step computes, that indicators then combine.

Each measure is ``(f, c) -> reduction`` over the selection ``f`` (see
:func:`hitex.indicators.selection.select`), for the rows of one ``by`` group. In a table the
reporting and base years are told apart with ``where``; in a series rows are already grouped
by year and the base comes from the year before (:mod:`hitex.indicators.series`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import ibis.expr.types as ir

from hitex.indicators.context import Context
from hitex.indicators.firms import DYNAMICS, firms_measure, with_dynamics

Measure = Callable[[ir.Table, Context], ir.Value]


def _now(f: ir.Table, c: Context) -> ir.BooleanValue:
    """Rows of the reporting period (the months of ``q.months`` when measures apply them)."""
    when = c.in_months(f)
    return when if c.series else when & (f.year == c.year)


def _base(f: ir.Table, c: Context) -> ir.BooleanValue:
    return c.in_months(f) & (f.year == c.compare)


def value_usd(f: ir.Table, c: Context) -> ir.Value:
    """Signed value of the reporting period (exports minus imports for balances)."""
    return f.value.sum(where=_now(f, c))


def base_value_usd(f: ir.Table, c: Context) -> ir.Value:
    """Value of the base year, the same months as the reporting period."""
    return f.value.sum(where=_base(f, c))


def base_full_usd(f: ir.Table, c: Context) -> ir.Value:
    """Value of the whole base year, whatever ``months`` says (for nowcasts)."""
    return f.value.sum(where=f.year == c.compare)


def exports_usd(f: ir.Table, c: Context) -> ir.Value:
    """Exports of the reporting period."""
    return f.value_usd.sum(where=_now(f, c) & (f.flow == "export"))


def imports_usd(f: ir.Table, c: Context) -> ir.Value:
    """Imports of the reporting period."""
    return f.value_usd.sum(where=_now(f, c) & (f.flow == "import"))


def product_lines(f: ir.Table, c: Context) -> ir.Value:
    """Distinct HS6 product lines traded in the reporting period.

    A line counts where one of its records has a positive value; a rollup's rows say so in
    ``positive`` (their ``value_usd`` is a sum).
    """
    positive = f.positive if "positive" in f.columns else f.value_usd > 0
    hs6 = f.classification.startswith("HS") & (f.product.length() == 6) & positive
    return f.product.nunique(where=_now(f, c) & hs6)


def firms(f: ir.Table, c: Context) -> ir.Value:
    """Distinct enterprises (``firm``) with records in the reporting period."""
    return firms_measure(f, c, _now(f, c))


def classifications(f: ir.Table, c: Context) -> ir.Value:
    """The classifications that went into the row."""
    return f.classification.collect(distinct=True)


#: Measure name -> how to aggregate it; the order is the order of the aggregation.
MEASURES: Mapping[str, Measure] = {
    "value_usd": value_usd,
    "base_value_usd": base_value_usd,
    "base_full_usd": base_full_usd,
    "exports_usd": exports_usd,
    "imports_usd": imports_usd,
    "product_lines": product_lines,
    "firms": firms,
    "classifications": classifications,
}

#: Sums that mean zero where no row contributed.
ZERO_IF_EMPTY = ("value_usd", "base_value_usd", "base_full_usd", "exports_usd", "imports_usd")


def aggregate(f: ir.Table, c: Context, names: list[str]) -> ir.Table:
    """Aggregate the measures ``names`` by the context's keys; empty sums become 0."""
    metrics = {n: MEASURES[n](f, c) for n in MEASURES if n in names}
    keys = c.keys
    t = f.group_by(keys).aggregate(**metrics) if keys else f.aggregate(**metrics)
    fills = {n: t[n].fill_null(0.0) for n in ZERO_IF_EMPTY if n in metrics}
    if "firms" in metrics:
        fills["firms"] = t.firms.fill_null(0)
    t = t.mutate(**fills) if fills else t
    if set(DYNAMICS) & set(names):
        t = with_dynamics(t, f, c, names)
    return t
