"""Ingest time and peak memory against file size: one BACI year of 5M rows and of 25M rows.

Each file is loaded into a fresh warehouse by hitex (``Session.load(format="baci")``) and
read by DuckDB (``CREATE TABLE AS SELECT * FROM read_csv(...)``, the reference the goals are
stated against) and written by DuckDB as Parquet (``COPY (SELECT * FROM read_csv(...)) TO
'x.parquet'``: what the format alone costs, as hitex's records are Parquet files), each run in
a process of its own whose CPU seconds (``getrusage``: user + system, every thread) and peak
resident set (``VmHWM``, the process's own) are reported: on a shared machine the wall clock
of one run moves 2-10x with other work, its CPU seconds far less. Each hitex run's answer
(records placed, their sum, a digest of every reject) is printed, and runs of two codes must
agree. The table goes to
the ``ingest-memory`` section of ``bench/RESULTS.md``.

``python -m bench.ingest_memory [--rows 5M,25M] [--repeat 2] [--bad 0,0.0001] [--code DIR]
[--before DIR]``

``--bad R`` refuses a share R of the records (every 1/R-th record names partner 999, a code
no country has): the careful path against DuckDB's read of the same file; several shares,
comma-separated, measure each file. ``--code DIR`` runs hitex from another checkout's ``src``
(``git archive COMMIT src``); ``--before DIR`` runs that one as well, in the same rounds as
this checkout and DuckDB, so that the code before a change and after it share the machine's
load.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.generate import Spec, csv_name, generate, parse_count
from bench.results import write_section

DATA = Path("bench/data")
NOTE = """\
A load stages the checked records as they stream (docs/load.md, "How a load runs"), in the order
DuckDB's threads read them, the accepted ones in one Parquet file and the refused ones in another,
and moves the accepted file under the data root at its commit; a file with refused records is read
once more, numbered, checking again only the records that hold a refused value, and keeping the
refused ones with their lines. No memory limit is set unless `HITEX_LOAD_MEMORY` gives one. Peaks
are each process's own (`VmHWM`) from the start of the load: the imports count, the warehouse's
creation (its reference tables, written in the same process before the clock starts) does not; the
table gives the highest peak of the runs. The machine (2 cores) is shared with other work: compare
rows of the same section and run, not with figures measured on a quiet machine.
"""

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
import shutil
kind, path, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
for p in (work, Path(str(work) + ".wal")):
    p.unlink(missing_ok=True)
shutil.rmtree(str(work) + ".data", ignore_errors=True)
bad = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
written = 0  # bytes of the Parquet file the Parquet reference wrote

def reset_peak():
    # The peak from here on: imports stay resident, set-up before the clock does not count.
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


def cpu():
    # CPU seconds of the process, every thread (DuckDB's, the hashing thread), user + system.
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


if kind == "hitex":
    import hitex
    hitex.open(work).close()
    reset_peak()
    start, cpu_start = time.perf_counter(), cpu()
    with hitex.open(work) as s:
        (r,) = s.load([path], format="baci")
        assert r.rows_rejected == round(r.rows_read * bad), r
    rows = r.rows_read
elif kind == "parquet":
    import duckdb
    out = Path(str(work) + ".parquet")
    out.unlink(missing_ok=True)
    reset_peak()
    start, cpu_start = time.perf_counter(), cpu()
    with duckdb.connect() as con:
        con.execute(
            f"COPY (SELECT * FROM read_csv(?)) TO '{out}' (FORMAT parquet)", [str(path)]
        )
        rows = con.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchall()[0][0]
    written = out.stat().st_size
    out.unlink()
else:
    import duckdb
    reset_peak()
    start, cpu_start = time.perf_counter(), cpu()
    with duckdb.connect(work) as con:
        con.execute("CREATE TABLE baci AS SELECT * FROM read_csv(?)", [str(path)])
        rows = con.execute("SELECT count(*) FROM baci").fetchall()[0][0]
seconds, cpu_seconds = time.perf_counter() - start, cpu() - cpu_start
answer = ""
if kind == "hitex":
    # What the load kept, to compare two codes' answers (not timed): the records placed, their
    # sum, and every reject (line, record, reason, code, field, value) as one digest.
    import duckdb
    with duckdb.connect(str(work), read_only=True) as con:
        placed, total = con.execute(
            "SELECT count(*), round(sum(value_usd), 2) FROM flows"
        ).fetchall()[0]
        digest, n = con.execute(
            "SELECT md5(coalesce(string_agg(concat_ws('|', line, record, reason, code, field, "
            "value), chr(10) ORDER BY line), '')), count(*) FROM rejects"
        ).fetchall()[0]
    answer = f"{placed} placed, US$ {total:,.2f}, {n} rejects {digest[:8]}"
# VmHWM is this process's own peak: ru_maxrss would also count the parent's resident set
# that the fork copied (Linux keeps the pre-exec high-water mark).
with open("/proc/self/status") as status:
    peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu_seconds, "peak_mib": peak, "rows": rows,
                  "answer": answer, "bytes": written}))
"""


