"""Questions answered from their shape's compiled SQL give what Ibis compiling them gives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hitex
from hitex import demo
from hitex.errors import HitexError
from hitex.session import Session
from hitex.store import shapes
from hitex.store.engines import TABLES, Engine


class Compiling(Engine):
    """Every question compiled by Ibis and run, as before shapes: the reference."""

    name = "duckdb"

    def backend(self) -> Any:
        return self.warehouse.ibis

    def tables(self, names: Any = TABLES) -> dict[str, Any]:
        from hitex.store.schema import RELATIONS  # noqa: PLC0415

        b = self.backend()
        return {n: b.table(RELATIONS.get(n, n)) for n in names}


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, Session]]:
    path = tmp_path_factory.mktemp("shapes") / "hitex.duckdb"
    s = hitex.open(path)
    s.load([*demo.files(), demo.moscow_file()], format="flows")
    yield s, Session(s.warehouse, engine=Compiling(s.warehouse))
    s.close()


def answer(session: Session, kind: str, **options: Any) -> pd.DataFrame | str:
    """The session's frame, or its refusal's sentence (Chile's partners hold no Asian country)."""
    try:
        frame: pd.DataFrame = getattr(session, kind)(**options)
    except HitexError as e:
        return f"{type(e).__name__}: {e}"
    return frame


def same(got: pd.DataFrame | str, want: pd.DataFrame | str) -> None:
    if isinstance(got, str) or isinstance(want, str):
        assert got == want
    else:
        pd.testing.assert_frame_equal(got, want)


QUESTIONS = st.fixed_dictionaries(
    {
        "case": st.sampled_from(
            [
                ("CHL", "export", 2004, 2002),
                ("CHL", "import", 2002, 2004),
                ("CHL", "balance", 2004, None),
                ("RU-MOW", "export", 2020, 2019),
                ("RU-MOW", "export", 2019, None),
            ]
        ),
        "by": st.sampled_from([(), ("partner",), ("product",)]),
        "partner_group": st.sampled_from([None, "Asia", "europe", "EU", "Americas"]),
        "groups": st.sampled_from(
            [(None, None), ("tech", None), ("tech", "high"), ("tech", "Low")]
        ),
        "top": st.sampled_from([None, 5]),
    }
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=QUESTIONS)
def test_templated_tables_are_what_ibis_compiles(sessions, q):
    shaped, compiling = sessions
    reporter, flow, year, compare = q["case"]
    groups, group = q["groups"]
    by = q["by"] if groups is None or group is not None else ("group",)
    options = {
        "reporter": reporter, "flow": flow, "year": year, "compare": compare, "by": by,
        "partner_group": q["partner_group"], "groups": groups, "group": group, "top": q["top"],
    }  # fmt: skip
    same(answer(shaped, "table", **options), answer(compiling, "table", **options))


def test_series_and_months_from_templates(sessions):
    shaped, compiling = sessions
    for pg in (None, "Asia", "Europe"):
        for reporter, years in (("CHL", range(2002, 2005)), ("RU-MOW", range(2019, 2021))):
            asked = {"reporter": reporter, "years": years, "partner_group": pg}
            same(answer(shaped, "series", **asked), answer(compiling, "series", **asked))
    for months in ((1, 8), (3, 3)):
        options = {
            "reporter": "RU-MOW",
            "year": 2020,
            "compare": 2019,
            "months": months,
            "by": ["partner"],
        }
        pd.testing.assert_frame_equal(shaped.table(**options), compiling.table(**options))


def test_shapes_are_kept_as_templates(sessions):
    shaped, _ = sessions
    shaped.table(reporter="CHL", year=2004, compare=2002, by=["partner"], partner_group="Americas")
    kept = [v for (path, shape), v in shapes._TEMPLATES.items() if path == shaped.warehouse.path]
    assert any(isinstance(v, tuple) for v in kept)


def test_fill_writes_values_as_literals():
    slots = [
        shapes.Slot("hxslotreporter", shapes.quote("CÔTE D'IVOIRE")),
        shapes.Slot(1901, "2004"),
    ]
    sql = "SELECT * FROM t WHERE r = 'hxslotreporter' AND y = 1901 AND z = 19010 AND w = 1.1901"
    assert shapes.fill(sql, slots) == (
        "SELECT * FROM t WHERE r = 'CÔTE D''IVOIRE' AND y = 2004 AND z = 19010 AND w = 1.1901"
    )
