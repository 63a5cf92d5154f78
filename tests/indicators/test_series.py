"""series: one dense row per year and by value; the base is the year before."""

from __future__ import annotations

import pytest


def test_rows_are_dense(tiny_session):
    s = tiny_session.series(reporter="RUS", years=[2019, 2020], by=["partner"])
    kaz = s[s["partner"] == "KAZ"].set_index("year")
    assert kaz["value_usd"].to_dict() == {2019: 0.0, 2020: 1000.0}
    assert len(s) == 10


def test_base_is_previous_year(tiny_session):
    s = tiny_session.series(reporter="CHN", years=range(2002, 2004)).set_index("year")
    assert s.loc[2002, "base_value_usd"] == 50.0  # 2001 is read though outside the span
    assert s.loc[2003, "growth_pct"] == pytest.approx(25.0)


def test_balance_series(tiny_session):
    s = tiny_session.series(
        reporter="RUS", flow="balance", years=[2019, 2020], classification="HS17"
    )
    assert s["value_usd"].tolist() == [850.0 - 100.0, 1850.0 - 600.0]


def test_by_year_is_the_series_itself(tiny_session):
    # Asking a series "by year" gives its own rows (whose figures the tests above check by
    # hand), not an error (it was a duplicate column "year__p").
    plain = tiny_session.series(reporter="CHN", years=range(2002, 2004))
    by_year = tiny_session.series(reporter="CHN", years=range(2002, 2004), by=["year"])
    assert by_year["year"].tolist() == [2002, 2003]
    assert by_year["value_usd"].tolist() == plain["value_usd"].tolist()
    assert by_year["growth_pct"].tolist() == plain["growth_pct"].tolist()
