# ruff: noqa: E501
"""The true figures of the heldout17 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers and heldout13's ``goods``). Run from the repository root:
``python -m bench.check_corpus.heldout17.figures``. It prints heldout15's and heldout16's figures
first (which the keys of this part quote too) and then only what is new here; the answer keys'
notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import ASIA, main, note, share, show, val
from bench.check_corpus.heldout8.figures import _rows
from bench.check_corpus.heldout13.figures import goods
from bench.check_corpus.heldout15 import figures as h15
from bench.check_corpus.heldout16 import figures as h16


def chile() -> None:
    """Chile's trade with Argentina: what heldout15 and heldout16 do not print (01, 02, 07, 08)."""
    goods("chl", 2004, 2002, [
        ("all", "import", "07", "vegetables"),
        ("all", "import", "1001", "wheat"),
        ("all", "import", "8704", "trucks"),
        ("all", "import", "23", "food residues and fodder"),
        ("all", "export", "03", "fish"),
        ("all", "export", "76", "aluminium"),
        ("all", "export", "2204", "wine"),
        ("all", "export", "32", "tanning and dyeing extracts"),
    ])  # fmt: skip
    note("all", "import chapters over US$50 million 2004 / 2002", _rows(
        "SELECT year, count(*) FROM (SELECT year, left(product, 2) c FROM chl WHERE flow = 'import' "
        "GROUP BY ALL HAVING sum(value_usd) > 5e7) GROUP BY year ORDER BY year"))  # fmt: skip
    share("all", "HS 2711 of HS 27 imports 2004",
          val("chl", 2004, "import", product="2711"), val("chl", 2004, "import", product="27"))  # fmt: skip
    share("all", "HS 87 + 39 + 48 of imports 2004",
          sum(val("chl", 2004, "import", product=c) for c in ("87", "39", "48")), val("chl", 2004, "import"))  # fmt: skip
    for code in ("48", "39", "30", "40"):
        e, i = val("chl", 2004, product=code), val("chl", 2004, "import", product=code)
        note("all", f"HS {code} 2004 imports / exports", f"x{i / e:.3f}")
    e2, e4 = val("chl", 2002, product="99"), val("chl", 2004, product="99")
    note("all", "exports HS 99 2002, 2004", f"{e2:,.2f}, {e4:,.2f}")


def moscow() -> None:
    """Moscow's exports: what heldout15 and heldout16 do not print (03, 04, 09, 10)."""
    q = {
        n: val("mow", 2020, months=m) for n, m in [("Q2", (4, 6)), ("Q3", (7, 9)), ("Q4", (10, 12))]
    }
    show("all", "Q3 2020 vs Q2 2020", q["Q3"], q["Q2"])
    show("all", "Q4 2020 vs Q3 2020", q["Q4"], q["Q3"])
    share("all", "Q4 share of exports 2020", q["Q4"], val("mow", 2020))
    show("all", "months 1-8 2020 vs 2019", val("mow", 2020, months=(1, 8)), val("mow", 2019, months=(1, 8)))  # fmt: skip
    show("all", "months 10-11 2020 vs 2019", val("mow", 2020, months=(10, 11)), val("mow", 2019, months=(10, 11)))  # fmt: skip
    share("all", "Asia (M49, Turkey included) share of exports 2020", val("mow", 2020, partners=ASIA), val("mow", 2020))  # fmt: skip
    show("all", "Asia (M49, Turkey included) 2020 vs 2019", val("mow", 2020, partners=ASIA), val("mow", 2019, partners=ASIA))  # fmt: skip
    show("all", "KAZ + UZB 2020 vs 2019", val("mow", 2020, partners=("KAZ", "UZB")), val("mow", 2019, partners=("KAZ", "UZB")))  # fmt: skip
    show("all", "CHN + JPN 2020 vs 2019", val("mow", 2020, partners=("CHN", "JPN")), val("mow", 2019, partners=("CHN", "JPN")))  # fmt: skip
    share("all", "HS 8471 of HS 84 exports 2020", val("mow", 2020, product="8471"), val("mow", 2020, product="84"))  # fmt: skip
    share("all", "HS 8411 of HS 84 exports 2020", val("mow", 2020, product="8411"), val("mow", 2020, product="84"))  # fmt: skip
    note("all", "partners over US$70 million 2020 / 2019", _rows(
        "SELECT year, count(*) FROM (SELECT year, partner FROM mow GROUP BY ALL "
        "HAVING sum(value_usd) > 7e7) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "partners that grew by exactly 60% 2020 vs 2019", _rows(
        "SELECT count(*) FROM (SELECT partner FROM mow GROUP BY partner HAVING "
        "round(sum(value_usd) FILTER (WHERE year = 2020) / sum(value_usd) FILTER (WHERE year = 2019), 4) = 1.6)"))  # fmt: skip
    for p, c in [("ARE", "84"), ("KAZ", "85"), ("IND", "84")]:
        show("all", f"{p} HS {c} 2020 vs 2019",
             val("mow", 2020, partners=(p,), product=c), val("mow", 2019, partners=(p,), product=c) or None)  # fmt: skip
    note("all", "HS 85 buyers 2020 (2019), largest first", [(r[0], round(r[1], 2), round(r[2], 2)) for r in _rows(
        "SELECT partner, sum(value_usd) FILTER (WHERE year = 2020) / 1e6 a, "
        "coalesce(sum(value_usd) FILTER (WHERE year = 2019), 0) / 1e6 FROM mow WHERE product LIKE '85%' "
        "GROUP BY partner ORDER BY a DESC LIMIT 8")])  # fmt: skip
    note("all", "CHN / JPN 2020", f"x{val('mow', 2020, partners=('CHN',)) / val('mow', 2020, partners=('JPN',)):.3f}")  # fmt: skip


