"""Partner-country groups: UN M49 regions and trade blocs with membership years.

Schemes in :func:`country_groups_frame`:

``region``
    The five M49 regions (Africa, Americas, Asia, Europe, Oceania); a partition of
    every country with a region (Antarctica has none).
``subregion``
    The 17 M49 sub-regions (Eastern Asia, Western Asia, Eastern Europe, Latin America
    and the Caribbean, Sub-Saharan Africa, ...); also a partition.
``intermediate-region``
    The 7 M49 intermediate regions, which sit *inside* two sub-regions (Caribbean,
    Central America, South America; Eastern, Middle, Southern, Western Africa). They are
    kept in their own scheme so that ``subregion`` stays a partition (a table by
    sub-region must not count Brazil twice).
``bloc``
    EU, EAEU, CIS, BRICS, ASEAN, OECD, one row per membership with the first and last
    calendar year counted (``data/blocs/blocs.csv``; its SOURCE.md names the treaties and
    official lists the years come from). M49 groups have no years: they hold in every year.

Taiwan: the M49 file bundled here (``data/country-codes/m49_overview_en.csv``) has a
Taiwan row (TWN, Asia / Eastern Asia) added by the maintainers of ``datasets/country-codes``;
the official UNSD overview has none. It is kept on purpose: trade data report Taiwan
(BACI ``490``, "Other Asia, nes"), and leaving it out would drop its trade from Asia.
"""

from __future__ import annotations

import functools

import pandas as pd

from hitex.errors import UnknownCodeError
from hitex.reference._files import read_table

GROUP_COLUMNS = ["scheme", "group_name", "iso3", "year_from", "year_to"]
_M49_SCHEMES = {
    "region": "Region Name",
    "subregion": "Sub-region Name",
    "intermediate-region": "Intermediate Region Name",
}


@functools.lru_cache(maxsize=1)
def m49() -> pd.DataFrame:
    """Return the UN M49 overview (English), one row per country or area, as text."""
    return read_table("country-codes", "m49_overview_en.csv")


def iso3_codes() -> list[str]:
    """Return every ISO 3166-1 alpha-3 code in the M49 overview, sorted."""
    return sorted(code for code in m49()["ISO-alpha3 Code"].tolist() if code)


def _m49_scheme(scheme: str, column: str) -> pd.DataFrame:
    table = m49()
    table = table[(table[column] != "") & (table["ISO-alpha3 Code"] != "")]
    return pd.DataFrame(
        {"scheme": scheme, "group_name": table[column], "iso3": table["ISO-alpha3 Code"]}
    )


_ENTITY_SCHEMES = {
    "region": "region",
    "subregion": "subregion",
    "intermediate-region": "intermediate_region",
}


def _entities() -> pd.DataFrame:
    """Historical entities and "nes" areas in the M49 groups their table names.

    A "nes" area is in a region only where its name says so ("Other Asia, nes" in Asia);
    Bunkers, Free Zones, Special Categories and "Areas, nes" are in none.
    """
    table = read_table("entities", "entities.csv")
    parts = [
        pd.DataFrame({"scheme": s, "group_name": table[c], "iso3": table["code"]})
        for s, c in _ENTITY_SCHEMES.items()
    ]
    out = pd.concat(parts, ignore_index=True)
    return out[out["group_name"] != ""]


def _years(column: pd.Series) -> pd.Series:
    return pd.to_numeric(column.replace("", None)).astype("Int64")


def _blocs() -> pd.DataFrame:
    table = read_table("blocs", "blocs.csv")
    return pd.DataFrame(
        {
            "scheme": "bloc",
            "group_name": table["bloc"],
            "iso3": table["iso3"],
            "year_from": _years(table["year_from"]),
            "year_to": _years(table["year_to"]),
        }
    )


@functools.lru_cache(maxsize=1)
def _groups() -> pd.DataFrame:
    regions = [_m49_scheme(s, c) for s, c in _M49_SCHEMES.items()]
    frame = pd.concat([*regions, _entities(), _blocs()], ignore_index=True)
    frame = frame.astype({"scheme": "str", "group_name": "str", "iso3": "str"})
    return frame.astype({"year_from": "Int64", "year_to": "Int64"})[GROUP_COLUMNS]


def country_groups_frame() -> pd.DataFrame:
    """Return every partner group membership.

    Returns
    -------
    pandas.DataFrame
        ``scheme`` (``region``, ``subregion``, ``intermediate-region``, ``bloc``),
        ``group_name``, ``iso3``, ``year_from`` and ``year_to`` (nullable ints, inclusive;
        missing = no limit).

    Examples
    --------
    >>> groups = country_groups_frame()
    >>> groups[(groups["scheme"] == "region") & (groups["iso3"] == "RUS")]["group_name"].item()
    'Europe'
    """
    return _groups().copy()


def _resolve(group: str, scheme: str | None) -> pd.DataFrame:
    table = _groups()
    if scheme is not None:
        table = table[table["scheme"] == scheme]
    found = table[table["group_name"].str.lower() == group.strip().lower()]
    if found.empty:
        raise UnknownCodeError.new("partner group", group, table["group_name"].unique().tolist())
    schemes = found["scheme"].unique().tolist()
    if len(schemes) > 1:
        raise UnknownCodeError(
            f"Partner group {group!r} is in several schemes ({', '.join(schemes)}); name one."
        )
    return found


def members(group: str, year: int, *, scheme: str | None = None) -> list[str]:
    """Return the ISO3 codes of the members of ``group`` in ``year``, sorted.

    Parameters
    ----------
    group
        A group name of any scheme, case-insensitive (``"Asia"``, ``"eaeu"``,
        ``"Eastern Europe"``).
    year
        The calendar year; a membership counts in every year from ``year_from`` to
        ``year_to`` inclusive.
    scheme
        Restrict the search to one scheme.

    Raises
    ------
    hitex.errors.UnknownCodeError
        For an unknown group, with "Did you mean …?".

    Examples
    --------
    >>> "ARM" in members("EAEU", 2015), "ARM" in members("EAEU", 2014)
    (True, False)
    >>> "GBR" in members("eu", 2020), "GBR" in members("eu", 2021)
    (True, False)
    """
    found = _resolve(group, scheme)
    started = found["year_from"].isna() | (found["year_from"] <= year)
    not_ended = found["year_to"].isna() | (found["year_to"] >= year)
    return sorted(found.loc[(started & not_ended).to_numpy(dtype=bool), "iso3"].tolist())
