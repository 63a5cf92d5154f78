"""Where the reference tables live inside the package, and how to read them as text.

Every table is read with ``dtype=str`` so that codes keep their leading zeros
(``010121``, SITC ``0015``); empty cells become ``""`` rather than NaN.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).parent / "data"


def data_path(*parts: str) -> Path:
    """Return the path of a reference file, e.g. ``data_path("hs-nomenclature", "hs2017.csv")``."""
    return DATA_DIR.joinpath(*parts)


def read_table(*parts: str, encoding: str = "utf-8-sig") -> pd.DataFrame:
    """Read one reference CSV as text, empty cells as ``""``.

    Parameters
    ----------
    *parts
        Folder and file name under ``reference/data``.
    encoding
        ``utf-8-sig`` by default (it also strips a byte-order mark); the WITS
        HS -> ISIC file needs ``latin-1``.

    Returns
    -------
    pandas.DataFrame
        Every column as text.
    """
    return pd.read_csv(data_path(*parts), dtype=object, keep_default_na=False, encoding=encoding)
