"""Where Spark runs: the master URL, the data root executors read, and what is refused."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import hitex
from hitex.cli import app
from hitex.errors import InputError
from tests.fixtures import flows_file

pytest.importorskip("pyspark")

from hitex.store import spark as sp

ROWS = [(2020, "", "RUS", "CHN", "export", "854231", "100"),
        (2019, "", "RUS", "CHN", "export", "854231", "40")]  # fmt: skip


@pytest.mark.parametrize(
    ("master", "local"),
    [
        ("local", True), ("local[2]", True), ("local[*]", True),
        ("spark://127.0.0.1:7077", True), ("spark://localhost:7077", True),
        ("sc://127.0.0.1:15002", True), ("spark://[::1]:7077", True),
        ("spark://head:7077", False), ("spark://10.0.0.5:7077", False),
        ("spark://127.0.0.1:7077,10.0.0.6:7077", False), ("yarn", False),
        ("k8s://https://127.0.0.1:6443", False), ("sc://head:15002", False),
    ],
)  # fmt: skip
def test_which_masters_run_on_this_machine(master, local):
    assert sp.is_local(master) is local


def test_the_master_comes_from_the_option_then_the_environment(monkeypatch):
    monkeypatch.delenv("HITEX_SPARK_MASTER", raising=False)
    assert sp.chosen_master() == "local[2]"
    monkeypatch.setenv("HITEX_SPARK_MASTER", "spark://127.0.0.1:7077")
    assert sp.chosen_master() == "spark://127.0.0.1:7077"
    assert sp.chosen_master("local[1]") == "local[1]"


def test_a_local_data_root_is_refused_for_a_master_on_other_hosts(tmp_path):
    db = tmp_path / "w.duckdb"
    with pytest.raises(InputError, match=r"is a folder on this machine .* cannot read") as e:
        hitex.open(db, engine="pyspark", spark_master="spark://10.255.0.1:7077")
    assert str(db) + ".data" in str(e.value)
    with pytest.raises(InputError, match="executors of yarn on other hosts cannot read"):
        hitex.open(db, engine="pyspark", spark_master="yarn")
    # A file:// root is a folder every host mounts; a loopback master reads any folder.
    sp.check_reachable("yarn", "file:///shared/hitex")
    sp.check_reachable("spark://127.0.0.1:7077", str(tmp_path))


def test_the_command_line_refuses_it_in_one_sentence(tmp_path):
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "load", str(flows_file(tmp_path / "f.csv", ROWS)),
                               "--format", "flows"]).exit_code == 0  # fmt: skip
    args = ["--db", db, "table", "--reporter", "RUS", "--year", "2020", "--engine", "pyspark"]
    done = runner.invoke(app, args, env={"HITEX_SPARK_MASTER": "spark://10.255.0.1:7077"})
    assert done.exit_code == 1
    assert "Error: The data root" in done.stderr
    assert "spark://10.255.0.1:7077" in done.stderr
    done = runner.invoke(app, ["--db", db, "--spark-master", "k8s://https://10.0.0.1:6443",
                               *args[2:]])  # fmt: skip
    assert done.exit_code == 1
    assert "k8s://https://10.0.0.1:6443" in done.stderr


def test_spark_files_are_under_the_data_root_and_follow_the_warehouse(tmp_path):
    s = hitex.open(tmp_path / "w.duckdb")
    s.load([flows_file(tmp_path / "f.csv", ROWS)], format="flows")
    root = Path(s.warehouse.data_root)
    assert root == tmp_path / "w.duckdb.data"
    files = s.warehouse.spark_files()
    assert set(files) >= {"flows", "unallocated", "loads", "countries", "product_groups"}
    for paths in files.values():
        assert paths
        assert all(Path(p).is_relative_to(root) for p in paths)
    flows = files["flows"]
    # Read back independently: the rows of the file are the rows loaded.
    got = (
        duckdb.connect()
        .execute(f"SELECT sum(value_usd), count(*) FROM read_parquet({flows!r})")
        .fetchone()
    )
    assert got == (140.0, 2)
    stamp = os.stat(flows[0]).st_mtime_ns
    assert s.warehouse.spark_files() == files  # unchanged warehouse: the same files
    assert os.stat(flows[0]).st_mtime_ns == stamp
    s.load([flows_file(tmp_path / "g.csv", [(2018, "", "RUS", "IND", "export", "854231",
                                              "7")])], format="flows")  # fmt: skip
    again = s.warehouse.spark_files()
    # The records are the live files themselves (no copy): the first load's file stays live
    # beside the new one; the small tables are written again and the old folder goes.
    assert set(flows) < set(again["flows"])
    assert all(Path(p).is_relative_to(root / "flows") for p in again["flows"])
    assert again["loads"] != files["loads"]
    assert not Path(files["loads"][0]).exists()
    got = (
        duckdb.connect()
        .execute(f"SELECT sum(value_usd) FROM read_parquet({again['flows']!r})")
        .fetchone()
    )
    assert got == (147.0,)
    s.close()
    with hitex.open(tmp_path / "w.duckdb", read_only=True) as ro:
        assert ro.warehouse.spark_files() == again


def test_a_data_root_declared_mounted_everywhere_is_a_file_uri(tmp_path, monkeypatch):
    monkeypatch.delenv("HITEX_SPARK_MASTER", raising=False)
    shared = tmp_path / "shared"
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.warehouse.set_data_root(f"file://{shared}")
        assert s.warehouse.data_root == f"file://{shared.resolve()}"
        files = s.warehouse.spark_files()
        assert files["flows"] == []  # nothing loaded yet: no record files
        assert all(Path(p[0]).is_relative_to(shared.resolve()) for p in files.values() if p)
        # A master on other hosts may read it (a plain path is refused; see above).
        sp.check_reachable("spark://head.example:7077", s.warehouse.data_root)
