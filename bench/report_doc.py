"""``python -m bench.report_doc``: time ``hitex report`` for one reporter-year of BACI.

A BACI-shaped extract (HS2017, values in thousands of US$) is generated for one reporter,
South Africa by default: its exports of a year to every partner of BACI's country list
(about 71,000 records, as South Africa's 2021 exports in BACI), the same for the year before,
and every partner's exports to it (so that its imports, mirrored, are complete and the report
states a balance). The warehouse is built once; then each run builds the report
(:func:`hitex.report.build`) and renders it as HTML, and as PDF, in a fresh process state
(the Session's answers are not cached between runs: each run opens the warehouse anew).

Results go to ``bench/RESULTS.md`` (section ``report-document``). Goals: HTML within 3 s,
PDF within 6 s on the bench machine; nothing here asserts them (no timed test).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from bench import refdata
from bench.results import write_section

REPORTER = 710  # South Africa's BACI code
YEARS = (2020, 2021)
EXPORT_ROWS = 71_192
IMPORT_ROWS_PER_PARTNER = 150


def generate(out: Path, seed: int = 7) -> Path:
    """Write the extract as one CSV (``t,i,j,k,v,q``); return its path."""
    rng = np.random.default_rng(seed)
    countries = refdata.countries()["code"].astype(int).to_numpy()
    partners = countries[countries != REPORTER]
    codes = pd.read_csv(refdata.data_file("baci-reference/product_codes_HS17_V202301.csv"),
                        dtype={"code": str})["code"].astype(int).to_numpy()  # fmt: skip
    mass = rng.lognormal(0, 1.5, len(partners))
    popularity = rng.lognormal(0, 1.2, len(codes))
    frames = []
    for year in YEARS:
        # Exports: (partner, product) keys without replacement, weighted like BACI's skew.
        weights = np.outer(mass / mass.sum(), popularity / popularity.sum()).ravel()
        keys = rng.choice(weights.size, EXPORT_ROWS, replace=False, p=weights)
        j, k = partners[keys // len(codes)], codes[keys % len(codes)]
        v = np.round(rng.lognormal(4, 2.2, EXPORT_ROWS), 3)
        frames.append(pd.DataFrame({"t": year, "i": REPORTER, "j": j, "k": k, "v": v}))
        # Imports, mirrored: every partner exports some products to the reporter.
        for partner in partners:
            chosen = rng.choice(codes, IMPORT_ROWS_PER_PARTNER, replace=False)
            values = np.round(rng.lognormal(3, 2.0, IMPORT_ROWS_PER_PARTNER), 3)
            frames.append(pd.DataFrame({"t": year, "i": partner, "j": REPORTER, "k": chosen,
                                        "v": values}))  # fmt: skip
    data = pd.concat(frames, ignore_index=True)
    data["q"] = np.round(data["v"] / 3, 3)
    path = out / "BACI_HS17_ZAF_2020_2021.csv"
    out.mkdir(parents=True, exist_ok=True)
    data.to_csv(path, index=False)
    return path


def timed(db: Path, out: Path, suffix: str) -> tuple[float, float, float]:
    """Seconds to build the report, to build and render it as ``suffix``, and the CPU
    seconds of both (every thread of the process: DuckDB uses them all)."""
    import hitex  # noqa: PLC0415
    import hitex.report as rep  # noqa: PLC0415

    with hitex.open(db, read_only=True) as s:
        cpu = time.process_time()
        start = time.perf_counter()
        report = rep.build(s, reporter="ZAF", year=YEARS[-1], compare=YEARS[0], draw_ahead=suffix)
        built = time.perf_counter() - start
        rep.render(report, out / f"zaf{suffix}")
        return built, time.perf_counter() - start, time.process_time() - cpu


def _pages(db: Path) -> str:
    """Pages of the PDF report (laid out once more, untimed)."""
    import weasyprint  # noqa: PLC0415

    import hitex  # noqa: PLC0415
    import hitex.report as rep  # noqa: PLC0415

    with hitex.open(db, read_only=True) as s:
        report = rep.build(s, reporter="ZAF", year=YEARS[-1], compare=YEARS[0])
    html = rep.to_html(report).replace("<details>", '<details open="">')
    return str(len(weasyprint.HTML(string=html).render().pages))


def main(argv: Sequence[str] | None = None) -> None:
    """Generate the extract, load it once, time the report builds, write RESULTS.md."""
    parser = argparse.ArgumentParser(prog="python -m bench.report_doc", description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=refdata.REPO / "bench" / "data" / "report")
    parser.add_argument("--out", type=Path, default=refdata.REPO / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)
    import hitex  # noqa: PLC0415

    db = args.data / "zaf.duckdb"
    if not db.exists():
        csv = generate(args.data)
        with hitex.open(db) as s:
            s.load([csv], format="baci")
    with hitex.open(db, read_only=True) as s:
        records = int(s.warehouse.sql(
            "SELECT count(*) AS n FROM trade WHERE reporter = 'ZAF' AND flow = 'export' "
            "AND year = ?", [YEARS[-1]])["n"].item())  # fmt: skip
    timed(db, args.data, ".html")  # warm-up: imports, fonts, the JavaScript engine of charts
    rows = []
    load = os.getloadavg()[0]
    for suffix in (".html", ".pdf"):
        runs = [timed(db, args.data, suffix) for _ in range(args.repeat)]
        build = statistics.median(r[0] for r in runs)
        total = statistics.median(r[1] for r in runs)
        cpu = statistics.median(r[2] for r in runs)
        pages = _pages(db) if suffix == ".pdf" else ""
        rows.append((suffix[1:].upper(), build, total, cpu, pages))
        print(f"{suffix}: build {build:.2f} s, build and render {total:.2f} s", file=sys.stderr)
    goals = {"HTML": 3.0, "PDF": 6.0}
    body = [
        "## Report document (`hitex report`, one reporter-year of BACI)",
        "",
        f"South Africa {YEARS[-1]} against {YEARS[0]}: {records:,} export records of the "
        "year, imports mirrored from every partner (generated by `bench/report_doc.py`, "
        f"seed 7). Median of {args.repeat} runs after a warm-up, each opening the "
        f"warehouse anew; {os.cpu_count()} cores, load average {load:.1f} at the start "
        "(times on a busy machine are longer; the CPU seconds less so).",
        "",
        "| output | build (s) | build + render (s) | CPU (s) | goal (s) | pages |",
        "|---|---:|---:|---:|---:|---:|",
        *[
            f"| {k} | {b:.2f} | {t:.2f} | {c:.2f} | {goals[k]:.0f} | {p} |"
            for k, b, t, c, p in rows
        ],
    ]
    write_section(args.out, "report-document", "\n".join(body))


if __name__ == "__main__":
    main()
