"""Ingest on each engine: one generated BACI file loaded by DuckDB, by local Spark, by the cluster.

Each run is a process of its own (one SparkContext per process; memory measured from a cold
start): it loads the file into a new warehouse, then asks one question (exports of the largest
exporter by partner) on the same engine. Printed as JSON: seconds to load, seconds to the first
answer, the answer's total, the driver's peak memory (the Python process, and for Spark its JVM,
sampled every 0.2 s), records loaded.

``python -m bench.ingest_engines FILE [--master URL] [--engine duckdb|pyspark] --out DIR``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import threading
import time
from pathlib import Path


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        kids = task / "children"
        if kids.exists():
            found += [int(c) for c in kids.read_text().split()]
    return found + [g for c in found for g in _children(c)]


class Peak:
    """Peak RSS of this process's children (Spark's driver JVM), sampled."""

    def __init__(self) -> None:
        self.kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            total = sum(_rss_kib(c) for c in _children(os.getpid()))
            self.kib = max(self.kib, total)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.kib


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--engine", default="duckdb")
    parser.add_argument("--master", default=None)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    import hitex  # noqa: PLC0415 - after the sampler starts

    peak = Peak()
    args.out.mkdir(parents=True, exist_ok=True)
    db = args.out / f"{args.engine}-{int(time.time())}.duckdb"
    options = {"engine": args.engine}
    if args.master:
        options["spark_master"] = args.master
    started = time.perf_counter()
    with hitex.open(db, **options) as s:
        opened = time.perf_counter() - started
        t = time.perf_counter()
        result = s.load([args.file], format="baci")[0]
        load_s = time.perf_counter() - t
        top = s.warehouse.sql(
            "SELECT reporter FROM flows GROUP BY reporter ORDER BY sum(value_usd) DESC LIMIT 1"
        )["reporter"].iloc[0]
        t = time.perf_counter()
        table = s.table(reporter=str(top), year=int(s.warehouse.sql(
            "SELECT max(year) AS y FROM flows")["y"].iloc[0]), by=["partner"])  # fmt: skip
        first_s = time.perf_counter() - t
    print(json.dumps({
        "engine": args.engine, "master": args.master, "rows": result.rows_loaded,
        "rejected": result.rows_rejected, "open_s": round(opened, 2), "load_s": round(load_s, 2),
        "first_query_s": round(first_s, 2), "answer_total": float(table["value_usd"].sum()),
        "python_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "jvm_peak_mib": peak.stop() // 1024,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
