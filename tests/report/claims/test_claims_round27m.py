"""Round 27, found after the blind score: red flags on true claims, each from a misreading.

- "hardly", «едва» before a figure are "about" (like "barely"): "hardly 650 thousand dollars"
  was read as exactly 650 thousand.
- A compound ordinal is one place: "the twenty-second buyer", «тридцать первое место» (22, 31),
  not "second" and «первое».
- What a reporter "owes" a partner is a deficit: "in medicines we owe them 31.7 million".
- "Chemical products" may be chapter 38 (its title shortened) as well as section VI.
- A sentence that ranks goods among headings or chapters («девятое место среди всех товарных
  позиций») speaks of goods; where the lexicon reads none, its figure is not of all trade.
- A base said as the start of the series ("the level of its first year", «стартовый уровень»)
  is the first year the data hold, not the year before.

Sentences written for these tests; figures from the raw files with pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, PORTUGAL, RED, chile_mn, find, portugal_mn, ru


def _moscow_exports(partner: str | None = None, heading: str = "") -> pd.Series:
    m = pd.read_csv(MOSCOW, dtype={"product": str})
    m = m[(m["flow"] == "export") & m["product"].str.zfill(6).str.startswith(heading)]
    if partner is not None:
        m = m[m["partner"] == partner]
    return m.groupby("year")["value_usd"].sum()


def test_the_figures_the_tests_rest_on():
    bgd = _moscow_exports("BGD")
    assert 640e3 < bgd[2020] < 660e3  # "hardly 660 thousand" holds, "exactly 660" does not
    assert round(bgd[2020] / 1e3) != 660
    m = pd.read_csv(MOSCOW)
    partners = m[(m["flow"] == "export") & (m["year"] == 2020)].groupby("partner")["value_usd"]
    assert partners.sum().size == 22
    assert round(chile_mn("import", "30")[2004] - chile_mn("export", "30")[2004], 1) > 0
    p = portugal_mn("export")
    assert round(p[2021] / p[2001], 1) == 7.3
    assert round(p[2021] / p[2020], 1) != 7.3


@pytest.mark.parametrize("words", ["hardly {x} thousand dollars", "едва на {x} тыс. долларов"])
def test_hardly_is_about(corpus, words):
    x = round(_moscow_exports("BGD")[2020] / 1e4) * 10 + 10  # the next ten thousand up
    said = words.format(x=x)
    lead = ("Moscow's exports in 2020. Bangladesh bought " if said.startswith("hardly")
            else "Московский экспорт в 2020 году. Бангладеш купил ")  # fmt: skip
    r = find(claims.check(corpus, f"{lead}{said}."), str(x), understood=True)
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Moscow's exports in 2020: Japan was the twenty-second buyer of the city.",
        "Московский экспорт в 2020 году: Япония оказалась на двадцать втором месте среди "
        "покупателей.",
    ],
)
def test_a_compound_ordinal_is_one_place(corpus, text):
    # Japan is among the first buyers, not the 22nd: flagged or left open, never read as a
    # second place that Japan does hold.
    results = claims.check(corpus, text)
    ranks = [r for r in results if r.claim.kind == "rank" and r.claim.understood]
    for r in ranks:
        assert r.claim.quantity is not None, r.claim
        assert r.claim.quantity.value == 22, r.claim
    m = pd.read_csv(MOSCOW)
    by = m[(m["flow"] == "export") & (m["year"] == 2020)].groupby("partner")["value_usd"].sum()
    assert list(by.sort_values(ascending=False).index).index("JPN") == 1  # Japan is second
    assert all(r.verdict != "supported" for r in ranks), [r.reason for r in ranks]


def test_a_compound_ordinal_ranks_the_last_buyer(corpus):
    m = pd.read_csv(MOSCOW)
    by = m[(m["flow"] == "export") & (m["year"] == 2020)].groupby("partner")["value_usd"].sum()
    last = by.sort_values(ascending=False).index[21]
    assert last == "MNG"
    text = "Moscow's exports in 2020: Mongolia was the twenty-second buyer, the smallest."
    results = claims.check(corpus, text)
    assert not [r for r in results if r.verdict in RED], [(r.claim.span, r.reason) for r in results]


def test_what_the_reporter_owes_is_a_deficit(corpus):
    gap = chile_mn("import", "30")[2004] - chile_mn("export", "30")[2004]
    text = (f"Chile's trade with Argentina in 2004. In medicines Chile owes its neighbour "
            f"{gap:.1f} million dollars.")  # fmt: skip
    r = find(claims.check(corpus, text), f"{gap:.1f} million", understood=True)
    assert r.verdict == "supported", r.reason
    assert "deficit" in r.reason


def test_chemical_products_may_be_chapter_38(corpus):
    c38 = chile_mn("export", "38")
    growth = 100 * (c38[2004] / c38[2002] - 1)
    section = pd.concat([chile_mn("export", f"{ch}") for ch in range(28, 39)], axis=1)
    section = section.fillna(0).sum(axis=1)
    assert abs(100 * (section[2004] / section[2002] - 1) - growth) > 5  # the readings differ
    text = (f"Chile's exports to Argentina, 2004 against 2002. Exports of chemical products "
            f"gained {growth:.0f}%.")  # fmt: skip
    r = find(claims.check(corpus, text), f"{growth:.0f}%", understood=True)
    assert r.verdict not in RED, r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Moscow's exports in 2020. Sound recorders came ninth among all headings: {x} million "
        "dollars of exports.",
        "Экспорт Москвы в 2020 году. Звукозаписывающие аппараты вывезены на {x} млн долларов: "
        "девятое место среди всех товарных позиций.",
    ],
)
def test_goods_ranked_among_headings_are_not_all_trade(corpus, text):
    x = ru(_moscow_exports(heading="8519")[2020] / 1e6)
    x = x.replace(",", ".") if text.startswith("Moscow") else x
    r = find(claims.check(corpus, text.format(x=x)), x, understood=False)
    # Read as the city's whole exports the figure is wrong; it is of goods the words name.
    assert r.verdict not in RED, r.reason


@pytest.mark.parametrize(
    ("words", "fits"),
    [
        (
            "In 2021 Portugal's technology exports reached {level} million dollars, {x} times the "
            "level of their first year.",
            True,
        ),
        (
            "В 2021 году технологический экспорт Португалии достиг {level} млн долларов и "
            "превзошёл стартовый уровень в {x} раза.",
            True,
        ),
        (
            "In 2021 Portugal's technology exports reached {level} million dollars, {x} times the "
            "level of their first year.",
            False,
        ),
    ],
)
def test_a_base_said_as_the_start_is_the_first_year(corpus, words, fits):
    p = portugal_mn("export")
    multiple = p[2021] / p[p.index.min()] if fits else p[2021] / p[p.index.min()] + 2
    x = f"{multiple:.1f}"
    x = x.replace(".", ",") if words.startswith("В ") else x
    text = words.format(level=f"{p[2021]:,.0f}".replace(",", " " if words.startswith("В ") else ","),
                        x=x)  # fmt: skip
    results = claims.check(corpus, text)
    r = next(r for r in results if r.claim.kind == "multiple" and r.claim.understood)
    if fits:
        assert r.verdict == "supported", r.reason
        assert f"against {p.index.min()}" in r.reason
    else:
        assert r.verdict not in ("supported", *RED), r.reason


@pytest.mark.parametrize(
    "text",
    [
        "ЧИЛИ ТЧК ИТОГИ 2004 ГОДА ТЧК ВЫВОЗ В АРГЕНТИНУ {ex} МЛН ДОЛЛАРОВ ЗПТ ВВОЗ ИЗ АРГЕНТИНЫ "
        "{im} МЛН ТЧК",
        "CHILE STOP TRADE WITH ARGENTINA IN 2004 STOP EXPORTS {ex} MILLION DOLLARS AND IMPORTS "
        "{im} MILLION STOP",
    ],
)
def test_a_text_in_capitals_is_read(corpus, text):
    # A telegram names its reporter in capitals and stops with words: no "give --reporter".
    ex, im = chile_mn("export")[2004], chile_mn("import")[2004]
    russian = text.startswith("ЧИЛИ")
    said = text.format(ex=ru(ex) if russian else f"{ex:.1f}", im=ru(im) if russian else f"{im:.1f}")
    results = claims.check(corpus, said)
    for x, flow in ((ex, "exports"), (im, "imports")):
        figure = ru(x) if russian else f"{x:.1f}"
        r = find(results, figure, understood=True)
        assert r.verdict == "supported", r.reason
        assert flow in r.reason
        assert r.claim.span == said[r.claim.start : r.claim.end]  # as the text writes it


def _headings_over(year: int, bound: float) -> int:
    m = pd.read_csv(MOSCOW, dtype={"product": str})
    m = m[(m["flow"] == "export") & (m["year"] == year)]
    by = m.groupby(m["product"].str.zfill(6).str[:4])["value_usd"].sum()
    return int((by > bound).sum())


def test_a_count_of_the_year_before_said_after_it_is_read(corpus):
    now, then = _headings_over(2020, 100e6), _headings_over(2019, 100e6)
    assert (now, then) == (9, 6)
    words = {6: "six", 5: "five"}
    for n in (then, then - 1):
        text = (f"Moscow's exports in 2020: nine headings topped 100 million dollars, where a year "
                f"earlier there had been only {words[n]}.")  # fmt: skip
        r = find(claims.check(corpus, text), f"only {words[n]}", understood=True)
        assert r.claim.period.year == 2019, r.claim
        assert (r.verdict == "supported") == (n == then), r.reason


@pytest.mark.parametrize(
    "words", ["four markets past three hundred", "three markets beyond five hundred million"]
)
def test_a_count_past_a_bound_in_words_is_not_all_partners(corpus, words):
    # Some markets past a bound are not the count of all partners (14 in 2021): never flagged
    # as that count.
    results = claims.check(corpus, f"Portugal's technology exports in 2021: {words}.")
    assert not [r for r in results if r.verdict in RED], [(r.claim.span, r.reason) for r in results]


def test_a_count_in_the_past_years_is_still_a_count(corpus):
    m = pd.read_csv(PORTUGAL)
    n = m[(m["flow"] == "export") & (m["year"] == 2021)]["partner"].nunique()
    assert n == 14
    text = (
        "Portugal's technology exports in 2021 went to fourteen markets, as in the past two years."
    )
    r = find(claims.check(corpus, text), "fourteen markets", understood=True)
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(("headline", "flagged"), [("MOSCOW'S EXPORT CALENDAR", True),
                                                   ("MOSCOW'S IMPORT CALENDAR", False)])  # fmt: skip
def test_a_list_under_an_exports_headline_of_an_exports_only_reporter(corpus, headline, flagged):
    # Moscow's data hold exports alone: a list of items with no flow word under a headline that
    # names exports is of exports for certain (a false figure flagged); under one that names
    # imports it is not (never flagged).
    t = _moscow_exports(heading="8411")
    growth = 100 * (t[2020] / t[2019] - 1)
    false = round(growth) + 15
    text = (f"{headline}\nAll figures compare 2020 with 2019.\n\nDoor 1. A mouse: the capital "
            f"sold abroad goods worth $2.4bn during 2020.\n"
            f"Door 2. Turbojets, the biggest present, climbed {false}%.")  # fmt: skip
    r = find(claims.check(corpus, text, reporter="RU-MOW"), f"{false}%", understood=True)
    assert (r.verdict in RED) == flagged, r.reason
    assert r.verdict != "supported", r.reason
