"""Round 27b: numbers said in words, and counts read as a whole.

- One reader of cardinals in words for both languages (``numwords``): English "two" to
  "ninety-nine" with hundreds and thousands ("six hundred and twenty", "eighteen hundred and
  thirty-four"), Russian in every case («двадцати двум», «одиннадцати», «четырьмя»). A count
  of partners said in words reads as it does in digits: "exported to twenty-two countries in
  2020", «продавала товары двадцати двум странам», «в двадцать две страны» (a year after the
  count no longer hides it).
- A count of years whose change went one way: "imports fell in eleven years", "exports went
  down only once", «импорт сокращался в одиннадцати годах», «экспорт падал лишь один раз»: the
  falls (rises) from year to year over every year the warehouse holds up to the text's year,
  counted.
- A count after its noun with a verb of counting («Покупателей стало 22 вместо 21», "Buyers
  numbered twenty-two, against twenty-one in 2019"): «стало», «оказалось», «набралось» count as
  "numbered" does, and «вместо» sets the count of the year before against it as «против» does.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo
from hitex.report.claims.numwords import cardinal
from tests.report.claims._shared import PORTUGAL, RED, find, moscow, raw_sum


def _moscow_partners(year: int) -> int:
    m = moscow()
    m = m[(m["flow"] == "export") & (m["year"] == year) & (m["value_usd"] != 0)]
    return int(m["partner"].nunique())


def _portugal_moves(flow: str) -> tuple[int, int]:
    """(falls, rises) of Portugal's ``flow`` from year to year, 2001-2021."""
    p = pd.read_csv(PORTUGAL)
    change = p[p["flow"] == flow].groupby("year")["value_usd"].sum().diff().dropna()
    return int((change < 0).sum()), int((change > 0).sum())


# -- the reader of cardinals ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("words", "value"),
    [("twenty-two", 22), ("Six hundred and twenty", 620), ("eighteen hundred and thirty-four",
     1834), ("двадцати двум", 22), ("одиннадцати", 11), ("четырьмя", 4), ("пятидесяти семи", 57),
     ("сорока", 40), ("восьми", 8)],
)  # fmt: skip
def test_a_cardinal_in_words_is_read_in_either_language(words, value):
    assert cardinal(words) == value


# -- counts of partners in words -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moscow's exports in 2020. Moscow exported to twenty-two countries in 2020.",
         "twenty-two countries"),
        ("Экспорт Москвы в 2020 году. В 2020 году Москва продавала товары двадцати двум странам.",
         "двадцати двум странам"),
        ("Экспорт Москвы в 2020 году. Москва экспортировала в двадцать две страны в 2020 году.",
         "двадцать две страны"),
    ],
)  # fmt: skip
def test_a_count_of_partners_in_words_reads_as_its_digits(corpus, text, words):
    assert _moscow_partners(2020) == 22
    r = find(claims.check(corpus, text), words)
    assert r.claim.kind == "count"
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moscow's exports in 2020. Moscow exported to thirty-one countries in 2020.",
         "thirty-one countries"),
        ("Экспорт Москвы в 2020 году. В 2020 году Москва продавала товары тридцати одной стране.",
         "тридцати одной стране"),
    ],
)  # fmt: skip
def test_a_false_count_of_partners_in_words_is_flagged(corpus, text, words):
    assert _moscow_partners(2020) != 31
    r = find(claims.check(corpus, text), words)
    assert r.verdict in RED, r.reason


# -- counts of years that went one way -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Portugal's technology trade, 2001-2021. Its imports fell in eleven years.", "eleven"),
        ("Технологическая торговля Португалии, 2001-2021 годы. Импорт сокращался в одиннадцати "
         "годах.", "одиннадцати"),
        ("Portugal's technology trade, 2001-2021. Exports went down only once in those twenty "
         "years.", "once"),
        ("Технологическая торговля Португалии, 2001-2021 годы. Экспорт падал лишь один раз.",
         "один раз"),
    ],
)  # fmt: skip
def test_a_count_of_years_that_fell_is_checked_over_the_series(corpus, text, words):
    assert _portugal_moves("import")[0] == 11
    assert _portugal_moves("export")[0] == 1
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.claim.kind == "count"
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Portugal's technology trade, 2001-2021. Its imports fell in eight years.", "eight"),
        ("Технологическая торговля Португалии, 2001-2021 годы. Экспорт рос в двенадцати годах.",
         "двенадцати"),
    ],
)  # fmt: skip
def test_a_false_count_of_years_is_flagged(corpus, text, words):
    assert _portugal_moves("import")[0] != 8
    assert _portugal_moves("export")[1] != 12
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.verdict in RED, r.reason


def test_only_once_with_its_year_is_the_only_fall_of_that_year(corpus):
    falls = _portugal_moves("export")[0]
    assert falls == 1
    text = "Portugal's technology trade, 2001-2021. Exports went down only once, in 2012."
    r = find(claims.check(corpus, text, reporter="PRT"), "once")
    assert r.verdict in RED, r.reason


