"""A selection the loads cannot hold, and the report of a dashboard view's whole selection.

Chile's demo records are its trade with Argentina alone: partner group Asia holds none of its
partners, so every layer says the selection is not covered and states no figure (not $0).
The report link of a view carries its months, product group and flow; the report applies the
months to its year-to-date section and names what it does not apply. Expected values come
from the raw demo files and the M49 table, read here with DuckDB.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import hitex
from hitex import demo
from hitex.api import create_app
from hitex.cli import app
from hitex.store.layout import copy_warehouse
from tests.api.conftest import serve

DATA = Path(demo.__file__).parent / "data"
M49 = (
    Path(demo.__file__).parents[1] / "reference" / "data" / "country-codes" / "m49_overview_en.csv"
)


@pytest.fixture(scope="module")
def both(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo warehouse (Chile) with the Moscow demo file loaded too."""
    path = Path(copy_warehouse(demo_db, tmp_path_factory.mktemp("cover") / "hitex.duckdb"))
    with hitex.open(path) as s:
        s.load([demo.moscow_file()], format="flows")
    return path


@pytest.fixture(scope="module")
def reader(both: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A read-only app over a copy of :func:`both`."""
    path = copy_warehouse(both, tmp_path_factory.mktemp("cover-read") / "hitex.duckdb")
    with TestClient(create_app(path, token="")) as client:
        yield client


def oracle(sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect()
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def asia_ru() -> str:
    """Asia's Russian name in the UN's M49 overview in Russian (the row of China, code 156)."""
    ru = M49.with_name("m49_overview_ru.csv")
    (row,) = oracle(f"SELECT DISTINCT \"Region Name\" FROM read_csv('{ru}', all_varchar=true) "
                    "WHERE \"M49 Code\" = '156'")  # fmt: skip
    return str(row[0])


def asia() -> set[str]:
    rows = oracle(f"SELECT \"ISO-alpha3 Code\" FROM read_csv('{M49}', all_varchar=true) "
                  "WHERE \"Region Name\" = 'Asia'")  # fmt: skip
    return {str(r[0]) for r in rows}


def chile_partners() -> list[str]:
    files = ", ".join(f"'{p}'" for p in sorted(DATA.glob("chl_arg_*.csv")))
    rows = oracle(f"SELECT DISTINCT partner FROM read_csv([{files}], all_varchar=true) "
                  "WHERE reporter = 'CHL' AND flow = 'export'")  # fmt: skip
    return [str(r[0]) for r in rows]


NOT_COVERED = (
    "The loaded data do not cover partner group 'Asia': Chile's exports in 2004 and 2002 are "
    "loaded for one partner, Argentina; the group holds none of them, so no figure of it can be "
    "stated (it is unknown, not zero)."
)


def test_the_oracle_agrees_chile_has_no_asian_partner():
    partners = chile_partners()
    assert partners == ["ARG"]
    assert not set(partners) & asia()
    assert {"CHN", "IND", "JPN", "TUR", "KAZ"} <= asia()


def test_api_table_and_series_say_not_covered(reader):
    asked = {"reporter": "CHL", "year": 2004, "compare": 2002, "partner_group": "Asia"}
    answer = reader.get("/api/table", params=asked)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["message"] == NOT_COVERED
    series = reader.get(
        "/api/series", params={"reporter": "CHL", "years": "2002-2004", "partner_group": "Asia"}
    )
    assert series.status_code == 422
    assert "do not cover partner group 'Asia'" in series.json()["error"]["message"]
    # A group that holds a loaded partner is answered as before.
    south = reader.get("/api/table", params={**asked, "partner_group": "South America"})
    assert south.status_code == 200


def test_the_view_states_no_figure_for_an_uncovered_group(reader):
    answer = reader.get(
        "/api/view",
        params={"reporter": "CHL", "year": 2004, "compare": 2002, "partner_group": "Asia"},
    )
    assert answer.status_code == 200, answer.text
    view = answer.json()
    assert view["selection"]["partner_group"] == "Asia"
    assert view["uncovered"] == NOT_COVERED
    assert (view["total"], view["partners"], view["products"], view["series"]) == (None, [], [], [])
    assert view["choices"]["years"] == [2002, 2004]  # the filters stay usable
    covered = reader.get("/api/view", params={"reporter": "RU-MOW", "partner_group": "Asia"})
    assert covered.json()["uncovered"] is None
    assert covered.json()["total"]["value_usd"] > 0


def test_the_russian_view_says_it_in_russian(reader):
    answer = reader.get(
        "/api/view",
        params={"reporter": "CHL", "year": 2004, "compare": 2002, "partner_group": "Asia",
                "lang": "ru"},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert answer.json()["uncovered"] == (
        f"Загруженные данные не охватывают группу партнёров «{asia_ru()}». Чили: экспорт за 2004 и 2002 "
        "гг. загружен только по одному партнёру: Аргентина; ни один из них не входит в группу, "
        "поэтому её показатель указать нельзя (он неизвестен, а не равен нулю)."
    )
    assert answer.json()["total"] is None


def test_cli_table_and_report_say_not_covered(demo_db, tmp_path):
    db = str(demo_db)
    table = CliRunner().invoke(app, ["--db", db, "table", "--reporter", "CHL", "--year", "2004",
                                     "--compare", "2002", "--partner-group", "Asia"])  # fmt: skip
    assert table.exit_code == 1
    assert " ".join(table.output.split()) == f"Error: {NOT_COVERED}"
    out = tmp_path / "chl.md"
    report = CliRunner().invoke(app, ["--db", db, "report", "--reporter", "CHL", "--year", "2004",
                                      "--partner-group", "Asia", "--out", str(out)])  # fmt: skip
    assert report.exit_code == 1
    assert "do not cover partner group 'Asia'" in " ".join(report.output.split())
    assert "$0" not in report.output
    assert not out.exists()
    russian = CliRunner().invoke(app, ["--db", db, "report", "--reporter", "CHL", "--year", "2004",
                                       "--partner-group", "Asia", "--lang", "ru",
                                       "--out", str(out)])  # fmt: skip
    assert russian.exit_code == 1
    said = " ".join(russian.output.split())
    assert f"Ошибка: Загруженные данные не охватывают группу партнёров «{asia_ru()}»" in said
    assert not out.exists()


def asia_exports(year: int, months: tuple[int, int]) -> float:
    members = ", ".join(f"'{c}'" for c in sorted(asia()))
    (row,) = oracle(
        f"SELECT sum(CAST(value_usd AS DOUBLE)) FROM read_csv('{DATA / 'moscow-2020.csv'}', "
        f"all_varchar=true) WHERE reporter = 'RU-MOW' AND flow = 'export' AND year = '{year}' "
        f"AND CAST(month AS INT) BETWEEN {months[0]} AND {months[1]} AND partner IN ({members})"
    )
    return float(row[0])


@pytest.mark.slow
def test_served_report_follows_the_selection_or_says_what_it_does_not(both, tmp_path):
    now, before = asia_exports(2020, (1, 8)), asia_exports(2019, (1, 8))
    with serve(Path(copy_warehouse(both, tmp_path / "hitex.duckdb"))) as url:
        asked = {"reporter": "RU-MOW", "year": 2020, "compare": 2019, "partner_group": "Asia",
                 "months": "1-8", "groups": "tech", "group": "high", "flow": "export",
                 "format": "md"}  # fmt: skip
        answer = httpx.get(url + "/api/report", params=asked, timeout=120)
        assert answer.status_code == 200, answer.text
        text = " ".join(answer.text.split())
        top = text.split("##")[0]
        assert "The selection's product group 'High technology' (tech) is not applied: every " \
               "figure is of all products." in top  # fmt: skip
        assert "The selection's months (January–August) are those of the year-to-date " \
               "section; every other figure is of whole years." in top  # fmt: skip
        # The year-to-date section is of January-August to Asia, as the raw file sums them.
        assert f"${now / 1e6:,.2f} million against ${before / 1e6:,.2f} million" in text
        # A selection the loads cannot hold: refused in one sentence, no $0.
        chile = httpx.get(url + "/api/report", params={"reporter": "CHL", "year": 2004,
                                                        "partner_group": "Asia"}, timeout=60)  # fmt: skip
        assert chile.status_code == 422
        assert chile.json()["error"]["message"] == NOT_COVERED.replace(
            " in 2004 and 2002", " in 2004"
        )


def test_a_claim_about_partners_not_loaded_is_unverifiable_not_contradicted(both):
    import hitex.report.claims as claims  # noqa: PLC0415 - the checker loads its lexicon

    text = "In 2004, Chile's exports to Asia reached $5 million."
    with hitex.open(both, read_only=True) as s:
        (r,) = claims.check(s, text, reporter="CHL", year=2004)
    assert r.claim.subject.partner_group == "Asia"
    assert r.verdict == "unverifiable"
    assert r.reason == "cannot be computed: " + NOT_COVERED.replace(" in 2004 and 2002", " in 2004")
