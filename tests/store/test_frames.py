"""Answers fetched as numpy columns or Arrow convert to the frame Ibis's own conversion makes.

The reference is the conversion hitex made before: every column of the Arrow result as Python
values (nested, or with nulls) or pandas, then Ibis's DuckDB conversion of the whole table.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow.types as pat
import pytest
from ibis.backends.duckdb.converter import DuckDBPandasData

import hitex
from hitex.store.engines import _arrow_frame, _fetch, _frame, _numpy_holds, _run

#: Every kind of column an answer holds, with and without nulls (and all null, and no rows).
ROWS = """
SELECT * FROM (VALUES
    ('RUS', 'a', 1.5::DOUBLE, NULL::DOUBLE, 2020::SMALLINT, NULL::SMALLINT, 7::BIGINT, NULL::INT,
     ['HS17', 'HS12'], NULL::VARCHAR[], [1.5, 2.0], true, NULL::BOOLEAN, 3::TINYINT, 1.25),
    ('CHN', NULL, -0.25::DOUBLE, 4.0::DOUBLE, 2019::SMALLINT, 2001::SMALLINT, 8::BIGINT, NULL::INT,
     [], ['HS17', NULL], NULL::DOUBLE[], false, NULL::BOOLEAN, NULL::TINYINT, NULL)
) AS t(reporter, note, value_usd, base_value_usd, year, lowest_since, records, rank_value,
       classifications, schemes, shares, positive, flag, month, ratio)
"""


@pytest.fixture(scope="module")
def session() -> Any:
    s = hitex.open(":memory:")
    s.warehouse.con.execute(f"CREATE TABLE answers AS {ROWS}")
    yield s
    s.close()


def _before(session: Any, sql: str, schema: Any) -> pd.DataFrame:
    table = session.warehouse.con.sql(sql).to_arrow_table()
    columns = {
        name: col.to_pylist()
        if pat.is_nested(col.type) or pat.is_dictionary(col.type) or col.null_count
        else col.to_pandas()
        for name, col in zip(table.column_names, table.columns, strict=True)
    }
    return DuckDBPandasData.convert_table(pd.DataFrame(columns), schema)


def _question(session: Any, where: str) -> Any:
    t = session.warehouse.ibis.table("answers")
    return {"": t, "RUS": t.filter(t.reporter == "RUS"), "CHN": t.filter(t.reporter == "CHN"),
            "none": t.filter(t.reporter == "")}[where]  # fmt: skip


@pytest.mark.parametrize("where", ["", "RUS", "CHN", "none"])
def test_numpy_columns_make_the_frame_ibis_makes(session: Any, where: str) -> None:
    expr = _question(session, where)
    sql = str(session.warehouse.ibis.compile(expr))
    expected = _before(session, sql, expr.schema())
    found = _fetch(session.warehouse.con, sql, expr.schema())
    pd.testing.assert_frame_equal(found, expected, check_exact=True)


@pytest.mark.parametrize("where", ["", "RUS", "CHN", "none"])
def test_arrow_columns_make_the_frame_ibis_makes(session: Any, where: str) -> None:
    expr = _question(session, where)
    sql = str(session.warehouse.ibis.compile(expr))
    expected = _before(session, sql, expr.schema())
    found = _arrow_frame(session.warehouse.con.sql(sql).to_arrow_table(), expr.schema())
    pd.testing.assert_frame_equal(found, expected, check_exact=True)


def test_columns_that_are_not_the_expressions_are_refused(session: Any) -> None:
    expr = _question(session, "")
    with pytest.raises(ValueError, match="not the expression's"):
        _frame(_run(session.warehouse.con, "SELECT 1 AS b"), expr.schema())


def test_columns_numpy_cannot_hold_exactly_come_through_arrow(session: Any) -> None:
    expr = _question(session, "")
    assert expr.schema()["ratio"].is_decimal()
    assert not _numpy_holds(expr.schema())
    assert _numpy_holds(expr.select("reporter", "value_usd", "classifications").schema())
