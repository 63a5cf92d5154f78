"""SITC groups on HS codes: shares recomputed in DuckDB straight from the UNSD CSV files."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

import hitex
from hitex.reference._files import data_path
from hitex.reference.products import HS_CLASSIFICATIONS, leaves_of
from hitex.reference.sitchs import hs_groups, hs_shares, link_coverage
from hitex.reference.usergroups import parse_user_scheme
from tests.fixtures import flows_file

CONCORDANCE = data_path("hs-sitc-concordance")
CONVERSION = data_path("hs-conversion")
SITC4_NAMES = data_path("sitc-nomenclature", "sitc_rev4.csv")
#: Groups of SITC Rev.4 prefixes: aircraft, semiconductors and office machines, medicaments.
PREFIXES = {"aero": ("792",), "elec": ("776", "75"), "pharma": ("5417", "5429")}


def _groups() -> pd.DataFrame:
    leaves = leaves_of("SITC4")["product"]
    rows = [
        (leaf, code)
        for code, prefixes in PREFIXES.items()
        for leaf in leaves
        if leaf.startswith(prefixes)
    ]
    frame = pd.DataFrame(rows, columns=["product", "group_code"])
    return frame.assign(classification="SITC4", group_name=frame["group_code"])


def _expected(links_sql: str) -> pd.DataFrame:
    """Share per (hs, group): each link 1/n of the code, split over its basic headings."""
    con = duckdb.connect()
    groups = _groups()[["product", "group_code"]]
    con.register("grp", groups)
    return con.execute(f"""
        WITH names AS (SELECT * FROM read_csv('{SITC4_NAMES}', all_varchar = true)),
        numeric AS (SELECT code, parent FROM names WHERE regexp_full_match(code, '[0-9]+')),
        leaves AS (SELECT code FROM numeric n
                   WHERE NOT EXISTS (SELECT 1 FROM numeric c WHERE c.parent = n.code)),
        links AS ({links_sql}),
        heads AS (SELECT l.hs, l.sitc, l.w, f.code AS leaf,
                         count(*) OVER (PARTITION BY l.hs, l.sitc) AS k
                  FROM links l JOIN leaves f ON starts_with(f.code, l.sitc))
        SELECT hs AS product, group_code, round(sum(w / k), 9) AS share
        FROM heads JOIN grp ON grp.product = heads.leaf
        GROUP BY ALL ORDER BY ALL
    """).df()


def _compare(edition: str, links_sql: str) -> None:
    ours = hs_shares(_groups(), edition)[["product", "group_code", "share"]]
    ours = ours.assign(share=ours["share"].round(9)).sort_values(["product", "group_code"])
    expected = _expected(links_sql)
    expected = expected[expected["product"].isin(set(leaves_of(edition)["product"]))]
    pd.testing.assert_frame_equal(
        ours.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False
    )


def test_hs17_shares_follow_every_unsd_link():
    _compare(
        "HS17",
        f"""
        SELECT hs2017 AS hs, sitc4 AS sitc, 1.0 / count(*) OVER (PARTITION BY hs2017) AS w
        FROM (SELECT DISTINCT hs2017, sitc4 FROM read_csv(
              '{CONCORDANCE / "hs2017_to_sitc4_correlation.csv"}', all_varchar = true))""",
    )


def test_hs22_shares_follow_every_unsd_link():
    _compare(
        "HS22",
        f"""
        SELECT hs2022 AS hs, sitc4 AS sitc, 1.0 / count(*) OVER (PARTITION BY hs2022) AS w
        FROM (SELECT DISTINCT hs2022, sitc4 FROM read_csv(
              '{CONCORDANCE / "hs2022_to_sitc4_correlation.csv"}', all_varchar = true))""",
    )


def test_hs92_shares_go_through_hs17():
    _compare(
        "HS92",
        f"""
        WITH up AS (SELECT DISTINCT hs1992, hs2017 FROM read_csv(
                    '{CONVERSION / "hs2017_to_hs1992_correlation.csv"}', all_varchar = true)),
        s AS (SELECT DISTINCT hs2017, sitc4 FROM read_csv(
              '{CONCORDANCE / "hs2017_to_sitc4_correlation.csv"}', all_varchar = true)),
        a AS (SELECT hs1992, hs2017, 1.0 / count(*) OVER (PARTITION BY hs1992) AS w FROM up),
        b AS (SELECT hs2017, sitc4, 1.0 / count(*) OVER (PARTITION BY hs2017) AS w FROM s)
        SELECT a.hs1992 AS hs, b.sitc4 AS sitc, sum(a.w * b.w) AS w
        FROM a JOIN b USING (hs2017) GROUP BY ALL""",
    )


def test_a_code_split_over_groups_shows_its_shares():
    # HS22 880610 (unmanned aircraft, light) has five UNSD links: 79211, 79215, 7922, 7923, 7924.
    helicopters = pd.DataFrame({"classification": "SITC4", "product": ["79211", "79215"],
                                "group_code": "heli", "group_name": "Helicopters"})  # fmt: skip
    shares = hs_shares(helicopters, "HS22").set_index("product")["share"]
    assert shares["880610"] == pytest.approx(2 / 5)
    groups = hs_groups(helicopters, ("HS22",))
    assert "880610" not in set(groups["product"])  # not more than half
    assert {"880211", "880212"} <= set(groups["product"])


def test_link_coverage_counts_codes_with_a_link():
    cov = link_coverage("SITC4").set_index("classification")
    assert list(cov.index) == list(HS_CLASSIFICATIONS)
    table = (
        duckdb.connect()
        .execute(f"""SELECT DISTINCT hs2017 FROM read_csv(
        '{CONCORDANCE / "hs2017_to_sitc4_correlation.csv"}', all_varchar = true)""")
        .df()
    )
    hs17 = set(leaves_of("HS17")["product"])
    assert cov.loc["HS17", "codes"] == len(hs17)
    assert cov.loc["HS17", "linked"] == len(hs17 & set(table["hs2017"]))
    assert (cov["linked"] <= cov["codes"]).all()
    assert (cov["whole"] == cov["linked"]).all()  # no link leads outside the nomenclature
    assert (cov["linked"] / cov["codes"] > 0.9).all()


def test_sitc_user_scheme_classifies_every_hs_edition():
    scheme = parse_user_scheme(
        "scheme: aero\nclassification: SITC4\ngroups:\n  aerospace: ['792']\n"
    )
    groups = scheme.product_groups
    assert set(groups["classification"]) == {"SITC4", *HS_CLASSIFICATIONS}
    assert (groups["scheme"] == "aero").all()
    hs17 = set(groups.loc[groups["classification"] == "HS17", "product"])
    assert {"880211", "880240", "880260"} <= hs17  # helicopters, large aeroplanes, spacecraft
    assert not any(code.startswith("87") for code in hs17)


def test_sitc_scheme_sums_hs_records_in_a_table(tmp_path):
    rows = [
        (2020, "", "RU-MOW", "CHN", "export", "880240", "100"),  # large aeroplanes: 7924
        (2020, "", "RU-MOW", "CHN", "export", "880330", "7"),  # aircraft parts: 7929
        (2020, "", "RU-MOW", "IND", "export", "851762", "50"),  # telecom: not in 792
    ]
    yaml = tmp_path / "aero.yaml"
    yaml.write_text("scheme: aero\nclassification: SITC4\ngroups:\n  aerospace: ['792']\n")
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([flows_file(tmp_path / "m.csv", rows)], format="flows")
        s.engine.warehouse.add_user_scheme(yaml)
        out = s.table(reporter="RU-MOW", year=2020, by=["group"], groups="aero")
    # 851762 is in no group of the scheme: its value is a row of its own, not lost.
    assert out[["group", "value_usd"]].values.tolist() == [
        ["aerospace", 107.0],
        ["unmapped", 50.0],
    ]


def test_listing_a_sitc_scheme_shows_its_basic_headings(tmp_path):
    yaml = tmp_path / "aero.yaml"
    yaml.write_text("scheme: aero\nclassification: SITC4\ngroups:\n  aerospace: ['792']\n")
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.engine.warehouse.add_user_scheme(yaml)
        listed = s.groups("aero").set_index("classification")
    # SITC Rev.4 792 has 4-digit basic headings (7922 ... 7925) beside 5-digit ones.
    assert listed.loc["SITC4", "products"] == 12
    assert "7925" in listed.loc["SITC4", "codes"].split()
    assert set(listed.index) == {"SITC4", *HS_CLASSIFICATIONS}
