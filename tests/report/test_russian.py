"""Russian reports: grammar (a table of sentence cases with the rules they check), Russian
names, Russian number formats, and no English words in the built report outside codes."""

from __future__ import annotations

import html
import re
import subprocess

import pytest

import hitex.report as rep
from hitex import demo
from hitex.report import grammar

# -- the table of sentence cases ---------------------------------------------------------------
# (predicate as the report words it, subject, expected, the rule it checks)
AGREEMENT = [
    ("вырос на 40%", "готовые изделия", "выросли на 40%",
     "A past-tense verb agrees with a plural subject in number (no gender in the plural)."),
    ("вырос на 18%", "комплектующие", "выросли на 18%",
     "A plural-only noun (a substantivised participle) takes a plural verb."),
    ("снизился на 15%", "Индия", "снизилась на 15%",
     "A feminine singular subject takes the feminine past form (-ась)."),
    ("почти утроился", "экспорт", "почти утроился",
     "A masculine singular subject keeps the masculine form; adverbs before the verb stay."),
    ("вырос на 5%", "Марокко", "выросло на 5%",
     "An indeclinable neuter name takes the neuter past form (-о)."),
    ("не изменился", "Объединённые Арабские Эмираты", "не изменились",
     "A plural name takes a plural verb; the negation stays."),
    ("вырос на треть", "США", "выросли на треть",
     "An indeclinable plural abbreviation (Соединённые Штаты) takes a plural verb."),
    ("несопоставим (нет базы)", "Республика Корея", "несопоставима (нет базы)",
     "A short adjective as predicate agrees in gender with the head noun (республика), "
     "not with the apposition after it."),
    ("удвоился", "Япония", "удвоилась", "A reflexive verb agrees and keeps its -ся/-сь."),
]  # fmt: skip

# (preposition, name in the nominative, case, expected, the rule it checks)
GOVERNMENT = [
    ("в", "Китай", "accs", "в Китай",
     "в + accusative for a direction; an inanimate masculine noun's accusative is its nominative."),
    ("в", "Индия", "accs", "в Индию", "в + accusative: feminine -я becomes -ю."),
    ("из", "Индия", "gent", "из Индии", "из + genitive: feminine -ия becomes -ии."),
    ("в", "Франция", "accs", "во Францию",
     "в becomes во before в/ф followed by a consonant."),
    ("в", "Объединённые Арабские Эмираты", "accs", "в Объединённые Арабские Эмираты",
     "Inanimate plural: the accusative of nouns and adjectives is their nominative."),
    ("из", "Объединённые Арабские Эмираты", "gent", "из Объединённых Арабских Эмиратов",
     "Genitive plural: adjectives agree with the head noun (-ых, -ов)."),
    ("в", "Республика Корея", "accs", "в Республику Корея",
     "Only the head noun and the words before it decline; an apposition after it stays."),
    ("в", "Южная Африка", "accs", "в Южную Африку",
     "An adjective before the noun agrees with it in case, gender and number."),
    ("в", "США", "accs", "в США", "An indeclinable abbreviation does not change."),
    ("на", "готовые изделия", "accs", "на готовые изделия",
     "на + accusative (пришлось на ...); inanimate plural stays as the nominative."),
    ("из", "Москва", "gent", "из Москвы", "Genitive of a feminine -а noun: -ы."),
    ("из", "БРИКС", "gent", "из БРИКС",
     "An abbreviation the dictionary does not know is not declined by guess."),
    ("для", "Евразийский экономический союз", "gent", "для Евразийского экономического союза",
     "Masculine genitive singular: adjectives -ого, noun -а."),
]  # fmt: skip

# (number, as written, noun phrase, expected, the rule it checks)
NUMBERS = [
    (1, "1", "товарная позиция", "1 товарная позиция", "After 1 the nominative singular."),
    (21, "21", "товарная позиция", "21 товарная позиция",
     "A number ending in 1 (but not 11) counts as 1."),
    (2, "2", "товарная позиция", "2 товарные позиции",
     "After 2-4 a feminine noun's adjective is nominative plural, the noun genitive singular."),
    (144, "144", "товарная позиция", "144 товарные позиции",
     "The last digit (4) decides, unless the last two are 12-14."),
    (5, "5", "товарная позиция", "5 товарных позиций", "After 5-20 the genitive plural."),
    (11, "11", "товарная позиция", "11 товарных позиций", "11-14 count as 5, not as 1-4."),
    (3, "3", "крупный рынок", "3 крупных рынка",
     "After 2-4 a masculine noun's adjective is genitive plural, the noun genitive singular."),
    (1.5, "1,5", "товарная позиция", "1,5 товарной позиции",
     "After a fraction the genitive singular."),
]  # fmt: skip


