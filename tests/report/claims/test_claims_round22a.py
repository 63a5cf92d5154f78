"""Round 22a: ranks among the buyers of goods; counts of chapters and partners over a bound.

- A partner's rank among the buyers (suppliers) of goods ("third among drone buyers", "the
  fourth-largest customer for Moscow's machinery", «третий покупатель московских гаджетов») is
  its rank among those goods' partners; goods the lexicon does not know leave it unverifiable,
  never checked against all goods.
- Counts in words past twenty ("thirty-nine chapters", «тридцать глав», «против двадцати
  девяти»), counts of customers under a bound ("six small customers stayed below $10m"), and
  the count of the base set against them with no year ("up from twenty-nine", "against five
  the year before"; a base year not said is never flagged).

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo
from tests.report.claims._shared import RED, find, moscow


def _ranks(heading: str = "") -> list[str]:
    m = moscow(heading)
    m = m[(m["flow"] == "export") & (m["year"] == 2020)]
    by = m.groupby("partner")["value_usd"].sum().sort_values(ascending=False)
    return [str(p) for p in by.index]


@pytest.fixture(scope="module")
def ranks() -> dict[str, list[str]]:
    out = {"all": _ranks(), "84": _ranks("84"), "90": _ranks("90")}
    assert out["all"][:3] == ["CHN", "JPN", "DEU"]
    assert out["84"][:4] == ["CHN", "JPN", "DEU", "KOR"]
    assert out["90"][:4] == ["JPN", "CHN", "USA", "DEU"]
    return out


@pytest.mark.parametrize(
    "text",
    [
        # Germany is third among all Moscow's buyers: never read so when goods are named.
        "In 2020 Germany placed third among the city's drone buyers.",
        "In 2020 Germany was the third-biggest customer for Moscow's gadgets.",
        "В 2020 году Германия была третьим покупателем московских гаджетов.",
        "В 2020 году Германия заняла третье место среди покупателей московских дронов.",
    ],
)  # fmt: skip
def test_a_rank_among_buyers_of_unknown_goods_is_not_checked_on_all_goods(ranks, corpus, text):
    results = claims.check(corpus, text, reporter="RU-MOW")
    r = next(r for r in results if r.claim.kind == "rank")
    assert r.verdict == "unverifiable", r.reason
    assert "lexicon does not know" in r.reason, r.reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("In 2020 South Korea was the fourth-largest buyer of machinery from Moscow.", "supported"),
        ("In 2020 Korea came fourth among Moscow's machinery customers.", "supported"),
        ("В 2020 году Южная Корея была четвёртым покупателем московских машин.",
         "supported"),
        # Korea is fifth among all buyers of Moscow: the field is machinery's.
        ("In 2020 South Korea came second among Moscow's machinery customers.", "contradicted"),
    ],
)  # fmt: skip
def test_a_rank_among_buyers_of_known_goods_is_among_that_goods_partners(ranks, corpus, text,
                                                                          verdict):  # fmt: skip
    assert ranks["84"].index("KOR") == 3
    assert ranks["all"].index("KOR") != 3
    results = claims.check(corpus, text, reporter="RU-MOW")
    r = next(r for r in results if r.claim.kind == "rank")
    assert r.claim.subject.products, r.reason
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    "text",
    [
        # The reporter's goods as a whole ("tech", «техника») name no field: among all partners.
        "In 2020 Germany was the third-largest buyer of Moscow's tech.",
        "В 2020 году Германия заняла третье место среди покупателей московской техники.",
    ],
)  # fmt: skip
def test_a_rank_among_buyers_of_all_the_reporters_goods_is_among_all_partners(ranks, corpus,
                                                                               text):  # fmt: skip
    results = claims.check(corpus, text, reporter="RU-MOW")
    r = next(r for r in results if r.claim.kind == "rank")
    assert not r.claim.subject.products, r.reason
    assert r.verdict == "supported", r.reason


def _chapters(flow: str, year: int, over_mn: float) -> int:
    d = pd.concat([pd.read_csv(f, dtype={"product": str}) for f in demo.files()])
    d = d[(d["flow"] == flow) & (d["year"] == year)]
    by = d.groupby(d["product"].str.zfill(6).str[:2])["value_usd"].sum()
    return int((by > over_mn * 1e6).sum())


def _partners_under(year: int, under_mn: float) -> int:
    m = moscow()
    by = m[(m["flow"] == "export") & (m["year"] == year)].groupby("partner")["value_usd"].sum()
    return int((by < under_mn * 1e6).sum())


@pytest.fixture(scope="module")
def counts() -> dict[str, int]:
    out = {"ex_2004_2m": _chapters("export", 2004, 2), "ex_2002_2m": _chapters("export", 2002, 2),
           "im_2004_5m": _chapters("import", 2004, 5), "im_2002_5m": _chapters("import", 2002, 5),
           "im_2004_20m": _chapters("import", 2004, 20),
           "mow_2020_50m": _partners_under(2020, 50), "mow_2019_50m": _partners_under(2019, 50)}  # fmt: skip
    assert out == {"ex_2004_2m": 27, "ex_2002_2m": 24, "im_2004_5m": 30, "im_2002_5m": 25,
                   "im_2004_20m": 16, "mow_2020_50m": 10, "mow_2019_50m": 11}  # fmt: skip
    return out


@pytest.mark.parametrize(
    ("text", "reporter", "words", "verdict"),
    [
        # Counts in words past twenty: "twenty-seven", «тридцать», «двадцати пяти».
        ("In 2004 twenty-seven chapters each sold over $2 million in Argentina, up from "
         "twenty-four in 2002.", "CHL", "over $2 million", "supported"),
        ("In 2004 twenty-seven chapters each sold over $2 million in Argentina, up from "
         "twenty-four in 2002.", "CHL", "twenty-four", "supported"),
        ("In 2004 thirty-six chapters each sold over $2 million in Argentina.", "CHL",
         "over $2 million", "contradicted"),
        ("В 2004 году тридцать глав импорта превысили 5 млн долларов, против двадцати пяти в "
         "2002 году.", "CHL", "превысили", "supported"),
        ("В 2004 году тридцать глав импорта превысили 5 млн долларов, против двадцати пяти в "
         "2002 году.", "CHL", "против", "supported"),
        # A count of customers under a bound, and its base the year before.
        ("Ten small customers took less than $50 million in 2020, against eleven the year "
         "before.", "RU-MOW", "less than $50 million", "supported"),
        ("Ten small customers took less than $50 million in 2020, against eleven the year "
         "before.", "RU-MOW", "eleven", "supported"),
        ("Ten small customers took less than $50 million in 2020, against fourteen the year "
         "before.", "RU-MOW", "fourteen", "contradicted"),
    ],
)  # fmt: skip
def test_a_count_of_chapters_or_partners_over_a_bound(counts, corpus, text, reporter, words,
                                                      verdict):  # fmt: skip
    r = find(claims.check(corpus, text, reporter=reporter), words)
    assert r.claim.aggregation == "each", (r.claim.span, r.reason)
    assert r.verdict == verdict, r.reason


def test_a_count_of_a_base_year_not_said_is_never_flagged(counts, corpus):
    text = "In 2004 thirty chapters of Chile's imports passed $5 million, against nineteen."
    results = claims.check(corpus, text, reporter="CHL")
    assert find(results, "$5 million").verdict == "supported"
    assert find(results, "nineteen").verdict not in RED


@pytest.mark.parametrize(
    ("text", "words", "flow"),
    [
        # A partner that ships (supplies, delivers) to "us" sells to the reporter.
        ("In 2004 Argentina delivered us goods worth $2.04 billion.", "$2.04 billion", "import"),
        ("In 2004 the Argentines supplied us $2.04 billion of goods.", "$2.04 billion", "import"),
        ("In 2004 Argentina shipped us $2.04 billion of goods and we sent back $263 million.",
         "$263 million", "export"),
        # The reporter's own buyers pay for what it imports.
        ("In 2004 Argentine gas cost Chilean consumers $613 million.", "$613 million", "import"),
        ("In 2004 gas from Argentina cost local buyers about $613 million.", "$613 million",
         "import"),
        # The partner's buyers pay for the reporter's exports.
        ("In 2004 Argentine buyers paid $263 million for Chilean goods.", "$263 million",
         "export"),
    ],
)  # fmt: skip
def test_the_flow_said_from_the_partners_side(corpus, text, words, flow):
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.claim.subject.flow == flow, r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        # Goods "from" a partner, no flow word: the reporter's imports.
        ("Between 2002 and 2004 canned fruit and vegetables from Argentina fell by 60%.",
         "60%", "supported"),
        # A clause after ", and" with a subject of its own: its goods, not the clause before's.
        ("Between 2002 and 2004 canned fruit and vegetables from Argentina fell by 60%, and "
         "laminated fabrics dropped 58%.", "58%", "supported"),
        ("Between 2002 and 2004 canned fruit and vegetables from Argentina fell by 60%, and "
         "pencils dropped 58%.", "58%", "unverifiable"),
        # Each side's flow said by its verb: "sold us" (imports) against "we sold" (exports).
        ("In 2004 Argentina sold us almost eight times what we sold them.", "eight times",
         "supported"),
        ("In 2004 Argentina sold us three times what we sold them.", "three times",
         "contradicted"),
    ],
)  # fmt: skip
def test_goods_and_flows_of_a_clause_read_from_its_own_words(corpus, text, words, verdict):
    r = find(claims.check(corpus, text, reporter="CHL"), words)
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "words", "verdict"),
    [
        ("In 2020 China was the top buyer with $563m, over three times the United States' $180m.",
         "three times", "supported"),
        ("In 2020 Japan bought $512m from the city, about seven times Kazakhstan's figure.",
         "seven times", "supported"),
        ("In 2020 Japan bought $512m from the city, about three times Kazakhstan's figure.",
         "three times", "contradicted"),
    ],
)  # fmt: skip
def test_a_multiple_of_another_partners_figure(corpus, text, words, verdict):
    r = find(claims.check(corpus, text, reporter="RU-MOW"), words)
    assert r.claim.metric == "versus", r.reason
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "reporter", "words", "verdict"),
    [
        # The count said after the threshold, and the base's «было N».
        ("В 2004 году импортных глав свыше 5 млн долларов — тридцать, было двадцать пять.",
         "CHL", "свыше 5 млн", "supported"),
        # «было» with no year: the one earlier year the data hold (2002; 2003 is not held),
        # where the count is 25 (round 28b; it was unverifiable while 2003 was looked for).
        ("В 2004 году импортных глав свыше 5 млн долларов — тридцать, было двадцать пять.",
         "CHL", "было", "supported"),
        ("В 2004 году главы экспорта больше 20 млн долл. — три штуки.", "CHL", "больше 20 млн",
         "supported"),
        ("В 2004 году импортных глав свыше 20 млн долларов — двадцать.", "CHL", "свыше 20 млн",
         "contradicted"),
        # A mark passed («перешагнули отметку»), and «таких было N» of the year before.
        ("В 2020 году пятнадцать покупателей перешагнули отметку 50 млн долларов, годом ранее "
         "таких было восемь.", "RU-MOW", "отметку", "contradicted"),
        ("В 2020 году двенадцать партнёров Москвы перешагнули отметку 50 млн долларов, годом "
         "ранее таких было девять.", "RU-MOW", "таких", "supported"),
    ],
)  # fmt: skip
def test_a_russian_count_after_its_threshold(counts, corpus, text, reporter, words, verdict):
    r = find(claims.check(corpus, text, reporter=reporter), words)
    assert r.claim.aggregation == "each", (r.claim.span, r.reason)
    assert r.verdict == verdict, r.reason
