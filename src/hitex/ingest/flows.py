"""hitex's own flat format: one row per flow, in CSV, Parquet or Excel."""

from __future__ import annotations

from typing import ClassVar

from hitex.ingest.base import Reader


class FlowsReader(Reader):
    """Columns of the ``flows`` table: ``year, month, reporter, partner, flow, product, value_usd``.

    ``month``, ``quantity``, ``unit`` and ``classification`` are optional; without a
    ``classification`` column the ``--classification`` option applies. Countries may be
    given by ISO code, trade code or name.
    """

    name: ClassVar[str] = "flows"
    required: ClassVar[tuple[str, ...]] = (
        "year",
        "reporter",
        "partner",
        "flow",
        "product",
        "value_usd",
    )

    def expressions(self) -> dict[str, str]:
        """Map the columns one to one."""
        return {
            "year": self.col("year"),
            "month": self.col("month"),
            "reporter": self.col("reporter"),
            "partner": self.col("partner"),
            "flow": self.col("flow"),
            "classification": self.classification_sql(),
            "product": self.col("product"),
            "value": self.col("value_usd"),
            "quantity": self.col("quantity"),
            "unit": self.col("unit"),
        }

    def classification_sql(self) -> str:
        """The file's ``classification`` column where given and not empty, else the option."""
        column = self.col("classification")
        default = super().classification_sql()
        return default if column == "NULL" else f"coalesce(nullif(trim({column}), ''), {default})"
