"""English readings found on the held-out part heldout14 (development material since).

Sentences written for these tests. Expected figures come from pandas on the raw files
(tests/report/claims/_shared.py): examples/moscow-2020/flows.csv (Moscow's exports of HS
chapters 84, 85 and 90, 2019-2020), src/hitex/demo/data/chl_arg_*.csv (Chile's trade with
Argentina, 2002 and 2004) and bench/check_corpus/data/portugal-tech.csv.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import (
    MOSCOW,
    PORTUGAL,
    RED,
    chile_mn,
    find,
    moscow,
    moscow_exports,
    portugal_by_flow_mn,
    portugal_mn,
)

MOSCOW_HEAD = "Moscow's technology exports, 2020.\n\n"
PORTUGAL_HEAD = "Portugal's technology trade, 2001-2021.\n\n"
CHILE_HEAD = "Chile's trade with Argentina, 2002-2004.\n\n"


def _moscow(chapter: str = "", partner: str | None = None) -> pd.Series:
    """Moscow's exports by year (goods of a chapter, to a partner), in millions of dollars."""
    return moscow(chapter, partner).groupby("year")["value_usd"].sum() / 1e6


# -- goods words ---------------------------------------------------------------------------------
def test_machinery_electrical_goods_and_instruments_are_chapters_84_85_and_90(corpus):
    m = pd.read_csv(MOSCOW, dtype={"product": str})
    assert set(m["product"].str.zfill(6).str[:2]) == {"84", "85", "90"}
    total = moscow_exports() / 1e6
    assert total[2020] == pytest.approx(2403.84, abs=0.01)
    assert 100 * (total[2020] / total[2019] - 1) == pytest.approx(30.0, abs=0.01)
    for goods in (
        "machinery, electronics and instruments",
        "machinery, electrical and optical goods",
    ):
        text = MOSCOW_HEAD + f"Sales abroad of {goods} totalled $2.40bn in 2020, up 30%."
        got = claims.check(corpus, text)
        for words in ("$2.40bn", "up 30%"):
            r = find(got, words)
            assert r.verdict == "supported", (goods, r.reason)
        # Chapter words are one reading of the text's goods: a wrong figure is not supported.
        wrong = find(claims.check(corpus, text.replace("2.40bn", "2.90bn")), "2.90bn")
        assert wrong.verdict == "unverifiable", (goods, wrong.reason)


def test_a_chapter_word_the_text_glosses_by_its_code_means_that_chapter_later_too(corpus):
    korea = _moscow("85", "KOR")
    assert korea[2020] / korea[2019] == pytest.approx(2.69, abs=0.005)
    assert korea[2020] == pytest.approx(37.06, abs=0.005)
    later = "\n\nKorea's purchases of electrical goods grew fivefold, to $37.1 million."
    glossed = MOSCOW_HEAD + "Electrical machinery (chapter 85) gained 29% in 2020." + later
    got = claims.check(corpus, glossed)
    assert find(got, "fivefold").verdict == "contradicted", find(got, "fivefold").reason
    assert find(got, "37.1").verdict == "supported", find(got, "37.1").reason
    # Without the gloss "electrical goods" is a chapter word; flagged as every reading the
    # lexicon lists for it (chapter 85) disagrees.
    loose = find(claims.check(corpus, MOSCOW_HEAD + later.strip()), "fivefold")
    assert loose.verdict == "contradicted", loose.reason


def test_a_partner_named_right_after_a_figure_set_against_is_that_figures(corpus):
    japan, china = _moscow("90", "JPN"), _moscow("90", "CHN")
    assert (japan[2020], china[2020]) == (pytest.approx(173.49, abs=0.01),
                                          pytest.approx(96.16, abs=0.01))  # fmt: skip
    text = (MOSCOW_HEAD + "Japan took $173.5 million of chapter 90 goods last year, "
            "against $96.2 million for China.")  # fmt: skip
    got = claims.check(corpus, text)
    r = find(got, "96.2")
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.partners == ("CHN",)
    assert r.claim.period.year == 2020
    wrong = find(claims.check(corpus, text.replace("96.2", "136.2")), "136.2")
    assert wrong.verdict == "contradicted", wrong.reason


