"""The ``hitex`` command line: each command parses options, calls the library, prints.

Errors a user can act on (a bad file, an unknown code) print one sentence on stderr and exit
with status 1; usage mistakes exit with status 2, as Click does.
"""

from __future__ import annotations

import functools
import json
import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import pandas as pd
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

import hitex
from hitex.errors import HitexError, InputError
from hitex.reference import reference_version
from hitex.reference.usergroups import UserScheme
from hitex.store import STEPS, default_path

app = typer.Typer(
    help="High-tech trade analytics: load trade records, classify them, compute indicators.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


class Output(StrEnum):
    """How listings are printed."""

    table = "table"
    csv = "csv"
    json = "json"


FormatOpt = Annotated[
    Output | None,
    typer.Option("--format", "-f", help="table (default on a terminal), csv or json."),
]


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None, typer.Option("--db", help="Warehouse file (default $HITEX_DB, ./hitex.duckdb).")
    ] = None,
) -> None:
    """High-tech trade analytics: load trade records, classify them, compute indicators."""
    ctx.obj = db or default_path()


def errors_to_exit(func: F) -> F:
    """Turn hitex errors into one sentence on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except HitexError as exc:
            err.print(f"Error: {exc}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


@contextmanager
def session(ctx: typer.Context) -> Iterator[hitex.Session]:
    """Open the warehouse named by ``--db`` for one command."""
    s = hitex.open(ctx.obj)
    try:
        yield s
    finally:
        s.close()


@app.command()
@errors_to_exit
def init(ctx: typer.Context) -> None:
    """Create the warehouse (or refresh its reference tables)."""
    with session(ctx) as s:
        s.warehouse.init(refresh=True)
    err.print(f"Warehouse ready: {ctx.obj} (reference data {reference_version()})")


@app.command()
@errors_to_exit
def load(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Files to load (CSV, Parquet, XLSX, JSON).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="flows, baci or comtrade.")],
    classification: Annotated[
        str, typer.Option(help="Product classification of files that do not name theirs.")
    ] = "HS17",
    revise: Annotated[
        bool, typer.Option("--revise", help="Replace flows an earlier load holds.")
    ] = False,
) -> None:
    """Load trade files into the warehouse, one transaction per file."""
    with session(ctx) as s:
        for path in files:
            with _progress(path.name) as step:
                (result,) = s.load(
                    [path], format=fmt, classification=classification, revise=revise,
                    progress=step,
                )  # fmt: skip
            err.print(result.summary(), markup=False, highlight=False)


@contextmanager
def _progress(label: str) -> Iterator[Callable[[str], None]]:
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[step]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with bar:
        task = bar.add_task(f"loading {label}", total=len(STEPS), step="")

        def step(name: str) -> None:
            bar.update(task, advance=1, step=name)

        yield step


@app.command()
@errors_to_exit
def loads(ctx: typer.Context, fmt: FormatOpt = None) -> None:
    """List loads: file, sha256, rows read / loaded / rejected, status."""
    with session(ctx) as s:
        frame = s.loads()
    cols = ["id", "file", "sha256", "format", "rows_read", "rows_loaded", "rows_rejected"]
    cols += ["rows_merged", "rows_revised", "status", "started", "message"]
    frame = frame[cols]
    if _chosen(fmt) is Output.table:
        # On a terminal the hash's first 12 digits identify a file; CSV and JSON keep all 64.
        frame = frame.assign(sha256=frame["sha256"].str[:12])
    emit(frame, fmt)


@app.command()
@errors_to_exit
def rejects(
    ctx: typer.Context,
    load_id: Annotated[int | None, typer.Option("--load", help="Only this load.")] = None,
    fmt: FormatOpt = None,
) -> None:
    """List refused records with line number and reason."""
    with session(ctx) as s:
        emit(s.rejects(load_id), fmt)


@app.command()
@errors_to_exit
def table(
    ctx: typer.Context,
    reporter: Annotated[str, typer.Option(help="Reporter: ISO code, RU-MOW, or a name.")],
    flow: Annotated[str, typer.Option(help="export, import, re-export, re-import, balance.")] = (
        "export"
    ),
    year: Annotated[int | None, typer.Option(help="Reporting year.")] = None,
    compare: Annotated[int | None, typer.Option(help="Base year for growth.")] = None,
    by: Annotated[
        list[str] | None,
        typer.Option(help="Dimension(s): partner, product, group, region, month, ..."),
    ] = None,
    partner_group: Annotated[str | None, typer.Option(help="Only partners in this group.")] = None,
    groups: Annotated[str | None, typer.Option(help="Product scheme: tech, enduse, ...")] = None,
    group: Annotated[str | None, typer.Option(help="Only this group of --groups.")] = None,
    months: Annotated[str | None, typer.Option(help="Months, e.g. 1-8 (year to date).")] = None,
    classification: Annotated[str | None, typer.Option(help="Only this classification.")] = None,
    top: Annotated[int | None, typer.Option(help="Only the N largest rows.")] = None,
    years: Annotated[
        str | None, typer.Option(help="A span, e.g. 2001-2020: one row per year.")
    ] = None,
    indicators: Annotated[
        str | None,
        typer.Option(help="value,growth,share,change,multiple,cagr,contribution,rank,... ."),
    ] = None,
    small_base: Annotated[
        float, typer.Option(help="Flag growth on a base below this many US$.")
    ] = 1_000_000.0,
    engine: Annotated[str, typer.Option(help="What runs the query: duckdb or pyspark.")] = (
        "duckdb"
    ),
    fmt: FormatOpt = None,
) -> None:
    """Value by the chosen dimensions, with base year, growth % and share %."""
    if (year is None) == (years is None):
        raise InputError("Give --year (and --compare for growth) or --years FIRST-LAST.")
    options: dict[str, Any] = {
        "reporter": reporter, "flow": flow, "by": _split(by), "partner_group": partner_group,
        "groups": groups, "group": group, "months": parse_months(months),
        "classification": classification, "top": top, "small_base_usd": small_base,
        "indicators": _split([indicators]) if indicators else None,
    }  # fmt: skip
    with hitex.open(ctx.obj, engine=engine) as s:
        if years is not None:
            if compare is not None:
                raise InputError("--compare goes with --year; a --years series compares each "
                                 "year with the year before.")  # fmt: skip
            frame = s.series(years=parse_years(years), **options)
        else:
            assert year is not None
            frame = s.table(year=year, compare=compare, **options)
    emit(frame, fmt)


def parse_years(text: str) -> range:
    """``"2001-2020"`` -> ``range(2001, 2021)``; ``"2020"`` -> ``range(2020, 2021)``."""
    lo, _, hi = text.partition("-")
    try:
        first, last = int(lo), int(hi or lo)
    except ValueError:
        raise InputError(f"--years {text!r} is not a span of years such as 2001-2020.") from None
    if first > last:
        raise InputError(f"--years {text!r} runs backwards; give FIRST-LAST.")
    return range(first, last + 1)


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def parse_months(text: str | None) -> tuple[int, int] | None:
    """``"1-8"`` -> ``(1, 8)``; ``"3"`` -> ``(3, 3)``."""
    if text is None:
        return None
    lo, _, hi = text.partition("-")
    try:
        return int(lo), int(hi or lo)
    except ValueError:
        raise InputError(f"--months {text!r} is not a month range such as 1-8.") from None


# -- output ----------------------------------------------------------------------------------
def emit(frame: pd.DataFrame, fmt: Output | None) -> None:
    """Print ``frame`` as a rich table, CSV or JSON (records)."""
    chosen = _chosen(fmt)
    if chosen is Output.json:
        records = [
            {k: _plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")
        ]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    elif chosen is Output.csv:
        frame.to_csv(sys.stdout, index=False)
    else:
        console = Console()
        console.print(_rich(frame, console.width))


def _chosen(fmt: Output | None) -> Output:
    return fmt or (Output.table if sys.stdout.isatty() else Output.csv)


def _plain(v: Any) -> Any:
    """A cell as JSON: numpy scalars as Python numbers, missing values as null."""
    if isinstance(v, pd.Timestamp):
        return v.isoformat()
    if isinstance(v, list | tuple | dict):
        return v
    if hasattr(v, "item"):
        v = v.item()
    return None if pd.isna(v) else v


_LONG_TEXT = {
    "description", "codes", "record", "message", "reason", "file", "started", "classifications",
}  # fmt: skip


def _rich(frame: pd.DataFrame, width: int) -> Table:
    """A table that fits ``width`` columns: numbers whole, long text cut or left out."""
    # A column with one value in every row (the classification, usually) becomes the caption.
    same = [c for c in _CAPTION if c in frame.columns and frame[c].nunique(dropna=False) == 1]
    notes = [f"{c}: {frame[c].iloc[0]}" for c in same] if len(frame) > 1 else []
    frame = frame.drop(columns=same) if notes else frame
    numeric = {c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])}
    cells = {c: [_cell(v, c in numeric, str(c)) for v in frame[c].tolist()] for c in frame.columns}
    text = [c for c in frame.columns if str(c) in _LONG_TEXT or str(c).endswith("_name")]
    # A long header may wrap onto a second line; a number never does.
    fixed = {c: max([min(len(str(c)), 9)] + [len(v) for v in cells[c]]) for c in frame.columns}
    room = width - 2 - sum(fixed[c] + 3 for c in frame.columns if c not in text)
    if room < 0:
        # Too many columns for this terminal even without the text: one block per record.
        return _records(frame, cells, "; ".join(notes))
    shown_text = list(text)
    while shown_text and room < 15 * len(shown_text):
        notes.append(f"{shown_text.pop()} left out to fit (see --format csv)")
    t = Table(show_lines=False, header_style="bold", caption="; ".join(notes) or None)
    text_width = min(36, room // len(shown_text) - 4) if shown_text else 0
    for c in frame.columns:
        if c in shown_text:
            t.add_column(str(c), overflow="ellipsis", no_wrap=True, max_width=text_width)
        elif c not in text:
            # The column is as wide as its widest cell, so only a longer header wraps.
            t.add_column(
                str(c), justify="right" if c in numeric else "left", overflow="fold",
                min_width=fixed[c],
            )  # fmt: skip
    shown = [c for c in frame.columns if c in shown_text or c not in text]
    for i in range(len(frame)):
        t.add_row(*(cells[c][i] for c in shown))
    return t


def _records(frame: pd.DataFrame, cells: dict[Any, list[str]], caption: str) -> Table:
    t = Table(show_header=False, caption=caption or None)
    t.add_column(
        "field", style="bold", no_wrap=True, min_width=max(len(str(c)) for c in frame.columns)
    )
    t.add_column("value", overflow="ellipsis", no_wrap=True)
    last = frame.columns[-1]
    for i in range(len(frame)):
        for c in frame.columns:
            t.add_row(str(c), cells[c][i], end_section=c == last)
    return t


_CAPTION = ("classifications", "classification", "nowcast_method")


def _cell(v: Any, numeric: bool, column: str) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if numeric and isinstance(v, float):
        if column.endswith("_usd"):
            return f"{v:,.0f}"
        if column.endswith(("_pct", "_pp")):
            return f"{v:,.1f}"
        return f"{v:,.4g}"
    if numeric and isinstance(v, int):
        return str(v) if column.endswith("id") or column == "year" else f"{v:,}"
    return str(v)


@app.command()
@errors_to_exit
def groups(
    ctx: typer.Context,
    args: Annotated[
        list[str] | None, typer.Argument(help="SCHEME to list its groups, or: add FILE.yaml")
    ] = None,
    fmt: FormatOpt = None,
) -> None:
    """List schemes; `groups SCHEME` lists each group's codes; `groups add FILE.yaml` adds one."""
    words = args or []
    with session(ctx) as s:
        if words[:1] == ["add"]:
            if len(words) != 2:
                raise InputError("Give one file: hitex groups add FILE.yaml")
            _report_scheme(s.add_groups(Path(words[1])))
            return
        if len(words) > 1:
            raise InputError(f"Give one scheme to list, not {len(words)}: {' '.join(words)}")
        emit(s.groups(words[0] if words else None), fmt)


