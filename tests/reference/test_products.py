from __future__ import annotations

from hitex.reference.products import CLASSIFICATIONS, products_frame, products_of


def test_classification_names() -> None:
    assert CLASSIFICATIONS == (
        "HS92", "HS96", "HS02", "HS07", "HS12", "HS17", "HS22",
        "SITC1", "SITC2", "SITC3", "SITC4", "EBOPS2010",
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
    for classification in CLASSIFICATIONS:
        table = products_of(classification)
        parents = set(table["parent"].dropna())
        assert parents <= set(table["product"]), classification


def test_every_hs_edition_is_complete() -> None:
    # Counts of the Comtrade classification files H0 ... H4 (SOURCE.md), read by hand.
    counts = {
        "HS92": {2: 97, 4: 1242, 6: 5040},
        "HS96": {2: 97, 4: 1242, 6: 5133},
        "HS02": {2: 97, 4: 1245, 6: 5225},
        "HS07": {2: 97, 4: 1222, 6: 5053},
        "HS12": {2: 97, 4: 1225, 6: 5206},
    }
    for classification, expected in counts.items():
        assert products_of(classification)["level"].value_counts().to_dict() == expected


def test_old_editions_have_their_own_codes_and_names() -> None:
    def has(classification: str, code: str) -> bool:
        return code in set(products_of(classification)["product"])

    assert has("HS92", "851710")
    assert not has("HS96", "851710")
    assert has("HS96", "851721")
    assert not has("HS07", "851721")
    assert has("HS07", "851762")  # new in HS2007
    assert has("HS12", "010121")  # new in HS2012
    assert not has("HS07", "010121")
    names = products_of("HS96").set_index("product")["description"]
    assert names["851721"].endswith("facsimile machines")
    assert products_of("HS92").set_index("product")["description"]["0101"].startswith("Horses")


def test_sitc_revisions_one_and_two() -> None:
    # Comtrade S1 / S2 files: 1,912 and 2,577 numeric codes.
    assert len(products_of("SITC1")) == 1912
    assert len(products_of("SITC2")) == 2577
    assert products_of("SITC2").set_index("product")["parent"]["7810"] == "781"
