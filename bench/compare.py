"""Check that contenders give the same numbers: a benchmark of wrong answers is worthless.

Every result table is normalised to hitex's terms (ISO3 countries, six-digit product text),
sorted by its key, and compared column by column: keys exactly, numbers within a relative
tolerance of 1e-9 (plus an absolute slack of 1e-12 of the column's largest magnitude, so that
a balance that cancels to nearly zero is not failed on rounding), missing values in the
same places.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bench import refdata

RTOL = 1e-9
ATOL_SCALE = 1e-12

#: Table -> (key columns, or None when row order is the answer; value columns).
TABLES: dict[str, tuple[list[str] | None, list[str]]] = {
    "summary": ([], ["rows", "value_usd"]),
    "by_partner": (["partner"], ["value_usd", "base_value_usd", "growth_pct", "share_pct"]),
    "by_group": (["group_code"], ["value_usd", "base_value_usd", "growth_pct", "share_pct"]),
    "balance": (["year"], ["balance_usd"]),
    "movers": (None, ["partner", "change_usd"]),
    "hhi": (["measure"], ["hhi"]),
    "rca": (["exporter", "product"], ["rca"]),
    "complexity": (["reporter", "product"], [
        "export_value", "rca", "mcp", "diversity", "ubiquity",
        "eci", "pci", "density", "coi", "cog",
    ]),
}  # fmt: skip
#: Tables compared with a looser relative tolerance: eigenvectors from two different solvers.
RTOL_OF = {"complexity": 1e-6}


def normalise_codes(frame: pd.DataFrame) -> pd.DataFrame:
    """BACI numeric exporter codes -> ISO3, integer HS codes -> six-digit text."""
    out = frame.copy()
    if "exporter" in out and pd.api.types.is_integer_dtype(out["exporter"]):
        iso3 = refdata.countries().set_index("code")["iso3"]
        out["exporter"] = out["exporter"].map(iso3)
    if "product" in out and pd.api.types.is_integer_dtype(out["product"]):
        out["product"] = out["product"].astype(str).str.zfill(6)
    return out


def prepare(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """The table's compared columns, normalised and in key order."""
    keys, values = TABLES[name]
    missing = [c for c in [*(keys or []), *values] if c not in frame.columns]
    if missing:
        raise KeyError(f"{name} lacks columns {missing}")
    out = normalise_codes(frame)[[*(keys or []), *values]]
    if keys:
        out = out.sort_values(keys, kind="stable")
    return out.reset_index(drop=True)


def _column_problem(name: str, column: str, expected: pd.Series, actual: pd.Series) -> str | None:
    """Describe how one column differs, or ``None`` when it agrees."""
    if not pd.api.types.is_numeric_dtype(expected) or pd.api.types.is_bool_dtype(expected):
        bad = expected.astype(str).to_numpy() != actual.astype(str).to_numpy()
    else:
        want = expected.to_numpy(dtype=float, na_value=np.nan)
        got = pd.to_numeric(actual).to_numpy(dtype=float, na_value=np.nan)
        scale = np.nanmax(np.abs(want), initial=0.0)
        rtol = RTOL_OF.get(name, RTOL)
        bad = ~np.isclose(got, want, rtol=rtol, atol=ATOL_SCALE * scale, equal_nan=True)
    if not bad.any():
        return None
    first = int(np.flatnonzero(bad)[0])
    return (
        f"{name}.{column}: {int(bad.sum())} of {len(bad)} values differ, "
        f"e.g. row {first}: expected {expected.iloc[first]!r}, got {actual.iloc[first]!r}"
    )


def table_problems(name: str, expected: pd.DataFrame, actual: pd.DataFrame) -> list[str]:
    """Differences between two versions of one table (empty when they agree)."""
    try:
        want, got = prepare(expected, name), prepare(actual, name)
    except KeyError as exc:
        return [str(exc.args[0])]
    if len(want) != len(got):
        return [f"{name}: expected {len(want)} rows, got {len(got)}"]
    keys, values = TABLES[name]
    problems = [_column_problem(name, c, want[c], got[c]) for c in [*(keys or []), *values]]
    return [p for p in problems if p]


def problems(expected: dict[str, pd.DataFrame], actual: dict[str, pd.DataFrame]) -> list[str]:
    """Every difference between a reference result and a contender's (empty when they agree)."""
    found: list[str] = []
    for name, table in expected.items():
        if name not in actual:
            found.append(f"{name}: missing")
        else:
            found.extend(table_problems(name, table, actual[name]))
    return found
