# ruff: noqa: E501
"""The true figures of the heldout21 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers, heldout13's ``goods`` and heldout20's ``_count``). Run from the repository root:
``python -m bench.check_corpus.heldout21.figures``. It prints heldout15's to heldout20's figures
first (which the keys of this part quote too) and then only what is new here; the answer keys'
notes quote these lines.
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
from bench.check_corpus.heldout20.figures import _count


def chile() -> None:
    """Chile's trade with Argentina: what heldout15-20 do not print (01, 02, 07, 08)."""
    goods("chl", 2004, 2002, [
        ("all", "import", "38", "chemical products n.e.s."),
        ("all", "import", "94", "furniture"),
        ("all", "import", "40", "rubber"),
        ("all", "export", "15", "fats and oils"),
        ("all", "export", "69", "ceramic products"),
    ])  # fmt: skip
    note("all", "import chapters over US$5 million 2004 / 2002", _count("chl", "import", 2, 5))
    note("all", "export chapters over US$3 million 2004 / 2002", _count("chl", "export", 2, 3))
    share("all", "HS 10 + 15 of imports 2004", val("chl", 2004, "import", product="10") + val("chl", 2004, "import", product="15"), val("chl", 2004, "import"))  # fmt: skip
    share("all", "HS 84 + 39 of exports 2004", val("chl", 2004, product="84") + val("chl", 2004, product="39"), val("chl", 2004))  # fmt: skip
    note("all", "imports HS 10 / exports HS 48 2004", f"x{val('chl', 2004, 'import', product='10') / val('chl', 2004, product='48'):.3f}")  # fmt: skip


def moscow() -> None:
    """Moscow's exports: what heldout15-20 do not print (03, 04, 09, 10)."""
    goods("mow", 2020, 2019, [
        ("all", "export", "8473", "parts of office machines"),
        ("all", "export", "8542", "integrated circuits"),
    ])  # fmt: skip
    show("all", "months 1-2 2020 vs 2019", val("mow", 2020, months=(1, 2)), val("mow", 2019, months=(1, 2)))  # fmt: skip
    show("all", "months 11-12 2020 vs 2019", val("mow", 2020, months=(11, 12)), val("mow", 2019, months=(11, 12)))  # fmt: skip
    share("all", "Q3 share of exports 2020", val("mow", 2020, months=(7, 9)), val("mow", 2020))  # fmt: skip
    share("all", "CHN + USA share of exports 2020", val("mow", 2020, partners=("CHN", "USA")), val("mow", 2020))  # fmt: skip
    note("all", "BLR / KAZ 2020", f"x{val('mow', 2020, partners=('BLR',)) / val('mow', 2020, partners=('KAZ',)):.3f}")  # fmt: skip
    note("all", "partners over US$20 million 2020 / 2019", _rows(
        "SELECT year, count(*) FROM (SELECT year, partner FROM mow GROUP BY ALL "
        "HAVING sum(value_usd) > 2e7) GROUP BY year ORDER BY year"))  # fmt: skip


def portugal() -> None:
    """Portugal's technology trade: what heldout15-20 do not print (05, 06, 11, 12)."""
    for new, old in [(2021, 2013), (2007, 2002), (2018, 2016)]:
        show("all", f"exports {new} vs {old}", val("prt", new), val("prt", old))
        show("all", f"imports {new} vs {old}", val("prt", new, "import"), val("prt", old, "import"))
    show("all", "turnover 2008 vs 2007", val("prt", 2008) + val("prt", 2008, "import"),
         val("prt", 2007) + val("prt", 2007, "import"))  # fmt: skip
    note("all", "years imports grew faster than 30%", [r[0] for r in _rows(
        "SELECT year FROM (SELECT year, sum(value_usd) v, lag(sum(value_usd)) OVER (ORDER BY year) p "
        "FROM prt WHERE flow = 'import' GROUP BY year) WHERE v > 1.3 * p ORDER BY year")])  # fmt: skip
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    share("all", "DEU + USA of imports 2021", val("prt", 2021, "import", partners=("DEU", "USA")), i21)  # fmt: skip
    share("all", "BEL + POL + TUR of exports 2021", val("prt", 2021, partners=("BEL", "POL", "TUR")), e21)  # fmt: skip
    note("all", "exports BEL / SWE 2021", f"x{val('prt', 2021, partners=('BEL',)) / val('prt', 2021, partners=('SWE',)):.3f}")  # fmt: skip
    show("all", "exports KOR 2021 vs 2016", val("prt", 2021, partners=("KOR",)), val("prt", 2016, partners=("KOR",)))  # fmt: skip
    show("all", "imports JPN 2021 vs 2009", val("prt", 2021, "import", partners=("JPN",)), val("prt", 2009, "import", partners=("JPN",)))  # fmt: skip


if __name__ == "__main__":
    main(chile, moscow, portugal, earlier=(h15, h16, h17, h18, h19, h20), new="heldout21")
