"""``python -m bench.api_load``: many readers of ``hitex serve`` while loads run (loopback only).

Starts ``hitex serve`` on a free port of 127.0.0.1 over a warehouse holding the demo data,
40,000 flows of one reporter and (``--baci-rows``) BACI-shaped generated data, then for a fixed
time runs N concurrent clients while one writer posts revisions of those 40,000 flows, one after
the other (each a delete and an insert in one transaction). Two kinds of questions:

- *repeated*: five ``/api/table`` questions in turn (answers remembered after the first);
- *varied*: ``/api/view`` (everything a dashboard view needs), every request a different view
  (reporter, flow, year, base year, partner group, product group drawn from what the warehouse
  holds; none asked twice in a run), so that no answer is remembered.

Every answer about the revised reporter must be one whole version (its total is the base total
times the version's factor; varied clients ask it every tenth request, untimed): a torn read, an
error or a timeout fails the run. Latencies are written to ``bench/RESULTS.md`` in a section of
its own.

Examples
--------
``python -m bench.api_load`` (50 clients, 20 s; repeated and varied, readers alone and with loads,
over 10M generated rows);
``python -m bench.api_load --clients 4 --seconds 2 --baci-rows 0 --no-save`` for a quick check.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx
import pandas as pd

import hitex
from bench import generate
from hitex import demo
from hitex.reference.countries import data_path
from hitex.store.layout import copy_warehouse

TOKEN = "bench-token"
RESULTS = Path(__file__).with_name("RESULTS.md")
DATA = Path(__file__).with_name("data")
SECTION = "api-load"

#: Seconds ``hitex serve`` may take to start (it builds the dashboard's columns first).
START_S = 1800.0

PARTNERS = ["DEU", "ITA", "ESP", "CHN", "USA", "GBR", "BEL", "NLD", "CHE", "JPN"]

#: The questions readers ask (query parameters of /api/table), in turn.
QUESTIONS: list[Params] = [
    {"reporter": "FRA", "year": 2021},  # checked: one whole version of the revised flows
    {"reporter": "FRA", "year": 2021, "by": "partner"},
    {"reporter": "CHL", "year": 2004, "compare": 2002, "by": "group", "groups": "tech"},
    {"reporter": "FRA", "year": 2021, "by": "group", "groups": "tech", "partner_group": "Europe"},
    {"reporter": "CHL", "flow": "import", "year": 2004, "by": "product", "top": 10},
]


#: Query parameters of one request.
Params = dict[str, str | int]

#: The checked total (the same parameters as QUESTIONS[0]) as a dashboard view asks it:
#: varied clients ask it too.
CHECKED_VIEW: Params = {"reporter": "FRA", "year": 2021}

#: Partner groups and product groups the varied views draw from (None: all).
PARTNER_GROUPS = [None, None, "Asia", "Europe", "Africa", "Americas", "EU", "OECD"]
PRODUCT_GROUPS = [(None, None), (None, None), ("tech", None), ("tech", "high"),
                  ("tech", "medium-high"), ("tech", "low"), ("enduse", None)]  # fmt: skip


def varied(db: Path, count: int, seed: int = 7) -> list[Params]:
    """``count`` different dashboard views of what ``db`` holds, in random order."""
    with hitex.open(db) as s:
        periods = s.periods()
    held: dict[str, dict[str, list[int]]] = {}
    for reporter, flow, year in zip(
        periods["reporter"], periods["flow"], periods["year"], strict=True
    ):
        held.setdefault(str(reporter), {}).setdefault(str(flow), []).append(int(year))
    rng = random.Random(seed)
    # The page shows a reporter's exports or its complete imports; a reporter whose only
    # records are imports mirrored from some exporters has nothing it can state (a 422).
    reporters = sorted(r for r in held if "export" in held[r])
    seen: set[tuple[object, ...]] = set()
    views: list[Params] = []
    # Every different view there is: once all are drawn, more draws add none (the same list,
    # without drawing up to count * 50 times for nothing).
    possible = len(set(PARTNER_GROUPS)) * len(set(PRODUCT_GROUPS)) * sum(
        len(ys) * len(ys) for flows in (held[r] for r in reporters) for ys in flows.values()
    )  # fmt: skip
    for _ in range(count * 50):
        if len(views) >= min(count, possible):
            break
        reporter = rng.choice(reporters)
        flow = rng.choice(sorted(held[reporter]))
        years = sorted(held[reporter][flow])
        year = rng.choice(years)
        compare = rng.choice([None, *[y for y in years if y != year]])
        partner_group = rng.choice(PARTNER_GROUPS)
        groups, group = rng.choice(PRODUCT_GROUPS)
        key = (reporter, flow, year, compare, partner_group, groups, group)
        if key in seen:
            continue
        seen.add(key)
        view: dict[str, str | int | None] = {
                "reporter": reporter, "flow": flow, "year": year, "compare": compare,
                "partner_group": partner_group, "groups": groups, "group": group,
        }  # fmt: skip
        views.append({k: v for k, v in view.items() if v is not None})
    return views


def shapes(views: list[Params]) -> tuple[list[Params], list[Params]]:
    """One view of each shape (flow, base year or not, partner group or not, product group
    or scheme or neither) to warm the server with, and the others, to time."""
    warm: dict[tuple[object, ...], Params] = {}
    rest = []
    for view in views:
        shape = (view["flow"], "compare" in view, "partner_group" in view, view.get("groups"),
                 "group" in view)  # fmt: skip
        if shape in warm:
            rest.append(view)
        else:
            warm[shape] = view
    return list(warm.values()), rest


@dataclass
class Tally:
    """What the clients saw."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    torn: list[float] = field(default_factory=list)
    versions: set[int] = field(default_factory=set)
    loads: int = 0
    load_seconds: list[float] = field(default_factory=list)
    #: What was asked: "repeated" or "varied".
    kind: str = "repeated"
    #: Mean pause of each client between its requests, seconds.
    think: float = 0.0
    #: Whether the server answered views from memory (False: the Session only).
    memory: bool = True
    #: The readers' client: "lean" (:class:`Lean`) or "httpx".
    client: str = "lean"
    #: CPU seconds of the readers' process while they ran (the clients' own cost).
    client_cpu: float = 0.0
    #: CPU seconds of the server's processes (every thread) while the readers ran.
    server_cpu: float = 0.0
    #: Processes of the server answering requests (``hitex serve --workers``).
    workers: int = 1
    #: Requests the readers made (timed or not).
    requests: int = 0
    #: The 1-minute load average when the readers ended.
    load_average: float = 0.0


