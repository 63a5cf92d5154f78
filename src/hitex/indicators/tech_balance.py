"""Technology trade balance: high-tech goods and technology services side by side.

National reports add the two: goods of a product scheme's group (``tech``/``high``) and
services of a services scheme's technology groups (``techservices``: IP charges, ICT, R&D,
technical services). Each part is shown with its exports, imports and balance, and the
total adds them. A part that is not loaded shows 0; ``classifications`` says what went in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ibis
import ibis.expr.types as ir

from hitex.indicators.selection import Query, select

#: The technology groups of the ``techservices`` scheme (everything but "other").
TECH_SERVICES = ("ip", "ict", "rd", "technical")

PARTS = ("goods", "services")


def tech_balance(
    tables: Mapping[str, ir.Table],
    *,
    reporter: str,
    years: Sequence[int],
    goods_scheme: str = "tech",
    goods_group: str | tuple[str, ...] = "high",
    services_scheme: str = "techservices",
    services_group: str | tuple[str, ...] = TECH_SERVICES,
) -> ir.Table:
    """Per year: exports, imports and balance of goods, of services, and of both.

    Returns columns ``year``, then ``{goods,services,total}_{exports,imports,balance}_usd``
    and ``classifications``.
    """
    specs = {
        "goods": (goods_scheme, goods_group),
        "services": (services_scheme, services_group),
    }
    rows = [
        select(tables, Query(reporter, "balance", tuple(years), groups=s, group=g)).select(
            "year", "flow", "value_usd", "classification", part=ibis.literal(part)
        )
        for part, (s, g) in specs.items()
    ]
    f = rows[0].union(rows[1])
    metrics: dict[str, ir.Value] = {}
    for part in (*PARTS, "total"):
        mine = f.part == part if part != "total" else f.part.notnull()
        for flow in ("export", "import"):
            total = f.value_usd.sum(where=mine & (f.flow == flow))
            metrics[f"{part}_{flow}s_usd"] = total
    t = f.group_by("year").aggregate(
        **metrics, classifications=f.classification.collect(distinct=True)
    )
    t = t.mutate(**{m: t[m].fill_null(0.0) for m in metrics})
    balances = {
        f"{p}_balance_usd": t[f"{p}_exports_usd"] - t[f"{p}_imports_usd"] for p in (*PARTS, "total")
    }
    t = t.mutate(**balances)
    cols = [f"{p}_{k}_usd" for p in (*PARTS, "total") for k in ("exports", "imports", "balance")]
    return t.select("year", *cols, "classifications").order_by("year")
