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
from tests.report.claims._shared import PORTUGAL, RED


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
