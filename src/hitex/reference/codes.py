"""Codes of the data model: flows and classifications, with the spellings files use."""

from __future__ import annotations

from collections.abc import Mapping

#: Flow spellings accepted in files, and what they mean.
FLOWS: Mapping[str, str] = {
    "export": "export",
    "exports": "export",
    "x": "export",
    "экспорт": "export",
    "import": "import",
    "imports": "import",
    "m": "import",
    "импорт": "import",
    "re-export": "re-export",
    "re-exports": "re-export",
    "reexport": "re-export",
    "rx": "re-export",
    "re-import": "re-import",
    "re-imports": "re-import",
    "reimport": "re-import",
    "rm": "re-import",
}

#: Classifications hitex knows, and the pattern a product code must match in each.
CLASSIFICATIONS: Mapping[str, str] = {
    **{f"HS{e}": "hs" for e in ("92", "96", "02", "07", "12", "17", "22")},
    "SITC1": "sitc",
    "SITC2": "sitc",
    "SITC3": "sitc",
    "SITC4": "sitc",
    "EBOPS2010": "ebops",
}
