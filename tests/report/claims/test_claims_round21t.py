"""Round 21t: which years a claim compares.

A year that opens its clause as the subject dates the claim ("that 2016 exports were 51%
higher than in 2006"); a reply goes on from the year of the turn it answers; a sentence that
names only a base goes on with the year of the sentence before; a change reached "by" a year
is on the year the story told of before; "over those nine years" counts back from the year
being talked of. A period read from another sentence is not certain: it may support a claim,
never accuse one. Figures computed from the raw Portugal file with pandas (``portugal_mn``),
never with hitex.
"""

from __future__ import annotations

import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import chile_mn, find, portugal_mn

#: A headline that makes 2021 the year of the article.
HEADLINE = "Portugal's technology trade in 2021: imports of $4.59 billion"


@pytest.fixture(scope="module")
def pt():
    exports, imports = portugal_mn("export"), portugal_mn("import")
    assert round(100 * (exports[2016] / exports[2006] - 1)) == 51
    assert round(100 * (imports[2016] / imports[2006] - 1)) == 32
    assert round(100 * (imports[2012] / imports[2001] - 1)) == 125
    assert round(100 * (exports[2017] / exports[2005] - 1)) == 66
    assert round(100 * (imports[2017] / imports[2005] - 1)) == 59
    assert round(exports[2019] + imports[2019]) == 5470
    return exports, imports


@pytest.mark.parametrize(
    ("text", "words", "period"),
    [
        ("The audit found that 2016 exports were 51% higher than in 2006, while imports grew "
         "about 32%.", "51%", (2016, 2006)),
        ("The audit found that 2016 exports were 51% higher than in 2006, while imports grew "
         "about 32%.", "32%", (2016, 2006)),
        ("Sales abroad grew fast; 2016 imports were some 32% above 2006.", "32%", (2016, 2006)),
    ],
)  # fmt: skip
def test_a_year_opening_its_clause_as_the_subject_dates_the_claim(pt, corpus, text, words,
                                                                  period):  # fmt: skip
    text = f"{HEADLINE}\n\n{text}"
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert (r.claim.period.year, r.claim.period.compare) == period, r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("MS LIMA: Let us go back to 2012, when imports were still under two billion.\n"
         "MINISTER: Right, imports of 1.55 billion, about 125% above 2001.", "125%"),
        ("MS LIMA: Let us go back to 2012, when imports were still under two billion.\n"
         "MINISTER: Right, imports of 1.55 billion, about 125% above 2001.", "1.55 billion"),
        ("MS LIMA: Let us go back to 2012, when imports were still under two billion.\n"
         "MINISTER: Right, and imports rose by some 125% over those eleven years.", "125%"),
        ("ВЕДУЩИЙ: Вернёмся в 2012 год, когда импорт ещё не дотягивал до двух миллиардов.\n"
         "МИНИСТР: Да, импорт был на 125% больше, чем в 2001 году.", "125%"),
        # Within a paragraph: a sentence naming only a base goes on with the year before.
        ("In 2012 imports were still under two billion. They stood some 125% above 2001.",
         "125%"),
    ],
)  # fmt: skip
def test_a_sentence_naming_only_a_base_goes_on_with_the_year_before(pt, corpus, text, words):
    text = f"{HEADLINE}\n\n{text}"
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.claim.period.year == 2012, r.reason
    assert r.verdict == "supported", r.reason


def test_a_base_of_a_present_figure_keeps_the_article_year(pt, corpus):
    text = f"{HEADLINE}\n\nIn 2012 imports were still under two billion. Today they are 565% above 2001."
    r = find(claims.check(corpus, text, reporter="PRT"), "565%")
    assert r.claim.period.year == 2021, r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("В 2005 году Португалия продала технологий на 800 млн долларов.\n\nШли годы. К 2017-му "
         "её продажи подросли на 66%, а покупки выросли на 59%.", "66%"),
        ("В 2005 году Португалия продала технологий на 800 млн долларов.\n\nШли годы. К 2017-му "
         "её продажи подросли на 66%, а покупки выросли на 59%.", "59%"),
        ("In 2005 Portugal sold $800 million of technology abroad.\n\nTime passed. By 2017 its "
         "imports had risen by 59%.", "59%"),
    ],
)  # fmt: skip
def test_a_change_reached_by_a_year_is_on_the_year_told_before(pt, corpus, text, words):
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert (r.claim.period.year, r.claim.period.compare) == (2017, 2005), r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    "text", ["By 2017 Portugal's imports had risen by 80%.", "К 2017 году импорт Португалии вырос "
             "на 80%."],
)  # fmt: skip
def test_a_change_by_a_year_with_no_year_told_before_is_never_flagged(pt, corpus, text):
    r = find(claims.check(corpus, text, reporter="PRT"), "80%")
    assert r.verdict == "unverifiable", r.reason


