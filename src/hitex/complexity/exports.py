"""The export matrix of a year: every reporter's exports by product, RCA, Mcp, diversity, ubiquity.

One Ibis expression over the warehouse's ``trade`` view computes these for all reporters at
once, so it runs on DuckDB and on Spark alike. The steps that need the whole country x
product matrix (ECI, PCI, proximity, density) run in numpy: :mod:`hitex.complexity.space`.

**Which exports count.** Records of ``flow = 'export'`` of one year and classification, with
product codes cut to ``digits`` characters, read from the ``trade`` view. There a total to
partner ``WLD`` appears only as what it adds beyond the reporter's records by partner (the
warehouse's "unallocated" rows), so every row adds: country-to-world data (the Atlas, WITS)
and bilateral data give the same matrix. Product ``TOTAL`` (all products) is not a product
and is left out.

**Sub-national reporters** (ISO 3166-2, ``RU-MOW``) are part of their country's exports, so
they are left out of every world total: the world's product totals ``X_p``, the world total
``X`` and the ubiquity of a product are those of national reporters only. A city's RCA is its
share of product p over the world's (``(x_sp / x_s) / (X_p / X)``), so it sits in the
world's product space without being counted twice.
"""

from __future__ import annotations

from collections.abc import Mapping

import ibis.expr.types as ir

#: Partner code of records that are a reporter's totals to the world.
WORLD = "WLD"
#: Product code of records over all products (a total, not a product).
TOTAL = "TOTAL"
#: What marks an ISO 3166-2 subdivision code (``RU-MOW``); ISO 3166-1 codes never hold it.
SUBDIVISION = "-"


def is_national(reporter: ir.StringValue) -> ir.BooleanValue:
    """Whether a reporter code is a country (``RUS``) rather than a subdivision (``RU-MOW``).

    ISO 3166-2 codes are the country's alpha-2 code, a hyphen and the subdivision's code;
    ISO 3166-1 codes never hold a hyphen.
    """
    return ~reporter.contains(SUBDIVISION)


def export_values(
    flows: ir.Table, *, year: int, classification: str, digits: int | None = None
) -> ir.Table:
    """Exports of every reporter by product: ``reporter``, ``product``, ``export_value``.

    ``digits`` cuts product codes to their first ``digits`` characters (HS 6 -> 4) and leaves
    out shorter codes; ``None`` keeps codes as loaded. Only positive values are kept.

    Examples
    --------
    >>> import ibis
    >>> t = ibis.memtable({
    ...     "year": [2020] * 4, "reporter": ["AAA", "AAA", "BBB", "BBB"],
    ...     "partner": ["X", "WLD", "WLD", "X"], "flow": ["export"] * 4,
    ...     "classification": ["HS17"] * 4, "product": ["010121", "010121", "010129", "TOTAL"],
    ...     "value_usd": [5.0, 9.0, 7.0, 3.0]})
    >>> out = export_values(t, year=2020, classification="HS17", digits=4)
    >>> out.order_by("reporter").to_pandas()
      reporter product  export_value
    0      AAA    0101          14.0
    1      BBB    0101           7.0
    """
    f = flows.filter(
        flows.year == year, flows.flow == "export", flows.classification == classification
    )
    product = f.product
    if digits is not None:
        f = f.filter(f.product.length() >= digits)
        product = f.product.substr(0, digits)
    f = f.filter(f.product != TOTAL).mutate(product=product)
    x = f.group_by(["reporter", "product"]).aggregate(export_value=f.value_usd.sum())
    x = x.select("reporter", "product", export_value=x.export_value.cast("float64"))
    return x.filter(x.export_value > 0)


