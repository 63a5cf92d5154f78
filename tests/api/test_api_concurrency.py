"""Many readers while a load runs: each sees the warehouse before or after it, never half."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from hitex.api import create_app
from hitex.api.connections import Connections
from hitex.errors import InputError
from hitex.reference.countries import data_path
from tests.api.conftest import TOKEN
from tests.fixtures import flows_file

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def products(n: int) -> list[str]:
    table = pd.read_csv(data_path("hs-nomenclature", "hs2017.csv"), dtype=str)
    return table[table["level"] == "6"]["hscode"].head(n).tolist()


def france(path: Path, factor: int, rows: int = 40_000) -> tuple[Path, int]:
    """FRA's 2020 exports: ``rows`` flows, values times ``factor``; return the file and total."""
    rng = random.Random(7)
    partners = ["DEU", "ITA", "ESP", "CHN", "USA", "GBR", "BEL", "NLD", "CHE", "JPN"]
    codes = products(rows // len(partners))
    lines = [
        (2020, "", "FRA", p, "export", c, rng.randint(1, 10_000) * factor)
        for c in codes for p in partners
    ]  # fmt: skip
    flows_file(path, lines)
    return path, sum(int(line[-1]) for line in lines)


def test_one_read_sees_one_snapshot(db_copy, tmp_path):
    conns = Connections(db_copy, readers=2)
    try:
        path, total = france(tmp_path / "fra.csv", 1, rows=2_000)
        with conns.read() as s:
            with pytest.raises(InputError, match="holds no records of FRA"):
                s.table(reporter="FRA", year=2020)
            with conns.write() as w:
                (result,) = w.load([path], format="flows")
            assert result.rows_loaded == 2_000
            # The load committed, but this read began before it: the same warehouse.
            with pytest.raises(InputError, match="holds no records of FRA"):
                s.table(reporter="FRA", year=2020)
        with conns.read() as s:
            assert s.table(reporter="FRA", year=2020)["value_usd"].sum() == total
    finally:
        conns.close()


def test_readers_never_see_half_a_revision(db_copy, tmp_path):
    with TestClient(create_app(db_copy, token=TOKEN)) as client:
        check_revision_is_atomic(client, tmp_path)


def check_revision_is_atomic(writer: TestClient, tmp_path: Path) -> None:
    first, total_1 = france(tmp_path / "fra-2020.csv", 1)
    second, total_2 = france(tmp_path / "fra-2020-revised.csv", 2)
    with first.open("rb") as f:
        assert writer.post("/api/loads", headers=AUTH, files={"file": f},
                           data={"format": "flows"}).status_code == 200  # fmt: skip
    seen: list[tuple[float, float]] = []
    errors: list[str] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            answer = writer.get("/api/table", params={"reporter": "FRA", "year": 2020})
            if answer.status_code != 200:
                errors.append(answer.text)
            else:
                seen.append((time.monotonic(), answer.json()[0]["value_usd"]))

    readers = [threading.Thread(target=read) for _ in range(4)]
    for t in readers:
        t.start()
    time.sleep(0.3)
    started = time.monotonic()
    with second.open("rb") as f:
        # A revision deletes the old flows and inserts the new ones: the gap is never seen.
        answer = writer.post("/api/loads", headers=AUTH, files={"file": f},
                             data={"format": "flows", "revise": "true"})  # fmt: skip
    finished = time.monotonic()
    time.sleep(0.3)
    stop.set()
    for t in readers:
        t.join()
    assert answer.status_code == 200, answer.text
    assert answer.json()["loads"][0]["rows_revised"] == 40_000
    assert not errors
    assert {v for _, v in seen} <= {total_1, total_2}
    assert {v for _, v in seen} == {total_1, total_2}
    assert any(started <= t <= finished for t, _ in seen), "no read while the load ran"
