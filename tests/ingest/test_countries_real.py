"""Every code of Comtrade's and BACI's country lists, and a real legacy Comtrade CSV download.

Expected figures are read from the raw files with pandas or the stdlib, never from hitex.
"""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hitex
from hitex.errors import BadFileError
from hitex.reference.countries import data_path, resolve
from tests.fixtures import FIXTURES

COMTRADE = FIXTURES / "comtrade"
LEGACY = COMTRADE / "legacy_hs_01_2016_world.csv"


def _areas(role: str) -> dict[int, str]:
    with open(data_path("comtrade-areas", f"{role}Areas.json"), encoding="utf-8") as f:
        rows = json.load(f)["results"]
    return {int(r["id"]): r["text"] for r in rows if r["id"].isdigit() and r["id"] != "0"}


def _names(session) -> dict[str, tuple[str, str]]:
    frame = session.warehouse.sql("SELECT code, name_en, name_ru FROM country_names")
    return {c: (e, r) for c, e, r in frame.itertuples(index=False)}


def test_every_comtrade_partner_and_reporter_code_loads_as_itself(session, tmp_path):
    partners, reporters = _areas("partner"), _areas("reporter")
    path = tmp_path / "codes.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["refYear", "reporterCode", "partnerCode", "flowCode", "cmdCode", "primaryValue"]
        )
        for i, code in enumerate(sorted(partners), start=1):
            w.writerow([2016, 842, code, "M", "TOTAL", i])
        for i, code in enumerate(sorted(reporters), start=1):
            w.writerow([2016, code, 842 if code != 842 else 124, "X", "TOTAL", i])
    (r,) = session.load([path], format="comtrade")
    assert (r.rows_read, r.rows_rejected) == (len(partners) + len(reporters), 0)
    flows = session.warehouse.sql("SELECT reporter, partner, flow, value_usd FROM flows")
    imports = flows[flows["flow"] == "import"]
    # Nothing falls into World: every partner code is a partner of its own.
    assert "WLD" not in set(imports["partner"])
    names = _names(session)
    for code in [*imports["partner"], *flows[flows["flow"] == "export"]["reporter"]]:
        en, ru = names[code]
        assert en, code
        assert ru, code
    by_value = dict(zip(imports["value_usd"], imports["partner"], strict=False))
    ordered = sorted(partners)
    code_of = {partners[c]: by_value.get(float(i)) for i, c in enumerate(ordered, start=1)}
    # The nes areas, Bunkers, Free Zones and historical codes the Comtrade list names.
    assert code_of["Areas, nes"] == "X899"
    assert code_of["LAIA, nes"] == "X473"
    assert code_of["Other Europe, nes"] == "X568"
    assert code_of["Other Africa, nes"] == "X577"
    assert code_of["North America and Central America, nes"] == "X637"
    assert code_of["Other Asia, nes"] == "S19"
    assert code_of["Bunkers"] == "X837"
    assert code_of["Free Zones"] == "X838"
    assert code_of["Special Categories"] == "X839"
    assert code_of["Italy"] == "ITA"
    assert code_of["Fmr Fed. Rep. of Germany"] == "X280"
    assert code_of["So. African Customs Union"] == "ZA1"
    assert code_of["Fmr Sudan"] == "X736"
    assert names["X899"] == ("Areas, nes", "Территории, не указанные")


def test_every_baci_code_loads(session, tmp_path):
    raw = pd.read_csv(data_path("baci-reference", "country_codes_V202301.csv"), dtype=str)
    codes = sorted({int(c) for c in raw["country_code"]} | {381})  # Italy before V202201
    path = tmp_path / "BACI_HS17_Y2020_V202301.csv"
    lines = ["t,i,j,k,v,q"] + [f"2020,4,{c},854231,{i}.5,1" for i, c in enumerate(codes, 1)]
    path.write_text("\n".join(lines) + "\n")
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (len(codes), len(codes), 0)
    got = session.warehouse.sql(
        "SELECT partner FROM flows WHERE reporter = 'AFG' ORDER BY value_usd"
    )["partner"].tolist()
    assert "WLD" not in got
    by_code = dict(zip(codes, got, strict=True))
    assert (by_code[381], by_code[380], by_code[490], by_code[697]) == ("ITA", "ITA", "TWN", "R20")
    assert by_code[4] == "AFG"  # Afghanistan's own goods re-imported: a partner like any other


