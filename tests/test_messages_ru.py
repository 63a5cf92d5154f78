"""Russian as a first language: coverage notes, partial figures, load errors and listings.

Each Russian sentence is checked twice: its facts (counts and country names) against the raw
file read with pandas or DuckDB, and that no English word is left in it once codes, file
names, options and quoted values are set aside (:func:`tests.fixtures.latin_words`).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

import hitex
from hitex import demo
from hitex.cli import app
from hitex.errors import BadFileError, PartialCoverageError
from tests.fixtures import FLOWS_HEADER, flows_file, latin_words, write_csv

BACI = Path(__file__).parent / "fixtures" / "baci" / "BACI_HS92_two_exporters_2020_2021.csv"
DATA = Path(hitex.__file__).parent / "reference" / "data"


def russian_name(iso3: str) -> str:
    """A country's Russian name from the UN's M49 overview in Russian, read with DuckDB."""
    (row,) = duckdb.sql(
        f"""SELECT "Country or Area" FROM read_csv('{
            DATA / "country-codes" / "m49_overview_ru.csv"
        }', all_varchar=true) WHERE "ISO-alpha3 Code" = ?""",
        params=[iso3],
    ).fetchall()
    return str(row[0])


def of_countries(n: int) -> str:
    """ "Of N countries" in Russian, by hand: из 21 страны, из 5 стран."""
    return "страны" if n % 10 == 1 and n % 100 != 11 else "стран"


def exporters_gen(n: int) -> str:
    return "экспортёра" if n % 10 == 1 and n % 100 != 11 else "экспортёров"


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    return pd.read_csv(BACI, dtype={"k": str})


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("messages-ru") / "w.duckdb"
    with hitex.open(path) as s:
        s.load([BACI], format="baci")
        s.load([demo.moscow_file()], format="flows")
    return path


@pytest.fixture(scope="module")
def s(db: Path):
    session = hitex.open(db, read_only=True)
    yield session
    session.close()


@pytest.fixture(scope="module")
def facts(raw: pd.DataFrame) -> dict[str, object]:
    """South Africa's 2021 imports in the raw file: who exports to it, out of how many."""
    year = raw[raw["t"] == 2021]
    countries = (set(year["i"]) | set(year["j"])) - {710}
    exporters = set(year.loc[year["j"] == 710, "i"])
    codes = pd.read_csv(DATA / "baci-reference" / "country_codes_V202301.csv", dtype=str)
    iso = dict(zip(codes["country_code"].astype(int), codes["iso_3digit_alpha"], strict=True))
    return {"countries": len(countries), "exporters": sorted(iso[e] for e in exporters),
            "missing": len(countries) - len(set(year["i"]) - {710})}  # fmt: skip


def run(db: Path, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, ["--db", str(db), *args], env=env)


def test_the_coverage_note_of_partial_imports_is_russian_and_states_the_facts(s, facts):
    cov = s.coverage("ZAF", 2021, lang="ru").set_index("flow")
    note = str(cov.loc["import", "note"])
    n, exporters, missing = facts["countries"], facts["exporters"], facts["missing"]
    assert exporters == ["AFG"]
    assert note == (
        f"{russian_name('ZAF')}, импорт за 2021 г.: неполные данные — только зеркальные записи, "
        f"то есть экспорт в эту страну 1 из {n} {of_countries(n)}, которые есть в загрузках 2021 г. "
        f"({russian_name('AFG')}); не загружены данные ещё {missing} {exporters_gen(missing)}."
    )
    assert latin_words(note) == []
    balance = str(cov.loc["balance", "note"])
    assert balance == f"Сальдо не указывается. {note}"
    # The same facts as the English note, and the flags do not depend on the language.
    english = s.coverage("ZAF", 2021).set_index("flow")
    assert english.drop(columns="note").equals(cov.drop(columns="note"))
    assert f"of the {n} countries" in english.loc["import", "note"]
    own = str(cov.loc["export", "note"])
    assert own == f"{russian_name('ZAF')}, экспорт за 2021 г.: собственные записи страны."


