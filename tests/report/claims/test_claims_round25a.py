"""Round 25a: no red flag where the reading is not certain; what a figure is compared with.

- A partner or a month the text speaks of without naming it ("One of its buyers raised its
  purchases from ... to ...", «Страна, чьи закупки выросли с ... до ...», "A country whose
  purchases grew 60%", «Одна из стран купила ...», «Месяц, в котором ...», "One month ...") is
  never checked as the reporter's whole trade: supported when exactly one partner fits every
  figure of its sentence (the reason names it), else unverifiable (several fit, none fits, or
  a month not named).
- «под 300 млн» (just under, about 300 million) is a qualifier like "nearly", also between a
  balance's sign and its figure («минус под 300 млн»); English "just shy of".
- «Топ-3 поставщиков: Китай, Германия, США» is a rank list (each partner among the first
  three), not a count of three partners.
- "its imports were some 7.7 times that": a multiple of the figure just named (here the other
  flow), never of an earlier year of its own.
- "imports were more than twice what it sold there": "twice" like "N times what": the other
  flow.
- «топлива ввезли втрое больше, чем в 2002 году, — на 917 млн»: the figure set off by a dash
  after a multiple may be the level it reached as much as the increase; never flagged as the
  change.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, PORTUGAL, RED, chile_mn, find, one_of_kind


def _moscow_exports_mn() -> pd.DataFrame:
    """Moscow's exports by partner (rows) and year (columns), in millions."""
    m = pd.read_csv(MOSCOW)
    m = m[m["flow"] == "export"]
    return m.groupby(["partner", "year"])["value_usd"].sum().unstack() / 1e6


def _portugal_2021_mn() -> pd.DataFrame:
    """Portugal's 2021 trade by partner (rows) and flow (columns), in millions."""
    p = pd.read_csv(PORTUGAL)
    p = p[p["year"] == 2021]
    return p.groupby(["partner", "flow"])["value_usd"].sum().unstack().fillna(0) / 1e6


# -- a partner the text does not name -----------------------------------------------------------
def test_one_partner_fits_both_levels_of_an_unnamed_buyer(corpus):
    t = _moscow_exports_mn()
    # The United States alone went from $150 million to $180 million.
    fits = t[(t[2019].round() == 150) & (t[2020].round() == 180)]
    assert list(fits.index) == ["USA"]
    text = (
        "In 2020 Moscow's exports reached $2.4 billion. One of its buyers raised its purchases "
        "from $150 million to $180 million."
    )
    results = claims.check(corpus, text)
    for words in ("$150 million", "$180 million"):
        r = find(results, words)
        assert r.verdict == "supported", r.reason
        assert "United States" in r.reason, r.reason


def test_a_russian_clue_names_no_country_the_one_that_fits_is_found(corpus):
    t = _moscow_exports_mn()
    fits = t[(t[2019].round(1) == 86.1) & (t[2020].round(1) == 140.3)]
    assert list(fits.index) == ["IND"]
    text = (
        "В 2020 году экспорт Москвы составил 2,4 млрд долларов. Страна, чьи закупки у Москвы "
        "выросли с 86,1 до 140,3 млн долларов, — крупный рынок."
    )
    results = claims.check(corpus, text, lang="ru")
    for words in ("86,1", "140,3"):
        r = find(results, words)
        assert r.verdict == "supported", r.reason
        assert "Индия" in r.reason, r.reason


def test_several_partners_fit_an_unnamed_one_it_is_unverifiable_not_the_total(corpus):
    t = _moscow_exports_mn()
    growth = (t[2020] / t[2019] - 1) * 100
    assert (growth.round() == 60).sum() > 1
    total = t[2020].sum() / t[2019].sum() * 100 - 100
    assert abs(total - 60) > 10  # read as the total, it would be flagged
    text = (
        "In 2020 Moscow's exports reached $2.4 billion. A country whose purchases from Moscow "
        "grew 60% is in Asia."
    )
    r = find(claims.check(corpus, text), "60%")
    assert r.verdict == "unverifiable", r.reason
    assert "partner is not named" in r.reason, r.reason


@pytest.mark.parametrize(
    "text",
    [
        "В 2020 году экспорт Москвы составил 2,4 млрд долларов. Одна из стран купила у Москвы "
        "товаров на 333 млн долларов.",
        "In 2020 Moscow's exports reached $2.4 billion. One of the city's customers bought "
        "$333 million of its goods.",
    ],
)  # fmt: skip
def test_no_partner_fits_an_unnamed_one_it_is_unverifiable(corpus, text):
    t = _moscow_exports_mn()
    assert not ((t[2020] - 333).abs() < 0.5).any()
    r = find(claims.check(corpus, text), "333")
    assert r.verdict == "unverifiable", r.reason
    assert "partner is not named" in r.reason, r.reason


@pytest.mark.parametrize(
    "text",
    [
        "В 2020 году экспорт Москвы составил 2,4 млрд долларов. Месяц, в котором продажи "
        "достигли 500 млн долларов, был последним.",
        "In 2020 Moscow's exports reached $2.4 billion. One month brought in $500 million.",
    ],
)  # fmt: skip
def test_a_month_not_named_is_not_the_whole_year(corpus, text):
    r = find(claims.check(corpus, text), "500")
    assert r.verdict == "unverifiable", r.reason
    assert "part of the year it does not name" in r.reason, r.reason


