"""The selection every indicator starts from: which flows, signed, and labelled for grouping.

:func:`select` filters ``flows`` to one reporter, flow, years, months, partner group and
product group, and adds the columns that ``by`` may name (``group``, ``region``). For
``flow="balance"`` exports count positive and imports negative, so a sum is the balance.
Nothing here names an engine: the tables come from whatever Ibis backend holds them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import ibis
import ibis.expr.types as ir

from hitex.errors import InputError, UnknownCodeError

#: Flows a selection may ask for; ``balance`` is exports minus imports.
FLOW_CHOICES = ("export", "import", "re-export", "re-import", "balance")

#: What ``by`` may name: column -> the name column shown beside it.
DIMENSIONS: Mapping[str, str | None] = {
    "partner": "partner_name",
    "product": "product_name",
    "group": "group_name",
    "region": None,
    "subregion": None,
    "month": None,
    "year": None,
    "flow": None,
    "classification": None,
    "reporter": "reporter_name",
    "firm": "firm_name",
}

#: The group of the records whose code the scheme does not map (``--by group`` shows it as a
#: row of its own, so that groups add up to the selection's total and shares are of the whole).
UNMAPPED = "unmapped"
#: Its name; :mod:`hitex.reference.russian` has the Russian one.
UNMAPPED_NAME = "Not in the scheme"
#: The group of records of the HS pseudo-codes "commodities not specified according to kind"
#: (``99``, ``9999``, ``999999``) that the scheme does not map: no scheme can say what they
#: are, so they are a row of their own, not the scheme's gap.
UNSPECIFIED = "unspecified"
UNSPECIFIED_NAME = "Goods not specified by kind (HS 999999)"
NOT_SPECIFIED_CODES = ("99", "9999", "999999")
#: Groups of a breakdown that are not the scheme's own.
NOT_GROUPED = (UNMAPPED, UNSPECIFIED)

#: Indicators that count enterprises: they read the records, never a rollup of them.
FIRM_INDICATORS = frozenset(
    {"firms", "new_firms", "exits", "value_per_firm", "new_firms_value", "exits_value",
     "continuing_change", "firm_growth"}
)  # fmt: skip


@dataclass(frozen=True)
class Query:
    """What a table or series asks for; the CLI, the API and reports all build one."""

    reporter: str
    flow: str = "export"
    years: tuple[int, ...] = ()
    by: tuple[str, ...] = ()
    partner_group: str | None = None
    groups: str | None = None
    group: str | tuple[str, ...] | None = None
    months: tuple[int, int] | None = None
    classification: str | None = None
    membership_year: int | None = None
    #: An enterprise group of a registry (hitex firms add): only its members' records, with
    #: the membership of each record's year.
    firm_group: str | None = None
    extra: Mapping[str, object] = field(default_factory=dict)

    @property
    def needs_records(self) -> bool:
        """Whether only the records answer this selection (a firm group, or ``by`` firm).

        Enterprises are counted, never added up: a rollup of sums cannot answer these. See
        also :func:`needs_records`, which also looks at the indicators asked for.
        """
        return self.firm_group is not None or "firm" in self.by

    def __post_init__(self) -> None:
        if self.flow not in FLOW_CHOICES:
            raise UnknownCodeError.new("flow", self.flow, FLOW_CHOICES)
        for d in self.by:
            if d not in DIMENSIONS:
                raise UnknownCodeError.new("dimension for --by", d, DIMENSIONS)
        if "group" in self.by and self.groups is None:
            raise InputError(
                "--by group needs --groups SCHEME (for example --groups tech).",
                ru="--by group требует --groups СХЕМА (например, --groups tech).",
            )
        if self.group is not None and self.groups is None:
            raise InputError(
                "--group needs --groups SCHEME to say which scheme it belongs to.",
                ru="--group требует --groups СХЕМА: из какой схемы эта группа.",
            )
        if self.months is not None:
            lo, hi = self.months
            if not 1 <= lo <= hi <= 12:
                raise InputError(
                    f"Months {lo}-{hi} are not a range within 1-12.",
                    ru=f"Месяцы {lo}-{hi} — не диапазон в пределах 1-12.",
                )


def select(
    tables: Mapping[str, ir.Table], q: Query, *, reporter: bool = True, months: bool = True
) -> ir.Table:
    """Flows of the query, with ``value`` signed for balances and grouping columns added.

    ``reporter=False`` keeps every reporter (world totals, for RCA); ``months=False`` keeps
    every month, for measures that apply ``q.months`` themselves (nowcasts).
    """
    f = tables["flows"]
    f = f.filter(f.year.isin(list(q.years)))
    if reporter:
        f = f.filter(f.reporter == q.reporter)
    if q.flow == "balance":
        f = f.filter(f.flow.isin(["export", "import"]))
        sign = ibis.ifelse(f.flow == "import", -1.0, 1.0)
        f = f.mutate(value=f.value_usd * sign)
    else:
        f = f.filter(f.flow == q.flow).mutate(value=f.value_usd)
    if months and q.months is not None:
        f = f.filter(f.month.between(*q.months))
    if q.classification is not None:
        f = f.filter(f.classification == q.classification.upper())
    if q.partner_group is not None:
        f = _in_partner_group(tables, f, q)
    if q.groups is not None:
        f = _with_groups(tables, f, q)
    if q.firm_group is not None:
        f = _in_firm_group(tables, f, q)
    if {"region", "subregion"} & set(q.by):
        c = tables["countries"].select(
            partner_iso=lambda t: t.iso3, region="region", subregion="subregion"
        )
        f = f.left_join(c, f.partner == c.partner_iso).drop("partner_iso")
    return f


def _in_partner_group(tables: Mapping[str, ir.Table], f: ir.Table, q: Query) -> ir.Table:
    g = tables["country_groups"]
    wanted = q.partner_group.lower() if q.partner_group else ""
    year = q.membership_year if q.membership_year is not None else max(q.years)
    m = g.filter(
        g.group_name.lower() == wanted,
        g.year_from.isnull() | (g.year_from <= year),
        g.year_to.isnull() | (g.year_to >= year),
    )
    return f.filter(f.partner.isin(m.iso3))


def needs_records(q: Query, indicators: Iterable[str] | None = None) -> bool:
    """Whether a question must be answered from the records (firm groups or firm indicators)."""
    asked = {i.strip().lower().replace("-", "_") for i in indicators or ()}
    return q.needs_records or bool(asked & FIRM_INDICATORS)


def _in_firm_group(tables: Mapping[str, ir.Table], f: ir.Table, q: Query) -> ir.Table:
    """Records of the group's enterprises, each year with the membership of that year."""
    m = tables["firm_members"]
    wanted = (q.firm_group or "").lower()
    m = m.filter(m.group_name.lower() == wanted)
    inside = []
    for year in sorted(set(q.years)):
        valid = m.filter(
            m.year_from.isnull() | (m.year_from <= year), m.year_to.isnull() | (m.year_to >= year)
        )
        inside.append((f.year == year) & f.firm.isin(valid.firm))
    condition = inside[0]
    for other in inside[1:]:
        condition = condition | other
    return f.filter(condition)


