# ruff: noqa: E501
"""The true figures of the heldout2 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads). Run from the repository root:
``python -m bench.check_corpus.heldout2.figures``; each line names the article that uses the
figure, and the answer keys' notes quote these lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb

ROOT = Path(__file__).parents[3]
CHILE = [
    ROOT / "src/hitex/demo/data/chl_arg_2002.csv",
    ROOT / "src/hitex/demo/data/chl_arg_2004.csv",
]
MOSCOW = ROOT / "examples/moscow-2020/flows.csv"
PORTUGAL = ROOT / "bench/check_corpus/data/portugal-tech.csv"
# M49 regions of the partners in the Moscow file (Turkey is Western Asia in M49).
EUROPE = ("DEU", "FRA", "ITA", "GBR", "BLR")
ASIA = ("CHN", "JPN", "IND", "KOR", "KAZ", "TUR", "ARE", "SGP", "MYS", "IDN", "UZB", "VNM", "THA",
        "BGD", "MNG")  # fmt: skip

con = duckdb.connect()


def _view(name: str, files: list[Path]) -> None:
    paths = ", ".join(f"'{p}'" for p in files)
    con.execute(
        f"CREATE VIEW {name} AS SELECT * FROM read_csv([{paths}], types={{'product': 'VARCHAR'}})"
    )


def _rows(sql: str) -> list[tuple[Any, ...]]:
    return con.sql(sql).fetchall()


def _level(code: str) -> str:
    return "left(product, 2)" if len(code) == 2 else "left(product, 4)"


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def val(table: str, year: int, flow: str = "export", *, partners: tuple[str, ...] = (),
        product: str = "", months: tuple[int, int] = (1, 12)) -> float:  # fmt: skip
    """US$ million of one flow and year, optionally for partners, an HS prefix, months."""
    where = [f"year = {year}", f"flow = '{flow}'", f"product LIKE '{product}%'"]
    if partners:
        where.append(f"partner IN {_in(partners)}")
    if table == "mow":
        where.append(f"month BETWEEN {months[0]} AND {months[1]}")
    rows = con.sql(
        f"SELECT sum(value_usd) / 1e6 FROM {table} WHERE {' AND '.join(where)}"
    ).fetchall()
    return float(rows[0][0] or 0.0)


def rank(table: str, year: int, key: str, item: str, *, flow: str = "export",
         among: tuple[str, ...] = ()) -> int:  # fmt: skip
    """Rank (1 = largest) of ``item`` by ``key`` (an SQL expression: partner, left(product, 2))."""
    where = f"year = {year} AND flow = '{flow}'"
    if among:
        where += f" AND partner IN {_in(among)}"
    rows = con.sql(
        f"SELECT {key} k FROM {table} WHERE {where} GROUP BY k ORDER BY sum(value_usd) DESC"
    ).fetchall()
    return [r[0] for r in rows].index(item) + 1


def show(article: str, label: str, new: float, old: float | None = None) -> None:
    """One figure line: the value, and against a base its change, multiple."""
    line = f"{article:10} {label:58} {new:12,.2f}"
    if old:
        line += f"  base {old:10,.2f}  change {100 * (new / old - 1):+8.2f}%  x{new / old:.3f}"
    print(line)


def share(article: str, label: str, part: float, whole: float) -> None:
    print(f"{article:10} {label:58} {100 * part / whole:11.2f}%  ({part:,.2f} of {whole:,.2f})")


def note(article: str, label: str, text: object) -> None:
    print(f"{article:10} {label:58} {text}")


def main(*parts: Callable[[], None], earlier: Sequence[ModuleType] = (), new: str = "") -> None:
    """Make the views of the raw files and print the figures of ``parts``.

    The figures of ``earlier`` parts (their ``chile``, ``moscow``, ``portugal``) come first, each
    under its part's name, and then those of ``parts`` under ``new in {new}``.
    """
    _view("chl", CHILE)
    _view("mow", [MOSCOW])
    _view("prt", [PORTUGAL])
    for part in earlier:
        print(f"=== {part.__name__.split('.')[-2]}'s figures ===")
        part.chile()
        part.moscow()
        part.portugal()
    if earlier:
        print(f"=== new in {new} ===")
    for figures in parts:
        figures()


def chile() -> None:
    """Chile's trade with Argentina, 2004 against 2002 (articles 02, 05, 07, 10, 13, 16)."""

    def c(year: int, flow: str = "export", product: str = "") -> float:
        return val("chl", year, flow, product=product)

    ex2, ex4, im2, im4 = c(2002), c(2004), c(2002, "import"), c(2004, "import")
    for a in ("02-16",):
        show(a, "CHL exports to ARG 2004 vs 2002", ex4, ex2)
        show(a, "CHL imports from ARG 2004 vs 2002", im4, im2)
        show(a, "CHL deficit with ARG (imports - exports) 2004 vs 2002", im4 - ex4, im2 - ex2)
        show(a, "CHL-ARG turnover 2004 vs 2002", ex4 + im4, ex2 + im2)
    show("07", "imports 2004 / exports 2004", im4 / ex4)
    for a, flow, hs, label in [
        ("02", "import", "27", "imports ch27 mineral fuels"),
        ("02", "export", "2710", "exports 2710 refined petroleum oils"),
        ("02", "export", "48", "exports ch48 paper and paperboard"),
        ("02", "import", "8703", "imports 8703 cars"),
        ("02", "import", "1005", "imports 1005 maize"),
        ("05", "export", "4011", "exports 4011 new pneumatic tyres"),
        ("05", "export", "94", "exports ch94 furniture"),
        ("05", "export", "87", "exports ch87 vehicles"),
        ("05", "export", "84", "exports ch84 machinery"),
        ("05", "export", "48", "exports ch48 paper and paperboard"),
        ("05", "export", "20", "exports ch20 prepared vegetables, fruit"),
        ("05", "export", "73", "exports ch73 articles of iron or steel"),
        ("05", "export", "49", "exports ch49 printed books"),
        ("05", "export", "74", "exports ch74 copper"),
        ("05", "export", "8474", "exports 8474 machinery for earth, stone, ores"),
        ("07", "import", "27", "imports ch27 mineral fuels"),
        ("07", "import", "2711", "imports 2711 petroleum gases"),
        ("07", "import", "2710", "imports 2710 refined petroleum oils"),
        ("07", "import", "10", "imports ch10 cereals"),
        ("07", "import", "15", "imports ch15 fats and oils"),
        ("07", "import", "17", "imports ch17 sugars"),
        ("07", "import", "87", "imports ch87 vehicles"),
        ("10", "import", "27", "imports ch27 mineral fuels"),
        ("10", "import", "2711", "imports 2711 petroleum gases"),
        ("10", "import", "8703", "imports 8703 cars"),
        ("10", "import", "1005", "imports 1005 maize"),
        ("10", "import", "1517", "imports 1517 margarine"),
        ("13", "export", "48", "exports ch48 paper and paperboard"),
        ("13", "export", "2710", "exports 2710 refined petroleum oils"),
        ("13", "export", "4011", "exports 4011 tyres"),
        ("13", "export", "94", "exports ch94 furniture"),
        ("13", "export", "20", "exports ch20 prepared vegetables, fruit"),
        ("13", "export", "73", "exports ch73 articles of iron or steel"),
        ("13", "export", "49", "exports ch49 printed books"),
        ("16", "import", "27", "imports ch27 mineral fuels"),
        ("16", "import", "10", "imports ch10 cereals"),
        ("16", "import", "39", "imports ch39 plastics"),
        ("16", "import", "87", "imports ch87 vehicles"),
        ("16", "import", "17", "imports ch17 sugars"),
        ("16", "import", "74", "imports ch74 copper"),
        ("16", "import", "48", "imports ch48 paper and paperboard"),
    ]:
        show(a, f"{label} 2004 vs 2002", c(2004, flow, hs), c(2002, flow, hs))
        if len(hs) == 2:
            total = im4 if flow == "import" else ex4
            share(a, f"  share of {flow}s 2004", c(2004, flow, hs), total)
            note(
                a,
                "  rank among chapters 2004",
                rank("chl", 2004, "left(product, 2)", hs, flow=flow),
            )
        else:
            note(
                a,
                "  rank among headings 2004",
                rank("chl", 2004, "left(product, 4)", hs, flow=flow),
            )
    food = c(2004, "import", "10") + c(2004, "import", "15")
    share("07", "imports ch10 + ch15 2004, share of imports", food, im4)
    note(
        "05", "rank of ch48 among export chapters 2002", rank("chl", 2002, "left(product, 2)", "48")
    )
    note("all", "CHL partners loaded", con.sql("SELECT DISTINCT partner FROM chl").fetchall())


