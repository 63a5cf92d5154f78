"""What every reader shares: the standard record, the checks, and how a file becomes SQL.

A reader turns one file into a DuckDB relation with the standard columns, all text, plus the
record number (``row``) and the raw record (``record``). It does so in SQL, so that a BACI year
of ten million rows is read by DuckDB's vectorised CSV reader, never by a Python loop. The
checks (:func:`checked_sql`) then attach a ``reason`` to every record that cannot be loaded;
the store keeps those in ``rejects`` and loads the rest.

Formats are subclasses with class-level settings (column names, value scale, flow codes),
registered through the ``hitex.readers`` entry point group, the same way a plug-in adds one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import ClassVar

import duckdb
import pyarrow as pa

from hitex.errors import BadFileError, UnknownCodeError

#: The standard columns a reader produces, in order.
COLUMNS = (
    "year",
    "month",
    "reporter",
    "partner",
    "flow",
    "classification",
    "product",
    "value",
    "quantity",
    "unit",
)


@dataclass(frozen=True)
class Source:
    """One file to read and how: the path and the options the user gave."""

    path: Path
    classification: str = "HS17"


class Reader:
    """Base class of the file formats: subclasses set the class attributes below."""

    #: The format's name on the command line (``--format``).
    name: ClassVar[str] = ""
    #: Standard column -> SQL expression over the raw columns (quoted by the reader).
    mapping: ClassVar[Mapping[str, str]] = {}
    #: Raw columns that must be present (lower case).
    required: ClassVar[tuple[str, ...]] = ()
    #: Multiply the value by this to get US dollars (BACI reports thousands).
    value_scale: ClassVar[float] = 1.0
    #: Which alias kinds may name a country (``None``: any).
    country_kinds: ClassVar[tuple[str, ...] | None] = None
    #: CSV columns read with these types instead of as text.
    csv_types: ClassVar[Mapping[str, str] | None] = None
    #: The source gives each flow once, reconciled from both sides (BACI): a record is
    #: the exporter's export and also the importer's import.
    reconciled: ClassVar[bool] = False

    def __init__(self, source: Source) -> None:
        self.source = source

    # -- reading --------------------------------------------------------------------------
    def read(self, con: duckdb.DuckDBPyConnection, table: str) -> None:
        """Create temp table ``table`` holding the raw records as text, in file order."""
        suffix = self.source.path.suffix.lower()
        try:
            if suffix in (".parquet", ".pq"):
                self._read_parquet(con, table)
            elif suffix in (".xlsx", ".xlsm"):
                self._register_arrow(con, table, _read_xlsx(self.source.path))
            elif suffix == ".json":
                self._register_arrow(con, table, self.read_json())
            else:
                self._read_csv(con, table)
        except duckdb.Error as exc:
            raise self.bad_file(f"cannot be read as {self.name} data ({_first_line(exc)})") from exc
        self._check_columns(con, table)

    def read_json(self) -> pa.Table:
        """Read a JSON file of records (a list, or an object with a ``data`` list)."""
        raise self.bad_file(f"JSON is not a {self.name} file type; give CSV, Parquet or XLSX")

    def _read_csv(self, con: duckdb.DuckDBPyConnection, table: str) -> None:
        path = str(self.source.path).replace("'", "''")
        con.execute(f"DROP TABLE IF EXISTS {table}_errors; DROP TABLE IF EXISTS {table}_scans")
        types = "all_varchar=true"
        if self.csv_types:
            # Numeric columns read as numbers: less memory, faster joins. The header is
            # checked first, so that a missing column is named as such.
            header = con.execute(
                f"DESCRIBE SELECT * FROM read_csv('{path}', all_varchar=true, header=true)"
            ).fetchall()
            self._require({h[0].lower(): h[0] for h in header})
            given = ", ".join(f"'{k}': '{v}'" for k, v in self.csv_types.items())
            types = f"types={{{given}}}"
        con.execute(
            f"CREATE TEMP TABLE {table} AS SELECT * FROM read_csv('{path}', {types}, "
            f"header=true, store_rejects=true, rejects_table='{table}_errors', "
            f"rejects_scan='{table}_scans')"
        )

    def _read_parquet(self, con: duckdb.DuckDBPyConnection, table: str) -> None:
        path = str(self.source.path).replace("'", "''")
        cols = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
        casts = ", ".join(f'CAST("{c[0]}" AS VARCHAR) AS "{c[0]}"' for c in cols)
        con.execute(f"CREATE TEMP TABLE {table} AS SELECT {casts} FROM read_parquet('{path}')")

    def _register_arrow(self, con: duckdb.DuckDBPyConnection, table: str, data: pa.Table) -> None:
        con.register(f"{table}_arrow", data)
        con.execute(f"CREATE TEMP TABLE {table} AS SELECT * FROM {table}_arrow")
        con.unregister(f"{table}_arrow")

    def _check_columns(self, con: duckdb.DuckDBPyConnection, table: str) -> None:
        self._require({c[0].lower(): c[0] for c in con.execute(f"DESCRIBE {table}").fetchall()})

    def _require(self, present: dict[str, str]) -> None:
        for column in self.required:
            if column not in present:
                found = ", ".join(present) or "none"
                raise self.bad_file(
                    f"has no column {column!r} (columns found: {found})", column=column
                )
        self.columns = present

    def bad_file(self, what: str, *, column: str | None = None) -> BadFileError:
        """Return the error for a file that cannot be loaded at all."""
        file = self.source.path.name
        return BadFileError(f"{file} {what}.", file=file, column=column)

    # -- mapping to the standard record ---------------------------------------------------
    def col(self, name: str) -> str:
        """Return the quoted raw column ``name`` if the file has it, else ``NULL``."""
        real = self.columns.get(name.lower())
        return f'"{real}"' if real else "NULL"

    def expressions(self) -> dict[str, str]:
        """Standard column -> SQL expression over the raw table (``NULL`` where absent)."""
        return dict.fromkeys(COLUMNS, "NULL")

    def extra_reasons(self) -> list[tuple[str, str]]:
        """Format-specific checks: (SQL condition on ``r``, SQL reason text)."""
        return []

    def classification_sql(self) -> str:
        """SQL for the classification: the file's column if any, else the option given."""
        return f"'{self.source.classification}'"


