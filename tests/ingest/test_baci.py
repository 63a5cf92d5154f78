"""BACI: thousands of USD, BACI's own country codes, HS edition from the file name."""

from __future__ import annotations

import pytest

from tests.fixtures import write_csv

ROWS = [
    (2020, 643, 156, 841181, "348670.5", "12.5"),  # Russia -> China, gas turbines
    (
        2020,
        643,
        699,
        851762,
        "140320.25",
        "         NA",
    ),  # India is 699 (ISO 356); q missing, as BACI writes it
    (2020, 643, 842, 10121, "1.5", "0.2"),  # USA is 842 (ISO 840); k lost its leading zero
    (2020, 490, 643, 854231, "2000", "1"),  # Taiwan is 490
    (2020, 251, 643, 880240, "3000.125", "5"),  # France is 251 (ISO 250)
    (2020, 643, 999, 841181, "1", "1"),  # no country 999
    (2020, 643, 156, "84118A", "1", "1"),  # not a product code
    (2020, 643, 156, 841182, "-5", "1"),  # negative value
]


@pytest.fixture
def baci(tmp_path):
    return write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", ROWS)


def test_values_in_usd_and_countries_resolved(session, baci):
    (r,) = session.load([baci], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (8, 5, 3)
    got = session.table(reporter="RUS", year=2020, by=["partner"]).set_index("partner")
    assert got["value_usd"].to_dict() == {
        "CHN": 348_670_500.0,
        "IND": 140_320_250.0,
        "USA": 1_500.0,
    }
    assert got.loc["IND", "partner_name"] == "India"
    flows = session.warehouse.sql("SELECT * FROM flows ORDER BY reporter, partner")
    assert set(flows["classification"]) == {"HS17"}
    assert "010121" in set(flows["product"])
    assert flows.loc[flows["partner"] == "IND", ["quantity", "unit"]].isna().all().all()
    assert flows.loc[flows["partner"] == "CHN", ["quantity", "unit"]].values.tolist() == [
        [12.5, "t"]
    ]
    imports = session.table(reporter="TWN", year=2020, by=["partner"])
    assert imports["value_usd"].tolist() == [2_000_000.0]


def test_rejects_say_why_with_line_numbers(session, baci):
    (r,) = session.load([baci], format="baci")
    rej = session.rejects(r.id)
    assert rej["line"].tolist() == [7, 8, 9]
    assert rej["reason"].str.contains("unknown partner '999'").iloc[0]
    assert "84118A" in rej["reason"].iloc[1]
    assert rej["reason"].iloc[1].endswith("is not a HS17 code")
    assert rej["reason"].iloc[2] == "negative value -5.0"  # v is read as a number


def test_a_value_that_is_not_a_number_is_kept_with_its_line(session, tmp_path):
    path = write_csv(
        tmp_path / "BACI_HS17_Y2020_V202301.csv",
        "tijkvq",
        [ROWS[0], (2020, 643, 156, 841182, "12x", "1"), ROWS[1]],
    )
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (3, 2, 1)
    rej = session.rejects(r.id)
    assert rej["line"].tolist() == [3]
    assert rej["reason"].item().startswith("malformed line: ")
    assert 'column "v"' in rej["reason"].item()
    assert "12x" in rej["reason"].item()
    assert rej["record"].item() == "2020,643,156,841182,12x,1"


def test_edition_from_file_name(session, tmp_path):
    path = write_csv(tmp_path / "BACI_HS12_Y2015_V202301.csv", "tijkvq", [ROWS[0]])
    session.load([path], format="baci")
    assert session.warehouse.sql("SELECT classification FROM flows")["classification"].tolist() == [
        "HS12"
    ]


def test_each_record_is_also_the_importers_import(session, baci):
    """BACI reconciles both sides: Taiwan's and France's exports are Russia's imports."""
    session.load([baci], format="baci")
    # The file holds some exporters only: imports are partial, given only when asked for.
    imports = session.table(
        reporter="RUS", flow="import", year=2020, by=["partner"], partial=True
    ).set_index("partner")
    assert imports["value_usd"].to_dict() == {"FRA": 3_000_125.0, "TWN": 2_000_000.0}
    balance = session.table(reporter="RUS", flow="balance", year=2020, partial=True)
    exports = 348_670_500.0 + 140_320_250.0 + 1_500.0
    assert balance["value_usd"].item() == exports - 5_000_125.0
    china = session.table(reporter="CHN", flow="import", year=2020, by=["partner"], partial=True)
    assert china[["partner", "value_usd"]].values.tolist() == [["RUS", 348_670_500.0]]
    assert session.warehouse.sql("SELECT count(*) AS n FROM flows")["n"].item() == 5  # stored once
