"""Round 11 readings of recall (sentences written for these tests).

Expected figures come from pandas on the raw files: bench/check_corpus/data/portugal-tech.csv
(a constructed technology series of Portugal, 2001-2021), examples/moscow-2020/flows.csv
(Moscow's exports by month, 2019-2020) and the Chile-Argentina sample (src/hitex/demo/data).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import hitex
import hitex.report.claims as claims
from hitex import demo
from hitex.report.claims.check import infer_reporter
from hitex.report.claims.model import Result

ROOT = Path(__file__).parents[3]
PORTUGAL = ROOT / "bench" / "check_corpus" / "data" / "portugal-tech.csv"
MOSCOW = ROOT / "examples" / "moscow-2020" / "flows.csv"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """A fresh warehouse of the claim corpus's data: Moscow, Chile-Argentina, Portugal."""
    s = hitex.open(tmp_path_factory.mktemp("round11b") / "c.duckdb")
    s.load([MOSCOW, *demo.files(), PORTUGAL], format="flows")
    yield s
    s.close()


def _by_span(results: list[Result]) -> dict[str, Result]:
    return {r.claim.span.strip(" ."): r for r in results}


def _moscow() -> pd.Series:
    m = pd.read_csv(MOSCOW)
    return m[m["flow"] == "export"].groupby("year")["value_usd"].sum()


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
    text = ("Депутаты Мосгордумы обсудили Чили: экспорт Чили в Аргентину в 2004 году вырос.")
    assert infer_reporter(corpus, text) == "CHL"
