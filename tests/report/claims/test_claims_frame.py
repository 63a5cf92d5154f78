"""How a claim is read: its frame (flow, side, aggregation, period, subject) from the words.

One case a phrasing; a new phrasing is a line of data/grammar.yaml (or lexicon.yaml,
tolerance.csv) and a case here. No warehouse: parse + resolve only.
"""

from __future__ import annotations

import pytest

from hitex.report.claims import lexicon, parse, resolve
from hitex.report.claims.frames import flow_at, unknown_product


def read(text: str, reporter: str = "CHL", year: int = 2004, compare: int | None = 2002):
    found = parse.parse(text)
    return resolve.resolve(found, lexicon.load(), resolve.Context(reporter, year, compare), text)


@pytest.mark.parametrize(
    ("text", "span", "flow", "side"),
    [
        ("Imports climbed to $4.59 billion, leaving a deficit of $86 million.", "$4.59 billion",
         "import", ""),
        ("Imports climbed to $4.59 billion, leaving a deficit of $86 million.", "$86 million",
         "balance", "deficit"),
        ("Chile ran a trade surplus with Argentina of $1.77 billion.", "$1.77 billion", "balance",
         "surplus"),
        ("Отрицательное сальдо торговли составило 1,77 млрд долларов.", "1,77 млрд долларов",
         "balance", "deficit"),
        ("Сальдо торговли с Китаем было отрицательным и составило 1,63 млрд долларов.",
         "1,63 млрд долларов", "balance", "deficit"),
        ("Товарооборот двух стран достиг 2,3 млрд долларов.", "2,3 млрд долларов", "turnover", ""),
        ("Purchases from Argentina more than doubled, to $2.04 billion.", "$2.04 billion",
         "import", ""),
        ("Japan bought $511.71 million worth of goods.", "$511.71 million", "export", ""),
        ("Exports rose to $262.96m, against $2.04 billion of imports.", "$2.04 billion",
         "import", ""),
        ("Экспорт вырос на 38%, а импорт снизился на 5%.", "снизился на 5%", "import", ""),
        ("High-tech exports from Moscow rose 30 percent.", "rose 30 percent", "export", ""),
        ("Импорт из Китая составил 1,83 млрд долларов.", "1,83 млрд долларов", "import", ""),
    ],
)  # fmt: skip
def test_flow_and_side(text, span, flow, side):
    (c,) = [c for c in read(text) if c.span.startswith(span)]
    assert (c.subject.flow, c.side) == (flow, side)


def test_each_counts_partners():
    (c,) = read("Five markets also accounted for more than $250 million each.", "PRT", 2021, 2020)
    assert (c.aggregation, c.count, c.subject.partners) == ("each", 5, ())
    (c,) = read("Пять стран закупили более чем по 250 млн долларов каждая.", "PRT", 2021, 2020)
    assert (c.aggregation, c.count) == ("each", 5)
    assert c.quantity.allows(260e6)
    assert not c.quantity.allows(250e6)


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("Exports plunged by 92%.", -92.2, 92.2),
        ("Импорт вина сократился в 12,8 раза.", 1 / 12.8, 12.8),
        ("Экспорт вина упал более чем вдвое.", 0.443, 2.0),
        ("Wine exports halved.", 0.443, 0.6),
        ("Exports grew threefold.", 3.19, 3.5),
        ("Exports doubled.", 2.21, 2.3),
        ("Exports grew by a third.", 36.0, 38.0),
        ("Экспорт вырос более чем на треть.", 33.4, 33.0),
        ("Copper imports rose fifteenfold.", 15.24, 17.5),
        ("Exports were more than twice the figure.", 2.43, 1.95),
        ("Экспорт в Швецию не превысил 150 млн долларов.", 146.25e6, 151e6),
        ("Экспорт превысил 2,2 млрд долларов.", 2.3e9, 2.19e9),
    ],
)  # fmt: skip
def test_direction_qualifier_and_word_tolerance(text, inside, outside):
    (f,) = parse.parse(text)
    assert f.claim.quantity.allows(inside), f.claim.quantity
    assert not f.claim.quantity.allows(outside), f.claim.quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Exports reached $262.96m.", 262.96e6),
        ("Exports reached USD 263 mn.", 263e6),
        ("Экспорт составил 262 963 653 доллара.", 262_963_653),
        ("Экспорт составил 1,2 млрд долл.", 1.2e9),
    ],
)
def test_money_spellings(text, value):
    (f,) = parse.parse(text)
    assert f.claim.quantity.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "September 01, 2021",
        "Москва, 11 января 2021 года",
        "By Maria Lopez | https://example.org/news/2005/chile-argentina-2004",
        "Lisbon, March 3, 2022",
    ],
)
def test_dates_bylines_and_urls_are_no_claims(text):
    assert parse.parse(text) == []


