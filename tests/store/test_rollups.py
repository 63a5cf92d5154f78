"""Rollups: written with each commit, replaced with their records, and answering as the records do."""

from __future__ import annotations

import contextlib
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hitex
from hitex.errors import HitexError
from hitex.indicators.plan import rollup_for
from hitex.indicators.selection import UNSPECIFIED_NAME, Query
from hitex.reference.schemes import product_groups_frame
from hitex.store import sources
from hitex.store.rollups import SCHEME_COLUMNS
from tests.fixtures import flows_file, write_csv

REPORTERS = ["RUS", "KAZ"]
PARTNERS = ["CHN", "IND", "DEU", "KAZ", "RUS", "WLD"]
PRODUCTS = ["841181", "851762", "847330", "010121", "TOTAL", "8471"]


def _rollup_rows(s: hitex.Session, kind: str) -> list[tuple[object, ...]]:
    """The rollup's rows, summed over its files (each live record file has its own)."""
    positive = ", bool_or(positive)" if kind == "products" else ""
    numbers = [*SCHEME_COLUMNS.values()] if kind == "products" else []
    excluded = ", ".join(["value_usd", "records", *(["positive"] if positive else []), *numbers])
    return s.warehouse.con.execute(
        f"SELECT * EXCLUDE ({excluded}), "
        f"sum(value_usd){positive} FROM rollup_{kind} GROUP BY ALL ORDER BY ALL"
    ).fetchall()


def test_rollups_hold_the_sums_of_the_raw_file_and_follow_revisions_and_removals(tmp_path):
    first = flows_file(tmp_path / "a.csv", [
        (2020, "", "RUS", "CHN", "export", "841181", 10),
        (2020, "", "RUS", "CHN", "export", "851762", 7),
        (2020, "", "RUS", "IND", "export", "841181", 5),
        (2020, "", "RUS", "IND", "import", "841181", 0),
    ])  # fmt: skip
    revision = flows_file(tmp_path / "b.csv", [(2020, "", "RUS", "CHN", "export", "841181", 40)])
    raw = """SELECT CAST(year AS SMALLINT), CAST(NULL AS TINYINT), reporter, partner, flow,
        'HS17', 'own', sum(value_usd) FROM read_csv({files}, header = true)
        GROUP BY ALL ORDER BY ALL"""
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([first], format="flows")
        # The expected sums: DuckDB over the raw CSV, not hitex.
        expected = duckdb.connect().sql(raw.format(files=f"['{first}']")).fetchall()
        assert _rollup_rows(s, "partners") == expected
        products = _rollup_rows(s, "products")
        assert (2020, None, "RUS", "export", "HS17", "841181", 15.0, True) in products
        assert (2020, None, "RUS", "import", "HS17", "841181", 0.0, False) in products
        (b,) = s.load([revision], format="flows", revise=True)
        assert (2020, None, "RUS", "CHN", "export", "HS17", "own", 47.0) in _rollup_rows(
            s, "partners"
        )
        files = s.warehouse.con.execute(
            "SELECT count(*) FROM rollup_files x JOIN record_files r ON r.path = x.record_path "
            "WHERE r.removed_by IS NULL"
        ).fetchall()[0][0]
        assert files == 2 * 2  # two live record files (the kept rows, the revision), two kinds
        s.remove(b.id)
        assert _rollup_rows(s, "partners") == expected
        for path in s.warehouse.con.execute("SELECT path FROM rollup_files").fetchall():
            assert (s.warehouse.layout.root / path[0]).is_file()


def test_rollups_of_a_reconciled_load_hold_the_mirror_imports(tmp_path):
    baci = write_csv(tmp_path / "BACI_HS17_Y2020_V202401.csv", ("t", "i", "j", "k", "v", "q"), [
        (2020, 643, 156, "841181", "1.5", ""), (2020, 643, 156, "851762", "2", ""),
        (2020, 156, 643, "841181", "4", ""),
    ])  # fmt: skip
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([baci], format="baci")
        partners = _rollup_rows(s, "partners")
        assert (2020, None, "RUS", "CHN", "import", "HS17", "mirror", 4000.0) in partners
        assert (2020, None, "CHN", "RUS", "import", "HS17", "mirror", 3500.0) in partners
        assert (2020, None, "RUS", "CHN", "export", "HS17", "own", 3500.0) in partners
        products = _rollup_rows(s, "products")
        assert (2020, None, "CHN", "import", "HS17", "841181", 1500.0, True) in products