def _report_scheme(scheme: UserScheme) -> None:
    products = scheme.product_groups
    n_groups = products["group_name"].nunique() + scheme.country_groups["group_name"].nunique()
    err.print(
        f"Scheme {scheme.name!r}: {n_groups} groups, {len(products):,} {scheme.classification} "
        f"codes, {len(scheme.country_groups)} partner countries.",
        markup=False,
        highlight=False,
    )


@app.command()
@errors_to_exit
def classify(
    ctx: typer.Context,
    codes: Annotated[list[str], typer.Argument(help="Product codes, e.g. 841181 851762.")],
    classification: Annotated[str, typer.Option(help="Classification of the codes.")] = "HS17",
    fmt: FormatOpt = None,
) -> None:
    """What every scheme says about these products, with descriptions."""
    with session(ctx) as s:
        frame = s.classify(codes, classification.upper())
    if _chosen(fmt) is Output.table:
        # On a terminal, one row per code and one column per scheme.
        frame = frame.pivot_table(
            index=["product", "description"], columns="scheme", values="group_code",
            aggfunc="first", sort=False,
        ).reset_index()  # fmt: skip
        frame.columns.name = None
    emit(frame, fmt)


@app.command()
@errors_to_exit
def coverage(
    ctx: typer.Context,
    reporter: Annotated[str | None, typer.Option(help="Only this reporter.")] = None,
    year: Annotated[int | None, typer.Option(help="Only this year.")] = None,
    scheme: Annotated[list[str] | None, typer.Option(help="Scheme(s); all by default.")] = None,
    fmt: FormatOpt = None,
) -> None:
    """How much of the loaded value each scheme classifies, and why the rest is not."""
    with session(ctx) as s:
        emit(s.coverage(reporter=reporter, year=year, schemes=_split(scheme) or None), fmt)


