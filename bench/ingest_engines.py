"""Ingest on each engine: one generated BACI file loaded by DuckDB, by local Spark, by the cluster.

Each run is a process of its own (one SparkContext per process; memory measured from a cold
start): it loads the file into a new warehouse, then asks one question (exports of the largest
exporter by partner) on the same engine twice: the first answer (the engine reads the new
warehouse) and the warm one. Printed as JSON: seconds to load, to the first and to the warm
answer, the answer's total, the driver's peak memory (the Python process, and for Spark its
JVM, sampled every 0.2 s), the executors' peak memory on a cluster (their processes, found by
the application's id), the CPU seconds Spark's tasks spent in the load (from Spark's event
log, written to ``--out``), the seconds of each step of the load (read: the file read, checked
and staged; flows: the commit with the rollups the driver derives), records loaded.

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
from typing import Any


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


def _executors(app: str) -> list[int]:
    """The processes of a cluster's executors for the application ``app`` (on this host)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"org.apache.spark.executor.CoarseGrainedExecutorBackend" in words and (
            app.encode() in words
        ):
            found.append(int(cmdline.parent.name))
    return found


class Peak:
    """Peak RSS of this process's children (Spark's driver JVM) and of the executors, sampled."""

    def __init__(self) -> None:
        self.kib = 0
        self.executors_kib = 0
        self.app: str | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            total = sum(_rss_kib(c) for c in _children(os.getpid()))
            self.kib = max(self.kib, total)
            if self.app is not None:
                executors = sum(_rss_kib(p) for p in _executors(self.app))
                self.executors_kib = max(self.executors_kib, executors)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.kib


def _task_seconds(log_dir: Path, app: str, since_ms: int, until_ms: int) -> dict[str, float]:
    """Run and CPU seconds of the tasks of the stages that ended in [since, until]."""
    files = sorted(log_dir.glob(f"*{app}*/events_*")) + sorted(log_dir.glob(f"{app}*"))
    run = cpu = gc = tasks = 0.0
    for path in files:
        for line in path.read_text().splitlines():
            event = json.loads(line)
            if event.get("Event") != "SparkListenerStageCompleted":
                continue
            info = event["Stage Info"]
            if not since_ms <= info.get("Completion Time", 0) <= until_ms:
                continue
            sums = {a["Name"]: a.get("Value") or 0 for a in info.get("Accumulables", [])}
            run += sums.get("internal.metrics.executorRunTime", 0) / 1e3
            cpu += sums.get("internal.metrics.executorCpuTime", 0) / 1e9
            gc += sums.get("internal.metrics.jvmGCTime", 0) / 1e3
            tasks += info.get("Number of Tasks", 0)
    return {"task_run_s": round(run, 1), "task_cpu_s": round(cpu, 1), "task_gc_s": round(gc, 1),
            "tasks": int(tasks)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--engine", default="duckdb")
    parser.add_argument("--master", default=None)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    events = (args.out / "spark-events").resolve()
    if args.engine == "pyspark":
        # Spark's own record of its tasks (run and CPU time), read back after the load.
        events.mkdir(exist_ok=True)
        os.environ["PYSPARK_SUBMIT_ARGS"] = (
            f"--conf spark.eventLog.enabled=true --conf spark.eventLog.dir={events.as_uri()} "
            "--conf spark.eventLog.compress=false pyspark-shell"
        )
    import hitex  # noqa: PLC0415 - after the sampler starts

    peak = Peak()
    db = args.out / f"{args.engine}-{os.getpid()}-{int(time.time())}.duckdb"
    options: dict[str, Any] = {"engine": args.engine}
    if args.master:
        options["spark_master"] = args.master
    started = time.perf_counter()
    with hitex.open(db, **options) as s:
        opened = time.perf_counter() - started
        spark = getattr(s.engine, "spark", None)
        app = spark.sparkContext.applicationId if spark is not None else None
        peak.app = app
        since = int(time.time() * 1000)
        t = time.perf_counter()
        steps: dict[str, float] = {}
        last = [t]

        def step(name: str) -> None:
            now = time.perf_counter()
            steps[name] = round(now - last[0], 2)
            last[0] = now

        result = s.load([args.file], format="baci", progress=step)[0]
        load_s = time.perf_counter() - t
        until = int(time.time() * 1000)
        top = s.warehouse.sql(
            "SELECT reporter FROM flows GROUP BY reporter ORDER BY sum(value_usd) DESC LIMIT 1"
        )["reporter"].iloc[0]
        year = int(s.warehouse.sql("SELECT max(year) AS y FROM flows")["y"].iloc[0])
        t = time.perf_counter()
        table = s.table(reporter=str(top), year=year, by=["partner"])
        first_s = time.perf_counter() - t
        t = time.perf_counter()
        again = s.table(reporter=str(top), year=year, by=["partner"])
        warm_s = time.perf_counter() - t
    if spark is not None:
        spark.stop()  # the event log is complete once the application ends
    tasks = _task_seconds(events, app, since, until) if app is not None else {}
    print(json.dumps({
        "engine": args.engine, "master": args.master, "rows": result.rows_loaded,
        "rejected": result.rows_rejected, "open_s": round(opened, 2), "load_s": round(load_s, 2),
        "first_query_s": round(first_s, 2), "warm_query_s": round(warm_s, 2),
        "answer_total": float(table["value_usd"].sum()),
        "warm_total": float(again["value_usd"].sum()), "answer_rows": len(table),
        "python_peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "jvm_peak_mib": peak.stop() // 1024, "executors_peak_mib": peak.executors_kib // 1024,
        "steps_s": steps, **tasks, "load1": round(os.getloadavg()[0], 1),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
