# ruff: noqa: E501
"""The true figures of the heldout3 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's helpers). Run from the repository root:
``python -m bench.check_corpus.heldout3.figures``; each line names the article that uses the
figure, and the answer keys' notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import (
    con,
    main,
    note,
    rank,
    share,
    show,
    val,
)


def _growth_each(table: str, partners: tuple[str, ...], y0: int, y1: int) -> str:
    return ", ".join(
        f"{p} {100 * (val(table, y1, partners=(p,)) / val(table, y0, partners=(p,)) - 1):+.2f}%"
        for p in partners
    )


def chile() -> None:
    for y in (2002, 2004):
        x, m = val("chl", y), val("chl", y, "import")
        note("02 04 08", f"CHL-ARG {y} exports, imports, balance, turnover",
             f"{x:,.2f}  {m:,.2f}  {x - m:+,.2f}  {x + m:,.2f}")  # fmt: skip
    show("02 04 08", "exports 2004 vs 2002", val("chl", 2004), val("chl", 2002))
    show("04 08", "imports 2004 vs 2002", val("chl", 2004, "import"), val("chl", 2002, "import"))
    t02 = val("chl", 2002) + val("chl", 2002, "import")
    show("08", "turnover 2004 vs 2002", val("chl", 2004) + val("chl", 2004, "import"), t02)
    x04 = val("chl", 2004)
    for ch in ("48", "84", "27", "30", "87", "94", "39", "73", "74", "47", "40", "44", "28",
               "03", "22", "08", "20", "76"):  # fmt: skip
        show("02 08 11", f"exports HS {ch}", val("chl", 2004, product=ch),
             val("chl", 2002, product=ch))  # fmt: skip
    share("02", "HS 48 of exports 2004", val("chl", 2004, product="48"), x04)
    note("02 08", "rank HS 48, HS 84 among export chapters 2004",
         (rank("chl", 2004, "left(product, 2)", "48"), rank("chl", 2004, "left(product, 2)", "84")))  # fmt: skip
    for h in ("2710", "4011", "8708", "8418"):
        show("11", f"exports HS {h}", val("chl", 2004, product=h), val("chl", 2002, product=h))
    share("11", "HS 2710 of exports 2004", val("chl", 2004, product="2710"), x04)
    note("11", "rank HS 2710 among export headings 2004",
         rank("chl", 2004, "left(product, 4)", "2710"))  # fmt: skip
    m04 = val("chl", 2004, "import")
    for ch in ("27", "10", "15", "87", "48", "39", "33"):
        show("04 08", f"imports HS {ch}", val("chl", 2004, "import", product=ch),
             val("chl", 2002, "import", product=ch))  # fmt: skip
    share("04 08", "HS 27 of imports 2004", val("chl", 2004, "import", product="27"), m04)
    note("04", "rank HS 87 among import chapters 2004",
         rank("chl", 2004, "left(product, 2)", "87", flow="import"))  # fmt: skip
    note("all", "CHL partners loaded", con.sql("SELECT DISTINCT partner FROM chl").fetchall())


def moscow() -> None:
    note("all", "flows in the Moscow file", con.sql("SELECT DISTINCT flow FROM mow").fetchall())
    total = val("mow", 2020)
    show("03 05 07 10", "all exports 2020 vs 2019", total, val("mow", 2019))
    note("10", "increase 2020 - 2019", f"{total - val('mow', 2019):,.2f}")
    show("05", "months 1-6", val("mow", 2020, months=(1, 6)), val("mow", 2019, months=(1, 6)))
    show("05", "months 7-12", val("mow", 2020, months=(7, 12)), val("mow", 2019, months=(7, 12)))
    show("10", "December", val("mow", 2020, months=(12, 12)), val("mow", 2019, months=(12, 12)))
    for p in ("CHN", "JPN", "DEU", "USA", "BLR", "IND", "KOR", "FRA", "ITA", "KAZ", "EGY", "GBR",
              "TUR", "ARE", "SGP", "MYS", "UZB", "VNM", "THA", "BGD", "MNG"):  # fmt: skip
        show("03 05 07 10", f"{p} (rank {rank('mow', 2020, 'partner', p)})",
             val("mow", 2020, partners=(p,)), val("mow", 2019, partners=(p,)))  # fmt: skip
    share("03 07", "CHN of all", val("mow", 2020, partners=("CHN",)), total)
    share("03", "CHN + JPN of all", val("mow", 2020, partners=("CHN", "JPN")), total)
    for code in ("84", "85", "90", "8411", "8471", "8470", "8518", "8528", "8532", "9006"):
        show("03 05 07 10", f"HS {code}", val("mow", 2020, product=code),
             val("mow", 2019, product=code))  # fmt: skip
    share("03 07", "HS 84 of all", val("mow", 2020, product="84"), total)
    share("05", "HS 8411 of all", val("mow", 2020, product="8411"), total)
    note("05", "rank HS 8411, HS 8471 among headings",
         (rank("mow", 2020, "left(product, 4)", "8411"), rank("mow", 2020, "left(product, 4)", "8471")))  # fmt: skip
    ind = con.sql("""SELECT sum(value_usd) FILTER (year = 2019) / 1e6, sum(value_usd) FILTER (year = 2020) / 1e6
                     FROM mow WHERE partner = 'IND' AND product LIKE '90%'""").fetchall()[0]
    show("03", "HS 90 to IND", ind[1], ind[0])
    counts = con.sql("""SELECT year, count(DISTINCT product), count(DISTINCT partner) FROM mow
                        GROUP BY year ORDER BY year""").fetchall()
    note("03 05", "(year, HS6 products, partners)", counts)


def portugal() -> None:
    years = con.sql("""
        SELECT year, sum(value_usd) FILTER (flow = 'export') / 1e6 x,
               sum(value_usd) FILTER (flow = 'import') / 1e6 m
        FROM prt GROUP BY year ORDER BY year""").fetchall()
    for y, x, m in years:
        note(
            "01 06 09 12",
            f"PRT {y} exports, imports, balance",
            f"{x:,.2f}  {m:,.2f}  {x - m:+,.2f}",
        )
    deficits = {y: m - x for y, x, m in years}
    since = max(y for y in deficits if y < 2021 and deficits[y] <= deficits[2021])
    note("01 09", "2021 deficit the smallest since", since)
    since20 = max(y for y in deficits if y < 2020 and deficits[y] <= deficits[2020])
    note("06", "2020 deficit the smallest since", since20)
    note("06", "largest deficits", sorted(deficits.items(), key=lambda kv: -kv[1])[:2])
    x21, m21 = val("prt", 2021), val("prt", 2021, "import")
    show("01 09 12", "exports 2021 vs 2020", x21, val("prt", 2020))
    show("01 09 12", "imports 2021 vs 2020", m21, val("prt", 2020, "import"))
    show("01 09", "exports 2021 vs 2018", x21, val("prt", 2018))
    show("06", "exports 2021 vs 2001", x21, val("prt", 2001))
    show("06", "exports 2009 vs 2008", val("prt", 2009), val("prt", 2008))
    show("06", "exports 2019 vs 2018", val("prt", 2019), val("prt", 2018))
    show("06", "exports 2020 vs 2019", val("prt", 2020), val("prt", 2019))
    parts = con.sql("""
        SELECT partner, sum(value_usd) FILTER (flow = 'export' AND year = 2021) / 1e6 x,
               coalesce(sum(value_usd) FILTER (flow = 'import' AND year = 2021) / 1e6, 0) m
        FROM prt GROUP BY partner ORDER BY x DESC""").fetchall()
    for i, (p, x, m) in enumerate(parts, 1):
        note("01 06 09 12", f"{i:2}. {p} 2021 exports, imports, balance",
             f"{x:,.2f}  {m:,.2f}  {x - m:+,.2f}  share of exports {100 * x / x21:.2f}%"
             f"  of imports {100 * m / m21:.2f}%")  # fmt: skip
    note("01", "markets over 250", sum(x > 250 for _, x, _ in parts))
    note("06", "markets over 200", sum(x > 200 for _, x, _ in parts))
    note("09 12", "exports 2021 vs 2020 by partner",
         _growth_each("prt", tuple(p for p, _, _ in parts), 2020, 2021))  # fmt: skip
    for p in ("CHN", "DEU"):
        show("12", f"imports from {p}", val("prt", 2021, "import", partners=(p,)),
             val("prt", 2020, "import", partners=(p,)))  # fmt: skip
    for p in ("NLD", "CHN"):
        show("09", f"exports to {p} 2021 vs 2001", val("prt", 2021, partners=(p,)),
             val("prt", 2001, partners=(p,)))  # fmt: skip
        show("09", f"exports to {p} 2021 vs 2018", val("prt", 2021, partners=(p,)),
             val("prt", 2018, partners=(p,)))  # fmt: skip
    for h in ("8542", "8517", "3004"):
        x, m = val("prt", 2021, product=h), val("prt", 2021, "import", product=h)
        show("01 09", f"exports HS {h}", x, val("prt", 2020, product=h))
        note("09 12", f"HS {h} 2021 exports, imports, balance",
             f"{x:,.2f}  {m:,.2f}  {x - m:+,.2f}  share {100 * x / x21:.2f}% / {100 * m / m21:.2f}%")  # fmt: skip
    note("all", "PRT partners loaded", con.sql("SELECT DISTINCT partner FROM prt").fetchall())


if __name__ == "__main__":
    main(chile, moscow, portugal)