# -- multiples -----------------------------------------------------------------------------------
def test_a_factor_closer_to_and_the_multiple_is_restate_the_multiple_before(corpus):
    imports, fuels = chile_mn("import"), chile_mn("import", "27")
    assert imports[2004] / imports[2002] == pytest.approx(2.214, abs=0.001)
    assert fuels[2004] / fuels[2002] == pytest.approx(5.596, abs=0.001)
    text = (CHILE_HEAD + "Purchases from Argentina tripled between 2002 and 2004, the report "
            "says. The table gives a factor closer to 2.2.\n\nFuel imports (chapter 27) grew "
            "ninefold from 2002 to 2004; the multiple is about 5.6.")  # fmt: skip
    got = claims.check(corpus, text)
    for words in ("closer to 2.2", "multiple is about 5.6"):
        r = find(got, words)
        assert (r.claim.kind, r.verdict) == ("multiple", "supported"), r.reason
    # The figures that the correction follows stay flagged: it corrects them.
    for words in ("tripled", "ninefold"):
        assert find(got, words).verdict in RED, find(got, words).reason
    wrong = claims.check(corpus, text.replace("2.2.", "3.2.").replace("5.6", "7.6"))
    r = find(wrong, "multiple is about 7.6")  # its subject is its sentence's: certain
    assert r.verdict == "contradicted", r.reason
    r = find(wrong, "closer to 3.2")  # its subject is the sentence before's: not certain
    assert r.verdict == "unverifiable", r.reason


def test_triple_the_level_of_a_year_is_a_multiple_of_that_year(corpus):
    paper = chile_mn("export", "48")
    assert paper[2004] / paper[2002] == pytest.approx(3.13, abs=0.005)
    text = (
        CHILE_HEAD
        + "Paper exports (chapter 48) brought $33.3 million in 2004, triple the 2002 level."
    )
    r = find(claims.check(corpus, text), "triple")
    assert (r.claim.kind, r.claim.period.compare, r.verdict) == ("multiple", 2002, "supported")
    wrong = find(claims.check(corpus, text.replace("triple", "quadruple")), "quadruple")
    assert wrong.verdict == "contradicted", wrong.reason


def test_multiplies_the_old_total_by_is_a_multiple_of_a_base_not_read(corpus):
    text = (MOSCOW_HEAD + "In 2020 exports came to $2.4 billion, which multiplies the old total "
            "by more than seven.")  # fmt: skip
    r = find(claims.check(corpus, text), "multiplies")
    assert r.claim.kind == "multiple"
    assert r.claim.quantity is not None
    assert (r.claim.quantity.value, r.claim.quantity.qualifier) == (7.0, "more than")
    # Which year the old total is, is not read: the year before would flag it.
    assert r.verdict == "unverifiable", r.reason


def test_the_multiple_is_takes_the_frame_of_the_multiple_before_it(corpus):
    fuels = chile_mn("import", "27")
    assert fuels[2004] / fuels[2002] == pytest.approx(5.596, abs=0.001)
    text = (
        CHILE_HEAD
        + "Fuel imports (chapter 27) grew ninefold from 2002 to 2004; the multiple is about 7.6."
    )
    r = find(claims.check(corpus, text), "multiple is")
    assert (r.claim.period.year, r.claim.period.compare) == (2004, 2002)
    assert r.verdict == "contradicted", r.reason


# -- shares --------------------------------------------------------------------------------------
def test_one_dollar_in_four_is_a_share(corpus):
    exports = pd.read_csv(PORTUGAL)
    exports = exports[(exports["flow"] == "export") & (exports["year"] == 2021)]
    by = exports.groupby("partner")["value_usd"].sum()
    assert 100 * by["NLD"] / by.sum() == pytest.approx(25.2, abs=0.01)
    text = "Portugal's technology exports, 2021.\n\nThe Netherlands buys one dollar in four."
    r = find(claims.check(corpus, text), "one dollar in four")
    assert (r.claim.kind, r.verdict) == ("share", "supported"), r.reason
    wrong = find(claims.check(corpus, text.replace("four", "two")), "one dollar in two")
    assert wrong.verdict == "contradicted", wrong.reason


def test_a_percentage_of_everything_is_a_share_after_a_word_of_growth(corpus):
    gas = chile_mn("import", "2711") / chile_mn("import")
    assert 100 * gas[2004] == pytest.approx(30.09, abs=0.01)
    text = (CHILE_HEAD + "Much of the increase came from petroleum gases (HS 2711), US$613 "
            "million in 2004, roughly 30% of everything bought.")  # fmt: skip
    r = find(claims.check(corpus, text), "30%")
    assert (r.claim.kind, r.verdict) == ("share", "supported"), r.reason
    wrong = find(claims.check(corpus, text.replace("30%", "45%")), "45%")
    assert wrong.verdict == "contradicted", wrong.reason


def test_exports_against_imports_of_a_text_about_one_partner_are_with_that_partner(corpus):
    cover = chile_mn("export") / chile_mn("import")
    assert 100 * cover[2004] == pytest.approx(12.92, abs=0.01)
    text = (CHILE_HEAD + "Argentina sold Chile US$2.04 billion of goods in 2004.\n\n"
            "Minor points. Exports paid for only about an eighth of imports in 2004.")  # fmt: skip
    r = find(claims.check(corpus, text), "an eighth")
    assert (r.claim.kind, r.verdict) == ("share", "supported"), r.reason
    assert r.claim.subject.partners == ("ARG",)
    # The partner is the text's, not the claim's own: a guess, never flagged alone.
    wrong = find(claims.check(corpus, text.replace("an eighth", "a third")), "a third")
    assert wrong.verdict == "unverifiable", wrong.reason


