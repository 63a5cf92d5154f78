"""Round 28b: periods: the base a comparison is set against.

- A base said as a count of years back, in either language: "73% up on two years ago", «против
  двух годов назад», «чем три года тому назад»: the year so many before the figure's year, in
  the claim's own clause and as the text's base where the year before is not held.
- The one comparison the data allow: where the warehouse does not hold the year before the
  text's year and holds one earlier year only (Chile-Argentina: 2002 and 2004), a growth or a
  multiple said without its base is against that year; with several earlier years held and none
  named, no base is guessed (nothing is computed).
- A line of verse goes on from the line before it («Древесины мы соседу / Вывезли вдесятеро
  больше»): the line before ends with no stop, so the goods it names may be the figure's. A
  figure whose own line names no goods takes the goods named last in the lines before it, read
  but not certainly; with none the lexicon knows («Дудки, ложки да трещотки»), it is not read
  certainly as the whole trade (never flagged). A line of verse: not the first of its block of
  three lines or more, whose lines mostly end with no stop.
- Months: a change on the same months of another year («чем в октябре 2019 года», «чем в июле —
  сентябре 2019 года», «чем за те же месяцы») is growth of those months, not a multiple of
  another subject; "in three months" after "July to September" is those months, not the first
  three; a month said as the subject ("February's exports", "October alone rang up") dates its
  figure, and a level set against it ("up from $161.80m a year before") is of that month.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import RED, chile_mn, find, moscow, moscow_exports, portugal_mn


def _chile(flow: str, heading: str = "") -> float:
    s = chile_mn(flow, heading)
    return float(s[2004] / s[2002])


# -- a base said as a count of years back -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Экспорт Португалии в 2021 году вырос на 73% против двух годов назад.", "на 73%"),
        ("Импорт Португалии в 2021 году — в 2,6 раза больше, чем три года тому назад.",
         "в 2,6 раза"),
        ("Portugal's exports in 2021 were 73% up on two years ago.", "73%"),
        ("Portugal's imports in 2021 had grown 2.6 times against three years ago.", "2.6 times"),
    ],
)  # fmt: skip
def test_a_base_said_as_years_back_is_that_year(corpus, text, words):
    ex, im = portugal_mn("export"), portugal_mn("import")
    assert round(100 * (ex[2021] / ex[2019] - 1)) == 73
    assert round(im[2021] / im[2018], 1) == 2.6
    r = find(claims.check(corpus, text), words)
    assert r.claim.period.compare in (2018, 2019), r.claim.period
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Экспорт Португалии в 2021 году вырос вдвое против двух годов назад.", "вдвое"),
        ("Portugal's exports in 2021 were up 100% on two years ago.", "100%"),
    ],
)  # fmt: skip
def test_a_wrong_figure_against_years_back_is_flagged(corpus, text, words):
    ex = portugal_mn("export")
    assert ex[2021] / ex[2019] < 1.8
    r = find(claims.check(corpus, text), words)
    assert r.claim.period.compare == 2019, r.claim.period
    assert r.verdict in RED, r.reason


# -- the one comparison the data allow ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Импорт Чили из Аргентины в 2004 году вырос более чем вдвое.", "вдвое"),
        ("Chile's imports from Argentina rose 121% in 2004.", "121%"),
        ("In 2004 Chile bought from Argentina 2.2 times more than before.", "2.2 times"),
        ("Экспорт Чили в Аргентину за 2004 год прибавил 38%.", "38%"),
    ],
)  # fmt: skip
def test_a_base_not_said_is_the_one_earlier_year_held(corpus, text, words):
    assert round(_chile("import"), 2) == 2.21
    assert round(100 * (_chile("export") - 1)) == 38
    r = find(claims.check(corpus, text), words)
    assert r.claim.period.compare == 2002, r.claim.period
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Chile's exports to Argentina grew by 60% in 2004.", "60%"),
        ("Импорт пластмасс Чили из Аргентины в 2004 году сократился на 7%.", "на 7%"),
    ],
)  # fmt: skip
def test_a_wrong_figure_against_the_one_earlier_year_is_flagged(corpus, text, words):
    assert round(100 * (_chile("export") - 1)) == 38
    assert round(100 * (_chile("import", "39") - 1), 1) == 7.2
    r = find(claims.check(corpus, text), words)
    assert r.claim.period.compare == 2002, r.claim.period
    assert r.verdict in RED, r.reason


# -- a line of verse goes on from the line before -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moscow's exports in 2020, a ballad.\n\nThe turbojets, the pride of the town,\n"
         "Their exports rose twenty per cent on 2019,\nHigh over the clouds!",
         "rose twenty per cent"),
        ("Баллада об экспорте Москвы в 2020 году.\n\nТурбореактивных двигателей\n"
         "Вывезли на 20% больше, чем в 2019-м,\nВыше облаков!", "на 20%"),
    ],
)  # fmt: skip
def test_goods_of_the_line_before_are_not_lost_to_the_whole_trade(corpus, text, words):
    # Turbojets (HS 8411) grew about a fifth; all of Moscow's exports 30%: a red flag on the
    # whole trade would accuse a true line.
    jets = moscow("8411")
    jets = jets[jets["flow"] == "export"].groupby("year")["value_usd"].sum()
    assert round(100 * (jets[2020] / jets[2019] - 1)) == 20
    ex = moscow_exports()
    assert round(100 * (ex[2020] / ex[2019] - 1)) == 30
    r = find(claims.check(corpus, text), words)
    assert r.verdict not in RED, r.reason
    assert r.claim.subject.products, r.claim.subject


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moscow's exports in 2020, a ballad.\n\nFiddles, spoons and penny whistles,\n"
         "Our exports grew by twenty per cent,\nHigh over the clouds!", "grew by twenty"),
        ("Баллада об экспорте Москвы в 2020 году.\n\nДудки, ложки да трещотки\n"
         "Мы продали на 20% больше,\nВыше облаков!", "на 20%"),
    ],
)  # fmt: skip
def test_goods_the_lexicon_does_not_know_in_the_line_before_are_not_the_whole_trade(
    corpus, text, words
):
    # All of Moscow's exports grew 30%: the verse speaks of goods named on the line before.
    ex = moscow_exports()
    assert round(100 * (ex[2020] / ex[2019] - 1)) == 30
    r = find(claims.check(corpus, text), words)
    assert r.verdict not in RED, r.reason


# -- months and quarters ------------------------------------------------------------------------
def _moscow_months(a: int, b: int) -> tuple[float, float]:
    """Moscow's exports in months ``a`` to ``b`` of 2019 and of 2020, in millions."""
    m = moscow()
    m = m[(m["flow"] == "export") & m["month"].between(a, b)]
    by = m.groupby("year")["value_usd"].sum() / 1e6
    return float(by[2019]), float(by[2020])