def test_a_reporter_with_exports_only_is_said_in_russian(s):
    moscow = pd.read_csv(DATA / "subdivisions" / "iso3166_2.csv", dtype=str)
    name = moscow.loc[moscow["code"] == "RU-MOW", "name_ru"].item()
    cov = s.coverage("RU-MOW", lang="ru").set_index(["flow", "year"])
    assert cov.loc[("import", 2020), "note"] == f"{name}, импорт за 2020 г.: записи не загружены."
    assert str(cov.loc[("balance", 2020), "note"]).startswith("Сальдо не указывается. ")


def test_a_partial_figure_is_refused_in_russian(s, facts):
    with pytest.raises(PartialCoverageError) as refused:
        s.table(reporter="ZAF", year=2021, flow="import")
    ru = refused.value.text("ru")
    assert ru.startswith(f"{russian_name('ZAF')}, импорт за 2021 г.: неполные данные")
    assert f"1 из {facts['countries']} " in ru
    assert ru.endswith("Импорт целиком не указывается; то, что содержат загрузки, покажет "
                       "--partial (в API: partial=true).")  # fmt: skip
    assert latin_words(ru) == []
    assert str(refused.value).startswith("Partial: South Africa's imports")


def test_cli_refuses_and_covers_in_russian(db, facts):
    refused = run(db, "table", "--reporter", "ZAF", "--year", "2021", "--flow", "import",
                  "--lang", "ru")  # fmt: skip
    assert refused.exit_code != 0
    said = " ".join(refused.output.split())
    assert said.startswith(f"Ошибка: {russian_name('ZAF')}, импорт за 2021 г.: неполные данные")
    assert latin_words(said) == []

    partial = run(db, "table", "--reporter", "ZAF", "--year", "2021", "--flow", "import",
                  "--partial", "--lang", "ru", "--format", "csv")  # fmt: skip
    assert partial.exit_code == 0, partial.output
    line = next(x for x in partial.output.splitlines() if x.startswith("Неполный показатель"))
    assert f"({russian_name('AFG')})" in line
    assert latin_words(line) == []

    listed = run(db, "coverage", "--reporter", "ZAF", "--year", "2021", "--lang", "ru",
                 "--format", "csv")  # fmt: skip
    assert listed.exit_code == 0, listed.output
    rows = {r["flow"]: r for r in csv.DictReader(io.StringIO(listed.output))}
    assert rows["import"]["exporters"] == "1"
    assert rows["import"]["countries"] == str(facts["countries"])
    for row in rows.values():
        assert latin_words(row["note"]) == [], row["note"]


def test_groups_lists_kinds_and_sources_in_russian(tmp_path):
    db = tmp_path / "groups.duckdb"
    listed = run(db, "groups", "--lang", "ru", "--format", "csv")
    assert listed.exit_code == 0, listed.output
    rows = list(csv.DictReader(io.StringIO(listed.output)))
    assert {r["kind"] for r in rows} == {"товары", "партнёры"}
    assert {r["source"] for r in rows} == {"встроенная"}
    english = list(csv.DictReader(io.StringIO(run(db, "groups", "--format", "csv").output)))
    assert [r["scheme"] for r in english] == [r["scheme"] for r in rows]
    assert {r["kind"] for r in english} == {"product", "partner"}


# -- loads ---------------------------------------------------------------------------------
RU = {"HITEX_LANG": "ru"}


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    return tmp_path / "load.duckdb"


def test_missing_columns_are_named_in_russian(empty_db, tmp_path):
    bad = write_csv(tmp_path / "bad.csv", ["hs6", "value"], [["851762", "10"]])
    result = run(empty_db, "load", str(bad), "--format", "flows", env=RU)
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    # The flows format's columns (docs/load.md), less the optional month: none is in the file.
    columns = list(pd.read_csv(bad, nrows=0).columns)
    required = [c for c in FLOWS_HEADER if c != "month" and c not in columns]
    assert said.startswith(
        f"Ошибка: bad.csv: нет столбцов {', '.join(repr(c) for c in required)} (найдены "
        f"столбцы: {', '.join(repr(c) for c in columns)}); похожие на них столбцы — "
        "'product': 'hs6'; 'value_usd': 'value'; сопоставьте свои столбцы через --column"
    ), said
    assert latin_words(said) == []
    english = run(empty_db, "load", str(bad), "--format", "flows")
    assert "has no columns 'year'" in english.output


