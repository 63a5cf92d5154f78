"""Engines: what runs the Ibis expressions that :mod:`hitex.indicators` builds.

An engine hands out Ibis tables by warehouse name; the indicators never learn which engine
holds them. DuckDB reads the warehouse file itself. Spark (:mod:`hitex.store.spark`) reads a
Parquet copy of it. Each engine is a subclass with class-level settings, chosen by name
through :data:`ENGINES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, ClassVar

import ibis.expr.types as ir
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.types as pat

from hitex.errors import InputError, UnknownCodeError
from hitex.ingest.sql import ident
from hitex.store import rollups, shapes
from hitex.store import sources as src
from hitex.store.schema import ENGINE_TABLES, RELATIONS
from hitex.store.shapes import Slot
from hitex.store.sources import Year
from hitex.store.warehouse import Warehouse

#: Tables the indicators read.
TABLES = (
    "flows", "countries", "country_names", "products", "product_groups", "country_groups",
    "firms", "firm_members",
)  # fmt: skip


#: The reporters' rollup rows a DuckDB engine keeps (:meth:`DuckDBEngine.held`): a report
#: asks of one reporter's two rollups, a comparison of two reporters of four.
HELD = 4


class Engine:
    """Runs queries over a warehouse's tables; subclasses say how they reach the tables."""

    name: ClassVar[str] = ""
    #: Install command named when the engine's extra is missing.
    extra: ClassVar[str] = ""

    def __init__(self, warehouse: Warehouse) -> None:
        self.warehouse = warehouse

    def backend(self) -> Any:
        """The Ibis backend holding the tables."""
        raise NotImplementedError

    def tables(self, names: Iterable[str] = TABLES) -> dict[str, ir.Table]:
        """Ibis tables by warehouse name, current with the warehouse."""
        b = self.backend()
        return {n: b.table(n) for n in names}

    def execute(self, key: str, build: Callable[[], ir.Table]) -> pd.DataFrame:
        """Run the expression ``build()`` makes; ``key`` names it for engines that cache."""
        return build().to_pandas()

    def answering(self, rollup: str | None, names: Iterable[str] = TABLES) -> dict[str, ir.Table]:
        """:meth:`tables` with ``flows`` read from ``rollup`` where the engine reads rollups.

        By default it reads none: the records answer.
        """
        return self.tables(names)

    def close(self) -> None:
        """Release what the engine holds (the warehouse is closed by its owner)."""

    # -- the checks before each query, on the engine's own tables ------------------------
    def sql(self, query: str, params: Sequence[object] = ()) -> pd.DataFrame:
        """Run ``query`` (SQL both engines read, ``?`` parameters) on the engine's tables.

        ``{trade}``, ``{flows}``, ``{unallocated}``, ``{loads}`` and the reference tables'
        names in braces stand for the engine's relations. Answers are small aggregates. By
        default the warehouse answers (engines that read other files override this).
        """
        names = {n: ident(n) for n in (*ENGINE_TABLES, "trade")}
        return self.warehouse.sql(query.format(**names), params)

    def kept(self, key: tuple[object, ...], make: Callable[[], Any]) -> Any:
        """``make()``, kept until the warehouse changes."""
        version = self.warehouse.version()
        if self._memo.get("version") != version:
            self._memo.clear()
            self._memo["version"] = version
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    @property
    def _memo(self) -> dict[object, Any]:
        memo = self.__dict__.get("_memo_")
        if memo is None:
            memo = self.__dict__["_memo_"] = {}
        return memo

    def holdings(self) -> dict[str, dict[str, list[int]]]:
        """Reporter -> flow -> the years with records (see :meth:`Warehouse.holdings`)."""

        def make() -> dict[str, dict[str, list[int]]]:
            held: dict[str, dict[str, list[int]]] = {}
            rows = self.sql(HOLDINGS).sort_values(["reporter", "flow", "year"])
            for reporter, flow, year in rows.itertuples(index=False):
                held.setdefault(str(reporter), {}).setdefault(str(flow), []).append(int(year))
            return held

        return self.kept(("holdings",), make)

    def has_months(self, reporter: str) -> bool:
        """Whether any record of ``reporter`` is monthly."""

        def make() -> bool:
            return int(self.sql(HAS_MONTHS, [reporter])["n"].iloc[0]) > 0

        return bool(self.kept(("months", reporter), make))

    def sources(self, reporter: str) -> pd.DataFrame:
        """One reporter's records by flow, year and kind (see :mod:`hitex.store.sources`)."""

        def make() -> pd.DataFrame:
            mirror = int(self.sql(src.RECONCILED)["n"].iloc[0]) > 0
            parts = [("own", src.OWN), ("totals", src.TOTALS)]
            parts += [("mirror", src.MIRROR)] if mirror else []
            frames = [self.sql(q, [reporter]).assign(kind=kind) for kind, q in parts]
            return src.typed(pd.concat(frames, ignore_index=True))

        return self.kept(("sources", reporter), make).copy()

    def reconciled_years(self) -> dict[int, Year]:
        """Exporters and countries of each year of the reconciled loads."""
        return self.kept(("years",), lambda: src.years_from(
            self.sql(src.EXPORTERS), self.sql(src.IMPORTERS)))  # fmt: skip


