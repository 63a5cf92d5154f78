"""English readings found on the held-out part heldout13 (development material since).

Sentences written for these tests. Expected figures come from pandas on the raw files:
examples/moscow-2020/flows.csv (Moscow's exports, 2019-2020), src/hitex/demo/data/chl_arg_*.csv
(Chile's trade with Argentina, 2002 and 2004) and bench/check_corpus/data/portugal-tech.csv (a
constructed technology series of Portugal, 2001-2021).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo
from hitex.report.claims.model import Result
from tests.report.claims._shared import moscow as _moscow

ROOT = Path(__file__).parents[3]
PORTUGAL = ROOT / "bench" / "check_corpus" / "data" / "portugal-tech.csv"
MOSCOW = ROOT / "examples" / "moscow-2020" / "flows.csv"
RED = ("contradicted", "inconsistent")
MOSCOW_HEAD = "Moscow's technology exports, 2020.\n\n"
PORTUGAL_HEAD = "Portugal's technology trade, 2021.\n\n"


def _find(results: list[Result], words: str) -> Result:
    hits = [r for r in results if words in r.claim.span]
    assert hits, [r.claim.span for r in results]
    return hits[0]


def _chile(flow: str, heading: str = "") -> pd.Series:
    c = pd.concat(pd.read_csv(p, dtype={"product": str}) for p in demo.files())
    c = c[(c["flow"] == flow) & c["product"].str.zfill(6).str.startswith(heading)]
    return c.groupby("year")["value_usd"].sum() / 1e6


def _portugal(flow: str, partner: str | None = None) -> pd.Series:
    p = pd.read_csv(PORTUGAL)
    p = p[p["flow"] == flow]
    if partner is not None:
        p = p[p["partner"] == partner]
    return p.groupby("year")["value_usd"].sum() / 1e6


# -- wrong red flags -----------------------------------------------------------------------------
def test_turbojets_are_the_heading_8411_texts_name_by_its_title(corpus):
    # HS 8411, "turbo-jets, turbo-propellers and other gas turbines": $348.67m in 2020, the
    # largest heading; its turbojet subheadings alone (841111/12/91) are $139.47m.
    m = _moscow()
    m = m[m["year"] == 2020]
    headings = m.groupby(m["product"].str.zfill(6).str[:4])["value_usd"].sum() / 1e6
    assert headings["8411"] == pytest.approx(348.67)
    assert headings.idxmax() == "8411"
    text = MOSCOW_HEAD + "Turbojet engines remain the single biggest product line, at $349 million."
    got = claims.check(corpus, text)
    assert _find(got, "349").verdict == "supported", _find(got, "349").reason
    rank = _find(got, "biggest")
    assert (rank.claim.kind, rank.verdict) == ("rank", "supported"), rank.reason
    wrong = _find(claims.check(corpus, text.replace("349", "449")), "449")
    assert wrong.verdict == "contradicted", wrong.reason


def test_a_partner_and_a_fraction_after_a_share_is_a_share_not_a_rank(corpus):
    imports = pd.read_csv(PORTUGAL)
    imports = imports[(imports["flow"] == "import") & (imports["year"] == 2021)]
    by = imports.groupby("partner")["value_usd"].sum()
    assert 100 * by["DEU"] / by.sum() == pytest.approx(20.0, abs=0.01)
    text = PORTUGAL_HEAD + "On the import side China supplies 40% and Germany a fifth."
    r = _find(claims.check(corpus, text), "fifth")
    assert (r.claim.kind, r.verdict) == ("share", "supported"), r.reason
    wrong = _find(claims.check(corpus, text.replace("a fifth", "a third")), "third")
    assert (wrong.claim.kind, wrong.verdict) == ("share", "contradicted"), wrong.reason


def test_a_multiple_of_a_possessive_noun_of_trade_is_of_the_other_flow(corpus):
    imports, exports = _portugal("import", "CHN"), _portugal("export", "CHN")
    assert imports[2021] / exports[2021] == pytest.approx(9.18, abs=0.005)
    text = (PORTUGAL_HEAD + "As a supplier, China shipped USD 1.83 billion of technology goods "
            "to Portugal, nine times Portugal's sales to China.")  # fmt: skip
    r = _find(claims.check(corpus, text), "nine times")
    assert (r.claim.metric, r.verdict) == ("versus", "supported"), r.reason
    wrong = _find(claims.check(corpus, text.replace("nine times", "six times")), "six times")
    assert wrong.verdict == "contradicted", wrong.reason


# -- true claims not understood or missed --------------------------------------------------------
def _moscow_by(year: int, partner: str | None = None) -> float:
    m = _moscow(partner=partner)
    return float(m[m["year"] == year]["value_usd"].sum()) / 1e6


def test_an_amount_above_a_years_level_is_the_change_and_a_rate_in_words(corpus):
    assert _moscow_by(2020) - _moscow_by(2019) == pytest.approx(554.73, abs=0.005)
    assert 100 * (_moscow_by(2020) / _moscow_by(2019) - 1) == pytest.approx(30.0, abs=0.05)
    text = (MOSCOW_HEAD + "In 2020 Moscow's high-technology exports reached 2.4 billion dollars. "
            "That is 555 million above the 2019 level, an increase of thirty per cent.")  # fmt: skip
    got = claims.check(corpus, text)
    change = _find(got, "555")
    assert (change.claim.kind, change.verdict) == ("change", "supported"), change.reason
    rate = _find(got, "thirty per cent")
    assert (rate.claim.kind, rate.verdict) == ("growth", "supported"), rate.reason
    china = 100 * (_moscow_by(2020, "CHN") / _moscow_by(2019, "CHN") - 1)
    assert china == pytest.approx(22.40, abs=0.005)
    wrong = "In 2020 Moscow's exports to China rose by forty per cent."
    assert _find(claims.check(corpus, MOSCOW_HEAD + wrong), "forty").verdict == "contradicted"
    below = "In 2019 Moscow's exports were $555 million below the 2020 level."
    r = _find(claims.check(corpus, MOSCOW_HEAD + below), "555")
    assert r.claim.kind == "change", r.reason
    assert r.claim.quantity is not None
    assert r.claim.quantity.value < 0, r.reason


def test_a_partner_with_an_aside_buying_a_fraction_of_a_billion(corpus):
    assert _moscow_by(2020, "DEU") == pytest.approx(250.0)
    text = (MOSCOW_HEAD + "In 2020 Moscow's high-technology exports reached 2.4 billion dollars. "
            "Germany, third, bought exactly a quarter of a billion.")  # fmt: skip
    got = claims.check(corpus, text)
    amount = _find(got, "a quarter")
    assert (amount.claim.kind, amount.verdict) == ("amount", "supported"), amount.reason
    assert amount.claim.subject.flow == "export"
    rank = _find(got, "third")
    assert rank.verdict == "supported", rank.reason
    wrong = _find(claims.check(corpus, text.replace("a quarter", "a third")), "a third")
    assert (wrong.claim.kind, wrong.verdict) == ("amount", "contradicted"), wrong.reason


def test_a_partner_holds_a_place(corpus):
    m = _moscow()
    by = m[m["year"] == 2020].groupby("partner")["value_usd"].sum().sort_values(ascending=False)
    assert list(by.index[:2]) == ["CHN", "JPN"]
    text = MOSCOW_HEAD + "China is our first customer, and Japan holds second."
    r = _find(claims.check(corpus, text), "second")
    assert (r.claim.kind, r.verdict) == ("rank", "supported"), r.reason
    wrong = _find(claims.check(corpus, text.replace("Japan", "India")), "second")
    assert wrong.verdict == "contradicted", wrong.reason


def test_a_rate_whose_verb_and_unit_the_clause_leaves_out(corpus):
    def rise(partner: str) -> float:
        return 100 * (_moscow_by(2020, partner) / _moscow_by(2019, partner) - 1)

    assert rise("IND") == pytest.approx(63.05, abs=0.005)
    assert rise("KOR") == pytest.approx(60.0, abs=0.005)
    text = (MOSCOW_HEAD + "In 2020 Moscow's high-technology exports reached 2.4 billion dollars. "
            "India's purchases rose by 63 per cent, Korea's by 60.")  # fmt: skip
    r = _find(claims.check(corpus, text), "by 60")
    assert (r.claim.kind, r.verdict) == ("growth", "supported"), r.reason
    wrong = _find(claims.check(corpus, text.replace("by 60", "by 90")), "by 90")
    assert wrong.verdict in RED, wrong.reason


def test_a_sentence_opening_with_how_many_partners_bought(corpus):
    m = _moscow()
    assert m[m["year"] == 2020]["partner"].nunique() == 22
    text = MOSCOW_HEAD + "Twenty-two countries bought Moscow technology in 2020."
    r = _find(claims.check(corpus, text), "Twenty-two")
    assert (r.claim.kind, r.verdict) == ("count", "supported"), r.reason
    wrong = _find(claims.check(corpus, text.replace("Twenty-two", "Thirty")), "Thirty")
    assert wrong.verdict == "contradicted", wrong.reason
    # Those above a threshold are some of them, not a count of all.
    some = MOSCOW_HEAD + "Five countries bought more than $100 million each in 2020."
    assert all(r.claim.kind != "count" for r in claims.check(corpus, some))


def test_the_principal_market_the_largest_group_and_growing_fastest_of_all(corpus):
    p = pd.read_csv(PORTUGAL)
    exports = p[(p["flow"] == "export") & (p["year"] == 2021)]
    assert exports.groupby("partner")["value_usd"].sum().idxmax() == "NLD"
    text = PORTUGAL_HEAD + "The Netherlands is the principal market for Portugal's exports."
    r = _find(claims.check(corpus, text), "principal market")
    assert (r.claim.kind, r.verdict) == ("rank", "supported"), r.reason
    wrong = _find(claims.check(corpus, text.replace("The Netherlands", "France")), "principal")
    assert wrong.verdict == "contradicted", wrong.reason
    m = _moscow()
    m = m[m["year"] == 2020]
    chapters = m.groupby(m["product"].str.zfill(6).str[:2])["value_usd"].sum()
    assert chapters.idxmax() == "84"
    group = (MOSCOW_HEAD + "In 2020 Moscow's exports reached 2.4 billion dollars. Machinery and "
             "mechanical appliances are still the largest group, worth 1.12 billion.")  # fmt: skip
    r = _find(claims.check(corpus, group), "largest group")
    assert (r.claim.kind, r.verdict) == ("rank", "supported"), r.reason
    # Moscow's exports to China rose 22.4% in 2020, 18th of 22 partners by growth.
    china = MOSCOW_HEAD + "In 2020 Moscow's exports to China grew fastest of all."
    r = _find(claims.check(corpus, china), "fastest")
    assert (r.claim.kind, r.verdict) == ("rank", "contradicted"), r.reason


def test_optical_and_medical_instruments_are_chapter_90(corpus):
    m = _moscow("90").groupby("year")["value_usd"].sum()
    assert 100 * (m[2020] / m[2019] - 1) == pytest.approx(69.07, abs=0.005)
    text = (MOSCOW_HEAD + "In 2020 Moscow's exports reached 2.4 billion dollars. Optical and "
            "medical instruments grew by 69 per cent.")  # fmt: skip
    r = _find(claims.check(corpus, text), "69 per cent")
    assert r.verdict == "supported", r.reason


def test_an_auxiliary_verb_before_the_flow_names_no_goods(corpus):
    x = _portugal("export")
    assert 100 * (x[2009] / x[2008] - 1) == pytest.approx(-8.33, abs=0.005)
    text = PORTUGAL_HEAD + "Growth has not been even. Only in 2009 did exports decline, by 8.3%."
    r = _find(claims.check(corpus, text), "8.3%")
    assert r.verdict == "supported", r.reason
    wrong = _find(claims.check(corpus, text.replace("8.3%", "18.3%")), "18.3%")
    assert wrong.verdict == "contradicted", wrong.reason


# -- true claims left unverifiable where the reading is certain ---------------------------------
EMAIL = """From: Sofía Merino
Subject: RE: Argentina exposure

