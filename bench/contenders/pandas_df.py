"""Straightforward pandas: read the Parquet columns a question needs, filter, group by."""

from __future__ import annotations

import numpy as np
import pandas as pd

from bench import refdata
from bench.workloads import Context, Job, Query, Result


def compare(value: pd.Series, base: pd.Series) -> pd.DataFrame:
    """Value and base in USD (from thousands) with growth % and share %, zero where absent."""
    both = pd.concat({"value_usd": value, "base_value_usd": base}, axis=1).fillna(0.0) * 1000
    base_usd = both["base_value_usd"]
    both["growth_pct"] = ((both["value_usd"] - base_usd) / base_usd * 100).where(
        base_usd > 0, np.nan
    )
    both["share_pct"] = both["value_usd"] / both["value_usd"].sum() * 100
    return both


def by_partner(exports: pd.DataFrame, q: Query, countries: pd.DataFrame) -> pd.DataFrame:
    """Exports by partner, this year against the base year."""
    current = exports[exports["t"] == q.year].groupby("j")["v"].sum()
    base = exports[exports["t"] == q.base].groupby("j")["v"].sum()
    table = compare(current, base).rename_axis("code").reset_index()
    table = table.merge(
        countries.rename(columns={"iso3": "partner", "name": "partner_name"}), on="code"
    )
    return table.drop(columns="code").sort_values("partner", ignore_index=True)


def by_group(exports: pd.DataFrame, q: Query, tech: pd.DataFrame) -> pd.DataFrame:
    """Exports by technology group, this year against the base year."""
    grouped = exports.merge(tech[["k", "group_code", "group_name"]], on="k")
    current = grouped[grouped["t"] == q.year].groupby("group_code")["v"].sum()
    base = grouped[grouped["t"] == q.base].groupby("group_code")["v"].sum()
    table = compare(current, base).rename_axis("group_code").reset_index()
    names = tech.drop_duplicates("group_code")[["group_code", "group_name"]]
    return table.merge(names, on="group_code").sort_values("group_code", ignore_index=True)


def balance(frame: pd.DataFrame, q: Query) -> pd.DataFrame:
    """Exports minus imports of the reporter, by year."""
    exports = frame[frame["i"] == q.reporter_code].groupby("t")["v"].sum()
    imports = frame[frame["j"] == q.reporter_code].groupby("t")["v"].sum()
    net = exports.sub(imports, fill_value=0.0) * 1000
    return net.rename("balance_usd").rename_axis("year").reset_index()


def movers(partners: pd.DataFrame, q: Query) -> pd.DataFrame:
    """Partners by absolute change, largest first."""
    table = partners.assign(change_usd=partners["value_usd"] - partners["base_value_usd"])
    table = table.assign(size=table["change_usd"].abs())
    table = table.sort_values(["size", "partner"], ascending=[False, True]).head(q.top)
    return table[["partner", "change_usd"]].reset_index(drop=True)


def hhi(exports: pd.DataFrame, q: Query) -> pd.DataFrame:
    """Herfindahl-Hirschman index of partners and of products in the reporting year."""
    current = exports[exports["t"] == q.year]
    values = {
        name: current.groupby(column)["v"].sum()
        for name, column in (("partners", "j"), ("products", "k"))
    }
    index = [float((x * x).sum() / x.sum() ** 2 * 10_000) for x in values.values()]
    return pd.DataFrame({"measure": list(values), "hhi": index})


def answer_report(ctx: Context, countries: pd.DataFrame, tech: pd.DataFrame) -> Result:
    """Read the Parquet file and answer the whole query set."""
    q = ctx.query
    frame = pd.read_parquet(ctx.parquet, columns=["t", "i", "j", "k", "v"])
    exports = frame[(frame["i"] == q.reporter_code) & frame["t"].isin([q.year, q.base])]
    partners = by_partner(exports, q, countries)
    return {
        "by_partner": partners,
        "by_group": by_group(exports, q, tech),
        "balance": balance(
            frame[(frame["i"] == q.reporter_code) | (frame["j"] == q.reporter_code)], q
        ),
        "movers": movers(partners, q),
        "hhi": hhi(exports, q),
    }


def report(ctx: Context) -> Job:
    """The report's query set in pandas."""
    countries, tech = refdata.countries(), refdata.tech_groups()[0]
    return Job(run=lambda: answer_report(ctx, countries, tech))


def answer_rca(ctx: Context) -> Result:
    """RCA of every exporter in every product it exports in the reporting year."""
    frame = pd.read_parquet(ctx.parquet, columns=["t", "i", "k", "v"])
    x = frame[frame["t"] == ctx.query.year].groupby(["i", "k"], as_index=False)["v"].sum()
    x_i = x.groupby("i")["v"].transform("sum")
    x_k = x.groupby("k")["v"].transform("sum")
    rca = (x["v"] / x_i) / (x_k / x["v"].sum())
    return {"rca": pd.DataFrame({"exporter": x["i"], "product": x["k"], "rca": rca})}


def rca(ctx: Context) -> Job:
    """World RCA in pandas."""
    return Job(run=lambda: answer_rca(ctx))
