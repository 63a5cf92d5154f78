"""Disclosure control: no figure may reveal what one enterprise (or two) traded.

Where records carry the declarant (``firm``), every figure of a table rests on enterprises.
A figure is suppressed when it rests on fewer than ``min_firms`` enterprises (the threshold
rule) or when one enterprise holds more than ``dominance_pct`` percent of it (the dominance
rule), as statistics offices do; the defaults are 3 and 85%.

Secondary suppression: a table's total and its visible rows give the sum of its suppressed
rows. So whenever a row is suppressed, further rows (the smallest first) are suppressed until
the suppressed rows together pass both rules: then no one of them can be recovered, and their
sum reveals no enterprise. Tables of two or more dimensions are protected the same way within
each of their margins (each partner's products, each product's partners). A series is
protected year by year; the base values of a year whose previous year is suppressed are
suppressed too.

:func:`contributions` is the Ibis expression (any engine) of each enterprise's value in each
cell; :func:`apply` suppresses a computed table (pandas) from it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import pandas as pd

from hitex.errors import InputError
from hitex.indicators.selection import DIMENSIONS, Query, select

#: Columns a suppressed row keeps: what it is, and counts of enterprises and products.
KEPT = frozenset(
    {"classification", "classifications", "year", "firms", "new_firms", "exits",
     "product_lines", "nowcast_method", "suppressed", "suppression"}
)  # fmt: skip

#: Columns that rest on the base period (nulled where only the base is suppressed).
BASE_DERIVED = frozenset(
    {"base_value_usd", "change_usd", "growth_pct", "multiple", "cagr_pct", "contribution_pp",
     "rank_growth", "small_base", "new", "base_full_usd", "nowcast_usd", "new_firms_usd",
     "exits_usd", "continuing_change_usd"}
)  # fmt: skip

#: Figures of the whole table repeated on every row: with the rows shown and the total they
#: would give back suppressed values (an HHI is a sum of squares), so any suppression nulls them.
TABLE_LEVEL = frozenset({"hhi"})

THRESHOLD = "threshold"
DOMINANCE = "dominance"
SECONDARY = "secondary"


@dataclass(frozen=True)
class Disclosure:
    """The rules: on or off, the least enterprises a figure rests on, the largest share of one."""

    enabled: bool = True
    min_firms: int = 3
    dominance_pct: float = 85.0

    @classmethod
    def from_env(
        cls,
        suppress: bool | None = None,
        *,
        min_firms: int | None = None,
        dominance_pct: float | None = None,
    ) -> Disclosure:
        """The rules asked for, else ``HITEX_DISCLOSURE`` (``off`` lifts them), else defaults.

        ``HITEX_DISCLOSURE_MIN_FIRMS`` and ``HITEX_DISCLOSURE_DOMINANCE`` set the thresholds.
        """
        env = os.environ.get("HITEX_DISCLOSURE", "on").strip().lower()
        if env not in ("on", "off", "true", "false", "1", "0", ""):
            raise InputError(f"HITEX_DISCLOSURE={env!r} is not one of: on, off.")
        enabled = suppress if suppress is not None else env not in ("off", "false", "0")
        n = min_firms if min_firms is not None else _env_number("HITEX_DISCLOSURE_MIN_FIRMS", 3)
        d = (
            dominance_pct
            if dominance_pct is not None
            else _env_number("HITEX_DISCLOSURE_DOMINANCE", 85.0)
        )
        if int(n) < 1:
            raise InputError(
                f"The least number of enterprises a figure rests on is {n}; give 1 or more."
            )
        if not 0 < float(d) <= 100:
            raise InputError(f"The dominance threshold {d}% is not within 0-100.")
        return cls(enabled, int(n), float(d))

    def rule(self) -> str:
        """The rules in words, for notes and reports."""
        if not self.enabled:
            return "lifted (--no-suppress): figures of single enterprises are shown"
        return (
            f"figures resting on fewer than {self.min_firms} enterprises, or with one enterprise "
            f"over {self.dominance_pct:g}% of them, are suppressed, with further cells where a "
            "total would reveal them"
        )

    def reason(self, kind: str, base: int | None = None) -> str:
        """What a ``suppression`` value says for each kind of suppression."""
        kind, _, period = kind.partition("@")
        if period and base is not None:
            return f"{self.reason(kind)} in {base}"
        return {
            THRESHOLD: f"fewer than {self.min_firms} enterprises",
            DOMINANCE: f"one enterprise over {self.dominance_pct:g}%",
            SECONDARY: "secondary: the total would reveal a suppressed cell",
        }[kind]

    def fails(self, values: Mapping[object, float]) -> str | None:
        """The rule a cell of enterprise -> value breaks (None: it may be shown).

        A cell without any enterprise (records without ``firm``) is not subject to the rules;
        records without one in a cell that has some count as one more contributor.
        """
        held = {k: abs(v) for k, v in values.items() if v}
        if not any(k is not None for k in held):
            return None
        if len(held) < self.min_firms:
            return THRESHOLD
        total = sum(held.values())
        if total > 0 and max(held.values()) > total * self.dominance_pct / 100:
            return DOMINANCE
        return None


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return float(raw)
    except ValueError:
        raise InputError(f"{name}={raw!r} is not a number.") from None


def cell_keys(q: Query, *, series: bool) -> list[str]:
    """The columns a table's rows are keyed on (a product brings its classification)."""
    keys = list(q.by)
    if "product" in keys and "classification" not in keys:
        keys.append("classification")
    if series and "year" not in keys:
        keys.append("year")
    return keys