def portugal() -> None:
    """Portugal's technology trade: what heldout15 and heldout16 do not print (05, 06, 11, 12)."""
    for new, old in [(2008, 2001), (2019, 2018), (2015, 2005), (2021, 2012)]:
        show("all", f"exports {new} vs {old}", val("prt", new), val("prt", old))
        show("all", f"imports {new} vs {old}", val("prt", new, "import"), val("prt", old, "import"))
    show("all", "turnover 2019 vs 2018", val("prt", 2019) + val("prt", 2019, "import"),
         val("prt", 2018) + val("prt", 2018, "import"))  # fmt: skip
    note("all", "first year imports over 2,000 million; over 3,000 million", _rows(
        "SELECT min(year) FILTER (WHERE v > 2e9), min(year) FILTER (WHERE v > 3e9) FROM "
        "(SELECT year, sum(value_usd) v FROM prt WHERE flow = 'import' GROUP BY year)"))  # fmt: skip
    note("all", "years with the largest deficit", _rows(
        "SELECT year, (sum(value_usd) FILTER (WHERE flow = 'import') - sum(value_usd) FILTER "
        "(WHERE flow = 'export')) / 1e6 d FROM prt GROUP BY year ORDER BY d DESC, year LIMIT 3"))  # fmt: skip
    note("all", "years exports grew faster than 10%", [r[0] for r in _rows(
        "WITH t AS (SELECT year, sum(value_usd) v FROM prt WHERE flow = 'export' GROUP BY year) "
        "SELECT a.year FROM t a JOIN t b ON a.year = b.year + 1 WHERE a.v > 1.1 * b.v ORDER BY 1")])  # fmt: skip
    e21 = val("prt", 2021)
    share("all", "NLD + BEL of exports 2021", val("prt", 2021, partners=("NLD", "BEL")), e21)
    share("all", "CHN + JPN + KOR of exports 2021", val("prt", 2021, partners=("CHN", "JPN", "KOR")), e21)  # fmt: skip
    share("all", "USA + JPN + KOR of imports 2021",
          val("prt", 2021, "import", partners=("USA", "JPN", "KOR")), val("prt", 2021, "import"))  # fmt: skip
    show("all", "HS 854231 exports 2021 vs 2001", val("prt", 2021, product="854231"), val("prt", 2001, product="854231"))  # fmt: skip
    show("all", "HS 300490 imports 2021 vs 2001",
         val("prt", 2021, "import", product="300490"), val("prt", 2001, "import", product="300490"))  # fmt: skip
    note("all", "export partners over US$300 million 2021 / over US$150 million", _rows(
        "SELECT count(*) FILTER (WHERE v > 3e8), count(*) FILTER (WHERE v > 1.5e8) FROM (SELECT partner, "
        "sum(value_usd) v FROM prt WHERE year = 2021 AND flow = 'export' GROUP BY ALL)"))  # fmt: skip


if __name__ == "__main__":
    main(chile, moscow, portugal, earlier=(h15, h16), new="heldout17")
