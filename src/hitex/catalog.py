"""What the warehouse knows about products and partners: schemes, groups, codes, coverage.

:class:`Catalog` is a mixin of :class:`hitex.Session`; the ``groups``, ``classify`` and
``coverage`` commands, and the HTTP API, call these methods.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pandas as pd

from hitex.errors import UnknownCodeError
from hitex.reference import coverage as cov
from hitex.reference import schemes as builtin
from hitex.reference.countries import resolve
from hitex.reference.usergroups import UserScheme
from hitex.store import Warehouse


class Catalog:
    """Schemes and groups of a warehouse: the built-in ones and the user's."""

    warehouse: Warehouse

    def groups(self, scheme: str | None = None) -> pd.DataFrame:
        """List schemes (``scheme=None``) or the groups of one scheme with their codes.

        Without a scheme: ``kind`` (product / partner), ``scheme``, ``groups``, ``codes``,
        ``classifications``, ``source`` (built-in or the user's file). With a product
        scheme: ``group_code``, ``group_name``, ``classification``, ``products``, ``codes``.
        With a partner scheme: ``group_name``, ``members``, ``codes``.
        """
        if scheme is None:
            return self._schemes()
        listed = self._schemes()
        row = listed[listed["scheme"] == scheme]
        if row.empty:
            raise UnknownCodeError.new("scheme", scheme, listed["scheme"].tolist())
        if row["kind"].item() == "product":
            return self.warehouse.sql(
                """SELECT group_code, group_name, classification, count(*) AS products,
                string_agg(product, ' ' ORDER BY product) AS codes
                FROM product_groups WHERE scheme = ? AND length(product) = (
                    SELECT max(length(product)) FROM product_groups p2
                    WHERE p2.scheme = product_groups.scheme
                    AND p2.classification = product_groups.classification)
                GROUP BY ALL ORDER BY classification, group_code""",
                [scheme],
            )
        return self.warehouse.sql(
            """SELECT group_name, count(DISTINCT iso3) AS members,
            string_agg(DISTINCT iso3, ' ' ORDER BY iso3) AS codes
            FROM country_groups WHERE scheme = ? GROUP BY group_name ORDER BY group_name""",
            [scheme],
        )

    def _schemes(self) -> pd.DataFrame:
        frame = self.warehouse.sql(
            """SELECT 'product' AS kind, scheme, count(DISTINCT group_code) AS groups,
                count(*) AS codes, string_agg(DISTINCT classification, ',' ORDER BY
                classification) AS classifications FROM product_groups GROUP BY scheme
            UNION ALL
            SELECT 'partner', scheme, count(DISTINCT group_name), count(DISTINCT iso3), NULL
                FROM country_groups GROUP BY scheme"""
        )
        users = set(self.warehouse.user_schemes()["name"])
        frame["source"] = ["user" if s in users else "built-in" for s in frame["scheme"]]
        order = {s.name: i for i, s in enumerate(builtin.SCHEMES)}
        frame["order"] = [order.get(s, len(order)) for s in frame["scheme"]]
        frame = frame.sort_values(["kind", "order", "scheme"], ascending=[False, True, True])
        return frame.drop(columns="order").reset_index(drop=True)

    def periods(self) -> pd.DataFrame:
        """Reporters, flows and years the warehouse holds: what a query can ask about.

        One row per (``reporter``, ``flow``, ``year``), with ``monthly`` (whether any record
        of them has a month), ``records``, and ``first_month`` / ``last_month`` (the months
        held, NULL for annual records); the dashboard offers these as choices.
        """
        return self.warehouse.sql(
            """SELECT reporter, flow, year, bool_or(month IS NOT NULL) AS monthly,
            count(*) AS records, min(month) AS first_month, max(month) AS last_month
            FROM trade GROUP BY reporter, flow, year ORDER BY reporter, flow, year"""
        )

    def add_groups(self, path: str | os.PathLike[str]) -> UserScheme:
        """Add a user scheme from YAML (replacing one of the same name)."""
        return self.warehouse.add_user_scheme(path)

    def classify(self, codes: Iterable[str], classification: str = "HS17") -> pd.DataFrame:
        """What every scheme (built-in and the user's) says about each code.

        Returns one row per (code, scheme): ``product``, ``description``, ``scheme``,
        ``group_code``, ``group_name`` (empty where the scheme has no group for it).
        """
        cleaned = builtin.classify(codes, classification)["product"].drop_duplicates()
        frame = pd.DataFrame({"product": cleaned.tolist()})
        self.warehouse.con.register("codes__", frame)
        try:
            return self.warehouse.sql(
                """SELECT c.product, p.description, s.scheme, g.group_code, g.group_name
                FROM codes__ c
                CROSS JOIN (SELECT DISTINCT scheme FROM product_groups
                            WHERE classification = ?) s
                LEFT JOIN products p ON p.classification = ? AND p.product = c.product
                LEFT JOIN product_groups g ON g.scheme = s.scheme
                    AND g.classification = ? AND g.product = c.product
                ORDER BY list_position(?, c.product), s.scheme""",
                [classification, classification, classification, cleaned.tolist()],
            )
        finally:
            self.warehouse.con.unregister("codes__")

    def coverage(
        self,
        *,
        reporter: str | None = None,
        year: int | None = None,
        schemes: Iterable[str] | None = None,
    ) -> pd.DataFrame:
        """Share of the loaded value each scheme classifies, and the rest by reason."""
        where, params = ["TRUE"], []
        if reporter is not None:
            where.append("reporter = ?")
            params.append(resolve(reporter))
        if year is not None:
            where.append("year = ?")
            params.append(str(year))
        flows = self.warehouse.sql(
            # Fixed fragments joined; the values are parameters.
            f"""SELECT classification, product, sum(value_usd) AS value_usd FROM flows
            WHERE {" AND ".join(where)} GROUP BY ALL""",  # noqa: S608
            params,
        )
        names = list(schemes) if schemes is not None else [s.name for s in builtin.SCHEMES]
        for name in names:
            builtin.get_scheme(name)
        if flows.empty:
            return pd.DataFrame(columns=cov.COVERAGE_COLUMNS)
        return cov.coverage(flows, names)
