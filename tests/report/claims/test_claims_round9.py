"""Readings of round 9 (sentences written for these tests).

Expected figures come from pandas on the raw files: examples/moscow-2020/flows.csv (Moscow's
exports by month, 2019-2020) and the Chile-Argentina sample (src/hitex/demo/data, 2002 and 2004).
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo
from hitex.report.claims.check import infer_reporter
from hitex.report.claims.parse import parse
from hitex.report.claims.resolve import Context, period
from tests.report.claims._shared import moscow as _moscow


def _chile() -> pd.DataFrame:
    return pd.concat([pd.read_csv(f) for f in demo.files()])


def _ranks(year: int = 2020) -> dict[str, int]:
    m = _moscow()
    by = m[m["year"] == year].groupby("partner")["value_usd"].sum()
    return {p: i + 1 for i, p in enumerate(by.sort_values(ascending=False).index)}


def _mn(x: float) -> str:
    return f"{x / 1e6:.1f}".replace(".", ",")


@pytest.mark.parametrize("verb", ["lost", "shed"])
def test_lost_and_shed_are_falls(verb):
    (f,) = parse(f"Imports {verb} 11.5% in 2009.")
    assert f.claim.kind == "growth"
    assert (f.claim.quantity.lo, f.claim.quantity.hi) == pytest.approx((-11.55, -11.45))


def test_fewer_times_than_another_flow_is_no_growth():
    (f,) = parse("Продаёт она им в 2,5 раза меньше, чем покупает.")
    assert (f.claim.kind, f.claim.metric) == ("multiple", "versus")


def test_a_span_of_years_is_the_growth_period():
    got = period("С 2012 по 2018 год экспорт прибавил менее трети.", "growth",
                 Context("PRT", 2021))  # fmt: skip
    assert (got.year, got.compare) == (2018, 2012)
    got = period("Between 2012 and 2018 exports grew by 30%.", "growth", Context("PRT", 2021))
    assert (got.year, got.compare) == (2018, 2012)


def test_a_city_district_names_the_city(checked_warehouse):
    text = "Zelenograd's electronics plants shipped abroad more than ever in 2020."
    assert infer_reporter(checked_warehouse, text) == "RU-MOW"


@pytest.mark.parametrize(
    "listed",
    [("Китай", "Япония", "Германия", "США", "Белоруссия"),
     ("Китай", "Япония", "Германия", "США", "Индия")],
)  # fmt: skip
def test_the_top_five_listed_are_each_ranked(checked_warehouse, listed):
    codes = {"Китай": "CHN", "Япония": "JPN", "Германия": "DEU", "США": "USA",
             "Белоруссия": "BLR", "Индия": "IND"}  # fmt: skip
    ranks = _ranks()
    expected = "supported" if all(ranks[codes[p]] <= 5 for p in listed) else "contradicted"
    text = (
        f"В 2020 году пятёрка крупнейших покупателей ({', '.join(listed)}) взяла больше половины."
    )
    (r,) = [r for r in claims.check(checked_warehouse, text, reporter="RU-MOW")
            if r.claim.kind == "rank"]  # fmt: skip
    assert r.claim.subject.partners == tuple(codes[p] for p in listed)
    assert r.verdict == expected


def test_the_months_of_the_nearest_clause_that_names_some(checked_warehouse):
    m = _moscow()
    nine = [m[(m["year"] == y) & (m["month"] <= 9)]["value_usd"].sum() for y in (2019, 2020)]
    growth = (nine[1] / nine[0] - 1) * 100
    text = (
        f"В третьем квартале рост ускорился, а за девять месяцев 2020 года экспорт достиг "
        f"{_mn(nine[1])} млн долл., прибавив {growth:.1f}% к аналогичному периоду 2019 года."
    )
    results = claims.check(checked_warehouse, text, reporter="RU-MOW")
    (g,) = [r for r in results if r.claim.kind == "growth"]
    assert g.claim.period.months == (1, 9)
    assert g.verdict == "supported"


def test_a_sentence_without_a_year_takes_the_year_before_but_never_accuses(checked_warehouse):
    m = _moscow()
    total = m[m["year"] == 2020]["value_usd"].sum()
    china = m[(m["year"] == 2019) & (m["partner"] == "CHN")]["value_usd"].sum()
    head = f"Moscow's exports reached ${total / 1e6:.1f} million in 2020.\n\nA look back at 2019."
    right, wrong = (claims.check(checked_warehouse, f"{head} Exports to China came to "
                                 f"${x / 1e6:.2f} million.", reporter="RU-MOW")[-1]
                    for x in (china, china * 1.5))  # fmt: skip
    assert right.claim.period.year == 2019
    assert right.verdict == "supported"
    assert wrong.verdict == "unverifiable"
    assert "not certain" in wrong.reason


def test_a_balance_sentence_goes_on_with_the_side_said_before(checked_warehouse):
    c = _chile()
    gap = {y: c[(c["year"] == y) & (c["flow"] == "import")]["value_usd"].sum()
           - c[(c["year"] == y) & (c["flow"] == "export")]["value_usd"].sum()
           for y in (2002, 2004)}  # fmt: skip
    text = (
        f"In 2004 Chile's trade deficit with Argentina was ${gap[2004] / 1e9:.2f} billion. "
        f"In 2002 it had been ${gap[2002] / 1e6:.0f} million."
    )
    results = claims.check(checked_warehouse, text, reporter="CHL")
    assert [r.claim.side for r in results] == ["deficit", "deficit"]
    assert [r.verdict for r in results] == ["supported", "supported"]
