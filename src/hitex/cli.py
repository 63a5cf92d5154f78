"""The ``hitex`` command line: each command parses options, calls the library, prints.

Errors a user can act on (a bad file, an unknown code) print one sentence on stderr and exit
with status 1; usage mistakes exit with status 2, as Click does.
"""

from __future__ import annotations

import functools
import json
import math
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import pandas as pd
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperGroup

import hitex
from hitex._util import cents, records, rounded
from hitex.errors import HitexError, InputError, UnknownCodeError
from hitex.reference import reference_version
from hitex.reference.usergroups import UserScheme
from hitex.store import STEPS, LoadResult, default_path
from hitex.store.warehouse import loads_ru
from hitex.usage_ru import asked_russian, is_usage_error, show_ru
from hitex.wording import COLUMNS_RU, in_lang, number


class _Group(TyperGroup):
    """hitex's command group: Click's usage errors in Russian when Russian is asked for.

    ``--lang ru`` on the command line or ``$HITEX_LANG=ru`` (:mod:`hitex.usage_ru`); in
    English Click's own words stay as they are.
    """

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None,
                     **extra: Any) -> Any:  # fmt: skip
        if parent is None:
            args = hoist_globals(args)
        russian = asked_russian(args)
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except Exception as exc:
            _usage_ru(exc, russian)
            raise
        ctx.meta["usage_ru"] = russian
        return ctx

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            _usage_ru(exc, bool(ctx.meta.get("usage_ru")))
            raise


#: Options of ``hitex`` itself that take a value; a user may write them after the command.
GLOBALS = ("--db", "--spark-master")


def hoist_globals(args: list[str]) -> list[str]:
    """Move ``--db PATH`` and ``--spark-master URL`` written after the command before it.

    ``hitex load flows.csv --db w.duckdb`` means what ``hitex --db w.duckdb load flows.csv``
    does; Click alone would refuse it ("No such option: --db"). An option without its value
    is left where it is, for Click to say so.

    >>> hoist_globals(["load", "f.csv", "--db", "w.duckdb"])
    ['--db', 'w.duckdb', 'load', 'f.csv']
    >>> hoist_globals(["table", "--db=w.duckdb", "--year", "2020"])
    ['--db=w.duckdb', 'table', '--year', '2020']
    >>> hoist_globals(["load", "--db"])
    ['load', '--db']
    """
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if "--" in rest:  # after "--" every word is an argument
            rest.append(arg)
        elif arg.split("=", 1)[0] in GLOBALS and "=" in arg:
            front.append(arg)
        elif arg in GLOBALS and i + 1 < len(args):
            front += [arg, args[i + 1]]
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


def _usage_ru(exc: Exception, russian: bool) -> None:
    """Say a usage error in Russian and exit with Click's status; else leave it to Click."""
    if russian and is_usage_error(exc):
        show_ru(exc)
        raise typer.Exit(2) from None


app = typer.Typer(
    cls=_Group,
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
ArticleEncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="The article's encoding (default: UTF-8, UTF-16 with a byte-order mark, else "
        "judged from the bytes: cp1251, koi8-r or cp1252).",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hitex {hitex.__version__} (reference data {reference_version()})")
        raise typer.Exit


LangOpt = Annotated[
    str,
    typer.Option("--lang", envvar="HITEX_LANG", help="Language of names: en or ru ($HITEX_LANG)."),
]
FirmGroupOpt = Annotated[
    str | None,
    typer.Option(help="Only the enterprises of this group (hitex firms), membership by year."),
]
NoSuppressOpt = Annotated[
    bool,
    typer.Option(
        "--no-suppress",
        help="Lift disclosure control: show figures of fewer than 3 enterprises, or of one "
        "dominant one ($HITEX_DISCLOSURE=off).",
    ),
]


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None, typer.Option("--db", help="Warehouse file (default $HITEX_DB, ./hitex.duckdb).")
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    spark_master: Annotated[
        str | None,
        typer.Option(
            "--spark-master",
            envvar="HITEX_SPARK_MASTER",
            help="Where --engine pyspark runs: local[N], spark://HOST:PORT, yarn, k8s://..., "
            "sc://HOST:PORT (Spark Connect) ($HITEX_SPARK_MASTER; default local[2]).",
        ),
    ] = None,
) -> None:
    """High-tech trade analytics: load trade records, classify them, compute indicators."""
    ctx.obj = db or default_path()
    ctx.meta["spark_master"] = spark_master


EngineOpt = Annotated[
    str, typer.Option("--engine", help="What runs the queries: duckdb or pyspark.")
]


def _engine(ctx: typer.Context, engine: str) -> dict[str, Any]:
    """Options of ``hitex.open`` for ``--engine`` (and ``--spark-master`` with pyspark)."""
    master = ctx.meta.get("spark_master")
    if master and engine == "pyspark":
        return {"engine": engine, "spark_master": master}
    return {"engine": engine}


#: The word before an error's sentence, by language.
_ERROR = {"en": "Error", "ru": "Ошибка"}


