# ruff: noqa: E501
"""The true figures of the heldout8 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's helpers). Run
from the repository root: ``python -m bench.check_corpus.heldout8.figures``; each line names the
articles that use the figure, and the answer keys' notes quote these lines.
"""

from __future__ import annotations

from typing import Any

from bench.check_corpus.heldout2.figures import (
    ASIA,
    _level,
    _rows,
    main,
    note,
    rank,
    share,
    show,
    val,
)


def _rank(table: str, year: int, code: str, flow: str) -> int | str:
    try:
        return rank(table, year, _level(code), code, flow=flow)
    except ValueError:
        return "none"


def _top(table: str, year: int, flow: str, digits: int, n: int) -> list[tuple[Any, ...]]:
    return _rows(
        f"SELECT left(product, {digits}) c, round(sum(value_usd) / 1e6, 3) FROM {table} "
        f"WHERE year = {year} AND flow = '{flow}' GROUP BY c ORDER BY sum(value_usd) DESC LIMIT {n}"
    )


def chile() -> None:
    """Chile's trade with Argentina, 2004 against 2002 (articles 03, 06, 11, 14)."""
    x2, x4 = val("chl", 2002), val("chl", 2004)
    m2, m4 = val("chl", 2002, "import"), val("chl", 2004, "import")
    show("all", "exports 2004 vs 2002", x4, x2)
    show("all", "imports 2004 vs 2002", m4, m2)
    show("all", "deficit (imports - exports) 2004 vs 2002", m4 - x4, m2 - x2)
    show("all", "turnover 2004 vs 2002", x4 + m4, x2 + m2)
    note("all", "imports / exports 2002, 2004", f"x{m2 / x2:.3f}, x{m4 / x4:.3f}")
    share("all", "exports of imports 2004 (cover)", x4, m4)
    share("all", "exports of imports 2002 (cover)", x2, m2)
    share("all", "exports of turnover 2004", x4, x4 + m4)
    for flow in ("export", "import"):
        for year in (2002, 2004):
            note("all", f"top {flow} chapters {year}", _top("chl", year, flow, 2, 8))
            note("all", f"top {flow} headings {year}", _top("chl", year, flow, 4, 8))
    for a, flow, code, label in [
        ("03 11", "export", "48", "paper and paperboard"),
        ("03 11", "export", "84", "machinery"),
        ("03 14", "export", "87", "vehicles"),
        ("03 11", "export", "39", "plastics"),
        ("03 06", "export", "20", "prepared vegetables and fruit"),
        ("06 14", "export", "08", "fruit and nuts"),
        ("06", "export", "22", "beverages"),
        ("11 14", "export", "28", "inorganic chemicals"),
        ("14", "export", "85", "electrical machinery"),
        ("03 11", "import", "27", "mineral fuels"),
        ("03 14", "import", "10", "cereals"),
        ("11", "import", "15", "fats and oils"),
        ("14", "import", "87", "vehicles"),
        ("06 14", "import", "04", "dairy"),
        ("11", "import", "23", "residues, animal feed"),
        ("03 06 08 11 14", "export", "30", "pharmaceutical products"),
        ("03 06 08 11 14", "export", "40", "rubber"),
        ("03 06 08 11 14", "export", "47", "wood pulp"),
        ("03 06 08 11 14", "export", "73", "articles of iron or steel"),
        ("03 06 08 11 14", "export", "49", "printed matter"),
        ("03 06 08 11 14", "export", "99", "not classified"),
        ("03 06 08 11 14", "export", "27", "mineral fuels"),
        ("03 06 08 11 14", "import", "33", "essential oils, perfumery"),
        ("03 06 08 11 14", "import", "48", "paper and paperboard"),
        ("03 06 08 11 14", "import", "39", "plastics"),
        ("03 06 08 11 14", "import", "84", "machinery"),
        ("03 06 08 11 14", "export", "2710", "refined petroleum oils"),
        ("03 06 08 11 14", "export", "4802", "uncoated paper"),
        ("03 06 08 11 14", "export", "3006", "pharmaceutical goods"),
        ("03 06 08 11 14", "export", "4011", "tyres"),
        ("03 06 08 11 14", "export", "4810", "coated paper"),
        ("03 06 08 11 14", "export", "4703", "chemical wood pulp"),
        ("03 06 08 11 14", "export", "8708", "motor vehicle parts"),
        ("03 06 08 11 14", "export", "9406", "prefabricated buildings"),
        ("03 06 08 11 14", "export", "7326", "other articles of iron or steel"),
        ("03 06 08 11 14", "export", "2002", "tomatoes, prepared"),
        ("03 06 08 11 14", "export", "4907", "stamps, banknotes"),
        ("03 06 08 11 14", "export", "0405", "butter"),
        ("03 06 08 11 14", "export", "8474", "machinery for minerals"),
        ("03 06 08 11 14", "import", "2711", "petroleum gases"),
        ("03 06 08 11 14", "import", "2710", "refined petroleum oils"),
        ("03 06 08 11 14", "import", "1517", "margarine"),
        ("03 06 08 11 14", "import", "1005", "maize"),
        ("03 06 08 11 14", "import", "1001", "wheat"),
        ("03 06 08 11 14", "import", "8703", "cars"),
        ("03 06 08 11 14", "import", "8704", "trucks"),
        ("03 06 08 11 14", "import", "9619", "sanitary towels, napkins"),
        ("03 06 08 11 14", "import", "4819", "cartons, boxes"),
        ("03 06 08 11 14", "import", "7612", "aluminium casks, cans"),
    ]:
        new, old = val("chl", 2004, flow, product=code), val("chl", 2002, flow, product=code)
        show(a, f"{flow}s HS {code} {label} 2004 vs 2002", new, old)
        total, total2 = (x4, x2) if flow == "export" else (m4, m2)
        note(a, f"  share of {flow}s 2004 / 2002; rank at its level 2004 / 2002",
             f"{100 * new / total:.2f}% / {100 * old / total2:.2f}%; rank {_rank('chl', 2004, code, flow)}"
             f" / {_rank('chl', 2002, code, flow)}")  # fmt: skip
    for ch in ("48", "87", "27", "39"):
        for year in (2002, 2004):
            ex, im = val("chl", year, product=ch), val("chl", year, "import", product=ch)
            note("03 11 14", f"balance HS {ch} {year} (exports - imports)",
                 f"{ex:,.2f} - {im:,.2f} = {ex - im:,.2f}")  # fmt: skip
    note("all", "HS chapters, headings, HS6 lines with value > 0 by year and flow", _rows(
        "SELECT year, flow, count(DISTINCT left(product, 2)), count(DISTINCT left(product, 4)), "
        "count(DISTINCT product) FROM chl WHERE value_usd > 0 GROUP BY ALL ORDER BY ALL"))  # fmt: skip
    note("all", "export chapters over 20 million by year", _rows(
        "SELECT year, count(*) FROM (SELECT year, left(product, 2) c FROM chl WHERE flow = 'export' "
        "GROUP BY ALL HAVING sum(value_usd) > 20e6) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "import chapters over 100 million by year", _rows(
        "SELECT year, count(*) FROM (SELECT year, left(product, 2) c FROM chl WHERE flow = 'import' "
        "GROUP BY ALL HAVING sum(value_usd) > 100e6) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (articles 02, 07, 10, 15)."""
    note("all", "flows in the Moscow file", _rows("SELECT DISTINCT flow FROM mow"))
    t19, t20 = val("mow", 2019), val("mow", 2020)
    show("all", "all exports 2020 vs 2019", t20, t19)
    note("all", "increase 2020 - 2019", f"{t20 - t19:,.2f}")
    for lo, hi in [(1, 3), (4, 6), (7, 9), (10, 12), (1, 6), (7, 12)]:
        show("all", f"months {lo}-{hi} 2020 vs 2019", val("mow", 2020, months=(lo, hi)),
             val("mow", 2019, months=(lo, hi)))  # fmt: skip
    for y in (2019, 2020):
        note("all", f"each month of {y}", ", ".join(
            f"{m}: {val('mow', y, months=(m, m)):,.2f}" for m in range(1, 13)))  # fmt: skip
    partners = _rows("""
        SELECT partner, coalesce(sum(value_usd) FILTER (year = 2019), 0) / 1e6 a,
               sum(value_usd) FILTER (year = 2020) / 1e6 b
        FROM mow GROUP BY partner ORDER BY b DESC""")
    r19 = {p: i for i, (p, a, _) in enumerate(sorted(partners, key=lambda r: -r[1]), 1) if a}
    for i, (p, a, b) in enumerate(partners, 1):
        change = f"{100 * (b / a - 1):+.4f}%  x{b / a:.3f}" if a else "new in 2020"
        note("all", f"{p} rank {i} (2019: {r19.get(p)}), share {100 * b / t20:.2f}% (2019: {100 * a / t19:.2f}%)",
             f"{a:9,.3f} -> {b:9,.3f}  {change}")  # fmt: skip
    note("all", "partners, HS6 products, headings, chapters with exports by year", _rows(
        "SELECT year, count(DISTINCT partner), count(DISTINCT product), count(DISTINCT left(product, 4)), "
        "count(DISTINCT left(product, 2)) FROM mow WHERE value_usd > 0 GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "partners over 100 million by year", _rows(
        "SELECT year, count(*) FROM (SELECT year, partner FROM mow GROUP BY year, partner "
        "HAVING sum(value_usd) > 100e6) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "headings with exports by year (2020 value, 2019 value)", _rows(
        "SELECT left(product, 4) h, round(sum(value_usd) FILTER (year = 2020) / 1e6, 3), "
        "round(sum(value_usd) FILTER (year = 2019) / 1e6, 3) FROM mow GROUP BY h ORDER BY 2 DESC"))  # fmt: skip
    asia = val("mow", 2020, partners=ASIA)
    share("12", "Asia (M49) share 2020", asia, t20)
    fastest = sorted(((b / a, p) for p, a, b in partners if a), reverse=True)[:4]
    note("12", "fastest growth of the partners with a 2019 base",
         ", ".join(f"{p} x{m:.3f}" for m, p in fastest))  # fmt: skip
    for code in ("8411", "8471", "8470", "9006", "9018", "9011", "9014"):
        new, old = val("mow", 2020, product=code), val("mow", 2019, product=code)
        show(
            "05 15",
            f"HS {code} (rank {rank('mow', 2020, _level(code), code)} of headings 2020)",
            new,
            old,
        )
    for code in ("84", "85", "90"):
        new, old = val("mow", 2020, product=code), val("mow", 2019, product=code)
        show("all", f"HS {code} (rank {rank('mow', 2020, _level(code), code)} 2020)", new, old)
        share("all", f"  HS {code} share 2020", new, t20)
        share("all", f"  HS {code} share 2019", old, t19)


def portugal() -> None:
    """Portugal's technology trade (articles 01, 04, 05, 08, 09, 12, 13, 16)."""
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
    for y in sorted(d)[1:]:
        lower = [p for p in d if p < y and d[p] <= d[y]]
        higher = [p for p in d if p < y and d[p] >= d[y]]
        xl = [p for p in x if p < y and x[p] >= x[y]]
        note("all", f"{y}: deficit lowest since / highest since; exports highest since",
             f"{max(lower) if lower else 'the start'} / {max(higher) if higher else 'the start'}; "
             f"{max(xl) if xl else 'the start'}")  # fmt: skip
    falls = [y for y in x if y - 1 in x and x[y] < x[y - 1]]
    note("10", "years in which exports fell", falls)
    growth = sorted(((x[y] / x[y - 1] - 1, y) for y in x if y - 1 in x), reverse=True)[:2]
    note("07", "largest yearly export growth", [(y, f"{100 * g:+.2f}%") for g, y in growth])
    note(
        "07 10",
        "largest deficit of the series",
        [(y, v) for y, v in d.items() if v == max(d.values())],
    )
    note("all", "years with a surplus", [y for y in d if d[y] < 0])
    note(
        "13",
        "exports 2018 -> 2021 average yearly growth",
        f"{100 * ((x[2021] / x[2018]) ** (1 / 3) - 1):+.2f}%",
    )
    note("13", "deficit 2018 / deficit 2021", f"x{d[2018] / d[2021]:.3f}")
    for new, old in [(2021, 2001), (2021, 2011), (2021, 2016), (2021, 2019), (2020, 2019),
                     (2019, 2018), (2018, 2008), (2011, 2001), (2009, 2008), (2016, 2006),
                     (2021, 2018), (2015, 2010), (2010, 2005)]:  # fmt: skip
        show("all", f"exports {new} vs {old}", x[new], x[old])
        show("all", f"imports {new} vs {old}", i[new], i[old])
        show("all", f"turnover {new} vs {old}", x[new] + i[new], x[old] + i[old])
    for y in (2001, 2011, 2018, 2019, 2020, 2021):
        parts = _rows(f"""
            WITH t AS (SELECT flow, partner, sum(value_usd) / 1e6 v FROM prt WHERE year = {y} GROUP BY ALL)
            SELECT *, rank() OVER (PARTITION BY flow ORDER BY v DESC), count(*) OVER (PARTITION BY flow)
            FROM t ORDER BY flow, v DESC""")
        for flow, p, v, rk, n in parts:
            tot = x[y] if flow == "export" else i[y]
            note("all", f"{y} {flow} {p} rank {rk} of {n}", f"{v:9,.2f} share {100 * v / tot:.2f}%")
    for y in (2001, 2011, 2020, 2021):
        for flow in ("export", "import"):
            tot = x[y] if flow == "export" else i[y]
            for code, v in _top("prt", y, flow, 6, 10):
                note("all", f"{y} {flow} HS {code}", f"{v:9,.3f} share {100 * v / tot:.2f}%")
    for y in (2020, 2021):
        note("all", f"export partners over 250 million {y}", _rows(
            f"SELECT partner, round(sum(value_usd) / 1e6, 2) FROM prt WHERE year = {y} AND flow = 'export' "
            f"GROUP BY partner HAVING sum(value_usd) > 250e6 ORDER BY 2 DESC"))  # fmt: skip
    for p in ("NLD", "DEU", "USA", "CHN", "ESP", "FRA", "KOR", "JPN"):
        show(
            "all",
            f"exports to {p} 2021 vs 2001",
            val("prt", 2021, partners=(p,)),
            val("prt", 2001, partners=(p,)),
        )
        show(
            "all",
            f"exports to {p} 2021 vs 2020",
            val("prt", 2021, partners=(p,)),
            val("prt", 2020, partners=(p,)),
        )
        show(
            "all",
            f"imports from {p} 2021 vs 2020",
            val("prt", 2021, "import", partners=(p,)),
            val("prt", 2020, "import", partners=(p,)),
        )
        ex, im = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note("all", f"{p} 2021 exports, imports, balance", f"{ex:,.2f}, {im:,.2f}, {ex - im:,.2f}")
    share(
        "07",
        "exports to NLD + DEU + FRA 2021 of all",
        val("prt", 2021, partners=("NLD", "DEU", "FRA")),
        x[2021],
    )
    show("07", "exports to KOR + JPN 2021", val("prt", 2021, partners=("KOR", "JPN")))
    note(
        "16",
        "CHN imports / exports 2021",
        f"x{val('prt', 2021, 'import', partners=('CHN',)) / val('prt', 2021, partners=('CHN',)):.3f}",
    )
    for code in ("854231", "851762", "300490"):
        ex, im = val("prt", 2021, product=code), val("prt", 2021, "import", product=code)
        note(
            "01 04 10",
            f"HS {code} 2021 exports, imports, balance",
            f"{ex:,.2f}, {im:,.2f}, {ex - im:,.2f}",
        )
    note("all", "PRT partners loaded", _rows("SELECT DISTINCT partner FROM prt ORDER BY ALL"))


if __name__ == "__main__":
    main(chile, moscow, portugal)
