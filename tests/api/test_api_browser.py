"""The dashboard in headless Chromium: filters, charts, tables, CSV, upload, a shared link."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.api.conftest import TOKEN, serve
from tests.fixtures import flows_file

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Where the screenshot is kept after the run (ignored by git).
SHOTS = Path(__file__).parents[2] / "build" / "screenshots"


@pytest.fixture
def page(db_copy):
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium")
    assert chromium, "the browser tests need Debian's chromium (.ci/system-deps installs it)"
    with serve(db_copy, token=TOKEN) as url, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        context = browser.new_context(
            viewport={"width": 1400, "height": 1300}, accept_downloads=True
        )
        pg = context.new_page()
        problems: list[str] = []
        pg.on("pageerror", lambda e: problems.append(str(e)))
        # A CSV link is a download: the browser reports its navigation as aborted.
        pg.on("requestfailed", lambda r: "format=csv" in r.url or problems.append(r.url))
        pg.base_url = url  # type: ignore[attr-defined]
        pg.problems = problems  # type: ignore[attr-defined]
        yield pg
        browser.close()
        assert not problems


def wait_for_view(pg, fragment: str) -> None:
    pg.wait_for_function(
        "f => (document.body.dataset.view || '').includes(f)", arg=fragment, timeout=30_000
    )


def cells(pg, table: str, column: int) -> list[str]:
    return pg.locator(f"#{table} tbody tr td:nth-child({column})").all_inner_texts()


def codes(pg, table: str) -> list[str]:
    return pg.locator(f"#{table} tbody td.name .code").all_inner_texts()


def titles(pg, table: str, column: str) -> list[int]:
    """The exact figures behind a column's cells (each cell's title)."""
    found = pg.locator(f"#{table} tbody td.c-{column}").evaluate_all("ts => ts.map(t => t.title)")
    return [int(t.replace(",", "")) for t in found]


def test_dashboard(page, tmp_path):
    pg = page
    url = pg.base_url
    pg.goto(url + "/")
    wait_for_view(pg, "reporter=CHL")
    # Latest year against the one before, by default: exports 2004 against 2002.
    headline = pg.locator("#headline").inner_text()
    assert "Exports 2004" in headline
    assert "$262.96M" in headline
    assert "+37.6%" in headline
    assert cells(pg, "table-partners", 2) == ["$262.96M"]
    assert pg.locator("#chart-series").is_visible()
    chart_before = pg.locator("#chart-partners svg").inner_html()
    assert pg.locator("#chart-map svg path").count() > 100  # the world's countries

    # A filter changes the chart, the table and the URL.
    pg.select_option("#flow", "import")
    wait_for_view(pg, "flow=import")
    assert cells(pg, "table-partners", 2) == [
        "$2.04B"
    ]  # pandas sum of the demo files: 2,035,411,299
    assert titles(pg, "table-partners", "value_usd") == [2_035_411_299]
    assert pg.locator("#chart-partners svg").inner_html() != chart_before
    assert "flow=import" in pg.url

    # A product scheme and a group of it.
    pg.select_option("#groups", "tech")
    wait_for_view(pg, "groups=tech")
    # Records the scheme does not map are a row of their own: the groups add up to the total.
    # Here that is HS 999999 of 2002 ("commodities not specified according to kind").
    assert set(codes(pg, "table-products")) == {
        "high",
        "medium-high",
        "medium-low",
        "low",
        "none",
        "unspecified",
    }
    assert sum(titles(pg, "table-products", "value_usd")) == 2_035_411_299
    pg.select_option("#group", "high")
    wait_for_view(pg, "group=high")
    assert codes(pg, "table-products") == ["high"]

    # Sortable: twice on value_usd gives ascending order (the first click, descending).
    pg.select_option("#group", "")
    pg.wait_for_function(
        "v => document.body.dataset.view === v",
        arg="reporter=CHL&flow=import&year=2004&compare=2002&groups=tech", timeout=30_000,
    )  # fmt: skip
    header = pg.locator("#table-products th[data-column='value_usd']")
    header.click()
    header.click()
    values = titles(pg, "table-products", "value_usd")
    assert values == sorted(values)
    assert header.get_attribute("aria-sort") == "ascending"

    # CSV of a table: named by what it holds; money in cents as the API gives it.
    with pg.expect_download() as download:
        pg.click("#csv-partners")
    assert download.value.suggested_filename == "hitex-CHL-import-2004-vs-2002-by-partner.csv"
    saved = tmp_path / "partners.csv"
    download.value.save_as(saved)
    assert saved.read_text().startswith("partner,partner_name,value_usd")
    assert "ARG,Argentina,2035411299.0," in saved.read_text()  # all products: no group chosen

    # Upload a file through the page: summary, rejects, loads table, new figures.
    rows = [(2004, "", "CHL", "BRA", "export", "851762", "2500000"),
            (2004, "", "CHL", "Brazl", "export", "851762", "1")]  # fmt: skip
    pg.fill("#upload-token", TOKEN)
    pg.set_input_files("#upload-file", str(flows_file(tmp_path / "brazil.csv", rows)))
    pg.click("#upload-button")
    pg.wait_for_selector("#upload-result.loaded", timeout=60_000)
    assert "2 records read, 1 loaded, 1 rejected" in pg.locator("#upload-result").inner_text()
    assert "unknown partner 'Brazl'" in pg.locator("#upload-rejects").inner_text()
    assert pg.locator("#upload-progress").get_attribute("value") == "100"
    pg.wait_for_function(
        "() => document.querySelector('#table-loads tbody td:nth-child(2)').textContent"
        " === 'brazil.csv'", timeout=30_000,
    )  # fmt: skip

    # Exports again, all groups: Brazil is there now. Then keep a picture of it.
    pg.select_option("#flow", "export")
    wait_for_view(pg, "flow=export")
    assert "BRA" in codes(pg, "table-partners")
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)

    # The URL is the view: a new page opened on it shows the same filters and figures.
    shared = pg.url
    other = pg.context.new_page()
    other.goto(shared)
    wait_for_view(other, "groups=tech")
    assert other.locator("#flow").input_value() == "export"
    assert other.locator("#groups").input_value() == "tech"
    assert other.locator("#headline").inner_text() == pg.locator("#headline").inner_text()


def test_bad_parameters_show_one_sentence(page):
    pg = page
    pg.goto(page.base_url + "/?reporter=CHL&year=2004&months=1-8")
    wait_for_view(pg, "reporter=CHL")
    # Chile's records are annual: the months are left out, and the page says so.
    assert (
        pg.locator("#notes").inner_text() == "Chile has annual records only: all months are shown."
    )
    assert "months=" not in pg.url
    pg.goto(page.base_url + "/?reporter=CHL&year=2004&months=13")
    pg.wait_for_selector("#error:not([hidden])", timeout=30_000)
    assert pg.locator("#error").inner_text() == (
        "months: '13' is not a month range within 1-12, first to last."
    )


def test_a_partner_group_the_loads_do_not_hold_shows_no_figure(page):
    """Chile's demo records are with Argentina alone: Asia is not covered, not $0."""
    pg = page
    pg.goto(pg.base_url + "/?reporter=CHL&partner_group=Asia")
    wait_for_view(pg, "partner_group=Asia")
    headline = pg.locator("#headline").inner_text()
    assert "do not cover partner group 'Asia'" in headline
    assert "Argentina" in headline
    assert "$" not in headline
    assert cells(pg, "table-partners", 2) == []
    assert pg.locator("#report-html").get_attribute("href") is None
    # No empty panels or report links stand for figures.
    assert not pg.locator("#chart-series").is_visible()
    assert not pg.locator("#downloads").is_visible()
    # Another group that holds Argentina answers again.
    pg.select_option("#partner_group", "South America")
    wait_for_view(pg, "partner_group=South")
    assert cells(pg, "table-partners", 2) == ["$262.96M"]
    assert pg.locator("#chart-series").is_visible()


