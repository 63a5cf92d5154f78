"""``hitex load --engine pyspark``: Spark reads the file, the catalog commits; both engines agree.

A file loaded by Spark and the same file loaded by DuckDB give the same records, the same
figures (by partner, by product, the total) and the same rejects, line for line; the figures
are also those pandas computes from the raw file. A reload is recognised, a revision replaces
the same records, and a load that fails changes nothing.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import hitex
from hitex.cli import app
from hitex.reference._files import data_path
from hitex.store.warehouse import Warehouse

pytestmark = [pytest.mark.spark, pytest.mark.xdist_group("spark")]

FIXTURES = Path(__file__).parents[1] / "fixtures"
BACI = FIXTURES / "baci" / "BACI_HS92_two_exporters_2020_2021.csv"
COMTRADE = FIXTURES / "comtrade" / "chn_imports_usa_8542_2010_2024.csv"
#: BACI's country codes in the fixtures (BACI's own: 699 India, 842 USA), by hand.
BACI_ISO = {4: "AFG", 156: "CHN", 276: "DEU", 699: "IND", 710: "ZAF", 826: "GBR", 842: "USA"}

#: Good records, then one bad record of each kind (line: code, field), and a malformed line.
BAD_LINES = [
    ("2021,710,156,847120,1000.5,1.2", None),
    ("2021,710,999,300490,200.25,2.5", ("unknown_country", "partner")),
    ("20x1,710,842,271000,50,3", ("not_a_year", "year")),
    ("2021,710,842,851790,-10,", ("negative", "value_usd")),
    ("2021,710,842,ABC,3,0.4", ("not_a_code", "product")),
    ("2021,156,710,847120,7,zz", ("not_a_number", "quantity")),
    ("2021,156,710,847120", ("malformed", None)),
    ("2021,abc,710,847121,7,1", ("malformed", None)),
    ("2021,156,842,847130,,1", ("empty", "value_usd")),
    ("2021,842,156,300490,12.5,1", None),
]


def bad_baci(folder: Path) -> Path:
    path = folder / "BACI_HS92_Y2021_bad.csv"
    path.write_text("t,i,j,k,v,q\n" + "".join(f"{line}\n" for line, _ in BAD_LINES))
    return path


def warehouses(folder: Path, spark, files: list[Path], fmt: str, **options):
    """The same files loaded by DuckDB and by Spark, each into a warehouse of its own."""
    duck = hitex.open(folder / "duck.duckdb")
    on_spark = hitex.open(folder / "spark.duckdb", spark=spark)
    for s in (duck, on_spark):
        s.load(files, format=fmt, **options)
    return duck, on_spark


RECORDS = "SELECT * EXCLUDE (load_id) FROM flows ORDER BY ALL"
REJECTS = "SELECT line, record, reason, code, field, value FROM rejects ORDER BY line"
COUNTS = "SELECT file, status, rows_read, rows_loaded, rows_rejected, rows_merged FROM loads"


def same(duck: hitex.Session, on_spark: hitex.Session, query: str) -> pd.DataFrame:
    a, b = duck.warehouse.sql(query), on_spark.warehouse.sql(query)
    pd.testing.assert_frame_equal(a, b)
    return a


def raw_baci(path: Path) -> pd.DataFrame:
    """The BACI file read by pandas, the oracle of the figures (value in US$)."""
    raw = pd.read_csv(path, dtype={"k": str})
    return raw.assign(usd=raw["v"] * 1000, reporter=raw["i"].map(BACI_ISO),
                      partner=raw["j"].map(BACI_ISO))  # fmt: skip


def test_baci_figures_are_the_same_on_both_engines_and_the_raw_files(tmp_path, spark):
    duck, on_spark = warehouses(tmp_path, spark, [BACI], "baci")
    with duck, on_spark:
        same(duck, on_spark, RECORDS)
        counts = same(duck, on_spark, COUNTS)
        # A Spark load writes the rollups a DuckDB load writes, so the planner can answer from them.
        for kind in ("partners", "products"):
            rollup = same(duck, on_spark, f"SELECT * FROM rollup_{kind} ORDER BY ALL")
            assert len(rollup) > 0
        raw = raw_baci(BACI)
        assert counts["rows_loaded"].tolist() == [len(raw)]
        for year in (2020, 2021):
            mine = raw[(raw["t"] == year) & (raw["reporter"] == "ZAF")]
            tables = [s.table(reporter="ZAF", year=year, by=["partner"]) for s in (duck, on_spark)]
            pd.testing.assert_frame_equal(*tables)
            got = dict(zip(tables[1]["partner"], tables[1]["value_usd"], strict=True))
            want = mine.groupby("partner")["usd"].sum().to_dict()
            assert got == pytest.approx(want)
            products = [
                s.table(reporter="ZAF", year=year, by=["product"]) for s in (duck, on_spark)
            ]
            pd.testing.assert_frame_equal(*products)
            got = dict(zip(products[1]["product"], products[1]["value_usd"], strict=True))
            assert got == pytest.approx(mine.groupby("k")["usd"].sum().to_dict())
            totals = [s.table(reporter="ZAF", year=year) for s in (duck, on_spark)]
            pd.testing.assert_frame_equal(*totals)
            assert totals[1]["value_usd"].iloc[0] == pytest.approx(mine["usd"].sum())


def test_bad_records_are_rejected_the_same_way(tmp_path, spark):
    path = bad_baci(tmp_path)
    duck, on_spark = warehouses(tmp_path, spark, [path], "baci")
    with duck, on_spark:
        rejects = same(duck, on_spark, REJECTS)
        same(duck, on_spark, RECORDS)
        counts = same(duck, on_spark, COUNTS)
        # By hand: line n+2 holds BAD_LINES[n] (line 1 is the header).
        want = [(n + 2, *bad) for n, (_, bad) in enumerate(BAD_LINES) if bad is not None]
        got = list(rejects[["line", "code", "field"]].itertuples(index=False, name=None))
        assert [
            (line, code, None if pd.isna(field) else field) for line, code, field in got
        ] == want
        assert counts["rows_rejected"].tolist() == [len(want)]
        assert counts["rows_loaded"].tolist() == [len(BAD_LINES) - len(want)]
        assert rejects.loc[rejects["code"] == "malformed", "record"].tolist() == [
            "2021,156,710,847120", "2021,abc,710,847121,7,1"
        ]  # fmt: skip


def test_comtrade_figures_and_rejects_are_the_same(tmp_path, spark):
    duck, on_spark = warehouses(tmp_path, spark, [COMTRADE], "comtrade")
    with duck, on_spark:
        same(duck, on_spark, RECORDS)
        rejects = same(duck, on_spark, REJECTS)
        same(duck, on_spark, COUNTS)
        raw = pd.read_csv(COMTRADE, dtype=str)
        # Only totals over the breakdowns load (partner2Code 0, customs C00, modes 0).
        total = raw[(raw["partner2Code"] == "0") & (raw["customsCode"] == "C00")
                    & (raw["motCode"].str.strip() == "0") & (raw["mosCode"].str.strip() == "0")]  # fmt: skip
        assert len(rejects) == len(raw) - len(total)
        for year in (2010, 2020):
            values = [s.table(reporter="CHN", flow="import", year=year, by=["partner"])
                      for s in (duck, on_spark)]  # fmt: skip
            pd.testing.assert_frame_equal(*values)
            want = total.loc[total["refYear"] == str(year), "primaryValue"].astype(float).sum()
            assert values[1]["value_usd"].sum() == pytest.approx(want)


def test_services_codes_load_or_are_refused_the_same_way(tmp_path, spark):
    """Every code of Comtrade's EB02 list: the services codes table is joined on both engines."""
    with data_path("ebops", "comtrade_services_codes.csv").open(encoding="utf-8") as f:
        codes = [c for c in csv.DictReader(f) if c["list"] == "EB02"]
    keys = ("refYear", "reporterCode", "partnerCode", "flowCode", "classificationCode",
            "cmdCode", "primaryValue")  # fmt: skip
    # One record per code, each in a year of its own so that no code is beside another.
    data = [dict(zip(keys, (1900 + i, 643, 0, "X", "EB02", c["code"], 1.0), strict=True))
            for i, c in enumerate(codes)]  # fmt: skip
    path = tmp_path / "eb02.json"
    path.write_text(json.dumps({"count": len(data), "data": data}))
    duck, on_spark = warehouses(tmp_path, spark, [path], "comtrade")
    with duck, on_spark:
        records = same(duck, on_spark, RECORDS)
        rejects = same(duck, on_spark, REJECTS)
        same(duck, on_spark, COUNTS)
        # By the code list: a code with an EBOPS 2010 code loads as it, any other is refused.
        loads = {int(1900 + i): c["ebops2010"] for i, c in enumerate(codes) if c["ebops2010"]}
        assert dict(zip(records["year"], records["product"], strict=True)) == loads
        refused = sorted(c["code"].upper() for c in codes if not c["ebops2010"])
        assert sorted(rejects["value"].str.upper()) == refused
        assert set(rejects["code"]) == {"services_item"}


