"""The dashboard's figures from memory: one warehouse version's trade as sorted integer columns.

``/api/view`` asks four questions of one selection (the headline, partners, products or
groups, the series by year). Asked of DuckDB through Ibis, each costs a compiled query and a
DataFrame; fifty readers asking different views queue behind those fixed costs. An
:class:`Answers` holds every row of ``trade`` (what indicators read as ``flows``: records,
unallocated totals and the mirrored imports of reconciled loads) of one warehouse version,
summed by reporter, partner, flow, period, classification and product, as integer-coded
numpy columns sorted by reporter, flow and year. A question is then a slice (one reporter,
flow and year are contiguous rows), a few masks (months, partner group, product group) and
a few ``bincount`` sums. A reconciled load's record (BACI), which ``trade`` reads twice (the
exporter's export and the importer's import), is held once: a country's mirrored imports of
a year are a slice of :attr:`Answers.mirror`, the records' places sorted by partner and year.

The answers are the Session's, row for row and to the cent: the same selection
(:class:`hitex.indicators.selection.Query`, the Session's own checks of holdings, names,
months and coverage run first), value, base value, growth, share, product lines and the
classifications of each row, ordered and cut as :meth:`hitex.Session.table` and
:meth:`hitex.Session.series` order and cut them. What this module does not answer, the
caller asks the Session (:func:`rows` returns None): records that carry enterprises
(disclosure control applies), an enterprise group, indicators other than those a view asks,
and a question any of the Session's checks refuses (the Session then raises the same error).
Names are English or Russian (``lang="ru"``): partners, products and groups take the Russian
names the Session looks up (:func:`hitex.reference.russian.localize`), the English name where
it knows none.

An :class:`Answers` is built from the snapshot of the reader that first asks for a version
(:func:`for_session`), once per version, and serves that version only: a load changes the
version, and its readers get the answers of their own snapshot, never a mix. After a load,
the new version's columns are made from the version before (:func:`update`): only the rows
of the reporters the loads since touched are read again (a revision of one reporter reads
that reporter's rows, not the warehouse); a load removed, new reference tables or a code the
columns do not hold read everything again.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import functools
import os
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from hitex.errors import HitexError
from hitex.indicators.selection import (
    NOT_SPECIFIED_CODES,
    UNMAPPED,
    UNMAPPED_NAME,
    UNSPECIFIED,
    UNSPECIFIED_NAME,
    Query,
)
from hitex.indicators.table import SELF_PARTNER
from hitex.ingest.sql import lit
from hitex.reference import russian
from hitex.session import Session
from hitex.shortcuts import Runs, runs
from hitex.store.engines import DuckDBEngine
from hitex.store.warehouse import Warehouse

#: The rows an :class:`Answers` holds: those of ``trade`` (:data:`hitex.store.schema.VIEWS`)
#: less its mirror. A reconciled load's export is also the partner's import in ``trade``; it
#: is held once, marked ``mirrored``, and the import is read through :attr:`Answers.mirror`
#: (its sides swapped). The mirror of a reconciled export that ``trade`` does not hold as an
#: export (partner WLD, product TOTAL) is held as the import row itself.
_HELD = """SELECT year, month, reporter, partner, flow, classification, product, value_usd,
        coalesce(flow = 'export' AND load_id IN (SELECT id FROM loads WHERE reconciled), false)
            AS mirrored
    FROM flows WHERE partner <> 'WLD' AND product <> 'TOTAL'
    UNION ALL
    SELECT year, month, reporter, partner, flow, classification, product, value_usd, false
    FROM unallocated
    UNION ALL
    SELECT year, month, partner, reporter, 'import', classification, product, value_usd, false
    FROM flows WHERE flow = 'export' AND load_id IN (SELECT id FROM loads WHERE reconciled)
        AND (partner <> 'WLD' AND product <> 'TOTAL') IS NOT TRUE"""

#: The values each coded column takes, in one scan of the rows held; the rows, and the
#: mirrored ones (each also a row of ``trade``).
_VALUES = f"""SELECT list(DISTINCT reporter) AS reporters, list(DISTINCT partner) AS partners,
    list(DISTINCT flow) AS flows, list(DISTINCT classification) AS classifications,
    list(DISTINCT product) AS products,
    count(*) FILTER (WHERE reporter IS NULL OR partner IS NULL OR flow IS NULL
        OR classification IS NULL OR product IS NULL OR year IS NULL) AS nulls,
    count(*) AS rows, count(*) FILTER (WHERE mirrored) AS mirrored
    FROM ({_HELD})"""  # noqa: S608 - fixed SQL

#: The rows held, their codes as ENUMs of the values above, sorted by reporter, flow and year
#: (with the mirror, what indicators read as ``flows``: nothing is summed or left out).
_ROWS = f"""SELECT CAST(reporter AS {{countries}}) AS reporter,
    CAST(partner AS {{countries}}) AS partner, CAST(flow AS {{flows}}) AS flow, year,
    coalesce(month, 0) AS month,
    CAST(classification AS {{classifications}}) AS classification,
    CAST(product AS {{products}}) AS product, value_usd, value_usd > 0 AS positive, mirrored
    FROM ({_HELD}) {{where}} ORDER BY 1, 3, 4"""  # noqa: S608 - fixed SQL

#: What a version's rows were read after: the last load, the loads removed, the reference.
_STAMP = """SELECT (SELECT coalesce(max(id), 0) FROM loads),
    (SELECT count(*) FROM loads WHERE status = 'removed'),
    (SELECT value FROM meta WHERE key = 'reference')"""

#: The reporters whose rows of ``trade`` the loads after ``?`` (up to ``?``) changed: those of
#: their records and of the records they revised (:func:`hitex.store.load.replace_keys`), whose
#: periods are also the only ones whose unallocated parts they rewrite
#: (:func:`hitex.store.load.reallocate`), and, for reconciled loads, the partners of their
#: exports (mirrored as those partners' imports).
_TOUCHED = """WITH later AS (SELECT id, reconciled FROM loads WHERE id > $1 AND id <= $2)
    SELECT reporter FROM flows WHERE load_id IN (SELECT id FROM later)
    UNION SELECT partner FROM flows WHERE flow = 'export'
        AND load_id IN (SELECT id FROM later WHERE reconciled)
    UNION SELECT reporter FROM revisions WHERE replaced_by IN (SELECT id FROM later)
    UNION SELECT partner FROM revisions WHERE replaced_by IN (SELECT id FROM later)
        AND flow = 'export' AND load_id IN (SELECT id FROM loads WHERE reconciled)
    UNION SELECT reporter FROM unallocated WHERE load_id IN (SELECT id FROM later)"""

#: Rows and total of ``trade``: a version built from the one before must hold the same.
_TOTAL = "SELECT count(*), sum(value_usd) FROM trade"

#: Questions whose checks are kept per version (then forgotten all at once).
CHECKS_KEPT = 65_536

#: Versions kept (a reader of the version before a load may still be answering).
KEEP = 2

#: Rows held in memory at most (about 22 bytes each, and 4 a mirrored row for its index;
#: ``HITEX_VIEW_MEMORY_ROWS``). A reconciled load's record is one row held, though ``trade``
#: reads it twice (the export and the partner's import).
MAX_ROWS = int(os.environ.get("HITEX_VIEW_MEMORY_ROWS", "60000000"))

IntArray = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]


@dataclass
class Answers:
    """One warehouse version's trade in memory, and the reference tables a view names."""

    version: str
    countries: list[str]
    country_code: dict[str, int]
    flows: list[str]
    classifications: list[str]
    products: list[str]
    reporter: npt.NDArray[np.int16]
    partner: npt.NDArray[np.int16]
    year: npt.NDArray[np.int16]
    month: npt.NDArray[np.int8]
    classification: npt.NDArray[np.int8]
    product: npt.NDArray[np.int32]
    value: Floats
    positive: Bools
    #: Whether the row is an export of a reconciled load (also the partner's import).
    mirrored: Bools
    #: (reporter, flow, year) -> (first row, row after the last).
    slices: Runs
    country_names: dict[str, str]
    product_names: dict[tuple[str, str], str]
    #: Whether a classification code starts with HS, and whether a product code is 6 long.
    hs: Bools
    six: Bools
    #: Reporters with records that name enterprises (disclosure control: the Session answers).
    firms: set[str] = field(default_factory=set)
    #: The mirrored rows, sorted by partner and year (each one's place in the columns): the
    #: imports ``trade`` reads from the reconciled loads' exports.
    mirror: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    #: (partner, year) -> (first, after the last) of :attr:`mirror`: a country's mirrored
    #: imports of a year.
    mirror_slices: Runs = field(default_factory=dict)
    #: Seconds the build took, and the bytes the columns hold.
    built_s: float = 0.0
    nbytes: int = 0
    #: The last load, the loads removed and the reference version the rows were read after.
    stamp: tuple[Any, ...] = ()
    #: Reporters whose rows were read again from the version before (None: all were read).
    updated: list[str] | None = None
    _cache: dict[Any, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _tables: dict[str, Any] = field(default_factory=dict)
    #: Whether the Session's checks let a question through (:func:`rows`), by question.
    _checks: dict[tuple[Any, ...], bool] = field(default_factory=dict)
    #: Series answered from this version (:func:`_series_kept`), by question.
    _series: dict[tuple[Any, ...], Any] = field(default_factory=dict)

    def kept(self, key: Any, make: Any) -> Any:
        """``make()``, kept with this version."""
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        found = make()
        with self._lock:
            self._cache[key] = found
        return found


_BUILT: dict[tuple[str, str], Answers | None] = {}
_BUILDING: dict[str, threading.Thread] = {}
_GUARD = threading.Lock()
#: Warehouses whose next build reads every row (one from the version before failed).
_WHOLE: set[str] = set()


def _usable(s: Session) -> bool:
    # A warehouse in memory has no file to key its versions by; other engines read files.
    return isinstance(s.engine, DuckDBEngine) and s.warehouse.path != ":memory:"


def for_session(s: Session) -> Answers | None:
    """The answers of ``s``'s warehouse version, if they are built; never waits for a build.

    Where they are not, a build starts in the background (:func:`_build_latest`) and the
    caller asks the Session meanwhile. None also where the session's engine is not DuckDB,
    for a warehouse in memory, and where :func:`build` declines.
    """
    if not _usable(s):
        return None
    key = (s.warehouse.path, s.warehouse.version())
    with _GUARD:
        if key in _BUILT:
            return _BUILT[key]
        running = _BUILDING.get(key[0])
        if running is None or not running.is_alive():
            thread = threading.Thread(target=_build_latest, args=(s.warehouse,), daemon=True)
            _BUILDING[key[0]] = thread
            thread.start()
    return None


def built(path: str, version: str) -> bool:
    """Whether the answers of ``version`` of the warehouse ``path`` are built (and usable)."""
    with _GUARD:
        return _BUILT.get((path, version)) is not None


def ready(s: Session) -> Answers | None:
    """The answers of ``s``'s snapshot, built now if they are not (a server's start)."""
    if not _usable(s):
        return None
    key = (s.warehouse.path, s.warehouse.version())
    with _GUARD:
        if key in _BUILT:
            return _BUILT[key]
    try:
        found = build(s.warehouse)
    except duckdb.Error:  # a warehouse the columns cannot read: the Session answers
        found = None
    _keep(key, found)
    if found is not None:
        warm(s)
    return found


def warm(s: Session) -> None:
    """Every reporter's coverage of ``s``'s version, computed now (kept for every reader).

    A view checks its reporter's coverage first (the flows offered, imports and balance):
    about 15 ms a reporter, paid here once, when the server starts, instead of by the first
    view of each. After a load (versions may follow each other by seconds), the views ask
    what they need.
    """
    for reporter in sorted(s.engine.holdings()):
        with contextlib.suppress(HitexError):
            s.coverage(reporter)


def _keep(key: tuple[str, str], found: Answers | None) -> None:
    with _GUARD:
        _BUILT[key] = found
        for old in [k for k in _BUILT if k[0] == key[0]][:-KEEP]:
            del _BUILT[old]


def _build_latest(warehouse: Warehouse) -> None:
    """Build the answers of the warehouse's latest version, on a cursor of its own.

    From the latest version built before, where it can (:func:`update`).
    """
    other = warehouse.cursor()
    try:
        other.con.execute("BEGIN TRANSACTION")
        other.pin_version(True)
        key = (other.path, other.version())
        with _GUARD:
            if key in _BUILT:
                return
            base = next((a for k, a in reversed(_BUILT.items()) if k[0] == key[0] and a), None)
            if key[0] in _WHOLE:
                base = None
        # From the version before: only the reporters the loads since touched are read again.
        try:
            _keep(key, build(other, base))
        except duckdb.Error:
            if base is not None:
                with _GUARD:
                    _WHOLE.add(key[0])  # the next build (the next view asks it) reads all
            raise
        with _GUARD:
            _WHOLE.discard(key[0])
    except Exception:
        return
    finally:
        other.pin_version(False)
        with contextlib.suppress(Exception):
            other.con.execute("ROLLBACK")
        with contextlib.suppress(Exception):
            other.con.close()


def forget() -> None:
    """Drop every version's answers (tests and benchmarks measure the build)."""
    with _GUARD:
        _BUILT.clear()


def _enum(values: list[str]) -> str:
    return "ENUM(" + ", ".join(lit(v) for v in values) + ")"


def _indices(column: pa.ChunkedArray) -> npt.NDArray[np.int64]:
    """The codes of an ENUM column (its dictionary's indices)."""
    parts = [np.asarray(c.indices.to_numpy(zero_copy_only=False)) for c in column.chunks]
    return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)


