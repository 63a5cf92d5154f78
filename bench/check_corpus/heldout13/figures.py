# ruff: noqa: E501
"""The true figures of the heldout13 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers). Run from the repository root: ``python -m bench.check_corpus.heldout13.figures``. It
prints heldout10's, heldout11's and heldout12's figures first (which the keys of this part quote
too) and then only what is new here; the answer keys' notes quote these lines.
"""

from __future__ import annotations

from bench.check_corpus.heldout2.figures import (
    main,
    note,
    share,
    show,
    val,
)
from bench.check_corpus.heldout8.figures import _rank, _rows
from bench.check_corpus.heldout10 import figures as h10
from bench.check_corpus.heldout11 import figures as h11
from bench.check_corpus.heldout12 import figures as h12


def goods(table: str, new: int, old: int, rows: list[tuple[str, str, str, str]]) -> None:
    """Goods of ``table`` (chl or mow) in year ``new`` against ``old``: value, share, rank.

    Each row is (articles, flow, HS prefix, label); the rank is among the codes of the same length.
    """
    for a, flow, code, label in rows:
        n, o = val(table, new, flow, product=code), val(table, old, flow, product=code)
        show(a, f"{flow}s HS {code} {label} {new} vs {old}", n, o)
        note(a, f"  share of {flow}s {new} / {old}; rank at its level {new} / {old}",
             f"{100 * n / val(table, new, flow):.2f}% / {100 * o / val(table, old, flow):.2f}%; "
             f"rank {_rank(table, new, code, flow)} / {_rank(table, old, code, flow)}")  # fmt: skip


def chile() -> None:
    """Chile's trade with Argentina: what heldout10-12 do not print (01, 04, 07, 10, 14)."""
    goods("chl", 2004, 2002, [
        ("01", "export", "70", "glass and glassware"),
        ("04", "import", "76", "aluminium"),
        ("04", "import", "29", "organic chemicals"),
        ("07", "import", "34", "soap and detergents"),
        ("07", "import", "18", "cocoa"),
    ])  # fmt: skip
    gas, cereals = (val("chl", 2004, "import", product=p) for p in ("2711", "10"))
    note("10", "imports HS 2711 / HS 10 2004", f"{gas:,.2f} / {cereals:,.2f} = x{gas / cereals:.3f}")  # fmt: skip


def moscow() -> None:
    """Moscow's exports: what heldout10-12 do not print (02, 05, 08, 09, 12, 15)."""
    goods("mow", 2020, 2019, [
        ("05", "export", "8443", "printers and copiers"),
        ("05", "export", "8521", "video recorders"),
    ])  # fmt: skip
    note("08", "HS 90 headings 2020, largest first", _rows(
        "SELECT left(product, 4) h, round(sum(value_usd) / 1e6, 3) FROM mow WHERE year = 2020 "
        "AND product LIKE '90%' GROUP BY h ORDER BY sum(value_usd) DESC LIMIT 4"))  # fmt: skip
    jpn, chn = (val("mow", 2020, partners=(p,), product="90") for p in ("JPN", "CHN"))
    note("08", "HS 90 JPN / CHN 2020", f"{jpn:,.2f} / {chn:,.2f} = x{jpn / chn:.3f}")


def portugal() -> None:
    """Portugal's technology trade: what heldout10-12 do not print (03, 06, 11, 13, 16)."""
    d18 = val("prt", 2018, "import") - val("prt", 2018)
    d21 = val("prt", 2021, "import") - val("prt", 2021)
    note("11", "deficit 2018 / deficit 2021", f"{d18:,.2f} / {d21:,.2f} = x{d18 / d21:.3f}")
    share("13", "imports from KOR + JPN 2021 of all imports",
          val("prt", 2021, "import", partners=("KOR", "JPN")), val("prt", 2021, "import"))  # fmt: skip
    note("16", "years with imports under 1,000 million", [r[0] for r in _rows(
        "SELECT year FROM prt WHERE flow = 'import' GROUP BY year "
        "HAVING sum(value_usd) < 1e9 ORDER BY year")])  # fmt: skip


if __name__ == "__main__":
    main(chile, moscow, portugal, earlier=(h10, h11, h12), new="heldout13")
