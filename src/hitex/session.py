"""The Python entry point: ``hitex.open(path)`` gives a :class:`Session` over a warehouse.

A session loads files into the warehouse and answers tables as pandas DataFrames. The
figures come from :mod:`hitex.indicators` expressions run by the chosen engine; the CLI, the
reports and the HTTP API all call these same methods.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import ibis.expr.types as ir
import pandas as pd

import hitex.indicators as ind
from hitex import shortcuts
from hitex.catalog import Catalog, year_span
from hitex.complexity.methods import Complexity
from hitex.errors import HitexError, InputError, NotCoveredError, PartialCoverageError
from hitex.indicators import disclosure, plan
from hitex.indicators.disclosure import Disclosure
from hitex.indicators.selection import check_names, needs_records
from hitex.reference.codes import CLASSIFICATIONS
from hitex.store import LoadResult, Warehouse, shapes
from hitex.store.engines import TABLES, DuckDBEngine, Engine, engine_for
from hitex.store.shapes import Slot
from hitex.store.warehouse import Step

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["TABLES", "Session", "open"]

#: Indicator columns that hold whole numbers (possibly missing).
INTEGERS = {"rank_value", "rank_growth", "lowest_since", "highest_since", "product_lines", "year",
            "firms", "new_firms", "exits"}  # fmt: skip


class Session(Catalog, Complexity):
    """A warehouse and the engine that runs its queries (DuckDB by default)."""

    def __init__(self, warehouse: Warehouse, engine: Engine | None = None) -> None:
        self.warehouse = warehouse
        #: The enterprise group and disclosure choice tables take when they name none
        #: (:meth:`scope`: a report or a claim check of one group).
        self.firm_group: str | None = None
        self.suppress: bool | None = None
        self._firms_at: dict[str, dict[str | None, bool]] = {}
        self._names_ok: set[tuple[str | None, ...]] = set()
        #: Answer from rollups where one holds the question (False: always the records).
        self.rollups = os.environ.get("HITEX_ROLLUPS", "on").lower() not in ("off", "0", "no")
        #: Answer the commonest shapes from the rollups by SQL written for them
        #: (:mod:`hitex.shortcuts`); False: every question through Ibis.
        self.shortcuts = True
        self.engine = engine if engine is not None else engine_for("duckdb", warehouse)
        # Names of schemes and groups are checked on the warehouse itself, whatever the engine.
        self._names = (
            self.engine if self.engine.name == "duckdb" else engine_for("duckdb", warehouse)
        )

    # -- data -----------------------------------------------------------------------------
    def load(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        format: str | None = None,
        classification: str = "HS17",
        revise: bool = False,
        columns: Mapping[str, str] | None = None,
        constants: Mapping[str, str] | None = None,
        encoding: str | None = None,
        progress: Step | None = None,
        sheet: str | None = None,
        years: Iterable[int] | None = None,
    ) -> list[LoadResult]:
        """Load files into the warehouse (see :meth:`hitex.store.Warehouse.load`).

        A BACI release zip (``--format baci``) loads each of its year files (or ``years``),
        see :mod:`hitex.ingest.archive`. Without ``format``, each file's is told from its name
        and columns (:func:`hitex.ingest.guess.guess`), or the load stops saying why not. On
        the pyspark engine, Spark reads the files and writes their records
        (:mod:`hitex.store.sparkload`); the catalog commits each load.
        """
        from hitex.ingest import archive  # noqa: PLC0415

        if format is None:
            each: list[LoadResult] = []
            for p in paths:
                fmt = self.format_of(
                    p, classification=classification, columns=columns, constants=constants,
                    sheet=sheet,
                )  # fmt: skip
                each += self.load(
                    [p], format=fmt, classification=classification, revise=revise,
                    columns=columns, constants=constants, encoding=encoding, progress=progress,
                    sheet=sheet, years=years,
                )  # fmt: skip
            return each

        def some(files: Sequence[str | os.PathLike[str]]) -> list[LoadResult]:
            return self.warehouse.load(
                files, format=format, classification=classification, revise=revise,
                columns=columns, constants=constants, encoding=encoding, progress=progress,
                sheet=sheet, spark=getattr(self.engine, "spark", None),
            )  # fmt: skip

        if not any(archive.is_archive(Path(p)) for p in paths):
            if years is not None:
                raise InputError("--years chooses the years of a BACI release zip; give one.")
            return some(paths)
        results: list[LoadResult] = []
        for p in paths:
            if archive.is_archive(Path(p)):
                results += archive.load(Path(p), format, years, lambda f: some([f]))
            else:
                results += some([p])
        return results

    def format_of(
        self,
        path: str | os.PathLike[str],
        *,
        classification: str = "HS17",
        columns: Mapping[str, str] | None = None,
        constants: Mapping[str, str] | None = None,
        sheet: str | None = None,
    ) -> str:
        """The format a load that names none reads ``path`` in (:mod:`hitex.ingest.guess`)."""
        from hitex.ingest.base import Source  # noqa: PLC0415
        from hitex.ingest.guess import guess  # noqa: PLC0415

        return guess(
            Source(Path(path), classification.upper(), dict(columns or {}),
                   dict(constants or {}), sheet=sheet)
        )  # fmt: skip

    def loads(self) -> pd.DataFrame:
        """Every attempted load."""
        return self.warehouse.loads()

    def remove(self, load_id: int) -> str:
        """Undo a load (see :meth:`hitex.store.Warehouse.remove`)."""
        return self.warehouse.remove(load_id)

    def rejects(self, load_id: int | None = None, *, lang: str = "en") -> pd.DataFrame:
        """Refused records with their line and reason (``lang="ru"``: the reason in Russian).

        The Russian reason is said from the refusal's ``code``, ``field`` and ``value``
        (:func:`hitex.ingest.reasons.reason_ru`), which stay as they are.
        """
        frame = self.warehouse.rejects(load_id)
        if lang != "ru" or frame.empty:
            return frame
        from hitex.ingest.reasons import reason_ru  # noqa: PLC0415 - only Russian needs it

        columns = (frame[k].tolist() for k in ("code", "field", "value", "reason"))
        return frame.assign(reason=[reason_ru(*r) for r in zip(*columns, strict=True)])

    def tables(self) -> dict[str, ir.Table]:
        """The Ibis tables indicators read, on this session's engine."""
        return self.engine.tables(TABLES)

    def _plan(self, q: ind.Query, indicators: Iterable[str] | None) -> str | None:
        """The rollup that answers ``q`` (:mod:`hitex.indicators.plan`); None: the records.

        DuckDB and Spark read the rollups (when :attr:`rollups` is on; see
        :meth:`hitex.store.engines.Engine.answering`).
        """
        if not self.rollups or not self.warehouse.rollups_ready():
            return None
        return plan.rollup_for(q, indicators)

    def _world_route(self) -> str | None:
        """Where every reporter's exports by product are read: the products rollup, or None."""
        if not self.rollups:
            return None
        return "products" if self.warehouse.rollups_ready() else None

    def _world_tables(self) -> dict[str, ir.Table]:
        """The tables of every reporter's exports by product (:meth:`_world_route`)."""
        return self._answering(self._world_route())

    def _answering(self, rollup: str | None) -> dict[str, ir.Table]:
        """The tables of a question, ``flows`` from ``rollup`` where it is not None."""
        if rollup is None:
            return self.tables()
        return self.engine.answering(rollup, TABLES)

    def _check_holdings(self, q: ind.Query, required: Iterable[int]) -> None:
        """Say what the warehouse holds when a question asks for what it does not."""
        held = self.engine.holdings()
        if q.reporter not in held:
            reporters = sorted(held)
            listed = ", ".join(reporters[:12]) + (" ..." if len(reporters) > 12 else "")
            raise _in_russian(
                InputError(
                    f"The warehouse holds no records of {q.reporter}; "
                    + (f"it holds reporters {listed}." if reporters
                       else "it is empty (hitex load).")
                ),
                f"В хранилище нет записей по {q.reporter}; "
                + (f"в нём есть отчитывающиеся страны: {listed}." if reporters
                   else "оно пусто (hitex load)."),
            )  # fmt: skip
        flows = ("export", "import") if q.flow == "balance" else (q.flow,)
        years = sorted({y for f in flows for y in held[q.reporter].get(f, ())})
        who = _who_ru(q.reporter)
        if not years:
            have = ", ".join(sorted(held[q.reporter]))
            have_ru = ", ".join(_FLOW_RU.get(f, f) for f in sorted(held[q.reporter]))
            raise _in_russian(
                InputError(f"{q.reporter} has no {q.flow} records; it has {have} records."),
                f"{who}: нет записей (поток: {_FLOW_RU.get(q.flow, q.flow)}); есть записи: "
                f"{have_ru}.",
            )
        missing = [y for y in required if y not in years]
        if missing:
            raise _in_russian(
                InputError(
                    f"{q.reporter} has no {q.flow} records for {', '.join(map(str, missing))}; "
                    f"it has {year_span(years)}."
                ),
                f"{who}: нет записей (поток: {_FLOW_RU.get(q.flow, q.flow)}) за "
                f"{', '.join(map(str, missing))} {'г.' if len(missing) == 1 else 'гг.'}; есть за "
                f"{year_span(years)}.",
            )

    def _check_coverage(self, q: ind.Query, years: Iterable[int]) -> None:
        """Refuse imports or a balance the loads hold only in part (see :meth:`coverage`)."""
        if q.flow not in ("import", "balance"):
            return
        asked = set(years)
        if not asked:
            return
        said = {}
        for lang in ("en", "ru"):
            frame = self.coverage(q.reporter, lang=lang)
            rows = frame[(frame["flow"] == q.flow) & frame["year"].isin(asked)]
            said[lang] = [str(note) for note in rows.loc[~rows["complete"].astype(bool), "note"]]
        if said["en"]:
            flow_ru = _FLOW_RU.get(q.flow, q.flow)
            raise _in_russian(
                PartialCoverageError(
                    " ".join(dict.fromkeys(said["en"])) + f" No {q.flow} figure is stated as a "
                    "whole; ask for what the loads hold with --partial (API: partial=true)."
                ),
                " ".join(dict.fromkeys(said["ru"]))
                + (
                    " То, что"
                    if q.flow == "balance"  # the notes begin «Сальдо не указывается»
                    else f" {flow_ru[:1].upper() + flow_ru[1:]} целиком не указывается; то, что"
                )
                + " содержат загрузки, покажет --partial (в API: partial=true).",
            )

    def uncovered(
        self,
        *,
        reporter: str,
        flow: str = "export",
        years: Iterable[int],
        partner_group: str | None = None,
        membership_year: int | None = None,
        lang: str = "en",
    ) -> str | None:
        """Why the loaded records cannot hold the selection's partners, or None if they can.

        A partner group none of whose members (in ``membership_year``, default the latest of
        ``years``) is a partner of the reporter's ``flow`` records in ``years`` is not covered:
        its figure is not $0 but unknown. The sentence (in ``lang``: en or ru) names the partners
        that are loaded. Kept until the warehouse changes. Every layer asks this before stating a
        figure.
        """
        if partner_group is None:
            return None
        span = tuple(sorted(set(years)))
        if not span:
            return None
        flows = ("export", "import") if flow == "balance" else (flow,)
        year = membership_year if membership_year is not None else span[-1]
        who = _reporter(reporter)
        key = (self.warehouse.version(), who, flows, span, partner_group.lower(), year, lang)
        kept: dict[tuple[object, ...], str | None] = self.__dict__.setdefault("_uncovered_", {})
        if key not in kept:
            if len(kept) > 1024:
                kept.clear()
            kept[key] = self._partners_uncovered(who, flow, flows, span, partner_group, year, lang)
        return kept[key]

    def _partners_uncovered(
        self, reporter: str, flow: str, flows: tuple[str, ...], years: tuple[int, ...],
        partner_group: str, year: int, lang: str = "en",
    ) -> str | None:  # fmt: skip
        from hitex.reference.countries import name as country_name  # noqa: PLC0415

        # The group's members as every query sees them (an engine may add groups: a claim's
        # partners), and the partners of the reporter's records.
        g = self.engine.tables(("country_groups",))["country_groups"]
        g = g.filter(
            g.group_name.lower() == partner_group.lower(),
            g.year_from.isnull() | (g.year_from <= year),
            g.year_to.isnull() | (g.year_to >= year),
        )
        members = set(g.select("iso3").distinct().to_pandas()["iso3"].astype(str))
        if not members:
            return None  # no members known here: nothing to judge
        found = self.engine.sql(
            # Fixed fragments joined; the values are parameters.
            f"""SELECT DISTINCT partner FROM {{trade}} WHERE reporter = ?
            AND flow IN ({", ".join("?" for _ in flows)})
            AND year IN ({", ".join("?" for _ in years)}) ORDER BY partner""",  # noqa: S608
            [reporter, *flows, *years],
        )
        if found.empty or members & set(found["partner"].astype(str)):
            return None
        codes = partner_group.split("+")
        # A set of countries named by their codes ("USA", "CHN+IND": a claim's partners).
        by_codes = all(country_name(c) != c for c in codes)
        if lang == "ru":
            return _uncovered_ru(reporter, flow, years, partner_group, codes if by_codes else None,
                                 [str(p) for p in found["partner"]])  # fmt: skip
        partners = [country_name(str(p)) for p in found["partner"]]
        shown = ", ".join(partners[:6]) + (f" and {len(partners) - 6} more" if len(partners) > 6
                                           else "")  # fmt: skip
        held = (
            f"one partner, {shown}"
            if len(partners) == 1
            else (f"{len(partners)} partners: {shown}")
        )
        span = " and ".join(str(y) for y in sorted(years, reverse=True))
        what = "exports and imports" if flow == "balance" else _PLURAL.get(flow, flow + "s")
        if by_codes:
            named = " and ".join(country_name(c) for c in codes)
            asked = f"partner{'s' if len(codes) > 1 else ''} {named}"
            return (
                f"The loaded data do not cover {asked}: {country_name(reporter)}'s {what} in "
                f"{span} are loaded for {held} only, so no figure of "
                f"{'them' if len(codes) > 1 else 'it'} can be stated (it is unknown, not zero)."
            )
        return (
            f"The loaded data do not cover partner group {partner_group!r}: "
            f"{country_name(reporter)}'s {what} in {span} are loaded for {held}; the group holds "
            "none of them, so no figure of it can be stated (it is unknown, not zero)."
        )

    def _check_partners(self, q: ind.Query, lang: str = "en") -> None:
        """Refuse a partner group none of whose members the loaded records hold."""
        why = self.uncovered(
            reporter=q.reporter, flow=q.flow, years=q.years, partner_group=q.partner_group,
            membership_year=q.membership_year, lang=lang,
        )  # fmt: skip
        if why is not None:
            raise NotCoveredError(why)

    def _check(self, q: ind.Query) -> None:
        # Names are checked on the warehouse itself: cheap, and the same on every engine.
        if q.groups is not None or q.partner_group is not None or q.firm_group is not None:
            # A name once found stays valid until the warehouse changes.
            key = (self.warehouse.version(), q.groups, q.partner_group, q.firm_group)
            if key not in self._names_ok:
                names = ("product_groups", "country_groups", "firm_members")
                check_names(self._names.tables(names), q)
                if len(self._names_ok) > 1024:
                    self._names_ok.clear()
                self._names_ok.add(key)
        if q.months is not None and q.reporter and not self.engine.has_months(q.reporter):
            # Annual records have no month: a month filter would silently give zero.
            raise InputError(
                f"{q.reporter} has no monthly records in the warehouse; --months needs them."
            )

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
        indicators: Iterable[str] | None = None,
        small_base_usd: float = ind.SMALL_BASE_USD,
        if_empty: str = "keep",
        lang: str = "en",
        partial: bool = False,
        firm_group: str | None = None,
        suppress: bool | None = None,
    ) -> pd.DataFrame:
        """Value by ``by`` for ``year``; with ``compare``, base value, growth % and share %.

        ``if_empty="raise"`` refuses a selection no record went into with an
        :class:`~hitex.errors.InputError` that names its filters (the command line does so);
        ``"keep"`` returns the empty table (or the one 0.0 row of a table without ``by``).

        ``indicators`` names others from :data:`hitex.indicators.INDICATORS` (``change``,
        ``multiple``, ``cagr``, ``contribution``, ``rank``, ``small_base``, ``nowcast``,
        ``coverage``, ``product_lines``, ``new``, ``hhi``, ``rca``, ...); each adds its
        column. ``flow="balance"`` is exports minus imports. ``lang="ru"`` gives the
        ``*_name`` columns in Russian (English where no Russian name is known).

        Imports (and a balance) whose records are partial (see :meth:`coverage`: mirrored from
        some exporters only, or not loaded) are refused with a
        :class:`~hitex.errors.PartialCoverageError` that says what is missing, unless
        ``partial=True`` asks for the figure the loads hold.

        ``firm_group`` keeps the records of an enterprise group (``hitex firms add``), each
        year with the membership of that year. Where records carry enterprises (``firm``),
        disclosure control applies (:mod:`hitex.indicators.disclosure`): rows resting on
        too few enterprises, or on one dominant one, are nulled and marked ``suppressed``;
        ``suppress=False`` (or ``HITEX_DISCLOSURE=off``) lifts it for the data owner.

        Examples
        --------
        A question the warehouse cannot answer says what it holds instead:

        >>> s = open(":memory:")
        >>> s.table(reporter="RUS", year=2020)
        Traceback (most recent call last):
        ...
        hitex.errors.InputError: The warehouse holds no records of RUS; it is empty (hitex load).
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
            firm_group=firm_group if firm_group is not None else self.firm_group,
        )
        self._check_holdings(q, years)
        self._check(q)
        if not partial:
            self._check_coverage(q, years)
        # After the flow's coverage: a partial flow is the wider reason.
        self._check_partners(q, lang)
        chosen = None if indicators is None else tuple(indicators)
        rules = Disclosure.from_env(suppress if suppress is not None else self.suppress)
        cut, top = top, (None if self.firm_records(q.reporter) else top)

        route = self._plan(q, chosen)
        order = ind.column_order(q.by, compare is not None)

        def build() -> ir.Table:
            expr = ind.table(
                self._answering(route), q, year=year, compare=compare, indicators=chosen,
                small_base_usd=small_base_usd,
            )  # fmt: skip
            expr = _in_order(expr, order)
            return expr if top is None else expr.limit(top)

        key = repr(("table", q, year, compare, chosen, small_base_usd, top, route))
        shaped = None if needs_records(q, chosen) else _shape(q, year, compare)
        short = self._shortcut(q, route, chosen, year=year, compare=compare, top=top)
        if short is not None:
            answer = short
        elif shaped is None or not isinstance(self.engine, DuckDBEngine):
            answer = self.engine.execute(key, build)
        else:
            qs, ys, cs, slots = shaped

            def build_shape() -> ir.Table:
                assert ys is not None
                expr = ind.table(
                    self._answering(route), qs, year=ys, compare=cs, indicators=chosen,
                    small_base_usd=small_base_usd,
                )  # fmt: skip
                expr = _in_order(expr, order)
                return expr if top is None else expr.limit(top)

            shape = repr(("table", qs, ys, cs, chosen, small_base_usd, top, route))
            answer = self.engine.execute_shaped(key, build, shape, build_shape, slots)
        # A shortcut's frame is already in order (:func:`shortcuts.frame`).
        frame = answer if short is not None else _ordered(answer, order)
        frame = self._disclose(q, frame, rules, year=year, compare=compare)
        if cut is not None and top is None:
            frame = frame.head(cut).reset_index(drop=True)
        if if_empty == "raise":
            if q.groups is not None and _is_empty(_grouped(frame)):
                self._say_not_covered(q)
            _say_why_empty(q, frame)
        return _localized(frame, lang, q)

    def _shortcut(
        self, q: ind.Query, route: str | None, chosen: tuple[str, ...] | None, *,
        year: int | None = None, compare: int | None = None, top: int | None = None,
        series: bool = False,
    ) -> pd.DataFrame | None:  # fmt: skip
        """The answer of a common shape from the rollups (:mod:`hitex.shortcuts`), or None."""
        if not self.shortcuts or route is None or not isinstance(self.engine, DuckDBEngine):
            return None
        engine = self.engine
        found = shortcuts.plan(
            q, route=route, files=engine.rollup_files(route),
            unallocated=engine.has_unallocated(), indicators=chosen,
            year=year, compare=compare, top=top, series=series,
        )  # fmt: skip
        if found is None:
            return None
        names = lambda kind: engine.lookup(shortcuts.NAMES[kind])  # noqa: E731
        held = engine.held(
            (found.sql, q.reporter),  # the files are the version's
            lambda: shortcuts.Held(engine.rows(found.sql, found.params), names),
        )
        columns = found.answer(held)
        if columns is None:
            return None
        made = shortcuts.frame(columns)
        return made if made is not None else _ordered(engine.frame(columns, found.schema), [])

    def _say_not_covered(self, q: ind.Query) -> None:
        """Refuse a table that is empty because the scheme does not cover the loaded edition."""
        flows = ("export", "import") if q.flow == "balance" else (q.flow,)
        marks = ", ".join("?" for _ in q.years)
        chosen = [q.classification.upper()] if q.classification else []
        held = self.engine.sql(
            # Fixed fragments joined; the values are parameters.
            f"""SELECT DISTINCT classification FROM {{trade}} WHERE reporter = ?
            AND flow IN ({", ".join("?" for _ in flows)}) AND year IN ({marks})
            {"AND classification = ?" if chosen else ""} ORDER BY classification""",  # noqa: S608
            [q.reporter, *flows, *q.years, *chosen],
        )["classification"].tolist()
        covered = self.engine.sql(
            """SELECT DISTINCT classification FROM {product_groups} WHERE scheme = ?
            ORDER BY classification""",
            [q.groups],
        )["classification"].tolist()
        held = [c for c in held if c != ""]
        if not held or set(held) & set(covered):
            return
        order = {c: i for i, c in enumerate(CLASSIFICATIONS)}
        covered = sorted(covered, key=lambda c: (order.get(c, len(order)), c))
        years = " and ".join(str(y) for y in sorted(q.years, reverse=True))
        raise InputError(
            f"The {q.groups!r} scheme does not cover {', '.join(held)}, the classification of "
            f"{q.reporter}'s {q.flow} records in {years}: the table is empty because no record "
            f"can be grouped. {q.groups!r} covers {', '.join(covered)}; hitex groups lists "
            "the schemes and what each covers."
        )

    def series(
        self,
        *,
        reporter: str,
        flow: str = "export",
        years: Iterable[int],
        by: Iterable[str] = (),
        partner_group: str | None = None,
        groups: str | None = None,
        group: str | None = None,
        months: tuple[int, int] | None = None,
        classification: str | None = None,
        top: int | None = None,
        indicators: Iterable[str] | None = None,
        small_base_usd: float = ind.SMALL_BASE_USD,
        lang: str = "en",
        partial: bool = False,
        firm_group: str | None = None,
        suppress: bool | None = None,
    ) -> pd.DataFrame:
        """One row per year of ``years`` (and per ``by`` value), with a ``year`` column.

        The base of each year is the year before; shares and ranks are within each year.
        ``indicators`` may add ``lowest_since`` / ``highest_since`` and every indicator of
        :meth:`table` but ``nowcast``. ``top`` keeps the N largest rows of each year.

        Examples
        --------
        >>> s = open(":memory:")
        >>> s.series(reporter="Russia", years=range(2001, 2021))
        Traceback (most recent call last):
        ...
        hitex.errors.InputError: The warehouse holds no records of RUS; it is empty (hitex load).
        """
        span = sorted(set(years))
        if not span:
            raise InputError("Give at least one year for a series (e.g. --years 2001-2020).")
        q = ind.Query(
            reporter=_reporter(reporter), flow=flow, years=tuple(span), by=tuple(by),
            partner_group=partner_group, groups=groups, group=group, months=months,
            classification=classification, membership_year=span[-1],
            firm_group=firm_group if firm_group is not None else self.firm_group,
        )  # fmt: skip
        self._check_holdings(q, ())
        self._check(q)
        if not partial:
            held = self.engine.holdings()[q.reporter]
            flows = ("export", "import") if q.flow == "balance" else (q.flow,)
            self._check_coverage(q, [y for y in span if any(y in held.get(f, ()) for f in flows)])
        self._check_partners(q, lang)
        chosen = None if indicators is None else tuple(indicators)

        route = self._plan(q, chosen)
        order = ["year", *ind.column_order(tuple(d for d in q.by if d != "year"), True)]

        def build() -> ir.Table:
            return _in_order(ind.series(
                self._answering(route), q, years=span, indicators=chosen,
                small_base_usd=small_base_usd,
            ), order)  # fmt: skip

        key = repr(("series", q, chosen, small_base_usd, route))
        shaped = None if needs_records(q, chosen) else _shape(q, None, None)
        short = self._shortcut(q, route, chosen, series=True)
        if short is not None:
            frame = short
        elif shaped is None or not isinstance(self.engine, DuckDBEngine):
            frame = self.engine.execute(key, build)
        else:
            qs, _, _, slots = shaped

            def build_shape() -> ir.Table:
                return _in_order(ind.series(
                    self._answering(route), qs, years=span, indicators=chosen,
                    small_base_usd=small_base_usd,
                ), order)  # fmt: skip

            shape = repr(("series", qs, chosen, small_base_usd, route))
            frame = self.engine.execute_shaped(key, build, shape, build_shape, slots)
        frame = frame if short is not None else _ordered(frame, order)
        rules = Disclosure.from_env(suppress if suppress is not None else self.suppress)
        frame = self._disclose(q, frame, rules, series=True)
        if top is not None:
            frame = frame.groupby("year", sort=False).head(top).reset_index(drop=True)
        return _localized(frame, lang, q)

    # -- enterprises ----------------------------------------------------------------------
    def scope(self, *, firm_group: str | None = None, suppress: bool | None = None) -> None:
        """Narrow every later table and series to ``firm_group`` and set disclosure control.

        What a report or a claim check asks then rests on the group's enterprises only.
        """
        self.firm_group = firm_group
        self.suppress = suppress

    def firm_records(self, reporter: str | None = None) -> bool:
        """Whether any record (of ``reporter``) carries an enterprise; kept per version."""
        version = self.warehouse.version()
        cached: dict[str | None, bool] = self._firms_at.get(version, {})
        if None not in cached:
            # One scan answers every reporter: a server's readers ask it of each in turn.
            held = self.warehouse.sql("SELECT DISTINCT reporter FROM flows WHERE firm IS NOT NULL")
            cached = dict.fromkeys(held["reporter"].astype(str), True)
            cached[None] = bool(cached)
            self._firms_at = {version: cached}
        return cached.get(reporter, False)

    def disclosure_rules(self, suppress: bool | None = None) -> Disclosure:
        """The disclosure rules tables are under (:meth:`scope`, else ``HITEX_DISCLOSURE``)."""
        return Disclosure.from_env(suppress if suppress is not None else self.suppress)

    def _disclose(
        self,
        q: ind.Query,
        frame: pd.DataFrame,
        rules: Disclosure,
        *,
        year: int | None = None,
        compare: int | None = None,
        series: bool = False,
    ) -> pd.DataFrame:
        """``frame`` under disclosure control, where its records carry enterprises.

        ``frame.attrs["disclosure"]`` says which rule applied (absent without enterprises).
        """
        if not self.firm_records(q.reporter):
            return frame
        key = repr(("contributions", q, year, compare, series))
        cells = self.engine.execute(
            key,
            lambda: disclosure.contributions(
                self.tables(), q, year=year, compare=compare, series=series
            ),
        )
        if not disclosure.carries_firms(cells):
            return frame
        out = (
            disclosure.apply(frame, cells, q, rules, series=series, compare=compare)
            if rules.enabled
            else frame
        )
        out.attrs["disclosure"] = rules.rule()
        out.attrs["suppressed"] = int(out["suppressed"].sum()) if rules.enabled else 0
        return out

    def firm_membership(self, group: str, years: Iterable[int]) -> dict[int, int]:
        """Enterprises of ``group`` in each year (the membership a comparison uses)."""
        from hitex import firms as registry  # noqa: PLC0415

        return registry.membership_counts(self.warehouse.con, group, sorted(set(years)))

    def tech_balance(
        self,
        reporter: str,
        years: Iterable[int],
        *,
        goods_scheme: str = "tech",
        goods_group: str | tuple[str, ...] = "high",
        services_scheme: str = "techservices",
        services_group: str | tuple[str, ...] = ind.TECH_SERVICES,
    ) -> pd.DataFrame:
        """Technology trade balance per year: goods, services and their total.

        Columns: ``year``, then exports, imports and balance (US$) of ``goods_*``,
        ``services_*`` and ``total_*``, and the ``classifications`` that went in.
        """
        span = tuple(sorted(set(years)))
        for scheme in (goods_scheme, services_scheme):
            self._check(ind.Query(reporter="", years=span, groups=scheme))
        expr = ind.tech_balance(
            self.tables(), reporter=_reporter(reporter), years=span,
            goods_scheme=goods_scheme, goods_group=goods_group,
            services_scheme=services_scheme, services_group=services_group,
        )  # fmt: skip
        return _ordered(expr.to_pandas(), [])

    def close(self) -> None:
        """Close the engine and the warehouse."""
        self.engine.close()
        self.warehouse.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(
    path: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    engine: str | None = None,
    spark: SparkSession | None = None,
    spark_master: str | None = None,
) -> Session:
    """Open (creating if needed) the warehouse at ``path`` (default ``$HITEX_DB``).

    Parameters
    ----------
    path
        The DuckDB warehouse file (``":memory:"`` for a throwaway one).
    read_only
        Open without write access (several readers may share the file).
    engine
        What runs the queries: ``duckdb`` (default) or ``pyspark``. Loads always go to the
        warehouse; Spark reads its tables as Parquet files under the data root.
    spark
        A Spark session to run queries on (implies ``engine="pyspark"``); without it the
        pyspark engine starts one on ``spark_master``.
    spark_master
        Where the pyspark engine runs: ``local[N]``, ``spark://host:port``, ``yarn``,
        ``k8s://...`` or ``sc://host:port`` (Spark Connect); default ``$HITEX_SPARK_MASTER``,
        else ``local[2]``. Executors read the warehouse's files under its data root.
    """
    name = engine or ("pyspark" if spark is not None else "duckdb")
    if spark is not None and name != "pyspark":
        raise InputError(f"A Spark session was given, but engine={name!r}: use 'pyspark'.")
    warehouse = Warehouse(path, read_only=read_only)
    options: dict[str, object] = {"spark": spark} if spark is not None else {}
    if spark_master is not None and name == "pyspark":
        options["master"] = spark_master
    try:
        chosen = engine_for(name, warehouse, **options)
    except Exception:
        warehouse.close()
        raise
    return Session(warehouse, chosen)


def _uncovered_ru(
    reporter: str, flow: str, years: tuple[int, ...], partner_group: str,
    codes: list[str] | None, partners: list[str],
) -> str:  # fmt: skip
    """The Russian sentence of :meth:`Session.uncovered` (names in the nominative only)."""
    from hitex.reference.countries import name as country_name  # noqa: PLC0415
    from hitex.reference.russian import partner_group_name  # noqa: PLC0415

    names = [country_name(p, lang="ru") for p in partners]
    shown = ", ".join(names[:6]) + (f" и ещё {len(names) - 6}" if len(names) > 6 else "")
    held = f"одному партнёру: {shown}" if len(names) == 1 else f"партнёрам ({len(names)}): {shown}"
    span = " и ".join(str(y) for y in sorted(years, reverse=True))
    what, loaded = _LOADED_RU.get(flow, (flow, "загружен"))
    years_word = "г." if len(years) == 1 else "гг."
    who = country_name(reporter, lang="ru")
    head = f"{who}: {what} за {span} {years_word} {loaded} только по {held}"
    if codes is not None:
        named = " и ".join(country_name(c, lang="ru") for c in codes)
        asked = ("партнёров " if len(codes) > 1 else "партнёра ") + named
        what_of = "их показатели" if len(codes) > 1 else "его показатель"
        unknown = (
            "они неизвестны, а не равны нулю"
            if len(codes) > 1
            else "он неизвестен, а не равен нулю"
        )
        return (
            f"Загруженные данные не охватывают {asked}. {head}, поэтому {what_of} "
            f"указать нельзя ({unknown})."
        )
    return (
        f"Загруженные данные не охватывают группу партнёров «{partner_group_name(partner_group)}». "
        f"{head}; "
        "ни один из них не входит в группу, поэтому её показатель указать нельзя "
        "(он неизвестен, а не равен нулю)."
    )


_LOADED_RU = {
    "export": ("экспорт", "загружен"),
    "import": ("импорт", "загружен"),
    "re-export": ("реэкспорт", "загружен"),
    "balance": ("экспорт и импорт", "загружены"),
}

_PLURAL = {"export": "exports", "import": "imports", "re-export": "re-exports",
           "re-import": "re-imports"}  # fmt: skip


def _reporter(value: str) -> str:
    from hitex.reference.countries import resolve  # noqa: PLC0415

    return resolve(value)


def _grouped(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of a scheme's groups, without the records it does not map."""
    return frame[~frame["group"].isin(ind.NOT_GROUPED)] if "group" in frame.columns else frame


