"""The command line: contracts of DESIGN.md, exit codes, one-sentence errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from hitex.cli import app
from tests.fixtures import flows_file

ROWS = [
    (2020, "", "RU-MOW", "CHN", "export", "841181", "563.31"),
    (2019, "", "RU-MOW", "CHN", "export", "841181", "460.22"),
    (2020, "", "RU-MOW", "IND", "export", "851762", "140.32"),
    (2019, "", "RU-MOW", "IND", "export", "851762", "86.08"),
    (2020, "", "RU-MOW", "Indai", "export", "851762", "1"),
]


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.duckdb")


def run(db, *args):
    return CliRunner().invoke(app, ["--db", db, *args])


def test_load_loads_rejects_table(db, tmp_path):
    path = flows_file(tmp_path / "moscow.csv", ROWS)
    r = run(db, "load", str(path), "--format", "flows")
    assert r.exit_code == 0, r.output
    assert "5 records read, 4 loaded, 1 rejected" in r.output
    loads = json.loads(run(db, "loads", "--format", "json").stdout)
    assert loads[0]["rows_read"] == loads[0]["rows_loaded"] + loads[0]["rows_rejected"] == 5
    assert {
        "id",
        "file",
        "sha256",
        "format",
        "rows_read",
        "rows_loaded",
        "rows_rejected",
        "status",
    } <= set(loads[0])
    rejects = json.loads(run(db, "rejects", "--load", "1", "--format", "json").stdout)
    assert rejects == [
        {
            "load_id": 1,
            "line": 6,
            "reason": "unknown partner 'Indai'. Did you mean 'India'?",
            "record": rejects[0]["record"],
        }
    ]
    out = run(
        db,
        "table",
        "--reporter",
        "RU-MOW",
        "--flow",
        "export",
        "--year",
        "2020",
        "--compare",
        "2019",
        "--by",
        "partner",
        "--format",
        "json",
    )
    rows = json.loads(out.stdout)
    assert list(rows[0])[:7] == [
        "partner",
        "partner_name",
        "value_usd",
        "base_value_usd",
        "growth_pct",
        "share_pct",
        "classifications",
    ]
    india = next(r for r in rows if r["partner"] == "IND")
    assert india["growth_pct"] == pytest.approx(63.01115241635688)  # 140.32 / 86.08 - 1
    assert india["share_pct"] == pytest.approx(140.32 / (563.31 + 140.32) * 100)
    csv = run(
        db, "table", "--reporter", "RU-MOW", "--year", "2020", "--by", "partner", "--format", "csv"
    ).stdout
    assert csv.splitlines()[0] == "partner,partner_name,value_usd,share_pct,classifications"


def test_user_errors_are_one_sentence_and_exit_1(db, tmp_path):
    missing = tmp_path / "nocol.csv"
    missing.write_text("year,reporter\n2020,RUS\n")
    r = run(db, "load", str(missing), "--format", "flows")
    assert r.exit_code == 1
    assert r.stderr.strip().startswith(
        "Error: nocol.csv has no columns 'partner', 'flow', 'product', 'value_usd'"
    )
    assert "Traceback" not in r.output
    r = run(db, "load", str(missing), "--format", "flowz")
    assert r.exit_code == 1
    assert "Did you mean 'flows'?" in r.stderr
    r = run(db, "table", "--reporter", "Rusia", "--year", "2020")
    assert r.exit_code == 1
    assert "Did you mean 'Russia'" in r.stderr


def test_groups_and_classify(db, tmp_path):
    listed = json.loads(run(db, "groups", "--format", "json").stdout)
    assert {"tech", "enduse", "techservices", "region", "bloc"} <= {g["scheme"] for g in listed}
    yaml = tmp_path / "g.yaml"
    yaml.write_text("scheme: mine\ngroups:\n  turbines: ['841181', '841182']\n")
    assert run(db, "groups", "add", str(yaml)).exit_code == 0
    mine = json.loads(run(db, "groups", "mine", "--format", "json").stdout)
    assert mine == [
        {
            "group_code": "turbines",
            "group_name": "turbines",
            "classification": "HS17",
            "products": 2,
            "codes": "841181 841182",
        }
    ]
    got = json.loads(run(db, "classify", "841181", "--format", "json").stdout)
    assert {r["scheme"]: r["group_code"] for r in got}["tech"] == "medium-high"
    assert run(db, "classify", "8411811").exit_code == 1


def test_listing_a_load_that_does_not_exist(db):
    r = run(db, "rejects", "--load", "99")
    assert r.exit_code == 1
    assert r.stderr.strip() == "Error: There is no load 99; `hitex loads` lists them."


def test_unknown_choice_lists_the_choices(db):
    r = run(db, "table", "--reporter", "RUS", "--year", "2020", "--by", "foo")
    assert r.exit_code == 1
    assert "Choose from: partner, product, group, region" in r.stderr


def test_months_on_annual_data_is_an_error_not_a_zero(db, tmp_path):
    run(db, "load", str(flows_file(tmp_path / "m.csv", ROWS[:2])), "--format", "flows")
    r = run(db, "table", "--reporter", "RU-MOW", "--year", "2020", "--months", "1-8")
    assert r.exit_code == 1
    assert "RU-MOW has no monthly records in the warehouse" in r.stderr
