"""Hand-written DuckDB SQL over the raw BACI table: the reference answers."""

from __future__ import annotations

from pathlib import Path

import duckdb

from bench import refdata
from bench.workloads import Context, Job, Query, Result

BY_PARTNER = """
WITH totals AS (
    SELECT j,
           coalesce(sum(v) FILTER (WHERE t = $year), 0) * 1000 AS value_usd,
           coalesce(sum(v) FILTER (WHERE t = $base), 0) * 1000 AS base_value_usd
    FROM baci WHERE i = $reporter AND t IN ($year, $base) GROUP BY j
)
SELECT c.iso3 AS partner, c.name AS partner_name, value_usd, base_value_usd,
       CASE WHEN base_value_usd > 0
            THEN (value_usd - base_value_usd) / base_value_usd * 100 END AS growth_pct,
       value_usd / sum(value_usd) OVER () * 100 AS share_pct
FROM totals JOIN countries c ON c.code = totals.j
ORDER BY partner
"""

BY_GROUP = """
WITH totals AS (
    SELECT g.group_code, any_value(g.group_name) AS group_name,
           coalesce(sum(v) FILTER (WHERE t = $year), 0) * 1000 AS value_usd,
           coalesce(sum(v) FILTER (WHERE t = $base), 0) * 1000 AS base_value_usd
    FROM baci JOIN tech g USING (k)
    WHERE i = $reporter AND t IN ($year, $base) GROUP BY g.group_code
)
SELECT group_code, group_name, value_usd, base_value_usd,
       CASE WHEN base_value_usd > 0
            THEN (value_usd - base_value_usd) / base_value_usd * 100 END AS growth_pct,
       value_usd / sum(value_usd) OVER () * 100 AS share_pct
FROM totals ORDER BY group_code
"""

BALANCE = """
SELECT t AS year,
       (coalesce(sum(v) FILTER (WHERE i = $reporter), 0)
        - coalesce(sum(v) FILTER (WHERE j = $reporter), 0)) * 1000 AS balance_usd
FROM baci WHERE i = $reporter OR j = $reporter GROUP BY t ORDER BY t
"""

MOVERS = """
WITH totals AS (
    SELECT j,
           coalesce(sum(v) FILTER (WHERE t = $year), 0)
           - coalesce(sum(v) FILTER (WHERE t = $base), 0) AS change
    FROM baci WHERE i = $reporter AND t IN ($year, $base) GROUP BY j
)
SELECT c.iso3 AS partner, change * 1000 AS change_usd
FROM totals JOIN countries c ON c.code = totals.j
ORDER BY abs(change) DESC, partner LIMIT $top
"""

HHI = """
WITH partners AS (SELECT sum(v) AS x FROM baci WHERE t = $year AND i = $reporter GROUP BY j),
     products AS (SELECT sum(v) AS x FROM baci WHERE t = $year AND i = $reporter GROUP BY k)
SELECT 'partners' AS measure, sum(x * x) / (sum(x) * sum(x)) * 10000 AS hhi FROM partners
UNION ALL
SELECT 'products', sum(x * x) / (sum(x) * sum(x)) * 10000 FROM products
"""

RCA = """
WITH x AS (SELECT i, k, sum(v) AS x_ik FROM baci WHERE t = $year GROUP BY i, k)
SELECT i AS exporter, k AS product,
       (x_ik / sum(x_ik) OVER (PARTITION BY i))
       / (sum(x_ik) OVER (PARTITION BY k) / sum(x_ik) OVER ()) AS rca
FROM x
"""

INGEST_NAME = "ingest-duckdb-sql.duckdb"

REPORT = {
    "by_partner": BY_PARTNER,
    "by_group": BY_GROUP,
    "balance": BALANCE,
    "movers": MOVERS,
    "hhi": HHI,
}


def parameters(query: Query, sql: str) -> dict[str, int]:
    """The named parameters of ``query`` that ``sql`` uses (DuckDB rejects unused ones)."""
    values = {
        "reporter": query.reporter_code,
        "year": query.year,
        "base": query.base,
        "top": query.top,
    }
    return {name: value for name, value in values.items() if f"${name}" in sql}


def load_csv(con: duckdb.DuckDBPyConnection, files: list[Path]) -> None:
    """DuckDB's own ingest: ``CREATE TABLE AS SELECT * FROM read_csv(...)``."""
    con.execute(
        "CREATE TABLE baci AS SELECT * FROM read_csv($files)", {"files": [str(f) for f in files]}
    )


def _rows(con: duckdb.DuckDBPyConnection) -> int:
    """Rows in the ``baci`` table (-1 when there is none)."""
    if not con.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = 'baci'").fetchall():
        return -1
    return int(con.execute("SELECT count(*) FROM baci").fetchall()[0][0])


def prepare(ctx: Context) -> Path:
    """Build (once) the DuckDB database the queries run on: raw BACI plus two lookup tables.

    The ingest workload's last database is reused when it holds every generated row.
    """
    path = ctx.work / "duckdb-sql.duckdb"
    if path.exists():
        return path
    staging = path.with_suffix(".tmp")
    staging.unlink(missing_ok=True)
    if (ctx.work / INGEST_NAME).exists():
        (ctx.work / INGEST_NAME).rename(staging)
    with duckdb.connect(staging) as con:
        if _rows(con) != ctx.rows:
            con.execute("DROP TABLE IF EXISTS baci")
            load_csv(con, ctx.csv_files)
        lookups = {
            "countries": refdata.countries(),
            "tech": refdata.tech_groups()[0][["k", "group_code", "group_name"]],
        }
        for name, frame in lookups.items():
            con.register("frame__", frame)
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame__")
            con.unregister("frame__")
    staging.rename(path)
    return path


def ingest(ctx: Context) -> Job:
    """Time ``CREATE TABLE AS SELECT * FROM read_csv`` of every year into a new database file."""
    target = ctx.work / INGEST_NAME

    def run() -> Result:
        with duckdb.connect(target) as con:
            load_csv(con, ctx.csv_files)
        return {}

    def check() -> Result:
        with duckdb.connect(target, read_only=True) as con:
            rows, value = con.execute("SELECT count(*), sum(v) * 1000 FROM baci").fetchall()[0]
        return {"summary": {"rows": rows, "value_usd": value}}

    return Job(run=run, reset=lambda: target.unlink(missing_ok=True), check=check)


def _run_all(path: Path, queries: dict[str, str], query: Query) -> Result:
    """Run named SQL queries on a read-only connection and fetch each as pandas."""
    with duckdb.connect(path, read_only=True) as con:
        return {
            name: con.execute(sql, parameters(query, sql)).df() for name, sql in queries.items()
        }


def report(ctx: Context) -> Job:
    """The report's query set as five SQL statements."""
    path = prepare(ctx)
    return Job(run=lambda: _run_all(path, REPORT, ctx.query))


def rca(ctx: Context) -> Job:
    """Revealed comparative advantage of every exporter in every product, one statement."""
    path = prepare(ctx)
    return Job(run=lambda: _run_all(path, {"rca": RCA}, ctx.query))
