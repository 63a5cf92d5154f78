"""The warehouse tables (see DESIGN.md, "Data model")."""

from __future__ import annotations

#: Columns that identify a flow; records with the same key are one flow. ``firm`` (the
#: declarant: exporter of exports, importer of imports) is NULL in files without it; where a
#: file gives it, records of different enterprises are different flows, never summed.
KEY = ("year", "month", "reporter", "partner", "flow", "classification", "product", "firm")

#: The flows columns and their types, in order (DESIGN.md, "Data model"). Every list of
#: columns the store writes or reads is derived from this one. ``firm`` comes last, as
#: earlier warehouses have it added (their record files without it read as NULL firm).
FLOW_TYPES: dict[str, str] = {
    "year": "SMALLINT",
    "month": "TINYINT",
    "reporter": "VARCHAR",
    "partner": "VARCHAR",
    "flow": "VARCHAR",
    "classification": "VARCHAR",
    "product": "VARCHAR",
    "value_usd": "DOUBLE",
    "quantity": "DOUBLE",
    "unit": "VARCHAR",
    "load_id": "INTEGER",
    "firm": "VARCHAR",
}

#: The Hive partition columns of the record files (hitex.store.layout): in the path, not in
#: the files.
PARTITIONS = ("classification", "year")


def columns() -> tuple[str, ...]:
    """The flows columns in order."""
    return tuple(FLOW_TYPES)


def flow_types() -> dict[str, str]:
    """Column -> DuckDB type of ``flows``."""
    return dict(FLOW_TYPES)


# Values are checked before they reach the records (ingest/check.py, with a reason for each
# refused record); the columns are nullable, as in the Parquet files.
FLOW_COLUMNS = ",".join(f"\n    {c} {t}" for c, t in FLOW_TYPES.items())

DDL = f"""
-- The records live as Parquet files under the data root (hitex.store.layout); this is
-- the list of them. A file is live from the commit that added it (added_by) until the
-- commit that replaced it (removed_by); ``flows`` is the view of the live files.
CREATE TABLE IF NOT EXISTS record_files (
    path VARCHAR PRIMARY KEY,
    load_id INTEGER NOT NULL,
    classification VARCHAR NOT NULL,
    year SMALLINT NOT NULL,
    records BIGINT NOT NULL,
    value_usd DOUBLE NOT NULL,
    added_by INTEGER NOT NULL,
    removed_by INTEGER
);
CREATE TABLE IF NOT EXISTS commits (
    id INTEGER PRIMARY KEY,
    load_id INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    written TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS revisions ({FLOW_COLUMNS},
    replaced_by INTEGER NOT NULL
);
-- Totals (partner WLD, product TOTAL) less the finer records of the same reporter, flow
-- and period: what the totals add that no finer record holds. Rewritten by every load
-- that touches a period holding totals.
CREATE TABLE IF NOT EXISTS unallocated ({FLOW_COLUMNS}
);
-- ``message`` is the load's English sentence; ``facts`` (JSON) holds what it says, the time
-- and counts of a removal, from which each language words it (NULL before hitex kept them).
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
    options VARCHAR,
    facts VARCHAR
);
-- ``code`` says which check refused the record (unknown_reporter, duplicate, ...), ``field``
-- the field it looked at and ``value`` the value it found; ``reason`` is the sentence.
CREATE TABLE IF NOT EXISTS rejects (
    load_id INTEGER NOT NULL,
    line BIGINT,
    record VARCHAR,
    reason VARCHAR NOT NULL,
    code VARCHAR,
    field VARCHAR,
    value VARCHAR
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


#: The columns of ``flows`` in order (``firm`` last, as earlier warehouses have it).
ROW_COLUMNS = ", ".join(FLOW_TYPES)


VIEWS = f"""
-- What indicators read as "flows". Totals (partner WLD, product TOTAL) never add to finer
-- records of the same reporter, flow and period: only what they hold beyond them
-- ("unallocated") is read. A reconciled source (BACI) gives each flow once, as the
-- exporter's export; the same record is the importer's import, at the same (FOB) value.
CREATE OR REPLACE VIEW trade AS
SELECT {ROW_COLUMNS} FROM flows WHERE partner <> 'WLD' AND product <> 'TOTAL'
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

#: Tables other engines read from :meth:`hitex.store.Warehouse.spark_files`: the records
#: (``flows``, ``unallocated``), the loads they came from, and the reference tables. Each
#: engine builds ``trade`` from them as :data:`VIEWS` does.
ENGINE_TABLES = ("flows", "unallocated", "loads", "countries", "country_names", "products",
                 "product_groups", "country_groups", "firms", "firm_members")  # fmt: skip
