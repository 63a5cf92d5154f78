# ruff: noqa: E501
"""The true figures of the heldout30 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers, heldout13's ``goods``, heldout22's ``_ranks`` and heldout27's ``_balance``). Run from the
repository root: ``python -m bench.check_corpus.heldout30.figures``. It prints heldout15's to
heldout29's figures first and then only what is new here (``--new`` prints only these); the answer
keys' notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import EUROPE, main, note, share, show, val
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
from bench.check_corpus.heldout29 import figures as h29


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
    share("01 08", "exports of imports 2004", e4, i4)
    share("07", "exports of turnover 2004", e4, e4 + i4)
    note("02 08", "imports / exports 2002, 2004", f"x{i2 / e2:.3f}, x{i4 / e4:.3f}")
    goods("chl", 2004, 2002, [
        ("01", "import", "27", "mineral fuels"),
        ("01 08", "import", "2711", "petroleum gases"),
        ("01 08", "import", "2710", "petroleum oils, refined"),
        ("01 08", "import", "8703", "cars"),
        ("02 07", "import", "10", "cereals"),
        ("02 08", "import", "1005", "maize"),
        ("02", "import", "1001", "wheat"),
        ("01 08", "import", "15", "animal or vegetable fats and oils"),
        ("08", "import", "1517", "margarine, edible mixtures of fats"),
        ("07", "import", "48", "paper and paperboard"),
        ("07", "import", "33", "essential oils, perfumery, cosmetics"),
        ("07", "import", "30", "pharmaceutical products"),
        ("07", "import", "29", "organic chemicals"),
        ("07", "import", "69", "ceramic products"),
        ("01", "export", "4011", "new pneumatic tyres"),
        ("02 07", "export", "48", "paper and paperboard"),
        ("02", "export", "73", "articles of iron or steel"),
        ("02", "export", "20", "prepared vegetables, fruit, nuts"),
        ("02", "export", "94", "furniture"),
        ("02", "export", "44", "wood"),
        ("07", "export", "84", "machinery"),
        ("07", "export", "39", "plastics"),
        ("07", "export", "74", "copper"),
        ("07", "export", "70", "glass and glassware"),
    ])  # fmt: skip
    note("01 08", "import headings 2004 by value", _ranks("chl", 2004, "left(product, 4)", "import")[:6])  # fmt: skip
    for mark in (100, 150):
        over = [(c, v) for c, v in _ranks("chl", 2004, "left(product, 2)", "import") if v > mark]
        note("01 08", f"import chapters over US${mark} million 2004", f"{len(over)}: {over}")
    chapters = _ranks("chl", 2004, "left(product, 2)")
    note("02 07", "export chapters 2004 by value", chapters[:4])
    note("07", "largest export chapter share 2004", f"{chapters[0][0]} {100 * chapters[0][1] / e4:.2f}%")  # fmt: skip
    old = dict(_ranks("chl", 2002, "left(product, 4)"))
    note("08", "top five export headings 2004 (value, multiple on 2002)", [
        (h, v, f"x{v / old[h]:.3f}") for h, v in _ranks("chl", 2004, "left(product, 4)")[:5]])  # fmt: skip
    _balance("chl", 2004, "HS 48 paper and paperboard", product="48")
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (03, 04, 09, 10)."""
    e19, e20 = val("mow", 2019), val("mow", 2020)
    show("all", "Moscow exports 2020 vs 2019", e20, e19)
    show("09", "Moscow exports 2020 minus 2019", e20 - e19)
    halves = {}
    for year in (2019, 2020):
        for h, (a, b) in enumerate([(1, 6), (7, 12)], start=1):
            halves[(year, h)] = round(val("mow", year, months=(a, b)), 2)
    show("03 10", "months 7-12 2020 vs 2019", halves[(2020, 2)], halves[(2019, 2)])
    note("10", "half-years 2019-2020 by value", sorted(halves.items(), key=lambda kv: -kv[1]))
    aug, sep = val("mow", 2020, months=(8, 8)), val("mow", 2020, months=(9, 9))
    note("03 10", "monthly 2020: Jan-Aug each, Sep-Dec each", _rows(
        "SELECT min(month), max(month), round(sum(value_usd) / 1e6 / count(DISTINCT month), 3) FROM mow "
        "WHERE year = 2020 GROUP BY month >= 9 ORDER BY 1"))  # fmt: skip
    show("03", "September 2020 vs August 2020 (monthly step)", sep, aug)
    q3, q4 = val("mow", 2020, months=(7, 9)), val("mow", 2020, months=(10, 12))
    show("09", "Q4 2020 vs Q4 2019", q4, val("mow", 2019, months=(10, 12)))
    show("09", "Q4 2020 vs Q3 2020", q4, q3)
    for code in ("84", "85", "90"):
        show("all", f"HS {code} 2020 vs 2019", val("mow", 2020, product=code), val("mow", 2019, product=code))  # fmt: skip
        share("all", f"HS {code} of exports 2020", val("mow", 2020, product=code), e20)
        share("all", f"HS {code} of exports 2019", val("mow", 2019, product=code), e19)
    goods("mow", 2020, 2019, [
        ("03", "export", "8411", "turbojets, turbo-propellers, gas turbines"),
        ("03", "export", "8471", "computers"),
        ("04", "export", "9006", "photographic cameras"),
        ("04", "export", "9011", "compound optical microscopes"),
        ("04", "export", "9012", "microscopes other than optical"),
        ("04", "export", "9010", "photographic laboratory apparatus"),
        ("04", "export", "9018", "medical instruments"),
    ])  # fmt: skip
    h90 = _rows(
        "SELECT left(product, 4) h, round(sum(value_usd) / 1e6, 2) FROM mow WHERE year = 2020 "
        "AND product LIKE '90%' GROUP BY h ORDER BY sum(value_usd) DESC")  # fmt: skip
    note("04", "HS 90 headings 2020 by value", h90[:6])
    over = [h for h, v in h90 if v > 40]
    note("04", "HS 90 headings over US$40 million 2020", f"{len(over)}: {over}")
    b19 = dict(_rows("SELECT partner, sum(value_usd) / 1e6 FROM mow WHERE year = 2019 AND product LIKE '90%' GROUP BY partner"))  # fmt: skip
    b20 = _ranks("mow", 2020, "partner")
    c90 = _rows(
        "SELECT partner, round(sum(value_usd) / 1e6, 2) v FROM mow WHERE year = 2020 AND product LIKE '90%' "
        "GROUP BY partner ORDER BY v DESC")  # fmt: skip
    note("04", "HS 90 buyers 2020 (value, 2019 value, multiple)", [
        (p, v, round(b19[p], 2), f"x{v / b19[p]:.3f}") for p, v in c90])  # fmt: skip
    note("04", "HS 90 buyers 2020, count", len(c90))
    jpn, chn = dict(c90)["JPN"], dict(c90)["CHN"]
    note("04", "HS 90 JPN / CHN 2020; JPN share of HS 90", f"{jpn:,.2f} / {chn:,.2f} = x{jpn / chn:.3f}; {100 * jpn / val('mow', 2020, product='90'):.2f}%")  # fmt: skip
    r19 = dict(_ranks("mow", 2019, "partner"))
    order19 = sorted(r19, key=lambda p: -r19[p])
    note("all", "partners 2020 by value (rank 2020, rank 2019, growth)", [
        (n + 1, p, v, order19.index(p) + 1 if p in r19 else None,
         round(100 * (v / r19[p] - 1), 2) if p in r19 else None) for n, (p, v) in enumerate(b20)])  # fmt: skip
    for p in ("KAZ", "KOR", "ITA", "CHN", "IND", "GBR", "DEU", "BLR", "EGY", "TUR", "ARE", "VNM"):
        show("all", f"{p} 2020 vs 2019", val("mow", 2020, partners=(p,)), val("mow", 2019, partners=(p,)))  # fmt: skip
    share("09", "CHN of exports 2020", val("mow", 2020, partners=("CHN",)), e20)
    share("09", "CHN of exports 2019", val("mow", 2019, partners=("CHN",)), e19)
    share("03", "CHN + JPN of exports 2020", val("mow", 2020, partners=("CHN", "JPN")), e20)
    note("10", "European partners (M49) 2020 by value", [(p, v) for p, v in b20 if p in EUROPE])
    note("all", "partners 2019 / 2020", _rows("SELECT year, count(DISTINCT partner) FROM mow GROUP BY year ORDER BY year"))  # fmt: skip
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
        if y in (2009, 2019, 2020, 2021):
            note("all", f"growth {y} vs {y0}", f"exports {growth[y][0]:+.2f}%, imports {growth[y][1]:+.2f}%, turnover {100 * ((e + i) / (e0 + i0) - 1):+.2f}%")  # fmt: skip
    note("05 11", "years exports fell", [y for y, (e, _) in growth.items() if e < 0])
    fell = [y for y, (_, i) in growth.items() if i < 0]
    note("05", "years imports fell", f"{len(fell)} of {len(growth)}: {fell}")
    fast = [y for y, (_, i) in growth.items() if i > 20]
    note("11", "years imports grew over 20%", f"{len(fast)} of {len(growth)}: {fast}")
    for old in (2001, 2017, 2018):
        show("all", f"exports 2021 vs {old}", val("prt", 2021), val("prt", old))
    show("11", "exports 2020 vs 2019", val("prt", 2020), val("prt", 2019))
    deficit = {y: round(i - e, 2) for y, e, i in table}
    for year in (2020, 2021):
        last = max((y for y in deficit if y < year and deficit[y] <= deficit[year]), default=None)
        note("all", f"deficit {year} {deficit[year]}: last earlier year as low or lower", f"{last} ({deficit[last]})")  # fmt: skip
    top = max(deficit.values())
    note("12", "largest deficit of the series, years", f"{top}: {[y for y, d in deficit.items() if d == top]}")  # fmt: skip
    turn = {y: e + i for y, e, i in table}
    for mark in (5000, 9000):
        first = min(y for y in turn if turn[y] > mark)
        note("all", f"first year turnover over US${mark:,} million", f"{first} ({turn[first]:,.2f}; {first - 1} {turn[first - 1]:,.2f})")  # fmt: skip
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    for code, label in [
        ("854231", "integrated circuits"),
        ("851762", "communication apparatus"),
        ("300490", "medicaments"),
    ]:
        share("all", f"exports HS {code} {label} of exports 2021 ({val('prt', 2021, product=code):,.2f})", val("prt", 2021, product=code), e21)  # fmt: skip
    exp = _ranks("prt", 2021, "partner")
    r20 = dict(_ranks("prt", 2020, "partner"))
    note("all", "export partners 2021 by value (rank, value, share, 2020 value, growth)", [
        (n + 1, p, v, f"{100 * v / e21:.2f}%", r20[p], round(100 * (v / r20[p] - 1), 2)) for n, (p, v) in enumerate(exp)])  # fmt: skip
    imp = _ranks("prt", 2021, "partner", "import")
    note("all", "import partners 2021 by value (rank, value, share)", [
        (n + 1, p, v, f"{100 * v / i21:.2f}%") for n, (p, v) in enumerate(imp)])  # fmt: skip
    note(
        "12",
        "import partners 2021 at or under US$400 million",
        [(p, v) for p, v in imp if v <= 400],
    )
    note("06", "export partners over US$300 million 2021", [(p, v) for p, v in exp if v > 300])
    nld = _rows("SELECT year, round(sum(value_usd) / 1e6, 2) v FROM prt WHERE flow = 'export' AND partner = 'NLD' GROUP BY year ORDER BY v DESC")  # fmt: skip
    note("06", "exports to NLD, largest years", nld[:3])
    show("06", "exports to NLD 2021 vs 2018", val("prt", 2021, partners=("NLD",)), val("prt", 2018, partners=("NLD",)))  # fmt: skip
    vals = dict(exp)
    note("06", "DEU / NLD exports 2021", f"{vals['DEU']:,.2f} / {vals['NLD']:,.2f} = {100 * vals['DEU'] / vals['NLD']:.2f}%")  # fmt: skip
    for p in ("NLD", "CHN", "JPN"):
        _balance("prt", 2021, p, partners=(p,))
    note("06", "NLD turnover 2021", f"{val('prt', 2021, partners=('NLD',)) + val('prt', 2021, 'import', partners=('NLD',)):,.2f}")  # fmt: skip
    note("all", "partners loaded", _rows("SELECT DISTINCT partner FROM prt ORDER BY 1"))


def _new_only() -> None:
    """Only this part's figures (``--new``), without heldout15-29's."""
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
            earlier=(h15, h16, h17, h18, h19, h20, h21, h22, h23, h24, h25, h26, h27, h28, h29),
            new="heldout30",
        )
