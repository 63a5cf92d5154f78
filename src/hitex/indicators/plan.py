"""Which rows answer a question: the smallest rollup that holds it, else the records.

The rollups (:mod:`hitex.store.rollups`) hold ``trade`` summed by reporter, partner, flow,
period and classification (``partners``), and by reporter, product, flow, period and
classification (``products``). Every indicator but the enterprise counts is a sum, or a
count of product lines with a positive record, of the selection: a question whose
dimensions, filters and indicators read only columns one rollup holds has the same answer
from it as from the records. A question that needs both partner and product (a partner group
with product groups, a partner table of one product group), or enterprises, reads the
records.
"""

from __future__ import annotations

from collections.abc import Iterable

from hitex.indicators.selection import Query, needs_records

#: Dimensions (``by``) that need the partner of each record.
PARTNER_SIDE = frozenset({"partner", "region", "subregion"})
#: Dimensions that need the product of each record.
PRODUCT_SIDE = frozenset({"product", "group"})
#: Indicators that read the product of each record (product lines; RCA by product).
PRODUCT_INDICATORS = frozenset({"product_lines", "rca"})

#: The rollups, smallest first for the questions both could answer.
ROLLUPS = ("partners", "products")


def rollup_for(q: Query, indicators: Iterable[str] | None = None) -> str | None:
    """The rollup that answers ``q`` with ``indicators`` exactly; None: the records."""
    asked = {i.strip().lower().replace("-", "_") for i in indicators or ()}
    if needs_records(q, tuple(asked)):
        return None
    by = set(q.by)
    partner = bool(by & PARTNER_SIDE) or q.partner_group is not None
    product = bool(by & PRODUCT_SIDE) or q.groups is not None or bool(asked & PRODUCT_INDICATORS)
    if partner and product:
        return None
    return "products" if product else "partners"
