"""hitex.complexity against hand-computed figures and the Growth Lab's ``ecomplexity``."""

from __future__ import annotations

import logging

import ibis
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import hitex
from hitex.complexity import export_matrix, export_values, measure, proximity
from hitex.errors import InputError
from tests.complexity import hand, oracle
from tests.fixtures import FIXTURES

NATIONAL = list(hand.EXPORTS)


def _exports(frame: pd.DataFrame) -> pd.DataFrame:
    """The ``year, reporter, product, export_value`` rows with exports (ecomplexity's input)."""
    out = frame[frame["export_value"] > 0][["year", "reporter", "product", "export_value"]]
    return out.reset_index(drop=True)


# -- the hand-computed world ------------------------------------------------------------------
def test_rca_mcp_diversity_ubiquity_by_hand(hand_session):
    out = hand_session.complexity(year=2020)
    assert out.columns.tolist() == [
        "year", "reporter", "product", "export_value", "rca", "mcp", "diversity", "ubiquity",
        "eci", "pci", "density", "coi", "cog",
    ]  # fmt: skip
    assert len(out) == 4 * 4  # every reporter x product, exported or not
    for reporter, mcp in hand.MCP.items():
        mine = out[out["reporter"] == reporter].set_index("product")
        assert mine.loc[hand.PRODUCTS, "mcp"].tolist() == mcp, reporter
        assert (mine["diversity"] == hand.DIVERSITY[reporter]).all()
        assert mine["ubiquity"].to_dict() == hand.UBIQUITY
        for product in hand.PRODUCTS:
            expected = hand.RCA.get((reporter, product), 0.0)
            assert mine.loc[product, "rca"] == pytest.approx(expected, rel=1e-12)
    deu = out[out["reporter"] == "DEU"].set_index("product")["export_value"]
    assert deu.tolist() == [30.0, 0.0, 30.0, 40.0]  # two partners added up


def test_hand_world_matches_ecomplexity(hand_session):
    out = hand_session.complexity(year=2020)
    world = out[out["reporter"].isin(NATIONAL)]
    oracle.assert_same(world, _exports(world))


def test_eci_is_the_mean_pci_of_products_held(hand_session):
    out = hand_session.complexity(year=2020)
    for reporter, rows in out.groupby("reporter"):
        held = rows[rows["mcp"] == 1]
        assert rows["eci"].iloc[0] == pytest.approx(held["pci"].mean(), rel=1e-9), reporter


def test_city_is_placed_in_the_world_without_being_counted(hand_session, tmp_path):
    with_city = hand_session.complexity(year=2020)
    s = hitex.open(tmp_path / "hand.duckdb")
    national = [r for r in hand.rows() if r[2] != "RU-MOW"]
    s.load([hand.flows_file(tmp_path / "hand.csv", national)], format="flows")
    without = s.complexity(year=2020)
    s.close()
    world = with_city[with_city["reporter"] != "RU-MOW"].reset_index(drop=True)
    pd.testing.assert_frame_equal(world, without)
    city = with_city[with_city["reporter"] == "RU-MOW"].set_index("product")
    mcp = np.array(hand.MCP["RU-MOW"], dtype=float)
    m = np.array([hand.MCP[r] for r in NATIONAL], dtype=float)
    phi = proximity(m, m.sum(axis=0))
    np.testing.assert_allclose(city["density"], mcp @ phi / phi.sum(axis=1), rtol=1e-12)


