"""Engines: what runs the Ibis expressions that :mod:`hitex.indicators` builds.

An engine hands out Ibis tables by warehouse name; the indicators never learn which engine
holds them. DuckDB reads the warehouse file itself. Spark (:mod:`hitex.store.spark`) reads a
Parquet copy of it. Each engine is a subclass with class-level settings, chosen by name
through :data:`ENGINES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

import ibis.expr.types as ir
import pandas as pd
import pyarrow as pa
import pyarrow.types as pat

from hitex.errors import InputError, UnknownCodeError
from hitex.store import shapes
from hitex.store.schema import RELATIONS
from hitex.store.shapes import Slot
from hitex.store.warehouse import Warehouse

#: Tables the indicators read.
TABLES = (
    "flows", "countries", "country_names", "products", "product_groups", "country_groups",
    "firms", "firm_members",
)  # fmt: skip


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

    def close(self) -> None:
        """Release what the engine holds (the warehouse is closed by its owner)."""


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
        return _frame(self.warehouse.con.sql(sql).to_arrow_table(), schema)

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
        return _frame(self.warehouse.con.sql(sql).to_arrow_table(), schema)


def _frame(table: pa.Table, schema: Any) -> pd.DataFrame:
    """Arrow result -> pandas, converted to the expression's types as Ibis does it."""
    from ibis.backends.duckdb.converter import DuckDBPandasData  # noqa: PLC0415

    columns = {
        name: col.to_pylist()
        if pat.is_nested(col.type) or pat.is_dictionary(col.type) or col.null_count
        else col.to_pandas()
        for name, col in zip(table.column_names, table.columns, strict=True)
    }
    return DuckDBPandasData.convert_table(pd.DataFrame(columns), schema)


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
