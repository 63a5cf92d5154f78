"""A series: the chosen indicators for every year of a span, one row per year and ``by`` value.

Rows are dense: a partner absent in a year of the span gets a row with value 0, so that
"lowest since" and the base of the next year see it. The base of each year is the year
before (loaded or not: the year before the span is read too); shares, ranks and totals are
taken within each year; CAGR runs from the first year of the span.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import ibis
import ibis.expr.types as ir

from hitex.indicators import registry
from hitex.indicators.context import SMALL_BASE_USD, Context
from hitex.indicators.measures import aggregate
from hitex.indicators.selection import Query, select
from hitex.indicators.table import apply, names


def series(
    tables: Mapping[str, ir.Table],
    q: Query,
    *,
    years: Sequence[int],
    indicators: Iterable[str] | None = None,
    small_base_usd: float = SMALL_BASE_USD,
) -> ir.Table:
    """Build the series expression for ``years`` (``q.years`` is widened by the year before).

    Parameters
    ----------
    tables
        Ibis tables of the warehouse.
    q
        The selection (its ``years`` are replaced).
    years
        The years of the span, e.g. ``range(2001, 2021)``.
    indicators
        Names from the registry; by default value, base value, growth and share.
    small_base_usd
        The threshold of the ``small_base`` flag.
    """
    span = sorted(set(years))
    first = span[0]
    q = _with_years(q, (first - 1, *span))
    c = Context(q, tables, series=True, first_year=first, small_base_usd=small_base_usd)
    chosen = registry.resolve(indicators, c)
    measures = [m for m in registry.needs(chosen) if m not in {"base_value_usd"}]
    agg = aggregate(select(tables, q), c, measures)
    t = _dense(agg, c, span, measures)
    t = _with_base(t, agg, c)
    if any(i.name == "cagr" for i in chosen):
        t = _with_first(t, c)
    t = apply(t, c, chosen)
    t = names(tables, t, c.by, c.q.groups, query=c.q)
    return t.order_by(["year", ibis.desc("value_usd"), *c.by])


def _with_years(q: Query, years: tuple[int, ...]) -> Query:
    import dataclasses  # noqa: PLC0415

    return dataclasses.replace(q, years=years, membership_year=q.membership_year or years[-1])


def _dense(agg: ir.Table, c: Context, span: list[int], measures: list[str]) -> ir.Table:
    """One row per year of the span that has data, times every ``by`` value seen."""
    inside = agg.filter(agg.year.isin(span))
    grid = inside.select("year").distinct()
    if c.by:
        grid = grid.cross_join(inside.select(*c.by).distinct())
    r = inside.rename({f"{k}__a": k for k in c.keys})
    t = grid.left_join(r, [grid[k] == r[f"{k}__a"] for k in c.keys])
    t = t.drop(*[f"{k}__a" for k in c.keys])
    sums = [m for m in ("value_usd", "exports_usd", "imports_usd") if m in measures]
    zero: dict[str, ir.Value] = {m: t[m].fill_null(0.0) for m in sums}
    if "product_lines" in measures:
        zero["product_lines"] = t.product_lines.fill_null(0)
    if "firms" in measures:
        zero["firms"] = t.firms.fill_null(0)
    return t.mutate(**zero)


def _with_base(t: ir.Table, agg: ir.Table, c: Context) -> ir.Table:
    """``base_value_usd``: the row's value in the year before (0 if none)."""
    prev = agg.select(*[agg[k].name(f"{k}__p") for k in c.by], year__p=agg.year + 1,
                      base_value_usd=agg.value_usd)  # fmt: skip
    out = t.left_join(prev, [t[k] == prev[f"{k}__p"] for k in c.keys])
    out = out.drop(*[f"{k}__p" for k in c.keys])
    return out.mutate(base_value_usd=out.base_value_usd.fill_null(0.0))


def _with_first(t: ir.Table, c: Context) -> ir.Table:
    """``first_value_usd``: the row's value in the first year of the span (0 if none)."""
    at_first = ibis.ifelse(t.year == c.first_year, t.value_usd, 0.0)
    return t.mutate(first_value_usd=at_first.sum().over(ibis.window(group_by=c.by or None)))
