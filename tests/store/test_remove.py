"""Undoing a load: its flows out, the flows it revised back, totals recomputed, in one step."""

from __future__ import annotations

import csv
import io
import json
import re

import duckdb
import pytest
from typer.testing import CliRunner

from hitex.cli import app
from hitex.errors import InputError
from tests.fixtures import FIXTURES

COMTRADE = FIXTURES / "comtrade"
HEADER = "year,reporter,partner,flow,product,value_usd\n"


def _flows(session) -> list[list]:
    return session.warehouse.sql(
        "SELECT reporter, partner, product, value_usd, load_id FROM flows ORDER BY ALL"
    ).values.tolist()


def test_remove_takes_the_flows_out_and_the_file_loads_again(session, tmp_path):
    a = tmp_path / "a.csv"
    a.write_text(HEADER + "2020,RUS,CHN,export,841181,10\n2020,RUS,IND,export,841181,5\n")
    (first,) = session.load([a], format="flows")
    message = session.remove(first.id)
    assert message == f"load {first.id}: a.csv - " + session.loads()["message"].item() + "."
    assert _flows(session) == []
    loads = session.loads()
    assert loads["status"].tolist() == ["removed"]
    (again,) = session.load([a], format="flows")
    assert (again.status, again.rows_loaded) == ("loaded", 2)
    assert [row[3] for row in _flows(session)] == [10.0, 5.0]


def test_remove_restores_what_a_revision_replaced(session, tmp_path):
    old = tmp_path / "old.csv"
    old.write_text(HEADER + "2020,RUS,CHN,export,841181,10\n2020,RUS,IND,export,841181,5\n")
    new = tmp_path / "new.csv"
    new.write_text(HEADER + "2020,RUS,CHN,export,841181,12\n")
    (a,) = session.load([old], format="flows")
    (b,) = session.load([new], format="flows", revise=True)
    assert b.rows_revised == 1
    session.remove(b.id)
    assert _flows(session) == [
        ["RUS", "CHN", "841181", 10.0, a.id],
        ["RUS", "IND", "841181", 5.0, a.id],
    ]
    assert session.warehouse.sql("SELECT count(*) AS n FROM revisions")["n"].item() == 0


def test_remove_recomputes_what_totals_leave_unallocated(session):
    world, usa = COMTRADE / "ind_2022_export_world.json", COMTRADE / "ind_2022_export_usa.json"
    _, u = session.load([world, usa], format="comtrade")
    value = json.loads(world.read_text(encoding="utf-8"))["data"][0]["primaryValue"]
    session.remove(u.id)
    table = session.table(reporter="IND", year=2022, by=["partner"])
    assert table[["partner", "value_usd"]].values.tolist() == [["WLD", value]]


def test_a_loads_files_leave_the_live_list_whole(session, tmp_path):
    path = tmp_path / "BACI_HS17_Y2020_V202301.csv"
    path.write_text("t,i,j,k,v,q\n2020,643,156,841181,10,1\n2020,643,699,851762,30,NA\n")
    (r,) = session.load([path], format="baci")
    (files,) = session.warehouse.spark_files()["flows"]
    assert f"/load={r.id}/" in files
    session.remove(r.id)
    assert session.warehouse.spark_files()["flows"] == []
    assert _flows(session) == []
    (again,) = session.load([path], format="baci")
    assert again.rows_loaded == 2


def test_only_a_loaded_load_can_be_removed(session, tmp_path):
    with pytest.raises(InputError, match="There is no load 7"):
        session.remove(7)
    a = tmp_path / "a.csv"
    a.write_text(HEADER + "2020,RUS,CHN,export,841181,10\n")
    (r,) = session.load([a], format="flows")
    session.remove(r.id)
    with pytest.raises(InputError, match="is removed: only a load with status loaded"):
        session.remove(r.id)


def test_cli_loads_remove(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    a = tmp_path / "a.csv"
    a.write_text(HEADER + "2020,RUS,CHN,export,841181,10\n")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "load", str(a), "--format", "flows"]).exit_code == 0
    r = runner.invoke(app, ["--db", db, "loads", "remove", "1"])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("load 1: a.csv - removed ")
    listed = runner.invoke(app, ["--db", db, "loads", "--format", "csv"]).stdout
    assert ",removed," in listed
    bad = runner.invoke(app, ["--db", db, "loads", "remov", "1"])
    assert bad.exit_code == 1
    assert "Did you mean 'remove'?" in bad.stderr


def _listed(db: str, *lang: str) -> list[tuple[str, str, str]]:
    out = CliRunner().invoke(app, ["--db", db, "loads", "--format", "csv", *lang]).stdout
    return [(r["id"], r["status"], r["message"]) for r in csv.DictReader(io.StringIO(out))]


WHEN = r"(\d{4}-\d\d-\d\d \d\d:\d\d)"


def test_loads_says_a_load_a_revision_and_a_removal_in_both_languages(tmp_path):
    db = str(tmp_path / "facts.duckdb")
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text(HEADER + "2020,RUS,CHN,export,841181,10\n2020,RUS,IND,export,841181,5\n")
    new.write_text(HEADER + "2020,RUS,CHN,export,841181,12\n")  # revises RUS-CHN of old.csv
    runner = CliRunner()
    for args in ([str(old)], [str(new), "--revise"]):
        assert runner.invoke(app, ["--db", db, "load", *args, "-f", "flows"]).exit_code == 0
    assert _listed(db) == _listed(db, "--lang", "ru") == [("1", "loaded", ""), ("2", "loaded", "")]
    said = runner.invoke(app, ["--db", db, "loads", "remove", "2"]).stdout
    # The revision's one flow out, the one flow of old.csv it had replaced back.
    found = re.fullmatch(
        f"load 2: new.csv - removed {WHEN}: 1 flows taken out, 1 flows it had revised restored.\n",
        said,
    )
    assert found, said
    when = found[1]
    english = f"removed {when}: 1 flows taken out, 1 flows it had revised restored"
    russian = f"отменена {when}: выведено потоков: 1, восстановлено заменённых ею потоков: 1"
    assert _listed(db)[1] == ("2", "removed", english)
    assert _listed(db, "--lang", "ru")[1] == ("2", "removed", russian)
    with duckdb.connect(db, read_only=True) as con:
        (stored,) = con.execute("SELECT facts FROM loads WHERE id = 2").fetchone()
    facts = {"removed_at": when, "flows_taken_out": 1, "flows_restored": 1}
    assert json.loads(stored) == facts

    # A warehouse of hitex before ``facts``: its removals are said from the English sentence,
    # read-only (not migrated) and once migrated (the column added, empty for the old rows).
    with duckdb.connect(db) as con:
        con.execute("ALTER TABLE loads DROP COLUMN facts")
    assert _listed(db, "--lang", "ru")[1] == ("2", "removed", russian)
    assert runner.invoke(app, ["--db", db, "loads", "remove", "1"]).exit_code == 0  # migrates
    with duckdb.connect(db, read_only=True) as con:
        stored = con.execute("SELECT facts FROM loads ORDER BY id").fetchall()
    assert stored[0][0] is not None
    assert stored[1] == (None,)
    (when1,) = re.fullmatch(f"removed {WHEN}: 2 flows taken out", _listed(db)[0][2]).groups()
    assert _listed(db, "--lang", "ru") == [
        ("1", "removed", f"отменена {when1}: выведено потоков: 2"),
        ("2", "removed", russian),
    ]
    assert _listed(db)[1] == ("2", "removed", english)
