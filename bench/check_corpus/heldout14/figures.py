# ruff: noqa: E501
"""The true figures of the heldout14 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers, and heldout13's ``goods``). Run from the repository root:
``python -m bench.check_corpus.heldout14.figures``; each line names the articles that use it, and
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


def chile() -> None:
    """Chile's trade with Argentina, 2004 against 2002 (articles 01, 04, 07, 10, 14)."""
    ex2, ex4 = val("chl", 2002), val("chl", 2004)
    im2, im4 = val("chl", 2002, "import"), val("chl", 2004, "import")
    show("01-14", "CHL exports to ARG 2004 vs 2002", ex4, ex2)
    show("01-14", "CHL imports from ARG 2004 vs 2002", im4, im2)
    show("01-14", "CHL deficit with ARG 2004 vs 2002", im4 - ex4, im2 - ex2)
    show("01-14", "CHL-ARG turnover 2004 vs 2002", ex4 + im4, ex2 + im2)
    share("01", "exports of imports 2004 (cover)", ex4, im4)
    note("07", "imports / exports 2004", f"x{im4 / ex4:.3f}")
    goods("chl", 2004, 2002, [
        ("01 07 10", "import", "2711", "petroleum gases"),
        ("01 10", "import", "27", "mineral fuels"),
        ("01 10", "import", "10", "cereals"),
        ("10", "import", "15", "fats and oils"),
        ("01", "import", "8703", "cars"),
        ("14", "import", "87", "vehicles"),
        ("14", "import", "48", "paper and paperboard"),
        ("14", "import", "84", "machinery"),
        ("07 14", "import", "2710", "refined petroleum oils"),
        ("07", "import", "1005", "maize"),
        ("07", "import", "1517", "margarine"),
        ("04", "import", "39", "plastics"),
        ("01 10 14", "export", "48", "paper and paperboard"),
        ("01 14", "export", "84", "machinery"),
        ("04 10", "export", "39", "plastics"),
        ("04", "export", "40", "rubber"),
        ("04 14", "export", "4011", "new pneumatic tyres"),
        ("04", "export", "9406", "prefabricated buildings"),
        ("10", "export", "30", "pharmaceutical products"),
        ("10", "export", "94", "furniture"),
        ("07 14", "export", "2710", "refined petroleum oils"),
        ("07", "export", "4802", "uncoated paper"),
        ("07", "export", "4703", "chemical wood pulp"),
        ("07", "export", "3006", "pharmaceutical goods"),
        ("14", "export", "8708", "parts of motor vehicles"),
    ])  # fmt: skip
    note("01", "import chapters 2004, largest first", _rows(
        "SELECT left(product, 2) c, round(sum(value_usd) / 1e6, 3) FROM chl WHERE year = 2004 "
        "AND flow = 'import' GROUP BY c ORDER BY sum(value_usd) DESC LIMIT 3"))  # fmt: skip
    note("04", "export chapters 2004, largest first", _rows(
        "SELECT left(product, 2) c, round(sum(value_usd) / 1e6, 3) FROM chl WHERE year = 2004 "
        "AND flow = 'export' GROUP BY c ORDER BY sum(value_usd) DESC LIMIT 6"))  # fmt: skip
    note("07", "export headings 2004, largest first", _rows(
        "SELECT left(product, 4) c, round(sum(value_usd) / 1e6, 3) FROM chl WHERE year = 2004 "
        "AND flow = 'export' GROUP BY c ORDER BY sum(value_usd) DESC LIMIT 6"))  # fmt: skip
    for a, code in (("04", "39"), ("14", "48"), ("14", "84")):
        e, i = val("chl", 2004, product=code), val("chl", 2004, "import", product=code)
        note(a, f"HS {code} 2004 exports, imports, imports - exports, imports / exports",
             f"{e:,.3f}, {i:,.3f}, {i - e:,.3f}, x{i / e:.3f}")  # fmt: skip
    share("14", "HS 8703 of HS 87 imports 2004",
          val("chl", 2004, "import", product="8703"), val("chl", 2004, "import", product="87"))  # fmt: skip


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (articles 02, 05, 08, 09, 12, 15)."""
    ex19, ex20 = val("mow", 2019), val("mow", 2020)
    show("02-15", "all exports 2020 vs 2019", ex20, ex19)
    for a, (m1, m2), label in [
        ("02 05", (1, 3), "Q1"), ("02", (4, 6), "Q2"), ("02 05", (7, 9), "Q3"),
        ("02 08 09", (10, 12), "Q4"), ("05 09", (7, 12), "H2"), ("05", (1, 1), "January"),
        ("05", (8, 8), "August"), ("05", (9, 9), "September"), ("05", (12, 12), "December"),
    ]:  # fmt: skip
        show(a, f"months {m1}-{m2} ({label}) 2020 vs 2019",
             val("mow", 2020, months=(m1, m2)), val("mow", 2019, months=(m1, m2)))  # fmt: skip
    note("05", "distinct monthly totals 2020 (months 1-8 / 9-12)", _rows(
        "SELECT month > 8 late, list(DISTINCT round(s, 3)) FROM (SELECT month, sum(value_usd) / 1e6 s "
        "FROM mow WHERE year = 2020 GROUP BY month) GROUP BY late ORDER BY late"))  # fmt: skip
    for a, p in [
        ("02 09", "CHN"), ("02 09 15", "JPN"), ("02 09", "DEU"), ("02 15", "USA"),
        ("08 15", "BLR"), ("02 08 09", "IND"), ("02 09", "KOR"), ("02 15", "FRA"), ("09 15", "ITA"),
        ("02 09", "KAZ"), ("05 09", "EGY"), ("02 15", "GBR"), ("05", "TUR"), ("05 15", "ARE"),
        ("05", "SGP"), ("05", "MYS"), ("05", "IDN"), ("05", "UZB"), ("05", "VNM"), ("05", "THA"),
        ("05", "BGD"), ("08 15", "MNG"),
    ]:  # fmt: skip
        n, o = val("mow", 2020, partners=(p,)), val("mow", 2019, partners=(p,))
        show(a, f"{p} 2020 vs 2019 (rank 2020 {rank('mow', 2020, 'partner', p)})", n, o or None)
        note(a, f"  {p} share of exports 2020", f"{100 * n / ex20:.2f}%")
    share("02", "CHN + JPN share of exports 2020", val("mow", 2020, partners=("CHN", "JPN")), ex20)
    note("08 15", "partners 2019 / 2020", _rows(
        "SELECT year, count(DISTINCT partner) FROM mow GROUP BY year ORDER BY year"))  # fmt: skip
    goods("mow", 2020, 2019, [
        ("02 08 09 12", "export", "84", "machinery"),
        ("08 09", "export", "85", "electrical equipment"),
        ("02 08 09 12", "export", "90", "instruments"),
        ("05", "export", "8411", "turbojets"),
        ("05", "export", "8471", "computers"),
        ("15", "export", "8470", "calculating machines"),
        ("15", "export", "8518", "loudspeakers and microphones"),
        ("05 12", "export", "9011", "microscopes"),
        ("05 12", "export", "8525", "transmission apparatus"),
        ("12", "export", "9006", "photographic cameras"),
        ("12", "export", "9018", "medical instruments"),
    ])  # fmt: skip
    note("08 12", "HS 90 buyers 2020 (2019), largest first", _rows(
        "SELECT partner, round(sum(value_usd) FILTER (WHERE year = 2020) / 1e6, 3), "
        "round(sum(value_usd) FILTER (WHERE year = 2019) / 1e6, 3) FROM mow WHERE product LIKE '90%' "
        "GROUP BY partner ORDER BY sum(value_usd) FILTER (WHERE year = 2020) DESC LIMIT 6"))  # fmt: skip
    for p in ("JPN", "CHN", "USA", "DEU", "BLR", "IND"):
        n = val("mow", 2020, partners=(p,), product="90")
        show("08 12", f"{p} HS 90 2020 vs 2019", n, val("mow", 2019, partners=(p,), product="90"))
    note("08", "DEU 2020 by chapter", _rows(
        "SELECT left(product, 2) c, round(sum(value_usd) / 1e6, 3) FROM mow WHERE year = 2020 "
        "AND partner = 'DEU' GROUP BY c ORDER BY c"))  # fmt: skip
    show("08", "KOR HS 85 2020 vs 2019",
         val("mow", 2020, partners=("KOR",), product="85"), val("mow", 2019, partners=("KOR",), product="85"))  # fmt: skip
    note("15", "headings over 100 million 2020", _rows(
        "SELECT left(product, 4) h, round(sum(value_usd) / 1e6, 3) s FROM mow WHERE year = 2020 "
        "GROUP BY h HAVING sum(value_usd) > 1e8 ORDER BY s DESC"))  # fmt: skip


def portugal_years(articles: str) -> None:
    """Portugal's exports, imports, deficit, turnover and growth of each year, 2001-2021."""
    note(articles, "exports, imports, deficit, turnover by year", "")
    for y, e, i in _rows(
        "SELECT year, sum(value_usd) FILTER (WHERE flow = 'export') / 1e6, "
        "sum(value_usd) FILTER (WHERE flow = 'import') / 1e6 FROM prt GROUP BY year ORDER BY year"
    ):
        pe, pi = val("prt", y - 1), val("prt", y - 1, "import")
        g = (
            f"  exports {100 * (e / pe - 1):+6.2f}%  imports {100 * (i / pi - 1):+6.2f}%"
            if pe
            else ""
        )
        note("", f"  {y}", f"{e:9,.2f} {i:9,.2f} deficit {i - e:7,.2f} turnover {e + i:9,.2f}{g}")


