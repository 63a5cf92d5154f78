"""The checks every record goes through, in SQL, with a reason for each one refused.

The checks on codes (years, months, countries, flows, products) run once per *distinct*
spelling, in small lookup tables; one pass then joins them to the records. A BACI year has
ten million records but a few hundred country codes and five thousand products, so the
work per record is a handful of hash-table probes and two number casts.

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
    ("TABLE", "checked__"),
)


def check_statements(reader: Reader, raw: str, offset: int) -> list[str]:
    """SQL statements that turn ``raw`` into temp table ``checked__``.

    ``checked__`` has the standard columns (typed), ``row`` (records counted from 1 in file
    order; ``offset`` is the ``rowid`` of the first) and ``reason`` (NULL when the record
    can be loaded). Countries are looked up in the warehouse table ``country_aliases``.
    """
    return [
        _standard(reader, raw, offset),
        _year_map(),
        _month_map(),
        _country_map("reporter", reader.country_kinds),
        _country_map("partner", reader.country_kinds),
        _flow_map(),
        _product_map(),
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
            coalesce(trim({e["year"]}), '') AS year_t,
            coalesce(trim({e["month"]}), '') AS month_t,
            coalesce(trim({e["reporter"]}), '') AS reporter_t,
            coalesce(trim({e["partner"]}), '') AS partner_t,
            coalesce(lower(trim({e["flow"]})), '') AS flow_t,
            coalesce(upper(trim({e["classification"]})), '') AS classification_t,
            coalesce(replace(replace(trim({e["product"]}), '.', ''), ' ', ''), '') AS product_t,
            trim({e["value"]}) AS value_t,
            nullif(trim({e["quantity"]}), '') AS quantity_t,
            nullif(trim({e["unit"]}), '') AS unit_t,
            t.*
        FROM {raw} AS t)"""


def _year_map() -> str:
    return """CREATE TEMP TABLE year_map__ AS SELECT year_t, y AS year, CASE
        WHEN year_t = '' THEN 'empty year'
        WHEN y IS NULL OR y NOT BETWEEN 1900 AND 2100
            THEN 'year ''' || replace(year_t, '''', '') || ''' is not a year'
        END AS reason
        FROM (SELECT year_t, TRY_CAST(year_t AS SMALLINT) AS y
              FROM (SELECT DISTINCT year_t FROM std__))"""


def _month_map() -> str:
    return """CREATE TEMP TABLE month_map__ AS SELECT month_t, m AS month, CASE
        WHEN month_t <> '' AND (m IS NULL OR m NOT BETWEEN 1 AND 12)
            THEN 'month ''' || replace(month_t, '''', '') || ''' is outside 1-12'
        END AS reason
        FROM (SELECT month_t, TRY_CAST(month_t AS TINYINT) AS m
              FROM (SELECT DISTINCT month_t FROM std__))"""


def _country_map(role: str, kinds: tuple[str, ...] | None) -> str:
    where = "TRUE" if kinds is None else "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"
    subdivision = (
        "WHEN a.kind = 'subdivision' "
        "THEN 'partner ''' || k.t || ''' is a subdivision; partners are countries'"
        if role == "partner"
        else ""
    )
    return f"""CREATE TEMP TABLE {role}_map__ AS SELECT k.t AS {role}_t,
        CASE WHEN a.kind NOT IN ('aggregate', {"'subdivision'" if role == "partner" else "''"})
            THEN a.iso3 END AS iso3,
        CASE
        WHEN k.t = '' THEN 'empty {role}'
        WHEN a.kind = 'aggregate' AND '{role}' = 'partner'
            THEN 'partner ''' || k.t || ''' is an aggregate of all partners, not a country'
        WHEN a.kind = 'aggregate' THEN 'reporter ''' || k.t || ''' is an aggregate'
        WHEN a.iso3 IS NULL THEN 'unknown {role} ''' || k.t || ''''
        {subdivision}
        END AS reason
        FROM (SELECT DISTINCT {role}_t AS t FROM std__) k
        LEFT JOIN (SELECT key, iso3, kind FROM country_aliases WHERE {where}) a
            ON a.key = {KEY_SQL.format(c="k.t")}"""


def _flow_map() -> str:
    return """CREATE TEMP TABLE flow_map__ AS SELECT k.flow_t, f.flow,
        CASE WHEN f.flow IS NULL THEN 'unknown flow ''' || k.flow_t || '''' END AS reason
        FROM (SELECT DISTINCT flow_t FROM std__) k
        LEFT JOIN flow_codes f ON f.code = k.flow_t"""


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
    return f"""CREATE TEMP TABLE product_map__ AS SELECT k.classification_t, k.product_t,
        {product} AS product,
        CASE WHEN c.family IS NULL
            THEN 'unknown classification ''' || k.classification_t || '''' END AS class_reason,
        CASE WHEN ({product}) IS NULL THEN 'product ''' || k.product_t
            || ''' is not a ' || k.classification_t || ' code' END AS product_reason
        FROM (SELECT DISTINCT classification_t, product_t FROM std__) k
        LEFT JOIN classification_codes c ON c.code = k.classification_t"""


def _checked(reader: Reader) -> str:
    scale = repr(reader.value_scale)
    return f"""CREATE TEMP TABLE checked__ AS SELECT s.row, y.year, mo.month,
        rp.iso3 AS reporter, pa.iso3 AS partner, f.flow,
        s.classification_t AS classification, pm.product, s.value AS value_usd,
        s.quantity AS quantity, s.unit_t AS unit,
        coalesce(y.reason, mo.reason, rp.reason, pa.reason, f.reason, pm.class_reason,
            s.extra_reason, pm.product_reason, CASE
            WHEN s.value_t IS NULL OR s.value_t = '' THEN 'empty value'
            WHEN s.value IS NULL THEN 'value ''' || s.value_t || ''' is not a number'
            WHEN s.value < 0 THEN 'negative value ' || s.value_t
            WHEN isinf(s.value) OR isnan(s.value)
                THEN 'value ''' || s.value_t || ''' is not finite'
            WHEN s.quantity_t IS NOT NULL AND s.quantity IS NULL
                THEN 'quantity ''' || s.quantity_t || ''' is not a number'
            END) AS reason
        FROM (SELECT *, TRY_CAST(value_t AS DOUBLE) * {scale} AS value,
              TRY_CAST(quantity_t AS DOUBLE) AS quantity FROM std__) s
        LEFT JOIN year_map__ y ON y.year_t = s.year_t
        LEFT JOIN month_map__ mo ON mo.month_t = s.month_t
        LEFT JOIN reporter_map__ rp ON rp.reporter_t = s.reporter_t
        LEFT JOIN partner_map__ pa ON pa.partner_t = s.partner_t
        LEFT JOIN flow_map__ f ON f.flow_t = s.flow_t
        LEFT JOIN product_map__ pm
            ON pm.classification_t = s.classification_t AND pm.product_t = s.product_t"""