def test_checks_across_records_refuse_the_same_records(tmp_path, spark):
    """Keys an earlier load holds and codes beside their finer codes: decided on the staged files."""
    lines = BACI.read_text().splitlines()
    later = tmp_path / "later" / "BACI_HS92_later.csv"
    later.parent.mkdir()
    # Two records of the first file again (duplicates), and one of a new key.
    later.write_text("\n".join([lines[0], lines[1], "2021,710,842,999999,1,1", lines[3]]) + "\n")
    keys = ("refYear", "reporterCode", "partnerCode", "flowCode", "classificationCode",
            "cmdCode", "primaryValue")  # fmt: skip
    # A chapter beside one of its headings (same reporter, partner, flow, year), and a chapter
    # alone.
    data = [dict(zip(keys, r, strict=True)) for r in [
        (2020, 156, 842, "M", "H5", "85", 10.0), (2020, 156, 842, "M", "H5", "8542", 4.0),
        (2020, 156, 842, "M", "H5", "30", 2.0)]]  # fmt: skip
    nested = tmp_path / "nested.json"
    nested.write_text(json.dumps({"count": len(data), "data": data}))
    duck, on_spark = warehouses(tmp_path, spark, [BACI], "baci")
    with duck, on_spark:
        for s in (duck, on_spark):
            s.load([later], format="baci")
            s.load([nested], format="comtrade")
        rejects = same(duck, on_spark, REJECTS + ", code")
        same(duck, on_spark, RECORDS)
        same(duck, on_spark, COUNTS)
        # By hand: lines 2 and 4 of the later file repeat lines 2 and 4 of the first file
        # (load 1); the chapter 85 (line 2 of the answer's records) has its heading beside it.
        got = list(rejects[["line", "code", "value"]].itertuples(index=False, name=None))
        assert sorted(got) == [(2, "aggregate_code", "85"), (2, "duplicate", "1"),
                               (4, "duplicate", "1")]  # fmt: skip


