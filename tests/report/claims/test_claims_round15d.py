"""Readings that kept a claim from a false "supported" or a false red flag (round 15).

Sentences written for these tests. Expected figures come from pandas on the raw file
examples/moscow-2020/flows.csv (Moscow's exports, 2019-2020).
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import find as _find
from tests.report.claims._shared import moscow as _moscow

LEAD = "Moscow's technology exports reached $2.4bn in 2020. "


def _shares() -> pd.DataFrame:
    m = _moscow()
    by = m.groupby(["partner", "year"])["value_usd"].sum().unstack()
    return 100 * by / m.groupby("year")["value_usd"].sum()


def test_a_share_that_edged_up_to_its_level_is_no_support_where_it_fell(corpus):
    s = _shares()
    assert s.loc["JPN", 2020] == pytest.approx(21.29, abs=0.005)  # "about 21%": the level holds
    assert s.loc["JPN", 2020] < s.loc["JPN", 2019]  # but it fell, from 21.93%
    assert s.loc["IND", 2020] == pytest.approx(5.84, abs=0.005)
    assert s.loc["IND", 2020] > s.loc["IND", 2019]  # rose, from 4.65%
    text = LEAD + "Japan's share edged up to about 21%, while India's share edged up to 5.8%."
    results = claims.check(corpus, text)
    japan = _find(results, "21%")
    assert japan.verdict == "unverifiable", japan.reason
    assert "fell from 21.93% in 2019" in japan.reason
    india = _find(results, "5.8%")
    assert india.verdict == "supported", india.reason


def test_a_rank_among_buyers_of_goods_named_before_is_not_read_on_all_goods(corpus):
    m = _moscow()
    total = m.groupby("partner")["value_usd"].sum()
    chapter = m[m["product"].str.zfill(6).str[:2] == "90"]
    instruments = chapter[chapter["year"] == 2020].groupby("partner")["value_usd"].sum()
    by_total = m[m["year"] == 2020].groupby("partner")["value_usd"].sum()
    assert list(by_total.sort_values(ascending=False).index[:3]) == ["CHN", "JPN", "DEU"]
    assert list(instruments.sort_values(ascending=False).index[:4]) == [
        "JPN",
        "CHN",
        "USA",
        "DEU",
    ]  # Germany is fourth among the instruments' buyers
    assert len(total) > 3
    text = (LEAD + "The city's instrument makers had a good year: Germany was the third buyer "
            "of these instruments.")  # fmt: skip
    r = _find(claims.check(corpus, text), "third")
    assert r.verdict != "supported", r.reason
    # "Instruments" are chapter 90 by the lexicon now: ranked among its six buyers.
    assert "among 6 partners" in r.reason, r.reason


def test_the_chapters_figure_when_the_chapter_is_not_read_is_no_red_flag(corpus):
    m = _moscow()
    chapter = m[m["product"].str.zfill(6).str[:2] == "90"].groupby("year")["value_usd"].sum()
    assert chapter[2019] / 1e6 == pytest.approx(303.9, abs=0.5)  # the chapter's, as said
    assert m[m["year"] == 2019]["value_usd"].sum() / 1e6 > 1800  # not the total's
    text = (LEAD + "Instrument makers had a bright year: the chapter's exports rose from $304m "
            "to $514m.")  # fmt: skip
    r = _find(claims.check(corpus, text), "$304m")
    assert r.verdict not in ("contradicted", "inconsistent"), r.reason
    # "Instrument makers": instruments are chapter 90, the chapter the text means.
    assert r.verdict == "supported", r.reason
    assert "instruments" in r.reason, r.reason


def test_a_multiple_over_another_partners_shipments_is_of_that_partner(corpus):
    m = _moscow()
    x = m[m["year"] == 2020].groupby("partner")["value_usd"].sum()
    ratio = x["CHN"] / x["DEU"]
    assert ratio == pytest.approx(2.253, abs=0.001)  # 563.31 / 250.00
    y = m.groupby(["partner", "year"])["value_usd"].sum()
    assert y["CHN", 2020] / y["CHN", 2019] == pytest.approx(1.224, abs=0.001)  # not over 2019
    text = ("Экспорт Москвы в 2020 году составил 2,4 млрд долларов. Поставки в Китай в 2,25 раза "
            "превышают поставки в Германию.")  # fmt: skip
    r = _find(claims.check(corpus, text), "2,25")
    assert r.verdict == "supported", r.reason
    assert "Germany" in r.reason
    text = LEAD + "Shipments to China were three times the shipments to Germany."
    r = _find(claims.check(corpus, text), "three times")
    assert r.verdict == "contradicted", r.reason  # x2.25, not three times
    assert "Germany" in r.reason
