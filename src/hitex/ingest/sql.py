"""The one way identifiers and values from outside reach SQL: quoted by sqlglot.

A file's column names, a user's ``--column`` and ``--set`` values and ``--classification`` are
data, never SQL text. Everything the load path writes into a statement passes through
:func:`ident` (identifiers) or :func:`lit` (string literals).
"""

from __future__ import annotations

from sqlglot import exp


def ident(name: str) -> str:
    """Quote ``name`` as a DuckDB identifier.

    Examples
    --------
    >>> ident('note"x')
    '"note""x"'
    """
    return exp.to_identifier(name, quoted=True).sql("duckdb")


def lit(value: object) -> str:
    """Quote ``value`` (as text) as a DuckDB string literal.

    Examples
    --------
    >>> lit("HS17'||(SELECT 1)||'")
    "'HS17''||(SELECT 1)||'''"
    """
    return exp.Literal.string(str(value)).sql("duckdb")


def field(struct: str, name: str) -> str:
    """Reference field ``name`` of the struct column ``struct`` (both quoted).

    Examples
    --------
    >>> print(field("rec", "value"))
    struct_extract("rec", 'value')
    """
    return f"struct_extract({ident(struct)}, {lit(name)})"


#: How files write a number that is missing (upper case, trimmed): the one list the checks,
#: the quantity and its unit all go by.
MISSING_NUMBER = ("", "NA", "N/A", "NAN")


def missing_sql(column: str) -> str:
    """SQL: whether ``column`` holds a missing number as files write one (empty, ``NA``...).

    A value that reads as a number (not NaN) is none of the spellings: tested first, as
    nearly every value is one, it spares the text functions for every record.
    """
    spellings = ", ".join(lit(m) for m in MISSING_NUMBER)
    number = f"TRY_CAST({column} AS DOUBLE)"
    return (
        f"(({number} IS NULL OR isnan({number})) "
        f"AND upper(coalesce(trim(CAST({column} AS VARCHAR)), '')) IN ({spellings}))"
    )