def test_a_reload_is_recognised_and_a_revision_replaces(tmp_path, spark):
    first = tmp_path / "first" / BACI.name
    first.parent.mkdir()
    shutil.copyfile(BACI, first)
    revised = tmp_path / "revised" / BACI.name
    revised.parent.mkdir()
    lines = BACI.read_text().splitlines()
    # The first record's value changes; a record of a new key is added.
    head = lines[1].split(",")
    lines[1] = ",".join([*head[:4], "9000000", head[5]])
    revised.write_text("\n".join([*lines, "2021,710,842,999999,1,1"]) + "\n")
    duck, on_spark = warehouses(tmp_path, spark, [first], "baci")
    with duck, on_spark:
        again = on_spark.load([first], format="baci")
        assert again[0].status == "skipped"
        for s in (duck, on_spark):
            s.load([revised], format="baci", revise=True)
        same(duck, on_spark, RECORDS)
        same(duck, on_spark, REJECTS)
        counts = same(duck, on_spark, "SELECT status, rows_revised, rows_loaded FROM loads "
                                      "WHERE file = 'BACI_HS92_two_exporters_2020_2021.csv' "
                                      "AND status <> 'skipped' ORDER BY id")  # fmt: skip
        assert counts["rows_revised"].tolist() == [0, len(lines) - 1]
        value = on_spark.warehouse.sql(
            f"SELECT value_usd FROM flows WHERE year = {head[0]} AND reporter = 'ZAF' "
            f"AND partner = '{BACI_ISO[int(head[2])]}' AND product = '{head[3]}'"
        )["value_usd"].tolist()
        assert value == [9000000 * 1000]


def test_records_of_each_year_go_to_that_years_files_and_the_session_keeps_its_settings(
    tmp_path, spark
):
    """The load writes each task's rows unsorted, a file per (classification, year) open at once.

    The settings it uses for that are its own: the session passed in keeps its own.
    """
    from hitex.store.sparkload import WRITE_SETTINGS  # noqa: PLC0415 - pyspark is an extra

    spark.conf.set("spark.sql.maxConcurrentOutputFileWriters", "3")
    try:
        before = {key: spark.conf.get(key, None) for key in WRITE_SETTINGS}
        assert before != WRITE_SETTINGS
        with hitex.open(tmp_path / "w.duckdb", spark=spark) as s:
            s.load([BACI], format="baci")
            files = s.warehouse.sql(
                "SELECT year, sum(records) AS records FROM record_files GROUP BY year ORDER BY year"
            )
        assert {key: spark.conf.get(key, None) for key in WRITE_SETTINGS} == before
    finally:
        spark.conf.unset("spark.sql.maxConcurrentOutputFileWriters")
    raw = raw_baci(BACI).groupby("t").size()
    assert files["year"].tolist() == raw.index.tolist()
    assert files["records"].tolist() == raw.tolist()


