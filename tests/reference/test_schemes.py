from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hitex.errors import HitexError, UnknownCodeError
from hitex.reference import enduse, products, schemes, tech
from hitex.reference.schemes import SCHEMES, classify, get_scheme, product_groups_frame


def test_registry() -> None:
    names = [s.name for s in SCHEMES]
    assert names[:2] == ["tech", "enduse"]
    assert {"hs-section", "hs-chapter", "hs-heading", "techservices", "enduse-stage"} <= set(names)
    for scheme in SCHEMES:
        assert set(scheme.classifications) <= set(products.CLASSIFICATIONS)


def test_columns() -> None:
    frame = product_groups_frame()
    assert list(frame.columns) == [
        "scheme",
        "classification",
        "product",
        "group_code",
        "group_name",
    ]
    assert frame.notna().all().all()


def test_each_scheme_is_a_partition() -> None:
    frame = product_groups_frame()
    assert not frame.duplicated(["scheme", "classification", "product"]).any()
    names = frame.groupby(["scheme", "classification", "group_code"])["group_name"].nunique()
    assert (names == 1).all()


def test_groups_only_of_known_products() -> None:
    frame = product_groups_frame()
    known = products.products_frame()[["classification", "product"]]
    merged = frame.merge(known, how="left", indicator=True)
    assert (merged["_merge"] == "both").all()


@pytest.mark.parametrize("classification", ["HS17", "HS22"])
def test_every_six_digit_code_gets_a_tech_answer(classification: str) -> None:
    six = products.products_of(classification)
    six = set(six.loc[six["level"] == 6, "product"]) - {"999999"}
    table = product_groups_frame("tech")
    answered = set(table.loc[table["classification"] == classification, "product"])
    assert six <= answered
    assert set(table["group_code"]) == {"high", "medium-high", "medium-low", "low", "none"}


@pytest.mark.parametrize("classification", ["HS92", "HS96", "HS02"])
def test_old_editions_get_tech_through_the_combined_table(classification: str) -> None:
    leaves = set(products.leaves_of(classification)["product"])
    table = product_groups_frame("tech")
    answered = set(table.loc[table["classification"] == classification, "product"])
    # Comtrade's H0/H1 lists also hold a few later codes (271011 ...) the WITS table lacks.
    missing = leaves - answered
    assert missing == (leaves - set(products.hs_combined()["hs"])) | {"999999"} & leaves
    assert len(missing) < 20


@pytest.mark.parametrize("classification", ["HS07", "HS12"])
def test_hs07_and_hs12_get_tech_through_the_unsd_conversion_to_hs2002(classification: str) -> None:
    leaves = set(products.leaves_of(classification)["product"])
    table = product_groups_frame("tech")
    answered = set(table.loc[table["classification"] == classification, "product"])
    assert leaves - answered == {"999999"}


@pytest.mark.parametrize("scheme", ["enduse", "enduse-stage", "bec", "hs-chapter", "hs-heading"])
def test_hs_schemes_cover_hs17_and_hs22(scheme: str) -> None:
    table = product_groups_frame(scheme)
    for classification in ("HS17", "HS22"):
        six = products.products_of(classification)
        six = set(six.loc[six["level"] == 6, "product"])
        missing = six - set(table.loc[table["classification"] == classification, "product"])
        assert missing <= {"710820", "711890"}  # no BEC link (monetary gold, coin)


def test_enduse_alternatives_are_auditable() -> None:
    links = enduse.bec_links()
    chosen = links[links["chosen"]]
    assert not chosen.duplicated(["classification", "product"]).any()
    assert set(chosen["product"]) == set(links["product"])
    chips = links[(links["classification"] == "HS17") & (links["product"] == "854231")]
    assert len(chips) == 8


def test_tech_links_trail() -> None:
    links = tech.tech_links()
    row = links[(links["classification"] == "HS22") & (links["product"] == "851762")]
    assert row[["hs2002", "isic3", "group_code"]].values.tolist() == [["852520", "3220", "high"]]


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1), st.sampled_from([s.name for s in SCHEMES]))
def test_group_totals_add_up_to_the_total(seed: int, scheme: str) -> None:
    table = product_groups_frame(scheme)
    values = np.random.default_rng(seed).uniform(0, 1e9, len(table))
    flows = table.assign(value_usd=values)
    by_group = flows.groupby("group_code")["value_usd"].sum()
    assert by_group.sum() == pytest.approx(values.sum(), rel=1e-9)


def test_unknown_scheme_suggests() -> None:
    with pytest.raises(UnknownCodeError, match=r"Did you mean 'enduse'\?"):
        product_groups_frame("endus")
    with pytest.raises(HitexError):
        get_scheme("nope")


def test_classify_841181() -> None:
    out = classify(["841181"]).set_index("scheme")
    assert out.loc["tech", "group_code"] == "medium-high"
    assert out.loc["enduse", "group_code"] == "transport-parts"
    assert out.loc["hs-heading", "group_code"] == "8411"
    assert out.loc["tech", "description"].startswith("Turbines; gas-turbines")
    assert "techservices" not in out.index


def test_classify_851762_and_order() -> None:
    out = classify(["851762", "8471.30"])
    assert out["product"].drop_duplicates().tolist() == ["851762", "847130"]
    tech_rows = out[out["scheme"] == "tech"].set_index("product")["group_code"]
    assert tech_rows.to_dict() == {"851762": "high", "847130": "high"}


def test_classify_unknown_code() -> None:
    with pytest.raises(UnknownCodeError, match="851799"):
        classify(["851799"])
    out = classify(["851799"], not_found="ignore")
    assert out["group_code"].isna().all()
    assert out["description"].isna().all()


def test_build_is_fast() -> None:
    caches = [
        schemes._all_groups, schemes._descendants, products._products,
        products._by_classification, products.leaves_of, products.hs_combined,
        products.hs_nomenclature, tech._tech_links, enduse._bec_links,
    ]  # fmt: skip
    for cache in caches:
        cache.cache_clear()
    # CPU time, not wall time: the suite runs in parallel on a busy machine.
    start = time.process_time()
    product_groups_frame()
    # 12 classifications, 350,000 rows: about 2.5 s on one core of the build machine.
    assert time.process_time() - start < 6.0


def test_frames_are_copies() -> None:
    frame = product_groups_frame()
    frame["group_code"] = "x"
    assert (product_groups_frame()["group_code"] != "x").all()
    assert isinstance(frame, pd.DataFrame)
