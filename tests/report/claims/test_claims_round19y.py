"""Readings of partners, bases and shares found wrong on heldout16 (round 19, development).

Sentences written for these tests; expected figures from the raw files with pandas
(``tests/report/claims/_shared.py``), never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import RED, chile_mn, find, moscow, moscow_exports, portugal_mn


@pytest.mark.parametrize(("said", "verdict"), [("13", "supported"), ("30", "unverifiable")])
def test_a_coverage_after_a_clause_of_growth_is_a_share(corpus, said, verdict):
    # 2004: exports to Argentina 262.96 million against imports of 2,035.4 million, 12.92%; the
    # deficit 1.77 billion against 728.21 million in 2002 (x2.43).
    x, m = chile_mn("export"), chile_mn("import")
    assert 100 * x[2004] / m[2004] == pytest.approx(12.92, abs=0.005)
    text = ("Chile and Argentina, 2002 to 2004. Chile's deficit with Argentina grew to $1.77bn, "
            f"some two and a half times the 2002 gap, and its sales paid for barely {said}% of "
            "purchases.")  # fmt: skip
    r = find(claims.check(corpus, text), f"{said}%")
    assert r.claim.kind == "share", r.reason
    # A wrong figure is not flagged: the sentence names another year (never supported either).
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(("said", "verdict"), [("26", "supported"), ("31", "contradicted")])
def test_a_possessive_partner_right_before_the_figure_is_its_only_partner(corpus, said, verdict):
    # 2020 against 2019: Japan 405.48 -> 511.71 million (+26.20%); Korea and Japan together
    # 465.48 -> 607.71 million (+30.56%).
    e = moscow()
    e = e[e["flow"] == "export"].groupby(["partner", "year"])["value_usd"].sum() / 1e6
    assert 100 * (e["JPN", 2020] / e["JPN", 2019] - 1) == pytest.approx(26.20, abs=0.005)
    both = (e["JPN", 2020] + e["KOR", 2020]) / (e["JPN", 2019] + e["KOR", 2019])
    assert 100 * (both - 1) == pytest.approx(30.56, abs=0.005)
    text = ("Moscow's exports in 2020. A new ranking no longer puts Korea on top: Japan's "
            f"{said}% rise leads the big buyers, while Korea grew 60%.")  # fmt: skip
    r = find(claims.check(corpus, text), f"{said}%")
    assert r.claim.subject.partners == ("JPN",), r.reason
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(("said", "verdict"), [("45", "supported"), ("60", "unverifiable")])
def test_the_two_asian_neighbours_are_the_two_partners_named(corpus, said, verdict):
    # 2020: China 563.31 and Japan 511.71 million of 2,403.84 million, 44.72% (Asia: 63.75%); a
    # wrong share is not flagged: the partners are read from the sentence before, not certainly.
    e = moscow()
    e = e[(e["flow"] == "export") & (e["year"] == 2020)]
    two = e[e["partner"].isin(["CHN", "JPN"])]["value_usd"].sum() / e["value_usd"].sum()
    assert 100 * two == pytest.approx(44.72, abs=0.005)
    text = ("Moscow's exports in 2020. China took $563m of the city's goods and Japan $512m. "
            f"Between them the two Asian neighbours bought about {said}% of what Moscow sold "
            "abroad.")  # fmt: skip
    r = find(claims.check(corpus, text), f"{said}%")
    assert set(r.claim.subject.partners) == {"CHN", "JPN"}, r.reason
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(("said", "verdict"), [("2,6", "supported"), ("3,5", "contradicted")])
def test_a_span_of_years_after_a_level_with_a_decimal_comma_ends_in_the_texts_year(
    corpus, said, verdict
):
    # Imports 1,750 million in 2018 and 4,586 million in 2021: x2.62 (2015 to 2018: x1.20).
    m = portugal_mn("import")
    assert m[2021] / m[2018] == pytest.approx(2.62, abs=0.005)
    assert m[2018] / m[2015] == pytest.approx(1.20, abs=0.005)
    text = ("Импорт Португалии в 2021 году — 4,6 млрд долл. Для сравнения: в 2018-м закупки "
            f"составляли 1,75 млрд, то есть рост в {said} раза за три года.")  # fmt: skip
    r = find(claims.check(corpus, text), f"в {said} раза")
    assert (r.claim.period.year, r.claim.period.compare) == (2021, 2018), r.reason
    assert r.verdict == verdict, r.reason
    assert verdict != "contradicted" or r.verdict in RED


@pytest.mark.parametrize(("said", "verdict"), [("555", "supported"), ("300", "contradicted")])
def test_a_change_in_dollars_with_a_qualifier_is_a_change(corpus, said, verdict):
    # 2020 against 2019: 1,849.11 -> 2,403.84 million, 554.73 million more.
    e = moscow_exports() / 1e6
    assert e[2020] - e[2019] == pytest.approx(554.73, abs=0.005)
    for text, words in [
        (f"Moscow's exports in 2020 came to $2.4bn; they grew by about ${said}m on 2019.",
         f"${said}m"),
        (f"Moscow's exports in 2020: $2,403.8m. The net increase, roughly ${said}m, was "
         "the largest on record.", f"${said}m"),
    ]:  # fmt: skip
        r = find(claims.check(corpus, text), words)
        assert r.claim.kind == "change", r.reason
        assert r.verdict == verdict, (text, r.reason)


@pytest.mark.parametrize(("said", "verdict"), [("1,04", "supported"), ("1,5", "contradicted")])
def test_a_change_after_a_qualifier_and_na_is_a_change(corpus, said, verdict):
    # Portugal's exports: 3,461.54 million in 2020, 4,500 million in 2021 (+1,038.46 million).
    x = portugal_mn("export")
    assert x[2021] - x[2020] == pytest.approx(1038.46, abs=0.005)
    text = f"Экспорт Португалии в 2021 году вырос примерно на {said} млрд долл., до 4,5 млрд."
    r = find(claims.check(corpus, text), f"{said} млрд")
    assert r.claim.kind == "change", r.reason
    assert r.verdict == verdict, r.reason


def test_then_come_in_a_list_is_no_year_of_the_sentence_before(corpus):
    # 2004 imports: cereals 152.50 million, maize 132.59 (2002: 109.27 both).
    cereals, maize = chile_mn("import", "10"), chile_mn("import", "1005")
    assert (round(cereals[2004], 2), round(maize[2004], 2)) == (152.50, 132.59)
    assert round(maize[2002], 2) == 109.27
    text = ("Chile's trade with Argentina in 2004. Chile bought over twice as much from Argentina "
            "as in 2002.\n\nMost of what Chile buys is fuel. Then come cereal imports worth some "
            "$152m, with maize at about $133m.")  # fmt: skip
    results = claims.check(corpus, text)
    for words in ("$152m", "$133m"):
        r = find(results, words)
        assert r.claim.period.year == 2004, r.reason
        assert r.verdict == "supported", r.reason


def test_a_remark_in_brackets_dates_itself_not_the_figure(corpus):
    # HS 2711 imports: 612.56 million in 2004, none in 2002.
    gas = chile_mn("import", "2711")
    assert round(gas[2004], 2) == 612.56
    text = (
        "Chile's imports from Argentina, 2004. Chile bought fuels worth $917m from "
        "Argentina. Petroleum gases (not a dollar of them was bought in 2002) came to $613m."
    )
    r = find(claims.check(corpus, text), "$613m")
    assert r.claim.period.year == 2004, r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("Chile bought passenger cars worth $81m from Argentina in 2004.", "$81m", "supported"),
        ("Chile bought passenger cars worth $119m from Argentina in 2004.", "$119m",
         "contradicted"),
        ("В 2004 году Чили ввезла из Аргентины легковых автомобилей на 81 млн долл.", "81 млн",
         "supported"),
    ],
)  # fmt: skip
def test_passenger_cars_are_heading_8703(corpus, text, words, verdict):
    # 2004 imports: heading 8703 80.91 million; chapter 87 119.00 million.
    assert round(chile_mn("import", "8703")[2004], 2) == 80.91
    assert round(chile_mn("import", "87")[2004], 2) == 119.00
    r = find(claims.check(corpus, text), words)
    assert r.claim.subject.products == ("passenger cars",), r.reason
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "words", "goods"),
    [
        ("В 2004 году вывоз фармацевтики из Чили в Аргентину вырос почти вчетверо против 2002 "
         "года.", "вчетверо", "pharmaceuticals"),
        ("In 2004 Chile bought margarine and other edible fats worth $151m from Argentina.",
         "$151m", "vegetable oils"),
    ],
)  # fmt: skip
def test_goods_said_in_other_words(corpus, text, words, goods):
    # Exports of HS 30: 3.34 -> 13.24 million (x3.97); imports of HS 15 in 2004: 151.27 million.
    pharma = chile_mn("export", "30")
    assert pharma[2004] / pharma[2002] == pytest.approx(3.97, abs=0.005)
    assert round(chile_mn("import", "15")[2004], 2) == 151.27
    r = find(claims.check(corpus, text), words)
    # "margarine and other edible fats": margarine (heading 1517) with the rest of chapter 15.
    assert goods in r.claim.subject.products, r.reason
    assert r.verdict == "supported", r.reason


def test_most_of_all_is_no_change(corpus):
    # Imports of HS 27 in 2004: 917.23 million.
    assert round(chile_mn("import", "27")[2004], 2) == 917.23
    text = "В 2004 году больше всего Чили ввезла из Аргентины топлива: почти на 920 млн долларов."
    r = find(claims.check(corpus, text), "920 млн")
    assert r.claim.kind == "amount", r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(("said", "verdict"), [("64", "supported"), ("46", "contradicted")])
def test_a_year_after_a_head_and_chto_dates_the_figures(corpus, said, verdict):
    # 2019 against 2018: exports 1,400 -> 2,600 million (+85.71%), imports 1,750 -> 2,870
    # (+64.00%).
    x, m = portugal_mn("export"), portugal_mn("import")
    assert 100 * (x[2019] / x[2018] - 1) == pytest.approx(85.71, abs=0.005)
    assert 100 * (m[2019] / m[2018] - 1) == pytest.approx(64.00, abs=0.005)
    text = ("Португалия: технологическая торговля, 2021 год.\n\nПримечательно, что в 2019 г. "
            f"экспорт, по нашим данным, вырос на 86%, а импорт — на {said}%.")  # fmt: skip
    results = claims.check(corpus, text)
    r = find(results, f"на {said}%")
    assert r.claim.period.year == 2019, r.reason
    assert r.verdict == verdict, r.reason
    assert find(results, "на 86%").verdict == "supported"


@pytest.mark.parametrize(("said", "verdict"), [("three and a half", "supported"),
                                               ("five", "unverifiable")])  # fmt: skip
def test_times_the_old_figure_is_against_the_level_said_before(corpus, said, verdict):
    # Imports: 1,260 million in 2010, 4,586 million in 2021 (x3.64; 2020: 3,651.5, x1.26).
    m = portugal_mn("import")
    assert m[2021] / m[2010] == pytest.approx(3.64, abs=0.005)
    text = (
        "Portugal's technology trade in 2021.\n\nBack in 2010 Portugal's imports stood at "
        f"$1.26bn. In 2021 they reached $4.59bn, more than {said} times the old figure."
    )
    r = find(claims.check(corpus, text), "times")
    assert r.claim.period.compare == 2010, r.reason
    # A wrong multiple is not flagged: which level "the old figure" is, is not certain.
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("Moscow's exports in 2020. Machinery sales rose 18%, yet their share slipped below half.",
         "below half", "supported"),
        ("Экспорт Москвы в 2020 году. Машины прибавили 18%, но их доля опустилась ниже половины.",
         "половины", "supported"),
        # Below a third is wrong; "machinery" is read loosely, so it is not flagged either.
        ("Экспорт Москвы в 2020 году. Машины прибавили 18%, но их доля опустилась ниже трети.",
         "трети", "unverifiable"),
    ],
)  # fmt: skip
def test_a_share_fallen_below_a_fraction_is_a_share(corpus, text, words, verdict):
    # HS 84 in Moscow's exports: 51.05% in 2019, 46.43% in 2020.
    m = moscow()
    m = m[m["year"] == 2020]
    part = m[m["product"].str.zfill(6).str.startswith("84")]["value_usd"].sum()
    assert 100 * part / m["value_usd"].sum() == pytest.approx(46.43, abs=0.005)
    r = find(claims.check(corpus, text), words)
    assert r.claim.kind == "share", r.reason
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moscow's exports in 2020. From July to December they came to $1.25bn, up 32%; in "
         "October exports reached $217m, {said}% above the same month of 2019.", "{said}%"),
        ("Экспорт Москвы в 2020 году. За второе полугодие — 1,25 млрд долл., рост на 32%; в "
         "октябре отгрузки составили 217 млн долл., на {said}% больше, чем годом ранее.",
         "на {said}%"),
    ],
)  # fmt: skip
@pytest.mark.parametrize(("said", "verdict"), [("34", "supported"), ("40", "contradicted")])
def test_a_rate_opening_its_clause_is_of_the_month_of_the_clause_before(
    corpus, text, words, said, verdict
):
    # October 2020 against October 2019: 161.80 -> 217.25 million (+34.27%); July-December:
    # +32.19%.
    m = moscow()
    oct_ = m[m["month"] == 10].groupby("year")["value_usd"].sum()
    assert 100 * (oct_[2020] / oct_[2019] - 1) == pytest.approx(34.27, abs=0.005)
    r = find(claims.check(corpus, text.format(said=said)), words.format(said=said))
    assert r.claim.period.months == (10, 10), r.reason
    # The English sentence's goods are read as not named (default): a wrong rate is not flagged
    # there, never supported either.
    english = "October" in text
    assert r.verdict == ("unverifiable" if english and verdict != "supported" else verdict), (
        r.reason
    )
