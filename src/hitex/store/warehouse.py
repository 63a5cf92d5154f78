"""The warehouse: a DuckDB file holding flows, their provenance, rejects and reference tables.

Only this module holds connections. A load is one transaction: it either adds every
acceptable record of a file and a ``rejects`` row for every other one, or changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import duckdb
import ibis
import pandas as pd
from ibis.backends.duckdb import Backend as DuckDBBackend

import hitex.reference as ref
from hitex.errors import BadFileError, HitexError, InputError
from hitex.ingest import Fingerprint, Reader, Source, fingerprint, head, reader_for, readers
from hitex.ingest.sql import ident, lit
from hitex.reference.usergroups import UserScheme, load_user_scheme, parse_user_scheme
from hitex.store import segment, sources
from hitex.store.load import Counts, Loader, Step
from hitex.store.load import remove as remove_load
from hitex.store.schema import DDL, NULLABLE, RELATIONS, VIEWS

log = logging.getLogger(__name__)

#: Steps of one load, in order; ``progress`` callbacks receive them. The file is hashed
#: (has it been loaded before?) while it is read, so "hash" ends after the flows are written.
STEPS = ("read", "check", "rejects", "flows", "hash", "commit")


@dataclass(frozen=True)
class LoadResult:
    """What one load did: the ``loads`` row of the warehouse."""

    id: int
    file: str
    sha256: str
    format: str
    rows_read: int
    rows_loaded: int
    rows_rejected: int
    rows_merged: int
    rows_revised: int
    status: str
    message: str = ""

    def summary(self) -> str:
        """One line for the terminal."""
        if self.status == "skipped":
            return f"{self.file}: {self.message}; nothing added."
        line = (
            f"load {self.id}: {self.file} - {self.rows_read:,} records read, "
            f"{self.rows_loaded:,} loaded, {self.rows_rejected:,} rejected"
        )
        if self.rows_merged:
            line += f", {self.rows_merged:,} merged into flows with the same key"
        if self.rows_revised:
            line += f", {self.rows_revised:,} earlier flows revised"
        if self.rows_rejected:
            line += f" (see: hitex rejects --load {self.id})"
        if self.message:
            line += f"; {self.message}"
        return line + "."

    def as_dict(self) -> dict[str, Any]:
        """The fields as a plain dict (for JSON output)."""
        return asdict(self)


def default_path() -> str:
    """``$HITEX_DB`` if set, else ``./hitex.duckdb``."""
    return os.environ.get("HITEX_DB") or "hitex.duckdb"


class Warehouse:
    """A hitex warehouse in a DuckDB file (or ``:memory:``).

    Opening creates the file and its tables when they are missing, and refreshes the
    reference tables when the package's reference data changed.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        read_only: bool = False,
        con: duckdb.DuckDBPyConnection | None = None,
    ):
        self.path = str(path) if path is not None else default_path()
        self._ibis: DuckDBBackend | None = None
        self._holdings: tuple[str, dict[str, dict[str, list[int]]]] | None = None
        self._years: tuple[str, dict[int, sources.Year]] | None = None
        self._version: str | None = None
        self._sources: dict[tuple[str, str], pd.DataFrame] = {}
        self.read_only = read_only and con is None
        #: The version read once for a read transaction (see :meth:`pin_version`).
        self._pinned: str | None = None
        #: Whether other cursors read the same database (``hitex serve``): a load then runs
        #: without a memory limit, which DuckDB would impose on those readers too.
        self.shared = con is not None
        if con is not None:
            self.con = con
            return
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise HitexError(f"Cannot open warehouse {self.path}: {exc}") from exc
        if not read_only:
            self.init(refresh=False)

    def cursor(self) -> Warehouse:
        """The same warehouse through a new cursor: one database, transactions of its own."""
        self.shared = True
        return Warehouse(self.path, con=self.con.cursor())

    # -- lifecycle ------------------------------------------------------------------------
    def init(self, *, refresh: bool = True) -> None:
        """Create missing tables; (re)write the reference tables if ``refresh`` or stale."""
        self._rename_flows()
        self.con.execute(DDL)
        self._migrate()
        segment.rebuild_view(self.con)
        self.con.execute(VIEWS)
        stored = _first(self.con.execute("SELECT value FROM meta WHERE key = 'reference'"))
        current = ref.reference_version()
        if refresh or stored is None or stored[0] != current:
            self._write_reference(current)

    def _rename_flows(self) -> None:
        """Warehouses of hitex before segments kept every flow in a table ``flows``."""
        old = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'flows' AND NOT temporary"
        ).fetchall()[0][0]
        if old:
            self.con.execute("DROP VIEW IF EXISTS trade")
            self.con.execute("ALTER TABLE flows RENAME TO flow_rows")

    def _migrate(self) -> None:
        """Bring a warehouse written by an earlier hitex up to the current tables."""
        have = {
            r[0]
            for r in self.con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = 'loads'"
            ).fetchall()
        }
        if "options" not in have:
            self.con.execute("ALTER TABLE loads ADD COLUMN options VARCHAR")
        nullable = {
            r[0]
            for r in self.con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = 'flow_rows' "
                "AND NOT is_nullable"
            ).fetchall()
        }
        for column in sorted(nullable & set(NULLABLE)):
            self.con.execute(f"ALTER TABLE flow_rows ALTER COLUMN {column} DROP NOT NULL")
        for table in ("flow_rows", "revisions", "unallocated"):
            # Enterprises (``firm``) came later: earlier warehouses get the column, last.
            found = self.con.execute(
                "SELECT count(*) FROM duckdb_columns() WHERE table_name = ? "
                "AND column_name = 'firm' AND schema_name = 'main'",
                [table],
            ).fetchall()
            if not found[0][0]:
                self.con.execute(f"ALTER TABLE {table} ADD COLUMN firm VARCHAR")
        if "reconciled" not in have:
            self.con.execute("ALTER TABLE loads ADD COLUMN reconciled BOOLEAN DEFAULT false")
            for name, reader in readers().items():
                if reader.reconciled:
                    self.con.execute("UPDATE loads SET reconciled = true WHERE format = ?", [name])

    def _write_reference(self, version: str) -> None:
        with self._transaction():
            for name, frame in ref.tables().items():
                self.con.register("frame__", frame)
                self.con.execute(f"CREATE OR REPLACE TABLE {ident(name)} AS SELECT * FROM frame__")  # noqa: S608
                self.con.unregister("frame__")
            # User schemes live beside the built-in ones; a refresh keeps them.
            for file, text in self.con.execute(
                "SELECT file, yaml FROM user_schemes ORDER BY added"
            ).fetchall():
                self._insert_scheme(parse_user_scheme(text, file))
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('reference', ?)", [version])

    # -- user schemes ---------------------------------------------------------------------
    def add_user_scheme(self, path: str | os.PathLike[str]) -> UserScheme:
        """Read a YAML scheme and add (or replace) its groups in the warehouse."""
        scheme = load_user_scheme(Path(path))
        text = Path(path).read_text(encoding="utf-8")
        sha = hashlib.sha256(text.encode()).hexdigest()
        with self._transaction():
            self._insert_scheme(scheme)
            self.con.execute(
                "INSERT OR REPLACE INTO user_schemes VALUES (?, ?, ?, ?, ?)",
                [scheme.name, Path(path).name, sha, text, dt.datetime.now()],
            )
        return scheme

    def _insert_scheme(self, scheme: UserScheme) -> None:
        for table, frame in (
            ("product_groups", scheme.product_groups),
            ("country_groups", scheme.country_groups),
        ):
            self.con.execute(f"DELETE FROM {ident(table)} WHERE scheme = ?", [scheme.name])  # noqa: S608
            if len(frame):
                self.con.register("frame__", frame)
                self.con.execute(f"INSERT INTO {ident(table)} BY NAME SELECT * FROM frame__")  # noqa: S608
                self.con.unregister("frame__")

    def user_schemes(self) -> pd.DataFrame:
        """User schemes added with ``hitex groups add``: name, file, sha256, added."""
        return self.con.execute(
            "SELECT name, file, sha256, added FROM user_schemes ORDER BY name"
        ).df()

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def ibis(self) -> DuckDBBackend:
        """An Ibis backend over the same connection, for building queries."""
        if self._ibis is None:
            self._ibis = ibis.duckdb.from_connection(self.con)
        return self._ibis

    # -- loading --------------------------------------------------------------------------
    def load(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        format: str,
        classification: str = "HS17",
        revise: bool = False,
        columns: Mapping[str, str] | None = None,
        constants: Mapping[str, str] | None = None,
        encoding: str | None = None,
        progress: Step | None = None,
        sheet: str | None = None,
    ) -> list[LoadResult]:
        """Load files, each in its own transaction; return what each load did.

        Parameters
        ----------
        paths
            Files to load.
        format
            ``flows``, ``baci`` or ``comtrade`` (or a plug-in's reader name).
        classification
            The product classification of files that do not name theirs.
        revise
            Replace flows that an earlier load holds (keeping the replaced rows in
            ``revisions``) instead of rejecting the new records as duplicates.
        columns
            Field -> the file's column holding it (``{"reporter": "origin"}``).
        constants
            Field -> one value for every record (``{"partner": "WLD"}``).
        encoding
            The files' text encoding (default: UTF-8 where the whole file is, else judged
            from its bytes between Windows-1252 and Windows-1251).
        progress
            Called with each step name of :data:`STEPS` as it finishes.
        sheet
            The sheet of an Excel workbook to read (default: the first; a workbook of several
            sheets says in the load's message which one was read).
        """
        results = []
        for p in paths:
            source = Source(
                Path(p), classification.upper(), dict(columns or {}), dict(constants or {}),
                encoding, sheet,
            )  # fmt: skip
            reader = reader_for(format, source)
            results.append(self._load_one(reader, revise=revise, progress=progress or _quiet))
        return results

    def _load_one(self, reader: Reader, *, revise: bool, progress: Step) -> LoadResult:
        path = reader.source.path
        if not path.is_file():
            raise BadFileError(f"{path} does not exist or is not a file.", file=str(path))
        progress = _once(progress)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="hitex-hash") as pool:
            hashing = pool.submit(fingerprint, path)
            if _utf8_start(path):
                done = self._speculate(reader, hashing, revise=revise, progress=progress)
                if done is not None:
                    return done
            fp = hashing.result()
        earlier = self._earlier(fp.sha256)
        started = dt.datetime.now()
        if earlier is not None:
            return self._record_skip(reader, fp.sha256, started, earlier)
        load_id = self._next_id()
        try:
            with self._transaction():
                reader.open(self.con, utf8=fp.utf8)
                counts = self._loader(reader, load_id).run(revise=revise, step=progress)
                progress("hash")
                result = self._record_loaded(reader, load_id, fp.sha256, counts, started)
                progress("commit")
        except BaseException as exc:
            # A hitex error is the file's or the user's; anything else is a bug, and the
            # caller shows it as one. Either way the load is recorded as failed.
            self._record_failure(reader, load_id, fp.sha256, started, exc)
            raise
        finally:
            self._drop_temp(reader)
        # After the commit: the load is recorded as loaded, whatever the checkpoint does.
        self._settle(counts)
        return result

    def _speculate(
        self, reader: Reader, hashing: Future[Fingerprint], *, revise: bool, progress: Step
    ) -> LoadResult | None:
        """Load while the file is hashed; None if it must be loaded again as not UTF-8.

        The sha256 (has this file been loaded?) and the encoding check read the whole file;
        here they run beside the load, not before it. A file loaded already is rolled back
        and recorded as skipped, as if it had not been read; a file that is not UTF-8 after
        a UTF-8 start is rolled back and left to :meth:`_load_one` to read transcoded.
        """
        load_id = self._next_id()
        started = dt.datetime.now()
        self.con.execute("BEGIN TRANSACTION")
        open_ = True
        try:
            try:
                reader.open(self.con, utf8=True)
                counts = self._loader(reader, load_id).run(revise=revise, step=progress)
            except Exception as exc:
                self.con.execute("ROLLBACK")
                open_ = False
                fp = hashing.result()
                earlier = self._earlier(fp.sha256)
                if earlier is not None:
                    return self._record_skip(reader, fp.sha256, started, earlier)
                if not fp.utf8:  # read as UTF-8, it is not: read it transcoded
                    return None
                self._record_failure(reader, load_id, fp.sha256, started, exc)
                raise
            fp = hashing.result()
            progress("hash")
            earlier = self._earlier(fp.sha256)
            if earlier is not None or not fp.utf8:
                self.con.execute("ROLLBACK")
                open_ = False
                if earlier is None:
                    return None
                return self._record_skip(reader, fp.sha256, started, earlier)
            result = self._record_loaded(reader, load_id, fp.sha256, counts, started)
            progress("commit")
            self.con.execute("COMMIT")
            open_ = False
            self._settle(counts)
            return result
        except BaseException as exc:
            # Failed while recording the load, or interrupted: nothing of the load stays.
            if open_:
                self.con.execute("ROLLBACK")
                self._record_failure(reader, load_id, hashing.result().sha256, started, exc)
            raise
        finally:
            self._drop_temp(reader)

    def _loader(self, reader: Reader, load_id: int) -> Loader:
        return Loader(self.con, reader, load_id, bounded=not self.shared)

    def _settle(self, counts: Counts) -> None:
        """Checkpoint a committed segment within the load's memory budget.

        DuckDB would otherwise checkpoint it later (at close) with no limit, and keep every
        block the checkpoint reads cached: the process would grow with the file after all.
        """
        if counts.segment and not self.shared:
            with segment.budget(self.con, records=counts.loaded):
                self.con.execute("CHECKPOINT")

    def _earlier(self, sha256: str) -> int | None:
        """The load that already holds a file with this sha256, if any."""
        found = _first(
            self.con.execute(
                "SELECT id FROM loads WHERE sha256 = ? AND status = 'loaded' ORDER BY id LIMIT 1",
                [sha256],
            )
        )
        return None if found is None else int(found[0])

    # -- provenance -----------------------------------------------------------------------
    def _next_id(self) -> int:
        return int(_one(self.con.execute("SELECT coalesce(max(id), 0) + 1 FROM loads")))

    def _record(self, r: LoadResult, reader: Reader, started: dt.datetime) -> None:
        self.con.execute(
            "INSERT INTO loads VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                r.id,
                r.file,
                str(reader.source.path.resolve()),
                r.sha256,
                r.format,
                reader.source.classification,
                r.rows_read,
                r.rows_loaded,
                r.rows_rejected,
                r.rows_merged,
                r.rows_revised,
                started,
                dt.datetime.now(),
                r.status,
                r.message,
                reader.reconciled,
                _options(reader),
            ],
        )

    def _record_loaded(
        self, reader: Reader, load_id: int, sha: str, counts: Counts, started: dt.datetime
    ) -> LoadResult:
        opened = reader.opened
        message = "the file holds no records" if opened is not None and opened.empty else ""
        if opened is not None and len(opened.sheets) > 1:
            others = ", ".join(repr(n) for n in opened.sheets if n != opened.sheet)
            message = "; ".join(
                m for m in (f"read sheet {opened.sheet!r} (also in the workbook: {others}; "
                            "choose with --sheet)", message) if m
            )  # fmt: skip
        result = LoadResult(
            load_id, reader.source.path.name, sha, reader.name, counts.read, counts.loaded,
            counts.rejected, counts.merged, counts.revised, "loaded", message,
        )  # fmt: skip
        self._record(result, reader, started)
        return result

    def _record_skip(
        self, reader: Reader, sha: str, started: dt.datetime, earlier: int
    ) -> LoadResult:
        message = f"the same file (sha256 {sha[:12]}…) was loaded as load {earlier}"
        result = LoadResult(
            self._next_id(), reader.source.path.name, sha, reader.name, 0, 0, 0, 0, 0,
            "skipped", message,
        )  # fmt: skip
        self._record(result, reader, started)
        return result

    def _record_failure(
        self, reader: Reader, load_id: int, sha: str, started: dt.datetime, exc: BaseException
    ) -> None:
        message = str(exc) if isinstance(exc, HitexError) else f"{type(exc).__name__}: {exc}"
        result = LoadResult(
            load_id, reader.source.path.name, sha, reader.name, 0, 0, 0, 0, 0, "failed", message
        )
        self._record(result, reader, started)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _drop_temp(self, reader: Reader) -> None:
        for name in self.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE temporary AND table_name LIKE '%\\_\\_' "
            "ESCAPE '\\'"
        ).fetchall():
            self.con.execute(f"DROP TABLE IF EXISTS temp.{ident(name[0])}")
        opened = reader.opened
        if opened is not None:
            if opened.relation == "arrow_raw__":
                self.con.unregister("arrow_raw__")
            if opened.copy is not None:
                opened.copy.unlink(missing_ok=True)

    def remove(self, load_id: int) -> str:
        """Undo load ``load_id`` in one transaction; return a sentence saying what it did.

        Its flows leave the warehouse, the flows it revised come back, totals' unallocated
        parts are computed again; the load stays listed with status ``removed`` (its rejects
        too), and the same file can be loaded again.
        """
        found = _first(self.con.execute("SELECT file, status FROM loads WHERE id = ?", [load_id]))
        if found is None:
            raise InputError(f"There is no load {load_id}; `hitex loads` lists them.")
        file, status = found
        if status != "loaded":
            raise InputError(
                f"Load {load_id} ({file}) is {status}: only a load with status loaded can be "
                "removed."
            )
        with self._transaction():
            removed, restored = remove_load(self.con, load_id)
            message = f"removed {dt.datetime.now():%Y-%m-%d %H:%M}: {removed:,} flows taken out"
            if restored:
                message += f", {restored:,} flows it had revised restored"
            self.con.execute(
                "UPDATE loads SET status = 'removed', message = ? WHERE id = ?",
                [message, load_id],
            )
        return f"load {load_id}: {file} - {message}."

    # -- copies for other engines ---------------------------------------------------------
    def pin_version(self, pinned: bool) -> None:
        """Read the version once for the read transaction now open (``False`` at its end).

        Inside one transaction the snapshot, and so the version, cannot change; a request of
        ``hitex serve`` asks for it a dozen times.
        """
        self._pinned = None
        if pinned:
            self._pinned = self.version()

    def version(self) -> str:
        """Changes whenever the data changes: the last load id and the reference version.

        A read transaction reads it once (:meth:`pin_version`). A warehouse opened read-only
        keeps its version: no process can write the file while it is open so (DuckDB locks it).
        """
        if self._pinned is not None:
            return self._pinned
        if self._version is not None:
            return self._version
        found = self._read_version()
        if self.read_only:
            self._version = found
        return found

    def _read_version(self) -> str:
        return str(
            _first(
                self.con.execute(
                    """SELECT (SELECT coalesce(max(id), 0) FROM loads),
                    (SELECT count(*) FROM loads WHERE status = 'removed'),
                    (SELECT value FROM meta WHERE key = 'reference'),
                    (SELECT count(*) || '@' || max(added) FROM user_schemes)"""
                )
            )
        )

    def export_parquet(
        self, directory: str | os.PathLike[str], names: Sequence[str]
    ) -> dict[str, Path]:
        """Write each named table to ``directory/NAME.parquet``; return the paths.

        Engines that cannot read DuckDB files (Spark) read these copies.
        """
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        paths = {}
        for name in names:
            path = out / f"{name}.parquet"
            relation = ident(RELATIONS.get(name, name))
            self.con.execute(f"COPY (SELECT * FROM {relation}) TO {lit(path)} (FORMAT parquet)")  # noqa: S608
            paths[name] = path
        return paths

    # -- listings -------------------------------------------------------------------------
    def loads(self) -> pd.DataFrame:
        """Every attempted load, oldest first."""
        return self.con.execute("SELECT * FROM loads ORDER BY id").df()

    def rejects(self, load_id: int | None = None) -> pd.DataFrame:
        """Refused records with line and reason, for one load or all."""
        if load_id is not None and not _one(
            self.con.execute("SELECT count(*) FROM loads WHERE id = ?", [load_id])
        ):
            raise InputError(f"There is no load {load_id}; `hitex loads` lists them.")
        return self.con.execute(
            "SELECT load_id, line, reason, record FROM rejects "
            "WHERE $id IS NULL OR load_id = $id ORDER BY load_id, line",
            {"id": load_id},
        ).df()

    def holdings(self) -> dict[str, dict[str, list[int]]]:
        """Reporter -> flow -> the years with records (kept until the warehouse changes)."""
        version = self.version()
        if self._holdings is None or self._holdings[0] != version:
            rows = self.con.execute(
                "SELECT reporter, flow, list(DISTINCT year ORDER BY year) FROM trade GROUP BY ALL"
            ).fetchall()
            held: dict[str, dict[str, list[int]]] = {}
            for reporter, flow, years in rows:
                held.setdefault(reporter, {})[flow] = [int(y) for y in years]
            self._holdings = (version, held)
        return self._holdings[1]

    def reconciled_years(self) -> dict[int, sources.Year]:
        """Exporters and countries of each year of reconciled loads (kept until data change)."""
        version = self.version()
        if self._years is None or self._years[0] != version:
            self._years = (version, sources.years(self.con))
        return self._years[1]

    def sources(self, reporter: str) -> pd.DataFrame:
        """One reporter's records by flow, year and kind (kept until the data change)."""
        key = (reporter, self.version())
        found = self._sources.get(key)
        if found is None:
            held = "SELECT count(*) FROM loads WHERE reconciled AND status = 'loaded'"
            mirror = bool(_one(self.con.execute(held)))
            found = sources.records(self.con, reporter, mirror=mirror)
            if len(self._sources) > 200:
                self._sources.clear()
            self._sources[key] = found
        return found.copy()

    def has_months(self, reporter: str) -> bool:
        """Whether any record of ``reporter`` is monthly."""
        found = self.con.execute(
            "SELECT count(*) FROM (SELECT 1 FROM trade WHERE reporter = ? AND month IS NOT NULL "
            "LIMIT 1)",
            [reporter],
        )
        return bool(_one(found))

    def sql(self, query: str, params: Sequence[object] = ()) -> pd.DataFrame:
        """Run SQL on the warehouse and return a DataFrame (for tests and power users)."""
        return self.con.execute(query, list(params)).df()


