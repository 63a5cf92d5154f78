"""The report's own sentences, built over random selections and checked: never a red flag.

The report is built (not fixed strings: its wording changes), in Russian and English, for
random year-to-date spans of the Moscow example; every sentence is checked by the claim checker
with the report's reporter and years. No claim may be contradicted or inconsistent, and the
headline's figures (the growth and both levels) must be supported.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hitex.report.claims as claims
from hitex.report.build import build

RED = ("contradicted", "inconsistent")


@st.composite
def selections(draw: st.DrawFn) -> tuple[str, tuple[int, int] | None]:
    lang = draw(st.sampled_from(["ru", "en"]))
    months = draw(st.one_of(st.none(), st.integers(1, 12).map(lambda m: (1, m))))
    return lang, months


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(selection=selections())
def test_report_sentences_are_never_flagged(checked_warehouse, selection):
    lang, months = selection
    report = build(checked_warehouse, reporter="RU-MOW", year=2020, compare=2019, lang=lang,
                   months=months)  # fmt: skip
    # One sentence a paragraph: each is read on its own, as the report states it.
    text = "\n".join(s.text for section in report.sections for s in section.sentences)
    results = claims.check(checked_warehouse, text, reporter="RU-MOW", year=2020, compare=2019)
    flagged = [(r.claim.sentence, r.claim.span, r.reason) for r in results if r.verdict in RED]
    assert flagged == []
    headline = claims.check(checked_warehouse, report.sections[0].sentences[0].text,
                            reporter="RU-MOW", year=2020, compare=2019)  # fmt: skip
    numbers = [r for r in headline if r.claim.understood]
    assert len(numbers) >= 2
    assert [r.verdict for r in numbers] == ["supported"] * len(numbers), [
        (r.claim.span, r.reason) for r in numbers
    ]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_whole_year_headline_is_read(checked_warehouse, lang):
    report = build(checked_warehouse, reporter="RU-MOW", year=2020, compare=2019, lang=lang)
    text = report.sections[0].sentences[0].text
    results = claims.check(checked_warehouse, text, reporter="RU-MOW", year=2020, compare=2019)
    kinds = [r.claim.kind for r in results if r.verdict == "supported"]
    assert "growth" in kinds
    assert kinds.count("amount") == 2
