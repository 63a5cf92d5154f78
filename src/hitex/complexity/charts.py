"""Charts and tables of complexity for the report and dashboard layers to reuse.

:func:`product_space_chart` returns an Altair chart (a Vega-Lite spec: ``chart.to_dict()``);
:func:`opportunity_table` the product part of :meth:`hitex.Session.opportunities`, one row
per product, for a report's table.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from hitex.complexity.opportunities import PRODUCT_COLUMNS


def product_space_chart(measures: pd.DataFrame, reporter: str, *, title: str | None = None) -> Any:
    """Density against PCI of ``reporter``'s products: held with advantage or not yet.

    ``measures`` is :meth:`hitex.Session.complexity` output (every reporter, or just one).
    Products up and to the right are near and complex: the usual "where next" picture.

    Examples
    --------
    >>> m = pd.DataFrame({"reporter": ["RUS"] * 2, "product": ["854231", "300490"],
    ...                   "density": [0.2, 0.4], "pci": [1.5, 0.3], "mcp": [0, 1],
    ...                   "export_value": [0.0, 5.0], "cog": [0.4, 0.0]})
    >>> spec = product_space_chart(m, "RUS").to_dict()
    >>> spec["mark"]["type"], spec["encoding"]["x"]["field"], spec["encoding"]["y"]["field"]
    ('circle', 'density', 'pci')
    """
    import altair as alt  # noqa: PLC0415 - only charts need it

    rows = measures[measures["reporter"] == reporter].assign(
        held=lambda f: f["mcp"].map({1: "exported with advantage", 0: "not yet"})
    )
    return (
        alt.Chart(
            rows[["product", "density", "pci", "cog", "export_value", "held"]],
            title=title or f"{reporter}: product space",
        )
        .mark_circle(opacity=0.6)
        .encode(
            x=alt.X("density", title="Density (nearness to current exports)"),
            y=alt.Y("pci", title="Product complexity (PCI)"),
            color=alt.Color("held", title=None),
            size=alt.Size("export_value", title="Exports (US$)", legend=None),
            tooltip=["product", "density", "pci", "cog", "export_value"],
        )
    )


def opportunity_table(opportunities: pd.DataFrame) -> pd.DataFrame:
    """One row per product of :meth:`hitex.Session.opportunities`, best first.

    Examples
    --------
    >>> o = pd.DataFrame({c: [1, 1] for c in PRODUCT_COLUMNS} | {"market": ["CHN", "IND"]})
    >>> len(opportunity_table(o))
    1
    """
    columns = [c for c in PRODUCT_COLUMNS if c in opportunities.columns]
    table = opportunities[columns].drop_duplicates("product")
    return table.sort_values("rank").reset_index(drop=True)