def contributions(
    tables: Mapping[str, ir.Table],
    q: Query,
    *,
    year: int | None = None,
    compare: int | None = None,
    series: bool = False,
) -> ir.Table:
    """Each enterprise's value in each cell: keys, ``period``, ``firm``, ``value``.

    In a table ``period`` is ``now`` or ``base``; in a series it is the year (text).
    """
    f = select(tables, q)
    keys = cell_keys(q, series=False)
    if series:
        period = f.year.cast("string")
    else:
        period = ibis.ifelse(f.year == year, ibis.literal("now"), ibis.literal("base"))
        years = [y for y in (year, compare) if y is not None]
        f = f.filter(f.year.isin(years))
    f = f.mutate(period=period)
    if "firm" not in keys:
        keys.append("firm")
    # Each enterprise's part of a cell is what it traded, exports and imports alike (a
    # balance nets them; the rules weigh what each enterprise declared).
    return f.group_by([*keys, "period"]).aggregate(value=f.value_usd.sum())


def carries_firms(frame: pd.DataFrame) -> bool:
    """Whether any record of the contributions has an enterprise."""
    return bool(len(frame)) and bool(frame["firm"].notna().any())


def apply(
    table: pd.DataFrame,
    cells: pd.DataFrame,
    q: Query,
    rules: Disclosure,
    *,
    series: bool = False,
    compare: int | None = None,
) -> pd.DataFrame:
    """``table`` with suppressed rows nulled and marked (``suppressed``, ``suppression``).

    ``cells`` is :func:`contributions` computed. Suppressed rows come last.
    """
    keys = cell_keys(q, series=False)
    out = table.copy()
    out["suppressed"] = False
    out["suppression"] = pd.Series([None] * len(out), dtype="object", index=out.index)
    if out.empty:
        return out
    cell = _cells(cells, keys)
    if series:
        periods = sorted({int(p) for p in cells["period"]})
        hidden = _protect_series(cell, keys, periods, rules)
        row_key = [tuple(_norm(v) for v in r) for r in out[keys].itertuples(index=False)]
        years = out["year"].astype(int).tolist()
        rows: dict[int, str] = {}
        bases: list[int] = []
        for i, (key, y) in enumerate(zip(row_key, years, strict=True)):
            why = hidden.get((key, str(y)))
            if why is not None:
                rows[i] = rules.reason(why)
            elif (key, str(y - 1)) in hidden:
                bases.append(i)
        _null(out, bases, BASE_DERIVED & set(out.columns))
        _hide(out, rows, keys)
        return _last(out)
    hidden_rows = _protect(cell, keys, ["now", "base"], rules)
    row_key = [tuple(_norm(v) for v in r) for r in out[keys].itertuples(index=False)]
    rows = {
        i: rules.reason(why, compare)
        for i, key in enumerate(row_key)
        if (why := hidden_rows.get(key)) is not None
    }
    parts = [c for c in GROWTH_PARTS if c in out.columns]
    taken_apart = {
        i: why
        for i, key in enumerate(row_key)
        if parts and i not in rows and (why := _parts_fail(cell.get(key, {}), rules))
    }
    _hide(out, rows, keys)
    # The row is shown, its growth taken apart is not: one part rests on too few enterprises,
    # and the change less the others would give it back.
    _null(out, list(taken_apart), parts)
    if taken_apart:
        out["suppression"] = [taken_apart.get(i, v) for i, v in enumerate(out["suppression"])]
    return _last(out)


