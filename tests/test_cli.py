"""The command line: contracts of DESIGN.md, exit codes, one-sentence errors."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import hitex.cli as cli
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
            "code": "unknown_country",
            "field": "partner",
            "value": "Indai",
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


def test_a_load_budget_too_small_is_one_sentence(db, tmp_path, monkeypatch):
    real = Path(__file__).parent / "fixtures" / "baci" / "BACI_HS22_Y2022_V202401b_head.csv"
    path = tmp_path / real.name
    path.write_bytes(real.read_bytes())
    monkeypatch.setenv("HITEX_LOAD_MEMORY", "1MB")
    r = run(db, "load", str(path), "--format", "baci")
    assert r.exit_code == 1
    assert r.stderr.strip().startswith("Error: HITEX_LOAD_MEMORY='1MB' is too little memory")
    assert "Traceback" not in r.output
    monkeypatch.delenv("HITEX_LOAD_MEMORY")
    r = run(db, "load", str(path), "--format", "baci")
    assert r.exit_code == 0
    assert "9 records read, 9 loaded" in r.output


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
    run(db, "init")
    r = run(db, "rejects", "--load", "99")
    assert r.exit_code == 1
    assert r.stderr.strip() == "Error: There is no load 99; `hitex loads` lists them."


def test_unknown_choice_lists_the_choices(db):
    run(db, "init")
    r = run(db, "table", "--reporter", "RUS", "--year", "2020", "--by", "foo")
    assert r.exit_code == 1
    assert "Choose from: partner, product, group, region" in r.stderr


def test_months_on_annual_data_is_an_error_not_a_zero(db, tmp_path):
    run(db, "load", str(flows_file(tmp_path / "m.csv", ROWS[:2])), "--format", "flows")
    r = run(db, "table", "--reporter", "RU-MOW", "--year", "2020", "--months", "1-8")
    assert r.exit_code == 1
    assert "RU-MOW has no monthly records in the warehouse" in r.stderr


def test_version(db):
    r = run(db, "--version")
    assert r.exit_code == 0
    assert r.stdout.startswith("hitex 0.1.0 (reference data 2026.2+")


def test_money_is_rounded_to_cents_in_csv_and_json(db, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text(
        "year,reporter,partner,flow,product,value_usd\n"
        "2020,RUS,CHN,export,841181,6975516115.1\n2020,RUS,CHN,export,851762,0.82\n"
    )
    run(db, "load", str(path), "--format", "flows")
    out = json.loads(run(db, "table", "--reporter", "RUS", "--year", "2020", "-f", "json").stdout)
    assert out[0]["value_usd"] == 6975516115.92  # the float sum is 6975516115.920001
    csv_out = run(db, "table", "--reporter", "RUS", "--year", "2020", "-f", "csv").stdout
    assert "6975516115.92," in csv_out


def test_column_set_and_profile_options(db, tmp_path):
    path = tmp_path / "atlas.csv"
    path.write_text("origin,hs92,year,export_val\nRUS,841181,2010,500\nRUS,851762,2010,250\n")
    r = run(db, "load", str(path), "--format", "flows", "--column", "reporter=origin",
            "--column", "product=hs92", "--column", "value_usd=export_val", "--set", "partner=WLD",
            "--set", "flow=export", "--classification", "HS92")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "2 records read, 2 loaded, 0 rejected" in r.output
    profile = tmp_path / "atlas.yaml"
    profile.write_text(
        "columns: {reporter: origin, product: hs92, value_usd: export_val}\n"
        "set: {partner: WLD, flow: export}\n"
    )
    other = tmp_path / "atlas2.csv"
    other.write_text("origin,hs92,year,export_val\nRUS,841181,2011,700\n")
    r = run(db, "load", str(other), "--format", "flows", "--profile", str(profile),
            "--classification", "HS92")  # fmt: skip
    assert r.exit_code == 0, r.output
    out = json.loads(
        run(db, "table", "--reporter", "RUS", "--years", "2010-2011", "-f", "json").stdout
    )
    assert [(o["year"], o["value_usd"]) for o in out] == [(2010, 750.0), (2011, 700.0)]
    bad = run(db, "load", str(other), "--format", "flows", "--set", "partner")
    assert bad.exit_code == 1
    assert bad.stderr.strip() == (
        "Error: --set 'partner' is not NAME=VALUE (e.g. --set partner=WLD)."
    )


def test_a_question_about_an_absent_year_says_what_there_is(db, tmp_path):
    run(db, "load", str(flows_file(tmp_path / "m.csv", ROWS)), "--format", "flows")
    r = run(db, "table", "--reporter", "RU-MOW", "--year", "2031")
    assert r.exit_code == 1
    assert r.stderr.strip() == "Error: RU-MOW has no export records for 2031; it has 2019-2020."


def test_a_bug_shows_its_traceback_and_asks_for_a_report(monkeypatch, capsys):
    def broken() -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli, "app", broken)
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == 70
    err = capsys.readouterr().err
    assert "ZeroDivisionError: division by zero" in err
    assert "This is a bug in hitex, not a problem with your input." in err


def test_an_empty_selection_says_why(db, tmp_path):
    run(db, "load", str(flows_file(tmp_path / "m.csv", ROWS)), "--format", "flows")
    r = run(db, "table", "--reporter", "RU-MOW", "--year", "2020", "--groups", "tech",
            "--group", "low", "--format", "json")  # fmt: skip
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.strip() == (
        "Error: No export records of RU-MOW in 2020 with tech group 'low': the table is empty. "
        "Widen the selection (hitex groups lists the groups of each scheme)."
    )


def test_init_data_keeps_the_records_under_the_root_given(db, tmp_path):
    root = tmp_path / "shared"
    r = run(db, "init", "--data", str(root))
    assert r.exit_code == 0, r.output
    assert str(root.resolve()) in r.stderr
    assert (
        run(db, "load", str(flows_file(tmp_path / "m.csv", ROWS)), "--format", "flows").exit_code
        == 0
    )
    files = sorted(root.glob("flows/classification=*/year=*/load=1/*.parquet"))
    assert files
    with duckdb.connect() as con:
        listed = ", ".join(f"'{f}'" for f in files)
        (n,) = con.execute(f"SELECT count(*) FROM read_parquet([{listed}])").fetchone()
    loads = json.loads(run(db, "loads", "--format", "json").stdout)
    assert n == loads[0]["rows_loaded"]
    moved = run(db, "init", "--data", str(tmp_path / "elsewhere"))
    assert moved.exit_code == 1
    assert "already holds records" in moved.stderr


def test_a_load_whose_every_record_is_refused_exits_non_zero(db, tmp_path):
    bad = flows_file(
        tmp_path / "all-bad.csv",
        [(2020, "", "RU-MOW", "Indai", "export", "851762", "1"),
         (2020, "", "RU-MOW", "CHN", "export", "841181", "-5"),
         ("20x0", "", "RU-MOW", "CHN", "export", "841181", "7")],
    )  # fmt: skip
    good = flows_file(tmp_path / "good.csv", ROWS[:4])
    r = run(db, "load", str(bad), str(good), "--format", "flows")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert (
        "all-bad.csv: all 3 of its records were refused and nothing was loaded (load 1 keeps "
        "each refused record with its reason: hitex rejects --load 1)."
    ) in said
    # The other file is loaded in its own transaction.
    assert "good.csv - 4 records read, 4 loaded, 0 rejected" in said
    loads = json.loads(run(db, "loads", "--format", "json").stdout)
    assert [(x["file"], x["status"], x["rows_rejected"]) for x in loads] == [
        ("all-bad.csv", "refused", 3), ("good.csv", "loaded", 0)
    ]  # fmt: skip
    rejects = json.loads(run(db, "rejects", "--load", "1", "--format", "json").stdout)
    assert [(x["line"], x["field"]) for x in rejects] == [
        (2, "partner"), (3, "value_usd"), (4, "year")
    ]  # fmt: skip
    # The warehouse's figures are those of good.csv alone (counted by hand from ROWS).
    con = duckdb.connect(db, read_only=True)
    try:
        held = con.execute("SELECT count(*), sum(value_usd) FROM flows").fetchall()[0]
    finally:
        con.close()
    assert held == (4, pytest.approx(563.31 + 460.22 + 140.32 + 86.08))


def test_db_written_after_the_command_is_the_warehouse_used(db, tmp_path, monkeypatch):
    """``hitex load f.csv --db w.duckdb``: the option of hitex itself, after the command."""
    monkeypatch.chdir(tmp_path)
    path = flows_file(tmp_path / "moscow.csv", ROWS[:4])
    r = CliRunner().invoke(app, ["load", str(path), "--format", "flows", "--db", db])
    assert r.exit_code == 0, r.output
    assert Path(db).exists()
    assert not Path("hitex.duckdb").exists()
    r = CliRunner().invoke(app, ["table", f"--db={db}", "--reporter", "RU-MOW", "--year",
                                 "2020", "--by", "partner", "--format", "json"])  # fmt: skip
    assert r.exit_code == 0, r.output
    assert {row["partner"]: row["value_usd"] for row in json.loads(r.stdout)} == {
        "CHN": 563.31,
        "IND": 140.32,
    }
    r = CliRunner().invoke(app, ["loads", "--db"])
    assert r.exit_code == 2
    assert "--db" in r.output


def test_a_warehouse_in_a_folder_that_does_not_exist_is_one_sentence(tmp_path):
    db = tmp_path / "no-such-folder" / "hitex.duckdb"
    path = flows_file(tmp_path / "flows.csv", ROWS[:2])
    for args in (["init"], ["load", str(path), "--format", "flows"]):
        r = run(str(db), *args)
        assert r.exit_code == 1, r.output
        assert r.stderr.strip() == (
            f"Error: Cannot open warehouse {db}: the folder {db.parent} does not exist (create it, "
            "or give --db a file in a folder that does)."
        )
    assert not db.parent.exists()  # nothing was made of a mistyped path
    db.parent.mkdir()
    assert run(str(db), "load", str(path), "--format", "flows").exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ("table", "--reporter", "RU-MOW", "--year", "2020"),
        ("check", "ARTICLE"),
        ("report", "--reporter", "RU-MOW", "--year", "2020", "--out", "OUT"),
        ("loads",),
        ("coverage",),
    ],
)
def test_a_command_that_reads_refuses_a_warehouse_that_is_not_there(tmp_path, args):
    # A mistyped --db must not leave a new, empty warehouse behind and answer from it.
    article = tmp_path / "article.txt"
    article.write_text("Moscow's exports grew 30% in 2020.", encoding="utf-8")
    db = tmp_path / "typo.duckdb"
    given = {"ARTICLE": str(article), "OUT": str(tmp_path / "report.html")}
    r = run(str(db), *[given.get(a, a) for a in args])
    assert r.exit_code == 1, r.output
    assert r.stderr.strip() == (
        f"Error: No warehouse at {db}: hitex init creates one, hitex load fills it."
    )
    assert list(tmp_path.iterdir()) == [article]


def test_a_command_that_reads_says_it_in_russian_too(tmp_path):
    db = tmp_path / "опечатка.duckdb"
    r = CliRunner().invoke(app, ["--db", str(db), "loads", "--lang", "ru"])
    assert r.exit_code == 1, r.output
    assert r.stderr.strip() == (
        f"Ошибка: Хранилища {db} нет: его создаёт hitex init, наполняет hitex load."
    )
    assert not db.exists()
