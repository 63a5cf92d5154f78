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
from hitex.wording import plural_ru


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
        lang: str = "en",
    ) -> pd.DataFrame:
        """Where a reporter's figures come from and how complete they are; or scheme coverage.

        With a ``reporter`` (and no ``schemes``): one row per flow and year (of ``year``, or of
        every year the reporter has records) with ``kinds`` (``own``, ``mirror``, ``totals``:
        see :mod:`hitex.store.sources`), ``complete``, ``records``, ``value_usd``, for mirror
        flows ``exporters`` held against the ``countries`` of that year and the ``missing``
        ones, and a one-line ``note``. A ``balance`` row per year says whether both flows
        can support one. The notes (and the errors) are in ``lang``: en or ru, worded from the
        same facts.

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
               getattr(self._records(), "name", ""), resolve(reporter), year, lang)  # fmt: skip
        # A warehouse in memory has no file to name it by: its sessions keep their own.
        kept: dict[tuple[object, ...], pd.DataFrame] = (
            self.__dict__.setdefault("_coverage_", {})
            if self.warehouse.path == ":memory:"
            else _COVERAGE
        )
        found = kept.get(key)
        if found is None:
            found = data_coverage(self._records(), resolve(reporter), year, lang)
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


#: Coverage of a reporter by (warehouse file, version, engine, reporter, year, language).
_COVERAGE: dict[tuple[object, ...], pd.DataFrame] = {}

#: Columns of :meth:`Catalog.coverage` with a reporter.
DATA_COVERAGE_COLUMNS = ["reporter", "flow", "year", "kinds", "complete", "note", "records",
                         "value_usd", "exporters", "countries", "missing"]  # fmt: skip

#: Flows every reporter's coverage lists (others when loaded).
CORE_FLOWS = ("export", "import")


def data_coverage(
    warehouse: Records, reporter: str, year: int | None = None, lang: str = "en"
) -> pd.DataFrame:
    """:meth:`Catalog.coverage` of one reporter (an ISO code), from its sources.

    ``warehouse`` is the warehouse or the engine of a session (which reads its own tables);
    the notes are in ``lang`` (en or ru), worded from the same facts.
    """
    held = warehouse.holdings()
    if reporter not in held:
        reporters = sorted(held)
        listed = ", ".join(reporters[:12]) + (" ..." if len(reporters) > 12 else "")
        error = InputError(
            f"The warehouse holds no records of {reporter}; "
            + (f"it holds reporters {listed}." if reporters else "it is empty (hitex load).")
        )
        error.ru = f"В хранилище нет записей {_who_ru(reporter)}; " + (
            f"есть записи стран: {listed.replace(' ...', ' …')}." if reporters
            else "оно пусто (hitex load)."
        )  # fmt: skip
        raise error
    years = sorted({y for ys in held[reporter].values() for y in ys})
    if year is not None:
        if year not in years:
            error = InputError(f"{reporter} has no records for {year}; it has {year_span(years)}.")
            error.ru = (f"{_who_ru(reporter)}: нет записей за {year} г.; есть за "
                        f"{year_span(years)}.")  # fmt: skip
            raise error
        years = [year]
    mine = warehouse.sources(reporter)
    flows = [*CORE_FLOWS, *sorted(set(mine["flow"]) - set(CORE_FLOWS))]
    counted = mine.groupby(["flow", "year", "kind"])[["records", "value_usd"]].sum()
    rows = []
    for y in years:
        per_flow = {}
        for flow in flows:
            kinds = [k for k in KINDS if (flow, y, k) in counted.index]
            row = _flow_row(warehouse, reporter, flow, y, kinds, counted, lang)
            per_flow[flow] = row
            rows.append(row)
        rows.append(_balance_row(reporter, y, per_flow["export"], per_flow["import"], lang))
    frame = pd.DataFrame(rows, columns=DATA_COVERAGE_COLUMNS)
    return frame.astype({"records": "int64", "exporters": "Int64", "countries": "Int64"})


def _who_ru(code: str) -> str:
    """``Южная Африка (ZAF)``: a reporter named in Russian, with its code."""
    named = country_name(code, lang="ru")
    return code if named == code else f"{named} ({code})"


def _flow_row(
    warehouse: Records, reporter: str, flow: str, year: int, kinds: list[str],
    counted: pd.DataFrame, lang: str = "en",
) -> dict[str, object]:  # fmt: skip
    cells: list[Any] = [counted.loc[(flow, year, k)].tolist() for k in kinds]  # type: ignore[index]
    records = int(sum(int(c[0]) for c in cells))
    value = float(sum(float(c[1]) for c in cells))
    row: dict[str, object] = {
        "reporter": reporter, "flow": flow, "year": year, "kinds": ",".join(kinds),
        "complete": True, "records": records, "value_usd": value if kinds else None,
        "exporters": None, "countries": None, "missing": "", "note": "",
    }  # fmt: skip
    facts = Facts(reporter, flow, year, kinds)
    if not kinds:
        row["complete"] = False
    elif "mirror" in kinds:
        known = warehouse.reconciled_years()[year]
        missing = known.missing(reporter)
        facts.held = sorted(known.exporters - {reporter})
        facts.missing = missing
        facts.countries = len(known.countries - {reporter})
        facts.share = known.share(missing) if missing else 0.0
        little = bool(missing) and facts.share < NEGLIGIBLE
        row.update(exporters=len(facts.held), countries=facts.countries,
                   missing=" ".join(missing), complete=not missing or little)  # fmt: skip
        if "own" in kinds:
            row["complete"] = False
    row["note"] = flow_note(facts, lang)
    return row


class Facts:
    """What a coverage note says of one flow and year: the same in every language."""

    def __init__(self, reporter: str, flow: str, year: int, kinds: list[str]) -> None:
        self.reporter, self.flow, self.year, self.kinds = reporter, flow, year, kinds
        #: Exporters the reconciled loads hold (mirror flows), the reporter aside.
        self.held: list[str] = []
        #: Countries of the year's loads with no export record.
        self.missing: list[str] = []
        #: Countries of the year's loads, the reporter aside.
        self.countries = 0
        #: The share of the year's value the missing countries import.
        self.share = 0.0


def flow_note(f: Facts, lang: str = "en") -> str:
    """The one-line note of a flow's coverage in ``lang`` (en or ru)."""
    return _note_ru(f) if lang == "ru" else _note_en(f)


