"""Indicators: Ibis expressions for every figure of a trade report; no engine is named here."""

from __future__ import annotations

from hitex.indicators.selection import DIMENSIONS, FLOW_CHOICES, Query, select
from hitex.indicators.table import column_order, table

__all__ = ["DIMENSIONS", "FLOW_CHOICES", "Query", "column_order", "select", "table"]
