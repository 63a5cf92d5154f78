"""The read endpoints: each checks its parameters, calls one Session method and answers.

No figure is computed here: tables, series, loads, rejects, groups and classifications come
from the same :class:`hitex.Session` calls the ``hitex`` commands make, and are answered as
``--format json`` (or ``csv``) would print them.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

import hitex
import hitex.indicators as ind
from hitex._util import cents, records, rounded
from hitex.api.connections import Connections
from hitex.api.errors import ApiError, from_hitex
from hitex.api.params import (
    ClassifyQuery,
    Format,
    GroupsQuery,
    ListQuery,
    RejectsQuery,
    TableQuery,
    partner_groups,
)
from hitex.errors import HitexError
from hitex.reference import reference_version
from hitex.reference.codes import CLASSIFICATIONS
from hitex.reference.countries import countries_frame, name
from hitex.session import Session

router = APIRouter(prefix="/api")

#: Columns of ``/api/loads``, as ``hitex loads`` prints them.
LOAD_COLUMNS = [
    "id", "file", "sha256", "format", "rows_read", "rows_loaded", "rows_rejected",
    "rows_merged", "rows_revised", "status", "started", "message",
]  # fmt: skip


def connections(request: Request) -> Connections:
    """The app's warehouse connections."""
    conns: Connections = request.app.state.conns
    return conns


Conns = Annotated[Connections, Depends(connections)]


def answer(frame: pd.DataFrame, fmt: Format, name: str) -> Response:
    """``frame`` as ``--format json`` records or as ``--format csv`` text (a download)."""
    if fmt is Format.csv:
        return Response(
            rounded(frame).to_csv(index=False),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    return JSONResponse(records(cents(frame)))


@router.get("/table")
def table(q: Annotated[TableQuery, Query()], conns: Conns) -> Response:
    """Value by the chosen dimensions, as `hitex table --format json` prints it."""
    if (q.year is None) == (q.years is None):
        raise ApiError(
            422, "Give year (and compare for growth) or years=FIRST-LAST.",
            ru="Задайте year (и compare для роста) либо years=ПЕРВЫЙ-ПОСЛЕДНИЙ.",
        )  # fmt: skip
    if q.years is not None and q.compare is not None:
        raise ApiError(
            422, "compare goes with year; a years series compares each year with the year "
            "before.", parameter="compare",
            ru="compare задаётся вместе с year; ряд years сравнивает каждый год с предыдущим.",
        )  # fmt: skip
    if q.years is not None:
        return _series(q, conns)
    with conns.read() as s:
        frame = conns.answers.get(s, _question("table", q), lambda: _table(s, q))
    return answer(frame, q.format, q.file_name())


def _table(s: Session, q: TableQuery) -> pd.DataFrame:
    assert q.year is not None
    q.check(s)
    return s.table(year=q.year, compare=q.compare, lang=q.lang, **q.options())


def _question(kind: str, q: TableQuery) -> tuple[Any, ...]:
    """The question ``q`` asks, without its answer format."""
    return (kind, repr(q.model_copy(update={"format": Format.json})))


@router.get("/series")
def series(q: Annotated[TableQuery, Query()], conns: Conns) -> Response:
    """One row per year of `years` (and per `by` value): `hitex table --years`."""
    if q.years is None or q.year is not None or q.compare is not None:
        raise ApiError(422, "A series takes years=FIRST-LAST (not year or compare).",
                       parameter="years",
                       ru="Ряду нужен years=ПЕРВЫЙ-ПОСЛЕДНИЙ (а не year или compare).")  # fmt: skip
    return _series(q, conns)


def _series(q: TableQuery, conns: Connections) -> Response:
    with conns.read() as s:
        frame = conns.answers.get(s, _question("series", q), lambda: _series_frame(s, q))
    return answer(frame, q.format, q.file_name())


def _series_frame(s: Session, q: TableQuery) -> pd.DataFrame:
    q.check(s)
    return s.series(years=q.span(), lang=q.lang, **q.options())


@router.get("/loads")
def loads(q: Annotated[ListQuery, Query()], conns: Conns) -> Response:
    """Every attempted load: file, sha256, rows read / loaded / rejected, status."""
    with conns.read() as s:
        frame = s.loads()
    return answer(frame[LOAD_COLUMNS], q.format, "loads")


@router.get("/rejects")
def rejects(q: Annotated[RejectsQuery, Query()], conns: Conns) -> Response:
    """Refused records with their line and reason, of one load or all."""
    with conns.read() as s:
        try:
            frame = s.rejects(q.load, lang=q.lang)
        except HitexError as exc:
            raise from_hitex(exc, "load") from None
    return answer(frame, q.format, "rejects" if q.load is None else f"rejects-{q.load}")


@router.get("/groups")
def groups(q: Annotated[GroupsQuery, Query()], conns: Conns) -> Response:
    """Schemes; with `scheme`, each group of it and its codes."""
    with conns.read() as s:
        try:
            frame = s.groups(q.scheme)
        except HitexError as exc:
            raise from_hitex(exc, "scheme") from None
    return answer(frame, q.format, q.scheme or "schemes")


@router.get("/classify")
def classify(q: Annotated[ClassifyQuery, Query()], conns: Conns) -> Response:
    """What every scheme says about these products (one row per code and scheme)."""
    with conns.read() as s:
        try:
            frame = s.classify(q.code, q.classification)
        except HitexError as exc:
            raise from_hitex(exc, "code") from None
    return answer(frame, q.format, "classify")


@router.get("/meta")
def meta(request: Request, conns: Conns) -> dict[str, Any]:
    """What the dashboard offers: reporters and their years, flows, schemes, groups, formats."""
    with conns.read() as s:
        periods = s.periods()
        schemes = s.groups()
        partners = partner_groups(s)
    reporters = [
        {
            "code": str(code),
            "name": name(str(code)),
            "flows": sorted(rows["flow"].unique().tolist()),
            "years": sorted(int(y) for y in rows["year"].unique()),
            "monthly": bool(rows["monthly"].any()),
        }
        for code, rows in periods.groupby("reporter", sort=True)
    ]
    product = schemes[schemes["kind"] == "product"]
    return {
        "version": hitex.__version__,
        "reference": reference_version(),
        "writable": request.app.state.token is not None,
        "max_upload_bytes": request.app.state.max_upload_bytes,
        "reporters": reporters,
        "years": sorted(int(y) for y in periods["year"].unique()),
        "flows": list(ind.FLOW_CHOICES),
        "dimensions": list(ind.DIMENSIONS),
        "product_schemes": product["scheme"].tolist(),
        "partner_groups": sorted(set(partners), key=str.lower),
        "classifications": list(CLASSIFICATIONS),
        "formats": sorted(e.name for e in entry_points(group="hitex.readers")),
    }


@router.get("/countries")
def countries() -> list[dict[str, Any]]:
    """Countries of the reference data: ISO alpha-3, ISO numeric (the map's ids), name."""
    frame = countries_frame()
    return [
        {"iso3": iso3, "numeric": f"{m49:03d}", "name": en}
        for iso3, m49, en in zip(frame["iso3"], frame["m49"], frame["name_en"], strict=True)
    ]
