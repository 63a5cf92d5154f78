"""English readings of round 18 (found on heldout15, development material since).

Sentences written for these tests. Expected figures come from pandas on the raw files
(tests/report/claims/_shared.py): examples/moscow-2020/flows.csv (Moscow's exports of HS
chapters 84, 85 and 90, 2019-2020), the Chile-Argentina demo files and
bench/check_corpus/data/portugal-tech.csv.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, PORTUGAL, RED, chile_mn, find, portugal_mn

MOSCOW_HEAD = "Moscow's technology exports, 2020.\n\n"
PORTUGAL_HEAD = "Portugal's technology trade, 2001-2021.\n\n"
CHILE_HEAD = "Chile's trade with Argentina, 2002-2004.\n\n"


def _moscow() -> pd.DataFrame:
    m = pd.read_csv(MOSCOW, dtype={"product": str})
    m["heading"] = m["product"].str.zfill(6).str[:4]
    m["chapter"] = m["heading"].str[:2]
    return m[m["flow"] == "export"]


def _by_year(frame: pd.DataFrame) -> pd.Series:
    return frame.groupby("year")["value_usd"].sum() / 1e6


# -- "outbound" and "inbound" name the flow, not goods --------------------------------------------
def test_outbound_sales_are_exports_not_goods_the_lexicon_lacks(corpus):
    exports = portugal_mn("export")
    assert (round(exports[2021], 1), round(exports[2016], 2)) == (4500.0, 1280.0)
    text = PORTUGAL_HEAD + (
        "In 2021 outbound sales of these goods hit $4.5 billion, about 3.5 times the $1.28 "
        "billion of 2016."
    )
    got = claims.check(corpus, text)
    for figure in ("$4.5 billion", "3.5 times", "$1.28"):
        r = find(got, figure)
        assert r.verdict == "supported", (figure, r.reason)
    wrong = find(claims.check(corpus, text.replace("3.5 times", "4.5 times")), "4.5 times")
    assert wrong.verdict == "contradicted", wrong.reason


# -- the reporter's buying is its imports ---------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("When the series began in 2001, Portugal sold $620m of such goods and bought $690m.",
         "$690m"),
        ("In 2021 sales abroad reached $4.5 billion. Purchases grew 25.6%, to $4,586 million; "
         "chips made up half of what Portugal sold.",
         "25.6%"),
        ("In 2021 sales abroad reached $4.5 billion. Purchases grew 25.6%, to $4,586 million; "
         "chips made up half of what Portugal sold.",
         "$4,586 million"),
    ],
)  # fmt: skip
def test_purchases_with_no_other_buyer_named_are_the_reporters_imports(corpus, sentence, figure):
    imports = portugal_mn("import")
    assert round(imports[2001], 1) == 690.0
    assert round(imports[2021], 1) == 4586.0
    assert 100 * (imports[2021] / imports[2020] - 1) == pytest.approx(25.59, abs=0.01)
    r = find(claims.check(corpus, PORTUGAL_HEAD + sentence), figure)
    assert (r.claim.subject.flow, r.verdict) == ("import", "supported"), r.reason


def test_the_reporters_purchases_named_by_its_name_are_its_imports(corpus):
    imports = chile_mn("import")
    assert imports[2004] / imports[2002] == pytest.approx(2.21, abs=0.01)
    assert round(imports[2004]) == 2035
    text = CHILE_HEAD + (
        "Chilean sales to Argentina came to US$191.1 million in 2002 and US$263.0 million in "
        "2004. Chile's purchases in the opposite direction more than doubled in that interval "
        "and stood at US$2,035 million at the end of the period."
    )
    got = claims.check(corpus, text)
    for figure in ("more than doubled", "US$2,035 million"):
        r = find(got, figure)
        assert (r.claim.subject.flow, r.verdict) == ("import", "supported"), (figure, r.reason)


# -- a partner's buying is the reporter's exports -------------------------------------------------
def test_a_partner_that_multiplied_its_purchases_buys_the_reporters_exports(corpus):
    m = _moscow()
    vnm = _by_year(m[m["partner"] == "VNM"])
    assert vnm[2020] / vnm[2019] == pytest.approx(2.14, abs=0.01)
    text = MOSCOW_HEAD + "Vietnam tripled its purchases, admittedly off a tiny base."
    tripled = find(claims.check(corpus, text), "tripled")
    assert tripled.claim.subject.flow == "export"
    assert tripled.verdict == "contradicted", tripled.reason  # x2.14 is no tripling
    doubled = find(claims.check(corpus, text.replace("tripled", "doubled")), "doubled")
    assert doubled.verdict == "supported", doubled.reason


# -- headings press texts name --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("words", "heading"),
    [("Capacitors", "8532"), ("Printers", "8443"), ("Radio receivers", "8527"),
     ("Optical microscopes", "9011"), ("Electron microscopes", "9012"),
     ("Navigational instruments", "9014"), ("Telephone sets", "8517"),
     ("Aircraft engines and gas turbines", "8411")],
)  # fmt: skip
def test_headings_named_by_their_goods_words(corpus, words, heading):
    m = _moscow()
    h = _by_year(m[m["heading"] == heading])
    growth = 100 * (h[2020] / h[2019] - 1)
    text = MOSCOW_HEAD + (
        f"{words} reached ${h[2020]:.1f}m in 2020, up {growth:.1f}% on 2019. Exports grew 30%."
    )
    got = claims.check(corpus, text)
    for figure in (f"${h[2020]:.1f}m", f"{growth:.1f}%"):
        r = find(got, figure)
        assert r.verdict == "supported", (figure, r.reason)
    wrong = growth + 9
    r = find(claims.check(corpus, text.replace(f"{growth:.1f}%", f"{wrong:.1f}%")), f"{wrong:.1f}%")
    assert r.verdict == "contradicted", r.reason


# -- a goods word the text glosses by its code ----------------------------------------------------
def test_a_word_the_text_glosses_by_a_code_means_those_goods_when_said_again(corpus):
    m = _moscow()
    jpn = m[(m["year"] == 2020) & (m["chapter"] == "90") & (m["partner"] == "JPN")]
    assert round(jpn["value_usd"].sum() / 1e6, 2) == 173.49
    text = MOSCOW_HEAD + (
        "Instruments (HS 90) were the fastest movers. Japan took $173m of Moscow's instruments."
    )
    r = find(claims.check(corpus, text), "$173m")
    assert (r.claim.understood, r.verdict) == (True, "supported"), r.reason
    wrong = find(claims.check(corpus, text.replace("$173m", "$193m")), "$193m")
    assert wrong.verdict == "contradicted", wrong.reason
    # Unglossed, the word is still left to the goods named before (not read as HS 90).
    bare = MOSCOW_HEAD + "Japan took $193m of Moscow's instruments."
    assert find(claims.check(corpus, bare), "$193m").verdict not in RED


# -- a list of the three chapters, and a level dated "a year before" ------------------------------
def test_engines_electronics_and_instruments_are_the_three_chapters_and_a_year_before(corpus):
    total = _by_year(_moscow())
    assert (round(total[2020], 1), round(total[2019], 1)) == (2403.8, 1849.1)
    text = MOSCOW_HEAD + (
        "Moscow's outbound shipments of engines, electronics and instruments totalled $2.40bn "
        "in 2020, 30% above the $1.85bn booked a year before."
    )
    got = claims.check(corpus, text)
    for figure in ("$2.40bn", "30%", "$1.85bn"):
        r = find(got, figure)
        assert r.verdict == "supported", (figure, r.reason)
    wrong = find(claims.check(corpus, text.replace("$1.85bn", "$1.65bn")), "$1.65bn")
    assert wrong.verdict != "supported", wrong.reason


# -- "ships" as a verb ----------------------------------------------------------------------------
def test_everything_moscow_ships_is_all_exports_not_vessels(corpus):
    m = _moscow()
    y20 = m[m["year"] == 2020]
    share = 100 * y20[y20["partner"] == "CHN"]["value_usd"].sum() / y20["value_usd"].sum()
    assert share == pytest.approx(23.43, abs=0.01)
    text = MOSCOW_HEAD + "China, which absorbs 23.4% of everything Moscow ships, is a key market."
    r = find(claims.check(corpus, text), "23.4%")
    assert r.verdict == "supported", r.reason
    wrong = find(claims.check(corpus, text.replace("23.4%", "28.4%")), "28.4%")
    assert wrong.verdict == "contradicted", wrong.reason


# -- goods ranked above the subject are not its goods ---------------------------------------------
def test_goods_after_second_only_to_are_not_the_subjects(corpus):
    m = _moscow()
    h85 = _by_year(m[m["chapter"] == "85"])
    growth = 100 * (h85[2020] / h85[2019] - 1)
    share = 100 * h85[2020] / _by_year(m)[2020]
    assert (round(growth, 1), round(share, 1)) == (28.7, 32.2)
    text = MOSCOW_HEAD + (
        "Moscow's electrical and electronic goods (HS 85) earned $774m abroad in 2020, second "
        "only to machinery, 28.7% more than in 2019; they now make up about a third of all "
        "that Moscow ships."
    )
    got = claims.check(corpus, text)
    for figure in ("28.7%", "about a third"):
        r = find(got, figure)
        assert r.claim.subject.products == ("HS 85",), (figure, r.reason)
        assert r.verdict == "supported", (figure, r.reason)
    wrong = find(claims.check(corpus, text.replace("28.7%", "38.7%")), "38.7%")
    assert wrong.verdict == "contradicted", wrong.reason


# -- a coverage ratio said with "equal to" --------------------------------------------------------
def test_sales_equal_to_a_share_of_the_inbound_bill_are_a_coverage_ratio(corpus):
    exports, imports = portugal_mn("export"), portugal_mn("import")
    assert 100 * exports[2021] / imports[2021] == pytest.approx(98.12, abs=0.01)
    p = pd.read_csv(PORTUGAL)
    p = p[(p["year"] == 2021) & (p["flow"] == "export")]
    chips = 100 * p[p["product"] == 854231]["value_usd"].sum() / p["value_usd"].sum()
    assert chips == pytest.approx(50.0, abs=0.01)
    text = PORTUGAL_HEAD + (
        "In 2021 imports reached $4,586 million, so that sales abroad were equal to 98% of the "
        "inbound bill; integrated circuits alone made up half of what Portugal sold."
    )
    got = claims.check(corpus, text)
    r = find(got, "98%")
    assert r.verdict == "supported", r.reason
    half = find(got, "half")
    assert half.verdict == "supported", half.reason
    wrong = find(claims.check(corpus, text.replace("98%", "88%")), "88%")
    assert wrong.verdict != "supported", wrong.reason


# -- markets and suppliers counted and ranked; a gapped list keeps its flow -----------------------
def test_destination_markets_a_place_as_market_and_a_gapped_list_are_exports(corpus):
    p = pd.read_csv(PORTUGAL)
    x = p[(p["year"] == 2021) & (p["flow"] == "export")].groupby("partner")["value_usd"].sum()
    ranks = x.rank(ascending=False)
    assert (len(x), ranks["KOR"], ranks["SWE"]) == (14, 12, 14)
    assert round(x["POL"] / 1e6, 1) == 189.9
    text = PORTUGAL_HEAD + (
        "Germany supplied a fifth of imports. She tracked all fourteen destination markets, "
        "noting that Korea was the twelfth market, Sweden the fourteenth and Poland worth about "
        "$190 million."
    )
    got = claims.check(corpus, text)
    for words in ("fourteen destination markets", "twelfth", "fourteenth", "$190 million"):
        r = find(got, words)
        assert (r.claim.subject.flow, r.verdict) == ("export", "supported"), (words, r.reason)
    wrong = claims.check(corpus, text.replace("Sweden the fourteenth", "Sweden the ninth"))
    assert find(wrong, "ninth").verdict == "contradicted", find(wrong, "ninth").reason


# -- money a period brought ----------------------------------------------------------------------
def test_money_a_quarter_brought_is_the_quarters_trade(corpus):
    m = _moscow()
    q4 = _by_year(m[m["month"] >= 10])
    assert (round(q4[2020], 2), round(q4[2019], 2)) == (651.74, 485.39)
    assert 100 * (q4[2020] / q4[2019] - 1) == pytest.approx(34.27, abs=0.01)
    text = MOSCOW_HEAD + (
        "Momentum. October-December 2020 brought $652m against $485m a year earlier, a "
        "quarterly gain of more than 40%."
    )
    got = claims.check(corpus, text)
    for figure in ("$652m", "$485m"):
        r = find(got, figure)
        assert r.verdict == "supported", (figure, r.reason)
    assert find(got, "40%").verdict == "contradicted", find(got, "40%").reason
