"""Round 28, after the blind score of heldout26: a red flag on a number that was no money.

- A whole number in Russian words with no unit after it («две тысячи тридцать пять») is no sum
  of money: "две тысячи" was read as US$2 thousand and flagged.

Sentences written for these tests; figures from the raw files with pandas, never with hitex.
"""

from __future__ import annotations

import hitex.report.claims as claims
from tests.report.claims._shared import RED


def test_a_number_in_words_without_a_unit_is_no_money(corpus):
    text = (
        "Чили в 2004 году. Вывоз — двести шестьдесят три, ввоз — две тысячи тридцать пять: "
        "ввоз в семь целых и три четверти раза больше вывоза."
    )
    for r in claims.check(corpus, text):
        assert r.verdict not in RED, (r.claim.span, r.reason)
