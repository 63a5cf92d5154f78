"""`hitex table --engine pyspark` prints what the DuckDB engine prints (the CLI contract)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from hitex.cli import app
from tests.fixtures import flows_file

ROWS = [
    (2020, "", "RU-MOW", "CHN", "export", "841181", "563.31"),
    (2019, "", "RU-MOW", "CHN", "export", "841181", "460.22"),
    (2020, "", "RU-MOW", "IND", "export", "851762", "140.32"),
    (2019, "", "RU-MOW", "IND", "export", "851762", "86.08"),
    (2020, "", "RU-MOW", "JPN", "import", "847330", "12.5"),
]


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
def test_pyspark_engine_gives_the_same_json(tmp_path, spark):
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    assert (
        runner.invoke(
            app,
            ["--db", db, "load", str(flows_file(tmp_path / "f.csv", ROWS)), "--format", "flows"],
        ).exit_code
        == 0
    )
    args = ["--db", db, "table", "--reporter", "RU-MOW", "--year", "2020", "--compare", "2019",
            "--by", "partner", "--groups", "tech", "--indicators", "value,growth,share,rank",
            "--format", "json"]  # fmt: skip
    duck = runner.invoke(app, args)
    spark_run = runner.invoke(app, [*args, "--engine", "pyspark"])
    assert duck.exit_code == 0, duck.output
    assert spark_run.exit_code == 0, spark_run.output
    rows = json.loads(duck.stdout)
    assert [r["partner"] for r in rows] == ["CHN", "IND"]
    assert rows[1]["growth_pct"] == pytest.approx((140.32 / 86.08 - 1) * 100)
    assert json.loads(spark_run.stdout) == rows