@pytest.mark.parametrize(
    ("name", "content", "options", "start"),
    [
        ("notzip.zip", b"plain text, not a zip", ["--format", "baci"],
         "Ошибка: notzip.zip не читается как ZIP-архив"),
        ("other.zip", None, ["--format", "flows"],
         "Ошибка: other.zip — ZIP-архив: hitex загружает только ZIP-архивы выпусков BACI"),
        ("flows.csv", b"year,reporter\n2020,RUS\n", ["--format", "flows", "--encoding", "klingon"],
         "Ошибка: Неизвестная кодировка 'klingon' (файл flows.csv)."),
        ("empty.csv", b"", ["--format", "flows"],
         "Ошибка: empty.csv: файл пуст: в нём нет ни заголовка, ни записей."),
        ("nothere.csv", None, ["--format", "flows"], "Ошибка: "),
    ],
)  # fmt: skip
def test_unreadable_files_are_refused_in_russian(empty_db, tmp_path, name, content, options,
                                                 start):  # fmt: skip
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    elif name.endswith(".zip"):
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("a.csv", "x\n1\n")
    result = run(empty_db, "load", str(path), *options, env=RU)
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    assert said.startswith(start), said
    # The library's own words may follow in quotes; nothing else stays English.
    assert latin_words(said.replace(str(tmp_path), "")) == [], said


def test_a_file_that_does_not_exist_is_said_in_russian(tmp_path):
    with hitex.open(tmp_path / "w.duckdb") as s, pytest.raises(BadFileError) as missing:
        s.load([tmp_path / "nothere.csv"], format="flows")
    assert missing.value.text("ru") == (
        f"{tmp_path / 'nothere.csv'}: такого файла нет (или это не файл)."
    )


def test_a_refused_load_and_a_header_only_file_are_summarised_in_russian(empty_db, tmp_path):
    # Every record names a partner no country table knows: all are refused.
    rows = [(2020, "", "RUS", "Atlantis", "export", "851762", "10"),
            (2020, "", "RUS", "Lemuria", "export", "851762", "20")]  # fmt: skip
    refused = flows_file(tmp_path / "refused.csv", rows)
    result = run(empty_db, "load", str(refused), "--format", "flows", env=RU)
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    lines = len(pd.read_csv(refused))
    assert f"refused.csv: отклонены все его записи ({lines}), ничего не загружено" in said
    assert latin_words(said) == []

    header = write_csv(tmp_path / "header.csv", FLOWS_HEADER, [])
    result = run(empty_db, "load", str(header), "--format", "flows", env=RU)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert re.search(r"Загрузка \d+: header\.csv — прочитано записей: 0, загружено: 0, "
                     r"отклонено: 0\.", said), said  # fmt: skip
    assert latin_words(said) == []

    again = run(empty_db, "load", str(header), "--format", "flows", env=RU)
    said = " ".join(again.output.split())
    assert "header.csv: тот же файл (sha256 " in said
    assert said.endswith("ничего не добавлено.")
    assert latin_words(said) == []


