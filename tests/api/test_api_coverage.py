"""/api/coverage, partial figures, bad requests (4xx in the one error shape), HEAD, uploads
that are not what their name says, and a read-only server beside the CLI."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import httpx
import pandas as pd
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import hitex
from hitex import demo
from hitex.api import create_app
from hitex.cli import app
from hitex.store.layout import copy_warehouse
from tests.api.conftest import TOKEN, serve

BACI = Path(__file__).parents[1] / "fixtures" / "baci" / "BACI_HS92_two_exporters_2020_2021.csv"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def partial_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A BACI extract of two exporters and the Moscow example (exports only)."""
    path = tmp_path_factory.mktemp("partial") / "p.duckdb"
    with hitex.open(path) as s:
        s.load([BACI], format="baci")
        s.load([demo.moscow_file()], format="flows")
    return path


@pytest.fixture(scope="module")
def client(partial_db: Path, tmp_path_factory: pytest.TempPathFactory):
    path = copy_warehouse(partial_db, tmp_path_factory.mktemp("partial-api") / "p.duckdb")
    with TestClient(create_app(path, token="")) as c:
        yield c


def test_coverage_answers_kinds_completeness_and_a_note(client):
    answer = client.get("/api/coverage", params={"reporter": "ZAF", "year": 2021})
    assert answer.status_code == 200
    body = answer.json()
    assert body["reporter"] == "ZAF"
    assert body["name"] == "South Africa"
    rows = {r["flow"]: r for r in body["rows"]}
    assert rows["export"]["kinds"] == ["own"]
    assert rows["export"]["complete"] is True
    imports = rows["import"]
    assert imports["kinds"] == ["mirror"]
    assert imports["complete"] is False
    raw = pd.read_csv(BACI).query("t == 2021")
    assert imports["value_usd"] == pytest.approx(raw.query("j == 710")["v"].sum() * 1000)
    assert imports["exporters"] == 1
    assert sorted(imports["missing"]) == ["CHN", "DEU", "GBR", "IND", "USA"]
    assert imports["note"].startswith("Partial: South Africa's imports in 2021")
    assert rows["balance"]["complete"] is False
    assert rows["balance"]["value_usd"] is None
    moscow = client.get("/api/coverage", params={"reporter": "RU-MOW"}).json()["rows"]
    assert {(r["flow"], r["year"]) for r in moscow if not r["complete"]} == {
        ("import", 2019),
        ("import", 2020),
        ("balance", 2019),
        ("balance", 2020),
    }


def test_partial_figures_are_refused_unless_asked_for(client):
    for flow in ("import", "balance"):
        answer = client.get("/api/table", params={"reporter": "ZAF", "year": 2021, "flow": flow})
        assert answer.status_code == 422
        assert "Partial: South Africa's imports in 2021" in answer.json()["error"]["message"]
    moscow = client.get("/api/table", params={"reporter": "RU-MOW", "year": 2020,
                                             "flow": "balance"})  # fmt: skip
    assert moscow.status_code == 422
    assert "No import records of Moscow" in moscow.json()["error"]["message"]
    asked = client.get("/api/table", params={"reporter": "ZAF", "year": 2021, "flow": "import",
                                            "partial": "true"})  # fmt: skip
    assert asked.status_code == 200
    assert asked.json()[0]["value_usd"] == 60410


BAD = [
    ("/api/table?reporter=CHL&year=2004&top=100000000000000000000", 422, "top",
     "less than or equal to"),
    ("/api/table?reporter=CHL&year=2004&top=0", 422, "top", "greater than or equal to 1"),
    ("/api/table?reporter=CHL&year=2004&by=partner,partner", 422, "by",
     "'partner' is given more than once"),
    ("/api/table?reporter=CHL&year=2004&by=partner&by=partner", 422, "by",
     "'partner' is given more than once"),
    ("/api/table?reporter=CHL&year=2004&indicators=share,share", 422, "indicators",
     "'share' is given more than once"),
    ("/api/table?reporter=CHL&year=2004&year=2002", 422, "year",
     "year: this parameter is given more than once; give it once."),
    ("/api/table?reporter=CHL&reporter=ARG&year=2004", 422, "reporter",
     "reporter: this parameter is given more than once; give it once."),
    ("/api/table?reporter=CHL&year=99999999999999999999999", 422, "year", "year:"),
    ("/api/table?reporter=CHL&year=2004&small_base=inf", 422, "small_base", "finite number"),
    ("/api/table?reporter=CHL&year=2004&small_base=1e400", 422, "small_base", "small_base:"),
    ("/api/rejects?load=100000000000000000000", 422, "load", "less than or equal to"),
    ("/api/coverage?reporter=XXX", 422, "reporter", "Unknown country"),
    ("/api/coverage?reporter=CHL&year=1999", 422, "year", "CHL has no records for 1999"),
    ("/api/coverage?year=2004", 422, "reporter", "reporter: this parameter is required."),
]  # fmt: skip


