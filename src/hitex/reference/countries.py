"""Countries and sub-national reporters: codes, names, and every spelling that resolves to them.

Trade files name countries in many ways: ISO alpha-3 (``RUS``), alpha-2 (``RU``), ISO numeric
(``643``), the UN Comtrade / BACI trade codes that differ from ISO numeric (842 for the USA,
699 for India, 251 for France, 490 for Taiwan), English or Russian names, and short forms
("Russia", "South Korea"). Everything here resolves to ISO 3166-1 alpha-3, or to an ISO 3166-2
code for a sub-national reporter (``RU-MOW``). The tables are read from ``data/``; no country is
named in this module.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

import pandas as pd

from hitex.errors import UnknownCodeError

#: The alias kinds in order of precedence: where two spellings collide, the earlier kind wins.
KINDS = (
    "iso3", "entity", "subdivision", "iso2", "trade", "numeric", "alias", "name", "aggregate",
)  # fmt: skip

#: The code of records to all partners together (a total, not a partner).
WORLD = "WLD"

#: Spellings of "all partners" in trade files. They are totals, never a partner to add.
AGGREGATES = ("0", "world", "w00", "wld", "all", "total")

#: Comtrade's code 490 "Other Asia, nes" and the code hitex stores it as (BACI's 490 is Taiwan).
COMTRADE_OTHER_ASIA = (490, "S19")

_SPACES = re.compile(r"\s+")


def data_path(*parts: str) -> str:
    """Return the path of a file shipped in ``hitex/reference/data``."""
    return str(resources.files("hitex.reference").joinpath("data", *parts))


def key(value: object) -> str:
    """Normalise a spelling for lookup: trimmed, lower case, numeric codes without leading zeros.

    Examples
    --------
    >>> key(" Russian  Federation ")
    'russian federation'
    >>> key("004")
    '4'
    """
    text = _SPACES.sub(" ", str(value).strip()).lower()
    if text.isdigit():
        return str(int(text))
    return text


#: The same normalisation as :func:`key`, as a DuckDB SQL expression over column ``{c}``.
KEY_SQL = (
    "CASE WHEN regexp_full_match(trim({c}), '[0-9]+') "
    "THEN CAST(TRY_CAST(trim({c}) AS HUGEINT) AS VARCHAR) "
    "ELSE lower(regexp_replace(trim({c}), '\\s+', ' ', 'g')) END"
)


@functools.cache
def countries_frame() -> pd.DataFrame:
    """Countries with their codes, English and Russian names and M49 regions.

    Columns: ``iso3, iso2, m49, name_en, name_ru, region, subregion, intermediate_region``.
    """
    cols = {
        "ISO-alpha3 Code": "iso3",
        "ISO-alpha2 Code": "iso2",
        "M49 Code": "m49",
        "Country or Area": "name_en",
        "Region Name": "region",
        "Sub-region Name": "subregion",
        "Intermediate Region Name": "intermediate_region",
    }
    en = _read("country-codes", "m49_overview_en.csv", encoding="utf-8-sig")
    ru = _read("country-codes", "m49_overview_ru.csv", encoding="utf-8-sig")
    out = en[list(cols)].rename(columns=cols)
    out["name_ru"] = out["iso3"].map(ru.set_index("ISO-alpha3 Code")["Country or Area"])
    out["m49"] = out["m49"].astype(int)
    out = out.fillna("")
    return out.sort_values("iso3", ignore_index=True)


@functools.cache
def capitals() -> dict[str, str]:
    """Each country's capital by its English name (``country-codes.csv``), by ISO3 code."""
    table = _read("country-codes", "country-codes.csv")
    pairs = zip(table["ISO3166-1-Alpha-3"], table["Capital"], strict=True)
    return {str(c): str(city) for c, city in pairs if isinstance(c, str) and isinstance(city, str)}


@functools.cache
def subdivisions_frame() -> pd.DataFrame:
    """ISO 3166-2 subdivisions: ``code, country, type, name, name_en, name_ru``."""
    return _read("subdivisions", "iso3166_2.csv").fillna("")


