"""Round 26a: the text's year, and the periods within a year.

- A text that names only the coming year in a New Year greeting ("Happy New Year 2021!", «С
  Новым, 2021 годом!», «С наступающим 2021 годом», "best wishes for 2021") is about the year
  before it: the greeting's year is not the text's year, even where the warehouse holds it.
- A year glossed after the words of a year ("within a single year (2019)", "in one year, 2019,",
  «за один год (2019)») dates the figure of its clause: a rate against the year before it, not
  against the text's year (was a wrong red flag); "Then ..." does not carry the year of the
  sentence before over a year the clause names.
- "now", "today", "currently", "this year", «сейчас», «сегодня», «нынче», «в этом году» in a
  sentence that names no year of its own (a record's "since 2001" aside) date its figures to
  the text's year, for certain: they no longer go on with the year of the sentence before.
- A change told by two dated levels ("went from $1.4 billion in 2018 to $4.5 billion three
  years on, in 2021, a factor of 3.2", «вырос с 1,4 млрд в 2018 году до 4,5 млрд в 2021 году
  — в 3,2 раза»): each level is of its own year, and the rate or multiple said right before
  "from" or right after the later level is of the later year against the earlier, for certain.
- "N times as large" (as much, as big), «вчетверо больше прежнего», «выше прежнего уровня»:
  against the level of the same trade said before in the paragraph (read, not certainly: a
  figure that does not fit is not flagged).
- Months named one by one ("November and December", «в октябре, ноябре и декабре») are the
  span from the first to the last when they follow each other: with "each", "apiece" or «по»
  before the figure, each of those months; without, all of them together.
- A date whose month is cut short ("03 Feb 2022", "Sept 14, 2022") is the text's date, not a
  year of its figures ("last year's exports" in it are of 2021).
- A text that names no year the warehouse holds is no longer refused: it is read as the latest
  year the data hold, every claim dated so says the year was not named, and none is flagged on
  it (a figure that fits is supported, with that said in its reason).

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import (
    RED,
    find,
    moscow,
    moscow_exports,
    portugal_by_flow_mn,
    ru,
)


def _moscow_growth() -> tuple[float, float]:
    """Moscow's exports in 2020 (millions) and their growth on 2019 (%)."""
    e = moscow_exports() / 1e6
    return float(e[2020]), float((e[2020] / e[2019] - 1) * 100)


# -- a New Year greeting names the coming year --------------------------------------------------
@pytest.mark.parametrize(
    "head",
    [
        "С Новым, 2021 годом! Москва, 29 декабря.",
        "С наступающим 2021 годом, дорогие друзья!",
        "Поздравляем с Новым 2021 годом!",
    ],
)
def test_a_russian_new_year_greeting_is_about_the_year_before(corpus, head):
    level, growth = _moscow_growth()
    assert round(level / 1000, 1) == 2.4
    assert round(growth) == 30
    text = f"{head}\n\nУходящий год был к нам щедр: экспорт Москвы вырос на 30% и составил 2,4 млрд долларов."
    results = claims.check(corpus, text)
    for words in ("30%", "2,4 млрд"):
        r = find(results, words)
        assert r.verdict == "supported", r.reason
        assert r.claim.period.year == 2020


@pytest.mark.parametrize(
    "head",
    [
        "Happy New Year 2021 from the trade desk!",
        "Season's greetings and best wishes for 2021.",
        "Wishing you a happy 2021!",
    ],
)
def test_an_english_new_year_greeting_is_about_the_year_before(corpus, head):
    level, growth = _moscow_growth()
    assert round(level / 1000, 1) == 2.4
    assert round(growth) == 30
    text = f"{head} The year now ending was kind: Moscow's exports grew 30% to $2.4 billion."
    results = claims.check(corpus, text)
    for words in ("30%", "$2.4 billion"):
        r = find(results, words)
        assert r.verdict == "supported", r.reason
        assert r.claim.period.year == 2020


