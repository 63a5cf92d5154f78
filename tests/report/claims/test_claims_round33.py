"""Round 33: who buys, and which way the goods go, in the blind part heldout27.

Each case in its general form, in sentences of its own:

- a pronoun after a name buys («Япония вторая, она купила на 511,7 млн»): the partner's
  buying, the reporter's exports (was: the reporter's imports, unverifiable);
- «закупки в Аргентине», «Чилийские импортеры потратили», «Кукурузы Чили купила»: the
  reporter's purchases, imports (were: exports, or both readings and unverifiable);
- «Франции мы продали на 450 млн»: the speaker sells to the partner (was: France sells);
- «Встречные поставки выросли на 7%», "the return flow grew 7%": the goods and partner of the
  figure before, the other way (was: all of the reporter's exports, flagged);
- «— Нидерланды. В 2021 году они купили у нас на 1,13 млрд»: "they" are the partner the
  sentence before names alone (was: all exports, flagged); with none named, never flagged;
- "Between them the pair took 45%": the two partners named last;
- "every one of the 21 markets ..., and a 22nd, Mongolia, bought $350,000": Mongolia's own
  figure, not one of each market counted.

The figures are computed first from the raw files with pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex.report.claims import frames
from tests.report.claims._shared import MOSCOW, PORTUGAL, RED, chile_mn, find


def _moscow(partner: str, year: int) -> float:
    m = pd.read_csv(MOSCOW)
    return float(m[(m["partner"] == partner) & (m["year"] == year)]["value_usd"].sum()) / 1e6


def _portugal(flow: str, partner: str | None, year: int) -> float:
    p = pd.read_csv(PORTUGAL)
    rows = p[(p["flow"] == flow) & (p["year"] == year)]
    rows = rows if partner is None else rows[rows["partner"] == partner]
    return float(rows["value_usd"].sum()) / 1e6


def test_the_figures_by_hand():
    assert round(_moscow("JPN", 2020), 1) == 511.7
    assert round(_moscow("JPN", 2020) / _moscow("JPN", 2019) - 1, 3) == 0.262
    assert round(_moscow("USA", 2020) / _moscow("USA", 2019) - 1, 2) == 0.20
    assert round(chile_mn("import")[2004] / chile_mn("import")[2002], 2) == 2.21
    assert round(chile_mn("export")[2004] / chile_mn("export")[2002], 2) == 1.38
    assert round(chile_mn("import", "1005")[2004], 1) == 132.6
    assert (
        round(chile_mn("import", "1005")[2004] / chile_mn("import", "1005")[2002] - 1, 3) == 0.213
    )
    assert round(chile_mn("export", "39")[2004], 1) == 17.2
    assert round(chile_mn("import", "39")[2004], 1) == 73.6
    assert round(chile_mn("import", "39")[2004] / chile_mn("import", "39")[2002] - 1, 3) == 0.072
    assert round(_portugal("export", "FRA", 2021), 1) == 450.0
    assert round(_portugal("export", "NLD", 2021), 0) == 1134
    assert round(_portugal("export", None, 2021), 0) == 4500
    china, japan = _moscow("CHN", 2020), _moscow("JPN", 2020)
    assert round(100 * (china + japan) / sum(_moscow(p, 2020) for p in _partners(2020))) == 45


def _partners(year: int) -> list[str]:
    m = pd.read_csv(MOSCOW)
    return sorted(m[m["year"] == year]["partner"].unique())


def test_mongolia_is_the_twenty_second_partner():
    assert len(_partners(2019)) == 21
    assert len(_partners(2020)) == 22
    assert set(_partners(2020)) - set(_partners(2019)) == {"MNG"}
    assert round(_moscow("MNG", 2020), 2) == 0.35


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "Экспорт Москвы в 2020 году. Япония третья, она купила на 511,7 млн долларов.",
            "511,7",
            "supported",
        ),
        (
            "Экспорт Москвы в 2020 году. Япония третья, она купила на 611,7 млн долларов.",
            "611,7",
            "contradicted",
        ),
        (
            "Экспорт Москвы в 2020 году. Япония вторая, она купила на 511,7 млн, плюс 36%.",
            "36%",
            "contradicted",
        ),
    ],
)
def test_a_pronoun_after_a_partner_buys_from_the_reporter(corpus, text, words, expected):
    r = find(claims.check(corpus, text, reporter="RU-MOW"), words)
    assert r.verdict == expected, r.reason
    assert "Japan" in r.reason


def test_the_pronoun_rule_needs_a_name_before_it():
    t = "Япония вторая, она купила на 511,7 млн."
    assert [f for _, f, _ in frames.flows(t)] == ["export"]
    t = "В 2020 году она купила на 511,7 млн."  # no name before the pronoun: not the rule's
    assert [f for _, f, _ in frames.flows(t)] == ["import"]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "Чили нарастила закупки в Аргентине в 2004 году более чем вдвое по сравнению с 2002 годом.",
            "более чем вдвое",
            "supported",
        ),
        (
            "Чили нарастила закупки в Аргентине в 2004 году втрое по сравнению с 2002 годом.",
            "втрое",
            "contradicted",
        ),
        (
            "Чилийские импортеры в 2004 году потратили 2,04 млрд долл.; с 2002 года сумма "
            "увеличилась в 2,2 раза.",
            "в 2,2 раза",
            "supported",
        ),
        (
            "Чилийские импортеры в 2004 году потратили 2,04 млрд долл.; с 2002 года сумма "
            "увеличилась в 3,2 раза.",
            "в 3,2 раза",
            "contradicted",
        ),
        (
            "В 2004 году кукурузы Чили купила на 132,6 млн долл., на 21% больше, чем в 2002 году.",
            "на 21%",
            "supported",
        ),
        (
            "В 2004 году кукурузы Чили купила на 132,6 млн долл., на 41% больше, чем в 2002 году.",
            "на 41%",
            "contradicted",
        ),
    ],
)
def test_the_reporters_own_purchases_are_imports(corpus, text, words, expected):
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == expected, r.reason
    assert "imports" in r.reason


def test_a_partners_importers_still_buy_the_reporters_goods(corpus):
    # Guard: «импортеры» of the partner, with a verb of their buying, are the reporter's exports.
    text = "В 2004 году аргентинские импортеры закупили чилийских товаров на 263 млн долларов."
    r = find(claims.check(corpus, text, reporter="CHL"), "263")
    assert r.verdict == "supported", r.reason
    assert "exports" in r.reason


@pytest.mark.parametrize(("figure", "expected"), [("450", "supported"), ("550", "contradicted")])
def test_the_speaker_sells_to_a_partner_named_before_it(corpus, figure, expected):
    text = f"В 2021 году Франции мы продали технологий на {figure} млн долларов."
    r = find(claims.check(corpus, text, reporter="PRT"), figure)
    assert r.verdict == expected, r.reason
    assert "exports to France" in r.reason


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "Экспорт пластмасс из Чили в Аргентину в 2004 году составил 17,2 млн долл. "
            "Встречные поставки выросли всего на 7%, до 73,6 млн.",
            "на 7%",
            "supported",
        ),
        (
            "Экспорт пластмасс из Чили в Аргентину в 2004 году составил 17,2 млн долл. "
            "Встречные поставки выросли на 27%, до 73,6 млн.",
            "на 27%",
            "contradicted",
        ),
        (
            "Экспорт пластмасс из Чили в Аргентину в 2004 году составил 17,2 млн долл. "
            "Встречные поставки выросли всего на 7%, до 73,6 млн.",
            "73,6",
            "supported",
        ),
        (
            "Chile's plastics exports to Argentina reached $17.2 million in 2004; the return flow "
            "grew 7%, to $73.6 million.",
            "grew 7%",
            "supported",
        ),
        (
            "Chile's plastics exports to Argentina reached $17.2 million in 2004; the return flow "
            "grew 17%, to $73.6 million.",
            "grew 17%",
            "contradicted",
        ),
    ],
)
def test_the_flow_back_is_the_same_goods_the_other_way(corpus, text, words, expected):
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == expected, r.reason
    assert "imports from Argentina (" in r.reason


@pytest.mark.parametrize(("figure", "expected"), [("1,13", "supported"), ("1,73", "contradicted")])
def test_they_buy_the_partner_the_sentence_before_names(corpus, figure, expected):
    text = f"— Кто главный покупатель?\n— Нидерланды. В 2021 году они купили у нас на {figure} млрд долларов."
    r = find(claims.check(corpus, text, reporter="PRT"), figure)
    assert r.verdict in (("supported",) if expected == "supported" else ("unverifiable", *RED))
    assert "Netherlands" in r.reason


def test_they_with_no_partner_before_are_never_all_exports(corpus):
    text = "В 2021 году экспорт вырос. Они купили у нас на 1,5 млрд долларов."
    r = find(claims.check(corpus, text, reporter="PRT"), "1,5")
    assert r.verdict not in RED, r.reason


@pytest.mark.parametrize(("figure", "expected"), [("45%", "supported"), ("55%", "unverifiable")])
def test_the_pair_is_the_two_partners_named_last(corpus, figure, expected):
    text = (
        "Moscow's exports in 2020. China was the top destination at $563.3 million, with Japan "
        f"second at $511.7 million. Between them the pair took {figure} of everything the city sold."
    )
    r = find(claims.check(corpus, text, reporter="RU-MOW"), figure)
    assert r.verdict == expected, r.reason
    assert "China, Japan" in r.reason


def test_a_partner_of_its_own_after_a_count_is_not_one_counted(corpus):
    text = (
        "Moscow's exports grew in 2020. Sales went to every one of the 21 markets, and a 22nd, "
        "Mongolia, bought $350,000 worth."
    )
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "$350,000")
    assert "Mongolia" in r.reason, r.reason
    assert "partners of" not in r.reason
