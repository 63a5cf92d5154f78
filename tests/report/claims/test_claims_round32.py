"""Round 32: a bare comparison set against the partner of the sentence before.

«Главный поставщик — Китай, 40% ввоза. Германия поставляет вдвое меньше» (heldout27): Germany
against China, the partner of the sentence before, not Germany's own year before (read so, x1.26,
and flagged). The multiple is of another subject: not checked, never a red flag. A comparison
that names its year («вдвое меньше, чем годом ранее») or a clause with no partner of its own
stays a multiple over time.

Sentences written for these tests; the figures are computed first from the raw file with
pandas, never with hitex.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

import hitex.report.claims as claims
from hitex.report.claims.parse import sentences
from tests.report.claims._shared import PORTUGAL, RED, find


def _imports(partner: str, year: int) -> float:
    p = pd.read_csv(PORTUGAL)
    rows = p[(p["flow"] == "import") & (p["partner"] == partner) & (p["year"] == year)]
    return float(rows["value_usd"].sum()) / 1e6


def test_the_figures_by_hand():
    assert round(_imports("CHN", 2021), 1) == 1834.4
    assert round(_imports("DEU", 2021), 1) == 917.2  # half of China's: "вдвое меньше"
    assert round(_imports("DEU", 2021) / _imports("DEU", 2020), 2) == 1.26


def test_a_bare_comparison_after_another_partners_sentence_is_not_a_years_multiple(corpus):
    text = "Португалия в 2021 году. Главный поставщик — Китай, 40% ввоза. Германия поставляет вдвое меньше."
    r = find(claims.check(corpus, text, reporter="PRT"), "вдвое")
    assert r.verdict not in RED, r.reason
    assert "not checked" in r.reason


def test_a_comparison_with_its_year_stays_one_over_time(corpus):
    # Guard: the comparand is said (Germany's imports grew x1.26, not twice).
    text = (
        "Португалия в 2021 году. Главный поставщик — Китай. "
        "Германия поставила в 2021 году вдвое больше, чем годом ранее."
    )
    r = find(claims.check(corpus, text, reporter="PRT"), "вдвое")
    assert r.verdict in RED, r.reason


def test_each_sentence_knows_the_one_before_it_in_its_paragraph():
    found = sentences("Один. Два.\n\nТри.")
    assert [s.before for s in found] == ["", "Один.", ""]
    # The sentence before is context, not part of a sentence's identity.
    assert found[1] == dataclasses.replace(found[1], before="Другое.")
