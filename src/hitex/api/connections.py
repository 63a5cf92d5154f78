"""How ``hitex serve`` holds the warehouse: one writer, a pool of readers, one snapshot each.

DuckDB lets one process write a database file. The server opens the warehouse once, read-write,
and keeps that session for loads, one at a time behind a lock. Readers are cursors of the same
database (connections that share it, each with its own transactions), pooled so that each
keeps the Ibis tables and compiled queries of its :class:`~hitex.store.engines.DuckDBEngine`.

Every request that reads runs in one transaction on its cursor. DuckDB gives each transaction
a snapshot, and a load commits in one transaction: a reader sees the warehouse before a load
or after it, never half of it (a revision deletes old flows and inserts new ones; no reader
sees the gap in between).
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

import hitex
from hitex.api import answers
from hitex.api.cache import Answers
from hitex.api.errors import ApiError
from hitex.session import Session
from hitex.store.engines import engine_for

T = TypeVar("T")

#: Reader sessions kept open; more requests than this wait for one to come back.
READERS = 8

#: Seconds a request waits for a free reader before answering 503.
WAIT_S = 30.0


class Busy(Exception):
    """No reader session is free now (:meth:`Connections.answer` told not to wait)."""


class Connections:
    """The writer session and a pool of reader sessions over one warehouse file.

    Parameters
    ----------
    path
        The warehouse file (``":memory:"`` for a throwaway one).
    readers
        How many reader sessions to keep.
    read_only
        Open the file without write access (a server without a token: no uploads).
    engine, spark_master
        What runs the readers' queries (see :func:`hitex.open`); loads stay on DuckDB.

    Examples
    --------
    >>> conns = Connections(":memory:", readers=2)
    >>> with conns.read() as s:
    ...     s.loads().empty
    True
    >>> conns.close()
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        readers: int = READERS,
        read_only: bool = False,
        engine: str = "duckdb",
        spark_master: str | None = None,
    ) -> None:
        self.path = str(path)
        # Read-only, the file is shared: other processes may read it at the same time.
        self.writer = hitex.open(path, read_only=read_only)
        self.answers = Answers()
        #: Whether ``/api/view`` answers from memory (:mod:`hitex.api.answers`) where it can;
        #: ``HITEX_VIEW_MEMORY=off`` asks every question of the Session.
        self.in_memory = os.environ.get("HITEX_VIEW_MEMORY", "on").lower() not in ("off", "0", "no")
        self._lock = threading.Lock()
        #: Writes begun and ended (odd: one is under way), and the version of the warehouse
        #: at an even count, where a reader read it (:meth:`_begin`).
        self._generation = 0
        self._known: tuple[int, str] | None = None
        self._pool: queue.Queue[Session] = queue.Queue()
        options = {"master": spark_master} if spark_master and engine == "pyspark" else {}
        cursors = [self.writer.warehouse.cursor() for _ in range(readers)]
        self._all = [Session(c, engine_for(engine, c, **options)) for c in cursors]
        for s in self._all:
            self._pool.put(s)
        if self.in_memory and engine == "duckdb":
            # The dashboard's answers in memory, built before the first view is asked;
            # after a load, in the background (the Session answers meanwhile).
            with self.read() as s:
                answers.ready(s)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A reader session inside one read transaction (one snapshot of the warehouse)."""
        s = self._take()
        try:
            with self._snapshot(s):
                yield s
        finally:
            self._pool.put(s)

    def settled(self) -> bool:
        """Whether views are answered from memory now.

        No write under way, the version known (:meth:`_begin`) and its columns built
        (:func:`hitex.api.answers.built`). Such a view is a few milliseconds of Python (numpy
        on small slices, under one lock); others ask DuckDB, which lets other requests run.
        """
        generation, known = self._generation, self._known
        return (
            self.in_memory and generation % 2 == 0 and known is not None
            and known[0] == generation and answers.built(self.path, known[1])
        )  # fmt: skip

    def answer(self, ask: Callable[[Session], T], *, wait: bool = True) -> T:
        """``ask(s)`` on one snapshot of the warehouse, as :meth:`read` gives it.

        Where the version is known (:meth:`_begin`), ``ask`` runs first without a transaction
        (three statements fewer: most of what a dashboard view asks is kept with the version,
        and nothing of it reads the warehouse). Its answer stands where no write began while
        it ran: every write goes through :meth:`write`, so each statement it ran read that
        version. Where one did begin, ``ask`` runs again in a read transaction.
        ``wait=False``: :class:`Busy` where no reader session is free now.
        """
        s = self._take(wait)
        try:
            generation, known = self._generation, self._known
            if generation % 2 == 0 and known is not None and known[0] == generation:
                s.warehouse.pin_version(True, known[1])
                try:
                    found = ask(s)
                except Exception:
                    if self._generation == generation:
                        raise
                else:
                    if self._generation == generation:
                        return found
                finally:
                    s.warehouse.pin_version(False)
            with self._snapshot(s):
                return ask(s)
        finally:
            self._pool.put(s)

    def _take(self, wait: bool = True) -> Session:
        if not wait:
            try:
                return self._pool.get_nowait()
            except queue.Empty:
                raise Busy from None
        try:
            return self._pool.get(timeout=WAIT_S)
        except queue.Empty:
            raise ApiError(
                503,
                "The server is busy; try again in a moment.",
                ru="Сервер занят; повторите запрос чуть позже.",
            ) from None

    @contextlib.contextmanager
    def _snapshot(self, s: Session) -> Iterator[None]:
        """``s`` inside one read transaction, its version pinned."""
        con = s.warehouse.con
        try:
            self._begin(s)
            yield
        finally:
            s.warehouse.pin_version(False)
            # A failed query aborts the transaction; a rollback ends it either way.
            with contextlib.suppress(Exception):
                con.execute("ROLLBACK")

    def _begin(self, s: Session) -> None:
        """Open ``s``'s read transaction and pin its snapshot's version.

        Every write of the server goes through :meth:`write`, which makes :attr:`_generation`
        odd while it runs and even again after its commit. A transaction's snapshot starts at
        its first read; where no write began between the generation read before it and after
        it, the snapshot is of that generation, whose version is known (:attr:`_known`): a
        one-row read starts the snapshot, and the version's four counts are not read again.
        """
        con = s.warehouse.con
        generation = self._generation
        con.execute("BEGIN TRANSACTION")
        known = self._known
        if generation % 2 == 0 and known is not None and known[0] == generation:
            con.execute("SELECT 1 FROM meta LIMIT 1").fetchall()
            if self._generation == generation:
                s.warehouse.pin_version(True, known[1])
                return
        s.warehouse.pin_version(True)
        if generation % 2 == 0 and self._generation == generation:
            self._known = (generation, s.warehouse.version())

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """The writer session, one caller at a time (a load is one transaction inside it)."""
        with self._lock:
            self._generation += 1
            try:
                yield self.writer
            finally:
                self._generation += 1

    def close(self) -> None:
        """Close the readers, then the writer."""
        for s in self._all:
            with contextlib.suppress(Exception):
                s.close()
        self.writer.close()
