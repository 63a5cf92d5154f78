"""Round 27c: the side of a balance told without a figure, of goods or of a partner.

- A deficit or surplus of goods, with no figure and no partner after it: "In 2004 Chile ran a
  surplus in pharmaceuticals", "Rubber gave Chile a surplus in 2004", «В 2004 году по
  пластмассам у Чили профицит», «по фармацевтике Чили в минусе»: the balance of those goods in
  its year (was no claim at all). The goods are those of its own clause; without goods or a
  partner the side word stays no claim ("a surplus would be welcome").
- A side said as a state, with the partner before or after it: «С Китаем Португалия была в
  плюсе», «с Нидерландами сезон закрыл в плюсе», "Portugal was in the red with China": the
  balance with that partner (was no claim).
- Not a claim: a side negated ("has never run a surplus in plastics", «по пластмассам у Чили
  нет профицита»), a side with a figure in its clause (the figure's own claim).

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo
from tests.report.claims._shared import MOSCOW, PORTUGAL, RED


def _chile_balance(chapter: str, year: int) -> float:
    """Chile's exports less imports with Argentina of an HS chapter in ``year``, in millions."""
    c = pd.concat(pd.read_csv(p, dtype={"product": str}) for p in demo.files())
    c = c[(c["year"] == year) & c["product"].str.zfill(6).str.startswith(chapter)]
    t = c.groupby("flow")["value_usd"].sum() / 1e6
    return float(t.get("export", 0.0) - t.get("import", 0.0))


def _portugal_balance(partner: str, year: int) -> float:
    """Portugal's exports less imports with ``partner`` in ``year``, in millions."""
    p = pd.read_csv(PORTUGAL)
    p = p[(p["year"] == year) & (p["partner"] == partner)]
    t = p.groupby("flow")["value_usd"].sum() / 1e6
    return float(t.get("export", 0.0) - t.get("import", 0.0))


def _sides(results, words: str):
    """The understood claims whose words hold ``words`` (fails naming the claims if none)."""
    hits = [r for r in results if words in r.claim.span and r.claim.understood]
    assert hits, [(r.claim.span, r.verdict, r.reason) for r in results]
    return hits[0]


# -- a side of goods ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "chapter", "verdict"),
    [
        ("In 2004 Chile ran a surplus in pharmaceuticals.", "surplus", "30", "contradicted"),
        ("In 2004 Chile was running a deficit in plastics.", "deficit", "39", "supported"),
        ("Rubber gave Chile a surplus in 2004.", "surplus", "40", "supported"),
        ("In 2004 Chile posted a deficit on rubber.", "deficit", "40", "contradicted"),
        ("В 2004 году по пластмассам у Чили профицит.", "профицит", "39", "contradicted"),
        ("В 2004 году по каучуку и резине у Чили тоже профицит.", "профицит", "40", "supported"),
        ("В 2004 году по фармацевтике Чили в минусе.", "в минусе", "30", "supported"),
        ("В 2004 году по пластмассам Чили была в плюсе.", "в плюсе", "39", "contradicted"),
    ],
)
def test_the_side_of_goods_without_a_figure(corpus, text, words, chapter, verdict):
    balance = _chile_balance(chapter, 2004)
    positive = any(w in text for w in ("surplus", "профицит", "плюсе"))
    assert ((balance > 0) == positive) == (verdict == "supported")
    r = _sides(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == verdict, r.reason
    assert r.claim.subject.flow == "balance"
    assert r.claim.subject.products, r.reason


# -- a side as a state, with a partner ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "partner", "verdict"),
    [
        ("В 2021 году с Нидерландами Португалия осталась в плюсе.", "в плюсе", "NLD", "supported"),
        ("В 2021 году с Китаем Португалия тоже была в плюсе.", "в плюсе", "CHN", "contradicted"),
        ("В 2021 году с Германией торговля закрылась в минусе.", "в минусе", "DEU", "supported"),
        ("In 2021 Portugal was in the red with China.", "in the red", "CHN", "supported"),
        (
            "In 2021 Portugal stayed in the black with Germany.",
            "in the black",
            "DEU",
            "contradicted",
        ),
    ],
)
def test_the_side_said_as_a_state_with_a_partner(corpus, text, words, partner, verdict):
    balance = _portugal_balance(partner, 2021)
    positive = any(w in text for w in ("плюсе", "black"))
    assert ((balance > 0) == positive) == (verdict == "supported")
    r = _sides(claims.check(corpus, text, reporter="PRT"), words)
    assert r.verdict == verdict, r.reason
    assert r.claim.subject.partners == (partner,), r.reason


# -- no claim -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "In 2004 Chile has never run a surplus in plastics.",
        "В 2004 году по пластмассам у Чили нет профицита.",
        "A surplus in plastics would be welcome.",
        "В 2004 году по фармацевтике Чили в минусе на 31,7 млн долларов.",
    ],
)
def test_no_side_claim_where_negated_wished_or_sized(corpus, text):
    results = claims.check(corpus, text, reporter="CHL")
    flagged = [r for r in results if r.verdict in RED and r.claim.quantity is not None
               and r.claim.quantity.hi == float("inf")]  # fmt: skip
    assert not flagged, [(r.claim.span, r.reason) for r in flagged]
    assert not [r for r in results if r.claim.metric == "side" and "31,7" not in r.claim.span]


# -- «вышел в плюс»: the balance with the partner, a turn not certain -------------------------------
def test_came_out_on_the_wrong_side_is_flagged(corpus):
    assert _portugal_balance("CHN", 2021) < 0
    text = "В 2021 году с Китаем Португалия тоже вышла в плюс."
    r = _sides(claims.check(corpus, text, reporter="PRT"), "в плюс")
    assert r.verdict == "contradicted", r.reason
    assert r.claim.subject.flow == "balance"
    assert r.claim.subject.partners == ("CHN",)