def readers() -> dict[str, type[Reader]]:
    """The readers registered under the ``hitex.readers`` entry point group, by name."""
    found = {ep.name: ep.load() for ep in entry_points(group="hitex.readers")}
    return dict(sorted(found.items()))


def reader_for(fmt: str, source: Source) -> Reader:
    """Return the reader for format ``fmt``, or raise with the closest known format."""
    known = readers()
    if fmt not in known:
        raise UnknownCodeError.new("format", fmt, known)
    return known[fmt](source)


def _read_xlsx(path: Path) -> pa.Table:
    import openpyxl  # noqa: PLC0415 - imported only for the rare Excel file

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = [str(h).strip() for h in next(rows, ()) if h is not None]
    columns: list[list[str | None]] = [[] for _ in header]
    for values in rows:
        if all(v is None for v in values):
            continue
        for i in range(len(header)):
            v = values[i] if i < len(values) else None
            columns[i].append(None if v is None else _cell_text(v))
    book.close()
    return pa.table({h: pa.array(c, pa.string()) for h, c in zip(header, columns, strict=True)})


def _cell_text(value: object) -> str:
    # Excel stores 2020 as 2020.0 when the column is numeric; a code keeps its digits.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def json_records(path: Path, key: str = "data") -> pa.Table:
    """Read a JSON list of records (or an object whose ``key`` holds one) as text columns."""
    with path.open(encoding="utf-8") as f:
        doc = json.load(f)
    records: Sequence[Mapping[str, object]] = doc.get(key, []) if isinstance(doc, dict) else doc
    names: dict[str, None] = {}
    for rec in records:
        names.update(dict.fromkeys(rec))
    cols = {n: [None if r.get(n) is None else str(r.get(n)) for r in records] for n in names}
    return pa.table({n: pa.array(v, pa.string()) for n, v in cols.items()})


def _first_line(exc: Exception) -> str:
    return re.sub(r"\s+", " ", str(exc).strip().splitlines()[0])[:200]
