# ruff: noqa: E501
"""The true figures of the heldout12 articles, computed with DuckDB directly on the raw CSV files.

Independent of hitex (plain SQL over the files the scorer loads, through heldout2's and heldout8's
helpers). Run from the repository root: ``python -m bench.check_corpus.heldout12.figures``. It
prints heldout10's and heldout11's figures first (which the keys of this part quote too) and then
only what is new here; the answer keys' notes quote these lines.
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


def chile() -> None:
    """Chile's trade with Argentina: what heldout10 and heldout11 do not print (01, 04, 15)."""
    share("01", "exports of imports 2002 (cover)", val("chl", 2002), val("chl", 2002, "import"))
    for a, flow, code, label in [
        ("04 15", "export", "94", "furniture"),
        ("04", "export", "44", "wood"),
        ("04", "export", "47", "pulp of wood"),
        ("04 15", "export", "74", "copper"),
        ("15", "export", "38", "miscellaneous chemical products"),
        ("04", "import", "84", "machinery"),
        ("04", "import", "33", "essential oils, perfumery"),
    ]:
        new, old = val("chl", 2004, flow, product=code), val("chl", 2002, flow, product=code)
        show(a, f"{flow}s HS {code} {label} 2004 vs 2002", new, old)
        note(a, "  rank among chapters 2004 / 2002",
             f"{_rank('chl', 2004, code, flow)} / {_rank('chl', 2002, code, flow)}")  # fmt: skip


def moscow() -> None:
    """Moscow's exports: what heldout10 and heldout11 do not print (02, 05, 08, 12, 14)."""
    for a, code in [("05", "8532"), ("05", "8525"), ("05 08", "9011"), ("05", "9012"),
                    ("05", "9010"), ("08", "9015"), ("08", "9014"), ("08", "9016"),
                    ("14", "8419"), ("14", "8472"), ("14", "8519"), ("14", "8527"),
                    ("14", "8526"), ("14", "9006"), ("14", "9004"), ("14", "9007")]:  # fmt: skip
        new, old = val("mow", 2020, product=code), val("mow", 2019, product=code)
        show(a, f"HS {code} (rank {_rank('mow', 2020, code, 'export')} of headings 2020)", new, old)
    note("08", "HS 90 by partner 2020, largest first", _rows(
        "SELECT partner, round(sum(value_usd) / 1e6, 3) FROM mow WHERE year = 2020 "
        "AND product LIKE '90%' GROUP BY partner ORDER BY sum(value_usd) DESC LIMIT 4"))  # fmt: skip
    note("12", "partners whose exports grew exactly 60% (2019 -> 2020)", _rows(
        "SELECT count(*), list(partner ORDER BY partner) FROM (SELECT partner FROM mow GROUP BY partner "
        "HAVING round(sum(value_usd) FILTER (year = 2020) / sum(value_usd) FILTER (year = 2019), 6) = 1.6)"))  # fmt: skip
    show("12", "January 2020 vs January 2019", val("mow", 2020, months=(1, 1)),
         val("mow", 2019, months=(1, 1)))  # fmt: skip


def portugal() -> None:
    """Portugal's technology trade: what heldout10 and heldout11 do not print (03, 10, 13, 16)."""
    x = {y: val("prt", y) for y in range(2001, 2022)}
    note("03", "year of the highest exports of the series", max(x, key=lambda y: x[y]))
    note("03", "export partners over 300 million 2021", _rows(
        "SELECT count(*), list(partner ORDER BY partner) FROM (SELECT partner FROM prt "
        "WHERE year = 2021 AND flow = 'export' GROUP BY partner HAVING sum(value_usd) > 300e6)"))  # fmt: skip
    show("10", "exports 2021 vs 2006", x[2021], x[2006])
    swe = _rows(
        "SELECT rank FROM (SELECT partner, rank() OVER (ORDER BY sum(value_usd) DESC) rank "
        "FROM prt WHERE year = 2020 AND flow = 'export' GROUP BY partner) WHERE partner = 'SWE'"
    )
    note("13", "SWE exports 2020; rank among export partners 2020",
         f"{val('prt', 2020, partners=('SWE',)):,.2f}; {swe[0][0]}")  # fmt: skip


if __name__ == "__main__":
    main(chile, moscow, portugal, earlier=(h10, h11), new="heldout12")
