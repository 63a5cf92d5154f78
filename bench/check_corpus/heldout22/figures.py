# ruff: noqa: E501
"""The true figures of the heldout22 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers, heldout13's ``goods`` and heldout20's ``_count``). Run from the repository root:
``python -m bench.check_corpus.heldout22.figures``. It prints heldout15's to heldout21's figures
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
from bench.check_corpus.heldout21 import figures as h21


def _ranks(table: str, year: int, key: str, flow: str = "export") -> list[tuple[str, float]]:
    """(item, US$ million) of ``key`` (an SQL expression) in one year and flow, largest first."""
    return [(k, round(v, 2)) for k, v in _rows(
        f"SELECT {key} k, sum(value_usd) / 1e6 v FROM {table} WHERE year = {year} "
        f"AND flow = '{flow}' GROUP BY k ORDER BY v DESC")]  # fmt: skip


def chile() -> None:
    """Chile's trade with Argentina: what heldout15-21 do not print (01, 02, 07, 08)."""
    goods("chl", 2004, 2002, [
        ("all", "import", "2710", "petroleum oils"),
        ("all", "import", "2711", "petroleum gases"),
        ("all", "import", "1005", "maize"),
        ("all", "import", "1517", "margarine and edible blends"),
        ("all", "import", "17", "sugars and sugar confectionery"),
        ("all", "import", "18", "cocoa"),
        ("all", "import", "19", "cereal preparations"),
        ("all", "import", "1905", "bread and biscuits"),
        ("all", "export", "03", "fish"),
        ("all", "export", "20", "preparations of vegetables and fruit"),
        ("all", "export", "2204", "wine"),
        ("all", "export", "94", "furniture"),
        ("all", "export", "87", "vehicles"),
    ])  # fmt: skip
    note(
        "all",
        "import chapters by value 2004",
        _ranks("chl", 2004, "left(product, 2)", "import")[:6],
    )
    note(
        "all",
        "import chapters by value 2002",
        _ranks("chl", 2002, "left(product, 2)", "import")[:6],
    )
    share("all", "HS 2711 of imports 2004", val("chl", 2004, "import", product="2711"), val("chl", 2004, "import"))  # fmt: skip
    share("all", "HS 1517 of HS 15 imports 2004", val("chl", 2004, "import", product="1517"), val("chl", 2004, "import", product="15"))  # fmt: skip
    note("all", "HS 48 2004 imports / exports", f"x{val('chl', 2004, 'import', product='48') / val('chl', 2004, product='48'):.3f}")  # fmt: skip
    e, i = val("chl", 2004, product="40"), val("chl", 2004, "import", product="40")
    note("all", "HS 40 2004 exports, imports, balance", f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}")


def moscow() -> None:
    """Moscow's exports: what heldout15-21 do not print (03, 04, 09, 10)."""
    goods("mow", 2020, 2019, [
        ("all", "export", "8411", "turbojets and gas turbines"),
        ("all", "export", "8518", "microphones and loudspeakers"),
        ("all", "export", "8528", "monitors and television sets"),
    ])  # fmt: skip
    for a, b in [(1, 3), (4, 6), (7, 9), (10, 12), (7, 12), (1, 1), (8, 8), (9, 9), (12, 12)]:
        show("all", f"months {a}-{b} 2020 vs 2019", val("mow", 2020, months=(a, b)), val("mow", 2019, months=(a, b)))  # fmt: skip
    show("all", "months 10-12 2020 vs months 7-9 2020", val("mow", 2020, months=(10, 12)), val("mow", 2020, months=(7, 9)))  # fmt: skip
    note("all", "partners 2020 by value", _ranks("mow", 2020, "partner"))
    note("all", "partners 2019 by value", _ranks("mow", 2019, "partner"))
    note("all", "partner growth 2020 vs 2019, slowest first", [(p, round(g, 2)) for p, g in _rows(
        "SELECT partner, 100 * (sum(value_usd) FILTER (year = 2020) / sum(value_usd) FILTER (year = 2019) - 1) g "
        "FROM mow GROUP BY partner HAVING sum(value_usd) FILTER (year = 2019) > 0 ORDER BY g")])  # fmt: skip
    note("all", "partners 2020 / 2019", _rows("SELECT year, count(DISTINCT partner) FROM mow GROUP BY year ORDER BY year"))  # fmt: skip
    share("all", "CHN + JPN of exports 2020", val("mow", 2020, partners=("CHN", "JPN")), val("mow", 2020))  # fmt: skip
    show("all", "VNM + THA + BGD + MNG 2020", val("mow", 2020, partners=("VNM", "THA", "BGD", "MNG")))  # fmt: skip
    note("all", "IND / KAZ 2020", f"x{val('mow', 2020, partners=('IND',)) / val('mow', 2020, partners=('KAZ',)):.3f}")  # fmt: skip


def portugal() -> None:
    """Portugal's technology trade: what heldout15-21 do not print (05, 06, 11, 12)."""
    note("all", "year, exports, imports, balance", [(y, round(e, 2), round(i, 2), round(e - i, 2)) for y, e, i in _rows(
        "SELECT year, sum(value_usd) FILTER (flow = 'export') / 1e6, sum(value_usd) FILTER (flow = 'import') / 1e6 "
        "FROM prt GROUP BY year ORDER BY year")])  # fmt: skip
    for new, old in [(2021, 2001), (2021, 2018), (2019, 2018), (2009, 2008), (2012, 2011)]:
        show("all", f"exports {new} vs {old}", val("prt", new), val("prt", old))
        show("all", f"imports {new} vs {old}", val("prt", new, "import"), val("prt", old, "import"))
    show("all", "turnover 2021 vs 2020", val("prt", 2021) + val("prt", 2021, "import"),
         val("prt", 2020) + val("prt", 2020, "import"))  # fmt: skip
    note("all", "export partners 2021 by value", _ranks("prt", 2021, "partner"))
    note("all", "import partners 2021 by value", _ranks("prt", 2021, "partner", "import"))
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    for code in ("8542", "8517", "3004"):
        share("all", f"HS {code} of exports 2021", val("prt", 2021, product=code), e21)
    share("all", "CHN + DEU + USA of imports 2021", val("prt", 2021, "import", partners=("CHN", "DEU", "USA")), i21)  # fmt: skip
    share("all", "NLD of exports 2021", val("prt", 2021, partners=("NLD",)), e21)
    share("all", "CHN of imports 2021", val("prt", 2021, "import", partners=("CHN",)), i21)
    note("all", "exports NLD / (DEU + FRA) 2021", f"x{val('prt', 2021, partners=('NLD',)) / val('prt', 2021, partners=('DEU', 'FRA')):.3f}")  # fmt: skip
    for p in ("NLD", "DEU", "CHN", "KOR"):
        e, i = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note("all", f"{p} 2021 exports, imports, balance, imports / exports", f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}, x{i / e:.3f}")  # fmt: skip
    note("all", "export partners over US$300 million 2021", [r[0] for r in _rows(
        "SELECT partner FROM prt WHERE year = 2021 AND flow = 'export' GROUP BY partner "
        "HAVING sum(value_usd) > 3e8 ORDER BY sum(value_usd) DESC")])  # fmt: skip


if __name__ == "__main__":
    main(chile, moscow, portugal, earlier=(h15, h16, h17, h18, h19, h20, h21), new="heldout22")
