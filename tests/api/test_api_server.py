"""A real `hitex serve` process on a loopback port: the same answers as the CLI, over HTTP."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from bench.api_load import family, server_cpu
from hitex.cli import app
from tests.api.conftest import TOKEN, serve, served
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


def _views(url: str) -> list[str]:
    """Views of every reporter, flow and year of the warehouse, in English and Russian."""
    meta = httpx.get(url + "/api/meta", timeout=30).json()
    out = []
    for r in meta["reporters"]:
        for flow in r["flows"]:
            for year in r["years"]:
                for lang in ("en", "ru"):
                    out.append(f"/api/view?reporter={r['code']}&flow={flow}&year={year}"
                               f"&partner_group=Asia&lang={lang}")  # fmt: skip
    return out


def test_two_workers_answer_every_view_as_one_server_does(db_copy):
    with serve(db_copy) as one, served(db_copy, "--workers", "2") as (two, pid):
        workers = family(pid)[1:]
        # The main process, a resource tracker of multiprocessing, and the two workers.
        answering = [p for p in workers if "spawn_main" in Path(f"/proc/{p}/cmdline").read_text()]
        assert len(answering) == 2
        before = {p: server_cpu(p) for p in answering}
        views = _views(one)
        assert len(views) >= 8
        for path in views * 3:
            # A new connection each time: the kernel hands each to one worker or the other.
            a, b = httpx.get(one + path, timeout=60), httpx.get(two + path, timeout=60)
            assert (a.status_code, a.content) == (b.status_code, b.content), path
        assert httpx.get(two + "/api/meta", timeout=30).json()["writable"] is False
        # Both workers answered (each used CPU for the views; 48 or more connections).
        assert all(server_cpu(p) > before[p] for p in answering), (before, answering)
    # Stopping the server ends its workers.
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{p}").exists() for p in answering) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p for p in answering if Path(f"/proc/{p}").exists()]


def test_workers_are_refused_where_the_server_writes(db_copy, monkeypatch):
    monkeypatch.setenv("HITEX_TOKEN", TOKEN)
    done = CliRunner().invoke(app, ["--db", str(db_copy), "serve", "--workers", "2"])
    assert done.exit_code == 1
    assert "--workers 2 serves read-only: with $HITEX_TOKEN set" in done.output
    monkeypatch.setenv("HITEX_LANG", "ru")
    done = CliRunner().invoke(app, ["--db", str(db_copy), "serve", "--workers", "2"])
    assert done.exit_code == 1
    assert "Ошибка: --workers 2 — только для чтения" in done.output
    monkeypatch.delenv("HITEX_TOKEN")
    monkeypatch.delenv("HITEX_LANG")
    for args, words in [(["--workers", "0"], "--workers must be 1 or more, not 0."),
                        (["--workers", "2", "--engine", "pyspark"], "runs on DuckDB only")]:  # fmt: skip
        done = CliRunner().invoke(app, ["--db", str(db_copy), "serve", *args])
        assert done.exit_code == 1
        assert words in done.output
