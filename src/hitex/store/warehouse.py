"""The warehouse: a DuckDB catalog and the records as Parquet files under a data root.

The catalog holds loads, rejects, revisions and the reference tables; the records live
under the data root (:mod:`hitex.store.layout`).

Only this module holds connections. A load is one transaction: it either adds every
acceptable record of a file and a ``rejects`` row for every other one, or changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import duckdb
import ibis
import pandas as pd
from ibis.backends.duckdb import Backend as DuckDBBackend

import hitex.reference as ref
from hitex.errors import HitexError, InputError
from hitex.ingest import Fingerprint, Reader, Source, fingerprint, head, reader_for, readers
from hitex.ingest.base import not_a_file
from hitex.ingest.sql import ident, lit
from hitex.reference.usergroups import UserScheme, load_user_scheme, parse_user_scheme
from hitex.store import rollups, sources
from hitex.store.layout import Commit, Layout, default_root, live_files, next_commit, refresh_view
from hitex.store.load import COLUMNS, Counts, Loader, Step, typed
from hitex.store.load import remove as remove_load
from hitex.store.schema import DDL, ENGINE_TABLES, VIEWS
from hitex.store.scratch import Scratch, transaction

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
    #: ``message`` in Russian (not stored: the ``loads`` table keeps the English one).
    message_ru: str = field(default="", compare=False, repr=False)

    def summary(self, lang: str = "en") -> str:
        """One line for the terminal, in ``lang`` (en or ru)."""
        if lang == "ru":
            return self._summary_ru()
        if self.status == "skipped":
            return f"{self.file}: {self.message}; nothing added."
        if self.status == "refused":
            return self.refusal()
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

    def _summary_ru(self) -> str:
        message = self.message_ru or self.message
        if self.status == "skipped":
            return f"{self.file}: {message}; ничего не добавлено."
        if self.status == "refused":
            return self.refusal("ru")
        line = (
            f"Загрузка {self.id}: {self.file} — прочитано записей: {_n_ru(self.rows_read)}, "
            f"загружено: {_n_ru(self.rows_loaded)}, отклонено: {_n_ru(self.rows_rejected)}"
        )
        if self.rows_merged:
            line += f", объединено с потоками того же ключа: {_n_ru(self.rows_merged)}"
        if self.rows_revised:
            line += f", заменено прежних потоков: {_n_ru(self.rows_revised)}"
        if self.rows_rejected:
            line += f" (см. hitex rejects --load {self.id})"
        if message:
            line += f"; {message}"
        return line + "."

    def refusal(self, lang: str = "en") -> str:
        """The sentence of a load whose every record was refused (status ``refused``)."""
        if lang == "ru":
            n = self.rows_rejected
            records = ("единственная запись файла отклонена" if n == 1
                       else f"отклонены все его записи ({_n_ru(n)})")  # fmt: skip
            return (
                f"{self.file}: {records}, ничего не загружено (загрузка {self.id} хранит каждую "
                f"отклонённую запись с причиной: hitex rejects --load {self.id})."
            )
        records = (
            "its one record was" if self.rows_rejected == 1
            else f"all {self.rows_rejected:,} of its records were"
        )  # fmt: skip
        return (
            f"{self.file}: {records} refused and nothing was loaded (load {self.id} keeps each "
            f"refused record with its reason: hitex rejects --load {self.id})."
        )

    def as_dict(self) -> dict[str, Any]:
        """The fields of the ``loads`` row as a plain dict (for JSON output)."""
        out = asdict(self)
        out.pop("message_ru")
        return out


#: How :meth:`Warehouse.remove` worded a removal before the ``facts`` column kept its counts:
#: read back for the rows written then.
_REMOVED = re.compile(
    r"removed (?P<when>\S+ \S+): (?P<out>[\d,]+) flows taken out"
    r"(?:, (?P<back>[\d,]+) flows it had revised restored)?"
)


def _removal(facts: Mapping[str, Any], lang: str = "en") -> str:
    r"""What a removal did, in ``lang``, from its facts (:meth:`Warehouse.remove`).

    Examples
    --------
    >>> facts = {"removed_at": "2026-12-01 10:00", "flows_taken_out": 1500, "flows_restored": 2}
    >>> _removal(facts)
    'removed 2026-12-01 10:00: 1,500 flows taken out, 2 flows it had revised restored'
    >>> _removal(facts, "ru")
    'отменена 2026-12-01 10:00: выведено потоков: 1\xa0500, восстановлено заменённых ею потоков: 2'
    """
    when, out, back = facts["removed_at"], facts["flows_taken_out"], facts["flows_restored"]
    if lang == "ru":
        line = f"отменена {when}: выведено потоков: {_n_ru(out)}"
        return line + (f", восстановлено заменённых ею потоков: {_n_ru(back)}" if back else "")
    line = f"removed {when}: {out:,} flows taken out"
    return line + (f", {back:,} flows it had revised restored" if back else "")


def _removal_facts(row: pd.Series) -> dict[str, Any] | None:
    """The facts of a removal: stored, else read from the English sentence of an older hitex."""
    stored = row.get("facts")
    if isinstance(stored, str):
        return dict(json.loads(stored))
    english = row["message"] if isinstance(row["message"], str) else ""
    found = _REMOVED.fullmatch(english)
    if found is None:
        return None
    out, back = (int(n.replace(",", "")) if n else 0 for n in (found["out"], found["back"]))
    return {"removed_at": found["when"], "flows_taken_out": out, "flows_restored": back}


def loads_ru(frame: pd.DataFrame) -> pd.DataFrame:
    """The ``loads`` listing with each ``message`` said in Russian from the load's facts.

    Status, counts, sha256, options and ``facts`` say it (the English ``message`` of a failed
    load is quoted as such; a removal recorded before hitex kept its ``facts`` has its counts
    read from the sentence :meth:`Warehouse.remove` wrote). The other columns stay as they are.
    """
    out = frame.copy()
    out["message"] = [_message_ru(row, frame) for _, row in frame.iterrows()]
    return out


def _message_ru(row: pd.Series, loads: pd.DataFrame) -> str:
    english = row["message"] if isinstance(row["message"], str) else ""
    status = row["status"]
    if status == "skipped":
        sha = str(row["sha256"])
        earlier = loads[(loads["sha256"] == sha) & (loads["id"] < row["id"])
                        & loads["status"].isin(["loaded", "removed"])]  # fmt: skip
        said = f"тот же файл (sha256 {sha[:12]}…) уже загружен"
        return f"{said} как загрузка {int(earlier['id'].max())}" if len(earlier) else said
    if status == "failed":
        return f"загрузка не удалась (сообщение на английском: «{english}»)" if english else (
            "загрузка не удалась")  # fmt: skip
    if status == "removed":
        facts = _removal_facts(row)
        if facts is None:
            return f"загрузка отменена (запись на английском: «{english}»)" if english else (
                "загрузка отменена")  # fmt: skip
        return _removal(facts, "ru")
    notes = []
    options = json.loads(row["options"]) if isinstance(row.get("options"), str) else {}
    if english.startswith("read sheet") and options.get("sheet"):
        notes.append(f"прочитан лист {options['sheet']!r} (в книге есть и другие листы; "
                     "выберите лист через --sheet)")  # fmt: skip
    if status == "loaded" and int(row["rows_read"]) == 0:
        notes.append("в файле нет записей")
    return "; ".join(notes)


def _n_ru(value: int) -> str:
    """``10 992``: a whole number with a no-break space between thousands."""
    return f"{value:,}".replace(",", "\u00a0")


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
        self._rollups_ready: tuple[str, bool] | None = None
        self._months: tuple[str, dict[str, bool]] | None = None
        self._version: str | None = None
        self._sources: dict[tuple[str, str], pd.DataFrame] = {}
        self.read_only = read_only and con is None
        #: The version read once for a read transaction (see :meth:`pin_version`).
        self._pinned: str | None = None
        #: Whether other cursors read the same database (``hitex serve``): a load then runs
        #: without a memory limit, which DuckDB would impose on those readers too.
        self.shared = con is not None
        #: Where the records live; set by :meth:`init` (or read from the catalog).
        self._layout: Layout | None = None
        self._owns_layout = con is None
        if con is not None:
            self.con = con
            return
        folder = Path(self.path).parent
        if self.path != ":memory:" and not folder.is_dir():
            raise HitexError(
                f"Cannot open warehouse {self.path}: the folder {folder} does not exist (create "
                "it, or give --db a file in a folder that does).",
                ru=f"Не удаётся открыть хранилище {self.path}: папки {folder} нет (создайте её "
                "или укажите в --db файл в существующей папке).",
            )
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise HitexError(
                f"Cannot open warehouse {self.path}: {exc}",
                ru=f"Не удаётся открыть хранилище {self.path} (сообщение DuckDB: «{exc}»).",
            ) from exc
        # Each query lists the live files: their footers are read once.
        self.con.execute("SET parquet_metadata_cache = true")
        # DuckDB draws its own bar on standard output for a query over two seconds: in the
        # middle of a CSV or JSON answer. hitex shows its own progress, on standard error.
        self.con.execute("SET enable_progress_bar = false")
        if not read_only:
            self.init(refresh=False)

    def cursor(self) -> Warehouse:
        """The same warehouse through a new cursor: one database, transactions of its own."""
        self.shared = True
        other = Warehouse(self.path, con=self.con.cursor())
        other._layout = self.layout
        return other

    @property
    def layout(self) -> Layout:
        """The data root: where the records live (``hitex init --data ROOT``)."""
        if self._layout is None:
            found = _first(self.con.execute(
                "SELECT value FROM meta WHERE key = 'data_root'"
            )) if self._has_meta() else None  # fmt: skip
            default = default_root(self.path)
            if found is not None:
                self._layout = Layout(Path(found[0]))
            elif default is not None:
                self._layout = Layout(default)
            else:
                self._layout = Layout.throwaway()
        return self._layout

    def _has_meta(self) -> bool:
        found = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'meta' AND NOT temporary"
        ).fetchall()
        return bool(found[0][0])

    def set_data_root(self, root: str | os.PathLike[str]) -> Layout:
        """Keep the records under ``root`` from now on (refused while records live elsewhere).

        A ``file://`` URI names a folder that every host of a cluster mounts at the same path:
        the records live in that folder, and engines on other hosts may read it.
        """
        shared = str(root).startswith("file://")
        target = Layout(Path(_local(str(root))))
        current = self.layout
        if target.root != current.root and live_files(self.con, current):
            raise InputError(
                f"The warehouse {self.path} already holds records under {current.root}; "
                f"a data root cannot be changed to {target.root} while records live there."
            )
        target.create()
        with transaction(self.con):
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('data_root', ?)", [str(target.root)]
            )
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('data_root_shared', ?)", [str(shared).lower()]
            )
            refresh_view(self.con, target)
            rollups.refresh(self.con, target)
        if current.temporary and current.root != target.root:
            current.close()
        self._layout = target
        return target

    # -- lifecycle ------------------------------------------------------------------------
    def init(self, *, refresh: bool = True, data: str | os.PathLike[str] | None = None) -> None:
        """Create missing tables; (re)write the reference tables if ``refresh`` or stale.

        ``data`` is the data root where the records live (default: ``<db>.data`` beside
        the warehouse file, a temporary folder for a warehouse in memory).
        """
        self.con.execute(DDL)
        self.con.execute(rollups.DDL)
        self._migrate()
        if data is not None:
            self.set_data_root(data)
        layout = self.layout
        layout.create()
        if layout.temporary:
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('data_root', ?)", [str(layout.root)]
            )
        layout.recover(self.con)
        self._migrate_records()
        refresh_view(self.con, layout)
        self.con.execute(VIEWS)
        with transaction(self.con):
            rollups.backfill(self.con, layout)
            rollups.refresh(self.con, layout)
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
        if "options" not in have:
            self.con.execute("ALTER TABLE loads ADD COLUMN options VARCHAR")
        rejects = {
            r[0]
            for r in self.con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = 'rejects'"
            ).fetchall()
        }
        for column in ("code", "field", "value"):
            if column not in rejects:
                self.con.execute(f"ALTER TABLE rejects ADD COLUMN {column} VARCHAR")
        for table in ("revisions", "unallocated"):
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
        if "facts" not in have:
            # A removal's time and counts; older rows keep NULL (their English message is read).
            self.con.execute("ALTER TABLE loads ADD COLUMN facts VARCHAR")

    def _migrate_records(self) -> None:
        """Move the records of a warehouse of earlier hitex (DuckDB tables) to the layout.

        Earlier warehouses kept records in a table ``flows`` (before 2026-11), or in
        ``flow_rows`` and one table per segment (``segments``) read through a view ``flows``.
        Each load's records become its files, in one commit; the old tables are dropped.
        """
        tables = {
            r[0]: r[1]
            for r in self.con.execute(
                "SELECT table_name, sql FROM duckdb_tables() WHERE NOT temporary"
            ).fetchall()
        }
        if "flows" in tables:
            source = "flows"
        elif "flow_rows" in tables:
            source = "flows"  # the view of flow_rows and every segment
        else:
            return
        layout = self.layout
        with transaction(self.con):
            commit = Commit(next_commit(self.con), 0, "migrate")
            try:
                loads = self.con.execute(
                    f"SELECT DISTINCT load_id FROM {source} ORDER BY 1"  # noqa: S608
                ).fetchall()
                # Records of hitex before enterprises have no ``firm``: NULL firm.
                have = {
                    r[0]
                    for r in self.con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()  # noqa: S608
                }
                picked = ", ".join(
                    c if c in have else f"CAST(NULL AS VARCHAR) AS {ident(c)}" for c in COLUMNS
                )
                for (load_id,) in loads:
                    rows = f"SELECT {picked} FROM {source} WHERE load_id = {int(load_id)}"  # noqa: S608
                    layout.write_records(self.con, commit, typed(rows, int(load_id)), int(load_id))
                self.con.execute("DROP VIEW IF EXISTS trade")
                if "segments" in tables:
                    for (relation,) in self.con.execute("SELECT relation FROM segments").fetchall():
                        for suffix in ("_products", "_countries", ""):
                            self.con.execute(f"DROP TABLE IF EXISTS {ident(relation + suffix)}")
                    self.con.execute("DROP VIEW IF EXISTS flows")
                    self.con.execute("DROP TABLE segments")
                for name in ("flows", "flow_rows"):
                    if name in tables:
                        self.con.execute(f"DROP TABLE {name}")
                layout.record(self.con, commit)
                layout.write(commit)
            except BaseException:
                layout.abandoned(commit)
                raise
        layout.published(commit)

    def _write_reference(self, version: str) -> None:
        with transaction(self.con):
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
        with transaction(self.con):
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
        """Close the connection (and remove the records of a warehouse in memory)."""
        self.con.close()
        if self._owns_layout and self._layout is not None:
            self._layout.close()

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
        spark: Any = None,
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
        spark
            A Spark session that reads the files and writes their records
            (:mod:`hitex.store.sparkload`); the catalog commits the load either way.
        """
        results = []
        for p in paths:
            source = Source(
                Path(p), classification.upper(), dict(columns or {}), dict(constants or {}),
                encoding, sheet,
            )  # fmt: skip
            reader = reader_for(format, source)
            results.append(
                self._load_one(reader, revise=revise, progress=progress or _quiet, spark=spark)
            )
        return results

    def _load_one(
        self, reader: Reader, *, revise: bool, progress: Step, spark: Any = None
    ) -> LoadResult:
        path = reader.source.path
        if not path.is_file():
            raise not_a_file(path)
        progress = _once(progress)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="hitex-hash") as pool:
            hashing = pool.submit(fingerprint, path)
            # Spark: the file is hashed first (a cluster's work is not started for a file
            # loaded already), then read in the encoding found.
            if spark is None and _utf8_start(path):
                # Loaded while the file is hashed; tried again transcoded if it is not UTF-8.
                done = self._attempt(reader, hashing, utf8=True, revise=revise, progress=progress)
                if done is not None:
                    return done
            fp = hashing.result()
            started = dt.datetime.now()
            earlier = self._earlier(fp.sha256)
            if earlier is not None:
                return self._record_skip(reader, fp.sha256, started, earlier)
            done = self._attempt(
                reader, hashing, utf8=fp.utf8, revise=revise, progress=progress, spark=spark
            )
            assert done is not None
            return done

    def _attempt(
        self,
        reader: Reader,
        hashing: Future[Fingerprint],
        *,
        utf8: bool,
        revise: bool,
        progress: Step,
        spark: Any = None,
    ) -> LoadResult | None:
        """Load the file in one transaction; None if it must be read again as not UTF-8.

        The sha256 (has this file been loaded?) and the encoding check read the whole file
        beside the load. A file loaded already is rolled back and recorded as skipped, as if
        it had not been read; a file read as UTF-8 that is not is rolled back (None).
        """
        load_id = self._next_id()
        started = dt.datetime.now()
        layout = self.layout
        commit = Commit(next_commit(self.con), load_id, "revise" if revise else "load")
        outcome: LoadResult | None = None
        try:
            with (
                _budget(self.con, enabled=not self.shared),
                transaction(self.con),
                Scratch(self.con) as scratch,
            ):
                loader = _loader(spark)(
                    self.con, reader, load_id, scratch=scratch, layout=layout, commit=commit,
                    alone=not self.shared, **({"spark": spark} if spark is not None else {}),
                )  # fmt: skip
                try:
                    reader.open(self.con, utf8=utf8)
                    _adopt(scratch, reader)
                    counts = loader.run(revise=revise, step=progress)
                finally:
                    if loader.folder is not None:
                        layout.unstage(loader.folder)
                fp = hashing.result()
                progress("hash")
                earlier = self._earlier(fp.sha256)
                if earlier is not None or (utf8 and not fp.utf8):
                    raise _Abandon(earlier, fp.sha256)
                outcome = self._record_loaded(reader, load_id, fp.sha256, counts, started)
                commit.source = {"file": reader.source.path.name, "sha256": fp.sha256,
                                 "format": reader.name}  # fmt: skip
                commit.counts = {
                    "read": counts.read, "loaded": counts.loaded,
                    "rejected": counts.rejected, "revised": counts.revised,
                }  # fmt: skip
                layout.write(commit)
                progress("commit")
        except _Abandon as stop:
            layout.abandoned(commit)
            if stop.earlier is None:
                return None  # read as UTF-8, it is not: read it transcoded
            return self._record_skip(reader, stop.sha256, started, stop.earlier)
        except BaseException as exc:
            # A hitex error is the file's or the user's; anything else is a bug, and the
            # caller shows it as one. Either way the load is recorded as failed.
            layout.abandoned(commit)
            fp = hashing.result()
            if isinstance(exc, Exception):
                earlier = self._earlier(fp.sha256)
                if earlier is not None:
                    return self._record_skip(reader, fp.sha256, started, earlier)
                if utf8 and not fp.utf8:
                    return None  # read as UTF-8, it is not: read it transcoded
            self._record_failure(reader, load_id, fp.sha256, started, exc)
            raise
        layout.published(commit)
        return outcome

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
            # By name: a warehouse of an earlier hitex has its later columns in the order
            # they were added (_migrate), not in the order of the DDL.
            "INSERT INTO loads (id, file, path, sha256, format, classification, rows_read, "
            "rows_loaded, rows_rejected, rows_merged, rows_revised, started, finished, status, "
            "message, reconciled, options) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        empty = opened is not None and opened.empty
        message = "the file holds no records" if empty else ""
        message_ru = "в файле нет записей" if empty else ""
        if opened is not None and len(opened.sheets) > 1:
            others = ", ".join(repr(n) for n in opened.sheets if n != opened.sheet)
            message = "; ".join(
                m for m in (f"read sheet {opened.sheet!r} (also in the workbook: {others}; "
                            "choose with --sheet)", message) if m
            )  # fmt: skip
            message_ru = "; ".join(
                m for m in (f"прочитан лист {opened.sheet!r} (в книге есть также: {others}; "
                            "выберите лист через --sheet)", message_ru) if m
            )  # fmt: skip
        # Every record refused: the load is kept (with its rejects) but holds nothing, and
        # says so; a file with some records loaded is "loaded" (its rejects listed).
        refused = counts.read > 0 and counts.loaded == 0 and counts.rejected > 0
        result = LoadResult(
            load_id, reader.source.path.name, sha, reader.name, counts.read, counts.loaded,
            counts.rejected, counts.merged, counts.revised, "refused" if refused else "loaded",
            message, message_ru,
        )  # fmt: skip
        self._record(result, reader, started)
        return result

    def _record_skip(
        self, reader: Reader, sha: str, started: dt.datetime, earlier: int
    ) -> LoadResult:
        message = f"the same file (sha256 {sha[:12]}…) was loaded as load {earlier}"
        result = LoadResult(
            self._next_id(), reader.source.path.name, sha, reader.name, 0, 0, 0, 0, 0,
            "skipped", message, f"тот же файл (sha256 {sha[:12]}…) уже загружен как загрузка "
            f"{earlier}",
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

    def remove(self, load_id: int) -> str:
        """Undo load ``load_id`` in one transaction; return a sentence saying what it did.

        Its flows leave the warehouse, the flows it revised come back, totals' unallocated
        parts are computed again; the load stays listed with status ``removed`` (its rejects
        too), and the same file can be loaded again.
        """
        found = _first(self.con.execute("SELECT file, status FROM loads WHERE id = ?", [load_id]))
        if found is None:
            raise InputError(
                f"There is no load {load_id}; `hitex loads` lists them.",
                ru=f"Загрузки {load_id} нет; список загрузок выводит `hitex loads`.",
            )
        file, status = found
        if status != "loaded":
            raise InputError(
                f"Load {load_id} ({file}) is {status}: only a load with status loaded can be "
                "removed."
            )
        layout = self.layout
        commit = Commit(next_commit(self.con), load_id, "remove")
        try:
            with transaction(self.con), Scratch(self.con) as scratch:
                removed, restored = remove_load(self.con, layout, commit, scratch, load_id)
                facts = {"removed_at": f"{dt.datetime.now():%Y-%m-%d %H:%M}",
                         "flows_taken_out": removed, "flows_restored": restored}  # fmt: skip
                message = _removal(facts)
                self.con.execute(
                    "UPDATE loads SET status = 'removed', message = ?, facts = ? WHERE id = ?",
                    [message, json.dumps(facts), load_id],
                )
                commit.counts = {"removed": removed, "restored": restored}
                layout.write(commit)
        except BaseException:
            layout.abandoned(commit)
            raise
        layout.published(commit)
        return f"load {load_id}: {file} - {message}."

    # -- copies for other engines ---------------------------------------------------------
    def pin_version(self, pinned: bool, known: str | None = None) -> None:
        """Read the version once for the read transaction now open (``False`` at its end).

        Inside one transaction the snapshot, and so the version, cannot change; a request of
        ``hitex serve`` asks for it a dozen times. ``known``: the snapshot's version as the
        caller knows it (:meth:`hitex.api.connections.Connections.read`: no write since it
        was read), not read again.
        """
        self._pinned = None
        if pinned:
            self._pinned = known if known is not None else self.version()

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

    @property
    def data_root(self) -> str:
        """Where the records and the files other engines read live (:mod:`hitex.store.layout`).

        A ``file://`` URI when ``hitex init --data file:///...`` declared it mounted on every host.
        """
        root = str(self.layout.root)
        if self._has_meta():
            shared = _first(self.con.execute(
                "SELECT value FROM meta WHERE key = 'data_root_shared'"
            ))  # fmt: skip
            if shared is not None and shared[0] == "true":
                return "file://" + root
        return root

    def spark_files(self) -> dict[str, list[str]]:
        """For each table the engines read (:data:`ENGINE_TABLES`), the Parquet files of its rows.

        ``flows``: the live record files themselves (no copy). The small catalog and reference
        tables are written under the data root (``engines/<version>/NAME/``) when the warehouse
        changed since the last call, by any process; a folder is complete before it is renamed
        into place, so two processes never read half of one.
        """
        version = self.version()
        root = Path(_local(self.data_root)) / "engines"
        key = hashlib.sha256(f"{self.path}|{version}".encode()).hexdigest()[:16]
        final = root / key
        small = [n for n in ENGINE_TABLES if n != "flows"]
        if not (final / "_SUCCESS").is_file():
            root.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=root))
            try:
                for name in small:
                    (staging / name).mkdir()
                    target = staging / name / "part-0.parquet"
                    self.con.execute(
                        f"COPY (SELECT * FROM {ident(name)}) TO {lit(target)} (FORMAT parquet)"  # noqa: S608
                    )
                (staging / "_SUCCESS").write_text(version + "\n", encoding="utf-8")
                try:
                    staging.rename(final)
                except OSError:  # another process wrote the same version first
                    shutil.rmtree(staging, ignore_errors=True)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            for old in root.iterdir():
                if old.name != key and not old.name.startswith("."):
                    shutil.rmtree(old, ignore_errors=True)
        files = {n: [str(p) for p in sorted((final / n).glob("*.parquet"))] for n in small}
        return {"flows": live_files(self.con, self.layout), **files}

    # -- listings -------------------------------------------------------------------------
    def loads(self) -> pd.DataFrame:
        """Every attempted load, oldest first."""
        return self.con.execute("SELECT * FROM loads ORDER BY id").df()

    def rejects(self, load_id: int | None = None) -> pd.DataFrame:
        """Refused records with line and reason, for one load or all.

        Beside the reason: ``code`` (which check refused the record: ``unknown_country``,
        ``duplicate``, ``malformed``, ...), ``field`` (the field it looked at) and ``value``
        (what the field held).
        """
        if load_id is not None and not _one(
            self.con.execute("SELECT count(*) FROM loads WHERE id = ?", [load_id])
        ):
            raise InputError(
                f"There is no load {load_id}; `hitex loads` lists them.",
                ru=f"Загрузки {load_id} нет; список загрузок выводит `hitex loads`.",
            )
        return self.con.execute(
            "SELECT load_id, line, reason, record, code, field, value FROM rejects "
            "WHERE $id IS NULL OR load_id = $id ORDER BY load_id, line",
            {"id": load_id},
        ).df()

    def holdings(self) -> dict[str, dict[str, list[int]]]:
        """Reporter -> flow -> the years with records (kept until the warehouse changes)."""
        version = self.version()
        if self._holdings is None or self._holdings[0] != version:
            # The partners rollup holds a row wherever trade holds one, summed: far fewer.
            source = "rollup_partners" if self.rollups_ready() else "trade"
            rows = self.con.execute(
                f"SELECT reporter, flow, list(DISTINCT year ORDER BY year) FROM {source} "  # noqa: S608
                "GROUP BY ALL"
            ).fetchall()
            held: dict[str, dict[str, list[int]]] = {}
            for reporter, flow, years in rows:
                held.setdefault(reporter, {})[flow] = [int(y) for y in years]
            self._holdings = (version, held)
        return self._holdings[1]

    def rollups_ready(self) -> bool:
        """Whether every live record file has its rollups (kept until the warehouse changes)."""
        version = self.version()
        if self._rollups_ready is None or self._rollups_ready[0] != version:
            self._rollups_ready = (version, rollups.ready(self.con))
        return self._rollups_ready[1]

    def reconciled_years(self) -> dict[int, sources.Year]:
        """Exporters and countries of each year of reconciled loads (kept until data change)."""
        version = self.version()
        if self._years is None or self._years[0] != version:
            if self.rollups_ready():
                self._years = (version, sources.years(self.con, rollups.COUNTRIES))
            else:
                self._years = (version, sources.years(self.con))
        return self._years[1]

    def sources(self, reporter: str) -> pd.DataFrame:
        """One reporter's records by flow, year and kind (kept until the data change)."""
        key = (reporter, self.version())
        found = self._sources.get(key)
        if found is None:
            held = "SELECT count(*) FROM loads WHERE reconciled AND status = 'loaded'"
            mirror = bool(_one(self.con.execute(held)))
            if self.rollups_ready():
                found = self.con.execute(rollups.SOURCES, {"r": reporter}).df()
                found = found.astype({"year": int, "records": "int64"})
                if not mirror:
                    found = found[found["kind"] != "mirror"].reset_index(drop=True)
            else:
                found = sources.records(self.con, reporter, mirror=mirror)
            if len(self._sources) > 200:
                self._sources.clear()
            self._sources[key] = found
        return found.copy()

    def has_months(self, reporter: str) -> bool:
        """Whether any record of ``reporter`` is monthly (kept until the warehouse changes)."""
        version = self.version()
        if self._months is None or self._months[0] != version:
            self._months = (version, {})
        kept = self._months[1]
        if reporter not in kept:
            source = "rollup_partners" if self.rollups_ready() else "trade"
            found = self.con.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {source} WHERE reporter = ? "  # noqa: S608
                "AND month IS NOT NULL LIMIT 1)",
                [reporter],
            )
            kept[reporter] = bool(_one(found))
        return kept[reporter]

    def sql(self, query: str, params: Sequence[object] = ()) -> pd.DataFrame:
        """Run SQL on the warehouse and return a DataFrame (for tests and power users)."""
        return self.con.execute(query, list(params)).df()


