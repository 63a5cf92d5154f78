"""``python -m bench.api_load``: many readers of ``hitex serve`` while loads run (loopback only).

Starts ``hitex serve`` on a free port of 127.0.0.1 over a warehouse holding the demo data and
40,000 flows of one reporter, then for a fixed time runs N concurrent clients against
``/api/table`` (a mix of questions) while one writer posts revisions of those 40,000 flows, one
after the other (each a delete and an insert in one transaction). Every answer about the revised
reporter must be one whole version (its total is the base total times the version's factor): a
torn read, an error or a timeout fails the run. Latencies are written to ``bench/RESULTS.md``
in a section of its own.

Examples
--------
``python -m bench.api_load`` (50 clients, 20 s, readers alone and then with loads);
``python -m bench.api_load --clients 4 --seconds 2 --no-save`` for a quick check.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pandas as pd

from hitex import demo
from hitex.reference.countries import data_path

TOKEN = "bench-token"
RESULTS = Path(__file__).with_name("RESULTS.md")
SECTION = "api-load"

PARTNERS = ["DEU", "ITA", "ESP", "CHN", "USA", "GBR", "BEL", "NLD", "CHE", "JPN"]

#: The questions readers ask (query parameters of /api/table), in turn.
QUESTIONS = [
    {"reporter": "FRA", "year": 2020},  # checked: one whole version of the revised flows
    {"reporter": "FRA", "year": 2020, "by": "partner"},
    {"reporter": "CHL", "year": 2004, "compare": 2002, "by": "group", "groups": "tech"},
    {"reporter": "FRA", "year": 2020, "by": "group", "groups": "tech", "partner_group": "Europe"},
    {"reporter": "CHL", "flow": "import", "year": 2004, "by": "product", "top": 10},
]


@dataclass
class Tally:
    """What the clients saw."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    torn: list[float] = field(default_factory=list)
    versions: set[int] = field(default_factory=set)
    loads: int = 0
    load_seconds: list[float] = field(default_factory=list)


def flows(path: Path, factor: int, rows: int) -> int:
    """Write ``rows`` FRA export flows of 2020 with values times ``factor``; return the total."""
    table = pd.read_csv(data_path("hs-nomenclature", "hs2017.csv"), dtype=str)
    codes = table[table["level"] == "6"]["hscode"].head(rows // len(PARTNERS)).tolist()
    rng = random.Random(11)
    frame = pd.DataFrame(
        [
            (2020, "", "FRA", p, "export", c, rng.randint(1, 10_000))
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
def server(db: Path) -> Iterator[str]:
    """``hitex serve`` on 127.0.0.1 in a subprocess, stopped on exit."""
    port = free_port()
    hitex = Path(sys.executable).with_name("hitex")
    proc = subprocess.Popen(
        [str(hitex), "--db", str(db), "serve", "--port", str(port)],
        env={**os.environ, "HITEX_TOKEN": TOKEN},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url + "/api/meta", timeout=2).status_code == 200:
                    break
            if proc.poll() is not None:
                raise RuntimeError("hitex serve exited at start-up")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


async def reader(client: httpx.AsyncClient, n: int, until: float, base: int, t: Tally) -> None:
    """Ask the questions in turn until ``until``; check every answer about FRA's total."""
    i = n
    while time.monotonic() < until:
        params = QUESTIONS[i % len(QUESTIONS)]
        i += 1
        start = time.perf_counter()
        try:
            answer = await client.get("/api/table", params=params)
        except httpx.HTTPError as exc:
            t.errors.append(f"{type(exc).__name__}: {exc}")
            continue
        t.latencies.append(time.perf_counter() - start)
        if answer.status_code != 200:
            t.errors.append(f"{answer.status_code}: {answer.text[:200]}")
        elif params == QUESTIONS[0]:
            total = answer.json()[0]["value_usd"]
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
            path = folder / f"fra-2020-v{factor}.csv"
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


async def readers(url: str, clients: int, seconds: float, base: int, t: Tally) -> None:
    """``clients`` concurrent readers, each with its own connection."""
    until = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        await asyncio.gather(*(reader(client, n, until, base, t) for n in range(clients)))


def run(clients: int, seconds: float, rows: int, write: bool) -> tuple[Tally, float]:
    """Run the test; return the tally and the wall-clock seconds the readers ran."""
    with tempfile.TemporaryDirectory(prefix="hitex-api-load-") as tmp:
        folder = Path(tmp)
        session = demo.build(folder)
        base = flows(folder / "fra-2020-v1.csv", 1, rows)
        session.load([folder / "fra-2020-v1.csv"], format="flows")
        session.close()
        t = Tally()
        with server(folder / "hitex.duckdb") as url:
            for q in QUESTIONS:  # warm: each reader session compiles on first use
                httpx.get(url + "/api/table", params=q, timeout=60).raise_for_status()
            thread = threading.Thread(
                target=writer, args=(url, folder, rows, time.monotonic() + seconds, t)
            )
            start = time.monotonic()
            if write:
                thread.start()
            asyncio.run(readers(url, clients, seconds, base, t))
            elapsed = time.monotonic() - start
            if write:
                thread.join()
        return t, elapsed


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def row(t: Tally, elapsed: float) -> str:
    """One line of the results table."""
    ms = [v * 1000 for v in t.latencies]
    load = f"{t.loads} ({statistics.median(t.load_seconds):.2f} s each)" if t.loads else "none"
    return (
        f"| {load} | {len(ms):,} | {len(ms) / elapsed:,.0f} | {percentile(ms, 50):.1f} | "
        f"{percentile(ms, 90):.1f} | {percentile(ms, 99):.1f} | {max(ms):.1f} | {len(t.errors)} | "
        f"{len(t.torn)} | {len(t.versions)} |"
    )


def section(runs: Sequence[tuple[Tally, float]], clients: int, seconds: float, rows: int) -> str:
    """The RESULTS.md section: one row per run (readers alone, readers while loads run)."""
    lines = [
        f"<!-- section: {SECTION} -->",
        "## HTTP API under load (`python -m bench.api_load`)",
        "",
        f"{clients} concurrent clients for {seconds:.0f} s against `/api/table` of `hitex serve` "
        f"on 127.0.0.1 (one process; {os.cpu_count()} cores shared by server, clients and loads; "
        f"Python {platform.python_version()}). Questions in turn: {len(QUESTIONS)} (see "
        f"`QUESTIONS`). With loads, one writer posts revisions of {rows:,} flows "
        "(`/api/loads`, `revise=true`) one after the other for the whole run.",
        "",
        "| revisions loaded meanwhile | requests | per second | p50 ms | p90 ms | p99 ms | "
        "max ms | errors | torn reads | versions seen |",
        "|---|---|---|---|---|---|---|---|---|---|",
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
    args = parser.parse_args(argv)
    runs = [] if args.no_baseline else [run(args.clients, args.seconds, args.rows, False)]
    if not args.no_write:
        runs.append(run(args.clients, args.seconds, args.rows, True))
    text = section(runs, args.clients, args.seconds, args.rows)
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
