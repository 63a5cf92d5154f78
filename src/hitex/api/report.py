"""The report download, ``/api/report``: an adapter to :mod:`hitex.report`.

The report layer (figures -> sentences and charts -> Markdown / HTML / PDF) is its own package.
Where it is installed, this endpoint hands it the query and returns the file it writes; where it
is not, the answer is 501 with a sentence saying so, in the API's one error shape.
"""

from __future__ import annotations

import importlib
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from hitex.api.errors import ApiError
from hitex.api.params import ReportQuery
from hitex.api.views import Conns

router = APIRouter(prefix="/api")

MEDIA = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8",
         "pdf": "application/pdf"}  # fmt: skip


def _writer() -> Any:
    """The report package's writer, or None where this installation has none."""
    try:
        module = importlib.import_module("hitex.report")
    except ImportError:
        return None
    # TODO(lead): wire to hitex.report's entry point at merge; ``write(session, out=..., **query)``
    # is the shape ``hitex report --out FILE`` suggests.
    return getattr(module, "write", None)


@router.get("/report")
def report(q: Annotated[ReportQuery, Query()], conns: Conns) -> Response:
    """The report for a reporter and year as HTML, Markdown or PDF (`hitex report`)."""
    write = _writer()
    if write is None:
        raise ApiError(501, "Reports are not available: this installation has no hitex.report "
                       "writer yet. The tables and charts of the dashboard are.")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="hitex-report-") as folder:
        out = Path(folder) / f"report.{q.format}"
        with conns.read() as s:
            write(
                s, out=out, reporter=q.reporter, year=q.year, compare=q.compare,
                partner_group=q.partner_group, lang=q.lang,
            )  # fmt: skip
        name = f"hitex-{q.reporter}-{q.year}.{q.format}"
        return Response(
            out.read_bytes(), media_type=MEDIA[q.format],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )  # fmt: skip
