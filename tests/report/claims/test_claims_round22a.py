"""Round 22a: ranks among the buyers of goods; counts of chapters over a bound; flows and
multiples said by a partner's side.

- A partner's rank among the buyers (suppliers) of goods ("third among drone buyers", "the
  fourth-largest customer for Moscow's machinery", «третий покупатель московских гаджетов») is
  its rank among those goods' partners; goods the lexicon does not know leave it unverifiable,
  never checked against all goods.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import moscow


def _ranks(heading: str = "") -> list[str]:
    m = moscow(heading)
    m = m[(m["flow"] == "export") & (m["year"] == 2020)]
    by = m.groupby("partner")["value_usd"].sum().sort_values(ascending=False)
    return [str(p) for p in by.index]


@pytest.fixture(scope="module")
def ranks() -> dict[str, list[str]]:
    out = {"all": _ranks(), "84": _ranks("84"), "90": _ranks("90")}
    assert out["all"][:3] == ["CHN", "JPN", "DEU"]
    assert out["84"][:4] == ["CHN", "JPN", "DEU", "KOR"]
    assert out["90"][:4] == ["JPN", "CHN", "USA", "DEU"]
    return out


@pytest.mark.parametrize(
    "text",
    [
        # Germany is third among all Moscow's buyers: never read so when goods are named.
        "In 2020 Germany placed third among the city's drone buyers.",
        "In 2020 Germany was the third-biggest customer for Moscow's gadgets.",
        "В 2020 году Германия была третьим покупателем московских гаджетов.",
        "В 2020 году Германия заняла третье место среди покупателей московских дронов.",
    ],
)  # fmt: skip
def test_a_rank_among_buyers_of_unknown_goods_is_not_checked_on_all_goods(ranks, corpus, text):
    results = claims.check(corpus, text, reporter="RU-MOW")
    r = next(r for r in results if r.claim.kind == "rank")
    assert r.verdict == "unverifiable", r.reason
    assert "lexicon does not know" in r.reason, r.reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("In 2020 South Korea was the fourth-largest buyer of machinery from Moscow.", "supported"),
        ("In 2020 Korea came fourth among Moscow's machinery customers.", "supported"),
        ("В 2020 году Южная Корея была четвёртым покупателем московских машин.",
         "supported"),
        # Korea is fifth among all buyers of Moscow: the field is machinery's.
        ("In 2020 South Korea came second among Moscow's machinery customers.", "contradicted"),
    ],
)  # fmt: skip
def test_a_rank_among_buyers_of_known_goods_is_among_that_goods_partners(ranks, corpus, text,
                                                                          verdict):  # fmt: skip
    assert ranks["84"].index("KOR") == 3
    assert ranks["all"].index("KOR") != 3
    results = claims.check(corpus, text, reporter="RU-MOW")
    r = next(r for r in results if r.claim.kind == "rank")
    assert r.claim.subject.products, r.reason
    assert r.verdict == verdict, r.reason
