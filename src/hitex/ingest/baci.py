"""CEPII BACI: ``t,i,j,k,v,q``, one file per year and HS edition.

Values are in thousands of US dollars and quantities in metric tons; exporters and importers
are BACI's numeric codes, which are not all ISO numeric (842 USA, 699 India, 251 France,
490 Taiwan): they are resolved through BACI's own country table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from hitex.ingest.base import Reader

#: ``BACI_HS17_Y2020_V202301.csv`` -> ``HS17``.
_EDITION = re.compile(r"BACI_(HS\d\d)_", re.IGNORECASE)


class BaciReader(Reader):
    """BACI's exports: exporter ``i`` reports an export to importer ``j``."""

    name: ClassVar[str] = "baci"
    required: ClassVar[tuple[str, ...]] = ("t", "i", "j", "k", "v", "q")
    value_scale: ClassVar[float] = 1000.0
    country_kinds: ClassVar[tuple[str, ...] | None] = ("trade",)
    reconciled: ClassVar[bool] = True
    # Country codes and values are numbers; k stays text (a bad code gets its own reason)
    # and so does q, which BACI writes as NA when missing.
    csv_types: ClassVar[Mapping[str, str] | None] = {
        "t": "VARCHAR", "i": "INTEGER", "j": "INTEGER", "k": "VARCHAR", "v": "DOUBLE",
        "q": "VARCHAR",
    }  # fmt: skip

    def expressions(self) -> dict[str, str]:
        """BACI's columns; every record is an export of ``i`` to ``j``."""
        return {
            "year": self.col("t"),
            "month": "NULL",
            "reporter": self.col("i"),
            "partner": self.col("j"),
            "flow": "'export'",
            "classification": self.classification_sql(),
            "product": self.col("k"),
            "value": self.col("v"),
            "quantity": self.col("q"),
            "unit": "CASE WHEN upper(trim(q)) NOT IN ('', 'NA') THEN 't' END",
        }

    def classification_sql(self) -> str:
        """The HS edition named in the file name (``BACI_HS17_...``), else the option."""
        found = _EDITION.search(self.source.path.name)
        return f"'{found.group(1).upper()}'" if found else super().classification_sql()
