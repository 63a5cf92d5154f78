"""The dashboard's enterprise-group filter, in headless Chromium over a real ``hitex serve``.

The warehouse holds the demo's Chile (no enterprises) and the constructed Saint Petersburg
extract with its registry. Expected figures come from pandas on the bundled enterprise CSV and
registry: a record counts for a group when its firm is a member in the record's year.
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
from tests.api.conftest import serve
from tests.api.test_api_dashboard import SHOTS, money, open_page, options, text, wait_for_view

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DATA = Path(demo.__file__).parent / "data"


@pytest.fixture(scope="module")
def records() -> pd.DataFrame:
    return pd.read_csv(DATA / "enterprises-2020.csv", dtype={"product": str})


@pytest.fixture(scope="module")
def registry() -> pd.DataFrame:
    return pd.read_csv(DATA / "enterprises-registry.csv", dtype=str)


def in_group(records: pd.DataFrame, registry: pd.DataFrame, group: str, year: int) -> pd.DataFrame:
    """Records of ``year`` whose firm is a member of ``group`` in that year."""
    m = registry[registry["group"] == group]
    start = pd.to_numeric(m["from_year"]).fillna(0)
    end = pd.to_numeric(m["to_year"]).fillna(9999)
    members = set(m[(start <= year) & (end >= year)]["firm"])
    r = records[(records["year"] == year) & (records["flow"] == "export")]
    return r[r["firm"].isin(members)]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("firms-dashboard") / "hitex.duckdb"
    flows, registry = demo.enterprise_files()
    with hitex.open(path) as s:
        s.load([*demo.files(), flows], format="flows")
        s.add_firms(registry)
    with serve(path) as url:
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


def test_firm_group_filter(browser, server, records, registry):
    pg = open_page(browser)
    try:
        pg.goto(server + "/?reporter=RU-SPE&year=2020&compare=2019")
        wait_for_view(pg, "reporter=RU-SPE")
        # The groups whose members have records of Saint Petersburg, as the registry says.
        spb = set(records[records["reporter"] == "RU-SPE"]["firm"])
        groups = sorted(set(registry[registry["firm"].isin(spb)]["group"].dropna()))
        assert pg.locator("#firm-group-filter").is_visible()
        assert options(pg, "firm_group") == ["", *groups]

        pg.select_option("#firm_group", "high-tech")
        wait_for_view(pg, "firm_group=high-tech")
        assert "firm_group=high-tech" in pg.url
        assert "enterprises: high-tech" in text(pg, "#selection")
        high = in_group(records, registry, "high-tech", 2020)
        assert money(high["value_usd"].sum()) in text(pg, "#headline")
        # The report of the view is the group's.
        href = pg.locator("#report-md").get_attribute("href") or ""
        assert "firm_group=high-tech" in href
        report = httpx.get(server + href, timeout=120)
        assert report.status_code == 200, report.text
        assert "high-tech" in report.text

        # Export-support: Germany's figure rests on fewer than 3 enterprises; it is withheld
        # (with the rule), not shown as zero, and no largest partner is claimed.
        pg.select_option("#firm_group", "export-support")
        wait_for_view(pg, "firm_group=export-support")
        support = in_group(records, registry, "export-support", 2020)
        assert money(support["value_usd"].sum()) in text(pg, "#headline")
        # The group has no members in 2019 (the registry): no base figure of 0 is shown.
        assert in_group(records.assign(year=2019), registry, "export-support", 2019).empty
        assert "Enterprise group export-support has no members in 2019: no base year." in (
            text(pg, "#notes").splitlines()
        )
        assert "2019" not in text(pg, "#headline")
        firms = support.groupby("partner")["firm"].nunique()
        few = sorted(firms[firms < 3].index)
        assert few
        for partner in few:
            row = pg.locator("#table-partners tbody tr", has_text=partner)
            cell = row.locator("td.c-value_usd")
            assert cell.inner_text() == "suppressed"
            assert "fewer than 3 enterprises" in (cell.get_attribute("title") or "")
        assert "fewer than 3 enterprises" in text(pg, "#disclosure")
        assert "Largest partner" not in text(pg, "#headline")

        # Back: the group before, figures and URL alike.
        pg.go_back()
        wait_for_view(pg, "firm_group=high-tech")
        assert pg.locator("#firm_group").input_value() == "high-tech"
        assert money(high["value_usd"].sum()) in text(pg, "#headline")

        # Another reporter: no enterprises, no group, nothing of Saint Petersburg stays.
        pg.select_option("#reporter", "CHL")
        wait_for_view(pg, "reporter=CHL")
        assert "firm_group" not in pg.url
        assert not pg.locator("#firm-group-filter").is_visible()
        assert "enterprises:" not in text(pg, "#selection")
        assert "Enterprise group high-tech is not in the warehouse for Chile: left out." in (
            text(pg, "#notes").splitlines()
        )
        assert pg.locator("#disclosure").is_hidden()
        chile = pd.read_csv(DATA / "chl_arg_2004.csv")
        exports = chile[(chile["reporter"] == "CHL") & (chile["flow"] == "export")]
        assert money(exports["value_usd"].sum()) in text(pg, "#headline")
        assert money(high["value_usd"].sum()) not in text(pg, "#summary")
        SHOTS.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(SHOTS / "dashboard-firm-group.png"), full_page=True)
        assert not pg.problems  # type: ignore[attr-defined]
    finally:
        pg.context.close()
