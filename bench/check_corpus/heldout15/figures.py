# ruff: noqa: E501
"""The true figures of the heldout15 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers, and heldout13's ``goods``). Run from the repository root:
``python -m bench.check_corpus.heldout15.figures``; each line names the articles that use it, and
the answer keys' notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import (
    main,
    note,
    rank,
    share,
    show,
    val,
)
from bench.check_corpus.heldout8.figures import _rows
from bench.check_corpus.heldout13.figures import goods
from bench.check_corpus.heldout14.figures import portugal_years

CHILE_GOODS = [
    ("import", "27", "mineral fuels"),
    ("import", "2711", "petroleum gases"),
    ("import", "2710", "refined petroleum oils"),
    ("import", "10", "cereals"),
    ("import", "1005", "maize"),
    ("import", "15", "fats and oils"),
    ("import", "87", "vehicles"),
    ("import", "8703", "cars"),
    ("import", "39", "plastics"),
    ("import", "48", "paper and paperboard"),
    ("import", "33", "essential oils, perfumery"),
    ("import", "84", "machinery"),
    ("import", "30", "pharmaceutical products"),
    ("import", "76", "aluminium"),
    ("import", "28", "inorganic chemicals"),
    ("import", "29", "organic chemicals"),
    ("import", "72", "iron and steel"),
    ("import", "73", "articles of iron or steel"),
    ("import", "69", "ceramic products"),
    ("import", "04", "dairy"),
    ("export", "48", "paper and paperboard"),
    ("export", "84", "machinery"),
    ("export", "27", "mineral fuels"),
    ("export", "2710", "refined petroleum oils"),
    ("export", "39", "plastics"),
    ("export", "30", "pharmaceutical products"),
    ("export", "40", "rubber"),
    ("export", "87", "vehicles"),
    ("export", "47", "wood pulp"),
    ("export", "94", "furniture"),
    ("export", "74", "copper"),
    ("export", "73", "articles of iron or steel"),
    ("export", "44", "wood"),
    ("export", "28", "inorganic chemicals"),
    ("export", "70", "glass and glassware"),
    ("export", "49", "printed matter"),
    ("export", "20", "prepared vegetables and fruit"),
    ("export", "4802", "uncoated paper"),
    ("export", "4011", "new pneumatic tyres"),
    ("export", "2711", "petroleum gases"),
]


def chile() -> None:
    """Chile's trade with Argentina, 2004 against 2002 (articles 01, 04, 07, 10, 14)."""
    ex2, ex4 = val("chl", 2002), val("chl", 2004)
    im2, im4 = val("chl", 2002, "import"), val("chl", 2004, "import")
    show("all", "CHL exports to ARG 2004 vs 2002", ex4, ex2)
    show("all", "CHL imports from ARG 2004 vs 2002", im4, im2)
    show("all", "CHL deficit with ARG 2004 vs 2002", im4 - ex4, im2 - ex2)
    show("all", "CHL-ARG turnover 2004 vs 2002", ex4 + im4, ex2 + im2)
    show("all", "increase 2004 - 2002: exports, imports", ex4 - ex2, None)
    show("all", "  imports", im4 - im2, None)
    share("all", "exports of imports 2004 (cover)", ex4, im4)
    share("all", "exports of imports 2002 (cover)", ex2, im2)
    share("all", "exports of turnover 2004", ex4, ex4 + im4)
    note("all", "imports / exports 2002, 2004", f"x{im2 / ex2:.3f}, x{im4 / ex4:.3f}")
    goods("chl", 2004, 2002, [("all", f, c, label) for f, c, label in CHILE_GOODS])
    for flow, n in (("export", 12), ("import", 12)):
        for y in (2002, 2004):
            note("all", f"{flow} chapters {y}, largest first", _rows(
                f"SELECT left(product, 2) c, round(sum(value_usd) / 1e6, 2) FROM chl WHERE year = {y} "
                f"AND flow = '{flow}' GROUP BY c ORDER BY sum(value_usd) DESC LIMIT {n}"))  # fmt: skip
    for code in ("48", "84", "30", "87", "27", "39", "73", "40"):
        e, i = val("chl", 2004, product=code), val("chl", 2004, "import", product=code)
        note("all", f"HS {code} 2004 exports, imports, exports - imports",
             f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}")  # fmt: skip
    note("all", "export chapters over US$10 million 2004 / 2002", _rows(
        "SELECT year, count(*) FROM (SELECT year, left(product, 2) c FROM chl WHERE flow = 'export' "
        "GROUP BY ALL HAVING sum(value_usd) > 1e7) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "import chapters over US$100 million 2004 / 2002", _rows(
        "SELECT year, count(*) FROM (SELECT year, left(product, 2) c FROM chl WHERE flow = 'import' "
        "GROUP BY ALL HAVING sum(value_usd) > 1e8) GROUP BY year ORDER BY year"))  # fmt: skip
    share("all", "HS 2711 + 2710 of imports 2004",
          val("chl", 2004, "import", product="2711") + val("chl", 2004, "import", product="2710"), im4)  # fmt: skip
    share("all", "HS 48 + 84 of exports 2004",
          val("chl", 2004, product="48") + val("chl", 2004, product="84"), ex4)  # fmt: skip
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (articles 02, 05, 08, 09, 12, 15)."""
    ex19, ex20 = val("mow", 2019), val("mow", 2020)
    show("all", "all exports 2020 vs 2019", ex20, ex19)
    show("all", "increase 2020 - 2019", ex20 - ex19, None)
    for (m1, m2), label in [
        ((1, 3), "Q1"), ((4, 6), "Q2"), ((7, 9), "Q3"), ((10, 12), "Q4"), ((1, 6), "H1"),
        ((7, 12), "H2"), ((1, 9), "nine months"), ((1, 1), "January"), ((9, 9), "September"),
        ((12, 12), "December"),
    ]:  # fmt: skip
        show("all", f"months {m1}-{m2} ({label}) 2020 vs 2019",
             val("mow", 2020, months=(m1, m2)), val("mow", 2019, months=(m1, m2)))  # fmt: skip
    note("all", "monthly totals 2019, 2020 (distinct values, months)", _rows(
        "SELECT year, round(s, 3), list(month ORDER BY month) FROM (SELECT year, month, "
        "sum(value_usd) / 1e6 s FROM mow GROUP BY ALL) GROUP BY ALL ORDER BY ALL"))  # fmt: skip
    partners = [r[0] for r in _rows(
        "SELECT partner FROM mow WHERE year = 2020 GROUP BY partner ORDER BY sum(value_usd) DESC")]  # fmt: skip
    for p in partners:
        n, o = val("mow", 2020, partners=(p,)), val("mow", 2019, partners=(p,))
        show("all", f"{p} 2020 vs 2019 (rank 2020 {rank('mow', 2020, 'partner', p)}, "
             f"share {100 * n / ex20:.2f}%)", n, o or None)  # fmt: skip
    note("all", "partners 2019 / 2020", _rows(
        "SELECT year, count(DISTINCT partner) FROM mow GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "partners over US$100 million 2020 / 2019", _rows(
        "SELECT year, count(*) FROM (SELECT year, partner FROM mow GROUP BY ALL "
        "HAVING sum(value_usd) > 1e8) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "partners whose exports fell 2020 vs 2019", _rows(
        "SELECT partner FROM mow GROUP BY partner HAVING sum(value_usd) FILTER (WHERE year = 2020) "
        "< sum(value_usd) FILTER (WHERE year = 2019)"))  # fmt: skip
    note("all", "partners whose HS 84 exports fell 2020 vs 2019", _rows(
        "SELECT partner FROM mow WHERE product LIKE '84%' GROUP BY partner HAVING "
        "sum(value_usd) FILTER (WHERE year = 2020) < sum(value_usd) FILTER (WHERE year = 2019) "
        "ORDER BY partner"))  # fmt: skip
    note("all", "HS 90 buyers 2020 (2019), largest first", _rows(
        "SELECT partner, round(sum(value_usd) FILTER (WHERE year = 2020) / 1e6, 2), "
        "round(sum(value_usd) FILTER (WHERE year = 2019) / 1e6, 2) FROM mow WHERE product LIKE '90%' "
        "GROUP BY partner ORDER BY sum(value_usd) FILTER (WHERE year = 2020) DESC"))  # fmt: skip
    share("all", "CHN + JPN share of exports 2020", val("mow", 2020, partners=("CHN", "JPN")), ex20)
    share("all", "CHN + JPN + DEU share of exports 2020",
          val("mow", 2020, partners=("CHN", "JPN", "DEU")), ex20)  # fmt: skip
    for p, c in [("BLR", "85"), ("BLR", "90"), ("USA", "84"), ("USA", "85"), ("USA", "90"),
                 ("GBR", "84"), ("GBR", "85"), ("FRA", "84"), ("FRA", "85"), ("KAZ", "84"),
                 ("KAZ", "85"), ("CHN", "84"), ("JPN", "90"), ("JPN", "84"), ("JPN", "85"),
                 ("IND", "85"), ("ITA", "85"), ("EGY", "85"), ("KOR", "84")]:  # fmt: skip
        show("all", f"{p} HS {c} 2020 vs 2019",
             val("mow", 2020, partners=(p,), product=c), val("mow", 2019, partners=(p,), product=c) or None)  # fmt: skip
    goods("mow", 2020, 2019, [
        ("all", "export", "84", "machinery"),
        ("all", "export", "85", "electrical equipment"),
        ("all", "export", "90", "instruments"),
        ("all", "export", "8411", "turbojets"),
        ("all", "export", "8471", "computers"),
        ("all", "export", "8470", "calculating machines"),
        ("all", "export", "8518", "loudspeakers and microphones"),
        ("all", "export", "8528", "monitors and television receivers"),
        ("all", "export", "8532", "capacitors"),
        ("all", "export", "8443", "printers and copiers"),
        ("all", "export", "8527", "radio receivers"),
        ("all", "export", "8517", "telephones"),
        ("all", "export", "9006", "photographic cameras"),
        ("all", "export", "9018", "medical instruments"),
        ("all", "export", "9011", "optical microscopes"),
        ("all", "export", "9012", "electron microscopes"),
        ("all", "export", "9013", "lasers and liquid crystal devices"),
        ("all", "export", "9014", "navigational instruments"),
        ("all", "export", "9004", "spectacles"),
        ("all", "export", "9015", "surveying instruments"),
    ])  # fmt: skip
    note("all", "headings 2020 (2019), largest first", _rows(
        "SELECT left(product, 4) h, round(sum(value_usd) FILTER (WHERE year = 2020) / 1e6, 2), "
        "round(sum(value_usd) FILTER (WHERE year = 2019) / 1e6, 2) FROM mow GROUP BY h "
        "ORDER BY sum(value_usd) FILTER (WHERE year = 2020) DESC LIMIT 10"))  # fmt: skip
    note("all", "headings 2020 / 2019; headings over US$100 million 2020 / 2019", _rows(
        "SELECT year, count(DISTINCT h), count(*) FILTER (WHERE s > 1e8) FROM "
        "(SELECT year, left(product, 4) h, sum(value_usd) s FROM mow GROUP BY ALL) GROUP BY year ORDER BY year"))  # fmt: skip


def portugal() -> None:
    """Portugal's technology trade (articles 03, 06, 11, 13, 16)."""
    portugal_years("all")
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    for y in (2001, 2009, 2011, 2016, 2018, 2019):
        note("all", f"exports / imports / turnover 2021 over {y}",
             f"x{e21 / val('prt', y):.3f} / x{i21 / val('prt', y, 'import'):.3f} / "
             f"x{(e21 + i21) / (val('prt', y) + val('prt', y, 'import')):.3f}")  # fmt: skip
    share("all", "exports of imports 2021 (cover)", e21, i21)
    share("all", "exports of imports 2001 (cover)", val("prt", 2001), val("prt", 2001, "import"))
    note("all", "distinct shares a partner has over the years, by flow", _rows(
        "WITH t AS (SELECT year, flow, partner, sum(value_usd) v FROM prt GROUP BY ALL), "
        "s AS (SELECT flow, partner, round(v / sum(v) OVER (PARTITION BY year, flow), 4) s FROM t) "
        "SELECT flow, max(n) FROM (SELECT flow, partner, count(DISTINCT s) n FROM s GROUP BY ALL) "
        "GROUP BY flow ORDER BY flow"))  # fmt: skip
    for flow in ("export", "import"):
        rows = _rows(
            f"SELECT partner, sum(value_usd) FILTER (WHERE year = 2021) / 1e6, "
            f"sum(value_usd) FILTER (WHERE year = 2020) / 1e6, sum(value_usd) FILTER (WHERE year = 2001) / 1e6 "
            f"FROM prt WHERE flow = '{flow}' GROUP BY partner ORDER BY 2 DESC"
        )
        total = sum(r[1] for r in rows)
        for i, (p, v, v20, v01) in enumerate(rows, 1):
            note("all", f"2021 {flow} {p} rank {i} of {len(rows)}",
                 f"{v:,.2f} ({100 * v / total:.2f}%); 2020 {v20:,.2f} ({100 * (v / v20 - 1):+.2f}%); "
                 f"2001 {v01:,.2f}")  # fmt: skip
    chn, deu = (val("prt", 2021, "import", partners=(p,)) for p in ("CHN", "DEU"))
    note("all", "imports from CHN / DEU 2021", f"{chn:,.2f} / {deu:,.2f} = x{chn / deu:.3f}")
    years = _rows(
        "SELECT year, sum(value_usd) FILTER (WHERE flow = 'export') / 1e6, "
        "sum(value_usd) FILTER (WHERE flow = 'import') / 1e6 FROM prt GROUP BY year ORDER BY year"
    )
    x = {y: e for y, e, _ in years}
    d = {y: i - e for y, e, i in years}
    for y in (2016, 2020, 2021):
        lower = [p for p in d if p < y and d[p] <= d[y]]
        note(
            "all", f"deficit {y} {d[y]:.2f}: the lowest since", max(lower) if lower else "the start"
        )
    rises = {y: x[y] / x[y - 1] - 1 for y in x if y - 1 in x}
    top = max(rises, key=lambda k: rises[k])
    note("all", "largest annual rise of exports", f"{top} ({100 * rises[top]:+.2f}%)")
    note("all", "years exports fell", [y for y in rises if rises[y] < 0])
    for label, level, series in (
        ("exports", 1000, x),
        ("turnover", 5000, {y: e + i for y, e, i in years}),
    ):
        note(
            "all",
            f"first year {label} over {level:,} million",
            min(y for y in series if series[y] > level),
        )
    for p in ("NLD", "DEU", "CHN", "USA", "KOR", "JPN"):
        e, i = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note("all", f"{p} 2021 exports, imports, balance", f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}")
    for flow in ("export", "import"):
        for code in ("854231", "851762", "300490"):
            show("all", f"HS {code} {flow}s 2021 vs 2020 (share 2021 "
                 f"{100 * val('prt', 2021, flow, product=code) / val('prt', 2021, flow):.2f}%)",
                 val("prt", 2021, flow, product=code), val("prt", 2020, flow, product=code))  # fmt: skip
    for code in ("854231", "851762", "300490"):
        e, i = val("prt", 2021, product=code), val("prt", 2021, "import", product=code)
        note("all", f"HS {code} 2021 balance (exports - imports)", f"{e - i:+,.2f}")


if __name__ == "__main__":
    main(chile, moscow, portugal)