@app.command()
@errors_to_exit
def complexity(
    ctx: typer.Context,
    year: Annotated[int, typer.Option(help="Year.")],
    classification: Annotated[
        str | None, typer.Option(help="Product classification (needed if several).")
    ] = None,
    digits: Annotated[int | None, typer.Option(help="Cut product codes, e.g. 4.")] = None,
    threshold: Annotated[float, typer.Option(help="RCA at which Mcp is 1.")] = 1.0,
    reporter: Annotated[str | None, typer.Option(help="Only this reporter's rows.")] = None,
    by: Annotated[str, typer.Option(help="product (reporter x product) or reporter.")] = (
        "product"
    ),
    top: Annotated[int | None, typer.Option(help="Only the first N rows.")] = None,
    engine: Annotated[
        str, typer.Option(help="What runs the Ibis part: duckdb or pyspark.")
    ] = "duckdb",
    fmt: FormatOpt = None,
) -> None:
    """Economic complexity of every reporter: RCA, Mcp, ECI, PCI, density, COI, COG."""
    with hitex.open(ctx.obj, engine=engine) as s:
        frame = s.complexity(
            year=year, classification=classification, digits=digits, threshold=threshold,
            reporter=reporter, by=by, top=top,
        )  # fmt: skip
    emit(frame, fmt)