#: Reporter, flow and year of every record (the holdings).
HOLDINGS = "SELECT reporter, flow, year FROM {trade} GROUP BY reporter, flow, year"
#: Whether a reporter has monthly records.
HAS_MONTHS = (
    "SELECT count(*) AS n FROM (SELECT 1 AS one FROM {trade} WHERE reporter = ? "
    "AND month IS NOT NULL LIMIT 1) m"
)


class DuckDBEngine(Engine):
    """The embedded warehouse itself (the default)."""

    name = "duckdb"

    def backend(self) -> Any:
        """The warehouse's own Ibis DuckDB backend."""
        return self.warehouse.ibis

    def __init__(self, warehouse: Warehouse) -> None:
        super().__init__(warehouse)
        self._tables: tuple[str, dict[str, ir.Table]] | None = None
        self._compiled: dict[tuple[str, str], tuple[str, Any]] = {}
        self._rollups: dict[tuple[str, ...], ir.Table] = {}
        self._files: dict[tuple[str, ...], list[str]] = {}
        self._held: dict[object, Any] = {}

    def tables(self, names: Iterable[str] = TABLES) -> dict[str, ir.Table]:
        """Ibis tables by logical name (``flows`` is the ``trade`` view: see schema.py).

        Kept while the warehouse does not change: each table costs a schema query.
        """
        version = self.warehouse.version()
        if self._tables is None or self._tables[0] != version:
            b = self.backend()
            self._tables = (version, {n: b.table(RELATIONS.get(n, n)) for n in TABLES})
        return {n: self._tables[1][n] for n in names}

    def execute(self, key: str, build: Callable[[], ir.Table]) -> pd.DataFrame:
        """Run ``build()``, compiling it to SQL once per ``key`` and warehouse version.

        Ibis takes longer to compile a report query than DuckDB takes to answer it on ten
        million rows; a dashboard or report asks the same questions again and again.
        """
        cache_key = (key, self.warehouse.version())
        compiled = self._compiled.get(cache_key)
        if compiled is None:
            expr = build()
            compiled = (str(self.backend().compile(expr)), expr.schema())
            self._compiled[cache_key] = compiled
        sql, schema = compiled
        return _arrow_frame(self.warehouse.con.sql(sql).to_arrow_table(), schema)

    def execute_shaped(
        self,
        key: str,
        build: Callable[[], ir.Table],
        shape: str,
        build_shape: Callable[[], ir.Table],
        slots: Sequence[Slot],
    ) -> pd.DataFrame:
        """Run ``build()`` from the compiled SQL of its ``shape`` (see :mod:`hitex.store.shapes`).

        ``build_shape()`` makes the same question with the ``slots``' sentinels for its values.
        """
        sql, schema = shapes.compiled(
            self.warehouse.path, shape, slots, build, build_shape,
            lambda expr: str(self.backend().compile(expr)),
        )  # fmt: skip
        return _fetch(self.warehouse.con, sql, schema)

    def answering(self, rollup: str | None, names: Iterable[str] = TABLES) -> dict[str, ir.Table]:
        """:meth:`tables` with ``flows`` read from ``rollup`` (None: the records).

        A rollup answers only where every record file has it (:meth:`Warehouse.rollups_ready`);
        otherwise the records do.
        """
        tables = self.tables(names)
        if rollup is None or "flows" not in tables or not self.warehouse.rollups_ready():
            return tables
        version = self.warehouse.version()
        key = ("rollup", rollup, version)
        found = self._rollups.get(key)
        if found is None:
            self._rollups.clear()
            found = self._rollups[key] = self.backend().table(rollups.view(rollup))
        if rollup != "products":
            return {**tables, "flows": found}
        # The products rollup's group numbers of the built-in schemes, and what they are.
        numbers = ("scheme_groups", version)
        groups = self._rollups.get(numbers)
        if groups is None:
            groups = self._rollups[numbers] = self.backend().table("rollup_groups")
        return {**tables, "flows": found, "scheme_groups": groups}

    def rollup_files(self, kind: str) -> list[str]:
        """The live files of the rollup ``kind`` (what its view reads), kept per version."""
        key = ("files", kind, self.warehouse.version())
        found: list[str] | None = self._files.get(key)
        if found is None:
            if len(self._files) > 8:
                self._files.clear()
            found = self._files[key] = rollups.live(self.warehouse.con, self.warehouse.layout, kind)
        return found

    def rows(self, sql: str, params: Mapping[str, object]) -> dict[str, np.ndarray]:
        """The columns of ``sql``'s rows (its ``$name`` parameters bound), as numpy arrays."""
        con: Any = self.warehouse.con
        columns: dict[str, np.ndarray] = con.execute(sql, params).fetchnumpy()
        return columns

    def held(self, key: object, make: Callable[[], Any]) -> Any:
        """``make()`` (one reporter's rows of a rollup), kept until the warehouse changes.

        At most :data:`HELD` are kept, the last used: memory stays bounded by the rows of the
        few reporters being asked about.
        """
        version = self.warehouse.version()
        if self._held.get("version") != version:
            self._held = {"version": version}
        found = self._held.pop(key, None)
        if found is None:
            found = make()
            if len(self._held) > HELD:
                del self._held[next(k for k in self._held if k != "version")]
        self._held[key] = found  # the last used last
        return found

    def frame(self, columns: dict[str, np.ndarray], schema: Any) -> pd.DataFrame:
        """``columns`` as the frame of ``schema``, converted as a compiled question's are."""
        return _frame(columns, schema)

    def has_unallocated(self) -> bool:
        """Whether the ``unallocated`` table has rows, kept until the warehouse changes."""
        sql = "SELECT EXISTS (SELECT 1 FROM unallocated)"
        return bool(
            self.kept(("unallocated",), lambda: self.warehouse.con.execute(sql).fetchall()[0][0])
        )

    def lookup(self, sql: str) -> dict[str, str]:
        """The rows of a two-column ``sql`` as a dict, kept until the warehouse changes."""
        return self.kept(("lookup", sql), lambda: dict(self.warehouse.con.execute(sql).fetchall()))

    # The warehouse keeps these itself (one cache for every engine over it).
    def holdings(self) -> dict[str, dict[str, list[int]]]:
        """Reporter -> flow -> years (:meth:`Warehouse.holdings`)."""
        return self.warehouse.holdings()

    def has_months(self, reporter: str) -> bool:
        """Whether ``reporter`` has monthly records (:meth:`Warehouse.has_months`)."""
        return self.warehouse.has_months(reporter)

    def sources(self, reporter: str) -> pd.DataFrame:
        """Records by flow, year and kind (:meth:`Warehouse.sources`)."""
        return self.warehouse.sources(reporter)

    def reconciled_years(self) -> dict[int, Year]:
        """Exporters and countries of reconciled years (:meth:`Warehouse.reconciled_years`)."""
        return self.warehouse.reconciled_years()


