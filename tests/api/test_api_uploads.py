"""POST /api/loads: the CLI's load, behind the token, within the size limit, with progress."""

from __future__ import annotations

import pytest

from hitex.store import STEPS
from tests.api.conftest import TOKEN
from tests.fixtures import flows_file

AUTH = {"Authorization": f"Bearer {TOKEN}"}

ROWS = [
    (2020, "", "RU-MOW", "CHN", "export", "841181", "563310000"),
    (2019, "", "RU-MOW", "CHN", "export", "841181", "460220000"),
    (2020, "", "RU-MOW", "IND", "export", "851762", "140320000"),
    (2019, "", "RU-MOW", "IND", "export", "851762", "86080000"),
    (2020, "", "RU-MOW", "Indai", "export", "851762", "1"),
]


def post(client, path, *, headers=AUTH, fmt="flows", **form):
    data = {**({} if fmt is None else {"format": fmt}), **form}
    with path.open("rb") as f:
        return client.post(
            "/api/loads", headers=headers, files={"file": (path.name, f, "text/csv")}, data=data
        )


def test_upload_loads_and_answers_summary_and_rejects(writer, tmp_path):
    path = flows_file(tmp_path / "moscow.csv", ROWS)
    answer = post(writer, path, progress="up-1")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    (load,) = body["loads"]
    assert (load["id"], load["file"], load["status"]) == (3, "moscow.csv", "loaded")
    assert (load["rows_read"], load["rows_loaded"], load["rows_rejected"]) == (5, 4, 1)
    assert load["summary"] == (
        "load 3: moscow.csv - 5 records read, 4 loaded, 1 rejected (see: hitex rejects --load 3)."
    )
    assert body["rejects_total"] == 1
    assert [(r["line"], r["reason"]) for r in body["rejects"]] == [
        (6, "unknown partner 'Indai'. Did you mean 'India'?")
    ]
    progress = writer.get("/api/loads/progress/up-1").json()
    assert progress == {"id": "up-1", "state": "done", "steps": list(STEPS), "total": len(STEPS)}
    # The figures are there for every reader at once.
    rows = writer.get(
        "/api/table", params={"reporter": "RU-MOW", "year": 2020, "compare": 2019, "by": "partner"}
    ).json()
    growth = {r["partner"]: round(r["growth_pct"], 2) for r in rows}
    assert growth == {"CHN": round((563.31 / 460.22 - 1) * 100, 2), "IND": 63.01}
    assert [r["id"] for r in writer.get("/api/loads").json()] == [1, 2, 3]


def test_the_same_file_again_adds_nothing(writer, tmp_path):
    path = flows_file(tmp_path / "moscow.csv", ROWS[:2])
    assert post(writer, path).json()["loads"][0]["status"] == "loaded"
    again = post(writer, path).json()["loads"][0]
    assert again["status"] == "skipped"
    assert "was loaded as load 3; nothing added." in again["summary"]


def test_read_only_without_a_token(reader, tmp_path):
    answer = post(reader, flows_file(tmp_path / "m.csv", ROWS))
    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "read_only"
    assert "HITEX_TOKEN" in answer.json()["error"]["message"]
    assert len(reader.get("/api/loads").json()) == 2


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": TOKEN}])  # fmt: skip
def test_writes_need_the_token(writer, tmp_path, headers):
    answer = post(writer, flows_file(tmp_path / "m.csv", ROWS), headers=headers)
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"
    assert answer.json()["error"] == {
        "status": 401, "code": "unauthorized", "parameter": "Authorization",
        "message": "Uploads need the header 'Authorization: Bearer <HITEX_TOKEN>'.",
    }  # fmt: skip
    assert len(writer.get("/api/loads").json()) == 2


def test_oversize_upload_is_refused(writer, tmp_path):
    # The writer app's limit is 64 KiB; this file is larger.
    rows = [(2020, "", "RU-MOW", "CHN", "export", f"{841100 + i % 90}", "1") for i in range(4000)]
    path = flows_file(tmp_path / "big.csv", rows)
    assert path.stat().st_size > 64 * 1024
    answer = post(writer, path)
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "too_large"
    assert answer.json()["error"]["message"] == (
        "The upload is larger than this server's limit of 64 KB (hitex serve --max-upload-mb)."
    )
    assert len(writer.get("/api/loads").json()) == 2