class _Abandon(Exception):
    """Roll a load back: the file was loaded before (``earlier``), or is not UTF-8 (None)."""

    def __init__(self, earlier: int | None, sha256: str) -> None:
        super().__init__(earlier, sha256)
        self.earlier = earlier
        self.sha256 = sha256


@contextmanager
def _budget(con: duckdb.DuckDBPyConnection, *, enabled: bool) -> Iterator[None]:
    """DuckDB's memory limit while a load runs, where ``HITEX_LOAD_MEMORY`` sets one.

    Settings are the database's, not the connection's: with ``enabled`` false (other cursors
    read the database meanwhile) nothing is changed. The limit is restored after the load.
    """
    given = os.environ.get("HITEX_LOAD_MEMORY")
    if not enabled or not given:
        yield
        return
    before = con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    try:
        con.execute(f"SET memory_limit = {lit(given)}")
    except duckdb.Error:
        raise InputError(
            f"HITEX_LOAD_MEMORY={given!r} is not an amount of memory (e.g. 256MB or 1GB).",
            ru=f"HITEX_LOAD_MEMORY={given!r} — не объём памяти (например, 256MB или 1GB).",
        ) from None
    try:
        yield
    except duckdb.OutOfMemoryException:
        threads = con.execute("SELECT current_setting('threads')").fetchall()[0][0]
        raise InputError(
            f"HITEX_LOAD_MEMORY={given!r} is too little memory for DuckDB to read the file "
            f"in with its {threads} threads; nothing was loaded.",
            ru=f"HITEX_LOAD_MEMORY={given!r} — слишком мало памяти, чтобы DuckDB прочитал файл "
            f"в {threads} потоках; ничего не загружено.",
        ) from None
    finally:
        con.execute("RESET memory_limit")
        if con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0] != before:
            con.execute(f"SET memory_limit = {lit(_setting(str(before)))}")


