# ruff: noqa: E501
"""The true figures of the heldout28 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers, heldout13's ``goods``, heldout22's ``_ranks`` and heldout27's ``_balance``). Run from the
repository root: ``python -m bench.check_corpus.heldout28.figures``. It prints heldout15's to
heldout27's figures first and then only what is new here (``--new`` prints only these); the answer
keys' notes quote these lines.
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
from bench.check_corpus.heldout27 import figures as h27
from bench.check_corpus.heldout27.figures import _balance


def chile() -> None:
    """Chile's trade with Argentina, 2004 against 2002 (01, 02, 07, 08)."""
    e2, e4, i2, i4 = (
        val("chl", 2002),
        val("chl", 2004),
        val("chl", 2002, "import"),
        val("chl", 2004, "import"),
    )
    show("all", "CHL exports to ARG 2004 vs 2002", e4, e2)
    show("all", "CHL exports to ARG 2004 minus 2002", e4 - e2)
    show("all", "CHL imports from ARG 2004 vs 2002", i4, i2)
    show("all", "CHL deficit (imports - exports) 2004 vs 2002", i4 - e4, i2 - e2)
    show("02", "CHL deficit 2004 minus 2002", (i4 - e4) - (i2 - e2))
    show("all", "CHL-ARG turnover 2004 vs 2002", e4 + i4, e2 + i2)
    share("01", "exports of imports 2004", e4, i4)
    note("all", "imports / exports 2004, 2002", f"x{i4 / e4:.3f}, x{i2 / e2:.3f}")
    goods("chl", 2004, 2002, [
        ("01 08", "import", "2711", "petroleum gases"),
        ("01", "import", "2710", "petroleum oils, refined"),
        ("01 08", "import", "10", "cereals"),
        ("01", "import", "87", "vehicles"),
        ("01", "import", "4801", "newsprint"),
        ("01", "import", "39", "plastics"),
        ("01", "import", "29", "organic chemicals"),
        ("01 07", "export", "48", "paper and paperboard"),
        ("01", "export", "94", "furniture"),
        ("01", "export", "73", "articles of iron or steel"),
        ("01 02", "export", "27", "mineral fuels"),
        ("02", "import", "1005", "maize"),
        ("02 07", "import", "1517", "margarine and edible fat blends"),
        ("02", "export", "30", "pharmaceutical products"),
        ("02", "export", "4011", "new pneumatic tyres"),
        ("02", "export", "4802", "uncoated paper"),
        ("02 07", "export", "2710", "petroleum oils, refined"),
        ("02", "export", "8418", "refrigerators and freezers"),
        ("02", "export", "44", "wood"),
        ("02", "export", "20", "preparations of vegetables and fruit"),
        ("07 08", "export", "84", "machinery"),
        ("07", "export", "4810", "coated paper"),
        ("07", "export", "9406", "prefabricated buildings"),
        ("07", "export", "74", "copper"),
        ("07", "export", "28", "inorganic chemicals"),
        ("07", "import", "33", "essential oils, perfumery, cosmetics"),
        ("07", "import", "2814", "ammonia"),
        ("08", "import", "27", "mineral fuels"),
        ("08", "import", "7612", "aluminium casks, drums, cans"),
        ("08", "import", "8704", "goods vehicles (lorries, trucks)"),
        ("08", "import", "48", "paper and paperboard"),
        ("08", "import", "84", "machinery"),
        ("07", "export", "1517", "margarine and edible fat blends"),
    ])  # fmt: skip
    note("all", "export chapters 2004 by value", _ranks("chl", 2004, "left(product, 2)")[:6])
    note("all", "export chapters 2002 by value", _ranks("chl", 2002, "left(product, 2)")[:6])
    note("all", "import chapters 2004 by value", _ranks("chl", 2004, "left(product, 2)", "import")[:6])  # fmt: skip
    note("02", "export headings 2004 by value", _ranks("chl", 2004, "left(product, 4)")[:4])
    over = [(c, v) for c, v in _ranks("chl", 2004, "left(product, 2)") if v > 20]
    note("02", "export chapters over US$20 million 2004", f"{len(over)}: {over}")
    over = [(c, v) for c, v in _ranks("chl", 2004, "left(product, 2)", "import") if v > 100]
    note("08", "import chapters over US$100 million 2004", f"{len(over)}: {over}")
    for code in ("48", "84"):
        _balance("chl", 2004, f"HS {code}", product=code)
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (03, 04, 09, 10)."""
    e19, e20 = val("mow", 2019), val("mow", 2020)
    show("all", "Moscow exports 2020 vs 2019", e20, e19)
    show("all", "Moscow exports 2020 minus 2019", e20 - e19)
    for a, b in [(1, 3), (1, 6), (7, 12), (9, 9), (12, 12)]:
        show("all", f"months {a}-{b} 2020 vs 2019", val("mow", 2020, months=(a, b)), val("mow", 2019, months=(a, b)))  # fmt: skip
    note("all", "monthly values 2020", _rows(
        "SELECT month, round(sum(value_usd) / 1e6, 3) FROM mow WHERE year = 2020 GROUP BY month ORDER BY month"))  # fmt: skip
    for code in ("84", "85", "90"):
        show("all", f"HS {code} 2020 vs 2019", val("mow", 2020, product=code), val("mow", 2019, product=code))  # fmt: skip
        share("all", f"HS {code} of exports 2020", val("mow", 2020, product=code), e20)
    goods("mow", 2020, 2019, [
        ("03 10", "export", "9011", "optical microscopes"),
        ("04", "export", "8411", "turbojets"),
        ("04", "export", "8471", "computers"),
        ("04", "export", "8470", "calculating machines"),
        ("04", "export", "8518", "microphones, loudspeakers"),
        ("04", "export", "8532", "capacitors"),
        ("09", "export", "9015", "surveying instruments"),
        ("09", "export", "9012", "microscopes other than optical (electron microscopes)"),
        ("10", "export", "9018", "medical instruments"),
        ("10", "export", "9010", "photographic laboratory apparatus"),
        ("10", "export", "9013", "lasers, liquid crystal devices"),
        ("10", "export", "9014", "navigational instruments"),
        ("10", "export", "9004", "spectacles and goggles"),
        ("10", "export", "9016", "balances of 5 cg sensitivity"),
        ("10", "export", "9017", "drawing and measuring instruments"),
        ("10", "export", "8525", "transmission apparatus, TV cameras"),
        ("10", "export", "8526", "radar and radio navigation apparatus"),
        ("10", "export", "8521", "video recorders"),
    ])  # fmt: skip
    r20, r19 = _ranks("mow", 2020, "partner"), dict(_ranks("mow", 2019, "partner"))
    order19 = sorted(r19, key=lambda p: -r19[p])
    note("all", "partners 2020 by value (rank 2020, rank 2019, growth)", [
        (n + 1, p, v, order19.index(p) + 1 if p in r19 else None,
         round(100 * (v / r19[p] - 1), 2) if p in r19 else None) for n, (p, v) in enumerate(r20)])  # fmt: skip
    for p in ("JPN", "BLR"):
        show("09", f"{p} 2020 vs 2019", val("mow", 2020, partners=(p,)), val("mow", 2019, partners=(p,)))  # fmt: skip
    for p in ("CHN", "JPN"):
        share("04", f"{p} of exports 2020", val("mow", 2020, partners=(p,)), e20)
    note("all", "partners 2019 / 2020", _rows("SELECT year, count(DISTINCT partner) FROM mow GROUP BY year ORDER BY year"))  # fmt: skip
    heads = {y: dict(_ranks("mow", y, "left(product, 4)")) for y in (2019, 2020)}
    for year in (2019, 2020):
        over = [h for h, v in heads[year].items() if v > 100]
        note("04", f"headings over US$100 million {year}", f"{len(over)}: {over}")
    ch90 = sorted((round(100 * (v / heads[2019][h] - 1), 2), h) for h, v in heads[2020].items() if h.startswith("90"))  # fmt: skip
    note("10", "HS 90 headings, growth 2020 vs 2019, slowest first", ch90)
    same = _rows(
        "SELECT left(product, 4) h FROM mow GROUP BY h HAVING sum(value_usd) FILTER (year = 2020) "
        "= sum(value_usd) FILTER (year = 2019) ORDER BY sum(value_usd) DESC"
    )  # fmt: skip
    note("10", "headings with exactly the same value (US$) in 2020 as in 2019", f"{len(same)}: {[h for (h,) in same]}")  # fmt: skip
    note("04 09", "Moscow's flows loaded", _rows("SELECT DISTINCT flow FROM mow"))


def portugal() -> None:
    """Portugal's technology trade (05, 06, 11, 12)."""
    table = _rows(
        "SELECT year, sum(value_usd) FILTER (flow = 'export') / 1e6 e, sum(value_usd) FILTER (flow = 'import') / 1e6 i "
        "FROM prt GROUP BY year ORDER BY year"
    )  # fmt: skip
    note("all", "year, exports, imports, deficit, turnover, cover", [
        (y, round(e, 2), round(i, 2), round(i - e, 2), round(e + i, 2), f"{100 * e / i:.2f}%") for y, e, i in table])  # fmt: skip
    for n in range(1, len(table)):
        (y0, e0, i0), (y, e, i) = table[n - 1], table[n]
        note("all", f"growth {y} vs {y0}", f"exports {100 * (e / e0 - 1):+.2f}%, imports {100 * (i / i0 - 1):+.2f}%")  # fmt: skip
    for new, old in [(2021, 2018), (2021, 2001), (2019, 2018)]:
        show("all", f"exports {new} vs {old}", val("prt", new), val("prt", old))
    deficit = {y: round(i - e, 2) for y, e, i in table}
    for year in (2008, 2017):
        last = max((y for y in deficit if y < year and deficit[y] >= deficit[year]), default=None)
        note("all", f"deficit {year} {deficit[year]}: last earlier year as high or higher", last)
    for year in (2016, 2020, 2021):
        last = max((y for y in deficit if y < year and deficit[y] <= deficit[year]), default=None)
        note("all", f"deficit {year} {deficit[year]}: last earlier year as low or lower", last)
    note("all", "smallest deficit of the series", min(deficit.items(), key=lambda kv: kv[1]))
    turn = {y: e + i for y, e, i in table}
    note("06", "first year turnover over US$5,000 million", min(y for y in turn if turn[y] > 5000))
    e21 = val("prt", 2021)
    for code in ("854231", "851762", "300490"):
        show("all", f"exports HS {code} 2021 vs 2020", val("prt", 2021, product=code), val("prt", 2020, product=code))  # fmt: skip
        show("all", f"imports HS {code} 2021 vs 2020", val("prt", 2021, "import", product=code), val("prt", 2020, "import", product=code))  # fmt: skip
        share("all", f"HS {code} of exports 2021", val("prt", 2021, product=code), e21)
        _balance("prt", 2021, f"HS {code}", product=code)
    for flow in ("export", "import"):
        r21, r20 = _ranks("prt", 2021, "partner", flow), dict(_ranks("prt", 2020, "partner", flow))
        note("all", f"{flow} partners 2021 by value (rank, value, growth)", [
            (n + 1, p, v, round(100 * (v / r20[p] - 1), 2)) for n, (p, v) in enumerate(r21)])  # fmt: skip
    note("all", "partners 2021 by flow", _rows(
        "SELECT flow, count(DISTINCT partner) FROM prt WHERE year = 2021 GROUP BY flow ORDER BY flow"))  # fmt: skip
    share("05", "NLD of exports 2021", val("prt", 2021, partners=("NLD",)), e21)
    for p in ("NLD", "DEU", "USA", "CHN"):
        _balance("prt", 2021, p, partners=(p,))
    note("all", "partners loaded", _rows("SELECT DISTINCT partner FROM prt ORDER BY 1"))


def _new_only() -> None:
    """Only this part's figures (``--new``), without heldout15-27's."""
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
            earlier=(h15, h16, h17, h18, h19, h20, h21, h22, h23, h24, h25, h26, h27),
            new="heldout28",
        )
