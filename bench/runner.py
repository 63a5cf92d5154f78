"""Run benchmark cells in subprocesses and measure their time and peak memory honestly.

Each (workload, contender, scale) runs in a fresh ``python -m bench.worker`` process, so a
contender's memory figure is its own: the peak resident set of that process (``VmHWM``,
reported by the worker) or, when it starts helpers such as Spark's JVM, the largest sum over
the process tree seen by a sampling thread, whichever is larger. (``ru_maxrss`` from
``wait4`` is not used: it counts the parent's pages that the child held before ``exec``.)
"""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import statistics
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import psutil

from bench.refdata import REPO
from bench.workloads import Context

#: Scanning the process tree costs CPU that the worker would otherwise get.
SAMPLE_SECONDS = 0.25


@dataclasses.dataclass(frozen=True)
class Measurement:
    """Timings and peak memory of one (workload, contender) at one scale."""

    workload: str
    contender: str
    rows: int
    seconds: tuple[float, ...]
    peak_mib: float
    out: Path
    note: str = ""

    @property
    def ran(self) -> bool:
        """Whether the contender ran (it may be unavailable here)."""
        return bool(self.seconds)

    @property
    def min(self) -> float:
        """Fastest run, seconds."""
        return min(self.seconds)

    @property
    def median(self) -> float:
        """Median run, seconds."""
        return statistics.median(self.seconds)

    def result(self) -> dict[str, pd.DataFrame]:
        """The tables the first run returned."""
        with (self.out / "result.pkl").open("rb") as file:
            tables: dict[str, pd.DataFrame] = pickle.load(file)  # our own file
        return tables


class TreeSampler(threading.Thread):
    """Sample the summed RSS of a process and its descendants until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.peak = 0
        self.done = threading.Event()

    def sample(self) -> int:
        """Current RSS of the process tree in bytes (0 once it has gone)."""
        try:
            tree = [self.process, *self.process.children(recursive=True)]
            return sum(p.memory_info().rss for p in tree if p.is_running())
        except psutil.Error:
            return 0

    def run(self) -> None:
        """Sample until :meth:`stop` is called."""
        while not self.done.wait(SAMPLE_SECONDS):
            self.peak = max(self.peak, self.sample())

    def stop(self) -> None:
        """Stop sampling and wait for the thread."""
        self.done.set()
        self.join()


def worker_env() -> dict[str, str]:
    """The environment of a worker: the repo and its ``src`` on the import path."""
    env = dict(os.environ)
    paths = [str(REPO), str(REPO / "src"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    return env


def combine(runs: list[Measurement]) -> Measurement:
    """One cell's measurement from runs taken in turns: every time, the highest peak.

    A cell with a failed run is that failure; the answer checked is the last run's.
    """
    failed = [m for m in runs if not m.ran]
    if failed:
        return failed[0]
    return dataclasses.replace(
        runs[-1],
        seconds=tuple(s for m in runs for s in m.seconds),
        peak_mib=max(m.peak_mib for m in runs),
        note=next((m.note for m in runs if m.note), ""),
    )


def measure(workload: str, contender: str, ctx: Context, repeat: int) -> Measurement:
    """Run one cell in a worker process; a failure is recorded in the measurement's note."""
    out = ctx.work / "cells" / f"{workload}-{contender}"
    out.mkdir(parents=True, exist_ok=True)
    task = {
        "workload": workload,
        "contender": contender,
        "data": str(ctx.data),
        "work": str(ctx.work),
        "repeat": repeat,
        "out": str(out),
        "query": dataclasses.asdict(ctx.query),
    }
    log = out / "worker.log"
    with log.open("wb") as sink:
        command = [sys.executable, "-m", "bench.worker", json.dumps(task)]
        proc = subprocess.Popen(
            command, stdout=sink, stderr=subprocess.STDOUT, env=worker_env(), cwd=REPO
        )
        sampler = TreeSampler(proc.pid)
        sampler.start()
        proc.wait()
        sampler.stop()
    if proc.returncode != 0:
        lines = log.read_text(errors="replace").strip().splitlines() or ["no output"]
        note = f"failed (exit {proc.returncode}): {lines[-1][:200]}; see {log}"
        return Measurement(workload, contender, ctx.rows, (), sampler.peak / 2**20, out, note)
    timing = json.loads((out / "timing.json").read_text())
    note = timing.get("unavailable", "")
    peak = max(timing.get("peak_bytes", 0), sampler.peak)
    return Measurement(
        workload, contender, ctx.rows, tuple(timing.get("seconds", ())), peak / 2**20, out, note
    )