def language(options: dict[str, Any]) -> str:
    """The language a command speaks: its ``--lang``, else ``$HITEX_LANG``, else English."""
    lang = options.get("lang")
    if not isinstance(lang, str):
        lang = os.environ.get("HITEX_LANG", "en")
    return lang if lang in _ERROR else "en"


def errors_to_exit(func: F) -> F:
    """Turn hitex errors into one sentence on stderr and exit status 1.

    In Russian (``--lang ru`` or ``$HITEX_LANG=ru``) the sentence starts with "Ошибка:" and is
    the error's Russian one where it has one.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except HitexError as exc:
            lang = language(kwargs)
            err.print(f"{_ERROR[lang]}: {exc.text(lang)}", markup=False, highlight=False,
                      soft_wrap=True)  # fmt: skip
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


def _open(path: str, **options: Any) -> hitex.Session:
    """Open the warehouse for a command that only reads it.

    Read-write as usual (which keeps its reference tables current), or read-only when another
    process holds it (a read-only ``hitex serve``), so that both read the same file at once.
    A warehouse that is not there is refused rather than created empty: a mistyped ``--db``
    would otherwise answer "no records" and leave a new file behind.
    """
    if path != ":memory:" and not Path(path).exists():
        raise InputError(
            f"No warehouse at {path}: hitex init creates one, hitex load fills it.",
            ru=f"Хранилища {path} нет: его создаёт hitex init, наполняет hitex load.",
        )
    try:
        return hitex.open(path, **options)
    except HitexError as exc:
        held = any(w in str(exc).lower() for w in ("lock", "different configuration"))
        if not held or not Path(path).is_file():
            raise
    return hitex.open(path, read_only=True, **options)


@app.command()
@errors_to_exit
def init(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            help="Where the records live, as Parquet (default: beside the warehouse, DB.data); "
            "a file:// URI for a folder every host of a cluster mounts."
        ),
    ] = None,
) -> None:
    """Create the warehouse (or refresh its reference tables)."""
    with session(ctx) as s:
        s.warehouse.init(refresh=True, data=data)
        root = s.warehouse.layout.root
    err.print(
        f"Warehouse ready: {ctx.obj}, records under {root} (reference data {reference_version()})"
    )


@app.command()
@errors_to_exit
def load(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Files to load (CSV, Parquet, XLSX, JSON).")],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="flows, baci or comtrade (default: told from each file's name and columns).",
        ),
    ] = None,
    classification: Annotated[
        str, typer.Option(help="Product classification of files that do not name theirs.")
    ] = "HS17",
    column: Annotated[
        list[str] | None,
        typer.Option(help="FIELD=SOURCE: read a field from the file's column SOURCE."),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="FIELD=VALUE: one value of a field for every record."),
    ] = None,
    profile: Annotated[
        Path | None,
        typer.Option(help="YAML profile of a source: format, classification, columns, set."),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            help="Text encoding of CSV files (default: UTF-8, else judged from the bytes: "
            "cp1252 or cp1251)."
        ),
    ] = None,
    revise: Annotated[
        bool, typer.Option("--revise", help="Replace flows an earlier load holds.")
    ] = False,
    sheet: Annotated[
        str | None,
        typer.Option(help="The sheet of an Excel workbook to read (default: the first)."),
    ] = None,
    years: Annotated[
        str | None,
        typer.Option(help="Years of a BACI release zip to load, e.g. 2019-2022 (default all)."),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="What reads the files and writes their records: duckdb or pyspark "
            "(on --spark-master).",
        ),
    ] = "duckdb",
    lang: Annotated[
        str,
        typer.Option(
            "--lang", envvar="HITEX_LANG", help="Language of the summaries: en or ru ($HITEX_LANG)."
        ),
    ] = "en",
) -> None:
    """Load trade files into the warehouse, one transaction per file (a BACI zip: per year).

    A file some of whose records are refused loads the others and lists the refused ones
    (hitex rejects --load ID); the exit status is 0. A file whose every record is refused
    loads nothing, is listed with status refused and its rejects, and the exit status is 1
    (the other files are still loaded, each in its own transaction).
    """
    options = read_profile(profile) if profile is not None else {}
    columns = {**options.get("columns", {}), **_pairs(column, "--column")}
    constants = {**options.get("set", {}), **_pairs(set_, "--set")}
    refused: list[LoadResult] = []
    lang = _lang(lang)
    with hitex.open(ctx.obj, **_engine(ctx, engine)) as s:
        for path in files:
            told = fmt or s.format_of(
                path, classification=classification, columns=columns, constants=constants,
                sheet=sheet or options.get("sheet"),
            )  # fmt: skip
            if fmt is None:
                err.print(_told(path, told, lang), markup=False, highlight=False)
            with _progress(path.name, lang) as step:
                results = s.load(
                    [path], format=told, classification=classification, revise=revise,
                    columns=columns, constants=constants,
                    encoding=encoding or options.get("encoding"), progress=step,
                    sheet=sheet or options.get("sheet"),
                    years=list(parse_years(years)) if years else None,
                )  # fmt: skip
            for result in results:
                err.print(_summary(result, lang), markup=False, highlight=False)
                if result.status == "refused":
                    refused.append(result)
    if refused:
        raise typer.Exit(1)


def _told(path: Path, fmt: str, lang: str) -> str:
    """The line saying which format a file is read in when the load named none."""
    if lang == "ru":
        return f"{path.name}: читается как {fmt} (по имени и столбцам файла; иначе --format)"
    return f"{path.name}: read as {fmt} (from its name and columns; --format to say otherwise)"


def _pairs(values: list[str] | None, option: str) -> dict[str, str]:
    """``["reporter=origin"]`` -> ``{"reporter": "origin"}``."""
    out = {}
    for item in values or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InputError(
                f"{option} {item!r} is not NAME=VALUE (e.g. {option} partner=WLD).",
                ru=f"{option} {item!r}: нужно ИМЯ=ЗНАЧЕНИЕ (например, {option} partner=WLD).",
            )
        out[name.strip()] = value.strip()
    return out


def read_profile(path: Path) -> dict[str, Any]:
    """A source profile: ``columns``, ``set``, ``encoding`` and ``sheet`` (docs/load.md)."""
    import yaml  # noqa: PLC0415 - only profiles need it

    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(
            f"Cannot read profile {path}: {exc}",
            ru=f"Не удаётся прочитать профиль {path} (сообщение при чтении: «{exc}»).",
        ) from None
    known = {"columns", "set", "encoding", "sheet"}
    if not isinstance(doc, dict) or set(doc) - known:
        unknown = sorted(set(doc) - known) if isinstance(doc, dict) else doc
        raise InputError(
            f"Profile {path.name}: unknown keys {unknown}; use {sorted(known)}.",
            ru=f"Профиль {path.name}: неизвестные ключи {unknown}; допустимые — {sorted(known)}.",
        )
    for key in ("columns", "set"):
        if not isinstance(doc.get(key, {}), dict):
            raise InputError(
                f"Profile {path.name}: {key} must map FIELD: VALUE.",
                ru=f"Профиль {path.name}: в {key} нужны пары ПОЛЕ: ЗНАЧЕНИЕ.",
            )
    return {k: ({str(a): str(b) for a, b in v.items()} if isinstance(v, dict) else v)
            for k, v in doc.items()}  # fmt: skip


def _summary(result: LoadResult, lang: str) -> str:
    """A load's line on stderr, in ``lang`` (``$HITEX_LANG=ru``: Russian)."""
    return result.summary(lang)


