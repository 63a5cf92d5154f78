"""The checks every record goes through, in SQL, with a reason for each one refused.

:func:`checked_sql` is the one definition of what a record becomes and why it may be refused.
The store runs it straight from the file into ``flows`` (records with a reason are staged
apart), and, only when some record was refused, again over the file's records numbered as read
that may be refused ones (holding a refused field's refused value; failing that, a refused
record's raw hash: a third read), to keep each refused record with its line and raw text.
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

import pyarrow as pa
import sqlglot
from sqlglot import exp

from hitex.ingest.base import FIELDS, FormatReason, Opened, Reader, Ref
from hitex.ingest.sql import ident, lit, missing_sql
from hitex.reference import ebops
from hitex.reference.codes import CLASSIFICATIONS
from hitex.reference.countries import KEY_SQL

#: The services codes as a table the plan joins (:func:`hitex.reference.ebops.codes_table`).
SERVICES = "services_codes__"


@dataclass(frozen=True)
class Read:
    """Where the records come from: a relation, how raw columns are referenced, the row number."""

    relation: str
    ref: Ref
    row: str
    #: SQL of the raw record, passed through as ``record`` (the careful read keeps it for
    #: the refused records; the one pass needs none).
    record: str = "NULL"


def prepare_statements(reader: Reader) -> list[tuple[str, str]]:
    """Temp tables the checks join, as (name, SELECT): the country spellings the format accepts."""
    kinds = reader.country_kinds
    where = "TRUE" if kinds is None else f"kind IN ({', '.join(lit(k) for k in kinds)})"
    return [
        ("cmap__", f"""SELECT key, iso3, kind, country
        FROM country_aliases WHERE {where} OR kind = 'aggregate'"""),
        ("cmap_int__", """SELECT CAST(key AS INTEGER) AS code, iso3, kind, country FROM cmap__
        WHERE regexp_full_match(key, '[0-9]{1,9}')"""),
    ]  # fmt: skip


def lookup_tables() -> dict[str, pa.Table]:
    """Code tables the checks join, from reference data: registered once per load, any engine."""
    return {SERVICES: ebops.codes_table()}


def refusal(code: str, field: str | None, value: str, reason: str) -> str:
    """SQL of one refusal: a struct of code, field, the value found and the readable reason.

    ``code`` and ``field`` are names; ``value`` and ``reason`` are SQL.
    """
    named = lit(field) if field is not None else "CAST(NULL AS VARCHAR)"
    return (
        f"struct_pack(code := {lit(code)}, field := {named}, "
        f"value := CAST({value} AS VARCHAR), reason := CAST({reason} AS VARCHAR))"
    )


def standard_sql(reader: Reader, read: Read) -> str:
    """The closed SELECT: the standard fields (``*_r``) and the format's refusal, nothing raw."""
    e = reader.mapped(read.ref)
    checks = [
        f"WHEN {r.condition} THEN {refusal(r.code, r.field, r.value, r.reason)}"
        for r in (FormatReason.of(c) for c in reader.format_reasons(read.ref))
    ]
    fmt = "CASE " + " ".join(checks) + " END" if checks else "NULL"
    fields = ", ".join(f"{e[f]} AS {ident(f + '_r')}" for f in FIELDS)
    return (
        f"SELECT {read.row} AS row, {fields}, {fmt} AS format_refusal, "
        f"{read.record} AS record_r FROM {read.relation}"
    )


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
    AND fl.flow IS NOT NULL AND s.family IS NOT NULL AND s.format_refusal IS NULL
    AND product IS NOT NULL AND v >= 0 AND NOT isinf(v) AND NOT isnan(v)
    AND (q IS NOT NULL OR s.quantity_r IS NULL))"""


def _ebops_code(column: str) -> str:
    """A services code as written (EB10's dots belong to the code: 10.3.1), upper case."""
    return f"upper(trim(CAST({column} AS VARCHAR)))"


def _product_text(column: str) -> str:
    """The product code of raw ``column`` as text: digits as they are, others trimmed.

    Most codes are digits already; only the others lose their spaces and dots (8411.81).
    """
    raw = f"CAST({column} AS VARCHAR)"
    return (
        f"CASE WHEN regexp_full_match({raw}, '[0-9]{{1,10}}') THEN {raw} "
        f"ELSE replace(replace({_text(column)}, '.', ''), ' ', '') END"
    )


def _services(reader: Reader, read: Read) -> tuple[str, str]:
    """The services codes (:data:`SERVICES`) joined on the product of services records.

    Returns the join and, for a file with no services record, the columns in its place: a
    file whose classification is one code of goods (BACI's HS edition, ``--classification
    HS17`` without a column) joins nothing.
    """
    given = sqlglot.parse_one(reader.mapped(read.ref)["classification"], read="duckdb")
    if isinstance(given, exp.Literal) and CLASSIFICATIONS.get(given.name.upper()) != "ebops":
        none = "CAST(NULL AS VARCHAR)"
        return "", f", {none} AS services_product, {none} AS services_reason"
    key = _ebops_code("s2.product_r")
    join = f"""LEFT JOIN {SERVICES} sv
            ON sv.services_code = CASE WHEN cl.family = 'ebops' THEN {key} END"""
    return join, ""


def _rules() -> list[tuple[str, str, str | None, str, str]]:
    """(condition, code, field, value, reason) of every check, first that holds refuses."""
    t = {f: _text(f"s.{f}_r") for f in FIELDS}
    quoted = {f: f"'{f} ''' || {t[f]} || ''''" for f in FIELDS}
    bad_year = "(y IS NULL OR y NOT BETWEEN 1900 AND 2100)"
    no_reporter = "(rc.iso3 IS NULL OR rc.kind = 'aggregate')"
    no_partner = "(pc.iso3 IS NULL OR pc.kind = 'subdivision')"
    bad_value = "(v IS NULL OR v < 0 OR isinf(v) OR isnan(v))"
    return [
        (f"{bad_year} AND {t['year']} = ''", "empty", "year", t["year"], "'empty year'"),
        (bad_year, "not_a_year", "year", t["year"], f"{quoted['year']} || ' is not a year'"),
        (f"s.month_r IS NOT NULL AND (mo IS NULL OR mo NOT BETWEEN 1 AND 12) "
         f"AND {t['month']} <> ''", "not_a_month", "month", t["month"],
         f"{quoted['month']} || ' is outside 1-12'"),
        (f"{no_reporter} AND {t['reporter']} = ''", "empty", "reporter", t["reporter"],
         "'empty reporter'"),
        (f"{no_reporter} AND rc.kind = 'aggregate'", "aggregate", "reporter", t["reporter"],
         f"{quoted['reporter']} || ' is an aggregate, not a reporter'"),
        (no_reporter, "unknown_country", "reporter", t["reporter"],
         f"'unknown ' || {quoted['reporter']}"),
        (f"{no_partner} AND {t['partner']} = ''", "empty", "partner", t["partner"],
         "'empty partner'"),
        (f"{no_partner} AND pc.kind = 'subdivision'", "subdivision", "partner", t["partner"],
         f"{quoted['partner']} || ' is a subdivision; partners are countries'"),
        (no_partner, "unknown_country", "partner", t["partner"],
         f"'unknown ' || {quoted['partner']}"),
        ("rc.iso3 <> rc.country AND rc.country = pc.country", "domestic", "partner",
         t["partner"], f"{quoted['reporter']} || ' is a region of ' || {quoted['partner']} "
         "|| ': trade within a country is not foreign trade'"),
        ("fl.flow IS NULL", "unknown_flow", "flow", t["flow"], f"'unknown ' || {quoted['flow']}"),
        ("s.family IS NULL", "unknown_classification", "classification", t["classification"],
         f"'unknown ' || {quoted['classification']}"),
        ("product IS NULL AND s.family = 'ebops' AND s.services_reason IS NOT NULL",
         "services_item", "product", t["product"], "s.services_reason"),
        ("product IS NULL", "not_a_code", "product", t["product"],
         f"{quoted['product']} || ' is not a ' || s.class_t || ' code'"),
        (f"{bad_value} AND {t['value']} = ''", "empty", "value_usd", t["value"],
         "'empty value'"),
        ("v IS NULL", "not_a_number", "value_usd", t["value"],
         f"{quoted['value']} || ' is not a number'"),
        ("v < 0", "negative", "value_usd", t["value"], f"'negative value ' || {t['value']}"),
        (bad_value, "not_finite", "value_usd", t["value"],
         f"{quoted['value']} || ' is not finite'"),
        (f"q IS NULL AND s.quantity_r IS NOT NULL AND NOT {missing_sql('s.quantity_r')}",
         "not_a_number", "quantity", t["quantity"], f"{quoted['quantity']} || ' is not a number'"),
    ]  # fmt: skip


def checked_sql(reader: Reader, read: Read) -> str:
    """Every record of ``read`` as a flows row with ``row`` and its refusal (NULL: loadable).

    The refusal is ``reason`` (the sentence), ``code``, ``field`` and ``value``.
    """
    opened = reader.opened
    assert opened is not None
    scale = repr(reader.value_scale)
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
        WHEN {family} = 'ebops' THEN services_product
        END"""
    # The format's own refusal (Comtrade's aggregates) comes after the classification's.
    rules = _rules()
    at = next(i for i, r in enumerate(rules) if r[1] == "services_item")
    cases = [f"WHEN {c} THEN {refusal(code, f, v, r)}" for c, code, f, v, r in rules]
    cases.insert(at, "WHEN s.format_refusal IS NOT NULL THEN s.format_refusal")
    refused = "CASE " + " ".join(cases) + " END"
    services_join, services_columns = _services(reader, read)
    return f"""SELECT row, y AS year, mo AS month, reporter, partner, flow, classification,
        product, v AS value_usd, q AS quantity, unit, firm, refusal.reason AS reason,
        refusal.code AS code, refusal.field AS field, refusal.value AS value, record FROM (
        SELECT s.row, y, mo, rc.iso3 AS reporter, pc.iso3 AS partner, fl.flow,
            s.code AS classification, product, v, q, unit, firm, s.record_r AS record,
            CASE WHEN {_LOADABLE} THEN NULL ELSE {refused} END AS refusal
        FROM (SELECT *, {normal} AS product FROM (
            SELECT *, TRY_CAST(year_r AS SMALLINT) AS y, TRY_CAST(month_r AS TINYINT) AS mo,
                {_number("value_r", opened)} * {scale} AS v,
                CASE WHEN NOT {missing_sql("quantity_r")}
                    THEN {_number("quantity_r", opened)} END AS q,
                nullif(trim(CAST(unit_r AS VARCHAR)), '') AS unit,
                nullif(trim(CAST(firm_r AS VARCHAR)), '') AS firm,
                upper({_text("classification_r")}) AS class_t,
                {_product_text("product_r")} AS p{services_columns}
            FROM ({standard_sql(reader, read)}) s1) s2
            LEFT JOIN classification_codes cl ON cl.code = s2.class_t
            {services_join}) s
        {_country_join("reporter", reader, opened)}
        {_country_join("partner", reader, opened)}
        LEFT JOIN flow_codes fl ON fl.code = lower({_text("s.flow_r")}))"""
