"""What the warehouse knows about products and partners: schemes, groups, codes, coverage.

:class:`Catalog` is a mixin of :class:`hitex.Session`; the ``groups``, ``classify`` and
``coverage`` commands, and the HTTP API, call these methods.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from hitex import firms as firms_registry
from hitex.errors import InputError, UnknownCodeError
from hitex.reference import coverage as cov
from hitex.reference import schemes as builtin
from hitex.reference.countries import name as country_name
from hitex.reference.countries import resolve
from hitex.reference.usergroups import UserScheme
from hitex.store import Warehouse, rollups
from hitex.store.sources import KINDS, NEGLIGIBLE, Year


class Records(Protocol):
    """What coverage reads about the records: a warehouse, or a session's engine."""

    def holdings(self) -> dict[str, dict[str, list[int]]]:
        """Reporter -> flow -> years with records."""

    def sources(self, reporter: str) -> pd.DataFrame:
        """Records of ``reporter`` by flow, year and kind."""

    def reconciled_years(self) -> dict[int, Year]:
        """Exporters and countries of each reconciled year."""

    def sql(self, query: str, params: Sequence[object] = ()) -> pd.DataFrame:
        """A small aggregate of the records (tables in braces, ``?`` parameters)."""


class Catalog:
    """Schemes and groups of a warehouse: the built-in ones and the user's."""

    warehouse: Warehouse

    def _records(self) -> Records:
        """Where the records are read: the session's engine when it has one."""
        return getattr(self, "engine", self.warehouse)

    def groups(self, scheme: str | None = None) -> pd.DataFrame:
        """List schemes (``scheme=None``) or the groups of one scheme with their codes.

        Without a scheme: ``kind`` (product / partner), ``scheme``, ``groups``, ``codes``,
        ``classifications``, ``source`` (built-in or the user's file). With a product
        scheme: ``group_code``, ``group_name``, ``classification``, ``products``, ``codes``.
        With a partner scheme: ``group_name``, ``members``, ``codes``.
        """
        if scheme is None:
            return self._schemes()
        listed = self._schemes()
        row = listed[listed["scheme"] == scheme]
        if row.empty:
            raise UnknownCodeError.new("scheme", scheme, listed["scheme"].tolist())
        if row["kind"].item() == "product":
            return self.warehouse.sql(
                """SELECT group_code, group_name, classification, count(*) AS products,
                string_agg(product, ' ' ORDER BY product) AS codes
                FROM product_groups g WHERE scheme = ? AND NOT EXISTS (
                    SELECT 1 FROM products c WHERE c.classification = g.classification
                    AND c.parent = g.product)
                GROUP BY ALL ORDER BY classification, group_code""",
                [scheme],
            )
        return self.warehouse.sql(
            """SELECT group_name, count(DISTINCT iso3) AS members,
            string_agg(DISTINCT iso3, ' ' ORDER BY iso3) AS codes
            FROM country_groups WHERE scheme = ? GROUP BY group_name ORDER BY group_name""",
            [scheme],
        )

    def _schemes(self) -> pd.DataFrame:
        frame = self.warehouse.sql(
            """SELECT 'product' AS kind, scheme, count(DISTINCT group_code) AS groups,
                count(*) AS codes, string_agg(DISTINCT classification, ',' ORDER BY
                classification) AS classifications FROM product_groups GROUP BY scheme
            UNION ALL
            SELECT 'partner', scheme, count(DISTINCT group_name), count(DISTINCT iso3), NULL
                FROM country_groups GROUP BY scheme"""
        )
        users = set(self.warehouse.user_schemes()["name"])
        frame["source"] = ["user" if s in users else "built-in" for s in frame["scheme"]]
        order = {s.name: i for i, s in enumerate(builtin.SCHEMES)}
        frame["order"] = [order.get(s, len(order)) for s in frame["scheme"]]
        frame = frame.sort_values(["kind", "order", "scheme"], ascending=[False, True, True])
        return frame.drop(columns="order").reset_index(drop=True)

    def periods(self) -> pd.DataFrame:
        """Reporters, flows and years the warehouse holds: what a query can ask about.

        One row per (``reporter``, ``flow``, ``year``), with ``monthly`` (whether any record
        of them has a month), ``records``, and ``first_month`` / ``last_month`` (the months
        held, NULL for annual records); the dashboard offers these as choices.
        """
        records = self._records()
        if getattr(records, "name", "duckdb") == "duckdb" and self.warehouse.rollups_ready():
            # The partners rollup counts the records of each row: the same answer, read from
            # thousands of rows instead of millions.
            found = self.warehouse.con.execute(rollups.PERIODS).df()
            return found.astype({"first_month": "Int8", "last_month": "Int8"})
        found = records.sql(
            """SELECT reporter, flow, year, bool_or(month IS NOT NULL) AS monthly,
            count(*) AS records, min(month) AS first_month, max(month) AS last_month
            FROM {trade} GROUP BY reporter, flow, year ORDER BY reporter, flow, year"""
        )
        # Months are missing for annual records, whatever engine counted them.
        return found.astype({"first_month": "Int8", "last_month": "Int8"})

    def add_groups(self, path: str | os.PathLike[str]) -> UserScheme:
        """Add a user scheme from YAML (replacing one of the same name)."""
        return self.warehouse.add_user_scheme(path)

    def add_firms(self, path: str | os.PathLike[str]) -> firms_registry.Registry:
        """Add an enterprise registry (CSV, Excel, YAML); adding a file again replaces it."""
        con = self.warehouse.con
        registry = firms_registry.read(Path(path), known=firms_registry.known(con))
        con.execute("BEGIN TRANSACTION")
        try:
            firms_registry.store(con, registry)
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        return registry

    def firms(self, group: str | None = None) -> pd.DataFrame:
        """Enterprise groups (enterprises, how many have records), or the members of one."""
        con = self.warehouse.con
        if group is None:
            return firms_registry.groups(con)
        known = firms_registry.group_names(con)
        if group.lower() not in {g.lower() for g in known}:
            raise UnknownCodeError.new("enterprise group", group, known)
        return firms_registry.members(con, group)

    def classify(self, codes: Iterable[str], classification: str = "HS17") -> pd.DataFrame:
        """What every scheme (built-in and the user's) says about each code.

        Returns one row per (code, scheme): ``product``, ``description``, ``scheme``,
        ``group_code``, ``group_name`` (empty where the scheme has no group for it).
        """
        cleaned = pd.Series(builtin.known_codes(codes, classification)).drop_duplicates()
        frame = pd.DataFrame({"product": cleaned.tolist()})
        self.warehouse.con.register("codes__", frame)
        try:
            return self.warehouse.sql(
                """SELECT c.product, p.description, s.scheme, g.group_code, g.group_name
                FROM codes__ c
                CROSS JOIN (SELECT DISTINCT scheme FROM product_groups
                            WHERE classification = ?) s
                LEFT JOIN products p ON p.classification = ? AND p.product = c.product
                LEFT JOIN product_groups g ON g.scheme = s.scheme
                    AND g.classification = ? AND g.product = c.product
                ORDER BY list_position(?, c.product), s.scheme""",
                [classification, classification, classification, cleaned.tolist()],
            )
        finally:
            self.warehouse.con.unregister("codes__")

    def coverage(
        self,
        reporter: str | None = None,
        year: int | None = None,
        *,
        schemes: Iterable[str] | None = None,
        by_classification: bool = False,
    ) -> pd.DataFrame:
        """Where a reporter's figures come from and how complete they are; or scheme coverage.

        With a ``reporter`` (and no ``schemes``): one row per flow and year (of ``year``, or of
        every year the reporter has records) with ``kinds`` (``own``, ``mirror``, ``totals``:
        see :mod:`hitex.store.sources`), ``complete``, ``records``, ``value_usd``, for mirror
        flows ``exporters`` held against the ``countries`` of that year and the ``missing``
        ones, and a one-line ``note``. A ``balance`` row per year says whether both flows
        can support one.

        Without a reporter, or with ``schemes`` or ``by_classification``:
        :meth:`scheme_coverage`.
        """
        if reporter is None or schemes is not None or by_classification:
            return self.scheme_coverage(
                reporter=reporter, year=year, schemes=schemes, by_classification=by_classification
            )
        # Kept until the warehouse changes: every table of imports or a balance asks it, and
        # every reader session of a server over the same file shares it.
        key = (self.warehouse.path, self.warehouse.version(),
               getattr(self._records(), "name", ""), resolve(reporter), year)  # fmt: skip
        # A warehouse in memory has no file to name it by: its sessions keep their own.
        kept: dict[tuple[object, ...], pd.DataFrame] = (
            self.__dict__.setdefault("_coverage_", {})
            if self.warehouse.path == ":memory:"
            else _COVERAGE
        )
        found = kept.get(key)
        if found is None:
            found = data_coverage(self._records(), resolve(reporter), year)
            if len(kept) > 1024:
                kept.clear()
            kept[key] = found
        return found.copy()

    def scheme_coverage(
        self,
        *,
        reporter: str | None = None,
        year: int | None = None,
        schemes: Iterable[str] | None = None,
        by_classification: bool = False,
    ) -> pd.DataFrame:
        """Share of the loaded value each scheme classifies, and the rest by reason.

        ``by_classification`` gives one block per classification loaded (HS92, HS17, SITC3...).
        """
        where, params = ["TRUE"], list[object]()
        if reporter is not None:
            where.append("reporter = ?")
            params.append(resolve(reporter))
        if year is not None:
            where.append("year = ?")
            params.append(year)
        flows = self._records().sql(
            # Fixed fragments joined; the values are parameters.
            f"""SELECT classification, product, sum(value_usd) AS value_usd FROM {{flows}}
            WHERE {" AND ".join(where)} GROUP BY classification, product""",  # noqa: S608
            params,
        )
        names = list(schemes) if schemes is not None else [s.name for s in builtin.SCHEMES]
        for name in names:
            builtin.get_scheme(name)
        if flows.empty:
            by = ["classification"] if by_classification else []
            return pd.DataFrame(columns=["scheme", *by, *cov.COVERAGE_COLUMNS[1:]])
        return cov.coverage(flows, names, by_classification=by_classification)