#: The coded columns of an :class:`Answers`, in the order of ``trade``'s sorted rows.
COLUMNS = ("reporter", "partner", "year", "month", "classification", "product", "value",
           "positive", "mirrored")  # fmt: skip


def _read(
    con: duckdb.DuckDBPyConnection, enums: dict[str, str], where: str = "", cast: str = "CAST"
) -> dict[str, Any] | None:
    """Rows of ``trade`` (``where``), sorted, coded by ``enums``; None where a code is NULL.

    ``enums`` are the types of :func:`_enum` by column. A value not in the types fails the
    cast (a :class:`duckdb.Error`).
    """
    sql = _ROWS.format(**enums, where=where).replace("CAST(", cast + "(")
    table = con.sql(sql).to_arrow_table()
    coded = ("reporter", "partner", "flow", "classification", "product")
    if any(table[c].null_count for c in coded):
        return None
    return {
        "reporter": _indices(table["reporter"]).astype(np.int16),
        "partner": _indices(table["partner"]).astype(np.int16),
        "flow": _indices(table["flow"]).astype(np.int8),
        "year": np.asarray(table["year"].to_numpy(), dtype=np.int16),
        "month": np.asarray(table["month"].to_numpy(), dtype=np.int8),
        "classification": _indices(table["classification"]).astype(np.int8),
        "product": _indices(table["product"]).astype(np.int32),
        "value": np.asarray(table["value_usd"].to_numpy(), dtype=np.float64),
        "positive": np.asarray(table["positive"].to_numpy(zero_copy_only=False), dtype=np.bool_),
        "mirrored": np.asarray(table["mirrored"].to_numpy(zero_copy_only=False), dtype=np.bool_),
    }


