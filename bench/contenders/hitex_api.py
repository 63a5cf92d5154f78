"""hitex through its public Python API: ``hitex.open``, ``Session.load``, ``Session.table``."""

from __future__ import annotations

import inspect
import shutil
from pathlib import Path
from typing import Any

import pandas as pd

from bench.workloads import Context, Job, Query, Result, Unavailable

INGEST_NAME = "ingest-hitex.duckdb"
#: Indicators of the by-partner table: the default columns, the change (movers) and the HHI.
PARTNER_COLUMNS = ("base_value", "growth", "share", "change", "hhi")


def _hitex() -> Any:
    """Import hitex, or say that it cannot be benchmarked yet."""
    try:
        import hitex  # noqa: PLC0415
    except ImportError as exc:
        raise Unavailable(f"hitex cannot be imported ({exc})") from exc
    if not hasattr(hitex, "open"):
        raise Unavailable("hitex.open does not exist yet")
    return hitex


def _load(path: Path, files: list[Path]) -> None:
    """Open (creating) a warehouse and load BACI files into it."""
    with _hitex().open(path) as session:
        results = session.load(files, format="baci")
    rejected = sum(r.rows_rejected for r in results)
    if rejected:
        raise AssertionError(f"hitex rejected {rejected:,} generated BACI records")


def _total(path: Path) -> dict[str, Any]:
    """What a warehouse's flows hold: records and their value."""
    with _hitex().open(path, read_only=True) as session:
        total = session.warehouse.sql("SELECT count(*) AS n, sum(value_usd) AS v FROM flows")
    return {"rows": int(total["n"].iloc[0]), "value_usd": float(total["v"].iloc[0])}


def _rows(path: Path) -> int:
    """Rows in a warehouse's ``flows`` table (-1 when it cannot be read)."""
    try:
        with _hitex().open(path, read_only=True) as session:
            return int(session.warehouse.sql("SELECT count(*) AS n FROM flows")["n"].iloc[0])
    except Exception:  # any unreadable warehouse is simply rebuilt
        return -1


def prepare(ctx: Context) -> Path:
    """Build (once) the warehouse the report and RCA workloads query.

    The ingest workload's last warehouse is reused when it holds every generated row.
    """
    path = ctx.work / "hitex.duckdb"
    ingested = ctx.work / INGEST_NAME
    if not path.exists() and ingested.exists() and _rows(ingested) == ctx.rows:
        ingested.rename(path)
        # The records live beside the warehouse file (DB.data): they move with it, and the
        # views over them are made again where they are now (opening read-write does it).
        Path(f"{ingested}.data").rename(f"{path}.data")
        _hitex().open(path).close()
    if not path.exists():
        staging = path.with_suffix(".tmp")
        staging.unlink(missing_ok=True)
        _load(staging, ctx.csv_files)
        staging.rename(path)
        Path(f"{staging}.data").rename(f"{path}.data")
        _hitex().open(path).close()  # the views read the records where they now are
    return path


def ingest(ctx: Context, name: str = INGEST_NAME) -> Job:
    """Time ``Session.load`` of every BACI year into a fresh (initialised) warehouse."""
    target = ctx.work / name
    hitex = _hitex()

    def reset() -> None:
        target.unlink(missing_ok=True)
        shutil.rmtree(f"{target}.data", ignore_errors=True)
        hitex.open(target).close()  # the reference tables are written here, untimed

    def run() -> Result:
        _load(target, ctx.csv_files)
        return {}

    return Job(run=run, reset=reset, check=lambda: {"summary": _total(target)})


def ingest_without_rollups(ctx: Context) -> Job:
    """:func:`ingest` with the rollups' step left out of the load (what rollups cost)."""
    from hitex.store import rollups  # noqa: PLC0415

    def refresh_only(con: Any, layout: Any, commit: Any, **_: Any) -> None:
        rollups.refresh(con, layout)

    rollups.derive = refresh_only  # this worker process only
    return ingest(ctx, "ingest-hitex-no-rollups.duckdb")


def _balance(session: Any, q: Query, years: list[int]) -> pd.DataFrame:
    """Exports minus imports of the reporter, one row per year."""
    # The generated world has 20 importers that export nothing: hitex counts the imports
    # mirrored without them as partial, and states them only when asked (the same sum as SQL).
    asked = {"partial": True} if "partial" in inspect.signature(session.series).parameters else {}
    series = session.series(reporter=q.reporter, flow="balance", years=years, **asked)
    return series[["year", "value_usd"]].rename(columns={"value_usd": "balance_usd"})