@pytest.mark.parametrize(
    ("text", "words", "flow"),
    [
        ("В 2012 году покупки страны за рубежом выросли на 25%.", "25%", "import"),
        ("В 2011 году выручка страны впервые превысила миллиард долларов.", "миллиард",
         "export"),
        ("В 2019 году вместе покупки и продажи страны впервые превысили пять миллиардов "
         "долларов.", "пять миллиардов", "turnover"),
        ("In 2019 the country's sales and purchases together topped $5 billion for the first time.",
         "$5 billion", "turnover"),
    ],
)  # fmt: skip
def test_words_of_buying_selling_and_both_together(pt, corpus, text, words, flow):
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.claim.subject.flow == flow, r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("В 2011-м экспорт впервые перевалил за миллиард, а в 2019-м случился большой скачок, "
         "почти на 86%, и экспорт достиг 2,6 млрд долларов.", "2,6 млрд"),
        ("In 2011 exports passed a billion, and in 2019 came the big jump, of almost 86%, with "
         "exports reaching $2.6 billion.", "$2.6 billion"),
    ],
)  # fmt: skip
def test_a_clause_opened_by_and_between_commas_dates_what_follows(pt, corpus, text, words):
    r = find(claims.check(corpus, text, reporter="PRT"), words)
    assert r.claim.period.year == 2019, r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Two years ago Chile bought far less from Argentina. In 2004 its maize imports rose by a "
        "fifth.",
        "Два года назад Чили закупала у Аргентины куда меньше. В 2004 году кукурузы завезли на "
        "пятую часть больше.",
    ],
)
def test_a_span_back_the_text_says_is_its_base_when_the_year_before_is_not_held(corpus, text):
    maize = chile_mn("import", "1005")
    assert 2003 not in maize.index
    assert round(100 * (maize[2004] / maize[2002] - 1)) == 21
    r = find(claims.check(corpus, text, reporter="CHL"), "fifth" if "fifth" in text else "пятую")
    assert (r.claim.period.year, r.claim.period.compare) == (2004, 2002), r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words", "period"),
    [
        # «против 2006 г.» sets a year against: the base, not the year before.
        ("Импорт за 2021 год вырос на 25,6%, а против 2006 г. — в 4,2 раза.", "4,2", (2021, 2006)),
        ("Imports rose 25.6% in 2021, and vs 2006 about 4.2-fold.", "4.2", (2021, 2006)),
        # «Между 2008 и 2018 гг.»: the span, as "between 2008 and 2018".
        ("Между 2008 и 2018 гг. импорт прибавил 26%.", "26%", (2018, 2008)),
        # «Ваш год — 2019-й»: a year in the nominative is the year said of.
        ("Ваш год — 2019-й: тогда импорт подскочил на 64%.", "64%", (2019, 2018)),
    ],
)  # fmt: skip
def test_russian_bases_spans_and_years(pt, corpus, text, words, period):
    _, imports = pt
    assert round(imports[2021] / imports[2006], 1) == 4.2
    assert round(100 * (imports[2018] / imports[2008] - 1)) == 26
    assert round(100 * (imports[2019] / imports[2018] - 1)) == 64
    r = find(claims.check(corpus, f"{HEADLINE}\n\n{text}", reporter="PRT"), words)
    assert (r.claim.period.year, r.claim.period.compare) == period, r.reason
    assert r.verdict == "supported", r.reason
