# ruff: noqa: E501
"""The true figures of the heldout20 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers and heldout13's ``goods``). Run from the repository root:
``python -m bench.check_corpus.heldout20.figures``. It prints heldout15's, heldout16's, heldout17's,
heldout18's and heldout19's figures first (which the keys of this part quote too) and then only
what is new here; the answer keys' notes quote these lines.
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


def _count(
    table: str, flow: str, level: int, over: float, where: str = ""
) -> list[tuple[int, int]]:
    """(year, how many codes of ``level`` digits of ``flow`` exceed ``over`` US$ million)."""
    return _rows(
        f"SELECT year, count(*) FROM (SELECT year, left(product, {level}) c FROM {table} "
        f"WHERE flow = '{flow}' {where} GROUP BY ALL HAVING sum(value_usd) > {over * 1e6}) "
        "GROUP BY year ORDER BY year"
    )


def chile() -> None:
    """Chile's trade with Argentina: what heldout15-19 do not print (01, 02, 07, 08)."""
    goods("chl", 2004, 2002, [
        ("all", "import", "34", "soap and detergents"),
        ("all", "import", "61", "knitted apparel"),
        ("all", "import", "44", "wood"),
        ("all", "export", "34", "soap and detergents"),
        ("all", "export", "21", "miscellaneous edible preparations"),
        ("all", "export", "90", "instruments"),
        ("all", "export", "19", "cereal preparations"),
    ])  # fmt: skip
    note("all", "import chapters over US$20 million 2004 / 2002", _count("chl", "import", 2, 20))
    note("all", "export chapters over US$2 million 2004 / 2002", _count("chl", "export", 2, 2))
    share("all", "HS 27 + 87 of imports 2004", val("chl", 2004, "import", product="27") + val("chl", 2004, "import", product="87"), val("chl", 2004, "import"))  # fmt: skip
    share("all", "HS 48 + 30 of exports 2004", val("chl", 2004, product="48") + val("chl", 2004, product="30"), val("chl", 2004))  # fmt: skip
    note("all", "imports HS 15 / imports HS 87 2004", f"x{val('chl', 2004, 'import', product='15') / val('chl', 2004, 'import', product='87'):.3f}")  # fmt: skip
    for c in ("44", "70", "34"):
        e, i = val("chl", 2004, product=c), val("chl", 2004, "import", product=c)
        note("all", f"HS {c} 2004 exports, imports, exports - imports", f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}")  # fmt: skip