def flows(path: Path, factor: int, rows: int) -> int:
    """Write ``rows`` FRA export flows of 2021 with values times ``factor``; return the total.

    The generated rows hold 2019-2020 only: FRA's 2021 total is the revised flows' alone.
    """
    table = pd.read_csv(data_path("hs-nomenclature", "hs2017.csv"), dtype=str)
    codes = table[table["level"] == "6"]["hscode"].head(rows // len(PARTNERS)).tolist()
    rng = random.Random(11)
    frame = pd.DataFrame(
        [
            (2021, "", "FRA", p, "export", c, rng.randint(1, 10_000))
            for c in codes
            for p in PARTNERS
        ],
        columns=["year", "month", "reporter", "partner", "flow", "product", "value_usd"],
    )
    frame["value_usd"] *= factor
    frame.to_csv(path, index=False)
    return int(frame["value_usd"].sum())


def free_port() -> int:
    """A free port on the loopback address."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def server(db: Path, memory: bool = True, workers: int = 1) -> Iterator[tuple[str, int]]:
    """``hitex serve`` on 127.0.0.1 in a subprocess, stopped on exit: its URL and process id.

    ``memory=False`` serves ``/api/view`` by the Session only (``HITEX_VIEW_MEMORY=off``).
    ``workers`` > 1: a read-only server of that many processes (no token: no loads).
    """
    port = free_port()
    hitex = Path(sys.executable).with_name("hitex")
    env = {**os.environ, "HITEX_TOKEN": TOKEN, "HITEX_VIEW_MEMORY": "on" if memory else "off"}
    if workers > 1:
        del env["HITEX_TOKEN"]
    proc = subprocess.Popen(
        [str(hitex), "--db", str(db), "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    try:
        # The server listens once the dashboard's columns are built: minutes at 50M records.
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url + "/api/meta", timeout=2).status_code == 200:
                    break
            if proc.poll() is not None:
                raise RuntimeError("hitex serve exited at start-up")
            if time.monotonic() - started > START_S:
                raise RuntimeError(f"hitex serve did not listen within {START_S:.0f} s")
            time.sleep(0.2)
        print(f"hitex serve listened after {time.monotonic() - started:.1f} s", file=sys.stderr)
        yield url, proc.pid
    finally:
        with contextlib.suppress(OSError):
            for pid in family(proc.pid):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):  # a server process's peak resident memory
                        print(f"hitex serve {pid} peak {line.split(':')[1].strip()}",
                              file=sys.stderr)  # fmt: skip
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


#: ``get(path, params)``: an answer's status and body.
Get = Callable[[str, Params], Awaitable[tuple[int, bytes]]]

#: What a failed request raises, whichever client asked.
FAILURES = (httpx.HTTPError, OSError, EOFError, TimeoutError, ValueError)


class Lean:
    """A lean HTTP/1.1 client: ``GET`` on one kept-alive connection, as load generators do.

    It writes the request line and a ``Host`` header and reads the status line, the headers
    and a body of ``Content-Length`` bytes (or chunked): about a tenth of httpx's CPU per
    request, which the load test's clients share with the server on the same cores. Not a
    general client: loopback, no redirects, no compression, no TLS. A kept-alive connection the
    server closed while idle is opened again and the request asked again; any other failure
    closes the connection (the next request opens a new one) and is raised to the caller.
    """

    def __init__(self, url: str, timeout: float = 60) -> None:
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.timeout = timeout
        self._header = f" HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode()
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str, params: Params) -> tuple[int, bytes]:
        """``GET path?params``: the answer's status and body."""
        target = path + "?" + urlencode(params) if params else path
        try:
            async with asyncio.timeout(self.timeout):
                return await self._ask(b"GET " + target.encode() + self._header)
        except BaseException:
            self.close()
            raise

    async def _ask(self, request: bytes) -> tuple[int, bytes]:
        reused = self._streams is not None
        if self._streams is None:
            self._streams = await asyncio.open_connection(self.host, self.port)
        read, write = self._streams
        write.write(request)
        try:
            head = await read.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError as e:
            if not reused or e.partial:
                raise
            # The server closed the kept-alive connection while it was idle (uvicorn after 5 s):
            # a GET is asked again on a new one, as HTTP clients do (RFC 9112, 9.3.1).
            self.close()
            return await self._ask(request)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if line:
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await read.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            chunks = []
            while size := int((await read.readuntil(b"\r\n")).split(b";")[0], 16):
                chunks.append(await read.readexactly(size))
                await read.readexactly(2)
            await read.readuntil(b"\r\n")  # no trailers are sent
            body = b"".join(chunks)
        else:
            raise ValueError(f"an answer with neither length nor chunks: {lines[0]}")
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, body

    def close(self) -> None:
        """Close the connection (the next request opens one)."""
        if self._streams is not None:
            self._streams[1].close()
            self._streams = None


async def reader(
    get: Get, n: int, until: float, base: int, t: Tally,
    views: Iterator[Params] | None = None,
) -> None:  # fmt: skip
    """Ask questions until ``until``; check every answer about FRA's total.

    Repeated: the :data:`QUESTIONS` in turn. Varied (``views``): the next view nobody asked,
    and every tenth request the checked question (untimed), every other time as a view
    (:data:`CHECKED_VIEW`). Every answer's status is checked, and the checked question's
    answer is read as JSON.
    """
    i = n
    rng = random.Random(n)
    while time.monotonic() < until:
        if t.think:
            await asyncio.sleep(rng.expovariate(1 / t.think))
        i += 1
        view = None if views is None or i % 10 == 0 else next(views, None)
        path, params = ("/api/view", view) if view is not None else (
            "/api/table", QUESTIONS[0] if views is not None else QUESTIONS[i % len(QUESTIONS)]
        )  # fmt: skip
        if views is not None and view is None and i % 20 == 0:
            path, params = "/api/view", CHECKED_VIEW  # the same total, as a view answers it
        start = time.perf_counter()
        t.requests += 1
        try:
            status, body = await get(path, params)
        except FAILURES as exc:
            t.errors.append(f"{type(exc).__name__}: {exc}")
            continue
        if views is None or view is not None:
            t.latencies.append(time.perf_counter() - start)
        if status != 200:
            t.errors.append(f"{status}: {body[:200].decode(errors='replace')}")
        elif params == QUESTIONS[0]:  # as /api/table or as /api/view (CHECKED_VIEW) answers it
            found = json.loads(body)
            total = found["total"]["value_usd"] if path == "/api/view" else found[0]["value_usd"]
            if total % base:
                t.torn.append(total)
            else:
                t.versions.add(int(total // base))


def writer(url: str, folder: Path, rows: int, until: float, t: Tally) -> None:
    """Post revisions of FRA's flows (factor 2, 3, ...) one after the other until ``until``."""
    factor = 1
    with httpx.Client(base_url=url, timeout=120) as client:
        while time.monotonic() < until:
            factor += 1
            path = folder / f"fra-2021-v{factor}.csv"
            flows(path, factor, rows)
            start = time.perf_counter()
            with path.open("rb") as f:
                answer = client.post(
                    "/api/loads", files={"file": f}, data={"format": "flows", "revise": "true"},
                    headers={"Authorization": f"Bearer {TOKEN}"},
                )  # fmt: skip
            if answer.status_code != 200:
                t.errors.append(f"load {answer.status_code}: {answer.text[:200]}")
                return
            t.loads += 1
            t.load_seconds.append(time.perf_counter() - start)


async def readers(
    url: str, clients: int, seconds: float, base: int, t: Tally,
    views: Iterator[Params] | None = None,
) -> None:  # fmt: skip
    """``clients`` concurrent readers, each with its own connection (:class:`Lean`, or one
    pool of httpx's with ``t.client == "httpx"``). Their CPU time goes to ``t.client_cpu``."""
    cpu = time.process_time()
    until = time.monotonic() + seconds
    if t.client == "httpx":
        limits = httpx.Limits(max_connections=clients)
        async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:

            async def get(path: str, params: Params) -> tuple[int, bytes]:
                answer = await client.get(path, params=params)
                return answer.status_code, answer.content

            await asyncio.gather(*(reader(get, n, until, base, t, views) for n in range(clients)))
    else:
        leans = [Lean(url) for _ in range(clients)]
        try:
            await asyncio.gather(
                *(reader(lean.get, n, until, base, t, views) for n, lean in enumerate(leans))
            )
        finally:
            for lean in leans:
                lean.close()
    t.client_cpu = time.process_time() - cpu


def prepare(folder: Path, rows: int, baci_rows: int) -> int:
    """Build ``folder/hitex.duckdb``: demo, FRA's flows, BACI-shaped rows; FRA's base total."""
    session = hitex.open(folder / "hitex.duckdb")
    if baci_rows:  # first: a large file loads into an empty warehouse within the load budget
        spec = generate.Spec(rows=baci_rows, years=(2019, 2020), seed=1)
        data = DATA / f"rows-{baci_rows}-seed-1"
        manifest = generate.ensure(spec, data)
        files = [data / str(name) for name in manifest["csv"]]  # type: ignore[attr-defined]
        session.load(files, format="baci", classification="HS17")
    session.load(demo.files(), format="flows")
    base = flows(folder / "fra-2021-v1.csv", 1, rows)
    session.load([folder / "fra-2021-v1.csv"], format="flows")
    session.close()
    return base


def run(
    clients: int, seconds: float, rows: int, write: bool, *, kind: str = "repeated",
    think: float = 0.0, baci_rows: int = 0, built: Path | None = None, memory: bool = True,
    client: str = "lean", workers: int = 1,
) -> tuple[Tally, float]:  # fmt: skip
    """Run the test; return the tally and the wall-clock seconds the readers ran.

    ``built`` is a warehouse made by :func:`prepare` (copied, never changed); without it one is
    built here. ``client``: the readers' HTTP client, "lean" (:class:`Lean`) or "httpx".
    """
    with tempfile.TemporaryDirectory(prefix="hitex-api-load-") as tmp:
        folder = Path(tmp)
        if built is None:
            base = prepare(folder, rows, baci_rows)
        else:
            copy_warehouse(built, folder / "hitex.duckdb")
            base = flows(folder / "fra-2021-v1.csv", 1, rows)
        t = Tally(kind=kind, think=think, memory=memory, client=client, workers=workers)
        listed = varied(folder / "hitex.duckdb", 200_000) if kind == "varied" else []
        warm, timed = shapes(listed)
        views = iter(timed) if kind == "varied" else None
        with server(folder / "hitex.duckdb", memory, workers) as (url, pid):
            for q in QUESTIONS:  # warm: each reader session compiles on first use
                httpx.get(url + "/api/table", params=q, timeout=120).raise_for_status()
            for view in [{}, *warm]:  # one view of each shape: Ibis compiles each shape once
                httpx.get(url + "/api/view", params=view, timeout=300).raise_for_status()
            thread = threading.Thread(
                target=writer, args=(url, folder, rows, time.monotonic() + seconds, t)
            )
            start, cpu = time.monotonic(), server_cpu(pid)
            if write:
                thread.start()
            asyncio.run(readers(url, clients, seconds, base, t, views))
            elapsed = time.monotonic() - start
            t.server_cpu = server_cpu(pid) - cpu
            t.load_average = os.getloadavg()[0]
            if write:
                thread.join()
        return t, elapsed


def family(pid: int) -> list[int]:
    """Process ``pid`` and its descendants alive now (a server's workers)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
    return found


def server_cpu(pid: int) -> float:
    """CPU seconds (user and system, every thread) process ``pid`` and its children have used."""
    total = 0
    for p in family(pid):
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def row(t: Tally, elapsed: float) -> str:
    """One line of the results table."""
    ms = [v * 1000 for v in t.latencies]
    load = f"{t.loads} ({statistics.median(t.load_seconds):.2f} s each)" if t.loads else "none"
    asked = "5 repeated, `/api/table`" if t.kind == "repeated" else "varied, `/api/view`"
    if t.kind == "varied" and not t.memory:
        asked += " (Session only)"
    if t.workers > 1:
        asked += f", {t.workers} server processes"
    pause = f"{t.think:g} s" if t.think else "none"
    per = 1000 / max(1, t.requests)
    return (
        f"| {asked} | {pause} | {load} | {len(ms):,} | {len(ms) / elapsed:,.0f} | "
        f"{percentile(ms, 50):.1f} | "
        f"{percentile(ms, 90):.1f} | {percentile(ms, 99):.1f} | {max(ms):.1f} | {len(t.errors)} | "
        f"{len(t.torn)} | {len(t.versions)} | {t.server_cpu * per:.2f} | "
        f"{t.client_cpu * per:.2f} ({t.client}) | {t.load_average:.1f} |"
    )


def section(
    runs: Sequence[tuple[Tally, float]], clients: int, seconds: float, rows: int,
    baci_rows: int = 0,
) -> str:  # fmt: skip
    """The RESULTS.md section: one row per run (readers alone, readers while loads run)."""
    held = f" and {baci_rows:,} BACI-shaped generated rows (2019-2020)" if baci_rows else ""
    lines = [
        f"<!-- section: {SECTION} -->",
        "## HTTP API under load (`python -m bench.api_load`)",
        "",
        f"{clients} concurrent clients for {seconds:.0f} s against `hitex serve` on 127.0.0.1 "
        f"(one process; {os.cpu_count()} cores shared by server, clients and loads; Python "
        f"{platform.python_version()}; load average {os.getloadavg()[0]:.1f} when the table "
        f"was written); the warehouse holds the demo, {rows:,} flows of FRA"
        f"{held}. Repeated: the {len(QUESTIONS)} `QUESTIONS` of `/api/table` in turn. Varied: "
        "`/api/view` (headline, partners, products, series and the filters' choices of one "
        "dashboard view), every request a view nobody asked before in the run; before it is "
        "timed, the server answers one view of each shape (flow, base year or not, partner group "
        "or not, product scheme and group or not), as a server that has run a while has: Ibis "
        "compiles a shape once (0.3-1 s). A pause is the "
        "mean of each client's random wait before each request (none: each client asks again "
        "as soon as it is answered). With loads, one writer posts revisions of "
        f"{rows:,} flows (`/api/loads`, `revise=true`) one after the other for the whole run. "
        "The readers are one process of the same machine: each client one kept-alive HTTP/1.1 "
        "connection (`Lean`: about a tenth of httpx's CPU a request; `--client httpx` for "
        "httpx), every answer's status checked and the revised reporter's total read as JSON. "
        "CPU a request: the server process's (all threads, from /proc) and the readers' "
        "process's over every request made (timed or not).",
        "",
        "| questions | pause | revisions loaded meanwhile | requests | per second | p50 ms | "
        "p90 ms | p99 ms | max ms | errors | torn reads | versions seen | server CPU ms a "
        "request | client CPU ms a request | load average at the end |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(row(t, elapsed) for t, elapsed in runs),
        "",
        "A torn read would be a total of the revised reporter that is not one whole version "
        "(base total times the version's factor); every answer is checked. A load changes the "
        "warehouse version, so the answers remembered for the previous one no longer serve.",
        f"<!-- end section: {SECTION} -->",
    ]
    return "\n".join(lines)


def write_section(text: str, path: Path = RESULTS) -> None:
    """Put ``text`` into ``path`` in place of the previous run's section."""
    old = path.read_text() if path.exists() else ""
    pattern = re.compile(rf"<!-- section: {SECTION} -->.*?<!-- end section: {SECTION} -->", re.S)
    if pattern.search(old):
        new = pattern.sub(lambda _: text, old)
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    path.write_text(new)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the load test, print the figures, write them to RESULTS.md (unless --no-save)."""
    parser = argparse.ArgumentParser(prog="python -m bench.api_load", description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--rows", type=int, default=40_000, help="flows each revision replaces")
    parser.add_argument("--no-write", action="store_true", help="readers only, no loads")
    parser.add_argument("--no-baseline", action="store_true", help="skip the readers-only run")
    parser.add_argument("--no-save", action="store_true", help="do not write RESULTS.md")
    parser.add_argument(
        "--baci-rows", type=generate.parse_count, default=10_000_000,
        help="BACI-shaped rows generated into the warehouse (0: none; 10M, 1M, ...)",
    )  # fmt: skip
    parser.add_argument(
        "--kinds", default="repeated,varied", help="repeated, varied or both (comma-separated)"
    )
    parser.add_argument(
        "--reference", action="store_true",
        help="varied views also by the Session only (HITEX_VIEW_MEMORY=off), for the ratio",
    )  # fmt: skip
    parser.add_argument(
        "--built", type=Path,
        help="a folder to keep the prepared warehouse in and reuse (built there if absent)",
    )  # fmt: skip
    parser.add_argument(
        "--client", choices=["lean", "httpx"], default="lean",
        help="the readers' HTTP client: lean (one kept-alive connection each, little CPU) or httpx",
    )  # fmt: skip
    parser.add_argument(
        "--think", type=float, action="append",
        help="mean pause of a client before each request, s (repeat: one run each; default 0)",
    )  # fmt: skip
    parser.add_argument(
        "--workers", type=int, default=1,
        help="server processes (hitex serve --workers; more than 1 serves read-only: --no-write)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.workers > 1 and not args.no_write:
        parser.error(f"--workers {args.workers} serves read-only: give --no-write too")
    runs = []
    with tempfile.TemporaryDirectory(prefix="hitex-api-load-build-") as tmp:
        folder = args.built or Path(tmp)
        built = folder / "hitex.duckdb"
        if not built.exists():
            folder.mkdir(parents=True, exist_ok=True)
            prepare(folder, args.rows, args.baci_rows)
        for kind in args.kinds.split(","):
            ways = [True, False] if kind == "varied" and args.reference else [True]
            for think in args.think or [0.0]:
                for memory in ways:
                    options = {"kind": kind, "think": think, "built": built, "memory": memory,
                               "client": args.client, "workers": args.workers}  # fmt: skip
                    if not args.no_baseline:
                        runs.append(run(args.clients, args.seconds, args.rows, False, **options))
                        print(row(*runs[-1]), flush=True)
                    if not args.no_write:
                        runs.append(run(args.clients, args.seconds, args.rows, True, **options))
                        print(row(*runs[-1]), flush=True)
    text = section(runs, args.clients, args.seconds, args.rows, args.baci_rows)
    print(text)
    bad = False
    for t, _ in runs:
        for e in t.errors[:5]:
            print("error:", e, file=sys.stderr)
        if t.torn:
            print(f"torn reads: {t.torn[:5]}", file=sys.stderr)
        bad = bad or bool(t.errors or t.torn)
    if not args.no_save:
        write_section(text)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
