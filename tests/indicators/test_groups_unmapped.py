"""A breakdown by product group keeps the records its scheme does not map, as a row of its own.

The bundled Chile-Argentina sample of 2002 holds HS2002 codes that the ``tech`` scheme gives no
group in the edition they are loaded as: their value must appear as "Not in the scheme", the
groups must add up to the total and shares must be of the whole. Expected figures are DuckDB
sums of the raw CSV files, joined with the scheme's reference table (``product_groups``) read
directly from the warehouse.
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
    """Value by tech group (``unmapped`` where the scheme has no row), by year and flow."""
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
        SELECT year, flow, coalesce(m.group_code, 'unmapped') AS "group", sum(value_usd) AS value
        FROM ({raw}) f LEFT JOIN mapping m USING (classification, product)
        WHERE reporter = 'CHL' GROUP BY ALL""").df()


def expect(expected: pd.DataFrame, year: int, flow: str = "export") -> pd.Series:
    rows = expected[(expected["year"] == year) & (expected["flow"] == flow)]
    return rows.set_index("group")["value"].sort_index()


def test_table_by_group_keeps_what_the_scheme_does_not_map(chile, expected):
    want = expect(expected, 2002)
    assert want["unmapped"] > 0.1 * want.sum()  # the case: a seventh of the value has no group
    with hitex.open(chile, read_only=True) as s:
        got = s.table(reporter="CHL", year=2002, by=["group"], groups="tech")
    got = got.set_index("group")
    assert got["value_usd"].sort_index().to_dict() == pytest.approx(want.to_dict())
    assert got.loc["unmapped", "group_name"] == "Not in the scheme"
    assert got["value_usd"].sum() == pytest.approx(want.sum())
    assert got["share_pct"].sum() == pytest.approx(100.0)
    assert got.loc["high", "share_pct"] == pytest.approx(100 * want["high"] / want.sum())


def test_group_filter_and_total_are_unchanged(chile, expected):
    want = expect(expected, 2002)
    with hitex.open(chile, read_only=True) as s:
        high = s.table(reporter="CHL", year=2002, groups="tech", group="high")
        total = s.table(reporter="CHL", year=2002, groups="tech")
        unmapped = s.table(reporter="CHL", year=2002, groups="tech", group="unmapped")
    assert high["value_usd"].item() == pytest.approx(want["high"])
    assert total["value_usd"].item() == pytest.approx(want.sum())  # a scheme narrows nothing
    assert unmapped["value_usd"].item() == pytest.approx(want["unmapped"])


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
        if "unmapped" in want:
            assert rows.loc["unmapped", "value_usd"] == pytest.approx(want["unmapped"])


def test_russian_name(chile):
    with hitex.open(chile, read_only=True) as s:
        got = s.table(reporter="CHL", year=2002, by=["group"], groups="tech", lang="ru")
    assert got.set_index("group").loc["unmapped", "group_name"] == "Не отнесено к группам схемы"


def test_cli_csv_has_the_row_and_rounds_shares(chile, expected):
    want = expect(expected, 2002)
    result = CliRunner().invoke(app, [
        "--db", str(chile), "table", "--reporter", "CHL", "--year", "2002", "--by", "group",
        "--groups", "tech", "--format", "csv"])  # fmt: skip
    assert result.exit_code == 0, result.output
    got = pd.read_csv(io.StringIO(result.output), dtype={"share_pct": str}).set_index("group")
    assert got.loc["unmapped", "value_usd"] == pytest.approx(want["unmapped"])
    assert got.loc["unmapped", "share_pct"] == f"{100 * want['unmapped'] / want.sum():.1f}"
    assert got["value_usd"].sum() == pytest.approx(want.sum())


def test_api_table_and_view(chile, expected):
    want = expect(expected, 2002)
    with TestClient(create_app(chile, token="")) as client:
        table = client.get("/api/table", params={
            "reporter": "CHL", "year": 2002, "by": "group", "groups": "tech"})  # fmt: skip
        view = client.get("/api/view", params={"reporter": "CHL", "year": 2002, "groups": "tech"})
    assert table.status_code == 200, table.text
    rows = {r["group"]: r for r in table.json()}
    assert rows["unmapped"]["value_usd"] == pytest.approx(want["unmapped"])
    assert rows["unmapped"]["group_name"] == "Not in the scheme"
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
    assert sentence.facts["share_pct[unmapped]"] == pytest.approx(
        100 * want["unmapped"] / want.sum()
    )
    assert "not in the scheme" in sentence.text
    # The largest headings rank headings: the codes no heading holds are not one of them.
    assert all("unmapped" not in k for s in report.section("products").sentences for k in s.facts)
