"""``python -m bench``: generate data at each scale, time every workload, write RESULTS.md.

Examples
--------
``python -m bench`` (1M and 10M rows, a few minutes on 2 cores);
``python -m bench --rows 50_000_000 --repeat 2`` for the large scale;
``python -m bench --rows 20M --workloads complexity --repeat 2`` for complexity of one
BACI-sized year (10M rows) against the Growth Lab's ``ecomplexity``.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from bench import compare, generate, refdata, results, runner, workloads
from bench.workloads import Context

DEFAULT_ROWS = (1_000_000, 10_000_000)


def parse_rows(text: str) -> tuple[int, ...]:
    """``1M,10_000_000`` -> (1000000, 10000000)."""
    return tuple(generate.parse_count(part) for part in text.split(","))


def parse_names(text: str) -> tuple[str, ...]:
    """A comma-separated list of names."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=main.__doc__)
    parser.add_argument(
        "--rows", type=parse_rows, default=DEFAULT_ROWS, help="scale points: 1M,10_000_000,50M"
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per cell")
    parser.add_argument("--ingest-repeat", type=int, default=8, help="timed runs per ingest cell")
    parser.add_argument("--spark-repeat", type=int, default=2, help="timed runs per Spark cell")
    parser.add_argument("--years", type=generate.parse_years, default=(2019, 2020))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--workloads", type=parse_names, default=workloads.DEFAULT,
        help=f"default {','.join(workloads.DEFAULT)}; also: complexity (minutes per run)",
    )  # fmt: skip
    parser.add_argument("--contenders", type=parse_names, default=None, help="default: all")
    parser.add_argument("--spark-max-rows", type=generate.parse_count, default=1_000_000)
    parser.add_argument("--data", type=Path, default=refdata.REPO / "bench" / "data")
    parser.add_argument("--out", type=Path, default=refdata.REPO / "bench" / "RESULTS.md")
    return parser.parse_args(argv)


def contenders(args: argparse.Namespace, workload: str, rows: int) -> list[str]:
    """The contenders of a workload at a scale, reference first."""
    names = [
        c for c in workloads.REGISTRY[workload] if args.contenders is None or c in args.contenders
    ]
    if rows > args.spark_max_rows:
        names = [c for c in names if not c.endswith("-spark")]
    return sorted(names, key=lambda c: c != workloads.reference(workload))


def repeat(args: argparse.Namespace, workload: str, contender: str) -> int:
    """Timed runs of one cell: fewer for the slow ones (ingest, Spark)."""
    if contender.endswith("-spark"):
        return args.spark_repeat
    return args.ingest_repeat if workload == "ingest" else args.repeat


def log(message: str) -> None:
    """Progress on stderr."""
    print(message, file=sys.stderr, flush=True)


#: Workloads whose contenders take turns, one run each, instead of running back to back:
#: a machine that slows down for a while then slows every contender alike, and the ratio of
#: their best times holds (a cell of several seconds is long enough to meet such a spell).
INTERLEAVED = frozenset({"ingest"})


def measure_all(args: argparse.Namespace, ctx: Context, workload: str) -> list[runner.Measurement]:
    """Every contender's measurement of one workload, reference first."""
    names = contenders(args, workload, ctx.rows)
    if workload not in INTERLEAVED:
        return [runner.measure(workload, c, ctx, repeat(args, workload, c)) for c in names]
    runs: dict[str, list[runner.Measurement]] = {c: [] for c in names}
    for turn in range(max((repeat(args, workload, c) for c in names), default=0)):
        for c in names:
            if turn < repeat(args, workload, c) and all(m.ran for m in runs[c]):
                runs[c].append(runner.measure(workload, c, ctx, 1))
    return [runner.combine(runs[c]) for c in names if runs[c]]


def run_workload(
    args: argparse.Namespace, ctx: Context, workload: str, report: results.Report
) -> None:
    """Time every contender of one workload and check each answer against the reference."""
    expected = None
    for m in measure_all(args, ctx, workload):
        contender = m.contender
        report.measurements.append(m)
        seconds = f"{m.min:8.3f} s" if m.ran else "       — "
        log(f"  {workload:<7} {contender:<12} min {seconds} peak {m.peak_mib:7.0f} MiB {m.note}")
        if not m.ran:
            continue
        if contender == workloads.reference(workload):
            expected = m.result()
            continue
        found = (
            compare.problems(expected, m.result())
            if expected is not None
            else [f"unchecked: the reference ({workloads.reference(workload)}) did not run"]
        )
        if found:
            report.disagreements[(workload, ctx.rows, contender)] = found
            log("    WRONG ANSWER: " + "; ".join(found))


def run_scale(args: argparse.Namespace, rows: int, report: results.Report) -> None:
    """Generate (or reuse) the data for one scale and run every workload on it."""
    data = args.data / f"rows-{rows}-seed-{args.seed}"
    spec = generate.Spec(rows=rows, years=args.years, seed=args.seed)
    log(f"{rows:,} rows: data in {data}")
    generate.ensure(spec, data)
    work = data / "work"
    shutil.rmtree(work, ignore_errors=True)  # databases are rebuilt: hitex may have changed
    work.mkdir()
    query = workloads.Query(
        year=args.years[-1], base=args.years[-2] if len(args.years) > 1 else args.years[-1]
    )
    ctx = Context(data=data, work=work, query=query)
    for workload in args.workloads:
        run_workload(args, ctx, workload, report)


def main(argv: Sequence[str] | None = None) -> int:
    """Benchmark hitex against DuckDB SQL, pandas and Polars on generated BACI data."""
    args = arguments(argv)
    command = shlex.join(["python", "-m", "bench", *(sys.argv[1:] if argv is None else argv)])
    report = results.Report(command=command)
    report.notes.append(f"tech scheme: {refdata.tech_groups()[1]}")
    for rows in args.rows:
        run_scale(args, rows, report)
        results.write(report, args.out)
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        report.notes.append(
            "The machine was busy with other work (load average above the number of cores): "
            "treat the times as rough and compare ratios rather than seconds."
        )
    results.write(report, args.out)
    log(f"wrote {args.out}")
    return 1 if report.disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
