"""Enterprise registries: which enterprise is which, and the groups it belongs to, year by year.

A registry is a CSV, Excel or YAML file of one row per membership::

    firm,name,group,from_year,to_year,okved,district
    7701000001,Alpha Microelectronics,high-tech,2018,,26.11,Zelenograd
    7701000001,Alpha Microelectronics,export-support,2020,2020,26.11,Zelenograd

- ``firm`` (required): the id the records' ``firm`` column gives (a tax number, INN).
- ``name`` (required): one name per enterprise.
- ``group``: a group the enterprise belongs to (empty: the row only names it);
  ``from_year`` / ``to_year``: the years the membership holds, both included (empty: open).
- Any other column is an attribute of the enterprise (a sector code, a district).

A YAML registry is a list of the same rows (or a mapping with a ``firms`` list). A file is
refused whole, with one sentence naming file, line, column and value, when a year is not a
year, an enterprise has two names, or the same membership is given twice for overlapping
years. Adding a file again replaces what it gave.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from hitex.errors import BadFileError

#: The columns of a registry row hitex reads; any other is an attribute.
COLUMNS = ("firm", "name", "group", "from_year", "to_year")
REQUIRED = ("firm", "name")


@dataclass(frozen=True)
class Row:
    """One row of a registry, with the line it came from."""

    line: int
    values: Mapping[str, str]


@dataclass
class Registry:
    """A registry file read and checked: its enterprises and memberships."""

    file: str
    sha256: str
    rows: int
    #: firm, name, attributes (JSON text), registry.
    firms: pd.DataFrame
    #: firm, group_name, year_from, year_to, registry.
    members: pd.DataFrame
    groups: list[str] = field(default_factory=list)


def read(path: str | Path, *, known: Mapping[str, tuple[str, str]] | None = None) -> Registry:
    """Read and check a registry file; ``known`` is firm -> (name, registry) already stored.

    Raises :class:`~hitex.errors.BadFileError` naming the file, line, column and value.
    """
    path = Path(path)
    if not path.is_file():
        raise BadFileError(f"Registry {path} does not exist.", file=str(path))
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        rows = list(_yaml_rows(path))
    elif suffix in (".xlsx", ".xlsm"):
        rows = list(_xlsx_rows(path))
    else:
        rows = list(_csv_rows(path))
    return check(path.name, rows, hashlib.sha256(data).hexdigest(), known or {})


def check(  # noqa: PLR0912 - one branch per refusal, each with its sentence
    file: str, rows: list[Row], sha256: str, known: Mapping[str, tuple[str, str]]
) -> Registry:
    """The registry of ``rows``, or a :class:`BadFileError` for its first problem."""
    if not rows:
        raise BadFileError(f"{file} holds no enterprises.", file=file)
    names: dict[str, tuple[str, int]] = {}
    attributes: dict[str, dict[str, str]] = {}
    spans: dict[tuple[str, str], list[tuple[int | None, int | None, int]]] = {}
    members = []
    for row in rows:
        v = row.values

        def bad(column: str, what: str, row: Row = row) -> BadFileError:
            value = row.values.get(column, "")
            return BadFileError(
                f"{file} line {row.line}, column {column}: {what}.",
                file=file, line=row.line, column=column, value=value,
            )  # fmt: skip

        for column in REQUIRED:
            if not v.get(column, "").strip():
                raise bad(column, f"the {column} is empty; every row needs one")
        firm, name = v["firm"].strip(), v["name"].strip()
        seen = names.get(firm)
        if seen is not None and seen[0] != name:
            raise bad(
                "name",
                f"enterprise {firm} is named {name!r} here and {seen[0]!r} on line {seen[1]}; "
                "an enterprise has one name",
            )
        before = known.get(firm)
        if before is not None and before[0] != name and before[1] != file:
            raise bad(
                "name",
                f"enterprise {firm} is named {name!r} here and {before[0]!r} in registry "
                f"{before[1]}; an enterprise has one name",
            )
        names.setdefault(firm, (name, row.line))
        attrs = attributes.setdefault(firm, {})
        for key, value in v.items():
            if key not in COLUMNS and str(value).strip():
                attrs.setdefault(key, str(value).strip())
        start = _year(v.get("from_year", ""), lambda what: bad("from_year", what))
        end = _year(v.get("to_year", ""), lambda what: bad("to_year", what))
        if start is not None and end is not None and start > end:
            raise bad("to_year", f"to_year {end} is before from_year {start}")
        group = v.get("group", "").strip()
        if not group:
            if start is not None or end is not None:
                raise bad("group", "years are given but no group they are the years of")
            continue
        for lo, hi, line in spans.get((firm, group.lower()), []):
            if _overlap((lo, hi), (start, end)):
                raise bad(
                    "group",
                    f"enterprise {firm} is in group {group!r} on line {line} for "
                    f"{_span(lo, hi)} already; this row overlaps it ({_span(start, end)})",
                )
        spans.setdefault((firm, group.lower()), []).append((start, end, row.line))
        members.append((firm, group, start, end, file))
    firms = pd.DataFrame(
        [
            (f, n, json.dumps(attributes[f], ensure_ascii=False) if attributes[f] else None, file)
            for f, (n, _) in names.items()
        ],
        columns=["firm", "name", "attributes", "registry"],
    )
    frame = pd.DataFrame(
        members, columns=["firm", "group_name", "year_from", "year_to", "registry"]
    ).astype({"year_from": "Int16", "year_to": "Int16"})
    groups = sorted({m[1] for m in members}, key=str.lower)
    return Registry(file, sha256, len(rows), firms, frame, groups)


def _year(text: object, bad: Any) -> int | None:
    raw = str(text).strip() if text is not None else ""
    if not raw:
        return None
    number = raw[:-2] if raw.endswith(".0") else raw
    if not number.isdigit() or not 1900 <= int(number) <= 2100:
        raise bad(f"{raw!r} is not a year")
    return int(number)


def _overlap(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    lo = max(x for x in (a[0], b[0], -(10**6)) if x is not None)
    hi = min(x for x in (a[1], b[1], 10**6) if x is not None)
    return lo <= hi


def _span(lo: int | None, hi: int | None) -> str:
    if lo is None and hi is None:
        return "every year"
    if lo == hi:
        return str(lo)
    return f"{lo if lo is not None else '...'}-{hi if hi is not None else '...'}"


def _header(names: list[str], file: str) -> list[str]:
    out = [str(n).strip().lower().lstrip("\ufeff") for n in names]
    missing = [c for c in REQUIRED if c not in out]
    if missing:
        raise BadFileError(
            f"{file} line 1: no column {', '.join(repr(c) for c in missing)} (columns found: "
            f"{', '.join(n for n in out if n) or 'none'}); a registry has firm,name,group,"
            "from_year,to_year and any attribute columns.",
            file=file, line=1, column=missing[0],
        )  # fmt: skip
    return out


def _csv_rows(path: Path) -> Iterator[Row]:
    text = path.read_text(encoding="utf-8-sig")
    delimiter = (
        ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    )
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    header = _header(next(reader, []), path.name)
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        yield Row(reader.line_num, dict(zip(header, values, strict=False)))


def _xlsx_rows(path: Path) -> Iterator[Row]:
    import openpyxl  # noqa: PLC0415 - only for Excel registries

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheet = book.worksheets[0]
    cells = sheet.iter_rows(values_only=True)
    header = _header([c if c is not None else "" for c in next(cells, ())], path.name)
    for number, values in enumerate(cells, start=2):
        text = ["" if c is None else _cell(c) for c in values]
        if any(t.strip() for t in text):
            yield Row(number, dict(zip(header, text, strict=False)))
    book.close()


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _yaml_rows(path: Path) -> Iterator[Row]:
    import yaml  # noqa: PLC0415
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode  # noqa: PLC0415

    file = path.name
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise BadFileError(f"{file} line {line}: not YAML ({exc}).", file=file, line=line) from exc
    if isinstance(root, MappingNode):
        found = [v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "firms"]
        root = found[0] if found else None
    if not isinstance(root, SequenceNode):
        raise BadFileError(
            f"{file} line 1: a YAML registry is a list of rows (or 'firms:' and a list).",
            file=file, line=1,
        )  # fmt: skip
    for item in root.value:
        line = item.start_mark.line + 1
        if not isinstance(item, MappingNode):
            raise BadFileError(
                f"{file} line {line}: each row is a mapping of firm, name, group, from_year, "
                "to_year and attributes.",
                file=file, line=line,
            )  # fmt: skip
        values = {
            str(k.value).strip().lower(): ("" if v.value in (None, "~", "null") else str(v.value))
            for k, v in item.value
            if isinstance(k, ScalarNode) and isinstance(v, ScalarNode)
        }
        yield Row(line, values)


# -- the warehouse side ---------------------------------------------------------------------
def known(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """Firm -> (name, registry) of every enterprise stored."""
    return {
        r[0]: (r[1], r[2]) for r in con.execute("SELECT firm, name, registry FROM firms").fetchall()
    }


def store(con: duckdb.DuckDBPyConnection, registry: Registry) -> None:
    """Replace what the registry's file gave with its rows (the caller holds a transaction)."""
    for table in ("firms", "firm_members", "firm_registries"):
        column = "file" if table == "firm_registries" else "registry"
        con.execute(f"DELETE FROM {table} WHERE {column} = ?", [registry.file])  # noqa: S608
    # An enterprise another registry named keeps that registry's row.
    con.register("firms__", registry.firms)
    con.execute(
        "INSERT INTO firms SELECT * FROM firms__ WHERE firm NOT IN (SELECT firm FROM firms)"
    )
    con.unregister("firms__")
    if len(registry.members):
        con.register("members__", registry.members)
        con.execute("INSERT INTO firm_members BY NAME SELECT * FROM members__")
        con.unregister("members__")
    con.execute(
        "INSERT INTO firm_registries VALUES (?, ?, ?, ?)",
        [registry.file, registry.sha256, registry.rows, dt.datetime.now()],
    )