def moscow() -> None:
    """Moscow's exports, 2020 against 2019 (articles 01, 04, 08, 09, 12, 15)."""

    def m(year: int, partners: tuple[str, ...] = (), product: str = "",
          months: tuple[int, int] = (1, 12)) -> float:  # fmt: skip
        return val("mow", year, partners=partners, product=product, months=months)

    t19, t20 = m(2019), m(2020)
    for a in ("01-15",):
        show(a, "Moscow exports 2020 vs 2019", t20, t19)
    show("12", "increase 2020 - 2019, US$ million", t20 - t19)
    note("all", "flows in the Moscow file", con.sql("SELECT DISTINCT flow FROM mow").fetchall())
    for a, group, members in [("01", "Europe (M49)", EUROPE), ("08", "Asia (M49)", ASIA),
                              ("09", "Asia (M49)", ASIA), ("15", "Asia (M49)", ASIA)]:  # fmt: skip
        show(a, f"exports to {group} 2020 vs 2019", m(2020, members), m(2019, members))
        share(a, f"  share of {group} 2020", m(2020, members), t20)
    for a, p in [("01", "DEU"), ("01", "BLR"), ("01", "FRA"), ("01", "ITA"), ("01", "GBR"),
                 ("01", "USA"), ("01", "EGY"), ("04", "KAZ"), ("04", "TUR"), ("04", "ARE"),
                 ("08", "KOR"), ("08", "KAZ"), ("08", "TUR"), ("08", "ARE"), ("08", "GBR"),
                 ("09", "DEU"), ("09", "BLR"), ("09", "KOR"), ("09", "KAZ"), ("09", "USA"),
                 ("12", "ARE"), ("15", "TUR"), ("15", "EGY"), ("15", "ITA"), ("15", "VNM"),
                 ("15", "MNG"), ("15", "DEU"), ("15", "FRA")]:  # fmt: skip
        show(a, f"exports to {p} 2020 vs 2019", m(2020, (p,)), m(2019, (p,)))
        note(a, f"  rank of {p} among all partners 2020", rank("mow", 2020, "partner", p))
        if p in EUROPE:
            note(a, f"  rank of {p} in Europe 2020", rank("mow", 2020, "partner", p, among=EUROPE))
    for a, hs, label in [
        ("04", "90", "ch90 optical, measuring, medical instruments"),
        ("04", "9011", "9011 compound optical microscopes"),
        ("04", "9012", "9012 microscopes other than optical"),
        ("04", "9018", "9018 medical instruments"),
        ("04", "9015", "9015 surveying instruments"),
        ("04", "9014", "9014 navigational instruments"),
        ("04", "84", "ch84 machinery"),
        ("04", "85", "ch85 electrical machinery"),
        ("08", "8471", "8471 computers"),
        ("08", "8411", "8411 turbojets, gas turbines"),
        ("09", "90", "ch90 instruments"),
        ("09", "84", "ch84 machinery"),
        ("12", "8471", "8471 computers"),
        ("12", "8411", "8411 turbojets, gas turbines"),
        ("12", "8518", "8518 microphones, loudspeakers"),
        ("12", "8528", "8528 monitors, television receivers"),
        ("12", "9013", "9013 lasers, liquid crystal devices"),
        ("12", "90", "ch90 instruments"),
    ]:
        show(a, f"{label} 2020 vs 2019", m(2020, product=hs), m(2019, product=hs))
        share(a, "  share of exports 2020", m(2020, product=hs), t20)
        share(a, "  share of exports 2019", m(2019, product=hs), t19)
        key = "left(product, 2)" if len(hs) == 2 else "left(product, 4)"
        note(a, "  rank 2020 at its level", rank("mow", 2020, key, hs))
    counts = con.sql("""SELECT year, count(DISTINCT product), count(DISTINCT partner) FROM mow
                        WHERE value_usd > 0 GROUP BY year ORDER BY year""").fetchall()
    for a in ("04", "12"):
        note(a, "HS6 products and partners by year", counts)
    for a in ("08", "15"):
        show(a, "Jan-Jun 2020 vs Jan-Jun 2019", m(2020, months=(1, 6)), m(2019, months=(1, 6)))
        show(a, "Jul-Dec 2020 vs Jul-Dec 2019", m(2020, months=(7, 12)), m(2019, months=(7, 12)))
        show(a, "Oct-Dec 2020 vs Oct-Dec 2019", m(2020, months=(10, 12)), m(2019, months=(10, 12)))
        show(
            a, "December 2020 vs December 2019", m(2020, months=(12, 12)), m(2019, months=(12, 12))
        )
    for month in range(9, 13):
        show("08", f"month {month} of 2020", m(2020, months=(month, month)))
    note("08", "rank of 8471 among headings 2019", rank("mow", 2019, "left(product, 4)", "8471"))


