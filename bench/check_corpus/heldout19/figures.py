# ruff: noqa: E501
"""The true figures of the heldout19 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers and heldout13's ``goods``). Run from the repository root:
``python -m bench.check_corpus.heldout19.figures``. It prints heldout15's, heldout16's, heldout17's
and heldout18's figures first (which the keys of this part quote too) and then only what is new
here; the answer keys' notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import main, note, share, show, val
from bench.check_corpus.heldout8.figures import _rows
from bench.check_corpus.heldout13.figures import goods
from bench.check_corpus.heldout15 import figures as h15
from bench.check_corpus.heldout16 import figures as h16
from bench.check_corpus.heldout17 import figures as h17
from bench.check_corpus.heldout18 import figures as h18


def chile() -> None:
    """Chile's trade with Argentina: what heldout15-18 do not print (01, 02, 07, 08)."""
    goods("chl", 2004, 2002, [
        ("all", "import", "20", "prepared vegetables and fruit"),
        ("all", "import", "74", "copper"),
        ("all", "import", "59", "coated textile fabrics"),
        ("all", "export", "96", "miscellaneous manufactures"),
        ("all", "export", "55", "man-made staple fibres"),
        ("all", "export", "04", "dairy"),
        ("all", "export", "12", "oil seeds"),
    ])  # fmt: skip
    note("all", "export chapters over US$1 million 2004 / 2002", _rows(
        "SELECT year, count(*) FROM (SELECT year, left(product, 2) c FROM chl WHERE flow = 'export' "
        "GROUP BY ALL HAVING sum(value_usd) > 1e6) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "import chapters over US$10 million 2004 / 2002", _rows(
        "SELECT year, count(*) FROM (SELECT year, left(product, 2) c FROM chl WHERE flow = 'import' "
        "GROUP BY ALL HAVING sum(value_usd) > 1e7) GROUP BY year ORDER BY year"))  # fmt: skip
    share("all", "HS 87 + 84 + 85 of imports 2004",
          sum(val("chl", 2004, "import", product=c) for c in ("87", "84", "85")), val("chl", 2004, "import"))  # fmt: skip
    share("all", "HS 30 + 40 + 87 of exports 2004",
          sum(val("chl", 2004, product=c) for c in ("30", "40", "87")), val("chl", 2004))  # fmt: skip
    note("all", "imports HS 2711 / all exports 2004", f"x{val('chl', 2004, 'import', product='2711') / val('chl', 2004):.3f}")  # fmt: skip
    note("all", "HS 87 2004 imports / exports", f"x{val('chl', 2004, 'import', product='87') / val('chl', 2004, product='87'):.3f}")  # fmt: skip
    for c in ("33", "96", "38"):
        e, i = val("chl", 2004, product=c), val("chl", 2004, "import", product=c)
        note("all", f"HS {c} 2004 exports, imports, exports - imports", f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}")  # fmt: skip


