"""Files as users have them: every file type, with and without each optional column, with
hostile column names, in other encodings and delimiters; totals computed by hand."""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hitex
from hitex.errors import BadFileError, InputError

#: Three records of RU-MOW: two exports (100.5 + 20) and one import (7.25).
BASE = {
    "year": ["2020", "2020", "2020"],
    "reporter": ["RU-MOW", "RU-MOW", "RU-MOW"],
    "partner": ["CHN", "India", "392"],
    "flow": ["export", "export", "import"],
    "product": ["841181", "851762", "847330"],
    "value_usd": ["100.5", "20", "7.25"],
}
OPTIONAL = {
    "month": ["1", "2", "2"],
    "quantity": ["3", "", "1.5"],
    "unit": ["u", "", "kg"],
    "classification": ["HS17", "HS17", ""],
}
#: Extra columns whose names the load's own SQL could mistake for its own.
HOSTILE = {
    "value": ["9", "9", "9"],
    "quantity_n": ["x", "y", "z"],
    "row": ["a", "b", "c"],
    "rowid": ["1", "2", "3"],
    "extra_reason": ["boom", "boom", "boom"],
    'note"x': ["n", "n", "n"],
}


def _write(frame: pd.DataFrame, path: Path) -> Path:
    if path.suffix == ".csv":
        frame.to_csv(path, index=False)
    elif path.suffix == ".parquet":
        frame.to_parquet(path, index=False)
    else:
        frame.to_excel(path, index=False)
    return path


CASES = list(
    itertools.product(
        ["csv", "parquet", "xlsx"],
        [(), ("month",), ("quantity", "unit"), tuple(OPTIONAL)],
        [False, True],
    )
)


@pytest.mark.parametrize(("suffix", "optional", "hostile"), CASES)
def test_flows_file_types_optional_and_hostile_columns(
    session, tmp_path, suffix, optional, hostile
):
    columns = dict(BASE) | {c: OPTIONAL[c] for c in optional} | (HOSTILE if hostile else {})
    path = _write(pd.DataFrame(columns), tmp_path / f"flows.{suffix}")
    (r,) = session.load([path], format="flows")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (3, 3, 0)
    flows = session.warehouse.sql("SELECT * FROM flows ORDER BY product")
    assert flows["value_usd"].tolist() == [100.5, 7.25, 20.0]
    assert flows["partner"].tolist() == ["CHN", "JPN", "IND"]
    assert set(flows["classification"]) == {"HS17"}
    if "quantity" in optional:
        assert flows["quantity"].tolist()[:2] == [3.0, 1.5]
        assert pd.isna(flows["quantity"].iloc[2])
        assert flows["unit"].tolist()[:2] == ["u", "kg"]
    else:
        assert flows["quantity"].isna().all()
    months = [None if pd.isna(m) else int(m) for m in flows["month"]]
    assert months == ([1, 2, 2] if "month" in optional else [None, None, None])
    exports = session.table(reporter="RU-MOW", year=2020)
    assert exports["value_usd"].item() == 120.5


def test_quantity_column_and_extra_columns_named_like_internal_ones(session, tmp_path):
    # The file of DESIGN.md with every optional column and two extra ones named value and note.
    path = tmp_path / "f.csv"
    path.write_text(
        "year,month,reporter,partner,flow,product,value_usd,quantity,unit,value,note\n"
        "2020,1,RUS,CHN,export,841181,1000.5,3,u,9,x\n2020,2,RUS,IND,export,851762,20,,,,\n"
    )
    (r,) = session.load([path], format="flows")
    assert (r.rows_loaded, r.rows_rejected) == (2, 0)
    assert session.table(reporter="RUS", year=2020)["value_usd"].item() == 1020.5


