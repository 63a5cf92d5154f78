"""A load read by Spark: the same plan, the same commit (``hitex load --engine pyspark``).

Spark reads the file, runs the load plan (:mod:`hitex.ingest.plan`, compiled to Spark SQL)
over it with the lookup tables the driver hands it, and writes the records as Parquet part
files into the load's staging folder under the data root, one folder per (classification,
year), refused records apart. Nothing else differs from a DuckDB load
(:class:`hitex.store.load.Loader`, of which this is a subclass): the checks that depend on
other records (a key an earlier load holds, a code beside its finer codes, records with the
same key) run on the driver's catalog over the staged files, the refused records reach
``rejects`` with the same code, field, value and reason, and the commit is the same commit
(files moved into place, listed in the catalog, one transaction), so a failed load leaves
nothing and a reload of the same file is recognised by its sha256.

Records are numbered as DuckDB numbers them (a file's lines) only when some record is
refused: Spark's row ids hold the partition in their upper bits, and the partitions' counts
give each partition's first record.
"""

# ruff: noqa: S608 - this module composes the load's SQL, as hitex.store.load does: fragments of
# its own, integer load ids, values from outside only through hitex.ingest.sql (ident, lit).
from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import from_arrow_schema
from pyspark.sql.types import StringType, StructField, StructType
from sqlglot import exp

from hitex.ingest import Read, Reader
from hitex.ingest.plan import Plan, plan
from hitex.ingest.sql import ident, lit
from hitex.store.layout import Commit, Layout, RecordFile, read_sql
from hitex.store.load import COLUMNS, Counts, Loader, Step, _summed
from hitex.store.schema import flow_types
from hitex.store.scratch import Scratch

#: The alias of the file's relation in the plan (as in the DuckDB load).
_SRC = "hitex_src__"
#: Columns Spark adds to the file's own: the row id, why a line is malformed, its text.
ROW, BAD, TEXT, JSON, CORRUPT = "row__", "bad__", "text__", "json__", "_corrupt_record__"
#: The staged records' partitions: kept or refused, classification, year.
KEPT, CLASS, YEAR = "kept__", "class__", "year__"
#: Spark's row id: the partition in the upper 31 bits, the row within it in the lower 33.
_LOW = 33

#: Settings of the one pass's write. Files partitioned by (kept, classification, year) are
#: written by each task as its rows come, a few files open at once, instead of Spark's plan
#: for a partitioned write: every row of the task sorted by those columns first (a sort of
#: the whole file, spilled to disk once it outgrows an executor's memory), although a file
#: holds one or two partitions. More partitions in one task than this fall back to the sort.
WRITE_SETTINGS = {
    "spark.sql.optimizer.plannedWrite.enabled": "false",
    "spark.sql.maxConcurrentOutputFileWriters": "16",
}

#: DuckDB's type names for the typed CSV columns -> Spark's.
_SPARK_TYPES = {"INTEGER": "INT", "BIGINT": "BIGINT", "DOUBLE": "DOUBLE"}


