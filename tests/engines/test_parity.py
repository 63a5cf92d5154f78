"""Every indicator on every engine, against a plain-pandas oracle (:mod:`tests.engines.oracle`).

The same queries run on DuckDB and on a local Spark session over the same warehouse; each
result must equal what pandas computes from the raw rows of :mod:`tests.indicators.tiny`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import hitex.indicators as ind
from tests.engines import oracle
from tests.indicators import tiny

EVERYTHING = [
    "value", "base_value", "change", "growth", "multiple", "cagr", "share", "contribution",
    "rank", "small_base", "product_lines", "new", "hhi",
]  # fmt: skip

#: name -> (Session method, its arguments); the oracle gets the same arguments.
CASES: dict[str, tuple[str, dict[str, object]]] = {
    "exports_by_partner": ("table", {
        "reporter": "RUS", "year": 2020, "compare": 2019, "by": ["partner"],
        "indicators": EVERYTHING, "small_base_usd": 300.0,
    }),
    "total_over_three_years": ("table", {
        "reporter": "RUS", "year": 2020, "compare": 2017, "classification": "HS17",
        "indicators": ["value", "base_value", "growth", "multiple", "cagr", "share", "hhi"],
    }),
    "balance_by_partner": ("table", {
        "reporter": "RUS", "flow": "balance", "year": 2020, "compare": 2019, "by": ["partner"],
        "indicators": ["value", "growth", "share", "exports", "imports", "coverage", "rank"],
    }),
    "ytd_nowcast": ("table", {
        "reporter": "KAZ", "year": 2020, "compare": 2019, "by": ["partner"], "months": (1, 8),
        "indicators": ["value", "base_value", "growth", "nowcast"],
    }),
    "rca_by_product": ("table", {
        "reporter": "RUS", "year": 2018, "by": ["product"],
        "indicators": ["value", "share", "rank_value", "rca"],
    }),
    "series_since": ("series", {
        "reporter": "CHN", "years": list(range(2001, 2008)),
        "indicators": ["value", "base_value", "growth", "cagr", "lowest_since", "highest_since"],
    }),
    "series_by_partner": ("series", {
        "reporter": "RUS", "years": [2019, 2020], "by": ["partner"],
        "indicators": ["value", "base_value", "change", "growth", "share", "rank", "new", "hhi",
                       "lowest_since", "contribution"],
    }),
}  # fmt: skip

ENGINES = [
    pytest.param("duckdb", id="duckdb"),
    pytest.param(
        "pyspark", id="pyspark", marks=[pytest.mark.spark, pytest.mark.xdist_group("spark")]
    ),
]


def _columns(names: list[str]) -> list[str]:
    wanted = {n for name in names for n in ind.ALIASES.get(name, (name,))}
    return [i.column for i in ind.INDICATORS if i.name in wanted]


def _normal(frame: pd.DataFrame, keys: list[str], columns: list[str]) -> pd.DataFrame:
    out = frame[keys + columns].copy()
    for c in columns:
        if out[c].dtype == bool or c in {"new", "small_base"}:
            out[c] = out[c].astype(bool)
        else:
            out[c] = pd.to_numeric(out[c]).astype(float)
    return out.sort_values(keys).reset_index(drop=True)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", list(CASES))
def test_engine_matches_oracle(engine_session, engine, case):
    method, args = CASES[case]
    got = getattr(engine_session, method)(**args)
    expected = getattr(oracle, method)(tiny.frame(), **args)
    keys = [*args.get("by", [])]
    if "product" in keys:
        keys.append("classification")
    if method == "series":
        keys.insert(0, "year")
    columns = _columns(args["indicators"])
    got_n, want_n = _normal(got, keys, columns), _normal(expected, keys, columns)
    pd.testing.assert_frame_equal(got_n, want_n, check_dtype=False, atol=1e-9, rtol=1e-9)
    assert not np.isinf(got_n.select_dtypes("number")).to_numpy().any()


@pytest.mark.parametrize("engine", ENGINES)
def test_tech_balance_matches_oracle(engine_session, engine):
    got = engine_session.tech_balance("RUS", [2017, 2018]).set_index("year")
    rows = tiny.frame()
    rows = rows[(rows["reporter"] == "RUS") & rows["year"].isin([2017, 2018])]
    goods = rows["product"].isin(["854231", "851762", "300490"])  # tech "high" in the fixture
    services = rows["product"].isin(["SH", "SJ1"])
    for year in (2017, 2018):
        r = rows[rows["year"] == year]
        for part, mask in (("goods", goods), ("services", services)):
            for flow in ("export", "import"):
                want = r.loc[mask.loc[r.index] & (r["flow"] == flow), "value_usd"].sum()
                assert got.loc[year, f"{part}_{flow}s_usd"] == pytest.approx(want)
        assert got.loc[year, "total_balance_usd"] == pytest.approx(
            got.loc[year, "goods_balance_usd"] + got.loc[year, "services_balance_usd"]
        )