def test_mirrored_imports_whole_or_nearly_whole_are_said_in_russian(tmp_path):
    # Chile (152) and Argentina (32) export to Brazil (76); Peru (604) only imports, a
    # thousand dollars against a year of over two billion: it exports nothing in the file.
    rows = [(2021, 152, 76, "847120", 1_000_000.0, 1.0), (2021, 32, 76, "847120", 1_200_000.0, 1.0),
            (2021, 76, 152, "300490", 500.0, 1.0), (2021, 152, 604, "300490", 1.0, 1.0)]  # fmt: skip
    path = write_csv(tmp_path / "BACI_HS92_Y2021_V202401.csv", ["t", "i", "j", "k", "v", "q"], rows)
    raw = pd.read_csv(path)
    exporters = set(raw["i"])
    peru_share = raw.loc[raw["j"] == 604, "v"].sum() / raw["v"].sum()
    assert peru_share < 0.001
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([path], format="baci")
        brazil = s.coverage("BRA", 2021, lang="ru").set_index("flow").loc["import"]
    assert bool(brazil["complete"])
    n = len((set(raw["i"]) | set(raw["j"])) - {76})
    held = len(exporters - {76})
    share = f"{peru_share * 100:.2g}".replace(".", ",")
    assert brazil["note"] == (
        f"{russian_name('BRA')}, импорт за 2021 г.: зеркальные записи — экспорт в эту страну "
        f"{held} из {n} {of_countries(n)}, которые есть в загрузках 2021 г.; ещё 1 страна "
        f"({russian_name('PER')}) в этих загрузках только импортирует ({share}% стоимости года) "
        "и ничего не экспортирует."
    )
    assert latin_words(str(brazil["note"])) == []


def test_mirrored_imports_from_every_country_are_said_in_russian(tmp_path):
    extract = Path(__file__).parent / "fixtures" / "baci" / "BACI_HS92_Y2021_extract.csv"
    raw = pd.read_csv(extract)
    others = (set(raw["i"]) | set(raw["j"])) - {842}
    assert others <= set(raw["i"])  # every other country of the file exports in it
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([extract], format="baci")
        usa = s.coverage("USA", 2021, lang="ru").set_index("flow").loc["import"]
    n = len(others)
    assert bool(usa["complete"])
    assert usa["note"] == (
        f"{russian_name('USA')}, импорт за 2021 г.: зеркальные записи — экспорт в эту страну "
        f"всех {n} {of_countries(n)}, которые есть в загрузках 2021 г. (согласованный источник, "
        "стоимость ФОБ)."
    )
    assert latin_words(str(usa["note"])) == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["table", "--reporter", "RUS", "--years", "2021-2019"],
         "Ошибка: --years '2021-2019': годы идут в обратном порядке; задайте ПЕРВЫЙ-ПОСЛЕДНИЙ."),
        (["table", "--reporter", "RUS", "--year", "2020", "--months", "May"],
         "Ошибка: --months 'May' — не диапазон месяцев вида 1-8."),
        (["rejects", "--load", "99"],
         "Ошибка: Загрузки 99 нет; список загрузок выводит `hitex loads`."),
        (["load", "x.csv", "--format", "flows", "--column", "reporter"],
         "Ошибка: --column 'reporter': нужно ИМЯ=ЗНАЧЕНИЕ (например, --column partner=WLD)."),
    ],
)  # fmt: skip
def test_option_errors_are_said_in_russian(empty_db, args, expected):
    run(empty_db, "init")  # a warehouse there: the option is what is wrong
    result = run(empty_db, *args, env=RU)
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    assert said == expected
    assert latin_words(said, allowed=["May"]) == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--months", "13"], "Ошибка: Месяцы 13-13 — не диапазон в пределах 1-12."),
        (["--by", "group"], "Ошибка: --by group требует --groups СХЕМА (например, --groups tech)."),
        (["--group", "ICT"], "Ошибка: --group требует --groups СХЕМА: из какой схемы эта группа."),
    ],
)  # fmt: skip
def test_query_errors_are_said_in_russian(db, args, expected):
    result = run(db, "table", "--reporter", "ZAF", "--year", "2021", *args, env=RU)
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    assert said == expected
    assert latin_words(said, allowed=["group", "groups", "tech", "ICT"]) == []