# -- «под 300 млн» ------------------------------------------------------------------------------
def test_pod_is_nearly_between_the_sign_and_the_figure(corpus):
    p = _portugal_2021_mn()
    deficit = p.loc["DEU", "import"] - p.loc["DEU", "export"]
    assert 270 <= deficit < 299.5  # under 300, not 300 rounded
    text = (
        "Экспорт Португалии за 2021 год — 4500 млн долларов. А вот с Германией — минус под 300 млн."
    )
    r = find(claims.check(corpus, text), "под 300")
    assert r.verdict == "supported", r.reason
    assert "deficit" in r.reason, r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("В 2021 году дефицит Португалии в торговле с Германией — под 300 млн долларов.",
         "под 300", "supported"),
        ("В 2021 году дефицит Португалии в торговле с Германией — под 250 млн долларов.",
         "под 250", "contradicted"),
        ("In 2021 Portugal's deficit with Germany came to just shy of $300 million.",
         "just shy of", "supported"),
    ],
)  # fmt: skip
def test_pod_and_just_shy_of_allow_a_little_under(corpus, text, words, verdict):
    p = _portugal_2021_mn()
    deficit = p.loc["DEU", "import"] - p.loc["DEU", "export"]
    assert 270 <= deficit < 299.5
    assert deficit > 250.5
    r = find(claims.check(corpus, text), words)
    assert r.verdict == verdict, r.reason


# -- «Топ-3 поставщиков» ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "red"),
    [
        ("В 2021 году импорт Португалии составил 4586 млн долларов. Топ-3 поставщиков: Китай, "
         "Германия, США.", False),
        ("В 2021 году импорт Португалии составил 4586 млн долларов. Топ-3 поставщиков: Китай, "
         "Германия, Нидерланды.", True),
    ],
)  # fmt: skip
def test_a_top_three_list_is_a_rank_of_each_partner_not_a_count(corpus, text, red):
    p = _portugal_2021_mn()
    first = list(p["import"].sort_values(ascending=False).index[:3])
    assert first == ["CHN", "DEU", "USA"]
    results = claims.check(corpus, text)
    assert not [r for r in results if r.claim.kind == "count"], [r.reason for r in results]
    ranks = [r for r in results if r.claim.kind == "rank"]
    assert len(ranks) == 1, [(r.claim.span, r.reason) for r in results]
    r = ranks[0]
    assert (r.verdict in RED) == red, r.reason
    assert r.verdict in (*RED, "supported"), r.reason


# -- "N times that": a multiple of the figure just named ---------------------------------------
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("In 2004 Chile's exports to Argentina reached $263 million; its imports from Argentina "
         "were some 7.7 times that.", "supported"),
        ("In 2004 Chile's exports to Argentina reached $263 million; its imports from Argentina "
         "were five times that.", "contradicted"),
    ],
)  # fmt: skip
def test_times_that_is_the_other_flow_against_the_figure_just_named(corpus, text, verdict):
    ratio = chile_mn("import")[2004] / chile_mn("export")[2004]
    assert 7.65 <= ratio < 7.75
    # Read as exports against an earlier year it would be x1.4, flagged.
    assert chile_mn("export")[2004] / chile_mn("export")[2002] < 2
    r = one_of_kind(claims.check(corpus, text), "multiple")
    assert r.verdict == verdict, r.reason
    assert "against Chile's exports" in r.reason, r.reason


def test_times_that_of_a_flow_the_words_do_not_say_is_a_multiple_of_another_subject(corpus):
    # Base and level of the exports said, the multiple is of the figure just named, not of
    # the exports of 2002 (x1.4, which "seven times" would contradict).
    assert chile_mn("export")[2004] / chile_mn("export")[2002] < 2
    text = (
        "Chile's exports to Argentina grew 38% from 2002 to 2004, reaching $263 million; what "
        "came back ran to some seven times that."
    )
    r = one_of_kind(claims.check(corpus, text), "multiple")
    assert r.verdict not in RED, r.reason
    assert "another subject or of the other flow" in r.reason, r.reason


# -- a change set off by a dash after a multiple -------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "В 2004 году Чили ввезла из Аргентины топлива втрое больше, чем в 2002 году, — на 917 млн "
        "долларов.",
    ],
)  # fmt: skip
def test_a_figure_after_a_multiple_and_a_dash_is_not_flagged_as_the_change(corpus, text):
    fuels = chile_mn("import", "27")
    level, change = fuels[2004], fuels[2004] - fuels[2002]
    assert round(level) == 917  # the level the multiple reached
    assert abs(change - 917) > 100  # read as the change, it would be flagged
    r = find(claims.check(corpus, text), "917")
    assert r.verdict not in RED, r.reason


# -- "twice what it sold": the other flow, as "N times what" ------------------------------------
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("In 2021 Portugal's imports from South Korea were more than twice what it sold there.",
         "supported"),
        ("In 2021 Portugal's imports from South Korea were nearly twice what it sold there.",
         "contradicted"),
    ],
)  # fmt: skip
def test_twice_what_it_sold_is_the_other_flow_not_an_earlier_year(corpus, text, verdict):
    p = _portugal_2021_mn()
    ratio = p.loc["KOR", "import"] / p.loc["KOR", "export"]
    assert 2 < ratio < 3
    r = one_of_kind(claims.check(corpus, text), "multiple")
    assert r.verdict == verdict, r.reason
    assert "against Portugal's exports to Republic of Korea" in r.reason, r.reason


def test_less_than_twice_is_a_bound_under_two_not_a_fall(corpus):
    """'less than twice' bounds the multiple from above: never read as a fall (x0.5 and more)."""
    p = _portugal_2021_mn()
    assert p.loc["KOR", "import"] / p.loc["KOR", "export"] > 2.05
    text = "In 2021 Portugal's imports from South Korea were less than twice what it sold there."
    r = one_of_kind(claims.check(corpus, text), "multiple")
    assert r.claim.quantity.hi == 2, r.claim.quantity
    assert r.claim.quantity.lo == float("-inf"), r.claim.quantity
    assert r.verdict != "supported", r.reason
