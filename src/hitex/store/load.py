"""One load: a file's records into ``flows``, every refused one into ``rejects``, in one pass.

A clean file of fixed-width codes (a BACI year) is written as a segment of its own
(:mod:`hitex.store.segment`). Any other clean file is read once:
:func:`hitex.ingest.check.checked_sql` streams it through the lookups straight into
``flow_rows`` (no temporary copy of the records, so memory does not grow with the file).
Records with a reason are written with a negative ``load_id``, counted, and taken out again.
Only when something needs a record's line or raw text (a refused record, a key an earlier
load holds, a code beside its finer codes) is the file read a second time, into a numbered
copy, and the same ``checked_sql`` run over it.

The caller holds the transaction: whatever fails, nothing of the load stays.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from hitex.errors import suggest
from hitex.ingest import Read, Reader, checked_sql, prepare_statements
from hitex.ingest.sql import field, ident
from hitex.reference import countries
from hitex.store import segment
from hitex.store.schema import KEY, RECORD

Step = Callable[[str], None]

#: Every flows column a load writes (by name), and the key that identifies a flow.
COLUMNS = RECORD
_KEY = ", ".join(KEY)
_SAME_KEY = " AND ".join(f"n.{k} IS NOT DISTINCT FROM o.{k}" for k in KEY)
#: The alias of the file's relation in the one-pass read (its columns are referenced by it).
_SRC = "hitex_src__"


@dataclass(frozen=True)
class Counts:
    """What a load did, in records."""

    read: int
    loaded: int
    rejected: int
    merged: int
    revised: int
    #: Whether the file was stored as a segment of its own (:mod:`hitex.store.segment`).
    segment: bool = False


class Loader:
    """Loads one opened file over a connection that is inside a transaction."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, reader: Reader, load_id: int, *, bounded: bool = True
    ) -> None:
        self.con = con
        self.reader = reader
        self.id = load_id
        #: Whether a segment is written within the memory budget (:func:`segment.budget`).
        self.bounded = bounded

    # -- the whole load ---------------------------------------------------------------------
    def run(self, *, revise: bool, step: Step) -> Counts:
        """Load the file; return the counts (read = loaded + rejected)."""
        opened = self.reader.opened
        assert opened is not None
        if opened.empty:
            return Counts(0, 0, 0, 0, 0)
        for statement in prepare_statements(self.reader):
            self.con.execute(statement)
        layout = segment.plan(self.con, self.reader)
        if layout is not None:
            # Every statement of a segment's load reads or writes the whole file: all run
            # within the memory budget, so that DuckDB does not keep what it wrote cached.
            records = segment.estimated_records(segment.source_path(self.reader))
            with segment.budget(self.con, records=records, enabled=self.bounded):
                written = self._segment(layout)
            if written is not None:
                for name in ("read", "check", "rejects", "flows"):
                    step(name)
                return Counts(written, written, 0, 0, 0, segment=True)
        if layout is None:
            read = self._one_pass()
            step("read")
            careful = self._count(f"SELECT count(*) FROM flow_rows WHERE load_id = {-self.id}") > 0
            careful = careful or self._collides() or self._nested()
        else:
            # The segment was dropped for a refused record or a key an earlier load holds:
            # the records need their lines, so the one pass would only be read again.
            read, careful = 0, True
        step("check")
        if careful:
            self.con.execute(f"DELETE FROM flow_rows WHERE load_id IN ({self.id}, {-self.id})")
            counts = self._careful(revise=revise, step=step)
        else:
            merged = self._merge_keys()
            malformed = self._insert_malformed()
            step("rejects")
            counts = Counts(read + malformed, read, malformed, merged, 0)
        self._reallocate()
        step("flows")
        return counts

    def _segment(self, layout: segment.Plan) -> int | None:
        """Store a clean file of fixed-width codes as a segment; the records, or None."""
        written = segment.write(self.con, self.reader, self.id, layout)
        if written is None:
            return None
        # The segment's (year, reporter, flow) cells, read from its own table, not flows.
        self.con.execute(
            f"CREATE OR REPLACE TEMP TABLE segment_cells__ AS {segment.cells_sql(self.id, layout)}"
        )
        if self._collides("SELECT year, reporter FROM segment_cells__"):
            segment.discard(self.con, self.id)
            return None
        self._reallocate("SELECT * FROM segment_cells__")
        return written

    def _one_pass(self) -> int:
        opened = self.reader.opened
        assert opened is not None
        read = Read(f"{opened.relation} AS {ident(_SRC)}", _source_ref, "NULL")
        columns = ", ".join(COLUMNS)
        return self._count(
            f"""INSERT INTO flow_rows BY NAME SELECT {columns},
            CASE WHEN reason IS NULL THEN {self.id} ELSE {-self.id} END AS load_id
            FROM ({checked_sql(self.reader, read)})"""
        )

    # -- what sends a load down the careful path ------------------------------------------
    def _collides(self, cells: str | None = None) -> bool:
        """Whether an earlier load holds a key of this one (a revision or a duplicate).

        ``cells`` is a query of the load's (year, reporter), when cheaper than reading flows.
        """
        cells = cells or f"SELECT DISTINCT year, reporter FROM flows WHERE load_id = {self.id}"
        scope = f"(o.year, o.reporter) IN ({cells})"
        if not self._count(
            f"SELECT count(*) FROM (SELECT 1 FROM flows o WHERE o.load_id > 0 "
            f"AND o.load_id <> {self.id} AND {scope} LIMIT 1)"
        ):
            return False
        return bool(
            self._count(
                f"""SELECT count(*) FROM (SELECT 1 FROM flows n JOIN flows o ON {_SAME_KEY}
                WHERE n.load_id = {self.id} AND o.load_id > 0 AND o.load_id <> {self.id}
                LIMIT 1)"""
            )
        )

    def _nested(self) -> bool:
        """Whether the file may hold a code beside its finer codes (a chapter, its headings)."""
        if not self.reader.hierarchical:
            return False
        return (
            self._count(
                f"""SELECT count(DISTINCT length(product)) FROM flows
                WHERE load_id = {self.id} AND product <> 'TOTAL'"""
            )
            > 1
        )

    def _merge_keys(self) -> int:
        """Sum records with the same key (one line per declaration); return lines merged."""
        if self.reader.keys_unique:
            return 0
        loaded = self._count(f"SELECT count(*) FROM flow_rows WHERE load_id = {self.id}")
        keys = self._count(
            f"""SELECT count(*) FROM (SELECT 1 FROM flow_rows WHERE load_id = {self.id}
            GROUP BY {_KEY})"""
        )
        if keys == loaded:
            return 0
        self.con.execute(
            f"CREATE OR REPLACE TEMP TABLE merged__ AS {_summed(f'flow_rows WHERE load_id = {self.id}', self.id)}"  # noqa: E501
        )
        self.con.execute(f"DELETE FROM flow_rows WHERE load_id = {self.id}")
        self.con.execute("INSERT INTO flow_rows BY NAME SELECT * FROM merged__")
        return loaded - keys

    # -- the careful path: a numbered copy, rejects with lines ----------------------------
    def _careful(self, *, revise: bool, step: Step) -> Counts:
        opened = self.reader.opened
        assert opened is not None
        self._clear_errors()
        self.con.execute(
            f"CREATE OR REPLACE TEMP TABLE raw__ AS SELECT {ident(_SRC)} AS rec__ "
            f"FROM {opened.relation} AS {ident(_SRC)}"
        )
        # Rows written inside a transaction are numbered from a large offset.
        offset = self._count("SELECT coalesce(min(rowid), 0) FROM raw__")
        checked = checked_sql(self.reader, Read("raw__", _record_ref, f"rowid - {offset} + 1"))
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE checked__ AS {checked}")
        # The reasons that depend on other records, for records no check refused: codes
        # beside their finer codes first, then keys an earlier load holds.
        if self.reader.hierarchical:
            self._refuse(self._nonleaves())
        revised = self._revisions(revise=revise)
        malformed = self._insert_malformed()
        self._write_lines()
        rejected = self._count(
            f"""INSERT INTO rejects SELECT {self.id}, {self._line_sql()},
            CAST(to_json(r.rec__) AS VARCHAR), c.reason
            FROM checked__ c JOIN raw__ r ON r.rowid = c.row - 1 + {offset}
            WHERE c.reason IS NOT NULL ORDER BY c.row"""
        )
        self._suggest()
        step("rejects")
        accepted = self._count("SELECT count(*) FROM checked__ WHERE reason IS NULL")
        columns = ", ".join(COLUMNS)
        accepted_sql = (
            # One record per key by the format's own rule (BACI): nothing to sum.
            f"SELECT {columns}, {self.id} AS load_id FROM checked__ WHERE reason IS NULL"
            if self.reader.keys_unique
            else _summed("checked__ WHERE reason IS NULL", self.id)
        )
        inserted = self._count(f"INSERT INTO flow_rows BY NAME {accepted_sql}")
        records = self._count("SELECT count(*) FROM raw__")
        return Counts(
            records + malformed, accepted, rejected + malformed, accepted - inserted, revised
        )

    def _refuse(self, reasons: str) -> None:
        """Give ``reasons`` (a query of ``row, reason``) to records no check refused."""
        self.con.execute(
            f"""UPDATE checked__ SET reason = x.reason FROM ({reasons}) x
            WHERE checked__.row = x.row AND checked__.reason IS NULL"""
        )

    def _nonleaves(self) -> str:
        """Records whose finer codes are in the same file: only the finest are loaded."""
        cell = tuple(k for k in KEY if k != "product")
        self.con.execute(
            f"""CREATE OR REPLACE TEMP TABLE leafcand__ AS SELECT row, {", ".join(cell)}, product
            FROM checked__ WHERE reason IS NULL AND product <> 'TOTAL'"""
        )
        same = " AND ".join(f"a.{c} IS NOT DISTINCT FROM b.{c}" for c in cell)
        return f"""SELECT a.row,
            'aggregate of finer codes in the same file (' || a.product || ' beside '
            || min(b.product) || '); only the finest codes are loaded' AS reason
            FROM leafcand__ a JOIN (SELECT DISTINCT {", ".join(cell)}, product,
                left(product, n) AS prefix FROM leafcand__, range(1, 10) r(n)
                WHERE n < length(product)) b ON {same} AND b.prefix = a.product
            GROUP BY a.row, a.product"""

    def _revisions(self, *, revise: bool) -> int:
        """Keys an earlier load holds: reject them, or (``revise``) replace the old flows."""
        self.con.execute(
            f"""CREATE OR REPLACE TEMP TABLE keys__ AS SELECT row, {_KEY}
            FROM checked__ WHERE reason IS NULL"""
        )
        scope = "(o.year, o.reporter) IN (SELECT DISTINCT year, reporter FROM keys__)"
        if revise:
            # Segments are never changed in place: those holding flows to replace become rows.
            segment.fold(self.con, "SELECT DISTINCT year, reporter FROM keys__")
            self.con.execute(
                f"""INSERT INTO revisions BY NAME SELECT o.*, {self.id} AS replaced_by
                FROM flows o WHERE {scope}
                AND EXISTS (SELECT 1 FROM keys__ n WHERE {_SAME_KEY})"""
            )
            revised = self._count(f"SELECT count(*) FROM revisions WHERE replaced_by = {self.id}")
            self.con.execute(
                f"""DELETE FROM flow_rows o WHERE {scope}
                AND EXISTS (SELECT 1 FROM keys__ n WHERE {_SAME_KEY})"""
            )
            return revised
        self._refuse(
            f"""SELECT n.row, 'already loaded by load ' || min(o.load_id)
            || ' (load with --revise to replace it)' AS reason
            FROM keys__ n JOIN flows o ON {_SAME_KEY} WHERE {scope} GROUP BY n.row"""
        )
        return 0

    # -- lines ----------------------------------------------------------------------------
    def _write_lines(self) -> None:
        """``lines__`` (row, line) where a record's line is not its number + 1 (+ bad lines)."""
        opened = self.reader.opened
        assert opened is not None
        lines = opened.lines
        if lines is None and opened.csv:
            records = self._count("SELECT count(*) FROM raw__")
            lines = _csv_lines(self.reader, records, self._malformed_lines())
        if lines is None:
            return
        self.con.register(
            "lines_arrow__",
            pa.table({"row": pa.array(range(1, len(lines) + 1), pa.int64()),
                      "line": pa.array(lines, pa.int64())}),
        )  # fmt: skip
        self.con.execute("CREATE OR REPLACE TEMP TABLE lines__ AS SELECT * FROM lines_arrow__")
        self.con.unregister("lines_arrow__")

    def _line_sql(self) -> str:
        if _temp_exists(self.con, "lines__"):
            return "(SELECT l.line FROM lines__ l WHERE l.row = c.row)"
        if _temp_exists(self.con, "bad__"):
            # Lines the CSV reader refused are not records: count them back into the line.
            return "c.row + 1 + (SELECT count(*) FROM bad__ b WHERE b.good_before < c.row)"
        return "c.row + 1"

    def _malformed_lines(self) -> set[int]:
        if not _temp_exists(self.con, "bad__"):
            return set()
        return {int(r[0]) for r in self.con.execute("SELECT line FROM bad__").fetchall()}

    def _clear_errors(self) -> None:
        for table in ("raw_errors__", "raw_scans__"):
            if _temp_exists(self.con, table):
                self.con.execute(f"DELETE FROM {table}")

    def _insert_malformed(self) -> int:
        """Keep the lines the CSV reader could not split into records; return their count."""
        if not _temp_exists(self.con, "raw_errors__"):
            return 0
        self.con.execute(
            # DuckDB may report one short line once per missing column: one row per line.
            """CREATE OR REPLACE TEMP TABLE bad__ AS SELECT line, csv_line, error_message,
            line - 1 - row_number() OVER (ORDER BY line) AS good_before
            FROM (SELECT line, any_value(trim(csv_line, chr(10) || chr(13))) AS csv_line,
                  min_by(error_message, length(error_message)) AS error_message
                  FROM raw_errors__ GROUP BY line)"""
        )
        return self._count(
            f"""INSERT INTO rejects SELECT {self.id}, line, csv_line,
            'malformed line: ' || error_message FROM bad__"""
        )

    def _suggest(self) -> None:
        """Add "Did you mean ...?" to the reasons of unknown countries (a few distinct values)."""
        known = countries.spellings()
        rows = self.con.execute(
            f"""SELECT DISTINCT reason FROM rejects WHERE load_id = {self.id}
            AND (reason LIKE 'unknown reporter %' OR reason LIKE 'unknown partner %')"""
        ).fetchall()
        for (reason,) in rows:
            hint = suggest(reason.split("'", 1)[1].rsplit("'", 1)[0], known)
            if hint:
                self.con.execute(
                    "UPDATE rejects SET reason = reason || '.' || ? "
                    "WHERE load_id = ? AND reason = ?",
                    [hint, self.id, reason],
                )

    # -- totals ---------------------------------------------------------------------------
    def _reallocate(self, cells: str | None = None) -> None:
        """Rewrite ``unallocated`` for the periods this load touched, where totals are.

        ``cells`` is a query of the load's (year, reporter, flow) when cheaper than reading
        ``flows``; totals are never in a segment, so only ``flow_rows`` is searched for them.
        """
        cells = (
            cells or f"SELECT DISTINCT year, reporter, flow FROM flows WHERE load_id = {self.id}"
        )
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE cells__ AS {cells}")
        in_cells = "(year, reporter, flow) IN (SELECT * FROM cells__)"
        has_totals = self._count(
            f"""SELECT count(*) FROM (SELECT 1 FROM flow_rows WHERE {in_cells}
            AND (partner = 'WLD' OR product = 'TOTAL') LIMIT 1)"""
        )
        stale = self._count(
            f"SELECT count(*) FROM (SELECT 1 FROM unallocated WHERE {in_cells} LIMIT 1)"
        )
        if stale:
            self.con.execute(f"DELETE FROM unallocated WHERE {in_cells}")
        if has_totals:
            self.con.execute(
                f"INSERT INTO unallocated BY NAME {UNALLOCATED.format(cells=in_cells)}"
            )

    def _count(self, sql: str, params: Sequence[Any] = ()) -> int:
        rows = self.con.execute(sql, list(params)).fetchall()
        return int(rows[0][0]) if rows else 0


