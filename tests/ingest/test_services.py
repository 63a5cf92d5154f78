"""Services answers of UN Comtrade (EB10, EB10S, EB02, EB) and BPM6 services in the flows format.

No public repository was found to hold a Comtrade services answer with records (comtradr's
services mocks are empty answers, kept as tests/fixtures/comtrade/services_empty.json); the
answers below have the shape of the API's JSON and use the codes of Comtrade's own lists
(src/hitex/reference/data/ebops/comtrade_services_codes.csv). Expected values are by hand.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from hitex.reference._files import data_path

KEYS = ("refYear", "reporterCode", "partnerCode", "flowCode", "classificationCode", "cmdCode",
        "primaryValue")  # fmt: skip


def _answer(path: Path, records: list[tuple]) -> Path:
    data = [dict(zip(KEYS, r, strict=True)) for r in records]
    path.write_text(json.dumps({"elapsedTime": "0.1 secs", "count": len(data), "data": data}))
    return path


def test_an_eb10_answer_with_its_total_and_the_technology_balance(session, tmp_path):
    path = _answer(tmp_path / "eb10.json", [
        (2021, 643, 0, "X", "EB10", "200", 1000.0),  # total services
        (2021, 643, 0, "X", "EB10", "8", 70.0),  # charges for the use of IP: SH
        (2021, 643, 0, "X", "EB10", "9", 200.0),  # SI, beside its parts: refused
        (2021, 643, 0, "X", "EB10", "9.1", 50.0),  # SI1
        (2021, 643, 0, "X", "EB10", "9.2", 100.0),  # SI2
        (2021, 643, 0, "X", "EB10", "10.3.1", 40.0),  # SJ31
        (2021, 643, 0, "X", "EB10", "C.5", 400.0),  # memorandum item
        (2021, 643, 0, "X", "EB10", "3a.1", 30.0),  # transport by type: alternative
        (2021, 643, 0, "M", "EB10", "200", 900.0),
        (2021, 643, 0, "M", "EB10", "8", 120.0),
        (2021, 643, 0, "M", "EB10", "10.1", 15.0),  # SJ1
    ])  # fmt: skip
    (r,) = session.load([path], format="comtrade")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (11, 8, 3)
    reasons = sorted(session.rejects(r.id)["reason"])
    assert reasons == [
        "EBOPS code 3a.1 belongs to an alternative breakdown of the same services; only the main "
        "breakdown is loaded",
        "EBOPS code C.5 is a memorandum item, not a part of the services total",
        "aggregate of finer codes in the same file (SI beside SI1); only the finest codes are loaded",
    ]
    assert sorted(session.rejects(r.id, lang="ru")["reason"]) == [
        "код SI — сумма более детальных кодов того же файла; загружаются только самые детальные "
        "коды",
        "код РКУПБ 3a.1 относится к другой разбивке тех же услуг; загружается только основная "
        "разбивка",
        "код РКУПБ C.5 — справочная статья (в том числе или дополнительно), а не часть итога услуг",
    ]
    exports = session.table(reporter="RUS", year=2021, by=["product"])
    assert dict(zip(exports["product"], exports["value_usd"], strict=True)) == {
        "SH": 70.0, "SI1": 50.0, "SI2": 100.0, "SJ31": 40.0, "TOTAL": 1000.0 - 260.0,
    }  # fmt: skip
    assert session.table(reporter="RUS", year=2021)["value_usd"].item() == 1000.0
    balance = session.table(
        reporter="RUS", flow="balance", year=2021, by=["group"], groups="techservices"
    )
    got = dict(zip(balance["group"], balance["value_usd"], strict=True))
    # The totals' parts no component holds (TOTAL) have no group: a row of their own.
    assert got == {"ip": 70.0 - 120.0, "ict": 150.0, "technical": 40.0, "rd": -15.0,
                   "unmapped": (1000.0 - 260.0) - (900.0 - 135.0)}  # fmt: skip


def test_ebops_2002_codes_load_where_ebops_2010_has_the_same_component(session, tmp_path):
    path = _answer(tmp_path / "eb02.json", [
        (2010, 156, 0, "X", "EB02", "200", 500.0),
        (2010, 156, 0, "X", "EB02", "266", 30.0),  # royalties and licence fees: SH
        (2010, 156, 0, "X", "EB02", "262", 80.0),  # computer and information: split in 2010
        (2010, 156, 0, "X", "EB02", "263", 60.0),  # computer services: SI2
        (2010, 156, 0, "X", "EB02", "264", 20.0),  # information services: SI3
        (2010, 156, 0, "X", "EB", "280", 9.0),  # architectural, engineering ...: SJ31
    ])  # fmt: skip
    (r,) = session.load([path], format="comtrade")
    assert (r.rows_loaded, r.rows_rejected) == (5, 1)
    assert session.rejects(r.id)["reason"].item() == (
        "EBOPS 2002 code 262 has no single EBOPS 2010 component (computer (SI2) and information "
        "(SI3) services); only its parts are loaded"
    )
    t = session.table(reporter="CHN", year=2010, by=["group"], groups="techservices")
    assert dict(zip(t["group"], t["value_usd"], strict=True)) == {
        "ict": 80.0, "ip": 30.0, "technical": 9.0, "unmapped": 500.0 - 30.0 - 80.0 - 9.0,
    }  # fmt: skip


def test_bpm6_services_in_the_flows_format_in_either_form(session, tmp_path):
    path = tmp_path / "bpm6.csv"
    path.write_text(
        "year,reporter,partner,flow,product,value_usd\n"
        "2022,DEU,WLD,export,S,100\n"  # the total
        "2022,DEU,WLD,export,SH,7\n"
        "2022,DEU,WLD,export,9.2,5\n"  # EB10 number of SI2
        "2022,DEU,WLD,export,sj31,3\n"
    )
    (r,) = session.load([path], format="flows", classification="EBOPS2010")
    assert (r.rows_loaded, r.rows_rejected) == (4, 0)
    t = session.table(reporter="DEU", year=2022, by=["product"])
    assert dict(zip(t["product"], t["value_usd"], strict=True)) == {
        "SH": 7.0, "SI2": 5.0, "SJ31": 3.0, "TOTAL": 85.0,
    }  # fmt: skip


def _codes() -> list[dict[str, str]]:
    with data_path("ebops", "comtrade_services_codes.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("listed", ["EB10", "EB10S", "EB02"])
def test_every_code_of_comtrades_lists_loads_or_says_why(session, tmp_path, listed):
    codes = [c for c in _codes() if c["list"] == listed]
    # One record per code, each in a year of its own so that no code is beside another.
    records = [
        (1900 + i, 643, 0, "X", listed, c["code"], 1.0) for i, c in enumerate(codes)
    ]  # fmt: skip
    (r,) = session.load([_answer(tmp_path / "all.json", records)], format="comtrade")
    expected_loaded = sum(1 for c in codes if c["ebops2010"])
    assert (r.rows_read, r.rows_loaded) == (len(codes), expected_loaded)
    reasons = session.rejects(r.id)["reason"]
    assert not reasons.str.contains("is not a EBOPS2010 code").any()
