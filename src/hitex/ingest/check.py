"""The checks every record goes through, in SQL, with a reason for each one refused.

:func:`checked_sql` is the one definition of what a record becomes and why it may be refused.
The store runs it twice at most: once straight from the file into ``flows`` (records with a
reason are counted there and taken out again), and, only when some record was refused, once
more over a numbered copy of the file, to keep each refused record with its line and raw text.
Both runs evaluate the same ``reason`` expression, so a record is always either loaded or
rejected, never neither.

The reasons, first failing check first: year, month, reporter, partner, a region trading with its
own country (a country's trade with itself is its own goods re-imported, and loads), flow,
classification, the format's own checks, product, value, quantity. Two more depend on other
records, not on the record alone: a code whose finer codes are in the same file, and a
key an earlier load holds. The store gives those (:mod:`hitex.store.load`) to records that no
check here refuses.

Countries are looked up by one hash join each against the warehouse's ``country_aliases``
(every known spelling, normalised); BACI's numeric codes join on integers.
"""

from __future__ import annotations

from dataclasses import dataclass

from hitex.ingest.base import FIELDS, Opened, Reader, Ref
from hitex.ingest.sql import ident, lit, missing_sql
from hitex.reference import ebops
from hitex.reference.countries import KEY_SQL

#: A services code as written (EB10's dots belong to the code: 10.3.1), upper case.
_EBOPS_CODE = "upper(trim(CAST(product_r AS VARCHAR)))"


@dataclass(frozen=True)
class Read:
    """Where the records come from: a relation, how raw columns are referenced, the row number."""

    relation: str
    ref: Ref
    row: str


def prepare_statements(reader: Reader) -> list[str]:
    """Temp tables the checks join: the country spellings the format accepts."""
    kinds = reader.country_kinds
    where = "TRUE" if kinds is None else f"kind IN ({', '.join(lit(k) for k in kinds)})"
    return [
        f"""CREATE OR REPLACE TEMP TABLE cmap__ AS SELECT key, iso3, kind, country
        FROM country_aliases WHERE {where} OR kind = 'aggregate'""",
        """CREATE OR REPLACE TEMP TABLE cmap_int__ AS
        SELECT CAST(key AS INTEGER) AS code, iso3, kind, country FROM cmap__
        WHERE regexp_full_match(key, '[0-9]{1,9}')""",
    ]


def standard_sql(reader: Reader, read: Read) -> str:
    """The closed SELECT: the standard fields (``*_r``) and the format's reason, nothing raw."""
    e = reader.mapped(read.ref)
    checks = reader.format_reasons(read.ref)
    fmt = "CASE " + " ".join(f"WHEN {c} THEN {r}" for c, r in checks) + " END" if checks else "NULL"
    fields = ", ".join(f"{e[f]} AS {ident(f + '_r')}" for f in FIELDS)
    return f"SELECT {read.row} AS row, {fields}, {fmt} AS format_reason FROM {read.relation}"


def _text(column: str) -> str:
    return f"coalesce(trim(CAST({column} AS VARCHAR)), '')"


def _number(column: str, opened: Opened) -> str:
    if opened.decimal_comma:
        # Files delimited by ';' write numbers with a decimal comma (1 234,5).
        text = f"replace(replace(replace(trim(CAST({column} AS VARCHAR)), ' ', ''), chr(160), ''), ',', '.')"  # noqa: E501
        return f"TRY_CAST({text} AS DOUBLE)"
    return f"TRY_CAST({column} AS DOUBLE)"


def _country_join(role: str, reader: Reader, opened: Opened) -> str:
    column = reader._column_for(role, opened.columns)
    numeric = (
        column is not None
        and opened.typed.get(column.lower(), "").upper() in ("INTEGER", "BIGINT")
        and role not in reader.source.constants
    )
    if numeric:
        return f"LEFT JOIN cmap_int__ {role[0]}c ON {role[0]}c.code = s.{role}_r"
    key = KEY_SQL.format(c=f"CAST(s.{role}_r AS VARCHAR)")
    return f"LEFT JOIN cmap__ {role[0]}c ON {role[0]}c.key = {key}"


#: True for a record that no check refuses (NULL or false: the reasons say which check does).
#: Tested first, as one conjunction, because nearly every record passes.
_LOADABLE = """(y BETWEEN 1900 AND 2100 AND (s.month_r IS NULL OR mo BETWEEN 1 AND 12)
    AND rc.kind <> 'aggregate' AND pc.kind <> 'subdivision'
    AND (rc.iso3 = rc.country OR rc.country <> pc.country)
    AND fl.flow IS NOT NULL AND s.family IS NOT NULL AND s.format_reason IS NULL
    AND product IS NOT NULL AND v >= 0 AND NOT isinf(v) AND NOT isnan(v)
    AND (q IS NOT NULL OR s.quantity_r IS NULL))"""


