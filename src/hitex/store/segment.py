"""Segments: a large clean load of fixed-width codes in a table of its own.

A BACI year is tens of millions of records in which the flow, the classification, the month
and the load are the same for every record, codes are numbers, and the unit follows from the
quantity. Writing those constant columns for every record costs as much as reading the file,
so such a load is stored as a *segment*: a table ``segment_N`` holding only what varies —
year, reporter and partner as the file's own integer codes, the product as an integer, value
and quantity — two small tables that give the codes as text once each
(``segment_N_countries``, ``segment_N_products``), and a SELECT (``segments.rows_sql``) that
joins them into ``flows`` rows. ``flows`` is the view of ``flow_rows`` and every segment.
Looking the codes up while writing would cost more than reading the file; looking them up as
the rows are read costs little, and a filter on a country's name reaches the segment's scan
as a filter on its code.

A segment is only an optimisation of the one-pass load: it is kept when every record of
the file passes every check (those of a record alone as it is written, those of its
countries afterwards, once for each distinct pair of codes); the first refused record,
malformed line or key an earlier load holds drops it, and the load runs the ordinary way
(into ``flow_rows``, with rejects). A segment never changes: before a revision replaces
some of its flows, it is folded into ``flow_rows`` (:func:`fold`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from hitex.errors import InputError
from hitex.ingest import Reader, head
from hitex.ingest.base import HEAD
from hitex.ingest.sql import ident, lit
from hitex.reference.countries import WORLD
from hitex.store.schema import flows_view

#: The memory budget of a segment's write, for each of DuckDB's threads: each reads its own
#: blocks of the file and fills its own row groups (``HITEX_LOAD_MEMORY`` sets the whole
#: limit instead). The peak is flat from the file size that fills the budget on (a 5M-row
#: BACI year is 56 MB of blocks: it fills 64 MB on 2 threads, not 128 MB). Within it DuckDB
#: gives every page it frees back to the system, to fault it in again (docs/load.md): the
#: larger the budget, the fewer pages. Two 5M-row years took 2.19 s within 59 MB and 2.35 s
#: within 29 MB (fastest of 12 alternating runs; DuckDB's own read 1.76 s); below about
#: 10 MB a thread the write slows down (2.4 s for one 5M-row year within 12 MB).
LOAD_MEMORY_PER_THREAD = 32 << 20
#: The least DuckDB's buffers are given for each thread, however large the file: on 2
#: threads a 25M-row year is written within 12 MB and not within 10 MB.
LOAD_MEMORY_FLOOR = 8 << 20
#: What the table being written costs outside DuckDB's memory limit, in bytes a record: its
#: row groups' account (C++ objects, about 0.15 bytes a record) and what the allocators keep
#: of it. At a fixed limit the peak grows by 0.2-0.5 bytes a record (0.2-0.35 within 32 MB,
#: about 0.5 within 64 MB); the budget takes 1 byte a record off the buffers' limit, so that
#: the peak of a larger file stays below a smaller one's down to the floor (48M records on
#: 2 threads).
TABLE_ACCOUNT_PER_RECORD = 1.0
#: The CSV reader's buffer while a segment is written, in bytes (DuckDB's default, 32 MB a
#: thread, would not fit the budget; 2 MB fits the floor).
CSV_BUFFER = 2 << 20
#: Temp tables of one attempt (dropped with the load's other ``__`` tables).
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
    """Write the file as segment ``load_id``; the records written, or None (dropped again).

    The caller holds the memory :func:`budget`.
    """
    opened = reader.opened
    assert opened is not None
    table = f"segment_{load_id}"
    countries, codes = f"{table}_countries", f"{table}_products"
    path = source_path(reader)
    types = {p.year: "SMALLINT", p.reporter: "SMALLINT", p.partner: "SMALLINT",
             p.product: "INTEGER", p.value: "DOUBLE"}  # fmt: skip
    if p.quantity is not None:
        types[p.quantity] = "DOUBLE"
    given = ", ".join(f"{lit(c)}: {lit(t)}" for c, t in types.items())
    # A number DuckDB cannot read (a quantity "n/a") is a malformed line in the rejects
    # table, and a value read as missing ("NA") is refused: either way the file goes the
    # careful way.
    spellings = missing_spellings(path, list(opened.columns.values()), p.quantity)
    missing = ", ".join(lit(m) for m in spellings)
    relation = (
        f"read_csv({lit(str(path))}, header = true, delim = ',', quote = '\"', escape = '\"', "
        f"types = {{{given}}}, nullstr = [{missing}], buffer_size = {CSV_BUFFER}, "
        f"store_rejects = true, rejects_table = {lit(_ERRORS)}, rejects_scan = 'segment_scans__')"
    )
    con.execute(
        f"""CREATE TABLE {ident(table)} (year SMALLINT, reporter SMALLINT, partner SMALLINT,
        product INTEGER, value_usd DOUBLE, quantity DOUBLE)"""
    )

    def raw(column: str) -> str:
        return f"s.{ident(column)}"

    # DuckDB reads "NaN" as a number; it is a quantity missing (hitex.ingest.check).
    quantity = (
        f"CASE WHEN NOT isnan({raw(p.quantity)}) THEN {raw(p.quantity)} END"
        if p.quantity is not None
        else "CAST(NULL AS DOUBLE)"
    )
    # The checks of hitex.ingest.check that need nothing but the record, for these column
    # types: a year; a six-digit code (written without its leading zero: 10121 is 010121);
    # a finite value >= 0 (the quantity, a number or missing, is read as one). A refused
    # record is written with no value. The country codes are checked after the write, once
    # for each distinct reporter and partner: a lookup for every record would cost more
    # than reading the file.
    ok = f"""{raw(p.year)} BETWEEN 1900 AND 2100 AND {raw(p.product)} BETWEEN 10000 AND 999999
        AND {raw(p.value)} >= 0 AND NOT isinf({raw(p.value)}) AND NOT isnan({raw(p.value)})"""
    scale = repr(reader.value_scale)
    read = _count(
        con,
        f"""INSERT INTO {ident(table)} SELECT {raw(p.year)}, {raw(p.reporter)}, {raw(p.partner)},
        {raw(p.product)}, CASE WHEN {ok} THEN {raw(p.value)} * {scale} END, {quantity}
        FROM {relation} s""",
    )
    # What the write refused, what DuckDB could not read, and the checks of distinct codes.
    refused = _count(con, f"SELECT count(*) - count(value_usd) FROM {ident(table)}")
    malformed = _count(con, f"SELECT count(*) FROM {_ERRORS}")
    if refused or malformed or _foreign(con, table):
        _drop(con, table)
        return None
    # The codes as text, once per code: reading them through these small tables costs each
    # query less than converting every record would.
    con.execute(
        # Every code the format knows (a few hundred; cmap_int__ has one row a code).
        f"""CREATE TABLE {ident(countries)} AS SELECT CAST(code AS SMALLINT) AS code, iso3
        FROM cmap_int__ WHERE code BETWEEN -32768 AND 32767"""
    )
    con.execute(
        f"""CREATE TABLE {ident(codes)} AS SELECT id, lpad(CAST(id AS VARCHAR), 6, '0') AS code
        FROM (SELECT DISTINCT product AS id FROM {ident(table)})"""
    )
    unit = (
        f"CASE WHEN s.quantity IS NOT NULL THEN {lit(reader.quantity_unit)} END"
        if reader.quantity_unit
        else "CAST(NULL AS VARCHAR)"
    )
    rows_sql = f"""SELECT s.year, CAST(NULL AS TINYINT) AS month, r.iso3 AS reporter,
    p.iso3 AS partner, {lit(p.flow)} AS flow, {lit(p.classification)} AS classification,
    c.code AS product, s.value_usd, s.quantity, {unit} AS unit,
    CAST({load_id} AS INTEGER) AS load_id
    FROM {ident(table)} s JOIN {ident(countries)} r ON r.code = s.reporter
    JOIN {ident(countries)} p ON p.code = s.partner JOIN {ident(codes)} c ON c.id = s.product"""
    con.execute("INSERT INTO segments VALUES (?, ?, ?, ?)", [load_id, table, countries, rows_sql])
    rebuild_view(con)
    return read


def source_path(reader: Reader) -> Path:
    """The file DuckDB reads for the reader: its own, or the copy made of it."""
    opened = reader.opened
    assert opened is not None
    return opened.copy or reader.source.path


def missing_spellings(path: Path, columns: list[str], column: str | None) -> list[str]:
    """How a file writes a missing number: empty, ``NA``, and ``NA`` padded as it pads.

    BACI right-aligns its columns (``        0.357``) and writes a missing quantity as
    ``NA`` in the same width: the widths of the padded fields of ``column`` (one of the
    file's ``columns``, in order) in its first lines give those spellings. A missing number
    spelled otherwise further on is a line DuckDB cannot read, and the file is loaded the
    careful way. For the line ``2022,4,20,210610,        0.357,        0.002`` and column
    ``q``: ``['', 'NA', '           NA']``.
    """
    found = ["", "NA"]
    if column not in columns:
        return found
    data = head(path)
    lines = data.decode("latin-1").splitlines()[1:]  # after the header
    if len(data) == HEAD:  # the last line may be cut short
        lines = lines[:-1]
    at = columns.index(column)
    widths = {
        len(fields[at])
        for fields in (line.split(",") for line in lines)
        if len(fields) == len(columns) and fields[at][:1] == " "
    }
    return found + ["NA".rjust(w) for w in sorted(widths) if w > len("NA")]


def _foreign(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether a record of segment ``table`` fails a check of its countries.

    The reporter must be a country or subdivision (not an aggregate), the partner a country
    (not a subdivision, nor the World: totals stay in flow_rows, beside what is unallocated),
    and a region's partner must not be its own country (a country's own goods re-imported
    load). Each distinct pair of codes is looked up once.
    """
    return bool(
        _count(
            con,
            f"""SELECT count(*) FROM (SELECT DISTINCT reporter, partner FROM {ident(table)}) s
            LEFT JOIN cmap_int__ rc ON rc.code = s.reporter
            LEFT JOIN cmap_int__ pc ON pc.code = s.partner
            WHERE NOT coalesce(rc.kind <> 'aggregate' AND pc.kind <> 'subdivision'
                AND pc.iso3 <> {lit(WORLD)}
                AND (rc.iso3 = rc.country OR rc.country <> pc.country), false)""",
        )
    )


def cells_sql(load_id: int, p: Plan) -> str:
    """The (year, reporter, flow) cells of segment ``load_id``."""
    table = f"segment_{load_id}"
    return f"SELECT *, {lit(p.flow)} AS flow FROM ({_periods(table, table + '_countries')})"


def _periods(table: str, kind: str) -> str:
    """The (year, reporter) of a segment's records, read from its own table, not rows_sql.

    ``kind`` is ``segments.type``: the segment's table of country codes, or the ENUM type of
    a segment written by hitex 0.1.0 before 2026-12.
    """
    if kind == f"{table}_countries":
        return f"""SELECT s.year, r.iso3 AS reporter
            FROM (SELECT DISTINCT year, reporter FROM {ident(table)}) s
            JOIN {ident(kind)} r ON r.code = s.reporter"""
    return f"SELECT DISTINCT year, CAST(reporter AS VARCHAR) AS reporter FROM {ident(table)}"


def discard(con: duckdb.DuckDBPyConnection, load_id: int) -> None:
    """Drop segment ``load_id`` (written by this load) again."""
    found = con.execute("SELECT relation FROM segments WHERE load_id = ?", [load_id]).fetchall()
    con.execute("DELETE FROM segments WHERE load_id = ?", [load_id])
    rebuild_view(con)
    for (table,) in found:
        _drop(con, table)


def fold(con: duckdb.DuckDBPyConnection, scope: str) -> None:
    """Move the segments holding flows of ``scope`` (a query of year, reporter) to flow_rows.

    Called before flows are deleted or replaced: segments are never changed in place.
    """
    found = con.execute("SELECT load_id, relation, type, rows_sql FROM segments").fetchall()
    for load_id, table, kind, rows_sql in found:
        touched = _count(
            con,
            f"""SELECT count(*) FROM ({_periods(table, kind)})
            WHERE (year, reporter) IN ({scope})""",
        )
        if touched:
            con.execute(f"INSERT INTO flow_rows BY NAME {rows_sql}")
            con.execute("DELETE FROM segments WHERE load_id = ?", [load_id])
            rebuild_view(con)
            _drop(con, table)


def rebuild_view(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create ``flows`` from ``flow_rows`` and the segments."""
    rows = con.execute("SELECT rows_sql FROM segments ORDER BY load_id").fetchall()
    con.execute(flows_view([r[0] for r in rows]))


def estimated_records(path: Path) -> int:
    """About how many records a CSV file holds: its size over the mean line of its head."""
    data = head(path)
    lines = data.count(b"\n")
    if len(data) < HEAD:
        return max(0, lines - 1 + (not data.endswith(b"\n")))
    return max(0, round(path.stat().st_size * lines / len(data)) - 1)


def load_memory(threads: int, records: int) -> str:
    """DuckDB's memory limit while a segment of about ``records`` records is written.

    The budget (32 MB a thread) less the table's account of the records
    (:data:`TABLE_ACCOUNT_PER_RECORD`), down to the floor (8 MB a thread).

    >>> load_memory(2, 10), load_memory(2, 5_000_000), load_memory(2, 25_000_000)
    ('64MB', '59MB', '39MB')
    >>> load_memory(2, 100_000_000), load_memory(3, 5_000_000)
    ('16MB', '91MB')
    """
    budget = threads * (LOAD_MEMORY_PER_THREAD >> 20)
    account = round(TABLE_ACCOUNT_PER_RECORD * records / 1e6)
    return f"{max(threads * (LOAD_MEMORY_FLOOR >> 20), budget - account)}MB"


@contextmanager
def budget(
    con: duckdb.DuckDBPyConnection, *, records: int = 0, enabled: bool = True
) -> Iterator[None]:
    """Bound DuckDB's memory while a file of about ``records`` records streams in.

    The write streams, but DuckDB keeps the blocks it wrote cached up to its memory limit
    (80% of RAM by default), so the process would grow with the file. Within the budget it
    does not: blocks written are let go as new ones are needed. What does grow with the
    file is the table's own account, outside the limit: the limit is the budget less that
    account (:func:`load_memory`), or ``HITEX_LOAD_MEMORY``. For the write to fit a small
    budget, rows are appended in the order the threads read them (the order of a
    segment's rows means nothing; keeping it holds whole row groups back per thread) and
    the CSV reader reads in blocks of 2 MB (:data:`CSV_BUFFER`). (Asking the allocator to
    give back what is freed at once made the write slower and a small file's peak lower,
    not a large one's.) Every setting is restored after.
    Settings are the database's, not the connection's: with ``enabled`` false (other
    cursors read the database meanwhile) nothing is changed.
    """
    if not enabled:
        yield
        return
    threads = int(con.execute("SELECT current_setting('threads')").fetchall()[0][0])
    settings = {
        "memory_limit": os.environ.get("HITEX_LOAD_MEMORY") or load_memory(threads, records),
        "preserve_insertion_order": "false",
    }
    before = {
        name: con.execute(f"SELECT current_setting({lit(name)})").fetchall()[0][0]
        for name in settings
    }
    try:
        con.execute(f"SET memory_limit = {lit(settings['memory_limit'])}")
    except duckdb.Error:
        raise InputError(
            f"HITEX_LOAD_MEMORY={settings['memory_limit']!r} is not an amount of memory "
            "(e.g. 256MB or 1GB)."
        ) from None
    for name, value in settings.items():
        if name != "memory_limit":
            con.execute(f"SET {name} = {lit(value)}")
    try:
        yield
    except duckdb.OutOfMemoryException:
        given = os.environ.get("HITEX_LOAD_MEMORY")
        if not given:
            raise
        raise InputError(
            f"HITEX_LOAD_MEMORY={given!r} is too little memory for DuckDB to read the file "
            f"in (it needs about {LOAD_MEMORY_FLOOR >> 20} MB for each of its {threads} "
            "threads); nothing was loaded."
        ) from None
    finally:
        _restore(con, before)


def _restore(con: duckdb.DuckDBPyConnection, before: dict[str, object]) -> None:
    """Put DuckDB's settings back as they were before :func:`budget`.

    A statement that failed within the load's transaction has aborted it, and DuckDB runs
    nothing more in it: it is ended (nothing of it stays), the settings are restored, and
    an empty transaction is left for the caller's own rollback.
    """
    try:
        _put_back(con, before)
    except duckdb.TransactionException:
        con.execute("ROLLBACK")
        _put_back(con, before)
        con.execute("BEGIN TRANSACTION")


def _put_back(con: duckdb.DuckDBPyConnection, before: dict[str, object]) -> None:
    for name, value in before.items():
        # DuckDB shows a limit rounded ("18.8 GiB"): the default comes back exactly by
        # RESET, a value set by the caller as near as DuckDB shows it.
        con.execute(f"RESET {name}")
        if con.execute(f"SELECT current_setting({lit(name)})").fetchall()[0][0] != value:
            con.execute(f"SET {name} = {lit(_setting(str(value)))}")


def _setting(shown: str) -> str:
    """A setting as DuckDB shows it, in a form that sets it again ("1.8 GiB" -> bytes).

    DuckDB reads "1.8 GiB" back as 1.8 GB, and shows a limit cut to one decimal: the
    middle of what it may have been (1.85 GiB) shows the same again.

    >>> _setting("1.8 GiB"), _setting("256.0 MiB"), _setting("134217728B"), _setting("true")
    ('1986422374B', '268487884B', '134217728B', 'true')
    """
    found = re.fullmatch(r"([0-9.]+)\s*(KiB|MiB|GiB|TiB)", shown)
    if not found:
        return shown
    power = ("KiB", "MiB", "GiB", "TiB").index(found[2]) + 1
    return f"{int((float(found[1]) + 0.05) * 1024**power)}B"


def _drop(con: duckdb.DuckDBPyConnection, table: str) -> None:
    for lookup in ("_products", "_countries"):
        con.execute(f"DROP TABLE IF EXISTS {ident(table + lookup)}")
    con.execute(f"DROP TABLE IF EXISTS {ident(table)}")
    # Segments of hitex 0.1.0 before 2026-12 kept their country codes as an ENUM type.
    con.execute(f"DROP TYPE IF EXISTS {ident(table + '_code')}")


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    rows = con.execute(sql).fetchall()
    return int(rows[0][0]) if rows else 0
