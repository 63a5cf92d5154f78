"""Enterprises: how many export, how many started or stopped, and what each brought to growth.

Records carry the declarant in ``firm`` (the exporter of an export, the importer of an
import; NULL where the file gave none). Enterprises are counted within each row of the table
(a partner, a product, the whole selection), never added up across rows.

- ``firms``: enterprises with records in the row in the reporting period.
- ``new_firms``: with records in the row now and none in the same row in the base period.
- ``exits``: with records in the row in the base period and none now.
- ``value_per_firm``: the row's value over its enterprises.
- ``new_firms_value``, ``exits_value``, ``continuing_change``: the growth of the row taken
  apart: the value of new exporters, the base value of those who stopped, and the change of
  those present in both periods (``change = new - exits + continuing`` for a row whose every
  record has an enterprise).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from hitex.indicators.context import Context

#: Measures of enterprise dynamics: computed per enterprise first, then per row.
DYNAMICS = ("new_firms", "exits", "new_firms_value", "exits_value", "continuing_change")


def firms_measure(f: ir.Table, c: Context, now: ir.BooleanValue) -> ir.Value:
    """Distinct enterprises among the rows where ``now`` holds."""
    return f.firm.nunique(where=now & f.firm.notnull())


def dynamics(f: ir.Table, c: Context, keys: list[str]) -> ir.Table:
    """Per row of ``keys``: new enterprises, exits and the growth decomposed between them."""
    now = c.in_months(f) & (f.year == c.year)
    base = c.in_months(f) & (f.year == c.compare)
    per = (
        f.filter(f.firm.notnull())
        .group_by(list(dict.fromkeys([*keys, "firm"])))
        .aggregate(
            now_usd=f.value.sum(where=now),
            base_usd=f.value.sum(where=base),
            now_n=f.value.count(where=now),
            base_n=f.value.count(where=base),
        )
    )
    is_new = (per.now_n > 0) & (per.base_n == 0)
    gone = (per.now_n == 0) & (per.base_n > 0)
    both = (per.now_n > 0) & (per.base_n > 0)
    zero = ibis.literal(0.0)
    metrics = {
        "new_firms": is_new.cast("int64").sum(),
        "exits": gone.cast("int64").sum(),
        "new_firms_value": ibis.ifelse(is_new, per.now_usd.fill_null(0.0), zero).sum(),
        "exits_value": ibis.ifelse(gone, per.base_usd.fill_null(0.0), zero).sum(),
        "continuing_change": ibis.ifelse(
            both, per.now_usd.fill_null(0.0) - per.base_usd.fill_null(0.0), zero
        ).sum(),
    }
    return per.group_by(keys).aggregate(**metrics) if keys else per.aggregate(**metrics)


def with_dynamics(t: ir.Table, f: ir.Table, c: Context, names: list[str]) -> ir.Table:
    """``t`` with the enterprise dynamics ``names`` joined on its keys (0 where none)."""
    keys = c.keys
    d = dynamics(f, c, keys)
    wanted = [n for n in DYNAMICS if n in names]
    if keys:
        d = d.rename({f"{k}__d": k for k in keys})
        t = t.left_join(d, [t[k].identical_to(d[f"{k}__d"]) for k in keys])
        t = t.drop(*[f"{k}__d" for k in keys], *[n for n in DYNAMICS if n not in wanted])
    else:
        t = t.cross_join(d.select(*wanted))
    fills = {n: t[n].fill_null(0 if n in ("new_firms", "exits") else 0.0) for n in wanted}
    return t.mutate(**fills)


# -- the indicators --------------------------------------------------------------------------
def firms(t: ir.Table, c: Context) -> ir.Value:
    """Enterprises with records in the row in the reporting period."""
    return t.firms.cast("int64")