#: The two readings of the file by DuckDB alone: into its own table (the goals' reference)
#: and into a Parquet file (what writing the format costs without any check or rollup).
_REFERENCES = ("duckdb", "parquet")


def _file(rows: int) -> Path:
    out = DATA / f"memory-{rows}"
    path = out / f"rows-{rows}-seed-1" / csv_name(2020)
    if not path.exists():
        generate(Spec(rows=rows, years=(2020,), seed=1), out)
    found = sorted(out.rglob(csv_name(2020)))
    return found[0]


def _with_bad(path: Path, rate: float) -> Path:
    """A copy of ``path`` in which every 1/rate-th record names partner 999 (no country)."""
    out = path.parent / f"bad-{rate:g}" / path.name
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    every = round(1 / rate)
    with path.open() as f, out.open("w") as w:
        w.write(next(f))
        for n, line in enumerate(f, start=1):
            if n % every == 0:
                t, i, _, rest = line.split(",", 3)
                w.write(f"{t},{i},999,{rest}")
            else:
                w.write(line)
    return out


def _run(
    kind: str, path: Path, work: Path, bad: float = 0.0, code: Path | None = None
) -> dict[str, float]:
    env = dict(os.environ)
    if code is not None and kind == "hitex":
        env["PYTHONPATH"] = str(code.resolve())
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, kind, str(path), str(work), str(bad)],
        check=True, capture_output=True, text=True, env=env,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    """Measure, print and write the section."""
    parser = argparse.ArgumentParser(prog="python -m bench.ingest_memory", description=__doc__)
    parser.add_argument("--rows", default="5M,25M")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("bench/RESULTS.md"))
    parser.add_argument("--bad", default="0", help="share of refused records, or several: 0,0.0001")
    parser.add_argument("--code", type=Path, default=None, help="hitex's src from elsewhere")
    parser.add_argument(
        "--before", type=Path, default=None,
        help="also run hitex from this src (the code before a change) in the same rounds",
    )  # fmt: skip
    parser.add_argument("--section", default="ingest-memory")
    args = parser.parse_args(argv)
    shares = [float(b) for b in str(args.bad).split(",")]
    lines = []
    for rows in (parse_count(r) for r in args.rows.split(",")):
        for bad in shares:
            lines += _measure(rows, bad, args)
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    first = "| code | file " if args.before else ""
    rule = "|---|---" if args.before else ""
    peaks = "hitex peak MiB | DuckDB peak MiB"
    head = f"""## Ingest: time and memory against file size (`python -m bench.ingest_memory`)

One BACI-shaped year per size (`bench.generate`, seed 1), loaded into a fresh warehouse by hitex
(`Session.load(format="baci")`), read by DuckDB (`CREATE TABLE AS SELECT * FROM
read_csv(...)`, "DuckDB") and written by DuckDB as Parquet (`COPY (SELECT * FROM read_csv(...))
TO 'x.parquet'`, "Parquet": the format alone), each in a process of its own; the fewest CPU
seconds (`getrusage`, user + system, every thread of the process) and the fastest wall clock
of {args.repeat} runs, and the highest peak resident memory of the process from the load's
start (`VmHWM`, imports included). {when}, Python {platform.python_version()}.

{first}| rows | hitex CPU s | DuckDB CPU s | CPU ratio | Parquet CPU s | CPU ratio to Parquet \
| hitex s | DuckDB s | ratio | {peaks} |
{rule}|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
"""
    if any(shares) or args.code or args.before:
        head = head.replace("\n\n| ", f"\n{_variant(args)}\n\n| ", 1)
    body = head + "\n".join(lines) + "\n\n" + NOTE
    write_section(args.out, args.section, body)


