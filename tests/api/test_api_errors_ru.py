"""API errors in Russian for a request with ``lang=ru``; the same errors in English otherwise.

Expected Russian group names come from the UN's M49 overview in Russian, read with DuckDB.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

import hitex
from hitex import demo

M49 = Path(hitex.__file__).parent / "reference" / "data" / "country-codes"


def asia_ru() -> str:
    (row,) = duckdb.sql(
        f"""SELECT DISTINCT r."Region Name"
        FROM read_csv('{M49 / "m49_overview_en.csv"}', all_varchar=true) e
        JOIN read_csv('{M49 / "m49_overview_ru.csv"}', all_varchar=true) r
        ON e."M49 Code" = r."M49 Code" WHERE e."Region Name" = 'Asia'"""
    ).fetchall()
    return str(row[0])


def test_an_unknown_partner_group_is_said_in_the_requests_language(reader):
    asked = {"reporter": "CHL", "year": 2004, "partner_group": "Asai"}
    english = reader.get("/api/table", params=asked)
    russian = reader.get("/api/table", params={**asked, "lang": "ru"})
    assert english.status_code == russian.status_code == 422
    assert english.json()["error"]["message"] == (
        "partner_group: Unknown partner group 'Asai'. Did you mean 'Asia'?"
    )
    assert russian.json()["error"] == {
        **english.json()["error"],
        "message": "partner_group: Не найдено: группа партнёров «Asai». "
        f"Возможно, имелось в виду «Asia» ({asia_ru()})?",
    }


def test_an_absent_year_is_said_in_russian(reader):
    answer = reader.get("/api/table", params={"reporter": "CHL", "year": 2031, "lang": "ru"})
    assert answer.status_code == 422
    message = answer.json()["error"]["message"]
    # The demo's Chile files, one a year: chl_arg_2002.csv, chl_arg_2004.csv.
    held = ", ".join(sorted(p.stem[-4:] for p in demo.files()))
    assert held == "2002, 2004"
    assert message == f"Чили (CHL): нет записей (поток: экспорт) за 2031 г.; есть за {held}."
