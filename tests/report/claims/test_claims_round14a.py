"""English readings found on the held-out part heldout11 (development material since).

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
from tests.report.claims._shared import MOSCOW, PORTUGAL, RED
from tests.report.claims._shared import chile_mn as _chile
from tests.report.claims._shared import find as _find


def _moscow_heading(heading: str) -> pd.Series:
    m = pd.read_csv(MOSCOW, dtype={"product": str})
    m = m[m["product"].str.zfill(6).str.startswith(heading)]
    return m.groupby("year")["value_usd"].sum() / 1e6


def _portugal_balance() -> pd.Series:
    p = pd.read_csv(PORTUGAL)
    by = p.groupby(["year", "flow"])["value_usd"].sum().unstack() / 1e6
    return by["export"] - by["import"]


MOSCOW_LEAD = "Moscow's technology exporters sold US$2,403.8m worth abroad in 2020. "


def test_brought_before_a_figure_is_what_the_goods_earned_not_a_change(corpus):
    x = _moscow_heading("8471")
    assert x[2020] == pytest.approx(257.01, abs=0.005)
    assert x[2020] - x[2019] == pytest.approx(34.77, abs=0.005)  # the change, not what is said
    text = MOSCOW_LEAD + "Computers (heading 8471) brought US$257m, up 16%."
    r = _find(claims.check(corpus, text), "US$257m")
    assert r.claim.kind == "amount", r.reason
    assert r.verdict == "supported", r.reason
    # A sentence that names the change it splits still reads "brought" as a part of it.
    split = "Of the US$34.8m increase, computers (heading 8471) brought US$34.8m."
    r = [r for r in claims.check(corpus, MOSCOW_LEAD + split) if "34.8" in r.claim.span][-1]
    assert r.claim.kind == "change", r.reason


def test_a_clause_with_a_subject_of_its_own_does_not_take_the_goods_before_it(corpus):
    computers = _moscow_heading("8471")
    assert computers[2020] / computers[2019] - 1 == pytest.approx(0.1565, abs=0.0001)
    # "wave guides" name goods the lexicon does not know: never read as computers' 16%.
    text = MOSCOW_LEAD + "Computers (heading 8471) brought US$257m; wave guides rose 41%."
    r = _find(claims.check(corpus, text), "41%")
    assert r.verdict not in RED, r.reason
    assert r.verdict == "unverifiable", r.reason


def test_monitors_and_lasers_are_their_headings(corpus):
    monitors, lasers = _moscow_heading("8528"), _moscow_heading("9013")
    assert monitors[2020] / monitors[2019] - 1 == pytest.approx(0.4133, abs=0.0001)
    assert lasers[2020] / lasers[2019] == pytest.approx(2.459, abs=0.001)
    text = MOSCOW_LEAD + ("Computers (heading 8471) brought US$257m; monitors and TV sets rose "
                          "41%; lasers and LCD devices grew 2.5 times.")  # fmt: skip
    got = claims.check(corpus, text)
    assert _find(got, "41%").verdict == "supported", _find(got, "41%").reason
    assert _find(got, "2.5 times").verdict == "supported", _find(got, "2.5 times").reason
    wrong = claims.check(corpus, text.replace("41%", "61%"))
    assert _find(wrong, "61%").verdict == "contradicted", _find(wrong, "61%").reason


def test_a_share_of_the_year_after_a_growth_rate_in_another_clause(corpus):
    m = pd.read_csv(MOSCOW)
    m = m[m["year"] == 2020]
    h2 = m[m["month"] > 6]["value_usd"].sum() / m["value_usd"].sum()
    assert h2 == pytest.approx(0.5211, abs=0.0001)
    text = MOSCOW_LEAD + ("The fourth quarter was the strongest, at US$651.7 million, up 34% year "
                          "on year; the second half brought 52% of annual sales.")  # fmt: skip
    r = _find(claims.check(corpus, text), "52%")
    assert r.claim.kind == "share", r.reason
    assert r.verdict not in RED, r.reason


def test_a_record_of_the_year_set_before_its_noun(corpus):
    b = _portugal_balance()
    assert b[2008] == pytest.approx(-430.0)
    # The 2008 deficit is the largest since 2003: 2004-2007 all smaller, 2003 larger.
    assert all(b[y] > b[2008] for y in range(2004, 2008))
    assert b[2003] < b[2008]
    assert b[2004] < b[2021]  # the 2021 deficit is not the highest since 2003
    text = ("Portugal's technology exports hit $4.5 billion in 2021. The 2008 deficit, $430m, "
            "was the highest since 2003.")  # fmt: skip
    r = _find(claims.check(corpus, text), "highest since 2003")
    assert r.claim.period.year == 2008, r.reason
    assert r.verdict == "supported", r.reason
    assert b[2005] > b[2008]
    wrong = _find(claims.check(corpus, text.replace("2003", "2002")), "highest since 2002")
    assert wrong.verdict != "supported", wrong.reason


def test_a_year_in_words_set_between_commas_dates_them_not_the_figure_after(checked_warehouse):
    x = _chile("export", "7326")
    assert x[2002] == pytest.approx(13.36, abs=0.005)
    assert x[2004] == pytest.approx(0.2676, abs=0.0005)
    assert x[2004] / x[2002] - 1 == pytest.approx(-0.98, abs=0.001)
    text = ("Chilean sales to Argentina rose 38 percent in 2004. Heading 7326 (other iron or steel "
            "articles), Chile's second-largest export heading in 2002, collapsed by 98 percent to "
            "USD 0.3 million.")  # fmt: skip
    got = claims.check(checked_warehouse, text)
    level = _find(got, "USD 0.3 million")
    assert level.claim.period.year == 2004, level.reason
    assert level.verdict == "supported", level.reason
    fall = _find(got, "98 percent")
    assert fall.claim.understood, fall.reason
    assert fall.verdict == "supported", fall.reason


def test_tourists_spending_is_no_trade_in_goods(checked_warehouse):
    x = _chile("export")
    assert x[2004] == pytest.approx(262.96, abs=0.005)
    text = ("Chilean shipments across the border totalled 263 million dollars in 2004.\n\nYes, "
            "copper sales to Brazil topped 900 million dollars, they say, and Argentine tourists "
            "spent some 400 million in Chile.")  # fmt: skip
    r = _find(claims.check(checked_warehouse, text), "400 million")
    assert r.verdict == "unverifiable", r.reason


CHILE_IMPORTS = "Chile's imports from Argentina came to 2.04 billion dollars in 2004. "


def test_a_multiple_in_words_with_hyphens_and_a_half(checked_warehouse):
    fuels = _chile("import", "27")
    assert fuels[2004] / fuels[2002] == pytest.approx(5.596, abs=0.001)
    text = CHILE_IMPORTS + ("Imports of mineral fuels (chapter 27) were worth 917 million "
                            "dollars in 2004, a five-and-a-half-fold jump on 2002.")  # fmt: skip
    r = _find(claims.check(checked_warehouse, text), "fold")
    assert r.claim.kind == "multiple", r.reason
    assert r.claim.quantity.value == 5.5, r.reason
    assert r.verdict == "supported", r.reason
    wrong = _find(claims.check(checked_warehouse, text.replace("five-", "eight-")), "fold")
    assert wrong.verdict == "contradicted", wrong.reason


def test_nearly_double_their_value_and_tripling_since_a_year(checked_warehouse):
    vehicles, paper = _chile("import", "87"), _chile("export", "48")
    assert vehicles[2004] / vehicles[2002] == pytest.approx(1.929, abs=0.001)
    assert paper[2004] / paper[2002] == pytest.approx(3.130, abs=0.001)
    text = CHILE_IMPORTS + ("Vehicle imports (chapter 87) came to 119 million dollars, nearly "
                            "double their 2002 value. Exports of paper (chapter 48) reached 33.3 "
                            "million, tripling since 2002.")  # fmt: skip
    got = claims.check(checked_warehouse, text)
    double, tripling = _find(got, "double"), _find(got, "tripling")
    assert (double.claim.period.year, double.claim.period.compare) == (2004, 2002)
    assert double.verdict == "supported", double.reason
    assert tripling.verdict == "supported", tripling.reason
    wrong = claims.check(checked_warehouse, text.replace("tripling", "quadrupling"))
    assert _find(wrong, "quadrupling").verdict == "contradicted"
    # Double another subject's total is no multiple over time.
    other = CHILE_IMPORTS + "Fuel imports were worth double the vehicles total."
    assert not [r for r in claims.check(checked_warehouse, other) if "double" in r.claim.span]


def _chile_ranked(flow: str, year: int, digits: int) -> list[str]:
    c = pd.concat(pd.read_csv(p, dtype={"product": str}) for p in demo.files())
    c = c[(c["flow"] == flow) & (c["year"] == year)]
    sums = c.groupby(c["product"].str.zfill(6).str[:digits])["value_usd"].sum()
    return list(sums[sums > 0].sort_values(ascending=False).index)


def test_a_rank_among_chapters_and_headings_is_checked(checked_warehouse):
    imports, exports = _chile_ranked("import", 2004, 2), _chile_ranked("export", 2004, 2)
    assert imports[:4] == ["27", "10", "15", "87"]
    assert exports[:2] == ["48", "84"]
    assert _chile_ranked("import", 2004, 4).index("1005") == 3
    text = CHILE_IMPORTS + (
        "Cereals held second place among import chapters, while vehicles (chapter 87) came "
        "fourth. Maize "
        "slipped to fourth among headings. Paper and paperboard became the largest export "
        "chapter. Machinery is runner-up."
    )
    got = claims.check(checked_warehouse, text)
    for words in (
        "second place",
        "came fourth",
        "slipped to fourth",
        "largest export",
        "runner-up",
    ):
        r = _find(got, words)
        assert r.verdict == "supported", (words, r.reason)
    wrong = claims.check(checked_warehouse, text.replace("came fourth", "came third"))
    assert _find(wrong, "came third").verdict == "contradicted"
    assert _find(wrong, "came third").computed == 4


def test_a_rank_of_goods_at_another_level_than_the_words_is_not_checked(checked_warehouse):
    # Mineral fuels are chapter 27, not a heading: "the leading import heading" is not read.
    assert _chile_ranked("import", 2004, 2)[0] == "27"
    text = CHILE_IMPORTS + "Mineral fuels were the leading import heading."
    r = _find(claims.check(checked_warehouse, text), "heading")
    assert r.verdict == "unverifiable", r.reason
    chapter = _find(claims.check(checked_warehouse, text.replace("heading", "chapter")), "chapter")
    assert chapter.verdict == "supported", chapter.reason


def test_iron_and_steel_articles_are_chapter_73(checked_warehouse):
    exports = _chile_ranked("export", 2004, 2)
    assert exports.index("73") == 11  # twelfth
    assert _chile_ranked("export", 2002, 2).index("73") == 1  # second
    text = ("Chile's exports to Argentina reached US$263.0 million in 2004. Iron and steel "
            "articles dropped from second to twelfth among export chapters between 2002 and "
            "2004.")  # fmt: skip
    r = _find(claims.check(checked_warehouse, text), "twelfth")
    assert r.verdict == "supported", r.reason


def _portugal(flow: str, year: int, by: str | None = None) -> pd.Series | float:
    p = pd.read_csv(PORTUGAL)
    p = p[(p["flow"] == flow) & (p["year"] == year)]
    return p["value_usd"].sum() / 1e6 if by is None else p.groupby(by)["value_usd"].sum() / 1e6


def test_an_amount_in_words_and_bare_amounts_after_it(corpus):
    assert _portugal("export", 2021) == pytest.approx(4500.0)
    assert _portugal("import", 2021) == pytest.approx(4586.0)
    b = _portugal_balance()
    assert (b[2021], b[2020]) == (pytest.approx(-86.0), pytest.approx(-190.0))
    text = ("SOUSA: Portugal's technology sales abroad grew by 30% in 2021, to four and a half "
            "billion dollars.\n\nMARQUES: And imports? They rose by a quarter: almost 4.6 "
            "billion.\n\nSOUSA: The shortfall is 86 million, against 190 million in 2020.")  # fmt: skip
    got = claims.check(corpus, text)
    for words in ("four and a half billion dollars", "4.6 billion", "86 million", "190 million"):
        r = _find(got, words)
        assert r.verdict == "supported", (words, r.reason)
    wrong = claims.check(corpus, text.replace("four and a half", "five and a half"))
    assert _find(wrong, "five and a half").verdict == "contradicted"


def test_a_partner_that_sells_us_and_buys_from_us(corpus):
    de_x, de_m = (
        _portugal("export", 2021, "partner")["DEU"],
        _portugal("import", 2021, "partner")["DEU"],
    )
    cn_x, cn_m = (
        _portugal("export", 2021, "partner")["CHN"],
        _portugal("import", 2021, "partner")["CHN"],
    )
    assert (round(de_x, 1), round(de_m, 1)) == (620.1, 917.2)
    assert (round(cn_x, 1), round(cn_m, 1)) == (199.8, 1834.4)
    text = ("Portugal's technology trade in 2021. We buy 1.83 billion dollars from China and sell "
            "it barely 200 million. Germany buys 620 million from us but sells us 917 million.")  # fmt: skip
    got = claims.check(corpus, text)
    for words, flow in (("1.83 billion", "import"), ("200 million", "export"),
                        ("620 million", "export"), ("917 million", "import")):  # fmt: skip
        r = _find(got, words)
        assert r.claim.subject.flow == flow, (words, r.reason)
        assert r.verdict == "supported", (words, r.reason)


def test_data_show_imports_names_no_goods_and_a_bilateral_deficit(checked_warehouse):
    m, x = _chile("import"), _chile("export")
    assert m[2004] / m[2002] - 1 == pytest.approx(1.2141, abs=0.0001)
    assert (m[2004] - x[2004]) / (m[2002] - x[2002]) == pytest.approx(2.434, abs=0.001)
    text = ("Chilean data show imports from Argentina at USD 2.04 billion for 2004, up 121 percent "
            "from 2002, while Chilean sales there rose only 38 percent, to USD 263 million. The "
            "bilateral deficit tripled.")  # fmt: skip
    got = claims.check(checked_warehouse, text)
    for words in ("USD 2.04 billion", "121 percent", "38 percent", "USD 263 million"):
        r = _find(got, words)
        assert r.verdict == "supported", (words, r.reason)
    deficit = _find(got, "tripled")
    assert deficit.claim.subject.partners == ("ARG",), deficit.reason
    assert deficit.verdict == "contradicted", deficit.reason


def test_headings_of_paper_tyres_and_polymers(checked_warehouse):
    uncoated, coated = _chile("export", "4802"), _chile("export", "4810")
    tyres, polymers = _chile("export", "4011"), _chile("import", "3901")
    assert uncoated[2004] / uncoated[2002] == pytest.approx(19.227, abs=0.001)
    assert coated[2004] / coated[2002] == pytest.approx(2.799, abs=0.001)
    assert tyres[2004] / tyres[2002] == pytest.approx(4.513, abs=0.001)
    assert polymers[2004] / polymers[2002] - 1 == pytest.approx(0.1149, abs=0.0001)
    text = ("Chile's exports to Argentina reached USD 263 million in 2004, up 38 percent on 2002. "
            "Uncoated paper shipments rose about 19 times, coated paper nearly tripled and tyres "
            "more than quadrupled. On the import side, ethylene polymers rose 21.5 percent.")  # fmt: skip
    got = claims.check(checked_warehouse, text)
    for words in ("19 times", "nearly tripled", "quadrupled"):
        r = _find(got, words)
        assert r.verdict == "supported", (words, r.reason)
    wrong = _find(got, "21.5 percent")
    assert wrong.verdict == "contradicted", wrong.reason


def test_the_place_a_chapter_left_is_checked_too(checked_warehouse):
    before, after = _chile_ranked("export", 2002, 2), _chile_ranked("export", 2004, 2)
    assert (before.index("48") + 1, after.index("48") + 1) == (6, 1)
    imports_before, imports_after = (
        _chile_ranked("import", 2002, 2),
        _chile_ranked("import", 2004, 2),
    )
    assert (imports_before.index("15") + 1, imports_after.index("15") + 1) == (2, 3)
    text = ("Chile's exports to Argentina reached USD 263 million in 2004, up 38 percent on 2002. "
            "Chapter 48 (paper and paperboard) climbed from fourth to first in the table of export "
            "chapters. Among import chapters, fats and oils fell from second to third place.")  # fmt: skip
    got = claims.check(checked_warehouse, text)
    climbed = _find(got, "climbed from fourth to first")
    assert climbed.verdict == "contradicted", climbed.reason  # it was sixth in 2002
    fell = _find(got, "fell from second to third place")
    assert fell.verdict == "supported", fell.reason
    right = claims.check(checked_warehouse, text.replace("from fourth", "from sixth"))
    assert _find(right, "climbed from sixth").verdict == "supported"
