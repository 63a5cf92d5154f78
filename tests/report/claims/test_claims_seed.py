"""The second seed article against a dataset built to agree with it: nothing flagged.

The article (technology exports $4.5 bn, up 30%, three times 2018's $1.4 bn, imports $4.6 bn,
deficit lowest since 2001, the Netherlands a quarter, five markets over $250 million each) is
bench/check_corpus/dev/13-portugal-seed-en.txt; the dataset bench/check_corpus/data/
portugal-tech.csv (make_portugal.py). Expected figures are computed here with DuckDB on the file.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import hitex
import hitex.report.claims as claims

CORPUS = Path(__file__).parents[3] / "bench" / "check_corpus"
DATA = CORPUS / "data" / "portugal-tech.csv"
ARTICLE = CORPUS / "dev" / "13-portugal-seed-en.txt"


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    s = hitex.open(tmp_path_factory.mktemp("seed") / "seed.duckdb")
    s.load([DATA], format="flows")
    yield claims.check_file(s, ARTICLE)
    s.close()


@pytest.fixture(scope="module")
def truth():
    con = duckdb.connect()
    rel = f"read_csv('{DATA}', types={{'product': 'VARCHAR'}})"
    year = dict(con.sql(f"SELECT year, sum(value_usd) FILTER (flow = 'export') FROM {rel} "
                        "GROUP BY year").fetchall())  # fmt: skip
    deficit = dict(con.sql(f"SELECT year, sum(CASE flow WHEN 'import' THEN value_usd ELSE "
                           f"-value_usd END) FROM {rel} GROUP BY year").fetchall())  # fmt: skip
    big = con.sql(f"SELECT count(*) FROM (SELECT partner FROM {rel} WHERE year = 2021 AND "
                  "flow = 'export' GROUP BY partner HAVING sum(value_usd) > 250e6)").fetchall()  # fmt: skip
    return {"exports": year, "deficit": deficit, "big": big[0][0]}


def test_nothing_is_flagged(results):
    assert [r.verdict for r in results if r.verdict in ("contradicted", "inconsistent")] == []
    supported = [r.claim.span for r in results if r.verdict == "supported"]
    assert len(supported) >= 8, [(r.claim.span, r.verdict, r.reason) for r in results]


def test_figures_are_the_files(results, truth):
    by_span = {r.claim.span: r for r in results}
    assert by_span["up 30%"].computed == pytest.approx(
        (truth["exports"][2021] / truth["exports"][2020] - 1) * 100
    )
    assert by_span["three times"].computed == pytest.approx(
        truth["exports"][2021] / truth["exports"][2018]
    )
    (each,) = [r for r in results if r.claim.aggregation == "each"]
    assert (each.claim.count, each.computed) == (5, truth["big"])


def test_lowest_since_names_the_years(results, truth):
    (r,) = [r for r in results if r.claim.kind == "extreme"]
    deficits = truth["deficit"]
    assert min(deficits[y] for y in range(2002, 2021)) > deficits[2021] >= deficits[2001]
    assert r.verdict == "supported"
    assert "2001" in r.reason
    assert "2002-2020" in r.reason


@pytest.mark.parametrize(
    ("since", "verdict", "named"),
    [
        (2001, "unverifiable", "2003"),
        (2002, "unverifiable", "2003"),
        (2000, "contradicted", "2001"),
    ],
)
def test_an_equal_year_is_no_red_flag(tmp_path, since, verdict, named):
    # Deficits (imports less exports, US$): 2000 90, 2001 120, 2002 60, 2003 100, 2004 100.
    # "The 2004 deficit was the highest since 2001": 2003 equals it, so it holds only if an
    # equal year counts; since 2000, 2001 was higher: a red flag naming 2001.
    deficit = {2000: 90, 2001: 120, 2002: 60, 2003: 100, 2004: 100}
    path = tmp_path / "tie.csv"
    lines = ["year,reporter,partner,flow,product,classification,value_usd"]
    for y, d in deficit.items():
        lines += [f"{y},PRT,NLD,export,854231,HS17,{1000 * 10**6}",
                  f"{y},PRT,NLD,import,854231,HS17,{(1000 + d) * 10**6}"]  # fmt: skip
    path.write_text("\n".join(lines) + "\n")
    check = duckdb.sql(f"SELECT year, sum(CASE flow WHEN 'import' THEN value_usd ELSE -value_usd "
                       f"END) / 1e6 FROM read_csv('{path}') GROUP BY year").fetchall()  # fmt: skip
    assert dict(check) == deficit
    s = hitex.open(tmp_path / "tie.duckdb")
    s.load([path], format="flows")
    text = f"Portugal's technology trade deficit in 2004 was the highest since {since}."
    (r,) = [r for r in claims.check(s, text) if r.claim.kind == "extreme"]
    s.close()
    assert r.verdict == verdict, r.reason
    assert named in r.reason
    assert f"{named} was higher" in r.reason if verdict == "contradicted" else "same" in r.reason
    assert "2003 was higher" not in r.reason  # equal is not higher