#: The steps of a load as its progress bar names them in Russian (``STEPS``).
_LOAD_STEPS_RU = {
    "read": "чтение", "check": "проверка", "rejects": "отклонённые записи",
    "flows": "запись потоков", "hash": "контрольная сумма", "commit": "фиксация",
}  # fmt: skip


@contextmanager
def _progress(label: str, lang: str = "en") -> Iterator[Callable[[str], None]]:
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
        ru = lang == "ru"
        task = bar.add_task(f"{'загрузка' if ru else 'loading'} {label}", total=len(STEPS), step="")

        def step(name: str) -> None:
            bar.update(task, advance=1, step=_LOAD_STEPS_RU.get(name, name) if ru else name)

        yield step


@app.command()
@errors_to_exit
def loads(
    ctx: typer.Context,
    action: Annotated[
        str | None, typer.Argument(help="remove: undo load ID (its flows out, revised flows back).")
    ] = None,
    load_id: Annotated[int | None, typer.Argument(help="The load to remove.")] = None,
    fmt: FormatOpt = None,
    lang: LangOpt = "en",
) -> None:
    """List loads: file, sha256, rows read / loaded / rejected, status; `loads remove ID`."""
    if action is not None:
        if action != "remove":
            raise UnknownCodeError.new("loads action", action, ["remove"])
        if load_id is None:
            raise InputError("Name the load to remove: hitex loads remove ID (`hitex loads`).")
        with session(ctx) as s:
            typer.echo(s.remove(load_id))
        return
    with _open(ctx.obj) as s:
        frame = s.loads()
    if _lang(lang) == "ru":
        frame = loads_ru(frame)  # each message said from the load's facts
    cols = ["id", "file", "sha256", "format", "rows_read", "rows_loaded", "rows_rejected"]
    cols += ["rows_merged", "rows_revised", "status", "started", "message"]
    frame = frame[cols]
    if _chosen(fmt) is Output.table:
        # On a terminal the hash's first 12 digits identify a file; CSV and JSON keep all 64.
        frame = frame.assign(sha256=frame["sha256"].str[:12])
    emit(frame, fmt, lang)


