"""Ingest time and peak memory against file size: one BACI year of 5M rows and of 25M rows.

Each file is loaded into a fresh warehouse by hitex (``Session.load(format="baci")``) and
read by DuckDB (``CREATE TABLE AS SELECT * FROM read_csv(...)``), each run in a process of
its own whose peak resident set (``VmHWM``, the process's own) is reported. The table
goes to the ``ingest-memory`` section of ``bench/RESULTS.md``.

``python -m bench.ingest_memory [--rows 5M,25M] [--repeat 2]``
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

from bench.generate import Spec, csv_name, generate, parse_count
from bench.results import write_section

DATA = Path("bench/data")
NOTE = """\
A clean BACI year is written as a segment (docs/load.md, "How a load runs") within a budget of 32
MB a thread (`HITEX_LOAD_MEMORY` sets the limit itself), rows appended in the order the threads
read them and the CSV read in blocks of 2 MB: the blocks written are not kept cached. DuckDB's own
account of the table it writes (its row groups, 0.2-0.5 bytes a record at a fixed limit) is
outside its memory limit, so the limit is the budget less 1 byte for each record of the file,
down to 8 MB a thread. DuckDB's own read, without a limit, caches what it writes and grows with
the file. Peaks are each process's own (`VmHWM`) from the start of the load: the imports count,
the warehouse's creation (its reference tables, written in the same process before the clock
starts) does not; the table gives the highest peak of the runs.
"""

_CHILD = r"""
import json, sys, time
from pathlib import Path
kind, path, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
for p in (work, Path(str(work) + ".wal")):
    p.unlink(missing_ok=True)

def reset_peak():
    # The peak from here on: imports stay resident, set-up before the clock does not count.
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


if kind == "hitex":
    import hitex
    hitex.open(work).close()
    reset_peak()
    start = time.perf_counter()
    with hitex.open(work) as s:
        (r,) = s.load([path], format="baci")
        assert r.rows_rejected == 0, r
    rows = r.rows_loaded
else:
    import duckdb
    reset_peak()
    start = time.perf_counter()
    with duckdb.connect(work) as con:
        con.execute("CREATE TABLE baci AS SELECT * FROM read_csv(?)", [str(path)])
        rows = con.execute("SELECT count(*) FROM baci").fetchall()[0][0]
seconds = time.perf_counter() - start
# VmHWM is this process's own peak: ru_maxrss would also count the parent's resident set
# that the fork copied (Linux keeps the pre-exec high-water mark).
with open("/proc/self/status") as status:
    peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
print(json.dumps({"seconds": seconds, "peak_mib": peak, "rows": rows}))
"""


def _file(rows: int) -> Path:
    out = DATA / f"memory-{rows}"
    path = out / f"rows-{rows}-seed-1" / csv_name(2020)
    if not path.exists():
        generate(Spec(rows=rows, years=(2020,), seed=1), out)
    found = sorted(out.rglob(csv_name(2020)))
    return found[0]


def _run(kind: str, path: Path, work: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, kind, str(path), str(work)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    """Measure, print and write the section."""
    parser = argparse.ArgumentParser(prog="python -m bench.ingest_memory", description=__doc__)
    parser.add_argument("--rows", default="5M,25M")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("bench/RESULTS.md"))
    args = parser.parse_args(argv)
    lines = []
    for rows in (parse_count(r) for r in args.rows.split(",")):
        path = _file(rows)
        work = path.parent / "memory.duckdb"
        best: dict[str, dict[str, float]] = {}
        for _ in range(args.repeat):
            for kind in ("duckdb", "hitex"):
                got = _run(kind, path, work)
                if kind not in best:
                    best[kind] = got
                # The fastest time, the highest peak.
                best[kind]["seconds"] = min(best[kind]["seconds"], got["seconds"])
                best[kind]["peak_mib"] = max(best[kind]["peak_mib"], got["peak_mib"])
        h, d = best["hitex"], best["duckdb"]
        line = (
            f"| {rows:,} | {h['seconds']:.2f} | {d['seconds']:.2f} | "
            f"{h['seconds'] / d['seconds']:.2f} | {h['peak_mib']:,.0f} | {d['peak_mib']:,.0f} |"
        )
        print(line, flush=True)
        lines.append(line)
        work.unlink(missing_ok=True)
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    head = f"""## Ingest: time and memory against file size (`python -m bench.ingest_memory`)

One BACI-shaped year per size (`bench.generate`, seed 1), loaded into a fresh warehouse by hitex
(`Session.load(format="baci")`) and read by DuckDB (`CREATE TABLE AS SELECT * FROM read_csv(...)`),
each in a process of its own; fastest of {args.repeat} runs, and the highest peak resident memory of
the process from the load's start (`VmHWM`, imports included). {when},
Python {platform.python_version()}.

| rows | hitex s | DuckDB s | ratio | hitex peak MiB | DuckDB peak MiB |
|---:|---:|---:|---:|---:|---:|
"""
    body = head + "\n".join(lines) + "\n\n" + NOTE
    write_section(args.out, "ingest-memory", body)


if __name__ == "__main__":
    main()
