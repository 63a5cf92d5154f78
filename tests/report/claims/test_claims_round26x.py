"""Round 26, found after the blind score: two readings that let a false claim pass as supported.

- A Russian verb of arrival in the future or present («придёт», «придут», «поступит»,
  «поступят», «прибудет»), like «пришло» before it, says goods come in: imports. A figure of the
  imports said beside it was read with the flow of the paragraph (exports) and supported where
  the exports happened to hold that figure.
- A rank by growth said with an ordinal: «первые по темпу среди всех получателей», «второй по
  темпам роста», "first in growth among all buyers". The sentence's amount was checked and the
  rank not read at all, so a sentence whose rank is false showed only a supported figure.

Sentences written for these tests; figures from the raw files with pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, RED, chile_mn, find, ru


def _growth_2020() -> pd.Series:
    """Moscow's exports by partner, 2020 against 2019, of partners with both years (%)."""
    m = pd.read_csv(MOSCOW)
    m = m[m["flow"] == "export"].groupby(["partner", "year"])["value_usd"].sum().unstack()
    m = m.dropna()
    return (100 * (m[2020] / m[2019] - 1)).sort_values(ascending=False)


def test_the_figures_the_tests_rest_on():
    assert round(chile_mn("import", "30")[2004], 1) == 44.9
    assert round(chile_mn("export", "30")[2004], 1) == 13.2
    growth = _growth_2020()
    assert growth.index[0] == "THA"
    assert round(growth.iloc[0]) == 198
    assert round(growth["ARE"]) == 60
    assert (growth > 60.5).sum() >= 3


@pytest.mark.parametrize("verb", ["придёт", "поступит", "прибудет"])
def test_a_verb_of_arrival_says_imports(corpus, verb):
    exports, imports = chile_mn("export", "30")[2004], chile_mn("import", "30")[2004]
    text = (f"Прогноз на 2004 год. Чилийский вывоз в Аргентину — {ru(chile_mn('export')[2004])} "
            f"млн долларов. Из-за Анд {verb} и фармацевтики на {ru(exports)} млн.")  # fmt: skip
    r = find(claims.check(corpus, text), f"{ru(exports)} млн", understood=True)
    # The exports' figure said of what arrives is no support of it.
    assert r.verdict != "supported", r.reason
    text = text.replace(f"на {ru(exports)} млн", f"на {ru(imports)} млн")
    r = find(claims.check(corpus, text), f"{ru(imports)} млн", understood=True)
    assert r.verdict == "supported", r.reason
    assert "imports" in r.reason


def test_a_rank_by_growth_is_read_and_checked(corpus):
    g = _growth_2020()
    text = ("В 2020 году московский экспорт вырос на 30%. Объединённые Арабские Эмираты, 40 млн, "
            "— первые по темпу среди всех получателей.")  # fmt: skip
    results = claims.check(corpus, text)
    ranks = [r for r in results if r.claim.kind == "rank" and "первые" in r.claim.span]
    assert ranks, [(r.claim.span, r.claim.kind, r.verdict) for r in results]
    # The Emirates' +60% is behind Thailand's +198% and others: never supported.
    assert ranks[0].verdict in (*RED, "unverifiable"), ranks[0].reason
    assert g["ARE"] < g.iloc[0]
