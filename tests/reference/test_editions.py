"""Every HS edition and SITC revision in the schemes: loads, tables, names, coverage.

Expected figures come from the source files read directly (pandas on the bundled CSVs) or by
hand from the concordance rows quoted beside them, never from hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hitex.errors import InputError
from hitex.reference import products
from hitex.reference.coverage import CLASSIFIED, coverage
from hitex.reference.schemes import SCHEMES, product_groups_frame
from tests.fixtures import FIXTURES

BACI92 = FIXTURES / "baci" / "BACI_HS92_Y2021_extract.csv"
NOMENCLATURE = FIXTURES.parent.parent / "src/hitex/reference/data/hs-nomenclature"


def test_chile_has_a_name_for_every_product(demo_session):
    # The bundled Chile-Argentina sample is HS12; every code is in Comtrade's H4 list.
    names = pd.read_csv(NOMENCLATURE / "hs2012.csv", dtype=str).set_index("hscode")["description"]
    for year in (2002, 2004):
        t = demo_session.table(reporter="CHL", year=year, by=["product"])
        assert t["product_name"].notna().all()
        assert t["value_usd"].sum() == {2002: 191_070_218, 2004: 262_963_653}[year]
        row = t.set_index("product").loc["010121"]
        assert row["product_name"] == names["010121"]


def test_a_baci_hs92_year_by_chapter_and_tech(session):
    (r,) = session.load([BACI92], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (6, 6, 0)
    raw = pd.read_csv(BACI92, dtype={"k": str})
    zaf = raw[raw["i"] == 710]
    # Chapters: the first two digits of the HS92 code (Comtrade H0: 847120 -> 8471 -> 84).
    expected = (zaf.groupby(zaf["k"].str[:2])["v"].sum() * 1000).to_dict()
    chapters = session.table(reporter="ZAF", year=2021, by=["group"], groups="hs-chapter")
    assert dict(zip(chapters["group"], chapters["value_usd"], strict=True)) == pytest.approx(
        expected
    )
    # tech, by hand from hs_combined_to_isic3.csv and the OECD table:
    # 847120 -> ISIC 3000 high; 300490 -> 2423 high; 851790 -> 3220 high;
    # 271000 -> 2320 medium-low; 080211 -> 0113 none (not manufacturing).
    tech = session.table(reporter="ZAF", year=2021, by=["group"], groups="tech")
    got = dict(zip(tech["group"], tech["value_usd"], strict=True))
    assert got == pytest.approx(
        {"high": (1000.5 + 200.25 + 10) * 1000, "medium-low": 50_000.0, "none": 3_000.0}
    )
    cover = session.coverage(year=2021)
    assert set(cover.loc[cover["scheme"] != "techservices", "outcome"]) == {CLASSIFIED}


def test_a_scheme_that_does_not_cover_the_edition_says_so(session, tmp_path):
    path = tmp_path / "sitc.csv"
    path.write_text("year,reporter,partner,flow,product,value_usd\n2021,ZAF,CHN,export,7523,100\n")
    session.load([path], format="flows", classification="SITC3")
    with pytest.raises(InputError) as caught:
        session.table(
            reporter="ZAF", year=2021, by=["group"], groups="hs-chapter", if_empty="raise"
        )
    message = str(caught.value)
    assert message.startswith("The 'hs-chapter' scheme does not cover SITC3")
    assert "HS92, HS96, HS02, HS07, HS12, HS17, HS22" in message
    assert "Widen the selection" not in message
    # BEC is defined on SITC Rev.3: 7523 -> BEC 41, capital goods (sitc3_to_bec4.csv).
    t = session.table(reporter="ZAF", year=2021, by=["group"], groups="enduse")
    assert t["group"].tolist() == ["capital-goods"]


def test_sitc_revisions_one_and_two_load_from_comtrade(session, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "refYear,reporterCode,partnerCode,flowCode,classificationCode,cmdCode,primaryValue\n"
        "1985,710,156,X,S1,7143,10\n1985,710,156,X,S2,7522,20\n"
    )
    (r,) = session.load([path], format="comtrade")
    assert (r.rows_loaded, r.rows_rejected) == (2, 0)
    t = session.table(reporter="ZAF", year=1985, by=["product"])
    assert set(t["classification"]) == {"SITC1", "SITC2"}
    assert t["product_name"].notna().all()


LEAVES = {c: products.leaves_of(c)["product"].tolist() for c in ("HS92", "HS12", "SITC1")}


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(sorted(LEAVES)),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 10**9)), min_size=1, max_size=40),
)
def test_a_concordance_keeps_totals(classification, picks):
    """Every code's value ends in exactly one group per scheme, or is unclassified with a reason."""
    leaves = LEAVES[classification]
    flows = pd.DataFrame(
        {
            "classification": classification,
            "product": [leaves[i % len(leaves)] for i, _ in picks],
            "value_usd": [float(v) for _, v in picks],
        }
    )
    total = flows["value_usd"].sum()
    table = coverage(flows)
    for scheme in (s.name for s in SCHEMES):
        mine = table[table["scheme"] == scheme]
        assert mine["value_usd"].sum() == pytest.approx(total)
        groups = product_groups_frame(scheme)
        groups = groups[groups["classification"] == classification]
        assert not groups.duplicated(["classification", "product"]).any()
        grouped = flows.merge(groups, on=["classification", "product"])
        classified = mine.loc[mine["outcome"] == CLASSIFIED, "value_usd"].sum()
        assert grouped["value_usd"].sum() == pytest.approx(classified)
        if classification.startswith("SITC") and scheme.startswith("hs-"):
            assert set(mine["outcome"]) == {"classification not covered"}


def test_coverage_by_classification(session, tmp_path):
    session.load([BACI92], format="baci")
    path = tmp_path / "sitc.csv"
    path.write_text("year,reporter,partner,flow,product,value_usd\n2021,ZAF,CHN,export,7523,100\n")
    session.load([path], format="flows", classification="SITC3")
    cover = session.coverage(year=2021, schemes=["hs-chapter"], by_classification=True)
    got = {(c, o): v for c, o, v in cover[["classification", "outcome", "value_usd"]].values}
    raw = pd.read_csv(BACI92)
    # BACI gives each flow once; the loaded value is every line's v, in thousands of USD.
    assert got == pytest.approx(
        {("HS92", CLASSIFIED): raw["v"].sum() * 1000, ("SITC3", "classification not covered"): 100}
    )
    assert cover["share"].tolist() == [1.0, 1.0]