def _options(reader: Reader) -> str | None:
    """The user's column mapping, constants and encoding, as JSON (``None`` when none)."""
    s = reader.source
    # The encoding given, or the one judged from the file's bytes where it is not UTF-8.
    read_as = s.encoding or (reader.opened.encoding if reader.opened else None)
    given = {"columns": dict(s.columns), "set": dict(s.constants), "encoding": read_as,
             "sheet": reader.opened.sheet if reader.opened else None}  # fmt: skip
    kept = {k: v for k, v in given.items() if v}
    return json.dumps(kept, ensure_ascii=False) if kept else None


def _first(result: duckdb.DuckDBPyConnection) -> tuple[Any, ...] | None:
    # Fetch everything: DuckDB 2 refuses new work on a connection with an unread result.
    rows = result.fetchall()
    return rows[0] if rows else None


def _one(result: duckdb.DuckDBPyConnection) -> Any:
    row = _first(result)
    assert row is not None
    return row[0]


def _quiet(step: str) -> None:
    """Progress callback that does nothing."""


def _once(progress: Step) -> Step:
    """``progress`` called at most once per step (a load tried again repeats none)."""
    seen: set[str] = set()

    def step(name: str) -> None:
        if name not in seen:
            seen.add(name)
            progress(name)

    return step


def _utf8_start(path: Path) -> bool:
    """Whether the file's first bytes are UTF-8 (a cut last character allowed)."""
    start = head(path)
    try:
        start.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(start) - 3 and exc.reason == "unexpected end of data"
    return True
