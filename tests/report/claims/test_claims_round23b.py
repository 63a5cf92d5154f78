"""Round 23b: the way goods go, read from the paragraph as a reader reads it.

A paragraph opened by a sentence on what a partner sold the reporter sends the goods of the
sentences after it that name no sender ("Deliveries reached ...", "Soap came to ...") to the
reporter: imports; a noun of buying after the figure with the reporter's demonym before it
("... of Chilean purchases") is the reporter's buying; a pronoun stands for the claims of the
sentence before as they were read, and a pronoun after a claim of its own sentence ("Paper came
to $33.3 million, and it tripled") stands for that claim, not for a balance word further back.
A figure that fits the other flow never chooses the flow by itself.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import PORTUGAL, chile_mn, find


def _check(session, text: str, words: str):
    return find(claims.check(session, text, reporter="CHL"), words, understood=True)


def test_the_figures_the_tests_rest_on():
    imports, exports = chile_mn("import"), chile_mn("export")
    assert round(imports[2004]) == 2035
    assert round(imports[2002]) == 919
    assert round(exports[2004]) == 263
    assert round(chile_mn("import", "34")[2004], 1) == 26.2
    assert round(chile_mn("import", "27")[2004]) == 917
    assert round(chile_mn("export", "30")[2004], 1) == 13.2
    assert round(chile_mn("export", "30")[2004] / chile_mn("export", "30")[2002], 1) == 4.0


# -- a paragraph on what a partner sold the reporter: goods sent with no sender are imports ---
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Consider what Argentina sold to Chile. In 2004 deliveries reached $2,035 million, "
         "against $919 million in 2002.", "$2,035 million"),
        ("Consider what Argentina sold to Chile. In 2004 deliveries reached $2,035 million, "
         "against $919 million in 2002.", "$919 million"),
        ("Here is what the Argentines sold Chile. Supplies came to $2,035 million in 2004.",
         "$2,035 million"),
        ("Here is what Argentina sold Chile in 2004. Detergents and soap came to $26.2 million.",
         "$26.2 million"),
    ],
)  # fmt: skip
def test_goods_sent_with_no_sender_go_the_way_the_paragraph_sends_them(corpus, text, words):
    r = _check(corpus, text, words)
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.flow == "import"


def test_the_reporter_selling_keeps_its_exports(corpus):
    r = _check(corpus, "Consider what Chile sold Argentina. Shipments reached $263 million in 2004.",
               "$263 million")  # fmt: skip
    assert (r.verdict, r.claim.subject.flow) == ("supported", "export"), r.reason


def test_a_wrong_figure_under_the_frame_is_flagged(corpus):
    # Neither exports ($263m) nor imports ($2,035m) are near $1.5bn.
    r = _check(corpus, "Consider what Argentina sold to Chile. In 2004 deliveries reached "
               "$1,500 million.", "$1,500 million")  # fmt: skip
    assert r.verdict == "contradicted", r.reason
    assert r.claim.subject.flow == "import"


def test_a_sender_in_the_sentence_wins_over_the_paragraph(corpus):
    r = _check(corpus, "Consider what Argentina sold to Chile. In 2004 Chile shipped goods worth "
               "$263 million to Argentina.", "$263 million")  # fmt: skip
    assert (r.verdict, r.claim.subject.flow) == ("supported", "export"), r.reason


# -- "... of Chilean purchases": the reporter's own buying, read after the figure -------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("In 2004 fuels climbed to $917 million, nearly half of all Chilean purchases across "
         "the border.", "$917 million"),
        ("In 2004 fuels climbed to $917 million, nearly half of all Chilean purchases across "
         "the border.", "nearly half"),
    ],
)  # fmt: skip
def test_the_reporters_purchases_after_the_figure_are_imports(corpus, text, words):
    r = _check(corpus, text, words)
    assert r.claim.subject.flow == "import"
    # The share's whole is the reporter's buying too.
    assert r.claim.whole is None or r.claim.whole.flow == "import"
    assert r.verdict == "supported", r.reason


# -- a pronoun stands for what was read just before it ------------------------------------------
def test_a_pronoun_stands_for_the_claims_before_as_read(corpus):
    text = ("Consider what Argentina sold to Chile. In 2004 deliveries reached $2,035 million. "
            "Fuel explains much of it: HS 27 alone came to $917 million.")  # fmt: skip
    r = _check(corpus, text, "$917 million")
    assert (r.verdict, r.claim.subject.flow) == ("supported", "import"), r.reason
    assert r.claim.how("flow") in ("read", "carried")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("That is the gap we close. In 2004 medicines reached $13.2 million, and they nearly "
         "quadrupled against 2002.", "nearly quadrupled"),
        ("That is the gap we close. In 2004 medicines reached $13.2 million, and they nearly "
         "quadrupled against 2002.", "$13.2 million"),
    ],
)  # fmt: skip
def test_a_pronoun_after_a_claim_of_its_sentence_stands_for_it(corpus, text, words):
    r = _check(corpus, text, words)
    assert r.claim.subject.flow == "export"
    assert r.verdict == "supported", r.reason


# -- words of the grammar: a verb of saying names no goods; "combined trade" is the turnover --
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The memo states exports grew 12.9% between 2001 and 2003.", "12.9%"),
        ("The brochure claims imports rose 69.6% in 2003 against 2001.", "69.6%"),
        ("In 2009, the minister insisted, exports edged up; in fact the report notes exports "
         "fell 8.3% that year.", "8.3%"),
    ],
)  # fmt: skip
def test_a_verb_of_saying_before_a_flow_word_names_no_goods(corpus, text, words):
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.claim.understood, r.reason
    assert r.verdict == "supported", r.reason


def test_combined_trade_is_the_turnover(corpus):
    p = pd.read_csv(PORTUGAL)
    both = p.groupby("year")["value_usd"].sum() / 1e9
    assert round(both[2021], 1) == 9.1
    assert round(both[2021] / both[2014], 1) == 3.4
    text = (
        "In 2021 Portugal's combined technology trade reached $9.1 billion, 3.4 times the "
        "2014 value."
    )
    results = claims.check(corpus, text, reporter="PRT")
    for words in ("$9.1 billion", "3.4 times"):
        r = find(results, words)
        assert r.claim.subject.flow == "turnover"
        assert r.verdict == "supported", r.reason


# -- a multiple in English words past twenty: "twenty-eight times" ----------------------------
def test_a_compound_number_word_is_the_whole_multiple(corpus):
    cotton = chile_mn("import", "52")
    assert round(cotton[2004] / cotton[2002]) == 28
    text = "In 2004 Chile's cotton imports were twenty-eight times their 2002 level."
    r = find(claims.check(corpus, text, reporter="CHL"), "times")
    assert r.claim.quantity is not None
    assert r.claim.quantity.value == 28
    assert r.verdict == "supported", r.reason


# -- knitted clothing is HS 61, not all clothing ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "In 2004 Chile's imports of knitwear were 3.7 times those of 2002.",
        "В 2004 г. импорт трикотажа вырос в 3,7 раза против 2002 г.",
    ],
)
def test_knitted_clothing_is_its_own_chapter(corpus, text):
    knitted = chile_mn("import", "61")
    assert round(knitted[2004] / knitted[2002], 1) == 3.7
    both = chile_mn("import", "61") + chile_mn("import", "62")
    assert round(both[2004] / both[2002], 1) == 3.1
    r = find(claims.check(corpus, text, reporter="CHL"), "3")
    assert r.verdict == "supported", r.reason


# -- the reporter named as the seller: a first person after it is no partner speaking -------
def test_the_reporter_as_seller_is_not_undone_by_a_later_first_person(corpus):
    fuels = chile_mn("import", "27")[2004]
    assert round(fuels) == 917
    assert chile_mn("export", "27")[2004] < 50
    text = "Chile sold its neighbour $917 million of fuels in 2004, so this is not our business."
    r = find(claims.check(corpus, text, reporter="CHL"), "$917 million")
    assert r.claim.subject.flow == "export"
    assert r.verdict == "contradicted", r.reason


def test_trade_both_ways_is_the_turnover(corpus):
    both = chile_mn("import") + chile_mn("export")
    assert round(both[2004] / 1e3, 1) == 2.3
    text = "In 2004 commerce both ways came to $2.3 billion."
    r = find(claims.check(corpus, text, reporter="CHL"), "$2.3 billion")
    assert r.claim.subject.flow == "turnover"
    assert r.verdict == "supported", r.reason


# -- words of the lexicon and grammar: "pharma", staple fibre, "combined flows" --------------
def _portugal_mn(flow: str, year: int, product: str = "") -> float:
    p = pd.read_csv(PORTUGAL, dtype={"product": str})
    p = p[(p["flow"] == flow) & (p["year"] == year) & p["product"].str.startswith(product)]
    return float(p["value_usd"].sum()) / 1e6


@pytest.mark.parametrize(
    ("text", "reporter", "words", "flow"),
    [
        ("In 2021 Portugal's pharma imports came to $917.2 million.", "PRT", "$917.2 million",
         "import"),
        ("In 2004 Chilean staple fiber sales to Argentina came to $2.5 million.", "CHL",
         "$2.5 million", "export"),
        ("In 2004 Chile's combined flows with Argentina came to $2.3 billion.", "CHL",
         "$2.3 billion", "turnover"),
    ],
)  # fmt: skip
def test_words_for_goods_and_for_both_flows(corpus, text, reporter, words, flow):
    assert round(_portugal_mn("import", 2021, "30"), 1) == 917.2
    assert round(chile_mn("export", "55")[2004], 1) == 2.5
    r = find(claims.check(corpus, text, reporter=reporter), words)
    assert r.claim.subject.flow == flow
    assert r.verdict == "supported", r.reason


# -- "bought 1.3 times what Korea did": the verb said once, another partner's purchases -------
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("In 2021 Belgium bought 1.3 times what Korea did.", "supported"),
        ("In 2021 Italy bought 2.5 times what Sweden did.", "contradicted"),
    ],
)
def test_a_multiple_of_what_another_partner_did(corpus, text, verdict):
    assert round(_portugal_partner("BEL") / _portugal_partner("KOR"), 1) == 1.3
    assert round(_portugal_partner("ITA") / _portugal_partner("SWE"), 1) == 1.5
    r = find(claims.check(corpus, text, reporter="PRT"), "times")
    assert r.claim.whole is not None
    assert r.claim.whole.partners
    assert r.verdict == verdict, r.reason


def _portugal_partner(partner: str) -> float:
    p = pd.read_csv(PORTUGAL)
    p = p[(p["flow"] == "export") & (p["year"] == 2021) & (p["partner"] == partner)]
    return float(p["value_usd"].sum())


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Разрыв между вывозом и ввозом Португалии сокращался. В 2020 году он был равен 190 млн "
         "долларов.", "190 млн"),
        ("The gap between Portugal's exports and imports shrank. In 2020 it stood at $190 million.",
         "$190 million"),
    ],
)  # fmt: skip
def test_a_pronoun_after_a_bare_fall_stands_for_the_gap(corpus, text, words):
    # Portugal's deficit in 2020: US$190 million; its imports US$3.65 billion.
    r = find(claims.check(corpus, text), words)
    assert (r.verdict, r.claim.subject.flow) == ("supported", "balance"), r.reason
