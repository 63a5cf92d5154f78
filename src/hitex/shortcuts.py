"""The commonest questions answered from the rollups' rows, summed with numpy.

A report asks the same few shapes again and again: one reporter's exports, imports or balance
by partner, by product or by a built-in scheme's groups, for a year against a compare year,
and the series by year. Compiled from the records' Ibis expressions, each is 12-20 nested
selects that DuckDB takes 7-14 ms of CPU to plan and run on a few thousand rollup rows
(``bench/RESULTS.md``, report-floor); most of it is planning and operators started for a
handful of rows. Here one plain statement, its values bound as parameters, reads every row
of the reporter from the rollup's files (and the ``unallocated`` rows, as the rollup's view
does) once per warehouse version (:class:`Held`: the engine keeps a few, dropped by any load,
revision or removal); each question selects its flow and years from them, numpy sums them
by the row's key and takes the indicators with the same formulas, and names come from the
reference tables read once per warehouse version. Answers are computed each time: only the
rows are kept.

The frame is the one :meth:`hitex.Session.table` and :meth:`hitex.Session.series` make the
Ibis way: the same columns, order, types, rows, ties, names and classifications; floats
equal to 1e-12 (sums of the same rows in another order: DuckDB's own sums differ so in the
last bits from one run to the next). ``tests/test_shortcuts.py`` compares the two ways on
random warehouses. What :func:`plan` does not recognise (months, a partner group, a product
group, a classification, enterprises, other indicators, other dimensions) goes the Ibis way,
as does every question on another engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ibis
import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

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

#: The type of each column of an answer (as the Ibis expression has it).
TYPES = {"year": "int16", "classifications": "array<string>",
         **dict.fromkeys(INDICATORS.values(), "float64")}  # fmt: skip

#: pandas' ``str`` type, as a compiled answer's strings have it (missing values NaN).
STR = pd.StringDtype(na_value=np.nan)

#: Whether a row's product is an HS code of goods not specified by kind (a group of its own
#: where the scheme has none for it).
_UNSPECIFIED = (
    "starts_with(classification, 'HS') AND list_contains($not_specified, product) AS unspecified"
)

#: ``by`` -> the rollup that answers it and the rollup columns its keys are made of.
DIMENSIONS: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {
    (): ("partners", ()),
    ("partner",): ("partners", ("partner",)),
    ("product",): ("products", ("product", "classification")),
    ("group",): ("products", (_UNSPECIFIED,)),
}

#: Reference rows a shortcut names its rows from, read once per warehouse version.
NAMES = {
    "partner": "SELECT code, name_en FROM country_names",
    "product": "SELECT classification || ' ' || product, description FROM products",
    "group": "SELECT scheme || ' ' || group_code, group_name FROM rollup_groups",
    "group_id": "SELECT scheme || ' ' || CAST(id AS VARCHAR), group_code FROM rollup_groups",
}

#: The columns each rollup's rows are read with (every shortcut over it takes its own).
READS = {
    "partners": ("year", "flow", "classification", "value_usd", "partner"),
    "products": ("year", "flow", "classification", "value_usd", "product",
                 *SCHEME_COLUMNS.values(), _UNSPECIFIED),
}  # fmt: skip

Lookup = Callable[[str], Mapping[str, str]]
Columns = dict[str, Any]
#: Key values -> (first row, row after the last) of the run of rows that hold them.
Runs = dict[tuple[int, ...], tuple[int, int]]


def runs(*keys: npt.NDArray[Any]) -> Runs:
    """The runs of equal ``keys`` in rows sorted by them: each run's key values -> its rows.

    Examples
    --------
    >>> flow, year = np.array([0, 0, 0, 1]), np.array([2019, 2019, 2020, 2019])
    >>> runs(flow, year)
    {(0, 2019): (0, 2), (0, 2020): (2, 3), (1, 2019): (3, 4)}
    """
    if not len(keys[0]):
        return {}
    changed = np.zeros(len(keys[0]), dtype=np.bool_)
    changed[0] = True
    for k in keys:
        changed[1:] |= k[1:] != k[:-1]
    starts = np.flatnonzero(changed)
    ends = np.r_[starts[1:], len(changed)].tolist()
    values = zip(*(k[starts].tolist() for k in keys), strict=True)
    return {v: (a, b) for v, a, b in zip(values, starts.tolist(), ends, strict=True)}


class Held:
    """One reporter's rows of one rollup, as numbers: what its shortcuts select and sum.

    Read once per warehouse version and reused by the next questions of the reporter (the
    engine keeps a few: :meth:`hitex.store.engines.DuckDBEngine.held`): a question is then a
    selection and sums, not a statement over the Parquet files. Strings are kept as codes
    into their sorted distinct values (-1: null), so that keys sort as the strings do.
    """

    def __init__(self, rows: Columns, names: Lookup) -> None:
        self.names = names
        self.year = np.asarray(rows["year"])
        self.flow, self.flows = _coded(rows["flow"])
        self.value = np.ma.filled(rows["value_usd"], 0.0).astype(np.float64)
        self.classification, self.classifications = _coded(rows["classification"])
        self.partner = _coded(rows["partner"]) if "partner" in rows else None
        self.product = _products(rows) if "product" in rows else None
        self.numbers = {c: rows[c] for c in SCHEME_COLUMNS.values() if c in rows}
        self.unspecified = np.ma.filled(rows["unspecified"], False).astype(bool) \
            if "unspecified" in rows else None  # fmt: skip
        self._groups: dict[str, tuple[npt.NDArray[np.int64], npt.NDArray[Any]]] = {}
        # The rows of each flow and year, as slices of one order: a question takes a few.
        self._order = np.lexsort((self.year, self.flow))
        self._parts = runs(self.flow[self._order], self.year[self._order])

    def rows(self, flows: Sequence[str], years: Sequence[int]) -> npt.NDArray[np.intp]:
        """The positions of the rows of ``flows`` and ``years``."""
        wanted = [i for i, f in enumerate(self.flows.tolist()) if f in flows]
        spans = [self._parts.get((f, y)) for f in wanted for y in sorted(set(years))]
        picked = [self._order[a:b] for a, b in filter(None, spans)]
        return np.concatenate(picked) if picked else np.zeros(0, np.intp)

    def groups(self, scheme: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[Any]]:
        """Each row's group in ``scheme`` (codes into the sorted group codes)."""
        if scheme not in self._groups:
            assert self.unspecified is not None
            numbers = self.numbers[SCHEME_COLUMNS[scheme]]
            self._groups[scheme] = _coded(_groups(scheme, numbers, self.unspecified, self.names))
        return self._groups[scheme]


