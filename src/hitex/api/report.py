"""The report download, ``/api/report``: the same report as ``hitex report``.

The figures and sentences come from :func:`hitex.report.build` over the request's read
snapshot; :func:`hitex.report.render` writes the file, which is returned as a download. A
Markdown download is the text alone (``hitex report --out F.md`` also writes its charts beside
it as SVG files).

The dashboard links here with its whole selection. The report applies the partner group to
every figure and the months to its year-to-date section; what it does not apply (a product
group, months beyond that section, a flow other than exports) is said at its top and in its
data note, never silently dropped. A selection the loads cannot hold is refused (422).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

import hitex.report as rep
from hitex.api.params import ReportQuery, _span
from hitex.api.views import Conns
from hitex.report.sections import _MONTHS
from hitex.session import Session

router = APIRouter(prefix="/api")

MEDIA = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8",
         "pdf": "application/pdf"}  # fmt: skip

#: What the report says of a part of the selection it does not apply (EN, RU).
UNAPPLIED = {
    "flow": ("This report is of exports: the selection's flow ({flow}) is not applied.",
             "Отчёт об экспорте: выбранный поток ({flow}) не применён."),
    "months": ("The selection's months ({months}) are those of the year-to-date section; every "
               "other figure is of whole years.",
               "Выбранные месяцы ({months}) относятся к разделу «с начала года»; остальные "
               "показатели — за полные годы."),
    "months_alone": ("The selection's months ({months}) are not applied: every figure is of "
                     "whole years (a year-to-date comparison needs a base year).",
                     "Выбранные месяцы ({months}) не применены: все показатели — за полные годы "
                     "(для сравнения с начала года нужен базовый год)."),
    "group": ("The selection's product group {group} ({scheme}) is not applied: every figure is "
              "of all products.",
              "Выбранная товарная группа {group} ({scheme}) не применена: все показатели — по "
              "всем товарам."),
}  # fmt: skip


def unapplied(s: Session, q: ReportQuery) -> list[str]:
    """Sentences naming each part of ``q``'s selection the report does not apply."""
    ru = q.lang == "ru"
    lines = []
    if q.flow is not None and q.flow != "export":
        lines.append(UNAPPLIED["flow"][ru].format(flow=q.flow))
    if q.months is not None:
        lo, hi = _span(q.months, "month range", 1, 12)
        names = _MONTHS[q.lang]
        span = names[lo - 1] if lo == hi else f"{names[lo - 1]}–{names[hi - 1]}"
        key = "months" if q.compare is not None else "months_alone"
        lines.append(UNAPPLIED[key][ru].format(months=span))
    if q.group is not None:
        name = q.group
        if q.groups is not None:
            listed = s.groups(q.groups)
            found = listed[
                (listed["group_code"].astype(str).str.lower() == q.group.lower())
                | (listed["group_name"].astype(str).str.lower() == q.group.lower())
            ]
            if not found.empty:
                name = str(found["group_name"].iloc[0])
        lines.append(UNAPPLIED["group"][ru].format(group=repr(name), scheme=q.groups or "?"))
    return lines


@router.get("/report")
def report(q: Annotated[ReportQuery, Query()], conns: Conns) -> Response:
    """The report for a reporter and year as HTML, Markdown or PDF (`hitex report`)."""
    months = _span(q.months, "month range", 1, 12) if q.months is not None else None
    with tempfile.TemporaryDirectory(prefix="hitex-report-") as folder:
        out = Path(folder) / f"report.{q.format}"
        with conns.read() as s:
            lines = unapplied(s, q)
            built = rep.build(
                s, reporter=q.reporter, year=q.year, compare=q.compare,
                partner_group=q.partner_group, firm_group=q.firm_group, lang=q.lang,
                months=months if q.compare is not None else None, notes=lines,
                draw_ahead=f".{q.format}",
            )  # fmt: skip
        if lines:
            built.subtitle = " ".join([built.subtitle, *lines]).strip()
        rep.render(built, out)
        name = f"hitex-{q.reporter}-{q.year}.{q.format}"
        return Response(
            out.read_bytes(), media_type=MEDIA[q.format],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )  # fmt: skip
