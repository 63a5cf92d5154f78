from __future__ import annotations

from hitex.reference.products import CLASSIFICATIONS, products_frame, products_of


def test_classification_names() -> None:
    assert CLASSIFICATIONS == (
        "HS92", "HS96", "HS02", "HS07", "HS12", "HS17", "HS22", "SITC3", "SITC4", "EBOPS2010",
    )  # fmt: skip
    assert set(products_frame()["classification"]) == set(CLASSIFICATIONS)


def test_columns_and_keys() -> None:
    frame = products_frame()
    assert list(frame.columns) == ["classification", "product", "level", "description", "parent"]
    assert not frame.duplicated(["classification", "product"]).any()
    assert frame["description"].notna().all()
    assert frame["level"].dtype.kind == "i"


def test_hs17_and_hs22_counts() -> None:
    # SOURCE.md: hs2017 97 / 1223 / 5388 (with 999999), hs2022 97 / 1229 / 5613.
    hs17 = products_of("HS17")["level"].value_counts().to_dict()
    hs22 = products_of("HS22")["level"].value_counts().to_dict()
    assert hs17 == {2: 97, 4: 1223, 6: 5388}
    assert hs22 == {2: 97, 4: 1229, 6: 5613}


def test_pseudo_rows_dropped() -> None:
    products = set(products_frame()["product"])
    assert not {"TOTAL", "ALL", "AG1", "", "S"} & products
    assert not any(code.endswith("X") for code in products_of("SITC4")["product"])
    assert "999999" in set(products_of("HS17")["product"])  # kept on purpose


def test_leading_zeros_and_levels() -> None:
    hs = products_of("HS17")
    assert (hs["product"].str.len() == hs["level"]).all()
    assert "010121" in set(hs["product"])
    assert "0015" in set(products_of("SITC4")["product"])


def test_parents_exist() -> None:
    for classification in ("HS17", "HS22", "SITC3", "SITC4", "EBOPS2010"):
        table = products_of(classification)
        parents = set(table["parent"].dropna())
        assert parents <= set(table["product"]), classification


def test_old_editions_follow_year_ranges() -> None:
    def has(classification: str, code: str) -> bool:
        return code in set(products_of(classification)["product"])

    assert has("HS92", "851710")
    assert not has("HS96", "851710")
    assert has("HS96", "851721")
    assert has("HS02", "851721")
    assert not has("HS07", "851721")
    assert has("HS02", "010110")
    assert not has("HS96", "010110")
    assert not has("HS07", "851762")  # new in HS07: no source, documented gap
    descriptions = products_of("HS96").set_index("product")["description"]
    assert descriptions["851721"] == "Facsimile machines"


def test_hs12_is_codes_kept_from_hs02_to_hs17() -> None:
    hs12 = set(products_of("HS12")["product"])
    assert hs12 <= set(products_of("HS17")["product"])
    assert hs12 <= set(products_of("HS07")["product"])
    assert "841181" in hs12
