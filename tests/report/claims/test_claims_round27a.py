"""Round 27a: a figure whose sentence names no trade.

- A figure in a sentence that names no trade word, partner or goods ("The final total is $2.4
  billion, 30% above 2019", «Итог — 2,4 млрд долларов») goes on about the trade the text before
  it speaks of (its headline, lead or an earlier paragraph), not only after a pronoun, a
  dialogue's question or a part of the year. The reading is not certain: a figure that fits is
  supported, one that does not is never flagged.
- Its flow is the one the nearest sentence naming a flow names ("Portugal's imports in 2021.
  The total came to 4.6 billion dollars": imports); a figure that fits only the other flow is
  not supported.
- A figure that names no flow is of exports for certain (and may be flagged) where the
  warehouse holds only the reporter's exports and the headline and the claim's paragraph up to
  it name exports and no other flow (Moscow's exports), whatever an aside elsewhere says of
  imports; a text headed by the imports of such a reporter, or by both flows, keeps the flow a
  default (never flagged on it).
- A text that never speaks of trade ("The city budget in 2020. The total is $2.4 billion")
  leaves such a figure not understood.

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
)


def _moscow() -> tuple[float, float]:
    """Moscow's exports in 2020 (millions) and their growth on 2019 (%)."""
    e = moscow_exports() / 1e6
    return float(e[2020]), float((e[2020] / e[2019] - 1) * 100)


# -- the text's trade goes on to a figure whose sentence names none --------------------------------
@pytest.mark.parametrize(
    ("text", "level", "growth"),
    [
        (
            "Moscow's high-tech exports, 2020.\n\nThe final total is $2.4 billion, 30% above 2019.",
            "$2.4 billion",
            "30%",
        ),
        (
            "A note on the city's sales abroad in 2020. In the end the year closed at $2.4 billion, "
            "a gain of 30% on 2019.",
            "$2.4 billion",
            "30%",
        ),
        (
            "Московский экспорт за 2020 год.\n\nИтог — 2,4 млрд долларов, на 30% больше, чем в "
            "2019 году.",
            "2,4 млрд",
            "30%",
        ),
        (
            "Продажи Москвы за рубеж в 2020 году. Год закрылся на отметке 2,4 млрд долларов, "
            "прибавив 30% к 2019-му.",
            "2,4 млрд",
            "30%",
        ),
    ],
)
def test_a_figure_with_no_trade_word_goes_on_with_the_text_trade(corpus, text, level, growth):
    value, rate = _moscow()
    assert round(value / 1000, 1) == 2.4
    assert round(rate) == 30
    results = claims.check(corpus, text, reporter="RU-MOW")
    for words in (level, growth):
        r = find(results, words)
        assert r.verdict == "supported", (words, r.reason)
        assert r.claim.subject.flow == "export"
        assert r.claim.period.year == 2020


@pytest.mark.parametrize(
    "text",
    [
        "Moscow's high-tech exports, 2020.\n\nThe final total is $3.1 billion, 50% above 2019.",
        "Московский экспорт за 2020 год.\n\nИтог — 3,1 млрд долларов, на 50% больше, чем в "
        "2019 году.",
    ],
)
def test_a_wrong_figure_carried_from_the_text_is_not_flagged(corpus, text):
    value, rate = _moscow()
    assert abs(value - 3100) > 100
    assert abs(rate - 50) > 5
    results = claims.check(corpus, text, reporter="RU-MOW")
    for words in ("3", "50%"):
        r = find(results, words)
        assert r.verdict not in RED, r.reason
        assert r.verdict != "supported", r.reason
        assert r.claim.understood, r.reason