def _mirror(
    cols: dict[str, Any],
) -> tuple[npt.NDArray[Any], Runs]:
    """The places of the mirrored rows, sorted by partner and year; each pair's slice of them.

    Within a pair, the rows keep their order in the columns.
    """
    rows = np.flatnonzero(cols["mirrored"])
    rows = rows.astype(np.int32) if len(cols["mirrored"]) < 2**31 else rows
    partner, year = cols["partner"][rows], cols["year"][rows]
    order = np.lexsort((year, partner))  # stable: the rows' own order within a pair
    rows, partner, year = rows[order], partner[order], year[order]
    if not len(rows):
        return rows, {}
    return rows, runs(partner, year)


def build(warehouse: Warehouse, base: Answers | None = None) -> Answers | None:
    """Read ``trade`` of the warehouse's snapshot into sorted integer-coded columns.

    With ``base`` (the columns of an earlier version of the same warehouse), only the rows
    of the reporters the loads since then touched are read (:func:`update`); where that
    cannot be done, all of them. None where a code column holds a NULL, or where ``trade``
    holds more than :data:`MAX_ROWS` rows (the Session answers those warehouses).
    """
    if base is not None:
        # A failed query aborts the transaction: its error goes to the caller
        # (:func:`_build_latest` reads everything at its next build).
        updated = update(warehouse, base)
        if updated is not None:
            return updated
    started = time.perf_counter()
    con = warehouse.con
    version = warehouse.version()
    stamp = tuple(con.execute(_STAMP).fetchall()[0])
    found = con.execute(_VALUES).fetchall()[0]
    if found[5] or found[6] > MAX_ROWS:
        return None
    countries = sorted({str(v) for v in (found[0] or []) + (found[1] or [])})
    # The mirrored rows are imports of ``trade``: the flow is coded even where none is held.
    flows = {str(f) for f in found[2] or []} | ({"import"} if found[7] else set())
    values = {"countries": countries, "flows": sorted(flows),
              "classifications": sorted(map(str, found[3] or [])),
              "products": sorted(map(str, found[4] or []))}  # fmt: skip
    if len(values["classifications"]) > 62 or len(countries) > 30_000:
        return None
    cols = _read(con, {k: _enum(v) for k, v in values.items()})
    if cols is None:
        return None
    cn = con.execute("SELECT code, name_en FROM country_names").fetchall()
    pn = con.execute("SELECT classification, product, description FROM products").fetchall()
    answers = Answers(
        version=version,
        countries=countries,
        country_code={c: i for i, c in enumerate(countries)},
        flows=values["flows"],
        classifications=values["classifications"],
        products=values["products"],
        **{c: cols[c] for c in COLUMNS},
        slices=runs(cols["reporter"], cols["flow"], cols["year"]),
        country_names={str(c): str(n) for c, n in cn if n is not None},
        product_names={(str(c), str(p)): str(d) for c, p, d in pn if d is not None},
        hs=np.array([c.startswith("HS") for c in values["classifications"]], dtype=np.bool_),
        six=np.array([len(p) == 6 for p in values["products"]], dtype=np.bool_),
        firms=_firms(con),
        stamp=stamp,
    )
    answers.mirror, answers.mirror_slices = _mirror(cols)
    answers.nbytes = sum(getattr(answers, c).nbytes for c in COLUMNS) + answers.mirror.nbytes
    answers.built_s = time.perf_counter() - started
    return answers


def _firms(con: duckdb.DuckDBPyConnection) -> set[str]:
    found = con.execute("SELECT DISTINCT reporter FROM flows WHERE firm IS NOT NULL").fetchall()
    return {str(r) for (r,) in found}