def checked_sql(reader: Reader, read: Read) -> str:
    """Every record of ``read`` as a flows row with ``row`` and ``reason`` (NULL: loadable)."""
    opened = reader.opened
    assert opened is not None
    scale = repr(reader.value_scale)
    raw_product = "CAST(s.product_r AS VARCHAR)"
    # Most codes are digits already; only the others are trimmed of spaces and dots (8411.81).
    product = (
        f"CASE WHEN regexp_full_match({raw_product}, '[0-9]{{1,10}}') THEN {raw_product} "
        f"ELSE replace(replace({_text('s.product_r')}, '.', ''), ' ', '') END"
    )
    family = "cl.family"
    # Spreadsheets and BACI's integer column drop a product code's leading zero (010121 is
    # written 10121): a digit string of odd length gets it back. National tariff lines of 8
    # or 10 digits begin with their HS subheading, which is what the warehouse keeps.
    normal = f"""CASE
        WHEN upper(p) = 'TOTAL' THEN 'TOTAL'
        WHEN {family} = 'hs' AND length(p) = 6 AND regexp_full_match(p, '[0-9]{{6}}') THEN p
        WHEN {family} = 'hs' AND regexp_full_match(p, '[0-9]{{1,10}}') THEN
            left(CASE WHEN length(p) % 2 = 1 THEN '0' || p ELSE p END, 6)
        WHEN {family} = 'sitc' AND regexp_full_match(p, '[0-9]{{1,5}}') THEN p
        WHEN {family} = 'ebops' THEN {ebops.product_sql(_EBOPS_CODE)}
        END"""
    reporter_t = _text("s.reporter_r")
    services_reason = ebops.reason_sql(_EBOPS_CODE.replace("product_r", "s.product_r"))
    partner_t = _text("s.partner_r")
    value_t = _text("s.value_r")
    reason = f"""CASE
        WHEN y IS NULL OR y NOT BETWEEN 1900 AND 2100 THEN CASE
            WHEN {_text("s.year_r")} = '' THEN 'empty year'
            ELSE 'year ''' || {_text("s.year_r")} || ''' is not a year' END
        WHEN s.month_r IS NOT NULL AND (mo IS NULL OR mo NOT BETWEEN 1 AND 12)
            AND {_text("s.month_r")} <> ''
            THEN 'month ''' || {_text("s.month_r")} || ''' is outside 1-12'
        WHEN rc.iso3 IS NULL OR rc.kind = 'aggregate' THEN CASE
            WHEN {reporter_t} = '' THEN 'empty reporter'
            WHEN rc.kind = 'aggregate'
                THEN 'reporter ''' || {reporter_t} || ''' is an aggregate, not a reporter'
            ELSE 'unknown reporter ''' || {reporter_t} || '''' END
        WHEN pc.iso3 IS NULL OR pc.kind = 'subdivision' THEN CASE
            WHEN {partner_t} = '' THEN 'empty partner'
            WHEN pc.kind = 'subdivision'
                THEN 'partner ''' || {partner_t} || ''' is a subdivision; partners are countries'
            ELSE 'unknown partner ''' || {partner_t} || '''' END
        WHEN rc.iso3 <> rc.country AND rc.country = pc.country
            THEN 'reporter ''' || {reporter_t} || ''' is a region of partner ''' || {partner_t}
                || ''': trade within a country is not foreign trade'
        WHEN fl.flow IS NULL THEN 'unknown flow ''' || {_text("s.flow_r")} || ''''
        WHEN s.family IS NULL THEN 'unknown classification ''' || {_text("s.classification_r")}
            || ''''
        WHEN s.format_reason IS NOT NULL THEN s.format_reason
        WHEN product IS NULL AND s.family = 'ebops' AND {services_reason} IS NOT NULL
            THEN {services_reason}
        WHEN product IS NULL
            THEN 'product ''' || {_text("s.product_r")} || ''' is not a ' || s.class_t || ' code'
        WHEN v IS NULL OR v < 0 OR isinf(v) OR isnan(v) THEN CASE
            WHEN {value_t} = '' THEN 'empty value'
            WHEN v IS NULL THEN 'value ''' || {value_t} || ''' is not a number'
            WHEN v < 0 THEN 'negative value ' || {value_t}
            ELSE 'value ''' || {value_t} || ''' is not finite' END
        WHEN q IS NULL AND s.quantity_r IS NOT NULL AND NOT {missing_sql("s.quantity_r")}
            THEN 'quantity ''' || {_text("s.quantity_r")} || ''' is not a number'
        END"""
    return f"""SELECT row, y AS year, mo AS month, reporter, partner, flow, classification,
        product, v AS value_usd, q AS quantity, unit, firm, reason FROM (
        SELECT s.row, y, mo, rc.iso3 AS reporter, pc.iso3 AS partner, fl.flow,
            s.code AS classification, product, v, q, unit, firm,
            CASE WHEN {_LOADABLE} THEN NULL ELSE {reason} END AS reason
        FROM (SELECT *, {normal} AS product FROM (
            SELECT *, TRY_CAST(year_r AS SMALLINT) AS y, TRY_CAST(month_r AS TINYINT) AS mo,
                {_number("value_r", opened)} * {scale} AS v,
                CASE WHEN NOT {missing_sql("quantity_r")}
                    THEN {_number("quantity_r", opened)} END AS q,
                nullif(trim(CAST(unit_r AS VARCHAR)), '') AS unit,
                nullif(trim(CAST(firm_r AS VARCHAR)), '') AS firm,
                upper({_text("classification_r")}) AS class_t,
                {product.replace("s.", "")} AS p
            FROM ({standard_sql(reader, read)}) s1) s2
            LEFT JOIN classification_codes cl ON cl.code = s2.class_t) s
        {_country_join("reporter", reader, opened)}
        {_country_join("partner", reader, opened)}
        LEFT JOIN flow_codes fl ON fl.code = lower({_text("s.flow_r")}))"""
