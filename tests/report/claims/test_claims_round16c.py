"""Round 16c: goods words that name an HS heading, exports set against imports in a paragraph
that names the one partner held, "the shortfall" of that partner, and a multiple of what the
trade was in a year named after it.

Sentences written for these tests. Expected figures come from pandas on the raw files
(src/hitex/demo/data/chl_arg_*.csv,
bench/check_corpus/data/portugal-tech.csv), never from hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import PORTUGAL, ROOT
from tests.report.claims._shared import one_of_kind as _one

CHILE = ROOT / "src" / "hitex" / "demo" / "data"
CHILE_HEAD = "Chile's trade in 2004 against 2002.\n\n"


def _chile(flow: str, prefix: str = "") -> pd.Series:
    """Chile's trade of ``flow`` by year, of the HS codes starting with ``prefix``."""
    raw = pd.concat(pd.read_csv(CHILE / f"chl_arg_{y}.csv", dtype={"product": str})
                    for y in (2002, 2004))  # fmt: skip
    rows = raw[(raw["flow"] == flow) & raw["product"].str.startswith(prefix)]
    return rows.groupby("year")["value_usd"].sum()


# -- «нефтепродукты», "oil products": heading 2710, not the fuels chapter ------------------------
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Экспорт нефтепродуктов вырос в 2,5 раза.", "supported"),
        ("Экспорт нефтепродуктов вырос в 3,5 раза.", "contradicted"),
        ("Exports of oil products grew 3.5 times.", "contradicted"),
    ],
)
def test_oil_products_are_heading_2710(corpus, text, verdict):
    t = _chile("export", "2710")
    assert round(t[2004] / t[2002], 2) == 2.52  # the raw files: x2.52 (8.92 -> 22.50 million)
    r = _one(claims.check(corpus, CHILE_HEAD + text), "multiple")
    assert r.verdict == verdict, r.reason
    assert r.claim.subject.products == ("refined petroleum products",)


# -- «шины»: tyres, heading 4011, not the rubber chapter ----------------------------------------
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Экспорт шин в 2004 году составил 10,8 млн долл.", "supported"),
        ("Экспорт шин в 2004 году составил 14 млн долл.", "contradicted"),
    ],
)
def test_shiny_are_tyres(corpus, text, verdict):
    assert round(_chile("export", "4011")[2004] / 1e6, 1) == 10.8  # the raw file
    assert round(_chile("export", "40")[2004] / 1e6, 1) == 12.2  # the chapter is more
    r = _one(claims.check(corpus, CHILE_HEAD + text), "amount")
    assert r.verdict == verdict, r.reason
    assert r.claim.subject.products == ("tyres",)


# -- coverage in a paragraph about the one partner held -----------------------------------------
def test_coverage_in_a_paragraph_naming_the_one_partner_held(corpus):
    exports, imports = _chile("export")[2004], _chile("import")[2004]
    raw = pd.read_csv(CHILE / "chl_arg_2004.csv")
    assert set(raw["partner"]) == {"ARG"}  # the raw file: one partner
    assert round(100 * exports / imports, 1) == 12.9  # the raw file
    text = (CHILE_HEAD + "Sales to Argentina reached $263 million in 2004. "
            "Exports covered just 12.9% of imports in 2004.")  # fmt: skip
    r = _one(claims.check(corpus, text), "share")
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.partners == ("ARG",)


def test_coverage_in_a_paragraph_naming_the_partner_is_never_flagged_on_that_alone(corpus):
    # 12.9% in the raw files (above): a fifth is wrong of Argentina, but the text may mean
    # all of Chile's partners, which the warehouse does not hold.
    text = (CHILE_HEAD + "Sales to Argentina reached $263 million in 2004. "
            "Exports covered a fifth of imports in 2004.")  # fmt: skip
    r = _one(claims.check(corpus, text), "share")
    assert r.verdict == "unverifiable", r.reason
    assert "partners are not named in its clause (paragraph)" in r.reason


# -- "the shortfall": the balance with the partner of the paragraph -----------------------------
@pytest.mark.parametrize(("said", "verdict"), [("143%", "supported"), ("160%", "contradicted")])
def test_the_shortfall_is_the_balance_with_the_partner_of_the_paragraph(corpus, said, verdict):
    deficit = _chile("import") - _chile("export")
    assert round(100 * (deficit[2004] / deficit[2002] - 1), 1) == 143.4  # the raw files
    text = (CHILE_HEAD + "Sales to Argentina grew 38% to $263 million, while purchases from "
            f"Argentina reached $2.04 billion. The shortfall widened by {said}.")  # fmt: skip
    (r,) = [r for r in claims.check(corpus, text) if r.claim.span.startswith("widened")]
    assert r.verdict == verdict, r.reason
    assert r.claim.subject.partners == ("ARG",)
    assert r.claim.how("partners") == "carried"


# -- "N times what it took in 2001": the base is the year of that clause -----------------------
@pytest.mark.parametrize(("said", "verdict"), [("seven", "supported"), ("nine", "contradicted")])
def test_a_multiple_of_what_the_trade_was_in_a_year(corpus, said, verdict):
    raw = pd.read_csv(PORTUGAL)
    fra = raw[(raw["partner"] == "FRA") & (raw["flow"] == "export")]
    t = fra.groupby("year")["value_usd"].sum()
    assert round(t[2021] / t[2001], 2) == 7.26  # the raw file
    text = ("Portugal's technology trade in 2021.\n\n"
            f"Exports to France reached $450m, over {said} times what they were in 2001.")  # fmt: skip
    r = _one(claims.check(corpus, text), "multiple")
    assert (r.claim.period.year, r.claim.period.compare) == (2021, 2001)
    assert r.verdict == verdict, r.reason
