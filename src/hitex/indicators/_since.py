"""The shared step of ``lowest_since`` and ``highest_since``: a self-join over the years."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context


def since(t: ir.Table, c: Context, column: str, *, lowest: bool) -> ir.Table:
    """``t`` with ``column``: the latest earlier year at or beyond this year's value."""
    by = [k for k in c.keys if k != "year"]
    now = t.select(*c.keys, "value_usd")
    other = t.select(*[t[k].name(f"{k}__s") for k in by], year__s=t.year, value__s=t.value_usd)
    on = [now[k] == other[f"{k}__s"] for k in by] + [other.year__s < now.year]
    on.append(other.value__s <= now.value_usd if lowest else other.value__s >= now.value_usd)
    hits = now.inner_join(other, on)
    found = hits.group_by(c.keys).aggregate(found__y=hits.year__s.max())
    found = found.rename({f"{k}__f": k for k in c.keys})
    out = t.left_join(found, [t[k] == found[f"{k}__f"] for k in c.keys])
    out = out.drop(*[f"{k}__f" for k in c.keys])
    return out.mutate(**{column: out.found__y.cast("int64")}).drop("found__y")
