"""/api/table and /api/series answer what `hitex table` prints, for the same parameters."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from hitex import demo
from hitex.api import create_app
from hitex.cli import app
from hitex.store.layout import copy_warehouse

DATA = Path(demo.__file__).parent / "data"

# The same question as CLI options and as query parameters.
CASES = [
    (["--reporter", "CHL", "--flow", "export", "--year", "2004", "--compare", "2002",
      "--by", "partner"],
     {"reporter": "CHL", "flow": "export", "year": 2004, "compare": 2002, "by": "partner"}),
    (["--reporter", "Chile", "--flow", "import", "--year", "2004", "--compare", "2002",
      "--by", "group", "--groups", "tech"],
     {"reporter": "Chile", "flow": "import", "year": 2004, "compare": 2002, "by": "group",
      "groups": "tech"}),
    (["--reporter", "CHL", "--year", "2004", "--compare", "2002", "--by", "product", "--top", "5",
      "--indicators", "value,growth,share,rank,contribution"],
     {"reporter": "CHL", "year": 2004, "compare": 2002, "by": "product", "top": 5,
      "indicators": "value,growth,share,rank,contribution"}),
    (["--reporter", "CHL", "--flow", "balance", "--years", "2002-2004"],
     {"reporter": "CHL", "flow": "balance", "years": "2002-2004"}),
    (["--reporter", "CHL", "--year", "2004", "--compare", "2002", "--by", "product", "--groups",
      "tech", "--partner-group", "South America", "--group", "high"],
     {"reporter": "CHL", "year": 2004, "compare": 2002, "by": "product", "groups": "tech",
      "partner_group": "South America", "group": "high"}),
]  # fmt: skip


def cli_json(db, args):
    result = CliRunner().invoke(app, ["--db", str(db), "table", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(("args", "params"), CASES)
def test_table_json_equals_the_cli(demo_db, tmp_path, args, params):
    db = copy_warehouse(demo_db, tmp_path / "w.duckdb")
    expected = cli_json(db, args)  # before the app holds the file
    assert expected, "a case that answers nothing proves nothing"
    with TestClient(create_app(db, token="")) as client:
        answer = client.get("/api/table", params=params)
    assert answer.status_code == 200, answer.text
    assert answer.json() == expected


def test_totals_are_the_published_ones(reader):
    # data/SOURCE.md: the Open Trade Statistics totals for Chile-Argentina 2002.
    exports = reader.get("/api/table", params={"reporter": "CHL", "year": 2002}).json()
    imports = reader.get(
        "/api/table", params={"reporter": "CHL", "flow": "import", "year": 2002}
    ).json()
    assert exports[0]["value_usd"] == 191_070_218
    assert imports[0]["value_usd"] == 919_280_993


def test_growth_and_share_against_pandas(reader):
    # An independent oracle: the demo files summed by pandas.
    frame = pd.concat(pd.read_csv(p, dtype={"product": str}) for p in demo.files())
    exp = frame[frame["flow"] == "export"].groupby("year")["value_usd"].sum()
    rows = reader.get(
        "/api/table", params={"reporter": "CHL", "year": 2004, "compare": 2002, "by": "partner"}
    ).json()
    assert rows[0]["value_usd"] == exp[2004]
    assert rows[0]["base_value_usd"] == exp[2002]
    assert rows[0]["growth_pct"] == pytest.approx((exp[2004] / exp[2002] - 1) * 100)
    assert rows[0]["share_pct"] == 100.0


def test_series_is_the_table_with_years(reader):
    params = {"reporter": "CHL", "flow": "balance", "years": "2002-2004"}
    series = reader.get("/api/series", params=params).json()
    assert series == reader.get("/api/table", params=params).json()
    assert [r["year"] for r in series] == [2002, 2004]
    assert series[0]["value_usd"] == 191_070_218 - 919_280_993


def test_csv_is_what_the_cli_prints(demo_db, reader):
    args = ["--reporter", "CHL", "--year", "2004", "--by", "product", "--top", "10"]
    result = CliRunner().invoke(app, ["--db", str(demo_db), "table", *args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    answer = reader.get(
        "/api/table", params={"reporter": "CHL", "year": 2004, "by": "product", "top": 10,
                              "format": "csv"},
    )  # fmt: skip
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.headers["content-disposition"] == (
        'attachment; filename="hitex-CHL-export-2004-by-product.csv"'
    )
    assert answer.text == result.stdout


def test_csv_rounds_shares_as_tables_show_them(demo_db, reader):
    """Money exact to the cent, percentages to one decimal: CLI and API print the same text."""
    raw = pd.concat(pd.read_csv(DATA / f"chl_arg_{y}.csv", dtype={"product": str})
                    for y in (2002, 2004))  # fmt: skip
    raw = raw[(raw["reporter"] == "CHL") & (raw["flow"] == "export")]
    by = raw.groupby(["year", "product"])["value_usd"].sum()
    now, base = by[2004], by[2002]
    args = ["--reporter", "CHL", "--year", "2004", "--compare", "2002", "--by", "product"]
    result = CliRunner().invoke(app, ["--db", str(demo_db), "table", *args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    answer = reader.get("/api/table", params={
        "reporter": "CHL", "year": 2004, "compare": 2002, "by": "product", "format": "csv"})  # fmt: skip
    assert answer.text == result.stdout
    got = pd.read_csv(io.StringIO(answer.text), dtype=str).set_index("product")
    for code in now.sort_values().index[-5:]:
        assert float(got.loc[code, "value_usd"]) == now[code]
        assert got.loc[code, "share_pct"] == f"{100 * now[code] / now.sum():.1f}"
        if base.get(code, 0) > 0:
            assert got.loc[code, "growth_pct"] == f"{100 * (now[code] / base[code] - 1):.1f}"
    # JSON keeps the exact ratio for programs.
    rows = reader.get("/api/table", params={"reporter": "CHL", "year": 2004, "by": "product"})
    top = max(rows.json(), key=lambda r: r["value_usd"])
    assert top["share_pct"] == pytest.approx(100 * now.max() / now.sum(), rel=1e-12)


def test_listings(reader):
    loads = reader.get("/api/loads").json()
    assert [(r["id"], r["file"], r["rows_loaded"]) for r in loads] == [
        (1, "chl_arg_2002.csv", 2048), (2, "chl_arg_2004.csv", 2832),
    ]  # fmt: skip
    assert all(r["rows_read"] == r["rows_loaded"] + r["rows_rejected"] for r in loads)
    assert reader.get("/api/rejects", params={"load": 1}).json() == []
    schemes = {r["scheme"]: r["kind"] for r in reader.get("/api/groups").json()}
    assert schemes["tech"] == "product"
    assert schemes["region"] == "partner"
    tech = reader.get("/api/groups", params={"scheme": "tech"}).json()
    assert {r["group_code"] for r in tech} == {"high", "medium-high", "medium-low", "low", "none"}
    codes = reader.get("/api/classify", params={"code": "841181,851762"}).json()
    high = {r["product"]: r["group_code"] for r in codes if r["scheme"] == "tech"}
    assert high == {"841181": "medium-high", "851762": "high"}


def test_meta_offers_what_the_warehouse_holds(reader):
    meta = reader.get("/api/meta").json()
    assert meta["reporters"] == [
        {"code": "CHL", "name": "Chile", "flows": ["export", "import"], "years": [2002, 2004],
         "monthly": False},
    ]  # fmt: skip
    assert meta["writable"] is False
    assert "Asia" in meta["partner_groups"]
    assert "tech" in meta["product_schemes"]
    assert meta["formats"] == ["baci", "comtrade", "flows"]
    countries = {c["iso3"]: c["numeric"] for c in reader.get("/api/countries").json()}
    assert countries["ARG"] == "032"
    assert countries["USA"] == "840"


def test_dashboard_and_docs_are_served_from_the_package(reader):
    page = reader.get("/")
    assert page.status_code == 200
    assert "/static/app.js" in page.text
    for asset in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "countries-110m.json",
                  "swagger-ui-bundle.js"):  # fmt: skip
        assert reader.get(f"/static/vendor/{asset}").status_code == 200
    docs = reader.get("/api/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
    assert "http" not in page.text  # nothing fetched from elsewhere
    spec = reader.get("/api/openapi.json").json()
    assert {"/api/table", "/api/series", "/api/loads", "/api/rejects", "/api/groups",
            "/api/classify", "/api/report"} <= set(spec["paths"])  # fmt: skip
