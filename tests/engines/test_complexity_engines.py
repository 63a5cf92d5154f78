"""The Ibis part of hitex.complexity (export matrix, RCA, Mcp, diversity, ubiquity) on Spark."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

import hitex
from hitex.complexity import export_matrix
from tests.complexity import hand

pytestmark = [pytest.mark.spark, pytest.mark.xdist_group("spark")]


@pytest.fixture(scope="module")
def sessions(spark, tmp_path_factory) -> Iterator[tuple[hitex.Session, hitex.Session]]:
    """The hand-computed world on DuckDB and on Spark."""
    from hitex.store.spark import SparkEngine  # noqa: PLC0415

    duck = hand.build(tmp_path_factory.mktemp("complexity"))
    on_spark = hitex.Session(duck.warehouse, SparkEngine(duck.warehouse, spark=spark))
    yield duck, on_spark
    on_spark.engine.close()
    duck.close()


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.sort_values(["reporter", "product"]).reset_index(drop=True)
    return out.astype({"mcp": "int64", "diversity": "int64", "ubiquity": "int64"})


def test_export_matrix_same_on_spark(sessions):
    duck, on_spark = sessions
    results = [
        _sorted(s.engine.execute("m", lambda s=s: export_matrix(
            s.tables(), year=2020, classification="HS17", threshold=1.0)))
        for s in (duck, on_spark)
    ]  # fmt: skip
    pd.testing.assert_frame_equal(results[0], results[1], check_dtype=False, rtol=1e-12)
    assert len(results[0]) == 9 + 3  # the exported pairs of hand.py: countries, then Moscow


def test_complexity_and_opportunities_same_on_spark(sessions):
    duck, on_spark = sessions
    pd.testing.assert_frame_equal(
        duck.complexity(year=2020), on_spark.complexity(year=2020), check_dtype=False
    )
    args = {"reporter": "RU-MOW", "year": 2020, "partner_group": "Asia"}
    pd.testing.assert_frame_equal(
        duck.opportunities(**args), on_spark.opportunities(**args), check_dtype=False
    )
