"""``firm_group`` in the API: the same answer as the Session, suppression marked, 422 if unknown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

import hitex
from hitex.api import create_app
from tests.firms.conftest import DATA


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("api-firms") / "hitex.duckdb"
    with hitex.open(path) as s:
        s.load([DATA / "flows.csv"], format="flows")
        s.add_firms(DATA / "registry.csv")
    with TestClient(create_app(path, token="")) as c:
        yield c


def test_table_of_a_firm_group(client: TestClient):
    answer = client.get(
        "/api/table",
        params={"reporter": "RU-MOW", "year": 2020, "compare": 2019, "firm_group": "high-tech",
                "indicators": "value,firms,new_firms"},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    [row] = answer.json()
    # High-tech 2020: A, B, D (three enterprises, A holds 1.2M of 2.4M): shown.
    assert row["firms"] == 3
    assert row["new_firms"] == 1
    assert row["suppressed"] is False
    assert row["value_usd"] == 2_400_000


def test_suppressed_rows_are_null_and_marked(client: TestClient):
    answer = client.get("/api/table", params={"reporter": "RU-MOW", "year": 2020, "by": "partner"})
    rows = {r["partner"]: r for r in answer.json()}
    assert rows["JPN"]["suppressed"] is True
    assert rows["JPN"]["value_usd"] is None
    assert rows["JPN"]["suppression"] == "fewer than 3 enterprises"


def test_unknown_firm_group_is_422(client: TestClient):
    answer = client.get(
        "/api/table", params={"reporter": "RU-MOW", "year": 2020, "firm_group": "hightech"}
    )
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["parameter"] == "firm_group"
    assert "high-tech" in error["message"]


def test_view_offers_and_applies_firm_groups(client: TestClient):
    answer = client.get("/api/view", params={"reporter": "RU-MOW", "firm_group": "high-tech"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["choices"]["firm_groups"] == ["export-support", "high-tech"]
    assert body["selection"]["firm_group"] == "high-tech"