_LEAD = "Moscow's exports in 2020.\n\n"
_LEAD_RU = "Экспорт Москвы в 2020 году.\n\n"


@pytest.mark.parametrize(
    ("text", "words", "months"),
    [
        (_LEAD_RU + "За октябрь Москва вывезла на 217,3 млн, на 34% больше, чем в октябре 2019 "
         "года.", "на 34%", (10, 10)),
        (_LEAD_RU + "В третьем квартале экспорт Москвы составил 601 млн, на 30% больше, чем в "
         "июле — сентябре 2019 года.", "на 30%", (7, 9)),
        (_LEAD + "July to September, a warm spell: 601 million in three months, 30% above the "
         "same months of 2019.", "30%", (7, 9)),
        (_LEAD_RU + "С июля по сентябрь — тёплая пора: 601 млн за три месяца, на 30% больше, чем "
         "за те же месяцы 2019 года.", "на 30%", (7, 9)),
    ],
)  # fmt: skip
def test_a_change_on_the_same_months_of_another_year(corpus, text, words, months):
    before, now = _moscow_months(*months)
    assert round(100 * (now / before - 1)) in (28, 30, 34)
    r = find(claims.check(corpus, text), words)
    assert r.claim.period.months == months, r.claim.period
    assert r.claim.period.compare == 2019
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words", "months"),
    [
        (_LEAD_RU + "За октябрь Москва вывезла на 217,3 млн, на 50% больше, чем в октябре 2019 "
         "года.", "на 50%", (10, 10)),
    ],
)  # fmt: skip
def test_a_wrong_change_on_the_same_months_is_flagged(corpus, text, words, months):
    before, now = _moscow_months(*months)
    assert 100 * (now / before - 1) < 40
    r = find(claims.check(corpus, text), words)
    assert r.claim.period.months == months, r.claim.period
    assert r.verdict in RED, r.reason


@pytest.mark.parametrize(
    ("text", "words", "year", "months", "value"),
    [
        (_LEAD + "February's exports from Moscow came to 191.9 million dollars.",
         "191.9 million", 2020, (2, 2), 191.9),
        (_LEAD + "October alone rang up $217.25m of Moscow's exports.", "$217.25m", 2020,
         (10, 10), 217.25),
        (_LEAD + "Moscow's exports: October alone rang up $217.25m, up from $161.80m a year "
         "before.", "$161.80m", 2019, (10, 10), 161.80),
    ],
)  # fmt: skip
def test_a_month_said_as_the_subject_dates_its_figure(corpus, text, words, year, months, value):
    before, now = _moscow_months(*months)
    assert round(now if year == 2020 else before, 2) == pytest.approx(value, abs=0.05)
    r = find(claims.check(corpus, text), words)
    assert (r.claim.period.year, r.claim.period.months) == (year, months), r.claim.period
    assert r.verdict == "supported", r.reason


def test_a_wrong_figure_of_a_month_said_as_the_subject_is_flagged(corpus):
    _, now = _moscow_months(2, 2)
    assert now < 200
    r = find(claims.check(corpus, _LEAD + "February's exports from Moscow came to 250 million "
                          "dollars."), "250 million")  # fmt: skip
    assert r.claim.period.months == (2, 2), r.claim.period
    assert r.verdict in RED, r.reason
