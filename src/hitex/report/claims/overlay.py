"""The claims' own groups, laid over the warehouse's reference tables for one check.

A text names partners ("India, China and Japan") and products ("gas turbines and turbine
engines") that no scheme of the warehouse groups together. Rather than add up rows itself,
the checker gives each such set a group of its own and asks the ordinary
:meth:`hitex.Session.table`: :class:`Overlay` is an engine whose ``country_groups`` and
``product_groups`` tables hold these groups besides the warehouse's (as Ibis expressions over
the same tables, so nothing is written and the warehouse may be read-only).

Each product set is a scheme ``claims/N`` of two groups, ``subject`` (the set) and ``other``
(every other product loaded), so that a share of the set is a share of the whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import ibis
import ibis.expr.types as ir
import pandas as pd

from hitex.report.claims.lexicon import ProductEntry
from hitex.session import Session
from hitex.store.engines import TABLES, Engine, engine_for
from hitex.store.sources import Year

__all__ = ["PARTNERS", "SUBJECT", "Overlay", "session_with"]

#: The partner scheme of the claims' partner sets.
PARTNERS = "claims"
#: The group of a product scheme ``claims/N`` that holds the named products.
SUBJECT = "subject"


class Overlay(Engine):
    """DuckDB over the warehouse, with the claims' partner sets and product groups added."""

    name = "duckdb"

    def __init__(
        self,
        base: Engine,
        partner_sets: Mapping[str, Sequence[str]],
        product_sets: Mapping[str, Sequence[ProductEntry]],
    ) -> None:
        super().__init__(base.warehouse)
        self.base = base
        self.partner_sets = dict(partner_sets)
        self.product_sets = dict(product_sets)

    def backend(self) -> object:
        """The base engine's Ibis backend."""
        return self.base.backend()

    def tables(self, names: Iterable[str] = TABLES) -> dict[str, ir.Table]:
        """The warehouse's tables, with the claims' groups in the two group tables."""
        t = self.base.tables(TABLES)
        out = dict(t)
        out["country_groups"] = _union(t["country_groups"], _partners(t, self.partner_sets))
        out["product_groups"] = _union(t["product_groups"], _products(t, self.product_sets))
        return {n: out[n] for n in names}

    def execute(self, key: str, build: Callable[[], ir.Table]) -> pd.DataFrame:
        """Run on the base engine (its compile cache is this overlay's alone)."""
        return self.base.execute(key, build)

    def sql(self, query: str, params: Sequence[object] = ()) -> pd.DataFrame:
        """The base engine's answer (the checks before each query read the records)."""
        return self.base.sql(query, params)

    def holdings(self) -> dict[str, dict[str, list[int]]]:
        """The base engine's holdings."""
        return self.base.holdings()

    def has_months(self, reporter: str) -> bool:
        """Whether the base engine holds monthly records of ``reporter``."""
        return self.base.has_months(reporter)

    def sources(self, reporter: str) -> pd.DataFrame:
        """The base engine's sources of ``reporter``."""
        return self.base.sources(reporter)

    def reconciled_years(self) -> dict[int, Year]:
        """The base engine's reconciled years."""
        return self.base.reconciled_years()


def _union(table: ir.Table, more: list[ir.Table]) -> ir.Table:
    return table.union(*more) if more else table


def _partners(t: Mapping[str, ir.Table], sets: Mapping[str, Sequence[str]]) -> list[ir.Table]:
    c = t["countries"]
    null = ibis.null().cast("int64")
    return [
        c.filter(c.iso3.isin(list(codes))).select(
            scheme=ibis.literal(PARTNERS),
            group_name=ibis.literal(name),
            iso3=c.iso3,
            year_from=null,
            year_to=null,
        )
        for name, codes in sets.items()
    ]


def _products(
    t: Mapping[str, ir.Table], sets: Mapping[str, Sequence[ProductEntry]]
) -> list[ir.Table]:
    f = t["flows"]
    loaded = f.select("classification", "product").distinct()
    pg = t["product_groups"]
    out = []
    for scheme, entries in sets.items():
        member = _member(loaded, pg, entries)
        out.append(loaded.select(
            scheme=ibis.literal(scheme), classification=loaded.classification,
            product=loaded.product,
            group_code=ibis.ifelse(member, ibis.literal(SUBJECT), ibis.literal("other")),
            group_name=ibis.ifelse(member, ibis.literal(_label(entries)), ibis.literal("other")),
        ))  # fmt: skip
    return out


def _member(loaded: ir.Table, pg: ir.Table, entries: Sequence[ProductEntry]) -> ir.BooleanValue:
    tests: list[ir.BooleanValue] = []
    for e in entries:
        if e.codes:
            hs = loaded.classification.startswith("HS")
            tests.append(hs & ibis.or_(*[loaded.product.startswith(c) for c in e.codes]))
        elif e.scheme is not None:
            g = pg.filter(pg.scheme == e.scheme)
            if e.group is not None:
                wanted = e.group.lower()
                g = g.filter((g.group_code.lower() == wanted) | (g.group_name.lower() == wanted))
            keys = g.select(k=g.classification.concat("|", g.product))
            tests.append(loaded.classification.concat("|", loaded.product).isin(keys.k))
    return ibis.or_(*tests) if tests else ibis.literal(False)


def _label(entries: Sequence[ProductEntry]) -> str:
    return " and ".join(e.name for e in entries)


def session_with(
    session: Session,
    partner_sets: Mapping[str, Sequence[str]],
    product_sets: Mapping[str, Sequence[ProductEntry]],
) -> Session:
    """A Session over ``session``'s warehouse that also knows the claims' groups.

    Do not close it: the warehouse belongs to ``session``.
    """
    # DuckDB compiles once per question: a fresh engine keeps the base's cache apart. Other
    # engines (Spark) keep no compiled questions; the session's own one is reused.
    own = session.engine
    base = own if own.name != "duckdb" else engine_for("duckdb", session.warehouse)
    out = Session(session.warehouse, Overlay(base, partner_sets, product_sets))
    # The claims are of the same enterprise group, under the same disclosure control.
    out.scope(firm_group=session.firm_group, suppress=session.suppress)
    return out
