"""Round 10 readings (sentences written for these tests).

Expected figures come from pandas on the raw files: bench/check_corpus/data/portugal-tech.csv
(a constructed technology series of Portugal, 2001-2021), examples/moscow-2020/flows.csv
(Moscow's exports by month, 2019-2020) and the Chile-Argentina sample (src/hitex/demo/data).
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex
import hitex.report.claims as claims
from hitex import demo
from hitex.report.claims import parse, verify
from hitex.report.claims.resolve import Context, period
from tests.report.claims._shared import MOSCOW, PORTUGAL
from tests.report.claims._shared import by_span as _by_span
from tests.report.claims._shared import ru as _ru


def _portugal() -> pd.DataFrame:
    p = pd.read_csv(PORTUGAL)
    return p.groupby(["year", "flow"])["value_usd"].sum().unstack()


def _chile_imports(chapter: str, year: int) -> float:
    c = pd.concat([pd.read_csv(f, dtype={"product": str}) for f in demo.files()])
    c = c[(c["flow"] == "import") & (c["year"] == year) & c["product"].str.startswith(chapter)]
    return float(c["value_usd"].sum())


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("Exports covered 98% of imports in 2021, against 79% in 2006.", "79%"),
        ("Chilean exports covered just 13% of imports in 2004, down from 21% in 2002.", "21%"),
        ("Экспорт покрывал 98% импорта в 2021 году против 79% в 2006 году.", "79%"),
    ],
)
def test_a_share_set_against_a_share_is_a_share_not_a_growth(text, second):
    kinds = {f.claim.span.strip(): f.claim.kind for f in parse.parse(text)}
    assert kinds[second] == "share"
    # A rate set against a rate stays a rate.
    rates = parse.parse("Exports rose 30% in 2021, against 12% in 2020.")
    assert [f.claim.kind for f in rates] == ["growth", "growth"]


def test_a_share_of_another_year_is_no_red_flag(corpus):
    text = ("Portugal's technology exports reached $4.5 billion in 2021 and now finance 98% of "
            "technology imports, against 79% in 2006.")  # fmt: skip
    got = _by_span(claims.check(corpus, text, reporter="PRT"))
    assert got["79%"].claim.kind == "share"
    assert got["79%"].verdict not in ("contradicted", "inconsistent")


def test_a_year_said_as_the_subject_dates_the_sentence(corpus):
    balance = _portugal()["export"] - _portugal()["import"]
    worst = -balance[2012] / 1e6
    assert worst == pytest.approx(470)
    assert all(-balance[y] < -balance[2012] for y in range(2004, 2012))  # highest since 2003
    text = (f"Дефицит торговли Португалии в 2017 году составил {-balance[2017] / 1e6:.0f} млн "
            f"долларов. Худшим стал 2012 год: дефицит подскочил до {worst:.0f} млн долларов — "
            "максимума с 2003 года.")  # fmt: skip
    results = claims.check(corpus, text, reporter="PRT")
    late = [r for r in results if "2012" not in r.claim.sentence or r.claim.kind != "amount"]
    amount = next(r for r in results if r.claim.span.startswith(f"{worst:.0f}"))
    assert amount.claim.period.year == 2012
    assert amount.verdict == "supported"
    extreme = next(r for r in results if r.claim.kind == "extreme")
    assert (extreme.claim.period.year, extreme.verdict) == (2012, "supported")
    assert late  # the 2017 figure stays 2017's
    assert results[0].claim.period.year == 2017


def test_the_end_of_a_span_is_no_year_of_the_figure():
    # "по 2016 год" ends a span: the year the figure is of is not read from it.
    assert parse.parse("С 2011 по 2016 год экспорт вырос на 22%.")[0].claim.kind == "growth"
    text = "С 2011 по 2016 год экспорт вырос на 22%."
    at = text.index("на 22%")
    got = period(text, "growth", Context("PRT", 2017), at=(at, at + 6))
    assert (got.year, got.compare) == (2016, 2011)


def test_a_span_of_the_sentence_before_goes_on_uncertainly(corpus):
    p = _portugal()
    rate = 100 * (p.loc[2016, "import"] / p.loc[2011, "import"] - 1)
    assert round(rate) == 15
    lead = (f"За пять лет, с 2011 по 2016 год, экспорт увеличился с {p.loc[2011, 'export'] / 1e6:.0f}"
            f" до {p.loc[2016, 'export'] / 1e6:.0f} млн долларов. ")  # fmt: skip
    right = lead + (f"Импорт рос медленнее — на {rate:.0f}%, до {p.loc[2016, 'import'] / 1e6:.0f} "
                    "млн долларов.")  # fmt: skip
    got = _by_span(claims.check(corpus, right, reporter="PRT"))
    assert (got[f"на {rate:.0f}%"].claim.period.year, got[f"на {rate:.0f}%"].claim.period.compare) \
        == (2016, 2011)  # fmt: skip
    assert got[f"на {rate:.0f}%"].verdict == "supported"
    assert got[f"{p.loc[2016, 'import'] / 1e6:.0f} млн долларов"].verdict == "supported"
    # The span is carried, not read: a wrong rate is no red flag.
    wrong = lead + "Импорт рос медленнее — на 5%."
    got = _by_span(claims.check(corpus, wrong, reporter="PRT"))
    assert got["на 5%"].verdict == "unverifiable"


@pytest.mark.parametrize(
    ("words", "years"),
    [("over two decades", 20), ("over the last decade", 10), ("за два десятилетия", 20)],
)
def test_decades_are_the_span_of_a_multiple(corpus, words, years):
    p = _portugal()
    turnover = p["export"] + p["import"]
    x = turnover[2021] / turnover[2021 - years]
    text = f"In 2021 Portugal's technology turnover grew {x:.1f} times {words}."
    if words.startswith("за"):
        text = f"В 2021 году товарооборот Португалии вырос в {_ru(x)} раза {words}."
    (r,) = claims.check(corpus, text, reporter="PRT")
    assert (r.claim.period.year, r.claim.period.compare) == (2021, 2021 - years)
    assert r.verdict == "supported"


def test_a_rank_takes_the_goods_of_its_own_words(corpus):
    cereals, fats = _chile_imports("10", 2004), _chile_imports("15", 2004)
    text = (f"Among Chile's imports from Argentina in 2004, cereals (chapter 10) came second "
            f"with ${cereals / 1e6:.1f}m, whereas fats (chapter 15), at ${fats / 1e6:.1f}m, were "
            "third.")  # fmt: skip
    got = _by_span(claims.check(corpus, text, reporter="CHL"))
    first = got[f"${cereals / 1e6:.1f}m"]
    assert first.claim.subject.products == ("HS 10",)
    assert first.verdict == "supported"
    assert got[f"${fats / 1e6:.1f}m"].verdict == "supported"


def _moscow_months(first: int, last: int) -> float:
    m = pd.read_csv(MOSCOW)
    m = m[(m["flow"] == "export") & (m["year"] == 2020) & m["month"].between(first, last)]
    return float(m["value_usd"].sum())


def test_one_month_of_the_claims_clause(corpus):
    december = _moscow_months(12, 12)
    text = (
        f"В 2020 году экспорт Москвы вырос. Во втором полугодии темп прироста достиг 40%, а в "
        f"декабре предприятия отгрузили продукции на {_ru(december / 1e6)} млн долларов."
    )
    got = _by_span(claims.check(corpus, text, reporter="RU-MOW"))
    r = got[f"{_ru(december / 1e6)} млн долларов"]
    assert (r.claim.kind, r.claim.period.months) == ("amount", (12, 12))
    assert r.verdict == "supported"
    # A month that dates a statement in another clause is not the figure's.
    (r,) = claims.check(corpus, "In December, officials said Moscow's exports reached "
                        f"${_moscow_months(1, 12) / 1e9:.2f} billion in 2020.",
                        reporter="RU-MOW")  # fmt: skip
    assert r.claim.period.months is None


def test_gear_is_goods_in_general(corpus):
    monthly = _moscow_months(9, 12) / 4
    text = (f"In 2020, in every month from September to December the city shipped "
            f"${monthly / 1e6:.0f}m of gear.")  # fmt: skip
    (r,) = claims.check(corpus, text, reporter="RU-MOW")
    assert r.claim.understood
    assert r.verdict == "supported"


@pytest.mark.parametrize(
    ("before", "way"),
    [
        ("exports rose to ", "up"),
        ("exports went up to ", "up"),
        ("дефицит подскочил до ", "up"),
        ("импорт снизился до ", "down"),
        ("exports slipped to ", "down"),
        ("the deficit narrowed sharply to ", "down"),
        ("contracts worth up to ", None),
        ("exports of ", None),
    ],
)
def test_moved_to_reads_the_words_of_growth_and_fall(before, way):
    assert verify.moved_to(before) == way


def test_the_words_of_a_move_are_the_words_of_a_rate():
    # One list of words: a verb read for an amount moved "to" is read for a rate too.
    assert [f.claim.kind for f in parse.parse("Импорт подскочил на 38%.")] == ["growth"]
    assert parse.parse("Exports slipped 4%.")[0].claim.quantity.value == -4.0


def test_a_balance_wrong_either_way_is_flagged_whatever_its_side(corpus):
    b = _portugal()["export"] - _portugal()["import"]
    assert -b[2008] / 1e6 == pytest.approx(430)
    text = (f"In 2021 the deficit was just ${-b[2021] / 1e6:.0f} million. In 2008 it had reached "
            "$990 million.")  # fmt: skip
    got = _by_span(claims.check(corpus, text, reporter="PRT"))
    wrong = got["$990 million"]
    assert wrong.claim.how("side") == "paragraph"
    assert (wrong.verdict, wrong.any_side) == ("contradicted", True)
    right = text.replace("$990 million", f"${-b[2008] / 1e6:.0f} million")
    got = _by_span(claims.check(corpus, right, reporter="PRT"))
    assert got[f"${-b[2008] / 1e6:.0f} million"].any_side is False


def _partner_balance(partner: str, year: int) -> float:
    p = pd.read_csv(PORTUGAL)
    p = p[(p["partner"] == partner) & (p["year"] == year)]
    flows = p.groupby("flow")["value_usd"].sum()
    return float(flows["export"] - flows["import"])


def test_a_balance_word_right_after_the_figure_wins_over_a_flow_before(corpus):
    usa = _partner_balance("USA", 2021)
    assert usa < 0
    text = (f"In 2021 we imported ${-usa / 1e6 + 270:.0f} million from the United States, so with "
            f"America alone we run a ${-usa / 1e6:.0f} million deficit.")  # fmt: skip
    got = _by_span(claims.check(corpus, text, reporter="PRT"))
    r = got[f"${-usa / 1e6:.0f} million"]
    assert (r.claim.subject.flow, r.claim.subject.partners) == ("balance", ("USA",))
    assert r.verdict == "supported"


def test_the_gap_with_imports_is_the_balance(corpus):
    b = _portugal()["export"] - _portugal()["import"]
    text = (
        f"В 2017 году, когда вывоз составил {_ru(_portugal().loc[2017, 'export'] / 1e9)} млрд, "
        f"разрыв с импортом был значительным — {-b[2017] / 1e6:.0f} млн долларов."
    )
    got = _by_span(claims.check(corpus, text, reporter="PRT"))
    r = got[f"{-b[2017] / 1e6:.0f} млн долларов"]
    assert r.claim.subject.flow == "balance"
    assert r.verdict != "contradicted"


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        (
            "Not every sector shared the gain: iron and steel fell 61% to $6.6 million.",
            "fell 61%",
            "growth",
        ),
        ("Germany's share rose to 13.8% in 2021.", "13.8%", "share"),
        (
            "Dairy products lost almost two-thirds of their value.",
            "lost almost two-thirds",
            "growth",
        ),
        ("Exports rose to two thirds of the total.", "two thirds", "share"),
    ],
)
def test_a_verb_of_growth_after_a_word_of_share_makes_a_rate(text, span, kind):
    got = {f.claim.span.strip(): f.claim for f in parse.parse(text)}
    assert got[span].kind == kind


def test_a_fraction_with_no_word_of_change_is_no_growth():
    (f,) = parse.parse("Argentina's share of all imports, put at around a fifth, is not known.")
    assert not f.claim.understood
    (f,) = parse.parse("Exports grew by a third.")
    assert f.claim.kind == "growth"


def test_fractions_of_one_list_are_shares(corpus):
    m = pd.read_csv(MOSCOW, dtype={"product": str})
    m = m[(m["flow"] == "export") & (m["year"] == 2020)]
    share = m.groupby(m["product"].str[:2])["value_usd"].sum() / m["value_usd"].sum()
    assert 0.4 < share["84"] < 0.5
    assert 0.3 < share["85"] < 0.37
    assert 0.21 < share["90"] < 0.224
    text = ("In 2020 Moscow's exports grew. Machinery (chapter 84) made up more than two fifths of "
            "the total, electrical equipment (chapter 85) about a third, and optical and medical "
            "instruments (chapter 90) about a fifth.")  # fmt: skip
    got = _by_span(claims.check(corpus, text, reporter="RU-MOW"))
    # "about a fifth" allows what "a fifth" does (18-22.4%): 21.4% is about a fifth.
    assert [got[s].claim.kind for s in ("about a third", "about a fifth")] == ["share", "share"]
    assert got["about a fifth"].verdict == "supported"


def test_since_then_is_against_the_year_of_the_sentence_before(corpus):
    p = _portugal()
    imports = 100 * (p.loc[2021, "import"] / p.loc[2019, "import"] - 1)
    exports = 100 * (p.loc[2021, "export"] / p.loc[2019, "export"] - 1)
    text = (
        f"Portugal's exports reached $4.5 billion in 2021. The decisive year was 2019, when "
        f"exports nearly doubled to ${p.loc[2019, 'export'] / 1e9:.1f} billion. Since then, "
        f"purchases abroad have risen by {imports:.0f}% and sales by {exports:.0f}%."
    )
    got = _by_span(claims.check(corpus, text, reporter="PRT"))
    assert got[f"${p.loc[2019, 'export'] / 1e9:.1f} billion"].claim.period.year == 2019
    r = got[f"risen by {imports:.0f}%"]
    assert ((r.claim.period.year, r.claim.period.compare), r.verdict) == ((2021, 2019), "supported")
    assert got[f"by {exports:.0f}%"].verdict == "supported"
    wrong = text.replace(f"by {exports:.0f}%", "by 20%")
    assert _by_span(claims.check(corpus, wrong, reporter="PRT"))["by 20%"].verdict == "unverifiable"


def test_the_same_period_is_the_span_of_the_claim_before(corpus):
    p = _portugal()
    x = p.loc[2021, "import"] / p.loc[2018, "import"]
    text = (f"По итогам 2021 года экспорт составил 4,5 млрд долл., что в 3,2 раза больше, чем в "
            f"2018-м. Импорт за тот же период вырос в {_ru(x)} раза.")  # fmt: skip
    got = _by_span(claims.check(corpus, text, reporter="PRT"))
    r = got[f"вырос в {_ru(x)} раза"]
    assert ((r.claim.period.year, r.claim.period.compare), r.verdict) == ((2021, 2018), "supported")


def test_an_amount_takes_the_year_named_nearest_before_it(corpus):
    p = _portugal()
    text = (f"В 2019 году ее экспорт вырос на 85,7%, до {_ru(p.loc[2019, 'export'] / 1e9)} млрд "
            f"долл., в 2020-м — еще на треть, до {p.loc[2020, 'export'] / 1e9:.2f} млрд долл."
            ).replace(".46 ", ",46 ")  # fmt: skip
    results = claims.check(corpus, text, reporter="PRT")
    amounts = [r for r in results if r.claim.kind == "amount"]
    assert [r.claim.period.year for r in amounts] == [2019, 2020]
    assert [r.verdict for r in amounts] == ["supported", "supported"]


def test_then_answers_the_year_the_question_names(corpus):
    p = _portugal()
    rate = 100 * (p.loc[2003, "import"] / p.loc[2002, "import"] - 1)
    text = (f"Экспорт Португалии в 2010 году составил 990 млн долларов.\n\nА как было в 2003 году?"
            f"\n\nТогда импорт подскочил на {rate:.0f}%, до {p.loc[2003, 'import'] / 1e6:.0f} млн "
            "долларов.")  # fmt: skip
    got = _by_span(claims.check(corpus, text, reporter="PRT"))
    r = got[f"подскочил на {rate:.0f}%"]
    assert ((r.claim.period.year, r.claim.period.compare), r.verdict) == ((2003, 2002), "supported")
    assert r.claim.how("year") == "paragraph"


def test_each_before_a_colon_is_not_the_figures(corpus):
    text = ("В 2021 году по каждой из трёх позиций Португалия ввозит больше, чем вывозит: по "
            "интегральным схемам (позиция 8542) дефицит составил 43 млн долларов.")  # fmt: skip
    (r,) = [r for r in claims.check(corpus, text, reporter="PRT") if r.claim.kind == "amount"]
    assert r.claim.aggregation == "sum"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Germany is our second market.", 2),
        ("India came fourth among all destinations.", 4),
        ("Belarus was sixth among buyers.", 6),
        ("Kazakhstan, third overall, bought more.", 3),
        ("The Netherlands comes third.", 3),
    ],
)
def test_ordinals_of_partners_are_ranks(text, place):
    (f,) = parse.parse(text)
    assert (f.claim.kind, f.claim.quantity.value) == ("rank", place)


def test_a_rank_read_from_an_ordinal_is_checked(corpus):
    m = pd.read_csv(MOSCOW)
    by = m[(m["flow"] == "export") & (m["year"] == 2020)].groupby("partner")["value_usd"].sum()
    order = list(by.sort_values(ascending=False).index)
    assert order[1] == "JPN"
    words = ["first", "second", "third"]
    right = f"In 2020 Japan was Moscow's {words[order.index('JPN')]} market for exports."
    (r,) = claims.check(corpus, right, reporter="RU-MOW")
    assert r.verdict == "supported"


def test_a_verb_before_purchases_names_no_goods(corpus):
    m = pd.read_csv(MOSCOW)
    kaz = m[(m["flow"] == "export") & (m["partner"] == "KAZ")].groupby("year")["value_usd"].sum()
    rate = 100 * (kaz[2020] / kaz[2019] - 1)
    text = (f"In 2020 Kazakhstan, where we opened a service centre, increased purchases by "
            f"{rate:.0f}%, to ${kaz[2020] / 1e6:.0f} million.")  # fmt: skip
    got = _by_span(claims.check(corpus, text, reporter="RU-MOW"))
    assert got[f"by {rate:.0f}%"].verdict == "supported"
    assert got[f"${kaz[2020] / 1e6:.0f} million"].verdict == "supported"


def test_a_year_after_an_adjective_dates_the_figure(corpus):
    p = _portugal()
    rate = 100 * (p.loc[2008, "import"] / p.loc[2007, "import"] - 1)
    text = f"В кризисном 2008-м импорт Португалии вырос на {rate:.0f}%."
    (r,) = claims.check(corpus, text, reporter="PRT")
    assert (r.claim.period.year, r.verdict) == (2008, "supported")


def test_a_fraction_above_a_level_is_a_rate():
    found = parse.parse("The city exported $217 million a month, a quarter above late 2019.")
    assert [f.claim.kind for f in found] == ["amount", "growth"]


def test_half_a_billion_dollars_is_an_amount(corpus):
    m = pd.read_csv(MOSCOW, dtype={"product": str})
    m = m[(m["flow"] == "export") & (m["year"] == 2020) & m["product"].str.startswith("90")]
    assert m["value_usd"].sum() > 5e8
    text = "In 2020 Moscow's instruments of chapter 90 brought in over half a billion dollars."
    (r,) = claims.check(corpus, text, reporter="RU-MOW")
    assert (r.claim.kind, r.verdict) == ("amount", "supported")


def test_a_span_of_a_later_clause_is_not_the_claims(corpus):
    p = _portugal()
    x = p.loc[2021, "export"] / p.loc[2001, "export"]
    assert 7 < x < 8
    text = ("In 2021, exports reached $4.5 billion: over seven times the $620 million shipped in "
            "2001, and more than quadrupled over the last decade alone.")  # fmt: skip
    got = _by_span(claims.check(corpus, text, reporter="PRT"))
    assert got["over seven times"].claim.period.compare == 2001
    assert got["over seven times"].verdict == "supported"


def test_a_share_named_before_a_colon_keeps_its_figures_shares():
    found = parse.parse("Удельный вес Азии увеличился: 62,1% годом ранее против 63,8% теперь.")
    assert [f.claim.kind for f in found] == ["share", "share"]


def test_against_is_no_verb_of_gain():
    found = parse.parse("Exports covered 98% of imports, against 79% in 2006.")
    assert [f.claim.span.strip() for f in found] == ["98%", "79%"]


def test_by_inside_a_qualifier_makes_a_fraction_a_rate():
    found = parse.parse("Импорт вырос более чем вдвое, а экспорт — более чем на треть.")
    assert [f.claim.kind for f in found] == ["multiple", "growth"]


def test_a_rate_set_against_a_rate_is_a_rate_of_another_period(corpus):
    m = pd.read_csv(MOSCOW)
    m = m[m["flow"] == "export"].groupby(["year", "month"])["value_usd"].sum()
    h1 = 100 * (m[2020].loc[1:6].sum() / m[2019].loc[1:6].sum() - 1)
    h2 = 100 * (m[2020].loc[7:12].sum() / m[2019].loc[7:12].sum() - 1)
    text = (f"In 2020 Moscow's shipments from July to December were {h2:.0f}% above the same "
            f"period of 2019, against {h1:.1f}% in January-June.")  # fmt: skip
    got = _by_span(claims.check(corpus, text, reporter="RU-MOW"))
    r = got[f"{h1:.1f}%"]
    assert (r.claim.kind, r.claim.period.months, r.verdict) == ("growth", (1, 6), "supported")


def test_the_same_period_that_agrees_with_the_year_read_keeps_it_certain(corpus):
    c = pd.concat([pd.read_csv(f) for f in demo.files()])
    e = c[(c["flow"] == "export") & (c["partner"] == "ARG")].groupby("year")["value_usd"].sum()
    assert round(100 * (e[2004] / e[2002] - 1)) == 38
    text = (
        "Импорт Чили из Аргентины в 2004 году составил 2,04 млрд долларов — в 2,2 раза "
        "больше, чем в 2002 году. Экспорт Чили в Аргентину за тот же период вырос на 45%."
    )
    got = _by_span(claims.check(corpus, text, reporter="CHL"))
    assert got["вырос на 45%"].verdict == "contradicted"  # 38%, a wrong rate stays flagged


# -- a reporter named by its capital alone (a dateline) ----------------------------------------


def test_a_dateline_capital_names_the_reporter_where_no_country_is_named(corpus):
    from hitex.report.claims.check import infer_reporter  # noqa: PLC0415

    release = (
        "Lisbon, 15 February 2022 | For immediate release\n\n"
        "Clearances of technology goods bound for foreign buyers reached USD 4,500 million "
        "last year, 30 per cent above the 2020 level."
    )
    assert infer_reporter(corpus, release) == "PRT"
    p = _portugal()
    assert p.loc[2021, "export"] == pytest.approx(4_500e6)  # the raw file, not hitex
    assert p.loc[2021, "export"] / p.loc[2020, "export"] - 1 == pytest.approx(0.30, abs=5e-4)
    got = _by_span(claims.check(corpus, release))
    assert got["USD 4,500 million"].verdict == "supported"
    assert got["30 per cent"].verdict == "supported"


def test_a_capital_never_outweighs_a_country_named():
    # Written in Lisbon about Chile: the country named wins over the place of writing.
    from hitex.report.claims.check import infer_reporter  # noqa: PLC0415

    s = hitex.open(":memory:")
    try:
        s.load([*demo.files(), PORTUGAL], format="flows")
        text = "Lisbon, 3 May 2005. Chile's exports to Argentina grew in 2004, Lisbon analysts say."
        assert infer_reporter(s, text) == "CHL"
        with pytest.raises(hitex.HitexError, match="Give --reporter"):
            infer_reporter(s, "Exports grew in 2004, analysts say.")
    finally:
        s.close()


# -- a date is not the year of the sentences after it ----------------------------------------


@pytest.mark.parametrize("sep", [". ", "\n\n"])
def test_a_dated_first_sentence_gives_no_year_to_the_claims_after_it(corpus, sep):
    # "last year" of a text written on 3 March 2021 is 2020, whether the date stands on its own
    # line or opens the paragraph.
    text = (f"Moscow, 3 March 2021{sep}Exports of the city reached $2.4 billion last year, "
            "up 30%; China bought $563 million.")  # fmt: skip
    m = pd.read_csv(MOSCOW)
    by_year = m.groupby("year")["value_usd"].sum()
    china = m[(m["year"] == 2020) & (m["partner"] == "CHN")]["value_usd"].sum()
    assert round(by_year[2020] / 1e9, 1) == 2.4  # the raw file, not hitex
    assert round(100 * (by_year[2020] / by_year[2019] - 1)) == 30
    assert round(china / 1e6) == 563
    got = _by_span(claims.check(corpus, text, reporter="RU-MOW"))
    assert {k: r.verdict for k, r in got.items()} == {
        "$2.4 billion": "supported", "up 30%": "supported", "$563 million": "supported"
    }  # fmt: skip
    assert all(r.claim.period.year == 2020 for r in got.values())