@app.command()
@errors_to_exit
def opportunities(
    ctx: typer.Context,
    reporter: Annotated[str, typer.Option(help="Reporter: ISO code, RU-MOW, or a name.")],
    year: Annotated[int, typer.Option(help="Year.")],
    compare: Annotated[
        int | None, typer.Option(help="Base year of import growth (default: year - 1).")
    ] = None,
    partner_group: Annotated[str | None, typer.Option(help="Only markets in this group.")] = None,
    groups: Annotated[str | None, typer.Option(help="Product scheme: tech, enduse, ...")] = None,
    group: Annotated[str | None, typer.Option(help="Only products of this group.")] = None,
    top: Annotated[int, typer.Option(help="How many products.")] = 20,
    markets: Annotated[int, typer.Option(help="Largest and fastest markets per product.")] = 3,
    classification: Annotated[
        str | None, typer.Option(help="Product classification (needed if several).")
    ] = None,
    digits: Annotated[int | None, typer.Option(help="Cut product codes, e.g. 4.")] = None,
    fmt: FormatOpt = None,
) -> None:
    """Products a reporter could export next (density, PCI, COG) and the markets for each."""
    with session(ctx) as s:
        frame = s.opportunities(
            reporter=reporter, year=year, compare=compare, partner_group=partner_group,
            groups=groups, group=group, top=top, markets=markets,
            classification=classification, digits=digits,
        )  # fmt: skip
    emit(frame, fmt)


@app.command()
@errors_to_exit
def demo(
    out: Annotated[Path, typer.Option(help="Folder for the demo warehouse.")] = Path("hitex-demo"),
    fmt: FormatOpt = None,
) -> None:
    """Load the bundled real sample (Chile-Argentina, HS6) and print its first tables."""
    from hitex import demo as bundled  # noqa: PLC0415 - only this command needs it

    with bundled.build(out) as s:
        err.print(f"Warehouse: {out / 'hitex.duckdb'}")
        for _, row in s.loads().iterrows():
            err.print(
                f"  load {row['id']}: {row['file']} {row['status']}, {row['rows_loaded']:,} rows"
            )
        err.print("Chile's exports to and imports from Argentina, 2004 against 2002 (US$):")
        emit(s.table(reporter="CHL", flow="export", year=2004, compare=2002, by=["flow"]), fmt)
        emit(s.table(reporter="CHL", flow="import", year=2004, compare=2002, by=["flow"]), fmt)
        err.print("Chile's exports to Argentina by OECD technology intensity, 2004 against 2002:")
        emit(s.table(reporter="CHL", year=2004, compare=2002, by=["group"], groups="tech"), fmt)
        err.print("Chile's ten largest exports to Argentina in 2004:")
        emit(s.table(reporter="CHL", year=2004, compare=2002, by=["product"], top=10), fmt)


def main() -> None:
    """Entry point of the ``hitex`` script."""
    app()
