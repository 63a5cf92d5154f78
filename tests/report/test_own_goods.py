"""A reporter as its own partner is named for what it is in reports, in both languages."""

from __future__ import annotations

from hitex.report.sections import Spec


def test_the_reporter_as_partner_is_its_own_goods(session):
    en = Spec(session, "THA", 2022)
    ru = Spec(session, "THA", 2022, lang="ru")
    assert en.partner("THA") == "Thailand (own goods)"
    assert ru.partner("THA") == "Таиланд (собственные товары)"
    assert en.partner("CHN") == "China"
    assert en.partner("X899") == "Areas, nes"
    assert ru.partner("X837") == "Бункерное топливо"
