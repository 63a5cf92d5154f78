"""Lowest since: the year since which each year's value is the lowest.

"Lowest since 2001" means every year after 2001 was higher and 2001 itself was lower or
equal (DOMAIN.md). So the answer for year Y is the latest earlier year of the series whose
value was at most Y's; null when Y is the lowest of the series so far (or its first year).
"""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators._since import since
from hitex.indicators.context import Context


def lowest_since(t: ir.Table, c: Context) -> ir.Table:
    """``t`` with ``lowest_since``: the latest earlier year with a value at most this one."""
    return since(t, c, "lowest_since", lowest=True)