def test_the_planner_reads_records_for_enterprises_and_for_partner_and_product_together():
    assert rollup_for(Query("RUS", years=(2020,))) == "partners"
    assert rollup_for(Query("RUS", years=(2020,), by=("partner",))) == "partners"
    assert rollup_for(Query("RUS", years=(2020,), by=("group",), groups="tech")) == "products"
    assert rollup_for(Query("RUS", years=(2020,)), ["product_lines"]) == "products"
    assert rollup_for(Query("RUS", years=(2020,), by=("partner",), groups="tech")) is None
    assert rollup_for(Query("RUS", years=(2020,), by=("firm",))) is None
    assert rollup_for(Query("RUS", years=(2020,)), ["firms"]) is None


def test_a_warehouse_of_records_without_rollups_gets_them_when_opened(tmp_path):
    rows = [(2020, "", "RUS", "CHN", "export", "841181", 10)]
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([flows_file(tmp_path / "a.csv", rows)], format="flows")
        for (path,) in s.warehouse.con.execute("SELECT path FROM rollup_files").fetchall():
            (s.warehouse.layout.root / path).unlink()
        s.warehouse.con.execute("DELETE FROM rollup_files")
        s.warehouse.con.execute("CHECKPOINT")
    with hitex.open(tmp_path / "w.duckdb", read_only=True) as s:
        assert not s.warehouse.rollups_ready()  # the records answer meanwhile
        assert s.table(reporter="RUS", year=2020)["value_usd"].tolist() == [10.0]
    with hitex.open(tmp_path / "w.duckdb") as s:
        assert s.warehouse.rollups_ready()
        assert s.table(reporter="RUS", year=2020)["value_usd"].tolist() == [10.0]


# -- the property: random loads, revisions and removals; random questions; same answers ----
row = st.tuples(
    st.sampled_from([2019, 2020]),
    st.sampled_from(REPORTERS),
    st.sampled_from(PARTNERS),
    st.sampled_from(["export", "import"]),
    st.sampled_from(PRODUCTS),
    st.integers(-5, 10**6),
)
action = st.one_of(
    st.tuples(st.just("load"), st.lists(row, min_size=1, max_size=12), st.booleans(),
              st.booleans()),
    st.tuples(st.just("baci"), st.lists(row, min_size=1, max_size=8)),
    st.tuples(st.just("remove"), st.integers(0, 5)),
)  # fmt: skip
question = st.fixed_dictionaries(
    {
        "reporter": st.sampled_from(REPORTERS),
        "flow": st.sampled_from(["export", "import", "balance"]),
        "by": st.sampled_from([(), ("partner",), ("product",), ("group",), ("region",),
                               ("month",), ("classification",)]),
        "compare": st.booleans(),
        "partner_group": st.sampled_from([None, "BRICS", "EU"]),
        "groups": st.sampled_from([None, *SCHEME_COLUMNS]),
        "months": st.sampled_from([None, (1, 6)]),
        "indicators": st.sampled_from([None, ("product_lines",), ("hhi", "change"),
                                       ("rank",), ("rca",)]),
        "series": st.booleans(),
    }
)  # fmt: skip

ISO_NUM = {"RUS": 643, "KAZ": 398, "CHN": 156, "IND": 699, "DEU": 276}


def _apply(s: hitex.Session, folder: Path, n: int, step: tuple) -> None:
    kind = step[0]
    if kind == "remove":
        live = s.loads().query("status == 'loaded'")["id"].tolist()
        if live:
            s.remove(int(live[step[1] % len(live)]))
        return
    if kind == "baci":
        lines = [(y, ISO_NUM[r], ISO_NUM.get(p, 156), k if len(k) == 6 else "841181",
                  str(max(v, 1) / 1000), "")
                 for y, r, p, _, k, v in step[1] if p != r]  # fmt: skip
        keys = {(a, b, c, d) for a, b, c, d, _, _ in lines}
        lines = [next(x for x in lines if x[:4] == k) for k in sorted(keys)]
        for year in sorted({x[0] for x in lines}):
            path = folder / f"BACI_HS17_Y{year}_V2024{n:02d}.csv"
            write_csv(path, ("t", "i", "j", "k", "v", "q"), [x for x in lines if x[0] == year])
            s.load([path], format="baci")
        return
    _, rows, monthly, revise = step
    lines = [(y, 3 if monthly else "", r, p, f, k, v) for y, r, p, f, k, v in rows]
    with contextlib.suppress(HitexError):
        s.load([flows_file(folder / f"f{n}.csv", lines)], format="flows", revise=revise)


def _answer(s: hitex.Session, q: dict) -> object:
    options = {
        "reporter": q["reporter"], "flow": q["flow"], "by": q["by"],
        "partner_group": q["partner_group"], "groups": q["groups"] or (
            "tech" if "group" in q["by"] else None),
        "months": q["months"], "indicators": q["indicators"], "partial": True,
    }  # fmt: skip
    try:
        if q["series"]:
            return s.series(years=[2019, 2020], **options)
        return s.table(year=2020, compare=2019 if q["compare"] else None, **options)
    except HitexError as exc:
        return f"{type(exc).__name__}: {exc}"


