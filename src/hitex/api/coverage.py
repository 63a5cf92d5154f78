"""``/api/coverage``: what is loaded for a reporter, flow by flow and year by year.

The answer is :meth:`hitex.Session.coverage` (``hitex coverage --reporter``): for each flow and
year the kinds of records it rests on (``own``, ``mirror``, ``totals``), whether it is
``complete``, and a one-line ``note``; a ``balance`` row per year says whether both flows can
support one. With ``lang=ru`` the notes (and errors) are in Russian. A page shows a figure
only where its row is complete, and the note where not.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Query
from fastapi.responses import Response

from hitex.api.errors import from_hitex
from hitex.api.params import CoverageQuery, Format
from hitex.api.views import Conns, answer
from hitex.errors import HitexError
from hitex.reference.countries import name

router = APIRouter(prefix="/api")


@router.get("/coverage")
def coverage(q: Annotated[CoverageQuery, Query()], conns: Conns) -> Any:
    """Where each flow and year of a reporter comes from, and whether it is complete."""
    with conns.read() as s:
        try:
            frame = s.coverage(q.reporter, q.year, lang=q.lang)
        except HitexError as exc:
            raise from_hitex(exc, "year" if q.year is not None else "reporter") from None
    if q.format is Format.csv:
        response: Response = answer(frame, q.format, f"coverage-{q.reporter}")
        return response
    found: list[dict[str, Any]] = frame.to_dict("records")  # type: ignore[assignment]
    rows = [
        {
            "flow": r["flow"],
            "year": int(r["year"]),
            "kinds": [k for k in str(r["kinds"]).split(",") if k],
            "complete": bool(r["complete"]),
            "records": int(r["records"]),
            "value_usd": None if _none(r["value_usd"]) else round(float(r["value_usd"]), 2),
            "exporters": None if _none(r["exporters"]) else int(r["exporters"]),
            "countries": None if _none(r["countries"]) else int(r["countries"]),
            "missing": [m for m in str(r["missing"]).split(" ") if m],
            "note": r["note"],
        }
        for r in found
    ]
    return {"reporter": q.reporter, "name": name(q.reporter, lang=q.lang), "rows": rows}


def _none(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