#: The growth of a row taken apart (indicators/firms.py): each part rests on its own enterprises.
GROWTH_PARTS = ("new_firms_usd", "exits_usd", "continuing_change_usd")


def _parts_fail(per: Mapping[str, Mapping[object, float]], rules: Disclosure) -> str | None:
    """Why the growth of a row may not be taken apart (None: every part passes the rules).

    New exporters' part is their value now, exits' their value in the base period, and the
    continuing exporters' part their values in both.
    """
    now, base = per.get("now", {}), per.get("base", {})
    new = {f: v for f, v in now.items() if f is not None and f not in base}
    gone = {f: v for f, v in base.items() if f is not None and f not in now}
    kept_now = {f: v for f, v in now.items() if f is not None and f in base}
    kept_base = {f: v for f, v in base.items() if f is not None and f in now}
    for who, part in (
        ("new exporters", new),
        ("enterprises gone", gone),
        ("continuing exporters", kept_now),
        ("continuing exporters", kept_base),
    ):
        why = rules.fails(part)
        if why is not None:
            return f"growth not taken apart: {rules.reason(why)} among {who}"
    return None


def _norm(v: object) -> object:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
        return None
    return v.item() if hasattr(v, "item") else v


Cells = dict[tuple[object, ...], dict[str, dict[object, float]]]


def _cells(cells: pd.DataFrame, keys: Sequence[str]) -> Cells:
    """Row key -> period -> enterprise -> value."""
    out: Cells = {}
    for r in cells.to_dict("records"):
        key = tuple(_norm(r[k]) for k in keys)
        firm = _norm(r["firm"])
        per = out.setdefault(key, {}).setdefault(str(r["period"]), {})
        value = r["value"]
        per[firm] = per.get(firm, 0.0) + (0.0 if value is None or pd.isna(value) else float(value))
    return out


def _union(cell: Cells, rows: Iterable[tuple[object, ...]], period: str) -> dict[object, float]:
    total: dict[object, float] = {}
    for row in rows:
        for firm, v in cell.get(row, {}).get(period, {}).items():
            total[firm] = total.get(firm, 0.0) + v
    return total


def _size(cell: Cells, row: tuple[object, ...], periods: Sequence[str]) -> float:
    return sum(abs(v) for p in periods for v in cell.get(row, {}).get(p, {}).values())


def _protect(
    cell: Cells, keys: Sequence[str], periods: Sequence[str], rules: Disclosure
) -> dict[tuple[object, ...], str]:
    """Rows to suppress (row key -> why): the rules, then secondary suppression."""
    hidden: dict[tuple[object, ...], str] = {}
    for row, per in cell.items():
        for p in periods:
            why = rules.fails(per.get(p, {}))
            if why is not None and row not in hidden:
                hidden[row] = why if p == periods[0] else f"{why}@{p}"
    _secondary(cell, keys, list(cell), periods, hidden, rules)
    return hidden


