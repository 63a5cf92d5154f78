"""One load: a file's records into Parquet files, every refused one into ``rejects``.

The plan, for every file and format:

1. **Stage** (one read of the file): the load plan (:mod:`hitex.ingest.plan`) streams the
   file through the lookups into a staging folder (:meth:`hitex.store.layout.Layout.stage`),
   the accepted records in one Parquet file and the refused ones in another, in the same
   write. Records with a refusal are staged with the load's id negated, never placed, and
   with the hash of their raw record and their refusal's code, field and value in place of
   their ``firm``: counting them says whether any record was refused, without a second read.
2. **Check** what depends on other records: a key an earlier load holds, a code beside its
   finer codes in the same file. Records with the same key are summed (one line per
   declaration).
3. **Refused records**, only when there are some: the file is read once more, each record
   numbered as it is read, and only the records holding a refused field's refused value (or
   whose raw hash a refused record has) go through the checks again, for their reasons and
   lines; the accepted file stays as written. When one of the checks of step 2
   found something, the careful path instead keeps a numbered copy of the file; a revision
   replaces the live files that hold the keys it revises.
4. **Commit** (:meth:`Loader.commit`, the one place a load's records become live): the
   staged files move to their place, the catalog lists them, ``flows`` reads them, and the
   unallocated parts of totals are computed again for the periods touched.

:func:`remove` is the one place a load's records stop being live. The caller holds the
transaction (:func:`hitex.store.scratch.transaction`) and the scratch context: whatever
fails, nothing of the load stays.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from hitex.errors import suggest
from hitex.ingest import Read, Reader, prepare_statements
from hitex.ingest.base import USER_FIELDS, FormatReason
from hitex.ingest.check import lookup_tables
from hitex.ingest.plan import plan
from hitex.ingest.sql import field, ident, lit
from hitex.reference import countries
from hitex.store import rollups
from hitex.store.layout import Commit, Layout, absent_columns, read_sql
from hitex.store.schema import KEY, columns, flow_types
from hitex.store.scratch import Scratch

Step = Callable[[str], None]

#: Every flows column but load_id, in order.
COLUMNS = tuple(c for c in columns() if c != "load_id")
_KEY = ", ".join(KEY)
_SAME_KEY = " AND ".join(f"n.{k} IS NOT DISTINCT FROM o.{k}" for k in KEY)
#: The alias of the file's relation in the one-pass read (its columns are referenced by it).
_SRC = "hitex_src__"
#: At most this many refused (code, field, value) are looked for by value, else by hash.
_CANDIDATE_VALUES = 500


@dataclass(frozen=True)
class Counts:
    """What a load did, in records."""

    read: int
    loaded: int
    rejected: int
    merged: int
    revised: int


def typed(sql: str, load_id: int | str) -> str:
    """Rows of ``sql`` (the flows columns but load_id) cast to the schema, with ``load_id``."""
    types = flow_types()
    cast = ", ".join(f"CAST({ident(c)} AS {types[c]}) AS {ident(c)}" for c in COLUMNS)
    return f"SELECT {cast}, CAST({load_id} AS INTEGER) AS load_id FROM ({sql})"


class Loader:
    """Loads one opened file over a connection that is inside a transaction."""

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
    ) -> None:
        self.con = con
        self.reader = reader
        self.id = load_id
        self.scratch = scratch
        self.layout = layout
        self.commit_ = commit
        #: No other cursor reads the database: DuckDB's settings may change for the write.
        self.alone = alone
        self.folder: Path | None = None
        #: The staged columns' ENUM types (:meth:`_enum_lookups`), once the lookups exist.
        self.enums: dict[str, str] = {}

    # -- the whole load ---------------------------------------------------------------------
    def run(self, *, revise: bool, step: Step) -> Counts:
        """Load the file; return the counts (read = loaded + rejected)."""
        opened = self.reader.opened
        assert opened is not None
        if opened.empty:
            return Counts(0, 0, 0, 0, 0)
        for name, sql in prepare_statements(self.reader):
            self.scratch.table(name, sql)
        for name, data in lookup_tables().items():
            arrow = self.scratch.arrow(f"{name}arrow", data)
            self.scratch.table(name, f"SELECT * FROM {arrow}")
            self.scratch.drop(f"{name}arrow")
        self.enums = self._enum_lookups()
        if opened.csv:
            self.scratch.adopt("raw_errors__")
            self.scratch.adopt("raw_scans__")
        read = self._one_pass()
        step("read")
        refused = self._refused_count() > 0
        others = self._collides() or self._nested()
        step("check")
        if others:
            counts = self._careful(revise=revise, step=step)
        elif refused:
            counts = self._refused_lines(read, step=step)
        else:
            merged = self._merge_keys()
            malformed = self._insert_malformed()
            step("rejects")
            counts = Counts(read + malformed, read, malformed, merged, 0)
        self.commit()
        step("flows")
        return counts

    def _folder(self) -> Path:
        assert self.folder is not None
        return self.folder

    def _restage(self, sql: str) -> None:
        """Stage ``sql``'s rows in place of what is staged."""
        old = self.folder
        self.folder = self.layout.stage(self.con, typed(sql, self.id), unordered=self.alone)
        if old is not None:
            self.layout.unstage(old)

    def staged_sql(self) -> str:
        """The staged records as flows rows (refused ones left out)."""
        return self.layout.staged(self._folder())

    def _one_pass(self) -> int:
        opened = self.reader.opened
        assert opened is not None
        src = ident(_SRC)
        # Each record's raw hash is carried through the checks: a refused record keeps it with
        # its refusal (in place of its firm, as it is never placed), and the numbered read finds
        # the refused records by them without running the checks over every record again.
        read = Read(f"{opened.relation} AS {src}", _source_ref, "NULL", f"hash({src})")
        types = {**flow_types(), **self.enums}
        cast = ", ".join(f"CAST({_staged_column(c)} AS {types[c]}) AS {ident(c)}" for c in COLUMNS)
        # A refused record is staged with the load's id negated: counted, never placed.
        sql = f"""SELECT {cast}, CAST(CASE WHEN reason IS NULL THEN {self.id} ELSE {-self.id}
            END AS INTEGER) AS load_id FROM ({self._checked(read)})"""
        self.folder = self.layout.stage(self.con, sql, unordered=self.alone, split=True)
        return self._count(f"SELECT count(*) FROM ({self.staged_sql()})") + self._refused_count()

    def _enum_lookups(self) -> dict[str, str]:
        """Give the lookups' codes DuckDB ENUM types; return the staged columns' ENUM types.

        Reporter and partner come from the country map, flow and classification from their
        code tables (and a format's one quantity unit): as ENUMs of those values, the Parquet
        writer writes each value's number in the file's dictionary instead of hashing its
        text, and these columns then cost a tenth as much to write. The files hold strings
        either way. The code tables are copied for the load (:data:`_ENUM_TABLES`).
        """
        found = self.con.execute(
            """SELECT DISTINCT v FROM (SELECT iso3 FROM cmap__ UNION ALL SELECT country
            FROM cmap__) t(v) WHERE v IS NOT NULL ORDER BY v"""
        ).fetchall()
        countries = _enum(v for (v,) in found)
        for name in ("cmap__", "cmap_int__"):
            for column in ("iso3", "country"):
                self.con.execute(f"ALTER TABLE temp.{name} ALTER {column} TYPE {countries}")
        out = {"reporter": countries, "partner": countries}
        for table, (column, staged) in _ENUM_TABLES.items():
            values = self.con.execute(
                f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL"
            ).fetchall()
            out[staged] = typed_as = _enum(v for (v,) in values)
            self.scratch.table(
                f"{table}_enum__",
                f"SELECT * REPLACE (CAST({column} AS {typed_as}) AS {column}) FROM {table}",
            )
        if self.reader.quantity_unit is not None:
            out["unit"] = _enum([self.reader.quantity_unit])
        return out

    def _checked(self, read: Read) -> str:
        """The load plan of the file read through ``read``, compiled for DuckDB."""
        tables = {t: f"{t}_enum__" for t in _ENUM_TABLES}
        return plan(self.reader, read).sql("duckdb", tables=tables)

    def _refused_count(self) -> int:
        refused = self.layout.staged(self._folder(), refused=True)
        return self._count(f"SELECT count(*) FROM ({refused})")

    # -- what sends a load down the careful path ------------------------------------------
    def _collides(self) -> bool:
        """Whether an earlier load holds a key of this one (a revision or a duplicate)."""
        new = self.staged_sql()
        cells = f"SELECT DISTINCT year, reporter FROM ({new})"
        scope = f"(o.year, o.reporter) IN ({cells})"
        if not self._count(f"SELECT count(*) FROM (SELECT 1 FROM flows o WHERE {scope} LIMIT 1)"):
            return False
        return bool(
            self._count(
                f"""SELECT count(*) FROM (SELECT 1 FROM ({new}) n JOIN flows o ON {_SAME_KEY}
                WHERE {scope} LIMIT 1)"""
            )
        )

    def _nested(self) -> bool:
        """Whether the file may hold a code beside its finer codes (a chapter, its headings)."""
        if not self.reader.hierarchical:
            return False
        return (
            self._count(
                f"""SELECT count(DISTINCT length(product)) FROM ({self.staged_sql()})
                WHERE product <> 'TOTAL'"""
            )
            > 1
        )

    def _merge_keys(self) -> int:
        """Sum records with the same key (one line per declaration); return lines merged."""
        if self.reader.keys_unique:
            return 0
        new = self.staged_sql()
        loaded = self._count(f"SELECT count(*) FROM ({new})")
        keys = self._count(f"SELECT count(*) FROM (SELECT 1 FROM ({new}) GROUP BY {_KEY})")
        if keys == loaded:
            return 0
        merged = self.scratch.table("merged", _summed(new))
        self._restage(f"SELECT * FROM {merged}")
        self.scratch.drop("merged")
        return loaded - keys

    # -- refused records: their lines, read again ------------------------------------------
    def _refused_lines(self, read: int, *, step: Step) -> Counts:
        """Keep the refused records with their lines; the accepted ones stay as staged.

        The file is read once more, each record numbered as it is read; only the records
        that may be refused ones go through the checks again (a record the checks did not
        refuse on the first read is not refused on this one: they see the record alone), and
        the refused ones are kept with their number, raw text and refusal. Which records
        may be: those whose refused field holds a value a refused record has there (one
        column compared, :meth:`_candidates`), else those whose raw hash a refused record
        has. No copy of the file is made: memory does not grow with it.
        """
        staged = self._refused_count()
        found = self.scratch.table(
            "refused_found",
            f"""SELECT DISTINCT json_extract_string(firm, '$.h') AS h,
            json_extract_string(firm, '$.c') AS code, json_extract_string(firm, '$.f') AS field,
            json_extract_string(firm, '$.v') AS value
            FROM ({self.layout.staged(self._folder(), refused=True)})""",
        )
        candidates = self._candidates(found)
        rejected = self._numbered_read(candidates) if candidates else -1
        if rejected != staged:
            # A refusal whose value is not the field's text (a format's own): by the hash.
            hashes = f"SELECT DISTINCT CAST(h AS UBIGINT) FROM {found}"
            rejected = self._numbered_read(f"hash({self._raw_record()}) IN ({hashes})")
        if rejected != staged:
            # The checks see a record alone: the same record is refused on every read.
            raise RuntimeError(
                f"the numbered read found {rejected} refused records, the first read {staged}"
            )
        malformed = self._insert_malformed()
        self._write_lines(read)
        inserted = self._count(
            f"""INSERT INTO rejects SELECT {self.id}, {self._line_sql()}, c.record, c.reason,
            c.code, c.field, c.value FROM refused c ORDER BY c.row"""
        )
        assert inserted == rejected
        self._suggest()
        merged = self._merge_keys()
        step("rejects")
        return Counts(read + malformed, read - rejected, rejected + malformed, merged, 0)

    def _numbered_read(self, candidate: str) -> int:
        """Read the file numbered; keep the refused records among the ``candidate`` ones.

        ``candidate`` is SQL over the raw record (:data:`_SRC`). The records are numbered
        as read and the condition is tested on the raw columns; only the records it holds
        for are made into a struct and checked. Returns the number of refused records kept
        in the scratch table ``refused``.
        """
        opened = self.reader.opened
        assert opened is not None
        self._clear_errors()
        src = ident(_SRC)
        numbered = (
            f"(SELECT row__, {self._raw_record()} AS rec__ FROM (SELECT row_number() OVER () "
            f"AS row__, {src}.* FROM {opened.relation} AS {src}) AS {src} WHERE {candidate})"
        )
        checked = self._checked(Read(numbered, _record_ref, "row__", "rec__"))
        refused = self.scratch.table(
            "refused",
            f"""SELECT row, reason, code, field, value,
            CAST(to_json(record) AS VARCHAR) AS record
            FROM ({checked}) WHERE reason IS NOT NULL""",
        )
        return self._count(f"SELECT count(*) FROM {refused}")

    def _raw_record(self) -> str:
        """SQL: the raw record as a struct (the file's columns, as the relation reads them)."""
        opened = self.reader.opened
        assert opened is not None
        src = ident(_SRC)
        names = opened.columns.values()
        return f"struct_pack({', '.join(f'{ident(n)} := {src}.{ident(n)}' for n in names)})"

    def _candidates(self, found: str) -> str | None:
        """SQL: whether a raw record holds, in a refused field, a value refused there.

        Every refused record holds for it (the value kept is the field's text as the check
        read it); a few others may, and the checks leave them out. None when the refusals
        are too many to list, or give no value.
        """
        pairs = self.con.execute(
            f"SELECT DISTINCT code, field, value FROM {found} ORDER BY ALL"
        ).fetchall()
        if not pairs or len(pairs) > _CANDIDATE_VALUES:
            return None
        fields = self.reader.mapped(_source_ref)
        own = {
            (r.code, r.field): r.value
            for r in (FormatReason.of(c) for c in self.reader.format_reasons(_source_ref))
        }
        values: dict[str, set[str]] = {}
        for code, name, value in pairs:
            if value is None:
                return None
            if (code, name) in own:
                text = f"CAST(({own[code, name]}) AS VARCHAR)"
            elif USER_FIELDS.get(name or "") in fields:
                text = _text(fields[USER_FIELDS[name]])
            else:
                return None
            values.setdefault(text, set()).add(value)
        return "(" + " OR ".join(self._listed(t, vs) for t, vs in values.items()) + ")"

    def _listed(self, text: str, values: set[str]) -> str:
        """SQL: ``text`` is one of ``values``; a column read as a number is compared so."""
        opened = self.reader.opened
        assert opened is not None
        for column, kind in opened.typed.items():
            raw = _source_ref(opened.columns[column])
            if text == _text(raw) and kind.upper() in ("INTEGER", "BIGINT", "DOUBLE"):
                # The number read, not its text: each value refused read as the column's
                # type (an empty one is NULL). A few more records may hold; none fewer.
                typed = ", ".join(f"TRY_CAST({lit(v)} AS {kind})" for v in sorted(values))
                return f"({raw} IS NULL OR {raw} IN ({typed}))"
        return f"{text} IN ({', '.join(lit(v) for v in sorted(values))})"

    # -- the careful path: a numbered copy, rejects with lines ----------------------------
    def _careful(self, *, revise: bool, step: Step) -> Counts:
        opened = self.reader.opened
        assert opened is not None
        self._clear_errors()
        raw = self.scratch.table(
            "raw", f"SELECT {ident(_SRC)} AS rec__ FROM {opened.relation} AS {ident(_SRC)}"
        )
        # Rows written inside a transaction are numbered from a large offset.
        offset = self._count(f"SELECT coalesce(min(rowid), 0) FROM {raw}")
        checked = self._checked(Read(raw, _record_ref, f"rowid - {offset} + 1"))
        self.scratch.table("checked", checked)
        # The reasons that depend on other records, for records no check refused: codes
        # beside their finer codes first, then keys an earlier load holds.
        if self.reader.hierarchical:
            self._refuse(self._nonleaves())
        revised = self._revisions(revise=revise)
        malformed = self._insert_malformed()
        self._write_lines(self._count(f"SELECT count(*) FROM {raw}"))
        rejected = self._count(
            f"""INSERT INTO rejects SELECT {self.id}, {self._line_sql()},
            CAST(to_json(r.rec__) AS VARCHAR), c.reason, c.code, c.field, c.value
            FROM checked c JOIN {raw} r ON r.rowid = c.row - 1 + {offset}
            WHERE c.reason IS NOT NULL ORDER BY c.row"""
        )
        self._suggest()
        step("rejects")
        accepted = self._count("SELECT count(*) FROM checked WHERE reason IS NULL")
        columns_ = ", ".join(COLUMNS)
        accepted_sql = (
            # One record per key by the format's own rule (BACI): nothing to sum.
            f"SELECT {columns_} FROM checked WHERE reason IS NULL"
            if self.reader.keys_unique
            else _summed("SELECT * FROM checked WHERE reason IS NULL")
        )
        self._restage(accepted_sql)
        inserted = self._count(f"SELECT count(*) FROM ({self.staged_sql()})")
        records = self._count(f"SELECT count(*) FROM {raw}")
        return Counts(
            records + malformed, accepted, rejected + malformed, accepted - inserted, revised
        )

    def _refuse(self, reasons: str) -> None:
        """Give ``reasons`` (row, reason, code, field, value) to records no check refused."""
        self.con.execute(
            f"""UPDATE checked SET reason = x.reason, code = x.code, field = x.field,
            value = x.value FROM ({reasons}) x
            WHERE checked.row = x.row AND checked.reason IS NULL"""
        )

    def _nonleaves(self) -> str:
        """Records whose finer codes are in the same file: only the finest are loaded."""
        cell = tuple(k for k in KEY if k != "product")
        leaves = self.scratch.table(
            "leafcand",
            f"""SELECT row, {", ".join(cell)}, product
            FROM checked WHERE reason IS NULL AND product <> 'TOTAL'""",
        )
        same = " AND ".join(f"a.{c} IS NOT DISTINCT FROM b.{c}" for c in cell)
        return f"""SELECT a.row,
            'aggregate of finer codes in the same file (' || a.product || ' beside '
            || min(b.product) || '); only the finest codes are loaded' AS reason,
            'aggregate_code' AS code, 'product' AS field, a.product AS value
            FROM {leaves} a JOIN (SELECT DISTINCT {", ".join(cell)}, product,
                left(product, n) AS prefix FROM {leaves}, range(1, 10) r(n)
                WHERE n < length(product)) b ON {same} AND b.prefix = a.product
            GROUP BY a.row, a.product"""

    def _revisions(self, *, revise: bool) -> int:
        """Keys an earlier load holds: reject them, or (``revise``) replace the old flows."""
        keys = self.scratch.table("keys", f"SELECT row, {_KEY} FROM checked WHERE reason IS NULL")
        scope = f"(o.year, o.reporter) IN (SELECT DISTINCT year, reporter FROM {keys})"
        if revise:
            return replace_keys(self.con, self.layout, self.commit_, keys, self.id)
        self._refuse(
            f"""SELECT n.row, 'already loaded by load ' || min(o.load_id)
            || ' (load with --revise to replace it)' AS reason, 'duplicate' AS code,
            'load_id' AS field, CAST(min(o.load_id) AS VARCHAR) AS value
            FROM {keys} n JOIN flows o ON {_SAME_KEY} WHERE {scope} GROUP BY n.row"""
        )
        return 0

    # -- lines ----------------------------------------------------------------------------
    def _write_lines(self, records: int) -> None:
        """``lines`` (row, line) where a record's line is not its number + 1 (+ bad lines)."""
        opened = self.reader.opened
        assert opened is not None
        lines = opened.lines
        if lines is None and opened.csv:
            lines = _csv_lines(self.reader, records, self._malformed_lines())
        if lines is None:
            return
        arrow = self.scratch.arrow(
            "lines_arrow",
            pa.table({"row": pa.array(range(1, len(lines) + 1), pa.int64()),
                      "line": pa.array(lines, pa.int64())}),
        )  # fmt: skip
        self.scratch.table("lines", f"SELECT * FROM {arrow}")
        self.scratch.drop("lines_arrow")

    def _line_sql(self) -> str:
        if "lines" in self.scratch:
            return "(SELECT l.line FROM lines l WHERE l.row = c.row)"
        if "bad" in self.scratch:
            # Lines the CSV reader refused are not records: count them back into the line.
            return "c.row + 1 + (SELECT count(*) FROM bad b WHERE b.good_before < c.row)"
        return "c.row + 1"

    def _malformed_lines(self) -> set[int]:
        if "bad" not in self.scratch:
            return set()
        return {int(r[0]) for r in self.con.execute("SELECT line FROM bad").fetchall()}

    def _clear_errors(self) -> None:
        """Forget the lines the first read could not split: the second read finds them again."""
        if "raw_errors__" in self.scratch:
            for table in ("raw_errors__", "raw_scans__"):
                self.con.execute(f"DELETE FROM {table}")

    def _insert_malformed(self) -> int:
        """Keep the lines the CSV reader could not split into records; return their count."""
        if "raw_errors__" not in self.scratch:
            return 0
        # DuckDB may report one short line once per missing column: one row per line.
        bad = self.scratch.table(
            "bad",
            """SELECT line, csv_line, error_message,
            line - 1 - row_number() OVER (ORDER BY line) AS good_before
            FROM (SELECT line, any_value(trim(csv_line, chr(10) || chr(13))) AS csv_line,
                  min_by(error_message, length(error_message)) AS error_message
                  FROM raw_errors__ GROUP BY line)""",
        )
        return self._count(
            f"""INSERT INTO rejects SELECT {self.id}, line, csv_line,
            'malformed line: ' || error_message, 'malformed', NULL, NULL FROM {bad}"""
        )

    def _suggest(self) -> None:
        """Add "Did you mean ...?" to the reasons of unknown countries (a few distinct values)."""
        known = countries.spellings()
        rows = self.con.execute(
            """SELECT DISTINCT value FROM rejects WHERE load_id = ? AND code = 'unknown_country'
            AND value IS NOT NULL""",
            [self.id],
        ).fetchall()
        for (value,) in rows:
            hint = suggest(value, known)
            if hint:
                self.con.execute(
                    "UPDATE rejects SET reason = reason || '.' || ? "
                    "WHERE load_id = ? AND code = 'unknown_country' AND value = ?",
                    [hint, self.id, value],
                )

    # -- the commit -----------------------------------------------------------------------
    def commit(self) -> None:
        """Make the staged records live: the one place a load's records become live.

        Inside the load's transaction: the files move to their place, the catalog lists
        them (with the files a revision replaced taken out), ``flows`` reads them, and the
        unallocated parts of totals are computed again for the periods the load touched.
        """
        folder = self._folder()
        self.layout.place(self.con, self.commit_, folder, self.id, unordered=self.alone)
        self.layout.unstage(folder)
        self.folder = None
        self._publish()

    def _publish(self) -> None:
        """Make placed files live: catalog, rollups, unallocated parts (every engine's load).

        The catalog lists the files, their rollups are written and the unallocated parts of
        totals are computed again for the periods the load touched.
        """
        self.layout.record(self.con, self.commit_)
        rollups.derive(
            self.con, self.layout, self.commit_, reconciled={self.id: self.reader.reconciled}
        )
        cells = self.scratch.table(
            "cells", f"SELECT DISTINCT year, reporter, flow FROM flows WHERE load_id = {self.id}"
        )
        reallocate(self.con, cells)

    def _count(self, sql: str, params: Sequence[Any] = ()) -> int:
        rows = self.con.execute(sql, list(params)).fetchall()
        return int(rows[0][0]) if rows else 0


