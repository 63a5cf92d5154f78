"""The flows format on the real Chile-Argentina sample: totals to the cent."""

from __future__ import annotations

import pandas as pd
import pytest

from hitex import demo
from tests.fixtures import FIXTURES

TS = FIXTURES / "tradestatistics"


def _raw(year: int) -> pd.DataFrame:
    return pd.read_csv(TS / f"yrpc_chl_arg_{year}.csv", dtype={"commodity_code": str})


def test_demo_files_load_completely(demo_session):
    loads = demo_session.loads()
    assert loads["status"].tolist() == ["loaded", "loaded"]
    assert loads["rows_read"].tolist() == [2048, 2832]
    assert loads["rows_rejected"].tolist() == [0, 0]
    assert (loads["rows_read"] == loads["rows_loaded"] + loads["rows_rejected"]).all()


@pytest.mark.parametrize(
    ("flow", "column"), [("export", "trade_value_usd_exp"), ("import", "trade_value_usd_imp")]
)
def test_partner_totals_equal_the_published_totals(demo_session, flow, column):
    totals = pd.read_csv(TS / "totals.csv")
    published = totals.query("endpoint == 'yrp' and reporter_iso == 'chl' and partner_iso == 'arg'")
    expected = published.loc[published["year"] == 2002, column].item()
    got = demo_session.table(reporter="CHL", flow=flow, year=2002, by=["partner"])
    assert got["partner"].tolist() == ["ARG"]
    assert got["value_usd"].item() == expected  # exact: to the cent and below
    assert expected == {"export": 191_070_218, "import": 919_280_993}[flow]


@pytest.mark.parametrize("year", [2002, 2004])
def test_product_totals_equal_the_source_rows(demo_session, year):
    raw = _raw(year)
    oracle = raw.groupby("commodity_code")["trade_value_usd_exp"].sum()
    oracle = oracle[oracle > 0]
    got = demo_session.table(reporter="CHL", year=year, by=["product"]).set_index("product")
    assert len(got) == len(oracle)
    pd.testing.assert_series_equal(
        got["value_usd"].sort_index(), oracle.astype(float).sort_index(), check_names=False
    )
    assert got["share_pct"].sum() == pytest.approx(100.0)


def test_growth_on_the_sample(demo_session):
    got = demo_session.table(reporter="Chile", year=2004, compare=2002, by=["partner"])
    exp04 = _raw(2004)["trade_value_usd_exp"].sum()
    exp02 = _raw(2002)["trade_value_usd_exp"].sum()
    row = got.iloc[0]
    assert row["value_usd"] == exp04
    assert row["base_value_usd"] == exp02
    assert row["growth_pct"] == pytest.approx((exp04 - exp02) / exp02 * 100)
    assert row["partner_name"] == "Argentina"


def test_demo_files_are_the_bundled_ones():
    assert [p.name for p in demo.files()] == ["chl_arg_2002.csv", "chl_arg_2004.csv"]
