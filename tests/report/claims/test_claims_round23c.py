"""Round 23c: the checker's Russian: the text's own conflicts said in Russian; Russian phrasings.

The reasons of consistency.py (a part larger than its whole, shares over 100%, parts that do
not add up, a growth rate the levels do not give, a leader with another partner ahead) read
back through the catalog like every other reason: the article's words quoted «so», partners
by their Russian names, figures with a decimal comma.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from hitex.report.claims import messages, resolve
from tests.report.claims._shared import chile_mn, find, moscow, moscow_exports, portugal_mn
from tests.report.claims.test_claims_messages import english_words


# -- the text's own conflicts in Russian -------------------------------------------------------
@pytest.mark.parametrize(
    ("english", "russian"),
    [
        (
            'the shares "почти две трети", "половину" of one total add up to 116.7% or more',
            "доли «почти две трети», «половину» одного целого в сумме дают 116,7% или больше",
        ),
        (
            '"треть" with "1,5 млрд" puts the whole at most at 4,500.00 million, '
            'yet "экспорт в 5 млрд" is already 5,000.00 million or more of it',
            "«треть» при «1,5 млрд» дают целое не более 4 500,00 млн, "
            "а «экспорт в 5 млрд» — уже не менее 5 000,00 млн",
        ),
        (
            '"четверть" with "80 млн" puts the whole at least at 320.00 million, '
            'yet "всего 300 млн" states it at most at 300.00 million',
            "«четверть» при «80 млн» дают целое не менее 320,00 млн, "
            "а «всего 300 млн» — не более 300,00 млн",
        ),
        (
            '"12 млн" + "7 млн" add up to 18.95-19.05 million, not "25 млн"',
            "«12 млн» + «7 млн» в сумме дают от 18,95 до 19,05 млн, а не «25 млн»",
        ),
        (
            'the levels stated give growth of -12.5%--11.9% ("в 2018 году 40 млн" before)',
            "названные уровни дают рост от -12,5% до -11,9% (прежний уровень — «в 2018 году 40 млн»)",
        ),
        (
            '"лидер" (DEU) while the text gives more to FRA "210 млн", ESP "230 млн"',
            "«лидер» (Германия), хотя текст даёт больше: Франция «210 млн», Испания «230 млн»",
        ),
    ],
)
def test_each_conflict_of_the_text_reads_in_russian(english, russian):
    assert messages.reason(english, "ru") == russian
    assert messages.reason(english, "en") == english


def test_a_conflict_with_what_the_data_say_reads_in_russian():
    data = "Chile's imports (fuels) in 2004: US$917.23 million"
    shares = 'the shares "больше половины", "70%" of one total add up to 120.0% or more'
    said = messages.reason(f"uncertain: the text's figures conflict ({shares}) "
                           f"(data: supported, {data})", "ru")  # fmt: skip
    assert said == (
        "неуверенно: числа текста противоречат друг другу (доли «больше половины», «70%» "
        "одного целого в сумме дают 120,0% или больше) (по данным: подтверждено, "
        "импорт Чили (топливо) в 2004 г.: 917,23 млн долл. США)"
    )
    at_fault = messages.reason(f"{shares} (data: contradicted, {data})", "ru")
    assert at_fault.endswith("(по данным: опровергнуто, импорт Чили (топливо) в 2004 г.: "
                             "917,23 млн долл. США)")  # fmt: skip


def test_shares_over_the_whole_in_a_russian_text_say_so_in_russian(checked_warehouse):
    text = ("В 2020 году на Китай пришлось 70% экспорта Москвы, а на Германию — 45% "
            "того же экспорта.")  # fmt: skip
    results = claims.check(checked_warehouse, text, lang="ru")
    conflicts = [r for r in results if "противоречат" in r.reason or "доли «" in r.reason]
    assert conflicts, [r.reason for r in results]
    for r in results:
        assert not english_words(r.reason), r.reason


# -- a clause's years: a figure of money that looks like a year is none -------------------------
@pytest.mark.parametrize(
    ("sentence", "words", "years"),
    [
        (
            "Аргентина купила чилийских товаров на 2035 млн долларов в 2004 году.",
            "2035 млн",
            {2004},
        ),
        ("Imports came to $2010 million in 2003, the most so far.", "$2010 million", {2003}),
        ("Ввоз составил 2019,5 млн долл.", "2019,5 млн", set()),
        ("Поставки в 2020-м выросли на 5%.", "на 5%", {2020}),
    ],
)
def test_a_clause_names_its_years_not_its_money(sentence, words, years):
    at = (sentence.index(words), sentence.index(words) + len(words))
    assert resolve._own_years(sentence, at) == years


# -- Russian verbs of selling and buying speak of trade ---------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "В 2020 году Москва продала за границу на 2,4 млрд долларов.",
        "В 2020 году иностранцы приобрели у Москвы на 2,4 млрд долларов.",
        "В 2020 году заграничные клиенты купили у Москвы на 2,4 млрд долларов.",
    ],
)
def test_a_verb_of_selling_or_buying_is_a_trade_word(checked_warehouse, text):
    assert round(moscow_exports()[2020] / 1e9, 1) == 2.4
    r = find(claims.check(checked_warehouse, text, reporter="RU-MOW"), "2,4 млрд")
    assert r.claim.understood, r.reason
    assert r.verdict == "supported", r.reason


# -- a bare «млн» in a text that names no currency: dollars, by guess -------------------------
def test_bare_millions_with_no_currency_named_are_dollars_by_guess(checked_warehouse):
    partners = moscow().query("flow == 'export' and year == 2020").groupby("partner")
    mn = partners["value_usd"].sum() / 1e6
    assert round(moscow_exports()[2020] / 1e9, 1) == 2.4
    assert (mn["DEU"], mn["FRA"], mn["ITA"]) == (250, 95, 75)
    text = ("В 2020 году Москва продала за рубеж на 2,4 миллиарда. Германия взяла 250 млн, "
            "Франция — 95 млн, Италия — 90 млн.")  # fmt: skip
    results = claims.check(checked_warehouse, text, reporter="RU-MOW")
    for words in ("2,4 миллиарда", "250 млн", "95 млн"):
        r = find(results, words)
        assert r.verdict == "supported", (words, r.reason)
    # The unit is a guess: a wrong figure is never a red flag.
    wrong = find(results, "90 млн")
    assert wrong.verdict == "unverifiable", wrong.reason
    assert "its unit is not said" in wrong.reason


# -- «на 28% больше Италии»: a partner in the genitive after a comparative ---------------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("В 2020 году Корея купила московских товаров на 96 млн долларов, на 28% больше Италии.",
         "на 28%", "supported"),
        ("В 2020 году Корея купила московских товаров на 96 млн долларов, на 50% больше Италии.",
         "на 50%", "contradicted"),
        ("В 2020 году Италия купила московских товаров на 75 млн долларов, на 22% меньше Кореи.",
         "на 22%", "supported"),
        # A percentage less turns the sides, as "three times less" does (no double turn).
        ("В 2020 году Италия купила московских товаров на 75 млн долларов, на 22% меньше, чем "
         "Корея.", "на 22%", "supported"),
        ("In 2020 Italy bought $75 million of Moscow's goods, 22% less than Korea did.", "22%",
         "supported"),
    ],
)  # fmt: skip
def test_a_percent_more_than_a_partner_in_the_genitive(checked_warehouse, text, words, verdict):
    mn = moscow().query("flow == 'export' and year == 2020").groupby("partner")["value_usd"].sum()
    assert round((mn["KOR"] / mn["ITA"] - 1) * 100) == 28
    assert round((1 - mn["ITA"] / mn["KOR"]) * 100) == 22
    r = find(claims.check(checked_warehouse, text, reporter="RU-MOW"), words)
    assert r.claim.kind == "multiple", r.reason
    assert r.verdict == verdict, r.reason


# -- «четыре с половиной миллиарда», «полтора миллиарда»: money in words with a half ----------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("В 2021 году Португалия вывезла технологических товаров на четыре с половиной "
         "миллиарда долларов.", "четыре с половиной миллиарда", "supported"),
        ("Ввоз Португалии в 2014 году — полтора миллиарда долларов.", "полтора миллиарда",
         "supported"),
        ("Ввоз Португалии в 2019 году — два с половиной миллиарда долларов.",
         "два с половиной миллиарда", "contradicted"),
    ],
)  # fmt: skip
def test_money_in_words_with_a_half(corpus, text, words, verdict):
    assert portugal_mn("export")[2021] == 4500
    assert portugal_mn("import")[2014] == 1500
    assert round(portugal_mn("import")[2019]) == 2870
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.claim.kind == "amount", r.reason
    assert r.verdict == verdict, r.reason


# -- «гл. 39», «поз. 8471»: a chapter or heading by the short form of its noun -----------------
@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("Вывоз пластмасс (гл. 39) в 2004 году достиг 17,2 млн долларов.", "17,2 млн", "supported"),
        ("Вывоз пластмасс (гл. 39) в 2004 году достиг 12,2 млн долларов.", "12,2 млн",
         "contradicted"),
        ("Ввоз машин (гл. 84) в 2004 году вырос в 1,5 раза против 2002 года.", "в 1,5 раза",
         "supported"),
    ],
)  # fmt: skip
def test_a_chapter_said_by_its_short_noun(checked_warehouse, text, words, verdict):
    assert round(chile_mn("export", "39")[2004], 1) == 17.2
    assert round(chile_mn("import", "84")[2004] / chile_mn("import", "84")[2002], 1) == 1.5
    r = find(claims.check(checked_warehouse, text, reporter="CHL"), words)
    assert r.claim.subject.products, r.reason
    assert r.verdict == verdict, r.reason


# -- «в четыре с лишним раза»: above the figure, below the next whole --------------------------
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Ввоз машин (гл. 84) в 2004 году вырос в полтора с лишним раза против 2002 года.",
         "supported"),
        ("Ввоз машин (гл. 84) в 2004 году вырос в 1,5 с небольшим раза против 2002 года.",
         "supported"),
        ("Ввоз машин (гл. 84) в 2004 году вырос в три с лишним раза против 2002 года.",
         "contradicted"),
        ("Ввоз машин (гл. 84) в 2004 году вырос в 1,2 с лишним раза против 2002 года.",
         "contradicted"),
    ],
)  # fmt: skip
def test_a_multiple_and_a_bit_more(checked_warehouse, text, verdict):
    assert round(chile_mn("import", "84")[2004] / chile_mn("import", "84")[2002], 2) == 1.51
    r = find(claims.check(checked_warehouse, text, reporter="CHL"), "раза")
    assert r.claim.kind == "multiple", r.reason
    assert r.verdict == verdict, r.reason
