"""Numbers to words for reports: the rules live in :mod:`hitex.wording` (no report needed).

Kept so that ``from hitex.report import wording`` reads the same functions.
"""

from __future__ import annotations

from hitex.wording import (
    LANGS,
    change,
    count,
    money,
    multiple,
    number,
    parse_money,
    parse_percent,
    percent,
    plural_ru,
    points,
)

__all__ = [
    "LANGS",
    "change",
    "count",
    "money",
    "multiple",
    "number",
    "parse_money",
    "parse_percent",
    "percent",
    "plural_ru",
    "points",
]
