"""UN Comtrade downloads: bulk CSV files and API responses (JSON or CSV).

Comtrade rows include totals: ``cmdCode`` ``TOTAL`` (all products), partner ``0`` / ``W00``
(World), and breakdowns by mode of transport, customs procedure or second partner. Adding
them to the detail would count the same trade twice, so they are rejected with that reason.
"""

from __future__ import annotations

from typing import ClassVar

import pyarrow as pa

from hitex.ingest.base import Reader, json_records

#: Comtrade's ``classificationCode`` -> hitex classification.
CLASSIFICATION_CODES = {
    "H0": "HS92",
    "H1": "HS96",
    "H2": "HS02",
    "H3": "HS07",
    "H4": "HS12",
    "H5": "HS17",
    "H6": "HS22",
    "S3": "SITC3",
    "S4": "SITC4",
    "EB10": "EBOPS2010",
    "EB": "EBOPS2010",
}


class ComtradeReader(Reader):
    """Comtrade's current column names (``refYear``, ``reporterCode``, ``cmdCode``, ...)."""

    name: ClassVar[str] = "comtrade"
    required: ClassVar[tuple[str, ...]] = ("reportercode", "partnercode", "flowcode", "cmdcode")

    def read_json(self) -> pa.Table:
        """API responses hold the records in ``data``."""
        return json_records(self.source.path)

    def expressions(self) -> dict[str, str]:
        """Period from ``refYear``/``refMonth`` or ``period`` (``YYYY`` or ``YYYYMM``)."""
        period = self.col("period")
        year = f"coalesce({self.col('refYear')}, left({period}, 4))"
        month = (
            f"coalesce(nullif(nullif({self.col('refMonth')}, '52'), '0'), "
            f"CASE WHEN length({period}) = 6 THEN substr({period}, 5, 2) END)"
        )
        return {
            "year": year,
            "month": month,
            "reporter": self._country("reporter"),
            "partner": self._country("partner"),
            "flow": self.col("flowCode"),
            "classification": self.classification_sql(),
            "product": self.col("cmdCode"),
            "value": f"coalesce({self.col('primaryValue')}, {self.col('tradeValue')})",
            "quantity": f"coalesce({self.col('qty')}, {self.col('netWgt')})",
            "unit": (
                f"CASE WHEN nullif(trim({self.col('qty')}), '') IS NOT NULL "
                f"THEN {self.col('qtyUnitAbbr')} "
                f"WHEN nullif(trim({self.col('netWgt')}), '') IS NOT NULL THEN 'kg' END"
            ),
        }

    def _country(self, role: str) -> str:
        # The numeric code is Comtrade's own (842 USA, 699 India); the ISO column, where the
        # download has it, is the same country. The code is what every download has.
        return f"coalesce(nullif(trim({self.col(role + 'Code')}), ''), {self.col(role + 'ISO')})"

    def classification_sql(self) -> str:
        """``classificationCode`` (``H5`` = HS2017 ...) where present, else the option."""
        column = self.col("classificationCode")
        if column == "NULL":
            return super().classification_sql()
        cases = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in CLASSIFICATION_CODES.items())
        return f"CASE upper(trim({column})) {cases} ELSE trim({column}) END"

    def extra_reasons(self) -> list[tuple[str, str]]:
        """Totals and breakdowns that would count trade twice."""
        checks = [
            (
                "upper(trim(product_r)) IN ('TOTAL', 'AG2', 'AG4', 'AG6')",
                "'aggregate row (cmdCode ' || trim(product_r) || '), not a product'",
            ),
            (
                f"coalesce(upper(trim(CAST({self.col('isAggregate')} AS VARCHAR))), 'FALSE') "
                "IN ('TRUE', '1') AND NOT regexp_full_match(trim(product_r), '[0-9]{6}')",
                "'aggregate row (isAggregate), not a product'",
            ),
        ]
        for column, total in (("motCode", "0"), ("customsCode", "C00"), ("partner2Code", "0")):
            c = self.col(column)
            if c != "NULL":
                checks.append(
                    (
                        f"coalesce(nullif(trim({c}), ''), '{total}') <> '{total}'",
                        f"'breakdown by {column} ' || trim({c}) || "
                        f"'; only the total over it ({total}) is loaded'",
                    )
                )
        return checks
