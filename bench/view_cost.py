"""``python -m bench.view_cost DB``: one dashboard view at a time, from rollups and from records.

``GET /api/view`` computed in-process (:func:`hitex.api.dashboard.view`, one reader, no HTTP)
for varied views of what ``DB`` holds (:func:`bench.api_load.varied`), after one view of each
shape has been answered (Ibis compiles a shape once). Each view is asked twice, on two reader
sessions over the same warehouse: one answering from rollups, one from the records only
(``Session.rollups = False``), turn about, so that both see the same machine; the answers
are compared (the same JSON, money to the cent).
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
from hitex.api import dashboard
from hitex.api.connections import Connections


def _ask(conns: Connections, view: dict[str, Any]) -> tuple[float, str]:
    conns.answers._answers.clear()  # every view is asked afresh
    started = time.perf_counter()
    answer = dashboard.view(dashboard.ViewQuery(**view), conns)
    return (time.perf_counter() - started) * 1000, json.dumps(answer, sort_keys=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Time the views, print the figures; non-zero when the two ways answer differently."""
    parser = argparse.ArgumentParser(prog="python -m bench.view_cost", description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--views", type=int, default=40)
    args = parser.parse_args(argv)
    views = varied(args.db, args.views * 3)
    warm, rest = shapes(views)
    ways = {"rollups": Connections(args.db, readers=1), "records": Connections(args.db, readers=1)}
    for s in ways["records"]._all:
        s.rollups = False
    for conns in ways.values():
        for view in warm:
            _ask(conns, view)
    times: dict[str, list[float]] = {name: [] for name in ways}
    differ = 0
    for view in rest[: args.views]:
        answers = {}
        for name, conns in ways.items():
            ms, answers[name] = _ask(conns, view)
            times[name].append(ms)
        differ += answers["rollups"] != answers["records"]
    load = os.getloadavg()
    for name, found in times.items():
        found.sort()
        print(
            f"{name}: {len(found)} views, median {statistics.median(found):,.0f} ms, "
            f"p90 {found[int(len(found) * 0.9)]:,.0f} ms, max {found[-1]:,.0f} ms"
        )
    print(f"answers differing: {differ}; load average at the end {load[0]:.1f}")
    for conns in ways.values():
        conns.close()
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
