"""Readings the held-out part heldout10 found wrong after it was scored (development since).

Sentences written for these tests. Expected figures come from pandas on the raw files:
bench/check_corpus/data/portugal-tech.csv (a constructed technology series of Portugal,
2001-2021) and examples/moscow-2020/flows.csv (Moscow's exports, 2019-2020).
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, PORTUGAL
from tests.report.claims._shared import by_span as _by_span


def _moscow_growth() -> float:
    m = pd.read_csv(MOSCOW)
    x = m[m["flow"] == "export"].groupby("year")["value_usd"].sum()
    return 100 * (x[2020] / x[2019] - 1)


def test_a_rate_of_growth_in_russian_statistics_is_the_level_against_the_base(corpus):
    # «Темп роста 130%»: 2020 is 130% of 2019, a rise of 30% (pandas: 30.00%).
    assert _moscow_growth() == pytest.approx(30.0, abs=0.01)
    text = ("Экспорт высокотехнологичной продукции Москвы в 2020 году составил 2,40 млрд долл. "
            "против 1,85 млрд долл. в 2019 году. Темп роста — 130,0%.")  # fmt: skip
    got = _by_span(claims.check(corpus, text))
    r = got["130,0%"]
    assert (r.claim.kind, r.verdict) == ("growth", "supported"), r.reason
    assert r.claim.quantity is not None
    assert r.claim.quantity.value == pytest.approx(30.0)
    wrong = _by_span(claims.check(corpus, text.replace("130,0%", "150,0%")))
    assert wrong["150,0%"].verdict != "supported"
    # «Темп прироста» is the rise itself.
    plus = _by_span(
        claims.check(corpus, text.replace("Темп роста — 130,0%", "Темп прироста — 30,0%"))
    )
    assert plus["30,0%"].verdict == "supported", plus["30,0%"].reason


def test_a_year_written_2021_m_dates_the_figure_before_it(corpus):
    p = pd.read_csv(PORTUGAL)
    exports = p[p["flow"] == "export"].groupby("year")["value_usd"].sum() / 1e6
    assert exports[2021] == pytest.approx(4500)
    text = ("Экспорт технологий Португалии вырос с 1 400 млн долларов в 2018 году до 4 500 млн в "
            "2021-м.")  # fmt: skip
    r = _by_span(claims.check(corpus, text))["4 500 млн"]
    assert r.claim.period.year == 2021
    assert r.verdict == "supported", r.reason


def test_of_the_five_largest_markets_is_no_rank_of_fifth(corpus):
    text = ("Экспорт технологий Португалии в 2021 году составил 4,5 млрд долларов. Доля пяти "
            "крупнейших рынков — около 62%.")  # fmt: skip
    for r in claims.check(corpus, text):
        if r.claim.kind == "rank":
            assert r.claim.quantity is None or r.claim.quantity.value != 5, r.claim.span
            assert r.verdict not in ("contradicted", "inconsistent"), r.reason
