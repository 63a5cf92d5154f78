"""A plain-pandas oracle: every indicator recomputed from the raw rows, not from hitex code."""

from __future__ import annotations

import numpy as np
import pandas as pd

SUMS = ("value", "base", "exports", "imports")


def _select(rows: pd.DataFrame, *, reporter, flow, years, months=None, classification=None):
    f = rows[rows["year"].isin(years)].assign(all_=0)
    if reporter is not None:
        f = f[f["reporter"] == reporter]
    if flow == "balance":
        f = f[f["flow"].isin(["export", "import"])].copy()
        f["value"] = np.where(f["flow"] == "import", -f["value_usd"], f["value_usd"])
    else:
        f = f[f["flow"] == flow].copy()
        f["value"] = f["value_usd"]
    if classification is not None:
        f = f[f["classification"] == classification]
    if months is not None:
        f = f[f["month"].between(*months).fillna(False).astype(bool)]
    return f


def _keys(by):
    by = list(by) or ["all_"]
    return [*by, "classification"] if "product" in by and "classification" not in by else by


def _sum(f, keys, mask, column="value"):
    return f[mask].groupby(keys)[column].sum()


def _growth(v, b):
    return np.where(b > 0, (v - b) / np.where(b > 0, b, 1) * 100, np.nan)


def _rank(s):
    return s.rank(method="min", ascending=False)


def _common(out: pd.DataFrame, part=None) -> pd.DataFrame:
    """Indicators computed the same way in tables and series (``part``: per-year groups)."""
    g = out.groupby(part) if part else None

    def total(col):
        return g[col].transform("sum") if g is not None else out[col].sum()

    out["share_pct"] = out["value_usd"] / total("value_usd") * 100
    out["rank_value"] = (
        g["value_usd"].transform(_rank) if g is not None else _rank(out["value_usd"])
    )
    pct2 = (out["value_usd"] / total("value_usd") * 100) ** 2
    out["hhi"] = pct2.groupby(out[part]).transform("sum") if part else pct2.sum()
    if "base_value_usd" in out:
        b = out["base_value_usd"]
        out["change_usd"] = out["value_usd"] - b
        out["growth_pct"] = _growth(out["value_usd"], b)
        out["multiple"] = np.where(b > 0, out["value_usd"] / b.where(b > 0, 1), np.nan)
        out["contribution_pp"] = (out["value_usd"] - b) / total("base_value_usd") * 100
        gr = out["growth_pct"]
        out["rank_growth"] = gr.groupby(out[part]).transform(_rank) if part else _rank(gr)
        out["new"] = (out["value_usd"] != 0) & (b == 0)
    return out


def table(rows, *, reporter, flow="export", year, compare=None, by=(), months=None,
          classification=None, small_base_usd=1e6, **_):  # fmt: skip
    """The table of ``Session.table`` recomputed in pandas."""
    years = [year] if compare is None else [year, compare]
    keys = _keys(by)
    full = _select(rows, reporter=reporter, flow=flow, years=years, classification=classification)
    f = _select(rows, reporter=reporter, flow=flow, years=years, months=months,
                classification=classification)  # fmt: skip
    now = f["year"] == year
    cols = {"value_usd": _sum(f, keys, now)}
    if compare is not None:
        cols["base_value_usd"] = _sum(f, keys, f["year"] == compare)
        cols["base_full_usd"] = _sum(full, keys, full["year"] == compare)
    if flow == "balance":
        cols["exports_usd"] = _sum(f, keys, now & (f["flow"] == "export"), "value_usd")
        cols["imports_usd"] = _sum(f, keys, now & (f["flow"] == "import"), "value_usd")
    hs6 = now & (f["product"].str.len() == 6) & f["classification"].str.startswith("HS")
    cols["product_lines"] = f[hs6].groupby(keys)["product"].nunique()
    out = pd.DataFrame(cols).reindex(f.groupby(keys).size().index)
    out = out.fillna(dict.fromkeys(out.columns, 0.0)).reset_index()
    out = _common(out)
    if compare is not None:
        b = out["base_value_usd"]
        span = year - compare
        ok = (b > 0) & (out["value_usd"] >= 0)
        out["cagr_pct"] = np.where(
            ok, ((out["value_usd"] / b.where(ok, 1)) ** (1 / span) - 1) * 100, np.nan
        )
        out["small_base"] = b < small_base_usd
        out["nowcast_usd"] = np.where(
            b > 0, out["base_full_usd"] * out["value_usd"] / b.where(b > 0, 1), np.nan
        )
    if flow == "balance":
        imp = out["imports_usd"]
        out["coverage_ratio"] = np.where(
            imp > 0, out["exports_usd"] / imp.where(imp > 0, 1), np.nan
        )
    if "product" in by:
        out = out.merge(
            _rca(rows, year, classification), on=["product", "classification"], how="left"
        )
    return out