def _setting(shown: str) -> str:
    """A limit as DuckDB shows it, in a form that sets it again ("1.8 GiB" -> bytes).

    >>> _setting("1.8 GiB"), _setting("256.0 MiB"), _setting("134217728B")
    ('1986422374B', '268487884B', '134217728B')
    """
    found = re.fullmatch(r"([0-9.]+)\s*(KiB|MiB|GiB|TiB)", shown)
    if not found:
        return shown
    power = ("KiB", "MiB", "GiB", "TiB").index(found[2]) + 1
    return f"{int((float(found[1]) + 0.05) * 1024**power)}B"


def _loader(spark: Any) -> type[Loader]:
    """The loader of a load read by DuckDB, or by Spark when a session is given."""
    if spark is None:
        return Loader
    from hitex.store.sparkload import SparkLoader  # noqa: PLC0415 - pyspark is an extra

    return SparkLoader


def _adopt(scratch: Scratch, reader: Reader) -> None:
    """The scratch owns what opening the file made: an Arrow table, a transcoded copy."""
    opened = reader.opened
    if opened is None:
        return
    if opened.relation == "arrow_raw__":
        scratch.adopt_arrow("arrow_raw__")
    if opened.copy is not None:
        scratch.file(opened.copy)


def _local(root: str) -> str:
    """The folder a local data root names (a path or a ``file://`` URI)."""
    parsed = urlparse(root)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    if parsed.scheme and len(parsed.scheme) > 1:
        raise InputError(
            f"The data root {root} is not a folder of this machine; this version of hitex "
            "writes the files engines read to a local or mounted folder only."
        )
    return root


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
