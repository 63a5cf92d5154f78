"""Round 25, after the three parts were merged: what an unverifiable claim of services says.

A figure of services, software, prices or one firm's sales is none the goods trade data hold:
its reason says so, in the text's language, and does not send the reader to ``--lexicon`` (no
lexicon entry makes software goods).

Sentences written for these tests; the figure they are near is computed from the raw file with
pandas, never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import chile_mn, find


@pytest.mark.parametrize(
    ("text", "words", "lang", "said"),
    [
        ("In 2004 Chile's software exports to Argentina came to about $270 million.",
         "$270 million", "en", "'software' is not goods: services, prices"),
        ("In 2004 Argentine tourists spent about $270 million in Chile.",
         "$270 million", "en", "is not goods: services, prices"),
        ("В 2004 году экспорт чилийского программного обеспечения в Аргентину составил около "
         "270 млн долл.", "270 млн", "ru", "— не товары: услуг, цен"),
    ],
)  # fmt: skip
def test_services_are_said_to_be_no_goods_not_words_to_add(corpus, text, words, lang, said):
    # Chile's goods exports to Argentina are near the figure: read as goods, it would be judged.
    assert 250 < float(chile_mn("export")[2004]) < 285
    r = find(claims.check(corpus, text, reporter="CHL", lang=lang), words)
    assert r.verdict == "unverifiable", r.reason
    assert said in r.reason, r.reason
    assert "--lexicon" not in r.reason, r.reason
