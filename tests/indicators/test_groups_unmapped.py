"""A breakdown by product group keeps the records its scheme does not map, as rows of their own.

The bundled Chile-Argentina sample holds HS2012 codes in both years (Open Trade Statistics
re-codes its series; data/SOURCE.md). Every one of them has a ``tech`` group except the HS
pseudo-code 999999, "commodities not specified according to kind": $29.7M of Chile's 2002
exports and nothing in 2004. Those records are a row of their own, named for what they are
("Goods not specified by kind"), not "Not in the scheme" (which would blame the scheme); the
groups add up to the total and shares are of the whole. Expected figures are DuckDB sums of
the raw CSV files, joined with the scheme's reference table (``product_groups``) read directly
from the warehouse, and with the published HS2012 nomenclature.
"""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import hitex
from hitex import demo
from hitex.api import create_app
from hitex.cli import app

DATA = Path(demo.__file__).parent / "data"


@pytest.fixture(scope="module")
def chile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("unmapped") / "hitex.duckdb"
    with hitex.open(path) as s:
        s.load(demo.files(), format="flows")
    return path


@pytest.fixture(scope="module")
def expected(chile: Path) -> pd.DataFrame:
    """Value by tech group (``unspecified`` for 999999, else ``unmapped`` where the scheme has no
    row), by year and flow."""
    with duckdb.connect(str(chile), read_only=True) as con:
        mapping = con.sql(
            "SELECT classification, product, group_code FROM product_groups WHERE scheme = 'tech'"
        ).df()
    raw = " UNION ALL ".join(
        f"SELECT * FROM read_csv('{DATA / f'chl_arg_{y}.csv'}', types={{'product': 'VARCHAR'}})"
        for y in (2002, 2004)
    )
    con = duckdb.connect()
    con.register("mapping", mapping)
    return con.sql(f"""
        SELECT year, flow, coalesce(m.group_code, CASE WHEN product IN ('99', '9999', '999999')
            THEN 'unspecified' ELSE 'unmapped' END) AS "group", sum(value_usd) AS value
        FROM ({raw}) f LEFT JOIN mapping m USING (classification, product)
        WHERE reporter = 'CHL' GROUP BY ALL""").df()


def expect(expected: pd.DataFrame, year: int, flow: str = "export") -> pd.Series:
    rows = expected[(expected["year"] == year) & (expected["flow"] == flow)]
    return rows.set_index("group")["value"].sort_index()


def test_table_by_group_keeps_what_the_scheme_does_not_map(chile, expected):
    want = expect(expected, 2002)
    assert want["unspecified"] > 0.1 * want.sum()  # the case: a seventh of the value has no group
    assert "unmapped" not in want  # every other code of the file has a group
    with hitex.open(chile, read_only=True) as s:
        got = s.table(reporter="CHL", year=2002, by=["group"], groups="tech")
    got = got.set_index("group")
    assert got["value_usd"].sort_index().to_dict() == pytest.approx(want.to_dict())
    assert got.loc["unspecified", "group_name"] == "Goods not specified by kind (HS 999999)"
    assert "unmapped" not in got.index
    assert got["value_usd"].sum() == pytest.approx(want.sum())
    assert got["share_pct"].sum() == pytest.approx(100.0)
    assert got.loc["high", "share_pct"] == pytest.approx(100 * want["high"] / want.sum())


def test_group_filter_and_total_are_unchanged(chile, expected):
    want = expect(expected, 2002)
    with hitex.open(chile, read_only=True) as s:
        high = s.table(reporter="CHL", year=2002, groups="tech", group="high")
        total = s.table(reporter="CHL", year=2002, groups="tech")
        unmapped = s.table(reporter="CHL", year=2002, groups="tech", group="unspecified")
    assert high["value_usd"].item() == pytest.approx(want["high"])
    assert total["value_usd"].item() == pytest.approx(want.sum())  # a scheme narrows nothing
    assert unmapped["value_usd"].item() == pytest.approx(want["unspecified"])


def test_series_by_group_adds_up_each_year(chile, expected):
    with hitex.open(chile, read_only=True) as s:
        got = s.series(
            reporter="CHL", years=[2002, 2004], by=["group"], groups="tech", flow="import"
        )
    for year in (2002, 2004):
        want = expect(expected, year, "import")
        rows = got[got["year"] == year].set_index("group")
        assert rows["value_usd"].sum() == pytest.approx(want.sum())
        assert rows["share_pct"].sum() == pytest.approx(100.0)
        for kind in ("unmapped", "unspecified"):
            if kind in want:
                assert rows.loc[kind, "value_usd"] == pytest.approx(want[kind])


