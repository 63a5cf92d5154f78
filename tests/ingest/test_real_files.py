"""Real published files: UN Comtrade API answers and BACI lines, loaded as they come."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.fixtures import FIXTURES

COMTRADE = FIXTURES / "comtrade"


def _records(name: str) -> list[dict]:
    doc = json.loads((COMTRADE / name).read_text(encoding="utf-8"))
    return doc.get("data") or doc.get("dataset") or []


def test_partner_totals_answer_the_partner_table(session):
    # China 2010, cmdCode TOTAL to Argentina and Germany: partner totals, not products.
    (r,) = session.load([COMTRADE / "chn_2010_total_by_partner.json"], format="comtrade")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (4, 4, 0)
    expected = {
        rec["partnerISO"]: rec["primaryValue"]
        for rec in _records("chn_2010_total_by_partner.json")
        if rec["flowCode"] == "X"
    }
    table = session.table(reporter="CHN", year=2010, by=["partner"])
    assert dict(zip(table["partner"], table["value_usd"], strict=True)) == expected
    assert expected == {"ARG": 6115764185.0, "DEU": 68047133397.0}
    imports = session.table(reporter="China", flow="import", year=2010)
    assert imports["value_usd"].item() == 6804128143.0 + 74251272075.0


def test_a_world_total_never_adds_to_its_partners(session):
    # India 2022: exports to World (all partners) and to the USA, from two real answers.
    files = [COMTRADE / "ind_2022_export_world.json", COMTRADE / "ind_2022_export_usa.json"]
    results = session.load(files, format="comtrade")
    assert [r.rows_loaded for r in results] == [1, 1]
    world = _records("ind_2022_export_world.json")[0]["primaryValue"]
    usa = _records("ind_2022_export_usa.json")[0]["primaryValue"]
    total = session.table(reporter="IND", year=2022)
    assert total["value_usd"].item() == pytest.approx(world, rel=1e-12)
    by_partner = session.table(reporter="IND", year=2022, by=["partner"])
    got = dict(zip(by_partner["partner"], by_partner["value_usd"], strict=True))
    assert got == pytest.approx({"WLD": world - usa, "USA": usa}, rel=1e-12)
    assert (
        by_partner.loc[by_partner["partner"] == "WLD", "partner_name"]
        .item()
        .startswith("World (not allocated")
    )


def test_the_totals_follow_the_order_of_loads(session, tmp_path):
    # The USA first, the world total after: the same answer as the other way round.
    usa = shutil.copy(COMTRADE / "ind_2022_export_usa.json", tmp_path / "a.json")
    world = shutil.copy(COMTRADE / "ind_2022_export_world.json", tmp_path / "b.json")
    session.load([usa, world], format="comtrade")
    by_partner = session.table(reporter="IND", year=2022, by=["partner"])
    assert by_partner["value_usd"].sum() == pytest.approx(452684213646.747, rel=1e-12)


def test_an_empty_answer_is_zero_records(session):
    (r,) = session.load([COMTRADE / "services_empty.json"], format="comtrade")
    assert (r.status, r.rows_read, r.rows_loaded, r.rows_rejected) == ("loaded", 0, 0, 0)
    assert r.message == "the file holds no records"


def test_legacy_api_answer(session):
    (r,) = session.load([COMTRADE / "legacy_alb_2014_world.json"], format="comtrade")
    assert (r.rows_read, r.rows_loaded) == (2, 2)
    exports = session.table(reporter="ALB", year=2014)
    assert exports["value_usd"].item() == 2430723644.0
    imports = session.table(reporter="Albania", flow="import", year=2014)
    assert imports["value_usd"].item() == 5229972238.0
    assert session.warehouse.sql("SELECT DISTINCT classification FROM flows")[
        "classification"
    ].tolist() == ["HS12"]


def test_trade_matrix_answer_uses_comtrades_own_country_codes(session):
    # Comtrade writes France as 251 (ISO 250); the trade matrix gives classification "SS".
    (r,) = session.load([COMTRADE / "deu_fra_2023_trade_matrix.json"], format="comtrade")
    assert (r.rows_loaded, r.rows_rejected) == (1, 0)
    t = session.table(reporter="DEU", year=2023, by=["partner"])
    assert t[["partner", "value_usd"]].values.tolist() == [["FRA", 130336161906.531]]


def test_real_baci_lines_with_padded_values(session):
    path = FIXTURES / "baci" / "BACI_HS22_Y2022_V202401b_head.csv"
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (9, 9, 0)
    lines = path.read_text().splitlines()[1:]
    expected = sum(float(line.split(",")[4]) for line in lines) * 1000
    flows = session.warehouse.sql(
        "SELECT reporter, partner, classification, product, value_usd, quantity, unit FROM flows"
    )
    assert flows["value_usd"].sum() == pytest.approx(expected, rel=1e-12)
    assert set(flows["reporter"]) == {"AFG"}
    assert set(flows["partner"]) == {"AND", "AZE"}
    assert set(flows["classification"]) == {"HS22"}
    assert "080211" in set(flows["product"])
    assert set(flows["unit"]) == {"t"}
    assert flows["quantity"].sum() == pytest.approx(0.002 + 0.001 + 8.103 + 0.022 + 0.5 + 0.24 + 47.55 + 0.002 + 21.0)  # fmt: skip
    # The importers' imports come from the same records (BACI is reconciled).
    imports = session.table(reporter="AZE", flow="import", year=2022, partial=True)
    assert imports["value_usd"].item() == pytest.approx((2.027 + 0.912 + 5.642 + 0.167 + 5.034) * 1000)  # fmt: skip
