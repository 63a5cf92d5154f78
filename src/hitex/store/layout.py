"""Where the records live: partitioned Parquet under a data root, made live by commits.

::

    <root>/flows/classification=HS17/year=2020/load=3/part-0.parquet
    <root>/flows/_commits/00000003.json      # files added and replaced, counts, sums, source
    <root>/_staging/<token>/...               # a load's files before its commit

A load writes its records under a staging prefix (:meth:`Layout.stage`), then its commit
moves them to their place (a name no earlier file has), lists them in the warehouse's
``record_files`` table and writes the commit file. Readers never glob the folder: the
``flows`` view reads ``read_parquet([live files])``, the files of ``record_files`` that no
later commit replaced, and another engine reads the same list
(:meth:`hitex.store.Warehouse.spark_files`) or folds the commit files
(:func:`live_from_commits`). A revision or a removal is a commit that replaces files: a
replaced file stays on disk (a reader that listed it before the commit still reads it) and
leaves the list. The Hive partition columns (``classification``, ``year``) are in the path
(readers cast them to the schema's types) and, with the same values, in the files.

The commit of the warehouse's catalog (DuckDB) decides: a commit file is written as
``N.json.tmp`` inside the catalog's transaction and renamed once it commits; a ``.tmp`` left
by a crash names no live file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
import uuid
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from hitex.errors import HitexError
from hitex.ingest.sql import ident, lit
from hitex.store.schema import PARTITIONS, columns, flow_types

#: The layout's version, written to ``<root>/hitex.json``.
LAYOUT_VERSION = 1

#: A split staging write's folders: ``refused__=false`` (accepted rows), ``refused__=true``.
_SIDE, _KEPT, _REFUSED = "refused__", "false", "true"


@dataclass(frozen=True)
class RecordFile:
    """One live Parquet file of records: where, whose, and what it holds."""

    path: str  # relative to the data root, with '/'
    load_id: int
    classification: str
    year: int
    records: int
    value_usd: float


@dataclass
class Commit:
    """What one commit changes: files added, files replaced, and why."""

    id: int
    load_id: int
    kind: str  # load, revise, remove, migrate
    added: list[RecordFile] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    source: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    moved: list[Path] = field(default_factory=list)  # files placed by this commit (undo)

    def document(self) -> dict[str, Any]:
        """The commit file's content."""
        return {
            "commit": self.id,
            "load_id": self.load_id,
            "kind": self.kind,
            "written": dt.datetime.now().isoformat(timespec="seconds"),
            "added": [asdict(f) for f in self.added],
            "removed": self.removed,
            "records": sum(f.records for f in self.added),
            "value_usd": sum(f.value_usd for f in self.added),
            "counts": self.counts,
            "source": self.source,
        }


def default_root(db_path: str) -> Path | None:
    """The data root beside a warehouse file (``<db>.data``); None for ``:memory:``."""
    if db_path == ":memory:" or not db_path:
        return None
    return Path(db_path + ".data")