# -- a count after its noun, against the year before ---------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Экспорт Москвы в 2020 году. Покупателей у Москвы в 2020 году стало 22 вместо 21.",
        "Экспорт Москвы в 2020 году. Стран-покупателей оказалось двадцать две вместо двадцати "
        "одной годом ранее.",
    ],
)
def test_a_count_after_its_noun_with_a_verb_of_counting_is_read(corpus, text):
    assert (_moscow_partners(2020), _moscow_partners(2019)) == (22, 21)
    results = claims.check(corpus, text)
    counts = [r for r in results if r.claim.kind == "count"]
    assert len(counts) == 2, [(r.claim.span, r.verdict, r.reason) for r in results]
    assert all(r.verdict == "supported" for r in counts), [r.reason for r in counts]


# -- a bound said as a mark ----------------------------------------------------------------------
def _moscow_headings_over(year: int, bound: float) -> int:
    m = moscow()
    m = m[(m["flow"] == "export") & (m["year"] == year)]
    by = m.groupby(m["product"].str.zfill(6).str[:4])["value_usd"].sum()
    return int((by > bound).sum())


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moscow's exports in 2020. That year nine headings passed the 100-million mark.",
         "100-million"),
        ("Moscow's exports in 2020. Nine headings of its exports got past the "
         "one-hundred-million-dollar bar in 2020.", "one-hundred-million-dollar"),
        ("Moscow's exports in 2020. In 2020 nine headings crossed the $100 million threshold.",
         "$100 million"),
    ],
)  # fmt: skip
def test_a_count_of_goods_past_a_mark_is_checked(corpus, text, words):
    assert _moscow_headings_over(2020, 100e6) == 9
    r = find(claims.check(corpus, text), words)
    assert r.verdict == "supported", r.reason


def test_a_false_count_of_goods_past_a_mark_is_flagged(corpus):
    assert _moscow_headings_over(2020, 100e6) != 14
    text = "Moscow's exports in 2020. That year fourteen headings passed the 100-million mark."
    r = find(claims.check(corpus, text), "100-million")
    assert r.verdict in RED, r.reason


# -- a count in words wherever it stands ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moscow's exports in 2020.\n\nFor the record. A total of twenty-two countries received "
         "its goods in 2020.", "twenty-two countries"),
        ("Экспорт Москвы в 2020 году.\n\nИтог года: 22 страны-получателя.", "22 страны"),
        ("Экспорт Москвы в 2020 году.\n\nИтог года: двадцать две страны-получателя.",
         "двадцать две страны"),
    ],
)  # fmt: skip
def test_a_count_of_recipients_is_a_count_of_the_trade(corpus, text, words):
    r = find(claims.check(corpus, text), words)
    assert r.claim.kind == "count"
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Moscow's exports in 2020. Three countries cut their purchases in 2020.",
        "Экспорт Москвы в 2020 году. Три страны сократили закупки в 2020 году.",
        "Moscow's exports in 2020. Seven countries bought more than $100 million each in 2020.",
        "Экспорт Москвы в 2020 году. Закупки Кореи, Казахстана и Турции выросли — каждая из трёх "
        "стран прибавила одинаково.",
    ],
)
def test_a_count_of_some_partners_is_no_count_of_all(corpus, text):
    results = claims.check(corpus, text)
    assert not [r for r in results if r.claim.kind == "count" and r.verdict in RED], [
        (r.claim.span, r.verdict, r.reason) for r in results
    ]


# -- the count of another year in brackets; chapters counted among all ---------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moscow's exports in 2020. Twenty-two countries were buyers in 2020 (twenty-one in "
         "2019).", "twenty-one in 2019"),
        ("Экспорт Москвы в 2020 году. Покупателями были 22 страны (21 в 2019 году).", "21 в 2019"),
    ],
)  # fmt: skip
def test_a_count_of_another_year_in_brackets_is_checked(corpus, text, words):
    assert _moscow_partners(2019) == 21
    r = find(claims.check(corpus, text), words)
    assert r.claim.kind == "count"
    assert r.claim.period.year == 2019
    assert r.verdict == "supported", r.reason


def _chile_export_chapters_over(bound: float) -> int:
    files = [str(f) for f in demo.files()]
    rows = duckdb.sql(
        f"SELECT count(*) FROM (SELECT substr(lpad(product, 6, '0'), 1, 2) AS c, "
        f"sum(value_usd) AS v FROM read_csv({files}, types={{'product': 'VARCHAR'}}) "
        f"WHERE reporter = 'CHL' AND flow = 'export' AND year = 2004 GROUP BY 1) WHERE v > {bound}"
    )
    return int(rows.fetchall()[0][0])


def test_a_count_of_chapters_past_a_mark_counts_every_chapter(corpus):
    # After a paragraph on vehicles: every chapter is counted, not the vehicles.
    assert _chile_export_chapters_over(10e6) == 7
    assert round(raw_sum(demo.files(), "reporter = 'CHL' AND flow = 'export' AND year = 2004 "
                         "AND product LIKE '87%'", text_products=True), 1) == 11.1  # fmt: skip
    text = ("Chile's trade with Argentina, 2004.\n\nVehicles are now the fourth-biggest "
            "outgoing chapter at $11.1 million. Seven chapters got past the ten-million-dollar "
            "bar.")  # fmt: skip
    r = find(claims.check(corpus, text), "ten-million-dollar")
    assert r.verdict == "supported", r.reason
