"""How cells are run and their runs combined: ingest contenders take turns."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import generate, runner
from bench.__main__ import arguments, measure_all
from bench.worker import time_job
from bench.workloads import Context, Job


def _m(seconds: tuple[float, ...], peak: float, note: str = "") -> runner.Measurement:
    return runner.Measurement("ingest", "hitex", 10, seconds, peak, Path("out"), note)


def test_combined_runs_keep_every_time_and_the_highest_peak() -> None:
    m = runner.combine([_m((2.5,), 330.0), _m((2.4,), 335.0), _m((2.6,), 331.0)])
    assert (m.seconds, m.peak_mib, m.min, m.median) == ((2.5, 2.4, 2.6), 335.0, 2.4, 2.5)


def test_a_failed_run_is_the_cells_result() -> None:
    failed = _m((), 12.0, "failed (exit 1): boom")
    m = runner.combine([_m((2.5,), 330.0), failed])
    assert not m.ran
    assert m.note == "failed (exit 1): boom"


def test_ingest_contenders_take_turns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    generate.generate(generate.Spec(rows=2_000, years=(2019, 2020), seed=3), data)
    work = tmp_path / "work"
    work.mkdir()
    calls: list[tuple[str, int]] = []
    real = runner.measure

    def measure(workload: str, contender: str, ctx: Context, repeat: int) -> runner.Measurement:
        calls.append((contender, repeat))
        return real(workload, contender, ctx, repeat)

    monkeypatch.setattr(runner, "measure", measure)
    args = arguments(["--contenders", "duckdb-sql,hitex", "--ingest-repeat", "2"])
    found = measure_all(args, Context(data=data, work=work), "ingest")
    assert calls == [("duckdb-sql", 1), ("hitex", 1), ("duckdb-sql", 1), ("hitex", 1)]
    assert [(m.contender, len(m.seconds)) for m in found] == [("duckdb-sql", 2), ("hitex", 2)]
    # Both ran the workers for real and loaded the same 2,000 records.
    assert [int(m.result()["summary"]["rows"].iloc[0]) for m in found] == [2_000, 2_000]


def test_a_jobs_check_runs_once_after_the_first_run_and_outside_the_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    clock = [0.0]
    monkeypatch.setattr("bench.worker.time.perf_counter", lambda: clock[0])

    def run() -> dict[str, object]:
        calls.append("run")
        clock[0] += 1.0
        return {"ignored": {"rows": -1}}

    def check() -> dict[str, object]:
        calls.append("check")
        clock[0] += 100.0  # reading the answer takes long: the clock must be stopped
        return {"summary": {"rows": 3}}

    seconds, result = time_job(Job(run=run, check=check), repeat=2)
    assert calls == ["run", "check", "run"]
    assert result == {"summary": {"rows": 3}}
    assert seconds == [1.0, 1.0]