@pytest.mark.parametrize(
    ("text", "span", "year", "compare"),
    [
        ("Vehicle imports rose from $61.7 million in 2002 to $119 million in 2004.",
         "$61.7 million", 2002, None),
        ("Vehicle imports rose from $61.7 million in 2002 to $119 million in 2004.",
         "$119 million", 2004, None),
        ("Exports rose 30% in 2021, three times 2018's $1.4 billion.", "$1.4 billion", 2018,
         None),
        ("Exports rose to $4.5 billion, up 30% on 2020 and three times 2018's $1.4 billion.",
         "up 30%", 2021, 2020),
        ("Exports rose to $4.5 billion, up 30% on 2020 and three times 2018's $1.4 billion.",
         "three times", 2021, 2018),
        ("Дефицит сократился до 86 млн долларов с 190 млн долларов годом ранее.",
         "190 млн долларов", 2020, None),
        ("Over the last two years imports grew 121%.", "grew 121%", 2021, 2019),
        ("Экспорт вырос на 20% по сравнению с аналогичным периодом 2019 года.", "вырос на 20%",
         2021, 2019),
    ],
)  # fmt: skip
def test_periods(text, span, year, compare):
    (c,) = [c for c in read(text, "PRT", 2021, None) if c.span.startswith(span)]
    assert c.period.year == year
    if compare is not None:
        assert c.period.compare == compare


def test_subject_carries_across_clauses_and_resets_on_a_new_flow():
    text = ("Exports to China reached $563.31 million, up 22.4%. "
            "Imports rose 26% to $4.6 billion.")  # fmt: skip
    _, b, c, d = read(text, "RU-MOW", 2020, 2019)
    assert b.subject.partners == ("CHN",)
    assert (c.subject.partners, c.subject.flow, d.subject.flow) == ((), "import", "import")


def test_ranks_name_the_nearest_partner():
    c, d = read("The Netherlands was the largest market, followed by Germany.", "PRT", 2021)
    assert (c.kind, c.subject.partners) == ("rank", ("NLD",))
    # "followed by Germany": the place after the one said before, of the partner named after.
    assert (d.kind, d.quantity.value, d.subject.partners) == ("rank", 2, ("DEU",))
    (c,) = read("Germany ranked second among buyers.", "PRT", 2021)
    assert (c.quantity.value, c.subject.partners) == (2, ("DEU",))
    (c,) = read("Республика Корея заняла седьмое место среди покупателей.", "RU-MOW", 2020)
    assert (c.quantity.value, c.subject.partners) == (7, ("KOR",))


def test_goods_the_lexicon_does_not_know_are_not_checked():
    (c,) = read("Экспорт зонтов вырос на 69%.")
    assert not c.understood
    assert "зонтов" in c.note
    assert unknown_product("Plastics exports rose 8%", []) == "Plastics"
    assert unknown_product("Chinese exports rose 8%", [(0, 7)]) is None


def test_unnamed_partner_sets_are_not_checked():
    c = read("Together, the three countries took $1.2 billion.", "RU-MOW", 2020)[0]
    assert not c.understood


