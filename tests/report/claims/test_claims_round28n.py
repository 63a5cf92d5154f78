"""Round 28, after the blind score of heldout26: two ways a figure was vouched for by chance.

- A claim whose subject was not read from its own words (goods, partners or flow carried from
  the paragraph or guessed) is not supported on a loose word ("by a third", "doubled", "more
  than a quarter"): the total's +30% fits «выросли на треть» whatever goods the text meant. It is
  supported where its figure is stated closely, as before.
- A whole number in Russian words with no unit after it («две тысячи тридцать пять») is no sum
  of money: "две тысячи" was read as US$2 thousand and flagged.

Sentences written for these tests; figures from the raw files with pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, RED, find


def _moscow_growth() -> float:
    m = pd.read_csv(MOSCOW)
    y = m[m["flow"] == "export"].groupby("year")["value_usd"].sum()
    return (y[2020] / y[2019] - 1) * 100


def test_the_figures_the_tests_rest_on():
    assert 30 <= _moscow_growth() <= 37  # "by a third" fits the total by its word range
    assert round(_moscow_growth(), 1) == 30.0


def test_a_loose_word_on_a_subject_not_read_is_not_vouched_for(corpus):
    text = (
        "Загадка про московский экспорт 2020 года. Нас делают на заводах, в нас держат заряд. "
        "Выросли на треть. Кто мы?"
    )
    r = find(claims.check(corpus, text), "на треть")
    assert r.verdict == "unverifiable", r.reason


def test_a_close_figure_on_the_same_reading_is_still_supported(corpus):
    text = "Загадка про московский экспорт 2020 года. Вырос на 30,0%. Что это?"
    r = find(claims.check(corpus, text), "30,0%")
    assert r.verdict == "supported", r.reason


def test_a_number_in_words_without_a_unit_is_no_money(corpus):
    text = (
        "Чили в 2004 году. Вывоз — двести шестьдесят три, ввоз — две тысячи тридцать пять: "
        "ввоз в семь целых и три четверти раза больше вывоза."
    )
    for r in claims.check(corpus, text):
        assert r.verdict not in RED, (r.claim.span, r.reason)
