"""Every built-in partner group and product scheme has a Russian name, the source's own.

Expected names are read here with DuckDB from the source files: the UN's M49 overview in
English and in Russian (matched by region code) and the blocs' names in
``names-ru/groups_ru.csv``; hitex's lookup must give exactly those.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import hitex
from hitex.errors import UnknownCodeError
from hitex.reference import russian
from hitex.reference.partners import country_groups_frame
from hitex.reference.schemes import SCHEMES

DATA = Path(hitex.__file__).parent / "reference" / "data"
LEVELS = {
    "region": "Region",
    "subregion": "Sub-region",
    "intermediate-region": "Intermediate Region",
}


def m49_russian(scheme: str) -> dict[str, str]:
    """English -> Russian names of one M49 level, joined on the region code."""
    level = LEVELS[scheme]
    en, ru = (
        DATA / "country-codes" / "m49_overview_en.csv",
        DATA / "country-codes" / "m49_overview_ru.csv",
    )
    rows = duckdb.sql(
        f"""SELECT DISTINCT e."{level} Name", r."{level} Name"
        FROM read_csv('{en}', all_varchar=true) e JOIN read_csv('{ru}', all_varchar=true) r
        ON e."M49 Code" = r."M49 Code" AND e."{level} Code" = r."{level} Code"
        WHERE e."{level} Name" IS NOT NULL"""
    ).fetchall()
    return {str(a): str(b) for a, b in rows}


def bloc_russian() -> dict[str, str]:
    path = DATA / "names-ru" / "groups_ru.csv"
    rows = duckdb.sql(
        f"SELECT code, name_ru FROM read_csv('{path}', all_varchar=true) WHERE scheme = 'bloc'"
    ).fetchall()
    return {str(a): str(b) for a, b in rows}


def built_in() -> list[tuple[str, str]]:
    frame = country_groups_frame()[["scheme", "group_name"]].drop_duplicates()
    return [(str(s), str(g)) for s, g in frame.itertuples(index=False)]


def test_the_source_files_name_every_m49_group_once():
    for scheme in LEVELS:
        names = m49_russian(scheme)
        assert names, scheme
        assert len(set(names.values())) == len(names), scheme  # one Russian name each
    assert m49_russian("region")["Asia"] == "Азия"


@pytest.mark.parametrize(("scheme", "group"), built_in())
def test_every_built_in_partner_group_has_its_sources_russian_name(scheme, group):
    expected = bloc_russian() if scheme == "bloc" else m49_russian(scheme)
    assert russian.partner_group(group) == expected[group]
    assert russian.partner_group(group.upper()) == expected[group]  # as groups match: any case
    assert re.fullmatch(r"[^A-Za-z]+", russian.partner_group_name(group)), group


def test_built_in_groups_cover_every_scheme():
    schemes = {s for s, _ in built_in()}
    assert schemes == {"region", "subregion", "intermediate-region", "bloc"}
    assert len(built_in()) == sum(len(m49_russian(s)) for s in LEVELS) + len(bloc_russian())


def test_a_users_group_keeps_its_name():
    assert russian.partner_group("My markets") is None
    assert russian.partner_group_name("My markets") == "My markets"
    assert russian.partner_group_name("Asia", "en") == "Asia"


def test_every_built_in_product_scheme_has_a_russian_title():
    path = DATA / "names-ru" / "groups_ru.csv"
    rows = duckdb.sql(
        f"SELECT code, name_ru FROM read_csv('{path}', all_varchar=true) "
        "WHERE scheme = 'scheme-title'"
    ).fetchall()
    titles = {str(a): str(b) for a, b in rows}
    assert set(titles) == {s.name for s in SCHEMES}
    for scheme in SCHEMES:
        title = russian.scheme_title(scheme.name)
        assert title is not None
        assert title.lower() == titles[scheme.name].lower()


def test_an_unknown_partner_group_is_said_in_russian_with_the_russian_name():
    wrong = UnknownCodeError.new("partner group", "Asai", ["Asia", "Africa", "Europe"])
    assert wrong.text("en") == "Unknown partner group 'Asai'. Did you mean 'Asia'?"
    assert wrong.text("ru") == (
        "Не найдено: группа партнёров «Asai». Возможно, имелось в виду «Asia» (Азия)?"
    )


def test_localize_names_m49_regions_of_a_table_by_region():
    frame = pd.DataFrame({"region": ["Asia", "Europe", None], "value_usd": [1.0, 2.0, 3.0]})
    out = russian.localize(frame, "ru")
    assert list(out.columns) == ["region", "region_name", "value_usd"]
    expected = m49_russian("region")
    assert out["region_name"].tolist()[:2] == [expected["Asia"], expected["Europe"]]
    assert list(out["region"][:2]) == ["Asia", "Europe"]  # the key stays what --partner-group takes
    assert "region_name" not in russian.localize(frame, "en").columns
