"""The commonest questions answered from the rollups by SQL written for their columns.

A report asks the same few shapes again and again: one reporter's exports, imports or balance
by partner, by product or by a built-in scheme's groups, for a year against a compare year,
and the series by year. Compiled from the records' Ibis expressions, each is 12-20 nested
selects that DuckDB takes 7-14 ms of CPU to plan and run on a few thousand rollup rows
(``bench/RESULTS.md``, report-floor). Here each is one statement of four flat steps (pick
the rows, sum them, take the totals, name the rows), its values bound as parameters.

The figures are the same expressions in the same order as the compiled SQL's (sums with
``FILTER``, the shares and the HHI over the same window sums), so a frame from here is the
frame :meth:`hitex.Session.table` and :meth:`hitex.Session.series` made before, to the bit:
``tests/test_shortcuts.py`` compares the two for random questions. What :func:`plan` does not
recognise (months, a partner group, a product group, a classification, enterprises, other
indicators, other dimensions) goes the Ibis way, as does every question on another engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import ibis

from hitex.indicators import registry
from hitex.indicators.selection import DIMENSIONS as BY_NAMES
from hitex.indicators.selection import (
    NOT_SPECIFIED_CODES,
    UNMAPPED,
    UNMAPPED_NAME,
    UNSPECIFIED,
    UNSPECIFIED_NAME,
    Query,
)
from hitex.indicators.table import SELF_PARTNER, column_order
from hitex.store import rollups
from hitex.store.rollups import SCHEME_COLUMNS

#: Indicators answered here, by name -> their column.
INDICATORS = {"value": "value_usd", "base_value": "base_value_usd", "growth": "growth_pct",
              "share": "share_pct", "change": "change_usd", "hhi": "hhi"}  # fmt: skip

#: Each output column: its SQL over the summed rows (``s``) and their names, and its type.
COLUMNS: dict[str, tuple[str, str]] = {
    "year": ("s.year", "int16"),
    "partner": ("s.partner", "string"),
    "partner_name": (
        "CASE WHEN s.partner = $reporter THEN coalesce(n.name_en, s.partner) || $own "
        "ELSE n.name_en END",
        "string",
    ),
    "product": ("s.product", "string"),
    "product_name": ("n.description", "string"),
    "classification": ("s.classification", "string"),
    "group": ('s."group"', "string"),
    "group_name": (
        'CASE WHEN s."group" = $unspecified THEN $unspecified_name '
        'ELSE CASE WHEN s."group" = $unmapped THEN $unmapped_name ELSE n.group_name END END',
        "string",
    ),
    "value_usd": ("s.value_usd", "float64"),
    "base_value_usd": ("s.base_value_usd", "float64"),
    "growth_pct": (
        "CASE WHEN s.base_value_usd > 0 "
        "THEN ((s.value_usd - s.base_value_usd) / s.base_value_usd) * 100.0 END",
        "float64",
    ),
    "share_pct": ("CASE WHEN s.total__ <> 0 THEN (s.value_usd / s.total__) * 100.0 END", "float64"),
    "change_usd": ("s.value_usd - s.base_value_usd", "float64"),
    "hhi": ("CASE WHEN s.total__ > 0 THEN s.squares__ END", "float64"),
    "classifications": ("s.classifications", "array<string>"),
}


@dataclass(frozen=True)
class Dimension:
    """A ``by`` the shortcut knows: its keys, how a rollup row gives them, and its names."""

    rollup: str
    #: Key column -> its SQL over a rollup row ``r`` (and the scheme's groups ``g``).
    keys: dict[str, str]
    #: The join that brings the row's name (as ``n``), after the sums.
    names: str = ""
    #: The rollup's columns the keys read.
    reads: tuple[str, ...] = ()


_GROUP_KEY = (
    "coalesce(g.group_code, CASE WHEN starts_with(r.classification, 'HS') "
    "AND list_contains($not_specified, r.product) THEN $unspecified ELSE $unmapped END)"
)

DIMENSIONS: dict[tuple[str, ...], Dimension] = {
    (): Dimension("partners", {}),
    ("partner",): Dimension(
        "partners",
        {"partner": "r.partner"},
        "LEFT JOIN country_names n ON s.partner = n.code",
        ("partner",),
    ),
    ("product",): Dimension(
        "products",
        {"product": "r.product", "classification": "r.classification"},
        "LEFT JOIN products n ON s.classification = n.classification AND s.product = n.product",
        ("product",),
    ),
    ("group",): Dimension(
        "products",
        {"group": _GROUP_KEY},
        'LEFT JOIN rollup_groups n ON n.scheme = $scheme AND s."group" = n.group_code',
        ("product",),
    ),
}

#: How a row's value counts: a balance is exports minus imports.
_VALUE = {
    "balance": "r.value_usd * CASE WHEN r.flow = 'import' THEN -1.0 ELSE 1.0 END",
    "other": "r.value_usd",
}


@dataclass(frozen=True)
class Shortcut:
    """One question's statement, its parameters and the types of its columns."""

    sql: str
    params: dict[str, object]
    schema: Any


