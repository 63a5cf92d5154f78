"""Readings of year, flow and shares that left true figures unsupported or flagged them wrongly.

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
from tests.report.claims._shared import portugal_by_flow_mn as _portugal


def _moscow_shares(partners: list[str]) -> dict[int, float]:
    m = pd.read_csv(MOSCOW)
    x = m[m["flow"] == "export"].groupby(["year", "partner"])["value_usd"].sum()
    return {y: 100 * x[y][partners].sum() / x[y].sum() for y in (2019, 2020)}


def test_a_level_after_a_span_of_years_is_of_its_last_year(corpus):
    p = _portugal()
    assert p.loc[2019, "export"] == pytest.approx(2600)  # the raw file
    head = "Portugal's technology trade, 2021.\n\n"
    right = _by_span(claims.check(corpus, head + "Between 2018 and 2019 exports soared to $2.6 "
                                  "billion."))  # fmt: skip
    wrong = _by_span(claims.check(corpus, head + "Between 2018 and 2019 exports soared to $3.1 "
                                  "billion."))  # fmt: skip
    assert right["$2.6 billion"].verdict == "supported", right["$2.6 billion"].reason
    # Read for certain: a wrong level is flagged, not left unverifiable.
    assert wrong["$3.1 billion"].verdict == "contradicted", wrong["$3.1 billion"].reason


def test_the_final_year_is_the_articles_year_for_its_sentence_and_the_next(corpus):
    p = _portugal()
    assert p.loc[2021, "export"] == pytest.approx(4500)  # the raw file
    assert p.loc[2021, "deficit"] == pytest.approx(86)
    assert p.loc[2019, "deficit"] == pytest.approx(270)  # the year of the sentence before
    text = (
        "Portugal's technology trade, 2001-2021.\n\n"
        "Between 2018 and 2019 exports jumped to $2.6 billion. In the final year the figure "
        "stood at $4.5 billion. The shortfall shrank to $86 million, while two-way trade came to "
        "$9.2 billion."
    )
    got = _by_span(claims.check(corpus, text))
    assert got["$4.5 billion"].verdict == "supported", got["$4.5 billion"].reason
    assert got["$86 million"].verdict == "supported", got["$86 million"].reason
    # 2021's turnover is 9,086 million: $9.2 billion is wrong, and the year is certain.
    assert p.loc[2021, "export"] + p.loc[2021, "import"] == pytest.approx(9086)
    assert got["$9.2 billion"].verdict == "contradicted", got["$9.2 billion"].reason


def test_shares_with_a_partner_in_common_do_not_add_up(corpus):
    pair, china, asia = _moscow_shares(["CHN", "JPN"]), _moscow_shares(["CHN"]), 63.75
    assert pair[2020] == pytest.approx(44.72, abs=0.01)  # the raw file
    assert china[2020] == pytest.approx(23.43, abs=0.01)
    text = (
        "Moscow technology exports, 2020.\n\n"
        "China and Japan together took almost 45% of exports in 2020. China alone took 23.4%. "
        "Asian buyers took nearly two thirds of the total."
    )
    got = _by_span(claims.check(corpus, text))
    assert asia > pair[2020] > china[2020]  # nested parts: no conflict, whatever they add up to
    for span in ("almost 45%", "23.4%", "nearly two thirds"):
        assert got[span].verdict == "supported", got[span].reason


def test_shares_of_different_partners_still_conflict(corpus):
    text = "Moscow technology exports, 2020.\n\nChina took 60% of exports in 2020 and Japan 55%."
    got = _by_span(claims.check(corpus, text))
    assert got["60%"].verdict != "supported"
    # By hand: at least 59.5% + 54.5% (the words' rounding) = 114.0%.
    assert "add up to 114.0%" in got["60%"].reason


def test_a_share_said_to_rise_is_supported_only_where_it_rose(corpus):
    china = _moscow_shares(["CHN"])
    assert china[2020] < china[2019]  # the raw file: 24.89% -> 23.43%, a fall
    head = "Moscow technology exports, 2020.\n\n"
    (rose,) = claims.check(corpus, head + "China's share of exports rose to 23.4% in 2020.")
    (fell,) = claims.check(corpus, head + "China's share of exports fell to 23.4% in 2020.")
    assert rose.verdict != "supported", rose.reason
    assert "fell from 24.89%" in rose.reason
    assert fell.verdict == "supported", fell.reason


def test_matched_is_a_coverage_of_imports(corpus):
    p = _portugal()
    assert 100 * p.loc[2021, "export"] / p.loc[2021, "import"] == pytest.approx(98.13, abs=0.01)
    (r,) = claims.check(corpus, "Portugal, 2021.\n\nIn 2021 exports matched 98% of imports.")
    assert r.verdict == "supported", r.reason


def test_a_pronoun_goes_on_with_the_flow_its_paragraph_named(corpus):
    p = _portugal()
    assert p.loc[2016, "deficit"] == pytest.approx(150)  # the raw file
    assert p.loc[2016, "export"] == pytest.approx(1280)
    assert p.loc[2007, "deficit"] == pytest.approx(150)
    en = (
        "Portugal's technology trade, 2021.\n\n"
        "The trade gap has a long history. In 2016 it fell to $150 million, and exports came "
        "to $1.28 billion."
    )
    got = _by_span(claims.check(corpus, en))
    assert got["$150 million"].verdict == "supported", got["$150 million"].reason
    assert got["$1.28 billion"].verdict == "supported", got["$1.28 billion"].reason
    ru = (
        "Торговля Португалии технологическими товарами, 2021 год.\n\n"
        "Дефицит менялся сильно. В 2007 г. он опускался до 150 млн долларов, а экспорт тогда "
        "составлял 910 млн."
    )
    got = _by_span(claims.check(corpus, ru))
    assert got["150 млн долларов"].verdict == "supported", got["150 млн долларов"].reason
    # Not certain: a wrong figure told by a pronoun is no red flag, and never supported.
    wrong = en.replace("$150 million", "$250 million")
    got = _by_span(claims.check(corpus, wrong))
    assert got["$250 million"].verdict == "unverifiable", got["$250 million"].reason


def test_a_figure_that_went_the_other_way_is_of_the_other_flow(corpus):
    x = pd.read_csv(PORTUGAL)
    china = x[(x["year"] == 2021) & (x["partner"] == "CHN")].groupby("flow")["value_usd"].sum()
    assert china["import"] / 1e6 == pytest.approx(1834.4)  # the raw file
    assert china["export"] / 1e6 == pytest.approx(199.8)
    head = "Portugal's technology trade, 2021.\n\n"
    right = _by_span(claims.check(corpus, head + "In 2021 China supplied $1.83 billion of "
                                  "imports, against $200 million that went the other way."))  # fmt: skip
    wrong = _by_span(claims.check(corpus, head + "In 2021 China supplied $1.83 billion of "
                                  "imports, against $300 million that went the other way."))  # fmt: skip
    assert right["$200 million"].verdict == "supported", right["$200 million"].reason
    assert "exports to China in 2021" in right["$200 million"].reason
    assert wrong["$300 million"].verdict == "contradicted", wrong["$300 million"].reason


def test_po_after_monthly_is_each_month_not_each_partner(corpus):
    m = pd.read_csv(MOSCOW)
    months = m[(m["flow"] == "export") & (m["year"] == 2020) & m["month"].between(9, 12)]
    assert months["value_usd"].sum() / 4 / 1e6 == pytest.approx(217.247, abs=0.001)  # raw file
    text = (
        "Экспорт высокотехнологичной продукции Москвы в 2020 году.\n\n"
        "Ежемесячно с сентября по декабрь столичные предприятия отгружали продукции по 217,2 "
        "млн долларов."
    )
    (r,) = claims.check(corpus, text)
    assert r.verdict == "supported", r.reason
    # «Ежемесячно ... по 217,2 млн»: each month holds it, not only their average.
    assert "in each month of months 9-12" in r.reason


def test_a_level_read_with_a_guessed_year_faults_no_share(corpus):
    p = _portugal()
    assert p.loc[2020, "export"] == pytest.approx(3461.54, abs=0.01)  # the raw file
    assert 100 * p.loc[2021, "export"] / p.loc[2021, "import"] == pytest.approx(98.13, abs=0.01)
    x = pd.read_csv(PORTUGAL)
    x = x[(x["year"] == 2021) & (x["flow"] == "export")].groupby("partner")["value_usd"].sum()
    assert 100 * x["NLD"] / x.sum() == pytest.approx(25.2, abs=0.01)
    head = (
        "Portugal's technology trade, 2021.\n\n"
        "Exports reached $4.5 billion last year, 30% above the 2020 level of $3.46 billion. "
    )
    got = _by_span(claims.check(corpus, head + "Imports came to $4.59 billion. Exports now "
                                "cover 98% of imports."))  # fmt: skip
    assert got["98%"].verdict == "supported", got["98%"].reason
    got = _by_span(claims.check(corpus, head + "The Netherlands took $1.13 billion, a quarter "
                                "of all exports."))  # fmt: skip
    assert got["a quarter"].verdict == "supported", got["a quarter"].reason


def test_a_decade_before_a_when_clause_and_last_year_date_their_figures(corpus):
    p = _portugal()
    cover = 100 * p["export"] / p["import"]
    assert cover[2011] == pytest.approx(84.68, abs=0.01)  # the raw file: "a decade before" 2021
    growth = 100 * (p["export"] / p["export"].shift(1) - 1)
    assert growth[2019] == pytest.approx(85.71, abs=0.01)
    assert p.loc[2021, "export"] == pytest.approx(4500)
    head = "Portugal's technology trade, 2021.\n\n"
    got = _by_span(claims.check(corpus, head + "The gap has almost closed: exports paid for 98% "
                                "of imports in 2021, against 85% a decade before."))  # fmt: skip
    assert got["85%"].verdict == "supported", got["85%"].reason
    assert "2011" in got["85%"].reason
    got = _by_span(claims.check(corpus, head + "Growth was slow for years. The turning point "
                                "was 2019, when foreign sales soared 85.7%."))  # fmt: skip
    assert got["soared 85.7%"].verdict == "supported", got["soared 85.7%"].reason
    wrong = _by_span(claims.check(corpus, head + "Growth was slow for years. The turning point "
                                  "was 2019, when foreign sales soared 65.7%."))  # fmt: skip
    assert wrong["soared 65.7%"].verdict == "contradicted", wrong["soared 65.7%"].reason
    got = _by_span(claims.check(corpus, head + "In 2001 Portugal sold $620 million of technology "
                                "goods abroad. Last year: $4.5 billion."))  # fmt: skip
    assert got["$4.5 billion"].verdict == "supported", got["$4.5 billion"].reason


def test_by_a_year_dates_the_level_said_with_it(corpus):
    p = _portugal()
    assert p.loc[2016, "export"] == pytest.approx(1280)  # the raw file
    assert p.loc[2021, "export"] == pytest.approx(4500)
    head = "Portugal's technology trade, 2021.\n\n"
    got = _by_span(claims.check(corpus, head + "Exports, worth $1.28 billion in 2016, had "
                                "reached $4.5 billion by 2021."))  # fmt: skip
    assert got["$4.5 billion"].verdict == "supported", got["$4.5 billion"].reason
    wrong = _by_span(claims.check(corpus, head + "Exports, worth $1.28 billion in 2016, had "
                                  "reached $4.1 billion by 2021."))  # fmt: skip
    assert wrong["$4.1 billion"].verdict == "contradicted", wrong["$4.1 billion"].reason
