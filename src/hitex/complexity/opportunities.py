"""Where to export next: products a reporter could add, and the markets for each.

A simple model in the spirit of ITC's export potential method (supply x demand x ease), with
every number in the open and none folded into a hidden score:

- **Products**: those the reporter does not yet export with advantage (``mcp = 0``) in the
  world's product space of the year. *Ease* is their **density** (how much of what the
  reporter already exports with advantage is close to them); *value* is their **PCI** and
  **COG** (how much a product adds to the reporter's complexity and future options). Products
  are ordered by ``rank``: the sum of ``density_rank`` and ``cog_rank`` (1 = densest, highest
  gain), ties by density; both ranks are shown, so a reader can re-sort by either.
- **Supply**: the reporter's exports of the product today and its share of the world's
  (``world_share_pct``; national reporters' exports are the world).
- **Demand**: for each product, the markets of the partner group with the largest imports
  (``imports_usd``) and with the fastest growth of imports since ``compare``
  (``growth_pct``, among markets whose imports grew from at least ``small_base_usd``), the
  reporter's exports to each market and its current share of the market's imports
  (``share_pct``). ``expected_usd`` is what the reporter would sell there if it held its
  world share of the product in that market, ``untapped_usd`` the part of it not yet sold.

Imports are those the ``trade`` view holds (with BACI, each export is also its importer's
import, at the same FOB value; a country's own customs figures are CIF, a few % higher).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import ibis.expr.types as ir
import numpy as np
import pandas as pd

from hitex.complexity.exports import SUBDIVISION, is_national

#: Columns of the product part of an opportunity, in order.
PRODUCT_COLUMNS = (
    "rank", "product", "product_name", "density", "density_rank", "pci", "cog", "cog_rank",
    "rca", "export_value", "world_share_pct",
)  # fmt: skip
#: Columns of the market part, in order.
MARKET_COLUMNS = (
    "market", "market_name", "why", "imports_usd", "base_imports_usd", "growth_pct",
    "exports_to_market_usd", "share_pct", "expected_usd", "untapped_usd",
)  # fmt: skip


def rank_products(measures: pd.DataFrame, reporter: str, *, top: int | None = None) -> pd.DataFrame:
    """The products ``reporter`` does not yet export with advantage, best first.

    ``measures`` is the output of :func:`hitex.complexity.measure` for the whole world.

    Examples
    --------
    >>> m = pd.DataFrame({
    ...     "reporter": ["A", "A", "A", "B", "B", "B"], "product": ["p", "q", "r"] * 2,
    ...     "export_value": [5.0, 1.0, 0.0, 1.0, 4.0, 4.0], "rca": [2.0, 0.5, 0.0, 0.4, 1.3, 1.3],
    ...     "mcp": [1, 0, 0, 0, 1, 1], "density": [1.0, 0.6, 0.3, 0.2, 1.0, 1.0],
    ...     "pci": [-1.0, 0.5, 1.0] * 2, "cog": [0.0, 0.2, 0.4, 0.1, 0.0, 0.0]})
    >>> rank_products(m, "A")[["rank", "product", "density_rank", "cog_rank"]]
       rank product  density_rank  cog_rank
    0     1       q             1         2
    1     2       r             2         1
    """
    national = ~measures["reporter"].str.contains(SUBDIVISION, regex=False)
    world = measures[national].groupby("product")["export_value"].sum()
    mine = measures[(measures["reporter"] == reporter) & (measures["mcp"] == 0)]
    mine = mine[mine["density"].notna() & mine["pci"].notna()].copy()
    if mine.empty:
        return pd.DataFrame(columns=list(PRODUCT_COLUMNS))
    mine["world_share_pct"] = 100 * mine["export_value"] / mine["product"].map(world).astype(float)
    mine["density_rank"] = mine["density"].rank(ascending=False, method="min").astype(int)
    mine["cog_rank"] = mine["cog"].rank(ascending=False, method="min").astype(int)
    mine["score"] = mine["density_rank"] + mine["cog_rank"]
    mine = mine.sort_values(["score", "density", "product"], ascending=[True, False, True])
    mine["rank"] = np.arange(1, len(mine) + 1)
    mine = mine.head(top) if top is not None else mine
    mine["product_name"] = None
    return mine[list(PRODUCT_COLUMNS)].reset_index(drop=True)


def market_imports(
    tables: Mapping[str, ir.Table],
    *,
    reporter: str,
    products: Iterable[str],
    year: int,
    compare: int,
    classification: str,
    digits: int | None = None,
    partner_group: str | None = None,
) -> ir.Table:
    """Imports of ``products`` by every market in ``year`` and ``compare``, and sales to it.

    Columns: ``product``, ``market``, ``imports_usd``, ``base_imports_usd``,
    ``exports_to_market_usd`` (the reporter's exports to the market in ``year``).

    Markets are national reporters of import records (in ``partner_group`` if given,
    membership as of ``year``), the reporter itself left out.
    """
    f = tables["flows"]
    f = f.filter(f.year.isin([year, compare]), f.classification == classification)
    if digits is not None:
        f = f.filter(f.product.length() >= digits).mutate(product=f.product.substr(0, digits))
    f = f.filter(f.product.isin(list(products)))
    imports = f.filter(f.flow == "import", is_national(f.reporter), f.reporter != reporter)
    if partner_group is not None:
        imports = imports.filter(imports.reporter.isin(_members(tables, partner_group, year)))
    imports = imports.group_by(["product", imports.reporter.name("market")]).aggregate(
        imports_usd=imports.value_usd.sum(where=imports.year == year),
        base_imports_usd=imports.value_usd.sum(where=imports.year == compare),
    )
    sold = f.filter(f.flow == "export", f.reporter == reporter, f.year == year)
    sold = sold.group_by([sold.product.name("s_product"), sold.partner.name("s_market")]).aggregate(
        exports_to_market_usd=sold.value_usd.sum()
    )
    out = imports.left_join(
        sold, [imports.product == sold.s_product, imports.market == sold.s_market]
    ).drop("s_product", "s_market")
    return out.mutate(
        imports_usd=out.imports_usd.fill_null(0.0),
        exports_to_market_usd=out.exports_to_market_usd.fill_null(0.0),
    )


def _members(tables: Mapping[str, ir.Table], group: str, year: int) -> ir.Column:
    g = tables["country_groups"]
    return g.filter(
        g.group_name.lower() == group.lower(),
        g.year_from.isnull() | (g.year_from <= year),
        g.year_to.isnull() | (g.year_to >= year),
    ).iso3


def pick_markets(
    markets: pd.DataFrame, products: pd.DataFrame, *, per_product: int, small_base_usd: float
) -> pd.DataFrame:
    """For each product, the ``per_product`` largest and fastest-growing markets, with shares.

    ``markets`` is the result of :func:`market_imports`; ``products`` that of
    :func:`rank_products`. Growth is ranked among markets whose imports grew from a base of
    at least ``small_base_usd`` (growth on a tiny base is noise; a fall is no growth).
    """
    numbers = ["imports_usd", "base_imports_usd", "exports_to_market_usd"]
    m = markets.astype(dict.fromkeys(numbers, "float64"))
    m = m[m["imports_usd"] > 0].copy()
    base = m["base_imports_usd"].fillna(0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        m["growth_pct"] = np.where(base > 0, 100 * (m["imports_usd"] / base - 1), np.nan)
        m["share_pct"] = 100 * m["exports_to_market_usd"] / m["imports_usd"]
    m["base_imports_usd"] = base
    by = m.groupby("product")
    largest = by["imports_usd"].rank(ascending=False, method="first")
    steady = m["growth_pct"].where((base >= small_base_usd) & (m["growth_pct"] > 0))
    fastest = steady.groupby(m["product"]).rank(ascending=False, method="first")
    m["why"] = [
        ", ".join(w for w, keep in (("largest", lg <= per_product), ("fastest", fa <= per_product))
                  if keep)
        for lg, fa in zip(largest, fastest.fillna(np.inf), strict=True)
    ]  # fmt: skip
    m = m[m["why"] != ""].assign(order=largest)
    share = products.set_index("product")["world_share_pct"].fillna(0.0) / 100
    m["expected_usd"] = m["imports_usd"] * m["product"].map(share).astype("float64")
    m["untapped_usd"] = (m["expected_usd"] - m["exports_to_market_usd"]).clip(lower=0.0)
    out = products.merge(m, on="product", how="left")
    out = out.sort_values(["rank", "order"]).drop(columns="order")
    out["market_name"] = None
    return out[[*PRODUCT_COLUMNS, *MARKET_COLUMNS]].reset_index(drop=True)