def update(warehouse: Warehouse, base: Answers) -> Answers | None:
    """The columns of the warehouse's snapshot from ``base``'s.

    The rows of the reporters the loads since ``base`` touched are read again, the others'
    kept.

    None (read everything) where ``base`` is not an earlier version of the same loads and
    reference (a load removed, the reference tables replaced), where the touched rows hold a
    code ``base`` does not, and where the result would not hold as many rows and as much
    value as ``trade`` does.
    """
    started = time.perf_counter()
    con = warehouse.con
    stamp = tuple(con.execute(_STAMP).fetchall()[0])
    if not base.stamp or stamp[1:] != base.stamp[1:] or stamp[0] < base.stamp[0]:
        return None
    touched = sorted(
        str(r) for (r,) in con.execute(_TOUCHED, [base.stamp[0], stamp[0]]).fetchall()
        if r is not None
    )  # fmt: skip
    if any(r not in base.country_code for r in touched):
        return None
    if len(touched) * 2 > len(base.countries):
        return None  # most reporters: one read of everything costs less
    cols: dict[str, Any] = {c: getattr(base, c) for c in COLUMNS}
    slices = base.slices
    mirror, mirror_slices = base.mirror, base.mirror_slices
    if touched:
        values = {"countries": base.countries, "flows": base.flows,
                  "classifications": base.classifications, "products": base.products}  # fmt: skip
        # The types of the version before (thousands of quoted products), written once.
        enums = base.kept(("enums",), lambda: {k: _enum(v) for k, v in values.items()})
        where = "WHERE reporter IN (" + ", ".join(lit(r) for r in touched) + ")"
        # TRY_CAST: a code the types do not hold is a NULL (read everything), not an error
        # that would abort the transaction the whole read needs.
        new = _read(con, enums, where, cast="TRY_CAST")
        if new is None:
            return None
        codes = [base.country_code[r] for r in touched]
        cols, slices = _splice(base, new, codes)
        # The mirror moved with the rows (made again where a mirrored row was replaced).
        moved = _moved(base, new, codes)
        mirror, mirror_slices = _mirror(cols) if moved is None else (moved, base.mirror_slices)
    rows, total = con.execute(_TOTAL).fetchall()[0]
    # ``trade``'s rows: those held, and the mirrored ones again as imports.
    mirrored = cols["value"][cols["mirrored"]]
    count = len(cols["value"]) + len(mirrored)
    held = float(cols["value"].sum() + mirrored.sum()) if count else 0.0
    if (
        int(rows) != count or not np.isclose(held, float(total or 0.0), rtol=1e-9)
        or ("import" not in base.flows and len(mirrored))  # (mirrored imports need its code)
    ):  # fmt: skip
        return None
    answers = dataclasses.replace(
        base, version=warehouse.version(), **cols, slices=slices, firms=_firms(con),
        mirror=mirror, mirror_slices=mirror_slices,
        stamp=stamp, _cache={k: v for k, v in base._cache.items() if k == ("enums",)},
        _lock=threading.Lock(), _tables={}, _checks={}, _series={},
    )  # fmt: skip
    answers.built_s = time.perf_counter() - started
    answers.updated = touched
    return answers


def _moved(base: Answers, new: dict[str, Any], codes: list[int]) -> npt.NDArray[Any] | None:
    """``base``'s mirror once reporters ``codes``' rows are replaced by ``new``'s.

    Where neither holds a mirrored row (:func:`_splice`): the same rows, each moved by the rows
    replaced before it. None where a mirrored row was replaced (the mirror is made again).
    """
    wanted = np.asarray(codes, dtype=np.int16)
    old = [base.reporter.searchsorted(wanted, side) for side in ("left", "right")]
    fresh = [new["reporter"].searchsorted(wanted, side) for side in ("left", "right")]
    if new["mirrored"].any() or any(
        base.mirrored[lo:hi].any() for lo, hi in zip(old[0].tolist(), old[1].tolist(), strict=True)
    ):
        return None
    shift = np.cumsum((fresh[1] - fresh[0]) - (old[1] - old[0]))
    at = np.searchsorted(old[1], base.mirror, side="right")
    moved: npt.NDArray[Any] = base.mirror + np.r_[0, shift][at].astype(base.mirror.dtype)
    return moved


def _splice(base: Answers, new: dict[str, Any], codes: list[int]) -> tuple[dict[str, Any], Runs]:
    """``base``'s columns with reporters ``codes``' rows (ascending) replaced by ``new``'s.

    Also the slices of the result.
    """
    # Searched with codes of the columns' own type: an int would make numpy copy each column.
    wanted = np.asarray(codes, dtype=np.int16)
    ends = [base.reporter.searchsorted(wanted, side) for side in ("left", "right")]
    old_at = list(zip(ends[0].tolist(), ends[1].tolist(), strict=True))
    ends = [new["reporter"].searchsorted(wanted, side) for side in ("left", "right")]
    new_at = list(zip(ends[0].tolist(), ends[1].tolist(), strict=True))
    out: dict[str, Any] = {}
    for c in COLUMNS:
        old, fresh = getattr(base, c), new[c]
        parts, prev = [], 0
        for (lo, hi), (a, b) in zip(old_at, new_at, strict=True):
            parts += [old[prev:lo], fresh[a:b]]
            prev = hi
        parts.append(old[prev:])
        out[c] = np.concatenate(parts)
    # Where row i of ``new`` lands, per touched reporter; how far the rows after each move.
    moved: dict[int, int] = {}
    shifts: list[int] = []
    shift = 0
    for code, (lo, hi), (a, b) in zip(codes, old_at, new_at, strict=True):
        moved[code] = lo + shift - a
        shift += (b - a) - (hi - lo)
        shifts.append(shift)
    slices: Runs = {}
    for (r, f, y), (lo, hi) in base.slices.items():
        if r in moved:
            continue
        k = bisect.bisect_left(codes, r)
        d = shifts[k - 1] if k else 0
        slices[(r, f, y)] = (lo + d, hi + d)
    for (r, f, y), (lo, hi) in runs(new["reporter"], new["flow"], new["year"]).items():
        slices[(r, f, y)] = (lo + moved[r], hi + moved[r])
    return out, slices


# -- reference lookups, kept per version -------------------------------------------------------


def _partner_mask(a: Answers, s: Session, group: str, year: int) -> Bools:
    """Countries in ``group`` in ``year`` (as :func:`hitex.indicators.selection.select`)."""

    def make() -> Bools:
        rows = s.warehouse.con.execute(
            """SELECT DISTINCT iso3 FROM country_groups WHERE lower(group_name) = ?
            AND (year_from IS NULL OR year_from <= ?) AND (year_to IS NULL OR year_to >= ?)""",
            [group.lower(), year, year],
        ).fetchall()
        mask = np.zeros(len(a.countries) + 1, dtype=np.bool_)
        for (iso,) in rows:
            code = a.country_code.get(str(iso))
            if code is not None:
                mask[code] = True
        return mask

    found: Bools = a.kept(("partners", group.lower(), year), make)
    return found


@dataclass(frozen=True)
class Scheme:
    """A product scheme over the coded products: each (classification, product)'s group."""

    #: Group index of each classification * len(products) + product; -1: not in the scheme.
    group: npt.NDArray[np.int32]
    codes: list[str]
    #: The name a table shows for each group (the scheme's first name of it).
    names: list[str]
    #: Lower-cased code and name of each (classification, product)'s group row.
    row_names: dict[int, str]
    #: Each group's place in the order of the codes as strings, ``unmapped`` last in the list
    #: (index -1) at its own place.
    rank: list[int]


