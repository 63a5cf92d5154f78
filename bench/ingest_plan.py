"""The fixed cost of a Spark load: the load plan's size and Spark's time to plan it.

One process, one local Spark session: a first load warms the JVM up (not counted), then the
same file is loaded ``--repeat`` times into new warehouses. For each load: its wall time, and
the time Spark spent analysing, optimising and planning the statements the load sent it
(``QueryExecution.tracker``'s phases, summed over the load's ``spark.sql`` calls), with the
characters of SQL those statements held. Run it once with this code and once with another
(``PYTHONPATH=OTHER/src``) on the same file, alternately, to compare.

``python -m bench.ingest_plan FILE --format comtrade [--repeat 3] [--warm FILE]``
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any


def _phases_ms(frame: Any) -> dict[str, float]:
    tracker = frame._jdf.queryExecution().tracker()  # Spark's own timings
    phases = tracker.phases()
    out = {}
    for name in ("analysis", "optimization", "planning"):
        found = phases.get(name)
        if found.isDefined():
            summary = found.get()
            out[name] = float(summary.endTimeMs() - summary.startTimeMs())
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--format", default="baci")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--warm", type=Path, default=None, help="file of the warm-up load")
    args = parser.parse_args()

    from pyspark.sql import SparkSession  # noqa: PLC0415

    import hitex  # noqa: PLC0415

    spark = SparkSession.builder.master("local[2]").appName("hitex-bench-plan").getOrCreate()
    calls: list[tuple[str, Any]] = []
    original = SparkSession.sql

    def recorded(self: SparkSession, query: str, *a: Any, **k: Any) -> Any:
        frame = original(self, query, *a, **k)
        calls.append((query, frame))
        return frame

    SparkSession.sql = recorded  # type: ignore[method-assign]
    runs = []
    with tempfile.TemporaryDirectory(prefix="hitex-bench-plan-") as tmp:
        for n in range(args.repeat + 1):
            calls.clear()
            with hitex.open(Path(tmp) / f"w{n}.duckdb", spark=spark) as s:
                file = args.warm if n == 0 and args.warm else args.file
                t = time.perf_counter()
                (result,) = s.load([file], format=args.format)
                wall = time.perf_counter() - t
            totals: dict[str, float] = {}
            for _, frame in calls:
                for phase, ms in _phases_ms(frame).items():
                    totals[phase] = totals.get(phase, 0.0) + ms
            runs.append({
                "warm_up": n == 0, "load_s": round(wall, 2),
                "sql_chars": sum(len(q) for q, _ in calls),
                "statements": len(calls), **{f"{p}_ms": round(v) for p, v in totals.items()},
                "read": result.rows_read, "loaded": result.rows_loaded,
                "rejected": result.rows_rejected,
            })  # fmt: skip
    spark.stop()
    print(
        json.dumps(
            {"file": args.file.name, "format": args.format, "code": hitex.__file__, "runs": runs}
        )
    )


if __name__ == "__main__":
    main()
