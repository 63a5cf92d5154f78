"""``python -m bench.view_cost DB``: one dashboard view at a time, from memory and by the Session.

``GET /api/view`` computed in-process (:func:`hitex.api.dashboard.view`, one reader, no HTTP)
for varied views of what ``DB`` holds (:func:`bench.api_load.varied`), after one view of each
shape has been answered (Ibis compiles a shape once; the memory path builds its columns once
per warehouse version, timed apart). Each view is asked of every way, on reader sessions over
the same warehouse, turn about, so that all see the same machine: ``memory``
(:mod:`hitex.api.answers`), ``rollups`` (the Session, from rollups where one holds the
question) and, with ``--records``, ``records`` (the Session, records only); the answers are
compared (the same JSON, money to the cent).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.api_load import shapes, varied
from hitex.api import answers, dashboard
from hitex.api.connections import Connections


def _ask(conns: Connections, view: dict[str, Any]) -> tuple[float, float, str]:
    """Milliseconds of wall-clock and of this process's CPU, and the answer as JSON."""
    conns.answers._answers.clear()  # every view is asked afresh
    started, cpu = time.perf_counter(), time.process_time()
    answer = dashboard.view(dashboard.ViewQuery(**view), conns)
    ms, cpu_ms = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
    return ms, cpu_ms, json.dumps(answer, sort_keys=True)


def _rss_mib() -> float:
    """This process's resident set, MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: Sequence[str] | None = None) -> int:
    """Time the views, print the figures; non-zero when the two ways answer differently."""
    parser = argparse.ArgumentParser(prog="python -m bench.view_cost", description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--views", type=int, default=40)
    parser.add_argument("--records", action="store_true", help="also the records-only Session")
    args = parser.parse_args(argv)
    views = varied(args.db, args.views * 3)
    warm, rest = shapes(views)
    names = ["memory", "rollups", *(["records"] if args.records else [])]
    os.environ["HITEX_VIEW_MEMORY"] = "off"  # built below, timed, for the memory way only
    ways = {name: Connections(args.db, readers=1) for name in names}
    for name, conns in ways.items():
        conns.in_memory = name == "memory"
        for s in conns._all:
            s.rollups = name != "records"
    rss = _rss_mib()
    with ways["memory"].read() as s:
        built = answers.ready(s)
    assert built is not None
    print(
        f"memory: built in {built.built_s:.2f} s, columns {built.nbytes / 2**20:,.0f} MiB, "
        f"{len(built.value):,} rows; resident set {rss:,.0f} -> {_rss_mib():,.0f} MiB"
    )
    for conns in ways.values():
        for view in warm:
            _ask(conns, view)
    times: dict[str, list[float]] = {name: [] for name in ways}
    cpus: dict[str, list[float]] = {name: [] for name in ways}
    differ = 0
    for view in rest[: args.views]:
        found = {}
        for name, conns in ways.items():
            ms, cpu_ms, found[name] = _ask(conns, view)
            times[name].append(ms)
            cpus[name].append(cpu_ms)
        differ += len(set(found.values())) > 1
    load = os.getloadavg()
    for name, ms in times.items():
        ms.sort()
        print(
            f"{name}: {len(ms)} views, median {statistics.median(ms):,.1f} ms, "
            f"p90 {ms[int(len(ms) * 0.9)]:,.1f} ms, max {ms[-1]:,.1f} ms; CPU median "
            f"{statistics.median(cpus[name]):,.1f} ms"
        )
    print(f"answers differing: {differ}; load average at the end {load[0]:.1f}")
    for conns in ways.values():
        conns.close()
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
