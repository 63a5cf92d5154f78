"""The reporter of a text that names none: the one whose flows hold every partner it names.

Expected reporters come from pandas on the raw files: examples/moscow-2020/flows.csv, the
Chile sample (src/hitex/demo/data) and bench/check_corpus/data/portugal-tech.csv.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import hitex
from hitex import demo
from hitex.report.claims.check import _trading_with, infer_reporter
from tests.report.claims._shared import MOSCOW, PORTUGAL

LOADED = ["CHL", "PRT", "RU-MOW"]


def _partners() -> dict[str, set[str]]:
    raw = pd.concat(pd.read_csv(p) for p in [MOSCOW, *demo.files(), PORTUGAL])
    return {str(r): set(p) for r, p in raw.groupby("reporter")["partner"]}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("How big is the Argentine trade for us now? Sales to Argentina were USD 2,035m.", {"ARG"}),
        ("Sales to Japan and Argentina grew.", {"JPN", "ARG"}),
        ("Sales to China grew.", {"CHN"}),
        ("Sales to China and Japan grew.", {"CHN", "JPN"}),
        ("Sales grew.", set()),
    ],
)
def test_the_reporter_trading_with_every_partner_a_text_names(corpus, text, named):
    held = _partners()
    assert set(held) == set(LOADED)
    trading = [r for r in LOADED if named and named <= held[r]]
    expected = trading if len(trading) == 1 else []
    assert _trading_with(corpus, text, LOADED) == expected
    if named == {"ARG"}:
        assert expected == ["CHL"]  # only Chile's records hold Argentina


def test_the_reporter_trading_with_a_texts_partners_is_found_without_reading_the_records(
    tmp_path: Path,
):
    s = hitex.open(tmp_path / "c.duckdb")
    try:
        s.load([MOSCOW, *demo.files()], format="flows")
        flows = s.tables()["flows"]
        records = tmp_path / "c.duckdb.data" / "flows"
        assert any(records.rglob("*.parquet"))
        shutil.rmtree(records)  # the record files go; the rollups stay
        with pytest.raises(Exception, match="No files found"):
            flows.count().to_pandas()
        assert _trading_with(s, "Sales to Argentina grew.", ["CHL", "RU-MOW"]) == ["CHL"]
        assert _trading_with(s, "Sales to Japan grew.", ["CHL", "RU-MOW"]) == ["RU-MOW"]
    finally:
        s.close()


def test_the_reporter_a_text_names_is_found_without_reading_the_records(tmp_path: Path):
    # The reporters loaded come from the warehouse's holdings (the partners rollup), as the
    # partners of _trading_with do: not from a distinct query on the records.
    s = hitex.open(tmp_path / "c.duckdb")
    try:
        s.load([MOSCOW, *demo.files()], format="flows")
        flows = s.tables()["flows"]
        records = tmp_path / "c.duckdb.data" / "flows"
        shutil.rmtree(records)  # the record files go; the rollups stay
        with pytest.raises(Exception, match="No files found"):
            flows.count().to_pandas()
        assert infer_reporter(s, "Chile's exports to Argentina grew in 2004.") == "CHL"
        assert infer_reporter(s, "Sales to Japan grew.") == "RU-MOW"
    finally:
        s.close()
