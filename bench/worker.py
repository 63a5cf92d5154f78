"""Subprocess entry point: run one (workload, contender) several times and record the timings.

``python -m bench.worker '{"workload": ..., "contender": ..., "data": ..., "work": ...,
"repeat": 3, "out": ...}'``. It writes ``timing.json`` (seconds per run) and ``result.pkl``
(the first run's result, as pandas) into ``out``, with this process's peak resident set;
the parent (``bench.runner``) also samples the whole process tree, for engines that start
helper processes (Spark's JVM).
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from bench import workloads
from bench.workloads import Context, Job, Query, Result, Unavailable


def to_pandas(result: Result) -> dict[str, pd.DataFrame]:
    """Convert every table of a result to pandas (outside the timed region)."""
    tables: dict[str, pd.DataFrame] = {}
    for name, table in result.items():
        if isinstance(table, pd.DataFrame):
            tables[name] = table
        elif isinstance(table, dict):
            tables[name] = pd.DataFrame([table])
        else:
            tables[name] = table.to_pandas()  # type: ignore[attr-defined]
    return tables


def high_water_mark() -> int:
    """Peak resident set of this process in bytes (``VmHWM``), 0 where /proc is missing.

    Unlike ``ru_maxrss`` seen by the parent, it does not count the parent's memory that the
    child held between ``fork`` and ``exec``.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def time_job(job: Job, repeat: int) -> tuple[list[float], Result]:
    """Run ``job`` ``repeat`` times; return the wall-clock seconds and the first result."""
    seconds: list[float] = []
    first: Result = {}
    for run in range(repeat):
        job.reset()
        started = time.perf_counter()
        result = job.run()
        seconds.append(time.perf_counter() - started)
        if run == 0:
            first = result if job.check is None else job.check()
    job.close()
    return seconds, first


def main(argv: Sequence[str] | None = None) -> None:
    """Run one benchmark cell as described by a JSON argument."""
    task = json.loads((argv or sys.argv[1:])[0])
    out = Path(task["out"])
    out.mkdir(parents=True, exist_ok=True)
    ctx = Context(
        data=Path(task["data"]), work=Path(task["work"]), query=Query(**task.get("query", {}))
    )
    started = time.perf_counter()
    try:
        job = workloads.factory(task["workload"], task["contender"])(ctx)
    except Unavailable as exc:
        (out / "timing.json").write_text(json.dumps({"unavailable": str(exc)}))
        return
    setup = time.perf_counter() - started
    seconds, result = time_job(job, int(task["repeat"]))
    with (out / "result.pkl").open("wb") as file:
        pickle.dump(to_pandas(result), file)
    timing = {"seconds": seconds, "setup_seconds": setup, "peak_bytes": high_water_mark()}
    (out / "timing.json").write_text(json.dumps(timing))


if __name__ == "__main__":
    main()
