"""Round 28c: one thing against another: parts in words and comparisons with an earlier time.

- A part of a flow said in words, with a verb of taking or giving and no noun of the flow after
  it: «Франция взяла десятую часть», «Франции Португалия отдаёт десятую часть», «больше пятой
  части всего экспорта», "Germany took about a seventh", "one ninth of Moscow's exports": the
  partner's share of the flow the text names (was not understood or missed). The fractions
  a seventh, a ninth and their Russian twins in every case («седьмую часть», «девятой части»)
  are read as fractions.
- A multiple set against a noun of an earlier time, named by its year or by a word of the year
  before: «вшестеро выше средней нормы 2002 года», "four times above the average level of
  2002", and a clause that goes on with the comparison of the clause before it with a dash
  («Вьетнам взял вдвое больше прошлогоднего, Таиланд — втрое больше»): a multiple over that
  year, not of another subject (was "a multiple of another subject ...: not checked").
- The reporter's two flows against each other, told without a figure: "In HS chapter 40 we
  sell Argentina less than we buy", «по пластмассам мы продаём Аргентине меньше, чем мы
  покупаем»: the other side's pronoun and verb name its flow (what we buy is our imports), and
  "less than" is below one (it was read as above one; the Russian one was no claim after a word
  ending in «-не», read as a negation).

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, PORTUGAL, RED, chile_mn, find


def _share(path, year: int, partner: str) -> float:
    """The partner's share of the reporter's exports in ``year``, in per cent (raw file)."""
    p = pd.read_csv(path)
    p = p[(p["year"] == year) & (p["flow"] == "export")]
    return float(100 * p[p["partner"] == partner]["value_usd"].sum() / p["value_usd"].sum())


def _moscow_partner(partner: str, year: int) -> float:
    m = pd.read_csv(MOSCOW)
    m = m[(m["year"] == year) & (m["flow"] == "export") & (m["partner"] == partner)]
    return float(m["value_usd"].sum())


# -- parts in words ------------------------------------------------------------------------------
_PRT = "В 2021 году Португалия экспортировала технологических товаров на 4,5 млрд долларов. "
_PRT_EN = "In 2021 Portugal exported $4.5 billion of technology goods. "
_MOW = "В 2020 году Москва экспортировала технологий на 2,4 млрд долларов. "
_MOW_EN = "In 2020 Moscow exported $2.4 billion of technology goods. "


@pytest.mark.parametrize(
    ("reporter", "text", "words", "partner", "lo", "hi", "verdict"),
    [
        ("PRT", _PRT + "Франция взяла десятую часть.", "десятую", "FRA", 9.0, 11.2, "supported"),
        ("PRT", _PRT + "Испания взяла десятую часть.", "десятую", "ESP", 9.0, 11.2, "contradicted"),
        (
            "PRT",
            _PRT + "Франции Португалия отдаёт десятую часть.",
            "десятую",
            "FRA",
            9.0,
            11.2,
            "supported",
        ),
        (
            "PRT",
            _PRT + "Германия забрала седьмую часть.",
            "седьмую",
            "DEU",
            12.8,
            16.0,
            "supported",
        ),
        (
            "RU-MOW",
            _MOW + "Китай получил больше пятой части всего московского экспорта.",
            "пятой",
            "CHN",
            20.0,
            100.0,
            "supported",
        ),
        (
            "RU-MOW",
            _MOW + "Германия получила больше девятой части всего московского экспорта.",
            "девятой",
            "DEU",
            11.12,
            100.0,
            "contradicted",
        ),
        (
            "PRT",
            _PRT_EN + "Germany took about a seventh.",
            "seventh",
            "DEU",
            12.8,
            16.0,
            "supported",
        ),
        (
            "PRT",
            _PRT_EN + "Spain took about a seventh.",
            "seventh",
            "ESP",
            12.8,
            16.0,
            "contradicted",
        ),
        (
            "RU-MOW",
            _MOW_EN + "Germany carries roughly one ninth of all of it.",
            "ninth",
            "DEU",
            9.9,
            12.5,
            "supported",
        ),
    ],
)
def test_a_part_in_words(corpus, reporter, text, words, partner, lo, hi, verdict):
    path = PORTUGAL if reporter == "PRT" else MOSCOW
    share = _share(path, 2021 if reporter == "PRT" else 2020, partner)
    assert (lo <= share <= hi) == (verdict == "supported"), share
    r = find(claims.check(corpus, text, reporter=reporter), words, understood=True)
    assert r.claim.kind == "share", r.reason
    assert r.claim.subject.partners == (partner,), r.reason
    assert r.verdict == verdict, r.reason


# -- a multiple against a noun of an earlier year -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "chapter", "verdict"),
    [
        (
            "В 2004 году Чили вывезла в Аргентину древесины на 5,9 млн, вшестеро выше исторической "
            "нормы 2002 года.",
            "вшестеро",
            "44",
            "supported",
        ),
        (
            "В 2004 году Чили вывезла в Аргентину товаров на 263 млн долларов, вдвое больше "
            "исторического уровня 2002 года.",
            "вдвое",
            "",
            "contradicted",
        ),
        (
            "In 2004 Chile sold Argentina 5.9 million dollars of wood, six times higher than the "
            "historic level of 2002.",
            "six times",
            "44",
            "supported",
        ),
    ],
)
def test_a_multiple_against_a_noun_of_a_year(corpus, text, words, chapter, verdict):
    goods = chile_mn("export", chapter)
    x = goods[2004] / goods[2002]
    said = 6.0 if ("вшестеро" in text or "six" in text) else 2.0
    assert (0.93 * said <= x <= 1.13 * said) == (verdict == "supported"), x
    r = find(claims.check(corpus, text, reporter="CHL"), words, understood=True)
    assert r.claim.kind == "multiple", r.reason
    assert r.verdict == verdict, r.reason
    assert "not checked" not in r.reason


@pytest.mark.parametrize(
    ("text", "words", "partner", "said", "verdict"),
    [
        (
            "В 2020 году Москва вывозила больше в Азию. Вьетнам получил более чем вдвое больше "
            "прошлогоднего, Таиланд — втрое больше.",
            "втрое",
            "THA",
            3.0,
            "supported",
        ),
        (
            "В 2020 году во Вьетнам Москва вывезла более чем вдвое больше прошлогоднего, в Таиланд "
            "— вшестеро больше.",
            "вшестеро",
            "THA",
            6.0,
            "contradicted",
        ),
        (
            "In 2020 Moscow's exports to Viet Nam were more than twice as high as a year earlier, "
            "Thailand three times higher.",
            "three times",
            "THA",
            3.0,
            "supported",
        ),
    ],
)
def test_a_gapped_clause_goes_on_with_the_year(corpus, text, words, partner, said, verdict):
    x = _moscow_partner(partner, 2020) / _moscow_partner(partner, 2019)
    assert (0.93 * said <= x <= 1.13 * said) == (verdict == "supported"), x
    r = find(claims.check(corpus, text, reporter="RU-MOW"), words, understood=True)
    assert r.claim.kind == "multiple", r.reason
    assert r.claim.subject.partners == (partner,), r.reason
    assert (r.verdict in RED) == (verdict == "contradicted"), r.reason
    assert r.verdict == verdict, r.reason


# -- the reporter's two flows against each other, told without a figure ---------------------------
@pytest.mark.parametrize(
    ("text", "words", "chapter", "below", "verdict"),
    [
        (
            "In 2004, in plastics, we sell Argentina less than we buy.",
            "less than",
            "39",
            True,
            "supported",
        ),
        (
            "In 2004, in HS chapter 40, we sell Argentina less than we buy.",
            "less than",
            "40",
            True,
            "contradicted",
        ),
        (
            "In 2004, in rubber, we sell Argentina more than we buy.",
            "more than",
            "40",
            False,
            "supported",
        ),
        (
            "В 2004 году по пластмассам мы продаём Аргентине меньше, чем мы покупаем.",
            "меньше",
            "39",
            True,
            "supported",
        ),
        (
            "В 2004 году по 40-й группе мы продаём Аргентине меньше, чем мы покупаем.",
            "меньше",
            "40",
            True,
            "contradicted",
        ),
    ],
)
def test_what_we_sell_against_what_we_buy(corpus, text, words, chapter, below, verdict):
    sold, bought = chile_mn("export", chapter)[2004], chile_mn("import", chapter)[2004]
    assert ((sold < bought) == below) == (verdict == "supported"), (sold, bought)
    r = find(claims.check(corpus, text, reporter="CHL"), words, understood=True)
    assert r.claim.kind == "multiple", r.reason
    assert r.verdict == verdict, r.reason