def _scheme(a: Answers, s: Session, scheme: str) -> Scheme | None:
    def make() -> Scheme | None:
        rows = s.warehouse.con.execute(
            """SELECT classification, product, group_code, group_name FROM product_groups
            WHERE scheme = ?""",
            [scheme],
        ).fetchall()
        codes = sorted({str(g) for _, _, g, _ in rows})
        first: dict[str, str] = {}
        for _, _, g, n in rows:
            first[str(g)] = min(first.get(str(g), str(n)), str(n))
        index = {c: i for i, c in enumerate(codes)}
        cls_code = {c: i for i, c in enumerate(a.classifications)}
        prod_code = {p: i for i, p in enumerate(a.products)}
        group = np.full(len(a.classifications) * len(a.products), -1, dtype=np.int32)
        row_names: dict[int, str] = {}
        seen: set[tuple[str, str]] = set()
        for c, p, g, n in rows:
            if (str(c), str(p)) in seen:
                return None  # a product in two groups: each record would count twice
            seen.add((str(c), str(p)))
            ci, pi = cls_code.get(str(c)), prod_code.get(str(p))
            if ci is None or pi is None:
                continue
            group[ci * len(a.products) + pi] = index[str(g)]
            row_names[ci * len(a.products) + pi] = str(n).lower()
        names = [first[c] for c in codes]
        # HS "commodities not specified according to kind" that the scheme does not group are a
        # group of their own, as the Session names them (:data:`UNSPECIFIED`).
        not_specified = [prod_code[p] for p in NOT_SPECIFIED_CODES if p in prod_code]
        unspecified = [
            ci * len(a.products) + pi
            for ci, c in enumerate(a.classifications) if str(c).startswith("HS")
            for pi in not_specified
        ]  # fmt: skip
        if unspecified and UNSPECIFIED not in index:
            cells = np.asarray(unspecified, dtype=np.int64)
            cells = cells[group[cells] < 0]
            group[cells] = len(codes)
            for cell in cells.tolist():
                row_names[cell] = UNSPECIFIED_NAME.lower()
            codes, names = [*codes, UNSPECIFIED], [*names, UNSPECIFIED_NAME]
        ordered = sorted([*codes, UNMAPPED])
        rank = [ordered.index(c) for c in codes] + [ordered.index(UNMAPPED)]
        return Scheme(group, codes, names, row_names, rank)

    found: Scheme | None = a.kept(("scheme", scheme), make)
    return found


def _group_filter(a: Answers, sch: Scheme, scheme: str, wanted: str) -> Bools:
    """Which (classification, product) cells ``group`` keeps: its code or its row's name."""

    def make() -> Bools:
        w = wanted.lower()
        by_code = np.array([c.lower() == w for c in sch.codes] + [w == UNMAPPED], dtype=np.bool_)
        keep = by_code[np.where(sch.group < 0, len(sch.codes), sch.group)]
        for cell, n in sch.row_names.items():
            if n == w:
                keep[cell] = True
        if UNMAPPED_NAME.lower() == w:
            keep[sch.group < 0] = True
        return keep

    found: Bools = a.kept(("group", scheme, wanted.lower()), make)
    return found


# -- one question ------------------------------------------------------------------------------


@dataclass
class Rows:
    """The selected rows of one question, as arrays."""

    partner: npt.NDArray[np.int16]
    year: npt.NDArray[np.int16]
    classification: npt.NDArray[np.int8]
    product: npt.NDArray[np.int32]
    value: Floats
    positive: Bools
    group: npt.NDArray[np.int32] | None = None
    #: Whether the years are in order (one flow: the slices come by year).
    ordered: bool = False
    #: Classification codes the rows may hold (those of the slices they were chosen from).
    classes: list[int] | None = None

    def of_years(self, first: int, last: int) -> slice | Bools:
        """The rows of the years ``first`` to ``last``, in their order.

        A slice where the years are in order, else a mask: either picks the same rows.
        """
        if self.ordered:
            lo, hi = np.searchsorted(self.year, [first, last + 1]).tolist()
            return slice(lo, hi)
        where: Bools = (self.year >= first) & (self.year <= last)
        return where


def _classes(a: Answers, q: Query) -> list[int]:
    """The classification codes held in the slices :func:`_slice` takes (kept per slice)."""

    def held(lo: int, hi: int) -> list[int]:
        found: list[int] = np.flatnonzero(np.bincount(a.classification[lo:hi])).tolist()
        return found

    def mirrored(lo: int, hi: int) -> list[int]:
        found: list[int] = np.flatnonzero(np.bincount(a.classification[a.mirror[lo:hi]])).tolist()
        return found

    reporter = a.country_code.get(q.reporter)
    codes: set[int] = set()
    for f in ("export", "import") if q.flow == "balance" else (q.flow,):
        if reporter is None or f not in a.flows:
            continue
        for y in set(q.years):
            found = a.slices.get((reporter, a.flows.index(f), y))
            if found is not None:
                codes.update(a.kept(("classes", found), functools.partial(held, *found)))
            found = a.mirror_slices.get((reporter, y)) if f == "import" else None
            if found is not None:
                codes.update(a.kept(("mirror classes", found), functools.partial(mirrored, *found)))
    return sorted(codes)


def _slice(a: Answers, q: Query) -> tuple[slice | npt.NDArray[Any], Floats, npt.NDArray[np.int16]]:
    """Rows of the reporter, flow(s) and years of ``q``, their signed values and partners.

    A slice where the rows are contiguous (one flow, adjacent years, no mirrored imports): no
    copy. Mirrored imports (:attr:`Answers.mirror`) follow each year's own rows, their
    partner the exporter.
    """
    reporter = a.country_code.get(q.reporter)
    flows = ("export", "import") if q.flow == "balance" else (q.flow,)
    # (first, after the last, sign, whether of the mirror)
    parts: list[tuple[int, int, float, bool]] = []
    for f in flows:
        if reporter is None or f not in a.flows:
            continue
        sign = -1.0 if q.flow == "balance" and f == "import" else 1.0
        for y in sorted(set(q.years)):
            found = a.slices.get((reporter, a.flows.index(f), y))
            if found is not None:
                last = parts[-1] if parts else None
                if last and not last[3] and last[1] == found[0] and last[2] == sign:
                    parts[-1] = (last[0], found[1], sign, False)
                else:
                    parts.append((*found, sign, False))
            found = a.mirror_slices.get((reporter, y)) if f == "import" else None
            if found is not None:
                parts.append((*found, sign, True))
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, np.zeros(0, dtype=np.float64), a.partner[empty]
    if len(parts) == 1 and not parts[0][3]:
        lo, hi, sign, _ = parts[0]
        value = a.value[lo:hi] * sign if sign < 0 else a.value[lo:hi]
        return slice(lo, hi), value, a.partner[lo:hi]
    places = [a.mirror[lo:hi] if m else np.arange(lo, hi) for lo, hi, _, m in parts]
    partners = [a.reporter[p] if m else a.partner[p]
                for p, (_, _, _, m) in zip(places, parts, strict=True)]  # fmt: skip
    idx = places[0] if len(places) == 1 else np.concatenate(places)
    partner = partners[0] if len(partners) == 1 else np.concatenate(partners)
    value = a.value[idx]
    if any(sign < 0 for _, _, sign, _ in parts):
        value = value * np.concatenate([np.full(hi - lo, sign) for lo, hi, sign, _ in parts])
    return idx, value, partner


