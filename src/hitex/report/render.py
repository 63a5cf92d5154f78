"""Render a :class:`~hitex.report.model.Report` as Markdown, one self-contained HTML file, or PDF.

Markdown writes each chart as an SVG file beside it (``NAME-CHART.svg``); HTML puts the SVG
inline and needs nothing else (no scripts, no CDN); PDF prints that HTML with WeasyPrint.
"""

from __future__ import annotations

import base64
import html
import math
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pandas as pd

from hitex.errors import InputError
from hitex.report.charts import svg
from hitex.report.model import Chart, Report, Section
from hitex.report.phrases import T
from hitex.report.wording import number
from hitex.wording import COLUMNS_RU

FORMATS = (".md", ".html", ".pdf")

#: Rows an appendix table shows; the full table is a CSV file beside the report.
APPENDIX_ROWS = 20

CSS = """
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; color: #1a202c; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem;
     border-bottom: 1px solid #e2e8f0; } .subtitle, .skipped { color: #4a5568; }
p.headline { font-size: 1.1rem; } figure { margin: 1rem 0; } figure svg { max-width: 100%;
height: auto; } table { border-collapse: collapse; font-size: .75rem; margin: .5rem 0; }
td, th { border-bottom: 1px solid #e2e8f0; padding: 2px 6px; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
details { margin: .5rem 0; } summary { color: #4a5568; cursor: pointer; }
@media print { details > table { display: table; } }
"""


#: Charts drawn ahead, while the rest of the report is built (vl-convert runs outside the GIL).
_AHEAD: dict[int, tuple[Chart, bool, Future[str]]] = {}
_POOL: ThreadPoolExecutor | None = None
_LOCK = threading.Lock()


def ahead(chart: Chart, suffix: str) -> None:
    """Start drawing ``chart`` as the output ``suffix`` will need it, in the background.

    SVG, or PNG for the PDF's world map; :func:`render` then takes the drawing instead of
    drawing it again.
    """
    global _POOL  # noqa: PLW0603 - one drawing thread for the process
    png = suffix.lower() == ".pdf" and chart.name in PDF_PNG
    with _LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hitex-charts")
        _AHEAD[id(chart)] = (chart, png, _POOL.submit(_png_data if png else svg, chart))


def _drawn(chart: Chart, png: bool) -> str:
    """The chart's drawing: the one started ahead, else drawn now."""
    with _LOCK:
        found = _AHEAD.pop(id(chart), None)
    if found is not None and found[0] is chart and found[1] == png:
        return found[2].result()
    return _png_data(chart) if png else svg(chart)


#: Charts the PDF prints as PNG images (printing the world's 350 outlines took seconds).
PDF_PNG = frozenset({"world"})


