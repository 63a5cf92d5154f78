"""The parity questions: every command's question, asked of one session on any engine.

:func:`build` makes the parity warehouse (the hand-computable rows of
:mod:`tests.indicators.tiny` and :mod:`tests.complexity.hand`, a reconciled BACI extract, a
load with refused records and a revision). :func:`answers` asks every question of a session
and gives each answer as a DataFrame or text (a refusal gives its message): the same
questions on DuckDB, local Spark and a cluster must give the same answers.

Run as a program, it answers on a Spark master in a process of its own (a process holds one
SparkContext, and the tests' own process holds a local one)::

    python -m tests.engines.questions DB MASTER OUT.pickle
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

import hitex
from hitex.errors import HitexError
from tests.complexity import hand
from tests.fixtures import FIXTURES, flows_file
from tests.indicators import tiny

#: Settings that keep Spark quick on tables of a few dozen rows.
TEST_CONFIG = {
    "spark.sql.shuffle.partitions": os.environ.get("HITEX_TEST_SHUFFLE", "1"),
    "spark.sql.codegen.wholeStage": os.environ.get("HITEX_TEST_CODEGEN", "false"),
    "spark.sql.adaptive.enabled": os.environ.get("HITEX_TEST_AQE", "false"),
}

BACI = FIXTURES / "baci" / "BACI_HS92_two_exporters_2020_2021.csv"

#: A load with two refused records (a value that is not a number, an unknown reporter).
REJECTED = [
    (2016, "", "RUS", "CHN", "export", "854231", "40"),
    (2016, "", "RUS", "CHN", "export", "851762", "12x"),
    (2016, "", "XXQ", "CHN", "export", "851762", "5"),
    (2016, "", "RUS", "IND", "export", "854231", "60"),
]
#: A revision of the first load's RUS -> CHN 854231 export of 2020 (300 -> 350).
REVISED = [(2020, "", "RUS", "CHN", "export", "854231", "350")]

ARTICLE = """Russia's exports to China rose to $450 in 2020, three times the $150 of 2019.
Exports to India were flat at $200. Russia's trade balance with China was negative in 2020."""

EVERYTHING = [
    "value", "base_value", "change", "growth", "multiple", "cagr", "share", "contribution",
    "rank", "small_base", "product_lines", "new", "hhi",
]  # fmt: skip


