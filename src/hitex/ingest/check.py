"""The checks every record goes through, in SQL, with a reason for each one refused.

The checks on codes (years, months, countries, flows, products) run once per *distinct*
spelling, in small lookup tables; one pass then joins them to the records. A BACI year has
ten million records but a few hundred country codes and five thousand products, so the
work per record is a handful of hash-table probes and two number casts. Trimming, casing
and code normalisation happen in the lookups, never per record.

The first failing check gives the reason, in this order: year, month, reporter, partner,
flow, classification, the format's own checks, product, value, quantity.
"""

from __future__ import annotations

from hitex.ingest.base import Reader
from hitex.reference.countries import KEY_SQL

#: Temp tables and views a check creates (dropped after each load).
TEMPS = (
    ("VIEW", "std__"),
    ("TABLE", "year_map__"),
    ("TABLE", "month_map__"),
    ("TABLE", "reporter_map__"),
    ("TABLE", "partner_map__"),
    ("TABLE", "flow_map__"),
    ("TABLE", "product_map__"),
    ("VIEW", "checked__"),
    ("TABLE", "dups__"),
)


def check_statements(reader: Reader, raw: str, offset: int) -> list[str]:
    """SQL statements that define the view ``checked__`` over ``raw``.

    ``checked__`` has the standard columns (typed), ``row`` (records counted from 1 in file
    order; ``offset`` is the ``rowid`` of the first) and ``reason`` (NULL when the record
    can be loaded). Countries are looked up in the warehouse table ``country_aliases``.
    Temp table ``dups__`` (``row, reason``) starts empty; the store fills it with the
    records whose key an earlier load holds. ``checked__`` is a view, not a table: the
    store reads it once to insert the flows, and once more only if a record has a reason.
    """
    return [
        _standard(reader, raw, offset),
        _year_map(),
        _month_map(),
        _country_map("reporter", reader.country_kinds),
        _country_map("partner", reader.country_kinds),
        _flow_map(),
        _product_map(),
        "CREATE TEMP TABLE dups__ (row BIGINT, reason VARCHAR)",
        _checked(reader),
    ]


def _standard(reader: Reader, raw: str, offset: int) -> str:
    e = reader.expressions()
    extra = reader.extra_reasons()
    extra_sql = (
        "CASE " + " ".join(f"WHEN {c} THEN {r}" for c, r in extra) + " END" if extra else "NULL"
    )
    return f"""CREATE TEMP VIEW std__ AS SELECT *, {extra_sql} AS extra_reason FROM (
        SELECT CAST(t.rowid - {offset} + 1 AS BIGINT) AS row,
            {e["year"]} AS year_r, {e["month"]} AS month_r,
            {e["reporter"]} AS reporter_r, {e["partner"]} AS partner_r,
            {e["flow"]} AS flow_r, {e["classification"]} AS classification_r,
            {e["product"]} AS product_r, {e["value"]} AS value_r,
            -- BACI writes a missing quantity as NA (padded with spaces).
            CASE WHEN upper(trim(CAST({e["quantity"]} AS VARCHAR))) NOT IN ('', 'NA', 'N/A', 'NAN')
                THEN trim(CAST({e["quantity"]} AS VARCHAR)) END AS quantity_t,
            nullif(trim({e["unit"]}), '') AS unit_t,
            t.*
        FROM {raw} AS t)"""


def _distinct(column: str, text: str) -> str:
    """Distinct raw values of ``column`` beside their cleaned text (``t``)."""
    return f"(SELECT r, {text.format(c='r')} AS t FROM (SELECT DISTINCT {column} AS r FROM std__))"


def _year_map() -> str:
    return f"""CREATE TEMP TABLE year_map__ AS SELECT r AS year_r, y AS year, CASE
        WHEN t = '' THEN 'empty year'
        WHEN y IS NULL OR y NOT BETWEEN 1900 AND 2100
            THEN 'year ''' || replace(t, '''', '') || ''' is not a year'
        END AS reason
        FROM (SELECT *, TRY_CAST(t AS SMALLINT) AS y
              FROM {_distinct("year_r", "coalesce(trim(CAST({c} AS VARCHAR)), '')")})"""


def _month_map() -> str:
    return f"""CREATE TEMP TABLE month_map__ AS SELECT r AS month_r, m AS month, CASE
        WHEN t <> '' AND (m IS NULL OR m NOT BETWEEN 1 AND 12)
            THEN 'month ''' || replace(t, '''', '') || ''' is outside 1-12'
        END AS reason
        FROM (SELECT *, TRY_CAST(t AS TINYINT) AS m
              FROM {_distinct("month_r", "coalesce(trim(CAST({c} AS VARCHAR)), '')")})"""


def _country_map(role: str, kinds: tuple[str, ...] | None) -> str:
    where = "TRUE" if kinds is None else "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"
    refused = "('aggregate', 'subdivision')" if role == "partner" else "('aggregate')"
    subdivision = (
        "WHEN a.kind = 'subdivision' "
        "THEN 'partner ''' || k.t || ''' is a subdivision; partners are countries'"
        if role == "partner"
        else ""
    )
    aggregate = (
        "'partner ''' || k.t || ''' is an aggregate of all partners, not a country'"
        if role == "partner"
        else "'reporter ''' || k.t || ''' is an aggregate'"
    )
    return f"""CREATE TEMP TABLE {role}_map__ AS SELECT k.r AS {role}_r,
        CASE WHEN a.kind NOT IN {refused} THEN a.iso3 END AS iso3,
        CASE
        WHEN k.t = '' THEN 'empty {role}'
        WHEN a.kind = 'aggregate' THEN {aggregate}
        WHEN a.iso3 IS NULL THEN 'unknown {role} ''' || k.t || ''''
        {subdivision}
        END AS reason
        FROM {_distinct(f"{role}_r", "coalesce(trim(CAST({c} AS VARCHAR)), '')")} k
        LEFT JOIN (SELECT key, iso3, kind FROM country_aliases WHERE {where}) a
            ON a.key = {KEY_SQL.format(c="k.t")}"""


