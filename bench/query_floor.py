"""``python -m bench.query_floor DATA``: where a report's questions spend their time on rollups.

The report set (:func:`bench.contenders.hitex_api.answer_report`) is asked once through the
Session over the benchmark's warehouse in ``DATA`` (made by ``python -m bench``), keeping the
SQL of each question; then each question's SQL is run again and again on the Session's own
DuckDB connection, one thread, turn about with:

- ``plan``: the binder's, optimizer's and physical planner's time of the same run, from
  DuckDB's JSON profile (wall time on one thread);
- ``flat``: the SQL after sqlglot's optimizer (subqueries merged, projections pushed down);
- ``session``: the whole question through ``Session.table`` / ``Session.series``.

CPU milliseconds of this process (``time.process_time``), fewest of ``--repeat`` runs; the
flattened SQL's answer is compared with the original's (the same rows).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import sqlglot
from sqlglot.optimizer import optimize

import hitex
import hitex.store.engines as engines
from bench.contenders.hitex_api import _years, answer_report
from bench.workloads import Context, factory


def _cpu_ms(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best * 1000


def _plan_ms(con: Any, sql: str, repeat: int) -> float:
    """Fewest milliseconds DuckDB's profile gives binding, optimising and planning ``sql``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "profile.json"
        con.execute(f"SET enable_profiling = 'json'; SET profiling_mode = 'detailed'; "
                    f"SET profiling_output = '{out}'")  # fmt: skip
        best = float("inf")
        for _ in range(repeat):
            con.execute(sql).fetchall()
            p = json.loads(out.read_text())
            phases = ("planner", "optimizer", "physical_planner")
            best = min(best, sum(p[phase]["total_time"] for phase in phases))
        con.execute("SET enable_profiling = 'no_output'; RESET profiling_output")
        con.execute("PRAGMA disable_profiling")
    return best * 1000


def _rows(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows with lists sorted (the order of ``ARRAY_AGG(DISTINCT ...)`` is not defined)."""
    return [tuple(sorted(v) if isinstance(v, list) else v for v in row) for row in rows]


def main(argv: Sequence[str] | None = None) -> int:
    """Print one Markdown row per question; non-zero when a flattened answer differs."""
    parser = argparse.ArgumentParser(prog="python -m bench.query_floor", description=__doc__)
    parser.add_argument("data", type=Path, help="a data directory of python -m bench")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    ctx = Context(data=args.data, work=args.data / "work")
    job = factory("report", "hitex")(ctx)
    seen: list[str] = []
    run = engines._run

    def spy(con: Any, sql: str) -> dict[str, Any]:
        seen.append(sql)
        return run(con, sql)

    engines._run = spy
    try:
        job.run()
    finally:
        engines._run = run
    session = hitex.open(ctx.work / "hitex.duckdb", read_only=True)
    con = session.warehouse.con
    con.execute("SET threads = 1")
    schema: dict[str, dict[str, str]] = {}
    for table, column, kind in con.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE NOT internal"
    ).fetchall():
        schema.setdefault(table, {})[column] = kind
    bad = 0
    print(
        "| question | DuckDB runs its SQL (CPU ms) | of it: bind, optimise, plan (ms) "
        "| its SQL flattened by sqlglot (CPU ms) | answer |"
    )
    print("|---|---:|---:|---:|---|")
    total = [0.0, 0.0, 0.0]
    for i, sql in enumerate(seen):
        flat = optimize(sqlglot.parse_one(sql, read="duckdb"), schema=schema, dialect="duckdb")
        flat_sql = flat.sql(dialect="duckdb")
        same = _rows(con.execute(sql).fetchall()) == _rows(con.execute(flat_sql).fetchall())
        bad += not same
        ms = [
            _cpu_ms(lambda q=sql: con.execute(q).fetchall(), args.repeat),
            _plan_ms(con, sql, args.repeat),
            _cpu_ms(lambda q=flat_sql: con.execute(q).fetchall(), args.repeat),
        ]
        total = [t + m for t, m in zip(total, ms, strict=True)]
        answer = "same" if same else "DIFFERS"
        print(f"| {i + 1} | {ms[0]:.2f} | {ms[1]:.2f} | {ms[2]:.2f} | {answer} |")
    print(f"| all | {total[0]:.2f} | {total[1]:.2f} | {total[2]:.2f} | |")
    whole = _cpu_ms(lambda: answer_report(session, ctx.query, _years(ctx)), args.repeat)
    print(f"\nThe report set through the Session (one thread): {whole:.2f} CPU ms.")
    session.close()
    job.close()
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
