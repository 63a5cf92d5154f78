"""Small helpers shared by the command line and the HTTP API."""

from __future__ import annotations

from typing import Any

import pandas as pd


def plain(v: Any) -> Any:
    """A cell as JSON: numpy scalars as Python numbers, missing values as null.

    Examples
    --------
    >>> import numpy as np
    >>> plain(np.int64(3)), plain(float("nan")), plain(pd.NA), plain("RUS")
    (3, None, None, 'RUS')
    """
    if isinstance(v, pd.Timestamp):
        return v.isoformat()
    if isinstance(v, list | tuple | dict):
        return v
    if hasattr(v, "item"):
        v = v.item()
    return None if pd.isna(v) else v


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as JSON-ready dicts (what ``--format json`` prints).

    Examples
    --------
    >>> records(pd.DataFrame({"partner": ["ARG"], "growth_pct": [float("nan")]}))
    [{'partner': 'ARG', 'growth_pct': None}]
    """
    return [{str(k): plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def cents(frame: pd.DataFrame) -> pd.DataFrame:
    """Money (``*_usd`` columns) rounded to cents, as CSV and JSON give it.

    Examples
    --------
    >>> cents(pd.DataFrame({"value_usd": [6975516115.920001]}))["value_usd"].item()
    6975516115.92
    """
    money = [c for c in frame.columns if str(c).endswith("_usd")]
    return frame.assign(**{str(c): frame[c].round(2) for c in money}) if money else frame


#: Decimals of a percentage (``*_pct``) or percentage points (``*_pp``) in CSV: one, as
#: tables, the dashboard and reports show them.
PERCENT_DECIMALS = 1


def rounded(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as CSV gives it everywhere (CLI, API, dashboard): one rule for every copy.

    Money (``*_usd``) stays exact to the cent; percentages and percentage points, which are
    derived, are rounded as tables show them (:data:`PERCENT_DECIMALS`). JSON keeps full
    precision for programs (:func:`cents` only).

    Examples
    --------
    >>> frame = pd.DataFrame({"value_usd": [6975516115.920001], "share_pct": [22.400156446916693]})
    >>> rounded(frame).to_csv(index=False).splitlines()[1]
    '6975516115.92,22.4'
    """
    frame = cents(frame)
    ratios = [
        c for c in frame.columns
        if str(c).endswith(("_pct", "_pp")) and pd.api.types.is_float_dtype(frame[c])
    ]  # fmt: skip
    if not ratios:
        return frame
    return frame.assign(**{str(c): frame[c].round(PERCENT_DECIMALS) for c in ratios})