def _source_ref(column: str) -> str:
    return f"{ident(_SRC)}.{ident(column)}"


def _record_ref(column: str) -> str:
    return field("rec__", column)


def _summed(relation: str, load_id: int) -> str:
    # Quantities in different units are not added up: the sum would mean nothing.
    return f"""SELECT {_KEY}, sum(value_usd) AS value_usd,
        CASE WHEN min(unit) IS NOT DISTINCT FROM max(unit) THEN sum(quantity) END AS quantity,
        min(unit) AS unit, {load_id} AS load_id FROM {relation} GROUP BY ALL"""


def _temp_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    found = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name])
    return bool(found.fetchall()[0][0])


def _csv_lines(reader: Reader, records: int, malformed: set[int]) -> list[int] | None:
    """Each record's first line, when quoted line breaks (or blank lines) shift them."""
    opened = reader.opened
    assert opened is not None
    path = opened.copy or reader.source.path
    breaks, last = 0, b"\n"
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            breaks += block.count(b"\n")
            last = block[-1:]
    if breaks + (last != b"\n") == records + len(malformed) + 1:
        return None
    starts: list[int] = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f, delimiter=opened.delimiter)
        next(rows, None)
        end = rows.line_num
        for row in rows:
            start, end = end + 1, rows.line_num
            if row and start not in malformed:
                starts.append(start)
    return starts[:records]


