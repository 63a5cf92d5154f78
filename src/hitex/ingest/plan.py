"""One load plan, compiled for each engine.

A reader declares its fields, code lookups and refusals once (:mod:`hitex.ingest.base`,
:mod:`hitex.ingest.check`); :func:`plan` turns that declaration into one sqlglot tree: every
record of a file as a flows row with its refusal (``reason``, ``code``, ``field``,
``value``), over the file's relation and the lookup tables it joins (:data:`LOOKUPS`).
:meth:`Plan.sql` compiles the tree for an engine: DuckDB runs it as it is, Spark after the
rewrites of :data:`REWRITES` (functions DuckDB has and Spark spells otherwise), so both
engines load a record, or refuse it with the same code, field, value and reason.

The declarations are still written as DuckDB SQL fragments; they are parsed here, once per
load, never pasted into another engine's SQL as text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import sqlglot
from sqlglot import exp

from hitex.ingest.base import Reader
from hitex.ingest.check import SERVICES, Read, checked_sql

#: The tables a plan joins besides the file: the country spellings the format accepts
#: (:func:`hitex.ingest.check.prepare_statements`), the classifications and flow codes, and
#: the services codes (:func:`hitex.ingest.check.lookup_tables`): code lists are joined as
#: tables, never spelt out in the plan's SQL.
LOOKUPS = ("cmap__", "cmap_int__", "classification_codes", "flow_codes", SERVICES)

Rewrite = Callable[[exp.Expr], exp.Expr]


@dataclass(frozen=True)
class Plan:
    """The checked rows of one file, as a sqlglot tree (DuckDB's reading of the declaration)."""

    tree: exp.Expr

    @property
    def lookups(self) -> tuple[str, ...]:
        """The lookup tables (:data:`LOOKUPS`) the plan joins, in that order."""
        named = {t.name for t in self.tree.find_all(exp.Table) if not t.db}
        return tuple(n for n in LOOKUPS if n in named)

    def sql(
        self,
        dialect: str = "duckdb",
        *,
        tables: Mapping[str, str] | None = None,
        pretty: bool = False,
    ) -> str:
        """The plan in ``dialect``'s SQL; ``tables`` renames lookup tables (name -> name).

        The tree is copied once (the generator may change what it writes): each copy of a
        plan's tree took about as long as parsing it, and a load compiles one or two plans.
        """
        tree, own = self.tree, False
        for rewrite in (_renamed(tables),) if tables else ():
            tree, own = tree.transform(rewrite, copy=not own), True
        for rewrite in REWRITES.get(dialect, ()):
            tree, own = tree.transform(rewrite, copy=not own), True
        return tree.sql(
            dialect, copy=not own, pretty=pretty, unsupported_level=sqlglot.ErrorLevel.RAISE
        )


def plan(reader: Reader, read: Read) -> Plan:
    """The load plan of ``reader``'s opened file, read through ``read``."""
    return Plan(sqlglot.parse_one(checked_sql(reader, read), read="duckdb"))


def _renamed(tables: Mapping[str, str]) -> Rewrite:
    def rename(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Table) and not node.db and node.name in tables:
            alias = node.args.get("alias")
            new = exp.to_table(tables[node.name], quoted=True)
            new.set("alias", alias or exp.TableAlias(this=exp.to_identifier(node.name)))
            return new
        return node

    return rename


def _function(node: exp.Expr, name: str) -> list[exp.Expr] | None:
    """The arguments of a call of ``name`` (sqlglot's node or an anonymous call), else None."""
    if isinstance(node, exp.Anonymous) and str(node.this).lower() == name:
        return list(node.expressions)
    return None


def _spark_regexp(node: exp.Expr) -> exp.Expr:
    """``regexp_full_match(x, p)``: Spark's ``RLIKE`` finds, so the pattern is anchored."""
    if isinstance(node, exp.RegexpFullMatch):
        args = [node.this, node.expression]
    else:
        found = _function(node, "regexp_full_match")
        if found is None:
            return node
        args = found
    value, pattern = args[0], args[1]
    if not isinstance(pattern, exp.Literal):
        raise ValueError(f"regexp_full_match with a pattern that is not a literal: {pattern}")
    anchored = exp.Literal.string(f"^(?:{pattern.this})$")
    return exp.RegexpLike(this=value, expression=anchored)


def _spark_isinf(node: exp.Expr) -> exp.Expr:
    """``isinf(x)``: Spark has no such function; an infinity is the double whose abs is one."""
    if isinstance(node, exp.IsInf):
        value = node.this
    else:
        found = _function(node, "isinf")
        if found is None:
            return node
        value = found[0]
    infinity = exp.cast(exp.Literal.string("Infinity"), exp.DataType.Type.DOUBLE)
    return exp.paren(exp.EQ(this=exp.Abs(this=value), expression=infinity), copy=False)


def _spark_hugeint(node: exp.Expr) -> exp.Expr:
    """DuckDB's HUGEINT (128-bit integer): Spark's widest integer is DECIMAL(38, 0)."""
    if isinstance(node, exp.DataType) and node.this == exp.DataType.Type.INT128:
        return exp.DataType.build("DECIMAL(38, 0)")
    return node


#: A simple CASE over more literals than this becomes a map lookup on Spark.
MAP_CASE = 8


def _spark_lookup(node: exp.Expr) -> exp.Expr:
    """``CASE x WHEN 'a' THEN 'b' ... END`` over many literals (the EBOPS lists): a map.

    Spark compiles each branch into the generated code of the whole query; a few hundred
    of them exceed the JVM's 64 KB limit on a method, and the query then runs slowly,
    interpreted. A map literal is built once and looked up.
    """
    if not isinstance(node, exp.Case) or node.this is None or node.args.get("default"):
        return node
    ifs = node.args.get("ifs") or []
    pairs = [(i.this, i.args.get("true")) for i in ifs]
    if len(pairs) <= MAP_CASE or not all(
        isinstance(k, exp.Literal) and isinstance(v, exp.Literal) for k, v in pairs
    ):
        return node
    seen: dict[str, exp.Expr] = {}
    for key, value in pairs:
        seen.setdefault(key.this, value)  # the first WHEN that matches wins, as in CASE
    entries = [e for k, v in seen.items() for e in (exp.Literal.string(k), v.copy())]
    lookup = exp.Anonymous(this="map", expressions=entries)
    return exp.Anonymous(this="try_element_at", expressions=[lookup, node.this.copy()])


#: Rewrites of the tree before it is written in a dialect (none for DuckDB: its own reading).
REWRITES: Mapping[str, tuple[Rewrite, ...]] = {
    "duckdb": (),
    "spark": (_spark_regexp, _spark_isinf, _spark_hugeint, _spark_lookup),
}


__all__ = ["LOOKUPS", "REWRITES", "Plan", "plan"]