def test_came_out_on_the_side_it_was_on_already_is_not_flagged(corpus):
    assert _portugal_balance("NLD", 2021) > 0
    assert _portugal_balance("NLD", 2020) > 0
    for text in ("В 2021 году с Нидерландами Португалия вышла в плюс.",
                 "В 2021 году с Нидерландами торговый баланс вышел в плюс."):  # fmt: skip
        r = _sides(claims.check(corpus, text, reporter="PRT"), "в плюс")
        assert r.verdict not in RED, r.reason
        assert r.claim.subject.flow == "balance", r.reason


# -- a direction against an earlier time, told without a figure -----------------------------------
def _chile_exports(chapter: str, year: int) -> float:
    c = pd.concat(pd.read_csv(p, dtype={"product": str}) for p in demo.files())
    c = c[(c["year"] == year) & (c["flow"] == "export")]
    return float(c[c["product"].str.zfill(6).str.startswith(chapter)]["value_usd"].sum())


def _moscow_to(partner: str, year: int) -> float:
    m = pd.read_csv(MOSCOW)
    return float(m[(m["partner"] == partner) & (m["year"] == year)]["value_usd"].sum())


def _portugal(flow: str, year: int) -> float:
    p = pd.read_csv(PORTUGAL)
    return float(p[(p["flow"] == flow) & (p["year"] == year)]["value_usd"].sum())


@pytest.mark.parametrize(
    ("text", "words", "chapter", "verdict"),
    [
        ("In 2004 Chile sold Argentina more plastics than in 2002.", "more", "39", "supported"),
        ("In 2004 Chile sold Argentina less plastics than in 2002.", "less", "39", "contradicted"),
        (
            "В 2004 году Чили продала Аргентине пластмасс больше, чем в 2002-м.",
            "больше",
            "39",
            "supported",
        ),
        (
            "В 2004 году Чили продала Аргентине пластмасс меньше, чем за два года до того.",
            "меньше",
            "39",
            "contradicted",
        ),
    ],
)
def test_more_or_less_than_an_earlier_year_is_a_direction(corpus, text, words, chapter, verdict):
    rose = _chile_exports(chapter, 2004) > _chile_exports(chapter, 2002)
    assert rose
    assert (verdict == "supported") == (words in ("more", "больше"))
    r = _sides(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == verdict, r.reason
    assert r.claim.kind == "growth"
    assert r.claim.subject.products, r.reason


@pytest.mark.parametrize(
    ("text", "words", "partner", "verdict"),
    [
        (
            "Japan's purchases from Moscow were down on last year in 2020.",
            "down on last year",
            "JPN",
            "contradicted",
        ),
        (
            "Японцы купили у Москвы в 2020 году больше прошлогоднего.",
            "больше прошлогоднего",
            "JPN",
            "supported",
        ),
        (
            "В 2020 году Франция купила у Москвы меньше, чем годом ранее.",
            "меньше",
            "FRA",
            "contradicted",
        ),
        ("In 2020 France bought more from Moscow than a year earlier.", "more", "FRA", "supported"),
        (
            "Moscow's exports in 2020. Germany is slipping back, down on last year.",
            "down on last year",
            "DEU",
            "contradicted",
        ),
        (
            "Экспорт Москвы в 2020 году. Германия купила меньше прошлогоднего.",
            "меньше",
            "DEU",
            "contradicted",
        ),
    ],
)
def test_a_partner_up_or_down_on_last_year(corpus, text, words, partner, verdict):
    assert _moscow_to(partner, 2020) > _moscow_to(partner, 2019)
    r = _sides(claims.check(corpus, text, reporter="RU-MOW"), words)
    assert r.verdict == verdict, r.reason
    assert r.claim.kind == "growth"
    assert r.claim.subject.partners == (partner,), r.reason


@pytest.mark.parametrize(
    ("text", "words", "flow", "year", "verdict"),
    [
        ("In 2018 Portugal's imports edged down.", "edged down", "import", 2018, "supported"),
        ("In 2018 Portugal's exports edged higher.", "edged higher", "export", 2018, "supported"),
        ("In 2016 Portugal's imports ticked up.", "ticked up", "import", 2016, "contradicted"),
        (
            "In 2016 Portugal's exports inched lower.",
            "inched lower",
            "export",
            2016,
            "contradicted",
        ),
        (
            "In 2018 Portugal's purchases abroad edged down while its sales rose 5%.",
            "edged down",
            "import",
            2018,
            "supported",
        ),
    ],
)
def test_edged_up_or_down_is_a_direction(corpus, text, words, flow, year, verdict):
    up = _portugal(flow, year) > _portugal(flow, year - 1)
    assert (up == any(w in words for w in ("up", "higher"))) == (verdict == "supported")
    r = _sides(claims.check(corpus, text, reporter="PRT"), words)
    assert r.verdict == verdict, r.reason
    assert r.claim.kind == "growth"


@pytest.mark.parametrize(
    "text",
    [
        "В 2004 году Чили продала Аргентине пластмасс на 69% больше, чем в 2002-м.",
        "In 2004 Chile sold Argentina 69% more plastics than in 2002.",
        "In 2004 Chile sold Argentina more plastics than Argentina sold Chile.",
    ],
)
def test_no_direction_beside_a_figure_of_its_own(corpus, text):
    results = claims.check(corpus, text, reporter="CHL")
    bare = [r for r in results if r.claim.kind == "growth" and r.claim.quantity is not None
            and r.claim.quantity.value == 0.0]  # fmt: skip
    assert not bare, [(r.claim.span, r.reason) for r in bare]
