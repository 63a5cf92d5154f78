"""The Spark engine: the warehouse's tables as Parquet files, read by ``ibis.pyspark``.

Spark cannot read a DuckDB file. It reads the Parquet files
:meth:`hitex.store.Warehouse.spark_files` names for each table (written under the warehouse's
data root, which every executor must be able to read), registers each table as a temporary
view, and builds ``trade`` from them as the warehouse's own view does. The views follow the
warehouse: when it changes (a load, a removal, new reference data) they are read again.

The session comes from the user: a ``SparkSession`` passed to ``hitex.open(spark=...)``, or
one started for a master URL (``--spark-master`` / ``$HITEX_SPARK_MASTER``: ``local[N]``,
``spark://host:port``, ``yarn``, ``k8s://...``, ``sc://host:port`` for Spark Connect);
``local[2]`` only when none is given.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar
from urllib.parse import urlparse

import ibis
import ibis.expr.types as ir
import pandas as pd
from pyspark.sql import SparkSession

from hitex.errors import InputError
from hitex.store import rollups
from hitex.store.engines import TABLES, Engine
from hitex.store.schema import ENGINE_TABLES, RELATIONS, ROW_COLUMNS
from hitex.store.warehouse import Warehouse

#: The master used when neither ``--spark-master`` nor ``$HITEX_SPARK_MASTER`` names one.
DEFAULT_MASTER = "local[2]"

#: Settings of every session hitex starts: quiet, UTC, Arrow for the (small) results.
CONFIG: dict[str, str] = {
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.session.timeZone": "UTC",
    # Arrow makes toPandas fast; the fallback keeps odd types working.
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.sql.execution.arrow.pyspark.fallback.enabled": "true",
}

#: Settings of a session whose driver and executors are all on this machine.
LOCAL_CONFIG: dict[str, str] = {
    **CONFIG,
    "spark.sql.shuffle.partitions": "4",
    "spark.default.parallelism": "4",
    "spark.ui.enabled": "false",
    "spark.driver.memory": "1g",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    # Executors on this machine may not share a /tmp (a worker in a mount namespace of its
    # own): shuffle blocks are fetched from the executor that wrote them, never read from
    # its folder as if it were this one's.
    "spark.shuffle.readHostLocalDisk": "false",
}

#: ``trade`` (see hitex.store.schema.VIEWS) in Spark SQL over the engine's views.
TRADE = f"""CREATE OR REPLACE TEMP VIEW {{trade}} AS
SELECT {ROW_COLUMNS} FROM {{flows}} WHERE partner <> 'WLD' AND product <> 'TOTAL'
UNION ALL
SELECT {ROW_COLUMNS} FROM {{unallocated}}
UNION ALL
SELECT f.year, f.month, f.partner AS reporter, f.reporter AS partner, 'import' AS flow,
    f.classification, f.product, f.value_usd, f.quantity, f.unit, f.load_id,
    CAST(NULL AS STRING) AS firm
