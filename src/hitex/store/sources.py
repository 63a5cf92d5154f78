"""Where each reporter's figures come from, and how complete they are (data coverage).

The ``trade`` view answers a reporter's flow from up to three kinds of records:

- ``own``: records the reporter's side gives (a customs or Comtrade report of its own, or the
  exporter's side of a reconciled source such as BACI);
- ``mirror``: the partners' records of the same flows (BACI's importer side: a reporter's
  imports are the exports of every exporter the loads hold to it);
- ``totals``: only totals (partner WLD or product TOTAL) beyond the finer records.

A mirror flow is only as complete as the exporters the loads hold. The countries of a year are
those the reconciled loads of that year name on either side; an exporter among them that
sent no record at all is missing, and imports mirrored without it are partial.

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

_COUNTRIES = """SELECT year, list(DISTINCT reporter ORDER BY reporter) AS exporters,
    list(DISTINCT partner ORDER BY partner) AS importers
FROM flows WHERE flow = 'export' AND partner <> 'WLD'
    AND load_id IN (SELECT id FROM loads WHERE reconciled)
GROUP BY year"""


@dataclass(frozen=True)
class Year:
    """The exporters a year's reconciled loads hold, and every country they name."""

    exporters: frozenset[str]
    countries: frozenset[str]

    def missing(self, reporter: str) -> list[str]:
        """Countries of the year with no export record, the reporter itself aside."""
        return sorted(self.countries - self.exporters - {reporter})


def records(con: duckdb.DuckDBPyConnection, reporter: str, *, mirror: bool) -> pd.DataFrame:
    """Records and value of one reporter by flow, year and kind (``mirror`` if any can be)."""
    parts = [("own", _OWN), ("totals", _TOTALS)] + ([("mirror", _MIRROR)] if mirror else [])
    frames = [con.execute(sql, {"r": reporter}).df().assign(kind=kind) for kind, sql in parts]
    found = pd.concat(frames, ignore_index=True)
    return found.astype({"year": int, "records": "int64"})


def years(con: duckdb.DuckDBPyConnection) -> dict[int, Year]:
    """The exporters and countries of each year of the reconciled loads (one pass)."""
    out = {}
    for year, exporters, importers in con.execute(_COUNTRIES).fetchall():
        held = frozenset(exporters)
        out[int(year)] = Year(held, held | frozenset(importers))
    return out