def moscow() -> None:
    """Moscow's exports: what heldout15-18 do not print (03, 04, 09, 10)."""
    goods("mow", 2020, 2019, [
        ("all", "export", "8525", "transmission apparatus and cameras"),
        ("all", "export", "8526", "radar and radio navigation"),
        ("all", "export", "9010", "photographic laboratory apparatus"),
        ("all", "export", "9017", "drawing and measuring instruments"),
        ("all", "export", "8521", "video recorders"),
    ])  # fmt: skip
    show("all", "September 2020 vs August 2020", val("mow", 2020, months=(9, 9)), val("mow", 2020, months=(8, 8)))  # fmt: skip
    show("all", "Q2 2020 vs Q1 2020", val("mow", 2020, months=(4, 6)), val("mow", 2020, months=(1, 3)))  # fmt: skip
    show("all", "months 9-12 2020 vs 2019", val("mow", 2020, months=(9, 12)), val("mow", 2019, months=(9, 12)))  # fmt: skip
    share("all", "months 9-12 share of exports 2020", val("mow", 2020, months=(9, 12)), val("mow", 2020))  # fmt: skip
    show("all", "GBR + FRA + ITA 2020 vs 2019",
         val("mow", 2020, partners=("GBR", "FRA", "ITA")), val("mow", 2019, partners=("GBR", "FRA", "ITA")))  # fmt: skip
    share("all", "IND + KAZ share of exports 2020", val("mow", 2020, partners=("IND", "KAZ")), val("mow", 2020))  # fmt: skip
    note("all", "partners under US$10 million 2020 / 2019", _rows(
        "SELECT year, count(*) FROM (SELECT year, partner FROM mow GROUP BY ALL "
        "HAVING sum(value_usd) < 1e7) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "HS 90 headings over US$40 million 2020 / 2019", _rows(
        "SELECT year, count(*) FROM (SELECT year, left(product, 4) h FROM mow WHERE product LIKE '90%' "
        "GROUP BY ALL HAVING sum(value_usd) > 4e7) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "CHN / USA 2020", f"x{val('mow', 2020, partners=('CHN',)) / val('mow', 2020, partners=('USA',)):.3f}")  # fmt: skip
    note("all", "HS 8411 / HS 8518 2020", f"x{val('mow', 2020, product='8411') / val('mow', 2020, product='8518'):.3f}")  # fmt: skip


def portugal() -> None:
    """Portugal's technology trade: what heldout15-18 do not print (05, 06, 11, 12)."""
    for new, old in [(2013, 2003), (2009, 2008), (2016, 2006), (2021, 2017)]:
        show("all", f"exports {new} vs {old}", val("prt", new), val("prt", old))
        show("all", f"imports {new} vs {old}", val("prt", new, "import"), val("prt", old, "import"))
    show("all", "turnover 2016 vs 2006", val("prt", 2016) + val("prt", 2016, "import"),
         val("prt", 2006) + val("prt", 2006, "import"))  # fmt: skip
    note("all", "years with a deficit under 200 million", [r[0] for r in _rows(
        "SELECT year FROM prt GROUP BY year HAVING sum(value_usd) FILTER (WHERE flow = 'import') "
        "- sum(value_usd) FILTER (WHERE flow = 'export') < 2e8 ORDER BY year")])  # fmt: skip
    note("all", "years imports grew faster than 20%", [r[0] for r in _rows(
        "SELECT year FROM (SELECT year, sum(value_usd) v, lag(sum(value_usd)) OVER (ORDER BY year) p "
        "FROM prt WHERE flow = 'import' GROUP BY year) WHERE v > 1.2 * p ORDER BY year")])  # fmt: skip
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    share("all", "GBR + SWE + BEL of exports 2021", val("prt", 2021, partners=("GBR", "SWE", "BEL")), e21)  # fmt: skip
    share("all", "KOR + JPN of imports 2021", val("prt", 2021, "import", partners=("KOR", "JPN")), i21)  # fmt: skip
    note("all", "exports NLD / USA 2021", f"x{val('prt', 2021, partners=('NLD',)) / val('prt', 2021, partners=('USA',)):.3f}")  # fmt: skip
    note("all", "imports DEU / KOR 2021", f"x{val('prt', 2021, 'import', partners=('DEU',)) / val('prt', 2021, 'import', partners=('KOR',)):.3f}")  # fmt: skip
    show("all", "exports SWE 2021 vs 2019", val("prt", 2021, partners=("SWE",)), val("prt", 2019, partners=("SWE",)))  # fmt: skip
    show("all", "imports KOR 2021 vs 2019", val("prt", 2021, "import", partners=("KOR",)), val("prt", 2019, "import", partners=("KOR",)))  # fmt: skip
    show("all", "HS 300490 exports 2021 vs 2011", val("prt", 2021, product="300490"), val("prt", 2011, product="300490"))  # fmt: skip
    show("all", "HS 851762 imports 2021 vs 2019",
         val("prt", 2021, "import", product="851762"), val("prt", 2019, "import", product="851762"))  # fmt: skip


if __name__ == "__main__":
    main(chile, moscow, portugal, earlier=(h15, h16, h17, h18), new="heldout19")
