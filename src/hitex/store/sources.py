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

:func:`sources` reads these facts once per warehouse version (one pass over the records);
:meth:`hitex.Session.coverage` words them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

#: The kinds of records a figure can rest on, in the order they are listed.
KINDS = ("own", "mirror", "totals")

_OWN = """SELECT reporter, flow, year, count(*) AS records, sum(value_usd) AS value_usd,
    bool_or(month IS NOT NULL) AS monthly, count(DISTINCT month) AS months
FROM flows WHERE partner <> 'WLD' AND product <> 'TOTAL' GROUP BY ALL"""

_TOTALS = """SELECT reporter, flow, year, count(*) AS records, sum(value_usd) AS value_usd,
    bool_or(month IS NOT NULL) AS monthly, count(DISTINCT month) AS months
FROM unallocated GROUP BY ALL"""

_MIRROR = """SELECT partner AS reporter, 'import' AS flow, year, count(*) AS records,
    sum(value_usd) AS value_usd, bool_or(month IS NOT NULL) AS monthly,
    count(DISTINCT month) AS months
FROM flows WHERE flow = 'export' AND load_id IN (SELECT id FROM loads WHERE reconciled)
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


@dataclass(frozen=True)
class Sources:
    """Records by (reporter, flow, year, kind), and the exporters of each reconciled year."""

    records: pd.DataFrame
    years: dict[int, Year] = field(default_factory=dict)


def sources(con: duckdb.DuckDBPyConnection) -> Sources:
    """Read the kinds of records of every reporter, flow and year (one pass each)."""
    frames = []
    for kind, sql in (("own", _OWN), ("mirror", _MIRROR), ("totals", _TOTALS)):
        frame = con.execute(sql).df()
        frames.append(frame.assign(kind=kind))
    records = pd.concat(frames, ignore_index=True)
    records["year"] = records["year"].astype(int)
    years = {}
    for year, exporters, importers in con.execute(_COUNTRIES).fetchall():
        held = frozenset(exporters)
        years[int(year)] = Year(held, held | frozenset(importers))
    return Sources(records, years)