@pytest.mark.parametrize("spelling", ["", "NA", " n/a ", "NaN", "nan"])
def test_a_quantity_missing_however_spelled_is_missing(session, tmp_path, spelling):
    path = tmp_path / "f.csv"
    path.write_text(
        "year,reporter,partner,flow,product,value_usd,quantity\n"
        f"2020,RUS,CHN,export,841181,1000.5,{spelling}\n2020,RUS,IND,export,851762,20,2.5\n"
    )
    (r,) = session.load([path], format="flows")
    assert (r.rows_loaded, r.rows_rejected) == (2, 0)
    got = session.warehouse.sql("SELECT partner, quantity FROM flows ORDER BY partner")
    # No NaN: a quantity missing is NULL, and sums and counts of quantities skip it.
    assert got["partner"].tolist() == ["CHN", "IND"]
    assert pd.isna(got["quantity"].iloc[0])
    assert got["quantity"].iloc[1] == 2.5
    count = session.warehouse.sql("SELECT count(quantity) AS n FROM flows")["n"].item()
    assert count == 1


def _rows_text(delimiter: str, decimal: str) -> str:
    lines = ["year;reporter;partner;flow;product;value_usd".replace(";", delimiter)]
    for partner, value in (("Китай", "1 234,5"), ("Индия", "10,25")):
        v = value if decimal == "," else value.replace(" ", "").replace(",", ".")
        lines.append(delimiter.join(["2020", "RU-MOW", partner, "экспорт", "841181", v]))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("encoding", "delimiter", "decimal"),
    [("utf-8", ",", "."), ("utf-8-sig", ",", "."), ("cp1251", ";", ","), ("utf-8", ";", ",")],
)
def test_encodings_delimiters_and_decimal_commas(session, tmp_path, encoding, delimiter, decimal):
    path = tmp_path / "f.csv"
    path.write_bytes(_rows_text(delimiter, decimal).encode(encoding))
    (r,) = session.load([path], format="flows")
    assert (r.rows_loaded, r.rows_rejected) == (2, 0)
    t = session.table(reporter="RU-MOW", year=2020, by=["partner"])
    assert t[["partner", "value_usd"]].values.tolist() == [["CHN", 1234.5], ["IND", 10.25]]


def test_quoted_line_breaks_keep_the_files_line_numbers(session, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text(
        "year,reporter,partner,flow,product,value_usd,note\n"
        '2020,RUS,CHN,export,841181,1,"a note\nover two lines"\n'
        "2020,RUS,Chinna,export,841181,2,\n"
        '2020,RUS,IND,export,841181,3,"three\n\nlines"\n'
        "2020,RUS,IND,export,841181,-4,\n"
    )
    (r,) = session.load([path], format="flows")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (4, 2, 2)
    rej = session.rejects(r.id)
    assert rej["line"].tolist() == [4, 8]
    assert rej["reason"].tolist()[1] == "negative value -4"


def test_excel_rows_are_numbered_as_in_the_sheet(session, tmp_path):
    frame = pd.DataFrame(
        {
            "year": [2020, None, 2020, 2020],
            "reporter": ["RUS", None, "RUS", "RUS"],
            "partner": ["CHN", None, "IND", "XX"],
            "flow": ["export", None, "export", "export"],
            "product": ["841181", None, "841181", "841181"],
            "value_usd": [1, None, 2, 3],
        }
    )
    path = _write(frame, tmp_path / "f.xlsx")  # row 3 of the sheet is blank
    (r,) = session.load([path], format="flows")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (3, 2, 1)
    assert session.rejects(r.id)["line"].tolist() == [5]


def test_column_mapping_and_constants_load_country_to_world_data(session, tmp_path):
    # The Atlas's country x product files: no partner, no flow, their own column names.
    path = tmp_path / "atlas.csv"
    path.write_text(
        "origin,hs92,year,export_val\nRUS,841181,2010,500\nRUS,851762,2010,250\n"
        "CHN,841181,2010,9000\n"
    )
    (r,) = session.load(
        [path], format="flows", classification="HS92",
        columns={"reporter": "origin", "product": "hs92", "value_usd": "export_val"},
        constants={"partner": "WLD", "flow": "export"},
    )  # fmt: skip
    assert (r.rows_loaded, r.rows_rejected) == (3, 0)
    t = session.table(reporter="RUS", year=2010, by=["product"])
    assert t[["product", "value_usd"]].values.tolist() == [["841181", 500.0], ["851762", 250.0]]
    assert set(t["classification"]) == {"HS92"}
    options = json.loads(session.loads()["options"].item())
    assert options["set"] == {"partner": "WLD", "flow": "export"}


def test_missing_columns_are_named_all_at_once(session, tmp_path):
    path = tmp_path / "atlas.csv"
    path.write_text("origin,hs92,year,export_val\nRUS,841181,2010,500\n")
    with pytest.raises(BadFileError) as e:
        session.load([path], format="flows", columns={"product": "hs92"})
    assert str(e.value).startswith(
        "atlas.csv has no columns 'reporter', 'partner', 'flow', 'value_usd' "
        "(columns found: origin, hs92, year, export_val)"
    )
    with pytest.raises(BadFileError, match="no column 'hs96' for --column product=hs96"):
        session.load([path], format="flows", columns={"product": "hs96"})


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("classification", "HS17'||(SELECT 1)||'"),
        ("classification", 'HS17"; DROP TABLE flows; --'),
        ("constants", {"partner": "'); DROP TABLE flows; --"}),
        ("constants", {"flow": "export' OR 1=1 --"}),
    ],
)
def test_hostile_option_values_are_data_never_sql(session, tmp_path, option, value):
    path = tmp_path / "f.csv"
    path.write_text("year,reporter,partner,flow,product,value_usd\n2020,RUS,CHN,export,841181,1\n")
    kwargs = {option: value}
    (r,) = session.load([path], format="flows", **kwargs)
    assert (r.rows_loaded, r.rows_rejected) == (0, 1)
    reason = session.rejects(r.id)["reason"].item()
    assert reason.startswith(("unknown classification", "unknown partner", "unknown flow"))
    assert "flows" in set(session.warehouse.sql("SHOW TABLES")["name"])