@functools.cache
def trade_codes_frame() -> pd.DataFrame:
    """The UN Comtrade / BACI numeric country codes: ``code, iso3, name``.

    Codes whose ISO alpha-3 is ``N/A`` (groupings such as "US Misc. Pacific Isds") are left
    out: they have no country to resolve to.
    """
    raw = _read("baci-reference", "country_codes_V202301.csv")
    raw = raw[raw["iso_3digit_alpha"].str.fullmatch(r"[A-Z]{3}", na=False)]
    frame = pd.DataFrame(
        {
            "code": raw["country_code"].astype(int),
            "iso3": raw["iso_3digit_alpha"],
            "name": raw["country_name_full"],
        }
    )
    # Historical and special entities keep their own code: BACI's table gives 58
    # (Belgium-Luxembourg) as BEL and leaves 697 and 849 without one.
    e = entities_frame()
    e = e[e["trade_code"] != ""]
    own = pd.DataFrame(
        {"code": e["trade_code"].astype(int), "iso3": e["code"], "name": e["name_en"]}
    )
    frame = frame[~frame["code"].isin(own["code"])]
    frame = pd.concat([frame, own])
    # UN Comtrade's codes that neither table has (381: Italy before 2022) resolve by their
    # Comtrade name; a name that resolves to nothing is left out (a test lists every code).
    areas = comtrade_areas_frame()
    rest = areas[~areas["code"].isin(frame["code"])]
    found = [_by_name(t) for t in rest["name"]]
    extra = pd.DataFrame({"code": rest["code"], "iso3": found, "name": rest["name"]})
    frame = pd.concat([frame, extra[extra["iso3"] != ""]])
    return frame.sort_values("code").reset_index(drop=True)


@functools.cache
def comtrade_areas_frame() -> pd.DataFrame:
    """UN Comtrade's reporter and partner areas: ``code, name, reporter, partner``.

    Read from Comtrade's reference lists ``data/comtrade-areas/{reporter,partner}Areas.json``
    (every code Comtrade has used, historical ones and "nes" areas included), less World.
    """
    lists = {}
    for role in ("reporter", "partner"):
        with open(data_path("comtrade-areas", f"{role}Areas.json"), encoding="utf-8") as f:
            lists[role] = {
                int(r["id"]): str(r["text"]) for r in json.load(f)["results"]
                if str(r["id"]).isdigit() and int(r["id"]) != 0
            }  # fmt: skip
    codes = sorted(set(lists["reporter"]) | set(lists["partner"]))
    return pd.DataFrame(
        {
            "code": codes,
            "name": [lists["partner"].get(c) or lists["reporter"][c] for c in codes],
            "reporter": [c in lists["reporter"] for c in codes],
            "partner": [c in lists["partner"] for c in codes],
        }
    )


def _by_name(text: str) -> str:
    """The country an official name resolves to, from the M49 and alias tables alone."""
    c = countries_frame()
    a = _read("aliases", "country_aliases.csv")
    names = {key(n): i for n, i in zip(c["name_en"], c["iso3"], strict=True)}
    names.update({key(n): i for n, i in zip(a["alias"], a["iso3"], strict=True)})
    return names.get(key(text), "")


@functools.cache
def entities_frame() -> pd.DataFrame:
    """Historical and special trade entities: former countries, "nes" areas, Bunkers, ...

    Columns: ``code, trade_code, name_en, name_ru, year_from, year_to, kind, region,
    subregion, intermediate_region, note``; see ``data/entities/SOURCE.md``.
    """
    return _read("entities", "entities.csv")


@functools.cache
def aliases_frame() -> pd.DataFrame:
    """Every known spelling, normalised by :func:`key`: ``key, iso3, kind, country``.

    One row per key: where spellings collide, the kind listed first in :data:`KINDS` wins
    (an ISO alpha-2 code beats a name that happens to read the same).
    """
    c = countries_frame()
    s = subdivisions_frame()
    t = trade_codes_frame()
    e = entities_frame()
    a = _read("aliases", "country_aliases.csv")
    b = _baci_names(t)
    ct = _comtrade_names(t)
    parts = [
        _kind(c["iso3"], c["iso3"], "iso3"),
        _kind(e["code"], e["code"], "entity"),
        _kind(s["code"], s["code"], "subdivision"),
        _kind(c["iso2"], c["iso3"], "iso2"),
        _kind(t["code"], t["iso3"], "trade"),
        _kind(c["m49"], c["iso3"], "numeric"),
        _kind(a["alias"], a["iso3"], "alias"),
        _kind(c["name_en"], c["iso3"], "name"),
        _kind(c["name_ru"], c["iso3"], "name"),
        _kind(t["name"], t["iso3"], "name"),
        _kind(b["country_name_abbreviation"], b["iso"], "name"),
        _kind(s["name_en"], s["code"], "name"),
        _kind(s["name_ru"], s["code"], "name"),
        _kind(e["name_en"], e["code"], "name"),
        _kind(e["name_ru"], e["code"], "name"),
        _kind(ct["name"], ct["iso3"], "name"),
        _kind(pd.Series(AGGREGATES), pd.Series([WORLD] * len(AGGREGATES)), "aggregate"),
    ]
    out = pd.concat(parts, ignore_index=True)
    out = out[out["key"] != ""]
    out["rank"] = out["kind"].map({k: i for i, k in enumerate(KINDS)})
    out = out.sort_values(["key", "rank"], kind="stable").drop_duplicates("key")
    # The country a code belongs to: itself, or a subdivision's country (RU-MOW -> RUS), so
    # that a reporter's trade with its own country is recognised as not trade at all.
    parent = dict(zip(s["code"], s["country"], strict=True))
    out["country"] = [parent.get(c, c) for c in out["iso3"]]
    return out.drop(columns="rank").reset_index(drop=True)


