"""The ratio column of RESULTS.md: every ratio a contender's row has a reference for."""

from __future__ import annotations

from pathlib import Path

from bench import results
from bench.runner import Measurement


def _m(contender: str, seconds: float, workload: str = "report") -> Measurement:
    return Measurement(workload, contender, 10, (seconds,), 100.0, Path("out"), "")


def test_the_hitex_row_holds_each_ratio_whose_reference_ran() -> None:
    ms = [_m("duckdb-sql", 2.0), _m("hitex", 0.5), _m("hitex-records", 4.0)]
    cells = {(m.workload, m.rows, m.contender): m for m in ms}
    assert (
        results.ratio(ms[1], cells, set()) == "hitex/duckdb-sql = 0.25; hitex/hitex-records = 0.12"
    )
    del cells[("report", 10, "hitex-records")]
    assert results.ratio(ms[1], cells, set()) == "hitex/duckdb-sql = 0.25"


def test_a_wrong_answer_has_no_ratio() -> None:
    ms = [
        _m("duckdb-sql", 2.0, "ingest"),
        _m("hitex", 3.0, "ingest"),
        _m("hitex-no-rollups", 2.5, "ingest"),
    ]
    cells = {(m.workload, m.rows, m.contender): m for m in ms}
    wrong = {("ingest", 10, "hitex-no-rollups")}
    assert results.ratio(ms[1], cells, wrong) == "hitex/duckdb-sql = 1.50"
    assert (
        results.ratio(ms[1], cells, set())
        == "hitex/duckdb-sql = 1.50; hitex/hitex-no-rollups = 1.20"
    )
