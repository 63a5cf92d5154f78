# ruff: noqa: E501
"""The true figures of the heldout26 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers, heldout13's ``goods`` and heldout22's ``_ranks``). Run from the repository root:
``python -m bench.check_corpus.heldout26.figures``. It prints heldout15's to heldout25's figures
first and then only what is new here (``--new`` prints only these); the answer keys' notes quote
these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import main, note, share, show, val
from bench.check_corpus.heldout8.figures import _rows
from bench.check_corpus.heldout13.figures import goods
from bench.check_corpus.heldout15 import figures as h15
from bench.check_corpus.heldout16 import figures as h16
from bench.check_corpus.heldout17 import figures as h17
from bench.check_corpus.heldout18 import figures as h18
from bench.check_corpus.heldout19 import figures as h19
from bench.check_corpus.heldout20 import figures as h20
from bench.check_corpus.heldout21 import figures as h21
from bench.check_corpus.heldout22 import figures as h22
from bench.check_corpus.heldout22.figures import _ranks
from bench.check_corpus.heldout23 import figures as h23
from bench.check_corpus.heldout24 import figures as h24
from bench.check_corpus.heldout25 import figures as h25


def chile() -> None:
    """Chile's trade with Argentina, 2004 against 2002 (01, 02, 07, 08)."""
    e2, e4, i2, i4 = (
        val("chl", 2002),
        val("chl", 2004),
        val("chl", 2002, "import"),
        val("chl", 2004, "import"),
    )
    show("all", "CHL exports to ARG 2004 vs 2002", e4, e2)
    show("all", "CHL imports from ARG 2004 vs 2002", i4, i2)
    show("all", "CHL deficit (imports - exports) 2004 vs 2002", i4 - e4, i2 - e2)
    show("all", "CHL-ARG turnover 2004 vs 2002", e4 + i4, e2 + i2)
    share("all", "exports of turnover 2004", e4, e4 + i4)
    note("all", "imports / exports 2004", f"{i4:,.2f} / {e4:,.2f} = x{i4 / e4:.3f}")
    goods("chl", 2004, 2002, [
        ("all", "import", "27", "mineral fuels"),
        ("all", "import", "2711", "petroleum gases"),
        ("all", "import", "2710", "petroleum oils"),
        ("all", "import", "1517", "margarine"),
        ("all", "import", "1005", "maize"),
        ("all", "import", "10", "cereals"),
        ("all", "import", "15", "fats and oils"),
        ("all", "import", "87", "vehicles"),
        ("all", "import", "8703", "motor cars"),
        ("all", "import", "76", "aluminium"),
        ("all", "import", "39", "plastics"),
        ("all", "import", "34", "soap and washing preparations"),
        ("all", "import", "18", "cocoa"),
        ("all", "export", "48", "paper and paperboard"),
        ("all", "export", "84", "machinery"),
        ("all", "export", "39", "plastics"),
        ("all", "export", "30", "pharmaceutical products"),
        ("all", "export", "94", "furniture"),
        ("all", "export", "73", "articles of iron or steel"),
        ("all", "export", "74", "copper"),
        ("all", "export", "40", "rubber"),
        ("all", "export", "4011", "tyres"),
        ("all", "export", "38", "miscellaneous chemical products"),
        ("all", "export", "47", "pulp"),
    ])  # fmt: skip
    note("all", "export chapters 2004 by value", _ranks("chl", 2004, "left(product, 2)")[:6])
    note(
        "all",
        "import chapters 2004 by value",
        _ranks("chl", 2004, "left(product, 2)", "import")[:6],
    )
    note("all", "import chapters over US$100 million 2004", _rows(
        "SELECT count(*), list(c ORDER BY c) FROM (SELECT left(product, 2) c FROM chl WHERE year = 2004 "
        "AND flow = 'import' GROUP BY 1 HAVING sum(value_usd) > 1e8)"))  # fmt: skip
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (03, 04, 09, 10)."""
    e20 = val("mow", 2020)
    show("all", "Moscow exports 2020 vs 2019", e20, val("mow", 2019))
    for a, b in [(1, 1), (1, 3), (4, 6), (1, 6), (7, 9), (7, 12), (10, 12), (12, 12)]:
        show("all", f"months {a}-{b} 2020 vs 2019", val("mow", 2020, months=(a, b)), val("mow", 2019, months=(a, b)))  # fmt: skip
    show("all", "September 2020 vs August 2020", val("mow", 2020, months=(9, 9)), val("mow", 2020, months=(8, 8)))  # fmt: skip
    note("all", "monthly values 2020", _rows(
        "SELECT month, round(sum(value_usd) / 1e6, 2) FROM mow WHERE year = 2020 GROUP BY month ORDER BY month"))  # fmt: skip
    for p in ("CHN", "JPN", "DEU", "USA", "BLR", "IND", "KOR", "TUR", "SGP", "KAZ", "FRA", "GBR",
              "THA", "VNM", "IDN", "MNG"):  # fmt: skip
        show("all", f"{p} 2020 vs 2019", val("mow", 2020, partners=(p,)), val("mow", 2019, partners=(p,)))  # fmt: skip
    share("all", "USA of exports 2020", val("mow", 2020, partners=("USA",)), e20)
    note("all", "partners 2020 by value", _ranks("mow", 2020, "partner"))
    note("all", "partners 2019 / 2020", _rows("SELECT year, count(DISTINCT partner) FROM mow GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "partners 2020 by growth on 2019", [(p, None if g is None else round(g, 2)) for p, g in _rows(
        "SELECT partner, 100 * (sum(value_usd) FILTER (year = 2020) / sum(value_usd) FILTER (year = 2019) - 1) g "
        "FROM mow GROUP BY partner ORDER BY g DESC NULLS FIRST")])  # fmt: skip
    note("all", "partners under US$10 million 2020", _rows(
        "SELECT count(*) FROM (SELECT partner FROM mow WHERE year = 2020 GROUP BY partner HAVING sum(value_usd) < 1e7)"))  # fmt: skip
    note("all", "partners over US$50 million 2020", _rows(
        "SELECT count(*) FROM (SELECT partner FROM mow WHERE year = 2020 GROUP BY partner HAVING sum(value_usd) > 5e7)"))  # fmt: skip
    for code in ("84", "85", "90"):
        show("all", f"HS {code} 2020 vs 2019", val("mow", 2020, product=code), val("mow", 2019, product=code))  # fmt: skip
        share("all", f"HS {code} of exports 2020", val("mow", 2020, product=code), e20)
    goods("mow", 2020, 2019, [
        ("all", "export", "8411", "turbojets"),
        ("all", "export", "8471", "computers"),
        ("all", "export", "8470", "calculators and cash registers"),
        ("all", "export", "8518", "loudspeakers"),
        ("all", "export", "8528", "monitors and television sets"),
        ("all", "export", "8532", "capacitors"),
        ("all", "export", "8443", "printers and copiers"),
        ("all", "export", "8525", "transmission apparatus and cameras"),
        ("all", "export", "9011", "optical microscopes"),
    ])  # fmt: skip
    note("all", "headings 2020 by value", _ranks("mow", 2020, "left(product, 4)")[:8])


def portugal() -> None:
    """Portugal's technology trade (05, 06, 11, 12)."""
    note("all", "year, exports, imports, deficit", [(y, round(e, 2), round(i, 2), round(i - e, 2)) for y, e, i in _rows(
        "SELECT year, sum(value_usd) FILTER (flow = 'export') / 1e6, sum(value_usd) FILTER (flow = 'import') / 1e6 "
        "FROM prt GROUP BY year ORDER BY year")])  # fmt: skip
    for new, old in [
        (2021, 2020),
        (2020, 2019),
        (2019, 2018),
        (2021, 2018),
        (2021, 2001),
        (2009, 2008),
    ]:
        show("all", f"exports {new} vs {old}", val("prt", new), val("prt", old))
        show("all", f"imports {new} vs {old}", val("prt", new, "import"), val("prt", old, "import"))
        show("all", f"turnover {new} vs {old}", val("prt", new) + val("prt", new, "import"),
             val("prt", old) + val("prt", old, "import"))  # fmt: skip
    d21, d20 = (
        val("prt", 2021, "import") - val("prt", 2021),
        val("prt", 2020, "import") - val("prt", 2020),
    )
    show("all", "deficit 2021 vs 2020", d21, d20)
    note("all", "years with a deficit at or below 2011's (190.00)", [r[0] for r in _rows(
        "SELECT year FROM prt GROUP BY year HAVING sum(value_usd) FILTER (flow = 'import') "
        "- sum(value_usd) FILTER (flow = 'export') <= 190e6 ORDER BY year")])  # fmt: skip
    note("all", "years by turnover, largest first", [r[0] for r in _rows(
        "SELECT year FROM prt GROUP BY year ORDER BY sum(value_usd) DESC LIMIT 3")])  # fmt: skip
    note("all", "years exports fell", [r[0] for r in _rows(
        "SELECT year FROM (SELECT year, sum(value_usd) v, lag(sum(value_usd)) OVER (ORDER BY year) p "
        "FROM prt WHERE flow = 'export' GROUP BY year) WHERE v < p ORDER BY year")])  # fmt: skip
    note("all", "export partners 2021 by value", _ranks("prt", 2021, "partner"))
    note("all", "import partners 2021 by value", _ranks("prt", 2021, "partner", "import"))
    note("all", "import partners 2021 / export partners 2021", _rows(
        "SELECT flow, count(DISTINCT partner) FROM prt WHERE year = 2021 GROUP BY flow ORDER BY flow"))  # fmt: skip
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    for p in ("NLD", "FRA"):
        share("all", f"{p} of exports 2021", val("prt", 2021, partners=(p,)), e21)
        show("all", f"exports {p} 2021 vs 2020", val("prt", 2021, partners=(p,)), val("prt", 2020, partners=(p,)))  # fmt: skip
    show("all", "exports NLD 2021 vs 2018", val("prt", 2021, partners=("NLD",)), val("prt", 2018, partners=("NLD",)))  # fmt: skip
    note("all", "exports NLD / DEU 2021", f"x{val('prt', 2021, partners=('NLD',)) / val('prt', 2021, partners=('DEU',)):.3f}")  # fmt: skip
    note("all", "imports CHN / DEU 2021", f"x{val('prt', 2021, 'import', partners=('CHN',)) / val('prt', 2021, 'import', partners=('DEU',)):.3f}")  # fmt: skip
    for p in ("CHN", "NLD"):
        share("all", f"{p} of imports 2021", val("prt", 2021, "import", partners=(p,)), i21)
    for p in ("NLD", "DEU", "USA"):
        e, i = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note("all", f"{p} 2021 exports, imports, balance", f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}")
    for code in ("854231", "851762"):
        share("all", f"HS {code} of exports 2021", val("prt", 2021, product=code), e21)
    note("all", "partners loaded", _rows("SELECT DISTINCT partner FROM prt ORDER BY 1"))


def _new_only() -> None:
    """Only this part's figures (``--new``), without heldout15-25's."""
    main(chile, moscow, portugal)


if __name__ == "__main__":
    import sys

    if "--new" in sys.argv:
        _new_only()
    else:
        main(
            chile,
            moscow,
            portugal,
            earlier=(h15, h16, h17, h18, h19, h20, h21, h22, h23, h24, h25),
            new="heldout26",
        )