def _numpy_holds(schema: Any) -> bool:
    """Whether :func:`_frame` converts every column of ``schema`` exactly as Ibis does.

    Floats, integers, booleans, strings and lists of strings or numbers; decimals, dates and
    the rest come through Arrow (:func:`_arrow_frame`).
    """
    return all(
        t.is_float64() or t.is_integer() or t.is_boolean() or t.is_string()
        or (t.is_array() and _simple(t.value_type))
        for t in schema.types
    )  # fmt: skip


def _simple(t: Any) -> bool:
    """Whether list items of type ``t`` come from numpy as Arrow gives them (``tolist``)."""
    return bool(t.is_string() or t.is_float64() or t.is_integer() or t.is_boolean())


def _fetch(con: Any, sql: str, schema: Any) -> pd.DataFrame:
    """The answer of ``sql`` as the frame of ``schema``: numpy columns where they hold it."""
    if _numpy_holds(schema):
        return _frame(_run(con, sql), schema)
    return _arrow_frame(con.sql(sql).to_arrow_table(), schema)


def _run(con: Any, sql: str) -> dict[str, np.ndarray]:
    """The columns of ``sql``'s rows, from one statement that DuckDB parses and plans once.

    A relation (``con.sql``) parses and binds its text to learn its columns, then again to
    run it: on a report's questions, whose plans take longer than their rows, that is a
    third of DuckDB's time. Nulls come as masked arrays; strings as Python objects, which
    costs more than Arrow's strings on answers of many rows (:func:`_arrow_frame`).
    """
    columns: dict[str, np.ndarray] = con.execute(sql).fetchnumpy()
    return columns


