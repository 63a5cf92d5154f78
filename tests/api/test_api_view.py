"""``GET /api/view`` (one answer per dashboard view) and ``POST /api/check``.

The warehouse holds the demo's Chile (exports and imports, annual, 2002 and 2004) and Moscow
(exports only, monthly, 2019 and 2020). Expected figures are sums of the bundled CSV files read
with pandas.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient

import hitex
from hitex import demo
from hitex.api import create_app

DATA = Path(demo.__file__).parent / "data"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("view") / "hitex.duckdb"
    with hitex.open(path) as s:
        s.load([*demo.files(), demo.moscow_file()], format="flows")
    with TestClient(create_app(path, token="")) as c:
        yield c


@pytest.fixture(scope="module")
def moscow() -> pd.DataFrame:
    return pd.read_csv(DATA / "moscow-2020.csv")


def test_default_view_is_the_first_reporter_latest_year_against_the_one_before(client):
    answer = client.get("/api/view").json()
    sel = answer["selection"]
    assert (sel["reporter"], sel["flow"], sel["year"], sel["compare"]) == (
        "CHL",
        "export",
        2004,
        2002,
    )
    assert answer["notes"] == []
    assert answer["choices"]["flows"] == ["export", "import", "balance"]
    assert answer["choices"]["years"] == [2002, 2004]
    assert answer["choices"]["months"] is None
    chile = pd.read_csv(DATA / "chl_arg_2004.csv")
    assert answer["total"]["value_usd"] == chile[chile["flow"] == "export"]["value_usd"].sum()
    assert [r["year"] for r in answer["series"]] == [2002, 2004]


def test_a_reporter_without_imports_gets_no_balance_and_the_note_says_why(client, moscow):
    answer = client.get(
        "/api/view", params={"reporter": "RU-MOW", "flow": "balance", "year": 2004, "compare": 2002}
    ).json()
    sel = answer["selection"]
    assert (sel["flow"], sel["year"], sel["compare"]) == ("export", 2020, 2019)
    assert answer["choices"]["flows"] == ["export"]
    assert answer["notes"] == [
        {"field": "flow", "asked": "balance", "now": "export", "reason": "no_both_flows"},
        {"field": "year", "asked": 2004, "now": 2020, "reason": "not_held"},
        {"field": "compare", "asked": 2002, "now": 2019, "reason": "not_held"},
    ]
    by_year = moscow.groupby("year")["value_usd"].sum()
    assert answer["total"]["value_usd"] == by_year[2020]
    assert answer["total"]["base_value_usd"] == by_year[2019]


def test_months_follow_what_is_held(client, moscow):
    answer = client.get(
        "/api/view", params={"reporter": "RU-MOW", "year": 2020, "months": "1-8"}
    ).json()
    assert answer["selection"]["months"] == [1, 8]
    assert answer["choices"]["months"] == [1, 12]
    jan_aug = moscow[(moscow["year"] == 2020) & (moscow["month"] <= 8)]["value_usd"].sum()
    assert answer["total"]["value_usd"] == jan_aug
    chile = client.get("/api/view", params={"reporter": "CHL", "months": "1-8"}).json()
    assert chile["selection"]["months"] is None
    assert chile["notes"] == [{"field": "months", "asked": "1-8", "now": None, "reason": "annual"}]


def test_group_and_names(client):
    answer = client.get(
        "/api/view", params={"reporter": "CHL", "year": 2004, "groups": "tech", "group": "High"}
    ).json()
    assert answer["selection"]["group"] == "high"
    assert answer["selection"]["group_name"] == "High technology"
    assert [r["group"] for r in answer["products"]] == ["high"]
    unknown = client.get(
        "/api/view", params={"reporter": "CHL", "partner_group": "Atlantis"}
    ).json()
    assert unknown["selection"]["partner_group"] is None
    assert unknown["notes"][0]["reason"] == "unknown"
    ru = client.get("/api/view", params={"reporter": "RU-MOW", "lang": "ru"}).json()
    assert ru["selection"]["reporter_name"] == "Москва"
    # Partner and product names come in the page's language too.
    partners = {r["partner"]: r["partner_name"] for r in ru["partners"]}
    assert partners["CHN"] == "Китай"
    assert partners["IND"] == "Индия"
    products = {r["product"]: r["product_name"] for r in ru["products"]}
    assert products["853221"].startswith("Конденсаторы электрические")


@pytest.mark.parametrize(
    ("params", "parameter"),
    [({"months": "13"}, "months"), ({"reporter": "Atlantis"}, "reporter"),
     ({"lang": "de"}, "lang"), ({"colour": "red"}, "colour")],
)  # fmt: skip
def test_bad_view_parameters_are_422(client, params, parameter):
    answer = client.get("/api/view", params=params)
    assert answer.status_code == 422
    assert answer.json()["error"]["parameter"] == parameter


def test_check_a_text(client):
    text = "In 2020 Moscow's high-tech exports grew by 30% to $2.4 billion."
    answer = client.post("/api/check", json={"text": text})
    assert answer.status_code == 200, answer.text
    rows = answer.json()
    assert rows
    assert {"sentence", "span", "claim", "computed", "verdict", "reason"} <= set(rows[0])
    empty = client.post("/api/check", json={"text": ""})
    assert empty.status_code == 422