def plan(
    q: Query,
    *,
    route: str | None,
    files: Sequence[str],
    indicators: Iterable[str] | None,
    year: int | None = None,
    compare: int | None = None,
    top: int | None = None,
    series: bool = False,
) -> Shortcut | None:
    """The statement that answers ``q`` from the rollup ``route``, or None: the Ibis way.

    ``files`` are the rollup's live files (what its view reads, with the ``unallocated`` rows).

    ``year`` and ``compare`` are a table's; ``series=True`` asks for one row per year of
    ``q.years``, each against the year before (the series' ``q`` has not been widened yet).
    """
    columns = _indicator_columns(indicators, base=series or compare is not None)
    dimension = DIMENSIONS.get(q.by)
    if columns is None or dimension is None or not _plain(q) or route != dimension.rollup:
        return None
    if not files:
        return None
    if series and q.by:
        return None  # a series by a dimension is made dense by year: the Ibis way
    if not series and (year is None or year == compare):
        return None
    scheme = SCHEME_COLUMNS.get(q.groups or "")
    if ("group" in q.by) != (scheme is not None) or (q.groups is not None and scheme is None):
        return None
    keys = ["year"] if series else list(dimension.keys)
    named = [n for d in q.by if (n := BY_NAMES[d]) is not None]
    answer = [*keys, *columns, "classifications", *named]
    # The contract's columns first, the others after, as the Session orders an Ibis answer.
    order = ["year", *column_order((), True)] if series else column_order(q.by, compare is not None)
    head = [c for c in order if c in answer]
    out = head + [c for c in answer if c not in head]
    sql = _statement(q, dimension, out, series=series, compare=compare, top=top, scheme=scheme)
    params = _params(q, sql, year=year, compare=compare, top=top, series=series)
    params["files"] = list(files)
    return Shortcut(sql, params, ibis.schema({c: COLUMNS[c][1] for c in out}))


def _plain(q: Query) -> bool:
    """Whether ``q`` selects one reporter's flow and years only (no other filter)."""
    return (q.partner_group is None and q.group is None and q.months is None
            and q.classification is None and q.firm_group is None and not q.extra)  # fmt: skip


def _indicator_columns(indicators: Iterable[str] | None, *, base: bool) -> list[str] | None:
    """The columns of the indicators asked for, in the registry's order; None: not here."""
    wanted = set(registry.DEFAULT_WITH_BASE if base else registry.DEFAULT)
    for name in indicators or ():
        wanted.add(name.strip().lower().replace("-", "_"))
    if not wanted <= set(INDICATORS):
        return None  # other indicators, or names the registry refuses with its own words
    if not base and wanted & {"base_value", "growth", "change"}:
        return None  # the registry says these need a base year
    return [INDICATORS[i.name] for i in registry.INDICATORS if i.name in wanted]


