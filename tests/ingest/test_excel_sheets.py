"""A workbook of several sheets: the load says which sheet it read; --sheet chooses."""

from __future__ import annotations

import openpyxl
import pytest
from typer.testing import CliRunner

from hitex.cli import app
from hitex.errors import HitexError

HEADER = ("year", "reporter", "partner", "flow", "product", "value_usd")


def _book(path):
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Notes"
    notes.append(HEADER)
    notes.append((2020, "RUS", "CHN", "export", "841181", 10))
    data = book.create_sheet("Data")
    data.append(HEADER)
    data.append((2021, "RUS", "CHN", "export", "841181", 7))
    data.append((2021, "RUS", "IND", "export", "841181", 3))
    book.save(path)
    return path


def test_the_load_says_which_sheet_it_read(session, tmp_path):
    path = _book(tmp_path / "book.xlsx")
    (r,) = session.load([path], format="flows")
    assert r.rows_loaded == 1
    assert "read sheet 'Notes' (also in the workbook: 'Data'; choose with --sheet)" in r.message
    assert "read sheet 'Notes'" in r.summary()


def test_sheet_chooses(session, tmp_path):
    path = _book(tmp_path / "book.xlsx")
    (r,) = session.load([path], format="flows", sheet="Data")
    assert (r.rows_read, r.rows_loaded) == (2, 2)
    got = session.warehouse.sql("SELECT year, value_usd FROM flows ORDER BY value_usd")
    assert got.values.tolist() == [[2021, 3.0], [2021, 7.0]]
    assert '"sheet": "Data"' in session.loads()["options"].item()


def test_an_unknown_sheet_is_named_with_the_sheets_there(session, tmp_path):
    path = _book(tmp_path / "book.xlsx")
    with pytest.raises(HitexError, match=r"'Dta'.*Did you mean 'Data'\?"):
        session.load([path], format="flows", sheet="Dta")


def test_cli_sheet_option(tmp_path):
    path = _book(tmp_path / "book.xlsx")
    db = str(tmp_path / "cli.duckdb")
    r = CliRunner().invoke(app, ["--db", db, "load", str(path), "-f", "flows", "--sheet", "Data"])
    assert r.exit_code == 0, r.output
    assert "2 loaded" in r.stderr


def test_a_profile_names_the_sheet(tmp_path):
    path = _book(tmp_path / "book.xlsx")
    profile = tmp_path / "book.yaml"
    profile.write_text("sheet: Data\n", encoding="utf-8")
    db = str(tmp_path / "cli.duckdb")
    args = ["--db", db, "load", str(path), "-f", "flows", "--profile", str(profile)]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    assert "2 loaded" in r.stderr