def _both(keep: Bools | None, more: Bools) -> Bools:
    return more if keep is None else keep & more


#: Each thread's selections of the view it answers (:func:`one_view`).
_VIEW = threading.local()


@contextlib.contextmanager
def one_view() -> Iterator[None]:
    """Questions asked inside share their selections, forgotten at the end.

    A view's headline and partners select the same rows.
    """
    _VIEW.rows = {}
    try:
        yield
    finally:
        _VIEW.rows = None


def _select(a: Answers, s: Session, q: Query) -> Rows | None:
    """The rows :func:`hitex.indicators.selection.select` keeps; None if it cannot say."""
    if q.classification is not None or (q.group is not None and not isinstance(q.group, str)):
        return None
    kept: dict[tuple[Any, ...], Rows | None] | None = getattr(_VIEW, "rows", None)
    if kept is None:
        return _selected(a, s, q)
    key = (a.version, q.reporter, q.flow, q.years, q.partner_group, q.groups, q.group,
           q.months, q.membership_year)  # fmt: skip
    if key not in kept:
        kept[key] = _selected(a, s, q)
    return kept[key]


def _cells(table: npt.NDArray[Any], a: Answers, cls: npt.NDArray[np.int8],
           product: npt.NDArray[np.int32], classes: list[int]) -> npt.NDArray[Any]:  # fmt: skip
    """``table`` (one value per classification * len(products) + product) of each row.

    Where the rows hold one classification (``classes``), its part of ``table`` is read by
    product alone (no cell computed per row).
    """
    n = len(a.products)
    if len(classes) == 1:
        c = classes[0]
        found: npt.NDArray[Any] = table[c * n : (c + 1) * n][product]
        return found
    return table[cls.astype(np.int64) * n + product]


def _selected(a: Answers, s: Session, q: Query) -> Rows | None:
    idx, value, partner = _slice(a, q)
    classes = _classes(a, q)
    keep: Bools | None = None
    if q.months is not None:
        m = a.month[idx]
        keep = (m >= q.months[0]) & (m <= q.months[1])
    if q.partner_group is not None:
        year = q.membership_year if q.membership_year is not None else max(q.years)
        keep = _both(keep, _partner_mask(a, s, q.partner_group, year)[partner])
    sch = None
    cls: npt.NDArray[np.int8] | None = None
    product: npt.NDArray[np.int32] | None = None
    if q.groups is not None:
        sch = _scheme(a, s, q.groups)
        if sch is None:
            return None
        if isinstance(q.group, str):
            cls, product = a.classification[idx], a.product[idx]
            wanted = _group_filter(a, sch, q.groups, q.group)
            keep = _both(keep, _cells(wanted, a, cls, product, classes))
    if keep is not None:
        # The rows' positions once, then each column taken once, of the rows kept only.
        pick = np.flatnonzero(keep)
        idx = pick + idx.start if isinstance(idx, slice) else idx[pick]
        value, partner = value[pick], partner[pick]
        if cls is not None and product is not None:
            cls, product = cls[pick], product[pick]
    if cls is None or product is None:
        cls, product = a.classification[idx], a.product[idx]
    group = None if sch is None else _cells(sch.group, a, cls, product, classes)
    return Rows(partner, a.year[idx], cls, product, value, a.positive[idx], group,
                ordered=q.flow != "balance", classes=classes)  # fmt: skip


def _sums(inv: IntArray, value: Floats, where: slice | Bools, n: int) -> Floats:
    """Sum of ``value`` by ``inv`` over the rows ``where`` picks (0.0 where none)."""
    out: Floats = np.bincount(inv[where], weights=value[where], minlength=n).astype(np.float64)
    return out


def _classifications(
    a: Answers, inv: IntArray, cls: npt.NDArray[np.int8], n: int, pick: IntArray | None = None,
    held: list[int] | None = None, every: bool = False,
) -> list[str]:  # fmt: skip
    """The classifications that went into each of ``n`` rows (of ``pick``), comma-joined.

    ``held``: codes ``cls`` may hold (a code it does not hold sets no row's bit; where one
    code is possible, the rows that are present hold it). ``every``: each of the ``n`` rows
    has records (``inv`` takes every value below ``n``).
    """
    masks = np.zeros(n, dtype=np.int64)
    if held is None:
        held = np.flatnonzero(np.bincount(cls)).tolist()  # the codes present (np.unique hashes)
    if len(held) == 1 and every:
        masks |= np.int64(1) << min(held[0], 62)
    elif len(held) == 1:
        masks |= (np.bincount(inv, minlength=n) > 0).astype(np.int64) << min(held[0], 62)
    for j in held if len(held) > 1 else ():
        present = np.bincount(inv[cls == j], minlength=n) > 0
        masks |= present.astype(np.int64) << min(j, 62)
    names = a.kept(("classification names",), dict)
    chosen = masks if pick is None else masks[pick]
    if len(chosen) and not (chosen != chosen[0]).any():
        # Every row the same classifications (most often one): named once.
        return _classifications_named(a, names, [int(chosen[0])]) * len(chosen)
    return _classifications_named(a, names, chosen.tolist())


def _classifications_named(a: Answers, names: dict[int, str], masks: list[int]) -> list[str]:
    """The comma-joined classifications of each bit mask (names kept in ``names``)."""
    out = []
    for m in masks:
        found = names.get(m)
        if found is None:
            found = ",".join(sorted(c for j, c in enumerate(a.classifications) if m >> j & 1))
            names[m] = found
        out.append(found)
    return out


def _cents(v: Floats) -> list[float]:
    rounded: list[float] = np.round(v, 2).tolist()
    return rounded


def _ratio(num: Floats, den: Floats, ok: Bools) -> list[float | None]:
    with np.errstate(divide="ignore", invalid="ignore"):
        found = num / den * 100.0
    if ok.all():
        every: list[float | None] = found.tolist()
        return every
    return [float(x) if k else None for x, k in zip(found.tolist(), ok.tolist(), strict=True)]


