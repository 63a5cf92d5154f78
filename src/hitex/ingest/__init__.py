"""Readers: file formats -> the standard record, with a reason for every record refused."""

from __future__ import annotations

from hitex.ingest.base import (
    FIELDS,
    USER_FIELDS,
    Fingerprint,
    Opened,
    Reader,
    Source,
    fingerprint,
    head,
    reader_for,
    readers,
)
from hitex.ingest.check import Read, checked_sql, prepare_statements, refusal

__all__ = [
    "FIELDS",
    "USER_FIELDS",
    "Fingerprint",
    "Opened",
    "Read",
    "Reader",
    "Source",
    "checked_sql",
    "fingerprint",
    "head",
    "prepare_statements",
    "reader_for",
    "readers",
    "refusal",
]
