"""Round 25c: flows read from the verb and its owner, goods named by their own words, shares
said as a fraction with no "of".

- A verb says the flow where no flow noun does: what goods "cost Chile" («обошлись Чили»), what
  from a partner («пришло из Аргентины», «пришло на 16,7 млн»), what a partner "sold
  us" («аргентинцы продали нам») are imports; what "our" goods "earned" («заработали») are
  exports. The verb beats a flow carried over from the sentence before.
- Goods: bread, biscuits and wafers («хлеб, печенье, вафли», HS 1905), loudspeakers and
  microphones («громкоговорители и микрофоны», HS 8518); "stuff" and «сосед» name no goods (the
  figure is of all goods).
- The reporter's purchases of a partner's goods ("Chile's purchases of Argentine cocoa", «Чили
  закупила аргентинских жиров») are its imports: the partner named is where the goods come from,
  not a buyer.
- A partner's own purchases ("Britain, whose purchases rose 10%", «Великобритания: её закупки
  выросли на 10%»: a possessive before the word, the country named last a partner) are the
  reporter's exports, not its imports.
- «на четверть миллиарда», «на половину миллиарда долларов»: a fraction of a billion is an
  amount, as "a quarter of a billion" is.
- A fraction after a verb of filling ("Medicines fill a fifth") or after a dash with nothing
  moved («Лекарства — пятая часть») is a share, not an unread figure.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import PORTUGAL, RED, chile_mn, find, moscow


def _growth(s: pd.Series) -> float:
    return float((s[2004] / s[2002] - 1) * 100)


# -- flows read from the verb --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Chile's exports to Argentina reached $263 million in 2004. Fats and oils cost Chile "
            "$151.3 million.",
            "$151.3 million",
        ),
        (
            "Чилийский экспорт в Аргентину в 2004 году вырос до 263 млн долларов. Жиры и масла "
            "обошлись Чили в 151,3 млн долларов.",
            "151,3 млн",
        ),
    ],
)
def test_what_goods_cost_the_reporter_is_imports(corpus, text, words):
    assert round(float(chile_mn("import", "15")[2004]), 1) == 151.3
    assert float(chile_mn("export", "15")[2004]) < 1  # read as exports the figure is far off
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == "supported", r.reason
    assert "import" in r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Чилийский экспорт в Аргентину в 2004 году вырос до 263 млн долларов. Какао и "
            "шоколада из Аргентины пришло на 16,7 млн долларов.",
            "16,7 млн",
        ),
        (
            "Чилийский экспорт в Аргентину в 2004 году вырос до 263 млн долларов. Какао и "
            "шоколада пришло из Аргентины на 16,7 млн долларов.",
            "16,7 млн",
        ),
    ],
)
def test_what_came_from_the_partner_is_imports(corpus, text, words):
    assert round(float(chile_mn("import", "18")[2004]), 1) == 16.7
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == "supported", r.reason
    assert "import" in r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Chile's exports to Argentina rose in 2004. Argentina sold us bread, biscuits and "
            "wafers worth 44% more than in 2002.",
            "44%",
        ),
        (
            "Чилийский экспорт в Аргентину в 2004 году вырос. Хлеба, печенья и вафель "
            "аргентинцы продали нам в 2004 году на 44% больше, чем в 2002 году.",
            "44%",
        ),
    ],
)
def test_what_the_partner_sold_us_is_imports_of_bakers_wares(corpus, text, words):
    assert round(_growth(chile_mn("import", "1905"))) == 44
    # Read as all imports (or exports) the figure is far off: a red flag before.
    assert abs(_growth(chile_mn("import")) - 44) > 20
    assert abs(_growth(chile_mn("export")) - 44) > 5
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == "supported", r.reason
    assert "import" in r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Chile's imports from Argentina came to $2,035 million in 2004. Our paper and board "
            "earned $33.3 million.",
            "$33.3 million",
        ),
        (
            "Импорт Чили из Аргентины в 2004 году составил 2035 млн долларов. Наши бумага и "
            "картон заработали 33,3 млн долларов.",
            "33,3 млн",
        ),
    ],
)
def test_what_our_goods_earned_is_exports(corpus, text, words):
    assert round(float(chile_mn("export", "48")[2004]), 1) == 33.3
    assert abs(float(chile_mn("import", "48")[2004]) - 33.3) > 10
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == "supported", r.reason
    assert "export" in r.reason


# -- goods -----------------------------------------------------------------------------------
def _moscow_exports(heading: str = "") -> pd.Series:
    m = moscow(heading)
    return m[m["flow"] == "export"].groupby("year")["value_usd"].sum() / 1e6


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("In 2020 the city's exports of loudspeakers and microphones reached $144.9 million.",
         "$144.9 million"),
        ("В 2020 году экспорт громкоговорителей и микрофонов составил 144,9 млн долларов.",
         "144,9 млн"),
    ],
)  # fmt: skip
def test_loudspeakers_and_microphones_are_heading_8518(corpus, text, words):
    assert round(float(_moscow_exports("8518")[2020]), 1) == 144.9
    r = find(claims.check(corpus, text, reporter="RU-MOW"), words)
    assert r.verdict == "supported", r.reason


def test_stuff_names_no_goods(corpus):
    assert round(float(_moscow_exports()[2020]), 1) == 2403.8
    text = "In 2020 Moscow shipped $2,403.8m worth of stuff abroad."
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "$2,403.8m")
    assert r.verdict == "supported", r.reason


def test_the_neighbour_names_no_goods(corpus):
    assert round(float(chile_mn("import")[2004]), 1) == 2035.4
    text = "Счёт Чили за весь импорт соседа в 2004 году — 2035,4 млн долларов."
    r = find(claims.check(corpus, text, reporter="CHL"), "2035,4 млн")
    assert r.verdict == "supported", r.reason


# -- a fraction that is a share ----------------------------------------------------------------
def _portugal_share(heading: str) -> float:
    p = pd.read_csv(PORTUGAL, dtype={"product": str})
    e = p[(p["flow"] == "export") & (p["year"] == 2021)]
    return float(e[e["product"].str.startswith(heading)]["value_usd"].sum() / e["value_usd"].sum())


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("In 2021 integrated circuits were half of Portugal's exports. Medicines fill a fifth.",
         "a fifth", "supported"),
        ("In 2021 integrated circuits were half of Portugal's exports. Medicines fill a tenth.",
         "a tenth", "contradicted"),
        ("В 2021 году микросхемы — половина экспорта Португалии. Лекарства — пятая часть.",
         "пятая часть", "supported"),
    ],
)  # fmt: skip
def test_a_fraction_said_as_a_part_is_a_share(corpus, text, words, verdict):
    assert round(_portugal_share("3004"), 3) == 0.2
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.claim.kind == "share"
    assert (r.verdict in RED) if verdict == "contradicted" else (r.verdict == verdict), r.reason


# -- the reporter's purchases of a partner's goods -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("In 2004 Chile's purchases of Argentine cocoa and chocolate came to about $16.7 million.",
         "$16.7 million"),
        ("In 2004 Chile's purchases of Argentine fats and oils reached $151.3 million.",
         "$151.3 million"),
        ("В 2004 году Чили закупила аргентинских жиров и масел на 151,3 млн долларов.",
         "151,3 млн"),
    ],
)  # fmt: skip
def test_the_reporters_purchases_of_a_partners_goods_are_imports(corpus, text, words):
    assert round(float(chile_mn("import", "18")[2004]), 1) == 16.7
    assert round(float(chile_mn("import", "15")[2004]), 1) == 151.3
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == "supported", r.reason
    assert "import" in r.reason


# -- a partner's own purchases ------------------------------------------------------------------
def _moscow_to(partner: str) -> pd.Series:
    m = moscow(partner=partner)
    return m[m["flow"] == "export"].groupby("year")["value_usd"].sum() / 1e6


@pytest.mark.parametrize(
    "text",
    [
        "Великобритания: её закупки в 2020 году выросли на 10%.",
        "Britain, whose purchases rose 10% in 2020.",
        "Britain: its purchases rose 10% in 2020.",
    ],
)
def test_a_partners_own_purchases_are_the_reporters_exports(corpus, text):
    gbr = _moscow_to("GBR")
    assert round(float((gbr[2020] / gbr[2019] - 1) * 100), 1) == 10.0
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "10%")
    assert r.verdict == "supported", r.reason
    assert "export" in r.reason


# -- a fraction of a billion ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("В 2020 году Германия купила у Москвы товаров на четверть миллиарда долларов.",
         "supported"),
        ("В 2020 году Германия купила у Москвы товаров на половину миллиарда долларов.",
         "contradicted"),
    ],
)  # fmt: skip
def test_a_fraction_of_a_billion_is_an_amount(corpus, text, verdict):
    assert round(float(_moscow_to("DEU")[2020]), 1) == 250.0
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "на ")
    assert r.claim.kind == "amount"
    assert (r.verdict in RED) if verdict == "contradicted" else (r.verdict == verdict), r.reason


# -- preserved fruit and vegetables: the title of HS 20; "faded" is a fall ---------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("Chile's exports to Argentina grew in 2004 on 2002. Preserved fruit and vegetables "
         "faded by about seven tenths.", "seven tenths", "supported"),
        ("Chile's exports to Argentina grew in 2004 on 2002. Preserved fruit and vegetables "
         "faded by about half.", "half", "contradicted"),
        ("В 2004 году экспорт консервированных овощей и фруктов в Аргентину упал почти вдвое "
         "по сравнению с 2002 годом.", "вдвое", "contradicted"),
    ],
)  # fmt: skip
def test_preserved_fruit_and_vegetables_are_chapter_20(corpus, text, words, verdict):
    fall = -_growth(chile_mn("export", "20"))
    assert 69 < fall < 70  # seven tenths; not half, not a halving (x0.5)
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert (r.verdict in RED) if verdict == "contradicted" else (r.verdict == verdict), r.reason


# -- goods against goods -----------------------------------------------------------------------
def test_goods_that_outscore_other_goods_are_no_growth(corpus):
    # Loudspeakers grew about x1.39 on 2019: read as their growth, "2.4 times" would disagree.
    ls = _moscow_exports("8518")
    assert abs(float(ls[2020] / ls[2019]) - 2.4) > 0.5
    text = ("In 2020 transmission apparatus (heading 8525) reached $54m, up 51%. Jet engines "
            "still outscore loudspeakers about 2.4 times over.")  # fmt: skip
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "2.4 times")
    assert r.verdict not in RED, r.reason
    assert "against 2019" not in r.reason  # a multiple of other goods, not of an earlier year