def portugal() -> None:
    """Portugal's technology trade (articles 03, 06, 11, 13, 16)."""
    portugal_years("03-16")
    e21 = val("prt", 2021)
    for y in (2001, 2011, 2018):
        note("03 06 16", f"exports 2021 / {y}", f"x{e21 / val('prt', y):.3f}")
    note(
        "16",
        "imports 2021 / 2001",
        f"x{val('prt', 2021, 'import') / val('prt', 2001, 'import'):.3f}",
    )
    show("11", "turnover 2021 vs 2020", e21 + val("prt", 2021, "import"),
         val("prt", 2020) + val("prt", 2020, "import"))  # fmt: skip
    for flow in ("export", "import"):
        rows = _rows(
            f"SELECT partner, sum(value_usd) / 1e6 FROM prt WHERE year = 2021 AND flow = '{flow}' "
            "GROUP BY partner ORDER BY 2 DESC"
        )
        total = sum(r[1] for r in rows)
        for i, (p, v) in enumerate(rows, 1):
            note(
                "03-16",
                f"2021 {flow} {p} rank {i} of {len(rows)}",
                f"{v:,.2f} ({100 * v / total:.2f}%)",
            )
    for p in ("NLD", "DEU", "CHN", "USA", "KOR", "JPN"):
        e, i = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note("03-16", f"{p} 2021 exports, imports, balance", f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}")
    for flow in ("export", "import"):
        for code in ("854231", "851762", "300490"):
            share("03-16", f"HS {code} 2021 {flow}s (share)", val("prt", 2021, flow, product=code),
                  val("prt", 2021, flow))  # fmt: skip


if __name__ == "__main__":
    main(chile, moscow, portugal)