def test_the_greeting_year_is_not_the_text_year_even_where_it_is_held(corpus):
    t = portugal_by_flow_mn()
    # Portugal's data run to 2021; the card greets 2021, so its figures are of 2020.
    g = (t.loc[2020, "export"] / t.loc[2019, "export"] - 1) * 100
    assert round(g) == 33
    assert round(t.loc[2021, "export"] / t.loc[2020, "export"] * 100 - 100) == 30
    text = ("Happy New Year 2021 to all our partners! This year Portuguese exports grew "
            "by 33%, to about 3.5 billion dollars.")  # fmt: skip
    r = find(claims.check(corpus, text, reporter="PRT"), "33%")
    assert r.verdict == "supported", r.reason
    assert r.claim.period.year == 2020


def test_a_false_figure_of_a_greeting_text_is_flagged(corpus):
    _, growth = _moscow_growth()
    assert abs(growth - 50) > 5
    text = "С Новым 2021 годом! В уходящем году экспорт Москвы вырос на 50%."
    r = find(claims.check(corpus, text), "50%")
    assert r.verdict in RED, r.reason


# -- no year named at all ------------------------------------------------------------------------
def test_a_text_naming_no_year_is_read_as_the_latest_year_held(corpus):
    level, growth = _moscow_growth()
    assert round(level / 1000, 1) == 2.4
    assert round(growth) == 30
    text = "Moscow's exports grew 30% and reached $2.4 billion."
    results = claims.check(corpus, text)
    for words in ("30%", "$2.4 billion"):
        r = find(results, words)
        assert r.verdict == "supported", r.reason
        assert r.claim.period.year == 2020
        assert "names no year" in r.reason, r.reason


def test_a_wrong_figure_of_a_text_naming_no_year_is_not_flagged(corpus):
    level, _ = _moscow_growth()
    assert abs(level - 3100) > 100
    for text in ("Moscow's exports reached $3.1 billion.",
                 "Экспорт Москвы составил 3,1 млрд долларов."):  # fmt: skip
        r = find(claims.check(corpus, text), "3")
        assert r.verdict == "unverifiable", r.reason
        assert "names no year" in r.reason or "год не назван" in r.reason, r.reason


def test_a_russian_text_naming_no_year_says_so_in_russian(corpus):
    level, _ = _moscow_growth()
    text = f"Экспорт Москвы составил {ru(level)} млн долларов."
    r = find(claims.check(corpus, text, lang="ru"), ru(level))
    assert r.verdict == "supported", r.reason
    assert "год в тексте не назван" in r.reason, r.reason


# -- a year glossed after the words of a year ---------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Then exports grew by some 86% within a single year (2019).",
        "Then exports grew 86% in one year, 2019, their steepest climb.",
        "Тогда за один год (2019) экспорт вырос на 86%.",
        "Рост экспорта на 86% пришёлся на один год (2019).",
        "Exports jumped 86% that year (2019).",
    ],
)
def test_a_year_glossed_after_the_words_of_a_year_dates_the_rate(corpus, sentence):
    t = portugal_by_flow_mn()
    g = (t.loc[2019, "export"] / t.loc[2018, "export"] - 1) * 100
    assert round(g) == 86
    assert abs((t.loc[2021, "export"] / t.loc[2019, "export"] - 1) * 100 - 86) > 5
    text = f"Portugal's exports reached 4.5 billion dollars in 2021. {sentence}"
    r = find(claims.check(corpus, text, reporter="PRT"), "86%")
    assert r.verdict == "supported", r.reason
    assert (r.claim.period.year, r.claim.period.compare) == (2019, 2018)


# -- now, today, this year: the text's year ------------------------------------------------------
def _prt_deficit(year: int) -> float:
    t = portugal_by_flow_mn()
    return float(t.loc[year, "import"] - t.loc[year, "export"])


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Technology trade of Portugal, 2021. In 2009 exports fell by 8%. The deficit now stands "
         "at 86 million dollars.", "86 million"),
        ("Технологическая торговля Португалии, 2021 год. В 2009 году экспорт упал на 8%. Сегодня "
         "дефицит — 86 млн долларов.", "86 млн"),
        ("Технологическая торговля Португалии, 2021 год. В 2019 году ввоз вырос на 64%. А дефицит "
         "сейчас составляет 86 млн долларов.", "86 млн"),
    ],
)  # fmt: skip
def test_now_and_today_date_a_level_to_the_texts_year(corpus, text, words):
    assert round(_prt_deficit(2021)) == 86
    assert round(_prt_deficit(2009)) != 86
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.verdict == "supported", r.reason
    assert r.claim.period.year == 2021


