"""``python -m bench.request_cost DB``: the server's CPU per dashboard request, and its answers.

Starts ``hitex serve`` over ``DB`` (a warehouse made by ``bench.api_load``'s ``--built``, read
only) on 127.0.0.1, answers one view of each shape first (as :mod:`bench.api_load` does), then
asks ``--views`` varied views (:func:`bench.api_load.varied`, none asked twice) from
``--clients`` clients, each on one kept-alive connection, and reads the server process's CPU
time (user and system, all its threads, from ``/proc``) before and after: CPU ms per request
is that difference over the requests. The clients' own CPU is given apart (they share the
machine's cores with the server).

Then, untimed, a fixed set of varied requests (views in English and Russian, with months,
unknown names and bad parameters, ``HEAD``, tables and series) is asked and each answer's
status and body are written to ``--save`` (one JSON line each): ``--compare`` an earlier file
to check that two servers (code before and after a change) answer every request alike, byte
for byte.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

from bench.api_load import QUESTIONS, Params, free_port, server_cpu, shapes, varied

#: CPU seconds (user and system, every thread) of the server's processes.
cpu_s = server_cpu


def _path(path: str, params: Params) -> str:
    return path + ("?" + urlencode(params) if params else "")


def extended(views: list[Params]) -> Iterator[tuple[str, str]]:
    """(method, path) of the requests whose answers are compared: varied and edge cases."""
    for i, view in enumerate(views):
        yield "GET", _path("/api/view", view)
        if i % 3 == 0:
            yield "GET", _path("/api/view", {**view, "lang": "ru"})
        if i % 4 == 0:
            yield "GET", _path("/api/view", {**view, "months": "2-7"})
        if i % 5 == 0:
            yield "GET", _path("/api/view", {k: v for k, v in view.items() if k != "year"})
        if i % 7 == 0:
            yield "GET", _path("/api/view", {**view, "partner_group": "Nowhere"})
        if i % 11 == 0:
            yield "GET", _path("/api/view", {**view, "groups": "tech", "group": "HIGH"})
    for params in QUESTIONS:
        yield "GET", _path("/api/table", params)
    yield "GET", "/api/series?reporter=FRA&years=2019-2021&by=partner"
    yield "GET", "/api/view"
    yield "HEAD", "/api/view?reporter=FRA"
    yield "GET", "/api/view?reporter=XXX"
    yield "GET", "/api/view?reporter=FRA&year=20000"
    yield "GET", "/api/view?reporter=FRA&year=2021&year=2020"
    yield "GET", "/api/view?reporter=FRA&months=13"
    yield "GET", "/api/view?reporter=FRA&colour=red"
    yield "GET", "/api/view?reporter=FRA&flow=balance&lang=ru"
    yield "GET", "/api/view?reporter=CHL&year=2004&compare=2002&firm_group=x"
    yield "GET", "/api/view?reporter=Chile&lang=de"
    yield "GET", "/api/meta"


def _client(port: int, paths: list[str], latencies: list[float]) -> None:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    for path in paths:
        start = time.perf_counter()
        con.request("GET", path)
        answer = con.getresponse()
        answer.read()
        latencies.append(time.perf_counter() - start)
        if answer.status != 200:
            raise RuntimeError(f"{path}: {answer.status}")
    con.close()


def layers(db: Path, views: list[Params], warm: list[Params]) -> None:
    """CPU ms a view in this process, layer by layer, each on views of its own.

    None of the views was asked before: :func:`hitex.api.dashboard.view` alone; with its
    JSON; the whole app as ASGI (no HTTP server), through the fast path and through
    FastAPI's route.
    """
    import asyncio  # noqa: PLC0415

    from fastapi.responses import JSONResponse  # noqa: PLC0415

    from hitex.api import dashboard  # noqa: PLC0415
    from hitex.api.app import create_app  # noqa: PLC0415

    fast = create_app(db, token="")
    ordinary = create_app(db, token="", fast_view=False)
    conns = fast.state.conns
    loop = asyncio.new_event_loop()

    async def call(app: Any, query: str) -> None:
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": "GET", "scheme": "http", "path": "/api/view",
                 "raw_path": b"/api/view", "query_string": query.encode(), "root_path": "",
                 "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1),
                 "server": ("127.0.0.1", 8000)}  # fmt: skip

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start" and message["status"] != 200:
                raise RuntimeError(f"{query}: {message['status']}")

        await app(scope, receive, send)

    n = len(views) // 4
    ways: list[tuple[str, Any]] = [
        ("view alone", lambda v: dashboard.view(dashboard.ViewQuery(**v), conns)),
        ("view and its JSON",
         lambda v: JSONResponse(dashboard.view(dashboard.ViewQuery(**v), conns))),
        ("app, fast path", lambda v: loop.run_until_complete(call(fast, urlencode(v)))),
        ("app, FastAPI's route", lambda v: loop.run_until_complete(call(ordinary, urlencode(v)))),
    ]  # fmt: skip
    for v in [{}, *warm]:
        loop.run_until_complete(call(fast, urlencode(v)))
        loop.run_until_complete(call(ordinary, urlencode(v)))
    for i, (label, ask) in enumerate(ways):
        started = time.process_time()
        for v in views[i * n : (i + 1) * n]:
            ask(v)
        print(
            f"in process, {label}: {(time.process_time() - started) * 1000 / n:.2f} ms CPU a view"
        )
    loop.close()
    conns.close()
    ordinary.state.conns.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, save and compare; non-zero where answers differ from ``--compare``'s."""
    parser = argparse.ArgumentParser(prog="python -m bench.request_cost", description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--views", type=int, default=300)
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--answers", type=int, default=60, help="views of the compared set")
    parser.add_argument("--save", type=Path, help="write the compared set's answers here")
    parser.add_argument("--compare", type=Path, help="answers written by an earlier run")
    parser.add_argument("--profile", type=Path, help="py-spy: sample the server to this file")
    parser.add_argument(
        "--layers", action="store_true", help="also the CPU of each layer, in this process"
    )
    parser.add_argument("--workers", type=int, default=1, help="server processes (read-only)")
    args = parser.parse_args(argv)
    listed = varied(args.db, args.views * 8 + args.answers + 200)
    warm, rest = shapes(listed)
    # The compared set does not depend on --views.
    kept, timed = rest[: args.answers], rest[args.answers : args.answers + args.views]
    if args.layers:  # on views the server is not asked
        layers(args.db, rest[args.answers + args.views :][: args.views * 4], warm)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "HITEX_TOKEN"}
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("hitex")), "--db", str(args.db), "serve", "--port",
         str(port), "--workers", str(args.workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    differ = 0
    try:
        while True:
            try:
                if httpx.get(url + "/api/meta", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                if proc.poll() is not None:
                    raise RuntimeError("hitex serve exited") from None
                time.sleep(0.2)
        for view in [{}, *warm]:
            httpx.get(url + "/api/view", params=view, timeout=300).raise_for_status()
        spy = None
        if args.profile:
            spy = subprocess.Popen(
                [str(Path(sys.executable).with_name("py-spy")), "record", "--pid",
                 str(proc.pid), "--format", "raw", "--rate", "500", "--output",
                 str(args.profile)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            time.sleep(1.0)
        paths = [_path("/api/view", v) for v in timed]
        shares = [paths[i :: args.clients] for i in range(args.clients)]
        latencies: list[float] = []
        server0, client0, wall0 = cpu_s(proc.pid), time.process_time(), time.perf_counter()
        threads = [
            threading.Thread(target=_client, args=(port, share, latencies)) for share in shares
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - wall0
        server = cpu_s(proc.pid) - server0
        client = time.process_time() - client0
        if spy is not None:
            spy.send_signal(2)
            spy.wait(timeout=60)
        ms = sorted(v * 1000 for v in latencies)
        n = len(ms)
        print(
            f"{n} views, {args.clients} client(s): server CPU {server * 1000 / n:.2f} ms a "
            f"request, client CPU {client * 1000 / n:.2f} ms; wall {wall * 1000 / n:.2f} ms a "
            f"request, latency median {statistics.median(ms):.1f} ms, p99 "
            f"{ms[min(n - 1, round(n * 0.99) - 1)]:.1f} ms; load average "
            f"{os.getloadavg()[0]:.1f}"
        )
        if args.save or args.compare:
            found = []
            with httpx.Client(base_url=url, timeout=300) as client_:
                for method, path in extended(kept):
                    answer = client_.request(method, path)
                    found.append({"method": method, "path": path, "status": answer.status_code,
                                  "type": answer.headers.get("content-type"),
                                  "body": answer.text})  # fmt: skip
            if args.save:
                args.save.write_text("".join(json.dumps(f) + "\n" for f in found))
            if args.compare:
                before = [json.loads(line) for line in args.compare.read_text().splitlines()]
                for old, new in zip(before, found, strict=True):
                    if old != new:
                        differ += 1
                        print(f"differs: {new['method']} {new['path']}", file=sys.stderr)
                statuses = sorted({f["status"] for f in found})
                print(f"{len(found)} answers compared (statuses {statuses}): {differ} differ")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
