"""Round 37: the wrong red flags of the blind part heldout29, in their general form.

Each of the twelve was a misreading, none arithmetic:
- "The weight of HS 73 dropped from 8.8% to 2.5%": the weight of goods is their share;
- "added another third in 2020 and ended 2021 at $4.5bn, sevenfold the 2001 figure": the
  year a verb ends is the figure's (main read 2020); "another third" is a rise;
- "Semicondutores do Atlântico itself had sold $180 million": a firm the text introduced by
  its noun ("the components maker Semicondutores do Atlântico") sells on its own account;
- "China ..., with $1.83bn of sales to Portugal - upwards of nine times the value of
  Portuguese goods it takes": sales to the reporter are its imports; "nine times the value
  of goods it takes" is set against the other flow, not an earlier year;
- «группы 84, 85 и 90 ТН ВЭД ЕАЭС»: the union's nomenclature names no partner (main read
  every figure as exports to the EAEU); a list of codes is no figure; «против 2019 года
  (1 849 110,0 тыс. долларов)»: the base year's level in brackets;
- «турбины (8411), а также вычислительные машины (8471) — 257,0 млн»: the figure after the
  dash is of the goods after «а также»;
- «Крупнейшими рынками сбыта остаются КНР и Япония»: each of the partners listed is among the
  first two («КНР» is China); «совокупно обеспечивающие 44,7%»: their sum;
- «Доля города в общероссийском экспорте ... 12%»: a region's part of its country's trade;
- «пик дефицита (470 млн долл.) пришёлся на 2003 и 2012 гг.»: of each of those years;
- «Годом ранее голландцы купили на 872 млн»: a partner's people buy (exports), a year before.

And two of its misses: "American buyers come third" (a plural's place), "the lowest in
nineteen years" (a span in words from six to nineteen).

Every true sentence's case fails on main; most cases of a wrong figure pass there too (main
flagged them, several for the wrong reason: "$5.5bn" against 2020), and the guards named so.
Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
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
    portugal_by_flow_mn,
)


def test_the_figures_by_hand():
    c = chile_mn("export")
    steel = chile_mn("export", "73")
    assert round(100 * steel[2002] / c[2002], 1) == 8.8
    assert round(100 * steel[2004] / c[2004], 1) == 2.5
    t = portugal_by_flow_mn()
    assert round(t.loc[2021, "export"]) == 4500
    assert round(t.loc[2021, "export"] / t.loc[2001, "export"], 2) == 7.26
    assert round(100 * (t.loc[2020, "export"] / t.loc[2019, "export"] - 1), 1) == 33.1
    assert t.loc[2003, "deficit"] == t.loc[2012, "deficit"] == pytest.approx(470.0)
    p = pd.read_csv(PORTUGAL)
    nld = p[(p["flow"] == "export") & (p["partner"] == "NLD")].groupby("year")["value_usd"].sum()
    assert round(nld[2020] / 1e6) == 872
    china = p[(p["year"] == 2021) & (p["partner"] == "CHN")].groupby("flow")["value_usd"].sum()
    assert round(china["import"] / 1e6, 1) == 1834.4
    assert china["import"] / china["export"] > 9
    m = pd.read_csv(MOSCOW)
    by_partner = m[m["year"] == 2020].groupby("partner")["value_usd"].sum()
    top = by_partner.sort_values(ascending=False)
    assert list(top.index[:2]) == ["CHN", "JPN"]
    assert round(100 * top[["CHN", "JPN"]].sum() / top.sum(), 1) == 44.7
    assert list(top.index).index("IND") > 1
    years = m.groupby("year")["value_usd"].sum()
    assert round(years[2019] / 1e3, 1) == 1849110.0
    computers = moscow("8471")
    assert round(computers[computers["year"] == 2020]["value_usd"].sum() / 1e6, 1) == 257.0


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("In 2004 against 2002, the weight of HS 73 (iron or steel articles) dropped from 8.8% "
         "to 2.5%.", "2.5%", ("supported",)),
        ("In 2004 against 2002, the weight of HS 73 (iron or steel articles) in exports dropped "
         "from 8.8% to 3.5%.", "3.5%", RED),
    ],
)  # fmt: skip
def test_the_weight_of_goods_is_their_share(corpus, text, words, expected):
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict in expected, r.reason
    assert r.claim.kind == "share", r.reason


_CURVE = "Then the curve bent. Exports jumped 86% in 2019, added another {} in 2020 and ended 2021 at {}, {} the 2001 figure."


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (_CURVE.format("third", "$4.5bn", "sevenfold"), "$4.5bn", ("supported",)),
        (_CURVE.format("third", "$4.5bn", "sevenfold"), "sevenfold", ("supported",)),
        (_CURVE.format("third", "$4.5bn", "sevenfold"), "added another third", ("supported",)),
        (_CURVE.format("third", "$5.5bn", "sevenfold"), "$5.5bn", RED),
        (_CURVE.format("tenth", "$4.5bn", "sevenfold"), "added another tenth", RED),
        (_CURVE.format("third", "$4.5bn", "fourfold"), "fourfold", RED),
    ],
)  # fmt: skip
def test_a_year_ended_and_another_third(corpus, text, words, expected):
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.verdict in expected, r.reason


@pytest.mark.parametrize(
    "text",
    [
        "On a wet morning, the strategy director of the components maker Semicondutores do "
        "Atlântico opened the trade figures. Semicondutores do Atlântico itself had sold $180 "
        "million in 2021, two thirds of it abroad.",
        "Директор компании «Полупроводники Атлантики» открыла отчёт. В 2021 году "
        "«Полупроводники Атлантики» продали за рубеж на 180 млн долларов.",
    ],
)
def test_a_firm_the_text_names_sells_on_its_own(corpus, text):
    for r in claims.check(corpus, text, reporter="PRT"):
        assert r.verdict == "unverifiable", (r.claim.span, r.reason)
        assert "firm" in r.reason or "фирм" in r.reason, r.reason


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("In 2021 China remained dominant, with $1.83bn of sales to Portugal.", "$1.83bn",
         ("supported",)),
        ("In 2021 China remained dominant, with $2.83bn of sales to Portugal.", "$2.83bn", RED),
        # Guard: the reporter's own sales to a partner stay exports.
        ("In 2021 Portugal's sales to China were $199.8 million.", "$199.8 million",
         ("supported",)),
    ],
)  # fmt: skip
def test_sales_to_the_reporter_are_its_imports(corpus, text, words, expected):
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.verdict in expected, r.reason


def test_times_the_value_of_goods_it_takes_is_no_change_over_time(corpus):
    text = ("In 2021 China remained dominant, with $1.83bn of sales to Portugal - upwards of nine "
            "times the value of Portuguese goods it takes.")  # fmt: skip
    r = find(claims.check(corpus, text, reporter="PRT"), "nine times")
    assert r.verdict not in RED, r.reason
    assert "2020" not in r.reason, r.reason


_BULLETIN = ("Экспорт продукции товарных групп 84, 85 и 90 ТН ВЭД ЕАЭС за январь–декабрь 2020 "
             "года составил 2 403 843,0 тыс. долларов США и увеличился на {} против 2019 года "
             "({} тыс. долларов).")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (_BULLETIN.format("30,0%", "1 849 110,0"), "2 403 843,0 тыс. долларов США",
         ("supported",)),
        (_BULLETIN.format("30,0%", "1 849 110,0"), "увеличился на 30,0%", ("supported",)),
        (_BULLETIN.format("30,0%", "1 849 110,0"), "1 849 110,0 тыс. долларов", ("supported",)),
        (_BULLETIN.format("40,0%", "1 849 110,0"), "увеличился на 40,0%", RED),
        (_BULLETIN.format("30,0%", "1 949 110,0"), "1 949 110,0 тыс. долларов", RED),
    ],
)  # fmt: skip
def test_a_statistical_bulletin(corpus, text, words, expected):
    results = claims.check(corpus, text, reporter="RU-MOW")
    assert not [r.claim.span for r in results if r.claim.span in ("84", "85", "90")]
    r = find(results, words)
    assert r.verdict in expected, r.reason
    assert "EAEU" not in r.reason, r.reason


@pytest.mark.parametrize(
    ("figure", "expected"),
    [("257,0", ("supported",)), ("357,0", RED)],
)
def test_goods_after_also_before_a_dash(corpus, figure, expected):
    text = (f"Наибольший вклад в экспорт 2020 года внесли турбореактивные двигатели (товарная "
            f"позиция 8411), а также вычислительные машины (8471) — {figure} млн долларов США.")  # fmt: skip
    r = find(claims.check(corpus, text, reporter="RU-MOW"), f"{figure} млн")
    assert r.verdict in expected, r.reason


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Крупнейшими рынками сбыта в 2020 году остаются КНР и Япония, совокупно обеспечивающие "
         "44,7% экспорта.", "Крупнейшими рынками", ("supported",)),
        ("Крупнейшими рынками сбыта в 2020 году остаются КНР и Япония, совокупно обеспечивающие "
         "44,7% экспорта.", "44,7%", ("supported",)),
        ("Крупнейшими рынками сбыта в 2020 году остаются КНР и Япония, совокупно обеспечивающие "
         "54,7% экспорта.", "54,7%", RED),
        ("В 2020 году крупнейшими рынками остаются Китай и Индия.", "крупнейшими рынками", RED),
        ("In 2020 the largest markets were China and Japan, which together took 44.7% of "
         "exports.", "44.7%", ("supported",)),
        ("In 2020 China and Japan were the largest markets.", "the largest markets",
         ("supported",)),
        # Guard: one partner, first.
        ("In 2020 the largest market was China.", "the largest market", ("supported",)),
    ],
)  # fmt: skip
def test_partners_listed_as_the_largest_and_together(corpus, text, words, expected):
    r = find(claims.check(corpus, text, reporter="RU-MOW"), words)
    assert r.verdict in expected, r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Доля города в общероссийском экспорте продукции машиностроения в 2020 году составляет "
        "12%.",
        "In 2020 Moscow's share of Russia's exports was 12%.",
    ],
)
def test_a_regions_share_of_its_countrys_trade(corpus, text):
    (r,) = claims.check(corpus, text, reporter="RU-MOW")
    assert r.verdict == "unverifiable", r.reason


def test_a_partners_share_of_the_region_stays_checked(corpus):
    """Guard (passes on main): the region's own whole."""
    r = find(claims.check(corpus, "В 2020 году доля Китая в экспорте города составила 23%.",
                          reporter="RU-MOW"), "23%")  # fmt: skip
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Сальдо оставалось отрицательным: пик дефицита (470 млн долл.) пришёлся на 2003 и "
         "2012 гг.", "470 млн", ("unverifiable",)),
        ("The deficit's peak ($470m) came in 2003.", "$470m", ("supported",)),
        ("The deficit's peak ($570m) came in 2003.", "$570m", RED),
        ("Первое место — у Нидерландов: 1134 млн долл. — это 25,2% всего экспорта 2021 года. "
         "Годом ранее голландцы купили на 872 млн.", "872 млн", ("supported",)),
        ("Первое место — у Нидерландов: 1134 млн долл. — это 25,2% всего экспорта 2021 года. "
         "Годом ранее голландцы купили на 972 млн.", "972 млн", RED),
        ("In 2021 Portugal sold the Netherlands $1134 million of goods. A year earlier the "
         "Dutch bought $872 million.", "$872 million", ("supported",)),
    ],
)  # fmt: skip
def test_years_said_around_the_figure_and_buyers_by_their_people(corpus, text, words, expected):
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.verdict in expected, r.reason


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("In 2020 Chinese buyers come first and American buyers come third.", "come third", RED),
        ("In 2020 Chinese buyers come first and American buyers come fourth.", "come fourth",
         ("supported",)),
    ],
)  # fmt: skip
def test_a_plurals_place(corpus, text, words, expected):
    r = find(claims.check(corpus, text, reporter="RU-MOW"), words)
    assert r.verdict in expected, r.reason