def export_matrix(
    tables: Mapping[str, ir.Table],
    *,
    year: int,
    classification: str,
    digits: int | None = None,
    threshold: float = 1.0,
) -> ir.Table:
    """Every (reporter, product) with exports, and its RCA, Mcp, diversity and ubiquity.

    Columns: ``reporter``, ``product``, ``national``, ``export_value``, ``rca`` (Balassa),
    ``mcp`` (1 where ``rca >= threshold``), ``diversity`` (products the reporter exports with
    advantage), ``ubiquity`` (national reporters exporting the product with advantage).
    Products exported by sub-national reporters only are left out: they have no place in the
    world's product space.

    Examples
    --------
    >>> import ibis
    >>> t = ibis.memtable({
    ...     "year": [2020] * 4, "reporter": ["AAA", "AAA", "BBB", "BBB"],
    ...     "partner": ["WLD"] * 4, "flow": ["export"] * 4, "classification": ["HS17"] * 4,
    ...     "product": ["01", "02", "01", "02"], "value_usd": [3.0, 1.0, 1.0, 3.0]})
    >>> m = export_matrix({"flows": t}, year=2020, classification="HS17")
    >>> m.order_by(["reporter", "product"]).select("reporter", "product", "rca", "mcp").to_pandas()
      reporter product  rca  mcp
    0      AAA      01  1.5    1
    1      AAA      02  0.5    0
    2      BBB      01  0.5    0
    3      BBB      02  1.5    1
    """
    x = world_rca(tables, year=year, classification=classification, digits=digits)
    x = x.mutate(mcp=(x.rca >= threshold).cast("int64"))
    x = x.mutate(
        diversity=x.mcp.sum().over(group_by=x.reporter),
        ubiquity=x.mcp.sum(where=x.national).over(group_by=x.product),
    )
    return x.select(
        "reporter", "product", "national", "export_value", "rca", "mcp", "diversity", "ubiquity"
    )


def world_rca(
    tables: Mapping[str, ir.Table], *, year: int, classification: str, digits: int | None = None
) -> ir.Table:
    """Every (reporter, product) with exports, and its RCA (Balassa) against the world.

    Columns: ``reporter``, ``product``, ``national``, ``export_value``, ``rca``. The world is
    the national reporters (:func:`is_national`); products no national reporter exports are
    left out. ``flows`` may be the records or the products rollup (the same sums).

    Examples
    --------
    >>> import ibis
    >>> t = ibis.memtable({
    ...     "year": [2020] * 4, "reporter": ["AAA", "AAA", "BBB", "BBB"],
    ...     "partner": ["WLD"] * 4, "flow": ["export"] * 4, "classification": ["HS17"] * 4,
    ...     "product": ["01", "02", "01", "02"], "value_usd": [3.0, 1.0, 1.0, 3.0]})
    >>> r = world_rca({"flows": t}, year=2020, classification="HS17")
    >>> r.order_by(["reporter", "product"]).select("reporter", "product", "rca").to_pandas()
      reporter product  rca
    0      AAA      01  1.5
    1      AAA      02  0.5
    2      BBB      01  0.5
    3      BBB      02  1.5
    """
    x = export_values(tables["flows"], year=year, classification=classification, digits=digits)
    x = x.mutate(national=is_national(x.reporter))
    # Totals joined back rather than windows over the pairs: DuckDB hashes them faster.
    world = x.filter(x.national)
    x_c = x.group_by(c_reporter=x.reporter).aggregate(x_c=x.export_value.sum())
    x_p = world.group_by(p_product=world.product).aggregate(x_p=world.export_value.sum())
    x_w = world.aggregate(x_w=world.export_value.sum())
    x = x.join(x_c, x.reporter == x_c.c_reporter).join(x_p, x.product == x_p.p_product)
    x = x.cross_join(x_w)
    rca = (x.export_value / x.x_c) / (x.x_p / x.x_w)
    return x.select("reporter", "product", "national", "export_value", rca=rca)


def classifications(flows: ir.Table, *, year: int) -> ir.Table:
    """Classifications with exports in ``year``: ``classification``, ``records``, ``reporters``.

    ``flows`` may be a rollup, whose rows say how many records each sums (``records``).
    """
    f = flows.filter(flows.year == year, flows.flow == "export")
    records = f.records.sum() if "records" in f.columns else f.count()
    return f.group_by("classification").aggregate(records=records, reporters=f.reporter.nunique())
