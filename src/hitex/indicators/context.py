"""What every indicator receives: the aggregated rows and the :class:`Context` they came from.

An indicator is a small function ``(t, c) -> ir.Value`` over the table ``t`` of measures
(``value_usd``, ``base_value_usd``, ...) aggregated by the query's ``by`` columns, or, for
the few that need more rows than ``t`` holds (``rca``, ``lowest_since``), ``(t, c) -> ir.Table``.
:class:`Indicator` records which kind it is and what it needs, so that
:mod:`hitex.indicators.registry` can list them all as data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from hitex.indicators.selection import Query

#: Default threshold under which a growth rate rests on a "small base" (US$).
SMALL_BASE_USD = 1_000_000.0


@dataclass(frozen=True)
class Context:
    """The query behind a table and the facts indicators need about its shape.

    ``series`` tables hold one row per year (and ``by`` value); there the base of each year
    is the year before, and shares and ranks are taken within each year.
    """

    q: Query
    tables: Mapping[str, ir.Table]
    year: int | None = None
    compare: int | None = None
    series: bool = False
    first_year: int | None = None
    small_base_usd: float = SMALL_BASE_USD
    #: The selection keeps every month; measures apply ``q.months`` themselves (nowcast).
    months_in_measures: bool = False

    @property
    def by(self) -> list[str]:
        """The columns rows are grouped on (a product code brings its classification)."""
        # A series is by year already ("--years 2010-2024 --by year" asks nothing more).
        by = [k for k in self.q.by if not (self.series and k == "year")]
        if "product" in by and "classification" not in by:
            # A product code means nothing without its classification (8517 in HS vs SITC).
            by.append("classification")
        return by

    @property
    def keys(self) -> list[str]:
        """The columns that identify one row: ``by``, and ``year`` in a series."""
        return [*self.by, "year"] if self.series and "year" not in self.by else self.by

    @property
    def partition(self) -> list[str]:
        """Totals, shares and ranks are taken within these columns (each year of a series)."""
        return ["year"] if self.series else []

    @property
    def has_base(self) -> bool:
        """Whether rows carry a base value (a comparison year, or the year before)."""
        return self.series or self.compare is not None

    def window(self, *order_by: ir.Value) -> ibis.expr.builders.LegacyWindowBuilder:
        """A window over the rows of one partition, ordered by ``order_by``."""
        return ibis.window(group_by=self.partition or None, order_by=list(order_by) or None)

    def total(self, column: ir.NumericColumn) -> ir.NumericValue:
        """The column's sum over the partition (the selection's total)."""
        return column.sum().over(self.window())

    def in_months(self, f: ir.Table) -> ir.BooleanValue:
        """Rows within ``q.months`` when measures apply them, else every row."""
        if self.months_in_measures and self.q.months is not None:
            return f.month.between(*self.q.months)
        return ibis.literal(True)


Column = Callable[[ir.Table, Context], ir.Value]
Join = Callable[[ir.Table, Context], ir.Table]


@dataclass(frozen=True)
class Indicator:
    """One registry entry: the name users give, the key it writes, and how to compute it.

    Parameters
    ----------
    name
        What ``--indicators`` names (``growth``).
    column
        The output key (``growth_pct``).
    func
        ``(t, c) -> ir.Value`` for the column, or with ``returns_table``, ``(t, c) -> ir.Table``
        returning ``t`` with the column added.
    needs
        Measures the function reads from ``t`` (see :data:`hitex.indicators.measures.MEASURES`).
    base
        Whether it compares with a base (needs ``--compare`` or a series).
    modes
        ``table``, ``series`` or both: where the indicator means something.
    """

    name: str
    column: str
    func: Column | Join
    needs: tuple[str, ...] = ("value_usd",)
    base: bool = False
    returns_table: bool = False
    modes: tuple[str, ...] = ("table", "series")
    doc: str = ""

    def add(self, t: ir.Table, c: Context) -> ir.Table:
        """``t`` with this indicator's column."""
        if self.returns_table:
            out = self.func(t, c)
            assert isinstance(out, ir.Table)
            return out
        return t.mutate(**{self.column: self.func(t, c)})


def null_unless(condition: ir.BooleanValue, value: ir.Value, to: str = "float64") -> ir.Value:
    """``value`` where ``condition`` holds, else null (never infinity or NaN)."""
    return ibis.ifelse(condition, value, ibis.null()).cast(to)