class Layout:
    """The data root of one warehouse and the commits that make its files live."""

    def __init__(self, root: Path, *, temporary: bool = False) -> None:
        self.root = root.resolve()
        #: A throwaway root (of a ``:memory:`` warehouse), removed with it.
        self.temporary = temporary

    @classmethod
    def throwaway(cls) -> Layout:
        """A data root in the temporary folder, for a warehouse in memory."""
        layout = cls(Path(tempfile.mkdtemp(prefix="hitex-data-")), temporary=True)
        # Removed with the layout or at exit also where the session is never closed.
        weakref.finalize(layout, shutil.rmtree, layout.root, ignore_errors=True)
        return layout

    @property
    def flows(self) -> Path:
        """The folder of the flows records."""
        return self.root / "flows"

    @property
    def commits(self) -> Path:
        """The folder of the commit files."""
        return self.flows / "_commits"

    def create(self) -> None:
        """Create the root's folders and its ``hitex.json``."""
        self.commits.mkdir(parents=True, exist_ok=True)
        info = self.root / "hitex.json"
        if not info.exists():
            info.write_text(
                json.dumps({"layout": LAYOUT_VERSION, "tables": {"flows": flow_types()}}, indent=1)
                + "\n",
                encoding="utf-8",
            )

    def close(self) -> None:
        """Remove a throwaway root (nothing else)."""
        if self.temporary:
            shutil.rmtree(self.root, ignore_errors=True)

    # -- staging ----------------------------------------------------------------------------
    def staging(self) -> Path:
        """A new, empty staging folder (removed with :meth:`unstage`)."""
        path = self.root / "_staging" / uuid.uuid4().hex
        path.mkdir(parents=True)
        return path

    @staticmethod
    def unstage(path: Path) -> None:
        """Remove a staging folder and whatever is left in it."""
        shutil.rmtree(path, ignore_errors=True)

    def stage(
        self,
        con: duckdb.DuckDBPyConnection,
        sql: str,
        *,
        unordered: bool = False,
        split: bool = False,
    ) -> Path:
        """Write the flows rows of ``sql`` (every column, load_id) to a staging folder.

        Written as the rows stream (a write partitioned by cell would hold them in memory):
        :meth:`place` gives each (classification, year) its file. A row with a load_id
        below 0 is a refused record: staged, counted, never placed. With ``split`` the
        refused rows go to a file of their own in the same write, so that the accepted
        ones move to their place as they are written; otherwise one file holds both. With
        ``unordered`` (no other cursor reads the database: the setting is the database's)
        DuckDB writes rows in the order its threads read them, not the file's: the order of
        records in a file means nothing, and keeping it took about twice the time.
        """
        folder = self.staging()
        if split:
            # A boolean: DuckDB partitions its rows at about half the cost of a text column.
            target = f"(SELECT *, load_id < 0 AS {_SIDE} FROM ({sql}))"  # noqa: S608
            # One file per side (DuckDB's default: no size or thread split).
            options = f"FORMAT parquet, PARTITION_BY ({_SIDE}), FILENAME_PATTERN 'rows'"
            out = folder
        else:
            target, options, out = f"({sql})", "FORMAT parquet", folder / "rows.parquet"
        try:
            with _unordered(con, enabled=unordered), _flushed(con, enabled=split):
                con.execute(f"COPY {target} TO {lit(str(out))} ({options})")
        except BaseException:
            self.unstage(folder)  # a write that failed half-way leaves nothing staged
            raise
        return folder

    @staticmethod
    def staged_files(folder: Path, *, refused: bool = False) -> list[Path]:
        """The staged files that may hold accepted (or ``refused``) rows."""
        side = _REFUSED if refused else _KEPT
        return sorted(folder.glob("*.parquet")) + sorted(folder.glob(f"{_SIDE}={side}/*.parquet"))

    @classmethod
    def staged(cls, folder: Path, *, refused: bool = False) -> str:
        """SQL of the accepted (or ``refused``) rows staged in ``folder``."""
        files = ", ".join(lit(str(p)) for p in cls.staged_files(folder, refused=refused))
        if not files:
            return read_sql([])
        sign = "<" if refused else ">"
        return (
            f"SELECT * FROM read_parquet([{files}], hive_partitioning = false) "  # noqa: S608
            f"WHERE load_id {sign} 0"
        )

    def place(
        self,
        con: duckdb.DuckDBPyConnection,
        commit: Commit,
        folder: Path,
        load_id: int,
        *,
        unordered: bool = False,
    ) -> None:
        """Give the accepted rows staged in ``folder`` their files, as ``load_id``'s records.

        A staging file that holds one (classification, year) and nothing refused moves to its
        place as it is (the partition columns stay in it too, as the path says); otherwise
        each (classification, year) is written out of it (``unordered`` as in :meth:`stage`).
        """
        rows = self.staged(folder)
        cells = con.execute(
            f"""SELECT classification, year, count(*), coalesce(sum(value_usd), 0)
            FROM ({rows}) GROUP BY ALL ORDER BY ALL"""  # noqa: S608
        ).fetchall()
        files = self.staged_files(folder)
        whole = len(cells) == 1 and len(files) == 1 and cells[0][2] == _records(con, files[0])
        for n, (classification, year, records, value) in enumerate(cells):
            target = (
                self.flows / f"classification={classification}" / f"year={year}"
                / f"load={load_id}" / f"part-c{commit.id}-{n}.parquet"
            )  # fmt: skip
            target.parent.mkdir(parents=True, exist_ok=True)
            if whole:
                os.replace(files[0], target)
            else:
                cell = f"classification = {lit(classification)} AND year = {int(year)}"
                with _unordered(con, enabled=unordered):
                    con.execute(
                        f"COPY (SELECT * FROM ({rows}) WHERE {cell}) "  # noqa: S608
                        f"TO {lit(str(target))} (FORMAT parquet)"
                    )
            commit.moved.append(target)
            commit.added.append(
                RecordFile(self.relative(target), load_id, str(classification), int(year),
                           int(records), float(value))
            )  # fmt: skip

    def write_records(
        self, con: duckdb.DuckDBPyConnection, commit: Commit, sql: str, load_id: int
    ) -> None:
        """Stage the flows rows of ``sql`` and place them as ``load_id``'s records.

        The staging folder goes whether or not the placing succeeds.
        """
        folder = self.stage(con, sql)
        try:
            self.place(con, commit, folder, load_id)
        finally:
            self.unstage(folder)

    def relative(self, path: Path) -> str:
        """A path under the root as the catalog and the commit files name it."""
        return path.relative_to(self.root).as_posix()

    def absolute(self, relative: str) -> str:
        """A path the catalog names, as an absolute path."""
        return str(self.root / relative)

    def record(self, con: duckdb.DuckDBPyConnection, commit: Commit) -> None:
        """Enter the commit in the catalog (inside its transaction); ``flows`` reads it."""
        con.execute(
            "INSERT INTO commits VALUES (?, ?, ?, ?)",
            [commit.id, commit.load_id, commit.kind, dt.datetime.now()],
        )
        if commit.removed:
            con.execute(
                "UPDATE record_files SET removed_by = ? WHERE path IN (SELECT unnest(?))",
                [commit.id, commit.removed],
            )
        for f in commit.added:
            con.execute(
                "INSERT INTO record_files VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                [f.path, f.load_id, f.classification, f.year, f.records, f.value_usd, commit.id],
            )
        refresh_view(con, self)

    def write(self, commit: Commit) -> None:
        """Write the commit file, pending until the catalog commits (:meth:`published`)."""
        self.commits.mkdir(parents=True, exist_ok=True)
        pending = self.commits / f"{commit.id:08d}.json.tmp"
        pending.write_text(json.dumps(commit.document(), indent=1) + "\n", encoding="utf-8")

    def published(self, commit: Commit) -> None:
        """The catalog committed: the commit file takes its name."""
        pending = self.commits / f"{commit.id:08d}.json.tmp"
        if pending.exists():
            os.replace(pending, self.commits / f"{commit.id:08d}.json")

    def recover(self, con: duckdb.DuckDBPyConnection) -> None:
        """Settle the commit files a crash left pending (``N.json.tmp``).

        A commit the catalog holds takes its name; any other never happened: its files and
        its pending commit file go, with whatever staging folders are left.
        """
        if not self.commits.is_dir():
            return
        held = {int(r[0]) for r in con.execute("SELECT id FROM commits").fetchall()}
        for pending in sorted(self.commits.glob("*.json.tmp")):
            number = int(pending.name.split(".", 1)[0])
            if number in held:
                os.replace(pending, self.commits / f"{number:08d}.json")
                continue
            doc = json.loads(pending.read_text(encoding="utf-8"))
            for added in doc.get("added", []):
                (self.root / added["path"]).unlink(missing_ok=True)
            pending.unlink()
        shutil.rmtree(self.root / "_staging", ignore_errors=True)

    def abandoned(self, commit: Commit) -> None:
        """The catalog rolled back: the commit's files and its commit file go."""
        for path in commit.moved:
            if not path.is_dir():  # a file the commit was about to write; never a folder
                path.unlink(missing_ok=True)
        (self.commits / f"{commit.id:08d}.json.tmp").unlink(missing_ok=True)