def test_russian_name(chile):
    with hitex.open(chile, read_only=True) as s:
        got = s.table(reporter="CHL", year=2002, by=["group"], groups="tech", lang="ru")
    assert got.set_index("group").loc["unspecified", "group_name"] == (
        "Товары без указания вида (ГС 999999)"
    )


def test_cli_csv_has_the_row_and_rounds_shares(chile, expected):
    want = expect(expected, 2002)
    result = CliRunner().invoke(app, [
        "--db", str(chile), "table", "--reporter", "CHL", "--year", "2002", "--by", "group",
        "--groups", "tech", "--format", "csv"])  # fmt: skip
    assert result.exit_code == 0, result.output
    got = pd.read_csv(io.StringIO(result.output), dtype={"share_pct": str}).set_index("group")
    assert got.loc["unspecified", "value_usd"] == pytest.approx(want["unspecified"])
    assert got.loc["unspecified", "share_pct"] == f"{100 * want['unspecified'] / want.sum():.1f}"
    assert got["value_usd"].sum() == pytest.approx(want.sum())


def test_api_table_and_view(chile, expected):
    want = expect(expected, 2002)
    with TestClient(create_app(chile, token="")) as client:
        table = client.get("/api/table", params={
            "reporter": "CHL", "year": 2002, "by": "group", "groups": "tech"})  # fmt: skip
        view = client.get("/api/view", params={"reporter": "CHL", "year": 2002, "groups": "tech"})
    assert table.status_code == 200, table.text
    rows = {r["group"]: r for r in table.json()}
    assert rows["unspecified"]["value_usd"] == pytest.approx(want["unspecified"])
    assert rows["unspecified"]["group_name"] == "Goods not specified by kind (HS 999999)"
    assert view.status_code == 200, view.text
    products = {r["group"]: r["value_usd"] for r in view.json()["products"]}
    assert products == pytest.approx(want.to_dict())
    assert view.json()["total"]["value_usd"] == pytest.approx(want.sum())


def test_report_states_the_unmapped_share(chile, expected):
    """The technology section words the share of what the scheme does not map, of the whole."""
    import hitex.report as rep  # noqa: PLC0415 - charts load a JavaScript engine

    want = expect(expected, 2002)
    with hitex.open(chile, read_only=True) as s:
        report = rep.build(s, reporter="CHL", year=2002)
    (sentence,) = report.section("technology").sentences
    assert sentence.facts["share_pct[unspecified]"] == pytest.approx(
        100 * want["unspecified"] / want.sum()
    )
    assert "goods not specified by kind 16%" in sentence.text
    # The largest headings rank headings: the codes no heading holds are not one of them.
    assert all(
        "unmapped" not in k and "unspecified" not in k
        for s in report.section("products").sentences
        for k in s.facts
    )


def test_both_years_are_classified_in_the_edition_they_were_declared_in(chile, expected):
    """2004 against 2002 by tech group: only 999999 lacks a group, and it is named so."""
    files = ", ".join(f"'{DATA / f'chl_arg_{y}.csv'}'" for y in (2002, 2004))
    nomenclature = Path(demo.__file__).parents[1] / "reference" / "data" / "hs-nomenclature"
    con = duckdb.connect()
    outside = con.execute(f"""
        SELECT DISTINCT f.classification, f.product FROM read_csv([{files}], all_varchar=true) f
        LEFT JOIN read_csv('{nomenclature / "hs2012.csv"}', all_varchar=true) n
            ON n.hscode = f.product AND n.level = '6'
        WHERE n.hscode IS NULL""").fetchall()
    con.close()
    assert outside == []  # every code of both files is in the published HS2012 nomenclature
    with hitex.open(chile, read_only=True) as s:
        got = s.table(reporter="CHL", year=2004, compare=2002, by=["group"], groups="tech")
    got = got.set_index("group")
    now, before = expect(expected, 2004), expect(expected, 2002)
    assert "unmapped" not in got.index
    assert got.loc["unspecified", "group_name"] == "Goods not specified by kind (HS 999999)"
    assert got.loc["unspecified", "base_value_usd"] == pytest.approx(before["unspecified"])
    assert got.loc["unspecified", "value_usd"] == pytest.approx(now.get("unspecified", 0.0))
    for group in ("high", "medium-high", "medium-low", "low", "none"):
        assert got.loc[group, "value_usd"] == pytest.approx(now[group])
        assert got.loc[group, "base_value_usd"] == pytest.approx(before[group])
