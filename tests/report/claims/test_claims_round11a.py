"""Round 11 (false alarms): a base, partner or flow the clause does not state is no red flag.

Sentences written for these tests. Expected figures come from pandas on the raw file
bench/check_corpus/data/portugal-tech.csv (a constructed technology series of Portugal,
2001-2021): exports 1.05bn (2011), 1.40bn (2018), 3.46bn (2020), 4.50bn (2021).
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

import hitex
import hitex.report.claims as claims
from hitex.report.claims import frames, parse
from hitex.report.claims.model import Result
from tests.report.claims._shared import MOSCOW, PORTUGAL, RED


@pytest.fixture(scope="module")
def portugal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """A fresh warehouse of the Portugal technology series."""
    s = hitex.open(tmp_path_factory.mktemp("round11a") / "p.duckdb")
    s.load([PORTUGAL], format="flows")
    yield s
    s.close()


def _raw() -> pd.DataFrame:
    return pd.read_csv(PORTUGAL)


def _total(flow: str, year: int, partner: str | None = None) -> float:
    p = _raw()
    p = p[(p["flow"] == flow) & (p["year"] == year)]
    if partner is not None:
        p = p[p["partner"] == partner]
    return float(p["value_usd"].sum())


def _check(session: hitex.Session, text: str) -> dict[str, Result]:
    reporter = "RU-MOW" if "Moscow" in text else "PRT"
    return {r.claim.span.strip(" ."): r for r in claims.check(session, text, reporter=reporter)}


def _one(session: hitex.Session, text: str, span: str) -> Result:
    got = _check(session, text)
    (key,) = [k for k in got if span in k]
    return got[key]


# -- a multiple whose base its clause does not state ------------------------------------------
def test_a_multiple_of_no_year_in_a_text_of_several_years_is_not_red(portugal):
    # 4.50 / 1.40 = x3.21 since 2018, but x1.30 on 2020: the text speaks of 2018 and 2021.
    assert _total("export", 2021) / _total("export", 2018) == pytest.approx(3.214, abs=1e-3)
    assert _total("export", 2021) / _total("export", 2020) == pytest.approx(1.30, abs=1e-2)
    text = ("Portugal's technology exports were $1.4 billion in 2018 and $4.5 billion in 2021. "
            "Put simply, exports grew 3.2 times.")  # fmt: skip
    r = _one(portugal, text, "3.2 times")
    assert (r.verdict, r.claim.how("base")) == ("unverifiable", "default")
    assert "the base read as 2018" in r.reason
    ru = ("Экспорт высокотехнологичных товаров Португалии в 2018 году составил 1,4 млрд долл., "
          "в 2021 году — 4,5 млрд долл. Иначе говоря, экспорт вырос в 3,2 раза.")  # fmt: skip
    assert _one(portugal, ru, "3,2 раза").verdict == "unverifiable"
    # «в 2021 году — 4,5 млрд» opens the next clause: 1.4 billion is of 2018.
    first = _one(portugal, ru, "1,4 млрд")
    assert (first.claim.period.year, first.verdict) == (2018, "supported")
    assert first.computed == pytest.approx(_total("export", 2018))


def test_a_multiple_of_no_year_where_no_other_base_fits_is_caught(portugal):
    # The text names 2021 alone: x1.30 on 2020 is the only reading, and 3.2 is wrong.
    text = ("Portugal's technology exports came to $4.5 billion in 2021. Put simply, "
            "exports grew 3.2 times.")  # fmt: skip
    r = _one(portugal, text, "3.2 times")
    assert r.verdict == "contradicted"
    assert r.computed == pytest.approx(_total("export", 2021) / _total("export", 2020), rel=1e-3)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("In 2021 Portugal's technology exports grew 3.2 times.", "3.2 times"),
        ("Portugal's technology exports doubled last year, to $4.5 billion in 2021.", "doubled"),
        (
            "В 2021 году экспорт высокотехнологичных товаров Португалии вырос в 3,2 раза.",
            "3,2 раза",
        ),
    ],
)
def test_a_multiple_dated_to_one_year_is_still_caught(portugal, text, span):
    # Dated to one year, a multiple is on the year before: x1.30, neither x2 nor x3.2.
    r = _one(portugal, text, span)
    assert r.verdict == "contradicted"
    assert r.computed == pytest.approx(_total("export", 2021) / _total("export", 2020), rel=1e-3)


def test_an_average_rate_a_year_is_unverifiable(portugal):
    # The year-on-year rate is 30.0%; "about 47.6% a year" averages a span not said.
    assert _total("export", 2021) / _total("export", 2020) - 1 == pytest.approx(0.30, abs=1e-3)
    text = ("Portugal's technology exports came to $4.5 billion in 2021. On average they "
            "grew by about 47.6% a year.")  # fmt: skip
    r = _one(portugal, text, "47.6%")
    assert (r.verdict, r.claim.metric) == ("unverifiable", "per_year")
    assert "average rate a year" in r.reason
    ru = ("Экспорт высокотехнологичных товаров Португалии в 2021 году составил 4,5 млрд долл.: "
          "в среднем он прибавлял около 47,6% в год.")  # fmt: skip
    assert _one(portugal, ru, "47,6%").verdict == "unverifiable"
    # A rate of one year, said without "a year", stays a red flag: 30.0%, not 47.6%.
    wrong = "In 2021 Portugal's technology exports grew by 47.6% to $4.5 billion."
    assert _one(portugal, wrong, "47.6%").verdict == "contradicted"


# -- a relative span: "ten years earlier", «за десять лет» ------------------------------------
def test_ten_years_earlier_is_the_base(portugal):
    ratio = _total("export", 2021) / _total("export", 2011)
    assert ratio == pytest.approx(4.286, abs=1e-3)
    text = ("Portugal's technology exports totalled $4.5 billion in 2021, more than four times "
            "their value ten years earlier.")  # fmt: skip
    r = _one(portugal, text, "four times")
    assert (r.verdict, r.claim.period.compare) == ("supported", 2011)
    assert r.computed == pytest.approx(ratio, rel=1e-3)
    wrong = text.replace("four times", "five times")
    assert _one(portugal, wrong, "five times").verdict == "contradicted"
    ru = ("Экспорт высокотехнологичных товаров Португалии в 2021 году составил 4,5 млрд долл.: "
          "за десять лет он вырос более чем в четыре раза.")  # fmt: skip
    r = _one(portugal, ru, "четыре раза")
    assert (r.verdict, r.claim.period.compare) == ("supported", 2011)


def test_a_base_level_in_brackets_dates_the_base(portugal):
    text = ("Portugal's technology exports totalled $4.5 billion in 2021, more than four times "
            "their value ten years earlier ($1.05 billion in 2011).")  # fmt: skip
    r = _one(portugal, text, "four times")
    assert (r.claim.period.year, r.claim.period.compare) == (2021, 2011)
    assert r.verdict == "supported"


# -- a ratio of imports to exports ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "span", "verdict"),
    [
        (
            "In 2021 Portugal imported $1.83 billion of technology goods from China. Imports from "
            "China exceed exports to China more than nine times.",
            "nine times",
            "supported",
        ),
        (
            "В 2021 году Португалия ввезла из Китая товаров на 1834,4 млн долл. Импорт из Китая "
            "превышает экспорт в Китай более чем в девять раз.",
            "девять раз",
            "supported",
        ),
        (
            "В 2021 году Португалия ввезла из Китая товаров на 1834,4 млн долл. Иначе говоря, "
            "импорт почти в девять раз превышает экспорт.",
            "девять раз",
            # China is named in the sentence before only: of all partners is as likely.
            "unverifiable",
        ),
    ],
)
def test_imports_as_a_multiple_of_exports_is_no_growth(portugal, text, span, verdict):
    # Imports from China are x9.18 exports to China (1834.4 / 199.8); exports grew x1.30.
    ratio = _total("import", 2021, "CHN") / _total("export", 2021, "CHN")
    assert ratio == pytest.approx(9.18, abs=1e-2)
    r = _one(portugal, text, span)
    assert r.claim.metric == "versus"
    # Imports set against exports of the same partner and year, not against 2020's imports.
    assert r.verdict == verdict, r.reason
    assert "x9.18" in r.reason or verdict == "unverifiable"


def test_a_multiple_of_a_year_is_not_a_ratio_of_flows():
    found = {f.claim.span.strip(): f.claim.metric for f in parse.parse(
        "Exports tripled in 2021, while imports grew three times as fast as exports.")}  # fmt: skip
    assert found["tripled"] is None


# -- a difference said as "$X more" ----------------------------------------------------------
def test_a_difference_said_as_more_is_a_change(portugal):
    change = _total("export", 2021) - _total("export", 2020)
    assert change == pytest.approx(1.0385e9, rel=1e-3)
    text = "Portugal's technology exports reached $4.5 billion in 2021. That is $1.04 billion more."
    r = _one(portugal, text, "1.04 billion")
    assert (r.claim.kind, r.verdict) == ("change", "supported")
    wrong = text.replace("1.04 billion", "1.5 billion")
    assert _one(portugal, wrong, "1.5 billion").verdict == "contradicted"
    assert [f.claim.kind for f in parse.parse("Exports were $5 million more or less.")] == [
        "amount"
    ]


# -- a partner set against a subject said by a pronoun -----------------------------------------
def test_a_partner_behind_which_it_ranked_is_not_its_subject(portugal):
    # Spain is Portugal's fourth market in 2021 (329.85m), France third (450m).
    ranked = _raw().query("year == 2021 and flow == 'export'").groupby("partner")["value_usd"]
    order = list(ranked.sum().sort_values(ascending=False).index)
    assert order.index("ESP") + 1 == 4
    assert order.index("FRA") + 1 == 3
    text = ("Last week we called Spain Portugal's third-largest technology market in 2021. "
            "It ranked fourth, behind France; its purchases came to $329.9 million.")  # fmt: skip
    got = _check(portugal, text)
    fourth = next(r for k, r in got.items() if "fourth" in k)
    amount = next(r for k, r in got.items() if "329.9" in k)
    assert fourth.verdict not in RED
    assert amount.verdict not in RED


# -- goods the figures do not cover ------------------------------------------------------------
def test_services_are_not_the_goods_of_the_data(portugal):
    assert frames.unknown_product("Exports of IT services grew 18% in 2021", []) == "services"
    text = "Exports of IT services, which these figures do not cover, grew 18% in 2021."
    r = _one(portugal, text, "18%")
    assert r.verdict == "unverifiable"
    assert "services" in r.reason


# -- goods the text calls a heading, read by the lexicon at another level ----------------------


def _moscow_exports_2020(codes: tuple[str, ...]) -> float:
    m = pd.read_csv(MOSCOW, dtype={"product": str})
    m = m[(m["year"] == 2020) & (m["flow"] == "export")]
    return float(m[m["product"].str.startswith(codes)]["value_usd"].sum())


def test_goods_called_a_heading_are_not_read_at_another_level(checked_warehouse):
    # HS 8411 (the heading) is 348.67m; the lexicon's gas turbines (841181/82) 209.2m.
    assert _moscow_exports_2020(("8411",)) == pytest.approx(348.67e6)
    turbines = _moscow_exports_2020(("841181", "841182"))
    assert turbines == pytest.approx(209.202e6)
    said = "In 2020 gas turbines, the city's largest heading, earned $349 million abroad."
    r = _one(checked_warehouse, said.replace("In 2020", "In 2020 Moscow's"), "349")
    assert r.verdict == "unverifiable"
    plain = "In 2020 Moscow's exports of gas turbines earned $349 million."
    r = _one(checked_warehouse, plain, "349")
    assert (r.verdict, r.computed) == ("contradicted", pytest.approx(turbines))


def test_a_verb_of_growth_before_a_flow_word_is_no_ratio():
    # «утроила экспорт» (tripled its exports) is growth; «в восемь раз превышает экспорт» a ratio.
    found = {f.claim.span.strip(): f.claim.metric for f in parse.parse(
        "За десять лет Португалия утроила экспорт. Импорт в восемь раз превышает экспорт.")}  # fmt: skip
    assert found["утроила"] is None
    assert found["в восемь раз"] == "versus"
