"""Indicators: Ibis expressions for every figure of a trade report; no engine is named here.

:func:`table` gives one year (against a base year), :func:`series` every year of a span,
:func:`tech_balance` goods and services side by side. The indicators they can show are
listed in :data:`INDICATORS`, one module each.
"""

from __future__ import annotations

from hitex.indicators.context import SMALL_BASE_USD, Context, Indicator
from hitex.indicators.registry import ALIASES, INDICATORS
from hitex.indicators.selection import (
    DIMENSIONS,
    FLOW_CHOICES,
    NOT_GROUPED,
    UNMAPPED,
    UNMAPPED_NAME,
    UNSPECIFIED,
    UNSPECIFIED_NAME,
    Query,
    select,
)
from hitex.indicators.series import series
from hitex.indicators.table import column_order, table
from hitex.indicators.tech_balance import TECH_SERVICES, tech_balance

__all__ = [
    "ALIASES",
    "DIMENSIONS",
    "FLOW_CHOICES",
    "INDICATORS",
    "NOT_GROUPED",
    "SMALL_BASE_USD",
    "TECH_SERVICES",
    "UNMAPPED",
    "UNMAPPED_NAME",
    "UNSPECIFIED",
    "UNSPECIFIED_NAME",
    "Context",
    "Indicator",
    "Query",
    "column_order",
    "select",
    "series",
    "table",
    "tech_balance",
]