def _coded(values: Any) -> tuple[npt.NDArray[np.int64], npt.NDArray[Any]]:
    """Codes into the sorted distinct values of ``values`` (-1 where null), and those values.

    Hashed, then only the distinct values sorted (a sort of every row's string cost half a
    second for a reporter's 25 years at 250M records).
    """
    held = ~np.ma.getmaskarray(values)
    inverse, distinct = pd.factorize(np.asarray(values)[held], sort=True)
    codes = np.full(len(held), -1, np.int64)
    codes[held] = inverse
    return codes, np.asarray(distinct)


def _products(rows: Columns) -> tuple[npt.NDArray[np.int64], npt.NDArray[Any], npt.NDArray[Any]]:
    """Each row's product and classification as one code, and the pair of each code.

    The codes sort as the Ibis way sorts ties: by product, then classification.
    """
    product, classification = rows["product"], rows["classification"]
    held = ~(np.ma.getmaskarray(product) | np.ma.getmaskarray(classification))
    products, p = _coded(np.asarray(product)[held])
    classes, c = _coded(np.asarray(classification)[held])
    # Each pair's code from the two sorted codes: pairs sort by product, then classification.
    width = max(len(c), 1)
    inverse, pairs = pd.factorize(products * width + classes, sort=True)
    codes = np.full(len(held), -1, np.int64)
    codes[held] = inverse
    return codes, p.astype(object)[pairs // width], c.astype(object)[pairs % width]


@dataclass(frozen=True)
class Shortcut:
    """One question: the statement that reads its reporter's rows, and how they answer it."""

    q: Query
    sql: str
    params: dict[str, object]
    #: The answer's columns, in order.
    columns: tuple[str, ...]
    year: int | None
    compare: int | None
    top: int | None
    series: bool
    #: The rows of the reporter's that the question sums.
    flows: tuple[str, ...] = ()
    years: tuple[int, ...] = ()

    @property
    def schema(self) -> Any:
        """The answer's Ibis schema (what the frame is converted to)."""
        return ibis.schema({c: TYPES.get(c, "string") for c in self.columns})

    def answer(self, held: Held) -> Columns | None:
        """The answer's columns from the reporter's rows; None where a key is missing."""
        rows = held.rows(self.flows, self.years)
        found = _keys(self.q, held, rows)
        if found is None:
            return None
        codes, labels = found
        if not self.q.by and not self.series:
            codes, labels = np.zeros(len(rows), np.int64), np.array([""], dtype=object)
        present, inverse = _dense(codes)
        unique = present if labels is None else labels[present]
        value = held.value[rows]
        if self.q.flow == "balance":
            value = value * np.where(held.flows[held.flow[rows]] == "import", -1.0, 1.0)
        lists = _classifications(inverse, held.classification[rows], held.classifications,
                                 len(unique))  # fmt: skip
        if lists is None:
            return None
        if self.series:
            out = _series(self.q, unique, inverse, value, lists)
        else:
            out = _table(self, unique, inverse, present, value, held.year[rows], lists, held)
        out = _indicators(out)
        if self.series:
            order = np.lexsort((-out["value_usd"], out["year"]))[: self.top]
        else:
            order = _largest(out["value_usd"], self.top)
        picked = {c: v[order] for c, v in out.items()}
        picked.update(_names(self.q, picked, held.names))
        return {c: picked[c] for c in self.columns}


def frame(columns: Columns) -> pd.DataFrame | None:
    """The answer as the Session's frame, or None: the engine's conversion then makes it.

    What :meth:`hitex.store.engines.DuckDBEngine.frame` and the Session's ordering make of
    a compiled answer (years as Int64, classifications joined by commas), without their
    conversions through Ibis's types (a third of a question's time); a frame without rows
    or with a missing number goes their way.
    """
    out: dict[str, Any] = {}
    for name, values in columns.items():
        mask, data = np.ma.getmaskarray(values), np.asarray(values)
        if not len(data) or (name != "classifications" and TYPES.get(name) and mask.any()):
            return None
        if name == "classifications":
            out[name] = _strings(_joined(data, mask))
        elif name == "year":
            out[name] = pd.array(data, dtype="Int64")
        elif TYPES.get(name) == "float64":
            out[name] = data
        else:
            out[name] = _strings(data, mask)
    return pd.DataFrame(out, copy=False)


def _strings(values: Any, mask: npt.NDArray[np.bool_] | None = None) -> Any:
    """Python strings (missing where ``mask``) as pandas' ``str`` column, made from Arrow's."""
    strings = pa.array(values, pa.large_string(), mask=mask)
    return pd.arrays.ArrowStringArray(strings, dtype=STR)  # type: ignore[call-arg]


def _joined(lists: npt.NDArray[Any], mask: npt.NDArray[np.bool_]) -> list[str]:
    """Each row's classifications joined by commas ("" where none), as the Session joins them.

    Rows with the same classifications share one array (:func:`_classifications`): joined once.
    """
    done: dict[int, str] = {}
    out = []
    for v, m in zip(lists.tolist(), mask.tolist(), strict=True):
        if m:
            out.append("")
        elif (found := done.get(id(v))) is not None:
            out.append(found)
        else:
            out.append(done.setdefault(id(v), ",".join(v.tolist())))
    return out


def plan(
    q: Query,
    *,
    route: str | None,
    files: Sequence[str],
    unallocated: bool = True,
    indicators: Iterable[str] | None,
    year: int | None = None,
    compare: int | None = None,
    top: int | None = None,
    series: bool = False,
) -> Shortcut | None:
    """How to answer ``q`` from the rollup ``route``'s ``files``, or None: the Ibis way.

    ``unallocated=False`` says the warehouse's ``unallocated`` table is empty (not read).
    ``year`` and ``compare`` are a table's; ``series=True`` asks for one row per year of
    ``q.years``, each against the year before (the series' ``q`` has not been widened yet).
    The statement reads every row of the reporter in the rollup (:class:`Held`); the
    question's flows and years are selected from them.
    """
    columns = _indicator_columns(indicators, base=series or compare is not None)
    found = DIMENSIONS.get(q.by)
    if columns is None or found is None or not _plain(q) or route != found[0] or not files:
        return None
    if (series and q.by) or (not series and (year is None or year == compare)):
        return None  # a series by a dimension is made dense by year: the Ibis way
    scheme = SCHEME_COLUMNS.get(q.groups or "")
    if ("group" in q.by) != (scheme is not None) or (q.groups is not None and scheme is None):
        return None
    keys = ["year"] if series else [k for k in ("partner", "product", "classification", "group")
                                    if k in (*q.by, *found[1][1:])]  # fmt: skip
    named = [n for d in q.by if (n := BY_NAMES[d]) is not None]
    answer = [*keys, *columns, "classifications", *named]
    # The contract's columns first, the others after, as the Session orders an Ibis answer.
    order = ["year", *column_order((), True)] if series else column_order(q.by, compare is not None)
    head = [c for c in order if c in answer]
    out = (*head, *[c for c in answer if c not in head])
    reads = ", ".join(READS[route])
    where = "reporter = $reporter"
    sql = f"SELECT {reads} FROM read_parquet($files, hive_partitioning = false) WHERE {where}"  # noqa: S608
    if unallocated:
        # The rows the rollup's view adds (reading them costs a join: only where there are some).
        rest = rollups.unallocated_sql(route)
        sql += f" UNION ALL SELECT {reads} FROM ({rest}) WHERE {where}"  # noqa: S608
    span = sorted(set(q.years))
    years = [span[0] - 1, *span] if series else [y for y in (year, compare) if y is not None]
    flows = ("export", "import") if q.flow == "balance" else (q.flow,)
    params: dict[str, object] = {"files": list(files), "reporter": q.reporter}
    if route == "products":
        params["not_specified"] = list(NOT_SPECIFIED_CODES)
    return Shortcut(q, sql, params, out, year, compare, top, series, flows, tuple(years))


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


def _keys(
    q: Query, held: Held, rows: npt.NDArray[np.intp]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[Any] | None] | None:  # fmt: skip
    """Each row's key code and the keys' labels (partner, product, group; year: none).

    None where a row's key is null (the Ibis way says so).
    """
    if not q.by:
        return np.asarray(held.year[rows], np.int64), None
    by = q.by[0]
    if by == "partner":
        assert held.partner is not None
        codes, labels = held.partner[0][rows], held.partner[1]
    elif by == "product":
        assert held.product is not None
        codes, labels = held.product[0][rows], None
    else:
        found = held.groups(q.groups or "")
        codes, labels = found[0][rows], found[1]
    if len(codes) and codes.min() < 0:
        return None
    return codes, labels


def _groups(scheme: str, numbers: Any, unspecified: Any, names: Lookup) -> npt.NDArray[Any]:
    """Each row's group in the scheme: its number's code, else unspecified or unmapped."""
    known = names("group_id")
    ids, which = np.unique(np.ma.filled(numbers, -1), return_inverse=True)
    codes = np.array([known.get(f"{scheme} {n}") for n in ids.tolist()] + [None], dtype=object)
    # A row without a number (or with a number no group has) is unspecified or unmapped.
    which[np.ma.getmaskarray(numbers)] = len(ids)
    out = codes[which]
    missing = out == None  # noqa: E711 - elementwise
    out[missing & unspecified] = UNSPECIFIED
    out[missing & ~unspecified] = UNMAPPED
    return out


def _largest(value: npt.NDArray[np.float64], top: int | None) -> npt.NDArray[np.intp]:
    """The positions of the ``top`` largest values (all: None), largest first, ties in order.

    With a ``top``, only the values from the ``top``-th largest up are sorted.
    """
    if top is not None and top < len(value):
        least = np.partition(-value, top - 1)[top - 1]
        within = np.flatnonzero(-value <= least)  # the ties at the cut too, in their order
        return within[np.argsort(-value[within], kind="stable")][:top]
    return np.argsort(-value, kind="stable")


def _dense(codes: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.intp]]:
    """``np.unique(codes, return_inverse=True)`` of whole numbers, by counting, not sorting."""
    if not len(codes):
        return codes, np.zeros(0, np.intp)
    low = int(codes.min())
    present = np.flatnonzero(np.bincount(codes - low))
    rank = np.zeros(int(present[-1]) + 1, np.intp)
    rank[present] = np.arange(len(present))
    return present + low, rank[codes - low]


