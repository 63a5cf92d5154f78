# ruff: noqa: E501
"""The true figures of the heldout29 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers, heldout13's ``goods``, heldout22's ``_ranks`` and heldout27's ``_balance``). Run from the
repository root: ``python -m bench.check_corpus.heldout29.figures``. It prints heldout15's to
heldout28's figures first and then only what is new here (``--new`` prints only these); the answer
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
from bench.check_corpus.heldout28 import figures as h28


def _count(table: str, year: int, flow: str, key: str) -> int:
    """How many distinct ``key`` (an SQL expression) ``table`` has in one year and flow."""
    return int(_rows(
        f"SELECT count(DISTINCT {key}) FROM {table} WHERE year = {year} AND flow = '{flow}'")[0][0])  # fmt: skip


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
    share("02", "exports of imports 2002", e2, i2)
    note("08", "imports / exports 2004", f"{i4:,.2f} / {e4:,.2f} = x{i4 / e4:.3f}")
    goods("chl", 2004, 2002, [
        ("01 02 07", "import", "27", "mineral fuels"),
        ("01 02 08", "import", "2711", "petroleum gases"),
        ("02 08", "import", "2710", "petroleum oils, refined"),
        ("07", "import", "10", "cereals"),
        ("01 02 07", "import", "15", "animal or vegetable fats and oils"),
        ("01 07", "import", "76", "aluminium"),
        ("01", "import", "8703", "cars"),
        ("01", "import", "3401", "soap"),
        ("01", "import", "34", "soap and washing preparations"),
        ("07", "import", "30", "pharmaceutical products"),
        ("08", "import", "18", "cocoa and cocoa preparations"),
        ("01 02 07 08", "export", "48", "paper and paperboard"),
        ("01 07", "export", "84", "machinery"),
        ("01 07", "export", "40", "rubber"),
        ("01", "export", "87", "vehicles"),
        ("01", "export", "49", "printed books, newspapers"),
        ("01 07", "export", "04", "dairy produce"),
        ("02 08", "export", "30", "pharmaceutical products"),
        ("02 08", "export", "73", "articles of iron or steel"),
        ("08", "export", "94", "furniture"),
    ])  # fmt: skip
    note("01 02 07", "export chapters 2004 by value", _ranks("chl", 2004, "left(product, 2)")[:6])
    note("02 07", "import chapters 2004 by value", _ranks("chl", 2004, "left(product, 2)", "import")[:6])  # fmt: skip
    note("02", "import headings 2004 by value", _ranks("chl", 2004, "left(product, 4)", "import")[:5])  # fmt: skip
    over = [(c, v) for c, v in _ranks("chl", 2004, "left(product, 2)") if v > 25]
    note("01", "export chapters over US$25 million 2004", f"{len(over)}: {over}")
    over = [(c, v) for c, v in _ranks("chl", 2004, "left(product, 2)", "import") if v > 100]
    note("02", "import chapters over US$100 million 2004", f"{len(over)}: {over}")
    for year in (2002, 2004):
        note("08", f"HS chapters / HS6 lines traded {year}", "exports {} / {}, imports {} / {}".format(
            _count("chl", year, "export", "left(product, 2)"), _count("chl", year, "export", "product"),
            _count("chl", year, "import", "left(product, 2)"), _count("chl", year, "import", "product")))  # fmt: skip
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (03, 04, 09, 10)."""
    e19, e20 = val("mow", 2019), val("mow", 2020)
    show("all", "Moscow exports 2020 vs 2019", e20, e19)
    show("10", "Moscow exports 2020 minus 2019", e20 - e19)
    quarters = {}
    for q, (a, b) in enumerate([(1, 3), (4, 6), (7, 9), (10, 12)], start=1):
        quarters[(2020, q)] = val("mow", 2020, months=(a, b))
        quarters[(2019, q)] = val("mow", 2019, months=(a, b))
        show("all", f"Q{q} (months {a}-{b}) 2020 vs 2019", quarters[(2020, q)], quarters[(2019, q)])  # fmt: skip
    note("04 09", "largest quarter of 2019-2020", max(quarters.items(), key=lambda kv: kv[1]))
    note(
        "09",
        "in US$ thousand: 2020, 2019, Q3 2020, Q4 2020",
        ", ".join(f"{1000 * v:,.1f}" for v in (e20, e19, quarters[(2020, 3)], quarters[(2020, 4)])),
    )
    for a, b in [(1, 6), (7, 12)]:
        show("all", f"months {a}-{b} 2020 vs 2019", val("mow", 2020, months=(a, b)), val("mow", 2019, months=(a, b)))  # fmt: skip
    note("04", "monthly values 2020", _rows(
        "SELECT month, round(sum(value_usd) / 1e6, 3) FROM mow WHERE year = 2020 GROUP BY month ORDER BY month"))  # fmt: skip
    for code in ("84", "85", "90"):
        show("all", f"HS {code} 2020 vs 2019", val("mow", 2020, product=code), val("mow", 2019, product=code))  # fmt: skip
        share("all", f"HS {code} of exports 2020", val("mow", 2020, product=code), e20)
        share("all", f"HS {code} of exports 2019", val("mow", 2019, product=code), e19)
    goods("mow", 2020, 2019, [
        ("03 10", "export", "8411", "turbojets, turbo-propellers, gas turbines"),
        ("03 10", "export", "8471", "computers"),
        ("04", "export", "9011", "optical microscopes"),
        ("10", "export", "9018", "medical instruments"),
        ("10", "export", "9013", "lasers, liquid crystal devices"),
        ("10", "export", "9014", "navigational instruments"),
    ])  # fmt: skip
    r20, r19 = _ranks("mow", 2020, "partner"), dict(_ranks("mow", 2019, "partner"))
    order19 = sorted(r19, key=lambda p: -r19[p])
    note("all", "partners 2020 by value (rank 2020, rank 2019, growth)", [
        (n + 1, p, v, order19.index(p) + 1 if p in r19 else None,
         round(100 * (v / r19[p] - 1), 2) if p in r19 else None) for n, (p, v) in enumerate(r20)])  # fmt: skip
    for p in ("IND", "KOR", "ITA", "KAZ", "BLR"):
        show("all", f"{p} 2020 vs 2019", val("mow", 2020, partners=(p,)), val("mow", 2019, partners=(p,)))  # fmt: skip
    for p in ("CHN", "JPN", "DEU"):
        share("all", f"{p} of exports 2020", val("mow", 2020, partners=(p,)), e20)
    share("10", "CHN + JPN of exports 2020", val("mow", 2020, partners=("CHN", "JPN")), e20)
    note("10", "BLR + KAZ exports 2020", f"{val('mow', 2020, partners=('BLR', 'KAZ')):,.2f}")
    for p, code in [
        ("JPN", "90"),
        ("CHN", "90"),
        ("BLR", "90"),
        ("USA", "90"),
        ("USA", "85"),
        ("KAZ", "85"),
        ("GBR", "84"),
    ]:
        show("04 03", f"{p} HS {code} 2020 vs 2019", val("mow", 2020, partners=(p,), product=code), val("mow", 2019, partners=(p,), product=code))  # fmt: skip
    jpn, chn = (val("mow", 2020, partners=(p,), product="90") for p in ("JPN", "CHN"))
    note("04", "HS 90 JPN / CHN 2020", f"{jpn:,.2f} / {chn:,.2f} = x{jpn / chn:.3f}")
    top10 = [(p, round(100 * (v / r19[p] - 1), 2)) for p, v in r20[:10]]
    note("03", "top ten partners 2020, growth; under 20%", f"{top10}; {[p for p, g in top10 if g < 20]}")  # fmt: skip
    sixty = [p for p, v in r20 if p in r19 and round(v / r19[p], 6) == 1.6]
    note("10", "partners up exactly 60%", f"{len(sixty)}: {sixty}")
    note("all", "partners 2019 / 2020", _rows("SELECT year, count(DISTINCT partner) FROM mow GROUP BY year ORDER BY year"))  # fmt: skip
    for year in (2019, 2020):
        over = [h for h, v in _ranks("mow", year, "left(product, 4)") if v > 100]
        note("04", f"headings over US$100 million {year}", f"{len(over)}: {over}")
    note("all", "Moscow's flows loaded", _rows("SELECT DISTINCT flow FROM mow"))


