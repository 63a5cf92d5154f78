# ruff: noqa: E501
"""The true figures of the heldout23 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers, heldout13's ``goods`` and heldout22's ``_ranks``). Run from the repository root:
``python -m bench.check_corpus.heldout23.figures``. It prints heldout15's to heldout22's figures
first (which the keys of this part quote too) and then only what is new here; the answer keys'
notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import main, note, share, show, val
from bench.check_corpus.heldout8.figures import _rows
from bench.check_corpus.heldout13.figures import goods
from bench.check_corpus.heldout15 import figures as h15
from bench.check_corpus.heldout16 import figures as h16
from bench.check_corpus.heldout17 import figures as h17
from bench.check_corpus.heldout18 import figures as h18
from bench.check_corpus.heldout19 import figures as h19
from bench.check_corpus.heldout20 import figures as h20
from bench.check_corpus.heldout21 import figures as h21
from bench.check_corpus.heldout22 import figures as h22
from bench.check_corpus.heldout22.figures import _ranks


def chile() -> None:
    """Chile's trade with Argentina: what heldout15-22 do not print (01, 02, 07, 08)."""
    goods("chl", 2004, 2002, [
        ("02", "import", "3004", "medicaments"),
        ("01 07", "import", "1517", "margarine and edible blends"),
        ("08", "export", "33", "essential oils and perfumery"),
        ("08", "export", "4818", "toilet paper, tissues and napkins"),
        ("01 08", "export", "4011", "new pneumatic tyres"),
        ("01 07", "export", "2204", "wine"),
        ("02", "export", "03", "fish"),
        ("08", "export", "20", "preparations of vegetables and fruit"),
        ("08", "export", "73", "articles of iron or steel"),
        ("02", "export", "2710", "refined petroleum oils"),
        ("08", "export", "87", "vehicles"),
    ])  # fmt: skip
    note(
        "01 02 07 08", "export chapters 2004 by value", _ranks("chl", 2004, "left(product, 2)")[:3]
    )
    note(
        "02", "import chapters 2004 by value", _ranks("chl", 2004, "left(product, 2)", "import")[:3]
    )
    for y in (2002, 2004):
        e, i = val("chl", y), val("chl", y, "import")
        note(
            "02 08",
            f"{y} imports / exports; exports of imports",
            f"x{i / e:.3f}; {100 * e / i:.2f}%",
        )
    e, i = val("chl", 2004, product="40"), val("chl", 2004, "import", product="40")
    note("01", "HS 40 2004 exports, imports, balance", f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}")
    note("01 07", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports: what heldout15-22 do not print (03, 04, 09, 10)."""
    for a, b in [(1, 3), (4, 6), (7, 9), (10, 12), (7, 12), (1, 9), (9, 9), (11, 11), (12, 12)]:
        show("03 09 10", f"months {a}-{b} 2020 vs 2019", val("mow", 2020, months=(a, b)), val("mow", 2019, months=(a, b)))  # fmt: skip
    note("09", "months 1-8 2020, distinct monthly values", _rows(
        "SELECT DISTINCT round(sum(value_usd) / 1e6, 2) FROM mow WHERE year = 2020 AND month <= 8 GROUP BY month"))  # fmt: skip
    show(
        "03", "Q3 2020 vs Q2 2020", val("mow", 2020, months=(7, 9)), val("mow", 2020, months=(4, 6))
    )
    for p in (
        "CHN",
        "JPN",
        "DEU",
        "USA",
        "BLR",
        "IND",
        "KOR",
        "KAZ",
        "TUR",
        "FRA",
        "EGY",
        "GBR",
        "SGP",
        "MNG",
    ):
        show("03 04 09 10", f"{p} 2020 vs 2019", val("mow", 2020, partners=(p,)), val("mow", 2019, partners=(p,)))  # fmt: skip
    note("03 09", "partners 2020 by value", [p for p, _ in _ranks("mow", 2020, "partner")])
    share("04 10", "CHN + JPN of exports 2020", val("mow", 2020, partners=("CHN", "JPN")), val("mow", 2020))  # fmt: skip
    for code in ("84", "85", "90"):
        show("03 09 10", f"HS {code} 2020 vs 2019", val("mow", 2020, product=code), val("mow", 2019, product=code))  # fmt: skip
        share(
            "03 10", f"HS {code} of exports 2020", val("mow", 2020, product=code), val("mow", 2020)
        )
        share("03", f"HS {code} of exports 2019", val("mow", 2019, product=code), val("mow", 2019))
    note("04 10", "headings 2020 by value", _ranks("mow", 2020, "left(product, 4)")[:3])
    show("09", "HS 9011 optical microscopes 2020 vs 2019", val("mow", 2020, product="9011"), val("mow", 2019, product="9011"))  # fmt: skip
    for p in ("CHN", "JPN", "KOR"):
        show("04", f"{p} HS 8411 2020 vs 2019", val("mow", 2020, partners=(p,), product="8411"), val("mow", 2019, partners=(p,), product="8411"))  # fmt: skip
    for p in ("USA", "BLR"):
        show("04", f"{p} HS 90 2020 vs 2019", val("mow", 2020, partners=(p,), product="90"), val("mow", 2019, partners=(p,), product="90"))  # fmt: skip
    note("10", "HS 90 buyers 2020 by value", [(p, round(v, 2)) for p, v in _rows(
        "SELECT partner, sum(value_usd) / 1e6 v FROM mow WHERE year = 2020 AND product LIKE '90%' "
        "GROUP BY partner ORDER BY v DESC LIMIT 3")])  # fmt: skip
    note("04 09", "partners 2019 / 2020", _rows("SELECT year, count(DISTINCT partner) FROM mow GROUP BY year ORDER BY year"))  # fmt: skip
    note("04", "partners over US$100 million 2020", _rows(
        "SELECT count(*) FROM (SELECT partner FROM mow WHERE year = 2020 GROUP BY partner HAVING sum(value_usd) > 1e8)"))  # fmt: skip
    note("09", "partners that grew faster than 50% 2020 vs 2019", _rows(
        "SELECT count(*) FROM (SELECT partner FROM mow GROUP BY partner "
        "HAVING sum(value_usd) FILTER (year = 2020) > 1.5 * sum(value_usd) FILTER (year = 2019))"))  # fmt: skip


def portugal() -> None:
    """Portugal's technology trade: what heldout15-22 do not print (05, 06, 11, 12)."""
    note("05 06 11 12", "year, exports, imports, deficit", [(y, round(e, 2), round(i, 2), round(i - e, 2)) for y, e, i in _rows(
        "SELECT year, sum(value_usd) FILTER (flow = 'export') / 1e6, sum(value_usd) FILTER (flow = 'import') / 1e6 "
        "FROM prt GROUP BY year ORDER BY year")])  # fmt: skip
    for new, old in [
        (2021, 2018),
        (2021, 2001),
        (2021, 2011),
        (2019, 2018),
        (2009, 2008),
        (2021, 2020),
    ]:
        show("05 06 11 12", f"exports {new} vs {old}", val("prt", new), val("prt", old))
        show(
            "05 11 12",
            f"imports {new} vs {old}",
            val("prt", new, "import"),
            val("prt", old, "import"),
        )
    show("05 11", "turnover 2021 vs 2020", val("prt", 2021) + val("prt", 2021, "import"),
         val("prt", 2020) + val("prt", 2020, "import"))  # fmt: skip
    note("05 06 11 12", "export partners 2021 by value", _ranks("prt", 2021, "partner"))
    note("06 11 12", "import partners 2021 by value", _ranks("prt", 2021, "partner", "import"))
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    for code in ("8542", "8517", "3004"):
        share("05 11", f"HS {code} of exports 2021", val("prt", 2021, product=code), e21)
    for p in ("CHN", "DEU", "USA"):
        share("05 06 12", f"{p} of imports 2021", val("prt", 2021, "import", partners=(p,)), i21)
    share("06 11", "NLD of exports 2021", val("prt", 2021, partners=("NLD",)), e21)
    note("05", "exports NLD / (DEU + FRA) 2021", f"x{val('prt', 2021, partners=('NLD',)) / val('prt', 2021, partners=('DEU', 'FRA')):.3f}")  # fmt: skip
    note("11", "imports CHN / DEU 2021", f"x{val('prt', 2021, 'import', partners=('CHN',)) / val('prt', 2021, 'import', partners=('DEU',)):.3f}")  # fmt: skip
    for p in ("CHN", "NLD"):
        e, i = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note("05 12", f"{p} 2021 exports, imports, larger / smaller", f"{e:,.2f}, {i:,.2f}, x{max(e, i) / min(e, i):.3f}")  # fmt: skip
    show("06 11", "imports JPN 2021 vs 2020", val("prt", 2021, "import", partners=("JPN",)), val("prt", 2020, "import", partners=("JPN",)))  # fmt: skip
    show("06", "exports FRA 2021 vs 2020", val("prt", 2021, partners=("FRA",)), val("prt", 2020, partners=("FRA",)))  # fmt: skip
    note("06 12", "export partners over US$250 million 2021", _rows(
        "SELECT count(*) FROM (SELECT partner FROM prt WHERE year = 2021 AND flow = 'export' GROUP BY partner "
        "HAVING sum(value_usd) > 2.5e8)"))  # fmt: skip
    note("12", "partners 2021 by flow", _rows("SELECT flow, count(DISTINCT partner) FROM prt WHERE year = 2021 GROUP BY flow ORDER BY flow"))  # fmt: skip
    note("05 11", "years exports fell", [r[0] for r in _rows(
        "SELECT year FROM (SELECT year, sum(value_usd) v, lag(sum(value_usd)) OVER (ORDER BY year) p "
        "FROM prt WHERE flow = 'export' GROUP BY year) WHERE v < p ORDER BY year")])  # fmt: skip
    note("06", "first year exports over 1,000 million", _rows(
        "SELECT min(year) FROM (SELECT year FROM prt WHERE flow = 'export' GROUP BY year HAVING sum(value_usd) > 1e9)"))  # fmt: skip


def _new_only() -> None:
    """Only this part's figures (``--new``), without heldout15-22's."""
    main(chile, moscow, portugal)


if __name__ == "__main__":
    import sys

    if "--new" in sys.argv:
        _new_only()
    else:
        main(
            chile,
            moscow,
            portugal,
            earlier=(h15, h16, h17, h18, h19, h20, h21, h22),
            new="heldout23",
        )
