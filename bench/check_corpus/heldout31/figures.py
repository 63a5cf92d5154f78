# ruff: noqa: E501
"""The true figures of the heldout31 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers, heldout13's ``goods``, heldout22's ``_ranks`` and heldout27's ``_balance``). Run from the
repository root: ``python -m bench.check_corpus.heldout31.figures``. It prints heldout15's to
heldout30's figures first and then only what is new here (``--new`` prints only these); the answer
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
from bench.check_corpus.heldout29 import figures as h29
from bench.check_corpus.heldout30 import figures as h30


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
    show("02", "CHL deficit 2004 minus 2002", (i4 - e4) - (i2 - e2))
    show("all", "CHL-ARG turnover 2004 vs 2002", e4 + i4, e2 + i2)
    share("01 08", "exports of imports 2004", e4, i4)
    share("08", "exports of imports 2002", e2, i2)
    note("02 08", "imports / exports 2002, 2004", f"x{i2 / e2:.3f}, x{i4 / e4:.3f}")
    goods("chl", 2004, 2002, [
        ("01 02 07 08", "import", "27", "mineral fuels"),
        ("01 02 07 08", "import", "2711", "petroleum gases"),
        ("08", "import", "2710", "petroleum oils, refined"),
        ("01 02 08", "import", "10", "cereals"),
        ("01 07", "import", "1005", "maize"),
        ("01 02 08", "import", "15", "animal or vegetable fats and oils"),
        ("01 07", "import", "1517", "margarine, edible mixtures of fats"),
        ("07", "import", "8703", "cars"),
        ("08", "import", "17", "sugars and sugar confectionery"),
        ("08", "import", "29", "organic chemicals"),
        ("01 02 07", "export", "48", "paper and paperboard"),
        ("02 07", "export", "4802", "uncoated paper and paperboard"),
        ("07", "export", "4703", "chemical wood pulp, sulphate"),
        ("01 07 08", "export", "84", "machinery"),
        ("07", "export", "39", "plastics"),
        ("01", "export", "94", "furniture"),
        ("01 02 08", "export", "73", "articles of iron or steel"),
        ("02", "export", "20", "prepared vegetables, fruit, nuts"),
        ("02", "export", "30", "pharmaceutical products"),
        ("02", "export", "87", "vehicles"),
    ])  # fmt: skip
    imp4 = _ranks("chl", 2004, "left(product, 2)", "import")
    note("01 02 08", "import chapters 2004 by value", imp4[:8])
    note("08", "import chapters 10 minus 15, 2004", f"{dict(imp4)['10'] - dict(imp4)['15']:,.2f}")
    over = [(c, v) for c, v in imp4 if v > 50]
    note("02", "import chapters over US$50 million 2004", f"{len(over)}: {over}")
    note("01 08", "import headings 2004 by value", _ranks("chl", 2004, "left(product, 4)", "import")[:5])  # fmt: skip
    food = [val("chl", y, "import", product=c) for y in (2002, 2004) for c in ("10", "15")]
    share("02", "imports HS 10 + 15 of imports 2002", food[0] + food[1], i2)
    share("02", "imports HS 10 + 15 of imports 2004", food[2] + food[3], i4)
    exp4 = _ranks("chl", 2004, "left(product, 2)")
    note("02 07", "export chapters 2004 by value", exp4[:5])
    note("02", "export chapters 2002 by value", _ranks("chl", 2002, "left(product, 2)")[:8])
    share("02", "top four export chapters of exports 2004", sum(v for _, v in exp4[:4]), e4)
    _balance("chl", 2004, "HS 30 pharmaceutical products", product="30")
    _balance("chl", 2004, "HS 94 furniture", product="94")
    note("all", "CHL partners loaded", _rows("SELECT DISTINCT partner FROM chl"))


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (03, 04, 09, 10)."""
    e19, e20 = val("mow", 2019), val("mow", 2020)
    show("all", "Moscow exports 2020 vs 2019", e20, e19)
    show("04", "Moscow exports 2020 minus 2019", e20 - e19)
    note("03 09 10", "monthly by year: Jan-Aug each, Sep-Dec each", _rows(
        "SELECT year, min(month), max(month), round(sum(value_usd) / 1e6 / count(DISTINCT month), 3) FROM mow "
        "GROUP BY year, month >= 9 ORDER BY 1, 2"))  # fmt: skip
    show("04", "September 2020 vs August 2020 (monthly step)", val("mow", 2020, months=(9, 9)), val("mow", 2020, months=(8, 8)))  # fmt: skip
    h1, h2 = val("mow", 2020, months=(1, 6)), val("mow", 2020, months=(7, 12))
    show("03 09", "H2 2020 vs H1 2020", h2, h1)
    quarters = {(y, q): round(val("mow", y, months=(3 * q - 2, 3 * q)), 2) for y in (2019, 2020) for q in (1, 2, 3, 4)}  # fmt: skip
    note("04", "quarters 2019-2020 by value", sorted(quarters.items(), key=lambda kv: -kv[1]))
    show("03", "Q4 2020 vs Q4 2019", quarters[(2020, 4)], quarters[(2019, 4)])
    show("09", "Q3 2020 vs Q3 2019", quarters[(2020, 3)], quarters[(2019, 3)])
    chapters = []
    for code in ("84", "85", "90"):
        new, old = val("mow", 2020, product=code), val("mow", 2019, product=code)
        chapters.append((code, round(100 * (new / old - 1), 2)))
        show("all", f"HS {code} 2020 vs 2019", new, old)
        share("all", f"HS {code} of exports 2020", new, e20)
        share("all", f"HS {code} of exports 2019", old, e19)
    note("03 04 09", "chapters by growth 2020", sorted(chapters, key=lambda kv: -kv[1]))
    note("09", "headings 2020 by value", _ranks("mow", 2020, "left(product, 4)")[:4])
    note("10", "chapters, headings 2019 / 2020", _rows(
        "SELECT year, count(DISTINCT left(product, 2)), count(DISTINCT left(product, 4)) FROM mow GROUP BY year ORDER BY year"))  # fmt: skip
    goods("mow", 2020, 2019, [
        ("03", "export", "90", "optical, medical instruments"),
    ])  # fmt: skip
    for p in ("BLR", "USA"):
        show("03 04", f"HS 90 {p} 2020 vs 2019", val("mow", 2020, partners=(p,), product="90"), val("mow", 2019, partners=(p,), product="90"))  # fmt: skip
    b20 = _ranks("mow", 2020, "partner")
    r19 = dict(_ranks("mow", 2019, "partner"))
    order19 = [p for p, _ in _ranks("mow", 2019, "partner")]
    note("all", "partners 2020 by value (rank 2020, value, rank 2019, value 2019, growth)", [
        (n + 1, p, v, order19.index(p) + 1 if p in r19 else None, r19.get(p),
         round(100 * (v / r19[p] - 1), 2) if p in r19 else None) for n, (p, v) in enumerate(b20)])  # fmt: skip
    growth = {p: 100 * (v / r19[p] - 1) for p, v in b20 if p in r19}
    sixty = [p for p, g in growth.items() if abs(g - 60) < 0.005]
    note("03 10", "partners up exactly 60%", f"{len(sixty)}: {sixty}")
    note("04", "2019 partners that bought less in 2020", [p for p, g in growth.items() if g < 0])
    note("03", "slowest-growing partners 2020 (of 2019's)", sorted(((p, round(g, 2)) for p, g in growth.items()), key=lambda kv: kv[1])[:3])  # fmt: skip
    share("03 10", "CHN of exports 2020", val("mow", 2020, partners=("CHN",)), e20)
    share("04", "CHN + JPN of exports 2020", val("mow", 2020, partners=("CHN", "JPN")), e20)
    share("10", "top ten partners of exports 2020", sum(v for _, v in b20[:10]), e20)
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
    note("06", "largest annual export rises", sorted(((y, round(g[0], 2)) for y, g in growth.items()), key=lambda kv: -kv[1])[:3])  # fmt: skip
    note("05 06 11", "years exports fell", [y for y, (e, _) in growth.items() if e < 0])
    fell = [y for y, (_, i) in growth.items() if i < 0]
    note("05", "years imports fell", f"{len(fell)} of {len(growth)}: {fell}")
    fast = [y for y, (_, i) in growth.items() if i > 30]
    note("12", "years imports grew over 30%", f"{len(fast)} of {len(growth)}: {fast}")
    for old in (2001, 2017):
        show("all", f"exports 2021 vs {old}", val("prt", 2021), val("prt", old))
    show("11", "exports 2019 vs 2018", val("prt", 2019), val("prt", 2018))
    show("06", "imports 2021 vs 2001", val("prt", 2021, "import"), val("prt", 2001, "import"))
    show("05", "turnover 2021 vs 2018", val("prt", 2021) + val("prt", 2021, "import"), val("prt", 2018) + val("prt", 2018, "import"))  # fmt: skip
    deficit = {y: round(i - e, 2) for y, e, i in table}
    for year in (2020, 2021):
        last = max((y for y in deficit if y < year and deficit[y] <= deficit[year]), default=None)
        note("all", f"deficit {year} {deficit[year]}: last earlier year as low or lower", f"{last} ({deficit[last]})")  # fmt: skip
    note("05", "smallest deficits of the series", sorted(deficit.items(), key=lambda kv: kv[1])[:3])
    top = max(deficit.values())
    note("05 11", "largest deficit of the series, years", f"{top}: {[y for y, d in deficit.items() if d == top]}")  # fmt: skip
    turn = {y: e + i for y, e, i in table}
    for mark in (5000, 6000):
        first = min(y for y in turn if turn[y] > mark)
        note("all", f"first year turnover over US${mark:,} million", f"{first} ({turn[first]:,.2f}; {first - 1} {turn[first - 1]:,.2f})")  # fmt: skip
    e21, i21 = val("prt", 2021), val("prt", 2021, "import")
    for code, label in [
        ("854231", "integrated circuits"),
        ("851762", "communication apparatus"),
        ("300490", "medicaments"),
    ]:
        share("all", f"exports HS {code} {label} of exports 2021 ({val('prt', 2021, product=code):,.2f})", val("prt", 2021, product=code), e21)  # fmt: skip
        share("all", f"imports HS {code} {label} of imports 2021 ({val('prt', 2021, 'import', product=code):,.2f})", val("prt", 2021, "import", product=code), i21)  # fmt: skip
    for code in ("854231", "300490"):
        _balance("prt", 2021, f"HS {code}", product=code)
    exp = _ranks("prt", 2021, "partner")
    r20 = dict(_ranks("prt", 2020, "partner"))
    note("all", "export partners 2021 by value (rank, value, share, 2020 value, growth)", [
        (n + 1, p, v, f"{100 * v / e21:.2f}%", r20[p], round(100 * (v / r20[p] - 1), 2)) for n, (p, v) in enumerate(exp)])  # fmt: skip
    imp = _ranks("prt", 2021, "partner", "import")
    note("all", "import partners 2021 by value (rank, value, share)", [
        (n + 1, p, v, f"{100 * v / i21:.2f}%") for n, (p, v) in enumerate(imp)])  # fmt: skip
    note("06", "NLD share of exports, min and max over 2001-2021", _rows(
        "SELECT round(min(s), 2), round(max(s), 2) FROM (SELECT year, 100 * sum(value_usd) FILTER (partner = 'NLD') / sum(value_usd) s "
        "FROM prt WHERE flow = 'export' GROUP BY year)"))  # fmt: skip
    show("12", "exports to NLD 2021 vs 2018", val("prt", 2021, partners=("NLD",)), val("prt", 2018, partners=("NLD",)))  # fmt: skip
    show("06", "exports to TUR 2021 vs 2017", val("prt", 2021, partners=("TUR",)), val("prt", 2017, partners=("TUR",)))  # fmt: skip
    for p in ("NLD", "CHN", "DEU"):
        _balance("prt", 2021, p, partners=(p,))
    note("all", "partners loaded", _rows("SELECT DISTINCT partner FROM prt ORDER BY 1"))


def _new_only() -> None:
    """Only this part's figures (``--new``), without heldout15-30's."""
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
            earlier=(
                h15,
                h16,
                h17,
                h18,
                h19,
                h20,
                h21,
                h22,
                h23,
                h24,
                h25,
                h26,
                h27,
                h28,
                h29,
                h30,
            ),
            new="heldout31",
        )
