"""Herfindahl-Hirschman index: concentration of the table's rows (partners, products, ...).

The sum of squared shares in percent, on the 0..10,000 scale (10,000 = one partner takes
everything; below 1,500 is usually read as unconcentrated, above 2,500 as concentrated).
Every row of a table (each year of a series) carries the same value: ``--by partner`` gives
the concentration of partners, ``--by product`` of products.
"""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context, null_unless


def hhi(t: ir.Table, c: Context) -> ir.Table:
    """``t`` with ``hhi``: the sum over rows of ``(value / total * 100) ** 2``.

    Null where the total is not positive (a deficit has no shares).
    """
    total = c.total(t.value_usd)
    t = t.mutate(hhi_total__=total, hhi_pct__=t.value_usd / total * 100.0)
    squares = (t.hhi_pct__ * t.hhi_pct__).sum().over(c.window())
    return t.mutate(hhi=null_unless(t.hhi_total__ > 0, squares)).drop("hhi_total__", "hhi_pct__")
