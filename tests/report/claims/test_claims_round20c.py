"""Round 20c: years and partners carried the way a reader carries them.

A multiple that restates two levels its sentence has just said ("$1,280 million in 2016 and
$4,500 million in 2021, that is 3.5 times as much") is of the later year against the earlier.
A record of the changes in a
sentence with no trade word («Единственный спад за двадцать лет пришёлся на 2009 год») goes
on with the trade of the claim before, not certainly. A year that opens its clause as the subject
of its verb ("2019 alone brought a 64% jump") dates it.

Sentences written for these tests, on the corpus data (Portugal's constructed series, Chile's
bundled trade with Argentina). The figures each claim needs are checked first on the raw files
with pandas (``tests/report/claims/_shared.py``), never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import RED, find, portugal_mn


@pytest.fixture(scope="module")
def levels():
    """Portugal's exports and imports of the years the sentences name, in millions."""
    e, i = portugal_mn("export"), portugal_mn("import")
    assert (e[2005], e[2016], e[2021]) == pytest.approx((800, 1280, 4500), abs=0.01)
    assert (i[2011], i[2020], i[2021]) == pytest.approx((1240, 3651.5, 4586), abs=0.1)
    assert e[2021] / e[2016] == pytest.approx(3.52, abs=0.005)
    assert i[2021] / i[2011] == pytest.approx(3.70, abs=0.005)
    assert e[2021] / e[2005] == pytest.approx(5.63, abs=0.005)
    assert i[2021] / i[2020] - 1 == pytest.approx(0.256, abs=0.001)
    return e, i


# -- a multiple that restates the two levels just said ---------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("Portugal's exports stood at $1,280 million in 2016 and $4,500 million in 2021, that is about 3.5 "
         "times as much.", "3.5 times", "supported"),
        ("Portugal's exports stood at $1,280 million in 2016 and $4,500 million in 2021, that is about 5.5 "
         "times as much.", "5.5 times", "contradicted"),
        ("В 2011 году Португалия ввезла товаров на 1240 млн долларов, в 2021 году — на 4586 млн, "
         "то есть в 3,7 раза больше.", "3,7 раза", "supported"),
        ("В 2011 году Португалия ввезла товаров на 1240 млн долларов, в 2021 году — на 4586 млн, "
         "то есть в 5,7 раза больше.", "5,7 раза", "contradicted"),
        # No word says it restates them: the likely reading supports, never flags.
        ("В 2005 году экспорт Португалии составил 800 млн долларов, в 2021 году — 4,5 млрд, "
         "рост в 5,6 раза.", "5,6 раза", "supported"),
        ("В 2005 году экспорт Португалии составил 800 млн долларов, в 2021 году — 4,5 млрд, "
         "рост в 8 раз.", "8 раз", "unverifiable"),
        # A growth rate said after two levels is the year's own, not the span's.
        ("Portugal's imports were $3,651 million in 2020 and $4,586 million in 2021, up 26%.",
         "26%", "supported"),
    ],
)  # fmt: skip
def test_a_multiple_after_two_levels_is_of_the_later_against_the_earlier(
    corpus, levels, text, words, verdict
):
    r = find(claims.check(corpus, text), words)
    assert r.verdict == verdict, r.reason


def test_a_multiple_after_two_levels_of_another_flow_is_not_of_them(corpus, levels):
    # The levels are of exports; the multiple is of imports (x3.70 2021 against 2011 would be
    # another subject's span): never flagged on the exports' years.
    text = ("Portugal's exports stood at $1,280 million in 2016 and $4,500 million in 2021, while imports "
            "grew 3.5 times.")  # fmt: skip
    r = find(claims.check(corpus, text), "3.5 times")
    assert r.verdict not in RED, r.reason


# -- a record of the changes said after the trade it is of ----------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("В 2019 году экспорт Португалии подскочил на 86%. Единственный спад за двадцать лет "
         "пришёлся на 2009 год.", "Единственный спад", "supported"),
        ("Portugal's exports jumped 86% in 2019. The only decline in twenty years was in 2009.",
         "only decline", "supported"),
        # The trade is carried, not read: a wrong year is never flagged.
        ("В 2019 году экспорт Португалии подскочил на 86%. Единственное снижение за двадцать лет "
         "пришлось на 2012 год.", "Единственное снижение", "unverifiable"),
    ],
)  # fmt: skip
def test_a_record_of_changes_goes_on_with_the_trade_before(corpus, text, words, verdict):
    e = portugal_mn("export").diff()
    assert list(e[e < 0].index) == [2009]
    r = find(claims.check(corpus, text), words)
    assert r.verdict == verdict, r.reason


# -- a year that opens its clause as the subject of its verb ---------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("In 2021 Portugal's imports reached $4,586 million. They grew steadily after 2011, and "
         "the real surge came late: 2019 alone brought a 64% jump.", "64%"),
        ("В 2021 году ввоз Португалии достиг 4586 млн долларов. После 2011 года он рос понемногу, "
         "а потом 2019 г. принёс скачок на 64%.", "на 64%"),
    ],
)  # fmt: skip
def test_a_year_opening_its_clause_dates_the_change(corpus, text, words):
    i = portugal_mn("import")
    assert i[2019] / i[2018] - 1 == pytest.approx(0.64, abs=0.0005)
    r = find(claims.check(corpus, text), words)
    assert r.verdict == "supported", r.reason