def groups(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Each group: its enterprises (any year), how many have records, and the years."""
    return con.execute(
        """WITH recorded AS (SELECT DISTINCT firm FROM flows WHERE firm IS NOT NULL)
        SELECT m.group_name AS "group", count(DISTINCT m.firm) AS enterprises,
            count(DISTINCT r.firm) AS with_records,
            min(m.year_from) AS from_year, max(m.year_to) AS to_year,
            bool_or(m.year_to IS NULL) AS open_ended
        FROM firm_members m LEFT JOIN recorded r ON r.firm = m.firm
        GROUP BY m.group_name ORDER BY lower(m.group_name)"""
    ).df()


def members(con: duckdb.DuckDBPyConnection, group: str) -> pd.DataFrame:
    """The enterprises of ``group``: id, name, years of membership, years with records."""
    return con.execute(
        """SELECT m.firm, f.name, m.year_from AS from_year, m.year_to AS to_year,
            (SELECT string_agg(DISTINCT CAST(year AS VARCHAR), ',' ORDER BY CAST(year AS VARCHAR))
             FROM flows r WHERE r.firm = m.firm) AS record_years
        FROM firm_members m LEFT JOIN firms f ON f.firm = m.firm
        WHERE lower(m.group_name) = lower(?) ORDER BY f.name, m.firm, m.year_from""",
        [group],
    ).df()


def group_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every group a registry gives."""
    rows = con.execute("SELECT DISTINCT group_name FROM firm_members ORDER BY 1").fetchall()
    return [r[0] for r in rows]


def unregistered(con: duckdb.DuckDBPyConnection) -> int:
    """Enterprises that have records but are in no registry."""
    row = con.execute(
        """SELECT count(DISTINCT firm) FROM flows WHERE firm IS NOT NULL
        AND firm NOT IN (SELECT firm FROM firms)"""
    ).fetchall()
    return int(row[0][0])


def membership_counts(
    con: duckdb.DuckDBPyConnection, group: str, years: list[int]
) -> dict[int, int]:
    """How many enterprises the group has in each of ``years`` (the membership of that year)."""
    out = {}
    for year in years:
        row = con.execute(
            """SELECT count(DISTINCT firm) FROM firm_members WHERE lower(group_name) = lower(?)
            AND (year_from IS NULL OR year_from <= ?) AND (year_to IS NULL OR year_to >= ?)""",
            [group, year, year],
        ).fetchall()
        out[year] = int(row[0][0])
    return out