# -- real data ------------------------------------------------------------------------------
def _tradestatistics_2002() -> pd.DataFrame:
    """Real 2002 exports by HS6 product: Chile, Argentina (to Chile), and the rest of the world.

    Open Trade Statistics (UN Comtrade): Chile's exports (yrc), Chile's imports from Argentina
    (yrpc, Argentina's exports there) and the world's exports (yc), minus both.
    """
    folder = FIXTURES / "tradestatistics"
    read = {"dtype": {"commodity_code": str}}
    world = pd.read_csv(folder / "yc_world_2002.csv", **read).set_index("commodity_code")
    chl = pd.read_csv(folder / "yrc_chl_2002.csv", **read).set_index("commodity_code")
    arg = pd.read_csv(folder / "yrpc_chl_arg_2002.csv", **read).set_index("commodity_code")
    parts = {
        "CHL": chl["trade_value_usd_exp"],
        "ARG": arg["trade_value_usd_imp"],
    }
    index = world.index
    parts = {k: v.reindex(index).fillna(0.0) for k, v in parts.items()}
    parts["ROW"] = world["trade_value_usd_exp"].fillna(0.0) - parts["CHL"] - parts["ARG"]
    frames = [
        pd.DataFrame({"reporter": k, "product": index, "value_usd": v.to_numpy()})
        for k, v in parts.items()
    ]
    out = pd.concat(frames, ignore_index=True)
    return out.assign(year=2002, partner="WLD", flow="export", classification="HS92")


def test_real_exports_match_ecomplexity():
    flows = _tradestatistics_2002()
    rows = export_matrix(
        {"flows": ibis.memtable(flows)}, year=2002, classification="HS92", digits=4
    ).to_pandas()
    out = measure(rows, year=2002)
    assert out["product"].nunique() > 1000
    assert set(out["reporter"]) == {"ARG", "CHL", "ROW"}
    by4 = flows.assign(product=flows["product"].str[:4])
    by4 = by4.groupby(["year", "reporter", "product"], as_index=False)["value_usd"].sum()
    oracle.assert_same(
        out, by4.rename(columns={"value_usd": "export_value"}).query("export_value > 0")
    )


@st.composite
def _worlds(draw: st.DrawFn) -> pd.DataFrame:
    countries = draw(st.integers(3, 8))
    products = draw(st.integers(3, 12))
    values = draw(
        st.lists(
            st.one_of(st.just(0.0), st.floats(1.0, 1e6)),
            min_size=countries * products, max_size=countries * products,
        )
    )  # fmt: skip
    frame = pd.DataFrame({
        "year": 2020,
        "reporter": np.repeat([f"C{i}" for i in range(countries)], products),
        "product": np.tile([f"{p:04d}" for p in range(products)], countries),
        "export_value": values,
    })  # fmt: skip
    return frame[frame["export_value"] > 0].reset_index(drop=True)


@settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(_worlds())
def test_any_world_matches_ecomplexity(world):
    assume(world["reporter"].nunique() >= 3)
    flows = world.rename(columns={"export_value": "value_usd"}).assign(
        partner="WLD", flow="export", classification="HS17"
    )
    rows = export_matrix({"flows": ibis.memtable(flows)}, year=2020, classification="HS17")
    rows = rows.to_pandas()
    # RCA within rounding of 1 makes Mcp a coin toss between two float orders: skip those.
    assume(not np.isclose(rows["rca"], 1.0, rtol=1e-9).any())
    try:
        out = measure(rows, year=2020)
    except InputError:
        assume(False)  # a network in pieces: ECI is undefined (tested below)
    assume(out["ubiquity"].min() > 0)
    # Where ECI does not correlate with diversity, its sign is undefined (a coin toss in both).
    per = out.groupby("reporter")[["diversity", "eci"]].first()
    assume(per["diversity"].nunique() > 1)
    assume(abs(np.corrcoef(per["diversity"], per["eci"])[0, 1]) > 1e-6)
    oracle.assert_same(out, world)


# -- clear messages -----------------------------------------------------------------------------
def test_no_exports_in_the_year(hand_session):
    with pytest.raises(InputError, match="no exports in 1999"):
        hand_session.complexity(year=1999)


def test_reporter_without_exports(hand_session):
    with pytest.raises(InputError, match="KAZ has no exports in 2020"):
        hand_session.complexity(year=2020, reporter="KAZ")
    with pytest.raises(InputError, match="KAZ has no exports in 2020"):
        hand_session.opportunities(reporter="Kazakhstan", year=2020)


def test_single_country_year(demo_session):
    # The bundled sample holds Chile's trade with Argentina only.
    with pytest.raises(InputError, match=r"exports of one country only \(CHL\)"):
        demo_session.complexity(year=2002)


