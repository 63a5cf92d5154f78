"""OECD technology intensity of HS products, through HS2002 and ISIC Rev.3.

The chain, every step a real table under ``reference/data``:

1. ``HS07``, ``HS12``, ``HS17`` / ``HS22`` six-digit code -> HS2002 code, by the UNSD
   conversion tables (``hs-conversion/hs20{07,12}_to_hs2002_conversion.csv``,
   ``hs-sitc-concordance/hs20{17,22}_to_hs2002_conversion.csv``; a conversion table gives
   one HS2002 code per code, so no split rule is needed). ``HS92``, ``HS96`` and ``HS02``
   codes are codes of the combined table (which runs from 1988 to 2006) and skip this step.
2. HS2002 (combined) code -> ISIC Rev.3 class, by the WITS concordance
   (``hs-isic-concordance``; one ISIC class per code).
3. ISIC Rev.3 class -> intensity, by the OECD table (``technology-intensity``): the
   longest matching ``isic3_prefix`` whose ``exclude_prefix`` does not also match
   (chemicals ``24`` exclude pharmaceuticals ``2423``).

``SITC3`` and ``SITC4`` codes reach ISIC Rev.3 through Eurostat's ISIC Rev.3 - SITC Rev.3
correspondence (``hs-isic-concordance/isic3_to_sitc3.csv``; SITC Rev.4 first through the UNSD
SITC4 -> SITC3 table); a code it does not list takes the links of its nearest listed prefix.

An ISIC class outside manufacturing (divisions 15-37) gets ``none``: agriculture,
mining, electricity and gas, services-like classes and WITS's ``9999`` "goods not
elsewhere classified". The Comtrade pseudo-code ``999999`` has no ISIC link and gets
no group at all.
"""

from __future__ import annotations

import functools

import pandas as pd

from hitex.reference._files import read_table
from hitex.reference._prefix import match_longest_prefix, nearest_pairs
from hitex.reference.products import combined_codes, hs_combined, leaves_of

_CONVERSION_FILES = {
    "HS07": ("hs-conversion", "hs2007_to_hs2002_conversion.csv"),
    "HS12": ("hs-conversion", "hs2012_to_hs2002_conversion.csv"),
    "HS17": ("hs-sitc-concordance", "hs2017_to_hs2002_conversion.csv"),
    "HS22": ("hs-sitc-concordance", "hs2022_to_hs2002_conversion.csv"),
}
_DIRECT = ("HS92", "HS96", "HS02")
_SITC = ("SITC3", "SITC4")
TECH_CLASSIFICATIONS: tuple[str, ...] = (*_DIRECT, *_CONVERSION_FILES, *_SITC)
_MANUFACTURING = range(15, 38)  # ISIC Rev.3 divisions 15-37


def tech_groups() -> pd.DataFrame:
    """Return the groups of the ``tech`` scheme: ``group_code``, ``group_name``."""
    return read_table("schemes", "tech.csv")


def intensity_of(isic3: pd.Series) -> pd.Series:
    """Return the OECD technology intensity of ISIC Rev.3 classes (``none`` outside 15-37).

    Raises
    ------
    ValueError
        If a manufacturing class matches no rule: the OECD table is meant to cover
        divisions 15-37 exactly once, so this is a broken data file, not user input.

    Examples
    --------
    >>> intensity_of(pd.Series(["3530", "2911", "2423", "2411", "0111"])).tolist()
    ['high', 'medium-high', 'high', 'medium-high', 'none']
    """
    rules = read_table("technology-intensity", "oecd_isic3_technology_intensity.csv")
    found = match_longest_prefix(isic3, rules, prefix="isic3_prefix", exclude="exclude_prefix")
    manufacturing = isic3.str[:2].astype(int).isin(_MANUFACTURING)
    if (manufacturing & found["intensity"].isna()).any():
        raise ValueError("technology-intensity table misses a manufacturing ISIC Rev.3 class")
    return found["intensity"].where(manufacturing, "none")


def _sitc_links(classification: str) -> pd.DataFrame:
    """SITC Rev.3 (Rev.4 through the UNSD SITC4 -> SITC3 table) -> ISIC Rev.3 (Eurostat)."""
    products = leaves_of(classification)["product"]
    isic = read_table("hs-isic-concordance", "isic3_to_sitc3.csv")[["sitc3", "isic3"]]
    if classification == "SITC4":
        bridge = read_table("hs-conversion", "sitc4_to_sitc3_correlation.csv")
        sitc3 = nearest_pairs(bridge.drop_duplicates(), "sitc4", set(products))
        reached = nearest_pairs(isic, "sitc3", set(sitc3["sitc3"]))
        pairs = sitc3.merge(reached, on="sitc3")[["sitc4", "isic3"]]
        pairs = pairs.set_axis(["own", "isic3"], axis=1)
    else:
        pairs = nearest_pairs(isic, "sitc3", set(products)).set_axis(["own", "isic3"], axis=1)
    pairs = pairs.drop_duplicates().assign(intensity=lambda t: intensity_of(t["isic3"]))
    # Several ISIC classes (rare: 9 SITC3 codes): the intensity most of them hold, then the
    # lowest class.
    pairs["votes"] = pairs.groupby(["own", "intensity"])["isic3"].transform("size")
    chosen = pairs.sort_values(["own", "votes", "isic3"], ascending=[True, False, True])
    isic3 = products.map(chosen.drop_duplicates("own").set_index("own")["isic3"])
    return pd.DataFrame(
        {"classification": classification, "product": products, "hs2002": None, "isic3": isic3}
    )


def _links(classification: str) -> pd.DataFrame:
    if classification in _SITC:
        return _sitc_links(classification)
    products = leaves_of(classification)["product"]
    if classification in _CONVERSION_FILES:
        conversion = read_table(*_CONVERSION_FILES[classification])
        conversion = conversion.drop_duplicates(conversion.columns[0])
        hs2002 = products.map(conversion.set_index(conversion.columns[0])["hs2002"])
        valid = combined_codes("HS02")
    else:
        hs2002 = products
        valid = hs_combined()
    isic3 = hs2002.map(valid.drop_duplicates("hs").set_index("hs")["isic3"])
    return pd.DataFrame(
        {"classification": classification, "product": products, "hs2002": hs2002, "isic3": isic3}
    )


@functools.lru_cache(maxsize=1)
def _tech_links() -> pd.DataFrame:
    links = pd.concat([_links(c) for c in TECH_CLASSIFICATIONS], ignore_index=True)
    linked = links["isic3"].notna()
    intensity = pd.Series(pd.NA, index=links.index, dtype="str")
    intensity[linked] = intensity_of(links.loc[linked, "isic3"])
    return links.assign(group_code=intensity)


def tech_links() -> pd.DataFrame:
    """Return the audit trail of the ``tech`` scheme, one row per six-digit product.

    Returns
    -------
    pandas.DataFrame
        ``classification``, ``product``, ``hs2002`` (the HS2002 code reached; for the
        older editions the code itself), ``isic3``, ``group_code`` (intensity; missing
        where there is no ISIC link, i.e. ``999999``).

    Examples
    --------
    >>> links = tech_links()
    >>> row = links[(links["classification"] == "HS17") & (links["product"] == "851762")]
    >>> row[["hs2002", "isic3", "group_code"]].values.tolist()
    [['852520', '3220', 'high']]
    """
    return _tech_links().copy()


def tech_mapping() -> pd.DataFrame:
    """Return ``classification, product, group_code`` for every six-digit code with a link."""
    links = _tech_links()
    return links.loc[links["group_code"].notna(), ["classification", "product", "group_code"]]
