"""What every reader shares: the standard fields, how a file is opened, and how its columns map.

A reader turns one file into a SQL relation with the standard fields only (``year_r``,
``reporter_r``, ... ``format_reason``): one SELECT maps the raw columns to them, so no raw
column name ever reaches the checks or the store (a file may well have columns named
``value``, ``row`` or ``rowid``). DuckDB reads the file itself (CSV, Parquet), or an Arrow table
the reader builds (XLSX, JSON); nothing loops over records in Python.

Formats are subclasses with class-level settings (column names, value scale, flow codes),
registered through the ``hitex.readers`` entry point group, the same way a plug-in adds one.
Users map their own column names with ``--column FIELD=SOURCE`` and give constants with
``--set FIELD=VALUE``; both reach SQL only through :mod:`hitex.ingest.sql`.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import ClassVar

import duckdb
import pyarrow as pa

from hitex.errors import BadFileError, HitexError, UnknownCodeError, close_matches
from hitex.ingest.sql import ident, lit

#: The standard fields a reader produces, in order (``value`` is in US dollars after scaling).
FIELDS = (
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
    "firm",
)

#: What users call the fields in ``--column`` and ``--set`` (the ``flows`` column names).
USER_FIELDS: Mapping[str, str] = {**{f: f for f in FIELDS}, "value_usd": "value"}

#: Fields a file may leave out.
OPTIONAL = frozenset({"month", "classification", "quantity", "unit", "firm"})

#: The single-byte encodings a file that is not UTF-8 is judged between: Western European
#: (Comtrade Plus downloads are Latin-1 / Windows-1252) and Cyrillic (Russian customs and
#: statistics extracts).
ENCODINGS = ("cp1252", "cp1251")

#: Bytes of non-ASCII lines the encoding is judged on, taken from blocks across the file.
SAMPLE = 1 << 18

Ref = Callable[[str], str]


@dataclass(frozen=True)
class Source:
    """One file to read and how: the path and the options the user gave."""

    path: Path
    classification: str = "HS17"
    #: Field -> the file's column that holds it (``--column reporter=origin``).
    columns: Mapping[str, str] = field(default_factory=dict)
    #: Field -> one value for every record (``--set partner=WLD``).
    constants: Mapping[str, str] = field(default_factory=dict)
    #: The file's text encoding; ``None``: UTF-8 if the whole file is, else judged from its
    #: bytes (:func:`detect_encoding`).
    encoding: str | None = None
    #: The sheet of an Excel workbook to read; ``None``: the first.
    sheet: str | None = None


@dataclass
class Opened:
    """A file as DuckDB reads it: the relation, its columns, and how records map to lines."""

    #: A FROM-clause item reading the raw records, in file order.
    relation: str
    #: Lower-case column name -> the column's name in the file.
    columns: dict[str, str]
    #: Numbers use a decimal comma (files delimited by ``;``).
    decimal_comma: bool = False
    #: The CSV delimiter.
    delimiter: str = ","
    #: The file is CSV (DuckDB keeps the lines it cannot split in ``raw_errors__``).
    csv: bool = False
    #: Line (or sheet row) of each record where it is not simply record number + 1.
    lines: Sequence[int] | None = None
    #: The file holds no records (an empty API answer).
    empty: bool = False
    #: Columns read with a type other than text.
    typed: Mapping[str, str] = field(default_factory=dict)
    #: A temporary UTF-8 copy of a file in another encoding (removed after the load).
    copy: Path | None = None
    #: The encoding the file was read in, where it is not UTF-8.
    encoding: str | None = None
    #: The sheet read of an Excel workbook, and every sheet the workbook has.
    sheet: str | None = None
    sheets: Sequence[str] = ()


@dataclass(frozen=True)
class Fingerprint:
    """What one read of a file's bytes tells: its sha256 and whether it is UTF-8 text."""

    sha256: str
    utf8: bool


@dataclass(frozen=True)
class FormatReason:
    """A format's own refusal: SQL condition and reason, with its code, field and value."""

    condition: str
    reason: str
    code: str = "format"
    field: str | None = None
    #: SQL of the value the check refused (``NULL`` when none).
    value: str = "NULL"

    @classmethod
    def of(cls, given: FormatReason | tuple[str, str]) -> FormatReason:
        """A plug-in's (condition, reason) pair, or a FormatReason as it is."""
        return given if isinstance(given, FormatReason) else cls(*given)


