# ruff: noqa: E501
"""The true figures of the heldout7 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's helpers). Run
from the repository root: ``python -m bench.check_corpus.heldout7.figures``; each line names the
articles that use the figure, and the answer keys' notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import (
    ASIA,
    EUROPE,
    _level,
    _rows,
    main,
    note,
    rank,
    share,
    show,
    val,
)


def chile() -> None:
    """Chile's trade with Argentina, 2004 against 2002 (articles 03, 05, 07, 09, 12, 15)."""
    x2, x4 = val("chl", 2002), val("chl", 2004)
    m2, m4 = val("chl", 2002, "import"), val("chl", 2004, "import")
    show("all", "exports 2004 vs 2002", x4, x2)
    show("all", "imports 2004 vs 2002", m4, m2)
    show("03 07 09", "deficit (imports - exports) 2004 vs 2002", m4 - x4, m2 - x2)
    note("07", "deficit 2004 - 2002", f"{(m4 - x4) - (m2 - x2):,.2f}")
    show("03 07 09", "turnover 2004 vs 2002", x4 + m4, x2 + m2)
    note("03", "imports / exports 2004", f"x{m4 / x4:.3f}")
    share("05 15", "exports of imports 2004 (cover)", x4, m4)
    share("05", "exports of imports 2002 (cover)", x2, m2)
    for a, flow, code, label in [
        ("03 07 15", "export", "48", "paper and paperboard"),
        ("03 15", "export", "84", "machinery"),
        ("15", "export", "27", "mineral fuels"),
        ("09", "export", "39", "plastics"),
        ("03", "export", "30", "pharmaceutical products"),
        ("03", "export", "94", "furniture"),
        ("03", "export", "73", "articles of iron or steel"),
        ("03", "export", "20", "prepared vegetables and fruit"),
        ("03", "export", "49", "printed matter"),
        ("09", "export", "38", "miscellaneous chemical products"),
        ("09", "export", "74", "copper"),
        ("09", "export", "44", "wood"),
        ("09", "export", "12", "oil seeds"),
        ("03 05", "import", "27", "mineral fuels"),
        ("05", "import", "10", "cereals"),
        ("05", "import", "15", "fats and oils"),
        ("05", "import", "87", "vehicles"),
        ("05", "import", "39", "plastics"),
        ("05", "import", "48", "paper and paperboard"),
        ("05", "import", "84", "machinery"),
        ("05", "import", "29", "organic chemicals"),
        ("05", "import", "76", "aluminium"),
        ("09", "import", "28", "inorganic chemicals"),
        ("03 12", "export", "4011", "tyres"),
        ("07", "export", "4810", "coated paper"),
        ("07", "export", "7010", "glass bottles"),
        ("07", "export", "3006", "pharmaceutical goods"),
        ("07", "export", "8708", "motor vehicle parts"),
        ("07", "export", "8704", "trucks"),
        ("12", "export", "4818", "toilet paper"),
        ("12", "export", "4901", "books"),
        ("12", "export", "2008", "prepared fruit and nuts"),
        ("12", "export", "1206", "sunflower seeds"),
        ("12", "export", "8474", "machinery for minerals"),
        ("12", "export", "7408", "copper wire"),
        ("15", "export", "8419", "heat-treatment machinery"),
        ("15", "export", "8408", "diesel engines"),
        ("15", "export", "4416", "casks"),
        ("15", "export", "7229", "wire of alloy steel"),
        ("15", "export", "4819", "cartons, boxes"),
        ("03", "import", "2711", "petroleum gases"),
        ("07", "import", "2710", "refined petroleum oils"),
        ("07", "import", "8703", "cars"),
        ("07", "import", "1806", "chocolate"),
        ("09", "import", "1517", "margarine"),
        ("09", "import", "1005", "maize"),
        ("09", "import", "3902", "polypropylene"),
        ("09", "import", "2901", "acyclic hydrocarbons"),
        ("12", "import", "3307", "perfumery preparations"),
        ("12", "import", "9403", "furniture"),
        ("12", "import", "1001", "wheat"),
        ("12", "import", "1007", "sorghum"),
        ("15", "import", "3004", "medicaments"),
        ("15", "import", "3808", "pesticides"),
        ("15", "import", "5603", "nonwovens"),
    ]:
        new, old = val("chl", 2004, flow, product=code), val("chl", 2002, flow, product=code)
        show(a, f"{flow}s HS {code} {label} 2004 vs 2002", new, old)
        total = x4 if flow == "export" else m4
        note(a, f"  2002 {old:.4f}; share of {flow}s 2004; rank at its level 2004",
             f"{100 * new / total:.2f}%; rank {rank('chl', 2004, _level(code), code, flow=flow)}")  # fmt: skip
    for ch in ("40", "48"):
        ex, im = val("chl", 2004, product=ch), val("chl", 2004, "import", product=ch)
        note(
            "15",
            f"balance HS {ch} 2004 (exports - imports)",
            f"{ex:,.2f} - {im:,.2f} = {ex - im:,.2f}",
        )
    share("05", "imports HS 10 + HS 15 2004 of imports",
          val("chl", 2004, "import", product="10") + val("chl", 2004, "import", product="15"), m4)  # fmt: skip
    for flow in ("export", "import"):
        note("05 07 15", f"top {flow} chapters 2004", _rows(
            f"SELECT left(product, 2) c, round(sum(value_usd) / 1e6, 2) FROM chl WHERE year = 2004 "
            f"AND flow = '{flow}' GROUP BY c ORDER BY sum(value_usd) DESC LIMIT 6"))  # fmt: skip
        note("07", f"top {flow} headings 2004", _rows(
            f"SELECT left(product, 4) c, round(sum(value_usd) / 1e6, 2) FROM chl WHERE year = 2004 "
            f"AND flow = '{flow}' GROUP BY c ORDER BY sum(value_usd) DESC LIMIT 6"))  # fmt: skip
    note("07", "export chapters over 10 million 2004", _rows(
        "SELECT left(product, 2) c FROM chl WHERE year = 2004 AND flow = 'export' GROUP BY c "
        "HAVING sum(value_usd) > 10e6 ORDER BY sum(value_usd) DESC"))  # fmt: skip
    note("15", "HS chapters with exports > 0 by year", _rows(
        "SELECT year, count(DISTINCT left(product, 2)) FROM chl WHERE flow = 'export' AND value_usd > 0 "
        "GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (articles 02, 06, 08, 11, 13)."""
    note("all", "flows in the Moscow file", _rows("SELECT DISTINCT flow FROM mow"))
    t19, t20 = val("mow", 2019), val("mow", 2020)
    show("all", "all exports 2020 vs 2019", t20, t19)
    note("06 11", "increase 2020 - 2019", f"{t20 - t19:,.2f}")
    for lo, hi in [(1, 3), (1, 6), (1, 9), (7, 12), (10, 12), (12, 12)]:
        show("02 06 13", f"months {lo}-{hi} 2020 vs 2019", val("mow", 2020, months=(lo, hi)),
             val("mow", 2019, months=(lo, hi)))  # fmt: skip
    note("06", "each month of 2020", ", ".join(
        f"{m}: {val('mow', 2020, months=(m, m)):,.2f}" for m in range(1, 13)))  # fmt: skip
    for name, group in [("Asia (M49)", ASIA), ("Europe (M49)", EUROPE)]:
        new, old = val("mow", 2020, partners=group), val("mow", 2019, partners=group)
        show("08 13", f"exports to {name} 2020 vs 2019", new, old)
        share("08", f"  share of {name} 2020", new, t20)
    partners = _rows("""
        SELECT partner, coalesce(sum(value_usd) FILTER (year = 2019), 0) / 1e6 a,
               sum(value_usd) FILTER (year = 2020) / 1e6 b
        FROM mow GROUP BY partner ORDER BY b DESC""")
    for i, (p, a, b) in enumerate(partners, 1):
        change = f"{100 * (b / a - 1):+.4f}%  x{b / a:.3f}" if a else "new in 2020"
        note("02 06 08 11 13", f"{p} rank {i}, share {100 * b / t20:.2f}%",
             f"{a:9,.3f} -> {b:9,.3f}  {change}")  # fmt: skip
    fastest = max((b / a, p) for p, a, b in partners if a)
    note("02", "fastest growth of the partners with a 2019 base", f"{fastest[1]} x{fastest[0]:.3f}")
    sixty = [p for p, a, b in partners if a and abs(b / a - 1.6) < 1e-9]
    note("02", "partners at exactly +60%", f"{len(sixty)}: {', '.join(sixty)}")
    note("08", "partners over 50 million by year", _rows(
        "SELECT year, count(*) FROM (SELECT year, partner FROM mow GROUP BY year, partner "
        "HAVING sum(value_usd) > 50e6) GROUP BY year ORDER BY year"))  # fmt: skip
    note("02 11", "partners, HS6 products, headings, chapters with exports by year", _rows(
        "SELECT year, count(DISTINCT partner), count(DISTINCT product), count(DISTINCT left(product, 4)), "
        "count(DISTINCT left(product, 2)) FROM mow WHERE value_usd > 0 GROUP BY year ORDER BY year"))  # fmt: skip
    for code in ("84", "85", "90", "8411", "8471", "8518", "8528", "8532", "8443", "8473", "8472",
                 "8525", "8526", "8527", "9004", "9006", "9007", "9010", "9011", "9012", "9013",
                 "9014", "9015", "9018"):  # fmt: skip
        new, old = val("mow", 2020, product=code), val("mow", 2019, product=code)
        show("02 06 08 11 13", f"HS {code} (rank {rank('mow', 2020, _level(code), code)} at its level)",
             new, old)  # fmt: skip
        if len(code) == 2:
            share("02 08 11", f"  HS {code} share 2020", new, t20)


def portugal() -> None:
    """Portugal's technology trade (articles 01, 04, 10, 14, 16)."""
    years = _rows("""
        SELECT year, sum(value_usd) FILTER (flow = 'export') / 1e6 x,
               sum(value_usd) FILTER (flow = 'import') / 1e6 m
        FROM prt GROUP BY year ORDER BY year""")
    x = {y: e for y, e, _ in years}
    i = {y: m for y, _, m in years}
    d = {y: i[y] - x[y] for y in x}
    for y, _, _ in years:
        grow = (
            f"x {100 * (x[y] / x[y - 1] - 1):+6.2f}% m {100 * (i[y] / i[y - 1] - 1):+6.2f}% "
            f"t {100 * ((x[y] + i[y]) / (x[y - 1] + i[y - 1]) - 1):+6.2f}%"
            if y - 1 in x
            else ""
        )
        print(f"{'all':10} {y}: exports {x[y]:9,.2f} imports {i[y]:9,.2f} deficit {d[y]:7,.2f} "
              f"turnover {x[y] + i[y]:9,.2f} cover {100 * x[y] / i[y]:6.2f}%  {grow}")  # fmt: skip
    for a, y in [("04 01", 2021), ("16", 2006), ("16", 2010)]:
        lower = [p for p in d if p < y and d[p] <= d[y]]
        note(a, f"deficit {y} {d[y]:.2f}: lowest since", max(lower) if lower else "the start")
    higher = [p for p in d if p < 2012 and d[p] >= d[2012]]
    note("10", f"deficit 2012 {d[2012]:.2f}: highest since", max(higher) if higher else "the start")
    note("01", "largest deficit of the series", max((v, y) for y, v in d.items()))
    note("16", "deficit 2008 / 2007", f"x{d[2008] / d[2007]:.3f}")
    for a, new, old in [("01", 2021, 2016), ("01", 2018, 2012), ("10", 2016, 2011),
                        ("16", 2007, 2001), ("04", 2021, 2001), ("14", 2021, 2011),
                        ("01", 2021, 2020)]:  # fmt: skip
        show(a, f"exports {new} vs {old}", x[new], x[old])
        show(a, f"imports {new} vs {old}", i[new], i[old])
        show(a, f"turnover {new} vs {old}", x[new] + i[new], x[old] + i[old])
    note(
        "14",
        "cover 2021 - cover 2011 (points)",
        f"{100 * x[2021] / i[2021] - 100 * x[2011] / i[2011]:.2f}",
    )
    for y in (2011, 2016, 2021):
        parts = _rows(f"""
            WITH t AS (SELECT flow, partner, sum(value_usd) / 1e6 v FROM prt WHERE year = {y} GROUP BY ALL)
            SELECT *, rank() OVER (PARTITION BY flow ORDER BY v DESC), count(*) OVER (PARTITION BY flow)
            FROM t ORDER BY flow, v DESC""")
        for flow, p, v, rk, n in parts:
            tot = x[y] if flow == "export" else i[y]
            note(
                "01 04 10 14",
                f"{y} {flow} {p} rank {rk} of {n}",
                f"{v:9,.2f} share {100 * v / tot:.2f}%",
            )
    for a, y, p in [("14", 2011, "USA"), ("04 14", 2021, "USA")]:
        ex, im = val("prt", y, partners=(p,)), val("prt", y, "import", partners=(p,))
        note(a, f"{p} {y} exports, imports, balance", f"{ex:,.2f}, {im:,.2f}, {ex - im:,.2f}")
    show("14", "USA deficit 2021 vs 2011",
         val("prt", 2021, "import", partners=("USA",)) - val("prt", 2021, partners=("USA",)),
         val("prt", 2011, "import", partners=("USA",)) - val("prt", 2011, partners=("USA",)))  # fmt: skip
    for p in ("NLD", "KOR"):
        show(
            "14",
            f"exports to {p} 2021 vs 2011",
            val("prt", 2021, partners=(p,)),
            val("prt", 2011, partners=(p,)),
        )
    show("14", "imports from CHN 2021 vs 2011", val("prt", 2021, "import", partners=("CHN",)),
         val("prt", 2011, "import", partners=("CHN",)))  # fmt: skip
    share("01", "exports to NLD + DEU + FRA 2021 of all",
          val("prt", 2021, partners=("NLD", "DEU", "FRA")), x[2021])  # fmt: skip
    show("04", "exports to JPN + KOR 2021", val("prt", 2021, partners=("JPN", "KOR")))
    for y, hs in [(2021, "854231"), (2021, "851762"), (2021, "300490"), (2015, "854231")]:
        ex, im = val("prt", y, product=hs), val("prt", y, "import", product=hs)
        share("01 04 10", f"exports HS {hs} {y} ({ex:,.2f}; imports {im:,.2f}; balance {ex - im:,.2f})", ex, x[y])  # fmt: skip
    note("all", "PRT partners loaded", _rows("SELECT DISTINCT partner FROM prt ORDER BY ALL"))


if __name__ == "__main__":
    main(chile, moscow, portugal)