def test_a_product_row_begins_with_its_code_on_desktop_and_phone(page):
    # Names of one heading begin alike and are cut at the cell's width: the code comes first,
    # and stays visible on a phone (the partners' codes after their names are hidden there).
    pg = page
    for width in (1400, 390):
        pg.set_viewport_size({"width": width, "height": 900})
        pg.goto(pg.base_url + "/?reporter=CHL&year=2004")
        wait_for_view(pg, "reporter=CHL")
        rows = pg.locator("#table-products tbody td.c-product")
        assert rows.count() > 5
        for i in range(rows.count()):
            cell = rows.nth(i)
            code = cell.locator(".code")
            assert code.get_attribute("class") == "code lead"
            assert cell.inner_text().startswith(code.inner_text())
            assert cell.get_attribute("title").endswith(f"({code.inner_text()})")
            assert code.is_visible()
        partner = pg.locator("#table-partners tbody td.c-partner .code").first
        assert partner.is_visible() == (width > 600)


def test_the_largest_products_chart_draws_one_bar_a_product(page):
    # Names cut at the chart's label width begin alike ("Turbines; gas-turbines (excluding
    # ..."): each product is its own category, labelled by its code first.
    pg = page
    pg.goto(pg.base_url + "/?reporter=CHL&year=2004")
    wait_for_view(pg, "reporter=CHL")
    chart = pg.locator("#chart-products")
    pg.wait_for_function("() => document.querySelector('#chart-products').dataset.rows")
    rows = int(chart.get_attribute("data-rows"))
    texts = chart.locator("g.role-axis-label text").evaluate_all("ts => ts.map(t => t.textContent)")
    labels = [t for t in texts if t[:6].isdigit()]
    assert rows > 5
    assert len(labels) == len(set(labels)) == rows, labels
