# ruff: noqa: E501
"""The true figures of the heldout27 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers, heldout13's ``goods`` and heldout22's ``_ranks``). Run from the repository root:
``python -m bench.check_corpus.heldout27.figures``. It prints heldout15's to heldout26's figures
first and then only what is new here (``--new`` prints only these); the answer keys' notes quote
these lines.
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
from bench.check_corpus.heldout23 import figures as h23
from bench.check_corpus.heldout24 import figures as h24
from bench.check_corpus.heldout25 import figures as h25
from bench.check_corpus.heldout26 import figures as h26


def _chapters_over(table: str, year: int, flow: str, floor: float) -> list[tuple[str, float]]:
    """The HS chapters of one year and flow worth more than ``floor`` US$ million, largest first."""
    return [(c, v) for c, v in _ranks(table, year, "left(product, 2)", flow) if v > floor]


def _balance(table: str, year: int, label: str, **kw: object) -> None:
    e, i = val(table, year, **kw), val(table, year, "import", **kw)  # type: ignore[arg-type]
    note("all", f"{label} {year} exports, imports, balance", f"{e:,.2f}, {i:,.2f}, {e - i:+,.2f}")


def chile() -> None:
    """Chile's trade with Argentina, 2004 against 2002 (01, 02, 07, 08)."""
    e2, e4, i2, i4 = (
        val("chl", 2002),
        val("chl", 2004),
        val("chl", 2002, "import"),
        val("chl", 2004, "import"),
    )
    show("all", "CHL exports to ARG 2004 vs 2002", e4, e2)
    show("all", "CHL imports from ARG 2004 vs 2002", i4, i2)
    show("all", "CHL deficit (imports - exports) 2004 vs 2002", i4 - e4, i2 - e2)
    show("all", "CHL-ARG turnover 2004 vs 2002", e4 + i4, e2 + i2)
    share("all", "exports of imports 2004", e4, i4)
    share("all", "exports of turnover 2004", e4, e4 + i4)
    note("01", "imports / exports 2004", f"{i4:,.2f} / {e4:,.2f} = x{i4 / e4:.3f}")
    goods("chl", 2004, 2002, [
        ("01 07", "import", "27", "mineral fuels"),
        ("01", "import", "2711", "petroleum gases"),
        ("01", "import", "8704", "goods vehicles (lorries, trucks)"),
        ("01", "import", "76", "aluminium"),
        ("07", "import", "1001", "wheat"),
        ("07", "import", "1005", "maize"),
        ("07", "import", "1806", "chocolate"),
        ("07 08", "import", "3401", "soap"),
        ("07", "import", "15", "fats and oils"),
        ("07", "import", "8703", "motor cars"),
        ("07", "import", "87", "vehicles"),
        ("02", "import", "48", "paper and paperboard"),
        ("02", "import", "4819", "cartons, boxes and bags of paper"),
        ("08", "import", "39", "plastics"),
        ("08", "import", "3901", "polyethylene (polymers of ethylene)"),
        ("08", "import", "28", "inorganic chemicals"),
        ("08", "import", "29", "organic chemicals"),
        ("08", "import", "33", "essential oils, perfumery, cosmetics"),
        ("08", "import", "3304", "beauty and make-up preparations"),
        ("08", "import", "3808", "insecticides, fungicides, herbicides"),
        ("08", "import", "34", "soap and washing preparations"),
        ("08", "import", "30", "pharmaceutical products"),
        ("01", "export", "70", "glass and glassware"),
        ("01", "export", "49", "printed books and newspapers"),
        ("01", "export", "40", "rubber"),
        ("01", "export", "87", "vehicles"),
        ("01", "export", "84", "machinery"),
        ("02", "export", "48", "paper and paperboard"),
        ("02", "export", "4802", "uncoated paper"),
        ("02", "export", "4703", "chemical wood pulp"),
        ("02", "export", "4011", "new pneumatic tyres"),
        ("02 08", "export", "39", "plastics"),
        ("08", "export", "3901", "polyethylene (polymers of ethylene)"),
        ("08", "export", "28", "inorganic chemicals"),
        ("08", "export", "3808", "insecticides, fungicides, herbicides"),
        ("07", "export", "27", "mineral fuels"),
    ])  # fmt: skip
    note("all", "export chapters 2004 by value", _ranks("chl", 2004, "left(product, 2)")[:6])
    note("all", "import chapters 2004 by value", _ranks("chl", 2004, "left(product, 2)", "import")[:6])  # fmt: skip
    for year in (2002, 2004):
        over = _chapters_over("chl", year, "export", 10)
        note("01", f"export chapters over US$10 million {year}", f"{len(over)}: {over}")
    for code in ("48", "39"):
        _balance("chl", 2004, f"HS {code}", product=code)
    p_e, p_i = val("chl", 2004, product="48"), val("chl", 2004, "import", product="48")
    note("02", "HS 48 2004 imports / exports", f"{p_i:,.2f} / {p_e:,.2f} = x{p_i / p_e:.3f}")
    chem = sum(val("chl", 2004, product=f"{c}") for c in range(28, 39))
    share("08", "HS 28-38 (chemicals) of exports 2004", chem, e4)
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (03, 04, 09, 10)."""
    e19, e20 = val("mow", 2019), val("mow", 2020)
    show("all", "Moscow exports 2020 vs 2019", e20, e19)
    show("all", "Moscow exports 2020 minus 2019", e20 - e19)
    for a, b in [(1, 6), (7, 12), (7, 9), (10, 12), (12, 12)]:
        show("all", f"months {a}-{b} 2020 vs 2019", val("mow", 2020, months=(a, b)), val("mow", 2019, months=(a, b)))  # fmt: skip
    note("all", "monthly values 2020", _rows(
        "SELECT month, round(sum(value_usd) / 1e6, 2) FROM mow WHERE year = 2020 GROUP BY month ORDER BY month"))  # fmt: skip
    for p in ("CHN", "JPN", "DEU", "USA", "BLR", "IND", "KOR", "FRA", "ITA", "KAZ", "EGY", "GBR",
              "TUR", "VNM", "THA", "MNG"):  # fmt: skip
        show("all", f"{p} 2020 vs 2019", val("mow", 2020, partners=(p,)), val("mow", 2019, partners=(p,)))  # fmt: skip
    share("03", "CHN + JPN of exports 2020", val("mow", 2020, partners=("CHN", "JPN")), e20)
    europe = ("DEU", "FRA", "ITA", "GBR", "BLR")
    share("09", "Europe (DEU FRA ITA GBR BLR) of exports 2020", val("mow", 2020, partners=europe), e20)  # fmt: skip
    note("all", "partners 2020 by value", _ranks("mow", 2020, "partner"))
    note("all", "partners 2019 / 2020", _rows("SELECT year, count(DISTINCT partner) FROM mow GROUP BY year ORDER BY year"))  # fmt: skip
    growth = _rows(
        "SELECT partner, round(100 * (sum(value_usd) FILTER (year = 2020) / sum(value_usd) FILTER (year = 2019) - 1), 2) g "
        "FROM mow GROUP BY partner HAVING sum(value_usd) FILTER (year = 2019) > 0 ORDER BY g"
    )  # fmt: skip
    note("all", "growth 2020 vs 2019 of the 2019 partners, slowest first", growth)
    note("03", "2019 partners whose 2020 sales fell", [p for p, g in growth if g < 0])
    note("10", "partners up exactly 60%", [p for p, g in growth if g == 60.0])
    note("09", "European partners up less than 20%", [p for p, g in growth if p in europe and g < 20])  # fmt: skip
    for code in ("84", "85", "90"):
        show("all", f"HS {code} 2020 vs 2019", val("mow", 2020, product=code), val("mow", 2019, product=code))  # fmt: skip
        share("all", f"HS {code} of exports 2019", val("mow", 2019, product=code), e19)
        share("all", f"HS {code} of exports 2020", val("mow", 2020, product=code), e20)
    goods("mow", 2020, 2019, [
        ("03 04", "export", "8411", "turbojets"),
        ("10", "export", "8528", "monitors and television sets"),
        ("04 10", "export", "8527", "radio receivers"),
        ("04", "export", "9006", "photographic cameras"),
        ("04", "export", "9012", "microscopes other than optical (electron microscopes)"),
        ("04", "export", "9014", "navigational instruments"),
        ("04", "export", "9015", "surveying instruments"),
        ("04 09", "export", "9018", "medical instruments"),
        ("09", "export", "9011", "optical microscopes"),
    ])  # fmt: skip
    note("all", "headings 2020 by value", _ranks("mow", 2020, "left(product, 4)")[:12])
    for year in (2019, 2020):
        over = [h for h, v in _ranks("mow", year, "left(product, 4)") if v > 100]
        note("04", f"headings over US$100 million {year}", f"{len(over)}: {over}")


def portugal() -> None:
    """Portugal's technology trade (05, 06, 11, 12)."""
    table = _rows(
        "SELECT year, sum(value_usd) FILTER (flow = 'export') / 1e6 e, sum(value_usd) FILTER (flow = 'import') / 1e6 i "
        "FROM prt GROUP BY year ORDER BY year"
    )  # fmt: skip
    note("all", "year, exports, imports, deficit", [(y, round(e, 2), round(i, 2), round(i - e, 2)) for y, e, i in table])  # fmt: skip
    for new, old in [(2021, 2020), (2019, 2018), (2021, 2018), (2021, 2011), (2021, 2001),
                     (2016, 2015), (2012, 2011), (2017, 2016)]:  # fmt: skip
        show("all", f"exports {new} vs {old}", val("prt", new), val("prt", old))
        show("all", f"imports {new} vs {old}", val("prt", new, "import"), val("prt", old, "import"))
    show("all", "turnover 2021 vs 2020", val("prt", 2021) + val("prt", 2021, "import"),
         val("prt", 2020) + val("prt", 2020, "import"))  # fmt: skip
    deficit = {y: round(i - e, 2) for y, e, i in table}
    for year in (2015, 2019, 2020, 2021):
        last = max((y for y in deficit if y < year and deficit[y] <= deficit[year]), default=None)
        note("all", f"deficit {year} {deficit[year]}: last earlier year as low or lower", last)
    for year in (2017,):
        last = max((y for y in deficit if y < year and deficit[y] >= deficit[year]), default=None)
        note("all", f"deficit {year} {deficit[year]}: last earlier year as high or higher", last)
    for flow in ("e", "i"):
        k = 1 if flow == "e" else 2
        fell = [table[n][0] for n in range(1, len(table)) if table[n][k] < table[n - 1][k]]
        note("all", f"years {'exports' if k == 1 else 'imports'} fell ({len(fell)} of {len(table) - 1})", fell)  # fmt: skip
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    for code in ("854231", "851762", "300490"):
        share("all", f"HS {code} of exports 2021", val("prt", 2021, product=code), e21)
        _balance("prt", 2021, f"HS {code}", product=code)
    note("all", "export partners 2021 by value", _ranks("prt", 2021, "partner"))
    note("all", "import partners 2021 by value", _ranks("prt", 2021, "partner", "import"))
    note("all", "partners 2021 by flow", _rows(
        "SELECT flow, count(DISTINCT partner) FROM prt WHERE year = 2021 GROUP BY flow ORDER BY flow"))  # fmt: skip
    note("06", "export partners over US$200 million 2021", [p for p, v in _ranks("prt", 2021, "partner") if v > 200])  # fmt: skip
    for p in ("NLD", "DEU", "FRA", "ESP", "ITA", "BEL", "POL", "TUR", "SWE"):
        show("all", f"exports {p} 2021 vs 2020", val("prt", 2021, partners=(p,)), val("prt", 2020, partners=(p,)))  # fmt: skip
    show("12", "exports SWE 2021 vs 2018", val("prt", 2021, partners=("SWE",)), val("prt", 2018, partners=("SWE",)))  # fmt: skip
    share("all", "NLD of exports 2021", val("prt", 2021, partners=("NLD",)), e21)
    note("06", "exports NLD / DEU 2021", f"x{val('prt', 2021, partners=('NLD',)) / val('prt', 2021, partners=('DEU',)):.3f}")  # fmt: skip
    share("all", "CHN of imports 2021", val("prt", 2021, "import", partners=("CHN",)), i21)
    note("06", "CHN 2021 imports / exports", f"x{val('prt', 2021, 'import', partners=('CHN',)) / val('prt', 2021, partners=('CHN',)):.3f}")  # fmt: skip
    note("12", "imports CHN / DEU 2021", f"x{val('prt', 2021, 'import', partners=('CHN',)) / val('prt', 2021, 'import', partners=('DEU',)):.3f}")  # fmt: skip
    for p in ("NLD", "DEU", "USA", "CHN", "KOR", "JPN"):
        _balance("prt", 2021, p, partners=(p,))
    note("all", "partners loaded", _rows("SELECT DISTINCT partner FROM prt ORDER BY 1"))


def _new_only() -> None:
    """Only this part's figures (``--new``), without heldout15-26's."""
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
            earlier=(h15, h16, h17, h18, h19, h20, h21, h22, h23, h24, h25, h26),
            new="heldout27",
        )