# -- ranks ---------------------------------------------------------------------------------------
def test_the_largest_line_is_a_rank_among_goods(corpus):
    m = pd.read_csv(MOSCOW, dtype={"product": str})
    m = m[m["year"] == 2020]
    headings = m.groupby(m["product"].str.zfill(6).str[:4])["value_usd"].sum()
    assert headings.idxmax() == "8411"
    assert headings.sort_values().index[-2] == "8471"
    text = MOSCOW_HEAD + "Turbojets (heading 8411) are still the largest line, at $349m."
    r = find(claims.check(corpus, text), "largest line")
    assert (r.claim.kind, r.verdict) == ("rank", "supported"), r.reason
    wrong = MOSCOW_HEAD + "Computers (heading 8471) are the single largest line, at $257m."
    r = find(claims.check(corpus, wrong), "largest line")
    assert r.verdict == "contradicted", r.reason


# -- subjects ------------------------------------------------------------------------------------
def test_a_sentence_opened_by_its_goes_on_about_the_partner_before(corpus):
    germany = _moscow("", "DEU")
    assert 100 * (germany[2020] / germany[2019] - 1) == pytest.approx(25.0)
    assert germany[2020] == pytest.approx(250.0)
    text = MOSCOW_HEAD + "Germany comes third. Its purchases rose by a quarter, reaching $250m."
    got = claims.check(corpus, text)
    for words in ("a quarter", "$250m"):
        r = find(got, words)
        assert r.verdict == "supported", r.reason
        assert r.claim.subject.partners == ("DEU",)
    # A reading of the paragraph: never flagged alone.
    wrong = find(claims.check(corpus, text.replace("$250m", "$350m")), "$350m")
    assert wrong.verdict == "unverifiable", wrong.reason


def test_a_partner_that_sold_us_does_not_turn_a_later_clause_it_buys_from_us(corpus):
    exports = chile_mn("export")
    assert exports[2004] == pytest.approx(262.96, abs=0.01)
    text = (CHILE_HEAD + "In 2004 Argentina sold us goods worth US$2,035 million and bought "
            "US$263 million from us.")  # fmt: skip
    r = find(claims.check(corpus, text), "263")
    assert (r.claim.subject.flow, r.verdict) == ("export", "supported"), r.reason


def test_four_times_as_many_goods_from_a_partner_as_we_sell_them_is_the_other_flow(corpus):
    imports, exports = chile_mn("import", "39"), chile_mn("export", "39")
    assert imports[2004] / exports[2004] == pytest.approx(4.27, abs=0.005)
    text = (CHILE_HEAD + "Plastics, chapter 39, rose 69% in 2004. We still buy more than four "
            "times as many plastics from Argentina as we sell them.")  # fmt: skip
    r = find(claims.check(corpus, text), "four times")
    assert r.verdict == "supported", r.reason
    assert r.claim.whole is not None
    assert r.claim.whole.flow == "export"


# -- counts --------------------------------------------------------------------------------------
def test_a_net_gain_of_one_is_the_count_of_the_year_before(corpus):
    m = pd.read_csv(MOSCOW)
    partners = m.groupby("year")["partner"].nunique()
    assert (partners[2019], partners[2020]) == (21, 22)
    text = MOSCOW_HEAD + "In 2020 buyers came from 22 countries, a net gain of one."
    r = find(claims.check(corpus, text), "net gain")
    assert (r.claim.kind, r.claim.period.year, r.verdict) == ("count", 2019, "supported")
    wrong = find(claims.check(corpus, text.replace("one.", "three.")), "net gain")
    assert wrong.verdict == "contradicted", wrong.reason


# -- the whole trade, and the flow of a question ---------------------------------------------------
def test_two_way_trade_after_a_sentence_on_goods_is_all_goods(corpus):
    turnover = chile_mn("export") + chile_mn("import")
    assert turnover[2004] == pytest.approx(2298.37, abs=0.01)
    text = (CHILE_HEAD + "Cereal imports (chapter 10) rose 40% in 2004. Two-way trade "
            "exceeded US$2.3 billion that year.")  # fmt: skip
    r = find(claims.check(corpus, text), "2.3 billion")
    assert (r.claim.subject.flow, r.claim.subject.products) == ("turnover", ())
    assert r.verdict == "contradicted", r.reason
    right = find(claims.check(corpus, text.replace("exceeded", "approached")), "2.3 billion")
    assert right.verdict == "supported", right.reason