def _source_ref(column: str) -> str:
    return f"{ident(_SRC)}.{ident(column)}"


#: Code tables the plan joins whose codes are staged as ENUMs: table -> (its column, the
#: staged column it gives).
_ENUM_TABLES = {"flow_codes": ("flow", "flow"), "classification_codes": ("code", "classification")}


def _enum(values: Iterable[object]) -> str:
    """A DuckDB ENUM type of ``values`` (sorted, without repeats)."""
    return f"ENUM({', '.join(lit(str(v)) for v in sorted({str(v) for v in values}))})"


def _staged_column(column: str) -> str:
    """SQL of a staged column: a refused record's firm says how to find it again.

    That is the hash of its raw record and its refusal's code, field and value (JSON), for
    the numbered read (:meth:`Loader._refused_lines`). A refused record is never placed.
    """
    if column == "firm":
        found = "struct_pack(h := CAST(record AS VARCHAR), c := code, f := field, v := value)"
        return f"CASE WHEN reason IS NULL THEN firm ELSE CAST(to_json({found}) AS VARCHAR) END"
    return ident(column)


def _text(sql: str) -> str:
    """A field's text as the checks read it (:func:`hitex.ingest.check._text`)."""
    return f"coalesce(trim(CAST({sql} AS VARCHAR)), '')"


