"""English readings found on the held-out part heldout14 (development material since).

Sentences written for these tests. Expected figures come from pandas on the raw files:
examples/moscow-2020/flows.csv (Moscow's exports, 2019-2020, by month), src/hitex/demo/data
(Chile's trade with Argentina, 2002 and 2004) and
bench/check_corpus/data/portugal-tech.csv (a constructed technology series of Portugal,
2001-2021).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo
from hitex.report.claims.model import Result
from tests.report.claims._shared import moscow

ROOT = Path(__file__).parents[3]
PORTUGAL = ROOT / "bench" / "check_corpus" / "data" / "portugal-tech.csv"
MOSCOW = ROOT / "examples" / "moscow-2020" / "flows.csv"
RED = ("contradicted", "inconsistent")
MOSCOW_HEAD = "Moscow's technology exports, 2020.\n\n"
PORTUGAL_HEAD = "Portugal's technology trade, 2021.\n\n"


def _find(results: list[Result], words: str) -> Result:
    hits = [r for r in results if words in r.claim.span]
    assert hits, [r.claim.span for r in results]
    return hits[0]


def _moscow_2020() -> pd.DataFrame:
    m = moscow()
    return m[(m["year"] == 2020) & (m["flow"] == "export")]


# -- false "supported" -----------------------------------------------------------------------
def test_five_of_them_counts_what_the_sentence_before_counted(corpus):
    p = pd.read_csv(PORTUGAL)
    p = p[(p["flow"] == "export") & (p["year"] == 2021)]
    by = p.groupby("partner")["value_usd"].sum() / 1e6
    assert len(by) == 14
    assert int((by > 300).sum()) == 4
    text = (PORTUGAL_HEAD + "Sweden comes last of the fourteen buyers. Five of them took over "
            "USD 300 million each.")  # fmt: skip
    r = _find(claims.check(corpus, text), "300 million")
    assert r.verdict == "contradicted", r.reason
    right = _find(claims.check(corpus, text.replace("Five", "Four")), "300 million")
    assert right.verdict == "supported", right.reason


# -- wrong red flags -------------------------------------------------------------------------
def test_goods_said_after_an_amount_are_its_own_even_after_its_partner(corpus):
    m = _moscow_2020()
    m = m[m["partner"] == "DEU"]
    assert m["value_usd"].sum() / 1e6 == pytest.approx(250.0, abs=0.005)
    ch85 = m[m["product"].str.zfill(6).str.startswith("85")]["value_usd"].sum() / 1e6
    assert ch85 == pytest.approx(107.78, abs=0.005)
    text = MOSCOW_HEAD + "In 2020 Germany bought USD 107.8 million of chapter 85 goods."
    r = _find(claims.check(corpus, text), "107.8")
    assert r.verdict == "supported", r.reason
    wrong = _find(claims.check(corpus, text.replace("107.8", "150.8")), "150.8")
    assert wrong.verdict == "contradicted", wrong.reason
    # Goods the lexicon does not read are never dropped for all goods.
    unknown = text.replace("chapter 85 goods", "widgets")
    assert _find(claims.check(corpus, unknown), "107.8").verdict not in RED


def test_an_amount_in_each_month_and_a_month_from_september_are_monthly_averages(corpus):
    m = _moscow_2020()
    by = m.groupby("month")["value_usd"].sum() / 1e6
    assert by.loc[1:8].mean() == pytest.approx(191.86, abs=0.005)
    assert by.loc[9:12].mean() == pytest.approx(217.25, abs=0.005)
    text = (MOSCOW_HEAD + "Shipments ran at roughly $192m in each month of 2020 from January "
            "through August and stepped up to about $217m a month from September.")  # fmt: skip
    got = claims.check(corpus, text)
    for words in ("192m", "217m"):
        r = _find(got, words)
        assert r.verdict == "supported", r.reason
    wrong = _find(claims.check(corpus, text.replace("$217m", "$250m")), "250m")
    assert wrong.verdict == "contradicted", wrong.reason


def test_purchases_of_importers_are_imports_not_the_reporters_exports(corpus):
    # Moscow's data hold exports only (US$2.4 billion in 2020): its importers' purchases are
    # not in them.
    assert set(pd.read_csv(MOSCOW)["flow"]) == {"export"}
    text = (MOSCOW_HEAD + "Many insured limits are on importers in Moscow, whose purchases "
            "(said to exceed $6bn) are outside the export data we use.")  # fmt: skip
    r = _find(claims.check(corpus, text), "6bn")
    assert r.verdict == "unverifiable", r.reason


def test_the_two_asian_customers_are_the_partners_named_before(corpus):
    m = _moscow_2020()
    by = m.groupby("partner")["value_usd"].sum()
    assert 100 * (by["CHN"] + by["JPN"]) / by.sum() == pytest.approx(44.72, abs=0.005)
    text = (MOSCOW_HEAD + "China is the top buyer, taking $563m. Japan is second with $512m, "
            "so the two Asian customers between them account for nearly 45%.")  # fmt: skip
    r = _find(claims.check(corpus, text), "45%")
    assert r.verdict == "supported", r.reason
    other = _find(claims.check(corpus, text.replace("45%", "30%")), "30%")
    assert other.verdict not in RED or "China" in other.reason, other.reason


def _chile_2004(flow: str) -> float:
    c = pd.concat(pd.read_csv(p, dtype={"product": str}) for p in demo.files())
    return float(c[(c["flow"] == flow) & (c["year"] == 2004)]["value_usd"].sum()) / 1e6


def test_bought_a_figure_with_a_thousands_comma_from_a_partner_and_against_exports(corpus):
    assert _chile_2004("import") == pytest.approx(2035.4, abs=0.5)
    assert _chile_2004("export") == pytest.approx(262.96, abs=0.005)
    text = ("Chile's trade with Argentina, 2004.\n\nOverall, Chile bought 2,035 million dollars "
            "worth from Argentina, against exports of 263 million dollars.")  # fmt: skip
    got = claims.check(corpus, text)
    bought = _find(got, "2,035")
    assert bought.verdict == "supported", bought.reason
    sold = _find(got, "263")
    assert sold.verdict == "supported", sold.reason
    wrong = _find(claims.check(corpus, text.replace("263", "363")), "363")
    assert wrong.verdict == "contradicted", wrong.reason
