"""Readings that gave a false "supported" (sentences written for these tests).

Expected figures come from pandas on the raw files: bench/check_corpus/data/portugal-tech.csv
(a constructed technology series of Portugal, 2001-2021), examples/moscow-2020/flows.csv
(Moscow's exports, 2019-2020) and the Chile-Argentina sample (src/hitex/demo/data).
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo
from tests.report.claims._shared import MOSCOW, PORTUGAL
from tests.report.claims._shared import by_span as _by_span
from tests.report.claims._shared import portugal_by_flow as _portugal


def test_a_year_before_its_noun_dates_the_figure_and_the_record_after_it(corpus):
    p = _portugal()
    assert p.loc[2020, "deficit"] == pytest.approx(190e6)  # the raw file, not hitex
    assert p.loc[2007, "deficit"] < p.loc[2020, "deficit"]  # so 2020 is not the lowest since 2001
    text = (
        "Portugal's technology trade, 2021.\n\n"
        "A 2020 shortfall of $190 million already marked the lowest level since 2001."
    )
    got = _by_span(claims.check(corpus, text))
    assert got["$190 million"].verdict == "supported"
    assert got["the lowest level since 2001"].verdict == "contradicted"


def test_exports_to_counted_partners_are_not_the_total(corpus):
    p = pd.read_csv(PORTUGAL)
    x = p[(p["flow"] == "export") & (p["year"] == 2021)].groupby("partner")["value_usd"].sum()
    assert (x > 300e6).sum() == 4  # the raw file: four markets over $300 million, not five
    for text in (
        "Portugal's technology exports, 2021.\n\nExports to five countries exceeded $300 million.",
        "Технологический экспорт Португалии, 2021 год.\n\n"
        "Поставки в пять стран превысили 300 млн долларов.",
    ):
        (result,) = claims.check(corpus, text)
        assert result.verdict != "supported", result.reason


def test_passed_a_threshold_is_more_than_it(corpus):
    c = pd.concat(pd.read_csv(f) for f in demo.files())
    turnover = c[c["year"] == 2004]["value_usd"].sum()
    assert 2.2e9 < turnover < 2.3e9  # the raw files: US$2,298 million
    head = "Чили и Аргентина, 2004 год.\n\n"
    (over_23,) = claims.check(
        corpus, head + "Товарооборот Чили в 2004 году перевалил за 2,3 млрд долларов."
    )
    (over_22,) = claims.check(
        corpus, head + "Товарооборот Чили в 2004 году перевалил за 2,2 млрд долларов."
    )
    assert over_23.verdict == "contradicted"
    assert over_22.verdict == "supported"


def test_the_partner_that_overtook_another_is_the_one_ranked(corpus):
    m = pd.read_csv(MOSCOW)
    x = m[(m["flow"] == "export") & (m["year"] == 2020)].groupby("partner")["value_usd"].sum()
    assert list(x.sort_values(ascending=False).index[:2]) == ["CHN", "JPN"]  # the raw file
    y = m[(m["flow"] == "export") & (m["year"] == 2019)].groupby("partner")["value_usd"].sum()
    assert y["CHN"] > y["JPN"]  # China was ahead of Japan in 2019 too: it overtook no one
    head = "Moscow technology exports, 2020.\n\n"
    japan = {r.claim.kind: r for r in claims.check(corpus, head + "Japan overtook China as the top buyer in 2020.")}  # fmt: skip
    china = {r.claim.kind: r for r in claims.check(corpus, head + "China overtook Japan as the top buyer in 2020.")}  # fmt: skip
    assert japan["rank"].verdict == "contradicted"
    assert china["rank"].verdict == "supported"
    # The overtaking itself (a claim of its own since round 17): wrong both ways round.
    assert japan["multiple"].verdict == "contradicted"
    assert china["multiple"].verdict == "contradicted", china["multiple"].reason
    ru = claims.check(corpus, "Экспорт Москвы, 2020 год.\n\n"
                      "Япония опередила Китай и стала крупнейшим покупателем в 2020 году.")  # fmt: skip
    assert ru
    assert all(r.verdict != "supported" for r in ru), [r.reason for r in ru]


def test_a_count_of_partners_stays_a_count(corpus):
    p = pd.read_csv(PORTUGAL)
    n = p[(p["flow"] == "export") & (p["year"] == 2021)]["partner"].nunique()
    assert n == 14  # the raw file
    text = (
        "Технологический экспорт Португалии, 2021 год.\n\n"
        "В 2021 году Португалия поставляла технологические товары в 14 стран."
    )
    (result,) = claims.check(corpus, text)
    assert result.verdict == "supported", result.reason
