"""A level whose year is not read in its own clause is weighed against every year the data holds.

Sentences written for these tests. Expected figures come from pandas on the raw file
bench/check_corpus/data/portugal-tech.csv (a constructed technology series of Portugal,
2001-2021).
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

import hitex
import hitex.report.claims as claims
from tests.report.claims._shared import PORTUGAL, ROOT
from tests.report.claims._shared import by_span as _by_span
from tests.report.claims._shared import portugal_by_flow_mn as _balance

DEMO_2004 = ROOT / "src" / "hitex" / "demo" / "data" / "chl_arg_2004.csv"


def _imports() -> pd.Series:
    p = pd.read_csv(PORTUGAL)
    return p[p["flow"] == "import"].groupby("year")["value_usd"].sum() / 1e6


def test_a_level_without_its_own_year_that_another_year_holds_is_not_flagged(corpus):
    imports = _imports()
    assert imports[2011] == pytest.approx(1240)  # the raw file: the start of "the decade"
    assert imports[2021] == pytest.approx(4586)
    text = (
        "Portugal's technology trade in 2021.\n\n"
        "Exports reached $4.5 billion. Imports were $1.24 billion at the start of the last "
        "decade."
    )
    found = _by_span(claims.check(corpus, text))
    start = found["$1.24 billion"]
    # "At the start of the last decade" dates it to no year the checker reads; 2011 holds the
    # figure.
    assert start.verdict == "unverifiable", start.reason
    assert "2011" in start.reason, start.reason


def test_a_level_whose_own_clause_names_its_year_is_still_flagged(corpus):
    imports = _imports()
    assert imports[2020] == pytest.approx(3651.54, abs=0.01)  # the raw file
    assert imports[2011] == pytest.approx(1240)  # the figure the text gives, of another year
    text = "Portugal's technology trade in 2021.\n\nIn 2020 imports were $1.24 billion."
    found = _by_span(claims.check(corpus, text))
    assert found["$1.24 billion"].verdict == "contradicted", found["$1.24 billion"].reason


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Over the decade imports went from $1.75 billion in 2018 to $4.59 billion in 2021.",
         "$4.59 billion"),
        ("За десятилетие импорт вырос до 4,59 млрд долл. в 2021 году.", "4,59 млрд долл"),
    ],
)  # fmt: skip
def test_a_span_of_time_before_a_flow_word_names_no_goods(corpus, text, span):
    imports = _imports()
    assert imports[2021] == pytest.approx(4586)  # the raw file
    found = _by_span(claims.check(corpus, "Portugal's technology trade in 2021.\n\n" + text))
    hit = next(r for s, r in found.items() if s.startswith(span))
    assert hit.verdict == "supported", hit.reason


def test_a_text_naming_no_reporter_is_read_as_the_one_whose_data_hold_its_figures(corpus):
    from hitex.report.claims.check import infer_reporter  # noqa: PLC0415

    p = pd.read_csv(PORTUGAL)
    t = p.groupby(["year", "flow"])["value_usd"].sum().unstack() / 1e6
    assert t.loc[2021, "export"] == pytest.approx(4500)  # the raw file
    assert t.loc[2021, "import"] == pytest.approx(4586)
    assert t.loc[2018, "export"] == pytest.approx(1400)
    # A dataset's code names the reporter; no country, city or demonym is said.
    text = ("TECHTRADE-XX release, 2021.\n\nOur technology exports came to $4.5 billion in "
            "2021, against $1.4 billion in 2018. Imports were $4.59 billion.")  # fmt: skip
    assert infer_reporter(corpus, text) == "PRT"
    found = _by_span(claims.check(corpus, text))
    assert found["$4.5 billion"].verdict == "supported", found["$4.5 billion"].reason
    assert found["$4.59 billion"].verdict == "supported", found["$4.59 billion"].reason


@pytest.mark.parametrize(
    "text",
    [
        # Figures no loaded reporter holds: still asked for.
        "Release, 2021.\n\nExports came to $7.7 billion, imports to $8.8 billion and "
        "re-exports to $0.9 billion.",
        # Too few figures to tell.
        "Release, 2021.\n\nExports came to $4.5 billion.",
    ],
)
def test_a_text_whose_figures_settle_no_reporter_still_asks_for_one(corpus, text):
    with pytest.raises(hitex.HitexError, match="Give --reporter"):
        claims.check(corpus, text)


@pytest.mark.parametrize(
    ("text", "span", "verdict"),
    [
        # The deficit of 2021 (86) is the lowest since 2001 (70): 2002-2020 all higher.
        ("The deficit fell to $86 million in 2021, a low not seen since 2001.",
         "low not seen since 2001", "supported"),
        ("Дефицит съёжился до 86 млн: такого низкого значения не фиксировали с 2001 года.",
         "такого низкого значения не фиксировали с 2001", "supported"),
        # ... but no record of the whole series: 2001's was lower.
        ("Дефицит в 2021 году составил лишь 86 млн долларов, наименьшую величину за весь ряд.",
         "наименьшую величину за весь ряд", "contradicted"),
        ("В 2021 году дефицит был «минимальным с начала ряда».", "минимальным с начала ряда",
         "contradicted"),
        # Exports of 2021 are the highest of every year held.
        ("В 2021 году экспорт был максимальным за весь период.", "максимальным за весь период",
         "supported"),
    ],
)  # fmt: skip
def test_records_said_without_superlative_since(corpus, text, span, verdict):
    t = _balance()
    assert t.loc[2021, "deficit"] == pytest.approx(86)  # the raw file
    assert t.loc[2001, "deficit"] == pytest.approx(70)
    assert (t.loc[2002:2020, "deficit"] > 86).all()
    assert t["export"].idxmax() == 2021
    found = _by_span(claims.check(corpus, "Portugal's technology trade, 2021.\n\n" + text))
    assert found[span].verdict == verdict, found[span].reason


def test_each_after_two_years_is_of_each_year_not_of_partners(corpus):
    t = _balance()
    assert t.loc[2003, "deficit"] == pytest.approx(470)  # the raw file: both years
    assert t.loc[2012, "deficit"] == pytest.approx(470)
    text = ("Portugal's technology trade, 2021.\n\nThe trade deficit peaked in 2003 and 2012, at "
            "$470 million each, and fell to $86 million in 2021.")  # fmt: skip
    found = _by_span(claims.check(corpus, text))
    each = found["$470 million"]
    # Not "0 of 14 partners" of the balance: no partner is counted.
    assert each.verdict == "unverifiable", each.reason
    assert "2003 and 2012" in each.reason, each.reason
    assert found["$86 million"].verdict == "supported", found["$86 million"].reason


def test_a_year_before_a_count_is_no_count(corpus):
    p = pd.read_csv(PORTUGAL)
    x = p[(p["flow"] == "export") & (p["year"] == 2021)].groupby("partner")["value_usd"].sum()
    assert (x > 250e6).sum() == 5  # the raw file: five markets over $250 million
    text = ("Portugal's technology exports, 2021.\n\nIn 2021 five markets took more than $250 "
            "million each.")  # fmt: skip
    found = _by_span(claims.check(corpus, text))
    each = found["more than $250 million"]
    assert each.verdict == "supported", each.reason
    assert "the text counts 2021" not in each.reason


@pytest.mark.parametrize(
    ("text", "span", "verdict"),
    [
        # 2019's rise is the largest in dollars and in percent of 2002-2021.
        ("In 2019 exports rose to $2.6 billion, the largest annual increase in the series.",
         "the largest annual increase in the series", "supported"),
        ("В 2019 году экспорт показал самый большой прирост за весь период.",
         "самый большой прирост за весь период", "supported"),
        # 2021's is not.
        ("In 2021 exports rose to $4.5 billion, the biggest jump it ever saw.",
         "the biggest jump it ever", "contradicted"),
        # 2009 is the only year exports fell.
        ("Объяснить единственное за период снижение экспорта — в 2009 году.",
         "единственное за период снижение", "supported"),
        ("В 2012 году экспорт снизился: это единственное снижение за весь период.",
         "единственное снижение", "contradicted"),
    ],
)  # fmt: skip
def test_records_of_the_changes_from_year_to_year(corpus, text, span, verdict):
    t = _balance()
    rise = t["export"].diff()
    rate = t["export"].pct_change()
    assert rise.idxmax() == 2019  # the raw file
    assert rate.idxmax() == 2019
    assert list(rise[rise < 0].index) == [2009]
    found = _by_span(claims.check(corpus, "Portugal's technology trade, 2021.\n\n" + text))
    assert found[span].verdict == verdict, found[span].reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Exports have risen every year since 2010; the only fall in the series is 2009.",
         "supported"),
        ("Exports have risen every year since 2010; the only fall in the series was 2012.",
         "contradicted"),
        ("The largest annual increase of exports in the series was 2019's.", "supported"),
        ("The largest annual increase of exports in the series was 2020's.", "contradicted"),
    ],
)  # fmt: skip
def test_a_change_record_takes_the_year_it_names_after_it(corpus, text, verdict):
    t = _balance()
    rise = t["export"].diff()
    assert list(rise[rise < 0].index) == [2009]  # the raw file
    assert rise.idxmax() == 2019
    assert t["export"].pct_change().idxmax() == 2019
    results = claims.check(corpus, "Portugal's technology trade, 2021.\n\n" + text)
    # (the run "risen every year since 2010" is a claim of its own)
    record = next(r for r in results if r.claim.metric in ("only_fall", "largest_rise"))
    assert record.verdict == verdict, record.reason


def test_a_time_word_before_a_flow_word_names_no_goods(corpus):
    imports = _imports()
    assert imports[2011] == pytest.approx(1240)  # the raw file
    text = ("Portugal's technology trade in 2021.\n\nExports reached $4.5 billion. A decade "
            "earlier imports were as low as $1.24 billion.")  # fmt: skip
    found = _by_span(claims.check(corpus, text))
    assert "lexicon does not know" not in found["$1.24 billion"].reason
    assert found["$1.24 billion"].verdict != "contradicted", found["$1.24 billion"].reason


@pytest.fixture(scope="module")
def checked_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    from hitex import demo  # noqa: PLC0415

    s = hitex.open(tmp_path_factory.mktemp("demo") / "d.duckdb")
    s.load(demo.files(), format="flows")
    yield s
    s.close()


def test_a_figure_just_outside_its_words_is_shown_apart_from_them(checked_demo):
    import duckdb  # noqa: PLC0415

    rows = dict(duckdb.sql("SELECT flow, sum(value_usd) FROM read_csv('" + str(DEMO_2004)
                           + "') GROUP BY flow").fetchall())  # fmt: skip
    deficit = rows["import"] - rows["export"]
    assert deficit == pytest.approx(1_772_447_646, abs=1)  # the raw file: just under 1,772.45
    # "1 772,5" is 1,772.448 rounded twice (test_claims_round14b); "1 772,6" is wrong.
    text = "В 2004 году дефицит Чили в торговле с Аргентиной составил 1 772,6 млн долл."
    r = next(r for r in claims.check(checked_demo, text, reporter="CHL") if r.claim.kind != "rank")
    assert r.verdict == "contradicted", r.reason
    # Not "allow US$1.77 billion to US$1.77 billion" beside a computed US$1.77 billion.
    assert "allow US$1.77255 billion to US$1.77265 billion" in r.reason, r.reason
    assert "the figure is US$1.77245 billion" in r.reason, r.reason
