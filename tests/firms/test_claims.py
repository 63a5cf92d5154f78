"""Claims about an enterprise group: ``hitex check --firm-group`` checks them on its records."""

from __future__ import annotations

from pathlib import Path

import hitex
from hitex.report import claims


def test_claims_of_a_group_are_checked_on_its_enterprises(
    firm_session: hitex.Session, tmp_path: Path
):
    text = tmp_path / "a.txt"
    # High-tech (by hand, test_indicators): 2,250,000 -> 2,400,000, +6.67%.
    text.write_text("Moscow's exports grew by 6.7% in 2020 compared with 2019, to $2.4 million.\n")
    firm_session.scope(firm_group="high-tech")
    try:
        results = claims.check_file(firm_session, text, reporter="RU-MOW", year=2020,
                                    compare=2019)  # fmt: skip
    finally:
        firm_session.scope()
    assert [r.verdict for r in results] == ["supported", "supported"]


def test_a_suppressed_figure_is_unverifiable(firm_session: hitex.Session, tmp_path: Path):
    text = tmp_path / "b.txt"
    # Exports to Japan in 2020 rest on two enterprises (C, E): suppressed.
    text.write_text("Moscow's exports to Japan were $700,000 in 2020.\n")
    results = claims.check_file(firm_session, text, reporter="RU-MOW", year=2020)
    assert [r.verdict for r in results] == ["unverifiable"]
    assert "disclosure control" in results[0].reason