def _statement(
    q: Query,
    dimension: Dimension,
    out: list[str],
    *,
    series: bool,
    compare: int | None,
    top: int | None,
    scheme: str | None,
) -> str:
    """The SQL of the question: fixed fragments chosen by its shape, never its values."""
    keys = ["year"] if series else list(dimension.keys)
    picked = (
        ["r.year AS year"] if series else [f'{sql} AS "{k}"' for k, sql in dimension.keys.items()]
    )
    groups = (
        f"LEFT JOIN rollup_groups g ON g.scheme = $scheme AND g.id = r.{scheme}" if scheme else ""
    )
    value = _VALUE["balance" if q.flow == "balance" else "other"]
    # The rows of the rollup's view (its files, then the unallocated rows), the columns
    # needed only.
    read = ", ".join(["year", "reporter", "flow", "classification", *dimension.reads,
                      *([scheme] if scheme else []), "value_usd"])  # fmt: skip
    unallocated = rollups.unallocated_sql(dimension.rollup, numbered=scheme is not None)
    source = f"""SELECT {read} FROM read_parquet($files, hive_partitioning = false)
        UNION ALL SELECT {read} FROM ({unallocated})"""  # noqa: S608 - fixed fragments
    rows = f"""SELECT {
        ", ".join(
            [
                *picked,
                f"{value} AS value",
                "r.year AS year__",
                "r.classification AS classification__",
            ]
        )
    } FROM ({source}) r {groups}
        WHERE r.reporter = $reporter AND list_contains($flows, r.flow)
        AND list_contains($years, r.year)"""  # noqa: S608 - fixed fragments
    quoted = ", ".join(f'"{k}"' for k in keys)
    if series:
        sums = "coalesce(sum(value), 0.0) AS value_usd"
    else:
        sums = "coalesce(sum(value) FILTER (WHERE year__ = $year), 0.0) AS value_usd"
        if compare is not None:
            sums += ", coalesce(sum(value) FILTER (WHERE year__ = $compare), 0.0) AS base_value_usd"
    # The classifications of a row, each once (the Session sorts them; no DISTINCT aggregate,
    # which DuckDB plans as a join of its own).
    summed = f"""SELECT {quoted + ", " if quoted else ""}{sums},
        list_distinct(list(classification__)) AS classifications
        FROM picked {"GROUP BY " + quoted if quoted else ""}"""  # noqa: S608
    if series:
        # Each year of the span against the year before (0 where it has no rows).
        summed = f"""SELECT s.year, s.value_usd, s.classifications,
            coalesce(p.value_usd, 0.0) AS base_value_usd FROM ({summed}) s
            LEFT JOIN ({summed}) p ON s.year = p.year + 1 WHERE list_contains($span, s.year)"""  # noqa: S608
    window = "(PARTITION BY year)" if series else "()"
    totals = f"SELECT *, sum(value_usd) OVER {window} AS total__ FROM ({summed})"  # noqa: S608
    if "hhi" in out:
        totals = f"""SELECT *, sum(pct__ * pct__) OVER {window} AS squares__ FROM (
            SELECT *, (value_usd / total__) * 100.0 AS pct__ FROM ({totals}))"""  # noqa: S608
    selected = ", ".join(f'{COLUMNS[c][0]} AS "{c}"' for c in out)
    order = "s.year ASC, s.value_usd DESC" if series else ", ".join(
        ["s.value_usd DESC", *(f's."{k}" ASC' for k in keys)]
    )  # fmt: skip
    if top is not None:
        # The first rows only are named (the names' tables hold one row per code).
        totals = f"SELECT * FROM ({totals}) s ORDER BY {order} LIMIT $top"  # noqa: S608
    return f"""WITH picked AS ({rows}) SELECT {selected} FROM ({totals}) s {dimension.names}
        ORDER BY {order}"""  # noqa: S608 - fixed fragments; values are parameters


def _params(
    q: Query, sql: str, *, year: int | None, compare: int | None, top: int | None, series: bool
) -> dict[str, object]:
    """The values of the statement's parameters (those it names)."""
    span = sorted(set(q.years))
    years = [span[0] - 1, *span] if series else [y for y in (year, compare) if y is not None]
    values: dict[str, object] = {
        "reporter": q.reporter,
        "flows": ["export", "import"] if q.flow == "balance" else [q.flow],
        "years": years,
        "span": span,
        "year": year,
        "compare": compare,
        "top": top,
        "scheme": q.groups,
        "own": f" ({SELF_PARTNER.get(q.flow, 'as reported to itself')})",
        "not_specified": list(NOT_SPECIFIED_CODES),
        "unspecified": UNSPECIFIED,
        "unspecified_name": UNSPECIFIED_NAME,
        "unmapped": UNMAPPED,
        "unmapped_name": UNMAPPED_NAME,
    }
    named = set(re.findall(r"\$(\w+)", sql))
    return {k: v for k, v in values.items() if k in named}
