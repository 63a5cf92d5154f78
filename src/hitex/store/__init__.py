"""The warehouse: DuckDB tables for flows, loads, rejects and reference data."""

from __future__ import annotations

from hitex.store.warehouse import STEPS, LoadResult, Warehouse, default_path

__all__ = ["STEPS", "LoadResult", "Warehouse", "default_path"]