def test_a_failed_load_changes_nothing(tmp_path, spark):
    db = tmp_path / "w.duckdb"
    with hitex.open(db, spark=spark) as s:
        s.load([BACI], format="baci")
        before = s.warehouse.sql("SELECT path FROM record_files ORDER BY path")
        root = Path(s.warehouse.data_root)
        files = sorted(p for p in root.rglob("*") if p.is_file() and "engines" not in p.parts)

        def fail(step: str) -> None:
            if step == "flows":
                raise RuntimeError("stopped after the records were placed")

        with pytest.raises(RuntimeError):
            s.load([bad_baci(tmp_path)], format="baci", progress=fail)
        pd.testing.assert_frame_equal(
            s.warehouse.sql("SELECT path FROM record_files ORDER BY path"), before
        )
        assert s.warehouse.sql("SELECT count(*) AS n FROM rejects")["n"].tolist() == [0]
        assert s.warehouse.sql("SELECT status FROM loads ORDER BY id")["status"].tolist() == [
            "loaded", "failed"
        ]  # fmt: skip
    after = sorted(p for p in root.rglob("*") if p.is_file() and "engines" not in p.parts)
    assert after == files
    with Warehouse(db) as w:
        assert int(w.sql("SELECT count(*) AS n FROM flows")["n"].iloc[0]) == len(raw_baci(BACI))


def test_the_command_line_loads_on_spark(tmp_path, spark):
    db = tmp_path / "w.duckdb"
    path = bad_baci(tmp_path)
    args = ["--db", str(db), "load", str(path), "--format", "baci", "--engine", "pyspark"]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    assert "10 records read, 2 loaded, 8 rejected" in " ".join(done.stderr.split())
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0, again.output
    assert "was loaded as load 1; nothing added" in " ".join(again.stderr.split())


#: Spark's executors read one another's shuffle files over the network, as on separate hosts
#: (tests.engines.test_cluster says why).
CLUSTER_ENV = {"PYSPARK_SUBMIT_ARGS": "--conf spark.shuffle.readHostLocalDisk=false pyspark-shell"}


@pytest.mark.cluster
@pytest.mark.xdist_group("cluster")
def test_loads_on_the_cluster_agree_with_duckdb(cluster, shared_dir):
    """The same loads through the command line on the standalone cluster and on DuckDB."""
    folder = shared_dir / "loads"
    folder.mkdir()
    files = [(bad_baci(folder), "baci"), (shutil.copy(BACI, folder), "baci"),
             (shutil.copy(COMTRADE, folder), "comtrade")]  # fmt: skip
    hitex_cli = Path(sys.executable).parent / "hitex"
    db = folder / "spark.duckdb"
    for path, fmt in files:
        done = subprocess.run(
            [str(hitex_cli), "--db", str(db), "--spark-master", cluster.master, "load",
             str(path), "--format", fmt, "--engine", "pyspark"],
            env={**os.environ, **CLUSTER_ENV}, capture_output=True, text=True, timeout=1200,
            check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-5000:]
    with hitex.open(folder / "duck.duckdb") as duck, hitex.open(db) as on_cluster:
        for path, fmt in files:
            duck.load([path], format=fmt)
        same(duck, on_cluster, RECORDS)
        same(duck, on_cluster, REJECTS)
        same(duck, on_cluster, COUNTS)
        tables = [s.table(reporter="ZAF", year=2021, by=["partner"]) for s in (duck, on_cluster)]
        pd.testing.assert_frame_equal(*tables)
        raw = raw_baci(BACI)
        mine = raw[(raw["t"] == 2021) & (raw["reporter"] == "ZAF")]
        bad = [line.split(",") for line, why in BAD_LINES if why is None]
        want = mine.groupby("partner")["usd"].sum().to_dict()
        for _, i, j, _, v, _ in bad:
            if BACI_ISO[int(i)] == "ZAF":
                want[BACI_ISO[int(j)]] = want.get(BACI_ISO[int(j)], 0) + float(v) * 1000
        got = dict(zip(tables[1]["partner"], tables[1]["value_usd"], strict=True))
        assert got == pytest.approx(want)
    assert "Registering app hitex" in (cluster.dir / "master.log").read_text(errors="replace")
    if cluster.private is None:
        assert "Asked to launch executor" in (cluster.dir / "worker2.log").read_text()
