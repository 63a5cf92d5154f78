"""The Russian dashboard in headless Chromium: partner groups and product schemes in Russian.

Chile's demo records are its trade with Argentina alone, so partner group Asia is not covered
(the page says so in Russian, naming the group in Russian) and South America is. Expected
Russian names are read with DuckDB from the UN's M49 overview in Russian, matched to the
English one by region code.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import duckdb
import pytest

import hitex
from tests.api.conftest import TOKEN, serve
from tests.fixtures import flows_file, latin_words, write_csv

pytestmark = [pytest.mark.browser, pytest.mark.slow]

M49 = Path(hitex.__file__).parent / "reference" / "data" / "country-codes"
LATIN = re.compile("[A-Za-z]")


def m49_ru() -> dict[str, str]:
    """English -> Russian names of every M49 region, sub-region and intermediate region."""
    out: dict[str, str] = {}
    for level in ("Region", "Sub-region", "Intermediate Region"):
        rows = duckdb.sql(
            f"""SELECT DISTINCT e."{level} Name", r."{level} Name"
            FROM read_csv('{M49 / "m49_overview_en.csv"}', all_varchar=true) e
            JOIN read_csv('{M49 / "m49_overview_ru.csv"}', all_varchar=true) r
            ON e."M49 Code" = r."M49 Code" WHERE e."{level} Name" IS NOT NULL"""
        ).fetchall()
        out.update({str(a): str(b) for a, b in rows})
    return out


@pytest.fixture
def page(db_copy):
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium")
    assert chromium, "the browser tests need Debian's chromium (.ci/system-deps installs it)"
    with serve(db_copy, token=TOKEN) as url, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        pg = browser.new_context(viewport={"width": 1280, "height": 1100}).new_page()
        problems: list[str] = []
        pg.on("pageerror", lambda e: problems.append(str(e)))
        pg.base_url = url  # type: ignore[attr-defined]
        yield pg
        browser.close()
        assert not problems


def wait_for_view(pg, fragment: str) -> None:
    pg.wait_for_function(
        "f => (document.body.dataset.view || '').includes(f)", arg=fragment, timeout=30_000
    )


def test_the_russian_page_names_partner_groups_in_russian(page):
    pg = page
    names = m49_ru()
    pg.goto(pg.base_url + "/?reporter=CHL&lang=ru")
    wait_for_view(pg, "reporter=CHL")
    options = pg.locator("#partner_group option").evaluate_all(
        "os => os.map(o => [o.value, o.textContent])"
    )
    groups = {value: text for value, text in options if value}
    assert groups["Asia"] == names["Asia"]
    assert groups["South America"] == names["South America"]
    # No built-in group keeps an English (Latin-letter) name on the Russian page.
    assert [text for text in groups.values() if LATIN.search(text)] == []
    schemes = pg.locator("#groups option").all_inner_texts()
    assert [text for text in schemes if LATIN.search(text.replace("ОЭСР", ""))] == [], schemes

    pg.select_option("#partner_group", label=names["Asia"])
    wait_for_view(pg, "partner_group=Asia")
    headline = " ".join(pg.locator("#headline").inner_text().split())
    assert f"Загруженные данные не охватывают группу партнёров «{names['Asia']}»." in headline
    assert "Аргентина" in headline
    assert "Asia" not in headline
    selection = pg.locator("#selection").inner_text()
    assert f"партнёры: {names['Asia']}" in selection
    assert not LATIN.search(selection.replace("(CHL)", ""))

    pg.select_option("#partner_group", label=names["South America"])
    wait_for_view(pg, "partner_group=South")
    selection = pg.locator("#selection").inner_text()
    assert f"партнёры: {names['South America']}" in selection
    assert "South America" not in pg.locator("body").inner_text()


def test_uploading_a_file_on_the_russian_page_speaks_russian(page, tmp_path):
    """The file button and the load's summary in the page's words, not the browser's or API's."""
    pg = page
    pg.goto(pg.base_url + "/?reporter=CHL&lang=ru")
    wait_for_view(pg, "reporter=CHL")
    assert pg.locator("label[for=upload-file]").inner_text() == "Выбрать файл"
    assert pg.locator("#upload-file-name").inner_text() == "файл не выбран"
    assert pg.locator("#upload-format option:checked").inner_text() == "по файлу"
    rows = [(2004, "", "CHL", "BRA", "export", "851762", "2500000"),
            (2004, "", "CHL", "Brazl", "export", "851762", "1")]  # fmt: skip
    pg.fill("#upload-token", TOKEN)
    pg.set_input_files("#upload-file", str(flows_file(tmp_path / "brazil.csv", rows)))
    assert pg.locator("#upload-file-name").inner_text() == "brazil.csv"
    pg.click("#upload-button")
    pg.wait_for_selector("#upload-result.loaded", timeout=60_000)
    said = pg.locator("#upload-result").inner_text()
    # The API's own Russian summary (the page posts ?lang=ru), with where the rejects are.
    assert (
        "brazil.csv — прочитано записей: 2, загружено: 1, отклонено: 1 (см. hitex rejects" in said
    )
    assert not LATIN.search(re.sub(r"hitex rejects --load \d+", "", said.replace("brazil.csv", "")))
    assert pg.locator("#upload-step").inner_text() == "готово"

    # A file without the flows columns: the API's Russian sentence, not its English one.
    pg.set_input_files("#upload-file", str(write_csv(tmp_path / "bad.csv", ["hs6", "value"],
                                                     [["851762", "10"]])))  # fmt: skip
    pg.click("#upload-button")
    pg.wait_for_selector("#upload-result.failed", timeout=60_000)
    said = pg.locator("#upload-result").inner_text()
    # No format chosen («по файлу»): no format reads these columns, said in Russian.
    assert said.startswith("Ошибка: bad.csv: формат не определить по столбцам («hs6», «value»)")
    assert latin_words(said) == []


def test_a_bad_parameter_is_one_russian_sentence_on_the_russian_page(page):
    pg = page
    pg.goto(pg.base_url + "/?reporter=CHL&year=2004&months=13&lang=ru")
    pg.wait_for_selector("#error:not([hidden])", timeout=30_000)
    said = pg.locator("#error").inner_text()
    assert said == "months: '13' — не диапазон месяцев в пределах 1-12 (от первого к последнему)."
    assert latin_words(said) == []


def test_a_late_progress_answer_does_not_overwrite_done(page, tmp_path):
    """Progress polls still in flight when the load's answer comes must not write their step after it.

    Each progress answer is held back half a second, so polls are pending when the load ends.
    """
    pg = page
    pg.goto(pg.base_url + "/?reporter=CHL&lang=ru")
    wait_for_view(pg, "reporter=CHL")

    def slow(route):
        time.sleep(0.5)
        route.continue_()

    pg.route("**/api/loads/progress/**", slow)
    rows = [(2004, "", "CHL", "BRA", "export", "851762", "2500000")]
    pg.fill("#upload-token", TOKEN)
    pg.set_input_files("#upload-file", str(flows_file(tmp_path / "brazil.csv", rows)))
    pg.click("#upload-button")
    pg.wait_for_selector("#upload-result.loaded", timeout=60_000)
    pg.wait_for_timeout(2_000)  # every held-back poll has answered by now
    assert pg.locator("#upload-step").inner_text() == "готово"
