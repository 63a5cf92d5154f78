"""Russian names of the codes hitex names: HS, EBOPS, BEC and end-use groups, OECD classes.

Data (``data/tnved``, ``data/names-ru``; see their SOURCE.md):

- HS chapters and headings of HS2002, HS2007, HS2012, HS2017 and HS2022 from the Russian
  text of the nomenclature (ТН ВЭД, whose first six digits are HS), in the wording in force on
  1 July of the edition's first year; HS2022 subheadings (six digits) where the ТН ВЭД has a
  line of its own for them (a ten-digit code ending in ``0000``).
- A six-digit code of another edition takes the HS2022 Russian text when its English text in
  that edition is the HS2022 one (the same code and the same words are the same subheading).
- A chapter or heading of HS1992 or HS1996 (older than the ТН ВЭД files) takes the HS2002
  Russian text when its English text is the HS2002 one, by the same rule.
- Groups of the built-in schemes, EBOPS 2010 services, BEC Rev.4, HS sections and blocs.

A code without a Russian name has ``None`` from :func:`product`. Rows of tables and charts
(:func:`row_name`) name it instead from the nearest level above that has one, marked as that
level's name (:func:`product_above`); only a code with no Russian level above it keeps its
English name, which callers count.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import pandas as pd

from hitex.reference._files import read_table

__all__ = [
    "group",
    "is_bloc",
    "localize",
    "missing_names",
    "own_marked",
    "partner_group",
    "partner_group_name",
    "product",
    "product_above",
    "row_name",
    "scheme_title",
    "sentence_case",
    "suppression",
]

#: Scheme -> the scheme whose Russian names it uses.
_SCHEME_NAMES = {"tech": "tech", "enduse": "enduse", "enduse-stage": "enduse-stage", "bec": "bec",
                 "techservices": "techservices", "hs-section": "hs-section"}  # fmt: skip
_HS_SCHEMES = {"hs-chapter": 2, "hs-heading": 4}


def sentence_case(text: str) -> str:
    """The nomenclature's capitals as a sentence: first letter up, the rest as words are.

    Words written in capitals (the ТН ВЭД's headings) go to lower case; abbreviations of up to
    four letters inside brackets or standing alone keep theirs only if they are not Russian
    words (``ЭВМ`` would be lowered: the nomenclature itself gives no way to tell).

    Examples
    --------
    >>> sentence_case("ДВИГАТЕЛИ ТУРБОРЕАКТИВНЫЕ И ТУРБОВИНТОВЫЕ, ГАЗОВЫЕ ТУРБИНЫ ПРОЧИЕ")
    'Двигатели турбореактивные и турбовинтовые, газовые турбины прочие'
    >>> sentence_case("смартфоны")
    'Смартфоны'
    """
    text = text.strip()
    if text.upper() == text:
        text = text.lower()
    return text[:1].upper() + text[1:]


@functools.cache
def _hs() -> dict[tuple[str, str], str]:
    table = read_table("tnved", "tnved_hs_ru.csv")
    return {(c, k): _one_script(n) for c, k, n in
            zip(table["classification"], table["code"], table["name_ru"], strict=True)}  # fmt: skip


#: Letters that look alike in Latin and Cyrillic capitals and small letters.
_LATIN, _CYRILLIC = "ABCEHKMOPTXYaceopxy", "АВСЕНКМОРТХУасеорху"
_TO_CYRILLIC = str.maketrans(_LATIN, _CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC, _LATIN)


def _one_script(text: str) -> str:
    """``text`` with each word in one alphabet: the FTS's files type some letters in the other.

    ``ЭЛЕКТPИЧЕСКИЕ`` has a Latin P, ``CAРSICUM`` a Cyrillic Р (163 words of the files). A
    word with a letter only one alphabet has (Л, S) is in that alphabet; else in the one most
    of its letters are in.

    Examples
    --------
    >>> _one_script("ЭЛЕКТPИЧЕСКИЕ; CAРSICUM; Сr2О3; HЕЕ")
    'ЭЛЕКТРИЧЕСКИЕ; CAPSICUM; Cr2O3; НЕЕ'
    """
    return re.sub(r"\w+", _word_in_one_script, text)


def _word_in_one_script(found: re.Match[str]) -> str:
    word = found.group()
    latin = [ch for ch in word if "A" <= ch <= "z" and ch.isalpha()]
    cyrillic = [ch for ch in word if "\u0400" <= ch <= "\u04ff"]
    if not latin or not cyrillic:
        return word
    if any(ch not in _LATIN for ch in latin):
        return word.translate(_TO_LATIN)
    if any(ch not in _CYRILLIC for ch in cyrillic) or len(cyrillic) >= len(latin):
        return word.translate(_TO_CYRILLIC)
    return word.translate(_TO_LATIN)


@functools.cache
def _groups() -> dict[tuple[str, str], str]:
    table = read_table("names-ru", "groups_ru.csv")
    return {(s, k): n for s, k, n in
            zip(table["scheme"], table["code"], table["name_ru"], strict=True)}  # fmt: skip


@functools.cache
def _english() -> dict[tuple[str, str], str]:
    from hitex.reference.products import products_frame  # noqa: PLC0415 - heavy, on demand

    frame = products_frame()
    hs = frame[frame["classification"].str.startswith("HS")]
    columns = (hs[k].tolist() for k in ("classification", "product", "description"))
    return {(c, p): d for c, p, d in zip(*columns, strict=True)}


def product(classification: str, code: str) -> str | None:
    """The Russian name of a product code (HS 2/4/6 digits, EBOPS), or None.

    Examples
    --------
    >>> product("HS17", "8411")
    'Двигатели турбореактивные и турбовинтовые, газовые турбины прочие'
    >>> product("HS22", "851713")
    'Аппараты телефонные, включая смартфоны и прочие аппараты телефонные для сотовых сетей \
связи или других беспроводных сетей связи; прочая аппаратура для передачи или приема голоса, \
изображений или других данных, включая аппаратуру для коммуникации в сети проводной или \
беспроводной связи (например, в локальной или глобальной сети связи), кроме передающей или \
приемной аппаратуры товарной позиции 8443, 8525, 8527 или 8528; смартфоны'
    >>> product("EBOPS2010", "SI2"), product("HS17", "841111") is None
    ('Компьютерные услуги', True)
    """
    code = str(code)
    if classification.startswith("EBOPS"):
        name = _groups().get(("ebops", code))
        return None if name is None else sentence_case(name)
    return _hs_name(classification, code) if classification.startswith("HS") else None


def _hs_name(classification: str, code: str) -> str | None:
    names = _hs()
    if len(code) < 6:
        name = names.get((classification, code))
        if (
            name is None
            and classification in _BEFORE_TNVED
            and _worded_alike(classification, _FIRST_TNVED, code)
        ):
            name = names.get((_FIRST_TNVED, code))
        return None if name is None else sentence_case(name)
    own = names.get(("HS22", code))
    if own is None:
        return None
    if classification != "HS22" and not _worded_alike(classification, "HS22", code):
        return None
    heading = names.get(("HS22", code[:4]))
    if heading is None or own.upper() == heading.upper():
        return sentence_case(own)
    return f"{sentence_case(heading)}; {own[:1].lower() + own[1:]}"


#: The HS levels above a code, as the ТН ВЭД names them (genitive, after «из»).
_LEVELS = ((4, "товарной позиции"), (2, "группы"))


def product_above(classification: str, code: str) -> str | None:
    """A product code named from the nearest HS level above it with a Russian name, or None.

    For a code whose own Russian name is missing (:func:`product` gives None): the name of
    its heading (4 digits), else of its chapter, said as that level's and not the code's own,
    so that a reader does not take the heading's words for the subheading's.

    Examples
    --------
    >>> product_above("HS17", "841111")
    'Из товарной позиции 8411: двигатели турбореактивные и турбовинтовые, газовые турбины прочие'
    >>> product_above("HS22", "020500")
    'Из группы 02: мясо и пищевые мясные субпродукты'
    >>> product_above("HS17", "999999") is None, product_above("EBOPS2010", "SI2") is None
    (True, True)
    """
    code = str(code)
    if not classification.startswith("HS") or not code.isdigit():
        return None
    for digits, level in _LEVELS:
        if len(code) > digits:
            above = code[:digits]
            name = product(classification, above)
            if name is not None:
                # A colon, not quotes: a name cut short in a chart or sentence stays whole.
                return f"Из {level} {above}: {name[:1].lower()}{name[1:]}"
    return None


#: Editions older than the first the ТН ВЭД files hold, and that first one.
_BEFORE_TNVED, _FIRST_TNVED = ("HS92", "HS96"), "HS02"


def _worded_alike(classification: str, other: str, code: str) -> bool:
    """Whether ``code`` has the same English text in both editions (so the same subject)."""
    english = _english()
    theirs = english.get((classification, code))
    return theirs is not None and _same(theirs) == _same(english.get((other, code), ""))


def _same(text: str) -> str:
    """English text compared without its spacing (``carp  (as`` is ``carp (as``)."""
    return " ".join(text.split())


def group(scheme: str, code: str, classification: str | None = None) -> str | None:
    """The Russian name of a group of a built-in scheme, or None.

    Examples
    --------
    >>> group("tech", "high"), group("enduse-stage", "parts")
    ('Высокотехнологичные товары', 'Комплектующие')
    >>> group("tech", "unmapped")
    'Не отнесено к группам схемы'
    >>> group("hs-heading", "8411", "HS17")
    'Двигатели турбореактивные и турбовинтовые, газовые турбины прочие'
    """
    code = str(code)
    # Rows of scheme "*" name what every scheme has: the records it does not map.
    anywhere = _groups().get(("*", code))
    if anywhere is not None:
        return sentence_case(anywhere)
    if scheme in _HS_SCHEMES:
        edition = classification or "HS22"
        return product(edition, code) or product_above(edition, code)
    key = _SCHEME_NAMES.get(scheme)
    name = None if key is None else _groups().get((key, code))
    return None if name is None else sentence_case(name)


@functools.cache
def _regions() -> dict[str, str]:
    """English M49 region names -> the UN's Russian ones, matched by their M49 codes."""
    from hitex.reference.countries import data_path  # noqa: PLC0415

    en = pd.read_csv(data_path("country-codes", "m49_overview_en.csv"), dtype=str)
    ru = pd.read_csv(data_path("country-codes", "m49_overview_ru.csv"), dtype=str)
    out: dict[str, str] = {}
    for level in ("Region", "Sub-region", "Intermediate Region"):
        code, column = f"{level} Code", f"{level} Name"
        russian = dict(zip(ru[code].tolist(), ru[column].tolist(), strict=True))
        for number, english in zip(en[code].tolist(), en[column].tolist(), strict=True):
            if isinstance(english, str) and isinstance(russian.get(number), str):
                out[english] = russian[number]
    return out


def partner_group(name: str) -> str | None:
    """The Russian name of a built-in partner group, or None (a user's group, an unknown name).

    M49 regions, sub-regions and intermediate regions take the UN's own Russian names
    (``data/country-codes/m49_overview_ru.csv``, the UNSD M49 overview in Russian); blocs the
    names of ``data/names-ru/groups_ru.csv``. The name is matched as partner groups are, without
    regard to case.

    Examples
    --------
    >>> partner_group("Asia"), partner_group("eaeu"), partner_group("Atlantis")
    ('Азия', 'Евразийский экономический союз', None)
    >>> partner_group("Latin America and the Caribbean")
    'Латинская Америка и Карибский бассейн'
    """
    return _partner_groups().get(name.strip().lower())


def partner_group_name(name: str, lang: str = "ru") -> str:
    """A partner group's name in ``lang``: Russian where it is a built-in group, else as given.

    Examples
    --------
    >>> partner_group_name("Europe"), partner_group_name("Europe", "en")
    ('Европа', 'Europe')
    >>> partner_group_name("My markets")
    'My markets'
    """
    if lang != "ru":
        return name
    return partner_group(name) or name


def scheme_title(scheme: str) -> str | None:
    """The Russian title of a built-in product scheme (``tech``), or None (a user's scheme).

    Examples
    --------
    >>> scheme_title("tech"), scheme_title("my-scheme")
    ('Технологический уровень (ОЭСР, МСОК ред. 3)', None)
    """
    name = _groups().get(("scheme-title", scheme))
    return None if name is None else sentence_case(name)


@functools.cache
def _partner_groups() -> dict[str, str]:
    out = {english.lower(): russian for english, russian in _regions().items()}
    out.update({code.lower(): n for (scheme, code), n in _groups().items() if scheme == "bloc"})
    return out


def is_bloc(name: str) -> bool:
    """Whether ``name`` is one of the blocs (``EAEU``), not an M49 region.

    Examples
    --------
    >>> is_bloc("EAEU"), is_bloc("eaeu"), is_bloc("Asia")
    (True, True, False)
    """
    return any(s == "bloc" and k.lower() == name.strip().lower() for s, k in _groups())


_NAME_OF = {"product_name": "product", "group_name": "group", "partner_name": "partner",
            "reporter_name": "reporter"}  # fmt: skip


def localize(frame: pd.DataFrame, lang: str, *, groups: str | None = None,
             classification: str | None = None) -> pd.DataFrame:  # fmt: skip
    """``frame`` with its ``*_name`` columns in ``lang`` (English kept where none is known).

    A ``region`` or ``subregion`` column (M49 names, the key of ``--by region``) gets a
    ``region_name`` / ``subregion_name`` beside it with the UN's Russian name; the reasons of
    disclosure control (``suppression``) are said in Russian.

    Products take their classification from a ``classification`` column, else from
    ``classification``, else HS2022 wording is tried; groups are those of scheme ``groups``.
    """
    if lang != "ru" or frame.empty:
        return frame
    out = frame.copy()
    for column, code_column in _NAME_OF.items():
        if column not in out.columns or code_column not in out.columns:
            continue
        codes = out[code_column].astype("string").tolist()
        kinds: list[object] = [classification] * len(out)
        if "classification" in out.columns:
            kinds = list(out["classification"].astype("string"))
        english = out[column].tolist()
        names = []
        for code, kind, en in zip(codes, kinds, english, strict=True):
            ru = row_name(code_column, code, kind, groups)
            names.append(en if ru is None else own_marked(ru, en))
        out[column] = names
    if "suppression" in out.columns:
        out["suppression"] = [suppression(v) if isinstance(v, str) else v
                              for v in out["suppression"]]  # fmt: skip
    for column in ("region", "subregion"):
        if column in out.columns and f"{column}_name" not in out.columns:
            # M49 regions are named, not coded: the Russian name goes beside the English key.
            at = list(out.columns).index(column) + 1
            named = [partner_group_name(v) if isinstance(v, str) else v for v in out[column]]
            out.insert(at, f"{column}_name", named)
    return out


_WHY = (
    (re.compile(r"fewer than (\d+) enterprises"), "меньше {0} предприятий"),
    (re.compile(r"one enterprise over ([\d.]+)%"), "одно предприятие больше {0}%"),
    (re.compile(r"secondary: the total would reveal a suppressed cell"),
     "вторичное скрытие: итог раскрыл бы скрытое значение"),
)  # fmt: skip


def suppression(reason: str) -> str:
    """Why disclosure control withheld a cell (``suppression``), in Russian.

    Examples
    --------
    >>> suppression("fewer than 3 enterprises")
    'меньше 3 предприятий'
    >>> suppression("one enterprise over 85% in 2019")
    'одно предприятие больше 85% (2019 г.)'
    >>> suppression("")
    ''
    """
    text, _, year = reason.partition(" in ")
    for pattern, ru in _WHY:
        found = pattern.fullmatch(text)
        if found:
            said = ru.format(*found.groups())
            return f"{said} ({year} г.)" if year.isdigit() else said
    return reason


#: The marks of a reporter's trade with itself (:data:`hitex.indicators.table.SELF_PARTNER`).
_SELF_RU = {
    "own goods re-imported": "реимпорт собственных товаров",
    "own goods, as reported to itself": "собственные товары, по данным страны о торговле с собой",
    "as reported to itself": "по данным страны о торговле с собой",
}


def own_marked(russian: str, english: object) -> str:
    """``russian`` with the mark of a reporter's trade with itself that ``english`` carries.

    Examples
    --------
    >>> own_marked("Таиланд", "Thailand (own goods re-imported)")
    'Таиланд (реимпорт собственных товаров)'
    >>> own_marked("Индия", "India")
    'Индия'
    """
    if isinstance(english, str) and english.endswith(")"):
        for en, ru in _SELF_RU.items():
            if english.endswith(f" ({en})"):
                return f"{russian} ({ru})"
    return russian


def row_name(kind: str, code: object, classification: object = None,
             groups: str | None = None) -> str | None:  # fmt: skip
    """The Russian name :func:`localize` gives a row's ``kind`` column, or None (English stays).

    ``kind`` is the code column (``partner``, ``reporter``, ``product`` or ``group``);
    ``classification`` the row's own (else HS2022 wording is tried), ``groups`` the scheme.
    A product without a Russian name of its own is named from its heading or chapter
    (:func:`product_above`).

    Examples
    --------
    >>> row_name("partner", "IND"), row_name("group", "high", groups="tech")
    ('Индия', 'Высокотехнологичные товары')
    """
    from hitex.reference.countries import name as country  # noqa: PLC0415

    return _one(kind, code, classification, groups, country)


def _one(kind: str, code: object, classification: object, groups: str | None,
         country: object) -> str | None:  # fmt: skip
    if code is None or code is pd.NA:
        return None
    text = str(code)
    if kind in ("partner", "reporter"):
        found = country(text, lang="ru")  # type: ignore[operator]
        return None if found == text else str(found)
    known = classification if isinstance(classification, str) else None
    if kind == "product":
        return _named(known or "HS22", text)
    if groups is None:
        return None
    return group(groups, text, known)


def _named(classification: str, code: str) -> str | None:
    """A product's own Russian name, else its heading's or chapter's, said as theirs."""
    # A code the ТН ВЭД splits further has no line of its own: its heading names it.
    return product(classification, code) or product_above(classification, code)


def missing_names(localized: pd.DataFrame) -> list[str]:
    """Codes whose ``*_name`` stayed English (or empty) after :func:`localize`: no Cyrillic."""
    out = []
    for column, code_column in _NAME_OF.items():
        if column in localized.columns and code_column in localized.columns:
            for code, name in zip(localized[code_column], localized[column], strict=True):
                if pd.isna(code):
                    continue
                if not (isinstance(name, str) and re.search("[А-Яа-яЁё]", name)):
                    out.append(str(code))
    return out


def localize_listing(frame: pd.DataFrame, lang: str, *, scheme: str | None = None,
                     classification: str | None = None) -> pd.DataFrame:  # fmt: skip
    """A listing of codes (``hitex groups``, ``classify``) with Russian names in ``lang="ru"``.

    ``group_name`` follows ``group_code`` (scheme from a ``scheme`` column or ``scheme``), or
    is a partner group's own name (a partner scheme's listing); ``description`` follows
    ``product`` (from its heading or chapter where it has no line of its own); English stays
    where no Russian name is known.
    """
    if lang != "ru" or frame.empty:
        return frame
    out = frame.copy()
    rows = out.to_dict("records")

    def kind(row: dict[Any, Any]) -> str:
        return str(row.get("classification") or classification or "HS22")

    if {"group_code", "group_name"} <= set(out.columns):
        out["group_name"] = [
            group(str(r.get("scheme") or scheme), str(r["group_code"]), kind(r)) or r["group_name"]
            for r in rows
        ]
    elif "group_name" in out.columns and "members" in out.columns:
        # A partner scheme's groups (``hitex groups region``): named, not coded.
        out["group_name"] = [partner_group_name(str(r["group_name"])) for r in rows]
    if {"product", "description"} <= set(out.columns):
        out["description"] = [_named(kind(r), str(r["product"])) or r["description"] for r in rows]
    if {"kind", "scheme", "source"} <= set(out.columns):
        # The list of schemes (``hitex groups``): what each groups, and whose it is.
        out["kind"] = [_KIND_RU.get(str(v), v) for v in out["kind"]]
        out["source"] = [_SOURCE_RU.get(str(v), v) for v in out["source"]]
    return out


#: What a scheme groups (``kind`` of ``hitex groups``), in Russian.
_KIND_RU = {"product": "товары", "partner": "партнёры"}

#: Whose a scheme is (``source`` of ``hitex groups``), in Russian.
_SOURCE_RU = {"built-in": "встроенная", "user": "пользовательская"}
