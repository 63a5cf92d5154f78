"""The warehouse: a DuckDB file holding flows, their provenance, rejects and reference tables.

Only this module holds connections. A load is one transaction: it either adds every
acceptable record of a file and a ``rejects`` row for every other one, or changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import duckdb
import ibis
import pandas as pd
from ibis.backends.duckdb import Backend as DuckDBBackend

import hitex.reference as ref
from hitex.errors import BadFileError, HitexError, InputError, LoadError, suggest
from hitex.ingest import TEMPS, Reader, Source, check_statements, reader_for, readers
from hitex.ingest.check import MAPS, record_problems_sql
from hitex.reference import countries
from hitex.reference.usergroups import UserScheme, load_user_scheme, parse_user_scheme
from hitex.store.schema import DDL, KEY, RELATIONS, VIEWS

log = logging.getLogger(__name__)

#: Steps of one load, in order; ``progress`` callbacks receive them.
STEPS = ("hash", "read", "check", "revisions", "rejects", "flows", "commit")

Step = Callable[[str], None]


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

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False):
        self.path = str(path) if path is not None else default_path()
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise HitexError(f"Cannot open warehouse {self.path}: {exc}") from exc
        if not read_only:
            self.init(refresh=False)
        self._ibis: DuckDBBackend | None = None

    # -- lifecycle ------------------------------------------------------------------------
    def init(self, *, refresh: bool = True) -> None:
        """Create missing tables; (re)write the reference tables if ``refresh`` or stale."""
        self.con.execute(DDL)
        self._migrate()
        self.con.execute(VIEWS)
        stored = _first(self.con.execute("SELECT value FROM meta WHERE key = 'reference'"))
        current = ref.reference_version()
        if refresh or stored is None or stored[0] != current:
            self._write_reference(current)

    def _migrate(self) -> None:
        """Bring a warehouse written by an earlier hitex up to the current tables."""
        have = {
            r[0]
            for r in self.con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = 'loads'"
            ).fetchall()
        }
        if "reconciled" not in have:
            self.con.execute("ALTER TABLE loads ADD COLUMN reconciled BOOLEAN DEFAULT false")
            for name, reader in readers().items():
                if reader.reconciled:
                    self.con.execute("UPDATE loads SET reconciled = true WHERE format = ?", [name])

    def _write_reference(self, version: str) -> None:
        with self._transaction():
            for name, frame in ref.tables().items():
                self.con.register("frame__", frame)
                self.con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM frame__")
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
            self.con.execute(f"DELETE FROM {table} WHERE scheme = ?", [scheme.name])
            if len(frame):
                self.con.register("frame__", frame)
                self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM frame__")
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
        progress: Step | None = None,
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
        progress
            Called with each step name of :data:`STEPS` as it finishes.
        """
        results = []
        for p in paths:
            reader = reader_for(format, Source(Path(p), classification.upper()))
            results.append(self._load_one(reader, revise=revise, progress=progress or _quiet))
        return results

    def _load_one(self, reader: Reader, *, revise: bool, progress: Step) -> LoadResult:
        path = reader.source.path
        if not path.is_file():
            raise BadFileError(f"{path} does not exist or is not a file.", file=str(path))
        sha = _sha256(path)
        progress("hash")
        earlier = _first(
            self.con.execute(
                "SELECT id FROM loads WHERE sha256 = ? AND status = 'loaded' ORDER BY id LIMIT 1",
                [sha],
            )
        )
        started = dt.datetime.now()
        if earlier is not None:
            return self._record_skip(reader, sha, started, earlier[0])
        load_id = self._next_id()
        try:
            with self._transaction():
                result = self._run(reader, load_id, sha, started, revise=revise, step=progress)
        except HitexError as exc:
            self._record_failure(reader, load_id, sha, started, exc)
            raise
        except Exception as exc:
            self._record_failure(reader, load_id, sha, started, exc)
            raise LoadError(
                f"Loading {path.name} failed ({type(exc).__name__}: {exc}); "
                "the warehouse is unchanged."
            ) from exc
        finally:
            self._drop_temp()
        return result

    def _run(
        self,
        reader: Reader,
        load_id: int,
        sha: str,
        started: dt.datetime,
        *,
        revise: bool,
        step: Step,
    ) -> LoadResult:
        reader.read(self.con, "raw__")
        step("read")
        offset = _one(self.con.execute("SELECT coalesce(min(rowid), 0) FROM raw__"))
        for statement in check_statements(reader, "raw__", offset):
            self.con.execute(statement)
        self._suggest_countries()
        step("check")
        revised = self._revisions(load_id, revise=revise)
        step("revisions")
        malformed = self._insert_malformed(load_id)
        rejected = 0 if self._all_acceptable(reader) else self._insert_rejects(load_id, offset)
        step("rejects")
        inserted = self._insert_flows(load_id)
        step("flows")
        read = int(_one(self.con.execute("SELECT count(*) FROM raw__"))) + malformed
        rejected += malformed
        result = LoadResult(
            load_id,
            reader.source.path.name,
            sha,
            reader.name,
            rows_read=read,
            rows_loaded=read - rejected,
            rows_rejected=rejected,
            rows_merged=read - rejected - inserted,
            rows_revised=revised,
            status="loaded",
        )
        self._record(result, reader, started)
        step("commit")
        return result

    def _revisions(self, load_id: int, *, revise: bool) -> int:
        """Handle keys that an earlier load holds: reject them, or replace the old flows."""
        # Only flows of the years and reporters in this file can collide; the lookups say
        # which those are without reading the records.
        scope = """(f.year, f.reporter) IN (SELECT y.year, r.iso3 FROM year_map__ y,
            reporter_map__ r WHERE y.year IS NOT NULL AND r.iso3 IS NOT NULL)"""
        if not _one(self.con.execute(f"SELECT count(*) FROM flows f WHERE {scope}")):
            return 0
        key = " AND ".join(f"f.{k} IS NOT DISTINCT FROM c.{k}" for k in KEY)
        if revise:
            self.con.execute(
                f"""INSERT INTO revisions SELECT f.*, {load_id} FROM flows f WHERE {scope}
                AND EXISTS (SELECT 1 FROM checked__ c WHERE c.reason IS NULL AND {key})"""
            )
            n = self.con.execute(f"SELECT count(*) FROM revisions WHERE replaced_by = {load_id}")
            revised = int(_one(n))
            self.con.execute(
                f"""DELETE FROM flows f WHERE {scope}
                AND EXISTS (SELECT 1 FROM checked__ c WHERE c.reason IS NULL AND {key})"""
            )
            return revised
        self.con.execute(
            f"""INSERT INTO dups__ SELECT c.row, 'already loaded by load ' || min(f.load_id)
            || ' (load with --revise to replace it)'
            FROM checked__ c JOIN flows f ON {key} WHERE c.reason IS NULL AND {scope}
            GROUP BY c.row"""
        )
        return 0

    def _suggest_countries(self) -> None:
        """Add "Did you mean ...?" to the reasons of unknown countries (a few distinct values)."""
        known = countries.spellings()
        for table in ("reporter_map__", "partner_map__"):
            rows = self.con.execute(
                f"SELECT DISTINCT reason FROM {table} WHERE reason LIKE 'unknown %'"
            ).fetchall()
            for (reason,) in rows:
                value = reason.split("'", 1)[1].rsplit("'", 1)[0]
                hint = suggest(value, known)
                if hint:
                    self.con.execute(
                        f"UPDATE {table} SET reason = reason || '.' || ? WHERE reason = ?",
                        [hint, reason],
                    )

    def _all_acceptable(self, reader: Reader) -> bool:
        """Whether no record can have a reason, known without joining the lookups to them."""
        for table, columns in MAPS.items():
            bad = " OR ".join(f"{c} IS NOT NULL" for c in columns)
            if _one(self.con.execute(f"SELECT count(*) FROM {table} WHERE {bad}")):
                return False
        if _one(self.con.execute("SELECT count(*) FROM dups__")):
            return False
        return not _one(self.con.execute(record_problems_sql(reader)))

    def _insert_malformed(self, load_id: int) -> int:
        """Keep the lines the CSV reader could not split into records; return their count."""
        if not _temp_exists(self.con, "raw___errors"):
            return 0
        self.con.execute(
            # DuckDB may report one short line once per missing column: one row per line.
            """CREATE TEMP TABLE bad__ AS SELECT line, csv_line, error_message,
            line - 1 - row_number() OVER (ORDER BY line) AS good_before
            FROM (SELECT line, any_value(trim(csv_line, chr(10) || chr(13))) AS csv_line,
                  min_by(error_message, length(error_message)) AS error_message
                  FROM raw___errors GROUP BY line)"""
        )
        self.con.execute(
            f"""INSERT INTO rejects SELECT {load_id}, line, csv_line,
            'malformed line: ' || error_message FROM bad__"""
        )
        return int(_one(self.con.execute("SELECT count(*) FROM bad__")))

    def _insert_rejects(self, load_id: int, offset: int) -> int:
        """Write every refused record with its line and raw text; return how many."""
        shift = "0"
        if _temp_exists(self.con, "bad__"):
            # Lines the CSV reader refused are not records: count them back into the line.
            shift = "(SELECT count(*) FROM bad__ b WHERE b.good_before < c.row)"
        # The raw record is written out only for refused records, joined back by row.
        inserted = self.con.execute(
            f"""INSERT INTO rejects SELECT {load_id}, c.row + 1 + {shift},
            CAST(to_json(r) AS VARCHAR), c.reason
            FROM checked__ c JOIN raw__ r ON r.rowid = c.row - 1 + {offset}
            WHERE c.reason IS NOT NULL ORDER BY c.row"""
        )
        return int(_one(inserted))

    def _insert_flows(self, load_id: int) -> int:
        """Sum the accepted records by key into ``flows``; return the flows added."""
        key = ", ".join(KEY)
        # Quantities in different units are not added up: the sum would mean nothing.
        inserted = self.con.execute(
            f"""INSERT INTO flows SELECT {key}, sum(value_usd),
            CASE WHEN min(unit) IS NOT DISTINCT FROM max(unit) THEN sum(quantity) END,
            min(unit), {load_id} FROM checked__ WHERE reason IS NULL GROUP BY ALL"""
        )
        return int(_one(inserted))

    # -- provenance -----------------------------------------------------------------------
    def _next_id(self) -> int:
        return int(_one(self.con.execute("SELECT coalesce(max(id), 0) + 1 FROM loads")))

    def _record(self, r: LoadResult, reader: Reader, started: dt.datetime) -> None:
        self.con.execute(
            "INSERT INTO loads VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            ],
        )

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
        self, reader: Reader, load_id: int, sha: str, started: dt.datetime, exc: Exception
    ) -> None:
        result = LoadResult(
            load_id, reader.source.path.name, sha, reader.name, 0, 0, 0, 0, 0, "failed", str(exc)
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

    def _drop_temp(self) -> None:
        for kind, name in TEMPS[::-1]:
            self.con.execute(f"DROP {kind} IF EXISTS temp.{name}")
        for t in ("raw__", "bad__", "raw___errors", "raw___scans"):
            self.con.execute(f"DROP TABLE IF EXISTS temp.{t}")

    # -- copies for other engines ---------------------------------------------------------
    def version(self) -> str:
        """Changes whenever the data changes: the last load id and the reference version."""
        return str(
            _first(
                self.con.execute(
                    """SELECT (SELECT coalesce(max(id), 0) FROM loads),
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
            quoted = str(path).replace("'", "''")
            relation = RELATIONS.get(name, name)
            self.con.execute(f"COPY (SELECT * FROM {relation}) TO '{quoted}' (FORMAT parquet)")
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
        where = "" if load_id is None else f"WHERE load_id = {int(load_id)}"
        return self.con.execute(
            f"SELECT load_id, line, reason, record FROM rejects {where} ORDER BY load_id, line"
        ).df()

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


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _first(result: duckdb.DuckDBPyConnection) -> tuple[Any, ...] | None:
    # Fetch everything: DuckDB 2 refuses new work on a connection with an unread result.
    rows = result.fetchall()
    return rows[0] if rows else None


def _one(result: duckdb.DuckDBPyConnection) -> Any:
    row = _first(result)
    assert row is not None
    return row[0]


def _temp_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    found = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name])
    return bool(_one(found))


def _quiet(step: str) -> None:
    """Progress callback that does nothing."""