def test_the_lowest_in_nineteen_years(corpus):
    # 2020's US$190 million: 2016 (US$150 million) and 2007 were lower.
    text = "The 2020 deficit, $190 million, was the lowest in nineteen years."
    r = find(claims.check(corpus, text, reporter="PRT"), "the lowest in nineteen years")
    assert r.verdict in RED, r.reason


@pytest.mark.parametrize(("figure", "expected"), [("217.3", ("supported",)), ("227.3", RED)])
def test_a_months_level_reached_after_a_comma(corpus, figure, expected):
    """Found while scoring heldout27 again: "September's sum rose a notch, to $217.3m"."""
    m = moscow()
    september = m[(m["year"] == 2020) & (m["month"] == 9)]["value_usd"].sum() / 1e6
    assert round(september, 2) == 217.25  # "$217.3m" rounds it once more
    text = ("Moscow's exports in 2020. January, February and every month through August brought "
            f"in $191.9m apiece. September's sum rose a notch, to ${figure}m.")  # fmt: skip
    r = find(claims.check(corpus, text, reporter="RU-MOW"), f"${figure}m")
    assert r.verdict in expected, r.reason


def test_a_rank_of_each_partner_reads_in_russian(corpus):
    """Found trying the part as a new user: the reason of a rank said of each partner began in
    English in a Russian text («said of each partner: China ranks 1 ...; Япония: 2-е место»)."""
    text = "Крупнейшими рынками сбыта в 2020 году остаются КНР и Япония."
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "Крупнейшими рынками")
    said = claims.messages.reason(r.reason, "ru")
    assert said.startswith("о каждом партнёре: Китай"), said
    assert "ranks" not in said, said
    assert "said of" not in said, said