def _margins(keys: Sequence[str], rows: list[tuple[object, ...]]) -> list[list[tuple[object, ...]]]:
    """The sets of rows whose sum another table shows: all of them, and each margin."""
    sets = [rows]
    dims = [i for i, k in enumerate(keys) if k != "classification"]
    if len(dims) >= 2:
        for d in dims:
            others = [i for i in range(len(keys)) if i != d]
            groups: dict[tuple[object, ...], list[tuple[object, ...]]] = {}
            for r in rows:
                groups.setdefault(tuple(r[i] for i in others), []).append(r)
            sets += list(groups.values())
    return sets


def _secondary(
    cell: Cells,
    keys: Sequence[str],
    rows: list[tuple[object, ...]],
    periods: Sequence[str],
    hidden: dict[tuple[object, ...], str],
    rules: Disclosure,
) -> None:
    """Suppress further rows until no suppressed row follows from a total and the rest."""
    changed = True
    while changed:
        changed = False
        for group in _margins(keys, rows):
            while True:
                gone = [r for r in group if r in hidden]
                shown = [r for r in group if r not in hidden]
                if not shown:
                    break
                if gone:
                    # Safe when two or more are suppressed and their sum reveals no one.
                    if len(gone) >= 2 and not any(
                        rules.fails(_union(cell, gone, p)) for p in periods
                    ):
                        break
                elif not any(rules.fails(_union(cell, group, p)) for p in periods):
                    break  # nothing suppressed and the total may be shown
                pick = min(shown, key=lambda r: (_size(cell, r, periods), repr(r)))
                hidden[pick] = SECONDARY
                changed = True


def _protect_series(
    cell: Cells, keys: Sequence[str], periods: list[int], rules: Disclosure
) -> dict[tuple[tuple[object, ...], str], str]:
    """Cells of a series to suppress, year by year: (row key, year) -> why."""
    out: dict[tuple[tuple[object, ...], str], str] = {}
    for year in periods:
        p = str(year)
        rows = [r for r, per in cell.items() if p in per]
        hidden: dict[tuple[object, ...], str] = {}
        for r in rows:
            why = rules.fails(cell[r][p])
            if why is not None:
                hidden[r] = why
        _secondary(cell, keys, rows, [p], hidden, rules)
        out.update({(r, p): why for r, why in hidden.items()})
    return out


def _hide(out: pd.DataFrame, rows: Mapping[int, str], keys: Sequence[str]) -> None:
    """Null every figure of the rows at ``rows`` (position -> why) and mark them."""
    names = {n for k in keys if (n := DIMENSIONS.get(k)) is not None}
    figures = [c for c in out.columns if c not in KEPT and c not in keys and c not in names]
    _null(out, list(rows), figures)
    if rows:
        _null(out, list(range(len(out))), TABLE_LEVEL & set(out.columns))
    mask = _mask(out, list(rows))
    out["suppressed"] = mask
    out["suppression"] = [rows.get(i) for i in range(len(out))]


def _null(out: pd.DataFrame, positions: list[int], columns: Iterable[str]) -> None:
    mask = _mask(out, positions)
    for column in columns:
        values = out[column]
        if values.dtype == bool:
            values = values.astype("boolean")
        out[column] = values.mask(mask)


def _mask(out: pd.DataFrame, positions: list[int]) -> pd.Series:
    chosen = set(positions)
    return pd.Series([i in chosen for i in range(len(out))], index=out.index, dtype=bool)


def _last(out: pd.DataFrame) -> pd.DataFrame:
    """Suppressed rows after the shown ones (their place would bound their value)."""
    if "year" in out.columns and out["year"].nunique() > 1:
        order = out.assign(_y=out["year"]).sort_values(["_y", "suppressed"], kind="stable")
        return order.drop(columns="_y").reset_index(drop=True)
    return out.sort_values("suppressed", kind="stable").reset_index(drop=True)
