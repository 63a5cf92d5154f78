"""A real `hitex serve` process on a loopback port: the same answers as the CLI, over HTTP."""

from __future__ import annotations

import json

import httpx
from typer.testing import CliRunner

from hitex.cli import app
from tests.api.conftest import TOKEN, serve
from tests.fixtures import flows_file


def test_serve_answers_what_the_cli_prints(db_copy, tmp_path):
    args = ["--reporter", "CHL", "--year", "2004", "--compare", "2002", "--by", "group",
            "--groups", "tech", "--format", "json"]  # fmt: skip
    printed = CliRunner().invoke(app, ["--db", str(db_copy), "table", *args])
    assert printed.exit_code == 0, printed.output
    rows = [(2004, "", "CHL", "BRA", "export", "851762", "1000000")]
    upload = flows_file(tmp_path / "brazil.csv", rows)
    with serve(db_copy, token=TOKEN) as url:
        assert url.startswith("http://127.0.0.1:")
        params = {"reporter": "CHL", "year": 2004, "compare": 2002, "by": "group",
                  "groups": "tech"}  # fmt: skip
        answer = httpx.get(url + "/api/table", params=params, timeout=30)
        assert answer.json() == json.loads(printed.stdout)
        page = httpx.get(url + "/", timeout=30)
        assert page.status_code == 200
        assert "hitex dashboard" in page.text
        denied = httpx.post(url + "/api/loads", files={"file": upload.open("rb")},
                            data={"format": "flows"}, timeout=30)  # fmt: skip
        assert denied.status_code == 401
        with upload.open("rb") as f:
            loaded = httpx.post(
                url + "/api/loads", files={"file": f}, data={"format": "flows"},
                headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60,
            )  # fmt: skip
        assert loaded.status_code == 200, loaded.text
        assert loaded.json()["loads"][0]["rows_loaded"] == 1
        high = httpx.get(url + "/api/table", params={"reporter": "CHL", "year": 2004,
                         "by": "partner", "groups": "tech", "group": "high"}, timeout=30).json()  # fmt: skip
        assert {r["partner"]: r["value_usd"] for r in high}["BRA"] == 1_000_000
    # The server let go of the warehouse: the CLI can open it again and sees the upload.
    after = CliRunner().invoke(app, ["--db", str(db_copy), "loads", "--format", "json"])
    assert [r["file"] for r in json.loads(after.stdout)][-1] == "brazil.csv"


def test_serve_is_read_only_without_a_token(db_copy, tmp_path):
    with serve(db_copy) as url:
        assert httpx.get(url + "/api/meta", timeout=30).json()["writable"] is False
        upload = flows_file(tmp_path / "x.csv", [(2004, "", "CHL", "BRA", "export", "851762", "1")])
        with upload.open("rb") as f:
            answer = httpx.post(url + "/api/loads", files={"file": f}, data={"format": "flows"},
                                headers={"Authorization": "Bearer anything"}, timeout=30)  # fmt: skip
        assert answer.status_code == 403
