"""Polars: lazy queries over the Parquet file, collected together on the streaming engine."""

from __future__ import annotations

from typing import Final

import polars as pl

from bench import refdata
from bench.workloads import Context, Job, Query, Result

ENGINE: Final = "streaming"


def compare(frame: pl.LazyFrame, key: str, q: Query) -> pl.LazyFrame:
    """Value and base by ``key`` in USD, with growth % and share %."""
    value = (pl.col("v").filter(pl.col("t") == q.year).sum() * 1000).alias("value_usd")
    base = (pl.col("v").filter(pl.col("t") == q.base).sum() * 1000).alias("base_value_usd")
    table = frame.group_by(key).agg(value, base)
    growth = (
        pl.when(pl.col("base_value_usd") > 0)
        .then((pl.col("value_usd") - pl.col("base_value_usd")) / pl.col("base_value_usd") * 100)
        .otherwise(None)
    )
    share = pl.col("value_usd") / pl.col("value_usd").sum() * 100
    return table.with_columns(growth_pct=growth, share_pct=share)


def by_partner(exports: pl.LazyFrame, q: Query, countries: pl.LazyFrame) -> pl.LazyFrame:
    """Exports by partner, this year against the base year."""
    names = countries.rename({"code": "j", "iso3": "partner", "name": "partner_name"})
    return compare(exports, "j", q).join(names, on="j").drop("j").sort("partner")


def by_group(exports: pl.LazyFrame, q: Query, tech: pl.LazyFrame) -> pl.LazyFrame:
    """Exports by technology group, this year against the base year."""
    table = compare(exports.join(tech.select("k", "group_code"), on="k"), "group_code", q)
    names = tech.select("group_code", "group_name").unique("group_code")
    return table.join(names, on="group_code").sort("group_code")


def balance(scan: pl.LazyFrame, q: Query) -> pl.LazyFrame:
    """Exports minus imports of the reporter, by year."""
    exports = pl.col("v").filter(pl.col("i") == q.reporter_code).sum()
    imports = pl.col("v").filter(pl.col("j") == q.reporter_code).sum()
    own = scan.filter((pl.col("i") == q.reporter_code) | (pl.col("j") == q.reporter_code))
    table = own.group_by("t").agg(balance_usd=(exports - imports) * 1000)
    return table.rename({"t": "year"}).sort("year")


def movers(partners: pl.LazyFrame, q: Query) -> pl.LazyFrame:
    """Partners by absolute change, largest first."""
    change = partners.select("partner", change_usd=pl.col("value_usd") - pl.col("base_value_usd"))
    ranked = change.sort([pl.col("change_usd").abs(), pl.col("partner")], descending=[True, False])
    return ranked.head(q.top)


def hhi(exports: pl.LazyFrame, q: Query) -> pl.LazyFrame:
    """Herfindahl-Hirschman index of partners and of products in the reporting year."""
    current = exports.filter(pl.col("t") == q.year)
    index = (pl.col("v") ** 2).sum() / pl.col("v").sum() ** 2 * 10_000
    parts = [
        current.group_by(column).agg(pl.col("v").sum()).select(measure=pl.lit(name), hhi=index)
        for name, column in (("partners", "j"), ("products", "k"))
    ]
    return pl.concat(parts)


def answer_report(ctx: Context, countries: pl.LazyFrame, tech: pl.LazyFrame) -> Result:
    """Build the lazy query set and collect it in one go."""
    q = ctx.query
    scan = pl.scan_parquet(ctx.parquet).select("t", "i", "j", "k", "v")
    exports = scan.filter((pl.col("i") == q.reporter_code) & pl.col("t").is_in([q.year, q.base]))
    partners = by_partner(exports, q, countries)
    frames = {
        "by_partner": partners,
        "by_group": by_group(exports, q, tech),
        "balance": balance(scan, q),
        "movers": movers(partners, q),
        "hhi": hhi(exports, q),
    }
    return dict(zip(frames, pl.collect_all(frames.values(), engine=ENGINE), strict=True))


def report(ctx: Context) -> Job:
    """The report's query set in Polars (lazy, streaming engine)."""
    countries = (
        pl.from_pandas(refdata.countries()).lazy().with_columns(pl.col("code").cast(pl.Int16))
    )
    tech = pl.from_pandas(refdata.tech_groups()[0][["k", "group_code", "group_name"]]).lazy()
    tech = tech.with_columns(pl.col("k").cast(pl.Int32))
    return Job(run=lambda: answer_report(ctx, countries, tech))


def answer_rca(ctx: Context) -> Result:
    """RCA of every exporter in every product it exports in the reporting year."""
    scan = pl.scan_parquet(ctx.parquet).filter(pl.col("t") == ctx.query.year)
    x = scan.group_by("i", "k").agg(pl.col("v").sum())
    rca = (pl.col("v") / pl.col("v").sum().over("i")) / (
        pl.col("v").sum().over("k") / pl.col("v").sum()
    )
    return {"rca": x.select(exporter="i", product="k", rca=rca).collect(engine=ENGINE)}


def rca(ctx: Context) -> Job:
    """World RCA in Polars (lazy, streaming engine)."""
    return Job(run=lambda: answer_rca(ctx))
