"""Figures said of each chapter, per month, of part of a year, and of goods a sentence splits.

"Five chapters each exceeded $15 million" is checked on every chapter, never on their sum;
"$217 million a month" is the monthly average of its months; "the last four months", "from July
to December" and "the second half" are months of the year, each clause with its own; an HS code
in brackets names the goods; "machinery" set beside "electrical machinery" may mean the rest of
it, so a figure only the wider reading gives is not called supported. Expected figures come from
pandas on the example files, never from hitex.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo
from hitex.report.claims import frames, lexicon, parse, resolve

MOSCOW = Path(__file__).parents[3] / "examples" / "moscow-2020" / "flows.csv"


def read(text: str, reporter: str = "RU-MOW", year: int = 2020, compare: int | None = 2019):
    found = parse.parse(text)
    return resolve.resolve(found, lexicon.load(), resolve.Context(reporter, year, compare), text)


def _chile_chapters(year: int = 2004) -> pd.Series:
    frame = pd.concat(pd.read_csv(f, dtype={"product": str}) for f in demo.files())
    rows = frame[(frame["year"] == year) & (frame["flow"] == "export")]
    return rows.groupby(rows["product"].str[:2])["value_usd"].sum().sort_values(ascending=False)


def _moscow(months: tuple[int, int], year: int = 2020, prefix: str = "") -> float:
    f = pd.read_csv(MOSCOW, dtype={"product": str})
    f = f[(f["year"] == year) & f["month"].between(*months) & f["product"].str.startswith(prefix)]
    return float(f["value_usd"].sum())


@pytest.mark.parametrize(
    ("text", "at", "found"),
    [
        ("Seven markets bought more than $3 million each", 27, (7, "partner")),
        ("Four HS chapters each earned over $9 million", 31, (4, "chapter")),
        ("Шесть товарных групп принесли более 2 млн долларов каждая", 33, (6, "chapter")),
        ("Two headings sold $8 million each, and twelve brought $1 million each", 55,
         (12, "heading")),
        ("Exports to Peru rose 20%", 20, None),
    ],
)  # fmt: skip
def test_what_an_each_figure_counts(text, at, found):
    assert frames.counted_before(text, at) == found


def test_each_chapter_is_checked_not_their_sum(checked_warehouse):
    chapters = _chile_chapters()
    # A threshold between the 4th and 5th chapters: exactly four chapters exceed it.
    cut = (chapters.iloc[3] + chapters.iloc[4]) / 2
    low = (chapters.iloc[9] + chapters.iloc[10]) / 2  # exactly ten exceed this one
    text = (f"Chile's exports to Argentina in 2004. Four HS chapters each brought in more than "
            f"${cut / 1e6:.2f} million, and ten sold over ${low / 1e6:.2f} million apiece.")  # fmt: skip
    four, ten = claims.check(checked_warehouse, text, reporter="CHL")
    assert (four.verdict, four.computed) == ("supported", 4), four.reason
    assert (ten.verdict, ten.computed) == ("supported", 10), ten.reason
    wrong = text.replace("Four HS chapters", "Six HS chapters")
    six = claims.check(checked_warehouse, wrong, reporter="CHL")[0]
    assert six.verdict == "contradicted", six.reason
    assert "4 of" in six.reason
    assert "chapters" in six.reason


@pytest.mark.parametrize(
    ("words", "span"),
    [
        ("in the last four months of the year", (9, 12)),
        ("shipments from July to December", (7, 12)),
        ("с июля по декабрь", (7, 12)),
        ("in the second half", (7, 12)),
        ("в четвёртом квартале", (10, 12)),
        ("за последние три месяца года", (10, 12)),
        ("markets to markets", None),
    ],
)
def test_months_in_words(words, span):
    assert resolve.months(words) == span


def test_each_clause_has_its_own_months():
    text = "Sales from March to May were 12% above a year earlier, against 3% in January-February."
    first, second = [c for c in read(text) if c.kind == "growth"]
    assert first.period.months == (3, 5)
    assert second.period.months == (1, 2)
    assert first.subject.flow == "export", "'sales from March' is no purchase from a partner"


def test_a_rate_above_a_period_is_growth():
    (c,) = [c for c in read("Exports were 18% above the same period of 2019.") if c.understood]
    assert (c.kind, c.quantity.value) == ("growth", 18)
    (c,) = [c for c in read("Экспорт оказался на 7% ниже, чем годом ранее.") if c.understood]
    assert (c.kind, c.quantity.value) == ("growth", -7)


def test_a_figure_per_month_is_the_monthly_average(checked_warehouse):
    average = _moscow((5, 8)) / 4
    text = (f"From May to August 2020 Moscow's high-tech exports averaged "
            f"${average / 1e6:.1f} million a month.")  # fmt: skip
    (r,) = claims.check(checked_warehouse, text, reporter="RU-MOW")
    assert r.verdict == "supported", r.reason
    assert r.computed == pytest.approx(average)
    twice = text.replace(f"{average / 1e6:.1f}", f"{2 * average / 1e6:.1f}")
    (r,) = claims.check(checked_warehouse, twice, reporter="RU-MOW")
    assert r.verdict == "contradicted", r.reason


def test_an_hs_code_in_brackets_names_the_goods():
    text = "Экспорт в 2020 году. По позициям: насосы (8413) — 12,5 млн долл. (+4%)."
    got = [c for c in read(text) if c.understood]
    assert [c.kind for c in got] == ["amount", "growth"], "the code itself is no claim"
    assert all(c.subject.products == ("HS 8413",) for c in got)
    # A year in brackets dates; it does not classify.
    (c,) = [c for c in read("Exports to China (2019) reached $5 million.") if c.understood]
    assert c.subject.products == ()


def test_a_list_after_text_on_exports_carries_the_flow():
    text = "Экспорт Москвы вырос на 30%.\n\nПо позициям:\n— насосы (8413) — 12,5 млн долл."
    (c,) = [c for c in read(text) if c.span.startswith("12,5")]
    assert (c.subject.flow, c.how("flow")) == ("export", "carried")
    text = "Импорт упал, экспорт вырос.\n\nПо позициям:\n— насосы (8413) — 12,5 млн долл."
    (c,) = [c for c in read(text) if c.span.startswith("12,5")]
    assert c.how("flow") == "default", "a text on both flows leaves the list's flow a guess"


def test_goods_beside_a_part_of_them_are_not_supported_on_the_wider_reading(checked_warehouse):
    hs84, hs85 = _moscow((1, 12), prefix="84"), _moscow((1, 12), prefix="85")
    between = (hs84 + (hs84 + hs85)) / 2  # true of HS 84-85, false of HS 84 alone
    text = (f"In 2020 Moscow's exports of machinery and equipment exceeded "
            f"${between / 1e9:.2f} billion, while electrical machinery took "
            f"{100 * hs85 / _moscow((1, 12)):.0f}% of the total.")  # fmt: skip
    wide, share = claims.check(checked_warehouse, text, reporter="RU-MOW")
    assert wide.verdict == "unverifiable", wide.reason
    assert "HS 84" in wide.reason
    assert share.verdict == "supported", share.reason
    # Named alone, a bound the lexicon's reading passes and another reading (HS 84) fails is
    # left open too: a bound is no evidence of which goods are meant.
    alone = text.partition(", while")[0] + "."
    (r,) = claims.check(checked_warehouse, alone, reporter="RU-MOW")
    assert r.verdict == "unverifiable", r.reason
    assert "HS 84" in r.reason, r.reason


def _moscow_partners(year: int = 2020) -> int:
    f = pd.read_csv(MOSCOW)
    f = f[(f["year"] == year) & (f["value_usd"] != 0)]
    return int(f["partner"].nunique())


def test_a_count_of_partners(checked_warehouse):
    n = _moscow_partners()
    text = f"In 2020 Moscow's high-tech goods went to {n} destination countries."
    (r,) = claims.check(checked_warehouse, text, reporter="RU-MOW")
    assert (r.claim.kind, r.claim.metric, r.verdict) == ("count", "partners", "supported"), r.reason
    wrong = f"В 2020 году московский экспорт ушёл в {n + 3} страны."
    (r,) = claims.check(checked_warehouse, wrong, reporter="RU-MOW")
    assert r.verdict == "contradicted", r.reason
    # Chile's trade with Argentina only: a count of Chile's partners cannot be checked.
    (r,) = claims.check(checked_warehouse, "In 2004 Chile exported to 30 countries.",
                        reporter="CHL")  # fmt: skip
    assert r.verdict == "unverifiable", r.reason


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Exports to Peru added 12% in 2021.", "growth", 12),
        ("Экспорт в Перу прибавил 12% за год.", "growth", 12),
        ("Импорт из Перу рос медленнее: на 12%.", "growth", 12),
        ("Экспорт в Перу — плюс 12%.", "growth", 12),
        ("Peru cut its purchases by 12%.", "growth", -12),
        ("Firms shipped 1,204 distinct HS6 products.", "count", 1204),
    ],
)
def test_more_ways_to_say_a_rate(text, kind, value):
    (c,) = [c for c in parse.parse(text) if c.claim.understood]
    assert (c.claim.kind, c.claim.quantity.value) == (kind, value)


def test_halves_of_the_year_are_no_fractions():
    text = "Second-half exports outpaced the first half as buyers in Asia returned."
    assert [f for f in parse.parse(text) if f.claim.understood] == []


def test_goods_named_after_the_figure_are_unknown_goods():
    # Goods the lexicon does not know (lasers, heading 9013, are known since round 21s).
    text = "Peru bought $40 million of Moscow's drones, and Chile doubled its purchases."
    first, second = read(text)
    assert not first.understood
    assert "drones" in first.note
    assert second.how("products") == "default", "the drones may go on: not certain"


def test_each_of_the_partners_named_rather_than_a_count():
    text = "Peru and Chile, the smallest of 12 markets, bought $5 million each."
    (c,) = [c for c in read(text) if c.kind == "amount"]
    assert (c.aggregation, c.count, c.subject.partners) == ("each", 2, ("PER", "CHL"))


def test_a_balance_in_each_clause_has_its_own_partner_and_side():
    text = ("Moscow earned $30 million more from Peru than it spent there, but the balance with "
            "Chile was negative at $8 million.")  # fmt: skip
    first, second = [c for c in read(text) if c.kind == "amount"]
    assert (first.subject.partners, first.side) == (("PER",), "surplus")
    assert (second.subject.partners, second.side) == (("CHL",), "deficit")


def test_months_from_a_month_on_and_every_month(checked_warehouse):
    average = _moscow((9, 12)) / 4
    text = (f"Moscow's high-tech exports grew 30% in 2020. From September on, every month brought in about "
            f"${average / 1e6:.0f} million.")  # fmt: skip
    r = claims.check(checked_warehouse, text, reporter="RU-MOW")[-1]
    # "every month": each month of September-December, checked month by month.
    assert (r.claim.period.months, r.claim.metric) == ((9, 12), "each_month")
    assert r.verdict == "supported", r.reason


def test_the_whole_trade_goes_on_after_a_sentence_about_it():
    text = "Exports grew 30% to $2.4 billion. Goods went to 25 countries."
    c = read(text)[-1]
    assert (c.kind, c.how("partners"), c.how("products")) == ("count", "carried", "carried")


def test_months_are_no_goods():
    assert frames.unknown_product("January-June exports reached $1.15 billion", []) is None
    assert frames.unknown_product("Экспорт млрд долларов", []) is None
    assert frames.unknown_product("Lasers exports rose", []) == "Lasers"


def test_last_year_is_the_year_after_the_latest_named():
    held = [2019, 2020, 2021]
    text = "Sales fell in 2019 and rose by a third in 2020, then grew 9% last year."
    assert resolve.article_year(text, [2019, 2020], held) == 2021
    # A date line says when the text was written: "last year" is the year before it.
    dated = "Lisbon, 3 March 2022. " + text
    assert resolve.article_year(dated, [2019, 2020], held) == 2021
    assert resolve.article_year("Lisbon, 3 March 2021. " + text, [2019, 2020], held) == 2020


def test_that_year_and_the_year_of_the_clause():
    text = ("Exports jumped 20% in 2019 to $5 million, followed by a rise of a tenth in 2020 to "
            "$5.5 million. That year the deficit shrank to $2 million.")  # fmt: skip
    got = {c.span: c.period.year for c in read(text, "PRT", 2021, 2020) if c.kind == "amount"}
    assert got == {"$5 million": 2019, "$5.5 million": 2020, "$2 million": 2020}


def test_each_of_the_largest_markets_is_a_count_among_all():
    (c,) = [c for c in read("Each of the six largest markets bought more than $9 million.")
            if c.kind == "amount"]  # fmt: skip
    assert (c.aggregation, c.count, c.subject.partners) == ("each", 6, ())


def test_a_fall_word_inside_another_word_is_no_fall():
    text = "В 2018 году страна продавала на 3 млрд долл., а покупала на 4 млрд долл."
    assert [f.claim.kind for f in parse.parse(text)] == ["amount", "amount"]


def test_years_later_count_from_the_sentence_before():
    text = ("In 2017 the city sold goods worth $5 million. Two years later exports had doubled to "
            "$10 million, and imports grew 40% over the same time.")  # fmt: skip
    got = {c.span: (c.period.year, c.period.compare) for c in read(text, "PRT", 2021, 2020)}
    assert got["$5 million"][0] == 2017
    assert [v for k, v in got.items() if "doubled" in k] == [(2019, 2017)]
    assert got["$10 million"][0] == 2019
    assert [v for k, v in got.items() if "40%" in k] == [(2019, 2017)]