#: Bytes of a file's start that hitex reads to judge the file before DuckDB reads it.
HEAD = 1 << 16


def head(path: Path) -> bytes:
    """The file's first :data:`HEAD` bytes (all of a smaller file)."""
    with path.open("rb") as f:
        return f.read(HEAD)


def fingerprint(path: Path) -> Fingerprint:
    """Hash the file and check its encoding in the same pass.

    Blocks of ASCII (every byte below 128, most trade files) are UTF-8 as they are; only
    other blocks go through the decoder, which keeps a character cut by a block's end.
    """
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    block = bytearray(1 << 22)
    view = memoryview(block)
    with path.open("rb") as f:
        while n := f.readinto(block):
            data = view[:n]
            digest.update(data)
            if utf8 and not (block.isascii() if n == len(block) else bytes(data).isascii()):
                try:
                    decoder.decode(data)
                except UnicodeDecodeError:
                    utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    return Fingerprint(digest.hexdigest(), utf8)


#: Bytes DuckDB reads to find a CSV file's columns (at least its longest line, 2 MB).
SNIFF_BUFFER = 4 << 20


class Reader:
    """Base class of the file formats: subclasses set the class attributes below."""

    #: The format's name on the command line (``--format``).
    name: ClassVar[str] = ""
    #: Field -> the raw column(s) that may hold it, first found wins (lower case).
    columns: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    #: Fields given by the format itself (BACI: every record is an export): field -> value.
    fixed: ClassVar[Mapping[str, str]] = {}
    #: Multiply the value by this to get US dollars (BACI reports thousands).
    value_scale: ClassVar[float] = 1.0
    #: Which alias kinds may name a country (``None``: any).
    country_kinds: ClassVar[tuple[str, ...] | None] = None
    #: CSV columns read with these types instead of as text (numbers read as numbers).
    csv_types: ClassVar[Mapping[str, str]] = {}
    #: The source gives each flow once, reconciled from both sides (BACI): a record is
    #: the exporter's export and also the importer's import.
    reconciled: ClassVar[bool] = False
    #: A file may hold a code and the codes below it (a chapter and its headings).
    hierarchical: ClassVar[bool] = True
    #: The format gives one record per key, so records are never summed (BACI: one per
    #: t, i, j, k). Other formats are checked, and records with the same key summed.
    keys_unique: ClassVar[bool] = False
    #: Product codes are numbers of this many digits, a leading zero dropped (BACI's ``k``):
    #: a clean file may then be stored as a segment (hitex.store.segment).
    product_digits: ClassVar[int | None] = None
    #: The unit of every quantity the format gives (BACI: metric tons).
    quantity_unit: ClassVar[str | None] = None

    def __init__(self, source: Source) -> None:
        self.source = source
        self.opened: Opened | None = None

    # -- opening --------------------------------------------------------------------------
    def open(self, con: duckdb.DuckDBPyConnection, *, utf8: bool = True) -> Opened:
        """Look at the file: its columns and how to read it; nothing is read into tables."""
        suffix = self.source.path.suffix.lower()
        if self.source.path.is_file() and self.source.path.stat().st_size == 0:
            raise empty_file(self.source.path)
        try:
            if suffix in (".parquet", ".pq"):
                opened = self._open_parquet(con)
            elif suffix in (".xlsx", ".xlsm"):
                data, lines, sheet, sheets = _read_xlsx(self.source.path, self.source.sheet)
                opened = self._open_arrow(con, data, lines)
                opened.sheet, opened.sheets = sheet, sheets
            elif suffix == ".json":
                opened = self._open_arrow(con, self.read_json(), None)
            else:
                opened = self._open_csv(con, utf8=utf8)
        except HitexError:
            raise  # already one sentence about the file or the option (an unknown sheet)
        except duckdb.OutOfMemoryException:
            raise  # the machine's limit, not the file's fault: the load's budget says so
        except (duckdb.Error, OSError, UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
            detail = _first_line(exc)
            raise self.bad_file(
                f"cannot be read as {self.name} data ({detail})",
                ru=f"не читается как данные формата {self.name} (сообщение при чтении: «{detail}»)",
            ) from exc
        if not opened.empty:
            self._require(opened.columns)
        self.opened = opened
        return opened

    def read_json(self) -> pa.Table:
        """Read a JSON file of records (a list, or an object with a ``data`` list)."""
        raise self.bad_file(
            f"JSON is not a {self.name} file type; give CSV, Parquet or XLSX",
            ru=f"в формате {self.name} не бывает JSON; дайте CSV, Parquet или XLSX",
        )

    def _open_csv(self, con: duckdb.DuckDBPyConnection, *, utf8: bool) -> Opened:
        path = self.source.path
        copy = None
        encoding = self.source.encoding or (None if utf8 else detect_encoding(path))
        if encoding:
            copy = _transcode(path, encoding)
            path = copy
        delimiter = _delimiter(path)
        options = f"header = true, delim = {lit(delimiter)}, quote = '\"', escape = '\"'"
        # The header alone: a small buffer (DuckDB's default is 32 MB) reads no more than it needs.
        described = f"DESCRIBE SELECT * FROM read_csv({lit(path)}, {options}, all_varchar = true, "  # noqa: S608
        sniff = f"ignore_errors = true, buffer_size = {SNIFF_BUFFER})"
        header = con.execute(described + sniff).fetchall()
        columns = {str(h[0]).lower(): str(h[0]) for h in header}
        typed = self._typed(columns)
        if typed:
            given = ", ".join(f"{lit(columns[c])}: {lit(t)}" for c, t in typed.items())
            options += f", types = {{{given}}}"
        else:
            options += ", all_varchar = true"
        relation = (
            f"read_csv({lit(path)}, {options}, store_rejects = true, "
            "rejects_table = 'raw_errors__', rejects_scan = 'raw_scans__')"
        )
        return Opened(
            relation,
            columns,
            decimal_comma=delimiter == ";",
            delimiter=delimiter,
            csv=True,
            typed=typed,
            copy=copy,
            encoding=encoding,
        )

    def _typed(self, columns: Mapping[str, str]) -> dict[str, str]:
        """Columns read as numbers: the format's own, unless the user mapped columns."""
        if self.source.columns or not self.csv_types:
            return {}
        if not all(c in columns for c in self.csv_types):
            return {}
        return dict(self.csv_types)

    def _open_parquet(self, con: duckdb.DuckDBPyConnection) -> Opened:
        relation = f"read_parquet({lit(self.source.path)})"
        described = con.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()  # noqa: S608
        return Opened(relation, {str(c[0]).lower(): str(c[0]) for c in described})

    def _open_arrow(
        self, con: duckdb.DuckDBPyConnection, data: pa.Table, lines: Sequence[int] | None
    ) -> Opened:
        if data.num_rows == 0:
            # A valid empty answer ("count": 0) holds no records and maybe no columns.
            return Opened("", {}, empty=True)
        con.register("arrow_raw__", data)
        columns = {n.lower(): n for n in data.column_names}
        return Opened("arrow_raw__", columns, lines=lines, empty=data.num_rows == 0)

    def _require(self, present: Mapping[str, str]) -> None:
        for user, source_column in self.source.columns.items():
            if source_column.lower() not in present:
                raise self.bad_file(
                    f"has no column {source_column!r} for --column {user}={source_column} "
                    f"(columns found: {', '.join(present.values()) or 'none'})",
                    column=source_column,
                    ru=f"нет столбца {source_column!r} для --column {user}={source_column} "
                    f"({_found_ru(present)})",
                )
        missing = self.missing(present)
        if missing:
            # hitex's field names, as --column takes them (value_usd, not a format's column).
            names = [repr(_USER_NAME.get(f, f)) for f in missing]
            found = ", ".join(present.values()) or "none"
            plural = "column" if len(names) == 1 else "columns"
            alike = [
                f"{_USER_NAME.get(f, f)}: {', '.join(repr(c) for c in cs)}"
                for f in missing
                if (cs := _look_alike(f, self.columns.get(f, ()), present.values()))
            ]
            hint = f"; columns that look like them: {'; '.join(alike)}" if alike else ""
            alike_ru = [
                f"{_USER_NAME.get(f, f)!r}: {', '.join(repr(c) for c in cs)}"
                for f in missing
                if (cs := _look_alike(f, self.columns.get(f, ()), present.values()))
            ]
            hint_ru = f"; похожие на них столбцы — {'; '.join(alike_ru)}" if alike_ru else ""
            raise self.bad_file(
                f"has no {plural} {', '.join(names)} (columns found: {found}){hint}; map yours "
                "with --column FIELD=SOURCE or give one value with --set FIELD=VALUE",
                column=names[0].strip("'"),
                ru=f"нет {'столбца' if len(names) == 1 else 'столбцов'} {', '.join(names)} "
                f"({_found_ru(present)}){hint_ru}; сопоставьте свои столбцы через --column "
                "ПОЛЕ=СТОЛБЕЦ или задайте одно значение через --set ПОЛЕ=ЗНАЧЕНИЕ",
            )

    def missing(self, present: Mapping[str, str]) -> list[str]:
        """The fields a record needs that neither the file's columns nor the options give.

        ``present``: the file's columns, lower case -> as written.
        """
        return [
            f for f in FIELDS if f not in OPTIONAL and self._column_for(f, present) is None
            and f not in self.source.constants and f not in self.fixed
            and not self._computed(f, present)
        ]  # fmt: skip

    def known_columns(self, present: Mapping[str, str]) -> int:
        """How many of the file's columns this format reads (a field's first found counts)."""
        return sum(self._column_for(f, present) is not None for f in FIELDS)

    def value_name(self) -> str:
        """The name of the value column in this format (for messages)."""
        return self.columns.get("value", ("value_usd",))[0]

    def _computed(self, name: str, present: Mapping[str, str]) -> bool:
        """Whether the format computes ``name`` from other columns that are present."""
        return False

    def bad_file(
        self, what: str, *, column: str | None = None, ru: str | None = None
    ) -> BadFileError:
        """Return the error for a file that cannot be loaded at all (``ru``: in Russian)."""
        file = self.source.path.name
        return BadFileError(f"{file} {what}.", file=file, column=column,
                            ru=None if ru is None else f"{file}: {ru}.")  # fmt: skip

    # -- mapping to the standard fields ---------------------------------------------------
    def _column_for(self, name: str, present: Mapping[str, str]) -> str | None:
        """The file's column holding field ``name``: the user's mapping, else the format's."""
        for user, source_column in self.source.columns.items():
            if USER_FIELDS.get(user) == name:
                return present.get(source_column.lower())
        for candidate in self.columns.get(name, ()):
            if candidate in present:
                return present[candidate]
        return None

    def col(self, name: str, ref: Ref) -> str:
        """SQL for field ``name``'s raw column (``NULL`` when the file has none)."""
        assert self.opened is not None
        column = self._column_for(name, self.opened.columns)
        return ref(column) if column is not None else "NULL"

    def raw(self, column: str, ref: Ref) -> str:
        """SQL for the file's column ``column`` by its format name (``NULL`` when absent)."""
        assert self.opened is not None
        real = self.opened.columns.get(column.lower())
        return ref(real) if real is not None else "NULL"

    def fields(self, ref: Ref) -> dict[str, str]:
        """Field -> SQL over the raw columns (referenced through ``ref``)."""
        out = {name: self.col(name, ref) for name in FIELDS}
        out["classification"] = self.classification_sql(ref)
        for name, value in self.fixed.items():
            out[name] = lit(value)
        return out

    def mapped(self, ref: Ref) -> dict[str, str]:
        """:meth:`fields` with the user's ``--set`` constants applied."""
        out = self.fields(ref)
        for user, value in self.source.constants.items():
            out[USER_FIELDS[user]] = lit(value)
        return out

    def format_reasons(self, ref: Ref) -> Sequence[FormatReason | tuple[str, str]]:
        """Format-specific refusals (or pairs of SQL condition over raw columns, SQL reason)."""
        return []

    def classification_sql(self, ref: Ref) -> str:
        """The file's ``classification`` column where given and not empty, else the option."""
        column = self.col("classification", ref)
        default = lit(self.source.classification)
        if column == "NULL":
            return default
        return f"coalesce(nullif(trim(CAST({column} AS VARCHAR)), ''), {default})"


def _found_ru(present: Mapping[str, str]) -> str:
    """``найдены столбцы: hs6, value`` (or that the file has none), for a Russian error."""
    found = ", ".join(repr(c) for c in present.values())
    return f"найдены столбцы: {found}" if found else "столбцов в файле нет"


#: The name users give each field in --column (the flows format's column names).
_USER_NAME = {"value": "value_usd"}

#: Words that columns holding a field often contain, beside the field's own name.
_HINTS: Mapping[str, tuple[str, ...]] = {
    "year": ("year", "period", "yr", "time"),
    "month": ("month",),
    "reporter": ("reporter", "exporter", "origin", "country", "declarant"),
    "partner": ("partner", "importer", "destination", "counterpart"),
    "flow": ("flow", "direction", "regime"),
    "product": ("product", "commodity", "cmd", "hs", "code", "sitc", "item"),
    "value": ("value", "usd", "us$", "dollar", "amount"),
    "quantity": ("quantity", "qty", "weight", "kg", "netwgt"),
}


def _look_alike(field: str, known: Sequence[str], columns: Iterable[str]) -> list[str]:
    """The file's columns whose names look like ``field`` (its words, or close spellings)."""
    words = (*_HINTS.get(field, (field,)), *known)
    found = [c for c in columns if any(w in c.lower() for w in words)]
    rest = [c for c in columns if c not in found]
    # ``columns`` differ by more than case (a file's, keyed lower-cased): a match is one column.
    close = close_matches(field, rest, n=2, cutoff=0.7)
    found += [c for c in rest if c in close]
    return found[:4]


def not_a_file(path: Path) -> BadFileError:
    """The error for a path a load was given that is no file (with a format or without)."""
    return BadFileError(f"{path} does not exist or is not a file.", file=str(path),
                        ru=f"{path}: такого файла нет (или это не файл).")  # fmt: skip


def empty_file(path: Path) -> BadFileError:
    """The error for an empty file (with a format or without)."""
    return BadFileError(
        f"{path.name} is empty: it has no header and no records.",
        file=path.name,
        ru=f"{path.name}: файл пуст: в нём нет ни заголовка, ни записей.",
    )


def readers() -> dict[str, type[Reader]]:
    """The readers registered under the ``hitex.readers`` entry point group, by name."""
    found = {ep.name: ep.load() for ep in entry_points(group="hitex.readers")}
    return dict(sorted(found.items()))


def reader_for(fmt: str, source: Source) -> Reader:
    """Return the reader for format ``fmt``, or raise with the closest known format."""
    known = readers()
    if fmt not in known:
        raise UnknownCodeError.new("format", fmt, known)
    _check_options(source)
    return known[fmt](source)


def _check_options(source: Source) -> None:
    for user in [*source.columns, *source.constants]:
        if user not in USER_FIELDS:
            raise UnknownCodeError.new("field", user, list(USER_FIELDS))


def _read_xlsx(path: Path, sheet: str | None = None) -> tuple[pa.Table, list[int], str, list[str]]:
    """A sheet (the first, or ``sheet``) as text columns, with each record's row number.

    Also returns the sheet's name and the names of every sheet of the workbook.
    """
    import zipfile  # noqa: PLC0415

    import openpyxl  # noqa: PLC0415 - imported only for the rare Excel file
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, InvalidFileException) as exc:
        # A file named .xlsx that is not a workbook (a CSV renamed, a broken download).
        raise ValueError(f"not an Excel workbook: {exc}") from None
    names = list(book.sheetnames)
    if sheet is None:
        chosen = book.worksheets[0]
    elif sheet in names:
        chosen = book[sheet]
    else:
        book.close()
        raise UnknownCodeError.new(f"sheet of {path.name}", sheet, names)
    rows = chosen.iter_rows(values_only=True)
    header = [str(h).strip() for h in next(rows, ()) if h is not None]
    columns: list[list[str | None]] = [[] for _ in header]
    lines: list[int] = []
    for number, values in enumerate(rows, start=2):
        if all(v is None for v in values):
            continue
        lines.append(number)
        for i in range(len(header)):
            v = values[i] if i < len(values) else None
            columns[i].append(None if v is None else _cell_text(v))
    title = str(chosen.title)
    book.close()
    data = pa.table({h: pa.array(c, pa.string()) for h, c in zip(header, columns, strict=True)})
    return data, lines, title, names


