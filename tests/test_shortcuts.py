"""The common shapes answered by SQL written for the rollups give the Ibis path's frames."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hitex
from hitex import shortcuts
from hitex.errors import HitexError
from hitex.indicators.selection import Query
from hitex.store.rollups import SCHEME_COLUMNS
from tests.fixtures import flows_file
from tests.store.test_rollups import REPORTERS, _apply, action

question = st.fixed_dictionaries(
    {
        # CHN reports nothing: both paths must refuse it with the same words.
        "reporter": st.sampled_from([*REPORTERS, "CHN"]),
        "flow": st.sampled_from(["export", "import", "balance"]),
        "by": st.sampled_from([(), ("partner",), ("product",), ("group",), ("region",)]),
        "compare": st.booleans(),
        "groups": st.sampled_from([None, *SCHEME_COLUMNS]),
        "indicators": st.sampled_from([None, ("base_value", "growth", "share", "change", "hhi"),
                                       ("hhi",), ("change",), ("share",), ("rank",)]),
        "top": st.sampled_from([None, 1, 3]),
        "series": st.booleans(),
        "partial": st.booleans(),
        "months": st.sampled_from([None, None, (1, 6)]),
    }
)  # fmt: skip


def _answer(s: hitex.Session, q: dict) -> object:
    options = {
        "reporter": q["reporter"], "flow": q["flow"], "by": q["by"], "months": q["months"],
        "groups": q["groups"] or ("tech" if "group" in q["by"] else None),
        "indicators": q["indicators"], "partial": q["partial"], "top": q["top"],
    }  # fmt: skip
    try:
        if q["series"]:
            return s.series(years=[2019, 2020], **options)
        return s.table(year=2020, compare=2019 if q["compare"] else None, **options)
    except HitexError as exc:
        return f"{type(exc).__name__}: {exc}"


def _both_ways(s: hitex.Session, questions: list[dict]) -> None:
    for q in questions:
        s.shortcuts = True
        short = _answer(s, q)
        s.shortcuts = False
        ibis_way = _answer(s, q)
        if isinstance(ibis_way, pd.DataFrame):
            assert isinstance(short, pd.DataFrame), short
            # Floats within 1e-12: DuckDB's sums of the same rows differ in the last bits
            # from one run of the same SQL to the next; names, codes, order, exact.
            pd.testing.assert_frame_equal(short, ibis_way, check_exact=False, rtol=1e-12)
            assert short.attrs == ibis_way.attrs
        else:
            assert short == ibis_way
    s.shortcuts = True


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(action, min_size=1, max_size=4),
    questions=st.lists(question, max_size=8),
    later=st.lists(action, max_size=2),
)
def test_shortcuts_answer_as_the_ibis_path_does(tmp_path_factory, steps, questions, later):
    folder = tmp_path_factory.mktemp("shortcuts")
    with hitex.open(folder / "w.duckdb") as s:
        base = [(y, "", r, "DEU", f, "847330", 1000) for y in (2019, 2020) for r in REPORTERS
                for f in ("export", "import")]  # fmt: skip
        s.load([flows_file(folder / "base.csv", base)], format="flows")
        for n, step in enumerate(steps):
            _apply(s, folder, n, step)
        _both_ways(s, questions)
        # Loads, revisions and removals after the questions: the rows the shortcuts keep
        # from the first questions must not answer the same questions again.
        for n, step in enumerate(later, start=len(steps)):
            _apply(s, folder, n, step)
        _both_ways(s, questions)


def test_a_load_after_a_question_is_in_the_next_answer(tmp_path, monkeypatch):
    made = []
    monkeypatch.setattr(shortcuts.Held, "__init__", _counted(shortcuts.Held.__init__, made))
    rows = [(2020, "", "RUS", p, "export", "847330", v) for p, v in (("DEU", 300), ("KAZ", 100))]
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([flows_file(tmp_path / "a.csv", rows)], format="flows")
        first = s.table(reporter="RUS", year=2020, by=["partner"])
        assert first[["partner", "value_usd"]].values.tolist() == [["DEU", 300.0], ["KAZ", 100.0]]
        again = s.table(reporter="RUS", year=2020, by=["partner"], indicators=["hhi"])
        assert len(made) == 1  # the rows read for the first question answered the second
        # By hand: shares 75% and 25%, HHI 75^2 + 25^2.
        assert again["hhi"].tolist() == [6250.0, 6250.0]
        extra = [(2020, "", "RUS", "CHN", "export", "847330", 600)]
        s.load([flows_file(tmp_path / "b.csv", extra)], format="flows")
        after = s.table(reporter="RUS", year=2020, by=["partner"], indicators=["hhi"])
        assert after[["partner", "value_usd"]].values.tolist() == [
            ["CHN", 600.0], ["DEU", 300.0], ["KAZ", 100.0]]  # fmt: skip
        assert after["hhi"].iloc[0] == pytest.approx(60.0**2 + 30.0**2 + 10.0**2)
        assert len(made) == 2
        s.remove(int(s.loads()["id"].max()))
        removed = s.table(reporter="RUS", year=2020, by=["partner"])
        assert removed["partner"].tolist() == ["DEU", "KAZ"]
        assert len(made) == 3


def _counted(init, made):
    def counting(self, *args, **kwargs):
        made.append(1)
        init(self, *args, **kwargs)

    return counting


REPORT = {
    "partners": (Query(reporter="RUS", years=(2020, 2019), by=("partner",)), "partners",
                 ("base_value", "growth", "share", "change", "hhi"), 2019, None),
    "groups": (Query(reporter="RUS", years=(2020, 2019), by=("group",), groups="tech"),
               "products", None, 2019, None),
    "products": (Query(reporter="RUS", years=(2020,), by=("product",)), "products", ("hhi",),
                 None, 1),
}  # fmt: skip


@pytest.mark.parametrize("name", list(REPORT))
def test_the_reports_tables_take_the_shortcut(name):
    q, route, indicators, compare, top = REPORT[name]
    found = shortcuts.plan(q, route=route, files=["x.parquet"], indicators=indicators, year=2020,
                           compare=compare, top=top)  # fmt: skip
    assert found is not None
    assert "$reporter" in found.sql
    assert "RUS" not in found.sql


def test_the_balance_series_takes_the_shortcut_and_other_shapes_do_not():
    q = Query(reporter="RUS", flow="balance", years=(2019, 2020))
    assert shortcuts.plan(q, route="partners", files=["x"], indicators=None, series=True)
    others = [
        Query(reporter="RUS", years=(2020,), months=(1, 6)),
        Query(reporter="RUS", years=(2020,), partner_group="EU"),
        Query(reporter="RUS", years=(2020,), by=("region",)),
        Query(reporter="RUS", years=(2020,), by=("product",), groups="tech", group="high"),
        Query(reporter="RUS", years=(2020,), classification="HS17"),
    ]
    for other in others:
        route = "products" if other.groups else "partners"
        found = shortcuts.plan(other, route=route, files=["x"], indicators=None, year=2020)
        assert found is None, other
    assert (
        shortcuts.plan(q, route="partners", files=["x"], indicators=["rank"], series=True) is None
    )
    assert shortcuts.plan(q, route="partners", files=[], indicators=None, series=True) is None


_CODES = st.lists(st.one_of(st.none(), st.sampled_from(["", "0101", "010121", "8471", "HS92",
                                                        "HS17", "SITC3", "a\u00e9", "B"])),
                  max_size=40)  # fmt: skip


@given(products=_CODES, classes=_CODES)
def test_rows_are_coded_in_the_order_of_their_strings(products, classes):
    # The codes number the distinct strings in sorted order (ties in a table go by code), as
    # numpy.unique numbers them; a null is -1. Pairs sort by product, then classification.
    n = min(len(products), len(classes))
    p = np.ma.masked_array([x or "" for x in products[:n]], mask=[x is None for x in products[:n]],
                           dtype=object)  # fmt: skip
    c = np.ma.masked_array([x or "" for x in classes[:n]], mask=[x is None for x in classes[:n]],
                           dtype=object)  # fmt: skip
    codes, distinct = shortcuts._coded(p)
    held = [x for x in products[:n] if x is not None]
    assert list(distinct) == sorted(set(held))
    assert [distinct[k] if k >= 0 else None for k in codes] == products[:n]
    pairs, pp, pc = shortcuts._products({"product": p, "classification": c})
    both = [(a, b) for a, b in zip(products[:n], classes[:n], strict=True)
            if a is not None and b is not None]  # fmt: skip
    assert list(zip(pp, pc, strict=True)) == sorted(set(both))
    expect = [(a, b) if a is not None and b is not None else None
              for a, b in zip(products[:n], classes[:n], strict=True)]  # fmt: skip
    assert [(pp[k], pc[k]) if k >= 0 else None for k in pairs] == expect
