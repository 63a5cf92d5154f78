"""English readings found on the held-out parts heldout8-10 (development material since).

Sentences written for these tests. Expected figures come from pandas on the raw files:
bench/check_corpus/data/portugal-tech.csv (a constructed technology series of Portugal,
2001-2021) and examples/moscow-2020/flows.csv (Moscow's exports, 2019-2020).
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex.report.claims.model import Result
from tests.report.claims._shared import MOSCOW, PORTUGAL, RED, ROOT
from tests.report.claims._shared import find as _find
from tests.report.claims._shared import portugal_mn as _portugal


def _by_span(results: list[Result]) -> dict[str, Result]:
    return {r.claim.span.strip(" .;:"): r for r in results}


def _portugal_partners(flow: str, year: int) -> pd.Series:
    p = pd.read_csv(PORTUGAL)
    return p[(p["flow"] == flow) & (p["year"] == year)].groupby("partner")["value_usd"].sum() / 1e6


def test_a_span_of_years_after_a_level_of_an_earlier_year_runs_to_the_article_year(corpus):
    x = _portugal("export")
    assert x[2021] / x[2018] == pytest.approx(3.214, abs=0.001)  # 4,500 / 1,400
    text = ("Portugal's technology exports came to US$4.5 billion in 2021. Shipments stood at "
            "US$1.4 billion in 2018, so they have more than tripled in three years.")  # fmt: skip
    r = _find(claims.check(corpus, text), "tripled")
    assert (r.claim.period.year, r.claim.period.compare) == (2021, 2018), r.reason
    assert r.verdict == "supported", r.reason
    wrong = _find(claims.check(corpus, text.replace("tripled", "quadrupled")), "quadrupled")
    assert wrong.verdict == "contradicted", wrong.reason
    # A year in the claim's own clause dates the claim: "in 2018 ... in three years" is 2015-2018.
    own = _find(claims.check(corpus, "In 2018, Portugal's technology exports tripled in three "
                                     "years."), "tripled")  # fmt: skip
    assert (own.claim.period.year, own.claim.period.compare) == (2018, 2015)


def test_a_decade_after_a_level_said_before_it(corpus):
    x = _portugal("export")
    assert x[2021] / x[2011] == pytest.approx(4.286, abs=0.001)  # 4,500 / 1,050
    text = (
        "Portugal's technology shipments abroad came to $4.5bn in 2021. In 2020 they were "
        "$3.46bn, and back in 2011 only $1.05bn: more than a fourfold rise in a decade."
    )
    r = _find(claims.check(corpus, text), "fourfold")
    assert (r.claim.period.year, r.claim.period.compare) == (2021, 2011), r.reason
    assert r.verdict == "supported", r.reason


def test_a_level_from_the_start_of_a_span_of_years(corpus):
    m = _portugal("import")
    assert m[2011] == pytest.approx(1240.0)
    text = ("Portugal's technology shipments abroad came to $4.5bn in 2021, and back in 2011 only "
            "$1.05bn. Over the same ten years imports went from $1.24bn to $4.59bn.")  # fmt: skip
    got = claims.check(corpus, text)
    r = _find(got, "$1.24bn")
    assert r.claim.period.year == 2011, r.reason
    assert r.verdict == "supported", r.reason
    assert _find(got, "$4.59bn").verdict == "supported"


def test_an_average_rate_a_year_over_a_span_read(corpus):
    x = _portugal("export")
    cagr = 100 * ((x[2021] / x[2018]) ** (1 / 3) - 1)
    assert cagr == pytest.approx(47.58, abs=0.01)
    text = ("Portugal's technology exports came to US$4.5 billion in 2021. Shipments stood at "
            "US$1.4 billion in 2018, so they have more than tripled in three years; average "
            "growth over that span exceeded 50% a year.")  # fmt: skip
    r = _find(claims.check(corpus, text), "50%")
    assert r.verdict == "contradicted", r.reason
    assert r.computed == pytest.approx(cagr, abs=0.01)
    right = _find(claims.check(corpus, text.replace("exceeded 50%", "was about 48%")), "48%")
    assert right.verdict == "supported", right.reason
    # With no span read, the average is still not checked.
    alone = _find(claims.check(corpus, "In 2021 Portugal's technology exports grew by about 48% "
                                       "a year on average."), "48%")  # fmt: skip
    assert alone.verdict == "unverifiable"


def test_the_year_a_record_reaches_back_to_dates_no_other_figure(corpus):
    m, x = _portugal("import"), _portugal("export")
    assert 100 * (m[2021] / m[2020] - 1) == pytest.approx(25.59, abs=0.01)
    assert m[2020] - x[2020] == pytest.approx(190.0, abs=0.01)
    text = ("Portugal's technology-goods exports for 2021 came to US$4.5 billion. Purchases of "
            "such goods from abroad rose by about a fifth, to US$4.59 billion; the shortfall "
            "narrowed to US$86 million from US$190 million, the narrowest gap recorded since "
            "2001.")  # fmt: skip
    got = claims.check(corpus, text)
    fifth = _find(got, "a fifth")
    assert (fifth.claim.period.year, fifth.claim.period.compare) == (2021, 2020)
    assert fifth.verdict == "contradicted", fifth.reason
    base = _find(got, "US$190 million")
    assert base.claim.period.year == 2020
    assert base.verdict == "supported", base.reason
    right = _find(claims.check(corpus, text.replace("a fifth", "a quarter")), "a quarter")
    assert right.verdict == "supported", right.reason


def test_a_heading_set_in_commas_names_the_goods(corpus):
    mo = pd.read_csv(MOSCOW, dtype={"product": str})
    y = mo[(mo["year"] == 2020) & (mo["flow"] == "export")]
    assert y[y["product"].str[:4] == "8471"]["value_usd"].sum() / 1e6 == pytest.approx(
        257.01, abs=0.01
    )
    text = ("Moscow's high-tech exports came to US$2.4 billion in 2020. Computers, heading 8471, "
            "follow with US$257 million.")  # fmt: skip
    r = _find(claims.check(corpus, text), "US$257 million")
    assert r.claim.subject.products == ("HS 8471",), r.reason
    assert r.verdict == "supported", r.reason


def test_these_three_counts_the_partners_named_before_it_and_us_dollars_name_no_country(corpus):
    mo = pd.read_csv(MOSCOW)
    y = mo[(mo["year"] == 2020) & (mo["flow"] == "export")].groupby("partner")["value_usd"].sum()
    share = 100 * y[["CHN", "JPN", "DEU"]].sum() / y.sum()
    assert share == pytest.approx(55.12, abs=0.01)
    text = ("Moscow's technology exports reached US$2.4 billion in 2020. China bought the most, "
            "US$563 million, with Japan a close second at US$512 million; together with Germany "
            "these three took more than half of all sales.")  # fmt: skip
    got = claims.check(corpus, text)
    r = _find(got, "more than half")
    assert set(r.claim.subject.partners) == {"CHN", "JPN", "DEU"}, r.reason
    assert r.verdict == "supported", r.reason
    assert not any("USA" in x.claim.subject.partners for x in got)
    wrong = _find(claims.check(corpus, text.replace("more than half", "more than 60%")), "60%")
    assert wrong.verdict == "contradicted", wrong.reason


def test_partners_listed_then_together_and_the_three_largest(corpus):
    e = _portugal_partners("export", 2021)
    top = e.sort_values(ascending=False)
    assert list(top.index[:4]) == ["NLD", "DEU", "FRA", "ESP"]
    assert 100 * top[:3].sum() / e.sum() == pytest.approx(48.98, abs=0.01)
    text = ("Portugal's technology exports totalled US$4.5 billion in 2021. The Netherlands, "
            "Germany and France, the three largest destinations, together absorbed just under "
            "half of the 2021 total.")  # fmt: skip
    got = claims.check(corpus, text)
    share = _find(got, "just under half")
    assert set(share.claim.subject.partners) == {"NLD", "DEU", "FRA"}, share.reason
    assert share.verdict == "supported", share.reason
    rank = _find(got, "three largest")
    assert set(rank.claim.subject.partners) == {"NLD", "DEU", "FRA"}, rank.reason
    assert rank.verdict == "supported", rank.reason
    spain = _find(claims.check(corpus, text.replace("and France", "and Spain")), "three largest")
    assert spain.verdict == "contradicted", spain.reason


def test_a_fraction_after_a_share_of_a_list_is_a_share_too(corpus):
    e = _portugal_partners("export", 2021)
    assert 100 * e[["NLD", "DEU", "FRA"]].sum() / e.sum() == pytest.approx(48.98, abs=0.01)
    text = ("Portugal's technology exports came to US$4.5 billion in 2021. The Netherlands alone "
            "absorbs a quarter of exports, and the three largest buyers (the Dutch, German and "
            "French markets) close to half.")  # fmt: skip
    r = _find(claims.check(corpus, text), "close to half")
    assert r.claim.understood, r.reason
    assert r.claim.kind == "share", r.reason
    assert r.verdict == "supported", r.reason


def test_supplied_a_percentage_and_times_what_it_sold(corpus):
    m, x = _portugal_partners("import", 2021), _portugal_partners("export", 2021)
    assert 100 * m["CHN"] / m.sum() == pytest.approx(40.0, abs=0.01)
    assert m["CHN"] / x["CHN"] == pytest.approx(9.18, abs=0.01)
    text = ("Imports of the same goods came to US$4,586 million in 2021. China alone supplied "
            "40%, nine times what Portugal sold to it.")  # fmt: skip
    got = claims.check(corpus, text)
    share = _find(got, "40%")
    assert share.claim.kind == "share", share.reason
    assert share.verdict == "supported", share.reason
    assert share.claim.whole is not None
    assert share.claim.whole.flow == "import", share.reason
    times = _find(got, "nine times")
    assert times.verdict not in RED, times.reason
    # "took 60% more" is still a change, not a share.
    more = _find(claims.check(corpus, "In 2021 Portugal's technology exports to China were "
                                      "US$199.8 million; China took 60% more than in 2020."),
                 "60%")  # fmt: skip
    assert more.claim.kind == "growth"


def test_sells_names_exports(corpus):
    x = _portugal_partners("export", 2021)
    assert x["CHN"] == pytest.approx(199.8, abs=0.01)
    text = (
        "In 2021 Portugal's technology exports came to US$4.5 billion. China provides 40% of "
        "imports, and Portugal sells it US$200 million while buying US$1.83 billion."
    )
    got = claims.check(corpus, text)
    r = _find(got, "US$200 million")
    assert r.claim.subject.flow == "export"
    assert r.verdict == "supported", r.reason
    assert _find(got, "US$1.83 billion").verdict not in RED


def test_a_base_said_in_words_not_read_is_not_flagged(corpus):
    x = _portugal("export")
    assert 100 * (x[2011] / x[2001] - 1) == pytest.approx(69.35, abs=0.01)
    text = ("Born in 2001, when Portugal's technology exports came to $620 million, the firm grew "
            "with them. Sales abroad first passed the billion-dollar mark in 2011, at $1.05 "
            "billion, some 69% above the year of its birth.")  # fmt: skip
    r = _find(claims.check(corpus, text), "69%")
    assert r.verdict not in RED, r.reason


CHILE = ROOT / "src" / "hitex" / "demo" / "data"


def _chile() -> pd.DataFrame:
    return pd.concat([pd.read_csv(CHILE / f"chl_arg_{y}.csv", dtype={"product": str})
                      for y in (2002, 2004)])  # fmt: skip


def test_a_multiple_of_a_figure_and_fractions_in_eighths_and_tenths(corpus):
    c = _chile()
    t = c.groupby(["year", "flow"])["value_usd"].sum()
    gap = {y: t[(y, "import")] - t[(y, "export")] for y in (2002, 2004)}
    assert gap[2004] / gap[2002] == pytest.approx(2.434, abs=0.001)
    assert 100 * t[(2004, "export")] / t[(2004, "import")] == pytest.approx(12.92, abs=0.01)
    imports = c[(c["flow"] == "import") & (c["year"] == 2004)]
    gas = imports[imports["product"].str[:4] == "2711"]["value_usd"].sum()
    assert 100 * gas / imports["value_usd"].sum() == pytest.approx(30.09, abs=0.01)
    text = (
        "Chile's trade deficit with Argentina rose to US$1,772 million in 2004, against "
        "US$728 million two years before, a multiple of roughly 2.4; in 2004 Chile's sales "
        "paid for barely an eighth of its purchases from Argentina. Imports of petroleum "
        "gases (heading 2711) from Argentina accounted for three-tenths of 2004 imports."
    )
    got = claims.check(corpus, text)
    times = _find(got, "a multiple of roughly 2.4")
    assert times.claim.kind == "multiple", times.reason
    assert times.verdict == "supported", times.reason
    cover = _find(got, "an eighth")
    assert cover.claim.kind == "share", cover.reason
    assert cover.verdict == "supported", cover.reason
    tenths = _find(got, "three-tenths")
    assert tenths.claim.kind == "share", tenths.reason
    assert tenths.verdict == "supported", tenths.reason
    wrong = claims.check(corpus, text.replace("roughly 2.4", "roughly 3.4").replace(
        "an eighth", "a sixth"))  # fmt: skip
    assert _find(wrong, "roughly 3.4").verdict == "contradicted"
    assert _find(wrong, "a sixth").verdict == "contradicted"


def test_equal_to_a_percentage_of_all_imports_is_a_share(corpus):
    c = _chile()
    imports = c[(c["flow"] == "import") & (c["year"] == 2004)]
    fats = imports[imports["product"].str[:4] == "1517"]["value_usd"].sum()
    assert 100 * fats / imports["value_usd"].sum() == pytest.approx(7.30, abs=0.01)
    text = ("Chile's imports of heading 1517 from Argentina reached US$148.5 million in 2004, up "
            "32% and equal to some 7% of all imports from Argentina.")  # fmt: skip
    r = _find(claims.check(corpus, text), "7%")
    assert r.claim.kind == "share", r.reason
    assert r.verdict == "supported", r.reason


def test_the_level_of_a_year_and_two_way_trade_with_a_word_between(corpus):
    x, m = _portugal("export"), _portugal("import")
    assert x[2020] == pytest.approx(3461.54, abs=0.01)
    assert x[2021] + m[2021] == pytest.approx(9086.0, abs=0.01)
    assert 100 * ((x[2021] + m[2021]) / (x[2020] + m[2020]) - 1) == pytest.approx(27.74, abs=0.01)
    text = ("Portugal's technology exports reached USD 4,500 million in 2021. The figure is 30 "
            "per cent above the 2020 level of USD 3,461.5 million. Taken together, two-way "
            "technology trade came to USD 9,086 million, up by almost 28 per cent.")  # fmt: skip
    got = claims.check(corpus, text)
    level = _find(got, "USD 3,461.5 million")
    assert level.claim.period.year == 2020
    assert level.verdict == "supported", level.reason
    total = _find(got, "USD 9,086 million")
    assert total.claim.subject.flow == "turnover", total.reason
    assert total.verdict == "supported", total.reason
    assert _find(got, "28 per cent").verdict == "supported"


def test_a_year_after_a_semicolon_is_another_statements(corpus):
    m = _portugal("import")
    assert 100 * (m[2021] / m[2020] - 1) == pytest.approx(25.59, abs=0.01)
    text = ("Portugal's technology imports came to US$4,586 million in 2021, an increase of 35%, "
            "leaving a small technology deficit of US$86 million; this deficit has widened every "
            "year since 2018.")  # fmt: skip
    r = _find(claims.check(corpus, text), "35%")
    assert (r.claim.period.year, r.claim.period.compare) == (2021, 2020)
    assert r.verdict == "contradicted", r.reason
    right = _find(claims.check(corpus, text.replace("35%", "a quarter")), "a quarter")
    assert right.verdict == "supported", right.reason


def test_a_subheading_written_with_a_dot(corpus):
    p = pd.read_csv(PORTUGAL, dtype={"product": str})
    x = p[(p["flow"] == "export") & (p["year"] == 2021)]
    assert x[x["product"] == "854231"]["value_usd"].sum() / 1e6 == pytest.approx(2250.0)
    text = ("Portugal's technology exports reached USD 4,500 million in 2021. Processors (HS "
            "8542.31) accounted for exactly half of exports, worth USD 2,250 million.")  # fmt: skip
    r = _find(claims.check(corpus, text), "USD 2,250 million")
    assert r.claim.subject.products == ("HS 854231",), r.reason
    assert r.verdict == "supported", r.reason


def test_a_reporter_named_by_its_code_in_a_dataset_name_and_a_rate_after_a_base(corpus):
    x = _portugal("export")
    assert 100 * (x[2021] / x[2020] - 1) == pytest.approx(30.0, abs=0.01)
    text = ("TECHTRADE-PT dataset, release notes\n"
            "- The 2021 export total is $4,500.0 million, against $3,461.5 million in 2020 "
            "(+30.0%).\n")  # fmt: skip
    got = claims.check(corpus, text)
    assert {r.claim.subject.reporter for r in got} == {"PRT"}
    rate = _find(got, "30.0%")
    assert (rate.claim.period.year, rate.claim.period.compare) == (2021, 2020)
    assert rate.verdict == "supported", rate.reason
    assert _find(got, "$3,461.5 million").verdict == "supported"


def test_a_figure_said_of_each_of_two_years_is_no_figure_of_each_partner(corpus):
    text = ("Portugal's technology exports came to $4.5 billion in 2021. The trade deficit "
            "peaked in 2003 and 2012, at $470 million each.")  # fmt: skip
    r = _find(claims.check(corpus, text), "$470 million")
    assert r.verdict not in RED, r.reason
    assert r.claim.aggregation != "each" or not r.claim.understood


def test_a_year_set_before_the_noun_of_the_figure_dates_it(corpus):
    p = pd.read_csv(PORTUGAL)
    t = p.groupby(["year", "flow"])["value_usd"].sum() / 1e6
    assert t[(2016, "import")] - t[(2016, "export")] == pytest.approx(150.0)
    text = ("Portugal's technology exports came to $4.5 billion in 2021. The 2016 deficit, $150 "
            "million, was the smallest in a decade.")  # fmt: skip
    r = _find(claims.check(corpus, text), "$150")
    assert r.claim.period.year == 2016, r.reason
    assert r.verdict == "supported", r.reason
    wrong = _find(claims.check(corpus, text.replace("$150", "$250")), "$250")
    assert wrong.verdict == "contradicted", wrong.reason


def test_a_level_from_after_a_sentence_of_several_years_is_not_flagged(corpus):
    # The level "from $1.75 billion" may be of 2018 (pandas: imports 1,750.0) or of another year
    # the sentence before names: read, never flagged.
    assert _portugal("import")[2018] == pytest.approx(1750.0)
    text = ("Portugal's technology exports were $1.4 billion in 2018 and $4.5 billion in 2021. "
            "Imports over these years rose from $1.75 billion to $4.59 billion.")  # fmt: skip
    r = _find(claims.check(corpus, text), "$1.75 billion")
    assert r.verdict not in RED, r.reason
