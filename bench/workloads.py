"""The benchmark's workloads and, for each, the contenders that implement it.

A workload is a question (ingest a BACI year, answer a report's query set, compute RCA for
the world); a contender is one way of answering it (hand-written DuckDB SQL, pandas,
Polars, hitex). Each (workload, contender) pair has a factory that does the untimed set-up
and returns a :class:`Job`, whose ``run`` is what gets timed. Every ``run`` returns a
:data:`Result`: named pandas DataFrames in hitex's terms (values in USD, countries as ISO3,
products as six-digit text), so that all contenders can be checked against each other.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
from collections.abc import Callable
from pathlib import Path

#: Named result tables: pandas or Polars frames, or plain dicts for one-row summaries.
Result = dict[str, object]


@dataclasses.dataclass(frozen=True)
class Query:
    """The report being benchmarked: one reporter, a year and the year it is compared with."""

    reporter_code: int = 643
    reporter: str = "RUS"
    year: int = 2020
    base: int = 2019
    top: int = 10
    groups: str = "tech"


@dataclasses.dataclass(frozen=True)
class Context:
    """Where a benchmark's inputs are and where it may write."""

    data: Path
    work: Path
    query: Query = Query()

    @property
    def manifest(self) -> dict[str, object]:
        """The generator's manifest for the data directory."""
        manifest: dict[str, object] = json.loads((self.data / "manifest.json").read_text())
        return manifest

    @property
    def csv_files(self) -> list[Path]:
        """The BACI CSV files, one per year."""
        names = self.manifest["csv"]
        assert isinstance(names, list)
        return [self.data / str(name) for name in names]

    @property
    def parquet(self) -> Path:
        """The Parquet file holding every year."""
        return self.data / str(self.manifest["parquet"])

    @property
    def rows(self) -> int:
        """Rows over all years."""
        spec = self.manifest["spec"]
        assert isinstance(spec, dict)
        return int(spec["rows"])


class Unavailable(RuntimeError):
    """A contender cannot run here (missing package or API); the cell is reported, not timed."""


@dataclasses.dataclass
class Job:
    """What a worker times: ``reset`` (untimed) then ``run`` (timed), ``repeat`` times.

    ``check``, if given, gives the answer compared across contenders, after the first run
    and outside the timed region (ingest: what the loaded table holds), and ``run``'s
    own result is not kept.
    """

    run: Callable[[], Result]
    reset: Callable[[], None] = lambda: None
    close: Callable[[], None] = lambda: None
    check: Callable[[], Result] | None = None


Factory = Callable[[Context], Job]

#: Workload -> contender -> "module:function" of the factory, imported only when used, so
#: that a worker process loads one engine and its memory figure is that engine's alone.
REGISTRY: dict[str, dict[str, str]] = {
    "ingest": {
        "duckdb-sql": "bench.contenders.duckdb_sql:ingest",
        "hitex": "bench.contenders.hitex_api:ingest",
        "hitex-no-rollups": "bench.contenders.hitex_api:ingest_without_rollups",
    },
    "report": {
        "duckdb-sql": "bench.contenders.duckdb_sql:report",
        "pandas": "bench.contenders.pandas_df:report",
        "polars": "bench.contenders.polars_lazy:report",
        "hitex": "bench.contenders.hitex_api:report",
        "hitex-records": "bench.contenders.hitex_api:report_records",
        "hitex-spark": "bench.contenders.hitex_api:report_spark",
    },
    "rca": {
        "duckdb-sql": "bench.contenders.duckdb_sql:rca",
        "pandas": "bench.contenders.pandas_df:rca",
        "polars": "bench.contenders.polars_lazy:rca",
        "hitex": "bench.contenders.hitex_api:rca",
        "hitex-records": "bench.contenders.hitex_api:rca_records",
    },
    "complexity": {
        "ecomplexity": "bench.contenders.ecomplexity_pkg:complexity",
        "hitex": "bench.contenders.hitex_api:complexity",
    },
}

#: Workloads ``python -m bench`` runs unless told: complexity takes minutes per run of
#: ``ecomplexity``, so it is asked for by name (``--workloads complexity``).
DEFAULT = ("ingest", "report", "rca")

#: The contender every other one is checked against (:func:`reference` per workload).
REFERENCE = "duckdb-sql"
#: Workloads checked against another contender than :data:`REFERENCE`.
REFERENCES = {"complexity": "ecomplexity"}

#: Ratios reported in RESULTS.md: (numerator, denominator) contenders.
RATIOS = (
    ("hitex", "duckdb-sql"),
    ("pandas", "hitex"),
    ("polars", "hitex"),
    ("hitex-spark", "hitex"),
    ("hitex", "hitex-records"),
    ("hitex", "hitex-no-rollups"),
    ("ecomplexity", "hitex"),
)


def reference(workload: str) -> str:
    """The contender a workload's answers are checked against."""
    return REFERENCES.get(workload, REFERENCE)


def factory(workload: str, contender: str) -> Factory:
    """Import and return the factory of one (workload, contender) pair."""
    module, _, name = REGISTRY[workload][contender].partition(":")
    function: Factory = getattr(importlib.import_module(module), name)
    return function
