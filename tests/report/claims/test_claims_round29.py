"""Round 29: goods carried from a place are bought there, unless the place is the reporter.

- «Бумагу из Аргентины везли», «везли из Аргентины», "paper carried from Argentina": a verb of
  carrying with the place the goods come from says imports (read as the text's default,
  exports, the figure of the blind part's tongue twister was supported by Chile's exports).
- Goods that come from the reporter itself («из Чили везли в Аргентину», «из Чили пришло» in
  Chile's text) are its exports, whichever word of coming says it.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import RED, chile_mn, find


def test_paper_figures():
    # The raw file: Chile's paper (HS 48) with Argentina, 2004, in millions.
    assert round(float(chile_mn("import", "48")[2004]), 1) == 67.9
    assert round(float(chile_mn("export", "48")[2004]), 1) == 33.3


@pytest.mark.parametrize(
    "text",
    [
        "В 2004 году бумагу из Аргентины везли на 67,9 млн долларов.",
        "В 2004 году бумагу везли из Аргентины на 67,9 млн долларов.",
        "In 2004 the paper carried from Argentina was worth $67.9 million.",
    ],
)
def test_goods_carried_from_a_partner_are_imports(corpus, text):
    r = find(claims.check(corpus, text, reporter="CHL"), "67,9" if "млн" in text else "$67.9")
    assert r.verdict == "supported", r.reason
    assert "import" in r.reason


def test_the_exports_figure_said_of_goods_carried_from_a_partner_is_flagged(corpus):
    # The blind part's line (heldout26, 08): 33.3 million is what Chile sent, not what came.
    text = ("Чили, 2004 год.\nБумагу из Аргентины везли, берегли: тридцать три и три десятых "
            "миллиона.")  # fmt: skip
    r = find(claims.check(corpus, text, reporter="CHL"), "тридцать три")
    # Read as imports the figure is wrong; the verb alone leaves the checker unsure which flow
    # is meant (it says so): never supported.
    assert r.verdict in (*RED, "unverifiable"), r.reason
    assert r.reason.startswith(("Chile's imports", "ambiguous: Chile's imports")), r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("В 2004 году бумагу из Чили везли в Аргентину на 33,3 млн долларов.", "33,3"),
        ("В 2004 году из Чили в Аргентину пришло бумаги на 33,3 млн долларов.", "33,3"),
    ],
)
def test_goods_that_come_from_the_reporter_are_its_exports(corpus, text, words):
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == "supported", r.reason
    assert "export" in r.reason


@pytest.mark.parametrize(
    "text",
    [
        # Chile's exports of paper said as what came from Argentina: was supported as exports.
        "В 2004 году бумагу из Аргентины везли на 33,3 млн долларов.",
        "В 2004 году бумагу везли из Аргентины на 33,3 млн долларов.",
        # Chile's imports of paper said as what went from Chile: was supported as imports.
        "В 2004 году бумагу из Чили везли в Аргентину на 67,9 млн долларов.",
        "В 2004 году из Чили в Аргентину пришло бумаги на 67,9 млн долларов.",
    ],
)
def test_the_other_flows_figure_is_never_supported(corpus, text):
    r = find(claims.check(corpus, text, reporter="CHL"), "млн")
    assert r.verdict != "supported", r.reason


def test_chiles_deficit_figure():
    # The raw file: Chile's imports from Argentina less its exports to it in 2004, in millions.
    assert round(float(chile_mn("import")[2004] - chile_mn("export")[2004])) == 1772


@pytest.mark.parametrize(
    "text",
    [
        "Дефицит Чили в 2004 году — миллиард семьсот семьдесят два миллиона долларов.",
        "Миллиард семьсот семьдесят два миллиона долларов — таков дефицит Чили в 2004 году.",
    ],
)
def test_a_billion_and_millions_in_words_are_one_figure(corpus, text):
    # «Миллиард» was dropped: 772 million against the deficit of 1.77 billion, a red flag.
    r = find(claims.check(corpus, text, reporter="CHL"), "семьдесят два")
    assert r.verdict == "supported", r.reason
    assert "1.77 billion" in r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Аргентина, в 2004 году ты продаёшь мне бумаги на 67,9 млн долларов.",
        "Аргентинцы, в 2004 году вы продаёте мне бумаги на 67,9 млн долларов.",
    ],
)
def test_you_sell_me_is_what_the_reporter_buys(corpus, text):
    # «продаёшь мне», «продаёте мне»: the partner (addressed) sells, the speaker buys.
    r = find(claims.check(corpus, text, reporter="CHL"), "67,9")
    assert r.verdict == "supported", r.reason
    assert "import" in r.reason