1) How big is the Argentine trade for us now? The import side is the bulk: USD 2,035m in 2004.

2) Is it all energy? Mostly. Fuels (HS 27) are 45% of imports, and gas plus refined oil products \
together come to USD 910m in 2004.

On your wine question: the distributor told us its Argentine sales were flat at about USD 12m.
"""


def test_a_text_naming_no_reporter_is_of_the_one_trading_with_its_partners(corpus):
    # Only Chile's records hold Argentina as a partner (Moscow's and Portugal's do not).
    held = {p: set(pd.read_csv(p)["partner"]) for p in (MOSCOW, PORTUGAL)}
    assert all("ARG" not in partners for partners in held.values())
    assert _chile("import")[2004] == pytest.approx(2035.41, abs=0.005)
    gas = _chile("import", "2711")[2004] + _chile("import", "2710")[2004]
    assert gas == pytest.approx(910.51, abs=0.005)
    got = claims.check(corpus, EMAIL)
    r = _find(got, "2,035m")
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.reporter == "CHL"
    r = _find(got, "910m")
    assert r.verdict == "supported", r.reason
    wrong = _find(claims.check(corpus, EMAIL.replace("910m", "610m")), "610m")
    assert wrong.verdict == "contradicted", wrong.reason
    # One firm's sales are not in customs data, whatever goods the sentence names.
    firm = _find(got, "12m")
    assert firm.verdict == "unverifiable", firm.reason