def _few(codes: list[str], lang: str) -> str:
    """Up to three countries by name, then an ellipsis."""
    named = ", ".join(country_name(c, lang=lang) for c in codes[:3])
    return named + ((" …" if lang == "ru" else " ...") if len(codes) > 3 else "")


def _note_en(f: Facts) -> str:  # noqa: PLR0911 - one sentence per kind of source
    who, flow, year = country_name(f.reporter), f.flow, f.year
    plural = _PLURAL.get(flow, flow + "s")
    if not f.kinds:
        return f"No {flow} records of {who} are loaded for {year}."
    if "mirror" in f.kinds:
        if "own" in f.kinds:
            return (f"{who}'s own {flow} records and its partners' mirror records are both "
                    f"loaded for {year}: their sum counts each flow twice.")  # fmt: skip
        missing = f.missing
        if missing and f.share < NEGLIGIBLE:
            share = f"{f.share * 100:.2g}%"
            rest = (
                f"the other country ({_few(missing, 'en')}) exports nothing in them and imports"
                if len(missing) == 1
                else f"the {len(missing)} others ({_few(missing, 'en')}) export nothing in them "
                "and import"
            )
            return (
                f"Mirrored from the exports to {who} of {len(f.held)} of the {f.countries} "
                f"countries in the {year} loads; {rest} {share} of the year's value."
            )
        if missing:
            return (
                f"Partial: {who}'s {plural} in {year} are mirrored from the exports of "
                f"{len(f.held)} of the {f.countries} countries in the {year} loads "
                f"({_few(f.held, 'en')}); {len(missing)} "
                + ("exporter is" if len(missing) == 1 else "exporters are")
                + " not loaded."
            )
        return (f"Mirrored from the exports to {who} of all {len(f.held)} countries in the "
                f"{year} loads (reconciled source, FOB values).")  # fmt: skip
    if f.kinds == ["totals"]:
        return f"Totals only for {year}: no detail of {who}'s {plural} by partner or product."
    if "totals" in f.kinds:
        return f"{who}'s own records for {year}, with totals that add what the detail leaves out."
    return f"{who}'s own records for {year}."


#: Flows in Russian (nominative), as the notes name them.
FLOW_RU = {"export": "экспорт", "import": "импорт", "re-export": "реэкспорт",
           "re-import": "реимпорт", "balance": "сальдо"}  # fmt: skip

#: The kinds of records (:data:`hitex.store.sources.KINDS`) in Russian, as the notes name them.
KINDS_RU = {"own": "собственные", "mirror": "зеркальные", "totals": "итоги"}


