"""Round 23a: records said with a figure; counts over a bound in the present tense.

- A record said together with its figure ("the 2017 deficit of $430 million was the deepest
  shortfall since 2008", «дефицит 2016 года (150 млн) оказался наименьшим начиная с 2009-го»)
  gives two results: the figure, and the record checked as its own claim of the year the
  figure's noun is dated to ("the 2017 deficit"), not of the year of the sentence before. The
  corpus scorer answers a key record with the record's result, never with the figure's.
- "the slimmest (thinnest) gap since 2001" and "the deepest shortfall since 2008" are records.
- Counts over a bound said with a present verb ("Nine partners exceed $50 million each",
  «превышают», «превосходят») count those above the bound, not those at it; a count whose
  level has no bound word read ("nine partners beat $50 million each") is unverifiable when
  fewer are at the level, never contradicted.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, RED, find, portugal_by_flow_mn

REPO = Path(__file__).resolve().parents[3]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import check as scorer  # noqa: E402


@pytest.fixture(scope="module")
def deficit() -> pd.Series:
    d = portugal_by_flow_mn()["deficit"].round(1)
    # The records the sentences below state, from the raw file.
    assert (d[2017], d[2012]) == (430.0, 470.0)  # 2012, after 2008, was deeper than 2017
    assert (d[2020], d[2016]) == (190.0, 150.0)  # 2016, after 2012, was slimmer than 2020
    assert d[2003] == 470.0  # 2012: the deepest since 2003
    assert d.loc[2004:2011].max() < 470.0
    return d


@pytest.mark.parametrize(
    ("text", "verdict", "year"),
    [
        ("Portugal's 2021 review is out. The audit says the 2017 deficit of $430 million "
         "was the country's deepest shortfall since 2008.", "contradicted", 2017),
        ("Portugal's 2021 review is out. It notes that the 2020 deficit of $190 million was "
         "the slimmest gap since 2012.", "contradicted", 2020),
        ("Portugal's 2021 review is out. It notes that the 2012 deficit of $470 million was "
         "the deepest shortfall since 2003.", "supported", 2012),
        ("Обзор Португалии за 2021 год вышел. В 2020 году дефицит (190 млн долларов) "
         "оказался наименьшим начиная с 2012-го.", "contradicted", 2020),
    ],
)  # fmt: skip
def test_a_record_said_with_its_figure_is_checked_as_its_own_claim(
    deficit, corpus, text, verdict, year
):
    results = claims.check(corpus, text, reporter="PRT")
    amount = next(r for r in results if r.claim.kind == "amount" and r.claim.understood)
    assert amount.verdict == "supported", amount.reason
    record = next(r for r in results if r.claim.kind == "extreme")
    assert record.claim.period.year == year, record.reason
    assert record.verdict == verdict, record.reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("In 2021 the deficit shrank to $86 million, the thinnest gap since 2001.", "supported"),
        ("In 2016 the deficit was the slimmest gap recorded since 2010.", "contradicted"),
        ("In 2008 the shortfall was the deepest since 2003.", "supported"),
    ],
)  # fmt: skip
def test_slimmest_thinnest_and_deepest_since_a_year_are_records(deficit, corpus, text, verdict):
    # 2021 (86): every year 2002-2020 larger, 2001 (70) smaller: the slimmest since 2001.
    assert deficit[2001] < 86.0 < deficit.loc[2002:2020].min()
    # 2016 (150): 2011-2015 larger, 2010 (270) too, 2007 (150) as slim: since 2007, not 2010.
    assert min(deficit.loc[2011:2015].min(), deficit[2010]) > 150.0
    assert deficit[2007] == 150.0
    # 2008 (430): 2004-2007 smaller, 2003 (470) deeper: the deepest since 2003.
    assert deficit.loc[2004:2007].max() < 430.0 < deficit[2003]
    results = claims.check(corpus, text, reporter="PRT")
    record = next(r for r in results if r.claim.kind == "extreme")
    assert record.verdict == verdict, record.reason


def _over(year: int, level: float) -> int:
    m = pd.read_csv(MOSCOW)
    m = m[(m["flow"] == "export") & (m["year"] == year)]
    return int((m.groupby("partner")["value_usd"].sum() > level).sum())


@pytest.mark.parametrize(
    "text",
    [
        "In 2020 {n} partners exceed $30 million each.",
        "In 2020 {n} of Moscow's customers surpass $30 million apiece.",
        "В 2020 году закупки {ru} партнёров превышают 30 млн долларов у каждого.",
        "В 2020 году {ru} стран-покупателей превосходят 30 млн долларов каждая.",
    ],
)
def test_a_count_over_a_bound_in_the_present_tense_counts_those_above_it(corpus, text):
    n = _over(2020, 30e6)
    assert n == 14
    results = claims.check(corpus, text.format(n="fourteen", ru="четырнадцати"), reporter="RU-MOW")
    r = find(results, "30 млн" if "млн" in text else "$30 million")
    assert r.claim.count == 14, r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    "text",
    [
        "In 2020 fourteen partners beat $30 million each.",
        "In 2020 fourteen of the city's buyers clear $30 million each.",
    ],
)
def test_a_count_at_a_level_with_no_bound_word_is_not_flagged(corpus, text):
    # None bought about $30 million: read as the level itself the count is 0, but the verb
    # may be a bound the lexicon does not know.
    m = pd.read_csv(MOSCOW)
    m = m[(m["flow"] == "export") & (m["year"] == 2020)]
    near = m.groupby("partner")["value_usd"].sum().between(29.5e6, 30.5e6)
    assert not near.any()
    results = claims.check(corpus, text, reporter="RU-MOW")
    r = find(results, "$30 million")
    assert r.verdict not in RED, r.reason
    assert r.verdict == "unverifiable", r.reason


def test_the_scorer_answers_a_key_record_with_the_record_not_the_figure(corpus, tmp_path):
    text = ("Portugal's 2021 review is out. The audit says the 2017 deficit of $430 million "
            "was the country's deepest shortfall since 2008.\n")  # fmt: skip
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    span = "the 2017 deficit of $430 million was the country's deepest shortfall since 2008"
    key = f'lang: en\nclaims:\n  - ["{span}", extreme, contradicted, "2012 deeper"]\n'
    (tmp_path / "a.yaml").write_text(key, encoding="utf-8")
    rows = scorer.score_article(corpus, tmp_path / "a.txt")
    assert [(r.kind, r.got) for r in rows] == [("extreme", "contradicted")], rows


@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("Moscow sold to twenty-two countries in 2020. Ten bought over $60 million and five "
         "over $150 million.", ("supported", "supported")),
        ("Moscow sold to twenty-two countries in 2020. Eleven purchased over $60 million, "
         "and three more than $200 million.", ("contradicted", "supported")),
    ],
)  # fmt: skip
def test_a_count_alone_counts_the_partners_of_the_sentence_before(corpus, text, verdicts):
    # "Ten bought": the partners counted before buy (Moscow's exports), not Moscow.
    assert (_over(2020, 60e6), _over(2020, 150e6), _over(2020, 200e6)) == (10, 5, 3)
    results = claims.check(corpus, text, reporter="RU-MOW")
    # (the count of the sentence before, "to twenty-two countries in 2020", is read too)
    first, second = (r for r in results if r.claim.understood and r.claim.kind == "amount")
    assert first.claim.subject.flow == "export", first.reason
    assert (first.verdict, second.verdict) == verdicts, (first.reason, second.reason)
