"""Round 20p: whose trade the text speaks of, and balances said without a side.

A text written from the partner's side: goods sent to the reporter are its imports ("our
country shipped ... to Chile"), a partner's adjective owns its deliveries («аргентинские
поставки»), a partner's surplus with the reporter is the reporter's deficit. A gap said with no
side («разрыв во внешней торговле») is the balance's size.

Sentences written for these tests, on the corpus data (Chile's sample with Argentina, Portugal's
constructed series). The figures each claim needs are checked first on the raw files with pandas
(``tests/report/claims/_shared.py``), never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import RED, chile_mn, find, portugal_by_flow_mn


@pytest.fixture(scope="module")
def chile():
    """Chile's imports from and exports to Argentina, 2002 and 2004, in millions."""
    imports, exports = chile_mn("import"), chile_mn("export")
    assert (imports[2002], imports[2004]) == pytest.approx((919.28, 2035.41), abs=0.01)
    assert exports[2004] == pytest.approx(262.96, abs=0.01)
    assert imports[2004] / imports[2002] == pytest.approx(2.214, abs=0.001)
    return imports, exports


@pytest.fixture(scope="module")
def portugal():
    """Portugal's deficit by year, in millions."""
    t = portugal_by_flow_mn()
    assert (t.loc[2016, "deficit"], t.loc[2020, "deficit"]) == pytest.approx((150, 190), abs=0.5)
    return t


# -- goods sent to the reporter ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        # Sold to Chile by the speaker: Chile's imports (US$2,035 million, x2.21 on 2002).
        ("In 2004 our nation sold goods worth $2.04 billion across the Andes to Chile, 121% "
         "more than in 2002.", "$2.04 billion", "supported"),
        ("In 2004 our nation sold goods worth $2.04 billion across the Andes to Chile, 121% "
         "more than in 2002.", "121%", "supported"),
        ("В 2004 году мы поставили товаров на 2,04 млрд долларов в Чили.", "2,04 млрд",
         "supported"),
    ],
)  # fmt: skip
def test_goods_sent_to_the_reporter_are_its_imports(corpus, chile, text, words, verdict):
    r = find(claims.check(corpus, text), words)
    assert r.verdict == verdict, r.reason
    assert "imports" in r.reason, r.reason


def test_a_speaker_whose_country_is_not_named_is_never_flagged(corpus, chile):
    # Wrong for all Chile's imports, but which country "we" are is not certain.
    text = "In 2004 our country shipped goods worth $1.5 billion over the border into Chile."
    r = find(claims.check(corpus, text), "$1.5 billion")
    assert r.verdict not in RED, r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("In 2004 Argentine shipments to Chile came to $2.04 billion.", "$2.04 billion"),
        ("В 2004 году аргентинские поставки соседу достигли 2,04 млрд долларов.", "2,04 млрд"),
    ],
)
def test_a_partners_deliveries_are_the_reporters_imports(corpus, chile, text, words):
    r = find(claims.check(corpus, text), words)
    assert r.verdict == "supported", r.reason


# -- a partner's balance --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        # Chile's deficit with Argentina is US$1.77 billion: Argentina's surplus.
        ("In 2004 Argentina posted a surplus with Chile of $1.77 billion.", "$1.77 billion",
         "supported"),
        ("In 2004 Argentina ran a deficit with Chile of $1.77 billion.", "$1.77 billion",
         "contradicted"),
        ("В 2004 году профицит Аргентины в торговле с Чили составил 1,77 млрд долларов.",
         "1,77 млрд", "supported"),
        # The reporter's own side stays its own.
        ("In 2004 Chile had a deficit with Argentina of $1.77 billion.", "$1.77 billion",
         "supported"),
    ],
)  # fmt: skip
def test_a_partners_side_is_the_reporters_other_side(corpus, chile, text, words, verdict):
    r = find(claims.check(corpus, text), words)
    assert r.verdict == verdict, r.reason


# -- a gap said without a side --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("В 2016 году разрыв во внешней торговле Португалии составил 150 млн долларов.",
         "150 млн", "supported"),
        ("Разрыв между вывозом и ввозом Португалии то рос, то сокращался. В 2020 году он был "
         "равен 190 млн долларов.", "190 млн", "supported"),
        # Wrong whichever side it is on.
        ("В 2016 году разрыв во внешней торговле Португалии составил 250 млн долларов.",
         "250 млн", "contradicted"),
    ],
)  # fmt: skip
def test_a_gap_without_a_side_is_the_balances_size(corpus, portugal, text, words, verdict):
    r = find(claims.check(corpus, text), words)
    assert r.verdict == verdict, r.reason


# -- a side told without a figure -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        # Portugal's balance in 2021: a deficit with Germany (-297.1), Korea (-206.7), a surplus
        # with the Netherlands (+675.4).
        ("In 2021 Portugal ran a big surplus with the Netherlands and a smaller surplus with "
         "Germany.", "a smaller surplus", "contradicted"),
        ("In 2021 Portugal ran a big surplus with the Netherlands and a smaller surplus with "
         "Germany.", "a big surplus", "supported"),
        ("В 2021 году с Республикой Корея у Португалии сложилось положительное сальдо.",
         "положительное сальдо", "contradicted"),
        ("В 2021 году с Нидерландами у Португалии сложилось положительное сальдо.",
         "положительное сальдо", "supported"),
        # Another time than the year said: no claim of it.
        ("In 2021 Portugal had a deficit with Germany, the former surplus with Germany long gone.",
         "a deficit", "supported"),
    ],
)  # fmt: skip
def test_a_side_with_a_size_word_or_a_verb_of_being_is_checked(corpus, text, words, verdict):
    r = find(claims.check(corpus, text), words)
    assert r.verdict == verdict, r.reason
