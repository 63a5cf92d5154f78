"""Segments: a large clean load of fixed-width codes in a table of its own.

A BACI year is tens of millions of records in which the flow, the classification, the month
and the load are the same for every record, codes are numbers, and the unit follows from the
quantity. Writing those constant columns for every record costs as much as reading the file,
so such a load is stored as a *segment*: a table ``segment_N`` holding only what varies —
year, reporter and partner (an ENUM of the country codes the load may use), the product as
an integer, value and quantity — and a SELECT (``segments.rows_sql``) that gives its records as
``flows`` rows. ``flows`` is the view of ``flow_rows`` and every segment.

A segment is only an optimisation of the one-pass load: it is written when every record of
the file passes every check; the first refused record, malformed line or key an earlier load
holds drops it, and the load runs the ordinary way (into ``flow_rows``, with rejects). A
segment never changes: before a revision replaces some of its flows, it is folded into
``flow_rows`` (:func:`fold`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb

from hitex.ingest import Reader
from hitex.ingest.sql import ident, lit
from hitex.reference.countries import WORLD
from hitex.store.schema import flows_view

#: DuckDB's memory limit while a segment is written (``HITEX_LOAD_MEMORY`` overrides it).
LOAD_MEMORY = "256MB"
#: Temp tables of one attempt (dropped with the load's other ``__`` tables).
_CODES = "segment_codes__"
_ERRORS = "segment_errors__"


@dataclass(frozen=True)
class Plan:
    """How one load's file maps onto a segment: raw column names and constant fields."""

    year: str
    reporter: str
    partner: str
    product: str
    value: str
    quantity: str | None
    classification: str
    flow: str


def plan(con: duckdb.DuckDBPyConnection, reader: Reader) -> Plan | None:  # noqa: PLR0911
    """The segment layout of the reader's opened file, or None if it cannot have one."""
    opened = reader.opened
    digits = reader.product_digits
    if opened is None or opened.empty or digits is None or not opened.csv:
        return None
    if opened.delimiter != "," or opened.lines is not None:
        return None
    if reader.source.columns or reader.source.constants or not reader.csv_types:
        return None
    present = opened.columns
    names = {f: reader._column_for(f, present) for f in ("year", "reporter", "partner",
             "product", "value", "quantity", "month", "classification", "flow")}  # fmt: skip
    if (
        names["month"]
        or names["classification"]
        or names["flow"]
        or any(names[f] is None for f in ("year", "reporter", "partner", "product", "value"))
    ):
        return None
    if reader.format_reasons(lambda c: c) or "flow" not in reader.fixed:
        return None
    # The classification must be one literal of the file (BACI: the edition in its name).
    classification_sql = reader.classification_sql(lambda c: "NULL")
    found = con.execute(
        f"""SELECT c.code, c.family, (SELECT flow FROM flow_codes WHERE code = lower(?))
        FROM classification_codes c WHERE c.code = upper({classification_sql})""",
        [reader.fixed["flow"]],
    ).fetchall()
    if not found or found[0][1] != "hs" or found[0][2] is None or digits != 6:
        return None
    code, _, flow = found[0]

    def name(field: str) -> str:
        column = names[field]
        assert column is not None
        return column

    return Plan(
        name("year"), name("reporter"), name("partner"), name("product"), name("value"),
        names["quantity"], str(code), str(flow),
    )  # fmt: skip


def write(con: duckdb.DuckDBPyConnection, reader: Reader, load_id: int, p: Plan) -> int | None:
    """Write the file as segment ``load_id``; the records written, or None (dropped again)."""
    with budget(con):
        return _write(con, reader, load_id, p)