def _measure(rows: int, bad: float, args: argparse.Namespace) -> list[str]:
    """The table's lines for one file: hitex (and the code before) against DuckDB's read."""
    path = _file(rows)
    if bad:
        path = _with_bad(path, bad)
    work = path.parent / "memory.duckdb"
    kinds = {"duckdb": None, "parquet": None, "hitex": args.code}
    if args.before:
        kinds = {"duckdb": None, "parquet": None, "before": args.before, "hitex": args.code}
    best: dict[str, dict[str, float]] = {}
    for _ in range(args.repeat):
        for kind, code in kinds.items():
            got = _run(kind if kind in _REFERENCES else "hitex", path, work, bad, code)
            if kind not in best:
                best[kind] = got
            # The fastest time, the fewest CPU seconds, the highest peak.
            best[kind]["seconds"] = min(best[kind]["seconds"], got["seconds"])
            best[kind]["cpu"] = min(best[kind]["cpu"], got["cpu"])
            best[kind]["peak_mib"] = max(best[kind]["peak_mib"], got["peak_mib"])
            if got["answer"] != best[kind]["answer"]:
                raise SystemExit(f"{kind}: {got['answer']} after {best[kind]['answer']}")
            print(
                f"# {kind} {rows:,} {bad:g}: cpu {got['cpu']:.2f} s, wall "
                f"{got['seconds']:.2f} s, {got['peak_mib']:.0f} MiB {got['answer']}",
                flush=True,
            )
    d, pq = best["duckdb"], best["parquet"]
    file = f"{bad:.2%} refused" if bad else "clean"
    lines = []
    hitex = [k for k in kinds if k not in _REFERENCES]
    if len({best[k]["answer"] for k in hitex}) > 1:
        # The code before and after a change must keep the same records and rejects.
        raise SystemExit(f"answers differ: {[best[k]['answer'] for k in hitex]}")
    for kind in hitex:
        h = best[kind]
        label = f"| {'before' if kind == 'before' else 'after'} | {file} " if args.before else ""
        line = (
            f"{label}| {rows:,} | {h['cpu']:.2f} | {d['cpu']:.2f} | {h['cpu'] / d['cpu']:.2f} | "
            f"{pq['cpu']:.2f} | {h['cpu'] / pq['cpu']:.2f} | "
            f"{h['seconds']:.2f} | {d['seconds']:.2f} | {h['seconds'] / d['seconds']:.2f} | "
            f"{h['peak_mib']:,.0f} | {d['peak_mib']:,.0f} |"
        )
        print(line, flush=True)
        lines.append(line)
    work.unlink(missing_ok=True)
    shutil.rmtree(str(work) + ".data", ignore_errors=True)
    return lines


def _variant(args: argparse.Namespace) -> str:
    said = []
    if any(float(b) for b in str(args.bad).split(",")):
        said.append(f"Shares {args.bad} of the records refused (partner 999).")
    if args.code:
        said.append(f"hitex run from {args.code}.")
    if args.before:
        said.append(
            f"'before' is hitex run from {args.before} in the same rounds (the code before "
            "the change); each round runs DuckDB, before and after in turn."
        )
    return " ".join(said)


if __name__ == "__main__":
    main()