@contextmanager
def _unordered(con: duckdb.DuckDBPyConnection, *, enabled: bool) -> Iterator[None]:
    """Let DuckDB write rows in the order its threads read them (a setting of the database)."""
    if not enabled:
        yield
        return
    before = con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()
    con.execute("SET preserve_insertion_order = false")
    try:
        yield
    finally:
        with suppress(duckdb.Error):  # an aborted transaction: the setting is put back
            con.execute(f"SET preserve_insertion_order = {bool(before[0][0])}")


#: Rows a thread of a split write holds per side before they go to the file: one row group.
#: DuckDB's default (524,288) held 1 GiB at 5M rows; this keeps the peak flat with the file.
FLUSH_ROWS = 122_880


@contextmanager
def _flushed(con: duckdb.DuckDBPyConnection, *, enabled: bool) -> Iterator[None]:
    """A partitioned write hands each :data:`FLUSH_ROWS` rows to its file (the database's)."""
    if not enabled:
        yield
        return
    name = "partitioned_write_flush_threshold"
    before = con.execute(f"SELECT current_setting('{name}')").fetchall()
    con.execute(f"SET {name} = {FLUSH_ROWS}")
    try:
        yield
    finally:
        with suppress(duckdb.Error):  # an aborted transaction: the setting is put back
            con.execute(f"SET {name} = {int(before[0][0])}")


