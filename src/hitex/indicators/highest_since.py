"""Highest since: the year since which each year's value is the highest.

The mirror of :mod:`hitex.indicators.lowest_since`: the latest earlier year whose value was
at least this year's; null when the year is the highest of the series so far.
"""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators._since import since
from hitex.indicators.context import Context


def highest_since(t: ir.Table, c: Context) -> ir.Table:
    """``t`` with ``highest_since``: the latest earlier year with a value at least this one."""
    return since(t, c, "highest_since", lowest=False)
