"""Figures worded by the report's wording functions are read back as claims that allow them."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hitex.report.claims as claims
from hitex.report import wording
from hitex.report.claims.parse import parse

LANGS = st.sampled_from(wording.LANGS)


@given(usd=st.floats(1_000, 5e12), lang=LANGS)
def test_money_reads_back(usd, lang):
    text = f"Exports reached {wording.money(usd, lang=lang)}."
    (f,) = parse(text)
    assert f.claim.kind == "amount", text
    assert f.claim.quantity.allows(usd), text


@given(g=st.floats(-0.99, 60).filter(lambda g: abs(g) >= 0.0005), lang=LANGS)
def test_growth_reads_back(g, lang):
    verb = wording.change(g, lang=lang)
    text = f"Exports {verb}." if lang == "en" else f"Экспорт {verb}."
    (f,) = parse(text)
    q = f.claim.quantity
    figure = 1 + g if q.unit == "x" else g * 100
    assert f.claim.kind in ("growth", "multiple"), text
    assert q.allows(figure), (text, q)


@pytest.fixture(scope="module")
def partners(checked_warehouse):
    t = checked_warehouse.table(reporter="RU-MOW", year=2020, compare=2019, by=["partner"])
    return t[t["growth_pct"].notna()].reset_index(drop=True)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_report_wording_of_a_computed_figure_is_supported(checked_warehouse, partners, data):
    row = partners.iloc[data.draw(st.integers(0, len(partners) - 1))]
    name = str(row.partner_name)
    text = (
        f"In 2020, Moscow's exports to {name} {wording.change(row.growth_pct / 100)} "
        f"compared with 2019, to {wording.money(row.value_usd)}."
    )
    results = claims.check(checked_warehouse, text, reporter="RU-MOW", year=2020)
    assert [r.verdict for r in results] == ["supported", "supported"], [r.reason for r in results]
    assert all(r.claim.subject.partners == (row.partner,) for r in results)
