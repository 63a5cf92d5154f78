"""Round 30: a multiple of another subject's pace of growth.

"Exports to India grew almost three times faster than to China", "twice as fast as", «вырос
почти втрое сильнее, чем в Китай»: the ratio of the two growth rates over the same years, not
a multiple of one subject's value over the year before (which flagged true sentences: India's
exports grew x1.63, "not three times"), nor a count of years ("grew twice").

Sentences written for these tests; the figures are computed first from the raw file with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex.report.claims import messages
from tests.report.claims._shared import PORTUGAL, RED, find, moscow


def _growth(partner: str) -> float:
    m = moscow(partner=partner).groupby("year")["value_usd"].sum()
    return float((m[2020] / m[2019] - 1) * 100)


def test_the_rates_by_hand():
    assert round(_growth("IND"), 2) == 63.05
    assert round(_growth("CHN"), 2) == 22.40
    assert round(_growth("JPN"), 2) == 26.20
    assert round(_growth("IND") / _growth("CHN"), 2) == 2.81  # "almost three times"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("In 2020 exports to India grew almost three times faster than exports to China.",
         "three times"),
        ("In 2020 sales to India rose nearly three times as fast as sales to China.",
         "three times"),
        ("В 2020 году экспорт в Индию вырос почти втрое сильнее, чем в Китай.", "втрое"),
        ("Exports to India grew 63% in 2020, almost three times faster than exports to China.",
         "almost three times"),
    ],
)  # fmt: skip
def test_a_multiple_of_another_partners_growth_rate_is_the_ratio_of_the_rates(corpus, text, words):
    r = find(claims.check(corpus, text, reporter="RU-MOW"), words)
    assert r.verdict == "supported", r.reason
    assert "growth 63.05% against 22.40%" in r.reason
    ru = messages.reason(r.reason, "ru")
    assert "рост 63,05% против 22,40%" in ru, ru


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # China's growth is 0.36 of India's, not twice it; Japan's 0.42 of India's.
        ("Exports to China grew twice as fast as exports to India in 2020.", "twice"),
        ("Exports to Japan grew three times faster than exports to India in 2020.", "three"),
    ],
)
def test_a_wrong_multiple_of_a_pace_is_flagged_with_both_rates(corpus, text, words):
    r = find(claims.check(corpus, text, reporter="RU-MOW"), words)
    assert r.verdict in RED, r.reason
    assert "(growth " in r.reason
    assert r.claim.kind == "multiple"  # not a count of years ("grew twice")


def test_a_pace_set_against_a_partner_named_before_is_no_red_flag(corpus):
    # The comparand before the multiple is not read as the other side: not checked, where it
    # was checked as the sum of both partners' exports (x1.29) and flagged.
    # The paragraph of the corpus article (heldout22, 09), after the year and flow it names.
    text = (
        "Игра ведётся по экспорту Москвы 2020 года.\n\nБонусный вопрос. Тот, кто угадает, "
        "что Индия выросла сильнее Китая почти втрое (63% против 22%), получает 5 очков."
    )
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "втрое")
    assert r.verdict not in RED, r.reason


def test_a_multiple_of_another_partners_value_stays_one_of_values(corpus):
    # Guard: "three times as much as" is of values (India's exports are 0.27 of Japan's).
    text = "In 2020 exports to India were three times as much as exports to Japan."
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "three times")
    assert r.verdict in RED, r.reason
    assert "US$140.32 million against US$511.71 million" in r.reason


# -- a letter's "you" is the partner it is written to ------------------------------------------
def _portugal(flow: str, partner: str) -> float:
    p = pd.read_csv(PORTUGAL)
    p = p[(p["flow"] == flow) & (p["partner"] == partner) & (p["year"] == 2021)]
    return float(p["value_usd"].sum() / 1e6)


LETTER = (
    "Моя дорогая Голландия!\n\n"
    "Пишу тебе из Лиссабона, год 2021-й.\n\n"
    "А ты? Ты продаёшь мне {figure} млн долларов — это правда."
)


def test_you_in_a_letter_to_a_partner_is_that_partner(corpus):
    assert round(_portugal("import", "NLD"), 1) == 458.6
    r = find(claims.check(corpus, LETTER.format(figure="458,6"), reporter="PRT"), "458,6")
    # Was read as all of Portugal's imports (US$4.59 billion): a red flag on a true figure.
    assert r.verdict == "supported", r.reason
    assert "Netherlands" in r.reason


def test_a_wrong_figure_said_to_the_addressee_is_flagged_against_it(corpus):
    r = find(claims.check(corpus, LETTER.format(figure="558,6"), reporter="PRT"), "558,6")
    assert r.verdict in RED, r.reason
    assert "Netherlands" in r.reason


def test_you_in_a_letter_to_the_reporter_is_no_partner(corpus):
    # "Dear Portugal": the reporter addressed; "you" are its own imports, of every partner.
    text = "Dear Portugal,\n\nIn 2021 you bought technology worth $4.59 billion."
    r = find(claims.check(corpus, text, reporter="PRT"), "$4.59 billion")
    assert round(float(pd.read_csv(PORTUGAL).query("flow == 'import' and year == 2021")
                       ["value_usd"].sum()) / 1e9, 2) == 4.59  # fmt: skip
    assert r.verdict == "supported", r.reason


# -- two figures side by side in brackets, of two partners named before -------------------------
def test_two_figures_in_brackets_are_each_of_its_partner(corpus):
    # Was read as the growth of India and China together (28.80%): both true figures flagged.
    text = ("Игра ведётся по экспорту Москвы 2020 года.\n\nБонусный вопрос. Тот, кто угадает, "
            "что Индия выросла сильнее Китая почти втрое (63% против 22%), получает 5 очков.")  # fmt: skip
    results = claims.check(corpus, text, reporter="RU-MOW")
    india, china = find(results, "63%"), find(results, "22%")
    assert india.verdict == "supported", india.reason
    assert "to India, 2020 against 2019: 63.05%" in india.reason
    assert china.verdict == "supported", china.reason
    assert "to China, 2020 against 2019: 22.40%" in china.reason


def test_a_wrong_figure_in_brackets_is_flagged_against_its_own_partner(corpus):
    text = "In 2020 exports to India and China grew (63% vs 32%)."
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "32%")
    assert r.verdict in RED, r.reason
    assert "to China, 2020 against 2019: 22.40%" in r.reason


def test_a_bracket_with_a_year_before_is_not_a_pair_of_partners(corpus):
    # Guard: "22% a year earlier" is another year's figure, not China's: the pair is not split.
    text = "In 2020 exports to India and China rose (29% against 22% a year earlier)."
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "29%")
    assert r.verdict == "supported", r.reason
    assert "India, China" in r.reason
