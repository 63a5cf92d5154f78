"""UN Comtrade downloads: bulk CSV files and API answers (JSON or CSV), current and legacy names.

Comtrade answers mix levels. A record to partner World (``0`` / ``W00``) or of product
``TOTAL`` is a total: it is loaded as such (partner ``WLD``, product ``TOTAL``) and the
warehouse never adds it to finer records of the same reporter, flow and period. A chapter
(``aggrLevel`` 2) beside its headings and subheadings is not a total but the sum of codes in
the same file: only the finest codes are loaded (the store finds them by prefix). Breakdowns by
mode of transport, mode of supply, customs procedure or second partner are loaded only as their
total, never beside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

import pyarrow as pa

from hitex.ingest.base import FormatReason, Reader, Ref, json_records
from hitex.ingest.sql import lit
from hitex.reference.countries import COMTRADE_OTHER_ASIA

#: Comtrade's ``classificationCode`` -> hitex classification.
CLASSIFICATION_CODES = {
    "H0": "HS92",
    "H1": "HS96",
    "H2": "HS02",
    "H3": "HS07",
    "H4": "HS12",
    "H5": "HS17",
    "H6": "HS22",
    "S1": "SITC1",
    "S2": "SITC2",
    "S3": "SITC3",
    "S4": "SITC4",
    # Services: every Comtrade EBOPS list loads as EBOPS 2010 (hitex.reference.ebops maps
    # EB10's numbers, EB02's EBOPS 2002 codes and EB10S's letters to its codes).
    "EB10": "EBOPS2010",
    "EB10S": "EBOPS2010",
    "EB02": "EBOPS2010",
    "EB": "EBOPS2010",
}

#: Classification codes that name no product classification (the trade matrix writes ``SS``
#: beside cmdCode TOTAL): the ``--classification`` option applies.
UNCLASSIFIED = ("SS",)

#: Breakdown columns and the code of the total over them.
BREAKDOWNS = (
    ("motCode", "0"),
    ("mosCode", "0"),
    ("customsCode", "C00"),
    ("partner2Code", "0"),
    # The legacy CSV's columns (empty in most downloads).
    ("Mode of Transport Code", "0"),
    ("Customs Proc. Code", "C00"),
    ("2nd Partner Code", "0"),
)

#: The legacy API's trade-flow codes (``rgCode``).
LEGACY_FLOWS = {"1": "import", "2": "export", "3": "re-export", "4": "re-import"}


#: The legacy CSV download's headers ("Reporter Code", "Trade Value (US$)"), lower case, with
#: the spellings some archived copies have ("TradeFlow Code", "TradeValueUS", "Netweightkg").
LEGACY_CSV: Mapping[str, tuple[str, ...]] = {
    "reporter": ("reporter code", "reporter iso"),
    "partner": ("partner code", "partner iso"),
    "flow": ("trade flow code", "tradeflow code"),
    "product": ("commodity code",),
    "value": ("trade value (us$)", "tradevalueus", "tradevalue (us$)"),
    "quantity": ("netweight (kg)", "netweightkg", "netweight kg"),
}


#: The columns of Comtrade's own numeric country codes: current, legacy API, legacy CSV.
REPORTER_CODES = ("reporterCode", "rtCode", "Reporter Code")
PARTNER_CODES = ("partnerCode", "ptCode", "Partner Code")


class ComtradeReader(Reader):
    """Comtrade's column names, current and legacy.

    Current: ``refYear``, ``reporterCode``, ``primaryValue``, ...; legacy API: ``yr``,
    ``rtCode``, ``ptCode``, ``rgCode``, ``TradeValue``; legacy CSV: ``Year``, ``Reporter Code``,
    ``Partner Code``, ``Trade Flow Code``, ``Commodity Code``, ``Trade Value (US$)``,
    ``Netweight (kg)``.
    """

    name: ClassVar[str] = "comtrade"
    columns: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "year": ("refyear", "period", "yr", "year"),
        "month": ("refmonth",),
        "reporter": ("reportercode", "reporteriso", "rtcode", "rt3iso", *LEGACY_CSV["reporter"]),
        "partner": ("partnercode", "partneriso", "ptcode", "pt3iso", *LEGACY_CSV["partner"]),
        "flow": ("flowcode", "rgcode", *LEGACY_CSV["flow"]),
        "classification": ("classificationcode", "pfcode", "classification"),
        "product": ("cmdcode", *LEGACY_CSV["product"]),
        "value": ("primaryvalue", "tradevalue", "fobvalue", "cifvalue", *LEGACY_CSV["value"]),
        "quantity": ("qty", "netwgt", "qtquantity", "netweight", *LEGACY_CSV["quantity"]),
    }

    def read_json(self) -> pa.Table:
        """API answers hold the records in ``data`` (current) or ``dataset`` (legacy)."""
        data = json_records(self.source.path)
        if data.num_rows == 0 and data.num_columns == 0:
            legacy = json_records(self.source.path, key="dataset")
            return legacy if legacy.num_columns else data
        return data

    def value_name(self) -> str:
        """Comtrade's value column."""
        return "primaryValue"

    def fields(self, ref: Ref) -> dict[str, str]:
        """Period from ``refYear``/``refMonth`` or ``period`` (``YYYY`` or ``YYYYMM``)."""
        out = super().fields(ref)
        period = f"trim(CAST({self.raw('period', ref)} AS VARCHAR))"
        year = self.raw("refYear", ref)
        if year == "NULL":
            year = self.raw("yr", ref)
        out["year"] = f"coalesce(CAST({year} AS VARCHAR), left({period}, 4))"
        # refMonth 52 is Comtrade's "annual" month.
        out["month"] = (
            f"coalesce(nullif(nullif(trim(CAST({self.raw('refMonth', ref)} AS VARCHAR)), '52'), "
            f"'0'), CASE WHEN length({period}) = 6 THEN substr({period}, 5, 2) END)"
        )
        out["reporter"] = self._country("reporter", REPORTER_CODES, ref)
        out["partner"] = self._country("partner", PARTNER_CODES, ref)
        flow = self.col("flow", ref)
        legacy = " ".join(f"WHEN {lit(k)} THEN {lit(v)}" for k, v in LEGACY_FLOWS.items())
        out["flow"] = f"CASE trim(CAST({flow} AS VARCHAR)) {legacy} ELSE {flow} END"
        qty, wgt = self.raw("qty", ref), self.raw("netWgt", ref)
        legacy_wgt = next(
            (c for c in (self.raw(n, ref) for n in LEGACY_CSV["quantity"]) if c != "NULL"), "NULL"
        )
        if legacy_wgt != "NULL" and self.raw("qtyUnitAbbr", ref) == "NULL":
            # The legacy CSV's Qty is in the unit its "Qty Unit" names in words; the net weight
            # is in kilograms.
            out["quantity"] = legacy_wgt
            out["unit"] = (
                f"CASE WHEN nullif(trim(CAST({legacy_wgt} AS VARCHAR)), '') IS NOT NULL THEN 'kg' END"  # noqa: E501
            )
            return out
        out["quantity"] = f"coalesce({qty}, {wgt})" if qty != "NULL" else self.col("quantity", ref)
        out["unit"] = (
            f"CASE WHEN nullif(trim(CAST({qty} AS VARCHAR)), '') IS NOT NULL "
            f"THEN {self.raw('qtyUnitAbbr', ref)} "
            f"WHEN nullif(trim(CAST({wgt} AS VARCHAR)), '') IS NOT NULL THEN 'kg' END"
        )
        return out

    def _country(self, role: str, codes: tuple[str, ...], ref: Ref) -> str:
        # The numeric code is Comtrade's own (842 USA, 699 India), and every download has
        # it. Comtrade's 490 is "Other Asia, nes" (S19), where BACI's 490 is Taiwan.
        if self.source.columns.get(role):
            return self.col(role, ref)
        code = next((c for c in (self.raw(n, ref) for n in codes) if c != "NULL"), "NULL")
        iso = self.col(role, ref)
        text = f"nullif(trim(CAST({code} AS VARCHAR)), '')"
        other_asia, stored = COMTRADE_OTHER_ASIA
        case = f"CASE {text} WHEN '{other_asia}' THEN {lit(stored)} ELSE {text} END"
        return f"coalesce({case}, {iso})"

    def classification_sql(self, ref: Ref) -> str:
        """``classificationCode`` (``H5`` = HS2017 ...) where present, else the option."""
        column = self.col("classification", ref)
        if column == "NULL":
            return lit(self.source.classification)
        given = {**CLASSIFICATION_CODES, **dict.fromkeys(UNCLASSIFIED, self.source.classification)}
        cases = " ".join(f"WHEN {lit(k)} THEN {lit(v)}" for k, v in given.items())
        text = f"upper(trim(CAST({column} AS VARCHAR)))"
        return f"CASE {text} {cases} ELSE coalesce(nullif({text}, ''), {lit(self.source.classification)}) END"  # noqa: E501

    def format_reasons(self, ref: Ref) -> list[FormatReason]:
        """Aggregation requests and breakdowns that would count trade twice."""
        cmd = f"upper(trim(CAST({self.col('product', ref)} AS VARCHAR)))"
        checks = [
            FormatReason(
                f"{cmd} IN ('AG1', 'AG2', 'AG3', 'AG4', 'AG5', 'AG6', 'ALL')",
                f"'aggregate row (cmdCode ' || {cmd} || '), not a product'",
                "aggregate_row",
                "product",
                cmd,
            )
        ]
        for column, total in BREAKDOWNS:
            c = self.raw(column, ref)
            if c != "NULL":
                text = f"trim(CAST({c} AS VARCHAR))"
                checks.append(
                    FormatReason(
                        f"coalesce(nullif({text}, ''), {lit(total)}) <> {lit(total)}",
                        f"'breakdown by {column} ' || {text} || "
                        f"'; only the total over it ({total}) is loaded'",
                        "breakdown",
                        column,
                        text,
                    )
                )
        return checks
