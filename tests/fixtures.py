"""Builders shared by the tests: small files written from rows."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

FLOWS_HEADER = ("year", "month", "reporter", "partner", "flow", "product", "value_usd")


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    """Write ``rows`` under ``header`` to ``path`` and return it."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def flows_file(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    """A ``flows`` CSV with :data:`FLOWS_HEADER`."""
    return write_csv(path, FLOWS_HEADER, rows)


#: Spans of a Russian message that may hold Latin letters: quoted text (a file's own words,
#: a value the user gave), options and parameters (``--column``, ``partial=true``), file
#: names, codes in capitals or with digits, and the commands of the program (``hitex load``).
_NOT_WORDS = (
    r"'[^']*'",
    r'"[^"]*"',
    r"«[^»]*»",
    r"`[^`]*`",
    r"<[^>]*>",
    r"--[\w-]+(?: [a-z]+\b)?",
    r"\S+=\S*",
    r"\bhitex( [a-z]+)?",
    r"[\w.-]+\.(?:csv|zip|xlsx|xlsm|json|parquet|pq|yaml|duckdb)\b",
    r"\b[\w-]*\d[\w-]*\b",
    r"\b[A-Z]{2,}\b",
    r"\b\w+_\w+\b",
    r"^[a-z_]+:",
    r"/[\w/.-]+",
)


def latin_words(text: str, allowed: Sequence[str] = ()) -> list[str]:
    """Words in Latin letters left in a Russian sentence once codes, names and quotes are out.

    ``allowed`` are words the sentence may hold as they are (a parameter's name, a format).

    Examples
    --------
    >>> latin_words("bad.csv: нет столбцов 'year' (найдены столбцы: 'hs6'); --column ПОЛЕ=X")
    []
    >>> latin_words("Неполный показатель: Partial imports", allowed=["imports"])
    ['Partial']
    """
    import re  # noqa: PLC0415

    for pattern in _NOT_WORDS:
        text = re.sub(pattern, " ", text, flags=re.MULTILINE)
    return [w for w in re.findall(r"[A-Za-z]+", text) if w not in allowed]
