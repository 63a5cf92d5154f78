"""Builders shared by the tests: small files written from rows."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

FLOWS_HEADER = ("year", "month", "reporter", "partner", "flow", "product", "value_usd")


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    """Write ``rows`` under ``header`` to ``path`` and return it."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def flows_file(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    """A ``flows`` CSV with :data:`FLOWS_HEADER`."""
    return write_csv(path, FLOWS_HEADER, rows)
