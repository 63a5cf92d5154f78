"""Compiled SQL shared by questions of the same shape: Ibis compiles once, DuckDB answers each.

Ibis takes 0.1-0.4 s to compile a table expression; DuckDB answers it in milliseconds. A
dashboard asks many different questions of few shapes: the same dimensions, flow and
indicators for another reporter, year or partner group. A *shape* is a question with its
values (the slots: reporter, partner group, product group, years) replaced by sentinels.

The first question of a shape is compiled twice: with its own values and with the sentinels.
When the sentinel SQL, with the question's values written into the slots, is exactly the SQL
compiled for the question, the sentinel SQL is kept as the shape's template, and every later
question of that shape is answered from the template with its values written in (strings as
SQL literals, years as numbers). When the two differ (a value that changes more than a literal),
the shape is never templated: each question of it is compiled as before.

Templates are kept per warehouse file, so every reader session of a server shares them. They
outlive loads: the SQL of a question depends on the tables' columns, which a load does not
change, not on the rows (each question still runs on its own snapshot).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import ibis.expr.types as ir

#: Templates (or False: "compile each question") by (warehouse file, shape).
_TEMPLATES: dict[tuple[str, str], tuple[str, Any] | bool] = {}
_LOCK = threading.Lock()
#: Shapes kept at most; the oldest half goes when full.
LIMIT = 4096


@dataclass(frozen=True)
class Slot:
    """One value of a question: what it compiles to, and the sentinel that stands for it."""

    sentinel: str | int
    #: The SQL text the question's value compiles to (a quoted literal or a number).
    sql: str

    def pattern(self) -> str:
        """A regular expression of the sentinel as the compiled SQL writes it."""
        if isinstance(self.sentinel, int):
            return rf"(?<![\w.]){self.sentinel}(?![\w.])"
        return re.escape(quote(self.sentinel))


def quote(text: str) -> str:
    """``text`` as a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def fill(template: str, slots: Sequence[Slot]) -> str:
    """``template`` with each slot's sentinel replaced by the slot's SQL."""
    out = template
    for slot in slots:
        out = re.sub(slot.pattern(), lambda _m, s=slot.sql: s, out)  # type: ignore[misc]
    return out


def compiled(
    path: str,
    shape: str,
    slots: Sequence[Slot],
    build: Callable[[], ir.Table],
    build_shape: Callable[[], ir.Table],
    compile_: Callable[[ir.Table], str],
) -> tuple[str, Any]:
    """The SQL and schema of the question ``build()`` makes, from its shape's template."""
    key = (path, shape)
    with _LOCK:
        found = _TEMPLATES.get(key)
    if isinstance(found, tuple):
        template, schema = found
        return fill(template, slots), schema
    expr = build()
    sql = compile_(expr)
    if found is None:
        template = compile_(build_shape())
        same = fill(template, slots) == sql
        kept: tuple[str, Any] | bool = (template, expr.schema()) if same else False
        with _LOCK:
            if len(_TEMPLATES) >= LIMIT:
                for old in list(_TEMPLATES)[: LIMIT // 2]:
                    del _TEMPLATES[old]
            _TEMPLATES[key] = kept
    return sql, expr.schema()