def _with_groups(tables: Mapping[str, ir.Table], f: ir.Table, q: Query) -> ir.Table:
    """``f`` with the scheme's ``group`` of each record, :data:`UNMAPPED` where it has none.

    HS "commodities not specified according to kind" without a group are :data:`UNSPECIFIED`.

    Records are never dropped for want of a group: a breakdown by group keeps them as a row of
    their own, so the groups add up to the selection's total. ``q.group`` narrows to groups.
    """
    numbers = group_numbers(tables, f, q.groups)
    if numbers is not None:
        # The products rollup holds each row's group number in a built-in scheme.
        column, g = numbers
        g = g.select(pg_id="id", pg_group="group_code", pg_group_name="group_name")
        f = f.left_join(g, f[column] == g.pg_id).drop("pg_id")
    else:
        pg = tables["product_groups"]
        pg = pg.filter(pg.scheme == q.groups).select(
            pg_classification="classification",
            pg_product="product",
            pg_group="group_code",
            pg_group_name="group_name",
        )
        f = f.left_join(
            pg, [f.classification == pg.pg_classification, f.product == pg.pg_product]
        ).drop("pg_classification", "pg_product")
    unspecified = f.classification.startswith("HS") & f.product.isin(NOT_SPECIFIED_CODES)
    f = f.mutate(
        group=f.pg_group.fill_null(ibis.ifelse(unspecified, UNSPECIFIED, UNMAPPED)),
        group_name=f.pg_group_name.fill_null(
            ibis.ifelse(unspecified, UNSPECIFIED_NAME, UNMAPPED_NAME)
        ),
    ).drop("pg_group", "pg_group_name")
    if q.group is not None:
        wanted = [g.lower() for g in ((q.group,) if isinstance(q.group, str) else q.group)]
        f = f.filter(f.group.lower().isin(wanted) | f.group_name.lower().isin(wanted))
    return f


def group_numbers(
    tables: Mapping[str, ir.Table], f: ir.Table, scheme: str | None
) -> tuple[str, ir.Table] | None:
    """The column of ``f`` holding group numbers of ``scheme`` and its numbered groups, or None.

    Rows of the products rollup carry the number of their group in every built-in scheme
    (:data:`hitex.store.rollups.SCHEME_COLUMNS`); ``scheme_groups`` names the numbers.
    """
    from hitex.store.rollups import SCHEME_COLUMNS  # noqa: PLC0415

    column = SCHEME_COLUMNS.get(scheme or "")
    if column is None or "scheme_groups" not in tables or column not in f.columns:
        return None
    g = tables["scheme_groups"]
    return column, g.filter(g.scheme == scheme)


def scheme_names(tables: Mapping[str, ir.Table]) -> list[str]:
    """Product schemes present in the warehouse."""
    pg = tables["product_groups"]
    return sorted(pg.select("scheme").distinct().to_pandas()["scheme"])


def partner_group_names(tables: Mapping[str, ir.Table]) -> list[str]:
    """Partner group names present in the warehouse."""
    g = tables["country_groups"]
    return sorted(g.select("group_name").distinct().to_pandas()["group_name"])


def check_names(tables: Mapping[str, ir.Table], q: Query) -> None:
    """Raise with "Did you mean …?" when a scheme or partner group is unknown."""
    if q.groups is not None:
        known = scheme_names(tables)
        if q.groups not in known:
            raise UnknownCodeError.new("product scheme", q.groups, known)
    if q.partner_group is not None:
        known = partner_group_names(tables)
        if q.partner_group.lower() not in {k.lower() for k in known}:
            raise UnknownCodeError.new("partner group", q.partner_group, known)
    if q.firm_group is not None:
        m = tables["firm_members"]
        known = sorted(m.select("group_name").distinct().to_pandas()["group_name"])
        if q.firm_group.lower() not in {k.lower() for k in known}:
            if not known:
                raise InputError(
                    f"No enterprise group {q.firm_group!r}: the warehouse has no enterprise "
                    "registry (hitex firms add FILE)."
                )
            raise UnknownCodeError.new("enterprise group", q.firm_group, known)
