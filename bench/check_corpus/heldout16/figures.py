# ruff: noqa: E501
"""The true figures of the heldout16 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers and heldout13's ``goods``). Run from the repository root:
``python -m bench.check_corpus.heldout16.figures``. It prints heldout15's figures first (which the
keys of this part quote too) and then only what is new here; the answer keys' notes quote these
lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import main, note, share, show, val
from bench.check_corpus.heldout8.figures import _rows
from bench.check_corpus.heldout13.figures import goods
from bench.check_corpus.heldout15 import figures as h15


def chile() -> None:
    """Chile's trade with Argentina: what heldout15 does not print (01, 02, 07, 08)."""
    goods("chl", 2004, 2002, [
        ("all", "import", "85", "electrical machinery"),
        ("all", "import", "17", "sugars"),
        ("all", "import", "96", "miscellaneous manufactures"),
        ("all", "import", "1517", "margarine"),
        ("all", "export", "38", "chemical products n.e.s."),
        ("all", "export", "29", "organic chemicals"),
        ("all", "export", "85", "electrical machinery"),
        ("all", "export", "08", "fruit and nuts"),
        ("all", "export", "22", "beverages"),
    ])  # fmt: skip
    note("all", "export chapters 2004 / 2002; import chapters 2004 / 2002", _rows(
        "SELECT flow, year, count(DISTINCT left(product, 2)) FROM chl GROUP BY ALL ORDER BY ALL"))  # fmt: skip
    note("all", "export chapters over US$20 million 2004 / 2002", _rows(
        "SELECT year, count(*) FROM (SELECT year, left(product, 2) c FROM chl WHERE flow = 'export' "
        "GROUP BY ALL HAVING sum(value_usd) > 2e7) GROUP BY year ORDER BY year"))  # fmt: skip
    share("all", "HS 27 + 10 + 15 of imports 2004",
          sum(val("chl", 2004, "import", product=c) for c in ("27", "10", "15")), val("chl", 2004, "import"))  # fmt: skip
    share("all", "top five export chapters of exports 2004",
          sum(val("chl", 2004, product=c) for c in ("48", "84", "27", "39", "30")), val("chl", 2004))  # fmt: skip
    for code in ("15", "10", "85", "94"):
        e, i = val("chl", 2004, product=code), val("chl", 2004, "import", product=code)
        note("all", f"HS {code} 2004 exports, imports, exports - imports",
             f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}")  # fmt: skip


def moscow() -> None:
    """Moscow's exports: what heldout15 does not print (03, 04, 09, 10)."""
    for p, c in [("DEU", "84"), ("DEU", "85"), ("DEU", "90"), ("CHN", "85"), ("CHN", "90"),
                 ("IND", "84"), ("IND", "90"), ("BLR", "84"), ("KOR", "85"), ("TUR", "84"),
                 ("EGY", "84")]:  # fmt: skip
        show("all", f"{p} HS {c} 2020 vs 2019",
             val("mow", 2020, partners=(p,), product=c), val("mow", 2019, partners=(p,), product=c) or None)  # fmt: skip
    goods("mow", 2020, 2019, [
        ("all", "export", "8419", "heat-treatment machinery"),
        ("all", "export", "8519", "sound recording apparatus"),
        ("all", "export", "8472", "office machines"),
    ])  # fmt: skip
    note("all", "partners over US$50 million 2020 / 2019", _rows(
        "SELECT year, count(*) FROM (SELECT year, partner FROM mow GROUP BY ALL "
        "HAVING sum(value_usd) > 5e7) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "partners over US$200 million 2020 / 2019", _rows(
        "SELECT year, count(*) FROM (SELECT year, partner FROM mow GROUP BY ALL "
        "HAVING sum(value_usd) > 2e8) GROUP BY year ORDER BY year"))  # fmt: skip
    note("all", "partners 2019 rank (largest first)", _rows(
        "SELECT partner FROM mow WHERE year = 2019 GROUP BY partner ORDER BY sum(value_usd) DESC"))  # fmt: skip
    share("all", "BLR + DEU + FRA + ITA + GBR (Europe) share of exports 2020",
          val("mow", 2020, partners=("BLR", "DEU", "FRA", "ITA", "GBR")), val("mow", 2020))  # fmt: skip
    show("all", "BLR + DEU + FRA + ITA + GBR (Europe) 2020 vs 2019",
         val("mow", 2020, partners=("BLR", "DEU", "FRA", "ITA", "GBR")),
         val("mow", 2019, partners=("BLR", "DEU", "FRA", "ITA", "GBR")))  # fmt: skip
    note("all", "partners that grew faster than 50% 2020 vs 2019", _rows(
        "SELECT count(*) FROM (SELECT partner FROM mow GROUP BY partner HAVING "
        "sum(value_usd) FILTER (WHERE year = 2020) > 1.5 * sum(value_usd) FILTER (WHERE year = 2019))"))  # fmt: skip


