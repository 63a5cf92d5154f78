# ruff: noqa: E501
"""The true figures of the heldout10 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers). Run from the repository root: ``python -m bench.check_corpus.heldout10.figures``; each
line names the articles that use the figure, and the answer keys' notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import (
    ASIA,
    main,
    note,
    share,
    show,
    val,
)
from bench.check_corpus.heldout8.figures import _rank, _rows, _top


def chile() -> None:
    """Chile's trade with Argentina, 2004 against 2002 (articles 02, 05, 08, 11, 14)."""
    x2, x4 = val("chl", 2002), val("chl", 2004)
    m2, m4 = val("chl", 2002, "import"), val("chl", 2004, "import")
    show("02-14", "exports 2004 vs 2002", x4, x2)
    show("02-14", "imports 2004 vs 2002", m4, m2)
    show("02-14", "deficit (imports - exports) 2004 vs 2002", m4 - x4, m2 - x2)
    show("05 11", "turnover 2004 vs 2002", x4 + m4, x2 + m2)
    note("05 11", "imports / exports 2002, 2004", f"x{m2 / x2:.3f}, x{m4 / x4:.3f}")
    share("02", "exports of imports 2004 (cover)", x4, m4)
    for flow in ("export", "import"):
        for year in (2002, 2004):
            note("all", f"top {flow} chapters {year}", _top("chl", year, flow, 2, 6))
            note("all", f"top {flow} headings {year}", _top("chl", year, flow, 4, 6))
    for a, flow, code, label in [
        ("05 08 11", "export", "48", "paper and paperboard"),
        ("05 11", "export", "84", "machinery"),
        ("05 11", "export", "30", "pharmaceutical products"),
        ("05", "export", "87", "vehicles"),
        ("05", "export", "39", "plastics"),
        ("05", "export", "20", "prepared vegetables and fruit"),
        ("05", "export", "73", "articles of iron or steel"),
        ("05", "export", "49", "printed matter"),
        ("11", "export", "99", "not classified"),
        ("14", "export", "22", "beverages"),
        ("05", "export", "2710", "refined petroleum oils"),
        ("08", "export", "4802", "uncoated paper"),
        ("08", "export", "4810", "coated paper"),
        ("08", "export", "4703", "chemical wood pulp"),
        ("14", "export", "4011", "tyres"),
        ("05 11 14", "import", "27", "mineral fuels"),
        ("02 11", "import", "15", "fats and oils"),
        ("02 11", "import", "10", "cereals"),
        ("08", "import", "48", "paper and paperboard"),
        ("02 05 11 14", "import", "2711", "petroleum gases"),
        ("11", "import", "2710", "refined petroleum oils"),
        ("02 14", "import", "1517", "margarine"),
        ("02 14", "import", "1005", "maize"),
        ("11 14", "import", "8703", "cars"),
        ("14", "import", "8704", "trucks"),
        ("08", "import", "4819", "cartons, boxes"),
    ]:
        new, old = val("chl", 2004, flow, product=code), val("chl", 2002, flow, product=code)
        show(a, f"{flow}s HS {code} {label} 2004 vs 2002", new, old)
        total, total2 = (x4, x2) if flow == "export" else (m4, m2)
        note(a, f"  share of {flow}s 2004 / 2002; rank at its level 2004 / 2002",
             f"{100 * new / total:.2f}% / {100 * old / total2:.2f}%; rank {_rank('chl', 2004, code, flow)}"
             f" / {_rank('chl', 2002, code, flow)}")  # fmt: skip
    ex, im = val("chl", 2004, product="48"), val("chl", 2004, "import", product="48")
    note("08", "balance HS 48 2004 (exports - imports)", f"{ex:,.2f} - {im:,.2f} = {ex - im:,.2f}")
    note("11", "export chapters over 20 million by year", _rows(
        "SELECT year, count(*), list(c ORDER BY c) FROM (SELECT year, left(product, 2) c FROM chl "
        "WHERE flow = 'export' GROUP BY ALL HAVING sum(value_usd) > 20e6) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (articles 03, 06, 09, 12, 16)."""
    note("all", "flows in the Moscow file", _rows("SELECT DISTINCT flow FROM mow"))
    t19, t20 = val("mow", 2019), val("mow", 2020)
    show("all", "all exports 2020 vs 2019", t20, t19)
    note("03 09", "increase 2020 - 2019", f"{t20 - t19:,.2f}")
    for lo, hi in [(1, 3), (4, 6), (7, 9), (10, 12), (1, 6), (7, 12), (12, 12)]:
        show("06 09 16", f"months {lo}-{hi} 2020 vs 2019", val("mow", 2020, months=(lo, hi)),
             val("mow", 2019, months=(lo, hi)))  # fmt: skip
    for y in (2019, 2020):
        note("16", f"each month of {y}", ", ".join(
            f"{m}: {val('mow', y, months=(m, m)):,.2f}" for m in range(1, 13)))  # fmt: skip
    partners = _rows("""
        SELECT partner, coalesce(sum(value_usd) FILTER (year = 2019), 0) / 1e6 a,
               sum(value_usd) FILTER (year = 2020) / 1e6 b
        FROM mow GROUP BY partner ORDER BY b DESC""")
    r19 = {p: i for i, (p, a, _) in enumerate(sorted(partners, key=lambda r: -r[1]), 1) if a}
    for i, (p, a, b) in enumerate(partners, 1):
        change = f"{100 * (b / a - 1):+.4f}%  x{b / a:.3f}" if a else "new in 2020"
        note("03-16", f"{p} rank {i} (2019: {r19.get(p)}), share {100 * b / t20:.2f}% (2019: {100 * a / t19:.2f}%)",
             f"{a:9,.3f} -> {b:9,.3f}  {change}")  # fmt: skip
    top3 = sum(b for _, _, b in partners[:3])
    share("03", "three largest partners 2020 (CHN, JPN, DEU)", top3, t20)
    fastest = sorted(((b / a, p) for p, a, b in partners if a), reverse=True)[:3]
    note("06", "fastest growth of the partners with a 2019 base",
         ", ".join(f"{p} x{m:.3f}" for m, p in fastest))  # fmt: skip
    note("03 06 09 12", "partners, HS6 products, headings, chapters with exports by year", _rows(
        "SELECT year, count(DISTINCT partner), count(DISTINCT product), count(DISTINCT left(product, 4)), "
        "count(DISTINCT left(product, 2)) FROM mow WHERE value_usd > 0 GROUP BY year ORDER BY year"))  # fmt: skip
    note("06", "partners over 100 million by year", _rows(
        "SELECT year, count(*) FROM (SELECT year, partner FROM mow GROUP BY year, partner "
        "HAVING sum(value_usd) > 100e6) GROUP BY year ORDER BY year"))  # fmt: skip
    asia = val("mow", 2020, partners=ASIA)
    share("06 12", f"Asia (M49) share 2020 ({asia:,.2f})", asia, t20)
    for code in ("8411", "8471", "8470", "8518", "8528", "9013"):
        new, old = val("mow", 2020, product=code), val("mow", 2019, product=code)
        show(
            "03 09 16",
            f"HS {code} (rank {_rank('mow', 2020, code, 'export')} of headings 2020)",
            new,
            old,
        )
    for code in ("84", "85", "90"):
        new, old = val("mow", 2020, product=code), val("mow", 2019, product=code)
        show("03 09 12", f"HS {code} (rank {_rank('mow', 2020, code, 'export')} 2020)", new, old)
        share("03 09 12", f"  HS {code} share 2020", new, t20)
        share("03 09 12", f"  HS {code} share 2019", old, t19)


def portugal() -> None:
    """Portugal's technology trade (articles 01, 04, 07, 10, 13, 15)."""
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
    lower = [p for p in d if p < 2021 and d[p] <= d[2021]]
    note("01 07 10", "2021: deficit lowest since", max(lower))
    note(
        "01 07 15", "years in which exports fell", [y for y in x if y - 1 in x and x[y] < x[y - 1]]
    )
    rises = sorted(((x[y] / x[y - 1] - 1, y) for y in x if y - 1 in x), reverse=True)[:2]
    note("07", "largest yearly export growth", [(y, f"{100 * g:+.2f}%") for g, y in rises])
    note(
        "07",
        "largest deficit of the series",
        [(y, v) for y, v in d.items() if v == max(d.values())],
    )
    note("01", "exports 2018 -> 2021 average yearly growth",
         f"{100 * ((x[2021] / x[2018]) ** (1 / 3) - 1):+.2f}%")  # fmt: skip
    for new, old in [
        (2021, 2001),
        (2021, 2011),
        (2021, 2017),
        (2021, 2018),
        (2019, 2018),
        (2009, 2008),
    ]:
        show("01-15", f"exports {new} vs {old}", x[new], x[old])
        show("01-15", f"imports {new} vs {old}", i[new], i[old])
        show("01-15", f"turnover {new} vs {old}", x[new] + i[new], x[old] + i[old])
    note("07 10 15", "partners by year and flow (distinct counts over all years)", _rows(
        "SELECT flow, list(DISTINCT n) FROM (SELECT year, flow, count(DISTINCT partner) n FROM prt "
        "WHERE value_usd > 0 GROUP BY ALL) GROUP BY flow ORDER BY flow"))  # fmt: skip
    note(
        "07 15",
        "each partner's ranks and shares over all years (distinct values)",
        _rows("""
        WITH t AS (SELECT year, flow, partner, sum(value_usd) v FROM prt GROUP BY ALL),
        r AS (SELECT *, rank() OVER (PARTITION BY year, flow ORDER BY v DESC) rk,
                     round(100 * v / sum(v) OVER (PARTITION BY year, flow), 2) sh FROM t)
        SELECT flow, partner, list(DISTINCT rk), list(DISTINCT sh) FROM r
        GROUP BY ALL ORDER BY flow, min(rk)"""),
    )
    parts = _rows("""
        WITH t AS (SELECT flow, partner, sum(value_usd) / 1e6 v FROM prt WHERE year = 2021 GROUP BY ALL)
        SELECT *, rank() OVER (PARTITION BY flow ORDER BY v DESC), count(*) OVER (PARTITION BY flow)
        FROM t ORDER BY flow, v DESC""")
    for flow, p, v, rk, n in parts:
        tot = x[2021] if flow == "export" else i[2021]
        v20 = val("prt", 2020, flow, partners=(p,))
        note("01-15", f"2021 {flow} {p} rank {rk} of {n}",
             f"{v:9,.2f} share {100 * v / tot:.2f}%  (2020 {v20:,.2f}, {100 * (v / v20 - 1):+.2f}%)")  # fmt: skip
    for p in ("NLD", "DEU", "USA", "CHN", "KOR", "JPN"):
        ex, im = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note(
            "01 13", f"{p} 2021 exports, imports, balance", f"{ex:,.2f}, {im:,.2f}, {ex - im:,.2f}"
        )
    note("10", "CHN imports / exports 2021",
         f"x{val('prt', 2021, 'import', partners=('CHN',)) / val('prt', 2021, partners=('CHN',)):.3f}")  # fmt: skip
    share(
        "01",
        "exports to NLD + DEU + FRA 2021 of all",
        val("prt", 2021, partners=("NLD", "DEU", "FRA")),
        x[2021],
    )
    five = ("NLD", "DEU", "FRA", "ESP", "USA")
    share(
        "15",
        "exports to NLD + DEU + FRA + ESP + USA 2021 of all",
        val("prt", 2021, partners=five),
        x[2021],
    )
    note("04 13", "export partners over 250 million 2021", _rows(
        "SELECT partner, round(sum(value_usd) / 1e6, 2) FROM prt WHERE year = 2021 AND flow = 'export' "
        "GROUP BY partner HAVING sum(value_usd) > 250e6 ORDER BY 2 DESC"))  # fmt: skip
    for code in ("854231", "851762", "300490"):
        ex, im = val("prt", 2021, product=code), val("prt", 2021, "import", product=code)
        note("04 10", f"HS {code} 2021 exports (share), imports, balance",
             f"{ex:,.2f} ({100 * ex / x[2021]:.2f}%), {im:,.2f}, {ex - im:,.2f}")  # fmt: skip


if __name__ == "__main__":
    main(chile, moscow, portugal)