def _is_empty(frame: pd.DataFrame) -> bool:
    """Whether no record went into a table (no rows, or only 0.0 rows without a classification)."""
    return frame.empty or not (frame["classifications"] != "").any()


def _shape(
    q: ind.Query, year: int | None, compare: int | None
) -> tuple[ind.Query, int | None, int | None, list[Slot]] | None:
    """``q`` with sentinels for its reporter, partner group, group and years, and the slots.

    Years are slots of a table (``year`` and ``compare``, which is also the membership year);
    a series keeps its years in its shape. None when the question has no shape to share.
    """
    if year is not None and year == compare:
        return None
    slots = [Slot("hxslotreporter", shapes.quote(q.reporter))]
    changes: dict[str, object] = {"reporter": "hxslotreporter"}
    if q.partner_group is not None:
        slots.append(Slot("hxslotpartners", shapes.quote(q.partner_group.lower())))
        changes["partner_group"] = "hxslotpartners"
    if isinstance(q.group, str):
        slots.append(Slot("hxslotgroup", shapes.quote(q.group.lower())))
        changes["group"] = "hxslotgroup"
    ys = cs = None
    if year is not None:
        ys, cs = 1901, None if compare is None else 1903
        slots.append(Slot(ys, str(year)))
        if compare is not None:
            slots.append(Slot(1903, str(compare)))
        changes["years"] = (ys,) if cs is None else (ys, cs)
        changes["membership_year"] = ys
    return dataclasses.replace(q, **changes), ys, cs, slots  # type: ignore[arg-type]