def test_hostile_column_names_in_parquet_and_mapping(session, tmp_path):
    evil = 'v"); DROP TABLE flows; --'
    frame = pd.DataFrame(
        {"year": ["2020"], "reporter": ["RUS"], "partner": ["CHN"], "flow": ["export"],
         "product": ["841181"], evil: ["5"]}
    )  # fmt: skip
    path = _write(frame, tmp_path / "f.parquet")
    (r,) = session.load([path], format="flows", columns={"value_usd": evil})
    assert r.rows_loaded == 1
    assert session.warehouse.sql("SELECT value_usd FROM flows")["value_usd"].item() == 5.0


def test_unknown_field_in_mapping_suggests(session, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("year,reporter,partner,flow,product,value_usd\n2020,RUS,CHN,export,841181,1\n")
    with pytest.raises(KeyError, match="Did you mean 'partner'"):
        session.load([path], format="flows", constants={"partnr": "WLD"})


def test_historical_entities_load_as_themselves(session, tmp_path):
    path = tmp_path / "BACI_HS92_Y1995_V202301.csv"
    path.write_text(
        "t,i,j,k,v,q\n1995,58,842,841181,10,1\n1995,810,156,841181,20,NA\n"
        "1995,842,697,841181,30,\n1995,842,849,841181,40,2\n1995,56,442,841181,50,3\n"
    )
    (r,) = session.load([path], format="baci")
    assert (r.rows_loaded, r.rows_rejected) == (5, 0)
    got = session.warehouse.sql("SELECT reporter, partner FROM flows ORDER BY value_usd")
    assert got.values.tolist() == [
        ["BLX", "USA"], ["SUN", "CHN"], ["USA", "R20"], ["USA", "PUS"], ["BEL", "LUX"],
    ]  # fmt: skip
    names = session.table(reporter="USA", year=1995, by=["partner"])
    assert set(names["partner_name"]) == {"Europe EFTA, nes", "US Misc. Pacific Isds"}
    flows = tmp_path / "f.csv"
    flows.write_text(
        "year,reporter,partner,flow,product,value_usd\n1990,Belgium-Luxembourg,DDR,export,8411,1\n"
    )
    (r2,) = session.load([flows], format="flows")
    assert r2.rows_loaded == 1


def test_comtrade_490_is_other_asia_where_baci_490_is_taiwan(session, tmp_path):
    baci = tmp_path / "BACI_HS17_Y2020_V202301.csv"
    baci.write_text("t,i,j,k,v,q\n2020,490,842,854231,1,1\n")
    comtrade = tmp_path / "comtrade.csv"
    comtrade.write_text(
        "refYear,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\n2020,842,490,M,854231,2\n"
    )
    session.load([baci], format="baci")
    session.load([comtrade], format="comtrade")
    got = session.warehouse.sql("SELECT reporter, partner FROM flows ORDER BY value_usd")
    assert got.values.tolist() == [["USA", "S19"], ["TWN", "USA"]]  # BACI's 1 is $1,000


def _answer(records: list[tuple]) -> dict:
    keys = ("refYear", "reporterCode", "partnerCode", "flowCode", "classificationCode",
            "cmdCode", "aggrLevel", "mosCode", "primaryValue")  # fmt: skip
    return {"count": len(records), "data": [dict(zip(keys, r, strict=True)) for r in records]}


def test_a_chapter_its_heading_and_leaves_sum_to_the_leaves(session, tmp_path):
    # Shaped as a Comtrade answer asked for AG2, AG4 and AG6 at once (no real one was found).
    path = tmp_path / "answer.json"
    path.write_text(json.dumps(_answer([
        (2020, 643, 156, "X", "H5", "84", 2, "0", 1000),
        (2020, 643, 156, "X", "H5", "8411", 4, "0", 700),
        (2020, 643, 156, "X", "H5", "841181", 6, "0", 400),
        (2020, 643, 156, "X", "H5", "841182", 6, "0", 300),
        (2020, 643, 156, "X", "H5", "8471", 4, "0", 250),  # a heading with no leaves given
        (2020, 643, 699, "X", "H5", "84", 2, "0", 90),  # another partner: its own leaf
    ])))  # fmt: skip
    (r,) = session.load([path], format="comtrade")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (6, 4, 2)
    assert session.table(reporter="RUS", year=2020)["value_usd"].item() == 400 + 300 + 250 + 90
    reasons = session.rejects(r.id)["reason"].tolist()
    assert reasons[0] == "aggregate of finer codes in the same file (84 beside 8411); only the finest codes are loaded"  # fmt: skip
    assert reasons[1].startswith("aggregate of finer codes in the same file (8411 beside 841181)")


def test_services_totals_never_beside_their_parts(session, tmp_path):
    path = tmp_path / "services.json"
    path.write_text(json.dumps(_answer([
        (2020, 643, 0, "X", "EB", "S", 0, "0", 5000),  # all services to World: a total
        (2020, 643, 0, "X", "EB", "SI", 1, "0", 900),
        (2020, 643, 0, "X", "EB", "SI1", 2, "0", 500),
        (2020, 643, 0, "X", "EB", "SI2", 2, "0", 300),
        (2020, 643, 0, "X", "EB", "SI2", 2, "3", 120),  # by mode of supply: a breakdown
    ])))  # fmt: skip
    (r,) = session.load([path], format="comtrade")
    # S is the total (product TOTAL), as for goods: what it holds beyond its parts shows.
    assert (r.rows_loaded, r.rows_rejected) == (3, 2)
    t = session.table(reporter="RUS", year=2020, by=["product"])
    assert dict(zip(t["product"], t["value_usd"], strict=True)) == {
        "SI1": 500.0, "SI2": 300.0, "TOTAL": 5000.0 - 500 - 300,
    }  # fmt: skip
    reasons = session.rejects(r.id)["reason"].tolist()
    assert "breakdown by mosCode 3; only the total over it (0) is loaded" in reasons


def test_a_country_trading_with_itself_loads_and_a_region_with_its_country_is_refused(
    session, tmp_path
):
    # A country's imports from itself are its own goods re-imported (Comtrade reports them
    # so); a region's trade with its own country is not foreign trade.
    path = tmp_path / "f.csv"
    path.write_text(
        "year,reporter,partner,flow,product,value_usd\n2020,RUS,RUS,import,841181,1\n"
        "2020,RU-MOW,RUS,export,841181,2\n2020,RU-MOW,CHN,export,841181,3\n"
    )
    (r,) = session.load([path], format="flows")
    assert (r.rows_loaded, r.rows_rejected) == (2, 1)
    assert session.rejects(r.id)["reason"].item() == (
        "reporter 'RU-MOW' is a region of partner 'RUS': trade within a country is not "
        "foreign trade"
    )
    got = session.warehouse.sql("SELECT reporter, partner, value_usd FROM flows ORDER BY value_usd")
    assert got.values.tolist() == [["RUS", "RUS", 1.0], ["RU-MOW", "CHN", 3.0]]


def test_questions_the_warehouse_cannot_answer_say_what_it_holds(session, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text(
        "year,reporter,partner,flow,product,value_usd\n2019,RUS,CHN,export,841181,1\n"
        "2020,RUS,CHN,export,841181,2\n"
    )
    session.load([path], format="flows")
    with pytest.raises(
        InputError, match=r"^RUS has no export records for 2031; it has 2019-2020\."
    ):
        session.table(reporter="RUS", year=2031)
    with pytest.raises(InputError, match=r"holds no records of CHN; it holds reporters RUS\."):
        session.table(reporter="CHN", year=2020)
    with pytest.raises(InputError, match=r"^RUS has no import records; it has export records\."):
        session.table(reporter="RUS", flow="import", year=2020)


# -- invariants ------------------------------------------------------------------------------
detail = st.lists(
    st.tuples(
        st.sampled_from(["CHN", "IND", "JPN"]),
        st.sampled_from(["841181", "851762", "847330"]),
        st.integers(0, 10**6),
    ),
    max_size=12,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(rows=detail, extra=st.integers(0, 10**6), has_total=st.booleans())
def test_totals_and_parts_never_double_count(tmp_path_factory, rows, extra, has_total):
    folder = tmp_path_factory.mktemp("totals")
    parts = sum(v for _, _, v in rows)
    lines = [(2020, "RUS", p, "export", k, v) for p, k, v in rows]
    if has_total:
        lines.append((2020, "RUS", "World", "export", "TOTAL", parts + extra))
    if not lines:
        return
    path = folder / "f.csv"
    with path.open("w", newline="") as f:
        csv.writer(f).writerows([("year", "reporter", "partner", "flow", "product", "value_usd"), *lines])  # fmt: skip
    with hitex.open(folder / "w.duckdb") as s:
        s.load([path], format="flows")
        whole = parts + extra if has_total else parts
        assert s.table(reporter="RUS", year=2020)["value_usd"].sum() == whole
        for by in ("partner", "product"):
            assert s.table(reporter="RUS", year=2020, by=[by])["value_usd"].sum() == whole


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["CHN", "IND"]), st.sampled_from(["841181", "851762"]),
            st.decimals(0, 10**6, places=2).map(str), st.sampled_from(["", "3", "NA"]),
        ),
        min_size=1, max_size=30,
    )
)  # fmt: skip
def test_stored_value_is_the_sum_of_accepted_records(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("sum")
    path = folder / "f.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(("year", "reporter", "partner", "flow", "product", "value_usd", "quantity"))
        w.writerows((2020, "RU-MOW", p, "export", k, v, q) for p, k, v, q in rows)
    with hitex.open(folder / "w.duckdb") as s:
        (r,) = s.load([path], format="flows")
        assert r.rows_read == len(rows) == r.rows_loaded + r.rows_rejected
        stored = s.warehouse.sql("SELECT sum(value_usd) AS v FROM flows")["v"].item()
        keys = len({(p, k) for p, k, _, _ in rows})
        assert r.rows_merged == len(rows) - keys
    assert stored == pytest.approx(sum(float(v) for _, _, v, _ in rows), rel=1e-12, abs=1e-6)