@app.command()
@errors_to_exit
def rejects(
    ctx: typer.Context,
    load_id: Annotated[int | None, typer.Option("--load", help="Only this load.")] = None,
    fmt: FormatOpt = None,
    lang: LangOpt = "en",
) -> None:
    """List refused records with line number and reason."""
    with _open(ctx.obj) as s:
        emit(s.rejects(load_id, lang=_lang(lang)), fmt, lang)


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
    engine: EngineOpt = "duckdb",
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help="Give imports or a balance whose records are partial "
            "(see hitex coverage) as far as the loads hold them.",
        ),
    ] = False,
    firm_group: FirmGroupOpt = None,
    no_suppress: NoSuppressOpt = False,
    fmt: FormatOpt = None,
    lang: LangOpt = "en",
) -> None:
    """Value by the chosen dimensions, with base year, growth % and share %."""
    if (year is None) == (years is None):
        raise InputError("Give --year (and --compare for growth) or --years FIRST-LAST.")
    options: dict[str, Any] = {
        "reporter": reporter, "flow": flow, "by": _split(by), "partner_group": partner_group,
        "groups": groups, "group": group, "months": parse_months(months),
        "classification": classification, "top": top, "small_base_usd": small_base,
        "indicators": _split([indicators]) if indicators else None, "lang": lang,
        "partial": partial, "firm_group": firm_group, "suppress": False if no_suppress else None,
    }  # fmt: skip
    with _open(ctx.obj, **_engine(ctx, engine)) as s:
        if years is not None:
            if compare is not None:
                raise InputError("--compare goes with --year; a --years series compares each "
                                 "year with the year before.")  # fmt: skip
            frame = s.series(years=parse_years(years), **options)
        else:
            assert year is not None
            frame = s.table(year=year, compare=compare, if_empty="raise", **options)
        if partial:
            _say_partial(s, reporter, flow, [year] if year is not None else [], lang)
        span = list(parse_years(years)) if years is not None else [y for y in (year, compare) if y]
        _say_firms(s, frame, firm_group, span, lang)
    emit(frame, fmt, lang)


def _say_firms(
    s: hitex.Session, frame: pd.DataFrame, group: str | None, years: list[int], lang: str = "en"
) -> None:
    """On stderr: the membership a firm group used, and the disclosure rule that applied."""
    if lang == "ru":
        _say_firms_ru(s, frame, group, years)
        return
    if group is not None:
        counts = s.firm_membership(group, years)
        used = "; ".join(f"{y}: {n} enterprises" for y, n in sorted(counts.items(), reverse=True))
        err.print(
            f"Enterprise group {group!r}, each year with its membership of that year ({used}).",
            markup=False, highlight=False, soft_wrap=True,
        )  # fmt: skip
    rule = frame.attrs.get("disclosure")
    if rule:
        n = frame.attrs.get("suppressed", 0)
        err.print(
            f"Disclosure control: {rule}" + (f" ({n} rows suppressed)." if n else "."),
            markup=False, highlight=False, soft_wrap=True,
        )  # fmt: skip


def _say_firms_ru(s: hitex.Session, frame: pd.DataFrame, group: str | None,
                  years: list[int]) -> None:  # fmt: skip
    """:func:`_say_firms` in Russian, in the words of the Russian report."""
    from hitex.indicators.disclosure import Disclosure  # noqa: PLC0415
    from hitex.report.phrases import T  # noqa: PLC0415
    from hitex.wording import plural_ru  # noqa: PLC0415

    firms = ("предприятие", "предприятия", "предприятий")
    if group is not None:
        counts = s.firm_membership(group, years)
        used = "; ".join(f"{y} г.: {n} {plural_ru(n, firms)}"
                         for y, n in sorted(counts.items(), reverse=True))  # fmt: skip
        err.print(
            f"Группа предприятий «{group}», в каждом году — в составе того года ({used}).",
            markup=False, highlight=False, soft_wrap=True,
        )  # fmt: skip
    if not frame.attrs.get("disclosure"):
        return
    # The thresholds are the environment's, as the table's were; --no-suppress lifts them.
    rules = Disclosure.from_env(s.suppress)
    if str(frame.attrs["disclosure"]).startswith("lifted") or not rules.enabled:
        said = T["ent.lifted"]["ru"]
    else:
        rule = T["ent.rule"]["ru"].format(min_firms=rules.min_firms,
                                          dominance=f"{rules.dominance_pct:g}")  # fmt: skip
        n = int(frame.attrs.get("suppressed", 0))
        rows = ("строка", "строки", "строк")
        said = f"Защита конфиденциальности: {rule}" + (
            f" (скрыто: {n} {plural_ru(n, rows)})." if n else "."
        )
    err.print(said, markup=False, highlight=False, soft_wrap=True)


def _say_partial(
    s: hitex.Session, reporter: str, flow: str, years: list[int], lang: str = "en"
) -> None:
    """On stderr: what a --partial figure covers (hitex coverage has the rest)."""
    if flow not in ("import", "balance"):
        return
    cov = s.coverage(reporter, lang=lang)
    rows = cov[(cov["flow"] == flow) & ~cov["complete"]]
    if years:
        rows = rows[rows["year"].isin(years)]
    for note in dict.fromkeys(rows["note"]):
        said = "Неполный показатель" if lang == "ru" else "Partial figure"
        err.print(f"{said}: {note}", markup=False, highlight=False, soft_wrap=True)