def _baci_names(trade: pd.DataFrame) -> pd.DataFrame:
    """BACI's short names (``country_name_abbreviation``) with the code each resolves to."""
    raw = _read("baci-reference", "country_codes_V202301.csv")
    iso = dict(zip(trade["code"], trade["iso3"], strict=True))
    raw["iso"] = [iso.get(int(c), "") for c in raw["country_code"]]
    return raw[raw["iso"] != ""]


def _comtrade_names(trade: pd.DataFrame) -> pd.DataFrame:
    """Comtrade's names ("Rep. of Korea", "Cayman Isds") with the code each resolves to.

    Comtrade's 490 is "Other Asia, nes" (S19), where BACI's 490 is Taiwan.
    """
    areas = comtrade_areas_frame()
    iso = dict(zip(trade["code"], trade["iso3"], strict=True))
    iso[COMTRADE_OTHER_ASIA[0]] = COMTRADE_OTHER_ASIA[1]
    return pd.DataFrame({"name": areas["name"], "iso3": [iso.get(c) for c in areas["code"]]})


def resolve(value: str, *, subdivisions: bool = True) -> str:
    """Resolve any spelling of a country (or subdivision) to its code.

    Parameters
    ----------
    value
        ISO alpha-3 / alpha-2 / numeric code, trade code, ISO 3166-2 code, or name.
    subdivisions
        Whether ISO 3166-2 subdivisions are acceptable answers (reporters: yes).

    Examples
    --------
    >>> resolve("Russia"), resolve("842"), resolve("RU-MOW"), resolve("Chinese Taipei")
    ('RUS', 'USA', 'RU-MOW', 'TWN')
    """
    code = _iso3().get(key(value))
    if code is not None:
        # An ISO alpha-3 code outranks every other spelling (``KINDS``): no need to build the
        # table of every spelling (a third of a second) to know it.
        return code
    found = _lookup().get(key(value))
    if found is None or found[1] == "aggregate" or (not subdivisions and "-" in found[0]):
        raise UnknownCodeError.new("country", value, _names())
    return found[0]


def name(code: str, *, lang: str = "en") -> str:
    """Return the name of a country or subdivision code, or the code itself if unknown.

    Examples
    --------
    >>> name("CHN"), name("RU-MOW"), name("IND", lang="ru")
    ('China', 'Moscow', 'Индия')
    """
    return _display(lang).get(code, code)


def names_frame() -> pd.DataFrame:
    """Codes with display names for countries and subdivisions: ``code, name_en, name_ru``."""
    c = countries_frame().rename(columns={"iso3": "code"})
    s = subdivisions_frame()
    e = entities_frame()
    world = pd.DataFrame(
        {"code": [WORLD], "name_en": ["World (not allocated to a partner)"],
         "name_ru": ["Мир (без распределения по странам)"]}
    )  # fmt: skip
    cols = ["code", "name_en", "name_ru"]
    return pd.concat([c[cols], s[cols], e[cols], world]).reset_index(drop=True)


@functools.cache
def _display(lang: str) -> dict[str, str]:
    frame = names_frame()
    col = "name_ru" if lang == "ru" else "name_en"
    named = frame[frame[col] != ""]
    return dict(zip(named["code"], named[col], strict=True))


@functools.cache
def _iso3() -> dict[str, str]:
    """The ISO alpha-3 codes by their :func:`key`."""
    return {key(c): c for c in countries_frame()["iso3"] if key(c)}


@functools.cache
def _lookup() -> dict[str, tuple[str, str]]:
    a = aliases_frame()
    return {k: (i, d) for k, i, d in zip(a["key"], a["iso3"], a["kind"], strict=True)}


def spellings() -> tuple[str, ...]:
    """Names and codes worth offering in a "Did you mean …?"."""
    return _names()


@functools.cache
def _names() -> tuple[str, ...]:
    c = countries_frame()
    common = _read("aliases", "country_aliases.csv")["alias"]
    return tuple(dict.fromkeys([*common, *c["name_en"]]))


def _kind(spellings: pd.Series, codes: pd.Series, kind: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"key": [key(v) for v in spellings], "iso3": list(codes), "kind": kind}
    ).dropna()


def _read(folder: str, file: str, *, encoding: str = "utf-8") -> pd.DataFrame:
    return pd.read_csv(data_path(folder, file), dtype=str, keep_default_na=False, encoding=encoding)
