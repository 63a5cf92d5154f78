"""Round 28, red flags on true claims of the dev parts, each from a misreading.

- A count of partners followed by their names ("three suppliers, China, Germany and the
  United States, ...") or after "next" ("the next two customers") is not a count of all the
  partners: the sentence says something else of them.
- A figure right before a verb of exceeding («Сто миллионов долларов превысили закупки шести
  стран») is the bound of what comes after the verb, not a level; the count after such a bound
  is of some partners, not of all.
- Trade "with Chile" in a text whose reporter is Chile, in a sentence naming no partner, is
  another reporter's trade (a speaker of the partner's side: «наш товарооборот с Чили»), not
  Chile's own: not checked ("Argentina ran a deficit with Chile" names its side: round 20p).

Sentences written for these tests; figures from the raw files with pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, PORTUGAL, RED


def test_the_figures_the_tests_rest_on():
    p = pd.read_csv(PORTUGAL)
    held = p[(p["flow"] == "import") & (p["year"] == 2021)]["partner"].nunique()
    assert held not in (2, 3)  # a count of all import partners would be flagged
    exports = p[(p["flow"] == "export") & (p["year"] == 2021)]["partner"].nunique()
    assert exports != 2
    m = pd.read_csv(MOSCOW)
    assert m[(m["flow"] == "export") & (m["year"] == 2020)]["partner"].nunique() != 6


@pytest.mark.parametrize(
    "text",
    [
        "Portugal's imports in 2021. Three suppliers, China, Germany and the United States, "
        "provide most of what the country buys.",
        "Импорт Португалии в 2021 году. Три поставщика, Китай, Германия и США, дают большую его "
        "часть.",
        "Portugal's exports in 2021. The Netherlands bought more than the next two customers "
        "together.",
    ],
)
def test_a_count_that_names_them_or_follows_next_is_not_of_all(corpus, text):
    for r in claims.check(corpus, text):
        assert r.verdict not in RED, (r.claim.span, r.reason)


def test_a_figure_before_a_verb_of_exceeding_is_a_bound(corpus):
    text = "Московский экспорт в 2020 году. Сто миллионов долларов превысили закупки шести стран."
    for r in claims.check(corpus, text):
        assert r.verdict not in RED, (r.claim.span, r.reason)


@pytest.mark.parametrize(
    "text",
    [
        "Аргентинский министр о торговле в 2004 году. Наш собственный товарооборот с Чили вырос "
        "на 40% к 2002 году.",
        "The Argentine minister on trade in 2004. Our own turnover with Chile grew by 40% on 2002.",
    ],
)
def test_trade_with_the_reporter_itself_is_not_its_own(corpus, text):
    results = claims.check(corpus, text, reporter="CHL")
    assert results
    for r in results:
        assert r.verdict not in RED, (r.claim.span, r.reason)