def _write(con: duckdb.DuckDBPyConnection, reader: Reader, load_id: int, p: Plan) -> int | None:
    opened = reader.opened
    assert opened is not None
    table, kind = f"segment_{load_id}", f"segment_{load_id}_code"
    path = opened.copy or reader.source.path
    types = {p.year: "SMALLINT", p.reporter: "INTEGER", p.partner: "INTEGER",
             p.product: "INTEGER", p.value: "DOUBLE"}  # fmt: skip
    if p.quantity is not None:
        types[p.quantity] = "VARCHAR"
    given = ", ".join(f"{lit(c)}: {lit(t)}" for c, t in types.items())
    relation = (
        f"read_csv({lit(str(path))}, header = true, delim = ',', quote = '\"', escape = '\"', "
        f"types = {{{given}}}, store_rejects = true, rejects_table = {lit(_ERRORS)}, "
        f"rejects_scan = 'segment_scans__')"
    )
    con.execute(
        f"""CREATE TYPE {ident(kind)} AS ENUM
        (SELECT DISTINCT iso3 FROM cmap_int__ WHERE iso3 IS NOT NULL ORDER BY 1)"""
    )
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {_CODES} AS SELECT code,
        CAST(iso3 AS {ident(kind)}) AS iso3, kind <> 'aggregate' AS reporter_ok,
        kind <> 'subdivision' AND iso3 <> {lit(WORLD)} AS partner_ok,
        dense_rank() OVER (ORDER BY country) AS country
        FROM cmap_int__"""
    )
    con.execute(
        f"""CREATE TABLE {ident(table)} (year SMALLINT, reporter {ident(kind)},
        partner {ident(kind)}, product INTEGER, value_usd DOUBLE, quantity DOUBLE)"""
    )

    def raw(column: str) -> str:
        return f"s.{ident(column)}"

    q_raw = ident(p.quantity) if p.quantity is not None else "CAST(NULL AS VARCHAR)"
    q = raw(p.quantity) if p.quantity is not None else q_raw
    # The same checks as hitex.ingest.check, for these column types: a year, a reporter
    # that is not an aggregate, a partner that is a country, not the reporter (nor the
    # World: totals stay in flow_rows, beside what is unallocated); a six-digit
    # code (written without its leading zero: 10121 is 010121); a finite value >= 0; a
    # quantity that is a number or missing.
    ok = f"""{raw(p.year)} BETWEEN 1900 AND 2100 AND rc.reporter_ok AND pc.partner_ok
        AND rc.country <> pc.country AND {raw(p.product)} BETWEEN 10000 AND 999999
        AND {raw(p.value)} >= 0 AND NOT isinf({raw(p.value)}) AND NOT isnan({raw(p.value)})
        AND (s.qd__ IS NOT NULL OR {q} IS NULL OR upper(trim({q})) IN ('', 'NA'))"""
    scale = repr(reader.value_scale)
    read = _count(
        con,
        f"""INSERT INTO {ident(table)} SELECT {raw(p.year)}, rc.iso3, pc.iso3, {raw(p.product)},
        CASE WHEN {ok} THEN {raw(p.value)} * {scale} END, s.qd__
        FROM (SELECT *, TRY_CAST({q_raw} AS DOUBLE) AS qd__ FROM {relation}) s
        LEFT JOIN {_CODES} rc ON rc.code = {raw(p.reporter)}
        LEFT JOIN {_CODES} pc ON pc.code = {raw(p.partner)}""",
    )
    refused = _count(con, f"SELECT count(*) FROM {ident(table)} WHERE value_usd IS NULL")
    malformed = _count(con, f"SELECT count(*) FROM {_ERRORS}")
    if refused or malformed:
        _drop(con, table, kind)
        return None
    # The product codes as text, once per code: reading lpad(product) for every record
    # would cost each query that reads products more than this join does.
    codes = f"{table}_products"
    con.execute(
        f"""CREATE TABLE {ident(codes)} AS SELECT id, lpad(CAST(id AS VARCHAR), 6, '0') AS code
        FROM (SELECT DISTINCT product AS id FROM {ident(table)})"""
    )
    unit = (
        f"CASE WHEN s.quantity IS NOT NULL THEN {lit(reader.quantity_unit)} END"
        if reader.quantity_unit
        else "CAST(NULL AS VARCHAR)"
    )
    rows_sql = f"""SELECT s.year, CAST(NULL AS TINYINT) AS month,
    CAST(s.reporter AS VARCHAR) AS reporter, CAST(s.partner AS VARCHAR) AS partner,
    {lit(p.flow)} AS flow, {lit(p.classification)} AS classification, c.code AS product,
    s.value_usd, s.quantity, {unit} AS unit, CAST({load_id} AS INTEGER) AS load_id
    FROM {ident(table)} s JOIN {ident(codes)} c ON c.id = s.product"""
    con.execute("INSERT INTO segments VALUES (?, ?, ?, ?)", [load_id, table, kind, rows_sql])
    rebuild_view(con)
    return read


def cells_sql(load_id: int, p: Plan) -> str:
    """The (year, reporter, flow) cells of segment ``load_id``, read from its own table."""
    return (
        f"SELECT DISTINCT year, CAST(reporter AS VARCHAR) AS reporter, {lit(p.flow)} AS flow "
        f"FROM {ident(f'segment_{load_id}')}"
    )


def discard(con: duckdb.DuckDBPyConnection, load_id: int) -> None:
    """Drop segment ``load_id`` (written by this load) again."""
    found = con.execute(
        "SELECT relation, type FROM segments WHERE load_id = ?", [load_id]
    ).fetchall()
    con.execute("DELETE FROM segments WHERE load_id = ?", [load_id])
    rebuild_view(con)
    for table, kind in found:
        _drop(con, table, kind)


def fold(con: duckdb.DuckDBPyConnection, scope: str) -> None:
    """Move the segments holding flows of ``scope`` (a query of year, reporter) to flow_rows.

    Called before flows are deleted or replaced: segments are never changed in place.
    """
    found = con.execute("SELECT load_id, relation, type, rows_sql FROM segments").fetchall()
    for load_id, table, kind, rows_sql in found:
        touched = _count(
            con,
            f"""SELECT count(*) FROM (SELECT 1 FROM {ident(table)}
            WHERE (year, CAST(reporter AS VARCHAR)) IN ({scope}) LIMIT 1)""",
        )
        if touched:
            con.execute(f"INSERT INTO flow_rows {rows_sql}")
            con.execute("DELETE FROM segments WHERE load_id = ?", [load_id])
            rebuild_view(con)
            _drop(con, table, kind)


def rebuild_view(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create ``flows`` from ``flow_rows`` and the segments."""
    rows = con.execute("SELECT rows_sql FROM segments ORDER BY load_id").fetchall()
    con.execute(flows_view([r[0] for r in rows]))


@contextmanager
def budget(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Bound DuckDB's buffer memory while the file streams in (``HITEX_LOAD_MEMORY``).

    The write streams, but DuckDB keeps the blocks it wrote cached up to its memory limit
    (80% of RAM by default), so the process would grow with the file; within the budget
    the peak is the same for any size of file. The previous limit is restored after.
    """
    budget = os.environ.get("HITEX_LOAD_MEMORY", LOAD_MEMORY)
    before = con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    con.execute(f"SET memory_limit = {lit(budget)}")
    try:
        yield
    finally:
        con.execute(f"SET memory_limit = {lit(str(before))}")


def _drop(con: duckdb.DuckDBPyConnection, table: str, kind: str) -> None:
    con.execute(f"DROP TABLE IF EXISTS temp.{_CODES}")
    con.execute(f"DROP TABLE IF EXISTS {ident(table + '_products')}")
    con.execute(f"DROP TABLE IF EXISTS {ident(table)}")
    con.execute(f"DROP TYPE IF EXISTS {ident(kind)}")


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    rows = con.execute(sql).fetchall()
    return int(rows[0][0]) if rows else 0
