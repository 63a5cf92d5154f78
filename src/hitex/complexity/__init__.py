"""Economic complexity and opportunities: RCA and Mcp -> ECI, PCI, density, COI, COG.

:func:`export_matrix` is an Ibis expression over the warehouse's ``trade`` view (DuckDB or
Spark); :func:`measure` runs the eigenvector and product-space steps in numpy on the reduced
reporter x product matrix. :func:`opportunities` ranks, for one reporter, the products it does
not yet export with advantage and the markets for each.
"""

from __future__ import annotations

from hitex.complexity.exports import export_matrix, export_values
from hitex.complexity.space import COLUMNS, measure, proximity

__all__ = ["COLUMNS", "export_matrix", "export_values", "measure", "proximity"]