def _cell_text(value: object) -> str:
    # Excel stores 2020 as 2020.0 when the column is numeric; a code keeps its digits.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def json_records(path: Path, key: str = "data") -> pa.Table:
    """Read a JSON list of records (or an object whose ``key`` holds one) as text columns."""
    with path.open(encoding="utf-8-sig") as f:
        doc = json.load(f)
    records: Sequence[Mapping[str, object]] = doc.get(key) or [] if isinstance(doc, dict) else doc
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ValueError(f"no list of records under {key!r}")
    names: dict[str, None] = {}
    for rec in records:
        names.update(dict.fromkeys(rec))
    cols = {n: [_json_text(r.get(n)) for r in records] for n in names}
    return pa.table({n: pa.array(v, pa.string()) for n, v in cols.items()})


def _json_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _delimiter(path: Path) -> str:
    """The delimiter of the header line: ``;`` or tab where they split it, else ``,``."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as f:
        header = f.readline()
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def detect_encoding(path: Path) -> str:
    """The encoding of a file that is not UTF-8, judged from its bytes: ``cp1252`` or ``cp1251``.

    Only lines holding a byte above 127 tell anything, so the judge (charset-normalizer) sees
    those lines from the file's head and from blocks spread across it, :data:`SAMPLE` bytes at
    most: a large file is not read whole a second time.
    """
    size = path.stat().st_size
    lines: list[bytes] = []
    taken = 0
    with path.open("rb") as f:
        starts = [0] if size <= SAMPLE else range(0, size, max(size // 16, 1))
        for start in starts:
            f.seek(start)
            block = f.read(SAMPLE // 16 if start else HEAD)
            for line in block.split(b"\n")[1 if start else 0 :]:
                if not line.isascii():
                    lines.append(line)
                    taken += len(line)
            if taken >= SAMPLE:
                break
    sample = b"\n".join(lines)[:SAMPLE]
    judged = judge_encoding(sample)
    if judged is None:
        # Neither reads as text: a guess would store mojibake.
        raise BadFileError(
            f"{path.name} is not UTF-8 and reads as neither Windows-1252 nor Windows-1251 "
            "text; give its encoding with --encoding.",
            file=path.name,
            ru=f"{path.name}: текст не в UTF-8 и не читается ни как Windows-1252, ни как "
            "Windows-1251; укажите кодировку через --encoding.",
        )
    return judged


def judge_encoding(sample: bytes, encodings: Sequence[str] = ENCODINGS) -> str | None:
    """Which of ``encodings`` the bytes read as (charset-normalizer), or None if none does.

    Bytes that are all ASCII read as the first.
    """
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only for files not in UTF-8

    if sample.isascii():
        return encodings[0]
    best = from_bytes(sample, cp_isolation=list(encodings)).best()
    if best is None:
        return None
    name = best.encoding
    return {"windows_1252": "cp1252", "windows_1251": "cp1251"}.get(name, name)


def _transcode(path: Path, encoding: str) -> Path:
    """Write a UTF-8 copy of ``path`` (read as ``encoding``), block by block."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise BadFileError(
            f"Unknown encoding {encoding!r}.", file=path.name,
            ru=f"Неизвестная кодировка {encoding!r} (файл {path.name}).",
        ) from None  # fmt: skip
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - removed by the store after the load
        "w", encoding="utf-8", suffix=".csv", prefix="hitex-", delete=False, newline=""
    )
    with handle as out, path.open(encoding=encoding, newline="") as f:
        for block in iter(lambda: f.read(1 << 20), ""):
            out.write(block)
    return Path(handle.name)


def _first_line(exc: Exception) -> str:
    return re.sub(r"\s+", " ", str(exc).strip().splitlines()[0])[:200]


__all__ = [
    "FIELDS",
    "USER_FIELDS",
    "Fingerprint",
    "FormatReason",
    "Opened",
    "Reader",
    "Source",
    "fingerprint",
    "ident",
    "json_records",
    "reader_for",
    "readers",
]
