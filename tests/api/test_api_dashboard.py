"""The dashboard as people use it, in headless Chromium over a real ``hitex serve``.

The warehouse holds the demo's Chile (exports and imports of 2002 and 2004, annual) and Moscow
(exports only, monthly, 2019 and 2020). Expected figures are sums of the bundled CSV files read
with pandas, formatted here by hand ($ and two decimals of millions or billions).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pandas as pd
import pytest

import hitex
from hitex import demo
from hitex.store.layout import copy_warehouse
from tests.api.conftest import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DATA = Path(demo.__file__).parent / "data"
#: Where the screenshots are kept after the run (ignored by git).
SHOTS = Path(__file__).parents[2] / "build" / "screenshots"
#: Asia as the Moscow example's author lists it (src/hitex/demo/moscow.py, PARTNERS).
ASIA = ["CHN", "JPN", "IND", "THA", "BGD", "VNM", "KOR", "KAZ", "TUR", "ARE", "SGP", "MYS", "IDN",
        "UZB", "MNG"]  # fmt: skip


def money(v: float) -> str:
    """$ with two decimals of the largest unit, written out independently of the page."""
    for size, unit in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(v) >= size:
            return f"${v / size:.2f}{unit}"
    return f"${v:.0f}"


@pytest.fixture(scope="module")
def chile() -> pd.DataFrame:
    return pd.concat(pd.read_csv(DATA / f"chl_arg_{y}.csv") for y in (2002, 2004))


@pytest.fixture(scope="module")
def moscow() -> pd.DataFrame:
    return pd.read_csv(DATA / "moscow-2020.csv")


@pytest.fixture(scope="module")
def both_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dashboard") / "hitex.duckdb"
    with hitex.open(path) as s:
        s.load([*demo.files(), demo.moscow_file()], format="flows")
    return path


@pytest.fixture(scope="module")
def server(both_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = Path(copy_warehouse(both_db, tmp_path_factory.mktemp("served") / "hitex.duckdb"))
    with serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium")
    assert chromium, "the browser tests need Debian's chromium (.ci/system-deps installs it)"
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield b
        b.close()


def open_page(browser, width: int = 1280, height: int = 1000):
    context = browser.new_context(
        viewport={"width": width, "height": height}, accept_downloads=True
    )
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.problems = problems  # type: ignore[attr-defined]
    return pg


@pytest.fixture
def page(browser, server):
    pg = open_page(browser)
    pg.base_url = server  # type: ignore[attr-defined]
    yield pg
    problems = pg.problems  # type: ignore[attr-defined]
    pg.context.close()
    assert not problems


def wait_for_view(pg, *fragments: str) -> None:
    pg.wait_for_function(
        "fs => { const v = document.body.dataset.view || '';"
        " return v !== '' && v !== 'error' && fs.every(f => v.includes(f)); }",
        arg=list(fragments), timeout=30_000,
    )  # fmt: skip


def options(pg, select: str) -> list[str]:
    return pg.eval_on_selector_all(f"#{select} option", "os => os.map(o => o.value)")


def visible_options(pg, select: str) -> list[str]:
    return pg.eval_on_selector_all(
        f"#{select} option", "os => os.filter(o => !o.hidden).map(o => o.value)"
    )


def text(pg, selector: str) -> str:
    """What the page shows in ``selector``, no-break spaces read as spaces."""
    return pg.locator(selector).inner_text().replace("\xa0", " ")


def test_switching_reporter_leaves_nothing_of_the_last(page, chile, moscow):
    pg = page
    pg.goto(pg.base_url + "/")
    wait_for_view(pg, "reporter=CHL")
    exports = chile[chile["flow"] == "export"].groupby("year")["value_usd"].sum()
    summary = text(pg, "#summary")
    assert "Chile (CHL) · Exports · 2004 against 2002 · all partners · all products" in summary
    assert money(exports[2004]) in summary
    assert money(exports[2002]) in summary
    assert options(pg, "year") == ["2004", "2002"]
    assert options(pg, "flow") == ["export", "import", "balance"]
    first = summary

    pg.select_option("#reporter", "RU-MOW")
    wait_for_view(pg, "reporter=RU-MOW")
    by_year = moscow.groupby("year")["value_usd"].sum()
    summary = text(pg, "#summary")
    assert "Moscow (RU-MOW) · Exports · 2020 against 2019" in summary
    assert money(by_year[2020]) in summary
    # Nothing of Chile stays: its years, its figures, its partner.
    assert options(pg, "year") == ["2020", "2019"]
    assert options(pg, "compare") == ["", "2019"]
    for stale in ("Chile", money(exports[2004]), money(exports[2002]), "2004", "2002"):
        assert stale not in summary
    assert "Argentina" not in text(pg, "#table-partners")
    assert "ARG" not in pg.locator("#chart-partners").inner_html()
    # Moscow holds exports only: neither imports nor a balance is offered.
    assert options(pg, "flow") == ["export"]
    # The change is said.
    notes = text(pg, "#notes")
    assert "Year 2004 is not in the warehouse for Moscow: showing 2020." in notes
    assert "Base year 2002 is not in the warehouse for Moscow: showing 2019." in notes
    assert "year=2020&compare=2019" in pg.url

    # Back restores Chile's view, figures and all.
    pg.go_back()
    wait_for_view(pg, "reporter=CHL")
    assert text(pg, "#summary") == first
    assert options(pg, "year") == ["2004", "2002"]
    assert pg.locator("#notes").is_hidden()
    pg.go_forward()
    wait_for_view(pg, "reporter=RU-MOW")

    # Growth and share are in sight at 1280 px without scrolling the table.
    for column in ("growth_pct", "share_pct"):
        inside = pg.evaluate(
            """c => { const th = document.querySelector(`#table-partners th[data-column='${c}']`);
            const box = document.querySelector('#table-partners').getBoundingClientRect();
            return th.getBoundingClientRect().right <= box.right + 0.5; }""",
            column,
        )
        assert inside, column
    assert pg.evaluate("document.documentElement.scrollWidth") <= 1280
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / "dashboard-1280.png"), full_page=True)


def test_headline_states_months_and_partner_group(page, moscow):
    pg = page
    pg.goto(pg.base_url + "/?reporter=RU-MOW&year=2020&months=1-8&partner_group=Asia")
    wait_for_view(pg, "reporter=RU-MOW", "months=1-8", "partner_group=Asia")
    asia = moscow[(moscow["year"] == 2020) & (moscow["month"] <= 8)]
    asia = asia[asia["partner"].isin(ASIA)]
    summary = text(pg, "#summary")
    assert "Moscow (RU-MOW) · Exports · January–August 2020 · partners: Asia" in summary
    assert f"Exports January–August 2020\n{money(asia['value_usd'].sum())}" in summary
    assert pg.locator("#month-from").input_value() == "1"
    assert pg.locator("#month-to").input_value() == "8"
    # Column headers say which months the values are.
    assert "Value January–August 2020" in text(pg, "#table-partners thead")


def test_flows_groups_and_balance_follow_the_reporter(page, chile):
    pg = page
    pg.goto(pg.base_url + "/?reporter=CHL&year=2004&compare=2002")
    wait_for_view(pg, "reporter=CHL")
    pg.select_option("#flow", "import")
    wait_for_view(pg, "flow=import")
    imports = chile[(chile["flow"] == "import") & (chile["year"] == 2004)]["value_usd"].sum()
    assert f"Imports 2004\n{money(imports)}" in text(pg, "#summary")

    pg.select_option("#groups", "tech")
    wait_for_view(pg, "groups=tech")
    assert "products by tech group" in text(pg, "#selection")
    pg.fill("#group-search", "medium")
    assert visible_options(pg, "group") == ["", "medium-high", "medium-low"]
    pg.select_option("#group", "high")
    wait_for_view(pg, "group=high")
    assert "products: High technology (tech)" in text(pg, "#selection")
    assert pg.locator("#table-products tbody tr").count() == 1

    pg.select_option("#flow", "balance")
    wait_for_view(pg, "flow=balance")
    assert "Balance 2004" in text(pg, "#summary")

    # Moscow has no imports: the balance becomes exports, and the page says why.
    pg.select_option("#reporter", "RU-MOW")
    wait_for_view(pg, "reporter=RU-MOW")
    assert pg.locator("#flow").input_value() == "export"
    assert "Balance needs exports and imports of the same year" in text(pg, "#notes")
    assert "Balance" not in text(pg, "#summary")
    assert "products: High technology (tech)" in text(pg, "#selection")


def test_an_error_leaves_no_figure(page):
    pg = page
    pg.goto(pg.base_url + "/?reporter=CHL&year=2004")
    wait_for_view(pg, "reporter=CHL")
    assert pg.locator("#headline .card").count() > 0
    # A link with a month range that does not exist, reached with Back.
    pg.evaluate(
        "() => { history.pushState(null, '', '?reporter=RU-MOW&months=13');"
        " history.pushState(null, '', '?reporter=CHL&year=2004'); history.back(); }"
    )
    pg.wait_for_function("document.body.dataset.view === 'error'", timeout=30_000)
    assert "months" in text(pg, "#error")
    assert pg.locator("#headline .card").count() == 0
    assert pg.locator("#table-partners tr").count() == 0
    assert pg.locator("#chart-partners svg").count() == 0
    assert "Chile" not in text(pg, "#summary")


#: Header cells that are not wholly visible: outside the page or the table's scroll area.
CUT_COLUMNS = """() => [...document.querySelectorAll('.scroll table')].flatMap(t => {
  const box = t.parentElement.getBoundingClientRect();
  const right = Math.min(box.right, document.documentElement.clientWidth);
  return [...t.tHead.rows[0].cells]
    .filter(th => th.getBoundingClientRect().width > 0)
    .filter(th => th.getBoundingClientRect().right > right + 0.5
               || th.getBoundingClientRect().left < box.left - 0.5)
    .map(th => t.parentElement.id + ':' + th.dataset.column);
})"""


@pytest.mark.parametrize(
    "view",
    [
        "reporter=RU-MOW",
        "reporter=CHL&flow=import&groups=tech",
        "reporter=CHL&flow=balance&groups=tech&lang=ru",
        "reporter=RU-MOW&year=2020&compare=2019&groups=enduse&lang=ru",
    ],
)
def test_phone_width_does_not_overflow(browser, server, view):
    pg = open_page(browser, 390, 844)
    try:
        pg.goto(server + "/")
        wait_for_view(pg, "reporter=CHL")
        pg.goto(server + "/?" + view)
        wait_for_view(pg, view.split("&")[0])
        pg.wait_for_selector("#table-loads table")
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390
        # Every column of every table is in sight: Share of the partners, Loaded of the loads.
        shown = pg.eval_on_selector_all(".scroll table th", "ths => ths.map(t => t.dataset.column)")
        assert {"share_pct", "growth_pct", "rows_loaded", "rows_rejected", "status"} <= set(shown)
        assert pg.evaluate(CUT_COLUMNS) == []
        scrolled = pg.eval_on_selector_all(
            ".scroll", "ss => ss.filter(s => s.scrollWidth > s.clientWidth).map(s => s.id)"
        )
        assert scrolled == []
        SHOTS.mkdir(parents=True, exist_ok=True)
        name = view.replace("&", "-").replace("=", "-")
        pg.screenshot(path=str(SHOTS / f"dashboard-390-{name}.png"), full_page=True)
        assert not pg.problems  # type: ignore[attr-defined]
    finally:
        pg.context.close()


def test_language_switch_is_kept_in_the_url(page, moscow):
    pg = page
    asked: list[str] = []
    pg.on("request", lambda r: asked.append(r.url) if "/api/view" in r.url else None)
    pg.goto(pg.base_url + "/?reporter=RU-MOW&year=2020&compare=2019&lang=ru")
    wait_for_view(pg, "reporter=RU-MOW")
    assert asked
    assert all("lang=ru" in u for u in asked)  # names in the page's language
    # Every string of the page is in both languages.
    missing = pg.evaluate(
        "() => [...Object.keys(STRINGS.en).filter(k => !(k in STRINGS.ru)),"
        " ...Object.keys(STRINGS.ru).filter(k => !(k in STRINGS.en))]"
    )
    assert missing == []
    assert pg.locator("html").get_attribute("lang") == "ru"
    assert text(pg, "[data-t=f_year]") == "Год"
    summary = text(pg, "#summary")
    assert "Москва (RU-MOW) · Экспорт · 2020 г. к 2019 г." in summary
    total = moscow[moscow["year"] == 2020]["value_usd"].sum()
    assert f"{total / 1e9:.2f}".replace(".", ",") + " млрд долл." in summary
    assert "lang=ru" in pg.url
    # A load's status in words of the page (the API keeps the code 'loaded').
    pg.wait_for_selector("#table-loads tbody tr")
    statuses = pg.eval_on_selector_all(
        "#table-loads tbody td.c-status", "cells => cells.map(c => c.textContent)"
    )
    assert statuses
    assert set(statuses) == {"загружен"}
    pg.click("#lang-en")
    wait_for_view(pg, "reporter=RU-MOW")
    pg.wait_for_function("document.documentElement.lang === 'en'")
    assert text(pg, "[data-t=f_year]") == "Year"
    assert "Moscow (RU-MOW) · Exports" in text(pg, "#summary")
    assert "lang=" not in pg.url
    pg.go_back()
    pg.wait_for_function("document.documentElement.lang === 'ru'")
    wait_for_view(pg, "reporter=RU-MOW")
    assert text(pg, "[data-t=f_year]") == "Год"
    assert "lang=ru" in pg.url


def test_csv_and_sort_order(page, moscow, tmp_path):
    pg = page
    pg.goto(pg.base_url + "/?reporter=RU-MOW&year=2020&compare=2019")
    wait_for_view(pg, "reporter=RU-MOW")
    with pg.expect_download() as download:
        pg.click("#csv-partners")
    assert download.value.suggested_filename == "hitex-RU-MOW-export-2020-vs-2019-by-partner.csv"
    saved = tmp_path / "partners.csv"
    download.value.save_as(saved)
    # The page's CSV is the API's, with the CLI's rounding (tests/api/test_api_tables.py).
    question = {"reporter": "RU-MOW", "year": 2020, "compare": 2019, "by": "partner"}
    api = httpx.get(pg.base_url + "/api/table", params={**question, "format": "csv"})
    assert saved.read_text() == api.text
    rows = pd.read_csv(saved, dtype=str).set_index("partner")
    china = moscow[moscow["partner"] == "CHN"].groupby("year")["value_usd"].sum()
    assert float(rows.loc["CHN", "value_usd"]) == china[2020]
    growth = 100 * (china[2020] / china[2019] - 1)
    assert rows.loc["CHN", "growth_pct"] == f"{growth:.1f}"  # one decimal, as the CLI shows it

    header = pg.locator("#table-partners th[data-column='growth_pct']")
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    assert "sort_partners=-growth_pct" in pg.url
    pg.reload()
    wait_for_view(pg, "reporter=RU-MOW")
    header = pg.locator("#table-partners th[data-column='growth_pct']")
    assert header.get_attribute("aria-sort") == "descending"
    shown = pg.locator("#table-partners tbody td.c-growth_pct").all_inner_texts()
    values = [float(v.replace("+", "").replace("%", "").replace(",", "")) for v in shown if v]
    assert values == sorted(values, reverse=True)
    # The report of the view is one click away.
    href = pg.locator("#report-html").get_attribute("href")
    assert href == "/api/report?reporter=RU-MOW&year=2020&compare=2019&lang=en&format=html"
    # The link carries the rest of the view's selection: the report applies it or says it does not.
    pg.goto(
        pg.base_url + "/?reporter=RU-MOW&year=2020&compare=2019&months=1-8&groups=tech&group=high"
    )
    wait_for_view(pg, "group=high")
    href = pg.locator("#report-html").get_attribute("href")
    assert href == (
        "/api/report?reporter=RU-MOW&year=2020&compare=2019&lang=en&months=1-8&groups=tech"
        "&group=high&format=html"
    )