class SparkLoader(Loader):
    """Loads one opened file with Spark; the driver's catalog decides and commits."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        reader: Reader,
        load_id: int,
        *,
        scratch: Scratch,
        layout: Layout,
        commit: Commit,
        alone: bool = True,
        spark: SparkSession,
    ) -> None:
        super().__init__(
            con, reader, load_id, scratch=scratch, layout=layout, commit=commit, alone=alone
        )
        self.spark = spark
        self._prefix = f"hitex_load_{uuid.uuid4().hex[:12]}_"
        self._views: list[str] = []
        self._names: list[str] = []
        #: The plan's lookup tables: name -> the Spark view holding it.
        self._tables: dict[str, str] = {}

    # -- Spark's relations ----------------------------------------------------------------
    def _view(self, name: str, frame: DataFrame) -> str:
        full = self._prefix + name
        frame.createOrReplaceTempView(full)
        self._views.append(full)
        return full

    def run(self, *, revise: bool, step: Step) -> Counts:
        """Load the file (see :meth:`Loader.run`); the load's Spark views go at its end."""
        try:
            return super().run(revise=revise, step=step)
        finally:
            self.close()

    def close(self) -> None:
        """Drop the load's temporary views (the session stays up)."""
        for name in self._views:
            self.spark.catalog.dropTempView(name)
        self._views.clear()

    def _lookups(self, names: tuple[str, ...]) -> dict[str, str]:
        """The plan's lookup tables, from the catalog, as Spark views: name -> view."""
        views = {}
        for name in names:
            table = self.con.sql(f"SELECT * FROM {ident(name)}").to_arrow_table()
            views[name] = self._view(name, _spark_frame(self.spark, table))
        return views

    def _raw(self) -> str:
        """The file's records as Spark reads them, with a row id and why a line is malformed."""
        opened = self.reader.opened
        assert opened is not None
        path = self.reader.source.path.resolve()
        uri = path.as_uri()
        if opened.csv:
            names = list(opened.columns.values())
            self._names = names
            schema = StructType(
                [StructField(n, StringType()) for n in names] + [StructField(CORRUPT, StringType())]
            )
            frame = (
                self.spark.read.schema(schema)
                .option("header", "true")
                .option("sep", opened.delimiter)
                .option("quote", '"')
                .option("escape", '"')
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .option("encoding", opened.encoding or "UTF-8")
                .csv(uri)
            )
            return self._view("raw", self._checked_frame(frame, opened.typed, opened.delimiter))
        if opened.relation.startswith("read_parquet"):
            frame = self.spark.read.parquet(uri)
        else:
            table = self.con.sql(f"SELECT * FROM {opened.relation}").to_arrow_table()
            frame = _spark_frame(self.spark, table)
        self._names = list(frame.columns)
        frame = frame.withColumn(CORRUPT, F.lit(None).cast("string"))
        return self._view("raw", self._checked_frame(frame, {}, ","))

    def _checked_frame(
        self, frame: DataFrame, typed: Mapping[str, str], delimiter: str
    ) -> DataFrame:
        """The row id, and the lines DuckDB's reader refuses, with DuckDB's own sentence.

        A line without the file's number of columns, or with a value that is not of its
        column's type (BACI's country codes are numbers), is malformed: its text is kept.
        """
        opened = self.reader.opened
        assert opened is not None
        names = self._names
        columns = [F.col(f"`{n}`") for n in names]
        found = F.size(F.split(F.col(CORRUPT), re.escape(delimiter)))
        reasons = [
            F.when(
                F.col(CORRUPT).isNotNull(),
                F.concat(F.lit(f"Expected Number of Columns: {len(names)} Found: "),
                         found.cast("string")),
            )
        ]  # fmt: skip
        casts = {}
        for lower, kind in typed.items():
            name = opened.columns[lower]
            spark_type = _SPARK_TYPES.get(kind.upper())
            if spark_type is None:
                continue
            text = F.trim(F.col(f"`{name}`"))
            casts[name] = F.expr(f"try_cast(`{name}` AS {spark_type})")
            message = F.concat(
                F.lit(f'Error when converting column "{name}". Could not convert string "'),
                F.col(f"`{name}`"),
                F.lit(f"\" to '{kind.upper()}'"),
            )
            reasons.append(F.when((text != "") & casts[name].isNull(), message))
        line = F.coalesce(
            F.col(CORRUPT),
            F.concat_ws(delimiter, *[F.coalesce(c, F.lit("")) for c in columns]),
        )
        frame = frame.select(
            *columns, F.col(CORRUPT), F.monotonically_increasing_id().alias(ROW),
            F.coalesce(*reasons).alias(BAD), line.alias(TEXT),
        )  # fmt: skip
        for name, cast in casts.items():
            frame = frame.withColumn(name, cast)
        record = F.to_json(F.struct(*columns), {"ignoreNullFields": "false"})
        return frame.withColumn(JSON, record)

    def _plan(self, raw: str, *, record: str, good_only: bool = False) -> Plan:
        relation = ident(raw) if not good_only else None
        src = ident(_SRC)
        if good_only:
            relation = f"(SELECT * FROM {ident(raw)} WHERE {ident(BAD)} IS NULL)"
        read = Read(
            f"{relation} AS {src}", _source_ref, f"{src}.{ident(ROW)}", f"{src}.{ident(record)}"
        )
        return plan(self.reader, read)

    # -- the one pass -----------------------------------------------------------------------
    def _one_pass(self) -> int:
        raw = self._raw()
        # Records with a refusal, or on a malformed line (record holds why), are staged apart.
        one_pass = self._plan(raw, record=BAD)
        self._tables = self._lookups(one_pass.lookups)
        checked = one_pass.sql("duckdb")
        types = flow_types()
        cast = ", ".join(f"CAST({ident(c)} AS {types[c]}) AS {ident(c)}" for c in COLUMNS)
        kept = "reason IS NULL AND record IS NULL"
        wrapper = f"""SELECT {cast}, CAST(CASE WHEN {kept} THEN {self.id} ELSE {-self.id} END
            AS INTEGER) AS load_id, CASE WHEN {kept} THEN 'true' ELSE 'false' END AS {KEPT},
            classification AS {CLASS}, year AS {YEAR} FROM ({checked})"""
        sql = Plan(_parse(wrapper)).sql("spark", tables=self._tables)
        self.folder = self.layout.staging()
        out = self.folder / "spark"
        with _settings(self.spark, WRITE_SETTINGS):
            self.spark.sql(sql).write.partitionBy(KEPT, CLASS, YEAR).parquet(out.as_uri())
        return self._count(f"SELECT count(*) FROM ({self.staged_sql()})") + self._refused_count()

    def _spark_files(self, *, kept: bool) -> list[str]:
        folder = self._folder() / "spark" / f"{KEPT}={'true' if kept else 'false'}"
        return [str(p) for p in sorted(folder.glob("*/*/*.parquet"))]

    def _staged_by_spark(self) -> bool:
        return self.folder is not None and (self.folder / "spark").is_dir()

    def staged_sql(self) -> str:
        """The staged records as flows rows (refused ones left out)."""
        if not self._staged_by_spark():
            return super().staged_sql()
        files = self._spark_files(kept=True)
        if not files:
            return read_sql([])
        listed = ", ".join(lit(f) for f in files)
        return (
            f"SELECT {', '.join(COLUMNS)}, load_id FROM read_parquet([{listed}], "
            "hive_partitioning = false)"
        )

    def _refused_count(self) -> int:
        if not self._staged_by_spark():
            return super()._refused_count()
        files = self._spark_files(kept=False)
        if not files:
            return 0
        listed = ", ".join(lit(f) for f in files)
        return self._count(f"SELECT count(*) FROM read_parquet([{listed}])")

    # -- refused records: their lines ----------------------------------------------------------
    def _numbered(self, raw: str) -> tuple[str, int]:
        """A table (part, first) of each partition's first record number, and the total."""
        counts = (
            self.spark.table(raw)
            .select(F.shiftright(F.col(ROW), _LOW).alias("part"))
            .groupBy("part")
            .count()
            .toPandas()
            .sort_values("part")
        )
        firsts = counts["count"].cumsum() - counts["count"]
        table = pa.table(
            {"part": pa.array(counts["part"], pa.int64()), "first": pa.array(firsts, pa.int64())}
        )
        self.scratch.arrow("parts_arrow", table)
        self.scratch.table("parts", "SELECT * FROM parts_arrow")
        self.scratch.drop("parts_arrow")
        return "parts", int(counts["count"].sum())

    def _rows_sql(self, name: str) -> str:
        """``name``'s rows with ``row`` the record number (1 = the first record)."""
        mask = (1 << _LOW) - 1
        return f"""SELECT c.* REPLACE (p.first + (c.row & {mask}) + 1 AS row) FROM {name} c
            JOIN parts p ON p.part = c.row >> {_LOW}"""

    def _malformed(self, raw: str) -> pa.Table:
        """Malformed lines as refusals (row id, reason, code, field, value, record)."""
        bad = self.spark.sql(
            f"""SELECT {ROW} AS row, concat('malformed line: ', {BAD}) AS reason,
            'malformed' AS code, CAST(NULL AS STRING) AS field, CAST(NULL AS STRING) AS value,
            {TEXT} AS record FROM `{raw}` WHERE {BAD} IS NOT NULL"""
        )
        return _refusals(bad)

    def _refused_lines(self, read: int, *, step: Step) -> Counts:
        """Keep the refused records (and malformed lines) with their lines and raw text."""
        raw = self._prefix + "raw"
        _, total = self._numbered(raw)
        self._write_lines(total)
        checked = self._plan(raw, record=JSON, good_only=True).sql("duckdb")
        sql = Plan(
            _parse(
                f"""SELECT row, reason, code, field, value, record FROM ({checked})
                WHERE reason IS NOT NULL"""
            )
        ).sql("spark", tables=self._tables)
        refusals = pa.concat_tables([self._malformed(raw), _refusals(self.spark.sql(sql))])
        self.scratch.arrow("refused_arrow", refusals)
        self.scratch.table("refused_ids", "SELECT * FROM refused_arrow")
        self.scratch.drop("refused_arrow")
        refused = self.scratch.table("refused", self._rows_sql("refused_ids"))
        rejected = self._count(
            f"""INSERT INTO rejects SELECT {self.id}, {self._line_sql()}, c.record, c.reason,
            c.code, c.field, c.value FROM {refused} c ORDER BY c.row"""
        )
        self._suggest()
        merged = self._merge_keys()
        step("rejects")
        return Counts(read, read - rejected, rejected, merged, 0)

    def _insert_malformed(self) -> int:
        # Spark stages malformed lines as refused records: they are kept with the others.
        return 0

    def _clear_errors(self) -> None:
        # DuckDB's CSV reader never read the file: it has no errors to forget.
        return

    # -- the careful path: checked rows staged by Spark, decided by the catalog ----------
    def _careful(self, *, revise: bool, step: Step) -> Counts:
        raw = self._prefix + "raw"
        _, total = self._numbered(raw)
        checked = self._plan(raw, record=JSON, good_only=True).sql("duckdb")
        sql = Plan(_parse(f"SELECT * FROM ({checked})")).sql("spark", tables=self._tables)
        folder = self.layout.staging()
        try:
            self.spark.sql(sql).write.parquet((folder / "checked").as_uri())
            files = ", ".join(lit(str(p)) for p in sorted((folder / "checked").glob("*.parquet")))
            source = f"read_parquet([{files}])" if files else "(SELECT * FROM checked_empty__)"
            if not files:
                self.scratch.table("checked_empty__", f"SELECT * FROM ({checked}) WHERE false")
            self.scratch.table("checked_ids", f"SELECT * FROM {source}")
            self.scratch.table("checked", self._rows_sql("checked_ids"))
        finally:
            self.layout.unstage(folder)
        if self.reader.hierarchical:
            self._refuse(self._nonleaves())
        revised = self._revisions(revise=revise)
        malformed = self._malformed(raw)
        self.scratch.arrow("malformed_arrow", malformed)
        bad = self.scratch.table("malformed", self._rows_sql("malformed_arrow"))
        self._write_lines(total)
        rejected = self._count(
            f"""INSERT INTO rejects SELECT {self.id}, {self._line_sql()}, c.record, c.reason,
            c.code, c.field, c.value FROM (SELECT row, record, reason, code, field, value
            FROM checked WHERE reason IS NOT NULL UNION ALL
            SELECT row, record, reason, code, field, value FROM {bad}) c ORDER BY c.row"""
        )
        self._suggest()
        step("rejects")
        accepted = self._count("SELECT count(*) FROM checked WHERE reason IS NULL")
        accepted_sql = (
            f"SELECT {', '.join(COLUMNS)} FROM checked WHERE reason IS NULL"
            if self.reader.keys_unique
            else _summed("SELECT * FROM checked WHERE reason IS NULL")
        )
        self._restage(accepted_sql)
        inserted = self._count(f"SELECT count(*) FROM ({self.staged_sql()})")
        return Counts(total, accepted, rejected, accepted - inserted, revised)

    # -- the commit ---------------------------------------------------------------------
    def commit(self) -> None:
        """Make the staged records live (see :meth:`Loader.commit`).

        Files Spark staged move to their place as they are; files the driver staged again (a
        revision, records summed) go the DuckDB load's way.
        """
        if not self._staged_by_spark():
            super().commit()
            return
        folder = self._folder()
        self._place(folder)
        self.layout.unstage(folder)
        self.folder = None
        self._publish()

    def _place(self, folder: Path) -> None:
        files = self._spark_files(kept=True)
        if not files:
            return
        listed = ", ".join(lit(f) for f in files)
        rows = self.con.execute(
            f"""SELECT filename, any_value(classification), any_value(year), count(*),
            coalesce(sum(value_usd), 0) FROM read_parquet([{listed}], filename = true,
            hive_partitioning = false) GROUP BY filename ORDER BY filename"""
        ).fetchall()
        for n, (name, classification, year, records, value) in enumerate(rows):
            target = (
                self.layout.flows / f"classification={classification}" / f"year={year}"
                / f"load={self.id}" / f"part-c{self.commit_.id}-{n}.parquet"
            )  # fmt: skip
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(name, target)
            self.commit_.moved.append(target)
            self.commit_.added.append(
                RecordFile(self.layout.relative(target), self.id, str(classification),
                           int(year), int(records), float(value))
            )  # fmt: skip


