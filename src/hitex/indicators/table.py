"""The main table: the chosen indicators by the chosen dimensions, for one year.

The JSON keys of this table are a contract (DESIGN.md, ``table --format json``): the ``by``
columns with a ``*_name`` beside each code, then ``value_usd``, and with a comparison year
``base_value_usd``, ``growth_pct`` (null where the base is zero or missing) and ``share_pct``
(share of the selection's total in the reporting year); each further indicator adds its key
(:data:`hitex.indicators.registry.INDICATORS`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import ibis
import ibis.expr.types as ir

from hitex.indicators import registry
from hitex.indicators.context import SMALL_BASE_USD, Context, Indicator
from hitex.indicators.measures import aggregate
from hitex.indicators.nowcast import method
from hitex.indicators.selection import (
    DIMENSIONS,
    UNMAPPED,
    UNMAPPED_NAME,
    UNSPECIFIED,
    UNSPECIFIED_NAME,
    Query,
    select,
)
from hitex.store.rollups import SCHEME_COLUMNS


def table(
    tables: Mapping[str, ir.Table],
    q: Query,
    *,
    year: int,
    compare: int | None,
    indicators: Iterable[str] | None = None,
    small_base_usd: float = SMALL_BASE_USD,
) -> ir.Table:
    """Build the table expression for ``year`` (against ``compare`` when given).

    Parameters
    ----------
    tables
        Ibis tables of the warehouse (``flows``, reference tables).
    q
        The selection; its ``years`` must hold ``year`` and ``compare``.
    year, compare
        The reporting year and the base year.
    indicators
        Names from the registry; by default value, share and, with ``compare``, base value
        and growth.
    small_base_usd
        The threshold of the ``small_base`` flag.
    """
    probe = Context(q, tables, year=year, compare=compare, small_base_usd=small_base_usd)
    chosen = registry.resolve(indicators, probe)
    whole_year = any(i.name == "nowcast" for i in chosen)
    c = Context(
        q, tables, year=year, compare=compare, small_base_usd=small_base_usd,
        months_in_measures=whole_year,
    )  # fmt: skip
    t = aggregate(select(tables, q, months=not whole_year), c, registry.needs(chosen))
    t = apply(t, c, chosen)
    if whole_year:
        t = t.mutate(nowcast_method=ibis.literal(method(c)))
    t = names(tables, t, c.by, c.q.groups, query=c.q)
    return t.order_by([ibis.desc("value_usd"), *c.by])


def apply(t: ir.Table, c: Context, chosen: Sequence[Indicator]) -> ir.Table:
    """Add each chosen indicator's column, then keep keys, indicators and classifications."""
    for i in chosen:
        t = i.add(t, c)
    return t.select(*c.keys, *[i.column for i in chosen], "classifications")


#: What a reporter's trade with itself is, by flow (Comtrade reports re-imports so).
SELF_PARTNER = {
    "import": "own goods re-imported",
    "re-import": "own goods re-imported",
    "export": "own goods, as reported to itself",
    "re-export": "own goods, as reported to itself",
}


def names(
    tables: Mapping[str, ir.Table],
    t: ir.Table,
    by: list[str],
    scheme: str | None = None,
    *,
    query: Query | None = None,
) -> ir.Table:
    """Put the readable name beside each code column.

    The reporter as its own partner is named for what the record is: "Thailand (own goods
    re-imported)", never a partner like the others nor unallocated.
    """
    if "partner" in by:
        n = tables["country_names"].select(pn_code="code", partner_name="name_en")
        t = t.left_join(n, t.partner == n.pn_code).drop("pn_code")
        if query is not None:
            what = SELF_PARTNER.get(query.flow, "as reported to itself")
            own = t.partner_name.fill_null(t.partner) + ibis.literal(f" ({what})")
            t = t.mutate(partner_name=ibis.ifelse(t.partner == query.reporter, own, t.partner_name))
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
    if "firm" in by:
        n = tables["firms"].select(fn_code="firm", firm_name="name")
        t = t.left_join(n, t.firm.identical_to(n.fn_code)).drop("fn_code")
    if "group" in by and scheme is not None:
        if "scheme_groups" in tables and scheme in SCHEME_COLUMNS:
            # The built-in scheme's groups, each once, with the name a table gives it.
            g = tables["scheme_groups"]
            g = g.filter(g.scheme == scheme).select(gn_code="group_code", group_name="group_name")
        else:
            g = tables["product_groups"]
            g = g.filter(g.scheme == scheme).group_by(gn_code=g.group_code)
            g = g.aggregate(group_name=lambda x: x.group_name.min())
        t = t.left_join(g, t.group == g.gn_code).drop("gn_code")
        unmapped = ibis.literal(UNMAPPED_NAME)
        t = t.mutate(group_name=ibis.ifelse(t.group == UNMAPPED, unmapped, t.group_name))
        unspecified = ibis.literal(UNSPECIFIED_NAME)
        t = t.mutate(group_name=ibis.ifelse(t.group == UNSPECIFIED, unspecified, t.group_name))
    return t


def column_order(by: tuple[str, ...], compare: bool, columns: Sequence[str] = ()) -> list[str]:
    """The contract's column order for ``by``, then the indicator ``columns``."""
    cols: list[str] = []
    for d in by:
        cols.append(d)
        name = DIMENSIONS[d]
        if name is not None:
            cols.append(name)
    if "product" in by and "classification" not in by:
        cols.append("classification")
    if columns:
        return cols + list(columns)
    cols.append("value_usd")
    if compare:
        cols += ["base_value_usd", "growth_pct"]
    cols.append("share_pct")
    return cols
