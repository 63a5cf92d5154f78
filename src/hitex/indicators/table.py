"""The main table: value by the chosen dimensions, with base year, growth and share.

The JSON keys of this table are a contract (DESIGN.md, ``table --format json``): the ``by``
columns with a ``*_name`` beside each code, then ``value_usd``, and with a comparison year
``base_value_usd``, ``growth_pct`` (null where the base is zero or missing) and ``share_pct``
(share of the selection's total in the reporting year).
"""

from __future__ import annotations

from collections.abc import Mapping

import ibis
import ibis.expr.types as ir

from hitex.indicators.selection import DIMENSIONS, Query, select


def table(tables: Mapping[str, ir.Table], q: Query, *, year: int, compare: int | None) -> ir.Table:
    """Build the table expression for ``year`` (against ``compare`` when given).

    Parameters
    ----------
    tables
        Ibis tables of the warehouse (``flows``, reference tables).
    q
        The selection; its ``years`` must hold ``year`` and ``compare``.
    year, compare
        The reporting year and the base year.
    """
    f = select(tables, q)
    metrics: dict[str, ir.Value] = {"value_usd": f.value.sum(where=f.year == year)}
    if compare is not None:
        metrics["base_value_usd"] = f.value.sum(where=f.year == compare)
    metrics["classifications"] = f.classification.collect(distinct=True)
    by = list(q.by)
    if "product" in by and "classification" not in by:
        # A product code means nothing without its classification (8517 in HS vs SITC).
        by.append("classification")
    t = f.group_by(by).aggregate(**metrics) if by else f.aggregate(**metrics)
    t = t.mutate(value_usd=t.value_usd.fill_null(0.0))
    if compare is not None:
        t = t.mutate(base_value_usd=t.base_value_usd.fill_null(0.0))
        t = t.mutate(growth_pct=_growth(t.value_usd, t.base_value_usd))
    total = t.value_usd.sum()
    t = t.mutate(share_pct=ibis.ifelse(total != 0, t.value_usd / total * 100.0, ibis.null()))
    t = _names(tables, t, by, q)
    return t.order_by([ibis.desc("value_usd"), *by])


def _growth(value: ir.FloatingValue, base: ir.FloatingValue) -> ir.FloatingValue:
    """Percentage change; null on a zero or negative base, never infinity."""
    return ibis.ifelse(base > 0, (value - base) / base * 100.0, ibis.null()).cast("float64")


def _names(tables: Mapping[str, ir.Table], t: ir.Table, by: list[str], q: Query) -> ir.Table:
    """Put the readable name beside each code column."""
    if "partner" in by:
        n = tables["country_names"].select(pn_code="code", partner_name="name_en")
        t = t.left_join(n, t.partner == n.pn_code).drop("pn_code")
    if "reporter" in by:
        n = tables["country_names"].select(rn_code="code", reporter_name="name_en")
        t = t.left_join(n, t.reporter == n.rn_code).drop("rn_code")
    if "product" in by:
        p = tables["products"].select(
            pp_class="classification", pp_code="product", product_name="description"
        )
        t = t.left_join(p, [t.classification == p.pp_class, t.product == p.pp_code]).drop(
            "pp_class", "pp_code"
        )
    return t


def column_order(by: tuple[str, ...], compare: bool) -> list[str]:
    """The contract's column order for ``by`` (the indicator columns follow)."""
    cols: list[str] = []
    for d in by:
        cols.append(d)
        name = DIMENSIONS[d]
        if name is not None:
            cols.append(name)
    if "product" in by and "classification" not in by:
        cols.append("classification")
    cols.append("value_usd")
    if compare:
        cols += ["base_value_usd", "growth_pct"]
    cols.append("share_pct")
    return cols