@pytest.mark.parametrize(
    "text",
    [
        "Technology trade of Portugal, 2021. In 2019 exports jumped 86%. This year they reached "
        "4.5 billion dollars.",
        "Технологическая торговля Португалии, 2021 год. В 2019 году экспорт вырос на 86%. В этом "
        "году он достиг 4,5 млрд долларов.",
    ],
)
def test_this_year_is_the_texts_year_not_the_year_of_the_sentence_before(corpus, text):
    t = portugal_by_flow_mn()
    assert round(t.loc[2021, "export"] / 1000, 2) == 4.5
    assert round(t.loc[2019, "export"] / 1000, 1) != 4.5
    r = find(claims.check(corpus, text, reporter="PRT"), "4,5" if "млрд" in text else "4.5")
    assert r.verdict == "supported", r.reason
    assert r.claim.period.year == 2021


def test_a_false_level_said_of_today_is_flagged(corpus):
    assert abs(_prt_deficit(2021) - 300) > 10
    assert abs(_prt_deficit(2019) - 300) > 10
    text = ("Technology trade of Portugal, 2021. In 2019 imports grew by 64%. Today the deficit "
            "is 300 million dollars.")  # fmt: skip
    r = find(claims.check(corpus, text, reporter="PRT"), "300 million")
    assert r.verdict in RED, r.reason
    assert r.claim.period.year == 2021


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Технологическая торговля Португалии, 2021 год. В 2009-м экспорт упал на 8%. Зато нынче "
         "дефицит — 86 млн, минимальный с 2001 года.", "минимальный"),
        ("Technology trade of Portugal, 2021. Exports fell by 8% in 2009. Today the deficit, 86 "
         "million dollars, is the smallest since 2001.", "smallest"),
    ],
)  # fmt: skip
def test_a_record_said_of_now_is_of_the_texts_year(corpus, text, words):
    d = {y: _prt_deficit(y) for y in range(2001, 2022)}
    assert all(d[y] > d[2021] for y in range(2002, 2021))
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.verdict == "supported", r.reason
    assert r.claim.period.year == 2021


# -- from a level in one year to a level in another ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "right"),
    [
        ("Portugal's technology exports went from 1.4 billion dollars in 2018 to 4.5 billion "
         "dollars three years on, in 2021, a factor of about 3.2.", "3.2", True),
        ("Portugal's technology exports went from 1.4 billion dollars in 2018 to 4.5 billion "
         "dollars three years on, in 2021, a factor of about 2.5.", "2.5", False),
        ("Технологический экспорт Португалии вырос с 1,4 млрд долларов в 2018 году до 4,5 млрд "
         "в 2021 году — в 3,2 раза.", "3,2", True),
        ("Технологический экспорт Португалии вырос с 1,4 млрд долларов в 2018 году до 4,5 млрд "
         "в 2021 году, прибавив 130%.", "130%", False),
    ],
)  # fmt: skip
def test_a_change_from_a_level_in_one_year_to_another_is_read_for_certain(
    corpus, text, words, right
):
    t = portugal_by_flow_mn()
    x = t.loc[2021, "export"] / t.loc[2018, "export"]
    assert round(x, 1) == 3.2
    assert abs(x - 2.5) > 0.1
    assert abs((x - 1) * 100 - 130) > 10
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert (r.claim.period.year, r.claim.period.compare) == (2021, 2018)
    if right:
        assert r.verdict == "supported", r.reason
    else:
        assert r.verdict in RED, r.reason


# -- "N times as large": as the level said before -----------------------------------------------
_BILLION_2011 = ("Technology trade of Portugal, 2021. Exports first passed a billion in 2011: "
                 "1.05 billion dollars.")  # fmt: skip