def moscow() -> None:
    """Moscow's exports: what heldout15-19 do not print (03, 04, 09, 10)."""
    goods("mow", 2020, 2019, [
        ("all", "export", "9007", "cinematographic cameras and projectors"),
        ("all", "export", "9016", "precision balances"),
        ("all", "export", "9019", "mechano-therapy appliances"),
        ("all", "export", "9021", "orthopaedic appliances"),
        ("all", "export", "8540", "thermionic valves and tubes"),
    ])  # fmt: skip
    show("all", "October 2020 vs September 2020", val("mow", 2020, months=(10, 10)), val("mow", 2020, months=(9, 9)))  # fmt: skip
    show("all", "months 1-4 2020 vs 2019", val("mow", 2020, months=(1, 4)), val("mow", 2019, months=(1, 4)))  # fmt: skip
    show("all", "months 7-8 2020 vs 2019", val("mow", 2020, months=(7, 8)), val("mow", 2019, months=(7, 8)))  # fmt: skip
    share("all", "H2 share of exports 2020", val("mow", 2020, months=(7, 12)), val("mow", 2020))  # fmt: skip
    share("all", "Q1 share of exports 2019", val("mow", 2019, months=(1, 3)), val("mow", 2019))  # fmt: skip
    share("all", "JPN + DEU share of exports 2020", val("mow", 2020, partners=("JPN", "DEU")), val("mow", 2020))  # fmt: skip
    show("all", "TUR + ARE + EGY + IND 2020 vs 2019",
         val("mow", 2020, partners=("TUR", "ARE", "EGY", "IND")), val("mow", 2019, partners=("TUR", "ARE", "EGY", "IND")))  # fmt: skip
    note("all", "KOR / KAZ 2020", f"x{val('mow', 2020, partners=('KOR',)) / val('mow', 2020, partners=('KAZ',)):.3f}")  # fmt: skip
    note("all", "DEU / ITA 2020", f"x{val('mow', 2020, partners=('DEU',)) / val('mow', 2020, partners=('ITA',)):.3f}")  # fmt: skip
    note("all", "partners over US$30 million 2020 / 2019", _rows(
        "SELECT year, count(*) FROM (SELECT year, partner FROM mow GROUP BY ALL "
        "HAVING sum(value_usd) > 3e7) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "HS 85 headings over US$100 million 2020 / 2019", _count("mow", "export", 4, 100, "AND product LIKE '85%'"))  # fmt: skip


def portugal() -> None:
    """Portugal's technology trade: what heldout15-19 do not print (05, 06, 11, 12)."""
    for new, old in [(2021, 2014), (2003, 2001), (2012, 2011), (2020, 2010)]:
        show("all", f"exports {new} vs {old}", val("prt", new), val("prt", old))
        show("all", f"imports {new} vs {old}", val("prt", new, "import"), val("prt", old, "import"))
    show("all", "turnover 2021 vs 2014", val("prt", 2021) + val("prt", 2021, "import"),
         val("prt", 2014) + val("prt", 2014, "import"))  # fmt: skip
    note("all", "years with a deficit over 300 million", [r[0] for r in _rows(
        "SELECT year FROM prt GROUP BY year HAVING sum(value_usd) FILTER (WHERE flow = 'import') "
        "- sum(value_usd) FILTER (WHERE flow = 'export') > 3e8 ORDER BY year")])  # fmt: skip
    note("all", "years exports grew faster than 5%", [r[0] for r in _rows(
        "SELECT year FROM (SELECT year, sum(value_usd) v, lag(sum(value_usd)) OVER (ORDER BY year) p "
        "FROM prt WHERE flow = 'export' GROUP BY year) WHERE v > 1.05 * p ORDER BY year")])  # fmt: skip
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    share("all", "FRA + ESP of exports 2021", val("prt", 2021, partners=("FRA", "ESP")), e21)  # fmt: skip
    share("all", "USA + NLD of imports 2021", val("prt", 2021, "import", partners=("USA", "NLD")), i21)  # fmt: skip
    note("all", "exports ESP / POL 2021", f"x{val('prt', 2021, partners=('ESP',)) / val('prt', 2021, partners=('POL',)):.3f}")  # fmt: skip
    note("all", "imports from DEU / exports to DEU 2021", f"x{val('prt', 2021, 'import', partners=('DEU',)) / val('prt', 2021, partners=('DEU',)):.3f}")  # fmt: skip
    note("all", "imports CHN / exports all to CHN + JPN 2021", f"x{val('prt', 2021, 'import', partners=('CHN',)) / val('prt', 2021, partners=('CHN', 'JPN')):.3f}")  # fmt: skip
    show("all", "imports NLD 2021 vs 2011", val("prt", 2021, "import", partners=("NLD",)), val("prt", 2011, "import", partners=("NLD",)))  # fmt: skip
    show("all", "exports TUR 2021 vs 2018", val("prt", 2021, partners=("TUR",)), val("prt", 2018, partners=("TUR",)))  # fmt: skip
    show("all", "HS 854231 exports 2021 vs 2019", val("prt", 2021, product="854231"), val("prt", 2019, product="854231"))  # fmt: skip
    show("all", "HS 300490 imports 2021 vs 2014", val("prt", 2021, "import", product="300490"), val("prt", 2014, "import", product="300490"))  # fmt: skip


if __name__ == "__main__":
    main(chile, moscow, portugal, earlier=(h15, h16, h17, h18, h19), new="heldout20")
