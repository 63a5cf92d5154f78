"""A local HTTP server on 127.0.0.1 that replays recorded answers (tests/fetch/data/SOURCE.md).

UN Comtrade: the data and preview endpoints answer with the recorded records that match the
request's parameters (the API's own envelope, at most ``maxRecords``); refusals (401, 403,
429 with Retry-After) are the recorded bodies. CEPII: files with ``Range`` support and an
optional cut-off of the first download. World Bank: the recorded answer, or pages built from
the published TX.VAL.TECH.CD values.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

DATA = Path(__file__).with_name("data")
FIXTURES = Path(__file__).parents[1] / "fixtures" / "comtrade"

#: The key the server accepts; "spent" is a key whose quota is used up.
GOOD_KEY = "0123456789abcdef0123456789abcdef"
SPENT_KEY = "spent0000000000000000000000000000"

#: Filters the data endpoints apply: query parameter -> record field.
FILTERS = {
    "reporterCode": "reporterCode",
    "period": "period",
    "flowCode": "flowCode",
    "partnerCode": "partnerCode",
    "partner2Code": "partner2Code",
    "cmdCode": "cmdCode",
    "customsCode": "customsCode",
    "motCode": "motCode",
}


def _number(text: str) -> Any:
    if text == "":
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return {"True": True, "False": False}.get(text, text)


def comtrade_records() -> list[dict[str, Any]]:
    """Every recorded Comtrade record the server can answer with."""
    out: list[dict[str, Any]] = []
    out += json.loads((FIXTURES / "chn_2010_total_by_partner.json").read_text())["data"]
    for name in ("ind_2022_export_usa.json", "ind_2022_export_world.json"):
        out += json.loads((FIXTURES / name).read_text())["data"]
    with (FIXTURES / "chn_imports_usa_8542_2010_2024.csv").open(newline="") as f:
        out += [{k: _number(v) for k, v in row.items()} for row in csv.DictReader(f)]
    return out


def matches(record: dict[str, Any], params: dict[str, str]) -> bool:
    for param, column in FILTERS.items():
        wanted = params.get(param)
        if wanted is None:
            continue
        if param == "cmdCode" and wanted.upper() in ("AG2", "AG4", "AG6", "ALL"):
            continue
        if str(record.get(column)) not in wanted.split(","):
            return False
    return True


def bulk_file() -> bytes:
    """The bulk file behind the recorded listing: tab-separated records, gzip (constructed)."""
    rows = [r for r in comtrade_records() if r["reporterCode"] == 156 and r["period"] == "2010"]
    columns = list(rows[0])
    text = io.StringIO()
    w = csv.writer(text, delimiter="\t", lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    return gzip.compress(text.getvalue().encode())


@dataclass
class Replay:
    """What the server answers, and what it was asked."""

    records: list[dict[str, Any]] = field(default_factory=comtrade_records)
    refusals: dict[str, Any] = field(
        default_factory=lambda: json.loads((DATA / "comtrade" / "refusals.json").read_text())
    )
    #: Answer this many data requests with the recorded 429 first.
    throttle: int = 0
    #: Retry-After to send with a 429 (the recorded answer says 2).
    retry_after: str | None = None
    #: Files served under /DATA_DOWNLOAD/baci/data/.
    files: dict[str, bytes] = field(default_factory=dict)
    #: Bytes sent of a file's first whole download before the connection is cut.
    cut: int | None = None
    #: The preview refuses calls without a key too (as it did for a while from December 2024).
    preview_needs_key: bool = False
    #: Answer this many data requests with a bare 503 (no body) first.
    unavailable: int = 0
    log: list[tuple[str, dict[str, str], dict[str, str]]] = field(default_factory=list)


class Handler(BaseHTTPRequestHandler):
    replay: Replay

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, doc: Any, headers: dict[str, str] | None = None) -> None:
        self._send(
            status,
            json.dumps(doc).encode(),
            {"Content-Type": "application/json", **(headers or {})},
        )

    def _refuse(self, name: str) -> None:
        r = self.replay.refusals[name]
        headers = dict(r["headers"])
        if name == "rate_limit" and self.replay.retry_after is not None:
            headers["Retry-After"] = self.replay.retry_after
        self._send(r["status"], json.dumps(r["body"]).encode(), headers)

    def do_GET(self) -> None:
        url = urlparse(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        self.replay.log.append((url.path, params, dict(self.headers)))
        parts = url.path.strip("/").split("/")
        key = self.headers.get("Ocp-Apim-Subscription-Key")
        if parts[:3] in (
            ["data", "v1", "get"],
            ["public", "v1", "preview"],
            ["bulk", "v1", "get"],
            ["bulk", "v1", "file"],
        ):
            if self.replay.unavailable > 0:
                self.replay.unavailable -= 1
                return self._send(503, b"")
            if self.replay.throttle > 0:
                self.replay.throttle -= 1
                return self._refuse("rate_limit")
            if parts[0] in ("data", "bulk") or self.replay.preview_needs_key:
                if key == SPENT_KEY:
                    return self._refuse("quota")
                if key != GOOD_KEY:
                    return self._refuse("invalid_key")
        if parts[:3] in (["data", "v1", "get"], ["public", "v1", "preview"]):
            return self._comtrade(parts, params)
        if parts[:3] == ["bulk", "v1", "get"]:
            if params.get("reporterCode") == "32" and "1962" in params.get("period", ""):
                return self._send(
                    200,
                    (DATA / "comtrade" / "bulk_listing_arg_1962_s1.json").read_bytes(),
                    {"Content-Type": "application/json"},
                )
            return self._send(200, (FIXTURES / "services_empty.json").read_bytes())
        if parts[:3] == ["bulk", "v1", "file"]:
            return self._send(200, bulk_file(), {"Content-Type": "application/TSV"})
        if parts[:3] == ["DATA_DOWNLOAD", "baci", "data"]:
            return self._file(parts[3])
        if parts[:2] == ["v2", "country"] and len(parts) == 5:
            return self._wdi(parts[2], parts[4], params)
        self._json(404, {"statusCode": 404, "message": "Resource not found"})
        return None

    def _comtrade(self, parts: list[str], params: dict[str, str]) -> None:
        if parts[3] == "S":
            return self._send(
                200,
                (FIXTURES / "services_empty.json").read_bytes(),
                {"Content-Type": "application/json"},
            )
        limit = int(params.get("maxRecords") or 100000)
        if parts[0] == "public":
            limit = min(limit, 500)
        found = [r for r in self.replay.records if matches(r, params)][:limit]
        self._json(
            200, {"elapsedTime": "0.1 secs", "count": len(found), "data": found, "error": ""}
        )
        return None

    def _file(self, name: str) -> None:
        body = self.replay.files.get(name)
        if body is None:
            return self._send(
                404, b"<html><body>Not Found</body></html>", {"Content-Type": "text/html"}
            )

        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        given = self.headers.get("Range")
        if_range = self.headers.get("If-Range")
        if given and if_range is not None and if_range != etag:
            given = None  # changed since: the whole file
        if given:
            start = int(given.split("=")[1].split("-")[0])
            if start >= len(body):
                return self._send(416, b"", {"Content-Range": f"bytes */{len(body)}"})
            part = body[start:]
            return self._send(
                206,
                part,
                {
                    "Content-Type": "application/zip",
                    "Content-Range": f"bytes {start}-{len(body) - 1}/{len(body)}",
                },
            )
        if self.replay.cut is not None:
            cut, self.replay.cut = self.replay.cut, None
            self.send_response(200)
            self.send_header("Content-Type", "application/zip")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:cut])
            self.wfile.flush()
            self.close_connection = True
            return None
        return self._send(
            200, body, {"Content-Type": "application/zip", "Accept-Ranges": "bytes", "ETag": etag}
        )

    def _wdi(self, countries: str, indicator: str, params: dict[str, str]) -> None:
        if indicator == "NY.GDP.MKTP.CD" and countries.lower() == "all":
            return self._send(
                200,
                (DATA / "wdi" / "ny_gdp_mktp_cd_2013.json").read_bytes(),
                {"Content-Type": "application/json;charset=utf-8"},
            )
        if indicator != "TX.VAL.TECH.CD":
            return self._send(
                200,
                (DATA / "wdi" / "invalid_value.json").read_bytes(),
                {"Content-Type": "application/json;charset=utf-8"},
            )
        with (DATA / "wdi" / "tx_val_tech_cd_rus_chn_2000_2013.csv").open(newline="") as f:
            rows = list(csv.DictReader(f))
        wanted = countries.upper().split(";")
        lo, _, hi = params.get("date", "1960:2100").partition(":")
        records = [
            {"indicator": {"id": "TX.VAL.TECH.CD", "value": r["Indicator Name"]},
             "country": {"id": r["Country Code"][:2], "value": r["Country Name"]},
             "countryiso3code": r["Country Code"], "date": str(y),
             "value": float(r[str(y)]) if r[str(y)] else None, "unit": "", "obs_status": "",
             "decimal": 0}
            for r in rows if r["Country Code"] in wanted
            for y in range(2013, 1999, -1) if int(lo) <= y <= int(hi or lo)
        ]  # fmt: skip
        per = int(params.get("per_page", 50))
        page = int(params.get("page", 1))
        pages = max(1, -(-len(records) // per))
        info = {
            "page": page,
            "pages": pages,
            "per_page": per,
            "total": len(records),
            "sourceid": "2",
            "lastupdated": "2016-03-04",
        }
        self._json(200, [info, records[(page - 1) * per : page * per]])
        return None


class Server:
    """The replaying server in a thread; ``url`` is its base address."""

    def __init__(self, replay: Replay | None = None) -> None:
        self.replay = replay or Replay()
        handler = type("BoundHandler", (Handler,), {"replay": self.replay})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
