"""``hitex fetch comtrade|baci|wdi``: download published data, optionally load it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

app = typer.Typer(
    help="Download published data (UN Comtrade, CEPII BACI, World Bank WDI); --load loads it.",
    no_args_is_help=True,
)


class TradeType(StrEnum):
    """Goods or services."""

    goods = "goods"
    services = "services"


class Freq(StrEnum):
    """Annual or monthly."""

    A = "A"
    M = "M"


def _err():  # type: ignore[no-untyped-def]
    from hitex.cli import err  # noqa: PLC0415

    return err


def _say(text: str) -> None:
    _err().print(text, markup=False, highlight=False, soft_wrap=True)


@contextmanager
def _bytes_bar(label: str) -> Iterator[Callable[[int, int | None], None]]:
    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
        TimeRemainingColumn(), console=_err(), transient=True, disable=not _err().is_terminal,
    )  # fmt: skip
    with bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@contextmanager
def _requests_bar(label: str) -> Iterator[Callable[[str], None]]:
    """A line that counts the answers and shows the last; splits are also printed."""
    bar = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} answers"),
        TextColumn("{task.fields[last]}"), console=_err(), transient=True,
        disable=not _err().is_terminal,
    )  # fmt: skip
    with bar:
        task = bar.add_task(label, total=None, last="")

        def step(text: str) -> None:
            if "split in" in text:
                _say(text)
            else:
                bar.update(task, advance=1, last=text)

        yield step


def _years(text: str | None) -> list[int] | None:
    if not text:
        return None
    from hitex.cli import parse_years  # noqa: PLC0415

    return sorted({y for part in _split(text) for y in parse_years(part)})


def _split(text: str | None) -> list[str]:
    return [v.strip() for v in (text or "").split(",") if v.strip()]


def _load(ctx: typer.Context, files: list[Path], fmt: str, classification: str) -> None:
    from hitex.cli import session  # noqa: PLC0415

    with session(ctx) as s:
        for path in files:
            for result in s.load([path], format=fmt, classification=classification):
                _say(result.summary())


def _errors(func):  # type: ignore[no-untyped-def]
    from hitex.cli import errors_to_exit  # noqa: PLC0415

    return errors_to_exit(func)


@app.command()
def comtrade(
    ctx: typer.Context,
    reporter: Annotated[str, typer.Option(help="Reporter: ISO code, name or Comtrade code.")],
    years: Annotated[str, typer.Option(help="Years, e.g. 2019-2020 or 2019,2021.")],
    flow: Annotated[
        str | None, typer.Option(help="Flows: X,M,RX,RM (or export,import); default: all.")
    ] = None,
    classification: Annotated[
        str | None,
        typer.Option(help="HS (as reported), H0-H6 / HS17, S1-S4, B4, B5; services: EB, EB10 ..."),
    ] = None,
    type_: Annotated[TradeType, typer.Option("--type", help="goods or services.")] = (
        TradeType.goods
    ),
    freq: Annotated[Freq, typer.Option(help="A (annual) or M (monthly).")] = Freq.A,
    months: Annotated[
        str | None, typer.Option(help="With --freq M: months, e.g. 1-6 (default all).")
    ] = None,
    partner: Annotated[
        str | None,
        typer.Option(help="Partners (ISO codes, names or Comtrade codes; 0 = World); default all."),
    ] = None,
    cmd: Annotated[
        str | None,
        typer.Option(
            help="Product codes (e.g. 8542,8471), TOTAL, AG2/AG4/AG6; default AG6 for goods, "
            "every code for services."
        ),
    ] = None,
    partner2: Annotated[str, typer.Option(help="Second partner code (0: total).")] = "0",
    customs: Annotated[str, typer.Option(help="Customs procedure code (C00: total).")] = "C00",
    mot: Annotated[str, typer.Option(help="Mode of transport code (0: total).")] = "0",
    max_records: Annotated[
        int | None,
        typer.Option(help="Records per request (default 500 without a key, 100000 with one)."),
    ] = None,
    key: Annotated[
        str | None,
        typer.Option(help="Subscription key (default $COMTRADE_KEY); without one: preview."),
    ] = None,
    bulk: Annotated[bool, typer.Option("--bulk", help="Download bulk files (needs a key).")] = (
        False
    ),
    load: Annotated[bool, typer.Option("--load", help="Load the answer into the warehouse.")] = (
        False
    ),
) -> None:
    """UN Comtrade data (preview without a key, final data with one, or bulk files)."""
    _errors(_comtrade)(
        ctx, reporter, years, flow, classification, type_, freq, months, partner, cmd,
        partner2, customs, mot, max_records, key, bulk, load,
    )  # fmt: skip


def _comtrade(
    ctx: typer.Context, reporter: str, years: str, flow: str | None, classification: str | None,
    type_: TradeType, freq: Freq, months: str | None, partner: str | None, cmd: str | None,
    partner2: str, customs: str, mot: str, max_records: int | None, key: str | None, bulk: bool,
    load: bool,
) -> None:  # fmt: skip
    from hitex.cli import parse_months  # noqa: PLC0415
    from hitex.fetch import comtrade as ct  # noqa: PLC0415
    from hitex.fetch.http import cache_dir  # noqa: PLC0415

    key = key or os.environ.get("COMTRADE_KEY") or None
    type_code = "S" if type_ is TradeType.services else "C"
    cl = ct.classification_code(classification or ("EB" if type_code == "S" else "HS"), type_code)
    reporters = [ct.country_code(r) for r in _split(reporter)]
    every = [p.lower() for p in _split(partner)] in ([], ["all"])
    partners = None if every else [ct.country_code(p, role="partner") for p in _split(partner)]
    span = parse_months(months) if months else None
    chosen = list(range(span[0], span[1] + 1)) if span else None
    codes = tuple(c.upper() for c in _split(cmd)) or (("AG6",) if type_code == "C" else None)
    request = ct.Request(
        type_code=type_code, freq=freq.value, classification=cl,
        reporter=",".join(c for c, _ in reporters),
        periods=tuple(ct.periods(_years(years) or [], freq.value, chosen)),
        flows=ct.flow_codes(flow), partners=tuple(c for c, _ in partners) if partners else None,
        cmd=codes, partner2=partner2 or None, customs=customs or None, mot=mot or None,
        label=",".join(iso for _, iso in reporters),
    )  # fmt: skip
    if bulk:
        with _bytes_bar("Comtrade bulk") as bar:
            answer = ct.fetch_bulk(request, key=key, progress=lambda n, d, t: bar(d, t))
        files = answer.files
        _say(f"{len(files)} bulk file(s) for {request.describe()}: " + ", ".join(map(str, files)))
    else:
        if not key:
            _say("No Comtrade key (COMTRADE_KEY): asking the preview (at most 500 records each).")
        with _requests_bar("UN Comtrade") as step:
            answer = ct.fetch(request, key=key, max_records=max_records, progress=step)
        files = answer.files
        cached = f" ({answer.cached} from the cache)" if answer.cached else ""
        _say(
            f"{answer.records:,} records in {len(files)} answer(s){cached} for "
            f"{request.describe()}; kept in {cache_dir() / 'comtrade'}."
        )
    for what in answer.empty:
        _say(f"No data: UN Comtrade has no {what}.")
    if not files:
        from hitex.fetch.http import FetchError  # noqa: PLC0415

        raise FetchError(
            f"UN Comtrade has no {request.describe()}" + ("; nothing to load." if load else ".")
        )
    if load:
        hitex_cl = "EBOPS2010" if type_code == "S" else "HS17"
        # The answers of a split request load as one, in one transaction; bulk files one by one.
        parts = files if bulk else [ct.combine(files, cache_dir() / "comtrade")]
        _load(ctx, parts, "comtrade", hitex_cl)


@app.command()
def baci(
    ctx: typer.Context,
    release: Annotated[str, typer.Option(help="The release, e.g. V202401b.")],
    hs: Annotated[str, typer.Option("--hs", help="HS edition: HS92 ... HS22.")] = "HS17",
    years: Annotated[
        str | None, typer.Option(help="Years to load with --load, e.g. 2019-2022 (default all).")
    ] = None,
    load: Annotated[bool, typer.Option("--load", help="Load the years from the zip.")] = False,
) -> None:
    """A CEPII BACI release archive: downloaded once (resumable), loaded from the zip."""
    _errors(_baci)(ctx, release, hs, years, load)


def _baci(ctx: typer.Context, release: str, hs: str, years: str | None, load: bool) -> None:
    from hitex.fetch import baci as bc  # noqa: PLC0415

    name = bc.archive_name(release, hs)
    with _bytes_bar(name) as bar:
        path = bc.download(release, hs, progress=bar)
    _say(f"{name}: {path}")
    if load:
        from hitex.cli import session  # noqa: PLC0415

        with session(ctx) as s:
            for result in s.load([path], format="baci", years=_years(years)):
                _say(result.summary())
    typer.echo(str(path))


@app.command()
def wdi(
    indicator: Annotated[str, typer.Option(help="The series, e.g. TX.VAL.TECH.CD.")],
    countries: Annotated[str, typer.Option(help="Countries, e.g. RUS,CHN.")],
    years: Annotated[str | None, typer.Option(help="Years, e.g. 2010-2020 (default all).")] = None,
    out: Annotated[
        Path | None, typer.Option(help="CSV to write (default <cache>/wdi/<indicator>.csv).")
    ] = None,
) -> None:
    """A World Bank WDI series, written as CSV for comparison with hitex's figures."""
    _errors(_wdi)(indicator, countries, years, out)


def _wdi(indicator: str, countries: str, years: str | None, out: Path | None) -> None:
    from hitex.cli import emit  # noqa: PLC0415
    from hitex.fetch import wdi as wb  # noqa: PLC0415

    frame = wb.fetch(indicator, _split(countries), _years(years))
    path = wb.save(frame, out or wb.default_out(indicator))
    _say(f"{len(frame)} values of {indicator} written to {path}")
    emit(frame[["iso3", "year", "value"]], None)
