"""Reference data: countries, products, classifications and groups, as checked-in tables.

This layer is pure data and lookups; it knows no warehouse. :func:`tables` gives every table
the warehouse keeps, which ``hitex init`` writes into it.
"""

from __future__ import annotations

import functools

import pandas as pd

from hitex.reference import countries
from hitex.reference.codes import CLASSIFICATIONS, FLOWS


def tables() -> dict[str, pd.DataFrame]:
    """Every reference table by its warehouse name."""
    out: dict[str, pd.DataFrame] = {
        "countries": countries.countries_frame(),
        "country_names": countries.names_frame(),
        "country_aliases": countries.aliases_frame(),
        "flow_codes": pd.DataFrame({"code": list(FLOWS), "flow": list(FLOWS.values())}),
        "classification_codes": pd.DataFrame(
            {"code": list(CLASSIFICATIONS), "family": list(CLASSIFICATIONS.values())}
        ),
    }
    out.update(_product_tables())
    return out


@functools.cache
def _product_tables() -> dict[str, pd.DataFrame]:
    from hitex.reference import partners, products, schemes  # noqa: PLC0415 - heavy tables

    return {
        "products": products.products_frame(),
        "product_groups": schemes.product_groups_frame(),
        "country_groups": partners.country_groups_frame(),
    }


def reference_version() -> str:
    """The version of the reference data, stated in every report."""
    from hitex.reference.version import REFERENCE_VERSION  # noqa: PLC0415

    return REFERENCE_VERSION
