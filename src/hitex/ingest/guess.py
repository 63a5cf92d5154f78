"""The format of a file whose load names none: from its name, else from its columns.

A BACI release (a zip, or a year file named ``BACI_HS17_Y2020_V202301.csv``) is ``baci``. Any
other file is read as far as its header: a format fits when its columns (or the user's
``--column`` and ``--set``) give every field a record needs, and of the formats that fit, the
one that reads the most of the file's columns is taken. When none fits, or two read as many
columns, the load stops with one sentence naming the file, its columns and the formats.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import NoReturn

from hitex.errors import BadFileError
from hitex.ingest.base import (
    _USER_NAME,
    Reader,
    Source,
    _delimiter,
    empty_file,
    head,
    not_a_file,
    readers,
)

#: The format of hitex's own fields, taken when it reads a file as well as another does.
GENERIC = "flows"

#: A BACI year file's name: ``BACI_HS17_Y2020_V202301.csv``.
_BACI_NAME = re.compile(r"^BACI_HS\d\d_Y\d{4}_V\w+\.(csv|parquet)$", re.IGNORECASE)


def header(path: Path, sheet: str | None = None) -> list[str]:
    """The file's column names, read from its header alone."""
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        import pyarrow.parquet as pq  # noqa: PLC0415

        return list(pq.read_schema(path).names)
    if suffix in (".xlsx", ".xlsm"):
        import openpyxl  # noqa: PLC0415

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            rows = book[sheet] if sheet else book.worksheets[0]
            first = next(rows.iter_rows(max_row=1, values_only=True), ())
        finally:
            book.close()
        return [str(v) for v in first if v is not None]
    text = head(path).decode("utf-8-sig", errors="replace")
    line = text.splitlines()[0] if text else ""
    return [c.strip() for c in next(csv.reader(io.StringIO(line), delimiter=_delimiter(path)), [])]


def guess(source: Source) -> str:
    """The name of the format to read ``source`` with (see the module's text)."""
    path = source.path
    known = readers()
    # The sentences a load with a format gives for these.
    if not path.is_file():
        raise not_a_file(path)
    if path.stat().st_size == 0:
        raise empty_file(path)
    if path.suffix.lower() == ".zip" or _BACI_NAME.match(path.name):
        return "baci"
    if path.suffix.lower() == ".json":
        # Only a format that reads JSON records (an API's answers) can read it.
        fits = [n for n, r in known.items() if r.read_json is not Reader.read_json]
        return fits[0] if len(fits) == 1 else _unknown(path, [], fits)
    try:
        columns = header(path, source.sheet)
    except (OSError, ValueError, KeyError, StopIteration) as exc:
        raise BadFileError(
            f"{path.name} cannot be read to tell its format ({exc}); give --format "
            f"{_names(known)}.",
            file=path.name,
            ru=f"{path.name}: файл не читается, формат не определить (сообщение при чтении: "
            f"«{exc}»); укажите --format {_names(known, 'ru')}.",
        ) from None
    return _by_columns(source, columns, known)


def _by_columns(source: Source, columns: list[str], known: dict[str, type[Reader]]) -> str:
    present = {c.lower(): c for c in columns}
    tried = {name: cls(source) for name, cls in known.items()}
    scored = sorted(
        ((r.known_columns(present), name) for name, r in tried.items() if not r.missing(present)),
        reverse=True,
    )
    if not scored:
        lacking = {name: r.missing(present) for name, r in tried.items()}
        closest = min(lacking, key=lambda n: (-tried[n].known_columns(present), len(lacking[n]),
                                              n != GENERIC, n))  # fmt: skip
        return _unknown(source.path, columns, [], (closest, lacking[closest]))
    tied = [name for count, name in scored if count == scored[0][0]]
    if len(tied) == 1:
        return tied[0]
    if GENERIC in tied:
        return GENERIC  # the columns the user mapped are read as hitex's own fields
    return _unknown(source.path, columns, tied)


def _names(names: object, lang: str = "en", word: str = "or") -> str:
    """``a, b or c``; in Russian each name in «» (a name of the program, not a word)."""
    listed = sorted(names)  # type: ignore[call-overload]
    if lang == "ru":
        listed = [f"«{n}»" for n in listed]
        word = {"or": "или", "and": "и"}[word]
    return ", ".join(listed[:-1]) + f" {word} " + listed[-1] if len(listed) > 1 else listed[0]


def _unknown(
    path: Path,
    columns: list[str],
    fits: list[str],
    closest: tuple[str, list[str]] | None = None,
) -> NoReturn:
    found = ", ".join(columns) or "none"
    found_ru = ", ".join(f"«{c}»" for c in columns) or "их нет"
    if fits:
        why = f"{_names(fits, word='and')} can both read it"
        why_ru = f"его читают и {_names(fits, 'ru', 'and')}"
    elif closest is not None:
        name, lacking = closest
        fields = ", ".join(repr(_USER_NAME.get(f, f)) for f in lacking)
        why = f"no format finds every field it needs (the closest, {name}, lacks {fields})"
        why_ru = f"ни один формат не находит всех нужных полей (ближе всех «{name}»: нет {fields})"
    else:
        why, why_ru = (
            "it is JSON, which no format reads",
            "это JSON, а его не читает ни один формат",
        )
    raise BadFileError(
        f"{path.name}: cannot tell its format from its columns ({found}): {why}; give --format "
        f"{_names(fits or readers())} (and --column FIELD=SOURCE for columns of your own).",
        file=path.name,
        ru=f"{path.name}: формат не определить по столбцам ({found_ru}): {why_ru}; укажите "
        f"--format {_names(fits or readers(), 'ru')} (и --column ПОЛЕ=СТОЛБЕЦ для своих "
        "столбцов).",
    )


__all__ = ["guess", "header"]