def _record_ref(column: str) -> str:
    return field("rec__", column)


def _summed(sql: str) -> str:
    # Quantities in different units are not added up: the sum would mean nothing.
    return f"""SELECT {_KEY}, sum(value_usd) AS value_usd,
        CASE WHEN min(unit) IS NOT DISTINCT FROM max(unit) THEN sum(quantity) END AS quantity,
        min(unit) AS unit FROM ({sql}) GROUP BY ALL"""


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


# -- revisions and removals: commits that replace files -----------------------------------
def replace_keys(
    con: duckdb.DuckDBPyConnection, layout: Layout, commit: Commit, keys: str, load_id: int
) -> int:
    """Take the live records with a key of ``keys`` out, into ``revisions``; their count.

    Every live file holding such a record is replaced (in ``commit``) by a file of its other
    records, under the same load.
    """
    scope = f"(o.year, o.reporter) IN (SELECT DISTINCT year, reporter FROM {keys})"
    match = f"EXISTS (SELECT 1 FROM {keys} n WHERE {_SAME_KEY})"
    live = con.execute(
        "SELECT path, load_id FROM record_files WHERE removed_by IS NULL "
        "AND (year, load_id) IN (SELECT DISTINCT year, load_id FROM flows o "
        f"WHERE {scope} AND {match})"
    ).fetchall()
    revised = 0
    for path, owner in live:
        file = layout.absolute(path)
        rows = read_sql([file], absent=absent_columns(con, [file]))
        found = con.execute(
            f"INSERT INTO revisions BY NAME SELECT o.*, {load_id} AS replaced_by "
            f"FROM ({rows}) o WHERE {match}"
        ).fetchall()
        n = int(found[0][0]) if found else 0
        if not n:
            continue
        revised += n
        commit.removed.append(path)
        kept = f"SELECT {', '.join(COLUMNS)} FROM ({rows}) o WHERE NOT {match}"
        layout.write_records(con, commit, typed(kept, owner), owner)
    return revised


