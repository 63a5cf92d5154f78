from __future__ import annotations

import pytest

from hitex.errors import UnknownCodeError
from hitex.reference import countries
from hitex.reference.countries import entities_frame
from hitex.reference.partners import country_groups_frame, iso3_codes, members


def test_columns_and_types() -> None:
    frame = country_groups_frame()
    assert list(frame.columns) == ["scheme", "group_name", "iso3", "year_from", "year_to"]
    assert str(frame["year_from"].dtype) == "Int64"
    assert set(frame["scheme"]) == {"region", "subregion", "intermediate-region", "bloc"}


def test_regions_partition_countries() -> None:
    frame = country_groups_frame()
    for scheme in ("region", "subregion", "intermediate-region"):
        part = frame[frame["scheme"] == scheme]
        assert not part["iso3"].duplicated().any(), scheme
    regions = frame[frame["scheme"] == "region"]
    assert set(regions["group_name"]) == {"Africa", "Americas", "Asia", "Europe", "Oceania"}


def test_m49_facts() -> None:
    assert "RUS" in members("Europe", 2020)
    assert "RUS" in members("Eastern Europe", 2020)
    assert {"KAZ", "TUR", "TWN"} <= set(members("Asia", 2020))  # Taiwan kept, documented
    assert "TWN" in members("eastern asia", 2020)
    assert "BRA" in members("South America", 2020)


def test_bloc_members_exist() -> None:
    frame = country_groups_frame()
    assert set(frame[frame["scheme"] == "bloc"]["iso3"]) <= set(iso3_codes())
    entities = set(entities_frame()["code"])
    assert set(frame["iso3"]) <= set(iso3_codes()) | entities


def test_nes_areas_only_in_the_region_their_name_says() -> None:
    frame = country_groups_frame()
    regions = frame[frame["scheme"] == "region"].set_index("iso3")["group_name"]
    # "Other Asia, nes" (Comtrade 490), "Other Europe, nes" (568), "LAIA, nes" (473)
    assert regions["S19"] == "Asia"
    assert regions["X568"] == "Europe"
    assert regions["X577"] == "Africa"
    assert regions["X473"] == "Americas"
    assert regions["X637"] == "Americas"
    # Areas, nes (899), Bunkers (837), Free Zones (838), Special Categories (839): nowhere.
    for code in ("X899", "X837", "X838", "X839"):
        assert code not in set(frame["iso3"]), code
    assert "X899" not in members("Asia", 2020)


@pytest.mark.parametrize(
    ("group", "iso3", "inside", "outside"),
    [
        ("EAEU", "ARM", 2015, 2014),
        ("EAEU", "KGZ", 2015, 2014),
        ("EU", "GBR", 2020, 2021),
        ("EU", "HRV", 2013, 2012),
        ("EU", "POL", 2004, 2003),
        ("BRICS", "ZAF", 2011, 2010),
        ("BRICS", "IRN", 2024, 2023),
        ("ASEAN", "KHM", 1999, 1998),
        ("OECD", "CRI", 2021, 2020),
        ("CIS", "GEO", 2009, 2010),
    ],
)
def test_bloc_membership_by_year(group: str, iso3: str, inside: int, outside: int) -> None:
    assert iso3 in members(group, inside)
    assert iso3 not in members(group, outside)


def test_bloc_sizes() -> None:
    assert len(members("EU", 2020)) == 28
    assert len(members("eu", 2021)) == 27
    assert len(members("OECD", 2024)) == 38
    assert members("EAEU", 2015) == ["ARM", "BLR", "KAZ", "KGZ", "RUS"]


def test_unknown_group_suggests() -> None:
    with pytest.raises(UnknownCodeError, match=r"Did you mean 'Europe'\?"):
        members("Eurpe", 2020)


def test_an_iso3_code_resolves_without_the_table_of_every_spelling():
    # The short way for ISO alpha-3 codes gives what the full table of spellings gives.
    codes = [c for c in countries.countries_frame()["iso3"] if c]
    assert len(codes) > 200
    for code in codes:
        full = countries._lookup()[countries.key(code)]
        assert full == (code, "iso3")
        assert countries.resolve(code) == countries.resolve(code.lower()) == code