def _classifications(
    inverse: npt.NDArray[np.intp], codes: npt.NDArray[np.int64], names: npt.NDArray[Any], n: int
) -> npt.NDArray[Any] | None:  # fmt: skip
    """The distinct classifications of each key (masked where it has none).

    Each key's set is a bit mask of the classifications seen; keys with the same set share
    one array (a warehouse holds a few classifications).
    """
    present = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(names)))
    if len(present) > 62:
        return None  # more than a bit mask holds: the Ibis way
    sets = np.zeros(n, np.int64)
    for i, c in enumerate(present.tolist()):
        sets |= (np.bincount(inverse[codes == c], minlength=n) > 0).astype(np.int64) << i
    distinct, where = np.unique(sets, return_inverse=True)
    arrays = np.empty(len(distinct), dtype=object)
    labels = [str(names[c]) for c in present.tolist()]
    for j, bits in enumerate(distinct.tolist()):
        arrays[j] = np.array([c for i, c in enumerate(labels) if bits >> i & 1], dtype=object)
    return np.ma.masked_array(arrays[where], mask=sets == 0)


def _table(
    s: Shortcut, unique: Any, inverse: Any, present: Any, value: Any, year: Any, lists: Any,
    held: Held,
) -> Columns:  # fmt: skip
    """The sums of a table's keys: value in the year, and in the compare year."""
    n = len(unique)
    out: Columns = {}
    if s.q.by == ("product",):
        assert held.product is not None
        out["product"] = held.product[1][present]
        out["classification"] = held.product[2][present]
    elif s.q.by:
        out[s.q.by[0]] = unique
    out["value_usd"] = np.bincount(inverse, np.where(year == s.year, value, 0.0), n)
    if s.compare is not None:
        out["base_value_usd"] = np.bincount(inverse, np.where(year == s.compare, value, 0.0), n)
    out["classifications"] = lists
    out["partition__"] = np.zeros(n, np.intp)
    return out