def portugal() -> None:
    """Portugal's technology trade: what heldout15 does not print (05, 06, 11, 12)."""
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    for y in (2005, 2010, 2015, 2020):
        note("all", f"exports / imports / turnover 2021 over {y}",
             f"x{e21 / val('prt', y):.3f} / x{i21 / val('prt', y, 'import'):.3f} / "
             f"x{(e21 + i21) / (val('prt', y) + val('prt', y, 'import')):.3f}")  # fmt: skip
    note("all", "exports 2010 / 2001; 2020 / 2010", f"x{val('prt', 2010) / val('prt', 2001):.3f}; "
         f"x{val('prt', 2020) / val('prt', 2010):.3f}")  # fmt: skip
    note("all", "export partners over US$250 million 2021", _rows(
        "SELECT count(*) FROM (SELECT partner FROM prt WHERE year = 2021 AND flow = 'export' "
        "GROUP BY ALL HAVING sum(value_usd) > 2.5e8)"))  # fmt: skip
    note("all", "export partners over US$200 million 2021", _rows(
        "SELECT count(*) FROM (SELECT partner FROM prt WHERE year = 2021 AND flow = 'export' "
        "GROUP BY ALL HAVING sum(value_usd) > 2e8)"))  # fmt: skip
    share("all", "NLD + DEU + FRA of exports 2021",
          val("prt", 2021, partners=("NLD", "DEU", "FRA")), e21)  # fmt: skip
    share(
        "all", "CHN + DEU of imports 2021", val("prt", 2021, "import", partners=("CHN", "DEU")), i21
    )
    for p in ("FRA", "ESP", "GBR", "ITA"):
        e, i = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note("all", f"{p} 2021 exports, imports", f"{e:,.2f}, {i:,.2f}")
    nld, deu = val("prt", 2021, partners=("NLD",)), val("prt", 2021, partners=("DEU",))
    note("all", "exports NLD / DEU 2021", f"x{nld / deu:.3f}")
    chn, usa = (val("prt", 2021, "import", partners=(p,)) for p in ("CHN", "USA"))
    note("all", "imports CHN / USA 2021", f"{chn:,.2f} / {usa:,.2f} = x{chn / usa:.3f}")
    note("all", "years imports fell", [r[0] for r in _rows(
        "WITH t AS (SELECT year, sum(value_usd) v FROM prt WHERE flow = 'import' GROUP BY year) "
        "SELECT a.year FROM t a JOIN t b ON a.year = b.year + 1 WHERE a.v < b.v ORDER BY 1")])  # fmt: skip
    note("all", "deficit 2019 270.00: lower or equal before", [r[0] for r in _rows(
        "SELECT year FROM prt GROUP BY year HAVING sum(value_usd) FILTER (WHERE flow = 'import') "
        "- sum(value_usd) FILTER (WHERE flow = 'export') <= 270e6 AND year < 2019 ORDER BY year")])  # fmt: skip


if __name__ == "__main__":
    main(chile, moscow, portugal, earlier=(h15,), new="heldout16")
