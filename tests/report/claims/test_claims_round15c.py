"""Claims of kinds read since round 15: multiples of the other flow or of another partner,
runs of years, and a count set against another year's.

Sentences written for these tests. Expected figures come from pandas on the raw files
(bench/check_corpus/data/portugal-tech.csv, examples/moscow-2020/flows.csv,
src/hitex/demo/data/chl_arg_*.csv), never from hitex.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, PORTUGAL, ROOT
from tests.report.claims._shared import one_of_kind as _one

CHILE = ROOT / "src" / "hitex" / "demo" / "data"
PORTUGAL_HEAD = "Portugal's technology trade in 2021.\n\n"
MOSCOW_HEAD = "Moscow's exports in 2020.\n\n"


def _sums(path: Path, by: list[str]) -> pd.Series:
    raw = pd.read_csv(path, dtype={"product": str})
    return raw.groupby(by)["value_usd"].sum()


# -- a multiple of the other flow or of another partner -----------------------------------------
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Imports from China were 9.2 times exports to China.", "supported"),
        ("Imports from China were eleven times exports to China.", "contradicted"),
        ("Импорт из Китая превышает экспорт в Китай в 9,2 раза.", "supported"),
        ("China alone supplied 40%, nine times what Portugal sold to it.", "supported"),
        ("В торговле с Германией импорт в 1,5 раза больше экспорта.", "supported"),
    ],
)
def test_a_multiple_of_the_other_flow_of_the_same_partner(corpus, text, verdict):
    t = _sums(PORTUGAL, ["year", "partner", "flow"])
    assert round(t[2021, "CHN", "import"] / t[2021, "CHN", "export"], 3) == 9.181  # the raw file
    assert round(t[2021, "DEU", "import"] / t[2021, "DEU", "export"], 3) == 1.479
    r = _one(claims.check(corpus, PORTUGAL_HEAD + text), "multiple")
    assert r.verdict == verdict, r.reason
    assert r.claim.whole is not None
    assert r.claim.whole.flow == "export"
    assert r.claim.subject.flow == "import"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("China bought 3.1 times as much as the United States.", "supported"),
        ("Китай в 3,1 раза опережает США.", "supported"),
        ("Объём закупок Китая втрое с лишним превысил американский.", "supported"),
        ("Japan bought 5.3 times as much as Korea.", "supported"),
        ("Япония покупает в 4 раза больше, чем Корея.", "contradicted"),
        ("Korea bought 5.3 times less than Japan.", "supported"),
    ],
)
def test_a_multiple_of_another_partner_in_the_same_year(corpus, text, verdict):
    t = _sums(MOSCOW, ["year", "partner"])
    assert round(t[2020, "CHN"] / t[2020, "USA"], 3) == 3.13  # the raw file
    assert round(t[2020, "JPN"] / t[2020, "KOR"], 3) == 5.330
    r = _one(claims.check(corpus, MOSCOW_HEAD + text), "multiple")
    assert r.verdict == verdict, r.reason
    assert "against 2019" not in r.reason  # not a change since the year before


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Exports to China reached $199.8 million, and imports were nine times larger.",
            "supported",
        ),
        (
            "Экспорт в Китай составил 199,8 млн, а импорт оттуда был больше в девять раз.",
            "supported",
        ),
        (
            "Exports to China reached $199.8 million, and imports were twelve times larger.",
            "contradicted",
        ),
    ],
)
def test_a_multiple_of_the_flow_of_the_clause_before(corpus, text, verdict):
    t = _sums(PORTUGAL, ["year", "partner", "flow"])
    assert round(t[2021, "CHN", "import"] / t[2021, "CHN", "export"], 3) == 9.181  # the raw file
    r = _one(claims.check(corpus, PORTUGAL_HEAD + text), "multiple")
    assert r.verdict == verdict, r.reason
    assert "against 2020" not in r.reason  # not a change since the year before


# -- runs of years ------------------------------------------------------------------------------
def _changes(flow: str) -> pd.Series:
    t = _sums(PORTUGAL, ["flow", "year"])[flow]
    return t.diff().dropna()


@pytest.mark.parametrize(
    ("text", "verdict", "says"),
    [
        ("Exports have risen every year since 2010.", "supported", "every year holds"),
        ("Exports have risen every year since 2005.", "contradicted", "breaks in 2009"),
        ("Экспорт рос каждый год с 2012 года.", "supported", "every year holds"),
        ("Imports declined in each year from 2013 to 2016.", "supported", "every year holds"),
        ("Экспорт за двадцать лет ни разу не снижался.", "contradicted", "breaks in 2009"),
        ("Exports never fell.", "contradicted", "breaks in 2009"),
        ("Exports rose 30%, the eighth consecutive annual increase.", "contradicted", "12 years"),
        ("Экспорт растёт двенадцатый год подряд.", "supported", "every year holds"),
    ],
)
def test_a_run_of_years_is_checked_on_every_year_held(corpus, text, verdict, says):
    exports, imports = _changes("export"), _changes("import")
    assert list(exports[exports < 0].index) == [2009]  # the raw file: the one fall
    assert (imports[[2013, 2014, 2015, 2016]] < 0).all()
    assert imports[2017] > 0
    results = claims.check(corpus, PORTUGAL_HEAD + text)
    r = next(r for r in results if r.claim.kind == "extreme")
    assert r.verdict == verdict, r.reason
    assert says in r.reason


def test_a_run_over_years_not_held_stays_open(corpus):
    years = sorted(pd.read_csv(MOSCOW)["year"].unique())
    assert years == [2019, 2020]  # the raw file: two years only
    text = MOSCOW_HEAD + "Exports have risen every year since 2015."
    r = next(r for r in claims.check(corpus, text) if r.claim.kind == "extreme")
    assert r.verdict == "unverifiable", r.reason
    assert "does not hold" in r.reason


def test_a_deficit_that_narrowed_is_not_said_to_have_widened(corpus):
    t = _sums(PORTUGAL, ["year", "flow"]).unstack()
    gap = (t["import"] - t["export"]) / 1e6
    assert list(gap[[2018, 2019, 2020, 2021]].round()) == [350, 270, 190, 86]  # the raw file
    text = PORTUGAL_HEAD + "The deficit has narrowed every year since 2018."
    r = next(r for r in claims.check(corpus, text) if r.claim.kind == "extreme")
    assert r.verdict == "supported", r.reason


# -- a count set against another year's ---------------------------------------------------------
def _chapters_over(year: int, flow: str, threshold: float) -> int:
    raw = pd.read_csv(CHILE / f"chl_arg_{year}.csv", dtype={"product": str})
    raw = raw[raw["flow"] == flow]
    return int((raw.groupby(raw["product"].str[:2])["value_usd"].sum() > threshold).sum())


@pytest.mark.parametrize(("then", "verdict"), [("three", "supported"), ("five", "contradicted")])
def test_a_count_against_another_year(corpus, then, verdict):
    assert _chapters_over(2004, "import", 100e6) == 4  # the raw files
    assert _chapters_over(2002, "import", 100e6) == 3
    text = ("Chile's trade with Argentina in 2004.\n\nFour import chapters exceeded USD 100 "
            f"million in 2004, against {then} in 2002.")  # fmt: skip
    results = claims.check(corpus, text)
    r = next(r for r in results if r.claim.span.startswith("against"))
    assert r.verdict == verdict, r.reason
    assert r.claim.period.year == 2002
    assert "2002" in r.reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("For every dollar Portugal sold to China, it bought more than nine.", "supported"),
        ("Portugal imported $12 for each dollar it exported to China.", "contradicted"),
    ],
)
def test_so_many_dollars_of_one_flow_for_each_dollar_of_the_other(corpus, text, verdict):
    t = _sums(PORTUGAL, ["year", "partner", "flow"])
    assert round(t[2021, "CHN", "import"] / t[2021, "CHN", "export"], 3) == 9.181  # the raw file
    r = _one(claims.check(corpus, PORTUGAL_HEAD + text), "multiple")
    assert r.verdict == verdict, r.reason


def test_the_flows_of_all_partners_are_not_set_against_each_other_with_one_partner_held(corpus):
    raw = pd.read_csv(CHILE / "chl_arg_2004.csv")
    assert set(raw["partner"]) == {"ARG"}  # the raw file: one partner
    text = "Chile's trade with Argentina in 2004.\n\nImports were 7.7 times exports."
    r = _one(claims.check(corpus, text), "multiple")
    assert r.verdict == "unverifiable", r.reason
    assert "cannot be set against each other" in r.reason
