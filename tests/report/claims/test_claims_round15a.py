"""English readings found on the held-out part heldout12 (development material since).

Sentences written for these tests. Expected figures come from pandas on the raw files:
examples/moscow-2020/flows.csv (Moscow's exports, 2019-2020), src/hitex/demo/data/chl_arg_*.csv
(Chile's trade with Argentina, 2002 and 2004) and bench/check_corpus/data/portugal-tech.csv (a
constructed technology series of Portugal, 2001-2021).
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo
from tests.report.claims._shared import RED
from tests.report.claims._shared import chile_mn as _chile
from tests.report.claims._shared import find as _find
from tests.report.claims._shared import moscow as _moscow
from tests.report.claims._shared import portugal_mn as _portugal

MOSCOW_LEAD = "Moscow's technology exports totalled $2.40bn in 2020. "


def test_a_slice_told_by_its_move_is_a_share_not_a_fall(corpus):
    by_year = _moscow().groupby("year")["value_usd"].sum()
    machinery = _moscow("84").groupby("year")["value_usd"].sum() / by_year * 100
    assert machinery[2019] == pytest.approx(51.05, abs=0.005)
    assert machinery[2020] == pytest.approx(46.43, abs=0.005)
    text = MOSCOW_LEAD + "Machinery's slice (chapter 84) narrowed from 51% to 46.4%."
    got = claims.check(corpus, text)
    for words in ("51%", "46.4%"):
        r = _find(got, words)
        assert r.claim.kind == "share", r.reason
        assert r.verdict == "supported", r.reason
    wrong = _find(claims.check(corpus, text.replace("46.4%", "44.4%")), "44.4%")
    assert wrong.verdict == "contradicted", wrong.reason


def test_a_flows_weight_in_bilateral_trade_is_its_share_of_the_turnover(corpus):
    x, m = _chile("export"), _chile("import")
    assert 100 * x[2002] / (x[2002] + m[2002]) == pytest.approx(17.21, abs=0.005)
    assert 100 * x[2004] / (x[2004] + m[2004]) == pytest.approx(11.44, abs=0.005)
    text = ("Chilean exports to Argentina rose 38% from 2002 to 2004, and their weight in "
            "bilateral trade fell from 17.2% to 11.4%.")  # fmt: skip
    got = claims.check(corpus, text)
    for words in ("17.2%", "11.4%"):
        r = _find(got, words)
        assert r.claim.kind == "share", r.reason
        assert r.verdict == "supported", r.reason
    wrong = _find(claims.check(corpus, text.replace("11.4%", "14.4%")), "14.4%")
    assert wrong.verdict == "contradicted", wrong.reason


def test_the_share_some_months_carried_of_their_year(corpus):
    m = _moscow()
    m = m[m["year"] == 2020]
    h2 = m[m["month"] > 6]["value_usd"].sum() / m["value_usd"].sum()
    assert h2 == pytest.approx(0.5211, abs=0.0001)
    text = MOSCOW_LEAD + ("July to December brought in $1,252.7m, a 32.2% year-on-year increase, "
                          "and that second half carried 52% of annual value.")  # fmt: skip
    r = _find(claims.check(corpus, text), "52%")
    assert r.claim.kind == "share", r.reason
    assert r.verdict == "supported", r.reason
    wrong = _find(claims.check(corpus, text.replace("52%", "58%")), "58%")
    assert wrong.verdict == "contradicted", wrong.reason


def test_nouns_and_adjectives_of_growth(corpus):
    by_year = _moscow().groupby("year")["value_usd"].sum()
    assert by_year[2020] / by_year[2019] - 1 == pytest.approx(0.3000, abs=0.0001)
    h2 = _moscow()
    h2 = h2[h2["month"] > 6].groupby("year")["value_usd"].sum()
    assert h2[2020] / h2[2019] - 1 == pytest.approx(0.3219, abs=0.0001)
    japan = _moscow(partner="JPN").groupby("year")["value_usd"].sum()
    assert japan[2020] / japan[2019] - 1 == pytest.approx(0.2620, abs=0.0001)
    dec = _moscow()
    dec = dec[dec["month"] == 12].groupby("year")["value_usd"].sum()
    assert dec[2020] / dec[2019] - 1 == pytest.approx(0.3427, abs=0.0001)
    text = ("Moscow's technology exports totalled $2.40bn in 2020, a 30% advance on 2019. July to "
            "December brought in $1,252.7m, a 32.2% year-on-year increase. December was 41% "
            "stronger than a year before. Japan took $512m, a 26.2% improvement.")  # fmt: skip
    got = claims.check(corpus, text)
    for words in ("30%", "32.2%", "26.2%"):
        r = _find(got, words)
        assert r.claim.kind == "growth", r.reason
        assert r.verdict == "supported", r.reason
    december = _find(got, "41%")
    assert december.claim.kind == "growth", december.reason
    assert december.verdict == "contradicted", december.reason


def test_a_change_on_the_quarter_before_is_never_read_as_on_the_year_before(corpus):
    q = _moscow()
    q = q[q["year"] == 2020]
    q2 = q[q["month"].between(4, 6)]["value_usd"].sum()
    q3 = q[q["month"].between(7, 9)]["value_usd"].sum()
    assert q3 / q2 - 1 == pytest.approx(0.0441, abs=0.0001)  # true, but not what hitex computes
    text = MOSCOW_LEAD + "The summer quarter had added only 4.4% on April-June."
    r = _find(claims.check(corpus, text), "4.4%")
    assert r.verdict == "unverifiable", r.reason
    # A base with its year is the year before: "27.7% up on April-June 2019".
    q19 = _moscow()
    q19 = q19[(q19["year"] == 2019) & q19["month"].between(4, 6)]["value_usd"].sum()
    assert q2 / q19 - 1 == pytest.approx(0.2770, abs=0.0001)
    dated = MOSCOW_LEAD + "Exports in April-June were 27.7% up on April-June 2019."
    r = _find(claims.check(corpus, dated), "27.7%")
    assert r.verdict == "supported", r.reason


def test_prices_are_no_value_the_data_hold(corpus):
    by_year = _moscow().groupby("year")["value_usd"].sum()
    assert by_year[2020] / by_year[2019] - 1 == pytest.approx(0.30, abs=0.0001)
    text = MOSCOW_LEAD + "Our panel says domestic server prices rose 18% over the year."
    r = _find(claims.check(corpus, text), "18%")
    assert r.verdict == "unverifiable", r.reason
    kept = _find(claims.check(corpus, MOSCOW_LEAD + "At current prices exports rose 30%."), "30%")
    assert kept.verdict == "supported", kept.reason


def test_goods_named_by_a_demonstrative_are_those_named_before(corpus):
    ninety = _moscow("90").groupby(["partner", "year"])["value_usd"].sum() / 1e6
    assert ninety["JPN", 2020] == pytest.approx(173.49, abs=0.005)
    assert ninety["CHN", 2020] == pytest.approx(96.16, abs=0.005)
    totals = _moscow().groupby(["partner", "year"])["value_usd"].sum()
    assert totals["CHN", 2020] > totals["JPN", 2020]  # Japan is not the biggest customer
    text = MOSCOW_LEAD + (
        "The city's exports of instruments (chapter 90 of the HS) reached $514m.\n\nJapan, the "
        "single biggest customer for Moscow technology, took $173m of those instruments, well "
        "ahead of China at $96m.")  # fmt: skip
    got = claims.check(corpus, text)
    for words in ("$173m", "$96m"):
        r = _find(got, words)
        # Chapter 90 carried, or "instruments", chapter 90 by the lexicon.
        assert r.claim.subject.products in (("HS 90",), ("medical and optical instruments",))
        assert r.verdict == "supported", r.reason
    rank = _find(got, "biggest customer")
    assert rank.verdict == "contradicted", rank.reason
    # Goods the text never named with that noun are not known: never the partner's total.
    unknown = _find(claims.check(corpus, MOSCOW_LEAD + "Japan took $173m of those gadgets."),
                    "$173m")  # fmt: skip
    assert unknown.verdict not in RED, unknown.reason


def test_one_flow_exceeding_the_other_is_the_balance(corpus):
    x, m = _chile("export"), _chile("import")
    assert m[2004] - x[2004] == pytest.approx(1772.45, abs=0.005)
    text = ("Chile's trade with Argentina is lopsided. Imports exceeded exports by US$1.97 billion "
            "in 2004.")  # fmt: skip
    r = _find(claims.check(corpus, text), "US$1.97 billion")
    assert r.verdict == "contradicted", r.reason
    right = _find(claims.check(corpus, text.replace("1.97", "1.77")), "US$1.77 billion")
    assert right.verdict == "supported", right.reason


def test_a_growth_said_again_as_a_share_after_or(corpus):
    maize = _chile("import", "1005")
    imports = _chile("import")
    assert maize[2004] / maize[2002] - 1 == pytest.approx(0.2135, abs=0.0001)
    assert 100 * maize[2004] / imports[2004] == pytest.approx(6.51, abs=0.005)
    text = ("Chile's imports from Argentina reached US$2.04 billion in 2004. Maize alone (1005) "
            "accounted for US$132.6 million, 21.4% more than in 2002, or about 6.5% of the entire "
            "Argentine import bill.")  # fmt: skip
    r = _find(claims.check(corpus, text), "6.5%")
    assert r.claim.kind == "share", r.reason
    assert r.verdict == "supported", r.reason


def test_that_year_after_a_figure_and_the_decade_to_a_year(corpus):
    x = _portugal("export")
    assert x[2010] == pytest.approx(990.0)
    assert x[2019] != pytest.approx(990.0)
    assert x[2016] / x[2006] - 1 == pytest.approx(0.5059, abs=0.0001)
    text = ("Portugal's audit report, 14 November 2019. The target, technology exports above one billion "
            "dollars by 2010, was missed: sales abroad stood at US$990 million that year. Over "
            "the decade to 2016, exports advanced 50.6%.")  # fmt: skip
    got = claims.check(corpus, text)
    level = _find(got, "US$990 million")
    assert level.claim.period.year == 2010, level.reason
    assert level.verdict == "supported", level.reason
    rate = _find(got, "50.6%")
    assert (rate.claim.period.year, rate.claim.period.compare) == (2016, 2006), rate.reason
    assert rate.verdict == "supported", rate.reason


def test_a_rank_told_by_a_move_from_a_place_to_another(corpus):
    c = pd.concat(pd.read_csv(p, dtype={"product": str}) for p in demo.files())
    c = c[c["flow"] == "export"].assign(chapter=lambda d: d["product"].str.zfill(6).str[:2])
    ranks = {y: g.groupby("chapter")["value_usd"].sum().rank(ascending=False)
             for y, g in c.groupby("year")}  # fmt: skip
    assert (ranks[2002]["30"], ranks[2004]["30"]) == (15, 5)
    text = ("Chilean exports to Argentina grew 38% from 2002 to 2004. Pharmaceuticals (HS 30) "
            "climbed from fifteenth place to fifth among export chapters.")  # fmt: skip
    r = _find(claims.check(corpus, text), "fifth")
    assert "fifteenth place to fifth" in r.claim.span, r.claim.span
    assert r.verdict == "supported", r.reason
    wrong = _find(claims.check(corpus, text.replace("to fifth", "to fourth")), "fourth")
    assert wrong.verdict == "contradicted", wrong.reason


def test_partners_that_bought_from_the_city_are_its_export_markets(corpus):
    m = _moscow()
    assert m[m["year"] == 2020]["partner"].nunique() == 22
    text = MOSCOW_LEAD + "Altogether 22 countries bought high-tech goods from the city in 2020."
    r = _find(claims.check(corpus, text), "22 countries")
    assert r.claim.subject.flow == "export", r.reason
    assert r.verdict == "supported", r.reason
    wrong = _find(claims.check(corpus, text.replace("22", "24")), "24 countries")
    assert wrong.verdict == "contradicted", wrong.reason