def _rca(rows, year, classification):
    w = _select(rows, reporter=None, flow="export", years=[year], classification=classification)
    mine = w[w["reporter"] == RCA_REPORTER[0]]
    xik = mine.groupby(["product", "classification"])["value_usd"].sum()
    xwk = w.groupby(["product", "classification"])["value_usd"].sum()
    xi = mine.groupby("classification")["value_usd"].sum()
    xw = w.groupby("classification")["value_usd"].sum()
    r = pd.DataFrame({"xik": xik, "xwk": xwk}).dropna().reset_index()
    r["rca"] = (r["xik"] / r["classification"].map(xi)) / (r["xwk"] / r["classification"].map(xw))
    return r[["product", "classification", "rca"]]


RCA_REPORTER = ["RUS"]


def series(rows, *, reporter, flow="export", years, by=(), classification=None, **_):
    """The series of ``Session.series`` recomputed in pandas (dense, base = year before)."""
    span = sorted(years)
    keys = list(_keys(by))
    f = _select(rows, reporter=reporter, flow=flow, years=[span[0] - 1, *span],
                classification=classification)  # fmt: skip
    sums = f.groupby([*keys, "year"])["value"].sum()
    inside = f[f["year"].isin(span)]
    yrs = sorted(inside["year"].unique())
    groups = list(inside[keys].drop_duplicates().itertuples(index=False))
    grid = pd.DataFrame([(*g, y) for g in groups for y in yrs], columns=[*keys, "year"])

    def at(g, y):
        return float(sums.get((*g, y), 0.0))

    gk = [tuple(r[:-1]) for r in grid.itertuples(index=False)]
    grid["value_usd"] = [at(g, y) for g, y in zip(gk, grid["year"], strict=True)]
    grid["base_value_usd"] = [at(g, y - 1) for g, y in zip(gk, grid["year"], strict=True)]
    first = [at(g, span[0]) for g in gk]
    out = _common(grid, part="year")
    n = out["year"] - span[0]
    ok = (pd.Series(first) > 0) & (out["value_usd"] >= 0) & (n > 0)
    out["cagr_pct"] = np.where(
        ok,
        ((out["value_usd"] / pd.Series(first).where(ok, 1)) ** (1 / n.where(n > 0, 1)) - 1) * 100,
        np.nan,
    )
    out["lowest_since"] = [
        _since(sums, g, y, yrs, le=True) for g, y in zip(gk, out["year"], strict=True)
    ]
    out["highest_since"] = [
        _since(sums, g, y, yrs, le=False) for g, y in zip(gk, out["year"], strict=True)
    ]
    return out


def _since(sums, g, y, yrs, *, le):
    v = float(sums.get((*g, y), 0.0))
    for earlier in sorted((e for e in yrs if e < y), reverse=True):
        w = float(sums.get((*g, earlier), 0.0))
        if (w <= v) if le else (w >= v):
            return earlier
    return np.nan