def _same_sources_and_periods(s: hitex.Session) -> None:
    """What the partners rollup says of each reporter's records, the records say too."""
    con = s.warehouse.con
    mirror = bool(con.execute("SELECT count(*) FROM loads WHERE reconciled AND status = 'loaded'")
                  .fetchall()[0][0])  # fmt: skip
    order = ["kind", "flow", "year"]
    for reporter in [*REPORTERS, "CHN", "DEU"]:
        direct = sources.records(con, reporter, mirror=mirror)
        direct = direct[direct["records"] > 0].sort_values(order).reset_index(drop=True)
        kept = s.warehouse.sources(reporter).sort_values(order).reset_index(drop=True)
        pd.testing.assert_frame_equal(kept[direct.columns], direct, check_dtype=False)
    direct_years = sources.years(con)
    kept_years = s.warehouse.reconciled_years()
    assert sorted(kept_years) == sorted(direct_years)
    for year, held in direct_years.items():
        assert (kept_years[year].exporters, kept_years[year].countries) == (
            held.exporters, held.countries)  # fmt: skip
        assert kept_years[year].total == pytest.approx(held.total, rel=1e-12)
        assert kept_years[year].imported == pytest.approx(held.imported, rel=1e-12)
    periods = s.periods()
    s.rollups = False
    s.warehouse._rollups_ready = (s.warehouse.version(), False)
    try:
        pd.testing.assert_frame_equal(periods, s.periods(), check_dtype=False)
    finally:
        s.warehouse._rollups_ready = None
        s.rollups = True


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(action, min_size=1, max_size=5), questions=st.lists(question, max_size=6))
def test_rollups_answer_every_question_as_the_records_do(tmp_path_factory, steps, questions):
    folder = tmp_path_factory.mktemp("rollups")
    with hitex.open(folder / "w.duckdb") as s:
        # Both reporters hold both flows in both years (then random loads, revisions, removals).
        base = [(y, "", r, "DEU", f, "847330", 1000) for y in (2019, 2020) for r in REPORTERS
                for f in ("export", "import")]  # fmt: skip
        s.load([flows_file(folder / "base.csv", base)], format="flows")
        for n, step in enumerate(steps):
            _apply(s, folder, n, step)
        assert s.warehouse.rollups_ready()
        _same_sources_and_periods(s)
        for q in questions:
            s.rollups = True
            from_rollups = _answer(s, q)
            s.rollups = False
            from_records = _answer(s, q)
            if isinstance(from_records, pd.DataFrame):
                assert isinstance(from_rollups, pd.DataFrame), from_rollups
                pd.testing.assert_frame_equal(from_rollups, from_records, check_exact=False,
                                              rtol=1e-12)  # fmt: skip
            else:
                assert from_rollups == from_records
        s.rollups = True


def _world_rca(s: hitex.Session) -> object:
    try:
        return (s.rca(year=2020).sort_values(["reporter", "product"], ignore_index=True),)
    except HitexError as exc:
        return f"{type(exc).__name__}: {exc}"


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(action, min_size=1, max_size=4))
def test_world_rca_from_rollups_is_that_of_the_records(tmp_path_factory, steps):
    folder = tmp_path_factory.mktemp("rca")
    with hitex.open(folder / "w.duckdb") as s:
        base = [(2020, "", r, "DEU", "export", k, 1000 + n) for n, r in enumerate(REPORTERS)
                for k in ("847330", "010121")]  # fmt: skip
        s.load([flows_file(folder / "base.csv", base)], format="flows")
        for n, step in enumerate(steps):
            _apply(s, folder, n, step)
        s.rollups = True
        from_rollups = _world_rca(s)
        s.rollups = False
        from_records = _world_rca(s)
        if isinstance(from_records, str):
            assert from_rollups == from_records
            return
        assert not isinstance(from_rollups, str), from_rollups
        for got, want in zip(from_rollups, from_records, strict=True):
            pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-9)


@pytest.mark.parametrize("kind", ["partners", "products"])
def test_each_rollup_is_sorted_by_reporter(tmp_path, kind):
    rows = [(2020, "", r, "CHN", "export", "841181", 1) for r in ("THA", "ARG", "KAZ", "RUS")]
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([flows_file(tmp_path / "a.csv", rows)], format="flows")
        (path,) = s.warehouse.con.execute(
            "SELECT path FROM rollup_files WHERE kind = ?", [kind]
        ).fetchall()[0]
        file = s.warehouse.layout.root / path
        reporters = [
            r[0] for r in duckdb.connect().sql(f"SELECT reporter FROM '{file}'").fetchall()
        ]
    assert reporters == sorted(reporters)


