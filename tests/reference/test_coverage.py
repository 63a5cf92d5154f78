from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from hitex.reference.coverage import classified_share, coverage

SAMPLE = Path("/work/shared/data/tradestatistics-sample/yrpc_chl_arg_2002.csv")
# The shared data folder sits beside the repository in CI (../shared).
for candidate in (Path(__file__).parents[3] / "shared/data/tradestatistics-sample", SAMPLE.parent):
    if (candidate / SAMPLE.name).exists():
        SAMPLE = candidate / SAMPLE.name
        break


def test_reasons() -> None:
    flows = pd.DataFrame(
        {
            "classification": ["HS17", "HS17", "HS17", "HS17", "HS17", "EBOPS2010"],
            "product": ["841181", "010121", "999999", "123456", "84", "SJ1"],
            "value_usd": [10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
        }
    )
    table = coverage(flows, ["tech"]).set_index("outcome")
    assert table.loc["classified", "value_usd"] == 30.0  # 010121 'none' counts as classified
    assert table.loc["not specified", "value_usd"] == 30.0
    assert table.loc["unknown code", "value_usd"] == 40.0
    assert table.loc["spans several groups", "value_usd"] == 50.0
    assert table.loc["classification not covered", "value_usd"] == 60.0
    assert table["share"].sum() == pytest.approx(1.0)


def test_no_concordance_link() -> None:
    flows = pd.DataFrame({"classification": "HS17", "product": ["710820"], "value_usd": [1.0]})
    assert coverage(flows, ["enduse"])["outcome"].tolist() == ["no concordance link"]


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample data not beside the repository")
def test_chile_argentina_sample() -> None:
    sample = pd.read_csv(SAMPLE, dtype={"commodity_code": str})
    flows = pd.DataFrame(
        {
            "classification": "HS17",
            "product": sample["commodity_code"],
            "value_usd": sample["trade_value_usd_exp"].astype(float),
        }
    )
    table = coverage(flows)
    assert table.groupby("scheme")["share"].sum().round(9).eq(1).all()
    assert table.groupby("scheme")["value_usd"].sum().eq(191_070_218).all()
    # 17 codes are not HS17 codes (HS2012 codes such as 852861, 401161).
    assert classified_share(flows, "enduse") == pytest.approx(1 - 6_179_553 / 191_070_218)
