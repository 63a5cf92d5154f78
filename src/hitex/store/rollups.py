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
    year, month, reporter, partner, flow, classification and ``kind`` (``own`` records or
    ``mirror`` ones, see :mod:`hitex.store.sources`): ``value_usd`` (sum) and ``records``.
``products``
    year, month, reporter, flow, classification, product: ``value_usd`` (sum), ``positive``
    (whether any record of the row has a positive value: a product line is counted so) and
    ``records``; then, for each built-in product scheme, the number of the product's group
    in it (``group_tech``, ``group_hs_chapter``, ...; null where the scheme has no group for
    the code: :data:`SCHEME_COLUMNS`). The catalog table ``rollup_groups`` says which group
    each number is (scheme, id, group_code, group_name), and ``rollup_product_groups`` which
    numbers each (classification, product) has; a breakdown by a built-in scheme's groups
    then reads numbers, never joins product codes (:mod:`hitex.indicators.selection`).
    The numbers are those of the reference data of this hitex (:data:`FORMAT` holds its
    version): other reference data, and the rollups are written again when the warehouse is
    opened.

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

import functools
from pathlib import Path

import duckdb
import pandas as pd

from hitex.ingest.sql import lit
from hitex.store import sources
from hitex.store.layout import Commit, Layout, RecordFile, absent_columns, read_sql