@pytest.mark.parametrize(("url", "status", "parameter", "message"), BAD)
def test_bad_requests_answer_4xx_in_the_one_shape(reader, url, status, parameter, message):
    answer = reader.get(url)
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert set(error) == {"status", "code", "parameter", "message"}
    assert error["status"] == status
    assert error["parameter"] == parameter
    assert message in error["message"]


@pytest.mark.parametrize(
    "url",
    ["/api/meta", "/api/table?reporter=CHL&year=2004", "/api/coverage?reporter=CHL",
     "/api/loads?format=csv", "/", "/static/app.js"],
)  # fmt: skip
def test_head_answers_as_get_without_a_body(reader, url):
    got = reader.get(url)
    head = reader.head(url)
    assert head.status_code == got.status_code == 200
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.content == b""
    assert reader.head("/api/table?reporter=XXX&year=2004").status_code == 422


def test_upload_named_xlsx_that_is_not_excel_is_a_422(writer, tmp_path):
    path = tmp_path / "flows.xlsx"
    path.write_text("year,reporter,partner,flow,product,value_usd\n2020,CHL,ARG,export,01,1\n")
    with path.open("rb") as f:
        answer = writer.post("/api/loads", headers=AUTH, files={"file": (path.name, f)},
                             data={"format": "flows"})  # fmt: skip
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["message"].startswith("flows.xlsx cannot be read as flows data (not an Excel")
    stored = writer.get("/api/loads").json()[-1]
    assert stored["status"] == "failed"
    assert stored["file"] == "flows.xlsx"
    assert "hitex-upload-" not in stored["message"]
    assert "/tmp" not in stored["message"]


def test_stored_paths_name_the_upload_not_the_temporary_copy(writer, db_copy, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text("this,is,not\na,flows,file\n")
    with path.open("rb") as f:
        writer.post("/api/loads", headers=AUTH, files={"file": (path.name, f)},
                    data={"format": "flows"})  # fmt: skip
    rows = writer.app.state.conns.writer.warehouse.sql(
        "SELECT path, message FROM loads WHERE file = 'broken.csv'"
    )
    assert rows["path"].tolist() == ["upload:broken.csv"]
    assert "hitex-upload-" not in rows["message"].item()


def test_read_only_server_and_the_cli_read_the_same_file_at_once(db_copy):
    args = ["--db", str(db_copy), "table", "--reporter", "CHL", "--year", "2004", "--format",
            "json"]  # fmt: skip
    with serve(db_copy) as url:
        answers: list[httpx.Response] = []

        def ask() -> None:
            for _ in range(5):
                answers.append(httpx.get(url + "/api/table", params={"reporter": "CHL",
                                                                    "year": 2004}, timeout=30))  # fmt: skip

        asking = threading.Thread(target=ask)
        asking.start()
        printed = CliRunner().invoke(app, args)
        asking.join()
        assert printed.exit_code == 0, printed.output
        assert [a.status_code for a in answers] == [200] * 5
        assert answers[-1].json() == json.loads(printed.stdout)
        also = CliRunner().invoke(app, ["--db", str(db_copy), "coverage", "--reporter", "CHL",
                                        "--format", "json"])  # fmt: skip
        assert also.exit_code == 0, also.output


def test_the_dashboard_offers_no_partial_imports_nor_a_balance_on_them(client):
    # ZAF holds mirrored import records (Afghanistan's exports to it), but they are partial: the
    # page offers exports only, and a view asked for the balance falls back to exports, saying why.
    view = client.get("/api/view", params={"reporter": "ZAF", "flow": "balance", "year": 2021})
    assert view.status_code == 200
    body = view.json()
    assert body["choices"]["flows"] == ["export"]
    assert body["selection"]["flow"] == "export"
    assert [(n["field"], n["now"], n["reason"]) for n in body["notes"]] == [
        ("flow", "export", "no_both_flows")
    ]
    raw = pd.read_csv(BACI).query("t == 2021 and i == 710")
    assert body["total"]["value_usd"] == pytest.approx(raw["v"].sum() * 1000)


def test_a_reporter_with_partial_imports_only_is_a_4xx_that_says_why(client):
    # China exports nothing in the extract; its imports are ZAF's and AFG's exports to it only.
    view = client.get("/api/view", params={"reporter": "CHN", "year": 2021})
    assert view.status_code == 422
    error = view.json()["error"]
    assert error["parameter"] == "reporter"
    assert error["message"] == (
        "Nothing of China can be stated as a whole: No export records of China are loaded for "
        "2021. Partial: China's imports in 2021 are mirrored from the exports of 2 of the 6 "
        "countries in the 2021 loads (Afghanistan, South Africa); 4 exporters are not loaded."
    )
