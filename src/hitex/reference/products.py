"""Product nomenclatures with descriptions: HS 1992-2022, SITC Rev.1-4, EBOPS 2010.

One frame, :func:`products_frame`, lists every product code hitex knows, by
classification. Where each classification comes from, and how complete it is:

``HS17``, ``HS22``
    Complete: chapters, headings and subheadings (levels 2, 4, 6) of the UN Comtrade
    HS nomenclature (``data/hs-nomenclature``, datasets/harmonized-system). The Comtrade
    pseudo-chapter ``99`` / ``9999`` / ``999999`` "Commodities not specified according to
    kind" is kept on purpose, because Comtrade and customs data carry it; the ``TOTAL``
    row is dropped.
``HS92``, ``HS96``, ``HS02``, ``HS07``, ``HS12``
    Complete: chapters, headings and subheadings of UN Comtrade's own classification
    files ``H0`` ... ``H4`` (``data/hs-nomenclature/hs1992.csv`` ... ``hs2012.csv``), with
    Comtrade's English descriptions. Their section is the section of the chapter (the 97
    chapters and 21 sections have not changed since 1988).
``SITC1`` ... ``SITC4``
    UN Comtrade SITC Rev.1-4 files (``data/sitc-nomenclature``), levels 1-5
    (``level`` = number of digits). Comtrade pseudo-rows (``ALL``, ``TOTAL``, ``AG1``..)
    and the Rev.4 "Memorandum Item" codes ending in ``X`` are dropped.
``EBOPS2010``
    The main components of EBOPS 2010 (``data/ebops``); ``level`` is the depth
    (``SI`` 1, ``SI2`` 2, ``SI21`` 3). The total ``S`` is not a product.

The WITS combined HS table (``data/hs-isic-concordance``, :func:`hs_combined`) is kept for
its ISIC Rev.3 links (the ``tech`` scheme), no longer for names.
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from hitex.reference._files import read_table

CLASSIFICATIONS: tuple[str, ...] = (
    "HS92",
    "HS96",
    "HS02",
    "HS07",
    "HS12",
    "HS17",
    "HS22",
    "SITC1",
    "SITC2",
    "SITC3",
    "SITC4",
    "EBOPS2010",
)
"""Every classification hitex knows, oldest HS edition first."""

HS_CLASSIFICATIONS: tuple[str, ...] = tuple(c for c in CLASSIFICATIONS if c.startswith("HS"))

# The first year of each edition in the combined WITS table (HS1988/92 share codes).
_COMBINED_EDITION_YEAR = {"HS92": 1992, "HS96": 1996, "HS02": 2002, "HS07": 2007}
_YEARS = re.compile(r"^\((?P<start>\d{4})?-(?P<end>\d{4})?\)\s*")
PRODUCT_COLUMNS = ["classification", "product", "level", "description", "parent"]


@functools.lru_cache(maxsize=1)
def hs_combined() -> pd.DataFrame:
    """Return the WITS combined HS -> ISIC Rev.3 table with the validity years parsed.

    Returns
    -------
    pandas.DataFrame
        Columns ``hs`` (6 digits), ``description`` (year prefix removed),
        ``valid_from`` and ``valid_to`` (nullable years, inclusive), ``isic3``.
    """
    raw = read_table("hs-isic-concordance", "hs_combined_to_isic3.csv", encoding="latin-1")
    raw.columns = pd.Index(["hs", "text", "isic3", "isic3_description"])
    years = raw["text"].str.extract(_YEARS)
    return pd.DataFrame(
        {
            "hs": raw["hs"],
            "description": raw["text"].str.replace(_YEARS, "", regex=True).str.strip(),
            "valid_from": pd.to_numeric(years["start"]).astype("Int64"),
            "valid_to": pd.to_numeric(years["end"]).astype("Int64"),
            "isic3": raw["isic3"],
        }
    )


def combined_codes(classification: str) -> pd.DataFrame:
    """Return the rows of :func:`hs_combined` valid in ``HS92``, ``HS96``, ``HS02`` or ``HS07``.

    HS07 keeps only open-ended codes: a code deleted in 2007 ends in 2006, and
    the table knows nothing newer than 2007.
    """
    table = hs_combined()
    year = _COMBINED_EDITION_YEAR[classification]
    started = table["valid_from"].isna() | (table["valid_from"] <= year)
    not_ended = table["valid_to"].isna() | (table["valid_to"] >= year)
    return table[(started & not_ended).to_numpy(dtype=bool)].reset_index(drop=True)


#: The nomenclature file of each HS edition.
HS_FILES = {
    "HS92": "hs1992.csv",
    "HS96": "hs1996.csv",
    "HS02": "hs2002.csv",
    "HS07": "hs2007.csv",
    "HS12": "hs2012.csv",
    "HS17": "hs2017.csv",
    "HS22": "hs2022.csv",
}


@functools.lru_cache(maxsize=len(HS_FILES))
def hs_nomenclature(classification: str) -> pd.DataFrame:
    """Return an HS edition's nomenclature: ``section, hscode, description, parent, level``.

    The ``TOTAL`` pseudo-row and empty rows are dropped; ``level`` is an int. The Comtrade
    files of HS92 ... HS12 carry no section: it is the HS17 section of the code's chapter
    (``TOTAL`` for the pseudo-chapter 99, as in the HS17 file).

    Examples
    --------
    >>> hs92 = hs_nomenclature("HS92")
    >>> hs92.loc[hs92["hscode"] == "847120", ["section", "parent", "level"]].values.tolist()
    [['XVI', '8471', 6]]
    """
    table = read_table("hs-nomenclature", HS_FILES[classification])
    table = table[(table["hscode"] != "") & (table["hscode"] != "TOTAL")]
    if "section" not in table.columns:
        current = read_table("hs-nomenclature", HS_FILES["HS17"])
        chapters = current[current["level"] == "2"].set_index("hscode")["section"]
        table = table.assign(section=table["hscode"].str[:2].map(chapters).fillna("TOTAL"))
    table = table.assign(level=table["level"].astype(int)).reset_index(drop=True)
    return table[["section", "hscode", "description", "parent", "level"]]


def hs_sections() -> pd.DataFrame:
    """Return the 21 HS sections: ``section`` (Roman numeral) and ``name``."""
    return read_table("hs-nomenclature", "hs_sections.csv")


def _frame(classification: str, table: pd.DataFrame) -> pd.DataFrame:
    parent = table["parent"].where(~table["parent"].isin(["", "TOTAL"]), None)
    return pd.DataFrame(
        {
            "classification": classification,
            "product": table["product"].to_numpy(),
            "level": table["level"].astype("int64").to_numpy(),
            "description": table["description"].to_numpy(),
            "parent": parent.to_numpy(),
        }
    )


def _hs_current(classification: str) -> pd.DataFrame:
    table = hs_nomenclature(classification).rename(columns={"hscode": "product"})
    return _frame(classification, table)


def _sitc(classification: str) -> pd.DataFrame:
    file = f"sitc_rev{classification[-1]}.csv"
    table = read_table("sitc-nomenclature", file)
    table = table[table["code"].str.isdigit()]
    # Rev.3 five-digit rows have dotted parents ("764.3") while codes are undotted.
    table = table.assign(
        product=table["code"],
        level=table["code"].str.len(),
        parent=table["parent"].str.replace(".", "", regex=False),
    )
    return _frame(classification, table)


def _ebops() -> pd.DataFrame:
    table = read_table("ebops", "ebops2010.csv")
    table = table.assign(product=table["code"], level=table["code"].str.len() - 1)
    return _frame("EBOPS2010", table)


def _build(classification: str) -> pd.DataFrame:
    if classification in HS_FILES:
        return _hs_current(classification)
    if classification.startswith("SITC"):
        return _sitc(classification)
    return _ebops()


@functools.lru_cache(maxsize=1)
def _products() -> pd.DataFrame:
    frames = [_build(c) for c in CLASSIFICATIONS]
    table = pd.concat(frames, ignore_index=True)[PRODUCT_COLUMNS]
    text = ["classification", "product", "description", "parent"]
    return table.astype(dict.fromkeys(text, "str"))


def products_frame() -> pd.DataFrame:
    """Return every known product of every classification, with its description.

    Returns
    -------
    pandas.DataFrame
        One row per (classification, product): ``classification`` (``HS17``, ``SITC4``,
        ``EBOPS2010``, ...), ``product`` (text, leading zeros kept), ``level`` (int:
        2/4/6 for HS, number of digits for SITC, depth for EBOPS), ``description``,
        ``parent`` (code one level up; missing at the top level).

    Examples
    --------
    >>> frame = products_frame()
    >>> row = frame[(frame["classification"] == "HS17") & (frame["product"] == "841181")]
    >>> row["description"].item()[:30]
    'Turbines; gas-turbines (exclud'
    >>> sorted(frame["classification"].unique()) == sorted(CLASSIFICATIONS)
    True
    """
    return _products().copy()


def products_of(classification: str) -> pd.DataFrame:
    """Return the rows of :func:`products_frame` for one classification (cached, do not modify)."""
    return _by_classification()[classification]


@functools.lru_cache(maxsize=1)
def _by_classification() -> dict[str, pd.DataFrame]:
    table = _products()
    return {c: table[table["classification"] == c].reset_index(drop=True) for c in CLASSIFICATIONS}


@functools.lru_cache(maxsize=len(CLASSIFICATIONS))
def leaves_of(classification: str) -> pd.DataFrame:
    """Return the most detailed products of a classification, those that are nobody's parent.

    Cached: do not modify the frame returned.
    """
    table = products_of(classification)
    parents = set(table["parent"].dropna().tolist())
    is_leaf = [code not in parents for code in table["product"].tolist()]
    return table[is_leaf].reset_index(drop=True)