def test_flow_at_prefers_the_nearest_word():
    text = "Exports rose 38%, while imports fell 5%"
    assert flow_at(text, text.index("38%") + 3) == ("export", "")
    assert flow_at(text, len(text)) == ("import", "")


def test_the_three_countries_are_the_three_the_paragraph_named():
    text = ("Exports to China reached $563.31 million. Japan bought $511.71 million. Exports to "
            "India jumped 63%. Together, the three countries took $1.2 billion.")  # fmt: skip
    c = read(text, "RU-MOW", 2020)[-1]
    assert c.understood
    assert c.subject.partners == ("CHN", "JPN", "IND")
    # Four named: which three is not said.
    c = read("Germany took $250m. " + text, "RU-MOW", 2020)[-1]
    assert not c.understood


@pytest.mark.parametrize(
    ("text", "span", "flow", "side", "kind"),
    [
        ("The trade gap with Argentina was $1.77 billion.", "$1.77 billion", "balance",
         "deficit", "amount"),
        ("The deficit widened by $1.04 billion.", "widened by $1.04 billion", "balance",
         "deficit", "change"),
        ("Импорт составил 4,59 млрд долларов, превысив экспорт на 86 млн долларов.",
         "86 млн", "balance", "deficit", "amount"),
        ("Exports exceeded imports by $1.2 billion.", "$1.2 billion", "balance", "surplus",
         "amount"),
    ],
)  # fmt: skip
def test_gaps_and_one_flow_exceeding_the_other_are_the_balance(text, span, flow, side, kind):
    (c,) = [c for c in read(text) if c.span.startswith(span)]
    assert (c.subject.flow, c.side, c.kind) == (flow, side, kind)


@pytest.mark.parametrize(
    ("text", "span", "year"),
    [
        # "up from", "from", "против": the base's level, of the year before unless named.
        ("Exports rose to $4.5 bn in 2021, up from $3.46 bn a year earlier.", "$3.46 bn", 2020),
        ("Sales to Spain were worth $329.9m, up from $253.7m.", "$253.7m", 2020),
        ("Sales to Spain were worth $329.9m, up from $253.7m.", "$329.9m", 2021),
        ("The deficit narrowed to $86 million from $190 million in 2020.", "$86 million", 2021),
        ("The deficit narrowed to $86 million from $190 million in 2020.", "$190 million", 2020),
        ("Экспорт в Германию составил 250 млн долларов против 200 млн долларов.",
         "200 млн", 2020),
    ],
)  # fmt: skip
def test_a_base_level_is_of_the_base_year(text, span, year):
    (c,) = [c for c in read(text, "PRT", 2021, None) if c.span.startswith(span)]
    assert c.period.year == year


def test_growth_from_a_dated_base_level_compares_with_that_year():
    (c,) = [c for c in read("Exports grew 30% to $2.4bn from $1.85bn in 2019.", "PRT", 2021)
            if c.kind == "growth"]  # fmt: skip
    assert (c.period.year, c.period.compare) == (2021, 2019)


def test_a_whole_year_of_months_is_the_year():
    (c,) = read("Товарооборот за январь–декабрь 2021 года составил 9,09 млрд долл.", "PRT", 2021)
    assert (c.period.months, c.subject.flow) == (None, "turnover")
    (c,) = read("Exports for January-August 2021 reached $3 billion.", "PRT", 2021)
    assert c.period.months == (1, 8)


def test_a_unit_with_a_dot_ends_its_sentence():
    text = "Импорт из Китая вырос на 25,6%, до 1,83 млрд долл. Китай обеспечил 40% импорта."
    *_, c = read(text, "PRT", 2021)
    assert (c.kind, c.subject.partners, c.subject.flow) == ("share", ("CHN",), "import")