def test_comtrade_bacis_and_wits_names_resolve():
    assert resolve("Rep. of Korea") == "KOR"
    assert resolve("China, Hong Kong SAR") == "HKG"
    assert resolve("Cayman Isds") == "CYM"
    assert resolve("Dem. Rep. of the Congo") == "COD"
    assert resolve("Bosnia Herzegovina") == "BIH"
    assert resolve("Korea, Rep.") == "KOR"  # WITS
    assert resolve("Micronesia, Fed. Sts.") == "FSM"
    assert resolve("Venezuela, RB") == "VEN"
    assert resolve("Serbia, FR(Serbia/Montenegro)") == "SCG"
    assert resolve("Chinese Taipai") == "TWN"  # BACI's abbreviation, as spelled there
    assert resolve("Areas, nes") == "X899"


def _legacy() -> pd.DataFrame:
    return pd.read_csv(LEGACY, dtype={"Commodity Code": str})


def test_a_legacy_comtrade_csv_loads_without_column_options(session):
    raw = _legacy()
    (r,) = session.load([LEGACY], format="comtrade")
    assert len(raw) == 127
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (127, 127, 0)
    flows = session.warehouse.sql(
        "SELECT reporter, flow, classification, value_usd FROM flows WHERE partner = 'WLD'"
    )
    assert len(flows) == len(raw)
    # Italy is 381 in this 2016 file: its imports are there, to the dollar.
    italy = raw[(raw["Reporter Code"] == 381) & (raw["TradeFlow Code"] == 1)]
    assert italy["TradeValueUS"].item() == 1578000310
    got = session.table(reporter="ITA", year=2016, flow="import")
    assert got["value_usd"].item() == 1578000310.0
    # Every flow's total, and the HS editions of the Classification column.
    flow_names = {1: "import", 2: "export", 3: "re-export", 4: "re-import"}
    expected = raw.groupby(raw["TradeFlow Code"].map(flow_names))["TradeValueUS"].sum()
    totals = flows.groupby("flow")["value_usd"].sum()
    assert totals.to_dict() == expected.astype(float).to_dict()
    editions = {"H4": "HS12", "H3": "HS07", "H2": "HS02"}
    assert set(flows["classification"]) == {editions[c] for c in raw["Classification"]}


def test_the_documented_legacy_headers_load_too(session, tmp_path):
    # Comtrade's own spelling of the legacy headers (the fixture's copy writes "TradeFlow Code").
    text = LEGACY.read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    header = (
        header.replace("TradeFlow Code", "Trade Flow Code")
        .replace("TradeFlow,", "Trade Flow,")
        .replace("Netweightkg", "Netweight (kg)")
        .replace("GrossWeightkg", "Gross weight (kg)")
        .replace("TradeValueUS", "Trade Value (US$)")
        .replace("CIF TradeValue", "CIF Trade Value (US$)")
    )
    path = tmp_path / "comtrade.csv"
    path.write_text(header + "\n" + rest, encoding="utf-8")
    (r,) = session.load([path], format="comtrade")
    assert (r.rows_loaded, r.rows_rejected) == (127, 0)
    total = session.warehouse.sql("SELECT sum(value_usd) AS v FROM flows")["v"].item()
    assert total == float(_legacy()["TradeValueUS"].sum())


