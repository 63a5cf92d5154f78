"""Round 20g: loose goods words checked in each of their plausible readings, and the HS chapters
journalists name by their short names.

Sentences written for these tests, on the corpus data (Moscow's example, the Chile sample). The
figures each claim needs are checked first on the raw files with pandas
(``tests/report/claims/_shared.py``), never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from hitex.report.claims import lexicon
from tests.report.claims._shared import chile_mn, find, moscow


@pytest.fixture(scope="module", autouse=True)
def figures():
    """The figures the sentences below rest on."""
    m84 = moscow("84").groupby("year")["value_usd"].sum() / 1e6
    assert (m84[2019], m84[2020]) == pytest.approx((944.03, 1116.18), abs=0.01)
    m85 = moscow("85").groupby("year")["value_usd"].sum() / 1e6
    assert m85[2020] / m85[2019] - 1 == pytest.approx(0.2872, abs=1e-4)
    assert chile_mn("export", "70").to_dict() == pytest.approx({2002: 1.04, 2004: 4.616}, abs=1e-3)
    assert chile_mn("import", "27")[2004] == pytest.approx(917.23, abs=0.01)
    plastics = chile_mn("import", "39")
    assert plastics[2004] / plastics[2002] - 1 == pytest.approx(0.0724, abs=1e-4)


# -- a loose word in each of its readings --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        # "Machinery and equipment" is HS 84-85 by the lexicon; the figure fits HS 84 alone, said
        # to a tenth of a million: supported in that reading.
        ("Moscow's machinery and equipment exports came to $1,116.2 million in 2020.",
         "$1,116.2 million", "supported"),
        ("Экспорт машин и оборудования из Москвы в 2020 году вырос на 18,2%.", "18,2%",
         "supported"),
        # Said roughly, one reading's fit may be chance: not supported, not flagged.
        ("Moscow's machinery and equipment exports came to about $1.1 billion in 2020.",
         "$1.1 billion", "unverifiable"),
        # Every reading (HS 84, 84-85, 84-90) disagrees: flagged.
        ("Moscow's machinery and equipment exports came to $700 million in 2020.",
         "$700 million", "contradicted"),
        ("В 2020 году Москва экспортировала машин и оборудования на 700 млн долларов.",
         "700 млн", "contradicted"),
        # A chapter's own title, wrong: flagged.
        ("Chile's plastics imports rose 25% between 2002 and 2004.", "25%", "contradicted"),
        ("В 2020 году экспорт электротехники из Москвы вырос на 45%.", "45%", "contradicted"),
    ],
)  # fmt: skip
def test_a_loose_goods_word_is_checked_in_each_reading(corpus, text, words, verdict):
    r = find(claims.check(corpus, text), words, understood=True)
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Two goods words at once: which goods the figure is of is not certain.
        ("Chile's plastics and aluminium imports rose 95% between 2002 and 2004.", "95%"),
        # Both flows named: a multiple of one flow by the other, not of an earlier year.
        ("В 2004 году по пластмассам импорт Чили превышал экспорт в 4,3 раза, по резине — в "
         "6,5 раза.", "6,5 раза"),
    ],
)  # fmt: skip
def test_a_loose_word_is_not_flagged_where_the_frame_may_be_misread(corpus, text, words):
    r = find(claims.check(corpus, text), words)
    assert r.verdict != "contradicted", r.reason


def test_the_lexicon_reads_readings_and_keeps_a_heading_with_readings_loose():
    lex = lexicon.load()
    assert lex.product("machinery and equipment").readings[1] == ("84",)
    # "Cars" is heading 8703, or chapter 87: not certain.
    assert lex.product("cars").codes == ("8703",)
    assert not lex.product("cars").exact


# -- the HS chapters by their short names ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        # Chapter 70 (glass and glassware), not the goods of the clause before.
        ("Chile's exports of pharmaceuticals doubled, while its glass sales abroad went from "
         "$1.04 million in 2002 to $4.62 million in 2004.", "$4.62 million", "supported"),
        # Oil and gas together: chapter 27 (or 2709-2711), not natural gas alone.
        ("In 2004 Chile's imports of oil and gas came to $917.2 million.", "$917.2 million",
         "supported"),
        # «Электротехника»: chapter 85.
        ("В 2020 году Москва продала за рубеж электротехники на 773,9 млн долларов.", "773,9 млн",
         "supported"),
    ],
)  # fmt: skip
def test_a_chapter_named_by_its_short_name_is_read(corpus, text, words, verdict):
    r = find(claims.check(corpus, text), words, understood=True)
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Glassware exports", "glass"),
        ("экспорт стекла", "glass"),
        ("imports of oil and gas", "fuels"),
        ("поставки нефти и газа", "fuels"),
        ("закупки электротехники", "electrical equipment"),
        ("exports of inorganic chemicals", "inorganic chemicals"),
        ("вывоз органической химии", "organic chemicals"),
        ("вывоз неорганической химии", "inorganic chemicals"),
        ("cotton and wool", "cotton"),
        ("импорт игрушек", "toys and games"),
        ("exports of non-ferrous metals", "non-ferrous metals"),
        # Not the goods a word merely starts with.
        ("the team leader", None),
        ("the figure matches; exports flourish in Malta", None),
    ],
)  # fmt: skip
def test_chapter_words(text, name):
    found = [m.value for m in lexicon.load().find_products(text)]
    assert found[:1] == ([name] if name else [])


@pytest.mark.parametrize(
    ("share", "level", "of_share"),
    [
        # HS 84 gives the level and the share: both supported in that reading.
        ("46,4%", "supported", "supported"),
        # The share fits no reading: the level's one reading is doubted, the share flagged.
        ("56%", "unverifiable", "contradicted"),
    ],
)
def test_figures_of_one_goods_word_read_alike(corpus, share, level, of_share):
    m = moscow()
    x = m[(m["flow"] == "export") & (m["year"] == 2020)]
    part = x[x["product"].str.zfill(6).str.startswith("84")]["value_usd"].sum()
    assert 100 * part / x["value_usd"].sum() == pytest.approx(46.43, abs=0.01)
    text = (
        "В 2020 году экспорт Москвы машин и оборудования составил 1116,2 млн долларов, или "
        f"{share} всего экспорта."
    )
    got = claims.check(corpus, text)
    assert find(got, "1116,2").verdict == level, find(got, "1116,2").reason
    assert find(got, share).verdict == of_share, find(got, share).reason


def test_a_level_beside_an_unread_figure_of_its_goods_is_not_supported_in_one_reading(corpus):
    # "56%" beside the level is not read: it cannot confirm HS 84 as the reading meant.
    text = (
        "Первое место в структуре экспорта Москвы в 2020 году занимают машины и оборудование "
        "(1116,2 млн долл., 56%)."
    )
    r = find(claims.check(corpus, text), "1116,2", understood=True)
    assert r.verdict == "unverifiable", r.reason