def portugal() -> None:
    """Portugal's technology trade (05, 06, 11, 12)."""
    table = _rows(
        "SELECT year, sum(value_usd) FILTER (flow = 'export') / 1e6 e, sum(value_usd) FILTER (flow = 'import') / 1e6 i "
        "FROM prt GROUP BY year ORDER BY year"
    )  # fmt: skip
    note("all", "year, exports, imports, deficit, turnover, cover", [
        (y, round(e, 2), round(i, 2), round(i - e, 2), round(e + i, 2), f"{100 * e / i:.2f}%") for y, e, i in table])  # fmt: skip
    growth = {}
    for n in range(1, len(table)):
        (y0, e0, i0), (y, e, i) = table[n - 1], table[n]
        growth[y] = (100 * (e / e0 - 1), 100 * (i / i0 - 1))
        note("all", f"growth {y} vs {y0}", f"exports {growth[y][0]:+.2f}%, imports {growth[y][1]:+.2f}%, turnover {100 * ((e + i) / (e0 + i0) - 1):+.2f}%")  # fmt: skip
    note("11", "years exports fell", [y for y, (e, _) in growth.items() if e < 0])
    fell = [y for y, (_, i) in growth.items() if i < 0]
    note("11", "years imports fell", f"{len(fell)} of {len(growth)}: {fell}")
    show("05 11", "exports 2021 vs 2001", val("prt", 2021), val("prt", 2001))
    show("11", "imports 2021 vs 2001", val("prt", 2021, "import"), val("prt", 2001, "import"))
    show("05", "exports 2018 vs 2001", val("prt", 2018), val("prt", 2001))
    deficit = {y: round(i - e, 2) for y, e, i in table}
    note("all", "years with a surplus", [y for y, d in deficit.items() if d < 0])
    top = max(deficit.values())
    note("all", "largest deficit of the series, years", f"{top}: {[y for y, d in deficit.items() if d == top]}")  # fmt: skip
    for year in (2016, 2020, 2021):
        last = max((y for y in deficit if y < year and deficit[y] <= deficit[year]), default=None)
        note("all", f"deficit {year} {deficit[year]}: last earlier year as low or lower", last)
    turn = {y: e + i for y, e, i in table}
    for mark in (5000, 7000):
        note("all", f"first year turnover over US${mark:,} million", min(y for y in turn if turn[y] > mark))  # fmt: skip
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    for code, label in [
        ("854231", "integrated circuits"),
        ("851762", "communication apparatus"),
        ("300490", "medicaments"),
    ]:
        show("all", f"exports HS {code} {label} 2021 vs 2020", val("prt", 2021, product=code), val("prt", 2020, product=code))  # fmt: skip
        share("all", f"HS {code} of exports 2021", val("prt", 2021, product=code), e21)
        share("all", f"HS {code} of imports 2021", val("prt", 2021, "import", product=code), i21)
    note("11", "products loaded", _rows("SELECT DISTINCT product FROM prt ORDER BY 1"))
    exp = _ranks("prt", 2021, "partner")
    r20 = dict(_ranks("prt", 2020, "partner"))
    note("all", "export partners 2021 by value (rank, value, share, 2020 value, growth)", [
        (n + 1, p, v, f"{100 * v / e21:.2f}%", r20[p], round(100 * (v / r20[p] - 1), 2)) for n, (p, v) in enumerate(exp)])  # fmt: skip
    i20 = dict(_ranks("prt", 2020, "partner", "import"))
    note("all", "import partners 2021 by value (rank, value, share, growth)", [
        (n + 1, p, v, f"{100 * v / i21:.2f}%", round(100 * (v / i20[p] - 1), 2)) for n, (p, v) in enumerate(_ranks("prt", 2021, "partner", "import"))])  # fmt: skip
    note("all", "partners 2021 by flow", _rows(
        "SELECT flow, count(DISTINCT partner) FROM prt WHERE year = 2021 GROUP BY flow ORDER BY flow"))  # fmt: skip
    top5 = sum(v for _, v in exp[:5])
    note(
        "12",
        "top five export partners 2021",
        f"{top5:,.2f} = {100 * top5 / e21:.2f}% of {e21:,.2f}",
    )
    vals = dict(exp)
    note("12", "NLD / DEU exports 2021; DEU + FRA", f"x{vals['NLD'] / vals['DEU']:.3f}; {vals['DEU'] + vals['FRA']:,.2f}")  # fmt: skip
    over = [p for p, v in exp if v > 200]
    note("12", "export partners over US$200 million 2021", f"{len(over)}: {over}")
    for p in ("NLD", "DEU", "USA", "CHN", "KOR"):
        _balance("prt", 2021, p, partners=(p,))
    chn_i, chn_e = (
        val("prt", 2021, "import", partners=("CHN",)),
        val("prt", 2021, partners=("CHN",)),
    )
    note("06", "CHN imports / exports 2021", f"{chn_i:,.2f} / {chn_e:,.2f} = x{chn_i / chn_e:.3f}")
    note("all", "partners loaded", _rows("SELECT DISTINCT partner FROM prt ORDER BY 1"))


def _new_only() -> None:
    """Only this part's figures (``--new``), without heldout15-28's."""
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
            earlier=(h15, h16, h17, h18, h19, h20, h21, h22, h23, h24, h25, h26, h27, h28),
            new="heldout29",
        )
