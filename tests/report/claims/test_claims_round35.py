"""Round 35: «Китай по-прежнему первый» is a rank (heldout27's radio transcript).

A Russian ordinal «первый» that ends its clause after a partner's name is its place, not an
adverb: the English "first" right after a name may be one ("Sales to Japan first exceeded
$500m"), the Russian adjective is not (the adverb is «впервые»).

Sentences written for these tests; the ranks are computed first from the raw file with pandas.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, RED, find


def test_the_ranks_by_hand():
    m = pd.read_csv(MOSCOW)
    t = m[m["year"] == 2020].groupby("partner")["value_usd"].sum().sort_values(ascending=False)
    assert list(t.index[:2]) == ["CHN", "JPN"]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Экспорт Москвы в 2020 году. Нет, Китай по-прежнему первый.", "первый", ("supported",)),
        ("Экспорт Москвы в 2020 году. Нет, Япония по-прежнему первая.", "первая", RED),
    ],
)
def test_a_russian_first_ending_its_clause_is_a_place(corpus, text, words, expected):
    r = find(claims.check(corpus, text, reporter="RU-MOW"), words)
    assert r.verdict in expected, r.reason


def test_an_english_first_before_a_verb_stays_an_adverb(corpus):
    text = "Moscow's exports in 2020. Sales to Japan first exceeded $500m."
    found = [r for r in claims.check(corpus, text, reporter="RU-MOW") if r.claim.kind == "rank"]
    assert found == []