def _flow_map() -> str:
    return f"""CREATE TEMP TABLE flow_map__ AS SELECT k.r AS flow_r, f.flow,
        CASE WHEN f.flow IS NULL THEN 'unknown flow ''' || k.t || '''' END AS reason
        FROM {_distinct("flow_r", "coalesce(lower(trim(CAST({c} AS VARCHAR))), '')")} k
        LEFT JOIN flow_codes f ON f.code = k.t"""


def _product_map() -> str:
    # Spreadsheets and BACI's integer column drop a product code's leading zero (010121 is
    # written 10121): a digit string of odd length gets it back. National tariff lines of 8
    # or 10 digits begin with their HS subheading, which is what the warehouse keeps.
    product = """CASE
        WHEN c.family = 'hs' AND regexp_full_match(k.product_t, '[0-9]{1,10}') THEN
            left(CASE WHEN length(k.product_t) % 2 = 1 THEN '0' || k.product_t
                 ELSE k.product_t END, 6)
        WHEN c.family = 'sitc' AND regexp_full_match(k.product_t, '[0-9]{1,5}') THEN k.product_t
        WHEN c.family = 'ebops' AND regexp_full_match(upper(k.product_t), 'S[A-L]?[0-9]{0,3}')
            THEN upper(k.product_t)
        END"""
    return f"""CREATE TEMP TABLE product_map__ AS SELECT k.classification_r, k.product_r,
        k.classification_t AS classification, {product} AS product,
        CASE WHEN c.family IS NULL
            THEN 'unknown classification ''' || k.classification_t || '''' END AS class_reason,
        CASE WHEN ({product}) IS NULL THEN 'product ''' || k.product_t
            || ''' is not a ' || k.classification_t || ' code' END AS product_reason
        FROM (SELECT classification_r, product_r,
                coalesce(upper(trim(CAST(classification_r AS VARCHAR))), '')
                    AS classification_t,
                coalesce(replace(replace(trim(CAST(product_r AS VARCHAR)), '.', ''), ' ', ''),
                    '') AS product_t
              FROM (SELECT DISTINCT classification_r, product_r FROM std__)) k
        LEFT JOIN classification_codes c ON c.code = k.classification_t"""


def _checked(reader: Reader) -> str:
    scale = repr(reader.value_scale)
    return f"""CREATE TEMP VIEW checked__ AS SELECT s.row, y.year, mo.month,
        rp.iso3 AS reporter, pa.iso3 AS partner, f.flow,
        pm.classification, pm.product, s.value AS value_usd,
        s.quantity AS quantity, s.unit_t AS unit,
        coalesce(y.reason, mo.reason, rp.reason, pa.reason, f.reason, pm.class_reason,
            s.extra_reason, pm.product_reason, CASE
            WHEN s.value IS NULL AND coalesce(trim(CAST(s.value_r AS VARCHAR)), '') = ''
                THEN 'empty value'
            WHEN s.value IS NULL
                THEN 'value ''' || trim(CAST(s.value_r AS VARCHAR)) || ''' is not a number'
            WHEN s.value < 0 THEN 'negative value ' || trim(CAST(s.value_r AS VARCHAR))
            WHEN isinf(s.value) OR isnan(s.value)
                THEN 'value ''' || trim(CAST(s.value_r AS VARCHAR)) || ''' is not finite'
            WHEN s.quantity_t IS NOT NULL AND s.quantity IS NULL
                THEN 'quantity ''' || s.quantity_t || ''' is not a number'
            END, d.reason) AS reason
        FROM (SELECT *, TRY_CAST(value_r AS DOUBLE) * {scale} AS value,
              TRY_CAST(quantity_t AS DOUBLE) AS quantity FROM std__) s
        LEFT JOIN year_map__ y ON y.year_r IS NOT DISTINCT FROM s.year_r
        LEFT JOIN month_map__ mo ON mo.month_r IS NOT DISTINCT FROM s.month_r
        LEFT JOIN reporter_map__ rp ON rp.reporter_r IS NOT DISTINCT FROM s.reporter_r
        LEFT JOIN partner_map__ pa ON pa.partner_r IS NOT DISTINCT FROM s.partner_r
        LEFT JOIN flow_map__ f ON f.flow_r IS NOT DISTINCT FROM s.flow_r
        LEFT JOIN product_map__ pm
            ON pm.classification_r IS NOT DISTINCT FROM s.classification_r
            AND pm.product_r IS NOT DISTINCT FROM s.product_r
        LEFT JOIN dups__ d ON d.row = s.row"""


#: Lookups whose reasons refuse records (``reason`` columns; products have two).
MAPS = {
    "year_map__": ("reason",),
    "month_map__": ("reason",),
    "reporter_map__": ("reason",),
    "partner_map__": ("reason",),
    "flow_map__": ("reason",),
    "product_map__": ("class_reason", "product_reason"),
}


def record_problems_sql(reader: Reader) -> str:
    """Count records refused by a check no lookup makes: values, quantities, format checks."""
    scale = repr(reader.value_scale)
    return f"""SELECT count(*) FROM (SELECT TRY_CAST(value_r AS DOUBLE) * {scale} AS v,
        quantity_t, extra_reason FROM std__)
        WHERE v IS NULL OR v < 0 OR isinf(v) OR isnan(v) OR extra_reason IS NOT NULL
        OR (quantity_t IS NOT NULL AND TRY_CAST(quantity_t AS DOUBLE) IS NULL)"""
