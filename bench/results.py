"""Write ``bench/RESULTS.md``: the machine, the command, the table of timings and the checks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.metadata
import os
import platform
import re
from collections.abc import Sequence
from pathlib import Path

from bench.runner import Measurement
from bench.workloads import RATIOS

#: (workload, rows, contender): one cell of the results table.
Cell = tuple[str, int, str]

PACKAGES = ("hitex", "duckdb", "polars", "pandas", "pyarrow", "ibis-framework", "pyspark", "numpy")


def load_average() -> str:
    """The 1, 5 and 15 minute load averages (other work on the machine skews timings)."""
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


@dataclasses.dataclass
class Report:
    """Everything RESULTS.md says, gathered while the benchmark runs."""

    command: str
    measurements: list[Measurement] = dataclasses.field(default_factory=list)
    disagreements: dict[Cell, list[str]] = dataclasses.field(default_factory=dict)
    notes: list[str] = dataclasses.field(default_factory=list)
    started: dt.datetime = dataclasses.field(default_factory=lambda: dt.datetime.now(dt.UTC))
    load_at_start: str = dataclasses.field(default_factory=load_average)


def _proc_value(path: str, field: str) -> str:
    """The first ``field: value`` of a /proc file, or ``unknown``."""
    try:
        for line in Path(path).read_text().splitlines():
            name, _, value = line.partition(":")
            if name.strip() == field:
                return value.strip()
    except OSError:
        pass
    return "unknown"


def machine(report: Report) -> list[str]:
    """Lines describing the machine, its load and the software versions."""
    kib = _proc_value("/proc/meminfo", "MemTotal").split()[0]
    memory = f"{int(kib) / 2**20:.1f} GiB" if kib.isdigit() else "unknown"
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    return [
        f"- CPU: {_proc_value('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores",
        f"- Memory: {memory}",
        f"- Load average (1, 5, 15 min) at the start: {report.load_at_start}; "
        f"at the end: {load_average()}",
        f"- OS: {platform.platform()}; Python {platform.python_version()}",
        f"- Packages: {', '.join(versions)}",
    ]


def _by_cell(measurements: Sequence[Measurement]) -> dict[Cell, Measurement]:
    return {(m.workload, m.rows, m.contender): m for m in measurements if m.ran}


def ratio(m: Measurement, cells: dict[Cell, Measurement], wrong: set[Cell]) -> str:
    """The ratio cell of one row: this contender's min time over each of its references'.

    Every ratio of :data:`RATIOS` whose numerator is this contender and whose denominator ran
    (hitex's row holds hitex/duckdb-sql and hitex/hitex-records, or hitex/hitex-no-rollups).
    """
    found = []
    for numerator, denominator in RATIOS:
        other = cells.get((m.workload, m.rows, denominator))
        cell, other_cell = (m.workload, m.rows, numerator), (m.workload, m.rows, denominator)
        if m.contender == numerator and other is not None and not {cell, other_cell} & wrong:
            found.append(f"{numerator}/{denominator} = {m.min / other.min:.2f}")
    return "; ".join(found)


def _row(m: Measurement, cells: dict[Cell, Measurement], wrong: set[Cell]) -> str:
    if not m.ran:
        return f"| {m.workload} | {m.rows:,} | {m.contender} | — | — | — | not run: {m.note} |"
    flag = " ✗ wrong answer" if (m.workload, m.rows, m.contender) in wrong else ""
    return (
        f"| {m.workload} | {m.rows:,} | {m.contender} | {m.min:.3f} | {m.median:.3f} | "
        f"{m.peak_mib:,.0f} | {ratio(m, cells, wrong)}{flag} |"
    )


def table(measurements: Sequence[Measurement], wrong: set[Cell]) -> list[str]:
    """The Markdown results table."""
    cells = _by_cell(measurements)
    head = [
        "| workload | rows | contender | min s | median s | peak MiB | ratio (of min times) |",
        "|---|---:|---|---:|---:|---:|---|",
    ]
    return head + [_row(m, cells, wrong) for m in measurements]


WORKLOADS_TEXT = """\
- **ingest**: every year's BACI CSV into a fresh database: hitex `Session.load(files,
  format="baci")` (validation, country and product resolution, provenance) against DuckDB's own
  `CREATE TABLE baci AS SELECT * FROM read_csv([...])`. The warehouse is created (reference
  tables written) before the clock starts; it stops when the load is committed and the
  connection closed. What each contender's table then holds (records, total value) is read
  after the clock, from a read-only connection, and compared.
- **report**: exports of 643/RUS in 2020 against 2019: value, growth and share by partner; the
  same by `tech` group; the balance series (exports minus imports, every year); the top-10
  partners by absolute change; the HHI of partners and of products. Contenders: hand-written
  DuckDB SQL over the raw table loaded by the ingest workload; pandas (`read_parquet` of the
  needed columns, then filters and `groupby`); Polars (lazy scan of the Parquet file, all
  queries collected together with `engine="streaming"`); hitex (three `Session.table` calls
  with the `change` and `hhi` indicators, the products' one with `top=1`, and
  `Session.series(flow="balance")`, on its warehouse); the same on hitex's PySpark engine
  (`hitex.open(..., engine="pyspark")`; time only, small scales; Spark start-up is set-up, not
  timed).
- **rca**: revealed comparative advantage RCA = (x_ik / x_i) / (x_wk / x_w) of every exporter in
  every product it exports in 2020. hitex's cell is `Session.rca(year=2020)`, every exporter at
  once, read from the products rollup (`hitex-records`: the same with `Session.rollups = False`).
- Every contender's answer is checked against the DuckDB SQL one (relative tolerance 1e-9)
  before its times are reported; a cell marked "wrong answer" disagrees and has no ratio.
- Each cell runs in its own process (`python -m bench.worker`): times are wall-clock seconds of
  the runs after set-up (connection, reference tables), the first run included; peak MiB is the
  largest resident set of that process (and any process it starts), imports included. Ingest
  contenders take turns, one run per process (DuckDB, hitex, DuckDB, hitex, ...), so that a spell
  in which the machine is slower falls on both rather than on one; 8 turns by default, since on a
  shared 2-core machine the fastest of 2 varied by a tenth between runs of the bench."""


def render(report: Report) -> str:
    """The whole RESULTS.md text."""
    cells = set(report.disagreements)
    lines = [
        "# hitex benchmarks",
        "",
        f"Produced by `{report.command}` on {report.started:%Y-%m-%d %H:%M} UTC.",
        "",
        "## Machine",
        "",
        *machine(report),
        "",
        "## Results",
        "",
        *table(report.measurements, cells),
        "",
        "## What is measured",
        "",
        WORKLOADS_TEXT,
    ]
    if report.notes:
        lines += ["", "## Notes", "", *[f"- {n}" for n in report.notes]]
    if report.disagreements:
        lines += ["", "## Wrong answers", ""]
        for (workload, rows, contender), found in report.disagreements.items():
            lines += [f"- {workload}, {rows:,} rows, {contender}:", *[f"  - `{p}`" for p in found]]
    return "\n".join(lines) + "\n"


def write(report: Report, path: Path) -> None:
    """Write RESULTS.md, keeping the sections other benchmarks own (``bench/api_load.py``)."""
    kept = ""
    if path.exists():
        old = path.read_text()
        kept = "".join(f"\n{m.group(0)}\n" for m in KEPT.finditer(old))
    path.write_text(render(report) + kept)


#: A section another benchmark writes into RESULTS.md, kept when this one rewrites the file.
KEPT = re.compile(r"<!-- section: (\S+) -->.*?<!-- end section: \1 -->", re.S)


def write_section(path: Path, name: str, body: str) -> None:
    """Put ``body`` into ``path`` as section ``name``, in place of the previous run's."""
    text = f"<!-- section: {name} -->\n{body.rstrip()}\n<!-- end section: {name} -->"
    old = path.read_text() if path.exists() else ""
    pattern = re.compile(
        rf"<!-- section: {re.escape(name)} -->.*?<!-- end section: {re.escape(name)} -->", re.S
    )
    new = (
        pattern.sub(lambda _: text, old)
        if pattern.search(old)
        else old.rstrip("\n") + "\n\n" + text + "\n"
    )
    path.write_text(new)