def test_missing_fields_name_hitex_fields_and_the_columns_that_look_like_them(session, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Year,Reporter,Partner,Commodity,TradeFlow,Value in USD\n2016,A,B,01,1,5\n")
    with pytest.raises(BadFileError) as info:
        session.load([path], format="comtrade")
    message = str(info.value)
    # hitex's field names, as --column takes them, and the source columns like each.
    assert message.startswith(
        "odd.csv has no columns 'reporter', 'partner', 'flow', 'product', 'value_usd'"
    )
    assert "value_usd: 'Value in USD'" in message
    assert "product: 'Commodity'" in message
    assert "flow: 'TradeFlow'" in message


# -- a Comtrade answer's partners and its World total ------------------------------------
_CHN = json.loads((COMTRADE / "chn_2010_total_by_partner.json").read_text(encoding="utf-8"))
_IMPORTS = [r for r in _CHN["data"] if r["flowCode"] == "M"]
# The real answer holds Argentina and Germany; the other partners are records of the same
# shape for China itself (re-imports), Areas nes, LAIA nes, Bunkers and Other Asia nes.
_PARTNERS = [
    *_IMPORTS,
    *(
        {**_IMPORTS[0], "partnerCode": code, "partnerISO": iso, "primaryValue": value}
        for code, iso, value in [
            (156, "CHN", 122.5),
            (899, "_X", 1000.25),
            (473, "XL", 77.0),
            (837, "XX", 5.5),
            (490, "S19", 3000.0),
        ]
    ),
]
_WORLD_VALUE = sum(r["primaryValue"] for r in _PARTNERS) + 123456.0


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=st.lists(st.sampled_from(range(len(_PARTNERS))), unique=True))
def test_partner_rows_and_unallocated_add_up_to_world(tmp_path_factory, chosen):
    tmp = tmp_path_factory.mktemp("subset")
    world = {**_IMPORTS[0], "partnerCode": 0, "partnerISO": "W00", "primaryValue": _WORLD_VALUE}
    records = [_PARTNERS[i] for i in chosen] + [world]
    path = tmp / "answer.json"
    path.write_text(json.dumps({"count": len(records), "data": records}), encoding="utf-8")
    session = hitex.open(tmp / "w.duckdb")
    try:
        (r,) = session.load([path], format="comtrade")
        assert (r.rows_loaded, r.rows_rejected) == (len(records), 0)
        table = session.table(reporter="CHN", flow="import", year=2010, by=["partner"])
        got = dict(zip(table["partner"], table["value_usd"], strict=True))
        assert sum(got.values()) == pytest.approx(_WORLD_VALUE, rel=1e-12)
        expected_rest = _WORLD_VALUE - sum(_PARTNERS[i]["primaryValue"] for i in chosen)
        assert got["WLD"] == pytest.approx(expected_rest, rel=1e-12)
        assert len(got) == len(chosen) + 1
        names = dict(zip(table["partner"], table["partner_name"], strict=True))
        if 2 in chosen:  # China's own goods re-imported: a partner row of its own
            assert got["CHN"] == 122.5
            assert names["CHN"] == "China (own goods re-imported)"
        if 3 in chosen:
            assert names["X899"] == "Areas, nes"
    finally:
        session.close()


def test_a_comtrade_plus_csv_with_second_partner_breakdowns(session):
    # China's imports of HS 8542 from the USA, 2010-2024 (173 records): 2015-2017 also give
    # every second partner (partner2Code) beside the total over them (partner2Code 0).
    path = COMTRADE / "chn_imports_usa_8542_2010_2024.csv"
    raw = pd.read_csv(path)
    totals = raw[(raw["partner2Code"] == 0) & (raw["motCode"] == 0) & (raw["customsCode"] == "C00")]
    (r,) = session.load([path], format="comtrade")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (173, len(totals), 173 - len(totals))
    assert len(totals) == 15
    reasons = session.rejects(r.id)["reason"]
    assert reasons.str.fullmatch(
        r"breakdown by partner2Code \d+; only the total over it \(0\) is loaded"
    ).all()
    for year, value in totals.groupby("refYear")["primaryValue"].sum().items():
        got = session.table(reporter="CHN", flow="import", year=int(year), by=["partner"])
        assert got[["partner", "value_usd"]].values.tolist() == [["USA", value]], year