@pytest.mark.parametrize(
    ("text", "place", "metric"),
    [
        ("Germany was the second-largest market, with $620.1 million.", 2, "value"),
        ("Китай стал вторым по величине покупателем.", 2, "value"),
        ("Fuels were the largest import item, at $917.2 million.", 1, "goods"),
        ("Vegetable oils, Chile's third-largest import from Argentina, rose 33%.", 3, "goods"),
    ],
)
def test_one_rank_per_rank_words_and_ranks_of_goods_are_told_apart(text, place, metric):
    (c,) = [c for c in read(text, "PRT", 2021) if c.kind == "rank"]
    assert (c.quantity.value, c.metric) == (place, metric)


def test_a_rank_names_its_field_in_its_own_words():
    (c,) = [c for c in read("Egypt, the largest African buyer, took $56.3 million.", "RU-MOW",
                            2020) if c.kind == "rank"]  # fmt: skip
    assert (c.subject.partners, c.whole.partner_group) == (("EGY",), "Africa")


def test_the_head_of_a_sentence_is_the_subject_of_its_verb():
    text = "Vegetable oils, Chile's third-largest import from Argentina, rose 33%."
    (c,) = [c for c in read(text) if c.kind == "growth"]
    assert (c.subject.products, c.subject.partners, c.subject.flow) == (
        ("vegetable oils",), ("ARG",), "import")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("Cereal imports climbed 40%.", ("cereals",)),
        ("Импорт зерновых вырос на 40%.", ("cereals",)),
        ("Экспорт нефти вырос на 5%.", ("crude oil",)),
        ("Экспорт нефтепродуктов вырос на 5%.", ("refined petroleum products",)),
        ("Imports of plastics rose 7.2%.", ("plastics",)),
        ("Экспорт машин и оборудования вырос на 5%.", ("machinery and equipment",)),
    ],
)
def test_the_goods_press_texts_name_most_are_known(text, products):
    (c,) = read(text)
    assert c.understood
    assert c.subject.products == products


def test_a_figure_of_the_other_flow_set_against_is_no_base():
    text = "In 2004 exports came to $263 million, against $2.04 billion of imports."
    (c,) = [c for c in read(text) if c.span.startswith("$2.04")]
    assert (c.period.year, c.subject.flow) == (2004, "import")


def test_a_text_that_names_only_its_base_year_is_about_the_latest_year():
    text = "Экспорт в Японию увеличился на 26,2% в сравнении с 2019 годом."
    assert resolve.article_year(text, [2019], [2019, 2020]) == 2020
    assert resolve.article_year("Exports fell in 2019.", [2019], [2019, 2020]) == 2019


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("Экспорт в Турцию составил 48 млн долл. (+60%).", "60%", "growth", 60.0),
        ("Exports to Turkey were $48 million (−5%).", "5%", "growth", -5.0),
        ("Экспорт в ОАЭ составил 40 млн долл., что на 15 млн больше, чем годом ранее.",
         "на 15 млн", "change", 15e6),
        ("Exports were $40 million, $15 million less than a year earlier.", "$15 million",
         "change", -15e6),
    ],
)  # fmt: skip
def test_signed_rates_and_differences_are_changes(text, span, kind, value):
    (c,) = [c for c in parse.parse(text) if c.claim.span.startswith(span)]
    assert (c.claim.kind, c.claim.quantity.value) == (kind, value)


def test_a_scale_word_without_dollars_is_money_only_among_dollars():
    (f,) = parse.parse("Добыча составила 15 млн тонн.")
    assert not f.claim.understood


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Сальдо торговли Чили с Аргентиной в 2004 году было отрицательным — минус 1,77 млрд долл.",
         "deficit"),
        ("The trade balance was minus $1.77 billion.", "deficit"),
        ("The trade balance was $1.77 billion.", ""),
    ],
)  # fmt: skip
def test_the_side_of_the_balance_is_read_from_the_clause_or_left_unsaid(text, side):
    (c,) = read(text)
    assert (c.subject.flow, c.side) == ("balance", side)


