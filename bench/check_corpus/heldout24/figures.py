# ruff: noqa: E501
"""The true figures of the heldout24 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers, heldout13's ``goods`` and heldout22's ``_ranks``). Run from the repository root:
``python -m bench.check_corpus.heldout24.figures``. It prints heldout15's to heldout23's figures
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
    show("02 07 08", "CHL-ARG turnover 2004 vs 2002", e4 + i4, e2 + i2)
    note("02", "imports / exports 2004", f"x{i4 / e4:.3f}")
    goods("chl", 2004, 2002, [
        ("01 07", "import", "2711", "petroleum gases"),
        ("07", "import", "2710", "petroleum oils"),
        ("07", "import", "1005", "maize"),
        ("01 02", "import", "10", "cereals"),
        ("02 08", "import", "15", "fats and oils"),
        ("02 08", "import", "27", "mineral fuels"),
        ("02", "import", "87", "vehicles"),
        ("02", "import", "39", "plastics"),
        ("02 07 08", "import", "17", "sugars and sugar confectionery"),
        ("01", "export", "48", "paper and paperboard"),
        ("01", "export", "84", "machinery"),
        ("01 07", "export", "30", "pharmaceutical products"),
        ("01 08", "export", "39", "plastics"),
        ("01", "export", "87", "vehicles"),
        ("01 07 08", "export", "73", "articles of iron or steel"),
        ("01 07", "export", "49", "printed books"),
        ("07 08", "export", "44", "wood"),
        ("07 08", "export", "74", "copper"),
        ("08", "export", "47", "pulp of wood"),
    ])  # fmt: skip
    note("01", "export chapters 2004 by value", _ranks("chl", 2004, "left(product, 2)")[:8])
    note(
        "02 08",
        "import chapters 2004 by value",
        _ranks("chl", 2004, "left(product, 2)", "import")[:4],
    )
    note("01", "export chapters over US$10 million 2004", _rows(
        "SELECT count(*) FROM (SELECT left(product, 2) FROM chl WHERE year = 2004 AND flow = 'export' "
        "GROUP BY 1 HAVING sum(value_usd) > 1e7)"))  # fmt: skip
    for code in ("48", "30", "74"):
        e, i = val("chl", 2004, product=code), val("chl", 2004, "import", product=code)
        note(
            "02 07 08",
            f"HS {code} 2004 exports, imports, balance",
            f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}",
        )
    note("01 02 08", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (03, 04, 09, 10)."""
    show("03 04 09", "Moscow exports 2020 vs 2019", val("mow", 2020), val("mow", 2019))
    for a, b in [(1, 3), (4, 6), (7, 12), (10, 12), (11, 11)]:
        show("03 04 09 10", f"months {a}-{b} 2020 vs 2019", val("mow", 2020, months=(a, b)), val("mow", 2019, months=(a, b)))  # fmt: skip
    note("03 04 09 10", "monthly values 2020", _rows(
        "SELECT month, round(sum(value_usd) / 1e6, 2) FROM mow WHERE year = 2020 GROUP BY month ORDER BY month"))  # fmt: skip
    for p in ("CHN", "JPN", "DEU", "USA", "BLR", "IND", "KOR", "FRA", "ITA", "KAZ", "GBR", "ARE",
              "MYS", "IDN", "VNM", "THA", "MNG"):  # fmt: skip
        show("03 09 10", f"{p} 2020 vs 2019", val("mow", 2020, partners=(p,)), val("mow", 2019, partners=(p,)))  # fmt: skip
    share("09", "CHN of exports 2020", val("mow", 2020, partners=("CHN",)), val("mow", 2020))
    note("03", "partners 2020 by value", [p for p, _ in _ranks("mow", 2020, "partner")])
    note("03 09", "partners 2019 / 2020", _rows("SELECT year, count(DISTINCT partner) FROM mow GROUP BY year ORDER BY year"))  # fmt: skip
    note("09", "partners 2020 by growth on 2019 (new partners first)", [(p, None if g is None else round(g, 2)) for p, g in _rows(
        "SELECT partner, 100 * (sum(value_usd) FILTER (year = 2020) / sum(value_usd) FILTER (year = 2019) - 1) g "
        "FROM mow GROUP BY partner ORDER BY g DESC NULLS FIRST")])  # fmt: skip
    note("09", "partners that grew faster than 50% 2020 vs 2019 (MNG, new, not counted)", _rows(
        "SELECT count(*) FROM (SELECT partner FROM mow GROUP BY partner "
        "HAVING sum(value_usd) FILTER (year = 2020) > 1.5 * sum(value_usd) FILTER (year = 2019))"))  # fmt: skip
    note("10", "partners over US$100 million 2020", _rows(
        "SELECT count(*) FROM (SELECT partner FROM mow WHERE year = 2020 GROUP BY partner HAVING sum(value_usd) > 1e8)"))  # fmt: skip
    e20 = val("mow", 2020)
    for code in ("84", "90"):
        show(
            "04 09",
            f"HS {code} 2020 vs 2019",
            val("mow", 2020, product=code),
            val("mow", 2019, product=code),
        )
        share("04 09", f"HS {code} of exports 2020", val("mow", 2020, product=code), e20)
    goods("mow", 2020, 2019, [
        ("04", "export", "8411", "turbojets"),
        ("04 10", "export", "8471", "computers"),
        ("04", "export", "9010", "photographic laboratory apparatus"),
        ("04", "export", "9014", "navigational instruments"),
        ("04", "export", "8518", "loudspeakers and headphones"),
        ("04", "export", "8528", "monitors and television sets"),
        ("10", "export", "8470", "calculators and cash registers"),
        ("10", "export", "9018", "medical instruments"),
        ("10", "export", "9006", "photographic cameras"),
        ("10", "export", "9012", "microscopes other than optical"),
        ("10", "export", "9004", "spectacles"),
        ("10", "export", "8525", "transmitters"),
        ("10", "export", "8443", "printers and copiers"),
    ])  # fmt: skip
    note("04 10", "headings 2020 by value", _ranks("mow", 2020, "left(product, 4)")[:9])
    note("04", "headings over US$100 million 2020", _rows(
        "SELECT count(*) FROM (SELECT left(product, 4) FROM mow WHERE year = 2020 GROUP BY 1 HAVING sum(value_usd) > 1e8)"))  # fmt: skip


