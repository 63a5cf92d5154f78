"""SITC-defined product groups applied to HS data of every edition, through the UNSD tables.

Product lists published in SITC (Eurostat's and the OECD's high-tech products, in SITC Rev.4
and Rev.3) must classify HS-coded data: Comtrade HS downloads, BACI, customs extracts. Every
step below is a bundled UNSD correlation or conversion table; nothing is hand-written.

Paths, from a six-digit code of each edition to SITC:

========  =====================================================================================
edition   path
========  =====================================================================================
HS17      ``hs2017_to_sitc4_correlation`` / ``hs2017_to_sitc3_correlation`` (every UNSD link)
HS22      SITC Rev.4: ``hs2022_to_sitc4_correlation``; Rev.3: ``hs2022_to_hs2017_correlation``,
          then HS17's links
HS92      ``hs2017_to_hs1992_correlation`` read from HS92 to HS17, then HS17's links
HS02      ``hs2017_to_hs2002_conversion`` read backwards (the HS17 codes UNSD converts into the
          HS02 code), then HS17's links
HS07      ``hs2007_to_hs2002_conversion``, then HS02's path
HS12      ``hs2012_to_hs2002_conversion``, then HS02's path
HS96      no UNSD table is bundled: a code that HS02 also has takes HS02's path, else one that
          HS92 has takes HS92's; the rest (codes new in 1996 and gone by 2002) have none
========  =====================================================================================

**Split rule.** A code rarely maps to one SITC heading. Each step splits a code's weight equally
over its links (an HS92 code with two HS17 counterparts gives each 1/2; an HS17 code with three
SITC links gives each a third of that), and a link to a SITC aggregate (``792``, or ``0015`` in
Rev.3) is split equally over its basic headings. A code's **share** in a group is the weight
that reaches the group's headings; the code is in the group when that share is more than half.
:func:`hs_shares` lists every share, so the codes only partly in a group (``0 < share < 1``) can
be seen, and :func:`link_coverage` says how many codes of each edition reach SITC at all.
"""

from __future__ import annotations

import functools

import pandas as pd

from hitex.reference._files import read_table
from hitex.reference.products import HS_CLASSIFICATIONS, leaves_of

SITC = ("SITC3", "SITC4")
#: A code is in a group when more than this share of its weight reaches the group.
MAJORITY = 0.5

_FILES = {
    ("HS17", "SITC4"): ("hs-sitc-concordance", "hs2017_to_sitc4_correlation.csv"),
    ("HS17", "SITC3"): ("hs-sitc-concordance", "hs2017_to_sitc3_correlation.csv"),
    ("HS22", "SITC4"): ("hs-sitc-concordance", "hs2022_to_sitc4_correlation.csv"),
    ("HS22", "HS17"): ("hs-sitc-concordance", "hs2022_to_hs2017_correlation.csv"),
    ("HS17", "HS92"): ("hs-conversion", "hs2017_to_hs1992_correlation.csv"),
    ("HS17", "HS02"): ("hs-sitc-concordance", "hs2017_to_hs2002_conversion.csv"),
    ("HS07", "HS02"): ("hs-conversion", "hs2007_to_hs2002_conversion.csv"),
    ("HS12", "HS02"): ("hs-conversion", "hs2012_to_hs2002_conversion.csv"),
}


def _edges(source: str, target: str) -> pd.DataFrame:
    """``source, target`` code pairs of one UNSD table, read in either direction."""
    if (source, target) in _FILES:
        table = read_table(*_FILES[(source, target)])
        pairs = table.iloc[:, :2].set_axis(["source", "target"], axis=1)
    else:
        table = read_table(*_FILES[(target, source)])
        pairs = table.iloc[:, [1, 0]].set_axis(["source", "target"], axis=1)
    return pairs[(pairs["source"] != "") & (pairs["target"] != "")].drop_duplicates()


def _split(pairs: pd.DataFrame) -> pd.DataFrame:
    """Equal weights over each source's targets."""
    return pairs.assign(weight=1.0 / pairs.groupby("source")["target"].transform("size"))


