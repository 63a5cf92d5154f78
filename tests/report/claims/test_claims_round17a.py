"""Claims without a number (round 17): the direction of a change, the order of two subjects,
the side of a balance.

Sentences written for these tests. Expected figures come from DuckDB on the raw files:
examples/moscow-2020/flows.csv (Moscow's exports, 2019-2020),
bench/check_corpus/data/portugal-tech.csv (a constructed technology series of Portugal,
2001-2021) and the Chile sample (Chile-Argentina, 2002 and 2004).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

import hitex.report.claims as claims
from hitex import demo
from tests.report.claims._shared import find
from tests.report.claims._shared import raw_sum as _sum

_found = partial(find, understood=True)

ROOT = Path(__file__).parents[3]
PORTUGAL = ROOT / "bench" / "check_corpus" / "data" / "portugal-tech.csv"
MOSCOW = ROOT / "examples" / "moscow-2020" / "flows.csv"
MOSCOW_HEAD = "Moscow technology exports in 2020.\n\n"
MOSCOW_HEAD_RU = "Экспорт технологий Москвы в 2020 году.\n\n"
PORTUGAL_HEAD = "Portugal's technology trade in 2021.\n\n"
PORTUGAL_HEAD_RU = "Торговля Португалии технологиями.\n\n"


def _moscow(partner: str, year: int) -> float:
    return _sum(MOSCOW, f"flow = 'export' AND partner = '{partner}' AND year = {year}")


# -- 1. the direction of a change told without a figure ---------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        # DuckDB: Moscow's exports to GBR 50 -> 55 (rose), to JPN 405.48 -> 511.71 (rose).
        ("Britain cut its orders.", "cut its orders", "contradicted"),
        ("Japan increased its purchases.", "increased its purchases", "supported"),
    ],
)
def test_a_partner_that_cut_or_raised_its_orders_is_a_direction_of_exports(
    corpus, text, words, verdict
):
    assert _moscow("GBR", 2020) > _moscow("GBR", 2019)
    assert _moscow("JPN", 2020) > _moscow("JPN", 2019)
    r = _found(claims.check(corpus, MOSCOW_HEAD + text), words)
    assert (r.claim.kind, r.claim.subject.flow, r.claim.period.compare) == (
        "growth", "export", 2019), r.claim  # fmt: skip
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "words", "partner", "verdict"),
    [
        # DuckDB: Moscow's exports to FRA 80 -> 95 (rose), to JPN 405.48 -> 511.71.
        ("Франция сократила закупки московской продукции.", "сократила закупки", "FRA",
         "contradicted"),
        ("Япония увеличила закупки московской продукции.", "увеличила закупки", "JPN",
         "supported"),
    ],
)  # fmt: skip
def test_ru_a_partner_that_cut_or_raised_its_purchases_is_a_direction_of_exports(
    corpus, text, words, partner, verdict
):
    assert _moscow("FRA", 2020) > _moscow("FRA", 2019)
    r = _found(claims.check(corpus, MOSCOW_HEAD_RU + text), words)
    assert (r.claim.kind, r.claim.subject.partners) == ("growth", (partner,)), r.claim
    assert r.claim.subject.flow == "export", r.claim
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Footnote 17 mentions the drop in car imports (HS 8703).",
        "В сноске говорится о снижении импорта автомобилей (8703).",
    ],
)
def test_a_drop_in_imports_said_by_a_noun_is_a_fall(corpus, text):
    # DuckDB on the Chile sample: imports of HS 8703 55.29 million (2002) -> 80.91 (2004).
    files = demo.files()
    then = _sum(files, "flow = 'import' AND year = 2002 AND CAST(product AS VARCHAR) LIKE '8703%'")
    now = _sum(files, "flow = 'import' AND year = 2004 AND CAST(product AS VARCHAR) LIKE '8703%'")
    assert (round(then, 2), round(now, 2)) == (55.29, 80.91)
    head = "Chile's trade with Argentina in 2004 against 2002.\n\n"
    r = _found(claims.check(corpus, head + text), "снижении" if "снижении" in text else "drop")
    assert (r.claim.kind, r.claim.subject.flow, r.claim.period.compare) == (
        "growth", "import", 2002), r.claim  # fmt: skip
    assert r.verdict == "contradicted", r.reason


@pytest.mark.parametrize("text", ["Exports fell in 2009.", "В 2009 году экспорт снизился."])
def test_a_fall_dated_by_its_year_is_a_direction(corpus, text):
    # DuckDB on portugal-tech.csv: exports 960 (2008) -> 880 (2009).
    assert _sum(PORTUGAL, "flow = 'export' AND year = 2009") < _sum(
        PORTUGAL, "flow = 'export' AND year = 2008"
    )
    results = claims.check(corpus, PORTUGAL_HEAD_RU + text)
    r = _found(results, "снизился" if "снизился" in text else "fell")
    assert (r.claim.period.year, r.claim.period.compare) == (2009, 2008), r.claim
    assert r.verdict == "supported", r.reason


# -- 2. the order of two subjects ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # DuckDB on portugal-tech.csv, imports 2021: JPN 321.02, KOR 366.88.
        ("China supplies 40% of them and Korea 8%, and Japan supplies more than Korea does.",
         "contradicted"),
        ("China supplies 40% of them and Japan 7%, and Korea supplies more than Japan does.",
         "supported"),
    ],
)  # fmt: skip
def test_one_partner_more_than_another(corpus, text, verdict):
    jpn = _sum(PORTUGAL, "flow = 'import' AND year = 2021 AND partner = 'JPN'")
    kor = _sum(PORTUGAL, "flow = 'import' AND year = 2021 AND partner = 'KOR'")
    assert (round(jpn, 2), round(kor, 2)) == (321.02, 366.88)
    text = PORTUGAL_HEAD + "In 2021, imports came to USD 4,586 million. " + text
    r = _found(claims.check(corpus, text), "more than")
    assert r.claim.kind == "multiple", r.claim
    assert r.claim.whole is not None, r.claim
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # DuckDB: Moscow's exports 2020 to BLR 160, to IND 140.32.
        ("Индия купила больше, чем Белоруссия.", "contradicted"),
        ("Белоруссия купила больше, чем Индия.", "supported"),
    ],
)
def test_ru_one_partner_more_than_another(corpus, text, verdict):
    assert _moscow("BLR", 2020) > _moscow("IND", 2020)
    r = _found(claims.check(corpus, MOSCOW_HEAD_RU + text), "больше, чем")
    assert r.verdict == verdict, r.reason


def test_selling_a_partner_more_than_buying_from_it_is_exports_against_imports(corpus):
    # DuckDB on portugal-tech.csv, 2021: exports to DEU 620.10, imports from DEU 917.20.
    sold = _sum(PORTUGAL, "flow = 'export' AND year = 2021 AND partner = 'DEU'")
    bought = _sum(PORTUGAL, "flow = 'import' AND year = 2021 AND partner = 'DEU'")
    assert (round(sold, 2), round(bought, 2)) == (620.10, 917.20)
    text = PORTUGAL_HEAD + "In 2021 we also sell Germany more than we buy from it."
    r = _found(claims.check(corpus, text), "more than")
    assert r.claim.whole is not None
    assert (r.claim.subject.flow, r.claim.whole.flow) == ("export", "import"), r.claim
    assert r.verdict == "contradicted", r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        # DuckDB, Moscow's exports: KOR 60 -> 96, FRA 80 -> 95 (Korea overtook France);
        # IND 140.32 < BLR 160 in 2020; CHN ahead of JPN in 2019 (460.22 > 405.48) and 2020.
        ("Korea overtook France in 2020.", "overtook", "supported"),
        ("India overtook Belarus in 2020.", "overtook", "contradicted"),
        ("China overtook Japan in 2020.", "overtook", "contradicted"),
        ("В 2020 году Республика Корея обогнала Францию.", "обогнала", "supported"),
        ("В 2020 году Япония впервые обошла Китай.", "впервые обошла", "contradicted"),
        ("В 2020 году Китай обогнал Японию.", "обогнал", "contradicted"),
    ],
)
def test_overtaking_is_ahead_in_its_year_and_not_the_year_before(corpus, text, words, verdict):
    assert _moscow("KOR", 2020) > _moscow("FRA", 2020)
    assert _moscow("KOR", 2019) <= _moscow("FRA", 2019)
    assert _moscow("CHN", 2019) > _moscow("JPN", 2019)
    head = MOSCOW_HEAD_RU if "2020 году" in text else MOSCOW_HEAD
    r = _found(claims.check(corpus, head + text), words)
    assert (r.claim.kind, r.claim.period.year) == ("multiple", 2020), r.claim
    assert r.verdict == verdict, r.reason


def test_more_than_the_year_before_is_no_order_of_subjects(corpus):
    # "more than the year before" compares years, not two subjects.
    results = claims.check(corpus, MOSCOW_HEAD + "Japan bought more than the year before.")
    assert not [r for r in results if r.claim.metric in ("versus", "overtook")], results


# -- 3. the side of a balance told without a figure -----------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Our surplus with the Netherlands, our first market, is large.", "Our surplus"),
        ("Профицит в торговле с Нидерландами велик.", "Профицит"),
    ],
)
def test_our_surplus_with_a_partner(corpus, text, words):
    # DuckDB on portugal-tech.csv, 2021: NLD exports less imports = +675.4 million.
    nld = _sum(PORTUGAL, "flow = 'export' AND year = 2021 AND partner = 'NLD'") - _sum(
        PORTUGAL, "flow = 'import' AND year = 2021 AND partner = 'NLD'"
    )
    assert round(nld, 1) == 675.4
    head = PORTUGAL_HEAD if text.startswith("Our") else PORTUGAL_HEAD_RU + "В 2021 году. "
    r = _found(claims.check(corpus, head + text), words)
    assert (r.claim.subject.flow, r.claim.subject.partners) == ("balance", ("NLD",)), r.claim
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words", "why"),
    [
        # DuckDB on portugal-tech.csv: the balance is a deficit in 2021 (-86), and in 2019
        # (-270) as in 2020 (-190).
        ("В 2021 году сальдо стало положительным.", "сальдо стало", "not a surplus"),
        ("In 2020 the trade balance turned negative.", "balance turned", "already in 2019"),
        ("В 2020 году сальдо стало отрицательным.", "сальдо стало", "already in 2019"),
    ],
)
def test_a_balance_that_turned_is_of_its_side_now_and_the_other_before(corpus, text, words, why):
    balance = {
        y: _sum(PORTUGAL, f"flow = 'export' AND year = {y}")
        - _sum(PORTUGAL, f"flow = 'import' AND year = {y}")
        for y in (2019, 2020, 2021)
    }
    assert [round(balance[y]) for y in (2019, 2020, 2021)] == [-270, -190, -86]
    head = PORTUGAL_HEAD_RU if "сальдо" in text else PORTUGAL_HEAD
    r = _found(claims.check(corpus, head + text), words)
    assert r.claim.subject.flow == "balance", r.claim
    assert r.verdict == "contradicted", r.reason
    assert why in r.reason


# -- 4. growth in every quarter -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Foreign sales came to $2.40bn in 2020. Every quarter of 2020 beat its 2019 counterpart.",
         "Every quarter"),
        ("Экспорт в 2020 году составил 2,4 млрд долл. Каждый квартал 2020 года превзошёл "
         "соответствующий квартал 2019 года.", "Каждый квартал"),
        ("Экспорт рос во всех кварталах 2020 года.", "рос во всех кварталах"),
    ],
)  # fmt: skip
def test_every_quarter_rose_is_growth_in_each_quarter(corpus, text, words):
    # DuckDB on flows.csv: Moscow's exports by quarter rose in all four (Q1 450.72 -> 575.57,
    # Q4 485.39 -> 651.74).
    for q in (1, 2, 3, 4):
        months = f"month BETWEEN {3 * q - 2} AND {3 * q}"
        then = _sum(MOSCOW, f"flow = 'export' AND year = 2019 AND {months}")
        now = _sum(MOSCOW, f"flow = 'export' AND year = 2020 AND {months}")
        assert now > then, q
    head = MOSCOW_HEAD if text.startswith("Foreign") else MOSCOW_HEAD_RU
    r = _found(claims.check(corpus, head + text), words)
    assert (r.claim.kind, r.claim.period.year, r.claim.period.compare) == (
        "growth", 2020, 2019), r.claim  # fmt: skip
    assert r.verdict == "supported", r.reason
    assert "Q4" in r.reason