def build(folder: Path) -> Path:
    """The parity warehouse at ``folder/parity.duckdb`` (closed again): its path."""
    folder.mkdir(parents=True, exist_ok=True)
    s = tiny.build(folder)
    try:
        # The complexity world of hand.py, moved to 2013-2014 (a year of its own).
        moved = [(r[0] - 6, *r[1:]) for r in hand.rows()]
        s.load([flows_file(folder / "hand.csv", moved)], format="flows")
        (baci,) = s.load([BACI], format="baci", classification="HS92")
        assert baci.rows_rejected == 0, s.rejects(baci.id)
        (bad,) = s.load([flows_file(folder / "rejects.csv", REJECTED)], format="flows")
        assert (bad.rows_loaded, bad.rows_rejected) == (2, 2), bad
        (rev,) = s.load([flows_file(folder / "revised.csv", REVISED)], format="flows",
                        revise=True)  # fmt: skip
        assert rev.rows_revised == 1, rev
        (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    finally:
        s.close()
    return folder / "tiny.duckdb"


def _table(**kw: object) -> Callable[[hitex.Session], object]:
    return lambda s: s.table(**kw)  # type: ignore[arg-type]


def _series(**kw: object) -> Callable[[hitex.Session], object]:
    return lambda s: s.series(**kw)  # type: ignore[arg-type]


def _report(s: hitex.Session) -> object:
    from hitex import report as rep  # noqa: PLC0415

    built = rep.build(s, reporter="RUS", year=2020, compare=2019)
    out = Path(tempfile.mkdtemp()) / "r.md"
    return rep.render(built, out).read_text(encoding="utf-8")


def _check(s: hitex.Session, folder: Path) -> object:
    from hitex.report import claims  # noqa: PLC0415

    results = claims.check_file(s, folder / "article.txt", reporter="RUS", year=2020,
                                compare=2019)  # fmt: skip
    return claims.frame(results, form="table")


def _api(s: hitex.Session) -> object:
    """The API's table, series and coverage over the session's warehouse file and engine."""
    from fastapi.testclient import TestClient  # noqa: PLC0415

    from hitex.api.app import create_app  # noqa: PLC0415

    app = create_app(s.warehouse.path, readers=1, engine=s.engine.name, spark_master=_master(s))
    out = {}
    with TestClient(app) as client:
        for name, url in {
            "table": "/api/table?reporter=RUS&year=2020&compare=2019&by=partner&format=json",
            "series": "/api/series?reporter=CHN&years=2001-2007&format=json",
            "imports": "/api/table?reporter=CHN&flow=import&year=2020&format=json",
            "missing": "/api/table?reporter=BRA&year=2020&format=json",
        }.items():
            r = client.get(url)
            out[name] = (r.status_code, r.text)
    return out


def _master(s: hitex.Session) -> str | None:
    spark = getattr(s.engine, "spark", None)
    if spark is None:
        return None
    from hitex.store.spark import master_of  # noqa: PLC0415

    return master_of(spark)


def _cli(s: hitex.Session) -> object:
    """``hitex [--spark-master M] table ... [--engine pyspark]``: what it prints."""
    from typer.testing import CliRunner  # noqa: PLC0415

    from hitex.cli import app  # noqa: PLC0415

    master = _master(s)
    spark = ["--spark-master", master] if master else []
    engine = ["--engine", "pyspark"] if master else []
    args = ["--db", s.warehouse.path, *spark, "table", "--reporter", "RUS", "--year", "2020",
            "--compare", "2019", "--by", "partner", "--format", "json", *engine]  # fmt: skip
    done = CliRunner().invoke(app, args)
    return (done.exit_code, done.stdout)


#: name -> question; each takes a session (and the warehouse's folder).
QUESTIONS: dict[str, Callable[..., object]] = {
    "table_by_partner": _table(reporter="RUS", year=2020, compare=2019, by=["partner"],
                               indicators=EVERYTHING, small_base_usd=300.0),
    "table_balance": _table(reporter="RUS", flow="balance", year=2020, compare=2019,
                            by=["partner"], indicators=["value", "growth", "share", "exports",
                                                        "imports", "coverage", "rank"]),
    "table_ytd_nowcast": _table(reporter="KAZ", year=2020, compare=2019, by=["partner"],
                                months=(1, 8),
                                indicators=["value", "base_value", "growth", "nowcast"]),
    "table_rca": _table(reporter="RUS", year=2018, by=["product"],
                        indicators=["value", "share", "rank_value", "rca"]),
    "table_groups": _table(reporter="RUS", year=2020, compare=2019, by=["group"],
                           groups="tech"),
    "table_partner_group": _table(reporter="RUS", year=2020, by=["partner"],
                                  partner_group="Asia", lang="ru"),
    "table_rejected_year": _table(reporter="RUS", year=2016, by=["partner"]),
    "table_no_months": _table(reporter="RUS", year=2020, months=(1, 3)),
    "table_no_reporter": _table(reporter="BRA", year=2020),
    "table_no_year": _table(reporter="RUS", year=2011),
    "table_mirror_imports": _table(reporter="CHN", flow="import", year=2020, by=["partner"],
                                   partial=True),
    "table_partial_refused": _table(reporter="CHN", flow="import", year=2020),
    "series_since": _series(reporter="CHN", years=range(2001, 2008),
                            indicators=["value", "base_value", "growth", "cagr",
                                        "lowest_since", "highest_since"]),
    "series_by_partner": _series(reporter="RUS", years=[2019, 2020], by=["partner"],
                                 indicators=["value", "base_value", "change", "growth",
                                             "share", "rank", "new", "hhi", "lowest_since",
                                             "contribution"]),
    "tech_balance": lambda s: s.tech_balance("RUS", [2017]),
    "periods": lambda s: s.periods(),
    "coverage_rus": lambda s: s.coverage("RUS"),
    "coverage_chn": lambda s: s.coverage("CHN"),
    "coverage_zaf_2021": lambda s: s.coverage("ZAF", 2021),
    "coverage_schemes": lambda s: s.coverage(schemes=["tech"], by_classification=True),
    "coverage_scheme_rus": lambda s: s.scheme_coverage(reporter="RUS", year=2020),
    "complexity": lambda s: s.complexity(year=2014),
    "complexity_by_reporter": lambda s: s.complexity(year=2014, by="reporter"),
    "complexity_several": lambda s: s.complexity(year=2020),
    "opportunities": lambda s: s.opportunities(reporter="RU-MOW", year=2014,
                                               partner_group="Asia"),
    "report": _report,
    "check": _check,
    "api": _api,
    "cli": _cli,
}  # fmt: skip

#: The questions asked of the cluster: one or more of every command (the rest of the
#: indicators are asked of local Spark, which runs the same plans).
CLUSTER = ("table_by_partner", "table_balance", "table_no_months", "table_partial_refused",
           "table_mirror_imports", "series_since", "coverage_chn", "coverage_scheme_rus",
           "complexity", "opportunities", "report", "check", "api", "cli")  # fmt: skip


def answers(
    s: hitex.Session, folder: Path, names: Sequence[str] = tuple(QUESTIONS)
) -> dict[str, object]:
    """Each question's answer (a refusal: ``"refused: <message>"``) and its seconds."""
    out: dict[str, object] = {}
    for name in names:
        ask = QUESTIONS[name]
        started = time.perf_counter()
        try:
            out[name] = ask(s, folder) if name == "check" else ask(s)
        except HitexError as exc:
            out[name] = f"refused: {exc}"
        out[f"{name}:seconds"] = time.perf_counter() - started
    return out


def main(db: str, master: str, dest: str, names: str = ",".join(CLUSTER)) -> None:
    """Answer the questions ``names`` on ``master`` and pickle the answers to ``dest``."""
    started = time.perf_counter()
    s = hitex.open(db, read_only=True, engine="pyspark", spark_master=master)
    spark: Any = getattr(s.engine, "spark")  # noqa: B009
    for key, value in TEST_CONFIG.items():
        spark.conf.set(key, value)
    try:
        found = answers(s, Path(db).parent, names.split(","))
    finally:
        s.close()
        spark.stop()
    found["total:seconds"] = time.perf_counter() - started
    with open(dest, "wb") as f:
        pickle.dump(found, f)


if __name__ == "__main__":
    main(*sys.argv[1:5])


def assert_same(name: str, expected: object, found: object) -> None:
    """Answers agree: frames to the cent (same rows, same columns), texts exactly."""
    if isinstance(expected, pd.DataFrame):
        assert isinstance(found, pd.DataFrame), f"{name}: {found!r}"
        pd.testing.assert_frame_equal(
            expected, found, check_dtype=False, rtol=1e-9, atol=0.005, obj=name
        )
    else:
        assert found == expected, f"{name}: {found!r} != {expected!r}"