def test_a_share_from_a_dated_base_is_of_that_year():
    text = "Japan's share fell to 21.3% from 21.9% in 2019."
    a, b = read(text, "RU-MOW", 2020, 2019)
    assert (a.kind, a.period.year, b.period.year) == ("share", 2020, 2019)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Germany came in second with 13.8%.", "share"),
        ("The Netherlands was the top destination, taking 25.2%.", "share"),
        ("Germany ended the year with 13.8% growth.", "growth"),
    ],
)
def test_shares_said_with_with_and_taking(text, kind):
    (f,) = [f for f in parse.parse(text) if f.claim.quantity.unit == "pct"]
    assert f.claim.kind == kind


def test_more_than_said_with_chto():
    (f,) = parse.parse("Пять стран закупили продукции свыше чем на 250 млн долл. каждая.")
    assert f.claim.quantity.allows(260e6)
    assert not f.claim.quantity.allows(250e6)


def test_a_dash_before_a_rate_is_no_minus_sign():
    text = "Supplies to Thailand increased by 198%, Bangladesh - by 162%, to Vietnam - 114%."
    *_, f = parse.parse(text)
    assert f.claim.quantity.value == 114.0


@pytest.mark.parametrize(
    ("text", "flow"),
    [
        ("Argentina supplied $2.04 billion of goods to Chile.", "import"),
        ("Argentine suppliers shipped goods worth $2.04 billion.", "import"),
        ("Аргентина поставила в Чили товаров на 2,04 млрд долларов.", "import"),
        ("Chile sold $263 million of goods to Argentina.", "export"),
        ("Argentina bought $263 million of Chilean goods.", "export"),
    ],
)
def test_a_partner_that_sells_is_the_reporters_import(text, flow):
    (c,) = read(text)
    assert c.subject.flow == flow


@pytest.mark.parametrize(
    "text",
    ["Экспорт в Индию увеличился с 86,1 до 140,3 млн долларов.",
     "Exports to India rose from 86.1 to 140.3 million dollars."],
)  # fmt: skip
def test_from_a_bare_figure_to_an_amount(text):
    a, b = read(text, "RU-MOW", 2020, 2019)
    assert (a.quantity.value, a.period.year, a.subject.partners) == (86.1e6, 2019, ("IND",))
    assert (b.quantity.value, b.period.year, b.subject.partners) == (140.3e6, 2020, ("IND",))


def test_a_count_of_partners_named_before_takes_the_last_ones_or_exactly_as_many():
    # "the two Asian customers": the two named last, a guess, though the paragraph names three.
    text = ("Germany took $100m. China is the top buyer, taking $563m. Japan is second with "
            "$512m, so the two Asian customers between them account for nearly 45%.")  # fmt: skip
    *_, c = read(text, "RU-MOW", 2020, 2019)
    assert (c.subject.partners, c.how("partners")) == (("CHN", "JPN"), "paragraph")
    # "The three countries": exactly the three the paragraph names, else not read.
    (c,) = read("Exports went to Germany, China and Japan. The three countries took 45%.")
    assert c.subject.partners == ("DEU", "CHN", "JPN")
    (c,) = read("Exports went to Germany, India, China and Japan. The three countries took 45%.")
    assert not c.understood


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Germany was the third buyer of these devices.", "these devices"),
        ("The chapter's exports rose from $304m to $514m.", "The chapter"),
        ("Экспорт этой главы вырос до 514 млн долларов.", "этой главы"),
        # Broad words may mean the whole trade; goods named are read.
        ("Germany was the third buyer of these goods.", None),
        ("Germany was the third buyer of these computers.", None),
    ],
)
def test_goods_a_clause_refers_back_to_are_marked_in_its_frame(text, words):
    c = read(text, "RU-MOW", 2020, 2019)[0]
    assert resolve.goods_back(c) == words
    assert (c.how("products") == "back") == (words is not None)
