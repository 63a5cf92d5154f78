"""``Session.complexity`` and ``Session.opportunities``: a mixin of :class:`hitex.Session`.

Each method checks the user's choices, runs the Ibis part on the session's engine (DuckDB or
Spark) and the numpy part (:mod:`hitex.complexity.space`) on the reduced matrix it returns.
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd

from hitex.complexity import exports as ex
from hitex.complexity import opportunities as opp
from hitex.complexity.space import measure
from hitex.errors import InputError
from hitex.indicators.context import SMALL_BASE_USD
from hitex.indicators.selection import Query
from hitex.reference.countries import resolve

#: How ``complexity`` rows may be grouped: per reporter and product, or per reporter.
BY = ("product", "reporter")
#: Columns of ``complexity(by="reporter")``: one row per reporter.
REPORTER_COLUMNS = ("year", "reporter", "export_value", "diversity", "eci", "coi")


class Complexity:
    """Economic complexity and export opportunities of the warehouse's data."""

    engine: Any
    #: The measures of the last year asked for, by (year, classification, digits, threshold,
    #: warehouse version): a report asks for the same year several times.
    _measured: tuple[tuple[object, ...], pd.DataFrame] | None = None

    def tables(self) -> dict[str, ir.Table]:  # provided by Session
        """The Ibis tables indicators read."""
        raise NotImplementedError

    def _check(self, q: Query) -> None:  # provided by Session
        raise NotImplementedError

    def _world_tables(self) -> dict[str, ir.Table]:  # provided by Session
        """The tables of a question about every reporter's exports by product."""
        raise NotImplementedError

    def _answering(self, rollup: str | None) -> dict[str, ir.Table]:  # provided by Session
        """The tables of a question, ``flows`` from ``rollup`` where it is not None."""
        raise NotImplementedError

    def _world_route(self) -> str | None:  # provided by Session
        """The rollup :meth:`_world_tables` reads (None: the records)."""
        raise NotImplementedError

    def rca(
        self, *, year: int, classification: str | None = None, digits: int | None = None
    ) -> pd.DataFrame:
        """RCA (Balassa) of every reporter in every product it exports in ``year``.

        One row per (reporter, product) with positive exports, in no set order: ``year``,
        ``reporter``, ``product``, ``export_value`` and ``rca``, the product's share in the
        reporter's exports over its share in the world's (the national reporters').
        Answered from the products rollup where the warehouse has it. ``classification``
        and ``digits`` are those of :meth:`complexity`.

        Examples
        --------
        >>> import hitex
        >>> s = hitex.open(":memory:")
        >>> s.rca(year=2020)
        Traceback (most recent call last):
        ...
        hitex.errors.InputError: The warehouse holds no exports in 2020.
        """
        cls = self._classification(year, classification)

        def build() -> ir.Table:
            x = ex.world_rca(self._world_tables(), year=year, classification=cls, digits=digits)
            # No ORDER BY: sorting a world's pairs costs more than finding them.
            return x.select(ibis.literal(year).cast("int16").name("year"), "reporter", "product",
                            "export_value", "rca")  # fmt: skip

        key = repr(("world_rca", year, cls, digits, self._world_route()))
        rows = self.engine.execute(key, build)
        if rows.empty:
            raise InputError(f"The warehouse holds no {cls} exports in {year}.")
        return rows

    def complexity(
        self,
        *,
        year: int,
        classification: str | None = None,
        digits: int | None = None,
        threshold: float = 1.0,
        reporter: str | None = None,
        by: str = "product",
        top: int | None = None,
        method: str = "ecomplexity",
    ) -> pd.DataFrame:
        """RCA, Mcp, diversity, ubiquity, ECI, PCI, density, COI and COG of ``year``.

        Computed for every reporter at once (one row per reporter and product of the
        world's product space; see :mod:`hitex.complexity`). ``reporter`` keeps one reporter's
        rows, products it does not yet export with advantage first, densest first (its
        nearest opportunities); ``by="reporter"`` gives one row per reporter, highest ECI
        first. ``classification`` is needed when the year's exports are in several;
        ``digits`` cuts product codes (HS6 -> 4); ``threshold`` is the RCA that makes Mcp 1.
        ``method`` is ``"ecomplexity"`` (the Growth Lab's Python package) or ``"stata"`` (its
        Stata command, as the Atlas publishes; see :mod:`hitex.complexity.space`).

        Examples
        --------
        >>> import hitex
        >>> s = hitex.open(":memory:")
        >>> s.complexity(year=2020)
        Traceback (most recent call last):
        ...
        hitex.errors.InputError: The warehouse holds no exports in 2020.
        """
        if by not in BY:
            raise InputError(f"--by {by!r}: complexity rows are by product or by reporter.")
        world = self._measures(year, classification, digits, threshold, method)
        if by == "reporter":
            world = _per_reporter(world)
        if reporter is not None:
            code = resolve(reporter)
            world = world[world["reporter"] == code]
            if world.empty:
                raise InputError(_no_exports(code, year))
            if by == "product":
                world = world.sort_values(["mcp", "density"], ascending=[True, False])
        out = world if top is None else world.head(top)
        return out.reset_index(drop=True)

    def opportunities(
        self,
        *,
        reporter: str,
        year: int,
        compare: int | None = None,
        partner_group: str | None = None,
        groups: str | None = None,
        group: str | None = None,
        top: int | None = 20,
        markets: int = 3,
        classification: str | None = None,
        digits: int | None = None,
        threshold: float = 1.0,
        small_base_usd: float = SMALL_BASE_USD,
        method: str = "ecomplexity",
    ) -> pd.DataFrame:
        """Products ``reporter`` could add, best first, and the markets for each.

        One row per (product, market): see :mod:`hitex.complexity.opportunities` for the
        model and every column. ``groups`` / ``group`` keep products of a group (``tech`` /
        ``high``); ``partner_group`` keeps markets of a group; growth is against
        ``compare`` (default: the year before). ``markets`` is how many largest and how many
        fastest-growing markets to show per product. ``method`` is that of :meth:`complexity`.
        """
        code = resolve(reporter)
        self._check(Query(reporter=code, years=(year,), partner_group=partner_group,
                          groups=groups, group=group, membership_year=year))  # fmt: skip
        cls = self._classification(year, classification)
        world = self._measures(year, cls, digits, threshold, method)
        if not (world["reporter"] == code).any():
            raise InputError(_no_exports(code, year))
        if groups is not None:
            world = world[world["product"].isin(self._group_products(cls, digits, groups, group))]
        products = opp.rank_products(world, code, top=top)
        if products.empty:
            raise InputError(
                f"{code} already exports with advantage every product of the selection in "
                f"{year}: there is nothing to rank."
            )
        base = compare if compare is not None else year - 1
        expr = opp.market_imports(
            self.tables(), reporter=code, products=products["product"].tolist(), year=year,
            compare=base, classification=cls, digits=digits, partner_group=partner_group,
        )  # fmt: skip
        found = self.engine.execute(repr(("markets", code, year, base, cls, digits,
                                          partner_group, tuple(products["product"]))),
                                    lambda: expr)  # fmt: skip
        out = opp.pick_markets(found, products, per_product=markets, small_base_usd=small_base_usd)
        return self._named(out, cls)

    # -- helpers --------------------------------------------------------------------------
    def _classification(self, year: int, classification: str | None) -> str:
        if classification is not None:
            return classification.upper()
        # The partners rollup holds every reporter's records by classification: the smallest.
        route = "partners" if self._world_route() else None
        found = self.engine.execute(
            repr(("classifications", year, route)),
            lambda: ex.classifications(self._answering(route)["flows"], year=year),
        )
        if found.empty:
            raise InputError(f"The warehouse holds no exports in {year}.")
        if len(found) > 1:
            listed = ", ".join(
                f"{r.classification} ({r.reporters} reporters)"
                for r in found.sort_values("records", ascending=False).itertuples()
            )
            raise InputError(
                f"Exports of {year} are in several classifications ({listed}): "
                "choose one with --classification."
            )
        return str(found["classification"].iloc[0])

    def _measures(
        self,
        year: int,
        classification: str | None,
        digits: int | None,
        threshold: float,
        method: str = "ecomplexity",
    ) -> pd.DataFrame:
        cls = self._classification(year, classification)
        key = (year, cls, digits, threshold, method, self.engine.warehouse.version(),
               self._world_route())  # fmt: skip
        if self._measured is None or self._measured[0] != key:
            rows = self._export_rows(year, cls, digits, threshold)
            self._measured = (key, measure(rows, year=year, method=method, threshold=threshold))
        return self._measured[1].copy()

    def _export_rows(
        self, year: int, cls: str, digits: int | None, threshold: float
    ) -> pd.DataFrame:
        def build() -> ir.Table:
            return ex.export_matrix(
                self._world_tables(), year=year, classification=cls, digits=digits,
                threshold=threshold,
            )  # fmt: skip

        key = repr(("export_matrix", year, cls, digits, threshold, self._world_route()))
        rows = self.engine.execute(key, build)
        if rows.empty:
            raise InputError(f"The warehouse holds no {cls} exports in {year}.")
        return rows

    def _group_products(
        self, cls: str, digits: int | None, scheme: str, group: str | None
    ) -> set[str]:
        pg = self.tables()["product_groups"]
        pg = pg.filter(pg.scheme == scheme, pg.classification == cls)
        if group is not None:
            wanted = group.lower()
            pg = pg.filter((pg.group_code.lower() == wanted) | (pg.group_name.lower() == wanted))
        codes = self.engine.execute(
            repr(("group_products", cls, scheme, group)), lambda: pg.select("product")
        )["product"]
        if codes.empty:
            raise InputError(f"Scheme {scheme!r} has no {cls} products" + (
                f" in group {group!r}." if group else "."))  # fmt: skip
        return set(codes.str[:digits]) if digits is not None else set(codes)

    def _named(self, out: pd.DataFrame, cls: str) -> pd.DataFrame:
        t = self.tables()
        p = t["products"]
        names = self.engine.execute(
            repr(("product_names", cls)),
            lambda: p.filter(p.classification == cls).select("product", "description"),
        ).set_index("product")["description"]
        countries = self.engine.execute(
            "country_names", lambda: t["country_names"].select("code", "name_en")
        ).set_index("code")["name_en"]
        out["product_name"] = out["product"].map(names)
        out["market_name"] = out["market"].map(countries)
        return out


def _per_reporter(world: pd.DataFrame) -> pd.DataFrame:
    by = world.groupby(["year", "reporter"], as_index=False)
    out = by.agg(export_value=("export_value", "sum"), diversity=("diversity", "first"),
                 eci=("eci", "first"), coi=("coi", "first"))  # fmt: skip
    return out.sort_values("eci", ascending=False)[list(REPORTER_COLUMNS)]


def _no_exports(code: str, year: int) -> str:
    return (
        f"{code} has no exports in {year} in the product space of the warehouse "
        "(load its exports for the year, in the same classification as the world's)."
    )
