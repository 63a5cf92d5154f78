# ruff: noqa: E501
"""The true figures of the heldout11 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers). Run from the repository root: ``python -m bench.check_corpus.heldout11.figures``. It
prints heldout10's figures first (``chile()``, ``moscow()``, ``portugal()``, which the keys of
this part quote too) and then only what is new here; the answer keys' notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import (
    EUROPE,
    main,
    note,
    share,
    show,
    val,
)
from bench.check_corpus.heldout8.figures import _rank, _rows
from bench.check_corpus.heldout10 import figures as h10


def chile() -> None:
    """Chile's trade with Argentina: what heldout10 does not print (articles 01, 05, 08, 10, 14)."""
    x2, x4 = val("chl", 2002), val("chl", 2004)
    m2, m4 = val("chl", 2002, "import"), val("chl", 2004, "import")
    note("05 10", "exports minus imports 2002, 2004", f"{x2 - m2:,.2f}, {x4 - m4:,.2f}")
    share("01 14", "exports of turnover 2002", x2, x2 + m2)
    share("14", "exports of turnover 2004", x4, x4 + m4)
    note(
        "14",
        "HS 7326 exports 2002 / 2004",
        f"x{val('chl', 2002, product='7326') / val('chl', 2004, product='7326'):.2f}",
    )
    for a, flow, code, label in [
        ("01 10", "export", "40", "rubber"),
        ("01 14", "export", "85", "electrical machinery"),
        ("05 08", "export", "3006", "pharmaceutical goods"),
        ("05 08", "export", "28", "inorganic chemicals"),
        ("08 14", "export", "7326", "other articles of iron or steel"),
        ("10 14", "import", "39", "plastics"),
        ("01 10", "import", "87", "vehicles"),
        ("05 14", "import", "9619", "heading 9619"),
        ("05 08", "import", "04", "dairy"),
        ("08", "import", "3901", "polymers of ethylene"),
    ]:
        new, old = val("chl", 2004, flow, product=code), val("chl", 2002, flow, product=code)
        show(a, f"{flow}s HS {code} {label} 2004 vs 2002", new, old)
        total, total2 = (x4, x2) if flow == "export" else (m4, m2)
        note(a, "  share of flow 2004 / 2002; rank at its level 2004 / 2002",
             f"{100 * new / total:.2f}% / {100 * old / total2:.2f}%; rank {_rank('chl', 2004, code, flow)}"
             f" / {_rank('chl', 2002, code, flow)}")  # fmt: skip
    note("01 05 08 10 14", "HS6 lines, headings, chapters with value by year and flow", _rows(
        "SELECT year, flow, count(DISTINCT product), count(DISTINCT left(product, 4)), "
        "count(DISTINCT left(product, 2)) FROM chl WHERE value_usd > 0 GROUP BY ALL ORDER BY ALL"))  # fmt: skip
    note("05 10", "export chapters over 10 million by year", _rows(
        "SELECT year, count(*), list(c ORDER BY c) FROM (SELECT year, left(product, 2) c FROM chl "
        "WHERE flow = 'export' GROUP BY ALL HAVING sum(value_usd) > 10e6) GROUP BY year ORDER BY year"))  # fmt: skip
    note("08 14", "import chapters over 100 million by year", _rows(
        "SELECT year, count(*), list(c ORDER BY c) FROM (SELECT year, left(product, 2) c FROM chl "
        "WHERE flow = 'import' GROUP BY ALL HAVING sum(value_usd) > 100e6) GROUP BY year ORDER BY year"))  # fmt: skip
    gas = val("chl", 2004, "import", product="2711") + val("chl", 2004, "import", product="2710")
    share("01 10 14", "imports 2710 + 2711 2004 of all imports", gas, m4)
    share("08", "exports ch 48 + 84 + 27 2004 of all exports", sum(
        val("chl", 2004, product=c) for c in ("48", "84", "27")), x4)  # fmt: skip