def portugal() -> None:
    """Portugal's technology trade (articles 03, 06, 11, 14)."""
    years = con.sql("""
        SELECT year, sum(value_usd) FILTER (flow = 'export') / 1e6 x,
               sum(value_usd) FILTER (flow = 'import') / 1e6 m
        FROM prt GROUP BY year ORDER BY year""").fetchall()
    x = {y: e for y, e, _ in years}
    i = {y: m for y, _, m in years}
    for y, _, _ in years:
        print(f"{'03 11 14':10} {y}: exports {x[y]:9,.2f} imports {i[y]:9,.2f} deficit "
              f"{i[y] - x[y]:8,.2f} turnover {x[y] + i[y]:9,.2f} cover {100 * x[y] / i[y]:6.2f}%")  # fmt: skip
    d = {y: i[y] - x[y] for y in x}
    for a, y in [("03", 2021), ("03", 2020), ("11", 2021)]:
        lower = [p for p in d if p < y and d[p] <= d[y]]
        note(a, f"deficit {y} {d[y]:.2f}: the lowest since", max(lower) if lower else "the start")
    higher = [p for p in d if p < 2008 and d[p] >= d[2008]]
    note("03", f"deficit 2008 {d[2008]:.2f}: the highest since", max(higher))
    note("06", "exports 2021 the highest of all years", max(x, key=lambda k: x[k]))
    for a, new, old in [("03", 2021, 2020), ("03", 2021, 2011), ("06", 2021, 2020),
                        ("11", 2019, 2018), ("11", 2020, 2019), ("11", 2021, 2018),
                        ("14", 2021, 2020)]:  # fmt: skip
        show(a, f"exports {new} vs {old}", x[new], x[old])
        show(a, f"imports {new} vs {old}", i[new], i[old])
        show(a, f"turnover {new} vs {old}", x[new] + i[new], x[old] + i[old])
    parts = con.sql("""
        WITH t AS (SELECT flow, partner, sum(value_usd) FILTER (year = 2021) / 1e6 v21,
                          sum(value_usd) FILTER (year = 2020) / 1e6 v20
                   FROM prt GROUP BY ALL)
        SELECT *, rank() OVER (PARTITION BY flow ORDER BY v21 DESC) FROM t
        ORDER BY flow, v21 DESC""").fetchall()
    for flow, p, v21, v20, rk in parts:
        total = x[2021] if flow == "export" else i[2021]
        print(f"{'06 11 14':10} {flow} {p} 2021 {v21:9,.2f} (2020 {v20:9,.2f}, "
              f"{100 * (v21 / v20 - 1):+.2f}%) rank {rk} share {100 * v21 / total:.2f}%")  # fmt: skip
    for p in ("NLD", "DEU", "USA", "CHN"):
        ex, im = val("prt", 2021, partners=(p,)), val("prt", 2021, "import", partners=(p,))
        note("06 11", f"balance with {p} 2021 (exports - imports)", f"{ex - im:,.2f}")
    china = val("prt", 2021, partners=("CHN",)) + val("prt", 2021, "import", partners=("CHN",))
    show("14", "turnover with China 2021", china)
    for hs in ("8542", "854231", "851762", "3004"):
        share("06 14", f"exports {hs} 2021 ({val('prt', 2021, product=hs):,.2f})",
              val("prt", 2021, product=hs), x[2021])  # fmt: skip
    note("all", "PRT partners loaded", con.sql("SELECT DISTINCT partner FROM prt").fetchall())


if __name__ == "__main__":
    main(chile, moscow, portugal)
