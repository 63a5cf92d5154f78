# ruff: noqa: E501
"""The true figures of the heldout18 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers and heldout13's ``goods``). Run from the repository root:
``python -m bench.check_corpus.heldout18.figures``. It prints heldout15's, heldout16's and
heldout17's figures first (which the keys of this part quote too) and then only what is new here;
the answer keys' notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import main, note, share, show, val
from bench.check_corpus.heldout8.figures import _rows
from bench.check_corpus.heldout13.figures import goods
from bench.check_corpus.heldout15 import figures as h15
from bench.check_corpus.heldout16 import figures as h16
from bench.check_corpus.heldout17 import figures as h17


def chile() -> None:
    """Chile's trade with Argentina: what heldout15-17 do not print (01, 02, 07, 08)."""
    goods("chl", 2004, 2002, [
        ("all", "import", "12", "oil seeds"),
        ("all", "import", "22", "beverages"),
        ("all", "export", "09", "coffee, tea and spices"),
        ("all", "export", "8418", "refrigerators"),
        ("all", "export", "4819", "cartons and boxes"),
        ("all", "export", "33", "essential oils, perfumery"),
    ])  # fmt: skip
    note("all", "export chapters over US$5 million 2004 / 2002", _rows(
        "SELECT year, count(*) FROM (SELECT year, left(product, 2) c FROM chl WHERE flow = 'export' "
        "GROUP BY ALL HAVING sum(value_usd) > 5e6) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "import chapters over US$30 million 2004 / 2002", _rows(
        "SELECT year, count(*) FROM (SELECT year, left(product, 2) c FROM chl WHERE flow = 'import' "
        "GROUP BY ALL HAVING sum(value_usd) > 3e7) GROUP BY year ORDER BY year"))  # fmt: skip
    share("all", "HS 48 + 84 + 27 of exports 2004",
          sum(val("chl", 2004, product=c) for c in ("48", "84", "27")), val("chl", 2004))  # fmt: skip
    share("all", "HS 10 + 15 of imports 2002",
          sum(val("chl", 2002, "import", product=c) for c in ("10", "15")), val("chl", 2002, "import"))  # fmt: skip
    e, i = val("chl", 2004), val("chl", 2004, "import", product="27")
    note("all", "imports HS 27 2004 / all exports 2004", f"x{i / e:.3f}")


def moscow() -> None:
    """Moscow's exports: what heldout15-17 do not print (03, 04, 09, 10)."""
    h1, h2 = val("mow", 2020, months=(1, 6)), val("mow", 2020, months=(7, 12))
    show("all", "H2 2020 vs H1 2020", h2, h1)
    show("all", "Q1 2020 vs Q4 2019", val("mow", 2020, months=(1, 3)), val("mow", 2019, months=(10, 12)))  # fmt: skip
    show("all", "months 5-7 2020 vs 2019", val("mow", 2020, months=(5, 7)), val("mow", 2019, months=(5, 7)))  # fmt: skip
    share("all", "JPN + KOR share of exports 2020", val("mow", 2020, partners=("JPN", "KOR")), val("mow", 2020))  # fmt: skip
    show("all", "TUR + EGY + ARE 2020 vs 2019",
         val("mow", 2020, partners=("TUR", "EGY", "ARE")), val("mow", 2019, partners=("TUR", "EGY", "ARE")))  # fmt: skip
    show("all", "HS 8470 + 8471 2020 vs 2019",
         val("mow", 2020, product="8470") + val("mow", 2020, product="8471"),
         val("mow", 2019, product="8470") + val("mow", 2019, product="8471"))  # fmt: skip
    note("all", "headings over US$50 million 2020 / 2019", _rows(
        "SELECT year, count(*) FROM (SELECT year, left(product, 4) h FROM mow GROUP BY ALL "
        "HAVING sum(value_usd) > 5e7) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "partners over US$150 million 2020 / 2019", _rows(
        "SELECT year, count(*) FROM (SELECT year, partner FROM mow GROUP BY ALL "
        "HAVING sum(value_usd) > 1.5e8) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "JPN / DEU 2020", f"x{val('mow', 2020, partners=('JPN',)) / val('mow', 2020, partners=('DEU',)):.3f}")  # fmt: skip
    note("all", "HS 84 / HS 90 2020", f"x{val('mow', 2020, product='84') / val('mow', 2020, product='90'):.3f}")  # fmt: skip
    for p, c in [("JPN", "90"), ("DEU", "85"), ("ITA", "84")]:
        show("all", f"{p} HS {c} 2020 vs 2019",
             val("mow", 2020, partners=(p,), product=c), val("mow", 2019, partners=(p,), product=c) or None)  # fmt: skip
    note("all", "HS 84 buyers 2020 (2019), largest first", [(r[0], round(r[1], 2), round(r[2], 2)) for r in _rows(
        "SELECT partner, sum(value_usd) FILTER (WHERE year = 2020) / 1e6 a, "
        "coalesce(sum(value_usd) FILTER (WHERE year = 2019), 0) / 1e6 FROM mow WHERE product LIKE '84%' "
        "GROUP BY partner ORDER BY a DESC LIMIT 8")])  # fmt: skip


def portugal() -> None:
    """Portugal's technology trade: what heldout15-17 do not print (05, 06, 11, 12)."""
    for new, old in [(2014, 2004), (2020, 2015), (2017, 2007), (2010, 2001)]:
        show("all", f"exports {new} vs {old}", val("prt", new), val("prt", old))
        show("all", f"imports {new} vs {old}", val("prt", new, "import"), val("prt", old, "import"))
    show("all", "turnover 2010 vs 2001", val("prt", 2010) + val("prt", 2010, "import"),
         val("prt", 2001) + val("prt", 2001, "import"))  # fmt: skip
    note("all", "first year exports over 2,000 million; over 3,000 million", _rows(
        "SELECT min(year) FILTER (WHERE v > 2e9), min(year) FILTER (WHERE v > 3e9) FROM "
        "(SELECT year, sum(value_usd) v FROM prt WHERE flow = 'export' GROUP BY year)"))  # fmt: skip
    note("all", "years with a deficit over 400 million", [r[0] for r in _rows(
        "SELECT year FROM prt GROUP BY year HAVING sum(value_usd) FILTER (WHERE flow = 'import') "
        "- sum(value_usd) FILTER (WHERE flow = 'export') > 4e8 ORDER BY year")])  # fmt: skip
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    share("all", "ESP + ITA + POL of exports 2021", val("prt", 2021, partners=("ESP", "ITA", "POL")), e21)  # fmt: skip
    share("all", "DEU + NLD of imports 2021", val("prt", 2021, "import", partners=("DEU", "NLD")), i21)  # fmt: skip
    note("all", "exports DEU / FRA 2021", f"x{val('prt', 2021, partners=('DEU',)) / val('prt', 2021, partners=('FRA',)):.3f}")  # fmt: skip
    note("all", "imports from CHN / exports to CHN 2021", f"x{val('prt', 2021, 'import', partners=('CHN',)) / val('prt', 2021, partners=('CHN',)):.3f}")  # fmt: skip
    show("all", "HS 851762 exports 2021 vs 2001", val("prt", 2021, product="851762"), val("prt", 2001, product="851762"))  # fmt: skip
    show("all", "HS 854231 imports 2021 vs 2011",
         val("prt", 2021, "import", product="854231"), val("prt", 2011, "import", product="854231"))  # fmt: skip


if __name__ == "__main__":
    main(chile, moscow, portugal, earlier=(h15, h16, h17), new="heldout18")