def _say_why_empty(q: ind.Query, frame: pd.DataFrame) -> None:
    """Refuse a table no record went into (not a 0.0 row): say which filters left none."""
    if not _is_empty(frame):
        return
    filters = [
        f"partner group {q.partner_group!r}" if q.partner_group else "",
        f"{q.groups} group {q.group!r}" if q.group is not None
        else (f"products classified by {q.groups!r}" if q.groups else ""),
        f"months {q.months[0]}-{q.months[1]}" if q.months else "",
        f"classification {q.classification}" if q.classification else "",
    ]  # fmt: skip
    given = [f for f in filters if f]
    years = " and ".join(str(y) for y in sorted(q.years, reverse=True))
    where = f" with {', '.join(given)}" if given else ""
    raise _in_russian(
        InputError(
            f"No {q.flow} records of {q.reporter} in {years}{where}: the table is empty. "
            "Widen the selection (hitex groups lists the groups of each scheme)."
        ),
        _why_empty_ru(q),
    )


def _why_empty_ru(q: ind.Query) -> str:
    """The Russian sentence of :func:`_say_why_empty`."""
    from hitex.reference.russian import partner_group_name, scheme_title  # noqa: PLC0415

    scheme = (scheme_title(q.groups) or q.groups) if q.groups else ""
    filters = [
        f"группа партнёров «{partner_group_name(q.partner_group)}»" if q.partner_group else "",
        f"группа «{q.group}» схемы «{scheme}»" if q.group is not None
        else (f"товары, отнесённые к группам схемы «{scheme}»" if q.groups else ""),
        f"месяцы {q.months[0]}–{q.months[1]}" if q.months else "",
        f"классификация {q.classification}" if q.classification else "",
    ]  # fmt: skip
    given = [f for f in filters if f]
    years = " и ".join(str(y) for y in sorted(q.years, reverse=True))
    where = f" ({'; '.join(given)})" if given else ""
    flow = _FLOW_RU.get(q.flow, q.flow)
    return (
        f"Таблица пуста. {_who_ru(q.reporter)}: нет записей (поток: {flow}) "
        f"за {years} {'г.' if len(q.years) == 1 else 'гг.'}{where}. Расширьте выбор "
        "(hitex groups перечисляет группы каждой схемы)."
    )


