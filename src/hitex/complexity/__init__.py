"""Economic complexity and opportunities: RCA and Mcp -> ECI, PCI, density, COI, COG.

:func:`export_matrix` is an Ibis expression over the warehouse's ``trade`` view (DuckDB or
Spark); :func:`measure` runs the eigenvector and product-space steps in numpy on the reduced
reporter x product matrix it returns. :mod:`hitex.complexity.opportunities` ranks, for one
reporter, the products it does not yet export with advantage and the markets for each.
"""

from __future__ import annotations

from hitex.complexity.charts import opportunity_table, product_space_chart
from hitex.complexity.exports import export_matrix, export_values
from hitex.complexity.opportunities import market_imports, pick_markets, rank_products
from hitex.complexity.space import COLUMNS, measure, proximity

__all__ = [
    "COLUMNS",
    "export_matrix",
    "export_values",
    "market_imports",
    "measure",
    "opportunity_table",
    "pick_markets",
    "product_space_chart",
    "proximity",
    "rank_products",
]
