"""Reference tables the benchmark needs: BACI country codes, HS2017 subheadings, tech groups.

Everything is read from the checked-in reference data of the hitex package
(``src/hitex/reference/data``), falling back to ``/work/shared/data`` for tables that
have not been copied there yet.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import pandas as pd

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
PACKAGE_DATA = REPO / "src" / "hitex" / "reference" / "data"
SHARED_DATA = Path("/work/shared/data")

#: BACI codes that must be in every generated data set (the reporters the reports ask about).
REQUIRED_COUNTRIES = (643, 156, 699, 842, 490)


def data_file(relative: str) -> Path:
    """Return the package copy of a reference file, else the shared copy."""
    for root in (PACKAGE_DATA, SHARED_DATA):
        if (root / relative).exists():
            return root / relative
    raise FileNotFoundError(
        f"reference file {relative} is neither in {PACKAGE_DATA} nor in {SHARED_DATA}"
    )


@functools.cache
def countries() -> pd.DataFrame:
    """BACI country codes usable as trade partners: ``code`` (int), ``iso3``, ``name``.

    Only codes whose ISO3 code is a current country of the UN M49 list are kept (no
    ``N/A`` groupings, no Czechoslovakia or former USSR), and where several BACI codes share
    one ISO3 code (56 and 58 -> BEL) only the lowest (the current country) is kept, so that
    the numeric code -> ISO3 mapping is one-to-one.
    """
    raw = pd.read_csv(data_file("baci-reference/country_codes_V202301.csv"), keep_default_na=False)
    frame = raw.rename(
        columns={
            "country_code": "code",
            "iso_3digit_alpha": "iso3",
            "country_name_abbreviation": "name",
        }
    )[["code", "iso3", "name"]]
    current = pd.read_csv(
        data_file("country-codes/m49_overview_en.csv"), encoding="utf-8-sig", dtype=str
    )
    frame = frame[frame["iso3"].isin(current["ISO-alpha3 Code"])]
    frame = frame.sort_values("code").drop_duplicates("iso3", keep="first")
    return frame.reset_index(drop=True)


@functools.cache
def hs6_codes() -> tuple[str, ...]:
    """HS2017 six-digit subheadings as text with leading zeros, sorted, without 999999."""
    frame = pd.read_csv(data_file("hs-nomenclature/hs2017.csv"), dtype=str, encoding="utf-8-sig")
    codes = frame.loc[(frame["level"] == "6") & (frame["hscode"] != "999999"), "hscode"]
    return tuple(sorted(codes))


def _intensity(isic: str, table: pd.DataFrame) -> tuple[str, str] | None:
    """OECD technology intensity (code, name) of an ISIC Rev.3 code; longest prefix first."""
    for prefix, exclude, intensity in table[
        ["isic3_prefix", "exclude_prefix", "intensity"]
    ].to_numpy(str):
        if isic.startswith(prefix) and not (exclude and isic.startswith(exclude)):
            return intensity, intensity.replace("-", " ").capitalize() + " technology"
    return None


def tech_stand_in() -> pd.DataFrame:
    """A stand-in ``tech`` scheme: HS2017 -> HS2002 (UNSD) -> ISIC Rev.3 (WITS) -> OECD intensity.

    Used only while ``hitex.reference.schemes.product_groups_frame`` is not available.
    Columns ``product`` (6-digit text), ``group_code`` (``high`` ... ``low``), ``group_name``.
    """
    to_2002 = pd.read_csv(
        data_file("hs-sitc-concordance/hs2017_to_hs2002_conversion.csv"), dtype=str
    )
    to_isic = pd.read_csv(
        data_file("hs-isic-concordance/hs_combined_to_isic3.csv"), dtype=str, encoding="latin-1"
    )
    to_isic = (
        to_isic.iloc[:, [0, 2]].set_axis(["hs2002", "isic3"], axis=1).drop_duplicates("hs2002")
    )
    table = pd.read_csv(
        data_file("technology-intensity/oecd_isic3_technology_intensity.csv"), dtype=str
    )
    table = table.fillna("").sort_values("isic3_prefix", key=lambda s: -s.str.len(), kind="stable")
    merged = to_2002.merge(to_isic, on="hs2002", how="inner")
    groups = {isic: _intensity(isic, table) for isic in merged["isic3"].unique()}
    merged["group"] = merged["isic3"].map(groups)
    merged = merged.dropna(subset=["group"])
    frame = pd.DataFrame(
        {
            "product": merged["hs2017"],
            "group_code": merged["group"].str[0],
            "group_name": merged["group"].str[1],
        }
    )
    return frame.drop_duplicates("product").sort_values("product").reset_index(drop=True)


@functools.cache
def tech_groups() -> tuple[pd.DataFrame, str]:
    """The ``tech`` scheme as (product, group_code, group_name, k) and where it came from.

    ``k`` is the product code as an integer, the way BACI writes it.
    """
    try:
        from hitex.reference.schemes import product_groups_frame  # noqa: PLC0415
    except ImportError:
        frame, source = (
            tech_stand_in(),
            "stand-in derived in bench/refdata.py (HS2017->HS2002->ISIC3->OECD)",
        )
    else:
        frame = product_groups_frame("tech")
        hs6 = (frame["classification"] == "HS17") & (frame["product"].str.len() == 6)
        frame = frame[hs6][["product", "group_code", "group_name"]]
        source = 'hitex.reference.schemes.product_groups_frame("tech")'
    frame = frame.assign(k=frame["product"].astype(int)).reset_index(drop=True)
    return frame, source
