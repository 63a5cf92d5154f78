"""Rows from memory carry their JSON text (:class:`hitex.api.answers.Encoded`).

The text must be the bytes ``JSONResponse`` writes for the same rows (``ensure_ascii=False``,
no spaces, NaN refused), for any mix of the kinds a table's cells hold: floats (signed zeros,
huge, tiny), ints, strings (quotes, backslashes, control and non-ASCII characters, ``%``) and
None. Cells the columns do not write (a NaN, an infinity, a bool, a numpy scalar, mixed kinds)
leave the rows plain, so that the encoder writes them, or refuses them, as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fastapi.responses import JSONResponse
from hypothesis import given, settings
from hypothesis import strategies as st

from hitex import demo
from hitex.api import answers, dashboard
from hitex.api.connections import Connections

KEYS = ["partner", "partner_name", "value_usd", "growth_pct", "product_lines", 'odd "%s" key']

cells = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 1e16, 1e-7, 123456789.01, 2.5e300]),
    st.integers(-(10**20), 10**20),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
    st.sampled_from(["Côte d'Ivoire", 'say "hi"', "back\\slash", "tab\there", "100%", "Россия"]),
    st.none(),
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


@settings(max_examples=300, deadline=None)
@given(
    columns=st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=len(KEYS)),
    kind=st.sampled_from(["column", "mixed"]),
)
def test_rows_text_is_the_encoders(columns: list[list[Any]], kind: str) -> None:
    keys = KEYS[: len(columns)]
    if kind == "column":  # one kind a column, as a table's columns are
        columns = [[c[0]] * 3 for c in columns]
    rows = [dict(zip(keys, row, strict=True)) for row in zip(*columns, strict=True)]
    found = answers.encoded(rows, keys, columns)
    assert found == rows
    if isinstance(found, answers.Encoded):
        assert found.text == _json(rows)
        assert dashboard.ViewResponse({"rows": found}).body == JSONResponse({"rows": rows}).body


@pytest.mark.parametrize(
    "odd", [float("nan"), float("inf"), -float("inf"), True, np.float64(1.5), np.int64(3)]
)
def test_cells_the_columns_do_not_write_leave_the_rows_to_the_encoder(odd: Any) -> None:
    keys = ["value_usd"]
    rows = [{"value_usd": 1.0}, {"value_usd": odd}]
    found = answers.encoded(rows, keys, [[1.0, odd]])
    assert not isinstance(found, answers.Encoded)
    if isinstance(odd, float) and not np.isfinite(odd):
        with pytest.raises(ValueError, match="Out of range"):
            dashboard.ViewResponse({"rows": found})
    elif isinstance(odd, np.int64):  # not JSON: refused alike
        with pytest.raises(TypeError, match="not JSON serializable"):
            dashboard.ViewResponse({"rows": found})
    else:
        assert dashboard.ViewResponse({"rows": found}).body == JSONResponse({"rows": rows}).body


def test_a_float_column_whose_sum_overflows_is_left_to_the_encoder() -> None:
    rows = [{"v": 1e308}, {"v": 1e308}]
    found = answers.encoded(rows, ["v"], [[1e308, 1e308]])
    assert not isinstance(found, answers.Encoded)
    assert dashboard.ViewResponse({"rows": found}).body == JSONResponse({"rows": rows}).body


def test_empty_rows_and_columns_of_none() -> None:
    assert answers.encoded([], ["a"], [[]]).text == "[]"  # type: ignore[attr-defined]
    rows = [{"a": None, "b": 1}, {"a": None, "b": 2}]
    assert answers.encoded(rows, ["a", "b"], [[None, None], [1, 2]]).text == _json(rows)  # type: ignore[attr-defined]


def test_a_views_tables_from_memory_carry_their_text(db_copy: Path) -> None:
    """The view's partners and products from memory are sent as their text, the same bytes
    as the encoder's, in English and Russian (names with non-ASCII letters)."""
    conns = Connections(db_copy, readers=1)
    asked = 0
    try:
        for lang in ("en", "ru"):
            for extra in ({}, {"groups": "tech"}, {"partner_group": "Americas"}):
                q = dashboard.ViewQuery(reporter="CHL", year=2004, compare=2002, lang=lang,
                                        **extra)  # fmt: skip
                found = dashboard.view(q, conns)
                if found["uncovered"] is not None:
                    continue
                asked += 1
                assert isinstance(found["partners"], answers.Encoded), extra
                assert isinstance(found["products"], answers.Encoded), extra
                assert found["partners"].text == _json(list(found["partners"]))
                assert dashboard.ViewResponse(found).body == JSONResponse(found).body
    finally:
        conns.close()
    assert asked >= 4


def test_a_series_is_kept_with_its_version_and_is_the_one_computed(db_copy: Path) -> None:
    """Views of other years of the same selection share its series, which is the series
    computed afresh; a load (a new version) does not see the version before's."""
    conns = Connections(db_copy, readers=1)
    try:
        ask = {"reporter": "CHL", "partner_group": "Americas", "groups": "tech", "group": "high"}
        first = dashboard.view(dashboard.ViewQuery(**ask, year=2004), conns)
        again = dashboard.view(dashboard.ViewQuery(**ask, year=2003, lang="ru"), conns)
        assert first["uncovered"] is None
        assert first["series"]
        assert again["series"] is first["series"]  # kept
        with conns.read() as s:
            built = answers.for_session(s)
            assert built is not None
            assert built._series
            built._series.clear()
        fresh = dashboard.view(dashboard.ViewQuery(**ask, year=2004), conns)
        assert fresh["series"] is not first["series"]
        assert fresh["series"] == first["series"]
        with conns.read() as s:
            version = s.warehouse.version()
        with conns.write() as w:
            w.load([demo.moscow_file()], format="flows")
        with conns.read() as s:
            assert s.warehouse.version() != version
            later = answers.ready(s)
            assert later is not None
            assert later is not built
            assert not later._series
    finally:
        conns.close()
