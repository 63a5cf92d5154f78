"""The Growth Lab's ``ecomplexity`` package, run on the same exports as hitex."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from ecomplexity import ecomplexity

#: Every column hitex and ``ecomplexity`` both give.
COMPARED = ["rca", "mcp", "diversity", "ubiquity", "eci", "pci", "density", "coi", "cog"]


def run(exports: pd.DataFrame) -> pd.DataFrame:
    """``ecomplexity`` of ``year, reporter, product, export_value`` rows."""
    cols = {"time": "year", "loc": "reporter", "prod": "product", "val": "export_value"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its own notes on NaN and log-supermodularity
        return ecomplexity(exports, cols, verbose=False, check_logsupermodularity=False)


def assert_same(ours: pd.DataFrame, exports: pd.DataFrame, *, rtol: float = 1e-6) -> None:
    """hitex's rows equal ``ecomplexity``'s, column by column, on the same keys."""
    ref = run(exports)
    keys = ["year", "reporter", "product"]
    merged = ours.merge(ref, on=keys, how="outer", suffixes=("", "_ref"), indicator=True)
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"][keys]
    for c in COMPARED:
        np.testing.assert_allclose(
            merged[c].to_numpy(float), merged[f"{c}_ref"].to_numpy(float),
            rtol=rtol, atol=1e-9, equal_nan=True, err_msg=c,
        )  # fmt: skip
