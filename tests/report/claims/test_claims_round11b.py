"""Round 11 readings of recall (sentences written for these tests).

Expected figures come from pandas on the raw files: bench/check_corpus/data/portugal-tech.csv
(a constructed technology series of Portugal, 2001-2021), examples/moscow-2020/flows.csv
(Moscow's exports by month, 2019-2020) and the Chile-Argentina sample (src/hitex/demo/data).
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo
from hitex.report.claims import parse
from hitex.report.claims.check import infer_reporter
from tests.report.claims._shared import MOSCOW, PORTUGAL
from tests.report.claims._shared import by_span as _by_span
from tests.report.claims._shared import moscow_exports as _moscow
from tests.report.claims._shared import portugal_by_flow as _portugal

# -- a reporter named by one of its institutions -----------------------------------------------


def test_the_city_council_names_moscow_where_the_city_is_not_named(corpus):
    text = (
        "Заседание Мосгордумы, 10 февраля 2021 года.\n\n"
        "Вывоз высокотехнологичных товаров из города за прошлый год составил 2,4 млрд долларов."
    )
    assert infer_reporter(corpus, text) == "RU-MOW"
    exports = _moscow()
    assert exports[2020] == pytest.approx(2.4e9, rel=0.01)  # the raw file, not hitex
    got = _by_span(claims.check(corpus, text))
    assert got["2,4 млрд долларов"].verdict == "supported"


def test_a_council_named_in_a_text_on_a_country_does_not_outweigh_it(corpus):
    # Chile is named twice, the Moscow council once: the country wins.
    text = "Депутаты Мосгордумы обсудили Чили: экспорт Чили в Аргентину в 2004 году вырос."
    assert infer_reporter(corpus, text) == "CHL"


# -- records of the whole series and of the last N years ---------------------------------------


def test_a_new_high_is_checked_on_every_year_the_warehouse_holds(corpus):
    p = _portugal()
    assert p["export"].idxmax() == 2021  # the raw file: 2021 above 2001-2020
    text = "Portugal's technology exports reached a new high in 2021."
    got = _by_span(claims.check(corpus, text, reporter="PRT"))
    assert got["a new high"].verdict == "supported"
    assert "2001-2021" in got["a new high"].reason


def test_a_record_low_that_an_earlier_year_beats_is_contradicted(corpus):
    p = _portugal()
    assert p.loc[2001, "import"] < p.loc[2016, "import"]  # 2001 lower: no record in 2016
    text = "Portugal's technology imports fell to a record low in 2016."
    got = _by_span(claims.check(corpus, text, reporter="PRT"))
    assert got["a record low"].verdict == "contradicted"


def test_a_record_of_two_years_cannot_be_checked(corpus):
    assert sorted(pd.read_csv(MOSCOW)["year"].unique()) == [2019, 2020]
    text = "Moscow's high-tech exports set a new record in 2020."
    got = _by_span(claims.check(corpus, text, reporter="RU-MOW"))
    assert got["new record"].verdict == "unverifiable"


def test_a_record_of_an_increase_is_not_a_record_of_the_value():
    found = parse.parse("Exports rose by $1.2 billion, the largest increase ever.")
    # A record of the changes from year to year, never of the value.
    records = [f.claim.metric for f in found if f.claim.kind == "extreme"]
    assert records == ["largest_rise"]
    assert [f.claim.kind for f in parse.parse("Exports rose to a new high.")] == ["extreme"]


@pytest.mark.parametrize(
    ("text", "span", "verdict"),
    [
        # 2021: 86 million; 2002-2020 all wider, 2001 (70) narrower.
        ("Portugal's technology trade deficit fell to $86 million in 2021, its narrowest in "
         "two decades.", "narrowest in two decades", "supported"),
        # 2018: 350 million; 2014 (310) was narrower.
        ("In 2018 Portugal's technology trade deficit was the narrowest in five years.",
         "the narrowest in five years", "contradicted"),
    ],
)  # fmt: skip
def test_a_record_of_the_last_years_counts_back_from_its_own(corpus, text, span, verdict):
    p = _portugal()
    assert p.loc[2021, "deficit"] == pytest.approx(86e6)
    assert (p.loc[2002:2020, "deficit"] > 86e6).all()
    assert p.loc[2001, "deficit"] < 86e6
    assert p.loc[2014, "deficit"] < p.loc[2018, "deficit"]
    got = _by_span(claims.check(corpus, text, reporter="PRT"))
    assert got[span].verdict == verdict


# -- counts of partners in words ---------------------------------------------------------------


def _portugal_partners(year: int) -> int:
    p = pd.read_csv(PORTUGAL)
    p = p[(p["year"] == year) & (p["flow"] == "export") & (p["value_usd"] != 0)]
    return int(p["partner"].nunique())


@pytest.mark.parametrize(
    ("text", "span", "verdict"),
    [
        ("In 2021 Portugal's exporters sold technology goods to fourteen countries.",
         "to fourteen countries", "supported"),
        ("In 2021 Portugal's exporters sold technology goods to twelve countries.",
         "to twelve countries", "contradicted"),
        ("Portugal's exports to all fourteen destination countries grew in 2021.",
         "all fourteen destination countries", "supported"),
    ],
)  # fmt: skip
def test_a_count_of_partners_in_words(corpus, text, span, verdict):
    assert _portugal_partners(2021) == 14
    got = _by_span(claims.check(corpus, text, reporter="PRT"))
    assert got[span].verdict == verdict


@pytest.mark.parametrize(
    "text",
    [
        "Two markets grew in 2021 and three fell.",  # some of the partners
        "Sales to five markets topped $250 million each in 2021.",  # those above a threshold
    ],
)
def test_a_count_of_some_partners_in_words_is_no_count_of_all(text):
    assert [f.claim.kind for f in parse.parse(text) if f.claim.kind == "count"] == []


def test_a_count_of_buyers_in_digits(corpus):
    m = pd.read_csv(MOSCOW)
    assert m[(m["year"] == 2020) & (m["value_usd"] != 0)]["partner"].nunique() == 22
    text = "In 2020 Moscow's high-tech exports went to 22 buyers."
    got = _by_span(claims.check(corpus, text, reporter="RU-MOW"))
    assert got["22 buyers"].verdict == "supported"


# -- coverage: exports as a share of imports ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "verdict"),
    [
        # 2021: 4,500 / 4,586 = 98.1%; 2006: 850 / 1,080 = 78.7%.
        ("In 2021 Portugal's technology exports covered 98% of imports.", "98%", "supported"),
        ("Portugal's technology exports paid for 90% of its imports in 2021.", "90%",
         "contradicted"),
        ("Portugal's technology exports financed 79% of imports in 2006.", "79%", "supported"),
        ("В 2021 году экспорт Португалии покрывал 98,1% импорта.", "98,1%", "supported"),
    ],
)  # fmt: skip
def test_exports_covering_imports_are_a_share_of_imports(corpus, text, span, verdict):
    p = _portugal()
    assert 100 * p.loc[2021, "export"] / p.loc[2021, "import"] == pytest.approx(98.12, abs=0.01)
    assert 100 * p.loc[2006, "export"] / p.loc[2006, "import"] == pytest.approx(78.70, abs=0.01)
    got = {
        k.split()[-1]: r for k, r in _by_span(claims.check(corpus, text, reporter="PRT")).items()
    }
    assert got[span].verdict == verdict


def test_coverage_with_the_one_partner_held_is_checked_on_that_partner(corpus):
    c = pd.concat([pd.read_csv(f, dtype={"product": str}) for f in demo.files()])
    assert set(c["partner"]) == {"ARG"}
    year = c[c["year"] == 2004].groupby("flow")["value_usd"].sum()
    assert 100 * year["export"] / year["import"] == pytest.approx(12.92, abs=0.01)
    named = "In 2004 Chile's exports to Argentina covered 13% of its imports from Argentina."
    got = _by_span(claims.check(corpus, named, reporter="CHL"))
    assert got["13%"].verdict == "supported"
    # All of Chile's trade against Argentina's alone: the warehouse cannot say.
    total = "In 2004 Chile's exports covered 13% of its imports."
    got = _by_span(claims.check(corpus, total, reporter="CHL"))
    assert got["13%"].verdict == "unverifiable"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Exports cover 98% of imports.", "98%"),  # not "over 98%"
        ("Moreover, the turnover doubled in 2004.", "doubled"),  # not "more than doubled"
    ],
)
def test_a_qualifier_is_a_word_of_its_own(text, span):
    (found,) = parse.parse(text)
    assert found.claim.span.split()[-1] == span
    assert found.claim.quantity is not None
    assert found.claim.quantity.qualifier == ""