def test_total_technology_trade_and_exports_and_imports_together_are_the_turnover(corpus):
    t = portugal_by_flow_mn()
    assert t.loc[2020, "export"] + t.loc[2020, "import"] == pytest.approx(7113.08, abs=0.01)
    assert t.loc[2021, "export"] + t.loc[2021, "import"] == pytest.approx(9086.0)
    for text, words in (
        ("The gap shrank to USD 86 million in 2021. Total technology trade in 2020 was about "
         "USD 7.1 billion.", "7.1"),
        ("In 2021 imports and exports combined totalled USD 9.09 bn.", "9.09"),
    ):  # fmt: skip
        r = find(claims.check(corpus, PORTUGAL_HEAD + text), words)
        assert (r.claim.subject.flow, r.verdict) == ("turnover", "supported"), r.reason


def test_a_reply_to_a_question_on_one_flow_is_of_that_flow(corpus):
    assert portugal_mn("import")[2021] == pytest.approx(4586.0)
    text = PORTUGAL_HEAD + "Examiner: And imports?\n\nCandidate: In 2021, USD 4,586 million."
    r = find(claims.check(corpus, text), "4,586")
    assert (r.claim.subject.flow, r.verdict) == ("import", "supported"), r.reason
    # The flow is the dialogue's, not the sentence's own: never flagged alone.
    wrong = find(claims.check(corpus, text.replace("4,586", "4,986")), "4,986")
    assert wrong.verdict == "unverifiable", wrong.reason


# -- shares and years ----------------------------------------------------------------------------
def test_a_quarter_of_all_exports_is_a_share_not_a_growth_rate(corpus):
    assert 100 * _moscow("90")[2020] / _moscow()[2020] == pytest.approx(21.37, abs=0.01)
    text = (MOSCOW_HEAD + "Instruments of chapter 90 grew fastest, 69%, and now make up more "
            "than one quarter of all exports.")  # fmt: skip
    r = find(claims.check(corpus, text), "one quarter")
    assert (r.claim.kind, r.verdict) == ("share", "contradicted"), r.reason


def test_the_level_of_the_year_before_and_of_a_year_after_a_rate(corpus):
    total = moscow_exports() / 1e6
    assert total[2019] == pytest.approx(1849.11)
    for words in ("$1.85bn of the year before", "1,849.1 million of 2019"):
        text = MOSCOW_HEAD + f"Exports reached $2.40bn in 2020, up 30% on the {words}."
        r = find(claims.check(corpus, text), words.split(" of ")[0])
        assert (r.claim.period.year, r.verdict) == (2019, "supported"), r.reason


# -- bases and glosses ---------------------------------------------------------------------------
def test_times_its_value_in_a_year_and_what_it_was_in_a_year_are_of_that_base(corpus):
    oils = chile_mn("export", "2710")
    assert oils[2004] / oils[2002] == pytest.approx(2.52, abs=0.005)
    for words in ("about 2.5 times its value in 2002", "about 2.5 times what it was in 2002"):
        text = CHILE_HEAD + f"Refined oils (heading 2710) sold US$22.5 million in 2004, {words}."
        r = find(claims.check(corpus, text), "2.5 times")
        assert (r.claim.period.compare, r.verdict) == (2002, "supported"), r.reason
        wrong = find(claims.check(corpus, text.replace("2.5 times", "4.5 times")), "4.5 times")
        assert wrong.verdict == "contradicted", wrong.reason


def test_a_code_set_in_commas_next_to_goods_words_glosses_them(corpus):
    rubber, drugs = chile_mn("export", "40"), chile_mn("export", "3006")
    assert rubber[2004] / rubber[2002] == pytest.approx(3.79, abs=0.005)
    assert drugs[2004] == pytest.approx(11.39, abs=0.005)
    text = (CHILE_HEAD + "Rubber and its articles as a whole, chapter 40, exported US$12.2 "
            "million in 2004, close to five times what it was in 2002. Heading 3006, "
            "pharmaceutical goods, reached US$11.4 million.")  # fmt: skip
    got = claims.check(corpus, text)
    r = find(got, "five times")
    assert r.claim.subject.products == ("HS 40",)
    assert r.verdict == "contradicted", r.reason
    r = find(got, "11.4")
    assert (r.claim.subject.products, r.verdict) == (("HS 3006",), "supported"), r.reason


def test_millions_worth_after_amounts_in_dollars_are_an_amount(corpus):
    assert chile_mn("import")[2004] == pytest.approx(2035.41, abs=0.01)
    text = (CHILE_HEAD + "Exports came to 263 million dollars in 2004. Overall, Chile bought "
            "2,035 million worth from Argentina.")  # fmt: skip
    r = find(claims.check(corpus, text), "2,035")
    assert (r.claim.kind, r.verdict) == ("amount", "supported"), r.reason