_BILLION_2011_RU = ("Технологическая торговля Португалии, 2021 год. Экспорт впервые превысил "
                    "миллиард в 2011 году: 1,05 млрд долларов.")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (f"{_BILLION_2011} Today's figure is over four times as large.", "four times"),
        (f"{_BILLION_2011_RU} Сегодня он более чем вчетверо больше прежнего.", "вчетверо"),
        (f"{_BILLION_2011_RU} Нынешний экспорт в четыре с лишним раза выше прежнего уровня.",
         "четыре"),
    ],
)  # fmt: skip
def test_times_as_large_is_against_the_level_said_before(corpus, text, words):
    t = portugal_by_flow_mn()
    assert round(t.loc[2011, "export"] / 1000, 2) == 1.05
    assert 4 < t.loc[2021, "export"] / t.loc[2011, "export"] < 5
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.verdict == "supported", r.reason
    assert (r.claim.period.year, r.claim.period.compare) == (2021, 2011)


def test_a_wrong_times_as_large_is_not_flagged_on_the_level_before(corpus):
    t = portugal_by_flow_mn()
    assert t.loc[2021, "export"] / t.loc[2011, "export"] < 5
    text = f"{_BILLION_2011} Today's figure is over five times as large."
    r = find(claims.check(corpus, text, reporter="PRT"), "five times")
    assert r.verdict not in RED, r.reason
    assert (r.claim.period.year, r.claim.period.compare) == (2021, 2011)


# -- months listed: each of them, or all together ------------------------------------------------
def _moscow_month(month: int, year: int = 2020) -> float:
    m = moscow()
    return float(m[(m["year"] == year) & (m["month"] == month)]["value_usd"].sum() / 1e6)


_MOSCOW_2020 = "В 2020 году экспорт Москвы составил 2,4 млрд долларов."
_MOSCOW_2020_EN = "In 2020 Moscow's exports came to $2.4 billion."


@pytest.mark.parametrize(
    ("text", "words", "right"),
    [
        (f"{_MOSCOW_2020} Ноябрь и декабрь дали по 217 млн.", "217", True),
        (f"{_MOSCOW_2020} В октябре, ноябре и декабре экспорт составлял по 217 млн долларов.",
         "217", True),
        (f"{_MOSCOW_2020_EN} November and December brought in $217 million apiece.", "217", True),
        (f"{_MOSCOW_2020_EN} October, November and December were worth $250 million each.",
         "250", False),
    ],
)  # fmt: skip
def test_months_listed_with_each_are_each_of_those_months(corpus, text, words, right):
    for month in (10, 11, 12):
        assert round(_moscow_month(month)) == 217
    r = find(claims.check(corpus, text), words)
    assert r.claim.period.months in ((10, 12), (11, 12)), r.claim.period
    if right:
        assert r.verdict == "supported", r.reason
    else:
        assert r.verdict in RED, r.reason


@pytest.mark.parametrize(
    "text",
    [
        f"{_MOSCOW_2020_EN} November and December together brought in $434.5 million.",
        f"{_MOSCOW_2020} Ноябрь и декабрь вместе принесли 434,5 млн долларов.",
    ],
)
def test_months_listed_without_each_are_summed(corpus, text):
    assert round(_moscow_month(11) + _moscow_month(12), 1) == 434.5
    r = find(claims.check(corpus, text), "434")
    assert r.claim.period.months == (11, 12), r.claim.period
    assert r.verdict == "supported", r.reason


# -- a date with the month cut short is the text's date, not a year of its figures ---------------
@pytest.mark.parametrize(
    "head",
    ["Lisbon, 03 Feb 2022, 06:40.", "Porto, Sept 14, 2022.", "Lisboa, 3 Dec 2022, morning."],
)
def test_a_dateline_with_a_short_month_is_a_date(corpus, head):
    t = portugal_by_flow_mn()
    assert round(t.loc[2021, "export"] / 1000, 1) == 4.5
    assert round((t.loc[2021, "export"] / t.loc[2020, "export"] - 1) * 10) == 3
    text = (f"{head} Last year's Portuguese technology exports came to $4.5bn, three tenths "
            "above 2020.")  # fmt: skip
    results = claims.check(corpus, text, reporter="PRT")
    for words in ("$4.5bn", "three tenths"):
        r = find(results, words)
        assert r.verdict == "supported", r.reason
        assert r.claim.period.year == 2021