def _movers(by_partner: pd.DataFrame, top: int) -> pd.DataFrame:
    """Partners with the largest absolute change, largest first."""
    table = by_partner.assign(size=by_partner["change_usd"].abs())
    table = table.sort_values(["size", "partner"], ascending=[False, True])
    return table[["partner", "change_usd"]].head(top).reset_index(drop=True)


def answer_report(session: Any, q: Query, years: list[int]) -> Result:
    """The report's query set through ``Session.table`` and ``Session.series``."""
    common = {"reporter": q.reporter, "flow": "export", "year": q.year}
    by_partner = session.table(compare=q.base, by=["partner"], indicators=PARTNER_COLUMNS, **common)
    by_group = session.table(compare=q.base, by=["group"], groups=q.groups, **common)
    # The products' HHI is a figure of the whole table: its first row says it.
    by_product = session.table(by=["product"], indicators=["hhi"], top=1, **common)
    hhi = {"partners": by_partner["hhi"].iloc[0], "products": by_product["hhi"].iloc[0]}
    return {
        "by_partner": by_partner,
        "by_group": by_group.rename(columns={"group": "group_code"}),
        "balance": _balance(session, q, years),
        "movers": _movers(by_partner, q.top),
        "hhi": pd.DataFrame({"measure": list(hhi), "hhi": list(hhi.values())}),
    }


def _years(ctx: Context) -> list[int]:
    spec = ctx.manifest["spec"]
    assert isinstance(spec, dict)
    return [int(y) for y in spec["years"]]


def _open(ctx: Context, engine: str) -> Any:
    """Open the prepared warehouse read-only on ``engine`` (set-up, untimed)."""
    hitex = _hitex()
    path = prepare(ctx)
    if engine != "duckdb" and "engine" not in inspect.signature(hitex.open).parameters:
        raise Unavailable(f"hitex.open has no engine= parameter for {engine}")
    return hitex.open(path, read_only=True, engine=engine)


def report(ctx: Context) -> Job:
    """The report's query set on the DuckDB engine."""
    session = _open(ctx, "duckdb")
    return Job(run=lambda: answer_report(session, ctx.query, _years(ctx)), close=session.close)


def report_records(ctx: Context) -> Job:
    """The report's query set on the DuckDB engine, every question read from the records."""
    session = _open(ctx, "duckdb")
    session.rollups = False
    return Job(run=lambda: answer_report(session, ctx.query, _years(ctx)), close=session.close)


def report_spark(ctx: Context) -> Job:
    """The report's query set on the PySpark engine (time only; run at small scales)."""
    session = _open(ctx, "pyspark")
    return Job(run=lambda: answer_report(session, ctx.query, _years(ctx)), close=session.close)


def rca(ctx: Context) -> Job:
    """World RCA through ``Session.rca`` (every reporter, every product; from the rollups)."""
    session = _open(ctx, "duckdb")
    if not hasattr(session, "rca"):
        raise Unavailable("hitex.Session has no rca method yet")

    def run() -> Result:
        found = session.rca(year=ctx.query.year)
        return {"rca": found.rename(columns={"reporter": "exporter"})}

    return Job(run=run, close=session.close)


def rca_records(ctx: Context) -> Job:
    """:func:`rca` with every question read from the records."""
    session = _open(ctx, "duckdb")
    session.rollups = False

    def run() -> Result:
        found = session.rca(year=ctx.query.year)
        return {"rca": found.rename(columns={"reporter": "exporter"})}

    return Job(run=run, close=session.close)


def complexity(ctx: Context) -> Job:
    """``Session.complexity`` for every reporter of the report year (Ibis on DuckDB, then numpy).

    The session is opened afresh for each run, so that nothing is cached between runs.
    """
    hitex = _hitex()
    path = prepare(ctx)
    if not hasattr(hitex.Session, "complexity"):
        raise Unavailable("hitex.Session has no complexity method yet")

    def run() -> Result:
        with hitex.open(path, read_only=True) as session:
            return {"complexity": session.complexity(year=ctx.query.year)}

    return Job(run=run)