@contextmanager
def _settings(spark: SparkSession, settings: Mapping[str, str]) -> Iterator[None]:
    """``settings`` on ``spark`` for the block, then the session's own again."""
    before = {key: spark.conf.get(key, None) for key in settings}
    for key, value in settings.items():
        spark.conf.set(key, value)
    try:
        yield
    finally:
        for key, old in before.items():
            if old is None:
                spark.conf.unset(key)
            else:
                spark.conf.set(key, old)


def _source_ref(column: str) -> str:
    return f"{ident(_SRC)}.{ident(column)}"


def _parse(sql: str) -> exp.Expr:
    import sqlglot  # noqa: PLC0415

    return sqlglot.parse_one(sql, read="duckdb")


def _spark_frame(spark: SparkSession, table: pa.Table) -> DataFrame:
    """A small Arrow table (a lookup table, a spreadsheet's rows) as a Spark DataFrame."""
    frame = table.to_pandas()
    rows = frame.astype(object).where(frame.notna(), None)
    return spark.createDataFrame(rows, schema=from_arrow_schema(table.schema))


def _refusals(frame: DataFrame) -> pa.Table:
    """Refusals collected from Spark (few: refused records only), as Arrow."""
    names = ["row", "reason", "code", "field", "value", "record"]
    rows = frame.collect()
    columns: dict[str, list[Any]] = {n: [r[n] for r in rows] for n in names}
    types = [pa.int64()] + [pa.string()] * 5
    return pa.table({n: pa.array(columns[n], t) for n, t in zip(names, types, strict=True)})