def test_product_no_one_exports_with_advantage(caplog):
    # At RCA >= 1.2 nobody holds "03" (RCA 1.056, 0.616, 1.183); the others link everyone.
    values = {"AAA": [9, 2, 9, 8], "BBB": [2, 6, 3, 5], "CCC": [6, 9, 9, 1]}
    flows = pd.DataFrame(
        [
            (2020, r, f"0{p + 1}", float(v), "WLD", "export", "HS17")
            for r, vs in values.items()
            for p, v in enumerate(vs)
        ],
        columns=["year", "reporter", "product", "value_usd", "partner", "flow", "classification"],
    )
    rows = export_matrix({"flows": ibis.memtable(flows)}, year=2020, classification="HS17",
                         threshold=1.2).to_pandas()  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="hitex.complexity.space"):
        out = measure(rows, year=2020)
    assert "1 product(s) of 2020 are exported with advantage by no country (03)" in caplog.text
    nobody = out[out["product"] == "03"]
    assert (nobody["ubiquity"] == 0).all()
    assert nobody[["pci", "density", "cog"]].isna().all().all()
    assert out[out["product"] != "03"][["pci", "density"]].notna().all().all()


def test_too_few_countries_with_advantage(hand_session):
    # At RCA >= 2 only ITA holds a product (020110, 2.22).
    with pytest.raises(InputError, match="only 1 country exports any product with advantage"):
        hand_session.complexity(year=2020, threshold=2.0)


def test_network_in_pieces():
    flows = pd.DataFrame({
        "year": 2020, "reporter": ["AAA", "BBB", "CCC", "CCC"], "product": ["01", "02", "01", "03"],
        "value_usd": [1.0, 1.0, 1.0, 1.0], "partner": "WLD", "flow": "export",
        "classification": "HS17",
    })  # fmt: skip
    rows = export_matrix({"flows": ibis.memtable(flows)}, year=2020, classification="HS17")
    with pytest.raises(InputError, match="not connected"):
        measure(rows.to_pandas(), year=2020)


def test_several_classifications_need_a_choice(session, tmp_path):
    from tests.fixtures import flows_file  # noqa: PLC0415

    session.load([flows_file(tmp_path / "a.csv", hand.rows())], format="flows")
    session.load([flows_file(tmp_path / "b.csv", [(2020, "", "DEU", "CHN", "export", "8542", 1)])],
                 format="flows", classification="HS22")  # fmt: skip
    with pytest.raises(InputError, match=r"several classifications \(HS17 .*choose one"):
        session.complexity(year=2020)
    assert len(session.complexity(year=2020, classification="hs17")) == 16


def test_world_totals_never_add_to_detail(session, tmp_path):
    # AAA gives 5 to China and a world total of 9: the matrix holds 9, not 14. BBB gives a
    # world total only (country-to-world data): 7. TOTAL (all products) is not a product.
    path = tmp_path / "f.csv"
    path.write_text(
        "year,reporter,partner,flow,product,value_usd\n"
        "2020,AUT,CHN,export,010121,5\n2020,AUT,World,export,010121,9\n"
        "2020,BEL,World,export,010121,7\n2020,BEL,CHN,export,TOTAL,3\n"
    )
    session.load([path], format="flows")
    out = export_values(session.tables()["flows"], year=2020, classification="HS17").to_pandas()
    assert dict(zip(out["reporter"], out["export_value"], strict=True)) == {"AUT": 9.0, "BEL": 7.0}


def test_by_reporter_and_top(hand_session):
    ranking = hand_session.complexity(year=2020, by="reporter")
    assert ranking["reporter"].tolist()[:2] == ["RU-MOW", "DEU"]
    assert ranking.columns.tolist() == [
        "year",
        "reporter",
        "export_value",
        "diversity",
        "eci",
        "coi",
    ]
    nearest = hand_session.complexity(year=2020, reporter="FRA", top=2)
    assert nearest["product"].tolist() == ["854231", "300490"]  # not held, densest first
    assert nearest["density"].tolist() == pytest.approx([0.4, 0.25])
    with pytest.raises(InputError, match="by product or by reporter"):
        hand_session.complexity(year=2020, by="partner")
