"""Round 25b: parts of a year, counts of partners, "a little short of".

A figure in a sentence with no trade word of its own that names a part of the year ("January to
March", «в третьем квартале») is the text's trade in those months when the text has said its
trade before, read but not certainly: supported when the data agree, never flagged when they
do not. A count of partners may open a clause after a colon or a comma ("The list is long:
twenty-two nations buy from the city", "On the export side, fourteen markets buy from
Portugal") and says how many nations buy or order from the reporter; a count of another year
set against it ("up from twenty-one in 2019") is read with it.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import PORTUGAL, RED, find, moscow


def _results(session, text: str):
    return claims.check(session, text)


def _quarter(year: int, q: int) -> float:
    m = moscow()
    m = m[(m["flow"] == "export") & (m["year"] == year) & (m["month"].between(3 * q - 2, 3 * q))]
    return float(m["value_usd"].sum()) / 1e6


def _moscow_partners(year: int) -> int:
    m = moscow()
    return int(m[(m["flow"] == "export") & (m["year"] == year)]["partner"].nunique())


def _portugal_partners(year: int, flow: str) -> int:
    p = pd.read_csv(PORTUGAL)
    return int(p[(p["flow"] == flow) & (p["year"] == year)]["partner"].nunique())


def test_the_figures_the_tests_rest_on():
    assert round(_quarter(2020, 1)) == 576
    assert round(_quarter(2020, 3)) == 601
    assert round(_quarter(2020, 4)) == 652
    assert (_moscow_partners(2020), _moscow_partners(2019)) == (22, 21)
    assert (_portugal_partners(2021, "export"), _portugal_partners(2021, "import")) == (14, 6)


# -- a part of the year in a sentence with no trade word ---------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Moscow's exports reached $2.4 billion in 2020.\n\nThe opening stretch, January to "
            "March, was calm: some $576 million.",
            "$576 million",
        ),
        (
            "Moscow's exports reached $2.4 billion in 2020.\n\nScene two. From July to September "
            "the tally climbs to $601 million.",
            "$601 million",
        ),
        (
            "Экспорт Москвы в 2020 году достиг 2,4 млрд долл.\n\nПравила просты. В третьем "
            "квартале в копилку идёт 601 млн.",
            "601 млн",
        ),
        (
            "Экспорт Москвы в 2020 году достиг 2,4 млрд долл.\n\nФинал. В четвёртом квартале "
            "на кону 652 млн.",
            "652 млн",
        ),
    ],
)
def test_a_part_of_the_year_with_no_trade_word_is_the_texts_trade(corpus, text, words):
    r = find(_results(corpus, text), words)
    assert r.claim.understood, r.reason
    assert r.verdict == "supported", r.reason
    assert r.claim.period.months is not None


@pytest.mark.parametrize(
    ("text", "right", "wrong"),
    [
        (
            "Moscow's exports reached $2.4 billion in 2020.\n\nThe opening stretch, January to "
            "March, was calm: some $576 million. The closing one, October to December, was loud: "
            "some $900 million.",
            "$576 million",
            "$900 million",
        ),
        (
            "Экспорт Москвы в 2020 году достиг 2,4 млрд долл.\n\nПравила просты. В третьем "
            "квартале в копилку идёт 601 млн. В четвёртом квартале на кону 900 млн.",
            "601 млн",
            "900 млн",
        ),
    ],
)
def test_a_part_of_the_year_read_so_is_never_flagged(corpus, text, right, wrong):
    results = _results(corpus, text)
    assert find(results, right).verdict == "supported", find(results, right).reason
    r = find(results, wrong)
    assert r.verdict not in RED, r.reason
    assert r.verdict == "unverifiable"


# -- a count of partners opening a clause --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        (
            "Moscow's exports came to $2.4 billion in 2020. The list is long: twenty-two nations "
            "buy from the city, up from twenty-one in 2019.",
            "twenty-two nations",
            "supported",
        ),
        (
            "Moscow's exports came to $2.4 billion in 2020. The list is long: twenty-two nations "
            "buy from the city, up from twenty-one in 2019.",
            "twenty-one in 2019",
            "supported",
        ),
        (
            "Moscow's exports came to $2.4 billion in 2020. The list is long: twenty nations "
            "order from the city.",
            "twenty nations",
            "contradicted",
        ),
        (
            "Portugal's technology exports were $4.5 billion in 2021. On the export side, fourteen "
            "markets buy from Portugal.",
            "fourteen markets",
            "supported",
        ),
    ],
)
def test_a_count_of_partners_opening_a_clause(corpus, text, words, verdict):
    r = find(_results(corpus, text), words)
    assert r.claim.kind == "count", (r.claim.kind, r.reason)
    assert r.verdict == verdict, r.reason


# -- "a little short of": just below ------------------------------------------------------------


def _china_share_2020() -> float:
    m = moscow()
    e = m[(m["flow"] == "export") & (m["year"] == 2020)]
    return 100 * float(e[e["partner"] == "CHN"]["value_usd"].sum()) / float(e["value_usd"].sum())


def test_a_little_short_of_is_just_below(corpus):
    # Just below 24% fits; just below 28% is still far from 23.4%.
    assert 23 < _china_share_2020() < 24
    text = "China's share of Moscow's exports in 2020 was a little short of {}."
    near = find(_results(corpus, text.format("24%")), "24%")
    far = find(_results(corpus, text.format("28%")), "28%")
    assert (near.verdict, far.verdict) == ("supported", "contradicted"), (near.reason, far.reason)


# -- a figure of each month ------------------------------------------------------------------


def _months_of(year: int) -> pd.Series:
    m = moscow()
    return (
        m[(m["flow"] == "export") & (m["year"] == year)].groupby("month")["value_usd"].sum() / 1e6
    )


def test_the_monthly_figures():
    assert {round(v, 1) for v in _months_of(2020)[:8]} == {191.9}
    assert {round(v, 1) for v in _months_of(2019)[:8]} == {150.2}
    assert min(_months_of(2020)[8:]) > 215
    assert max(_months_of(2020)[:8]) < 215


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        (
            "Moscow's exports were $2.4 billion in 2020. The first eight months were flat at "
            "$191.9m each.",
            "$191.9m",
            "supported",
        ),
        (
            "Moscow's exports were $2.4 billion in 2020. The first eight months were flat at "
            "$199.9m each.",
            "$199.9m",
            "contradicted",
        ),
        (
            "Moscow's exports were $2.4 billion in 2020. The first eight months of 2019 sold "
            "$150.2m apiece.",
            "$150.2m",
            "supported",
        ),
        (
            "Moscow's exports were $2.4 billion in 2020. Every month after August passed $215 "
            "million.",
            "$215",
            "supported",
        ),
        (
            "Экспорт Москвы в 2020 году составил 2,4 млрд долл. Первые восемь месяцев давали "
            "по 191,9 млн каждый.",
            "191,9",
            "supported",
        ),
    ],
)
def test_a_figure_of_each_month(corpus, text, words, verdict):
    r = find(_results(corpus, text), words)
    assert r.verdict == verdict, r.reason
    assert r.claim.metric == "each_month"


def test_every_month_after_a_month_passed_a_sum(corpus):
    # Months 9-12 only: above $215 million each, not above $225 million; the period is read.
    text = "Moscow's exports were $2.4 billion in 2020. Every month after August passed {}."
    right = find(_results(corpus, text.format("$215 million")), "$215")
    wrong = find(_results(corpus, text.format("$225 million")), "$225")
    assert (right.verdict, wrong.verdict) == ("supported", "contradicted"), right.reason
    assert right.claim.period.months == wrong.claim.period.months == (9, 12)


def test_every_month_after_a_month_in_russian(corpus):
    text = "Экспорт Москвы в 2020 году составил 2,4 млрд долл. Каждый месяц после августа давал {}."
    right = find(_results(corpus, text.format("больше 215 млн")), "215")
    wrong = find(_results(corpus, text.format("больше 225 млн")), "225")
    assert (right.verdict, wrong.verdict) == ("supported", "contradicted"), right.reason
    assert right.claim.period.months == (9, 12)


def test_those_same_months_are_the_months_of_the_figure_before(corpus):
    # Months 1-8 of 2019 at $150.2m each; the whole of 2019 is not (months 9-12 are higher).
    assert min(_months_of(2019)[8:]) > 160
    text = (
        "Moscow's exports were $2.4 billion in 2020. The first eight months were flat at "
        "$191.9m each. In 2019 those same months sold $150.2m apiece."
    )
    r = find(_results(corpus, text), "$150.2m")
    assert (r.verdict, r.claim.period.months) == ("supported", (1, 8)), r.reason
    # With no months before, which months is not certain: never flagged.
    alone = find(_results(corpus, "Moscow's exports were $1.85 billion in 2019. Those "
                          "months sold $150.2m apiece."), "$150.2m")  # fmt: skip
    assert alone.verdict not in RED, alone.reason
