"""Records of a series said in other words (round 18x): the only fall, the first year above a
level, "not so slim since", «минимальный за двадцать лет».

Sentences written for these tests, on the Portugal series (bench/check_corpus/data/
portugal-tech.csv, constructed). The years each claim needs are checked first on the raw file
with pandas (``tests/report/claims/_shared.py``), never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import find, portugal_by_flow_mn


@pytest.fixture(scope="module")
def series():
    t = portugal_by_flow_mn()
    falls = [y for y in t.index[1:] if t.loc[y, "export"] < t.loc[y - 1, "export"]]
    assert falls == [2009]  # exports fell once: 960 -> 880 million
    above = [y for y in t.index if t.loc[y, "export"] > 1000]
    assert above[0] == 2011  # 990 million in 2010, 1,050 in 2011
    low = t["deficit"]
    assert low[2021] == pytest.approx(86)
    assert low[2001] == pytest.approx(70)
    assert (low.loc[2002:2020] > 86).all()
    assert low[2007] == pytest.approx(150)
    return t


PT = "Portugal's technology trade, 2001-2021. "


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("Portugal's exports of these goods slipped only once, in 2009, by about 8%.",
         "only once", "supported"),
        ("Portugal's exports of these goods fell only once, in 2012.", "only once",
         "contradicted"),
        ("Only in 2009 did Portugal's exports decline.", "Only in 2009", "supported"),
        ("Only in 2010 did Portugal's exports decline.", "Only in 2010", "contradicted"),
        ("Экспорт Португалии за всю историю ряда снижался один раз, в 2009-м.", "один раз",
         "supported"),
        ("Экспорт Португалии снижался лишь однажды — в 2013 году.", "однажды", "contradicted"),
        ("Единственный спад экспорта за двадцать лет пришёлся на 2009 год.", "Единственный спад",
         "supported"),
        ("Единственный спад экспорта за двадцать лет пришёлся на 2008 год.", "Единственный спад",
         "contradicted"),
    ],
)  # fmt: skip
def test_the_only_fall_said_otherwise(corpus, series, text, words, verdict):
    r = find(claims.check(corpus, PT + text), words)
    assert r.claim.kind == "extreme", r
    assert r.claim.metric == "only_fall", r
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("Portugal's exports first crossed a billion dollars in 2011.", "a billion dollars",
         "supported"),
        ("Portugal's exports first topped a billion dollars in 2012.", "a billion dollars",
         "contradicted"),
        ("Экспорт Португалии впервые перевалил за миллиард в 2011 году.", "миллиард",
         "supported"),
        ("Экспорт Португалии впервые превысил миллиард ещё в 2012 году.", "миллиард",
         "contradicted"),
    ],
)  # fmt: skip
def test_a_level_of_one_billion_said_in_words(corpus, series, text, words, verdict):
    r = find(claims.check(corpus, PT + text), words)
    assert r.claim.quantity is not None, r
    assert r.claim.quantity.value == 1e9, r
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("In 2021 Portugal's deficit, only $86m, had not been so slim since 2001.",
         "so slim since 2001", "supported"),
        ("In 2021 Portugal's deficit, only $86m, had not been so slim since 2007.",
         "so slim since 2007", "contradicted"),
        ("Дефицит Португалии в 2021 г. — 86 млн, минимальный за двадцать лет.",
         "за двадцать лет", "supported"),
    ],
)  # fmt: skip
def test_not_so_low_since_and_the_lowest_in_n_years(corpus, series, text, words, verdict):
    r = find(claims.check(corpus, PT + text), words)
    assert r.claim.kind == "extreme", r
    assert r.verdict == verdict, r.reason
