"""The bundled demo: real Chile-Argentina HS6 flows and the constructed Moscow 2020 example.

``data/enterprises-2020.csv`` and its registry are constructed by
:mod:`hitex.demo.enterprises` (invented enterprises; see ``examples/enterprises-2020/README.md``).
``data/chl_arg_*.csv`` are real records (Open Trade Statistics, CC BY-NC 4.0; see
``data/SOURCE.md``); ``data/moscow-2020.csv`` is built from a news article's aggregates by
:mod:`hitex.demo.moscow` (see ``examples/moscow-2020/README.md``). :func:`run` loads both
into a fresh warehouse and writes a report of each.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from hitex.session import Session
from hitex.session import open as open_session

#: Data-note lines of the bundled files.
SAMPLE_NOTE = (
    "Chile-Argentina records: Open Trade Statistics (tradestatistics.io, from UN Comtrade), "
    "licensed CC BY-NC 4.0 — a demonstration sample, not for commercial use."
)
MOSCOW_NOTE = (
    "Moscow records: constructed from the aggregates of a published article (January 2021), "
    "not customs records; see examples/moscow-2020/README.md for the claims that cannot all "
    "hold."
)

MOSCOW_NOTE_RU = (
    "Данные по Москве: построены по итоговым цифрам опубликованной статьи (январь 2021 г.), "
    "это не таможенные записи; утверждения статьи, которые не могут выполняться все сразу, "
    "перечислены в examples/moscow-2020/README.md."
)

ENTERPRISES_NOTE = (
    "Saint Petersburg enterprise records: constructed (60 invented enterprises, seeded random "
    "declarations), not customs records; see examples/enterprises-2020/README.md."
)

ENTERPRISES_NOTE_RU = (
    "Данные по предприятиям Санкт-Петербурга: построены (60 вымышленных предприятий, "
    "случайные декларации с фиксированным начальным значением), это не таможенные записи; "
    "см. examples/enterprises-2020/README.md."
)

#: The reports the demo writes: file name and :func:`hitex.report.build` options.
REPORTS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("report.html", {"reporter": "RU-MOW", "year": 2020, "compare": 2019,
                     "partner_group": "Asia", "notes": (MOSCOW_NOTE,)}),
    ("report-ru.html", {"reporter": "RU-MOW", "year": 2020, "compare": 2019,
                        "partner_group": "Asia", "lang": "ru", "notes": (MOSCOW_NOTE_RU,)}),
    ("chile-argentina.html", {"reporter": "CHL", "year": 2004, "compare": 2002,
                              "notes": (SAMPLE_NOTE,)}),
    ("enterprises.html", {"reporter": "RU-SPE", "year": 2020, "compare": 2019,
                          "firm_group": "high-tech", "notes": (ENTERPRISES_NOTE,)}),
    ("enterprises-ru.html", {"reporter": "RU-SPE", "year": 2020, "compare": 2019,
                             "firm_group": "high-tech", "lang": "ru",
                             "notes": (ENTERPRISES_NOTE_RU,)}),
)  # fmt: skip


def _data() -> Path:
    return Path(str(resources.files("hitex.demo").joinpath("data")))


def files() -> list[Path]:
    """The bundled real sample files, oldest first."""
    return sorted(_data().glob("chl_arg_*.csv"))


def moscow_file() -> Path:
    """The constructed Moscow 2020 flows file."""
    return _data() / "moscow-2020.csv"


def enterprise_files() -> tuple[Path, Path]:
    """The constructed enterprise-level extract and its registry."""
    return _data() / "enterprises-2020.csv", _data() / "enterprises-registry.csv"


def build(out: Path) -> Session:
    """Create ``out/hitex.duckdb`` and load the real sample into it (again: nothing added)."""
    out.mkdir(parents=True, exist_ok=True)
    session = open_session(out / "hitex.duckdb")
    session.load(files(), format="flows")
    return session


def run(out: Path, progress: Callable[[str], None] | None = None) -> list[Path]:
    """Load every bundled file into a fresh ``out/hitex.duckdb`` and write :data:`REPORTS`."""
    from hitex import report  # noqa: PLC0415 - charts load a JavaScript engine

    out.mkdir(parents=True, exist_ok=True)
    db = out / "hitex.duckdb"
    db.unlink(missing_ok=True)
    (out / "hitex.duckdb.wal").unlink(missing_ok=True)
    paths = []
    with open_session(db) as s:
        flows, registry = enterprise_files()
        s.load([*files(), moscow_file(), flows], format="flows")
        s.add_firms(registry)
        if progress is not None:
            progress("loaded")
        for name, options in REPORTS:
            paths.append(report.render(report.build(s, **options), out / name))
            if progress is not None:
                progress(name)
    return paths