#: Flows in Russian, for sentences that name a flow after "поток:" (no declension needed).
_FLOW_RU = {"export": "экспорт", "import": "импорт", "re-export": "реэкспорт",
            "re-import": "реимпорт", "balance": "сальдо"}  # fmt: skip


def _who_ru(code: str) -> str:
    """A reporter in a Russian error: ``Москва (RU-MOW)``, or the code alone if not known."""
    from hitex.reference.countries import name as country_name  # noqa: PLC0415

    named = country_name(code, lang="ru")
    return code if named == code else f"{named} ({code})"


def _in_russian(exc: HitexError, ru: str) -> HitexError:
    """``exc`` carrying its sentence in Russian (printed with ``--lang ru``)."""
    exc.ru = ru
    return exc


def _in_order(expr: ir.Table, first: list[str]) -> ir.Table:
    """``expr`` with the contract columns first, as :func:`_ordered` puts them.

    The engine then answers in that order, and the frame is not reordered for each question.
    """
    columns = list(expr.columns)
    head = [c for c in first if c in columns]
    order = head + [c for c in columns if c not in head]
    return expr if order == columns else expr.select(order)


def _ordered(frame: pd.DataFrame, first: list[str]) -> pd.DataFrame:
    """Contract columns first, in order; other columns (``classifications``) after."""
    columns = list(frame.columns)
    present = set(columns)
    head = [c for c in first if c in present]
    chosen = set(head)
    order = head + [c for c in columns if c not in chosen]
    out = frame if order == columns else frame[order]
    index = out.index
    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
        out = out.copy(deep=False)  # the columns changed below are this frame's own
    else:
        out = out.reset_index(drop=True)
    for column in INTEGERS.intersection(present):
        # Ranks and years stay whole numbers where some rows have none.
        out[column] = out[column].astype("Int64")
    if "classifications" in present:
        out["classifications"] = [
            ",".join(sorted(v)) if v is not None else "" for v in out["classifications"]
        ]
    return out


def _localized(frame: pd.DataFrame, lang: str, q: ind.Query) -> pd.DataFrame:
    """``frame`` with its ``*_name`` columns in ``lang`` (``en`` as computed, ``ru`` looked up)."""
    if lang not in ("en", "ru"):
        raise InputError(f"Language {lang!r} is not one of: en, ru.")
    if lang == "en":
        return frame
    from hitex.reference import russian  # noqa: PLC0415 - only Russian needs it

    return russian.localize(frame, lang, groups=q.groups, classification=q.classification)
