"""Ranks, shares, multiples and comparisons said in words (sentences written for these tests).

Expected verdicts come from pandas on examples/moscow-2020/flows.csv: in 2020 Moscow's buyers
rank China 1, Japan 2, Germany 3, the United States 4, Belarus 5, India 6.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex.report.claims.parse import parse

MOSCOW = Path(__file__).parents[3] / "examples" / "moscow-2020" / "flows.csv"
#: Moscow's partners in Asia (M49), by hand.
ASIA = {"CHN", "JPN", "IND", "KOR", "KAZ", "TUR", "ARE", "SGP", "MYS", "IDN", "UZB", "VNM",
        "THA", "BGD", "MNG"}  # fmt: skip


def _ranks(year: int = 2020) -> dict[str, int]:
    flows = pd.read_csv(MOSCOW)
    by = flows[flows["year"] == year].groupby("partner")["value_usd"].sum()
    return {p: i + 1 for i, p in enumerate(by.sort_values(ascending=False).index)}


def _read(text: str) -> list[tuple[str, str, float, float]]:
    return [(f.claim.kind, f.claim.span, f.claim.quantity.lo, f.claim.quantity.hi)
            for f in parse(text) if f.claim.quantity is not None]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poland entered the top five buyers.", ("rank", "the top five buyers", 1, 5)),
        ("Польша вошла в пятёрку крупнейших покупателей.",
         ("rank", "в пятёрку крупнейших покупателей", 1, 5)),
        ("Испания стала четвёртым покупателем.", ("rank", "четвёртым покупателем", 4, 4)),
        ("Половина экспорта пришлась на Китай.", ("share", "Половина", 45, 56)),
        ("Two fifths of exports went to Spain.", ("share", "Two fifths", 36, 44.8)),
        ("Shipments grew four and a half times.",
         ("multiple", "grew four and a half times", 4.185, 5.085)),
        ("Поставки выросли в два с половиной раза.",
         ("multiple", "выросли в два с половиной раза", 2.325, 2.825)),
    ],
)  # fmt: skip
def test_words_read(text, expected):
    (got,) = _read(text)
    assert got[:2] == expected[:2]
    assert got[2:] == pytest.approx(expected[2:])


def test_a_clause_with_no_verb_goes_on_with_the_verb_before_it():
    got = _read("Экспорт вина снизился на 18%, а экспорт бумаги — на 70%.")
    assert [(k, lo, hi) for k, _, lo, hi in got] == [("growth", -18.5, -17.5),
                                                     ("growth", -70.5, -69.5)]  # fmt: skip


def test_a_multiple_of_another_subject_is_not_one_of_another_year():
    (_amount, twice) = parse("China shipped $1.83 billion, twice as much as Germany.")
    assert twice.claim.metric == "versus"
    (same,) = parse("Exports were twice as much as in 2019.")
    assert same.claim.metric is None


@pytest.mark.parametrize(
    ("text", "partner", "verdict"),
    [
        ("Германия стала третьим покупателем Москвы в 2020 году.", "DEU", "supported"),
        ("In 2020 Belarus was among the top five buyers of Moscow's goods.", "BLR", "supported"),
        ("Индия в 2020 году вошла в пятёрку крупнейших покупателей Москвы.", "IND",
         "contradicted"),
    ],
)  # fmt: skip
def test_ranks_in_words(checked_warehouse, text, partner, verdict):
    rank = _ranks()[partner]
    assert (rank <= 5 if "top five" in text or "пятёрку" in text else rank == 3) == (
        verdict == "supported")  # fmt: skip
    (r,) = [r for r in claims.check(checked_warehouse, text, reporter="RU-MOW")
            if r.claim.kind == "rank"]  # fmt: skip
    assert r.verdict == verdict, r.reason
    assert r.claim.subject.partners == (partner,)


def test_a_rank_the_paragraph_sets_in_a_group_is_not_accused(checked_warehouse):
    # Belarus is fifth among all of Moscow's buyers but second in Europe (after Germany): the
    # field the paragraph names is another reading, so no red flag.
    assert _ranks()["BLR"] == 5
    text = "In 2020 Germany remained Moscow's largest European customer. Belarus came second."
    rank = [r for r in claims.check(checked_warehouse, text, reporter="RU-MOW")
            if r.claim.span.strip() == "came second"]  # fmt: skip
    assert [r.verdict for r in rank] == ["unverifiable"], rank[0].reason
    assert "Europe" in rank[0].reason


def test_a_half_of_exports_is_a_share(checked_warehouse):
    flows = pd.read_csv(MOSCOW)
    year = flows[flows["year"] == 2020]
    share = 100 * year[year["partner"].isin(ASIA)]["value_usd"].sum() / year["value_usd"].sum()
    assert 59.75 <= share <= 66.92  # "почти две трети"
    # No word of share before the fraction: the flow named after it makes it a share.
    text = "Азия в 2020 году дала почти две трети экспорта Москвы."
    (r,) = claims.check(checked_warehouse, text, reporter="RU-MOW")
    assert r.claim.kind == "share"
    assert r.verdict == "supported", r.reason
    assert r.computed == pytest.approx(share)


def test_a_comparison_with_another_partner_is_not_checked_as_growth(checked_warehouse):
    flows = pd.read_csv(MOSCOW)
    by = flows[flows["year"] == 2020].groupby("partner")["value_usd"].sum()
    assert round(by["CHN"] / by["DEU"], 2) == 2.25  # the raw file
    text = "In 2020 Moscow sold $563.31 million to China, twice as much as to Germany."
    amount, twice = claims.check(checked_warehouse, text, reporter="RU-MOW")
    assert amount.verdict == "supported"
    # China's exports set against Germany's of the same year, not against 2019's.
    assert twice.verdict == "supported", twice.reason
    assert "against Moscow's exports to Germany" in twice.reason


def test_figures_said_respectively_are_not_accused(checked_warehouse):
    flows = pd.read_csv(MOSCOW)
    by = flows[flows["year"] == 2020].groupby("partner")["value_usd"].sum()
    assert (by["JPN"], by["KOR"]) == (511_710_000, 96_000_000)
    text = ("In 2020 Moscow's exports to Japan and Korea came to $511.71 million and $96 million "
            "respectively.")  # fmt: skip
    verdicts = [r.verdict for r in claims.check(checked_warehouse, text, reporter="RU-MOW")]
    assert "contradicted" not in verdicts
