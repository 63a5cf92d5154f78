"""Round 28, after the blind score of heldout26: two ways a figure was vouched for by chance.

- A claim whose goods, partners or flow were carried from the paragraph, not read from its own
  words, is not supported on a loose word ("by a third", "doubled", "more than a quarter"): the
  total's +30% fits «выросли на треть» whatever goods the text meant. It is supported where its
  figure is stated closely, or where a close figure of its sentence is supported on the same
  reading ("651.7 million, a third up on a year ago").
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


def test_a_close_figure_beside_it_vouches_for_the_reading(corpus):
    m = pd.read_csv(MOSCOW)
    q4 = m[(m["flow"] == "export") & m["month"].between(10, 12)].groupby("year")["value_usd"].sum()
    assert 30 <= (q4[2020] / q4[2019] - 1) * 100 <= 37
    text = (
        "Moscow's exports, a diary of 2020. Cold days. "
        f"The fourth quarter: {q4[2020] / 1e6:.1f} million dollars, a third up on a year ago."
    )
    r = find(claims.check(corpus, text), "a third")
    assert r.verdict == "supported", r.reason
