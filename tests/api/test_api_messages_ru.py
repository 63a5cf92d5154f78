"""The API in Russian for ``lang=ru``: coverage notes, refused figures, bad parameters, uploads.

A real ``hitex serve`` over a warehouse of the two-exporter BACI extract and the demo files.
Facts are read from the raw files with pandas; Russian names from the UN's M49 overview in
Russian; no English word may stay in a Russian message (:func:`tests.fixtures.latin_words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pandas as pd
import pytest

import hitex
from hitex import demo
from hitex.api.params import ReportQuery, TableQuery
from tests.api.conftest import TOKEN, serve
from tests.fixtures import flows_file, latin_words, write_csv
from tests.test_messages_ru import BACI, of_countries, russian_name


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("api-messages-ru") / "w.duckdb"
    with hitex.open(path) as s:
        s.load([BACI], format="baci")
        s.load(demo.files(), format="flows")
    with serve(path, token=TOKEN) as base:
        yield base


def get(url: str, path: str, **params: object) -> httpx.Response:
    return httpx.get(url + path, params=params, timeout=60)


def test_coverage_notes_are_russian_with_lang_ru(url):
    raw = pd.read_csv(BACI)
    year = raw[raw["t"] == 2021]
    n = len((set(year["i"]) | set(year["j"])) - {710})
    ru = get(url, "/api/coverage", reporter="ZAF", year=2021, lang="ru").json()
    en = get(url, "/api/coverage", reporter="ZAF", year=2021).json()
    assert ru["name"] == russian_name("ZAF")
    rows = {r["flow"]: r for r in ru["rows"]}
    note = rows["import"]["note"]
    assert note.startswith(f"{russian_name('ZAF')}, импорт за 2021 г.: неполные данные")
    assert f"1 из {n} {of_countries(n)}, которые есть в загрузках 2021 г. (" in note
    assert f"({russian_name('AFG')}); не загружены данные ещё" in note
    for row in ru["rows"]:
        assert latin_words(row["note"]) == [], row["note"]
    # Only the notes change with the language.
    strip = [{k: v for k, v in r.items() if k != "note"} for r in en["rows"]]
    assert strip == [{k: v for k, v in r.items() if k != "note"} for r in ru["rows"]]
    assert en["rows"][1]["note"].startswith("Partial: South Africa's imports")


def test_a_partial_figure_is_refused_in_russian(url):
    asked = {"reporter": "ZAF", "year": 2021, "flow": "import"}
    ru = get(url, "/api/table", **asked, lang="ru")
    en = get(url, "/api/table", **asked)
    assert ru.status_code == en.status_code == 422
    message = ru.json()["error"]["message"]
    assert message.startswith(f"{russian_name('ZAF')}, импорт за 2021 г.: неполные данные")
    assert "Импорт целиком не указывается" in message
    assert latin_words(message) == []
    assert en.json()["error"]["message"].startswith("Partial: South Africa's imports")


@pytest.mark.parametrize(
    ("path", "params", "parameter", "expected"),
    [
        ("/api/view", {"reporter": "CHL", "months": "13"}, "months",
         "months: '13' — не диапазон месяцев в пределах 1-12 (от первого к последнему)."),
        ("/api/table", {"reporter": "CHL", "year": 3000}, "year",
         "year: значение должно быть не больше 2100, а дано 3000."),
        ("/api/table", {"reporter": "CHL", "year": 2004, "top": "many"}, "top",
         "top: нужно целое число, а дано many."),
        ("/api/table", {"reporter": "CHL", "year": 2004, "partial": "perhaps"}, "partial",
         "partial: нужно 'true' или 'false', а дано perhaps."),
        ("/api/table", {"reporter": "CHL", "year": 2004, "colour": "red"}, "colour",
         "Неизвестный параметр 'colour'."),
        ("/api/table", {"year": 2004}, "reporter", "reporter: обязательный параметр не задан."),
        ("/api/table", {"reporter": "CHL", "year": 2004, "by": "partner,partner"}, "by",
         "by: 'partner': значение дано дважды."),
        ("/api/table", {"reporter": "CHL"}, None,
         "Задайте year (и compare для роста) либо years=ПЕРВЫЙ-ПОСЛЕДНИЙ."),
        ("/api/report", {"reporter": "CHL", "year": 2004, "format": "docx"}, "format",
         "format: допустимые значения — 'html', 'md', 'pdf', а дано docx."),
        ("/api/nowhere", {}, None, "Нет такой страницы: /api/nowhere."),
    ],
)  # fmt: skip
def test_bad_parameters_are_said_in_russian(url, path, params, parameter, expected):
    ru = get(url, path, **params, lang="ru")
    en = get(url, path, **params)
    assert ru.status_code == en.status_code
    assert 400 <= ru.status_code < 500
    error = ru.json()["error"]
    assert error["message"] == expected
    assert error["parameter"] == parameter == en.json()["error"]["parameter"]
    assert error["code"] == en.json()["error"]["code"]
    # Parameter names are codes; what the user typed (many, perhaps) is given back as typed.
    codes = [*TableQuery.model_fields, *ReportQuery.model_fields, "many", "perhaps", "docx"]
    assert latin_words(error["message"], allowed=codes) == []


def test_a_repeated_parameter_is_said_in_russian(url):
    answer = httpx.get(url + "/api/table?reporter=CHL&year=2004&year=2002&lang=ru", timeout=60)
    assert answer.status_code == 422
    assert answer.json()["error"]["message"] == (
        "year: параметр задан несколько раз; задайте его один раз."
    )


def post(url: str, path: Path, lang: str | None) -> httpx.Response:
    with path.open("rb") as f:
        return httpx.post(
            url + "/api/loads" + ("?lang=ru" if lang else ""),
            files={"file": (path.name, f, "text/csv")}, data={"format": "flows"},
            headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120,
        )  # fmt: skip


def test_uploads_are_answered_in_russian(url, tmp_path):
    bad = write_csv(tmp_path / "bad.csv", ["hs6", "value"], [["851762", "10"]])
    answer = post(url, bad, "ru")
    assert answer.status_code == 422
    message = answer.json()["error"]["message"]
    assert message.startswith("bad.csv: нет столбцов 'year', 'reporter'")
    assert "найдены столбцы: 'hs6', 'value'" in message
    assert latin_words(message) == []
    assert post(url, bad, None).json()["error"]["message"].startswith("bad.csv has no columns")

    rows = [(2004, "", "CHL", "Atlantis", "export", "851762", "10")]
    refused = post(url, flows_file(tmp_path / "refused.csv", rows), "ru")
    assert refused.status_code == 422
    said = refused.json()["error"]["message"]
    assert said.startswith("refused.csv: единственная запись файла отклонена, ничего не загружено")
    assert latin_words(said) == []

    rows = [(2004, "", "CHL", "BRA", "export", "851762", "2500000"),
            (2004, "", "CHL", "Brazl", "export", "851762", "1")]  # fmt: skip
    loaded = post(url, flows_file(tmp_path / "brazil.csv", rows), "ru")
    assert loaded.status_code == 200, loaded.text
    (load,) = loaded.json()["loads"]
    raw = pd.read_csv(tmp_path / "brazil.csv")
    assert load["summary"] == (
        f"Загрузка {load['id']}: brazil.csv — прочитано записей: {len(raw)}, загружено: 1, "
        f"отклонено: 1 (см. hitex rejects --load {load['id']})."
    )
    assert "message_ru" not in load
    # The refused record's reason, in Russian, from its code (the Did-you-mean included).
    (reject,) = loaded.json()["rejects"]
    assert (reject["code"], reject["field"], reject["value"]) == ("unknown_country", "partner",
                                                                  "Brazl")  # fmt: skip
    assert (
        reject["reason"] == "неизвестная страна-партнёр «Brazl». Возможно, имелось в виду «Brazil»?"
    )
    listed = get(url, "/api/rejects", load=load["id"], lang="ru").json()
    assert [r["reason"] for r in listed] == [reject["reason"]]
    english = get(url, "/api/rejects", load=load["id"]).json()
    assert [r["reason"] for r in english] == ["unknown partner 'Brazl'. Did you mean 'Brazil'?"]

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    answer = post(url, empty, "ru")
    assert answer.status_code == 422
    assert answer.json()["error"]["message"] == "Загруженный файл 'empty.csv' пуст."


def test_a_reporter_with_partial_records_only_is_said_in_russian(url):
    # China is only an importer in the extract: its imports are mirrored from two exporters.
    raw = pd.read_csv(BACI)
    year = raw[raw["t"] == 2021]
    assert 156 not in set(raw["i"])
    assert set(year.loc[year["j"] == 156, "i"]) == {4, 710}
    n = len((set(year["i"]) | set(year["j"])) - {156})
    ru = get(url, "/api/view", reporter="CHN", lang="ru")
    en = get(url, "/api/view", reporter="CHN")
    assert ru.status_code == en.status_code == 422
    message = ru.json()["error"]["message"]
    assert message.startswith(
        f"По стране «{russian_name('CHN')}» ничего нельзя указать целиком. "
        f"{russian_name('CHN')}, экспорт за 2021 г.: записи не загружены. "
        f"{russian_name('CHN')}, импорт за 2021 г.: неполные данные — только зеркальные записи, "
        f"то есть экспорт в эту страну 2 из {n} {of_countries(n)}, которые есть в загрузках "
        f"2021 г. ({russian_name('AFG')}, {russian_name('ZAF')}); не загружены данные ещё {n - 2} "
    ), message
    assert latin_words(message) == []
    assert en.json()["error"]["message"].startswith("Nothing of China can be stated as a whole")


MOSCOW = Path(__file__).parents[2] / "examples" / "moscow-2020" / "flows.csv"
TNVED = Path(hitex.__file__).parent / "reference" / "data" / "tnved" / "tnved_hs_ru.csv"


#: Latin letters typed for their Cyrillic twins.
LOOKALIKE = str.maketrans("ABCEHKMOPTXYaceopxy", "АВСЕНКМОРТХУасеорху")


def above_ru(classification: str, code: str) -> str:
    """How a code without its own line is named, by hand: its heading's name, else its chapter's."""
    names = pd.read_csv(TNVED, dtype=str)
    for digits, level in ((4, "товарной позиции"), (2, "группы")):
        found = names.loc[(names["classification"] == classification)
                          & (names["code"] == code[:digits]), "name_ru"].tolist()  # fmt: skip
        if found:
            # The FTS's files type a few letters of Russian words in Latin (электpические).
            text = re.sub(r"\w*[А-Яа-я]\w*", lambda m: m.group().translate(LOOKALIKE), found[0])
            text = text.lower() if text.upper() == text else text[0].lower() + text[1:]
            return f"Из {level} {code[:digits]}: {text}"
    raise AssertionError(code)


@pytest.fixture(scope="module")
def moscow_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("api-moscow-ru") / "w.duckdb"
    with hitex.open(path) as s:
        s.load([MOSCOW], format="flows")
    with serve(path, token=TOKEN) as base:
        yield base


def test_largest_products_of_the_dashboard_are_named_in_russian(moscow_url):
    raw = pd.read_csv(MOSCOW, dtype={"product": str})
    year = raw[raw["year"] == 2020]
    names = pd.read_csv(TNVED, dtype=str)
    own = set(names.loc[(names["classification"] == "HS22") & (names["level"] == "6"), "code"])
    view = get(moscow_url, "/api/view", reporter="RU-MOW", year=2020, lang="ru").json()
    rows = view["products"]
    assert rows
    # The panel's products are the largest of the file, by hand with pandas.
    largest = year.groupby("product")["value_usd"].sum().sort_values(ascending=False)
    assert [r["product"] for r in rows] == largest.index[: len(rows)].tolist()
    headed = 0
    for row in rows:
        name = row["product_name"]
        assert latin_words(name) == [], name
        assert re.search("[А-Яа-яЁё]", name), name
        if row["product"] not in own:
            # No line of its own in the ТН ВЭД: its heading (else chapter) names it, said so.
            assert name == above_ru("HS17", row["product"]), name
            headed += 1
    assert headed > 0  # the file has such codes (841182 among them): the test can fail
    english = get(moscow_url, "/api/view", reporter="RU-MOW", year=2020).json()["products"]
    turbines = next(r for r in english if r["product"] == "841182")
    assert turbines["product_name"].startswith("Turbines; gas-turbines")
