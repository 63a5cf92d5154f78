"""Every indicator, in one registry (the order is the order of the output columns).

To add an indicator: write ``indicators/NAME.py`` with a function ``NAME(t, c)`` and list it
here. ``--indicators`` and :meth:`hitex.Session.table` take these names; ``rank`` is short
for both ranks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from hitex.errors import InputError, UnknownCodeError
from hitex.indicators.base_value import base_value
from hitex.indicators.cagr import cagr
from hitex.indicators.change import change
from hitex.indicators.context import Context, Indicator
from hitex.indicators.continuing_change import continuing_change
from hitex.indicators.contribution import contribution
from hitex.indicators.coverage import coverage
from hitex.indicators.exits import exits
from hitex.indicators.exits_value import exits_value
from hitex.indicators.firms import firms
from hitex.indicators.growth import growth
from hitex.indicators.hhi import hhi
from hitex.indicators.highest_since import highest_since
from hitex.indicators.lowest_since import lowest_since
from hitex.indicators.multiple import multiple
from hitex.indicators.new import new
from hitex.indicators.new_firms import new_firms
from hitex.indicators.new_firms_value import new_firms_value
from hitex.indicators.nowcast import nowcast
from hitex.indicators.product_lines import product_lines
from hitex.indicators.rank_growth import rank_growth
from hitex.indicators.rank_value import rank_value
from hitex.indicators.rca import rca
from hitex.indicators.share import share
from hitex.indicators.small_base import small_base
from hitex.indicators.value import value
from hitex.indicators.value_per_firm import value_per_firm

_BASE = ("value_usd", "base_value_usd")
_TRADE = ("value_usd", "exports_usd", "imports_usd")

INDICATORS: tuple[Indicator, ...] = (
    Indicator("value", "value_usd", value),
    Indicator("base_value", "base_value_usd", base_value, _BASE, base=True),
    Indicator("change", "change_usd", change, _BASE, base=True),
    Indicator("growth", "growth_pct", growth, _BASE, base=True),
    Indicator("multiple", "multiple", multiple, _BASE, base=True),
    Indicator("cagr", "cagr_pct", cagr, _BASE, base=True),
    Indicator("share", "share_pct", share),
    Indicator("contribution", "contribution_pp", contribution, _BASE, base=True),
    Indicator("rank_value", "rank_value", rank_value),
    Indicator("rank_growth", "rank_growth", rank_growth, _BASE, base=True),
    Indicator("small_base", "small_base", small_base, _BASE, base=True),
    Indicator(
        "nowcast", "nowcast_usd", nowcast, (*_BASE, "base_full_usd"), base=True, modes=("table",)
    ),
    Indicator("exports", "exports_usd", lambda t, c: t.exports_usd, _TRADE),
    Indicator("imports", "imports_usd", lambda t, c: t.imports_usd, _TRADE),
    Indicator("coverage", "coverage_ratio", coverage, _TRADE),
    Indicator("lowest_since", "lowest_since", lowest_since, returns_table=True, modes=("series",)),
    Indicator(
        "highest_since", "highest_since", highest_since, returns_table=True, modes=("series",)
    ),
    Indicator("product_lines", "product_lines", product_lines, ("value_usd", "product_lines")),
    Indicator("new", "new", new, _BASE, base=True),
    Indicator("hhi", "hhi", hhi, returns_table=True),
    Indicator("firms", "firms", firms, ("value_usd", "firms")),
    Indicator("value_per_firm", "value_per_firm_usd", value_per_firm, ("value_usd", "firms")),
    Indicator(
        "new_firms", "new_firms", new_firms, (*_BASE, "new_firms"), base=True, modes=("table",)
    ),
    Indicator("exits", "exits", exits, (*_BASE, "exits"), base=True, modes=("table",)),
    Indicator(
        "new_firms_value",
        "new_firms_usd",
        new_firms_value,
        (*_BASE, "new_firms_value"),
        base=True,
        modes=("table",),
    ),
    Indicator(
        "exits_value",
        "exits_usd",
        exits_value,
        (*_BASE, "exits_value"),
        base=True,
        modes=("table",),
    ),
    Indicator(
        "continuing_change",
        "continuing_change_usd",
        continuing_change,
        (*_BASE, "continuing_change"),
        base=True,
        modes=("table",),
    ),
    Indicator("rca", "rca", rca, returns_table=True),
)

BY_NAME: Mapping[str, Indicator] = {i.name: i for i in INDICATORS}

#: Names that stand for several indicators.
ALIASES: Mapping[str, tuple[str, ...]] = {
    "rank": ("rank_value", "rank_growth"),
    # Growth taken apart between new exporters, exits and continuing exporters.
    "firm_growth": ("change", "new_firms", "exits", "new_firms_value", "exits_value",
                    "continuing_change"),
}  # fmt: skip

#: What a table shows when no indicators are named (the JSON contract of DESIGN.md).
DEFAULT = ("value", "share")
DEFAULT_WITH_BASE = ("value", "base_value", "growth", "share")


def resolve(names: Iterable[str] | None, c: Context) -> list[Indicator]:
    """The indicators ``names`` asks for, checked against the query, in registry order."""
    # The keys of DESIGN.md are always there; ``names`` adds to them.
    wanted: set[str] = set(DEFAULT_WITH_BASE if c.has_base else DEFAULT)
    names = names or ()
    for name in names:
        key = name.strip().lower().replace("-", "_")
        if key not in BY_NAME and key not in ALIASES:
            raise UnknownCodeError.new("indicator", name, [*BY_NAME, *ALIASES])
        wanted.update(ALIASES.get(key, (key,)))
    chosen = [i for i in INDICATORS if i.name in wanted]
    for i in chosen:
        _check(i, c)
    return chosen


def _check(i: Indicator, c: Context) -> None:
    mode = "series" if c.series else "table"
    if mode not in i.modes:
        other = "--years FIRST-LAST" if mode == "table" else "--year and --compare"
        raise InputError(f"The {i.name} indicator needs a {i.modes[0]}: use {other}.")
    if i.base and not c.has_base:
        raise InputError(f"The {i.name} indicator needs a base year: add --compare YEAR.")
    if "exports_usd" in i.needs and c.q.flow != "balance":
        raise InputError(f"The {i.name} indicator needs both flows: use --flow balance.")
    if i.name == "nowcast" and c.q.months is None:
        raise InputError("A nowcast scales the year to date: give --months, e.g. 1-8.")


def needs(chosen: Iterable[Indicator]) -> list[str]:
    """The measures the chosen indicators read (always ``value_usd`` and classifications)."""
    out = {"value_usd", "classifications"}
    for i in chosen:
        out.update(i.needs)
    return sorted(out)