def _series(q: Query, years: Any, inverse: Any, value: Any, lists: Any) -> Columns:
    """One row a year of the span with rows, its base the year before's value (0 if none)."""
    sums = np.bincount(inverse, value, len(years))
    before = dict(zip(years.tolist(), sums.tolist(), strict=True))
    inside = np.isin(years, sorted(set(q.years)))
    kept = years[inside]
    return {
        "year": kept.astype(np.int16),
        "value_usd": sums[inside],
        "base_value_usd": np.array([before.get(y - 1, 0.0) for y in kept.tolist()]),
        "classifications": lists[inside],
        "partition__": np.arange(len(kept)),
    }


def _indicators(out: Columns) -> Columns:
    """Growth, share, change and the HHI, as the indicators' expressions compute them."""
    value, part = out["value_usd"], out.pop("partition__")
    total = np.bincount(part, value)[part] if len(value) else value
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = (value / total) * 100.0
        out["share_pct"] = np.where(total != 0, pct, np.nan)
        squares = np.bincount(part, pct * pct)[part] if len(value) else value
        out["hhi"] = np.where(total > 0, squares, np.nan)
        if "base_value_usd" in out:
            base = out["base_value_usd"]
            out["growth_pct"] = np.where(base > 0, ((value - base) / base) * 100.0, np.nan)
            out["change_usd"] = value - base
    return out


def _names(q: Query, out: Columns, names: Lookup) -> Columns:
    """The ``*_name`` column of the rows' keys (masked where the reference knows none)."""
    if not q.by:
        return {}
    by = q.by[0]
    if by == "partner":
        known = names("partner")
        own = f" ({SELF_PARTNER.get(q.flow, 'as reported to itself')})"
        found = [known.get(p) for p in out["partner"].tolist()]
        found = [
            (p if n is None else n) + own if p == q.reporter else n
            for p, n in zip(out["partner"].tolist(), found, strict=True)
        ]
    elif by == "product":
        known = names("product")
        pairs = zip(out["classification"].tolist(), out["product"].tolist(), strict=True)
        found = [known.get(f"{c} {p}") for c, p in pairs]
    else:
        known = names("group")
        fixed = {UNSPECIFIED: UNSPECIFIED_NAME, UNMAPPED: UNMAPPED_NAME}
        found = [fixed.get(g) or known.get(f"{q.groups} {g}") for g in out["group"].tolist()]
    column = np.array(found, dtype=object)
    return {BY_NAMES[by] or "": np.ma.masked_array(column, mask=[f is None for f in found])}
