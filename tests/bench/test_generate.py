"""The BACI-shaped generator and the reference contenders, at a tiny scale (no timings)."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from bench import compare, generate, refdata, runner, workloads
from bench.workloads import Context

ROWS = 10_000
YEARS = (2019, 2020)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("baci")
    generate.generate(generate.Spec(rows=ROWS, years=YEARS, seed=7), out)
    return out


@pytest.fixture(scope="module")
def rows(data: Path) -> pd.DataFrame:
    files = [str(data / generate.csv_name(y)) for y in YEARS]
    return duckdb.connect().sql(f"SELECT * FROM read_csv({files}, all_varchar = true)").df()


def test_files_are_named_like_baci(data: Path) -> None:
    names = sorted(p.name for p in data.iterdir())
    expected = [generate.csv_name(y) for y in YEARS] + [generate.PARQUET_NAME, "manifest.json"]
    assert names == sorted(expected)
    assert generate.csv_name(2020) == "BACI_HS17_Y2020_V202301.csv"


def test_header_is_exactly_bacis(data: Path) -> None:
    for year in YEARS:
        with (data / generate.csv_name(year)).open() as file:
            assert file.readline() == "t,i,j,k,v,q\n"


def test_row_count_and_years(rows: pd.DataFrame) -> None:
    assert len(rows) == ROWS
    assert rows["t"].value_counts().to_dict() == {"2019": ROWS // 2, "2020": ROWS // 2}


def test_keys_are_unique(rows: pd.DataFrame) -> None:
    assert not rows.duplicated(["t", "i", "j", "k"]).any()
    assert (rows["i"] != rows["j"]).all()


def test_products_are_integers_without_leading_zeros(rows: pd.DataFrame) -> None:
    k = rows["k"]
    assert k.str.fullmatch(r"[1-9][0-9]{4,5}").all()
    assert set(k.str.zfill(6)) <= set(refdata.hs6_codes())
    assert (k.str.len() == 5).any(), "chapters 01-09 lose their leading zero, as in BACI"


def test_values_have_three_decimals_and_quantities_are_sometimes_empty(rows: pd.DataFrame) -> None:
    assert rows["v"].str.fullmatch(r"[0-9]+(\.[0-9]{1,3})?").all()
    assert (rows["v"].astype(float) > 0).all()
    missing = rows["q"].isna().mean()
    assert 0.01 < missing < 0.03


def test_missing_quantity_is_an_empty_field(data: Path) -> None:
    with (data / generate.csv_name(2020)).open() as file:
        records = list(csv.reader(file))[1:]
    assert any(r[5] == "" for r in records)
    assert all(len(r) == 6 for r in records)


def test_countries_are_bacis_and_include_the_reporters(rows: pd.DataFrame) -> None:
    exporters = set(rows["i"].astype(int))
    known = set(refdata.countries()["code"])
    assert exporters | set(rows["j"].astype(int)) <= known
    assert set(refdata.REQUIRED_COUNTRIES) <= exporters
    assert 150 <= len(exporters) <= 200


def test_values_are_heavy_tailed(rows: pd.DataFrame) -> None:
    v = rows["v"].astype(float)
    assert v.mean() > 5 * v.median()


def test_parquet_holds_the_same_rows(data: Path, rows: pd.DataFrame) -> None:
    table = pq.read_table(data / generate.PARQUET_NAME).to_pandas()
    assert len(table) == ROWS
    csv_total = rows["v"].astype(float).sum()
    assert table["v"].sum() == pytest.approx(csv_total, rel=1e-12)
    assert table["q"].isna().sum() == rows["q"].isna().sum()


def test_same_seed_same_bytes_other_seed_other_bytes(data: Path, tmp_path: Path) -> None:
    generate.generate(generate.Spec(rows=ROWS, years=YEARS, seed=7), tmp_path / "same")
    generate.generate(generate.Spec(rows=ROWS, years=YEARS, seed=8), tmp_path / "other")
    name = generate.csv_name(2020)
    original = (data / name).read_bytes()
    assert (tmp_path / "same" / name).read_bytes() == original
    assert (tmp_path / "other" / name).read_bytes() != original


def test_allocate_is_exact_and_respects_capacity() -> None:
    weights = np.array([100.0, 10.0, 1.0, 1.0])
    shares = generate.allocate(1000, weights, np.full(4, 400.0))
    assert shares.sum() == 1000
    assert (shares <= 400).all()
    with pytest.raises(ValueError, match="key space"):
        generate.allocate(2000, weights, np.full(4, 400.0))


@pytest.mark.parametrize(
    ("text", "count"),
    [("10_000_000", 10_000_000), ("10M", 10_000_000), ("2.5M", 2_500_000), ("500k", 500_000)],
)
def test_parse_count(text: str, count: int) -> None:
    assert generate.parse_count(text) == count


def test_parse_years() -> None:
    assert generate.parse_years("2017-2019,2021") == (2017, 2018, 2019, 2021)


def _answers(ctx: Context, workload: str, contender: str) -> dict[str, pd.DataFrame]:
    from bench.worker import to_pandas  # noqa: PLC0415

    job = workloads.factory(workload, contender)(ctx)
    try:
        return to_pandas(job.run())
    finally:
        job.close()


@pytest.mark.parametrize("workload", ["report", "rca"])
def test_reference_contenders_agree(data: Path, tmp_path: Path, workload: str) -> None:
    ctx = Context(data=data, work=tmp_path)
    expected = _answers(ctx, workload, "duckdb-sql")
    assert all(len(table) for table in expected.values())
    for contender in ("pandas", "polars"):
        assert compare.problems(expected, _answers(ctx, workload, contender)) == [], contender


def test_comparison_catches_a_wrong_number(data: Path, tmp_path: Path) -> None:
    expected = _answers(Context(data=data, work=tmp_path), "report", "duckdb-sql")
    wrong = {name: table.copy() for name, table in expected.items()}
    wrong["by_partner"].loc[0, "value_usd"] *= 1 + 1e-7
    found = compare.problems(expected, wrong)
    assert len(found) == 1
    assert found[0].startswith("by_partner.value_usd")


def test_a_cell_runs_in_its_own_process(data: Path, tmp_path: Path) -> None:
    m = runner.measure("ingest", "duckdb-sql", Context(data=data, work=tmp_path), repeat=2)
    assert m.ran, m.note
    assert len(m.seconds) == 2
    assert m.peak_mib > 10
    assert int(m.result()["summary"]["rows"].iloc[0]) == ROWS


def test_most_flows_recur_from_year_to_year(rows: pd.DataFrame) -> None:
    keys = {
        year: set(map(tuple, group[["i", "j", "k"]].to_numpy()))
        for year, group in rows.groupby("t")
    }
    recurring = len(keys["2019"] & keys["2020"]) / len(keys["2020"])
    assert 0.6 < recurring < 0.95


@pytest.mark.slow
def test_complexity_contenders_agree(data: Path, tmp_path: Path) -> None:
    ctx = Context(data=data, work=tmp_path)
    expected = _answers(ctx, "complexity", "ecomplexity")
    assert len(expected["complexity"]) > 1000
    assert compare.problems(expected, _answers(ctx, "complexity", "hitex")) == []
