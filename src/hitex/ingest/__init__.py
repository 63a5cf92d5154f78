"""Readers: file formats -> the standard record, with a reason for every record refused."""

from __future__ import annotations

from hitex.ingest.base import COLUMNS, Reader, Source, checked_sql, reader_for, readers

__all__ = ["COLUMNS", "Reader", "Source", "checked_sql", "reader_for", "readers"]