def _then(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """Chain two weighted steps: weights multiply, targets of the same source add up."""
    both = first.merge(second, left_on="target", right_on="source", suffixes=("", "_2"))
    both = both.assign(weight=both["weight"] * both["weight_2"])[["source", "target_2", "weight"]]
    both = both.rename(columns={"target_2": "target"})
    return both.groupby(["source", "target"], as_index=False).agg(weight=("weight", "sum"))


@functools.lru_cache(maxsize=2)
def _to_headings(sitc: str) -> pd.DataFrame:
    """SITC codes as the tables write them (3-5 digits) -> basic headings, split equally."""
    leaves = leaves_of(sitc)["product"]
    codes = pd.concat(
        [
            read_table(*_FILES[(hs, sitc)]).iloc[:, 1]
            for hs in ("HS17", "HS22")
            if (hs, sitc) in _FILES
        ]
    ).drop_duplicates()
    prefixes = pd.concat(
        [pd.DataFrame({"source": leaves.str[:n], "target": leaves}) for n in range(1, 6)]
    ).drop_duplicates()
    pairs = prefixes[prefixes["source"].isin(set(codes))]
    return _split(pairs.reset_index(drop=True))


def _step(source: str, target: str) -> pd.DataFrame:
    return _split(_edges(source, target))


@functools.lru_cache(maxsize=16)
def _weights(edition: str, sitc: str) -> pd.DataFrame:
    """``source`` (a six-digit code of ``edition``), ``target`` (SITC heading), ``weight``."""
    if edition == "HS17":
        out = _then(_step("HS17", sitc), _to_headings(sitc))
    elif edition == "HS22" and sitc == "SITC4":
        out = _then(_step("HS22", "SITC4"), _to_headings("SITC4"))
    elif edition == "HS22":
        out = _then(_step("HS22", "HS17"), _weights("HS17", sitc))
    elif edition in ("HS92", "HS02"):
        out = _then(_step(edition, "HS17"), _weights("HS17", sitc))
    elif edition in ("HS07", "HS12"):
        out = _then(_step(edition, "HS02"), _weights("HS02", sitc))
    elif edition == "HS96":
        hs02, hs92 = _weights("HS02", sitc), _weights("HS92", sitc)
        own = set(leaves_of("HS96")["product"])
        in02 = own & set(leaves_of("HS02")["product"])
        in92 = (own - in02) & set(leaves_of("HS92")["product"])
        out = pd.concat(
            [hs02[hs02["source"].isin(in02)], hs92[hs92["source"].isin(in92)]], ignore_index=True
        )
    else:
        raise ValueError(f"no UNSD path from {edition} to {sitc}")
    leaves = set(leaves_of(edition)["product"])
    return out[out["source"].isin(leaves)].reset_index(drop=True)


def hs_shares(groups: pd.DataFrame, edition: str) -> pd.DataFrame:
    """Every (six-digit code of ``edition``, group) pair with its share; see the module notes.

    Parameters
    ----------
    groups
        The SITC groups: ``classification`` (``SITC3`` or ``SITC4``, one value), ``product``
        (basic headings, as :func:`hitex.reference.products.leaves_of` gives them),
        ``group_code``, ``group_name``.
    edition
        ``HS92`` ... ``HS22``.

    Returns
    -------
    pandas.DataFrame
        ``classification`` (= ``edition``), ``product``, ``group_code``, ``group_name``,
        ``share`` (0-1; pairs with no weight in the group are left out).

    Examples
    --------
    >>> aircraft = pd.DataFrame({"classification": "SITC4", "product": ["79211", "79215"],
    ...                          "group_code": "aero", "group_name": "Helicopters"})
    >>> hs_shares(aircraft, "HS17")[["product", "share"]].values.tolist()
    [['880211', 1.0], ['880212', 1.0]]
    """
    sitc = _one_sitc(groups)
    weights = _weights(edition, sitc)
    hit = weights.merge(
        groups[["product", "group_code", "group_name"]], left_on="target", right_on="product"
    )
    keys = ["source", "group_code", "group_name"]
    shares = hit.groupby(keys, as_index=False).agg(share=("weight", "sum"))
    shares = shares.rename(columns={"source": "product"})
    shares["share"] = shares["share"].clip(upper=1.0).round(12)
    shares.insert(0, "classification", edition)
    return shares.sort_values(["product", "group_code"]).reset_index(drop=True)


def hs_groups(groups: pd.DataFrame, editions: tuple[str, ...] = HS_CLASSIFICATIONS) -> pd.DataFrame:
    """The SITC groups as groups of six-digit HS codes, each edition: share above one half.

    Returns the columns of :data:`hitex.reference.schemes.GROUP_COLUMNS` but ``scheme``
    (``classification``, ``product``, ``group_code``, ``group_name``), one row per code.
    """
    parts = []
    for edition in editions:
        shares = hs_shares(groups, edition)
        parts.append(shares[shares["share"] > MAJORITY].drop(columns="share"))
    return pd.concat(parts, ignore_index=True)


def link_coverage(sitc: str = "SITC4") -> pd.DataFrame:
    """How many six-digit codes of each edition reach SITC ``sitc`` through the UNSD tables.

    Returns
    -------
    pandas.DataFrame
        ``classification``, ``codes`` (leaves of the edition), ``linked`` (codes with at least
        one link), ``whole`` (codes whose links' weight adds to 1: nothing lost on the way),
        ``one_heading`` (codes whose whole weight reaches a single SITC heading).
    """
    rows = []
    for edition in HS_CLASSIFICATIONS:
        weights = _weights(edition, sitc)
        per = weights.groupby("source")["weight"]
        total, top = per.sum(), per.max()
        rows.append({
            "classification": edition,
            "codes": len(leaves_of(edition)),
            "linked": len(total),
            "whole": int((total > 1 - 1e-9).sum()),
            "one_heading": int((top > 1 - 1e-9).sum()),
        })  # fmt: skip
    return pd.DataFrame(rows)


def _one_sitc(groups: pd.DataFrame) -> str:
    found = set(groups["classification"])
    if len(found) != 1 or not found <= set(SITC):
        raise ValueError(f"SITC groups must be in one of {SITC}, not {sorted(found)}")
    return found.pop()