def parse_years(text: str) -> range:
    """``"2001-2020"`` -> ``range(2001, 2021)``; ``"2020"`` -> ``range(2020, 2021)``."""
    lo, _, hi = text.partition("-")
    try:
        first, last = int(lo), int(hi or lo)
    except ValueError:
        raise InputError(
            f"--years {text!r} is not a span of years such as 2001-2020.",
            ru=f"--years {text!r} — не диапазон лет вида 2001-2020.",
        ) from None
    if first > last:
        raise InputError(
            f"--years {text!r} runs backwards; give FIRST-LAST.",
            ru=f"--years {text!r}: годы идут в обратном порядке; задайте ПЕРВЫЙ-ПОСЛЕДНИЙ.",
        )
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
        raise InputError(
            f"--months {text!r} is not a month range such as 1-8.",
            ru=f"--months {text!r} — не диапазон месяцев вида 1-8.",
        ) from None


# -- output ----------------------------------------------------------------------------------
def emit(
    frame: pd.DataFrame, fmt: Output | None, lang: str = "en", wrap: Mapping[str, int] | None = None
) -> None:
    """Print ``frame`` as a rich table, CSV or JSON (records); a table's notes in ``lang``.

    ``wrap`` names text columns a table wraps onto more lines instead of cutting, each with its
    share of the room (``{"reason": 2, "about": 1}``): where every row's words matter.
    """
    chosen = _chosen(fmt)
    if chosen is Output.json:
        sys.stdout.write(json.dumps(records(cents(frame)), ensure_ascii=False, indent=1) + "\n")
    elif chosen is Output.csv:
        rounded(frame).to_csv(sys.stdout, index=False)
    else:
        console = Console()
        console.print(_rich(frame, console.width, lang, wrap or {}))


def _chosen(fmt: Output | None) -> Output:
    return fmt or (Output.table if sys.stdout.isatty() else Output.csv)


_LONG_TEXT = {
    "description", "codes", "record", "message", "reason", "file", "started", "classifications",
    "claim", "about", "note", "missing",
}  # fmt: skip


#: What a table says of a text column it leaves out, by language.
_LEFT_OUT = {"en": "{c} left out to fit (see --format csv)",
             "ru": "столбец «{c}» не поместился (полностью: --format csv)"}  # fmt: skip


def _header(column: object, lang: str = "en") -> str:
    """A terminal table's header: the column's name; in Russian its words (``COLUMNS_RU``)."""
    name = str(column)
    said = COLUMNS_RU.get(name) if lang == "ru" else None
    # A column without Russian words (a scheme's code in hitex classify) keeps its name.
    return said[:1].upper() + said[1:] if said else name


