"""Engines: what runs the Ibis expressions that :mod:`hitex.indicators` builds.

An engine hands out Ibis tables by warehouse name; the indicators never learn which engine
holds them. DuckDB reads the warehouse file itself. Spark (:mod:`hitex.store.spark`) reads a
Parquet copy of it. Each engine is a subclass with class-level settings, chosen by name
through :data:`ENGINES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar

import ibis.expr.types as ir

from hitex.errors import InputError, UnknownCodeError
from hitex.store.schema import RELATIONS
from hitex.store.warehouse import Warehouse

#: Tables the indicators read.
TABLES = ("flows", "countries", "country_names", "products", "product_groups", "country_groups")


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

    def close(self) -> None:
        """Release what the engine holds (the warehouse is closed by its owner)."""


class DuckDBEngine(Engine):
    """The embedded warehouse itself (the default)."""

    name = "duckdb"

    def backend(self) -> Any:
        """The warehouse's own Ibis DuckDB backend."""
        return self.warehouse.ibis

    def tables(self, names: Iterable[str] = TABLES) -> dict[str, ir.Table]:
        """Ibis tables by logical name (``flows`` is the ``trade`` view: see schema.py)."""
        b = self.backend()
        return {n: b.table(RELATIONS.get(n, n)) for n in names}


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
