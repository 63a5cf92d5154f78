"""The Spark engine: the warehouse's tables as Parquet, read by ``ibis.pyspark``.

Spark cannot read a DuckDB file, so the warehouse exports the tables the indicators read to
Parquet (:meth:`hitex.store.Warehouse.export_parquet`) and Spark registers each file as a
temporary view of the same name. The export is redone when the warehouse changed (a new load
or new reference data), so a session sees what DuckDB would.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import ibis
import ibis.expr.types as ir
from pyspark.sql import SparkSession

from hitex.store.engines import TABLES, Engine
from hitex.store.warehouse import Warehouse

#: Settings of the local session ``hitex.open(engine="pyspark")`` starts: small and quiet.
LOCAL_CONFIG: dict[str, str] = {
    "spark.sql.shuffle.partitions": "4",
    "spark.default.parallelism": "4",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.memory": "1g",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.sql.session.timeZone": "UTC",
    # Arrow makes toPandas fast; the fallback keeps odd types working.
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.sql.execution.arrow.pyspark.fallback.enabled": "true",
}


def local_session(cores: int = 2) -> SparkSession:
    """A local Spark session bound to 127.0.0.1 (started once per process, then reused)."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.master(f"local[{cores}]").appName("hitex")
    for key, value in LOCAL_CONFIG.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


class SparkEngine(Engine):
    """Queries run by Spark over a Parquet export of the warehouse."""

    name = "pyspark"
    extra: ClassVar[str] = "pip install 'hitex[spark]'"

    def __init__(
        self,
        warehouse: Warehouse,
        *,
        spark: SparkSession | None = None,
        parquet_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(warehouse)
        self.spark = spark if spark is not None else local_session()
        self._own_dir = parquet_dir is None
        self.dir = Path(parquet_dir or tempfile.mkdtemp(prefix="hitex-spark-"))
        self._backend: Any = None
        self._version: str | None = None
        # Views are per Spark session: a prefix keeps two warehouses on one session apart.
        self._prefix = f"hitex_{id(self):x}_"

    def tables(self, names: Iterable[str] = TABLES) -> dict[str, ir.Table]:
        """Ibis tables over the Parquet export, by warehouse name."""
        b = self.backend()
        return {n: b.table(self._prefix + n) for n in names}

    def backend(self) -> Any:
        """The Ibis PySpark backend, with views over a current Parquet export."""
        if self._backend is None:
            self._backend = ibis.pyspark.connect(self.spark)
        version = self.warehouse.version()
        if version != self._version:
            for name, path in self.warehouse.export_parquet(self.dir, TABLES).items():
                self._backend.read_parquet(str(path), table_name=self._prefix + name)
            self._version = version
        return self._backend

    def close(self) -> None:
        """Drop the views and the Parquet copy (the Spark session stays up for reuse)."""
        if self._backend is not None:
            for name in TABLES:
                self.spark.catalog.dropTempView(self._prefix + name)
        if self._own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)