def _rich(
    frame: pd.DataFrame, width: int, lang: str = "en", wrap: Mapping[str, int] | None = None
) -> Table:
    """A table that fits ``width`` columns: numbers whole, long text cut (or ``wrap``ped)."""
    wrap = wrap or {}
    # A column with one value in every row (the classification, usually) becomes the caption.
    same = [c for c in _CAPTION if c in frame.columns and frame[c].nunique(dropna=False) == 1]
    notes = [f"{_header(c, lang)}: {frame[c].iloc[0]}" for c in same] if len(frame) > 1 else []
    frame = frame.drop(columns=same) if notes else frame
    numeric = {c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])}
    cells = {
        c: [_cell(v, c in numeric, str(c), lang) for v in frame[c].tolist()] for c in frame.columns
    }
    text = [c for c in frame.columns if str(c) in _LONG_TEXT or str(c).endswith("_name")]
    # A long header may wrap onto a second line; a number never does.
    head = {c: _header(c, lang) for c in frame.columns}
    fixed = {c: max([min(len(head[c]), 9)] + [len(v) for v in cells[c]]) for c in frame.columns}
    room = width - 2 - sum(fixed[c] + 3 for c in frame.columns if c not in text)
    if room < 0:
        # Too many columns for this terminal even without the text: one block per record.
        return _records(frame, cells, "; ".join(notes), head)
    shown_text = list(text)
    while shown_text and room < 15 * len(shown_text):
        notes.append(_LEFT_OUT.get(lang, _LEFT_OUT["en"]).format(c=head[shown_text.pop()]))
    t = Table(show_lines=False, header_style="bold", caption="; ".join(notes) or None)
    text_width = min(36, room // len(shown_text) - 4) if shown_text else 0
    cut = [c for c in shown_text if c not in wrap]
    # Wrapped columns share what the cut ones (each as wide as its widest cell, up to
    # text_width) leave.
    left = room - sum(min(text_width, max(len(v) for v in cells[c] or [""])) + 3 for c in cut)
    shares = sum(wrap.get(str(c), 0) for c in shown_text)
    for c in frame.columns:
        if c in shown_text and str(c) in wrap:
            share = max(left * wrap[str(c)] // shares - 3, 10)
            t.add_column(head[c], overflow="fold", no_wrap=False, max_width=share)
        elif c in shown_text:
            t.add_column(head[c], overflow="ellipsis", no_wrap=True, max_width=text_width)
        elif c not in text:
            # The column is as wide as its widest cell, so only a longer header wraps.
            t.add_column(
                head[c], justify="right" if c in numeric else "left", overflow="fold",
                min_width=fixed[c],
            )  # fmt: skip
    shown = [c for c in frame.columns if c in shown_text or c not in text]
    for i in range(len(frame)):
        t.add_row(*(cells[c][i] for c in shown))
    return t


def _records(
    frame: pd.DataFrame, cells: dict[Any, list[str]], caption: str, head: dict[Any, str]
) -> Table:
    t = Table(show_header=False, caption=caption or None)
    t.add_column("field", style="bold", no_wrap=True, min_width=max(map(len, head.values())))
    t.add_column("value", overflow="ellipsis", no_wrap=True)
    last = frame.columns[-1]
    for i in range(len(frame)):
        for c in frame.columns:
            t.add_row(head[c], cells[c][i], end_section=c == last)
    return t


_CAPTION = ("classifications", "classification", "nowcast_method")


def _cell(v: Any, numeric: bool, column: str, lang: str = "en") -> str:
    """A terminal table's cell: numbers grouped and rounded as the language writes them."""
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return ""
    if numeric and isinstance(v, float):
        if column.endswith("_usd"):
            return number(v, 0, lang=lang)
        if column.endswith(("_pct", "_pp")):
            return number(v, 1, lang=lang)
        return in_lang(f"{v:,.4g}", lang)
    if numeric and isinstance(v, int):
        return str(v) if column.endswith("id") or column == "year" else number(v, lang=lang)
    return str(v)


@app.command()
@errors_to_exit
def groups(
    ctx: typer.Context,
    args: Annotated[
        list[str] | None, typer.Argument(help="SCHEME to list its groups, or: add FILE.yaml")
    ] = None,
    fmt: FormatOpt = None,
    lang: LangOpt = "en",
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
        scheme = words[0] if words else None
        emit(_names(s.groups(scheme), lang, scheme=scheme), fmt, lang)


def _lang(lang: str) -> str:
    """``lang`` if hitex speaks it (en, ru); else the sentence saying which it speaks."""
    if lang not in ("en", "ru"):
        error = InputError(f"--lang {lang!r} is not one of: en, ru.")
        error.ru = f"--lang {lang!r}: допустимые значения — en, ru."
        raise error
    return lang


def _names(frame: pd.DataFrame, lang: str, **options: str | None) -> pd.DataFrame:
    """A listing with its names in ``lang`` (``--lang ru``: Russian where known)."""
    from hitex.reference.russian import localize_listing  # noqa: PLC0415

    return localize_listing(frame, _lang(lang), **options)


def _report_scheme(scheme: UserScheme) -> None:
    products = scheme.product_groups
    n_groups = products["group_name"].nunique() + scheme.country_groups["group_name"].nunique()
    own = products["classification"] == scheme.classification
    other = products.loc[~own, "classification"].nunique()
    also = f" (and {(~own).sum():,} codes of {other} HS editions)" if other else ""
    err.print(
        f"Scheme {scheme.name!r}: {n_groups} groups, {own.sum():,} {scheme.classification} "
        f"codes{also}, {len(scheme.country_groups)} partner countries.",
        markup=False,
        highlight=False,
    )


@app.command()
@errors_to_exit
def firms(
    ctx: typer.Context,
    args: Annotated[
        list[str] | None,
        typer.Argument(help="GROUP to list its enterprises, or: add FILE (CSV, XLSX, YAML)"),
    ] = None,
    fmt: FormatOpt = None,
) -> None:
    """Enterprise groups (enterprises, how many have records); `firms add FILE` adds a registry."""
    words = args or []
    with session(ctx) as s:
        if words[:1] == ["add"]:
            if len(words) != 2:
                raise InputError("Give one file: hitex firms add FILE")
            added = s.add_firms(Path(words[1]))
            err.print(
                f"Registry {added.file}: {len(added.firms)} enterprises, "
                f"{len(added.members)} memberships of {len(added.groups)} groups"
                + (f" ({', '.join(added.groups)})." if added.groups else "."),
                markup=False, highlight=False, soft_wrap=True,
            )  # fmt: skip
            return
        if len(words) > 1:
            raise InputError(f"Give one group to list, not {len(words)}: {' '.join(words)}")
        emit(s.firms(words[0] if words else None), fmt)


@app.command()
@errors_to_exit
def classify(
    ctx: typer.Context,
    codes: Annotated[list[str], typer.Argument(help="Product codes, e.g. 841181 851762.")],
    classification: Annotated[
        str,
        typer.Option(
            help="Classification of the codes: HS92, HS96, HS02, HS07, HS12, HS17, HS22, "
            "SITC1 ... SITC4 or EBOPS2010."
        ),
    ] = "HS17",
    fmt: FormatOpt = None,
    lang: LangOpt = "en",
) -> None:
    """What every scheme says about these products, with descriptions."""
    # Without a warehouse the built-in schemes answer (one's own groups live in a warehouse).
    path = ctx.obj if ctx.obj == ":memory:" or Path(ctx.obj).exists() else ":memory:"
    with _open(path) as s:
        frame = s.classify(codes, classification.upper())
    frame = _names(frame, lang, classification=classification.upper())
    if _chosen(fmt) is Output.table:
        # On a terminal, one row per code and one column per scheme.
        frame = frame.pivot_table(
            index=["product", "description"], columns="scheme", values="group_code",
            aggfunc="first", sort=False,
        ).reset_index()  # fmt: skip
        frame.columns.name = None
    emit(frame, fmt, lang)


@app.command()
@errors_to_exit
def coverage(
    ctx: typer.Context,
    reporter: Annotated[
        str | None,
        typer.Option(help="What is loaded for this reporter: flows, sources, completeness."),
    ] = None,
    year: Annotated[int | None, typer.Option(help="Only this year.")] = None,
    scheme: Annotated[
        list[str] | None, typer.Option(help="Scheme(s) to measure classification coverage of.")
    ] = None,
    by_classification: Annotated[
        bool, typer.Option(help="One block per classification loaded (HS92 ... HS22, SITC).")
    ] = False,
    engine: EngineOpt = "duckdb",
    fmt: FormatOpt = None,
    lang: LangOpt = "en",
) -> None:
    """What the data cover: per flow and year with --reporter, else by scheme.

    With --reporter: where each flow and year comes from (own, mirror or totals records) and
    whether it is complete. Without (or with --scheme or --by-classification): how much value
    each scheme classifies, and why the rest is not.
    """
    with _open(ctx.obj, **_engine(ctx, engine)) as s:
        if reporter is not None and not scheme and not by_classification:
            frame = s.coverage(reporter, year, lang=_lang(lang))
            if lang == "ru" and _chosen(fmt) is Output.table:
                from hitex.catalog import worded_ru  # noqa: PLC0415

                frame = worded_ru(frame)  # words for the reader; CSV and JSON keep the codes
            emit(frame, fmt, lang)
            return
        frame = s.scheme_coverage(
            reporter=reporter, year=year, schemes=_split(scheme) or None,
            by_classification=by_classification,
        )  # fmt: skip
        emit(frame, fmt, lang)


@app.command()
@errors_to_exit
def report(
    ctx: typer.Context,
    reporter: Annotated[str, typer.Option(help="Reporter: ISO code, RU-MOW, or a name.")],
    year: Annotated[int, typer.Option(help="Reporting year.")],
    out: Annotated[Path, typer.Option(help="Output file: .md (SVG charts beside), .html, .pdf.")],
    compare: Annotated[int | None, typer.Option(help="Base year for growth.")] = None,
    partner_group: Annotated[str | None, typer.Option(help="Only partners in this group.")] = None,
    lang: Annotated[
        str, typer.Option(envvar="HITEX_LANG", help="Language: en or ru ($HITEX_LANG).")
    ] = "en",
    months: Annotated[str | None, typer.Option(help="Year to date, e.g. 1-8.")] = None,
    check_text: Annotated[
        Path | None, typer.Option("--check", help="Also check this article's claims (HTML).")
    ] = None,
    encoding: ArticleEncodingOpt = None,
    engine: EngineOpt = "duckdb",
    firm_group: FirmGroupOpt = None,
    no_suppress: NoSuppressOpt = False,
) -> None:
    """Write a report (sentences, charts, appendix tables) as Markdown, HTML or PDF."""
    from hitex import report as rep  # noqa: PLC0415 - charts load a JavaScript engine

    ru = lang == "ru"
    article = None
    if check_text is not None:
        from hitex.report import claims  # noqa: PLC0415

        article = claims.read_article(check_text, encoding=encoding)  # before the report is built
    opened = _open(ctx.obj, **_engine(ctx, engine))
    with opened as s, _steps("отчёт" if ru else "report", len(rep.SECTIONS) + 1, lang) as step:
        s.scope(suppress=False if no_suppress else None)
        built = rep.build(
            s, reporter=reporter, year=year, compare=compare, partner_group=partner_group,
            lang=lang, months=parse_months(months), progress=step, draw_ahead=out.suffix,
            firm_group=firm_group,
        )  # fmt: skip
        step("render")
        path = rep.render(built, out)
        if check_text is not None:
            checked = claims.attach(s, path, check_text, reporter=reporter, year=year,
                                    compare=compare, text=article, lang=lang)  # fmt: skip
            said = "Проверены утверждения" if ru else "Checked claims"
            err.print(f"{said}: {checked}", markup=False, highlight=False, soft_wrap=True)
    err.print(f"{'Отчёт' if ru else 'Report'}: {path}", markup=False, highlight=False,
              soft_wrap=True)  # fmt: skip


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
    engine: EngineOpt = "duckdb",
    method: Annotated[
        str, typer.Option(help="ecomplexity (Python package) or stata (the Atlas's Stata code).")
    ] = "ecomplexity",
    fmt: FormatOpt = None,
) -> None:
    """Economic complexity of every reporter: RCA, Mcp, ECI, PCI, density, COI, COG."""
    with hitex.open(ctx.obj, **_engine(ctx, engine)) as s:
        frame = s.complexity(
            year=year, classification=classification, digits=digits, threshold=threshold,
            reporter=reporter, by=by, top=top, method=method,
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
    method: Annotated[
        str, typer.Option(help="ecomplexity (Python package) or stata (the Atlas's Stata code).")
    ] = "ecomplexity",
    engine: EngineOpt = "duckdb",
    fmt: FormatOpt = None,
) -> None:
    """Products a reporter could export next (density, PCI, COG) and the markets for each."""
    with _open(ctx.obj, **_engine(ctx, engine)) as s:
        frame = s.opportunities(
            reporter=reporter, year=year, compare=compare, partner_group=partner_group,
            groups=groups, group=group, top=top, markets=markets,
            classification=classification, digits=digits, method=method,
        )  # fmt: skip
    emit(frame, fmt)


@app.command()
@errors_to_exit
def check(
    ctx: typer.Context,
    article: Annotated[Path, typer.Argument(help="The text to check (English or Russian).")],
    reporter: Annotated[
        str | None, typer.Option(help="Whose trade (default: the reporter the text names).")
    ] = None,
    year: Annotated[int | None, typer.Option(help="The text's year (default: as it says).")] = None,
    compare: Annotated[
        int | None, typer.Option(help="Base year (default: the year before).")
    ] = None,
    lexicon: Annotated[
        Path | None, typer.Option(help="YAML of more product and partner words.")
    ] = None,
    engine: EngineOpt = "duckdb",
    firm_group: FirmGroupOpt = None,
    no_suppress: NoSuppressOpt = False,
    encoding: ArticleEncodingOpt = None,
    lang: Annotated[
        str | None,
        typer.Option(help="Language of verdicts and reasons: en, ru (default: the text's)."),
    ] = None,
    fmt: FormatOpt = None,
) -> None:
    """Check every number of a press text against the data: supported, contradicted, ..."""
    from hitex.report import claims  # noqa: PLC0415

    text = claims.read_article(article, encoding=encoding)
    said = claims.language(text) if lang is None else _lang(lang)
    with _open(ctx.obj, **_engine(ctx, engine)) as s:
        s.scope(firm_group=firm_group, suppress=False if no_suppress else None)
        results = claims.check(s, text, reporter=reporter, year=year, compare=compare,
                               lexicon_path=lexicon, lang=said)  # fmt: skip
    # A claim's reason is what the reader needs whole: the terminal wraps it, never cuts it.
    emit(claims.frame(results, form=_chosen(fmt).value, lang=said), fmt, said,
         wrap={"reason": 3, "about": 1})  # fmt: skip


@contextmanager
def _steps(label: str, total: int, lang: str = "en") -> Iterator[Callable[[str], None]]:
    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[step]}"),
        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal,
    )  # fmt: skip
    words = _STEPS_RU if lang == "ru" else {}
    with bar:
        task = bar.add_task(label, total=total, step="")
        yield lambda name: bar.update(task, advance=1, step=words.get(name, name))


