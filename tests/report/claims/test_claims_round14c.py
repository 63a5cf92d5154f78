"""Ranks among goods: the place of one HS chapter, heading or line among the trade's, by value.

Sentences written for these tests. Expected places come from pandas on the raw files
(src/hitex/demo/data/chl_arg_2004.csv: Chile's trade with Argentina by HS6, 2004;
examples/moscow-2020/flows.csv), never from hitex.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, PORTUGAL, ROOT
from tests.report.claims._shared import by_span as _by_span

CHILE_2004 = ROOT / "src" / "hitex" / "demo" / "data" / "chl_arg_2004.csv"
HEAD = "Chile's trade with Argentina in 2004.\n\n"


def _places(path: Path, flow: str, digits: int, year: int | None = None) -> list[str]:
    """Codes of ``digits`` digits of ``flow``, largest first (the raw file, pandas)."""
    raw = pd.read_csv(path, dtype={"product": str})
    raw = raw[raw["flow"] == flow]
    if year is not None:
        raw = raw[raw["year"] == year]
    sums = raw.groupby(raw["product"].str[:digits])["value_usd"].sum()
    return list(sums.sort_values(ascending=False).index)


def test_a_chapter_ranked_among_chapters_and_the_level_carried_in_its_sentence(corpus):
    chapters = _places(CHILE_2004, "import", 2)
    assert chapters.index("10") + 1 == 2  # cereals
    assert chapters.index("87") + 1 == 4  # vehicles
    text = HEAD + ("Cereals held second place among import chapters, while vehicles came fourth.")
    found = _by_span(claims.check(corpus, text))
    for span, code in (("second place", "HS 10"), ("came fourth", "HS 87")):
        assert found[span].verdict == "supported", found[span].reason
        assert code in found[span].reason
        assert "chapters" in found[span].reason


def test_a_heading_ranked_among_headings_is_flagged_when_its_place_is_wrong(corpus):
    headings = _places(CHILE_2004, "import", 4)
    assert headings.index("1005") + 1 == 4  # maize
    text = HEAD + "Maize was fourth among import headings. Heading 1005 was second among headings."
    found = _by_span(claims.check(corpus, text))
    right = next(r for s, r in found.items() if "fourth" in s)
    assert right.verdict == "supported", right.reason
    assert "headings" in right.reason
    wrong = next(r for s, r in found.items() if "second" in s)
    assert wrong.verdict == "contradicted", wrong.reason
    assert "ranks 4" in wrong.reason


def test_a_russian_rank_among_groups_and_positions(corpus):
    exports = _places(CHILE_2004, "export", 2)
    assert exports.index("40") + 1 == 6  # rubber
    assert exports.index("48") + 1 == 1  # paper
    text = (
        "Чили: торговля с Аргентиной в 2004 году.\n\n"
        "Экспорт резины вышел на шестое место среди товарных групп. "
        "Бумага и картон заняли первое место среди групп."
    )
    found = _by_span(claims.check(corpus, text))
    six = next(r for s, r in found.items() if s.startswith("на шестое"))
    assert six.verdict == "supported", six.reason
    first = next(r for s, r in found.items() if s.startswith("первое"))
    assert first.verdict == "supported", first.reason


def test_a_rank_whose_level_is_unsaid_is_left_open_when_the_data_disagree(corpus):
    chapters = _places(CHILE_2004, "import", 2)
    assert chapters.index("27") + 1 == 1  # fuels: first chapter, not second
    text = HEAD + "Fuels were the second-largest import item."
    (r,) = [r for r in claims.check(corpus, text) if r.claim.kind == "rank"]
    # "item" names no level: the text may rank headings or lines.
    assert r.verdict == "unverifiable", r.reason
    assert "does not say among which goods" in r.reason


def test_a_rank_among_buyers_is_not_read_as_a_rank_of_goods(corpus):
    text = HEAD + "Paper exports rose, and Argentina was the ninth among buyers."
    (r,) = [r for r in claims.check(corpus, text) if r.claim.kind == "rank"]
    assert r.verdict == "unverifiable", r.reason
    assert "HS 48" not in r.reason


def test_moscow_headings_ranked_in_the_constructed_example(corpus):
    headings = _places(MOSCOW, "export", 4, 2020)
    assert headings[:2] == ["8411", "8471"]  # the raw file
    text = (
        "Moscow's high-tech exports in 2020.\n\n"
        "Computers, heading 8471, follow in second place among headings."
    )
    (r,) = [r for r in claims.check(corpus, text) if r.claim.kind == "rank"]
    assert r.verdict == "supported", r.reason
    assert "HS 8471" in r.reason


def test_copper_is_not_read_in_medical_and_a_heading_named_by_its_code_is_ranked(corpus):
    headings = _places(MOSCOW, "export", 4, 2020)
    assert headings.index("9018") + 1 == 13  # the raw file
    text = (
        "Экспорт Москвы в 2020 году.\n\n"
        "Медицинские инструменты, позиция 9018, — тринадцатое место среди товарных позиций."
    )
    (r,) = [r for r in claims.check(corpus, text) if r.claim.kind == "rank"]
    assert r.verdict == "supported", r.reason
    assert "copper" not in r.reason


def test_refined_petroleum_is_a_heading_not_the_fuels_chapter(corpus):
    headings = _places(CHILE_2004.with_name("chl_arg_2002.csv"), "import", 4)
    assert headings[0] == "2710"  # the raw file: refined oils led in 2002
    text = (
        "Chile's trade with Argentina in 2002.\n\n"
        "Refined petroleum oils were the leading import heading in 2002."
    )
    (r,) = [r for r in claims.check(corpus, text) if r.claim.kind == "rank"]
    assert r.verdict == "supported", r.reason
    assert "HS 2710" in r.reason


def test_a_chapter_the_text_calls_a_chapter_is_flagged_at_the_wrong_place(corpus):
    chapters = _places(CHILE_2004, "import", 2)
    assert chapters[:2] == ["27", "10"]  # fuels first, cereals second
    text = HEAD + "Cereals ranked first among import chapters."
    (r,) = [r for r in claims.check(corpus, text) if r.claim.kind == "rank"]
    assert r.verdict == "contradicted", r.reason
    assert "ranks 2" in r.reason
    assert "HS 27" in r.reason


def _top_share(path: Path, flow: str, year: int, n: int) -> float:
    """The share of the first ``n`` partners, in percent (the raw file, pandas)."""
    raw = pd.read_csv(path)
    raw = raw[(raw["flow"] == flow) & (raw["year"] == year)]
    by = raw.groupby("partner")["value_usd"].sum().sort_values(ascending=False)
    return float(100 * by.head(n).sum() / by.sum())


@pytest.mark.parametrize(
    ("text", "span", "n"),
    [
        ("На пять крупнейших рынков приходится почти 70% экспорта.", "почти 70%", 5),
        ("Пятёрка крупнейших покупателей обеспечила почти 70% экспорта.", "почти 70%", 5),
        ("The five largest markets took almost 70% of exports.", "almost 70%", 5),
        ("The top three buyers accounted for more than 55% of sales.", "more than 55%", 3),
    ],
)
def test_the_share_of_the_largest_partners(corpus, text, span, n):
    share = _top_share(MOSCOW, "export", 2020, n)
    assert share == pytest.approx({5: 69.26, 3: 55.12}[n], abs=0.01)  # the raw file
    (r,) = [r for r in claims.check(corpus, "Moscow's exports in 2020.\n\n" + text)
            if r.claim.kind == "share"]  # fmt: skip
    assert r.claim.span.strip() == span
    assert r.verdict == "supported", r.reason
    assert f"the {n} largest partners" in r.reason


def test_the_share_of_the_largest_partners_is_flagged_when_wrong(corpus):
    share = _top_share(PORTUGAL, "export", 2021, 5)
    assert 62 < share < 62.5  # the raw file: not "almost 70%"
    text = "Portugal's technology exports in 2021.\n\nThe five largest markets took almost 70%."
    (r,) = [r for r in claims.check(corpus, text) if r.claim.kind == "share"]
    assert r.verdict == "contradicted", r.reason


def _portugal(flow: str) -> pd.Series:
    raw = pd.read_csv(PORTUGAL)
    if flow == "turnover":
        return raw.groupby("year")["value_usd"].sum() / 1e6
    return raw[raw["flow"] == flow].groupby("year")["value_usd"].sum() / 1e6


def test_a_level_passed_for_the_first_time(corpus):
    turnover, exports = _portugal("turnover"), _portugal("export")
    assert turnover[2019] > 5000
    assert (turnover[turnover.index < 2019] < 5000).all()
    assert exports[2019] > 2000
    assert (exports[exports.index < 2019] < 2000).all()
    text = (
        "Portugal's technology trade.\n\n"
        "Turnover reached 9.09 billion dollars in 2021, having first exceeded 5 billion in 2019. "
        "В 2019 году экспорт впервые превысил 2 млрд долларов."
    )
    found = _by_span(claims.check(corpus, text))
    for span in ("exceeded 5 billion", "превысил 2 млрд долларов"):
        assert found[span].verdict == "supported", found[span].reason
        assert "every earlier year held (2001-2018)" in found[span].reason


def test_a_level_passed_earlier_than_the_year_said_is_flagged(corpus):
    exports = _portugal("export")
    assert exports[2019] > 2000  # the raw file: 2019 was first
    assert exports[2021] > 2000
    # (2021, not 2020: a level's year may be the year before the one said, an abstention)
    text = "Технологический экспорт Португалии.\n\nВ 2021 году экспорт впервые превысил 2 млрд долларов."
    (r,) = claims.check(corpus, text)
    assert r.verdict == "contradicted", r.reason
    assert "2019 was already above" in r.reason


def test_a_move_in_the_ranking_checks_the_place_it_moved_from(corpus):
    before = _places(CHILE_2004.with_name("chl_arg_2002.csv"), "export", 2)
    now = _places(CHILE_2004, "export", 2)
    assert now.index("48") + 1 == 1  # the raw files
    assert before.index("48") + 1 == 6
    right = HEAD + "Paper and paperboard climbed from sixth to first among export chapters."
    wrong = HEAD + "Paper and paperboard climbed from fourth to first among export chapters."
    (r,) = [r for r in claims.check(corpus, right) if r.claim.kind == "rank"]
    assert r.verdict == "supported", r.reason
    assert "in 2002 it ranked 6" in r.reason
    (w,) = [r for r in claims.check(corpus, wrong) if r.claim.kind == "rank"]
    # Chile's data hold one year before 2004: the move is from 2002, and it was sixth.
    assert w.verdict == "contradicted", w.reason


def _partner_places(year: int) -> list[str]:
    raw = pd.read_csv(PORTUGAL)
    raw = raw[(raw["flow"] == "export") & (raw["year"] == year)]
    return list(raw.groupby("partner")["value_usd"].sum().sort_values(ascending=False).index)


def test_a_partner_s_move_is_flagged_only_where_the_year_it_moved_from_is_certain(corpus):
    assert _partner_places(2020).index("FRA") + 1 == 3  # the raw file: third both years
    assert _partner_places(2021).index("FRA") + 1 == 3
    head = "Portugal's technology exports in 2021.\n\n"
    named = head + "Between 2020 and 2021 France slipped from second to third."
    unsaid = head + "France slipped from second to third."
    (r,) = [r for r in claims.check(corpus, named) if r.claim.kind == "rank"]
    assert r.verdict == "contradicted", r.reason
    assert "in 2020 it ranked 3" in r.reason
    (u,) = [r for r in claims.check(corpus, unsaid) if r.claim.kind == "rank"]
    # The data hold twenty years before 2021: "slipped from second" may be since any of them.
    assert u.verdict == "unverifiable", u.reason


def _moscow_months(first: int, last: int) -> pd.Series:
    raw = pd.read_csv(MOSCOW)
    raw = raw[(raw["flow"] == "export") & raw["month"].between(first, last)]
    return raw.groupby("year")["value_usd"].sum() / 1e6


@pytest.mark.parametrize(
    ("text", "first", "last", "said"),
    [
        ("First-quarter sales were $575.6 million.", 1, 3, 575.6),
        ("Q1 exports were $575.6 million.", 1, 3, 575.6),
        ("Fourth-quarter exports came to $651.7 million.", 10, 12, 651.7),
        ("Exports grew all year. December: $217.2 million.", 12, 12, 217.2),
        ("Экспорт рос весь год. Декабрь — 217,2 млн долларов.", 12, 12, 217.2),
    ],
)
def test_a_quarter_or_a_month_said_as_the_subject_dates_its_figure(corpus, text, first, last, said):
    assert round(_moscow_months(first, last)[2020], 1) == said  # the raw file
    results = claims.check(corpus, "Moscow's exports in 2020.\n\n" + text)
    (r,) = [r for r in results if r.claim.kind == "amount"]
    assert r.verdict == "supported", r.reason
    assert f"months {first}-{last}" in r.reason


def test_a_quarter_s_name_before_a_flow_word_is_no_goods(corpus):
    q4 = _moscow_months(10, 12)
    growth = 100 * (q4[2020] / q4[2019] - 1)
    assert round(growth, 1) == 34.3  # the raw file
    text = "Moscow's exports in 2020.\n\nFourth-quarter exports rose 34.3%."
    (r,) = claims.check(corpus, text)
    assert r.verdict == "supported", r.reason


def _balance() -> pd.Series:
    raw = pd.read_csv(PORTUGAL)
    t = raw.groupby(["year", "flow"])["value_usd"].sum().unstack() / 1e6
    return t["export"] - t["import"]


@pytest.mark.parametrize(
    ("text", "span", "year"),
    [
        ("Дефицит 2020 года, 190 млн долларов, сократился до 86 млн.", "190 млн долларов", 2020),
        ("The deficit narrowed to $86 million (2020: $190 million).", "$190 million", 2020),
        ("Deficits: 2011 — $190 million; 2021 — $86 million.", "$190 million", 2011),
    ],
)
def test_a_year_said_right_before_a_figure_dates_it(corpus, text, span, year):
    balance = _balance()
    assert round(balance[year]) == -190  # the raw file
    assert round(balance[2021]) == -86
    results = claims.check(corpus, "Portugal's technology trade in 2021.\n\n" + text)
    r = next(r for r in results if r.claim.span.strip(" .") == span)
    assert r.verdict == "supported", r.reason
    assert f"in {year}" in r.reason


def _moscow_partners() -> list[str]:
    raw = pd.read_csv(MOSCOW)
    raw = raw[(raw["flow"] == "export") & (raw["year"] == 2020)]
    return list(raw.groupby("partner")["value_usd"].sum().sort_values(ascending=False).index)


@pytest.mark.parametrize(
    ("text", "partner", "place", "verdict"),
    [
        ("China led; Japan a close second.", "JPN", 2, "supported"),
        ("Япония вторая, Германия третья.", "DEU", 3, "supported"),
        ("The United States, fifth.", "USA", 5, "contradicted"),
    ],
)
def test_an_ordinal_right_after_a_partner_s_name_ranks_it(corpus, text, partner, place, verdict):
    ranked = _moscow_partners()
    assert ranked[:4] == ["CHN", "JPN", "DEU", "USA"]  # the raw file
    results = claims.check(corpus, "Moscow's exports in 2020.\n\n" + text)
    r = [r for r in results if r.claim.kind == "rank" and partner in r.claim.subject.partners]
    assert len(r) == 1, [x.reason for x in results]
    assert r[0].verdict == verdict, r[0].reason
    assert r[0].claim.quantity is not None
    assert r[0].claim.quantity.value == place


def test_first_right_after_a_name_is_an_adverb_not_a_rank(corpus):
    text = "Moscow's exports in 2020.\n\nSales to Japan first exceeded $500 million in 2020."
    assert not [r for r in claims.check(corpus, text) if r.claim.kind == "rank"]


@pytest.mark.parametrize(
    ("text", "partner", "verdict"),
    [
        ("Sweden last of fourteen.", "SWE", "supported"),
        ("Sweden is our smallest market.", "SWE", "supported"),
        ("Замыкает список Турция.", "TUR", "contradicted"),
        ("Нидерланды, Германия, и замыкает тройку Франция.", "FRA", "supported"),
        ("The United States rounds out the top five.", "USA", "supported"),
        ("Sweden was last of twelve markets.", "SWE", "unverifiable"),
    ],
)
def test_the_last_place_and_the_last_of_the_first_n(corpus, text, partner, verdict):
    ranked = _partner_places(2021)
    assert len(ranked) == 14  # the raw file
    assert ranked[-1] == "SWE"
    assert ranked.index("TUR") + 1 == 13
    assert ranked.index("FRA") + 1 == 3
    assert ranked.index("USA") + 1 == 5
    results = claims.check(corpus, "Portugal's technology exports in 2021.\n\n" + text)
    (r,) = [r for r in results if r.claim.kind == "rank"]
    assert partner in r.claim.subject.partners
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "span", "year"),
    [
        ("Exports fell only once, in 2009, by 8%.", "by 8%", 2009),
        ("Экспорт снизился лишь однажды, в 2009 году, на 8%.", "на 8%", 2009),
        ("Сектор цикличен: в кризисный 2009 г. экспорт упал на 8,3%.", "упал на 8,3%", 2009),
        (
            "Самым удачным стал 2019-й, когда экспорт подскочил на 85,7%.",
            "подскочил на 85,7%",
            2019,
        ),
    ],
)
def test_a_rate_whose_verb_or_year_stands_apart_from_it(corpus, text, span, year):
    exports = _portugal("export")
    growth = 100 * (exports[year] / exports[year - 1] - 1)
    assert round(growth, 1) == {2009: -8.3, 2019: 85.7}[year]  # the raw file
    results = claims.check(corpus, "Portugal's technology trade in 2021.\n\n" + text)
    r = next(r for r in results if r.claim.span.strip(" .") == span)
    assert r.verdict == "supported", r.reason
    assert f"{year} against {year - 1}" in r.reason


def _partner_balance(year: int) -> pd.Series:
    raw = pd.read_csv(PORTUGAL)
    raw = raw[raw["year"] == year]
    t = raw.groupby(["partner", "flow"])["value_usd"].sum().unstack().fillna(0) / 1e6
    return t["export"] - t["import"]


@pytest.mark.parametrize(
    ("text", "partner", "verdict"),
    [
        ("Portugal ran a surplus with the Netherlands.", "NLD", "supported"),
        ("It ran a surplus with the Netherlands and a deficit with China.", "CHN", "supported"),
        ("It has a surplus with Korea.", "KOR", "contradicted"),
        ("С Японией у страны профицит.", "JPN", "contradicted"),
        ("Дефицит в торговле с Китаем сохранился.", "CHN", "supported"),
    ],
)
def test_the_side_of_a_balance_told_without_a_figure(corpus, text, partner, verdict):
    balance = _partner_balance(2021)
    assert balance["NLD"] > 0  # the raw file
    assert balance["CHN"] < 0
    assert balance["KOR"] < 0
    assert balance["JPN"] < 0
    results = claims.check(corpus, "Portugal's technology trade in 2021.\n\n" + text)
    r = [r for r in results if r.claim.subject.partners == (partner,)]
    assert len(r) == 1, [(x.claim.span, x.reason) for x in results]
    assert r[0].claim.subject.flow == "balance"
    assert r[0].verdict == verdict, r[0].reason


@pytest.mark.parametrize(
    "text",
    [
        "Portugal turned a deficit with Korea into a surplus.",
        "Portugal used to run a surplus with Korea.",
        "Portugal has no surplus with China.",
        "Дефицит сохранился.",
    ],
)
def test_a_side_of_another_time_or_denied_is_no_claim(corpus, text):
    results = claims.check(corpus, "Portugal's technology trade in 2021.\n\n" + text)
    assert not [r for r in results if r.verdict == "contradicted"]
    assert not [r for r in results if r.claim.metric == "side"]


def test_a_figure_rounded_twice_is_not_flagged(corpus):
    december = _moscow_months(12, 12)[2020]
    assert 217.245 < december < 217.25  # the raw file: 217.2471, "217,3" only rounded twice
    text = "Экспорт Москвы в 2020 году.\n\nЭкспорт рос весь год. Декабрь — 217,3 млн долларов, ноябрь — 219,3 млн."
    found = _by_span(claims.check(corpus, text))
    twice = next(r for s, r in found.items() if s.startswith("217,3"))
    assert twice.verdict == "supported", twice.reason
    wrong = next(r for s, r in found.items() if s.startswith("219,3"))
    assert wrong.verdict == "contradicted", wrong.reason


def test_an_ordinal_fraction_after_a_partner_is_no_rank(corpus):
    text = "Portugal's technology exports in 2021.\n\nФранция — десятую часть."
    assert not [r for r in claims.check(corpus, text) if r.claim.kind == "rank"]


def test_two_goods_summed_into_one_share(corpus):
    raw = pd.read_csv(CHILE_2004, dtype={"product": str})
    imports = raw[raw["flow"] == "import"]
    both = imports[imports["product"].str[:4].isin(["2710", "2711"])]["value_usd"].sum()
    share = 100 * both / imports["value_usd"].sum()
    assert round(share, 2) == 44.73  # the raw file
    text = HEAD + (
        "Petroleum gases plus refined oils together accounted for 45 percent of Chilean "
        "purchases from Argentina."
    )
    (r,) = [r for r in claims.check(corpus, text) if r.claim.kind == "share"]
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(("count", "verdict"), [("Four", "supported"), ("Nine", "contradicted")])
def test_a_count_of_goods_above_a_threshold_is_no_sum(corpus, count, verdict):
    raw = pd.read_csv(CHILE_2004, dtype={"product": str})
    imports = raw[raw["flow"] == "import"]
    by = imports.groupby(imports["product"].str[:2])["value_usd"].sum()
    assert int((by > 100e6).sum()) == 4  # the raw file: four chapters over $100 million
    text = HEAD + f"{count} import chapters exceeded USD 100 million in 2004."
    (r,) = claims.check(corpus, text)
    assert r.claim.aggregation == "each"
    assert r.verdict == verdict, r.reason


def test_a_count_said_together_is_a_sum(corpus):
    text = HEAD + "Together, four import chapters exceeded USD 100 million."
    (r,) = claims.check(corpus, text)
    assert r.claim.aggregation == "sum"
