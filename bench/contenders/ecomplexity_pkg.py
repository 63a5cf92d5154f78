"""The Growth Lab's ``ecomplexity`` package (PyPI), the reference for the complexity workload.

It takes exports by (location, product) as a pandas DataFrame; the set-up (untimed) reads the
BACI Parquet file and adds up each exporter's flows by product, in USD with ISO3 codes and
six-digit product text. The timed run is ``ecomplexity()`` itself, with its defaults but
for the log-supermodularity check (which hitex does not do) and the progress printout.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pyarrow.parquet as pq

from bench import refdata
from bench.workloads import Context, Job, Result, Unavailable

#: The columns compared with hitex.
COLUMNS = ["reporter", "product", "export_value", "rca", "mcp", "diversity", "ubiquity",
           "eci", "pci", "density", "coi", "cog"]  # fmt: skip


def exports_by_product(ctx: Context) -> pd.DataFrame:
    """The year's exports by exporter and product: ``year, reporter, product, export_value``."""
    year = ctx.query.year
    table = pq.read_table(ctx.parquet, columns=["t", "i", "k", "v"], filters=[("t", "=", year)])
    frame = table.to_pandas().groupby(["i", "k"], as_index=False)["v"].sum()
    iso3 = refdata.countries().set_index("code")["iso3"]
    return pd.DataFrame({
        "year": year,
        "reporter": frame["i"].map(iso3),
        "product": frame["k"].astype(str).str.zfill(6),
        "export_value": frame["v"] * 1000.0,  # BACI values are thousands of USD
    })  # fmt: skip


def complexity(ctx: Context) -> Job:
    """``ecomplexity`` on the exports of the report year."""
    try:
        from ecomplexity import ecomplexity  # noqa: PLC0415
    except ImportError as exc:
        raise Unavailable(f"ecomplexity cannot be imported ({exc})") from exc
    data = exports_by_product(ctx)
    cols = {"time": "year", "loc": "reporter", "prod": "product", "val": "export_value"}

    def run() -> Result:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = ecomplexity(data, cols, verbose=False, check_logsupermodularity=False)
        return {"complexity": out[COLUMNS]}

    return Job(run=run)
