"""The load plan: one declaration, compiled for DuckDB and for Spark (snapshots of both).

The snapshots under ``snapshots/`` are the SQL each engine runs for a reader; a change in them
is reviewed. ``HITEX_UPDATE_SNAPSHOTS=1`` writes them anew.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

import hitex
from hitex.ingest import Read, Source, prepare_statements, reader_for
from hitex.ingest.check import checked_sql, lookup_tables
from hitex.ingest.plan import plan
from hitex.ingest.sql import ident

FIXTURES = Path(__file__).parents[1] / "fixtures"
SNAPSHOTS = Path(__file__).parent / "snapshots"

#: Reader -> a file of its format.
FILES = {
    "baci": FIXTURES / "baci" / "BACI_HS92_Y2021_extract.csv",
    "comtrade": FIXTURES / "comtrade" / "chn_imports_usa_8542_2010_2024.csv",
}


def _read(relation: str) -> Read:
    return Read(f"{relation} AS {ident('src')}", lambda c: f"{ident('src')}.{ident(c)}", "NULL")


def _opened(fmt: str, con: duckdb.DuckDBPyConnection):
    reader = reader_for(fmt, Source(FILES[fmt]))
    reader.open(con)
    return reader


@pytest.mark.parametrize("dialect", ["duckdb", "spark"])
@pytest.mark.parametrize("fmt", sorted(FILES))
def test_the_plan_matches_its_snapshot(fmt, dialect):
    reader = _opened(fmt, duckdb.connect())
    sql = plan(reader, _read(ident("raw"))).sql(dialect, pretty=True) + "\n"
    path = SNAPSHOTS / f"plan_{fmt}.{dialect}.sql"
    if os.environ.get("HITEX_UPDATE_SNAPSHOTS"):
        path.write_text(sql, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == sql, f"{path.name} changed: review, then update"


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_spark_sql_has_no_duckdb_only_function(fmt):
    reader = _opened(fmt, duckdb.connect())
    sql = plan(reader, _read(ident("raw"))).sql("spark").lower()
    for name in ("regexp_full_match", "isinf", "is_inf", "int128", "hugeint", "struct_pack"):
        assert name not in sql


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_the_duckdb_plan_refuses_what_the_declaration_refuses(fmt):
    """The plan compiled for DuckDB gives, row for row, what the declaration's text gives."""
    with hitex.open(":memory:") as s:
        con = s.warehouse.con
        reader = _opened(fmt, con)
        for name, sql in prepare_statements(reader):
            con.execute(f"CREATE TEMP TABLE {ident(name)} AS {sql}")
        for name, data in lookup_tables().items():
            con.register(name, data)
        relation = reader.opened.relation
        text = checked_sql(reader, _read(relation))
        compiled = plan(reader, _read(relation)).sql("duckdb")
        assert compiled != text  # really compiled from the tree, not the text passed on
        rows = [con.execute(f"SELECT * EXCLUDE (row) FROM ({q}) ORDER BY ALL").fetchall()
                for q in (text, compiled)]  # fmt: skip
        assert rows[0] == rows[1]
        assert len(rows[0]) == sum(1 for _ in FILES[fmt].open()) - 1


@pytest.mark.parametrize("dialect", ["duckdb", "spark"])
def test_compiling_leaves_the_plan_as_it_was(dialect):
    reader = _opened("baci", duckdb.connect())
    compiled = plan(reader, _read(ident("raw")))
    before = compiled.tree.sql("duckdb")
    renamed = {"flow_codes": "flow_codes_enum__"}
    first = compiled.sql(dialect, tables=renamed)
    assert compiled.sql(dialect, tables=renamed) == first
    assert "flow_codes_enum__" in first
    assert compiled.tree.sql("duckdb") == before
    assert compiled.sql(dialect) == plan(reader, _read(ident("raw"))).sql(dialect)
