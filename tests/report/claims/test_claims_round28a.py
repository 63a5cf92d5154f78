"""Round 28a: the flow read from who moves the goods, not from a flow word.

- A text that names its own words for the flows ("Yarn: export blue and import red", "blue =
  exports", «синим — экспорт, красным — импорт») uses them for the rest of the text: "blue
  grew by 30 per cent" is of exports, "red jumped" of imports, "both colours together" the
  turnover, for certain (a red flag is allowed). "The red margin" is the balance, on the side
  where that flow is the larger (imports: a deficit); a text that defines no colour reads no
  flow from one.
- Goods that come to us are imports ("the aluminium that came to us", «к нам прилетело», «нам
  от них приехало»); goods that leave us are exports ("the wood that left us", «от нас уехало»):
  a figure of the other flow is never supported, and is flagged where the sentence names the
  partner "we" trade with ("came to us from Argentina"; elsewhere "us" may be a partner
  speaking, and the checker abstains). Goods "brought in" are imports ("Motor vehicles brought in have nearly doubled");
  money a seller's goods "brought in" is exports ("our wood brought in 5.9 million dollars").
- "Total traffic", goods "both ways" / «в обе стороны», «двусторонняя торговля» is the turnover.
- A partner's orders or purchases are the reporter's exports even with an aside between the
  partner and the verb ("Uzbekistan, a modest friend, raised its orders"); what we buy from a
  partner stays imports.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import re

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import RED, chile_mn, find, moscow, portugal_by_flow_mn


def _moscow_growth(partner: str) -> float:
    """Moscow's exports to ``partner``, 2020 on 2019, in per cent."""
    m = moscow(partner=partner)
    m = m[m["flow"] == "export"].groupby("year")["value_usd"].sum()
    return float((m[2020] / m[2019] - 1) * 100)


# -- a text's own words for the flows -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "blue", "red", "both", "margin"),
    [
        (
            "Portugal's technology trade, knitted as a scarf. Yarn: two colours, export blue and "
            "import red.\n\nIn 2021 blue grew by 30 per cent. In 2012 red jumped by 2.9 per cent. "
            "In 2021 both colours together came to 9,086 million dollars. In 2021 the red margin "
            "narrowed to 86 million.",
            "grew by 30 per cent",
            "jumped by 2.9 per cent",
            "9,086 million",
            "86 million",
        ),
        (
            "A chart of Portugal's technology trade. Legend: blue = exports, red = imports.\n\n"
            "Blue rose by 30 per cent in 2021. Red climbed by 2.9 per cent in 2012. The two "
            "colours together reached 9,086 million dollars in 2021. The red margin was 86 "
            "million in 2021.",
            "rose by 30 per cent",
            "climbed by 2.9 per cent",
            "9,086 million",
            "86 million",
        ),
        (
            "Технологическая торговля Португалии на графике. Условные цвета: синим — экспорт, "
            "красным — импорт.\n\nВ 2021 году синяя линия выросла на 30%. В 2012 году красная "
            "линия поднялась на 2,9%. Оба цвета вместе в 2021 году дали 9086 млн долларов. "
            "Красный разрыв в 2021 году сузился до 86 млн.",
            "на 30%",
            "на 2,9%",
            "9086 млн",
            "86 млн",
        ),
    ],
)
def test_a_text_s_own_words_for_the_flows(corpus, text, blue, red, both, margin):
    t = portugal_by_flow_mn()
    growth = t.pct_change() * 100
    assert round(growth.loc[2021, "export"]) == 30
    assert round(growth.loc[2012, "export"], 1) == 2.9  # red told the blue figure
    assert round(growth.loc[2012, "import"]) == 25
    assert round(t.loc[2021, "export"] + t.loc[2021, "import"]) == 9086
    results = claims.check(corpus, text, reporter="PRT")
    r = find(results, blue)
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.flow == "export"
    r = find(results, red)
    assert r.verdict in RED, r.reason
    assert r.claim.subject.flow == "import"
    r = find(results, both)
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.flow == "turnover"
    # "the red margin" is the balance's (imports the larger: a deficit), never the imports'.
    r = next(x for x in results if x.claim.span.startswith(margin))
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.flow == "balance"


def test_a_colour_the_text_never_defines_names_no_flow(corpus):
    text = (
        "Portugal's technology trade in 2012.\n\nExports grew by 2.9 per cent in 2012. Red "
        "jumped by 2.9 per cent in 2012."
    )
    results = claims.check(corpus, text, reporter="PRT")
    r = [x for x in results if "2.9 per cent" in x.claim.span][-1]
    assert r.verdict not in RED, r.reason


