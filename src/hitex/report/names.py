"""Display names for reports: countries, subdivisions and M49 regions, in English or Russian."""

from __future__ import annotations

import functools

from hitex.reference import countries, russian


def country(code: str, lang: str) -> str:
    """A country's or subdivision's name.

    Examples
    --------
    >>> country("RU-MOW", "en"), country("IND", "ru")
    ('Moscow', 'Индия')
    """
    return countries.name(code, lang=lang)


#: The reporter as its own partner: Comtrade reports a country's re-imports of its own goods so.
_OWN_GOODS = {"en": "{name} (own goods)", "ru": "{name} (собственные товары)"}


def own_goods(code: str, lang: str) -> str:
    """The name of a reporter's trade with itself.

    Examples
    --------
    >>> own_goods("THA", "en"), own_goods("CHN", "ru")
    ('Thailand (own goods)', 'Китай (собственные товары)')
    """
    return _OWN_GOODS.get(lang, _OWN_GOODS["en"]).format(name=country(code, lang))


def group(name: str, lang: str) -> str:
    """A partner group's name: M49 regions in Russian from the UN's own table, blocs by name.

    Examples
    --------
    >>> group("Asia", "ru"), group("EAEU", "ru")
    ('Азия', 'Евразийский экономический союз')
    """
    if lang != "ru":
        return name
    return russian.partner_group(name) or name


def m49(code: str) -> str | None:
    """ISO 3166-1 numeric code as three digits (the ids of world-atlas), or None.

    Examples
    --------
    >>> m49("IND"), m49("AFG"), m49("WLD")
    ('356', '004', None)
    """
    table = _numeric()
    return table.get(code)


@functools.cache
def _numeric() -> dict[str, str]:
    frame = countries.countries_frame()
    return {iso3: f"{int(n):03d}" for iso3, n in zip(frame["iso3"], frame["m49"], strict=True)}
