"""Rollups: each record file's trade summed by the dimensions dashboards and reports ask about.

A question about a reporter's totals, partners or product groups reads a few thousand summed
rows instead of millions of records. Every live record file has two rollup files, written
from it inside the commit that makes it live (:func:`derive`) and listed in ``rollup_files``
beside it; a rollup file is live exactly while its record file is. A revision or a removal
replaces record files, and so replaces their rollups in the same commit: a reader sees the
records and the rollups of one commit, never half of one.

::

    <root>/rollups/partners/classification=HS17/year=2020/load=3/part-c3-0.parquet
    <root>/rollups/products/classification=HS17/year=2020/load=3/part-c3-0.parquet

``partners``
    year, month, reporter, partner, flow, classification: ``value_usd`` (sum) and ``records``.
``products``
    year, month, reporter, flow, classification, product: ``value_usd`` (sum), ``positive``
    (whether any record of the row has a positive value: a product line is counted so) and
    ``records``.

Both hold the rows ``trade`` reads from the file (:data:`hitex.store.schema.VIEWS`): records
other than totals (partner WLD, product TOTAL), and, for a reconciled load (BACI), each
export again as the partner's import. The views ``rollup_partners`` and ``rollup_products``
read the live rollup files and add the ``unallocated`` rows, as ``trade`` does: any sum of
``trade`` by dimensions a rollup holds is the same sum of the rollup. Enterprises are
counted, never summed: the rollups hold no ``firm``, and questions about enterprises read
the records. Each file is sorted by reporter, so a question about one reporter reads the
row groups of that reporter only.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from hitex.ingest.sql import lit
from hitex.store.layout import Commit, Layout, RecordFile, absent_columns, read_sql

#: Rollup name -> (its dimensions, its measures with their DuckDB types), in file order.
KINDS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "partners": (
        ("year", "month", "reporter", "partner", "flow", "classification"),
        {"value_usd": "DOUBLE", "records": "BIGINT"},
    ),
    "products": (
        ("year", "month", "reporter", "flow", "classification", "product"),
        {"value_usd": "DOUBLE", "positive": "BOOLEAN", "records": "BIGINT"},
    ),
}

#: Types of the dimension columns (as in flows).
_DIMENSION_TYPES = {
    "year": "SMALLINT", "month": "TINYINT", "reporter": "VARCHAR", "partner": "VARCHAR",
    "flow": "VARCHAR", "classification": "VARCHAR", "product": "VARCHAR",
}  # fmt: skip

#: The catalog table of rollup files (created with the warehouse's tables).
DDL = """
CREATE TABLE IF NOT EXISTS rollup_files (
    path VARCHAR PRIMARY KEY,
    record_path VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    rows BIGINT NOT NULL
);
"""

#: Rows per Parquet row group: a reporter's rows span one or two of them.
ROW_GROUP = 16_384


def view(kind: str) -> str:
    """The name of the view of a rollup (``rollup_partners``)."""
    return f"rollup_{kind}"


def path_of(record_path: str, kind: str) -> str:
    """The rollup file of a record file (both relative to the data root)."""
    inside = record_path.split("/", 1)[1] if "/" in record_path else record_path
    return f"rollups/{kind}/{inside}"


def _grouped_sql(source: str) -> str:
    """One pass over a record file: every sum both rollups (and their mirror rows) need."""
    sets = (
        "(year, month, reporter, partner, flow, classification)",
        "(year, month, reporter, flow, classification, product)",
        "(year, month, partner, classification, product)",
    )
    own = "WHERE NOT (partner = 'WLD' OR product = 'TOTAL')"
    export = "WHERE flow = 'export'"
    return f"""SELECT year, month, reporter, partner, flow, classification, product,
        GROUPING(reporter, partner, flow, product) AS set_,
        sum(value_usd) FILTER ({own}) AS v_own,
        count(*) FILTER ({own}) AS n_own,
        bool_or(value_usd > 0) FILTER ({own}) AS p_own,
        sum(value_usd) FILTER ({export}) AS v_mirror,
        count(*) FILTER ({export}) AS n_mirror,
        bool_or(value_usd > 0) FILTER ({export}) AS p_mirror
    FROM ({source}) GROUP BY GROUPING SETS ({", ".join(sets)})"""


# GROUPING(reporter, partner, flow, product): a bit set for each column left out.
_SET_PARTNERS = 0b0001  # product left out
_SET_PRODUCTS = 0b0100  # partner left out
_SET_MIRROR = 0b1010  # reporter and flow left out


#: Rollup -> the grouping set of its own rows, of its mirror rows, and the columns each
#: of them gives (in the rollup's column order).
_SOURCES: dict[str, tuple[int, int, list[str], list[str]]] = {
    "partners": (
        _SET_PARTNERS, _SET_PARTNERS,
        ["year", "month", "reporter", "partner", "flow", "classification", "v_own", "n_own"],
        ["year", "month", "partner", "reporter", "'import'", "classification", "v_mirror",
         "n_mirror"],
    ),
    "products": (
        _SET_PRODUCTS, _SET_MIRROR,
        ["year", "month", "reporter", "flow", "classification", "product", "v_own", "p_own",
         "n_own"],
        ["year", "month", "partner", "'import'", "classification", "product", "v_mirror",
         "p_mirror", "n_mirror"],
    ),
}  # fmt: skip


def _select(kind: str, grouped: str, *, mirror: bool) -> str:
    """The rows of one rollup file from the grouped sums (ordered by reporter)."""
    dims, measures = KINDS[kind]
    types = {**_DIMENSION_TYPES, **measures}
    names = [*dims, *measures]
    own_set, mirror_set, own_cols, mirror_cols = _SOURCES[kind]

    def rows(columns: list[str], grouping: int, count: str) -> str:
        picked = ", ".join(
            f"CAST({c} AS {types[n]}) AS {n}" for c, n in zip(columns, names, strict=True)
        )
        return f"SELECT {picked} FROM {grouped} WHERE set_ = {grouping} AND {count} > 0"  # noqa: S608

    union = rows(own_cols, own_set, "n_own")
    if mirror:
        union += " UNION ALL " + rows(mirror_cols, mirror_set, "n_mirror")
    return f"SELECT * FROM ({union}) ORDER BY {', '.join(dims)}"  # noqa: S608


def write(
    con: duckdb.DuckDBPyConnection, layout: Layout, record: RecordFile, *, mirror: bool
) -> list[tuple[str, str, int]]:
    """Write the rollups of one record file; (path, kind, rows) of each written."""
    file = layout.absolute(record.path)
    source = read_sql([file], absent=absent_columns(con, [file]))
    grouped = "rollup_grouped__"
    con.execute(f"CREATE OR REPLACE TEMP TABLE {grouped} AS {_grouped_sql(source)}")
    written = []
    try:
        for kind in KINDS:
            relative = path_of(record.path, kind)
            target = layout.root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            rows = con.execute(
                f"COPY ({_select(kind, grouped, mirror=mirror)}) TO {lit(str(target))} "
                f"(FORMAT parquet, ROW_GROUP_SIZE {ROW_GROUP})"
            ).fetchall()
            written.append((relative, kind, int(rows[0][0]) if rows else 0))
    finally:
        con.execute(f"DROP TABLE IF EXISTS {grouped}")
    return written


def derive(
    con: duckdb.DuckDBPyConnection,
    layout: Layout,
    commit: Commit,
    *,
    reconciled: dict[int, bool] | None = None,
) -> None:
    """Write and list the rollups of every record file ``commit`` adds, then refresh the views.

    Called inside the commit's transaction, after :meth:`Layout.record`; the rollup files
    join ``commit.moved``, so an abandoned commit takes them away with its records.
    ``reconciled`` says for loads the ``loads`` table does not list yet (the load being
    committed) whether they are reconciled (their exports are also the partners' imports).
    """
    given = dict(reconciled or {})
    for record in commit.added:
        mirror = given.get(record.load_id)
        if mirror is None:
            found = con.execute(
                "SELECT coalesce(bool_or(reconciled), false) FROM loads WHERE id = ?",
                [record.load_id],
            ).fetchall()
            mirror = bool(found[0][0])
            given[record.load_id] = mirror
        for relative, kind, rows in write(con, layout, record, mirror=mirror):
            commit.moved.append(layout.root / relative)
            con.execute(
                "INSERT OR REPLACE INTO rollup_files VALUES (?, ?, ?, ?)",
                [relative, record.path, kind, rows],
            )
    refresh(con, layout)


def backfill(con: duckdb.DuckDBPyConnection, layout: Layout) -> int:
    """Write the rollups of live record files that have none (records of an earlier hitex).

    The caller holds the transaction; returns the number of record files given rollups.
    """
    rows = con.execute(
        f"""SELECT r.path, r.load_id, r.classification, r.year, r.records, r.value_usd
        FROM record_files r WHERE r.removed_by IS NULL AND (
            SELECT count(*) FROM rollup_files x WHERE x.record_path = r.path) < {len(KINDS)}
        ORDER BY r.added_by, r.path"""  # noqa: S608
    ).fetchall()
    if not rows:
        return 0
    commit = Commit(0, 0, "rollups")
    commit.added = [RecordFile(str(p), int(i), str(c), int(y), int(n), float(v))
                    for p, i, c, y, n, v in rows]  # fmt: skip
    try:
        derive(con, layout, commit)
    except BaseException:
        for path in commit.moved:
            Path(path).unlink(missing_ok=True)
        raise
    return len(rows)


def live(con: duckdb.DuckDBPyConnection, layout: Layout, kind: str) -> list[str]:
    """The live rollup files of ``kind``, absolute, in the order of their record files."""
    rows = con.execute(
        """SELECT x.path FROM rollup_files x JOIN record_files r ON r.path = x.record_path
        WHERE r.removed_by IS NULL AND x.kind = ? ORDER BY r.added_by, r.path""",
        [kind],
    ).fetchall()
    return [layout.absolute(r[0]) for r in rows]


def ready(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether every live record file has its rollups (the views then equal ``trade``)."""
    found = con.execute(
        f"""SELECT count(*) FROM record_files r WHERE r.removed_by IS NULL AND (
            SELECT count(*) FROM rollup_files x WHERE x.record_path = r.path) < {len(KINDS)}"""  # noqa: S608
    ).fetchall()
    return not found[0][0]


def rollup_sql(kind: str, files: list[str]) -> str:
    """The rows of a rollup: its live files, and the ``unallocated`` rows of ``trade``."""
    dims, measures = KINDS[kind]
    types = {**_DIMENSION_TYPES, **measures}
    names = [*dims, *measures]
    if files:
        listed = ", ".join(lit(f) for f in files)
        stored = (
            f"SELECT {', '.join(names)} FROM read_parquet([{listed}], "  # noqa: S608
            "hive_partitioning = false)"
        )
    else:
        stored = "SELECT " + ", ".join(f"CAST(NULL AS {types[c]}) AS {c}" for c in names)
        stored += " WHERE false"
    extra = {"value_usd": "value_usd", "positive": "value_usd > 0", "records": "1"}
    picked = ", ".join(f"CAST({extra.get(c, c)} AS {types[c]}) AS {c}" for c in names)
    return f"{stored} UNION ALL SELECT {picked} FROM unallocated"  # noqa: S608


def refresh(con: duckdb.DuckDBPyConnection, layout: Layout) -> None:
    """(Re)create the rollup views over the live rollup files."""
    for kind in KINDS:
        con.execute(
            f"CREATE OR REPLACE VIEW {view(kind)} AS {rollup_sql(kind, live(con, layout, kind))}"
        )
