"""UN Comtrade CSV and API JSON: aggregates and breakdowns are refused, never added."""

from __future__ import annotations

import json

import pytest

from tests.fixtures import write_csv

HEADER = [
    "typeCode",
    "freqCode",
    "refPeriodId",
    "refYear",
    "refMonth",
    "period",
    "reporterCode",
    "reporterISO",
    "flowCode",
    "partnerCode",
    "partnerISO",
    "partner2Code",
    "classificationCode",
    "cmdCode",
    "customsCode",
    "motCode",
    "qtyUnitAbbr",
    "qty",
    "netWgt",
    "primaryValue",
    "isAggregate",
]


def rec(month, partner, iso, flow, cmd, value, mot="0", agg="False"):
    return ["C", "M", f"2020{month:02d}01", 2020, month, f"2020{month:02d}", 643, "RUS", flow,
            partner, iso, 0, "H5", cmd, "C00", mot, "u", 1, 50, value, agg]  # fmt: skip


ROWS = [
    rec(8, 156, "CHN", "X", "841181", 1000),
    rec(8, 0, "W00", "X", "841181", 5000),  # World: an aggregate
    rec(8, 156, "CHN", "X", "TOTAL", 99999, agg="True"),  # all products: an aggregate
    rec(8, 156, "CHN", "X", "841181", 400, mot="1000"),  # by mode of transport: a breakdown
    rec(8, 699, "IND", "M", "851762", 250),
    rec(7, 156, "CHN", "X", "851762", 300),
    rec(8, 392, "JPN", "RX", "847330", 77),
]


@pytest.fixture
def comtrade_csv(tmp_path):
    return write_csv(tmp_path / "comtrade.csv", HEADER, ROWS)


@pytest.fixture
def comtrade_json(tmp_path):
    data = [dict(zip(HEADER, r, strict=True)) for r in ROWS]
    path = tmp_path / "comtrade.json"
    path.write_text(json.dumps({"elapsedTime": "0.1 secs", "count": len(data), "data": data}))
    return path


@pytest.mark.parametrize("fixture", ["comtrade_csv", "comtrade_json"])
def test_totals_load_as_totals_and_breakdowns_are_refused(session, fixture, request):
    (r,) = session.load([request.getfixturevalue(fixture)], format="comtrade")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (7, 6, 1)
    reasons = session.rejects(r.id)["reason"].tolist()
    assert reasons == ["breakdown by motCode 1000; only the total over it (0) is loaded"]
    # In Russian, from the refusal's code, field and value (not from the English sentence).
    assert session.rejects(r.id, lang="ru")["reason"].tolist() == [
        "разбивка по столбцу «motCode» («1000»); загружается только итог без разбивки"
    ]
    # August to China: 1,000 of 841181 is detail; the partner total of 99,999 adds 98,999
    # in other products. The world total of 841181 (5,000) adds 4,000 to other partners.
    # July's 300 to China is detail. Nothing is counted twice.
    exports = session.table(reporter="RUS", year=2020, by=["partner"])
    assert exports[["partner", "value_usd"]].values.tolist() == [
        ["CHN", 1000.0 + 98999.0 + 300.0],
        ["WLD", 4000.0],
    ]
    aug = session.table(reporter="RUS", year=2020, by=["month"], months=(8, 8))
    assert aug[["month", "value_usd"]].values.tolist() == [[8, 1000.0 + 98999.0 + 4000.0]]
    by_product = session.table(reporter="RUS", year=2020, by=["product"])
    assert dict(by_product[["product", "value_usd"]].values.tolist()) == {
        "TOTAL": 98999.0, "841181": 5000.0, "851762": 300.0,
    }  # fmt: skip
    imports = session.table(reporter="RUS", flow="import", year=2020, by=["partner"])
    assert imports[["partner", "value_usd"]].values.tolist() == [["IND", 250.0]]
    rx = session.table(reporter="RUS", flow="re-export", year=2020, by=["product"])
    assert rx[["product", "value_usd"]].values.tolist() == [["847330", 77.0]]
    assert set(session.warehouse.sql("SELECT classification FROM flows")["classification"]) == {
        "HS17"
    }
