# ruff: noqa: E501
"""The true figures of the heldout4 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's helpers). Run
from the repository root: ``python -m bench.check_corpus.heldout4.figures``; each line names the
articles that use the figure, and the answer keys' notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import (
    ASIA,
    EUROPE,
    _rows,
    con,
    main,
    note,
    rank,
    share,
    show,
    val,
)


def chile() -> None:
    """Chile's trade with Argentina, 2004 against 2002 (articles 01, 02, 07, 08, 09, 14)."""
    x2, x4, m2, m4 = (
        val("chl", 2002),
        val("chl", 2004),
        val("chl", 2002, "import"),
        val("chl", 2004, "import"),
    )
    show("all", "exports 2004 vs 2002", x4, x2)
    show("all", "imports 2004 vs 2002", m4, m2)
    show("01 07 08", "deficit (imports - exports) 2004 vs 2002", m4 - x4, m2 - x2)
    show("01 14", "turnover 2004 vs 2002", x4 + m4, x2 + m2)
    note("01 14", "imports / exports 2004", f"x{m4 / x4:.3f}")
    note("02 07 09", "exports 2004 vs 2002 in dollars, increase",
         _rows("SELECT year, sum(value_usd) FROM chl WHERE flow = 'export' GROUP BY year ORDER BY year"))  # fmt: skip
    note("07", "exports 2004 - 2002, US$ million", f"{x4 - x2:,.2f}")
    for a, flow, hs, label in [
        ("01 08", "import", "27", "imports ch27 mineral fuels"),
        ("01", "import", "2710", "imports 2710 refined petroleum oils"),
        ("07 08", "import", "2711", "imports 2711 petroleum gases"),
        ("01 08", "import", "76", "imports ch76 aluminium"),
        ("01", "import", "28", "imports ch28 inorganic chemicals"),
        ("01 08", "import", "29", "imports ch29 organic chemicals"),
        ("01 08", "import", "61", "imports ch61 knitted apparel"),
        ("01 08", "import", "34", "imports ch34 soap, detergents"),
        ("01 14", "import", "39", "imports ch39 plastics"),
        ("01 08", "import", "10", "imports ch10 cereals"),
        ("08", "import", "15", "imports ch15 fats and oils"),
        ("01 08", "import", "18", "imports ch18 cocoa"),
        ("08", "import", "87", "imports ch87 vehicles"),
        ("08 14", "import", "48", "imports ch48 paper and paperboard"),
        ("14", "import", "84", "imports ch84 machinery"),
        ("14", "import", "30", "imports ch30 pharmaceutical products"),
        ("02", "export", "2710", "exports 2710 refined petroleum oils"),
        ("02", "export", "4802", "exports 4802 uncoated paper"),
        ("02", "export", "9406", "exports 9406 prefabricated buildings"),
        ("02", "export", "3006", "exports 3006 pharmaceutical goods"),
        ("02", "export", "7010", "exports 7010 glass containers"),
        ("02", "export", "70", "exports ch70 glass"),
        ("02", "export", "72", "exports ch72 iron and steel"),
        ("02", "export", "03", "exports ch03 fish"),
        ("02", "export", "22", "exports ch22 beverages"),
        ("02 09", "export", "20", "exports ch20 prepared vegetables, fruit"),
        ("02 09", "export", "49", "exports ch49 printed books, newspapers"),
        ("02 09", "export", "04", "exports ch04 dairy"),
        ("02", "export", "12", "exports ch12 oil seeds"),
        ("09", "export", "96", "exports ch96 miscellaneous manufactured articles"),
        ("09", "export", "85", "exports ch85 electrical machinery"),
        ("09", "export", "38", "exports ch38 miscellaneous chemical products"),
        ("09", "export", "83", "exports ch83 miscellaneous articles of base metal"),
        ("09", "export", "55", "exports ch55 man-made staple fibres"),
        ("09", "export", "33", "exports ch33 essential oils, cosmetics"),
        ("09", "export", "21", "exports ch21 miscellaneous edible preparations"),
        ("07 14", "export", "48", "exports ch48 paper and paperboard"),
        ("07 14", "export", "84", "exports ch84 machinery"),
        ("07", "export", "27", "exports ch27 mineral fuels"),
        ("07 14", "export", "39", "exports ch39 plastics"),
        ("14", "export", "30", "exports ch30 pharmaceutical products"),
    ]:
        show(
            a,
            f"{label} 2004 vs 2002",
            val("chl", 2004, flow, product=hs),
            val("chl", 2002, flow, product=hs),
        )
        total = m4 if flow == "import" else x4
        level = "left(product, 2)" if len(hs) == 2 else "left(product, 4)"
        note(a, f"  share of {flow}s 2004; rank at its level 2004",
             f"{100 * val('chl', 2004, flow, product=hs) / total:.2f}%; "
             f"rank {rank('chl', 2004, level, hs, flow=flow)}")  # fmt: skip
    share(
        "01 14",
        "imports ch27 2002, share of imports 2002",
        val("chl", 2002, "import", product="27"),
        m2,
    )
    big = ", ".join(f"{ch} {v:,.2f}" for ch, v in _rows(
        "SELECT left(product, 2) c, sum(value_usd) / 1e6 v FROM chl WHERE year = 2004 AND flow = 'export' "
        "GROUP BY c ORDER BY v DESC LIMIT 16"))  # fmt: skip
    note("07", "largest export chapters 2004", big)
    for floor in (20, 15, 5):
        note("07", f"export chapters over US${floor} million 2004", _rows(
            f"SELECT count(*) FROM (SELECT left(product, 2) c FROM chl WHERE year = 2004 AND flow = 'export' "
            f"GROUP BY c HAVING sum(value_usd) > {floor}e6)")[0][0])  # fmt: skip
    top3 = sum(val("chl", 2004, product=ch) for ch in ("48", "84", "27"))
    share("07", "ch48 + ch84 + ch27 of exports 2004", top3, x4)
    note("07", "HS6 lines with exports > 0 by year", _rows(
        "SELECT year, count(DISTINCT product) FROM chl WHERE flow = 'export' AND value_usd > 0 GROUP BY year ORDER BY year"))  # fmt: skip
    note("07", "HS6 lines with imports > 0 by year", _rows(
        "SELECT year, count(DISTINCT product) FROM chl WHERE flow = 'import' AND value_usd > 0 GROUP BY year ORDER BY year"))  # fmt: skip
    for ch in ("30", "48", "84", "39"):
        b4 = val("chl", 2004, product=ch) - val("chl", 2004, "import", product=ch)
        b2 = val("chl", 2002, product=ch) - val("chl", 2002, "import", product=ch)
        note("14", f"balance ch{ch} (exports - imports) 2002 -> 2004", f"{b2:,.2f} -> {b4:,.2f}")
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (articles 03, 04, 10, 11, 15)."""
    note("all", "flows in the Moscow file", _rows("SELECT DISTINCT flow FROM mow"))
    t19, t20 = val("mow", 2019), val("mow", 2020)
    show("03 04 11 15", "all exports 2020 vs 2019", t20, t19)
    note("04", "increase 2020 - 2019", f"{t20 - t19:,.2f}")
    for lo, hi in [(1, 6), (7, 12), (7, 9), (10, 12), (1, 9), (9, 12)]:
        show(
            "04 11 15",
            f"months {lo}-{hi} 2020 vs 2019",
            val("mow", 2020, months=(lo, hi)),
            val("mow", 2019, months=(lo, hi)),
        )
    for month in range(1, 13):
        show("11", f"month {month} 2020 vs 2019", val("mow", 2020, months=(month, month)),
             val("mow", 2019, months=(month, month)))  # fmt: skip
    for name, group in [("Asia (M49)", ASIA), ("Europe (M49)", EUROPE)]:
        show(
            "04 10",
            f"exports to {name}",
            val("mow", 2020, partners=group),
            val("mow", 2019, partners=group),
        )
        share("10", f"  share of {name} 2020", val("mow", 2020, partners=group), t20)
        share("10", f"  share of {name} 2019", val("mow", 2019, partners=group), t19)
    growth = _rows("""
        SELECT partner, coalesce(sum(value_usd) FILTER (year = 2019), 0) / 1e6 a, sum(value_usd) FILTER (year = 2020) / 1e6 b
        FROM mow GROUP BY partner ORDER BY b DESC""")  # fmt: skip
    for i, (p, a, b) in enumerate(growth, 1):
        change = f"{100 * (b / a - 1):+.2f}%  x{b / a:.3f}" if a else "new in 2020"
        europe = (
            f", rank in Europe {rank('mow', 2020, 'partner', p, among=EUROPE)}"
            if p in EUROPE
            else ""
        )
        note("03 04 10 11 15", f"{p} rank {i}{europe}", f"{a:9,.3f} -> {b:9,.3f}  {change}")
    note("10", "partners by growth 2020 (base >= 1 million)", ", ".join(
        f"{p} {100 * (b / a - 1):+.2f}%" for p, a, b in sorted(growth, key=lambda r: -(r[2] / r[1]) if r[1] else 0)
        if a and a >= 1))  # fmt: skip
    share("10 15", "CHN + JPN of all 2020", val("mow", 2020, partners=("CHN", "JPN")), t20)
    show("15", "CHN + JPN + IND 2020", val("mow", 2020, partners=("CHN", "JPN", "IND")))
    show("15", "TUR + ARE 2020", val("mow", 2020, partners=("TUR", "ARE")))
    note("15", "rank of FRA, KOR 2019 (ties share a rank)", _rows(
        "SELECT partner, rank() OVER (ORDER BY v DESC) FROM (SELECT partner, sum(value_usd) v FROM mow "
        "WHERE year = 2019 GROUP BY partner) QUALIFY partner IN ('FRA', 'KOR')"))  # fmt: skip
    for code in ("84", "85", "90", "8411", "8471", "8443", "8419", "8519", "8472", "8527", "8525", "8526", "8521",
                 "8517", "9010", "9016", "9017", "9004", "9019", "9021", "9007"):  # fmt: skip
        level = "left(product, 2)" if len(code) == 2 else "left(product, 4)"
        show("03 04 11 15", f"HS {code} (rank {rank('mow', 2020, level, code)} at its level)",
             val("mow", 2020, product=code), val("mow", 2019, product=code))  # fmt: skip
    for code in ("84", "85", "90"):
        share("03 11", f"  HS {code} of all 2020", val("mow", 2020, product=code), t20)
        share("03", f"  HS {code} of all 2019", val("mow", 2019, product=code), t19)
    for p in ("JPN", "IND", "CHN", "DEU"):
        show("03", f"HS 90 to {p}", val("mow", 2020, partners=(p,), product="90"),
             val("mow", 2019, partners=(p,), product="90"))  # fmt: skip
    note("03 10 15", "HS6 products and partners with exports by year", _rows(
        "SELECT year, count(DISTINCT product), count(DISTINCT partner) FROM mow WHERE value_usd > 0 GROUP BY year ORDER BY year"))  # fmt: skip


def portugal() -> None:
    """Portugal's technology trade (articles 05, 06, 12, 13, 16)."""
    years = con.sql("""
        SELECT year, sum(value_usd) FILTER (flow = 'export') / 1e6 x,
               sum(value_usd) FILTER (flow = 'import') / 1e6 m
        FROM prt GROUP BY year ORDER BY year""").fetchall()
    x = {y: e for y, e, _ in years}
    i = {y: m for y, _, m in years}
    for y, _, _ in years:
        grow = (
            f"x {100 * (x[y] / x[y - 1] - 1):+6.2f}% m {100 * (i[y] / i[y - 1] - 1):+6.2f}%"
            if y - 1 in x
            else ""
        )
        print(f"{'05 12 16':10} {y}: exports {x[y]:9,.2f} imports {i[y]:9,.2f} deficit {i[y] - x[y]:7,.2f} "
              f"turnover {x[y] + i[y]:9,.2f} cover {100 * x[y] / i[y]:6.2f}%  {grow}")  # fmt: skip
    d = {y: i[y] - x[y] for y in x}
    for a, y in [("05 12 16", 2021), ("12", 2020), ("05", 2012)]:
        lower = [p for p in d if p < y and d[p] <= d[y]]
        higher = [p for p in d if p < y and d[p] >= d[y]]
        note(a, f"deficit {y} {d[y]:.2f}: lowest since / highest since",
             f"{max(lower) if lower else 'the start'} / {max(higher) if higher else 'the start'}")  # fmt: skip
    note("05", "years the deficit narrowed in a row up to 2021",
         [y for y in range(2018, 2022) if d[y] < d[y - 1]])  # fmt: skip
    note("05", "largest deficit of all years", max(d.values()))
    for a, new, old in [("05 16", 2021, 2001), ("05 12", 2021, 2020), ("05", 2021, 2016), ("05 12 16", 2021, 2019),
                        ("12 16", 2021, 2018)]:  # fmt: skip
        show(a, f"exports {new} vs {old}", x[new], x[old])
        show(a, f"imports {new} vs {old}", i[new], i[old])
        show(a, f"turnover {new} vs {old}", x[new] + i[new], x[old] + i[old])
    parts = con.sql("""
        WITH t AS (SELECT flow, partner, sum(value_usd) FILTER (year = 2021) / 1e6 v21,
                          sum(value_usd) FILTER (year = 2020) / 1e6 v20
                   FROM prt GROUP BY ALL)
        SELECT *, rank() OVER (PARTITION BY flow ORDER BY v21 DESC) FROM t
        ORDER BY flow, v21 DESC""").fetchall()
    for flow, p, v21, v20, rk in parts:
        total = x[2021] if flow == "export" else i[2021]
        print(f"{'06 13 16':10} {flow} {p} 2021 {v21:9,.2f} (2020 {v20:9,.2f}, "
              f"{100 * (v21 / v20 - 1):+.2f}%) rank {rk} share {100 * v21 / total:.2f}%")  # fmt: skip
    for p in ("NLD", "DEU", "CHN", "JPN", "KOR", "USA"):
        ex, im = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note(
            "06 13 16",
            f"{p} 2021 balance (exports - imports), turnover",
            f"{ex - im:,.2f}, {ex + im:,.2f}",
        )
    note("06 13 16", "export partners 2021", _rows(
        "SELECT count(DISTINCT partner) FROM prt WHERE year = 2021 AND flow = 'export'")[0][0])  # fmt: skip
    for hs in ("854231", "851762", "300490"):
        ex, im = val("prt", 2021, product=hs), val("prt", 2021, "import", product=hs)
        note("06 16", f"HS {hs} 2021 exports, share, imports, balance",
             f"{ex:,.2f}, {100 * ex / x[2021]:.2f}%, {im:,.2f}, {ex - im:+,.2f}")  # fmt: skip
    note("all", "PRT partners loaded", _rows("SELECT DISTINCT partner FROM prt"))


if __name__ == "__main__":
    main(chile, moscow, portugal)
