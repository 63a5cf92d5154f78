"""Round 24x: a deficit or surplus said to have grown (shrunk) to its size is checked as it moved.

«дефицит вырос до 86 млн» when the deficit narrowed from 190 million to 86 million was supported:
the size was right and the move was not read. Now a balance of the right size said to have
moved the other way is no support (unverifiable, as for exports or imports said to have risen
or fallen to a level: the base year is not read from the words), and the reasons of a move the
other way read in Russian.

Sentences written for these tests; the figures are computed first from the raw file with pandas,
never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from hitex.report.claims import messages
from tests.report.claims._shared import portugal_by_flow_mn


@pytest.fixture(scope="module")
def deficit() -> None:
    d = portugal_by_flow_mn()["deficit"].round(1)
    assert (d[2021], d[2020], d[2019]) == (86.0, 190.0, 270.0)  # narrowed in 2020 and 2021


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Португалия, 2021 год. Дефицит у португальцев в 2021-м вырос до 86 млн.", "unverifiable"),
        ("Portugal, 2021. The deficit widened to $86 million in 2021.", "unverifiable"),
        ("Portugal, 2021. The deficit grew to $86 million in 2021.", "unverifiable"),
        ("Portugal, 2021. The deficit narrowed to $86 million in 2021.", "supported"),
        ("Португалия, 2021 год. Дефицит сократился до 86 млн.", "supported"),
        ("Portugal, 2020. The deficit widened to $190 million in 2020.", "unverifiable"),
        ("Portugal, 2020. The deficit shrank to $190 million in 2020.", "supported"),
        ("Portugal, 2021. The deficit was $86 million in 2021.", "supported"),
    ],
)  # fmt: skip
def test_a_balance_said_to_have_moved_to_its_size_is_checked_as_it_moved(
    deficit, corpus, text, verdict
):
    results = claims.check(corpus, text, reporter="PRT")
    (result,) = [r for r in results if r.claim.understood]
    assert result.verdict == verdict, result.reason
    if verdict == "unverifiable":
        assert "while the text says it" in result.reason


@pytest.mark.parametrize(
    ("english", "russian"),
    [
        ("Portugal's trade balance in 2021: a deficit of US$86 million; but it narrowed from "
         "US$190 million in 2020, while the text says it widened",
         "торговое сальдо Португалии в 2021 г.: дефицит 86 млн долл. США; но в 2020 г. было "
         "190 млн долл. США: сокращение, а текст говорит о росте"),
        ("Portugal's imports in 2021: US$4.59 billion; but it rose from US$3.65 billion in 2020, "
         "while the text says it fell",
         "импорт Португалии в 2021 г.: 4,59 млрд долл. США; но в 2020 г. было 3,65 млрд долл. "
         "США: рост, а текст говорит о снижении"),
    ],
)  # fmt: skip
def test_a_move_the_other_way_reads_in_russian(english, russian):
    assert messages.reason(english, "ru") == russian
    assert messages.reason(english, "en") == english
