"""The report's Enterprises section in English and Russian, and what the data note says."""

from __future__ import annotations

import pytest

import hitex
from hitex import report as rep


def _sentences(built: rep.Report, key: str) -> list[str]:
    section = next(s for s in built.sections if s.key == key)
    return [str(p.text) for p in section.sentences]


def test_enterprises_section_in_english(firm_session: hitex.Session):
    built = rep.build(firm_session, reporter="RU-MOW", year=2020, compare=2019,
                      firm_group="high-tech")  # fmt: skip
    assert built.title == "Exports of Moscow (high-tech enterprises), 2020 against 2019"
    text = " ".join(_sentences(built, "enterprises"))
    # By hand (see test_indicators): A, B, D in 2020; B new, C gone; +150,000 = 700,000 -
    # 300,000 - 250,000.
    assert "3 enterprises exported in 2020 (group: high-tech enterprises)." in text
    assert (
        "Against 2019: 1 enterprise new, 1 enterprise gone (stopped exporting or left the group)."
    ) in text
    # B is the only new exporter: the part of new exporters would be B's exports.
    assert (
        "The increase is not taken apart between new, gone and continuing exporters: fewer "
        "than 3 enterprises among new exporters (disclosure control)."
    ) in text
    assert "$700 thousand" not in text
    assert "(2020: 3, 2019: 3)" in text
    assert "Figures of single enterprises are not shown." in text
    note = " ".join(_sentences(built, "note"))
    assert "Disclosure control: figures resting on fewer than 3 enterprises" in note
    # Every partner row of the group rests on 2 enterprises or fewer: none is named.
    destinations = next(s for s in built.sections if s.key == "destinations")
    assert destinations.skipped is not None
    assert "suppressed" in destinations.skipped


def test_enterprises_section_in_russian(firm_session: hitex.Session):
    built = rep.build(firm_session, reporter="RU-MOW", year=2020, compare=2019,
                      firm_group="high-tech", lang="ru")  # fmt: skip
    text = " ".join(_sentences(built, "enterprises"))
    assert built.title == "Экспорт Москвы (высокотехнологичные предприятия), 2020 г. к 2019 г."
    assert "Экспортёров в 2020 г. (высокотехнологичные предприятия): 3 предприятия." in text
    assert (
        "новых — 1 предприятие, выбывших (прекративших экспорт или вышедших из группы) — " in text
    )
    assert (
        "Разложение прироста на вклад новых, выбывших и продолжающих экспорт предприятий не "
        "приводится: среди новых экспортёров менее 3 предприятий (защита конфиденциальности)."
    ) in text
    assert "Показатели отдельных предприятий не приводятся." in text
    assert "high-tech" not in text + built.title


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # By hand: +150,000 = 700,000 (B, new) - 300,000 (C, gone) - 250,000 (A -300,000,
        # D +50,000).
        (
            "en",
            "Of the $150 thousand increase, new exporters brought $700 thousand, those gone "
            "took away $300 thousand, and continuing exporters lost $250 thousand.",
        ),
        (
            "ru",
            "Из прироста в 150 тыс. долл. новые экспортёры дали 700 тыс. долл., выбывшие — "
            "минус 300 тыс. долл., продолжающие экспорт — −250 тыс. долл.",
        ),
    ],
)
def test_growth_taken_apart_when_disclosure_is_lifted(
    firm_session: hitex.Session, lang: str, sentence: str
):
    firm_session.scope(suppress=False)
    try:
        built = rep.build(firm_session, reporter="RU-MOW", year=2020, compare=2019,
                          firm_group="high-tech", lang=lang)  # fmt: skip
    finally:
        firm_session.scope()
    assert sentence in " ".join(_sentences(built, "enterprises"))


def test_lifted_disclosure_names_the_largest_exporters(firm_session: hitex.Session):
    firm_session.scope(suppress=False)
    try:
        built = rep.build(firm_session, reporter="RU-MOW", year=2020, compare=2019)
    finally:
        firm_session.scope()
    text = " ".join(_sentences(built, "enterprises"))
    assert (
        "The largest exporters were Alpha Microelectronics ($1.2 million), Beta Optics "
        "($700 thousand) and Epsilon Software ($600 thousand)."
    ) in text
    assert "not for publication" in text


def test_records_without_firms_have_no_section(demo_session: hitex.Session):
    built = rep.build(demo_session, reporter="CHL", year=2004, compare=2002)
    assert "enterprises" not in [s.key for s in built.sections]
    assert "note" in [s.key for s in built.sections]
