"""Russian readings found wrong on heldout15 (round 17ru2).

Sentences written for these tests. Expected figures come from DuckDB on the raw files:
examples/moscow-2020/flows.csv (Moscow's exports by month, 2019-2020).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import duckdb
import pytest

import hitex.report.claims as claims
from hitex import demo
from tests.report.claims._shared import find as _found
from tests.report.claims._shared import raw_sum

ROOT = Path(__file__).parents[3]
MOSCOW = ROOT / "examples" / "moscow-2020" / "flows.csv"
_sum = partial(raw_sum, MOSCOW)


def test_a_month_opening_the_sentence_before_a_parenthesis_dates_the_figure(corpus):
    # DuckDB: Moscow's exports in December 2020 were 217.247 million (2 403.8 in the year).
    # «В декабре, например, ...»: the month sits in a clause of its own before «например», and
    # the figure was read as the whole year's (a red flag on a true figure).
    assert _sum("flow = 'export' AND year = 2020 AND month = 12") == pytest.approx(217.247, 1e-5)
    text = ("Экспорт Москвы в 2020 году.\n\n"
            "Москва продала за рубеж товаров на 2,4 млрд долларов. "
            "В декабре, например, вывоз составил 217 млн долларов.")  # fmt: skip
    r = _found(claims.check(corpus, text), "217")
    assert r.claim.period.months == (12, 12), r.claim.period
    assert r.verdict == "supported", r.reason


def test_every_month_about_a_figure_is_checked_month_by_month(corpus):
    # DuckDB: Moscow's exports in 2020 were 191.857 million in each of months 1-8 and 217.247
    # in each of months 9-12 (200.32 on average). «Каждый месяц ... около 200 млн» holds on
    # average only: the months 9-12 lie outside "about 200" (it was supported as the average).
    jan = _sum("flow = 'export' AND year = 2020 AND month = 1")
    dec = _sum("flow = 'export' AND year = 2020 AND month = 12")
    assert (jan, dec) == (pytest.approx(191.857, 1e-5), pytest.approx(217.247, 1e-5))
    assert _sum("flow = 'export' AND year = 2020") / 12 == pytest.approx(200.32, abs=0.01)
    text = ("Экспорт Москвы в 2020 году.\n\n"
            "Каждый месяц 2020 года Москва экспортировала примерно одинаково — около 200 млн "
            "долларов.")  # fmt: skip
    r = _found(claims.check(corpus, text), "200")
    assert r.verdict == "contradicted", r.reason
    # Each of months 9-12 had about 217 million: true month by month.
    text = ("Экспорт Москвы в 2020 году.\n\n"
            "С сентября по декабрь каждый месяц Москва вывозила товаров примерно на 217 млн "
            "долларов.")  # fmt: skip
    r = _found(claims.check(corpus, text), "217")
    assert r.verdict == "supported", r.reason


def test_a_year_named_in_the_figures_clause_is_not_a_quarter_named_later(corpus):
    # DuckDB: Moscow's exports were 1 849.11 million in 2019 (462.28 in its third quarter).
    # The figure with «в 2019 г.» was read as of the third quarter a later clause names.
    assert _sum("flow = 'export' AND year = 2019") == pytest.approx(1849.11, abs=0.01)
    text = ("Экспорт Москвы в 2019–2020 годах.\n\n"
            "Вывоз составил 1849,1 млн долл. в 2019 г., а в III квартале 2020 г. увеличился "
            "на 30%.")  # fmt: skip
    r = _found(claims.check(corpus, text), "1849,1")
    assert r.claim.period.months is None, r.claim.period
    assert r.verdict == "supported", r.reason


def test_goods_bought_in_the_passive_are_imports_worth_the_figure(corpus):
    # DuckDB on the Chile sample: Chile's imports from Argentina of heading 2710 were 297.95
    # million in 2004. «нефтепродуктов закуплено на 298 млн» was read as exports (a partner is
    # named in the sentence) and as a change (the «на» before the figure).
    files = [str(p) for p in demo.files()]
    rows = duckdb.sql(
        f"SELECT sum(value_usd) FROM read_csv({files}, types={{'product': 'VARCHAR'}}) "
        "WHERE year = 2004 AND flow = 'import' AND lpad(product, 6, '0') LIKE '2710%'"
    ).fetchall()
    assert float(rows[0][0]) / 1e6 == pytest.approx(297.95, abs=0.01)
    text = ("Импорт Чили из Аргентины в 2004 году.\n\n"
            "Торговля с Аргентиной росла, и в 2004 году нефтепродуктов закуплено "
            "на 298 млн долл.")  # fmt: skip
    r = _found(claims.check(corpus, text), "298")
    assert r.claim.subject.flow == "import", r.claim
    assert r.claim.metric is None, r.claim
    assert r.verdict == "supported", r.reason
