"""Revealed comparative advantage (Balassa): where world data (e.g. BACI) is loaded.

``RCA_ik = (x_ik / x_i) / (x_wk / x_w)``: the share of product k in reporter i's exports over
its share in the exports of every reporter in the warehouse, for the same year and
classification(s). Above 1, the reporter is relatively specialised in k. The totals ``x_i``
and ``x_w`` are all exports (every product, every partner), whatever product group or
partner group the table is narrowed to; the rows are the table's products or groups.
"""

from __future__ import annotations

import dataclasses

import ibis.expr.types as ir

from hitex.errors import InputError
from hitex.indicators.context import Context, null_unless
from hitex.indicators.selection import select

#: ``by`` columns RCA can be computed for: product-side ones only.
PRODUCT_SIDE = frozenset({"product", "classification", "group", "year"})


def rca(t: ir.Table, c: Context) -> ir.Table:
    """``t`` with ``rca``, the Balassa index of each row (null without world exports)."""
    if c.q.flow != "export" or not set(c.by) <= PRODUCT_SIDE:
        raise InputError(
            "RCA compares a reporter's exports by product with the world's: "
            "use --flow export and --by product (or group)."
        )
    world_q = dataclasses.replace(c.q, partner_group=None, flow="export")
    share_k = _shares(select(c.tables, world_q, reporter=False), c, c.keys, "k")
    total_q = dataclasses.replace(world_q, groups=None, group=None)
    totals = select(c.tables, total_q, reporter=False)
    total_keys = c.partition + (["classification"] if "classification" in c.by else [])
    share_k = _join(share_k, _shares(totals, c, total_keys, "all"), total_keys)
    share_k = share_k.mutate(
        rca=null_unless(
            (share_k.xi_all > 0) & (share_k.xw_k > 0),
            (share_k.xi_k / share_k.xi_all) / (share_k.xw_k / share_k.xw_all),
        )
    ).select(*[share_k[k].name(f"{k}__r") for k in c.keys], "rca")
    if not c.keys:
        return t.cross_join(share_k)
    out = t.left_join(share_k, [t[k] == share_k[f"{k}__r"] for k in c.keys])
    return out.drop(*[f"{k}__r" for k in c.keys])


def _join(left: ir.Table, right: ir.Table, keys: list[str]) -> ir.Table:
    return left.join(right, keys) if keys else left.cross_join(right)


def _shares(f: ir.Table, c: Context, keys: list[str], suffix: str) -> ir.Table:
    """The reporter's exports and the world's, by ``keys``, in the reporting period."""
    when = f.year == c.year if not c.series else f.year.notnull()
    mine = when & (f.reporter == c.q.reporter)
    metrics = {
        f"xi_{suffix}": f.value_usd.sum(where=mine),
        f"xw_{suffix}": f.value_usd.sum(where=when),
    }
    return f.group_by(keys).aggregate(**metrics) if keys else f.aggregate(**metrics)
