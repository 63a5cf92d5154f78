"""``hitex load`` without ``--format``: each file's format told from its name and columns.

Expected counts are the raw files' own (pandas reading them), never hitex's.
"""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

import hitex
from hitex.cli import app
from tests.fixtures import FIXTURES, latin_words, write_csv

DEMO = FIXTURES.parent.parent / "src" / "hitex" / "demo" / "data"


def run(db, *args):
    return CliRunner().invoke(app, ["--db", db, *args])


@pytest.mark.parametrize(
    ("path", "expected", "records"),
    [
        # A BACI year file: by its name (every line a record).
        (FIXTURES / "baci" / "BACI_HS92_Y2021_extract.csv", "baci", None),
        # Comtrade's legacy bulk CSV and an API answer (JSON: only comtrade reads JSON).
        (FIXTURES / "comtrade" / "legacy_hs_01_2016_world.csv", "comtrade", None),
        (FIXTURES / "comtrade" / "ind_2022_export_usa.json", "comtrade", "data"),
        # hitex's own fields: the bundled Chile-Argentina sample.
        (DEMO / "chl_arg_2002.csv", "flows", None),
    ],
    ids=["baci", "comtrade-csv", "comtrade-json", "flows"],
)
def test_a_file_loads_in_the_format_its_name_and_columns_tell(tmp_path, path, expected, records):
    db = str(tmp_path / "w.duckdb")
    r = run(db, "load", str(path))
    assert r.exit_code == 0, r.output
    assert f"{path.name}: read as {expected}" in r.output
    loads = json.loads(run(db, "loads", "--format", "json").stdout)
    assert [x["format"] for x in loads] == [expected]
    if records is None:
        raw = len(pd.read_csv(path, dtype=str, keep_default_na=False))
    else:
        raw = len(json.loads(path.read_text(encoding="utf-8"))[records])
    assert loads[0]["rows_read"] == raw
    # The same file with --format named loads the same records.
    other = str(tmp_path / "named.duckdb")
    assert run(other, "load", str(path), "--format", expected).exit_code == 0
    named = json.loads(run(other, "loads", "--format", "json").stdout)
    assert named[0]["rows_loaded"] == loads[0]["rows_loaded"]


def test_a_baci_file_renamed_is_told_by_its_columns(tmp_path):
    renamed = shutil.copy(FIXTURES / "baci" / "BACI_HS92_Y2021_extract.csv", tmp_path / "x.csv")
    with hitex.open(tmp_path / "w.duckdb") as s:
        assert s.format_of(renamed) == "baci"


def test_columns_no_format_reads_stop_the_load_in_one_sentence(tmp_path):
    path = FIXTURES / "tradestatistics" / "yrpc_chl_arg_2002.csv"
    db = str(tmp_path / "w.duckdb")
    r = run(db, "load", str(path))
    assert r.exit_code == 1
    message = " ".join(r.output.split())
    header = pd.read_csv(path, nrows=0).columns
    assert message.startswith(f"Error: {path.name}: cannot tell its format from its columns (")
    assert ", ".join(header) in message
    assert "give --format baci, comtrade or flows" in message
    # As close as comtrade (each reads 'year' alone): hitex's own fields, mapped with --column.
    assert "(the closest, flows, lacks 'reporter', 'partner', 'flow', 'product'" in message
    assert json.loads(run(db, "loads", "--format", "json").stdout) == []
    ru = run(db, "load", str(path), "--lang", "ru")
    assert ru.exit_code == 1
    said = " ".join(ru.output.split())
    assert said.startswith(f"Ошибка: {path.name}: формат не определить по столбцам («year», ")
    assert "укажите --format «baci», «comtrade» или «flows»" in said
    assert latin_words(said) == []


def test_columns_the_user_maps_are_read_as_hitex_fields(tmp_path):
    path = FIXTURES / "tradestatistics" / "yrpc_chl_arg_2002.csv"
    db = str(tmp_path / "w.duckdb")
    args = ["--column", "reporter=reporter_iso", "--column", "partner=partner_iso",
            "--column", "product=commodity_code", "--column", "value_usd=trade_value_usd_exp",
            "--set", "flow=export"]  # fmt: skip
    r = run(db, "load", str(path), *args)
    assert r.exit_code == 0, r.output
    assert f"{path.name}: read as flows" in r.output
    raw = pd.read_csv(path, dtype={"commodity_code": str})
    loads = json.loads(run(db, "loads", "--format", "json").stdout)
    assert loads[0]["rows_read"] == len(raw)


def test_a_file_two_formats_read_alike_is_read_as_hitex_fields(tmp_path):
    # Comtrade's and hitex's own year, reporter, partner, flow, product and value columns:
    # each format reads four of the six; nothing says which is meant.
    path = write_csv(
        tmp_path / "both.csv",
        ["year", "reporter", "partner", "flowCode", "cmdCode", "primaryValue", "product",
         "value_usd", "flow"],
        [[2020, "CHL", "ARG", "X", "0101", 1, "0101", 1, "export"]],
    )  # fmt: skip
    with hitex.open(tmp_path / "w.duckdb") as s:
        assert s.format_of(path) == "flows"  # hitex's own fields win a tie


def test_the_warehouse_draws_no_bar_of_its_own_on_standard_output(tmp_path):
    with hitex.open(tmp_path / "w.duckdb") as s:
        con = s.warehouse.con
        assert con.execute("SELECT current_setting('enable_progress_bar')").fetchone() == (False,)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_missing_or_empty_file_reads_as_with_a_format(tmp_path, lang):
    (tmp_path / "empty.csv").write_bytes(b"")
    for name in ("empty.csv", "absent.csv"):
        path = str(tmp_path / name)
        told = run(str(tmp_path / "w.duckdb"), "load", path, "--lang", lang)
        named = run(str(tmp_path / "w.duckdb"), "load", path, "--format", "flows", "--lang", lang)
        assert told.exit_code == named.exit_code == 1
        assert told.output == named.output
