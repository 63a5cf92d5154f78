# ruff: noqa: E501
"""The true figures of the heldout9 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's helpers). Run
from the repository root: ``python -m bench.check_corpus.heldout9.figures``; each line is labelled
``all`` (most figures serve several articles), and the answer keys' notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import (
    ASIA,
    main,
    note,
    rank,
    share,
    show,
    val,
)
from bench.check_corpus.heldout8.figures import _level, _rank, _rows, _top


def chile() -> None:
    """Chile's trade with Argentina, 2004 against 2002."""
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
        ("all", "export", "48", "paper and paperboard"),
        ("all", "export", "84", "machinery"),
        ("all", "export", "87", "vehicles"),
        ("all", "export", "39", "plastics"),
        ("all", "export", "20", "prepared vegetables and fruit"),
        ("all", "export", "08", "fruit and nuts"),
        ("all", "export", "22", "beverages"),
        ("all", "export", "28", "inorganic chemicals"),
        ("all", "export", "85", "electrical machinery"),
        ("all", "import", "27", "mineral fuels"),
        ("all", "import", "10", "cereals"),
        ("all", "import", "15", "fats and oils"),
        ("all", "import", "87", "vehicles"),
        ("all", "import", "04", "dairy"),
        ("all", "import", "23", "residues, animal feed"),
        ("all", "export", "30", "pharmaceutical products"),
        ("all", "export", "40", "rubber"),
        ("all", "export", "47", "wood pulp"),
        ("all", "export", "73", "articles of iron or steel"),
        ("all", "export", "49", "printed matter"),
        ("all", "export", "99", "not classified"),
        ("all", "export", "27", "mineral fuels"),
        ("all", "import", "33", "essential oils, perfumery"),
        ("all", "import", "48", "paper and paperboard"),
        ("all", "import", "39", "plastics"),
        ("all", "import", "84", "machinery"),
        ("all", "export", "2710", "refined petroleum oils"),
        ("all", "export", "4802", "uncoated paper"),
        ("all", "export", "3006", "pharmaceutical goods"),
        ("all", "export", "4011", "tyres"),
        ("all", "export", "4810", "coated paper"),
        ("all", "export", "4703", "chemical wood pulp"),
        ("all", "export", "8708", "motor vehicle parts"),
        ("all", "export", "9406", "prefabricated buildings"),
        ("all", "export", "7326", "other articles of iron or steel"),
        ("all", "export", "2002", "tomatoes, prepared"),
        ("all", "export", "4907", "stamps, banknotes"),
        ("all", "export", "0405", "butter"),
        ("all", "export", "8474", "machinery for minerals"),
        ("all", "import", "2711", "petroleum gases"),
        ("all", "import", "2710", "refined petroleum oils"),
        ("all", "import", "1517", "margarine"),
        ("all", "import", "1005", "maize"),
        ("all", "import", "1001", "wheat"),
        ("all", "import", "8703", "cars"),
        ("all", "import", "8704", "trucks"),
        ("all", "import", "9619", "sanitary towels, napkins"),
        ("all", "import", "4819", "cartons, boxes"),
        ("all", "import", "7612", "aluminium casks, cans"),
    ]:
        new, old = val("chl", 2004, flow, product=code), val("chl", 2002, flow, product=code)
        show(a, f"{flow}s HS {code} {label} 2004 vs 2002", new, old)
        total, total2 = (x4, x2) if flow == "export" else (m4, m2)
        note(a, f"  share of {flow}s 2004 / 2002; rank at its level 2004 / 2002",
             f"{100 * new / total:.2f}% / {100 * old / total2:.2f}%; rank {_rank('chl', 2004, code, flow)}"
             f" / {_rank('chl', 2002, code, flow)}")  # fmt: skip
    for ch in ("48", "87", "27", "39", "84"):
        for year in (2002, 2004):
            ex, im = val("chl", year, product=ch), val("chl", year, "import", product=ch)
            note("all", f"balance HS {ch} {year} (exports - imports)",
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
    """Moscow's exports, 2020 against 2019."""
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
    share("all", "Asia (M49) share 2020", asia, t20)
    fastest = sorted(((b / a, p) for p, a, b in partners if a), reverse=True)[:4]
    note("all", "fastest growth of the partners with a 2019 base",
         ", ".join(f"{p} x{m:.3f}" for m, p in fastest))  # fmt: skip
    for code in (
        "8411",
        "8471",
        "8470",
        "8518",
        "8528",
        "8532",
        "8443",
        "9006",
        "9018",
        "9010",
        "9012",
        "9013",
    ):
        new, old = val("mow", 2020, product=code), val("mow", 2019, product=code)
        show(
            "all",
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
    """Portugal's technology trade."""
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
    note("all", "years in which exports fell", falls)
    growth = sorted(((x[y] / x[y - 1] - 1, y) for y in x if y - 1 in x), reverse=True)[:2]
    note("all", "largest yearly export growth", [(y, f"{100 * g:+.2f}%") for g, y in growth])
    note(
        "all",
        "largest deficit of the series",
        [(y, v) for y, v in d.items() if v == max(d.values())],
    )
    note("all", "years with a surplus", [y for y in d if d[y] < 0])
    note(
        "all",
        "exports 2018 -> 2021 average yearly growth",
        f"{100 * ((x[2021] / x[2018]) ** (1 / 3) - 1):+.2f}%",
    )
    note("all", "deficit 2018 / deficit 2021", f"x{d[2018] / d[2021]:.3f}")
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
        "all",
        "exports to NLD + DEU + FRA 2021 of all",
        val("prt", 2021, partners=("NLD", "DEU", "FRA")),
        x[2021],
    )
    show("all", "exports to KOR + JPN 2021", val("prt", 2021, partners=("KOR", "JPN")))
    note(
        "all",
        "CHN imports / exports 2021",
        f"x{val('prt', 2021, 'import', partners=('CHN',)) / val('prt', 2021, partners=('CHN',)):.3f}",
    )
    for code in ("854231", "851762", "300490"):
        ex, im = val("prt", 2021, product=code), val("prt", 2021, "import", product=code)
        note(
            "all",
            f"HS {code} 2021 exports, imports, balance",
            f"{ex:,.2f}, {im:,.2f}, {ex - im:,.2f}",
        )
    note(
        "all",
        "years (of all) in which DEU is the second export partner",
        _rows("""
        WITH t AS (SELECT year, partner, sum(value_usd) v FROM prt WHERE flow = 'export' GROUP BY ALL),
        r AS (SELECT *, rank() OVER (PARTITION BY year ORDER BY v DESC) rk FROM t)
        SELECT count(*) FILTER (partner = 'DEU' AND rk = 2), count(DISTINCT year) FROM r"""),
    )
    note("all", "PRT partners loaded", _rows("SELECT DISTINCT partner FROM prt ORDER BY ALL"))


if __name__ == "__main__":
    main(chile, moscow, portugal)