def moscow() -> None:
    """Moscow's exports: what heldout10 does not print (articles 03, 06, 09, 12, 15)."""
    t19, t20 = val("mow", 2019), val("mow", 2020)
    eu19, eu20 = val("mow", 2019, partners=EUROPE), val("mow", 2020, partners=EUROPE)
    show("03 09 12", "Europe (M49: DEU FRA ITA GBR BLR) 2020 vs 2019", eu20, eu19)
    share("03 09 12", "  Europe share 2020", eu20, t20)
    share("03 09 12", "  Europe share 2019", eu19, t19)
    show(
        "06 15",
        "Q3 2020 vs Q2 2020",
        val("mow", 2020, months=(7, 9)),
        val("mow", 2020, months=(4, 6)),
    )
    show(
        "06 15",
        "Q4 2020 vs Q3 2020",
        val("mow", 2020, months=(10, 12)),
        val("mow", 2020, months=(7, 9)),
    )
    share("06 15", "H2 2020 of the year", val("mow", 2020, months=(7, 12)), t20)
    note("03 06 09 12 15", "partners over 50 million by year", _rows(
        "SELECT year, count(*), list(partner ORDER BY partner) FROM (SELECT year, partner FROM mow "
        "GROUP BY ALL HAVING sum(value_usd) > 50e6) GROUP BY year ORDER BY year"))  # fmt: skip
    top5 = val("mow", 2020, partners=("CHN", "JPN", "DEU", "USA", "BLR"))
    share("12", f"five largest partners 2020 (CHN JPN DEU USA BLR, {top5:,.2f})", top5, t20)
    cj = val("mow", 2020, partners=("CHN", "JPN"))
    share("03 09 15", f"CHN + JPN 2020 ({cj:,.2f})", cj, t20)
    note("06 12", "CHN / USA 2020, JPN / KOR 2020", f"x{val('mow', 2020, partners=('CHN',)) / val('mow', 2020, partners=('USA',)):.3f}, "
         f"x{val('mow', 2020, partners=('JPN',)) / val('mow', 2020, partners=('KOR',)):.3f}")  # fmt: skip
    note("03", "HS 8411 rank of headings 2019 / 2020",
         f"{_rank('mow', 2019, '8411', 'export')} / {_rank('mow', 2020, '8411', 'export')}")  # fmt: skip
    for code in ("9018", "8517", "8542"):
        new, old = val("mow", 2020, product=code), val("mow", 2019, product=code)
        show(
            "09 15",
            f"HS {code} (rank {_rank('mow', 2020, code, 'export')} of headings 2020)",
            new,
            old,
        )


def portugal() -> None:
    """Portugal's technology trade: what heldout10 does not print (articles 02, 04, 07, 11, 13, 16)."""
    x = {y: val("prt", y) for y in range(2001, 2022)}
    i = {y: val("prt", y, "import") for y in range(2001, 2022)}
    d = {y: i[y] - x[y] for y in x}
    for y in (2007, 2011, 2016, 2020):
        lower = [p for p in d if p < y and d[p] <= d[y]]
        note(
            "04 11 16",
            f"deficit {y} {d[y]:.2f}: lowest since",
            max(lower) if lower else "the start",
        )
    for y in (2008, 2017):
        higher = [p for p in d if p < y and d[p] >= d[y]]
        note(
            "04 11 16",
            f"deficit {y} {d[y]:.2f}: highest since",
            max(higher) if higher else "the start",
        )
    note("02 07 13", "first year turnover over 5,000 / 3,000 million",
         f"{min(y for y in x if x[y] + i[y] > 5000)} / {min(y for y in x if x[y] + i[y] > 3000)}")  # fmt: skip
    note("02 07 13", "first year exports over 1,000 / 2,000 million",
         f"{min(y for y in x if x[y] > 1000)} / {min(y for y in x if x[y] > 2000)}")  # fmt: skip
    for a, new, old in [("02 13", 2012, 2011), ("04 16", 2016, 2006), ("07 11", 2020, 2018),
                        ("02 16", 2003, 2002), ("11 13", 2021, 2019)]:  # fmt: skip
        show(a, f"exports {new} vs {old}", x[new], x[old])
        show(a, f"imports {new} vs {old}", i[new], i[old])
        show(a, f"turnover {new} vs {old}", x[new] + i[new], x[old] + i[old])
    for p in ("FRA", "ESP", "GBR"):
        note(
            "02 07 13",
            f"{p} 2021 exports / 2001",
            f"{val('prt', 2021, partners=(p,)):,.2f} / {val('prt', 2001, partners=(p,)):,.2f}",
        )
    note("02 07 11 13", "export partners over 200 million 2021, count", _rows(
        "SELECT count(*) FROM (SELECT partner FROM prt WHERE year = 2021 AND flow = 'export' "
        "GROUP BY partner HAVING sum(value_usd) > 200e6)"))  # fmt: skip
    asia = ("CHN", "KOR", "JPN")
    share(
        "07 13",
        "imports from CHN + KOR + JPN 2021",
        val("prt", 2021, "import", partners=asia),
        i[2021],
    )
    share(
        "07 13",
        "exports to CHN + KOR + JPN + TUR 2021",
        val("prt", 2021, partners=(*asia, "TUR")),
        x[2021],
    )
    note("02 13", "DEU imports / exports 2021",
         f"x{val('prt', 2021, 'import', partners=('DEU',)) / val('prt', 2021, partners=('DEU',)):.3f}")  # fmt: skip
    for code in ("854231", "851762", "300490"):
        show(
            "04 11",
            f"exports HS {code} 2021 vs 2020",
            val("prt", 2021, product=code),
            val("prt", 2020, product=code),
        )


if __name__ == "__main__":
    main(chile, moscow, portugal, earlier=(h10,), new="heldout11")
