"""CEPII BACI: ``t,i,j,k,v,q``, one file per year and HS edition.

Values are in thousands of US dollars and quantities in metric tons; exporters and importers
are BACI's numeric codes, which are not all ISO numeric (842 USA, 699 India, 251 France,
490 Taiwan): they are resolved through BACI's own country table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from hitex.ingest.base import Reader, Ref
from hitex.ingest.sql import lit, missing_sql

#: ``BACI_HS17_Y2020_V202301.csv`` -> ``HS17``.
_EDITION = re.compile(r"BACI_(HS\d\d)_", re.IGNORECASE)


class BaciReader(Reader):
    """BACI's exports: exporter ``i`` reports an export to importer ``j``."""

    name: ClassVar[str] = "baci"
    columns: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "year": ("t",),
        "reporter": ("i",),
        "partner": ("j",),
        "product": ("k",),
        "value": ("v",),
        "quantity": ("q",),
    }
    fixed: ClassVar[Mapping[str, str]] = {"flow": "export"}
    value_scale: ClassVar[float] = 1000.0
    country_kinds: ClassVar[tuple[str, ...] | None] = ("trade",)
    reconciled: ClassVar[bool] = True
    # BACI gives one record per (t, i, j, k) and HS6 codes only.
    hierarchical: ClassVar[bool] = False
    keys_unique: ClassVar[bool] = True
    product_digits: ClassVar[int | None] = 6
    quantity_unit: ClassVar[str | None] = "t"
    # Country codes and values are numbers; k stays text (a bad code gets its own reason)
    # and so does q, which BACI writes as NA when missing.
    csv_types: ClassVar[Mapping[str, str]] = {
        "t": "VARCHAR", "i": "INTEGER", "j": "INTEGER", "k": "VARCHAR", "v": "DOUBLE",
        "q": "VARCHAR",
    }  # fmt: skip

    def value_name(self) -> str:
        """BACI's value column."""
        return "v"

    def fields(self, ref: Ref) -> dict[str, str]:
        """BACI's columns; quantities are metric tons."""
        out = super().fields(ref)
        q = self.col("quantity", ref)
        unit = lit(self.quantity_unit)
        out["unit"] = f"CASE WHEN NOT {missing_sql(q)} THEN {unit} END" if q != "NULL" else "NULL"
        return out

    def classification_sql(self, ref: Ref) -> str:
        """The HS edition named in the file name (``BACI_HS17_...``), else the option."""
        found = _EDITION.search(self.source.path.name)
        return lit(found.group(1).upper()) if found else super().classification_sql(ref)
