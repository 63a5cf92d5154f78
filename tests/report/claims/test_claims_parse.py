"""Sentence patterns -> parsed claims (English and Russian), and what each is about."""

from __future__ import annotations

import math

import pytest

from hitex.report.claims import frames, lexicon
from hitex.report.claims.parse import parse, trade_words
from hitex.report.claims.resolve import Context, months, resolve

LEX = lexicon.load()

INF = math.inf

# sentence -> [(kind, span, value, lo, hi)]
# Figures said in words cover what journalists mean by them (data/tolerance.csv): "tripled"
# x2.8-3.4, "a third" 30-37%, "a quarter" 22-28%.
PATTERNS = {
    "Exports to India grew by 63% to $140.32 million.": [
        ("growth", "grew by 63%", 63, 62.5, 63.5),
        ("amount", "$140.32 million", 140.32e6, 140.315e6, 140.325e6),
    ],
    "Exports reached $1.2 billion.": [("amount", "$1.2 billion", 1.2e9, 1.15e9, 1.25e9)],
    "Sales to China were 16.65 million U.S. dollars.": [
        ("amount", "16.65 million U.S. dollars", 16.65e6, 16.645e6, 16.655e6)
    ],
    "China bought $563.31 million; Japan a total of 511.71.": [
        ("amount", "$563.31 million", 563.31e6, 563.305e6, 563.315e6),
        ("amount", "511.71", 511.71e6, 511.705e6, 511.715e6),
    ],
    "Exports were up 30% on the year.": [("growth", "up 30%", 30, 29.5, 30.5)],
    "Supplies fell by 4.5% in 2020.": [("growth", "fell by 4.5%", -4.5, -4.55, -4.45)],
    "Exports to Asia grew by a third.": [("growth", "grew by a third", 100 / 3, 30, 37)],
    "Exports tripled.": [("multiple", "tripled", 3, 2.8, 3.4)],
    "Exports grew threefold since 2018.": [("multiple", "grew threefold", 3, 2.8, 3.4)],
    "Exports grew by three orders of magnitude.": [
        ("multiple", "grew by three orders of magnitude", 1000, 10**2.5, 10**3.5)
    ],
    "Thailand increased by 198%.": [("growth", "increased by 198%", 198, 197.5, 198.5)],
    "Turbines accounted for more than a third of exports.": [
        ("share", "more than a third", 100 / 3, 100 / 3, INF)
    ],
    "Turbines accounted for 60% of exports.": [("share", "60%", 60, 59.5, 60.5)],
    "A quarter of exports went to China.": [("share", "A quarter", 25, 22, 28)],
    "China was the largest market.": [("rank", "the largest market", 1, 1, 1)],
    "India became the leader in the growth rate of supplies.": [
        ("rank", "the leader in the growth rate", 1, 1, 1)
    ],
    "Exports were the lowest since 2001.": [("extreme", "the lowest since 2001", 2001, 2001, 2001)],
    "For the first eight months exports have grown on 27,7 % in comparison with 2019.": [
        ("growth", "grown on 27,7 %", 27.7, 27.65, 27.75)
    ],
    "Indian companies bought 144 product lines.": [
        ("count", "144 product lines", 144, 143.5, 144.5)
    ],
    # Russian
    "Экспорт в Индию вырос на 63% до 140,32 млн долл.": [
        ("growth", "вырос на 63%", 63, 62.5, 63.5),
        ("amount", "140,32 млн долл.", 140.32e6, 140.315e6, 140.325e6),
    ],
    "Поставки в Азию выросли на треть.": [("growth", "выросли на треть", 100 / 3, 30, 37)],
    "Экспорт утроился.": [("multiple", "утроился", 3, 2.8, 3.4)],
    "Экспорт вырос в 2,5 раза.": [("multiple", "вырос в 2,5 раза", 2.5, 2.45, 2.55)],
    "Экспорт снизился на 15 %.": [("growth", "снизился на 15 %", -15, -15.5, -14.5)],
    "На турбины пришлось более трети экспорта.": [("share", "более трети", 100 / 3, 100 / 3, INF)],
    "Китай — лидер по объёму закупок.": [("rank", "лидер по объёму", 1, 1, 1)],
    "За первые восемь месяцев экспорт вырос на 27,7 %.": [
        ("growth", "вырос на 27,7 %", 27.7, 27.65, 27.75)
    ],
    "Экспорт составил 1,2 млрд долл.": [("amount", "1,2 млрд долл.", 1.2e9, 1.15e9, 1.25e9)],
    "Экспорт стал минимальным с 2001 года.": [("extreme", "минимальным с 2001", 2001, 2001, 2001)],
}


@pytest.mark.parametrize("sentence", list(PATTERNS))
def test_pattern(sentence):
    got = [(f.claim.kind, f.claim.span, f.claim.quantity) for f in parse(sentence)]
    want = PATTERNS[sentence]
    assert [(k, s) for k, s, _ in got] == [(k, s) for k, s, *_ in want]
    for (_, _, q), (*_, value, lo, hi) in zip(got, want, strict=True):
        assert (q.value, q.lo, q.hi) == pytest.approx((value, lo, hi))