def worded_ru(frame: pd.DataFrame) -> pd.DataFrame:
    """A reporter's coverage (:meth:`Catalog.coverage`) for a reader: codes said in Russian.

    ``flow``, ``kinds`` and ``complete`` become words (экспорт; собственные, зеркальные; да);
    the codes stay in CSV and JSON, which programs read.

    Examples
    --------
    >>> frame = pd.DataFrame({"flow": ["import"], "kinds": ["own,mirror"], "complete": [False]})
    >>> worded_ru(frame).iloc[0].tolist()
    ['импорт', 'собственные, зеркальные', 'нет']
    """
    out = frame.copy()
    if "flow" in out.columns:
        out["flow"] = [FLOW_RU.get(v, v) for v in out["flow"]]
    if "kinds" in out.columns:
        out["kinds"] = [", ".join(KINDS_RU.get(k, k) for k in v.split(",") if k)
                        if isinstance(v, str) else v for v in out["kinds"]]  # fmt: skip
    if "complete" in out.columns:
        out["complete"] = [{True: "да", False: "нет"}.get(v, v) if isinstance(v, bool) else v
                           for v in out["complete"].tolist()]  # fmt: skip
    return out


def _note_ru(f: Facts) -> str:  # noqa: PLR0911 - one sentence per kind of source
    """:func:`_note_en` in Russian: «Южная Африка, импорт за 2021 г.: …» (no declension needed)."""
    head = f"{country_name(f.reporter, lang='ru')}, {FLOW_RU.get(f.flow, f.flow)} за {f.year} г."
    if not f.kinds:
        return f"{head}: записи не загружены."
    if "mirror" in f.kinds:
        if "own" in f.kinds:
            return (f"{head}: загружены и собственные записи страны, и зеркальные записи её "
                    "партнёров — их сумма учла бы каждый поток дважды.")  # fmt: skip
        n, of, missing = len(f.held), f.countries, f.missing
        source = (f"экспорт в эту страну {n} из {of} {plural_ru(of, _OF_COUNTRIES)}, которые есть "
                  f"в загрузках {f.year} г.")  # fmt: skip
        if missing and f.share < NEGLIGIBLE:
            k = len(missing)
            share = f"{f.share * 100:.2g}".replace(".", ",") + "%"
            verbs = (plural_ru(k, ("импортирует", "импортируют", "импортируют")),
                     plural_ru(k, ("экспортирует", "экспортируют", "экспортируют")))  # fmt: skip
            return (f"{head}: зеркальные записи — {source}; ещё {k} "
                    f"{plural_ru(k, ('страна', 'страны', 'стран'))} ({_few(missing, 'ru')}) в "
                    f"этих загрузках только {verbs[0]} ({share} стоимости года) и ничего не "
                    f"{verbs[1]}.")  # fmt: skip
        if missing:
            k = len(missing)
            return (f"{head}: неполные данные — только зеркальные записи, то есть {source} "
                    f"({_few(f.held, 'ru')}); не загружены данные ещё {k} "
                    f"{plural_ru(k, ('экспортёра', 'экспортёров', 'экспортёров'))}.")  # fmt: skip
        return (f"{head}: зеркальные записи — экспорт в эту страну всех {n} "
                f"{plural_ru(n, _OF_COUNTRIES)}, которые есть в загрузках {f.year} г. "
                "(согласованный источник, стоимость ФОБ).")  # fmt: skip
    if f.kinds == ["totals"]:
        return f"{head}: только итоги, без разбивки по партнёрам и товарам."
    if "totals" in f.kinds:
        return (f"{head}: собственные записи страны и итоги, которые добавляют то, чего нет в "
                "детальных записях.")  # fmt: skip
    return f"{head}: собственные записи страны."


#: "Of N countries" in Russian (genitive: из 1 страны, из 2 стран, из 21 страны).
_OF_COUNTRIES = ("страны", "стран", "стран")


_PLURAL = {"export": "exports", "import": "imports", "re-export": "re-exports",
           "re-import": "re-imports"}  # fmt: skip


def _balance_row(
    reporter: str, year: int, export: dict[str, object], imports: dict[str, object],
    lang: str = "en",
) -> dict[str, object]:  # fmt: skip
    both = bool(export["complete"]) and bool(imports["complete"])
    gaps = [str(r["note"]) for r in (export, imports) if not r["complete"]]
    if lang == "ru":
        who = country_name(reporter, lang="ru")
        note = (f"{who}, {year} г.: экспорт и импорт полны — сальдо можно указать." if both
                else "Сальдо не указывается. " + " ".join(gaps))  # fmt: skip
    elif both:
        note = f"Exports and imports of {year} are both complete: a balance can be stated."
    else:
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