def test_a_warehouse_copied_without_its_records_is_said_in_russian(db, tmp_path):
    # The warehouse file alone, without DB.data beside it: every record file is missing.
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    root = Path(f"{db}.data")
    files = sorted(root.glob("flows/**/*.parquet"))
    assert files
    result = run(copy, "table", "--reporter", "ZAF", "--year", "2021", env=RU)
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    assert said.startswith("Ошибка: Из файлов записей, которые числятся в хранилище под ")
    assert f"(всего: {len(files)}), нет на месте: {len(files)} (первый: " in said
    assert said.endswith("или открывают там, где он лежит.")
    assert latin_words(said, allowed=["DB", "data"]) == []  # DB.data and the paths


#: Refused records of a flows file, each with the Russian reason written by hand.
REFUSED = [
    ((2020, "", "RUS", "Atlantis", "export", "851762", "10"),
     "неизвестная страна-партнёр «Atlantis»"),
    ((2020, "", "RUS", "Frnace", "export", "851762", "10"),
     "неизвестная страна-партнёр «Frnace». Возможно, имелось в виду «France»?"),
    ((2020, "", "RUS", "CHN", "export", "851762", "-5"), "отрицательная стоимость -5"),
    (("abc", "", "RUS", "CHN", "export", "851762", "10"),
     "год «abc» — не год (допустимы годы с 1900 по 2100)"),
    ((2020, 13, "RUS", "CHN", "export", "851762", "10"), "месяц «13» — вне диапазона 1–12"),
    ((2020, "", "", "CHN", "export", "851762", "10"), "отчитывающаяся страна не указана"),
    ((2020, "", "RUS", "CHN", "exprot", "851762", "10"),
     "неизвестное направление потока «exprot»"),
    ((2020, "", "RUS", "CHN", "export", "XYZ", "10"),
     "«XYZ» — не код товара классификации записи"),
    ((2020, "", "RUS", "CHN", "export", "851761", "n/a"), "стоимость «n/a» — не число"),
    ((2020, "", "RUS", "RU-MOW", "export", "851762", "10"),
     "«RU-MOW» — регион страны; партнёрами бывают только страны"),
    ((2020, "", "RU-MOW", "RUS", "export", "851762", "10"),
     "отчитывающийся регион находится в стране-партнёре «RUS»: торговля внутри страны — "
     "не внешняя торговля"),
    ((2020, "", "WLD", "CHN", "export", "851762", "10"),
     "«WLD» — совокупность стран, а не отчитывающаяся страна"),
    ((2020, "", "RUS", "CHN", "export", "851762", ""), "стоимость не указана"),
]  # fmt: skip


def test_refused_records_are_said_in_russian_from_their_codes(empty_db, tmp_path):
    rows = [r for r, _ in REFUSED] + [(2020, "", "RUS", "IND", "export", "851762", "7")]
    path = flows_file(tmp_path / "bad.csv", rows)
    loaded = run(empty_db, "load", str(path), "--format", "flows", "--lang", "ru")
    assert loaded.exit_code == 0, loaded.output
    said = " ".join(loaded.output.split())
    assert f"прочитано записей: {len(rows)}, загружено: 1, отклонено: {len(REFUSED)}" in said
    assert latin_words(said) == []
    english = run(empty_db, "rejects", "--load", "1", "--format", "csv")
    by_option = run(empty_db, "rejects", "--load", "1", "--lang", "ru", "--format", "csv")
    by_env = run(empty_db, "rejects", "--load", "1", "--format", "csv", env=RU)
    assert english.exit_code == by_option.exit_code == by_env.exit_code == 0
    assert by_option.output == by_env.output
    en = list(csv.DictReader(io.StringIO(english.output)))
    ru = list(csv.DictReader(io.StringIO(by_option.output)))
    # Line n of the file (the header is line 1) holds the n-1st record.
    assert [r["line"] for r in ru] == [str(i + 2) for i in range(len(REFUSED))]
    assert [r["reason"] for r in ru] == [reason for _, reason in REFUSED]
    for row in ru:
        assert latin_words(row["reason"]) == [], row["reason"]
    # The machine fields stay as they are; the English reasons too without --lang.
    keep = ("load_id", "line", "code", "field", "value", "record")
    assert [{k: r[k] for k in keep} for r in ru] == [{k: r[k] for k in keep} for r in en]
    assert en[0]["reason"] == "unknown partner 'Atlantis'"


