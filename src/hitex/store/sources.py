"""Where each reporter's figures come from, and how complete they are (data coverage).

The ``trade`` view answers a reporter's flow from up to three kinds of records:

- ``own``: records the reporter's side gives (a customs or Comtrade report of its own, or the
  exporter's side of a reconciled source such as BACI);
- ``mirror``: the partners' records of the same flows (BACI's importer side: a reporter's
  imports are the exports of every exporter the loads hold to it);
- ``totals``: only totals (partner WLD or product TOTAL) beyond the finer records.

A mirror flow is only as complete as the exporters the loads hold. The countries of a year are
those the reconciled loads of that year name on either side; an exporter among them that
sent no record at all is missing, and imports mirrored without it are partial, unless the
missing countries together import less than :data:`NEGLIGIBLE` of the year's value (a full
BACI year names a few territories that only receive goods; an extract of a few exporters
leaves out countries that import most of the world's trade).

:func:`records` counts one reporter's records of each kind; :func:`years` reads the exporters
of each reconciled year (kept by the warehouse until its data change);
:meth:`hitex.Session.coverage` words them.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

#: The kinds of records a figure can rest on, in the order they are listed.
KINDS = ("own", "mirror", "totals")

_OWN = """SELECT reporter, flow, year, count(*) AS records, sum(value_usd) AS value_usd
FROM flows WHERE reporter = $r AND partner <> 'WLD' AND product <> 'TOTAL' GROUP BY ALL"""

_TOTALS = """SELECT reporter, flow, year, count(*) AS records, sum(value_usd) AS value_usd
FROM unallocated WHERE reporter = $r GROUP BY ALL"""

_MIRROR = """SELECT partner AS reporter, 'import' AS flow, year, count(*) AS records,
    sum(value_usd) AS value_usd
FROM flows WHERE partner = $r AND flow = 'export'
    AND load_id IN (SELECT id FROM loads WHERE reconciled)
GROUP BY ALL"""

_RECONCILED = """SELECT year, reporter, partner, value_usd FROM flows
    WHERE flow = 'export' AND partner <> 'WLD'
        AND load_id IN (SELECT id FROM loads WHERE reconciled)"""

_COUNTRIES_OF = """WITH r AS ({exports}),
e AS (SELECT year, list(DISTINCT reporter ORDER BY reporter) AS exporters,
    sum(value_usd) AS total FROM r GROUP BY year),
i AS (SELECT year, partner, sum(value_usd) AS imported FROM r GROUP BY year, partner)
SELECT e.year, any_value(e.exporters), any_value(e.total), list(i.partner ORDER BY i.partner),
    list(i.imported ORDER BY i.partner)
FROM e JOIN i USING (year) GROUP BY e.year"""


def countries_sql(exports: str) -> str:
    """The exporters and countries of each year, from ``exports``.

    ``exports``: year, reporter, partner, value_usd of reconciled loads' exports (not to WLD).
    """
    return _COUNTRIES_OF.replace("{exports}", exports)


_COUNTRIES = countries_sql(_RECONCILED)

#: Exporters missing from a year's loads are let pass when the countries they are together
#: take less than this share of the year's value as importers: in BACI's full files a few
#: territories only receive goods; an extract of some exporters leaves out the large ones.
NEGLIGIBLE = 0.001


@dataclass(frozen=True)
class Year:
    """The exporters a year's reconciled loads hold and every country they name.

    ``imported`` is what each country imports in them, ``total`` the year's value.
    """

    exporters: frozenset[str]
    countries: frozenset[str]
    imported: dict[str, float]
    total: float

    def missing(self, reporter: str) -> list[str]:
        """Countries of the year with no export record, the reporter itself aside."""
        return sorted(self.countries - self.exporters - {reporter})

    def share(self, countries: list[str]) -> float:
        """The share of the year's value these countries import (0.0 to 1.0)."""
        taken = sum(self.imported.get(c, 0.0) for c in countries)
        return taken / self.total if self.total else 0.0


# The same questions in SQL every engine reads ("?" parameters, tables in braces), for
# engines other than the warehouse's own (see :meth:`hitex.store.engines.Engine.sources`).
RECONCILED = "SELECT count(*) AS n FROM {loads} WHERE reconciled AND status = 'loaded'"

OWN = """SELECT reporter, flow, year, count(*) AS records, sum(value_usd) AS value_usd
FROM {flows} WHERE reporter = ? AND partner <> 'WLD' AND product <> 'TOTAL'
GROUP BY reporter, flow, year"""

TOTALS = """SELECT reporter, flow, year, count(*) AS records, sum(value_usd) AS value_usd
FROM {unallocated} WHERE reporter = ? GROUP BY reporter, flow, year"""

MIRROR = """SELECT partner AS reporter, 'import' AS flow, year, count(*) AS records,
    sum(value_usd) AS value_usd
FROM {flows} WHERE partner = ? AND flow = 'export'
    AND load_id IN (SELECT id FROM {loads} WHERE reconciled)
GROUP BY partner, year"""

_RECONCILED_EXPORTS = """FROM {flows} WHERE flow = 'export' AND partner <> 'WLD'
    AND load_id IN (SELECT id FROM {loads} WHERE reconciled)"""
#: Value each exporter of a reconciled year sends.
EXPORTERS = (
    f"SELECT year, reporter, sum(value_usd) AS value_usd {_RECONCILED_EXPORTS} "
    "GROUP BY year, reporter"
)
#: Value each country of a reconciled year imports.
IMPORTERS = (
    f"SELECT year, partner, sum(value_usd) AS imported {_RECONCILED_EXPORTS} GROUP BY year, partner"
)


def typed(found: pd.DataFrame) -> pd.DataFrame:
    """Counts of :func:`records` with the columns' types whatever engine made them."""
    return found.astype({"year": int, "records": "int64", "value_usd": float})


def years_from(exporters: pd.DataFrame, importers: pd.DataFrame) -> dict[int, Year]:
    """:func:`years` from the per-exporter and per-importer sums of each reconciled year."""
    out = {}
    for year, sent in exporters.groupby("year"):
        held = frozenset(str(r) for r in sent["reporter"])
        got = importers[importers["year"] == year]
        imported = {str(c): float(v) for c, v in zip(got["partner"], got["imported"], strict=True)}
        if not imported:
            continue
        total = float(sent["value_usd"].fillna(0.0).sum())
        out[int(str(year))] = Year(held, held | frozenset(imported), imported, total)
    return out


def records(con: duckdb.DuckDBPyConnection, reporter: str, *, mirror: bool) -> pd.DataFrame:
    """Records and value of one reporter by flow, year and kind (``mirror`` if any can be)."""
    parts = [("own", _OWN), ("totals", _TOTALS)] + ([("mirror", _MIRROR)] if mirror else [])
    frames = [con.execute(sql, {"r": reporter}).df().assign(kind=kind) for kind, sql in parts]
    found = pd.concat(frames, ignore_index=True)
    return found.astype({"year": int, "records": "int64"})


def years(con: duckdb.DuckDBPyConnection, sql: str = _COUNTRIES) -> dict[int, Year]:
    """The exporters and countries of each year of the reconciled loads.

    ``sql`` may read the exports from elsewhere (:data:`hitex.store.rollups.COUNTRIES`).
    """
    out = {}
    for year, exporters, total, importers, values in con.execute(sql).fetchall():
        held = frozenset(exporters)
        imported = {str(c): float(v) for c, v in zip(importers, values, strict=True)}
        out[int(year)] = Year(held, held | frozenset(imported), imported, float(total or 0.0))
    return out