#: Coverage of a reporter by (warehouse file, version, engine, reporter, year).
_COVERAGE: dict[tuple[object, ...], pd.DataFrame] = {}

#: Columns of :meth:`Catalog.coverage` with a reporter.
DATA_COVERAGE_COLUMNS = ["reporter", "flow", "year", "kinds", "complete", "note", "records",
                         "value_usd", "exporters", "countries", "missing"]  # fmt: skip

#: Flows every reporter's coverage lists (others when loaded).
CORE_FLOWS = ("export", "import")


def data_coverage(warehouse: Records, reporter: str, year: int | None = None) -> pd.DataFrame:
    """:meth:`Catalog.coverage` of one reporter (an ISO code), from its sources.

    ``warehouse`` is the warehouse or the engine of a session (which reads its own tables).
    """
    held = warehouse.holdings()
    if reporter not in held:
        reporters = sorted(held)
        listed = ", ".join(reporters[:12]) + (" ..." if len(reporters) > 12 else "")
        raise InputError(
            f"The warehouse holds no records of {reporter}; "
            + (f"it holds reporters {listed}." if reporters else "it is empty (hitex load).")
        )
    years = sorted({y for ys in held[reporter].values() for y in ys})
    if year is not None:
        if year not in years:
            raise InputError(f"{reporter} has no records for {year}; it has {year_span(years)}.")
        years = [year]
    mine = warehouse.sources(reporter)
    flows = [*CORE_FLOWS, *sorted(set(mine["flow"]) - set(CORE_FLOWS))]
    counted = mine.groupby(["flow", "year", "kind"])[["records", "value_usd"]].sum()
    rows = []
    for y in years:
        per_flow = {}
        for flow in flows:
            kinds = [k for k in KINDS if (flow, y, k) in counted.index]
            row = _flow_row(warehouse, reporter, flow, y, kinds, counted)
            per_flow[flow] = row
            rows.append(row)
        rows.append(_balance_row(reporter, y, per_flow["export"], per_flow["import"]))
    frame = pd.DataFrame(rows, columns=DATA_COVERAGE_COLUMNS)
    return frame.astype({"records": "int64", "exporters": "Int64", "countries": "Int64"})


