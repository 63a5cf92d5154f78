"""The two helpers every load path shares: one transaction, one scratch context.

:func:`transaction` is the only place a statement of hitex begins, commits or rolls back a
write: a load, a removal, a scheme added and the reference tables all go through it.

:class:`Scratch` names the temporary relations of one load and drops them at its end: a
load never asks DuckDB's catalog whether a temporary table exists (``"bad" in scratch``),
and a name is never reused by a later load on the same connection.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType

import duckdb
import pyarrow as pa

from hitex.ingest.sql import ident


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the block in one transaction: committed at its end, rolled back if it raises."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        _rollback(con)
        raise
    con.execute("COMMIT")


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    # DuckDB may have ended the transaction itself (a statement aborted it).
    with suppress(duckdb.TransactionException):
        con.execute("ROLLBACK")


class Scratch:
    """The temporary relations of one load: created through it, dropped when it closes."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self._tables: list[str] = []
        self._arrow: list[str] = []
        self._files: list[Path] = []

    def __contains__(self, name: str) -> bool:
        return name in self._tables or name in self._arrow

    def table(self, name: str, sql: str, params: list[object] | None = None) -> str:
        """``CREATE TEMP TABLE name AS sql``; return the quoted name."""
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {ident(name)} AS {sql}", params or [])
        return self.adopt(name)

    def adopt(self, name: str) -> str:
        """Own a temporary table DuckDB creates itself (a CSV reader's ``rejects_table``)."""
        if name not in self._tables:
            self._tables.append(name)
        return ident(name)

    def adopt_arrow(self, name: str) -> None:
        """Own an Arrow table registered by a reader."""
        if name not in self._arrow:
            self._arrow.append(name)

    def arrow(self, name: str, data: pa.Table) -> str:
        """Register an Arrow table as ``name`` for the load's statements."""
        self.con.register(name, data)
        self._arrow.append(name)
        return ident(name)

    def file(self, path: Path) -> Path:
        """Own a temporary file (a transcoded copy): removed when the scratch closes."""
        self._files.append(path)
        return path

    def drop(self, name: str) -> None:
        """Drop one relation before the scratch closes."""
        if name in self._arrow:
            self.con.unregister(name)
            self._arrow.remove(name)
        elif name in self._tables:
            self.con.execute(f"DROP TABLE IF EXISTS temp.{ident(name)}")
            self._tables.remove(name)

    def close(self) -> None:
        """Drop every relation and remove every file of the scratch."""
        for name in [*self._tables, *self._arrow]:
            try:
                self.drop(name)
            except duckdb.Error:
                # The transaction was aborted: DuckDB drops temp tables it created in it.
                self._tables = [t for t in self._tables if t != name]
        for path in self._files:
            path.unlink(missing_ok=True)
        self._files.clear()

    def __enter__(self) -> Scratch:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
