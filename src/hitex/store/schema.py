"""The warehouse tables (see DESIGN.md, "Data model")."""

from __future__ import annotations

#: Columns that identify a flow; records with the same key are one flow. ``firm`` (the
#: declarant: exporter of exports, importer of imports) is NULL in files without it; where a
#: file gives it, records of different enterprises are different flows, never summed.
KEY = ("year", "month", "reporter", "partner", "flow", "classification", "product", "firm")

#: What a record holds besides its key (``load_id`` is the load that wrote it).
MEASURES = ("value_usd", "quantity", "unit")

#: Every column of a flows row a load writes, by name (inserts go BY NAME: warehouses of
#: earlier hitex have ``firm`` added last, after ``load_id``).
RECORD = (*KEY, *MEASURES)

# Values are checked before they reach the table (ingest/check.py, with a reason for each
# refused record); constraints here would only slow every insert down. The columns are
# nullable because a load writes every record of a file in one pass and takes the refused
# ones (marked by a negative load_id) out again before it commits: no reader ever sees them.
FLOW_COLUMNS = """
    year SMALLINT,
    month TINYINT,
    reporter VARCHAR,
    partner VARCHAR,
    flow VARCHAR,
    classification VARCHAR,
    product VARCHAR,
    value_usd DOUBLE,
    quantity DOUBLE,
    unit VARCHAR,
    load_id INTEGER,
    firm VARCHAR"""

#: Flows columns that older warehouses declared NOT NULL (in a table then named ``flows``).
NULLABLE = ("year", "reporter", "partner", "flow", "classification", "product", "value_usd",
            "load_id")  # fmt: skip

DDL = f"""
-- The records of every load that is not a segment of its own (see below); ``flows`` is
-- the view of these and of every segment.
CREATE TABLE IF NOT EXISTS flow_rows ({FLOW_COLUMNS}
);
-- A large clean load of fixed-width codes (a BACI year) is stored in a table of its own
-- holding only the columns that vary (hitex.store.segment); ``rows_sql`` gives its records
-- as flows rows, and ``flows`` is flow_rows UNION ALL every segment's rows_sql. ``type`` is
-- the segment's table of country codes (an ENUM type in warehouses of earlier hitex).
CREATE TABLE IF NOT EXISTS segments (
    load_id INTEGER PRIMARY KEY,
    relation VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    rows_sql VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS revisions ({FLOW_COLUMNS},
    replaced_by INTEGER NOT NULL
);
-- Totals (partner WLD, product TOTAL) less the finer records of the same reporter, flow
-- and period: what the totals add that no finer record holds. Rewritten by every load
-- that touches a period holding totals.
CREATE TABLE IF NOT EXISTS unallocated ({FLOW_COLUMNS}
);
CREATE TABLE IF NOT EXISTS loads (
    id INTEGER PRIMARY KEY,
    file VARCHAR NOT NULL,
    path VARCHAR,
    sha256 VARCHAR NOT NULL,
    format VARCHAR NOT NULL,
    classification VARCHAR,
    rows_read BIGINT NOT NULL DEFAULT 0,
    rows_loaded BIGINT NOT NULL DEFAULT 0,
    rows_rejected BIGINT NOT NULL DEFAULT 0,
    rows_merged BIGINT NOT NULL DEFAULT 0,
    rows_revised BIGINT NOT NULL DEFAULT 0,
    started TIMESTAMP NOT NULL,
    finished TIMESTAMP,
    status VARCHAR NOT NULL,
    message VARCHAR,
    reconciled BOOLEAN NOT NULL DEFAULT false,
    options VARCHAR
);
CREATE TABLE IF NOT EXISTS rejects (
    load_id INTEGER NOT NULL,
    line BIGINT,
    record VARCHAR,
    reason VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS user_schemes (
    name VARCHAR PRIMARY KEY,
    file VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    yaml VARCHAR NOT NULL,
    added TIMESTAMP NOT NULL
);
-- Enterprise registries (hitex firms add): one row per enterprise, one per membership of a
-- group with its validity years (NULL: open), and each enterprise's attribute columns.
CREATE TABLE IF NOT EXISTS firms (
    firm VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    attributes VARCHAR,
    registry VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS firm_members (
    firm VARCHAR NOT NULL,
    group_name VARCHAR NOT NULL,
    year_from SMALLINT,
    year_to SMALLINT,
    registry VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS firm_registries (
    file VARCHAR PRIMARY KEY,
    sha256 VARCHAR NOT NULL,
    rows BIGINT NOT NULL,
    added TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);
"""


def flows_view(segments: list[str]) -> str:
    """The ``flows`` view: the rows table and every segment's rows, in load order."""
    # Segments (BACI years) carry no enterprises: their rows get a NULL ``firm``.
    parts = [f"SELECT {ROW_COLUMNS} FROM flow_rows"]  # noqa: S608 - fixed column names
    parts += [f"SELECT *, CAST(NULL AS VARCHAR) AS firm FROM ({s})" for s in segments]  # noqa: S608
    return "CREATE OR REPLACE VIEW flows AS\n" + "\nUNION ALL\n".join(parts)


#: The columns of ``flows`` in order (``firm`` last, as earlier warehouses have it).
ROW_COLUMNS = ", ".join((*KEY[:7], *MEASURES, "load_id", "firm"))


VIEWS = f"""
-- What indicators read as "flows". Totals (partner WLD, product TOTAL) never add to finer
-- records of the same reporter, flow and period: only what they hold beyond them
-- ("unallocated") is read. A reconciled source (BACI) gives each flow once, as the
-- exporter's export; the same record is the importer's import, at the same (FOB) value.
CREATE OR REPLACE VIEW trade AS
SELECT * FROM flows WHERE partner <> 'WLD' AND product <> 'TOTAL'
UNION ALL
SELECT {ROW_COLUMNS} FROM unallocated
UNION ALL
SELECT f.year, f.month, f.partner AS reporter, f.reporter AS partner, 'import' AS flow,
    f.classification, f.product, f.value_usd, f.quantity, f.unit, f.load_id,
    CAST(NULL AS VARCHAR) AS firm
FROM flows f
WHERE f.flow = 'export' AND f.load_id IN (SELECT id FROM loads WHERE reconciled);
"""  # noqa: S608 - fixed column names

#: Logical table -> warehouse relation that engines read for it.
RELATIONS = {"flows": "trade"}
