"""The Python entry point: ``hitex.open(path)`` gives a :class:`Session` over a warehouse.

A session loads files into the warehouse and answers tables as pandas DataFrames. The
figures come from :mod:`hitex.indicators` expressions run by the chosen engine; the CLI, the
reports and the HTTP API all call these same methods.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

import ibis.expr.types as ir
import pandas as pd

import hitex.indicators as ind
from hitex.catalog import Catalog
from hitex.indicators.selection import check_names
from hitex.store import LoadResult, Warehouse
from hitex.store.warehouse import Step

#: Tables the indicators read.
TABLES = ("flows", "countries", "country_names", "products", "product_groups", "country_groups")


class Session(Catalog):
    """A warehouse and the engine that runs its queries (DuckDB by default)."""

    def __init__(self, warehouse: Warehouse) -> None:
        self.warehouse = warehouse

    # -- data -----------------------------------------------------------------------------
    def load(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        format: str,
        classification: str = "HS17",
        revise: bool = False,
        progress: Step | None = None,
    ) -> list[LoadResult]:
        """Load files into the warehouse (see :meth:`hitex.store.Warehouse.load`)."""
        return self.warehouse.load(
            paths, format=format, classification=classification, revise=revise, progress=progress
        )

    def loads(self) -> pd.DataFrame:
        """Every attempted load."""
        return self.warehouse.loads()

    def rejects(self, load_id: int | None = None) -> pd.DataFrame:
        """Refused records with their line and reason."""
        return self.warehouse.rejects(load_id)

    def tables(self) -> dict[str, ir.Table]:
        """The Ibis tables indicators read, on this session's engine."""
        backend = self.warehouse.ibis
        return {name: backend.table(name) for name in TABLES}

    # -- answers --------------------------------------------------------------------------
    def table(
        self,
        *,
        reporter: str,
        flow: str = "export",
        year: int,
        compare: int | None = None,
        by: Iterable[str] = (),
        partner_group: str | None = None,
        groups: str | None = None,
        group: str | None = None,
        months: tuple[int, int] | None = None,
        classification: str | None = None,
        top: int | None = None,
    ) -> pd.DataFrame:
        """Value by ``by`` for ``year``; with ``compare``, base value, growth % and share %.

        Examples
        --------
        >>> s = open(":memory:")
        >>> s.table(reporter="RUS", year=2020).columns.tolist()
        ['value_usd', 'share_pct', 'classifications']
        """
        years = (year,) if compare is None else (year, compare)
        q = ind.Query(
            reporter=_reporter(reporter),
            flow=flow,
            years=years,
            by=tuple(by),
            partner_group=partner_group,
            groups=groups,
            group=group,
            months=months,
            classification=classification,
            membership_year=year,
        )
        tables = self.tables()
        check_names(tables, q)
        expr = ind.table(tables, q, year=year, compare=compare)
        if top is not None:
            expr = expr.limit(top)
        frame = expr.to_pandas()
        return _ordered(frame, ind.column_order(q.by, compare is not None))

    def close(self) -> None:
        """Close the warehouse."""
        self.warehouse.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Session:
    """Open (creating if needed) the warehouse at ``path`` (default ``$HITEX_DB``)."""
    return Session(Warehouse(path, read_only=read_only))


def _reporter(value: str) -> str:
    from hitex.reference.countries import resolve  # noqa: PLC0415

    return resolve(value)


def _ordered(frame: pd.DataFrame, first: list[str]) -> pd.DataFrame:
    """Contract columns first, in order; other columns (``classifications``) after."""
    head = [c for c in first if c in frame.columns]
    rest = [c for c in frame.columns if c not in head]
    out = frame[head + rest].reset_index(drop=True)
    if "classifications" in out.columns:
        out["classifications"] = [
            ",".join(sorted(v)) if v is not None else "" for v in out["classifications"]
        ]
    return out