def _arrow_frame(table: pa.Table, schema: Any) -> pd.DataFrame:
    """Arrow result -> pandas, converted to the expression's types as Ibis does it.

    Floats (NaN for nulls), strings without nulls and lists go straight from Arrow to what
    Ibis makes of them (float64, ``str``, Python lists); any other column goes through
    Ibis's own conversion.
    """
    from ibis.backends.duckdb.converter import DuckDBPandasData  # noqa: PLC0415

    out: dict[str, Any] = {}
    for (name, dtype), col in zip(schema.items(), table.columns, strict=True):
        kind = col.type
        if dtype.is_float64() and pat.is_float64(kind):
            out[name] = col.to_numpy()
        elif dtype.is_string() and pat.is_string(kind) and not col.null_count:
            out[name] = pd.Series(col.to_pandas(), dtype="str")
        elif dtype.is_array() and pat.is_list(kind) and len(col):
            out[name] = pd.Series(col.to_pylist(), dtype=object)
        else:
            values = (
                _column(col.to_pylist())
                if pat.is_nested(kind) or pat.is_dictionary(kind) or col.null_count
                else col.to_pandas()
            )
            out[name] = DuckDBPandasData.convert_column(values, dtype)
    return pd.DataFrame(out)


def _frame(columns: dict[str, np.ndarray], schema: Any) -> pd.DataFrame:
    """DuckDB's columns -> pandas, converted to the expression's types as Ibis does it.

    Floats (NaN for nulls), strings without nulls and lists of strings or numbers go straight
    to what Ibis makes of them (float64, ``str``, Python lists); any other column goes
    through Ibis's own conversion of the column's Python values.
    """
    from ibis.backends.duckdb.converter import DuckDBPandasData  # noqa: PLC0415

    if schema.names != tuple(columns):
        raise ValueError(f"columns {list(columns)} are not the expression's {schema.names}")
    out: dict[str, Any] = {}
    for (name, dtype), values in zip(schema.items(), columns.values(), strict=True):
        mask = np.ma.getmaskarray(values)
        nulls = bool(mask.any())
        if dtype.is_float64() and values.dtype == np.float64:
            out[name] = np.ma.filled(values, np.nan) if nulls else np.asarray(values)
        elif dtype.is_string() and values.dtype == object and not nulls:
            out[name] = pd.Series(np.asarray(values), dtype="str")
        elif dtype.is_array() and len(values) and _simple(dtype.value_type):
            lists: list[Any] = [
                None if null else v.tolist()
                for null, v in zip(mask, np.asarray(values), strict=True)
            ]
            out[name] = pd.Series(lists, dtype=object)
        else:
            # Python values (None for nulls) where a column has nulls or objects, as Arrow's.
            python = values.tolist() if nulls or values.dtype == object else values
            out[name] = DuckDBPandasData.convert_column(_column(python), dtype)
    return pd.DataFrame(out)


def _column(values: Any) -> pd.Series:
    """``values`` as a frame's column makes them (no rows: float64, as before)."""
    return pd.DataFrame({"c": values})["c"].rename(None)


def _spark(warehouse: Warehouse, **kwargs: Any) -> Engine:
    try:
        from hitex.store.spark import SparkEngine  # noqa: PLC0415 - pyspark is an extra
    except ImportError as exc:
        raise InputError(
            f"The pyspark engine needs the spark extra ({exc}): pip install 'hitex[spark]'."
        ) from exc
    return SparkEngine(warehouse, **kwargs)


#: Engine name -> factory ``(warehouse, **options) -> Engine``.
ENGINES: dict[str, Callable[..., Engine]] = {
    "duckdb": lambda warehouse, **_: DuckDBEngine(warehouse),
    "pyspark": _spark,
}


def engine_for(name: str, warehouse: Warehouse, **options: Any) -> Engine:
    """The engine called ``name`` over ``warehouse``; "Did you mean …?" when unknown."""
    if name not in ENGINES:
        raise UnknownCodeError.new("engine", name, ENGINES)
    return ENGINES[name](warehouse, **options)
