"""Loads with and without the ``firm`` column; the key includes it; earlier warehouses gain it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

import hitex
from tests.firms.conftest import DATA


def _rows(session: hitex.Session) -> list[tuple]:
    frame = session.warehouse.sql(
        "SELECT partner, product, firm, value_usd FROM flows ORDER BY partner, firm NULLS FIRST"
    )
    return [tuple(None if pd.isna(v) else v for v in r) for r in frame.itertuples(index=False)]


def test_firm_is_kept_and_records_are_summed_per_firm_only(session: hitex.Session):
    [result] = session.load([DATA / "flows.csv"], format="flows")
    raw = pd.read_csv(DATA / "flows.csv", dtype={"product": str})
    keys = ["year", "partner", "flow", "product", "firm"]
    want = raw.groupby(keys, as_index=False)["value_usd"].sum()
    assert (result.rows_read, result.rows_loaded) == (len(raw), len(raw))
    assert result.rows_merged == len(raw) - len(want) == 1  # A's two CHN lines of 2019
    got = session.warehouse.sql(f"SELECT {', '.join(keys)}, value_usd FROM flows ORDER BY ALL")
    pd.testing.assert_frame_equal(
        got.astype({"year": int}),
        want.sort_values(keys).reset_index(drop=True),
        check_dtype=False,
    )


def test_same_key_of_two_firms_is_two_records(session: hitex.Session, tmp_path: Path):
    path = tmp_path / "two.csv"
    path.write_text(
        "year,reporter,partner,flow,product,value_usd,firm\n"
        "2020,RU-MOW,CHN,export,854231,10,A\n2020,RU-MOW,CHN,export,854231,5,B\n"
        "2020,RU-MOW,CHN,export,854231,1,A\n2020,RU-MOW,CHN,export,854231,2,\n",
        "utf-8",
    )
    session.load([path], format="flows")
    assert _rows(session) == [
        ("CHN", "854231", None, 2.0), ("CHN", "854231", "A", 11.0), ("CHN", "854231", "B", 5.0),
    ]  # fmt: skip


def test_a_file_without_firm_loads_as_before(session: hitex.Session, tmp_path: Path):
    path = tmp_path / "plain.csv"
    path.write_text(
        "year,reporter,partner,flow,product,value_usd\n"
        "2020,RU-MOW,CHN,export,854231,10\n2020,RU-MOW,CHN,export,854231,5\n",
        "utf-8",
    )
    [result] = session.load([path], format="flows")
    assert (result.rows_loaded, result.rows_merged) == (2, 1)
    assert _rows(session) == [("CHN", "854231", None, 15.0)]


def test_a_firm_column_under_another_name(session: hitex.Session, tmp_path: Path):
    path = tmp_path / "inn.csv"
    path.write_text(
        "year,reporter,partner,flow,product,value_usd,inn\n2020,RU-MOW,CHN,export,854231,3,7701\n",
        "utf-8",
    )
    session.load([path], format="flows", columns={"firm": "inn"})
    assert _rows(session) == [("CHN", "854231", "7701", 3.0)]


def test_a_revision_replaces_one_firms_record_only(session: hitex.Session, tmp_path: Path):
    first = tmp_path / "a.csv"
    first.write_text(
        "year,reporter,partner,flow,product,value_usd,firm\n"
        "2020,RU-MOW,CHN,export,854231,10,A\n2020,RU-MOW,CHN,export,854231,5,B\n",
        "utf-8",
    )
    second = tmp_path / "b.csv"
    second.write_text(
        "year,reporter,partner,flow,product,value_usd,firm\n2020,RU-MOW,CHN,export,854231,7,A\n",
        "utf-8",
    )
    session.load([first], format="flows")
    [revised] = session.load([second], format="flows", revise=True)
    assert revised.rows_revised == 1
    assert _rows(session) == [("CHN", "854231", "A", 7.0), ("CHN", "854231", "B", 5.0)]
    session.remove(revised.id)
    assert _rows(session) == [("CHN", "854231", "A", 10.0), ("CHN", "854231", "B", 5.0)]


def test_a_warehouse_of_earlier_hitex_gains_the_column(tmp_path: Path):
    path = tmp_path / "old.duckdb"
    with hitex.open(path) as s:
        s.load([DATA / "flows.csv"], format="flows")
    con = duckdb.connect(str(path))
    # Record files of hitex before enterprises: the same rows, no firm column.
    for (relative,) in con.execute("SELECT path FROM record_files").fetchall():
        file = tmp_path / "old.duckdb.data" / relative
        con.execute(
            f"COPY (SELECT * EXCLUDE (firm) FROM read_parquet('{file}')) TO '{file}.new' "
            "(FORMAT parquet)"
        )
        Path(f"{file}.new").replace(file)
        names = {r[0] for r in con.execute(f"SELECT name FROM parquet_schema('{file}')").fetchall()}
        assert "firm" not in names
    for table in ("revisions", "unallocated"):
        con.execute(f"ALTER TABLE {table} DROP COLUMN firm")
    con.execute("DROP TABLE firms")
    con.execute("DROP TABLE firm_members")
    con.close()
    with hitex.open(path) as s:
        held = s.warehouse.sql("SELECT count(*) AS n, count(firm) AS f FROM flows")
        assert (held["n"].item(), held["f"].item()) == (15, 0)
        t = s.table(reporter="RU-MOW", year=2020)
        assert "suppressed" not in t.columns
        s.remove(1)
        s.load([DATA / "flows.csv"], format="flows")
        assert s.warehouse.sql("SELECT count(firm) AS f FROM flows")["f"].item() == 15
