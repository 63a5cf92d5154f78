"""``python -m bench.report_cpu DATA``: CPU time of the report set, in-process, per contender.

Each contender's report job (:data:`bench.workloads.REGISTRY`) is made once over the data
directory of ``python -m bench``, run once (warm-up, its answers compared with the
hand-written DuckDB SQL's by :func:`bench.compare.problems`), then ``--repeat`` times in each
of ``--rounds`` rounds, the contenders taken in turns. CPU seconds of this process
(``time.process_time``: every thread of DuckDB and Polars counted), fewest of all runs: the
machine is shared, and CPU time is what a contender's own work costs, whatever the others do.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from bench.compare import problems
from bench.worker import to_pandas
from bench.workloads import Context, factory


def main(argv: Sequence[str] | None = None) -> int:
    """Print one line per contender: min CPU seconds, and whether its answers agree."""
    parser = argparse.ArgumentParser(prog="python -m bench.report_cpu", description=__doc__)
    parser.add_argument("data", type=Path, help="a data directory of python -m bench")
    parser.add_argument("--contenders", default="duckdb-sql,hitex,polars,pandas")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    ctx = Context(data=args.data, work=args.data / "work")
    names = args.contenders.split(",")
    jobs = {name: factory("report", name)(ctx) for name in names}
    reference = to_pandas(factory("report", "duckdb-sql")(ctx).run())
    best = dict.fromkeys(names, float("inf"))
    verdict = {}
    for name, job in jobs.items():
        found = problems(reference, to_pandas(job.run()))
        verdict[name] = "same answers" if not found else "; ".join(found[:3])
    for _ in range(args.rounds):
        for name, job in jobs.items():
            for _ in range(args.repeat):
                started = time.process_time()
                job.run()
                best[name] = min(best[name], time.process_time() - started)
    for name in names:
        print(f"{name}\t{best[name]:.4f}\t{verdict[name]}")
    for job in jobs.values():
        job.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