#: Totals less the finer records of the same period, for the periods in ``{cells}``.
#: A partner's total (product TOTAL) is matched with that partner's finer records of the
#: same family (goods or services); a world total of a product (partner WLD) with that
#: product's records to every partner; the grand total with everything else.
UNALLOCATED = """
WITH scope AS (
    SELECT f.*, coalesce(c.family, f.classification) AS family FROM flows f
    LEFT JOIN classification_codes c ON c.code = f.classification WHERE {cells}),
detail AS (SELECT * FROM scope WHERE partner <> 'WLD' AND product <> 'TOTAL'),
by_partner AS (
    SELECT t.year, t.month, t.reporter, t.partner, t.flow, t.classification, t.product,
        t.value_usd - coalesce(d.v, 0) AS value_usd, CASE WHEN d.n IS NULL THEN t.quantity END
        AS quantity, t.unit, t.load_id, coalesce(d.n, 0) AS parts, t.family
    FROM scope t LEFT JOIN (SELECT year, month, reporter, flow, partner, family,
        sum(value_usd) AS v, count(*) AS n FROM detail GROUP BY ALL) d
        ON d.year = t.year AND d.month IS NOT DISTINCT FROM t.month AND d.reporter = t.reporter
        AND d.flow = t.flow AND d.partner = t.partner AND d.family = t.family
    WHERE t.partner <> 'WLD' AND t.product = 'TOTAL'),
by_product AS (
    SELECT t.year, t.month, t.reporter, t.partner, t.flow, t.classification, t.product,
        t.value_usd - coalesce(d.v, 0) AS value_usd, CASE WHEN d.n IS NULL THEN t.quantity END
        AS quantity, t.unit, t.load_id, coalesce(d.n, 0) AS parts, t.family
    FROM scope t LEFT JOIN (SELECT year, month, reporter, flow, classification, product,
        sum(value_usd) AS v, count(*) AS n FROM detail GROUP BY ALL) d
        ON d.year = t.year AND d.month IS NOT DISTINCT FROM t.month AND d.reporter = t.reporter
        AND d.flow = t.flow AND d.classification = t.classification AND d.product = t.product
    WHERE t.partner = 'WLD' AND t.product <> 'TOTAL'),
parts AS (
    SELECT year, month, reporter, flow, family, sum(value_usd) AS v, count(*) AS n FROM (
        SELECT year, month, reporter, flow, family, value_usd FROM detail
        UNION ALL SELECT year, month, reporter, flow, family, value_usd FROM by_partner
        UNION ALL SELECT year, month, reporter, flow, family, value_usd FROM by_product)
    GROUP BY ALL),
grand AS (
    SELECT t.year, t.month, t.reporter, t.partner, t.flow, t.classification, t.product,
        t.value_usd - coalesce(p.v, 0) AS value_usd, CASE WHEN p.n IS NULL THEN t.quantity END
        AS quantity, t.unit, t.load_id, coalesce(p.n, 0) AS parts, t.family
    FROM scope t LEFT JOIN parts p ON p.year = t.year AND p.month IS NOT DISTINCT FROM t.month
        AND p.reporter = t.reporter AND p.flow = t.flow AND p.family = t.family
    WHERE t.partner = 'WLD' AND t.product = 'TOTAL')
SELECT year, month, reporter, partner, flow, classification, product, value_usd, quantity,
    unit, load_id
FROM (SELECT * FROM by_partner UNION ALL SELECT * FROM by_product UNION ALL SELECT * FROM grand)
WHERE parts = 0 OR abs(value_usd) >= 0.005
"""