@pytest.mark.parametrize(("predicate", "subject", "expected", "rule"), AGREEMENT)
def test_predicates_agree_with_their_subjects(predicate, subject, expected, rule):
    assert grammar.agree(predicate, subject) == expected, rule


@pytest.mark.parametrize(("word", "name", "case", "expected", "rule"), GOVERNMENT)
def test_prepositions_govern_their_case(word, name, case, expected, rule):
    assert grammar.preposition(word, name, case) == expected, rule


@pytest.mark.parametrize(("n", "figure", "phrase", "expected", "rule"), NUMBERS)
def test_nouns_agree_with_numbers(n, figure, phrase, expected, rule):
    assert grammar.count(n, phrase, figure) == expected, rule


# -- the Russian report of the demo ------------------------------------------------------------
@pytest.fixture(scope="module")
def russian(moscow):
    """The Russian report exactly as ``make demo`` writes it (``hitex-demo/report-ru.html``)."""
    return rep.build(moscow, **dict(demo.REPORTS)["report-ru.html"])


@pytest.fixture(scope="module")
def russian_html(russian, tmp_path_factory):
    out = tmp_path_factory.mktemp("ru") / "report-ru.html"
    rep.render(russian, out)
    return out.read_text(encoding="utf-8")


def _text(report: rep.Report, key: str) -> str:
    return " ".join(s.text for s in report.section(key).sentences)


def test_report_sentences_agree(russian):
    """The sentences of the demo that read wrong before, each with the rule it now follows."""
    headline = russian.headline
    tech = _text(russian, "technology")
    dest = _text(russian, "destinations")
    # Genitive of the reporter, в + accusative of the partner group; masculine verb (экспорт).
    assert headline.startswith("Экспорт Москвы в Азию вырос на треть в 2020 г.")
    # Plural subjects take plural verbs.
    assert re.search(r"готовые изделия выросли на \d+%", tech)
    assert re.search(r"комплектующие выросли на \d+%", tech)
    # в + accusative of the partner; на + accusative of what the increase went to.
    assert re.search(r"Из прироста экспорта в Индию на [\d ,]+ млн долл\. на готовые изделия "
                     r"пришлось [\d ,]+ млн долл\., на комплектующие — ", tech)  # fmt: skip
    # Numbers: after 144 the feminine adjective in the nominative plural, noun genitive singular.
    assert "Экспорт в Индию охватил 144 товарные позиции" in dest
    # OECD classes and the products in Russian.
    assert "высокотехнологичные товары — 86%" in tech
    products = _text(russian, "products")
    assert products.startswith("Крупнейшая товарная позиция — 8411 (Двигатели турбореактивные и "
                               "турбовинтовые, газовые турбины прочие): ")  # fmt: skip


