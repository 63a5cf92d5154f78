"""The Spark engine answers from the rollups where the planner picks them, as DuckDB's records do."""

from __future__ import annotations

import pandas as pd
import pytest

import hitex
from hitex.indicators.selection import Query
from hitex.store import rollups

pytestmark = [pytest.mark.spark, pytest.mark.xdist_group("spark")]

#: Questions the rollups hold: (method, options).
QUESTIONS = [
    ("table", {"reporter": "RUS", "year": 2020, "compare": 2019, "by": ["partner"],
               "indicators": ["base_value", "growth", "share", "change", "hhi"]}),
    ("table", {"reporter": "RUS", "year": 2020, "compare": 2019, "by": ["group"],
               "groups": "tech"}),
    ("table", {"reporter": "RUS", "year": 2020, "by": ["group"], "groups": "hs-chapter"}),
    ("table", {"reporter": "RUS", "year": 2020, "by": ["product"],
               "indicators": ["value", "product_lines", "hhi"]}),
    ("series", {"reporter": "RUS", "years": [2019, 2020], "flow": "balance", "partial": True}),
]  # fmt: skip


def _ask(s: hitex.Session, method: str, options: dict) -> pd.DataFrame:
    frame: pd.DataFrame = getattr(s, method)(**options)
    return frame


def test_spark_reads_the_rollups_and_answers_as_duckdb_reads_the_records(spark, parity_db):
    with hitex.open(parity_db, read_only=True) as s:
        s.rollups = False
        expected = [_ask(s, m, o) for m, o in QUESTIONS]
    with hitex.open(parity_db, read_only=True, spark=spark) as s:
        assert s.warehouse.rollups_ready()
        route = s._plan(Query("RUS", years=(2020,), by=("group",), groups="tech"), None)
        tables = s._answering(route)
        # The question reads the rollup's view on Spark, with its groups' numbers.
        assert route == "products"
        assert "scheme_groups" in tables
        assert set(rollups.SCHEME_COLUMNS.values()) <= set(tables["flows"].columns)
        found = [_ask(s, m, o) for m, o in QUESTIONS]
    for (method, options), want, got in zip(QUESTIONS, expected, found, strict=True):
        assert len(got) == len(want), (method, options)
        pd.testing.assert_frame_equal(
            got.reset_index(drop=True), want.reset_index(drop=True), check_dtype=False,
            check_exact=False, rtol=1e-9, obj=f"{method} {options}",
        )  # fmt: skip