def remove(con: duckdb.DuckDBPyConnection, load_id: int) -> tuple[int, int]:
    """Take load ``load_id``'s flows out and put back the flows it revised.

    The caller holds the transaction. Returns (flows removed, flows restored). A segment of
    the load is dropped whole; the rows it revised come back under the loads that had them
    (a load removed since keeps none); ``unallocated`` is rewritten for every period touched.
    """
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE cells__ AS
        SELECT DISTINCT year, reporter, flow FROM flows WHERE load_id = {load_id}
        UNION SELECT DISTINCT year, reporter, flow FROM revisions WHERE replaced_by = {load_id}"""
    )
    count = con.execute(f"SELECT count(*) FROM flows WHERE load_id = {load_id}").fetchall()
    removed = int(count[0][0])
    segment.discard(con, load_id)
    con.execute(f"DELETE FROM flow_rows WHERE load_id = {load_id}")
    restored = con.execute(
        f"""INSERT INTO flow_rows BY NAME SELECT {", ".join(COLUMNS)}, load_id FROM revisions
        WHERE replaced_by = {load_id}"""
    ).fetchall()
    # The load's own flows that a later load replaced stay out: the later load holds them.
    con.execute(f"DELETE FROM revisions WHERE replaced_by = {load_id} OR load_id = {load_id}")
    in_cells = "(year, reporter, flow) IN (SELECT * FROM cells__)"
    con.execute(f"DELETE FROM unallocated WHERE {in_cells}")
    con.execute(f"INSERT INTO unallocated BY NAME {UNALLOCATED.format(cells=in_cells)}")
    con.execute("DROP TABLE IF EXISTS temp.cells__")
    return removed, int(restored[0][0]) if restored else 0
