"""The records as partitioned Parquet under a data root, made live by commit files.

Expected figures come from the CSV files written here (summed by hand or by DuckDB reading
them), or from reading the Parquet files directly; never from hitex's own views.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import hitex
from hitex.errors import HitexError
from hitex.store import load as load_module
from hitex.store.layout import live_from_commits
from tests.fixtures import write_csv


def _baci(tmp_path: Path, name: str, value: str) -> Path:
    return write_csv(tmp_path / name, "tijkvq", [
        (2020, 643, 156, 841181, value, "1"),
        (2020, 643, 699, 10121, value, "2"),
    ])  # fmt: skip


def _read_files(files: list[str]) -> tuple[int, float]:
    """Records and dollars of Parquet files, read by DuckDB alone."""
    listed = ", ".join(f"'{f}'" for f in files)
    with duckdb.connect() as con:
        n, v = con.execute(
            f"SELECT count(*), sum(value_usd) FROM read_parquet([{listed}])"
        ).fetchone()
    return int(n), float(v)


def test_records_live_as_hive_partitions_beside_the_warehouse(tmp_path):
    path = _baci(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1.5")
    with hitex.open(tmp_path / "w.duckdb") as s:
        (r,) = s.load([path], format="baci")
        (live,) = s.warehouse.spark_files()["flows"]
    root = tmp_path / "w.duckdb.data"
    assert Path(live).is_relative_to(root / "flows" / "classification=HS17" / "year=2020")
    assert f"/load={r.id}/" in live
    # The partition columns are in the path, and with the same values in the file.
    with duckdb.connect() as con:
        inside = con.execute(
            f"SELECT DISTINCT classification, year FROM read_parquet('{live}', "
            "hive_partitioning = false)"
        ).fetchall()
    assert inside == [("HS17", 2020)]
    assert _read_files([live]) == (2, 3000.0)  # 2 x 1.5 thousand dollars


def test_the_commit_file_lists_files_counts_sums_and_the_source(tmp_path):
    path = _baci(tmp_path, "BACI_HS17_Y2020_V202301.csv", "2")
    with hitex.open(tmp_path / "w.duckdb") as s:
        (r,) = s.load([path], format="baci")
        live = s.warehouse.spark_files()["flows"]
    root = tmp_path / "w.duckdb.data"
    (commit_file,) = sorted((root / "flows" / "_commits").glob("*.json"))
    doc = json.loads(commit_file.read_text())
    assert doc["load_id"] == r.id
    assert doc["source"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (doc["records"], doc["value_usd"]) == (2, 4000.0)
    assert doc["counts"] == {"read": 2, "loaded": 2, "rejected": 0, "revised": 0}
    assert [str(root / f["path"]) for f in doc["added"]] == live
    assert live_from_commits(root) == live
    assert not list(root.glob("_staging/*"))


def test_a_revision_replaces_files_and_readers_take_the_list_not_a_glob(tmp_path):
    with hitex.open(tmp_path / "w.duckdb") as s:
        (first,) = s.load([_baci(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")], format="baci")
        later = write_csv(tmp_path / "BACI_HS17_Y2020_V202401.csv", "tijkvq", [
            (2020, 643, 156, 841181, "5", "1"),
        ])  # fmt: skip
        (revised,) = s.load([later], format="baci", revise=True)
        assert revised.rows_revised == 1
        live = s.warehouse.spark_files()["flows"]
        total = s.warehouse.sql("SELECT sum(value_usd) AS v FROM flows")["v"].item()
    root = tmp_path / "w.duckdb.data"
    # Live: India's 1 (thousand) of the first load, China's 5 of the second.
    assert _read_files(live) == (2, 6000.0)
    assert total == 6000.0
    assert live_from_commits(root) == live
    # The replaced file stays on disk: a glob would count China twice.
    every = [str(p) for p in root.glob("flows/**/*.parquet")]
    assert _read_files(every) == (4, 8000.0)
    assert sorted(f"/load={first.id}/" in f for f in live) == [False, True]


def test_a_removal_is_a_commit_that_takes_the_files_out(tmp_path):
    with hitex.open(tmp_path / "w.duckdb") as s:
        (first,) = s.load([_baci(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")], format="baci")
        s.remove(first.id)
        assert s.warehouse.spark_files()["flows"] == []
        assert s.warehouse.sql("SELECT count(*) AS n FROM flows")["n"].item() == 0
    root = tmp_path / "w.duckdb.data"
    assert live_from_commits(root) == []
    kinds = [json.loads(p.read_text())["kind"] for p in sorted(root.glob("flows/_commits/*.json"))]
    assert kinds == ["load", "remove"]


def test_a_failed_load_leaves_no_file_live_and_no_commit(tmp_path, monkeypatch):
    path = _baci(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")

    def broken(con, cells):
        raise RuntimeError("disk full")

    monkeypatch.setattr(load_module, "reallocate", broken)
    with hitex.open(tmp_path / "w.duckdb") as s:
        with pytest.raises(RuntimeError):
            s.load([path], format="baci")
        assert s.warehouse.spark_files()["flows"] == []
        assert s.loads()["status"].tolist() == ["failed"]
    root = tmp_path / "w.duckdb.data"
    assert list(root.glob("flows/**/*.parquet")) == []
    assert list(root.glob("flows/_commits/*")) == []
    assert list(root.glob("_staging/*")) == []


def test_init_data_puts_the_records_under_the_root_given(tmp_path):
    root = tmp_path / "shared" / "hitex"
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.warehouse.init(data=root)
        s.load([_baci(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")], format="baci")
        (live,) = s.warehouse.spark_files()["flows"]
    assert Path(live).is_relative_to(root.resolve())
    assert (root / "hitex.json").exists()
    with hitex.open(tmp_path / "w.duckdb", read_only=True) as s:
        assert s.warehouse.sql("SELECT sum(value_usd) AS v FROM flows")["v"].item() == 2000.0


def test_the_data_root_cannot_move_away_from_live_records(tmp_path):
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([_baci(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")], format="baci")
        with pytest.raises(HitexError, match="already holds records"):
            s.warehouse.init(data=tmp_path / "elsewhere")


def test_partition_columns_read_back_as_the_schemas_types(tmp_path):
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([_baci(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")], format="baci")
        types = dict(s.warehouse.sql("DESCRIBE flows")[["column_name", "column_type"]].values)
    assert (types["year"], types["classification"], types["load_id"]) == (
        "SMALLINT", "VARCHAR", "INTEGER",
    )  # fmt: skip


def test_rejects_keep_code_field_and_value_beside_the_reason(tmp_path):
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", [
        (2020, 643, 156, 841181, "10", "1"),
        (2020, 643, 999, 841181, "20", "1"),
        (2020, 643, 699, 851762, "-3", "1"),
    ])  # fmt: skip
    with hitex.open(tmp_path / "w.duckdb") as s:
        (r,) = s.load([path], format="baci")
        got = s.warehouse.sql(
            "SELECT line, code, field, value FROM rejects WHERE load_id = ? ORDER BY line", [r.id]
        ).values.tolist()
    assert got == [[3, "unknown_country", "partner", "999"], [4, "negative", "value_usd", "-3.0"]]


def test_a_commit_file_left_pending_by_a_crash_is_settled_on_opening(tmp_path):
    with hitex.open(tmp_path / "w.duckdb") as s:
        (r,) = s.load([_baci(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")], format="baci")
        live = s.warehouse.spark_files()["flows"]
    commits = tmp_path / "w.duckdb.data" / "flows" / "_commits"
    (done,) = commits.glob("*.json")
    # The catalog committed, the rename did not happen; and a commit that never reached the
    # catalog left a file and its pending commit file.
    done.rename(done.with_name(done.name + ".tmp"))
    stray = Path(live[0]).with_name("part-c99-0.parquet")
    stray.write_bytes(Path(live[0]).read_bytes())
    doc = {"added": [{"path": str(stray.relative_to(tmp_path / "w.duckdb.data"))}]}
    (commits / "00000099.json.tmp").write_text(json.dumps(doc))
    with hitex.open(tmp_path / "w.duckdb") as s:
        assert s.warehouse.spark_files()["flows"] == live
    assert sorted(p.name for p in commits.iterdir()) == [done.name]
    assert not stray.exists()
    assert live_from_commits(tmp_path / "w.duckdb.data") == live
    assert r.rows_loaded == 2


def test_a_warehouse_in_memory_never_closed_leaves_no_data_root(tmp_path):
    # A session a script forgets to close: its throwaway data root goes with the process.
    script = "import hitex, sys\ns = hitex.open(':memory:')\nprint(s.warehouse.layout.root)\n"
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    root = Path(out.stdout.strip())
    assert root.parent == tmp_path
    assert not root.exists()
    assert list(tmp_path.iterdir()) == []