def reallocate(con: duckdb.DuckDBPyConnection, cells: str) -> None:
    """Rewrite ``unallocated`` for the periods of ``cells`` (year, reporter, flow)."""
    in_cells = f"(year, reporter, flow) IN (SELECT * FROM {cells})"
    con.execute(f"DELETE FROM unallocated WHERE {in_cells}")
    has_totals = con.execute(
        f"""SELECT count(*) FROM (SELECT 1 FROM flows WHERE {in_cells}
        AND (partner = 'WLD' OR product = 'TOTAL') LIMIT 1)"""
    ).fetchall()[0][0]
    if has_totals:
        con.execute(f"INSERT INTO unallocated BY NAME {unallocated_sql(in_cells)}")


def remove(
    con: duckdb.DuckDBPyConnection,
    layout: Layout,
    commit: Commit,
    scratch: Scratch,
    load_id: int,
) -> tuple[int, int]:
    """Take load ``load_id``'s records out and put back the records it revised.

    The one place a load's records stop being live. The caller holds the transaction.
    Returns (flows removed, flows restored). The rows it revised come back under the loads
    that had them (a load removed since keeps none); ``unallocated`` is rewritten for every
    period touched.
    """
    cells = scratch.table(
        "cells",
        f"""SELECT DISTINCT year, reporter, flow FROM flows WHERE load_id = {load_id}
        UNION SELECT DISTINCT year, reporter, flow FROM revisions WHERE replaced_by = {load_id}""",
    )
    files = con.execute(
        "SELECT path, records FROM record_files WHERE load_id = ? AND removed_by IS NULL",
        [load_id],
    ).fetchall()
    removed = sum(int(r[1]) for r in files)
    commit.removed.extend(r[0] for r in files)
    owners = con.execute(
        "SELECT DISTINCT load_id FROM revisions WHERE replaced_by = ? ORDER BY 1", [load_id]
    ).fetchall()
    restored = 0
    for (owner,) in owners:
        back = f"SELECT {', '.join(COLUMNS)} FROM revisions WHERE replaced_by = {load_id} AND load_id = {owner}"  # noqa: E501
        before = len(commit.added)
        layout.write_records(con, commit, typed(back, owner), owner)
        restored += sum(f.records for f in commit.added[before:])
    # The load's own flows that a later load replaced stay out: the later load holds them.
    con.execute(f"DELETE FROM revisions WHERE replaced_by = {load_id} OR load_id = {load_id}")
    layout.record(con, commit)
    rollups.derive(con, layout, commit)
    reallocate(con, cells)
    return removed, restored


def unallocated_sql(cells: str) -> str:
    """Totals less the finer records of the same period, for the periods in ``cells``.

    A partner's total (product TOTAL) is matched with that partner's finer records of the
    same family (goods or services); a world total of a product (partner WLD) with that
    product's records to every partner; the grand total with everything else.
    """
    return f"""
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
