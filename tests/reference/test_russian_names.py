"""Russian names: the ТН ВЭД text and the groups' names, checked against the data files read
directly (csv), and the fallback to English where no Russian name is known."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from hitex.reference import russian

DATA = Path(__file__).parents[2] / "src" / "hitex" / "reference" / "data"


def _rows(*parts: str) -> list[dict[str, str]]:
    with (DATA.joinpath(*parts)).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


TNVED = _rows("tnved", "tnved_hs_ru.csv")
GROUPS = _rows("names-ru", "groups_ru.csv")


def _ru(classification: str, code: str) -> str:
    return next(r["name_ru"] for r in TNVED if r["classification"] == classification
                and r["code"] == code)  # fmt: skip


@pytest.mark.parametrize("edition", ["HS02", "HS07", "HS12", "HS17", "HS22"])
def test_headings_of_every_edition(edition):
    text = _ru(edition, "8411")
    assert text == "ДВИГАТЕЛИ ТУРБОРЕАКТИВНЫЕ И ТУРБОВИНТОВЫЕ, ГАЗОВЫЕ ТУРБИНЫ ПРОЧИЕ"
    assert russian.product(edition, "8411") == text[0] + text[1:].lower()
    assert (
        russian.product(edition, "84") == "Реакторы ядерные, котлы, оборудование и "
        "механические устройства; их части"
    )


def test_edition_wording_follows_the_dates_in_force():
    # 8517 was reworded for HS2022 (smartphones); the HS2017 wording is the one of 2017.
    assert "СМАРТФОНЫ" in _ru("HS22", "8517")
    assert "СМАРТФОНЫ" not in _ru("HS17", "8517")
    assert "смартфоны" in russian.product("HS22", "8517")
    assert "смартфоны" not in russian.product("HS17", "8517")


def test_subheadings_carry_their_heading_like_the_english_names():
    assert russian.product("HS22", "851713") == (
        russian.product("HS22", "8517") + "; смартфоны")  # fmt: skip
    # 010121 is one line of the ТН ВЭД (0101 21 000 0) under its heading.
    assert russian.product("HS22", "010121") == ("Лошади, ослы, мулы и лошаки живые; "
                                                 "чистопородные племенные животные")  # fmt: skip


def test_other_editions_take_the_hs2022_text_only_for_the_same_english_text():
    hs17 = {r["hscode"]: r["description"] for r in _rows("hs-nomenclature", "hs2017.csv")}
    hs22 = {r["hscode"]: r["description"] for r in _rows("hs-nomenclature", "hs2022.csv")}
    assert hs17["010121"] == hs22["010121"]
    assert russian.product("HS17", "010121") == russian.product("HS22", "010121")
    # 030255 was reworded from HS2017 to HS2022 (pollack -> pollock): no Russian name for HS17.
    assert hs17["030255"] != hs22["030255"]
    assert russian.product("HS22", "030255") is not None
    assert russian.product("HS17", "030255") is None


def test_codes_the_tnved_splits_have_no_russian_name():
    # 8411 11 is split into ten-digit lines (for civil aircraft, other): no line of its own.
    assert not [r for r in TNVED if r["code"] == "841111"]
    assert russian.product("HS17", "841111") is None
    assert russian.product("HS17", "9999") is None
    assert russian.product("SITC3", "71") is None


def test_every_group_of_the_schemes_has_a_russian_name():
    names = {(r["scheme"], r["code"]): r["name_ru"] for r in GROUPS}
    for file, scheme, column in (("tech.csv", "tech", "group_code"),
                                 ("enduse.csv", "enduse", "group_code"),
                                 ("enduse.csv", "enduse-stage", "stage_code"),
                                 ("techservices.csv", "techservices", "group_code")):  # fmt: skip
        for row in _rows("schemes", file):
            assert (scheme, row[column]) in names, (scheme, row[column])
    for row in _rows("ebops", "ebops2010.csv"):
        assert russian.product("EBOPS2010", row["code"]) is not None, row["code"]
    for row in _rows("hs-bec-concordance", "bec4_descriptions.csv"):
        if row["cmdCode"] != "TOTAL":
            assert russian.group("bec", row["cmdCode"]) is not None, row["cmdCode"]
    blocs = {r["bloc"] for r in _rows("blocs", "blocs.csv")}
    assert all(russian.partner_group(b) for b in blocs)
    assert russian.group("hs-section", "XVI").startswith("Машины, оборудование и механизмы")


def test_localize_names_a_code_without_its_own_line_from_its_heading():
    # 841111 has no line of its own (above); 030255 has the HS22 line but HS17 words it
    # otherwise; 999999 (not specified) has no Russian level above it at all.
    heading = next(
        r["name_ru"] for r in TNVED if (r["classification"], r["code"]) == ("HS17", "8411")
    )
    heading0302 = next(
        r["name_ru"] for r in TNVED if (r["classification"], r["code"]) == ("HS17", "0302")
    )
    frame = pd.DataFrame({"product": ["8411", "841111", "030255", "999999"],
                          "product_name": ["Turbo-jets", "Jets", "Pollack", "Not specified"],
                          "classification": ["HS17"] * 4, "partner": ["IND"] * 4,
                          "partner_name": ["India"] * 4})  # fmt: skip
    out = russian.localize(frame, "ru")
    assert out["product_name"].tolist() == [
        heading[0] + heading[1:].lower(),
        "Из товарной позиции 8411: " + heading.lower(),
        "Из товарной позиции 0302: " + heading0302.lower(),
        "Not specified",
    ]
    assert out["partner_name"].tolist() == ["Индия"] * 4
    assert russian.missing_names(out) == ["999999"]
    assert russian.localize(frame, "en") is frame


def test_a_heading_without_a_russian_name_is_named_from_its_chapter():
    # Headings HS does not subdivide (0205) have only ten-digit lines in the FTS files.
    assert not [r for r in TNVED if r["classification"] == "HS22" and r["code"] == "0205"]
    chapter = next(
        r["name_ru"] for r in TNVED if (r["classification"], r["code"]) == ("HS22", "02")
    )
    said = "Из группы 02: " + chapter.lower()
    assert russian.row_name("product", "020500", "HS22") == said
    assert russian.group("hs-heading", "0205", "HS22") == said
    assert russian.product("HS22", "0205") is None  # the code's own name stays unknown


def test_headings_of_editions_before_the_tnved_files_take_hs2002_words_where_alike():
    hs92 = {r["hscode"]: r["description"] for r in _rows("hs-nomenclature", "hs1992.csv")}
    hs02 = {r["hscode"]: r["description"] for r in _rows("hs-nomenclature", "hs2002.csv")}
    ru02 = {r["code"]: r["name_ru"] for r in TNVED if r["classification"] == "HS02"}
    words = {c: (" ".join(hs92[c].split()), " ".join(hs02.get(c, "").split())) for c in hs92}
    alike = [c for c in sorted(ru02) if len(c) == 4 and c in words and len(set(words[c])) == 1]
    differ = [c for c in sorted(ru02) if len(c) == 4 and c in words and len(set(words[c])) == 2]
    assert alike
    assert differ
    # Headings in Cyrillic letters alone (a few mix in Latin ones: read apart, above).
    plain = [c for c in alike if not re.search("[A-Za-z]", ru02[c])]
    for code in plain[:50]:
        text = ru02[code]
        assert text.upper() == text, code  # the FTS's capitals, lowered by hand below
        assert russian.product("HS92", code) == text[0] + text[1:].lower(), code
    # Worded otherwise in 1992: not the same heading for sure, so no Russian name of its own.
    assert russian.product("HS92", differ[0]) is None


def test_no_russian_name_mixes_alphabets_within_a_word():
    mixed = [r for r in TNVED if re.search(r"[А-Яа-я][A-Za-z]|[A-Za-z][А-Яа-я]", r["name_ru"])]
    assert len(mixed) > 100  # the FTS's files do type letters of the other alphabet
    for row in TNVED:
        name = russian.product(row["classification"], row["code"])
        assert name is not None
        words = re.findall(r"\w+", name)
        assert not [w for w in words if re.search("[А-Яа-яЁё]", w) and re.search("[A-Za-z]", w)]