def _visible(page: str) -> list[tuple[str, bool]]:
    """Every text of the page (SVG charts included) and whether it is a cell of a code column."""
    page = re.sub(r"<style.*?</style>", "", page, flags=re.S)
    out: list[tuple[str, bool]] = []
    for table in re.findall(r"<table>.*?</table>", page, flags=re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
        heads = [html.unescape(h) for h in re.findall(r"<th>(.*?)</th>", rows[0])]
        out += [(h, False) for h in heads]
        for row in rows[1:]:
            cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            out += [(c, h.endswith("(код)")) for c, h in zip(cells, heads, strict=True)]
    page = re.sub(r"<table>.*?</table>", "", page, flags=re.S)
    out += [(html.unescape(t), False) for t in re.findall(r">([^<]+)<", page)]
    return out


def _is_code(token: str) -> bool:
    """Codes, file names, hashes, versions and abbreviations: HS17, RU-MOW, a.csv, BEC, SHA."""
    return bool(re.search(r"[\d_./+#]", token)) or token.isupper() or token == "hitex"


def _english(page: str) -> set[str]:
    return {
        word
        for text, code_column in _visible(page) if not code_column
        for token in text.split() if not _is_code(token.strip("(),.;:"))
        for word in re.findall(r"[A-Za-z]+", token)
    }  # fmt: skip


def test_no_english_words_outside_codes(russian_html):
    assert _english(russian_html) == set()


def test_charts_are_described_to_screen_readers_in_russian(russian_html):
    """Vega's own descriptions ("Title text '...'", "X-axis for a discrete scale") are English."""
    labels = [html.unescape(a) for a in re.findall(r'aria-label="([^"]*)"', russian_html)]
    assert "Экспорт по годам" in labels
    words = {w for a in labels for t in a.split() if not _is_code(t.strip("(),.;:'"))
             for w in re.findall(r"[A-Za-z]+", t)}  # fmt: skip
    assert words == set(), labels


def test_numbers_are_written_the_russian_way(russian_html):
    """Decimal comma, a space between thousands (``1 532,6``); never ``1,532.6`` or ``1.5``."""
    texts = [t for t, _ in _visible(russian_html)]
    english = [
        t
        for t in texts
        if re.search(r"\d,\d{3}\b", t) or re.search(r"(?<![\d.+])\d+\.\d+(?![\d.])", t)
    ]
    # The reference version (2026.2+...) and file names are codes, not numbers.
    english = [t for t in english if not re.search(r"\d{4}\.\d+\+|\.csv", t)]
    assert english == []
    joined = " ".join(texts)
    assert re.search(r"1,53 млрд долл\.", joined)
    assert re.search(r"\b1\u00a0532,6\b", joined)  # the chart's label of 2020, in US$ million
    assert re.search(r"\b15 872\b", joined)  # rows read, a space between thousands


def test_chart_specs_carry_the_russian_locale(russian):
    specs = [c.spec for s in russian.sections for c in s.charts]
    assert specs
    assert all(s["config"]["locale"]["number"]["decimal"] == "," for s in specs)
    facets = next(c.spec for s in russian.sections for c in s.charts if c.name == "enduse")
    assert {v["stage"] for v in facets["datasets"].values().__iter__().__next__()} == {
        "готовые изделия", "комплектующие"}  # fmt: skip


def test_the_scans_find_what_they_look_for():
    """The two scans above flag an English word and an English number when there is one."""
    page = ("<p>Готовые изделия: finished 1,600 и 1.5 (HS17, RU-MOW, a.csv)</p><table><tr>"
            "<th>группа (код)</th><th>наименование группы</th></tr>"
            "<tr><td>parts</td><td>Parts and accessories</td></tr></table>")  # fmt: skip
    assert _english(page) == {"finished", "Parts", "and", "accessories"}
    texts = [t for t, _ in _visible(page)]
    assert [t for t in texts if re.search(r"\d,\d{3}\b", t)] == [texts[-1]]


def test_a_bloc_is_its_member_countries(moscow):
    """A bloc is not a place: exports go "в страны" of it (genitive), a region "в" it."""
    r = rep.build(moscow, reporter="RU-MOW", year=2020, compare=2019, partner_group="EAEU",
                  lang="ru")  # fmt: skip
    assert r.title == "Экспорт Москвы в страны Евразийского экономического союза, 2020 г. к 2019 г."


def test_markdown_tables_are_russian(russian, tmp_path):
    out = rep.render(russian, tmp_path / "report-ru.md")
    text = out.read_text(encoding="utf-8")
    assert "| партнёр (код) | наименование партнёра |" in text
    assert "строк прочитано" in text
    rows = len(demo.moscow_file().read_text(encoding="utf-8").splitlines()) - 1
    # rows read: thousands apart by a no-break space (a table cell never wraps a figure)
    assert f"| {rows // 1000}\u00a0{rows % 1000:03d} |" in text
    assert not re.search(r"\| \d{1,3},\d{3}", text)  # no English thousands in any cell


def test_pdf_is_russian(russian, tmp_path):
    path = rep.render(russian, tmp_path / "report-ru.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip
    flat = " ".join(text.split())
    assert "Экспорт Москвы в Азию вырос на треть в 2020 г." in flat
    assert "1,53 млрд долл." in flat
    assert "140 320 000" in flat  # India's exports in the appendix, a space between thousands
    assert "140,320,000" not in flat
