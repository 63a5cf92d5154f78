"""hitex's own flat format: one row per flow, in CSV, Parquet or Excel."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from hitex.ingest.base import Reader


class FlowsReader(Reader):
    """Columns of the ``flows`` table: ``year, month, reporter, partner, flow, product, value_usd``.

    ``month``, ``quantity``, ``unit``, ``classification`` and ``firm`` (the declarant: the
    exporter of an export, the importer of an import) are optional; without a
    ``classification`` column the ``--classification`` option applies. Countries may be
    given by ISO code, trade code or name. Any other column is ignored.
    """

    name: ClassVar[str] = "flows"
    columns: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "year": ("year",),
        "month": ("month",),
        "reporter": ("reporter",),
        "partner": ("partner",),
        "flow": ("flow",),
        "classification": ("classification",),
        "product": ("product",),
        "value": ("value_usd",),
        "quantity": ("quantity",),
        "unit": ("unit",),
        "firm": ("firm",),
    }