def _keys(a: Answers, s: Session, q: Query, r: Rows, by: str | None) -> tuple[IntArray, IntArray]:
    """The codes of the table's rows (in the order of their strings) and each record's row."""
    if by is None:
        return np.zeros(1, dtype=np.int64), np.zeros(len(r.value), dtype=np.int64)
    ncls = len(a.classifications)
    if by == "partner":
        key, size = r.partner.astype(np.int64), len(a.countries)
    elif by == "product":
        key, size = r.product.astype(np.int64) * ncls + r.classification, len(a.products) * ncls
    else:
        assert r.group is not None
        key = r.group.astype(np.int64) + 1
        size = int(key.max()) + 1 if len(key) else 1
    # Codes are few: a count per code finds the ones present without sorting the records.
    present = np.flatnonzero(np.bincount(key, minlength=size))
    place = np.zeros(size, dtype=np.int64)
    place[present] = np.arange(len(present))
    inv = place[key]
    if by == "product":
        uniq = (present // ncls) * 256 + present % ncls
    elif by == "group":
        uniq = present - 1
    else:
        uniq = present
    return uniq, inv


@functools.lru_cache(maxsize=65_536)
def _russian(kind: str, code: str, classification: str | None, groups: str | None) -> str | None:
    """The Russian name the Session gives a row (:func:`hitex.reference.russian.row_name`)."""
    return russian.row_name(kind, code, classification, groups)


def _heads(
    a: Answers, s: Session, q: Query, by: str, keys: list[int], lang: str = "en"
) -> dict[str, list[Any]]:
    """The code and name columns of the rows, as the Session names them in ``lang``.

    In Russian, each name the Session looks up (:func:`hitex.reference.russian.localize`)
    replaces the English one; where it knows none, the English name stays, as there.
    """
    out: dict[str, list[Any]]
    if by == "partner":
        what = SELF_PARTNER.get(q.flow, "as reported to itself")
        codes = [a.countries[k] for k in keys]
        names = [a.country_names.get(code) for code in codes]
        if q.reporter in codes:
            i = codes.index(q.reporter)
            names[i] = f"{names[i] or q.reporter} ({what})"
        out = {"partner": codes, "partner_name": names}
    elif by == "product":
        products = [a.products[k // 256] for k in keys]
        classes = [a.classifications[k % 256] for k in keys]
        named = a.product_names
        out = {"product": products,
               "product_name": [named.get(cp) for cp in zip(classes, products, strict=True)],
               "classification": classes}  # fmt: skip
    else:
        assert q.groups is not None
        sch = _scheme(a, s, q.groups)
        assert sch is not None
        out = {"group": [UNMAPPED if k < 0 else sch.codes[k] for k in keys],
               "group_name": [UNMAPPED_NAME if k < 0 else sch.names[k] for k in keys]}  # fmt: skip
    if lang == "ru":
        column = {"partner": "partner_name", "product": "product_name", "group": "group_name"}[by]
        classes_ = out.get("classification") or [None] * len(keys)
        names_ = out[column]
        for i, (code, c) in enumerate(zip(out[by], classes_, strict=True)):
            found = _russian(by, code, c, q.groups)
            if found is not None:
                names_[i] = russian.own_marked(found, names_[i])
    return out


def table(
    a: Answers, s: Session, q: Query, year: int, compare: int | None, by: str | None,
    *, product_lines: bool = False, top: int | None = None, lang: str = "en",
) -> list[dict[str, Any]] | None:  # fmt: skip
    """Rows of :meth:`Session.table` for ``q`` by ``by`` (None: the total), as JSON.

    Names are in ``lang`` (en or ru), as the Session gives them.
    """
    r = _select(a, s, q)
    if r is None:
        return None
    now = r.of_years(year, year)
    uniq, inv = _keys(a, s, q, r, by)
    n = len(uniq)
    value = _sums(inv, r.value, now, n)
    order = np.zeros(1, dtype=np.int64)
    if by is not None:
        # Codes are numbered in the order of their strings: ties in value go by code, as the
        # Session orders them (value descending, then the ``by`` columns).
        rank = uniq
        if by == "group":
            assert q.groups is not None
            sch = _scheme(a, s, q.groups)
            assert sch is not None
            rank = np.asarray(sch.rank)[uniq]
        order = np.lexsort((rank, -value))[:top]
    v = value[order]
    columns: dict[str, list[Any]] = {"value_usd": _cents(v)}
    if compare is not None:
        b = _sums(inv, r.value, r.of_years(compare, compare), n)[order]
        columns["base_value_usd"] = _cents(b)
        columns["growth_pct"] = _ratio(v - b, b, b > 0)
    total = value.sum()
    columns["share_pct"] = _ratio(v, np.full(len(v), total), np.full(len(v), total != 0))
    if product_lines:
        products = r.product[now]
        lines = r.positive[now] & a.hs[r.classification[now]] & a.six[products]
        columns["product_lines"] = [int(np.count_nonzero(np.bincount(products[lines])))]
    # Each row of a table has records (its keys are those present), and the total where any.
    columns["classifications"] = _classifications(
        a, inv, r.classification, n, order, r.classes, every=bool(len(inv))
    )
    if by is None:
        return [{k: c[0] for k, c in columns.items()}]
    heads = _heads(a, s, q, by, uniq[order].tolist(), lang)
    keys = [*heads, *columns]
    cells = [*heads.values(), *columns.values()]
    return [dict(zip(keys, row, strict=True)) for row in zip(*cells, strict=True)]


def series(a: Answers, s: Session, q: Query, span: Sequence[int]) -> list[dict[str, Any]] | None:
    """Rows of :meth:`Session.series` for ``q`` over ``span`` (no ``by``), as JSON."""
    r = _select(a, s, q)
    if r is None:
        return None
    first = min(span)
    years = np.arange(first - 1, max(span) + 1)
    inv = (r.year.astype(np.int64) - (first - 1)).clip(0, len(years) - 1)
    inside = r.of_years(first - 1, max(span))
    value = _sums(inv, r.value, inside, len(years))
    held = np.bincount(inv[inside], minlength=len(years)) > 0
    cls = _classifications(a, inv[inside], r.classification[inside], len(years), held=r.classes)
    out = []
    for i in range(1, len(years)):
        if not held[i] or int(years[i]) not in span:
            continue
        v, b = value[i], value[i - 1] if held[i - 1] else 0.0
        out.append({
            "year": int(years[i]), "value_usd": float(np.round(v, 2)),
            "base_value_usd": float(np.round(b, 2)),
            "growth_pct": float((v - b) / b * 100.0) if b > 0 else None,
            "share_pct": float(v / v * 100.0) if v != 0 else None,
            "classifications": cls[i],
        })  # fmt: skip
    return out


# -- what /api/view asks -------------------------------------------------------------------------


def covered(
    s: Session, reporter: str, flow: str, years: Sequence[int], partner_group: str,
    membership_year: int,
) -> bool:  # fmt: skip
    """True where :meth:`Session.uncovered` finds nothing missing (it would answer None).

    Its test, on the columns: a member of ``partner_group`` (in ``membership_year``) is a
    partner of the reporter's ``flow`` rows of ``years``, or the reporter has no such rows.
    False where the columns cannot say so (not built, or the group has no member among the
    countries of ``trade``): the Session is asked then, and says why.
    """
    a = for_session(s)
    if a is None:
        return False
    mask = _partner_mask(a, s, partner_group, membership_year)
    if not mask.any():
        return False  # no members at all (None), or none that trades (a sentence)
    code = a.country_code.get(reporter)
    if code is None:
        return True  # no rows of the reporter
    flows = ("export", "import") if flow == "balance" else (flow,)
    rows = False
    for f in flows:
        if f not in a.flows:
            continue
        for y in set(years):
            found = a.slices.get((code, a.flows.index(f), y))
            if found is not None:
                rows = True
                if (_partners_of(a, found, False) & mask).any():
                    return True
            found = a.mirror_slices.get((code, y)) if f == "import" else None
            if found is not None:
                rows = True
                if (_partners_of(a, found, True) & mask).any():
                    return True
    return not rows


def _partners_of(a: Answers, part: tuple[int, int], mirrored: bool) -> Bools:
    """Which countries are partners of the rows of a slice (of the mirror), kept per slice.

    One entry per country and one more (the size of :func:`_partner_mask`'s masks).
    """

    def make() -> Bools:
        lo, hi = part
        partner = a.reporter[a.mirror[lo:hi]] if mirrored else a.partner[lo:hi]
        present: Bools = np.bincount(partner, minlength=len(a.countries) + 1) > 0
        return present

    found: Bools = a.kept(("partners of", part, mirrored), make)
    return found


#: Series kept per version (a few rows each; then forgotten all at once).
SERIES_KEPT = 4096


def _series_kept(a: Answers, s: Session, q: Query, span: list[int]) -> list[dict[str, Any]] | None:
    """:func:`series` of ``q``, kept with the version: views of other years ask it again.

    A series has no names (the same in every language) and reads only the version's columns
    and the reference tables it was built with; the rows are shared, never changed.
    """
    key = ("series", q.reporter, q.flow, q.years, q.partner_group, q.groups, q.group, q.months,
           q.membership_year, tuple(span))  # fmt: skip
    with a._lock:
        if key in a._series:
            found: list[dict[str, Any]] | None = a._series[key]
            return found
    found = series(a, s, dataclasses.replace(q, years=(span[0] - 1, *span)), span)
    with a._lock:
        if len(a._series) > SERIES_KEPT:
            a._series.clear()
        a._series[key] = found
    return found


#: Indicators :func:`rows` computes (besides value, base value, growth and share).
KNOWN = frozenset({"product_lines"})


def _answerable(
    s: Session, kind: str, options: dict[str, Any], indicators: Sequence[str], lang: str
) -> bool:
    """Whether :func:`rows` computes what the question asks (else the Session answers)."""
    by = tuple(options.get("by") or ())
    return not (
        lang not in ("en", "ru")
        or set(indicators) - KNOWN
        or options.get("firm_group") is not None
        or options.get("classification") is not None
        or s.firm_group is not None
        or len(by) > 1
        or (by and by[0] not in ("partner", "product", "group"))
        or (kind == "series" and bool(by))
    )


def _checked(a: Answers, s: Session, q: Query, kind: str, partial: bool) -> bool:
    """The Session's own checks of ``q``, in its order; False where one refuses it.

    Each check is kept with the version by what it reads: the holdings of the reporter, flow
    and years; the names (and, with months, whether the reporter has monthly records); the
    coverage of the reporter, flow and years.
    """
    required = () if kind == "series" else q.years
    month_of = q.reporter if q.months is not None else None

    def holdings() -> None:
        s._check_holdings(q, required)

    def names() -> None:
        s._check(q)

    def coverage() -> None:
        if kind == "series":
            held = s.engine.holdings()[q.reporter]
            flows = ("export", "import") if q.flow == "balance" else (q.flow,)
            s._check_coverage(q, [y for y in q.years if any(y in held.get(f, ()) for f in flows)])
        else:
            s._check_coverage(q, q.years)

    checks = [
        (("holdings", q.reporter, q.flow, required), holdings),
        (("names", q.groups, q.partner_group, q.firm_group, month_of), names),
    ]
    if not partial:
        checks.append((("coverage", kind, q.reporter, q.flow, q.years), coverage))
    for key, check in checks:
        with a._lock:
            ok = a._checks.get(key)
        if ok is None:
            try:
                check()
                ok = True
            except HitexError:
                ok = False
            with a._lock:
                if len(a._checks) > CHECKS_KEPT:
                    a._checks.clear()
                a._checks[key] = ok
        if not ok:
            return False
    return True


def rows(
    s: Session, kind: str, options: dict[str, Any], *, year: int | None = None,
    compare: int | None = None, years: Sequence[int] = (), top: int | None = None,
    indicators: Sequence[str] = (), lang: str = "en",
) -> list[dict[str, Any]] | None:  # fmt: skip
    """``/api/table`` or ``/api/series`` rows for a view's question, or None: ask the Session.

    ``options`` are :meth:`hitex.api.params.TableQuery.options`. The Session's own checks run
    first, in its order; a question they refuse is left to the Session, which says why.
    """
    span = sorted(set(years))
    if not _answerable(s, kind, options, indicators, lang) or (kind == "series" and not span):
        return None
    a = for_session(s)
    if a is None or options["reporter"] in a.firms:
        return None  # (records naming enterprises: disclosure control, which the Session applies)
    asked = (year,) if compare is None else (year, compare)
    by = tuple(options.get("by") or ())
    try:
        q = Query(
            reporter=options["reporter"], flow=options.get("flow", "export"),
            years=tuple(span) if kind == "series" else asked,  # type: ignore[arg-type]
            by=by, partner_group=options.get("partner_group"), groups=options.get("groups"),
            group=options.get("group"), months=options.get("months"),
            membership_year=span[-1] if kind == "series" else year,
        )  # fmt: skip
    except HitexError:
        return None
    # The checks read what the version holds (holdings, names, coverage): kept with it.
    if not _checked(a, s, q, kind, bool(options.get("partial"))):
        return None
    if kind == "series":
        return _series_kept(a, s, q, span)
    assert year is not None
    return table(a, s, q, year, compare, by[0] if by else None,
                 product_lines="product_lines" in indicators, top=top, lang=lang)  # fmt: skip
