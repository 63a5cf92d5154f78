"""Round 24c: what is measured: services, a reporter's share of a partner's trade, coverage,
overlapping shares, the goods a figure is of.

- Services and software sold abroad are no goods the data hold: a figure of them is
  unverifiable, never checked against the goods exports.
- "Portugal's share of EU technology exports", «доля Португалии в экспорте ЕС»: the reporter's
  part of a partner's trade, which the data do not hold: unverifiable.
- A coverage ratio named by its noun («покрытие импорта экспортом», "import coverage by
  exports") is exports as a share of imports, not a growth rate.
- Shares whose goods overlap ("fuels with vehicles", "fuels, cereals and oils") are no parts
  that add up: no conflict of the text.
- An amount after a rank among the buyers of goods the lexicon does not know ("Japan led the
  buyers of the city's instruments, at $173.5 million") is of those goods: uncertain, never
  checked against all goods; a flow word of a share said after an amount ("$687.9 million, 15%
  of all imports") is the share's, not the amount's.
- Goods the words name unambiguously: radars and navigation instruments (HS 8526), «изделия из
  злаков» (cereal preparations, HS 19), steel articles (HS 73, the chapter's own title).

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import PORTUGAL, RED, chile_mn, find, moscow, portugal_mn


def _exports_arg_2004() -> float:
    return float(chile_mn("export")[2004])


# -- services and software -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("In 2004 Chile's services sold to Argentina earned some $300 million.", "$300 million"),
        ("In 2004 Chilean software sold to Argentina earned some $300 million.", "$300 million"),
        (
            "В 2004 году чилийского программного обеспечения продали в Аргентину примерно "
            "на 300 млн долл.",
            "300 млн",
        ),
    ],
)
def test_services_and_software_are_no_goods(corpus, text, words):
    # The goods exports are within 20% of the figure: read as goods, the claim would be judged.
    assert 250 < _exports_arg_2004() < 285
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == "unverifiable"
    assert "goods" in r.reason


# -- the reporter's share of a partner's trade -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("In 2021 Portugal's share of EU technology exports stayed under 1%.", "1%"),
        ("В 2021 году доля Португалии в технологическом экспорте ЕС не превышала 1%.", "1%"),
    ],
)
def test_a_reporters_share_of_a_partners_trade_is_unverifiable(corpus, text, words):
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.verdict == "unverifiable"
    assert "EU" in r.reason


def test_a_partners_share_of_the_reporters_trade_is_still_checked(corpus):
    p = pd.read_csv(PORTUGAL)
    x = p[(p["year"] == 2021) & (p["flow"] == "export")]
    share = x[x["partner"] == "DEU"]["value_usd"].sum() / x["value_usd"].sum() * 100
    assert round(share) == 14
    text = "In 2021 Germany's share of Portugal's exports was 14%."
    assert find(claims.check(corpus, text, reporter="PRT"), "14%").verdict == "supported"


# -- coverage named by its noun ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (
            "In trade with Argentina, import coverage by exports fell from 20.8% in 2002 to "
            "12.9% in 2004.",
            "20.8%",
            "12.9%",
        ),
        (
            "В торговле с Аргентиной покрытие импорта экспортом упало с 20,8% в 2002 году до "
            "12,9% в 2004-м.",
            "20,8%",
            "12,9%",
        ),
    ],
)
def test_coverage_named_by_its_noun_is_exports_over_imports(corpus, text, old, new):
    exports, imports = chile_mn("export"), chile_mn("import")
    assert round(exports[2002] / imports[2002] * 100, 1) == 20.8
    assert round(exports[2004] / imports[2004] * 100, 1) == 12.9
    results = claims.check(corpus, text, reporter="CHL")
    for words in (old, new):
        r = find(results, words)
        assert r.verdict == "supported", r.reason
        assert "as a share of" in r.reason


# -- shares whose goods overlap ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "half", "sixty"),
    [
        (
            "In 2004 fuels together with vehicles made up more than half of imports. Fuels, "
            "cereals and vegetable oils together came to about 60% of imports.",
            "more than half",
            "60%",
        ),
        (
            "В 2004 году топливо вместе с автомобилями дали более половины импорта. Топливо, "
            "зерно и растительные масла вместе — около 60% импорта.",
            "более половины",
            "60%",
        ),
    ],
)
def test_shares_with_goods_in_common_do_not_add_up(corpus, text, half, sixty):
    imports = chile_mn("import")[2004]
    fuels_vehicles = (chile_mn("import", "27")[2004] + chile_mn("import", "87")[2004]) / imports
    three = sum(chile_mn("import", h)[2004] for h in ("27", "10", "15")) / imports
    assert fuels_vehicles > 0.5
    assert round(three * 100) == 60
    results = claims.check(corpus, text, reporter="CHL")
    for words in (half, sixty):
        r = find(results, words)
        assert r.verdict == "supported", r.reason


# -- the goods of a rank's field, the flow of a share after an amount --------------------------
def test_an_amount_after_a_rank_among_unknown_goods_is_not_of_all_goods(corpus):
    m = moscow("90", "JPN")
    instruments = m[(m["flow"] == "export") & (m["year"] == 2020)]["value_usd"].sum() / 1e6
    assert round(instruments, 1) == 173.5
    text = "In 2020 Japan led the buyers of the city's instruments, at $173.5 million."
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "$173.5 million")
    assert r.verdict not in RED, r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Editor. And 2021?\n\nEditor. Imports from the United States?\n\n"
        "Lena. $687.9 million, 15% of all imports.",
        "Редактор. А 2021 год?\n\nРедактор. Импорт из США?\n\nЛена. 687,9 млн долл., 15% всего "
        "ввоза.",
    ],
)
def test_the_flow_word_of_a_share_after_an_amount_is_the_shares(corpus, text):
    p = pd.read_csv(PORTUGAL)
    usa = p[(p["year"] == 2021) & (p["flow"] == "import") & (p["partner"] == "USA")]
    assert round(usa["value_usd"].sum() / 1e6, 1) == 687.9
    assert portugal_mn("import")[2021] > 4000
    r = find(claims.check(corpus, text, reporter="PRT"), "687,9" if "Лена" in text else "687.9")
    assert r.verdict not in RED, r.reason


# -- goods named unambiguously -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Moscow's exports of radar and navigation instruments grew 34% in 2020.", "34%"),
        ("В 2020 году московские радары и навигационные приборы прибавили 34%.", "34%"),
    ],
)
def test_radars_and_navigation_instruments_are_heading_8526(corpus, text, words):
    m = moscow("8526")
    e = m[m["flow"] == "export"].groupby("year")["value_usd"].sum()
    assert round((e[2020] / e[2019] - 1) * 100) == 34
    r = find(claims.check(corpus, text, reporter="RU-MOW"), words)
    assert r.verdict == "supported", r.reason
    assert "radar" in r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Between 2002 and 2004 Chile's exports of preparations of cereals to Argentina grew "
        "37 times.",
        "Между 2002 и 2004 годом чилийский экспорт изделий из злаков в Аргентину вырос в 37 раз.",
    ],
)
def test_preparations_of_cereals_are_chapter_19(corpus, text):
    e = chile_mn("export", "19")
    assert round(e[2004] / e[2002]) == 37
    r = find(claims.check(corpus, text, reporter="CHL"), "37")
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("Between 2002 and 2004 Chile's exports of steel articles to Argentina grew 61%.",
         "61%", "contradicted"),
        ("Between 2002 and 2004 Chile's exports of steel articles to Argentina fell 61%.",
         "61%", "supported"),
        ("Между 2002 и 2004 годом чилийский экспорт изделий из чёрных металлов в Аргентину "
         "вырос на 61%.", "61%", "contradicted"),
    ],
)  # fmt: skip
def test_steel_articles_are_chapter_73_certainly(corpus, text, words, verdict):
    e = chile_mn("export", "73")
    assert round((e[2004] / e[2002] - 1) * 100) == -61
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == verdict, r.reason