FROM {{flows}} f
WHERE f.flow = 'export' AND f.load_id IN (SELECT id FROM {{loads}} WHERE reconciled)"""  # noqa: S608


def chosen_master(master: str | None = None) -> str:
    """The master URL to use: ``master``, else ``$HITEX_SPARK_MASTER``, else ``local[2]``."""
    return master or os.environ.get("HITEX_SPARK_MASTER") or DEFAULT_MASTER


def hosts(master: str) -> list[str] | None:
    """The hosts a master URL names; ``None`` for ``local[...]`` (no other process at all).

    ``yarn`` and ``k8s://`` masters place executors on hosts of their own choosing: they are
    named by the master itself.
    """
    if master == "local" or master.startswith(("local[", "local-cluster[")):
        return None
    if master.startswith(("spark://", "sc://", "mesos://")):
        listed = master.split("://", 1)[1].split(",")
        return [urlparse("x://" + part).hostname or "" for part in listed]
    return [master]


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine's loopback address (127.0.0.1, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_local(master: str) -> bool:
    """Whether every executor of ``master`` runs on this machine (``local[N]``, 127.0.0.1)."""
    named = hosts(master)
    return named is None or all(is_loopback(h) for h in named)


def check_reachable(master: str, root: str) -> None:
    """Refuse a data root the executors of ``master`` cannot read (a path on this machine)."""
    if is_local(master) or "://" in root:
        return
    raise InputError(
        f"The data root {root} is a folder on this machine ({socket.gethostname()}), which the "
        f"executors of {master} on other hosts cannot read: put it on storage every host "
        "mounts and declare it with hitex init --data file:///shared/hitex, or use a "
        "local master (local[N], spark://127.0.0.1:PORT)."
    )


def master_of(spark: SparkSession) -> str:
    """The master URL of a session (the server's URL for a Spark Connect session)."""
    if is_connect(spark):
        client: Any = getattr(spark, "client", None)
        builder = getattr(client, "_builder", None)
        where = getattr(builder, "endpoint", None) or getattr(client, "host", None)
        return f"sc://{where}" if where else "sc://unknown"
    return str(spark.sparkContext.master)


def is_connect(spark: Any) -> bool:
    """Whether ``spark`` is a Spark Connect session (no SparkContext on this side)."""
    return type(spark).__module__.startswith("pyspark.sql.connect")


def session_for(master: str | None = None) -> SparkSession:
    """A Spark session on ``master`` (see :func:`chosen_master`), started once per process.

    A process holds one SparkContext: asking for another master while one runs is refused.
    """
    url = chosen_master(master)
    if url.startswith("sc://"):
        return SparkSession.builder.remote(url).appName("hitex").getOrCreate()
    running = SparkSession.getActiveSession()
    if running is not None and not is_connect(running) and running.sparkContext.master != url:
        raise InputError(
            f"This process already runs a Spark session on {running.sparkContext.master}; it "
            f"cannot start another on {url} (one SparkContext per process): pass that session "
            "to hitex.open(spark=...) or stop it first."
        )
    local = is_local(url)
    if local:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.master(url).appName("hitex")
    for key, value in (LOCAL_CONFIG if local else CONFIG).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def local_session(cores: int = 2) -> SparkSession:
    """A local Spark session bound to 127.0.0.1 (started once per process, then reused)."""
    return session_for(f"local[{cores}]")


class SparkEngine(Engine):
    """Queries run by Spark over the Parquet files of :meth:`Warehouse.spark_files`."""

    name = "pyspark"
    extra: ClassVar[str] = "pip install 'hitex[spark]'"

    def __init__(
        self, warehouse: Warehouse, *, spark: SparkSession | None = None, master: str | None = None
    ) -> None:
        super().__init__(warehouse)
        if spark is None:
            url = chosen_master(master)
            check_reachable(url, warehouse.data_root)
            spark = session_for(url)
        else:
            check_reachable(master_of(spark), warehouse.data_root)
        self.spark = spark
        self._backend: Any = None
        self._version: str | None = None
        # Views are per Spark session: a prefix keeps two warehouses on one session apart.
        self._prefix = f"hitex_{id(self):x}_"
        #: Whether the rollups' views are there (made with the other views).
        self._rollups = False

    def _view(self, name: str) -> str:
        return self._prefix + name

    def tables(self, names: Iterable[str] = TABLES) -> dict[str, ir.Table]:
        """Ibis tables over the Parquet files, by logical name (``flows`` is ``trade``)."""
        b = self.backend()
        return {n: b.table(self._view(RELATIONS.get(n, n))) for n in names}

    def backend(self) -> Any:
        """The Ibis PySpark backend, with views over the warehouse's current files."""
        if self._backend is None:
            self._backend = ibis.pyspark.connect(self.spark)
        version = self.warehouse.version()
        if version != self._version:
            for name, paths in self.warehouse.spark_files().items():
                # Record files written before a column was added lack it: merge the schemas.
                read = self.spark.read.option("mergeSchema", "true")
                read.parquet(*paths).createOrReplaceTempView(self._view(name))
            self.spark.sql(TRADE.format(**self._views()))
            self._rollup_views()
            self._version = version
        return self._backend

    def _rollup_views(self) -> None:
        """Views of the rollups (:mod:`hitex.store.rollups`) over their Parquet files.

        The files are those DuckDB's views read; the few ``unallocated`` rows and the
        numbered groups of the schemes come from the warehouse. Without every rollup (a
        warehouse of an earlier hitex opened read-only) there are no views: the records answer.
        """
        self._rollups = False
        if not self.warehouse.rollups_ready():
            return
        con, layout = self.warehouse.con, self.warehouse.layout
        for kind in rollups.KINDS:
            files = rollups.live(con, layout, kind)
            if not files:
                return
            stored = self.spark.read.parquet(*files).select(*rollups.columns(kind))
            rest = con.execute(rollups.unallocated_sql(kind)).df()
            if len(rest):
                rows = rest.astype(object)
                extra = self.spark.createDataFrame(rows.where(rows.notna(), None), stored.schema)
                stored = stored.unionByName(extra)
            stored.createOrReplaceTempView(self._view(rollups.view(kind)))
        groups = con.execute("SELECT * FROM rollup_groups").df()
        self.spark.createDataFrame(groups).createOrReplaceTempView(self._view("rollup_groups"))
        self._rollups = True

    def answering(self, rollup: str | None, names: Iterable[str] = TABLES) -> dict[str, ir.Table]:
        """:meth:`tables` with ``flows`` read from ``rollup`` (see :meth:`Engine.answering`)."""
        tables = self.tables(names)
        if rollup is None or "flows" not in tables or not self._rollups:
            return tables
        b = self.backend()
        out = {**tables, "flows": b.table(self._view(rollups.view(rollup)))}
        if rollup == "products":
            out["scheme_groups"] = b.table(self._view("rollup_groups"))
        return out

    def _views(self) -> dict[str, str]:
        return {n: f"`{self._view(n)}`" for n in (*ENGINE_TABLES, "trade")}

    def sql(self, query: str, params: Sequence[object] = ()) -> pd.DataFrame:
        """Run ``query`` on Spark (see :meth:`Engine.sql`); the answer is a small aggregate."""
        self.backend()
        frame = self.spark.sql(query.format(**self._views()), args=list(params) or None)
        return frame.toPandas()

    def close(self) -> None:
        """Drop the views (the Spark session stays up for reuse; the files stay for others)."""
        if self._backend is not None:
            rollup_views = [rollups.view(k) for k in rollups.KINDS]
            for name in (*ENGINE_TABLES, "trade", *rollup_views, "rollup_groups"):
                self.spark.catalog.dropTempView(self._view(name))