def test_oversize_upload_without_a_length_is_refused(writer):
    def chunks():
        boundary = b"--b0undary\r\n"
        yield boundary + b'Content-Disposition: form-data; name="format"\r\n\r\nflows\r\n'
        yield boundary + b'Content-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\n'
        for _ in range(100):
            yield b"y" * 1024
        yield b"\r\n--b0undary--\r\n"

    answer = writer.post(
        "/api/loads", content=chunks(),
        headers={**AUTH, "Content-Type": "multipart/form-data; boundary=b0undary"},
    )  # fmt: skip
    assert "content-length" not in {k.lower() for k in answer.request.headers}
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "too_large"


def test_malformed_file_changes_nothing(writer, tmp_path):
    before = writer.get("/api/table", params={"reporter": "CHL", "year": 2004}).json()
    path = tmp_path / "broken.csv"
    path.write_text("this,is,not\na,flows,file\n")
    answer = post(writer, path)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "bad_input"
    assert "broken.csv" in error["message"]
    assert "hitex-upload-" not in error["message"]
    assert writer.get("/api/table", params={"reporter": "CHL", "year": 2004}).json() == before
    assert [r["status"] for r in writer.get("/api/loads").json()][:2] == ["loaded", "loaded"]


@pytest.mark.parametrize(
    ("form", "parameter"),
    [({"fmt": "csv"}, "format"), ({"classification": "HS2017"}, "classification"),
     ({"progress": "../etc"}, "progress")],
)  # fmt: skip
def test_upload_options_are_checked(writer, tmp_path, form, parameter):
    answer = post(writer, flows_file(tmp_path / "m.csv", ROWS), **form)
    assert answer.status_code == 422
    assert answer.json()["error"]["parameter"] == parameter


def test_empty_file_is_refused(writer, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    answer = post(writer, path)
    assert answer.status_code == 422
    assert answer.json()["error"]["message"] == "The uploaded file 'empty.csv' is empty."


def test_a_file_whose_every_record_is_refused_is_a_422(writer, tmp_path):
    before = writer.get("/api/table", params={"reporter": "CHL", "year": 2004}).json()
    bad = [(2020, "", "RU-MOW", "Indai", "export", "851762", "1"),
           (2020, "", "RU-MOW", "CHN", "export", "841181", "-5")]  # fmt: skip
    answer = post(writer, flows_file(tmp_path / "all-bad.csv", bad))
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert (error["code"], error["parameter"]) == ("refused", "file")
    assert error["message"] == (
        "all-bad.csv: all 2 of its records were refused and nothing was loaded (load 3 keeps "
        "each refused record with its reason: hitex rejects --load 3)."
    )
    assert writer.get("/api/table", params={"reporter": "CHL", "year": 2004}).json() == before
    assert [(r["status"], r["rows_rejected"]) for r in writer.get("/api/loads").json()] == [
        ("loaded", 0), ("loaded", 0), ("refused", 2)
    ]  # fmt: skip
    kept = writer.get("/api/rejects", params={"load": 3}).json()
    assert [(r["line"], r["field"]) for r in kept] == [(2, "partner"), (3, "value_usd")]


def test_an_upload_without_a_format_is_read_in_the_one_its_columns_tell(writer, tmp_path):
    path = flows_file(tmp_path / "moscow.csv", ROWS)
    answer = post(writer, path, fmt=None)
    assert answer.status_code == 200, answer.text
    (load,) = answer.json()["loads"]
    assert (load["format"], load["rows_read"], load["rows_loaded"]) == ("flows", 5, 4)


def test_an_upload_no_format_reads_is_a_422_naming_its_columns(writer, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("origin,hs92,export_val\nCHL,0101,5\n")
    answer = post(writer, path, fmt=None)
    assert answer.status_code == 422, answer.text
    message = answer.json()["error"]["message"]
    assert message.startswith(
        "other.csv: cannot tell its format from its columns (origin, hs92, export_val)"
    )
    assert "hitex-upload-" not in message
    assert [r["status"] for r in writer.get("/api/loads").json()][:2] == ["loaded", "loaded"]
