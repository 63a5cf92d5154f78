"""Growth: percentage change against the base year."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context, null_unless


def growth(t: ir.Table, c: Context) -> ir.Value:
    """``(value - base) / base * 100``; null on a zero, negative or missing base.

    A rate on a base of 0 is not infinite but undefined, and one on a negative base (a
    deficit) has no sign anyone reads right, so both are null.

    Examples
    --------
    >>> import ibis
    >>> from hitex.indicators.selection import Query
    >>> t = ibis.memtable({"value_usd": [150.0, 5.0], "base_value_usd": [100.0, 0.0]})
    >>> c = Context(Query(reporter="RUS"), {}, year=2020, compare=2019)
    >>> t.select(g=growth(t, c)).to_pandas()["g"].tolist()
    [50.0, nan]
    """
    base = t.base_value_usd
    return null_unless(base > 0, (t.value_usd - base) / base * 100.0)