def test_dates_and_years_are_no_claims():
    assert parse("2021-01-11 05:06\nIn 2020, exports went to Asia.") == []


def test_numbers_it_cannot_read_are_kept():
    text = "Up to 90% of negotiations were held online, 12 of them in May."
    claims = resolve(parse(text), LEX, Context("RU-MOW", 2020, 2019), text)
    assert [(c.span, c.understood, c.note) for c in claims] == [
        ("Up to 90%", False, "not understood"),
        ("12", False, "not understood"),
    ]


def subjects(text, reporter="RU-MOW", year=2020):
    claims = resolve(parse(text), LEX, Context(reporter, year, year - 1), text)
    return [
        (
            c.subject.partners,
            c.subject.partner_group,
            c.subject.products,
            c.subject.flow,
            c.period.year,
            c.period.compare,
            c.period.months,
        )
        for c in claims
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Chinese partners bought $563.31 million.",
            [(("CHN",), None, (), "export", 2020, None, None)],
        ),
        (
            "Supplies to Thailand increased by 198%, Bangladesh - by 162%.",
            [
                (("THA",), None, (), "export", 2020, 2019, None),
                (("BGD",), None, (), "export", 2020, 2019, None),
            ],
        ),
        (
            "India, China and Japan took $1.2 billion.",
            [(("IND", "CHN", "JPN"), None, (), "export", 2020, None, None)],
        ),
        (
            "Exports of gas turbines to Asian countries grew threefold since 2018.",
            [((), "Asia", ("gas turbines",), "export", 2020, 2018, None)],
        ),
        (
            "Imports from Japan fell by 5% in 2019.",
            [(("JPN",), None, (), "import", 2019, 2018, None)],
        ),
        (
            "Exports to India grew 63%. The total amount of contracts was $140.32 million.",
            [
                (("IND",), None, (), "export", 2020, 2019, None),
                (("IND",), None, (), "export", 2020, None, None),
            ],
        ),
        (
            "For the first eight months exports grew by 27.7%.",
            [((), None, (), "export", 2020, 2019, (1, 8))],
        ),
        (
            "Поставки в Индию выросли на 63% по сравнению с 2018.",
            [(("IND",), None, (), "export", 2020, 2018, None)],
        ),
        (
            "Китайские партнёры закупили телекоммуникационное оборудование на 16,65 млн долл.",
            [(("CHN",), None, ("telecommunications equipment",), "export", 2020, None, None)],
        ),
    ],
)
def test_subjects_and_periods(text, want):
    assert subjects(text) == want


def test_such_products_refers_back():
    text = (
        "The most popular products were gas turbines. "
        "Such products accounted for more than a third of Asian exports."
    )
    (c,) = resolve(parse(text), LEX, Context("RU-MOW", 2020, 2019), text)
    assert (c.subject.products, c.subject.partner_group, c.whole.products) == (
        ("gas turbines",),
        "Asia",
        (),
    )


def test_month_words():
    assert months("January-August 2020") == (1, 8)
    assert months("за 9 месяцев") == (1, 9)


def test_bare_millions_go_on_in_dollars():
    # After an amount in dollars, "X млн" with no currency is money too; beside another unit
    # (tonnes, roubles) it is not read as dollars.
    text = (
        "Экспорт оборудования достиг 310 млн долларов. Станки дали 95,5 млн, насосы — 40 млн.\n"
        "Перевезено 12 млн, или 3 млн тонн за квартал."
    )
    got = [(f.claim.span, f.claim.understood) for f in parse(text)]
    assert got[:3] == [("310 млн долларов.", True), ("95,5 млн", True), ("40 млн.", True)]
    assert [f.claim.quantity.value for f in parse(text)[:3]] == [310e6, 95.5e6, 40e6]
    assert got[3:]
    assert all(not understood for _, understood in got[3:])


def test_bare_millions_need_dollars_before():
    got = parse("Станки дали 95,5 млн, насосы — 40 млн.")
    assert [f.claim.understood for f in got] == [False, False]


def test_an_answer_goes_on_about_its_question():
    # An interview: the answer names no trade word, its question does.
    text = (
        "How much did the region's exporters earn last year?\n"
        "We ended at $310 million, which is 12% more than before.\n"
        "And the weather?\n"
        "It was 12% warmer."
    )
    claims = resolve(parse(text), LEX, Context("RU-MOW", 2020, 2019), text)
    assert [(c.span, c.understood, c.subject.flow) for c in claims] == [
        ("$310 million", True, "export"),
        ("12%", True, "export"),
        ("12%", False, "export"),
    ]


def test_shipped_and_buying_are_trade_words():
    assert trade_words("From May on we shipped $20 million each month")
    assert trade_words("Who is buying?")
    assert not trade_words("The ship sailed in May")


def test_each_month_is_no_each_of_partners():
    assert not frames.each_in("From May on we sold about $40 million each month.")
    assert not frames.each_in("С мая мы каждый месяц продавали на 40 млн долларов.")
    assert frames.each_in("Peru and Chile each bought $40 million.")
    for text, each in (
        ("Peru and Chile bought $40 million each.", True),
        ("Peru bought $40 million each month.", False),
    ):
        at = text.index("$")
        assert frames.each_after(text, at + len("$40 million"), at) is each