GROUP_ROWS = [
    (2020, "", "RUS", "CHN", "export", "841181", 10),  # turbojets: high tech
    (2020, "", "RUS", "IND", "export", "851762", 7),
    (2020, "", "RUS", "IND", "export", "010121", 3),  # horses
    (2020, "", "RUS", "CHN", "export", "8471", 4),  # a heading
    (2020, "", "RUS", "CHN", "export", "999999", 2),  # no scheme's code
    (2020, "", "RUS", "CHN", "import", "841181", 50),
    (2019, "", "RUS", "CHN", "export", "841181", 5),
]


@pytest.mark.parametrize("scheme", list(SCHEME_COLUMNS))
def test_group_breakdowns_of_every_built_in_scheme_read_the_rollups_numbers(tmp_path, scheme):
    csv = flows_file(tmp_path / "a.csv", GROUP_ROWS)
    groups = product_groups_frame(scheme).query("classification == 'HS17'")
    # The expected sums: DuckDB over the raw CSV and the scheme's published mapping.
    con = duckdb.connect()
    con.register("mapping", groups)
    expected = con.execute(
        f"""SELECT coalesce(m.group_code, CASE WHEN r.product IN ('99', '9999', '999999')
        THEN 'unspecified' ELSE 'unmapped' END) AS "group",
        sum(value_usd) AS value_usd FROM read_csv('{csv}', header = true,
        types = {{'product': 'VARCHAR'}}) r LEFT JOIN mapping m ON m.product = r.product
        WHERE year = 2020 AND flow = 'export' GROUP BY ALL ORDER BY value_usd DESC, "group" """
    ).df()
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([csv], format="flows", classification="HS17")
        route = s._plan(Query("RUS", years=(2020,), by=("group",), groups=scheme), None)
        assert route == "products"
        assert "scheme_groups" in s._answering(route)
        got = s.table(reporter="RUS", year=2020, compare=2019, by=["group"], groups=scheme)
        s.rollups = False
        records = s.table(reporter="RUS", year=2020, compare=2019, by=["group"], groups=scheme)
    pd.testing.assert_frame_equal(got, records)
    assert got["group"].tolist() == expected["group"].tolist()
    assert got["value_usd"].tolist() == pytest.approx(expected["value_usd"].tolist())
    unmapped = got[got["group"] == "unmapped"]
    if scheme == "techservices":  # HS codes have no service group
        assert unmapped["group_name"].tolist() == ["Not in the scheme"]
    unspecified = got[got["group"] == "unspecified"]
    # 999999 (not specified by kind) is a group of its own where the scheme does not map it.
    assert unspecified["group_name"].tolist() == [UNSPECIFIED_NAME] * len(unspecified)
    assert unmapped["group_name"].tolist() == ["Not in the scheme"] * len(unmapped)
    # A table names a group with the first of its names in the scheme's editions.
    names = product_groups_frame(scheme).groupby("group_code")["group_name"].min()
    for code, name in zip(got["group"], got["group_name"], strict=True):
        if code != "unspecified":
            assert name == names.get(code, "Not in the scheme")


def test_world_rca_is_the_balassa_index_of_the_raw_file(tmp_path):
    rows = [
        (2020, "", "RUS", "CHN", "export", "841181", 30),
        (2020, "", "RUS", "IND", "export", "851762", 10),
        (2020, "", "KAZ", "CHN", "export", "841181", 5),
        (2020, "", "KAZ", "RUS", "export", "010121", 45),
        (2020, "", "KAZ", "RUS", "import", "010121", 99),
    ]
    csv = flows_file(tmp_path / "a.csv", rows)
    expected = (
        duckdb.connect()
        .execute(
            f"""WITH x AS (SELECT reporter, CAST(product AS VARCHAR) AS product,
            sum(value_usd) AS x FROM read_csv('{csv}', header = true,
            types = {{'product': 'VARCHAR'}})
            WHERE flow = 'export' GROUP BY ALL)
        SELECT reporter, product, x AS export_value, (x / sum(x) OVER (PARTITION BY reporter))
            / (sum(x) OVER (PARTITION BY product) / sum(x) OVER ()) AS rca
        FROM x ORDER BY reporter, product"""
        )
        .df()
    )
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([csv], format="flows")
        got = s.rca(year=2020).sort_values(["reporter", "product"], ignore_index=True)
        s.rollups = False
        records = s.rca(year=2020).sort_values(["reporter", "product"], ignore_index=True)
    pd.testing.assert_frame_equal(got, records)
    assert got[["reporter", "product"]].values.tolist() == expected[
        ["reporter", "product"]].values.tolist()  # fmt: skip
    assert got["rca"].tolist() == pytest.approx(expected["rca"].tolist(), rel=1e-12)
    assert got["export_value"].tolist() == pytest.approx(expected["export_value"].tolist())
