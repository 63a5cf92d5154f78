"""``lang=ru`` on the API's table and series: names (and CSV downloads) in Russian."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from hitex.cli import app

GROUPS_RU = Path(__file__).parents[2] / "src/hitex/reference/data/names-ru/groups_ru.csv"


def _tech_ru() -> dict[str, str]:
    with GROUPS_RU.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["scheme"] == "tech"]
    return {r["code"]: r["name_ru"][0].upper() + r["name_ru"][1:] for r in rows}


def test_table_names_in_russian(reader):
    params = {"reporter": "CHL", "year": 2004, "by": "group", "groups": "tech"}
    en = reader.get("/api/table", params=params).json()
    ru = reader.get("/api/table", params={**params, "lang": "ru"}).json()
    assert [r["value_usd"] for r in ru] == [r["value_usd"] for r in en]
    assert {r["group"]: r["group_name"] for r in ru} == {
        k: v for k, v in _tech_ru().items() if k in {r["group"] for r in ru}}  # fmt: skip
    assert en[0]["group_name"] != ru[0]["group_name"]


def test_csv_download_and_series_in_russian(reader):
    params = {"reporter": "CHL", "year": 2004, "by": "partner", "lang": "ru", "format": "csv"}
    r = reader.get("/api/table", params=params)
    frame = pd.read_csv(io.StringIO(r.text), dtype=str)
    assert frame.loc[frame["partner"] == "ARG", "partner_name"].item() == "Аргентина"
    series = reader.get("/api/series", params={"reporter": "CHL", "years": "2002-2004",
                                               "by": "partner", "lang": "ru"}).json()  # fmt: skip
    assert {r["partner_name"] for r in series} == {"Аргентина"}


def test_unknown_language_is_a_4xx(reader):
    r = reader.get("/api/table", params={"reporter": "CHL", "year": 2004, "lang": "de"})
    assert r.status_code == 422
    assert "lang" in r.text


def test_cli_lang_and_hitex_lang(demo_db):
    args = ["--db", str(demo_db), "table", "--reporter", "CHL", "--year", "2004", "--by",
            "group", "--groups", "tech", "--format", "csv"]  # fmt: skip
    runner = CliRunner()
    by_option = runner.invoke(app, [*args, "--lang", "ru"])
    by_env = runner.invoke(app, args, env={"HITEX_LANG": "ru"})
    english = runner.invoke(app, args, env={"HITEX_LANG": ""})
    assert by_option.exit_code == 0, by_option.output
    assert by_option.stdout == by_env.stdout
    frame = pd.read_csv(io.StringIO(by_option.stdout), dtype=str)
    assert set(frame["group_name"]) <= set(_tech_ru().values())
    assert "High technology" in english.stdout
    classify = runner.invoke(app, ["--db", str(demo_db), "classify", "841181", "--format",
                                   "csv", "--lang", "ru"])  # fmt: skip
    rows = pd.read_csv(io.StringIO(classify.stdout), dtype=str).set_index("scheme")
    assert rows.loc["tech", "group_name"] == _tech_ru()["medium-high"]
    assert rows.loc["hs-heading", "group_name"].startswith("Двигатели турбореактивные")
    wrong = runner.invoke(app, ["--db", str(demo_db), "groups", "tech", "--lang", "de"])
    assert wrong.exit_code != 0
    assert "--lang 'de'" in wrong.output


def test_report_language_defaults_to_hitex_lang(demo_db, tmp_path):
    out = tmp_path / "chl.md"
    r = CliRunner().invoke(app, ["--db", str(demo_db), "report", "--reporter", "CHL", "--year",
                                 "2004", "--out", str(out)], env={"HITEX_LANG": "ru"})  # fmt: skip
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("# Экспорт Чили, 2004 г.")
