"""Round 21r: comparisons, multiples, changes and shares read as the words set them.

- A change named by its noun and sized by a verb («прирост составил 555 млн», "the decline on
  2008 came to $80 million") is the change, not the level of the base year.
- A multiple said downwards («вдвое меньше, чем в 2002 г.», "three times smaller") is a
  fraction of the base.
- «Обратный поток», "the return flow": the multiple sets the two flows of one year against each
  other (which one the text told first is not certain: never flagged).
- A partner that brings goods («привозила») supplies the reporter: its imports.
- A share of a goods group («треть вывоза машин», «31% машиностроительного экспорта») is of
  that group's trade; a list of shares goes on with the whole said first.
- A partner's supplies as the whole of a share ("45% of all Argentine supplies") are the
  reporter's imports.
- A year before the trade's noun ("2016 exports were 51% higher than in 2006") dates it.
- «Покупки» are purchases (imports of the reporter).

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import (
    PORTUGAL,
    RED,
    chile_mn,
    find,
    moscow,
    moscow_exports,
    portugal_mn,
)


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    e, i = portugal_mn("export"), portugal_mn("import")
    m = moscow_exports() / 1e6
    p = pd.read_csv(PORTUGAL)
    partners = p[(p["year"] == 2021) & (p["flow"] == "import")].groupby("partner")["value_usd"]
    by = partners.sum() / 1e6
    mach = moscow("84")
    mach = mach[(mach["flow"] == "export") & (mach["year"] == 2020)]
    comp = mach[mach["product"].str.zfill(6).str.startswith("8471")]["value_usd"].sum()
    turb = mach[mach["product"].str.zfill(6).str.startswith("8411")]["value_usd"].sum()
    ci, ce = chile_mn("import"), chile_mn("export")
    out = {
        "prt_ex_2009_less_2008": e[2009] - e[2008],
        "prt_ex_2016_less_2015": e[2016] - e[2015],
        "mow_2020_less_2019": m[2020] - m[2019],
        "usa_over_jpn": by["USA"] / by["JPN"],
        "deu_over_nld": by["DEU"] / by["NLD"],
        "computers_in_machinery": 100 * comp / mach["value_usd"].sum(),
        "turbines_in_machinery": 100 * turb / mach["value_usd"].sum(),
        "chl_im_over_ex_2004": ci[2004] / ce[2004],
        "chl_wine_2004_over_2002": chile_mn("export", "2204")[2004]
        / chile_mn("export", "2204")[2002],
        "chl_fuels_in_imports_2004": 100 * chile_mn("import", "27")[2004] / ci[2004],
        "prt_ex_2016_on_2006": 100 * (e[2016] / e[2006] - 1),
        "prt_im_2016_on_2006": 100 * (i[2016] / i[2006] - 1),
        "prt_im_2021_on_2020": 100 * (i[2021] / i[2020] - 1),
    }
    assert round(out["prt_ex_2009_less_2008"]) == -80
    assert round(out["prt_ex_2016_less_2015"]) == 50
    assert round(out["mow_2020_less_2019"]) == 555
    assert round(out["usa_over_jpn"], 2) == 2.14
    assert round(out["deu_over_nld"], 2) == 2.0
    assert round(out["computers_in_machinery"], 1) == 23.0
    assert round(out["turbines_in_machinery"], 1) == 31.2
    assert round(out["chl_im_over_ex_2004"], 2) == 7.74
    assert round(out["chl_wine_2004_over_2002"], 3) == 0.443
    assert round(out["chl_fuels_in_imports_2004"], 1) == 45.1
    assert round(out["prt_ex_2016_on_2006"], 1) == 50.6
    assert round(out["prt_im_2016_on_2006"], 1) == 32.4
    assert round(out["prt_im_2021_on_2020"], 1) == 25.6
    return out


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("В 2020 году Москва экспортировала товаров на 2404 млн долларов; увеличение по "
         "сравнению с 2019 годом составило примерно 555 млн.", "555 млн", "supported"),
        ("Moscow sold $2,404 million of goods abroad in 2020; the gain over 2019 amounted to "
         "roughly $555 million.", "$555 million", "supported"),
        ("В 2016 году Португалия экспортировала на 1280 млн долларов, прирост к 2015-му "
         "составил 50 млн.", "50 млн", "supported"),
        ("In 2009 Portugal's exports came to $880 million; the decline on 2008 was $80 million.",
         "$80 million", "supported"),
        ("В 2009 году Португалия экспортировала на 880 млн долларов, снижение к 2008 году "
         "составило 80 млн.", "80 млн.", "supported"),
        # The same nouns with a wrong size: an error the data show.
        ("В 2016 году Португалия экспортировала на 1280 млн долларов, прирост к 2015-му "
         "составил 120 млн.", "120 млн", "contradicted"),
    ],
)  # fmt: skip
def test_a_change_named_by_its_noun_is_the_change(figures, corpus, text, words, verdict):
    reporter = "RU-MOW" if "Москв" in text or "Moscow" in text else "PRT"
    r = find(claims.check(corpus, text, reporter=reporter), words)
    assert r.claim.kind == "change", (r.claim.kind, r.reason)
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("Вина Чили в 2004 году продала Аргентине в 2,3 раза меньше, чем в 2002 г.",
         "в 2,3 раза", "supported"),
        ("Chile's wine exports in 2004 were more than two times smaller than in 2002.",
         "more than two times", "supported"),
        ("Вина Чили в 2004 году продала Аргентине втрое меньше, чем в 2002 г.", "втрое",
         "contradicted"),
    ],
)  # fmt: skip
def test_a_multiple_said_downwards_is_a_fraction_of_its_base(figures, corpus, text, words,
                                                              verdict):  # fmt: skip
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.claim.quantity is not None
    assert r.claim.quantity.value < 1, r.claim.quantity
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("В 2004 году Чили ввезла из Аргентины товаров на 2,04 млрд долларов, то есть "
         "обратный поток почти в восемь раз меньше.", "в восемь раз", "supported"),
        ("In 2004 Chile bought goods worth $2.04 billion from Argentina; the return flow was "
         "almost eight times smaller.", "eight times", "supported"),
        # Wrong, but which flow the text told first is not certain: never flagged.
        ("In 2004 Chile bought goods worth $2.04 billion from Argentina; the return flow was "
         "almost three times smaller.", "three times", "unverifiable"),
    ],
)  # fmt: skip
def test_the_return_flow_is_set_against_the_flow_told(figures, corpus, text, words, verdict):
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.claim.metric == "versus", r.claim.metric
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("В 2021 году Япония привозила Португалии вдвое меньше, чем США.", "вдвое", "supported"),
        ("В 2021 году Нидерланды привезли в Португалию втрое меньше, чем Германия.", "втрое",
         "contradicted"),
    ],
)  # fmt: skip
def test_a_partner_that_brings_goods_supplies_the_reporter(figures, corpus, text, words,
                                                            verdict):  # fmt: skip
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.claim.subject.flow == "import", r.reason
    assert r.verdict == verdict, r.reason


def test_a_share_of_a_goods_group_is_of_that_groups_trade(figures, corpus):
    text = ("В 2020 году компьютеры (8471) дают почти четверть вывоза машин, а газовые турбины "
            "(8411) — 31%.")  # fmt: skip
    results = claims.check(corpus, text, reporter="RU-MOW")
    quarter, turbines = find(results, "четверть"), find(results, "31%")
    for r in (quarter, turbines):
        assert r.claim.whole is not None
        assert r.claim.whole.products, r.reason
        assert r.verdict == "supported", r.reason
    english = "In 2020 computers (8471) made up almost a quarter of the city's machinery exports."
    r = find(claims.check(corpus, english, reporter="RU-MOW"), "quarter")
    assert r.verdict == "supported", r.reason
    # An adjective before the flow's noun: the whole is still the goods group's trade.
    text = "В 2020 году газовые турбины (8411) составили 31% машиностроительного экспорта."
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "31%")
    assert r.claim.kind == "share", r.reason
    assert r.verdict not in RED, r.reason


@pytest.mark.parametrize(
    "text",
    [
        "In 2004 fuels made up 45% of all Argentine shipments to Chile.",
        "В 2004 году на топливо пришлось 45% всех аргентинских поставок в Чили.",
    ],
)
def test_a_partners_supplies_as_a_whole_are_imports(figures, corpus, text):
    r = find(claims.check(corpus, text, reporter="CHL"), "45%")
    assert (r.claim.subject.flow, r.claim.whole.flow) == ("import", "import"), r.reason
    assert r.verdict == "supported", r.reason


def test_a_year_before_the_trades_noun_dates_it(figures, corpus):
    text = ("Exports reached $4.5 billion in 2021. One analyst noted that 2016 exports were 51% "
            "higher than in 2006, while imports grew only about 32%.")  # fmt: skip
    results = claims.check(corpus, text, reporter="PRT")
    for words in ("51%", "about 32%"):
        r = find(results, words)
        assert (r.claim.period.year, r.claim.period.compare) == (2016, 2006), r.reason
        assert r.verdict == "supported", r.reason


def test_purchases_are_the_reporters_imports(figures, corpus):
    text = "В 2021 году её продажи выросли на 30%, а покупки — на 25,6%."
    r = find(claims.check(corpus, text, reporter="PRT"), "25,6%")
    assert r.claim.subject.flow == "import", r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # The start is told in the paragraph before.
        ("In 2001 Portugal exported $620 million of goods and imported $690 million.\n\n"
         "Time passed. By 2008 its imports had doubled.", "doubled"),
        ("В 2001 году Португалия продала за границу товаров на 620 млн долларов, а купила на "
         "690 млн.\n\nВремя шло. К 2008-му её продажи выросли на 55%, а покупки удвоились. В "
         "2009-м продажи упали, а в 2011-м выручка впервые превысила миллиард.", "удвоились"),
    ],
)  # fmt: skip
def test_a_change_up_to_a_year_is_not_certainly_on_the_year_before(corpus, text, words):
    e, i = portugal_mn("export"), portugal_mn("import")
    # True from 2001, wrong on the year before: read on 2001 as a reading of its base.
    assert round(i[2008] / i[2001], 2) == 2.01
    assert round(100 * (e[2008] / e[2001] - 1), 1) == 54.8
    assert round(i[2008] / i[2007], 2) == 1.31
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.verdict not in RED, r.reason
    assert "2001" in r.reason, r.reason


@pytest.mark.parametrize(
    "text",
    [
        "В 2019 году вместе экспорт и импорт впервые превысили пять миллиардов долларов.",
        "In 2019 sales and purchases combined passed five billion dollars for the first time.",
    ],
)
def test_both_flows_said_together_are_the_turnover(corpus, text):
    by = portugal_mn("export") + portugal_mn("import")
    assert round(by[2019]) == 5470
    r = find(claims.check(corpus, text, reporter="PRT"), "пять" if "пять" in text else "five")
    assert r.claim.subject.flow == "turnover", r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("В 2021 году главным поставщиком Португалии был Китай, 1 834 млн долларов импорта; "
         "Япония приносит вшестеро меньше.", "вшестеро", "supported"),
        ("В 2021 году главным поставщиком Португалии был Китай, 1 834 млн долларов импорта; "
         "Япония приносит вдвое меньше.", "вдвое", "contradicted"),
    ],
)  # fmt: skip
def test_a_multiple_against_the_partner_of_the_clause_before(corpus, text, words, verdict):
    p = pd.read_csv(PORTUGAL)
    by = p[(p["year"] == 2021) & (p["flow"] == "import")].groupby("partner")["value_usd"].sum()
    assert round(by["CHN"] / by["JPN"], 2) == 5.71
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert (r.claim.subject.partners, r.claim.whole.partners) == (("CHN",), ("JPN",)), r.reason
    assert r.verdict == verdict, r.reason


def test_a_clause_joined_by_a_conjunction_dates_what_follows(corpus):
    e, i = portugal_mn("export"), portugal_mn("import")
    assert round(e[2011]) == 1050
    assert round(e[2019] + i[2019]) == 5470
    assert round(e[2011] + i[2011]) == 2290
    text = ("В 2011 году выручка Португалии впервые превысила миллиард долларов, а в 2019 году был "
            "большой рывок, и вместе экспорт и импорт впервые перевалили за пять миллиардов.")  # fmt: skip
    results = claims.check(corpus, text, reporter="PRT")
    first, five = find(results, "миллиард долларов"), find(results, "пять миллиардов")
    # «Выручка»: the takings of sales abroad, exports.
    assert first.claim.subject.flow == "export", first.reason
    assert first.verdict == "supported", first.reason
    assert (five.claim.subject.flow, five.claim.period.year) == ("turnover", 2019), five.reason
    assert five.verdict == "supported", five.reason
