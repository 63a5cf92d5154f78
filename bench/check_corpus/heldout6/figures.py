# ruff: noqa: E501
"""The true figures of the heldout6 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's helpers). Run
from the repository root: ``python -m bench.check_corpus.heldout6.figures``; each line names the
articles that use the figure, and the answer keys' notes quote these lines.
"""

from __future__ import annotations

from typing import Any

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


def _count_over(table: str, key: str, floor: float, flow: str = "export") -> list[tuple[Any, ...]]:
    """Per year, how many items (partner, chapter...) of one flow are worth more than ``floor`` million."""
    return _rows(
        f"SELECT year, count(*) FROM (SELECT year, {key} k FROM {table} WHERE flow = '{flow}' "
        f"GROUP BY year, k HAVING sum(value_usd) > {floor}e6) GROUP BY year ORDER BY year"
    )


def chile() -> None:
    """Chile's trade with Argentina, 2004 against 2002 (articles 01, 04, 07, 10, 13, 16)."""
    x2, x4 = val("chl", 2002), val("chl", 2004)
    m2, m4 = val("chl", 2002, "import"), val("chl", 2004, "import")
    show("all", "exports 2004 vs 2002", x4, x2)
    note("01", "exports 2004 - 2002", f"{x4 - x2:,.2f}")
    show("all", "imports 2004 vs 2002", m4, m2)
    show("01 04 10", "deficit (imports - exports) 2004 vs 2002", m4 - x4, m2 - x2)
    note("04", "deficit 2004 - 2002", f"{(m4 - x4) - (m2 - x2):,.2f}")
    show("04 10 13", "turnover 2004 vs 2002", x4 + m4, x2 + m2)
    note("16", "imports / exports 2004; 2002", f"x{m4 / x4:.3f}; x{m2 / x2:.3f}")
    share("10", "exports of imports 2004 (cover)", x4, m4)
    share("10", "exports of imports 2002 (cover)", x2, m2)
    for a, flow, code, label in [
        ("07 16", "export", "48", "paper and paperboard"),
        ("01", "export", "40", "rubber"),
        ("01 13", "export", "47", "pulp"),
        ("01", "export", "87", "vehicles"),
        ("01", "export", "28", "inorganic chemicals"),
        ("13 16", "export", "74", "copper"),
        ("13", "export", "45", "cork"),
        ("10 16", "import", "10", "cereals"),
        ("10 16", "import", "15", "fats and oils"),
        ("10", "import", "87", "vehicles"),
        ("10", "import", "33", "perfumery"),
        ("10", "import", "73", "articles of iron or steel"),
        ("10", "import", "72", "iron and steel"),
        ("10", "import", "69", "ceramic products"),
        ("10", "import", "39", "plastics"),
        ("07", "import", "48", "paper and paperboard"),
        ("04 13", "export", "2710", "refined petroleum oils"),
        ("04", "export", "4802", "uncoated paper"),
        ("04", "export", "9406", "prefabricated buildings"),
        ("04", "export", "8431", "parts of machinery of 8425-8430"),
        ("07", "export", "4810", "coated paper"),
        ("07", "export", "4703", "chemical wood pulp"),
        ("07", "export", "3923", "plastic packaging articles"),
        ("13", "export", "3901", "polyethylene"),
        ("13", "export", "3808", "pesticides"),
        ("13", "export", "9619", "sanitary articles"),
        ("16", "export", "8418", "refrigerators"),
        ("01", "import", "8704", "trucks"),
        ("01", "import", "7612", "aluminium containers"),
        ("04 16", "import", "2711", "petroleum gases"),
        ("04", "import", "1005", "maize"),
        ("04", "import", "1517", "margarine"),
        ("04", "import", "8703", "cars"),
        ("04", "import", "3401", "soap"),
        ("04", "import", "4801", "newsprint"),
        ("07", "import", "4819", "cartons, boxes"),
        ("07", "import", "9619", "sanitary articles"),
        ("07 13", "import", "2710", "refined petroleum oils"),
        ("13", "import", "3004", "medicaments"),
    ]:
        new, old = val("chl", 2004, flow, product=code), val("chl", 2002, flow, product=code)
        show(a, f"{flow}s HS {code} {label} 2004 vs 2002", new, old)
        total = x4 if flow == "export" else m4
        note(a, f"  share of {flow}s 2004; rank at its level 2004",
             f"{100 * new / total:.2f}%; rank {rank('chl', 2004, _level(code), code, flow=flow)}")  # fmt: skip
    for ch in ("40", "47", "74", "48"):
        ex, im = val("chl", 2004, product=ch), val("chl", 2004, "import", product=ch)
        note(
            "01 07 13",
            f"balance HS {ch} 2004 (exports - imports)",
            f"{ex:,.2f} - {im:,.2f} = {ex - im:,.2f}",
        )
    food = val("chl", 2004, "import", product="10") + val("chl", 2004, "import", product="15")
    share("16", "imports HS 10 + HS 15 2004 of imports", food, m4)
    note(
        "01", "export chapters over 10 million by year", _count_over("chl", "left(product, 2)", 10)
    )
    note("01", "  export chapters over 10 million 2004", _rows(
        "SELECT left(product, 2) c FROM chl WHERE year = 2004 AND flow = 'export' GROUP BY c "
        "HAVING sum(value_usd) > 10e6 ORDER BY sum(value_usd) DESC"))  # fmt: skip
    note(
        "10",
        "import chapters over 20 million by year",
        _count_over("chl", "left(product, 2)", 20, "import"),
    )
    note("16", "HS chapters with exports > 0 by year", _rows(
        "SELECT year, count(DISTINCT left(product, 2)) FROM chl WHERE flow = 'export' AND value_usd > 0 "
        "GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (articles 02, 05, 08, 11, 14)."""
    note("all", "flows in the Moscow file", _rows("SELECT DISTINCT flow FROM mow"))
    t19, t20 = val("mow", 2019), val("mow", 2020)
    show("all", "all exports 2020 vs 2019", t20, t19)
    note("05 14", "increase 2020 - 2019", f"{t20 - t19:,.2f}")
    for lo, hi in [(1, 3), (7, 9), (1, 9), (12, 12)]:
        show("11 14", f"months {lo}-{hi} 2020 vs 2019", val("mow", 2020, months=(lo, hi)),
             val("mow", 2019, months=(lo, hi)))  # fmt: skip
    for year in (2019, 2020):
        note("08", f"each month of {year}", ", ".join(
            f"{m}: {val('mow', year, months=(m, m)):,.2f}" for m in range(1, 13)))  # fmt: skip
    for name, group in [("Asia (M49)", ASIA), ("Europe (M49)", EUROPE)]:
        new, old = val("mow", 2020, partners=group), val("mow", 2019, partners=group)
        show("02 05 11", f"exports to {name} 2020 vs 2019", new, old)
        note(
            "02 11",
            f"  share of {name} 2019 -> 2020",
            f"{100 * old / t19:.2f}% -> {100 * new / t20:.2f}%",
        )
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
        note("02 05 08 11 14", f"{p} rank {i}{europe}, share {100 * b / t20:.2f}%",
             f"{a:9,.3f} -> {b:9,.3f}  {change}")  # fmt: skip
    fastest = max((b / a, p) for p, a, b in partners if a)
    note("14", "fastest growth of the partners with a 2019 base", f"{fastest[1]} x{fastest[0]:.3f}")
    top5 = tuple(p for p, _, _ in partners[:5])
    share("11", f"top five {', '.join(top5)} 2020 of all", val("mow", 2020, partners=top5), t20)
    share("08", "CHN + JPN 2020 of all", val("mow", 2020, partners=("CHN", "JPN")), t20)
    note("11", "partners over 50 million by year", _count_over("mow", "partner", 50))
    note("02 08 14", "partners, HS6 products, headings, chapters with exports by year", _rows(
        "SELECT year, count(DISTINCT partner), count(DISTINCT product), count(DISTINCT left(product, 4)), "
        "count(DISTINCT left(product, 2)) FROM mow WHERE value_usd > 0 GROUP BY year ORDER BY year"))  # fmt: skip
    for code in ("84", "85", "90", "8411", "8470", "8471", "8473", "9006", "9012", "9014", "9015",
                 "9016", "9017", "9018"):  # fmt: skip
        new, old = val("mow", 2020, product=code), val("mow", 2019, product=code)
        show(
            "02 08 11 14",
            f"HS {code} (rank {rank('mow', 2020, _level(code), code)} at its level)",
            new,
            old,
        )
        if len(code) == 2:
            note(
                "08 14", "  share 2019 -> 2020", f"{100 * old / t19:.2f}% -> {100 * new / t20:.2f}%"
            )


def portugal() -> None:
    """Portugal's technology trade (articles 03, 06, 09, 12, 15)."""
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
    for a, y in [("03 06", 2021), ("09", 2007), ("15", 2011), ("12", 2019)]:
        lower = [p for p in d if p < y and d[p] <= d[y]]
        note(a, f"deficit {y} {d[y]:.2f}: lowest since", max(lower) if lower else "the start")
    higher = [p for p in d if p < 2008 and d[p] >= d[2008]]
    note("06", f"deficit 2008 {d[2008]:.2f}: highest since", max(higher) if higher else "the start")
    note("09", "first year with exports over 2,000", min(y for y in x if x[y] > 2000))
    for a, new, old in [("03 09", 2021, 2001), ("03", 2021, 2011), ("09", 2010, 2001),
                        ("12", 2018, 2012), ("03 15", 2019, 2018)]:  # fmt: skip
        show(a, f"exports {new} vs {old}", x[new], x[old])
        show(a, f"imports {new} vs {old}", i[new], i[old])
        show(a, f"turnover {new} vs {old}", x[new] + i[new], x[old] + i[old])
    parts = _rows("""
        WITH t AS (SELECT flow, partner, sum(value_usd) FILTER (year = 2021) / 1e6 v21,
                          sum(value_usd) FILTER (year = 2020) / 1e6 v20
                   FROM prt GROUP BY ALL)
        SELECT *, rank() OVER (PARTITION BY flow ORDER BY v21 DESC),
               count(*) OVER (PARTITION BY flow) FROM t ORDER BY flow, v21 DESC""")
    for flow, p, v21, v20, rk, n in parts:
        t21 = x[2021] if flow == "export" else i[2021]
        print(f"{'03 06 09 12 15':10} {flow} {p} 2021 {v21:9,.2f} (2020 {v20:9,.2f}, {100 * (v21 / v20 - 1):+.2f}%) "
              f"rank {rk} of {n} share {100 * v21 / t21:.2f}%")  # fmt: skip
    for p in ("NLD", "DEU", "USA", "KOR", "JPN", "CHN"):
        ex, im = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note("12", f"{p} 2021 balance (exports - imports), turnover, imports / exports",
             f"{ex - im:,.2f}, {ex + im:,.2f}, x{im / ex:.3f}")  # fmt: skip
    share("06", "exports to NLD + DEU + FRA 2021 of all",
          val("prt", 2021, partners=("NLD", "DEU", "FRA")), x[2021])  # fmt: skip
    show("15", "exports to JPN + KOR 2021", val("prt", 2021, partners=("JPN", "KOR")))
    for hs in ("854231", "851762", "300490"):
        ex, im = val("prt", 2021, product=hs), val("prt", 2021, "import", product=hs)
        share("03 12", f"exports HS {hs} 2021 ({ex:,.2f}; imports {im:,.2f}; balance {ex - im:,.2f})", ex, x[2021])  # fmt: skip
    note("all", "PRT partners loaded", _rows("SELECT DISTINCT partner FROM prt"))


if __name__ == "__main__":
    main(chile, moscow, portugal)