#: Rollup name -> (its dimensions, its measures with their DuckDB types), in file order.
KINDS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "partners": (
        ("year", "month", "reporter", "partner", "flow", "classification", "kind"),
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
    "flow": "VARCHAR", "classification": "VARCHAR", "product": "VARCHAR", "kind": "VARCHAR",
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

#: Built-in product scheme -> its column of group numbers in the products rollup.
SCHEME_COLUMNS: dict[str, str] = {
    name: "group_" + name.replace("-", "_")
    for name in ("tech", "enduse", "enduse-stage", "bec", "hs-section", "hs-chapter",
                 "hs-heading", "techservices")
}  # fmt: skip


def _format() -> str:
    from hitex.reference import reference_version  # noqa: PLC0415

    return f"3/{reference_version()}"


#: The rollups' format (and the reference data their group numbers come from): a warehouse
#: whose rollups have another is given them again on opening.
FORMAT = _format()

#: Rows per Parquet row group: a reporter's rows span one or two of them.
ROW_GROUP = 16_384


@functools.cache
def scheme_numbers() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The built-in schemes' groups numbered, and each product's number in every scheme.

    ``(groups, products)``: ``groups`` has scheme, id (1, 2, ... in the order of the group
    codes), group_code and group_name (the first of a code's names, as a table names it);
    ``products`` has classification, product and one column of :data:`SCHEME_COLUMNS` per
    scheme (null: no group).
    """
    from hitex.reference.schemes import product_groups_frame  # noqa: PLC0415 - heavy

    pg = product_groups_frame()
    pg = pg[pg["scheme"].isin(list(SCHEME_COLUMNS))]
    groups: pd.DataFrame = pg.groupby(["scheme", "group_code"], as_index=False).agg(
        group_name=("group_name", "min")
    )
    groups = groups.sort_values(["scheme", "group_code"], kind="stable", ignore_index=True)
    groups["id"] = (groups.groupby("scheme").cumcount() + 1).astype("int16")
    numbered = pg.merge(groups[["scheme", "group_code", "id"]], on=["scheme", "group_code"])
    wide = numbered.pivot_table(
        index=["classification", "product"], columns="scheme", values="id", aggfunc="first"
    )
    wide = wide.reindex(columns=list(SCHEME_COLUMNS)).rename(columns=SCHEME_COLUMNS)
    products = wide.astype("Int16").reset_index()
    products.columns.name = None
    return groups[["scheme", "id", "group_code", "group_name"]], products


def write_scheme_numbers(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)write the catalog tables ``rollup_groups`` and ``rollup_product_groups``."""
    groups, products = scheme_numbers()
    for name, frame in (("rollup_groups", groups), ("rollup_product_groups", products)):
        con.register("numbers__", frame)
        try:
            con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM numbers__")  # noqa: S608
        finally:
            con.unregister("numbers__")


def _numbered(rows: str) -> str:
    """``rows`` (with classification and product) and the group number of every scheme."""
    picked = ", ".join(f"m.{c}" for c in SCHEME_COLUMNS.values())
    return f"""SELECT r.*, {picked} FROM ({rows}) r LEFT JOIN rollup_product_groups m
        ON m.classification = r.classification AND m.product = r.product"""  # noqa: S608


def view(kind: str) -> str:
    """The name of the view of a rollup (``rollup_partners``)."""
    return f"rollup_{kind}"


def path_of(record_path: str, kind: str) -> str:
    """The rollup file of a record file (both relative to the data root)."""
    inside = record_path.split("/", 1)[1] if "/" in record_path else record_path
    return f"rollups/{kind}/{inside}"


#: Records ``trade`` reads as they are (not totals: those count through ``unallocated``).
_OWN = "NOT (partner = 'WLD' OR product = 'TOTAL')"


def _partners_sql(source: str, *, mirror: bool) -> str:
    """The partners rollup of one record file, ordered by reporter.

    One aggregation by every partners column and whether the record is a total; the own rows
    (no totals) and the mirror rows (every export, the sides swapped) are read from it.
    """
    cells = f"""SELECT year, month, reporter, partner, flow, classification,
        {_OWN} AS own, sum(value_usd) AS value_usd, count(*) AS records
        FROM ({source}) GROUP BY ALL"""  # noqa: S608
    rows = """SELECT year, month, reporter, partner, flow, classification, 'own' AS kind,
        sum(value_usd) AS value_usd, sum(records) AS records FROM cells WHERE own GROUP BY ALL"""
    if mirror:
        rows += """ UNION ALL SELECT year, month, partner AS reporter, reporter AS partner,
        'import' AS flow, classification, 'mirror' AS kind, sum(value_usd) AS value_usd,
        sum(records) AS records FROM cells WHERE flow = 'export' GROUP BY ALL"""
    return _typed("partners", f"WITH cells AS ({cells}) {rows}")


def _products_sql(source: str, *, mirror: bool, cell: tuple[str, int] | None = None) -> str:
    """The products rollup of one record file, ordered by reporter.

    ``cell`` (classification, year) is the file's own, as its path says: grouped by the other
    keys only (a tenth of the aggregation's time), the two are written in as constants.
    """
    measures = (
        "sum(value_usd) AS value_usd, bool_or(value_usd > 0) AS positive, count(*) AS records"
    )
    fixed = cell is not None
    keys = "month" if fixed else "year, month"
    rows = f"""SELECT {keys}, reporter, flow, {"" if fixed else "classification, "}product,
        {measures} FROM ({source}) WHERE {_OWN} GROUP BY ALL"""  # noqa: S608
    if mirror:
        rows += f""" UNION ALL SELECT {keys}, partner AS reporter, 'import' AS flow,
        {"" if fixed else "classification, "}product, {measures} FROM ({source})
        WHERE flow = 'export' GROUP BY ALL"""  # noqa: S608
    if cell is not None:
        classification, year = cell
        rows = f"""SELECT {int(year)} AS year, *, {lit(classification)} AS classification
            FROM ({rows})"""  # noqa: S608
    return _typed("products", rows)


def _typed(kind: str, rows: str) -> str:
    """``rows`` with the rollup's columns and types, ordered by reporter."""
    dims, measures = KINDS[kind]
    types = {**_DIMENSION_TYPES, **measures}
    picked = ", ".join(f"CAST({c} AS {types[c]}) AS {c}" for c in [*dims, *measures])
    typed = f"SELECT {picked} FROM ({rows})"  # noqa: S608
    if kind == "products":
        typed = _numbered(typed)
    # By reporter alone: a reporter's rows lie together, which is what a question about one
    # reporter needs; sorting by every dimension took a quarter of the products rollup's time.
    return f"SELECT * FROM ({typed}) ORDER BY reporter"  # noqa: S608


_WRITERS = {"partners": _partners_sql, "products": _products_sql}


def write(
    con: duckdb.DuckDBPyConnection,
    layout: Layout,
    record: RecordFile,
    *,
    mirror: bool,
    moved: list[Path] | None = None,
) -> list[tuple[str, str, int]]:
    """Write the rollups of one record file; (path, kind, rows) of each written.

    Each file joins ``moved`` before it is written: a commit abandoned half-way (a later
    rollup failing) takes the ones already written away too.
    """
    file = layout.absolute(record.path)
    source = read_sql([file], absent=absent_columns(con, [file]))
    written = []
    for kind in KINDS:
        relative = path_of(record.path, kind)
        target = layout.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if moved is not None:
            moved.append(target)
        sql = (
            _products_sql(source, mirror=mirror, cell=(record.classification, record.year))
            if kind == "products"
            else _WRITERS[kind](source, mirror=mirror)
        )
        rows = con.execute(
            f"COPY ({sql}) TO {lit(str(target))} (FORMAT parquet, ROW_GROUP_SIZE {ROW_GROUP})"
        ).fetchall()
        written.append((relative, kind, int(rows[0][0]) if rows else 0))
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
        for relative, kind, rows in write(con, layout, record, mirror=mirror, moved=commit.moved):
            con.execute(
                "INSERT OR REPLACE INTO rollup_files VALUES (?, ?, ?, ?)",
                [relative, record.path, kind, rows],
            )
    refresh(con, layout)


def backfill(con: duckdb.DuckDBPyConnection, layout: Layout) -> int:
    """Write the rollups of live record files that have none (records of an earlier hitex).

    Rollups of an earlier format (:data:`FORMAT`) are written again. The caller holds the
    transaction; returns the number of record files given rollups.
    """
    found = con.execute("SELECT value FROM meta WHERE key = 'rollups'").fetchall()
    if not found or found[0][0] != FORMAT:
        for (path,) in con.execute("SELECT path FROM rollup_files").fetchall():
            (layout.root / path).unlink(missing_ok=True)
        con.execute("DELETE FROM rollup_files")
        write_scheme_numbers(con)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('rollups', ?)", [FORMAT])
    # A rollup the catalog lists whose file is not there (its records were moved to the
    # layout again) is written again too.
    for path, record_path in con.execute(
        """SELECT x.path, x.record_path FROM rollup_files x JOIN record_files r
        ON r.path = x.record_path WHERE r.removed_by IS NULL"""
    ).fetchall():
        if not (layout.root / path).is_file():
            con.execute("DELETE FROM rollup_files WHERE record_path = ?", [record_path])
    con.execute("DELETE FROM rollup_files WHERE record_path NOT IN (SELECT path FROM record_files)")
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
    written = con.execute("SELECT value FROM meta WHERE key = 'rollups'").fetchall()
    if not written or written[0][0] != FORMAT:
        return False
    found = con.execute(
        f"""SELECT count(*) FROM record_files r WHERE r.removed_by IS NULL AND (
            SELECT count(*) FROM rollup_files x WHERE x.record_path = r.path) < {len(KINDS)}"""  # noqa: S608
    ).fetchall()
    return not found[0][0]


def columns(kind: str) -> dict[str, str]:
    """The columns of a rollup's view with their DuckDB types, in order."""
    dims, measures = KINDS[kind]
    types = {**_DIMENSION_TYPES, **measures}
    out = {c: types[c] for c in [*dims, *measures]}
    if kind == "products":
        out.update(dict.fromkeys(SCHEME_COLUMNS.values(), "SMALLINT"))
    return out


def unallocated_sql(kind: str, *, numbered: bool = True) -> str:
    """The rows of a rollup from ``unallocated`` (the part of totals no record holds).

    ``numbered=False``: without the group numbers of the products rollup (no join).
    """
    dims, measures = KINDS[kind]
    types = columns(kind)
    extra = {"positive": "value_usd > 0", "records": "1", "kind": "'totals'"}
    picked = ", ".join(f"CAST({extra.get(c, c)} AS {types[c]}) AS {c}" for c in [*dims, *measures])
    rest = f"SELECT {picked} FROM unallocated"  # noqa: S608
    return _numbered(rest) if kind == "products" and numbered else rest


def rollup_sql(kind: str, files: list[str]) -> str:
    """The rows of a rollup: its live files, and the ``unallocated`` rows of ``trade``."""
    types = columns(kind)
    if files:
        listed = ", ".join(lit(f) for f in files)
        stored = (
            f"SELECT {', '.join(types)} FROM read_parquet([{listed}], "  # noqa: S608
            "hive_partitioning = false)"
        )
    else:
        stored = "SELECT " + ", ".join(f"CAST(NULL AS {t}) AS {c}" for c, t in types.items())
        stored += " WHERE false"
    return f"{stored} UNION ALL {unallocated_sql(kind)}"


#: One reporter's records and value by flow, year and kind (:func:`hitex.store.sources.records`).
SOURCES = """SELECT reporter, flow, year, CAST(sum(records) AS BIGINT) AS records,
    sum(value_usd) AS value_usd,
    kind FROM rollup_partners WHERE reporter = $r GROUP BY ALL"""

#: The exports of reconciled loads (the mirror rows, their sides swapped back), for
#: :func:`hitex.store.sources.years`.
COUNTRIES = sources.countries_sql(
    """SELECT year, partner AS reporter, reporter AS partner, value_usd FROM rollup_partners
    WHERE kind = 'mirror' AND reporter <> 'WLD'"""
)

#: Reporter, flow and year of every record, with the records and the months held.
PERIODS = """SELECT reporter, flow, year, bool_or(month IS NOT NULL) AS monthly,
    CAST(sum(records) AS BIGINT) AS records, min(month) AS first_month,
    max(month) AS last_month
    FROM rollup_partners GROUP BY reporter, flow, year ORDER BY reporter, flow, year"""


def refresh(con: duckdb.DuckDBPyConnection, layout: Layout) -> None:
    """(Re)create the rollup views over the live rollup files."""
    for kind in KINDS:
        con.execute(
            f"CREATE OR REPLACE VIEW {view(kind)} AS {rollup_sql(kind, live(con, layout, kind))}"
        )
