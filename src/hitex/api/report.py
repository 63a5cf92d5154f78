"""The report download, ``/api/report``: the same report as ``hitex report``.

The figures and sentences come from :func:`hitex.report.build` over the request's read
snapshot; :func:`hitex.report.render` writes the file, which is returned as a download. A
Markdown download is the text alone (``hitex report --out F.md`` also writes its charts beside
it as SVG files).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

import hitex.report as rep
from hitex.api.params import ReportQuery
from hitex.api.views import Conns

router = APIRouter(prefix="/api")

MEDIA = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8",
         "pdf": "application/pdf"}  # fmt: skip


@router.get("/report")
def report(q: Annotated[ReportQuery, Query()], conns: Conns) -> Response:
    """The report for a reporter and year as HTML, Markdown or PDF (`hitex report`)."""
    with tempfile.TemporaryDirectory(prefix="hitex-report-") as folder:
        out = Path(folder) / f"report.{q.format}"
        with conns.read() as s:
            built = rep.build(
                s, reporter=q.reporter, year=q.year, compare=q.compare,
                partner_group=q.partner_group, firm_group=q.firm_group, lang=q.lang,
                draw_ahead=f".{q.format}",
            )  # fmt: skip
        rep.render(built, out)
        name = f"hitex-{q.reporter}-{q.year}.{q.format}"
        return Response(
            out.read_bytes(), media_type=MEDIA[q.format],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )  # fmt: skip
