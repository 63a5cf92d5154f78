"""``hitex serve``: the app under uvicorn, on the loopback address unless told otherwise."""

from __future__ import annotations

import os

import uvicorn

from hitex.api.app import create_app
from hitex.api.connections import READERS


def run(
    db: str | os.PathLike[str],
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    max_upload_mb: float = 200,
    readers: int = READERS,
    engine: str = "duckdb",
    spark_master: str | None = None,
) -> None:
    """Serve the dashboard and the API until interrupted (one process holds the warehouse)."""
    app = create_app(db, max_upload_bytes=int(max_upload_mb * 1024 * 1024), readers=readers,
                     engine=engine, spark_master=spark_master)  # fmt: skip
    # One worker process: DuckDB lets only one process write the warehouse file.
    uvicorn.run(app, host=host, port=port, log_level="info", workers=1)