def _flow_row(
    warehouse: Records, reporter: str, flow: str, year: int, kinds: list[str],
    counted: pd.DataFrame,
) -> dict[str, object]:  # fmt: skip
    who = country_name(reporter)
    cells: list[Any] = [counted.loc[(flow, year, k)].tolist() for k in kinds]  # type: ignore[index]
    records = int(sum(int(c[0]) for c in cells))
    value = float(sum(float(c[1]) for c in cells))
    row: dict[str, object] = {
        "reporter": reporter, "flow": flow, "year": year, "kinds": ",".join(kinds),
        "complete": True, "records": records, "value_usd": value if kinds else None,
        "exporters": None, "countries": None, "missing": "", "note": "",
    }  # fmt: skip
    plural = _PLURAL.get(flow, flow + "s")
    if not kinds:
        row.update(complete=False, note=f"No {flow} records of {who} are loaded for {year}.")
        return row
    if "mirror" in kinds:
        known = warehouse.reconciled_years()[year]
        missing = known.missing(reporter)
        held = sorted(known.exporters - {reporter})
        little = bool(missing) and known.share(missing) < NEGLIGIBLE
        row.update(exporters=len(held), countries=len(known.countries - {reporter}),
                   missing=" ".join(missing), complete=not missing or little)  # fmt: skip
        if "own" in kinds:
            row.update(
                complete=False,
                note=f"{who}'s own {flow} records and its partners' mirror records are both "
                f"loaded for {year}: their sum counts each flow twice.",
            )
        elif little:
            others = ", ".join(country_name(c) for c in missing[:3]) + (
                " ..." if len(missing) > 3 else ""
            )
            share = f"{known.share(missing) * 100:.2g}%"
            rest = (
                f"the other country ({others}) exports nothing in them and imports"
                if len(missing) == 1
                else f"the {len(missing)} others ({others}) export nothing in them and import"
            )
            row["note"] = (
                f"Mirrored from the exports to {who} of {len(held)} of the "
                f"{len(known.countries - {reporter})} countries in the {year} loads; {rest} "
                f"{share} of the year's value."
            )
        elif missing:
            shown = ", ".join(country_name(c) for c in held[:3]) + (" ..." if len(held) > 3 else "")
            row["note"] = (
                f"Partial: {who}'s {plural} in {year} are mirrored from the exports of "
                f"{len(held)} of the {len(known.countries - {reporter})} countries in the "
                f"{year} loads ({shown}); {len(missing)} "
                + ("exporter is" if len(missing) == 1 else "exporters are")
                + " not loaded."
            )
        else:
            row["note"] = (
                f"Mirrored from the exports to {who} of all {len(held)} countries in the "
                f"{year} loads (reconciled source, FOB values)."
            )
        return row
    if kinds == ["totals"]:
        row["note"] = (f"Totals only for {year}: no detail of {who}'s {plural} by partner or "
                       "product.")  # fmt: skip
    elif "totals" in kinds:
        row["note"] = (f"{who}'s own records for {year}, with totals that add what the detail "
                       "leaves out.")  # fmt: skip
    else:
        row["note"] = f"{who}'s own records for {year}."
    return row


_PLURAL = {"export": "exports", "import": "imports", "re-export": "re-exports",
           "re-import": "re-imports"}  # fmt: skip


def _balance_row(
    reporter: str, year: int, export: dict[str, object], imports: dict[str, object]
) -> dict[str, object]:
    both = bool(export["complete"]) and bool(imports["complete"])
    if both:
        note = f"Exports and imports of {year} are both complete: a balance can be stated."
    else:
        gaps = [str(r["note"]) for r in (export, imports) if not r["complete"]]
        note = "No balance: " + " ".join(gaps)
    value = (float(export["value_usd"]) - float(imports["value_usd"])  # type: ignore[arg-type]
             if both else None)  # fmt: skip
    return {"reporter": reporter, "flow": "balance", "year": year,
            "kinds": ",".join(k for k in KINDS if k in f"{export['kinds']},{imports['kinds']}"),
            "complete": both, "records": int(export["records"]) + int(imports["records"]),  # type: ignore[call-overload]
            "value_usd": value, "exporters": None, "countries": None, "missing": "",
            "note": note}  # fmt: skip


def year_span(years: list[int]) -> str:
    """``[2001, 2002, 2003, 2005]`` -> ``"2001-2003, 2005"``."""
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
