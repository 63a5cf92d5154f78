"""The ingest bench's references: DuckDB's read of the CSV, and the same read written as Parquet."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import generate, ingest_memory


@pytest.fixture(scope="module")
def baci(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("baci")
    generate.generate(generate.Spec(rows=2_000, years=(2020,), seed=3), out)
    return out / generate.csv_name(2020)


def test_parquet_reference_writes_the_file_as_parquet(baci: Path, tmp_path: Path) -> None:
    work = tmp_path / "w.duckdb"
    table = ingest_memory._run("duckdb", baci, work)
    parquet = ingest_memory._run("parquet", baci, work)
    assert parquet["rows"] == table["rows"] == 2_000
    assert parquet["bytes"] > 0
    assert table["bytes"] == 0
    assert parquet["cpu"] > 0
    assert not Path(str(work) + ".parquet").exists()  # the reference's file is not kept


def test_both_references_are_run_beside_hitex() -> None:
    assert ingest_memory._REFERENCES == ("duckdb", "parquet")