def portugal() -> None:
    """Portugal's technology trade (05, 06, 11, 12)."""
    note("05 06 11 12", "year, exports, imports, deficit", [(y, round(e, 2), round(i, 2), round(i - e, 2)) for y, e, i in _rows(
        "SELECT year, sum(value_usd) FILTER (flow = 'export') / 1e6, sum(value_usd) FILTER (flow = 'import') / 1e6 "
        "FROM prt GROUP BY year ORDER BY year")])  # fmt: skip
    for new, old in [(2021, 2020), (2021, 2018), (2019, 2018), (2009, 2008), (2003, 2002)]:
        show("05 06 11 12", f"exports {new} vs {old}", val("prt", new), val("prt", old))
        show(
            "05 06 11",
            f"imports {new} vs {old}",
            val("prt", new, "import"),
            val("prt", old, "import"),
        )
    show("12", "turnover 2021 vs 2020", val("prt", 2021) + val("prt", 2021, "import"),
         val("prt", 2020) + val("prt", 2020, "import"))  # fmt: skip
    note("05", "years exports fell", [r[0] for r in _rows(
        "SELECT year FROM (SELECT year, sum(value_usd) v, lag(sum(value_usd)) OVER (ORDER BY year) p "
        "FROM prt WHERE flow = 'export' GROUP BY year) WHERE v < p ORDER BY year")])  # fmt: skip
    note("05", "years imports fell", [r[0] for r in _rows(
        "SELECT year FROM (SELECT year, sum(value_usd) v, lag(sum(value_usd)) OVER (ORDER BY year) p "
        "FROM prt WHERE flow = 'import' GROUP BY year) WHERE v < p ORDER BY year")])  # fmt: skip
    note("05 06 12", "years whose deficit is at most 2021's", _rows(
        "SELECT year FROM prt GROUP BY year HAVING sum(value_usd) FILTER (flow = 'import') - sum(value_usd) FILTER (flow = 'export') "
        "<= 86e6 ORDER BY year"))  # fmt: skip
    note("06 11 12", "export partners 2021 by value", _ranks("prt", 2021, "partner"))
    note("11 12", "import partners 2021 by value", _ranks("prt", 2021, "partner", "import"))
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    share("05 06", "NLD of exports 2021", val("prt", 2021, partners=("NLD",)), e21)
    for p in ("CHN", "DEU"):
        share("05 06 12", f"{p} of imports 2021", val("prt", 2021, "import", partners=(p,)), i21)
    note("06", "imports CHN / DEU 2021", f"x{val('prt', 2021, 'import', partners=('CHN',)) / val('prt', 2021, 'import', partners=('DEU',)):.3f}")  # fmt: skip
    for p in ("NLD", "USA", "JPN"):
        show(
            "06 12",
            f"exports {p} 2021 vs 2020",
            val("prt", 2021, partners=(p,)),
            val("prt", 2020, partners=(p,)),
        )
    show(
        "12",
        "exports POL 2021 vs 2018",
        val("prt", 2021, partners=("POL",)),
        val("prt", 2018, partners=("POL",)),
    )
    for p in ("USA", "KOR"):
        show("06 11 12", f"imports {p} 2021 vs 2020", val("prt", 2021, "import", partners=(p,)), val("prt", 2020, "import", partners=(p,)))  # fmt: skip
    for code in ("854231", "851762", "300490"):
        share("11", f"HS {code} of exports 2021", val("prt", 2021, product=code), e21)
    for p in ("NLD", "CHN"):
        e, i = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note("12", f"{p} 2021 exports, imports, balance", f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}")
    note("12", "export partners over US$200 million 2021", _rows(
        "SELECT count(*) FROM (SELECT partner FROM prt WHERE year = 2021 AND flow = 'export' GROUP BY partner "
        "HAVING sum(value_usd) > 2e8)"))  # fmt: skip
    note("05 06 11 12", "partners loaded", _rows("SELECT DISTINCT partner FROM prt ORDER BY 1"))


def _new_only() -> None:
    """Only this part's figures (``--new``), without heldout15-23's."""
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
            earlier=(h15, h16, h17, h18, h19, h20, h21, h22, h23),
            new="heldout24",
        )
