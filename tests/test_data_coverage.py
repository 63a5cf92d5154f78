"""Data coverage: where each reporter's figures come from and whether they are whole.

Fixtures: a BACI HS92 extract of two exporters (South Africa, Afghanistan), where South
Africa's imports are only Afghanistan's exports to it; and the Moscow example (exports only).
Expected values are read from the raw files with pandas, never from hitex.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import hitex
from hitex import demo
from hitex.cli import app
from hitex.errors import PartialCoverageError

BACI = Path(__file__).parent / "fixtures" / "baci" / "BACI_HS92_two_exporters_2020_2021.csv"


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    return pd.read_csv(BACI, dtype={"k": str})


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("coverage") / "w.duckdb"
    with hitex.open(path) as s:
        s.load([BACI], format="baci")
        s.load([demo.moscow_file()], format="flows")
    return path


@pytest.fixture(scope="module")
def s(db: Path):
    session = hitex.open(db, read_only=True)
    yield session
    session.close()


def test_mirrored_imports_of_two_exporters_are_partial(s, raw):
    cov = s.coverage("ZAF", 2021).set_index("flow")
    exports = cov.loc["export"]
    assert exports["kinds"] == "own"
    assert bool(exports["complete"])
    assert exports["value_usd"] == pytest.approx(
        raw.query("t == 2021 and i == 710")["v"].sum() * 1e3
    )
    imports = cov.loc["import"]
    assert imports["kinds"] == "mirror"
    assert not bool(imports["complete"])
    assert imports["value_usd"] == pytest.approx(60_410)
    year = raw[raw["t"] == 2021]
    countries = set(year["i"]) | set(year["j"])
    # Every country of the 2021 records but South Africa could export to it; one does.
    assert imports["countries"] == len(countries - {710})
    assert imports["exporters"] == 1
    assert len(imports["missing"].split()) == len(countries - {710, 4})
    assert "Afghanistan" in imports["note"]
    assert imports["note"].startswith("Partial")
    balance = cov.loc["balance"]
    assert not bool(balance["complete"])
    assert pd.isna(balance["value_usd"])
    assert balance["note"].startswith("No balance: Partial")


def test_exports_only_reporter_has_no_imports_and_no_balance(s):
    cov = s.coverage("Moscow").set_index(["flow", "year"])
    assert bool(cov.loc[("export", 2020), "complete"])
    assert cov.loc[("import", 2020), "kinds"] == ""
    assert cov.loc[("import", 2020), "note"] == "No import records of Moscow are loaded for 2020."
    assert not bool(cov.loc[("balance", 2020), "complete"])


def test_tables_refuse_partial_imports_and_balance(s, raw):
    for flow in ("import", "balance"):
        with pytest.raises(PartialCoverageError, match=r"Partial: South Africa's imports in 2021"):
            s.table(reporter="ZAF", year=2021, flow=flow)
    with pytest.raises(PartialCoverageError, match="No import records of Moscow"):
        s.table(reporter="RU-MOW", year=2020, flow="balance")
    with pytest.raises(PartialCoverageError):
        s.series(reporter="ZAF", years=range(2020, 2022), flow="balance")
    # Asked for explicitly, the partial figure is what the loads hold: Afghanistan's exports.
    got = s.table(reporter="ZAF", year=2021, flow="import", by=["partner"], partial=True)
    assert got["partner"].tolist() == ["AFG"]
    assert got["value_usd"].sum() == pytest.approx(60_410)
    # Complete figures pass unchanged.
    assert s.table(reporter="ZAF", year=2021)["value_usd"].item() == pytest.approx(
        raw.query("t == 2021 and i == 710")["v"].sum() * 1e3
    )


def test_complete_own_flows_support_a_balance(demo_session):
    cov = demo_session.coverage("CHL", 2004).set_index("flow")
    assert cov["complete"].all()
    assert cov.loc["balance", "value_usd"] == pytest.approx(
        cov.loc["export", "value_usd"] - cov.loc["import", "value_usd"]
    )
    demo_session.table(reporter="CHL", year=2004, flow="balance")


def test_cli_coverage_and_table(db):
    runner = CliRunner()
    out = runner.invoke(app, ["--db", str(db), "coverage", "--reporter", "ZAF", "--year",
                              "2021", "--format", "json"])  # fmt: skip
    assert out.exit_code == 0, out.output
    assert '"flow": "import"' in out.stdout
    assert '"complete": false' in out.stdout
    # Without --reporter: scheme coverage, as before.
    schemes = runner.invoke(app, ["--db", str(db), "coverage", "--format", "csv"])
    assert schemes.exit_code == 0
    assert "scheme" in schemes.stdout.splitlines()[0]
    for flow in ("balance", "import"):
        refused = runner.invoke(app, ["--db", str(db), "table", "--reporter", "ZAF", "--year",
                                      "2021", "--flow", flow])  # fmt: skip
        assert refused.exit_code == 1
        assert "Partial: South Africa's imports in 2021" in refused.stderr
        assert "--partial" in refused.stderr
    moscow = runner.invoke(app, ["--db", str(db), "table", "--reporter", "RU-MOW", "--year",
                                 "2020", "--flow", "balance"])  # fmt: skip
    assert moscow.exit_code == 1
    assert "No import records of Moscow" in moscow.stderr
    asked = runner.invoke(app, ["--db", str(db), "table", "--reporter", "ZAF", "--year", "2021",
                                "--flow", "import", "--partial", "--format", "csv"])  # fmt: skip
    assert asked.exit_code == 0, asked.output
    assert "60410" in asked.stdout.replace(".0", "")
    assert "Partial figure: Partial: South Africa's imports" in asked.stderr


def test_a_country_that_only_imports_a_little_leaves_imports_whole(tmp_path):
    """Every country exports in the file but one territory that imports 0.01% of its value."""
    lines = ["t,i,j,k,v,q"]
    countries = {"710": "ZAF", "4": "AFG", "156": "CHN", "842": "USA"}
    for i in countries:
        for j in countries:
            if i != j:
                lines.append(f"2021,{i},{j},710812,1000,1")
    lines.append("2021,156,612,710812,1.2,1")  # Pitcairn (612) only receives goods
    path = tmp_path / "BACI_HS92_Y2021_full.csv"
    path.write_text("\n".join(lines) + "\n")
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([path], format="baci")
        row = s.coverage("ZAF", 2021).set_index("flow").loc["import"]
        assert bool(row["complete"])
        assert row["missing"] == "PCN"
        assert row["exporters"] == 3
        assert row["countries"] == 4
        assert "the other country (Pitcairn) exports nothing in them" in row["note"]
        assert s.table(reporter="ZAF", year=2021, flow="balance")["value_usd"].item() == 0.0
        # The same territory importing a tenth of the value is a missing exporter.
        big = path.with_name("BACI_HS92_Y2021_more.csv")
        big.write_text("t,i,j,k,v,q\n2021,842,612,711019,2000,1\n")
        s.load([big], format="baci")
        assert not bool(s.coverage("ZAF", 2021).set_index("flow").loc["import", "complete"])
