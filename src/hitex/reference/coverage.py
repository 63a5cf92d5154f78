"""How much of a trade table a product scheme classifies, and why the rest is left out.

A scheme classifies a record when its (classification, product) has a group. For
``tech`` the group ``none`` (not manufacturing) counts as classified: it is an answer.
Everything else gets one reason, checked in this order:

``classification not covered``
    The scheme does not apply to the record's classification (``tech`` on EBOPS).
``unknown code``
    The code is not in the nomenclature of its classification (e.g. an HS2012-only
    code declared as HS17).
``not specified``
    The Comtrade pseudo-codes ``99``, ``9999``, ``999999`` "commodities not specified
    according to kind".
``spans several groups``
    A known aggregate (HS chapter or heading, EBOPS ``SJ``) whose detailed codes fall in
    different groups.
``no concordance link``
    A known detailed code that the scheme's concordance does not reach (HS17 ``710820``
    monetary gold has no BEC link).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from hitex.reference.products import leaves_of, products_frame
from hitex.reference.schemes import SCHEMES, get_scheme, product_groups_frame

CLASSIFIED = "classified"
_NOT_SPECIFIED = ("99", "9999", "999999")
_KEYS = ["classification", "product"]
COVERAGE_COLUMNS = ["scheme", "outcome", "products", "value_usd", "share"]


def _present(flows: pd.DataFrame, table: pd.DataFrame) -> np.ndarray:
    """Return, for each record, whether its (classification, product) is a row of ``table``."""
    keys = pd.MultiIndex.from_frame(flows[_KEYS])
    return np.asarray(keys.isin(pd.MultiIndex.from_frame(table[_KEYS])), dtype=bool)


def _outcome(flows: pd.DataFrame, scheme: str) -> np.ndarray:
    covers = get_scheme(scheme).classifications
    leaves = pd.concat([leaves_of(c) for c in covers])
    outcome = np.full(len(flows), "no concordance link", dtype=object)
    # Later assignments win: the reasons are listed from the weakest to the strongest.
    outcome[~_present(flows, leaves)] = "spans several groups"
    outcome[flows["product"].isin(_NOT_SPECIFIED).to_numpy(dtype=bool)] = "not specified"
    outcome[~_present(flows, products_frame())] = "unknown code"
    outcome[~flows["classification"].isin(covers).to_numpy(dtype=bool)] = (
        "classification not covered"
    )
    outcome[_present(flows, product_groups_frame(scheme))] = CLASSIFIED
    return outcome


def _one_scheme(flows: pd.DataFrame, scheme: str, value: str, by: list[str]) -> pd.DataFrame:
    flows = flows.assign(outcome=_outcome(flows, scheme))
    table = flows.groupby([*by, "outcome"]).agg(
        products=("product", "nunique"), value_usd=(value, "sum")
    )
    if by:
        block = table.groupby(level=by)["value_usd"].transform("sum")
        table["share"] = (table["value_usd"] / block).where(block != 0)
    else:
        total = table["value_usd"].sum()
        table["share"] = table["value_usd"] / total if total else float("nan")
    return table.reset_index().assign(scheme=scheme)[["scheme", *by, *COVERAGE_COLUMNS[1:]]]


def coverage(
    flows: pd.DataFrame,
    schemes: Iterable[str] | None = None,
    *,
    value: str = "value_usd",
    by_classification: bool = False,
) -> pd.DataFrame:
    """Return, per scheme, the value it classifies and the value it leaves out, by reason.

    Parameters
    ----------
    flows
        Records with columns ``classification``, ``product`` (text) and ``value``.
    schemes
        Built-in scheme names; all of them by default.
    value
        The column to add up.
    by_classification
        One block per classification (HS92, HS12, SITC3, ...) within each scheme, with a
        ``classification`` column after ``scheme``; the shares then add up to 1 per block.

    Returns
    -------
    pandas.DataFrame
        ``scheme``, ``outcome`` (``classified`` or the reason, see the module notes),
        ``products`` (distinct codes), ``value_usd``, ``share`` (of the scheme's
        total; the shares of a scheme add up to 1).

    Examples
    --------
    >>> flows = pd.DataFrame(
    ...     {"classification": "HS17", "product": ["841181", "710820", "123456"],
    ...      "value_usd": [60.0, 30.0, 10.0]}
    ... )
    >>> coverage(flows, ["enduse"])[["outcome", "value_usd", "share"]].values.tolist()
    [['classified', 60.0, 0.6], ['no concordance link', 30.0, 0.3], ['unknown code', 10.0, 0.1]]
    """
    names = [s.name for s in SCHEMES] if schemes is None else list(schemes)
    flows = flows.reset_index(drop=True)
    flows = flows.assign(product=flows["product"].astype(str))
    by = ["classification"] if by_classification else []
    parts = [_one_scheme(flows, name, value, by) for name in names]
    return pd.concat(parts, ignore_index=True)


def classified_share(flows: pd.DataFrame, scheme: str, *, value: str = "value_usd") -> float:
    """Return the share of ``value`` that ``scheme`` classifies (``none`` included)."""
    table = coverage(flows, [scheme], value=value)
    return float(table.loc[table["outcome"] == CLASSIFIED, "share"].sum())