def render(report: Report, out: str | Path) -> Path:
    """Write ``report`` to ``out``; the suffix (.md, .html, .pdf) picks the format."""
    path = Path(out)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        raise InputError(f"--out {path.name}: give a file ending in {', '.join(FORMATS)}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    writer(report, path)
    return path


def appendix_files(report: Report, path: Path) -> dict[str, str]:
    """Write each appendix longer than :data:`APPENDIX_ROWS` as a CSV file beside ``path``.

    The file is ``STEM-SECTION.csv``, values rounded as ``hitex table --format csv`` prints
    them; returns section -> file name.
    """
    from hitex._util import rounded  # noqa: PLC0415

    written = {}
    for s in report.sections:
        if s.skipped is None and s.appendix is not None and len(s.appendix) > APPENDIX_ROWS:
            name = f"{path.stem}-{s.key}.csv"
            rounded(s.appendix).to_csv(path.parent / name, index=False)
            written[s.key] = name
    return written


def _more(s: Section, lang: str, files: dict[str, str] | None) -> str:
    """The line under a capped appendix: how many rows are left out, and where they are."""
    assert s.appendix is not None
    rest = len(s.appendix) - APPENDIX_ROWS
    file = (files or {}).get(s.key)
    if lang == "ru":
        return f"… и ещё {rest} строк" + (f" (вся таблица: {file})" if file else "")
    return f"… and {rest:,} more rows" + (f" (the full table: {file})" if file else "")


# -- cells ---------------------------------------------------------------------------------------
def cell(value: object, column: str, lang: str = "en") -> str:
    r"""An appendix cell: exact figures (dollars whole, percentages to two decimals).

    Examples
    --------
    >>> cell(140320000.0, "value_usd"), cell(63.049036, "growth_pct"), cell(None, "x")
    ('140,320,000', '63.05', '')
    >>> cell(140320000.0, "value_usd", "ru"), cell(63.049036, "growth_pct", "ru")
    ('140\xa0320\xa0000', '63,05')
    >>> cell(True, "small_base", "ru")
    'да'
    >>> cell(2019.0, "lowest_since", "ru"), cell(2019, "year")
    ('2019', '2019')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return {True: "да", False: "нет"}[value] if lang == "ru" else str(value)
    if column in _YEARS and isinstance(value, int | float):
        return str(int(value))
    if isinstance(value, float):
        digits = 0 if column.endswith("_usd") or column == "value" else 2
        return _unbroken(number(value, digits, lang=lang))
    if isinstance(value, int) and column != "id":
        return _unbroken(number(value, 0, lang=lang))
    return str(value)


_YEARS = frozenset({"year", "base_year", "lowest_since", "highest_since"})


def _unbroken(figure: str) -> str:
    """A figure with its Russian thousands separated by no-break spaces (a cell never wraps it)."""
    return figure.replace(" ", "\u00a0")


def header(column: str, lang: str) -> str:
    """An appendix column's header: its name, or its Russian title in a Russian report."""
    return COLUMNS_RU.get(column, column) if lang == "ru" else column


def _rows(frame: pd.DataFrame, lang: str = "en") -> list[list[str]]:
    return [[cell(v.item() if hasattr(v, "item") else v, str(col), lang)
             for col, v in row.items()] for _, row in frame.iterrows()]  # fmt: skip


# -- Markdown ------------------------------------------------------------------------------------
def _markdown(report: Report, path: Path) -> None:
    files = appendix_files(report, path)
    lines = [f"# {report.title}", "", f"*{report.subtitle}*", ""]
    for s in report.sections:
        lines += [f"## {s.title}", ""]
        if s.skipped:
            lines += [f"*{T['skipped'][report.lang]}: {s.skipped}*", ""]
            continue
        lines += [" ".join(x.text for x in s.sentences), ""]
        for chart in s.charts:
            name = f"{path.stem}-{chart.name}.svg"
            (path.parent / name).write_text(_drawn(chart, png=False), encoding="utf-8")
            lines += [f"![{chart.title}]({name})", ""]
        lines += _md_table(s, report.lang, files)
    path.write_text("\n".join(lines), encoding="utf-8")


def _md_table(s: Section, lang: str, files: dict[str, str] | None = None) -> list[str]:
    if s.appendix is None or s.appendix.empty:
        return []
    cols = [header(str(c), lang) for c in s.appendix.columns]
    out = [f"**{T['appendix'][lang]}**", "", "| " + " | ".join(cols) + " |",
           "|" + "---|" * len(cols)]  # fmt: skip
    shown = s.appendix.head(APPENDIX_ROWS)
    out += ["| " + " | ".join(v.replace("|", "/") for v in row) + " |"
            for row in _rows(shown, lang)]  # fmt: skip
    if len(s.appendix) > APPENDIX_ROWS:
        out += ["", _more(s, lang, files)]
    return [*out, ""]


# -- HTML ----------------------------------------------------------------------------------------
def to_html(
    report: Report, files: dict[str, str] | None = None, *, png: frozenset[str] = frozenset()
) -> str:
    """The report as one self-contained HTML document (charts as inline SVG).

    ``files`` names the CSV file of each capped appendix (:func:`appendix_files`); the charts
    named in ``png`` are inline PNG images instead (the PDF's world map: printing its 350
    country outlines as vectors took WeasyPrint seconds).
    """
    e = html.escape
    body = [f"<h1>{e(report.title)}</h1>", f'<p class="subtitle">{e(report.subtitle)}</p>']
    for i, s in enumerate(report.sections):
        body.append(f'<section id="{e(s.key)}"><h2>{e(s.title)}</h2>')
        if s.skipped:
            body.append(f'<p class="skipped">{e(T["skipped"][report.lang])}: {e(s.skipped)}</p>')
        else:
            klass = ' class="headline"' if i == 0 else ""
            body.append(f"<p{klass}>{e(' '.join(x.text for x in s.sentences))}</p>")
            body += [f'<figure class="chart" data-chart="{e(c.name)}">'
                     f"{_png(c) if c.name in png else _drawn(c, png=False)}</figure>"
                     for c in s.charts]  # fmt: skip
            body.append(_html_table(s, report.lang, files))
        body.append("</section>")
    return (
        f'<!DOCTYPE html>\n<html lang="{report.lang}"><head><meta charset="utf-8">'
        f"<title>{e(report.title)}</title><style>{CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def _png_data(chart: Chart) -> str:
    """The chart as PNG at twice its size (sharp on paper), base64-encoded."""
    import vl_convert  # noqa: PLC0415

    return base64.b64encode(vl_convert.vegalite_to_png(chart.spec, scale=2)).decode("ascii")


def _png(chart: Chart) -> str:
    """The chart as an inline PNG image."""
    data = _drawn(chart, png=True)
    alt = html.escape(chart.title)
    return f'<img style="width:100%" alt="{alt}" src="data:image/png;base64,{data}">'


def _html_table(s: Section, lang: str, files: dict[str, str] | None = None) -> str:
    if s.appendix is None or s.appendix.empty:
        return ""
    e = html.escape
    numeric = [pd.api.types.is_numeric_dtype(s.appendix[c]) for c in s.appendix.columns]
    head = "".join(f"<th>{e(header(str(c), lang))}</th>" for c in s.appendix.columns)
    rows = "".join(
        "<tr>" + "".join(f'<td{" class=n" if n else ""}>{e(v)}</td>'
                         for v, n in zip(row, numeric, strict=True)) + "</tr>"
        for row in _rows(s.appendix.head(APPENDIX_ROWS), lang)
    )  # fmt: skip
    more = ""
    if len(s.appendix) > APPENDIX_ROWS:
        more = f'<p class="more">{e(_more(s, lang, files))}</p>'
    return (f"<details><summary>{e(T['appendix'][lang])}</summary>"
            f"<table><tr>{head}</tr>{rows}</table>{more}</details>")  # fmt: skip


def _html(report: Report, path: Path) -> None:
    path.write_text(to_html(report, appendix_files(report, path)), encoding="utf-8")


# -- PDF -----------------------------------------------------------------------------------------
def _pdf(report: Report, path: Path) -> None:
    try:
        import weasyprint  # noqa: PLC0415 - needs Pango; only PDF output loads it
    except (ImportError, OSError) as exc:
        raise InputError(
            f"PDF output needs WeasyPrint and Pango ({exc}): pip install weasyprint; "
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0."
        ) from None
    # Print every appendix: <details> would stay closed on paper.
    files = appendix_files(report, path)
    document = to_html(report, files, png=PDF_PNG).replace("<details>", '<details open="">')
    weasyprint.HTML(string=document).write_pdf(path)


_WRITERS: dict[str, Callable[[Report, Path], None]] = {
    ".md": _markdown, ".html": _html, ".htm": _html, ".pdf": _pdf,
}  # fmt: skip
