"""Round 20w: a second look before accusing.

A claim read with certainty and contradicted by the data is looked at once more in the readings
its own words seem to rule out (the other flow, the balance from the partner's side, another
year its paragraph names). When its figure fits one of them to its own rounding, the words may
be misread or misused, the figure is no error the data can show: ``unverifiable``, naming that
reading. A figure that fits no reading stays ``contradicted``.

Sentences written for these tests on the bundled Chile-Argentina sample; the figures are
computed first from the raw files with pandas (``chile_mn``), never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import PORTUGAL, chile_mn, find


@pytest.fixture(scope="module")
def chile():
    exports, imports = chile_mn("export"), chile_mn("import")
    assert (round(exports[2004], 1), round(imports[2004], 1)) == (263.0, 2035.4)
    assert round(100 * (imports[2004] / imports[2002] - 1)) == 121
    assert round(imports[2004] - exports[2004], 1) == 1772.4
    return exports, imports


@pytest.mark.parametrize(
    ("text", "words", "fits"),
    [
        # Written from Argentina's side: what it ships to Chile is Chile's imports.
        ("Our country shipped goods worth $2,035 million across the Andes to Chile in 2004.",
         "$2,035 million", "import"),
        ("Our country's exports to Chile were worth $2,035 million in 2004, up 121% on 2002.",
         "121%", "import"),
        ("Наш экспорт в Чили в 2004 году составил 2035,4 млн долл.", "2035,4 млн", "import"),
        # The partner's surplus is the reporter's deficit.
        ("In 2004 trade left Argentina a surplus with Chile of about $1.77 billion.",
         "$1.77 billion", "partner"),
    ],
)  # fmt: skip
def test_a_figure_that_fits_a_reading_its_words_rule_out_is_not_accused(chile, corpus, text,
                                                                         words, fits):  # fmt: skip
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    if r.verdict == "supported":
        # Read from the partner's side by a rule of the frame (goods sent to the reporter,
        # the partner's surplus): no second look needed.
        assert r.claim.subject.flow in ("import", "balance"), r.reason
        return
    assert r.verdict == "unverifiable", r.reason
    assert fits in r.reason, r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Fits no reading: an error the data show.
        ("Chile's exports to Argentina reached $300 million in 2004.", "$300 million"),
        ("In 2004 Chile sold Argentina goods worth $2,535 million.", "$2,535 million"),
        ("Chile's deficit with Argentina was about $1.2 billion in 2004.", "$1.2 billion"),
    ],
)
def test_a_figure_that_fits_no_reading_stays_contradicted(chile, corpus, text, words):
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == "contradicted", r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("In 2018 Portugal's imports grew.", "grew"),
        ("В 2018 году импорт Португалии вырос.", "вырос"),
    ],
)
def test_a_bare_direction_gets_no_second_look(corpus, text, words):
    p = pd.read_csv(PORTUGAL).groupby(["flow", "year"])["value_usd"].sum()
    # Imports fell in 2018 while exports rose: the other flow fits the bare direction.
    assert p["import", 2018] < p["import", 2017]
    assert p["export", 2018] > p["export", 2017]
    r = find(claims.check(corpus, text), words)
    assert r.verdict == "contradicted", r.reason