# -- which way the goods go -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "flow"),
    [
        (
            "Chile's trade with Argentina, 2004.\n\nThe aluminium that came to us over the "
            "passes was worth 0.9 million dollars in 2004.",
            "0.9 million",
            "import",
        ),
        (
            "Chile's trade with Argentina, 2004.\n\nThe aluminium that came to us from Argentina "
            "was worth 0.9 million dollars in 2004.",
            "0.9 million",
            "import",
        ),
        (
            "Торговля Чили с Аргентиной, 2004 год.\n\nАлюминия к нам из Аргентины прилетело на "
            "0,9 млн долларов в 2004 году.",
            "0,9 млн",
            "import",
        ),
        (
            "Торговля Чили с Аргентиной, 2004 год.\n\nАлюминия к нам из-за хребта прилетело на "
            "0,9 млн долларов в 2004 году.",
            "0,9 млн",
            "import",
        ),
        (
            "Торговля Чили с Аргентиной, 2004 год.\n\nНам от соседа приехало алюминия на 0,9 млн "
            "долларов в 2004 году.",
            "0,9 млн",
            "import",
        ),
        (
            "Chile's trade with Argentina, 2004.\n\nThe wood that left us for the neighbour came "
            "to 4.6 million dollars in 2004.",
            "4.6 million",
            "export",
        ),
        (
            "Торговля Чили с Аргентиной, 2004 год.\n\nДревесины от нас уехало к соседу на 4,6 "
            "млн долларов в 2004 году.",
            "4,6 млн",
            "export",
        ),
    ],
)
def test_goods_coming_to_us_are_imports_leaving_us_exports(corpus, text, words, flow):
    al_m, al_x = chile_mn("import", "76"), chile_mn("export", "76")
    assert round(al_x[2004], 1) == 0.9
    assert round(al_m[2004], 1) == 31.5
    wood_m, wood_x = chile_mn("import", "44"), chile_mn("export", "44")
    assert round(wood_m[2004], 1) == 4.6
    assert round(wood_x[2004], 1) == 5.9
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.claim.subject.flow == flow, r.reason
    # The figure is of the other flow: never supported; flagged where the sentence names the
    # partner "we" trade with (elsewhere "us" may be a partner speaking: the checker abstains).
    if re.search("Argentin|Аргентин", text.split("\n\n", 1)[1]):
        assert r.verdict in RED, r.reason
    else:
        assert r.verdict == "unverifiable", r.reason


def test_goods_brought_in_are_imports_money_brought_in_exports(corpus):
    vehicles = chile_mn("import", "87")
    assert round(vehicles[2004] / vehicles[2002], 2) == 1.93
    wood = chile_mn("export", "44")
    assert round(wood[2004], 1) == 5.9
    text = (
        "Chile's trade with Argentina, 2004.\n\nMotor vehicles brought in have nearly doubled "
        "since 2002.\n\nIn 2004 our wood brought in 5.9 million dollars."
    )
    results = claims.check(corpus, text, reporter="CHL")
    r = find(results, "nearly doubled")
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.flow == "import"
    r = find(results, "5.9 million")
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.flow == "export"


# -- both ways: the turnover ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Chile's trade with Argentina, 2004.\n\nTotal traffic on the line reached 2.3 billion dollars "
            "in 2004.",
            "2.3 billion",
        ),
        (
            "Торговля Чили с Аргентиной, 2004 год.\n\nГрузов в обе стороны в 2004 году прошло на 2,3 млрд "
            "долларов.",
            "2,3 млрд",
        ),
        (
            "Торговля Чили с Аргентиной, 2004 год.\n\nДвусторонняя торговля в 2004 году достигла 2,3 млрд "
            "долларов.",
            "2,3 млрд",
        ),
    ],
)
def test_traffic_both_ways_is_the_turnover(corpus, text, words):
    total = chile_mn("import")[2004] + chile_mn("export")[2004]
    assert round(total / 1000, 1) == 2.3
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.flow == "turnover"


# -- a partner's orders with an aside before the verb -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "right", "wrong"),
    [
        (
            "Moscow's high-tech trade in 2020.\n\nUzbekistan, a modest friend, raised its orders "
            "by 60 per cent in 2020. Kazakhstan, a steady client, doubled its purchases in 2020.",
            "60 per cent",
            "doubled",
        ),
        (
            "Высокотехнологичная торговля Москвы в 2020 году.\n\nУзбекистан, скромный друг, "
            "нарастил свои закупки на 60% в 2020 году. Казахстан, давний клиент, удвоил свои "
            "закупки в 2020 году.",
            "60%",
            "удвоил",
        ),
    ],
)
def test_a_partner_s_orders_past_an_aside_are_exports(corpus, text, right, wrong):
    assert round(_moscow_growth("UZB")) == 60
    assert round(_moscow_growth("KAZ")) == 60  # x1.6, not doubled
    results = claims.check(corpus, text, reporter="RU-MOW")
    r = find(results, right)
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.flow == "export"
    r = find(results, wrong)
    assert r.verdict in RED, r.reason
    assert r.claim.subject.flow == "export"


def test_what_we_buy_from_a_partner_stays_imports(corpus):
    text = (
        "Moscow's high-tech trade in 2020.\n\nIn 2020 we bought from Uzbekistan, a modest "
        "friend, goods worth 8 million dollars."
    )
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "8 million")
    assert r.verdict == "unverifiable", r.reason
    assert r.claim.subject.flow == "import"
