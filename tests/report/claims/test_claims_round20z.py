"""Round 20z: words in a parenthesis that titles a code are the code's, not a goods word to check.

"8470 (Машины счетные ..., 187,62 млн долл.)": the figure is of heading 8470; «машины» read as
machinery in each reading the lexicon lists would accuse a true figure. Figures computed from
the raw Moscow file with pandas, never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import chile_mn, find, moscow


@pytest.mark.parametrize(
    ("template", "heading"),
    [
        ("В 2020 году экспорт Москвы: 8470 (Машины счетные и кассовые, {v} млн долл.).", "8470"),
        ("Moscow's 2020 exports: heading 8470 (calculating machines and machinery, ${v} million).",
         "8470"),
    ],
)  # fmt: skip
def test_words_titling_a_code_are_not_read_as_a_loose_goods_word(corpus, template, heading):
    m = moscow(heading)
    value = m[(m["flow"] == "export") & (m["year"] == 2020)]["value_usd"].sum() / 1e6
    everything = moscow()
    machinery = everything[(everything["flow"] == "export") & (everything["year"] == 2020)
                           & everything["product"].str.zfill(6).str[:2].isin(["84", "85"])]  # fmt: skip
    assert abs(machinery["value_usd"].sum() / 1e6 - value) > 0.1 * value
    words = f"{value:.2f}".replace(".", ",") if "млн" in template else f"{value:.2f}"
    r = find(claims.check(corpus, template.format(v=words), reporter="RU-MOW"), words)
    assert r.verdict != "contradicted", r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Fuels made up a good 45% of all Argentine supplies to Chile in 2004.", "45%"),
        ("В 2004 году на долю топлива приходилось 45% аргентинских поставок в Чили.", "45%"),
        ("Pipeline gas alone delivered $613 million in 2004.", "$613 million"),
    ],
)
def test_a_flow_word_without_a_direction_gets_a_second_look(corpus, text, words):
    # The figures are Chile's imports (fuels: 45% of those from Argentina; natural gas,
    # heading 2711, US$612.6 million): "supplies" and "delivered" may be told from either side.
    imports = chile_mn("import", "27")
    gas = chile_mn("import", "2711")
    assert round(gas[2004]) == 613
    whole = chile_mn("import")
    assert round(100 * imports[2004] / whole[2004]) == 45
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict != "contradicted", r.reason
    if r.verdict == "supported":
        # Read as imports by a rule of the frame (a partner's supplies): no second look needed.
        assert r.claim.subject.flow == "import", r.reason
    else:
        assert "flow read as import" in r.reason, r.reason
