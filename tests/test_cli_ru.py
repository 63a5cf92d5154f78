"""The command line in Russian: errors, partner group names and listings with ``--lang ru``.

Expected Russian names are read with DuckDB from the UN's M49 overview in Russian (matched to
the English one by region code), not asked of hitex.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import hitex
from hitex.cli import app
from tests.fixtures import flows_file

ROWS = [
    (2020, "", "RU-MOW", "CHN", "export", "841181", "563.31"),
    (2019, "", "RU-MOW", "CHN", "export", "841181", "460.22"),
    (2020, "", "RU-MOW", "IND", "export", "851762", "140.32"),
    (2019, "", "RU-MOW", "IND", "export", "851762", "86.08"),
]
M49 = Path(hitex.__file__).parent / "reference" / "data" / "country-codes"


def m49_ru(level: str = "Region") -> dict[str, str]:
    rows = duckdb.sql(
        f"""SELECT DISTINCT e."{level} Name", r."{level} Name"
        FROM read_csv('{M49 / "m49_overview_en.csv"}', all_varchar=true) e
        JOIN read_csv('{M49 / "m49_overview_ru.csv"}', all_varchar=true) r
        ON e."M49 Code" = r."M49 Code" WHERE e."{level} Name" IS NOT NULL"""
    ).fetchall()
    return {str(a): str(b) for a, b in rows}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("cli-ru")
    path = str(folder / "cli.duckdb")
    loaded = run(path, "load", str(flows_file(folder / "m.csv", ROWS)), "--format", "flows")
    assert loaded.exit_code == 0, loaded.output
    return path


def run(db: str, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, ["--db", db, *args], env=env)


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_an_unknown_partner_group_is_an_error_in_russian(db):
    r = run(db, "table", "--reporter", "RU-MOW", "--year", "2020", "--partner-group", "Asai",
            "--lang", "ru")  # fmt: skip
    assert r.exit_code == 1
    assert r.stdout == ""
    asia = m49_ru()["Asia"]
    assert one_line(r.stderr) == (
        f"Ошибка: Не найдено: группа партнёров «Asai». Возможно, имелось в виду «Asia» ({asia})?"
    )


def test_english_keeps_its_words(db):
    r = run(db, "table", "--reporter", "RU-MOW", "--year", "2020", "--partner-group", "Asai")
    assert r.exit_code == 1
    assert one_line(r.stderr) == "Error: Unknown partner group 'Asai'. Did you mean 'Asia'?"


def test_a_group_the_loads_do_not_hold_is_named_in_russian(db):
    r = run(db, "table", "--reporter", "RU-MOW", "--year", "2020", "--partner-group", "europe",
            "--lang", "ru")  # fmt: skip
    assert r.exit_code == 1
    said = one_line(r.stderr)
    europe = m49_ru()["Europe"]
    assert said.startswith(f"Ошибка: Загруженные данные не охватывают группу партнёров «{europe}».")
    assert "Error" not in said
    assert not re.search("europe", said, re.IGNORECASE)


def test_an_absent_year_is_said_in_russian(db):
    r = run(db, "table", "--reporter", "RU-MOW", "--year", "2031", "--lang", "ru")
    assert r.exit_code == 1
    said = one_line(r.stderr)
    assert said.startswith("Ошибка: ")
    assert said.endswith("(RU-MOW): нет записей (поток: экспорт) за 2031 г.; есть за 2019-2020.")


def test_an_empty_table_is_said_in_russian(db):
    r = run(db, "table", "--reporter", "RU-MOW", "--year", "2020", "--groups", "tech", "--group",
            "low", "--lang", "ru")  # fmt: skip
    assert r.exit_code == 1
    said = one_line(r.stderr)
    assert said.startswith("Ошибка: Таблица пуста.")
    assert "группа «low» схемы «Технологический уровень" in said
    assert "No export records" not in said


def test_hitex_lang_makes_errors_of_commands_without_lang_russian(db):
    r = run(db, "loads", "frob", env={"HITEX_LANG": "ru"})
    assert r.exit_code == 1
    assert one_line(r.stderr) == (
        "Ошибка: Не найдено: действие с загрузками «frob». Допустимые значения: «remove»."
    )
    r = run(db, "loads", "frob")
    assert one_line(r.stderr) == "Error: Unknown loads action 'frob'. Choose from: remove."


def test_an_unknown_command_is_offered_the_close_one_in_russian(db):
    # 'tabel'/'table': blocks "tab", "e" -> 2*4/10 = 0.8; every other command is under 0.6
    # (difflib's cutoff, as Click offers options), and case counts: 'TABLE' is offered nothing.
    r = run(db, "tabel", "--lang", "ru")
    assert one_line(r.stderr).endswith(
        "Ошибка: Нет команды «tabel». Возможно, имелось в виду «table»?"
    )
    r = run(db, "TABLE", "--lang", "ru")
    assert one_line(r.stderr).endswith("Ошибка: Нет команды «TABLE».")


def test_partner_groups_are_listed_with_russian_names(db):
    r = run(db, "groups", "region", "--lang", "ru", "--format", "csv")
    assert r.exit_code == 0, r.output
    listed = [row["group_name"] for row in csv.DictReader(io.StringIO(r.stdout))]
    assert sorted(listed) == sorted(m49_ru().values())
    r = run(db, "groups", "subregion", "--lang", "ru", "--format", "csv")
    listed = [row["group_name"] for row in csv.DictReader(io.StringIO(r.stdout))]
    assert sorted(listed) == sorted(m49_ru("Sub-region").values())
    assert not any(re.search("[A-Za-z]", name) for name in listed)


def test_a_table_by_region_names_regions_in_russian(db):
    r = run(db, "table", "--reporter", "RU-MOW", "--year", "2020", "--by", "region", "--lang",
            "ru", "--format", "csv")  # fmt: skip
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(row["region"], row["region_name"]) for row in rows] == [("Asia", m49_ru()["Asia"])]


def test_enterprise_groups_and_disclosure_control_are_said_in_russian(tmp_path):
    from hitex import demo  # noqa: PLC0415

    db = str(tmp_path / "firms.duckdb")
    flows, registry = demo.enterprise_files()
    assert run(db, "load", str(flows), "--format", "flows").exit_code == 0
    assert run(db, "firms", "add", str(registry)).exit_code == 0
    english = run(db, "table", "--reporter", "RU-SPE", "--year", "2020", "--firm-group",
                  "high-tech", "--by", "partner", "--format", "csv")  # fmt: skip
    r = run(db, "table", "--reporter", "RU-SPE", "--year", "2020", "--firm-group", "high-tech",
            "--by", "partner", "--lang", "ru", "--format", "csv")  # fmt: skip
    assert r.exit_code == 0, r.output
    said = one_line(r.stderr)
    assert said.startswith("Группа предприятий «high-tech», в каждом году — в составе того года")
    assert "Защита конфиденциальности: не публикуются показатели" in said
    assert not re.search("enterprise|Disclosure", said)
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    withheld = [row["suppression"] for row in rows if row["suppression"]]
    # The same cells are withheld in both languages; the reasons are Russian.
    assert len(withheld) == sum(1 for row in csv.DictReader(io.StringIO(english.stdout))
                                if row["suppression"])  # fmt: skip
    assert withheld
    assert not any(LATIN.search(w) for w in withheld), withheld


LATIN = re.compile("[A-Za-z]")


def test_a_load_is_summed_up_in_russian_with_hitex_lang(tmp_path):
    rows = [*ROWS, (2020, "", "RU-MOW", "Indai", "export", "851762", "1")]
    path = flows_file(tmp_path / "m.csv", rows)
    db = str(tmp_path / "load.duckdb")
    r = run(db, "load", str(path), "--format", "flows", env={"HITEX_LANG": "ru"})
    assert r.exit_code == 0, r.output
    assert one_line(r.stderr) == (
        "Загрузка 1: m.csv — прочитано записей: 5, загружено: 4, отклонено: 1 "
        "(см. hitex rejects --load 1)."
    )


def test_a_russian_load_summary_keeps_the_loads_message(tmp_path):
    # A real Comtrade answer with no records loads, and says so: in Russian on the Russian line.
    path = Path(__file__).parent / "fixtures" / "comtrade" / "services_empty.json"
    db = str(tmp_path / "load.duckdb")
    r = run(db, "load", str(path), "--format", "comtrade", env={"HITEX_LANG": "ru"})
    assert r.exit_code == 0, r.output
    assert one_line(r.stderr) == (
        "Загрузка 1: services_empty.json — прочитано записей: 0, загружено: 0, отклонено: 0; "
        "в файле нет записей."
    )


def headers(output: str) -> list[str]:
    """The header cells of a rich table: the lines between its top border and the rule below."""
    lines = output.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("┏"))
    rule = next(i for i, line in enumerate(lines) if line.startswith("┡"))
    cells = [
        [cell.strip() for cell in line.strip("┃").split("┃")] for line in lines[top + 1 : rule]
    ]
    return [" ".join(filter(None, column)) for column in zip(*cells, strict=True)]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            [
                "table",
                "--reporter",
                "RU-MOW",
                "--year",
                "2020",
                "--compare",
                "2019",
                "--by",
                "partner",
            ],
            [
                "Партнёр (код)",
                "Наименование партнёра",
                "Стоимость, долл.",
                "Стоимость в базовом году, долл.",
                "Рост, %",
                "Доля, %",
            ],
        ),
        (["coverage", "--reporter", "RU-MOW"], ["Поток", "Год", "Виды записей", "Полнота"]),
        (["coverage"], ["Схема (код)", "Результат", "Товаров", "Доля"]),
        (["rejects"], ["Загрузка", "Строка", "Причина", "Поле", "Значение"]),
        (["loads"], ["Номер", "Файл", "Строк прочитано", "Строк отклонено", "Сообщение"]),
        (["groups"], ["Вид", "Схема (код)", "Групп", "Коды товаров"]),
    ],
)
def test_a_terminal_table_in_russian_has_russian_headers_and_csv_keeps_the_codes(
    db, args, expected
):
    r = run(db, *args, "--lang", "ru", "--format", "table", env={"COLUMNS": "400"})
    assert r.exit_code == 0, r.output
    said = headers(r.output)
    for word in expected:
        assert word in said, (word, said)
    # Every header is Russian: the only Latin is the name of the hash, SHA-256.
    assert not [h for h in said if re.search(r"[A-Za-z]", h.replace("SHA-256", ""))], said
    english = headers(run(db, *args, "--format", "table", env={"COLUMNS": "400"}).output)
    assert len(said) == len(english)
    # CSV, what programs read, keeps the column names in Russian too.
    in_russian = run(db, *args, "--lang", "ru", "--format", "csv").stdout.splitlines()[0]
    assert in_russian == run(db, *args, "--format", "csv").stdout.splitlines()[0]
    assert set(english) <= set(in_russian.split(","))


def test_classify_in_russian_keeps_scheme_codes_as_headers(db):
    r = run(db, "classify", "841181", "--lang", "ru", "--format", "table", env={"COLUMNS": "400"})
    said = headers(r.output)
    assert said[:2] == ["Товар (код)", "Описание"]
    assert {"tech", "enduse"} <= set(said)  # what --groups takes, not words


def test_loads_in_russian_says_each_message_from_the_load(tmp_path):
    path = str(tmp_path / "loads.duckdb")
    data = flows_file(tmp_path / "twice.csv", ROWS)
    for _ in range(2):
        assert run(path, "load", str(data), "--format", "flows").exit_code == 0
    sha = hashlib.sha256(data.read_bytes()).hexdigest()
    rows = list(csv.DictReader(io.StringIO(run(path, "loads", "--lang", "ru", "-f", "csv").stdout)))
    assert [(r["id"], r["status"], r["message"]) for r in rows] == [
        ("1", "loaded", ""),
        ("2", "skipped", f"тот же файл (sha256 {sha[:12]}…) уже загружен как загрузка 1"),
    ]
    table = run(path, "loads", "--lang", "ru", "-f", "table", env={"COLUMNS": "400"}).output
    assert f"тот же файл (sha256 {sha[:12]}…)" in table  # the rest is cut to fit
    assert "was loaded" not in table
    english = list(csv.DictReader(io.StringIO(run(path, "loads", "-f", "csv").stdout)))
    assert english[1]["message"] == f"the same file (sha256 {sha[:12]}…) was loaded as load 1"
    # Removed: the four flows of the file's four records go, said in Russian with their count.
    assert run(path, "loads", "remove", "1").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run(path, "loads", "--lang", "ru", "-f", "csv").stdout)))
    assert rows[0]["status"] == "removed"
    assert re.fullmatch(
        r"отменена \d{4}-\d\d-\d\d \d\d:\d\d: выведено потоков: 4", rows[0]["message"]
    )
    assert rows[1]["message"].endswith("уже загружен как загрузка 1")


def test_a_terminal_table_in_russian_writes_numbers_as_russian_does(tmp_path):
    # 1,234,567.6 against 1,000,000: growth 23.45676% (by hand), the one partner's share 100%.
    rows = [(2020, "", "RU-MOW", "CHN", "export", "841181", "1234567.6"),
            (2019, "", "RU-MOW", "CHN", "export", "841181", "1000000")]  # fmt: skip
    path = str(tmp_path / "n.duckdb")
    assert (
        run(path, "load", str(flows_file(tmp_path / "n.csv", rows)), "-f", "flows").exit_code == 0
    )
    args = [
        "table",
        "--reporter",
        "RU-MOW",
        "--year",
        "2020",
        "--compare",
        "2019",
        "--by",
        "partner",
    ]
    env = {"COLUMNS": "400"}
    ru = run(path, *args, "--lang", "ru", "--format", "table", env=env).output
    en = run(path, *args, "--format", "table", env=env).output
    row = next(line for line in ru.splitlines() if "CHN" in line)
    assert [c.strip() for c in row.strip("│").split("│")][2:6] == [
        "1 234 568",
        "1 000 000",
        "23,5",
        "100,0",
    ]
    row = next(line for line in en.splitlines() if "CHN" in line)
    assert [c.strip() for c in row.strip("│").split("│")][2:6] == [
        "1,234,568",
        "1,000,000",
        "23.5",
        "100.0",
    ]
    # Pipes keep machine numbers in either language.
    numbers = ("value_usd", "base_value_usd", "growth_pct", "share_pct")
    csv_ru, csv_en = (
        [[row[c] for c in numbers] for row in csv.DictReader(io.StringIO(run(path, *a).stdout))]
        for a in ([*args, "--lang", "ru", "--format", "csv"], [*args, "--format", "csv"])
    )
    assert csv_ru == csv_en == [["1234567.6", "1000000.0", "23.5", "100.0"]]