def _records(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    found = con.execute(f"SELECT count(*) FROM read_parquet({lit(str(path))})").fetchall()  # noqa: S608
    return int(found[0][0])


def next_commit(con: duckdb.DuckDBPyConnection) -> int:
    """The id of the next commit."""
    return int(con.execute("SELECT coalesce(max(id), 0) + 1 FROM commits").fetchall()[0][0])


def live_files(con: duckdb.DuckDBPyConnection, layout: Layout) -> list[str]:
    """The live record files, absolute, in commit order."""
    rows = con.execute(
        "SELECT path FROM record_files WHERE removed_by IS NULL ORDER BY added_by, path"
    ).fetchall()
    return [layout.absolute(r[0]) for r in rows]


def live_from_commits(root: Path) -> list[str]:
    """The live files of a data root, from its commit files alone (for engines without DuckDB)."""
    live: dict[str, None] = {}
    for path in sorted((root / "flows" / "_commits").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for gone in doc["removed"]:
            live.pop(gone, None)
        for added in doc["added"]:
            live[added["path"]] = None
    return [str(root / p) for p in live]


def absent_columns(con: duckdb.DuckDBPyConnection, files: Sequence[str]) -> tuple[str, ...]:
    """Flows columns that none of ``files`` holds (files of earlier hitex have no ``firm``)."""
    if not files:
        return ()
    listed = ", ".join(lit(f) for f in files)
    held = {
        r[0]
        for r in con.execute(f"SELECT DISTINCT name FROM parquet_schema([{listed}])").fetchall()  # noqa: S608
    }
    return tuple(c for c in columns() if c not in held and c not in PARTITIONS)


def read_sql(files: Sequence[str], *, filename: bool = False, absent: Sequence[str] = ()) -> str:
    """The rows of ``files`` as flows rows (partition columns cast to the schema's types).

    Columns in ``absent`` (held by none of the files: :func:`absent_columns`) read as NULL;
    a column some files hold reads as NULL in the others (``union_by_name``).
    """
    types = flow_types()
    names = columns()
    if not files:
        nulls = ", ".join(f"CAST(NULL AS {types[c]}) AS {ident(c)}" for c in names)
        extra = ", CAST(NULL AS VARCHAR) AS filename" if filename else ""
        return f"SELECT {nulls}{extra} WHERE false"
    listed = ", ".join(lit(f) for f in files)
    selected = ", ".join(
        f"CAST({'NULL' if c in absent else ident(c)} AS {types[c]}) AS {ident(c)}" for c in names
    )
    extra = ", filename" if filename else ""
    options = ", filename = true" if filename else ""
    return (
        f"SELECT {selected}{extra} FROM read_parquet([{listed}], hive_partitioning = true, "  # noqa: S608
        f"hive_types_autocast = false, union_by_name = true{options})"
    )


def refresh_view(con: duckdb.DuckDBPyConnection, layout: Layout) -> None:
    """(Re)create ``flows`` over the live files (all of them must be there)."""
    files = live_files(con, layout)
    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        raise HitexError(
            f"The warehouse lists {len(files):,} record files under {layout.root}, and "
            f"{len(missing):,} are not there (first: {missing[0]}); a warehouse file is "
            "copied together with its data root (DB.data beside it), or opened where it is.",
            ru=f"Из файлов записей, которые числятся в хранилище под {layout.root} (всего: "
            f"{format(len(files), ',').replace(',', ' ')}), нет на месте: "
            f"{format(len(missing), ',').replace(',', ' ')} (первый: {missing[0]}); файл "
            "хранилища копируют вместе с каталогом данных (DB.data рядом с ним) или открывают "
            "там, где он лежит.",
        )
    absent = absent_columns(con, files)
    con.execute(f"CREATE OR REPLACE VIEW flows AS {read_sql(files, absent=absent)}")


def copy_warehouse(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path:
    """Copy a warehouse file and the records beside it (``DB.data``) to ``target``; the copy.

    A warehouse whose records live elsewhere (``hitex init --data ROOT``) shares them with its
    copy: copy only the file then, and give the copy a root of its own before loading.
    """
    src, dst = Path(source), Path(target)
    shutil.copyfile(src, dst)
    data = Path(str(src) + ".data")
    if data.is_dir():
        shutil.copytree(data, Path(str(dst) + ".data"), dirs_exist_ok=True)
    return dst