# -- the flow of the nearest sentence that names one -------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Portugal's imports in 2021.\n\nThe total came to 4.6 billion dollars.",
        "Импорт Португалии в 2021 году.\n\nИтог — 4,6 млрд долларов.",
    ],
)
def test_the_carried_flow_is_the_one_the_text_names(corpus, text):
    t = portugal_by_flow_mn()
    assert round(t.loc[2021, "import"] / 1000, 1) == 4.6
    assert round(t.loc[2021, "export"] / 1000, 1) != 4.6
    r = find(claims.check(corpus, text, reporter="PRT"), "4")
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.flow == "import"


@pytest.mark.parametrize(
    "text",
    [
        "Portugal's exports in 2021.\n\nThe total came to 4.6 billion dollars.",
        "Экспорт Португалии в 2021 году.\n\nИтог — 4,6 млрд долларов.",
    ],
)
def test_a_figure_of_the_other_flow_is_not_supported(corpus, text):
    t = portugal_by_flow_mn()
    assert round(t.loc[2021, "import"] / 1000, 1) == 4.6
    assert abs(t.loc[2021, "export"] - 4600) > 50
    r = find(claims.check(corpus, text, reporter="PRT"), "4")
    assert r.verdict == "unverifiable", r.reason
    assert r.claim.understood, r.reason
    assert r.claim.subject.flow == "export"


# -- a text that never speaks of trade ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("head", "other"),
    [
        ("The city budget in 2020.", "Moscow's high-tech exports in 2020."),
        ("Городской бюджет в 2020 году.", "Экспорт Москвы в 2020 году."),
    ],
)
def test_a_text_that_never_speaks_of_trade_stays_not_understood(corpus, head, other):
    value, _ = _moscow()
    assert round(value / 1000, 1) == 2.4
    body = "The total is $2.4 billion." if head.isascii() else "Итог — 2,4 млрд долларов."
    r = find(claims.check(corpus, f"{head}\n\n{body}", reporter="RU-MOW"), "2")
    assert not r.claim.understood
    assert r.verdict == "unverifiable"
    # The same sentence after a headline on trade is read.
    r = find(claims.check(corpus, f"{other}\n\n{body}", reporter="RU-MOW"), "2")
    assert r.verdict == "supported", r.reason


# -- one flow held: the default flow is certain -------------------------------------------------------
def _japan_growth() -> float:
    """Moscow's exports to Japan, 2020 on 2019 (%)."""
    j = moscow(partner="JPN").groupby("year")["value_usd"].sum()
    return float((j[2020] / j[2019] - 1) * 100)


@pytest.mark.parametrize(
    ("exports", "imports", "body", "words"),
    [
        (
            "Moscow's high-tech exports in 2020.",
            ("Moscow's high-tech imports in 2020.", "Moscow's exports and imports in 2020."),
            "On imports the city office keeps no books.\n\nJapan and Korea stood out. Japan, at "
            "$511.7 million, was down a fifth on 2019.",
            "fifth",
        ),
        (
            "Экспорт Москвы в 2020 году.",
            ("Импорт Москвы в 2020 году.", "Экспорт и импорт Москвы в 2020 году."),
            "Импорт городская статистика не ведёт.\n\nВыделялись Япония и Корея. Япония — "
            "511,7 млн долларов, минус 20% к 2019 году.",
            "20%",
        ),
    ],
)
def test_a_default_flow_is_certain_where_only_that_flow_is_held(
    corpus, exports, imports, body, words
):
    assert round(_japan_growth()) == 26  # up a quarter, not down a fifth
    assert set(moscow()["flow"]) == {"export"}
    r = find(claims.check(corpus, f"{exports}\n\n{body}", reporter="RU-MOW"), words)
    assert r.verdict in RED, r.reason
    assert r.claim.subject.flow == "export"
    # The same sentence in a text about the imports of an exports-only reporter, or about
    # both flows: not flagged.
    for head in imports:
        r = find(claims.check(corpus, f"{head}\n\n{body}", reporter="RU-MOW"), words)
        assert r.verdict not in RED, (head, r.reason)
        assert r.claim.how("flow") not in ("read", "carried")