def test_a_second_load_of_the_same_flows_is_refused_in_russian(empty_db, tmp_path):
    first = flows_file(tmp_path / "a.csv", [(2020, "", "RUS", "IND", "export", "851762", "7")])
    again = flows_file(tmp_path / "b.csv", [(2020, "", "RUS", "IND", "export", "851762", "9"),
                                            (2020, "", "RUS", "CHN", "export", "851762", "1")])  # fmt: skip
    assert run(empty_db, "load", str(first), "--format", "flows").exit_code == 0
    assert run(empty_db, "load", str(again), "--format", "flows").exit_code == 0
    listed = run(empty_db, "rejects", "--load", "2", "--format", "json", env=RU)
    (row,) = json.loads(listed.output)
    assert (row["code"], row["line"], row["value"]) == ("duplicate", 2, "1")
    assert row["reason"] == ("запись уже загружена загрузкой 1 (чтобы заменить, загрузите файл "
                             "с --revise)")  # fmt: skip
    assert latin_words(row["reason"]) == []


def test_load_takes_lang_on_the_command_line(empty_db, tmp_path):
    path = flows_file(tmp_path / "one.csv", [(2020, "", "RUS", "IND", "export", "851762", "7")])
    said = " ".join(run(empty_db, "load", str(path), "--format", "flows", "--lang", "ru")
                    .output.split())  # fmt: skip
    assert re.fullmatch(r"Загрузка 1: one\.csv — прочитано записей: 1, загружено: 1, "
                        r"отклонено: 0\.", said), said  # fmt: skip
    english = run(empty_db, "load", str(path), "--format", "flows", "--lang", "en").output
    assert "same file" in english
    wrong = run(empty_db, "load", str(path), "--format", "flows", "--lang", "de")
    assert wrong.exit_code == 1
    assert "--lang 'de' is not one of: en, ru." in wrong.output


def test_coverage_table_words_flows_and_kinds_in_russian(db):
    table = run(db, "coverage", "--reporter", "ZAF", "--year", "2021", "--lang", "ru",
                "--format", "table")  # fmt: skip
    assert table.exit_code == 0, table.output
    # South Africa's exports are its own records, its imports mirrored (the raw file's sides).
    for word in ("экспорт", "импорт", "сальдо", "собственные", "зеркальные", "нет"):
        assert word in table.output, word
    words = set(re.findall(r"[A-Za-z]+", table.output))
    assert not words & {"export", "import", "balance", "own", "mirror", "totals", "True", "False"}
    # On a terminal too narrow for every column, what is left out is said in Russian.
    narrow = run(db, "coverage", "--reporter", "ZAF", "--year", "2021", "--lang", "ru",
                 "--format", "table", env={"COLUMNS": "125"})  # fmt: skip
    assert "столбец «Недостающие» не поместился (полностью: --format csv)" in narrow.output
    assert "left out" not in narrow.output
    english = run(db, "coverage", "--reporter", "ZAF", "--year", "2021", "--format", "table",
                  env={"COLUMNS": "125"})  # fmt: skip
    assert "missing left out to fit (see --format csv)" in english.output
    listed = run(db, "coverage", "--reporter", "ZAF", "--year", "2021", "--lang", "ru",
                 "--format", "json")  # fmt: skip
    rows = {r["flow"]: r for r in json.loads(listed.output)}
    assert rows["export"]["kinds"] == "own"
    assert rows["import"]["kinds"] == "mirror"
    assert rows["import"]["complete"] is False


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["table", "--reporter", "RUS", "--yaer", "2020", "--lang", "ru"],
         "Ошибка: Нет параметра «--yaer». Возможно, имелось в виду «--year»"),
        (["load", "--format", "flows", "--lang", "ru"], "Ошибка: Не указан аргумент «files»."),
        (["table", "--year", "2020", "--lang", "ru"], "Ошибка: Не указан параметр «--reporter»."),
        (["tabel", "--lang", "ru"], "Ошибка: Нет команды «tabel». Возможно, имелось в виду «table»?"),
        (["table", "--reporter", "RUS", "--year", "abc", "--lang=ru"],
         "Ошибка: Недопустимое значение для «--year» (пояснение на английском: «"),
        (["table", "--reporter", "RUS", "--year", "2020", "extra", "--lang", "ru"],
         "Ошибка: Лишние аргументы: «extra»."),
    ],
)  # fmt: skip
def test_usage_errors_are_said_in_russian(empty_db, args, expected):
    result = CliRunner().invoke(app, ["--db", str(empty_db), *args], prog_name="hitex")
    assert result.exit_code == 2
    lines = result.output.splitlines()
    # Click's usage line and where help is, then the error (as Click prints them in English).
    assert lines[0].startswith(f"Использование: hitex {'' if args[0] == 'tabel' else args[0]}")
    assert lines[1] == f"Справка: hitex {'' if args[0] == 'tabel' else args[0] + ' '}--help"
    assert lines[-1].startswith(expected), lines[-1]
    assert latin_words(lines[-1]) == [], lines[-1]


