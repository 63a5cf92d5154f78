"""Round 24a: comparisons of two different quantities.

- "China's purchases outstripped Japan's by about a tenth", «закупки Китая превысили японские на
  десятую часть»: a rise over another partner named right before the figure ("exceeded X's
  by"), not a rise over the year before.
- "Portugal bought 48% more goods from Germany than it sold there": "more ... than" with words
  between is a comparison with the other side too (not with the year before), unless what
  follows "than" is a time ("than in 2019", "than it did").
- "the deficit of 2002" after "shortfall": a shortfall is a deficit, not a fall, so "2.4 times
  the deficit of 2002" is not turned upside down.
- "times the value it bought", "times what Chilean paper earns": the other side of a multiple
  said by a noun of value or a verb of earning; when its sides are not certain the claim is
  unverifiable, never checked against an earlier year.
- "its exports to China and Japan combined": the other side names two partners, summed.
- «в полтора раза больше, нежели закупает там»: «нежели» is «чем», the other side goes on after
  its comma.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, PORTUGAL, RED, chile_mn, find


def _moscow_2020(partner: str) -> float:
    m = pd.read_csv(MOSCOW)
    m = m[(m["flow"] == "export") & (m["year"] == 2020) & (m["partner"] == partner)]
    return float(m["value_usd"].sum()) / 1e6


def _portugal_2021(flow: str, partners: list[str]) -> float:
    p = pd.read_csv(PORTUGAL)
    p = p[(p["flow"] == flow) & (p["year"] == 2021) & p["partner"].isin(partners)]
    return float(p["value_usd"].sum()) / 1e6


@pytest.mark.parametrize(
    "text",
    [
        "In 2020 Moscow sold $563 million to China and $512 million to Japan; China's "
        "purchases outstripped Japan's by about a tenth.",
        "In 2020 Moscow sold $563 million to China and $512 million to Japan, and China's "
        "purchases exceeded Japan's by 10%.",
    ],
)
def test_exceeding_another_partner_by_a_share_is_a_multiple_of_that_partner(corpus, text):
    ratio = _moscow_2020("CHN") / _moscow_2020("JPN")
    assert 1.09 < ratio < 1.11  # China above Japan by a tenth; Japan grew 26% on 2019
    results = claims.check(corpus, text, reporter="RU-MOW")
    r = find(results, "tenth" if "tenth" in text else "10%")
    assert r.claim.kind == "multiple", r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    "text",
    [
        "In 2021 Portugal bought 48% more goods from Germany than it sold there.",
        "In 2021 Portugal bought 1.5 times more goods from Germany than it sold there.",
        "В 2021 году Португалия ввезла на 48% больше товаров из Германии, чем вывезла туда.",
        "В 2021 году импорт Португалии из Германии был на 48% больше экспорта туда.",
    ],
)
def test_more_than_with_words_between_is_set_against_the_other_flow(corpus, text):
    ratio = _portugal_2021("import", ["DEU"]) / _portugal_2021("export", ["DEU"])
    assert 1.475 < ratio < 1.485
    results = claims.check(corpus, text, reporter="PRT")
    r = find(results, "48%" if "48%" in text else "1.5 times")
    assert r.verdict == "supported", r.reason


def test_a_shortfall_is_a_deficit_not_a_fall(corpus):
    deficit = chile_mn("import") - chile_mn("export")
    assert 2.40 < deficit[2004] / deficit[2002] < 2.45
    text = ("In 2004 our trade shortfall with Argentina reached $1.77 billion, about 2.4 times "
            "the deficit of 2002.")  # fmt: skip
    results = claims.check(corpus, text, reporter="CHL")
    r = find(results, "2.4 times")
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Chile and Argentina, 2002 and 2004. In 2002 Chile bought $919 million from Argentina. "
         "In 2004 Argentina sold Chile almost eight times the value it bought.", "eight times"),
        ("Chile and Argentina, 2002 and 2004. In 2002 Chile bought $109 million of Argentine "
         "cereals. In 2004 Argentine cereals cost Chile about 4.6 times what Chilean paper earns "
         "in Argentina.", "4.6 times"),
        ("В 2021 году Китай обеспечил 40% импорта Португалии, а Германия поставила Португалии "
         "в полтора раза больше, нежели купила там.", "в полтора раза"),
    ],
)  # fmt: skip
def test_a_multiple_of_another_side_read_uncertainly_is_not_flagged(corpus, text, words):
    # Chile's imports from Argentina only doubled on 2002, and Germany's deliveries are half
    # China's: a reading against the year before or another partner would flag them.
    assert chile_mn("import")[2004] / chile_mn("import")[2002] < 2.3
    reporter = "PRT" if "Португал" in text else "CHL"
    results = claims.check(corpus, text, reporter=reporter)
    r = find(results, words)
    assert r.verdict not in RED, r.reason
    assert r.claim.whole is not None or r.verdict == "unverifiable", r.reason


def test_the_other_side_may_name_two_partners_combined(corpus):
    ratio = _portugal_2021("import", ["CHN"]) / _portugal_2021("export", ["CHN", "JPN"])
    assert 4.75 < ratio < 4.85
    text = ("In 2021 Portugal's imports from China were 4.8 times its exports to China and "
            "Japan combined.")  # fmt: skip
    results = claims.check(corpus, text, reporter="PRT")
    r = find(results, "4.8 times")
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("В 2021 году Китай дал 40% импорта Португалии. Германия дала четверть импорта, и её "
         "поставки в 2,5 раза превосходят корейские.", "в 2,5 раза"),
        ("In 2021 China gave Portugal 40% of its imports. Germany supplied a quarter of imports, "
         "and its deliveries were 2.5 times as large as Korea's.", "2.5 times"),
    ],
)  # fmt: skip
def test_a_partners_bare_noun_of_trade_is_not_read_as_exports(corpus, text, words):
    # Germany's deliveries are Portugal's imports (2.5 times Korea's); its exports to Germany
    # are 3.9 times those to Korea: reading the bare noun as exports would flag a true claim.
    imports = _portugal_2021("import", ["DEU"]) / _portugal_2021("import", ["KOR"])
    exports = _portugal_2021("export", ["DEU"]) / _portugal_2021("export", ["KOR"])
    assert 2.45 < imports < 2.55 < 3.8 < exports
    results = claims.check(corpus, text, reporter="PRT")
    r = find(results, words)
    assert r.verdict not in RED, r.reason
