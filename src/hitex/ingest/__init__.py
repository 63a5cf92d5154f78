"""Readers: file formats -> the standard record, with a reason for every record refused."""

from __future__ import annotations

from hitex.ingest.base import COLUMNS, Reader, Source, reader_for, readers
from hitex.ingest.check import TEMPS, check_statements

__all__ = [
    "COLUMNS",
    "TEMPS",
    "Reader",
    "Source",
    "check_statements",
    "reader_for",
    "readers",
]