def test_usage_errors_follow_hitex_lang_and_stay_english_otherwise(empty_db):
    ru = run(empty_db, "table", "--reporter", "RUS", "--yaer", "2020", env=RU)
    assert ru.exit_code == 2
    assert ru.output.splitlines()[-1].startswith("Ошибка: Нет параметра «--yaer».")
    en = run(empty_db, "table", "--reporter", "RUS", "--yaer", "2020", env={"HITEX_LANG": "en"})
    assert en.exit_code == 2
    assert "No such option: --yaer" in en.output
    assert "Try 'root table --help' for help." in en.output  # CliRunner's name of the program
    # --lang en on the command line wins over $HITEX_LANG=ru, as for every other message.
    said = run(empty_db, "table", "--reporter", "RUS", "--yaer", "2020", "--lang", "en", env=RU)
    assert "No such option: --yaer" in said.output


def test_a_malformed_line_is_said_in_russian_with_the_readers_words_quoted(empty_db, tmp_path):
    path = tmp_path / "mal.csv"
    path.write_text(",".join(FLOWS_HEADER) + "\n2020,,RUS,IND,export,851762,7\n"
                    "2020,,RUS,CHN,export,851762,7,9,9\n")  # fmt: skip
    assert run(empty_db, "load", str(path), "--format", "flows").exit_code == 0
    (row,) = json.loads(run(empty_db, "rejects", "--format", "json", "--lang", "ru").output)
    assert (row["line"], row["code"]) == (3, "malformed")
    assert row["reason"].startswith("строку не удалось разобрать на поля записи (сообщение при "
                                    "чтении: «")  # fmt: skip
    assert latin_words(row["reason"]) == []


def test_classify_names_a_code_without_its_own_line_from_its_heading(empty_db):
    # 841182 (gas turbines over 5 MW) is split into ten-digit lines in the ТН ВЭД: no line of
    # its own; its heading 8411 has one (read from the file with DuckDB).
    tnved = DATA / "tnved" / "tnved_hs_ru.csv"
    rows = duckdb.sql(f"""SELECT code, name_ru FROM read_csv('{tnved}', all_varchar=true)
                      WHERE classification = 'HS17' AND code IN ('8411', '841182')""").fetchall()
    assert [code for code, _ in rows] == ["8411"]
    listed = run(empty_db, "classify", "841182", "--lang", "ru", "--format", "csv")
    assert listed.exit_code == 0, listed.output
    (description,) = {r["description"] for r in csv.DictReader(io.StringIO(listed.output))}
    assert description == f"Из товарной позиции 8411: {rows[0][1].lower()}"
    assert latin_words(description) == []
    english = run(empty_db, "classify", "841182", "--format", "csv")
    assert "Turbines; gas-turbines" in english.output