#: The steps of a report as its progress bar names them in Russian (``hitex.report.SECTIONS``).
_STEPS_RU = {
    "headline": "главное", "enterprises": "предприятия", "destinations": "направления",
    "products": "товары", "technology": "технологический уровень", "ytd": "с начала года",
    "balance": "сальдо", "concentration": "концентрация", "techbalance": "технологический баланс",
    "note": "примечание о данных", "render": "вёрстка",
}  # fmt: skip


@app.command()
@errors_to_exit
def demo(
    out: Annotated[Path, typer.Option(help="Folder for the demo warehouse and reports.")] = Path(
        "hitex-demo"
    ),
) -> None:
    """Load the bundled data into a fresh warehouse and write its reports (report.html)."""
    from hitex import demo as bundled  # noqa: PLC0415 - only this command needs it

    with _steps("demo", 1 + len(bundled.REPORTS)) as step:
        paths = bundled.run(out, progress=step)
    err.print(f"Warehouse: {out / 'hitex.duckdb'}", markup=False, highlight=False, soft_wrap=True)
    for path in paths[1:]:
        err.print(f"Also: {path}", markup=False, highlight=False, soft_wrap=True)
    typer.echo(f"Report: {paths[0]}")


@app.command()
@errors_to_exit
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    max_upload_mb: Annotated[float, typer.Option(help="Refuse larger uploads.")] = 200,
    engine: EngineOpt = "duckdb",
    workers: Annotated[
        int,
        typer.Option(
            help="Processes answering requests (read-only servers only; each holds its own "
            "copy of the dashboard's answers in memory)."
        ),
    ] = 1,
) -> None:
    """Serve the web dashboard and the JSON API (read-only unless $HITEX_TOKEN is set)."""
    from hitex.api import server  # noqa: PLC0415 - only this command needs the web stack

    err.print(
        f"Warehouse {ctx.obj}: dashboard http://{host}:{port}/  API http://{host}:{port}/api/docs"
    )
    server.run(ctx.obj, host=host, port=port, max_upload_mb=max_upload_mb, workers=workers,
               **_engine(ctx, engine))  # fmt: skip


from hitex.fetch.cli import app as fetch_app  # noqa: E402 - the fetch commands' own module

app.add_typer(fetch_app, name="fetch")


def main() -> None:
    """Entry point of the ``hitex`` script.

    Errors of the user's (a bad file, an unknown code) are one sentence; anything else is a
    bug in hitex and is shown as one, with its traceback.
    """
    try:
        app()
    except Exception:
        traceback.print_exc()
        err.print(
            "\nThis is a bug in hitex, not a problem with your input. Please report it with "
            "the traceback above and the command you ran.",
            markup=False,
            highlight=False,
        )
        sys.exit(70)
