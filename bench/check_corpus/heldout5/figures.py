# ruff: noqa: E501
"""The true figures of the heldout5 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's helpers). Run
from the repository root: ``python -m bench.check_corpus.heldout5.figures``; each line names the
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
    """Chile's trade with Argentina, 2004 against 2002 (articles 01, 05, 06, 10, 13)."""
    x2, x4 = val("chl", 2002), val("chl", 2004)
    m2, m4 = val("chl", 2002, "import"), val("chl", 2004, "import")
    show("all", "exports 2004 vs 2002", x4, x2)
    note("05", "exports 2004 - 2002", f"{x4 - x2:,.2f}")
    show("all", "imports 2004 vs 2002", m4, m2)
    show("01 10", "deficit (imports - exports) 2004 vs 2002", m4 - x4, m2 - x2)
    show("06 10", "turnover 2004 vs 2002", x4 + m4, x2 + m2)
    note("06", "imports / exports 2004", f"x{m4 / x4:.3f}")
    for a, flow, code, label in [
        ("01 05 10 13", "export", "48", "paper and paperboard"),
        ("01", "export", "84", "machinery"),
        ("01 05", "export", "27", "mineral fuels"),
        ("05 13", "export", "39", "plastics"),
        ("05 13", "export", "30", "pharmaceutical products"),
        ("05", "export", "44", "wood"),
        ("01", "export", "94", "furniture"),
        ("01", "export", "73", "articles of iron or steel"),
        ("05", "export", "74", "copper"),
        ("10", "export", "04", "dairy"),
        ("01 10", "export", "4011", "new pneumatic tyres"),
        ("05", "export", "4819", "cartons, boxes"),
        ("05", "export", "8708", "parts of motor vehicles"),
        ("05", "export", "8418", "refrigerators"),
        ("10", "export", "2710", "refined petroleum oils"),
        ("10", "export", "3006", "pharmaceutical goods"),
        ("01 10 13", "import", "27", "mineral fuels"),
        ("06", "import", "10", "cereals"),
        ("06", "import", "87", "vehicles"),
        ("06", "import", "76", "aluminium"),
        ("13", "import", "39", "plastics"),
        ("13", "import", "48", "paper and paperboard"),
        ("13", "import", "84", "machinery"),
        ("13", "import", "28", "inorganic chemicals"),
        ("13", "import", "18", "cocoa"),
        ("13", "import", "30", "pharmaceutical products"),
        ("06 10", "import", "2711", "petroleum gases"),
        ("06", "import", "2710", "refined petroleum oils"),
        ("06", "import", "1005", "maize"),
        ("06", "import", "1517", "margarine"),
        ("06", "import", "8703", "cars"),
    ]:
        new, old = val("chl", 2004, flow, product=code), val("chl", 2002, flow, product=code)
        show(a, f"{flow}s HS {code} {label} 2004 vs 2002", new, old)
        total = x4 if flow == "export" else m4
        note(a, f"  share of {flow}s 2004; rank at its level 2004",
             f"{100 * new / total:.2f}%; rank {rank('chl', 2004, _level(code), code, flow=flow)}")  # fmt: skip
    share("13", "imports HS 27 2002 of imports 2002", val("chl", 2002, "import", product="27"), m2)
    for ch in ("39", "48", "30"):
        bal = val("chl", 2004, product=ch) - val("chl", 2004, "import", product=ch)
        note("13", f"balance HS {ch} 2004 (exports - imports)", f"{bal:,.2f}")
    note("01 05", "export chapters by 2004 value", ", ".join(f"{c} {v:,.2f}" for c, v in _rows(
        "SELECT left(product, 2) c, sum(value_usd) / 1e6 v FROM chl WHERE year = 2004 AND flow = 'export' "
        "GROUP BY c ORDER BY v DESC LIMIT 5")))  # fmt: skip
    note("05 13", "HS6 lines and chapters with exports > 0 by year", _rows(
        "SELECT year, count(DISTINCT product), count(DISTINCT left(product, 2)) FROM chl "
        "WHERE flow = 'export' AND value_usd > 0 GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (articles 03, 08, 09, 11, 14, 16)."""
    note("all", "flows in the Moscow file", _rows("SELECT DISTINCT flow FROM mow"))
    t19, t20 = val("mow", 2019), val("mow", 2020)
    show("all", "all exports 2020 vs 2019", t20, t19)
    note("08 11 14", "increase 2020 - 2019", f"{t20 - t19:,.2f}")
    for lo, hi in [(1, 6), (7, 12), (10, 12)]:
        show("03 08 14", f"months {lo}-{hi} 2020 vs 2019", val("mow", 2020, months=(lo, hi)),
             val("mow", 2019, months=(lo, hi)))  # fmt: skip
    note("03 08 16", "each month of 2020", ", ".join(
        f"{m}: {val('mow', 2020, months=(m, m)):,.2f}" for m in range(1, 13)))  # fmt: skip
    for name, group in [("Asia (M49)", ASIA), ("Europe (M49)", EUROPE)]:
        show("08 11 14", f"exports to {name} 2020 vs 2019", val("mow", 2020, partners=group),
             val("mow", 2019, partners=group))  # fmt: skip
        share("08 14", f"  share of {name} 2020", val("mow", 2020, partners=group), t20)
    partners = _rows("""
        SELECT partner, coalesce(sum(value_usd) FILTER (year = 2019), 0) / 1e6 a,
               sum(value_usd) FILTER (year = 2020) / 1e6 b
        FROM mow GROUP BY partner ORDER BY b DESC""")
    for i, (p, a, b) in enumerate(partners, 1):
        change = f"{100 * (b / a - 1):+.2f}%  x{b / a:.3f}" if a else "new in 2020"
        europe = (
            f", rank in Europe {rank('mow', 2020, 'partner', p, among=EUROPE)}"
            if p in EUROPE
            else ""
        )
        note("03 08 09 11 14 16", f"{p} rank {i}{europe}, share {100 * b / t20:.2f}%",
             f"{a:9,.3f} -> {b:9,.3f}  {change}")  # fmt: skip
    cj = val("mow", 2020, partners=("CHN", "JPN"))
    share("03 16", "CHN + JPN 2020 of all", cj, t20)
    note("08", "partners over 100 million 2020", _rows(
        "SELECT count(*) FROM (SELECT partner FROM mow WHERE year = 2020 GROUP BY partner HAVING sum(value_usd) > 100e6)")[0][0])  # fmt: skip
    note("03 11 14", "partners and HS6 products with exports by year", _rows(
        "SELECT year, count(DISTINCT partner), count(DISTINCT product) FROM mow WHERE value_usd > 0 GROUP BY year ORDER BY year"))  # fmt: skip
    for code in ("84", "85", "90", "8411", "8471", "8518", "8528", "8532", "9011", "9013", "9014"):
        new, old = val("mow", 2020, product=code), val("mow", 2019, product=code)
        show(
            "03 09 11 14 16",
            f"HS {code} (rank {rank('mow', 2020, _level(code), code)} at its level)",
            new,
            old,
        )
        if len(code) == 2:
            note(
                "03 11 14",
                "  share 2019 -> 2020",
                f"{100 * old / t19:.2f}% -> {100 * new / t20:.2f}%",
            )


def portugal() -> None:
    """Portugal's technology trade (articles 02, 04, 07, 12, 15)."""
    years = _rows("""
        SELECT year, sum(value_usd) FILTER (flow = 'export') / 1e6 x,
               sum(value_usd) FILTER (flow = 'import') / 1e6 m
        FROM prt GROUP BY year ORDER BY year""")
    x = {y: e for y, e, _ in years}
    i = {y: m for y, _, m in years}
    d = {y: i[y] - x[y] for y in x}
    for y, _, _ in years:
        grow = (
            f"x {100 * (x[y] / x[y - 1] - 1):+6.2f}% m {100 * (i[y] / i[y - 1] - 1):+6.2f}%"
            if y - 1 in x
            else ""
        )
        print(f"{'all':10} {y}: exports {x[y]:9,.2f} imports {i[y]:9,.2f} deficit {d[y]:7,.2f} "
              f"turnover {x[y] + i[y]:9,.2f} cover {100 * x[y] / i[y]:6.2f}%  {grow}")  # fmt: skip
    for a, y in [("02 04 15", 2021), ("12", 2020), ("02", 2019)]:
        lower = [p for p in d if p < y and d[p] <= d[y]]
        note(a, f"deficit {y} {d[y]:.2f}: lowest since", max(lower) if lower else "the start")
    note("04", "imports / exports 2021", f"x{i[2021] / x[2021]:.3f}")
    worst = max(d.values())
    note("04", "largest deficit of all years", f"{worst:.2f} in {[y for y in d if d[y] == worst]}")
    for a, new, old in [("02 07 12 15", 2021, 2018), ("02", 2019, 2018), ("02 12 15", 2021, 2020)]:
        show(a, f"exports {new} vs {old}", x[new], x[old])
        show(a, f"imports {new} vs {old}", i[new], i[old])
        show(a, f"turnover {new} vs {old}", x[new] + i[new], x[old] + i[old])
    parts = _rows("""
        WITH t AS (SELECT flow, partner, sum(value_usd) FILTER (year = 2021) / 1e6 v21,
                          sum(value_usd) FILTER (year = 2020) / 1e6 v20,
                          sum(value_usd) FILTER (year = 2019) / 1e6 v19
                   FROM prt GROUP BY ALL)
        SELECT *, rank() OVER (PARTITION BY flow ORDER BY v21 DESC) FROM t ORDER BY flow, v21 DESC""")
    for flow, p, v21, v20, v19, rk in parts:
        t21 = x[2021] if flow == "export" else i[2021]
        t19 = x[2019] if flow == "export" else i[2019]
        print(f"{'02 04 07 12 15':10} {flow} {p} 2021 {v21:9,.2f} (2020 {v20:9,.2f}, {100 * (v21 / v20 - 1):+.2f}%; "
              f"2019 {v19:9,.2f}, {100 * (v21 / v19 - 1):+.2f}%) rank {rk} share {100 * v21 / t21:.2f}% "
              f"(2019 {100 * v19 / t19:.2f}%)")  # fmt: skip
    for p in ("NLD", "DEU", "USA", "CHN"):
        ex, im = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note(
            "04 07 12",
            f"{p} 2021 balance (exports - imports), turnover",
            f"{ex - im:,.2f}, {ex + im:,.2f}",
        )
    show("07", "imports from KOR + JPN 2021", val("prt", 2021, "import", partners=("KOR", "JPN")))
    for floor in (250, 200, 150):
        note("02 15", f"export partners over {floor} million 2021", _rows(
            f"SELECT count(*) FROM (SELECT partner FROM prt WHERE year = 2021 AND flow = 'export' "
            f"GROUP BY partner HAVING sum(value_usd) > {floor}e6)")[0][0])  # fmt: skip
    note("15", "export partners 2021", _rows(
        "SELECT count(DISTINCT partner) FROM prt WHERE year = 2021 AND flow = 'export'")[0][0])  # fmt: skip
    for hs in ("854231", "851762", "300490"):
        share("02 15", f"exports HS {hs} 2021 ({val('prt', 2021, product=hs):,.2f})",
              val("prt", 2021, product=hs), x[2021])  # fmt: skip
    note("all", "PRT partners loaded", _rows("SELECT DISTINCT partner FROM prt"))


if __name__ == "__main__":
    main(chile, moscow, portugal)
